"""A polygon of many half-planes, outlined in floats (``claims/_outline.py``).

Against every crossing of two lines (the star's exact way for a few lines), on
random polygons: bounded or not, with lines that touch at a vertex, parallel
ones, redundant ones, and bounds scaled to a unit of many digits as the star's
cuts are.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.test_star import needs_highs
from tradestats.claims import _outline, _star

_NORMAL = st.integers(-5, 5)

Lines = list[tuple[int, int, int]]


@st.composite
def many_lines(draw: st.DrawFn) -> tuple[Lines, int]:
    """Eight to twenty half-planes ``a x + b y <= c``, and a unit of up to forty digits."""
    unit = draw(st.sampled_from([1, 7, 10**12 + 39, 3**80]))
    lines = draw(
        st.lists(
            st.tuples(_NORMAL, _NORMAL, st.integers(-8, 40)).filter(lambda t: t[0] or t[1]),
            min_size=8,
            max_size=20,
        )
    )
    # Scaled as the star scales its cuts: a x + b y <= c / unit in the polygon's own values.
    return [(a, b, c * unit + draw(st.integers(0, unit - 1))) for a, b, c in lines], unit


def _vertices(points: list[tuple[int, int, int]], unit: int) -> set[tuple[Fraction, Fraction]]:
    """The vertices ``(x d, y d, d)`` of a polygon scaled by ``unit``, as fractions."""
    return {(Fraction(x, d * unit), Fraction(y, d * unit)) for x, y, d in points}


@needs_highs
@settings(max_examples=40, deadline=None)
@given(many_lines())
@example(([(1, 0, 2), (-1, 0, 0), (0, 1, 3), (0, -1, -1), (1, 1, 9), *[(1, 1, 9)] * 3], 1))
@example(([(-1, 1, 0), (1, -2, 0), (-1, 0, 0), (0, -1, 0), *[(-1, -1, 1)] * 4], 1))
# A polygon with a vertex beyond the floats' box: the outline runs off the box there.
@example(
    (
        [
            (3, 0, 26),
            (5, 1, 6),
            (0, 1, -4),
            (-2, 2, 0),
            (0, 5, 15),
            (-4, 2, 24),
            (1, 1, 8),
            (-4, 2, 21),
        ],
        1,
    )
)
def test_the_outline_is_every_crossing(found: tuple[Lines, int]) -> None:
    """Where floats outline a polygon, its vertices and rays are those of every crossing."""
    _star._load()
    lines, unit = found
    outlined = _outline.outline(lines, unit)
    if outlined is None:
        return  # not shown: the star tries every pair instead
    expected, rays = _star._every_pair(lines, unit)
    assert _vertices(expected, unit) == _vertices(outlined[0], unit)
    assert rays == outlined[1]


@needs_highs
def test_a_square_and_a_cone_are_outlined() -> None:
    """The common shapes are shown, not left to every pair: a bounded one and a cone."""
    _star._load()
    square = [(1, 0, 2), (-1, 0, 0), (0, 1, 3), (0, -1, -1), (1, 1, 9), (-1, 1, 9), (1, -1, 9)]
    found = _outline.outline([*square, (-1, -1, 5)])
    assert found is not None
    assert _vertices(found[0], 1) == _vertices(_star._every_pair(square, 1)[0], 1)
    cone = [(-1, 1, 0), (1, -2, 0), (-1, 0, 0), (0, -1, 0), (-1, -1, 1), (-2, -1, 3)]
    unit = 10**30
    found = _outline.outline(
        [(a, b, c * unit) for a, b, c in [*cone, (0, -1, 1), (-1, 0, 1)]], unit
    )
    assert found is not None
    assert found[1] == [(1, 1), (2, 1)]


@needs_highs
@settings(max_examples=40, deadline=None)
@given(
    st.integers(20, 10**4),
    st.integers(1, 10**3),
    st.sampled_from([1, 7, 10**12 + 39]),
    st.lists(st.integers(1, 6), min_size=5, max_size=8),
)
def test_a_thin_polygon_far_from_0_is_outlined(
    slope: int, offset: int, unit: int, more: list[int]
) -> None:
    """A sliver whose tip is far beyond every bound is outlined, as every crossing has it.

    Two nearly parallel lines ``(k - 1) x - k y <= o`` and ``-k x + (k + 1) y <= o``
    cross near ``-2 k o`` (``k``: ``slope``), where four times the largest bound
    (the floats' first box) does not reach; the box of :func:`._outline.beyond` does.
    """
    _star._load()
    k, o = slope, offset
    lines = [(k - 1, -k, o), (-k, k + 1, o), (1, 1, o)]
    # Redundant lines, enough for the outline to be tried (eight or more).
    lines += [(1, 1, o + extra) for extra in more]
    lines = [(a, b, c * unit) for a, b, c in lines]
    outlined = _outline.outline(lines, unit)
    assert outlined is not None
    expected, rays = _star._every_pair(lines, unit)
    assert _vertices(expected, unit) == _vertices(outlined[0], unit)
    assert rays == outlined[1] == []
    tip = max(abs(x) / (d * unit) for x, _, d in outlined[0])
    assert tip > 4 * max(c / unit for _, _, c in lines)


def _table(lines: Lines, unit: int) -> Any:
    """The lines as the outline's floats: ``(a, b, c / unit)`` over ``max(|a|, |b|)``."""
    import numpy as np

    return np.array(
        [(a / n, b / n, c / (n * unit)) for a, b, c in lines for n in [max(abs(a), abs(b))]]
    )


def _near(first: list[_outline.Vertex], second: list[_outline.Vertex], far: float) -> bool:
    """Whether each vertex of ``first`` is within a millionth of the box of one of ``second``."""
    return all(
        any(abs(x1 - x2) + abs(y1 - y2) <= far * 1e-6 for x2, y2, _ in second)
        for x1, y1, _ in first
    )


@needs_highs
@settings(max_examples=40, deadline=None)
@given(many_lines())
@example(([(-1, 0, 0), (0, -1, 0), (-1, 1, 0), (1, -2, 0), (-1, -1, 1), (-1, 1, 0), (0, 1, 9)], 1))
def test_the_hull_is_the_clipped_box(found: tuple[Lines, int]) -> None:
    """The one pass by angles finds the box clipped by every line, unless too thin to tell."""
    _star._load()
    lines, unit = found
    table = _table(lines, unit)
    polygon = _outline.hull(table)
    box = _outline.box(table)
    clipped, emptied = _outline.clipped(box, table)
    if emptied is not None or _area(clipped) < 1e-9 * _area(box):
        return  # too thin for floats: the exact test decides
    assert polygon is not None
    # The clipping keeps a vertex between two edges on one line; the hull has it not.
    assert _near(polygon, clipped, box[2][0])
    assert abs(_area(polygon) - _area(clipped)) <= 1e-9 * _area(box)


def _area(polygon: list[_outline.Vertex]) -> float:
    """The area of a polygon whose vertices go round counterclockwise."""
    ends = zip(polygon, [*polygon[1:], polygon[0]], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1, _), (x2, y2, _) in ends) / 2


