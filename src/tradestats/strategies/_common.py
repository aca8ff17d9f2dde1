"""Argument checks and shared constants of the public strategies (private)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeVar, cast

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tradestats._numbers import Number, to_decimal
from tradestats.errors import TradeStatsError
from tradestats.flows import (
    Flow,
)
from tradestats.units import CURRENCIES, canonical_unit, is_currency

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal


T = TypeVar("T")

# Significant digits an argument combination may need at most, leaving room in
# the 28-digit context for one exact product (an amount times a rate) or sum.
_MAX_DIGITS: Final = 20
_MAX_PLACES: Final = 12
_MAX_PARTS: Final = 50

# Real names first, so that shrunk examples read like trade statistics.
_PLACE_NAMES: Final = (
    "China",
    "Xinjiang",
    "Kazakhstan",
    "Belt and Road countries",
    "European Union",
    "United States",
    "Hong Kong, China",
    "Côte d'Ivoire",
)
_GROUP_NAMES: Final = (
    "electric vehicles",
    "solar cells",
    "lithium-ion batteries",
    "tomato paste",
    "cotton",
    "机电产品",
)
_NAME_CHARACTERS: Final = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'&éü新疆电动汽车太阳能电池"
)
# The currencies of the seed article first, so that examples shrink towards them.
_ALL_CURRENCIES: Final = ("CNY", "USD", *sorted(set(CURRENCIES) - {"CNY", "USD"}))
_YEAR_TO_DATE_ENDS: Final = (2, 4, 5, 7, 8, 9, 10, 11)  # 1, 3, 6, 12 make other kinds
_NON_BALANCE_FLOWS: Final = tuple(flow for flow in Flow if flow is not Flow.BALANCE)


# -- argument checks ---------------------------------------------------------------------


def _decimal_argument(value: Number, name: str) -> Decimal:
    try:
        return to_decimal(value, what=name)
    except TradeStatsError as error:
        raise InvalidArgument(f"{name}={value!r}: {error}") from None


def _check_places(places: int) -> None:
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= _MAX_PLACES:
        raise InvalidArgument(f"places must be an int from 0 to {_MAX_PLACES}, got {places!r}")


def _check_digits(low: Decimal, high: Decimal, places: int) -> None:
    largest = max(abs(low), abs(high))
    digits = max(largest.adjusted() + 1, 1) + places if largest else 1 + places
    if digits > _MAX_DIGITS:
        raise InvalidArgument(
            f"values up to {largest} with {places} decimals need {digits} significant digits; "
            f"keep it to {_MAX_DIGITS} so that 28-digit arithmetic on them stays exact"
        )


def _choices(value: T | Iterable[T] | None, every: Iterable[T], name: str) -> tuple[T, ...]:
    """A fixed value, a collection of values, or ``None`` for ``every`` one, as a tuple."""
    everything = tuple(every)
    if value is None:
        return everything
    if value in everything:
        return (value,)
    try:
        chosen = tuple(cast("Iterable[T]", value))
    except TypeError:
        chosen = ()
    if not chosen or any(item not in everything for item in chosen):
        raise InvalidArgument(f"{name}={value!r}: expected one or more of {everything!r}")
    return chosen


def _unit_choices(value: str | Iterable[str] | None, *, money: bool) -> tuple[str, ...] | None:
    if value is None:
        return None
    given = (value,) if isinstance(value, str) else tuple(value)
    try:
        chosen = tuple(dict.fromkeys(canonical_unit(unit) for unit in given))
    except TradeStatsError as error:
        raise InvalidArgument(str(error)) from None
    if not chosen:
        raise InvalidArgument("expected at least one unit, got none")
    if money and not all(is_currency(unit) for unit in chosen):
        raise InvalidArgument(f"expected ISO 4217 currency codes, got {value!r}")
    return chosen


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)
