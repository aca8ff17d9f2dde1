"""Private: claims in percentage points as constraints of the check, by slicing a ratio.

A change of share and a difference of growth rates say ``a/b - c/d ∈ P`` with both
bases above 0; a contribution share (贡献率) says ``(a - b)/(c - d) ∈ Q``. Neither is
a linear row, so the linear programs of :mod:`tradestats.claims._network` cannot hold
them. What they can hold is a *piece*:

- a contribution share with the sign ``σ`` of the total's change is exactly linear:
  ``σ(c - d) >= 0`` and ``Q.low × σ(c - d) <= σ(a - b) <= Q.high × σ(c - d)``; the
  two signs cover it;
- a difference of two ratios with the second held in a slice ``lo <= c/d <= hi`` is
  held by the linear rows ``lo × d <= c <= hi × d`` and ``(lo + P.low) × b <= a <=
  (hi + P.high) × b`` (an *outer* piece: every value that meets the claim with
  ``c/d`` in the slice meets them), and with ``c/d`` fixed at one ``t`` by ``c = t ×
  d`` and ``(t + P.low) × b <= a <= (t + P.high) × b`` (an *inner* piece: every value
  that meets those meets the claim).

A *box* gives each such claim a slice (or a sign). The claims hold together when
the inner piece of some box holds (a witness: the exact check of the other
claims, positive bases included, finds values there), and cannot when the outer
pieces of boxes that cover every slice all fail. Between the two, a box is
narrowed (the ranges the outer piece allows for ``a/b`` and ``c/d``, each an exact
linear-fractional program, cut the slice: ``c/d ∈ (a/b) - P``) and split in two.
Ranges of figures are hulls over the outer pieces of the boxes left, and so hold
every value the claims allow. Sound at every step: a box is dropped only when its
outer piece is proved empty, and the search that runs out of boxes before it
finds a witness or an empty cover says the claims hold (never a false alarm).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Protocol, TypeAlias

from attrs import frozen

from tradestats.claims._linear import Infeasible, Row, linear_sum
from tradestats.claims._narrowing import Refined, Scaling, Span, outward

if TYPE_CHECKING:
    from tradestats.periods import Period

__all__ = ["Box", "Host", "Relation", "cover", "holds", "implied"]

#: A variable of the network: the value of a flow in a period.
Key: TypeAlias = tuple[str, "Period"]
#: What a box says of one relation: a slice ``(low, high)`` of its second ratio
#: (``high`` ``None``: unbounded), or the sign of a contribution share's total change.
Cut: TypeAlias = tuple[Fraction, Fraction | None] | int
Box: TypeAlias = tuple[Cut, ...]

_ZERO: Final = Fraction(0)
_ONE: Final = Fraction(1)
_HALF: Final = Fraction(1, 2)
#: Boxes one feasibility question may look at before it gives up (and says "holds").
_SEARCH: Final = 32
#: Rounds of narrowing a box in a row; a round that takes less than this fraction of
#: a slice's width ends them.
_ROUNDS: Final = 2
_PROGRESS: Final = Fraction(1, 20)
#: Splits for one end of one figure's range: each halves the slice that holds it.
_SPLITS: Final = 1
#: An end that moves by less than this fraction of its range's width has settled.
_SETTLED: Final = Decimal(2) ** -10


@frozen
class Relation:
    """A claim in points as the relation of four values.

    Args:
        claim_id: The claim's id.
        quotient: ``True`` for a contribution share ``(a - b)/(c - d)``, ``False`` for
            a difference of ratios ``a/b - c/d``.
        keys: The four values ``a, b, c, d``.
        columns: Their variable numbers in the linear programs.
        low: The published figure's low end as a fraction (points / 100), or
            ``None`` if open.
        high: Its high end, or ``None`` if open.
    """

    claim_id: str
    quotient: bool
    keys: tuple[Key, Key, Key, Key]
    columns: tuple[int, int, int, int]
    low: Fraction | None
    high: Fraction | None

    def start(self) -> list[Cut]:
        """The cuts that cover every value: both signs, or every ratio of 0 or more."""
        if self.quotient:
            return [1, -1]
        return [(_ZERO, None)]

    def outer(self, cut: Cut) -> list[Row]:
        """Rows that every value meeting the claim within ``cut`` meets."""
        a, b, c, d = self.columns
        if isinstance(cut, int):
            return self._signed(cut)
        low, high = cut
        rows = [Row(linear_sum([(c, 1), (d, -low)]), ">=", 0)]
        if high is not None:
            rows.append(Row(linear_sum([(c, 1), (d, -high)]), "<=", 0))
        if self.low is not None:
            rows.append(Row(linear_sum([(a, 1), (b, -(low + self.low))]), ">=", 0))
        if self.high is not None and high is not None:
            rows.append(Row(linear_sum([(a, 1), (b, -(high + self.high))]), "<=", 0))
        return rows

    def inner(self, cut: Cut) -> list[Row]:
        """Rows whose every value meets the claim: the second ratio fixed inside ``cut``."""
        if isinstance(cut, int):
            return self._signed(cut)
        a, b, c, d = self.columns
        t = _inside(cut)
        rows = [Row(linear_sum([(c, 1), (d, -t)]), "=", 0)]
        if self.low is not None:
            rows.append(Row(linear_sum([(a, 1), (b, -(t + self.low))]), ">=", 0))
        if self.high is not None:
            rows.append(Row(linear_sum([(a, 1), (b, -(t + self.high))]), "<=", 0))
        return rows

    def scalings(self, cut: Cut, *, inner: bool = False) -> list[Scaling]:
        """The rows of :meth:`outer` (or :meth:`inner`) that propagation can use, rounded out.

        With them, a base the piece keeps above 0 needs no linear program to say so.
        """
        if isinstance(cut, int):
            return []
        a, b, c, d = self.keys
        low, high = (_inside(cut), _inside(cut)) if inner else cut
        found = [Scaling(c, d, outward(low, high))]
        if self.low is not None:
            top = None if high is None or self.high is None else high + self.high
            found.append(Scaling(a, b, outward(low + self.low, top)))
        return found

    def _signed(self, sign: int) -> list[Row]:
        """A contribution share with its total's change of sign ``sign`` (or 0): exact."""
        a, b, c, d = self.columns
        change = linear_sum([(c, sign), (d, -sign)])
        rows = [Row(change, ">=", 0)]
        part = [(a, sign), (b, -sign)]
        if self.low is not None:
            rows.append(
                Row(linear_sum([*part, (c, -sign * self.low), (d, sign * self.low)]), ">=", 0)
            )
        if self.high is not None:
            rows.append(
                Row(linear_sum([*part, (c, -sign * self.high), (d, sign * self.high)]), "<=", 0)
            )
        return rows


