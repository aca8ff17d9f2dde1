"""The garbage collector collects less often while a check runs, and as before after it."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest

from tests._scripts import load_script
from tradestats.claims import consistency
from tradestats.claims._garbage import FIRST_THRESHOLD, collecting_less

if TYPE_CHECKING:
    from collections.abc import Iterator

bench = load_script("benchmarks/bench_check.py")


@pytest.fixture
def thresholds() -> Iterator[None]:
    """The process's thresholds, set back after the test whatever it set."""
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def _seen_during_check() -> tuple[int, int, int]:
    """The thresholds in force inside a check of a small report."""
    seen: list[tuple[int, int, int]] = []
    original = consistency._within

    def spied(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_threshold())
        return original(*args, **kwargs)

    with mock.patch.object(consistency, "_within", spied):
        consistency.check(bench.kinds(10, seed=3, error=True))
    return seen[0]


@pytest.mark.usefixtures("thresholds")
def test_a_check_collects_less_and_sets_the_thresholds_back() -> None:
    gc.set_threshold(700, 11, 12)
    assert _seen_during_check() == (FIRST_THRESHOLD, 11, 12)
    assert gc.get_threshold() == (700, 11, 12)


@pytest.mark.usefixtures("thresholds")
@pytest.mark.parametrize("first", [0, FIRST_THRESHOLD * 3])
def test_a_larger_threshold_or_the_collector_off_is_left_alone(first: int) -> None:
    gc.set_threshold(first, 10, 10)
    assert _seen_during_check() == (first, 10, 10)
    assert gc.get_threshold() == (first, 10, 10)


@pytest.mark.usefixtures("thresholds")
def test_the_thresholds_come_back_when_the_block_raises() -> None:
    gc.set_threshold(700, 10, 10)
    inside: list[int] = []

    def failing() -> None:
        with collecting_less():
            inside.append(gc.get_threshold()[0])
            raise KeyError("an error inside the check")

    with pytest.raises(KeyError):
        failing()
    assert inside == [FIRST_THRESHOLD]
    assert gc.get_threshold() == (700, 10, 10)
