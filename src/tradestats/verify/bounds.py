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

from typing import TypeAlias

from tradestats import _rules
from tradestats._numbers import DOWN, ONE, UP, ZERO, Number, in_context, to_decimal
from tradestats._text import quote
from tradestats.amounts import Amount
from tradestats.errors import (
    InvalidValueError,
)
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.units import conversion_factor
from tradestats.verify._kinds import FIGURE_TYPES, Figure, magnitude_of
from tradestats.verify.figures import Reported
from tradestats.verify.intervals import Interval
from tradestats.verify.ranges import Bounds

__all__ = [
    "AmountLike",
    "Bounds",
    "GrowthLike",
    "MultiplierLike",
    "ShareLike",
    "cagr_bounds",
    "change_bounds",
    "contribution_bounds",
    "contribution_share_bounds",
    "growth_bounds",
    "growth_difference_bounds",
    "implied_current_bounds",
    "implied_previous_bounds",
    "multiplier_bounds",
    "remainder_bounds",
    "share_bounds",
    "share_change_bounds",
]

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
            f"{type(value).__name__} {quote(value)}",
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
    if _rules.FALL_BEYOND_100.refuses_interval(factor):
        raise _rules.FALL_BEYOND_100.interval_failure(
            factor, shown=change, details={"value": change}
        )
    return _at_least_zero(factor)


def _unit_of(value: AmountLike) -> str:
    amount = _read(value, (Amount,), "an amount")[1]
    assert isinstance(amount, Amount)
    return amount.unit


