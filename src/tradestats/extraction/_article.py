"""An article's plain text: tags stripped from HTML, its language, headline and sentences.

Private to :mod:`tradestats.extraction`. HTML is read with the standard library's
:class:`html.parser.HTMLParser`, which never fails on broken markup and needs no
dependency; only the text of the page is wanted, not its tree.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final

from attrs import frozen

from tradestats._grammar._normalize import SIMPLIFIED_ONLY, TRADITIONAL_ONLY
from tradestats._text import quote
from tradestats.errors import ParseError

__all__ = ["LANGUAGES", "Article", "read_article"]

#: The languages the extractor reads, by the code ``extract(lang=...)`` takes.
LANGUAGES: Final = ("en", "zh-hans", "zh-hant", "de")
_ALIASES: Final = {
    "en": "en",
    "english": "en",
    "zh": "zh-hans",
    "zh-cn": "zh-hans",
    "zh-hans": "zh-hans",
    "zh-sg": "zh-hans",
    "zh-tw": "zh-hant",
    "zh-hk": "zh-hant",
    "zh-hant": "zh-hant",
    "de": "de",
    "german": "de",
    "deutsch": "de",
}
# Elements whose text is no part of the article; elements that end a line.
_SKIPPED: Final = frozenset({"script", "style", "template", "noscript", "head", "svg"})
_BLOCKS: Final = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "title",
     "section", "article", "header", "footer", "blockquote", "table", "ul", "ol", "dd", "dt"}
)  # fmt: skip
_TAG: Final = re.compile(r"<(?:!doctype|html|body|p|div|br|h[1-6]|span|b|i|a|table)\b", re.I)
_GERMAN: Final = re.compile(
    r"\b(?:Prozent|Milliarden|Mrd\.|Millionen|Exporte|Importe|Ausfuhren|Einfuhren|"
    r"Vorjahr\w*|gegenüber|Statistische)\b"
)
# A sentence ends at 。！？； or a line break, or at . ! ? followed by a space and a
# capital, a quote or a digit ("U.S. dollars" keeps its dots: a lower-case word follows).
_SENTENCE_END: Final = re.compile(
    r"[。！？；;\n]|"
    # Not after an abbreviation: "Mrd. Euro", "Aug. 7", "U.S. dollars", "Jan.-July". The
    # lookahead first: without it the 17 lookbehinds ran at every character of the text.
    r"(?=[.!?])(?<!\bMrd)(?<!\bMio)(?<!\bBio)(?<!\bNr)(?<!\bbzw)(?<!\bca)(?<!\bJan)(?<!\bFeb)"
    r"(?<!\bAug)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bU\.S)(?<!\bMr)(?<!\bDr)"
    r"(?<!\bSt)(?<!\bNo)(?<!\b[A-Z])[.!?](?=\s+[\"“A-ZÄÖÜ(0-9])"
)
_HEADLINE_MAX: Final = 160


class _TextOf(HTMLParser):
    """The text of an HTML page, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The text of an HTML page: tags, scripts and styles removed, entities decoded."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML page or fragment (a known tag near its start)."""
    return _TAG.search(text[:4096]) is not None


def _language(text: str) -> str:
    sample = text[:20000]
    cjk = sum("\u4e00" <= char <= "\u9fff" for char in sample)
    if cjk > 20 or cjk * 10 > len(sample):
        traditional = sum(char in TRADITIONAL_ONLY for char in sample)
        simplified = sum(char in SIMPLIFIED_ONLY for char in sample)
        return "zh-hant" if traditional > simplified else "zh-hans"
    return "de" if len(_GERMAN.findall(sample)) >= 2 else "en"


def language_code(lang: str) -> str:
    """The extractor's code for a language name or tag: "zh-TW" is "zh-hant"."""
    code = _ALIASES.get(lang.strip().lower().replace("_", "-"))
    if code is None:
        raise ParseError(
            f"unknown language {quote(lang)}: expected one of {', '.join(LANGUAGES)} "
            "(en, zh-hans for simplified Chinese, zh-hant for traditional, de)",
            value=lang,
        )
    return code


@frozen
class Article:
    """The text an extraction reads, with what was found about it."""

    text: str
    language: str
    #: Where the body starts: a first short line without a full stop is the headline.
    body_start: int
    #: (start, end) of each sentence of the text, in order.
    sentences: tuple[tuple[int, int], ...]


def _normalized(text: str) -> str:
    # Non-breaking and thin spaces stay (thousands separators); other blanks are folded
    # to one space per run, line breaks kept: offsets are into this text.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple(spans)


def _body_start(text: str) -> int:
    """Where the body starts: after the leading short lines with no full stop.

    A headline, a caption, a kicker: at most three of them.
    """
    start = 0
    for _ in range(3):
        end = text.find("\n", start)
        if end < 0:
            return start
        line = text[start:end]
        if len(line) > _HEADLINE_MAX or re.search(r"[.。!?！？]\s*$", line):
            return start
        start = end + 1
        while start < len(text) and text[start] == "\n":
            start += 1
    return start


def read_article(text: str, *, lang: str | None = None, html: bool | None = None) -> Article:
    """The article's plain text and language, from plain text or HTML."""
    if html is None:
        html = looks_like_html(text)
    plain = _normalized(html_text(text) if html else text)
    language = _language(plain) if lang is None else language_code(lang)
    return Article(plain, language, _body_start(plain), _sentences(plain))
