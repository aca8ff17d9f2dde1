"""The figures of an article, found and read by the one grammar of figures.

Private to :mod:`tradestats.extraction`. :func:`~tradestats.verify._scan.find_figures`
finds every amount, growth rate, share, change in points and multiplier with the
article's language as its locale (decimal commas in German), its date as the
reference, and 兆 read as 10^12 in traditional-Chinese articles only; it reads
traditional characters and Chinese numerals itself. This module only turns each
found figure into a :class:`Candidate`: what the binder needs to know of it. What
the figure *means* (its flow, period, base, the direction of a change) is decided
by the binder from the cue words around it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from attrs import frozen

from tradestats.amounts import Amount
from tradestats.errors import TradeStatsError
from tradestats.verify._scan import FoundKind, find_figures
from tradestats.verify.figures import Qualifier, Reported

if TYPE_CHECKING:
    import datetime

__all__ = ["Candidate", "scan"]

#: The locale of each language's numbers, for the grammar.
_LOCALES: Final = {"en": "en", "zh-hans": "zh", "zh-hant": "zh", "de": "de"}
#: The reading of 兆 by language: 10^12 in Taiwan; on the mainland it is ambiguous,
#: so a figure of 兆 there is found unread and never guessed.
_ZHAO: Final = {"zh-hant": "trillion"}
_ZHAO_NOTE: Final = "兆 read as 10^12 (万亿), as in Taiwan"
_KINDS: Final = {
    FoundKind.AMOUNT: "amount",
    FoundKind.GROWTH: "percent",
    FoundKind.SHARE: "percent",
    FoundKind.POINTS: "points",
    FoundKind.MULTIPLIER: "times",
}
# The report format reads its figures in this locale (claims._reading.REPORT_LOCALE).
_REPORT_LOCALE: Final = "en"
_AS_MUCH_AFTER: Final = re.compile(r"\s+(?:as\s+(?:much|large|high|big)|that\s+of|the\b)")
_WINDOW: Final = 24


@frozen
class Candidate:
    """A figure found in the article: where it stands and what the grammar read.

    ``kind`` is ``"amount"``, ``"percent"``, ``"points"`` or ``"times"``;
    ``number`` the numeral with a dot for decimal mark and no separators;
    ``start``/``end`` the figure's own published span (its qualifier and currency
    sign included, words of direction before it not); ``number_start`` where the
    numeral starts. For an amount, ``figure`` is the amount as read (qualifier
    included), ``text`` the claim text the report format reads back equal, and
    ``currency`` its code.
    """

    kind: str
    start: int
    end: int
    number_start: int
    number: str
    text: str
    currency: str | None = None
    qualifier: str | None = None
    as_much: bool = False
    scale_note: str | None = None
    figure: Reported[Any] | None = None


#: Scale words to write an amount in, the published digits' first ("1.094 Milliarden
#: Euro" is "1094 billion EUR", not "1.094 trillion EUR").
_SCALES: Final = ("auto", "trillion", "billion", "million", "万亿", "亿", "万", None)


_NUMBER: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number_of(text: str) -> str | None:
    found = _NUMBER.search(text)
    return found.group().replace(",", "") if found is not None else None


def _claim_text(source: str, number: str, figure: Reported[Any]) -> str | None:
    """The amount as the report format reads it back equal: as published, if it can.

    Otherwise the grammar's reading written with the published digits where a scale
    word keeps them, else with the digits it keeps.
    """

    def reads_back(text: str) -> bool:
        try:
            return Reported.parse_amount(text, locale=_REPORT_LOCALE) == figure
        except TradeStatsError:
            return False

    if reads_back(source):  # most figures: the others are written only when needed
        return source
    shown = [figure.format(scale=scale).rsplit(" (", 1)[0] for scale in _SCALES]  # less "(±…)"
    same = [text for text in shown if _number_of(text) == number]
    return next((text for text in (*same, shown[0]) if reads_back(text)), None)


def scan(text: str, language: str, date: datetime.date | None) -> list[Candidate]:
    """Every amount, percent, points and times figure of the article, in order of the text."""
    zhao = _ZHAO.get(language)
    found: list[Candidate] = []
    for figure in find_figures(text, locale=_LOCALES[language], reference=date, zhao=zhao):
        kind = _KINDS.get(figure.kind)
        if (
            kind is None
            or figure.number is None
            or figure.numeral_start is None
            or figure.own_start is None
            or (figure.value is None and figure.needs != "times")
        ):
            continue  # a period, a figure of words only, or one that needs a choice
        value = figure.value if isinstance(figure.value, Reported) else None
        qualifier = (
            value.qualifier.value
            if value is not None and value.qualifier is not Qualifier.EXACT
            else None
        )
        start, end = figure.own_start, figure.end
        own = text[start:end]
        if kind == "amount":
            if value is None or not isinstance(value.value, Amount):
                continue
            claim = _claim_text(" ".join(own.split()), figure.number, value)
            if claim is None:
                continue
            found.append(
                Candidate(
                    kind,
                    start,
                    end,
                    figure.numeral_start,
                    figure.number,
                    claim,
                    value.value.currency,
                    qualifier,
                    scale_note=_ZHAO_NOTE if zhao is not None and "兆" in own else None,
                    figure=value,
                )
            )
            continue
        as_much = kind == "times" and (
            _AS_MUCH_AFTER.match(text, end, end + _WINDOW) is not None
            or (value is not None and value.value.factor == Decimal(figure.number))
        )
        found.append(
            Candidate(
                kind,
                start,
                end,
                figure.numeral_start,
                figure.number,
                figure.number,
                qualifier=qualifier,
                as_much=as_much,
                figure=value,
            )
        )
    return found
