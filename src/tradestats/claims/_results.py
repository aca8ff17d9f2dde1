"""The results of a check: verdicts, conflicts, implied figures and revisions.

Private: the classes are documented and imported from
:mod:`tradestats.claims.consistency` (and ``tradestats``). They live here, below
the check, so that the revision-aware layer (:mod:`tradestats.claims._vintages`)
can build results without importing the check that calls it.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs
from attrs import frozen

from tradestats._numbers import in_context

# Imported at run time: cattrs resolves the annotations when it structures a result.
from tradestats.claims.report import Claim, Report
from tradestats.periods import Period
from tradestats.verify._kinds import kind_of, magnitude_of
from tradestats.verify.ranges import Bounds

__all__ = ["CheckResult", "ClaimCheck", "Conflict", "ImpliedFigure", "Revision", "Verdict"]


class Verdict(enum.Enum):
    """What the check says about one claim."""

    #: The figure's range meets what the other claims allow.
    CONSISTENT = "consistent"
    #: It misses it, by the claim's ``gap`` beyond rounding, or it is one of two
    #: figures of one quantity that cannot both be right.
    INCONSISTENT = "inconsistent"
    #: The other claims do not determine the figure.
    NOT_CHECKABLE = "not checkable"
    #: The figure is undefined where the other claims put the flows; the claim's
    #: ``reason`` says why ("sign changed", "zero base", "total did not change").
    UNDEFINED = "undefined"
    #: The time limit of :func:`check` ran out before the claim was checked.
    UNFINISHED = "unfinished"
    #: It conflicts only with figures of another release for the same quantity,
    #: and holds if the earlier one was revised; the claim's ``revisions`` say by
    #: how much (see :doc:`/explanation/vintages`).
    REVISED = "revised"
    #: It would conflict with a figure of a flow on another basis or partner
    #: definition only if the two were one quantity; ``reason`` says which
    #: ("different basis (customs vs balance of payments)").
    NOT_COMPARABLE = "not comparable"


@frozen(kw_only=True)
class Revision:
    """How far a figure must have moved between two releases: the implied revision.

    The ends are exact bounds of what the two releases' claims allow, rounded
    outward only when shown; ``percent`` is of the earlier value.

    Args:
        flow: The id of the flow.
        period: The period of the value.
        earlier: The id of the earlier release.
        later: The id of the later release.
        before: The value as the earlier release's claims put it.
        after: The value as the later release's claims put it.
        change: ``after − before``: the revision in the flow's unit.
        percent: ``after ÷ before − 1`` as a growth rate, or ``None`` where the
            earlier value may be 0 or less.
        smallest: The revision of least size the two releases allow (0 when
            they overlap).
        smallest_percent: The same in percent of the earlier value, if defined.
        needed: Whether the two releases' values cannot be one (a revision is needed).
        allowed: Whether a revision within ``limit`` can reconcile them.
        limit: The largest revision allowed (a fraction), or ``None``.
    """

    flow: str
    period: Period
    earlier: str
    later: str
    before: Bounds[Any]
    after: Bounds[Any]
    change: Bounds[Any]
    percent: Bounds[Any] | None
    smallest: Any
    smallest_percent: Any
    needed: bool
    allowed: bool
    limit: Decimal | None

    @in_context
    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: decimals as text, open ends as ``null``.

        The keys are documented in :doc:`/report-format` (``revisions``).
        """
        return {
            "flow": self.flow,
            "period": self.period.isoformat(),
            "earlier": self.earlier,
            "later": self.later,
            "before": _range_dict(self.before),
            "after": _range_dict(self.after),
            "change": _range_dict(self.change),
            "percent": None if self.percent is None else _range_dict(self.percent),
            "smallest": None if self.smallest is None else str(magnitude_of(self.smallest)),
            "smallest_percent": None
            if self.smallest_percent is None
            else str(magnitude_of(self.smallest_percent)),
            "needed": self.needed,
            "allowed": self.allowed,
            "max_revision": None if self.limit is None else str(self.limit),
        }


@frozen
class ClaimCheck:
    """The verdict on one claim (a sum has one per period it covers).

    Args:
        claim: The claim checked.
        period: The period checked.
        verdict: Consistent, inconsistent or not checkable.
        subject: What the claim is about, in words.
        published: The claim's figure with the rounding its digits allow.
        implied: What the other claims imply for the same figure (for a sum: the
            parts' total minus the total, which the claim says is 0); an end may
            be open. Both are ``None`` for a sum of flows no value of which is
            published: their amounts have no unit (the texts still tell the range).
        gap: How far ``published`` is from ``implied`` beyond rounding, in the
            figure's internal magnitude; 0 unless inconsistent, or revised (then
            how far it misses the other releases' figures if none was revised).
        explanation: The verdict in a sentence.
        summary: What the other claims imply, in a few words, for tables.
        reason: Why the figure is undefined ("sign changed", "zero base", "total did
            not change") for :attr:`Verdict.UNDEFINED`, or why it is not
            comparable for :attr:`Verdict.NOT_COMPARABLE`, else ``None``.
        revisions: For :attr:`Verdict.REVISED` (or a revision over the limit),
            the implied revisions that would reconcile the claim.
    """

    claim: Claim
    period: Period
    verdict: Verdict
    subject: str
    published: Bounds[Any] | None
    implied: Bounds[Any] | None
    gap: Decimal
    explanation: str
    summary: str
    reason: str | None = None
    revisions: tuple[Revision, ...] = ()

    @property
    def claim_id(self) -> str:
        """The id of the claim checked."""
        return self.claim.id


