"""Whether the compiled loops run, and the small compiled helpers the numpy kernels use.

The loops of :mod:`~tradestats.tables._compiled` run where numba is installed
(the ``fast`` extra), the environment variable ``TRADESTATS_PURE_NUMPY`` is not
``1``, and a table has at least :data:`MIN_ROWS` rows. The compiled module is
loaded by name, as the optional engines are (numba is slow to import, and
absent without the extra). The helpers here answer None (or fall back to
numpy) wherever the loops do not run, so that the numpy kernels can ask them
first and keep their own way.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "MIN_ROWS",
    "PURE_ENVIRONMENT",
    "ascending_and_equal",
    "blocks_equal",
    "enabled",
    "loops",
    "low_high",
    "range_and_order",
    "run_sums",
    "runs",
    "same_type",
    "strictly_ascending",
]

PURE_ENVIRONMENT: Final = "TRADESTATS_PURE_NUMPY"
"""This environment variable set to ``1`` runs the numpy formulas even where numba is installed."""

MIN_ROWS = 1 << 20
"""Tables of fewer rows run the numpy formulas.

The first compiled call of a process imports numba and loads the loops from
numba's disk cache (about 1.5 s on the machine of ``docs/performance.md``; the
first call ever compiles them, about 5 s): on a million rows, the numpy formulas
take a fraction of that. Tests lower it to run the compiled path on small frames.
"""

_INSTALLED: Final = importlib.util.find_spec("numba") is not None
"""Whether numba can be imported (found without importing it: that takes a while)."""


def enabled() -> bool:
    """Whether the compiled loops run: numba is installed and not switched off."""
    return _INSTALLED and os.environ.get(PURE_ENVIRONMENT, "") not in ("1", "true")


def runs(rows: int) -> bool:
    """Whether the compiled loops run on a table of ``rows`` rows (never on an empty one)."""
    return rows >= max(MIN_ROWS, 1) and enabled()


def loops() -> Any:
    """The module of compiled loops (numba is imported, and the loops loaded, on first use)."""
    # By name: an optional engine, like pandas and pyarrow in the eager job.
    return importlib.import_module("tradestats.tables._compiled")


def same_type(columns: Sequence[npt.NDArray[Any]]) -> tuple[npt.NDArray[Any], ...] | None:
    """The key columns as a tuple the compiled loops take: integers of one dtype, else None.

    numba types a read-only array (a pandas column) apart from a writable one
    (codes made here), and a strided one apart from a contiguous one, and
    indexes a tuple by a loop variable only if its arrays are of one type: the
    tuple holds read-only views, and None stands for a mix of contiguous and
    strided columns.
    """
    # Unsigned 64-bit values less a signed offset would turn into floats in the loops.
    if not columns or columns[0].dtype.kind not in "iu" or columns[0].dtype == np.uint64:
        return None
    dtype, contiguous = columns[0].dtype, columns[0].flags.c_contiguous
    if any(
        column.dtype != dtype or column.ndim != 1 or column.flags.c_contiguous != contiguous
        for column in columns
    ):
        return None
    return tuple(_read_only(column) for column in columns)


def _read_only(column: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """``column`` if it is read-only, else a read-only view of it."""
    if not column.flags.writeable:
        return column
    view = column.view()
    view.flags.writeable = False
    return view


def run_sums(values: npt.NDArray[np.float64], starts: npt.NDArray[np.int64]) -> Any:
    """Each run's sum (runs begin at ``starts``), as ``np.bincount`` adds; None if not compiled."""
    if not runs(len(values)):
        return None
    out = np.empty(len(starts), dtype=np.float64)
    loops().run_sums(values, starts, out)
    return out


def low_high(values: npt.NDArray[np.integer[Any]]) -> tuple[int, int]:
    """The least and the greatest of integer ``values`` (not empty): one pass where compiled."""
    low, high, _ = range_and_order(values)
    return low, high


def range_and_order(values: npt.NDArray[np.integer[Any]]) -> tuple[int, int, bool | None]:
    """:func:`low_high`, and whether ``values`` never decrease (None where not compiled).

    One pass where compiled: the order of a period column comes with its range.
    """
    if runs(len(values)):
        low, high, ascending = loops().low_high(values)
        return int(low), int(high), bool(ascending)
    return int(values.min()), int(values.max()), None


def strictly_ascending(columns: Sequence[npt.NDArray[Any]], start: int, end: int) -> bool | None:
    """Whether rows ``start`` to ``end`` of ``columns`` ascend strictly; None where not compiled."""
    same = same_type(columns)
    if same is None or not runs(end - start):
        return None
    return bool(loops().strictly_ascending(same, start, end))


def ascending_and_equal(
    columns: Sequence[npt.NDArray[Any]], start: int, end: int, later: int
) -> bool | None:
    """Whether rows ``start`` to ``end`` ascend strictly and rows ``later`` on equal them.

    None where not compiled.
    """
    same = same_type(columns)
    if same is None or not runs(end - start):
        return None
    return bool(loops().ascending_and_equal(same, start, end, later))


def blocks_equal(
    columns: Sequence[npt.NDArray[Any]], start: int, earlier: int, length: int
) -> bool | None:
    """Whether two blocks of rows hold equal keys; None where not compiled."""
    same = same_type(columns)
    if same is None or not runs(length):
        return None
    return bool(loops().blocks_equal(same, start, earlier, length))
