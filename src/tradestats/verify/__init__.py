"""Published figures with their precision, and sound bounds of every measure.

Layer three of tradestats (see the architecture page): it builds on the model
(amounts, measures, periods) and the arithmetic (growth, shares), and the claims
and the check build on it. Everything here is re-exported from ``tradestats``.
"""

from tradestats.verify._scan import FoundFigure, FoundKind, find_figures
from tradestats.verify.bounds import (
    AmountLike,
    Bounds,
    GrowthLike,
    MultiplierLike,
    ShareLike,
    cagr_bounds,
    change_bounds,
    contribution_bounds,
    contribution_share_bounds,
    growth_bounds,
    growth_difference_bounds,
    implied_current_bounds,
    implied_previous_bounds,
    multiplier_bounds,
    remainder_bounds,
    share_bounds,
    share_change_bounds,
)
from tradestats.verify.figures import (
    ABOUT_WIDTH,
    NEARLY_SLACK,
    Qualifier,
    Reported,
    as_reported,
    half_unit_of_last_digit,
    reported,
)
from tradestats.verify.intervals import Interval

__all__ = [
    "ABOUT_WIDTH",
    "NEARLY_SLACK",
    "AmountLike",
    "Bounds",
    "FoundFigure",
    "FoundKind",
    "GrowthLike",
    "Interval",
    "MultiplierLike",
    "Qualifier",
    "Reported",
    "ShareLike",
    "as_reported",
    "cagr_bounds",
    "change_bounds",
    "contribution_bounds",
    "contribution_share_bounds",
    "find_figures",
    "growth_bounds",
    "growth_difference_bounds",
    "half_unit_of_last_digit",
    "implied_current_bounds",
    "implied_previous_bounds",
    "multiplier_bounds",
    "remainder_bounds",
    "reported",
    "share_bounds",
    "share_change_bounds",
]
