"""Row formulas block by block: the eager job's row operations, run where the processor's cache is.

A formula's row-by-row part (``current - previous``, ``previous == 0``, the
reasons, the nulls) is a dozen passes over columns of millions of rows. Over
whole columns each pass reads and writes main memory; over blocks of rows that
fit in the processor's cache, only the first read and the last write do, which
halves the time of that part. The results are the same floats and the same
reason codes, row for row: every operation is elementwise.

:func:`run_by_blocks` runs a formula marked :func:`blockwise` once per block
on a :class:`Block`, a window on the job that implements the same eager
contract. The steps that look across rows (the currency check, the alignment
with the base period, the group totals) run once on the whole job, the first
time a block asks for them, and each block reads its rows of their results.

>>> import numpy as np
>>> codes = coded_reasons(3, ((np.array([True, False, True]), "zero base"),
...                          (np.array([True, True, False]), "null value")))
>>> codes.codes.tolist(), codes.categories
([1, 0, 1], ['null value', 'zero base'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Concatenate, Final, ParamSpec, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from tradestats._text import quote
from tradestats.periods import Lag
from tradestats.tables._contract import Floats, Mask
from tradestats.tables._frames import VALUE, Text

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Mapping, Sequence

    from narwhals.dtypes import DType

    from tradestats.periods import Versus
    from tradestats.tables._contract import EagerContract

__all__ = [
    "BLOCK_ROWS",
    "Block",
    "WholeJob",
    "blockwise",
    "coded_reasons",
    "compiled",
    "is_blockwise",
    "keep",
    "run_by_blocks",
    "twin_of",
]

P = ParamSpec("P")
F = TypeVar("F", bound="Callable[..., Sequence[str]]")
Column = Floats | Text

BLOCK_ROWS: Final = 1 << 16
"""Rows per block: a dozen float64 temporaries of this length fit in a core's cache."""

_BLOCKWISE: set[str] = set()
"""Qualified names of the formulas marked :func:`blockwise` (filled at import, never changed)."""


def blockwise(formula: F) -> F:
    """Mark a formula that may run block by block of rows.

    A formula qualifies when every operation after its checks, alignment and
    totals is row by row, and it aligns or sums only the value column (not a
    result it computed itself, which a block sees only for its own rows).
    """
    _BLOCKWISE.add(_name(formula))
    return formula


def is_blockwise(formula: object) -> bool:
    """Whether ``formula`` was marked :func:`blockwise`."""
    return _name(formula) in _BLOCKWISE


_TWINS: dict[str, Callable[..., list[str]]] = {}
"""Compiled twins by the qualified name of their formula (filled at import, never changed)."""


def compiled(twin: Callable[..., list[str]]) -> Callable[[F], F]:
    """Name the compiled twin of a formula (see ``tables/_fused.py``).

    The eager job runs the twin instead of the formula where the compiled loops
    run (``tables/_jit.py``); it takes the formula's arguments and gives the same
    columns, to the last bit.
    """

    def mark(formula: F) -> F:
        _TWINS[_name(formula)] = twin
        return formula

    return mark


def twin_of(formula: object) -> Callable[..., list[str]] | None:
    """The compiled twin of ``formula`` named with :func:`compiled`, if any."""
    return _TWINS.get(_name(formula))


def _name(formula: object) -> str:
    return f"{getattr(formula, '__module__', '')}.{getattr(formula, '__qualname__', '')}"


class WholeJob(Protocol):
    """What a block needs of its job (the eager job): the steps over all rows, and their results."""

    steps_done: set[Hashable]

    def __len__(self) -> int:
        """The number of rows."""

    def check_one_currency(self, groups: Sequence[str], *, what: str) -> None:
        """Refuse groups in two currencies."""

    def align(
        self, keys: Sequence[str], *, keep_rows: bool = False, versus: Versus = Lag.YEAR_EARLIER
    ) -> None:
        """Add PREVIOUS and FOUND."""

    def totals(
        self, groups: Sequence[str], *, earlier: bool = False, versus: Versus = Lag.YEAR_EARLIER
    ) -> None:
        """Add TOTAL."""

    def dtype(self, name: str) -> DType:
        """The dtype of an input column."""

    def col_rows(self, name: str, rows: slice) -> Floats:
        """A numeric helper or result column, ``rows`` of it."""

    def input_number(self, name: str) -> Floats:
        """A numeric input column as floats, all rows, read once."""

    def found_rows_of(self, rows: slice) -> Mask:
        """Where the alignment found a base row, ``rows`` of it."""

    def missing_rows(self, versus: Versus, rows: slice) -> Text:
        """The reasons of ``rows`` when they have no base row."""

    def add(self, outputs: Mapping[str, Column]) -> None:
        """Add result columns of all rows."""


