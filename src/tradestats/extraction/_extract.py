"""From an article's text to a draft report: :func:`extract`, :class:`Extraction`, :class:`Choice`.

The extractor finds every figure of the article (an amount, a percent, points, a
number of times), reads it with the library's grammar, and binds it to a flow
from the cue words of trade releases around it: totals (进出口, 外贸, "foreign
trade", Außenhandel), exports and imports, balances (顺差, "deficit",
Überschuss), partners (对东盟, "with the EU", "nach China"), products (出口机电产品,
"electric vehicle exports"), shares (占…的, "accounting for"), bases (同比, 环比,
"on month", Vormonat), multipliers (增长N倍, 是…的N倍, "N times") and qualifiers
(超过, "over"). Where it has to choose — the reading of an English "N times",
the flow a figure belongs to when no word in its sentence names one, a year the
article leaves to its date, a qualifier, a part declared so that the parts add
up — it says so in a :class:`Choice`, which the draft report shows as a
``# REVIEW:`` comment.

The result is a draft: check it with :func:`~tradestats.check`, read the
choices, and fix the report by hand where the extractor guessed wrong.

>>> import tradestats as ts
>>> found = ts.extract(
...     "China's exports rose 7.3 percent to CNY15.31 trillion in the first seven "
...     "months of 2025, while imports fell 1.6 percent to CNY10.39 trillion.",
...     lang="en",
... )
>>> for claim in found.report.claims[:4]:
...     print(claim.flow, claim.period.isoformat(), claim.text)
exports 2025-01/2025-07 rose 7.3 percent
exports 2025-01/2025-07 CNY15.31 trillion
imports 2025-01/2025-07 fell 1.6 percent
imports 2025-01/2025-07 CNY10.39 trillion
>>> ts.check(found.report).consistent
True
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from attrs import field, frozen

from tradestats._numbers import in_context
from tradestats._text import quote
from tradestats.claims.report import Report
from tradestats.claims.writing import dump_report
from tradestats.errors import ParseError
from tradestats.extraction._article import Article, read_article
from tradestats.extraction._assembly import Assembler
from tradestats.extraction._drafts import Choice
from tradestats.extraction._figures import Extractor
from tradestats.extraction._words import PUBLISHERS, REPORTERS
from tradestats.limits import MAX_REPORT_BYTES

__all__ = ["Choice", "Extraction", "extract"]


@frozen
class Extraction:
    """What :func:`extract` found: a draft report and the choices it made.

    Args:
        report: The draft report: the flows found, one claim per figure.
        choices: Every choice made, in order of the text.
        text: The article's plain text (tags stripped from HTML); offsets are into it.
        language: The language read: ``"en"``, ``"zh-hans"``, ``"zh-hant"`` or ``"de"``.
        sources: The article's words around each claim's figure, by claim id.
    """

    report: Report
    choices: tuple[Choice, ...]
    text: str
    language: str
    sources: dict[str, str] = field(factory=dict)

    def to_toml(self) -> str:
        """The draft report as TOML: the article's words and ``# REVIEW:`` marks as comments."""
        comments: dict[str, list[str]] = {}
        for claim_id, source in self.sources.items():
            comments.setdefault(claim_id, []).append(f"the article: {quote(source, 120)}")
        general = []
        for choice in self.choices:
            if choice.claim is None:
                general.append(f"REVIEW: {choice.describe()}")
            else:
                comments.setdefault(choice.claim, []).append(f"REVIEW: {choice.describe()}")
        header = [
            "A DRAFT report extracted by tradestats from an article's text: read every",
            "REVIEW mark and the article's words under each claim before you trust it.",
            f"Language read: {self.language}.",
            *general,
        ]
        return dump_report(self.report, comments=comments, header=header)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the draft as TOML text, its claims in brief, and the choices."""
        return {
            "draft": True,
            "language": self.language,
            "report": self.to_toml(),
            "flows": [
                {
                    "id": flow.id,
                    "flow": flow.flow.value,
                    "reporter": flow.reporter,
                    "partner": flow.partner,
                    "product": None if flow.product is None else str(flow.product),
                }
                for flow in self.report.flows
            ],
            "claims": [
                {
                    "id": claim.id,
                    "kind": type(claim).__name__,
                    "text": getattr(claim, "text", None),
                    "source": self.sources.get(claim.id),
                }
                for claim in self.report.claims
            ],
            "choices": [choice.to_dict() for choice in self.choices],
        }


def _as_date(date: datetime.date | str | None) -> datetime.date | None:
    if date is None or isinstance(date, datetime.date):
        return date
    try:
        return datetime.date.fromisoformat(str(date).strip())
    except ValueError:
        raise ParseError(
            f"expected the article's date as YYYY-MM-DD, got {quote(str(date))}", value=date
        ) from None


def _reporter(article: Article) -> tuple[str, bool]:
    """The reporter the article's publisher or first name says, and whether it was a guess."""
    publishers = re.compile("|".join(re.escape(word) for word in PUBLISHERS))
    publisher = publishers.search(article.text)
    if publisher is not None and not re.search(
        r"Xinjiang|新疆|上海海關|上海海关", article.text[: publisher.start()]
    ):
        return PUBLISHERS[publisher.group()], True
    pattern = re.compile(
        "|".join(re.escape(word) for word in sorted(REPORTERS, key=len, reverse=True))
    )
    found = pattern.search(article.text)
    if found is None:
        return "the reporter", True
    name = REPORTERS[found.group()]
    if name == "China" and article.language == "zh-hant" and "財政部" in article.text:
        name = "Taiwan"
    return name, True


