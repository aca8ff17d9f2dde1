"""Private: sparse linear equations solved exactly, in integers.

The certificates of :mod:`tradestats.claims._float` solve two systems per answer
of HiGHS: the vertex of its basis and the dual solution on it. Both are small
(six to eight equations of two or three terms each in a group of ten claims) and
there are tens of thousands of them, so the cost is Python's per step, not the
arithmetic: the elimination works on dicts of integers, and the solution comes
out over one common denominator (:class:`Scaled`), which is the form every check
of a certificate reads, with no fraction built and reduced per value.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd, lcm
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["Scaled", "solve_exactly", "solve_integers"]


class Scaled(NamedTuple):
    """Fractions as integers over one common denominator: ``values[k] / common``."""

    values: dict[int, int]
    common: int

    @classmethod
    def of(cls, fractions: Mapping[int, Fraction]) -> Scaled:
        """The nonzero ``fractions`` over the least common denominator."""
        common = lcm(*(value.denominator for value in fractions.values()))
        return cls(
            {
                k: value.numerator * (common // value.denominator)
                for k, value in fractions.items()
                if value
            },
            common,
        )

    def fractions(self) -> dict[int, Fraction]:
        """Each value as a fraction (a value of 0 too)."""
        common = self.common
        return {k: Fraction(value, common) for k, value in self.values.items()}


def solve_exactly(
    equations: Sequence[tuple[Mapping[int, Fraction], Fraction]],
) -> dict[int, Fraction] | None:
    """A solution of sparse linear equations in fractions, or ``None`` if there is none.

    Gaussian elimination that always pivots on an equation with the fewest unknowns
    left (most rows here name one to three variables, so there is little fill-in);
    unknowns left free are 0.

    >>> one = Fraction(1)
    >>> solve_exactly([({0: one, 1: one}, Fraction(3)), ({1: Fraction(2)}, one)]) == {
    ...     0: Fraction(5, 2), 1: Fraction(1, 2)}
    True
    >>> solve_exactly([({0: Fraction(1)}, Fraction(1)), ({0: Fraction(2)}, Fraction(1))]) is None
    True
    """
    found = solve_integers(*_integers(equations))
    return None if found is None else found.fractions()


def _integers(
    equations: Sequence[tuple[Mapping[int, Fraction], Fraction]],
) -> tuple[list[dict[int, int]], list[int]]:
    """Each equation as integers over its own common denominator (which is dropped)."""
    rows: list[dict[int, int]] = []
    rhs: list[int] = []
    for terms, value in equations:
        scale = lcm(value.denominator, *(c.denominator for c in terms.values()))
        rows.append({name: c.numerator * (scale // c.denominator) for name, c in terms.items()})
        rhs.append(value.numerator * (scale // value.denominator))
    return rows, rhs


def solve_integers(rows: Sequence[Mapping[int, int]], rhs: Sequence[int]) -> Scaled | None:
    """A solution of ``rows[k] · x = rhs[k]`` over one common denominator, or ``None``.

    As :func:`solve_exactly`; every value the equations name is in the solution
    (those left free as 0), and the solution is checked against the equations as
    given, since a certificate rests on it.

    >>> solve_integers([{0: 1, 1: 1}, {1: 2}], [3, 1])
    Scaled(values={0: 5, 1: 1}, common=2)
    >>> solve_integers([{0: 1}, {0: 2}], [1, 1]) is None
    True
    """
    work = [{j: a for j, a in terms.items() if a} for terms in rows]
    sides = list(rhs)
    order = _eliminate(work, sides)
    if order is None:
        return None
    values: dict[int, int] = {}
    common = 1
    for number, variable in reversed(order):
        terms = work[number]
        # Every other value this equation names is solved already, or free (0).
        known = 0
        for j, a in terms.items():
            if j in values:
                known += a * values[j]
        top, pivot = sides[number] * common - known, terms[variable] * common
        divisor = gcd(top, pivot)
        top, pivot = top // divisor, pivot // divisor
        if pivot < 0:
            top, pivot = -top, -pivot
        # x = top / pivot; bring the others to the new common denominator.
        factor = pivot // gcd(pivot, common)
        if factor != 1:
            for j in values:
                values[j] *= factor
            common *= factor
        values[variable] = top * (common // pivot)
    for given, value in zip(rows, rhs, strict=True):
        total = 0
        for j, a in given.items():
            x = values.get(j)
            if x is None:
                values[j] = 0
            else:
                total += a * x
        if total != value * common:
            return None  # pragma: no cover - elimination is exact
    return Scaled(values, common)


def _eliminate(rows: list[dict[int, int]], rhs: list[int]) -> list[tuple[int, int]] | None:
    """Forward elimination in place: (equation, pivot variable) in pivot order, or ``None``.

    Each step takes the pending equation with the fewest terms (the first of
    those) and, in it, the variable fewest pending equations name (the first of
    those). ``None`` when an equation reduces to ``0 = c`` with ``c`` not 0.
    Plain loops rather than ``min`` with a key: the systems are small, and a
    call per comparison would cost more than the arithmetic.
    """
    pending = list(range(len(rows)))
    order: list[tuple[int, int]] = []
    while pending:
        number, size = pending[0], len(rows[pending[0]])
        for k in pending:
            if len(rows[k]) < size:
                number, size = k, len(rows[k])
        pending.remove(number)
        terms = rows[number]
        if not size:
            if rhs[number]:
                return None
            continue
        variable, others = -1, pending
        for name in terms:
            named = [k for k in pending if name in rows[k]]
            if variable < 0 or len(named) < len(others):
                variable, others = name, named
            if size == 1:
                break
        for other in others:
            _subtract(rows, rhs, other, number, variable)
        order.append((number, variable))
    return order


def _subtract(
    rows: list[dict[int, int]], rhs: list[int], other: int, number: int, variable: int
) -> None:
    """Remove ``variable`` from equation ``other`` with a multiple of equation ``number``.

    The result is divided by the greatest common divisor of its integers, which
    keeps them small.
    """
    terms, target = rows[number], rows[other]
    pivot, factor = terms[variable], target[variable]
    # |pivot| × target - sign(pivot) × factor × pivot row: the variable cancels.
    if pivot < 0:
        pivot, factor = -pivot, -factor
    if pivot != 1:
        for name in target:
            target[name] *= pivot
    for name, coefficient in terms.items():
        updated = target.get(name, 0) - factor * coefficient
        if updated:
            target[name] = updated
        else:
            target.pop(name, None)
    rhs[other] = rhs[other] * pivot - factor * rhs[number]
    common = gcd(rhs[other], *target.values())
    if common > 1:
        for name in target:
            target[name] //= common
        rhs[other] //= common
