"""Old module paths of tradestats 0.2, kept importable for one release with a warning.

0.3 moved the reported figures, bounds, claims and the check into the ``verify``
and ``claims`` packages, and renamed ``tradestats.growth`` (shadowed by the
function :func:`tradestats.growth`) to ``tradestats.changes``. Code that imports
from an old path keeps working and is told where the name lives now; the public
names themselves have always been importable from ``tradestats``.
"""

from __future__ import annotations

import importlib
import sys
import types
import warnings
from typing import Final

__all__ = ["MOVED", "install"]

#: Old module path → new module path. Removed in tradestats 0.4.
MOVED: Final = {
    "tradestats.growth": "tradestats.changes",
    "tradestats.intervals": "tradestats.verify.intervals",
    "tradestats.bounds": "tradestats.verify.bounds",
    "tradestats.reported": "tradestats.verify.figures",
    "tradestats.report": "tradestats.claims.report",
    "tradestats.reportfile": "tradestats.claims.files",
    "tradestats.consistency": "tradestats.claims.consistency",
}


class _MovedModule(types.ModuleType):
    """Stands in for a moved module: forwards attribute access, with a DeprecationWarning."""

    def __init__(self, old: str, new: str) -> None:
        super().__init__(old, f"Deprecated alias of {new}.")
        self._new = new

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        warnings.warn(
            f"{self.__name__} moved to {self._new} in tradestats 0.3 and the old path goes "
            f"in 0.4: import {name} from tradestats (or from {self._new}) instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(self._new), name)

    def __dir__(self) -> list[str]:
        return dir(importlib.import_module(self._new))


def install() -> None:
    """Make every old module path importable (``from tradestats.bounds import Bounds``)."""
    for old, new in MOVED.items():
        sys.modules.setdefault(old, _MovedModule(old, new))
