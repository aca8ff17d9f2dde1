"""Benchmark year-on-year growth and shares over a large trade table, engine by engine.

Prints a table of figures; asserts nothing about speed. Run with
``python benchmarks/bench_tables.py`` (10,000,000 rows; ``--quick`` for a
small table, as CI does; ``--rows N`` for another size; ``--loops`` adds each
compiled loop's processor time within the tradestats calls).

The table is synthetic but shaped like a UN Comtrade extract: 200 reporters x
250 partners x 100 products x 2 years. Columns carry Comtrade's names and the
types a frame read from Comtrade holds: ``reporterCode`` and ``partnerCode``
(int64 M49 codes; partner 0 is the World), ``cmdCode`` (int64 six-digit HS
codes, as a CSV reader types them), ``refYear`` (int64 year: annual data) and
``primaryValue`` (float64 US dollars).

It comes in two row orders:

* bulk-file order: Comtrade's bulk files hold one reporter and one period
  each; read year by year in reporter order, with each file's rows sorted by
  partner then product (an assumption: sorted by key inside a file), they make
  one block per year sorted by (reporter, partner, product);
* shuffled: a random permutation of the rows.

For each order it times the same result with every engine: each row's growth
over the same (reporter, partner, product) one year earlier, and each row's
share of its reporter-year total:

* pandas: ``groupby(...).pct_change()`` (after a stable sort by year where the
  rows are not in year order) and ``groupby(...).transform("sum")``;
* polars: ``pct_change().over(..., order_by=...)`` and ``sum().over(...)``;
* DuckDB: ``LAG`` over a window partitioned by the keys, ordered by year, and
  ``SUM`` over the reporter-year window, fetched as an Arrow table;
* the key floor: hand-written numpy for rows already sorted by key then
  year (``v[i] / v[i-1] - 1`` where the keys match and the year is one
  before; shares by ``bincount``), timed once on sorted rows: it checks keys
  but nothing else;
* the layout floor: hand-written numpy that knows the bulk-file layout and
  checks nothing (growth is the later year's block over the earlier one's,
  minus one; a share is a value over its reporter-year block's
  ``add.reduceat`` sum), timed once on bulk-file rows: about what memory
  bandwidth allows;
* tradestats: ``yoy_growth`` then ``share`` on a pandas and on a polars frame,
  with every check (currency, duplicates, nulls, zero and negative bases), a
  reason column for each missing result and a unit column: with the compiled
  formulas where numba is installed (the ``fast`` extra; the first lines say
  whether it is), and with numpy only (``TRADESTATS_PURE_NUMPY=1``, the path
  without numba); and, for scale, the kernels of ``tradestats.tables._kernel``
  alone on numpy arrays (the alignment by calendar and the group sums, without
  checks or reasons).

Every engine's numbers are compared with the key floor's (largest absolute
difference printed). polars and DuckDB use all cores; numpy, pandas and the
tradestats kernels run on one. Peak memory of the tradestats calls above
their input is measured in a fresh subprocess per call, by sampling the
resident set size every millisecond (it counts every allocator: numpy, Arrow,
polars) and, separately, with :mod:`tracemalloc` (which sees numpy's and
Python's allocations only).
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import importlib.util
import json
import math
import os
import subprocess
import sys
import threading
import time
import tracemalloc
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt

KEYS: Final = ("reporterCode", "partnerCode", "cmdCode")
YEAR: Final = "refYear"
VALUE: Final = "primaryValue"
COLUMNS: Final = (*KEYS, YEAR, VALUE)
FULL_ROWS: Final = 10_000_000
QUICK_ROWS: Final = 200_000
PARTNERS, PRODUCTS, YEARS = 250, 100, (2022, 2023)


class Table(NamedTuple):
    """The synthetic table's columns in one row order, and each row's number in bulk order."""

    columns: dict[str, npt.NDArray[Any]]
    ids: npt.NDArray[np.int64]


class Result(NamedTuple):
    """Growth and share per row, in the order of the rows given to the engine."""

    growth: npt.NDArray[np.float64]
    share: npt.NDArray[np.float64]


class Engine(NamedTuple):
    """How to build an engine's input (untimed), compute (timed) and read the result (untimed)."""

    name: str
    build: Callable[[Table], Any]
    compute: Callable[[Any], Any]
    read: Callable[[Any, Table], Result]


# -- the table ---------------------------------------------------------------------------------


