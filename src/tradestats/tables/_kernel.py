"""Linear-time numpy kernels behind the table functions: alignment by key and period, group sums.

The frame API extracts plain numpy arrays from a frame and calls these kernels;
they know nothing of frames, narwhals or units. Every kernel is vectorized: no
Python loop runs over rows (loops run over key columns, periods or lags of at
most twelve rows).

Key columns are 1-D arrays of equal length. Integer and boolean columns are
used as they are; any other dtype (strings, objects, floats, dates) is
factorized first, with pandas when it is importable (a hash table) and with
:func:`numpy.unique` otherwise (a sort). Nulls in keys are the caller's to
reject: a ``None`` in an object column raises :class:`InvalidValueError`.

:func:`previous_rows` finds each row's year-earlier row and picks the cheapest
correct method after one vectorized look at the row order:

* rows sorted by key, then period (each key's history together): the earlier
  row is one of the twelve rows before, checked lag by lag;
* rows in bulk-file order, one block per period with the keys sorted inside
  each block: the earlier row is in the block of the earlier period, at a fixed
  offset when both blocks hold the same keys, else found by binary search;
* any other order: a direct-address table of (key, period) slots when the keys
  are dense enough, else a sort of the composite key.

>>> import numpy as np
>>> reporter = np.array([156, 156, 842, 842])
>>> start = np.array([2023, 2022, 2022, 2023]) * 12
>>> months = np.full(4, 12)
>>> previous_rows([reporter], start, months).tolist()
[1, -1, -1, 2]
"""

from __future__ import annotations

import importlib
import itertools
import math
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from tradestats.errors import InvalidValueError
from tradestats.tables import _jit

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "FloatArray",
    "IntArray",
    "block_shifts",
    "group_codes",
    "group_sums",
    "previous_rows",
    "previous_values",
    "run_totals",
    "take",
    "total_runs",
]

IntArray = npt.NDArray[np.int64]
"""A 1-D array of row indices or codes."""

FloatArray = npt.NDArray[np.float64]
"""A 1-D array of float values."""

_MAX_CODE: Final = 1 << 62
"""Composite codes stay below this, so that code arithmetic never overflows an int64."""

_SMALL: Final = 1 << 16
"""Code ranges up to this size are always cheap to address directly."""

_SLOTS_PER_ROW: Final = 2
"""Direct addressing may use a table of this many int32 slots per row (plus ``_SMALL``)."""

_CHECK_ROWS: Final = 1 << 16
"""Rows per piece when checking order or equality: the comparisons stay in the cache."""


class _Codes(NamedTuple):
    """Integer codes of a column in ``range(size)``; dense when every code occurs."""

    codes: IntArray
    size: int
    dense: bool


def _length(keys: Sequence[npt.NDArray[Any]]) -> int:
    """The common length of the key arrays."""
    lengths = {len(column) for column in keys}
    if len(lengths) > 1:
        raise InvalidValueError(
            f"key and period arrays must all have the same length, got lengths {sorted(lengths)}",
            lengths=sorted(lengths),
        )
    for position, column in enumerate(keys):
        if np.ndim(column) != 1:
            raise InvalidValueError(
                f"key array {position} must be one-dimensional, got shape {np.shape(column)}",
                column=position,
            )
    return lengths.pop() if lengths else 0


def _offsets(column: npt.NDArray[Any]) -> _Codes | None:
    """Order-preserving codes of an integer or boolean column: no hashing, no sorting.

    Non-negative int64 values are their own codes (no copy: callers must not
    change the array); others are shifted by the minimum. Returns None for
    other dtypes and for integer ranges too wide to be codes.
    """
    if column.dtype == np.bool_:
        return _Codes(column.view(np.uint8).astype(np.int64), 2, dense=False)
    if column.dtype.kind not in "iu" or not len(column):
        return None
    if column.strides == (0,):
        # A broadcast constant (a period column of whole years has twelve months in every
        # row): one code, and no array of zeros to write.
        return _Codes(np.broadcast_to(np.int64(0), column.shape), 1, dense=True)
    low, high = int(column.min()), int(column.max())
    if high - low >= _MAX_CODE:
        return None
    if column.dtype == np.int64 and low >= 0 and (high <= 2 * (high - low) or high < 256):
        return _Codes(column, high + 1, dense=high == 0)
    if column.dtype.kind == "u" and high >= _MAX_CODE:
        codes = (column - column.dtype.type(low)).astype(np.int64)
    else:
        codes = column.astype(np.int64, copy=True)
        if low:
            codes -= low
    return _Codes(codes, high - low + 1, dense=high == low)


