"""From a figure and the words around it to a draft claim: kind, value, text and notes.

Private to :mod:`tradestats.extraction`. The figure is found and read by the
library's grammar (:func:`~tradestats.find_figures`); the sign of a change, the
reading of "times" and the whole of a share come from the words around it. The
claim keeps the article's own span as its text wherever the grammar reads that
span to the same figure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from attrs import frozen

from tradestats.errors import TradeStatsError
from tradestats.extraction._binding import (
    _AS_MUCH_BEFORE,
    _CHANGE_AFTER,
    _CHANGE_BEFORE,
    _DIRECTION,
    _TIMES_MORE_BEFORE,
    _WINDOW,
    Binder,
)
from tradestats.extraction._cues import Cues
from tradestats.extraction._drafts import Choice, Draft, Subject, describe
from tradestats.extraction._scan import Candidate
from tradestats.measures import TimesConvention
from tradestats.periods import Lag, Versus
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from tradestats.extraction._periods import Mention

__all__ = ["Extractor"]


def _signed_text(number: str, sign: int, unit: str) -> str:
    return f"{'+' if sign > 0 else '-'}{number}{unit}"


def _published(
    text: str, start: int, candidate: Candidate, expected: Reported[Any], parse: Any
) -> str | None:
    """The published span from ``start`` if the grammar reads it as ``expected``."""
    span = " ".join(text[start : candidate.end].split())
    try:
        read = parse(span)
    except TradeStatsError:
        return None
    return span if read == expected else None


def _starts(text: str, window_start: int, candidate: Candidate) -> list[int]:
    """Where a published figure's span may start: at a word of direction right before it."""
    starts = [candidate.start]
    left = text[window_start : candidate.start]
    for match in _DIRECTION.finditer(left):
        if len(left) - match.start() <= _SPAN_BEFORE:
            starts.insert(0, window_start + match.start())
            cue = _YEAR_CUE.search(left, 0, match.start())
            if cue is not None:
                starts.insert(0, window_start + cue.start())  # 同比增长24.5%
    return starts


_YEAR_CUE: Final = re.compile(r"(?:同比|比上年同期|较上年同期)$")


#: How far before its number a published figure's first word may stand (增长, "fell").
_SPAN_BEFORE: Final = 12


@frozen
class _Figure:
    """What a figure says: its claim kind, value, claim text, and reading of "times"."""

    kind: str
    figure: Reported[Any]
    text: str
    times: TimesConvention | None = None
    whole: Subject | None = None


@frozen
class _Context:
    """The words around a figure that decide what it says."""

    candidate: Candidate
    window_start: int
    subject: Subject
    whole: Subject | None
    direction: int | None


