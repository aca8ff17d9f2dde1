"""tradestats' own tidy CSV format: one trade figure per line, in the canonical columns.

The format is plain CSV (comma-separated, UTF-8, one header line) with these
columns, in any order; names are exact and lower case:

=========  ========  ========  ====================================================  ===========
column     type      required  meaning                                               example
=========  ========  ========  ====================================================  ===========
reporter   text      yes       the reporting economy                                 ``CHN``
partner    text      no        the partner economy; ``World`` (the default) for all  ``KAZ``
flow       text      yes       ``exports``, ``imports``, ``total``, ``balance``,     ``exports``
                               ``re-exports`` or ``re-imports``
product    text      no        an HS code or a product group; ``TOTAL`` (the         ``8703``
                               default) for all goods
period     text      yes       any form :meth:`tradestats.Period.parse` reads;       ``2023-07``
                               written as its ISO form (``2023``, ``2023-07``,
                               ``2023-Q2``, ``2023-01/2023-07``)
value      number    yes       the value in whole units of the currency (not         ``1.83e11``
                               thousands); empty for a missing figure
currency   text      yes [1]_  an ISO 4217 code                                      ``USD``
valuation  text      no        ``fob`` or ``cif``; may be empty                      ``fob``
status     text      no        ``provisional``, ``final``, ``revised`` or            ``final``
                               ``derived``; may be empty
source     text      no        where the figure comes from; may be empty             ``GACC``
=========  ========  ========  ====================================================  ===========

.. [1] unless the reader is told the currency (``currency="USD"``).

A file that holds several vintages of one series (a first estimate and its
revisions) tells them apart with two more optional columns, kept after the
canonical ones and lined up by :func:`tradestats.tables.revisions`:

=======  ====================================================  ==============
column   meaning                                               example
=======  ====================================================  ==============
release  the release that published the figure (text)          ``2022-08``
as_of    the day that release came out, ISO 8601 (checked)     ``2022-08-15``
=======  ====================================================  ==============

Any other column is kept, as text. Keys (reporter, partner, flow, product,
period, currency) may not be empty. Reading checks every flow, period and
currency and every number, and names the file, line and column of the first
bad one; writing checks the frame the same way. The columns and the checks are
those of the tidy schema (``tradestats.tables._schema``) that every loader
shares; this module only reads and writes the text.

>>> from tradestats.tables.tidy import read_tidy_csv
>>> frame = read_tidy_csv("tests/data/tidy/good.csv", engine="polars")
>>> frame.select("reporter", "partner", "flow", "product", "period", "value", "currency").row(0)
('Xinjiang', 'World', 'total', 'TOTAL', '2023-01/2023-07', 183000000000.0, 'CNY')
"""

from __future__ import annotations

import os
from typing import Any, Final

import narwhals as nw

from tradestats.errors import InvalidValueError
from tradestats.tables._io import PathLike, choose_engine, header, read_csv
from tradestats.tables._native import open_frame
from tradestats.tables._schema import (
    TIDY_COLUMNS,
    TOTAL_PRODUCT,
    canonical_currency,
    complete,
    validated,
)

__all__ = ["TIDY_COLUMNS", "TOTAL_PRODUCT", "read_tidy_csv", "write_tidy_csv"]

# Cells a spreadsheet would run as a formula (OWASP's "CSV injection"): written with
# a leading apostrophe, which spreadsheets show as text; also cells that already
# start with apostrophes before such a character, so that reading strips exactly one.
_FORMULA: Final = r"^'*[=+\-@\t\r]"
_ESCAPED_FORMULA: Final = r"^'+[=+\-@\t\r]"


