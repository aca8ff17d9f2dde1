"""Bases other than a year earlier in the table functions: ``versus=`` on every engine.

Each row is compared with the row of the same keys whose period is
``Period.base(versus)`` of its own, found by calendar: growth, contributions
and changes of share equal the core's scalars on that pair of rows, and a row
without its base row is null with a reason that names the base.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import tradestats as ts

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

from tests.test_tables_properties import IN_PROCESS, run  # noqa: E402 - after the skips
from tradestats.tables import _kernel, _versus  # noqa: E402

PERIODS = ["2022-11", "2022-12", "2023-01", "2023-02", "2023-Q1", "2022-Q4", "2019-01", "2019-Q1"]
VERSUS: list[ts.Versus] = [ts.Lag.PREVIOUS, ts.Lag.YEAR_EARLIER, ts.Period.month(2019, 1),
                           ts.Period.quarter(2019, 1)]  # fmt: skip
SETTINGS = settings(
    deadline=None,
    max_examples=min(settings().max_examples, 20),
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def tables(draw: st.DrawFn) -> Any:
    """Two partners over some months and quarters, values positive or missing rows."""
    periods = draw(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=6, unique=True))
    rows = [
        (partner, period, float(draw(st.integers(1, 1000))))
        for partner in ("X", "Y")
        for period in periods
        if draw(st.booleans())
    ]
    return pl.DataFrame(
        {
            "reporter": ["A"] * len(rows),
            "partner": [r[0] for r in rows],
            "period": [r[1] for r in rows],
            "value": [r[2] for r in rows],
        },
        schema={"reporter": pl.String, "partner": pl.String, "period": pl.String,
                "value": pl.Float64},
    )  # fmt: skip


def _base(period: str, versus: ts.Versus) -> str | None:
    try:
        return str(ts.Period.parse(period).base(versus))
    except ts.PeriodMismatchError:
        return None


def _close(expected: float | None, actual: float | None) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("engine", IN_PROCESS)
@SETTINGS
@given(tables(), st.sampled_from(VERSUS))
def test_growth_against_any_base_equals_the_core(
    engine: str, frame: Any, versus: ts.Versus
) -> None:
    """Growth over the base row by calendar, or null with "no row for …" / "no base: …"."""
    values = {(r["partner"], r["period"]): r["value"] for r in frame.iter_rows(named=True)}
    result = run(tt.yoy_growth, frame, engine, keys=["reporter", "partner"], versus=versus)
    for row in result.iter_rows(named=True):
        base = _base(row["period"], versus)
        before = values.get((row["partner"], base)) if base is not None else None
        if before is None:
            assert row["growth"] is None
            expected = _versus.missing_text(ts.Period.parse(row["period"]), versus)
            assert expected == row["growth_reason"]
            continue
        assert _close(float(ts.growth(row["value"], before).rate), row["growth"])


@pytest.mark.parametrize("engine", IN_PROCESS)
@SETTINGS
@given(tables(), st.sampled_from(VERSUS))
def test_contribution_and_share_change_against_any_base(
    engine: str, frame: Any, versus: ts.Versus
) -> None:
    """Contributions over the group's base total, and changes of share since the base."""
    values = {(r["partner"], r["period"]): r["value"] for r in frame.iter_rows(named=True)}
    options = {"keys": ["reporter", "partner"], "by": ["reporter"], "versus": versus}
    contributions = run(tt.contribution, frame, engine, **options)
    changes = run(tt.share_change, frame, engine, **options)
    for row, change in zip(
        contributions.iter_rows(named=True), changes.iter_rows(named=True), strict=True
    ):
        base = _base(row["period"], versus)
        total = sum(v for (_, p), v in values.items() if p == base) if base else 0.0
        now_total = sum(v for (_, p), v in values.items() if p == row["period"])
        before = values.get((row["partner"], base)) if base is not None else None
        if before is None or not total:
            assert row["contribution_pp"] is None
            assert change["share_change_pp"] is None
            continue
        expected = ts.contribution(ts.money(row["value"], "USD"), ts.money(before, "USD"),
                                   ts.money(total, "USD"))  # fmt: skip
        assert _close(float(expected.points), row["contribution_pp"])
        moved = (row["value"] / now_total - before / total) * 100
        assert _close(moved, change["share_change_pp"])


def test_versus_on_dask() -> None:
    """Dask joins on the base too (one example: Dask is slow to plan)."""
    frame = pl.DataFrame({"reporter": ["A"] * 3, "period": ["2023-05", "2023-06", "2019-06"],
                          "value": [10.0, 12.0, 4.0]})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        previous = run(tt.yoy_growth, frame, "dask", keys=["reporter"], versus="month-on-month")
        fixed = run(tt.yoy_growth, frame, "dask", keys=["reporter"], versus="2019-06")
    assert previous["growth"].to_list() == [None, None, 0.2]
    assert fixed["growth"].to_list() == [None, 1.5, 2.0]


def test_versus_text_is_read_and_checked() -> None:
    """Text names a lag or a period; anything else is refused before the frame is read."""
    frame = pl.DataFrame({"reporter": ["A"] * 2, "period": ["2023-Q1", "2023-Q2"],
                          "value": [10.0, 15.0]})  # fmt: skip
    result = tt.yoy_growth(frame, keys=["reporter"], versus="环比")
    assert result["growth"].to_list() == [None, 0.5]
    assert result["growth_reason"].to_list()[0] == "no row for 2022-Q4"
    with pytest.raises(ts.ParseError, match="base period"):
        tt.yoy_growth(frame, keys=["reporter"], versus="last week")


def test_duplicates_are_refused_with_another_base() -> None:
    """Two rows of one key and period are an error whatever the base."""
    frame = pl.DataFrame({"reporter": ["A"] * 2, "period": ["2023-05"] * 2, "value": [1.0, 2.0]})
    for data in (frame, frame.lazy()):
        with pytest.raises(ts.DuplicateKeyError):
            tt.yoy_growth(data, keys=["reporter"], versus="previous")


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 30), st.sampled_from([1, 3, 12])),
        max_size=30,
        unique_by=lambda row: (row[0], row[1], row[2]),
    )
)
@example([(0, 12, 12), (0, 0, 12)])
def test_the_general_search_agrees_with_the_kernel(rows: list[tuple[int, int, int]]) -> None:
    """For a base a year earlier, the sort-based search finds the kernel's rows exactly."""
    key = np.array([r[0] for r in rows], dtype=np.int64)
    start = np.array([r[1] for r in rows], dtype=np.int64)
    months = np.array([r[2] for r in rows], dtype=np.int64)
    base = _versus.base_starts(start, months, ts.Lag.YEAR_EARLIER)
    expected = _kernel.previous_rows([key], start, months)
    assert expected.tolist() == _versus.base_rows([key], start, months, base).tolist()
