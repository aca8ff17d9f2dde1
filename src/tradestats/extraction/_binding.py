"""Where a figure stands in its article: its sentence, period, flow, direction and base.

Private to :mod:`tradestats.extraction`. :class:`Binder` holds the cue words, period
phrases and figures of one article (each found once, in one pass) and answers,
for one figure, which words around it govern it.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from tradestats._grammar._words import FALL_WORDS, RISE_WORDS
from tradestats.errors import TradeStatsError
from tradestats.extraction._cues import Cues, find_cues
from tradestats.extraction._drafts import Choice, Subject
from tradestats.extraction._periods import Mention, find_periods
from tradestats.extraction._scan import Candidate, scan
from tradestats.extraction._words import BASE_YEAR, MONTHS
from tradestats.flows import WORLD
from tradestats.periods import Lag, Period, Versus

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from tradestats.extraction._article import Article

__all__ = ["Binder"]

#: How far before a figure its cue words may stand, in characters.
_WINDOW: Final = 240
#: The source span shown for a figure: this many characters before it, at most.
_CONTEXT: Final = 70

_EXTRA_RISE: Final = (
    "climbed", "gained", "gain", "gains", "increase", "increases", "rise", "rising", "rises",
    "inched up", "edged up", "soared", "surging", "growth", "growing", "jump", "higher",
    "expanded", "went up", "nudged up", "an increase of", "rising", "zugelegt", "gestiegen",
    "stiegen", "steigen", "stieg", "höher", "mehr", "Plus", "Zuwachs", "Anstieg", "zu",
    "增長", "成长", "成長", "年增", "擴大", "上升", "提升",
)  # fmt: skip
_EXTRA_FALL: Final = (
    "slipped", "slumped", "plunged", "edged down", "declining", "decline", "declines",
    "falling", "fall", "drop", "dropping", "shrank", "contracted", "lower", "decrease",
    "went down", "slid", "gesunken", "sanken", "sinken", "fielen", "gefallen", "zurück",
    "niedriger", "weniger", "Minus", "Rückgang", "verringerte", "ab",
    "减少", "減少", "年減", "下滑", "衰退", "縮小", "缩小", "收窄", "下降", "回落",
)  # fmt: skip
_RISE_SET: Final = frozenset(word.lower() for word in (*RISE_WORDS, *_EXTRA_RISE))
_DIRECTION: Final = re.compile(
    "|".join(
        (r"(?<![\w])" + re.escape(word) + r"(?![\w])") if word.isascii() else re.escape(word)
        for word in sorted(
            {*RISE_WORDS, *_EXTRA_RISE, *FALL_WORDS, *_EXTRA_FALL}, key=len, reverse=True
        )
    )
)
_TIMES_MORE_BEFORE: Final = re.compile(r"(?:增长|增長|增加|增)(?:了|超|近|约|約|逾)?$")
_AS_MUCH_BEFORE: Final = re.compile(r"[是为為][^，。；,;]{0,12}的(?:超|近|约|約)?$")
_CHANGE_BEFORE: Final = re.compile(
    r"(?:(?<![\w])(?:up|down|rose|fell|increased|decreased|rose by|fell by|grew by)\s+|"
    r"增加|减少|減少)$"
)
_CHANGE_AFTER: Final = re.compile(r"\s+(?P<dir>more|less|higher|lower)\s+than\b")
_BASE_NAMED: Final = re.compile(
    r"(?:than|from|gegenüber|比|较|較)\s*(?:in\s+|im\s+)?(?:(?P<month>"
    + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
    + r")\s*)?(?P<year>(?:19|20)\d{2})?"
)
_BASE_YEAR: Final = re.compile(
    "|".join(re.escape(word) for word in sorted(BASE_YEAR, key=len, reverse=True))
)
# What ends a clause: a flow word after it belongs to the next figure, not this one.
_CLAUSE_BREAK: Final = re.compile(r"[,，;；:：、]|\b(?:while|and|but|whereas|und|aber)\b|占|佔")
#: How close a word of total trade may follow a balance word and still name that balance.
_BALANCE_OF: Final = 16
_PARALLEL: Final = re.compile(r"^[\s,，、;；]*(?:and|und|while|,|，|、|;|；)?[\s\w，,、-]{0,30}$")


class Binder:
    """Binds the figures of one article to flows, periods and bases."""

    def __init__(self, article: Article, date: datetime.date | None, reporter: str) -> None:
        self.article = article
        self.text = article.text
        self.date = date
        self.reporter = reporter
        self.cues: Cues = find_cues(self.text, article.language)
        self.periods: list[Mention] = find_periods(self.text, article.language, date)
        self.candidates = scan(self.text, article.language, date)
        # Starts, for bisect: every lookup around a figure stays local, so binding is linear.
        self._period_starts = [mention.start for mention in self.periods]
        self._carried = [mention for mention in self.periods if not mention.alone]
        self._carried_starts = [mention.start for mention in self._carried]
        self._candidate_starts = [candidate.start for candidate in self.candidates]
        self.choices: list[Choice] = []
        self.main_currency: str | None = next(
            (c.currency for c in self.candidates if c.currency is not None and self._in_body(c)),
            None,
        )

    def _in_body(self, candidate: Candidate) -> bool:
        return candidate.start >= self.article.body_start

    def sentence(self, position: int) -> tuple[int, int]:
        sentences = self.article.sentences
        low, high = 0, len(sentences) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if sentences[middle][0] <= position:
                low = middle
            else:
                high = middle - 1
        return sentences[low] if sentences else (0, len(self.text))

    def source(self, candidate: Candidate) -> str:
        """The article's words around a figure: part of its sentence, whole words."""
        sentence_start, sentence_end = self.sentence(candidate.start)
        begin = max(candidate.start - _CONTEXT, sentence_start)
        space = self.text.find(" ", begin, candidate.start)
        if begin > sentence_start and space >= 0:
            begin = space + 1  # start at a word
        end = min(candidate.end + _CONTEXT // 3, sentence_end)
        space = self.text.rfind(" ", candidate.end, end)
        if end < sentence_end and space >= 0:
            end = space  # end at a word
        return " ".join(self.text[begin:end].split())

    def skip(self, candidate: Candidate, reason: str) -> None:
        self.choices.append(
            Choice(
                where=candidate.start,
                source=self.text[candidate.start : candidate.end],
                what="skipped",
                chosen=f"not used: {reason}",
            )
        )

    # -- periods ----------------------------------------------------------------------

    def period(self, candidate: Candidate) -> tuple[Mention | None, bool]:
        """The period phrase that governs a figure, and whether it was carried from afar.

        The last phrase before it in its sentence, else the first after it there, else
        the last phrase before its sentence that is not a one-off ("July alone").
        """
        start, end = self.sentence(candidate.start)
        index = bisect.bisect_left(self._period_starts, candidate.start)
        if index > 0 and self.periods[index - 1].start >= start:
            before = self.periods[index - 1]
            if before.end <= candidate.start:
                return before, False
        after = bisect.bisect_left(self._period_starts, candidate.end)
        if after < len(self.periods) and self.periods[after].end <= end:
            return self.periods[after], False
        carried = bisect.bisect_left(self._carried_starts, start)
        if carried > 0:
            return self._carried[carried - 1], True
        return None, True

    def _mentions(self, start: int, end: int) -> Iterator[Mention]:
        first = bisect.bisect_left(self._period_starts, start)
        for mention in self.periods[first:]:
            if mention.start >= end:
                return
            if mention.end <= end:
                yield mention

    # -- flows ------------------------------------------------------------------------

    def subject(
        self, candidate: Candidate, window_start: int, previous: Subject | None
    ) -> tuple[Subject | None, Subject | None]:
        """The flow of a figure and, for a share, of its whole."""
        window = (window_start, candidate.number_start)
        shares = Cues.between(self.cues.shares, *window)
        share_at = shares[0].start if shares else candidate.number_start
        flows = tuple(
            cue for cue in Cues.between(self.cues.flows, window[0], share_at) if not cue.trailing
        )
        partners = Cues.between(self.cues.partners, window[0], share_at)
        partners = tuple(p for p in partners if p.value != self.reporter)
        subject = previous
        sentence_end = self.sentence(candidate.start)[1]
        following = self._next_start(candidate, sentence_end)
        later = tuple(
            cue
            for cue in Cues.between(self.cues.flows, candidate.end, following)
            if not _CLAUSE_BREAK.search(self.text, candidate.end, cue.start)
        )[:1]
        if flows:
            cue = flows[-1]
            if (
                cue.value == "total"
                and len(flows) > 1
                and flows[-2].value in ("surplus", "deficit")
                and cue.start - flows[-2].end <= _BALANCE_OF
            ):
                cue = flows[-2]  # "der Überschuss im Außenhandel", "surplus in goods trade"
            partner = partners[-1].value if partners else WORLD
            subject = Subject(cue.value, partner, cue.product, cued=True)
        elif later and not shares:
            # The flow word after the figure: German puts the verb last ("Waren im Wert
            # von 909,2 Mrd. Euro eingeführt"), English "$3.6 billion more than … imports".
            around = [
                p
                for p in (*partners, *Cues.between(self.cues.partners, candidate.end, following))
                if p.value != self.reporter
            ]
            partner = around[0].value if around else WORLD
            subject = Subject(later[0].value, partner, later[0].product, cued=True)
        elif partners and previous is not None:
            subject = Subject(previous.kind, partners[-1].value, None, cued=True)
        elif previous is None:
            later = Cues.between(self.cues.flows, candidate.end, sentence_end)
            if later:
                later_partners = [
                    p
                    for p in Cues.between(self.cues.partners, window[0], sentence_end)
                    if p.value != self.reporter
                ]
                partner = later_partners[0].value if later_partners else WORLD
                subject = Subject(later[0].value, partner, later[0].product, cued=True)
        whole = None
        if shares and subject is not None:
            named = Cues.between(self.cues.flows, share_at, candidate.number_start) or Cues.between(
                self.cues.flows, candidate.end, min(sentence_end, candidate.end + 60)
            )
            kind = named[0].value if named else subject.kind
            whole = Subject(kind if kind not in ("surplus", "deficit") else subject.kind)
        return subject, whole

    def _next_start(self, candidate: Candidate, limit: int) -> int:
        """Where the next figure starts (or ``limit``): words after it are its own."""
        index = bisect.bisect_right(self._candidate_starts, candidate.start)
        if index < len(self.candidates):
            return min(self.candidates[index].start, limit)
        return limit

    def currency(self, candidate: Candidate) -> str | None:
        """The currency of the figures of a figure's sentence."""
        if candidate.currency is not None:
            return candidate.currency
        start, end = self.sentence(candidate.start)
        cues = Cues.between(self.cues.currencies, start, end)
        if cues:
            return cues[0].value
        first = bisect.bisect_left(self._candidate_starts, max(start, candidate.start - _WINDOW))
        last = bisect.bisect_left(self._candidate_starts, min(end, candidate.end + _WINDOW))
        nearest = [c for c in self.candidates[first:last] if c.currency is not None]
        if nearest:
            return min(nearest, key=lambda c: abs(c.start - candidate.start)).currency
        return self.main_currency

    # -- what a figure says -----------------------------------------------------------

    def direction(
        self, candidate: Candidate, window_start: int, previous: int | None
    ) -> int | None:
        """+1 for a rise, -1 for a fall, from the nearest word of direction; None if none."""
        sentence_end = self.sentence(candidate.start)[1]
        left = self.text[window_start : candidate.number_start]
        right = self.text[candidate.end : min(sentence_end, candidate.end + 40)]
        found = None
        for match in _DIRECTION.finditer(left):
            found = match.group()
        if self.article.language == "de":
            # The verb stands last, after the figures it governs: "um 3,4 % und die
            # Einfuhren um 0,7 % höher", "um 6,7 Prozent auf 7,9 Milliarden Euro zurück".
            rest = self.text[candidate.end : min(sentence_end, candidate.end + 90)]
            after = _DIRECTION.search(rest)
            if after is not None:
                found = after.group()
        elif self.article.language == "en":
            after = _DIRECTION.search(right[:40])
            if after is not None and self._verb_after(right, after):
                found = after.group()
        if found is None:
            return previous if previous is not None and _PARALLEL.match(left) else None
        return 1 if found.lower() in _RISE_SET else -1

    def _verb_after(self, right: str, match: re.Match[str]) -> bool:
        # German puts the verb last ("um 1,7 Prozent gesunken"); English a noun ("a 3.9
        # percent gain"). A word after the next figure is that figure's, not this one's.
        between = right[: match.start()]
        return not re.search(r"\d", between) and len(between) <= 30

    def versus(self, candidate: Candidate, window_start: int, period: Period) -> Versus:
        """The base of a change: words after the figure in its clause first, then before."""
        sentence_end = self.sentence(candidate.start)[1]
        right_end = min(sentence_end, candidate.end + 45)
        right_end = self._next_start(candidate, right_end)
        clause = _CLAUSE_BREAK.search(self.text, candidate.end, right_end)
        if clause is not None:
            right_end = clause.start()  # "，年增8.4%": the next clause's words are its own
        right = self.text[candidate.end : right_end]
        after_previous = Cues.between(self.cues.previous, candidate.end, right_end)
        after_year = _BASE_YEAR.search(right)
        if after_previous and (
            after_year is None or after_previous[0].start - candidate.end < after_year.start()
        ):
            return Lag.PREVIOUS
        if after_year is not None:
            return Lag.YEAR_EARLIER
        if Cues.between(self.cues.previous, window_start, candidate.start):
            return Lag.PREVIOUS
        # A base named after the figure ("than November"), else before it (比2019年).
        for text in (right, self.text[window_start : candidate.start]):
            for match in _BASE_NAMED.finditer(text):
                based = _named_base(match, period)
                if based is not None:
                    return based
        return Lag.YEAR_EARLIER


def _named_base(match: re.Match[str], period: Period) -> Versus | None:  # noqa: PLR0911 - a return per kind of base
    """The base a phrase such as "than November" or 比2019年 names, if it is one."""
    month, year = match["month"], match["year"]
    if month is None and year is None:
        return None
    last_year = int(period.isoformat()[:4])
    if month is not None and period.months == 1:
        named = Period.month(int(year) if year else last_year, MONTHS[month])
        if named == period.previous():
            return Lag.PREVIOUS
        if named == period.previous_year():
            return Lag.YEAR_EARLIER
        return None
    if year is not None and month is None:
        shift = int(year) - last_year
        if shift == -1:
            return Lag.YEAR_EARLIER
        if shift < -1:
            try:
                return period.shift_years(shift)
            except TradeStatsError:
                return None
    return None
