"""Private: a report's claims as constraints on the values of (flow, period), for the check.

Each variable is the value of one declared flow in one period, in one unit per
group of related flows. Each claim becomes constraints (:mod:`tradestats.claims._narrowing`)
and, since every base of a product is 0 or more, exactly the same constraints as
linear rows (:mod:`tradestats.claims._linear`). The rows answer the check's questions
exactly: whether claims can hold together, and the range of a value, a sum or a
ratio of values under them. Interval propagation and branching remain for what
is no linear program (a ratio whose base may be 0, a change of share); claims in
points (a change of share, a difference of growth rates, a contribution share)
take part through linear pieces (:mod:`tradestats.claims._points`, :meth:`Network.with_rows`).
A set of claims of one component is answered by HiGHS, certified exactly
(:mod:`tradestats.claims._certified`), or by the component's shape
(:mod:`tradestats.claims._shaped`: a tree, a star).
Where a group's claims tie values two at a time with no cycle (a flow over many
years), :mod:`tradestats.claims._forest` answers the same questions exactly with
no program of the whole (:class:`._shaped.Tree`), however large the values grow.
"""

from __future__ import annotations

import copy
import functools
import itertools
from collections import Counter
from collections.abc import (
    Callable,
    Hashable,
    Iterable,
    Mapping,
    Sequence,
    Set,
)
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, TypeAlias