# -- the row operations, shared by the whole job and its blocks ---------------------------------


def coded_reasons(n: int, cases: Sequence[tuple[Mask, str | Text]]) -> Text:
    """The reason of the first case whose condition holds per row, else null (code -1)."""
    size = sum(1 if isinstance(r, str) else len(r.categories) for _, r in cases)
    codes: npt.NDArray[np.integer[Any]] = np.full(n, -1, dtype=np.int8 if size < 127 else np.int32)
    categories: list[str] = []
    # Later cases first, so that the first case that holds is the one that stays.
    # Each case is blended in by arithmetic on the small codes, branch-free: a
    # masked write would stall on conditions that hold in random rows.
    change = np.empty_like(codes)
    for condition, reason in reversed(cases):
        if isinstance(reason, str):
            if condition.any():
                np.subtract(len(categories), codes, out=change, casting="unsafe")
                _blend(codes, change, condition)
            categories.append(reason)
        else:
            if condition.any():
                # In the result's type: a case's own codes may be int8 while the
                # categories before them already number more than int8 holds.
                np.subtract(reason.codes.astype(codes.dtype), codes, out=change)
                change += len(categories)
                _blend(codes, change, condition)
            categories.extend(reason.categories)
    return Text(codes, categories)


def _blend(codes: npt.NDArray[Any], change: npt.NDArray[Any], condition: Mask) -> None:
    """``codes += change`` where ``condition`` holds: a multiply by 0 or 1, not a branch."""
    flag = condition.view(np.int8) if change.dtype == np.int8 else condition.astype(change.dtype)
    change *= flag
    codes += change


_NAN_OR_NOTHING: Final = np.array([np.nan, -0.0])


def keep(values: Floats, condition: Mask, *, fresh: bool = False) -> Floats:
    """The values where ``condition`` holds, NaN (null) elsewhere.

    Saves memory: ``values`` itself when it is already NaN wherever ``condition``
    fails, and ``values`` changed in place when the caller says it is ``fresh``
    (a temporary of the formula).
    """
    if condition.all():
        return values
    if fresh:
        # Add NaN where the condition fails and -0.0 (which changes no number, not even
        # -0.0) where it holds: no masked write, which stalls on rows in random order.
        values += _NAN_OR_NOTHING[condition.view(np.uint8)]
        return values
    drop = ~condition
    drop &= ~np.isnan(values)
    if not drop.any():
        return values
    return np.where(drop, np.nan, values)


# -- blocks -------------------------------------------------------------------------------------


