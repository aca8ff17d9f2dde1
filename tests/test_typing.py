"""The typed API: overloads give precise types, checked by mypy --strict over this file.

The ``assert_type`` calls do nothing at run time; mypy (run over ``tests/`` in CI,
and over this file by the last test here) fails if a type is not the one stated.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import assert_type

import pytest
from hypothesis import strategies as st

import tradestats as ts
from tradestats import strategies as tst

FLOW = ts.TradeFlow(reporter="Xinjiang", flow="total", period="2023-01/2023-07",
                    value="183 billion CNY")  # fmt: skip
PART = ts.TradeFlow(reporter="Xinjiang", partner="BRI", flow="total", period="2023-01/2023-07",
                    value="169 billion CNY")  # fmt: skip
CHANGE = ts.Growth.from_percent("59.3")
RATE = ts.ExchangeRate("USD", "CNY", "7", period="2023-01/2023-07")


def test_overloads_follow_their_argument() -> None:
    """Functions taking a flow or an amount return the same kind of thing."""
    assert_type(ts.implied_previous(FLOW, CHANGE), ts.TradeFlow)
    assert_type(ts.implied_previous(FLOW.value, CHANGE), ts.Amount)
    assert_type(ts.implied_current(FLOW, CHANGE), ts.TradeFlow)
    assert_type(ts.implied_current(FLOW.value, CHANGE), ts.Amount)
    assert_type(ts.remainder(FLOW, PART), ts.TradeFlow)
    assert_type(ts.remainder(FLOW.value, PART.value), ts.Amount)
    assert_type(RATE.convert(FLOW), ts.TradeFlow)
    assert_type(RATE.convert(FLOW.value), ts.Amount)
    assert isinstance(ts.implied_previous(FLOW, CHANGE), ts.TradeFlow)


def test_amount_arithmetic_types() -> None:
    """Amount ÷ Amount is a number; Amount ÷ number and Amount × number are amounts."""
    assert_type(FLOW.value / PART.value, Decimal)
    assert_type(FLOW.value / 2, ts.Amount)
    assert_type(FLOW.value * Decimal("1.5"), ts.Amount)
    assert_type(FLOW.value + PART.value, ts.Amount)
    assert_type(FLOW.value.magnitude, Decimal)
    assert isinstance(FLOW.value / PART.value, Decimal)


def test_measure_types() -> None:
    """Measures convert to the types they promise."""
    assert_type(CHANGE.to_multiplier(), ts.Multiplier)
    assert_type(ts.share(PART, FLOW) - ts.share(PART, FLOW), ts.PercentagePoints)
    assert_type(CHANGE - CHANGE, ts.PercentagePoints)
    assert_type(ts.contribution(PART.value, PART.value, FLOW.value), ts.PercentagePoints)
    assert_type(ts.yoy_growth(FLOW, ts.implied_previous(FLOW, CHANGE)), ts.Growth)
    assert_type(ts.chain(CHANGE, CHANGE), ts.Growth)


def test_number_is_public() -> None:
    """tradestats.Number is what the API takes for a number: Decimal, int, float or str."""
    numbers: list[ts.Number] = [Decimal("59.3"), 59.3, "59.3", 593]
    growths = [ts.Growth.from_percent(number) for number in numbers[:3]]
    assert [ts.Growth.from_percent("59.3")] * 3 == growths
    assert ts.Growth.from_percent("593") == ts.Growth.from_percent(numbers[3])
    assert ts.Number == Decimal | int | float | str


def test_rounded_types() -> None:
    """rounded() gives back the type it was called on."""
    assert_type(FLOW.value.rounded(1), ts.Amount)
    assert_type(CHANGE.rounded(1), ts.Growth)
    assert_type(CHANGE.to_multiplier().rounded(1), ts.Multiplier)
    assert_type(ts.share(PART, FLOW).rounded(1), ts.Share)
    assert_type((CHANGE - CHANGE).rounded(1), ts.PercentagePoints)
    assert_type(ts.Growth.times_as_much("3.26"), ts.Growth)
    assert_type(ts.Period.from_month_indices(2023 * 12, 2023 * 12 + 11), ts.Period)


def test_structuring_types() -> None:
    """structure and from_json return the type they were asked for."""
    assert_type(ts.structure(ts.unstructure(FLOW), ts.TradeFlow), ts.TradeFlow)
    assert_type(ts.from_json(ts.to_json(CHANGE), ts.Growth), ts.Growth)
    assert ts.Growth.from_percent("59.3") == ts.from_json(ts.to_json(CHANGE), ts.Growth)


def test_strategy_types() -> None:
    """The public strategies are typed by what they draw."""
    assert_type(tst.amounts(), st.SearchStrategy[ts.Amount])
    assert_type(tst.periods(), st.SearchStrategy[ts.Period])
    assert_type(tst.year_on_year_periods(), st.SearchStrategy[tuple[ts.Period, ts.Period]])
    assert_type(tst.trade_flows(), st.SearchStrategy[ts.TradeFlow])
    assert_type(tst.year_on_year_flow_pairs(), st.SearchStrategy[tuple[ts.TradeFlow, ts.TradeFlow]])
    assert_type(tst.partitions(), st.SearchStrategy[tst.Partition])
    assert_type(tst.exchange_rates(), st.SearchStrategy[ts.ExchangeRate])
    assert_type(tst.decimals(), st.SearchStrategy[Decimal])


def test_this_file_passes_mypy_strict() -> None:
    """mypy --strict accepts this file, so every assert_type above holds."""
    api = pytest.importorskip("mypy.api")
    root = Path(__file__).resolve().parent.parent
    stdout, stderr, status = api.run(
        ["--strict", "--no-error-summary", "--config-file", str(root / "pyproject.toml"),
         str(Path(__file__).resolve())]
    )  # fmt: skip
    assert not status, stdout + stderr
