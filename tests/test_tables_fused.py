"""The compiled twins of yoy_growth and share give exactly the frames of the numpy formulas.

Where numba is installed (the ``fast`` extra), an eager job of many rows runs
the formulas of ``yoy_growth`` and ``share`` as compiled loops
(:mod:`tradestats.tables._fused`). Each property here runs the same frame both
ways, the numpy path forced by the ``TRADESTATS_PURE_NUMPY`` environment
variable, and compares the frames to the last bit: values, reasons, nulls,
units, row order, and the duplicate-key error. The compiled path is lowered to
tables of any size, and its tables of slots to key ranges of any width, so that
small generated tables take every compiled path: bulk-file blocks, runs of
groups, slots for rows in no order, and the fallbacks between them.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
pytest.importorskip("numba")

import tradestats.tables as tt  # noqa: E402 - after the importorskip
from tradestats.errors import DuplicateKeyError  # noqa: E402
from tradestats.tables import _blocks, _fused, _jit, _kernel  # noqa: E402

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
def path(name: str, *, wide: bool = False) -> Iterator[None]:
    """Run the table functions on the ``"compiled"`` or the ``"numpy"`` path, at any size.

    ``wide`` lets the compiled tables of slots cover key ranges of any width
    (generated product codes span 900,000 values over a handful of rows).
    """
    pure = "1" if name == "numpy" else "0"
    with (
        mock.patch.dict("os.environ", {_jit.PURE_ENVIRONMENT: pure}),
        mock.patch.object(_jit, "MIN_ROWS", 0),
        mock.patch.object(_fused, "_SMALL", 1 << 20 if wide else _fused._SMALL),
    ):
        yield


def growth(frame: Any, **options: Any) -> Any:
    return tt.yoy_growth(frame, keys=KEYS, period="year", value="value", units=USD, **options)


def shares(frame: Any) -> Any:
    return tt.share(frame, by=["reporter"], period="year", value="value", units=USD)


FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "yoy_growth": growth,
    "yoy_growth, negative bases allowed": lambda frame: growth(frame, allow_negative_base=True),
    "yoy_growth versus the previous period": lambda frame: growth(frame, versus="previous"),
    "share": shares,
    "share of a partner": lambda frame: tt.share(
        frame, by=["reporter", "partner"], period="year", value="value", units=USD
    ),
    "growth then share": lambda frame: shares(growth(frame)),
}


def outcome(function: Callable[[Any], Any], frame: Any) -> Any:
    """The frame, or the duplicate-key error raised."""
    try:
        return function(frame)
    except DuplicateKeyError as error:
        return error


def assert_same_outcome(engine: str, expected: Any, actual: Any) -> None:
    if isinstance(expected, DuplicateKeyError):
        assert isinstance(actual, DuplicateKeyError)
        assert str(expected) == str(actual)
    else:
        assert_same_frame(engine, expected, actual)


@pytest.mark.parametrize("engine", ["pandas", "polars"])
@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@FRAME_EXAMPLES
@given(table=tables_in_some_order(), wide=st.booleans())
def test_compiled_frames_are_the_numpy_frames(
    engine: str, name: str, table: tuple[Bulk, dict[str, Any]], wide: bool
) -> None:
    """Each twin gives the numpy formula's frame bit for bit, or its duplicate-key error,
    in bulk-file order and shuffled, with nulls, zero and negative bases and infinities."""
    _, columns = table
    function = FUNCTIONS[name]
    with path("numpy"):
        expected = outcome(function, to_frame(engine, columns))
    with path("compiled", wide=wide):
        actual = outcome(function, to_frame(engine, columns))
    assert_same_outcome(engine, expected, actual)


@st.composite
def dense_tables(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """Tables of small key ranges in random order, with zeros, negatives and nulls.

    Every reporter-year is a group of many rows in no run: the compiled group
    totals and the table of slots take them. Returns the columns and whether a
    row was duplicated.
    """
    n_keys = draw(st.integers(1, 40))
    years = draw(st.lists(st.integers(2018, 2024), min_size=1, max_size=4, unique=True))
    reporter = np.array(draw(st.lists(st.integers(0, 5), min_size=n_keys, max_size=n_keys)))
    partner = np.arange(n_keys) * draw(st.integers(1, 3))
    rows = [(r, p, 870380, y) for r, p in zip(reporter, partner, strict=True) for y in years]
    rows = [row for row in rows if draw(st.integers(0, 9)) > 0] or rows[:1]
    duplicate = draw(st.booleans()) and len(rows) > 1
    if duplicate:
        rows.append(rows[draw(st.integers(0, len(rows) - 1))])
    values = draw(
        st.lists(
            st.sampled_from([0.0, -0.0, -5.0, 3.0, 1e300, 12.5, float("nan"), float("inf")]),
            min_size=len(rows),
            max_size=len(rows),
        )
    )
    order = draw(st.permutations(range(len(rows))))
    table = np.array(rows, dtype=np.int64)[order]
    columns = {
        "reporter": table[:, 0],
        "partner": table[:, 1],
        "product": table[:, 2],
        "year": table[:, 3],
        "value": np.array(values)[order],
    }
    return columns, duplicate


@pytest.mark.parametrize("engine", ["pandas", "polars"])
@FRAME_EXAMPLES
@given(table=dense_tables(), sample=st.sampled_from([1, 2, 3, 1 << 16]))
@example(
    table=(
        {
            "reporter": np.array([1, 1]),
            "partner": np.array([0, 0]),
            "product": np.array([870380, 870380]),
            "year": np.array([2023, 2023]),
            "value": np.array([1.0, 2.0]),
        },
        True,
    ),
    sample=1,
).via("two rows of one key and year: refused on both paths")
def test_rows_in_no_order_take_the_slots_and_give_the_numpy_frames(
    engine: str, table: tuple[dict[str, Any], bool], sample: int
) -> None:
    """Rows of dense keys in random order go through the compiled slots and group totals,
    and give the numpy frames; a duplicated row is refused with the same message. Key
    tables made from a sample of rows too small to see every value give the same frames
    (the rows are coded again from all values)."""
    columns, duplicate = table
    slots, totals = _fused._growth_by_slots, _jit.loops().range_totals
    taken: list[bool] = []
    summed: list[int] = []

    def slots_spy(*args: Any) -> bool:
        taken.append(slots(*args))
        return taken[-1]

    def totals_spy(*args: Any) -> None:
        summed.append(len(args[3]))
        totals(*args)

    with path("numpy"):
        expected = outcome(FUNCTIONS["growth then share"], to_frame(engine, columns))
    with (
        path("compiled"),
        mock.patch.object(_fused, "_SAMPLE", sample),
        mock.patch.object(_fused, "_growth_by_slots", slots_spy),
        mock.patch.object(_jit.loops(), "range_totals", totals_spy),
    ):
        actual = outcome(FUNCTIONS["growth then share"], to_frame(engine, columns))
    assert isinstance(expected, DuplicateKeyError) == duplicate
    assert_same_outcome(engine, expected, actual)
    # The slots ran unless the rows were in bulk-file order (a duplicate leaves them to
    # numpy, which names it); the reporter-year totals by offsets in their ranges, unless
    # the groups came as runs of rows.
    if duplicate:
        assert (taken, summed) == ([False], [])
    else:
        assert taken in ([], [True])
        assert summed in ([], [len(columns["value"])])


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_text_keys_and_periods_of_two_lengths_give_the_numpy_frames(engine: str) -> None:
    """Text keys (codes of the engine's own) and year-to-date periods beside whole years
    (slots need periods of one length: the numpy alignment runs) agree on both paths."""
    columns = {
        "reporter": ["CHN", "CHN", "USA", "USA", "CHN", "USA"],
        "partner": ["World"] * 6,
        "product": ["TOTAL"] * 6,
        "period": ["2022", "2023", "2023", "2022", "2022-01/2022-07", "2023-01/2023-07"],
        "value": [10.0, 12.0, 0.0, 4.0, 5.0, 7.0],
    }
    frame = pd.DataFrame(columns) if engine == "pandas" else pl.DataFrame(columns)

    def both(data: Any) -> Any:
        grown = tt.yoy_growth(data, keys=KEYS, units=USD)
        return tt.share(grown, by=["reporter"], units=USD)

    with path("numpy"):
        expected = both(frame)
    with path("compiled"):
        actual = both(frame)
    assert_same_frame(engine, expected, actual)
    assert expected["growth_reason"].to_list()[3] == "no row for 2021"


def test_the_environment_variable_turns_the_compiled_path_off() -> None:
    """TRADESTATS_PURE_NUMPY=1 leaves every formula to numpy; any other value does not."""
    with mock.patch.dict("os.environ", {_jit.PURE_ENVIRONMENT: "1"}):
        assert not _jit.enabled()
        assert not _jit.runs(10**9)
    with mock.patch.dict("os.environ", {_jit.PURE_ENVIRONMENT: "0"}):
        assert _jit.enabled()
        assert _jit.runs(10**9)
        assert not _jit.runs(_jit.MIN_ROWS - 1)


def test_growth_and_share_name_their_twins() -> None:
    """The formulas of yoy_growth and share have compiled twins; contribution has none."""
    from tradestats.tables import growth, shares

    assert _blocks.twin_of(growth._growth) is _fused.growth
    assert _blocks.twin_of(shares._shares) is _fused.shares
    assert _blocks.twin_of(growth._contribution) is None


def test_reason_codes_are_numbered_as_the_numpy_formulas_number_them() -> None:
    """Each case's code is the code coded_reasons gives a row where only that case holds."""
    from tradestats.tables._blocks import coded_reasons
    from tradestats.tables._frames import Text

    only = np.eye(3, dtype=np.bool_)
    many = Text(np.array([1, 0, 1], dtype=np.int8), ["b1", "b2"])
    numpy_codes = coded_reasons(3, [(only[0], "a"), (only[1], many), (only[2], "c")])
    codes, categories = _fused._case_codes(["a", ["b1", "b2"], "c"])
    assert numpy_codes.categories == categories
    expected = numpy_codes.codes.tolist()
    assert expected == codes.tolist()


@given(st.lists(st.integers(-(2**62), 2**62), min_size=1, max_size=50))
def test_the_compiled_range_is_numpy_min_and_max(values: list[int]) -> None:
    """low_high of the compiled loop is (min, max) of the array."""
    array = np.array(values, dtype=np.int64)
    with mock.patch.object(_jit, "MIN_ROWS", 0):
        assert (int(array.min()), int(array.max())) == _jit.low_high(array)


def test_key_columns_of_mixed_types_are_left_to_numpy() -> None:
    """The compiled loops take key columns of one integer type only (not uint64), contiguous
    or strided alike, read-only or not."""
    ints = np.arange(3, dtype=np.int64)
    assert _jit.same_type([ints, ints]) is not None
    assert _jit.same_type([ints, ints.astype(np.int32)]) is None
    assert _jit.same_type([ints.astype(np.uint64)]) is None
    assert _jit.same_type([ints.astype(np.float64)]) is None
    assert _jit.same_type([]) is None
    assert _jit.same_type([ints, ints[::2].copy(), ints[::2]]) is None
    read_only = ints.copy()
    read_only.flags.writeable = False
    # A pandas column (read-only) beside codes made here (writable): one type for numba.
    same = _jit.same_type([read_only, ints])
    assert same is not None
    assert not any(column.flags.writeable for column in same)
    assert _jit.loops().strictly_ascending(same, 0, 3)
    assert ints.flags.writeable


@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12),
)
@example([(0, 1), (0, 2)], [(0, 1), (0, 2)])
@example([(0, 1), (0, 1)], [(0, 1), (0, 1)])
@example([(0, 2), (0, 1)], [(0, 2), (0, 1)])
@example([(0, 1), (0, 2)], [(0, 1), (0, 3)])
def test_the_fused_order_and_equality_check_finds_the_layouts_numpy_finds(
    first: list[tuple[int, int]], second: list[tuple[int, int]]
) -> None:
    """One compiled pass over a block's order and the next block's keys finds numpy's layouts.

    block_shifts gives the same blocks, or None, as with the two numpy checks.
    """
    rows = first + second
    keys = [np.array([row[k] for row in rows], dtype=np.int64) for k in (0, 1)]
    years = np.array([2022] * len(first) + [2023] * len(second), dtype=np.int64)
    months = np.full(len(rows), 12, dtype=np.int64)
    with path("numpy"):
        expected = _kernel.block_shifts(keys, years, months, lag=1)
    with path("compiled"):
        assert expected == _kernel.block_shifts(keys, years, months, lag=1)