def run_by_blocks(
    job: WholeJob,
    formula: Callable[Concatenate[EagerContract, P], Sequence[str]],
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> list[str]:
    """Run a :func:`blockwise` formula on each block of rows; add its results to ``job``."""
    n = len(job)
    results: dict[str, Column] = {}
    owned: set[str] = set()
    names: Sequence[str] = []
    for start in range(0, n, BLOCK_ROWS):
        block = Block(job, slice(start, min(start + BLOCK_ROWS, n)))
        names = formula(block, *args, **kwargs)
        for name, column in block.outputs.items():
            _put(results, owned, name, column, rows=block.rows, n=n)
    job.add(results)
    return list(names)


def _put(
    results: dict[str, Column], owned: set[str], name: str, column: Column, *, rows: slice, n: int
) -> None:
    """Write one block's column into the whole column of ``n`` rows, made on the first block.

    A block's float column that is its rows of one of the job's whole columns (a
    helper such as PREVIOUS or TOTAL, kept as it is) is not copied: while every
    block gives such a view, the result is that whole column itself (``owned``
    names the results that are arrays of their own).
    """
    whole = results.get(name)
    if isinstance(column, Text):
        if whole is None:
            whole = results[name] = Text(np.empty(n, dtype=column.codes.dtype), column.categories)
        assert isinstance(whole, Text)
        assert whole.categories == column.categories
        whole.codes[rows] = column.codes
        return
    assert not isinstance(whole, Text)
    if name not in owned:
        base = _whole_of(column, rows, n)
        if base is not None and (whole is None or whole is base):
            results[name] = base
            return
        # Not a view (or a view of another column): from here on, an array of its own,
        # with the rows of the blocks before copied from the column they were views of.
        own = np.empty(n, dtype=np.float64)
        if whole is not None:
            own[: rows.start] = whole[: rows.start]
        whole = results[name] = own
        owned.add(name)
    assert whole is not None
    whole[rows] = column


def _whole_of(column: Floats, rows: slice, n: int) -> Floats | None:
    """The whole float column of ``n`` rows that ``column`` is the ``rows`` of, if it is a view."""
    base = column.base
    if (
        not isinstance(base, np.ndarray)
        or base.dtype != np.float64
        or base.shape != (n,)
        or base.strides != (8,)
        or column.strides != (8,)
        or column.ctypes.data != base.ctypes.data + 8 * rows.start
    ):
        return None
    return base


class Block:
    """A window of rows of an eager job, implementing the eager contract for a formula.

    The checks, the alignment and the totals run once on the whole job (the
    first block to ask runs them) and each block reads its rows of them; row
    operations and results are the block's own.
    """

    def __init__(self, job: WholeJob, rows: slice) -> None:
        self.job = job
        self.rows = rows
        self.outputs: dict[str, Column] = {}

    def _once(self, key: Hashable, step: Callable[[], None]) -> None:
        done = self.job.steps_done
        if key not in done:
            step()
            done.add(key)

    # -- checks, alignment, totals: once, on the whole job ---------------------------------

    def check_one_currency(self, groups: Sequence[str], *, what: str) -> None:
        """See :meth:`EagerJob.check_one_currency`."""
        job = self.job
        self._once(
            ("currency", tuple(groups), what),
            lambda: job.check_one_currency(groups, what=what),
        )

    def align(
        self,
        keys: Sequence[str],
        source: str = VALUE,
        *,
        keep_rows: bool = False,
        versus: Versus = Lag.YEAR_EARLIER,
    ) -> None:
        """See :meth:`EagerJob.align` (of the value column only: see :func:`blockwise`)."""
        if source != VALUE:
            raise TypeError(f"a blockwise formula cannot align {quote(source)}")  # pragma: no cover
        job = self.job
        self._once(
            ("align", tuple(keys), keep_rows, versus),
            lambda: job.align(keys, keep_rows=keep_rows, versus=versus),
        )

    def totals(
        self, groups: Sequence[str], *, earlier: bool = False, versus: Versus = Lag.YEAR_EARLIER
    ) -> None:
        """See :meth:`EagerJob.totals`."""
        job = self.job
        self._once(
            ("totals", tuple(groups), earlier, versus),
            lambda: job.totals(groups, earlier=earlier, versus=versus),
        )

    def dtype(self, name: str) -> DType:
        """The narwhals dtype of an input column."""
        return self.job.dtype(name)

    # -- columns: this block's rows ----------------------------------------------------------

    def col(self, name: str) -> Floats:
        """A numeric helper or result column, this block's rows."""
        column = self.outputs.get(name)
        if column is None:
            return self.job.col_rows(name, self.rows)
        if isinstance(column, Text):
            raise TypeError(f"column {quote(name)} holds reasons, not numbers")  # pragma: no cover
        return column

    def number(self, name: str) -> Floats:
        """A numeric input column as floats, this block's rows (read once for all blocks)."""
        return self.job.input_number(name)[self.rows]

    def found(self) -> Mask:
        """Where the alignment found a base row, this block's rows."""
        return self.job.found_rows_of(self.rows)

    def reason(self, name: str) -> Text:
        """A reason column this block added."""
        column = self.outputs[name]
        if not isinstance(column, Text):
            raise TypeError(f"column {quote(name)} holds numbers, not reasons")  # pragma: no cover
        return column

    def missing(self, versus: Versus = Lag.YEAR_EARLIER) -> Text:
        """Each row's reason when it has no base row, this block's rows."""
        return self.job.missing_rows(versus, self.rows)

    # -- row operations ----------------------------------------------------------------------

    @staticmethod
    def finite(values: Floats) -> Mask:
        """True for finite numbers, False for NaN (null) and infinities."""
        return np.isfinite(values)

    @staticmethod
    def magnitude(values: Floats) -> Floats:
        """The absolute value."""
        return np.abs(values)

    def reasons(self, *cases: tuple[Mask, str | Text]) -> Text:
        """The reason of the first case whose condition holds per row, else null."""
        return coded_reasons(self.rows.stop - self.rows.start, cases)

    @staticmethod
    def ok(reason: Text) -> Mask:
        """Where a reason is null: the result is defined."""
        return reason.codes < 0

    @staticmethod
    def keep(values: Floats, condition: Mask, *, fresh: bool = False) -> Floats:
        """The values where ``condition`` holds, NaN (null) elsewhere (see :func:`keep`)."""
        return keep(values, condition, fresh=fresh)

    # -- results -----------------------------------------------------------------------------

    def add(self, outputs: Mapping[str, Column]) -> None:
        """Add result columns of this block's rows."""
        self.outputs.update(outputs)

    def finish(self, results: Sequence[str]) -> object:
        """Blocks give their results to the job, which finishes the frame."""
        raise TypeError("a block of rows does not finish a frame; its job does")  # pragma: no cover
