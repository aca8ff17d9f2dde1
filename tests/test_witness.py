"""The guessed witness of claims in points (``claims/_witness.py``) against the search over boxes.

A guess may only shorten the search: wherever it says claims hold, the search
(which proves an empty cover or finds a witness of its own) must not say they
cannot, and the outcome of a check stays the exact engine's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests._outcomes import outcome
from tests._scripts import load_script
from tradestats.claims import _float, _witness
from tradestats.claims._network import Network
from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from tradestats.claims.report import Report

bench = load_script("benchmarks/bench_check.py")

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")


def _sets(report: Report) -> list[frozenset[str]]:
    """Each group's claims, and the same without each one of them (a conflict search's trials)."""
    network = Network(report)
    found = []
    for members in network.components:
        found.append(frozenset(members))
        found.extend(frozenset(members) - {claim_id} for claim_id in members)
    return found


@needs_highs
@settings(max_examples=20, deadline=None)
@given(st.integers(5, 15), st.integers(0, 2**16), st.booleans())
def test_a_guess_holds_only_where_the_search_does(size: int, seed: int, error: bool) -> None:
    """Whether claims hold, with the guess first and with the search alone: the same."""
    report = bench.kinds(size, seed=seed, error=error)
    for key in _sets(report):
        guessed = Network(report)
        alone = Network(report)
        with mock.patch.object(alone, "guess", return_value=False):
            expected = alone.holds(key)
        assert expected == guessed.holds(key)


@needs_highs
@pytest.mark.parametrize(("size", "seed"), [(10, 0), (20, 7), (30, 3)])
def test_a_group_with_its_conflict_removed_is_shown_to_hold_by_a_guess(
    size: int, seed: int
) -> None:
    """The trial left after a conflict (a narrow window for the claims in points) is guessed.

    Shows the guess does the work in the case it is for (the search took 18 inner
    pieces in ``kinds(100, seed=100, error=True)``), and that the outcome stays the
    exact engine's.
    """
    report = bench.kinds(size, seed=seed, error=True)
    with mock.patch.object(_witness, "point", wraps=_witness.point) as guessed:
        fast = check(report)
    found = [call for call in guessed.call_args_list if call.args[2]]
    assert found
    assert outcome(check(report, _engine="exact")) == outcome(fast)


def test_a_point_off_a_claim_in_points_is_no_witness() -> None:
    """``meets`` checks each claim in points exactly, not only the linear rows."""
    report = bench.kinds(10, seed=1)
    network = Network(report)
    key = frozenset(network.components[0])
    relations = network._relations(key)
    program = network.program(key)
    found = _witness.point(program.rows, program.free, relations, set())
    assert found is not None
    assert _witness.meets(program.rows, program.free, relations, set(), found)
    relation = relations[0]
    a, b, *_ = relation.columns
    moved = {**found, a: found[a] + found[b]}  # the first ratio moved by 1: 100 points
    assert not _witness.meets(program.rows, program.free, [relation], set(), moved)


def _guessed(report: Report) -> list[bool]:
    """Whether a point is guessed for each set of ``_sets`` that ``Network.holds`` would guess.

    Those with claims in points whose other claims hold.
    """
    network = Network(report)
    found = []
    for key in _sets(report):
        if not network.holds(key - network._points_ids):
            continue
        relations = network._relations(key)
        if relations:
            program = network.program(key)
            bases = {base for claim_id in key for base in network._positive[claim_id]}
            point = _witness.point(program.rows, program.free, relations, bases)
            found.append(point is not None)
    return found


@needs_highs
@settings(max_examples=20, deadline=None)
@given(st.integers(5, 15), st.integers(0, 2**16), st.booleans())
@example(100, 100, True)  # a guess whose first point has a base at 0 (a miss of -inf)
def test_a_guess_that_stalls_gives_up_no_point_it_would_find(
    size: int, seed: int, error: bool
) -> None:
    """Giving up when a round misses by within a fiftieth of the last loses no witness.

    The guesses of every set of a conflict search's trials (with and without a
    planted error) find the same points as when the guess runs all its rounds.
    """
    report = bench.kinds(size, seed=seed, error=error)
    with mock.patch.object(_witness, "_stalled", return_value=False):
        expected = _guessed(report)
    assert expected == _guessed(report)


@settings(max_examples=200)
@given(st.floats(allow_nan=False), st.floats(allow_nan=False))
@example(-1.0, float("-inf"))
def test_a_round_stalls_only_short_of_the_claims_and_near_the_last(
    merit: float, best: float
) -> None:
    """A stall: both rounds miss the claims in points, by within a fiftieth of each other."""
    stalled = _witness._stalled(merit, best)
    if merit >= 0 or best >= 0 or best == float("-inf"):
        assert not stalled
    else:
        assert stalled == (abs(merit - best) <= 0.02 * -best)
