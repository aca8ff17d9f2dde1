"""Shared glue behind the table functions: open a frame, check it, start a job.

Every table function runs the same steps on a job: :func:`prepare` checks the
columns, rejects null keys, reads the distinct periods and currencies, converts
currencies; ``align`` finds each row's year-earlier value; ``totals`` adds group
totals; the function's formula, written once against the job's small set of
operations (``col``, ``finite``, ``reasons``, ``keep``, ``ok``, ``missing``),
gives the results; ``finish`` returns the native frame with them added.

Eager frames (pandas, polars, pyarrow) become an :class:`~tradestats.tables._eager.EagerJob`:
numpy arrays through the linear-time kernels of :mod:`tradestats.tables._kernel`.
Lazy frames (polars lazy, DuckDB, Dask) become a
:class:`~tradestats.tables._lazy.LazyJob`: narwhals expressions, a self-join on
the keys and the period shifted by twelve months. The formulas are the same
IEEE float operations in both, so both give the same numbers.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Final

import narwhals as nw
import numpy as np
import numpy.typing as npt
from attrs import frozen

from tradestats.errors import DuplicateKeyError, InvalidValueError, UnitMismatchError
from tradestats.periods import Period
from tradestats.tables.columns import Units, currency_code

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from tradestats.tables.columns import ExchangeRates

__all__ = [
    "FOUND",
    "MONTHS",
    "PREVIOUS",
    "START",
    "TOTAL",
    "VALUE",
    "Text",
    "check_currency_codes",
    "check_key_dtypes",
    "collect",
    "describe_group",
    "missing_rate",
    "open_frame",
    "prepare",
    "raise_duplicate",
    "raise_mixed",
    "read_rows",
]

PREFIX: Final = "__tradestats_"
VALUE: Final = PREFIX + "value"
START: Final = PREFIX + "start"
MONTHS: Final = PREFIX + "months"
PREVIOUS: Final = PREFIX + "previous"
FOUND: Final = PREFIX + "found"
TOTAL: Final = PREFIX + "total"

#: The column that carries the unit of the monetary result columns.
UNIT_COLUMN: Final = "unit"

Frame = nw.DataFrame[Any] | nw.LazyFrame[Any]


@frozen
class Text:
    """A text column as codes into a few categories; code -1 is null."""

    codes: npt.NDArray[np.integer[Any]]
    categories: list[str]


def open_frame(native: object) -> Frame:
    """The narwhals frame of a native frame, with a clear error for anything else."""
    with warnings.catch_warnings():
        # narwhals announces that Dask support moves to a plugin; the support works as it is.
        warnings.filterwarnings("ignore", message="Dask support is moving", category=FutureWarning)
        try:
            return nw.from_native(native)
        except TypeError:
            raise InvalidValueError(
                f"expected a pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame, got "
                f"{type(native).__name__}",
                value=type(native).__name__,
            ) from None


def collect(frame: Frame) -> nw.DataFrame[Any]:
    """The frame in memory (a no-op for eager frames).

    Raises:
        InvalidValueError: If the engine panics (polars raises pyo3's
            PanicException, a BaseException that ``except Exception`` misses).
    """
    if isinstance(frame, nw.DataFrame):
        return frame
    try:
        return frame.collect()
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        raise InvalidValueError(
            f"the engine failed on this frame ({str(error)[:200]}); check the types of its "
            "key and value columns",
            engine_error=str(error)[:200],
        ) from None


def read_rows(native: object, columns: Sequence[str], *, what: str) -> list[dict[str, Any]]:
    """The rows of a small frame as dicts, restricted to ``columns``."""
    frame = open_frame(native)
    _require(frame, columns, what=what)
    return collect(frame.select(*columns)).rows(named=True)


def _require(frame: Frame, columns: Iterable[str], *, what: str = "the frame") -> None:
    names = frame.collect_schema().names()
    missing = [name for name in columns if name not in names]
    if missing:
        raise InvalidValueError(
            f"{what} has no column {missing[0]!r}; its columns are {', '.join(map(repr, names))}",
            column=missing[0],
            columns=names,
        )


# Key, period and currency columns are compared, grouped and joined on: engines
# cannot do that with these (polars raises its own errors, and an Object column in
# a lazy frame panics in Rust, raising pyo3's PanicException, a BaseException).
_UNKEYABLE: Final = (nw.Binary, nw.List, nw.Array, nw.Struct, nw.Object)


def check_key_dtypes(schema: Any, columns: Iterable[str]) -> None:
    """Refuse key columns of a type that cannot be grouped or joined on.

    A contract for every table function and loader: call it on the key, period
    and currency columns before any engine work.

    Raises:
        InvalidValueError: Naming the first such column and its type.
    """
    for name in columns:
        dtype = schema[name]
        if isinstance(dtype, _UNKEYABLE):
            raise InvalidValueError(
                f"column {name!r} is of type {dtype}, which cannot be a key, period or "
                "currency column: use text, whole numbers or categories",
                column=name,
                dtype=str(dtype),
            )


def _check_nulls(frame: Frame, columns: Sequence[str]) -> None:
    if not columns:
        return
    counts = collect(
        frame.select(*(nw.col(name).is_null().sum().alias(name) for name in columns))
    ).row(0)
    for name, count in zip(columns, counts, strict=True):
        if count:
            where = ""
            if isinstance(frame, nw.DataFrame):
                mask = frame.get_column(name).is_null().to_numpy()
                where = f" (row {int(np.flatnonzero(mask)[0])})"
            raise InvalidValueError(
                f"column {name!r} has {count} null value(s){where}; key and period columns must "
                "not be null: fill or drop those rows first",
                column=name,
                nulls=int(count),
            )


def check_currency_codes(codes: Iterable[object], column: str) -> None:
    """Refuse unknown or lower-case ISO 4217 codes found in a currency column.

    Raises:
        UnknownUnitError: For an unknown code.
        InvalidValueError: For a known code not written in capitals.
    """
    for code in codes:
        known = currency_code(code, where=f" in column {column!r}")
        if code != known:
            raise InvalidValueError(
                f"column {column!r} holds {code!r}: write ISO 4217 codes in capitals ({known!r})",
                value=code,
            )


def describe_group(names: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    """Group key values by column, with the helper period columns shown as one period."""
    keys = {
        name: value
        for name, value in zip(names, values, strict=True)
        if name not in (START, MONTHS)
    }
    if START in names:
        start = int(values[names.index(START)])
        months = int(values[names.index(MONTHS)])
        keys["period"] = Period.from_month_indices(start, start + months - 1).isoformat()
    return keys


def raise_mixed(what: str, keys: dict[str, Any], currencies: Iterable[str]) -> None:
    """Raise the error for a group with rows in two currencies.

    Raises:
        UnitMismatchError: Always.
    """
    first, second = sorted(currencies)
    shown = ", ".join(f"{name}={value!r}" for name, value in keys.items())
    raise UnitMismatchError(
        f"cannot compute {what}: the rows with {shown} are in different currencies "
        f"({first} and {second}); pass fx=ExchangeRates(...) to convert them into one "
        "currency first",
        keys=keys,
        currencies=(first, second),
    )


def raise_duplicate(keys: dict[str, Any], period: str, start: int, months: int) -> None:
    """Raise the error for two rows with the same keys and period.

    Raises:
        DuplicateKeyError: Always.
    """
    when = Period.from_month_indices(start, start + months - 1).isoformat()
    shown = ", ".join(f"{name}={value!r}" for name, value in keys.items())
    raise DuplicateKeyError(
        f"two rows have {shown} and {period}={when!r}: each key may have one row per period; "
        "aggregate or drop the duplicates first",
        keys=keys,
        period=when,
    )


def missing_rate(code: str, target: str, when: Period) -> UnitMismatchError:
    """The error for a row whose currency and period have no exchange rate."""
    text = when.isoformat()
    return UnitMismatchError(
        f"the exchange-rate table has no rate from {code} to {target} for {text}; add a row "
        f"with currency {code!r} and period {text!r}",
        currency=code,
        period=text,
    )


def prepare(
    native: object,
    *,
    keys: Sequence[str],
    period: str | None,
    value: str,
    units: Units | None,
    fx: ExchangeRates | None,
    extra: Sequence[str] = (),
) -> Any:
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
        units = Units(currency_column="currency")
    currency = units.currency_column if units is not None else None
    periods = [period] if period is not None else []
    currencies = [currency] if currency is not None else []
    _require(frame, list(dict.fromkeys([*keys, *periods, value, *extra, *currencies])))
    if not schema[value].is_numeric():
        raise InvalidValueError(
            f"the value column {value!r} must be numeric, got {schema[value]}",
            column=value,
            dtype=str(schema[value]),
        )
    check_key_dtypes(schema, dict.fromkeys([*keys, *periods, *currencies]))
    _check_nulls(frame, list(dict.fromkeys([*keys, *periods, *currencies])))
    if fx is not None and units is None:
        raise InvalidValueError(
            "converting with an exchange-rate table needs the values' currency: pass "
            "units=Units(currency=...) or units=Units(currency_column=...)",
        )
    if fx is not None and period is None:
        raise InvalidValueError("converting with dated exchange rates needs a period column")
    if isinstance(frame, nw.DataFrame):
        from tradestats.tables._eager import EagerJob  # noqa: PLC0415 - the modules import this one

        return EagerJob.start(frame, period=period, value=value, units=units, fx=fx)
    from tradestats.tables._lazy import LazyJob  # noqa: PLC0415

    return LazyJob.start(frame, period=period, value=value, units=units, fx=fx)
