"""Load UN Comtrade data, from its API's JSON or from CSV and bulk files, as a tidy frame.

UN Comtrade publishes one record per reporter, partner, flow, commodity and
period, with values in US dollars. Its API answers with a JSON object whose
``data`` array holds the records; its bulk files are tab-separated text (often
gzipped); its web downloads are CSV. The column names are the same everywhere
(``refYear``, ``refMonth``, ``period``, ``reporterCode``, ``reporterISO``,
``flowCode``, ``partnerCode``, ``partnerISO``, ``cmdCode``, ``primaryValue``,
``cifvalue``, ``fobvalue``, ``netWgt``, ``qty``, …) except for their letter
case, which varies between endpoints (``RefYear``, ``ReporterCode``), so they
are matched in any case.

The loaders give the canonical tidy columns that every table function reads:

============  ==========================================================================
column        from Comtrade
============  ==========================================================================
reporter      ``reporterISO`` (such as ``"CHN"``), else ``reporterCode`` as text
partner       ``"World"`` for ``partnerCode`` 0 or ``partnerISO`` ``"W00"``; else the ISO
              code, else the numeric code as text
flow          ``flowCode`` X, M, RX, RM as ``"exports"``, ``"imports"``, ``"re-exports"``,
              ``"re-imports"``; any other code (such as DX, FM) kept as it is
product       ``cmdCode`` as text: an HS code such as ``"8703"``, or ``"TOTAL"``
period        ``"2023"`` for annual rows (``refMonth`` 52), ``"2023-07"`` for monthly ones;
              from ``refYear`` and ``refMonth``, else from ``period`` (``2023``, ``202307``)
value         ``primaryValue`` (or ``cifvalue`` or ``fobvalue``, see ``value=``), float64 US
              dollars; a null stays null
currency      ``"USD"``
============  ==========================================================================

and keep, when the source has them: ``cif_value``, ``fob_value`` (US dollars),
``net_weight_kg`` (``netWgt``), ``qty`` and ``qty_unit`` (``qtyUnitAbbr``), and
the original ``reporter_code``, ``partner_code``, ``flow_code`` and ``cmd_code``.
Other columns are not read.

>>> from tradestats.tables.comtrade import read_comtrade_json
>>> frame = read_comtrade_json("tests/data/comtrade/annual_api.json", engine="polars")
>>> frame.select("reporter", "partner", "flow", "product", "period", "value", "currency").row(0)
('CHN', 'World', 'imports', '8703', '2022', 54092376221.0, 'USD')
"""

from __future__ import annotations

import json
import os
import types
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

import narwhals as nw

from tradestats._text import quote, quote_all
from tradestats.errors import InvalidValueError, ParseError
from tradestats.flows import WORLD
from tradestats.tables._io import (
    INT64_RANGE,
    Kind,
    PathLike,
    choose_engine,
    dtype,
    first_row,
    header,
    read_csv,
)
from tradestats.tables._native import Frame, open_frame
from tradestats.tables._schema import KEY_COLUMNS, TIDY_COLUMNS, check_keys

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

__all__ = [
    "COMTRADE_FLOWS",
    "COMTRADE_VALUE_COLUMNS",
    "read_comtrade_csv",
    "read_comtrade_json",
    "tidy_comtrade",
]

FrameT = TypeVar("FrameT")

#: Comtrade flow codes and the core :class:`~tradestats.Flow` values they become.
COMTRADE_FLOWS: Final[Mapping[str, str]] = types.MappingProxyType(
    {"X": "exports", "M": "imports", "RX": "re-exports", "RM": "re-imports"}
)

#: The Comtrade columns a loader can take the ``value`` column from.
COMTRADE_VALUE_COLUMNS: Final = ("primaryValue", "cifvalue", "fobvalue")

#: Every source column a loader reads, with the kind it is read as.
_SOURCE: Final[Mapping[str, Kind]] = types.MappingProxyType(
    {
        "refYear": "int",
        "refMonth": "int",
        "period": "str",
        "reporterCode": "int",
        "reporterISO": "str",
        "flowCode": "str",
        "partnerCode": "int",
        "partnerISO": "str",
        "cmdCode": "str",
        "primaryValue": "float",
        "cifvalue": "float",
        "fobvalue": "float",
        "netWgt": "float",
        "qty": "float",
        "qtyUnitAbbr": "str",
    }
)

