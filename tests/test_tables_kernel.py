"""Tests of the numpy kernels behind tradestats.tables, against slow dictionary references."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")

from tradestats.errors import InvalidValueError  # noqa: E402 - after the importorskip
from tradestats.tables import _kernel as kernel  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy.typing as npt

Row = tuple[tuple[Any, ...], int, int]
"""One row: its keys, its start month index and its number of months."""

ORDERS = ("period-major", "key-major", "shuffled", "reversed")


def reference_previous(rows: Sequence[Row]) -> list[int]:
    """Each row's year-earlier row by dictionary lookup (rows must be unique)."""
    where = {(keys, months, start): i for i, (keys, start, months) in enumerate(rows)}
    return [where.get((keys, months, start - 12), -1) for keys, start, months in rows]


def duplicated(rows: Sequence[Row]) -> bool:
    """Whether two rows share keys and period."""
    return len({(keys, months, start) for keys, start, months in rows}) < len(rows)


def arrays(rows: Sequence[Row], n_keys: int, dtypes: Sequence[Any]) -> tuple[list[Any], Any, Any]:
    """Key columns, start and months arrays of the rows."""
    keys = [np.array([row[0][k] for row in rows], dtype=dtypes[k]) for k in range(n_keys)]
    start = np.array([row[1] for row in rows], dtype=np.int64)
    months = np.array([row[2] for row in rows], dtype=np.int64)
    return keys, start, months


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[Row], int, list[Any]]:
    """Rows of a small table in one of several orders, with their key dtypes.

    Keys are small ints, wide ints (far-apart codes), or strings; periods are
    years, quarters or year-to-date spans over a few years, some rows missing,
    sometimes a duplicate.
    """
    n_keys = draw(st.integers(0, 3))
    kinds = draw(
        st.lists(st.sampled_from(["int", "wide", "str", "int32"]), min_size=n_keys, max_size=n_keys)
    )
    domains = {
        "int": st.integers(-3, 3),
        "int32": st.integers(0, 4),
        "wide": st.sampled_from([0, 7, 10**12, -(10**15), 2**61]),
        "str": st.sampled_from(["CHN", "USA", "DEU", "World", "é"]),
    }
    dtypes = {"int": np.int64, "int32": np.int32, "wide": np.int64, "str": object}
    shape = st.sampled_from([(12, 0), (3, 0), (3, 3), (7, 0), (1, 4)])  # (months, first month)
    key_tuples = st.tuples(*(domains[kind] for kind in kinds))
    combos = draw(
        st.lists(
            st.tuples(key_tuples, shape, st.integers(2019, 2023)),
            max_size=40,
            unique_by=lambda combo: (combo[0], combo[1], combo[2]),
        )
    )
    rows: list[Row] = [(keys, year * 12 + first, months) for keys, (months, first), year in combos]
    add_duplicate = draw(st.booleans())
    if rows and add_duplicate:
        duplicate: Row = draw(st.sampled_from(rows))
        rows.append(duplicate)
    order = draw(st.sampled_from(ORDERS))
    if order == "period-major":
        rows.sort(key=lambda row: (row[1], row[0], row[2]))
    elif order == "key-major":
        rows.sort(key=lambda row: (row[0], row[2], row[1]))
    elif order == "reversed":
        rows.sort(key=lambda row: (row[0], row[2], row[1]), reverse=True)
    else:
        rows = draw(st.permutations(rows))
    return rows, n_keys, [dtypes[kind] for kind in kinds]


def check_previous(
    rows: Sequence[Row], n_keys: int, dtypes: Sequence[Any], run: Callable[..., Any]
) -> None:
    """Compare ``run`` (previous_rows, maybe under patched thresholds) with the reference."""
    keys, start, months = arrays(rows, n_keys, dtypes)
    if duplicated(rows):
        with pytest.raises(InvalidValueError) as caught:
            run(keys, start, months)
        first, second = caught.value.details["row"], caught.value.details["other_row"]
        assert isinstance(first, int)
        assert isinstance(second, int)
        assert first < second
        assert rows[first] == rows[second]
    else:
        assert reference_previous(rows) == run(keys, start, months).tolist()


@given(tables())
@example(([((1,), 24276, 12), ((1,), 24264, 12), ((1,), 24264, 12)], 1, [np.int64]))
def test_previous_rows_matches_reference(table: tuple[list[Row], int, list[Any]]) -> None:
    """previous_rows finds the same year-earlier rows as a dictionary, in every row order."""
    check_previous(*table, kernel.previous_rows)