class Host(Protocol):
    """What the search needs of the network: pieces, and exact answers over them."""

    #: The boxes narrowed under some claims so far (the relations are those claims'):
    #: whether the claims hold and the figures they imply narrow the same boxes.
    narrowed: dict[tuple[frozenset[str], Box], Box | None]

    def with_rows(
        self,
        rows: Mapping[str, Sequence[Row]],
        constraints: Mapping[str, Sequence[Scaling]] | None = None,
        *,
        inside: Iterable[Host] = (),
    ) -> Host:
        """A copy in which the claims of ``rows`` hold those rows, propagating ``constraints``.

        ``inside``: pieces that allow every value this one does, whose minima it may
        inherit (see :mod:`._extremes`).
        """
        ...

    def nonnegative(self, keys: Iterable[Key]) -> bool:
        """Whether every value of ``keys`` is 0 or more wherever the rows hold (no balance)."""
        ...

    def holds(self, claim_ids: Iterable[str]) -> bool:
        """Whether the claims may all hold, exactly (positive bases included)."""
        ...

    def ratio(
        self,
        claim_ids: Iterable[str],
        numerator: Iterable[tuple[Key, int]],
        denominator: Iterable[tuple[Key, int]],
    ) -> Span | None:
        """The exact range of a ratio of two sums of values, or ``None``."""
        ...

    def sign(self, claim_ids: frozenset[str], first: Key, second: Key) -> int:
        """The sign of ``first - second`` wherever the claims (but those in points) hold.

        ``1`` or ``-1`` where propagation shows it, else ``0``: sound, never exact.
        """
        ...

    def guess(self, claim_ids: frozenset[str], relations: Sequence[Relation]) -> bool:
        """Whether a point guessed first, and checked exactly, shows the claims hold.

        ``False`` says nothing: the search decides.
        """
        ...


