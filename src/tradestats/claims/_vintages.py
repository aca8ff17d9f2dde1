"""Private: the check of a report whose claims come from several releases, or several bases.

The engine checks one body of claims about one set of quantities. Releases are
layered on top of it, as a black box, in three runs of it:

1. **split**: each release's claims about its own copy of every flow (``world``
   becomes ``world@aug2022`` and ``world@aug2023``), so that the vintages of one
   quantity are different variables. A conflict here is a conflict within one
   release, which no revision can explain: it stays inconsistent.
2. **merged**: the report as if every release had published one value of each
   quantity (no revision). A claim that holds here holds without any revision.
3. The claims that conflict only in the merged run conflict through the
   identification of vintages: they are :attr:`Verdict.REVISED`, and each
   vintage pair they link gets its implied revision, the range of
   ``later − earlier`` (absolute, and in percent of the earlier), computed from
   each release's exact range of the value in the split run. With a largest
   revision allowed (``max_revision``), a revision that must be larger stays
   inconsistent.

Flows of the same reporter, flow, partner and product on different stated bases
(or partner definitions) are different quantities: a pair of claims that would
only conflict if they were the same is :attr:`Verdict.NOT_COMPARABLE`, found by
a probe run with the two flows identified.

The ranges of a revision are projections: with several vintages in one conflict,
each revision's range is exact on its own, and the limit ``max_revision`` is
applied to each on its own, so the check may miss a conflict that needs two
revisions at once to be resolved, but never raises a false alarm.
"""

from __future__ import annotations

import datetime
import functools
import itertools
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from typing import TYPE_CHECKING, Any, Final

import attrs

from tradestats._numbers import auto_scale, round_down, show
from tradestats.claims._balances import claims_on_balances
from tradestats.claims._linear import Infeasible
from tradestats.claims._narrowing import Span, bounds_of
from tradestats.claims._network import Network
from tradestats.claims._results import (
    CheckResult,
    ClaimCheck,
    Conflict,
    ImpliedFigure,
    Revision,
    Verdict,
)
from tradestats.claims.report import (
    Claim,
    Release,
    Report,
    ReportFlow,
    SumClaim,
    ValueClaim,
)
from tradestats.errors import TradeStatsError
from tradestats.flows import Flow
from tradestats.measures import Growth

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from tradestats.periods import Period

__all__ = ["needs_layering", "reconcile"]

#: A variable of the engine: a flow id and a period.
Key = tuple[str, "Period"]
#: How a release's copy of a flow is named in the split report.
_AT: Final = "@"
#: The verdicts of the split run that a revision cannot change.
_WITHIN: Final = frozenset({Verdict.INCONSISTENT, Verdict.UNDEFINED, Verdict.UNFINISHED})
_ONE: Final = Decimal(1)
_INFINITY: Final = Decimal("Infinity")
_PLACES: Final = 40


def needs_layering(report: Report) -> bool:
    """Whether the report has several releases or flows on different bases to tell apart."""
    return len(report.releases) > 1 or bool(_incomparable(report))


def reconcile(report: Report, within: Callable[[Report], CheckResult]) -> CheckResult:
    """The check of a report with several releases or bases, from runs of ``within``.

    Args:
        report: The report.
        within: The check of one body of claims (the engine, with its settings).
    """
    result = _across_releases(report, within) if len(report.releases) > 1 else within(report)
    return _comparability(report, result, within)


# -- releases -----------------------------------------------------------------------------


def _ordered(report: Report) -> list[Release]:
    """The releases in publication order (an unknown date first, then the file's order)."""
    position = {release.id: index for index, release in enumerate(report.releases)}
    data = report.data.release if report.data is not None else None

    def when(release: Release) -> datetime.date:
        if release.published is not None:
            return release.published
        # Official data of no stated date come after the releases they are checked against.
        return datetime.date.max if release.id == data else datetime.date.min

    return sorted(report.releases, key=lambda release: (when(release), position[release.id]))


def _copy(flow_id: str, release_id: str) -> str:
    return f"{flow_id}{_AT}{release_id}"


def _renamed(claim: Claim, rename: Callable[[str], str], **changes: Any) -> Claim:
    """A claim about other flows: each flow id passed through ``rename``."""
    fields: dict[str, Any] = {
        name: rename(getattr(claim, name))
        for name in ("flow", "than", "part", "whole", "total")
        if hasattr(claim, name)
    }
    if isinstance(claim, SumClaim):
        fields["parts"] = tuple(rename(part) for part in claim.parts)
    renamed: Claim = attrs.evolve(claim, **fields, **changes)
    return renamed