@given(tables())
def test_previous_rows_sort_path_matches_reference(table: tuple[list[Row], int, list[Any]]) -> None:
    """With direct addressing ruled out, the sort path gives the same rows."""
    with (
        mock.patch.object(kernel, "_SMALL", 0),
        mock.patch.object(kernel, "_SLOTS_PER_ROW", 0),
        mock.patch.object(kernel, "_direct") as direct,
    ):
        check_previous(*table, kernel.previous_rows)
    direct.assert_not_called()


@given(tables())
def test_each_path_matches_reference(table: tuple[list[Row], int, list[Any]]) -> None:
    """Each ordered path either declines (None) or agrees with the reference."""
    rows, n_keys, dtypes = table
    keys, start, months = arrays(rows, n_keys, dtypes)
    if len(rows) < 2 or duplicated(rows):
        return
    key = kernel._composite(
        [*(kernel._column_codes(k, i) for i, k in enumerate(keys)), kernel._offsets_of(months)],
        len(rows),
    )
    expected = reference_previous(rows)
    # The period-major path expects months that never decrease (previous_rows checks first).
    by_period = (start[1:] >= start[:-1]).all()
    for found in (
        kernel._period_major(key.codes, start) if by_period else None,
        kernel._key_major(key.codes, start),
    ):
        assert found is None or expected == found.tolist()
    dense = kernel._compact(key)
    assert expected == kernel._sorted(dense.codes, start).tolist()


def test_paths_are_taken_for_bulk_and_sorted_orders() -> None:
    """Bulk-file order takes the period-major path, history order the key-major path."""
    reporters = np.array([4, 8, 4, 8])
    start = np.array([24264, 24264, 24276, 24276])
    months = np.full(4, 12)
    with mock.patch.object(kernel, "_unordered") as unordered:
        bulk = kernel.previous_rows([reporters], start, months)
        order = [0, 2, 1, 3]
        history = kernel.previous_rows([reporters[order]], start[order], months[order])
    expected_bulk, expected_history = [-1, -1, 0, 1], [-1, 0, -1, 2]
    assert expected_bulk == bulk.tolist()
    assert expected_history == history.tolist()
    unordered.assert_not_called()


def test_period_major_blocks_with_different_keys() -> None:
    """Blocks holding different key sets are matched by binary search, not by offset."""
    reporters = np.array([1, 2, 3, 2, 3, 4])
    start = np.array([0, 0, 0, 12, 12, 12]) + 24000
    found = kernel.previous_rows([reporters], start, np.full(6, 12))
    expected = [-1, -1, -1, 1, 2, -1]
    assert expected == found.tolist()


def test_monthly_history_looks_back_twelve_rows() -> None:
    """Monthly rows of one key, sorted by month: the earlier row is twelve rows back."""
    start = np.arange(24000, 24030)
    found = kernel.previous_rows([np.zeros(30, dtype=np.int64)], start, np.ones(30, dtype=np.int64))
    assert [-1] * 12 + list(range(18)) == found.tolist()


def test_large_shuffled_table_uses_direct_addressing() -> None:
    """A shuffled table of many keys over two years: each later row finds its earlier row."""
    rng = np.random.default_rng(1)
    keys = rng.permutation(np.tile(np.arange(50_000), 2))
    order = np.argsort(keys, kind="stable")
    start = np.empty(100_000, dtype=np.int64)
    start[order[0::2]] = 2022 * 12
    start[order[1::2]] = 2023 * 12
    found = kernel.previous_rows([keys * 1000 + 7], start, np.full(100_000, 12))
    later = start == 2023 * 12
    expected_found = 50_000
    assert expected_found == int((found[later] >= 0).sum())
    assert np.array_equal(keys[found[later]], keys[later])
    assert np.array_equal(start[found[later]], start[later] - 12)
    assert (found[~later] == -1).all()


def test_previous_rows_of_nothing() -> None:
    """An empty table has no earlier rows."""
    empty = np.zeros(0, dtype=np.int64)
    expected: list[int] = []
    assert expected == kernel.previous_rows([empty], empty, empty).tolist()


