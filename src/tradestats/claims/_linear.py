"""Private: an exact simplex method over rational numbers, for small linear programs.

The published figures of a report, with their rounding, bound the values of its
flows by linear inequalities (every flow but a balance is 0 or more), so the
values that meet all claims form a polyhedron. Whether it is empty, and the
smallest and largest value of a linear function or of a ratio of two over it,
are linear programs. They are solved here exactly, in :class:`~fractions.Fraction`
arithmetic, by the two-phase simplex method (the steepest reduced cost, then
Bland's rule, which never cycles, from the first degenerate pivot on). The
problems are small (tens of variables and rows): a dense tableau is simplest and
fast enough.

>>> program = Program(2, rows=[Row({0: 1, 1: 1}, "<=", Fraction(4)), Row({0: 1}, ">=", 1)])
>>> polyhedron = Polyhedron(program)
>>> polyhedron.feasible
True
>>> polyhedron.minimum({0: 1, 1: -1}), polyhedron.maximum({1: 1})
(Fraction(-2, 1), Fraction(3, 1))
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Mapping, Sequence
from fractions import Fraction
from math import gcd, lcm
from typing import Final, Literal, NamedTuple, TypeAlias

from tradestats.claims._dot import dot

__all__ = [
    "Infeasible",
    "Minimizing",
    "OutOfTime",
    "Polyhedron",
    "Program",
    "Row",
    "Sense",
    "charnes_cooper",
    "linear_sum",
    "on_time",
    "ratio_range",
]

#: A linear function: coefficient by variable index (absent means 0).
Linear: TypeAlias = Mapping[int, Fraction | int]
Sense: TypeAlias = Literal["<=", ">=", "="]
_ZERO: Final = Fraction(0)
_ONE: Final = Fraction(1)


class Infeasible(Exception):  # noqa: N818 - an outcome, caught by the engine
    """The program's constraints have no common solution."""


class OutOfTime(Exception):  # noqa: N818 - an outcome, caught by the check
    """The check's time limit ran out."""


def on_time(deadline: float | None) -> None:
    """Go on if ``time.monotonic()`` has not reached ``deadline`` (``None``: no limit).

    Raises:
        OutOfTime: If it has.
    """
    if deadline is not None and time.monotonic() >= deadline:
        raise OutOfTime


class Row(NamedTuple):
    """The constraint ``Σ coefficients[i] × x[i]  sense  rhs``."""

    coefficients: Linear
    sense: Sense
    rhs: Fraction | int

    def meets(self, point: Mapping[int, Fraction]) -> bool:
        """Whether ``point`` (a variable missing is 0) meets the row exactly.

        >>> Row({0: Fraction(1), 1: Fraction(-2)}, ">=", 0).meets({0: Fraction(2), 1: Fraction(1)})
        True
        >>> Row({0: Fraction(1)}, "=", 1).meets({0: Fraction(1, 2)})
        False
        """
        total = dot(self.coefficients, point)
        if self.sense == ">=":
            return total >= self.rhs
        if self.sense == "<=":
            return total <= self.rhs
        return total == self.rhs


class Program(NamedTuple):
    """Variables ``x[0] … x[size - 1]``, each 0 or more unless in ``free``, and rows."""

    size: int
    rows: Sequence[Row] = ()
    free: frozenset[int] = frozenset()


class Minimizing(ABC):
    """Values of linear objectives over some set of points: the largest is the smallest negated."""

    @abstractmethod
    def minimum(self, objective: Linear, constant: Fraction | int = 0) -> Fraction | None:
        """The smallest value of ``objective · x + constant``, or ``None`` if unbounded below.

        Raises:
            Infeasible: If the constraints have no common solution.
        """

    def maximum(self, objective: Linear, constant: Fraction | int = 0) -> Fraction | None:
        """The largest value of ``objective · x + constant``, or ``None`` if unbounded above.

        Raises:
            Infeasible: If the constraints have no common solution.
        """
        low = self.minimum({key: -value for key, value in objective.items()}, -Fraction(constant))
        return None if low is None else -low


