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
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from tradestats.errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "FloatArray",
    "IntArray",
    "group_codes",
    "group_sums",
    "previous_rows",
    "take",
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
    """The composite code of parts, each compacted first if their ranges multiply too far.

    Raw integer offsets are kept when the product of their ranges is small
    enough to address directly.
    """
    size = 1
    for part in parts:
        size *= part.size
    if size > max(4 * n, _SMALL):
        parts = [_compact(part) for part in parts]
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


def take(values: npt.NDArray[np.floating[Any]], rows: IntArray) -> FloatArray:
    """``values[rows]`` as float64, with NaN where ``rows`` is -1 (no such row).

    >>> import numpy as np
    >>> take(np.array([10.0, 20.0]), np.array([1, -1])).tolist()
    [20.0, nan]
    """
    taken = np.asarray(values, dtype=np.float64)[rows]
    taken[rows < 0] = np.nan
    return taken


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
) -> IntArray:
    """Each row's year-earlier row: equal keys, equal months, start twelve months before.

    Args:
        keys: Key columns, 1-D arrays of one length (integer columns are used as
            they are, others factorized). May be empty (one series).
        start: Each row's first month as a month index (``Period.start_index``).
        months: Each row's number of months (``Period.months``).

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
    parts = [*(_column_codes(column, i) for i, column in enumerate(keys)), _offsets_of(months)]
    by_period = bool((t[1:] >= t[:-1]).all())
    # Rows sorted by key have their first varying key column sorted: a cheap first test.
    leading = next((part.codes for part in parts if part.size > 1), None)
    by_key = leading is None or bool((leading[1:] >= leading[:-1]).all())
    if by_period or by_key:
        key = _combine(parts, n)
        found = _period_major(key.codes, t) if by_period else None
        if found is None and by_key:
            found = _key_major(key.codes, t)
        if found is not None:
            return found
        del key
    return _unordered(_composite(parts, n), _offsets_of(start))


def _offsets_of(column: npt.NDArray[Any]) -> _Codes:
    codes = _offsets(column)
    assert codes is not None  # only called on integer columns
    return codes


def _key_major(key: IntArray, t: IntArray) -> IntArray | None:
    """Rows sorted by key then period, strictly: the earlier row is among the 12 before it."""
    same = key[1:] == key[:-1]
    ordered = t[1:] > t[:-1]
    ordered &= same
    ordered |= key[1:] > key[:-1]
    if not ordered.all():
        return None
    del ordered
    return _search_back(key, t, same)


def _search_back(key: IntArray, t: IntArray, same: npt.NDArray[np.bool_]) -> IntArray:
    """For rows sorted by key then period, look back lag by lag for the row 12 months earlier.

    ``same`` tells whether each row has the key of the row before it. Strictly
    increasing months within a key leave at most eleven rows between a row and
    its year-earlier row, so twelve lags settle every row.
    """
    found = np.full(len(key), -1, dtype=np.int64)
    # Lag 1 with slices (no gathers): the common case of annual data.
    target = t[1:] - 12
    hit = same & (t[:-1] == target)
    rows = np.flatnonzero(hit) + 1
    found[rows] = rows - 1
    pending = np.flatnonzero(same & (t[:-1] > target)) + 1
    del target, hit, rows
    for lag in range(2, 13):  # pragma: no branch - the twelfth lag empties pending
        pending = pending[pending >= lag]
        if not pending.size:
            break
        other = pending - lag
        still = key[other] == key[pending]
        goal = t[pending] - 12
        match = still & (t[other] == goal)
        found[pending[match]] = other[match]
        # Look further back only while the key is the same and the months still later.
        pending = pending[still & (t[other] > goal)]
    return found


def _period_major(key: IntArray, t: IntArray) -> IntArray | None:
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
        earlier = block_of.get(int(t[s]) - 12)
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


def _unordered(key: _Codes, time: _Codes) -> IntArray:
    """Any row order: direct addressing when keys are dense enough, else a sort."""
    n = len(key.codes)
    period = _compact(time)
    # Dense number of the period 12 months earlier than each dense period, or -1.
    present = np.zeros(time.size, dtype=np.bool_)
    present[time.codes] = True
    values = np.flatnonzero(present)
    earlier = np.searchsorted(values, values - 12)
    earlier[earlier == len(values)] = 0
    earlier[values[earlier] != values - 12] = -1
    if key.size * period.size > _SLOTS_PER_ROW * n + _SMALL:
        key = _compact(key)
    if key.size * period.size <= _SLOTS_PER_ROW * n + _SMALL:
        return _direct(key.codes, period.codes, key.size * period.size, earlier)
    return _sorted(key.codes, time.codes)


def _direct(key: IntArray, period: IntArray, size: int, earlier: IntArray) -> IntArray:
    """Scatter row numbers into a (key, period) table, then gather each row's earlier slot."""
    n = len(key)
    n_periods = len(earlier)
    index_type = np.int32 if n < (1 << 31) else np.int64
    slot = key * n_periods
    slot += period
    table: npt.NDArray[np.signedinteger[Any]] = np.full(size, -1, dtype=index_type)
    rows: npt.NDArray[np.signedinteger[Any]] = np.arange(n, dtype=index_type)
    table[slot] = rows
    # Fewer filled slots than rows means two rows share a slot: find them (the rare case);
    # counting is a sequential pass, cheaper than gathering every row's slot back.
    if np.count_nonzero(table >= 0) < n:
        clash = np.flatnonzero(table[slot] != rows)
        row = int(clash[0])
        raise _duplicate_error(row, int(table[slot[row]]))
    del rows
    # Move each slot to the earlier period's (a shift per period, 0 where there is none).
    has_earlier = earlier >= 0
    shift = np.where(has_earlier, earlier - np.arange(n_periods), 0)
    slot += shift[period]
    found = table[slot].astype(np.int64)
    found[~has_earlier[period]] = -1
    return found


def _sorted(key: IntArray, t: IntArray) -> IntArray:
    """Sort by (key, period), then search back as for key-major rows."""
    order = np.lexsort((t, key))
    key_sorted, t_sorted = key[order], t[order]
    same = key_sorted[1:] == key_sorted[:-1]
    equal = np.flatnonzero(same & (t_sorted[1:] == t_sorted[:-1]))
    if equal.size:
        raise _duplicate_error(int(order[equal[0]]), int(order[equal[0] + 1]))
    found_sorted = _search_back(key_sorted, t_sorted, same)
    found = np.full(len(key), -1, dtype=np.int64)
    hit = found_sorted >= 0
    found[order[hit]] = order[found_sorted[hit]]
    return found
