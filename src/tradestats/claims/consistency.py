"""Check that the published figures of a report hold together, and say what they imply.

:func:`check` treats every claim of a :class:`~tradestats.claims.report.Report` as a
linear constraint on the values of its flows, with the rounding its digits
allow, and answers every question about them with exact linear programs
(rational arithmetic, the ends rounded outward only when shown, so the true
values are never lost): whether the claims can hold together, and the exact
range of every value, growth rate, share and contribution they imply. For each
claim it leaves that claim out, works out what the others imply for its figure,
and compares:

- **consistent**: the published figure meets what the others imply;
- **inconsistent**: it misses it, by more than rounding explains; the claims
  involved are listed as a :class:`Conflict` (a smallest set that cannot hold
  together);
- **undefined**: the figure has no value where the others put the flows (the
  growth of a balance that changed sign), and the check says why;
- **not checkable**: the others say nothing about it.

Two claims of one quantity at the same precision with different digits are
inconsistent: each is a correct rounding of a different number, and at most one
of them can be right.

It also lists the figures the claims imply (values nobody published, growth
rates, shares, changes of share, contributions to growth), each with bounds.

>>> from tradestats.claims.consistency import check
>>> from tradestats.claims.report import Report
>>> report = Report.from_toml('''
... title = "Xinjiang, Jan–Jul 2023"
... reporter = "Xinjiang"
... period = "2023-01/2023-07"
... [flows.world]
... flow = "total"
... label = "foreign trade"
... [[claims]]
... id = "world-value"
... flow = "world"
... value = "183 billion yuan"
... [[claims]]
... id = "world-growth"
... flow = "world"
... growth = "59.3%"
... ''')
>>> result = check(report)
>>> result.consistent
True
>>> [(figure.label, figure.range.format()) for figure in result.implied]
[('foreign trade, Jan–Jul 2022', '114.5 to 115.3 billion CNY')]
"""

from __future__ import annotations

