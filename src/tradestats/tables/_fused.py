"""The row passes of ``yoy_growth`` and ``share`` fused into one compiled loop (numba, optional).

The formulas of :mod:`~tradestats.tables.growth` and :mod:`~tradestats.tables.shares`
are written once against the job contract, as a dozen whole-column passes.
Where numba is installed (the ``fast`` extra), an eager job of many rows runs
their twins here instead: the same checks, alignment and totals of the job,
then one loop over the rows that reads each value once and writes each result
once. The twins give the same floats, bit for bit (the same IEEE operations in
the same order, no fast-math), the same reason codes and categories, and nulls
in the same rows: ``tests/test_tables_fused.py`` holds the two paths equal over
random frames.

Without numba, or with the environment variable ``TRADESTATS_PURE_NUMPY`` set
to ``1`` (see :mod:`~tradestats.tables._jit`), nothing here runs and the numpy
formulas do all the work. The formulas name their twins with
:func:`~tradestats.tables._blocks.compiled`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from tradestats import _rules
from tradestats.periods import Lag
from tradestats.tables import _jit, _kernel
from tradestats.tables._frames import (
    MONTHS,
    OUT_OF_RANGE,
    PREVIOUS,
    START,
    TOTAL,
    VALUE,
    Text,
)
from tradestats.tables._jit import low_high, same_type

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from tradestats.periods import Versus
    from tradestats.tables._eager import EagerJob

__all__ = ["growth", "shares"]

# -- the twins -----------------------------------------------------------------------------------


def _case_codes(cases: Sequence[str | Sequence[str]]) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Each case's code and the categories, as ``coded_reasons`` numbers them.

    A case of many reasons (the missing base, one text per period) gives the code
    of its first text. Categories come from the last case to the first.
    """
    categories: list[str] = []
    first: list[int] = []
    for reason in reversed(cases):
        first.append(len(categories))
        categories.extend([reason] if isinstance(reason, str) else reason)
    return np.array(first[::-1], dtype=np.int64), categories


def _code_array(n: int, categories: Sequence[str]) -> npt.NDArray[np.integer[Any]]:
    """An empty array of reason codes of the type ``coded_reasons`` gives."""
    return np.empty(n, dtype=np.int8 if len(categories) < 127 else np.int32)


def growth(
    job: EagerJob, keys: Sequence[str], *, allow_negative_base: bool, versus: Versus
) -> list[str]:
    """The twin of ``growth._growth``: the same checks and alignment, one compiled pass."""
    loops = _jit.loops()
    job.check_one_currency(keys, what="year-on-year growth")
    period, low = job.period_code_source()
    missing = job.missing_texts_of(versus)
    code, categories = _case_codes(
        [
            "null value",
            missing,
            "null previous value",
            _rules.ZERO_BASE.reason,
            *([] if allow_negative_base else [_rules.NEGATIVE_BASE.reason]),
            _rules.SIGN_CHANGED.reason,
            OUT_OF_RANGE,
        ]
    )
    if allow_negative_base:  # no negative-base case: the later cases keep their slots
        code = np.insert(code, 4, -1)
    current = job.col(VALUE)
    n = len(current)
    previous, rate = np.empty(n), np.empty(n)
    codes = _code_array(n, categories)
    outputs = (previous, rate, codes)
    formula = (period, low, code, allow_negative_base)
    if versus is Lag.YEAR_EARLIER and job.align_by_layout(keys):
        assert job.shifted is not None
        shifts, source = job.shifted
        # Each block is one period: its reason for a missing base is one code.
        table = np.array(
            [(s, e, es, int(period[s]) - low) for s, e, es in shifts], dtype=np.int64
        ).reshape(-1, 4)
        loops.growth_shifted(current, source, table, *formula[2:], *outputs)
    elif not (
        versus is Lag.YEAR_EARLIER
        and _growth_by_slots(job, job.group_keys(keys), current, formula, outputs)
    ):
        job.align(keys, versus=versus)
        loops.growth_aligned(current, job.col(PREVIOUS), job.found(), *formula, *outputs)
    job.add({"previous": previous, "growth": rate, "growth_reason": Text(codes, categories)})
    job.nan_only.update(("previous", "growth"))
    job.null_where["growth"] = "growth_reason"
    return ["previous", "growth", "growth_reason"]