def _compact(codes: _Codes) -> _Codes:
    """Renumber codes densely (``0 .. distinct - 1``), keeping their order."""
    if codes.dense:
        return codes
    n = len(codes.codes)
    if codes.size <= max(4 * n, _SMALL):
        # A presence table over the code range: linear, and cache-friendly when small.
        present = np.zeros(codes.size, dtype=np.bool_)
        present[codes.codes] = True
        renumber = np.cumsum(present, dtype=np.int64)
        renumber -= 1
        return _Codes(renumber[codes.codes], int(renumber[-1]) + 1, dense=True)
    return _factorize(codes.codes)


def _null_error(position: int, row: int) -> InvalidValueError:
    return InvalidValueError(
        f"key array {position} has a null at row {row}; keys must not be null",
        column=position,
        row=row,
    )


def _factorize(column: npt.NDArray[Any], position: int = 0) -> _Codes:
    """Dense codes of any column, in the sort order of its values where they sort.

    pandas hashes (linear time); without pandas, numpy sorts.
    """
    try:
        # Imported here: optional, and slow to import. By name: pandas ships no type stubs.
        pd: Any = importlib.import_module("pandas")
    except ImportError:  # pragma: no cover - pandas is installed with the test extra
        pass
    else:
        try:
            raw, uniques = pd.factorize(column, sort=True)
        except TypeError:  # pragma: no cover - values that do not sort against each other
            raw, uniques = pd.factorize(column, sort=False)
        codes = np.asarray(raw, dtype=np.int64)
        missing = np.flatnonzero(codes < 0)
        if missing.size:
            raise _null_error(position, int(missing[0]))
        return _Codes(codes, len(uniques), dense=True)
    if column.dtype == object:  # pragma: no cover - see above
        nulls = np.flatnonzero(np.equal(column, np.array(None, dtype=object)))
        if nulls.size:
            raise _null_error(position, int(nulls[0]))
    uniques, inverse = np.unique(column, return_inverse=True)  # pragma: no cover
    return _Codes(
        inverse.astype(np.int64).reshape(-1), len(uniques), dense=True
    )  # pragma: no cover


def _column_codes(column: npt.NDArray[Any], position: int) -> _Codes:
    """Order-preserving codes of one key column, not necessarily dense."""
    codes = _offsets(column)
    return codes if codes is not None else _factorize(column, position)


def _combine(parts: Sequence[_Codes], n: int) -> _Codes:
    """One order-preserving composite code per row, in mixed radix over the parts.

    Parts of one value are left out. Parts are compacted first when the
    product of their ranges would overflow. The result may share memory with
    a part (and so with a caller's column): never change it in place.
    """
    parts = [part for part in parts if part.size > 1]
    if not parts:
        return _Codes(np.zeros(n, dtype=np.int64), 1, dense=True)
    composite, owned = parts[0], False
    for next_part in parts[1:]:
        part = next_part
        if composite.size * part.size >= _MAX_CODE:
            composite, part = _compact(composite), _compact(part)
        if owned:
            codes = composite.codes
            codes *= part.size
        else:
            codes, owned = composite.codes * part.size, True
        codes += part.codes
        composite = _Codes(codes, composite.size * part.size, dense=False)
    return composite


def group_codes(keys: Sequence[npt.NDArray[Any]]) -> tuple[IntArray, int]:
    """A dense group number per row: rows with equal keys share one number.

    Groups are numbered in the sort order of their keys (integer keys by value,
    others as pandas or numpy sort them). No keys at all make one group.

    Args:
        keys: Key columns, 1-D arrays of one length.

    Returns:
        ``(codes, n_groups)``: an int64 array with values in ``range(n_groups)``,
        each of which occurs.

    Raises:
        InvalidValueError: For arrays of different lengths or a null key.

    >>> import numpy as np
    >>> codes, n = group_codes([np.array([842, 156, 842]), np.array(["a", "b", "a"])])
    >>> codes.tolist(), n
    ([1, 0, 1], 2)
    """
    if not keys:
        raise InvalidValueError("group_codes needs at least one key array")
    n = _length(keys)
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0
    compact = _compact(_key_codes(keys, n))
    return compact.codes, compact.size


def _key_codes(keys: Sequence[npt.NDArray[Any]], n: int) -> _Codes:
    """The order-preserving composite code of key columns, maybe sparse."""
    return _composite([_column_codes(column, i) for i, column in enumerate(keys)], n)


