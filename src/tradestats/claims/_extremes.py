"""Private: minima a piece inherits from a larger piece that holds it.

A piece of :mod:`tradestats.claims._points` narrowed from another (each of its
slices inside the other's, its bases 0 or more) allows only values the larger one
allows: the larger piece's certified minimum of an objective is a lower bound
in the smaller one. Where the exact point that reached it meets the smaller
piece's own rows too, that bound is reached there: it is the smaller piece's
minimum, exactly, and no program is solved. The second round of a narrowing asks
the ratios of the first again over slices cut just outside their ends, and such
a program is nearly degenerate (its vertex off by a hair in floating point): most
of those answers are known.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final, NamedTuple

from tradestats.claims._dot import dot

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence

    from tradestats.claims._linear import Row

    #: An exact point, made when first needed.
    Point = Callable[[], dict[int, Fraction]]

__all__ = ["Extremes", "Found", "inherited", "witness"]

_ONE: Final = Fraction(1)
#: Minima kept per question: a piece is asked a few objectives, each min and max.
_KEPT: Final = 64


class Extremes:
    """Certified minima of one set of values, each with an exact point that reaches it.

    Keyed by the question (an objective, in the caller's terms). A point is kept as
    a function that makes it, in the network's variables, when first asked: most are
    never asked.
    """

    def __init__(self) -> None:
        self._found: dict[Hashable, tuple[Fraction, Point]] = {}
        self._points: dict[Hashable, dict[int, Fraction]] = {}

    def keep(self, asked: Hashable, value: Fraction, point: Point) -> None:
        """Remember that ``value``, a certified minimum, is reached at ``point``."""
        if len(self._found) < _KEPT:
            self._found[asked] = (value, point)

    def reached(
        self,
        asked: tuple[tuple[int, Fraction], ...],
        rows: Iterable[Row],
        *,
        below: Mapping[int, Fraction] | None,
    ) -> tuple[Fraction, Point] | None:
        """The minimum of ``asked`` and its point, if the point meets ``rows`` too.

        ``asked`` is the objective's terms; ``below`` the denominator of a ratio
        (the point must keep it above 0), or ``None`` for a linear objective. The
        point is checked to reach the minimum, and to meet ``rows``: for a set of
        values inside these whose other rows are these values' own, that minimum is
        theirs (see the module's docstring). ``None`` says nothing.
        """
        found = self._found.get(asked)
        if found is None:
            return None
        point = self._point(asked)
        value, scale = found[0], _ONE
        if below is not None:
            scale = dot(below, point)
            if scale <= 0:
                return None
        if dot(dict(asked), point) != value * scale:
            return None  # pragma: no cover - a certified minimum is reached at its point
        if all(row.meets(point) for row in rows):
            return found
        return None

    def points(self) -> Iterator[dict[int, Fraction]]:
        """The point of each minimum kept, in the order they were found."""
        for asked in list(self._found):
            yield self._point(asked)

    def _point(self, asked: Hashable) -> dict[int, Fraction]:
        """The point of the minimum ``asked``, made when first asked for."""
        point = self._points.get(asked)
        if point is None:
            point = self._points[asked] = self._found[asked][1]()
        return point


class Found(NamedTuple):
    """What a piece found that the pieces inside it can use: not the piece, nor its models.

    Args:
        rows: The piece's rows by claim (a claim's rows the same object as another
            piece's where both have them from the network they are cut from).
        extremes: Its certified minima, by the question and the set of values asked.
    """

    rows: Mapping[str, Sequence[Row]]
    extremes: dict[Hashable, Extremes]

    def beyond(self, rows: Mapping[str, Sequence[Row]], claim_ids: Iterable[str]) -> list[Row]:
        """The rows of ``claim_ids`` in ``rows`` that are not this piece's own.

        The point of a minimum found here meets every row of this piece already.
        """
        return [
            row
            for claim_id in claim_ids
            if rows[claim_id] is not self.rows[claim_id]
            for row in rows[claim_id]
        ]


def inherited(
    inside: Iterable[Found],
    question: Hashable,
    asked: tuple[tuple[int, Fraction], ...],
    *,
    rows: Mapping[str, Sequence[Row]],
    claim_ids: Iterable[str],
    below: Mapping[int, Fraction] | None,
    into: Extremes,
) -> Fraction | None:
    """The minimum ``asked`` of ``question`` in a piece the asking one is inside, or ``None``.

    Taken where that piece's point meets the asking piece's own ``rows`` of
    ``claim_ids`` (and keeps ``below`` above 0), and kept in ``into``, the asking
    piece's extremes, point and all.
    """
    claim_ids = list(claim_ids)
    for outer in inside:
        extremes = outer.extremes.get(question)
        if extremes is None:
            continue
        found = extremes.reached(asked, outer.beyond(rows, claim_ids), below=below)
        if found is not None:
            into.keep(asked, *found)
            return found[0]
    return None


def witness(
    inside: Iterable[Found], *, rows: Mapping[str, Sequence[Row]], claim_ids: Iterable[str]
) -> dict[int, Fraction] | None:
    """A point of a piece the asking one is inside that meets its ``rows`` of ``claim_ids``.

    The point of a minimum found under some claims (every question of
    :mod:`._certified` names them second) meets that piece's rows of those claims
    and the balance relations, and has no value below 0 but a free one: where it
    meets the asking piece's own rows of ``claim_ids`` too, those claims hold there,
    with no program (the second round of a narrowing asks it of a piece cut from
    the first round's by the ranges that piece's minima reached). ``None`` says
    nothing.
    """
    key = frozenset(claim_ids)
    for outer in inside:
        beyond = outer.beyond(rows, key)
        for question, extremes in outer.extremes.items():
            claims = question[1] if isinstance(question, tuple) else None
            if isinstance(claims, frozenset) and key <= claims:
                for point in extremes.points():
                    if all(row.meets(point) for row in beyond):
                        return point
    return None