def shares(job: EagerJob, by: Sequence[str], period: str | None) -> list[str]:
    """The twin of ``shares._shares``: the same checks and totals, one compiled pass."""
    loops = _jit.loops()
    groups = [*by, START, MONTHS] if period is not None else list(by)
    job.check_one_currency(groups, what="shares")
    code, categories = _case_codes(
        [
            "null value",
            "null total",
            _rules.NEGATIVE_VALUE.reason,
            _rules.NEGATIVE_TOTAL.reason,
            _rules.PART_ABOVE_TOTAL.reason,
            _rules.ZERO_TOTAL.reason,
        ]
    )
    part = job.col(VALUE)
    n = len(part)
    total, share = np.empty(n), np.empty(n)
    codes = _code_array(n, categories)
    keys = job.group_keys(groups)
    if _by_runs(keys, part, code, (total, share, codes)):
        pass
    elif (dense := _dense(keys, _SLOTS_PER_ROW * n + _SMALL, job.low_high)) is not None:
        sums = np.zeros(dense.size, dtype=np.float64)
        group = np.empty(n, dtype=_index_type(dense.size))
        if dense.by_range:
            loops.range_totals(dense.columns, dense.lows, dense.strides, part, sums, group)
        else:
            loops.group_totals(*dense[:5], part, sums, group)
        loops.share_groups(part, group, sums, code, total, share, codes)
    else:
        job.totals(groups)
        if job.total_runs is not None:
            starts, sums = job.total_runs
            loops.share_runs(part, starts, sums, code, total, share, codes)
        else:
            loops.share_rows(part, job.col(TOTAL), code, total, share, codes)
    job.add({"total": total, "share": share, "share_reason": Text(codes, categories)})
    job.nan_only.update(("total", "share"))
    job.null_where["share"] = "share_reason"
    return ["total", "share", "share_reason"]


_SLOTS_PER_ROW: Final = 2
"""A table of (key, period) slots may hold this many slots per row (plus ``_SMALL``)."""

_SMALL: Final = 1 << 16
"""Tables of this many entries are always small enough."""


_SAMPLE: Final = 1 << 16
"""Rows, evenly spaced, whose key values a table of slots is first built from (see ``_dense``)."""


class _Dense(NamedTuple):
    """Dense codes of key columns, read through one small table per column (see ``_dense``).

    A value's number is ``lookup[offsets[j] + value - lows[j]]`` for a value less
    than ``widths[j]`` past the low of column ``j``; -1 where the value was not seen.
    """

    columns: tuple[npt.NDArray[Any], ...]
    lows: npt.NDArray[np.int64]
    offsets: npt.NDArray[np.int64]
    lookup: npt.NDArray[np.signedinteger[Any]]
    strides: npt.NDArray[np.int64]
    widths: npt.NDArray[np.int64]
    size: int
    by_range: bool
    """Whether each value's number is its offset from its column's low (``lookup`` numbers
    each range from 0): the loops may then skip the table."""


def _index_type(size: int) -> type[np.signedinteger[Any]]:
    """The smallest of 16, 32 and 64-bit integers that numbers ``range(size)``."""
    return np.int16 if size <= (1 << 15) else np.int32 if size <= (1 << 31) else np.int64


