"""Private: the numbers a plot draws, read from measures or plain numbers.

Plots accept what the scalar functions return (:class:`~tradestats.Growth`,
:class:`~tradestats.Share`, :class:`~tradestats.PercentagePoints`) or plain
numbers in the plot's stated unit, and refuse anything else by name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tradestats._text import quote
from tradestats.errors import InvalidValueError
from tradestats.measures import Growth, PercentagePoints, Share

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["percent", "points", "series"]


def points(value: object, what: str) -> Decimal:
    """Percentage points from PercentagePoints, Growth (×100) or a plain number of points."""
    if isinstance(value, PercentagePoints):
        return value.points
    if isinstance(value, Growth):
        return value.rate.scaleb(2)
    return _number(value, what, "percentage points (PercentagePoints, Growth or a number)")


def percent(value: object, what: str) -> Decimal:
    """Percent from a Share (×100) or a plain number of percent."""
    if isinstance(value, Share):
        return value.fraction.scaleb(2)
    return _number(value, what, "a share (Share or a number of percent)")


def _number(value: object, what: str, expected: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidValueError(f"{what}: expected {expected}, got {quote(value)}", value=value)
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise InvalidValueError(
            f"{what}: expected a finite number, got {quote(value)}", value=value
        )
    return number


def series(values: Mapping[str, object], what: str) -> dict[str, object]:
    """A mapping of labels to values, checked to be one with text labels."""
    if not hasattr(values, "items"):
        raise InvalidValueError(
            f"{what}: expected a mapping of labels to values, got {quote(values)}", value=values
        )
    found = dict(values.items())
    if not found:
        raise InvalidValueError(f"{what}: expected at least one value, got none", value=values)
    for label in found:
        if not isinstance(label, str):
            raise InvalidValueError(f"{what}: labels must be text, got {quote(label)}", value=label)
    return found
