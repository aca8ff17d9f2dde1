"""Private: a point that shows claims in points hold, guessed in floating point, checked exactly.

The search over boxes of :mod:`tradestats.claims._points` shows claims in points
hold by a witness: the inner piece of a box, with each second ratio fixed at the
middle of its slice, is a linear program that must hold. Where the claims leave
a narrow window for those ratios (a group with its conflict removed), the
middles miss it and the search splits boxes one by one, each a set of exact
programs. Here one point is looked for directly instead: a few linear programs
in floating point (HiGHS), each the claims' rows with every claim in points
linearized at the last point, maximizing the smallest slack (relative to the
size of each row's terms) within a trust region. Its rounding is then checked
in exact arithmetic against every row, every claim in points and every base
that must be above 0, so a point that passes shows the claims hold and one that
does not is simply no answer: the search runs as before.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple

from tradestats.claims import _float
from tradestats.claims._equations import solve_exactly

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

    from tradestats.claims._linear import Row
    from tradestats.claims._points import Relation

__all__ = ["meets", "point"]

#: Linear programs tried before giving up: the first without the claims in points.
_ROUNDS: Final = 12
#: How far (a fraction of its size) a value may move from the last point in one round;
#: a round whose point meets the claims in points worse than the last is refused, and
#: the next one may move only :data:`_SHRINK` as far (a trust region).
_TRUST: Final = 0.5
_SHRINK: Final = 0.5
#: And by this much (of the largest bound of a row) whatever its size: a value at 0 may move.
_REACH: Final = 1e-3
#: Rounds refused in a row after which the guess gives up.
_REFUSED: Final = 3
#: A round that moves no value by more than this fraction of its size has settled.
_SETTLED: Final = 1e-9
#: A round whose point misses the claims in points by within this fraction of the
#: last one's miss has stalled: the linearized claims circle a point that misses
#: them (the claims may well not hold), and the search decides. A guess that
#: succeeds gains more a round (at least 8% of the miss in `kinds`; those that
#: fail there gain under 1%).
_STALLED: Final = 0.02


def point(
    rows: Sequence[Row],
    free: Collection[int],
    relations: Sequence[Relation],
    bases: Collection[int],
) -> dict[int, Fraction] | None:
    """An exact point that meets ``rows`` and ``relations`` with ``bases`` above 0, or ``None``.

    ``None`` says nothing about the claims: only that no point was found.
    """
    try:
        return _search(rows, free, relations, bases)
    except (ArithmeticError, ValueError):
        # Values past what a float holds (or a ratio's base at 0 in floats only): no
        # guess, and the search decides as it always did.
        return None


def _search(
    rows: Sequence[Row],
    free: Collection[int],
    relations: Sequence[Relation],
    bases: Collection[int],
) -> dict[int, Fraction] | None:
    """:func:`point`, whose floats may overflow."""
    columns = sorted(
        {j for row in rows for j in row.coefficients}
        | {j for relation in relations for j in relation.columns}
        | set(bases)
    )
    scale = max((abs(float(row.rhs)) for row in rows), default=1.0) or 1.0
    problem = _Problem(rows, frozenset(free), relations, columns, scale)
    at: dict[int, float] | None = None
    trust, best = _TRUST, -math.inf
    for _ in range(_ROUNDS):
        found = _round(problem, at, trust)
        if found is None:
            return None
        candidate = _exact(rows, {j: value * scale for j, value in found.items()})
        if candidate is not None and meets(rows, free, relations, bases, candidate):
            return candidate
        if at is not None and all(
            abs(found[j] - at[j]) <= _SETTLED * (abs(at[j]) + _REACH) for j in columns
        ):
            return None  # settled on a point that misses: the claims decide
        merit = _merit(relations, found)
        if at is not None and _stalled(merit, best):
            return None
        if at is not None and merit <= best:
            trust *= _SHRINK  # the linear terms misled: a shorter step from the same point
            if trust < _TRUST * _SHRINK**_REFUSED:
                return None  # no step helps: the claims may well not hold
            continue
        at, best, trust = found, merit, _TRUST
    return None


def _stalled(merit: float, best: float) -> bool:
    """Whether a round's miss ``merit`` is within :data:`_STALLED` of the last one's, ``best``."""
    return -math.inf < best < 0 and merit < 0 and abs(merit - best) <= _STALLED * -best


def _merit(relations: Sequence[Relation], values: Mapping[int, float]) -> float:
    """The smallest slack of the claims in points at ``values`` (below 0: the most missed by)."""
    found = math.inf
    for relation in relations:
        figure = _figure(relation, values)
        if figure is None:
            return -math.inf
        value, _, size = figure
        if relation.low is not None:
            found = min(found, (value - float(relation.low)) / size)
        if relation.high is not None:
            found = min(found, (float(relation.high) - value) / size)
    return found


def meets(
    rows: Sequence[Row],
    free: Collection[int],
    relations: Sequence[Relation],
    bases: Collection[int],
    values: Mapping[int, Fraction],
) -> bool:
    """Whether ``values`` (absent: 0) meet every row and relation, with ``bases`` above 0. Exact."""
    if any(value < 0 and j not in free for j, value in values.items()):
        return False
    if any(values.get(j, 0) <= 0 for j in bases):
        return False
    if not all(row.meets(values) for row in rows):
        return False
    return all(_holds(relation, values) for relation in relations)


def _holds(relation: Relation, values: Mapping[int, Fraction]) -> bool:
    """Whether the claim in points ``relation`` holds at ``values``, its bases above 0."""
    a, b, c, d = (values.get(j, Fraction(0)) for j in relation.columns)
    if relation.quotient:
        if c == d:
            return False
        figure = (a - b) / (c - d)
    else:
        if b <= 0 or d <= 0:
            return False
        figure = a / b - c / d
    return (relation.low is None or figure >= relation.low) and (
        relation.high is None or figure <= relation.high
    )


class _Problem(NamedTuple):
    """What every round solves: the rows and relations over ``columns``, values ÷ ``scale``."""

    rows: Sequence[Row]
    free: frozenset[int]
    relations: Sequence[Relation]
    columns: Sequence[int]
    scale: float


def _round(
    problem: _Problem, at: Mapping[int, float] | None, trust: float
) -> dict[int, float] | None:
    """One linear program over ``x / scale``: the largest smallest slack, linearized at ``at``.

    Without ``at`` (the first round) the claims in points are left out, there is no
    trust region, and only the values' margin above 0 is the slack: the rows of a
    few claims leave much free, and a vertex with values at 0 is where the ratios
    of the next round are undefined.
    """
    rows, free, relations, columns, scale = problem
    _float._load()  # HiGHS is imported on first use, in one place
    inf = float(_float.highspy.kHighsInf)
    number = {j: k for k, j in enumerate(columns)}
    slack = len(columns)
    lines: list[tuple[dict[int, float], float, float]] = []

    def add(terms: Mapping[int, float], low: float | None, high: float | None, size: float) -> None:
        # Σ terms + size × slack >= low, Σ terms - size × slack <= high (equal, or a row
        # of the first round: no slack).
        if size == 0 or (low is not None and high is not None and low == high):
            lines.append((dict(terms), -inf if low is None else low, inf if high is None else high))
            return
        if low is not None:
            lines.append(({**terms, slack: -size}, low, inf))
        if high is not None:
            lines.append(({**terms, slack: size}, -inf, high))

    def size_of(terms: Mapping[int, float], rhs: float) -> float:
        if at is None:
            return 0.0  # the first round keeps to the rows, and looks for a margin above 0
        return sum(abs(c * at[columns[k]]) for k, c in terms.items()) + abs(rhs) or 1.0

    for row in rows:
        terms = {number[j]: float(c) for j, c in row.coefficients.items() if c}
        rhs = float(row.rhs) / scale
        low = rhs if row.sense in (">=", "=") else None
        high = rhs if row.sense in ("<=", "=") else None
        add(terms, low, high, size_of(terms, rhs))
    # Every value that cannot be negative kept above 0 by a margin too (bases must be,
    # and a value at 0 is where a ratio linearized next round is undefined).
    for j in sorted(set(columns) - set(free)):
        add({number[j]: 1.0}, 0.0, None, 1.0 if at is None else abs(at[j]) or 1.0)
    if at is not None:
        for relation in relations:
            if (linear := _linearized(relation, at, number)) is not None:
                add(*linear)
    if at is None:
        lower = [-inf if j in free else 0.0 for j in columns]
        upper = [inf] * len(columns)
    else:
        # The trust region: each value within a fraction of its size of the last point.
        lower = [at[j] - trust * abs(at[j]) - _REACH for j in columns]
        lower = [low if j in free else max(0.0, low) for low, j in zip(lower, columns, strict=True)]
        upper = [at[j] + trust * abs(at[j]) + _REACH for j in columns]
    found = _solve(lines, lower, upper, slack)
    return None if found is None else {j: found[k] for k, j in enumerate(columns)}


def _solve(
    lines: Sequence[tuple[dict[int, float], float, float]],
    lower: Sequence[float],
    upper: Sequence[float],
    slack: int,
) -> list[float] | None:
    """HiGHS's optimum of ``max slack`` over ``lines`` (``low <= terms <= high``), or ``None``."""
    highspy = _float.highspy
    highs = _float.quiet()
    entries: list[list[tuple[int, float]]] = [[] for _ in range(slack + 1)]
    for r, (terms, _, _) in enumerate(lines):
        for k, c in terms.items():
            entries[k].append((r, c))
    highs.passModel(
        _float.program(
            entries,
            cost=[0.0] * slack + [-1.0],
            lower=[*lower, -highspy.kHighsInf],
            upper=[*upper, 1.0],
            low=[low for _, low, _ in lines],
            high=[high for _, _, high in lines],
        )
    )
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return None
    return list(highs.getSolution().col_value)[:slack]


