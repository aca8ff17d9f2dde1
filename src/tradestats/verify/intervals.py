"""Closed intervals of exact decimals, with arithmetic that never loses the true value.

A published figure stands for every value that rounds to it: "183 billion" for
anything from 182.5 to 183.5 billion. An :class:`Interval` holds such a range,
and its arithmetic gives the range of every result the inputs allow. Where
28-digit decimal arithmetic has to round, the low end is rounded down and the
high end up, so the true value is never outside the result.

>>> total = Interval.around("183E9", "0.5E9")
>>> total
Interval('[1.825E+11, 1.835E+11]')
>>> factor = Interval("1.5925", "1.5935")
>>> (total / factor).format(places=0)
'[114527769061, 115227629514]'
>>> Interval(1, 2) - Interval(1, 2)
Interval('[-1, 1]')
"""

from __future__ import annotations

from decimal import Decimal, Inexact
from typing import TYPE_CHECKING, Final, Self

from attrs import field, frozen

from tradestats._numbers import (
    CONTEXT,
    DOWN,
    UP,
    ZERO,
    Number,
    fixed,
    in_context,
    quantize,
    to_decimal,
)
from tradestats.errors import InvalidValueError, ZeroBaseError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Interval"]

# Decimal's power() and ln() round to nearest and are "almost always" correctly
# rounded: stepping this many units in the last place outward keeps them sound.
_POWER_SLACK: Final = 2


def _low(value: Number) -> Decimal:
    return to_decimal(value, what="an interval's low end")


def _high(value: Number) -> Decimal:
    return to_decimal(value, what="an interval's high end")


def _operand(value: Interval | Number) -> Interval:
    if isinstance(value, Interval):
        return value
    return Interval.exact(value)