import enum
import functools
import time
import warnings
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from tradestats._numbers import auto_scale, in_context, round_down, show
from tradestats._text import quote, quote_all
from tradestats.amounts import Amount
from tradestats.claims import _float
from tradestats.claims._balances import Outcome, claims_on_balances, outcomes
from tradestats.claims._claims import _OnABase
from tradestats.claims._garbage import collecting_less
from tradestats.claims._groups import not_comparable
from tradestats.claims._implied import exact as exact_figures
from tradestats.claims._implied import implied as implied_figures
from tradestats.claims._narrowing import BUDGET, Span, bounds_of
from tradestats.claims._network import Network, OutOfTime, Spans
from tradestats.claims._official import with_data
from tradestats.claims._results import (
    CheckResult,
    ClaimCheck,
    Conflict,
    ImpliedFigure,
    Revision,
    Verdict,
)
from tradestats.claims._vintages import needs_layering, reconcile
from tradestats.claims.report import (
    ChangeClaim,
    Claim,
    ContributionClaim,
    ContributionShareClaim,
    DataMatch,
    GrowthClaim,
    GrowthDifferenceClaim,
    MultiplierClaim,
    Report,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.errors import InvalidValueError
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.periods import Lag, Period
from tradestats.units import unit_label
from tradestats.verify._kinds import Figure, kind_of, magnitude_of
from tradestats.verify.figures import Qualifier
from tradestats.verify.ranges import Bounds

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

    from tradestats.verify.figures import Reported

__all__ = [
    "DEFAULT_BUDGET",
    "FAST_ENGINE",
    "CheckResult",
    "ClaimCheck",
    "Conflict",
    "ImpliedFigure",
    "Revision",
    "Verdict",
    "check",
    "published_text",
    "subject",
]

#: The claims whose figure is in percentage points.
_POINTS: Final = (
    ContributionClaim,
    ShareChangeClaim,
    GrowthDifferenceClaim,
    ContributionShareClaim,
)
#: The claims that are no linear row: held in linear pieces (``claims/_points.py``).
_FIGURE_ONLY: Final = (ShareChangeClaim, GrowthDifferenceClaim, ContributionShareClaim)
#: The default ``budget`` of :func:`check`.
DEFAULT_BUDGET: Final = BUDGET
#: Whether HiGHS (``highspy``, the ``fast`` extra) is installed. :func:`check` then
#: solves its linear programs in floating point and certifies each answer exactly;
#: without it the exact simplex solves them: the same answers, slower on large
#: reports (a chain of claims needs neither; see :doc:`/explanation/check-engine`).
FAST_ENGINE: Final = _float.AVAILABLE
_ZERO: Final = Decimal(0)
_MAX_PLACES: Final = 6


def _amount_text(like: str | type[Figure] | None, value: Decimal) -> str:
    """A gap or difference, rounded down to two significant digits, in the figure's terms."""
    if like is None or isinstance(like, str):
        exponent, word = auto_scale(value)
        scaled = f" {word}" if word else ""
        unit = "" if like is None else f" {unit_label(like)}"
        return f"{_round_down(value.scaleb(-exponent))}{scaled}{unit}"
    facts = kind_of(like)
    return f"{_round_down(value.scaleb(facts.shift))}{facts.gap}"


def _round_down(value: Decimal) -> str:
    places = max(0, 1 - value.adjusted()) if value else 0
    return show(round_down(value, min(places, _MAX_PLACES)))


# -- the check ---------------------------------------------------------------------------


@in_context
def check(
    report: Report,
    *,
    budget: int = DEFAULT_BUDGET,
    time_limit: float | None = None,
    data: Any = None,
    match: DataMatch | None = None,
    _engine: str = "auto",
) -> CheckResult:
    """Check every relation among a report's claims and list the figures they imply.

    Never raises a false alarm: a claim is called inconsistent only if no values
    that round to the published figures can make the claims hold together.

    Args:
        report: The claims to check.
        budget: How hard to work on the few ranges that are not exact linear
            programs: the most splits for one end of a change of share, or
            sub-boxes for one end of a ratio whose base may be 0 (see
            :doc:`/explanation/intervals`). Verdicts, conflicts and every other
            range are exact whatever the budget; 0 keeps those few ranges
            sound but possibly a little wider.
        time_limit: Seconds after which to stop and return what was found so far:
            the claims not yet checked get :attr:`Verdict.UNFINISHED` and are listed
            in ``CheckResult.unfinished``, and no figures are implied when the
            limit runs out first (``CheckResult.complete`` is then ``False``).
            ``None`` (the default) runs to the end. A long exact computation
            stops at the limit too, and the claim it was for is unfinished.
        data: Official data to check the claims against: a tidy frame (pandas,
            polars or pyarrow; see :doc:`/howto/load-data`) whose values for the
            report's flows and periods become one more release (needs
            ``tradestats[tables]``); see :doc:`/howto/revised-or-wrong`.
        match: Which rows of ``data`` hold each flow; the report's ``[data]``
            table by default (:class:`~tradestats.DataMatch`).
        _engine: ``"auto"`` (HiGHS with exact certificates, when ``highspy`` is
            installed) or ``"exact"`` (the exact simplex throughout), for testing.

    With several releases (or flows on different bases) the claims of each
    release are checked together as usual, and a conflict between releases
    that a revision explains is :attr:`Verdict.REVISED` (see
    :doc:`/explanation/vintages`).

    While it runs, the garbage collector's first threshold is at least 50,000
    (``gc.set_threshold``; the process's, so other threads' too): a check makes
    millions of small objects that hold no cycle, and the default threshold of
    700 spent up to a tenth of a large check collecting. It is set back after.

    Returns:
        The verdict on every claim, the conflicts found and the implied figures.

    Raises:
        InvalidValueError: If ``budget`` or ``time_limit`` is negative, or data
            come without a match (in the report or as ``match``).
        DataMatchError: If the data do not hold what the match names (a column
            missing, two rows for one flow and period, another currency).
    """
    if time_limit is not None and (
        isinstance(time_limit, bool)
        or not isinstance(time_limit, int | float)
        or not time_limit >= 0
    ):
        raise InvalidValueError(
            f"time_limit must be a number of seconds of 0 or more, or None, not "
            f"{quote(time_limit)}",
            time_limit=time_limit,
        )
    deadline = None if time_limit is None else time.monotonic() + time_limit
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 0:
        raise InvalidValueError(
            f"budget must be a whole number of 0 or more, not {quote(budget)}", budget=budget
        )
    unmatched: tuple[str, ...] = ()
    if data is not None:
        report, unmatched = with_data(report, data, match)
    elif match is not None:
        raise InvalidValueError(
            "match says how the rows of data= hold the report's flows: pass the data too",
            value=None,
        )
    within = functools.partial(_within, budget=budget, deadline=deadline, engine=_engine)
    with collecting_less():
        result = reconcile(report, within) if needs_layering(report) else within(report)
    return attrs.evolve(result, unmatched=unmatched) if unmatched else result


def _within(report: Report, *, budget: int, deadline: float | None, engine: str) -> CheckResult:
    """The check of one body of claims: the engine, blind to releases and bases."""
    _engine = engine
    # A claim across a change of a group's members relates no two values of one quantity.
    apart = not_comparable(report.claims, {flow.id: flow for flow in report.flows})
    on_balances = [claim for claim in claims_on_balances(report) if claim.id not in apart]
    special: dict[str, Outcome] = {}
    if on_balances:
        # Each growth of a balance is looked at against the others first: its sign.
        ids = [claim.id for claim in on_balances]
        first = Network(report, budget=budget, engine=_engine, left_out=[*ids, *apart])
        special = outcomes(first, on_balances)
    signs = {
        claim_id: found.sign
        for claim_id, found in special.items()
        if found.reason is None and found.sign is not None
    }
    # Only a published sign makes a constraint: a sign the others force is used to
    # read the claim's own figure, and would otherwise feed back into theirs.
    left_out = [claim_id for claim_id, found in special.items() if not found.published]
    left_out += apart
    network = Network(
        report, budget=budget, engine=_engine, signs=signs, left_out=left_out, deadline=deadline
    )
    duplicates = _duplicates(report, {*special, *apart})
    # Groups of claims that share no value cannot conflict with each other.
    skipped: set[str] = set()
    twins = {claim_id for group in duplicates for claim_id in group}
    active: list[str] = []
    cores: list[list[str]] = [list(group) for group in duplicates]
    for members in network.components:
        if _late(deadline):
            skipped.update(members)
            continue
        left, found = [claim_id for claim_id in members if claim_id not in twins], []
        try:
            while not network.holds(left):
                core = network.minimal_conflict(left, deadline=deadline)
                found.append(core)
                left = [claim_id for claim_id in left if claim_id not in core]
        except OutOfTime:
            skipped.update(members)  # a conflict search cut short proves nothing
            continue
        cores.extend(found)
        active.extend(left)
    order = {claim.id: index for index, claim in enumerate(report.claims)}
    cores.sort(key=lambda core: order[core[0]])
    active.sort(key=order.__getitem__)
    notes = {claim_id: _twins_note(report, group) for group in duplicates for claim_id in group}
    undefined = {claim_id: found for claim_id, found in special.items() if found.sign is None}
    checks = tuple(
        _checks(
            network, active, cores, skipped, deadline, undefined=undefined, notes=notes, apart=apart
        )
    )
    cores.extend(list(_figure_conflicts(network, checks, active, cores)))
    cores.sort(key=lambda core: order[core[0]])
    conflicts = tuple(_conflict(core, checks, notes) for core in cores)
    unfinished = tuple(
        dict.fromkeys(check.claim.id for check in checks if check.verdict is Verdict.UNFINISHED)
    )
    implied = None if unfinished or _late(deadline) else _implied_in_time(network, active)
    return CheckResult(
        report, checks, conflicts, implied or (), unfinished, complete=implied is not None
    )


def _figure_conflicts(
    network: Network, checks: tuple[ClaimCheck, ...], active: list[str], cores: list[list[str]]
) -> Iterator[list[str]]:
    """The conflicts of claims in points that the search for conflicts left out, by their figures.

    The search (:meth:`Network.holds <tradestats.claims._network.Network.holds>`)
    finds them in all but the cases its budget cannot decide; a claim already in a
    conflict needs no second one.
    """
    cored = {claim_id for core in cores for claim_id in core}
    for found in checks:
        if (
            found.verdict is Verdict.INCONSISTENT
            and isinstance(found.claim, _FIGURE_ONLY)
            and found.claim.id not in cored
        ):
            try:
                core = network.figure_conflict(found.claim, active)
            except OutOfTime:
                return  # each such claim is inconsistent already: only its conflict is left out
            if core is not None:
                yield core


def _late(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline


def _implied_in_time(network: Network, active: list[str]) -> tuple[ImpliedFigure, ...] | None:
    """The implied figures, or ``None`` if the time limit runs out while they are worked out.

    As when it runs out before: no figures rather than some, which would look like all.
    """
    try:
        return tuple(_implied(network, active))
    except OutOfTime:
        return None


def _implied(network: Network, active: list[str]) -> Iterator[ImpliedFigure]:
    left = set(active)
    groups = [
        [claim_id for claim_id in members if claim_id in left] for members in network.components
    ]
    if not all(network.holds(group) for group in groups):  # pragma: no cover - see check()
        raise AssertionError("the claims left after removing conflicts must hold together")
    # The claims in points narrow the implied figures too, through one piece.
    network = network.with_points(active)
    derived = list(implied_figures(network, network.exact_spans(active)))
    spans = exact_figures(network, active, derived)
    for figure in derived:
        yield ImpliedFigure(
            figure.key,
            figure.label,
            figure.period,
            bounds_of(spans[figure.key], figure.like),
        )


def _duplicates(report: Report, left_out: set[str]) -> list[list[str]]:
    """Groups of claims of one quantity, at one precision, with different digits.

    Each such figure is a correct rounding of a different number: at most one of
    them can be right, although their closed rounding intervals may touch (604.7
    and 604.8 at 604.75). Qualified figures ("about", "over") are no roundings.
    """
    groups: dict[Hashable, list[Claim]] = {}
    for claim in report.claims:
        key = _quantity(claim)
        if key is not None and claim.id not in left_out:
            groups.setdefault(key, []).append(claim)
    found = []
    for members in groups.values():
        digits = {magnitude_of(figure.value) for figure in map(_figure_of, members)}
        if len(digits) > 1:
            found.append([claim.id for claim in members])
    return found


#: The field that holds each kind of claim's published figure.
_FIGURE_FIELDS: Final[dict[type[Any], str]] = {
    ValueClaim: "value",
    GrowthClaim: "growth",
    MultiplierClaim: "multiplier",
    ShareClaim: "share",
    ChangeClaim: "change",
    ContributionClaim: "contribution",
    ShareChangeClaim: "share_change",
    GrowthDifferenceClaim: "difference",
    ContributionShareClaim: "contribution_share",
}
#: The flows each kind of claim is about, which (with its periods) name its quantity.
_FLOW_FIELDS: Final = ("flow", "than", "part", "whole", "total")


def _figure_of(claim: Claim) -> Reported[Any]:
    assert not isinstance(claim, SumClaim)
    figure: Reported[Any] = getattr(claim, _FIGURE_FIELDS[type(claim)])
    return figure


def _quantity(claim: Claim) -> Hashable:
    """What a claim's figure is of, with its precision and unit; ``None`` for sums and qualified."""
    if isinstance(claim, SumClaim):
        return None
    figure = _figure_of(claim)
    if figure.qualifier is not Qualifier.EXACT or not figure.precision:
        return None
    unit = figure.value.unit if isinstance(figure.value, Amount) else None
    what = tuple(getattr(claim, name, None) for name in _FLOW_FIELDS)
    return (type(claim), *what, claim.periods, figure.precision, unit)


def _twins_note(report: Report, group: list[str]) -> str:
    shown = " and ".join(
        f"{published_text(report.claim(claim_id))} ({claim_id!r})" for claim_id in group
    )
    return (
        f"{shown} give one figure to the same precision with different digits: at most one "
        "of them can be right"
    )


def _checks(
    network: Network,
    active: list[str],
    cores: list[list[str]],
    skipped: set[str],
    deadline: float | None,
    *,
    undefined: dict[str, Outcome],
    notes: dict[str, str],
    apart: dict[str, str],
) -> Iterator[ClaimCheck]:
    core_of = {claim_id: core for core in cores for claim_id in core}
    ids = frozenset(active)  # once: each claim's check looks up the others in it
    for claim in network.report.claims:
        if claim.id in apart:
            yield _not_comparable(network, claim, apart[claim.id])
            continue
        if claim.id in skipped or _late(deadline):
            yield from _unfinished(network, claim)
            continue
        try:
            done = list(_checked(network, claim, ids, core_of, undefined=undefined, notes=notes))
        except OutOfTime:
            # A claim cut short inside a long exact computation: unfinished, like the rest.
            done = list(_unfinished(network, claim))
        yield from done


def _checked(
    network: Network,
    claim: Claim,
    active: frozenset[str],
    core_of: dict[str, list[str]],
    *,
    undefined: dict[str, Outcome],
    notes: dict[str, str],
) -> Iterator[ClaimCheck]:
    """The checks of one claim (one per period for a sum), the time limit permitting.

    Raises:
        OutOfTime: If the network's deadline passes first.
    """
    if claim.id in undefined:
        assert isinstance(claim, GrowthClaim | MultiplierClaim)
        yield _on_balance(network, claim, undefined[claim.id])
        return
    core = core_of.get(claim.id)
    if core is None:
        refined = network.implied_by_others(claim, active)
    else:
        refined = network.implied_by_others(claim, active | set(core))
        if refined is None:
            refined = network.implied_by_others(claim, core)
    if refined is None:  # pragma: no cover
        # Not expected: the rest of a smallest conflict holds. Should it not, plain
        # propagation still gives a sound range.
        others = [other for other in core or active if other != claim.id]
        spans = {**network.domains, **(network.solve(others) or {})}
        figures: dict[Hashable, Span] = {
            period: network.figure(claim, period, spans) for period in network.periods_of(claim)
        }
    else:
        spans, figures = refined.spans, refined.figures
    for period in network.periods_of(claim):
        done = _check(network, claim, period, figures[period], spans, in_conflict=core is not None)
        if claim.id in notes:
            note = notes[claim.id]
            done = attrs.evolve(
                done,
                explanation=f"{published_text(claim)} published; {note}",
                summary=f"{done.summary}; at most one of the duplicates can be right",
            )
        yield done


def _on_balance(
    network: Network, claim: GrowthClaim | MultiplierClaim, outcome: Outcome
) -> ClaimCheck:
    """The check of a growth of a balance that is undefined, or whose sign nothing tells."""
    like = _like(network, claim)
    unit = network.units[claim.flow]
    shown = published_text(claim)
    base = claim.base
    if outcome.reason is None:
        verdict, summary = Verdict.NOT_CHECKABLE, "not determined: the sign of the balance"
        explanation = (
            f"{shown}: the growth of a balance is that of its size, and neither the claim nor "
            'the others tell its sign: write "deficit" or "surplus" in the text, or add '
            'sign = "deficit" or "surplus"'
        )
    else:
        assert outcome.now is not None
        assert outcome.before is not None
        verdict = Verdict.UNDEFINED
        words = {"sign changed": "the balance changed sign", "zero base": "the base is zero"}
        summary = f"undefined: {words.get(outcome.reason, outcome.reason)}"
        explanation = (
            f"{shown} published; {summary} (the other claims imply {_text(outcome.before, unit)} "
            f"in {base.label()} and {_text(outcome.now, unit)} in {claim.period.label()})"
        )
    return ClaimCheck(
        claim=claim,
        period=claim.period,
        verdict=verdict,
        subject=subject(network.report, claim, claim.period),
        published=None if like is None else bounds_of(network.published(claim), like),
        implied=None,
        gap=_ZERO,
        explanation=explanation,
        summary=summary,
        reason=outcome.reason,
    )


def _unfinished(network: Network, claim: Claim) -> Iterator[ClaimCheck]:
    """The checks of a claim the time limit left out: its figure, and nothing implied."""
    like = _like(network, claim)
    natural = network.natural(claim)
    shown = published_text(claim)
    for period in network.periods_of(claim):
        yield ClaimCheck(
            claim=claim,
            period=period,
            verdict=Verdict.UNFINISHED,
            subject=subject(network.report, claim, period),
            published=None if like is None else bounds_of(network.published(claim), like),
            implied=None if like is None else bounds_of(natural, like, natural=natural),
            gap=_ZERO,
            explanation=f"{shown}: not checked, the time limit ran out first",
            summary="not checked (time limit)",
        )


def _like(network: Network, claim: Claim) -> str | type[Figure] | None:
    """What a claim's figure is: the unit of an amount, or the type of a measure.

    ``None`` for amounts of flows no value of which is published: they have no unit.
    """
    if isinstance(claim, GrowthClaim):
        return Growth
    if isinstance(claim, MultiplierClaim):
        return Multiplier
    if isinstance(claim, ShareClaim):
        return Share
    if isinstance(claim, _POINTS):
        return PercentagePoints
    flow = claim.flow if isinstance(claim, ValueClaim | ChangeClaim) else claim.total
    return network.units[flow]


def _undefined(network: Network, claim: Claim, period: Period, reason: str) -> ClaimCheck:
    """The check of a figure that has no value under the other claims."""
    like = _like(network, claim)
    shown = published_text(claim)
    return ClaimCheck(
        claim=claim,
        period=period,
        verdict=Verdict.UNDEFINED,
        subject=subject(network.report, claim, period),
        published=None if like is None else bounds_of(network.published(claim), like),
        implied=None,
        gap=_ZERO,
        explanation=f"{shown}: undefined, since under the other claims the {reason}",
        summary=f"undefined ({reason})",
        reason=reason,
    )


def _not_comparable(network: Network, claim: Claim, reason: str) -> ClaimCheck:
    """The check of a figure that compares two different quantities (``reason``: why)."""
    assert isinstance(claim, _OnABase)  # only a claim across two periods can be apart
    like = _like(network, claim)
    shown = published_text(claim)
    return ClaimCheck(
        claim=claim,
        period=claim.period,
        verdict=Verdict.NOT_COMPARABLE,
        subject=subject(network.report, claim, claim.period),
        published=None if like is None else bounds_of(network.published(claim), like),
        implied=None,
        gap=_ZERO,
        explanation=f"{shown}: not comparable, {reason}; fix the composition (such as "
        'membership = "fixed: EU27_2020") to compare like with like',
        summary=f"not comparable ({reason})",
        reason=reason,
    )


def _check(
    network: Network,
    claim: Claim,
    period: Period,
    implied: Span,
    spans: Spans,
    *,
    in_conflict: bool,
) -> ClaimCheck:
    like = _like(network, claim)
    published = network.published(claim)
    natural = network.natural(claim)
    if implied.low > implied.high and not in_conflict:
        return _undefined(network, claim, period, "total did not change")
    gap = implied.gap(published)
    if in_conflict or gap > 0:
        verdict = Verdict.INCONSISTENT
    elif implied.low > natural.low or implied.high < natural.high:
        verdict = Verdict.CONSISTENT
    else:
        verdict = Verdict.NOT_CHECKABLE
    published_range = None if like is None else bounds_of(published, like)
    implied_range = None if like is None else bounds_of(implied, like, natural=natural)
    shown = published_text(claim)
    off = f"off by {_amount_text(like, gap)} beyond rounding" if gap > 0 else ""
    if verdict is Verdict.NOT_CHECKABLE:
        summary = "not determined"
        explanation = f"{shown}: the other claims do not determine it"
    elif isinstance(claim, SumClaim):
        summary = _sum_summary(claim, period, spans, like)
        explanation = f"{shown}: the other claims imply {summary}"
    elif published.meet(natural) is None:
        summary = f"impossible: must be {_text(natural, like)}"
        explanation = f"{shown} published; {summary}"
    else:
        summary = _text(implied, like, natural=natural)
        explanation = f"{shown} published; the other claims imply {summary}"
    if off:
        summary += f" ({off})"
        explanation += f"; {off}"
    elif verdict is Verdict.INCONSISTENT:
        explanation += "; it cannot hold together with the other claims of its conflict"
    return ClaimCheck(
        claim=claim,
        period=period,
        verdict=verdict,
        subject=subject(network.report, claim, period),
        published=published_range,
        implied=implied_range,
        gap=gap,
        explanation=explanation,
        summary=summary,
    )


@in_context
def published_text(claim: Claim) -> str:
    """A claim's figure as published, with the reading of "N times" figures.

    >>> from tradestats.verify.figures import Reported
    >>> from tradestats import TimesConvention
    >>> published_text(MultiplierClaim(
    ...     id="ev", flow="ev", period="2023", times=TimesConvention.MORE, text="3.26 times",
    ...     multiplier=Reported.parse_multiplier("3.26 times", times=TimesConvention.MORE)))
    '3.26 times (more: ×4.26)'
    """
    if isinstance(claim, SumClaim):
        return f"{' + '.join(claim.parts)} = {claim.total}"
    if isinstance(claim, ValueClaim):
        figure: Reported[Any] = claim.value
    elif isinstance(claim, GrowthClaim):
        figure = claim.growth
    elif isinstance(claim, ShareClaim):
        figure = claim.share
    elif isinstance(claim, ChangeClaim):
        figure = claim.change
    elif isinstance(claim, ContributionClaim):
        figure = claim.contribution
    elif isinstance(claim, ShareChangeClaim):
        figure = claim.share_change
    elif isinstance(claim, GrowthDifferenceClaim):
        figure = claim.difference
    elif isinstance(claim, ContributionShareClaim):
        figure = claim.contribution_share
    else:
        figure = claim.multiplier
    text = claim.text or str(figure.value)
    if isinstance(claim, MultiplierClaim) and claim.times is not None:
        return f"{text} ({claim.times.value}: {claim.multiplier.value})"
    return text


def _sum_summary(
    claim: SumClaim, period: Period, spans: Spans, like: str | type[Figure] | None
) -> str:
    parts = Span(_ZERO, _ZERO)
    for part in claim.parts:
        parts += spans[(part, period)]
    added = _text(parts, like)
    total = _text(spans[(claim.total, period)], like)
    return f"parts {added}, total {total}"


def _text(span: Span, like: str | type[Figure] | None, *, natural: Span | None = None) -> str:
    """A span as :meth:`Bounds.format <tradestats.Bounds.format>` shows it.

    Amounts of flows no value of which is published have no unit, and need none:
    the claims then fix no scale, so every end is 0 or open.
    """
    if like is not None:
        return bounds_of(span, like, natural=natural).format()
    low = None if not span.low.is_finite() or (natural and span.low <= natural.low) else span.low
    high = (
        None if not span.high.is_finite() or (natural and span.high >= natural.high) else span.high
    )
    if low is None:
        return "any value" if high is None else f"at most {show(high)}"
    if high is None:
        return f"at least {show(low)}"
    return show(low) if low == high else f"{show(low)} to {show(high)}"


def subject(report: Report, claim: Claim, period: Period) -> str:
    """What a claim is about, in words: "growth of foreign trade, Jan–Jul 2023 on a year earlier".

    Args:
        report: The report the claim belongs to.
        claim: The claim.
        period: The period (for a sum, one of those it covers).
    """
    when = period.label()
    if isinstance(claim, ValueClaim):
        return f"{report.flow(claim.flow).describe()}, {when}"
    if isinstance(claim, GrowthClaim | MultiplierClaim | ChangeClaim):
        what = {GrowthClaim: "growth", MultiplierClaim: "multiple"}.get(
            type(claim), "change in level"
        )
        return f"{what} of {report.flow(claim.flow).describe()}, {when} {_against(claim)}"
    if isinstance(claim, _POINTS):
        return f"{_points_subject(report, claim)}, {when} {_against(claim)}"
    if isinstance(claim, ShareClaim):
        part, whole = report.flow(claim.part).describe(), report.flow(claim.whole).describe()
        return f"share of {part} in {whole}, {when}"
    parts = " + ".join(report.flow(part).describe() for part in claim.parts)
    return f"{parts} = {report.flow(claim.total).describe()}, {when}"


def _points_subject(
    report: Report,
    claim: ContributionClaim | ShareChangeClaim | GrowthDifferenceClaim | ContributionShareClaim,
) -> str:
    """What a claim in percentage points is about, in words."""
    if isinstance(claim, GrowthDifferenceClaim):
        flow, than = report.flow(claim.flow).describe(), report.flow(claim.than).describe()
        return f"growth of {flow} less that of {than}"
    if isinstance(claim, ShareChangeClaim):
        part, whole = report.flow(claim.part).describe(), report.flow(claim.whole).describe()
        return f"change in the share of {part} in {whole}"
    part, total = report.flow(claim.part).describe(), report.flow(claim.total).describe()
    if isinstance(claim, ContributionShareClaim):
        return f"share of {part} in the change of {total}"
    return f"contribution of {part} to the growth of {total}"


def _against(
    claim: GrowthClaim
    | MultiplierClaim
    | ChangeClaim
    | ContributionClaim
    | ShareChangeClaim
    | GrowthDifferenceClaim
    | ContributionShareClaim,
) -> str:
    """The base of a change, in words: "on a year earlier", "on the previous period", "on 2019"."""
    if claim.versus is Lag.YEAR_EARLIER:
        return "on a year earlier"
    if claim.versus is Lag.PREVIOUS:
        return f"on the period before ({claim.base.label()})"
    return f"on {claim.base.label()}"


def _conflict(core: list[str], checks: tuple[ClaimCheck, ...], notes: dict[str, str]) -> Conflict:
    names = quote_all(core)
    if core[0] in notes:
        return Conflict(tuple(core), f"claims {names}: {notes[core[0]]}")
    worst = max((check for check in checks if check.claim.id in core), key=lambda check: check.gap)
    if len(core) == 1:
        lead = f"claim {names} cannot hold on its own"
    else:
        lead = f"claims {names} cannot all hold"
    return Conflict(tuple(core), f"{lead}: {worst.claim.id}: {worst.explanation}")


if not TYPE_CHECKING:  # so that type checkers flag the old names, and typos stay errors

    def __getattr__(name: str) -> object:
        return deprecated(name)


#: Names of 0.2 kept for one release, and what to use instead; they go in 0.4.
DEPRECATED: Final = {
    "FigureRange": "the check's ranges are Bounds now (tradestats.Bounds), with open ends "
    "(Bounds.at_least, Bounds.at_most)",
    "FigureKind": "a range's kind is the type of its ends (Bounds.kind: Amount, Growth, "
    "Multiplier, Share or PercentagePoints)",
}


def deprecated(name: str, module: str = __name__) -> object:
    """A deprecated name of ``module``, with a DeprecationWarning; for modules' ``__getattr__``.

    Raises:
        AttributeError: For a name that is not deprecated.
    """
    if name not in DEPRECATED:
        raise AttributeError(f"module {quote(module)} has no attribute {quote(name)}")
    warnings.warn(
        f"{name} is deprecated and goes in tradestats 0.4: {DEPRECATED[name]}",
        DeprecationWarning,
        stacklevel=3,
    )
    return Bounds if name == "FigureRange" else _figure_kind()


@functools.cache
def _figure_kind() -> type[enum.Enum]:
    """The enum of 0.2, for code that still reads ``FigureKind.GROWTH`` and the like."""
    names = {"AMOUNT": "amount", "GROWTH": "growth", "MULTIPLIER": "multiplier"}
    return cast(
        "type[enum.Enum]",
        enum.Enum("FigureKind", {**names, "SHARE": "share", "POINTS": "points"}),
    )
