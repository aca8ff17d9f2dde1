"""The picture of a check: each claim's published interval against what the others allow.

One row per claim (per period for sums). Each row is its own number line, scaled
to the figures it shows: the published figure with its rounding as a dark bar,
the range the other claims allow as a light band behind it (an open end runs to
the edge with an arrow), and the verdict in colour at the right. A consistent
figure's bar meets the band; an inconsistent one stands apart from it, and the
gap is written out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tradestats.claims.consistency import CheckResult, ClaimCheck, Verdict
from tradestats.plots._canvas import COLOURS, INK, MUTED, new_figure
from tradestats.plots._fonts import font_context
from tradestats.verify._kinds import magnitude_of

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from tradestats.verify.ranges import Bounds

__all__ = ["plot_check"]

_ROW_HEIGHT = 0.62  # inches per claim
_LEFT, _RIGHT = 0.0, 1.0  # the number line of every row, in axes units
_MARGIN = 0.08  # room at each side of a row's line for open ends
_VERDICT_AT, _VERDICT_END = 1.03, 1.42  # the verdict column, right of the lines


def plot_check(result: CheckResult, *, title: str | None = None, width: float = 11.0) -> Figure:
    """Draw a check: per claim, its published interval, what the others allow, the verdict.

    Args:
        result: What :func:`~tradestats.check` returned.
        title: The figure's title; default the report's title.
        width: The figure's width in inches (its height follows the number of rows).

    Returns:
        A :class:`matplotlib.figure.Figure`, to show, restyle or save
        (:meth:`~matplotlib.figure.Figure.savefig`, or :func:`tradestats.plots.save`).

    >>> from tradestats import check, load_report
    >>> figure = plot_check(check(load_report("examples/xinjiang_2023.toml")))
    >>> len(figure.axes[0].get_yticks())
    18
    """
    checks = list(result.checks)
    texts = [result.report.title, *(c.subject for c in checks), *(c.summary for c in checks)]
    with font_context(texts):
        figure = new_figure(width, 1.2 + _ROW_HEIGHT * max(1, len(checks)))
        axes = figure.add_subplot()
        _draw(axes, checks)
        figure.suptitle(title if title is not None else result.report.title, color=INK)
        _legend(axes)
    return figure


def _draw(axes: Axes, checks: list[ClaimCheck]) -> None:
    count = len(checks)
    axes.set_xlim(-0.02, _VERDICT_END)
    axes.set_ylim(count - 0.5, -0.5)
    axes.set_yticks(
        range(count), [f"{c.claim_id} · {c.period}\n{_short(c.subject)}" for c in checks]
    )
    axes.tick_params(axis="y", length=0, labelsize=8, labelcolor=INK)
    axes.set_xticks([])
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
    for row, claim_check in enumerate(checks):
        _row(axes, row, claim_check)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _row(axes: Axes, row: int, claim_check: ClaimCheck) -> None:
    colour = COLOURS.get(claim_check.verdict.value, MUTED)
    if row % 2 == 0:
        axes.axhspan(row - 0.5, row + 0.5, color="#f4f4f4", zorder=0)
    published = _ends(claim_check.published)
    implied = _ends(claim_check.implied)
    scale = _Scale([published, implied])
    if implied is not None and scale.usable:
        low, high = scale.place(implied[0], low=True), scale.place(implied[1], low=False)
        axes.barh(row, high - low, left=low, height=0.5, color=MUTED, alpha=0.35, zorder=1)
        for end, x in ((implied[0], low), (implied[1], high)):
            if end is None:
                axes.annotate(
                    "", xy=(x, row), xytext=(x + (0.04 if x < 0.5 else -0.04), row),
                    arrowprops={"arrowstyle": "->", "color": MUTED}, zorder=2,
                )  # fmt: skip
    if published is not None and scale.usable:
        low, high = scale.place(published[0], low=True), scale.place(published[1], low=False)
        axes.barh(row, max(high - low, 0.004), left=low, height=0.22, color=INK, zorder=3)
    verdict = claim_check.verdict.value
    # The summary ends with how far off an inconsistent figure is: "(off by 1.4 pp …)".
    _, _, gap = claim_check.summary.partition("(")
    detail = gap.rstrip(")") if claim_check.verdict is Verdict.INCONSISTENT else ""
    if claim_check.verdict in (Verdict.UNDEFINED, Verdict.NOT_COMPARABLE) and claim_check.reason:
        detail = claim_check.reason  # "sign changed", "definition changed: …"
    published_text = "" if claim_check.published is None else claim_check.published.format()
    implied_text = "" if claim_check.implied is None else claim_check.implied.format()
    axes.text(0.0, row - 0.3, published_text, fontsize=7, color=INK, va="bottom", zorder=4)
    axes.text(1.0, row - 0.3, f"others: {implied_text}" if implied_text else "",
              fontsize=7, color=MUTED, va="bottom", ha="right", zorder=4)  # fmt: skip
    axes.text(_VERDICT_AT, row - (0.12 if detail else 0), verdict, fontsize=8, color=colour,
              va="center", fontweight="bold", zorder=4)  # fmt: skip
    if detail:
        axes.text(_VERDICT_AT, row + 0.18, _short(detail, 44), fontsize=6.5, color=colour,
                  va="center", zorder=4)  # fmt: skip


def _legend(axes: Axes) -> None:
    from matplotlib.patches import Patch  # noqa: PLC0415 - matplotlib is an extra

    handles = [
        Patch(color=INK, label="published, with its rounding"),
        Patch(color=MUTED, alpha=0.35, label="what the other claims allow"),
    ]
    axes.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2,
                frameon=False, fontsize=8)  # fmt: skip


def _ends(bounds: Bounds[Any] | None) -> tuple[Decimal | None, Decimal | None] | None:
    if bounds is None:
        return None
    low, high = bounds.ends
    return (
        None if low is None else magnitude_of(low),
        None if high is None else magnitude_of(high),
    )


class _Scale:
    """A row's number line: its finite ends placed between the margins."""

    def __init__(self, ends: list[tuple[Decimal | None, Decimal | None] | None]) -> None:
        values = [value for pair in ends if pair is not None for value in pair if value is not None]
        self.usable = bool(values)
        if not values:
            self.low = self.high = Decimal(0)
            return
        self.low, self.high = min(values), max(values)
        # Room around the figures, so that a range is never drawn as the whole row
        # (which would look like "any value"): a third of the span on each side,
        # or a share of the size for a single value.
        pad = (self.high - self.low) / 3 or abs(self.low) / 100 or Decimal(1)
        self.low, self.high = self.low - pad, self.high + pad

    def place(self, value: Decimal | None, *, low: bool) -> float:
        """Where a value sits on the row, in axes units; an open end goes to the margin."""
        if value is None:
            return _LEFT if low else _RIGHT
        fraction = (value - self.low) / (self.high - self.low)
        return _MARGIN + float(fraction) * (1 - 2 * _MARGIN)
