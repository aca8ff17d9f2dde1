"""Private: exact linear programs in two variables, by their vertices and rays.

The claims of a chain or tree of values tie them two at a time (a growth rate,
a share, a change in level), so every question the check asks there is about a
polygon: the rows of one pair of values and the ranges of each (see
:mod:`tradestats.claims._forest`). A polygon's extremes lie at its vertices, or
run off along a ray; with a handful of rows, trying every pair of them is exact
(fractions throughout) and far quicker than a simplex.

>>> square = [Line(1, 0, 2, "x<=2"), Line(-1, 0, 0, "x>=0"), Line(0, 1, 3), Line(0, -1, -1)]
>>> found = extremes(square, (1, -1))
>>> found.low, found.high, found.high_by
(Fraction(-3, 1), Fraction(1, 1), ('x<=2', None))
>>> extremes([*square, Line(1, 1, 0)], (1, 0)) is None
True
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Hashable, Sequence

__all__ = ["Empty", "Extremes", "Line", "crossing", "emptiness", "extremes", "whole_line"]

_ZERO: Final = Fraction(0)


class Line(NamedTuple):
    """The half-plane ``a × x + b × y <= c``; ``tag`` says where it comes from (or ``None``)."""

    a: Fraction | int
    b: Fraction | int
    c: Fraction | int
    tag: Hashable = None


class Extremes(NamedTuple):
    """The smallest and largest value of an objective (``None``: unbounded that way).

    ``low_by`` and ``high_by`` are the tags of the lines that hold each end: those
    lines alone bound the objective so (``()`` for an open end).
    """

    low: Fraction | None
    high: Fraction | None
    low_by: tuple[Hashable, ...]
    high_by: tuple[Hashable, ...]


class Empty(NamedTuple):
    """No point meets every line; ``by``: tags of lines that cannot hold together."""

    by: tuple[Hashable, ...]


def extremes(
    lines: Sequence[Line], objective: tuple[Fraction | int, Fraction | int]
) -> Extremes | None:
    """The range of ``p × x + q × y`` over the points that meet every line, or ``None``.

    Exact. ``None`` when no point meets them all (see :func:`emptiness` for why).
    """
    found = _solve(lines, objective)
    return None if isinstance(found, Empty) else found


def emptiness(lines: Sequence[Line]) -> tuple[Hashable, ...] | None:
    """The tags of lines that cannot hold together, or ``None`` if some point meets them all."""
    found = _solve(lines, (0, 0))
    return found.by if isinstance(found, Empty) else None


def _solve(
    lines: Sequence[Line], objective: tuple[Fraction | int, Fraction | int]
) -> Extremes | Empty:
    p, q = objective
    planar: list[Line] = []
    for line in lines:
        if line.a or line.b:
            planar.append(line)
        elif line.c < 0:
            return Empty((line.tag,))  # 0 <= c fails: no point at all
    normal = next(iter(planar), None)
    if normal is None:
        # The whole plane.
        zero = not p and not q
        return Extremes(_ZERO, _ZERO, (), ()) if zero else Extremes(None, None, (), ())
    whole = [whole_line(line.a, line.b, line.c) for line in planar]
    spanning = any(
        first[0] * second[1] - second[0] * first[1]
        for index, first in enumerate(whole)
        for second in whole[index + 1 :]
    )
    if not spanning:
        return _strip(planar, normal, p, q)
    return _pointed(planar, whole, p, q)


def whole_line(a: Fraction | int, b: Fraction | int, c: Fraction | int) -> tuple[int, int, int]:
    """The half-plane ``a x + b y <= c`` in whole numbers (the same one): quicker than fractions."""
    scale = lcm(a.denominator, b.denominator, c.denominator)
    return (
        a.numerator * (scale // a.denominator),
        b.numerator * (scale // b.denominator),
        c.numerator * (scale // c.denominator),
    )


def _strip(
    lines: Sequence[Line], normal: Line, p: Fraction | int, q: Fraction | int
) -> Extremes | Empty:
    """Lines whose normals are all parallel: a range of ``w = a x + b y`` (``normal``'s)."""
    low: Fraction | None = None
    high: Fraction | None = None
    low_by: tuple[Hashable, ...] = ()
    high_by: tuple[Hashable, ...] = ()
    for line in lines:
        # line = s × normal, so the line says s × w <= c.
        s = Fraction(line.a, normal.a) if normal.a else Fraction(line.b, normal.b)
        end = Fraction(line.c) / s
        if s > 0 and (high is None or end < high):
            high, high_by = end, (line.tag,)
        elif s < 0 and (low is None or end > low):
            low, low_by = end, (line.tag,)
    if low is not None and high is not None and low > high:
        return Empty((*low_by, *high_by))
    if p * normal.b - q * normal.a:
        return Extremes(None, None, (), ())  # the objective runs along the strip
    factor = Fraction(p, normal.a) if normal.a else Fraction(q, normal.b)
    if not factor:
        return Extremes(_ZERO, _ZERO, (), ())
    ends = (
        None if low is None else factor * low,
        None if high is None else factor * high,
    )
    if factor > 0:
        return Extremes(ends[0], ends[1], low_by, high_by)
    return Extremes(ends[1], ends[0], high_by, low_by)


def crossing(
    first: tuple[int, int, int], second: tuple[int, int, int]
) -> tuple[int, int, int] | None:
    """Where the lines ``a x + b y = c`` cross, as whole numbers ``(x d, y d, d)`` with ``d > 0``.

    ``None`` for parallel lines.
    """
    a1, b1, c1 = first
    a2, b2, c2 = second
    det = a1 * b2 - a2 * b1
    if not det:
        return None
    x, y = c1 * b2 - c2 * b1, a1 * c2 - a2 * c1
    return (-x, -y, -det) if det < 0 else (x, y, det)


def _pointed(
    lines: Sequence[Line],
    whole: Sequence[tuple[int, int, int]],
    p: Fraction | int,
    q: Fraction | int,
) -> Extremes | Empty:
    """Lines whose normals span the plane: the polygon has a vertex, if it is not empty.

    Each vertex is kept as whole numbers ``(x d, y d, d)`` with ``d > 0``.
    """
    vertices: list[tuple[int, int, int]] = []
    for index, first in enumerate(whole):
        for second in whole[index + 1 :]:
            point = crossing(first, second)
            if point is None:
                continue
            x, y, det = point
            if all(a * x + b * y <= c * det for a, b, c in whole):
                vertices.append(point)
    if not vertices:
        return Empty(tuple(line.tag for line in lines))
    # The directions the polygon runs off along lie on its lines.
    slopes = [
        p * dx + q * dy
        for a, b, _ in whole
        for dx, dy in ((-b, a), (b, -a))
        if all(a2 * dx + b2 * dy <= 0 for a2, b2, _ in whole)
    ]
    values = [Fraction(p * x + q * y) / det for x, y, det in vertices]
    low: Fraction | None = None
    high: Fraction | None = None
    low_by: tuple[Hashable, ...] = ()
    high_by: tuple[Hashable, ...] = ()
    if all(slope >= 0 for slope in slopes):
        best = min(range(len(values)), key=values.__getitem__)
        low, low_by = values[best], _holding(lines, whole, vertices[best])
    if all(slope <= 0 for slope in slopes):
        best = max(range(len(values)), key=values.__getitem__)
        high, high_by = values[best], _holding(lines, whole, vertices[best])
    return Extremes(low, high, low_by, high_by)


def _holding(
    lines: Sequence[Line], whole: Sequence[tuple[int, int, int]], vertex: tuple[int, int, int]
) -> tuple[Hashable, ...]:
    """The tags of the lines through a vertex: they alone make it an optimum."""
    x, y, det = vertex
    return tuple(
        line.tag for line, (a, b, c) in zip(lines, whole, strict=True) if a * x + b * y == c * det
    )
