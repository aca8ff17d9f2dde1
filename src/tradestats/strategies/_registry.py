"""The public value types, registered with hypothesis so that ``st.from_type`` draws them.

Private: importing :mod:`tradestats.strategies` calls :func:`register` once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from hypothesis import strategies as st

from tradestats.amounts import Amount
from tradestats.flows import HSCode, ProductGroup, TradeFlow
from tradestats.fx import ExchangeRate
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.periods import Period
from tradestats.strategies._amounts import amounts
from tradestats.strategies._figures import (
    intervals,
    reported_amounts,
    reported_growths,
    reported_multipliers,
    reported_percentage_points,
    reported_shares,
)
from tradestats.strategies._flows import hs_codes, product_groups, trade_flows
from tradestats.strategies._fx import exchange_rates
from tradestats.strategies._measures import growths, multipliers, percentage_points, shares
from tradestats.strategies._periods import periods
from tradestats.verify.figures import Reported
from tradestats.verify.intervals import Interval

if TYPE_CHECKING:
    from collections.abc import Callable

#: Each public value type and the strategy ``st.from_type`` uses for it.
TYPES: Final[dict[type, Callable[[], st.SearchStrategy[Any]]]] = {
    Amount: amounts,
    Period: periods,
    Growth: growths,
    Multiplier: multipliers,
    Share: shares,
    PercentagePoints: percentage_points,
    HSCode: hs_codes,
    ProductGroup: product_groups,
    TradeFlow: trade_flows,
    ExchangeRate: exchange_rates,
    Interval: intervals,
}

#: The strategy for ``Reported[T]``, by the type of the published value.
REPORTED: Final[dict[type, Callable[[], st.SearchStrategy[Any]]]] = {
    Amount: reported_amounts,
    Growth: reported_growths,
    Multiplier: reported_multipliers,
    Share: reported_shares,
    PercentagePoints: reported_percentage_points,
}


def _reported(thing: Any) -> st.SearchStrategy[Any]:
    """Reported[T] draws figures of T; a plain Reported draws figures of any kind."""
    arguments = getattr(thing, "__args__", ())
    if arguments and arguments[0] in REPORTED:
        return REPORTED[arguments[0]]()
    if arguments:
        # Not a value type tradestats reports (such as Reported[int]): hypothesis
        # treats NotImplemented as "no strategy" and says so.
        return NotImplemented  # type: ignore[no-any-return]
    return st.one_of([strategy() for strategy in REPORTED.values()])


def register() -> None:
    """Register a strategy for every public value type (done once, on import)."""
    for kind, strategy in TYPES.items():
        # Deferred, so that registering costs nothing until a test draws the type.
        st.register_type_strategy(kind, st.deferred(strategy))
    st.register_type_strategy(Reported, _reported)