class Polyhedron(Minimizing):
    """The solutions of a :class:`Program`, with phase one done once for many objectives.

    Args:
        program: The constraints.
        deadline: A ``time.monotonic()`` past which a pivot raises :class:`OutOfTime`
            (``None``: none): an exact simplex on a large program may take minutes.
    """

    def __init__(self, program: Program, *, deadline: float | None = None) -> None:
        self.program = program
        self._deadline = deadline
        used = sorted({j for row in program.rows for j, c in row.coefficients.items() if c})
        # A column per variable that some row names (two for a free one: its positive
        # and negative parts), then one slack per inequality.
        columns = [(j, 1) for j in used] + [(j, -1) for j in used if j in program.free]
        self._columns = columns
        self._used = frozenset(used)
        width = len(columns) + sum(row.sense != "=" for row in program.rows)
        tableau: list[list[Fraction]] = []
        basis: list[int | None] = []
        slack = len(columns)
        for row in program.rows:
            line, start = _tableau_line(row, columns, width, slack)
            slack += start is not None
            line, begin = _started(line, start, width)
            basis.append(begin)
            tableau.append(line)
        self._width = width
        self._tableau, self._basis = _phase_one(tableau, basis, width, deadline)
        #: Where the last optimum was found (variables no row names are 0).
        self.point: dict[int, Fraction] = {}

    @property
    def feasible(self) -> bool:
        """Whether the constraints have a common solution."""
        return self._tableau is not None

    def minimum(self, objective: Linear, constant: Fraction | int = 0) -> Fraction | None:
        """The smallest value of ``objective · x + constant``, or ``None`` if unbounded below.

        Raises:
            Infeasible: If the constraints have no common solution.
            OutOfTime: If the deadline passes first.
        """
        if self._tableau is None or self._basis is None:
            raise Infeasible
        for variable, coefficient in objective.items():
            # A variable no row names is 0 or more (or free) and nothing else.
            if variable not in self._used and (
                coefficient < 0 or (coefficient and variable in self.program.free)
            ):
                return None
        tableau, basis, bounded = self._optimum(self._costs(objective))
        if not bounded:
            return None
        width = self._width
        self.point = dict.fromkeys(self._used, _ZERO)
        for line, column in zip(tableau[:-1], basis, strict=True):
            if column < len(self._columns):
                variable, sign = self._columns[column]
                self.point[variable] += sign * Fraction(line[width], line[-1])
        return Fraction(constant) - Fraction(tableau[-1][width], tableau[-1][-1])

    def _costs(self, objective: Linear) -> list[Fraction]:
        """An objective on the variables as costs of the tableau's columns."""
        costs = [_ZERO] * self._width
        for index, (variable, sign) in enumerate(self._columns):
            coefficient = objective.get(variable, 0)
            if coefficient:
                costs[index] = Fraction(coefficient) * sign
        return costs

    def _optimum(self, costs: list[Fraction]) -> tuple[list[list[int]], list[int], bool]:
        """Where the simplex stops for ``costs``: its tableau (reduced costs last) and basis.

        And whether that is the optimum: ``False`` where the objective is unbounded
        below, at the last vertex reached. The polyhedron is feasible.
        """
        assert self._tableau is not None  # feasible
        assert self._basis is not None
        tableau = [list(line) for line in self._tableau]
        basis = list(self._basis)
        tableau.append(_line(_reduced(tableau, basis, costs)))
        return tableau, basis, _optimize(tableau, basis, self._width, self._deadline)

    def with_rows(self, rows: Sequence[Row], size: int | None = None) -> Polyhedron:
        """The polyhedron of this one's rows and ``rows`` (over ``size`` variables).

        The rows held keep their basis; each new row is written in its terms and starts
        with its slack basic where the vertex meets it, else with an artificial
        variable, so phase one mends only the rows the vertex breaks (a few pivots,
        where a phase one from scratch takes about one a row).
        """
        program = Program(
            self.program.size if size is None else size,
            [*self.program.rows, *rows],
            self.program.free,
        )
        if self._tableau is None:  # more rows allow no more values
            return self._solved(program, self._columns, self._used, (None, None))
        return _with_rows(self, rows, program)

    def without_rows(self, drop: Collection[int]) -> Polyhedron | None:
        """The polyhedron of this one's rows but those at the indices ``drop``, with no phase one.

        A row left out lets its slack take any value: the slack enters the basis in
        whichever direction some row stops it first (the ratio test), so every
        other basic value stays 0 or more, and its row, which then only says what
        the slack is, goes. ``None`` where this polyhedron is empty (fewer rows may
        allow values) or a row left out is an equation (it has no slack).
        """
        rows = self.program.rows
        if self._tableau is None or self._basis is None or any(rows[i].sense == "=" for i in drop):
            return None
        slacks = [i for i, row in enumerate(rows) if row.sense != "="]
        first = len(self._columns)
        gone = {first + number for number, i in enumerate(slacks) if i in drop}
        width = self._width
        tableau = [list(line) for line in self._tableau]
        basis = list(self._basis)
        for column in sorted(gone):
            if column not in basis:
                row = _blocking(tableau, column, width)
                if row is None:
                    continue  # the slack moves no basic value: nothing ties it
                _pivot(tableau, basis, row, column)
            at = basis.index(column)
            del tableau[at], basis[at]
        kept = [column for column in range(width + 2) if column not in gone]
        renumbered = {column: number for number, column in enumerate(kept)}
        program = Program(
            self.program.size,
            [row for i, row in enumerate(rows) if i not in drop],
            self.program.free,
        )
        return self._solved(
            program,
            self._columns,
            self._used,
            ([[line[c] for c in kept] for line in tableau], [renumbered[c] for c in basis]),
        )

    def charnes_cooper(self, denominator: Linear, constant: Fraction | int = 0) -> Polyhedron:
        """The polyhedron of :func:`charnes_cooper` over these rows, with no phase one of its own.

        Its phase one is slow: every row but one has a right-hand side of 0, so the
        simplex pivots through a degenerate cone (about a hundred pivots for a
        ratio over a release's claims). It needs none: at a vertex ``x`` of this
        polyhedron where ``s = d · x + d0`` is above 0, ``y = x / s`` and ``t = 1 / s``
        is a vertex of the transformed one, with the same basic columns and ``t``.
        Its tableau follows from this one's in one pass: each row ``x_B + N x_N = β``
        becomes ``y_B + (N + β r / s) y_N = β / s`` and the new row is
        ``t + (r / s) y_N = 1 / s``, where ``r`` are the reduced costs of ``d``.
        The vertex is the first basis found, or else the one of the largest ``d · x``
        (where that is unbounded, the last vertex the simplex reached); where ``d``
        names a variable no row names, or that vertex too has ``s`` 0 or less,
        phase one is run.
        The polyhedron must be feasible (an empty one's transform need not be empty).
        """
        program = charnes_cooper(self.program, denominator, constant)
        if (
            self._tableau is None
            or self._basis is None
            or any(c and j not in self._used for j, c in denominator.items())
        ):
            return Polyhedron(program, deadline=self._deadline)
        costs = self._costs(denominator)
        width = self._width
        tableau, basis = self._tableau, self._basis
        if _value(tableau, basis, costs, width) + constant <= 0:
            # The vertex of the largest d · x, or the last one reached if it has none.
            found, basis, _ = self._optimum([-cost for cost in costs])
            tableau = found[:-1]
            if _value(tableau, basis, costs, width) + constant <= 0:
                return Polyhedron(program, deadline=self._deadline)
        scale = _value(tableau, basis, costs, width) + constant
        # In whole numbers: r = reduced / q and s = scale; a row v / D with rhs b / D
        # becomes (v q s_n + b r s_d) / (D q s_n), its rhs b s_d q / (D q s_n).
        *reduced, q = _line(_reduced(tableau, basis, costs)[:width])
        s_n, s_d = scale.numerator, scale.denominator
        qs, shifted = q * s_n, [r * s_d for r in reduced]
        # The new column t goes after the variables' columns, before the slacks.
        at = len(self._columns)
        rows: list[list[int]] = []
        for line in tableau:
            b = line[width]
            values = [v * qs + b * r for v, r in zip(line[:width], shifted, strict=True)]
            rows.append(_lowest([*values[:at], 0, *values[at:], b * s_d * q, line[-1] * qs]))
        rows.append(_lowest([*shifted[:at], qs, *shifted[at:], s_d * q, qs]))
        return self._solved(
            program,
            [*self._columns, (self.program.size, 1)],
            self._used | {self.program.size},
            (rows, [column if column < at else column + 1 for column in basis] + [at]),
        )

    def _solved(
        self,
        program: Program,
        columns: list[tuple[int, int]],
        used: frozenset[int],
        phase_one: tuple[list[list[int]] | None, list[int] | None],
    ) -> Polyhedron:
        """A polyhedron derived from this one, its phase one done: ``(None, None)`` if empty.

        ``columns`` are the variables' columns (the slacks follow).
        """
        built = Polyhedron.__new__(Polyhedron)
        built.program, built._deadline, built.point = program, self._deadline, {}
        built._columns, built._used = columns, used
        built._width = len(columns) + sum(row.sense != "=" for row in program.rows)
        built._tableau, built._basis = phase_one
        return built


