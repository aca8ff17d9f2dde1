"""Private: linear programs solved in floating point by HiGHS and certified exactly.

The exact simplex (:mod:`tradestats.claims._linear`) pivots in rational arithmetic
throughout, which is exact but slow beyond a few dozen variables. Here HiGHS
(``highspy``, an optional dependency) solves each program in floating point, and
only its answer is checked in :class:`~fractions.Fraction` arithmetic:

- a **minimum** is the bound of a dual solution: the multipliers of the rows
  HiGHS found binding are re-solved exactly from its final basis
  (``Σ y[r] × A[r, j] = c[j]`` for every basic column ``j``), their signs and the
  reduced costs of the other columns are checked, and ``Σ y[r] × bound[r]`` is
  then a lower bound of the objective by weak duality, whatever the float
  solver got wrong; it is taken as the exact minimum only when the vertex of the
  same basis, solved exactly, meets every row and reaches it;
- **feasibility** is shown by the vertex of the final basis, solved exactly and
  checked against every row, and **infeasibility** by an exact Farkas
  certificate from an elastic program (``min Σ violations`` has a certified
  lower bound above 0); the rows of that certificate are a conflicting subset.

Whatever cannot be certified (an unbounded objective, a basis whose exact
re-solve fails) returns ``None`` and the caller uses the exact simplex: the
answers are always exact and sound. A model holds every row of a group of
claims once; questions about a subset switch the other claims' rows off
(infinite bounds), and HiGHS starts each solve from the previous basis.
"""

from __future__ import annotations

from fractions import Fraction
from functools import partial
from importlib.util import find_spec
from math import frexp, lcm, ldexp
from typing import TYPE_CHECKING, Any, Final, NamedTuple
from weakref import finalize

from tradestats.claims import _dual_simplex
from tradestats.claims._dot import dot
from tradestats.claims._equations import Scaled, solve_exactly, solve_integers
from tradestats.claims._linear import Polyhedron, Program, Row

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

__all__ = ["AVAILABLE", "Model", "Slice", "Slices", "solve_exactly"]

#: Whether HiGHS can be used; it is imported on first use, keeping ``import tradestats`` light.
AVAILABLE: Final = find_spec("highspy") is not None and find_spec("numpy") is not None
highspy: Any = None
np: Any = None
# HiGHS's basis statuses (``HighsBasisStatus``) as the integers they are: a certificate
# compares one per row and column, and comparing the enum objects costs ten times more.
_LOWER: Final = 0
_BASIC: Final = 1
_UPPER: Final = 2


def _load() -> None:
    global highspy, np
    if highspy is None:
        import highspy as found  # noqa: PLC0415
        import numpy  # noqa: PLC0415

        highspy, np = found, numpy
        status = found.HighsBasisStatus
        assert (int(status.kLower), int(status.kBasic), int(status.kUpper)) == (
            _LOWER,
            _BASIC,
            _UPPER,
        )


_ZERO: Final = Fraction(0)
#: HiGHS instances of models no longer used, for new models to take (a piece of
#: :mod:`._points` builds a few models, and a new instance costs more than its model):
#: ``passModel`` leaves nothing of the last model or its basis. At most this many.
_IDLE: list[Any] = []
_KEPT: Final = 16
# A float dual smaller than this is taken as 0 (not binding); a wrong guess only
# makes the exact re-solve fail, never a wrong answer.
_BINDING: Final = 1e-9
# The largest denominator tried when reading a float dual as a fraction: a double
# carries about 16 digits, enough to find a fraction with up to 7 in its denominator.
_DENOMINATOR: Final = 10**7
# Passes of the geometric scaling of a model (see _scales), and the largest power of 2
# of a number a model may hold unscaled: far below the 1e15 of a coefficient and the
# 1e20 of a bound past which HiGHS refuses a model or takes the bound as infinite.
_PASSES: Final = 3
# How far (relative) a certified bound may be from HiGHS's optimum and pass for exact.
_CLOSE: Final = 1e-6
# Guesses of exact duals a model makes before it keeps on only if half were right:
# few, since most models answer a few dozen programs (a group's), and a wrong
# guess costs a check on top of the elimination it was to save.
_TRIES: Final = 2
_TAME: Final = 45
# HiGHS's kSolutionStatusFeasible, of a primal or dual solution.
_FEASIBLE: Final = 2
#: HiGHS's own primal feasibility tolerance (how far its vertex may break a row), and
#: that of a share change's slices: their minima must be exact, and at HiGHS's own
#: up to a fifth of their vertices break a row by a hair, each then repaired by exact
#: pivots (costlier than HiGHS's few extra iterations to meet the rows tighter).
_FEASIBILITY: Final = 1e-7
_SLICE_FEASIBILITY: Final = 1e-10
# Dinkelbach steps a ratio's minimum may take (each from the last basis; most need 2 to 4).
_STEPS: Final = 12


class _Line(NamedTuple):
    """One row: ``low <= Σ coefficients · x <= high`` (``None``: unbounded), of a claim."""

    coefficients: dict[int, Fraction]
    low: Fraction | None
    high: Fraction | None
    owner: str | None


def _lines(rows: Iterable[tuple[str | None, Row]]) -> list[_Line]:
    found = []
    for owner, row in rows:
        rhs = _fraction(row.rhs)
        coefficients = {j: _fraction(c) for j, c in row.coefficients.items() if c}
        low = rhs if row.sense in (">=", "=") else None
        high = rhs if row.sense in ("<=", "=") else None
        found.append(_Line(coefficients, low, high, owner))
    return found


def _fraction(value: Fraction | int) -> Fraction:
    """``value`` as a fraction (a fraction as it is: the pieces' models copy many rows)."""
    return value if isinstance(value, Fraction) else Fraction(value)