def _split(report: Report) -> tuple[Report, dict[str, tuple[str, str]]]:
    """Every release's claims about its own copy of the flows, and split id → (claim, release)."""
    flows: list[ReportFlow] = []
    claims: list[Claim] = []
    origin: dict[str, tuple[str, str]] = {}
    releases = [release.id for release in report.releases]
    for release in releases:
        flows.extend(
            attrs.evolve(
                flow,
                id=_copy(flow.id, release),
                release=release,
                label=flow.describe()
                if release == report.default_release
                else f"{flow.describe()} ({release})",
            )
            for flow in report.flows
        )
    for claim in report.claims:
        owner = report.release_of(claim)
        for release in [owner] if owner is not None else releases:
            split_id = claim.id if owner is not None else _copy(claim.id, release)
            claims.append(
                _renamed(
                    claim, functools.partial(_copy, release_id=release), id=split_id, release=None
                )
            )
            origin[split_id] = (claim.id, release)
    split = Report(title=report.title, source=report.source, flows=flows, claims=claims)
    return split, origin


def _touched(report: Report, claim: Claim) -> set[Key]:
    """The variables a claim is about: its flows in its periods."""
    names = [
        getattr(claim, name)
        for name in ("flow", "than", "part", "whole", "total")
        if hasattr(claim, name)
    ]
    if isinstance(claim, SumClaim):
        names.extend(claim.parts)
        periods: Iterable[Period] = report.sum_periods(claim)
    else:
        periods = claim.periods
    return {(name, period) for name in names for period in periods}


def _holders(report: Report, claim_ids: Iterable[str] | None = None) -> dict[Key, list[str]]:
    """Variable → the releases whose claims are about it, in publication order.

    A sum that names no release speaks for every release with a claim of its own.
    """
    chosen = None if claim_ids is None else set(claim_ids)
    claims = [claim for claim in report.claims if chosen is None or claim.id in chosen]
    own = {name for claim in claims if (name := report.release_of(claim)) is not None}
    found: dict[Key, set[str]] = {}
    for claim in claims:
        owner = report.release_of(claim)
        for key in _touched(report, claim):
            found.setdefault(key, set()).update(own if owner is None else {owner})
    order = [release.id for release in _ordered(report)]
    return {key: [name for name in order if name in held] for key, held in found.items()}


def _across_releases(report: Report, within: Callable[[Report], CheckResult]) -> CheckResult:
    split, origin = _split(report)
    separate = within(split)
    merged = within(report)
    revisions = _revisions(report, split, separate)
    by_pair = {(origin[done.claim.id][0], done.period): [] for done in separate.checks}  # type: dict[tuple[str, Period], list[ClaimCheck]]
    for done in separate.checks:
        by_pair[(origin[done.claim.id][0], done.period)].append(done)
    cores = {claim_id: conflict for conflict in merged.conflicts for claim_id in conflict.claims}
    checks: list[ClaimCheck] = []
    extra: list[Conflict] = []
    for done in merged.checks:
        alone = _worst(by_pair.get((done.claim.id, done.period), []))
        if alone is not None and alone.verdict in _WITHIN:
            checks.append(
                attrs.evolve(alone, claim=done.claim, subject=done.subject, summary=alone.summary)
            )
        elif done.verdict is Verdict.INCONSISTENT and done.claim.id in cores:
            revised, allowed = _revised(report, done, cores[done.claim.id], revisions)
            checks.append(revised)
            if not allowed and cores[done.claim.id] not in extra:
                extra.append(cores[done.claim.id])
        elif alone is not None and alone.verdict is Verdict.CONSISTENT:
            # What the claim's own release implies; the other releases speak in the revisions.
            checks.append(attrs.evolve(alone, claim=done.claim, subject=done.subject))
        else:
            checks.append(done)
    within_conflicts = [
        Conflict(
            tuple(dict.fromkeys(origin[claim_id][0] for claim_id in conflict.claims)),
            conflict.explanation,
        )
        for conflict in separate.conflicts
    ]
    over = [
        attrs.evolve(
            conflict,
            explanation=f"{conflict.explanation}; no revision within the "
            f"{_percent(_limit(report, ()))} allowed reconciles them",
        )
        for conflict in extra
    ]
    implied = tuple(_own(figure, report.default_release) for figure in separate.implied)
    return CheckResult(
        report,
        tuple(checks),
        (*within_conflicts, *over),
        implied,
        tuple(dict.fromkeys((*separate.unfinished, *merged.unfinished))),
        revisions=tuple(revisions),
        complete=separate.complete and merged.complete,
    )