@frozen
class Conflict:
    """A smallest set of claims that cannot all hold: dropping any one of them resolves it.

    Args:
        claims: The ids of the claims, in report order.
        explanation: What goes wrong, in a sentence or two.
    """

    claims: tuple[str, ...]
    explanation: str


@frozen
class ImpliedFigure:
    """A figure the report does not state but its claims imply, with bounds.

    Args:
        key: A stable name such as ``"share/bri/world/2023-01/2023-07"``.
        label: What it is, in words.
        period: The period it covers (the later one for changes and growth).
        range: Its bounds; an end may be open ("at least 13 billion CNY").
    """

    key: str
    label: str
    period: Period
    range: Bounds[Any]


@frozen
class CheckResult:
    """Everything :func:`check` found.

    Args:
        report: The report checked.
        checks: One verdict per claim (and per period for sums), in report order.
        conflicts: Smallest sets of claims that cannot hold together.
        implied: Figures the claims imply, from the claims that are not in conflict.
        unfinished: The ids of the claims the time limit left unchecked, in report
            order (their checks say :attr:`Verdict.UNFINISHED`); empty when the
            check ran to the end.
        revisions: The implied revision of every quantity two releases give a value
            of (in publication order), needed or not; empty for one release.
        unmatched: What the official data passed with ``data=`` did not give: a
            flow with no match, or a period with no rows, one line each.
        complete: Whether the check ran to the end: ``False`` when the time limit
            ran out first, leaving claims ``unfinished`` or cutting the implied
            figures short (then none are listed).
    """

    report: Report
    checks: tuple[ClaimCheck, ...]
    conflicts: tuple[Conflict, ...]
    implied: tuple[ImpliedFigure, ...]
    unfinished: tuple[str, ...] = ()
    revisions: tuple[Revision, ...] = attrs.field(default=(), kw_only=True)
    unmatched: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    complete: bool = attrs.field(default=True, kw_only=True)

    @property
    def consistent(self) -> bool:
        """Whether no claim is inconsistent, among those checked (see ``unfinished``)."""
        return all(check.verdict is not Verdict.INCONSISTENT for check in self.checks)

    def verdict(self, claim_id: str) -> Verdict:
        """The worst verdict for a claim: inconsistent in any period wins.

        Raises:
            KeyError: For an unknown claim id.
        """
        found = [check.verdict for check in self.checks if check.claim.id == claim_id]
        if not found:
            raise KeyError(claim_id)
        for verdict in (
            Verdict.INCONSISTENT,
            Verdict.UNDEFINED,
            Verdict.NOT_COMPARABLE,
            Verdict.REVISED,
            Verdict.CONSISTENT,
            Verdict.UNFINISHED,
        ):
            if verdict in found:
                return verdict
        return Verdict.NOT_CHECKABLE

    def figure(self, key: str) -> ImpliedFigure:
        """The implied figure with the given key.

        Raises:
            KeyError: If no implied figure has that key.
        """
        for figure in self.implied:
            if figure.key == key:
                return figure
        raise KeyError(key)

    @in_context
    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: decimals as text, missing bounds as ``null``."""
        return {
            "title": self.report.title,
            "source": self.report.source,
            "consistent": self.consistent,
            "unfinished": list(self.unfinished),
            "complete": self.complete,
            "claims": [
                {
                    "id": check.claim.id,
                    "period": check.period.isoformat(),
                    "subject": check.subject,
                    "verdict": check.verdict.value,
                    "reason": check.reason,
                    "published": None if check.published is None else _range_dict(check.published),
                    "implied": None if check.implied is None else _range_dict(check.implied),
                    "gap": str(check.gap),
                    "release": self.report.release_of(check.claim),
                    "revisions": [revision.to_dict() for revision in check.revisions],
                    "explanation": check.explanation,
                }
                for check in self.checks
            ],
            "conflicts": [
                {"claims": list(conflict.claims), "explanation": conflict.explanation}
                for conflict in self.conflicts
            ],
            "releases": [
                {
                    "id": release.id,
                    "publisher": release.publisher,
                    "published": None
                    if release.published is None
                    else release.published.isoformat(),
                    "title": release.title,
                    "url": release.url,
                    "status": None if release.status is None else release.status.value,
                }
                for release in self.report.releases
            ],
            "revisions": [revision.to_dict() for revision in self.revisions],
            "unmatched": list(self.unmatched),
            "implied": [
                {
                    "key": figure.key,
                    "label": figure.label,
                    "period": figure.period.isoformat(),
                    **_range_dict(figure.range),
                }
                for figure in self.implied
            ],
        }


def _range_dict(figure: Bounds[Any]) -> dict[str, Any]:
    low, high = figure.ends
    return {
        "kind": kind_of(figure.kind).name,
        "low": None if low is None else str(magnitude_of(low)),
        "high": None if high is None else str(magnitude_of(high)),
        "unit": figure.unit,
        "text": figure.format(),
    }
