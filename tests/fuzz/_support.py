"""What every fuzz test shares: the profile, and a recorder of what each entry point did.

Two profiles: ``fuzz-ci`` (the default; a few hundred inputs per entry point, the
whole directory in about 30 seconds) and ``fuzz-long`` (``TRADESTATS_FUZZ_PROFILE=
fuzz-long``; :data:`LONG_EXAMPLES` inputs per entry point, 100,000 unless
``TRADESTATS_FUZZ_EXAMPLES`` says otherwise). ``benchmarks/fuzz_long.py`` runs the
long profile and prints, per entry point, the inputs run, foreign exceptions
(anything but a TradeStatsError), hangs (calls over one second) and silent wrong
results (a result that does not round-trip or differs from a clean reference).

In the CI profile a foreign exception, a hang over :data:`CI_HANG_SECONDS` or a
wrong result fails the test at once. With ``TRADESTATS_FUZZ_RECORD=<file>`` they
are counted instead, and the counts are written to that JSON file at the end.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from collections import defaultdict
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import pytest
from hypothesis import HealthCheck, settings

from tradestats.errors import TradeStatsError

if TYPE_CHECKING:
    from collections.abc import Callable

_P = ParamSpec("_P")
_R = TypeVar("_R")

CI_EXAMPLES = int(os.environ.get("TRADESTATS_FUZZ_CI_EXAMPLES", "150"))
LONG_EXAMPLES = int(os.environ.get("TRADESTATS_FUZZ_EXAMPLES", "100000"))
#: A call slower than this is a hang.
HANG_SECONDS = 1.0
#: In CI a shared machine has slow moments: fail only on calls slower than this.
CI_HANG_SECONDS = 10.0
RECORD = os.environ.get("TRADESTATS_FUZZ_RECORD", "")
#: A time budget per fuzz test in the long run (0: none), so that one run of a
#: fixed length reaches every entry point; a test past it stops as skipped.
SECONDS_PER_TEST = float(os.environ.get("TRADESTATS_FUZZ_SECONDS", "0"))
_clock = {"test": time.perf_counter(), "written": time.perf_counter()}

settings.register_profile(
    "fuzz-ci",
    max_examples=CI_EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,  # the same inputs on every run and every xdist worker
    suppress_health_check=list(HealthCheck),
)
settings.register_profile(
    "fuzz-long",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
PROFILE = os.environ.get("TRADESTATS_FUZZ_PROFILE", "fuzz-ci")
#: Put ``@FUZZ`` under ``@given`` on every fuzz test.
FUZZ = settings(settings.get_profile(PROFILE))


class Stats:
    """What one entry point did with its inputs."""

    def __init__(self) -> None:
        self.inputs = 0
        self.foreign: dict[str, int] = defaultdict(int)
        self.hangs = 0
        self.wrong = 0
        self.examples: list[str] = []

    def note(self, text: str) -> None:
        """Keep a few examples of what went wrong, for the report."""
        if len(self.examples) < 5:
            self.examples.append(text[:300])

    def as_dict(self) -> dict[str, Any]:
        """The counts as plain data."""
        return {
            "inputs": self.inputs,
            "foreign": dict(self.foreign),
            "hangs": self.hangs,
            "wrong": self.wrong,
            "examples": self.examples,
        }


STATS: dict[str, Stats] = defaultdict(Stats)


def call(target: str, function: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R | None:
    """``function(*args, **kwargs)``; None if it raised a TradeStatsError.

    Anything else it raises is a foreign exception: re-raised in CI, counted
    when recording. So is a call slower than the hang limit.
    """
    start = time.perf_counter()
    if SECONDS_PER_TEST and start - _clock["test"] > SECONDS_PER_TEST:
        pytest.skip(f"the time budget of {SECONDS_PER_TEST:.0f} s per fuzz test is spent")
    if RECORD and start - _clock["written"] > 2:  # so that a run cut short keeps its counts
        write_record()
    stats = STATS[target]
    stats.inputs += 1
    try:
        return function(*args, **kwargs)
    except TradeStatsError:
        return None
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt | pytest.skip.Exception) or not RECORD:
            raise
        stats.foreign[f"{type(error).__module__}.{type(error).__qualname__}"] += 1
        stats.note(
            f"{args!r:.150} {kwargs!r:.50}: {''.join(traceback.format_exception_only(error))}"
        )
        return None
    finally:
        elapsed = time.perf_counter() - start
        if elapsed > HANG_SECONDS:
            stats.hangs += 1
            stats.note(f"{elapsed:.1f} s on input #{stats.inputs}: {args!r:.200} {kwargs!r:.60}")
            assert RECORD or elapsed < CI_HANG_SECONDS, f"{target} took {elapsed:.1f} s"


def expect(target: str, holds: bool, detail: str) -> None:
    """A check on a result: a silent wrong value if it does not hold."""
    if holds:
        return
    STATS[target].wrong += 1
    STATS[target].note(f"wrong: {detail}")
    assert RECORD, f"{target}: {detail}"


def start_test() -> None:
    """Start the clock of a fuzz test's time budget."""
    _clock["test"] = time.perf_counter()


def write_record() -> None:
    """Write the counts to the TRADESTATS_FUZZ_RECORD file, merged with what is there."""
    if not RECORD:
        return
    _clock["written"] = time.perf_counter()
    try:
        with open(RECORD, encoding="utf-8") as stream:
            merged: dict[str, Any] = json.load(stream)
    except (OSError, ValueError):
        merged = {}
    for name, stats in STATS.items():
        merged[name] = stats.as_dict()
    with open(RECORD, "w", encoding="utf-8") as stream:
        json.dump(merged, stream, indent=1, ensure_ascii=False)