#: Kept columns: output name → source column.
_EXTRAS: Final = (
    ("cif_value", "cifvalue"),
    ("fob_value", "fobvalue"),
    ("net_weight_kg", "netWgt"),
    ("qty", "qty"),
    ("qty_unit", "qtyUnitAbbr"),
    ("reporter_code", "reporterCode"),
    ("partner_code", "partnerCode"),
    ("flow_code", "flowCode"),
    ("cmd_code", "cmdCode"),
)
_ANNUAL: Final = 52
_WORLD_ISO: Final = "W00"
#: Comtrade values are in US dollars.
_CURRENCY: Final = "USD"
#: The keys built from Comtrade's columns; the currency, a constant, cannot be empty.
_KEYS: Final = tuple(name for name in KEY_COLUMNS if name != "currency")
_EMPTY_KEY: Final = "the Comtrade columns it comes from are empty"


def _value_column(value: str) -> str:
    for name in COMTRADE_VALUE_COLUMNS:
        if name.lower() == value.lower():
            return name
    raise InvalidValueError(
        f"unknown value column {quote(value)}: expected one of "
        f"{', '.join(map(repr, COMTRADE_VALUE_COLUMNS))}",
        value=value,
    )


def _resolve(names: Sequence[str], where: str, value: str) -> dict[str, str]:
    """Map the Comtrade names this loader reads to the names used in the source, in any case."""
    by_lower: dict[str, str] = {}
    for name in names:
        key = name.strip().lower()
        if key in by_lower:
            raise ParseError(
                f"{where}: columns {quote(by_lower[key])} and {quote(name)} differ only in "
                f"letter case",
                source=where,
                column=name,
            )
        by_lower[key] = name
    found = {wanted: by_lower[wanted.lower()] for wanted in _SOURCE if wanted.lower() in by_lower}
    needed = [
        (value,),
        ("flowCode",),
        ("cmdCode",),
        ("reporterISO", "reporterCode"),
        ("partnerISO", "partnerCode"),
    ]
    for choices in needed:
        if not any(choice in found for choice in choices):
            raise ParseError(
                f"{where}: no column {' or '.join(map(repr, choices))} (in any letter case); "
                f"found {quote_all(names) or 'none'}",
                source=where,
                column=choices[0],
            )
    if "period" not in found and not {"refYear", "refMonth"} <= found.keys():
        raise ParseError(
            f"{where}: no 'refYear' and 'refMonth' columns, nor a 'period' column "
            f"(in any letter case); found {quote_all(names) or 'none'}",
            source=where,
            column="period",
        )
    return found


def _flow(code: nw.Expr) -> nw.Expr:
    return code.replace_strict(dict(COMTRADE_FLOWS), default=code, return_dtype=nw.String())


def _period(present: set[str]) -> nw.Expr:
    if {"refYear", "refMonth"} <= present:
        year = nw.col("refYear").cast(nw.String())
        month = nw.col("refMonth").cast(nw.String()).str.zfill(2)
        return (
            nw.when(nw.col("refMonth") == _ANNUAL)
            .then(year)
            .otherwise(nw.concat_str([year, nw.lit("-"), month]))
        )
    text = nw.col("period").str.strip_chars()
    monthly = nw.concat_str([text.str.slice(0, 4), nw.lit("-"), text.str.slice(4, 2)])
    return nw.when(text.str.len_chars() == 6).then(monthly).otherwise(text)


def _place(iso: str, code: str, present: set[str]) -> nw.Expr:
    choices = [nw.col(iso)] if iso in present else []
    if code in present:
        choices.append(nw.col(code).cast(nw.String()))
    return choices[0] if len(choices) == 1 else nw.coalesce(*choices)


def _partner(present: set[str]) -> nw.Expr:
    world: nw.Expr | None = None
    if "partnerCode" in present:
        world = nw.col("partnerCode") == 0
    if "partnerISO" in present:
        iso_world = nw.col("partnerISO") == _WORLD_ISO
        world = iso_world if world is None else (world | iso_world).fill_null(value=False)
    place = _place("partnerISO", "partnerCode", present)
    assert world is not None  # _resolve requires partnerCode or partnerISO
    return nw.when(world.fill_null(value=False)).then(nw.lit(WORLD)).otherwise(place)


