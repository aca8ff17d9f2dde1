"""Open and check a frame, and start the job a table function runs on.

Every table function runs the same steps on a job: :func:`prepare` checks the
columns, rejects null keys, reads the distinct periods and currencies, converts
currencies; ``align`` finds each row's year-earlier value; ``totals`` adds group
totals; the function's formula, written once against
:class:`~tradestats.tables._contract.TableJob`, gives the results; ``finish``
returns the native frame with them added.

Eager frames (pandas, polars, pyarrow) become an :class:`~tradestats.tables._eager.EagerJob`:
numpy arrays through the linear-time kernels of :mod:`tradestats.tables._kernel`.
Lazy frames (polars lazy, DuckDB, Dask) become a
:class:`~tradestats.tables._lazy.LazyJob`: narwhals expressions, a self-join on
the keys and the period shifted by twelve months. The formulas are the same
IEEE float operations in both, so both give the same numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import narwhals as nw

from tradestats._text import quote
from tradestats.errors import InvalidValueError
from tradestats.tables._eager import EagerJob
from tradestats.tables._frames import check_key_dtypes, check_nulls
from tradestats.tables._lazy import LazyJob
from tradestats.tables._native import open_frame, require
from tradestats.tables.columns import ColumnUnits

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tradestats.tables.columns import ExchangeRates

__all__ = ["Job", "prepare"]

#: The job of one call: eager or lazy, each an implementation of the TableJob contract.
Job: TypeAlias = EagerJob | LazyJob


def prepare(
    native: object,
    *,
    keys: Sequence[str],
    period: str | None,
    value: str,
    units: ColumnUnits | None,
    fx: ExchangeRates | None,
    extra: Sequence[str] = (),
) -> Job:
    """Open and check a frame; an eager or a lazy job to run a table function on.

    Raises:
        InvalidValueError: For a missing column, a null key or period, or a value
            column that is not numeric.
        ParseError: For a period that cannot be read.
        UnknownUnitError: For an unknown currency code in the currency column.
        UnitMismatchError: For a missing exchange rate.
    """
    frame = open_frame(native)
    schema = frame.collect_schema()
    if units is None and "currency" in schema:
        units = ColumnUnits(currency_column="currency")
    currency = units.currency_column if units is not None else None
    periods = [period] if period is not None else []
    currencies = [currency] if currency is not None else []
    require(frame, list(dict.fromkeys([*keys, *periods, value, *extra, *currencies])))
    if not schema[value].is_numeric():
        raise InvalidValueError(
            f"the value column {quote(value)} must be numeric, got {schema[value]}",
            column=value,
            dtype=str(schema[value]),
        )
    check_key_dtypes(schema, dict.fromkeys([*keys, *periods, *currencies]))
    check_nulls(frame, list(dict.fromkeys([*keys, *periods, *currencies])))
    if fx is not None and units is None:
        raise InvalidValueError(
            "converting with an exchange-rate table needs the values' currency: pass "
            "units=ColumnUnits(currency=...) or units=ColumnUnits(currency_column=...)",
        )
    if fx is not None and period is None:
        raise InvalidValueError("converting with dated exchange rates needs a period column")
    if isinstance(frame, nw.DataFrame):
        return EagerJob.start(frame, period=period, value=value, units=units, fx=fx)
    return LazyJob.start(frame, period=period, value=value, units=units, fx=fx)
