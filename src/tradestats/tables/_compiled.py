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
    "EMPTY",
    "ascending_and_equal",
    "blocks_equal",
    "coded_slots",
    "first_taken",
    "gather_slots",
    "group_totals",
    "growth_aligned",
    "growth_gathered",
    "growth_shifted",
    "low_high",
    "mark_present",
    "range_totals",
    "run_sums",
    "scatter_slots",
    "share_by_runs",
    "share_groups",
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
    return _numba.njit(cache=True, nogil=True, error_model="numpy")(function)


_extending: Any = importlib.import_module("numba.extending")
_cgutils: Any = importlib.import_module("numba.core.cgutils")
_types: Any = importlib.import_module("numba.core.types")
_ir: Any = importlib.import_module("llvmlite.ir")  # numba's own code generator, installed with it


def _intrinsic(function: Any) -> Any:
    """A function that writes LLVM code into the loops that call it (numba's ``intrinsic``)."""
    return _extending.intrinsic(function)


@_intrinsic
def _prefetch(typing_context: Any, array: Any, index: Any) -> Any:
    """Ask the processor to bring ``array[index]`` into its caches: a hint, nothing is read.

    LLVM's ``llvm.prefetch`` (a read, to be kept in every level of the cache),
    which numba has no function for. The address needs no bounds: a hint at an
    address outside the array is dropped by the processor.
    """

    def generate(context: Any, builder: Any, signature: Any, arguments: Any) -> Any:
        array_type = signature.args[0]
        data = context.make_array(array_type)(context, builder, arguments[0])
        pointer = _cgutils.get_item_pointer(
            context, builder, array_type, data, [arguments[1]], wraparound=False
        )
        byte, word = _ir.IntType(8).as_pointer(), _ir.IntType(32)
        hint = builder.module.declare_intrinsic(
            "llvm.prefetch", [byte], _ir.FunctionType(_ir.VoidType(), [byte, word, word, word])
        )
        read, every_level, data_cache = word(0), word(3), word(1)
        builder.call(hint, [builder.bitcast(pointer, byte), read, every_level, data_cache])
        return context.get_dummy_value()

    return _types.void(array, index), generate


# -- the row formulas, compiled ------------------------------------------------------------------
#
# The reasons come in the order of the numpy formula's cases: the first case that holds gives
# the row's code, ``case[k]`` being the code of case k (see ``coded_reasons``). Growth's cases:
# null value, no base row (its code plus the row's period code), null previous value, zero
# base, negative base, sign changed, out of range. Share's: null value, null total, negative
# value, negative total, part above total, zero total.


@_jit
def _finite(x: float) -> bool:
    """Whether ``x`` is a number (not NaN, not infinite), by arithmetic: no call, no branch."""
    return (x - x) == 0.0


@_jit
def _case(code: np.int64, reason: np.int64, holds: bool) -> np.int64:
    """``reason`` where ``holds``, else ``code``: by arithmetic, which compiles to no branch.

    A branch per case would be mispredicted on rows in random order, and the
    loops of branch-free rows compile to vector instructions.
    """
    return code + (reason - code) * np.int64(holds)


@_jit
def _growth_row(
    c: float, p: float, found: bool, missing: int, case: Any, negative_ok: bool
) -> tuple[float, float, int]:
    """One row's previous value, growth and reason code (-1: no reason)."""
    base = abs(p) if negative_ok else p
    rate = (c - p) / base
    # From the last case to the first, so that the first case that holds stays.
    code = np.int64(-1)
    code = _case(code, case[6], not _finite(rate))
    code = _case(code, case[5], ((c < 0) & (p > 0)) | ((c > 0) & (p < 0)))
    code = _case(code, case[4], (not negative_ok) & (p < 0))
    code = _case(code, case[3], p == 0)
    code = _case(code, case[2], not _finite(p))
    code = _case(code, case[1] + missing, not found)
    code = _case(code, case[0], not _finite(c))
    previous = p if _finite(p) else np.nan
    return previous, (rate if code < 0 else np.nan), code


