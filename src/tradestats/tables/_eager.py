"""The eager path of the table functions: numpy arrays through the linear-time kernels.

Key, period and value columns are pulled out as numpy arrays (text columns as
integer codes, factorized by the engine itself), periods and currencies are
parsed once per distinct value, and the results go back into the native frame
as columns: floats with nulls, and reason texts as categoricals (dictionary
columns), cheap to build and to hold for millions of rows.
"""

from __future__ import annotations

import importlib
from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

import narwhals as nw
import numpy as np
import numpy.typing as npt
from attrs import define, field

from tradestats._text import quote
from tradestats.errors import InvalidValueError
from tradestats.periods import Lag, Period, Versus
from tradestats.tables import _jit, _kernel, _versus
from tradestats.tables._blocks import (
    BLOCK_ROWS,
    coded_reasons,
    is_blockwise,
    keep,
    run_by_blocks,
    twin_of,
)
from tradestats.tables._contract import Floats, Mask
from tradestats.tables._frames import (
    MONTHS,
    PREVIOUS,
    START,
    TOTAL,
    UNIT_COLUMN,
    VALUE,
    Text,
    check_currency_codes,
    describe_group,
    missing_rate,
    raise_mixed,
)
from tradestats.tables._periods import parse_period
from tradestats.tables._schema import raise_duplicate
from tradestats.tables.columns import ColumnUnits

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from narwhals.dtypes import DType

    from tradestats.tables._contract import EagerContract
    from tradestats.tables.columns import ExchangeRates

__all__ = ["EagerJob"]

P = ParamSpec("P")

# Key columns of any dtype (integers, booleans, codes of texts), as the kernels take them.
Array = npt.NDArray[Any]
Column = Floats | Text

# Integer years spanning more than this are factorized rather than offset.
_YEAR_SPAN = 10_000

# Tables up to this many rows run a formula in one piece (blocks would save nothing).
_BLOCK_MIN = 2 * BLOCK_ROWS


def _float_array(series: nw.Series[Any]) -> Floats:
    """A float64 numpy array of a numeric column, NaN for nulls."""
    return np.asarray(series.to_numpy(), dtype=np.float64)


def _module(name: str) -> Any:
    # By name: pandas and pyarrow ship no type stubs, and only their own frames need them.
    return importlib.import_module(name)


def key_array(series: nw.Series[Any]) -> Array:
    """Integer codes (or values) of a key column, factorized by the engine where faster."""
    dtype = series.dtype
    if dtype.is_integer() or dtype == nw.Boolean:
        return series.to_numpy()
    native = series.to_native()
    implementation = series.implementation
    if implementation.is_polars():
        pl = _module("polars")
        physical: Array = native.cast(pl.Categorical).to_physical().to_numpy()
        return physical
    if implementation.is_pyarrow():
        return _arrow_codes(native)[0]
    if implementation.is_pandas():
        codes: Array = _module("pandas").factorize(native)[0]
        return codes
    return series.to_numpy()  # pragma: no cover - every eager backend is handled above


def _arrow_codes(native: Any) -> tuple[Array, list[Any]]:
    encoded = _module("pyarrow.compute").dictionary_encode(native).unify_dictionaries()
    chunks = [chunk.indices.to_numpy(zero_copy_only=False) for chunk in encoded.chunks]
    codes = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
    uniques = encoded.chunks[0].dictionary.to_pylist() if encoded.chunks else []
    return codes, uniques


def factorize(series: nw.Series[Any]) -> tuple[npt.NDArray[np.int64], list[Any]]:
    """Dense codes of a column and its distinct values (few: periods, currencies)."""
    native = series.to_native()
    implementation = series.implementation
    if implementation.is_pyarrow():
        codes, uniques = _arrow_codes(native)
        return codes.astype(np.int64, copy=False), uniques
    if implementation.is_pandas():
        raw, values = _module("pandas").factorize(native)
        return np.asarray(raw, dtype=np.int64), list(values)
    distinct = series.unique().to_list()
    mapped = series.replace_strict(distinct, list(range(len(distinct))), return_dtype=nw.Int64)
    return mapped.to_numpy().astype(np.int64, copy=False), distinct