def _own(figure: ImpliedFigure, default: str | None) -> ImpliedFigure:
    """An implied figure of the split run, named as the report names it.

    The default release's figures keep the names they have in a report of one
    release; another release's flows keep their ``@release`` in the key and
    their "(release)" in the label.
    """
    if default is None:
        return figure
    return attrs.evolve(figure, key=figure.key.replace(f"{_AT}{default}/", "/"))


def _worst(found: list[ClaimCheck]) -> ClaimCheck | None:
    """The split checks of one claim and period (a sum has one per release): the worst."""
    for verdict in (Verdict.INCONSISTENT, Verdict.UNDEFINED, Verdict.UNFINISHED):
        for done in found:
            if done.verdict is verdict:
                return done
    return found[0] if found else None


def _revisions(report: Report, split: Report, separate: CheckResult) -> list[Revision]:
    """The implied revision of every vintage pair: each release's range, then their difference."""
    in_conflict = {claim_id for conflict in separate.conflicts for claim_id in conflict.claims}
    # A claim the time limit left unchecked may be in a conflict nobody found.
    in_conflict.update(done.claim.id for done in separate.checks if done.verdict in _WITHIN)
    left_out = {claim.id for claim in claims_on_balances(split)}
    active = [
        claim.id
        for claim in split.claims
        if claim.id not in in_conflict and claim.id not in left_out
    ]
    network = Network(split, left_out=left_out)
    found = []
    for (flow_id, period), holders in _holders(report).items():
        if len(holders) < 2:
            continue
        unit = network.units.get(_copy(flow_id, holders[0]))
        if unit is None:
            continue
        spans = {}
        for release in holders:
            try:
                spans[release] = network.extent(active, [((_copy(flow_id, release), period), 1)])
            except (Infeasible, TradeStatsError):  # pragma: no cover - the active claims hold
                spans[release] = Span(-_INFINITY, _INFINITY)
        for earlier, later in itertools.pairwise(holders):
            found.append(
                _revision(
                    report,
                    flow_id=flow_id,
                    period=period,
                    pair=(earlier, later),
                    spans=spans,
                    unit=unit,
                )
            )
    order = {flow.id: index for index, flow in enumerate(report.flows)}
    return sorted(
        (revision for revision in found if revision is not None),
        key=lambda revision: (
            revision.period.start_index,
            revision.period.end_index,
            order[revision.flow],
        ),
    )


def _revision(
    report: Report,
    *,
    flow_id: str,
    period: Period,
    pair: tuple[str, str],
    spans: dict[str, Span],
    unit: str,
) -> Revision | None:
    earlier, later = pair
    before, after = spans[earlier], spans[later]
    if not all(_pinned(span, report.flow(flow_id)) for span in (before, after)):
        return None  # a release that does not pin the value down says nothing of its revision
    change = _difference(after, before)
    percent = _ratio_less_one(after, before)
    needed = change.low > 0 or change.high < 0
    smallest_percent: Decimal | None
    if not needed:
        smallest, smallest_percent = Decimal(0), Decimal(0)
    else:
        upward = change.low > 0
        smallest = change.low if upward else change.high
        smallest_percent = (
            (percent.low if upward else percent.high) if percent is not None else None
        )
    limit = _limit(report, pair)
    allowed = limit is None or percent is None or (percent.low <= limit and percent.high >= -limit)
    natural = Span(-_INFINITY, _INFINITY)
    return Revision(
        flow=flow_id,
        period=period,
        earlier=earlier,
        later=later,
        before=bounds_of(before, unit, natural=Span(Decimal(0), _INFINITY)),
        after=bounds_of(after, unit, natural=Span(Decimal(0), _INFINITY)),
        change=bounds_of(change, unit, natural=natural),
        percent=None if percent is None else bounds_of(percent, Growth, natural=natural),
        smallest=bounds_of(Span(smallest, smallest), unit).low,
        smallest_percent=(
            None
            if smallest_percent is None
            else bounds_of(Span(smallest_percent, smallest_percent), Growth).low
        ),
        needed=needed,
        allowed=allowed,
        limit=limit,
    )


def _pinned(span: Span, flow: ReportFlow) -> bool:
    """Whether a release bounds a value on both sides (above 0, for a flow that is no balance)."""
    return span.is_bounded and (flow.flow is Flow.BALANCE or span.low > 0)


def _limit(report: Report, pair: Iterable[str]) -> Decimal | None:
    """The smallest limit on a revision the report and the two releases set, if any."""
    limits = [report.max_revision, *(report.release(name).max_revision for name in pair)]
    given = [limit for limit in limits if limit is not None]
    return min(given) if given else None