@_jit
def _growth_cases(case: Any) -> Any:
    """Growth's seven case codes as a tuple of scalars, read once before a loop.

    Read from the array inside a loop, they may alias an output in the
    compiler's eyes, and the loop stays scalar; as scalars, it compiles to
    vector instructions.
    """
    return (case[0], case[1], case[2], case[3], case[4], case[5], case[6])


@_jit
def _share_cases(case: Any) -> Any:
    """Share's six case codes as a tuple of scalars (see ``_growth_cases``)."""
    return (case[0], case[1], case[2], case[3], case[4], case[5])


@_jit
def _growth_block(
    current: Any,
    source: Any,
    found: bool,
    missing: int,
    cases: Any,
    negative_ok: bool,
    out_previous: Any,
    out_growth: Any,
    out_code: Any,
) -> None:
    """Growth of one block against its base block (``source``, unread where not ``found``).

    Called once with a base and once without, so that neither loop has a branch
    on it: both compile to vector instructions.
    """
    for i in range(current.shape[0]):
        p = source[i] if found else np.nan
        previous, rate, code = _growth_row(current[i], p, found, missing, cases, negative_ok)
        out_previous[i] = previous
        out_growth[i] = rate
        out_code[i] = code


@_jit
def growth_shifted(
    current: Any,
    source: Any,
    shifts: Any,
    case: Any,
    negative_ok: bool,
    out_previous: Any,
    out_growth: Any,
    out_code: Any,
) -> None:
    """Growth of rows in blocks of one period whose base rows sit at a fixed offset.

    ``shifts`` holds a row per block: its first row, its end, the first row of
    its base block (-1: none) and the block's period code.
    """
    cases = _growth_cases(case)
    for j in range(shifts.shape[0]):
        s, e, es, missing = shifts[j, 0], shifts[j, 1], shifts[j, 2], shifts[j, 3]
        outputs = (out_previous[s:e], out_growth[s:e], out_code[s:e])
        if es >= 0:
            base = source[es : es + e - s]
            _growth_block(current[s:e], base, True, missing, cases, negative_ok, *outputs)
        else:
            _growth_block(current[s:e], current[s:e], False, missing, cases, negative_ok, *outputs)


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
    cases = _growth_cases(case)
    for i in range(current.shape[0]):
        previous, rate, code = _growth_row(
            current[i], prior[i], found[i], period[i] - low, cases, negative_ok
        )
        out_previous[i] = previous
        out_growth[i] = rate
        out_code[i] = code


@_jit
def _share_row(part: float, total: float, case: Any) -> tuple[float, float, int]:
    """One row's total, share and reason code (-1: no reason)."""
    code = np.int64(-1)  # the last case first, as in _growth_row
    code = _case(code, case[5], total == 0)
    code = _case(code, case[4], part > total)
    code = _case(code, case[3], total < 0)
    code = _case(code, case[2], part < 0)
    code = _case(code, case[1], not _finite(total))
    code = _case(code, case[0], not _finite(part))
    kept = total if _finite(total) else np.nan
    return kept, (part / total if code < 0 else np.nan), code


@_jit
def _share_run(
    part: Any, total: float, cases: Any, out_total: Any, out_share: Any, out_code: Any
) -> None:
    """Shares of one run of rows of one ``total``, in a loop of its own.

    Inside the loop over runs it stays scalar; on its own it compiles to vector
    instructions.
    """
    for i in range(part.shape[0]):
        kept, value, code = _share_row(part[i], total, cases)
        out_total[i] = kept
        out_share[i] = value
        out_code[i] = code


@_jit
def share_runs(
    part: Any, starts: Any, sums: Any, case: Any, out_total: Any, out_share: Any, out_code: Any
) -> None:
    """Shares of rows whose groups are runs (``starts``), each run's total in ``sums``."""
    cases = _share_cases(case)
    n, runs = part.shape[0], starts.shape[0]
    for j in range(runs):
        end = starts[j + 1] if j + 1 < runs else n
        run = slice(starts[j], end)
        _share_run(part[run], sums[j], cases, out_total[run], out_share[run], out_code[run])


