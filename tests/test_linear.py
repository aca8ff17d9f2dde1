"""The exact simplex method: against vertex enumeration; infeasible, unbounded, degenerate."""

from __future__ import annotations

import itertools
from fractions import Fraction
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradestats.claims import _linear
from tradestats.claims._linear import (
    Infeasible,
    Polyhedron,
    Program,
    Row,
    charnes_cooper,
    linear_sum,
    ratio_range,
)

BOX = 4  # every random program keeps its variables in 0 <= x <= BOX, so it is bounded
coefficients = st.integers(-3, 3)


@st.composite
def programs(draw: st.DrawFn) -> Program:
    """Small random programs in a box, with a mix of <=, >= and = rows."""
    size = draw(st.integers(1, 3))
    rows = _rows(draw, size, draw(st.integers(0, 4)))
    rows += [Row({j: 1}, "<=", BOX) for j in range(size)]
    return Program(size, rows)


def _rows(draw: st.DrawFn, size: int, count: int) -> list[Row]:
    """``count`` random rows on ``size`` variables, of every sense."""
    return [
        Row(
            {j: draw(coefficients) for j in range(size)},
            draw(st.sampled_from(["<=", ">=", "="])),
            draw(st.integers(-6, 6)),
        )
        for _ in range(count)
    ]


def _solve(matrix: list[list[Fraction]], rhs: list[Fraction]) -> list[Fraction] | None:
    """The unique solution of a square system, or ``None`` if it is singular."""
    size = len(matrix)
    rows = [[*line, value] for line, value in zip(matrix, rhs, strict=True)]
    for column in range(size):
        pivot = next((r for r in range(column, size) if rows[r][column]), None)
        if pivot is None:
            return None
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for r in range(size):
            if r != column and rows[r][column]:
                factor = rows[r][column] / rows[column][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[column], strict=True)]
    return [rows[r][size] / rows[r][r] for r in range(size)]


def _holds(program: Program, point: list[Fraction]) -> bool:
    if any(value < 0 for value in point):
        return False
    for row in program.rows:
        left = sum((Fraction(c) * point[j] for j, c in row.coefficients.items()), Fraction(0))
        if (
            (row.sense == "<=" and left > row.rhs)
            or (row.sense == ">=" and left < row.rhs)
            or (row.sense == "=" and left != row.rhs)
        ):
            return False
    return True


def vertices(program: Program) -> list[list[Fraction]]:
    """Every vertex of a program's (bounded) polyhedron, by brute force."""
    size = program.size
    planes = [
        ([Fraction(row.coefficients.get(j, 0)) for j in range(size)], Fraction(row.rhs))
        for row in program.rows
    ]
    planes += [([Fraction(int(j == k)) for j in range(size)], Fraction(0)) for k in range(size)]
    found = []
    for chosen in itertools.combinations(planes, size):
        point = _solve([plane for plane, _ in chosen], [value for _, value in chosen])
        if point is not None and _holds(program, point):
            found.append(point)
    return found


@given(programs(), st.lists(coefficients, min_size=3, max_size=3))
def test_minimum_matches_vertex_enumeration(program: Program, weights: list[int]) -> None:
    """Over a bounded polyhedron, the minimum is the smallest value at a vertex."""
    objective = {j: weights[j] for j in range(program.size)}
    corners = vertices(program)
    polyhedron = Polyhedron(program)
    assert bool(corners) == polyhedron.feasible
    if corners:
        expected = min(sum((objective[j] * x[j] for j in objective), Fraction(0)) for x in corners)
        assert expected == polyhedron.minimum(objective)
        assert -expected == polyhedron.maximum({j: -w for j, w in objective.items()})


@given(programs(), st.lists(coefficients, min_size=3, max_size=3), st.integers(1, 3))
def test_ratio_range_matches_vertex_enumeration(
    program: Program, weights: list[int], offset: int
) -> None:
    """A ratio with a positive denominator takes its extremes at vertices (Charnes–Cooper)."""
    numerator = {j: weights[j] for j in range(program.size)}
    denominator = {0: 1}
    corners = vertices(program)
    if not corners:
        with pytest.raises(Infeasible):
            ratio_range(program, numerator, denominator, (0, offset))
        return
    values = [
        sum((numerator[j] * x[j] for j in numerator), Fraction(0)) / (x[0] + offset)
        for x in corners
    ]
    assert (min(values), max(values)) == ratio_range(program, numerator, denominator, (0, offset))


@st.composite
def open_programs(draw: st.DrawFn) -> Program:
    """Small random programs, bounded or not, some variables free."""
    size = draw(st.integers(1, 3))
    rows = _rows(draw, size, draw(st.integers(1, 5)))
    boxed = draw(st.sets(st.integers(0, size - 1)))
    rows += [Row({j: 1}, "<=", BOX) for j in sorted(boxed)]
    free = draw(st.sets(st.integers(0, size - 1)))
    return Program(size, rows, frozenset(free))