def read_tidy_csv(path: PathLike, *, engine: str | None = None, currency: str | None = None) -> Any:
    """Read a tidy CSV file (the format above) into a frame of the chosen engine.

    Args:
        path: The file (a name ending in ``.gz`` is decompressed).
        engine: ``"polars"``, ``"pandas"`` or ``"pyarrow"``; by default the first
            of them that is installed.
        currency: The currency of every value, for a file without a
            ``currency`` column.

    Returns:
        A polars DataFrame, pandas DataFrame or pyarrow Table with the canonical
        columns first (``partner`` and ``product`` filled with their defaults
        when the file has none), flows, periods and currencies in canonical
        form, ``value`` as float64 (null where the file has none), then any
        other columns as text. A text cell that :func:`write_tidy_csv` wrote with
        a leading ``'`` against formula injection is read without it.

    Raises:
        ParseError: For a missing column, an empty key, a period or number that
            does not parse, naming the file, line and column.
        InvalidValueError: For an unknown flow, valuation or status, or an
            infinite number.
        UnknownUnitError: For an unknown currency.

    >>> frame = read_tidy_csv("tests/data/tidy/good.csv", engine="pandas")
    >>> frame.loc[2, ["reporter", "partner", "flow", "period", "currency"]].tolist()
    ['CHN', 'KAZ', 'exports', '2023-07', 'USD']
    >>> read_tidy_csv("tests/data/tidy/bad_flow.csv")
    Traceback (most recent call last):
    ...
    tradestats.errors.InvalidValueError: tests/data/tidy/bad_flow.csv, line 3, column 'flow':
    unknown flow 'export': expected one of 'exports', 'imports', 'total', 'balance',
    're-exports', 're-imports'
    """
    chosen = choose_engine(engine)
    where = os.fspath(path)
    names, separator = header(path)
    checked_currency = None if currency is None else canonical_currency(currency)
    raw = read_csv(path, engine=chosen, separator=separator, columns=dict.fromkeys(names, "str"))
    assert isinstance(raw, nw.DataFrame)
    frame = complete(_unescape_formulas(raw), names, where, checked_currency)

    def line(row: int) -> str:
        return f"{where}, line {row + 2}"

    return validated(frame, line).to_native()


def write_tidy_csv(frame: Any, path: PathLike, *, currency: str | None = None) -> None:
    """Check a frame and write it as a tidy CSV file that :func:`read_tidy_csv` reads back.

    Args:
        frame: Any frame narwhals supports (lazy ones are collected) with at
            least ``reporter``, ``flow``, ``period``, ``value`` and ``currency``
            columns; ``period`` may hold text or whole years.
        path: Where to write.
        currency: The currency of every value, for a frame without a
            ``currency`` column.

    Raises:
        ParseError: For a missing column or an empty key, naming the row
            (counted from 0) and column.
        InvalidValueError: For an unknown flow or a value that is not a finite number.
        UnknownUnitError: For an unknown currency.

    A text cell that a spreadsheet would run as a formula (one starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, such as
    ``=HYPERLINK(...)``) is written with a leading ``'``, so a spreadsheet shows it
    as text; so is one that starts with apostrophes before such a character.
    :func:`read_tidy_csv` drops that one ``'``, so the file reads back unchanged.
    Numbers (the ``value`` column) are written as they are, negative or not.

    >>> import pathlib, tempfile
    >>> import polars as pl
    >>> frame = pl.DataFrame({"reporter": ["CHN"], "flow": ["exports"], "period": [2023],
    ...                       "value": [3.38e12], "currency": ["usd"]})
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "figures.csv"
    >>> write_tidy_csv(frame, path)
    >>> print(path.read_text(), end="")
    reporter,partner,flow,product,period,value,currency
    CHN,World,exports,TOTAL,2023,3380000000000.0,USD
    """
    native = open_frame(frame)
    eager = native.collect() if isinstance(native, nw.LazyFrame) else native
    if not isinstance(eager, nw.DataFrame):
        raise InvalidValueError(f"cannot write a {type(frame).__name__} as a table", value=frame)
    checked_currency = None if currency is None else canonical_currency(currency)
    where = f"the {type(frame).__name__}"
    full = complete(eager, eager.columns, where, checked_currency)

    def row(index: int) -> str:
        return f"{where}, row {index}"

    _escape_formulas(validated(full, row)).write_csv(os.fspath(path))


def _escape_formulas(frame: nw.DataFrame[Any]) -> nw.DataFrame[Any]:
    """Text cells a spreadsheet would run as formulas, with a leading ``'``."""
    texts = [name for name, dtype in frame.schema.items() if dtype == nw.String()]
    if not texts:
        return frame
    return frame.with_columns(
        nw.when(nw.col(name).str.contains(_FORMULA).fill_null(value=False))
        .then(nw.concat_str([nw.lit("'"), nw.col(name)]))
        .otherwise(nw.col(name))
        .alias(name)
        for name in texts
    )


def _unescape_formulas(frame: nw.DataFrame[Any]) -> nw.DataFrame[Any]:
    """What :func:`_escape_formulas` wrote, back as it was: one leading ``'`` dropped."""
    return frame.with_columns(
        nw.when(nw.col(name).str.contains(_ESCAPED_FORMULA).fill_null(value=False))
        .then(nw.col(name).str.slice(1))
        .otherwise(nw.col(name))
        .alias(name)
        for name in frame.columns
        if name != "value"
    )