def _at_least_zero(interval: Interval) -> Interval:
    return interval if interval.low >= 0 else Interval(ZERO, interval.high)


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

    Growth is undefined where the value changed sign (see
    :func:`~tradestats.changes`), so the bounds refuse a current value of the
    opposite sign to the base everywhere in their intervals, and also one whose
    interval holds values of both signs, such as a balance published as "0.0
    billion": the rate would be a number at some points and undefined at
    others, which no range describes. Bound the change in level
    (:func:`change_bounds`) instead.

    Raises:
        ZeroBaseError: If ``previous`` may be zero (its interval holds 0).
        NegativeBaseError: If ``previous`` is negative and that was not allowed.
        SignChangeError: If the value changed sign, or may have, between the intervals.
        UnitMismatchError: For amounts in different currencies.
        InvalidValueError: For arguments that are not amounts.

    >>> from tradestats.verify.figures import Reported
    >>> growth_bounds(Reported.parse_amount("183 billion CNY"), Amount("114.9E9", "CNY")).format(
    ...     places=2
    ... )
    '+58.83% to +59.71%'
    >>> growth_bounds(Reported.parse_amount("0.0 USD"), Amount(2, "USD"))
    Traceback (most recent call last):
    ...
    tradestats.errors.SignChangeError: growth from 2 USD to 0.0 USD (±0.05 USD) is undefined:
    the value may have changed sign, from 2 USD to 0.0 USD (±0.05 USD) (it stands for [-0.05,
    0.05]); report the change in level instead
    """
    now, before = _amounts(
        current,
        previous,
        names=("the current value", "the previous value"),
        action="compute growth from {other} to {this}",
    )
    details = {"current": current, "previous": previous}
    if _rules.ZERO_BASE.refuses_interval(before):
        raise _rules.ZERO_BASE.interval_failure(
            before, subject=f"growth from {previous} to {current}", shown=previous, details=details
        )
    negative = _rules.NEGATIVE_BASE.refuses_interval(before)
    if negative and not allow_negative_base:
        raise _rules.NEGATIVE_BASE.interval_failure(
            before,
            subject=f"growth from {previous} to {current}",
            advice=_rules.NEGATIVE_GROWTH_ADVICE,
            details=details,
        )
    words = {"subject": f"growth from {previous} to {current}", "shown": current}
    if _rules.SIGN_CHANGED.refuses_interval(now, before):
        raise _rules.SIGN_CHANGED.interval_failure(
            now, before, previous=previous, details=details, **words
        )
    if _rules.may_change_sign(now, before):
        note = _rules.SIGN_MAY_HAVE_CHANGED["range"].format(now, before)
        raise _rules.SIGN_CHANGED.failure(
            previous=previous,
            details=details,
            **{**words, **_rules.SIGN_MAY_HAVE_CHANGED, "range": note},
        )
    if negative:
        # (c − p) ÷ |p| = c ÷ |p| + 1: each input once, so the corners give the bounds.
        return Bounds.from_interval(now / -before + ONE, Growth)
    return Bounds.from_interval(now / before - ONE, Growth)


@in_context
def change_bounds(current: AmountLike, previous: AmountLike) -> Bounds[Amount]:
    """The bounds of the change in level, current − previous: :func:`~tradestats.change`.

    current − previous, in the previous value's unit, signed; defined for
    values of any sign (a balance that changed sign too).

    Raises:
        UnitMismatchError: For amounts in different currencies.
        InvalidValueError: For arguments that are not amounts.

    >>> from tradestats.verify.figures import Reported
    >>> change_bounds(Reported.parse_amount("187.6 billion USD"),
    ...               Reported.parse_amount("184.2 billion USD"))
    Bounds('3.3 to 3.5 billion USD')
    """
    now, before = _amounts(
        current,
        previous,
        names=("the current value", "the previous value"),
        action="compute the change from {other} to {this}",
    )
    return Bounds.from_interval(now - before, _unit_of(previous))


@in_context
def growth_difference_bounds(growth: GrowthLike, than: GrowthLike) -> Bounds[PercentagePoints]:
    """The bounds of growth − than, in percentage points: :func:`~tradestats.growth_difference`.

    Raises:
        InvalidValueError: For arguments that are not growth rates.

    >>> from tradestats.verify.figures import Reported
    >>> growth_difference_bounds(Reported.parse_growth("+20.1%"), Reported.parse_growth("+5.2%"))
    Bounds('+14.8 to +15.0 pp')
    """
    rate = _measure(growth, Growth, "the growth rate")
    other = _measure(than, Growth, "the growth rate compared with")
    return Bounds.from_interval((rate - other).scaleb(2), PercentagePoints)


@in_context
def contribution_share_bounds(
    part_current: AmountLike,
    part_previous: AmountLike,
    total_current: AmountLike,
    total_previous: AmountLike,
) -> Bounds[PercentagePoints]:
    """The bounds of a contribution share (贡献率): :func:`~tradestats.contribution_share`.

    (part now − part before) ÷ (total now − total before) × 100, in percent
    held as :class:`~tradestats.PercentagePoints`. The two changes are
    intervals of their own and each is used once, so the bounds are at their
    corners; they assume nothing about how the part relates to the total, so
    they stay sound (and may be wider than a part within its total allows).

    Raises:
        ZeroBaseError: If the total's change may be zero ("total did not change").
        UnitMismatchError: For amounts in different currencies.

    >>> from tradestats.verify.figures import Reported
    >>> contribution_share_bounds(Amount(80, "USD"), Amount(60, "USD"),
    ...                           Reported.parse_amount("110 USD"), Amount(100, "USD"))
    Bounds('+190.4 to +210.6 pp')
    """
    now, before, total_now, total_before = _amounts(
        part_current,
        part_previous,
        total_current,
        total_previous,
        names=(
            "the part's current value",
            "the part's previous value",
            "the current total",
            "the previous total",
        ),
        action="compute the contribution share of {this} in {other}",
    )
    total_change = total_now - total_before
    if _rules.TOTAL_UNCHANGED.refuses_interval(total_change):
        raise _rules.TOTAL_UNCHANGED.interval_failure(
            total_change,
            subject=f"the contribution share of {part_current} in {total_current}",
            shown=total_current,
            previous=total_previous,
            details={"total_current": total_current, "total_previous": total_previous},
        )
    return Bounds.from_interval(((now - before) / total_change).scaleb(2), PercentagePoints)


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
    details = {"current": current, "previous": previous}
    for values in (now, before):
        if _rules.NEGATIVE_VALUE.refuses_interval(values):
            raise _rules.NEGATIVE_VALUE.interval_failure(
                values, subject="a multiplier", shown=f"{previous} and {current}", details=details
            )
    if _rules.ZERO_BASE.refuses_interval(before):
        raise _rules.ZERO_BASE.interval_failure(
            before,
            subject=f"a multiplier from {previous} to {current}",
            shown=previous,
            details=details,
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
    if _rules.FALL_OF_100.refuses_interval(factor):
        raise _rules.FALL_OF_100.interval_failure(
            factor,
            subject=f"cannot imply the previous value of {current} from {change}",
            shown=change,
            details={"current": current, "change": change},
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
    details = {"part": part, "total": total}
    for rule, values in ((_rules.NEGATIVE_VALUE, parts), (_rules.NEGATIVE_TOTAL, totals)):
        if rule.refuses_interval(values):
            raise rule.interval_failure(
                values,
                subject="a share",
                shown=f"{part} of {total}",
                advice=_rules.SHARE_OF_BALANCE,
                details=details,
            )
    parts = _at_least_zero(parts)
    if _rules.PART_ABOVE_TOTAL.refuses_interval(parts, totals):
        raise _rules.PART_ABOVE_TOTAL.interval_failure(
            parts, totals, part=part, total=total, details=details
        )
    # The true total is at least the true part, which is at least the part's low end.
    totals_left = Interval(max(totals.low, parts.low), totals.high)
    if _rules.ZERO_TOTAL.refuses_interval(totals_left):
        raise _rules.ZERO_TOTAL.interval_failure(
            totals_left, subject=f"the share of {part} in {total}", shown=total, details=details
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
    Bounds('+1.1 to +1.3 pp')
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
    '+9.45 to +10.56 pp'
    """
    now, before, total = _amounts(
        part_current,
        part_previous,
        total_previous,
        names=("the part's current value", "the part's previous value", "the previous total"),
        action="compute the contribution of {this} to {other}",
    )
    if _rules.ZERO_PREVIOUS_TOTAL.refuses_interval(total):
        raise _rules.ZERO_PREVIOUS_TOTAL.interval_failure(
            total,
            subject=f"a contribution to the growth of {total_previous}",
            shown=total_previous,
            details={"total": total_previous},
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
    if _rules.NEGATIVE_REMAINDER.refuses_interval(rest):
        raise _rules.NEGATIVE_REMAINDER.interval_failure(
            rest,
            part=part,
            total=total,
            parts=parts,
            totals=totals,
            details={"total": total, "part": part},
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
    if _rules.YEARS_NOT_POSITIVE.refuses(n):
        raise _rules.YEARS_NOT_POSITIVE.failure(shown=n, details={"value": years})
    end, start = _amounts(
        last,
        first,
        names=("the last value", "the first value"),
        action="compute a CAGR from {other} to {this}",
    )
    if _rules.NEGATIVE_VALUE.refuses_interval(end):
        raise _rules.NEGATIVE_VALUE.interval_failure(
            end,
            subject="a CAGR",
            what="a non-negative final value",
            shown=last,
            details={"value": last},
        )
    subject = f"compound annual growth from {first} to {last}"
    if _rules.ZERO_BASE.refuses_interval(start):
        raise _rules.ZERO_BASE.interval_failure(
            start, subject=subject, shown=first, details={"first": first, "last": last}
        )
    if _rules.NEGATIVE_BASE.refuses_interval(start):
        raise _rules.NEGATIVE_BASE.interval_failure(
            start,
            subject=subject,
            advice=_rules.NEGATIVE_CAGR_ADVICE,
            details={"first": first, "last": last},
        )
    ratio = _at_least_zero(end) / start
    # 1 ÷ years may have no exact decimal (1 ÷ 3): carry it as an interval too.
    exponent = Interval(DOWN.divide(ONE, n), UP.divide(ONE, n))
    return Bounds.from_interval(ratio.power(exponent) - ONE, Growth)