def _figure(
    relation: Relation, values: Mapping[int, float]
) -> tuple[float, list[float], float] | None:
    """The claim's figure at ``values``, its gradient in ``a, b, c, d``, and its size.

    ``None`` where the figure is undefined (a base, or a total's change, of 0).
    """
    a, b, c, d = (values[j] for j in relation.columns)
    if relation.quotient:
        change = c - d
        if not change:
            return None
        figure = (a - b) / change
        return figure, [1 / change, -1 / change, -figure / change, figure / change], abs(figure) + 1
    if b <= 0 or d <= 0:
        return None
    figure = a / b - c / d
    return figure, [1 / b, -a / b / b, -1 / d, c / d / d], abs(a / b) + abs(c / d) or 1.0


def _linearized(
    relation: Relation, at: Mapping[int, float], number: Mapping[int, int]
) -> tuple[dict[int, float], float | None, float | None, float] | None:
    """The claim in points as terms linear at ``at``, their range, and the figure's size.

    ``None`` where the figure is undefined at ``at``.
    """
    found = _figure(relation, at)
    if found is None:
        return None
    figure, gradient, size = found
    terms: dict[int, float] = {}
    constant = figure
    for j, slope in zip(relation.columns, gradient, strict=True):
        terms[number[j]] = terms.get(number[j], 0.0) + slope
        constant -= slope * at[j]
    low = None if relation.low is None else float(relation.low) - constant
    high = None if relation.high is None else float(relation.high) - constant
    return terms, low, high, size


def _exact(rows: Sequence[Row], values: Mapping[int, float]) -> dict[int, Fraction] | None:
    """``values`` as fractions, with the variables of equal rows solved so that they hold exactly.

    Each equal row solves for its variable of largest term that no earlier one took;
    ``None`` if those equations have no solution.
    """
    exact = {j: Fraction(value) for j, value in values.items()}
    equal = [row for row in rows if row.sense == "="]
    if not equal:
        return exact
    taken: list[int] = []
    for row in equal:
        left = [j for j in row.coefficients if j not in taken and row.coefficients[j]]
        if not left:
            return None
        taken.append(max(left, key=lambda j: abs(float(row.coefficients[j]) * values.get(j, 0.0))))
    unknown = set(taken)
    equations = []
    for row in equal:
        terms = {j: Fraction(c) for j, c in row.coefficients.items() if j in unknown and c}
        known = sum(
            (
                Fraction(c) * exact.get(j, Fraction(0))
                for j, c in row.coefficients.items()
                if j not in unknown
            ),
            Fraction(0),
        )
        equations.append((terms, Fraction(row.rhs) - known))
    solved = solve_exactly(equations)
    if solved is None:
        return None
    for j in taken:
        exact[j] = solved.get(j, Fraction(0))
    return exact
