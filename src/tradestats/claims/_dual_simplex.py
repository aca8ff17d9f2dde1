"""The dual simplex in exact arithmetic, from a basis HiGHS found.

HiGHS stops at a basis that is optimal within its tolerances. Solved exactly, its
vertex may still break a row by a hair (1e-12 of the row's scale): rounded figures
make vertices where many rows meet, and the true optimum is then a neighbouring
basis that floating point cannot tell apart. The dual simplex walks there: each
pivot moves one broken row (or a column below 0) to the side it breaks and lets
in the variable that keeps the duals feasible, so a handful of exact pivots from
HiGHS's basis end where an exact simplex from scratch takes hundreds.

The program is in the terms of :class:`._float.Model`: rows ``low <= a · x <= high``
over integer coefficients, columns 0 or more unless free. A basis is its basic
columns and the rows it holds at a side; it is square (as many of each). Every
answer is certified by a point that meets every row and a dual solution, checked
feasible, whose bound that point reaches, whatever the pivots were.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple

from tradestats.claims._dot import dot
from tradestats.claims._equations import solve_integers

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

__all__ = ["Basis", "Rows", "minimum"]

#: Pivots before giving up (the caller then asks the exact simplex): HiGHS's basis
#: is one or two pivots from the optimum when its vertex is off by a hair.
PIVOTS: Final = 12

_ZERO: Final = Fraction(0)


class Rows(NamedTuple):
    """The rows of a program: ``low[r] <= Σ terms[r] · x <= high[r]`` (``None``: no side)."""

    terms: Mapping[int, Sequence[tuple[int, int]]]
    low: Mapping[int, int | None]
    high: Mapping[int, int | None]
    free: Collection[int]


class Basis(NamedTuple):
    """Basic columns, and the side each held row is held at (rows without sides at 0)."""

    columns: frozenset[int]
    held: Mapping[int, int]


def minimum(
    rows: Rows, objective: Mapping[int, Fraction], start: Basis
) -> tuple[Fraction, dict[int, Fraction]] | None:
    """The exact minimum of ``objective · x`` over ``rows`` and a point that reaches it.

    ``None`` if ``start``'s duals are not feasible, a basis on the way is singular,
    or :data:`PIVOTS` pivots do not reach a vertex that meets every row.
    """
    walk = _Walk(rows, objective, start)
    for _ in range(PIVOTS + 1):
        point = walk.vertex()
        duals = walk.duals()
        if point is None or duals is None:
            return None
        broken = walk.broken(point)
        if broken is None:
            # A vertex that meets every row, and duals checked feasible whose bound
            # it reaches (they agree on the held rows' sides, and the other columns
            # are 0): the certificate of a minimum.
            return dot(objective, point), point
        if not walk.pivot(broken, duals):
            return None
    return None


class _Walk:
    """The basis of the dual simplex as it moves."""

    def __init__(self, rows: Rows, objective: Mapping[int, Fraction], start: Basis) -> None:
        self.rows, self.objective = rows, objective
        self.basis = start
        self.columns: dict[int, list[tuple[int, int]]] = {}
        for r, terms in rows.terms.items():
            for j, a in terms:
                self.columns.setdefault(j, []).append((r, a))

    def _held(self) -> list[int]:
        return sorted(self.basis.held)

    def vertex(self) -> dict[int, Fraction] | None:
        """The basis's vertex: its held rows at their sides, its other columns at 0."""
        held = self._held()
        basic = self.basis.columns
        if len(held) != len(basic):
            return None
        equations = [{j: a for j, a in self.rows.terms[r] if j in basic} for r in held]
        found = solve_integers(equations, [self.basis.held[r] for r in held])
        if found is None or set(found.values) - basic:
            return None
        return found.fractions()

    def _transposed(self, right: Mapping[int, Fraction]) -> dict[int, Fraction] | None:
        """``w`` over the held rows with ``Σ_r w[r] a[r, j] = right[j]`` for each basic column."""
        held = set(self.basis.held)
        equations: list[dict[int, int]] = []
        sides: list[int] = []
        for j in sorted(self.basis.columns):
            value = right.get(j, _ZERO)
            # Integers: the column scaled by the right side's denominator.
            equations.append(
                {r: a * value.denominator for r, a in self.columns.get(j, ()) if r in held}
            )
            sides.append(value.numerator)
        found = solve_integers(equations, sides)
        if found is None or set(found.values) - held:
            return None
        return found.fractions()

    def duals(self) -> dict[int, Fraction] | None:
        """The duals of the held rows, if they are feasible (each reduced cost fits its side)."""
        y = self._transposed(self.objective)
        if y is None:
            return None
        for r, side in self.basis.held.items():
            if _moves(self.rows, r, side, y.get(r, _ZERO)) is None:
                return None
        for j in self._nonbasic():
            cost = self._reduced(j, y, self.objective.get(j, _ZERO))
            if cost < 0 or (cost and j in self.rows.free):
                return None
        return y

    def _nonbasic(self) -> list[int]:
        return sorted((set(self.columns) | set(self.objective)) - self.basis.columns)

    def _reduced(self, j: int, w: Mapping[int, Fraction], own: Fraction) -> Fraction:
        """``own - Σ_r w[r] a[r, j]`` over the held rows."""
        return own - sum(
            (a * w[r] for r, a in self.columns.get(j, ()) if r in self.basis.held), _ZERO
        )

    def broken(self, point: Mapping[int, Fraction]) -> tuple[int, int, int] | None:
        """The first basic variable out of its bounds: (0 row | 1 column, index, direction).

        The direction is +1 where it must rise, -1 where it must fall. The first by
        index (Bland's rule) rather than the worst, so that the walk cannot cycle.
        """
        for r in sorted(self.rows.terms):
            if r in self.basis.held:
                continue
            total = sum((a * point.get(j, _ZERO) for j, a in self.rows.terms[r]), _ZERO)
            low, high = self.rows.low.get(r), self.rows.high.get(r)
            if low is not None and total < low:
                return 0, r, 1
            if high is not None and total > high:
                return 0, r, -1
        for j in sorted(self.basis.columns - set(self.rows.free)):
            if point.get(j, _ZERO) < 0:
                return 1, j, 1
        return None

    def pivot(self, leaving: tuple[int, int, int], duals: Mapping[int, Fraction]) -> bool:
        """One pivot that sends ``leaving`` to the bound it breaks; ``False`` if none can."""
        kind, index, direction = leaving
        if kind == 0:
            own = {j: Fraction(a) for j, a in self.rows.terms[index]}
        else:
            own = {index: Fraction(1)}
        w = self._transposed(own)
        if w is None:
            return False
        best: tuple[Fraction, int, int] | None = None
        # Held rows first, then columns: the order of ties (Bland's rule).
        for r, side in sorted(self.basis.held.items()):
            alpha = w.get(r, _ZERO)
            sense = _sense(alpha, direction, _moves(self.rows, r, side, duals.get(r, _ZERO)))
            if sense is not None:
                candidate = (duals.get(r, _ZERO) * sense / abs(alpha), 0, r)
                best = candidate if best is None or candidate < best else best
        for j in self._nonbasic():
            alpha = self._reduced(j, w, own.get(j, _ZERO) if kind == 0 else _ZERO)
            allowed = (1, -1) if j in self.rows.free else (1,)
            sense = _sense(alpha, direction, allowed)
            if sense is not None:
                cost = self._reduced(j, duals, self.objective.get(j, _ZERO))
                candidate = (cost * sense / abs(alpha), 1, j)
                best = candidate if best is None or candidate < best else best
        if best is None:
            return False  # the rows have no common point
        _, entering_kind, entering = best
        held = dict(self.basis.held)
        columns = set(self.basis.columns)
        if kind == 0:
            bound = self.rows.low[index] if direction > 0 else self.rows.high[index]
            assert bound is not None  # the side it breaks
            held[index] = bound
        else:
            columns.discard(index)
        if entering_kind == 0:
            del held[entering]
        else:
            columns.add(entering)
        self.basis = Basis(frozenset(columns), held)
        return True


def _moves(rows: Rows, r: int, side: int, dual: Fraction) -> tuple[int, ...] | None:
    """The ways row ``r``, held at ``side``, may move (+1, -1); ``None``: its dual is wrong.

    At its lower side it may rise, and its dual must be 0 or more; at its upper
    side it may fall, its dual 0 or less; an equation cannot move; a row without
    sides may move both ways, and its dual must be 0.
    """
    low, high = rows.low.get(r), rows.high.get(r)
    if low is None and high is None:
        return (1, -1) if not dual else None
    if low == high:
        return ()
    if side == low:
        return (1,) if dual >= 0 else None
    return (-1,) if dual <= 0 else None


def _sense(alpha: Fraction, direction: int, allowed: tuple[int, ...] | None) -> int | None:
    """The allowed way to move that moves the leaving variable in ``direction``."""
    if not alpha or not allowed:
        return None
    wanted = direction if alpha > 0 else -direction
    return wanted if wanted in allowed else None
