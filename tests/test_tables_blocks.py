"""Formulas run block by block of rows give exactly what they give in one piece.

The eager job runs the row-by-row part of a formula on blocks of rows that fit
in the cache (:mod:`tradestats.tables._blocks`); tables of a few blocks or less
run in one piece. Each property here runs the same frame both ways, with blocks
of a handful of rows so that small tables cross many block edges, and compares
the frames column by column to the last bit, in bulk-file order and shuffled,
on pandas and polars.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

import tradestats.tables as tt  # noqa: E402 - after the importorskip
from tradestats.errors import DuplicateKeyError  # noqa: E402
from tradestats.tables import _blocks, _eager  # noqa: E402
from tradestats.tables import _kernel as kernel  # noqa: E402

from .test_tables_layout import (  # noqa: E402
    FRAME_EXAMPLES,
    Bulk,
    assert_same_frame,
    tables_in_some_order,
    to_frame,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

KEYS = ["reporter", "partner", "product"]
USD = tt.ColumnUnits(currency="USD")


@contextmanager
def blocks_of(rows: int | None) -> Iterator[None]:
    """Formulas in blocks of ``rows`` rows (from two blocks on), or in one piece (None)."""
    if rows is None:
        with mock.patch.object(_eager, "_BLOCK_MIN", 1 << 62):
            yield
        return
    with (
        mock.patch.object(_blocks, "BLOCK_ROWS", rows),
        mock.patch.object(_eager, "_BLOCK_MIN", rows),
    ):
        yield


FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "yoy_growth": lambda frame: tt.yoy_growth(
        frame, keys=KEYS, period="year", value="value", units=USD
    ),
    "share": lambda frame: tt.share(
        frame, by=["reporter"], period="year", value="value", units=USD
    ),
    "contribution": lambda frame: tt.contribution(
        frame, keys=KEYS, by=["reporter"], period="year", value="value", units=USD
    ),
    "implied_previous": lambda frame: tt.implied_previous(
        frame.assign(growth=frame["value"] / 1e6 - 1)
        if isinstance(frame, pd.DataFrame)
        else frame.with_columns(growth=pl.col("value") / 1e6 - 1),
        value="value",
        units=USD,
    ),
    "growth then share": lambda frame: FUNCTIONS["share"](FUNCTIONS["yoy_growth"](frame)),
}


def outcome(function: Callable[[Any], Any], frame: Any) -> Any:
    """The frame, or the duplicate-key error raised (by both ways alike)."""
    try:
        return function(frame)
    except DuplicateKeyError as error:
        return error


@pytest.mark.parametrize("engine", ["pandas", "polars"])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@FRAME_EXAMPLES
@given(table=tables_in_some_order(), rows=st.integers(1, 9))
def test_blocks_give_the_frame_of_one_piece(
    engine: str, name: str, table: tuple[Bulk, dict[str, Any]], rows: int
) -> None:
    """Each blockwise formula gives identical frames in blocks of any size and in one piece."""
    _, columns = table
    function = FUNCTIONS[name]
    with blocks_of(None):
        whole = outcome(function, to_frame(engine, columns))
    with blocks_of(rows):
        blocks = outcome(function, to_frame(engine, columns))
    if isinstance(whole, DuplicateKeyError):
        assert str(whole) == str(blocks)
    else:
        assert_same_frame(engine, whole, blocks)


def test_share_change_runs_in_one_piece() -> None:
    """share_change aligns a result it computed (the share): it is not run block by block."""
    frame = pd.DataFrame(
        {"reporter": ["A"] * 4, "partner": list("XYXY"), "period": [2022, 2022, 2023, 2023]}
    ).assign(value=[60.0, 40.0, 90.0, 10.0])
    with blocks_of(1):
        result = tt.share_change(frame, keys=["reporter", "partner"], by=["reporter"])
    expected = [30.0, -30.0]
    assert expected == result["share_change_pp"].round(6).tolist()[2:]


def test_formulas_that_align_only_values_are_blockwise() -> None:
    """The four formulas of growth and shares that align or sum only values are marked."""
    from tradestats.tables import growth, shares

    marked = [growth._growth, growth._implied_previous, growth._contribution, shares._shares]
    assert all(_blocks.is_blockwise(formula) for formula in marked)
    assert not _blocks.is_blockwise(shares._share_change)


def test_a_block_view_of_a_whole_column_is_not_copied() -> None:
    """While every block gives its rows of one whole column, the result is that column."""
    whole = np.arange(10.0)
    results: dict[str, Any] = {}
    owned: set[str] = set()
    for start in range(0, 10, 4):
        rows = slice(start, min(start + 4, 10))
        _blocks._put(results, owned, "previous", whole[rows], rows=rows, n=10)
    assert results["previous"] is whole
    assert not owned


def test_a_block_that_is_not_a_view_starts_a_column_of_its_own() -> None:
    """A block that is not a view copies the rows before it from the column they viewed."""
    whole = np.arange(10.0)
    results: dict[str, Any] = {}
    owned: set[str] = set()
    _blocks._put(results, owned, "previous", whole[0:4], rows=slice(0, 4), n=10)
    _blocks._put(results, owned, "previous", np.full(4, -1.0), rows=slice(4, 8), n=10)
    _blocks._put(results, owned, "previous", whole[8:10], rows=slice(8, 10), n=10)
    expected = [0.0, 1.0, 2.0, 3.0, -1.0, -1.0, -1.0, -1.0, 8.0, 9.0]
    assert expected == results["previous"].tolist()
    assert results["previous"] is not whole
    assert np.arange(10.0).tolist() == whole.tolist()


def test_a_view_at_another_offset_is_copied() -> None:
    """A block's view of other rows of a column (a base a year earlier) is copied, not kept."""
    whole = np.arange(10.0)
    results: dict[str, Any] = {}
    owned: set[str] = set()
    _blocks._put(results, owned, "previous", whole[0:5], rows=slice(5, 10), n=10)
    _blocks._put(results, owned, "previous", np.full(5, np.nan), rows=slice(0, 5), n=10)
    expected = [0.0, 1.0, 2.0, 3.0, 4.0]
    assert expected == results["previous"][5:].tolist()
    assert np.isnan(results["previous"][:5]).all()