def _composite(parts: Sequence[_Codes], n: int) -> _Codes:
    """The composite code of parts, the widest compacted first while their ranges multiply too far.

    Raw integer offsets are kept when the product of their ranges is small
    enough to address directly.
    """
    parts = list(parts)
    limit = max(4 * n, _SMALL)
    # The widest ranges first, and only until the product fits: each compaction is a pass.
    for i in sorted(range(len(parts)), key=lambda i: parts[i].size, reverse=True):
        if math.prod(part.size for part in parts) <= limit:
            break
        parts[i] = _compact(parts[i])
    return _combine(parts, n)


def group_sums(codes: IntArray, n_groups: int, values: npt.NDArray[np.floating[Any]]) -> FloatArray:
    """The sum of ``values`` in each group, from :func:`group_codes`.

    NaN values make their group's sum NaN (the caller rejects or reports them).

    Args:
        codes: Group numbers per row, in ``range(n_groups)``.
        n_groups: How many groups there are.
        values: Values per row, the same length as ``codes``.

    Returns:
        A float64 array of ``n_groups`` sums.

    >>> import numpy as np
    >>> group_sums(np.array([0, 1, 0]), 2, np.array([1.0, 2.0, 3.0])).tolist()
    [4.0, 2.0]
    """
    if len(codes) != len(values):
        raise InvalidValueError(
            f"codes and values must have the same length, got {len(codes)} and {len(values)}",
            lengths=[len(codes), len(values)],
        )
    return np.bincount(codes, weights=values, minlength=n_groups).astype(np.float64, copy=False)


def run_totals(
    keys: Sequence[npt.NDArray[Any]], values: npt.NDArray[np.floating[Any]]
) -> FloatArray | None:
    """Each row's group sum when every group's rows are one run of rows; else None.

    Rows read file by file (one reporter and period per file) come in such runs:
    the groups are found by comparing neighbours, with no codes and no table,
    and each run is summed in row order as :func:`group_sums` sums it, so the
    totals are the same to the last bit. Integer and boolean keys only.

    Groups of fewer than four rows on average are left to the coded path too
    (rows in no order look like that, and the check would cost as much).

    >>> import numpy as np
    >>> reporter = np.repeat([4, 8], 4)
    >>> run_totals([reporter], np.arange(8.0)).tolist()
    [6.0, 6.0, 6.0, 6.0, 22.0, 22.0, 22.0, 22.0]
    >>> run_totals([np.tile([4, 8], 4)], np.arange(8.0)) is None
    True
    """
    runs = total_runs(keys, values)
    if runs is None:
        return None
    starts, sums = runs
    return np.repeat(sums, np.diff(starts, append=len(values)))


