"""The table functions on a Dask dataframe of many partitions, on a local Dask cluster.

A few thousand rows, shuffled so that every series and group is spread over
several partitions, go through the public table functions once as a Dask
dataframe computed on a two-worker LocalCluster, and once as in-memory pandas
and polars frames; the results must be the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("narwhals")
import tradestats.tables as tt

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

KEYS = ["reporter", "partner", "flow", "product"]
PARTITIONS = 4

#: Each call, named, as the user would write it; each returns a frame of its input's kind.
CALLS: dict[str, Callable[[Any], Any]] = {
    "yoy_growth": tt.yoy_growth,
    "share": lambda frame: tt.share(frame, by=["reporter", "flow", "product"]),
    "share_change": lambda frame: tt.share_change(frame, by=["reporter", "flow", "product"]),
    "contribution": lambda frame: tt.contribution(frame, by=["reporter", "flow", "product"]),
}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A two-worker local cluster of threads, closed after the module's tests.

    Its dashboard takes a free port (``:0``): the default, 8787, may be taken by
    another cluster on the machine, and distributed warns when it moves.

    Shuffles go through tasks rather than Dask's peer-to-peer service, which is
    built for large data and only adds start-up time to a few thousand rows.
    """
    dask = pytest.importorskip("dask")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    )
    with (
        dask.config.set({"dataframe.shuffle.method": "tasks"}),
        cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def trade() -> Any:
    """About 3,000 rows: years and Julys, zero and missing bases, in shuffled order."""
    rng = np.random.default_rng(2023)
    periods = ["2021", "2022", "2023", "2022-07", "2023-07"]
    rows = [
        (reporter, partner, flow, product, period)
        for reporter in ("CHN", "KAZ", "USA", "DEU", "BRA")
        for partner in ("World", "A", "B", "C", "D", "E", "F", "G", "H", "I")
        for flow in ("exports", "imports")
        for product in ("TOTAL", "8703", "8507", "8541", "2601", "0101")
        for period in periods
    ]
    frame = pd.DataFrame(rows, columns=[*KEYS, "period"])
    frame["value"] = rng.integers(0, 5000, size=len(frame)).astype("float64")
    frame.loc[rng.random(len(frame)) < 0.03, "value"] = 0.0  # zero bases
    frame["currency"] = "USD"
    kept = frame[rng.random(len(frame)) >= 0.05]  # missing years
    return kept.sample(frac=1.0, random_state=7).reset_index(drop=True)


@pytest.fixture(scope="module")
def on_cluster(client: Any, trade: Any) -> Callable[[str], Any]:
    """Each call's result on a Dask dataframe of the trade, computed once by the cluster."""
    results: dict[str, Any] = {}

    def result(name: str) -> Any:
        if name not in results:
            lazy = CALLS[name](dd.from_pandas(trade, npartitions=PARTITIONS))
            assert isinstance(lazy, dd.DataFrame)
            results[name] = client.compute(lazy).result()
        return results[name]

    return result


def in_order(frame: Any) -> Any:
    """A pandas frame sorted by keys and period, with a fresh index, for comparison."""
    return frame.sort_values([*KEYS, "period"]).reset_index(drop=True)


def plain(frame: Any) -> Any:
    """The frame with categorical columns (how eager engines may store reasons) as plain values."""
    categorical = [
        name for name, dtype in frame.dtypes.items() if isinstance(dtype, pd.CategoricalDtype)
    ]
    return frame.astype(dict.fromkeys(categorical, object))


def assert_same(expected: Any, actual: Any) -> None:
    """Two pandas frames hold the same rows and values, numbers within 1e-12 of each other.

    Only values count: an engine may store text as strings or categories.
    """
    expected = plain(in_order(expected))
    actual = plain(in_order(actual)[list(expected.columns)])
    pd.testing.assert_frame_equal(expected, actual, check_dtype=False, rtol=1e-12)


def test_the_example_has_many_partitions_and_thousands_of_rows(trade: Any) -> None:
    """The Dask frame really is split, and series cross partitions."""
    frame = dd.from_pandas(trade, npartitions=PARTITIONS)
    assert frame.npartitions >= 4
    assert len(trade) > 2500
    spread = frame.map_partitions(lambda part: part[KEYS].drop_duplicates()).compute()
    assert spread.duplicated().any()


@pytest.mark.parametrize("name", list(CALLS))
def test_dask_on_a_local_cluster_gives_the_in_memory_results(
    on_cluster: Callable[[str], Any], trade: Any, name: str
) -> None:
    """The same call on a Dask dataframe, computed by the cluster, equals pandas and polars."""
    pl = pytest.importorskip("polars")
    computed = on_cluster(name)
    assert_same(CALLS[name](trade), computed)
    assert_same(CALLS[name](pl.from_pandas(trade)).to_pandas(), computed)


def test_reasons_survive_the_cluster(on_cluster: Callable[[str], Any]) -> None:
    """Rows with no earlier row or a zero base get the same nulls and reasons on Dask."""
    reasons = set(on_cluster("yoy_growth")["growth_reason"].dropna())
    assert {"zero base", "no row for 2020", "no row for 2021-07"} <= reasons


def test_tidy_comtrade_runs_on_the_cluster(client: Any) -> None:
    """Comtrade records in a Dask dataframe become the tidy frame the JSON loader gives."""
    path = Path(__file__).resolve().parent / "data" / "comtrade" / "annual_api.json"
    records = pd.DataFrame(json.loads(path.read_text(encoding="utf-8"))["data"])
    tidy = tt.tidy_comtrade(dd.from_pandas(records, npartitions=4))
    assert isinstance(tidy, dd.DataFrame)
    expected = tt.read_comtrade_json(path, engine="pandas")
    computed = client.compute(tidy).result().reset_index(drop=True)
    pd.testing.assert_frame_equal(expected, computed, check_dtype=False)
