"""Year-on-year growth of a few series from :mod:`tradestats.tables`, with gaps where it is null."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from tradestats._text import quote
from tradestats.errors import InvalidValueError
from tradestats.periods import Period, as_period
from tradestats.plots._canvas import INK, MUTED, new_figure
from tradestats.plots._fonts import font_context

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.figure import Figure

__all__ = ["growth_gaps", "plot_growth"]


def growth_gaps(
    frame: Any,
    *,
    series: Sequence[str],
    period: str = "period",
    growth: str = "growth",
    reason: str = "growth_reason",
) -> list[tuple[str, Period, str]]:
    """The rows a growth plot leaves as gaps: (series label, period, reason), in time order.

    Args:
        frame: The output of :func:`tradestats.tables.yoy_growth` (any frame it returns).
        series: The key columns whose values name a series (joined with " · ").
        period: The period column.
        growth: The growth column (a fraction: 0.593 is +59.3%).
        reason: The column that says why growth is null.

    >>> import polars as pl
    >>> from tradestats.tables import yoy_growth
    >>> frame = yoy_growth(pl.DataFrame({"partner": ["EU"] * 3, "period": [2021, 2022, 2023],
    ...                                  "value": [0.0, 5.0, 6.0]}), keys=["partner"])
    >>> growth_gaps(frame, series=["partner"])
    [('EU', Period('2021'), 'no row for 2020'), ('EU', Period('2022'), 'zero base')]
    """
    return [
        (label, when, str(why))
        for label, points in _series(frame, series, period, growth, reason).items()
        for when, value, why in points
        if value is None
    ]


def plot_growth(
    frame: Any,
    *,
    series: Sequence[str],
    period: str = "period",
    growth: str = "growth",
    reason: str = "growth_reason",
    title: str = "Year-on-year growth",
) -> Figure:
    """Draw the growth of each series over time; a null growth is a gap, marked with its reason.

    Args:
        frame: The output of :func:`tradestats.tables.yoy_growth` (pandas, polars
            (eager or lazy), pyarrow, DuckDB or Dask: read through narwhals).
        series: The key columns whose values name a series (joined with " · ").
        period: The period column (period text or integer years).
        growth: The growth column (a fraction).
        reason: The column that says why growth is null; :func:`growth_gaps` lists them.
        title: The figure's title.

    Returns:
        A :class:`matplotlib.figure.Figure`: one line per series in percent, broken
        where growth is null, with a marker on the axis and the reason beside it.

    >>> import polars as pl
    >>> from tradestats.tables import yoy_growth
    >>> frame = yoy_growth(pl.DataFrame({"partner": ["EU"] * 3, "period": [2021, 2022, 2023],
    ...                                  "value": [4.0, 5.0, 6.0]}), keys=["partner"])
    >>> figure = plot_growth(frame, series=["partner"])
    >>> figure.axes[0].get_legend_handles_labels()[1]
    ['EU']
    """
    found = _series(frame, series, period, growth, reason)
    texts = [title, *found, *(str(why) for points in found.values() for *_, why in points)]
    with font_context(texts):
        figure = new_figure(8.0, 4.5)
        axes = figure.add_subplot()
        periods = sorted({when for points in found.values() for when, *_ in points},
                         key=lambda p: (p.start_index, p.end_index))  # fmt: skip
        position = {when: number for number, when in enumerate(periods)}
        written: set[tuple[Period, str]] = set()  # one note per period and reason
        for label, points in found.items():
            xs = [position[when] for when, *_ in points]
            ys = [math.nan if value is None else value for _, value, _ in points]
            (line,) = axes.plot(xs, ys, marker="o", markersize=3, label=label)
            for when, value, why in points:
                if value is None:
                    axes.plot([position[when]], [0], marker="x", color=line.get_color())
                    if (when, str(why)) in written:
                        continue
                    written.add((when, str(why)))
                    axes.annotate(str(why), (position[when], 0), textcoords="offset points",
                                  xytext=(0, -14), ha="center", fontsize=7,
                                  color=MUTED)  # fmt: skip
        axes.axhline(0, color=INK, linewidth=0.8)
        axes.set_xticks(range(len(periods)), [p.label() for p in periods])
        axes.set_ylabel("growth on a year earlier, %")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(frameon=False, fontsize=8)
        axes.set_title(title, color=INK)
    return figure


def _series(
    frame: Any, series: Sequence[str], period: str, growth: str, reason: str
) -> dict[str, list[tuple[Period, float | None, object]]]:
    """Each series' (period, growth in percent or None, reason), in time order."""
    import narwhals as nw  # noqa: PLC0415 - narwhals is an extra

    if isinstance(series, str) or not series:
        raise InvalidValueError(
            f"series must be a non-empty list of key columns, got {quote(series)}", value=series
        )
    try:
        table = nw.from_native(frame)
    except TypeError:
        raise InvalidValueError(
            f"expected a frame from tradestats.tables.yoy_growth, got {type(frame).__name__}",
            value=type(frame).__name__,
        ) from None
    if isinstance(table, nw.LazyFrame):
        table = table.collect()
    columns = [*series, period, growth, reason]
    missing = [name for name in columns if name not in table.columns]
    if missing:
        raise InvalidValueError(
            f"the frame has no column {quote(missing[0])}; it has {list(table.columns)}",
            value=missing[0],
        )
    found: dict[str, list[tuple[Period, float | None, object]]] = {}
    for row in table.select(columns).iter_rows(named=True):
        label = " · ".join(str(row[name]) for name in series)
        value = row[growth]
        number = None if value is None or math.isnan(value) else float(value) * 100
        found.setdefault(label, []).append((as_period(row[period]), number, row[reason]))
    for points in found.values():
        points.sort(key=lambda point: (point[0].start_index, point[0].end_index))
    return found
