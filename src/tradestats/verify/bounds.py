"""Bounds of derived figures: what the published figures allow, from the lowest to the highest.

Each function here is the interval counterpart of a core function
(:func:`~tradestats.changes`, :func:`~tradestats.implied_previous`,
:func:`~tradestats.share`...). Every argument is an exact value, a
:class:`~tradestats.verify.figures.Reported` one, or the :class:`Bounds` another
function returned, and the result is the :class:`Bounds` of every value the
function takes when each input ranges over its interval. The bounds are sound
(the true value is always inside, even where 28-digit arithmetic rounds) and as
tight as the arithmetic allows: each formula uses each input once and is
monotone in it, so its extremes lie at corners of the inputs. Inputs are taken
to be independent (except a part and its total in :func:`share_bounds`), so
bounds chained through a figure used twice are sound but may be wider than
the figures allow.

The worked example of the seed article: trade of 183 billion yuan in
January–July 2023, up 59.3%, puts January–July 2022 between these bounds:

>>> import tradestats as ts
>>> from tradestats.verify.figures import Reported
>>> total = Reported.parse_amount("183 billion yuan")
>>> up = Reported.parse_growth("up 59.3%")
>>> before = implied_previous_bounds(total, up)
>>> before.format(places=2)
'114.52 to 115.23 billion CNY'
>>> point = ts.implied_previous(ts.money("183 billion CNY"), ts.Growth.from_percent("59.3"))
>>> before.contains(point), f"{point:.2f}"
(True, '114.88 billion CNY')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Generic, TypeAlias, overload

from attrs import field, frozen

from tradestats._numbers import ONE, ZERO, Number, in_context, show, to_decimal
from tradestats.amounts import Amount
from tradestats.errors import InvalidValueError, NegativeBaseError, UnitMismatchError, ZeroBaseError
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.units import conversion_factor, unit_label
from tradestats.verify._kinds import (
    FIGURE_TYPES,
    Figure,
    T,
    clamp_to_domain,
    kind_name,
    magnitude_of,
    require_kind,
    with_magnitude,
)
from tradestats.verify.figures import Reported
from tradestats.verify.intervals import DOWN, UP, Interval

__all__ = [
    "AmountLike",
    "Bounds",
    "GrowthLike",
    "MultiplierLike",
    "ShareLike",
    "cagr_bounds",
    "contribution_bounds",
    "growth_bounds",
    "implied_current_bounds",
    "implied_previous_bounds",
    "multiplier_bounds",
    "remainder_bounds",
    "share_bounds",
    "share_change_bounds",
]

_AUTO_SCALES = (("trillion", 12), ("billion", 9), ("million", 6))


def _check_end(_instance: object, _attribute: object, value: Any) -> None:
    require_kind(value, "an end of bounds")


@frozen
class Bounds(Generic[T]):
    """The lowest and highest value a derived figure can take, of one type (and unit).

    Args:
        low: The lowest value: an :class:`~tradestats.Amount` or a measure.
        high: The highest value, of the same type (for amounts, the same unit),
            not below ``low``.

    Raises:
        InvalidValueError: If the ends are of different types, or ``low`` is
            above ``high``.
        UnitMismatchError: For amounts in different units.

    >>> Bounds(Growth.from_percent("59.1"), Growth.from_percent("59.5"))
    Bounds('+59.1% to +59.5%')
    """

    low: T = field(validator=_check_end)
    high: T = field(validator=_check_end)

    @in_context
    def __attrs_post_init__(self) -> None:
        low, high = self.low, self.high
        if type(low) is not type(high):
            raise InvalidValueError(
                f"both ends of bounds must be of one type, got the {type(low).__name__} {low} "
                f"and the {type(high).__name__} {high}",
                low=low,
                high=high,
            )
        if isinstance(low, Amount) and isinstance(high, Amount) and low.unit != high.unit:
            raise UnitMismatchError(
                f"both ends of bounds must be in one unit, got {low} and {high}: convert one "
                "end first",
                low=low,
                high=high,
            )
        if magnitude_of(low) > magnitude_of(high):
            raise InvalidValueError(
                f"the low end {low} of bounds is above the high end {high}: give the smaller "
                "value first",
                low=low,
                high=high,
            )

    @overload
    @classmethod
    @in_context
    def from_interval(cls, interval: Interval, like: str) -> Bounds[Amount]: ...
    @overload
    @classmethod
    @in_context
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
        template: Figure
        if isinstance(like, str):
            template = Amount(ZERO, like)
        elif isinstance(like, type):
            if like is Amount or like not in (Growth, Multiplier, Share, PercentagePoints):
                raise InvalidValueError(
                    f"cannot tell what {interval} measures from {like.__name__}: give a unit "
                    "such as 'CNY' for amounts, or Growth, Multiplier, Share or PercentagePoints",
                    like=like,
                )
            template = like(ZERO)
        else:
            template = require_kind(like, "like")
        kind = type(template)
        clamped = clamp_to_domain(interval, kind, what=f"the interval of {kind_name(kind)}")
        return Bounds(with_magnitude(template, clamped.low), with_magnitude(template, clamped.high))

    # -- views -------------------------------------------------------------------------

    @property
    def interval(self) -> Interval:
        """The bounds as an interval of internal magnitudes.

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
        """
        if not isinstance(value, type(self.low)):
            raise InvalidValueError(
                f"cannot look for the {type(value).__name__} {value!r} within bounds of "
                f"{kind_name(type(self.low))} {self}",
                bounds=self,
                value=value,
            )
        if isinstance(value, Amount) and isinstance(self.low, Amount):
            number = value.in_unit_of(self.low, action="look for {this} within bounds in {other}")
            return self.interval.contains(number)
        return self.interval.contains(magnitude_of(value))

    # -- text --------------------------------------------------------------------------

    @in_context
    def format(self, *, places: int | None = None, scale: str | None = "auto") -> str:
        """Show the bounds as "low to high", rounded outward to ``places`` decimals if given.

        Rounding outward (the low end down, the high end up) keeps every value
        within the bounds inside the text. Growth rates and shares are shown in
        percent; amounts with one scale word for both ends.

        Args:
            places: Decimals to show (in percent, or in the scale word); all by default.
            scale: For amounts, ``"auto"`` (million, billion or trillion, chosen
                by the larger end), ``None`` or a scale word such as ``"亿"``.

        Raises:
            UnknownUnitError: For an unknown scale word.

        >>> b = Bounds(Amount("114.5277E9", "CNY"), Amount("115.2276E9", "CNY"))
        >>> b.format(places=1), b.format(places=0, scale="亿")
        ('114.5 to 115.3 billion CNY', '1145 to 1153亿 CNY')
        >>> Bounds(Multiplier(Decimal("4.255")), Multiplier(Decimal("4.265"))).format(places=2)
        '×4.25 to ×4.27'
        """
        low, high = self.low, self.high
        if isinstance(low, Amount) and isinstance(high, Amount):
            word, exponent = _scale(low, high, scale)
            shown = self.interval.scaleb(-exponent)
            if places is not None:
                shown = shown.rounded(places)
            ends = _ends(show(shown.low, places), show(shown.high, places))
            if word:
                ends += f"{' ' if word.isascii() else ''}{word}"
            return f"{ends} {unit_label(low.unit)}"
        if places is not None:
            exponent = -2 if isinstance(low, Growth | Share) else 0
            rounded = self.interval.scaleb(-exponent).rounded(places).scaleb(exponent)
            low, high = with_magnitude(low, rounded.low), with_magnitude(high, rounded.high)
        return _ends(low.format(places=places), high.format(places=places))

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"Bounds({self.format()!r})"


def _ends(low: str, high: str) -> str:
    return low if low == high else f"{low} to {high}"


def _scale(low: Amount, high: Amount, scale: str | None) -> tuple[str, int]:
    """The scale word and its power of ten to show both ends with."""
    if scale == "auto":
        size = max(abs(low.magnitude), abs(high.magnitude))
        for word, exponent in _AUTO_SCALES:
            if size >= Decimal(1).scaleb(exponent):
                return word, exponent
        return "", 0
    return low._scale(scale)  # the scale words that Amount.format knows


#: An amount wherever the bounds functions take one, exact, reported, or the bounds
#: of a derived amount (which chains one function's result into the next).
AmountLike: TypeAlias = Amount | Reported[Amount] | Bounds[Amount]
#: A growth rate, exact, reported or as bounds.
GrowthLike: TypeAlias = Growth | Reported[Growth] | Bounds[Growth]
#: A multiplier, exact, reported or as bounds.
MultiplierLike: TypeAlias = Multiplier | Reported[Multiplier] | Bounds[Multiplier]
#: A share, exact, reported or as bounds.
ShareLike: TypeAlias = Share | Reported[Share] | Bounds[Share]


# -- reading the arguments ---------------------------------------------------------------


def _read(value: object, kinds: tuple[type[Figure], ...], what: str) -> tuple[Interval, Figure]:
    """The interval of an exact, reported or bounded figure, and a value of its kind and unit."""
    if isinstance(value, Bounds):
        interval, figure = value.interval, value.low
    elif isinstance(value, Reported):
        interval, figure = value.interval, value.value
    elif isinstance(value, FIGURE_TYPES):
        interval, figure = Interval.exact(magnitude_of(value)), value
    else:
        figure = None
    if not isinstance(figure, kinds):
        expected = " or ".join(kind.__name__ for kind in kinds)
        raise InvalidValueError(
            f"{what} must be a {expected}, exact, reported or as bounds; got "
            f"{type(value).__name__} {value!r}",
            value=value,
        )
    return interval, figure


def _amounts(*values: AmountLike, names: tuple[str, ...], action: str) -> list[Interval]:
    """The intervals of amounts in the unit of the last one; currencies must agree."""
    read = [_read(v, (Amount,), name) for v, name in zip(values, names, strict=True)]
    reference = read[-1][1]
    assert isinstance(reference, Amount)
    intervals = []
    for interval, amount in read:
        assert isinstance(amount, Amount)
        if amount.unit == reference.unit:
            intervals.append(interval)
            continue
        amount.in_unit_of(reference, action=action)  # raises for two currencies
        intervals.append(interval * conversion_factor(amount.unit, reference.unit))
    return intervals


def _measure(value: object, kind: type[Figure], what: str) -> Interval:
    return _read(value, (kind,), what)[0]


def _factor(change: GrowthLike | MultiplierLike) -> Interval:
    """The interval of 1 + growth, or of a multiplier; a change never makes a value negative."""
    interval, figure = _read(change, (Growth, Multiplier), "a change")
    factor = interval + ONE if isinstance(figure, Growth) else interval
    if factor.high < 0:
        raise InvalidValueError(
            f"a change of {change} turns a positive value negative, so it has no multiplier",
            value=change,
        )
    return _at_least_zero(factor)


def _unit_of(value: AmountLike) -> str:
    amount = _read(value, (Amount,), "an amount")[1]
    assert isinstance(amount, Amount)
    return amount.unit


def _at_least_zero(interval: Interval) -> Interval:
    return interval if interval.low >= 0 else Interval(ZERO, interval.high)


def _require_positive(base: Interval, shown: object, message: str, **details: object) -> None:
    """Refuse a base that may be zero, naming the figure."""
    if base.low <= 0 <= base.high:
        raise ZeroBaseError(
            f"{message}: the base {shown} may be zero (it stands for {base})", **details
        )


# -- growth ------------------------------------------------------------------------------


@in_context
def growth_bounds(
    current: AmountLike, previous: AmountLike, *, allow_negative_base: bool = False
) -> Bounds[Growth]:
    """The bounds of the growth rate from ``previous`` to ``current``: :func:`~tradestats.changes`.

    The rate current ÷ previous − 1 rises with ``current`` and falls with
    ``previous`` (over a positive base), so its bounds come from the ends of the
    two intervals.

    Args:
        current: The later amount, exact or reported.
        previous: The earlier amount, in the same currency or a compatible unit.
        allow_negative_base: Over a base that is negative throughout, divide by
            its size instead of refusing, as :func:`~tradestats.changes` does.

    Raises:
        ZeroBaseError: If ``previous`` may be zero (its interval holds 0).
        NegativeBaseError: If ``previous`` is negative and that was not allowed.
        UnitMismatchError: For amounts in different currencies.
        InvalidValueError: For arguments that are not amounts.

    >>> from tradestats.verify.figures import Reported
    >>> growth_bounds(Reported.parse_amount("183 billion CNY"), Amount("114.9E9", "CNY")).format(
    ...     places=2
    ... )
    '+58.83% to +59.71%'
    """
    now, before = _amounts(
        current,
        previous,
        names=("the current value", "the previous value"),
        action="compute growth from {other} to {this}",
    )
    message = f"growth from {previous} to {current} is undefined"
    _require_positive(before, previous, message, current=current, previous=previous)
    if before.high < 0:
        if not allow_negative_base:
            raise NegativeBaseError(
                f"growth from {previous} to {current} has a negative base, so its sign would "
                "mislead; report the absolute change, or pass allow_negative_base=True to divide "
                "by the base's size",
                current=current,
                previous=previous,
            )
        # (c − p) ÷ |p| = c ÷ |p| + 1: each input once, so the corners give the bounds.
        return Bounds.from_interval(now / -before + ONE, Growth)
    return Bounds.from_interval(now / before - ONE, Growth)


@in_context
def multiplier_bounds(current: AmountLike, previous: AmountLike) -> Bounds[Multiplier]:
    """The bounds of current ÷ previous, as :func:`~tradestats.multiplier`.

    Raises:
        ZeroBaseError: If ``previous`` may be zero.
        InvalidValueError: If either value is negative throughout.
        UnitMismatchError: For amounts in different currencies.

    >>> from tradestats.verify.figures import Reported
    >>> multiplier_bounds(Reported.parse_amount("42.6 USD"), Amount(10, "USD"))
    Bounds('×4.255 to ×4.265')
    """
    now, before = _amounts(
        current,
        previous,
        names=("the current value", "the previous value"),
        action="compute a multiplier from {other} to {this}",
    )
    if now.high < 0 or before.high < 0:
        raise InvalidValueError(
            f"a multiplier needs non-negative values, got {previous} and {current}",
            current=current,
            previous=previous,
        )
    _require_positive(
        before,
        previous,
        "a multiplier is undefined",
        current=current,
        previous=previous,
    )
    return Bounds.from_interval(_at_least_zero(now) / before, Multiplier)


@in_context
def implied_previous_bounds(
    current: AmountLike, change: GrowthLike | MultiplierLike
) -> Bounds[Amount]:
    """The bounds of the earlier value that ``change`` turned into ``current``.

    As :func:`~tradestats.implied_previous`: current ÷ (1 + growth), or ÷ the
    multiplier; in the current value's unit.

    Raises:
        ZeroBaseError: If the change may be a fall of 100% (×0).
        InvalidValueError: For a fall of more than 100% throughout, or a change
            that is not a growth rate or multiplier.

    >>> from tradestats.verify.figures import Reported
    >>> implied_previous_bounds(Amount(426, "USD"), Reported.parse_multiplier("×4.26")).format(
    ...     places=2
    ... )
    '99.88 to 100.12 USD'
    """
    (now,) = _amounts(current, names=("the current value",), action="")
    factor = _factor(change)
    _require_positive(
        factor,
        change,
        f"cannot imply the previous value of {current} from {change}",
        current=current,
        change=change,
    )
    return Bounds.from_interval(now / factor, _unit_of(current))


@in_context
def implied_current_bounds(
    previous: AmountLike, change: GrowthLike | MultiplierLike
) -> Bounds[Amount]:
    """The bounds of the value that ``change`` makes of ``previous``: previous × (1 + growth).

    Raises:
        InvalidValueError: For a fall of more than 100% throughout, or a change
            that is not a growth rate or multiplier.

    >>> from tradestats.verify.figures import Reported
    >>> implied_current_bounds(Amount(100, "USD"), Reported.parse_growth("+59.3%"))
    Bounds('159.25 to 159.35 USD')
    """
    (before,) = _amounts(previous, names=("the previous value",), action="")
    return Bounds.from_interval(before * _factor(change), _unit_of(previous))


# -- shares ------------------------------------------------------------------------------


@in_context
def share_bounds(part: AmountLike, total: AmountLike) -> Bounds[Share]:
    """The bounds of the share of ``total`` that ``part`` makes up, as :func:`~tradestats.share`.

    The part belongs to the total, so the true part never exceeds the true
    total: the lowest share is the lowest part over the highest total, and the
    highest is the highest part over the lowest total, or 100% where the two
    intervals overlap. Negative values are impossible and cut off.

    Raises:
        InvalidValueError: If either value is negative throughout, or the part
            exceeds the total everywhere.
        ZeroBaseError: If the total may be zero.
        UnitMismatchError: For amounts in different currencies.

    >>> from tradestats.verify.figures import Reported
    >>> bri = Reported.parse_amount("169 billion CNY")
    >>> total = Reported.parse_amount("183 billion CNY")
    >>> share_bounds(bri, total).format(places=2)
    '91.82% to 92.88%'
    >>> share_bounds(total, total).format(places=2)
    '99.45% to 100.00%'
    """
    parts, totals = _amounts(
        part,
        total,
        names=("the part", "the total"),
        action="compute the share of {this} in {other}",
    )
    if parts.high < 0 or totals.high < 0:
        raise InvalidValueError(
            f"a share needs non-negative values, got {part} of {total}: shares of a balance "
            "are not defined",
            part=part,
            total=total,
        )
    parts = _at_least_zero(parts)
    # The true total is at least the true part, which is at least the part's low end.
    totals_left = totals.intersection(Interval(parts.low, max(parts.low, totals.high)))
    if totals_left is None:
        raise InvalidValueError(
            f"the part {part} is larger than its total {total} everywhere in their intervals "
            f"({parts} and {totals}): a share cannot exceed 100%; check that the part belongs "
            "to the total",
            part=part,
            total=total,
        )
    _require_positive(
        totals_left,
        total,
        f"the share of {part} in {total} is undefined",
        part=part,
        total=total,
    )
    parts_left = Interval(parts.low, min(parts.high, totals_left.high))
    low = (parts_left.low / Interval.exact(totals_left.high)).low
    high = min(ONE, (parts_left.high / Interval.exact(totals_left.low)).high)
    return Bounds.from_interval(Interval(low, high), Share)


@in_context
def share_change_bounds(current: ShareLike, previous: ShareLike) -> Bounds[PercentagePoints]:
    """The bounds of the change of a share in percentage points: :func:`~tradestats.share_change`.

    Raises:
        InvalidValueError: For arguments that are not shares.

    >>> from tradestats.verify.figures import Reported
    >>> share_change_bounds(Reported.parse_share("92.3%"), Reported.parse_share("91.1%"))
    Bounds('+1.1 pp to +1.3 pp')
    """
    now = _measure(current, Share, "the current share")
    before = _measure(previous, Share, "the previous share")
    return Bounds.from_interval((now - before).scaleb(2), PercentagePoints)


@in_context
def contribution_bounds(
    part_current: AmountLike, part_previous: AmountLike, total_previous: AmountLike
) -> Bounds[PercentagePoints]:
    """The bounds of a part's contribution to its total's growth: :func:`~tradestats.contribution`.

    The contribution (part now − part before) ÷ total before × 100 uses each
    input once, so its bounds are at corners of the three intervals. They
    assume nothing about how the part relates to the total, so they stay sound
    for parts that may be negative (such as a balance), and tight for any.

    Raises:
        ZeroBaseError: If the earlier total may be zero.
        UnitMismatchError: For amounts in different currencies.

    >>> from tradestats.verify.figures import Reported
    >>> contribution_bounds(
    ...     Reported.parse_amount("30 USD"), Amount(20, "USD"), Reported.parse_amount("100 USD")
    ... ).format(places=2)
    '+9.45 pp to +10.56 pp'
    """
    now, before, total = _amounts(
        part_current,
        part_previous,
        total_previous,
        names=("the part's current value", "the part's previous value", "the previous total"),
        action="compute the contribution of {this} to {other}",
    )
    _require_positive(
        total,
        total_previous,
        f"a contribution to the growth of {total_previous} is undefined",
        total=total_previous,
    )
    return Bounds.from_interval(((now - before) / total).scaleb(2), PercentagePoints)


@in_context
def remainder_bounds(total: AmountLike, part: AmountLike) -> Bounds[Amount]:
    """The bounds of what is left of ``total`` without ``part``, as :func:`~tradestats.remainder`.

    A remainder is never negative, so the low end is cut at zero.

    Raises:
        InvalidValueError: If the part exceeds the total everywhere in their intervals.
        UnitMismatchError: For amounts in different currencies.

    >>> from tradestats.verify.figures import Reported
    >>> bri = Reported.parse_amount("169 billion CNY")
    >>> total = Reported.parse_amount("183 billion CNY")
    >>> remainder_bounds(total, bri)
    Bounds('13 to 15 billion CNY')
    """
    parts, totals = _amounts(
        part,
        total,
        names=("the part", "the total"),
        action="take {this} from {other}",
    )
    rest = totals - parts
    if rest.high < 0:
        raise InvalidValueError(
            f"the part {part} exceeds its total {total} everywhere in their intervals "
            f"({parts} and {totals})",
            total=total,
            part=part,
        )
    return Bounds.from_interval(_at_least_zero(rest), _unit_of(total))


@in_context
def cagr_bounds(first: AmountLike, last: AmountLike, years: Number) -> Bounds[Growth]:
    """The bounds of the compound annual growth rate from ``first`` to ``last``.

    As :func:`~tradestats.cagr`, with the same argument order: (last ÷ first) **
    (1 ÷ years) − 1, which rises with ``last`` and falls with ``first``.

    Args:
        first: The earlier amount, exact or reported.
        last: The later amount.
        years: The number of years between them, exact and positive.

    Raises:
        ZeroBaseError: If ``first`` may be zero.
        NegativeBaseError: If ``first`` is negative throughout.
        InvalidValueError: If ``last`` is negative throughout or ``years`` is not positive.
        UnitMismatchError: For amounts in different currencies.

    >>> cagr_bounds(Amount(100, "USD"), Amount(121, "USD"), 2).format(places=6)
    '+9.999999% to +10.000001%'
    >>> from tradestats.verify.figures import Reported
    >>> cagr_bounds(Reported.parse_amount("100 USD"), Reported.parse_amount("121 USD"), 2).format(
    ...     places=2
    ... )
    '+9.49% to +10.51%'
    """
    n = to_decimal(years, what="years")
    if n <= 0:
        raise InvalidValueError(f"years must be positive, got {n}", value=years)
    end, start = _amounts(
        last,
        first,
        names=("the last value", "the first value"),
        action="compute a CAGR from {other} to {this}",
    )
    if start.high < 0:
        raise NegativeBaseError(
            f"a CAGR from the negative {first} to {last} is undefined", first=first, last=last
        )
    _require_positive(start, first, f"a CAGR from {first} to {last} is undefined", first=first)
    if end.high < 0:
        raise InvalidValueError(f"a CAGR needs a non-negative final value, got {last}", value=last)
    ratio = _at_least_zero(end) / start
    # 1 ÷ years may have no exact decimal (1 ÷ 3): carry it as an interval too.
    exponent = Interval(DOWN.divide(ONE, n), UP.divide(ONE, n))
    return Bounds.from_interval(ratio.power(exponent) - ONE, Growth)