def _inside(cut: tuple[Fraction, Fraction | None]) -> Fraction:
    """A point of a slice: its middle, or past its low end for an unbounded one."""
    low, high = cut
    return low + 1 + low if high is None else (low + high) * _HALF


def _within(cut: Cut, outer: Cut) -> bool:
    """Whether ``cut`` is inside ``outer``: the same sign, or a slice within the slice."""
    if isinstance(cut, int) or isinstance(outer, int):
        return cut == outer
    return cut[0] >= outer[0] and (outer[1] is None or (cut[1] is not None and cut[1] <= outer[1]))


def _fraction(end: Decimal) -> Fraction | None:
    """A finite end of a span as a fraction; ``None`` for an infinite one."""
    return Fraction(end) if end.is_finite() else None


class _Search:
    """Boxes of the relations of one set of claims, narrowed and split on demand."""

    def __init__(self, host: Host, key: frozenset[str], relations: Sequence[Relation]) -> None:
        self.host, self.key, self.relations = host, key, relations
        self.pieces: dict[Box, Host] = {}
        #: The sign of each contribution share's total change that propagation tells.
        self.signs: dict[str, int] = {}
        # A narrower slice tightens a piece's rows only where its bases are 0 or more.
        self.nested = host.nonnegative(
            key for r in relations if not r.quotient for key in (r.keys[1], r.keys[3])
        )

    def piece(self, box: Box, *, inner: bool = False) -> Host:
        """The network with each relation's rows for its cut in ``box``."""
        pairs = list(zip(self.relations, box, strict=True))
        scalings = {r.claim_id: r.scalings(cut, inner=inner) for r, cut in pairs}
        if inner:
            return self.host.with_rows({r.claim_id: r.inner(cut) for r, cut in pairs}, scalings)
        if box not in self.pieces:
            self.pieces[box] = self.host.with_rows(
                {r.claim_id: r.outer(cut) for r, cut in pairs}, scalings, inside=self.around(box)
            )
        return self.pieces[box]

    def around(self, box: Box) -> list[Host]:
        """The latest outer piece whose box holds ``box`` (it allows every value ``box``'s does)."""
        if self.nested:
            for outer, piece in reversed(self.pieces.items()):
                if all(map(_within, box, outer)):
                    return [piece]
        return []

    def roots(self) -> list[Box]:
        """Boxes that together cover every value: one per choice of the signs."""
        boxes: list[Box] = [()]
        for relation in self.relations:
            boxes = [(*box, cut) for box in boxes for cut in relation.start()]
        return boxes

    def narrow(self, box: Box) -> Box | None:
        """``box`` with each slice cut to what its outer piece allows; ``None``: nothing."""
        asked = (self.key, box)
        if asked not in self.host.narrowed:
            self.host.narrowed[asked] = None if self._signless(box) else self._narrow(box)
        return self.host.narrowed[asked]

    def _signless(self, box: Box) -> bool:
        """Whether a total's change in ``box`` has a sign the other claims rule out.

        Such a box's outer piece is empty (its rows say ``σ(c - d) >= 0``), and
        propagation shows it without building the piece's model.
        """
        for relation, cut in zip(self.relations, box, strict=True):
            if isinstance(cut, int):
                _, _, c, d = relation.keys
                if relation.claim_id not in self.signs:
                    self.signs[relation.claim_id] = self.host.sign(self.key, c, d)
                if self.signs[relation.claim_id] == -cut:
                    return True
        return False

    def _narrow(self, box: Box) -> Box | None:
        for _ in range(_ROUNDS):
            piece = self.piece(box)
            if not piece.holds(self.key):
                return None
            cuts = list(box)
            moved = False
            try:
                for number, relation in enumerate(self.relations):
                    cut = cuts[number]
                    if isinstance(cut, int):
                        continue
                    narrowed = self._narrowed(piece, relation, cut)
                    if narrowed is None:
                        return None
                    moved = moved or _moved(cut, narrowed)
                    cuts[number] = narrowed
            except Infeasible:  # pragma: no cover - the piece holds
                return None
            box = tuple(cuts)
            if not moved:
                break
        return box

    def _narrowed(
        self, piece: Host, relation: Relation, cut: tuple[Fraction, Fraction | None]
    ) -> tuple[Fraction, Fraction | None] | None:
        """The slice cut to ``c/d`` and to ``a/b - P`` as the piece allows them."""
        a, b, c, d = relation.keys
        low, high = cut
        second = piece.ratio(self.key, [(c, 1)], [(d, 1)])
        first = piece.ratio(self.key, [(a, 1)], [(b, 1)])
        ends: list[tuple[Fraction | None, Fraction | None]] = []
        if second is not None:
            ends.append((_fraction(second.low), _fraction(second.high)))
        if first is not None:
            top, bottom = _fraction(first.high), _fraction(first.low)
            ends.append(
                (
                    None if bottom is None or relation.high is None else bottom - relation.high,
                    None if top is None or relation.low is None else top - relation.low,
                )
            )
        for lowest, highest in ends:
            if lowest is not None and lowest > low:
                low = lowest
            if highest is not None and (high is None or highest < high):
                high = highest
        if high is not None and high < low:
            return None
        return low, high

    def witness(self, box: Box) -> bool:
        """Whether the inner piece of ``box`` holds: then the claims hold together."""
        return self.piece(box, inner=True).holds(self.key)

    def split(self, box: Box) -> list[Box]:
        """``box`` cut in two along its widest slice (none left to cut: no boxes)."""
        best, widest = None, _ZERO
        for number, cut in enumerate(box):
            if isinstance(cut, int):
                continue
            low, high = cut
            width = (abs(low) + 1) * 4 if high is None else high - low
            if best is None or width > widest:
                best, widest = number, width
        if best is None or not widest:
            return []
        cut = box[best]
        assert not isinstance(cut, int)
        middle = _inside(cut)
        return [
            (*box[:best], (cut[0], middle), *box[best + 1 :]),
            (*box[:best], (middle, cut[1]), *box[best + 1 :]),
        ]


