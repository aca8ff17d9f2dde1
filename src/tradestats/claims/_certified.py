"""Private: a component's claims answered by HiGHS, each answer certified exactly.

A set of claims' values (:class:`Certified`) and a ratio's Charnes–Cooper program
(:class:`Lifted`), with the interface of :class:`._linear.Polyhedron`: what HiGHS
cannot certify is answered by the exact simplex instead. Made by
:class:`._network.Network` for the components that are neither a tree nor a star.
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm
from typing import TYPE_CHECKING, Final

from tradestats.claims._equations import Scaled
from tradestats.claims._extremes import Extremes, inherited
from tradestats.claims._linear import Infeasible, Minimizing, Polyhedron, charnes_cooper

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping, Sequence

    from tradestats.claims._float import Model
    from tradestats.claims._narrowing import Span
    from tradestats.claims._network import Network, Spans

__all__ = ["Certified", "Lifted"]

_ZERO_FRACTION: Final = Fraction(0)

#: Vertices a set of claims has shown before :meth:`Certified._propagated` propagates.
_ASKED: Final = 2
#: The columns from which a ratio goes to Dinkelbach's method on the plain model first:
#: in smaller programs the Charnes–Cooper program's exact duals cost less than its
#: extra solves (one a ratio's end, against one or two).
_DINKELBACH: Final = 24


def _asked(objective: Mapping[int, Fraction | int]) -> tuple[tuple[int, Fraction], ...]:
    """An objective as a key: its nonzero coefficients in order of variable."""
    return tuple(sorted((j, Fraction(c)) for j, c in objective.items() if c))


def _extremes_of(network: Network, question: Hashable) -> Extremes | None:
    """Where a piece keeps its certified minima of ``question``; ``None`` in the whole network."""
    if network.found is None:
        return None
    return network.found.extremes.setdefault(question, Extremes())


def _inherited(
    network: Network,
    key: frozenset[str],
    extremes: Extremes | None,
    question: Hashable,
    asked: tuple[tuple[int, Fraction], ...],
    *,
    below: Mapping[int, Fraction] | None = None,
) -> Fraction | None:
    """A minimum of ``question`` kept by a piece ``network`` is inside, if its point meets ``key``.

    ``None`` where the network is the whole (``extremes`` is ``None``) or no kept
    point holds here; ``below``: a denominator the point must keep above 0.
    """
    if extremes is None:
        return None
    return inherited(
        network.inside,
        question,
        asked,
        rows=network._rows,
        claim_ids=key,
        below=below,
        into=extremes,
    )


def _point_of(vertex: Scaled, names: Sequence[int], t: int | None = None) -> dict[int, Fraction]:
    """A model's exact vertex in the network's variables: ``names[j]`` for column ``j``.

    With ``t``, a Charnes–Cooper vertex ``(y, t)`` as the point ``x = y / t`` (``t`` above 0).
    """
    values, common = vertex
    if t is not None:
        common = values[t]
    return {names[j]: Fraction(value, common) for j, value in values.items() if j != t}


class Certified(Minimizing):
    """The values some claims of one component allow, answered by HiGHS and certified.

    Has the interface of :class:`._linear.Polyhedron`; what cannot be certified is
    answered by the exact simplex instead.
    """

    def __init__(self, network: Network, key: frozenset[str], component: int) -> None:
        self.key = key
        self.network, self.component = network, component
        self.local = network.columns(component)
        self._exact: Polyhedron | None = None
        #: Whether the exact simplex answers (see :meth:`Network.exact_for`), not HiGHS.
        self.small = network.exact_for(component)
        self._feasible: bool | None = None
        # The same bound is asked again (a share alone and within its change): answered once.
        self._minima: dict[tuple[tuple[int, Fraction], ...], Fraction | None] = {}
        #: The certified minima and their points, for the pieces inside this one.
        self.extremes = _extremes_of(network, ("values", key))
        # The exact vertices of the minima certified so far, in the model's columns.
        self._vertices: list[Scaled] = []
        # Propagation's spans under the key, where this polyhedron did it.
        self._spans: dict[Hashable, Span] | None = None

    @property
    def model(self) -> Model:
        """HiGHS's model of the component, built when first asked (never, if small)."""
        return self.network.model(self.component)[0]

    @property
    def solved(self) -> Polyhedron | None:
        """The exact simplex over the same claims, if it was asked for."""
        return self._exact

    @property
    def exact(self) -> Polyhedron:
        """The exact simplex over the same claims."""
        if self._exact is None:
            self._exact = (
                self.network._grown(self.key)
                if self.small
                else Polyhedron(self.network.program(self.key), deadline=self.network.deadline)
            )
        return self._exact

    @property
    def feasible(self) -> bool:
        """Whether the claims can hold together."""
        if self._feasible is None and self.network.known_to_hold(self.key):
            # A subset of claims that hold: the leave-one-out sets of a check.
            self._feasible = True
        if self._feasible is None and self.key in self.network.witnesses:
            self._feasible = True
        if self._feasible is None and self.small:
            self._feasible = self.exact.feasible
        if self._feasible is None and self.network.inherits_witness(self.key):
            self._feasible = True
        if self._feasible is None:
            self.model.switch(self.key)
            found = self.model.feasible()
            if found and self.model.witness is not None:
                names = sorted(self.local, key=self.local.__getitem__)
                point = {names[j]: value for j, value in self.model.witness.items()}
                self.network.witnesses[self.key] = point
            self._feasible = self.exact.feasible if found is None else found
        return self._feasible

    def conflict(self) -> frozenset[str] | None:
        """Claims of the key that cannot hold together, certified, or ``None``."""
        self.model.switch(self.key)
        return self.model.conflict()

    def minimum(
        self, objective: Mapping[int, Fraction | int], constant: Fraction | int = 0
    ) -> Fraction | None:
        """The smallest value of ``objective · x + constant`` (see :class:`._linear.Polyhedron`)."""
        if not self.feasible:
            raise Infeasible
        asked = _asked(objective)
        if asked not in self._minima:
            known = self._inherited(asked)
            if known is None:
                known = self._propagated(asked)
            self._minima[asked] = self._minimum(objective, asked) if known is None else known
        found = self._minima[asked]
        return None if found is None else Fraction(constant) + found

    def _propagated(self, asked: tuple[tuple[int, Fraction], ...]) -> Fraction | None:
        """The minimum where propagation's bound is reached at a vertex found before (or ``None``).

        Propagation is sound, so its bound is a lower one; a point of these claims
        that reaches it shows it is the minimum. Where propagation under the same
        claims was done already (a sum's check does it), or once these claims were
        asked a few minima: done for one question alone, it would cost about as much
        as the program.
        """
        network = self.network
        spans = network._cache.get(self.key)
        # A value that no claim names keeps its domain in what solve() kept.
        domains: Spans = {} if spans is None else network.domains
        if spans is None and len(self._vertices) >= _ASKED:
            # Asked about often enough that propagation may save more than it costs.
            if self._spans is None:
                self._spans = network.spans_named(self.key) or {}
            spans = self._spans
        if spans is None or (not spans and not domains) or not self._vertices:
            return None
        low = _ZERO_FRACTION
        terms: list[tuple[int, Fraction]] = []
        for variable, coefficient in asked:
            name = network._keys[variable]
            span = spans.get(name) or domains.get(name)
            end = None if span is None else span.low if coefficient > 0 else span.high
            if end is None or not end.is_finite() or variable not in self.local:
                return None
            low += coefficient * Fraction(end)
            terms.append((self.local[variable], coefficient))
        scale = lcm(low.denominator, *(c.denominator for _, c in terms))
        wanted = low.numerator * (scale // low.denominator)
        for values, common in self._vertices:
            total = sum(c.numerator * (scale // c.denominator) * values.get(j, 0) for j, c in terms)
            if total == wanted * common:
                return low
        return None

    def _inherited(self, asked: tuple[tuple[int, Fraction], ...]) -> Fraction | None:
        """The minimum of the piece this one is inside, if its point is here too (or ``None``)."""
        return _inherited(self.network, self.key, self.extremes, ("values", self.key), asked)

    def _minimum(
        self, objective: Mapping[int, Fraction | int], asked: tuple[tuple[int, Fraction], ...]
    ) -> Fraction | None:
        local: dict[int, Fraction] = {}
        for variable, coefficient in objective.items():
            if coefficient:
                if variable not in self.local:
                    # No row of the component names it: it is 0 or more (or free) and
                    # nothing else, as in the exact simplex, which need not be built.
                    if coefficient < 0 or variable in self.network._free:
                        return None
                    continue
                local[self.local[variable]] = Fraction(coefficient)
        if self.small:
            found = self.exact.minimum(objective)
            point = self.exact.point
            vertex: Scaled | None = Scaled.of(
                {self.local[j]: value for j, value in point.items() if j in self.local}
            )
        else:
            self.model.switch(self.key)
            found = self.model.minimum(local)
            if found is None and not self.model.unbounded(local):
                # Even in a piece, whose ranges need only be sound: the report's implied
                # figures are read from one, and print what the exact engine prints.
                return self.exact.minimum(objective)
            vertex = self.model.vertex
        if found is not None and vertex is not None:
            names = self._names()
            self._vertices.append(vertex)
            if self.extremes is not None:
                self.extremes.keep(asked, found, lambda: _point_of(vertex, names))
        return found

    def _names(self) -> list[int]:
        """The network's variable of each column of the model."""
        return sorted(self.local, key=self.local.__getitem__)


class Lifted:
    """A ratio's Charnes–Cooper program over some claims of one component, by HiGHS."""

    def __init__(
        self,
        network: Network,
        key: frozenset[str],
        component: int,
        denominator: Mapping[int, Fraction],
        *,
        exact: bool = True,
        positive: bool = False,
    ) -> None:
        self.network, self.key = network, key
        #: Whether to fall back on the exact simplex where HiGHS cannot certify an end;
        #: otherwise that end is left open (sound: the range only widens).
        self.exact = exact
        #: Whether the denominator stays above 0 wherever the claims hold: then the
        #: plain model answers first, by Dinkelbach's method (see _float.Model.ratio_minimum).
        self.positive = positive
        self.component = component
        self.local = network.columns(component)
        #: The column of ``t`` in the lifted model: one past the plain model's.
        self.t = len(self.local)
        self.denominator = {self.local[j]: Fraction(c) for j, c in denominator.items() if c}
        self._global = dict(denominator)
        self._exact: Polyhedron | None = None
        self._minima: dict[tuple[tuple[int, Fraction], ...], Fraction | None] = {}
        self.feasible = True  # the denominator's minimum is above 0 on a feasible set
        # The ratio's question, but for the numerator: a piece inside this one asks it too.
        self._asked = ("ratio", key, _asked(denominator))
        #: The certified minima and their points ``x = y / t``, for the pieces inside this one.
        self.extremes = _extremes_of(network, self._asked)

    def minimum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The smallest value of ``objective · y`` over the transformed program."""
        asked = _asked(objective)
        if asked not in self._minima:
            known = self._inherited(asked)
            self._minima[asked] = self._minimum(objective, asked) if known is None else known
        return self._minima[asked]

    def _inherited(self, asked: tuple[tuple[int, Fraction], ...]) -> Fraction | None:
        """The ratio's minimum in the piece this one is inside, if its point is here too.

        The point must keep the denominator above 0: the ratio is taken there.
        """
        return _inherited(
            self.network, self.key, self.extremes, self._asked, asked, below=self._global
        )

    def _minimum(
        self, objective: Mapping[int, Fraction | int], asked: tuple[tuple[int, Fraction], ...]
    ) -> Fraction | None:
        local: dict[int, Fraction] = {}
        for variable, coefficient in objective.items():
            if coefficient:
                if variable not in self.local:
                    return self._fallback().minimum(objective)
                local[self.local[variable]] = Fraction(coefficient)
        if self.positive and self.t >= _DINKELBACH:
            plain = self.network.model(self.component)[0]
            plain.switch(self.key)
            found = plain.ratio_minimum(local, self.denominator, self._start())
            if found is not None:
                return found
        model, row = self.network.lifted_model(self.component)
        model.switch(self.key)
        if model.lines[row].coefficients != self.denominator:
            model.set_row(row, self.denominator)
        found = model.minimum(local)
        exact = self.exact or model.short is not None
        if found is None and exact and not model.unbounded(local):
            return self._fallback().minimum(objective)
        vertex = model.vertex
        if (
            self.extremes is not None
            and found is not None
            and vertex is not None
            and vertex.values.get(self.t, 0) > 0
        ):
            # A vertex with t > 0 is the point x = y / t with the ratio at its minimum.
            names, t = self._names(), self.t
            self.extremes.keep(asked, found, lambda: _point_of(vertex, names, t))
        return found

    def _names(self) -> list[int]:
        """The network's variable of each column of the plain model."""
        return sorted(self.local, key=self.local.__getitem__)

    def _start(self) -> dict[int, Fraction] | None:
        """A point of the claims (in the model's columns) to start Dinkelbach's method from."""
        point = self.network.witnesses.get(self.key)
        if point is None:
            return None
        return {self.local[j]: value for j, value in point.items() if j in self.local}

    def maximum(self, objective: Mapping[int, Fraction | int]) -> Fraction | None:
        """The largest value of ``objective · y`` over the transformed program."""
        low = self.minimum({key: -value for key, value in objective.items()})
        return None if low is None else -low

    def _fallback(self) -> Polyhedron:
        if self._exact is None:
            program = self.network.program(self.key)
            self._exact = Polyhedron(
                charnes_cooper(program, self._global), deadline=self.network.deadline
            )
        return self._exact