def _difference(after: Span, before: Span) -> Span:
    """``after − before`` over both spans, an infinite end where either is open."""
    low = (
        -_INFINITY
        if not (after.low.is_finite() and before.high.is_finite())
        else (after.low - before.high)
    )
    high = (
        _INFINITY
        if not (after.high.is_finite() and before.low.is_finite())
        else (after.high - before.low)
    )
    return Span(low, high)


def _ratio_less_one(after: Span, before: Span) -> Span | None:
    """``after / before − 1``, rounded outward; ``None`` where the earlier value may be 0."""
    if not before.low > 0 or after.low < 0:
        return None
    with localcontext() as context:
        context.prec = _PLACES
        context.rounding = ROUND_FLOOR
        low = after.low / before.high - _ONE if before.high.is_finite() else -_ONE
        context.rounding = ROUND_CEILING
        high = after.high / before.low - _ONE if after.high.is_finite() else _INFINITY
    return Span(low, high)


def _percent(limit: Decimal | None) -> str:
    return "any revision" if limit is None else f"{limit.scaleb(2).normalize():f}%"


def _linking(report: Report, conflict: Conflict, revisions: list[Revision]) -> list[Revision]:
    """The revisions of the vintages a conflict's claims of different releases share."""
    shared = {key for key, holders in _holders(report, conflict.claims).items() if len(holders) > 1}
    linked = [revision for revision in revisions if (revision.flow, revision.period) in shared]
    needed = [revision for revision in linked if revision.needed]
    return needed or linked


def _revised(
    report: Report, done: ClaimCheck, conflict: Conflict, revisions: list[Revision]
) -> tuple[ClaimCheck, bool]:
    """A claim that conflicts only through vintages: revised, or inconsistent over the limit."""
    linked = _linking(report, conflict, revisions)
    allowed = all(revision.allowed for revision in linked)
    if allowed:
        explanation = f"{done.explanation}, if no figure was revised; consistent if " + _reconciled(
            report, linked
        )
        seen: dict[tuple[str, Period], Revision] = {}
        for revision in linked:
            seen.setdefault((revision.flow, revision.period), revision)
        summary = "revised: " + "; ".join(_short(revision) for revision in seen.values())
        return (
            attrs.evolve(
                done,
                verdict=Verdict.REVISED,
                explanation=explanation,
                summary=summary,
                revisions=tuple(linked),
            ),
            True,
        )
    over = [revision for revision in linked if not revision.allowed]
    limits = ", ".join(
        f"{_smallest_text(revision)} needed for {_value_label(report, revision)}, more than the "
        f"{_percent(revision.limit)} allowed"
        for revision in over
    )
    return (
        attrs.evolve(
            done,
            explanation=f"{done.explanation}; a revision cannot explain it: {limits}",
            summary=f"{done.summary}; revision over the limit",
            revisions=tuple(linked),
        ),
        False,
    )


def _reconciled(report: Report, linked: list[Revision]) -> str:
    """The revisions that reconcile a conflict across releases, in words."""
    if not linked:  # pragma: no cover - a conflict across releases shares a vintage
        return "a figure of an earlier release was revised"
    if any(revision.needed for revision in linked):
        return "; and if ".join(
            _revision_text(report, revision) for revision in linked if revision.needed
        )
    # Each value's releases overlap on their own: only a revision of two at once reconciles.
    names = ", ".join(dict.fromkeys(_value_label(report, revision) for revision in linked))
    return (
        f"the values of {names} were revised together (each alone is within what both "
        "releases allow): " + "; ".join(_revision_text(report, revision) for revision in linked)
    )


def _value_label(report: Report, revision: Revision) -> str:
    return f"{report.flow(revision.flow).describe()}, {revision.period.label()}"


def _published_value(report: Report, revision: Revision) -> str | None:
    """The text of the earlier release's own value of the quantity, if it published one."""
    for claim in report.claims:
        if (
            isinstance(claim, ValueClaim)
            and claim.flow == revision.flow
            and claim.period == revision.period
            and report.release_of(claim) == revision.earlier
        ):
            return claim.text or str(claim.value.value)
    return None


def _revision_text(report: Report, revision: Revision) -> str:
    """How a revision reconciles two releases, in words, with its smallest size."""
    earlier = report.release(revision.earlier)
    shown = _published_value(report, revision)
    before = shown if shown is not None else f"implied {revision.before.format()}"
    text = (
        f"the {revision.period.label()} value of {report.flow(revision.flow).describe()} "
        f"published by {earlier.describe()} ({before}) was revised to {revision.after.format()}"
    )
    if revision.percent is not None:
        text += f", by {revision.percent.format()}"
    if revision.needed:
        text += f" (the smallest revision that reconciles them: {_smallest_text(revision)})"
    return text


