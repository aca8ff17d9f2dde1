"""Private: new figures, colours, and saving figures to files and text.

Figures are made with :class:`matplotlib.figure.Figure` directly, never through
``pyplot``: no window, no global state, safe in scripts, servers and threads.
Jupyter shows a returned figure as it shows any other.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tradestats.errors import InvalidValueError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["COLOURS", "FORMATS", "INK", "MUTED", "new_figure", "save", "svg_text"]

#: One colour per verdict (colour-blind safe: the Okabe–Ito palette).
COLOURS: Final = {
    "consistent": "#009E73",
    "inconsistent": "#D55E00",
    "not checkable": "#999999",
    "unfinished": "#CC79A7",
    "undefined": "#0072B2",
    "not comparable": "#56B4E9",
}
#: Text and lines.
INK: Final = "#222222"
#: Ranges the other claims allow, and secondary text.
MUTED: Final = "#8a8a8a"
#: The file formats :func:`save` writes, by suffix.
FORMATS: Final = {".svg": "svg", ".png": "png", ".pdf": "pdf"}


def new_figure(width: float, height: float) -> Figure:
    """A figure of the given size in inches, with an Agg canvas (no display needed)."""
    from matplotlib.figure import Figure  # noqa: PLC0415 - matplotlib is an extra

    return Figure(figsize=(width, height), layout="constrained")


def save(figure: Figure, path: str | Path, **options: Any) -> Path:
    """Write a figure to SVG, PNG or PDF, chosen by the file's suffix.

    Raises:
        InvalidValueError: If the suffix is not ``.svg``, ``.png`` or ``.pdf``.
    """
    target = Path(path)
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        raise InvalidValueError(
            f"cannot write a plot to {str(target)!r}: expected a file name ending in "
            f".svg, .png or .pdf, got {target.suffix or 'no suffix'!r}",
            value=str(target),
        )
    # A fixed date and tool name keep files byte-identical from run to run.
    metadata: dict[str, Any] = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(kind, {})
    figure.savefig(target, format=kind, metadata=metadata, **options)
    return target


def svg_text(figure: Figure) -> str:
    """The figure as an SVG document, for pages that inline it."""
    import matplotlib as mpl  # noqa: PLC0415 - matplotlib is an extra

    buffer = io.StringIO()
    # Text stays text (not one path per glyph): a tenth of the size, selectable, and
    # drawn by the browser's fonts, which cover Chinese where the page's CSS asks.
    with mpl.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    # Inline in HTML: drop the XML declaration and DOCTYPE before the <svg> element.
    return text[text.index("<svg") :]