@overload
def _tidy(frame: nw.DataFrame[Any], present: set[str], value: str) -> nw.DataFrame[Any]: ...
@overload
def _tidy(frame: nw.LazyFrame[Any], present: set[str], value: str) -> nw.LazyFrame[Any]: ...
def _tidy(frame: Frame, present: set[str], value: str) -> Frame:
    """The tidy columns from a narwhals frame whose columns carry Comtrade's own names."""
    mapped = {
        "reporter": _place("reporterISO", "reporterCode", present),
        "partner": _partner(present),
        "flow": _flow(nw.col("flowCode")),
        "product": nw.col("cmdCode").cast(nw.String()).str.strip_chars(),
        "period": _period(present),
        "value": nw.col(value).cast(nw.Float64()),
        "currency": nw.lit(_CURRENCY),
    }
    columns = [mapped[name].alias(name) for name in TIDY_COLUMNS if name in mapped]
    columns += [nw.col(source).alias(name) for name, source in _EXTRAS if source in present]
    return frame.select(*columns)


def _check(frame: nw.DataFrame[Any], present: set[str], where: Callable[[int], str]) -> None:
    """Raise for the first row with an impossible period or a null key."""
    if {"refYear", "refMonth"} <= present:
        month, year = nw.col("refMonth"), nw.col("refYear")
        good = (
            year.is_between(1, 9999) & (month.is_between(1, 12) | (month == _ANNUAL))
        ).fill_null(value=False)
        bad = first_row(frame, ~good)
        if bad is not None:
            raise ParseError(
                f"{where(bad['_row'])}: refYear {quote(bad['refYear'])} and refMonth "
                f"{quote(bad['refMonth'])} name no period: expected a year and a month "
                f"from 1 to 12, "
                f"or 52 for the whole year",
                row=bad["_row"],
                column="refMonth",
                value=bad["refMonth"],
            )
    elif "period" in present:
        pattern = r"^\s*[0-9]{4}(?:0[1-9]|1[0-2])?\s*$"
        bad = first_row(frame, ~nw.col("period").str.contains(pattern).fill_null(value=False))
        if bad is not None:
            raise ParseError(
                f"{where(bad['_row'])}: period {quote(bad['period'])} is not a year (2023) or a "
                f"year and month (202307)",
                row=bad["_row"],
                column="period",
                value=bad["period"],
            )
    for name in present - {"refYear", "refMonth", "period"}:
        if _SOURCE[name] == "float":
            column = nw.col(name)
            bad = first_row(frame, ~column.is_null() & ~column.is_finite())
            if bad is not None:
                raise InvalidValueError(
                    f"{where(bad['_row'])}: column {quote(name)} holds {quote(bad[name])}: "
                    f"expected a "
                    f"finite number or nothing",
                    row=bad["_row"],
                    column=name,
                    value=bad[name],
                )


def tidy_comtrade(frame: FrameT, *, value: str = "primaryValue") -> FrameT:
    """The tidy columns of a frame that holds Comtrade records, as the same kind of frame.

    Use this on a frame you already have, such as the pandas frame that the
    ``comtradeapicall`` package returns, or a Dask or polars lazy frame of bulk
    files: the columns are renamed and recoded as the module describes. Eager
    frames are also checked (periods, null keys, non-finite numbers); lazy ones
    are not, so that nothing is computed here.

    Args:
        frame: Any frame narwhals supports, with Comtrade's columns in any letter case.
        value: Which Comtrade column becomes ``value``: ``"primaryValue"``,
            ``"cifvalue"`` or ``"fobvalue"``.

    Returns:
        A frame of the kind given, with the tidy columns and the kept extras.

    Raises:
        ParseError: For a missing column, an impossible period or a null key.
        InvalidValueError: For an unknown ``value`` column or a non-finite number.

    >>> import polars as pl
    >>> records = pl.DataFrame({"RefYear": [2023], "RefMonth": [7], "ReporterISO": ["CHN"],
    ...     "FlowCode": ["X"], "PartnerCode": [0], "CmdCode": ["TOTAL"], "PrimaryValue": [2.8e11]})
    >>> tidy_comtrade(records).row(0)
    ('CHN', 'World', 'exports', 'TOTAL', '2023-07', 280000000000.0, 'USD', 0, 'X', 'TOTAL')
    """
    wanted = _value_column(value)
    native = open_frame(frame)
    found = _resolve(native.columns, f"the {type(frame).__name__}", wanted)
    renamed = native.rename({actual: name for name, actual in found.items() if actual != name})
    present = set(found)
    if isinstance(renamed, nw.DataFrame):
        where = _row_label
        _check(renamed, present, where)
        tidy = _tidy(renamed, present, wanted)
        check_keys(tidy, where, keys=_KEYS, derived_from=_EMPTY_KEY)
        return tidy.to_native()  # type: ignore[no-any-return]
    return _tidy(renamed, present, wanted).to_native()  # type: ignore[no-any-return]


