"""The layout paths of the table functions give exactly what the general paths give.

Rows read file by file (one block per period, keys sorted inside each block, the
same keys in every block) take a layout path: the year-earlier row at a fixed
offset, and group totals summed over runs of rows. Each property runs the same
table through both paths (the layout paths switched off by patching them to
decline) and compares the results to the last bit, and the frames of the public
functions column by column, in bulk-file order and shuffled.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

import tradestats.tables as tt  # noqa: E402 - after the importorskip
from tradestats.errors import DuplicateKeyError, InvalidValueError  # noqa: E402
from tradestats.tables import _kernel as kernel  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import numpy.typing as npt

COLUMNS = ("reporter", "partner", "product", "year", "value")

#: Whole frames through both paths cost more: a fifth of the profile's examples.
FRAME_EXAMPLES = settings(max_examples=max(10, settings().max_examples // 5))


class Bulk:
    """A bulk-file table: its columns in bulk-file order, and whether a row was duplicated."""

    def __init__(self, columns: dict[str, npt.NDArray[Any]], *, duplicate: bool) -> None:
        self.columns = columns
        self.duplicate = duplicate

    def reordered(self, order: npt.NDArray[Any]) -> dict[str, npt.NDArray[Any]]:
        """The columns in another row order."""
        return {name: column[order] for name, column in self.columns.items()}


@st.composite
def bulk_tables(draw: st.DrawFn) -> Bulk:
    """Tables in bulk-file order: a block per year, the same sorted keys in most blocks.

    Years may have gaps; a block may lose some keys (new and ended series) or get
    a duplicated row. Values are whole numbers, fractions, zeros, negatives,
    NaN and infinities.
    """
    reporters = draw(st.lists(st.integers(0, 900), min_size=1, max_size=3, unique=True))
    partners = draw(st.lists(st.integers(0, 9), min_size=1, max_size=3, unique=True))
    products = draw(st.lists(st.integers(100_000, 999_999), min_size=1, max_size=3, unique=True))
    keys = [
        (r, p, k) for r in sorted(reporters) for p in sorted(partners) for k in sorted(products)
    ]
    years = sorted(draw(st.lists(st.integers(2015, 2024), min_size=1, max_size=4, unique=True)))
    rows: list[tuple[int, int, int, int]] = []
    for year in years:
        kept = keys
        if draw(st.integers(0, 3)) == 0:
            kept = [key for key in keys if draw(st.booleans())] or keys[:1]
        rows.extend((*key, year) for key in kept)
    duplicate = draw(st.integers(0, 9)) == 0
    if duplicate:
        at = draw(st.integers(0, len(rows) - 1))
        rows.insert(at, rows[at])
    values = draw(
        st.lists(
            st.one_of(
                st.integers(-5, 10**6).map(float),
                st.floats(-1e6, 1e15, allow_nan=False, allow_infinity=False),
                st.sampled_from([0.0, float("nan"), float("inf"), 0.1, 1e300]),
            ),
            min_size=len(rows),
            max_size=len(rows),
        )
    )
    table = np.array(rows, dtype=np.int64).reshape(-1, 4)
    columns = {name: table[:, i] for i, name in enumerate(COLUMNS[:4])}
    columns["value"] = np.array(values, dtype=np.float64)
    return Bulk(columns, duplicate=duplicate)


@st.composite
def row_orders(draw: st.DrawFn, n: int) -> npt.NDArray[Any]:
    """Bulk-file order itself, or a random permutation of the rows."""
    order: npt.NDArray[Any] = np.arange(n, dtype=np.int64)
    if draw(st.booleans()):
        order = np.random.default_rng(draw(st.integers(0, 2**32 - 1))).permutation(n)
    return order


@st.composite
def tables_in_some_order(draw: st.DrawFn) -> tuple[Bulk, dict[str, npt.NDArray[Any]]]:
    """A bulk-file table, and its columns in bulk-file order or shuffled."""
    bulk = draw(bulk_tables())
    order = draw(row_orders(len(bulk.columns["value"])))
    return bulk, bulk.reordered(order)


def general_paths() -> mock._patch[Any]:
    """A patch under which the layout paths decline and the general paths run."""
    return mock.patch.multiple(
        kernel, block_shifts=mock.Mock(return_value=None), run_totals=mock.Mock(return_value=None)
    )


def keys_of(columns: dict[str, npt.NDArray[Any]]) -> list[npt.NDArray[Any]]:
    return [columns[name] for name in ("reporter", "partner", "product")]


def both(function: Callable[[], Any]) -> Iterator[tuple[str, Any]]:
    """``function``'s result (or the error it raised) with the layout paths, then without."""
    for name in ("layout", "general"):
        with general_paths() if name == "general" else contextlib.nullcontext():
            try:
                yield name, function()
            except InvalidValueError as error:
                yield name, error