@needs_highs
def test_the_hull_finds_a_square_and_a_cone() -> None:
    """The common shapes need no clipping: a bounded one and a cone (the box closes it)."""
    _star._load()
    square = [(1, 0, 2), (-1, 0, 0), (0, 1, 3), (0, -1, -1), (1, 1, 9), (-1, 1, 9)]
    found = _outline.hull(_table(square, 1))
    assert found is not None
    assert {(0.0, 1.0), (2.0, 1.0), (2.0, 3.0), (0.0, 3.0)} == {(x, y) for x, y, _ in found}
    cone = [(-1, 1, 0), (1, -2, 0), (-1, 0, 0), (0, -1, 0)]
    found = _outline.hull(_table(cone, 1))
    assert found is not None
    assert {0, 1, _outline._BOX} <= {label for _, _, label in found}


def _angle(a: int, b: int) -> tuple[int, Fraction]:
    """A key that sorts directions by their angle from ``(1, 0)``, turning left (exact)."""
    if b > 0:
        return (1, Fraction(-a, b))
    if b < 0:
        return (3, Fraction(a, -b))
    return (0, Fraction(0)) if a > 0 else (2, Fraction(0))


def _turns_by_angle(normals: list[tuple[int, int]], *, closed: bool) -> bool:
    """The turn test written with exact angles: each normal's angle from the first rises."""
    first = _angle(*normals[0])
    keys = [(0 if key >= first else 1, key) for key in (_angle(*n) for n in normals)]
    if any(later <= earlier for earlier, later in pairwise(keys)):
        return False
    # The steps' own test is shared: what changed is the going round, by angles here.
    return _outline._left_steps(normals, closed=closed)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-3, 3), st.integers(-3, 3)).filter(lambda n: n != (0, 0)),
        min_size=1,
        max_size=9,
    ),
    st.booleans(),
)
@example([(1, 0), (0, 1), (-1, 0), (0, -1), (1, 0)], False)
@example([(1, 0), (0, 1), (-1, 0), (0, -1), (1, 1)], False)
@example([(1, 0), (0, 1), (-1, 0), (0, -1)], True)
@example([(1, 0), (0, 1), (-1, -1), (1, -1), (2, 1)], True)
def test_the_turns_in_whole_numbers_are_the_turns_by_angle(
    normals: list[tuple[int, int]], closed: bool
) -> None:
    """Normals turn left and go round once at most: cross products say what exact angles do."""
    assert _turns_by_angle(normals, closed=closed) == _outline._turns(normals, closed=closed)
