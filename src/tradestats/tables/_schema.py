"""The tidy schema: the canonical columns every loader gives, and the checks it runs on them.

A loader (Comtrade's JSON and CSV, the tidy CSV format, the bridges from
:class:`~tradestats.TradeFlow` objects, and any future one, such as SDMX)
maps its source's columns to the columns of :data:`TIDY_SCHEMA`, then calls
the checks here, so that every loader refuses the same problems with the same
words:

- :func:`complete`: every required column is there (the defaults of the
  optional keys are filled in, a declared currency is added);
- :func:`check_keys`: no key is null (or, in text read from a file, blank);
- :func:`check_values`: every value is a number, and finite;
- :func:`canonical`: flows, periods, currencies, valuations and statuses are
  known, and written in canonical form;
- :func:`validated`: all of the above, the columns in schema order.

Each check names where the bad row is through a *row label*, a function from
the row's 0-based number to text such as ``"figures.csv, line 3"`` or
``"the DataFrame, row 1"``, which each loader words for its source.

Duplicates (two rows with the same keys and period) are refused by the table
functions, with :func:`raise_duplicate`, over the keys a call names, not by the
loaders: Comtrade repeats a reporter, partner, flow, product and period over
the dimensions a loader does not keep (mode of transport, customs procedure).

>>> [column.name for column in TIDY_SCHEMA if column.required]
['reporter', 'flow', 'period', 'value', 'currency']
>>> KEY_COLUMNS
('reporter', 'partner', 'flow', 'product', 'period', 'currency')
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import narwhals as nw
from attrs import frozen

from tradestats._text import quote, quote_all
from tradestats._validate import enum_member
from tradestats.errors import (
    DuplicateKeyError,
    InvalidValueError,
    ParseError,
    TradeStatsError,
)
from tradestats.flows import WORLD, Flow, Status, Valuation
from tradestats.periods import Period
from tradestats.tables._io import first_row
from tradestats.units import currency_code

if TYPE_CHECKING:
    import enum
    from collections.abc import Callable, Sequence

    from narwhals.dtypes import DType

__all__ = [
    "KEY_COLUMNS",
    "PUBLISHED_COLUMNS",
    "PUBLISHED_SCHEMA",
    "REQUIRED_COLUMNS",
    "TIDY_COLUMNS",
    "TIDY_SCHEMA",
    "TOTAL_PRODUCT",
    "VINTAGE_COLUMNS",
    "VINTAGE_SCHEMA",
    "RowLabel",
    "TidyColumn",
    "canonical",
    "canonical_currency",
    "check_keys",
    "check_values",
    "complete",
    "raise_duplicate",
    "validated",
]

#: Where a row is, from its 0-based number: ``"figures.csv, line 3"``, ``"the DataFrame, row 1"``.
RowLabel: TypeAlias = "Callable[[int], str]"

#: The product of a figure for all goods.
TOTAL_PRODUCT: Final = "TOTAL"


@frozen
class TidyColumn:
    """One column of the tidy schema.

    Args:
        name: The column's name, exact and lower case.
        kind: ``"text"`` (a string column), ``"number"`` (float64, null for
            a missing figure) or ``"integer"`` (int64, null where unknown).
        required: Whether a source must have it (``currency`` may instead be
            declared to the reader).
        key: Whether it identifies a figure, and so may not be empty.
        default: The value of an optional key a source leaves out.
        meaning: What it holds, for the documentation.
    """

    name: str
    kind: Literal["text", "number", "integer"]
    required: bool
    key: bool
    default: str | None
    meaning: str

    def dtype(self) -> DType:
        """The narwhals dtype of the column.

        >>> TIDY_SCHEMA[5].dtype()
        Float64
        """
        return {"number": nw.Float64(), "integer": nw.Int64()}.get(self.kind, nw.String())


#: The canonical columns, in the order a tidy frame has them.
TIDY_SCHEMA: Final = (
    TidyColumn("reporter", "text", True, True, None, "the reporting economy"),
    TidyColumn("partner", "text", False, True, WORLD, "the partner economy; World for all"),
    TidyColumn("flow", "text", True, True, None, "a tradestats.Flow value, such as exports"),
    TidyColumn("product", "text", False, True, TOTAL_PRODUCT, "an HS code or product group"),
    TidyColumn("period", "text", True, True, None, "a period in ISO form, such as 2023-07"),
    TidyColumn("value", "number", True, False, None, "whole units of the currency"),
    TidyColumn("currency", "text", True, True, None, "an ISO 4217 code"),
    TidyColumn("valuation", "text", False, False, None, "fob or cif"),
    TidyColumn("status", "text", False, False, None, "a tradestats.Status value, such as final"),
    TidyColumn("source", "text", False, False, None, "where the figure comes from"),
)
#: The columns of a published figure's exactness, which a loader adds, after the canonical
#: ones, when its source publishes them (SDMX does, with UNIT_MULT and DECIMALS), so that a
#: row can become a :class:`~tradestats.Reported` figure checked within its rounding.
PUBLISHED_SCHEMA: Final = (
    TidyColumn(
        "exact_value", "text", False, False, None, "value as an exact decimal, in whole units"
    ),
    TidyColumn(
        "precision", "text", False, False, None, "half a unit of the last digit published, exact"
    ),
    TidyColumn("scale", "integer", False, False, None, "the power of ten the source shows"),
)
#: The names of the published-figure columns, in order.
PUBLISHED_COLUMNS: Final = tuple(column.name for column in PUBLISHED_SCHEMA)
#: The columns of a figure's vintage, which a frame has when it holds several releases of
#: one series (a first estimate and its revisions): the release that published the row,
#: and the day it did. :func:`tradestats.tables.revisions` lines the vintages up.
VINTAGE_SCHEMA: Final = (
    TidyColumn("release", "text", False, False, None, "the release that published the figure"),
    TidyColumn("as_of", "text", False, False, None, "the day it was published, ISO 8601"),
)
#: The names of the vintage columns, in order.
VINTAGE_COLUMNS: Final = tuple(column.name for column in VINTAGE_SCHEMA)
#: The names of the canonical columns, in order.
TIDY_COLUMNS: Final = tuple(column.name for column in TIDY_SCHEMA)
#: The columns that identify a figure: none may be empty.
KEY_COLUMNS: Final = tuple(column.name for column in TIDY_SCHEMA if column.key)
#: The columns a source must have, currency aside (it may be declared instead).
REQUIRED_COLUMNS: Final = tuple(
    column.name for column in TIDY_SCHEMA if column.required and column.name != "currency"
)
_DEFAULTS: Final = {column.name: column.default for column in TIDY_SCHEMA if column.default}
_ENUMS: Final[dict[str, type[enum.Enum]]] = {"valuation": Valuation, "status": Status}
_NUMBER: Final = r"^\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$"


# -- the canonical form of each checked column -----------------------------------------------


def _flow(text: str) -> str:
    try:
        return Flow(text.strip().lower()).value
    except ValueError:
        choices = ", ".join(repr(flow.value) for flow in Flow)
        raise InvalidValueError(f"unknown flow {quote(text)}: expected one of {choices}") from None


def _period(text: str) -> str:
    return Period.parse(text).isoformat()


def _day(text: str) -> str:
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise ParseError(f"expected a day such as 2022-08-15, got {quote(text)}") from None


def canonical_currency(text: str) -> str:
    """The ISO 4217 code ``text`` names, in any case (the one shared currency-code check).

    Raises:
        UnknownUnitError: If ``text`` is not a currency.

    >>> canonical_currency("usd")
    'USD'
    """
    return currency_code(text)


def _member(kind: type[enum.Enum]) -> Callable[[str], str]:
    def check(text: str) -> str:
        return str(enum_member(kind, text, what=kind.__name__.lower()).value)

    return check


_CANONICAL: Final[dict[str, Callable[[str], str]]] = {
    "flow": _flow,
    "period": _period,
    "currency": canonical_currency,
    **{name: _member(kind) for name, kind in _ENUMS.items()},
    "as_of": _day,
}


# -- the checks -------------------------------------------------------------------------------


def complete(
    frame: nw.DataFrame[Any], names: Sequence[str], where: str, declared: str | None
) -> nw.DataFrame[Any]:
    """Add the defaults of missing optional columns; refuse a frame without a required one.

    Args:
        frame: The source's columns, under their tidy names.
        names: The columns the source has (a file's header).
        where: The source, for the message (``"figures.csv"``, ``"the DataFrame"``).
        declared: The currency of every value, checked (see :func:`canonical_currency`),
            for a source without a ``currency`` column; else None.

    Raises:
        ParseError: For a missing required column.
        InvalidValueError: For a currency both declared and in a column.
    """
    required = [*REQUIRED_COLUMNS, *(() if declared is not None else ("currency",))]
    missing = [name for name in required if name not in names]
    if missing:
        raise ParseError(
            f"{where}: no column {quote(missing[0])}; the tidy format needs "
            f"{', '.join(map(repr, required))} (found {quote_all(names) or 'none'})",
            source=where,
            column=missing[0],
        )
    if declared is not None and "currency" in names:
        raise InvalidValueError(
            f"{where} has a 'currency' column and currency={quote(declared)} was given: "
            "drop the argument, or the column",
            source=where,
            currency=declared,
        )
    extra = {name: nw.lit(text) for name, text in _DEFAULTS.items() if name not in names}
    if declared is not None:
        extra["currency"] = nw.lit(declared)
    return frame.with_columns(**extra) if extra else frame


def check_keys(
    frame: nw.DataFrame[Any],
    where: RowLabel,
    *,
    keys: Sequence[str] = KEY_COLUMNS,
    derived_from: str | None = None,
) -> None:
    """Refuse the first row with an empty key.

    Args:
        frame: A frame with the ``keys`` columns.
        where: The row label of the source.
        keys: The key columns to check, in the order they are checked.
        derived_from: For keys a loader derives from other columns, what they
            come from; only a null is then empty (and the message says where it
            came from). Without it, the keys are text from the source, and a
            blank one is empty too.

    Raises:
        ParseError: Naming the row and the column.
    """
    for name in keys:
        column = nw.col(name).cast(nw.String())
        empty = column.is_null()
        if derived_from is None:
            empty = empty | (column.str.strip_chars() == "")
        bad = first_row(frame, empty)
        if bad is None:
            continue
        if derived_from is None:
            message = f"{where(bad['_row'])}, column {name!r}: empty, expected a {name}"
        else:
            message = f"{where(bad['_row'])}: no {name}: {derived_from}"
        raise ParseError(message, row=bad["_row"], column=name)


def check_values(frame: nw.DataFrame[Any], where: RowLabel) -> nw.Expr:
    """The ``value`` column as float64, once every value is a finite number or null.

    Text values (from a file read as text) must read as numbers.

    Raises:
        ParseError: For text that is not a number.
        InvalidValueError: For NaN or an infinity.
    """
    value = nw.col("value")
    if frame.schema["value"] == nw.String():
        # pandas answers False, not null, for a null, hence the explicit test.
        bad = first_row(
            frame, ~value.is_null() & ~value.str.contains(_NUMBER).fill_null(value=True)
        )
        if bad is not None:
            raise ParseError(
                f"{where(bad['_row'])}, column 'value': expected a number such as 1830.5 "
                f"or 1.83e11, or nothing, got {quote(bad['value'])}",
                row=bad["_row"],
                column="value",
                value=bad["value"],
            )
        value = value.str.strip_chars()
    value = value.cast(nw.Float64())
    bad = first_row(frame, ~value.is_null() & ~value.is_finite())
    if bad is not None:
        raise InvalidValueError(
            f"{where(bad['_row'])}, column 'value': expected a finite number, got "
            f"{quote(bad['value'])}",
            row=bad["_row"],
            column="value",
            value=bad["value"],
        )
    return value


def canonical(frame: nw.DataFrame[Any], name: str, where: RowLabel) -> nw.Expr:
    """Column ``name`` (flow, period, currency, valuation or status) in canonical form.

    Each distinct value is checked once.

    Raises:
        InvalidValueError: For an unknown flow, valuation or status.
        ParseError: For a period that does not parse.
        UnknownUnitError: For an unknown currency.
    """
    column = nw.col(name).cast(nw.String())
    mapping: dict[str, str] = {}
    for text in frame.select(column.drop_nulls().unique())[name].to_list():
        try:
            mapping[text] = _CANONICAL[name](text)
        except TradeStatsError as error:
            bad = first_row(frame, column == text)
            assert bad is not None
            raise type(error)(
                f"{where(bad['_row'])}, column {name!r}: {error.message}",
                row=bad["_row"],
                column=name,
                value=text,
            ) from None
    if not mapping:
        return column
    return column.replace_strict(mapping, return_dtype=nw.String())


def validated(frame: nw.DataFrame[Any], where: RowLabel) -> nw.DataFrame[Any]:
    """The frame in canonical form, or an error naming the first bad row and column.

    Runs every check in turn: keys, values, then the canonical form of each
    checked column the frame has; the schema's columns come first, in order,
    then the published-figure columns (:data:`PUBLISHED_SCHEMA`) it has, then its
    vintage columns (:data:`VINTAGE_SCHEMA`, ``as_of`` as an ISO day), then any
    other columns, as text.

    Raises:
        ParseError: For an empty key, or a value or period that does not parse.
        InvalidValueError: For an unknown flow, valuation or status, or an
            infinite value.
        UnknownUnitError: For an unknown currency.
    """
    check_keys(frame, where)
    value = check_values(frame, where)
    recoded = [canonical(frame, name, where).alias(name) for name in _CANONICAL if name in frame]
    vintage = [nw.col(name).cast(nw.String()) for name in ("release",) if name in frame]
    keys = [nw.col(name).cast(nw.String()) for name in ("reporter", "partner", "product")]
    published = [
        nw.col(column.name).cast(column.dtype())
        for column in PUBLISHED_SCHEMA
        if column.name in frame
    ]
    known = (*TIDY_COLUMNS, *PUBLISHED_COLUMNS, *VINTAGE_COLUMNS)
    rest = [nw.col(name).cast(nw.String()) for name in frame.columns if name not in known]
    tidy = frame.with_columns(*recoded, *keys, value.alias("value"), *published, *vintage, *rest)
    order = [name for name in known if name in frame.columns]
    return tidy.select(*order, *(name for name in frame.columns if name not in order))


def raise_duplicate(keys: dict[str, Any], period: str, start: int, months: int) -> None:
    """Raise the error for two rows with the same keys and period.

    Args:
        keys: The rows' key values, by column.
        period: The name of the period column.
        start: The period's first month index.
        months: The period's length in months.

    Raises:
        DuplicateKeyError: Always.
    """
    when = Period.from_month_indices(start, start + months - 1).isoformat()
    shown = ", ".join(f"{name}={quote(value)}" for name, value in keys.items())
    raise DuplicateKeyError(
        f"two rows have {shown} and {period}={quote(when)}: each key may have one row per period; "
        "aggregate or drop the duplicates first",
        keys=keys,
        period=when,
    )
