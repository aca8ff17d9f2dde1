"""Private decimal helpers: one fixed arithmetic context and the conversions at the edge."""

from __future__ import annotations

import math
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from typing import TYPE_CHECKING, Final, TypeAlias

from tradestats.errors import InvalidValueError, ParseError

if TYPE_CHECKING:
    from fractions import Fraction

__all__ = [
    "CONTEXT",
    "DOWN",
    "ONE",
    "UP",
    "ZERO",
    "Number",
    "auto_scale",
    "fixed",
    "round_down",
    "round_half_up",
    "round_up",
    "show",
    "to_decimal",
]

#: What a public function accepts where it wants a number.
Number: TypeAlias = Decimal | int | float | str

# The caller's thread-local decimal context may have any precision or traps;
# tradestats computes in its own, so results do not depend on the caller's settings.
CONTEXT = Context(
    prec=28,
    rounding=ROUND_HALF_UP,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
ZERO = Decimal(0)
ONE = Decimal(1)

# Outward rounding: a low end rounds towards −∞ and a high end towards +∞, so a range
# keeps the true value however many operations it went through. Same precision and
# traps as CONTEXT, so results differ from it only in the last digit.
DOWN: Final = CONTEXT.copy()
DOWN.rounding = ROUND_FLOOR
UP: Final = CONTEXT.copy()
UP.rounding = ROUND_CEILING

# 1, 0.1, 0.01, …: what quantize rounds to, made once.
_MANY_PLACES: Final = 32
_UNITS: Final = tuple(Decimal(1).scaleb(-places) for places in range(_MANY_PLACES))

# The scale words an amount is shown with when asked for "auto", largest first.
_AUTO_SCALES: Final = ((12, "trillion"), (9, "billion"), (6, "million"))


def to_decimal(value: object, *, what: str = "value") -> Decimal:
    """Turn ``value`` into a finite Decimal without inventing digits.

    A float becomes the shortest decimal that round-trips (``0.1`` → ``0.1``, not
    ``0.1000000000000000055511151231257827``); an int or float loses trailing zeros,
    which carry no information about precision; text keeps exactly the digits given.

    Raises:
        InvalidValueError: For NaN, infinities, booleans and non-numbers.
        ParseError: For text that is not a number.
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise InvalidValueError(f"{what} must be a number, not the boolean {value!r}", value=value)
    elif isinstance(value, int):
        result = Decimal(value).normalize(CONTEXT) if value else ZERO
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidValueError(f"{what} must be finite, got {value!r}", value=value)
        result = Decimal(repr(value)).normalize(CONTEXT) if value else ZERO
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace("−", "-"))
        except InvalidOperation:
            raise ParseError(
                f"{what} must be a decimal number such as '59.3', got {value!r}",
                value=value,
            ) from None
    else:
        raise InvalidValueError(
            f"{what} must be a Decimal, int, float or numeric string, "
            f"got {type(value).__name__} {value!r}",
            value=value,
        )
    if not result.is_finite():
        raise InvalidValueError(f"{what} must be finite, got {value!r}", value=value)
    return result


def fixed(value: Decimal) -> str:
    """Show ``value`` in fixed-point notation with exactly the digits it has (no ``-0``)."""
    return f"{value if value else value.copy_abs():f}"


def show(value: Decimal, places: int | None = None) -> str:
    """Show ``value`` for people: rounded to ``places`` decimals, or without trailing zeros.

    Trailing zeros after the decimal point are dropped only when no ``places`` is
    asked for: they say nothing about the value, and arithmetic piles them up
    (``100 million × 4.26`` is ``426.00 million``).

    >>> show(Decimal("426.00")), show(Decimal("14"), 1), show(Decimal("1E+3"))
    ('426', '14.0', '1000')
    """
    if places is not None:
        return fixed(round_half_up(value, places))
    text = fixed(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round half away from zero to ``places`` decimals, as statistics offices publish.

    Raises:
        InvalidValueError: If ``places`` is negative, or asks for more digits than
            the 28 that tradestats computes with.

    >>> round_half_up(Decimal("59.25"), 1), round_half_up(Decimal("-0.05"), 1)
    (Decimal('59.3'), Decimal('-0.1'))
    """
    return quantize(value, places, CONTEXT)


def quantize(value: Decimal, places: int, context: Context) -> Decimal:
    """Round to ``places`` decimals in the rounding mode of ``context``.

    Raises:
        InvalidValueError: As :func:`round_half_up`.
    """
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise InvalidValueError(
            f"places must be a whole number of decimals, 0 or more, got {places!r}",
            value=places,
        )
    try:
        return value.quantize(Decimal(1).scaleb(-places), context=context)
    except InvalidOperation:
        raise InvalidValueError(
            f"cannot show {value} with {places} decimals: that needs more than the "
            f"{context.prec} significant digits tradestats computes with",
            value=value,
            places=places,
        ) from None


def round_down(value: Decimal | Fraction, places: int | None = None) -> Decimal:
    """``value`` rounded towards −∞: to ``places`` decimals, or to 28 significant digits.

    The low end of a range rounds down so that the range still holds the true
    value. With ``places``, the result has as many digits as it takes: a low end
    is never refused for being large.

    >>> round_down(Decimal("59.249"), 1), round_down(Decimal("-0.01"), 1)
    (Decimal('59.2'), Decimal('-0.1'))
    >>> from fractions import Fraction
    >>> round_down(Fraction(1, 3))
    Decimal('0.3333333333333333333333333333')
    """
    return _outward(value, places, DOWN)


def round_up(value: Decimal | Fraction, places: int | None = None) -> Decimal:
    """``value`` rounded towards +∞: to ``places`` decimals, or to 28 significant digits.

    >>> from fractions import Fraction
    >>> round_up(Decimal("59.351"), 1), round_up(Fraction(2, 3), 2)
    (Decimal('59.4'), Decimal('0.67'))
    """
    return _outward(value, places, UP)


def _outward(value: Decimal | Fraction, places: int | None, context: Context) -> Decimal:
    if not isinstance(value, Decimal):  # a Fraction (isinstance of Decimal first: it is faster)
        if places is None:
            return context.divide(Decimal(value.numerator), Decimal(value.denominator))
        scaled = value * 10**places
        whole = math.floor(scaled) if context is DOWN else math.ceil(scaled)
        # scaleb rounds to its context's precision: give it every digit of ``whole``.
        return Decimal(whole).scaleb(-places, Context(prec=max(context.prec, len(str(whole)))))
    if places is None:
        return context.plus(value)
    if not value.is_finite():
        return value
    digits = value.adjusted() + places + 2
    if digits > context.prec:  # a result with more digits than 28: give quantize room
        context = Context(prec=digits, rounding=context.rounding, traps=[InvalidOperation])
    unit = _UNITS[places] if places < _MANY_PLACES else ONE.scaleb(-places)
    return value.quantize(unit, context=context)


def auto_scale(size: Decimal) -> tuple[int, str]:
    """The power of ten and scale word to show a number of this size with: 1E+9, "billion".

    Trillion, billion or million, the largest that ``size`` reaches; below a
    million, every digit (0 and no word).

    >>> auto_scale(Decimal("1.83E11")), auto_scale(Decimal("-2E12")), auto_scale(Decimal(999))
    ((9, 'billion'), (12, 'trillion'), (0, ''))
    """
    magnitude = abs(size)
    for exponent, word in _AUTO_SCALES:
        if magnitude >= Decimal(1).scaleb(exponent):
            return exponent, word
    return 0, ""
