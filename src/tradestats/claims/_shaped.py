"""Private: the questions on a component shaped as a tree or a star, answered by its shape.

A tree of claims by :class:`._forest.Forest` (:class:`Tree`), a star by its small
exact programs and polygons (:class:`StarAnswers`, :class:`Paired`, :class:`Mapped`);
what its shape cannot answer goes to :class:`._certified.Certified`.
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm
from typing import TYPE_CHECKING, Final

from tradestats.claims._certified import Certified
from tradestats.claims._linear import Infeasible, Minimizing, Polyhedron, charnes_cooper
from tradestats.claims._plane import extremes
from tradestats.claims._star import Local, Ratio, Small, Star

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from tradestats.claims._network import Network

__all__ = ["Mapped", "Paired", "StarAnswers", "Tree"]

_ZERO_FRACTION: Final = Fraction(0)


def _lowest(low: Fraction | None, high: Fraction | None, factor: Fraction) -> Fraction | None:
    """The smallest value of ``factor × v`` for ``v`` in ``[low, high]`` (``None``: open)."""
    end = low if factor > 0 else high
    return None if end is None else factor * end


class Tree(Minimizing):
    """The values some claims of a tree-like component allow, by :class:`._forest.Forest`.

    Has the interface of :class:`._linear.Polyhedron` for objectives on one value or
    on two tied values; others go to :class:`Certified`.
    """

    def __init__(self, network: Network, key: frozenset[str], component: int) -> None:
        self.network, self.key, self.component = network, key, component
        self.forest = network.forest(key)
        self._general: Certified | Polyhedron | None = None

    @property
    def feasible(self) -> bool:
        """Whether the claims can hold together (with bases of 0 allowed)."""
        return self.forest.feasible

    def conflict(self) -> frozenset[str] | None:
        """Claims of the key that cannot hold together, or ``None``."""
        return self.forest.conflict()

    def at_zero(self, bases: Iterable[int]) -> bool:
        """Whether one of ``bases`` cannot be above 0 (its range ends at 0 or below)."""
        for base in bases:
            high = self.forest.range(base).high
            if high is not None and high <= 0:
                return True
        return False

    def minimum(
        self, objective: Mapping[int, Fraction | int], constant: Fraction | int = 0
    ) -> Fraction | None:
        """The smallest value of ``objective · x + constant`` (see :class:`._linear.Polyhedron`)."""
        if not self.feasible:
            raise Infeasible
        terms = {j: Fraction(c) for j, c in objective.items() if c}
        found: Fraction | None
        if not terms:
            found = _ZERO_FRACTION
        elif len(terms) == 1:
            ((j, c),) = terms.items()
            found = _lowest(self.forest.range(j).low, self.forest.range(j).high, c)
        else:
            # Two tied values: their polygon. Anything else: a program after all.
            pair = sorted(terms)
            lines = self.forest.pair(pair[0], pair[1]) if len(pair) == 2 else None
            if lines is None:
                return self._fallback().minimum(objective, constant)
            both = extremes(lines, (terms[pair[0]], terms[pair[1]]))
            assert both is not None  # feasible
            found = both.low
        return None if found is None else Fraction(constant) + found

    def _fallback(self) -> Certified | Polyhedron:
        if self._general is None:
            network = self.network
            self._general = (
                Certified(network, self.key, self.component)
                if network.floats
                else Polyhedron(network.program(self.key), deadline=network.deadline)
            )
        return self._general


class StarAnswers(Minimizing):
    """The values some claims of a star allow (:class:`.Star`), by small exact programs.

    Has the interface of :class:`._linear.Polyhedron` for objectives on one part's
    values and the total's; others go to :class:`Certified`.
    """

    def __init__(self, network: Network, key: frozenset[str], component: int, star: Star) -> None:
        self.network, self.key, self.component, self.star = network, key, component, star
        self._general: Certified | None = None

    def local(self, columns: Iterable[int]) -> Local | None:
        """The small program that answers questions on ``columns``, if there is one."""
        part = self.star.part_of(columns)
        return None if part is None else self.star.local(self.key, part[0])

    def _polyhedron(self, columns: Iterable[int]) -> tuple[Small, dict[int, int]] | None:
        part = self.star.part_of(columns)
        if part is None:
            return None
        # Kept by the star, as many as it keeps: not one per set of claims ever asked.
        found = self.star.small(self.key, part[0], deadline=self.network.deadline)
        local = self.star.local(self.key, part[0])
        if found is None or local is None:
            return None
        return found, {column: number for number, column in local.columns.items()}

    @property
    def feasible(self) -> bool:
        """Whether the claims can hold together (with bases of 0 allowed)."""
        return self.star.holds(self.key)

    def conflict(self) -> frozenset[str] | None:
        """Claims of the key that cannot hold together, or ``None``."""
        return self._fallback().conflict()

    def minimum(
        self, objective: Mapping[int, Fraction | int], constant: Fraction | int = 0
    ) -> Fraction | None:
        """The smallest value of ``objective · x + constant`` (see :class:`._linear.Polyhedron`)."""
        terms = {j: c for j, c in objective.items() if c}
        values = self.star.values(self.key, terms) if terms else None
        flows = [values] if values is not None else self.star.apart(self.key, terms)
        if terms and flows is not None:
            # One flow's values, or flows apart: each smallest at a vertex, unless
            # a ray runs down.
            if not self.feasible:
                raise Infeasible
            lowest = Fraction(constant)
            for polygon, first, second in flows:
                p, q = terms.get(first, 0), terms.get(second, 0)
                if any(p * dx + q * dy < 0 for dx, dy in polygon.rays):
                    return None
                lowest += polygon.lowest(p, q)
            return lowest
        found = self._polyhedron(terms)
        if found is None:
            return self._fallback().minimum(objective, constant)
        polyhedron, local = found
        if not polyhedron.feasible:
            raise Infeasible
        return polyhedron.minimum({local[j]: c for j, c in terms.items()}, constant)

    def lifted(
        self, columns: Iterable[int], denominator: Mapping[int, Fraction], *, exact: bool = True
    ) -> Mapped | Paired | Ratio | None:
        """The Charnes–Cooper program of a ratio on ``columns``, if a small one serves.

        Its objectives name the network's columns, as :class:`Lifted`'s; ``exact``
        as :class:`Lifted`'s.
        """
        asked = list(columns)
        values = self.star.values(self.key, asked)
        if values is not None:
            # One flow's two values: the ratio over its polygon, by hand.
            return Ratio(*values, denominator)
        local = self.local(asked)
        if local is None:
            return None

        def program() -> Mapped:
            mapped = {column: number for number, column in local.columns.items()}
            lifted = charnes_cooper(local.program, {mapped[j]: c for j, c in denominator.items()})
            # Unscaled, as the network's own lifted model (lifted_model).
            # Feasible, as Lifted's: the denominator is above 0 at some allowed value.
            small = Small(
                lifted, deadline=self.network.deadline, scale=False, exact=exact, feasible=True
            )
            return Mapped(small, mapped)

        part = self.star.part_of(asked)
        whole = self.star.columns[self.star.total]
        axis = next((k for k in (0, 1) if set(denominator) == {whole[k]}), None)
        if exact and part is not None and part[0] is not None and axis is not None:
            # A ratio over the total's value in one period (a share, a contribution):
            # by hand on exact polygons where it can be. Only where the program's ends
            # are exact too: the same answer.
            return Paired(self, part[0], axis, denominator, program)
        return program()

    def _fallback(self) -> Certified:
        if self._general is None:
            self._general = Certified(self.network, self.key, self.component)
        return self._general


class Paired:
    """A ratio's Charnes–Cooper program over the total's value in one period, on a star.

    Its objectives (the ratio's numerators) on a part's value in that period (a
    share) are answered on the exact polygon of the part's and the total's value
    (:meth:`.Star.pair`), on a part's two values (a contribution: its change over
    the total's base) on that of their mix and the base (:meth:`.Star.across`),
    both by :class:`.Ratio`; others, or where no polygon is known, by the small
    program, made when first asked.
    """

    def __init__(
        self,
        star: StarAnswers,
        part: str,
        axis: int,
        denominator: Mapping[int, Fraction],
        program: Callable[[], Mapped],
    ) -> None:
        self.star, self.part, self.axis, self.denominator = star, part, axis, denominator
        self._program = program
        self._made: Mapped | None = None
        self._ratios: dict[tuple[int, int] | None, Ratio | None] = {}

    @property
    def feasible(self) -> bool:
        """Whether the constraints have a common solution (shown by the caller, as Lifted's)."""
        return True

    def _ratio(self, along: tuple[int, int] | None) -> Ratio | None:
        """The ratio on a share's polygon (``None``) or on ``along · p`` and the base."""
        if along not in self._ratios:
            star, key = self.star.star, self.star.key
            own, whole = star.columns[self.part], star.columns[star.total]
            if along is None:
                pair = star.pair(key, [own[self.axis], whole[self.axis]])
                found = None if pair is None else Ratio(*pair, self.denominator)
            else:
                polygon = star.across(key, self.part, along, self.axis)
                # The polygon's first coordinate is ``along · p``: a column of its own.
                found = (
                    None
                    if polygon is None
                    else Ratio(polygon, -1, whole[self.axis], self.denominator)
                )
            self._ratios[along] = found
        return self._ratios[along]

    def _of(
        self, objective: Mapping[int, Fraction | int]
    ) -> tuple[Ratio | Mapped, Mapping[int, Fraction | int]]:
        """What answers ``objective``, and the objective in its columns."""
        asked = {j: Fraction(c) for j, c in objective.items() if c}
        own = self.star.star.columns[self.part]
        whole = self.star.star.columns[self.star.star.total]
        if asked and set(asked) <= {own[self.axis], whole[self.axis]}:
            ratio = self._ratio(None)
            if ratio is not None:
                return ratio, asked
        elif set(asked) <= set(own) and asked.get(own[1 - self.axis]):
            # a o + b k over the base (k the base's period), a and b whole: the
            # numerator is that over their common denominator.
            first, second = asked[own[1 - self.axis]], asked.get(own[self.axis], Fraction(0))
            common = lcm(first.denominator, second.denominator)
            a = first.numerator * (common // first.denominator)
            b = second.numerator * (common // second.denominator)
            ratio = self._ratio((a, b))
            if ratio is not None:
                return ratio, {-1: Fraction(1, common)}
        if self._made is None:
            self._made = self._program()
        return self._made, objective

    def minimum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The smallest value of ``objective · y`` (``None``: unbounded)."""
        found, asked = self._of(objective)
        return found.minimum(asked)

    def maximum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The largest value of ``objective · y`` (``None``: unbounded)."""
        found, asked = self._of(objective)
        return found.maximum(asked)


class Mapped:
    """A polyhedron in other columns, asked in the network's."""

    def __init__(self, polyhedron: Small, columns: Mapping[int, int]) -> None:
        self.polyhedron, self.columns = polyhedron, columns

    @property
    def feasible(self) -> bool:
        """Whether the constraints have a common solution."""
        return self.polyhedron.feasible

    def minimum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The smallest value of ``objective · x`` (``None`` if a column is not among them)."""
        return self.polyhedron.minimum({self.columns[j]: c for j, c in objective.items() if c})

    def maximum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The largest value of ``objective · x``."""
        return self.polyhedron.maximum({self.columns[j]: c for j, c in objective.items() if c})