@frozen
class Interval:
    """A closed interval ``[low, high]`` of finite decimals: every value a rounded figure allows.

    Args:
        low: The smallest value, as a Decimal, int, numeric string or float.
        high: The largest value, at least ``low``.

    Raises:
        InvalidValueError: If ``low`` is above ``high``, or either is NaN or infinite.
        ParseError: If either is text that is not a number.

    Arithmetic (``+ - * /`` and unary ``-``) takes intervals or plain numbers
    (exact values) on either side and gives the interval of every result: each
    end is the extreme over the corners of the operands, rounded outward when it
    needs more than 28 digits. Intervals are equal when their ends are equal.

    >>> Interval("182.5", "183.5") + Interval(-1, 1)
    Interval('[181.5, 184.5]')
    >>> Interval(2, 3) * -1
    Interval('[-3, -2]')
    >>> 1 / Interval(3, 4)
    Interval('[0.25, 0.3333333333333333333333333334]')
    """

    low: Decimal = field(converter=_low)
    high: Decimal = field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise InvalidValueError(
                f"an interval's low end {self.low} is above its high end {self.high}: "
                "give the smaller value first",
                low=self.low,
                high=self.high,
            )

    # -- construction ------------------------------------------------------------------

    @classmethod
    def exact(cls, value: Number) -> Self:
        """The interval of a single, exactly known value (zero width).

        >>> Interval.exact("59.3")
        Interval('[59.3, 59.3]')
        """
        number = to_decimal(value, what="an exact value")
        return cls(number, number)

    @classmethod
    def around(cls, value: Number, half_width: Number) -> Self:
        """The interval ``[value − half_width, value + half_width]``.

        Args:
            value: The midpoint, such as a published figure.
            half_width: How far the true value may lie from it, not negative.

        Raises:
            InvalidValueError: If ``half_width`` is negative.

        >>> Interval.around("59.3", "0.05")
        Interval('[59.25, 59.35]')
        """
        middle = to_decimal(value, what="an interval's midpoint")
        half = to_decimal(half_width, what="an interval's half width")
        if half < 0:
            raise InvalidValueError(
                f"an interval's half width cannot be negative, got {half}", value=half_width
            )
        if not half:  # keep the digits as given: 1.83E+11, not 183000000000
            return cls(middle, middle)
        return cls(DOWN.subtract(middle, half), UP.add(middle, half))

    @classmethod
    def spanning(cls, values: Iterable[Number]) -> Self:
        """The smallest interval that holds every one of ``values``.

        Raises:
            InvalidValueError: If there are no values.

        >>> Interval.spanning(["3", "-1", "2.5"])
        Interval('[-1, 3]')
        """
        numbers = [to_decimal(value) for value in values]
        if not numbers:
            raise InvalidValueError("an interval must span at least one value, got none")
        return cls(min(numbers), max(numbers))

    # -- views -------------------------------------------------------------------------

    @property
    def midpoint(self) -> Decimal:
        """The middle of the interval, rounded to 28 digits (half away from zero).

        >>> Interval("182.5", "183.5").midpoint
        Decimal('183.0')
        """
        return CONTEXT.divide(CONTEXT.add(self.low, self.high), 2)

    @property
    def width(self) -> Decimal:
        """``high − low``, rounded up if it needs more than 28 digits.

        >>> Interval("59.25", "59.35").width
        Decimal('0.10')
        """
        return UP.subtract(self.high, self.low)

    @property
    def is_exact(self) -> bool:
        """Whether the interval holds a single value.

        >>> Interval.exact(5).is_exact, Interval(4, 5).is_exact
        (True, False)
        """
        return self.low == self.high

    # -- set operations ----------------------------------------------------------------

    def contains(self, other: Number | Interval) -> bool:
        """Whether a value, or every value of another interval, lies in this interval.

        >>> Interval(1, 2).contains("1.5"), Interval(1, 2).contains(Interval(1, 3))
        (True, False)
        """
        if isinstance(other, Interval):
            return self.low <= other.low and other.high <= self.high
        return self.low <= to_decimal(other) <= self.high

    def __contains__(self, other: object) -> bool:
        if isinstance(other, bool) or not isinstance(other, Interval | Decimal | int | float | str):
            return False
        return self.contains(other)

    def intersection(self, other: Interval) -> Interval | None:
        """The values in both intervals, or ``None`` if they are disjoint.

        >>> Interval(1, 3).intersection(Interval(2, 5)), Interval(1, 2).intersection(Interval(3, 4))
        (Interval('[2, 3]'), None)
        """
        low, high = max(self.low, other.low), min(self.high, other.high)
        return Interval(low, high) if low <= high else None

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both: from the lower low to the higher high.

        >>> Interval(1, 2).hull(Interval(4, 5))
        Interval('[1, 5]')
        """
        return Interval(min(self.low, other.low), max(self.high, other.high))

    def gap(self, other: Interval) -> Decimal:
        """The distance between two intervals, zero if they overlap or touch.

        Rounded down if it needs more than 28 digits, so the intervals are at
        least this far apart.

        >>> Interval(1, 2).gap(Interval("2.5", 4)), Interval(1, 3).gap(Interval(2, 4))
        (Decimal('0.5'), Decimal('0'))
        """
        if other.low > self.high:
            return DOWN.subtract(other.low, self.high)
        if self.low > other.high:
            return DOWN.subtract(self.low, other.high)
        return ZERO

    # -- arithmetic --------------------------------------------------------------------

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __add__(self, other: Interval | Number) -> Interval:
        if not isinstance(other, Interval | Decimal | int | float | str):
            return NotImplemented
        right = _operand(other)
        return Interval(DOWN.add(self.low, right.low), UP.add(self.high, right.high))

    def __radd__(self, other: Number) -> Interval:
        return self + other

    def __sub__(self, other: Interval | Number) -> Interval:
        if not isinstance(other, Interval | Decimal | int | float | str):
            return NotImplemented
        right = _operand(other)
        return Interval(DOWN.subtract(self.low, right.high), UP.subtract(self.high, right.low))

    def __rsub__(self, other: Number) -> Interval:
        return _operand(other) - self

    def __mul__(self, other: Interval | Number) -> Interval:
        if not isinstance(other, Interval | Decimal | int | float | str):
            return NotImplemented
        right = _operand(other)
        corners = [(a, b) for a in (self.low, self.high) for b in (right.low, right.high)]
        return Interval(
            min(DOWN.multiply(a, b) for a, b in corners),
            max(UP.multiply(a, b) for a, b in corners),
        )

    def __rmul__(self, other: Number) -> Interval:
        return self * other

    def __truediv__(self, other: Interval | Number) -> Interval:
        if not isinstance(other, Interval | Decimal | int | float | str):
            return NotImplemented
        right = _operand(other)
        if right.low <= 0 <= right.high:
            raise ZeroBaseError(
                f"cannot divide {self} by {right}: the divisor may be zero, so the quotient "
                "has no bounds",
                dividend=self,
                divisor=right,
            )
        # Away from zero a ÷ b is monotone in a and in b, so its extremes are at corners.
        corners = [(a, b) for a in (self.low, self.high) for b in (right.low, right.high)]
        return Interval(
            min(DOWN.divide(a, b) for a, b in corners),
            max(UP.divide(a, b) for a, b in corners),
        )

    def __rtruediv__(self, other: Number) -> Interval:
        return _operand(other) / self

    def scaleb(self, places: int) -> Interval:
        """Both ends multiplied by ``10 ** places``: percent to fraction and back.

        >>> Interval("59.25", "59.35").scaleb(-2)
        Interval('[0.5925, 0.5935]')
        """
        return Interval(self.low.scaleb(places, DOWN), self.high.scaleb(places, UP))

    @in_context
    def power(self, exponent: Interval | Number) -> Interval:
        """Every ``x ** e`` for ``x`` in this interval and ``e`` in ``exponent``.

        For ``x ≥ 0`` and ``e > 0`` the power is monotone in each, so its extremes
        are at the corners. A power that is not exact in 28 digits (any with a
        fractional exponent) is rounded to nearest, and only "almost always"
        correctly, so such an end is moved outward by two units in its last
        digit to stay sound. An exponent such as 1 ÷ 3, which has no exact
        decimal, can be given as an interval around it.

        Raises:
            InvalidValueError: If the exponent may be zero or negative, or the
                interval reaches below zero.

        >>> Interval("1.21", 4).power("0.5")
        Interval('[1.099999999999999999999999998, 2.000000000000000000000000002]')
        >>> Interval(2, 3).power(2)
        Interval('[4, 9]')
        """
        powers = _operand(exponent)
        if powers.low <= 0 or self.low < 0:
            raise InvalidValueError(
                f"cannot raise {self} to the power {powers}: powers here need an exponent above "
                "zero and an interval of values not below zero",
                interval=self,
                exponent=exponent,
            )
        corners = [(x, e) for x in (self.low, self.high) for e in (powers.low, powers.high)]
        return Interval(
            min(_power(x, e, down=True) for x, e in corners),
            max(_power(x, e, down=False) for x, e in corners),
        )

    # -- text --------------------------------------------------------------------------

    def rounded(self, places: int) -> Interval:
        """The smallest interval with ends of ``places`` decimals that holds this one.

        The low end is rounded down and the high end up, so no value is lost.

        Raises:
            InvalidValueError: If ``places`` is negative or too many for 28 digits.

        >>> Interval("114.5277", "115.2276").rounded(1)
        Interval('[114.5, 115.3]')
        """
        return Interval(quantize(self.low, places, DOWN), quantize(self.high, places, UP))

    def format(self, *, places: int | None = None) -> str:
        """Show the interval as ``[low, high]``, rounded outward to ``places`` decimals if given.

        Rounding outward (see :meth:`rounded`) keeps every value of the interval
        inside the text shown.

        Raises:
            InvalidValueError: If ``places`` is negative or too many for 28 digits.

        >>> Interval("114.5287", "115.2277").format(places=2)
        '[114.52, 115.23]'
        >>> Interval("1.825E+11", "1.835E+11").format()
        '[1.825E+11, 1.835E+11]'
        """
        if places is None:
            return f"[{self.low}, {self.high}]"
        shown = self.rounded(places)
        return f"[{fixed(shown.low)}, {fixed(shown.high)}]"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Interval({self.format()!r})"


def _power(base: Decimal, exponent: Decimal, *, down: bool) -> Decimal:
    """``base ** exponent`` rounded down (or up) far enough to be sound."""
    if not base:
        return ZERO
    context = CONTEXT.copy()
    context.clear_flags()  # so that Inexact tells whether this power was exact
    result = context.power(base, exponent)
    if not context.flags[Inexact]:
        return result
    for _ in range(_POWER_SLACK):
        result = context.next_minus(result) if down else context.next_plus(result)
    return max(result, ZERO)
