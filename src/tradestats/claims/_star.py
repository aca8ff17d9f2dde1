"""Private: a total and many parts each tied only to its own values, by support functions.

A customs release gives a total and trade with many partners, each with a value
and a growth rate, and says the partners add up to the total. Apart from the sum,
each partner's claims tie only its own two values (this period's and the base's):
they lie in a convex polygon ``P_j`` (unbounded where a value is not given), and
the total's in a polygon ``Q``. The values the claims allow for one partner ``i``
and the total are then exactly

    ``p`` in ``P_i``, ``q`` in ``Q`` and ``q - p`` in ``M_i``, the sum of the other ``P_j``

(the Minkowski sum: each other partner takes any value of its own polygon). A
Minkowski sum is known by its support function, ``h_M(n) = Σ h_{P_j}(n)``, and
is the meet of the half-planes ``n · r <= h_M(n)`` over the outer normals ``n``
of the summands' rows (an extreme inequality of the projection of the summands'
rows combines one row of each, with one common normal). So every question about
one partner and the total is a program in four variables, whatever the number of
partners: their rows, and the few half-planes of ``M_i`` that cut what the two
allow (a float test with a margin drops the others; keeping a redundant one is
always safe). The sums over all partners are kept once per set of claims and
changed by the polygons a claim left out changes: no work in the number of
partners per question but that float test. Every kept bound is exact (fractions).
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd, lcm
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from tradestats.claims import _float
from tradestats.claims._linear import Infeasible, Minimizing, Polyhedron, Program, Row
from tradestats.claims._outline import Vertex, beyond, box, clipped, hull, outline, touches
from tradestats.claims._plane import Line, crossing, emptiness, whole_line

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["FEWEST_PARTS", "Local", "Polygon", "Small", "Star", "Support"]

np: Any = None

#: The float test keeps a half-plane unless the other rows leave it this far
#: inside (relative to the magnitudes summed), far above float rounding.
_MARGIN: Final = 1e-9
#: A sum of fewer parts is left to the general engine: its programs are small anyway,
#: and the star's floats and certificates cost more than they save (groups of 7 claims).
FEWEST_PARTS: Final = 8
#: Sets of claims that differ from a kept sum in more polygons than this get their own.
_MOST_CHANGES: Final = 8
#: How many sets of claims' programs and sums are kept (the oldest go first): a
#: check asks about each leave-one-out set in turn, a conflict search about sets
#: that shrink, and a sum's exact bounds have hundreds of digits at 500 parts.
_KEPT: Final = 64
#: How many sets of claims' cut polygons (and their half-planes) are kept: one for each
#: part of a report of 1,000 claims, about 25 kB each there.
_KEPT_CUTS: Final = 1024
#: How many sums made anew are kept to make others from.
_KEPT_BASES: Final = 4
#: Half-planes the float test cannot rule out past which the general engine answers.
_MOST_CANDIDATES: Final = 100_000
#: Polygons of fewer lines try every pair of them; others are outlined in floats first
#: (at 8 lines, a check's closed polygon: 108 µs every pair, 142 µs outlined).
_FEW_LINES: Final = 9
#: Floats (crossings × lines) tested at once when looking for a polygon's vertices.
_SLICE: Final = 1 << 20
#: Polygons of this many vertices or more look for a support's top in floats first.
_MANY_VERTICES: Final = 16
#: Polygons of fewer lines times vertices tell the lines through a vertex exactly.
_FEW_PRODUCTS: Final = 16
#: A float ``a x + b y`` is within this much of the exact one, relative to
#: ``|a| |x| + |b| |y|``: float rounding is about 1e-16 a step, a few steps.
_TOP: Final = 1e-12
#: And within this much at all: a coordinate near the smallest floats loses digits.
_TINY: Final = 1e-280
#: Cut polygons with this many candidate cuts or more drop, in floats, those that the
#: polygon of the differences and the few deepest cuts leave inside, before the hull:
#: a quarter off their float outlines at 1,000 claims (about 280 candidates a cut),
#: more than it saves at 100 and 300 claims (70 and 130 candidates).
_PREFILTER: Final = 256
#: How many of the deepest cuts make that polygon.
_DEEPEST: Final = 4
#: Normals with a coefficient past this are left to the exact products.
_FLOATS_UP_TO: Final = 2**900


def _load() -> None:
    global np  # noqa: PLW0603 - numpy is imported on first use, as in _float
    if np is None:
        import numpy  # noqa: PLC0415 - the star runs only where HiGHS (and numpy) is

        np = numpy


Normal = tuple[int, int]


def _primitive(a: int, b: int) -> Normal:
    common = gcd(a, b)
    return (a // common, b // common)


def lines_of(rows: Iterable[Row], first: int, second: int) -> list[tuple[int, int, int]]:
    """Rows on the two columns ``first`` and ``second`` as half-planes ``a x + b y <= c``."""
    found = []
    for row in rows:
        a = row.coefficients.get(first, 0)
        b = row.coefficients.get(second, 0)
        if row.sense in ("<=", "="):
            found.append(whole_line(a, b, row.rhs))
        if row.sense in (">=", "="):
            found.append(whole_line(-a, -b, -row.rhs))
    return found


class Polygon:
    """The points ``(x, y)`` that meet some half-planes (and ``x, y >= 0``): vertices and rays.

    Exact: vertices as whole numbers over one denominator (:attr:`whole`, :attr:`scale`;
    :attr:`vertices` as fractions), rays (directions it runs off along) in whole numbers.
    ``empty`` when no point meets them all; with ``signed`` (no ``x, y >= 0``) a
    polygon with no vertex (a strip, a half-plane) counts as empty too: its
    callers take another way.

    The ``lines`` hold for the points scaled by ``unit``: ``a x + b y <= c / unit``.
    Half-planes of a sum of hundreds of parts have small normals and bounds of
    hundreds of digits; scaled to one unit the normals stay small, so each test of
    a crossing multiplies a large number by a small one only.
    """

    def __init__(
        self, lines: Sequence[tuple[int, int, int]], *, signed: bool = False, unit: int = 1
    ) -> None:
        planar = [line for line in lines if line[0] or line[1]]
        whole = planar if signed else [(-1, 0, 0), (0, -1, 0), *planar]
        self.lines, self.unit = whole, unit
        self.empty = any(c < 0 for a, b, c in lines if not a and not b)
        found = outline(whole, unit) if len(whole) >= _FEW_LINES else None
        points, rays = _every_pair(whole, unit) if found is None else found
        # All over one common denominator: a support is then a largest whole number,
        # with no fraction built (a sum's support adds hundreds of them). The lines'
        # normals are small, so each crossing's ``det`` is small: the denominator is
        # ``unit`` times the least common multiple of small numbers, with no gcd of
        # the large coordinates (not always the least one; any serves).
        reduced = [_lowest(x, y, det) for x, y, det in points]
        # With x, y >= 0 among the rows a polygon that is not empty has a vertex.
        self.empty = self.empty or not reduced
        common = lcm(*(det for _, _, det in reduced))
        self.scale = common * unit
        over = {(x * (common // det), y * (common // det)) for x, y, det in reduced}
        scale = self.scale
        # In a fixed order, floats first: comparing numbers of hundreds of digits is dear.
        # (``int / int`` rounds correctly, as ``float(Fraction)`` does.)
        keyed = sorted((x / scale, y / scale, x, y) for x, y in over)
        self.whole = [(x, y) for _, _, x, y in keyed]
        self.floats = [(x, y) for x, y, _, _ in keyed]
        self.rays = rays
        self._supports: dict[Normal, Fraction | None] = {}
        self._tops: dict[Normal, int | None] = {}
        self._float_supports: dict[Normals, tuple[Any, Any]] = {}
        self._table: tuple[Any, Any, Any] | None = None
        self._vertices: list[tuple[Fraction, Fraction]] | None = None
        self._edges: list[tuple[int, int, int]] | None = None

    @property
    def vertices(self) -> list[tuple[Fraction, Fraction]]:
        """The vertices as fractions, in the order of :attr:`whole` (made when first asked)."""
        if self._vertices is None:
            scale = self.scale
            self._vertices = [(Fraction(x, scale), Fraction(y, scale)) for x, y in self.whole]
        return self._vertices

    @property
    def edges(self) -> list[tuple[int, int, int]]:
        """The :attr:`lines` through some vertex, and perhaps a few more (made when first asked).

        The others make no edge of a polygon with a vertex, so these allow the same
        points; any of its lines holds on the polygon, so a few more change nothing.
        Kept: the total's polygon serves every part's shares and contributions.
        """
        if self._edges is None:
            self._edges = self._through_vertices()
        return self._edges

    def _through_vertices(self) -> list[tuple[int, int, int]]:
        """:attr:`edges`: exactly for a few lines and vertices, else within float rounding.

        Vertices have hundreds of digits (a cut polygon's, a share's): a line that
        floats put farther than their rounding from every vertex goes through none;
        those nearer are kept without an exact test, which cost five times more
        at 8 lines and 6 vertices.
        """
        scale, unit = self.scale, self.unit
        if len(self.lines) * len(self.whole) < _FEW_PRODUCTS:
            return [
                (a, b, c)
                for a, b, c in self.lines
                if any((a * x + b * y) * unit == c * scale for x, y in self.whole)
            ]
        _load()
        sides = [
            (a / n, b / n, c / (n * unit)) for a, b, c in self.lines for n in [max(abs(a), abs(b))]
        ]
        table, points = np.array(sides), np.array(self.floats)
        if not (np.isfinite(table).all() and np.isfinite(points).all()):
            return list(self.lines)
        off = np.abs(_products(table[:, :2], points) - table[:, 2:3])
        size = _products(np.abs(table[:, :2]), np.abs(points)) + np.abs(table[:, 2:3])
        near = (off <= _TOP * size + _TINY).any(axis=1)
        return [line for line, kept in zip(self.lines, near.tolist(), strict=True) if kept]

    def lowest(self, p: Fraction | int, q: Fraction | int) -> Fraction:
        """The least ``p x + q y`` over the vertices, for a polygon not empty.

        In whole numbers over the vertices' :attr:`scale` and the two weights'
        common denominator: a minimum of each vertex's Fractions cost ten times more.
        """
        p, q = Fraction(p), Fraction(q)
        common = lcm(p.denominator, q.denominator)
        a, b = p.numerator * (common // p.denominator), q.numerator * (common // q.denominator)
        return Fraction(min(a * x + b * y for x, y in self.whole), common * self.scale)

    def support(self, normal: Normal) -> Fraction | None:
        """The largest ``n · v`` over the polygon (``None``: unbounded), for a polygon not empty.

        Kept: a flow's polygon serves every set of claims with its claims, and a
        conflict search asks for the lowest value of each base at every trial.
        """
        if normal not in self._supports:
            found = self.support_whole(normal)
            self._supports[normal] = None if found is None else Fraction(found, self.scale)
        return self._supports[normal]

    def support_whole(self, normal: Normal) -> int | None:
        """:meth:`support` times :attr:`scale`, a whole number (``None``: unbounded).

        Not kept (but those :meth:`tops` keeps): a sum's exact support asks every
        part's polygon at each of thousands of normals.
        """
        if normal in self._tops:
            return self._tops[normal]
        a, b = normal
        if any(a * dx + b * dy > 0 for dx, dy in self.rays):
            return None
        return max(a * x + b * y for x, y in self._near_top(a, b))

    def support_each(self, normals: Iterable[Normal]) -> list[Fraction | None]:
        """:meth:`support` at each of ``normals``: those of a large polygon in one float pass."""
        normals = list(normals)
        self.tops(normals)
        return [self.support(normal) for normal in normals]

    def tops(self, normals: Iterable[Normal]) -> list[int | None]:
        """:meth:`support_whole` at each of ``normals``: those of a large polygon in one float pass.

        Whole numbers over :attr:`scale`: no fraction to reduce (a gcd of numbers
        of hundreds of digits each) where the caller adds them up anyway.
        """
        normals = list(normals)
        asked = [normal for normal in dict.fromkeys(normals) if normal not in self._tops]
        if len(asked) > 1 and len(self.whole) >= _MANY_VERTICES:
            for normal, near in zip(asked, self._near_tops(asked), strict=True):
                a, b = normal
                if any(a * dx + b * dy > 0 for dx, dy in self.rays):
                    self._tops[normal] = None
                else:
                    self._tops[normal] = max(a * x + b * y for x, y in near)
        else:
            for normal in asked:
                self._tops[normal] = self.support_whole(normal)
        return [self._tops[normal] for normal in normals]

    def _near_tops(self, normals: Sequence[Normal]) -> list[Sequence[tuple[int, int]]]:
        """:meth:`_near_top` at each of ``normals``, in one float pass."""
        if self._table is None:
            _load()
            points = np.array(self.floats)
            finite = bool(np.isfinite(points).all())
            self._table = (points, np.abs(points).max(axis=0), finite)
        points, size, finite = self._table
        if not finite or any(max(abs(a), abs(b)) > _FLOATS_UP_TO for a, b in normals):
            return [self.whole] * len(normals)
        directions = np.array(normals, dtype=float)
        values = _products(directions, points)
        room = _TOP * (np.abs(directions[:, 0]) * size[0] + np.abs(directions[:, 1]) * size[1])
        room += _TINY
        top = values.max(axis=1) - 2 * room
        if not np.isfinite(top).all():  # the products overflowed
            return [self.whole] * len(normals)
        near = values >= top[:, None]
        return [[self.whole[k] for k in np.nonzero(row)[0].tolist()] for row in near]

    def _near_top(self, a: int, b: int) -> Sequence[tuple[int, int]]:
        """The vertices (:attr:`whole`) where ``a x + b y`` may be largest: those floats keep.

        A cut polygon has a hundred vertices of whole numbers of hundreds of digits;
        in floats each ``a x + b y`` is off by far less than ``_TOP`` times
        ``|a| max |x| + |b| max |y|``, so a vertex more than twice that below the
        floats' largest is below the top exactly too.
        """
        if len(self.whole) < _MANY_VERTICES:
            return self.whole
        return self._near_tops([(a, b)])[0]

    def supports(self, normals: Any, *, keep: bool = False) -> tuple[Any, Any]:
        """:meth:`support` at many normals in floats, and where it is infinite.

        The infinite ones are found exactly (whole numbers); the finite ones are 0 there.
        With ``keep``, kept for each set of normals (a star has two), read-only: the
        total's polygon is asked at every cut (not every polygon's: thousands of
        normals each, a polygon for each flow and set of its claims).
        """
        found = self._float_supports.get(normals)
        if found is None:
            points = np.array(self.floats)
            values = _products(normals.floats, points).max(axis=1)
            infinite = np.zeros(len(values), dtype=bool)
            for dx, dy in self.rays:
                infinite |= normals.dot(dx, dy) > 0
            values[infinite] = 0.0
            values.flags.writeable = infinite.flags.writeable = False
            found = (values, infinite)
            if keep:
                self._float_supports[normals] = found
        return found


def _lowest(x: int, y: int, d: int) -> tuple[int, int, int]:
    """The point ``(x / d, y / d)`` (``d > 0``) as ``(x, y, d)`` in lowest terms.

    Quick where ``d`` is small, whatever ``x`` and ``y``: ``d`` first, so each gcd
    starts with one division of a large number by a small one.
    """
    common = gcd(d, x, y)
    return (x // common, y // common, d // common)


def _products(directions: Any, points: Any) -> Any:
    """``d · p`` for every direction (rows) and every point (columns), both in the plane.

    Elementwise: numpy's matrix product would start BLAS threads on every core
    for sums of two terms (a check of 1,000 claims took 44 CPU seconds in 30).
    """
    return np.multiply.outer(directions[:, 0], points[:, 0]) + np.multiply.outer(
        directions[:, 1], points[:, 1]
    )


def _every_pair(
    whole: Sequence[tuple[int, int, int]], unit: int
) -> tuple[list[tuple[int, int, int]], list[Normal]]:
    """The vertices ``(x d, y d, d)`` and rays of a polygon, by every crossing of two lines."""
    vertices = []
    for first, second, near in _crossings(whole, unit):
        point = crossing(whole[first], whole[second])
        if point is None:
            continue
        x, y, det = point
        if all(a * x + b * y <= c * det for a, b, c in (whole[k] for k in near)):
            vertices.append(point)
    rays: set[Normal] = set()
    for a, b, _ in whole:
        for dx, dy in ((-b, a), (b, -a)):
            if all(a2 * dx + b2 * dy <= 0 for a2, b2, _ in whole):
                rays.add(_primitive(dx, dy))
    return vertices, sorted(rays)


def _crossings(
    lines: Sequence[tuple[int, int, int]], unit: int = 1
) -> Iterable[tuple[int, int, Sequence[int]]]:
    """The pairs of lines that may cross at a vertex, and the lines to test it on exactly.

    All pairs and all lines, but those floats settle: a pair whose crossing misses
    another line by far more than float rounding makes no vertex, and a line the
    crossing meets by that much needs no exact test. Pairs near parallel are tried
    exactly on every line.
    """
    size = len(lines)
    every = range(size)
    if size < _FEW_LINES:
        yield from ((i, j, every) for i in range(size) for j in range(i + 1, size))
        return
    norms = [max(abs(a), abs(b)) for a, b, _ in lines]
    table = np.array(
        [(a / n, b / n, c / (n * unit)) for (a, b, c), n in zip(lines, norms, strict=True)]
    )
    first, second = np.triu_indices(size, 1)
    a1, b1, c1 = table[first].T
    a2, b2, c2 = table[second].T
    det = a1 * b2 - a2 * b1
    near = np.abs(det) <= 1e-6
    safe = np.where(near, 1.0, det)
    x, y = (c1 * b2 - c2 * b1) / safe, (a1 * c2 - a2 * c1) / safe
    # Every crossing against every line is size × pairs floats: taken in slices of
    # pairs, so that a part's program of hundreds of lines stays within a few MB.
    step = max(1, _SLICE // size)
    for start in range(0, len(first), step):
        at = slice(start, start + step)
        crossing = np.vstack([x[at], y[at]])
        reach = _products(table[:, :2], crossing.T)
        room = 1e-7 * (
            _products(np.abs(table[:, :2]), np.abs(crossing.T)) + np.abs(table[:, 2:3]) + 1
        )
        inside = (reach <= table[:, 2:3] + room).all(axis=0)
        close = reach >= table[:, 2:3] - room
        for k in np.nonzero(near[at] | inside)[0]:
            pair = start + int(k)
            yield (
                int(first[pair]),
                int(second[pair]),
                every if near[pair] else np.nonzero(close[:, k])[0].tolist(),
            )


class Normals:
    """The candidate outer normals of a Minkowski sum, exact and as floats."""

    def __init__(self, normals: Sequence[Normal]) -> None:
        self.exact = list(normals)
        self.floats = np.array(self.exact, dtype=float)
        small = all(abs(a) < 2**31 and abs(b) < 2**31 for a, b in self.exact)
        self._whole = np.array(self.exact, dtype=np.int64 if small else object)
        self._small = small

    def dot(self, dx: int, dy: int) -> Any:
        """``n · (dx, dy)`` for every normal, exactly."""
        if self._small and abs(dx) < 2**31 and abs(dy) < 2**31:
            return self._whole[:, 0] * dx + self._whole[:, 1] * dy
        whole = self._whole.astype(object)
        return whole[:, 0] * dx + whole[:, 1] * dy


class Support:
    """The support function of the sum of some polygons at every candidate normal.

    Kept as floats for every normal (the finite terms' sum, the count of infinite
    terms and the sum of the terms' sizes, for the margin) and exactly for the
    normals asked for. A support made from another (``parent``) changes the
    polygons it lists: the exact values are the parent's, corrected.
    """

    def __init__(
        self,
        normals: Normals,
        removed: Sequence[Polygon],
        added: Sequence[Polygon],
        parent: Support | None = None,
    ) -> None:
        self.normals, self.parent = normals, parent
        self.removed, self.added = list(removed), list(added)
        size = len(normals.exact)
        if parent is None:
            self.finite, self.mass = np.zeros(size), np.zeros(size)
            self.infinite = np.zeros(size, dtype=np.int64)
        else:
            self.finite, self.mass = parent.finite.copy(), parent.mass.copy()
            self.infinite = parent.infinite.copy()
        #: The float supports of the few polygons added to a parent's, for :meth:`floats_of`.
        self._floats: dict[Polygon, tuple[Any, Any]] = {}
        for polygons, sign in ((self.removed, -1), (self.added, 1)):
            for polygon in polygons:
                values, infinite = polygon.supports(normals)
                self.finite += sign * values
                self.mass += np.abs(values)
                self.infinite += sign * infinite
                if parent is not None and sign > 0:
                    self._floats[polygon] = (values, infinite)
        self._whole: dict[int, tuple[int, int]] = {}
        self._factors: tuple[int, list[tuple[Polygon, int]]] | None = None

    def floats_of(self, polygon: Polygon) -> tuple[Any, Any]:
        """``polygon.supports`` at the normals: kept where this sum added it to its parent's.

        A check's set differs from its parent in the part it asks about, whose
        supports the sum has just added up.
        """
        found = self._floats.get(polygon)
        return polygon.supports(self.normals) if found is None else found

    def _scaled(self) -> tuple[int, list[tuple[Polygon, int]]]:
        """A common denominator (of the polygons' scales and the parent's), each polygon's factor.

        Made once: the denominators multiply across hundreds of parts.
        """
        if self._factors is None:
            signed = [(p, -1) for p in self.removed] + [(p, 1) for p in self.added]
            common = lcm(
                *(polygon.scale for polygon, _ in signed),
                1 if self.parent is None else self.parent.denominator,
            )
            self._factors = (
                common,
                [(polygon, sign * (common // polygon.scale)) for polygon, sign in signed],
            )
        return self._factors

    @property
    def denominator(self) -> int:
        """The common denominator of :meth:`whole`'s sums."""
        return self._scaled()[0]

    def whole(self, k: int) -> tuple[int, int]:
        """:meth:`exact` as a whole number over :attr:`denominator`: no fraction reduced."""
        if k not in self._whole:
            common, factors = self._scaled()
            total, infinite = 0, 0
            if self.parent is not None:
                total, infinite = self.parent.whole(k)
                total *= common // self.parent.denominator
            normal = self.normals.exact[k]
            for polygon, factor in factors:
                found = polygon.support_whole(normal)
                if found is None:
                    infinite += 1 if factor > 0 else -1
                else:
                    total += factor * found
            self._whole[k] = (total, infinite)
        return self._whole[k]

    def exact(self, k: int) -> tuple[Fraction, int]:
        """The finite terms' exact sum at normal ``k``, and the number of infinite terms."""
        total, infinite = self.whole(k)
        return Fraction(total, self.denominator), infinite


class Small(Minimizing):
    """A small program answered by HiGHS with exact certificates, else by the exact simplex.

    Has the interface of :class:`._linear.Polyhedron` (but ``point``).
    """

    def __init__(
        self,
        program: Program,
        *,
        deadline: float | None = None,
        scale: bool = True,
        exact: bool = True,
        feasible: bool | None = None,
    ) -> None:
        self.program, self.deadline = program, deadline
        #: Whether an end HiGHS cannot certify goes to the exact simplex; otherwise it
        #: stays open (sound: the range only widens), as in :class:`._certified.Lifted`.
        self.exact_ends = exact
        self.model = _float.Model.of_rows(
            program.size, [(None, row) for row in program.rows], program.free, scale=scale
        )
        self.model.switch(frozenset())
        self._exact: Polyhedron | None = None
        #: Whether the rows have a common solution, if the caller knows.
        self._feasible: bool | None = feasible

    @property
    def exact(self) -> Polyhedron:
        """The exact simplex over the same program."""
        if self._exact is None:
            self._exact = Polyhedron(self.program, deadline=self.deadline)
        return self._exact

    @property
    def feasible(self) -> bool:
        """Whether the rows have a common solution."""
        if self._feasible is None:
            found = self.model.feasible()
            self._feasible = self.exact.feasible if found is None else found
        return self._feasible

    def minimum(
        self, objective: Mapping[int, Fraction | int], constant: Fraction | int = 0
    ) -> Fraction | None:
        """The smallest value of ``objective · x + constant`` (``None``: unbounded)."""
        if not self.feasible:
            raise Infeasible
        local = {j: Fraction(c) for j, c in objective.items() if c}
        found = self.model.minimum(local)
        if found is None and self.exact_ends and not self.model.unbounded(local):
            found = self.exact.minimum(local)
        return None if found is None else found + constant


class Ratio:
    """The Charnes–Cooper program of a ratio of two values' sums on a polygon, exactly.

    Its solutions ``(y, t)`` with ``d · y = 1`` form the cone of the polygon's
    vertices ``(v, 1)`` and rays ``(r, 0)`` cut by that plane: the smallest
    ``n · y`` is one program with one equality, solved by hand. Bounded exactly
    where no mix of two generators keeps ``d · y`` and lowers ``n · y`` (a
    generator with ``d = 0`` and ``n < 0``, or one with ``d > 0`` and one with
    ``d < 0`` whose quotients ``n / d`` rise in that order); then it is the
    least ``n / d`` over the generators with ``d > 0``. No simplex, no HiGHS.

    Has the interface of :class:`._shaped.Mapped`, in the network's columns
    ``first`` and ``second`` (the polygon's ``x`` and ``y``).
    """

    def __init__(
        self, polygon: Polygon, first: int, second: int, denominator: Mapping[int, Fraction]
    ) -> None:
        self.first, self.second = first, second
        # Whole numbers: a vertex over the polygon's scale (n / d is the same), a ray as is.
        self.generators = [*polygon.whole, *polygon.rays]
        self._scale, below = self._whole(denominator)
        self.below = [self._dot(below, point) for point in self.generators]
        #: Some generator has the denominator above 0 (the caller has shown it).
        self.feasible = any(d > 0 for d in self.below)

    def _whole(self, objective: Mapping[int, Fraction | int]) -> tuple[int, tuple[int, int]]:
        """``objective`` on ``first`` and ``second`` times a whole ``L > 0``: ``L`` and it."""
        left = set(objective) - {self.first, self.second}
        assert not left  # a ratio on one flow's two values
        p = Fraction(objective.get(self.first, 0))
        q = Fraction(objective.get(self.second, 0))
        scale = lcm(p.denominator, q.denominator)
        return scale, (
            p.numerator * (scale // p.denominator),
            q.numerator * (scale // q.denominator),
        )

    @staticmethod
    def _dot(objective: tuple[int, int], point: tuple[int, int]) -> int:
        return objective[0] * point[0] + objective[1] * point[1]

    def minimum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The smallest value of ``objective · y`` (``None``: unbounded)."""
        scale, above = self._whole(objective)
        # The least n / d over d > 0, and the greatest over d < 0 (as -n / -d), compared
        # by cross products: no fraction but the answer.
        low: tuple[int, int] | None = None
        high: tuple[int, int] | None = None
        for point, d in zip(self.generators, self.below, strict=True):
            n = self._dot(above, point)
            if d > 0:
                if low is None or n * low[1] < low[0] * d:
                    low = (n, d)
            elif d < 0:
                if high is None or -n * high[1] > high[0] * -d:
                    high = (-n, -d)
            elif n < 0:
                return None
        assert low is not None  # feasible: some generator has d > 0
        if high is not None and high[0] * low[1] > low[0] * high[1]:
            return None
        # n / d over the generators' whole numbers; the objective and denominator scaled.
        return Fraction(low[0] * self._scale, low[1] * scale)

    def maximum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The largest value of ``objective · y`` (``None``: unbounded)."""
        low = self.minimum({j: -c for j, c in objective.items()})
        return None if low is None else -low


class Local(NamedTuple):
    """A program in the values of one part and the total (or the total alone), by column."""

    program: Program
    #: The network's column of each of the program's.
    columns: dict[int, int]
    #: The values of the part (or the total) the claims allow, exactly, if known.
    values: Polygon | None = None
    #: The differences ``total - part`` the claims allow (``E``), exactly, if known.
    differences: Polygon | None = None


class _Base(NamedTuple):
    """A sum of the parts' polygons kept to make others from: its claims, and those it lacks."""

    key: frozenset[str]
    support: Support
    missing: frozenset[str]


class Star:
    """A total, its parts and the sum that ties them, in two periods; every other claim on one flow.

    Args:
        sum_id: The sum claim.
        total: The total's flow.
        parts: The parts' flows.
        columns: Each flow's two columns (the sum's first and second period).
        owners: The flow each claim but the sum is about.
        rows: Each claim's rows.
    """

    def __init__(
        self,
        sum_id: str,
        total: str,
        parts: Sequence[str],
        *,
        columns: Mapping[str, tuple[int, int]],
        owners: Mapping[str, str],
        rows: Mapping[str, Sequence[Row]],
    ) -> None:
        _load()
        self.sum_id, self.total, self.parts = sum_id, total, list(parts)
        self.columns = dict(columns)
        self.owners = dict(owners)
        self.rows = rows
        self.flow_of = {column: flow for flow, pair in columns.items() for column in pair}
        self._claims_of: dict[str, list[str]] = {flow: [] for flow in columns}
        for claim_id, flow in owners.items():
            self._claims_of[flow].append(claim_id)
        found: set[Normal] = {(-1, 0), (0, -1)}
        for part in self.parts:
            for a, b, _ in self._lines(part, self._claims_of[part]):
                if a or b:
                    found.add(_primitive(a, b))
        # The opposites of the total's normals too: with the parts', the normals of
        # the edges of Q ⊕ -M, where :meth:`holds` looks.
        found |= {(1, 0), (0, 1)}
        for a, b, _ in self._lines(self.total, self._claims_of[self.total]):
            if a or b:
                found.add(_primitive(-a, -b))
        self.normals = Normals(sorted(found))
        self._opposite = Normals([(-a, -b) for a, b in self.normals.exact])
        self._polygons: dict[tuple[str, frozenset[str]], Polygon] = {}
        self._supports: dict[frozenset[str], Support] = {}
        self._bases: list[_Base] = []
        #: Sums made from a base in a few polygons, to make others from in fewer.
        self._near: list[_Base] = []
        self._last_missing: tuple[frozenset[str], frozenset[str]] | None = None
        self._local: dict[tuple[frozenset[str], str | None], Local | None] = {}
        self._small: dict[tuple[frozenset[str], str | None], Small | None] = {}
        self._holds: dict[frozenset[str], bool] = {}
        self._own: dict[tuple[frozenset[str], str], Polygon | None] = {}
        #: Each part's latest values in its plane made by :func:`_cut`, and their set.
        self._plane: dict[str, tuple[frozenset[str], Polygon]] = {}
        #: Each part's latest values cut from those (:func:`_tightened`), and their set.
        self._tight: dict[str, tuple[frozenset[str], Polygon | None]] = {}
        self._cut: dict[
            tuple[frozenset[str], str | None], tuple[list[tuple[Normal, Fraction]], Polygon] | None
        ] = {}
        self._every = frozenset(owners)
        #: Under every claim: the columns their flow's polygon keeps above 0, and at 0 or below.
        self._above_zero: set[int] | None = None
        self._stays_at_zero: set[int] | None = None
        #: The flows whose own claims all together leave no values (made when first asked).
        self._fragile: list[str] | None = None

    def _lines(self, flow: str, claims: Iterable[str]) -> list[tuple[int, int, int]]:
        first, second = self.columns[flow]
        return [line for c in claims for line in lines_of(self.rows[c], first, second)]

    def polygon(self, flow: str, key: frozenset[str]) -> Polygon:
        """The polygon of a flow's two values under its claims among ``key``."""
        own = key.intersection(self._claims_of[flow])
        found = self._polygons.get((flow, own))
        if found is None:
            found = Polygon(self._lines(flow, sorted(own)))
            self._polygons[(flow, own)] = found
        return found

    def unsettled(self, key: frozenset[str], columns: Iterable[int]) -> set[int]:
        """Those of ``columns`` that their own flow's claims among ``key`` do not keep above 0.

        A value the polygon of its flow keeps above 0 is above 0 wherever all the
        claims hold; an empty polygon keeps nothing (the claims cannot hold then).
        A flow with all its claims in ``key`` answers as under every claim (kept):
        a conflict search and a check ask about sets that lack a few claims only.
        """
        asked = set(columns)
        changed = self._changed_columns(key) & asked
        if self._above_zero is None:
            self._above_zero = set(self.flow_of) - self._unsettled(
                frozenset(self.owners), self.flow_of
            )
        return (asked - self._above_zero - changed) | self._unsettled(key, changed)

    def _unsettled(self, key: frozenset[str], columns: Iterable[int]) -> set[int]:
        found = set()
        for column in columns:
            flow = self.flow_of.get(column)
            if flow is None:
                found.add(column)
                continue
            polygon = self.polygon(flow, key)
            lowest = (
                None
                if polygon.empty
                else polygon.support((-1, 0) if column == self.columns[flow][0] else (0, -1))
            )
            if lowest is None or lowest >= 0:  # the smallest value is -lowest
                found.add(column)
        return found

    def _changed_columns(self, key: frozenset[str]) -> set[int]:
        """The columns of the flows some of whose claims ``key`` lacks."""
        return {
            column
            for claim_id in self._missing(key)
            for column in self.columns[self.owners[claim_id]]
        }

    def part_of(self, columns: Iterable[int]) -> tuple[str | None] | None:
        """The one part whose values (with the total's) hold ``columns``; ``(None,)``: the total's.

        ``None`` if they are not all of one part and the total.
        """
        flows = self._flows(columns)
        if flows is None:
            return None
        flows.discard(self.total)
        if len(flows) > 1:
            return None
        return (flows.pop() if flows else None,)

    def _flows(self, columns: Iterable[int]) -> set[str] | None:
        """The flows whose values ``columns`` are; ``None`` if some column is no flow's."""
        flows = set()
        for column in columns:
            flow = self.flow_of.get(column)
            if flow is None:
                return None
            flows.add(flow)
        return flows

    def values(
        self, key: frozenset[str], columns: Iterable[int]
    ) -> tuple[Polygon, int, int] | None:
        """The values of the one flow that holds ``columns`` that ``key`` allows, and its columns.

        Exact: every question on one flow's two values is then one in the plane.
        ``None`` where ``columns`` are not one flow's, or the polygon is not known.
        """
        flows = {self.flow_of.get(column) for column in columns}
        flow = flows.pop() if len(flows) == 1 else None
        if flow is None:
            return None
        found = None if flow == self.total else self.own(key, flow)
        if found is not None:
            return (found, *self.columns[flow])
        local = self.local(key, None if flow == self.total else flow)
        if local is None or local.values is None:
            return None
        return (local.values, *self.columns[flow])

    def apart(
        self, key: frozenset[str], columns: Iterable[int]
    ) -> list[tuple[Polygon, int, int]] | None:
        """Each flow's values that ``key`` allows, and its columns, for the flows of ``columns``.

        Without the sum each claim ties one flow's values only, so the flows are
        apart: the values ``key`` allows are each flow's polygon, any with any (the
        least of a sum over many flows is the sum of each one's least). ``None``
        where ``key`` has the sum or some column is no flow's.
        """
        flows = None if self.sum_id in key else self._flows(columns)
        if flows is None:
            return None
        return [(self.polygon(flow, key), *self.columns[flow]) for flow in sorted(flows)]

    def pair(self, key: frozenset[str], columns: Iterable[int]) -> tuple[Polygon, int, int] | None:
        """A part's and the total's values in one period that ``key`` allows, and their columns.

        Exact (:func:`_pair`): a share is then a ratio in the plane. ``None`` where
        ``columns`` are not a part's and the total's value of one period, or the
        differences the claims allow are not known.
        """
        asked = set(columns)
        part = self.part_of(asked)
        if part is None or part[0] is None or len(asked) != 2:
            return None
        own, whole = self.columns[part[0]], self.columns[self.total]
        axis = next((k for k in (0, 1) if asked == {own[k], whole[k]}), None)
        differences = self.differences(key, part[0])
        if axis is None or differences is None:
            return None
        found = _pair(self.polygon(part[0], key), self.polygon(self.total, key), differences, axis)
        return None if found is None else (found, own[axis], whole[axis])

    def across(
        self, key: frozenset[str], part: str, along: tuple[int, int], axis: int
    ) -> Polygon | None:
        """The values ``(a o + b k, q_k)`` of a part ``(o, k)`` and the total ``q`` under ``key``.

        ``k`` is the ``axis`` coordinate (column), ``o`` the other; ``along = (a, b)``
        with ``a`` not 0. Exact (:func:`_across`): a contribution (a part's change
        over the total's base) is then a ratio in the plane. ``None`` where the
        differences the claims allow are not known.
        """
        differences = self.differences(key, part)
        if differences is None:
            return None
        return _across(
            self.polygon(part, key), self.polygon(self.total, key), differences, along, axis
        )

    def differences(self, key: frozenset[str], part: str) -> Polygon | None:
        """``E``, the differences ``total - part`` the claims ``key`` allow (:meth:`cuts`).

        ``None`` where not known: without the sum, with some flow's polygon empty, or
        where :meth:`cuts` does not show it, as :meth:`local`'s.
        """
        if self.sum_id not in key or self._some_empty(key):
            return None
        found = self.cuts(key, part)
        return None if found is None or found[1].empty else found[1]

    def local(self, key: frozenset[str], part: str | None) -> Local | None:
        """The exact program of ``part``'s values and the total's under ``key`` (cached).

        ``None`` where it would keep too many rows (a polygon without bounds): the
        general engine answers then.
        """
        if (key, part) not in self._local:
            _bound(self._local, _KEPT)
            self._local[(key, part)] = self._project(key, part)
        return self._local[(key, part)]

    def small(
        self, key: frozenset[str], part: str | None, *, deadline: float | None = None
    ) -> Small | None:
        """:meth:`local`'s program answered by :class:`Small` (as many kept as :data:`_KEPT`)."""
        if (key, part) not in self._small:
            local = self.local(key, part)
            _bound(self._small, _KEPT)
            self._small[(key, part)] = (
                None
                if local is None
                else Small(local.program, deadline=deadline, feasible=self.holds(key))
            )
        return self._small[(key, part)]

    def _project(self, key: frozenset[str], part: str | None) -> Local | None:
        flows = [self.total] if part is None else [part, self.total]
        columns: dict[int, int] = {}
        for flow in flows:
            for column in self.columns[flow]:
                columns[len(columns)] = column
        local = {column: number for number, column in columns.items()}
        rows = [
            Row({local[j]: c for j, c in row.coefficients.items()}, row.sense, row.rhs)
            for flow in flows
            for claim_id in sorted(key.intersection(self._claims_of[flow]))
            for row in self.rows[claim_id]
        ]
        values: Polygon | None = self.polygon(flows[0], key)
        differences: Polygon | None = None
        if self.sum_id in key:
            if self._some_empty(key):
                return Local(Program(len(columns), [*rows, Row({}, ">=", 1)]), columns)
            found = self.cuts(key, part)
            if found is None:
                return None
            kept, cut = found
            if cut.empty or part is None:
                values = None if cut.empty else cut
            else:
                # The same polygon as a part's values in its plane, where made already.
                known = self.own(key, part) if self._cheap_in_plane(key, part) else None
                values = known or _through(self, key, part, cut)
            differences = None if cut.empty or part is None else cut
            x, y = (local[column] for column in self.columns[self.total])
            for (a, b), bound in kept:
                coefficients = {x: Fraction(a), y: Fraction(b)}
                if part is not None:
                    # n · (total - part) <= h of the other parts' sum.
                    coefficients.update({0: Fraction(-a), 1: Fraction(-b)})
                rows.append(Row(coefficients, "<=", bound))
        return Local(Program(len(columns), rows), columns, values, differences)

    def holds(self, key: frozenset[str]) -> bool:
        """Whether the claims ``key`` can hold together (with bases of 0 allowed), exactly.

        Each flow's polygon must not be empty and, with the sum, the total's ``Q``
        must meet the parts' sum ``M``: ``0`` in ``Q ⊕ -M``, whose edges' normals
        are those of ``Q`` and the opposites of ``M``'s. The candidate normals hold
        ``M``'s and the opposites of ``Q``'s, so it holds if and only if
        ``h_Q(-m) + h_M(m) >= 0`` at every one, ``m`` (an infinite term: no
        bound). Floats settle the normals far from 0 either way; no program.
        """
        if key not in self._holds:
            _bound(self._holds, _KEPT)
            self._holds[key] = self._meets(key)
        return self._holds[key]

    def positive(self, key: frozenset[str], columns: Iterable[int]) -> bool:
        """Whether the claims ``key`` (which hold) allow every one of ``columns`` above 0 at once.

        ``False`` where this does not show it (the caller asks a program then). Each
        value must reach above 0 in its own flow's polygon ``P_f``; with the sum,
        ``Q`` and ``M`` must also meet with room to spare: :meth:`holds`'s test
        with every inequality strict (``0`` inside ``Q ⊕ -M``). Then ``P_f`` cut
        to ``x_b >= ε`` still meets the rest for some ``ε > 0``: the supports of
        the cut polygon tend to ``P_f``'s as ``ε`` goes to 0 (``P_f`` reaches
        above ``ε``), each of finitely many inequalities stays true, and the cut
        adds no normal (``x_b >= ε`` has one of the axes'). A point with each value
        above 0 for each on its own, their average has them all above 0 (the
        values allowed are convex, none is below 0).
        """
        asked = set(columns)
        changed = self._changed_columns(key) & asked
        if self._stays_at_zero is None:
            self._stays_at_zero = self._at_zero(frozenset(self.owners), self.flow_of)
        if asked - changed - set(self.flow_of) or (asked - changed) & self._stays_at_zero:
            return False
        if self._at_zero(key, changed):
            return False
        return self.sum_id not in key or self._meets(key, strict=True)

    def _at_zero(self, key: frozenset[str], columns: Iterable[int]) -> set[int]:
        """Those of ``columns`` (of flows) that their flow's polygon under ``key`` keeps at 0.

        Or an empty polygon's (not shown above 0: the claims cannot hold there).
        """
        found = set()
        for column in columns:
            flow = self.flow_of[column]
            axis = (1, 0) if column == self.columns[flow][0] else (0, 1)
            polygon = self.polygon(flow, key)
            if polygon.empty:
                found.add(column)
                continue
            highest = polygon.support(axis)
            if highest is not None and highest <= 0:
                found.add(column)
        return found

    def _meets(self, key: frozenset[str], *, strict: bool = False) -> bool:
        if self._some_empty(key):
            return False
        if self.sum_id not in key:
            return True
        total = self.polygon(self.total, key)
        support = self.support(key)
        back, back_open = total.supports(self._opposite, keep=True)
        finite = support.finite + back
        margin = _MARGIN * (support.mass + np.abs(back) + 1.0)
        asked = np.nonzero((support.infinite == 0) & ~back_open & (finite <= margin))[0]
        for k in asked.tolist():
            low = total.support_whole(self._opposite.exact[k])
            assert low is not None  # the floats count infinite terms exactly
            # The sign of h_M(m) + h_Q(-m), each a whole number over its own denominator.
            found = support.whole(k)[0] * total.scale + low * support.denominator
            if found < 0 or (strict and not found):
                return False
        return True

    def _some_empty(self, key: frozenset[str]) -> bool:
        """Whether some flow's polygon under ``key`` is empty.

        Fewer claims leave a polygon larger: only a flow whose own claims all
        together leave nothing can have an empty polygon (none, where they hold).
        """
        if self._fragile is None:
            every = frozenset(self.owners)
            self._fragile = [flow for flow in self.columns if self.polygon(flow, every).empty]
        return any(self.polygon(flow, key).empty for flow in self._fragile)

    def support(self, key: frozenset[str]) -> Support:
        """The support function of the sum of the parts' polygons under ``key`` (cached).

        Made from the kept sum that differs from ``key`` in the fewest polygons, or
        anew when every one differs in many.
        """
        if key not in self._supports:
            missing = self._missing(key)
            best: tuple[int, _Base, list[str]] | None = None
            for base in [*self._bases, *self._near]:
                # The claims one lacks and the other has: few, where sets lack few.
                changed = {self.owners[c] for c in missing ^ base.missing}
                changed.discard(self.total)
                if best is None or len(changed) < best[0]:
                    best = (len(changed), base, sorted(changed))
            if best is not None and best[0] <= _MOST_CHANGES:
                _, parent, flows = best
                found = Support(
                    self.normals,
                    [self.polygon(flow, parent.key) for flow in flows],
                    [self.polygon(flow, key) for flow in flows],
                    parent.support,
                )
                if len(flows) > 1 and parent.support.parent is None:
                    # A conflict search's latest set (its trials, and the checks of its
                    # claims, lack one claim more): theirs are made from it, two levels
                    # of parents at most.
                    self._near = [*self._near[1 - _KEPT_BASES :], _Base(key, found, missing)]
            else:
                found = Support(self.normals, [], [self.polygon(flow, key) for flow in self.parts])
                # The latest few: a conflict search asks about sets that shrink one by one.
                self._bases = [*self._bases[1 - _KEPT_BASES :], _Base(key, found, missing)]
            _bound(self._supports, _KEPT)
            self._supports[key] = found
        return self._supports[key]

    def _missing(self, key: frozenset[str]) -> frozenset[str]:
        """The claims on one flow that ``key`` lacks (kept for the set last asked about)."""
        if self._last_missing is None or self._last_missing[0] is not key:
            self._last_missing = (key, self._every - key)
        return self._last_missing[1]

    def cuts(
        self, key: frozenset[str], part: str | None
    ) -> tuple[list[tuple[Normal, Fraction]], Polygon] | None:
        """:meth:`_cuts`, kept for more sets of claims and parts than the programs are.

        The implied figures ask each part's shares, then each part's contribution, of
        one set of claims: hundreds of parts between two questions on one.
        """
        if (key, part) not in self._cut:
            _bound(self._cut, _KEPT_CUTS)
            self._cut[(key, part)] = self._cuts(key, part)
        return self._cut[(key, part)]

    def _cuts(
        self, key: frozenset[str], part: str | None
    ) -> tuple[list[tuple[Normal, Fraction]], Polygon] | None:
        """The half-planes of the other parts' sum that bound what ``part`` and the total allow.

        The differences ``total - part`` lie in ``D = Q ⊕ -P_i``; those the claims
        allow are ``E = D ∩ M_i``, the half-planes of ``M_i`` that make its edges
        found by :func:`_cut`. Exact bounds, and ``E`` (empty: no values at all);
        ``None`` where ``E`` has no vertex or too many half-planes come close.
        """
        support = self.support(key)
        finite, infinite, mass = support.finite, support.infinite, support.mass
        total = self.polygon(self.total, key)
        reach, open_ = total.supports(self.normals, keep=True)
        spread = np.abs(reach)
        own: Polygon | None = None
        differences = [(a, b, c) for a, b, c in total.lines]
        if part is not None:
            own = self.polygon(part, key)
            values, unbounded = own.supports(self.normals)
            finite, infinite = finite - values, infinite - unbounded
            mass = mass + np.abs(values)
            # h_P(-n): the most the part's values take off the total's along n.
            back, back_open = own.supports(self._opposite)
            reach, open_ = reach + back, open_ | back_open
            spread = spread + np.abs(back)
            differences = _difference(total, own)
        unit, bound = _bounds(support, own)
        found = _cut(
            differences,
            self.normals,
            _Floats(finite, infinite == 0, reach, open_, _MARGIN * (mass + spread + 1.0)),
            unit,
            bound,
        )
        if found is None:
            return None
        kept, cut = found
        return [(self.normals.exact[k], Fraction(bound(k), unit)) for k in kept], cut

    def own(self, key: frozenset[str], part: str) -> Polygon | None:
        """A part's values the claims ``key`` allow (with the sum among them), in its own plane.

        ``p`` is allowed where it is in ``P_i`` and some ``q`` of ``Q`` has ``q - p``
        in ``M_i``, the others' sum: ``P_i ∩ (Q ⊕ -M_i)``. The edges of ``Q ⊕ -M_i``
        have the normals ``-m`` of the candidates ``m`` (``M``'s and the opposites of
        ``Q``'s), each at ``h_Q(-m) + h_{M_i}(m)``: :meth:`holds`'s test with ``p``
        for 0. Those that cut ``P_i`` are found by :func:`_cut`: no polygon of
        differences, and no cut of ``M_i``'s hundreds of edges along a thin ``E``
        (a set of claims that barely holds). The same polygon as :func:`_through`
        of :meth:`_cuts`' (kept). ``None`` where it does not show it: the caller
        takes that way then.
        """
        if (key, part) not in self._own:
            _bound(self._own, _KEPT)
            self._own[(key, part)] = self._in_plane(key, part)
        return self._own[(key, part)]

    def _in_plane(self, key: frozenset[str], part: str) -> Polygon | None:
        if self.sum_id not in key or self._some_empty(key):
            return None
        kept = self._plane.get(part)
        if kept is not None and self._cheap_in_plane(key, part):
            tight = self._tight.get(part)
            if tight is None or tight[0] != key:
                # Kept apart from the programs: a part's values under all the claims
                # serve its shares and contributions after hundreds of other parts'.
                tight = self._tight[part] = (
                    key,
                    _tightened(kept[1], self._lines(part, key - kept[0])),
                )
            return tight[1]
        found = self._made_in_plane(key, part)
        if found is not None:
            self._plane[part] = (key, found)
        return found

    def _cheap_in_plane(self, key: frozenset[str], part: str) -> bool:
        """Whether :meth:`own` is kept, or cut from one kept with fewer of the part's claims."""
        if (key, part) in self._own:
            return True
        kept = self._plane.get(part)
        return (
            kept is not None and kept[0] <= key and (key - kept[0]).issubset(self._claims_of[part])
        )

    def _made_in_plane(self, key: frozenset[str], part: str) -> Polygon | None:
        support = self.support(key)
        own, total = self.polygon(part, key), self.polygon(self.total, key)
        values, unbounded = support.floats_of(own)
        # h_Q(-m): the total's reach along each opposite.
        back, back_open = total.supports(self._opposite, keep=True)
        bounds = support.finite - values + back
        finite = (support.infinite - unbounded == 0) & ~back_open
        margin = _MARGIN * (support.mass + np.abs(values) + np.abs(back) + 1.0)
        inner, others = _bounds(support, own)
        unit = lcm(inner, total.scale)
        factor, total_factor = unit // inner, unit // total.scale

        def bound(k: int) -> int:
            back_whole = total.support_whole(self._opposite.exact[k])
            assert back_whole is not None  # the floats count infinite terms exactly
            return others(k) * factor + back_whole * total_factor

        assert own.unit == 1  # a flow's own polygon: its lines in its values
        closing = _closed(own, self._opposite, (bounds, finite, margin), unit, bound)
        if closing is not None:
            floats, exits, closed = closing
            if closed.empty:
                return None  # these half-planes alone leave no point
            if set(_candidates(floats).tolist()) <= exits:
                return closed  # no half-plane but the exits may cut it
        else:
            # h_P(-m): the part's reach along each opposite.
            reach, open_ = own.supports(self._opposite)
            floats = _Floats(bounds, finite, reach, open_, margin + _MARGIN * np.abs(reach))
        found = _cut(own.lines, self._opposite, floats, unit, bound)
        return None if found is None or found[1].empty else found[1]


def _tightened(values: Polygon, lines: Sequence[tuple[int, int, int]]) -> Polygon | None:
    """A part's values in its plane (:meth:`Star.own`) cut by more of its own claims' ``lines``.

    ``P_i ∩ (Q ⊕ -M_i)`` with ``P_i`` cut: ``Q ⊕ -M_i`` is the same under every set of
    claims with the same claims on the other flows, so a check's set (one of the
    part's claims left out) serves the set of all. ``None`` where nothing is left.
    """
    unit = values.unit
    found = Polygon(
        [*values.lines, *((a, b, c * unit) for a, b, c in lines)], signed=True, unit=unit
    )
    return None if found.empty else found


def _closed(
    own: Polygon,
    normals: Normals,
    half_planes: tuple[Any, Any, Any],
    unit: int,
    bound: Callable[[int], int],
) -> tuple[_Floats, set[int], Polygon] | None:
    """``own`` closed by the half-planes its rays leave through, and :class:`_Floats` over it.

    ``half_planes``: in floats over every normal, the bounds, whether each is finite
    (else there is no half-plane) and how far inside one the floats must leave a
    point to settle it (without ``own``'s reach).

    A check leaves one of a part's own claims out, so its polygon is a cone or a
    strip, open along half the normals: the float screen of :func:`_cut` keeps
    hundreds of half-planes there for a few edges. The ray from each vertex along
    each of ``own``'s rays enters the polygon of the half-planes at the last line
    it runs away from and leaves it at the first it runs towards (in floats; any
    such line serves). ``own`` cut by those lines, exactly, holds every point of the
    answer, so a half-plane that leaves it inside by the margin makes no edge; the
    exits touch it, so they stay among the candidates and the answer is still
    shown exact against every half-plane left. The exits' numbers and the closed
    polygon (empty: no point at all) with the floats; ``None`` where ``own`` has
    no ray, or the closed polygon still has one.
    """
    bounds, finite, margin = half_planes
    if not own.rays or own.empty:
        return None
    exits: set[int] = set()
    for dx, dy in own.rays:
        along = normals.floats @ np.array((dx, dy), dtype=float)
        towards, away = finite & (along > 0), finite & (along < 0)
        if not towards.any():
            return None
        for start in own.floats:
            # How far along the ray each line lies.
            steps = (bounds - normals.floats @ np.array(start)) / np.where(along, along, 1.0)
            exits.add(int(np.argmin(np.where(towards, steps, np.inf))))
            if away.any():
                exits.add(int(np.argmax(np.where(away, steps, -np.inf))))
    lines = [(a, b, c * unit) for a, b, c in own.lines]
    closed = Polygon(
        [*lines, *((*normals.exact[k], bound(k)) for k in sorted(exits))], signed=True, unit=unit
    )
    if closed.rays:
        return None
    reach = closed.supports(normals)[0] if not closed.empty else np.zeros(len(bounds))
    closed_open = np.zeros(len(reach), dtype=bool)
    return (
        _Floats(bounds, finite, reach, closed_open, margin + _MARGIN * np.abs(reach)),
        exits,
        closed,
    )


class _Floats(NamedTuple):
    """Half-planes ``n_k · p <= b_k`` in floats, for :func:`_cut`, over every normal ``k``."""

    #: ``b_k``, the bounds (where finite).
    bounds: Any
    #: Whether ``b_k`` is finite (else there is no half-plane).
    finite: Any
    #: The largest ``n_k · p`` over the polygon cut (where not open).
    reach: Any
    #: Whether the polygon cut runs off along ``n_k``.
    open_: Any
    #: How far inside a half-plane the floats must leave a point to settle it.
    margin: Any


def _candidates(floats: _Floats) -> Any:
    """The numbers of the half-planes the polygon cut may break: the floats keep it not inside."""
    inside = (~floats.open_) & (floats.reach <= floats.bounds - floats.margin)
    return np.nonzero(floats.finite & ~inside)[0]


def _cut(
    lines: Sequence[tuple[int, int, int]],
    normals: Normals,
    floats: _Floats,
    unit: int,
    bound: Callable[[int], int],
) -> tuple[list[int], Polygon] | None:
    """The half-planes ``normals[k] · p <= bound(k) / unit`` that make edges with ``lines``.

    Found in floats (those the polygon of ``lines`` leaves inside by the margin
    dropped at once; the float outline of the rest), then shown exactly to be
    enough: every vertex and ray of the polygon of ``lines`` and them alone meets
    every other half-plane (else it is added, and the test made again). The
    half-planes' numbers, and that polygon (empty: no point at all); ``None`` where
    it has no vertex or too many half-planes come close.
    """
    candidates = _candidates(floats)
    if len(candidates) > _MOST_CANDIDATES:
        return None
    chosen = _edges(
        lines,
        normals.floats[candidates],
        floats.bounds[candidates],
        floats.margin[candidates],
    )
    if chosen is None:
        return None
    kept = [int(candidates[number]) for number in chosen]
    left = np.ones(len(candidates), dtype=bool)
    left[chosen] = False
    while True:
        cut = Polygon(
            [
                *((a, b, c * unit) for a, b, c in lines),
                *((*normals.exact[k], bound(k)) for k in kept),
            ],
            signed=True,
            unit=unit,
        )
        if cut.empty:
            if emptiness([Line(*line) for line in cut.lines]) is None:
                return None  # not empty, but with no vertex: a strip
            break  # no point at all: these half-planes alone rule it out
        missed = _missed(
            cut, normals, candidates[left], bounds=floats.bounds, margin=floats.margin, bound=bound
        )
        if not missed:
            break
        kept.extend(missed)
        left &= ~np.isin(candidates, missed)
    return kept, cut


def _bounds(support: Support, own: Polygon | None) -> tuple[int, Callable[[int], int]]:
    """The exact bounds of the other parts' sum, ``h_M - h_P`` at normal ``k``, and their unit.

    Each a whole number over one unit (the sum's and the part's denominators):
    no fraction reduced; kept as asked.
    """
    unit = support.denominator if own is None else lcm(support.denominator, own.scale)
    normals, exact = support.normals.exact, {}

    def bound(k: int) -> int:
        if k not in exact:
            value, count = support.whole(k)
            value *= unit // support.denominator
            if own is not None:
                found = own.support_whole(normals[k])
                if found is None:
                    count -= 1
                else:
                    value -= found * (unit // own.scale)
            assert count == 0  # the floats count the infinite terms exactly
            exact[k] = value
        return exact[k]

    return unit, bound


def _through(star: Star, key: frozenset[str], part: str, cut: Polygon) -> Polygon | None:
    """A part's values the claims allow: ``P_i ∩ (Q ⊕ -E)``, with ``E`` its differences allowed.

    ``p`` is allowed where some ``q`` of ``Q`` has ``q - p`` in ``E``; the edges'
    normals of ``Q ⊕ -E`` are those of ``Q`` and the opposites of ``E``'s, each at
    the sum of the two supports. ``None`` if it has no vertex.
    """
    total, own = star.polygon(star.total, key), star.polygon(part, key)
    directions = {_primitive(a, b) for a, b, _ in total.lines}
    directions |= {_primitive(-a, -b) for a, b, _ in cut.lines}
    ordered = sorted(directions)
    highs = total.tops(ordered)
    lows = cut.tops((-a, -b) for a, b in ordered)
    # Whole numbers over one unit made of the two scales: no fraction reduced.
    unit = lcm(total.scale, cut.scale, own.unit)
    high_factor, low_factor = unit // total.scale, unit // cut.scale
    lines = [(a, b, c * (unit // own.unit)) for a, b, c in own.lines]
    lines += [
        (a, b, high * high_factor + low * low_factor)
        for (a, b), high, low in zip(ordered, highs, lows, strict=True)
        if high is not None and low is not None
    ]
    found = Polygon(lines, signed=True, unit=unit)
    return None if found.empty else found


def _pair(own: Polygon, total: Polygon, differences: Polygon, axis: int) -> Polygon | None:
    """The values ``(p, q)`` of a part and the total on one ``axis`` that the claims allow.

    The projection of ``{p in P, q in Q, q - p in E}`` (``E``: ``differences``) on
    ``(p[axis], q[axis])``, exactly: with ``s = p[axis]``, ``t = q[axis]`` and ``u``
    the other coordinate, each polygon allows ``u`` in an interval (its lines
    with ``u`` in them: below every upper line, above every lower one) where
    its ``axis`` coordinate is within its range. ``(s, t)`` is allowed where ``s``,
    ``t`` and ``t - s`` are within ``P``'s, ``Q``'s and ``E``'s ranges and the
    sum of ``P``'s interval at ``s`` and ``E``'s at ``t - s`` meets ``Q``'s at
    ``t``: ``P``'s low plus ``E``'s low is at most ``Q``'s high, and ``Q``'s low at
    most ``P``'s high plus ``E``'s high, for every such line of each (Fourier–Motzkin
    on the structure: no pair of lines of one polygon is needed). ``None`` if it
    has no vertex.
    """
    polygons = (own, total, differences)
    sides = [_sides(polygon, axis) for polygon in polygons]
    # Every bound a whole number over one unit: each polygon's unit times small
    # numbers (its lines' ``|b|``, its vertices' denominator): no fraction reduced.
    unit = lcm(
        *(
            polygon.unit
            * lcm(polygon.scale // polygon.unit, *(b for side in found for _, _, b in side))
            for polygon, found in zip(polygons, sides, strict=True)
        )
    )
    lines: set[tuple[int, int, int]] = set()
    # s = (1, 0), t = (0, 1), t - s = (-1, 1) within their ranges.
    for (a, b), polygon in zip(((1, 0), (0, 1), (-1, 1)), polygons, strict=True):
        low, high = _range(polygon, axis)
        factor = unit // polygon.scale
        if low is not None:
            lines.add((-a, -b, -low * factor))
        if high is not None:
            lines.add((a, b, high * factor))
    # Q's low <= P's high + E's high, and P's low + E's low <= Q's high; with each
    # side u <= k - m x or u >= k - m x read as (m, k), that is
    # sign × ((m_p - m_e) s + (m_e - m_q) t) <= sign × (k_p + k_e - k_q).
    (own_up, own_down), (total_up, total_down), (apart_up, apart_down) = [
        [[(m, n * (unit // (d * polygon.unit))) for m, n, d in side] for side in found]
        for polygon, found in zip(polygons, sides, strict=True)
    ]
    for own_side, total_side, apart, sign in (
        (own_up, total_down, apart_up, 1),
        (own_down, total_up, apart_down, -1),
    ):
        for m_p, k_p in own_side:
            for m_q, k_q in total_side:
                for m_e, k_e in apart:
                    first, second = sign * (m_p - m_e), sign * (m_e - m_q)
                    # Small whole normals: the bound times the same small number.
                    common = lcm(first.denominator, second.denominator)
                    lines.add(
                        (
                            first.numerator * (common // first.denominator),
                            second.numerator * (common // second.denominator),
                            sign * (k_p + k_e - k_q) * common,
                        )
                    )
    found = Polygon(sorted(lines), unit=unit)
    return None if found.empty else found


class _Shape(NamedTuple):
    """A polygon's lines (for points scaled by ``unit``), vertices over ``scale`` and rays.

    ``edges``: the lines through some vertex (:attr:`Polygon.edges`).
    """

    lines: list[tuple[int, int, int]]
    unit: int
    whole: list[tuple[int, int]]
    scale: int
    rays: list[Normal]
    edges: list[tuple[int, int, int]]


def _sheared(polygon: Polygon, along: tuple[int, int], axis: int) -> _Shape:
    """``polygon`` in the coordinates ``(a o + b k, k)``: ``k`` its ``axis`` coordinate.

    ``o`` is the other; ``along = (a, b)``, ``a`` not 0. A line ``c o + d k <= e`` becomes
    ``c x' + (d a - c b) y' <= e a`` (times the sign of ``a``); vertices and rays
    map as points and directions.
    """
    a, b = along
    sign = 1 if a > 0 else -1
    other = 1 - axis

    def sheared(lines: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        return [
            (sign * line[other], sign * (line[axis] * a - line[other] * b), sign * line[2] * a)
            for line in lines
        ]

    return _Shape(
        sheared(polygon.lines),
        polygon.unit,
        [(a * point[other] + b * point[axis], point[axis]) for point in polygon.whole],
        polygon.scale,
        [(a * ray[other] + b * ray[axis], ray[axis]) for ray in polygon.rays],
        # A map of the plane: a line through a vertex goes through its image.
        sheared(polygon.edges),
    )


def _across(
    own: Polygon, total: Polygon, differences: Polygon, along: tuple[int, int], axis: int
) -> Polygon | None:
    """The values ``(s, t) = (a o + b k, q_k)`` of a part ``(o, k)`` and the total ``q``.

    ``k`` is the ``axis`` coordinate, ``o`` the other; ``along = (a, b)``. The
    projection of ``{p in P, q in Q, q - p in E}`` (``E``: ``differences``) that
    the claims allow, exactly. In the coordinates of :func:`_sheared` (which keep
    ``q - p``) ``s`` is ``p``'s first coordinate and ``t`` ``q``'s second; with
    ``u`` and ``v`` the others, ``P`` allows ``u`` in an interval at ``s`` and
    ``Q`` allows ``v`` in one at ``t`` (:func:`_sides`), so the differences
    ``q - p`` that ``(s, t)`` allows make a box, ``[v - s] × [t - u]``. It meets
    ``E`` where no line of ``E`` (nor a side of its bounding box) has the whole
    box outside: ``min over the box of n · z <= bound`` for each, linear in ``s``
    and ``t`` for each line of ``P``'s and ``Q``'s sides (each end of the box is
    the least or greatest of them). With ``s`` and ``t`` within ``P``'s and
    ``Q``'s ranges (the intervals not empty), that is all. ``None`` if it has
    no vertex.
    """
    shapes = [_sheared(polygon, along, axis) for polygon in (own, total, differences)]
    part, whole, apart = shapes
    # u as a function of s (the part's second coordinate), v of t (the total's first).
    part_sides, whole_sides = _sides(part, 0), _sides(whole, 1)
    unit = lcm(
        *(
            shape.unit * lcm(shape.scale // shape.unit, *(d for side in found for _, _, d in side))
            for shape, found in ((part, part_sides), (whole, whole_sides), (apart, ([], [])))
        )
    )
    lines: set[tuple[int, int, int]] = set()
    for (a, b), shape, coordinate in (((1, 0), part, 0), ((0, 1), whole, 1)):
        low, high = _range(shape, coordinate)
        if low is not None:
            lines.add((-a, -b, -low * (unit // shape.scale)))
        if high is not None:
            lines.add((a, b, high * (unit // shape.scale)))
    # E's lines, and the sides of its bounding box, each as n · z <= bound over unit.
    bounds = [(a, b, c * (unit // apart.unit)) for a, b, c in apart.lines if a or b]
    for coordinate, normal in ((0, (1, 0)), (1, (0, 1))):
        low, high = _range(apart, coordinate)
        if low is not None:
            bounds.append((-normal[0], -normal[1], -low * (unit // apart.scale)))
        if high is not None:
            bounds.append((*normal, high * (unit // apart.scale)))
    (part_up, part_down), (whole_up, whole_down) = [
        [[(m, n * (unit // (d * shape.unit))) for m, n, d in side] for side in found]
        for shape, found in ((part, part_sides), (whole, whole_sides))
    ]
    none: list[tuple[Fraction, int] | None] = [None]
    for n_x, n_y, bound in bounds:
        # The box's least n · z: v - s at v's low end if n_x > 0 (else its high end),
        # t - u at u's high end if n_y > 0 (else its low end); each end the greatest
        # (least) of its side's lines, so one inequality for each pair of them.
        xs = none if not n_x else list(whole_down if n_x > 0 else whole_up)
        ys = none if not n_y else list(part_up if n_y > 0 else part_down)
        for x_side in xs:
            for y_side in ys:
                # n_x (k_j - m_j t - s) + n_y (t - k_k + m_k s) <= bound
                along_s, along_t, room = Fraction(0), Fraction(0), bound
                if x_side is not None:
                    m, k = x_side
                    along_s, along_t, room = along_s - n_x, along_t - n_x * m, room - n_x * k
                if y_side is not None:
                    m, k = y_side
                    along_s, along_t, room = along_s + n_y * m, along_t + n_y, room + n_y * k
                common = lcm(along_s.denominator, along_t.denominator)
                lines.add(
                    (
                        along_s.numerator * (common // along_s.denominator),
                        along_t.numerator * (common // along_t.denominator),
                        room * common,
                    )
                )
    found = Polygon(sorted(lines), signed=True, unit=unit)
    return None if found.empty else found


def _range(polygon: Polygon | _Shape, axis: int) -> tuple[int | None, int | None]:
    """The least and greatest ``axis`` coordinate of a polygon's points (``None``: unbounded).

    Whole numbers over the polygon's :attr:`~Polygon.scale`.
    """
    ends = [point[axis] for point in polygon.whole]
    low = None if any(ray[axis] < 0 for ray in polygon.rays) else min(ends)
    high = None if any(ray[axis] > 0 for ray in polygon.rays) else max(ends)
    return low, high


def _sides(
    polygon: Polygon | _Shape, axis: int
) -> tuple[list[tuple[Fraction, int, int]], list[tuple[Fraction, int, int]]]:
    """A polygon's lines with its other coordinate ``u``, as ``u <= k - m x`` and ``u >= k - m x``.

    ``x`` is the ``axis`` coordinate; each line ``a x + b u <= c`` with ``b > 0`` is
    an upper one with ``m = a / b``, ``k = c / b``; with ``b < 0`` a lower one (the
    inequality turns). Each as ``(m, n, d)`` with ``k = n / (d × unit)`` and
    ``d = |b|``, unreduced. Only lines through some vertex (``edges``): the others
    make no edge, so the rest allow the same points.
    """
    upper: list[tuple[Fraction, int, int]] = []
    lower: list[tuple[Fraction, int, int]] = []
    for line in polygon.edges:
        a, b, c = line[axis], line[1 - axis], line[2]
        if b > 0:
            upper.append((Fraction(a, b), c, b))
        elif b < 0:
            lower.append((Fraction(a, b), -c, -b))
    return upper, lower


def _bound(cache: dict[Any, Any], size: int) -> None:
    """Make room in a cache for one more entry: the oldest goes past ``size`` entries."""
    while len(cache) >= size:
        del cache[next(iter(cache))]


def _difference(total: Polygon, part: Polygon) -> list[tuple[int, int, int]]:
    """The half-planes of ``Q ⊕ -P``: the normals of both, at the sum of their supports."""
    found = []
    directions = {(a, b) for a, b, _ in total.lines} | {(-a, -b) for a, b, _ in part.lines}
    ordered = sorted(directions)
    highs = total.support_each(ordered)
    lows = part.support_each((-a, -b) for a, b in ordered)
    for (a, b), high, low in zip(ordered, highs, lows, strict=True):
        if high is not None and low is not None:
            found.append(whole_line(a, b, high + low))
    return found


def _missed(
    polygon: Polygon,
    normals: Normals,
    asked: Any,
    *,
    bounds: Any,
    margin: Any,
    bound: Callable[[int], int],
) -> list[int]:
    """The normals of ``asked`` whose half-plane some point of ``polygon`` breaks (exact).

    Floats rule out at once (for every normal) those the polygon's vertices keep
    far inside, whatever float rounding did; the rest are tested exactly.
    ``asked`` is an array of the normals' numbers, ``bounds`` and ``margin``
    arrays over every normal.
    """
    if not len(asked):
        return []
    chosen = np.asarray(asked, dtype=np.intp)
    unbounded = np.zeros(len(chosen), dtype=bool)
    for dx, dy in polygon.rays:
        unbounded |= normals.dot(dx, dy)[chosen] > 0
    directions = normals.floats[chosen]
    points = np.array(polygon.floats)
    reach = _products(directions, points).max(axis=1)
    size = _products(np.abs(directions), np.abs(points)).max(axis=1)
    guess = bounds[chosen] - margin[chosen]
    inside = ~unbounded & (reach + 1e-9 * size < guess)
    missed = []
    for number in np.nonzero(~inside)[0].tolist():
        k = int(chosen[number])
        if unbounded[number]:
            missed.append(k)
            continue
        found = polygon.support_whole(normals.exact[k])
        assert found is not None  # its rays are tested above
        # found / scale > bound / unit, in whole numbers.
        if found * polygon.unit > bound(k) * polygon.scale:
            missed.append(k)
    return missed


def _near(table: Any, first: int, margin: Any, far: float | None) -> Any:
    """The rows of ``table`` (its first ``first`` and the cuts) that may make an edge, in floats.

    The polygon of the first rows clipped by the few deepest cuts holds the one
    every row makes: a cut that leaves all of it inside by its margin makes no
    edge. Only proposes (the exact test adds what the floats miss).
    """
    every = np.arange(len(table))
    if len(table) - first < _PREFILTER:
        return every
    outer, emptied = clipped(box(table, far), table[:first])
    if emptied is None:
        outer, emptied = clipped(outer, table[first:], first, steps=_DEEPEST)
    if emptied is not None:
        return every
    points = np.array([(x, y) for x, y, _ in outer])
    cuts = table[first:]
    reach = _products(cuts[:, :2], points).max(axis=1)
    size = _products(np.abs(cuts[:, :2]), np.abs(points)).max(axis=1)
    keep = reach >= cuts[:, 2] - margin - _MARGIN * (np.abs(cuts[:, 2]) + size)
    return np.concatenate([every[:first], first + np.nonzero(keep)[0]])


def _edges(
    lines: Sequence[tuple[int, int, int]], directions: Any, bounds: Any, margin: Any
) -> list[int] | None:
    """The cuts ``directions · p <= bounds`` that make an edge of the polygon of ``lines`` and them.

    In floats; the cuts as arrays (rows of ``directions``), numbered as their rows.

    A box far larger than every bound stands for the plane, cut by the lines and
    the cuts in one pass by their angles (:func:`._outline.hull`), or, where that
    cannot tell, by the lines, then by the cuts (:func:`._outline.clipped`).
    Where that polygon reaches the box (or nothing is left), again in a box that
    holds every vertex (:func:`._outline.beyond`): a thin polygon far from 0, the
    tip of nearly parallel lines, lies beyond four times the largest bound.
    Generous: a cut within its margin of the polygon counts. Where the cuts
    leave nothing, those that made its last edges and the one that emptied it;
    ``None`` where the lines alone leave nothing in floats (too thin to tell):
    the general engine answers then.
    """
    if not len(bounds):
        return []
    sides = [(a / n, b / n, c / n) for a, b, c in lines for n in [max(abs(a), abs(b))]]
    table = np.vstack([np.array(sides).reshape(-1, 3), np.column_stack([directions, bounds])])
    found = _outlined(table, len(lines), margin, None)
    if found is None or found[1] is not None or touches(found[0]):
        normal = max(
            max((max(abs(a), abs(b)) for a, b, _ in lines), default=0),
            float(np.abs(directions).max()),
        )
        far = beyond(float(normal), float(max(np.abs(table[:, 2]).max(), 1.0) * normal))
        found = _outlined(table, len(lines), margin, far) or found
    if found is None:
        return None
    polygon, emptied = found
    if emptied is not None:
        # Nothing left: the cuts that made the last edges and this one, for the
        # exact test to show empty (the claims cannot hold) or to add to.
        edges = {own - len(lines) for _, _, own in polygon if own >= len(lines)}
        return sorted(edges | {emptied - len(lines)})
    found_cuts = {label - len(lines) for _, _, label in polygon if label >= len(lines)}
    # A cut the polygon touches, or nearly, may be an edge the floats lost.
    points = np.array([(x, y) for x, y, _ in polygon])
    reach = _products(directions, points).max(axis=1)
    size = _products(np.abs(directions), np.abs(points)).max(axis=1)
    touching = reach >= bounds - margin - _MARGIN * (np.abs(bounds) + size)
    found_cuts.update(int(number) for number in np.nonzero(touching)[0])
    return sorted(found_cuts)


def _outlined(
    table: Any, first: int, margin: Any, far: float | None
) -> tuple[list[Vertex], int | None] | None:
    """The box clipped by the rows of ``table`` (the first ``first`` the lines, then the cuts).

    With the row that left nothing (``None``: something is left); ``None`` where
    the lines alone leave nothing.
    """
    near = _near(table, first, margin, far)
    found_hull = hull(table[near], far)
    if found_hull is not None:
        # Back to the rows' own numbers.
        return [
            (x, y, label if label < 0 else int(near[label])) for x, y, label in found_hull
        ], None
    polygon, emptied = clipped(box(table, far), table[:first])
    if emptied is not None:
        return None
    return clipped(polygon, table[first:], first)