def bulk_table(rows: int, seed: int = 2023) -> Table:
    """The synthetic Comtrade-like table in bulk-file order (blocks by year, keys sorted)."""
    rng = np.random.default_rng(seed)
    reporters = max(1, math.ceil(rows / (PARTNERS * PRODUCTS * len(YEARS))))
    reporter_codes = np.sort(
        rng.choice(np.arange(4, 4 + max(900, 2 * reporters)), reporters, False)
    )
    partner_codes = np.concatenate(
        ([0], np.sort(rng.choice(np.arange(4, 900), PARTNERS - 1, False)))
    )
    product_codes = np.sort(rng.choice(np.arange(10_110, 970_600), PRODUCTS, replace=False))
    per_year = reporters * PARTNERS * PRODUCTS
    n = per_year * len(YEARS)
    columns: dict[str, npt.NDArray[Any]] = {
        "reporterCode": np.tile(np.repeat(reporter_codes, PARTNERS * PRODUCTS), len(YEARS)),
        "partnerCode": np.tile(np.repeat(partner_codes, PRODUCTS), reporters * len(YEARS)),
        "cmdCode": np.tile(product_codes, reporters * PARTNERS * len(YEARS)),
        "refYear": np.repeat(np.array(YEARS, dtype=np.int64), per_year),
        # Trade values spread over orders of magnitude, in whole dollars.
        "primaryValue": np.round(rng.lognormal(mean=12.0, sigma=2.5, size=n)),
    }
    return Table(columns, np.arange(n, dtype=np.int64))


def reordered(table: Table, order: npt.NDArray[np.int64]) -> Table:
    """The same rows in another order."""
    return Table({name: column[order] for name, column in table.columns.items()}, table.ids[order])


def shuffled(table: Table, seed: int = 7) -> Table:
    """The rows in a random order."""
    return reordered(table, np.random.default_rng(seed).permutation(len(table.ids)))


def key_sorted(table: Table) -> Table:
    """The rows sorted by reporter, partner, product, then year (each series together)."""
    c = table.columns
    return reordered(
        table, np.lexsort((c[YEAR], c["cmdCode"], c["partnerCode"], c["reporterCode"]))
    )


def input_bytes(table: Table) -> int:
    """The size of the table's columns."""
    return sum(column.nbytes for column in table.columns.values())


# -- the numpy floors --------------------------------------------------------------------------


def layout_floor(table: Table) -> Result:
    """Growth and shares for rows in bulk-file order, knowing the layout and checking nothing.

    The rows are two blocks of years holding the same keys in the same order,
    and each reporter-year is a run of ``PARTNERS * PRODUCTS`` rows: growth is
    one block divided by the other, shares a sum per run. It is the work left
    when a table's layout is known in advance, about what memory bandwidth allows.
    """
    v = table.columns[VALUE]
    half = len(v) // len(YEARS)
    growth = np.empty(len(v))
    growth[:half] = np.nan
    np.divide(v[half:], v[:half], out=growth[half:])
    growth[half:] -= 1
    run = PARTNERS * PRODUCTS
    totals = np.add.reduceat(v, np.arange(0, len(v), run))
    share = v.reshape(-1, run) / totals[:, np.newaxis]
    return Result(growth, share.reshape(-1))


def key_floor(table: Table) -> Result:
    """Growth and shares for rows already sorted by key then year: the least work possible."""
    c = table.columns
    r, p, k, y, v = (c[name] for name in COLUMNS)
    follows = r[1:] == r[:-1]
    follows &= p[1:] == p[:-1]
    follows &= k[1:] == k[:-1]
    follows &= y[1:] == y[:-1] + 1
    growth = np.full(len(v), np.nan)
    later = np.flatnonzero(follows) + 1
    growth[later] = v[later] / v[later - 1] - 1
    # Reporter codes are small integers: (reporter, year) addresses a small table directly.
    low = int(y.min())
    group = r * (int(y.max()) - low + 1) + (y - low)
    totals = np.bincount(group, weights=v)
    return Result(growth, v / totals[group])


# -- the engines -------------------------------------------------------------------------------


def _module(name: str) -> Any:
    # By name: pandas and pyarrow ship no type stubs.
    return importlib.import_module(name)


def _pandas_frame(table: Table) -> Any:
    return _module("pandas").DataFrame(table.columns)


def _polars_frame(table: Table) -> Any:
    import polars as pl

    return pl.DataFrame(table.columns)


