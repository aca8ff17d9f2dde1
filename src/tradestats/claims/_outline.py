"""Private: the vertices and rays of a polygon of many half-planes, found in floats, shown exact.

Trying every pair of lines (:class:`._star.Polygon`) costs the cube of their
number; a cut of the star's sum keeps a hundred. Here floats cut a box by the
lines and read off the outline: the lines of its edges in order (one pass over
the lines sorted by angle, :func:`hull`; where floats cannot tell, a clip of
the box by each line in turn, :func:`clipped`). Their exact
crossings are then a proof, or nothing is returned (and every pair is tried):

* every crossing of two consecutive edges meets every line (exactly);
* the edges' outer normals turn left at each crossing and go round at most once;
* where the outline leaves the box, the two ends run off along their lines, each
  a direction every line allows (exactly).

A chain of such edges lies on the polygon's boundary, is closed or runs off to
both sides, and bounds a convex set inside the polygon: that set is the polygon
(a convex set whose boundary lies on another's boundary is that set). So the
crossings are all the vertices, and the two directions all the rays.

>>> square = [(1, 0, 2), (-1, 0, 0), (0, 1, 3), (0, -1, -1), (1, 1, 9), (-1, 1, 9), (1, -1, 9)]
>>> found = outline([*square, (1, 2, 50), (2, 1, 50), (-1, -1, 5)])
>>> sorted((x / d, y / d) for x, y, d in found[0]), found[1]
([(0.0, 1.0), (0.0, 3.0), (2.0, 1.0), (2.0, 3.0)], [])
>>> outline([(-1, 0, 0), (0, -1, 0), (-1, 1, 0), (1, -2, 0), (-1, -1, 1)])
([(0, 0, 1)], [(1, 1), (2, 1)])
"""

from __future__ import annotations

from collections import deque
from itertools import pairwise
from math import gcd
from typing import TYPE_CHECKING, Any, Final

from tradestats.claims._plane import crossing

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Vertex", "beyond", "box", "clipped", "hull", "outline", "touches"]

#: A crossing this far inside a line (relative to the magnitudes) needs no exact test.
#: Each float (a quotient of whole numbers, correctly rounded) and the sum of two
#: products are off by a few roundings of 1e-16 of the magnitudes: 1e-10 is far
#: above that, and far below the room between a cut polygon's many near lines
#: (at 1e-7, 30 times more crossings were tested exactly, nearly all needlessly).
_ROOM: Final = 1e-10
_BOX: Final = -1