def test_reason_codes_keep_their_categories_across_blocks() -> None:
    """Text results of every block share one list of categories and keep their codes."""
    results: dict[str, Any] = {}
    first = kernel_text([0, -1], ["zero base"])
    second = kernel_text([-1, 0], ["zero base"])
    _blocks._put(results, set(), "reason", first, rows=slice(0, 2), n=4)
    _blocks._put(results, set(), "reason", second, rows=slice(2, 4), n=4)
    expected_codes, expected_categories = [0, -1, -1, 0], ["zero base"]
    assert expected_codes == results["reason"].codes.tolist()
    assert expected_categories == results["reason"].categories


def kernel_text(codes: list[int], categories: list[str]) -> Any:
    from tradestats.tables._frames import Text

    return Text(np.array(codes, dtype=np.int8), categories)


@given(
    st.lists(st.integers(1, 300), min_size=1, max_size=80),
    st.lists(
        st.one_of(
            st.floats(-1e12, 1e12, allow_nan=False),
            st.sampled_from([0.0, -0.0, float("nan"), float("inf"), -float("inf"), 0.1, 1e300]),
        ),
        min_size=1,
        max_size=7,
    ),
)
def test_runs_are_summed_in_row_order_to_the_last_bit(
    lengths: list[int], pattern: list[float]
) -> None:
    """Run by run, each total is the bincount sum bit for bit: fractions, -0.0, NaN, inf."""
    keys = np.repeat(np.arange(len(lengths)) * 7 + 3, lengths)
    values = np.resize(np.array(pattern), len(keys)) * np.linspace(1, 3, len(keys))
    totals = kernel.run_totals([keys], values)
    codes, n_groups = kernel.group_codes([keys])
    expected = kernel.group_sums(codes, n_groups, values)[codes]
    if totals is not None:
        assert expected.tobytes() == totals.tobytes()


def test_bulk_layout_gives_block_shifts() -> None:
    """Two years of the same sorted keys: the later block's base rows start at row 0."""
    reporter = np.tile([4, 4, 8], 2)
    partner = np.tile([1, 2, 1], 2)
    year = np.repeat([2022, 2023], 3)
    months = np.broadcast_to(np.int8(12), year.shape)
    expected = [(0, 3, -1), (3, 6, 0)]
    assert expected == kernel.block_shifts([reporter, partner], year, months, lag=1)
    # Keys not ascending in the first block, or another set of keys a year later: no layout.
    assert kernel.block_shifts([reporter[::-1]], year, months, lag=1) is None
    assert (
        kernel.block_shifts([np.array([4, 8, 4, 9])], np.repeat([1, 2], 2), months[:4], lag=1)
        is None
    )