def _tableau_line(
    row: Row, columns: Sequence[tuple[int, int]], width: int, slack: int
) -> tuple[list[Fraction], int | None]:
    """A row over the tableau's columns (its slack, if it has one, at ``slack``), rhs last."""
    line = [_ZERO] * (width + 1)
    for index, (variable, sign) in enumerate(columns):
        coefficient = row.coefficients.get(variable, 0)
        if coefficient:
            line[index] = Fraction(coefficient) * sign
    start: int | None = None
    if row.sense != "=":
        line[slack] = _ONE if row.sense == "<=" else -_ONE
        start = slack
    line[width] = Fraction(row.rhs)
    return line, start


def _started(
    line: list[Fraction], slack: int | None, width: int
) -> tuple[list[Fraction], int | None]:
    """The line with its rhs 0 or more, and its slack if that can start in the basis.

    A row with rhs 0 may take either sign: one whose slack is then +1 starts with
    that slack in the basis. Other rows need an artificial variable (``None``).
    """
    if line[width] < 0 or (not line[width] and slack is not None and line[slack] < 0):
        line = [-value for value in line]
    return line, slack if slack is not None and line[slack] > 0 else None


def _with_rows(polyhedron: Polyhedron, rows: Sequence[Row], program: Program) -> Polyhedron:
    """:meth:`Polyhedron.with_rows` of a feasible polyhedron (see there)."""
    assert polyhedron._tableau is not None  # feasible
    assert polyhedron._basis is not None
    named = {j for row in rows for j, c in row.coefficients.items() if c}
    fresh = sorted(named - polyhedron._used)
    known = polyhedron._columns
    columns = [*known, *((j, 1) for j in fresh), *((j, -1) for j in fresh if j in program.free)]
    shift = len(columns) - len(known)
    old_width = polyhedron._width
    width = old_width + shift + sum(row.sense != "=" for row in rows)

    def moved(column: int) -> int:
        return column if column < len(known) else column + shift

    lines: list[list[Fraction]] = []
    for line in polyhedron._tableau:
        values = [_ZERO] * (width + 1)
        for column, entry in enumerate(line[:old_width]):
            if entry:
                values[moved(column)] = Fraction(entry, line[-1])
        values[width] = Fraction(line[old_width], line[-1])
        lines.append(values)
    start: list[int | None] = [moved(column) for column in polyhedron._basis]
    basic = list(enumerate(moved(column) for column in polyhedron._basis))
    slack = old_width + shift
    for row in rows:
        values, own = _tableau_line(row, columns, width, slack)
        slack += own is not None
        # In the basis's terms: each basic column is 1 in its row and 0 in the others.
        for r, column in basic:
            factor = values[column]
            if factor:
                values = [a - factor * b for a, b in zip(values, lines[r], strict=True)]
        values, begin = _started(values, own, width)
        lines.append(values)
        start.append(begin)
    return polyhedron._solved(
        program,
        columns,
        polyhedron._used | named,
        _phase_one(lines, start, width, polyhedron._deadline),
    )


