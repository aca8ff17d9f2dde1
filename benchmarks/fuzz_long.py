"""Run the fuzz tests long (profile ``fuzz-long``) and print what each entry point did.

Usage: ``python benchmarks/fuzz_long.py [--examples N] [--workers W] [--seed S] [--budget S]
[--time-limit S] [-k EXPR] [--no-census] [--save FILE] [--top-up DIR] [--ledger DIR]``.

Every entry point gets ``--examples`` inputs (100,000 by default). Several fuzz tests
may feed one entry point (``read_sdmx`` is fuzzed from four specimens): a short
census run first finds which tests call which entry point, and each test then
stops once every entry point it calls has had its share of the inputs from it.
The run uses ``--workers`` pytest-xdist workers (2 by default; each writes its own
record file) and one hypothesis seed, printed and kept in the record, so that a
run can be repeated and runs with different seeds add up honestly.
``--save`` keeps a run's counts in a file, ``--ledger DIR`` adds up the runs kept
in a folder, and ``--top-up DIR`` gives each entry point only the inputs it still
lacks there, so that a long run can be done in parts.

``--budget`` gives the whole run a number of seconds of wall time shared evenly
by the fuzz tests (a test stops, as skipped, when its share is spent, so every
entry point is reached; the census comes on top); ``--time-limit`` stops the
run outright and prints the counts so far.

Prints, per entry point: inputs run, foreign exceptions (anything but a
TradeStatsError), hangs (calls over one second), silent wrong results, the
seconds of the tests that fed it, its throughput (inputs per second of those
tests) and the share of their time spent inside tradestats (the rest is
hypothesis's generation and bookkeeping and the harness); then the wall time a
run of ``--examples`` inputs per entry point would take at the measured rates.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Run pytest on tests/fuzz with the long profile, then print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs per entry point")
    parser.add_argument("-k", default="", help="only the fuzz tests matching this expression")
    parser.add_argument("--workers", type=int, default=2, help="pytest-xdist workers (0: none)")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed (random if not)")
    parser.add_argument(
        "--time-limit", type=float, default=None, help="stop after this many seconds"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=None,
        help="seconds for the whole run, shared evenly by the fuzz tests",
    )
    parser.add_argument(
        "--no-census",
        action="store_true",
        help="give every test --examples inputs (no census of shared entry points)",
    )
    parser.add_argument(
        "--save",
        type=Path,
        default=None,
        help="also write this run's counts, seed and commit to this JSON file",
    )
    parser.add_argument(
        "--top-up",
        type=Path,
        default=None,
        help="give each entry point only what it lacks of --examples in the runs of this folder",
    )
    parser.add_argument(
        "--ledger",
        type=Path,
        default=None,
        help="run nothing: add up the runs saved in this folder and print their table",
    )
    arguments = parser.parse_args()
    if arguments.ledger:
        return _ledger(arguments.ledger)
    seed = arguments.seed if arguments.seed is not None else random.randrange(2**32)
    commit = _commit()  # the code the run imports now, not what HEAD is when it ends
    print(f"hypothesis seed {seed}; {arguments.examples} inputs per entry point", flush=True)
    per_test = 0.0
    if arguments.budget:
        # The workers share the tests: each has budget × workers ÷ tests seconds.
        per_test = arguments.budget * max(1, arguments.workers) / _count_tests(arguments.k)
        print(f"{per_test:.1f} s per fuzz test", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        shares: dict[str, int] = {}
        if not arguments.no_census:
            census = Path(folder) / "census.json"
            _pytest(arguments, seed, census, examples=10, extra={})
            shares = _shares(_read_records(census))
            print(f"census: {len(shares)} entry points", flush=True)
        shares_file = Path(folder) / "shares.json"
        shares_file.write_text(json.dumps(shares), encoding="utf-8")
        record = Path(folder) / "fuzz.json"
        extra = {"TRADESTATS_FUZZ_SECONDS": str(per_test)}
        if shares:
            extra["TRADESTATS_FUZZ_SHARES"] = str(shares_file)
        if arguments.top_up:
            quotas = {
                name: max(0, arguments.examples - row["inputs"])
                for name, row in _totals(arguments.top_up).items()
            }
            quotas_file = Path(folder) / "quotas.json"
            quotas_file.write_text(json.dumps(quotas), encoding="utf-8")
            extra["TRADESTATS_FUZZ_QUOTAS"] = str(quotas_file)
            print(f"topping up the runs in {arguments.top_up}", flush=True)
        start = time.perf_counter()
        try:
            _pytest(
                arguments,
                seed,
                record,
                examples=arguments.examples,
                extra=extra,
                timeout=arguments.time_limit,
            )
        except subprocess.TimeoutExpired:
            print(f"\nstopped after {arguments.time_limit:.0f} s: the counts so far")
        elapsed = time.perf_counter() - start
        records = _read_records(record)
    if arguments.save:
        _save(arguments.save, records, (seed, commit), elapsed, arguments)
    return _report(records, elapsed, seed, arguments, shares)


def _commit() -> str:
    """The commit the run fuzzed, with ``+changes`` if the tree differed from it."""

    def git(*command: str) -> str:
        done = subprocess.run(
            ["git", *command], check=False, cwd=ROOT, capture_output=True, text=True
        )
        return done.stdout.strip()

    changed = bool(git("status", "--porcelain", "--untracked-files=no"))
    return git("rev-parse", "--short=12", "HEAD") + ("+changes" if changed else "")


def _save(
    path: Path,
    records: list[dict[str, Any]],
    seed_and_commit: tuple[int, str],
    elapsed: float,
    arguments: argparse.Namespace,
) -> None:
    """Keep a run's counts, so that runs with different seeds can be added up (``--ledger``)."""
    counts = _merged(records)
    seed, commit = seed_and_commit
    run = {
        "seed": seed,
        "commit": commit,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "wall_seconds": round(elapsed),
        "workers": arguments.workers,
        "examples": arguments.examples,
        "filter": arguments.k,
        "entry_points": {
            name: {
                "inputs": row["inputs"],
                "foreign": dict(row["foreign"]),
                "hangs": row["hangs"],
                "wrong": row["wrong"],
                "examples": row["examples"][:5],
            }
            for name, row in sorted(counts.items())
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(run, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"saved to {path}")


def _ledger(folder: Path) -> int:
    """Add up the saved runs of a folder: per entry point, inputs and findings over all runs.

    Runs with different seeds draw different inputs, so their counts add up; each
    run names the commit it fuzzed, so a finding can be told from one fixed since.
    """
    runs = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]
    if not runs:
        print(f"no saved runs in {folder}")
        return 2
    print(f"{len(runs)} run(s):")
    for run in runs:
        print(
            f"  seed {run['seed']}, commit {run['commit']}, {run['finished']}, "
            f"{run['wall_seconds']} s on {run['workers']} worker(s)"
            + (f", -k {run['filter']!r}" if run["filter"] else "")
        )
    totals = _totals(folder)
    print(
        f"\n{'entry point':<34} {'inputs':>9} {'foreign':>7} {'hangs':>5} {'wrong':>5} {'runs':>4}"
    )
    for name in sorted(totals):
        row = totals[name]
        print(
            f"{name:<34} {row['inputs']:>9} {row['foreign']:>7} {row['hangs']:>5} "
            f"{row['wrong']:>5} {row['runs']:>4}"
        )
    return 0


def _totals(folder: Path) -> dict[str, dict[str, int]]:
    """Per entry point, inputs and findings added up over the runs saved in a folder."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in sorted(folder.glob("*.json")):
        run = json.loads(path.read_text(encoding="utf-8"))
        for name, row in run["entry_points"].items():
            total = totals[name]
            total["inputs"] += row["inputs"]
            total["foreign"] += sum(row["foreign"].values())
            total["hangs"] += row["hangs"]
            total["wrong"] += row["wrong"]
            total["runs"] += 1
    return totals


def _pytest(
    arguments: argparse.Namespace,
    seed: int,
    record: Path,
    *,
    examples: int,
    extra: dict[str, str],
    timeout: float | None = None,
) -> None:
    environment = {
        **os.environ,
        "TRADESTATS_FUZZ_PROFILE": "fuzz-long",
        "TRADESTATS_FUZZ_EXAMPLES": str(examples),
        "TRADESTATS_FUZZ_RECORD": str(record),
        "TRADESTATS_FUZZ_SEED": str(seed),
        **extra,
    }
    command = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "fuzz")]
    command += ["-n", str(arguments.workers)]
    if arguments.workers:
        command += ["--dist", "worksteal"]  # tests differ in length: idle workers take over
    command += ["--no-cov", "-p", "no:cacheprovider", "-q", f"--hypothesis-seed={seed}"]
    command += ["-W", "ignore::pytest.PytestUnraisableExceptionWarning"]
    if arguments.k:
        command += ["-k", arguments.k]
    # The whole tree of processes is ended on a timeout, xdist workers included.
    with subprocess.Popen(command, cwd=ROOT, env=environment, start_new_session=True) as process:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 15)
            process.wait()
            raise


def _read_records(base: Path) -> list[dict[str, Any]]:
    """The record of every process of a run: ``<base>`` and ``<base>.<worker>``."""
    records = []
    for path in sorted(base.parent.glob(base.name + "*")):
        if path.name.endswith(".partial"):
            continue
        try:
            records.append(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            continue
    return records


def _shares(records: list[dict[str, Any]]) -> dict[str, int]:
    """Entry point → how many fuzz tests call it."""
    shares: dict[str, int] = defaultdict(int)
    for record in records:
        for test in record["tests"].values():
            for name in test["inputs"]:
                shares[name] += 1
    return dict(shares)


def _merged(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        for name, row in record["entry_points"].items():
            into = merged.setdefault(
                name,
                {"inputs": 0, "seconds": 0.0, "foreign": defaultdict(int), "hangs": 0, "wrong": 0},
            )
            into.setdefault("examples", [])
            into["inputs"] += row["inputs"]
            into["seconds"] += row.get("seconds", 0.0)
            into["hangs"] += row["hangs"]
            into["wrong"] += row["wrong"]
            into["examples"] += row["examples"]
            for kind, count in row["foreign"].items():
                into["foreign"][kind] += count
    return merged


def _report(
    records: list[dict[str, Any]],
    elapsed: float,
    seed: int,
    arguments: argparse.Namespace,
    shares: dict[str, int],
) -> int:
    counts = _merged(records)
    tests = {name: test for record in records for name, test in record["tests"].items()}
    fed: dict[str, float] = defaultdict(float)  # entry point → seconds of the tests feeding it
    inside: dict[str, float] = defaultdict(float)
    for test in tests.values():
        for name in test["inputs"]:
            fed[name] += test["seconds"]
            inside[name] += test["inside"]
    print(f"\nseed {seed}, {len(records)} worker record(s), {len(tests)} tests")
    header = f"{'entry point':<34} {'inputs':>8} {'foreign':>7} {'hangs':>5} {'wrong':>5}"
    print(f"{header} {'test s':>8} {'inputs/s':>8} {'inside':>6}")
    for name in sorted(counts):
        row = counts[name]
        foreign = sum(row["foreign"].values())
        rate = row["inputs"] / fed[name] if fed[name] else 0.0
        share = inside[name] / fed[name] if fed[name] else 0.0
        print(
            f"{name:<34} {row['inputs']:>8} {foreign:>7} {row['hangs']:>5} {row['wrong']:>5} "
            f"{fed[name]:>8.1f} {rate:>8.0f} {share:>6.0%}"
        )
    total_inputs = sum(row["inputs"] for row in counts.values())
    print(f"\n{total_inputs} inputs in {elapsed:.0f} s of wall time")
    projected = _projection(tests, shares, arguments)
    print(
        f"projected for {arguments.examples} inputs per entry point: {projected:.0f} s of wall "
        f"time on {max(1, arguments.workers)} worker(s), at this run's rates"
    )
    for name in sorted(counts):
        row = counts[name]
        if row["foreign"] or row["hangs"] or row["wrong"]:
            print(f"\n{name}: {dict(row['foreign'])}")
            for text in row["examples"]:
                print(f"  - {text[:240]}")
    failed = any(row["foreign"] or row["hangs"] or row["wrong"] for row in counts.values())
    return 1 if failed else 0


def _projection(
    tests: dict[str, dict[str, Any]], shares: dict[str, int], arguments: argparse.Namespace
) -> float:
    """Wall seconds for the full quota of every test at the rates this run measured."""
    total = 0.0
    for test in tests.values():
        if not test["inputs"] or not test["seconds"]:
            continue
        # The test runs until its slowest-fed entry point has its share.
        needed = max(
            (
                math.ceil(arguments.examples / shares.get(name, 1)) / int(count)
                for name, count in test["inputs"].items()
                if ":" not in name  # a check on results, not an entry point (see _support)
            ),
            default=0.0,
        )
        total += float(test["seconds"]) * needed
    workers: int = arguments.workers
    return total / max(1, workers)


def _count_tests(expression: str) -> int:
    """How many fuzz tests (parametrized cases counted apart) the run has."""
    command = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "fuzz"), "--collect-only"]
    command += ["-q", "-n", "0", "--no-cov", "-p", "no:cacheprovider"]
    if expression:
        command += ["-k", expression]
    listing = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    return max(1, sum("::" in line for line in listing.stdout.splitlines()))


if __name__ == "__main__":
    sys.exit(main())
