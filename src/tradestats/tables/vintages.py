"""Vintages of a series: how far each value moved between two releases.

A statistics office publishes a first estimate, then revises it: the tidy
format's optional ``release`` and ``as_of`` columns (see
:mod:`tradestats.tables.tidy`) hold which release published
each row, so one frame can hold several vintages of the same series.
:func:`revisions` lines two of them up, row by row.

>>> import polars as pl
>>> import tradestats.tables as tt
>>> frame = pl.DataFrame({
...     "reporter": ["Xinjiang"] * 3, "flow": ["total"] * 3,
...     "period": ["2022-01/2022-07"] * 2 + ["2022-01/2022-08"],
...     "value": [129.9e9, 131.2e9, 150.0e9],
...     "release": ["2022-08", "2023-08", "2022-09"],
... })
>>> out = tt.revisions(frame, first="2022-08", second="2023-08", keys=["reporter", "flow"])
>>> out.select("period", "revision", "revision_percent", "revision_reason").rows()
[('2022-01/2022-07', 1300000000.0, 1.0007698229407236, None)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import narwhals as nw

from tradestats._text import quote, quote_all
from tradestats.errors import DuplicateKeyError, InvalidValueError
from tradestats.tables._frames import PREFIX, check_key_dtypes, check_nulls
from tradestats.tables._native import collect, open_frame, require
from tradestats.tables.columns import DEFAULT_KEYS

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["revisions"]

T = TypeVar("T")

_FIRST: Final = "first_value"
_SECOND: Final = "second_value"
_IN_FIRST: Final = PREFIX + "in_first"
_IN_SECOND: Final = PREFIX + "in_second"


def revisions(
    frame: T,
    *,
    first: str,
    second: str,
    by: str = "release",
    keys: Sequence[str] = DEFAULT_KEYS,
    period: str = "period",
    value: str = "value",
) -> T:
    """The revision of each value between two releases of the same series.

    Each (keys, period) found in either release gives one row, with the keys
    and period, ``first_value`` and ``second_value`` (the value each release
    published, null where it has none), ``revision`` (second − first, in the
    value's unit), ``revision_percent`` (the revision in percent of the size of
    the first value: 1.0 is 1%; for a negative balance, of its magnitude) and
    ``revision_reason`` (null when ``revision`` is set, else why not: ``"no row
    in release 2022-08"``, ``"null value in release 2022-08"``). A first value of
    zero gives a revision but no percentage (``"zero first value"`` explains
    the null). The subtraction is exact for whole numbers (such as values in
    whole currency units) below 2**53.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame with
            the vintages of one or more series, one row per release.
        first: The earlier release: a value of the ``by`` column.
        second: The later release.
        by: The column that tells the vintages apart: ``"release"`` (an id) or
            ``"as_of"`` (the publication day), or any column of yours.
        keys: The columns that identify one series.
        period: The period column.
        value: The numeric value column.

    Returns:
        The same kind of frame, with the columns above, ordered by keys and period
        on eager frames.

    Raises:
        InvalidValueError: For a missing or non-numeric column, a null key or
            period, ``first`` equal to ``second``, or a release the frame does
            not hold (the message lists those it does).
        DuplicateKeyError: For two rows of one release with the same keys and period.

    >>> import pandas as pd
    >>> import tradestats.tables as tt
    >>> vintages = pd.DataFrame({"reporter": ["CHN"] * 3, "period": [2022, 2023, 2023],
    ...                          "value": [100.0, 80.0, 82.0], "release": ["a", "a", "b"]})
    >>> tt.revisions(vintages, first="a", second="b", keys=["reporter"])[
    ...     ["period", "revision", "revision_reason"]]
       period  revision  revision_reason
    0    2022       NaN  no row in release b
    1    2023       2.0              NaN
    """
    if first == second:
        raise InvalidValueError(
            f"first and second name the same release {quote(first)}: name two releases",
            first=first,
        )
    native = open_frame(frame)
    series = list(dict.fromkeys([*keys, period]))
    require(native, [*series, value, by])
    schema = native.collect_schema()
    if not schema[value].is_numeric():
        raise InvalidValueError(
            f"the value column {quote(value)} must be numeric, got {schema[value]}",
            column=value,
            dtype=str(schema[value]),
        )
    check_key_dtypes(schema, [*series, by])
    check_nulls(native, [*series, by])
    tag = nw.col(by).cast(nw.String())
    _check_releases(native, tag, by, (first, second))
    versions = [
        _vintage(native, tag, name, series=series, value=value, column=column)
        for name, column in ((first, _FIRST), (second, _SECOND))
    ]
    for version, name in zip(versions, (first, second), strict=True):
        _check_unique(version, series, by, name)
    both = nw.concat([version.select(series) for version in versions]).unique(series)
    lined = both.join(versions[0], on=series, how="left").join(versions[1], on=series, how="left")
    result = lined.with_columns(*_revision(first, second)).drop(_IN_FIRST, _IN_SECOND)
    if isinstance(result, nw.DataFrame):
        result = nw.maybe_reset_index(result.sort(series))
    return cast("T", result.to_native())


def _check_releases(native: Any, tag: nw.Expr, by: str, wanted: tuple[str, str]) -> None:
    found = collect(native.select(tag.alias(by)).unique(by)).get_column(by).to_list()
    missing = [name for name in wanted if name not in found]
    if missing:
        shown = quote_all(sorted(found)) or "none"
        raise InvalidValueError(
            f"no rows of release {quote(missing[0])} in column {quote(by)}: it holds {shown}",
            release=missing[0],
            releases=sorted(found),
        )


def _vintage(
    native: Any, tag: nw.Expr, name: str, *, series: list[str], value: str, column: str
) -> Any:
    """The rows of one release: the series' columns, its value, and a mark that it is there."""
    marker = _IN_FIRST if column == _FIRST else _IN_SECOND
    return native.filter(tag == name).select(
        *series, nw.col(value).cast(nw.Float64()).alias(column), nw.lit(value=True).alias(marker)
    )


def _check_unique(version: Any, series: list[str], by: str, name: str) -> None:
    counted = version.group_by(series).agg(nw.len().alias(PREFIX + "count"))
    twice = collect(counted.filter(nw.col(PREFIX + "count") > 1).head(1)).rows(named=True)
    if twice:
        keys = {key: twice[0][key] for key in series}
        shown = ", ".join(f"{key}={quote(item)}" for key, item in keys.items())
        raise DuplicateKeyError(
            f"release {quote(name)} (column {quote(by)}) has two rows with {shown}: each "
            f"series may have "
            "one value per period in each release; aggregate or drop the duplicates first",
            keys=keys,
            release=name,
        )


def _revision(first: str, second: str) -> list[nw.Expr]:
    """The revision columns, from the two lined-up values and whether each release has the row."""
    old, new = nw.col(_FIRST), nw.col(_SECOND)
    absent_first = nw.col(_IN_FIRST).is_null()
    absent_second = nw.col(_IN_SECOND).is_null()
    # A null, NaN or infinite value counts as null: no revision is computed from it.
    bad_first = old.is_null() | ~old.is_finite().fill_null(value=False)
    bad_second = new.is_null() | ~new.is_finite().fill_null(value=False)
    reason = (
        nw.when(absent_first)
        .then(nw.lit(f"no row in release {first}"))
        .when(absent_second)
        .then(nw.lit(f"no row in release {second}"))
        .when(bad_first)
        .then(nw.lit(f"null value in release {first}"))
        .when(bad_second)
        .then(nw.lit(f"null value in release {second}"))
        .otherwise(nw.lit(None, dtype=nw.String()))
    )
    fine = ~(absent_first | absent_second | bad_first | bad_second)
    change = new - old
    percent = change / old.abs() * 100
    return [
        nw.when(fine).then(change).otherwise(nw.lit(None, dtype=nw.Float64())).alias("revision"),
        nw.when(fine & (old != 0))
        .then(percent)
        .otherwise(nw.lit(None, dtype=nw.Float64()))
        .alias("revision_percent"),
        nw.when(fine & (old == 0))
        .then(nw.lit("zero first value"))
        .otherwise(reason)
        .alias("revision_reason"),
    ]
