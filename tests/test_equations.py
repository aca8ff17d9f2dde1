"""Sparse linear equations solved exactly in integers (``claims._equations``).

Every certificate of the check (a basis's vertex, its dual solution) rests on
these solutions, so each is held to the equations it was asked to meet.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tradestats.claims._equations import Scaled, solve_integers

_entries = st.integers(-(10**12), 10**12)
_points = st.lists(st.fractions(max_denominator=10**4), min_size=6, max_size=6)


def _meets(rows: list[dict[int, int]], rhs: list[int], found: Scaled) -> bool:
    return all(
        sum(a * Fraction(found.values.get(j, 0), found.common) for j, a in terms.items()) == value
        for terms, value in zip(rows, rhs, strict=True)
    )


def _through(matrix: list[dict[int, int]], point: list[Fraction]) -> tuple[list[int], list[int]]:
    """Right-hand sides (and scales) that make each row hold at ``point``, in integers."""
    rhs, scales = [], []
    for terms in matrix:
        total = sum((a * point[j] for j, a in terms.items()), Fraction(0))
        rhs.append(total.numerator)
        scales.append(total.denominator)
    return rhs, scales


@given(
    st.lists(st.dictionaries(st.integers(0, 5), _entries, max_size=4), min_size=1, max_size=8),
    _points,
)
def test_a_solution_meets_every_equation(
    matrix: list[dict[int, int]], point: list[Fraction]
) -> None:
    """Equations that hold at a point are solved (square or not), over a denominator above 0.

    With one equation's right-hand side moved, none is found.
    """
    rhs, scales = _through(matrix, point)
    rows = [
        {j: a * scale for j, a in terms.items()}
        for terms, scale in zip(matrix, scales, strict=True)
    ]
    found = solve_integers(rows, rhs)
    assert found is not None
    assert found.common > 0
    assert {j for terms in rows for j in terms} <= set(found.values)
    assert _meets(rows, rhs, found)
    assert solve_integers([*rows, rows[0]], [*rhs, rhs[0] + 1]) is None


@given(st.lists(st.lists(_entries, min_size=6, max_size=6), min_size=6, max_size=6), _points)
def test_a_square_system_of_full_rank_gives_its_one_point(
    matrix: list[list[int]], point: list[Fraction]
) -> None:
    """Rows with a dominant diagonal (a basis of full rank) give back the point they hold at."""
    rows = []
    for i, row in enumerate(matrix):
        terms = {j: a for j, a in enumerate(row) if a and j != i}
        terms[i] = 1 + sum(abs(a) for a in terms.values())
        rows.append(terms)
    rhs, scales = _through(rows, point)
    rows = [
        {j: a * scale for j, a in terms.items()} for terms, scale in zip(rows, scales, strict=True)
    ]
    found = solve_integers(rows, rhs)
    assert found is not None
    assert point == [Fraction(found.values[j], found.common) for j in range(6)]


def test_free_unknowns_are_zero() -> None:
    """An unknown no equation pins is 0: ``x + y = 3`` alone gives ``x = 3, y = 0``."""
    assert Scaled({0: 3, 1: 0}, 1) == solve_integers([{0: 1, 1: 1}], [3])
