"""What the extractor decides about a figure before it becomes a claim, and its choices.

Private to :mod:`tradestats.extraction`: :class:`Choice` is public through
:mod:`tradestats.extraction` and ``tradestats``.
"""

from __future__ import annotations

from collections.abc import Iterable  # noqa: TC003 - attrs converter
from typing import Any

from attrs import field, frozen

from tradestats._text import quote
from tradestats.extraction._scan import Candidate
from tradestats.flows import WORLD
from tradestats.measures import TimesConvention
from tradestats.periods import Lag, Period, Versus
from tradestats.verify.figures import Reported

__all__ = ["Choice", "Draft", "Subject", "describe"]


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class Choice:
    """A choice the extractor made where the article leaves room for more than one reading.

    Args:
        where: Where the words the choice is about start, as an offset into the
            ``text`` of the :class:`~tradestats.Extraction`.
        source: Those words, shortened.
        what: What kind of choice: ``"times"`` (the reading of "N times"), ``"flow"``
            (the flow a figure belongs to), ``"period"`` (a period the article leaves
            implicit), ``"qualifier"`` ("over", 约), ``"reporter"``, ``"parts"`` (a
            flow declared so that parts add up), ``"rewritten"`` (a figure written
            for the grammar), ``"skipped"`` (a figure not used) or ``"dropped"`` (a
            claim the report refused).
        chosen: What was chosen, in words.
        alternatives: The other readings, in words.
        claim: The id of the claim or flow the choice concerns, if any.

    >>> Choice(where=0, source="3.26 times", what="times", chosen="times more (×4.26)",
    ...        alternatives=("times as much (×3.26)",)).describe()
    "times: times more (×4.26) for '3.26 times'; or times as much (×3.26)"
    """

    where: int
    source: str
    what: str
    chosen: str
    alternatives: tuple[str, ...] = field(default=(), converter=_texts)
    claim: str | None = None

    def describe(self) -> str:
        """The choice in one line, as the draft report's ``# REVIEW:`` comment says it."""
        line = f"{self.what}: {self.chosen} for {quote(self.source, 60)}"
        if self.alternatives:
            line += "; or " + "; or ".join(self.alternatives)
        return line

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for JSON."""
        return {
            "where": self.where,
            "source": self.source,
            "what": self.what,
            "chosen": self.chosen,
            "alternatives": list(self.alternatives),
            "claim": self.claim,
        }


@frozen
class Subject:
    """The flow a figure is about, as the cue words say it."""

    kind: str  # total, exports, imports, surplus, deficit
    partner: str = WORLD
    product: str | None = None
    cued: bool = True  # named in the figure's own sentence


@frozen
class Draft:
    """A claim before its flow has an id."""

    kind: str
    subject: Subject
    period: Period
    figure: Reported[Any]
    text: str
    candidate: Candidate
    currency: str | None
    versus: Versus = Lag.YEAR_EARLIER
    times: TimesConvention | None = None
    whole: Subject | None = None
    notes: tuple[Choice, ...] = ()


def describe(subject: Subject) -> str:
    kind = {"total": "total trade", "surplus": "the balance", "deficit": "the balance"}.get(
        subject.kind, subject.kind
    )
    words = kind
    if subject.product:
        words += f" of {subject.product}"
    if subject.partner != WORLD:
        words += f" with {subject.partner}"
    return words