@st.composite
def monthly_tables(draw: st.DrawFn) -> dict[str, Any]:
    """Tables of monthly periods over up to three years, in random order, with nulls."""
    n_keys = draw(st.integers(1, 12))
    months = draw(st.lists(st.integers(0, 35), min_size=1, max_size=8, unique=True))
    rows = [
        (k % 3, k, 2021 + m // 12, m % 12 + 1)
        for k in range(n_keys)
        for m in months
        if draw(st.integers(0, 9)) > 0
    ] or [(0, 0, 2021 + months[0] // 12, months[0] % 12 + 1)]
    values = draw(
        st.lists(
            st.sampled_from([0.0, -2.0, 3.0, 12.5, float("nan")]),
            min_size=len(rows),
            max_size=len(rows),
        )
    )
    order = draw(st.permutations(range(len(rows))))
    rows, values = [rows[i] for i in order], [values[i] for i in order]
    return {
        "reporter": np.array([row[0] for row in rows], dtype=np.int64),
        "partner": np.array([row[1] for row in rows], dtype=np.int64),
        "product": np.full(len(rows), 870380, dtype=np.int64),
        "year": [f"{row[2]}-{row[3]:02d}" for row in rows],
        "value": np.array(values),
    }


@pytest.mark.parametrize("engine", ["pandas", "polars"])
@FRAME_EXAMPLES
@given(columns=monthly_tables())
def test_monthly_rows_in_no_order_take_the_slots_and_give_the_numpy_frames(
    engine: str, columns: dict[str, Any]
) -> None:
    """Monthly periods a year (twelve slots of periods) apart go through the table of slots
    and give the numpy frames."""
    taken: list[bool] = []

    def spy(*args: Any) -> bool:
        taken.append(slots(*args))
        return taken[-1]

    slots = _fused._growth_by_slots
    with path("numpy"):
        expected = FUNCTIONS["growth then share"](to_frame(engine, columns))
    with path("compiled"), mock.patch.object(_fused, "_growth_by_slots", spy):
        actual = FUNCTIONS["growth then share"](to_frame(engine, columns))
    assert_same_frame(engine, expected, actual)
    # Rows in bulk-file order take the layout first; the others, the slots.
    assert all(taken)


EMPTY_VALUE = float(np.array([0x7FF4_0000_DEAD_BEEF], dtype=np.int64).view(np.float64)[0])
"""A NaN with the bits that mark an empty slot in the compiled table of values."""


@pytest.mark.parametrize("engine", ["pandas", "polars"])
@pytest.mark.parametrize("row", [0, 1, 2, 3])
def test_a_value_with_the_bits_of_an_empty_slot_is_a_null_like_any_nan(
    engine: str, row: int
) -> None:
    """A NaN whose bits mark an empty slot of the compiled table leaves the slots to numpy:
    it is a null value, and its later row has a null base, not a missing one."""
    columns = {
        "reporter": np.array([1, 2, 1, 2]),
        "partner": np.array([0, 0, 0, 0]),
        "product": np.array([870380] * 4),
        "year": np.array([2023, 2022, 2022, 2023]),
        "value": np.array([5.0, 4.0, 2.0, 8.0]),
    }
    columns["value"][row] = EMPTY_VALUE
    with path("numpy"):
        expected = growth(to_frame(engine, columns))
    with path("compiled"):
        actual = growth(to_frame(engine, columns))
    assert_same_frame(engine, expected, actual)
    reasons = actual["growth_reason"].to_list()
    assert reasons[row] == "null value"
    later = {0: None, 1: 3, 2: 0, 3: None}[row]
    if later is not None:
        assert reasons[later] == "null previous value"


@given(
    st.lists(
        st.tuples(st.integers(-3, 3), st.integers(0, 2), st.integers(10**5, 10**5 + 4)),
        min_size=1,
        max_size=30,
    ),
    st.booleans(),
)
def test_dense_codes_number_the_distinct_keys_in_their_order(
    rows: list[tuple[int, int, int]], marked: bool
) -> None:
    """Dense codes, by offsets in small ranges or by marking the values present, number
    the distinct key tuples in ascending order: equal tuples share a code, and a smaller
    tuple has a smaller code."""
    keys = [np.array([row[j] for row in rows], dtype=np.int64) for j in range(3)]
    with mock.patch.object(_fused, "_SMALL", 1 if marked else _fused._SMALL):
        dense = _fused._dense(keys, 10**6, _jit.low_high)
        # From a sample of every row (more rows than the sample holds: a row in two).
        with mock.patch.object(_fused, "_SAMPLE", max(len(rows) // 2, 1)):
            sampled = _fused._dense(keys, 10**6, _jit.low_high, sample=True)
    assert dense is not None
    assert sampled is not None
    # Coded from the sample: the codes of all values where the sample saw every value of
    # every column, and a miss reported where it did not see a value outside its range.
    start = np.zeros(len(rows), dtype=np.int64)
    codes, from_sample = np.empty(len(rows), dtype=np.int64), np.empty(len(rows), dtype=np.int64)
    assert _jit.loops().coded_slots(*dense[:6], start, 0, dense.size, codes)
    coded = _jit.loops().coded_slots(*sampled[:6], start, 0, sampled.size, from_sample)
    step = len(rows) // max(len(rows) // 2, 1) if len(rows) > 1 else 1
    seen = [set(column[::step].tolist()) for column in keys]
    if all(set(column.tolist()) <= values for column, values in zip(keys, seen, strict=True)):
        assert coded
    if coded:  # every value seen: the same ranges, the same numbers
        assert codes.tolist() == from_sample.tolist()
    if any(max(column) > max(values) for column, values in zip(keys, seen, strict=True)):
        assert not coded
    groups = np.empty(len(rows), dtype=np.int64)
    _jit.loops().group_totals(*dense[:5], np.zeros(len(rows)), np.zeros(dense.size), groups)
    # Numbers by offsets in the ranges need no table: the same codes without reading it.
    assert dense.by_range or marked
    if dense.by_range:
        by_range = np.empty(len(rows), dtype=np.int64)
        _jit.loops().range_totals(
            dense.columns,
            dense.lows,
            dense.strides,
            np.zeros(len(rows)),
            np.zeros(dense.size),
            by_range,
        )
        assert groups.tolist() == by_range.tolist()
    distinct = sorted(set(rows))
    if marked:  # marked values leave no gaps: the codes are the tuples' ranks
        assert dense.size == np.prod([len(set(column.tolist())) for column in keys])
    for row, code in zip(rows, groups.tolist(), strict=True):
        assert 0 <= code < dense.size
        for other, other_code in zip(rows, groups.tolist(), strict=True):
            assert (row < other) == (code < other_code)
            assert (row == other) == (code == other_code)
    assert len(distinct) == len(set(groups.tolist()))


@given(st.lists(st.integers(-5, 5), min_size=1, max_size=40))
def test_the_compiled_range_tells_the_order_numpy_tells(values: list[int]) -> None:
    """range_and_order of the compiled loop gives min, max and whether no value decreases."""
    array = np.array(values, dtype=np.int64)
    ascending = bool((array[1:] >= array[:-1]).all())
    with path("compiled"):
        assert (int(array.min()), int(array.max()), ascending) == _jit.range_and_order(array)
    with path("numpy"):
        assert (int(array.min()), int(array.max()), None) == _jit.range_and_order(array)


TOTAL_VALUES = st.sampled_from([0.0, -0.0, -5.0, 3.0, 0.1, 1e300, float("nan"), float("inf")])


@given(
    st.lists(
        st.tuples(st.integers(-3, 3), st.integers(2018, 2021), TOTAL_VALUES),
        min_size=1,
        max_size=40,
    )
)
@example([(0, 2018, 1e300), (0, 2018, 1e300), (0, 2018, -1e300)]).via("order of additions")
@example([(1, 2019, float("inf")), (1, 2019, -float("inf")), (1, 2019, -0.0)]).via("nan from inf")
def test_totals_by_range_are_the_totals_through_the_tables_and_bincount(
    rows: list[tuple[int, int, float]],
) -> None:
    """Reporter-year groups numbered by offsets in their ranges (``range_totals``) get the
    codes and the sums, bit for bit, of the loop that reads each number from its table
    (``group_totals``), and the sums ``np.bincount`` adds in row order: nulls, infinities,
    signed zeros and sums that overflow included."""
    loops = _jit.loops()
    keys = [np.array([row[j] for row in rows], dtype=np.int64) for j in range(2)]
    values = np.array([row[2] for row in rows])
    dense = _fused._dense(keys, 10**6, _jit.low_high)
    assert dense is not None
    assert dense.by_range
    results = []
    for totals in ("range_totals", "group_totals"):
        groups, sums = np.empty(len(rows), dtype=np.int16), np.zeros(dense.size)
        if totals == "range_totals":
            loops.range_totals(dense.columns, dense.lows, dense.strides, values, sums, groups)
        else:
            loops.group_totals(*dense[:5], values, sums, groups)
        results.append((groups.tolist(), sums.tobytes()))
    assert results[0] == results[1]
    groups = np.array(results[0][0])
    expected = np.bincount(groups, weights=values, minlength=dense.size)
    actual = np.frombuffer(results[0][1], dtype=np.float64)
    np.testing.assert_array_equal(expected, actual)
    assert np.signbit(expected).tolist() == np.signbit(actual).tolist()
