"""Reported figures: a published amount or measure together with the precision it was given to.

"183 billion yuan" is a rounded figure: it stands for every value from 182.5 to
183.5 billion. A :class:`Reported` figure keeps the published value and that
half-width, its *precision*, and gives the interval the true value lies in.
The precision is read from the digits written (half a unit of the last digit)
or given explicitly; an exact figure has precision zero.

>>> import tradestats as ts
>>> total = Reported.parse_amount("183 billion yuan")
>>> total
Reported('183 billion CNY (±0.5 billion)')
>>> total.low, total.high
(Amount('182.5 billion CNY'), Amount('183.5 billion CNY'))
>>> Reported.parse_growth("up 59.3% year on year")
Reported('+59.3% (±0.05 pp)')
>>> reported(ts.money("1831.6亿元")).format(scale="亿")
'1831.6亿 CNY (±0.05亿)'
"""

from __future__ import annotations

import enum
from decimal import ROUND_CEILING, Context, Decimal
from typing import TYPE_CHECKING, Any, Final, Generic, cast

from attrs import field, frozen

from tradestats._grammar import (
    ParsedMeasure,
    Reading,
    qualifier_named,
    read_growth,
    read_multiplier,
    read_qualifier,
)
from tradestats._numbers import DOWN, ONE, UP, ZERO, Number, in_context, show, to_decimal
from tradestats._text import quote
from tradestats.amounts import Amount
from tradestats.errors import InvalidValueError, ParseError
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.units import unit_label
from tradestats.verify._kinds import (
    FIGURE_TYPES,
    Figure,
    T,
    clamp_to_domain,
    internal_name,
    kind_name,
    kind_of,
    magnitude_of,
    require_kind,
    with_magnitude,
)
from tradestats.verify.intervals import Interval
from tradestats.verify.ranges import Bounds

if TYPE_CHECKING:
    from tradestats.measures import TimesConvention

__all__ = [
    "ABOUT_WIDTH",
    "NEARLY_SLACK",
    "Qualifier",
    "Reported",
    "as_reported",
    "half_unit_of_last_digit",
    "reported",
]


#: How far below a figure "nearly" reaches, as a fraction of its size; "nearly 10.0%" is
#: 9% to 10.05%, "nearly 100 billion" 90 to 100.5 billion.
NEARLY_SLACK: Final = Decimal("0.1")
#: How far either side of a figure "about" reaches, as a fraction of its size, unless
#: its rounding reaches farther: "about 5.0%" is 4.75% to 5.25%, "about 93.7 billion"
#: 89.015 to 98.385 billion, "about 5%" 4.5% to 5.5% (its rounding).
ABOUT_WIDTH: Final = Decimal("0.05")


class Qualifier(enum.Enum):
    """How a published figure is qualified: exactly as rounded, over, under, nearly or about it.

    A qualifier speaks of the figure's size as written, away from zero: "down more
    than 10%" is a fall of 10% or more (a growth of −9.95% or lower), "a deficit of
    over 11.8 billion" a balance of −11.75 billion or lower. The constants
    :data:`NEARLY_SLACK` and :data:`ABOUT_WIDTH` give the slack of "nearly" and the
    width of "about"; the table of words is in :doc:`/report-format`.

    >>> Reported.parse_amount("over 93.7 billion yuan").bounds
    Bounds('at least 93.65 billion CNY')
    >>> Reported.parse_growth("nearly 10.0%").bounds
    Bounds('+9.00% to +10.05%')
    """

    #: As published, the figure's rounding interval (half a unit of the last digit).
    EXACT = "exact"
    #: At least the low end of the rounding, no upper end ("over", "more than", 超过, 逾, 以上).
    OVER = "over"
    #: From zero to the high end of the rounding ("under", "less than", 不到, 不足).
    UNDER = "under"
    #: From the figure less :data:`NEARLY_SLACK` of its size up to the high end of its
    #: rounding ("nearly", "almost", 近, 将近, 接近).
    NEARLY = "nearly"
    #: The figure ± :data:`ABOUT_WIDTH` of its size, or its rounding if that is wider
    #: ("about", "around", 约, 左右).
    ABOUT = "about"

    @classmethod
    def parse(cls, text: str) -> Qualifier:
        """The qualifier named by ``text``: its value, or a word of it ("more than", 约).

        Raises:
            ParseError: For text that names no qualifier.

        >>> Qualifier.parse("over"), Qualifier.parse("左右")
        (<Qualifier.OVER: 'over'>, <Qualifier.ABOUT: 'about'>)
        """
        key = " ".join(str(text).split()).lower()
        for member in cls:
            if key == member.value:
                return member
        name = qualifier_named(key)
        if name is None:
            raise ParseError(
                f"unknown qualifier {quote(text)}: expected one of "
                f"{', '.join(repr(member.value) for member in cls)}, or a word such as "
                "'more than', 'nearly', 'about', '超过', '近' or '约'",
                value=text,
            )
        return cls(name)