def _blocking(tableau: Sequence[Sequence[int]], column: int, width: int) -> int | None:
    """The row whose basic value reaches 0 first as a free nonbasic ``column`` moves.

    Upward where some entry of the column is above 0, else downward; ``None``
    where the column is all 0.
    """
    sign = 1 if any(line[column] > 0 for line in tableau) else -1
    steps = [
        (Fraction(line[width], sign * line[column]), number)
        for number, line in enumerate(tableau)
        if sign * line[column] > 0
    ]
    return min(steps)[1] if steps else None


def _reduced(
    tableau: Sequence[Sequence[int]], basis: Sequence[int], costs: Sequence[Fraction]
) -> list[Fraction]:
    """The reduced costs of ``costs`` in a basis, and minus the objective's value last."""
    reduced = [*costs, _ZERO]
    for line, column in zip(tableau, basis, strict=True):
        cost = costs[column]
        if cost:
            for index, value in enumerate(line[:-1]):
                if value:
                    reduced[index] -= cost * Fraction(value, line[-1])
    return reduced


def _value(
    tableau: Sequence[Sequence[int]], basis: Sequence[int], costs: Sequence[Fraction], width: int
) -> Fraction:
    """The objective ``costs`` at the vertex of a basis."""
    return sum(
        (
            costs[column] * Fraction(line[width], line[-1])
            for line, column in zip(tableau, basis, strict=True)
            if costs[column]
        ),
        _ZERO,
    )


