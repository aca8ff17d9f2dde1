"""Property tests: on every engine, the table functions agree row by row with the core's scalars.

Random small tables (a few series, a few periods of mixed spans, missing rows,
zero, negative and null values) go through ``tradestats.tables`` on pandas,
polars (eager and lazy), pyarrow, DuckDB and Dask; each result row must equal
what ``ts.growth``, ``ts.share``, ``ts.share_change``, ``ts.contribution`` and
``ts.implied_previous`` give for that row, with a null wherever the core raises.
"""

from __future__ import annotations

import math
import warnings
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tradestats as ts

pl = pytest.importorskip("polars")
pytest.importorskip("narwhals")
tt = pytest.importorskip("tradestats.tables")

if TYPE_CHECKING:
    from collections.abc import Callable

EAGER = ["pandas", "polars", "pyarrow"]
LAZY = ["polars-lazy", "duckdb"]
IN_PROCESS = [*EAGER, *LAZY]
ENGINES = [*IN_PROCESS, "dask"]

KEYS = ["reporter", "partner", "flow", "product"]
GROUP = ["reporter", "flow"]
PERIODS = ["2020", "2021", "2022", "2023", "2022-01/2022-07", "2023-01/2023-07", "2023-07"]


def to_engine(frame: Any, engine: str) -> Any:
    """The polars DataFrame ``frame`` as a frame of ``engine``."""
    if engine == "pandas":
        pytest.importorskip("pandas")
        return frame.to_pandas()
    if engine == "polars":
        return frame
    if engine == "polars-lazy":
        return frame.lazy()
    if engine == "pyarrow":
        pytest.importorskip("pyarrow")
        return frame.to_arrow()
    if engine == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        return duckdb.from_arrow(frame.to_arrow())
    assert engine == "dask"
    dd = pytest.importorskip("dask.dataframe")
    return dd.from_pandas(frame.to_pandas(), npartitions=2)


def to_polars(result: Any, engine: str) -> Any:
    """A result of ``engine`` back as a polars DataFrame (pandas NaN -> null)."""
    if engine == "pandas":
        return pl.from_pandas(result, nan_to_null=True)
    if engine == "polars":
        return result
    if engine == "polars-lazy":
        return result.collect()
    if engine == "pyarrow":
        return pl.from_arrow(result)
    if engine == "duckdb":
        return result.pl()
    assert engine == "dask"
    import dask

    with dask.config.set(scheduler="synchronous"):
        return pl.from_pandas(result.compute(), nan_to_null=True)


def same_kind(result: Any, engine: str) -> bool:
    """Whether ``result`` is the kind of frame that ``engine`` gave."""
    names = {
        "pandas": "DataFrame",
        "polars": "DataFrame",
        "polars-lazy": "LazyFrame",
        "pyarrow": "Table",
        "duckdb": "DuckDBPyRelation",
        "dask": "DataFrame",
    }
    modules = {
        "pandas": "pandas",
        "polars": "polars",
        "polars-lazy": "polars",
        "pyarrow": "pyarrow",
        "duckdb": "duckdb",
        "dask": "dask",
    }
    kind = type(result)
    return kind.__name__ == names[engine] and kind.__module__.split(".")[0] == modules[engine]


def run(function: Callable[..., Any], frame: Any, engine: str, **options: Any) -> Any:
    """``function`` on ``frame`` converted to ``engine``, as a polars frame sorted by key."""
    with warnings.catch_warnings():
        # Dask's own import-time notices are not what these tests check.
        warnings.simplefilter("ignore", FutureWarning)
        native = to_engine(frame, engine)
        result = function(native, **options)
        assert same_kind(result, engine)
        out = to_polars(result, engine)
    columns = [
        name for name in ["reporter", "partner", "flow", "product", "period"] if name in out.columns
    ]
    return out.sort(columns)


def assert_no_nan(frame: Any, columns: list[str]) -> None:
    """No NaN or infinity in the float ``columns``: undefined results are nulls."""
    for name in columns:
        values = [v for v in frame[name].to_list() if v is not None]
        assert all(math.isfinite(v) for v in values), name


