"""A waterfall of contributions to growth: parts in percentage points adding up to the total."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tradestats.plots._canvas import INK, MUTED, new_figure
from tradestats.plots._fonts import font_context
from tradestats.plots._values import points, series

if TYPE_CHECKING:
    from collections.abc import Mapping

    from matplotlib.figure import Figure

__all__ = ["plot_contributions"]

_UP, _DOWN, _TOTAL = "#009E73", "#D55E00", "#0072B2"


def plot_contributions(
    contributions: Mapping[str, object],
    *,
    total: object | None = None,
    title: str = "Contributions to growth",
    rest: str = "other (rest of the total)",
) -> Figure:
    """Draw a waterfall: each part's contribution in percentage points, then the total's growth.

    Contributions (:func:`tradestats.contribution`, or the ``contribution_pp``
    column of :func:`tradestats.tables.contribution`) add up to the total's growth
    when every part is given. When ``total`` is given and the parts fall short of
    it, the difference is drawn as one more bar, ``rest``, so the waterfall always
    ends at the total's growth.

    Args:
        contributions: Part label → contribution, as
            :class:`~tradestats.PercentagePoints` or a number of points.
        total: The total's growth (:class:`~tradestats.Growth`, or points); default
            the sum of the parts.
        title: The figure's title.
        rest: The label of the bar for what the parts leave of the total.

    Returns:
        A :class:`matplotlib.figure.Figure`.

    >>> from tradestats import Growth, PercentagePoints
    >>> figure = plot_contributions(
    ...     {"Belt and Road": PercentagePoints("56.7"), "others": PercentagePoints("2.6")},
    ...     total=Growth("0.593"),
    ... )
    >>> [t.get_text() for t in figure.axes[0].get_xticklabels()]
    ['Belt and Road', 'others', 'total']
    """
    parts = {label: points(value, f"contribution of {label!r}") for label, value in
             series(contributions, "contributions").items()}  # fmt: skip
    whole = sum(parts.values(), Decimal(0))
    if total is not None:
        goal = points(total, "total growth")
        if goal != whole:
            parts[rest] = goal - whole
            whole = goal
    labels = [*parts, "total"]
    with font_context([title, *labels]):
        figure = new_figure(max(4.0, 1.1 * len(labels) + 1.5), 4.2)
        axes = figure.add_subplot()
        running = Decimal(0)
        for x, value in enumerate(parts.values()):
            bottom = running if value >= 0 else running + value
            colour = _UP if value >= 0 else _DOWN
            axes.bar(x, float(abs(value)), bottom=float(bottom), color=colour, width=0.6)
            axes.text(x, float(max(running, running + value)), f"{value:+.1f} pp", ha="center",
                      va="bottom", fontsize=8, color=INK)  # fmt: skip
            if x:
                axes.plot([x - 1.3, x - 0.3], [float(running)] * 2, color=MUTED, linewidth=0.8)
            running += value
        end = len(parts)
        axes.bar(end, float(abs(whole)), bottom=float(min(whole, Decimal(0))), color=_TOTAL,
                 width=0.6)  # fmt: skip
        axes.text(end, float(max(whole, Decimal(0))), f"{whole:+.1f}%", ha="center",
                  va="bottom", fontsize=8, fontweight="bold", color=INK)  # fmt: skip
        axes.axhline(0, color=INK, linewidth=0.8)
        axes.set_xticks(range(len(labels)), labels, rotation=20 if len(labels) > 5 else 0)
        axes.set_ylabel("percentage points of the total's growth")
        axes.spines[["top", "right"]].set_visible(False)
        axes.set_title(title, color=INK)
    return figure
