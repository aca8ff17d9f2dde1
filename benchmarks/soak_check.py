"""Soak the check: the fast engine and the core install against the exact engine, for long.

Usage: ``python benchmarks/soak_check.py [--seconds S] [--seed N]``.

The agreement tests of the suite (``tests/test_consistency_engine.py`` and
others) draw a few dozen random reports per run, to stay within the suite's
budget. This script draws them for as long as it is given (ten minutes by
default): a report of a random shape of ``bench_check`` (``partners``,
``groups``, ``years``, ``kinds``; 4 to 42 claims, half of them with a planted
error), checked three ways: by the fast engine (HiGHS, certified), as the core
install checks it (HiGHS hidden), and by the exact engine, the reference. Every
report whose verdicts, printed ranges, conflicts or implied figures differ
between them is printed with what rebuilds it (``bench_check.BUILDERS[shape](size,
seed=seed, error=error)``), and so is any exception. Prints the number of reports
and of differences at the end; exits 1 if there were any.

Run it after a change to the engine, beside the suite: in the eleventh session
it found, in 13,672 reports, three whose implied change of share the fast engine
printed one digit apart from the exact one (docs/performance.md, "What is left").
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Final

import bench_check

# The tests' view of a check (tests/_outcomes.py) is at the repository's root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests._outcomes import outcome

from tradestats.claims import _float
from tradestats.claims.consistency import check

#: The sizes drawn for each shape (claims), small enough for the exact engine.
SIZES: Final = {"partners": (5, 30), "groups": (7, 42), "years": (4, 30), "kinds": (10, 40)}


def _core(report: Any) -> dict[str, Any]:
    """The check's outcome as the core install gives it: HiGHS hidden."""
    available = _float.AVAILABLE
    _float.AVAILABLE = False  # type: ignore[misc]
    try:
        return outcome(check(report))
    finally:
        _float.AVAILABLE = available  # type: ignore[misc]


def soak(seconds: float, seed: int) -> tuple[int, int]:
    """Check random reports for ``seconds``; the number checked and how many disagreed."""
    rng = random.Random(seed)
    end = time.monotonic() + seconds
    checked = bad = 0
    while time.monotonic() < end:
        shape = rng.choice(sorted(SIZES))
        size, case = rng.randint(*SIZES[shape]), rng.randint(10**5, 10**7)
        error = rng.random() < 0.5
        rebuild = f"{shape}({size}, seed={case}, error={error})"
        report = bench_check.BUILDERS[shape](size, seed=case, error=error)
        try:
            exact = outcome(check(report, _engine="exact"))
            differ = [
                name
                for name, found in (("fast", outcome(check(report))), ("core", _core(report)))
                if found != exact
            ]
        except Exception:  # a soak reports every failure and goes on
            bad += 1
            print(f"raised: {rebuild}", flush=True)
            traceback.print_exc()
            continue
        checked += 1
        if differ:
            bad += 1
            print(f"differs ({', '.join(differ)} from exact): {rebuild}", flush=True)
    return checked, bad


def main() -> None:
    """Parse the arguments, soak, print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0, help="how long to run")
    parser.add_argument("--seed", type=int, default=None, help="the random seed (printed)")
    arguments = parser.parse_args()
    seed = random.randrange(2**32) if arguments.seed is None else arguments.seed
    print(f"seed {seed}", flush=True)
    checked, bad = soak(arguments.seconds, seed)
    print(f"{checked} reports checked three ways, {bad} differed or raised")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