@given(tables_in_some_order())
def test_previous_rows_is_the_same_on_both_paths(table: tuple[Bulk, dict[str, Any]]) -> None:
    """The year-earlier rows of the layout path are the general path's; duplicates refused."""
    bulk, columns = table
    year = columns["year"]
    months = np.broadcast_to(np.int8(12), year.shape)

    def run() -> Any:
        return kernel.previous_rows(keys_of(columns), year, months, lag=1)

    results = dict(both(run))
    layout, general = results["layout"], results["general"]
    if bulk.duplicate:
        assert isinstance(layout, InvalidValueError)
        assert isinstance(general, InvalidValueError)
        assert "same keys and period" in str(layout)
    else:
        assert general.tolist() == layout.tolist()
        # Whole years a year apart are month indices twelve apart.
        assert (
            general.tolist() == kernel.previous_rows(keys_of(columns), year * 12, months).tolist()
        )


@given(tables_in_some_order())
def test_run_totals_are_group_sums_to_the_last_bit(table: tuple[Bulk, dict[str, Any]]) -> None:
    """Where run_totals answers, each row's total is the coded group sum, bit for bit."""
    _, columns = table
    keys, values = [columns["reporter"], columns["year"]], columns["value"]
    totals = kernel.run_totals(keys, values)
    codes, n_groups = kernel.group_codes(keys)
    expected = kernel.group_sums(codes, n_groups, values)[codes]
    if totals is not None:
        assert expected.tobytes() == totals.tobytes()


@given(
    st.integers(4, 8).flatmap(
        lambda size: st.tuples(
            st.lists(st.integers(-(2**50), 2**50), min_size=size, max_size=5 * size).map(
                lambda values: values[: len(values) - len(values) % size]
            ),
            st.just(size),
        )
    )
)
@example(([2**52, 1, 1, 1], 4))
def test_whole_values_sum_exactly_in_runs(table: tuple[list[int], int]) -> None:
    """Runs of whole numbers are summed exactly: each total is the exact integer sum."""
    values, size = table
    groups = np.arange(len(values)) // size
    totals = kernel.run_totals([groups], np.array(values, dtype=np.float64))
    assert totals is not None
    for group in np.unique(groups).tolist():
        exact = sum(v for v, g in zip(values, groups.tolist(), strict=True) if g == group)
        assert (totals[groups == group] == float(exact)).all()


def test_bulk_order_takes_the_layout_paths() -> None:
    """A table in bulk-file order is aligned and summed without coding its keys."""
    # Two reporters of four partners each, in 2022 then 2023.
    columns = {
        "reporter": np.tile(np.repeat([4, 8], 4), 2),
        "partner": np.tile(np.arange(4), 4),
        "product": np.full(16, 100_100),
        "year": np.repeat([2022, 2023], 8),
        "value": np.array([1.0, 2.0, 3.0, 4.0] * 2 + [2.0, 2.0, 6.0, 0.0] * 2),
    }
    general = ("_period_major", "_key_major", "_unordered", "group_sums")
    with mock.patch.multiple(kernel, **dict.fromkeys(general, mock.DEFAULT)) as mocks:
        result = growth_then_share(pd.DataFrame(columns))
    for name in general:  # group_sums too: runs are summed one by one, in row order
        mocks[name].assert_not_called()
    expected_growth = [None] * 8 + [1.0, 0.0, 1.0, -1.0] * 2
    assert expected_growth == [None if np.isnan(g) else g for g in result["growth"].tolist()]
    expected_totals = [10.0] * 16
    assert expected_totals == result["total"].tolist()


def test_run_totals_decline_groups_in_two_runs() -> None:
    """A group whose rows are not together is left to the coded path."""
    assert kernel.run_totals([np.array([4, 8, 4])], np.array([1.0, 2.0, 3.0])) is None
    assert kernel.run_totals([np.array(["a", "a"])], np.array([1.0, 2.0])) is None


def to_frame(engine: str, columns: dict[str, npt.NDArray[Any]]) -> Any:
    return pd.DataFrame(columns) if engine == "pandas" else pl.DataFrame(columns)