def _pandas_compute(frame: Any) -> Any:
    year = frame[YEAR].to_numpy()
    # pct_change compares neighbours within a group: rows must be in year order first.
    ordered = frame if (year[1:] >= year[:-1]).all() else frame.sort_values(YEAR, kind="stable")
    growth = ordered.groupby(list(KEYS), sort=False)[VALUE].pct_change()
    totals = frame.groupby(["reporterCode", YEAR], sort=False)[VALUE].transform("sum")
    return frame.assign(growth=growth, share=frame[VALUE] / totals)


def _pandas_read(result: Any, _table: Table) -> Result:
    return Result(result["growth"].to_numpy(np.float64), result["share"].to_numpy(np.float64))


def _polars_compute(frame: Any) -> Any:
    import polars as pl

    value = pl.col(VALUE)
    return frame.with_columns(
        growth=value.pct_change().over(list(KEYS), order_by=YEAR),
        share=value / value.sum().over("reporterCode", YEAR),
    )


def _polars_read(result: Any, _table: Table) -> Result:
    return Result(
        result["growth"].to_numpy().astype(np.float64),
        result["share"].to_numpy().astype(np.float64),
    )


def _duckdb_build(table: Table) -> Any:
    import duckdb

    connection = duckdb.connect()
    arrow = _module("pyarrow").table({**table.columns, "row": np.arange(len(table.ids))})
    connection.register("trade", arrow)
    return connection


_DUCKDB_QUERY: Final = f"""
    SELECT row,
           {VALUE} / LAG({VALUE}) OVER (PARTITION BY {", ".join(KEYS)} ORDER BY {YEAR}) - 1
               AS growth,
           {VALUE} / SUM({VALUE}) OVER (PARTITION BY reporterCode, {YEAR}) AS share
    FROM trade
"""


def _duckdb_compute(connection: Any) -> Any:
    return connection.sql(_DUCKDB_QUERY).to_arrow_table()


def _duckdb_read(result: Any, table: Table) -> Result:
    # Window functions return rows in their own order: put them back by row number.
    rows = result["row"].to_numpy()
    growth, share = np.empty(len(table.ids)), np.empty(len(table.ids))
    growth[rows] = result["growth"].to_numpy(zero_copy_only=False)
    share[rows] = result["share"].to_numpy(zero_copy_only=False)
    return Result(growth, share)


def _tradestats_compute(frame: Any) -> Any:
    import tradestats.tables as tt

    usd = tt.ColumnUnits(currency="USD")
    grown = tt.yoy_growth(frame, keys=list(KEYS), period=YEAR, value=VALUE, units=usd)
    return tt.share(grown, by=["reporterCode"], period=YEAR, value=VALUE, units=usd)


def _tradestats_numpy_compute(frame: Any) -> Any:
    """The tradestats call on the numpy path, as where numba is not installed."""
    from tradestats.tables import _jit

    saved = os.environ.get(_jit.PURE_ENVIRONMENT)
    os.environ[_jit.PURE_ENVIRONMENT] = "1"
    try:
        return _tradestats_compute(frame)
    finally:
        if saved is None:
            del os.environ[_jit.PURE_ENVIRONMENT]
        else:
            os.environ[_jit.PURE_ENVIRONMENT] = saved


def compiled_formulas(rows: int) -> str:
    """Whether the tradestats calls run the compiled formulas, and with which numba."""
    from tradestats.tables import _jit

    if not _jit.enabled():
        return "tradestats calls: numpy formulas (numba not installed, or switched off)"
    if rows < _jit.MIN_ROWS:
        return f"tradestats calls: numpy formulas (compiled from {_jit.MIN_ROWS:,} rows on)"
    numba = importlib.import_module("numba")
    return f"tradestats calls: compiled formulas (numba {numba.__version__})"


def _kernels_build(table: Table) -> dict[str, npt.NDArray[Any]]:
    return table.columns


def _kernels_compute(columns: dict[str, npt.NDArray[Any]]) -> Result:
    """The alignment and group-sum kernels alone, on numpy arrays: no checks, no reasons."""
    from tradestats.tables import _kernel

    value, year = columns[VALUE], columns[YEAR]
    previous, _ = _kernel.previous_values(
        [columns[name] for name in KEYS],
        year,
        np.broadcast_to(np.int8(12), len(year)),
        value,
        lag=1,
    )
    growth = value / previous - 1
    groups = [columns["reporterCode"], year]
    totals = _kernel.run_totals(groups, value)
    if totals is None:
        codes, n_groups = _kernel.group_codes(groups)
        totals = _kernel.group_sums(codes, n_groups, value)[codes]
    return Result(growth, value / totals)


