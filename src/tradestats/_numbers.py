"""Private decimal helpers: one fixed arithmetic context and the conversions at the edge."""

from __future__ import annotations

import functools
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
    getcontext,
    setcontext,
)
from typing import TYPE_CHECKING, Final, ParamSpec, TypeAlias, TypeVar

from tradestats._text import quote
from tradestats.errors import InvalidValueError, ParseError
from tradestats.limits import MAX_DIGITS, MAX_EXPONENT, MAX_TEXT_LENGTH

if TYPE_CHECKING:
    from collections.abc import Callable
    from fractions import Fraction

__all__ = [
    "CONTEXT",
    "DOWN",
    "ONE",
    "UP",
    "ZERO",
    "Number",
    "auto_scale",
    "check_limits",
    "fixed",
    "in_context",
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
# Every public function that computes runs in it (see in_context), so bare operators
# (a + b) inside the library use it too. Emax/Emin are spelled out: the limits of
# tradestats.limits keep inputs far inside them.
CONTEXT = Context(
    prec=MAX_DIGITS,
    rounding=ROUND_HALF_UP,
    Emax=999_999,
    Emin=-999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
ZERO = Decimal(0)
ONE = Decimal(1)
# Twice the digits the largest integer accepted can have (10 ** MAX_EXPONENT has
# about 3,322 bits): larger ints are refused before any conversion to text.
_MAX_INT_BITS = 2 * 3322

_P = ParamSpec("_P")
_R = TypeVar("_R")
# The context in_context installs: one object for every thread, so a nested call
# sees it with one identity check. Sharing is safe: its precision, rounding and
# traps never change, and nothing reads its flags (the only state calls write).
_ACTIVE = CONTEXT.copy()


def in_context(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` in the library's decimal context, whatever the caller's is.

    The caller's thread context (its precision, traps, exponent range) is set
    aside for the call and restored after it, so results never depend on
    ``decimal.getcontext()``. A result too large for the context raises
    :class:`~tradestats.errors.InvalidValueError` instead of ``decimal.Overflow``.
    Nested calls cost one identity check.
    """

    @functools.wraps(function)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        saved = getcontext()
        if saved is _ACTIVE:
            return function(*args, **kwargs)
        setcontext(_ACTIVE)
        try:
            return function(*args, **kwargs)
        except Overflow:
            raise InvalidValueError(
                f"{function.__name__}: the result is too large to compute (beyond 1E+999999); "
                f"figures are limited to 1E±{MAX_EXPONENT}",
                function=function.__name__,
            ) from None
        except InvalidOperation:
            raise InvalidValueError(
                f"{function.__name__}: the arguments have no defined result",
                function=function.__name__,
            ) from None
        finally:
            setcontext(saved)

    return run


def check_limits(
    value: Decimal, *, what: str = "value", given: object = None, digits: bool = True
) -> Decimal:
    """``value`` if it has at most MAX_DIGITS digits and an exponent within ±MAX_EXPONENT.

    Args:
        value: A finite Decimal.
        what: What the value is, for the message.
        given: What the caller wrote, quoted (shortened) in the message; ``value`` if None.
        digits: Whether to check the number of significant digits too.

    Raises:
        InvalidValueError: If the value has too many digits or too large an exponent.

    >>> check_limits(Decimal("1E+1001"), what="a growth rate")
    Traceback (most recent call last):
    ...
    tradestats.errors.InvalidValueError: a growth rate is out of range: Decimal('1E+1001') is
    beyond 1E±1000, the largest and smallest magnitudes tradestats accepts
    """
    count = len(value.as_tuple().digits) if digits else 0
    if count > MAX_DIGITS:
        raise InvalidValueError(
            f"{what} has more than the {MAX_DIGITS} significant digits tradestats holds "
            f"exactly ({count}): {quote(value if given is None else given)}",
            value=given if given is not None else value,
            limit=MAX_DIGITS,
        )
    # A zero has no magnitude, but its exponent still sets the digits it prints with.
    exponent = value.adjusted() if value else value.as_tuple().exponent
    if abs(exponent) > MAX_EXPONENT:  # type: ignore[arg-type]
        raise InvalidValueError(
            f"{what} is out of range: {quote(value if given is None else given)} is beyond "
            f"1E±{MAX_EXPONENT}, the largest and smallest magnitudes tradestats accepts",
            value=given if given is not None else value,
            limit=MAX_EXPONENT,
        )
    return value


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
    The result is within the limits of :mod:`tradestats.limits`: a magnitude
    within 1E±1000 and, for text and ints, at most 28 significant digits (more are
    refused, not rounded). A Decimal the caller built is kept with all its digits,
    as Decimal itself does; arithmetic on it rounds to 28 digits.

    Raises:
        InvalidValueError: For NaN, infinities, booleans, non-numbers, and numbers
            beyond the limits.
        ParseError: For text that is not a number.
    """
    if isinstance(value, Decimal):
        # The common case first, without a call: a finite, non-zero Decimal in range.
        if value.is_finite() and value and -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
            return value
        result = value
    elif isinstance(value, bool):
        raise InvalidValueError(
            f"{what} must be a number, not the boolean {quote(value)}", value=value
        )
    elif isinstance(value, int):
        if value.bit_length() > _MAX_INT_BITS:
            raise InvalidValueError(
                f"{what} is out of range: {quote(value)} is beyond 1E±{MAX_EXPONENT}, the "
                "largest and smallest magnitudes tradestats accepts",
                value=value,
                limit=MAX_EXPONENT,
            )
        result = Decimal(value).normalize(CONTEXT) if value else ZERO
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidValueError(f"{what} must be finite, got {quote(value)}", value=value)
        result = Decimal(repr(value)).normalize(CONTEXT) if value else ZERO
    elif isinstance(value, str):
        result = _from_text(value, what=what)
    else:
        raise InvalidValueError(
            f"{what} must be a Decimal, int, float or numeric string, "
            f"got {type(value).__name__} {quote(value)}",
            value=value,
        )
    if not result.is_finite():
        raise InvalidValueError(f"{what} must be finite, got {quote(value)}", value=value)
    return check_limits(result, what=what, given=value, digits=not isinstance(value, Decimal))


def _from_text(text: str, *, what: str) -> Decimal:
    if len(text) > MAX_TEXT_LENGTH:
        raise ParseError(
            f"{what} is too long to be a number: {quote(text)}; numbers are limited to "
            f"{MAX_TEXT_LENGTH} characters",
            value=text,
            limit=MAX_TEXT_LENGTH,
        )
    try:
        # The library's context, not the caller's, decides whether bad text traps
        # (with InvalidOperation not trapped, Decimal("x") would be NaN).
        return _exact(text)
    except InvalidOperation:
        raise ParseError(
            f"{what} must be a decimal number such as '59.3', got {quote(text)}",
            value=text,
        ) from None


def _exact(text: str) -> Decimal:
    """``Decimal(text)``, exact, raising InvalidOperation for bad text in any caller context."""
    result = Decimal(text.strip().replace("−", "-"))
    if result.is_nan() and "nan" not in text.lower():
        raise InvalidOperation(text)
    return result


def fixed(value: Decimal) -> str:
    """Show ``value`` in fixed-point notation with exactly the digits it has (no ``-0``)."""
    return f"{value if value else value.copy_abs():f}"


def show(value: Decimal, places: int | None = None) -> str:
    """Show ``value`` for people: rounded to ``places`` decimals, or without trailing zeros.

    Trailing zeros after the decimal point are dropped only when no ``places`` is
    asked for: they say nothing about the value, and arithmetic piles them up
    (``100 million × 4.26`` is ``426.00 million``).

    A value with more whole digits than the 28 tradestats computes with is still
    shown, exactly (rounding it to whole units or less never needs more digits
    than it has), so that showing a value never fails:

    >>> show(Decimal("-3.691111111111111111111111111E+31"), 0)
    '-36911111111111111111111111110000'

    >>> show(Decimal("426.00")), show(Decimal("14"), 1), show(Decimal("1E+3"))
    ('426', '14.0', '1000')
    """
    if places is not None:
        if value.is_finite() and places <= CONTEXT.prec:
            # Room for every whole digit and the decimals asked for: for display,
            # not arithmetic, so the rounding is exact whatever the magnitude.
            digits = max(CONTEXT.prec, value.adjusted() + places + 2)
            if digits > CONTEXT.prec:
                wide = CONTEXT.copy()
                wide.prec = digits
                return fixed(quantize(value, places, wide))
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
            f"places must be a whole number of decimals, 0 or more, got {quote(places)}",
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