def growth_then_share(frame: Any) -> Any:
    usd = tt.ColumnUnits(currency="USD")
    keys = ["reporter", "partner", "product"]
    grown = tt.yoy_growth(frame, keys=keys, period="year", value="value", units=usd)
    return tt.share(grown, by=["reporter"], period="year", value="value", units=usd)


def assert_same_frame(engine: str, expected: Any, actual: Any) -> None:
    if engine == "pandas":
        pd.testing.assert_frame_equal(expected, actual, check_exact=True)
    else:
        assert expected.equals(actual)
        assert expected.schema == actual.schema


@pytest.mark.parametrize("engine", ["pandas", "polars"])
@FRAME_EXAMPLES
@given(table=tables_in_some_order())
def test_growth_and_share_frames_are_the_same_on_both_paths(
    engine: str, table: tuple[Bulk, dict[str, Any]]
) -> None:
    """yoy_growth then share give identical frames with and without the layout paths."""
    bulk, columns = table
    results = dict(both(lambda: growth_then_share(to_frame(engine, columns))))
    layout, general = results["layout"], results["general"]
    if bulk.duplicate:
        assert isinstance(layout, DuplicateKeyError)
        assert str(general) == str(layout)
    else:
        assert_same_frame(engine, general, layout)


@FRAME_EXAMPLES
@given(bulk_tables().filter(lambda bulk: not bulk.duplicate), st.integers(0, 2**32 - 1))
def test_shuffled_rows_get_the_results_of_bulk_order(bulk: Bulk, seed: int) -> None:
    """Shuffling the rows shuffles the results: growth and reasons exactly, totals of whole
    numbers exactly (sums of fractions may round differently in another order)."""
    order = np.random.default_rng(seed).permutation(len(bulk.columns["value"]))
    in_bulk = growth_then_share(pd.DataFrame(bulk.columns)).iloc[order].reset_index(drop=True)
    shuffled = growth_then_share(pd.DataFrame(bulk.reordered(order)))
    growth = ["previous", "growth", "growth_reason", "unit"]
    pd.testing.assert_frame_equal(in_bulk[growth], shuffled[growth], check_exact=True)
    values = bulk.columns["value"]
    if np.array_equal(np.trunc(values), values) and np.abs(values).sum() < 2**53:
        shares = ["total", "share", "share_reason"]
        pd.testing.assert_frame_equal(in_bulk[shares], shuffled[shares], check_exact=True)


@given(tables_in_some_order(), st.booleans())
def test_previous_values_are_the_values_of_previous_rows(
    table: tuple[Bulk, dict[str, Any]], absent_bits: bool
) -> None:
    """previous_values gives take(values, previous_rows) and rows >= 0, bit for bit, in any
    order; a value carrying the empty slot's NaN bits takes the row path; duplicates refused."""
    bulk, columns = table
    year = columns["year"]
    months = np.broadcast_to(np.int8(12), year.shape)
    values = columns["value"].copy()
    if absent_bits:
        values[0] = kernel._ABSENT.view(np.float64)
    if bulk.duplicate:
        with pytest.raises(InvalidValueError, match="same keys and period"):
            kernel.previous_values(keys_of(columns), year, months, values, lag=1)
        return
    rows = kernel.previous_rows(keys_of(columns), year, months, lag=1)
    previous, found = kernel.previous_values(keys_of(columns), year, months, values, lag=1)
    assert kernel.take(values, rows).tobytes() == previous.tobytes()
    assert (rows >= 0).tolist() == found.tolist()


def test_rows_in_no_order_move_values_not_row_numbers() -> None:
    """Shuffled rows of dense keys take the value table, not the table of row numbers."""
    reporter = np.array([4, 8, 4, 8, 8, 4])
    year = np.array([2023, 2022, 2022, 2023, 2024, 2024])
    values = np.array([3.0, 2.0, 1.0, 4.0, 8.0, 9.0])
    months = np.broadcast_to(np.int8(12), year.shape)
    with mock.patch.object(kernel, "_direct") as rows_path:
        previous, found = kernel.previous_values([reporter], year, months, values, lag=1)
    rows_path.assert_not_called()
    expected = [1.0, None, None, 2.0, 4.0, 3.0]
    assert expected == [None if np.isnan(p) else p for p in previous.tolist()]
    assert [p is not None for p in expected] == found.tolist()