def _kernels_read(result: Result, _table: Table) -> Result:
    return result


def engines(*, memory_only: bool = False) -> list[Engine]:
    """The engines to compare (tradestats ones only, for memory runs)."""
    ours = [
        Engine("tradestats on pandas", _pandas_frame, _tradestats_compute, _pandas_read),
        Engine("tradestats on polars", _polars_frame, _tradestats_compute, _polars_read),
    ]
    if memory_only:
        return ours
    return [
        Engine("pandas", _pandas_frame, _pandas_compute, _pandas_read),
        Engine("polars", _polars_frame, _polars_compute, _polars_read),
        Engine("DuckDB", _duckdb_build, _duckdb_compute, _duckdb_read),
        *ours,
        Engine("tradestats numpy pandas", _pandas_frame, _tradestats_numpy_compute, _pandas_read),
        Engine("tradestats numpy polars", _polars_frame, _tradestats_numpy_compute, _polars_read),
        Engine("tradestats kernels", _kernels_build, _kernels_compute, _kernels_read),
    ]


# -- measuring ---------------------------------------------------------------------------------


#: The clock of the timings: wall time, or this process's processor time (``--cpu``).
CLOCKS: Final = {"wall": time.perf_counter, "cpu": time.process_time}


def best_of(function: Callable[[], object], repeats: int, clock: str = "wall") -> tuple[float, Any]:
    """The best time of ``repeats`` calls on ``clock``, and the last call's result."""
    now = CLOCKS[clock]
    best, result = math.inf, None
    for _ in range(repeats):
        result = None
        gc.collect()
        began = now()
        result = function()
        best = min(best, now() - began)
    return best, result


class _TimedLoops:
    """The module of compiled loops, each loop's processor time added up as it is called."""

    def __init__(self, loops: Any, seconds: dict[str, float]) -> None:
        self._loops = loops
        self._seconds = seconds

    def __getattr__(self, name: str) -> Any:
        loop = getattr(self._loops, name)
        if not callable(loop):
            return loop

        def timed(*arguments: Any) -> Any:
            began = time.process_time()
            try:
                return loop(*arguments)
            finally:
                elapsed = time.process_time() - began
                self._seconds[name] = self._seconds.get(name, 0.0) + elapsed

        return timed


def loop_times(compute: Callable[[], object], repeats: int) -> tuple[float, dict[str, float]]:
    """Processor time of the best of ``repeats`` calls, and of each compiled loop in it."""
    from unittest import mock

    from tradestats.tables import _jit

    best: tuple[float, dict[str, float]] = (math.inf, {})
    for _ in range(repeats):
        seconds: dict[str, float] = {}
        # The formulas ask _jit.loops() for the module of loops at each call.
        with mock.patch.object(_jit, "loops", return_value=_TimedLoops(_jit.loops(), seconds)):
            gc.collect()
            began = time.process_time()
            compute()
            total = time.process_time() - began
        if total < best[0]:
            best = (total, seconds)
    return best


def print_loop_times(tables: dict[str, Table], chosen: list[Engine], repeats: int) -> None:
    """Each compiled loop's processor time within the tradestats calls (``--loops``)."""
    print(f"\ncompiled loops of the tradestats calls, processor time of the best of {repeats}")
    print("(each loop timed as it is called; the rest of a call is Python, numpy and the frame)")
    for order, table in tables.items():
        for engine in chosen:
            if engine.compute is not _tradestats_compute:
                continue
            native = engine.build(table)
            engine.compute(native)  # loads the compiled loops before the timed calls
            total, seconds = loop_times(functools.partial(engine.compute, native), repeats)
            del native
            loops = ", ".join(
                f"{name} {value:.4f}"
                for name, value in sorted(seconds.items(), key=lambda item: -item[1])
            )
            print(f"{engine.name:<24} {order:<10} {total:.3f} s: {loops or 'no compiled loop'}")


def largest_difference(result: Result, expected: Result) -> float:
    """The largest absolute difference of growth and share; inf if nulls differ."""
    worst = 0.0
    for got, want in zip(result, expected, strict=True):
        missing = np.isnan(want)
        if not np.array_equal(np.isnan(got), missing):
            return math.inf
        if (~missing).any():
            worst = max(worst, float(np.max(np.abs(got[~missing] - want[~missing]))))
    return worst