def _moved(old: tuple[Fraction, Fraction | None], new: tuple[Fraction, Fraction | None]) -> bool:
    """Whether narrowing a slice took enough of it to try another round."""
    if (old[1] is None) != (new[1] is None):
        return True
    if old[1] is None or new[1] is None:
        return new[0] - old[0] > abs(old[0]) * _PROGRESS
    return (old[1] - old[0]) - (new[1] - new[0]) > (old[1] - old[0]) * _PROGRESS


def holds(host: Host, key: frozenset[str], relations: Sequence[Relation]) -> bool:
    """Whether the claims ``key`` may all hold, with their claims in points ``relations``.

    ``host`` answers for the other claims of ``key`` (which must hold without the
    relations for this to be asked). Exact when it finds a witness or an empty
    cover within its search; otherwise ``True``, which is sound.
    """
    if host.guess(key, relations):
        return True
    search = _Search(host, key, relations)
    boxes = list(search.roots())
    looked = 0
    while boxes and looked < _SEARCH:
        box = boxes.pop(0)
        looked += 1
        narrowed = search.narrow(box)
        if narrowed is None:
            continue
        if search.witness(narrowed):
            return True
        halves = search.split(narrowed)
        # A slice too thin to split and no witness in it: keep it, undecided.
        boxes.extend(halves or [narrowed])
        if not halves:
            break
    return bool(boxes)


#: What one piece says of the figure: its spans and figures, or ``None`` if it holds nothing.
Evaluate: TypeAlias = Callable[[Host], "Refined | None"]


