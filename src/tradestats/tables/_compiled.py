"""The compiled loops of :mod:`~tradestats.tables._fused` (numba; imported only where it runs).

Each loop reads its input columns once and writes each result once. No
fast-math: every float is the IEEE result of the same operations, in the same
order, as the numpy formulas compute it.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np

__all__ = [
    "blocks_equal",
    "growth_aligned",
    "growth_shifted",
    "low_high",
    "run_sums",
    "share_by_runs",
    "share_rows",
    "share_runs",
    "strictly_ascending",
]

_SLACK = 1 << 16
"""Rows of short runs :func:`share_by_runs` reads before it gives up on runs."""

# By name: numba ships no type stubs, and it is an optional extra (callers check it is there).
_numba: Any = importlib.import_module("numba")


def _jit(function: Any) -> Any:
    """Compiled on first call, for one thread, and cached on disk for the next process."""
    return _numba.njit(cache=True, nogil=True)(function)


# -- the row formulas, compiled ------------------------------------------------------------------
#
# The reasons come in the order of the numpy formula's cases: the first case that holds gives
# the row's code, ``case[k]`` being the code of case k (see ``coded_reasons``). Growth's cases:
# null value, no base row (its code plus the row's period code), null previous value, zero
# base, negative base, sign changed, out of range. Share's: null value, null total, negative
# value, negative total, part above total, zero total.


@_jit
def _growth_row(
    c: float, p: float, found: bool, missing: int, case: Any, negative_ok: bool
) -> tuple[float, float, int]:
    """One row's previous value, growth and reason code (-1: no reason)."""
    base = abs(p) if negative_ok else p
    rate = (c - p) / base
    if not np.isfinite(c):
        code = case[0]
    elif not found:
        code = case[1] + missing
    elif not np.isfinite(p):
        code = case[2]
    elif p == 0:
        code = case[3]
    elif not negative_ok and p < 0:
        code = case[4]
    elif (c < 0 and p > 0) or (c > 0 and p < 0):
        code = case[5]
    elif not np.isfinite(rate):
        code = case[6]
    else:
        code = -1
    previous = p if np.isfinite(p) else np.nan
    return previous, (rate if code < 0 else np.nan), code


@_jit
def growth_shifted(
    current: Any,
    source: Any,
    shifts: Any,
    period: Any,
    low: int,
    case: Any,
    negative_ok: bool,
    out_previous: Any,
    out_growth: Any,
    out_code: Any,
) -> None:
    """Growth of rows in blocks whose base rows sit at a fixed offset (``shifts``: s, e, es)."""
    for j in range(shifts.shape[0]):
        s, e, es = shifts[j, 0], shifts[j, 1], shifts[j, 2]
        for i in range(s, e):
            if es >= 0:
                p, found = source[es + i - s], True
            else:
                p, found = np.nan, False
            previous, rate, code = _growth_row(
                current[i], p, found, period[i] - low, case, negative_ok
            )
            out_previous[i] = previous
            out_growth[i] = rate
            out_code[i] = code


@_jit
def growth_aligned(
    current: Any,
    prior: Any,
    found: Any,
    period: Any,
    low: int,
    case: Any,
    negative_ok: bool,
    out_previous: Any,
    out_growth: Any,
    out_code: Any,
) -> None:
    """Growth of rows whose base values the alignment gave as a column (``prior``, ``found``)."""
    for i in range(current.shape[0]):
        previous, rate, code = _growth_row(
            current[i], prior[i], found[i], period[i] - low, case, negative_ok
        )
        out_previous[i] = previous
        out_growth[i] = rate
        out_code[i] = code


@_jit
def _share_row(part: float, total: float, case: Any) -> tuple[float, float, int]:
    """One row's total, share and reason code (-1: no reason)."""
    if not np.isfinite(part):
        code = case[0]
    elif not np.isfinite(total):
        code = case[1]
    elif part < 0:
        code = case[2]
    elif total < 0:
        code = case[3]
    elif part > total:
        code = case[4]
    elif total == 0:
        code = case[5]
    else:
        code = -1
    kept = total if np.isfinite(total) else np.nan
    return kept, (part / total if code < 0 else np.nan), code


