"""Measures as types of their own: growth rates, multipliers, shares, percentage points.

A growth rate (+59.3%), a multiplier (×4.26), a share (92.3%) and a difference in
percentage points (+1.2 pp) are four different things that a spreadsheet writes
as four bare floats. Here each is a type that shows itself unmistakably and
converts to the others only where that means something.

The "times" trap
    In Chinese statistical usage 增长3.26倍 ("grew 3.26 times") means the value
    rose *by* 326%, to 4.26 times its old level; 是…的3.26倍 ("3.26 times as
    much") means ×3.26. English news copies both as "3.26 times". So nothing here
    reads a bare "3.26 times": choose :meth:`Multiplier.times_more` or
    :meth:`Multiplier.times_as_much`, or pass a :class:`TimesConvention`.

>>> from tradestats import Growth, Multiplier
>>> Multiplier.times_more("3.26"), Multiplier.times_as_much("3.26")
(Multiplier('×4.26'), Multiplier('×3.26'))
>>> Growth.from_percent("59.3").to_multiplier()
Multiplier('×1.593')
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from typing import Final, Protocol, Self

from attrs import field, frozen

from tradestats import _rules
from tradestats._grammar import (
    ParsedMeasure,
    Reading,
    read_growth,
    read_multiplier,
    read_points,
    read_share,
)
from tradestats._numbers import (
    CONTEXT,
    ONE,
    Number,
    check_limits,
    fixed,
    in_context,
    round_half_up,
    show,
    to_decimal,
)
from tradestats._text import quote
from tradestats.errors import AmbiguityError, InvalidValueError, ParseError

__all__ = ["Growth", "Multiplier", "PercentagePoints", "Share", "TimesConvention"]

_FORMAT_SPEC: Final = re.compile(r"^\.(?P<places>[0-9]+)f$")


class TimesConvention(enum.Enum):
    """How to read "N times" when a figure is given as a number of times.

    ``MORE`` is the Chinese statistical usage 增长N倍: the value grew *by* N×100%,
    so it is now N + 1 times its old level. ``AS_MUCH`` is 是…的N倍 and the plain
    English reading: the value is now N times its old level.
    """

    MORE = "more"
    AS_MUCH = "as much"


def _signed(text: str) -> str:
    return text if text.startswith("-") or not text.strip("0.") else f"+{text}"


def _places(spec: str, kind: str) -> int | None:
    if not spec:
        return None
    match = _FORMAT_SPEC.match(spec)
    if match is None:
        raise ParseError(
            f"unknown format spec {quote(spec)} for a {kind}: use '' or '.Nf', such as '.1f'",
            value=spec,
        )
    return int(match.group("places"))


def _rate(value: Number) -> Decimal:
    return to_decimal(value, what="a growth rate")


def _points(value: Number) -> Decimal:
    return to_decimal(value, what="percentage points")


class _Formattable(Protocol):
    def format(self, *, places: int | None = None) -> str: ...


def _format_spec(value: _Formattable, spec: str, kind: str) -> str:
    places = _places(spec, kind)
    return value.format(places=places) if places is not None else str(value)


@frozen(order=True)
class Growth:
    """A rate of change between two values, such as +59.3% year on year.

    Args:
        rate: The change as a fraction of the base: ``Decimal("0.593")`` is +59.3%.
            Prefer :meth:`from_percent` for published figures.

    Raises:
        InvalidValueError: For NaN or infinite rates.

    >>> Growth.from_percent("59.3")
    Growth('+59.3%')
    >>> Growth.from_percent("59.3").percent
    Decimal('59.3')
    """

    rate: Decimal = field(converter=_rate)

    @classmethod
    @in_context
    def from_percent(cls, percent: Number) -> Self:
        """A growth rate given in percent: ``"59.3"`` is +59.3%."""
        return cls(to_decimal(percent, what="a growth rate in percent").scaleb(-2))

    @classmethod
    @in_context
    def times_more(cls, times: Number) -> Self:
        """Growth written as 增长N倍, "grew N times" in Chinese usage: +N×100%.

        >>> Growth.times_more("3.26")
        Growth('+326%')
        """
        return cls(to_decimal(times, what="a number of times"))

    @classmethod
    @in_context
    def times_as_much(cls, times: Number) -> Self:
        """Growth to "N times as much" (是…的N倍): ×N, so +(N − 1)×100%.

        >>> Growth.times_as_much("3.26")
        Growth('+226%')
        """
        return cls(CONTEXT.subtract(to_decimal(times, what="a number of times"), ONE))

    @classmethod
    @in_context
    def parse(
        cls,
        text: str,
        *,
        times: TimesConvention | None = None,
        locale: str | None = None,
        zhao: str | None = None,
    ) -> Self:
        """Read a growth rate as releases and news write it.

        Reads ``"+59.3%"``, ``"up 59.3%"``, ``"up 59.3% year on year"``,
        ``"down 3.2% y/y"``, ``"同比增长59.3%"``, ``"下降3.2%"``, ``"同比增長百分之六点五"``,
        ``"stieg um 5,3 Prozent"`` (with ``locale="de"``); also "N times" given a
        :class:`TimesConvention`, and 增长N倍 (which needs none).

        Args:
            text: The figure as written.
            times: How to read a bare "N times".
            locale: How numbers are written (``"de"``: "5,3 %"); see :meth:`.Amount.parse`.
            zhao: How to read 兆 (``"trillion"`` or ``"million"``); see :meth:`.Amount.parse`.

        Raises:
            ParseError: For text that is not a growth rate.
            AmbiguityError: For "N times" without ``times``.

        >>> Growth.parse("down 3.2%"), Growth.parse("同比增长59.3%"), Growth.parse("增长3.26倍")
        (Growth('-3.2%'), Growth('+59.3%'), Growth('+326%'))
        """
        parsed = read_growth(text, locale=locale, zhao=zhao)
        if parsed.reading is Reading.PERCENT:
            return cls.from_percent(_figure(parsed, text))
        return cls(CONTEXT.subtract(_multiplier(parsed, text, times).factor, ONE))

    @property
    def percent(self) -> Decimal:
        """The rate in percent, such as 59.3 for +59.3%."""
        return self.rate.scaleb(2)

    @in_context
    def to_multiplier(self) -> Multiplier:
        """The multiplier new ÷ old that this growth gives: +59.3% is ×1.593.

        Raises:
            InvalidValueError: For a fall of more than 100%, which no multiplier makes.
        """
        factor = CONTEXT.add(ONE, self.rate)
        if _rules.FALL_BEYOND_100.refuses(factor):
            raise _rules.FALL_BEYOND_100.failure(shown=self, details={"value": self})
        return Multiplier(factor)

    @in_context
    def rounded(self, places: int) -> Growth:
        """The rate rounded to ``places`` decimals in percent, half away from zero.

        >>> Growth(Decimal("0.59296")).rounded(1) == Growth.from_percent("59.3")
        True
        """
        return Growth.from_percent(round_half_up(self.percent, places))

    @in_context
    def then(self, later: Growth) -> Growth:
        """This growth followed by ``later``: compounded, not added.

        >>> Growth.from_percent(10).then(Growth.from_percent(10))
        Growth('+21%')
        """
        return Growth(
            CONTEXT.subtract(
                CONTEXT.multiply(CONTEXT.add(ONE, self.rate), CONTEXT.add(ONE, later.rate)), ONE
            )
        )

    @in_context
    def format(self, *, places: int | None = None) -> str:
        """Show the rate in percent with a sign, rounded to ``places`` decimals if given.

        >>> Growth(Decimal("0.59296")).format(places=1)
        '+59.3%'
        """
        return f"{_signed(show(self.percent, places))}%"

    @in_context
    def __sub__(self, other: Growth) -> PercentagePoints:
        """The difference of two growth rates is in percentage points."""
        if not isinstance(other, Growth):
            return NotImplemented
        return PercentagePoints(CONTEXT.subtract(self.percent, other.percent))

    @in_context
    def __neg__(self) -> Growth:
        return Growth(-self.rate)

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"Growth({self.format()!r})"

    @in_context
    def __format__(self, spec: str) -> str:
        return _format_spec(self, spec, "Growth")


def _figure(parsed: ParsedMeasure, text: str) -> Decimal:
    """The number of a parsed measure, refused beyond the limits rather than rounded.

    The grammar reads numerals of up to MAX_NUMERAL_CHARS characters exactly; a
    figure of more than MAX_DIGITS significant digits would be rounded by the
    first operation on it (``from_percent``'s shift), silently.
    """
    return check_limits(parsed.number, what="a measure", given=text)


def _multiplier(parsed: ParsedMeasure, text: str, times: TimesConvention | None) -> Multiplier:
    """The multiplier a parsed "times" figure stands for; a bare "N times" needs ``times``.

    Raises:
        AmbiguityError: For "N times" without ``times``.
    """
    number = _figure(parsed, text)
    if parsed.reading is Reading.TIMES_MORE:
        return Multiplier.times_more(number)
    if parsed.reading is Reading.TIMES_AS_MUCH:
        return Multiplier.times_as_much(number)
    if parsed.reading is Reading.FOLD_DECREASE:
        if number < 1:
            raise ParseError(
                f"cannot read {quote(text)} as a multiplier: an N-fold decrease is ×1/N "
                f"and needs N "
                f"of at least 1, got {number}",
                value=text,
            )
        return Multiplier(CONTEXT.divide(ONE, number))
    if parsed.reading is not Reading.TIMES:
        return Multiplier(number)
    if times is None:
        raise AmbiguityError(
            f'{quote(text)} has two readings: ×{number} ("{number} times as much") or '
            f"×{number + 1} (+{fixed(number.scaleb(2))}%, Chinese 增长{number}倍); "
            "pass times=TimesConvention.AS_MUCH or times=TimesConvention.MORE",
            value=text,
            needs="times",
        )
    return Multiplier.from_times(number, times)


def _non_negative_factor(value: Number) -> Decimal:
    factor = to_decimal(value, what="a multiplier")
    if factor < 0:
        raise InvalidValueError(
            f"a multiplier cannot be negative, got {factor}: a value that changes sign has a "
            "growth rate but no meaningful multiplier",
            value=value,
        )
    return factor


@frozen(order=True)
class Multiplier:
    """How many times the old value the new one is: new ÷ old, such as ×4.26.

    Args:
        factor: The ratio new ÷ old, not negative. ``Decimal("4.26")`` is ×4.26.

    Raises:
        InvalidValueError: For NaN, infinite or negative factors.

    >>> Multiplier(Decimal("4.26")).to_growth()
    Growth('+326%')
    """

    factor: Decimal = field(converter=_non_negative_factor)

    @classmethod
    @in_context
    def times_as_much(cls, times: Number) -> Self:
        """Read "N times as much" (是…的N倍): the new value is N times the old, ×N.

        >>> Multiplier.times_as_much("3.26")
        Multiplier('×3.26')
        """
        return cls(to_decimal(times, what="a number of times"))

    @classmethod
    @in_context
    def times_more(cls, times: Number) -> Self:
        """Read "grew N times" in Chinese usage (增长N倍): up N×100%, so ×(N + 1).

        >>> Multiplier.times_more("36.9")
        Multiplier('×37.9')
        """
        return cls(CONTEXT.add(to_decimal(times, what="a number of times"), ONE))

    @classmethod
    @in_context
    def from_times(cls, times: Number, convention: TimesConvention) -> Self:
        """N times, read with the convention the caller chose."""
        if convention is TimesConvention.MORE:
            return cls.times_more(times)
        return cls.times_as_much(times)

    @classmethod
    @in_context
    def parse(
        cls,
        text: str,
        *,
        times: TimesConvention | None = None,
        locale: str | None = None,
        zhao: str | None = None,
    ) -> Self:
        """Read a multiplier: ``"×4.26"``, ``"4.26x"``, ``"增长3.26倍"``, ``"是…的3.26倍"``.

        Every multiplier that :meth:`Growth.parse` reads is read here too, with the
        same cue words (``"同比增長2.3倍"``) and the same ``locale`` and ``zhao``.

        A bare ``"3.26 times"`` (or ``"3.26倍"``, ``"3.26-fold"``) is refused unless
        ``times`` says how to read it. The words of a multiple need no convention:
        ``"doubled"``, ``"twice"``, ``"tripled"``, ``"quadrupled"``, ``"翻一番"`` and
        ``"a 3-fold increase"`` are ×N; ``"halved"``, ``"减半"``, ``"decreased
        3.5-fold"`` and ``"a 3.5-fold decrease"`` are ×1/N, exactly.

        Raises:
            ParseError: For text that is not a multiplier.
            AmbiguityError: For "N times" without ``times``.

        >>> Multiplier.parse("3.26 times", times=TimesConvention.MORE)
        Multiplier('×4.26')
        >>> Multiplier.parse("是去年的3.26倍")
        Multiplier('×3.26')
        >>> Multiplier.parse("doubled"), Multiplier.parse("decreased 2.5-fold")
        (Multiplier('×2'), Multiplier('×0.4'))
        """
        parsed = read_multiplier(text, locale=locale, zhao=zhao)
        return cls(_multiplier(parsed, text, times).factor)

    @in_context
    def to_growth(self) -> Growth:
        """The growth rate this multiplier gives: ×4.26 is +326%."""
        return Growth(CONTEXT.subtract(self.factor, ONE))

    @in_context
    def rounded(self, places: int) -> Multiplier:
        """The factor rounded to ``places`` decimals, half away from zero."""
        return Multiplier(round_half_up(self.factor, places))

    @in_context
    def format(self, *, places: int | None = None) -> str:
        """Show the factor after a multiplication sign, rounded to ``places`` if given."""
        return f"×{show(self.factor, places)}"

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"Multiplier({self.format()!r})"

    @in_context
    def __format__(self, spec: str) -> str:
        return _format_spec(self, spec, "Multiplier")


def _unit_fraction(value: Number) -> Decimal:
    fraction = to_decimal(value, what="a share")
    if not 0 <= fraction <= 1:
        raise InvalidValueError(
            f"a share must lie between 0 and 1 (0% to 100%), got {fraction}: a part cannot "
            "exceed its total",
            value=value,
        )
    return fraction


@frozen(order=True)
class Share:
    """The fraction of a total that a part makes up, between 0 and 1 (0% to 100%).

    Args:
        fraction: The part divided by the total; ``Decimal("0.923")`` is 92.3%.

    Raises:
        InvalidValueError: For a fraction below 0 or above 1.

    >>> Share.from_percent("92.3")
    Share('92.3%')
    >>> Share.from_percent("92.3") - Share.from_percent("91.1")
    PercentagePoints('+1.2 pp')
    """

    fraction: Decimal = field(converter=_unit_fraction)

    @classmethod
    @in_context
    def from_percent(cls, percent: Number) -> Self:
        """A share given in percent: ``"92.3"`` is 92.3%."""
        return cls(to_decimal(percent, what="a share in percent").scaleb(-2))

    @classmethod
    @in_context
    def parse(cls, text: str, *, locale: str | None = None, zhao: str | None = None) -> Self:
        """Read a share written in percent, such as ``"92.3%"``, ``"占92.3%"`` or ``"二成八"``.

        Args:
            text: The figure as written.
            locale: How numbers are written (``"de"``: "5,3 %"); see :meth:`.Amount.parse`.
            zhao: How to read 兆 (``"trillion"`` or ``"million"``); see :meth:`.Amount.parse`.

        Raises:
            ParseError: For text that is not a percentage.
        """
        return cls.from_percent(_figure(read_share(text, locale=locale, zhao=zhao), text))

    @property
    def percent(self) -> Decimal:
        """The share in percent, such as 92.3 for 92.3%."""
        return self.fraction.scaleb(2)

    @in_context
    def rounded(self, places: int) -> Share:
        """The share rounded to ``places`` decimals in percent, half away from zero.

        >>> Share(Decimal("0.92349")).rounded(1)
        Share('92.3%')
        """
        return Share.from_percent(round_half_up(self.percent, places))

    @in_context
    def complement(self) -> Share:
        """The share of everything else: 1 − this share.

        >>> Share.from_percent("92.3").complement()
        Share('7.7%')
        """
        return Share(CONTEXT.subtract(ONE, self.fraction))

    @in_context
    def format(self, *, places: int | None = None) -> str:
        """Show the share in percent, rounded to ``places`` decimals if given."""
        return f"{show(self.percent, places)}%"

    @in_context
    def __sub__(self, other: Share) -> PercentagePoints:
        if not isinstance(other, Share):
            return NotImplemented
        return PercentagePoints(CONTEXT.subtract(self.percent, other.percent))

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"Share({self.format()!r})"

    @in_context
    def __format__(self, spec: str) -> str:
        return _format_spec(self, spec, "Share")


@frozen(order=True)
class PercentagePoints:
    """A difference between two percentages, such as +1.2 pp.

    A share that moves from 91.1% to 92.3% rises by 1.2 percentage points (and by
    1.3 *percent*). Contributions to growth are in percentage points too: the
    contributions of a partition add up to the total's growth in percent.

    Args:
        points: The difference in percentage points; ``Decimal("1.2")`` is +1.2 pp.

    >>> PercentagePoints.parse("+1.2 pp") + PercentagePoints.parse("-0.2个百分点")
    PercentagePoints('+1 pp')
    """

    points: Decimal = field(converter=_points)

    @classmethod
    @in_context
    def parse(cls, text: str, *, locale: str | None = None, zhao: str | None = None) -> Self:
        """Read ``"+1.2 pp"``, ``"up 1.2 percentage points"``, ``"提高1.2个百分点"``.

        Args:
            text: The figure as written.
            locale: How numbers are written (``"de"``: "5,3 %"); see :meth:`.Amount.parse`.
            zhao: How to read 兆 (``"trillion"`` or ``"million"``); see :meth:`.Amount.parse`.

        Raises:
            ParseError: For anything else.

        >>> PercentagePoints.parse("down 0.5 pp"), PercentagePoints.parse("提高1.2个百分点")
        (PercentagePoints('-0.5 pp'), PercentagePoints('+1.2 pp'))
        """
        return cls(_figure(read_points(text, locale=locale, zhao=zhao), text))

    @in_context
    def rounded(self, places: int) -> PercentagePoints:
        """The points rounded to ``places`` decimals, half away from zero."""
        return PercentagePoints(round_half_up(self.points, places))

    @in_context
    def to_growth(self) -> Growth:
        """The growth rate with as many percent as these points: a sum of contributions.

        >>> PercentagePoints(Decimal("59.3")).to_growth()
        Growth('+59.3%')
        """
        return Growth(self.points.scaleb(-2))

    @in_context
    def format(self, *, places: int | None = None) -> str:
        """Show the points with a sign, rounded to ``places`` decimals if given."""
        return f"{_signed(show(self.points, places))} pp"

    @in_context
    def __add__(self, other: PercentagePoints) -> PercentagePoints:
        if not isinstance(other, PercentagePoints):
            return NotImplemented
        return PercentagePoints(CONTEXT.add(self.points, other.points))

    @in_context
    def __radd__(self, other: int) -> PercentagePoints:
        # Lets sum() of contributions start from its default 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    @in_context
    def __sub__(self, other: PercentagePoints) -> PercentagePoints:
        if not isinstance(other, PercentagePoints):
            return NotImplemented
        return PercentagePoints(CONTEXT.subtract(self.points, other.points))

    @in_context
    def __neg__(self) -> PercentagePoints:
        return PercentagePoints(-self.points)

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"PercentagePoints({self.format()!r})"

    @in_context
    def __format__(self, spec: str) -> str:
        return _format_spec(self, spec, "PercentagePoints")