@settings(max_examples=300, deadline=None)
@given(
    open_programs(),
    st.lists(coefficients, min_size=3, max_size=3),
    st.integers(-3, 3),
    st.lists(coefficients, min_size=4, max_size=4),
)
def test_charnes_cooper_from_a_vertex_is_the_one_from_scratch(
    program: Program, weights: list[int], constant: int, objective: list[int]
) -> None:
    """The transformed polyhedron read off a vertex's tableau answers as the one built anew.

    Whatever the denominator's sign, and on unbounded programs: the same set, so the
    same feasibility and the same minimum and maximum of any objective in ``y`` and ``t``.
    """
    plain = Polyhedron(program)
    if not plain.feasible:
        return  # the transform is of a program that holds (an empty one may have a feasible cone)
    denominator = {j: weights[j] for j in range(program.size) if weights[j]}
    scratch = Polyhedron(charnes_cooper(program, denominator, constant))
    with mock.patch.object(_linear, "_phase_one", wraps=_linear._phase_one) as phase_one:
        derived = plain.charnes_cooper(denominator, constant)
    assert derived.feasible == scratch.feasible
    if not scratch.feasible:
        return
    wanted = {j: objective[j] for j in range(program.size + 1) if j < len(objective)}
    assert derived.minimum(wanted) == scratch.minimum(wanted)
    assert derived.maximum(wanted) == scratch.maximum(wanted)
    if phase_one.call_count == 0 and derived.minimum(wanted) is not None:
        # The point found is a point of the transformed program.
        assert all(row.meets(derived.point) for row in derived.program.rows)


@settings(max_examples=300, deadline=None)
@given(open_programs(), open_programs(), st.lists(coefficients, min_size=4, max_size=4))
def test_rows_added_to_a_solved_polyhedron_answer_as_from_scratch(
    first: Program, second: Program, objective: list[int]
) -> None:
    """More rows, some on a variable the first rows never name: the same set as built anew."""
    size = max(first.size, second.size) + 1
    extra = [*second.rows, Row({size - 1: 1, 0: -1}, "<=", 2)]
    program = Program(size, [*first.rows, *extra], first.free)
    scratch = Polyhedron(program)
    grown = Polyhedron(first).with_rows(extra, size)
    assert grown.feasible == scratch.feasible
    if not scratch.feasible:
        return
    wanted = {j: objective[j] for j in range(size)}
    assert grown.minimum(wanted) == scratch.minimum(wanted)
    assert grown.maximum(wanted) == scratch.maximum(wanted)
    low = grown.minimum(wanted)
    if low is not None:
        assert all(row.meets(grown.point) for row in program.rows)
        assert all(grown.point.get(j, 0) >= 0 for j in range(size) if j not in program.free)


def test_charnes_cooper_from_a_vertex_needs_no_phase_one() -> None:
    """A ratio over claims with the base above 0 at the first vertex: no second phase one."""
    program = Program(
        2,
        [
            Row({0: 1}, ">=", Fraction(1825, 10)),
            Row({0: 1}, "<=", Fraction(1835, 10)),
            Row({0: 1, 1: Fraction(-15925, 10000)}, ">=", 0),
            Row({0: 1, 1: Fraction(-15935, 10000)}, "<=", 0),
        ],
    )
    plain = Polyhedron(program)
    with mock.patch.object(_linear, "_phase_one", wraps=_linear._phase_one) as phase_one:
        derived = plain.charnes_cooper({1: 1})
    assert phase_one.call_count == 0
    # The growth rate x0 / x1 - 1 ranges over the rounding of 59.3%.
    assert (derived.minimum({0: 1}), derived.maximum({0: 1})) == (
        Fraction(15925, 10000),
        Fraction(15935, 10000),
    )


def test_charnes_cooper_from_the_vertex_of_the_largest_base() -> None:
    """A base of 0 or less at the first vertex: the transform is read off its largest."""
    # x0 in [0, 4], x1 = x0 (free of rows otherwise); the base x0 - 1 is -1 at x0 = 0.
    program = Program(2, [Row({0: 1}, "<=", 4), Row({0: 1, 1: -1}, "=", 0), Row({1: 1}, ">=", 0)])
    plain = Polyhedron(program)
    assert plain.minimum({0: 1}) == 0
    scratch = Polyhedron(charnes_cooper(program, {0: 1}, -1))
    with mock.patch.object(_linear, "_phase_one", wraps=_linear._phase_one) as phase_one:
        derived = plain.charnes_cooper({0: 1}, -1)
    assert phase_one.call_count == 0
    # x1 / (x0 - 1) over x0 > 1 is x0 / (x0 - 1): from 4/3 at x0 = 4, unbounded above.
    assert derived.minimum({1: 1}) == scratch.minimum({1: 1}) == Fraction(4, 3)
    assert derived.maximum({1: 1}) is scratch.maximum({1: 1}) is None


