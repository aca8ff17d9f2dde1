"""Private helpers of the loaders: picking an engine, reading typed CSV columns, naming bad rows.

The loaders read files with the engine's own CSV reader (fast, multi-threaded
where the engine is) and reshape the result with narwhals, so one code path
serves polars, pandas and pyarrow. When an engine refuses a file, the file is
scanned again with the :mod:`csv` module to name the line, column and value.
"""

from __future__ import annotations

import csv
import gzip
import importlib
import importlib.util
import math
import os
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import narwhals as nw

from tradestats._text import quote
from tradestats.errors import InvalidValueError, ParseError
from tradestats.tables._native import is_panic

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from narwhals.dtypes import DType

__all__ = [
    "ENGINES",
    "Engine",
    "Kind",
    "PathLike",
    "choose_engine",
    "dtype",
    "first_row",
    "header",
    "read_csv",
]

#: The eager engines a loader can return.
Engine: TypeAlias = Literal["polars", "pandas", "pyarrow"]
ENGINES: Final[tuple[Engine, ...]] = ("polars", "pandas", "pyarrow")

#: What a column is read as: text, a float64 number, or an int64 whole number.
Kind: TypeAlias = Literal["str", "float", "int"]

PathLike: TypeAlias = str | os.PathLike[str]

_DTYPES: Final = {"str": nw.String(), "float": nw.Float64(), "int": nw.Int64()}


#: The whole numbers an int column holds: 64-bit in every engine.
INT64_RANGE: Final = range(-(2**63), 2**63)


def choose_engine(engine: str | None) -> Engine:
    """``engine`` checked and installed, or the first installed of polars, pandas and pyarrow.

    Raises:
        InvalidValueError: For an engine tradestats does not read into.
        ImportError: If the engine (or, with ``None``, every engine) is missing,
            naming the extra to install.
    """
    if engine is None:
        for name in ENGINES:
            if importlib.util.find_spec(name) is not None:
                return name
        raise ImportError(
            "reading tables needs polars, pandas or pyarrow: "
            'pip install "tradestats[polars]" (or [pandas], [pyarrow])'
        )
    for name in ENGINES:
        if engine == name:
            if importlib.util.find_spec(name) is None:
                raise ImportError(
                    f'engine {quote(name)} is not installed: pip install "tradestats[{name}]"'
                )
            return name
    raise InvalidValueError(
        f"unknown engine {quote(engine)}: expected one of {', '.join(map(repr, ENGINES))}",
        value=engine,
    )


def _open(path: PathLike) -> Any:
    text = os.fspath(path)
    if text.endswith(".gz"):
        return gzip.open(text, "rt", encoding="utf-8-sig", newline="")
    return open(text, encoding="utf-8-sig", newline="")


def header(path: PathLike) -> tuple[list[str], str]:
    """The column names of a CSV or tab-separated file and its separator (tab or comma).

    Raises:
        ParseError: For an empty file, or one that is not UTF-8 text.
    """
    try:
        with _open(path) as stream:
            first = stream.readline()
    except UnicodeDecodeError as error:
        raise ParseError(
            f"{os.fspath(path)}: not UTF-8 text: byte 0x{error.object[error.start]:02x} in the "
            "header line",
            path=path,
        ) from None
    if not first.strip():
        raise ParseError(f"{os.fspath(path)}: the file is empty, expected a header line", path=path)
    separator = "\t" if "\t" in first else ","
    try:
        names = next(csv.reader([first], delimiter=separator))
    except csv.Error as error:  # such as a field beyond the csv module's 128 KiB limit
        raise ParseError(
            f"{os.fspath(path)}: cannot read the header line: {error}", path=path
        ) from None
    return [name.strip() for name in names], separator


