"""The contract every table job implements, so that each formula is written and type-checked once.

A table function (:func:`~tradestats.tables.yoy_growth`, :func:`~tradestats.tables.share`,
…) is a *formula*: a function of a job that adds result columns and returns
their names. It sees the job only through :class:`TableJob`, the operations
both engines provide. The eager job (:class:`~tradestats.tables._eager.EagerJob`)
implements them on numpy arrays, the lazy job
(:class:`~tradestats.tables._lazy.LazyJob`) on narwhals expressions, as narwhals'
own ``_compliant`` protocols are implemented by each backend.

:class:`TableJob` is generic in the three kinds of column a formula handles:

- numbers (``NumbersT``): float64 arrays, or expressions;
- conditions (``MaskT``): boolean arrays, or expressions;
- reasons (``ReasonsT``): :class:`~tradestats.tables._frames.Text` columns
  (codes into a few texts), or string expressions.

A formula is annotated with :data:`JobT`, a type variable constrained to the
two instantiations, :data:`EagerContract` and :data:`LazyContract`: mypy
checks its body once for each, with the operators (``-``, ``/``, ``<``, ``~``)
of numpy arrays and of narwhals expressions resolved exactly, and checks that
each job class really implements its instantiation wherever
``job.apply(formula, ...)`` is called.

>>> import tradestats.tables._contract as contract
>>> sorted(name for name in dir(contract.TableJob) if not name.startswith("_"))
['add', 'align', 'check_one_currency', 'col', 'dtype', 'finish', 'finite', 'found', 'keep',
 'magnitude', 'missing', 'number', 'ok', 'reason', 'reasons', 'totals']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeVar

import narwhals as nw
import numpy as np
import numpy.typing as npt

from tradestats.periods import Lag
from tradestats.tables._frames import VALUE, Text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from narwhals.dtypes import DType

    from tradestats.periods import Versus

__all__ = [
    "EagerContract",
    "Floats",
    "JobT",
    "LazyContract",
    "Mask",
    "TableJob",
]

#: Numbers of the eager job: float64, NaN for null.
Floats: TypeAlias = npt.NDArray[np.float64]
#: Conditions of the eager job, one per row.
Mask: TypeAlias = npt.NDArray[np.bool_]

NumbersT = TypeVar("NumbersT")
MaskT = TypeVar("MaskT")
ReasonsT = TypeVar("ReasonsT")


class TableJob(Protocol[NumbersT, MaskT, ReasonsT]):
    """The operations a formula may use on a job, whatever the engine.

    Helper columns are named by the constants of :mod:`tradestats.tables._frames`
    (``VALUE``, ``PREVIOUS``, ``TOTAL``); result columns by the names a formula
    gives them in :meth:`add`.
    """

    # -- checks, alignment, totals --------------------------------------------------------

    def check_one_currency(self, groups: Sequence[str], *, what: str) -> None:
        """Refuse groups whose rows are in more than one currency (``what``: the measure).

        Raises:
            UnitMismatchError: Naming the first such group's keys and two of its currencies.
        """

    def align(
        self,
        keys: Sequence[str],
        source: str = VALUE,
        *,
        keep_rows: bool = False,
        versus: Versus = Lag.YEAR_EARLIER,
    ) -> None:
        """Add each row's year-earlier value of ``source`` (PREVIOUS) and whether found.

        ``keep_rows`` keeps the eager job's row map for later use (the lazy job
        ignores it). ``versus`` names another base: the period just before, or
        an explicit earlier period of the same length.

        Raises:
            DuplicateKeyError: If two rows have the same keys and period.
        """

    def totals(
        self, groups: Sequence[str], *, earlier: bool = False, versus: Versus = Lag.YEAR_EARLIER
    ) -> None:
        """Add the sum of VALUE over each row's group (TOTAL), null if a value is not finite.

        With ``earlier``, the total of the same group in the base of the row's own
        period instead (a year before, unless ``versus`` says otherwise; ``groups``
        then leaves out the period).
        """

    def dtype(self, name: str) -> DType:
        """The narwhals dtype of an input column."""

    # -- columns --------------------------------------------------------------------------

    def col(self, name: str) -> NumbersT:
        """A numeric helper or result column (VALUE, PREVIOUS, TOTAL, a result)."""

    def number(self, name: str) -> NumbersT:
        """A numeric input column as float64."""

    def found(self) -> MaskT:
        """Where :meth:`align` found a year-earlier row."""

    def reason(self, name: str) -> ReasonsT:
        """A reason column added earlier by :meth:`add`."""

    # -- the operations formulas are written in -------------------------------------------

    def finite(self, values: NumbersT) -> MaskT:
        """True for finite numbers, False for null, NaN and infinities."""

    def magnitude(self, values: NumbersT) -> NumbersT:
        """The absolute value."""

    def reasons(self, *cases: tuple[MaskT, str | ReasonsT]) -> ReasonsT:
        """The reason of the first case whose condition holds per row, else null."""

    def ok(self, reason: ReasonsT) -> MaskT:
        """Where a reason is null: the result is defined."""

    def keep(self, values: NumbersT, condition: MaskT, *, fresh: bool = False) -> NumbersT:
        """The values where ``condition`` holds, null elsewhere.

        ``fresh`` says that ``values`` is a temporary of the formula, which the
        eager job may then change in place.
        """

    def missing(self, versus: Versus = Lag.YEAR_EARLIER) -> ReasonsT:
        """Each row's reason when it has no base row: "no row for 2022" and the like."""

    # -- results --------------------------------------------------------------------------

    def add(self, outputs: Mapping[str, NumbersT | ReasonsT]) -> None:
        """Add result columns; later formulas may refer to them by name."""

    def finish(self, results: Sequence[str]) -> object:
        """The native frame: the input's columns, then ``results``, then the unit column.

        The native frame is the engine's own object (a pandas or polars frame, a
        pyarrow table, a DuckDB relation, a Dask frame); the public functions give
        it back as the type they were given.
        """


#: The contract as the eager job implements it: numpy arrays and coded texts.
EagerContract: TypeAlias = TableJob[Floats, Mask, Text]
#: The contract as the lazy job implements it: narwhals expressions throughout.
LazyContract: TypeAlias = TableJob[nw.Expr, nw.Expr, nw.Expr]

#: The job a formula runs on: mypy checks a formula once per engine.
JobT = TypeVar("JobT", EagerContract, LazyContract)
