"""Private helpers shared by reported figures and bounds: one number per kind of figure.

Every amount and measure is one Decimal in its own internal magnitude: an
amount's magnitude in its unit, a growth rate as a fraction, a multiplier's
factor, a share as a fraction, percentage points as points. Intervals of
figures are intervals of that number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeAlias, TypeVar, cast

from tradestats._numbers import ONE, ZERO
from tradestats.amounts import Amount
from tradestats.errors import InvalidValueError
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.verify.intervals import Interval

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "FIGURE_TYPES",
    "Figure",
    "T",
    "clamp_to_domain",
    "internal_name",
    "kind_name",
    "magnitude_of",
    "require_kind",
    "with_magnitude",
]

#: A published figure of any kind: an amount or one of the four measures.
Figure: TypeAlias = Amount | Growth | Multiplier | Share | PercentagePoints
T = TypeVar("T", bound=Figure)

FIGURE_TYPES: Final = (Amount, Growth, Multiplier, Share, PercentagePoints)

# What the internal magnitude is called in messages, by kind.
_INTERNAL: Final = {
    Amount: "the magnitude in the amount's unit",
    Growth: "the rate as a fraction (0.0005 is 0.05 pp)",
    Multiplier: "the factor",
    Share: "the fraction (0.0005 is 0.05 pp)",
    PercentagePoints: "points",
}


def kind_name(kind: type[object]) -> str:
    """The class name, for messages."""
    return kind.__name__


def require_kind(value: object, what: str) -> Figure:
    """``value`` if it is an amount or a measure, else an error naming it."""
    if isinstance(value, FIGURE_TYPES):
        return value
    raise InvalidValueError(
        f"{what} must be an Amount, Growth, Multiplier, Share or PercentagePoints, got "
        f"{type(value).__name__} {value!r}",
        value=value,
    )


def magnitude_of(value: Figure) -> Decimal:
    """The one number of a figure, in its internal magnitude."""
    if isinstance(value, Amount):
        return value.magnitude
    if isinstance(value, Growth):
        return value.rate
    if isinstance(value, Multiplier):
        return value.factor
    if isinstance(value, Share):
        return value.fraction
    return value.points


def with_magnitude(like: T, magnitude: Decimal) -> T:
    """A figure of the same kind (and unit) as ``like`` with another internal magnitude."""
    if isinstance(like, Amount):
        return cast("T", Amount(magnitude, like.unit))
    return cast("T", type(like)(magnitude))


def internal_name(kind: type[object]) -> str:
    """How the internal magnitude of ``kind`` is measured, for messages and docs."""
    return _INTERNAL[kind]


def clamp_to_domain(interval: Interval, kind: type[object], *, what: str) -> Interval:
    """``interval`` cut to the values a figure of ``kind`` can take.

    A share reported as "0.0%" stands for 0% to 0.05%, not −0.05% to 0.05%; a
    multiplier cannot be negative.

    Raises:
        InvalidValueError: If no value of the interval is possible for ``kind``.
    """
    if kind is Share:
        low, high = max(interval.low, ZERO), min(interval.high, ONE)
        expected = "between 0 and 1 (0% to 100%)"
    elif kind is Multiplier:
        low, high = max(interval.low, ZERO), interval.high
        expected = "not negative"
    else:
        return interval
    if low > high:
        raise InvalidValueError(
            f"{what} {interval} holds no possible {kind_name(kind)}: it must be {expected}",
            interval=interval,
        )
    if low == interval.low and high == interval.high:
        return interval
    return Interval(low, high)