@_jit
def share_rows(
    part: Any, totals: Any, case: Any, out_total: Any, out_share: Any, out_code: Any
) -> None:
    """Shares of rows, each with its group's total in ``totals``."""
    cases = _share_cases(case)
    for i in range(part.shape[0]):
        kept, value, code = _share_row(part[i], totals[i], cases)
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
    for i in range(start + 1, end):  # noqa: SIM110 - numba compiles loops, not all(generator)
        if not _after(columns, i, i - 1):
            return False
    return True


@_jit
def _after(columns: Any, row: int, earlier: int) -> bool:
    """Whether ``row`` sorts strictly after ``earlier``, column by column (equal rows do not)."""
    for j in range(len(columns)):
        current, before = columns[j][row], columns[j][earlier]
        if current > before:
            return True
        if current < before:
            return False
    return False


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
def ascending_and_equal(columns: Any, start: int, end: int, later: int) -> bool:
    """Whether rows ``start`` to ``end`` ascend strictly and rows ``later`` on equal them.

    :func:`strictly_ascending` and :func:`blocks_equal` in one pass: the first
    block's keys are read once for both checks.
    """
    width = len(columns)
    for i in range(start, end):
        row = later + i - start
        differ = False
        for j in range(width):  # no branch per column: the columns are read side by side
            differ |= columns[j][row] != columns[j][i]
        if differ:
            return False
        if i > start and not _after(columns, i, i - 1):
            return False
    return True


@_jit
def low_high(values: Any) -> tuple[int, int, bool]:
    """The least and the greatest of integer ``values`` (at least one), and their order.

    Also whether they never decrease, in the same pass.
    """
    low = high = values[0]
    ascending = True
    for i in range(1, values.shape[0]):
        # min, max and a conjunction, not branches: the loop compiles to vector instructions.
        low = min(low, values[i])
        high = max(high, values[i])
        ascending &= values[i] >= values[i - 1]
    return low, high, ascending


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
    cases = _share_cases(case)
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
        run = slice(start, end)
        _share_run(part[run], total, cases, out_total[run], out_share[run], out_code[run])
        start = end
    return runs


# -- rows in no order: dense codes through small tables, values through a table of slots ---------


@_jit
def mark_present(columns: Any, lows: Any, offsets: Any, present: Any) -> None:
    """Mark each column's values in its part of ``present`` (from ``offsets``, less ``lows``)."""
    width = len(columns)
    for i in range(columns[0].shape[0]):
        for j in range(width):
            present[offsets[j] + columns[j][i] - lows[j]] = 1


@_jit
def _code(columns: Any, lows: Any, offsets: Any, lookup: Any, strides: Any, i: int) -> int:
    """Row ``i``'s dense composite code: each column's dense code times its stride."""
    code = 0
    for j in range(len(columns)):
        code += lookup[offsets[j] + columns[j][i] - lows[j]] * strides[j]
    return code


_AHEAD = 128
"""Rows ahead whose entry :func:`gather_slots` asks for (16 gained nothing; 64 to 256 alike)."""

_STREAM_AHEAD = 256
"""Rows ahead whose cache lines the loops over many columns ask for (see ``_stream``)."""


@_jit
def _stream(columns: Any, other: Any, i: int, n: int) -> None:
    """Ask for the cache lines of ``columns`` and ``other`` :data:`_STREAM_AHEAD` rows on.

    Once every 8 rows (a line of 8-byte values), by one branch for all columns (a
    call per column and row took three to four times as long). The processor fetches the
    lines ahead of a loop that reads arrays in order, but on the machine of
    ``docs/performance.md`` it fell behind in loops that do more than read:
    most where the columns are rows of one pandas block (their addresses 1,024
    bytes apart modulo 4,096). Asked ahead, on 10,000,000 shuffled rows, in the
    calls of the benchmark: :func:`coded_slots` 0.041 s where it took 0.057 s on
    pandas columns (0.036 s where it took 0.039 s alone on separate arrays),
    :func:`range_totals` 0.018 s where it took 0.021 to 0.024 s,
    :func:`scatter_slots` 0.031 to 0.036 s where it took 0.040 s. The gather,
    the duplicate check and the totals of :func:`share_groups` gained nothing
    clear; the loops of the formulas that compile to vector instructions are
    left as they are.
    """
    if i & 7 == 0:
        ahead = min(i + _STREAM_AHEAD, n - 1)
        for j in range(len(columns)):
            _prefetch(columns[j], ahead)
        _prefetch(other, ahead)


