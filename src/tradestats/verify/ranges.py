"""Bounds: the one type for a figure known only within a range, published or derived.

A published figure stands for every value that rounds to it, a derived one for
every value its inputs allow, and a figure the consistency check implies may be
bounded on one side only ("at least 13 billion"). :class:`Bounds` holds all of
these: two ends of one type (and unit), either of which may be open.

Every range shows the same way, in the Python API, the table of ``tradestats
check`` and its ``--json``: a sign written against the number (``+``, ``×``,
``%``) goes with each end, a unit written as a word (``pp``, ``billion CNY``,
``tonne``) once after the high end.

>>> from tradestats import Amount, Growth, PercentagePoints
>>> Bounds(Growth.from_percent("59.25"), Growth.from_percent("59.35"))
Bounds('+59.25% to +59.35%')
>>> Bounds(PercentagePoints("1.15"), PercentagePoints("1.25")).format()
'+1.15 to +1.25 pp'
>>> Bounds.at_least(Amount("13E9", "CNY"))
Bounds('at least 13 billion CNY')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, overload

from attrs import field, frozen

from tradestats._numbers import (
    CONTEXT,
    DOWN,
    UP,
    ZERO,
    auto_scale,
    fixed,
    in_context,
    round_down,
    round_up,
)
from tradestats._text import quote
from tradestats.amounts import Amount
from tradestats.errors import InvalidValueError, UnitMismatchError
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.units import unit_label
from tradestats.verify._kinds import (
    Figure,
    Kind,
    T,
    kind_name,
    kind_of,
    magnitude_of,
    require_kind,
    with_magnitude,
)
from tradestats.verify.intervals import Interval

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["Bounds"]

# The default never shows more decimals than this to tell two ends apart: beyond it
# a range is as good as one value for people, and 28-digit ends only hide that.
_MAX_PLACES = 6
# Ends with at most this many decimals (as shown) may be shown exactly: those of a
# figure published to that many digits.
_MAX_EXACT = 12


def _check_end(_instance: object, _attribute: object, value: Any) -> None:
    if value is not None:
        require_kind(value, "an end of bounds")


def _template(like: object) -> Figure:
    """A value of zero magnitude of the kind (and unit) that ``like`` names."""
    if isinstance(like, str):
        return Amount(ZERO, like)
    if isinstance(like, type):
        if like is Amount or like not in (Growth, Multiplier, Share, PercentagePoints):
            raise InvalidValueError(
                f"cannot tell what kind of figure {like.__name__} is: give a unit such as 'CNY' "
                "for amounts, or Growth, Multiplier, Share or PercentagePoints",
                like=like,
            )
        template: Figure = like(ZERO)
        return template
    return with_magnitude(require_kind(like, "like"), ZERO)


def _from_magnitudes(low: Decimal | None, high: Decimal | None, like: object) -> Bounds[Any]:
    """:meth:`Bounds.from_magnitudes`, for any ``like``."""
    template = _template(like)
    facts = kind_of(template)
    if low is not None and high is not None and low > high:
        raise InvalidValueError(
            f"the low end {low} of bounds is above the high end {high}: give the smaller "
            "value first",
            low=low,
            high=high,
        )
    given = (low, high)
    if low is not None and facts.lowest is not None:
        low = max(low, facts.lowest)
    if high is not None and facts.highest is not None:
        high = min(high, facts.highest)
    if low is not None and high is not None and low > high:
        name = kind_name(type(template))
        raise InvalidValueError(
            f"the interval of {name} from {given[0]} to {given[1]} holds no possible {name}: "
            f"it must be {facts.domain}",
            low=given[0],
            high=given[1],
        )
    return Bounds(
        None if low is None else with_magnitude(template, low),
        None if high is None else with_magnitude(template, high),
        like=template,
    )


@frozen
class Bounds(Generic[T]):
    """The lowest and highest value a figure can take, of one type (and unit); an end may be open.

    Args:
        low: The lowest value, an :class:`~tradestats.Amount` or a measure; or
            ``None`` if there is no lower bound (prefer :meth:`at_most`).
        high: The highest value, of the same type (for amounts, the same unit),
            not below ``low``; or ``None`` if there is no upper bound (prefer
            :meth:`at_least`).
        like: A value whose type (and unit) the bounds are of; needed only when
            both ends are open (prefer :meth:`unbounded`).

    Raises:
        InvalidValueError: If the ends are of different types, ``low`` is above
            ``high``, or nothing tells the kind of figure.
        UnitMismatchError: For amounts in different units.

    The ends :attr:`low` and :attr:`high` are typed as values: bounds from the
    ``*_bounds`` functions always have both. Bounds the consistency check
    implies may be open (see :attr:`is_bounded`); read them with :attr:`ends`.

    >>> Bounds(Growth.from_percent("59.1"), Growth.from_percent("59.5"))
    Bounds('+59.1% to +59.5%')
    >>> Bounds(None, Growth.from_percent("75.9"))
    Bounds('at most +75.9%')
    """

    _low: T | None = field(alias="low", validator=_check_end)
    _high: T | None = field(alias="high", validator=_check_end)
    # A zero of the kind and unit, so that bounds open at both ends still know them.
    _like: Figure | None = field(alias="like", default=None, kw_only=True, repr=False)

    @in_context
    def __attrs_post_init__(self) -> None:
        low, high = self._low, self._high
        given = [end for end in (low, high, self._like) if end is not None]
        if not given:
            raise InvalidValueError(
                "bounds open at both ends need like= to tell the kind of figure: use "
                "Bounds.unbounded(like)"
            )
        object.__setattr__(self, "_like", _template(given[0]))
        reference = given[0]
        for end in given[1:]:
            if type(end) is not type(reference):
                raise InvalidValueError(
                    f"both ends of bounds must be of one type, got the {type(reference).__name__} "
                    f"{reference} and the {type(end).__name__} {end}",
                    low=low,
                    high=high,
                )
            if (
                isinstance(end, Amount)
                and isinstance(reference, Amount)
                and end.unit != reference.unit
            ):
                raise UnitMismatchError(
                    f"both ends of bounds must be in one unit, got {reference} and {end}: "
                    "convert one end first",
                    low=low,
                    high=high,
                )
        if low is not None and high is not None and magnitude_of(low) > magnitude_of(high):
            raise InvalidValueError(
                f"the low end {low} of bounds is above the high end {high}: give the smaller "
                "value first",
                low=low,
                high=high,
            )

    # -- construction ------------------------------------------------------------------

    @classmethod
    def at_least(cls, low: T) -> Bounds[T]:
        """Every value from ``low`` up, with no upper bound.

        >>> Bounds.at_least(Growth.from_percent(-100))
        Bounds('at least -100%')
        """
        return Bounds(low, None)

    @classmethod
    def at_most(cls, high: T) -> Bounds[T]:
        """Every value up to ``high``, with no lower bound.

        >>> Bounds.at_most(Amount("183.5E9", "CNY"))
        Bounds('at most 183.5 billion CNY')
        """
        return Bounds(None, high)

    @overload
    @classmethod
    def unbounded(cls, like: str) -> Bounds[Amount]: ...
    @overload
    @classmethod
    def unbounded(cls, like: T | type[T]) -> Bounds[T]: ...
    @classmethod
    def unbounded(cls, like: object) -> Bounds[Any]:
        """Any value of a kind: what a figure nothing bounds can be.

        Args:
            like: A unit (``"CNY"``) for amounts, a measure type, or a value
                whose type and unit to take.

        >>> Bounds.unbounded("USD"), Bounds.unbounded(Growth).is_bounded
        (Bounds('any value'), False)
        """
        return Bounds(None, None, like=_template(like))

    @overload
    @classmethod
    def from_interval(cls, interval: Interval, like: str) -> Bounds[Amount]: ...
    @overload
    @classmethod
    def from_interval(cls, interval: Interval, like: T | type[T]) -> Bounds[T]: ...
    @classmethod
    @in_context
    def from_interval(cls, interval: Interval, like: object) -> Bounds[Any]:
        """Bounds from an interval of internal magnitudes.

        Args:
            interval: The interval, in the internal magnitude of the kind (see
                :class:`~tradestats.verify.figures.Reported`): an amount's magnitude,
                a growth rate or share as a fraction, a factor, points.
            like: What the numbers are: a unit (``"CNY"``) for amounts, a measure
                type (``Growth``, ``Multiplier``, ``Share``, ``PercentagePoints``),
                or a value whose type and unit to take.

        Raises:
            InvalidValueError: If ``like`` is none of these (``Amount`` itself
                names no unit), or no value of the interval is possible for the
                kind (shares are cut to 0–100%, multipliers to 0 and more).
            UnknownUnitError: For an unknown unit.

        >>> Bounds.from_interval(Interval("0.5925", "0.5935"), Growth)
        Bounds('+59.25% to +59.35%')
        >>> Bounds.from_interval(Interval("1.1E11", "1.2E11"), "CNY")
        Bounds('110 to 120 billion CNY')
        >>> Bounds.from_interval(Interval("0.9", "1.1"), Share)
        Bounds('90% to 100%')
        """
        return _from_magnitudes(interval.low, interval.high, like)

    @overload
    @classmethod
    def from_magnitudes(
        cls, low: Decimal | None, high: Decimal | None, like: str
    ) -> Bounds[Amount]: ...
    @overload
    @classmethod
    def from_magnitudes(
        cls, low: Decimal | None, high: Decimal | None, like: T | type[T]
    ) -> Bounds[T]: ...
    @classmethod
    @in_context
    def from_magnitudes(
        cls, low: Decimal | None, high: Decimal | None, like: object
    ) -> Bounds[Any]:
        """Bounds from two internal magnitudes, ``None`` for an open end.

        As :meth:`from_interval`, which it generalizes: ends outside what the kind
        allows are cut to it (a share to 0–100%, a multiplier to 0 and more).

        Raises:
            InvalidValueError: As :meth:`from_interval`, or if ``low`` is above ``high``.

        >>> from decimal import Decimal
        >>> Bounds.from_magnitudes(Decimal("1.3E10"), None, "CNY")
        Bounds('at least 13 billion CNY')
        """
        return _from_magnitudes(low, high, like)

    # -- views -------------------------------------------------------------------------

    @property
    def low(self) -> T:
        """The lowest value.

        Raises:
            InvalidValueError: If the bounds have no low end (see :attr:`ends`).
        """
        if self._low is None:
            raise InvalidValueError(
                f"the bounds {self} have no low end: read .ends, or ask .is_bounded first",
                bounds=self,
            )
        return self._low

    @property
    def high(self) -> T:
        """The highest value.

        Raises:
            InvalidValueError: If the bounds have no high end (see :attr:`ends`).
        """
        if self._high is None:
            raise InvalidValueError(
                f"the bounds {self} have no high end: read .ends, or ask .is_bounded first",
                bounds=self,
            )
        return self._high

    @property
    def ends(self) -> tuple[T | None, T | None]:
        """The lowest and highest value, ``None`` for an open end.

        >>> Bounds.at_least(Growth(0)).ends
        (Growth('0%'), None)
        """
        return self._low, self._high

    @property
    def is_bounded(self) -> bool:
        """Whether both ends are there.

        >>> Bounds(Growth(0), Growth(1)).is_bounded, Bounds.at_least(Growth(0)).is_bounded
        (True, False)
        """
        return self._low is not None and self._high is not None

    @property
    def kind(self) -> type[T]:
        """The type of the ends, ``Amount`` or one of the four measures."""
        kind: type[T] = type(self._like)  # type: ignore[assignment]  # of an end, by construction
        return kind

    @property
    def unit(self) -> str | None:
        """The unit of amounts; ``None`` for measures."""
        return self._like.unit if isinstance(self._like, Amount) else None

    @property
    def interval(self) -> Interval:
        """The bounds as an interval of internal magnitudes.

        Raises:
            InvalidValueError: If an end is open: an interval has two.

        >>> Bounds(Share.from_percent(90), Share.from_percent(95)).interval
        Interval('[0.9, 0.95]')
        """
        return Interval(magnitude_of(self.low), magnitude_of(self.high))

    @in_context
    def contains(self, value: T) -> bool:
        """Whether ``value``, of the same type (an amount: a compatible unit), is within the bounds.

        Raises:
            InvalidValueError: For a value of another type.
            UnitMismatchError: For an amount in another currency.

        >>> bounds = Bounds(Growth.from_percent(59), Growth.from_percent(60))
        >>> bounds.contains(Growth.parse("+59.3%")), bounds.contains(Growth.parse("+60.1%"))
        (True, False)
        >>> Bounds.at_least(Growth(0)).contains(Growth(100))
        True
        """
        like = self._like
        if not isinstance(value, type(like)):
            raise InvalidValueError(
                f"cannot look for the {type(value).__name__} {quote(value)} within bounds of "
                f"{kind_name(type(like))} {self}",
                bounds=self,
                value=value,
            )
        if isinstance(value, Amount) and isinstance(like, Amount):
            number = value.in_unit_of(like, action="look for {this} within bounds in {other}")
        else:
            number = magnitude_of(value)
        low, high = self._magnitudes()
        return (low is None or low <= number) and (high is None or number <= high)

    def _magnitudes(self) -> tuple[Decimal | None, Decimal | None]:
        low, high = self._low, self._high
        return (
            None if low is None else magnitude_of(low),
            None if high is None else magnitude_of(high),
        )

    # -- text --------------------------------------------------------------------------

    @in_context
    def format(self, *, places: int | None = None, scale: str | None = "auto") -> str:
        """Show the bounds for people, rounded outward so the text still holds every value.

        The low end is rounded down and the high end up. Growth rates and shares
        are shown in percent, amounts with one scale word for both ends; a sign
        written against a number (``+``, ``×``, ``%``) goes with each end, a unit
        written as a word (``pp``, ``billion CNY``) once. An open end reads "at
        least" or "at most".

        Args:
            places: Decimals to show (in percent, or in the scale word). By
                default the fewest that tell the two ends apart (one significant
                digit of the width, at least one decimal, at most six), or the
                ends exactly where they need at most one decimal more: a
                published "59.3%" shows as "+59.25% to +59.35%".
            scale: For amounts, ``"auto"`` (million, billion or trillion, chosen
                by the larger end), ``None`` or a scale word such as ``"亿"``.

        Raises:
            InvalidValueError: If ``places`` is negative.
            UnknownUnitError: For an unknown scale word.

        >>> from decimal import Decimal
        >>> b = Bounds(Amount("114.5277E9", "CNY"), Amount("115.2276E9", "CNY"))
        >>> b.format(), b.format(places=0, scale="亿")
        ('114.5 to 115.3 billion CNY', '1145 to 1153亿 CNY')
        >>> Bounds(Multiplier(Decimal("4.255")), Multiplier(Decimal("4.265"))).format(places=2)
        '×4.25 to ×4.27'
        >>> Bounds.at_least(Growth(Decimal("-0.5"))).format()
        'at least -50%'
        """
        if places is not None and (
            isinstance(places, bool) or not isinstance(places, int) or places < 0
        ):
            raise InvalidValueError(
                f"places must be a whole number of decimals, 0 or more, got {quote(places)}",
                value=places,
            )
        low, high = self._magnitudes()
        if low is None and high is None:
            return "any value"
        facts: Kind[Any] = kind_of(self._like)
        exponent, unit = self._unit_text(facts, scale, [e for e in (low, high) if e is not None])
        shift = facts.shift - exponent
        shown_low = None if low is None else low.scaleb(shift, DOWN)
        shown_high = None if high is None else high.scaleb(shift, UP)
        digits = _default_places(shown_low, shown_high) if places is None else places
        low_text = None if shown_low is None else facts.number(fixed(round_down(shown_low, digits)))
        high_text = (
            None if shown_high is None else facts.number(fixed(round_up(shown_high, digits)))
        )
        if high_text is None:
            return f"at least {low_text}{unit}"
        if low_text is None:
            return f"at most {high_text}{unit}"
        if low_text == high_text:
            return f"{low_text}{unit}"
        return f"{low_text} to {high_text}{unit}"

    def _unit_text(
        self, facts: Kind[Any], scale: str | None, ends: list[Decimal]
    ) -> tuple[int, str]:
        """The power of ten the numbers are shown in, and the unit after them."""
        like = self._like
        if not isinstance(like, Amount):
            return 0, facts.unit
        if scale == "auto":
            exponent, word = auto_scale(max(abs(end) for end in ends))
        else:
            word, exponent = like._scale(scale)  # the scale words that Amount.format knows
        gap = " " if word.isascii() else ""
        words = f"{gap}{word}" if word else ""
        return exponent, f"{words} {unit_label(like.unit)}"

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"Bounds({self.format()!r})"


def _decimals(value: Decimal) -> int:
    """How many decimals ``value`` needs to be written exactly."""
    exponent = value.normalize(CONTEXT).as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    return max(0, -exponent)


def _default_places(low: Decimal | None, high: Decimal | None) -> int:
    """The decimals :meth:`Bounds.format` shows by default (for ends as shown)."""
    ends = [end for end in (low, high) if end is not None]
    if low is not None and high is not None:
        width = UP.subtract(high, low)
        enough = max(1, -width.adjusted()) if width else _MAX_EXACT
    else:
        (end,) = ends
        enough = max(1, -end.adjusted()) if end else 1
    exact = max(_decimals(end) for end in ends)
    if exact <= min(enough + 1, _MAX_EXACT):
        return exact
    return min(enough, _MAX_PLACES)