def close(expected: float | None, actual: float | None) -> bool:
    """Equal nulls, or floats within a relative 1e-9 (absolute 1e-9 near zero)."""
    if expected is None or actual is None:
        return expected is None and actual is None
    return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)


@st.composite
def tables(draw: st.DrawFn) -> Any:
    """A small random trade table: some series over some periods, values possibly odd."""
    values = st.one_of(st.none(), st.sampled_from([0.0, -5.0]), st.integers(1, 1000).map(float))
    rows = [
        (reporter, partner, "exports", "TOTAL", period, draw(values))
        for reporter in ("A", "B")
        for partner in ("X", "Y", "Z")
        for period in PERIODS
        if draw(st.booleans())
    ]
    schema = {
        "reporter": pl.String,
        "partner": pl.String,
        "flow": pl.String,
        "product": pl.String,
        "period": pl.String,
        "value": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


def _index(frame: Any) -> dict[tuple[Any, ...], float | None]:
    return {
        (r["reporter"], r["partner"], r["period"]): r["value"] for r in frame.iter_rows(named=True)
    }


def _earlier(period: str) -> str:
    return ts.Period.parse(period).previous_year().isoformat()


def _totals(frame: Any) -> dict[tuple[str, str], float | None]:
    totals: dict[tuple[str, str], float | None] = {}
    for r in frame.iter_rows(named=True):
        key = (r["reporter"], r["period"])
        before = totals.get(key, 0.0)
        totals[key] = None if before is None or r["value"] is None else before + r["value"]
    return totals


def _core(call: Callable[[], Any]) -> Any:
    """The core's result, or None where it refuses (the table gives a null there)."""
    try:
        return call()
    except (ts.ZeroBaseError, ts.NegativeBaseError, ts.SignChangeError, ts.InvalidValueError):
        return None


def expected_growth(frame: Any, row: dict[str, Any]) -> float | None:
    """``ts.growth`` of the row over its year-earlier row, or None."""
    index = _index(frame)
    key = (row["reporter"], row["partner"], _earlier(row["period"]))
    if key not in index or index[key] is None or row["value"] is None:
        return None
    before = index[key]
    assert before is not None
    result = _core(lambda: ts.growth(Decimal(row["value"]), Decimal(before)))
    return None if result is None else float(result.rate)


def _usd(value: float) -> ts.Amount:
    return ts.Amount(Decimal(value), "USD")


def expected_share(frame: Any, row: dict[str, Any]) -> float | None:
    """``ts.share`` of the row in its reporter-flow-period total, or None."""
    total = _totals(frame)[(row["reporter"], row["period"])]
    if total is None or row["value"] is None:
        return None
    result = _core(lambda: ts.share(_usd(row["value"]), _usd(total)))
    return None if result is None else float(result.fraction)


def expected_share_change(frame: Any, row: dict[str, Any]) -> float | None:
    """``ts.share_change`` of the row's share over its year-earlier row's share, or None."""
    now = expected_share(frame, row)
    key = (row["reporter"], row["partner"], _earlier(row["period"]))
    index = _index(frame)
    if now is None or key not in index:
        return None
    earlier = {**row, "period": key[2], "value": index[key]}
    before = expected_share(frame, earlier)
    if before is None:
        return None
    change = ts.share_change(ts.Share(Decimal(now)), ts.Share(Decimal(before)))
    return float(change.points)


def expected_contribution(frame: Any, row: dict[str, Any]) -> float | None:
    """``ts.contribution`` of the row to its group's growth, or None."""
    index = _index(frame)
    earlier = _earlier(row["period"])
    key = (row["reporter"], row["partner"], earlier)
    total = _totals(frame).get((row["reporter"], earlier))
    if key not in index or index[key] is None or row["value"] is None or total is None:
        return None
    before = index[key]
    assert before is not None
    result = _core(lambda: ts.contribution(_usd(row["value"]), _usd(before), _usd(total)))
    return None if result is None else float(result.points)


PROPERTY_SETTINGS = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
# Each example runs three functions on a fresh frame. The lazy engines plan and run
# queries per call (DuckDB about 0.3 s, Dask about a second), so they get fewer
# examples than the eager ones; all keep the suite within its time budget.
EAGER_SETTINGS = settings(PROPERTY_SETTINGS, max_examples=min(settings().max_examples, 100))
LAZY_SETTINGS = settings(PROPERTY_SETTINGS, max_examples=min(settings().max_examples, 25))
DASK_SETTINGS = settings(PROPERTY_SETTINGS, max_examples=3)


def check_against_core(engine: str, frame: Any) -> None:
    """Growth, shares, share changes and contributions on ``engine`` equal the core's."""
    growth = run(tt.yoy_growth, frame, engine)
    assert_no_nan(growth, ["previous", "growth"])
    for row in growth.iter_rows(named=True):
        assert close(expected_growth(frame, row), row["growth"]), row
        assert (row["growth"] is None) == (row["growth_reason"] is not None)
    shares = run(tt.share_change, frame, engine)
    assert_no_nan(shares, ["total", "share", "previous_share", "share_change_pp"])
    for row in shares.iter_rows(named=True):
        assert close(expected_share(frame, row), row["share"]), row
        assert close(expected_share_change(frame, row), row["share_change_pp"]), row
        assert (row["share"] is None) == (row["share_reason"] is not None)
    contributions = run(tt.contribution, frame, engine)
    assert_no_nan(contributions, ["previous", "previous_total", "contribution_pp"])
    for row in contributions.iter_rows(named=True):
        assert close(expected_contribution(frame, row), row["contribution_pp"]), row


@pytest.mark.parametrize("engine", EAGER)
@EAGER_SETTINGS
@given(frame=tables())
def test_table_functions_equal_core_scalars(engine: str, frame: Any) -> None:
    """Growth, shares, share changes and contributions equal the core's, row by row."""
    check_against_core(engine, frame)


@pytest.mark.parametrize("engine", LAZY)
@LAZY_SETTINGS
@given(frame=tables())
def test_table_functions_equal_core_scalars_lazily(engine: str, frame: Any) -> None:
    """The same on the lazy in-process engines, polars LazyFrame and DuckDB."""
    check_against_core(engine, frame)


@DASK_SETTINGS
@given(frame=tables())
def test_table_functions_equal_core_scalars_on_dask(frame: Any) -> None:
    """The same on a Dask dataframe of two partitions (few examples: each costs seconds)."""
    dask = pytest.importorskip("dask")
    with dask.config.set(scheduler="synchronous"):
        check_against_core("dask", frame)


@st.composite
def growth_tables(draw: st.DrawFn) -> Any:
    """Values with growth rates, including falls of 100% and more, and nulls."""
    numbers = st.one_of(st.none(), st.integers(-1000, 1000).map(float))
    rates = st.one_of(
        st.none(),
        st.sampled_from([-1.0, -2.0, -0.5, 0.0, 0.593, 3.26]),
        st.integers(-300, 300).map(lambda n: n / 100),
    )
    pairs = draw(st.lists(st.tuples(numbers, rates), max_size=8))
    return pl.DataFrame(pairs, schema={"value": pl.Float64, "growth": pl.Float64}, orient="row")


@pytest.mark.parametrize("engine", IN_PROCESS)
@LAZY_SETTINGS
@given(frame=growth_tables())
def test_implied_previous_equals_core(engine: str, frame: Any) -> None:
    """``implied_previous`` on a frame equals ``ts.implied_previous`` row by row."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        result = to_polars(tt.implied_previous(to_engine(frame, engine)), engine)
    assert_no_nan(result, ["previous"])
    expected: dict[tuple[float | None, float | None], float | None] = {}
    for row in frame.iter_rows(named=True):
        value, rate = row["value"], row["growth"]
        implied = None
        if value is not None and rate is not None:
            amount, change = _usd(value), ts.Growth(Decimal(rate))
            implied = _core(lambda: ts.implied_previous(amount, change))  # noqa: B023 - called now
        expected[(value, rate)] = None if implied is None else float(implied.magnitude)
    for row in result.iter_rows(named=True):
        assert close(expected[(row["value"], row["growth"])], row["previous"]), row
