"""Shares in two periods, with the change in percentage points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradestats.errors import InvalidValueError
from tradestats.plots._canvas import INK, MUTED, new_figure
from tradestats.plots._fonts import font_context
from tradestats.plots._values import percent, series

if TYPE_CHECKING:
    from collections.abc import Mapping

    from matplotlib.figure import Figure

__all__ = ["plot_shares"]

_BEFORE, _AFTER = "#999999", "#0072B2"


def plot_shares(
    before: Mapping[str, object],
    after: Mapping[str, object],
    *,
    labels: tuple[str, str] = ("before", "after"),
    title: str = "Shares",
) -> Figure:
    """Draw each part's share in two periods, joined, with the change in percentage points.

    Args:
        before: Part label → share in the earlier period, as :class:`~tradestats.Share`
            or a number of percent.
        after: Part label → share in the later period; the same labels.
        labels: What the two periods are called in the legend (e.g. ``("2022", "2023")``).
        title: The figure's title.

    Returns:
        A :class:`matplotlib.figure.Figure`, parts sorted by their later share.

    Raises:
        InvalidValueError: If the two periods do not name the same parts.

    >>> from tradestats import Share
    >>> figure = plot_shares({"EU": Share("0.38")}, {"EU": Share("0.386")}, labels=("2022", "2023"))
    >>> [t.get_text() for t in figure.axes[0].texts]
    ['+0.6 pp']
    """
    first = {k: percent(v, f"share of {k!r}") for k, v in series(before, "before").items()}
    second = {k: percent(v, f"share of {k!r}") for k, v in series(after, "after").items()}
    if first.keys() != second.keys():
        missing = sorted(first.keys() ^ second.keys())
        raise InvalidValueError(
            f"the two periods must name the same parts; only one of them names {missing}",
            value=missing,
        )
    order = sorted(second, key=lambda label: second[label])
    with font_context([title, *labels, *order]):
        figure = new_figure(7.5, 1.0 + 0.45 * len(order))
        axes = figure.add_subplot()
        for y, label in enumerate(order):
            old, new = float(first[label]), float(second[label])
            axes.plot([old, new], [y, y], color=MUTED, linewidth=1.5, zorder=1)
            axes.scatter([old], [y], color=_BEFORE, zorder=2, label=labels[0] if not y else None)
            axes.scatter([new], [y], color=_AFTER, zorder=3, label=labels[1] if not y else None)
            change = second[label] - first[label]
            axes.annotate(f"{change:+.1f} pp", (max(old, new), y), xytext=(8, 0),
                          textcoords="offset points", va="center", fontsize=8,
                          color=INK)  # fmt: skip
        axes.set_yticks(range(len(order)), order)
        axes.set_xlabel("share, %")
        axes.margins(x=0.15)
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(frameon=False, fontsize=8, loc="lower right")
        axes.set_title(title, color=INK)
    return figure