def _resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure_memory(engine_name: str, order: str, rows: int) -> dict[str, float]:
    """Peak memory of one tradestats call above its input (run in a fresh process)."""
    engine = next(e for e in engines(memory_only=True) if e.name == engine_name)
    table = bulk_table(rows)
    if order == "shuffled":
        table = shuffled(table)
    size = input_bytes(table)
    native = engine.build(table)
    del table
    engine.compute(native)  # first call: imports, caches
    gc.collect()
    baseline = _resident_bytes()
    peak = baseline
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _resident_bytes())
            time.sleep(0.001)

    sampler = threading.Thread(target=sample)
    sampler.start()
    result = engine.compute(native)
    done.set()
    sampler.join()
    peak = max(peak, _resident_bytes())
    del result
    gc.collect()
    tracemalloc.start()
    engine.compute(native)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"input": size, "rss": (peak - baseline) / size, "traced": traced / size}


def memory_in_subprocess(engine: str, order: str, rows: int) -> dict[str, float] | None:
    """:func:`measure_memory` in a fresh interpreter (so earlier runs leave nothing behind)."""
    command = [sys.executable, __file__, "--memory", engine, order, "--rows", str(rows)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        print(f"memory run of {engine} ({order}) failed:\n{done.stderr[-2000:]}")
        return None
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


# -- the report --------------------------------------------------------------------------------


class Line(NamedTuple):
    """One engine's best time on one row order, and its largest difference from the key floor."""

    name: str
    order: str
    seconds: float
    difference: float


class Floors(NamedTuple):
    """The times of the two numpy floors."""

    layout: float
    key: float


def print_times(lines: list[Line], floors: Floors) -> None:
    """The table of times, each as a multiple of both floors, and each engine's shuffled/bulk."""
    bulk = {line.name: line.seconds for line in lines if line.order == "bulk-file"}
    print(
        f"{'engine':<24} {'order':<11} {'seconds':>8} {'x layout':>9} {'x key':>6} "
        f"{'x bulk':>7} {'max |diff|':>11}"
    )
    for line in lines:
        layout, key = line.seconds / floors.layout, line.seconds / floors.key
        versus = (
            f"{line.seconds / bulk[line.name]:>7.2f}"
            if line.order == "shuffled" and line.name in bulk
            else " " * 7
        )
        print(
            f"{line.name:<24} {line.order:<11} {line.seconds:>8.3f} {layout:>9.1f} {key:>6.1f} "
            f"{versus} {line.difference:>11.2g}"
        )
    print(
        "(x layout: over the layout floor; x key: over the key floor; "
        "x bulk: shuffled over bulk-file)"
    )
    print_summary(lines, floors)


def print_summary(lines: list[Line], floors: Floors) -> None:
    """Each tradestats call against the targets, both floors and the fastest other engine."""
    seconds = {(line.name, line.order): line.seconds for line in lines}
    others = ("pandas", "polars", "DuckDB")
    print("\ntradestats calls against the targets (one run, same machine state)")
    for name in (
        "tradestats on pandas",
        "tradestats on polars",
        "tradestats numpy pandas",
        "tradestats numpy polars",
    ):
        bulk, shuffled = seconds.get((name, "bulk-file")), seconds.get((name, "shuffled"))
        if bulk is None:
            continue
        fastest = {
            order: min(
                (seconds[(other, order)] for other in others if (other, order) in seconds),
                default=math.nan,
            )
            for order in ("bulk-file", "shuffled")
        }
        layout, key = bulk / floors.layout, bulk / floors.key
        text = (
            f"{name}: bulk-file {layout:.1f}x the layout floor (target <= 5), "
            f"{key:.1f}x the key floor"
        )
        if not math.isnan(fastest["bulk-file"]):
            text += f", {bulk / fastest['bulk-file']:.2f}x the fastest of {', '.join(others)}"
        if shuffled is not None:
            text += f"; shuffled {shuffled / bulk:.2f}x bulk-file (target <= 2)"
            if not math.isnan(fastest["shuffled"]):
                text += f", {shuffled / fastest['shuffled']:.2f}x the fastest other engine"
        print(text)


def print_memory(rows: int) -> None:
    """Peak memory of each tradestats call, each in a fresh process."""
    print("\npeak memory of the tradestats call above its input, as a multiple of the input")
    print(f"{'engine':<24} {'order':<11} {'RSS':>6} {'traced':>7}")
    for engine in engines(memory_only=True):
        for order in ("bulk-file", "shuffled"):
            figures = memory_in_subprocess(engine.name, order, rows)
            if figures is not None:
                rss, traced = figures["rss"], figures["traced"]
                print(f"{engine.name:<24} {order:<11} {rss:>6.2f} {traced:>7.2f}")
    if rows < 1_000_000:
        print("(RSS means little for small tables: memory freed by the warm-up call is reused)")
    print("(targets: tradestats faster than pandas, polars and DuckDB in both orders; within")
    print(" 5x of the layout floor in bulk-file order, shuffled within 2x of bulk-file order;")
    print(" under 2x the input in extra memory)")


def main() -> None:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROWS:,} rows (for CI)")
    parser.add_argument(
        "--rows",
        type=int,
        help=f"rows in the table, rounded up to whole reporters of 50,000 (default {FULL_ROWS:,})",
    )
    parser.add_argument("--repeats", type=int, help="timed calls per engine (best is kept)")
    parser.add_argument(
        "--only", nargs="+", metavar="ENGINE", help="time only these engines (names as printed)"
    )
    parser.add_argument(
        "--no-memory", dest="memory_runs", action="store_false", help="skip the memory runs"
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time by this process's processor time, not wall time: steadier on a shared "
        "machine (threads of polars and DuckDB add up, so compare those by wall time)",
    )
    parser.add_argument(
        "--loops",
        action="store_true",
        help="also print each compiled loop's processor time within the tradestats calls",
    )
    parser.add_argument("--memory", nargs=2, metavar=("ENGINE", "ORDER"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    rows = arguments.rows or (QUICK_ROWS if arguments.quick else FULL_ROWS)
    if arguments.memory:
        engine_name, order = arguments.memory
        print(json.dumps(measure_memory(engine_name, order, rows)))
        return
    repeats = arguments.repeats or (2 if arguments.quick else 3)
    clock = "cpu" if arguments.cpu else "wall"
    only = set(arguments.only or ())

    bulk = bulk_table(rows)
    n = len(bulk.ids)
    print(
        f"{n:,} rows ({input_bytes(bulk) / 2**20:,.0f} MiB of columns), best of {repeats}, "
        f"{clock} time"
    )
    print(compiled_formulas(n) + "\n")
    tables = {"bulk-file": bulk, "shuffled": shuffled(bulk)}
    history = key_sorted(bulk)
    # The floors take a fraction of a second: more repeats steady them against machine noise.
    key_seconds, floor = best_of(functools.partial(key_floor, history), 3 * repeats, clock)
    # The key floor's numbers, indexed by bulk row number, to check every engine against.
    expected = Result(np.empty(n), np.empty(n))
    expected.growth[history.ids] = floor.growth
    expected.share[history.ids] = floor.share
    del floor, history
    layout_seconds, layout = best_of(functools.partial(layout_floor, bulk), 3 * repeats, clock)
    layout_difference = largest_difference(layout, expected)
    del layout

    floors = Floors(layout_seconds, key_seconds)
    lines = [
        Line("layout floor", "bulk-file", layout_seconds, layout_difference),
        Line("key floor", "key-sorted", key_seconds, 0.0),
    ]
    chosen = [engine for engine in engines() if not only or engine.name in only]
    for order, table in tables.items():
        want = Result(expected.growth[table.ids], expected.share[table.ids])
        for engine in chosen:
            native = engine.build(table)
            seconds, result = best_of(functools.partial(engine.compute, native), repeats, clock)
            difference = largest_difference(engine.read(result, table), want)
            del native, result
            lines.append(Line(engine.name, order, seconds, difference))
    print_times(lines, floors)
    if arguments.loops:
        print_loop_times(tables, chosen, repeats)
    del tables
    if not arguments.memory_runs:
        return

    print_memory(rows)
    versions = _versions()
    print("\n" + ", ".join(f"{name} {version}" for name, version in versions.items()))


def _versions() -> dict[str, str]:
    import duckdb
    import polars as pl

    import tradestats

    return {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "pandas": _module("pandas").__version__,
        "polars": pl.__version__,
        "duckdb": duckdb.__version__,
        "tradestats": tradestats.__version__,
        **({"numba": _module("numba").__version__} if _has("numba") else {}),
    }


def _has(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    main()