from tradestats._text import quote
from tradestats.claims import _float, _points, _ratios, _star, _witness
from tradestats.claims._certified import Certified, Lifted
from tradestats.claims._extremes import Found, witness
from tradestats.claims._forest import Forest, is_forest
from tradestats.claims._holding import Held
from tradestats.claims._linear import (
    Infeasible,
    OutOfTime,
    Polyhedron,
    Program,
    Row,
    Sense,
    charnes_cooper,
    linear_sum,
    on_time,
)
from tradestats.claims._narrowing import (
    ANY,
    BUDGET,
    EMPTY,
    INF,
    NON_NEGATIVE,
    Constraint,
    Fix,
    NoValueLeft,
    Readout,
    Refined,
    Scaling,
    Span,
    Step,
    Sum,
    branch_and_prune,
    inward,
    named,
    outward,
    propagate,
)
from tradestats.claims._narrowing import span_of_bounds as _span
from tradestats.claims._plane import Line, extremes
from tradestats.claims._shaped import Mapped, Paired, StarAnswers, Tree
from tradestats.claims._star import Ratio, Star
from tradestats.claims._ties import Ties
from tradestats.claims.report import (
    ChangeClaim,
    Claim,
    ContributionClaim,
    ContributionShareClaim,
    GrowthClaim,
    GrowthDifferenceClaim,
    MultiplierClaim,
    Report,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.flows import Flow
from tradestats.periods import Period
from tradestats.units import conversion_factor

if TYPE_CHECKING:
    from tradestats.measures import PercentagePoints
    from tradestats.verify.figures import Reported

__all__ = [
    "GROWTH_DOMAIN",
    "SHARE_DOMAIN",
    "Key",
    "Network",
    "OutOfTime",
    "Spans",
    "inward",
    "outward",
]

#: A variable: the value of a flow (by id) in a period.
Key: TypeAlias = tuple[str, Period]
Spans: TypeAlias = Mapping[Hashable, Span]
#: A change of share asked: the claims, the later share's values and the earlier's.
_Changed: TypeAlias = tuple[frozenset[str], tuple[Key, Key], tuple[Key, Key]]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_ONE_FRACTION: Final = Fraction(1)
_ZERO_FRACTION: Final = Fraction(0)
_HUNDRED: Final = Decimal(100)
#: Every growth rate a flow that cannot be negative may show: -100% or more.
GROWTH_DOMAIN: Final = Span(-_ONE, NON_NEGATIVE.high)
#: A set of claims is reshaped from one solved before (:meth:`Network._grown`) if the two
#: differ in at most one claim in this many (or two), among the last ``_LATELY`` solved.
_NEAR: Final = 4
_LATELY: Final = 64
#: The columns up to which the pieces of a figure's search answer a component by the
#: exact simplex rather than HiGHS (see :meth:`Network.exact_for`).
_SMALL: Final = 8
#: Every share: 0% to 100%.
SHARE_DOMAIN: Final = Span(_ZERO, _ONE)


def _reshaped(outer: Polyhedron, program: Program) -> Polyhedron | None:
    """``program``'s polyhedron from a solved one: its rows ``program`` lacks left out, new added.

    ``None`` where a row to leave out is an equation or the solved one is empty and
    ``program`` leaves out some of its rows.
    """
    drop = _unmatched(outer.program.rows, program.rows)
    shrunk = outer.without_rows(drop) if drop else outer
    if shrunk is None:
        return None
    new = [program.rows[number] for number in _unmatched(program.rows, shrunk.program.rows)]
    return shrunk.with_rows(new, program.size) if new else shrunk


def _unmatched(rows: Sequence[Row], others: Sequence[Row]) -> list[int]:
    """The indices of the rows that ``others`` lacks, a row counted as often as it is there.

    By identity: the rows of a claim, and the balance relations, are the same objects
    in every program of a network and its pieces.
    """
    left = Counter(map(id, others))
    missing = []
    for number, row in enumerate(rows):
        if left[id(row)]:
            left[id(row)] -= 1
        else:
            missing.append(number)
    return missing


class Network:
    """The variables and constraints of one report, and propagation over subsets of claims."""

    #: What pieces that allow every value this piece does found (see :meth:`with_rows`).
    inside: tuple[Found, ...] = ()
    #: The last :meth:`spans_named` asked and its answer: the bases of one set of
    #: claims are asked in a row, and keeping only the last costs no memory.
    _named: tuple[frozenset[str], dict[Hashable, Span] | None] | None = None
    #: A piece's network and the claims whose rows the piece replaces (see :meth:`_grown`).
    origin: tuple[Network, frozenset[str]] | None = None
    #: Whether a figure's search over pieces runs (on the whole network; see :meth:`exact_for`).
    _searching = False
    #: The columns of each component (on the whole network; see :meth:`exact_for`).
    _columns: dict[int, int] | None = None

    def __init__(
        self,
        report: Report,
        *,
        budget: int = BUDGET,
        engine: str = "auto",
        signs: Mapping[str, int] | None = None,
        left_out: Iterable[str] = (),
        deadline: float | None = None,
    ) -> None:
        self.report = report
        self.budget = budget
        #: A ``time.monotonic()`` past which long computations raise :class:`OutOfTime`.
        self.deadline = deadline
        #: The sign (+1, −1) of the balance a growth or multiplier of a balance is of.
        self.signs: dict[str, int] = dict(signs or {})
        #: Claims that make no constraint: growth of a balance of unknown sign, or undefined.
        self.left_out = frozenset(left_out)
        #: "exact" pivots in fractions throughout (the reference); "auto" takes the exact
        #: shortcuts (a tree of claims, a ratio of values no claim ties) and lets HiGHS
        #: solve and certifies, where highspy is installed.
        self.engine = engine
        self.periods = report.periods
        self.units: dict[str, str | None] = {
            flow.id: report.unit_of(flow.id) for flow in report.flows
        }
        self.domains: dict[Hashable, Span] = {
            (flow.id, period): ANY if flow.flow is Flow.BALANCE else NON_NEGATIVE
            for flow in report.flows
            for period in self.periods
        }
        self.constraints: dict[str, list[Constraint]] = {
            claim.id: [] if claim.id in self.left_out else list(self._constraints(claim))
            for claim in report.claims
        }
        # balance = exports − imports in every period, whatever the claims say: a
        # definition, always on, so no conflict ever names it.
        self.relations: list[Constraint] = [
            Sum((exports, period), ((imports, period), (balance, period)))
            for balance, exports, imports in report.balance_relations
            for period in self.periods
        ]
        self._related: dict[Hashable, set[Hashable]] = {}
        for relation in self.relations:
            assert isinstance(relation, Sum)
            tied = {relation.total, *relation.parts}
            for variable in tied:
                self._related.setdefault(variable, set()).update(tied)
        self._cache: dict[frozenset[str], dict[Hashable, Span] | None] = {}
        #: The network the pieces of :mod:`._points` are cut from (itself, if none):
        #: its rows and constraints hold every piece's, so what it proves holds there.
        self._whole = self
        #: Whether propagation keeps a value above 0 under some claims (on the whole).
        self._above_zero: dict[tuple[frozenset[str], int], bool] = {}
        self._refined: dict[tuple[str, frozenset[str]], Refined | None] = {}
        self._claims = {claim.id: claim for claim in report.claims}
        # The linear program: one variable per (flow, period), 0 or more unless a balance.
        self._keys: list[Key] = [
            (flow.id, period) for flow in report.flows for period in self.periods
        ]
        self._index: dict[Hashable, int] = {name: number for number, name in enumerate(self._keys)}
        self._free = frozenset(
            self._index[name] for name, span in self.domains.items() if span.low < 0
        )
        # The bases of products whose sign a claim fixes (growth of a balance's size).
        self._signed_bases = {
            (claim.flow, claim.base)
            for claim in report.claims
            if isinstance(claim, GrowthClaim | MultiplierClaim) and claim.id in self.signs
        }
        self._rows = {
            claim_id: [row for c in constraints for row in self._linear(c)]
            for claim_id, constraints in self.constraints.items()
        }
        self._relation_rows = [row for c in self.relations for row in self._linear(c)]
        #: What a piece found for the pieces inside it (see _extremes). ``None`` here:
        #: no piece is inside the whole network, whose minima and their points, kept
        #: for the whole check, were 65,000 objects at ``kinds`` 1,000.
        self.found: Found | None = None
        self._polyhedra: dict[frozenset[str], Polyhedron | Certified | Tree | StarAnswers] = {}
        #: The bases each claim says are above 0 (see :meth:`holds`), by variable number.
        self._positive = {
            claim.id: tuple(self._index[name] for name in _positive_bases(report, claim))
            for claim in report.claims
        }
        self._holds: dict[frozenset[str], bool] = {}
        self._holding = Held()
        #: Exact points that meet the rows of some claims (and more), by those claims:
        #: each shows the claims' rows hold, and a base above 0 there can be (see holds).
        self.witnesses: dict[frozenset[str], dict[int, Fraction]] = {}
        #: Boxes of claims in points narrowed under some claims (see :mod:`._points`).
        self.narrowed: dict[tuple[frozenset[str], _points.Box], _points.Box | None] = {}
        # The values a value claim puts above 0: no linear program needed for those.
        self._pinned = {
            claim.id: self._index[(claim.flow, claim.period)]
            for claim in report.claims
            if isinstance(claim, ValueClaim) and self.published(claim).low > 0
        }
        self._lifted: dict[
            tuple[frozenset[str], tuple[tuple[int, Fraction], ...], bool, tuple[str | None] | None],
            Polyhedron | Lifted | Mapped | Paired | Ratio | None,
        ] = {}
        self._variables = {
            claim.id: {
                variable
                for period in self.periods_of(claim)
                for variable in self.inputs(claim, period)
            }
            for claim in report.claims
        }
        self._order = {claim.id: number for number, claim in enumerate(report.claims)}
        self._claims_of: dict[Hashable, list[str]] = {}
        for claim in report.claims:
            for variable in self._variables[claim.id]:
                self._claims_of.setdefault(variable, []).append(claim.id)
        self._ties = Ties.of(self._variables, self._related)
        self.components = self._components()
        self._component_of = {
            claim_id: number
            for number, members in enumerate(self.components)
            for claim_id in members
        }
        self._models: dict[int, tuple[_float.Model, dict[int, int]]] = {}
        self._lifted_models: dict[int, tuple[_float.Model, int]] = {}
        # Components whose claims tie values two at a time with no cycle (see _forest).
        self._treelike: dict[int, frozenset[str] | None] = {}
        self._forests: dict[frozenset[str], Forest] = {}
        # Components of a sum and parts each tied only to their own values (see _star).
        self._stars: dict[int, Star | None] = {}
        #: The claims in points (no linear row of their own) and those this network
        #: holds as the rows of a piece (:meth:`with_rows`): the others go through
        #: :mod:`._points`.
        self._points_ids = frozenset(c.id for c in report.claims if isinstance(c, Points))
        self.given: frozenset[str] = frozenset()
        #: Whether a range's end that HiGHS cannot certify may stay open (in pieces, whose
        #: ranges need only be sound) rather than go to the exact simplex.
        self.loose = False

    @property
    def floats(self) -> bool:
        """Whether HiGHS may solve: the "auto" engine, with highspy installed."""
        return self.engine != "exact" and _float.AVAILABLE

    def with_rows(
        self,
        rows: Mapping[str, Sequence[Row]],
        constraints: Mapping[str, Sequence[Scaling]] | None = None,
        *,
        inside: Iterable[_points.Host] = (),
    ) -> Network:
        """A copy in which each claim of ``rows`` holds those linear rows: a piece.

        Every claim in points is then taken as given (held by its rows here, or by
        none), so that questions about the piece are linear programs alone.
        ``constraints`` are what propagation may use of those rows. ``inside``:
        pieces of this network that allow every value the new one does (the caller
        knows), whose certified minima the new one inherits where their points meet
        its own rows (:mod:`._extremes`).
        """
        piece = copy.copy(self)
        piece.inside = tuple(
            outer.found for outer in inside if isinstance(outer, Network) and outer.found
        )
        piece._rows = {**self._rows, **{claim_id: list(found) for claim_id, found in rows.items()}}
        # Its own rows: the point of a minimum found here meets every one of them.
        piece.found = Found(piece._rows, {})
        piece.constraints = {
            **self.constraints,
            **{claim_id: list(found) for claim_id, found in (constraints or {}).items()},
        }
        piece._cache, piece._named = {}, None
        # A claim in points ties here only the values its rows name: a ratio of a value
        # its rows leave out is then a quotient of ranges, not a program (see _apart).
        piece._ties = self._ties.narrowed(
            {
                claim_id: {self._keys[j] for row in found for j in row.coefficients}
                for claim_id, found in rows.items()
            }
        )
        piece.given = self._points_ids
        piece.origin = (self, frozenset(rows))
        piece.loose = True
        piece._polyhedra, piece._lifted, piece._refined = {}, {}, {}
        piece._found_ratios, piece._share_changes = _ratios.Known(), {}
        piece._holds, piece._holding, piece.witnesses, piece.narrowed = {}, Held(), {}, {}
        piece._models, piece._lifted_models, piece._locals = {}, {}, {}
        piece._treelike, piece._forests, piece._stars = {}, {}, {}
        return piece

    def nonnegative(self, keys: Iterable[Key]) -> bool:
        """Whether every value of ``keys`` is 0 or more in every program (no balance)."""
        return not any(self._index[key] in self._free for key in keys)

    def _relations(self, claim_ids: Iterable[str]) -> list[_points.Relation]:
        """The claims in points among ``claim_ids`` that constrain the others, as relations.

        A contribution share whose total the others keep unchanged has no value (its
        verdict is undefined): it constrains nothing.
        """
        key = frozenset(claim_ids)
        found = []
        for claim_id in sorted(key & self._points_ids - self.given, key=self._order.__getitem__):
            claim = self._claims[claim_id]
            assert isinstance(claim, Points)
            keys = _points_inputs(claim)
            quotient = isinstance(claim, ContributionShareClaim)
            if quotient and not self._may_change(key - {claim_id}, claim_id, keys[2], keys[3]):
                continue
            published = self.published(claim)
            low, high = (
                None if not end.is_finite() else Fraction(end) / 100
                for end in (published.low, published.high)
            )
            columns = tuple(self._index[name] for name in keys)
            assert len(columns) == 4
            found.append(_points.Relation(claim_id, quotient, keys, columns, low, high))
        return found

    def _may_change(self, claims: frozenset[str], claim_id: str, later: Key, earlier: Key) -> bool:
        """Whether the claims allow ``later`` and ``earlier`` to differ (a total that may change).

        A witness where the two differ shows it with no program: one of these claims
        (or of them but those in points, which have no rows here), or of all of
        ``claim_id``'s component, meets the rows of every claim tied to the two.
        """
        first, second = self._index[later], self._index[earlier]
        members = frozenset(self.components[self._component_of[claim_id]])
        for known in (claims - self._points_ids, claims, members - self._points_ids, members):
            point = self.witnesses.get(known)
            if point is not None and point.get(first, _ZERO_FRACTION) != point.get(
                second, _ZERO_FRACTION
            ):
                return True
        change = self.extent(claims, [(later, 1), (earlier, -1)])
        return bool(change.low or change.high)

    def _components(self) -> list[list[str]]:
        """The claims in groups linked by shared values, each in report order.

        No claim of one group can change what another group allows: each is
        checked alone, which keeps every linear program as small as it can be.
        """
        found: list[list[str]] = []
        seen: set[str] = set()
        for claim in self.report.claims:
            if claim.id not in seen:
                # A claim about no value (a sum over no period) is a group of its own.
                members = self._around(self._variables[claim.id], self._order) or {claim.id}
                seen |= members
                found.append(sorted(members, key=self._order.__getitem__))
        return found

    # -- building --------------------------------------------------------------------

    def periods_of(self, claim: Claim) -> tuple[Period, ...]:
        """The periods in which a claim is checked: its own, or for a sum every period it covers."""
        if isinstance(claim, SumClaim):
            return self.report.sum_periods(claim)
        return (claim.period,)

    def published(self, claim: Claim) -> Span:
        """The claim's own figure with its rounding: an amount in its group's unit, a rate, ….

        A sum's figure is the parts' sum minus the total, which it claims is exactly 0.
        """
        if isinstance(claim, ValueClaim):
            value = claim.value.value
            unit = self.units[claim.flow]
            factor = (
                _ONE if unit is None or unit == value.unit else conversion_factor(value.unit, unit)
            )
            span = _span(claim.value.bounds)
            return span if factor == _ONE else span * Span(factor, factor)
        # A qualified figure may have an open end ("over 10%"): infinite in the span.
        if isinstance(claim, ChangeClaim | ContributionClaim | Points):
            return self._published_step(claim)
        if isinstance(claim, GrowthClaim):
            return _span(claim.growth.bounds)
        if isinstance(claim, MultiplierClaim):
            return _span(claim.multiplier.bounds)
        if isinstance(claim, ShareClaim):
            return _span(claim.share.bounds)
        return Span(_ZERO, _ZERO)

    def _published_step(self, claim: ChangeClaim | ContributionClaim | Points) -> Span:
        """A change in level in its group's unit, or a figure in points."""
        if isinstance(claim, Points):
            return _span(_points_of(claim).bounds)
        if isinstance(claim, ContributionClaim):
            return _span(claim.contribution.bounds)
        unit, change = self.units[claim.flow], claim.change.value
        span = _span(claim.change.bounds)
        if unit is None or unit == change.unit:
            return span
        factor = conversion_factor(change.unit, unit)
        return span * Span(factor, factor)

    def _constraints(self, claim: Claim) -> Iterable[Constraint]:
        if isinstance(claim, Points):
            # A difference of two ratios (or a ratio of two changes, of either sign) is
            # no linear row: these claims constrain the others through the pieces of
            # :mod:`._points` (see :meth:`holds` and :meth:`with_rows`).
            return
        if isinstance(claim, ChangeClaim):
            yield Step((claim.flow, claim.period), (claim.flow, claim.base), self.published(claim))
        elif isinstance(claim, ContributionClaim):
            # (part - part_base) / total_base × 100 = points, with total_base > 0.
            points = self.published(claim)
            fraction = points * Span(Decimal("0.01"), Decimal("0.01"))
            yield Step(
                (claim.part, claim.period),
                (claim.part, claim.base),
                fraction,
                (claim.total, claim.base),
            )
        elif isinstance(claim, ValueClaim):
            yield Fix((claim.flow, claim.period), self.published(claim))
        elif isinstance(claim, GrowthClaim | MultiplierClaim):
            factor = self.published(claim)
            if isinstance(claim, GrowthClaim):
                factor = Span(_ONE, _ONE) + factor
            possible = factor.meet(NON_NEGATIVE)
            now, before = (claim.flow, claim.period), (claim.flow, claim.base)
            sign = self.signs.get(claim.id, 1)
            if claim.id in self.signs:
                # A balance's growth is its size's: the same sign in both periods.
                side = NON_NEGATIVE if sign > 0 else Span(-INF, _ZERO)
                yield Fix(now, side)
                yield Fix(before, side)
            if possible is None:
                # A fall of more than 100%: no value of a flow that cannot be negative.
                yield Fix(now, EMPTY)
            else:
                yield Scaling(now, before, possible, negative=sign < 0)
        elif isinstance(claim, ShareClaim):
            yield Scaling(
                (claim.part, claim.period), (claim.whole, claim.period), self.published(claim)
            )
        else:
            for period in self.periods_of(claim):
                yield Sum((claim.total, period), tuple((part, period) for part in claim.parts))

    def _linear(self, constraint: Constraint) -> Iterable[Row]:
        """A constraint as linear rows: exact, since a product's base is 0 or more."""
        if isinstance(constraint, Fix):
            variable = self._index[constraint.variable]
            span = constraint.span
            if span.low > span.high:
                yield Row({}, ">=", 1)  # never holds
                return
            if span.low.is_finite():
                yield Row({variable: 1}, ">=", inward(span.low))
            if span.high.is_finite():
                yield Row({variable: 1}, "<=", inward(span.high))
        elif isinstance(constraint, Scaling):
            result, base = self._index[constraint.result], self._index[constraint.base]
            # result = base × factor with base >= 0 and factor in [lo, hi] is exactly
            # lo × base <= result <= hi × base: the product is linear in base. With
            # base <= 0 (a deficit, fixed so by the claim) the two sides swap.
            if base in self._free and constraint.base not in self._signed_bases:
                raise ValueError(  # pragma: no cover - the report refuses such claims
                    f"the base {quote(constraint.base)} of a product may be negative"
                )
            factor = constraint.factor
            above: Sense = ">=" if not constraint.negative else "<="
            below: Sense = "<=" if not constraint.negative else ">="
            if factor.low.is_finite():
                yield Row(linear_sum([(result, 1), (base, -inward(factor.low))]), above, 0)
            if factor.high.is_finite():
                yield Row(linear_sum([(result, 1), (base, -inward(factor.high))]), below, 0)
        elif isinstance(constraint, Step):
            yield from self._step_rows(constraint)
        else:
            terms = [(self._index[part], -1) for part in constraint.parts]
            yield Row(linear_sum([(self._index[constraint.total], 1), *terms]), "=", 0)

    def _step_rows(self, constraint: Step) -> Iterable[Row]:
        """``later - earlier`` within ``step`` (× ``base``, which is 0 or more): linear."""
        later, earlier = self._index[constraint.later], self._index[constraint.earlier]
        step = constraint.step
        if step.low > step.high:  # pragma: no cover - published ranges are never empty
            yield Row({}, ">=", 1)
            return
        if constraint.base is None:
            difference = linear_sum([(later, 1), (earlier, -1)])
            if step.low.is_finite():
                yield Row(difference, ">=", inward(step.low))
            if step.high.is_finite():
                yield Row(difference, "<=", inward(step.high))
            return
        base = self._index[constraint.base]
        if base in self._free:  # pragma: no cover - the report refuses such claims
            raise ValueError(f"the base {quote(constraint.base)} of a contribution may be negative")
        # later - earlier = base × f with base >= 0 and f in [lo, hi] is exactly
        # lo × base <= later - earlier <= hi × base, as for a product.
        if step.low.is_finite():
            yield Row(linear_sum([(later, 1), (earlier, -1), (base, -inward(step.low))]), ">=", 0)
        if step.high.is_finite():
            yield Row(linear_sum([(later, 1), (earlier, -1), (base, -inward(step.high))]), "<=", 0)

    def program(self, claim_ids: Iterable[str]) -> Program:
        """The linear program of the given claims: its solutions are the values they allow.

        The balance relations are always in it.
        """
        ordered = sorted(set(claim_ids), key=self._order.__getitem__)
        rows = [row for claim_id in ordered for row in self._rows[claim_id]]
        return Program(len(self._index), [*rows, *self._relations_on(rows)], self._free)

    def _component_rows(self, component: int) -> list[tuple[str | None, Row]]:
        """A component's rows by claim, and the balance relations on its values (claim ``None``)."""
        rows: list[tuple[str | None, Row]] = [
            (claim_id, row)
            for claim_id in self.components[component]
            for row in self._rows[claim_id]
        ]
        return rows + [(None, row) for row in self._relations_on([row for _, row in rows])]

    def _relations_on(self, rows: Iterable[Row]) -> list[Row]:
        """The rows of the balance relations tied to the values of ``rows``, directly or not.

        The others leave those values free, so leaving them out keeps programs small.
        """
        used = {j for row in rows for j in row.coefficients}
        left, found = list(self._relation_rows), []
        grown = True
        while grown:
            grown = False
            for row in list(left):
                if used.intersection(row.coefficients):
                    found.append(row)
                    used.update(row.coefficients)
                    left.remove(row)
                    grown = True
        return found

    def polyhedron(self, claim_ids: Iterable[str]) -> Polyhedron | Certified | Tree | StarAnswers:
        """The values the given claims allow (cached)."""
        key = frozenset(claim_ids)
        if key not in self._polyhedra:
            self._polyhedra[key] = self._polyhedron(key)
        return self._polyhedra[key]

    def _polyhedron(self, key: frozenset[str]) -> Polyhedron | Certified | Tree | StarAnswers:
        # A tree needs no solver at all; the rest is HiGHS's where it may solve.
        component = self._component(key)
        if component is not None and self._tree(component) is not None:
            return Tree(self, key, component)
        if component is None or not self.floats:
            return self._grown(key)
        star = self._star(component)
        return (
            Certified(self, key, component)
            if star is None
            else StarAnswers(self, key, component, star)
        )

    def exact_for(self, component: int) -> bool:
        """Whether the exact simplex answers the component's programs rather than HiGHS.

        Without HiGHS it answers every one. With it, those asked while a figure's
        search over pieces runs (:meth:`_exact_with_points`), in a component of at
        most ``_SMALL`` columns: its pieces' polyhedra are the network's with a few
        rows added (:meth:`.Polyhedron.with_rows`), so each program costs a pivot or
        two in fractions, less than a HiGHS run and the exact certificate of its
        answer. Elsewhere HiGHS's shortcuts save more than that (measured: see
        "Small components in the exact simplex" in the performance history).
        """
        if not self.floats:
            return True
        whole = self._whole
        if not whole._searching:
            return False
        if whole._columns is None:
            whole._columns = {}
        if component not in whole._columns:
            rows = whole._component_rows(component)
            whole._columns[component] = len({j for _, row in rows for j in row.coefficients})
        return whole._columns[component] <= _SMALL

    def _grown(self, key: frozenset[str]) -> Polyhedron:
        """The exact polyhedron of ``key``, reshaped from a solved one where it can be.

        A piece holds its network's rows of the other claims, and more: its
        network's polyhedron of those needs only the piece's own rows added. A
        network's set of claims is often a set solved before with a claim or two
        left out or added (the leave-one-out sets). Rows left out and rows added
        cost a pivot or a few each (:meth:`.Polyhedron.without_rows`,
        :meth:`.Polyhedron.with_rows`), where a phase one from scratch costs about one a row.
        """
        program = self.program(key)
        if self.origin is not None:
            network, replaced = self.origin
            outers = [network.polyhedron(key - replaced)]
        else:
            outers = self._near(key)
        for near in outers:
            # A small component's polyhedron in a search holds its exact simplex, if asked.
            outer = near.solved if isinstance(near, Certified) and near.small else near
            reshaped = _reshaped(outer, program) if isinstance(outer, Polyhedron) else None
            if reshaped is not None:
                return reshaped
        return Polyhedron(program, deadline=self.deadline)

    def _near(self, key: frozenset[str]) -> list[Polyhedron | Certified | Tree | StarAnswers]:
        """The polyhedra of sets solved lately that differ from ``key`` in a few claims.

        Nearest first, and of those the latest.
        """
        few = max(2, len(key) // _NEAR)
        found = [
            (len(known ^ key), number, outer)
            for number, (known, outer) in enumerate(
                itertools.islice(reversed(self._polyhedra.items()), _LATELY)
            )
            if len(known ^ key) <= few
        ]
        return [outer for _, _, outer in sorted(found, key=lambda f: f[:2])]

    def _star(self, component: int) -> Star | None:
        """A component's star, if it is one sum of parts in two periods, each flow's claims its own.

        Then each question about one part and the total is a small program
        (:class:`.Star`): every claim but the sum ties the two values of one
        flow of the sum, no value may be below 0 and no claim is in points.
        """
        if not self.floats:  # its small programs are HiGHS's
            return None
        if component not in self._stars:
            self._stars[component] = self._find_star(self.components[component])
        return self._stars[component]

    def _find_star(self, members: Sequence[str]) -> Star | None:
        sums = [c for c in members if isinstance(self._claims[c], SumClaim)]
        if len(sums) != 1 or not self._rows[sums[0]]:
            return None
        claim = self._claims[sums[0]]
        assert isinstance(claim, SumClaim)
        periods = self.periods_of(claim)
        flows = [claim.total, *claim.parts]
        # (The others' sum of a lone part is the point 0, which no normal of theirs bounds.)
        few = max(2, _star.FEWEST_PARTS)
        if len(periods) != 2 or len(set(flows)) != len(flows) or len(claim.parts) < few:
            return None
        columns = {
            flow: (self._index[(flow, periods[0])], self._index[(flow, periods[1])])
            for flow in flows
        }
        flow_of = {column: flow for flow, pair in columns.items() for column in pair}
        owners: dict[str, str] = {}
        for claim_id in members:
            if claim_id == claim.id:
                continue
            if claim_id in self._points_ids or claim_id in self.signs:
                return None
            rows = self._rows[claim_id]
            owned = {flow_of.get(j) for row in rows for j in row.coefficients}
            # A row on no value (a fall of more than 100%) is left to the general engine.
            if None in owned or len(owned) > 1 or any(not row.coefficients for row in rows):
                return None
            for flow in owned:
                assert flow is not None  # checked just above
                owners[claim_id] = flow
        rows = [row for claim_id in members for row in self._rows[claim_id]]
        used = {j for row in rows for j in row.coefficients}
        if used & self._free or self._relations_on(rows):
            return None
        return Star(
            claim.id, claim.total, claim.parts, columns=columns, owners=owners, rows=self._rows
        )

    def _tree(self, component: int) -> frozenset[str] | None:
        """A component's claims, if they tie its values two at a time with no cycle.

        Then every question about them is answered by :class:`._forest.Forest`: a
        growth rate, a multiplier, a share or a change in level ties two values, a
        published value bounds one; no value may be below 0 (a balance is tied to its
        exports and imports) and no claim is in points.
        """
        if self.engine == "exact":
            return None
        if component not in self._treelike:
            members = self.components[component]
            rows = {claim_id: self._rows[claim_id] for claim_id in members}
            used = {j for found in rows.values() for row in found for j in row.coefficients}
            simple = all(
                isinstance(self._claims[claim_id], Tied)
                and claim_id not in self.signs
                and claim_id not in self._points_ids
                for claim_id in members
            )
            fits = (
                simple
                and not used & self._free
                and not self._relations_on(row for found in rows.values() for row in found)
                and is_forest(rows)
            )
            self._treelike[component] = frozenset(members) if fits else None
        return self._treelike[component]

    def forest(self, key: frozenset[str]) -> Forest:
        """The forest of some claims of one tree-like component (cached)."""
        if key not in self._forests:
            rows = {claim_id: self._rows[claim_id] for claim_id in key}
            self._forests[key] = Forest(rows, self._free, deadline=self.deadline)
        return self._forests[key]

    def _by_forest(self, claim: Claim, claim_ids: Iterable[str]) -> Refined | Literal[False] | None:
        """:meth:`implied_by_others` where the claim's component is a tree: exact, no program.

        ``None`` where the others tied to the claim cannot hold together; ``False``
        where the general way answers (not a tree, a ratio whose base cannot be above
        0, a base that may be 0 to look at).
        """
        component = self._component_of.get(claim.id)
        members = None if component is None else self._tree(component)
        if members is None or not isinstance(claim, Tied):
            return False
        key = members.intersection(claim_ids) | {claim.id}
        others = key - {claim.id}
        forest = self.forest(key)
        if forest.broken:
            return False
        if not self.known_to_hold(others):
            if not forest.tree_without(claim.id):
                return None
            if self._bases(others) and not self.holds(others):
                return False
        return self._tied_figure(claim, forest)

    def _tied_figure(self, claim: Tied, forest: Forest) -> Refined | Literal[False]:
        """What the others of a tree imply for a claim's figure (they hold together).

        ``False`` for a ratio whose base they keep at 0: branch and prune answers it.
        """
        if isinstance(claim, ValueClaim):
            name = (claim.flow, claim.period)
            found = forest.alone(self._index[name], without=claim.id)
            span = outward(found.low, found.high)
            return Refined({name: span}, {claim.period: span}, 0)
        first, second = (self._index[name] for name in self.inputs(claim, claim.period))
        lines = forest.pair(first, second, without=claim.id)
        if lines is None:  # pragma: no cover - the claim's own rows tie its two values
            return False
        if isinstance(claim, ChangeClaim):
            change = extremes(lines, (1, -1))
            assert change is not None  # the others hold
            return Refined({}, {claim.period: outward(change.low, change.high)}, 0)
        ratio = _tied_ratio(lines)
        if ratio is None:
            return False
        if isinstance(claim, GrowthClaim):
            figure = _meet(ratio - Span(_ONE, _ONE), GROWTH_DOMAIN)
        elif isinstance(claim, MultiplierClaim):
            figure = _meet(ratio, NON_NEGATIVE)
        else:
            figure = _meet(ratio, SHARE_DOMAIN)
        return Refined({}, {claim.period: figure}, 0)

    def _single_component(self, key: frozenset[str]) -> int | None:
        """The component holding all of ``key``, when HiGHS is to solve; else ``None``."""
        component = self._component(key)
        return None if component is None or self.exact_for(component) else component

    def _component(self, key: frozenset[str]) -> int | None:
        """The component holding all of ``key``, but with the exact engine; else ``None``."""
        if self.engine == "exact" or not key:
            return None
        found = {self._component_of[claim_id] for claim_id in key}
        return found.pop() if len(found) == 1 else None

    @functools.cached_property
    def _locals(self) -> dict[int, dict[int, int]]:
        """The columns of each component's model by variable, cached (a piece keeps its own)."""
        return {}

    def columns(self, component: int) -> dict[int, int]:
        """The columns of :meth:`model` by variable, without building the model.

        A small component's polyhedron in a search asks only these: the exact
        simplex answers it, and HiGHS's model of each piece would go unused.
        """
        if component not in self._locals:
            owned = self._component_rows(component)
            used = sorted({j for _, row in owned for j in row.coefficients})
            self._locals[component] = {variable: number for number, variable in enumerate(used)}
        return self._locals[component]

    def model(self, component: int) -> tuple[_float.Model, dict[int, int]]:
        """The HiGHS model of a component's rows, and its columns by variable."""
        if component not in self._models:
            owned = self._component_rows(component)
            local = self.columns(component)
            used = sorted(local, key=local.__getitem__)
            rows = [
                (
                    claim_id,
                    Row({local[j]: c for j, c in row.coefficients.items()}, row.sense, row.rhs),
                )
                for claim_id, row in owned
            ]
            free = [local[j] for j in used if j in self._free]
            self._models[component] = (_float.Model.of_rows(len(used), rows, free), local)
        return self._models[component]

    def lifted_model(self, component: int) -> tuple[_float.Model, int]:
        """The component's rows in Charnes–Cooper form, and the denominator's row."""
        if component not in self._lifted_models:
            # Not from the plain model, which a piece asked only ratios never builds.
            local = self.columns(component)
            t = len(local)
            rows: list[tuple[str | None, Row]] = []
            for claim_id, row in self._component_rows(component):
                coefficients = {local[j]: c for j, c in row.coefficients.items()}
                coefficients[t] = -Fraction(row.rhs)
                rows.append((claim_id, Row(coefficients, row.sense, 0)))
            rows.append((None, Row({t: 1}, "=", 1)))
            free = [number for j, number in local.items() if j in self._free]
            lifted = _float.Model.of_rows(t + 1, rows, free, scale=False)
            self._lifted_models[component] = (lifted, len(rows) - 1)
        return self._lifted_models[component]

    def extent(self, claim_ids: Iterable[str], terms: Iterable[tuple[Key, int]]) -> Span:
        """The exact range of ``Σ coefficient × value`` under the claims, rounded outward.

        Raises:
            Infeasible: If the claims cannot all hold.
        """
        terms = list(terms)
        polyhedron = self.polyhedron(self._around([name for name, _ in terms], claim_ids))
        objective = linear_sum((self._index[name], factor) for name, factor in terms)
        return outward(polyhedron.minimum(objective), polyhedron.maximum(objective))

    def ratio(
        self,
        claim_ids: Iterable[str],
        numerator: Iterable[tuple[Key, int]],
        denominator: Iterable[tuple[Key, int]],
    ) -> Span | None:
        """The exact range of a ratio of two sums of values, rounded outward.

        Returns:
            The range, or ``None`` if the denominator may be 0, where the exact method
            does not apply.

        Raises:
            Infeasible: If the claims cannot all hold.
        """
        numerator, denominator = list(numerator), list(denominator)
        names = [name for name, _ in [*numerator, *denominator]]
        below = linear_sum((self._index[name], factor) for name, factor in denominator)
        found = self._ratio(
            self._around(names, claim_ids),
            linear_sum((self._index[name], factor) for name, factor in numerator),
            below,
            # A ratio of one value (a growth rate, a share, a contribution) is defined
            # only where that value is above 0, and is measured there.
            base=len(below) == 1 and next(iter(below.values())) > 0,
        )
        return None if found is None else outward(*found)

    def _ratio(
        self,
        claims: frozenset[str],
        numerator: dict[int, Fraction],
        denominator: dict[int, Fraction],
        *,
        base: bool = False,
    ) -> tuple[Fraction | None, Fraction | None] | None:
        """:func:`._linear.ratio_range` with the transformed polyhedron cached.

        Figures share denominators (a share and a change of share, a growth rate and
        a contribution): phase one is done once per set of claims and denominator.

        With ``base``, the range is over the values with the denominator above 0:
        the Charnes–Cooper program with ``t >= 0`` is then still exact, as long as
        some allowed value has the denominator above 0 (its points with ``t > 0``
        are exactly those values, and those with ``t = 0`` are limits of them
        along rays, since the polyhedron is convex). Without it, the denominator
        must stay above 0 everywhere.
        """
        if self.engine != "exact":
            apart = self._apart(claims, numerator, denominator, base=base)
            if apart is not False:
                return apart
        polyhedron = self.polyhedron(claims)
        if not (base and self._reads_ratios(polyhedron)):
            return self._lifted_ratio(claims, polyhedron, numerator, denominator, base=base)
        # A share or growth rate read off a complement or reciprocal found already.
        found = self._known_ratio(claims, numerator, denominator)
        if found is None:
            found = self._lifted_ratio(claims, polyhedron, numerator, denominator, base=base)
            if found is not None:
                self._found_ratios.keep(claims, numerator, denominator, found)
        return found

    def _lifted_ratio(
        self,
        claims: frozenset[str],
        polyhedron: Polyhedron | Certified | Tree | StarAnswers,
        numerator: dict[int, Fraction],
        denominator: dict[int, Fraction],
        *,
        base: bool,
    ) -> tuple[Fraction | None, Fraction | None] | None:
        """:meth:`_ratio` by its transformed polyhedron (cached) or a star's program."""
        # On a star, one small program per part (see _star): the part is in the key.
        part = (
            polyhedron.star.part_of([*numerator, *denominator])
            if isinstance(polyhedron, StarAnswers)
            else None
        )
        key = (claims, tuple(sorted(denominator.items())), base, part)
        if key not in self._lifted:
            lowest = (
                _ONE_FRACTION
                if self._propagated_positive(claims, polyhedron, denominator)
                else polyhedron.minimum(denominator)
            )
            component = self._single_component(claims)
            relaxed = base and (lowest is None or lowest <= 0)
            if relaxed:
                highest = polyhedron.maximum(denominator)
                lowest = None if highest is not None and highest <= 0 else _ONE_FRACTION
            if lowest is None or lowest <= 0:
                self._lifted[key] = None
            elif (
                isinstance(polyhedron, StarAnswers)
                and (
                    small := polyhedron.lifted(
                        [*numerator, *denominator],
                        denominator,
                        exact=not relaxed and not self.loose,
                    )
                )
                is not None
            ):
                self._lifted[key] = small
            elif component is None or not set(denominator) <= set(self.columns(component)):
                # HiGHS's lifted model has a column for each value some row names only.
                if isinstance(polyhedron, Certified) and polyhedron.small:
                    polyhedron = polyhedron.exact
                self._lifted[key] = (
                    polyhedron.charnes_cooper(denominator)
                    if isinstance(polyhedron, Polyhedron)
                    else Polyhedron(
                        charnes_cooper(self.program(claims), denominator), deadline=self.deadline
                    )
                )
            else:
                # Where the base may be 0 the ratio is often unbounded, which HiGHS cannot
                # certify: an open end then, rather than the slow exact simplex.
                self._lifted[key] = Lifted(
                    self,
                    claims,
                    component,
                    denominator,
                    exact=not relaxed and not self.loose,
                    positive=not relaxed,
                )
        lifted = self._lifted[key]
        if lifted is None:
            return None
        if not lifted.feasible:  # pragma: no cover - the check above found values
            raise Infeasible
        return lifted.minimum(numerator), lifted.maximum(numerator)

    @functools.cached_property
    def _found_ratios(self) -> _ratios.Known:
        """The exact ranges of shares and growth rates found here (a piece keeps its own)."""
        return _ratios.Known()

    def _reads_ratios(self, polyhedron: Polyhedron | Certified | Tree | StarAnswers) -> bool:
        """Whether ratios over ``polyhedron`` are kept and read off each other (:mod:`._ratios`).

        Not in the exact engine, every other's reference, nor on a tree or a star,
        whose engines answer ratios their own way.
        """
        return self.engine != "exact" and isinstance(polyhedron, Certified | Polyhedron)

    def _known_ratio(
        self,
        claims: frozenset[str],
        numerator: dict[int, Fraction],
        denominator: dict[int, Fraction],
    ) -> _ratios.Ends | None:
        """A ratio's exact range read off ratios found under ``claims`` (see :mod:`._ratios`)."""
        # A complement's row names the numerator's value: only those rows are read.
        rows = (
            self._rows_naming(self._keys[next(iter(numerator))], claims)
            if len(numerator) == 1
            else []
        )
        known = self._found_ratios
        return known.implied(claims, numerator, denominator, rows=rows, free=self._free)

    def _propagated_positive(
        self,
        claims: frozenset[str],
        polyhedron: Polyhedron | Certified | Tree | StarAnswers,
        denominator: Mapping[int, Fraction],
    ) -> bool:
        """Whether propagation keeps a denominator of one value above 0 under ``claims``.

        Only its sign is read of the denominator's minimum, and propagation is
        sound: a value it keeps above 0 is above 0 wherever the claims hold, so
        that program is not needed (a value published, or tied to one by a
        growth rate or a change, as every base of ``kinds`` is).
        """
        if not isinstance(polyhedron, Certified) or len(denominator) != 1:
            return False
        ((variable, coefficient),) = denominator.items()
        if coefficient <= 0 or not polyhedron.feasible:
            return False
        # Over the whole network rather than the piece: its propagation is sound for
        # every piece (which only adds rows) and is done once for all of them.
        whole = self._whole
        asked = (claims, variable)
        if asked not in whole._above_zero:
            whole._above_zero[asked] = whole._keeps_above_zero(claims, self._keys[variable])
        return whole._above_zero[asked]

    def _keeps_above_zero(self, claims: frozenset[str], name: Key) -> bool:
        """Whether propagation under ``claims`` keeps the value ``name`` above 0.

        Over the values the claims name alone, and not kept: the spans of every
        value of a large report for each set of claims asked would add up.
        """
        spans = self._cache[claims] if claims in self._cache else self.spans_named(claims)
        return spans is not None and name in spans and spans[name].low > 0

    def sign(self, claim_ids: frozenset[str], first: Key, second: Key) -> int:
        """The sign of ``first - second`` wherever the claims hold, as propagation tells it.

        Propagation under the claims other than those in points (a piece holds
        those by rows of its own, which propagation does not see) is sound: every
        value those claims allow lies in its spans, so ``1`` says ``first > second``
        at each of them (and at the points of their polyhedron, limits of them),
        ``-1`` says ``first < second``, and ``0`` tells neither.
        """
        claims = frozenset(claim_ids) - self._points_ids
        spans = self._cache[claims] if claims in self._cache else self.spans_named(claims)
        if spans is None or first not in spans or second not in spans:
            return 0
        above, below = spans[first], spans[second]
        return 1 if above.low > below.high else -1 if above.high < below.low else 0

    def spans_named(self, claims: frozenset[str]) -> dict[Hashable, Span] | None:
        """Propagation under ``claims`` over the values they name alone (``None``: none left).

        Not kept but for the last set of claims: the spans of every value of a large
        report for each set of claims asked would add up. The answer is shared: read it,
        do not change it.
        """
        if self._named is not None and self._named[0] == claims:
            return self._named[1]
        constraints = self._constraints_of(claims)
        try:
            found = propagate(named(self.domains, constraints), constraints)
        except NoValueLeft:
            found = None
        self._named = (claims, found)
        return found

    def _apart(
        self,
        claims: frozenset[str],
        numerator: dict[int, Fraction],
        denominator: dict[int, Fraction],
        *,
        base: bool,
    ) -> tuple[Fraction | None, Fraction | None] | Literal[False] | None:
        """:meth:`_ratio` where no claim ties the numerator's values to the denominator's.

        The values the claims allow are then a product, one factor for each, and the
        ratio's range is the quotient of two ranges, each from the smaller program of
        its own claims (a growth rate left out of a flow over many years: the years
        before and those after). ``False`` where they are tied (or a range is open
        at an end that matters), for the linear-fractional program.
        """
        top = self._ties.reach([self._keys[j] for j in numerator], claims)
        if any(self._keys[j] in top[1] for j in denominator):
            return False
        bottom = self._around([self._keys[j] for j in denominator], claims)
        below = self.polyhedron(bottom)
        lowest, highest = below.minimum(denominator), below.maximum(denominator)
        if highest is not None and highest <= 0:
            return None
        if lowest is None or lowest <= 0:
            if not base:
                return None
            lowest = _ZERO_FRACTION  # over the values with the denominator above 0
        above = self.polyhedron(top[0])
        low, high = above.minimum(numerator), above.maximum(numerator)
        return _quotient(low, high, lowest, highest)

    def share_change(
        self, claim_ids: Iterable[str], now: tuple[Key, Key], before: tuple[Key, Key]
    ) -> Span | None:
        """The range of ``now[0] / now[1] - before[0] / before[1]`` under the claims.

        A difference of two ratios is no linear-fractional program. With
        ``y = x / now[1]`` (Charnes–Cooper) the later share is linear, and the
        earlier one, ``s = y[part] / y[whole]``, is tied to ``y`` by the bilinear
        ``y[part] = s × y[whole]``. Its McCormick envelope over a slice ``a <= s <= b``
        (and the range of ``y[whole]``) is linear: minimizing and maximizing
        ``y[later part] - s`` over it bounds the change over the slice, loosely by
        about the slice's width times that of ``y[whole]``. The slice holding the
        lowest (highest) end is halved until the end is settled or the budget
        (splits per end) is spent. Sound at every step.

        Where the claims say ``t = e + m`` in both periods, the change of the share
        of ``m`` in ``t`` is minus that of ``e``: found for one, it is read off for
        the other (:meth:`_complement_change`).

        Returns:
            The range (a fraction, not points), or ``None`` if a base may be 0.

        Raises:
            Infeasible: If the claims cannot all hold.
        """
        claims = self._around([*now, *before], claim_ids)
        found = self._complement_change(claims, now, before)
        if found is None:
            found = self._searched_change(claims, now, before)
            if found is not None:
                self._share_changes[(claims, now, before)] = found
        return found

    @functools.cached_property
    def _share_changes(self) -> dict[_Changed, Span]:
        """The ranges of changes of share found here (a piece keeps its own)."""
        return {}

    def _complement_change(
        self, claims: frozenset[str], now: tuple[Key, Key], before: tuple[Key, Key]
    ) -> Span | None:
        """The range of a change of share read off its complement's, if found already.

        Where the claims say ``t = e + m`` in both periods, the share of ``m`` is one
        minus that of ``e`` wherever ``t`` is above 0, so its change is minus ``e``'s:
        an identity, so the range stays sound. Unlike a ratio's (see :mod:`._ratios`),
        a change of share's range depends on its search, so the exact engine reads it
        off too, and both engines print the same.
        """
        if not self._share_changes:
            return None
        index, keys = self._index, self._keys
        later = _ratios.complements(self._rows_naming(now[0], claims), index[now[1]], index[now[0]])
        earlier = _ratios.complements(
            self._rows_naming(before[0], claims), index[before[1]], index[before[0]]
        )
        for other, old in itertools.product(later, earlier):
            found = self._share_changes.get((claims, (keys[other], now[1]), (keys[old], before[1])))
            if found is not None:
                return Span(-found.high, -found.low)
        return None

    def _rows_naming(self, key: Key, claims: frozenset[str]) -> list[Row]:
        """The rows of ``claims`` (and of the relations) that name the value ``key``.

        By the claims that name it: a total of many parts is in every claim of a star.
        """
        variable = self._index[key]
        rows = [row for row in self._relation_rows if variable in row.coefficients]
        for claim_id in self._claims_of.get(key, ()):
            if claim_id in claims:
                rows.extend(self._rows[claim_id])
        return rows

    def _searched_change(
        self, claims: frozenset[str], now: tuple[Key, Key], before: tuple[Key, Key]
    ) -> Span | None:
        """:meth:`share_change` by its search over slices of the earlier share."""
        index, program = self._program_of(claims, [*now, *before])
        part, whole = index[now[0]], index[now[1]]
        old_part, old_whole = index[before[0]], index[before[1]]
        # Over the values with both bases above 0, where both ratios are defined.
        columns = [self._index[name] for name in (now[1], *before)]
        earlier = self._ratio(
            claims, {columns[1]: _ONE_FRACTION}, {columns[2]: _ONE_FRACTION}, base=True
        )
        scale = self._ratio(
            claims, {columns[2]: _ONE_FRACTION}, {columns[0]: _ONE_FRACTION}, base=True
        )
        if earlier is None or scale is None or None in earlier or scale[0] is None:
            return None  # a base may be 0, or the earlier share is unbounded
        first, last = earlier
        assert first is not None  # checked just above
        assert last is not None
        # The range of w = y[old whole] = old whole / whole, for the envelope.
        ends = [(scale[0], 1)] if scale[1] is None else [(scale[0], 1), (scale[1], -1)]
        lifted = charnes_cooper(program, {whole: 1})
        share = lifted.size  # s, the earlier share
        # Without HiGHS, the slices grow one exact polyhedron of the transform.
        plain = None if self.floats or index is not self._index else self.polyhedron(claims)
        solved = plain.charnes_cooper({whole: 1}) if isinstance(plain, Polyhedron) else None
        # One model for every slice: they differ only in their last rows.
        shared = (
            None
            if not self.floats
            else _float.Slices(
                share + 1,
                lifted.rows,
                4 + 2 * len(ends),
                lifted.free,
                [share],
                deadline=self.deadline,
            )
        )

        objective = {part: 1, share: -1}

        def slice_(low: Fraction, high: Fraction) -> _Slice | None:
            on_time(self.deadline)
            rows = [
                *lifted.rows,
                Row({share: 1}, ">=", low),
                Row({share: 1}, "<=", high),
                Row({old_part: 1, old_whole: -low}, ">=", 0),
                Row({old_part: 1, old_whole: -high}, "<=", 0),
            ]
            # McCormick: (s - low)(w - w_end) and (high - s)(w - w_end) have the sign
            # of (w - w_end), with s × w = y[old part].
            for end, sign in ends:
                rows.append(
                    Row(
                        {old_part: sign, old_whole: -low * sign, share: -end * sign},
                        ">=",
                        -low * end * sign,
                    )
                )
                rows.append(
                    Row(
                        {old_part: -sign, old_whole: high * sign, share: end * sign},
                        ">=",
                        high * end * sign,
                    )
                )
            polyhedron: Polyhedron | _float.Slice = (
                shared.slice(rows[len(lifted.rows) :], objective)
                if shared is not None
                else Polyhedron(Program(share + 1, rows, lifted.free), deadline=self.deadline)
                if solved is None
                else solved.with_rows(rows[len(lifted.rows) :], share + 1)
            )
            if not polyhedron.feasible:
                return None
            lowest = polyhedron.minimum(objective)
            reached = [_change(polyhedron.point, part, old_part, old_whole)]
            highest = polyhedron.maximum(objective)
            reached.append(_change(polyhedron.point, part, old_part, old_whole))
            if lowest is None or highest is None:  # pragma: no cover - s and y[part] are bounded
                return None
            return _Slice(low, high, lowest, highest, reached[0], reached[1])

        # The earlier share takes every value between its ends (the polyhedron is
        # convex), so no slice may come out empty. Should one, trust none of them:
        # the caller falls back on the difference of the two shares' ranges.
        whole_range = slice_(first, last)
        if whole_range is None:
            return None
        slices = [whole_range]
        tolerance = (slices[0].highest - slices[0].lowest) * _SETTLED
        for low in (True, False):
            stale = 0
            for _ in range(self.budget):
                extreme = _extreme(slices, low=low)
                # The optimum of the envelope is a point of the polyhedron: the change
                # there is a value the change takes, so the end lies between the two.
                reached = extreme.reached_low if low else extreme.reached_high
                gap = None if reached is None else abs(reached - extreme.end(low=low))
                if gap is not None and gap <= tolerance:
                    break  # exact, or as good as
                if stale >= _PATIENCE or extreme.top - extreme.bottom <= tolerance:
                    break  # settled: splitting no longer moves the end
                slices.remove(extreme)
                middle = (extreme.bottom + extreme.top) / 2
                halves = [slice_(extreme.bottom, middle), slice_(middle, extreme.top)]
                if None in halves:
                    return None
                slices.extend(found for found in halves if found is not None)
                moved = abs(_extreme(slices, low=low).end(low=low) - extreme.end(low=low))
                stale = 0 if moved > tolerance else stale + 1
        return outward(min(s.lowest for s in slices), max(s.highest for s in slices))

    def _program_of(
        self, claims: frozenset[str], names: Sequence[Key]
    ) -> tuple[Mapping[Hashable, int], Program]:
        """A program of ``claims`` that holds the values ``names``, and their columns in it.

        The whole program, or on a star the small one of a part and its total.
        """
        polyhedron = self.polyhedron(claims)
        if isinstance(polyhedron, StarAnswers):
            local = polyhedron.local(self._index[name] for name in names)
            if local is not None:
                # One part and its total on a star: the same values in four columns.
                index: dict[Hashable, int] = {
                    self._keys[column]: number for number, column in local.columns.items()
                }
                return index, local.program
        return self._index, self.program(claims)

    def with_points(self, claim_ids: Iterable[str]) -> Network:
        """A piece that holds the claims in points among ``claim_ids`` as far as one can.

        For the figures the claims imply together (:func:`._points.cover`); the
        network itself where no claim in points constrains anything.
        """
        key = frozenset(claim_ids)
        rows: dict[str, list[Row]] = {}
        scalings: dict[str, list[Scaling]] = {}
        # The narrowing's pieces that hold the piece: it inherits their minima.
        inside: list[_points.Host] = []
        for members in self.components:
            relations = self._relations(key & set(members))
            if relations:
                found = _points.cover(self, key & set(members), relations)
                rows.update(found[0])
                scalings.update(found[1])
                inside.extend(found[2])
        return self.with_rows(rows, scalings, inside=inside) if rows else self

    def exact_spans(self, claim_ids: Iterable[str]) -> dict[Hashable, Span]:
        """Every value's exact range under the claims, rounded outward.

        Raises:
            Infeasible: If the claims cannot all hold.
            OutOfTime: If the deadline passes first.
        """
        ids = frozenset(claim_ids)  # once, not for each value
        found: dict[Hashable, Span] = {}
        trees: dict[int, Forest] = {}
        for key in self._keys:
            on_time(self.deadline)
            claims = self._claims_of.get(key)
            component = None if not claims else self._component_of[claims[0]]
            members = None if component is None else self._tree(component)
            if component is None or members is None:
                found[key] = self.extent(ids, [(key, 1)])
                continue
            if component not in trees:
                trees[component] = self.forest(members.intersection(ids))
            if not trees[component].feasible:  # pragma: no cover - see the check
                raise Infeasible
            end = trees[component].range(self._index[key])
            found[key] = outward(end.low, end.high)
        return found

    # -- propagation -----------------------------------------------------------------

    def solve(self, claim_ids: Iterable[str]) -> dict[Hashable, Span] | None:
        """The narrowed spans under the given claims, or ``None`` if they cannot all hold.

        Only the values the claims name: any other keeps its span of :attr:`domains`.
        Propagating (and keeping) the spans of every value of the report for each set
        of claims made each group's cost grow with the report's size.
        """
        key = frozenset(claim_ids)
        if key not in self._cache:
            constraints = self._constraints_of(key)
            try:
                self._cache[key] = propagate(named(self.domains, constraints), constraints)
            except NoValueLeft:
                self._cache[key] = None
        return self._cache[key]

    def _span(self, spans: Spans, variable: int) -> Span:
        """A value's span in :meth:`solve`'s answer: its domain if no claim names it."""
        name = self._keys[variable]
        return spans.get(name) or self.domains[name]

    def _constraints_of(self, claim_ids: Iterable[str]) -> list[Constraint]:
        ordered = sorted(set(claim_ids), key=self._order.__getitem__)
        return [c for claim_id in ordered for c in self.constraints[claim_id]] + self.relations

    def refine(
        self,
        claim_ids: Iterable[str],
        readout: Readout,
        inputs: Mapping[Hashable, Sequence[Hashable]],
    ) -> Refined | None:
        """Branch and prune under the given claims (see :func:`._narrowing.branch_and_prune`)."""
        return branch_and_prune(
            self.domains, self._constraints_of(claim_ids), readout, inputs, budget=self.budget
        )

    def implied_by_others(self, claim: Claim, claim_ids: Iterable[str]) -> Refined | None:
        """What the claims ``claim_ids`` imply for ``claim``'s figure, narrowed by branching.

        The figures are keyed by period. Only the claims linked to the figure's
        variables (directly or through other claims) are used, so that the result
        can be shared between sets of claims that differ elsewhere.

        Returns:
            The refined figures and spans, or ``None`` if those claims cannot all hold.
        """
        # A set once: a check passes every claim of the report, for each claim.
        claim_ids = claim_ids if isinstance(claim_ids, frozenset) else frozenset(claim_ids)
        if (tree := self._by_forest(claim, claim_ids)) is not False:
            return tree
        linked = self._linked(claim, claim_ids)
        key = (claim.id, linked)
        if key not in self._refined:
            periods = self.periods_of(claim)

            def readout(spans: Spans) -> dict[Hashable, Span]:
                return {period: self.figure(claim, period, spans) for period in periods}

            nonlinear = linked & self._points_ids - self.given
            exact = self._exact_with_points if nonlinear else self._exact
            self._refined[key] = exact(claim, linked, readout)
        return self._refined[key]

    def _exact(self, claim: Claim, linked: frozenset[str], read: Readout) -> Refined | None:
        """What the claims ``linked`` imply for ``claim``'s figure, by linear programming.

        Exact, but for a growth or share whose base may be 0: those fall back on
        branch and prune. Claims in points constrain nothing here.
        """
        if not self.holds(linked):
            return None
        # Only a sum's verdict shows more than its own inputs (its parts and total,
        # exact below): propagation over the whole group is wasted on the others.
        spans: dict[Hashable, Span] = {}
        if not isinstance(claim, SumClaim):
            pass
        elif (propagated := self.solve(linked)) is None:  # pragma: no cover - it is sound
            return None
        else:
            spans.update(propagated)
        periods = self.periods_of(claim)
        spans.update(self._shown_inputs(claim, linked))
        figures: dict[Hashable, Span] = {}
        missing: list[Period] = []
        for period in periods:
            figure = self._exact_figure(claim, period, linked, spans)
            if figure is None:
                missing.append(period)
            else:
                figures[period] = figure
        if missing:
            inputs: dict[Hashable, Sequence[Hashable]] = {
                period: self.inputs(claim, period) for period in missing
            }
            refined = self.refine(linked, read, inputs)
            if refined is None:  # pragma: no cover - the linear program found values
                return None
            for period in missing:
                figures[period] = refined.figures[period]
        return Refined(spans, figures, 0)

    def _shown_inputs(self, claim: Claim, linked: frozenset[str]) -> dict[Hashable, Span]:
        """The exact ranges of a value's or a sum's inputs, which its check shows.

        A ratio's or a change's own range comes from its own program: the ranges of
        its inputs are shown nowhere, and are not asked for.
        """
        if not isinstance(claim, ValueClaim | SumClaim):
            return {}
        return {
            name: self.extent(linked, [(name, 1)])
            for period in self.periods_of(claim)
            for name in self.inputs(claim, period)
        }

    def _exact_with_points(
        self, claim: Claim, linked: frozenset[str], read: Readout
    ) -> Refined | None:
        """What ``linked``, with claims in points among them, imply for ``claim``'s figure.

        The other claims' linear programs first (claims in points set aside): where
        they bound the figure already, the claims hold together (:meth:`holds` found
        values), so the verdict is theirs and that range is kept, sound. Where they
        leave it free, the pieces of :mod:`._points` narrow it: a figure the others
        fix only through a claim in points.
        """
        plain = self._exact(claim, linked, read)
        if plain is None:
            return None
        natural = self.natural(claim)
        if all(
            span.low > natural.low or span.high < natural.high for span in plain.figures.values()
        ):
            return plain
        if self._at_any_scale(claim, linked):
            return plain
        relations = self._relations(linked)
        if not relations:
            return plain

        def evaluate(piece: _points.Host) -> Refined | None:
            assert isinstance(piece, Network)
            return piece._exact(claim, linked, read)

        whole, before = self._whole, self._whole._searching
        whole._searching = True
        try:
            found = _points.implied(self, linked, relations, evaluate, budget=self.budget)
        finally:
            whole._searching = before
        if found is None:  # pragma: no cover - the claims hold
            return plain
        return found

    def _at_any_scale(self, claim: Claim, linked: frozenset[str]) -> bool:
        """Whether ``claim`` publishes a value that the claims ``linked`` allow at any size.

        So it is when their rows all have 0 on the right (growth rates, shares,
        changes of share, sums: no value, no change in level) and the value is the
        base of one of them. The values they allow then form a cone, and so do the
        pieces of :mod:`._points` (whose rows have 0 on the right too): a piece that
        holds has the value at 0 and, with the value above 0 somewhere (a base),
        at every size beyond. The search over pieces would find 0 or more, which
        is what the claims' own rows give: no search is needed.
        """
        if not isinstance(claim, ValueClaim):
            return False
        variable = self._index[(claim.flow, claim.period)]
        if variable in self._free or variable not in self._bases(linked):
            return False
        return all(not row.rhs for claim_id in linked for row in self._rows[claim_id])

    def _exact_figure(
        self, claim: Claim, period: Period, linked: frozenset[str], spans: Spans
    ) -> Span | None:
        """The figure's exact range, or ``None`` for a ratio whose base may be 0."""
        if isinstance(claim, ValueClaim):
            return spans[(claim.flow, claim.period)]
        if isinstance(claim, SumClaim | ChangeClaim | ContributionClaim | Points):
            return self._exact_step(claim, period, linked)
        now, before = self.inputs(claim, period)
        # A deficit's growth is −now over −before: a ratio over a positive base.
        sign = self.signs.get(claim.id, 1)
        ratio = self.ratio(linked, [(now, sign)], [(before, sign)])
        if ratio is None:
            return None
        if isinstance(claim, GrowthClaim):
            return _meet(ratio - Span(_ONE, _ONE), GROWTH_DOMAIN)
        if isinstance(claim, MultiplierClaim):
            return _meet(ratio, NON_NEGATIVE)
        return _meet(ratio, SHARE_DOMAIN)

    def _exact_step(
        self,
        claim: SumClaim | ChangeClaim | ContributionClaim | Points,
        period: Period,
        linked: frozenset[str],
    ) -> Span | None:
        """The exact range of a sum's gap, a change in level, a contribution, ….

        ``None`` for a ratio whose base may be 0.
        """
        if isinstance(claim, Points):
            return self._exact_points(claim, linked)
        if isinstance(claim, SumClaim):
            parts = [((part, period), 1) for part in claim.parts]
            return self.extent(linked, [*parts, ((claim.total, period), -1)])
        if isinstance(claim, ChangeClaim):
            now, before = self.inputs(claim, period)
            return self.extent(linked, [(now, 1), (before, -1)])
        now, before, base = self.inputs(claim, period)
        points = self.ratio(linked, [(now, 1), (before, -1)], [(base, 1)])
        return None if points is None else points * Span(_HUNDRED, _HUNDRED)

    def _exact_points(self, claim: Points, linked: frozenset[str]) -> Span | None:
        """A change of share, difference of growth rates or contribution share, in points.

        ``None`` where the range needs branching (a base may be 0); the empty
        :data:`EMPTY` for a contribution share whose total cannot have changed.
        """
        hundred = Span(_HUNDRED, _HUNDRED)
        inputs = _points_inputs(claim)
        if isinstance(claim, ContributionShareClaim):
            part, part_base, total, total_base = inputs
            found = self.two_sided_ratio(
                linked, [(part, 1), (part_base, -1)], [(total, 1), (total_base, -1)]
            )
            return found if found is EMPTY else found * hundred
        # share(now) - share(base), growth(flow) - growth(than): a/b - c/d either way.
        # The envelope of the difference is tight where the two ratios are tied by
        # claims; the difference of their two exact ranges, where they are not
        # (region and nation). Both hold every value: keep what both allow.
        first = self.ratio(linked, [(inputs[0], 1)], [(inputs[1], 1)])
        second = self.ratio(linked, [(inputs[2], 1)], [(inputs[3], 1)])
        apart = None if first is None or second is None else first - second
        change: Span | None
        try:
            change = self.share_change(linked, (inputs[0], inputs[1]), (inputs[2], inputs[3]))
        except Infeasible:
            # A slice of the envelope that HiGHS found feasible and the exact simplex did
            # not: the envelope is a refinement only, and the difference stays sound.
            change = None
        if change is None or apart is None:
            either = change or apart
            return None if either is None else either * hundred
        return _meet(change, apart) * hundred

    def two_sided_ratio(
        self,
        claim_ids: Iterable[str],
        numerator: Sequence[tuple[Key, int]],
        denominator: Sequence[tuple[Key, int]],
    ) -> Span:
        """The exact range of ``n / d`` where ``d`` may take either sign, but not 0.

        The hull of the ranges over ``d > 0`` and over ``d < 0`` (there ``n / d =
        (-n) / (-d)``), each a Charnes–Cooper program; :data:`EMPTY` if ``d`` cannot
        be anything but 0 (a contribution share whose total did not change).

        Raises:
            Infeasible: If the claims cannot all hold.
        """
        names = [name for name, _ in [*numerator, *denominator]]
        claims = self._around(names, claim_ids)
        found: list[Span] = []
        for sign in (1, -1):
            ratio = self._ratio(
                claims,
                linear_sum((self._index[name], sign * factor) for name, factor in numerator),
                linear_sum((self._index[name], sign * factor) for name, factor in denominator),
                base=True,
            )
            if ratio is not None:
                found.append(outward(*ratio))
        if not found:
            return EMPTY
        return Span(min(span.low for span in found), max(span.high for span in found))

    def _linked(self, claim: Claim, claim_ids: Set[str]) -> frozenset[str]:
        """The claims of ``claim_ids`` but ``claim`` that share a variable with it, directly or not.

        ``claim`` ties only values the search starts from: leaving it out afterwards
        is leaving it out of the search, with no copy of ``claim_ids``.
        """
        return self._around(self._variables[claim.id], claim_ids) - {claim.id}

    def _around(self, variables: Iterable[Hashable], claim_ids: Iterable[str]) -> frozenset[str]:
        """The claims of ``claim_ids`` tied to ``variables``, directly or through others.

        The others cannot change what those claims allow for ``variables``: leaving
        them out keeps linear programs small.
        """
        allowed = claim_ids if isinstance(claim_ids, Mapping | set | frozenset) else set(claim_ids)
        return self._ties.around(variables, allowed)

    def holds(self, claim_ids: Iterable[str]) -> bool:
        """Whether the claims may all hold: exact, by linear programs.

        A published growth rate, multiplier, share or contribution says its base
        (a denominator) is above 0, which no linear row can say: the rows only have
        ``>=``, and a report of "up 300%" and "×2.6" on one flow with no values is
        met by the values 0 and 0. Testing ``base >= ε`` instead would be unsound
        (whatever ε, a true base may be smaller when no value pins the scale, and
        rows that pin it may make a small base matter). What is exact: the values
        the claims allow with every such base above 0 form the polyhedron ``P`` of
        the rows less the faces where a base is 0, and that set is non-empty if and
        only if ``P`` is and, **for each base on its own**, some point of ``P`` has
        that base above 0 (:meth:`_can_be_positive`). One way is plain; for the other,
        take a point of ``P`` with base ``i`` above 0 for each ``i``: their average
        is in ``P`` (it is convex) and has every base above 0, since no base is
        below 0 anywhere in ``P`` (a base is never a balance). Nothing else
        changes: every point of ``P`` is a limit of points with the bases above 0
        (on the segment to such a point), so ranges over ``P`` are the ranges the
        claims allow, as closed ranges.
        """
        key = frozenset(claim_ids)
        if key not in self._holds and self.known_to_hold(key):
            self._holds[key] = True
        if key not in self._holds and (relations := self._relations_if_linear(key)) is not None:
            # Claims in points hold when the others do and a piece holds them too.
            self._holds[key] = bool(relations) and _points.holds(self, key, relations)
            if self._holds[key]:
                self._holding.add(key)
        if key not in self._holds:
            polyhedron = self.polyhedron(key)
            bases = self._bases(key)
            self._holds[key] = (
                # A base can be above 0 exactly where its range reaches above 0.
                polyhedron.feasible and not polyhedron.at_zero(bases)
                if isinstance(polyhedron, Tree)
                else self._with_bases(key, polyhedron, bases)
            )
            if self._holds[key]:
                self._holding.add(key)
        return self._holds[key]

    def _bases(self, key: frozenset[str]) -> set[int]:
        """The bases the claims ``key`` say are above 0, but those a published value puts there."""
        bases = {base for claim_id in key for base in self._positive[claim_id]}
        return bases - {self._pinned[claim_id] for claim_id in key if claim_id in self._pinned}

    def _with_bases(
        self, key: frozenset[str], polyhedron: Polyhedron | Certified | StarAnswers, bases: set[int]
    ) -> bool:
        """:meth:`holds` by linear programs: ``P`` is not empty and each base can be above 0."""
        if bases and polyhedron.feasible:
            # A point these claims allow with a base above 0 shows that it can be.
            point = self.witnesses.get(key, {})
            bases = {base for base in bases if point.get(base, _ZERO_FRACTION) <= 0}
        if bases and isinstance(polyhedron, StarAnswers):
            # On a star, a base its own flow's claims keep above 0 is above 0 everywhere;
            # the others, where the total and the parts' sum meet with room to spare.
            bases = polyhedron.star.unsettled(key, bases)
            if bases and polyhedron.feasible and polyhedron.star.positive(key, bases):
                bases = set()
        if bases and polyhedron.feasible and not isinstance(polyhedron, StarAnswers):
            # Propagation is sound: a base it keeps above 0 is above 0 at every point
            # of P, and needs no linear program (a value and a growth rate pin it).
            # (On a star its own polygon has told that, and one program is quicker
            # than propagation over every part.)
            spans = self.solve(key)
            if spans is None:  # pragma: no cover - P is feasible, so propagation is too
                bases = set()
            else:
                bases = {base for base in bases if self._span(spans, base).low <= 0}
        if bases and polyhedron.feasible:
            bases = self._left_to_show(key, bases)
        return polyhedron.feasible and all(
            self._can_be_positive(key, base) for base in sorted(bases)
        )

    def known_to_hold(self, key: frozenset[str]) -> bool:
        """Whether ``key`` is part of a set of claims already shown to hold: no program needed.

        Fewer claims allow more values (and ask fewer bases to be above 0).
        """
        return self._holds.get(key, False) or self._holding.covers(key)

    def inherits_witness(self, key: frozenset[str]) -> bool:
        """Whether a point found before shows that ``key``'s rows hold in this piece.

        A point kept by a piece this one is inside (see :func:`._extremes.witness`),
        or the witness of ``key`` in the network the piece is cut from (a guess that
        met the claims in points too), where it meets the piece's own rows of those
        claims. Then it is kept as their witness here.
        """
        point = witness(self.inside, rows=self._rows, claim_ids=key)
        if point is None and self.origin is not None:
            network, replaced = self.origin
            known = network.witnesses.get(key)
            if known is not None and all(
                row.meets(known) for claim_id in key & replaced for row in self._rows[claim_id]
            ):
                point = known
        if point is None:
            return False
        self.witnesses[key] = point
        return True

    def _relations_if_linear(self, key: frozenset[str]) -> list[_points.Relation] | None:
        """The relations of ``key``'s claims in points, if the other claims hold.

        ``None`` if ``key`` has none to hold; an empty list if the others cannot hold.
        """
        if not key & self._points_ids - self.given:
            return None
        if not self.holds(key - self._points_ids):
            return []
        return self._relations(key) or None

    def guess(self, claim_ids: frozenset[str], relations: Sequence[_points.Relation]) -> bool:
        """Whether a point found in floating point, checked exactly, shows the claims hold.

        Tried before the search over boxes of :func:`._points.holds`, which it can only
        shorten: a point that meets every row, every claim in points and every base
        the claims say is above 0 is a witness (see :meth:`holds`), and one that does
        not is no answer (``False``). Not with the exact engine, the reference.
        """
        if not self.floats:
            return False
        program = self.program(claim_ids)
        bases = {base for claim_id in claim_ids for base in self._positive[claim_id]}
        found = _witness.point(program.rows, program.free, relations, bases)
        if found is None:
            return False
        self.witnesses[claim_ids] = found
        return True

    def _left_to_show(self, key: frozenset[str], bases: set[int]) -> set[int]:
        """Those of ``bases`` that one point with all of them above 0 does not show can be.

        The claims ``key`` hold (their rows do): with HiGHS, one program looks for a
        point with every base above 0 at once, which holds if each can be on its own.
        """
        component = self._single_component(key)
        if component is None:
            return bases
        model, local = self.model(component)
        named = {base for base in bases if base in local}
        if not named:
            return set()  # no row names them: any value of 0 or more, 1 say, will do
        point = model.positive_point(key, [local[base] for base in sorted(named)])
        return bases if point is None else set()

    def _can_be_positive(self, key: frozenset[str], base: int) -> bool:
        """Whether some value the claims ``key`` allow (there are some) has ``base`` above 0.

        A feasibility question, so that HiGHS answers it with a certificate even
        where the base is unbounded above: the Charnes–Cooper program with the base
        as denominator (``y = x / base``) has a solution exactly when ``base`` is
        above 0 somewhere (or along a ray, which comes to the same on a polyhedron
        that is not empty).
        """
        component = self._single_component(key)
        if component is not None:
            local = self.columns(component)
            if base not in local:
                return True  # no row names it: any value of 0 or more, 1 say, will do
            lifted, row = self.lifted_model(component)
            lifted.switch(key)
            wanted = {local[base]: _ONE_FRACTION}
            if lifted.lines[row].coefficients != wanted:
                lifted.set_row(row, wanted)
            found = lifted.feasible()
            if found is not None:
                return found
        polyhedron = self.polyhedron(key)
        if isinstance(polyhedron, Certified) and polyhedron.small:
            polyhedron = polyhedron.exact
        if isinstance(polyhedron, Polyhedron):
            # The exact simplex has no tolerance to fear: the base's largest value.
            highest = polyhedron.maximum({base: 1})
            return highest is None or highest > 0
        program = charnes_cooper(self.program(key), {base: 1})
        return Polyhedron(program, deadline=self.deadline).feasible

    def figure_conflict(self, claim: Claim, claim_ids: Iterable[str]) -> list[str] | None:
        """A smallest set of claims with which ``claim`` cannot hold, for a claim with no rows.

        A change of share, a difference of growth rates and a contribution share
        are no linear rows, so :meth:`minimal_conflict` never sees them. Such a
        claim cannot hold with some others when the range those imply for its
        figure (sound: it holds every value they allow) misses its published range.
        A deletion filter over the claims linked to it finds a smallest such set.

        Returns:
            The ids of the set and of ``claim``, in report order, or ``None`` if the
            claims ``claim_ids`` leave its figure possible.
        """
        published = self.published(claim)

        def misses(others: Iterable[str]) -> bool:
            refined = self.implied_by_others(claim, others)
            return refined is not None and any(
                figure.meet(published) is None for figure in refined.figures.values()
            )

        core = sorted(self._linked(claim, set(claim_ids)), key=self._order.__getitem__)
        if not misses(core):
            return None
        for claim_id in list(core):
            trial = [other for other in core if other != claim_id]
            if misses(trial):
                core = trial
        return sorted([*core, claim.id], key=self._order.__getitem__)

    def minimal_conflict(self, claim_ids: list[str], *, deadline: float | None = None) -> list[str]:
        """A smallest-by-inclusion subset of ``claim_ids`` that cannot hold.

        A deletion filter: each claim is dropped in turn and kept out if the rest
        still cannot hold. Dropping any one claim of the result resolves it.

        Raises:
            OutOfTime: If ``time.monotonic()`` passes ``deadline`` before the end.
        """
        if self.polyhedron(claim_ids).feasible:
            # Only a base that must be above 0 and cannot be: search with that in view.
            return self._deletion(list(claim_ids), self.holds, deadline)[0]
        # First without the bases (a linear program per trial), then, on the few claims
        # left, with them: a set that ``P`` alone rules out is ruled out with them too,
        # and the second pass finds a smaller one if a base of 0 is what rules it out.
        core, passed = self._deletion(list(claim_ids), self._feasible, deadline)
        # Each trial of the second pass leaves out one claim of ``core``, which the first
        # kept because the claims without it held: the point that showed it meets the
        # trial's rows too, and serves it (often with every base above 0).
        whole = frozenset(core)
        for claim_id in core:
            point = self.witnesses.get(passed[claim_id])
            if point is not None:
                self.witnesses.setdefault(whole - {claim_id}, point)
        return self._deletion(core, self.holds, deadline)[0]

    def _feasible(self, claim_ids: list[str]) -> bool:
        return self.polyhedron(claim_ids).feasible

    def _deletion(
        self,
        claim_ids: list[str],
        holds: Callable[[list[str]], bool],
        deadline: float | None,
    ) -> tuple[list[str], dict[str, frozenset[str]]]:
        """The deletion filter of :meth:`minimal_conflict` under the test ``holds``.

        Returns:
            The claims left, and for each the trial without it that held.
        """
        core = list(claim_ids)
        passed: dict[str, frozenset[str]] = {}
        # Sets of claims certified unable to hold together: a trial holding one of
        # them cannot hold either, and needs no linear program.
        known = [found] if (found := self._certificate(core)) is not None else []
        for claim_id in list(core):
            on_time(deadline)
            trial = [other for other in core if other != claim_id]
            kept = set(trial)
            if any(certificate <= kept for certificate in known):
                core = trial
            elif not self._holds_but(core, claim_id, holds):
                if (found := self._certificate_but(core, claim_id)) is not None:
                    known.append(found)
                core = trial
            else:
                passed[claim_id] = frozenset(trial)
        return core, passed

    def _holds_but(
        self, claim_ids: list[str], claim_id: str, holds: Callable[[list[str]], bool]
    ) -> bool:
        """``holds`` of the claims but one; on a tree, read from the forest of them all."""
        if holds == self._feasible:
            polyhedron = self.polyhedron(claim_ids)
            if isinstance(polyhedron, Tree):
                return polyhedron.forest.feasible_without(claim_id)
        return holds([other for other in claim_ids if other != claim_id])

    def _certificate_but(self, claim_ids: list[str], claim_id: str) -> frozenset[str] | None:
        """:meth:`_certificate` of the claims but one; on a tree, read from the forest of all."""
        polyhedron = self.polyhedron(claim_ids)
        if isinstance(polyhedron, Tree):
            return polyhedron.forest.conflict_without(claim_id)
        return self._certificate([other for other in claim_ids if other != claim_id])

    def _certificate(self, claim_ids: list[str]) -> frozenset[str] | None:
        """The claims of a Farkas certificate that ``claim_ids`` cannot hold, if HiGHS gives one.

        The rows such a certificate combines cannot hold on their own. On a tree, the
        claims behind the ends of a range left empty.
        """
        polyhedron = self.polyhedron(claim_ids)
        if isinstance(polyhedron, Certified | Tree) and not polyhedron.feasible:
            return polyhedron.conflict()
        return None

    # -- reading figures back --------------------------------------------------------

    def inputs(self, claim: Claim, period: Period) -> tuple[Key, ...]:
        """The variables a claim's figure in ``period`` is computed from."""
        if isinstance(claim, ValueClaim):
            return ((claim.flow, claim.period),)
        if isinstance(claim, GrowthClaim | MultiplierClaim | ChangeClaim):
            return ((claim.flow, claim.period), (claim.flow, claim.base))
        if isinstance(claim, ContributionClaim):
            return ((claim.part, claim.period), (claim.part, claim.base), (claim.total, claim.base))
        if isinstance(claim, Points):
            return _points_inputs(claim)
        if isinstance(claim, ShareClaim):
            return ((claim.part, period), (claim.whole, period))
        return ((claim.total, period), *((part, period) for part in claim.parts))

    def figure(self, claim: Claim, period: Period, spans: Spans) -> Span:
        """What ``spans`` say about the claim's figure in ``period``, in the claim's terms."""
        if isinstance(claim, ValueClaim):
            return spans[(claim.flow, claim.period)]
        if isinstance(claim, ChangeClaim | ContributionClaim | Points):
            return _step_figure(claim, [spans[name] for name in self.inputs(claim, period)])
        if isinstance(claim, GrowthClaim | MultiplierClaim):
            ratio = spans[(claim.flow, claim.period)] / spans[(claim.flow, claim.base)]
            if isinstance(claim, GrowthClaim):
                return _meet(ratio - Span(_ONE, _ONE), GROWTH_DOMAIN)
            return _meet(ratio, NON_NEGATIVE)
        if isinstance(claim, ShareClaim):
            return _meet(spans[(claim.part, period)] / spans[(claim.whole, period)], SHARE_DOMAIN)
        added = Span(_ZERO, _ZERO)
        for part in claim.parts:
            added += spans[(part, period)]
        return added - spans[(claim.total, period)]

    def natural(self, claim: Claim) -> Span:
        """What a claim's figure could be if nothing else were known."""
        if isinstance(claim, ValueClaim):
            return self.domains[(claim.flow, claim.period)]
        if isinstance(claim, GrowthClaim):
            return GROWTH_DOMAIN
        if isinstance(claim, MultiplierClaim):
            return NON_NEGATIVE
        if isinstance(claim, ShareClaim):
            return SHARE_DOMAIN
        return ANY


# A share change's end has settled once a split moves it by less than this fraction of
# the first range, _PATIENCE times in a row, or its slice is that narrow.
_SETTLED: Final = Fraction(1, 2**12)
_PATIENCE: Final = 1


#: The claims that tie at most two values of one flow or two flows: a forest may hold them.
Tied: TypeAlias = ValueClaim | GrowthClaim | MultiplierClaim | ShareClaim | ChangeClaim
#: The claims whose figure is in percentage points and no linear row: held in pieces.
Points: TypeAlias = ShareChangeClaim | GrowthDifferenceClaim | ContributionShareClaim


def _points_of(claim: Points) -> Reported[PercentagePoints]:
    if isinstance(claim, ShareChangeClaim):
        return claim.share_change
    if isinstance(claim, GrowthDifferenceClaim):
        return claim.difference
    return claim.contribution_share


def _points_inputs(claim: Points) -> tuple[Key, Key, Key, Key]:
    """The four values of the figure: ``a / b - c / d``, or ``(a - b) / (c - d)``."""
    now, base = claim.period, claim.base
    if isinstance(claim, ShareChangeClaim):
        return (claim.part, now), (claim.whole, now), (claim.part, base), (claim.whole, base)
    if isinstance(claim, GrowthDifferenceClaim):
        return (claim.flow, now), (claim.flow, base), (claim.than, now), (claim.than, base)
    return (claim.part, now), (claim.part, base), (claim.total, now), (claim.total, base)


def _step_figure(claim: ChangeClaim | ContributionClaim | Points, spans: Sequence[Span]) -> Span:
    """What the spans of a claim's inputs say about its figure (in points but for a change)."""
    hundred = Span(_HUNDRED, _HUNDRED)
    if isinstance(claim, ChangeClaim):
        now, before = spans
        return now - before
    if isinstance(claim, ContributionClaim):
        now, before, base = spans
        return (now - before) / base * hundred
    a, b, c, d = spans
    found = (a - b) / (c - d) if isinstance(claim, ContributionShareClaim) else a / b - c / d
    return found * hundred


def _positive_bases(report: Report, claim: Claim) -> tuple[Key, ...]:
    """The values a claim's figure says are above 0: the base of a ratio it publishes.

    Not a balance's: its growth is that of its size, over a base of either sign
    (the balance pre-pass of :mod:`._balances` says where that base is zero).
    """
    if isinstance(claim, GrowthClaim | MultiplierClaim):
        balance = report.flow(claim.flow).flow is Flow.BALANCE
        return () if balance else ((claim.flow, claim.base),)
    if isinstance(claim, ShareClaim):
        return ((claim.whole, claim.period),)
    if isinstance(claim, ContributionClaim):
        return ((claim.total, claim.base),)
    if isinstance(claim, ShareChangeClaim):
        return ((claim.whole, claim.period), (claim.whole, claim.base))
    if isinstance(claim, GrowthDifferenceClaim):
        return ((claim.flow, claim.base), (claim.than, claim.base))
    return ()


class _Slice(NamedTuple):
    """The earlier share held in ``[bottom, top]``; the change then spans ``[lowest, highest]``."""

    bottom: Fraction
    top: Fraction
    lowest: Fraction
    highest: Fraction
    #: The change at the points where the envelope's lowest and highest were found.
    reached_low: Fraction | None
    reached_high: Fraction | None

    def end(self, *, low: bool) -> Fraction:
        """The lowest or highest the change can be over the slice."""
        return self.lowest if low else self.highest


def _change(
    point: Mapping[int, Fraction], part: int, old_part: int, old_whole: int
) -> Fraction | None:
    """The true change of share at a point of the lifted program (``None``: no base)."""
    base = point.get(old_whole, Fraction(0))
    return (
        None
        if base <= 0
        else point.get(part, Fraction(0)) - point.get(old_part, Fraction(0)) / base
    )


def _extreme(slices: Sequence[_Slice], *, low: bool) -> _Slice:
    """The slice with the lowest (or highest) end."""
    if low:
        return min(slices, key=lambda found: found.lowest)
    return max(slices, key=lambda found: found.highest)


def _quotient(
    low: Fraction | None, high: Fraction | None, lowest: Fraction, highest: Fraction | None
) -> tuple[Fraction | None, Fraction | None]:
    """The range of ``n / d`` for ``n`` in ``[low, high]`` and ``d`` in ``[lowest, highest]``.

    ``None`` for an open end (an unbounded range); ``d`` is above 0 (``lowest`` may
    be 0, taken as a limit: the ends are the infimum and supremum).
    """

    def divided(n: Fraction, d: Fraction | None) -> Fraction:
        return _ZERO_FRACTION if d is None else n / d

    if low is None or (low < 0 and not lowest):
        smallest = None
    else:
        smallest = divided(low, highest) if low >= 0 else low / lowest
    if high is None or (high > 0 and not lowest):
        largest = None
    else:
        largest = high / lowest if high > 0 else divided(high, highest)
    return smallest, largest


def _meet(span: Span, domain: Span) -> Span:
    # Rounding may leave a computed span a hair outside the figure's domain.
    met = span.meet(domain)
    return span if met is None else met


def _tied_ratio(lines: Sequence[Line]) -> Span | None:
    """The range of ``x / y`` over the points of ``lines`` with ``y`` above 0, rounded outward.

    By the Charnes–Cooper transform (``u = x t``, ``t = 1 / y``, ``t >= 0``), as
    :meth:`Network.ratio` does it: a program in two variables again. ``None`` if
    ``y`` cannot be above 0.
    """
    base = extremes(lines, (0, 1))
    assert base is not None  # the lines come from claims that hold
    if base.high is not None and base.high <= 0:
        return None
    # a x + b y <= c with y t = 1 and u = x t: a u - c t <= -b.
    lifted = [Line(line.a, -line.c, -line.b) for line in lines]
    lifted.append(Line(0, -1, 0))
    found = extremes(lifted, (1, 0))
    assert found is not None  # some point has y above 0
    return outward(found.low, found.high)
