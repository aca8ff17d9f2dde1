"""Comparisons with foreign types: ``==`` is False and ordering raises Python's TypeError.

Every comparison dunder of a value type returns ``NotImplemented`` for an object it
does not know, so Python falls back to its own answer (``False`` for ``==``, a
``TypeError`` naming both types for ``<``) instead of leaking an AttributeError.
"""

from __future__ import annotations

import operator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import strategies as tst

REPORT = ts.load_report("examples/xinjiang_2023.toml")

VALUES: list[Any] = [
    ts.money("183 billion CNY"),
    ts.amount("5 tonne"),
    ts.Growth.from_percent("59.3"),
    ts.Multiplier.times_more("3.26"),
    ts.Share.from_percent("92.3"),
    ts.PercentagePoints(Decimal("1.2")),
    ts.Period.year_to_date(2023, 7),
    ts.HSCode("870380"),
    ts.ProductGroup("electric vehicles"),
    ts.Interval(Decimal(1), Decimal(2)),
    ts.Bounds(ts.Growth.from_percent("59.1"), ts.Growth.from_percent("59.5")),
    ts.Reported.parse_amount("183 billion yuan"),
    ts.ExchangeRate("USD", "CNY", "7.2", period="2023"),
    ts.TradeFlow(reporter="Xinjiang", flow="total", period="2023", value="1 CNY"),
    REPORT,
    *REPORT.flows,
    *REPORT.claims,
    ts.check(REPORT),
    *ts.check(REPORT).implied[:1],
    # FigureRange is left out: it is being replaced by Bounds, which is here.
    ts.Flow.TOTAL,
    ts.Verdict.CONSISTENT,
]

# Foreign values, including the numbers and text the value types are made from.
FOREIGN: list[Any] = [5, Decimal("59.3"), 0.593, "183 billion CNY", None, object(), (1, 2)]

ORDERINGS = [operator.lt, operator.le, operator.gt, operator.ge]


@pytest.mark.parametrize("foreign", FOREIGN, ids=lambda foreign: type(foreign).__name__)
@pytest.mark.parametrize("value", VALUES, ids=lambda value: type(value).__name__)
def test_foreign_values_are_not_equal(value: Any, foreign: Any) -> None:
    """A value object never equals a number, text or None, from either side."""
    assert (value == foreign) is False
    assert (foreign == value) is False
    assert (value != foreign) is True


@pytest.mark.parametrize("order", ORDERINGS, ids=lambda order: order.__name__)
@pytest.mark.parametrize("foreign", FOREIGN, ids=lambda foreign: type(foreign).__name__)
@pytest.mark.parametrize("value", VALUES, ids=lambda value: type(value).__name__)
def test_ordering_with_foreign_values_is_a_type_error(value: Any, foreign: Any, order: Any) -> None:
    """``value < 5`` (and ``5 < value``) raise Python's own TypeError naming both types."""
    with pytest.raises(TypeError, match="not supported between instances of"):
        order(value, foreign)
    with pytest.raises(TypeError, match="not supported between instances of"):
        order(foreign, value)


@given(tst.amounts(), st.one_of(st.integers(), st.decimals(allow_nan=False), st.text()))
def test_amounts_order_only_with_amounts(value: ts.Amount, foreign: Any) -> None:
    """Ordering an amount against anything but an amount is Python's TypeError."""
    for order in ORDERINGS:
        with pytest.raises(TypeError, match="'Amount'"):
            order(value, foreign)


@given(tst.amounts())
def test_amounts_still_order_among_themselves(value: ts.Amount) -> None:
    """The NotImplemented path leaves amount-with-amount comparison as it was."""
    bigger = value + ts.Amount(Decimal(1), value.unit)
    assert value < bigger
    assert value <= ts.Amount(value.magnitude, value.unit)
    assert bigger > value
    assert bigger >= value