def implied(
    host: Host,
    key: frozenset[str],
    relations: Sequence[Relation],
    evaluate: Evaluate,
    *,
    budget: int,
) -> Refined | None:
    """What the claims ``key`` imply for a figure: the hull over the outer pieces left.

    ``evaluate`` reads the figure (by period) and the spans from one piece. The box
    holding a figure's lowest (highest) end is split again, up to ``budget`` (at
    most a few) times per end, until that end settles.

    Returns:
        The hulls, or ``None`` if no box holds any value.
    """
    search = _Search(host, key, relations)
    leaves: list[tuple[Box, Refined]] = []
    for root in search.roots():
        narrowed = search.narrow(root)
        if narrowed is not None and (found := evaluate(search.piece(narrowed))) is not None:
            leaves.append((narrowed, found))
    if not leaves:
        return None
    periods = list(leaves[0][1].figures)
    for period in periods:
        for low in (True, False):
            _refine_end(search, leaves, evaluate, period, low=low, budget=min(budget, _SPLITS))
            if not leaves:  # pragma: no cover - the claims hold, so some box does
                return None
    spans = {name: _hull([found.spans[name] for _, found in leaves]) for name in leaves[0][1].spans}
    figures = {name: _hull([found.figures[name] for _, found in leaves]) for name in periods}
    return Refined(spans, figures, len(leaves))


def _refine_end(
    search: _Search,
    leaves: list[tuple[Box, Refined]],
    evaluate: Evaluate,
    period: Hashable,
    *,
    low: bool,
    budget: int,
) -> None:
    """Split the box that holds one end of a figure until the end settles."""

    def end(leaf: tuple[Box, Refined]) -> Decimal:
        span = leaf[1].figures[period]
        return span.low if low else span.high

    def extreme() -> tuple[Box, Refined]:
        return min(leaves, key=end) if low else max(leaves, key=end)

    for _ in range(budget):
        box, found = extreme()
        before = end((box, found))
        if not before.is_finite():
            return
        halves = search.split(box)
        if not halves:
            return
        leaves.remove((box, found))
        for half in halves:
            narrowed = search.narrow(half)
            if narrowed is not None and (child := evaluate(search.piece(narrowed))) is not None:
                leaves.append((narrowed, child))
        if not leaves:
            return
        width = found.figures[period].width
        if width.is_finite() and abs(end(extreme()) - before) <= width * _SETTLED:
            return


def _hull(spans: Sequence[Span]) -> Span:
    return Span(min(span.low for span in spans), max(span.high for span in spans))


#: A group with more contribution shares than this is not split by sign for its figures.
_SIGNS: Final = 6


def cover(
    host: Host, key: frozenset[str], relations: Sequence[Relation]
) -> tuple[dict[str, list[Row]], dict[str, list[Scaling]], list[Host]]:
    """Rows that every value the claims ``key`` allow meets, for the relations: one piece.

    Each box that covers a choice of signs is narrowed; a relation's slice over all
    of them (their hull) holds it, and a contribution share's sign, where every box
    left agrees on it. Sound, and as tight as the first narrowing: for the figures a
    report implies, which need one set of linear programs for every claim together.

    Returns:
        The rows and propagation's constraints by claim, and the pieces of the
        narrowing that allow every value those rows do (see :mod:`._extremes`).
    """
    search = _Search(host, key, relations)
    signs = sum(relation.quotient for relation in relations)
    roots = search.roots() if signs <= _SIGNS else [tuple(r.start()[0] for r in relations)]
    left = [box for box in map(search.narrow, roots) if box is not None]
    rows: dict[str, list[Row]] = {}
    scalings: dict[str, list[Scaling]] = {}
    if not left:  # pragma: no cover - the claims hold, so some box does
        return rows, scalings, []
    hull: list[Cut] = []
    for number, relation in enumerate(relations):
        cuts = [box[number] for box in left]
        first = cuts[0]
        if isinstance(first, int):
            if signs <= _SIGNS and all(cut == first for cut in cuts):
                rows[relation.claim_id] = relation.outer(first)
                hull.append(first)
            continue
        slices = [cut for cut in cuts if not isinstance(cut, int)]
        highs = [high for _, high in slices]
        cut: Cut = (
            min(low for low, _ in slices),
            None if None in highs else max(high for high in highs if high is not None),
        )
        rows[relation.claim_id] = relation.outer(cut)
        scalings[relation.claim_id] = relation.scalings(cut)
        hull.append(cut)
    # A relation with no rows here (its sign left open) bounds nothing: no piece holds it.
    inside = search.around(tuple(hull)) if len(hull) == len(relations) else []
    return rows, scalings, inside
