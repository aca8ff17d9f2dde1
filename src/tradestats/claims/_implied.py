"""Private: the figures a report's claims imply, read from the narrowed spans of its values.

Values no claim states, growth rates, shares in both periods, changes of share and
contributions to growth, each as a span that holds the true value. A change is
measured against every base the report uses: the same period a year earlier, the
period just before (month on month, quarter on quarter) and any base a claim names
(``versus = "2019"``), wherever both periods are among the report's.
:mod:`tradestats.claims.consistency` turns them into
:class:`~tradestats.claims.consistency.ImpliedFigure`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from tradestats.amounts import Amount
from tradestats.claims._linear import on_time
from tradestats.claims._narrowing import Span
from tradestats.claims._network import SHARE_DOMAIN
from tradestats.claims.report import (
    Claim,
    GrowthClaim,
    MultiplierClaim,
    Report,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.flows import Flow
from tradestats.measures import Growth, PercentagePoints, Share
from tradestats.periods import Lag

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from tradestats.claims._network import Key, Network, Spans
    from tradestats.periods import Period
    from tradestats.verify._kinds import Figure

__all__ = ["Base", "Derived", "bases", "exact", "implied"]

_HUNDRED: Final = Decimal(100)


class Derived(NamedTuple):
    """One implied figure: key, label, period, kind, span, unit (for amounts) and inputs."""

    key: str
    label: str
    period: Period
    kind: type[Figure]
    span: Span
    unit: str | None = None
    #: The variables the span is computed from (for branching).
    inputs: tuple[Key, ...] = ()

    @property
    def like(self) -> str | type[Figure]:
        """What the span's numbers are: the unit of an amount, or the type of a measure."""
        if self.kind is Amount:
            assert self.unit is not None, f"an implied amount with no unit: {self.key}"
            return self.unit
        return self.kind


def _bounded(span: Span) -> bool:
    return span.is_bounded


class Base(NamedTuple):
    """A later period and the base a change over it is measured against.

    ``suffix`` ends the figure's key (empty for a year earlier, the key of 0.3) and
    ``words`` name the base in its label.
    """

    period: Period
    base: Period
    suffix: str
    words: str


def bases(report: Report, periods: Sequence[Period]) -> list[Base]:
    r"""Every (period, base) pair a change can be implied for, in a stable order.

    The same period a year earlier and the period just before, wherever both are
    periods of the report, and every base a claim is measured against.

    >>> report = Report.from_toml(
    ...     'title = "t"\nreporter = "A"\nperiod = "2023-06"\n[flows.x]\nflow = "exports"\n'
    ...     '[[claims]]\nid = "g"\nflow = "x"\ngrowth = "+1.8%"\nversus = "previous"\n'
    ... )
    >>> [(str(b.period), str(b.base), b.words) for b in bases(report, report.periods)]
    [('2023-06', '2023-05', 'on the period before (May 2023)')]
    """
    known = set(periods)
    found: dict[tuple[Period, Period], Base] = {}
    for period in periods:
        for versus in (Lag.YEAR_EARLIER, Lag.PREVIOUS):
            base = period.base(versus)
            if base in known and (period, base) not in found:
                found[(period, base)] = _base(period, base)
    for claim in report.claims:
        pair = _claimed_base(claim)
        if pair is not None and pair not in found and set(pair) <= known:
            found[pair] = _base(*pair)
    order = {period: number for number, period in enumerate(periods)}
    return sorted(found.values(), key=lambda b: (order[b.period], order[b.base]))


def _claimed_base(claim: Claim) -> tuple[Period, Period] | None:
    """The period and base of a claim measured against one (``None`` for the others)."""
    if isinstance(claim, ValueClaim | ShareClaim | SumClaim):
        return None
    return claim.period, claim.base


