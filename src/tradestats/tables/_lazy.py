"""The lazy path of the table functions: narwhals expressions over polars lazy, DuckDB, Dask.

The year-earlier row comes from a left self-join on the keys and the period
shifted by twelve months, group totals from a group-by joined back. The checks
(null keys, duplicates, currencies, distinct periods) run small queries first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

import narwhals as nw
from attrs import define, field

from tradestats.periods import Lag, Period, Versus
from tradestats.tables._frames import (
    FOUND,
    MONTHS,
    PREFIX,
    PREVIOUS,
    START,
    TOTAL,
    UNIT_COLUMN,
    VALUE,
    check_currency_codes,
    describe_group,
    missing_rate,
    raise_mixed,
)
from tradestats.tables._native import collect, open_frame
from tradestats.tables._periods import parse_period
from tradestats.tables._schema import raise_duplicate
from tradestats.tables._versus import base_expr, missing_text
from tradestats.tables.columns import ColumnUnits

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from narwhals.dtypes import DType
    from narwhals.functions import Then

    from tradestats.tables.columns import ExchangeRates

__all__ = ["LazyJob"]

P = ParamSpec("P")

_BAD = PREFIX + "bad"
_RATE_KEY = PREFIX + "rate_key"
_BASE = PREFIX + "base"
_FOUND_FLAG = PREFIX + "found_flag"


def _distinct(frame: nw.LazyFrame[Any], column: str) -> list[Any]:
    return collect(frame.select(column).unique()).get_column(column).to_list()


@define
class LazyJob:
    """A lazy frame on its way through a table function, with helper columns.

    Implements :data:`~tradestats.tables._contract.LazyContract`.
    """

    frame: nw.LazyFrame[Any]
    columns: list[str]
    units: ColumnUnits | None
    period: str | None
    converted_to: str | None = None
    periods: dict[Any, Period] = field(factory=dict)
    added: list[str] = field(factory=list)

    @classmethod
    def start(
        cls,
        frame: nw.LazyFrame[Any],
        *,
        period: str | None,
        value: str,
        units: ColumnUnits | None,
        fx: ExchangeRates | None,
    ) -> LazyJob:
        """Add the helper columns VALUE, START and MONTHS; convert currencies if asked."""
        job = cls(frame, list(frame.collect_schema().names()), units, period)
        if period is not None:
            job._period_columns(period)
        job.frame = job.frame.with_columns(nw.col(value).cast(nw.Float64).alias(VALUE))
        if units is not None and units.currency_column is not None:
            check_currency_codes(_distinct(job.frame, units.currency_column), units.currency_column)
        if fx is not None:
            job._convert(value, fx)
        return job

    def _period_columns(self, period: str) -> None:
        frame = self.frame
        if frame.collect_schema()[period].is_integer():
            year = nw.col(period).cast(nw.Int64)
            self.frame = frame.with_columns(
                (year * 12).alias(START), nw.lit(12, nw.Int64).alias(MONTHS)
            )
            self.periods = {year: parse_period(year, period) for year in _distinct(frame, period)}
            return
        distinct = _distinct(frame, period)
        if not distinct:
            # No rows: any integer will do.
            self.frame = frame.with_columns(
                nw.lit(0, nw.Int64).alias(START), nw.lit(0, nw.Int64).alias(MONTHS)
            )
            return
        parsed = [parse_period(value, period) for value in distinct]
        self.periods = dict(zip(distinct, parsed, strict=True))
        column = nw.col(period)
        self.frame = frame.with_columns(
            column.replace_strict(
                distinct, [p.start_index for p in parsed], default=None, return_dtype=nw.Int64
            ).alias(START),
            column.replace_strict(
                distinct, [p.months for p in parsed], default=None, return_dtype=nw.Int64
            ).alias(MONTHS),
        )

    def _convert(self, value: str, fx: ExchangeRates) -> None:
        """Turn VALUE (and the value and currency columns of the result) into fx's target."""
        units, period = self.units, self.period
        assert units is not None
        assert period is not None
        rates, target = fx.lookup(), fx.target
        column = units.currency_column
        currency = nw.col(column) if column else nw.lit(units.currency)
        frame = self.frame.with_columns(
            nw.concat_str(currency, nw.lit("|"), nw.col(period).cast(nw.String)).alias(_RATE_KEY)
        )
        needed = _distinct(frame, _RATE_KEY)
        factors: list[float] = []
        for key in needed:
            code, text = key.split("|", 1)
            when = self.periods.get(text) or self.periods[int(text)]
            rate = 1.0 if code == target else rates.get((code, when.start_index, when.months))
            if rate is None:
                raise missing_rate(code, target, when)
            factors.append(rate)
        factor = nw.col(_RATE_KEY).replace_strict(
            needed, factors, default=None, return_dtype=nw.Float64
        )
        self.frame = frame.with_columns((nw.col(VALUE) * factor).alias(VALUE)).drop(_RATE_KEY)
        self.converted_to = target
        converted = {value: nw.col(VALUE)}
        if column:
            converted[column] = nw.lit(target)
        self.add(converted)

    # -- the operations formulas are written in -------------------------------------------

    def apply(
        self,
        formula: Callable[Concatenate[LazyJob, P], Sequence[str]],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> object:
        """Run a formula on this job; the native frame with the columns it names."""
        return self.finish(formula(self, *args, **kwargs))

    def dtype(self, name: str) -> DType:
        """The narwhals dtype of an input column."""
        return self.frame.collect_schema()[name]

    def col(self, name: str) -> nw.Expr:
        """A numeric helper or result column."""
        return nw.col(name)

    @staticmethod
    def number(name: str) -> nw.Expr:
        """A numeric input column as floats."""
        return nw.col(name).cast(nw.Float64)

    @staticmethod
    def found() -> nw.Expr:
        """Where :meth:`align` found a year-earlier row."""
        return nw.col(FOUND)

    @staticmethod
    def reason(name: str) -> nw.Expr:
        """A reason column added earlier."""
        return nw.col(name)

    @staticmethod
    def finite(values: nw.Expr) -> nw.Expr:
        """True for finite numbers, False for null, NaN and infinities."""
        return values.is_finite().fill_null(value=False)

    @staticmethod
    def magnitude(values: nw.Expr) -> nw.Expr:
        """The absolute value."""
        return values.abs()

    @staticmethod
    def reasons(*cases: tuple[nw.Expr, nw.Expr | str]) -> nw.Expr:
        """The reason of the first case whose condition holds, else null (a string)."""
        chain: Then | None = None
        for condition, reason in cases:
            text = nw.lit(reason) if isinstance(reason, str) else reason
            chain = (
                nw.when(condition).then(text) if chain is None else chain.when(condition).then(text)
            )
        if chain is None:
            return nw.lit(None, dtype=nw.String)
        return chain.otherwise(nw.lit(None, dtype=nw.String))

    @staticmethod
    def ok(reason: nw.Expr) -> nw.Expr:
        """Where a reason column is null: the result is defined."""
        return reason.is_null()

    @staticmethod
    def keep(values: nw.Expr, condition: nw.Expr, *, fresh: bool = False) -> nw.Expr:
        """The values where ``condition`` holds, null elsewhere."""
        return nw.when(condition).then(values).otherwise(None)

    def missing(self, versus: Versus = Lag.YEAR_EARLIER) -> nw.Expr:
        """Each row's reason when it has no base row: "no row for 2022" and the like."""
        period = self.period
        assert period is not None
        distinct = list(self.periods)
        if not distinct:
            return nw.lit(None, dtype=nw.String)
        texts = [missing_text(self.periods[value], versus) for value in distinct]
        return nw.col(period).replace_strict(distinct, texts, default=None, return_dtype=nw.String)

    # -- checks, alignment, totals --------------------------------------------------------

    def check_one_currency(self, groups: Sequence[str], *, what: str) -> None:
        """Refuse groups whose rows are in more than one currency.

        Raises:
            UnitMismatchError: Naming the first such group's keys and two of its currencies.
        """
        column = self.units.currency_column if self.units else None
        if column is None or self.converted_to is not None:
            return
        lowest, highest = PREFIX + "lowest", PREFIX + "highest"
        mixed = collect(
            self.frame.group_by(*groups)
            .agg(nw.col(column).min().alias(lowest), nw.col(column).max().alias(highest))
            .filter(nw.col(lowest) != nw.col(highest))
            .head(1)
        )
        if len(mixed):
            row = mixed.row(0)
            raise_mixed(what, describe_group(groups, row[: len(groups)]), row[-2:])

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
        count = PREFIX + "count"
        repeated = collect(
            self.frame.group_by(*keys, START, MONTHS)
            .agg(nw.len().alias(count))
            .filter(nw.col(count) > 1)
            .head(1)
        )
        if len(repeated):
            row = repeated.row(0)
            n = len(keys)
            keys_shown = dict(zip(keys, row[:n], strict=True))
            raise_duplicate(keys_shown, self.period, row[n], row[n + 1])
        if versus is not Lag.YEAR_EARLIER:
            self._join_base(keys, {source: PREVIOUS, _FOUND_FLAG: FOUND}, versus)
            self.frame = self.frame.with_columns((nw.col(FOUND).fill_null(0) > 0).alias(FOUND))
            return
        earlier = self.frame.select(
            *keys,
            (nw.col(START) + 12).alias(START),
            MONTHS,
            nw.col(source).alias(PREVIOUS),
            nw.lit(1, nw.Int64).alias(FOUND),
        )
        # An integer flag: engines that hold nulls as NaN keep it numeric through the join.
        self.frame = self.frame.join(earlier, on=[*keys, START, MONTHS], how="left").with_columns(
            (nw.col(FOUND).fill_null(0) > 0).alias(FOUND)
        )

    def _join_base(
        self, keys: Sequence[str], columns: Mapping[str, str], versus: Versus, earlier: Any = None
    ) -> None:
        """Join the ``columns`` (source → name) of each row's base row in ``earlier``.

        ``earlier`` holds the keys, START and MONTHS (by default the job's own
        frame, with an integer flag of 1); each row finds the one whose START is
        its base (see :mod:`tradestats.tables._versus`).
        """
        if earlier is None:
            earlier = self.frame.with_columns(nw.lit(1, nw.Int64).alias(_FOUND_FLAG))
        right = earlier.select(
            *keys,
            nw.col(START).alias(_BASE),
            MONTHS,
            *(nw.col(source).alias(name) for source, name in columns.items()),
        )
        self.frame = (
            self.frame.with_columns(base_expr(START, MONTHS, versus).alias(_BASE))
            .join(right, on=[*keys, _BASE, MONTHS], how="left")
            .drop(_BASE)
        )

    def totals(
        self, groups: Sequence[str], *, earlier: bool = False, versus: Versus = Lag.YEAR_EARLIER
    ) -> None:
        """Add the sum of VALUE over each row's group (TOTAL), null if a value is not finite.

        With ``earlier``, the total of the same group in the base of the row's own
        period instead (a year before unless ``versus`` says otherwise; ``groups``
        then leaves out the period).
        """
        total = PREFIX + "sum"
        flagged = self.frame.with_columns((~self.finite(nw.col(VALUE))).cast(nw.Int64).alias(_BAD))
        by = [*groups, START, MONTHS] if earlier else list(groups)
        grouped = _sums(flagged, by, {VALUE: total, _BAD: _BAD}).with_columns(
            nw.when(nw.col(_BAD) == 0).then(nw.col(total)).otherwise(None).alias(TOTAL)
        )
        if earlier and versus is not Lag.YEAR_EARLIER:
            self._join_base(groups, {TOTAL: TOTAL}, versus, earlier=grouped)
            return
        if earlier:
            grouped = grouped.with_columns((nw.col(START) + 12).alias(START))
        self.frame = self.frame.join(grouped.select(*by, TOTAL), on=by, how="left")

    # -- results --------------------------------------------------------------------------

    def add(self, outputs: Mapping[str, nw.Expr]) -> None:
        """Add result columns; later formulas may refer to them by name."""
        self.frame = self.frame.with_columns(**outputs)
        self.added.extend(name for name in outputs if name not in self.added)

    def finish(self, results: Sequence[str]) -> object:
        """The native frame: the input's columns, then ``results``, then the unit column."""
        unit = self._unit()
        names = list(results)
        if unit is not None:
            self.add({UNIT_COLUMN: unit})
            names.append(UNIT_COLUMN)
        order = [*self.columns, *(name for name in names if name not in self.columns)]
        native: object = self.frame.select(*order).to_native()
        return native

    def _unit(self) -> nw.Expr | None:
        units = self.units
        if units is None:
            return None
        if self.converted_to is not None:
            return nw.lit(units.label(self.converted_to))
        if units.currency is not None:
            return nw.lit(units.label(units.currency))
        column = nw.col(units.currency_column or "").cast(nw.String)
        return nw.concat_str(nw.lit(f"{units.scale} "), column) if units.scale else column


def _sums(frame: nw.LazyFrame[Any], by: list[str], sums: dict[str, str]) -> nw.LazyFrame[Any]:
    """One row per group of ``by``: the sum of each column of ``sums`` under its new name.

    Dask gets its own native call: it spreads a group-by over several output
    partitions when the frame has many partitions or the group has several keys, and
    a merge with such a result fails (dask 2026.8: "KeyError: [...] not in index").
    ``split_out=1`` avoids it; group totals have far fewer rows than the frame.
    """
    if frame.implementation is not nw.Implementation.DASK:
        return frame.group_by(*by).agg(nw.col(old).sum().alias(new) for old, new in sums.items())
    native = frame.to_native()
    named = {new: (old, "sum") for old, new in sums.items()}
    opened = open_frame(native.groupby(by).agg(split_out=1, **named).reset_index())
    assert isinstance(opened, nw.LazyFrame)
    return opened
