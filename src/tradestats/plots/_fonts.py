"""Private: fonts for labels in Chinese, Japanese or Korean.

matplotlib's default font (DejaVu Sans) has no CJK glyphs: a label such as
"新疆 exports" would be drawn with empty boxes and a warning lost in the log. Every
plot passes its texts through :func:`font_context`, which picks an installed CJK
font when a text needs one, and otherwise says once which package to install.
"""

from __future__ import annotations

import re
import warnings
from contextlib import AbstractContextManager, nullcontext
from functools import cache
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MissingFontWarning", "cjk_font", "font_context", "needs_cjk"]

#: Han, kana, hangul, CJK punctuation and full-width forms.
_CJK: Final = re.compile(
    "[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
#: Families known to cover simplified and traditional Chinese, in order of preference.
_FAMILIES: Final = (
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
)
#: What to install when no family is found.
INSTALL_HINT: Final = (
    "install a CJK font, for example Debian/Ubuntu's fonts-noto-cjk (apt-get install "
    "fonts-noto-cjk), Fedora's google-noto-sans-cjk-fonts or Noto Sans CJK from "
    "https://github.com/notofonts/noto-cjk"
)


class MissingFontWarning(UserWarning):
    """A label needs a CJK font and none is installed: it would show as empty boxes."""


def needs_cjk(texts: Iterable[str]) -> bool:
    """Whether any of the texts has a Chinese, Japanese or Korean character.

    >>> needs_cjk(["exports", "出口"]), needs_cjk(["exports"])
    (True, False)
    """
    return any(_CJK.search(text) for text in texts)


@cache
def cjk_font() -> str | None:
    """The name of an installed font family with CJK glyphs, or ``None``.

    matplotlib keeps the list of fonts it found on its first run in a cache file
    (``~/.cache/matplotlib``), so a CJK font installed since then, as the warning
    advises, is not in it: when no family is found there, the system's font
    folders are scanned again for files the list lacks.
    """
    from matplotlib import font_manager  # noqa: PLC0415 - matplotlib is an extra

    manager = font_manager.fontManager
    family = _preferred({font.name for font in manager.ttflist})
    if family is not None:
        return family
    known = {font.fname for font in manager.ttflist}
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                manager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # unreadable: skipped, as matplotlib does
                continue
    return _preferred({font.name for font in manager.ttflist})


def _preferred(installed: set[str]) -> str | None:
    return next((family for family in _FAMILIES if family in installed), None)


_warned: list[bool] = []


def font_context(texts: Iterable[str]) -> AbstractContextManager[Any]:
    """A matplotlib settings context with a CJK font first when the texts need one.

    When they need one and none is installed, a :class:`MissingFontWarning` says
    so, once per session, naming the package to install.
    """
    import matplotlib as mpl  # noqa: PLC0415 - matplotlib is an extra

    if not needs_cjk(texts):
        return nullcontext()
    family = cjk_font()
    if family is None:
        if not _warned:
            _warned.append(True)
            warnings.warn(
                f"labels in Chinese, Japanese or Korean need a CJK font and none is "
                f"installed, so they would show as empty boxes: {INSTALL_HINT}",
                MissingFontWarning,
                stacklevel=3,
            )
        return nullcontext()
    return mpl.rc_context({"font.family": [family, "DejaVu Sans"]})
