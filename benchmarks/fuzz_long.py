"""Run the fuzz tests long (profile ``fuzz-long``) and print what each entry point did.

Usage: ``python benchmarks/fuzz_long.py [--examples N] [--budget S] [-k EXPR] [--time-limit S]``.
By default every entry point gets 100,000 inputs (hours on one core); pass ``--examples`` to scale
down, or ``--budget`` to give the whole run a number of seconds shared evenly by the
fuzz tests (a test stops, as skipped, when its share is spent, so every entry
point is reached). Prints, per entry point: inputs run, foreign exceptions
(anything but a TradeStatsError), hangs (calls over one second) and silent wrong
results.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Run pytest on tests/fuzz with the long profile, then print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="inputs per fuzz test")
    parser.add_argument("-k", default="", help="only the fuzz tests matching this expression")
    parser.add_argument(
        "--time-limit", type=float, default=None, help="stop after this many seconds"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=None,
        help="seconds for the whole run, shared evenly by the fuzz tests",
    )
    arguments = parser.parse_args()
    per_test = 0.0
    if arguments.budget:
        per_test = arguments.budget / _count_tests(arguments.k)
        print(f"{per_test:.1f} s per fuzz test")
    with tempfile.TemporaryDirectory() as folder:
        record = Path(folder) / "fuzz.json"
        environment = {
            **os.environ,
            "TRADESTATS_FUZZ_PROFILE": "fuzz-long",
            "TRADESTATS_FUZZ_EXAMPLES": str(arguments.examples),
            "TRADESTATS_FUZZ_RECORD": str(record),
            "TRADESTATS_FUZZ_SECONDS": str(per_test),
        }
        command = [
            sys.executable,
            "-m",
            "pytest",
            str(ROOT / "tests" / "fuzz"),
            "-n",
            "0",
            "--no-cov",
            "-p",
            "no:cacheprovider",
            "-q",
            "-W",
            "ignore::pytest.PytestUnraisableExceptionWarning",
        ]
        if arguments.k:
            command += ["-k", arguments.k]
        start = time.perf_counter()
        try:
            subprocess.run(
                command, cwd=ROOT, env=environment, check=False, timeout=arguments.time_limit
            )
        except subprocess.TimeoutExpired:
            print(f"\nstopped after {arguments.time_limit:.0f} s: the counts so far")
        elapsed = time.perf_counter() - start
        counts = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    print(f"\n{'entry point':<34} {'inputs':>8} {'foreign':>8} {'hangs':>6} {'wrong':>6}")
    for name in sorted(counts):
        row = counts[name]
        foreign = sum(row["foreign"].values())
        print(f"{name:<34} {row['inputs']:>8} {foreign:>8} {row['hangs']:>6} {row['wrong']:>6}")
    print(f"\n{elapsed:.0f} s in all")
    for name in sorted(counts):
        row = counts[name]
        if row["foreign"] or row["hangs"] or row["wrong"]:
            print(f"\n{name}: {row['foreign']}")
            for text in row["examples"]:
                print(f"  - {text[:240]}")
    failed = any(row["foreign"] or row["hangs"] or row["wrong"] for row in counts.values())
    return 1 if failed else 0


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