def _base(period: Period, base: Period) -> Base:
    if base == period.previous_year():
        return Base(period, base, "", "on a year earlier")
    if base == period.previous():
        return Base(period, base, f"/on/{base}", f"on the period before ({base.label()})")
    return Base(period, base, f"/on/{base}", f"on {base.label()}")


def implied(network: Network, spans: Spans) -> Iterator[Derived]:
    """Every figure that ``spans`` bound and no claim states, in a stable order."""
    report, periods = network.report, network.periods
    claims = report.claims
    stated_values = {(c.flow, c.period) for c in claims if isinstance(c, ValueClaim)}
    stated_changes = {
        (c.flow, c.period, c.base) for c in claims if isinstance(c, GrowthClaim | MultiplierClaim)
    }
    pairs = bases(report, periods)
    for flow in report.flows:
        for period in periods:
            span = spans[(flow.id, period)]
            if (flow.id, period) not in stated_values and _bounded(span):
                yield Derived(
                    f"value/{flow.id}/{period}",
                    f"{flow.describe()}, {period.label()}",
                    period,
                    Amount,
                    span,
                    network.units[flow.id],
                    ((flow.id, period),),
                )
    for flow in report.flows:
        if flow.flow is Flow.BALANCE:
            continue
        for pair in pairs:
            period = pair.period
            if (flow.id, period, pair.base) in stated_changes:
                continue
            current, base = spans[(flow.id, period)], spans[(flow.id, pair.base)]
            if _bounded(current) and _bounded(base) and base.low > 0:
                rate = current / base - Span(Decimal(1), Decimal(1))
                yield Derived(
                    f"growth/{flow.id}/{period}{pair.suffix}",
                    f"growth of {flow.describe()}, {period.label()} {pair.words}",
                    period,
                    Growth,
                    rate,
                    None,
                    ((flow.id, period), (flow.id, pair.base)),
                )
    yield from _shares(network, spans, pairs)
    yield from _contributions(network, spans, pairs)


def _pairs(report: Report) -> list[tuple[str, str]]:
    """(part, whole) for every part of a sum and every share claim, in report order."""
    pairs: list[tuple[str, str]] = []
    for claim in report.claims:
        found = []
        if isinstance(claim, SumClaim):
            found = [(part, claim.total) for part in claim.parts]
        elif isinstance(claim, ShareClaim):
            found = [(claim.part, claim.whole)]
        pairs.extend(pair for pair in found if pair not in pairs)
    balance = {flow.id for flow in report.flows if flow.flow is Flow.BALANCE}
    return [pair for pair in pairs if not balance.intersection(pair)]


def _shares(network: Network, spans: Spans, pairs: Sequence[Base]) -> Iterator[Derived]:
    report = network.report
    stated = {
        (c.part, c.whole, c.period): network.published(c)
        for c in report.claims
        if isinstance(c, ShareClaim)
    }
    for part, whole in _pairs(report):
        shares: dict[Period, Span] = {}
        names = f"{report.flow(part).describe()} in {report.flow(whole).describe()}"
        for period in network.periods:
            top, bottom = spans[(part, period)], spans[(whole, period)]
            computed = None
            if _bounded(top) and _bounded(bottom) and bottom.low > 0:
                computed = (top / bottom).meet(SHARE_DOMAIN)
            published = stated.get((part, whole, period))
            if published is not None:
                shares[period] = (
                    published if computed is None else (computed.meet(published) or published)
                )
            elif computed is not None:
                shares[period] = computed
                yield Derived(
                    f"share/{part}/{whole}/{period}",
                    f"share of {names}, {period.label()}",
                    period,
                    Share,
                    computed,
                    None,
                    ((part, period), (whole, period)),
                )
        for pair in pairs:
            period, earlier = pair.period, pair.base
            share, before = shares.get(period), shares.get(earlier)
            if share is not None and before is not None:
                change = (share - before) * Span(_HUNDRED, _HUNDRED)
                yield Derived(
                    f"share-change/{part}/{whole}/{period}{pair.suffix}",
                    f"change in the share of {names}, {earlier.label()} to {period.label()}",
                    period,
                    PercentagePoints,
                    change,
                    None,
                    ((part, period), (whole, period), (part, earlier), (whole, earlier)),
                )