def _qualifier(value: Qualifier | str) -> Qualifier:
    if isinstance(value, Qualifier):
        return value
    if isinstance(value, str):
        return Qualifier.parse(value)
    raise InvalidValueError(
        f"a qualifier must be a Qualifier or its name, got {type(value).__name__} {quote(value)}",
        value=value,
    )


def _check_value(_instance: object, _attribute: object, value: Any) -> None:
    require_kind(value, "a reported value")


def _precision(value: Number) -> Decimal:
    precision = to_decimal(value, what="a precision")
    if precision < 0:
        raise InvalidValueError(
            f"a precision is a half-width and cannot be negative, got {precision}", value=value
        )
    return precision


@in_context
def half_unit_of_last_digit(number: Decimal) -> Decimal:
    """Half a unit in the last digit that ``number`` keeps: its precision as written.

    >>> half_unit_of_last_digit(Decimal("1831.6")), half_unit_of_last_digit(Decimal("1.83E+11"))
    (Decimal('0.05'), Decimal('5E+8'))
    """
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite Decimal
    return Decimal(5).scaleb(exponent - 1)


#: Rounds a half-width up to two significant digits: still sound, and shown briefly.
_TWO_DIGITS_UP: Final = Context(prec=2, rounding=ROUND_CEILING)


def _fold_precision(parsed: ParsedMeasure) -> Decimal | None:
    """The half-width of ×1/N read from an N-fold decrease, or None for any other figure.

    N as written stands for N ± h, half a unit of its last digit ("halved" is N
    = 2 ± 0.5), so ×1/N stands for 1/(N + h) to 1/(N − h), which is wider on
    the side of 1/(N − h). The half-width is that wider side, rounded up; the
    digits of ×1/N itself say nothing of the precision.
    """
    if parsed.reading is not Reading.FOLD_DECREASE:
        return None
    n = parsed.number
    lowest = DOWN.subtract(n, half_unit_of_last_digit(n))
    return _TWO_DIGITS_UP.plus(UP.subtract(UP.divide(ONE, lowest), DOWN.divide(ONE, n)))