def _row_label(row: int) -> str:
    return f"row {row}"


def read_comtrade_csv(
    path: PathLike,
    *,
    engine: str | None = None,
    value: str = "primaryValue",
    lazy: bool = False,
) -> Any:
    """Read a Comtrade CSV download or bulk file into a tidy frame.

    Comma- and tab-separated files are told apart by their header line, so
    bulk files (``.txt``, tab-separated) and web downloads (``.csv``) both
    work; a name ending in ``.gz`` is decompressed. Only the columns in the
    module's table are read, with ``cmdCode`` as text so that ``"0101"`` keeps
    its leading zero.

    Args:
        path: The file.
        engine: ``"polars"``, ``"pandas"`` or ``"pyarrow"``; by default the first
            of them that is installed.
        value: Which Comtrade column becomes ``value``: ``"primaryValue"``,
            ``"cifvalue"`` or ``"fobvalue"``.
        lazy: Return a polars ``LazyFrame`` that scans the file when collected,
            for files larger than memory (needs polars; the values are checked
            only by polars' own casts, when the frame is collected).

    Returns:
        A polars DataFrame (or LazyFrame), a pandas DataFrame or a pyarrow Table.

    Raises:
        ParseError: Naming the file, line and column of a missing column, a field
            that is not a number, an impossible period or a null key.
        InvalidValueError: For an unknown engine or value column, or a number
            that is not finite.
        ImportError: If the engine is not installed.

    >>> frame = read_comtrade_csv("tests/data/comtrade/monthly_bulk.txt", engine="pandas")
    >>> frame.loc[1, ["reporter", "partner", "flow", "product", "period"]].tolist()
    ['CHN', 'World', 'exports', '8703', '2022-06']
    >>> float(frame.loc[1, "value"]), frame.loc[1, "currency"]
    (2808374880.66, 'USD')
    """
    chosen = choose_engine("polars" if lazy else engine)
    wanted = _value_column(value)
    where = os.fspath(path)
    names, separator = header(path)
    found = _resolve(names, where, wanted)
    raw = read_csv(
        path,
        engine=chosen,
        separator=separator,
        columns={actual: _SOURCE[name] for name, actual in found.items()},
        lazy=lazy,
    )
    renamed = raw.rename({actual: name for name, actual in found.items() if actual != name})
    present = set(found)
    if isinstance(renamed, nw.LazyFrame):
        return _tidy(renamed, present, wanted).to_native()

    def line(row: int) -> str:
        return f"{where}, line {row + 2}"

    _check(renamed, present, line)
    tidy = _tidy(renamed, present, wanted)
    check_keys(tidy, line, keys=_KEYS, derived_from=_EMPTY_KEY)
    return tidy.to_native()


def read_comtrade_json(
    source: PathLike | Mapping[str, Any],
    *,
    engine: str | None = None,
    value: str = "primaryValue",
) -> Any:
    """Read a UN Comtrade API response into a tidy frame.

    Args:
        source: A JSON file saved from the API, or the response already parsed
            (a mapping with a ``data`` list of records, as ``response.json()``
            gives).
        engine: ``"polars"``, ``"pandas"`` or ``"pyarrow"``; by default the first
            of them that is installed.
        value: Which Comtrade column becomes ``value``: ``"primaryValue"``,
            ``"cifvalue"`` or ``"fobvalue"``.

    Returns:
        A polars DataFrame, a pandas DataFrame or a pyarrow Table.

    Raises:
        ParseError: For a response with an ``error``, without a ``data`` list, or
            with a record whose field has the wrong type, naming the record
            (``data[3]``) and field; and as :func:`read_comtrade_csv` does.
        InvalidValueError: For an unknown engine or value column, or a number
            that is not finite.
        ImportError: If the engine is not installed.

    >>> frame = read_comtrade_json("tests/data/comtrade/annual_api.json", engine="pyarrow")
    >>> frame.num_rows, frame.column("period").unique().to_pylist()
    (32, ['2022', '2023'])
    """
    chosen = choose_engine(engine)
    wanted = _value_column(value)
    if isinstance(source, str | os.PathLike):
        where = os.fspath(source)
        with open(where, encoding="utf-8-sig") as stream:
            try:
                response = json.load(stream)
            except json.JSONDecodeError as error:
                raise ParseError(f"{where}: not JSON: {error}", source=where) from None
            except UnicodeDecodeError as error:
                raise ParseError(
                    f"{where}: not UTF-8 text: byte 0x{error.object[error.start]:02x} at "
                    f"offset {error.start}",
                    source=where,
                ) from None
            except (ValueError, RecursionError):  # a 4,300-digit number; nesting too deep
                raise ParseError(
                    f"{where}: not JSON that can be read: a number too long or nesting too deep",
                    source=where,
                ) from None
    else:
        where, response = "the Comtrade response", source
    records = _records(response, where)
    names = list(records[0]) if records else list(_SOURCE)
    found = _resolve(names, where, wanted)
    columns = _columns(records, found, where)
    schema = {name: dtype(_SOURCE[name]) for name in columns}
    raw = nw.from_dict(columns, schema=schema, backend=chosen)

    def record(row: int) -> str:
        return f"{where}, data[{row}]"

    present = set(found)
    _check(raw, present, record)
    tidy = _tidy(raw, present, wanted)
    check_keys(tidy, record, keys=_KEYS, derived_from=_EMPTY_KEY)
    return tidy.to_native()