@pytest.mark.parametrize(
    ("keys", "start", "months", "message"),
    [
        ([np.array([1, 2])], np.array([1]), np.array([12]), "same length"),
        ([np.array([1])], np.array([1.0]), np.array([12]), "start must be an integer array"),
        ([np.array([[1]])], np.array([1]), np.array([12]), "one-dimensional"),
        (
            [np.array(["a", None], dtype=object)],
            np.array([1, 2]),
            np.array([1, 1]),
            "null at row 1",
        ),
        ([np.array([1.0, np.nan])], np.array([1, 2]), np.array([1, 1]), "null at row 1"),
    ],
)
def test_previous_rows_rejects_bad_arrays(
    keys: list[npt.NDArray[Any]],
    start: npt.NDArray[Any],
    months: npt.NDArray[Any],
    message: str,
) -> None:
    """Arrays of different lengths, non-integer periods and null keys raise InvalidValueError."""
    with pytest.raises(InvalidValueError, match=message):
        kernel.previous_rows(keys, start, months)


def test_duplicate_error_names_both_rows() -> None:
    """A duplicated (key, period) raises with both row numbers in the details."""
    keys = [np.array(["CHN", "USA", "CHN"], dtype=object)]
    with pytest.raises(InvalidValueError, match="rows 0 and 2") as caught:
        kernel.previous_rows(keys, np.array([5, 5, 5]), np.array([12, 12, 12]))
    expected = {"row": 0, "other_row": 2}
    assert expected == caught.value.details


key_columns = st.lists(st.sampled_from([0, 1, 2, 10**13]), max_size=30).flatmap(
    lambda first: st.tuples(
        st.just(first),
        st.lists(st.sampled_from(["a", "b", "c"]), min_size=len(first), max_size=len(first)),
        st.lists(st.booleans(), min_size=len(first), max_size=len(first)),
    )
)


@given(key_columns)
def test_group_codes_number_groups_densely(
    columns: tuple[list[int], list[str], list[bool]],
) -> None:
    """Equal keys get one code, distinct keys distinct codes, numbered 0.. in key order."""
    ints, texts, flags = columns
    codes, n_groups = kernel.group_codes(
        [np.array(ints, dtype=np.int64), np.array(texts, dtype=object), np.array(flags)]
    )
    rows = list(zip(ints, texts, flags, strict=True))
    expected = {key: code for code, key in enumerate(sorted(set(rows)))}
    assert [expected[row] for row in rows] == codes.tolist()
    assert len(expected) == n_groups


@given(key_columns, st.lists(st.integers(-1000, 1000), min_size=30, max_size=30))
def test_group_sums_add_up_each_group(
    columns: tuple[list[int], list[str], list[bool]], values: list[int]
) -> None:
    """group_sums gives each group the sum of its rows' values."""
    ints = columns[0]
    codes, n_groups = kernel.group_codes([np.array(ints, dtype=np.int64)])
    sums = kernel.group_sums(codes, n_groups, np.array(values[: len(ints)], dtype=np.float64))
    expected: dict[int, float] = {}
    for key, value in zip(ints, values, strict=False):
        expected[key] = expected.get(key, 0.0) + value
    assert [expected[key] for key in sorted(expected)] == sums.tolist()


def test_group_codes_needs_a_key() -> None:
    """group_codes with no key arrays raises (there is no row count to number)."""
    with pytest.raises(InvalidValueError, match="at least one key"):
        kernel.group_codes([])


def test_group_sums_rejects_lengths_that_differ() -> None:
    """Codes and values of different lengths raise InvalidValueError."""
    with pytest.raises(InvalidValueError, match="same length"):
        kernel.group_sums(np.array([0, 0]), 1, np.array([1.0]))


def test_take_fills_missing_rows_with_nan() -> None:
    """take gathers values and puts NaN where the row index is -1."""
    taken = kernel.take(np.array([1.0, 2.0, 3.0]), np.array([2, -1, 0]))
    expected = [3.0, 1.0]
    assert expected == [taken[0], taken[2]]
    assert np.isnan(taken[1])


def test_unsigned_and_huge_codes() -> None:
    """uint64 keys above the int64 range and keys spread over 2**62 are still compared exactly."""
    huge = np.array([2**64 - 1, 2**64 - 2, 2**64 - 1], dtype=np.uint64)
    spread = np.array([-(2**62), 2**62, -(2**62)], dtype=np.int64)
    start = np.array([0, 12, 12])
    expected = [-1, -1, 0]
    assert expected == kernel.previous_rows([huge], start, np.full(3, 12)).tolist()
    assert expected == kernel.previous_rows([spread], start, np.full(3, 12)).tolist()


def test_keys_of_mixed_types() -> None:
    """Object keys mixing str and int (which do not sort together) are still grouped."""
    keys = [np.array(["CHN", 156, "CHN", 156], dtype=object)]
    start = np.array([0, 0, 12, 12])
    expected = [-1, -1, 0, 1]
    assert expected == kernel.previous_rows(keys, start, np.full(4, 12)).tolist()
