"""Drafts into a report: flows with ids, one claim per figure, and the sums that hold.

Private to :mod:`tradestats.extraction`.
"""

from __future__ import annotations

import re
from typing import Any, Final

from tradestats.claims.report import (
    BalanceSign,
    ChangeClaim,
    Claim,
    GrowthClaim,
    MultiplierClaim,
    Report,
    ReportFlow,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.errors import TradeStatsError
from tradestats.extraction._drafts import Choice, Draft, Subject, describe
from tradestats.flows import WORLD, Flow
from tradestats.verify.figures import Reported

__all__ = ["Assembler"]

_SLUG: Final = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    ascii_slug = _SLUG.sub("-", text.lower()).strip("-")
    if ascii_slug and text.isascii():
        return ascii_slug
    return "".join(char for char in text if char.isalnum())[:12] or "x"


class Assembler:
    """Turns drafts into flows and claims with ids, and the report."""

    def __init__(self, reporter: str, main_currency: str | None) -> None:
        self.reporter = reporter
        self.main = main_currency
        self.flows: dict[tuple[str, str, str | None, str | None], ReportFlow] = {}
        self.claims: list[Claim] = []
        self.sources: dict[str, str] = {}
        self.choices: list[Choice] = []
        self._ids: set[str] = set()
        self._seen: set[tuple[Any, ...]] = set()

    def flow(self, subject: Subject, currency: str | None) -> ReportFlow:
        kind = "balance" if subject.kind in ("surplus", "deficit") else subject.kind
        tag = currency if currency not in (None, self.main) else None
        key = (kind, subject.partner, subject.product, tag)
        if key not in self.flows:
            parts = [{"total": "trade"}.get(kind, kind)]
            if subject.product:
                parts.append(_slug(subject.product))
            if subject.partner != WORLD:
                parts.append(_slug(subject.partner))
            if tag:
                parts.append(tag.lower())
            flow_id = self._id("-".join(parts))
            label = describe(Subject(kind, subject.partner, subject.product))
            if tag:
                label += f", in {tag}"
            self.flows[key] = ReportFlow(
                id=flow_id,
                reporter=self.reporter,
                flow=Flow(kind),
                partner=subject.partner,
                product=subject.product,
                label=label,
            )
        return self.flows[key]

    def _id(self, base: str) -> str:
        candidate = base
        number = 2
        while candidate in self._ids:
            candidate = f"{base}-{number}"
            number += 1
        self._ids.add(candidate)
        return candidate

    def add(self, draft: Draft, source: str) -> None:
        flow = self.flow(draft.subject, draft.currency)
        sign = None
        if draft.subject.kind in ("surplus", "deficit"):
            sign = BalanceSign(draft.subject.kind)
        key = (draft.kind, flow.id, draft.period, draft.versus, draft.figure, sign)
        if key in self._seen:
            return  # the same figure twice (a summary restating the body)
        self._seen.add(key)
        claim_id = self._id(f"{flow.id}-{draft.kind}")
        common: dict[str, Any] = {"id": claim_id, "period": draft.period, "text": draft.text}
        claim: Claim
        if draft.kind == "value":
            value = draft.figure
            if sign is BalanceSign.DEFICIT:
                value = Reported(-value.value, value.precision, value.qualifier)
            claim = ValueClaim(flow=flow.id, value=value, sign=sign, **common)
        elif draft.kind == "growth":
            claim = GrowthClaim(
                flow=flow.id, growth=draft.figure, sign=sign, versus=draft.versus, **common
            )
        elif draft.kind == "multiplier":
            claim = MultiplierClaim(
                flow=flow.id,
                multiplier=draft.figure,
                times=draft.times,
                sign=sign,
                versus=draft.versus,
                **common,
            )
        elif draft.kind == "change":
            claim = ChangeClaim(flow=flow.id, change=draft.figure, versus=draft.versus, **common)
        elif draft.kind == "share" and draft.whole is not None:
            whole = self.flow(draft.whole, draft.currency)
            claim = ShareClaim(part=flow.id, whole=whole.id, share=draft.figure, **common)
        else:
            share = self.claims[-1] if self.claims else None
            if not (
                isinstance(share, ShareClaim)
                and share.part == flow.id
                and share.period == draft.period
            ):
                self._ids.discard(claim_id)
                self.choices.append(
                    Choice(
                        draft.candidate.start,
                        draft.text,
                        "skipped",
                        "not used: points that follow no share of the same flow",
                    )
                )
                return
            claim = ShareChangeClaim(
                part=share.part,
                whole=share.whole,
                share_change=draft.figure,
                versus=draft.versus,
                **common,
            )
        self.claims.append(claim)
        self.sources[claim_id] = source
        self.choices += [
            Choice(c.where, c.source, c.what, c.chosen, c.alternatives, claim_id)
            for c in draft.notes
        ]

    def relations(self) -> None:
        """The sums every report of these flows may state: parts that add up to totals."""
        by_key = dict(self.flows)
        for (kind, partner, product, tag), flow in list(by_key.items()):
            if kind != "total":
                continue
            exports = by_key.get(("exports", partner, product, tag))
            imports = by_key.get(("imports", partner, product, tag))
            if exports is not None and imports is not None:
                self.claims.append(
                    SumClaim(
                        id=self._id(f"{flow.id}-parts"),
                        total=flow.id,
                        parts=[exports.id, imports.id],
                    )
                )
        for (kind, partner, product, tag), flow in list(by_key.items()):
            world = by_key.get((kind, WORLD, product, tag))
            if partner == WORLD or world is None or kind == "balance" or product is not None:
                continue
            rest = ReportFlow(
                id=self._id(f"{flow.id}-rest"),
                reporter=self.reporter,
                flow=flow.flow,
                partner=f"other than {partner}",
                label=f"{describe(Subject(kind))} with partners other than {partner}",
            )
            self.flows[(kind, rest.partner, None, tag)] = rest
            sum_id = self._id(f"{world.id}-parts-{flow.id}")
            self.claims.append(SumClaim(id=sum_id, total=world.id, parts=[flow.id, rest.id]))
            self.choices.append(
                Choice(
                    where=0,
                    source=partner,
                    what="parts",
                    chosen=f"declared {rest.id!r} (not in the article) so that {partner} and "
                    f"the rest add up to {world.id!r}",
                    alternatives=("remove both if the partner is not part of that total",),
                    claim=sum_id,
                )
            )

    def report(self, title: str) -> Report:
        claims = list(self.claims)
        flows = list(self.flows.values())
        for _ in range(len(claims) + 1):
            try:
                return Report(title=title, flows=flows, claims=claims)
            except TradeStatsError as error:
                bad = error.details.get("claim")
                if bad is None or not claims:
                    raise
                claims = [claim for claim in claims if claim.id != bad]
                self.choices.append(
                    Choice(0, str(bad), "dropped", f"claim {bad!r} left out: {error.message}")
                )
        raise TradeStatsError("cannot build a report from the article")  # pragma: no cover