def _contributions(network: Network, spans: Spans, pairs: Sequence[Base]) -> Iterator[Derived]:
    report = network.report
    for claim in report.claims:
        if not isinstance(claim, SumClaim) or report.flow(claim.total).flow is Flow.BALANCE:
            continue
        covered = report.sum_periods(claim)
        for pair in pairs:
            period, earlier = pair.period, pair.base
            if period not in covered or earlier not in covered:
                continue
            base_key = (claim.total, earlier)
            base = spans[base_key]
            if not _bounded(base) or base.low <= 0:
                continue
            for part in claim.parts:
                now, before = spans[(part, period)], spans[(part, earlier)]
                if not (_bounded(now) and _bounded(before)):
                    continue
                points = (now - before) / base * Span(_HUNDRED, _HUNDRED)
                words = "" if not pair.suffix else f" {pair.words}"
                yield Derived(
                    f"contribution/{part}/{claim.total}/{period}{pair.suffix}",
                    f"contribution of {report.flow(part).describe()} to the growth of "
                    f"{report.flow(claim.total).describe()}, {period.label()}{words}",
                    period,
                    PercentagePoints,
                    points,
                    None,
                    ((part, period), (part, earlier), base_key),
                )


def exact(
    network: Network, claim_ids: Sequence[str], figures: Sequence[Derived]
) -> dict[str, Span]:
    """The ranges of ``figures`` under the claims, as tight as linear programming makes them.

    Values, growth rates, shares and contributions are exact (a linear or
    linear-fractional program over the values the claims allow, rounded outward).
    A change of share is a difference of two ratios, which is not: it comes from a
    linear relaxation refined within the network's budget
    (:meth:`~tradestats.claims._network.Network.share_change`), or, where a base may be 0,
    from the difference of the two shares' ranges.

    Raises:
        OutOfTime: If the network's deadline passes first.
    """
    hundred = Span(_HUNDRED, _HUNDRED)
    stated = {
        (c.part, c.whole, c.period): network.published(c)
        for c in network.report.claims
        if isinstance(c, ShareClaim) and c.id in claim_ids
    }

    def share(part: Key, whole: Key) -> Span | None:
        found = network.ratio(claim_ids, [(part, 1)], [(whole, 1)])
        if found is None:
            return stated.get((part[0], whole[0], part[1]))
        return _meet(found, SHARE_DOMAIN)

    found: dict[str, Span] = {}
    for figure in figures:
        on_time(network.deadline)
        inputs = figure.inputs
        span: Span | None = figure.span
        if figure.kind is Growth:
            ratio = network.ratio(claim_ids, [(inputs[0], 1)], [(inputs[1], 1)])
            span = None if ratio is None else ratio - Span(Decimal(1), Decimal(1))
        elif figure.kind is Share:
            span = share(*inputs)
        elif figure.kind is PercentagePoints and len(inputs) == 4:
            change = network.share_change(claim_ids, inputs[:2], inputs[2:])
            if change is None:
                now, before = share(*inputs[:2]), share(*inputs[2:])
                change = None if now is None or before is None else now - before
            span = None if change is None else change * hundred
        elif figure.kind is PercentagePoints:
            now_key, before_key, base = inputs
            ratio = network.ratio(claim_ids, [(now_key, 1), (before_key, -1)], [(base, 1)])
            span = None if ratio is None else ratio * hundred
        found[figure.key] = figure.span if span is None else _meet(span, figure.span)
    return found


def _meet(span: Span, other: Span) -> Span:
    # Both hold the true value; outward rounding may leave them a hair apart.
    met = span.meet(other)
    return span if met is None else met