def _title(article: Article) -> str:
    lines = article.text[: article.body_start].split("\n")
    head = max(lines, key=len).strip() if article.body_start else ""
    if not head:
        first = article.sentences[0] if article.sentences else (0, 0)
        head = article.text[first[0] : first[1]].strip()
    head = " ".join(head.split())
    return head[:120] or "an article"


@in_context
def extract(
    text: str,
    *,
    date: datetime.date | str | None = None,
    reporter: str | None = None,
    lang: str | None = None,
) -> Extraction:
    r"""Read an article's text into a draft report: its flows, one claim per figure.

    Args:
        text: The article, as plain text or HTML (tags, scripts and styles are
            dropped; a headline is read for context, its figures are not claims).
        date: The article's date (a :class:`datetime.date` or ``"YYYY-MM-DD"``),
            for periods whose year it leaves implicit ("in July", 前7个月); without
            it the year is the last one the article writes.
        reporter: Who reports the flows; by default the first reporter the
            article names (China, Taiwan, Germany, …), marked for review.
        lang: ``"en"``, ``"zh-hans"``, ``"zh-hant"`` or ``"de"`` (also "zh",
            "zh-TW", "german"); detected from the text by default.

    Returns:
        The :class:`Extraction`: the draft :class:`~tradestats.Report`, the
        :class:`Choice` list, the article's plain text and the words of each claim.

    Raises:
        ParseError: For a text over :data:`~tradestats.limits.MAX_REPORT_BYTES`
            bytes, an unknown language or a date not written YYYY-MM-DD.

    >>> found = extract("前7个月，我国进出口总值21.34万亿元，同比增长24.5%。", date="2021-08-07")
    >>> [(claim.text, claim.period.isoformat()) for claim in found.report.claims]
    [('21.34万亿元', '2021-01/2021-07'), ('同比增长24.5%', '2021-01/2021-07')]
    >>> for choice in found.choices:
    ...     print(choice.what, "|", choice.source, "|", choice.claim)
    reporter | China | None
    period | 前7个月 | trade-value
    period | 前7个月 | trade-growth

    """
    if not isinstance(text, str):
        raise ParseError(f"expected the article as text, got {type(text).__name__}", value=text)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_REPORT_BYTES:
        raise ParseError(
            f"an article is at most {MAX_REPORT_BYTES} bytes (tradestats.limits."
            f"MAX_REPORT_BYTES), got {len(text)} characters",
            value=len(text),
        )
    when = _as_date(date)
    article = read_article(text, lang=lang)
    guessed = reporter is None
    name = reporter.strip() if reporter is not None and reporter.strip() else None
    if name is None:
        name, guessed = _reporter(article)
    extractor = Extractor(article, when, name)
    drafts = extractor.drafts()
    assembler = Assembler(name, extractor.main_currency)
    for draft in drafts:
        assembler.add(draft, extractor.source(draft.candidate))
    assembler.relations()
    choices = list(extractor.choices)
    if guessed and assembler.claims:
        choices.append(
            Choice(
                0,
                name,
                "reporter",
                f"{name}, the first reporter the article names",
                ("another reporter: pass --reporter",),
            )
        )
    report = assembler.report(_title(article))
    choices += assembler.choices
    choices.sort(key=lambda choice: choice.where)
    return Extraction(report, tuple(choices), article.text, article.language, assembler.sources)
