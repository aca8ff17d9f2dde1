"""Vintages in tables: the release and as_of columns, and revisions between two releases."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradestats as ts
from tests.test_tables_properties import ENGINES, to_engine, to_polars

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

KEYS = ["reporter", "flow"]


def _vintages(rows: Sequence[tuple[str, str, float | None]]) -> Any:
    """Xinjiang's total trade, by (period, release, value)."""
    return pl.DataFrame(
        {
            "reporter": ["Xinjiang"] * len(rows),
            "flow": ["total"] * len(rows),
            "period": [period for period, _, _ in rows],
            "release": [release for _, release, _ in rows],
            "value": [value for _, _, value in rows],
        },
        schema_overrides={"value": pl.Float64},
    )


ROWS = [
    ("2021", "first", 100.0),
    ("2021", "second", 101.0),
    ("2022", "first", 200.0),
    ("2023", "second", 50.0),
    ("2020", "first", 0.0),
    ("2020", "second", 3.0),
    ("2019", "first", 7.0),
    ("2019", "second", None),
]
EXPECTED = [
    ("2019", 7.0, None, None, None, "null value in release second"),
    ("2020", 0.0, 3.0, 3.0, None, "zero first value"),
    ("2021", 100.0, 101.0, 1.0, 1.0, None),
    ("2022", 200.0, None, None, None, "no row in release second"),
    ("2023", None, 50.0, None, None, "no row in release first"),
]
COLUMNS = ["period", "first_value", "second_value", "revision", "revision_percent",
           "revision_reason"]  # fmt: skip


@pytest.mark.parametrize("engine", ENGINES)
def test_revisions_line_up_two_releases_on_every_engine(engine: str) -> None:
    """One row per period in either release; nulls where a vintage is missing, with reasons."""
    frame = to_engine(_vintages(ROWS), engine)
    result = tt.revisions(frame, first="first", second="second", keys=KEYS)
    rows = to_polars(result, engine).sort("period").select(COLUMNS).rows()
    assert rows == EXPECTED


def test_vintages_can_be_told_apart_by_the_publication_day() -> None:
    """by='as_of' names the releases by the day they came out."""
    frame = _vintages(ROWS[:2]).with_columns(pl.Series("as_of", ["2022-01-20", "2023-01-20"]))
    result = tt.revisions(frame, first="2022-01-20", second="2023-01-20", by="as_of", keys=KEYS)
    assert result["revision"].to_list() == [1.0]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"first": "first", "second": "first"}, ts.InvalidValueError, "the same release"),
        ({"first": "first", "second": "third"}, ts.InvalidValueError,
         "no rows of release 'third' in column 'release': it holds 'first', 'second'"),
        ({"first": "first", "second": "second", "by": "as_of"}, ts.InvalidValueError,
         "no column 'as_of'"),
        ({"first": "first", "second": "second", "value": "period"}, ts.InvalidValueError,
         "must be numeric"),
    ],
)  # fmt: skip
def test_bad_arguments_are_refused(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    """Each bad argument raises a tradestats error naming it."""
    with pytest.raises(error, match=match):
        tt.revisions(_vintages(ROWS), keys=KEYS, **kwargs)


def test_two_rows_of_one_release_are_refused() -> None:
    """A release with two values for one period is refused, naming the release."""
    frame = _vintages([*ROWS, ("2021", "first", 99.0)])
    with pytest.raises(ts.DuplicateKeyError, match=r"release 'first'.*period='2021'"):
        tt.revisions(frame, first="first", second="second", keys=KEYS)


def test_the_tidy_format_reads_and_writes_the_vintage_columns(tmp_path: Path) -> None:
    """release and as_of come after the canonical columns; as_of is read as an ISO day."""
    frame = pl.DataFrame(
        {"reporter": ["CHN"], "flow": ["exports"], "period": ["2022-07"], "value": [1.0],
         "currency": ["USD"], "note": ["x"], "as_of": ["2022-08-07"], "release": ["gacc"]}
    )  # fmt: skip
    path = tmp_path / "vintages.csv"
    tt.write_tidy_csv(frame, path)
    back = tt.read_tidy_csv(path, engine="polars")
    assert back.columns == [*tt.TIDY_COLUMNS[:7], "release", "as_of", "note"]
    assert back.select("release", "as_of").row(0) == ("gacc", "2022-08-07")
    path.write_text(path.read_text().replace("2022-08-07", "7 Aug 2022"))
    with pytest.raises(ts.ParseError, match=r"line 2, column 'as_of': expected a day"):
        tt.read_tidy_csv(path, engine="polars")


whole = st.integers(-(2**52), 2**52).map(float)


@settings(max_examples=50)
@given(st.lists(st.tuples(whole, whole), min_size=1, max_size=8))
def test_revisions_of_whole_values_are_exact(pairs: list[tuple[float, float]]) -> None:
    """For values in whole units, first + revision is the second value exactly, and the
    percentage is the revision over the size of the first value."""
    rows = [(str(2000 + index), name, value) for index, pair in enumerate(pairs)
            for name, value in zip(("first", "second"), pair, strict=True)]  # fmt: skip
    result = tt.revisions(_vintages(rows), first="first", second="second", keys=KEYS)
    for old, new, change, percent in result.select(COLUMNS[1:5]).rows():
        assert change is not None
        assert int(old) + int(change) == int(new)
        if old == 0:
            assert percent is None
        else:
            assert percent == pytest.approx(100 * (new - old) / abs(old))