def _dense(
    keys: Sequence[npt.NDArray[Any]],
    limit: int,
    bounds: Callable[[npt.NDArray[Any]], tuple[int, int]],
    *,
    sample: bool = False,
) -> _Dense | None:
    """Composite codes of integer key columns in ``range(size)``, ``size`` at most ``limit``.

    Each column's values are marked in a table over its range, numbered in order,
    and the numbers combined in mixed radix: no sort, no hash, no array of codes
    per column. Where the ranges themselves make few combinations, a value's
    number is its offset in its range, and nothing is marked. None when the
    columns are not integers of one type, a range is too wide for a table, or
    there are more than ``limit`` combinations.

    With ``sample``, the ranges and values are those of ``_SAMPLE`` rows evenly
    spaced (two passes over the columns fewer): a row whose value was not
    among them is found when the rows are coded (see ``coded_slots``), and the
    caller then codes them again without ``sample``.
    """
    loops = _jit.loops()
    columns = same_type(keys)
    if columns is None:
        return None
    n = len(columns[0])
    if sample and n > _SAMPLE:
        seen = tuple(column[:: n // _SAMPLE] for column in columns)
        extremes = [(int(column.min()), int(column.max())) for column in seen]
    else:
        seen = columns
        extremes = [bounds(column) for column in columns]
    ranges = [high - low + 1 for low, high in extremes]
    if any(width > max(4 * n, _SMALL) for width in ranges):
        return None
    lows = np.array([low for low, _ in extremes], dtype=np.int64)
    offsets = np.cumsum([0, *ranges[:-1]], dtype=np.int64)
    # Numbers of 32 bits where they fit: the tables stay in the cache longer.
    number = np.int32 if sum(ranges) < (1 << 31) else np.int64
    if math.prod(ranges) <= min(limit, _SMALL):
        # Few combinations even by range: each value's offset from the least is its number,
        # without the pass that marks the values present.
        lookup = np.concatenate([np.arange(width, dtype=number) for width in ranges])
        counts = ranges
        by_range = True
    else:
        present = np.zeros(sum(ranges), dtype=np.uint8)
        loops.mark_present(seen, lows, offsets, present)
        lookup = np.cumsum(present, dtype=number)
        # Each column's numbers from 0: less the count of values of the columns before it.
        ends = [
            int(lookup[offset + width - 1]) for offset, width in zip(offsets, ranges, strict=True)
        ]
        counts = np.diff(ends, prepend=0).tolist()
        for j, width in enumerate(ranges):
            lookup[offsets[j] : offsets[j] + width] -= (ends[j - 1] if j else 0) + 1
        lookup[present == 0] = -1
        by_range = False
    size = 1
    strides = np.empty(len(counts), dtype=np.int64)
    for j in reversed(range(len(counts))):
        strides[j] = size
        size *= counts[j]
        if size > limit:
            return None
    widths = np.array(ranges, dtype=np.int64)
    return _Dense(columns, lows, offsets, lookup, strides, widths, size, by_range)


def _growth_by_slots(
    job: EagerJob,
    keys: Sequence[npt.NDArray[Any]],
    current: npt.NDArray[np.float64],
    formula: tuple[Any, ...],
    outputs: tuple[npt.NDArray[Any], ...],
) -> bool:
    """Growth of rows in any order through a table of (key, period) slots; False if it cannot.

    Each value of a base period goes into its slot, each row reads the slot a
    year before its own, then the formula runs over the rows in order: each in
    a loop of its own, as short loops keep the most reads at random places in
    flight (one loop that gathered and ran the formula took about twice as long
    as the two). Periods of one
    length only (a slot is a key and a start); duplicates, oversized tables and
    a value with the bits of an empty slot leave it to the numpy path, which
    names duplicates.
    """
    loops = _jit.loops()
    start, months, lag = job.time_arrays()
    n = len(current)
    if months.strides != (0,) and len(set(low_high(months))) > 1:
        return False
    start_low, start_high = job.low_high(start)
    periods = start_high - start_low + 1
    limit = (_SLOTS_PER_ROW * n + _SMALL) // periods
    # First from a sample of the key values; again from all of them if a row's was not seen.
    dense = _dense(keys, limit, job.low_high, sample=True)
    slots = None
    if dense is not None:
        slots = np.empty(n, dtype=_index_type(dense.size * periods))
        if not loops.coded_slots(*dense[:6], start, start_low, dense.size, slots):
            dense = _dense(keys, limit, job.low_high)
            slots = None
    if dense is None:
        return False
    size = dense.size * periods
    if slots is None:  # tables of all values: every row is in them
        slots = np.empty(n, dtype=_index_type(size))
        loops.coded_slots(*dense[:6], start, start_low, dense.size, slots)
    # One bit per slot says it is taken: a table small enough for the cache.
    if loops.first_taken(slots, np.zeros(size // 8 + 1, dtype=np.uint8)) >= 0:
        return False
    # The table of values holds the base periods' slots only, between an empty entry and
    # a sink (see scatter_slots): for two periods, half the memory to write and read at
    # random places. Values go through it as bits, so that an empty entry tells itself
    # apart from a null value.
    table = np.empty(dense.size * max(periods - lag, 0) + 2, dtype=np.int64)
    table.fill(loops.EMPTY)
    if loops.scatter_slots(slots, current.view(np.int64), table):
        return False
    # The base values go where the previous values go: the formula's loop reads each
    # row's bits there and writes its previous value over them (no array between the two).
    previous, rate, codes = outputs
    loops.gather_slots(slots, lag * dense.size, table, previous.view(np.int64))
    del table, slots
    loops.growth_gathered(current, previous.view(np.int64), *formula, rate, codes)
    return True


def _by_runs(
    keys: Sequence[npt.NDArray[Any]],
    part: npt.NDArray[np.float64],
    code: npt.NDArray[np.int64],
    outputs: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[Any]],
) -> bool:
    """Shares summed and written run by run, when each group's rows are one run of rows.

    The rule of ``_kernel.total_runs`` (integer keys; groups of four rows or more
    on average; each run a group of its own), in one pass that sums each run and
    writes its shares while its rows are in the cache. False for other rows.
    """
    loops = _jit.loops()
    n = len(part)
    columns = same_type(keys)
    if columns is None:
        return False
    limit = max(n // 4, 1)
    starts = np.empty(limit, dtype=np.int64)
    runs = loops.share_by_runs(columns, part, limit, code, starts, *outputs)
    if runs < 0:
        return False
    heads = [key[starts[:runs]] for key in keys]
    return bool(_kernel.group_codes(heads)[1] == runs)