def read_csv(
    path: PathLike,
    *,
    engine: Engine,
    separator: str,
    columns: Mapping[str, Kind],
    lazy: bool = False,
) -> nw.DataFrame[Any] | nw.LazyFrame[Any]:
    """Read ``columns`` (file name → kind) of a CSV file with the engine's own reader.

    Empty fields are nulls. ``lazy`` scans with polars instead (its errors then
    come when the frame is collected).

    Raises:
        ParseError: Naming the line, column and value the engine could not read.
    """
    names = list(columns)
    try:
        if lazy:
            pl = _module("polars")
            polars_types = {"str": pl.String, "float": pl.Float64, "int": pl.Int64}
            scan = pl.scan_csv(
                os.fspath(path),
                separator=separator,
                schema_overrides={name: polars_types[kind] for name, kind in columns.items()},
            ).select(names)
            lazy_frame: nw.LazyFrame[Any] = nw.from_native(scan)
            return lazy_frame
        return _read_eager(path, engine=engine, separator=separator, columns=columns)
    except OSError:
        raise
    except BaseException as error:
        # Engines raise their own exception types (polars' ComputeError, pyarrow's
        # ArrowInvalid, ..., and polars' PanicException, a BaseException, on some bad
        # files): find the bad field ourselves, or pass the message on.
        if not isinstance(error, Exception) and not is_panic(error):
            raise
        _diagnose(path, separator, columns)
        raise ParseError(
            f"{os.fspath(path)}: cannot read the file: {quote(str(error))}", path=path
        ) from None


def _module(name: str) -> Any:
    """Import an engine only when it is used (and untyped: not every engine ships stubs)."""
    return importlib.import_module(name)


def _read_eager(
    path: PathLike, *, engine: Engine, separator: str, columns: Mapping[str, Kind]
) -> nw.DataFrame[Any]:
    names = list(columns)
    if engine == "polars":
        pl = _module("polars")
        polars_types = {"str": pl.String, "float": pl.Float64, "int": pl.Int64}
        native = pl.read_csv(
            os.fspath(path),
            separator=separator,
            columns=names,
            schema_overrides={name: polars_types[kind] for name, kind in columns.items()},
        )
    elif engine == "pandas":
        pd = _module("pandas")
        pandas_types = {"str": "str", "float": "float64", "int": "Int64"}
        native = pd.read_csv(
            path,
            sep=separator,
            usecols=names,
            dtype={name: pandas_types[kind] for name, kind in columns.items()},
            keep_default_na=False,
            na_values=[""],
        )[names]
    else:
        pa, pacsv = _module("pyarrow"), _module("pyarrow.csv")
        arrow_types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64()}
        native = pacsv.read_csv(
            path,
            parse_options=pacsv.ParseOptions(delimiter=separator),
            convert_options=pacsv.ConvertOptions(
                include_columns=names,
                column_types={name: arrow_types[kind] for name, kind in columns.items()},
                strings_can_be_null=True,
                null_values=[""],
            ),
        )
    return nw.from_native(native, eager_only=True)


def _rows(path: PathLike, separator: str) -> Iterator[dict[str, str]]:
    with _open(path) as stream:
        try:
            yield from csv.DictReader(stream, delimiter=separator)
        except (csv.Error, UnicodeDecodeError) as error:  # a field over 128 KiB; bad bytes
            raise ParseError(
                f"{os.fspath(path)}: cannot read the file: {error}", path=path
            ) from None


def _diagnose(path: PathLike, separator: str, columns: Mapping[str, Kind]) -> None:
    """Raise a :class:`ParseError` for the first field that is not of its column's kind."""
    for line, row in enumerate(_rows(path, separator), start=2):
        for name, kind in columns.items():
            text = (row.get(name) or "").strip()
            if kind == "str" or not text:
                continue
            try:
                number = float(text) if kind == "float" else int(text)
            except ValueError:
                expected = "a number" if kind == "float" else "a whole number"
                raise ParseError(
                    f"{os.fspath(path)}, line {line}, column {quote(name)}: "
                    f"expected {expected}, got {quote(text)}",
                    path=path,
                    line=line,
                    column=name,
                    value=text,
                ) from None
            # An int column is 64-bit in every engine (and math.isfinite of a
            # 400-digit int raises OverflowError).
            if isinstance(number, int):
                finite = number in INT64_RANGE
                expected = "a whole number within ±9.2E+18 (64 bits)"
            else:
                finite = math.isfinite(number)
                expected = "a finite number"
            if not finite:
                raise InvalidValueError(
                    f"{os.fspath(path)}, line {line}, column {quote(name)}: "
                    f"expected {expected}, got {quote(text)}",
                    path=path,
                    line=line,
                    column=name,
                    value=text,
                )


def dtype(kind: Kind) -> DType:
    """The narwhals dtype of a column kind."""
    return _DTYPES[kind]


def first_row(frame: nw.DataFrame[Any], condition: nw.Expr) -> dict[str, Any] | None:
    """The first row (with its 0-based ``_row`` number) where ``condition`` holds, or ``None``."""
    hits = frame.with_row_index("_row").filter(condition).head(1)
    rows = hits.rows(named=True)
    return rows[0] if rows else None