@define
class EagerJob:
    """An in-memory frame on its way through a table function, as numpy arrays.

    Implements :data:`~tradestats.tables._contract.EagerContract`.
    """

    frame: nw.DataFrame[Any]
    units: ColumnUnits | None
    period: str | None
    # Floats by helper name (VALUE, PREVIOUS, TOTAL); START and MONTHS as key arrays
    # (made on first use: a column of whole years needs neither to align or group rows).
    numbers: dict[str, Floats] = field(factory=dict)
    arrays: dict[str, Array] = field(factory=dict)
    found_rows: Mask | None = None
    # Rows in blocks of bulk files: PREVIOUS as block copies of this column, made on first
    # use (blocks of rows read their part directly, with no column for all rows).
    shifted: tuple[list[tuple[int, int, int]], Floats] | None = None
    # Totals of groups that come in runs of rows: the first row of each run and its sum
    # (TOTAL per row is made on first use; a compiled share reads the runs as they are).
    total_runs: tuple[npt.NDArray[np.int64], Floats] | None = None
    period_codes: npt.NDArray[np.integer[Any]] | None = None
    _period_offset: tuple[Array, int] = (np.zeros(0), 0)
    period_list: list[Period] = field(factory=list)
    currency_codes: npt.NDArray[np.int64] | None = None
    currency_list: list[str] = field(factory=list)
    converted_to: str | None = None
    rows: npt.NDArray[np.int64] | None = None
    outputs: dict[str, Column] = field(factory=dict)
    # Float results whose nulls are NaN and that hold no infinity (the compiled formulas'):
    # polars takes them without a pass that looks for infinities.
    nan_only: set[str] = field(factory=set)
    # Float results null exactly where a reason column is not (the compiled formulas'):
    # polars takes their nulls from the reasons' codes, without a pass over the floats.
    null_where: dict[str, str] = field(factory=dict)
    # The whole-job steps (checks, alignment, totals) already run for blocks of rows, and
    # what they read once for all blocks (input columns, reasons of missing base rows).
    steps_done: set[Hashable] = field(factory=set)
    inputs: dict[str, Floats] = field(factory=dict)
    # The least and greatest value of integer arrays the job has read, by the array's id
    # (the array is kept, so that the id stays its own): the period column and the keys
    # are read by more than one step.
    bounds: dict[int, tuple[Array, tuple[int, int, bool | None]]] = field(factory=dict)
    missing_texts: dict[Versus, list[str]] = field(factory=dict)

    @classmethod
    def start(
        cls,
        frame: nw.DataFrame[Any],
        *,
        period: str | None,
        value: str,
        units: ColumnUnits | None,
        fx: ExchangeRates | None,
    ) -> EagerJob:
        """Pull out the value, period and currency arrays; convert currencies if asked."""
        job = cls(frame, units, period)
        job.numbers[VALUE] = _float_array(frame.get_column(value))
        if period is not None:
            job._periods(period)
        if units is not None and units.currency_column is not None:
            codes, uniques = factorize(frame.get_column(units.currency_column))
            check_currency_codes(uniques, units.currency_column)
            job.currency_codes, job.currency_list = codes, [str(code) for code in uniques]
        if fx is not None:
            job._convert(value, fx)
        return job

    def _periods(self, period: str) -> None:
        series = self.frame.get_column(period)
        n = len(series)
        if series.dtype.is_integer() and n:
            years = series.to_numpy()
            low, high = self.low_high(years)
            if high - low < _YEAR_SPAN:
                self.period_list = [Period.year(year) for year in range(low, high + 1)]
                # Codes of the periods (for reasons and rates): the years themselves, offset.
                self._period_offset = (years, low)
                return
        codes, uniques = factorize(series)
        self.period_codes = codes
        self.period_list = [parse_period(value, period) for value in uniques]
        starts = np.array([p.start_index for p in self.period_list], dtype=np.int64)
        months = np.array([p.months for p in self.period_list], dtype=np.int64)
        self.arrays[START] = starts[codes]
        self.arrays[MONTHS] = months[codes]

    def low_high(self, values: Array) -> tuple[int, int]:
        """The least and the greatest of integer ``values`` (not empty), computed once per array."""
        low, high, _ = self._range(values)
        return low, high

    def ascending(self, values: Array) -> bool | None:
        """Whether ``values`` never decrease, if their range was computed by the compiled loop."""
        known = self.bounds.get(id(values))
        return known[1][2] if known is not None and known[0] is values else None

    def _range(self, values: Array) -> tuple[int, int, bool | None]:
        known = self.bounds.get(id(values))
        if known is None or known[0] is not values:
            known = self.bounds[id(values)] = (values, _jit.range_and_order(values))
        return known[1]

    def _helper(self, name: str) -> Array:
        """START or MONTHS, made from the years on first use."""
        if name not in self.arrays:
            years, _ = self._period_offset
            if name == START:
                self.arrays[START] = np.multiply(years, 12, dtype=np.int64)
            else:
                self.arrays[MONTHS] = np.full(len(years), 12, dtype=np.int8)
        return self.arrays[name]

    def _time(self) -> tuple[Array, Array, int]:
        """Each row's start, its number of months, and the distance of a year in start's units.

        Whole years are their own start, a year apart: no month indices to compute.
        """
        if START not in self.arrays:
            years, _ = self._period_offset
            return years, np.broadcast_to(np.int8(12), years.shape), 1
        return self._helper(START), self._helper(MONTHS), 12

    def _codes_of_periods(self) -> npt.NDArray[np.integer[Any]]:
        """Each row's index into ``period_list``."""
        if self.period_codes is None:
            years, low = self._period_offset
            self.period_codes = (years - low).astype(self._period_code_type())
        return self.period_codes

    def _period_code_type(self) -> type[np.integer[Any]]:
        return np.int16 if len(self.period_list) < (1 << 15) else np.int64

    def _convert(self, value: str, fx: ExchangeRates) -> None:
        units = self.units
        assert units is not None
        period_codes = self._codes_of_periods()
        rates, target = fx.lookup(), fx.target
        n = len(self.frame)
        if self.currency_codes is None:
            currencies = np.zeros(n, dtype=np.int64)
            names = [units.currency or ""]
        else:
            currencies, names = self.currency_codes, self.currency_list
        width = len(self.period_list)
        slot = currencies * width + period_codes
        present = np.zeros(len(names) * width, dtype=np.bool_)
        present[slot] = True
        table = np.ones(len(names) * width, dtype=np.float64)
        for position in np.flatnonzero(present):
            code, when = names[position // width], self.period_list[position % width]
            if code == target:
                continue
            rate = rates.get((code, when.start_index, when.months))
            if rate is None:
                raise missing_rate(code, target, when)
            table[position] = rate
        self.numbers[VALUE] = self.numbers[VALUE] * table[slot]
        self.converted_to = target
        self.outputs[value] = self.numbers[VALUE]
        if units.currency_column:
            self.outputs[units.currency_column] = Text(np.zeros(n, dtype=np.int8), [target])

    # -- the operations formulas are written in -------------------------------------------

    def apply(
        self,
        formula: Callable[Concatenate[EagerContract, P], Sequence[str]],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> object:
        """Run a formula on this job; the native frame with the columns it names.

        A formula marked :func:`~tradestats.tables._blocks.blockwise` runs block by
        block of rows on a table of more than one block (the same results, faster).
        """
        n = len(self.frame)
        twin = twin_of(formula)
        if twin is not None and _jit.runs(n):
            return self.finish(twin(self, *args, **kwargs))
        if is_blockwise(formula) and n > _BLOCK_MIN:
            return self.finish(run_by_blocks(self, formula, *args, **kwargs))
        return self.finish(formula(self, *args, **kwargs))

    def __len__(self) -> int:
        """The number of rows."""
        return len(self.frame)

    def dtype(self, name: str) -> DType:
        """The narwhals dtype of an input column."""
        return self.frame.schema[name]

    def col(self, name: str) -> Floats:
        """A numeric helper or result column."""
        if name == PREVIOUS and self.shifted is not None:
            self._shift_all()
        if name == TOTAL and self.total_runs is not None:
            self._spread_totals()
        column = self.outputs[name] if name in self.outputs else self.numbers[name]
        if isinstance(column, Text):
            raise TypeError(f"column {quote(name)} holds reasons, not numbers")  # pragma: no cover
        return column

    def number(self, name: str) -> Floats:
        """A numeric input column as floats."""
        return _float_array(self.frame.get_column(name))

    def input_number(self, name: str) -> Floats:
        """:meth:`number`, read once and kept (for blocks of rows, which each read a part)."""
        if name not in self.inputs:
            self.inputs[name] = self.number(name)
        return self.inputs[name]

    def found(self) -> Mask:
        """Where :meth:`align` found a year-earlier row."""
        if self.shifted is not None:
            self._shift_all()
        assert self.found_rows is not None, "align() first"
        return self.found_rows

    def col_rows(self, name: str, rows: slice) -> Floats:
        """:meth:`col` of a block of rows."""
        if name == PREVIOUS and self.shifted is not None:
            return self._shifted_rows(rows)[0]
        return self.col(name)[rows]

    def found_rows_of(self, rows: slice) -> Mask:
        """:meth:`found` of a block of rows."""
        if self.shifted is not None:
            return self._shifted_rows(rows)[1]
        return self.found()[rows]

    def reason(self, name: str) -> Text:
        """A reason column added earlier."""
        column = self.outputs[name]
        if not isinstance(column, Text):
            raise TypeError(f"column {quote(name)} holds numbers, not reasons")  # pragma: no cover
        return column

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
        return coded_reasons(len(self.frame), cases)

    @staticmethod
    def ok(reason: Text) -> Mask:
        """Where a reason is null: the result is defined."""
        return reason.codes < 0

    @staticmethod
    def keep(values: Floats, condition: Mask, *, fresh: bool = False) -> Floats:
        """The values where ``condition`` holds, NaN (null) elsewhere (and see ``_blocks.keep``)."""
        return keep(values, condition, fresh=fresh)

    def missing(self, versus: Versus = Lag.YEAR_EARLIER) -> Text:
        """Each row's reason when it has no base row: "no row for 2022" and the like."""
        return Text(self._codes_of_periods(), self._missing_texts(versus))

    def missing_rows(self, versus: Versus, rows: slice) -> Text:
        """:meth:`missing` of a block of rows (whole years: codes from the block's own years)."""
        texts = self._missing_texts(versus)
        if self.period_codes is None:
            years, low = self._period_offset
            return Text((years[rows] - low).astype(self._period_code_type()), texts)
        return Text(self.period_codes[rows], texts)

    def period_code_source(self) -> tuple[Array, int]:
        """Each row's index into ``period_list``, as an integer array and an offset to subtract.

        Whole years are their own codes, less the first year: no array of codes to make.
        """
        if self.period_codes is None:
            return self._period_offset
        return self.period_codes, 0

    def missing_texts_of(self, versus: Versus) -> list[str]:
        """The reason of a row without a base row, per period of ``period_list``."""
        return self._missing_texts(versus)

    def _missing_texts(self, versus: Versus) -> list[str]:
        if versus not in self.missing_texts:
            self.missing_texts[versus] = [_versus.missing_text(p, versus) for p in self.period_list]
        return self.missing_texts[versus]

    # -- checks, alignment, totals --------------------------------------------------------

    def _keys(self, names: Sequence[str]) -> list[Array]:
        """Key arrays of columns; START and MONTHS together as one array of period codes."""
        if START in names and MONTHS in names:
            # The period's code stands for both: one array, no month indices to compute
            # (whole years are their own code).
            codes = self._period_offset[0] if START not in self.arrays else self._codes_of_periods()
            return [
                codes if name == START else key_array(self.frame.get_column(name))
                for name in names
                if name != MONTHS
            ]
        return [
            self._helper(name)
            if name in (START, MONTHS)
            else key_array(self.frame.get_column(name))
            for name in names
        ]

    def group_keys(self, names: Sequence[str]) -> list[Array]:
        """The key arrays of group columns, as :meth:`totals` reads them."""
        return self._keys(names)

    def _values_at(self, names: Sequence[str], row: int) -> list[Any]:
        return [
            self._helper(name)[row] if name in (START, MONTHS) else self.frame.item(row, name)
            for name in names
        ]

    def check_one_currency(self, groups: Sequence[str], *, what: str) -> None:
        """Refuse groups whose rows are in more than one currency.

        Raises:
            UnitMismatchError: Naming the first such group's keys and two of its currencies.
        """
        currency = self.currency_codes
        if currency is None or self.converted_to is not None or len(self.currency_list) < 2:
            return
        codes, n_groups = _kernel.group_codes(self._keys(groups))
        first = np.empty(n_groups, dtype=np.int64)
        first[codes[::-1]] = currency[::-1]
        mixed = np.flatnonzero(currency != first[codes])
        if mixed.size:
            row = int(mixed[0])
            names = self.currency_list
            keys = describe_group(groups, self._values_at(groups, row))
            raise_mixed(what, keys, (names[first[codes[row]]], names[currency[row]]))

    def align(
        self,
        keys: Sequence[str],
        source: str = VALUE,
        *,
        keep_rows: bool = False,
        versus: Versus = Lag.YEAR_EARLIER,
    ) -> None:
        """Add each row's base value of ``source`` (PREVIOUS) and whether found (FOUND).

        Raises:
            DuplicateKeyError: If two rows have the same keys and period.
        """
        assert self.period is not None
        start, months, lag = self._time()
        key_arrays = self._keys(keys)
        self.shifted = None  # an earlier alignment's blocks, if any, are not this one's
        try:
            if versus is Lag.YEAR_EARLIER and not keep_rows:
                shifts = _kernel.block_shifts(
                    key_arrays, start, months, lag=lag, ascending=self.ascending(start)
                )
                if shifts is not None:
                    self._align_blocks(shifts, self.col(source))
                    return
                # No row numbers needed: the kernel moves values, not rows, where that is cheaper.
                self.numbers[PREVIOUS], self.found_rows = _kernel.previous_values(
                    key_arrays, start, months, self.col(source), lag=lag
                )
                return
            rows = _base_rows(key_arrays, start, months, versus, lag=lag)
        except InvalidValueError as error:
            if "row" not in error.details:
                raise
            row = int(error.details["row"])  # type: ignore[call-overload]
            shown = {name: self.frame.item(row, name) for name in keys}
            when = self.period_list[int(self._codes_of_periods()[row])]
            raise_duplicate(shown, self.period, when.start_index, when.months)
        self.numbers[PREVIOUS] = _kernel.take(self.col(source), rows)
        self.found_rows = rows >= 0
        if keep_rows:
            self.rows = rows

    def align_by_layout(self, keys: Sequence[str]) -> bool:
        """:meth:`align` of the value a year back for rows in bulk-file layout; False for others."""
        assert self.period is not None
        start, months, lag = self._time()
        self.shifted = None
        shifts = _kernel.block_shifts(
            self._keys(keys), start, months, lag=lag, ascending=self.ascending(start)
        )
        if shifts is None:
            return False
        self._align_blocks(shifts, self.col(VALUE))
        return True

    def time_arrays(self) -> tuple[Array, Array, int]:
        """Each row's start, its number of months, and the distance of a year (see ``_time``)."""
        return self._time()

    def _align_blocks(self, shifts: list[tuple[int, int, int]], source: Floats) -> None:
        """PREVIOUS and FOUND for rows in blocks whose earlier rows sit at fixed offsets.

        Kept as the blocks and the source column: PREVIOUS is copied block by block
        (where a gather through row numbers would read a row index per row), the
        same values as the general path of :meth:`align` gives.
        """
        self.shifted = (shifts, source)

    def _shifted_rows(self, rows: slice) -> tuple[Floats, Mask]:
        """PREVIOUS and FOUND of a block of rows, from the shifts (a view where one covers it)."""
        assert self.shifted is not None
        shifts, source = self.shifted
        start, stop = rows.start, rows.stop
        parts: list[tuple[int, int, int]] = [
            (max(s, start), min(e, stop), es + max(s, start) - s if es >= 0 else -1)
            for s, e, es in shifts
            if s < stop and e > start
        ]
        if len(parts) == 1 and parts[0][2] >= 0:
            s, e, es = parts[0]
            return source[es : es + e - s], np.ones(e - s, dtype=np.bool_)
        previous = np.empty(stop - start, dtype=np.float64)
        found = np.empty(stop - start, dtype=np.bool_)
        for s, e, es in parts:
            if es < 0:
                previous[s - start : e - start] = np.nan
                found[s - start : e - start] = False
            else:
                previous[s - start : e - start] = source[es : es + e - s]
                found[s - start : e - start] = True
        return previous, found

    def _spread_totals(self) -> None:
        """TOTAL per row, from the totals of runs."""
        assert self.total_runs is not None
        starts, sums = self.total_runs
        self.numbers[TOTAL] = np.repeat(sums, np.diff(starts, append=len(self.frame)))
        self.total_runs = None

    def _shift_all(self) -> None:
        n = len(self.frame)
        self.numbers[PREVIOUS], self.found_rows = self._shifted_rows(slice(0, n))
        self.shifted = None

    def totals(
        self, groups: Sequence[str], *, earlier: bool = False, versus: Versus = Lag.YEAR_EARLIER
    ) -> None:
        """Add the sum of VALUE over each row's group (TOTAL), NaN if a value is not finite.

        With ``earlier``, the total of the same group in the base of the row's own
        period instead (a year before unless ``versus`` says otherwise).
        """
        values = self.numbers[VALUE]
        self.total_runs = None  # an earlier call's runs, if any, are not these totals
        if not earlier:
            keys = self._keys(groups)
            self.total_runs = _kernel.total_runs(keys, values)
            if self.total_runs is None:
                codes, n_groups = _kernel.group_codes(keys)
                self.numbers[TOTAL] = _kernel.group_sums(codes, n_groups, values)[codes]
            return
        start, months, lag = self._time()
        keys = [*self._keys(groups), start, months]
        codes, n_groups = _kernel.group_codes(keys)
        sums = _kernel.group_sums(codes, n_groups, values)
        # Looked up by group, not through the row's own earlier row: a row that is new
        # this year still sees the total its group had (as the lazy path's join does).
        some_row = np.empty(n_groups, dtype=np.int64)
        some_row[codes] = np.arange(len(codes), dtype=np.int64)
        group_keys = [key[some_row] for key in keys]
        earlier_group = _base_rows(group_keys[:-2], group_keys[-2], group_keys[-1], versus, lag=lag)
        self.numbers[TOTAL] = _kernel.take(sums, earlier_group)[codes]

    # -- results --------------------------------------------------------------------------

    def add(self, outputs: Mapping[str, Column]) -> None:
        """Add result columns; later formulas may refer to them by name."""
        self.outputs.update(outputs)

    def finish(self, results: Sequence[str]) -> object:
        """The native frame: the input's columns, then ``results``, then the unit column."""
        columns = list(self.frame.columns)
        names = [*(name for name in self.outputs if name in columns), *results]
        unit = self._unit()
        if unit is not None:
            self.outputs[UNIT_COLUMN] = unit
            names.append(UNIT_COLUMN)
        native = _attach(
            self.frame,
            {name: self.outputs[name] for name in names},
            nan_only=self.nan_only,
            null_where=self.null_where,
        )
        order = [*columns, *(name for name in names if name not in columns)]
        result: object = nw.from_native(native, eager_only=True).select(*order).to_native()
        return result

    def _unit(self) -> Text | None:
        units = self.units
        if units is None:
            return None
        n = len(self.frame)
        constant = self.converted_to or units.currency
        if constant is not None:
            return Text(np.zeros(n, dtype=np.int8), [units.label(constant)])
        assert self.currency_codes is not None
        return Text(self.currency_codes, [units.label(code) for code in self.currency_list])


def _distinct_text(text: Text) -> Text:
    """The same texts with each category once (pandas and arrow want them unique)."""
    if len(set(text.categories)) == len(text.categories):
        return text
    unique = list(dict.fromkeys(text.categories))
    remap = np.array([unique.index(category) for category in text.categories] + [-1])
    return Text(remap[text.codes], unique)


def _attach(
    frame: nw.DataFrame[Any],
    columns: dict[str, Column],
    *,
    nan_only: set[str] | None = None,
    null_where: dict[str, str] | None = None,
) -> Any:
    """The native frame with ``columns`` set: floats (NaN as null) and categorical texts.

    ``nan_only`` names float columns known to hold no infinity; ``null_where``
    maps float columns to the reason column among ``columns`` that is null
    exactly where they are not.
    """
    native = frame.to_native()
    implementation = frame.implementation
    if implementation.is_pandas():
        pd = _module("pandas")
        # Series that wrap their arrays: assign() copies a bare array or categorical.
        values = {
            name: pd.Series(_pandas_array(pd, column), index=native.index, copy=False)
            for name, column in ((n, _clean(c)) for n, c in columns.items())
        }
        return native.assign(**values)
    pa = _module("pyarrow")
    if implementation.is_pyarrow():
        arrays = {name: _arrow(pa, _clean(column)) for name, column in columns.items()}
        for name, array in arrays.items():
            index = native.schema.get_field_index(name)
            native = (
                native.set_column(index, name, array)
                if index >= 0
                else native.append_column(name, array)
            )
        return native
    pl = _module("polars")
    reasons = {
        name: column
        for name, reason in (null_where or {}).items()
        if isinstance(column := columns.get(reason), Text)
    }
    return native.with_columns(
        [
            _polars_nulls_of(pl, pa, name, column, reasons[name])
            if name in reasons and isinstance(column, np.ndarray)
            else _polars(pl, pa, name, _clean(column), nan_only=name in (nan_only or ()))
            for name, column in columns.items()
        ]
    )


def _pandas_array(pd: Any, column: Column) -> Any:
    """A float column as it is, a text column as a categorical of its codes."""
    if isinstance(column, Text):
        # Codes made here are valid: no pass that checks them again.
        return pd.Categorical.from_codes(column.codes, categories=column.categories, validate=False)
    return column


def _clean(column: Column) -> Column:
    return _distinct_text(column) if isinstance(column, Text) else column


def _polars(pl: Any, pa: Any, name: str, column: Column, *, nan_only: bool = False) -> Any:
    """A polars Series (or literal) of a result column, by the cheapest of equal ways.

    A text column is a categorical of its codes with no nulls, nulls put in
    afterwards: polars takes the codes of an Arrow dictionary four times as
    fast when none is null (scattered nulls took longer than the formulas); a
    constant one (the unit, a reason column without reasons) is a literal. A float
    column turns NaN into null in one pass, where infinities (null in results
    too) need the Arrow mask.
    """
    if isinstance(column, Text):
        codes = column.codes
        if len(codes):
            low, high = int(codes.min()), int(codes.max())
            if low == high:
                # A literal: polars keeps one value for the column, not a code per row.
                value = None if low < 0 else column.categories[low]
                return pl.lit(value, dtype=pl.Categorical).alias(name)
            if low < 0:
                filled = np.maximum(codes, 0)
                texts = pl.from_arrow(_arrow(pa, Text(filled, column.categories), nulls=False))
                return _with_nulls(pl, pa, texts, codes >= 0).alias(name)
    elif nan_only or not np.isinf(column).any():
        return pl.Series(name, column, nan_to_null=True)
    return pl.from_arrow(_arrow(pa, column)).alias(name)


def _polars_nulls_of(pl: Any, pa: Any, name: str, column: Floats, reason: Text) -> Any:
    """A polars float Series, null where ``reason`` is not (its NaN rows): no pass over floats."""
    return _with_nulls(pl, pa, pl.Series(name, column), reason.codes < 0)


def _with_nulls(pl: Any, pa: Any, series: Any, valid: Mask) -> Any:
    """``series`` with nulls where ``valid`` is False (polars only sets the validity bitmap)."""
    bits = pa.py_buffer(np.packbits(valid, bitorder="little"))
    mask = pl.from_arrow(pa.Array.from_buffers(pa.bool_(), len(valid), [None, bits]))
    return pl.select(pl.when(mask).then(series)).to_series()


def _arrow(pa: Any, column: Column, *, nulls: bool = True) -> Any:
    """An Arrow array of a result column: a text's nulls where its code is -1 (if ``nulls``)."""
    if isinstance(column, Text):
        # The codes as they are, with a bitmap of the non-null ones: no masked copy.
        codes = np.ascontiguousarray(column.codes)
        bitmap = pa.py_buffer(np.packbits(codes >= 0, bitorder="little")) if nulls else None
        indices = pa.Array.from_buffers(
            pa.from_numpy_dtype(codes.dtype), len(codes), [bitmap, pa.py_buffer(codes)]
        )
        return pa.DictionaryArray.from_arrays(indices, pa.array(column.categories, pa.string()))
    return pa.array(column, mask=~np.isfinite(column))


def _base_rows(
    keys: Sequence[Array], start: Array, months: Array, versus: Versus, *, lag: int = 12
) -> _kernel.IntArray:
    """Each row's base row: a year earlier by the kernel's linear-time paths, else by a sort.

    ``start`` holds month indices (``lag`` 12) or, for tables of whole years, the
    years themselves (``lag`` 1), which other bases need as month indices.
    """
    if versus is Lag.YEAR_EARLIER:
        return _kernel.previous_rows(keys, start, months, lag=lag)
    if lag == 1:  # whole years: January's month index
        start = start.astype(np.int64) * 12
    return _versus.base_rows(keys, start, months, _versus.base_starts(start, months, versus))