def _records(response: object, where: str) -> list[Mapping[str, Any]]:
    if not isinstance(response, dict):
        raise ParseError(
            f"{where}: expected a JSON object with a 'data' list, got {type(response).__name__}",
            source=where,
        )
    if response.get("error"):
        raise ParseError(f"{where}: the API answered with an error: {response['error']}")
    records = response.get("data")
    if not isinstance(records, list) or not all(isinstance(item, dict) for item in records):
        raise ParseError(
            f"{where}: expected a 'data' list of records, got {type(records).__name__}",
            source=where,
        )
    return records


def _columns(
    records: Sequence[Mapping[str, Any]], found: Mapping[str, str], where: str
) -> dict[str, list[Any]]:
    """One list per Comtrade column, fields checked against their kind."""
    columns: dict[str, list[Any]] = {name: [] for name in found}
    for index, record in enumerate(records):
        lower: dict[str, Any] | None = None
        for name, key in found.items():
            if key in record:
                field = record[key]
            else:  # another record may spell its keys in another case
                lower = lower or {k.lower(): v for k, v in record.items()}
                field = lower.get(name.lower())
            columns[name].append(_field(field, _SOURCE[name], name, f"{where}, data[{index}]"))
    return columns


_FLOAT_LIMIT: Final = 2**1024  # the first whole number float() refuses


def _field(field: object, kind: Kind, name: str, where: str) -> object:
    if field is None:
        return None
    if kind == "str" and isinstance(field, str):
        return _encodable(field, name, where)
    if (
        kind == "str"
        and isinstance(field, int)
        and not isinstance(field, bool)
        and name != "cmdCode"
    ):
        return str(field)
    # Whole numbers go into 64-bit columns, and a float holds at most about 1.8e308.
    if kind == "int" and isinstance(field, int) and not isinstance(field, bool):
        if field in INT64_RANGE:
            return field
        raise ParseError(
            f"{where}: field {quote(name)} holds {quote(field)}: expected a whole number "
            "within 64 bits or null",
            source=where,
            column=name,
            value=field,
        )
    if kind == "float" and isinstance(field, float):
        return field
    if kind == "float" and isinstance(field, int) and not isinstance(field, bool):
        if abs(field) < _FLOAT_LIMIT:
            return float(field)
        raise ParseError(
            f"{where}: field {quote(name)} holds {quote(field)}: expected a number a float "
            "can hold or null",
            source=where,
            column=name,
            value=field,
        )
    expected = {"str": "text", "int": "a whole number", "float": "a number"}[kind]
    if name == "cmdCode":
        expected = "text (a commodity code keeps its leading zeros, as in '0101')"
    raise ParseError(
        f"{where}: field {quote(name)} holds {quote(field)}: expected {expected} or null",
        source=where,
        column=name,
        value=field,
    )


def _encodable(text: str, name: str, where: str) -> str:
    """``text`` if it is Unicode text; a lone surrogate (escaped in JSON) is none.

    Every engine stores text as UTF-8 and would raise UnicodeEncodeError on one.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ParseError(
            f"{where}: field {quote(name)} holds {quote(text)}, with a lone surrogate "
            f"{quote(text[error.start])} at position {error.start}: expected Unicode text",
            source=where,
            column=name,
            value=text,
            position=error.start,
        ) from None
    return text
