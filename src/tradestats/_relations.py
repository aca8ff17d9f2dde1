"""Private: a report's claims as constraints on the values of (flow, period), for the check.

Each variable is the value of one declared flow in one period, in one unit per
group of related flows. Each claim becomes constraints (:mod:`tradestats._narrowing`),
and each claim's figure can be read back from a set of narrowed spans, which is
how the check compares a published figure with what the other claims imply.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final, TypeAlias

from tradestats._narrowing import (
    ANY,
    BUDGET,
    EMPTY,
    NON_NEGATIVE,
    Conflict,
    Constraint,
    Fix,
    Product,
    Readout,
    Refined,
    Span,
    Sum,
    branch_and_prune,
    propagate,
)
from tradestats.flows import Flow
from tradestats.periods import Period
from tradestats.report import (
    Claim,
    GrowthClaim,
    MultiplierClaim,
    Report,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.units import conversion_factor

__all__ = ["GROWTH_DOMAIN", "SHARE_DOMAIN", "Key", "Network", "Spans"]

#: A variable: the value of a flow (by id) in a period.
Key: TypeAlias = tuple[str, Period]
Spans: TypeAlias = Mapping[Hashable, Span]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
#: Every growth rate a flow that cannot be negative may show: -100% or more.
GROWTH_DOMAIN: Final = Span(-_ONE, NON_NEGATIVE.high)
#: Every share: 0% to 100%.
SHARE_DOMAIN: Final = Span(_ZERO, _ONE)


def _span(interval: object) -> Span:
    """A finite interval (anything with ``low`` and ``high``) as a span."""
    low: Decimal = interval.low  # type: ignore[attr-defined]
    high: Decimal = interval.high  # type: ignore[attr-defined]
    return Span(low, high)


class Network:
    """The variables and constraints of one report, and propagation over subsets of claims."""

    def __init__(self, report: Report, *, budget: int = BUDGET) -> None:
        self.report = report
        self.budget = budget
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
            claim.id: list(self._constraints(claim)) for claim in report.claims
        }
        self._cache: dict[frozenset[str], dict[Hashable, Span] | None] = {}
        self._refined: dict[tuple[str, frozenset[str]], Refined | None] = {}
        self._claims = {claim.id: claim for claim in report.claims}
        self._variables = {
            claim.id: {
                variable
                for period in self.periods_of(claim)
                for variable in self.inputs(claim, period)
            }
            for claim in report.claims
        }

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
            span = _span(claim.value.interval)
            return span if factor == _ONE else span * Span(factor, factor)
        if isinstance(claim, GrowthClaim):
            return _span(claim.growth.interval)
        if isinstance(claim, MultiplierClaim):
            return _span(claim.multiplier.interval)
        if isinstance(claim, ShareClaim):
            return _span(claim.share.interval)
        return Span(_ZERO, _ZERO)

    def _constraints(self, claim: Claim) -> Iterable[Constraint]:
        if isinstance(claim, ValueClaim):
            yield Fix((claim.flow, claim.period), self.published(claim))
        elif isinstance(claim, GrowthClaim | MultiplierClaim):
            factor = self.published(claim)
            if isinstance(claim, GrowthClaim):
                factor = Span(_ONE, _ONE) + factor
            possible = factor.meet(NON_NEGATIVE)
            if possible is None:
                # A fall of more than 100%: no value of a flow that cannot be negative.
                yield Fix((claim.flow, claim.period), EMPTY)
            else:
                yield Product(
                    (claim.flow, claim.period), (claim.flow, claim.period.previous_year()), possible
                )
        elif isinstance(claim, ShareClaim):
            yield Product(
                (claim.part, claim.period), (claim.whole, claim.period), self.published(claim)
            )
        else:
            for period in self.periods_of(claim):
                yield Sum((claim.total, period), tuple((part, period) for part in claim.parts))

    # -- propagation -----------------------------------------------------------------

    def solve(self, claim_ids: Iterable[str]) -> dict[Hashable, Span] | None:
        """The narrowed spans under the given claims, or ``None`` if they cannot all hold."""
        key = frozenset(claim_ids)
        if key not in self._cache:
            constraints = [
                c
                for claim in self.report.claims
                if claim.id in key
                for c in self.constraints[claim.id]
            ]
            try:
                self._cache[key] = propagate(self.domains, constraints)
            except Conflict:
                self._cache[key] = None
        return self._cache[key]

    def _constraints_of(self, claim_ids: Iterable[str]) -> list[Constraint]:
        key = set(claim_ids)
        return [
            c for claim in self.report.claims if claim.id in key for c in self.constraints[claim.id]
        ]

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
        linked = self._linked(claim, set(claim_ids) - {claim.id})
        key = (claim.id, linked)
        if key not in self._refined:
            periods = self.periods_of(claim)

            def readout(spans: Spans) -> dict[Hashable, Span]:
                return {period: self.figure(claim, period, spans) for period in periods}

            inputs: dict[Hashable, Sequence[Hashable]] = {
                period: self.inputs(claim, period) for period in periods
            }
            self._refined[key] = self.refine(linked, readout, inputs)
        return self._refined[key]

    def _linked(self, claim: Claim, claim_ids: set[str]) -> frozenset[str]:
        """The claims of ``claim_ids`` that share a variable with ``claim``, directly or not."""
        reached = set(self._variables[claim.id])
        linked: set[str] = set()
        grown = True
        while grown:
            grown = False
            for other in claim_ids - linked:
                if not self._variables[other].isdisjoint(reached):
                    linked.add(other)
                    reached |= self._variables[other]
                    grown = True
        return frozenset(linked)

    def violated(self, claim_id: str, claim_ids: Iterable[str]) -> bool:
        """Whether the other claims of ``claim_ids`` rule out the figure of ``claim_id``.

        They do if the range they imply for it misses its published figure, or if
        they cannot all hold themselves.
        """
        claim = self._claims[claim_id]
        refined = self.implied_by_others(claim, claim_ids)
        if refined is None:
            return True
        published = self.published(claim)
        return any(span.gap(published) > 0 for span in refined.figures.values())

    def holds(self, claim_ids: Iterable[str]) -> bool:
        """Whether the claims may all hold, as far as propagation and branching can tell.

        They cannot if propagation finds a conflict, or if for one of them the others
        imply a range its figure misses.
        """
        ids = list(claim_ids)
        return self.solve(ids) is not None and not any(
            self.violated(claim_id, ids) for claim_id in ids
        )

    def minimal_conflict(self, claim_ids: list[str]) -> list[str]:
        """A small subset of ``claim_ids`` that cannot hold (a deletion filter).

        Where propagation alone finds the conflict, the subset is smallest by
        inclusion for propagation. Otherwise one claim whose figure the others rule
        out is kept as the witness, and every claim the witness can do without is
        dropped.
        """
        core = list(claim_ids)
        if self.solve(core) is None:
            for claim_id in list(core):
                trial = [other for other in core if other != claim_id]
                if self.solve(trial) is None:
                    core = trial
            return core
        witness = next(claim_id for claim_id in core if self.violated(claim_id, core))
        for claim_id in list(core):
            trial = [other for other in core if other != claim_id]
            if claim_id != witness and self.violated(witness, trial):
                core = trial
        return core

    # -- reading figures back --------------------------------------------------------

    def inputs(self, claim: Claim, period: Period) -> tuple[Key, ...]:
        """The variables a claim's figure in ``period`` is computed from."""
        if isinstance(claim, ValueClaim):
            return ((claim.flow, claim.period),)
        if isinstance(claim, GrowthClaim | MultiplierClaim):
            return ((claim.flow, claim.period), (claim.flow, claim.period.previous_year()))
        if isinstance(claim, ShareClaim):
            return ((claim.part, period), (claim.whole, period))
        return ((claim.total, period), *((part, period) for part in claim.parts))

    def figure(self, claim: Claim, period: Period, spans: Spans) -> Span:
        """What ``spans`` say about the claim's figure in ``period``, in the claim's terms."""
        if isinstance(claim, ValueClaim):
            return spans[(claim.flow, claim.period)]
        if isinstance(claim, GrowthClaim | MultiplierClaim):
            ratio = (
                spans[(claim.flow, claim.period)]
                / spans[(claim.flow, claim.period.previous_year())]
            )
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


def _meet(span: Span, domain: Span) -> Span:
    # Rounding may leave a computed span a hair outside the figure's domain.
    met = span.meet(domain)
    return span if met is None else met