@_jit
def share_runs(
    part: Any, starts: Any, sums: Any, case: Any, out_total: Any, out_share: Any, out_code: Any
) -> None:
    """Shares of rows whose groups are runs (``starts``), each run's total in ``sums``."""
    n, runs = part.shape[0], starts.shape[0]
    for j in range(runs):
        end = starts[j + 1] if j + 1 < runs else n
        total = sums[j]
        for i in range(starts[j], end):
            kept, value, code = _share_row(part[i], total, case)
            out_total[i] = kept
            out_share[i] = value
            out_code[i] = code


@_jit
def share_rows(
    part: Any, totals: Any, case: Any, out_total: Any, out_share: Any, out_code: Any
) -> None:
    """Shares of rows, each with its group's total in ``totals``."""
    for i in range(part.shape[0]):
        kept, value, code = _share_row(part[i], totals[i], case)
        out_total[i] = kept
        out_share[i] = value
        out_code[i] = code


@_jit
def run_sums(values: Any, starts: Any, out: Any) -> None:
    """Each run's sum, added left to right from 0.0 (the order ``np.bincount`` adds in)."""
    n, runs = values.shape[0], starts.shape[0]
    for j in range(runs):
        end = starts[j + 1] if j + 1 < runs else n
        total = 0.0
        for i in range(starts[j], end):
            total += values[i]
        out[j] = total


# -- order checks and runs over key columns (a tuple of integer arrays of one dtype) -------------
#
# The columns are indexed by a loop variable, which numba compiles to tight code for a tuple of
# one type only; callers pass such tuples (see ``_fused.same_type``).


@_jit
def strictly_ascending(columns: Any, start: int, end: int) -> bool:
    """Whether rows ``start`` to ``end`` of ``columns`` are in strictly ascending order."""
    width = len(columns)
    for i in range(start + 1, end):
        for j in range(width):
            later, earlier = columns[j][i], columns[j][i - 1]
            if later > earlier:
                break
            if later < earlier:
                return False
        else:
            return False  # equal rows
    return True


@_jit
def blocks_equal(columns: Any, start: int, earlier: int, length: int) -> bool:
    """Whether rows ``start`` on equal rows ``earlier`` on in every column, for ``length`` rows."""
    width = len(columns)
    for i in range(length):
        for j in range(width):
            if columns[j][start + i] != columns[j][earlier + i]:
                return False
    return True


@_jit
def low_high(values: Any) -> tuple[int, int]:
    """The least and the greatest of integer ``values`` (at least one), in one pass."""
    low = high = values[0]
    for i in range(1, values.shape[0]):
        # min and max, not branches: the loop compiles to vector instructions.
        low = min(low, values[i])
        high = max(high, values[i])
    return low, high


@_jit
def _same_row(columns: Any, i: int) -> bool:
    """Whether row ``i`` has the keys of row ``i - 1``."""
    for j in range(len(columns)):  # noqa: SIM110 - numba compiles no all()
        if columns[j][i] != columns[j][i - 1]:
            return False
    return True


@_jit
def share_by_runs(
    columns: Any,
    part: Any,
    limit: int,
    case: Any,
    out_starts: Any,
    out_total: Any,
    out_share: Any,
    out_code: Any,
) -> int:
    """Shares of rows whose groups may come in runs of equal keys, run by run.

    Each run is summed left to right from 0.0 (as ``np.bincount`` adds), then its
    rows' shares are written while the run is still in the cache. Returns the
    number of runs (their first rows in ``out_starts``), or -1 as soon as there
    are more than ``limit`` (the rows are then in no such order, and the outputs
    are unfinished).
    """
    n = part.shape[0]
    runs = 0
    start = 0
    for end in range(1, n + 1):
        if end < n and _same_row(columns, end):
            continue
        # Groups of fewer than four rows so far: rows in no such order (give up early).
        if runs == limit or 4 * runs > end + _SLACK:
            return -1
        out_starts[runs] = start
        runs += 1
        total = 0.0
        for i in range(start, end):
            total += part[i]
        for i in range(start, end):
            kept, value, code = _share_row(part[i], total, case)
            out_total[i] = kept
            out_share[i] = value
            out_code[i] = code
        start = end
    return runs
