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
are counted instead, and the counts are written to that JSON file (one file per
pytest-xdist worker, ``<file>.<worker>``, so that workers never write one file),
with, per test, its wall time and the time spent inside the entry points: the
rest is hypothesis's generation and bookkeeping and the harness.

The long profile is built for throughput: only the generate phase (no explicit
examples, no database, no shrinking), and a backend that draws each input
afresh (hypothesis's own random provider under another name, which makes its
engine skip the tree of past inputs it keeps to avoid repeats and to mutate
them: bookkeeping that grows with the run). With ``TRADESTATS_FUZZ_SHARES=<file>``
(written by ``benchmarks/fuzz_long.py`` from a short census run: entry point →
how many tests call it) a test stops, as skipped, once each entry point it calls
has had its share of :data:`LONG_EXAMPLES` inputs from it, so that an entry
point fuzzed by four tests gets 100,000 inputs, not 400,000.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis.internal.conjecture.providers import AVAILABLE_PROVIDERS, HypothesisProvider

from tradestats.errors import TradeStatsError

if TYPE_CHECKING:
    from collections.abc import Callable

_P = ParamSpec("_P")
_R = TypeVar("_R")

CI_EXAMPLES = int(os.environ.get("TRADESTATS_FUZZ_CI_EXAMPLES", "150"))
LONG_EXAMPLES = int(os.environ.get("TRADESTATS_FUZZ_EXAMPLES", "100000"))
#: A call slower than this is a hang: both in wall time and in the process's CPU
#: time (see _hang_seconds).
HANG_SECONDS = 1.0
#: An error message quotes what it was given shortened (tradestats._text.quote):
#: a longer message echoes an input whole.
MAX_MESSAGE_LENGTH = 2_000
#: In CI a shared machine has slow moments: fail only on calls slower than this.
CI_HANG_SECONDS = 10.0
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_RECORD_BASE = os.environ.get("TRADESTATS_FUZZ_RECORD", "")
RECORD = f"{_RECORD_BASE}.{WORKER}" if _RECORD_BASE and WORKER else _RECORD_BASE
#: A time budget per fuzz test in the long run (0: none), so that one run of a
#: fixed length reaches every entry point; a test past it stops as skipped.
SECONDS_PER_TEST = float(os.environ.get("TRADESTATS_FUZZ_SECONDS", "0"))
_clock = {"test": time.perf_counter(), "written": time.perf_counter()}


class FreshInputs(HypothesisProvider):
    """Hypothesis's own provider under another name: each input drawn afresh.

    hypothesis's engine keeps a tree of every input it has run, to avoid repeats
    and to mutate old inputs into new ones, only for its built-in backend; for a
    long run that bookkeeping is cost without use, and under another name the
    provider is run without it. The inputs come from the same strategies, the
    same biases (edge cases, constants) and the same seeded random stream.
    """


AVAILABLE_PROVIDERS["tradestats-fresh"] = FreshInputs

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
    phases=[Phase.generate],
    backend="tradestats-fresh",
    suppress_health_check=list(HealthCheck),
)
PROFILE = os.environ.get("TRADESTATS_FUZZ_PROFILE", "fuzz-ci")
#: Put ``@FUZZ`` under ``@given`` on every fuzz test.
FUZZ = settings(settings.get_profile(PROFILE))


class Stats:
    """What one entry point did with its inputs."""

    def __init__(self) -> None:
        self.inputs = 0
        self.seconds = 0.0
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
            "seconds": round(self.seconds, 3),
            "foreign": dict(self.foreign),
            "hangs": self.hangs,
            "wrong": self.wrong,
            "examples": self.examples,
        }


