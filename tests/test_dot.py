"""Exact sums of products over one common denominator (``claims._dot``).

The certificates of the check rest on these sums, so each is held to the sum of
products that :class:`~fractions.Fraction` reduces term by term.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tradestats.claims import _float
from tradestats.claims._dot import dot, dot_is

_fractions = st.fractions(max_denominator=10**6).filter(lambda f: abs(f) < 10**12) | st.integers(
    -(10**30), 10**30
).map(Fraction)
_rows = st.dictionaries(st.integers(0, 6), _fractions, max_size=7)


def _plain(coefficients: dict[int, Fraction], values: dict[int, Fraction]) -> Fraction:
    return sum((c * values.get(j, Fraction(0)) for j, c in coefficients.items()), Fraction(0))


@given(_rows, _rows)
def test_dot_is_the_sum_of_products(
    coefficients: dict[int, Fraction], values: dict[int, Fraction]
) -> None:
    """``dot`` is ``Σ c × v`` exactly, a name missing from the values counting as 0."""
    assert _plain(coefficients, values) == dot(coefficients, values)


@given(_rows, _rows, _fractions)
def test_dot_is_compares_exactly(
    coefficients: dict[int, Fraction], values: dict[int, Fraction], total: Fraction
) -> None:
    """``dot_is`` says whether the sum is the total: at the sum itself and at any other."""
    exact = _plain(coefficients, values)
    assert dot_is(coefficients, values, exact)
    assert (exact == total) == dot_is(coefficients, values, total)


@given(
    st.lists(st.lists(_fractions, min_size=4, max_size=4), min_size=1, max_size=5),
    st.lists(_fractions, min_size=4, max_size=4),
)
def test_solve_exactly_meets_every_equation(
    matrix: list[list[Fraction]], point: list[Fraction]
) -> None:
    """Equations built to hold at a point are solved, and the solution meets each of them.

    With an equation changed so that no point meets all of them, it returns ``None``.
    """
    values = dict(enumerate(point))
    equations = [
        ({j: c for j, c in enumerate(row) if c}, _plain(dict(enumerate(row)), values))
        for row in matrix
    ]
    solution = _float.solve_exactly(equations)
    assert solution is not None
    assert all(_plain(dict(terms), solution) == value for terms, value in equations)
    terms, value = equations[0]
    contradiction = [*equations, (terms, value + 1)]
    assert _float.solve_exactly(contradiction) is None


@given(
    st.floats(allow_nan=False, allow_infinity=False)
    | st.fractions(max_denominator=10**8).map(float)
)
def test_a_float_dual_is_read_as_the_standard_library_reads_it(value: float) -> None:
    """The certificates' reading of a float is ``limit_denominator``'s, found in integers."""
    expected = Fraction(value).limit_denominator(_float._DENOMINATOR)
    assert expected == Fraction(*_float._nearest_fraction(value))
