"""Pictures of checks and series (the ``plot`` extra: ``pip install 'tradestats[plot]'``).

Every function returns a :class:`matplotlib.figure.Figure` to show, restyle or
save; none uses ``pyplot``'s global state. Labels in Chinese, Japanese or Korean
are drawn with an installed CJK font, or a :class:`~tradestats.plots.MissingFontWarning` says
which package to install.

- :func:`~tradestats.plots.plot_check`: each claim's published interval against what
  the others allow;
- :func:`~tradestats.plots.plot_contributions`: a waterfall of contributions to growth;
- :func:`~tradestats.plots.plot_shares`: shares in two periods and their change in points;
- :func:`~tradestats.plots.plot_growth`: growth of a few series from :mod:`tradestats.tables`;
- :func:`~tradestats.plots.check_html`, :func:`~tradestats.plots.write_check_html`: the
  check as one offline web page;
- :func:`~tradestats.plots.save`: a figure to SVG, PNG or PDF by the file's suffix.
"""

from __future__ import annotations

try:
    import matplotlib as _matplotlib  # noqa: F401 - checks that the extra is installed
except ModuleNotFoundError as error:  # pragma: no cover - the test environment has the extra
    raise ImportError(
        f"tradestats.plots needs {error.name}: install it with pip install 'tradestats[plot]'"
    ) from error

from tradestats.plots._canvas import save
from tradestats.plots._fonts import MissingFontWarning, cjk_font
from tradestats.plots.check import plot_check
from tradestats.plots.contributions import plot_contributions
from tradestats.plots.growth import growth_gaps, plot_growth
from tradestats.plots.html import check_html, write_check_html
from tradestats.plots.shares import plot_shares

__all__ = [
    "MissingFontWarning",
    "check_html",
    "cjk_font",
    "growth_gaps",
    "plot_check",
    "plot_contributions",
    "plot_growth",
    "plot_shares",
    "save",
    "write_check_html",
]
