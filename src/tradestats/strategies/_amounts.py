"""Strategies for numbers, units and amounts (private; see :mod:`tradestats.strategies`)."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tradestats._numbers import CONTEXT, Number
from tradestats.amounts import Amount
from tradestats.strategies._common import (
    _ALL_CURRENCIES,
    _check_digits,
    _check_places,
    _decimal_argument,
    _unit_choices,
)

if TYPE_CHECKING:
    from collections.abc import Iterable


#: The largest magnitude :func:`amounts` draws by default: 10¹⁵, a quadrillion.
MAX_MAGNITUDE: Final = Decimal(10) ** 15

#: The canonical names of the physical units that :func:`physical_units` draws from.
PHYSICAL_UNITS: Final = (
    "gram",
    "kilogram",
    "tonne",
    "pound",
    "carat",
    "item",
    "pair",
    "dozen",
    "metre",
    "square_metre",
    "cubic_metre",
    "litre",
    "barrel",
    "kilowatt_hour",
    "megawatt_hour",
    "gigawatt_hour",
)


def decimals(
    min_value: Number = -MAX_MAGNITUDE,
    max_value: Number = MAX_MAGNITUDE,
    *,
    places: int = 4,
) -> st.SearchStrategy[Decimal]:
    """Finite decimals between two bounds, with at most ``places`` decimal digits.

    Unlike :func:`hypothesis.strategies.decimals`, the number of decimals varies
    from 0 to ``places`` (so ``Decimal("2")``, ``Decimal("2.5")`` and
    ``Decimal("2.50")`` all occur) and examples shrink towards short numbers
    near zero. NaN and infinities never occur.

    Args:
        min_value: The smallest value, inclusive.
        max_value: The largest value, inclusive.
        places: The most digits after the decimal point, 0 to 12.

    Returns:
        A strategy for :class:`~decimal.Decimal` values.

    Raises:
        InvalidArgument: For bounds in the wrong order, no value with ``places``
            decimals between them, or more than 20 significant digits in all.
    """
    low = _decimal_argument(min_value, "min_value")
    high = _decimal_argument(max_value, "max_value")
    _check_places(places)
    if low > high:
        raise InvalidArgument(f"min_value={low} is greater than max_value={high}")
    _check_digits(low, high, places)
    finest = _integer_range(low, high, places)
    if finest[0] > finest[1]:
        raise InvalidArgument(f"no number with at most {places} decimals lies in [{low}, {high}]")
    return _decimals(low, high, places)


def _integer_range(low: Decimal, high: Decimal, places: int) -> tuple[int, int]:
    """The integers ``n`` with ``low <= n × 10**-places <= high``."""
    scaled_low, scaled_high = low.scaleb(places), high.scaleb(places)
    ceiling = int(scaled_low.to_integral_value(rounding=ROUND_CEILING, context=CONTEXT))
    floor = int(scaled_high.to_integral_value(rounding=ROUND_FLOOR, context=CONTEXT))
    return ceiling, floor


@st.composite
def _decimals(draw: st.DrawFn, low: Decimal, high: Decimal, places: int) -> Decimal:
    shown = draw(st.integers(0, places))
    first, last = _integer_range(low, high, shown)
    if first > last:  # too coarse for this range: use every decimal allowed
        shown = places
        first, last = _integer_range(low, high, places)
    return Decimal(draw(st.integers(first, last))).scaleb(-shown)


def currencies(codes: Iterable[str] | None = None) -> st.SearchStrategy[str]:
    """ISO 4217 currency codes, such as ``"CNY"``, from all that tradestats knows.

    Args:
        codes: Draw only from these codes (any letter case); all by default.

    Returns:
        A strategy for upper-case three-letter codes.

    Raises:
        InvalidArgument: For an empty collection or an unknown code.
    """
    chosen = _unit_choices(codes, money=True) if codes is not None else None
    return st.sampled_from(chosen or _ALL_CURRENCIES)


def physical_units() -> st.SearchStrategy[str]:
    """Canonical names of the physical units of volume figures, such as ``"tonne"``.

    Returns:
        A strategy for the names in :data:`PHYSICAL_UNITS`.
    """
    return st.sampled_from(PHYSICAL_UNITS)


def units() -> st.SearchStrategy[str]:
    """Canonical units of either kind: currency codes and physical units.

    Returns:
        A strategy for units that :class:`~tradestats.Amount` accepts as they are.
    """
    return st.one_of(currencies(), physical_units())


def amounts(
    units: str | Iterable[str] | None = None,
    *,
    max_value: Number = MAX_MAGNITUDE,
    places: int = 4,
    allow_negative: bool = False,
    allow_zero: bool = True,
) -> st.SearchStrategy[Amount]:
    """Amounts of money or goods, non-negative unless ``allow_negative`` says otherwise.

    Magnitudes keep at most ``places`` decimals; some are drawn in normalized
    form (``Decimal("1.83E+11")`` rather than ``Decimal("183000000000")``), as
    parsing "183 billion" gives, since both forms must behave the same.

    Args:
        units: One unit, a collection to draw from, or ``None`` for any
            currency or physical unit (see :func:`units`).
        max_value: The largest magnitude; the smallest is ``-max_value`` or 0.
        places: The most decimals of a magnitude, 0 to 12.
        allow_negative: Draw negative amounts too, as trade balances can be.
        allow_zero: Draw zero too.

    Returns:
        A strategy for :class:`~tradestats.Amount` values.

    Raises:
        InvalidArgument: For an unknown unit or an impossible range.
    """
    chosen = _unit_choices(units, money=False)
    high = _decimal_argument(max_value, "max_value")
    if high <= 0:
        raise InvalidArgument(f"max_value must be positive, got {max_value!r}")
    smallest = Decimal(1).scaleb(-places) if not allow_zero and not allow_negative else 0
    magnitudes = decimals(-high if allow_negative else smallest, high, places=places)
    if not allow_zero:
        magnitudes = magnitudes.filter(bool)
    unit_strategy = st.sampled_from(chosen) if chosen else _any_unit()
    return _amounts(magnitudes, unit_strategy)


@st.composite
def _amounts(
    draw: st.DrawFn, magnitudes: st.SearchStrategy[Decimal], units: st.SearchStrategy[str]
) -> Amount:
    magnitude = draw(magnitudes)
    if draw(st.booleans()):
        magnitude = magnitude.normalize(CONTEXT)
    return Amount(magnitude, draw(units))


def money_amounts(
    currency: str | Iterable[str] | None = None,
    *,
    max_value: Number = MAX_MAGNITUDE,
    places: int = 4,
    allow_negative: bool = False,
    allow_zero: bool = True,
) -> st.SearchStrategy[Amount]:
    """Amounts of money, in one currency, a few, or any.

    Args:
        currency: A currency code, a collection of them, or ``None`` for any.
        max_value: The largest magnitude.
        places: The most decimals of a magnitude.
        allow_negative: Draw negative amounts too.
        allow_zero: Draw zero too.

    Returns:
        A strategy for :class:`~tradestats.Amount` values in currencies.

    Raises:
        InvalidArgument: For an unknown currency or a physical unit.
    """
    codes = _unit_choices(currency, money=True) or _ALL_CURRENCIES
    return amounts(
        codes,
        max_value=max_value,
        places=places,
        allow_negative=allow_negative,
        allow_zero=allow_zero,
    )


# Module-level name for the strategy that an argument of the same name shadows.
_any_unit = units
