"""The exact dual simplex from HiGHS's basis (``claims/_dual_simplex.py``).

The classic use of a warm start: a program solved, then one of its rows moved
so that the old optimum breaks it. The old basis keeps feasible duals, and a few
exact pivots must reach the new minimum, the exact simplex's, with a point of
the rows that reaches it.
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradestats.claims import _float
from tradestats.claims._dot import dot
from tradestats.claims._linear import Infeasible, Polyhedron, Program, Row, Sense

pytestmark = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")

#: The cut row is the last; each variable is at most this.
_BOX = 10


def _program(rng: random.Random) -> tuple[int, list[Row], dict[int, Fraction], list[int]]:
    """Random rows over a box, an objective, and a cut direction (a row without sides yet)."""
    size = rng.randint(2, 5)
    rows = [Row({j: 1}, "<=", _BOX) for j in range(size)]
    for _ in range(rng.randint(1, 6)):
        terms = {j: rng.randint(-4, 4) for j in range(size)}
        senses: list[Sense] = ["<=", ">=", "="] if rng.random() < 0.2 else ["<=", ">="]
        sense = rng.choice(senses)
        rows.append(Row(terms, sense, rng.randint(-5, 15)))
    objective = {j: Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for j in range(size)}
    cut = [rng.randint(-3, 3) for _ in range(size)]
    return size, rows, objective, cut


def _walked(seed: int, *, turn: bool = False) -> tuple[Fraction | None, Fraction | None] | None:
    """(the walk's minimum, the exact minimum) after a cut; ``None`` if the case is moot.

    ``turn``: walk for another objective, whose duals the basis need not fit.
    """
    rng = random.Random(seed)
    size, rows, objective, cut = _program(rng)
    try:
        before = Polyhedron(Program(size, rows)).minimum(objective)
    except Infeasible:
        return None
    model = _float.Model.of_rows(size, [(None, row) for row in rows], ())
    # The cut's row, without sides while HiGHS solves: basic, and held by nothing.
    terms = {j: Fraction(c) for j, c in enumerate(cut) if c}
    if not terms or before is None:
        return None
    model = _float.Model(size, [*model.lines, _float._Line(terms, None, None, None)], ())
    if model.minimum(objective) != before or model.witness is None:
        return None
    # Move the cut past HiGHS's vertex, then walk from its basis.
    side = dot(terms, model.witness) + Fraction(rng.randint(1, 6), rng.randint(1, 2))
    model.set_bounds(len(model.lines) - 1, side, None)
    if turn:
        objective = {j: Fraction(rng.randint(-5, 5)) for j in range(size)}
    walked = model._repaired(objective)
    cut_rows = [*rows, Row(terms, ">=", side)]
    try:
        exact = Polyhedron(Program(size, cut_rows)).minimum(objective)
    except Infeasible:
        exact = None
    if walked is not None:
        assert model.witness is not None
        assert all(_meets(row, model.witness) for row in cut_rows)
        assert dot(objective, model.witness) == walked
    return walked, exact


def _meets(row: Row, point: dict[int, Fraction]) -> bool:
    total = sum(
        (Fraction(c) * point.get(j, Fraction(0)) for j, c in row.coefficients.items()), Fraction(0)
    )
    return {"<=": total <= row.rhs, ">=": total >= row.rhs, "=": total == row.rhs}[row.sense]


@settings(max_examples=60)
@given(st.integers(0, 2**32))
def test_a_walk_that_ends_ends_at_the_exact_minimum(seed: int) -> None:
    found = _walked(seed)
    if found is not None and found[0] is not None:
        walked, exact = found
        assert walked == exact


@settings(max_examples=60)
@given(st.integers(0, 2**32))
def test_a_basis_whose_duals_do_not_fit_is_refused_or_walked_right(seed: int) -> None:
    # The walk keeps duals feasible; it cannot make them so, and must not pretend.
    # Another objective's duals break the rows' signs, or a column's reduced cost.
    found = _walked(seed, turn=True)
    if found is not None and found[0] is not None:
        walked, exact = found
        assert walked == exact


def test_the_walk_reaches_the_minimum_after_a_cut_nearly_always() -> None:
    # A cut leaves the old basis's duals feasible: the dual simplex's own case. It
    # gives up only past its pivots, so nearly every case must end in a certificate.
    cases = [found for seed in range(300) if (found := _walked(seed)) is not None]
    feasible = [(walked, exact) for walked, exact in cases if exact is not None]
    assert len(feasible) >= 100
    assert all(walked == exact for walked, exact in feasible if walked is not None)
    answered = sum(walked is not None for walked, _ in feasible)
    assert answered >= 0.95 * len(feasible), (answered, len(feasible))
    # A cut past every point leaves nothing, and the walk must not answer then.
    assert all(walked is None for walked, exact in cases if exact is None)
    # From a basis whose duals do not fit: refused, or walked to the exact minimum.
    turned = [found for seed in range(300) if (found := _walked(seed, turn=True)) is not None]
    assert all(walked == exact for walked, exact in turned if walked is not None)
    assert any(walked is not None for walked, _ in turned)


def test_a_slice_of_one_model_is_repaired_to_its_exact_minimum() -> None:
    # A share change's slices share one model whose own rows start empty: the earlier
    # share, named by those rows alone, must still be one of the model's columns, or
    # the walk from HiGHS's basis leaves it out and no slice is ever repaired.
    rows = [Row({0: 1}, "<=", 10), Row({0: 1}, ">=", 1)]
    slices = _float.Slices(2, rows, 2, (), [1])
    own = [Row({1: 2, 0: -1}, ">=", 3), Row({1: 1}, "<=", 8)]
    goal = {0: Fraction(1), 1: Fraction(1)}
    exact = Polyhedron(Program(2, [*rows, *own])).minimum(goal)
    assert slices.slice(own).minimum(goal) == exact
    assert slices.model._repaired({slices.local[j]: c for j, c in goal.items()}) == exact
