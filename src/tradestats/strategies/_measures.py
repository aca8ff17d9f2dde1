"""Strategies for growth rates, multipliers, shares and percentage points (private)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from hypothesis.errors import InvalidArgument

from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.strategies._amounts import decimals
from tradestats.strategies._common import _decimal_argument

if TYPE_CHECKING:
    from hypothesis import strategies as st

    from tradestats._numbers import Number


def growths(
    min_percent: Number = Decimal("-99.9"), max_percent: Number = 1000, *, places: int = 3
) -> st.SearchStrategy[Growth]:
    """Growth rates between two percentages, such as +59.3%.

    The default range leaves out falls of 100% or more, after which no previous
    value can be implied.

    Args:
        min_percent: The lowest rate in percent, inclusive.
        max_percent: The highest rate in percent, inclusive.
        places: The most decimals of the percentage.

    Returns:
        A strategy for :class:`~tradestats.Growth` values.
    """
    return decimals(min_percent, max_percent, places=places).map(Growth.from_percent)


def multipliers(
    min_value: Number = Decimal("0.001"), max_value: Number = 1000, *, places: int = 4
) -> st.SearchStrategy[Multiplier]:
    """Multipliers (new ÷ old) between two factors, such as ×4.26.

    Args:
        min_value: The smallest factor, not negative; ×0 is left out by default.
        max_value: The largest factor.
        places: The most decimals of the factor.

    Returns:
        A strategy for :class:`~tradestats.Multiplier` values.

    Raises:
        InvalidArgument: For a negative ``min_value``.
    """
    if _decimal_argument(min_value, "min_value") < 0:
        raise InvalidArgument(f"a multiplier cannot be negative, got min_value={min_value!r}")
    return decimals(min_value, max_value, places=places).map(Multiplier)


def shares(*, places: int = 4) -> st.SearchStrategy[Share]:
    """Shares from 0% to 100%, as fractions with at most ``places`` decimals.

    Args:
        places: The most decimals of the fraction (4 gives shares such as 92.31%).

    Returns:
        A strategy for :class:`~tradestats.Share` values.
    """
    return decimals(0, 1, places=places).map(Share)


def percentage_points(
    min_value: Number = -1000, max_value: Number = 1000, *, places: int = 3
) -> st.SearchStrategy[PercentagePoints]:
    """Differences in percentage points, such as +1.2 pp.

    Args:
        min_value: The smallest difference, in points.
        max_value: The largest difference, in points.
        places: The most decimals.

    Returns:
        A strategy for :class:`~tradestats.PercentagePoints` values.
    """
    return decimals(min_value, max_value, places=places).map(PercentagePoints)
