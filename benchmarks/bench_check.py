"""Benchmark the consistency check on reports of the shapes real releases have.

Prints a table of figures; asserts nothing about speed. Run with
``python benchmarks/bench_check.py`` (``--quick`` for the short run CI does,
``--profile SHAPE:CLAIMS`` to print a cProfile of one case, ``--engine exact``
for the exact reference engine alone).

Every report is generated from random exact true values, each figure rounded to
the digits a statistics office publishes (amounts to 0.1 billion yuan, growth
rates to 0.1%), so it is consistent; with ``error`` one growth rate is published
2 percentage points off (in ``partners`` the total's: one partner's would be lost
in the rounding of the others). The shapes:

* ``partners``: a total with many partners, each with a value and a growth
  rate, the total's value and growth, and the partners adding up to the total;
* ``groups``: independent groups of 7 claims (total, exports, imports: three
  values, three growth rates, one sum);
* ``years``: one flow over many years, a value and a growth rate a year;
* ``unused``: a two-claim report with many declared flows no claim uses.
* ``kinds``: independent groups of 10 claims that mix the kinds of issue 11 on
  a month and the month before: values, a change in level, a growth rate on the
  previous month, a sum, a contribution, a change of share, a difference of
  growth rates and a contribution share (with ``error``, one contribution 2
  points off).

Time and peak memory (tracemalloc, in a second run) are those of ``check(report)``;
building the report is not counted. Wall-clock seconds and the process's CPU
seconds are both printed: on a machine shared with other work, CPU seconds are the
steadier figure.

After the table, the real releases of the test corpus (``tests/data/releases``,
each a TOML report of a published release) are checked one by one: their total
CPU seconds, and the slowest of them by name. A generated shape shows how the
check grows with size; the corpus shows what a user who checks a real release
waits. ``--releases`` adds them to a run with ``--shape`` or ``--size``, or alone
runs only them.

``--before SRC`` adds a "before" column: each case is also run, in a child
process and in the same run, with the package found in ``SRC`` (for example a
worktree of an earlier commit: ``git worktree add --detach /tmp/base <commit>``,
then ``--before /tmp/base/src``), and the table shows both and their ratio.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import subprocess
import sys
import time
import tracemalloc
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import tradestats
from tradestats.claims.consistency import check
from tradestats.claims.report import (
    ChangeClaim,
    ContributionClaim,
    ContributionShareClaim,
    GrowthClaim,
    GrowthDifferenceClaim,
    Report,
    ReportFlow,
    ShareChangeClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.measures import PercentagePoints
from tradestats.periods import Lag, Period
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from collections.abc import Callable

    from tradestats.claims.report import Claim

_TENTH: Final = Decimal("0.1")
#: The corpus of real releases, each a report file.
RELEASES: Final = Path(__file__).resolve().parent.parent / "tests" / "data" / "releases"
#: The directory this run imports tradestats from (a child of --before imports it too).
HERE: Final = str(Path(tradestats.__file__).resolve().parent.parent)
#: The slowest releases shown by name (all of them are in the total).
SLOWEST: Final = 8
SHAPES = ("partners", "groups", "years", "unused", "kinds")


def _amount(value: Fraction) -> Reported[Any]:
    """A value in yuan published in billions to one decimal."""
    billions = Decimal(value.numerator) / Decimal(value.denominator) / Decimal(10**9)
    return Reported.parse_amount(f"{billions.quantize(_TENTH, ROUND_HALF_UP)} billion yuan")


def _growth(now: Fraction, before: Fraction, *, off: bool = False) -> Reported[Any]:
    """The growth rate now / before - 1, published in percent to one decimal."""
    rate = (now / before - 1) * 100
    percent = Decimal(rate.numerator) / Decimal(rate.denominator)
    if off:
        percent += 2
    return Reported.parse_growth(f"{percent.quantize(_TENTH, ROUND_HALF_UP)}%")


def _true_value(rng: random.Random) -> Fraction:
    """A true value in yuan: 1 to 50 billion, exact to the yuan."""
    return Fraction(rng.randrange(10**9, 50 * 10**9))


def _true_rate(rng: random.Random) -> Fraction:
    """A true growth factor new / old: -30% to +60%, in 1/10000 steps."""
    return Fraction(rng.randrange(7000, 16000), 10000)


def _flow(flow_id: str, partner: str = "World") -> ReportFlow:
    return ReportFlow(id=flow_id, reporter="X", flow="total", partner=partner)


def partners(claims: int, *, seed: int = 0, error: bool = False) -> Report:
    """A total with value and growth, ``(claims - 3) // 2`` partners likewise, and their sum."""
    rng = random.Random(seed)
    count = max(1, (claims - 3) // 2)
    names = [f"p{number}" for number in range(count)]
    now = {name: _true_value(rng) for name in names}
    before = {name: now[name] / _true_rate(rng) for name in names}
    total_now, total_before = sum(now.values(), Fraction(0)), sum(before.values(), Fraction(0))
    # The total's growth: a partner's 2 points are lost in the rounding of the others.
    found: list[Claim] = [
        ValueClaim(id="world-value", flow="world", period="2023", value=_amount(total_now)),
        GrowthClaim(
            id="world-growth",
            flow="world",
            period="2023",
            growth=_growth(total_now, total_before, off=error),
        ),
    ]
    for name in names:
        found.append(
            ValueClaim(id=f"{name}-value", flow=name, period="2023", value=_amount(now[name]))
        )
        found.append(
            GrowthClaim(
                id=f"{name}-growth",
                flow=name,
                period="2023",
                growth=_growth(now[name], before[name]),
            )
        )
    found.append(SumClaim(id="world-parts", total="world", parts=names))
    flows = [_flow("world"), *(_flow(name, name.upper()) for name in names)]
    return Report(title="partners", flows=flows, claims=found)


def groups(claims: int, *, seed: int = 0, error: bool = False) -> Report:
    """``claims // 7`` independent groups: total, exports, imports with values, growth, a sum."""
    rng = random.Random(seed)
    count = max(1, claims // 7)
    wrong = rng.randrange(count) if error else -1
    flows: list[ReportFlow] = []
    found: list[Claim] = []
    for number in range(count):
        exports, imports = f"e{number}", f"i{number}"
        total = f"t{number}"
        now = {exports: _true_value(rng), imports: _true_value(rng)}
        before = {name: value / _true_rate(rng) for name, value in now.items()}
        now[total], before[total] = now[exports] + now[imports], before[exports] + before[imports]
        for name in (total, exports, imports):
            flows.append(_flow(name, f"P{number}"))
            found.append(
                ValueClaim(id=f"{name}-value", flow=name, period="2023", value=_amount(now[name]))
            )
            found.append(
                GrowthClaim(
                    id=f"{name}-growth",
                    flow=name,
                    period="2023",
                    growth=_growth(now[name], before[name], off=number == wrong and name == total),
                )
            )
        found.append(SumClaim(id=f"{total}-parts", total=total, parts=[exports, imports]))
    return Report(title="groups", flows=flows, claims=found)


def years(claims: int, *, seed: int = 0, error: bool = False) -> Report:
    """One flow over ``claims // 2`` years: a value a year, and a growth rate from the second."""
    rng = random.Random(seed)
    count = max(2, claims // 2)
    values = [_true_value(rng)]
    for _ in range(count):
        values.append(values[-1] * _true_rate(rng))
    first = 2024 - count
    wrong = rng.randrange(1, count + 1) if error else -1
    found: list[Claim] = []
    for number, value in enumerate(values):
        year = str(first + number - 1)
        found.append(ValueClaim(id=f"v{year}", flow="x", period=year, value=_amount(value)))
        if number:
            found.append(
                GrowthClaim(
                    id=f"g{year}",
                    flow="x",
                    period=year,
                    growth=_growth(value, values[number - 1], off=number == wrong),
                )
            )
    return Report(title="years", flows=[_flow("x")], claims=found[: max(claims, 3)])


def unused(flows: int, *, seed: int = 0, error: bool = False) -> Report:
    """The two claims of the Xinjiang example and ``flows`` declared flows nobody uses."""
    del seed
    found: list[Claim] = [
        ValueClaim(
            id="world-value",
            flow="world",
            period="2023",
            value=Reported.parse_amount("183 billion yuan"),
        ),
        GrowthClaim(
            id="world-growth",
            flow="world",
            period="2023",
            growth=Reported.parse_growth("61.3%" if error else "59.3%"),
        ),
        ValueClaim(
            id="world-before",
            flow="world",
            period="2022",
            value=Reported.parse_amount("114.9 billion yuan"),
        ),
    ]
    declared = [_flow("world"), *(_flow(f"u{number}", f"U{number}") for number in range(flows))]
    return Report(title="unused", flows=declared, claims=found)


def _points(value: Fraction, *, off: bool = False) -> Reported[Any]:
    """A figure in points (value × 100), published to one decimal."""
    points = Decimal(value.numerator) * 100 / Decimal(value.denominator) + (2 if off else 0)
    return Reported(PercentagePoints(points.quantize(_TENTH, ROUND_HALF_UP)), Decimal("0.05"))


def _change(value: Fraction) -> Reported[Any]:
    """A signed change in level, in billions of yuan to one decimal."""
    billions = Decimal(value.numerator) / Decimal(value.denominator) / Decimal(10**9)
    return Reported.parse_amount(f"{billions.quantize(_TENTH, ROUND_HALF_UP)} billion yuan")


def kinds(claims: int, *, seed: int = 0, error: bool = False) -> Report:
    """``claims // 10`` independent groups of 10 claims of every kind, June on May."""
    rng = random.Random(seed)
    count = max(1, claims // 10)
    wrong = rng.randrange(count) if error else -1
    june, may = Period.month(2023, 6), Period.month(2023, 5)
    on_may: dict[str, Any] = {"period": june, "versus": Lag.PREVIOUS}
    flows: list[ReportFlow] = []
    found: list[Claim] = []
    for number in range(count):
        e, m, t = f"e{number}", f"m{number}", f"t{number}"
        before = {e: _true_value(rng), m: _true_value(rng)}
        now = {name: value * _true_rate(rng) for name, value in before.items()}
        before[t], now[t] = before[e] + before[m], now[e] + now[m]
        flows += [_flow(name, f"P{number}") for name in (e, m, t)]
        growth = {name: now[name] / before[name] - 1 for name in (e, m)}
        found += [
            ValueClaim(id=f"{t}-jun", flow=t, period=june, value=_amount(now[t])),
            ValueClaim(id=f"{e}-jun", flow=e, period=june, value=_amount(now[e])),
            ValueClaim(id=f"{m}-may", flow=m, period=may, value=_amount(before[m])),
            ChangeClaim(id=f"{e}-change", flow=e, change=_change(now[e] - before[e]), **on_may),
            GrowthClaim(id=f"{m}-mom", flow=m, growth=_growth(now[m], before[m]), **on_may),
            SumClaim(id=f"{t}-parts", total=t, parts=[e, m], periods=[may, june]),
            ContributionClaim(
                id=f"{e}-contribution",
                part=e,
                total=t,
                contribution=_points((now[e] - before[e]) / before[t], off=number == wrong),
                **on_may,
            ),
            ShareChangeClaim(
                id=f"{e}-share-change",
                part=e,
                whole=t,
                share_change=_points(now[e] / now[t] - before[e] / before[t]),
                **on_may,
            ),
            GrowthDifferenceClaim(
                id=f"{e}-faster",
                flow=e,
                than=m,
                difference=_points(growth[e] - growth[m]),
                **on_may,
            ),
            ContributionShareClaim(
                id=f"{e}-contribution-share",
                part=e,
                total=t,
                contribution_share=_points((now[e] - before[e]) / (now[t] - before[t])),
                **on_may,
            ),
        ]
    return Report(title="kinds", flows=flows, claims=found)


BUILDERS: dict[str, Callable[..., Report]] = {
    "partners": partners,
    "groups": groups,
    "years": years,
    "unused": unused,
    "kinds": kinds,
}
QUICK: dict[str, tuple[int, ...]] = {
    "partners": (10, 60),
    "groups": (100, 500),
    "years": (100,),
    "unused": (1000, 10000),
    "kinds": (10, 100),
}
FULL: dict[str, tuple[int, ...]] = {
    "partners": (10, 20, 30, 40, 60, 100, 1000),
    "groups": (100, 500, 1000, 1995),
    "years": (100, 500, 1000),
    "unused": (1000, 4000, 10000, 16000),
    "kinds": (10, 100, 1000),
}


def measure(
    shape: str,
    size: int,
    *,
    error: bool,
    engine: str,
    limit: float | None = None,
    memory: bool = True,
) -> dict[str, Any]:
    """Wall and CPU seconds and peak MB of one check (stopped after ``limit`` seconds).

    Returns ``seconds``, ``cpu``, ``peak`` (``None`` without ``memory``) and ``found``
    (what the check found, in words).
    """
    return _measure(BUILDERS[shape](size, seed=size, error=error), engine, limit, memory=memory)


def _measure(report: Report, engine: str, limit: float | None, *, memory: bool) -> dict[str, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    result = check(report, time_limit=limit, _engine=engine)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    # tracemalloc slows Python down: memory is measured in a second run.
    peak = _peak(report, engine, limit) if memory else None
    unfinished = len(result.unfinished)
    found = f"{len(result.conflicts)} conflict(s)" if result.conflicts else "consistent"
    if unfinished:
        found += f", {unfinished} unfinished"
    return {"seconds": seconds, "cpu": cpu, "peak": peak, "found": found}


def _peak(report: Report, engine: str, limit: float | None) -> float:
    """The peak MB Python allocates while checking ``report``."""
    tracemalloc.start()
    check(report, time_limit=limit, _engine=engine)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def _compared(
    before: str | None, shape: str, size: int | str, *, error: bool, engine: str, limit: float
) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """One case's figures before (in a child) and now.

    With ``before``, this checkout is timed in a child process too, so that both
    sides start alike: in this process, a case measured after many others ran
    5 to 20% slower (a long run's heap), which read as a regression it was not.
    Memory is measured here either way.
    """
    report = (
        Report.load(RELEASES / f"{size}.toml")
        if shape == "release"
        else BUILDERS[shape](int(size), seed=int(size), error=error)
    )
    if before is None:
        return None, _measure(report, engine, limit, memory=True)
    old = measure_elsewhere(before, shape, size, error=error, engine=engine, limit=limit)
    new = measure_elsewhere(HERE, shape, size, error=error, engine=engine, limit=limit)
    new["peak"] = _peak(report, engine, limit)
    return old, new


def measure_elsewhere(
    source: str, shape: str, size: int | str, *, error: bool, engine: str, limit: float
) -> dict[str, Any]:
    """:func:`measure` (no memory) in a child process importing tradestats from ``source``.

    ``shape`` ``"release"`` measures the release of the corpus named ``size``.
    """
    command = [sys.executable, __file__, "--case", f"{shape}:{size}", "--time-limit", str(limit)]
    command += ["--engine", engine]
    if error:
        command.append("--error")
    # A step between two looks at the clock may be long (an older engine's exact
    # simplex looked only between programs): a child far past the limit is stopped.
    cutoff = 3 * limit + 30
    try:
        found = subprocess.run(
            command,
            env={**os.environ, "PYTHONPATH": source},
            capture_output=True,
            text=True,
            check=True,
            timeout=cutoff,
        )
    except subprocess.TimeoutExpired:
        return {
            "seconds": cutoff,
            "cpu": None,
            "peak": None,
            "found": f"stopped after {cutoff:g} s",
        }
    measured: dict[str, Any] = json.loads(found.stdout.splitlines()[-1])
    return measured


def profile(case: str, *, error: bool, engine: str) -> None:
    """Print the 25 costliest functions of one check."""
    shape, size = case.split(":")
    report = BUILDERS[shape](int(size), seed=int(size), error=error)
    profiler = cProfile.Profile()
    profiler.runcall(check, report, _engine=engine)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    """Run every case and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer, smaller cases (for CI)")
    parser.add_argument("--engine", default="auto", choices=("auto", "exact"))
    parser.add_argument("--shape", choices=SHAPES, action="append", help="only these shapes")
    parser.add_argument(
        "--size",
        type=int,
        action="append",
        help="only these sizes, for every shape (claims; flows for 'unused', where x10)",
    )
    parser.add_argument(
        "--releases",
        action="store_true",
        help="also the real releases (every run without --shape or --size has them)",
    )
    parser.add_argument("--profile", metavar="SHAPE:CLAIMS", help="profile one case")
    parser.add_argument("--error", action="store_true", help="with --profile: plant an error")
    parser.add_argument(
        "--before", metavar="SRC", help="also run each case with the package in SRC, and compare"
    )
    parser.add_argument("--case", metavar="SHAPE:SIZE", help=argparse.SUPPRESS)
    parser.add_argument(
        "--time-limit",
        type=float,
        help="check(time_limit=...) for each case (default 10 s with --quick, 120 s otherwise)",
    )
    arguments = parser.parse_args()
    if arguments.profile:
        profile(arguments.profile, error=arguments.error, engine=arguments.engine)
        return
    sizes = QUICK if arguments.quick else FULL
    limit = arguments.time_limit or (10.0 if arguments.quick else 120.0)
    if arguments.case:
        shape, size = arguments.case.split(":")
        if shape == "release":
            report = Report.load(RELEASES / f"{size}.toml")
            found = _measure(report, arguments.engine, limit, memory=False)
        else:
            found = measure(
                shape,
                int(size),
                error=arguments.error,
                engine=arguments.engine,
                limit=limit,
                memory=False,
            )
        print(json.dumps(found))
        return
    if arguments.shape or arguments.size or not arguments.releases:
        table(arguments, sizes=sizes, limit=limit)
    if arguments.releases or not (arguments.shape or arguments.size):
        releases(engine=arguments.engine, limit=limit, before=arguments.before)
    if arguments.before:
        print(
            f"before: the package in {arguments.before}; both sides timed in child processes "
            "in this same run"
        )


def table(
    arguments: argparse.Namespace, *, sizes: dict[str, tuple[int, ...]], limit: float
) -> None:
    """Run the generated shapes' cases and print their table."""
    before = arguments.before
    columns = f"{'shape':<9} {'size':>6} {'error':>5}"
    if before:
        columns += f" {'before s':>9} {'cpu':>7}"
    columns += f" {'seconds':>8} {'cpu':>7}"
    if before:
        columns += f" {'speed-up':>8}"
    print(f"{columns} {'peak MB':>8}  found")
    for shape in arguments.shape or SHAPES:
        chosen = sizes[shape]
        if arguments.size:
            chosen = tuple(size * 10 if shape == "unused" else size for size in arguments.size)
        for size in chosen:
            for error in (False, True):
                line = f"{shape:<9} {size:>6} {'yes' if error else 'no':>5}"
                old, new = _compared(
                    before, shape, size, error=error, engine=arguments.engine, limit=limit
                )
                if old is not None:
                    line += f" {old['seconds']:>9.2f} {_cpu(old):>7}"
                line += f" {new['seconds']:>8.2f} {_cpu(new):>7}"
                if old is not None:
                    ratio = (
                        "-"
                        if old["cpu"] is None or new["cpu"] is None
                        else f"{old['cpu'] / max(new['cpu'], 1e-3):.1f}x"
                    )
                    line += f" {ratio:>8}"
                found = new["found"]
                if old is not None and old["found"] != found:
                    found += f" (before: {old['found']})"
                print(f"{line} {new['peak']:>8.1f}  {found}", flush=True)
    print("targets: 100 claims < 0.5 s, 1,000 claims < 5 s, 10,000 flows < 2 s, peak < 200 MB")
    print(f"each case stops after {limit:g} s (check's time_limit): see 'unfinished'")


def _cpu(measured: dict[str, Any]) -> str:
    """A child's CPU seconds, or "-" for one stopped before it printed them."""
    return "-" if measured["cpu"] is None else f"{measured['cpu']:.2f}"


def releases(*, engine: str, limit: float, before: str | None) -> None:
    """Check every release of the corpus; print the total and the slowest, in CPU seconds."""
    rows = []
    for path in sorted(RELEASES.glob("*.toml")):
        if path.stem == "expected":
            continue  # the verdicts the tests expect, not a release
        old, new = _compared(before, "release", path.stem, error=False, engine=engine, limit=limit)
        rows.append((path.stem, len(Report.load(path).claims), old, new))
    print(f"\nreal releases ({RELEASES.name}, {len(rows)} files), CPU seconds:")
    header = f"{'release':<38} {'claims':>6}"
    if before:
        header += f" {'before':>7}"
    print(f"{header} {'cpu':>7} {'peak MB':>8}  found")
    slowest = sorted(rows, key=lambda row: -(row[3]["cpu"] or 0))[:SLOWEST]
    for name, claims, old, new in slowest:
        line = f"{name:<38} {claims:>6}"
        if old is not None:
            line += f" {_cpu(old):>7}"
        print(f"{line} {_cpu(new):>7} {new['peak']:>8.1f}  {new['found']}")
    total = sum(row[3]["cpu"] or 0 for row in rows)
    line = f"{'all ' + str(len(rows)):<38} {sum(row[1] for row in rows):>6}"
    if before:
        olds = [row[2]["cpu"] for row in rows if row[2] and row[2]["cpu"] is not None]
        line += f" {sum(olds):>7.2f}" if len(olds) == len(rows) else f" {'-':>7}"
    peak = max(row[3]["peak"] for row in rows)
    print(f"{line} {total:>7.2f} {peak:>8.1f}")


if __name__ == "__main__":
    main()