class Extractor(Binder):
    """Every figure of the article as a draft claim, or a choice saying why not."""

    def drafts(self) -> list[Draft]:
        """The draft claims, in order of the text."""
        drafts: list[Draft] = []
        previous_subject: Subject | None = None
        previous_end = 0
        previous_sentence = (-1, -1)
        previous_direction: int | None = None
        for candidate in self.candidates:
            if not self._in_body(candidate):
                continue  # the headline restates the body's figures, rounded
            sentence = self.sentence(candidate.start)
            same = sentence == previous_sentence
            window_start = max(
                previous_end if same else sentence[0], candidate.start - _WINDOW, sentence[0]
            )
            previous_end, previous_sentence = candidate.end, sentence
            if Cues.between(self.cues.not_trade, window_start, candidate.start):
                self.skip(candidate, "the words before it are about something else than a flow")
                continue
            subject, whole = self.subject(candidate, window_start, previous_subject)
            if subject is not None and not same and subject is previous_subject:
                subject = Subject(subject.kind, subject.partner, subject.product, cued=False)
            previous_subject = subject
            if subject is None:
                self.skip(candidate, "no word of the article says which flow it is about")
                continue
            direction = self.direction(
                candidate, window_start, previous_direction if same else None
            )
            draft = self._draft(_Context(candidate, window_start, subject, whole, direction))
            if draft is not None:
                drafts.append(draft)
                if draft.kind in ("growth", "points", "change"):
                    previous_direction = direction
        return drafts

    def _draft(self, context: _Context) -> Draft | None:
        candidate = context.candidate
        mention, _carried = self.period(candidate)
        if mention is None:
            self.skip(candidate, "no period found for it: give the article's date (--date)")
            return None
        built = self._figure(context)
        if built is None:
            return None
        period = mention.period
        versus: Versus = Lag.YEAR_EARLIER
        if built.kind in ("growth", "multiplier", "change", "points"):
            versus = self.versus(candidate, context.window_start, period)
        return Draft(
            built.kind,
            context.subject,
            period,
            built.figure,
            built.text,
            candidate,
            self.currency(candidate),
            versus,
            built.times,
            built.whole,
            tuple(self._notes(context, mention, built)),
        )

    def _notes(self, context: _Context, mention: Mention, built: _Figure) -> list[Choice]:
        """The choices made for a figure, for the draft's ``# REVIEW:`` marks."""
        candidate = context.candidate
        words = self.text[candidate.start : candidate.end]
        notes: list[Choice] = []
        if mention.implicit:
            reason = mention.note or "the year is the article's date's (--date), not written"
            notes.append(
                Choice(
                    mention.start,
                    self.text[mention.start : mention.end],
                    "period",
                    f"{mention.period.isoformat()} ({reason})",
                )
            )
        if not context.subject.cued:
            notes.append(
                Choice(
                    candidate.start,
                    words,
                    "flow",
                    f"the flow of the sentence before ({describe(context.subject)})",
                    ("another flow: no word of its own sentence names one",),
                )
            )
        if candidate.qualifier is not None:
            notes.append(
                Choice(
                    candidate.start,
                    words,
                    "qualifier",
                    f"{built.figure.qualifier.value}: the figure is a bound, not a rounding",
                    ("exact: drop the qualifier if the article's word only rounds",),
                )
            )
        if candidate.scale_note is not None:
            notes.append(Choice(candidate.start, words, "scale", candidate.scale_note))
        if built.kind == "change" and context.subject.kind == "deficit":
            notes.append(
                Choice(
                    candidate.start,
                    words,
                    "flow",
                    "a change of the deficit read as the opposite change of the balance",
                    ("a change of the balance as written",),
                )
            )
        notes += self._times_notes(candidate, built)
        return notes

    def _times_notes(self, candidate: Candidate, built: _Figure) -> list[Choice]:
        if built.kind != "multiplier" or built.times is None:
            return []
        words = self.text[candidate.start : candidate.end]
        factor = built.figure.value.factor
        if built.times is TimesConvention.MORE and not _TIMES_MORE_BEFORE.search(
            self.text[max(0, candidate.start - _SPAN_BEFORE) : candidate.start]
        ):
            return [
                Choice(
                    candidate.start,
                    words,
                    "times",
                    f"times more, as Chinese 增长{candidate.number}倍 (×{factor})",
                    (f'times as much (×{candidate.number}): set times = "as-much"',),
                )
            ]
        if built.times is TimesConvention.AS_MUCH and "Fache" in words:
            return [
                Choice(
                    candidate.start,
                    words,
                    "times",
                    f"times as much (×{factor})",
                    ('times more (+N×100%): set times = "more"',),
                )
            ]
        return []

    def _figure(self, context: _Context) -> _Figure | None:
        kind = context.candidate.kind
        if kind == "amount":
            return self._amount(context)
        if kind == "times":
            return self._times(context)
        if kind == "percent" and context.whole is not None:
            return self._share(context)
        return self._change_in_percent(context)

    def _amount(self, context: _Context) -> _Figure | None:
        candidate, text = context.candidate, self.text
        figure, canonical = candidate.figure, candidate.text
        if figure is None:
            self.skip(candidate, "the grammar does not read it")
            return None
        shown = _published(text, candidate.start, candidate, figure, Reported.parse_amount)
        before = _CHANGE_BEFORE.search(text, max(0, candidate.start - 14), candidate.start)
        after = _CHANGE_AFTER.match(text, candidate.end)
        if before is None and after is None:
            return _Figure("value", figure, shown or canonical)
        direction = context.direction
        if direction is None and after is not None:
            direction = 1 if after["dir"] in ("more", "higher") else -1
        if direction is None:
            self.skip(candidate, "a change in level whose direction no word gives")
            return None
        if context.subject.kind == "deficit":
            direction = -direction  # a deficit down by $1.5 billion: the balance is up
        if direction < 0:
            figure = Reported(-figure.value, figure.precision, figure.qualifier)
        words = "up" if direction > 0 else "down"
        if before is not None and before.group().strip() == words:
            return _Figure("change", figure, f"{words} {shown or canonical}")
        return _Figure("change", figure, f"{words} {canonical}")

    def _times(self, context: _Context) -> _Figure | None:
        candidate, text = context.candidate, self.text
        before = text[max(0, candidate.start - 16) : candidate.start]
        if _TIMES_MORE_BEFORE.search(before):
            times = TimesConvention.MORE
        elif (
            candidate.as_much
            or _AS_MUCH_BEFORE.search(before)
            or "Fache" in text[candidate.start : candidate.end]
        ):
            times = TimesConvention.AS_MUCH
        else:
            times = TimesConvention.MORE  # the wire copy of a Chinese release: 增长N倍
        prefix = f"{candidate.qualifier} " if candidate.qualifier is not None else ""
        try:
            figure = Reported.parse_multiplier(f"{prefix}{candidate.number} times", times=times)
        except TradeStatsError as error:
            self.skip(candidate, f"the grammar does not read it ({error.message})")
            return None
        shown = f"{candidate.number} times"
        starts = _starts(text, context.window_start, candidate)
        as_much = _AS_MUCH_BEFORE.search(before)
        if as_much is not None:
            starts.insert(0, candidate.start - len(before) + as_much.start())
        for start in starts:
            published = _published(
                text,
                start,
                candidate,
                figure,
                lambda span: Reported.parse_multiplier(span, times=times),
            )
            if published is not None:
                shown = published
                break
        return _Figure("multiplier", figure, shown, times)

    def _share(self, context: _Context) -> _Figure | None:
        candidate, subject, whole = context.candidate, context.subject, context.whole
        if whole is not None and whole.kind == subject.kind and subject == Subject(subject.kind):
            self.skip(candidate, "a share of a flow in itself: its part is not named")
            return None
        figure = Reported.parse_share(f"{candidate.number}%")
        if candidate.qualifier is not None:
            figure = figure.qualified(candidate.qualifier)
        return _Figure("share", figure, f"{candidate.number}%", whole=whole)

    def _change_in_percent(self, context: _Context) -> _Figure | None:
        """A growth rate in percent, or a change in percentage points."""
        candidate, direction = context.candidate, context.direction
        if direction is None:
            self.skip(candidate, "no word says whether it rose or fell")
            return None
        if candidate.kind == "points":
            canonical = _signed_text(candidate.number, direction, " pp")
            return _Figure("points", Reported.parse_points(canonical), canonical)
        canonical = _signed_text(candidate.number, direction, "%")
        figure = Reported.parse_growth(canonical)
        if candidate.qualifier is not None:
            figure = figure.qualified(candidate.qualifier)
        for start in _starts(self.text, context.window_start, candidate):
            published = _published(self.text, start, candidate, figure, Reported.parse_growth)
            if published is not None:
                return _Figure("growth", figure, published)
        return _Figure("growth", figure, canonical)
