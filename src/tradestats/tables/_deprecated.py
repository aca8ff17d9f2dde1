"""Names of ``tradestats.tables`` renamed in 0.3, kept importable for one release with a warning."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Final

from tradestats._text import quote

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["RENAMED", "renamed"]

#: Old name → new name. Removed in tradestats 0.4.
RENAMED: Final = {
    # The old name clashed with the module tradestats.units (the units of amounts).
    "Units": "ColumnUnits",
}


def renamed(module: str, name: str, namespace: Mapping[str, object]) -> object:
    """The object behind the new name of a renamed ``name``, with a :class:`DeprecationWarning`.

    For a module's ``__getattr__``: ``namespace`` is the module's ``globals()``.

    Raises:
        AttributeError: If ``name`` was not renamed (as any missing attribute does).
    """
    if name not in RENAMED:
        raise AttributeError(f"module {quote(module)} has no attribute {quote(name)}")
    new = RENAMED[name]
    warnings.warn(
        f"{module}.{name} is renamed {new} in tradestats 0.3, so that it no longer clashes "
        f"with the module tradestats.units; the old name goes in 0.4: use {new}",
        DeprecationWarning,
        stacklevel=3,
    )
    return namespace[new]
