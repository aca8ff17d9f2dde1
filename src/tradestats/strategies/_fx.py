"""Strategies for exchange rates (private; see :mod:`tradestats.strategies`)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tradestats.fx import ExchangeRate, RateKind
from tradestats.strategies._amounts import currencies, decimals
from tradestats.strategies._common import _decimal_argument, _optional, _unit_choices
from tradestats.strategies._flows import names
from tradestats.strategies._periods import periods as _any_period

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tradestats._numbers import Number
    from tradestats.periods import Period


def exchange_rates(
    base: str | Iterable[str] | None = None,
    quote: str | Iterable[str] | None = None,
    *,
    periods: st.SearchStrategy[Period] | None = None,
    min_rate: Number = Decimal("0.0001"),
    max_rate: Number = 10000,
    places: int = 4,
) -> st.SearchStrategy[ExchangeRate]:
    """Exchange rates between two different currencies, for a period.

    Args:
        base: The currency priced (one unit of it), several to draw from, or any.
        quote: The currency of the price, several to draw from, or any.
        periods: Where the rate's period comes from; any period by default.
        min_rate: The lowest rate, positive.
        max_rate: The highest rate.
        places: The most decimals of the rate.

    Returns:
        A strategy for :class:`~tradestats.ExchangeRate` values, of either kind,
        with or without a source.

    Raises:
        InvalidArgument: For unknown currencies, a non-positive ``min_rate``, or
            ``base`` and ``quote`` that leave no pair of different currencies.
    """
    bases = _unit_choices(base, money=True) if base is not None else None
    quotes = _unit_choices(quote, money=True) if quote is not None else None
    if bases is not None and quotes is not None and set(bases) == set(quotes) == {bases[0]}:
        raise InvalidArgument(f"base and quote are both {bases[0]}: a rate needs two currencies")
    if _decimal_argument(min_rate, "min_rate") <= 0:
        raise InvalidArgument(f"min_rate must be positive, got {min_rate!r}")
    pair = st.tuples(
        st.sampled_from(bases) if bases else currencies(),
        st.sampled_from(quotes) if quotes else currencies(),
    ).filter(lambda codes: codes[0] != codes[1])
    return st.builds(
        lambda codes, rate, period, kind, source: ExchangeRate(
            codes[0], codes[1], rate, period=period, kind=kind, source=source
        ),
        pair,
        decimals(min_rate, max_rate, places=places),
        periods if periods is not None else _any_period(),
        st.sampled_from(RateKind),
        _optional(names()),
    )