@frozen
class Reported(Generic[T]):
    """A published figure and the half-width of the interval it stands for.

    Args:
        value: The figure as published: an :class:`~tradestats.Amount`, a
            :class:`~tradestats.Growth`, :class:`~tradestats.Multiplier`,
            :class:`~tradestats.Share` or :class:`~tradestats.PercentagePoints`.
        precision: How far the true value may lie from ``value``, not negative,
            in the value's *internal* magnitude: an amount's magnitude in its
            unit (``5E+8`` for ±0.5 billion), a growth rate or share as a fraction
            (``0.0005`` for ±0.05 pp), a multiplier's factor, percentage points.
            Prefer :func:`reported`, which also takes a typed half-width, or the
            ``parse_*`` methods, which read it from the text.
        qualifier: How the figure was qualified ("over", "nearly", "about"):
            :attr:`Qualifier.EXACT` (the default) for a figure published as it
            is. A :class:`Qualifier` or its name.

    Raises:
        InvalidValueError: For a value of another type, a negative precision or
            an unknown qualifier.

    >>> Reported(Share.from_percent("92.3"), "0.0005")
    Reported('92.3% (±0.05 pp)')
    >>> Reported(Growth.from_percent("59.3"), 0).is_exact
    True
    >>> Reported(Share.from_percent("10"), "0.005", Qualifier.NEARLY)
    Reported('nearly 10% (±0.5 pp)')
    """

    value: T = field(validator=_check_value)
    precision: Decimal = field(converter=_precision)
    qualifier: Qualifier = field(default=Qualifier.EXACT, converter=_qualifier)

    # -- construction ------------------------------------------------------------------

    @classmethod
    @in_context
    def exact(cls, value: T) -> Reported[T]:
        """A figure known exactly (precision zero).

        >>> Reported.exact(Growth.from_percent(10)).interval
        Interval('[0.1, 0.1]')
        """
        return Reported(value, ZERO)

    @classmethod
    @in_context
    def from_rounding(cls, value: T, places: int, *, scale: str | None = "auto") -> Reported[T]:
        """The figure an office publishes when it rounds ``value`` to ``places`` decimals.

        Rounds as the value's own ``rounded`` method does (half away from zero;
        in percent for growth rates and shares, in the scale word for amounts)
        and reads the precision from the digits kept, so the true ``value``
        always lies in the result's interval.

        Args:
            value: The exact value.
            places: Decimals to keep, 0 or more.
            scale: For amounts, the scale word the figure is written in
                (``"auto"``, ``None``, ``"billion"``, ``"亿"``...).

        >>> true = Amount("114877589453.86", "CNY")
        >>> Reported.from_rounding(true, 1)
        Reported('114.9 billion CNY (±0.05 billion)')
        >>> Reported.from_rounding(Growth(Decimal("0.59296")), 1)
        Reported('+59.3% (±0.05 pp)')
        """
        if isinstance(value, Amount):
            return cast("Reported[T]", reported(value.rounded(places, scale=scale)))
        return cast("Reported[T]", reported(value.rounded(places)))

    @classmethod
    @in_context
    def parse_amount(
        cls,
        text: str,
        *,
        yen_sign: str | None = None,
        locale: str | None = None,
        zhao: str | None = None,
    ) -> Reported[Amount]:
        """Read an amount as :meth:`.Amount.parse` does, with the precision the text gives.

        The precision is half a unit of the last digit written, in the scale
        word written: "183 billion" is ±0.5 billion, "183.0 billion" ±0.05
        billion, "1831.6亿" ±0.05亿, "183,000,000,000" ±0.5. A Chinese numeral is
        good to its last digit character: "一兆八千億" (``zhao="trillion"``) is 1.8
        trillion ±0.05 trillion. ``yen_sign``, ``locale`` and ``zhao`` are as for
        :meth:`.Amount.parse`.

        Raises:
            ParseError: If the text is not an amount.
            UnknownUnitError: For an unknown currency or unit.
            AmbiguityError: For ``"¥"`` without ``yen_sign``.

        A qualifier ("over 93.7 billion yuan", "约937亿元", "1000多亿元") is read too:
        see :class:`Qualifier`.

        >>> Reported.parse_amount("1831.6亿元").interval
        Interval('[1.83155E+11, 1.83165E+11]')
        >>> Reported.parse_amount("937亿元以上")
        Reported('over 93.7 billion CNY (±0.05 billion)')
        """
        qualifier, rest = read_qualifier(text, locale=locale, zhao=zhao)
        value = Amount.parse(rest, yen_sign=yen_sign, locale=locale, zhao=zhao)
        return reported(value).qualified(qualifier)

    @classmethod
    @in_context
    def parse_growth(
        cls,
        text: str,
        *,
        times: TimesConvention | None = None,
        locale: str | None = None,
        zhao: str | None = None,
    ) -> Reported[Growth]:
        """Read a growth rate as :meth:`.Growth.parse` does, with the precision the text gives.

        "59.3%" is ±0.05 pp; "增长3.26倍" (+326%) is ±0.5 pp, half a unit of
        the last digit of 3.26 times.

        Raises:
            ParseError: For text that is not a growth rate.
            AmbiguityError: For "N times" without ``times``.

        >>> Reported.parse_growth("增长3.26倍")
        Reported('+326% (±0.5 pp)')
        >>> Reported.parse_growth("halved")
        Reported('-50% (±17 pp)')
        >>> Reported.parse_growth("down more than 10%")
        Reported('over -10% (±0.5 pp)')
        """
        qualifier, rest = read_qualifier(text, locale=locale, zhao=zhao)
        value = Growth.parse(rest, times=times, locale=locale, zhao=zhao)
        figure = reported(value, _fold_precision(read_growth(rest, locale=locale, zhao=zhao)))
        return figure.qualified(qualifier)

    @classmethod
    @in_context
    def parse_multiplier(
        cls,
        text: str,
        *,
        times: TimesConvention | None = None,
        locale: str | None = None,
        zhao: str | None = None,
    ) -> Reported[Multiplier]:
        """Read a multiplier as :meth:`.Multiplier.parse` does, with the precision the text gives.

        The words of a multiple are read as "N times": "doubled" is ×2 ± 0.5. An
        N-fold decrease is ×1/N, whose precision comes from N's digits: "decreased
        3.5-fold" stands for 1/3.55 to 1/3.45, and so for ×1/3.5 ± 0.0042 (the
        wider side, rounded up).

        Raises:
            ParseError: For text that is not a multiplier.
            AmbiguityError: For "N times" without ``times``.

        >>> from tradestats import TimesConvention
        >>> Reported.parse_multiplier("3.26 times", times=TimesConvention.MORE)
        Reported('×4.26 (±0.005)')
        >>> Reported.parse_multiplier("doubled")
        Reported('×2 (±0.5)')
        >>> Reported.parse_multiplier("decreased 3.5-fold").interval.contains(1 / Decimal("3.45"))
        True
        """
        qualifier, rest = read_qualifier(text, locale=locale, zhao=zhao)
        value = Multiplier.parse(rest, times=times, locale=locale, zhao=zhao)
        parsed = read_multiplier(rest, locale=locale, zhao=zhao)
        return reported(value, _fold_precision(parsed)).qualified(qualifier)

    @classmethod
    @in_context
    def parse_share(
        cls, text: str, *, locale: str | None = None, zhao: str | None = None
    ) -> Reported[Share]:
        """Read a share as :meth:`.Share.parse` does, with the precision the text gives.

        Raises:
            ParseError: For text that is not a percentage.

        >>> Reported.parse_share("92.3%").interval
        Interval('[0.9225, 0.9235]')
        >>> Reported.parse_share("二成八")
        Reported('28% (±0.5 pp)')
        >>> Reported.parse_share("约占40%")
        Reported('about 40% (±0.5 pp)')
        """
        qualifier, rest = read_qualifier(text, locale=locale, zhao=zhao)
        return reported(Share.parse(rest, locale=locale, zhao=zhao)).qualified(qualifier)

    @classmethod
    @in_context
    def parse_points(
        cls, text: str, *, locale: str | None = None, zhao: str | None = None
    ) -> Reported[PercentagePoints]:
        """Read percentage points as :meth:`.PercentagePoints.parse` does, precision from the text.

        Raises:
            ParseError: For text that is not a number of percentage points.

        >>> Reported.parse_points("提高1.2个百分点")
        Reported('+1.2 pp (±0.05 pp)')
        """
        qualifier, rest = read_qualifier(text, locale=locale, zhao=zhao)
        value = PercentagePoints.parse(rest, locale=locale, zhao=zhao)
        return reported(value).qualified(qualifier)

    # -- views -------------------------------------------------------------------------

    @property
    def kind(self) -> type[T]:
        """The class of the value, ``Amount`` or one of the four measures."""
        return type(self.value)

    @property
    def is_exact(self) -> bool:
        """Whether the precision is zero and the figure unqualified."""
        return not self.precision and self.qualifier is Qualifier.EXACT

    def qualified(self, qualifier: Qualifier | str | None) -> Reported[T]:
        """The same figure with another qualifier (``None`` keeps this one).

        >>> Reported.parse_amount("93.7 billion yuan").qualified("over")
        Reported('over 93.7 billion CNY (±0.05 billion)')
        """
        if qualifier is None:
            return self
        return Reported(self.value, self.precision, qualifier)

    @property
    def rounding(self) -> Interval:
        """The rounding interval of the digits (value ± precision), whatever the qualifier.

        Cut to what the kind allows, like :attr:`interval`.

        >>> Reported.parse_growth("nearly 10.0%").rounding
        Interval('[0.0995, 0.1005]')
        """
        around = Interval.around(magnitude_of(self.value), self.precision)
        return clamp_to_domain(around, type(self.value), what=f"the reported {self}")

    @property
    def bounds(self) -> Bounds[T]:
        """The values the figure stands for, with its qualifier; an end may be open.

        An exact figure stands for its rounding interval; "over 93.7 billion" for
        93.65 billion or more, "nearly 10.0%" for 9% to 10.05%, "about 5.0%" for
        4.75% to 5.25% (see :class:`Qualifier`). Cut to what the kind allows.

        Raises:
            InvalidValueError: If no value of the kind is possible (a share of "over 100%").

        >>> Reported.parse_amount("about 93.7 billion yuan").bounds
        Bounds('89.0 to 98.4 billion CNY')
        >>> Reported.parse_growth("下降超过10%").bounds
        Bounds('at most -9.5%')
        """
        low, high = self._ends()
        try:
            return Bounds.from_magnitudes(low, high, self.value)
        except InvalidValueError:
            raise InvalidValueError(
                f"the reported {self} holds no possible {kind_name(self.kind)}: it must be "
                f"{kind_of(self.value).domain}",
                reported=self,
            ) from None

    def _ends(self) -> tuple[Decimal | None, Decimal | None]:
        """The ends of :attr:`bounds`, ``None`` for an open one, before the domain's cut."""
        middle, half = magnitude_of(self.value), self.precision
        qualifier = self.qualifier
        if qualifier is Qualifier.EXACT:
            return DOWN.subtract(middle, half), UP.add(middle, half)
        if qualifier is Qualifier.ABOUT:
            width = max(half, UP.multiply(abs(middle), ABOUT_WIDTH))
            return DOWN.subtract(middle, width), UP.add(middle, width)
        # The others speak of the size as written: away from zero, or towards it.
        outer = UP.add(middle, half) if middle >= 0 else DOWN.subtract(middle, half)
        inner = DOWN.subtract(middle, half) if middle >= 0 else UP.add(middle, half)
        if qualifier is Qualifier.OVER:
            near, far = inner, None
        elif qualifier is Qualifier.UNDER:
            near, far = ZERO, outer
        else:  # NEARLY
            context = DOWN if middle >= 0 else UP
            near, far = context.multiply(middle, ONE - NEARLY_SLACK), outer
        return (near, far) if middle >= 0 else (far, near)

    @property
    def interval(self) -> Interval:
        """The values the figure stands for, in the value's internal magnitude.

        Cut to what the kind allows: a share reported as "0.0%" stands for 0% to
        0.05%, a multiplier is never negative. For a qualified figure, the ends of
        :attr:`bounds`.

        Raises:
            InvalidValueError: For a figure qualified with an open end ("over",
                "under" of a value that may be negative): read :attr:`bounds`.

        >>> Reported.parse_share("0.0%").interval
        Interval('[0, 0.0005]')
        >>> Reported.parse_share("nearly 10.0%").interval
        Interval('[0.0900, 0.1005]')
        """
        if self.qualifier is Qualifier.EXACT:
            return self.rounding
        bounds = self.bounds
        if not bounds.is_bounded:
            raise InvalidValueError(
                f"the reported {self} has no {'upper' if bounds.ends[1] is None else 'lower'} "
                "end, so no interval: read its .bounds, whose ends may be open",
                reported=self,
            )
        return bounds.interval

    @property
    def low(self) -> T:
        """The smallest value the figure stands for, of the value's type (and unit).

        Raises:
            InvalidValueError: If there is none (see :attr:`bounds`).
        """
        return with_magnitude(self.value, self.interval.low)

    @property
    def high(self) -> T:
        """The largest value the figure stands for, of the value's type (and unit).

        Raises:
            InvalidValueError: If there is none (see :attr:`bounds`).
        """
        return with_magnitude(self.value, self.interval.high)

    @in_context
    def contains(self, value: T) -> bool:
        """Whether ``value``, of the same kind (for amounts, a compatible unit), is in the interval.

        Raises:
            InvalidValueError: For a value of another kind.
            UnitMismatchError: For an amount in another currency.

        >>> total = Reported.parse_amount("183 billion CNY")
        >>> total.contains(Amount("183.4E9", "CNY")), total.contains(Amount("183.6E9", "CNY"))
        (True, False)
        >>> Reported.parse_amount("over 183 billion CNY").contains(Amount("1E12", "CNY"))
        True
        """
        number = self._magnitude_here(value)
        if self.qualifier is Qualifier.EXACT:
            return self.interval.contains(number)
        low, high = (None if end is None else magnitude_of(end) for end in self.bounds.ends)
        return (low is None or low <= number) and (high is None or number <= high)

    def _magnitude_here(self, value: Figure) -> Decimal:
        """``value``'s internal magnitude, in this figure's unit for amounts."""
        if not isinstance(value, type(self.value)):
            raise InvalidValueError(
                f"cannot compare the reported {kind_name(self.kind)} {self} with the "
                f"{type(value).__name__} {quote(value)}",
                reported=self,
                value=value,
            )
        if isinstance(value, Amount) and isinstance(self.value, Amount):
            return value.in_unit_of(self.value, action="compare {this} with the reported {other}")
        return magnitude_of(value)

    # -- text --------------------------------------------------------------------------

    @in_context
    def format(self, *, places: int | None = None, scale: str | None = "auto") -> str:
        """Show the value, with the digits it was given, and its precision.

        Args:
            places: Decimals of the value (in percent, or in the scale word);
                by default as many as it keeps.
            scale: For amounts, the scale word, as for
                :meth:`Amount.format <tradestats.Amount.format>`; the precision is
                shown in the same scale.

        >>> Reported.parse_amount("183.0 billion CNY").format()
        '183.0 billion CNY (±0.05 billion)'
        >>> Reported.exact(Share.from_percent("92.3")).format()
        '92.3% (exact)'
        >>> Reported.parse_amount("约937亿元").format(scale="亿")
        'about 937亿 CNY (±0.5亿)'
        """
        value = self.value
        facts = kind_of(value)
        if isinstance(value, Amount):
            # One scale word for value and precision, chosen by the larger of the value
            # and the unit of its last digit, so that "0 billion" shows as 0 billion.
            size = Amount(max(abs(value.magnitude), 2 * self.precision), value.unit)
            word, exponent = (size if scale == "auto" else value)._scale(scale)
            shown = value.format(
                scale=word or None, places=_places(value.magnitude, exponent, places)
            )
            label = (
                f"{' ' if word.isascii() else ''}{word}" if word else f" {unit_label(value.unit)}"
            )
            return f"{self._word}{shown} ({self._half_width(exponent, label)})"
        # Measures: the value as its kind writes it, the half-width in its difference unit.
        exponent = -facts.shift
        shown = value.format(places=_places(facts.magnitude(value), exponent, places))
        return f"{self._word}{shown} ({self._half_width(exponent, facts.difference)})"

    @property
    def _word(self) -> str:
        return "" if self.qualifier is Qualifier.EXACT else f"{self.qualifier.value} "

    def _half_width(self, exponent: int, label: str) -> str:
        if not self.precision:
            return "exact"
        return f"±{show(self.precision.scaleb(-exponent))}{label}"

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"Reported({self.format()!r})"