def outline(
    lines: Sequence[tuple[int, int, int]], unit: int = 1
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]] | None:
    """The vertices ``(x d, y d, d)`` (``d > 0``) and rays of ``a x + b y <= c``, or ``None``.

    The lines hold for the points scaled by ``unit`` (as :class:`._star.Polygon`'s);
    so do the vertices. ``None`` where the floats cannot show it: an empty polygon,
    one with no vertex, one too thin or too far for floats.
    """
    import numpy as np  # noqa: PLC0415 - the star runs only where numpy is

    norms = [max(abs(a), abs(b)) for a, b, _ in lines]
    table = np.array(
        [(a / n, b / n, c / (n * unit)) for (a, b, c), n in zip(lines, norms, strict=True)]
    )
    sizes = np.array(norms, dtype=float)
    edges = _edges(table, beyond(float(sizes.max()), float((np.abs(table[:, 2]) * sizes).max())))
    if edges is None:
        return None
    box = [number for number, label in enumerate(edges) if label == _BOX]
    if box:
        # One run of the box's edges at most: turn the outline so it ends there.
        start = (box[-1] + 1) % len(edges)
        edges = [*edges[start:], *edges[:start]]
        if _BOX in edges[: len(edges) - len(box)]:
            return None
        chain = edges[: len(edges) - len(box)]
        pairs = list(pairwise(chain))
    else:
        chain = edges
        pairs = list(zip(chain, [*chain[1:], chain[0]], strict=True))
    if not pairs or not _turns([lines[k][:2] for k in chain], closed=not box):
        return None
    found = _crossings(lines, pairs)
    if found is None or not _meet(*found, lines, table, unit):
        return None
    vertices = found[0]
    rays: list[tuple[int, int]] = []
    if box:
        (a0, b0, _), (a1, b1, _) = lines[chain[0]], lines[chain[-1]]
        for dx, dy in ((b0, -a0), (-b1, a1)):
            if any(a * dx + b * dy > 0 for a, b, _ in lines):
                return None
            common = gcd(dx, dy)
            rays.append((dx // common, dy // common))
    return vertices, sorted(set(rays))


Vertex = tuple[float, float, int]


def box(table: Any, far: float | None = None) -> list[Vertex]:
    """A square far larger than every bound of ``table``'s rows ``(a, b, c)``: the plane, in floats.

    Its vertices are ``(x, y, label)``: a vertex, and the line of the edge from it
    to the next (``-1``: the box's own), counterclockwise. ``far``: its half side
    (:func:`beyond`), if not four times the largest bound.
    """
    import numpy as np  # noqa: PLC0415

    if far is None:
        far = 4.0 * float(np.abs(table[:, 2]).max()) + 1.0
    return [(-far, -far, _BOX), (far, -far, _BOX), (far, far, _BOX), (-far, far, _BOX)]


def beyond(normal: float, bound: float) -> float:
    """A distance no crossing of two lines reaches, for whole-number normals (floats).

    ``normal``: the largest ``max(|a|, |b|)`` of the lines ``a x + b y <= c``,
    ``bound``: the largest ``|c|``. Each crossing's determinant is a whole number,
    at least 1, so ``|x| = |c1 b2 - c2 b1| / |det| <= 2 max|c| max(|a|, |b|)``:
    a box this far holds every vertex, even the tip of two nearly parallel lines,
    which four times the largest bound can miss (a thin polygon far from 0).

    >>> beyond(3.0, 10.0) > 60.0
    True
    """
    return 2.0 * normal * bound * (1.0 + 1e-9) + 1.0


def touches(polygon: Sequence[Vertex] | None) -> bool:
    """Whether a float polygon is missing or has an edge on its box: a larger box may tell more."""
    return polygon is None or any(label == _BOX for _, _, label in polygon)


def clipped(
    polygon: list[Vertex], table: Any, first: int = 0, steps: int | None = None
) -> tuple[list[Vertex], int | None]:
    """A convex polygon clipped by every row ``(a, b, c)`` of ``table``, edges labelled (floats).

    The rows are labelled ``first``, ``first + 1``, ...; of hundreds a few cut: those
    no vertex breaks are dropped at once (the polygon only shrinks, so they never
    cut), and the one it breaks most is taken next. Also the label of the row that
    left nothing (``None`` if some polygon is left); the polygon is then the last
    one before it. With ``steps``, by that many rows at most (the deepest cuts):
    a polygon that holds the one every row makes.
    """
    import numpy as np  # noqa: PLC0415

    scaled = table / np.abs(table[:, :2]).max(axis=1, keepdims=True)
    left = np.arange(len(table))
    while len(left) and steps != 0:
        steps = None if steps is None else steps - 1
        points = np.array([(x, y) for x, y, _ in polygon])
        rows = scaled[left]
        excess = (
            np.multiply.outer(rows[:, 0], points[:, 0])
            + np.multiply.outer(rows[:, 1], points[:, 1])
            - rows[:, 2:3]
        ).max(axis=1)
        breaks = excess > 0
        left, excess = left[breaks], excess[breaks]
        if not len(left):
            break
        deepest = int(np.argmax(excess))
        row = int(left[deepest])
        left = np.delete(left, deepest)
        a, b, c = (float(value) for value in table[row])
        cut = _clip(polygon, a, b, c, first + row)
        if len(cut) < 3:
            return polygon, first + row
        polygon = cut
    return polygon, None


def hull(table: Any, far: float | None = None) -> list[Vertex] | None:
    """:func:`clipped` of the :func:`box` by every row of ``table``, by the rows' angles (floats).

    The rows sorted by the angle of their outer normals once, one pass keeps
    those that make edges (the half-plane intersection of a deque): a few
    operations a row in place of a clip of the whole polygon for each edge.
    ``None`` where the floats leave nothing, or a polygon that some row's margin
    or a turn does not confirm (near-parallel rows): :func:`clipped` answers then.
    ``far``: the box's half side (:func:`box`).
    """
    import numpy as np  # noqa: PLC0415

    far = box(table, far)[2][0]
    size = len(table)
    scaled = table / np.abs(table[:, :2]).max(axis=1, keepdims=True)
    rows = np.vstack(
        [scaled, [(0.0, -1.0, far), (1.0, 0.0, far), (0.0, 1.0, far), (-1.0, 0.0, far)]]
    )
    labels = np.array([*range(size), _BOX, _BOX, _BOX, _BOX])
    angles = np.arctan2(rows[:, 1], rows[:, 0])
    order = np.lexsort((rows[:, 2], angles))
    # Of rows with one normal the tightest (sorted first) alone.
    keep = np.ones(len(order), dtype=bool)
    keep[1:] = (rows[order[1:], 0] != rows[order[:-1], 0]) | (
        rows[order[1:], 1] != rows[order[:-1], 1]
    )
    order = order[keep]
    kept: list[tuple[float, float, float, int]] = [
        (a, b, c, label)
        for (a, b, c), label in zip(rows[order].tolist(), labels[order].tolist(), strict=True)
    ]
    chain = _half_planes(kept)
    if chain is None:
        return None
    polygon: list[Vertex] = []
    for before, line in zip([chain[-1], *chain[:-1]], chain, strict=True):
        point = _cross(before, line)
        if point is None:
            return None
        polygon.append((point[0], point[1], line[3]))
    points = np.array([(x, y) for x, y, _ in polygon])
    reach = _products(rows[:, :2], points) - rows[:, 2:3]
    room = 1e-9 * (_products(np.abs(rows[:, :2]), np.abs(points)) + np.abs(rows[:, 2:3]) + 1.0)
    if (reach > room).any():
        return None
    return polygon


def _products(directions: Any, points: Any) -> Any:
    """``d · p`` for every direction (rows) and every point (columns)."""
    import numpy as np  # noqa: PLC0415

    return np.multiply.outer(directions[:, 0], points[:, 0]) + np.multiply.outer(
        directions[:, 1], points[:, 1]
    )


Edge = tuple[float, float, float, int]


def _half_planes(lines: Sequence[Edge]) -> list[Edge] | None:
    """The lines (sorted by angle, a box among them) that make edges, in order; ``None``: none."""
    chain: deque[Edge] = deque()
    for line in lines:
        while len(chain) >= 2 and _outside(line, chain[-2], chain[-1]):
            chain.pop()
        while len(chain) >= 2 and _outside(line, chain[0], chain[1]):
            chain.popleft()
        chain.append(line)
    while len(chain) >= 3 and _outside(chain[0], chain[-2], chain[-1]):
        chain.pop()
    while len(chain) >= 3 and _outside(chain[-1], chain[0], chain[1]):
        chain.popleft()
    if len(chain) < 3:
        return None
    found = list(chain)
    # Each edge turns left from the one before, by less than half a turn.
    for (a0, b0, _, _), (a1, b1, _, _) in zip([found[-1], *found[:-1]], found, strict=True):
        if a0 * b1 - b0 * a1 <= 0:
            return None
    return found


def _cross(first: Edge, second: Edge) -> tuple[float, float] | None:
    """Where two lines cross, in floats (``None``: parallel)."""
    a1, b1, c1, _ = first
    a2, b2, c2, _ = second
    det = a1 * b2 - a2 * b1
    if not det:
        return None
    return ((c1 * b2 - c2 * b1) / det, (a1 * c2 - a2 * c1) / det)


def _outside(line: Edge, first: Edge, second: Edge) -> bool:
    """Whether the crossing of ``first`` and ``second`` breaks ``line`` (or there is none).

    :func:`_cross` written out: called for every line of every hull, often twice.
    """
    a1, b1, c1, _ = first
    a2, b2, c2, _ = second
    det = a1 * b2 - a2 * b1
    if not det:
        return True
    a, b, c, _ = line
    return a * ((c1 * b2 - c2 * b1) / det) + b * ((a1 * c2 - a2 * c1) / det) > c


def _edges(table: Any, far: float) -> list[int] | None:
    """The lines of a box's edges clipped by every line, in order (floats); ``-1``: the box's.

    A box four times the largest bound first; where the polygon reaches it (or
    nothing is left), one ``far`` enough to hold every vertex (:func:`beyond`).
    """
    polygon = _clipped_box(table)
    if touches(polygon):
        polygon = _clipped_box(table, far) or polygon
    if polygon is None:
        return None
    edges: list[int] = []
    for _, _, label in polygon:
        if not edges or edges[-1] != label:
            edges.append(label)
    if len(edges) > 1 and edges[0] == edges[-1]:
        edges.pop()
    return edges


def _clipped_box(table: Any, far: float | None = None) -> list[Vertex] | None:
    """The box clipped by every row of ``table`` in floats; ``None``: nothing left."""
    polygon = hull(table, far)
    if polygon is None:
        polygon, emptied = clipped(box(table, far), table)
        if emptied is not None:
            return None
    return polygon


def _clip(polygon: Sequence[Vertex], a: float, b: float, c: float, label: int) -> list[Vertex]:
    """A convex polygon cut by ``a x + b y <= c`` (Sutherland–Hodgman), edges labelled."""
    found: list[Vertex] = []
    size = len(polygon)
    for index in range(size):
        x1, y1, own = polygon[index]
        x2, y2, _ = polygon[(index + 1) % size]
        v1, v2 = a * x1 + b * y1 - c, a * x2 + b * y2 - c
        if v1 <= 0:
            found.append((x1, y1, own))
            if v2 > 0:
                t = v1 / (v1 - v2)
                found.append((x1 + t * (x2 - x1), y1 + t * (y2 - y1), label))
        elif v2 <= 0:
            t = v1 / (v1 - v2)
            found.append((x1 + t * (x2 - x1), y1 + t * (y2 - y1), own))
    return found


def _turns(normals: Sequence[tuple[int, int]], *, closed: bool) -> bool:
    """Whether outer normals turn left at each step and go round once at most (exact).

    Closed: round exactly once, back to the first. Open: by half a turn at most.
    In whole numbers (cross products), with no angle made: each step turns by
    less than half a turn, so the normals go round more than once exactly where a
    step leaves the first normal's right side (``n0 × n < 0``) for its left side
    or its own direction (``n0 × n >= 0``).

    >>> _turns([(1, 0), (0, 1), (-1, 0), (0, -1)], closed=True)
    True
    >>> _turns([(1, 0), (0, 1), (-1, 0), (0, -1), (1, 1)], closed=True)
    False
    >>> _turns([(1, 0), (1, 1), (0, 1)], closed=False), _turns([(1, 0), (-1, -1)], closed=False)
    (True, False)
    """
    if not _left_steps(normals, closed=closed):
        return False
    a, b = normals[0]
    sides = [a * y - b * x for x, y in normals]
    return not any(before < 0 <= after for before, after in pairwise(sides))


def _left_steps(normals: Sequence[tuple[int, int]], *, closed: bool) -> bool:
    """Whether each step between outer normals turns left; an open run by half a turn at most."""
    steps = list(pairwise(normals))
    if closed:
        steps.append((normals[-1], normals[0]))
    elif len(normals) > 1:
        (a0, b0), (a1, b1) = normals[0], normals[-1]
        if a0 * b1 - b0 * a1 < 0:
            return False
    return all(a0 * b1 - b0 * a1 > 0 for (a0, b0), (a1, b1) in steps)


def _crossings(
    lines: Sequence[tuple[int, int, int]], pairs: Sequence[tuple[int, int]]
) -> tuple[list[tuple[int, int, int]], set[tuple[int, int]]] | None:
    """The crossings of ``pairs`` of lines, once each, and the (line, crossing) pairs that meet.

    Lines through one vertex make edges of no length: the vertex once. A vertex
    is on the two lines it is the crossing of, exactly: no test needed there.
    ``None`` where two are parallel.
    """
    numbers: dict[tuple[int, int, int], int] = {}
    on: set[tuple[int, int]] = set()
    for first, second in pairs:
        point = crossing(lines[first], lines[second])
        if point is None:
            return None
        number = numbers.setdefault(point, len(numbers))
        on.update(((first, number), (second, number)))
    return list(numbers), on


def _meet(
    points: Sequence[tuple[int, int, int]],
    on: set[tuple[int, int]],
    lines: Sequence[tuple[int, int, int]],
    table: Any,
    unit: int,
) -> bool:
    """Whether every ``(x d, y d, d)`` meets every line: exactly where floats cannot tell.

    All points at once in floats (a pass of numpy for each would cost more than
    the test); the pairs within rounding of the line, exactly, but those ``on``
    (line, point) known to meet exactly.
    """
    import numpy as np  # noqa: PLC0415

    floats = np.array([(x / (det * unit), y / (det * unit)) for x, y, det in points])
    reach = _products(table[:, :2], floats)
    room = _ROOM * (_products(np.abs(table[:, :2]), np.abs(floats)) + np.abs(table[:, 2:3]) + 1)
    if (reach > table[:, 2:3] + room).any():
        return False
    near = np.nonzero(reach >= table[:, 2:3] - room)
    for k, number in zip(near[0].tolist(), near[1].tolist(), strict=True):
        if (k, number) in on:
            continue
        a, b, c = lines[k]
        x, y, det = points[number]
        if a * x + b * y > c * det:
            return False
    return True