def _smallest_text(revision: Revision) -> str:
    """The smallest revision, its digits cut toward 0 so that it stays an "at least"."""
    amount = revision.smallest
    exponent, word = auto_scale(amount.magnitude)
    scaled = f" {word}" if word else ""
    shown = f"{_toward_zero(amount.magnitude.scaleb(-exponent))}{scaled} {amount.unit}"
    if revision.smallest_percent is None:
        return shown
    percent = _toward_zero(revision.smallest_percent.percent)
    return f"{percent}% ({shown})"


def _toward_zero(value: Decimal) -> str:
    """Two significant digits (at least one decimal), cut toward 0, with a sign."""
    if not value:
        return "0"
    places = max(1, 1 - value.adjusted())
    size = round_down(abs(value), places)
    return f"{'+' if value > 0 else '-'}{show(size)}"


def _short(revision: Revision) -> str:
    what = revision.percent.format() if revision.percent is not None else revision.change.format()
    return f"{revision.flow} {revision.period.label()} by {what}"


# -- bases and definitions ----------------------------------------------------------------


def _incomparable(report: Report) -> list[tuple[ReportFlow, ReportFlow, str]]:
    """Pairs of flows of one reporter, flow, partner and product that differ in basis or meaning."""
    # Grouped first: only flows of one quantity's description can pair (10,000 flows
    # of a release would otherwise make 50 million comparisons).
    alike: dict[tuple[object, ...], list[ReportFlow]] = {}
    for flow in report.flows:
        alike.setdefault((flow.reporter, flow.flow, flow.partner, flow.product), []).append(flow)
    found = []
    for flows in alike.values():
        for index, first in enumerate(flows):
            for second in flows[index + 1 :]:
                reason = _difference_of(first, second)
                if reason is not None:
                    found.append((first, second, reason))
    return found


def _difference_of(first: ReportFlow, second: ReportFlow) -> str | None:
    if first.basis is not None and second.basis is not None and first.basis != second.basis:
        return f"different basis ({first.basis} vs {second.basis})"
    if (
        first.partner_definition is not None
        and second.partner_definition is not None
        and first.partner_definition != second.partner_definition
    ):
        return (
            f"different partner definition ({first.partner_definition} vs "
            f"{second.partner_definition})"
        )
    return None


def _identified(report: Report, keep: str, drop: str) -> Report | None:
    """The report with flow ``drop`` taken for flow ``keep``, or ``None`` if that is no report."""
    try:
        return Report(
            title=report.title,
            source=report.source,
            flows=[flow for flow in report.flows if flow.id != drop],
            claims=[
                _renamed(claim, lambda flow_id: keep if flow_id == drop else flow_id)
                for claim in report.claims
            ],
            releases=report.releases,
            default_release=report.default_release,
            max_revision=report.max_revision,
            bases=report.bases,
        )
    except TradeStatsError:  # a share of one in the other becomes a share in itself
        return None


def _comparability(
    report: Report, result: CheckResult, within: Callable[[Report], CheckResult]
) -> CheckResult:
    """Mark the claims that would only conflict if flows of different bases were one."""
    marks: dict[str, str] = {}
    for first, second, reason in _incomparable(report):
        probe = _identified(report, first.id, second.id)
        if probe is None:
            continue
        for conflict in within(probe).conflicts:
            about = {
                name
                for claim_id in conflict.claims
                for name, _ in _touched(report, report.claim(claim_id))
            }
            if first.id in about and second.id in about:
                for claim_id in conflict.claims:
                    marks.setdefault(claim_id, reason)
    if not marks:
        return result
    checks = tuple(_not_comparable(done, marks) for done in result.checks)
    return attrs.evolve(result, checks=checks)


def _not_comparable(done: ClaimCheck, marks: dict[str, str]) -> ClaimCheck:
    reason = marks.get(done.claim.id)
    if reason is None or done.verdict in (Verdict.INCONSISTENT, Verdict.UNDEFINED):
        return done
    return attrs.evolve(
        done,
        verdict=Verdict.NOT_COMPARABLE,
        reason=reason,
        summary=f"not comparable: {reason}",
        explanation=f"{done.explanation.split(';')[0]}; not comparable: {reason}: it would "
        "conflict with a figure of the other only if they were the same quantity",
    )