def total_runs(
    keys: Sequence[npt.NDArray[Any]], values: npt.NDArray[np.floating[Any]]
) -> tuple[IntArray, FloatArray] | None:
    """The first row of each run and its sum when every group is one run; else None.

    :func:`run_totals` before the sums are spread over the rows.

    >>> import numpy as np
    >>> starts, sums = total_runs([np.repeat([4, 8], 4)], np.arange(8.0))
    >>> starts.tolist(), sums.tolist()
    ([0, 4], [6.0, 22.0])
    """
    n = _length([*keys, values])
    if not keys or not n or any(column.dtype.kind not in "iub" for column in keys):
        return None
    starts = _run_starts(keys, n, limit=max(n // _SHORT_RUN, 1))
    if starts is None:
        # Short runs: probably groups in no order, and checking them would cost as much.
        return None
    runs = len(starts)
    # Each group one run: the runs' keys are all different.
    heads = [column[starts] for column in keys]
    if group_codes(heads)[1] < runs:
        return None
    floats = np.asarray(values, dtype=np.float64)
    sums = _jit.run_sums(floats, starts)
    if sums is not None:
        return starts, sums
    lengths = np.diff(starts, append=n)
    # Summed run by run when there are few runs, or long ones (the loop costs per run).
    if runs <= _FEW_RUNS or (runs <= _LOOPED_RUNS and n >= runs * _LONG_RUN):
        return starts, _run_sums(floats, starts, lengths)
    run = np.repeat(np.arange(runs, dtype=np.int64), lengths)
    return starts, group_sums(run, runs, values)


def _run_starts(keys: Sequence[npt.NDArray[Any]], n: int, *, limit: int) -> IntArray | None:
    """The first row of each run of equal keys; None past ``limit`` runs.

    Piece by piece, so that the comparisons stay in the cache and rows in no
    order stop the search early.
    """
    found = [np.zeros(1, dtype=np.int64)]
    count = 1
    for s in range(0, n - 1, _CHECK_ROWS):
        e = min(s + _CHECK_ROWS + 1, n)
        change = keys[0][s + 1 : e] != keys[0][s : e - 1]
        for column in keys[1:]:
            change |= column[s + 1 : e] != column[s : e - 1]
        heads = np.flatnonzero(change)
        count += len(heads)
        if count > limit:
            return None
        if len(heads):
            heads += s + 1
            found.append(heads)
    return np.concatenate(found)


def _run_sums(values: FloatArray, starts: IntArray, lengths: IntArray) -> FloatArray:
    """The sum of each run, added in row order from zero, as :func:`group_sums` adds.

    ``np.add.accumulate`` adds left to right (``np.add.reduce`` would add
    pairwise, which can differ in the last bit), so each sum is the float
    ``np.bincount`` gives, whatever the values; adding 0.0 turns the -0.0 of a
    run of negative zeros into the 0.0 that a sum started from zero gives.
    """
    sums = np.empty(len(starts), dtype=np.float64)
    buffer = np.empty(int(lengths.max()) if len(lengths) else 0, dtype=np.float64)
    # Silent as np.bincount is: inf - inf and overflow give NaN and inf, reported by the caller.
    with np.errstate(invalid="ignore", over="ignore"):
        for i, (s, length) in enumerate(zip(starts.tolist(), lengths.tolist(), strict=True)):
            partial = buffer[:length]
            np.add.accumulate(values[s : s + length], out=partial)
            sums[i] = partial[-1]
        sums += 0.0
    return sums


_SHORT_RUN: Final = 4
"""Groups of fewer rows than this on average are left to the coded path."""

_LOOPED_RUNS: Final = 1 << 14
"""Up to this many runs of ``_LONG_RUN`` rows on average are summed one by one."""

_LONG_RUN: Final = 64
"""Runs this long on average are summed one by one (up to ``_LOOPED_RUNS`` of them)."""

_FEW_RUNS: Final = 64
"""Up to this many runs are always summed one by one; more short runs go to ``np.bincount``."""


def take(values: npt.NDArray[np.floating[Any]], rows: IntArray) -> FloatArray:
    """``values[rows]`` as float64, with NaN where ``rows`` is -1 (no such row).

    >>> import numpy as np
    >>> take(np.array([10.0, 20.0]), np.array([1, -1])).tolist()
    [20.0, nan]
    """
    # Row -1 is the last: a NaN put after the values answers it, with no masked write
    # (rows without an earlier row may come in any order).
    padded = np.empty(len(values) + 1, dtype=np.float64)
    padded[:-1] = values
    padded[-1] = np.nan
    return np.take(padded, rows)


def _duplicate_error(row: int, other: int) -> InvalidValueError:
    first, second = sorted((row, other))
    return InvalidValueError(
        f"rows {first} and {second} have the same keys and period; "
        "each key may have one row per period",
        row=first,
        other_row=second,
    )


def previous_rows(
    keys: Sequence[npt.NDArray[Any]],
    start: npt.NDArray[np.integer[Any]],
    months: npt.NDArray[np.integer[Any]],
    *,
    lag: int = 12,
) -> IntArray:
    """Each row's year-earlier row: equal keys, equal months, start twelve months before.

    Args:
        keys: Key columns, 1-D arrays of one length (integer columns are used as
            they are, others factorized). May be empty (one series).
        start: Each row's first month as a month index (``Period.start_index``).
        months: Each row's number of months (``Period.months``); a broadcast
            constant (``np.broadcast_to(12, n)``) costs nothing.
        lag: How far back the earlier row starts, in the units of ``start``: 12
            for month indices, 1 when ``start`` holds whole years.

    Returns:
        An int64 array: for row ``i`` the index of its year-earlier row, or -1
        when there is none.

    Raises:
        InvalidValueError: When two rows have equal keys and period (``details``
            holds ``row`` and ``other_row``, the two row indices, ``row`` the
            smaller), when the arrays differ in length, or for a null key.

    >>> import numpy as np
    >>> start = np.array([2022, 2023, 2023, 2024]) * 12
    >>> previous_rows([np.array([1, 1, 2, 1])], start, np.full(4, 12)).tolist()
    [-1, 0, -1, 1]
    """
    found = _previous(keys, start, months, lag)
    if isinstance(found, tuple):
        return _unordered(*found, lag)
    return found


def previous_values(
    keys: Sequence[npt.NDArray[Any]],
    start: npt.NDArray[np.integer[Any]],
    months: npt.NDArray[np.integer[Any]],
    values: FloatArray,
    *,
    lag: int = 12,
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Each row's year-earlier value and whether it has a year-earlier row.

    The same as ``take(values, rows)`` and ``rows >= 0`` for the ``rows`` of
    :func:`previous_rows` (a row without an earlier row gets NaN), with fewer
    reads at random places for rows in no order: the values go straight into
    the table of (key, period) slots and come back out of it, with no row
    numbers between. Arguments and errors as :func:`previous_rows`.

    >>> import numpy as np
    >>> start = np.array([2023, 2022, 2022, 2023]) * 12
    >>> previous, found = previous_values([np.array([1, 1, 2, 2])], start, np.full(4, 12),
    ...                                   np.array([5.0, 4.0, 3.0, 6.0]))
    >>> previous.tolist(), found.tolist()
    ([4.0, nan, nan, 3.0], [True, False, False, True])
    """
    found = _previous(keys, start, months, lag)
    if isinstance(found, tuple):
        pair = _unordered_values(*found, values, lag)
        if pair is not None:
            return pair
        found = _unordered(*found, lag)
    return take(values, found), found >= 0


def _previous(
    keys: Sequence[npt.NDArray[Any]],
    start: npt.NDArray[np.integer[Any]],
    months: npt.NDArray[np.integer[Any]],
    lag: int,
) -> IntArray | tuple[_Codes, _Codes]:
    """The rows of the ordered paths, or the codes of keys and periods for rows in no order."""
    start, months = np.asarray(start), np.asarray(months)
    n = _length([*keys, start, months])
    for name, array in (("start", start), ("months", months)):
        if array.dtype.kind not in "iu":
            raise InvalidValueError(
                f"{name} must be an integer array, got dtype {array.dtype}",
                dtype=str(array.dtype),
            )
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    # The ordered paths compare months only for order and distance: raw values do.
    t = start.astype(np.int64, copy=False)
    by_period = _ascending(t)
    if by_period:
        found = _equal_blocks(keys, t, months, lag)
        if found is not None:
            return found
    parts = [*(_column_codes(column, i) for i, column in enumerate(keys)), _offsets_of(months)]
    # Rows sorted by key have their first varying key column sorted: a cheap first test.
    leading = next((part.codes for part in parts if part.size > 1), None)
    by_key = leading is None or bool((leading[1:] >= leading[:-1]).all())
    if by_period or by_key:
        key = _combine(parts, n)
        found = _period_major(key.codes, t, lag) if by_period else None
        if found is None and by_key:
            found = _key_major(key.codes, t, lag)
        if found is not None:
            return found
        del key
    return _composite(parts, n), _offsets_of(start)


_BLOCK_SEARCH: Final = 4096
"""Period ranges up to this many values find their blocks by binary search, not by a pass."""


def _blocks(t: IntArray) -> dict[int, tuple[int, int]]:
    """The ``[start, end)`` rows of each value of ``t``, which is sorted (non-decreasing)."""
    first, last = int(t[0]), int(t[-1])
    if last - first < _BLOCK_SEARCH:
        # A binary search per possible value reads a few hundred rows, not all of them.
        values = np.arange(first, last + 2, dtype=np.int64)
        edges = np.searchsorted(t, values).tolist()
        return {
            first + i: (edges[i], edges[i + 1])
            for i in range(len(values) - 1)
            if edges[i] < edges[i + 1]
        }
    edges = [0, *(np.flatnonzero(t[1:] != t[:-1]) + 1).tolist(), len(t)]
    return {int(t[a]): (a, b) for a, b in itertools.pairwise(edges)}


def _strictly_ascending(columns: Sequence[npt.NDArray[Any]]) -> bool:
    """Whether the rows of ``columns`` are in strictly ascending lexicographic order."""
    n = len(columns[0])
    compiled = _jit.strictly_ascending(columns, 0, n)
    if compiled is not None:
        return compiled
    # Piece by piece, overlapping by one row: each piece's comparisons stay in the cache.
    for s in range(0, max(n - 1, 0), _CHECK_ROWS):
        e = min(s + _CHECK_ROWS + 1, n)
        if not _ascending_rows([column[s:e] for column in columns]):
            return False
    return True


def _ascending_rows(columns: Sequence[npt.NDArray[Any]]) -> bool:
    ascending = columns[-1][1:] > columns[-1][:-1]
    for column in reversed(columns[:-1]):
        later, earlier = column[1:], column[:-1]
        ascending &= later == earlier
        ascending |= later > earlier
    return bool(ascending.all())


def _equal_blocks(
    keys: Sequence[npt.NDArray[Any]], t: IntArray, months: npt.NDArray[Any], lag: int
) -> IntArray | None:
    """Rows of bulk files: each row's earlier row at a fixed offset (see :func:`block_shifts`)."""
    shifts = block_shifts(keys, t, months, lag=lag)
    if shifts is None:
        return None
    found = np.empty(len(t), dtype=np.int64)
    for s, e, es in shifts:
        if es < 0:
            found[s:e] = -1
        else:
            found[s:e] = np.arange(es, es + e - s, dtype=np.int64)
    return found


def block_shifts(
    keys: Sequence[npt.NDArray[Any]],
    start: npt.NDArray[np.integer[Any]],
    months: npt.NDArray[np.integer[Any]],
    *,
    lag: int = 12,
    ascending: bool | None = None,
) -> list[tuple[int, int, int]] | None:
    """Rows of bulk files: blocks by period, each holding its earlier block's keys in order.

    The layout of a table read file by file (one period per file, the rows of each
    file sorted by key) when every series runs through every period: each block's
    key columns equal the earlier block's, compared column by column without
    coding them, and the earlier row of each row sits at a fixed offset. Keys are
    checked to be strictly ascending in the first block of each run of equal
    blocks, which rules out duplicates in all of them. Integer and boolean keys
    only, and periods of one length.

    Args:
        keys: Key columns, as for :func:`previous_rows`.
        start: Each row's first month (or year, with ``lag`` 1).
        months: Each row's number of months.
        lag: The distance of the earlier period in the units of ``start``.
        ascending: Whether ``start`` never decreases, where the caller knows (None:
            checked here).

    Returns:
        ``(start, end, earlier_start)`` per block of rows: rows ``start`` to
        ``end`` have their earlier rows from ``earlier_start`` on, in order, or
        none when ``earlier_start`` is -1. None for any other layout (the general
        paths of :func:`previous_rows` handle it, and name duplicates).

    >>> import numpy as np
    >>> block_shifts([np.array([4, 8, 4, 8])], np.array([2022, 2022, 2023, 2023]),
    ...              np.full(4, 12), lag=1)
    [(0, 2, -1), (2, 4, 0)]
    """
    t = np.asarray(start)
    if not _layout_candidate(keys, t, months, ascending):
        return None
    blocks = _blocks(t.astype(np.int64, copy=False))
    shifts: list[tuple[int, int, int]] = []
    equal: set[int] = set()  # blocks already found equal to their earlier block
    for value, (s, e) in blocks.items():
        earlier = blocks.get(value - lag)
        if earlier is None:
            # The order of this block and the equality of the next, in one pass where compiled:
            # either failing rules out the layout, as each would alone.
            later = blocks.get(value + lag)
            both = None
            if later is not None and later[1] - later[0] == e - s:
                both = _jit.ascending_and_equal(keys, s, e, later[0])
            if both is None:
                if not _strictly_ascending([column[s:e] for column in keys]):
                    return None
            elif both and later is not None:
                equal.add(later[0])
            else:
                return None
            shifts.append((s, e, -1))
            continue
        es, ee = earlier
        if e - s != ee - es or (s not in equal and not _blocks_equal(keys, s, es, e - s)):
            return None
        # Equal to a block already found strictly ascending (blocks come in period order).
        shifts.append((s, e, es))
    return shifts


def _layout_candidate(
    keys: Sequence[npt.NDArray[Any]],
    t: npt.NDArray[Any],
    months: npt.NDArray[Any],
    ascending: bool | None = None,
) -> bool:
    """Integer keys, periods of one length in ascending order: what the layout path reads."""
    return (
        bool(keys)
        and bool(len(t))
        and all(column.dtype.kind in "iub" and len(column) == len(t) for column in keys)
        and len(months) == len(t)
        and (months.strides == (0,) or int(months.min()) == int(months.max()))
        and (_ascending(t) if ascending is None else ascending)
    )


def _ascending(t: npt.NDArray[Any]) -> bool:
    """Whether ``t`` never decreases, checked piece by piece (stops at the first miss)."""
    n = len(t)
    for s in range(0, n - 1, _CHECK_ROWS):
        e = min(s + _CHECK_ROWS, n - 1)
        if not (t[s + 1 : e + 1] >= t[s:e]).all():
            return False
    return True


def _blocks_equal(keys: Sequence[npt.NDArray[Any]], start: int, earlier: int, length: int) -> bool:
    """Whether rows ``start`` on hold the keys of rows ``earlier`` on, for ``length`` rows."""
    compiled = _jit.blocks_equal(keys, start, earlier, length)
    if compiled is not None:
        return compiled
    return all(
        _equal(column[start : start + length], column[earlier : earlier + length])
        for column in keys
    )


def _equal(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> bool:
    """``np.array_equal`` piece by piece (stops at the first difference)."""
    for s in range(0, len(a), _CHECK_ROWS):
        if not np.array_equal(a[s : s + _CHECK_ROWS], b[s : s + _CHECK_ROWS]):
            return False
    return True


def _offsets_of(column: npt.NDArray[Any]) -> _Codes:
    codes = _offsets(column)
    assert codes is not None  # only called on integer columns
    return codes


def _key_major(key: IntArray, t: IntArray, lag: int = 12) -> IntArray | None:
    """Rows sorted by key then period, strictly: the earlier row is among the 12 before it."""
    same = key[1:] == key[:-1]
    ordered = t[1:] > t[:-1]
    ordered &= same
    ordered |= key[1:] > key[:-1]
    if not ordered.all():
        return None
    del ordered
    return _search_back(key, t, same, lag)


def _search_back(
    key: IntArray, t: IntArray, same: npt.NDArray[np.bool_], lag: int = 12
) -> IntArray:
    """For rows sorted by key then period, look back lag by lag for the row 12 months earlier.

    ``same`` tells whether each row has the key of the row before it. Strictly
    increasing months within a key leave at most eleven rows between a row and
    its year-earlier row, so twelve lags settle every row (``lag`` is 12 for
    month indices, 1 for whole years: then one row back settles it).
    """
    found = np.full(len(key), -1, dtype=np.int64)
    # Lag 1 with slices (no gathers): the common case of annual data.
    target = t[1:] - lag
    hit = same & (t[:-1] == target)
    rows = np.flatnonzero(hit) + 1
    found[rows] = rows - 1
    pending = np.flatnonzero(same & (t[:-1] > target)) + 1
    del target, hit, rows
    for back in range(2, 13):  # pragma: no branch - the twelfth row back empties pending
        pending = pending[pending >= back]
        if not pending.size:
            break
        other = pending - back
        still = key[other] == key[pending]
        goal = t[pending] - lag
        match = still & (t[other] == goal)
        found[pending[match]] = other[match]
        # Look further back only while the key is the same and the months still later.
        pending = pending[still & (t[other] > goal)]
    return found


def _period_major(key: IntArray, t: IntArray, lag: int = 12) -> IntArray | None:
    """Rows in blocks by period (ascending), keys strictly ascending in each block."""
    boundaries = np.flatnonzero(t[1:] != t[:-1]) + 1
    within = np.ones(len(key) - 1, dtype=np.bool_)
    within[boundaries - 1] = False
    if not np.greater(key[1:], key[:-1], where=within, out=np.ones_like(within)).all():
        return None
    del within
    starts = [0, *boundaries.tolist()]
    ends = [*boundaries.tolist(), len(key)]
    block_of = {int(t[s]): (s, e) for s, e in zip(starts, ends, strict=True)}
    found = np.full(len(key), -1, dtype=np.int64)
    for s, e in zip(starts, ends, strict=True):
        earlier = block_of.get(int(t[s]) - lag)
        if earlier is None:
            continue
        es, ee = earlier
        here, there = key[s:e], key[es:ee]
        if e - s == ee - es and np.array_equal(here, there):
            # The same keys in the same order: the partner sits at a fixed offset.
            found[s:e] = np.arange(es, ee, dtype=np.int64)
            continue
        position = np.searchsorted(there, here)
        position[position == len(there)] = 0
        hit = there[position] == here
        found[s:e][hit] = position[hit] + es
    return found


def _unordered(key: _Codes, time: _Codes, lag: int = 12) -> IntArray:
    """Any row order: direct addressing when keys are dense enough, else a sort."""
    dense = _dense_slots(key, time, lag)
    if dense is not None:
        return _direct(*dense)
    return _sorted(key.codes, time.codes, lag)


def _dense_slots(
    key: _Codes, time: _Codes, lag: int
) -> tuple[IntArray, IntArray, int, IntArray] | None:
    """Key codes, period codes, slots and each period's earlier one, if a table is small enough."""
    n = len(key.codes)
    period = _compact(time)
    # Dense number of the period 12 months earlier than each dense period, or -1.
    present = np.zeros(time.size, dtype=np.bool_)
    present[time.codes] = True
    values = np.flatnonzero(present)
    earlier = np.searchsorted(values, values - lag)
    earlier[earlier == len(values)] = 0
    earlier[values[earlier] != values - lag] = -1
    if key.size * period.size > _SLOTS_PER_ROW * n + _SMALL:
        key = _compact(key)
    if key.size * period.size <= _SLOTS_PER_ROW * n + _SMALL:
        return key.codes, period.codes, key.size * period.size, earlier
    return None


_ABSENT: Final = np.int64(0x7FF8_0000_0BAD_0000)
"""The bits of the NaN that marks an empty slot of a table of values (a NaN of its own payload)."""


def _unordered_values(
    key: _Codes, time: _Codes, values: FloatArray, lag: int
) -> tuple[FloatArray, npt.NDArray[np.bool_]] | None:
    """Rows in no order: values scattered into a (key, period) table, gathered a year on.

    None when the table would be too large, or when fewer slots than rows are
    filled: two rows share a slot (the row path names them), or a value
    carries the empty slot's NaN itself (the row path does not mind it).
    """
    dense = _dense_slots(key, time, lag)
    if dense is None:
        return None
    codes, period, size, earlier = dense
    slot = _slots(codes, period, len(earlier))
    table = np.empty(size, dtype=np.float64)
    table.view(np.int64).fill(_ABSENT)
    table[slot] = values
    if np.count_nonzero(table.view(np.int64) != _ABSENT) < len(values):
        return None
    # Each slot moves to its earlier period's; a period without one stays where it is, and
    # its rows are marked not found below (no branch, no second table).
    has_earlier = earlier >= 0
    shift = np.where(has_earlier, earlier - np.arange(len(earlier)), 0)
    slot += shift[period]
    previous = table[slot]
    del table, slot
    found = previous.view(np.int64) != _ABSENT
    found &= has_earlier[period]
    # The NaN of a missing row is numpy's own, as take() gives it, not the marker's.
    return np.where(found, previous, np.nan), found


def _slots(key: IntArray, period: IntArray, n_periods: int) -> IntArray:
    slot = key * n_periods
    slot += period
    return slot


def _to_earlier(slot: IntArray, period: IntArray, size: int, earlier: IntArray) -> None:
    """Move each slot to its earlier period's, or to the empty slot ``size`` (in place)."""
    has_earlier = earlier >= 0
    shift = np.where(has_earlier, earlier - np.arange(len(earlier)), 0)
    slot += shift[period]
    # slot + (size - slot) x [no earlier period]: the empty slot, with no branch.
    away = size - slot
    away *= ~has_earlier[period]
    slot += away


def _direct(key: IntArray, period: IntArray, size: int, earlier: IntArray) -> IntArray:
    """Scatter row numbers into a (key, period) table, then gather each row's earlier slot."""
    n = len(key)
    index_type = np.int32 if n < (1 << 31) else np.int64
    slot = _slots(key, period, len(earlier))
    # One slot more than the keys need, never filled: rows without an earlier period look
    # there, which costs no masked write in random rows.
    table: npt.NDArray[np.signedinteger[Any]] = np.full(size + 1, -1, dtype=index_type)
    rows: npt.NDArray[np.signedinteger[Any]] = np.arange(n, dtype=index_type)
    table[slot] = rows
    # Fewer filled slots than rows means two rows share a slot: find them (the rare case);
    # counting is a sequential pass, cheaper than gathering every row's slot back.
    if np.count_nonzero(table >= 0) < n:
        clash = np.flatnonzero(table[slot] != rows)
        row = int(clash[0])
        raise _duplicate_error(row, int(table[slot[row]]))
    del rows
    _to_earlier(slot, period, size, earlier)
    return table[slot].astype(np.int64)


def _sorted(key: IntArray, t: IntArray, lag: int = 12) -> IntArray:
    """Sort by (key, period), then search back as for key-major rows."""
    order = np.lexsort((t, key))
    key_sorted, t_sorted = key[order], t[order]
    same = key_sorted[1:] == key_sorted[:-1]
    equal = np.flatnonzero(same & (t_sorted[1:] == t_sorted[:-1]))
    if equal.size:
        raise _duplicate_error(int(order[equal[0]]), int(order[equal[0] + 1]))
    found_sorted = _search_back(key_sorted, t_sorted, same, lag)
    found = np.full(len(key), -1, dtype=np.int64)
    hit = found_sorted >= 0
    found[order[hit]] = order[found_sorted[hit]]
    return found