class Model:
    """The rows of some claims in one HiGHS model, over variables ``0 … size - 1``.

    Args:
        size: The number of variables.
        lines: The rows; a row of claim ``None`` is always on.
        free: The variables that may be negative (the others are 0 or more).
        scale: Whether to scale rows and columns by powers of 2 for HiGHS when their
            numbers are far from 1. Not for a Charnes–Cooper program, whose
            denominator row changes and whose variables' sizes the rows do not tell:
            scaled blindly, HiGHS's answers there are too loose to be exact.
        feasibility: HiGHS's primal feasibility tolerance.
    """

    @classmethod
    def of_rows(
        cls,
        size: int,
        rows: Iterable[tuple[str | None, Row]],
        free: Collection[int],
        *,
        scale: bool = True,
        feasibility: float = _FEASIBILITY,
    ) -> Model:
        """A model of ``(claim id, row)`` pairs (``scale``, ``feasibility``: see :class:`Model`)."""
        return cls(size, _lines(rows), free, scale=scale, feasibility=feasibility)

    def __init__(
        self,
        size: int,
        lines: Iterable[_Line],
        free: Collection[int],
        *,
        scale: bool = True,
        feasibility: float = _FEASIBILITY,
    ) -> None:
        self.lines = list(lines)
        self._feasibility = feasibility
        self._support: list[int] = []
        self.size = size
        self.free = frozenset(free)
        self.columns: list[list[tuple[int, Fraction]]] = [[] for _ in range(size)]
        for r, line in enumerate(self.lines):
            for j, coefficient in line.coefficients.items():
                self.columns[j].append((r, coefficient))
        self.used = frozenset(j for j in range(size) if self.columns[j])
        # Columns as integers over a common denominator, made when a certificate asks.
        self._integers: dict[int, tuple[int, list[tuple[int, int]]]] = {}
        # Rows as integers (terms, low, high) over their own common denominator, as asked.
        self._row_integers: dict[int, tuple[list[tuple[int, int]], int | None, int | None]] = {}
        self.owners: dict[str | None, list[int]] = {}
        for r, line in enumerate(self.lines):
            self.owners.setdefault(line.owner, []).append(r)
        # Powers of 2 (exact in floating point) that bring every number HiGHS sees near 1:
        # a flow over many years reaches values past what HiGHS takes as a finite bound.
        self._row_scale, self._col_scale = (
            _scales(self.lines, size) if scale else ([0] * len(self.lines), [0] * size)
        )
        self._scaled = any(self._row_scale) or any(self._col_scale)
        self._cost_scale = 1.0
        #: How often HiGHS's duals read as short fractions were exact, and how often tried.
        self._guesses = (0, 0)
        self._highs = self._build()
        finalize(self, _release, self._highs)
        self._on: frozenset[str] | None = None
        self._costs: dict[int, float] = {}
        self._elastic: Model | None = None
        # The exact point that showed the rows on to hold (see :attr:`witness`).
        self._point: Scaled | None = None
        self._witness: dict[int, Fraction] | None = None
        # HiGHS's basis at the last solve, read once (a certificate reads it twice).
        self._statuses: tuple[list[int], list[int]] | None = None
        self._actives: list[bool] | None = None
        self._floor: Model | None = None
        #: A certified lower bound of the last :meth:`minimum` that returned ``None``
        #: because its vertex did not show it to be the minimum (see :meth:`_reached`).
        self.short: Fraction | None = None
        #: The rows on that the vertex of the last :meth:`_vertex_holds` breaks.
        self._broken: list[int] = []

    def _build(self) -> Any:
        _load()
        highs = _IDLE.pop() if _IDLE else _instance()
        # Set at every build: an instance from _IDLE keeps its last model's.
        highs.setOptionValue("primal_feasibility_tolerance", self._feasibility)
        inf = highspy.kHighsInf
        lines = range(len(self.lines))
        highs.passModel(
            program(
                [
                    [(r, self._entry(r, j, coefficient)) for r, coefficient in column]
                    for j, column in enumerate(self.columns)
                ],
                cost=np.zeros(self.size),
                lower=[-inf if j in self.free else 0.0 for j in range(self.size)],
                upper=np.full(self.size, inf),
                low=[self._side(r, low=True) for r in lines],
                high=[self._side(r, low=False) for r in lines],
            )
        )
        return highs

    def _entry(self, r: int, j: int, coefficient: Fraction) -> float:
        """The coefficient of row ``r`` and column ``j`` as HiGHS sees it (scaled)."""
        return ldexp(float(coefficient), self._row_scale[r] + self._col_scale[j])

    def _side(self, r: int, *, low: bool, on: bool = True) -> float:
        """The lower or upper bound of row ``r`` as HiGHS sees it (scaled; off: infinite)."""
        line = self.lines[r]
        side = line.low if low else line.high
        if side is None or not on:
            infinite = float(highspy.kHighsInf)
            return -infinite if low else infinite
        return ldexp(float(side), self._row_scale[r])

    @property
    def witness(self) -> dict[int, Fraction] | None:
        """The exact point that showed the rows on to hold, at the last :meth:`feasible`."""
        if self._witness is None and self._point is not None:
            self._witness = self._point.fractions()
        return self._witness

    @property
    def vertex(self) -> Scaled | None:
        """The exact point of the last certified answer, in integers over one denominator.

        Right after a :meth:`minimum` that returned a bound, the vertex that reaches it.
        """
        return self._point

    def duals(self) -> list[float]:
        """HiGHS's row duals of the last solve, in the rows' own terms (unscaled)."""
        found = self._highs.getSolution().row_dual
        return [
            ldexp(value, self._row_scale[r]) / self._cost_scale for r, value in enumerate(found)
        ]

    def values(self) -> list[float]:
        """HiGHS's values of the variables at the last solve (unscaled)."""
        found = self._highs.getSolution().col_value
        return [ldexp(value, self._col_scale[j]) for j, value in enumerate(found)]

    # -- switching claims on and off ------------------------------------------------------

    def switch(self, on: frozenset[str]) -> None:
        """Keep only the rows of claims ``on`` (and of no claim)."""
        if on == self._on:
            return
        changed: list[int] = []
        before = self._on
        for owner, rows in self.owners.items():
            if owner is None:
                continue
            if before is None or (owner in on) != (owner in before):
                changed.extend(rows)
        if changed:
            lows, highs = [], []
            for r in changed:
                active = self.lines[r].owner in on
                lows.append(self._side(r, low=True, on=active))
                highs.append(self._side(r, low=False, on=active))
            self._highs.changeRowsBounds(
                len(changed), np.array(changed, dtype=np.int32), np.array(lows), np.array(highs)
            )

        self._on = on
        self._actives = None

    def _active_rows(self) -> list[bool]:
        """Whether each row is on, as :meth:`active` says (kept until the next switch)."""
        if self._actives is None:
            on = self._on
            self._actives = [
                line.owner is None or (on is not None and line.owner in on) for line in self.lines
            ]
        return self._actives

    def active(self, r: int) -> bool:
        """Whether row ``r`` is on."""
        owner = self.lines[r].owner
        return owner is None or (self._on is not None and owner in self._on)

    def set_bounds(self, r: int, low: Fraction | None, high: Fraction | None) -> None:
        """Replace the bounds of row ``r`` (of claim ``None``: always on)."""
        self.lines[r] = self.lines[r]._replace(low=low, high=high)
        self._row_integers.pop(r, None)
        self._rescale(r)

    def set_row(self, r: int, coefficients: Mapping[int, Fraction]) -> None:
        """Replace the coefficients of row ``r`` (used for a ratio's denominator)."""
        line = self.lines[r]
        for j in line.coefficients:
            if j not in coefficients:
                self._highs.changeCoeff(r, j, 0.0)
                self.columns[j] = [(row, c) for row, c in self.columns[j] if row != r]
        for j, coefficient in coefficients.items():
            self.columns[j] = [(row, c) for row, c in self.columns[j] if row != r]
            self.columns[j].append((r, Fraction(coefficient)))
        touched = {*line.coefficients, *coefficients}
        for j in touched:
            self._integers.pop(j, None)
        # A column a row takes up or leaves (a slice's own row on ``s``, empty at first).
        self.used = (self.used - touched) | {j for j in touched if self.columns[j]}
        self.lines[r] = line._replace(coefficients=dict(coefficients))
        self._row_integers.pop(r, None)
        self._rescale(r)

    def _rescale(self, r: int) -> None:
        """Scale row ``r`` anew for its coefficients and bounds, and give them to HiGHS."""
        line = self.lines[r]
        if self._scaled:
            self._row_scale[r] = _row_exponent(line, self._col_scale)
        for j, coefficient in line.coefficients.items():
            self._highs.changeCoeff(r, j, self._entry(r, j, coefficient))
        on = self.active(r)
        self._highs.changeRowBounds(
            r, self._side(r, low=True, on=on), self._side(r, low=False, on=on)
        )

    # -- solving ------------------------------------------------------------------------

    def _run(self, objective: Mapping[int, Fraction]) -> str:
        costs = {j: ldexp(float(c), self._col_scale[j]) for j, c in objective.items() if c}
        # The objective scaled too (its duals are divided back in :meth:`duals`).
        largest = max((abs(value) for value in costs.values()), default=1.0)
        self._cost_scale = ldexp(1.0, -frexp(largest)[1])
        costs = {j: value * self._cost_scale for j, value in costs.items()}
        touched = sorted(set(costs) | set(self._costs))
        if touched:
            self._highs.changeColsCost(
                len(touched),
                np.array(touched, dtype=np.int32),
                np.array([costs.get(j, 0.0) for j in touched]),
            )
        self._costs = costs
        self._statuses = None
        self._highs.run()
        status = self._highs.getModelStatus()
        if status == highspy.HighsModelStatus.kUnknown and not self._settled():
            # Stuck in numerical trouble from the last basis (rows off by a hair after a
            # few pivots): from a fresh start HiGHS usually solves it cleanly.
            self._highs.clearSolver()
            self._statuses = None
            self._highs.run()
            status = self._highs.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            return "optimal"
        if status == highspy.HighsModelStatus.kUnknown and self._settled():
            return "settled"
        if status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible"
        return "other"

    def _settled(self) -> bool:
        """Whether HiGHS's last basis is both primal and dual feasible.

        HiGHS may stop with such a basis and no status (an optimum near 0, as
        Dinkelbach's last step has): as good as an optimum where the answer is
        certified from the basis alone.
        """
        info = self._highs.getInfo()
        return bool(info.primal_solution_status == info.dual_solution_status == _FEASIBLE)

    def minimum(self, objective: Mapping[int, Fraction]) -> Fraction | None:
        """A certified lower bound of ``objective · x`` (its minimum), or ``None``.

        ``None`` means the float answer could not be certified (an unbounded or
        infeasible program among others): the caller must decide exactly.
        """
        if self._run(objective) != "optimal":
            self.short = None
            return None
        return self.optimum(objective)

    def optimum(self, objective: Mapping[int, Fraction]) -> Fraction | None:
        """:meth:`minimum` of the optimum HiGHS just found for ``objective``, certified.

        The minimum where a vertex reaches it (HiGHS's, or one a few exact pivots
        away): :attr:`vertex` is then that vertex. Else ``None``, and :attr:`short`
        holds the certified lower bound, if any.
        """
        self.short = None
        bound = self._dual_bound(objective)
        if bound is None or self._reaches(objective, bound):
            return bound
        if self._broken:
            found = self._repaired(objective)
            if found is not None:
                return found
        self.short = bound
        return None

    def _repaired(self, objective: Mapping[int, Fraction]) -> Fraction | None:
        """The minimum by a few exact pivots of the dual simplex from HiGHS's basis.

        For a basis whose duals are feasible and whose vertex breaks a row by a hair
        (see :mod:`._dual_simplex`); ``None`` if the walk does not end in a certificate.
        """
        columns, rows = self._basis()
        held = self._held(rows)
        if held is None:
            return None
        actives = self._active_rows()
        terms: dict[int, list[tuple[int, int]]] = {}
        lows: dict[int, int | None] = {}
        highs: dict[int, int | None] = {}
        for r, on in enumerate(actives):
            if on or r in held:  # a row switched off and in the basis binds nothing
                terms[r], low, high = self._row_terms(r)
                lows[r], highs[r] = (low, high) if on else (None, None)
        basic = frozenset(j for j in self.used if columns[j] == _BASIC)
        found = _dual_simplex.minimum(
            _dual_simplex.Rows(terms, lows, highs, self.free),
            objective,
            _dual_simplex.Basis(basic, held),
        )
        if found is None:
            return None
        self._point, self._witness = Scaled.of(found[1]), found[1]
        return found[0]

    def ratio_minimum(
        self,
        numerator: Mapping[int, Fraction],
        denominator: Mapping[int, Fraction],
        start: Mapping[int, Fraction] | None = None,
    ) -> Fraction | None:
        """The minimum of ``n · x / d · x`` over the rows on, certified exactly, or ``None``.

        For rows on which ``d · x`` stays above 0 (the caller knows it does). By
        Dinkelbach's method: with ``λ`` the ratio at the last optimum (first at
        ``start``, a point of the rows), ``min (n - λ d) · x`` is solved again, from
        the last basis, until the ratio no longer falls; each basis after the first
        is offered to :meth:`_ratio_bound`, which often takes the first one. Its
        duals are short fractions, unlike those of the Charnes–Cooper program (whose
        every row holds the scale of a value): that program is the caller's
        fallback when this returns ``None``.
        """
        ratio = None if start is None else _ratio_at(numerator, denominator, start)
        for _ in range(_STEPS):
            objective = dict(numerator)
            if ratio is not None:
                for j, c in denominator.items():
                    objective[j] = objective.get(j, _ZERO) - ratio * c
            if self._run(objective) not in ("optimal", "settled"):
                return None
            values = self.values()
            point = {j: Fraction(values[j]) for j in set(numerator) | set(denominator)}
            found = _ratio_at(numerator, denominator, point)
            if found is None:
                return None
            if ratio is not None:
                certified = self._ratio_bound(numerator, denominator, float(found))
                if certified is not None or found >= ratio - abs(ratio) * _CLOSE**2:
                    return certified
            ratio = found
        return None

    def _ratio_bound(
        self, numerator: Mapping[int, Fraction], denominator: Mapping[int, Fraction], near: float
    ) -> Fraction | None:
        """The exact ratio at the vertex of HiGHS's basis, if that basis shows it is the least.

        With ``u`` and ``v`` the basis's exact dual solutions for ``n`` and ``d``
        (on the rows it holds at a bound) and ``b`` those bounds, ``λ = u · b / v · b``
        is the ratio at its vertex, and ``u - λ v`` is a dual solution of
        ``(n - λ d)`` with bound 0 once its signs and the reduced costs check out
        (:meth:`_dual_feasible`): then ``n · x >= λ d · x`` wherever the rows hold,
        so ``λ`` is a lower bound of the ratio (its minimum, reached at the vertex).
        ``near`` is HiGHS's ratio: a certified one far from it is refused, as in
        :meth:`_dual_bound`.
        """
        columns, rows = self._basis()
        sides: dict[int, Fraction] = {}
        for r, line in enumerate(self.lines):
            if rows[r] != _BASIC and self.active(r):
                side = {_LOWER: line.low, _UPPER: line.high}.get(rows[r])
                if side is None:
                    return None
                sides[r] = side
        u = self._basis_solution(numerator, list(sides), columns)
        v = None if u is None else self._basis_solution(denominator, list(sides), columns)
        if u is None or v is None:
            return None
        below = _weighted(sides, v)
        if below <= 0:
            return None
        ratio = _weighted(sides, u) / below
        if abs(float(ratio) - near) > _CLOSE * (1 + abs(near)):
            return None
        dual = (u, v)
        if not self._dual_feasible(dual, ratio, sides, columns, (numerator, denominator)):
            return None
        return ratio if self._reached(ratio, partial(_ratio_at, numerator, denominator)) else None

    def _reached(
        self, bound: Fraction, value: Callable[[dict[int, Fraction]], Fraction | None]
    ) -> bool:
        """Whether the vertex of HiGHS's basis meets the rows on and has ``value`` ``bound``.

        A dual bound is only a bound: HiGHS may stop at a basis whose vertex, solved
        exactly, breaks a row by a hair (within its tolerances), and its dual's bound
        then lies a hair below the minimum, which rounds a range's end outward one
        digit too far. A point of the rows where the objective reaches the bound
        shows that it is the minimum.
        """
        return self._vertex_holds() and value(self.witness or {}) == bound

    def _reaches(self, objective: Mapping[int, Fraction], bound: Fraction) -> bool:
        """:meth:`_reached` for ``objective · x``, in integers over the vertex's denominator."""
        if not self._vertex_holds():
            return False
        assert self._point is not None  # the vertex held
        values, common = self._point
        terms = [(c, values[j]) for j, c in objective.items() if c and values.get(j)]
        scale = lcm(bound.denominator, *(c.denominator for c, _ in terms))
        total = sum(c.numerator * (scale // c.denominator) * x for c, x in terms)
        return total == bound.numerator * (scale // bound.denominator) * common

    def _dual_feasible(
        self,
        duals: tuple[Scaled, Scaled],
        ratio: Fraction,
        sides: Mapping[int, Fraction],
        columns: list[int],
        objectives: tuple[Mapping[int, Fraction], Mapping[int, Fraction]],
    ) -> bool:
        """Whether ``u - ratio × v`` is a dual solution of ``n - ratio × d`` on ``sides``.

        Each multiplier's sign must fit the side its row is held at, and the reduced
        cost of each column at 0 (not basic, not free) must be 0 or more. In
        integers: ``u = U / Uc``, ``v = V / Vc`` and ``ratio = p / q``.
        """
        (u, uc), (v, vc) = duals
        numerator, denominator = objectives
        p, q = ratio.numerator, ratio.denominator
        for r, side in sides.items():
            # The sign of u - ratio × v, times Uc × Vc × q (above 0).
            y = u.get(r, 0) * vc * q - p * v.get(r, 0) * uc
            line = self.lines[r]
            if (y > 0 and side != line.low) or (y < 0 and side != line.high):
                return False
        touched = {j for r in sides for j in self.lines[r].coefficients}
        for j in touched | set(numerator) | set(denominator):
            if columns[j] == _BASIC or j in self.free:
                continue
            # The reduced costs of n and of d, each over its own denominator (the
            # column's scale is common to both).
            (top, scale), (below, _) = self._column_total(j, u), self._column_total(j, v)
            cost, base = numerator.get(j, _ZERO), denominator.get(j, _ZERO)
            top = cost.numerator * scale * uc - top * cost.denominator
            below = base.numerator * scale * vc - below * base.denominator
            if top * q * base.denominator * vc < p * below * cost.denominator * uc:
                return False
        return True

    def _basis_solution(
        self, objective: Mapping[int, Fraction], support: list[int], columns: list[int]
    ) -> Scaled | None:
        """The exact dual solution of ``objective`` on HiGHS's basis (its rows ``support``)."""
        touched = {j for r in support for j in self.lines[r].coefficients} | set(objective)
        tied = [j for j in touched if columns[j] == _BASIC or j in self.free]
        # HiGHS's own solve with its basis factors: a guess of the duals for any objective.
        _, variables = self._highs.getBasicVariables()
        costs = [
            ldexp(float(objective.get(j, 0)), self._col_scale[j]) if j >= 0 else 0.0
            for j in variables
        ]
        _, found = self._highs.getBasisTransposeSolve(np.array(costs))
        guess = [ldexp(float(value), self._row_scale[r]) for r, value in enumerate(found)]
        return self._solution(tied, objective, guess, support)

    def unbounded(self, objective: Mapping[int, Fraction]) -> bool:
        """Whether the last solve (of ``objective``) found it unbounded below, certified exactly.

        HiGHS's ray, read as short fractions, must keep every row that is on (its
        finite sides), leave the variables that are 0 or more so, and lower the
        objective: then, on rows with a solution (the caller knows there is one),
        the objective has no minimum. ``False`` says nothing either way.
        """
        if self._highs.getModelStatus() != highspy.HighsModelStatus.kUnbounded:
            return False
        _, exists, found = self._highs.getPrimalRay()
        if not exists:
            return False
        scaled = [ldexp(value, self._col_scale[j]) for j, value in enumerate(found)]
        largest = max((abs(value) for value in scaled), default=0.0)
        if not largest:
            return False
        ray = {
            j: Fraction(value / largest).limit_denominator(_DENOMINATOR)
            for j, value in enumerate(scaled)
            if value
        }
        if self._is_ray(ray, objective):
            return True
        # Read as short fractions, a ray whose steps are ratios of growth rates misses
        # by a hair: the basis's own ray, solved exactly, is the one HiGHS followed.
        exact = self._basis_ray(scaled)
        return exact is not None and self._is_ray(exact, objective)

    def _is_ray(self, ray: Mapping[int, Fraction], objective: Mapping[int, Fraction]) -> bool:
        """Whether ``ray`` keeps every row on and every column's sign, and lowers ``objective``."""
        if any(j not in self.free and ray.get(j, _ZERO) < 0 for j in self.used):
            return False
        for r, line in enumerate(self.lines):
            if self.active(r):
                step = dot(line.coefficients, ray)
                if (line.low is not None and step < 0) or (line.high is not None and step > 0):
                    return False
        return dot(objective, ray) < 0

    def _basis_ray(self, found: Sequence[float]) -> dict[int, Fraction] | None:
        """The ray of HiGHS's basis along ``found``, exactly, or ``None``.

        One variable out of the basis moves (a column from 0, or a row from its side),
        by 1; the rows held stay at their sides and the other columns at 0, and the
        basic columns follow: the vertex's equations with the sides at 0.
        """
        columns, rows = self._basis()
        moving: tuple[float, int, int] | None = None  # (size, row or -1 - column, sign)
        for j, value in enumerate(found):
            if columns[j] != _BASIC and value and (moving is None or abs(value) > moving[0]):
                moving = (abs(value), -1 - j, 1 if value > 0 else -1)
        held = [r for r, row in enumerate(rows) if row != _BASIC]
        for r in held:
            step = sum(float(c) * found[j] for j, c in self.lines[r].coefficients.items())
            if step and (moving is None or abs(step) > moving[0]):
                moving = (abs(step), r, 1 if step > 0 else -1)
        if moving is None:
            return None
        _, which, sign = moving
        entering = -1 - which if which < 0 else None
        tied = self._over_basis(columns, held, entering)
        sides = [sign if r == which else 0 for r in held]
        if entering is not None:
            tied.append({entering: 1})
            sides.append(sign)
        ray = solve_integers(tied, sides)
        return None if ray is None else ray.fractions()

    def feasible(self) -> bool | None:
        """Whether the rows that are on have a common solution; ``None`` if not certified.

        When they have, :attr:`witness` is one, exact.
        """
        status = self._run({})
        if status == "optimal":
            return True if self._vertex_holds() else None
        if status == "infeasible":
            return False if self.conflict() is not None else None
        return None

    def conflict(self) -> frozenset[str] | None:
        """Claims among those on that cannot hold together, certified exactly, or ``None``."""
        elastic = self._elastic_model()
        assert self._on is not None  # a model is switched before it is solved
        elastic.switch(self._on)
        penalties = {j: Fraction(1) for j in range(self.size, elastic.size)}
        if elastic._run(penalties) != "optimal":
            return None
        bound = elastic._dual_bound(penalties, keep=True)
        if bound is None or bound <= 0:
            return None
        return frozenset(
            owner for r in elastic._support if (owner := elastic.lines[r].owner) is not None
        )

    def positive_point(
        self, on: frozenset[str], bases: Collection[int]
    ) -> dict[int, Fraction] | None:
        """An exact point that meets the rows of claims ``on`` with every one of ``bases`` above 0.

        One program, ``max s`` with ``s <= x[j]`` for each base ``j`` (and ``s <= 1``),
        rather than one per base; its vertex is solved and checked exactly.
        ``None`` when that does not show it: the bases must then be asked one by one.
        """
        floor = self._floor_model()
        floor.switch(on | {_floor_owner(j) for j in bases})
        if floor._run({self.size: Fraction(-1)}) != "optimal" or not floor._vertex_holds():
            return None
        assert floor.witness is not None  # the vertex held
        point = dict(floor.witness)
        if any(point.get(j, _ZERO) <= 0 for j in bases):
            return None
        point.pop(self.size, None)
        return point

    def _floor_model(self) -> Model:
        """The same rows, a column ``s`` (the last) and rows ``s <= x[j]``, one per value."""
        if self._floor is None:
            s = self.size
            lines = list(self.lines)
            lines.extend(
                _Line({s: Fraction(1), j: Fraction(-1)}, None, _ZERO, _floor_owner(j))
                for j in sorted(self.used - self.free)
            )
            lines.append(_Line({s: Fraction(1)}, None, Fraction(1), None))
            self._floor = Model(s + 1, lines, self.free)
        return self._floor

    def _elastic_model(self) -> Model:
        """The same rows, each with two columns of its own that may violate it at a cost."""
        if self._elastic is None:
            lines = []
            for number, line in enumerate(self.lines):
                extra = self.size + 2 * number
                coefficients = {**line.coefficients, extra: Fraction(1), extra + 1: Fraction(-1)}
                lines.append(line._replace(coefficients=coefficients))
            self._elastic = Model(self.size + 2 * len(self.lines), lines, self.free)
        return self._elastic

    # -- certificates ---------------------------------------------------------------------

    def _basis(self) -> tuple[list[int], list[int]]:
        if self._statuses is None:
            basis = self._highs.getBasis()
            self._statuses = (
                [int(state) for state in basis.col_status],
                [int(state) for state in basis.row_status],
            )
        return self._statuses

    def _dual_bound(
        self, objective: Mapping[int, Fraction], *, keep: bool = False
    ) -> Fraction | None:
        """The exact bound of the dual solution of HiGHS's final basis, if it is one.

        First on the rows HiGHS found binding; should that fail (a dual too small
        to tell from 0 in floating point, as along a long chain of growth rates),
        on every row the basis holds at a bound, which is the basis's own dual
        solution: the exact simplex is then rarely needed.
        """
        columns, rows = self._basis()
        scaled = self._highs.getSolution().row_dual
        duals = self.duals()
        actives = self._active_rows()
        bounded = [r for r, row in enumerate(rows) if actives[r] and row != _BASIC]
        binding = [r for r in bounded if abs(scaled[r]) > _BINDING]
        # HiGHS's optimum: a certified bound far from it comes from a dual that is not
        # the basis's (a wrong guess of which rows bind); it is sound but loose, and a
        # loose bound would pass for the exact one.
        optimum = self._highs.getObjectiveValue() / self._cost_scale
        for support in (binding, bounded):
            found = self._bound_on(support, objective, columns, duals, keep=keep)
            if found is not None and abs(float(found) - optimum) <= _CLOSE * (1 + abs(optimum)):
                return found
        return None

    def _bound_on(
        self,
        support: list[int],
        objective: Mapping[int, Fraction],
        columns: list[int],
        duals: Sequence[float],
        *,
        keep: bool,
    ) -> Fraction | None:
        """The bound of the dual solution on the rows ``support``, if it is one."""
        # A column no binding row names has reduced cost c[j]; only the others matter.
        touched = {j for r in support for j in self.lines[r].coefficients} | set(objective)
        tied: list[int] = []
        rest: list[int] = []
        for j in touched:
            (tied if columns[j] == _BASIC or j in self.free else rest).append(j)
        solution = self._solution(tied, objective, duals, support)
        if solution is None:
            return None
        values, common = solution
        sides: dict[int, Fraction] = {}
        for r in support:
            y = values.get(r)
            if not y:
                continue
            line = self.lines[r]
            side = line.low if y > 0 else line.high
            if side is None:
                return None
            sides[r] = side
        # Every other column: its reduced cost must let x >= 0 only raise the objective.
        for j in rest:
            total, scale = self._column_total(j, values)
            cost = _fraction(objective.get(j, 0))
            if total * cost.denominator > cost.numerator * scale * common:
                return None
        if keep:
            self._support = list(sides)
        return _weighted(sides, solution)

    def _solution(
        self,
        tied: list[int],
        objective: Mapping[int, Fraction],
        duals: Sequence[float],
        support: list[int],
    ) -> Scaled | None:
        """The exact dual solution on the rows ``support``, or ``None``.

        Its equations: for each column of ``tied`` (basic or free), the column's
        entries on ``support`` times the solution make its cost in ``objective``.
        HiGHS's duals, read as the simplest nearby fractions, are often the exact
        ones: checking that costs a product per entry, solving an elimination. A
        model whose duals are no short fractions (a ratio's, with the scale of every
        value in them) soon stops guessing: a wrong guess costs as much as a check.
        """
        hits, tries = self._guesses
        if tries < _TRIES or hits * 2 >= tries:
            guess = _rounded(duals, support)
            right = self._solves(tied, objective, guess)
            self._guesses = (hits + right, tries + 1)
            if right:
                return guess
        chosen = set(support)
        rows: list[dict[int, int]] = []
        sides: list[int] = []
        for j in tied:
            # Σ entries[r] / scale × y[r] = cost, times scale × the cost's denominator.
            scale, entries = self._column_integers(j)
            cost = _fraction(objective.get(j, 0))
            terms = {r: a * cost.denominator for r, a in entries if r in chosen}
            if terms or cost:
                rows.append(terms)
                sides.append(cost.numerator * scale)
        return solve_integers(rows, sides)

    def _solves(self, tied: list[int], objective: Mapping[int, Fraction], scaled: Scaled) -> bool:
        """Whether ``scaled`` (on some rows; the others 0) meets the equations of ``tied``."""
        for j in tied:
            total, scale = self._column_total(j, scaled.values)
            cost = _fraction(objective.get(j, 0))
            if total * cost.denominator != cost.numerator * scale * scaled.common:
                return False
        return True

    def _column_integers(self, j: int) -> tuple[int, list[tuple[int, int]]]:
        """Column ``j`` in integers over its common denominator, ``(scale, [(row, entry)])``."""
        found = self._integers.get(j)
        if found is None:
            column = self.columns[j]
            scale = lcm(*(c.denominator for _, c in column))
            found = (scale, [(r, c.numerator * (scale // c.denominator)) for r, c in column])
            self._integers[j] = found
        return found

    def _column_total(self, j: int, values: Mapping[int, int]) -> tuple[int, int]:
        """``Σ A[r, j] × values[r]`` over the rows of ``values``, as an integer over a scale.

        Returns ``(total, scale)``: the sum is ``total / scale``. Integers (each column
        over its own common denominator, kept) rather than fractions: a certificate
        checks every column, and fractions reduce at every step.
        """
        scale, entries = self._column_integers(j)
        return sum(a * values[r] for r, a in entries if r in values), scale

    def _vertex_holds(self) -> bool:
        """Whether the vertex of HiGHS's basis, solved exactly, meets every row that is on.

        If it does, it is kept as :attr:`witness`.
        """
        self._point = self._witness = None
        self._broken = []
        columns, rows = self._basis()
        point = self._vertex(columns, rows)
        if point is None:
            return False
        values, common = point  # common is above 0
        if any(values.get(j, 0) < 0 for j in self.used if j not in self.free):
            return False
        # A row the basis holds at one of its sides meets it by the equations: only
        # the others are checked, in integers over the point's common denominator.
        held = (_LOWER, _UPPER)
        actives = self._active_rows()
        for r, row in enumerate(rows):
            if not actives[r] or row in held:
                continue
            terms, low, high = self._row_terms(r)
            total = sum(a * values[j] for j, a in terms if j in values)
            if (low is not None and total < low * common) or (
                high is not None and total > high * common
            ):
                self._broken.append(r)
        if not self._broken:
            self._point = point
            return True
        return False

    def _vertex(self, columns: list[int], rows: list[int]) -> Scaled | None:
        """The vertex of a basis, exactly: its rows held at a side, its other columns at 0.

        The columns at 0 are left out of the equations (and of the point) at once:
        what is left is square, one equation per basic column.
        """
        held = self._held(rows)
        if held is None:
            return None
        return solve_integers(self._over_basis(columns, held), list(held.values()))

    def _over_basis(
        self, columns: list[int], held: Iterable[int], also: int | None = None
    ) -> list[dict[int, int]]:
        """Each row of ``held`` in integers, over the basic columns (and ``also``) alone."""
        basics = {j for j, state in enumerate(columns) if state == _BASIC}
        if also is not None:
            basics.add(also)
        return [{j: a for j, a in self._row_terms(r)[0] if j in basics} for r in held]

    def _held(self, rows: list[int]) -> dict[int, int] | None:
        """The rows a basis holds, each at its side in integers; ``None``: a side it lacks.

        A row switched off may still be out of the basis, at 0 (HiGHS's "zero" status).
        """
        basic, lower, upper = _BASIC, _LOWER, _UPPER
        actives = self._active_rows()
        held: dict[int, int] = {}
        for r, row in enumerate(rows):
            if row == basic:
                continue
            _, low, high = self._row_integers.get(r) or self._row_terms(r)
            side: int | None = 0
            if actives[r]:
                if row == lower:
                    side = low
                elif row == upper:
                    side = high
            if side is None:
                return None
            held[r] = side
        return held

    def _row_terms(self, r: int) -> tuple[list[tuple[int, int]], int | None, int | None]:
        """Row ``r`` in integers (terms, low, high) over its own common denominator, kept."""
        found = self._row_integers.get(r)
        if found is None:
            line = self.lines[r]
            sides = [side for side in (line.low, line.high) if side is not None]
            scale = lcm(
                *(c.denominator for c in line.coefficients.values()),
                *(side.denominator for side in sides),
            )
            terms = [
                (j, c.numerator * (scale // c.denominator)) for j, c in line.coefficients.items()
            ]
            low, high = (
                None if side is None else side.numerator * (scale // side.denominator)
                for side in (line.low, line.high)
            )
            found = self._row_integers[r] = (terms, low, high)
        return found


def program(
    columns: Sequence[Sequence[tuple[int, float]]],
    *,
    cost: Sequence[float] | Any,
    lower: Sequence[float] | Any,
    upper: Sequence[float] | Any,
    low: Sequence[float],
    high: Sequence[float],
) -> Any:
    """A HiGHS program, column by column.

    ``columns`` holds each column's (row, coefficient) pairs; ``cost``, ``lower``
    and ``upper`` each column's cost and bounds; ``low`` and ``high`` each row's
    sides (``low <= row <= high``).
    """
    _load()
    lp = highspy.HighsLp()
    lp.num_col_ = len(columns)
    lp.num_row_ = len(low)
    lp.col_cost_ = np.asarray(cost, dtype=float)
    lp.col_lower_ = np.asarray(lower, dtype=float)
    lp.col_upper_ = np.asarray(upper, dtype=float)
    lp.row_lower_ = np.asarray(low, dtype=float)
    lp.row_upper_ = np.asarray(high, dtype=float)
    starts, index, value = [0], list[int](), list[float]()
    for column in columns:
        index.extend(r for r, _ in column)
        value.extend(c for _, c in column)
        starts.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value)
    return lp


def quiet() -> Any:
    """A new HiGHS instance that prints nothing."""
    _load()
    # The bare class: the wrapper prints a banner and sets up callbacks we do not use.
    highs = highspy._core._Highs()
    highs.setOptionValue("output_flag", False)
    return highs


def _instance() -> Any:
    """A new HiGHS instance with the options every model uses."""
    highs = quiet()
    # Small programs solved many times from the last basis: presolve costs more than it saves.
    highs.setOptionValue("presolve", "off")
    return highs


def _release(highs: Any) -> None:
    """Keep the instance of a model that is gone for the next model (see :data:`_IDLE`)."""
    if len(_IDLE) < _KEPT:
        _IDLE.append(highs)


def _floor_owner(column: int) -> str:
    """The owner of a row ``s <= x[column]``: no claim id (those never hold a NUL)."""
    return f"\0floor {column}"


def _ratio_at(
    numerator: Mapping[int, Fraction],
    denominator: Mapping[int, Fraction],
    point: Mapping[int, Fraction],
) -> Fraction | None:
    """``n · x / d · x`` at ``point`` (``None`` where ``d · x`` is not above 0)."""
    bottom = dot(denominator, point)
    return dot(numerator, point) / bottom if bottom > 0 else None


def _log2(value: Fraction) -> int:
    """About log2 of ``|value|`` (not 0), from the sizes of its numerator and denominator."""
    return abs(value.numerator).bit_length() - value.denominator.bit_length()


def _row_exponent(line: _Line, columns: Sequence[int]) -> int:
    """The power of 2 that brings a row's scaled coefficients and bounds near 1, on average."""
    logs = [_log2(c) + columns[j] for j, c in line.coefficients.items() if c]
    logs += [_log2(side) for side in (line.low, line.high) if side]
    return -round(sum(logs) / len(logs)) if logs else 0


def _scales(lines: Sequence[_Line], size: int) -> tuple[list[int], list[int]]:
    """Powers of 2 for rows and columns: geometric-mean scaling, a few passes.

    The bounds of a row count with it (a value's bound says how large it is), so a
    variable of 10^40 yuan becomes one of about 1, and its rows follow.
    """
    columns = [0] * size
    rows = [0] * len(lines)
    if all(
        abs(_log2(c)) <= _TAME for line in lines for c in line.coefficients.values() if c
    ) and all(
        abs(_log2(side)) <= _TAME for line in lines for side in (line.low, line.high) if side
    ):
        # Numbers HiGHS takes as they are: scaling would only blur its tolerances.
        return rows, columns
    for _ in range(_PASSES):
        rows = [_row_exponent(line, columns) for line in lines]
        sums, counts = [0] * size, [0] * size
        for r, line in enumerate(lines):
            for j, c in line.coefficients.items():
                if c:
                    sums[j] += _log2(c) + rows[r]
                    counts[j] += 1
        columns = [-round(sums[j] / counts[j]) if counts[j] else 0 for j in range(size)]
    return [_row_exponent(line, columns) for line in lines], columns


def _rounded(values: Sequence[float], support: Iterable[int]) -> Scaled:
    """The simplest fractions near ``values[r]`` for each ``r`` of ``support``: a guess only.

    Over their least common denominator, as the certificates check them.
    """
    found: dict[int, tuple[int, int]] = {}
    for r in support:
        value = values[r]
        whole = round(value)
        found[r] = (whole, 1) if value == whole else _nearest_fraction(value)
    common = lcm(*(bottom for _, bottom in found.values()))
    return Scaled(
        {r: top * (common // bottom) for r, (top, bottom) in found.items() if top}, common
    )


def _nearest_fraction(value: float) -> tuple[int, int]:
    """``Fraction(value).limit_denominator(_DENOMINATOR)``, in integers alone.

    The same steps as the standard library's (the convergents of the continued
    fraction of ``value``'s exact ratio, then the nearer of the last convergent and
    the last semiconvergent within the limit, the convergent on a tie), without a
    fraction built at each: a certificate reads hundreds of duals this way.

    Returns:
        The numerator and the denominator (above 0), in lowest terms.
    """
    top, bottom = value.as_integer_ratio()
    if bottom <= _DENOMINATOR:
        return top, bottom
    p0, q0, p1, q1 = 0, 1, 1, 0
    n, d = top, bottom
    while True:
        a = n // d
        q2 = q0 + a * q1
        if q2 > _DENOMINATOR:
            break
        p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
        n, d = d, n - a * d
    k = (_DENOMINATOR - q0) // q1
    # The convergent p1 / q1 lies d / (q1 × bottom) from the value, and
    # 1 / (q1 × (q0 + k q1)) from the semiconvergent: the nearer one wins. Both are
    # in lowest terms (neighbours in the continued fraction's steps).
    if 2 * d * (q0 + k * q1) <= bottom:
        return p1, q1
    return p0 + k * p1, q0 + k * q1


def _weighted(sides: Mapping[int, Fraction], solution: Scaled) -> Fraction:
    """``Σ sides[r] × solution[r]``: a dual solution's bound, reduced once."""
    values, common = solution
    scale = lcm(*(side.denominator for side in sides.values()))
    total = sum(
        side.numerator * (scale // side.denominator) * values.get(r, 0) for r, side in sides.items()
    )
    return Fraction(total, scale * common)


class Slices:
    """The programs of a share change's slices: shared rows, and a few rows per slice.

    The slices of one change of share differ only in the last few rows (the slice's
    ends and its McCormick envelope), so one HiGHS model holds them all: each slice
    replaces those rows' coefficients and bounds and starts from the last basis,
    rather than building a model of the whole program again.

    Args:
        size: The number of variables.
        rows: The rows every slice shares.
        extra: How many rows each slice adds.
        free: The variables that may be negative.
        also: Variables only the slices' own rows name.
        deadline: For the exact simplex a slice may fall back on (see
            :class:`._linear.Polyhedron`).
    """

    def __init__(
        self,
        size: int,
        rows: Sequence[Row],
        extra: int,
        free: Collection[int],
        also: Iterable[int] = (),
        *,
        deadline: float | None = None,
    ) -> None:
        self.deadline = deadline
        used = sorted({j for row in rows for j, c in row.coefficients.items() if c} | set(also))
        self.size, self.rows, self.free = size, list(rows), frozenset(free)
        self.local = {variable: number for number, variable in enumerate(used)}
        self.names = used
        compact = [
            (
                None,
                Row(
                    {self.local[j]: c for j, c in row.coefficients.items() if c}, row.sense, row.rhs
                ),
            )
            for row in rows
        ]
        # The slice's rows start empty and always met (0 >= -1); each slice fills them in.
        compact += [(None, Row({}, ">=", -1)) for _ in range(extra)]
        self.first = len(rows)
        self.model = Model.of_rows(
            len(used),
            compact,
            [self.local[j] for j in used if j in free],
            scale=False,
            feasibility=_SLICE_FEASIBILITY,
        )
        self.model.switch(frozenset())
        #: The number of the slice whose rows the model holds, and how many were made
        #: (numbers, not slices: a reference would keep a slice and its model alive).
        self.current = self.made = 0

    def slice(
        self, extra: Sequence[Row], first: Mapping[int, Fraction | int] | None = None
    ) -> Slice:
        """The program of the shared rows and ``extra`` (which name only shared variables).

        ``first``: the objective to be minimized first, if known (see :class:`Slice`).
        """
        return Slice(self, extra, first)


class Slice:
    """A small program solved once per objective by HiGHS (a share change's slice).

    Has the interface of :class:`._linear.Polyhedron` for the share-change search,
    where the exact engine's path must be taken: a minimum is the exact one, and
    ``point`` the exact vertex that reaches it (HiGHS's vertex solved exactly, or a
    few exact pivots from it, or the exact simplex's), as the exact engine finds them.
    HiGHS's certified dual bound alone may lie a hair below the minimum, and its
    float point a hair off the vertex: the search would turn elsewhere.

    Args:
        slices: The shared rows and their model.
        extra: This slice's own rows.
        first: The objective to be minimized first: where HiGHS finds its optimum,
            that shows the slice has values, and no solve is made for that alone.
    """

    def __init__(
        self,
        slices: Slices,
        extra: Sequence[Row],
        first: Mapping[int, Fraction | int] | None = None,
    ) -> None:
        self._slices = slices
        self._extra = list(extra)
        self._program = Program(slices.size, [*slices.rows, *extra], slices.free)
        self._exact: Polyhedron | None = None
        self.point: dict[int, Fraction] = {}
        self._install()
        model = slices.model
        # The objective of the last solve, if it found an optimum and nothing changed since.
        self._solved = None if first is None else self._local(first)
        if self._solved is not None and model._run(self._solved) != "optimal":
            self._solved = None
        self.feasible = self._solved is not None or model._run({}) == "optimal"
        slices.made += 1
        slices.current = self._number = slices.made

    def _install(self) -> None:
        """Put this slice's rows into the shared model (a no-op if they are there)."""
        model, local = self._slices.model, self._slices.local
        for number, row in enumerate(self._extra):
            r = self._slices.first + number
            coefficients = {local[j]: Fraction(c) for j, c in row.coefficients.items() if c}
            rhs = Fraction(row.rhs)
            low = rhs if row.sense in (">=", "=") else None
            high = rhs if row.sense in ("<=", "=") else None
            line = model.lines[r]
            if line.coefficients != coefficients:
                model.set_row(r, coefficients)
            if (line.low, line.high) != (low, high):
                model.set_bounds(r, low, high)

    def _local(self, objective: Mapping[int, Fraction | int]) -> dict[int, Fraction] | None:
        """``objective`` in the model's columns; ``None`` if it names a column the model lacks."""
        local: dict[int, Fraction] = {}
        for variable, coefficient in objective.items():
            if coefficient:
                if variable not in self._slices.local:
                    return None
                local[self._slices.local[variable]] = Fraction(coefficient)
        return local

    def minimum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The minimum of ``objective · x``, reached by :attr:`point` (``None``: unbounded)."""
        local = self._local(objective)
        if local is None:
            return self._fallback(objective)
        model = self._slices.model
        solved, self._solved = self._solved, None
        # The model's last solve was of this objective over these rows: its optimum stands.
        if solved != local or self._slices.current != self._number:
            self._install()
            self._slices.current = self._number
            if model._run(local) != "optimal":
                return self._fallback(objective)
        found = model.optimum(local)
        if found is None:
            return self._fallback(objective)
        # The exact vertex that reaches the minimum, as the exact simplex's point: the
        # search's path turns on the change there (HiGHS's float point is a hair off).
        assert model.witness is not None  # a certified minimum has its vertex
        names = self._slices.names
        self.point = {names[number]: value for number, value in model.witness.items()}
        return found

    def maximum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The maximum of ``objective · x``, reached by :attr:`point` (``None``: unbounded)."""
        low = self.minimum({key: -value for key, value in objective.items()})
        return None if low is None else -low

    def _fallback(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        if self._exact is None:
            self._exact = Polyhedron(self._program, deadline=self._slices.deadline)
        found = self._exact.minimum(objective)
        self.point = self._exact.point
        return found
