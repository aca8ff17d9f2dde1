"""Exact polyhedra reshaped from ones solved before, not solved anew.

Without HiGHS (and in the exact engine, the reference of every agreement test) a
set of claims' polyhedron is reshaped from one solved before where it can be
(``Network._grown``): a piece of ``claims/_points.py`` from its network's, with the
piece's own rows added; a network's set from a set solved lately that differs in a
claim or two, with rows left out and added. Each must be the polyhedron built from
the set's own program: empty together, and the same minimum and maximum of every value.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tradestats.claims import _network
from tradestats.claims._linear import Polyhedron, Program
from tradestats.claims.consistency import check

bench = load_script("benchmarks/bench_check.py")

#: How each reshaped polyhedron came about: rows left out or not, and empty or not.
Reshaped = tuple[Polyhedron, Polyhedron, bool]


def _reshaped(report: Any) -> list[Reshaped]:
    """Each polyhedron reshaped during an exact check, the one built anew, and whether rows went."""
    found: list[Reshaped] = []
    original = _network._reshaped

    def spied(outer: Polyhedron, program: Program) -> Polyhedron | None:
        reshaped = original(outer, program)
        if reshaped is not None:
            dropped = not {id(row) for row in outer.program.rows} <= {
                id(row) for row in program.rows
            }
            found.append((reshaped, Polyhedron(program), dropped))
        return reshaped

    with mock.patch.object(_network, "_reshaped", spied):
        check(report, _engine="exact")
    return found


def _same(reshaped: Polyhedron, scratch: Polyhedron) -> None:
    assert reshaped.feasible == scratch.feasible
    if not scratch.feasible:
        return
    size = scratch.program.size
    for variable in range(size):
        for sign in (1, -1):
            objective = {variable: Fraction(sign)}
            assert reshaped.minimum(objective) == scratch.minimum(objective)
    mixed = {variable: Fraction((-1) ** variable, variable + 1) for variable in range(size)}
    assert reshaped.minimum(mixed) == scratch.minimum(mixed)


@settings(max_examples=8, deadline=None)
@given(
    st.sampled_from([bench.kinds, bench.partners, bench.groups]),
    st.integers(3, 12),
    st.integers(0, 2**16),
    st.booleans(),
)
def test_a_reshaped_polyhedron_is_the_one_built_anew(
    shape: Any, size: int, seed: int, error: bool
) -> None:
    """Every reshaped polyhedron allows exactly the values of its own program."""
    for reshaped, scratch, _ in _reshaped(shape(size, seed=seed, error=error)):
        _same(reshaped, scratch)


def test_polyhedra_are_reshaped_every_way() -> None:
    """Grown only and with rows left out, empty and not (a test that never took a way shows
    nothing of it)."""
    found = _reshaped(bench.kinds(10, seed=7, error=True))
    found += _reshaped(bench.partners(12, seed=7, error=True))
    assert {(reshaped.feasible, dropped) for reshaped, _, dropped in found} == {
        (True, True),
        (True, False),
        (False, True),
        (False, False),
    }
