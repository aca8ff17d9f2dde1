"""What the eager and the lazy job share: helper column names, text columns, checks, errors.

The helper columns (``VALUE``, ``START``, ``MONTHS``, ``PREVIOUS``, ``FOUND``,
``TOTAL``) carry a prefix no user column has. The checks and the error
builders here word each refusal once, for both jobs, so that a pandas frame and
a DuckDB relation are refused with the same message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import narwhals as nw
import numpy as np
import numpy.typing as npt
from attrs import frozen

from tradestats._text import quote
from tradestats.errors import InvalidValueError, UnitMismatchError
from tradestats.periods import Period
from tradestats.tables._native import Frame, collect
from tradestats.tables.columns import currency_code

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "FOUND",
    "MONTHS",
    "OUT_OF_RANGE",
    "PREVIOUS",
    "START",
    "TOTAL",
    "UNIT_COLUMN",
    "VALUE",
    "Text",
    "check_currency_codes",
    "check_key_dtypes",
    "check_nulls",
    "describe_group",
    "missing_rate",
    "raise_mixed",
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

#: Reason for a result that does not fit in a float (a tiny base, a huge change).
OUT_OF_RANGE: Final = "out of range"


@frozen
class Text:
    """A text column as codes into a few categories; code -1 is null."""

    codes: npt.NDArray[np.integer[Any]]
    categories: list[str]


# Key, period and currency columns are compared, grouped and joined on: engines
# cannot do that with these (polars raises its own errors, and an Object column in
# a lazy frame panics in Rust, raising pyo3's PanicException, a BaseException).
_UNKEYABLE: Final = (nw.Binary, nw.List, nw.Array, nw.Struct, nw.Object)


def check_key_dtypes(schema: Any, columns: Iterable[str]) -> None:
    """Refuse key columns of a type that cannot be grouped or joined on.

    Part of the contract of every table function and loader: call it on the key,
    period and currency columns before any engine work.

    Raises:
        InvalidValueError: Naming the first such column and its type.
    """
    for name in columns:
        dtype = schema[name]
        if isinstance(dtype, _UNKEYABLE):
            raise InvalidValueError(
                f"column {quote(name)} is of type {dtype}, which cannot be a key, period or "
                "currency column: use text, whole numbers or categories",
                column=name,
                dtype=str(dtype),
            )


def check_nulls(frame: Frame, columns: Sequence[str]) -> None:
    """Refuse a null in ``columns`` (keys, period, currency), naming the first row on eager frames.

    Raises:
        InvalidValueError: For the first column with a null.
    """
    if not columns:
        return
    if isinstance(frame, nw.DataFrame):
        counts = tuple(_null_count(frame.get_column(name)) for name in columns)
    else:
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
                f"column {quote(name)} has {count} null value(s){where}; key and period "
                f"columns must "
                "not be null: fill or drop those rows first",
                column=name,
                nulls=int(count),
            )


def _null_count(series: nw.Series[Any]) -> int:
    """The nulls of an in-memory column, without a pass where the engine knows the count.

    polars and Arrow keep the count with the column; a pandas column of a numpy
    integer or boolean dtype cannot hold a null at all.
    """
    if series.implementation.is_pandas() and series.to_native().dtype.kind in "iub":
        return 0
    return int(series.null_count())


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
                f"column {quote(column)} holds {quote(code)}: write ISO 4217 codes in "
                f"capitals ({quote(known)})",
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
    shown = ", ".join(f"{name}={quote(value)}" for name, value in keys.items())
    raise UnitMismatchError(
        f"cannot compute {what}: the rows with {shown} are in different currencies "
        f"({first} and {second}); pass fx=ExchangeRates(...) to convert them into one "
        "currency first",
        keys=keys,
        currencies=(first, second),
    )


def missing_rate(code: str, target: str, when: Period) -> UnitMismatchError:
    """The error for a row whose currency and period have no exchange rate."""
    text = when.isoformat()
    return UnitMismatchError(
        f"the exchange-rate table has no rate from {code} to {target} for {text}; add a row "
        f"with currency {quote(code)} and period {quote(text)}",
        currency=code,
        period=text,
    )