def test_infeasible_program() -> None:
    """Rows that contradict each other leave nothing, and asking for an optimum says so."""
    polyhedron = Polyhedron(Program(1, [Row({0: 1}, "<=", 1), Row({0: 1}, ">=", 2)]))
    assert not polyhedron.feasible
    with pytest.raises(Infeasible):
        polyhedron.minimum({0: 1})


def test_a_row_that_never_holds() -> None:
    """``0 >= 1`` (how a fall of more than 100% is written) makes any program infeasible."""
    assert not Polyhedron(Program(1, [Row({}, ">=", 1)])).feasible


def test_unbounded_program() -> None:
    """An objective that decreases along a ray of the polyhedron has no minimum."""
    polyhedron = Polyhedron(Program(2, [Row({0: 1, 1: -1}, ">=", 1)]))
    assert polyhedron.minimum({0: -1}) is None
    assert Fraction(1) == polyhedron.minimum({0: 1})
    assert polyhedron.maximum({1: 1}) is None


def test_variable_named_by_no_row() -> None:
    """A variable no row names is only 0 or more: unbounded above, 0 at least."""
    polyhedron = Polyhedron(Program(2, [Row({0: 1}, "<=", 1)]))
    assert polyhedron.maximum({1: 1}) is None
    assert Fraction(0) == polyhedron.minimum({1: 1})


def test_free_variables() -> None:
    """A free variable may go below 0 (as a balance may)."""
    program = Program(2, [Row({0: 1}, ">=", -3), Row({0: 1, 1: -1}, "=", 0)], frozenset({0, 1}))
    polyhedron = Polyhedron(program)
    assert Fraction(-3) == polyhedron.minimum({1: 1})
    assert polyhedron.maximum({0: 1}) is None


def test_degenerate_program_does_not_cycle() -> None:
    """Beale's example, on which the textbook pivot rule cycles: Bland's rule ends at -5/4."""
    half, quarter = Fraction(1, 2), Fraction(1, 4)
    program = Program(
        4,
        [
            Row({0: quarter, 1: -8, 2: -1, 3: 9}, "<=", 0),
            Row({0: half, 1: -12, 2: -half, 3: 3}, "<=", 0),
            Row({2: 1}, "<=", 1),
        ],
    )
    objective: dict[int, Fraction | int] = {0: -Fraction(3, 4), 1: 20, 2: -half, 3: 6}
    assert Fraction(-5, 4) == Polyhedron(program).minimum(objective)


def test_redundant_equalities() -> None:
    """A repeated equality row is redundant: phase one drops it and the optimum stands."""
    rows = [Row({0: 1, 1: 1}, "=", 2), Row({0: 2, 1: 2}, "=", 4), Row({0: 1}, "<=", 1)]
    assert Fraction(1) == Polyhedron(Program(2, rows)).minimum({1: 1})


def test_ratio_with_a_base_that_may_be_zero() -> None:
    """Where the denominator can reach 0 the transform does not apply: ``None``."""
    program = Program(2, [Row({0: 1}, "<=", 1)])
    assert ratio_range(program, {0: 1}, {1: 1}) is None


def test_linear_sum_adds_repeated_variables() -> None:
    """Repeated variables add up; zero coefficients vanish."""
    assert {0: Fraction(3)} == linear_sum([(0, 1), (1, 2), (0, 2), (1, -2)])


@settings(max_examples=300, deadline=None)
@given(
    open_programs(),
    st.sets(st.integers(0, 8)),
    st.lists(coefficients, min_size=3, max_size=3),
)
def test_rows_left_out_of_a_solved_polyhedron_answer_as_from_scratch(
    program: Program, drop: set[int], objective: list[int]
) -> None:
    """Inequalities left out with no phase one: the same set as built anew without them.

    Equations cannot be left out that way (they have no slack), nor can rows of an
    empty polyhedron: both answer ``None``.
    """
    drop = {i for i in drop if i < len(program.rows)}
    plain = Polyhedron(program)
    with mock.patch.object(_linear, "_phase_one", wraps=_linear._phase_one) as phase_one:
        derived = plain.without_rows(drop)
    assert phase_one.call_count == 0
    if not plain.feasible or any(program.rows[i].sense == "=" for i in drop):
        assert derived is None
        return
    assert derived is not None
    kept = [row for i, row in enumerate(program.rows) if i not in drop]
    assert list(derived.program.rows) == kept
    scratch = Polyhedron(Program(program.size, kept, program.free))
    assert derived.feasible
    wanted = {j: objective[j] for j in range(program.size)}
    assert derived.minimum(wanted) == scratch.minimum(wanted)
    assert derived.maximum(wanted) == scratch.maximum(wanted)
    if derived.minimum(wanted) is not None:
        assert all(row.meets(derived.point) for row in kept)
    # Rows added after rows left out: the polyhedron keeps working as a solved one.
    again = derived.with_rows([program.rows[i] for i in sorted(drop)])
    assert again.minimum(wanted) == plain.minimum(wanted)