EMPTY = np.int64(0x7FF4_0000_DEAD_BEEF)
"""The bits of an empty slot of a table of values: a signalling NaN, which no arithmetic gives.

A row that finds it has no base row; read as a float, it is a NaN like any
null. An input value of these very bits would pass for an empty slot, so
:func:`scatter_slots` reports one and the caller takes another path.
"""


@_jit
def coded_slots(
    columns: Any,
    lows: Any,
    offsets: Any,
    lookup: Any,
    strides: Any,
    widths: Any,
    start: Any,
    start_low: int,
    keys: int,
    out_slot: Any,
) -> bool:
    """Each row's (period, key) slot: its period code times ``keys``, plus its dense key code.

    The slots of base periods come first. Returns whether every value was in its
    column's table (the tables may have been made from a sample of the rows).

    By arithmetic, no branch: an offset from the low is taken as unsigned (a value
    below the low is then above the range too) and clamped to the table's last
    entry; a value outside leaves the clamped and the true offsets different, one
    that was not seen has a negative number, and both are gathered into two words
    tested once at the end (0.048 s where a test per value took 0.056 s, for
    10,000,000 rows of three key columns of a pandas block).
    """
    width = len(columns)
    outside = np.uint64(0)
    signs = np.int64(0)
    n = start.shape[0]
    for i in range(n):
        _stream(columns, start, i, n)
        key = np.int64(0)
        for j in range(width):
            at = np.uint64(columns[j][i] - lows[j])
            inside = min(at, np.uint64(widths[j] - 1))
            number = np.int64(lookup[np.uint64(offsets[j]) + inside])
            outside |= at ^ inside
            signs |= number
            key += number * strides[j]
        out_slot[i] = (start[i] - start_low) * keys + key
    return bool(outside == 0) and bool(signs >= 0)


@_jit
def first_taken(slots: Any, taken: Any) -> int:
    """Mark each slot taken (a bit in ``taken``); the first row whose slot was taken, or -1.

    Such a row has the keys and period of an earlier one: the caller takes the
    numpy path, which names them. A loop of its own: in the loop that codes the
    slots, the test of each bit held back the reads of the rows after it.
    """
    for i in range(slots.shape[0]):
        slot = slots[i]
        byte, bit = slot >> 3, np.uint8(1) << (slot & 7)
        if taken[byte] & bit:
            return i
        taken[byte] |= bit
    return -1


@_jit
def scatter_slots(slots: Any, value_bits: Any, table_bits: Any) -> bool:
    """Put each row's value (as bits) in ``table_bits``, one entry after its slot.

    The table holds the base periods' slots between an entry of :data:`EMPTY`
    (its first) and a sink (its last, which rows of later periods write: it
    stays in the cache, and there is no branch). A loop that does nothing else:
    the processor keeps the more writes at random places in flight. Returns
    whether a value has the bits of :data:`EMPTY` (it would pass for an empty slot).
    """
    sink = table_bits.shape[0] - 1
    clash = False
    n = slots.shape[0]
    for i in range(n):
        _stream((value_bits,), slots, i, n)
        value = value_bits[i]
        table_bits[min(slots[i] + 1, sink)] = value
        clash |= value == EMPTY
    return clash