def _places(magnitude: Decimal, exponent: int, places: int | None) -> int:
    """``places`` if given, else the decimals ``magnitude`` keeps when shown in 10**exponent."""
    if places is not None:
        return places
    kept = magnitude.as_tuple().exponent
    assert isinstance(kept, int)  # finite by construction
    return max(0, exponent - kept)


@in_context
def reported(value: T, precision: Figure | Number | None = None) -> Reported[T]:
    """A published figure with its precision, read from its digits unless given.

    Args:
        value: The figure as published.
        precision: The half-width of the interval the figure stands for:

            - ``None`` reads it from the digits the value keeps (its Decimal
              exponent): half a unit of the last digit, so ``money("183
              billion CNY")`` is ±0.5 billion and ``Growth.from_percent("59.3")``
              ±0.05 pp;
            - a value of the same type (for amounts, in any compatible unit), or
              :class:`~tradestats.PercentagePoints` for a growth rate or share;
            - a bare number, in the value's internal magnitude (see
              :class:`Reported`): ``"0.0005"`` for ±0.05 pp of a growth rate.

    Returns:
        The reported figure.

    Raises:
        InvalidValueError: For a negative precision, or one of another kind.
        UnitMismatchError: For an amount's precision in another currency.

    Reading the precision from the digits works only if the digits are still
    there. Text and :class:`~decimal.Decimal` keep them, but an ``int`` or a
    ``float`` is normalized on the way in: ``Amount(183000000000, "CNY")`` keeps
    ``1.83E+11`` (±0.5 billion) and ``Growth.from_percent(10)`` keeps ``0.1``
    (±5 pp, not ±0.5 pp). Parse the text as written (:meth:`Reported.parse_amount`
    and the other ``parse_*`` methods), build values from strings, or give the
    precision explicitly.

    >>> import tradestats as ts
    >>> reported(ts.money("183 billion CNY"))
    Reported('183 billion CNY (±0.5 billion)')
    >>> reported(ts.Growth.from_percent("10"), ts.PercentagePoints("0.5"))
    Reported('+10% (±0.5 pp)')
    >>> reported(ts.money("183 billion CNY"), ts.money("100 million CNY"))
    Reported('183 billion CNY (±0.1 billion)')
    """
    checked = require_kind(value, "a reported value")
    if precision is None:
        return Reported(value, half_unit_of_last_digit(magnitude_of(checked)))
    if not isinstance(precision, FIGURE_TYPES):
        return Reported(value, precision)
    if isinstance(precision, type(checked)):
        if isinstance(precision, Amount) and isinstance(checked, Amount):
            return Reported(
                value,
                precision.in_unit_of(checked, action="give {this} as the precision of {other}"),
            )
        return Reported(value, magnitude_of(precision))
    if isinstance(precision, PercentagePoints) and kind_of(checked).percent:
        return Reported(value, precision.points.scaleb(-2))
    raise InvalidValueError(
        f"the precision of the {kind_name(type(checked))} {checked} must be a "
        f"{kind_name(type(checked))}, percentage points (for growth rates and shares), or a "
        f"number in {internal_name(type(checked))}; got the {type(precision).__name__} {precision}",
        value=value,
        precision=precision,
    )


@in_context
def as_reported(value: T | Reported[T]) -> Reported[T]:
    """``value`` as a reported figure: exact (precision zero) unless it already is one.

    Raises:
        InvalidValueError: For anything but an amount, a measure or a reported one.

    >>> as_reported(Growth.from_percent("59.3"))
    Reported('+59.3% (exact)')
    """
    if isinstance(value, Reported):
        return value
    return Reported.exact(value)
