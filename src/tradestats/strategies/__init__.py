"""Hypothesis strategies for tradestats values, to test your own code with.

Install the ``strategies`` extra (``pip install "tradestats[strategies]"``), then
draw amounts, periods, measures, trade flows and exchange rates in your tests:

>>> from decimal import Decimal
>>> from hypothesis import given, settings
>>> import tradestats as ts
>>> from tradestats import strategies as tst
>>> @settings(max_examples=25)
... @given(tst.money_amounts(currency="CNY", allow_zero=False), tst.growths())
... def test_implied_values_round_trip(previous, change):
...     current = ts.implied_current(previous, change)
...     back = ts.implied_previous(current, change)
...     assert abs(back.magnitude - previous.magnitude) <= previous.magnitude * Decimal("1e-24")
>>> test_implied_values_round_trip()

Every generated value is valid by construction, and the numbers stay in ranges
where tradestats' 28-digit decimal arithmetic is exact or within a few units in
the last place: magnitudes up to 10¹⁵ with at most 4 decimals (19 significant
digits), growth rates between −99.9% and +1000%, multipliers up to ×1000,
exchange rates between 0.0001 and 10000. So a product of an amount and a rate
is exact, and tests can compare with a tight relative tolerance.

Strategies that take another strategy as an argument accept any
:class:`~hypothesis.strategies.SearchStrategy`; use
:func:`~hypothesis.strategies.just` to fix a value. Bad arguments raise
:class:`hypothesis.errors.InvalidArgument` when the strategy is created.

Importing this package registers a strategy for each public value type with
:func:`hypothesis.strategies.register_type_strategy`, so ``st.from_type(Amount)``,
``st.builds(f)`` for a function taking a :class:`~tradestats.Period`, and
``st.from_type(Reported[Growth])`` draw the same values as the strategies here:

>>> from hypothesis import find, strategies as st
>>> figure = find(st.from_type(ts.Reported[ts.Growth]), lambda figure: figure.value.rate > 0)
>>> type(figure.value).__name__, figure.value.rate > 0
('Growth', True)

This package is not imported by ``import tradestats``, so tradestats itself does
not depend on hypothesis. Its modules are private, one per domain (amounts,
periods, measures, flows, figures, exchange rates); import from
``tradestats.strategies``.
"""

from __future__ import annotations

from typing import Final, TypeAlias

from tradestats.strategies import _amounts, _flows, _registry
from tradestats.strategies._amounts import (
    amounts,
    currencies,
    decimals,
    money_amounts,
    physical_units,
    units,
)
from tradestats.strategies._figures import (
    intervals,
    reported_amounts,
    reported_growths,
    reported_multipliers,
    reported_percentage_points,
    reported_shares,
    reports_of,
    rounded_reports,
)
from tradestats.strategies._flows import (
    hs_codes,
    names,
    partitions,
    product_groups,
    products,
    trade_flows,
    year_on_year_flow_pairs,
    year_on_year_partitions,
)
from tradestats.strategies._fx import exchange_rates
from tradestats.strategies._measures import growths, multipliers, percentage_points, shares
from tradestats.strategies._periods import periods, year_on_year_periods

__all__ = [
    "MAX_MAGNITUDE",
    "PHYSICAL_UNITS",
    "Partition",
    "amounts",
    "currencies",
    "decimals",
    "exchange_rates",
    "growths",
    "hs_codes",
    "intervals",
    "money_amounts",
    "multipliers",
    "names",
    "partitions",
    "percentage_points",
    "periods",
    "physical_units",
    "product_groups",
    "products",
    "reported_amounts",
    "reported_growths",
    "reported_multipliers",
    "reported_percentage_points",
    "reported_shares",
    "reports_of",
    "rounded_reports",
    "shares",
    "trade_flows",
    "units",
    "year_on_year_flow_pairs",
    "year_on_year_partitions",
    "year_on_year_periods",
]

#: A total flow and the parts it splits into, as :func:`partitions` draws them.
Partition: TypeAlias = _flows.Partition

#: The largest magnitude :func:`amounts` draws by default: 10¹⁵, a quadrillion.
MAX_MAGNITUDE: Final = _amounts.MAX_MAGNITUDE

#: The canonical names of the physical units that :func:`physical_units` draws from.
PHYSICAL_UNITS: Final = _amounts.PHYSICAL_UNITS

_registry.register()