@_jit
def gather_slots(slots: Any, shift: int, table_bits: Any, out_bits: Any) -> None:
    """Each row's base value (as bits), ``shift`` slots before its own: :data:`EMPTY` if none.

    Rows of the first periods read the table's first entry (by ``max``, not a
    branch). A loop of its own, with no branch: a mispredicted branch (the rows
    of each period come in random order) would cancel the reads at random places
    in flight after it, and a longer loop body leaves room for fewer of them.
    Each row asks for the entry of the row :data:`_AHEAD` rows on to be brought
    into the cache (a hint, which holds nothing up): the reads at random places
    then overlap more than the processor overlaps them on its own (0.037 s where
    the loop took 0.047 to 0.053 s for 10,000,000 rows, half of them reading a
    table of 40 MB at random). The writes of :func:`scatter_slots` gained
    nothing from such hints: the processor asks for the lines of pending writes
    on its own.
    """
    n = slots.shape[0]
    for i in range(n):
        _prefetch(table_bits, max(slots[min(i + _AHEAD, n - 1)] - shift, -1) + 1)
        out_bits[i] = table_bits[max(slots[i] - shift, -1) + 1]


@_jit
def growth_gathered(
    current: Any,
    bits: Any,
    period: Any,
    low: int,
    case: Any,
    negative_ok: bool,
    out_growth: Any,
    out_code: Any,
) -> None:
    """Growth of rows whose base values :func:`gather_slots` put in ``bits`` (:data:`EMPTY`: none).

    ``bits`` is the memory of the results' previous values: each row's base value
    as bits on entry, its previous value on return. One array fewer than a column
    of gathered values beside the results (80 MB to write and read again for
    10,000,000 rows, on pages the system zeroes first); the loop still compiles to
    vector instructions, as it reads and writes each row of ``bits`` at one index.
    """
    cases = _growth_cases(case)
    values = bits.view(np.float64)
    for i in range(current.shape[0]):
        found = bits[i] != EMPTY
        previous, rate, code = _growth_row(
            current[i], values[i], found, period[i] - low, cases, negative_ok
        )
        values[i] = previous
        out_growth[i] = rate
        out_code[i] = code


@_jit
def group_totals(
    columns: Any,
    lows: Any,
    offsets: Any,
    lookup: Any,
    strides: Any,
    values: Any,
    sums: Any,
    out_group: Any,
) -> None:
    """Each row's group (``out_group``) and each group's sum (``sums``, zeros on entry).

    Added in row order, as ``np.bincount`` adds.
    """
    for i in range(values.shape[0]):
        group = _code(columns, lows, offsets, lookup, strides, i)
        out_group[i] = group
        sums[group] += values[i]


@_jit
def range_totals(
    columns: Any, lows: Any, strides: Any, values: Any, sums: Any, out_group: Any
) -> None:
    """:func:`group_totals` of columns numbered by their offset in their range.

    No table to read per column: a value's number is its offset from the least
    (a reporter and a year, whose ranges make few combinations). The columns are
    asked for ahead (see ``_stream``).
    """
    n = values.shape[0]
    for i in range(n):
        _stream(columns, values, i, n)
        group = 0
        for j in range(len(columns)):
            group += (columns[j][i] - lows[j]) * strides[j]
        out_group[i] = group
        sums[group] += values[i]


@_jit
def share_groups(
    part: Any, groups: Any, sums: Any, case: Any, out_total: Any, out_share: Any, out_code: Any
) -> None:
    """Shares of rows, each with its group's total in ``sums[groups]``.

    Two loops: the first puts each row's total where its kept total goes, the
    second runs the formula over the rows, reading and writing ``out_total`` at
    one index. A formula that reads ``sums`` at each row's group stays scalar;
    reading its totals in order it compiles to vector instructions (0.039 s where
    one loop took 0.050 s, for 10,000,000 rows, caches emptied before each call).
    """
    for i in range(part.shape[0]):
        out_total[i] = sums[groups[i]]
    _share_in_place(part, case, out_total, out_share, out_code)


@_jit
def _share_in_place(part: Any, case: Any, total: Any, out_share: Any, out_code: Any) -> None:
    """Shares of rows whose totals are in ``total``, which holds their kept totals on return."""
    cases = _share_cases(case)
    for i in range(part.shape[0]):
        kept, value, code = _share_row(part[i], total[i], cases)
        total[i] = kept
        out_share[i] = value
        out_code[i] = code
