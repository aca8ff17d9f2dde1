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
to ``1``, nothing here runs and the numpy formulas do all the work.
"""

from __future__ import annotations

import importlib.util
import os
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from tradestats import _rules
from tradestats.tables._frames import MONTHS, PREVIOUS, START, TOTAL, VALUE, Text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from tradestats.periods import Versus
    from tradestats.tables._eager import EagerJob

__all__ = [
    "MIN_ROWS",
    "PURE_ENVIRONMENT",
    "blocks_equal",
    "enabled",
    "low_high",
    "run_sums",
    "same_type",
    "strictly_ascending",
    "twin",
]

PURE_ENVIRONMENT: Final = "TRADESTATS_PURE_NUMPY"
"""This environment variable set to ``1`` runs the numpy formulas even where numba is installed."""

MIN_ROWS = 1 << 17
"""Jobs of fewer rows run the numpy formulas: a compiled call saves nothing on them.

Tests lower it to exercise the compiled path on small frames.
"""


def _installed() -> bool:
    """Whether numba can be imported (without importing it: that takes a while)."""
    return importlib.util.find_spec("numba") is not None


_INSTALLED: Final = _installed()


def enabled() -> bool:
    """Whether the compiled twins run: numba is installed and not switched off."""
    return _INSTALLED and os.environ.get(PURE_ENVIRONMENT, "") not in ("1", "true")


def run_sums(values: npt.NDArray[np.float64], starts: npt.NDArray[np.int64]) -> Any:
    """Each run's sum (runs begin at ``starts``), as ``np.bincount`` adds; None without numba."""
    if len(values) < MIN_ROWS or not enabled():
        return None
    from tradestats.tables import _compiled  # noqa: PLC0415 - numba is an extra, slow to import

    out = np.empty(len(starts), dtype=np.float64)
    _compiled.run_sums(values, starts, out)
    return out


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
    from tradestats.tables import _compiled  # noqa: PLC0415 - numba is an extra, slow to import
    from tradestats.tables.growth import OUT_OF_RANGE  # noqa: PLC0415 - growth imports the jobs

    job.check_one_currency(keys, what="year-on-year growth")
    job.align(keys, versus=versus)
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
    if job.shifted is not None:
        shifts, source = job.shifted
        table = np.array(shifts, dtype=np.int64).reshape(-1, 3)
        _compiled.growth_shifted(
            current, source, table, period, low, code, allow_negative_base, previous, rate, codes
        )
    else:
        found = job.found()
        _compiled.growth_aligned(
            current,
            job.col(PREVIOUS),
            found,
            period,
            low,
            code,
            allow_negative_base,
            previous,
            rate,
            codes,
        )
    job.add({"previous": previous, "growth": rate, "growth_reason": Text(codes, categories)})
    return ["previous", "growth", "growth_reason"]


def shares(job: EagerJob, by: Sequence[str], period: str | None) -> list[str]:
    """The twin of ``shares._shares``: the same checks and totals, one compiled pass."""
    from tradestats.tables import _compiled  # noqa: PLC0415 - numba is an extra, slow to import

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
    if not _by_runs(job.group_keys(groups), part, code, (total, share, codes)):
        job.totals(groups)
        if job.total_runs is not None:
            starts, sums = job.total_runs
            _compiled.share_runs(part, starts, sums, code, total, share, codes)
        else:
            _compiled.share_rows(part, job.col(TOTAL), code, total, share, codes)
    job.add({"total": total, "share": share, "share_reason": Text(codes, categories)})
    return ["total", "share", "share_reason"]


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
    from tradestats.tables import _compiled, _kernel  # noqa: PLC0415 - numba is slow to import

    n = len(part)
    columns = same_type(keys)
    if columns is None:
        return False
    limit = max(n // 4, 1)
    starts = np.empty(limit, dtype=np.int64)
    runs = _compiled.share_by_runs(columns, part, limit, code, starts, *outputs)
    if runs < 0:
        return False
    heads = [key[starts[:runs]] for key in keys]
    return bool(_kernel.group_codes(heads)[1] == runs)


def low_high(values: npt.NDArray[np.integer[Any]]) -> tuple[int, int]:
    """The least and the greatest of integer ``values`` (not empty): one pass where compiled."""
    if len(values) >= MIN_ROWS and enabled():
        from tradestats.tables import _compiled  # noqa: PLC0415 - numba is slow to import

        low, high = _compiled.low_high(values)
        return int(low), int(high)
    return int(values.min()), int(values.max())


def strictly_ascending(columns: Sequence[npt.NDArray[Any]], start: int, end: int) -> bool | None:
    """Whether rows ``start`` to ``end`` of ``columns`` ascend strictly; None where not compiled."""
    same = same_type(columns)
    if end - start < MIN_ROWS or same is None or not enabled():
        return None
    from tradestats.tables import _compiled  # noqa: PLC0415 - numba is slow to import

    return bool(_compiled.strictly_ascending(same, start, end))


def blocks_equal(
    columns: Sequence[npt.NDArray[Any]], start: int, earlier: int, length: int
) -> bool | None:
    """Whether two blocks of rows hold equal keys; None where not compiled."""
    same = same_type(columns)
    if length < MIN_ROWS or same is None or not enabled():
        return None
    from tradestats.tables import _compiled  # noqa: PLC0415 - numba is slow to import

    return bool(_compiled.blocks_equal(same, start, earlier, length))


def same_type(columns: Sequence[npt.NDArray[Any]]) -> tuple[npt.NDArray[Any], ...] | None:
    """The key columns as a tuple the compiled loops take: integers of one dtype, else None."""
    if not columns or columns[0].dtype.kind not in "iu":
        return None
    dtype = columns[0].dtype
    if any(column.dtype != dtype or column.ndim != 1 for column in columns):
        return None
    return tuple(columns)


_TWINS: Final[dict[str, Callable[..., list[str]]]] = {
    "tradestats.tables.growth._growth": growth,
    "tradestats.tables.shares._shares": shares,
}


def twin(formula: object, rows: int) -> Callable[..., list[str]] | None:
    """The compiled twin of ``formula`` for a job of ``rows`` rows, if one should run."""
    if rows < MIN_ROWS or not enabled():
        return None
    name = f"{getattr(formula, '__module__', '')}.{getattr(formula, '__qualname__', '')}"
    return _TWINS.get(name)
