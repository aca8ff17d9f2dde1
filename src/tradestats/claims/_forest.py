"""Private: exact ranges of values that claims tie two at a time, with no cycle among them.

A flow over many years (a value and a growth rate a year) is a chain: each
growth rate ties two consecutive values, each published value bounds one. Where
every claim of a group ties at most two values, and those ties form no cycle (a
chain, or a tree such as a total and the shares of its parts), the values the
claims allow split at every tie into the two sides' own values, and two passes
over each tree answer the check's questions exactly, with no linear program of
the whole:

* leaves to root, then root to leaves, the range each side allows for the value
  at its end (a *message*: the exact projection of that side, a polygon's
  extremes, :mod:`tradestats.claims._plane`);
* a value's exact range: its own bounds and every message into it;
* a tie's two values with one claim left out: the tie's other rows and each
  value's range from everything else (so the figure of a growth rate left out);
* where the claims cannot hold, which claims make a range empty: each end of a
  range keeps the claims that bound it.

Every number is a fraction: the ranges are exact, however large the values of
a long chain grow.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple

from tradestats.claims._linear import Row, on_time
from tradestats.claims._plane import Line, emptiness, extremes

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Mapping, Sequence

__all__ = ["Forest", "Range", "is_forest"]

_ZERO: Final = Fraction(0)


class Why(NamedTuple):
    """The claims behind an end of a range: its own, and those of the ends it came from."""

    claims: tuple[str, ...]
    parents: tuple[Why, ...]


def _claims(roots: Iterable[Why | None]) -> frozenset[str]:
    """Every claim behind some ends (shared parents visited once)."""
    found: set[str] = set()
    seen: set[int] = set()
    stack = [root for root in roots if root is not None]
    while stack:
        why = stack.pop()
        if id(why) in seen:
            continue
        seen.add(id(why))
        found.update(why.claims)
        stack.extend(why.parents)
    return frozenset(found)


def _why(tags: Iterable[Hashable]) -> Why | None:
    """The reason of an end held by lines with these tags (claim ids, ends' reasons, None)."""
    claims: list[str] = []
    parents: list[Why] = []
    for tag in tags:
        if isinstance(tag, str):
            claims.append(tag)
        elif isinstance(tag, Why):
            parents.append(tag)
    return Why(tuple(claims), tuple(parents)) if claims or parents else None


class Range(NamedTuple):
    """A value's range, ``None`` for an open end, with the reason of each end.

    Empty when ``low > high``: then each end's reason is the claims that leave it
    empty (build empty ranges with :meth:`meet`).
    """

    low: Fraction | None
    high: Fraction | None
    low_by: Why | None = None
    high_by: Why | None = None

    @property
    def empty(self) -> bool:
        """Whether no value is in it."""
        return self.low is not None and self.high is not None and self.low > self.high

    def meet(self, other: Range) -> Range:
        """The values in both."""
        low, low_by = self.low, self.low_by
        if other.low is not None and (low is None or other.low > low):
            low, low_by = other.low, other.low_by
        high, high_by = self.high, self.high_by
        if other.high is not None and (high is None or other.high < high):
            high, high_by = other.high, other.high_by
        if low is not None and high is not None and low > high:
            # Either end of an empty range may be read alone: each holds the whole reason.
            why = _why([low_by, high_by])
            return Range(low, high, why, why)
        return Range(low, high, low_by, high_by)

    def lines(self, coordinate: int) -> list[Line]:
        """The range as lines on ``x`` (coordinate 0) or ``y`` (1), tagged with their reasons."""
        found = []
        if self.low is not None:
            found.append(
                Line(-1, 0, -self.low, self.low_by)
                if coordinate == 0
                else Line(0, -1, -self.low, self.low_by)
            )
        if self.high is not None:
            found.append(
                Line(1, 0, self.high, self.high_by)
                if coordinate == 0
                else Line(0, 1, self.high, self.high_by)
            )
        return found

    def claims(self) -> frozenset[str]:
        """The claims behind both ends: for an empty range, claims that cannot hold together."""
        return _claims([self.low_by, self.high_by])


_ANY: Final = Range(None, None)
_NON_NEGATIVE: Final = Range(_ZERO, None)


def _edge(row: Row) -> tuple[int, ...]:
    return tuple(sorted(j for j, c in row.coefficients.items() if c))


def is_forest(rows: Mapping[str, Sequence[Row]]) -> bool:
    """Whether each claim's rows tie at most two values, one pair per claim, with no cycle.

    Several claims may tie the same two values (a growth rate and a multiplier):
    their rows make one tie.
    """
    parent: dict[int, int] = {}

    def root(j: int) -> int:
        while parent.setdefault(j, j) != j:
            parent[j] = parent[parent[j]]
            j = parent[j]
        return j

    ties: set[tuple[int, int]] = set()
    for claim_rows in rows.values():
        pairs = {_edge(row) for row in claim_rows} - {()}
        named = tuple(sorted({j for pair in pairs for j in pair}))
        if len(named) > 2 or (len(named) == 2 and named not in pairs):
            return False  # a claim's rows name one value, or two tied by one of them
        for pair in pairs:
            if len(pair) > 2:
                return False
            if len(pair) == 2 and pair not in ties:
                first, second = root(pair[0]), root(pair[1])
                if first == second:
                    return False  # a cycle
                parent[first] = second
                ties.add((pair[0], pair[1]))
    return True


class Forest:
    """The exact ranges of the values some claims tie in a forest (see :func:`is_forest`).

    Args:
        rows: Each claim's rows (on one value or one pair of values).
        free: The values that may be below 0 (the others are 0 or more).
        deadline: A ``time.monotonic()`` past which the passes raise ``OutOfTime``.
    """

    def __init__(
        self,
        rows: Mapping[str, Sequence[Row]],
        free: frozenset[int] = frozenset(),
        *,
        deadline: float | None = None,
    ) -> None:
        self._own: dict[int, list[tuple[str, Row]]] = {}
        self._ties: dict[tuple[int, int], list[tuple[str, Row]]] = {}
        #: Claims with a row that no values meet (a fall of more than 100%).
        self.broken: frozenset[str] = frozenset(
            claim_id
            for claim_id, claim_rows in rows.items()
            for row in claim_rows
            if not _edge(row) and not _holds_empty(row)
        )
        neighbours: dict[int, list[int]] = {}
        #: The values each claim's rows name.
        self._place: dict[str, tuple[int, ...]] = {}
        for claim_id, claim_rows in rows.items():
            self._place[claim_id] = tuple(sorted({j for row in claim_rows for j in _edge(row)}))
            for row in claim_rows:
                pair = _edge(row)
                if len(pair) == 1:
                    self._own.setdefault(pair[0], []).append((claim_id, row))
                elif len(pair) == 2:
                    if pair not in self._ties:
                        self._ties[pair] = []
                        neighbours.setdefault(pair[0], []).append(pair[1])
                        neighbours.setdefault(pair[1], []).append(pair[0])
                    self._ties[pair].append((claim_id, row))
                for j in pair:
                    neighbours.setdefault(j, [])
        self._free = free
        self._neighbours = neighbours
        self._base = {j: self._own_range(j) for j in neighbours}
        #: The range of ``(to)`` that the side of ``(from)`` allows, by ``(from, to)``.
        self._messages: dict[tuple[int, int], Range] = {}
        #: The first value of each value's tree.
        self._tree: dict[int, int] = {}
        #: The first range the pass from the leaves left empty: where the claims break.
        self._emptied: Range | None = None
        self._emptied_tree = -1
        self._passes(deadline)
        self._ranges = {j: self._into(j) for j in neighbours}
        self._empty_trees = {self._tree[j] for j, found in self._ranges.items() if found.empty}

    def _own_range(self, j: int, *, without: str | None = None) -> Range:
        """A value's range from its own rows (published values) and its sign."""
        found = _ANY if j in self._free else _NON_NEGATIVE
        for claim_id, row in self._own.get(j, ()):
            if claim_id != without:
                found = found.meet(_bound(claim_id, row, j))
        return found

    def _passes(self, deadline: float | None) -> None:
        """Every message: leaves to root, then root to leaves, for each tree."""
        seen: set[int] = set()
        for start in sorted(self._neighbours):
            if start in seen:
                continue
            order, parent = [start], {start: start}
            seen.add(start)
            self._tree[start] = start
            for j in order:  # breadth first: the list grows as it is read
                for k in self._neighbours[j]:
                    if k not in seen:
                        seen.add(k)
                        self._tree[k] = start
                        parent[k] = j
                        order.append(k)
            for j in reversed(order):
                on_time(deadline)
                # Everything below j, met at j: the first such range to come out empty
                # is where the claims below it break, and its ends say which.
                below = self._into(j, but=parent[j] if parent[j] != j else None)
                if below.empty and self._emptied is None:
                    self._emptied, self._emptied_tree = below, start
                if parent[j] != j:
                    self._messages[(j, parent[j])] = self._project(j, parent[j], below)
            for j in order:
                on_time(deadline)
                children = [k for k in self._neighbours[j] if parent[k] == j and k != j]
                # Each child gets what all the others say: prefix and suffix meets.
                above = self._base[j]
                if parent[j] != j:
                    above = above.meet(self._messages[(parent[j], j)])
                prefix = [above]
                for k in children:
                    prefix.append(prefix[-1].meet(self._messages[(k, j)]))
                suffix = _ANY
                for index in range(len(children) - 1, -1, -1):
                    k = children[index]
                    self._messages[(j, k)] = self._project(j, k, prefix[index].meet(suffix))
                    suffix = suffix.meet(self._messages[(k, j)])

    def _into(self, j: int, *, but: int | None = None, without: str | None = None) -> Range:
        """A value's own range met with every message into it (but the one from ``but``).

        ``without``: a claim whose own rows on ``j`` are left out.
        """
        found = self._base[j] if without is None else self._own_range(j, without=without)
        for k in self._neighbours[j]:
            if k != but and (k, j) in self._messages:
                found = found.meet(self._messages[(k, j)])
        return found

    def _tie_lines(self, source: int, target: int, *, without: str | None = None) -> list[Line]:
        """The rows of a tie as lines in ``x = source``, ``y = target``, tagged by claim."""
        pair = (source, target) if source < target else (target, source)
        found: list[Line] = []
        for claim_id, row in self._ties[pair]:
            if claim_id != without:
                found.extend(_lines(claim_id, row, source, target))
        return found

    def _project(self, source: int, target: int, allowed: Range) -> Range:
        """The range of ``target`` that a tie allows with ``source`` in ``allowed``."""
        if allowed.empty:
            return Range(Fraction(1), _ZERO, allowed.low_by, allowed.low_by)
        lines = [*self._tie_lines(source, target), *allowed.lines(0)]
        found = extremes(lines, (0, 1))
        if found is None:
            why = _why([line.tag for line in lines])
            return Range(Fraction(1), _ZERO, why, why)
        return Range(found.low, found.high, _why(found.low_by), _why(found.high_by))

    # -- answers -----------------------------------------------------------------------

    @property
    def feasible(self) -> bool:
        """Whether the claims can all hold together (with bases of 0 allowed)."""
        return not self.broken and not self._empty_trees

    def conflict(self) -> frozenset[str] | None:
        """Claims that cannot hold together, or ``None`` if they all can."""
        if self.broken:
            return frozenset([min(self.broken)])
        return None if self._emptied is None else self._emptied.claims()

    def range(self, j: int) -> Range:
        """The exact range of value ``j`` under every claim (open for a value no claim names)."""
        found = self._ranges.get(j)
        if found is None:
            return _ANY if j in self._free else _NON_NEGATIVE
        return found

    def alone(self, j: int, *, without: str) -> Range:
        """The range of value ``j`` under every claim but ``without`` (one of its own)."""
        if j not in self._neighbours:
            return _ANY if j in self._free else _NON_NEGATIVE
        found = self._own_range(j, without=without)
        for k in self._neighbours[j]:
            found = found.meet(self._messages[(k, j)])
        return found

    def pair(self, x: int, y: int, *, without: str | None = None) -> list[Line] | None:
        """The values ``(x, y)`` of a tie may take under every claim but ``without``, as lines.

        ``None`` if ``x`` and ``y`` are not tied.
        """
        pair = (x, y) if x < y else (y, x)
        if pair not in self._ties:
            return None
        return [
            *self._tie_lines(x, y, without=without),
            *self._into(x, but=y, without=without).lines(0),
            *self._into(y, but=x, without=without).lines(1),
        ]

    def feasible_without(self, claim_id: str) -> bool:
        """Whether every claim but one can hold together, from this forest's messages alone."""
        if self.broken - {claim_id}:
            return False
        place = self._place.get(claim_id, ())
        if not place:
            return not self._empty_trees
        return not self._empty_trees - {self._tree[place[0]]} and self.tree_without(claim_id)

    def conflict_without(self, claim_id: str) -> frozenset[str] | None:
        """Claims other than ``claim_id`` that cannot hold together, from this forest alone.

        ``None`` if there are none, or none this forest can name without ``claim_id``.
        """
        found: frozenset[str] | None = None
        place = self._place.get(claim_id, ())
        if self.broken - {claim_id}:
            found = frozenset([min(self.broken - {claim_id})])
        elif self._emptied is not None and (
            not place or self._tree[place[0]] != self._emptied_tree
        ):
            found = self._emptied.claims()
        elif len(place) == 1:
            alone = self.alone(place[0], without=claim_id)
            found = alone.claims() if alone.empty else None
        elif place:
            lines = self.pair(place[0], place[1], without=claim_id)
            assert lines is not None  # the claim's rows tie its two values
            tags = emptiness(lines)
            found = None if tags is None else _claims([_why(tags)])
        return None if found is None or claim_id in found else found

    def tree_without(self, claim_id: str) -> bool:
        """Whether the other claims of a claim's tree can hold together (ignoring broken ones).

        Every side of the claim's values says what it allows them (the claim is in
        none of those sides): they can hold if those meet.
        """
        place = self._place.get(claim_id, ())
        if not place:
            return True
        if len(place) == 1:
            return not self.alone(place[0], without=claim_id).empty
        lines = self.pair(place[0], place[1], without=claim_id)
        assert lines is not None  # the claim's rows tie its two values
        return emptiness(lines) is None


def _holds_empty(row: Row) -> bool:
    """Whether a row that names no value holds (``0 sense rhs``)."""
    if row.sense == "<=":
        return row.rhs >= 0
    if row.sense == ">=":
        return row.rhs <= 0
    return not row.rhs


def _bound(claim_id: str, row: Row, j: int) -> Range:
    """The range a row on one value allows it."""
    coefficient = Fraction(row.coefficients[j])
    end = Fraction(row.rhs) / coefficient
    why = Why((claim_id,), ())
    upper = (row.sense == "<=") == (coefficient > 0)
    if row.sense == "=":
        return Range(end, end, why, why)
    return Range(None, end, None, why) if upper else Range(end, None, why, None)


def _lines(claim_id: str, row: Row, x: int, y: int) -> list[Line]:
    """A row on ``x`` and ``y`` as half-planes ``a x + b y <= c``."""
    a, b = Fraction(row.coefficients.get(x, 0)), Fraction(row.coefficients.get(y, 0))
    c = Fraction(row.rhs)
    if row.sense == "<=":
        return [Line(a, b, c, claim_id)]
    if row.sense == ">=":
        return [Line(-a, -b, -c, claim_id)]
    return [Line(a, b, c, claim_id), Line(-a, -b, -c, claim_id)]