class TestTime:
    """Where one fuzz test spent its time: in all, and inside the entry points it called."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.inside = 0.0
        self.inputs: dict[str, int] = defaultdict(int)

    def as_dict(self) -> dict[str, Any]:
        """The times and the inputs per entry point as plain data."""
        return {
            "seconds": round(self.seconds, 3),
            "inside": round(self.inside, 3),
            "inputs": dict(self.inputs),
        }


STATS: dict[str, Stats] = defaultdict(Stats)
TESTS: dict[str, TestTime] = defaultdict(TestTime)
_current = {"test": ""}


def _load_counts(variable: str) -> dict[str, int]:
    """Entry point → a count, from the JSON file the environment variable names ({} if none)."""
    path = os.environ.get(variable, "")
    if not path:
        return {}
    with open(path, encoding="utf-8") as stream:
        shares: dict[str, int] = json.load(stream)
    return shares


#: Calls a test makes before it may stop for its quota (see call).
_FIRST_INPUTS = 100
#: Entry point → how many fuzz tests call it (see TRADESTATS_FUZZ_SHARES).
SHARES = _load_counts("TRADESTATS_FUZZ_SHARES")
#: Entry point → inputs it needs in this run, where not LONG_EXAMPLES
#: (``TRADESTATS_FUZZ_QUOTAS``, written by ``fuzz_long.py --top-up``).
QUOTAS = _load_counts("TRADESTATS_FUZZ_QUOTAS")


def _quota_reached(test: TestTime) -> bool:
    """Whether every entry point this test calls has had this test's share of inputs.

    A target with a colon (``"extract: draft TOML"``) is a check made on some
    results of an entry point, reading them back, not an entry point fed inputs
    of its own: it has no quota, or a test would run until enough of its inputs
    happened to give such results.
    """
    return all(
        count >= math.ceil(QUOTAS.get(target, LONG_EXAMPLES) / SHARES.get(target, 1))
        for target, count in test.inputs.items()
        if ":" not in target
    )


def call(target: str, function: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R | None:
    """``function(*args, **kwargs)``; None if it raised a TradeStatsError.

    Anything else it raises is a foreign exception: re-raised in CI, counted
    when recording. So is a call slower than the hang limit.
    """
    start = time.perf_counter()
    test = TESTS[_current["test"]]
    if SECONDS_PER_TEST and start - _clock["test"] > SECONDS_PER_TEST:
        pytest.skip(f"the time budget of {SECONDS_PER_TEST:.0f} s per fuzz test is spent")
    # A test's entry points are known only once it has called them: a test that
    # reads a report before it writes one must not stop for the reader's quota alone.
    if (SHARES or QUOTAS) and sum(test.inputs.values()) >= _FIRST_INPUTS and _quota_reached(test):
        pytest.skip("each entry point of this test has had its share of the inputs")
    if RECORD and start - _clock["written"] > 2:  # so that a run cut short keeps its counts
        write_record()
    stats = STATS[target]
    stats.inputs += 1
    test.inputs[target] += 1
    start = time.perf_counter()
    cpu = time.process_time()
    try:
        return function(*args, **kwargs)
    except TradeStatsError as error:
        message = str(error)
        expect(
            target,
            len(message) <= MAX_MESSAGE_LENGTH,
            f"a message of {len(message)} characters: {message[:200]!r}",
        )
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
        stats.seconds += elapsed
        test.inside += elapsed
        if _hang_seconds(elapsed, cpu) > HANG_SECONDS and _slow_again(function, args, kwargs):
            stats.hangs += 1
            stats.note(f"{elapsed:.1f} s on input #{stats.inputs}: {args!r:.200} {kwargs!r:.60}")
            assert RECORD or elapsed < CI_HANG_SECONDS, f"{target} took {elapsed:.1f} s"


def _slow_again(function: Callable[..., Any], args: Any, kwargs: Any) -> bool:
    """Whether a slow call is slow again: a hang, not a cold start or a busy machine.

    The first call of an entry point in a process may import and compile (polars'
    first lazy query takes over a second on a loaded machine), and on a machine
    shared with other work any call may stall; an input that makes tradestats
    slow is slow every time.
    """
    start = time.perf_counter()
    cpu = time.process_time()
    try:
        function(*args, **kwargs)
    except BaseException as error:  # the first call already counted what it raised
        if isinstance(error, KeyboardInterrupt):
            raise
    return _hang_seconds(time.perf_counter() - start, cpu) > HANG_SECONDS


def _hang_seconds(wall: float, cpu_start: float) -> float:
    """How long a call took, robust to a busy machine and to engines' threads.

    On a machine shared with other work, wall time counts the time others had the
    processor; the process's CPU time counts the work of every thread (polars and
    DuckDB run on several), so it can exceed the wall time. A call that really
    takes long is long by both; the smaller of the two is the one to trust.
    """
    return min(wall, time.process_time() - cpu_start)


def expect(target: str, holds: bool, detail: str) -> None:
    """A check on a result: a silent wrong value if it does not hold."""
    if holds:
        return
    STATS[target].wrong += 1
    STATS[target].note(f"wrong: {detail}")
    assert RECORD, f"{target}: {detail}"


def start_test(name: str = "") -> None:
    """Start the clock of a fuzz test (its time budget, and its time in the record)."""
    _clock["test"] = time.perf_counter()
    _current["test"] = name


def finish_test() -> None:
    """Stop the clock of the running fuzz test."""
    if _current["test"]:
        TESTS[_current["test"]].seconds += time.perf_counter() - _clock["test"]
        _current["test"] = ""


_scratch: dict[str, Path] = {}


def scratch(name: str) -> Path:
    """A path named ``name`` in this process's scratch folder, reused by every input.

    A temporary folder per input cost more than many an entry point's call; one
    folder per process (an xdist worker each) keeps workers apart.
    """
    if "folder" not in _scratch:
        _scratch["folder"] = Path(tempfile.mkdtemp(prefix="tradestats-fuzz-"))
    return _scratch["folder"] / name


def remove_scratch() -> None:
    """Remove the scratch folder at the end of the session."""
    folder = _scratch.pop("folder", None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def write_record() -> None:
    """Write this process's counts to its TRADESTATS_FUZZ_RECORD file (whole, atomically)."""
    if not RECORD:
        return
    _clock["written"] = time.perf_counter()
    record = {
        "worker": WORKER or "main",
        "seed": os.environ.get("TRADESTATS_FUZZ_SEED", ""),
        "entry_points": {name: stats.as_dict() for name, stats in STATS.items()},
        "tests": {name: test.as_dict() for name, test in TESTS.items() if name},
    }
    partial = f"{RECORD}.partial"
    with open(partial, "w", encoding="utf-8") as stream:
        json.dump(record, stream, indent=1, ensure_ascii=False)
    os.replace(partial, RECORD)
