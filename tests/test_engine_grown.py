"""A piece's exact polyhedron grown from its network's, not solved anew.

A piece of ``claims/_points.py`` holds its network's rows of the other claims and
rows of its own. Without HiGHS (and in the exact engine, the reference of every
agreement test) its polyhedron is the network's, solved, with the piece's rows
added (``Network._grown``). Each must be the polyhedron built from the piece's own
program: empty together, and the same minimum and maximum of every value.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tradestats.claims._linear import Polyhedron
from tradestats.claims._network import Network
from tradestats.claims.consistency import check

bench = load_script("benchmarks/bench_check.py")


def _grown(report: Any) -> list[tuple[Polyhedron, Polyhedron]]:
    """Each polyhedron a piece grew during an exact check, with the one built anew."""
    pairs: list[tuple[Polyhedron, Polyhedron]] = []
    original = Network._grown

    def spied(network: Network, key: frozenset[str]) -> Polyhedron:
        built = original(network, key)
        if network.origin is not None:
            pairs.append((built, Polyhedron(network.program(key))))
        return built

    with mock.patch.object(Network, "_grown", spied):
        check(report, _engine="exact")
    return pairs


def _same(grown: Polyhedron, scratch: Polyhedron) -> None:
    assert grown.feasible == scratch.feasible
    if not scratch.feasible:
        return
    size = scratch.program.size
    for variable in range(size):
        for sign in (1, -1):
            objective = {variable: Fraction(sign)}
            assert grown.minimum(objective) == scratch.minimum(objective)
    mixed = {variable: Fraction((-1) ** variable, variable + 1) for variable in range(size)}
    assert grown.minimum(mixed) == scratch.minimum(mixed)


@settings(max_examples=8, deadline=None)
@given(st.integers(3, 12), st.integers(0, 2**16), st.booleans())
def test_a_grown_polyhedron_is_the_one_built_anew(size: int, seed: int, error: bool) -> None:
    """Every piece's grown polyhedron allows exactly the values of its own program."""
    for grown, scratch in _grown(bench.kinds(size, seed=seed, error=error)):
        _same(grown, scratch)


def test_pieces_grow_empty_and_not() -> None:
    """Pieces do grow, some empty and some not (a test that never grew one shows nothing)."""
    pairs = _grown(bench.kinds(10, seed=7, error=True))
    assert {grown.feasible for grown, _ in pairs} == {True, False}