def _lowest(line: list[int]) -> list[int]:
    """Integers over their last entry, without their common factor."""
    common = gcd(*line)
    return line if common == 1 else [entry // common for entry in line]


def _line(values: Sequence[Fraction]) -> list[int]:
    """Rational values as integers over one positive denominator, which comes last.

    Row operations on integers (with the common factor removed) are much faster
    than on fractions, each of which is reduced at every step.
    """
    denominator = lcm(*(value.denominator for value in values))
    line = [value.numerator * (denominator // value.denominator) for value in values]
    line.append(denominator)
    common = gcd(*line)
    return line if common == 1 else [entry // common for entry in line]


def _pivot(tableau: list[list[int]], basis: list[int], row: int, column: int) -> None:
    """Make ``column`` basic in ``row``; the last line of ``tableau`` may be costs.

    Each line is integers over its last entry (see :func:`_line`).
    """
    line = tableau[row]
    factor = line[column]
    if factor < 0:
        line[:] = [-entry for entry in line[:-1]] + [line[-1]]
        factor = -factor
    # The pivot row divided by its pivot entry: the same integers over that entry.
    line[-1] = factor
    common = gcd(*line)
    if common != 1:
        line[:] = [entry // common for entry in line]
        factor = line[-1]
    used = [index for index, entry in enumerate(line[:-1]) if entry]
    for other, target in enumerate(tableau):
        if other != row:
            scale = target[column]
            if scale:
                updated = [entry * factor for entry in target]
                for index in used:
                    updated[index] -= scale * line[index]
                common = gcd(*updated)
                target[:] = updated if common == 1 else [entry // common for entry in updated]
    basis[row] = column


def _optimize(
    tableau: list[list[int]], basis: list[int], width: int, deadline: float | None = None
) -> bool:
    """Minimize from a feasible basis; the last line holds the reduced costs.

    The entering column is the one with the most negative reduced cost (few
    pivots) until a pivot fails to improve the objective; from then on Bland's
    rule decides: the lowest-numbered column with a negative reduced cost, and
    among the ties of the ratio test the row with the lowest-numbered basic
    variable. Only such degenerate pivots can cycle, and Bland's rule never does,
    so the method always ends. Returns ``False`` if the objective is unbounded
    below.

    Raises:
        OutOfTime: If ``deadline`` passes before the end (checked at every pivot).
    """
    costs = tableau[-1]  # all over one denominator: compare the integers
    rows = tableau[:-1]
    bland = False
    while True:
        if bland:
            entering = next((column for column in range(width) if costs[column] < 0), None)
        else:
            steepest = min(range(width), key=costs.__getitem__, default=None)
            entering = None if steepest is None or costs[steepest] >= 0 else steepest
        if entering is None:
            return True
        leaving = None
        best: tuple[Fraction, int] | None = None
        for index, line in enumerate(rows):
            if line[entering] > 0:
                candidate = (Fraction(line[-2], line[entering]), basis[index])
                if best is None or candidate < best:
                    best, leaving = candidate, index
        if leaving is None or best is None:
            return False
        if not best[0]:
            bland = True  # a degenerate pivot: guard against cycling from now on
        on_time(deadline)
        _pivot(tableau, basis, leaving, entering)


def _phase_one(
    tableau: list[list[Fraction]], start: list[int | None], width: int, deadline: float | None
) -> tuple[list[list[int]] | None, list[int] | None]:
    """A feasible basis of ``tableau`` (rows with ``rhs >= 0``), or ``(None, None)``.

    Rows without a starting basic slack get an artificial variable; their sum is
    minimized, then any left in the basis at 0 are driven out (a row where none
    can leave is redundant and dropped).
    """
    rows = len(tableau)
    artificial = [r for r in range(rows) if start[r] is None]
    total = width + len(artificial)
    extra = {r: width + number for number, r in enumerate(artificial)}
    fractions = [
        line[:width]
        + [_ONE if extra.get(r) == width + k else _ZERO for k in range(len(artificial))]
        + [line[width]]
        for r, line in enumerate(tableau)
    ]
    basis: list[int] = []
    for r, begin in enumerate(start):
        basis.append(extra[r] if begin is None else begin)
    # Reduced costs of "minimize the sum of the artificials" in that basis.
    costs = [_ZERO] * (total + 1)
    for r in artificial:
        for index, value in enumerate(fractions[r]):
            if (value and index < width) or index == total:
                costs[index] -= value
    work = [_line(line) for line in fractions]
    work.append(_line(costs))
    _optimize(work, basis, total, deadline)  # bounded below by 0
    work.pop()
    if any(work[r][total] for r in range(rows) if basis[r] >= width):
        return None, None
    keep: list[int] = []
    for r in range(rows):
        if basis[r] >= width:
            column = next((c for c in range(width) if work[r][c]), None)
            if column is None:
                continue  # a redundant row
            _pivot(work, basis, r, column)
        keep.append(r)
    return [[*work[r][:width], work[r][total], work[r][-1]] for r in keep], [basis[r] for r in keep]


def ratio_range(
    program: Program,
    numerator: Linear,
    denominator: Linear,
    constants: tuple[Fraction | int, Fraction | int] = (0, 0),
    *,
    positive: bool = False,
) -> tuple[Fraction | None, Fraction | None] | None:
    """The smallest and largest value of ``(n · x + n0) / (d · x + d0)`` over the program.

    Exact by the Charnes–Cooper transform (``y = t x``, ``t = 1 / (d · x + d0)``),
    which is valid when the denominator stays above 0 over the whole polyhedron;
    the extremes found are the infimum and supremum (an end the ratio only tends
    to along a ray counts).

    Args:
        program: The constraints.
        numerator: ``n``.
        denominator: ``d``.
        constants: ``(n0, d0)``.
        positive: Whether the denominator is already known to stay above 0 (then
            it is not checked again).

    Returns:
        ``(low, high)`` with ``None`` for an unbounded end, or ``None`` if the
        denominator can be 0 or less, where the transform does not apply.

    Raises:
        Infeasible: If the constraints have no common solution.

    >>> ratio_range(Program(1, [Row({0: 1}, ">=", 1), Row({0: 1}, "<=", 3)]), {0: 1}, {}, (0, 2))
    (Fraction(1, 2), Fraction(3, 2))
    """
    n0, d0 = constants
    plain = Polyhedron(program)
    if not positive:
        lowest = plain.minimum(denominator, d0)
        if lowest is None or lowest <= 0:
            return None
    if not plain.feasible:
        raise Infeasible
    transformed = plain.charnes_cooper(denominator, d0)
    if not transformed.feasible:
        raise Infeasible
    objective = {**numerator, program.size: n0}
    return transformed.minimum(objective), transformed.maximum(objective)


def charnes_cooper(program: Program, denominator: Linear, constant: Fraction | int = 0) -> Program:
    """The program in ``y = t x`` and ``t = 1 / (d · x + d0)`` (variable ``size``, 0 or more).

    Where the denominator stays above 0, its solutions with ``t > 0`` are exactly
    the program's, scaled; a ratio ``(n · x + n0) / (d · x + d0)`` becomes the
    linear ``n · y + n0 t``.
    """
    t = program.size
    rows = [Row({**row.coefficients, t: -Fraction(row.rhs)}, row.sense, 0) for row in program.rows]
    rows.append(Row({**denominator, t: constant}, "=", 1))
    return Program(t + 1, rows, program.free)


def linear_sum(terms: Iterable[tuple[int, Fraction | int]]) -> dict[int, Fraction]:
    """Coefficients by variable, adding up repeated variables and dropping zeros."""
    found: dict[int, Fraction] = {}
    for variable, coefficient in terms:
        found[variable] = found.get(variable, _ZERO) + Fraction(coefficient)
    return {variable: value for variable, value in found.items() if value}
