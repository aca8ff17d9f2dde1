"""Cue words found in an article: flows, partners, products, shares, bases, currencies.

Private to :mod:`tradestats.extraction`. Each kind of cue is found once over the whole
text with one alternation (longest words first, whole words for Latin script) and
kept as a sorted list of :class:`Cue`; the binder looks up the cues before a
figure with :func:`bisect`, so binding every figure stays linear in the text.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from attrs import frozen

from tradestats.extraction._words import (
    BASE_PREVIOUS,
    CURRENCY_CONTEXT,
    FLOW_WORDS,
    NOT_TRADE,
    PARTNERS,
    PRODUCT_STOPWORDS,
    SHARE_WORDS,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Cue", "Cues", "find_cues"]


def _alternation(words: Iterable[str], *, flags: int = 0) -> re.Pattern[str]:
    pieces = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        if word[:1].isascii() and word[:1].isalnum():
            escaped = r"(?<![\w-])" + escaped
        if word[-1:].isascii() and word[-1:].isalnum():
            escaped += r"(?![\w$-])"
        pieces.append(escaped)
    # A lookahead on the first characters lets most positions fail at once: an
    # alternation of a hundred words is otherwise tried word by word at every position.
    firsts = "".join(sorted({re.escape(word[0]) for word in words if word}))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(pieces)})", flags)


_FLOWS: Final = _alternation(FLOW_WORDS, flags=re.I)
_PARTNERS: Final = _alternation(PARTNERS)
_SHARES: Final = _alternation(SHARE_WORDS, flags=re.I)
_PREVIOUS: Final = _alternation(BASE_PREVIOUS, flags=re.I)
_CURRENCY: Final = _alternation(CURRENCY_CONTEXT, flags=re.I)
_NOT_TRADE: Final = _alternation(NOT_TRADE, flags=re.I)
_TRAILING: Final = frozenset({"ausgeführt", "exportiert", "eingeführt", "importiert", "aus."})
_FLOW_BY_LOWER: Final = {word.lower(): kind for word, kind in FLOW_WORDS.items()}

# A partner the table does not know: "trade with Mexico", "exports to Chile",
# 对巴西出口, "Exporte nach Indien". Capitalized words (Latin) or up to 10 characters (CJK).
_LATIN_PARTNER: Final = re.compile(
    r"(?<![\w-])(?:trade|exports?|imports?|shipments|Exporte|Ausfuhren|Importe|Einfuhren)\s+"
    r"(?:with|to|from|nach|aus|mit|in\s+die|in\s+den|in\s+das)\s+(?:the\s+|der\s+|dem\s+)?"
    r"(?P<p>[A-Z][\w'.-]{1,30}(?:\s[A-Z][\w'.-]{1,30}){0,3})"
)
_CJK_PARTNER: Final = re.compile(
    r"[对對与與同自](?P<p>[^\s\d，。；、,.;:：“”\"()（）]{1,10}?)的?(?:进出口|進出口|出口|进口|進口|贸易|貿易)"
)
_NOT_PARTNERS: Final = frozenset({"外", "我", "外贸", "外貿", "其", "全球", "世界", "主要"})
_MONEY_WORDS: Final = frozenset({"CNY", "USD", "EUR", "RMB", "US", "May", "The", "In"})

# Products: "exports of electric vehicles", "electric vehicle exports", 出口机电产品,
# 汽车出口. A product is a short run of words next to the flow word.
_PRODUCT_AFTER_EN: Final = re.compile(
    r"(?P<p>[a-z][a-z -]{2,40}?)(?=\s+(?:at|were|was|rose|fell|reached|came|climbed|surged|"
    r"jumped|grew|increased|decreased|edged|slipped|totaled|totalled|amounted|went|up|down|"
    r"in|to|by|witnessing|surging|rising|falling|remained|stood)\b|[,.;])"
)
_ADJUNCT_EN: Final = re.compile(r"(?:[A-Za-z][\w-]*\s+){1,3}$")
_CJK_PRODUCT_AFTER: Final = re.compile(
    r"(?P<p>[^\d\s，。；、,.;:：“”（）()]{2,8}?)(?=[\d超近约逾])"
)
_CJK_PRODUCT_BEFORE: Final = re.compile(r"(?P<p>[^\d\s，。；、,.;:：“”（）()]{2,8})$")
# "前7个月机电产品": what stands before the last 月, 年 or 期 is the period, not the product.
_CJK_PERIOD_PREFIX: Final = re.compile(r"^.*[月年期份看]")
# "我国机电产品": the reporter before the product.
_CJK_REPORTER_PREFIX: Final = re.compile(r"^(?:我国|我國|中国|中國|全国|全國|同期|其中)+")
_CJK_NOT_PRODUCT: Final = re.compile(
    r"总值|總值|总额|總額|金额|金額|规模|規模|同比|增长|增長|下降|减少|減少|为|為|达|達|"
    r"了|合计|累计|累計|全年|其中|我国|我國|中国|中國|全国|全國|今年|去年|同期|当月|當月|"
    r"月|年|前|首|对|對|与|與|自|货物|貨物|贸易|貿易|主要|值|共|分别|分別|按|计价|計價|"
    r"海关|海關|关区|關區|统计|統計|地区|地區|企业|企業|商品|机构|單月|单月|成长|成長|比重|"
    r"占|佔|方面|合計|内地|內地|美元|人民币|人民幣|元|额|額|大|总|總|其|本|至|到|超|达到|較|较"
)


@frozen
class Cue:
    """A cue word in the text: where, what kind, and what it says."""

    start: int
    end: int
    kind: str
    value: str
    product: str | None = None
    #: A word that stands after the figure it names (German "… Mrd. Euro ausgeführt").
    trailing: bool = False


@frozen
class Cues:
    """Every cue of the text, by kind, each list in order of the text."""

    flows: tuple[Cue, ...]
    partners: tuple[Cue, ...]
    shares: tuple[Cue, ...]
    previous: tuple[Cue, ...]
    currencies: tuple[Cue, ...]
    not_trade: tuple[Cue, ...]

    @staticmethod
    def between(cues: tuple[Cue, ...], start: int, end: int) -> tuple[Cue, ...]:
        """The cues that lie within ``[start, end)``."""
        first = bisect.bisect_left(cues, start, key=lambda cue: cue.start)
        last = bisect.bisect_left(cues, end, key=lambda cue: cue.start)
        return tuple(cue for cue in cues[first:last] if cue.end <= end)


def _plural(words: str) -> str:
    words = words.strip()
    return words if words.endswith("s") else words + "s"


def _english_product(text: str, cue: re.Match[str]) -> str | None:
    word = cue.group().lower()
    if word not in ("exports", "imports", "export", "import"):
        return None
    after = text[cue.end() : cue.end() + 60]
    if after.startswith(" of "):
        found = _PRODUCT_AFTER_EN.match(after, 4)
        if found is not None:
            words = [w for w in found["p"].split() if w not in ("the", "its")]
            if words and words[0] not in PRODUCT_STOPWORDS:
                return " ".join(words)
    before = _ADJUNCT_EN.search(text[max(0, cue.start() - 40) : cue.start()])
    if before is None:
        return None
    words = before.group().split()
    kept: list[str] = []
    for word_before in reversed(words):
        lowered = word_before.lower()
        if (
            lowered in PRODUCT_STOPWORDS
            or not word_before.islower()
            or lowered.endswith("'s")
            or lowered in _FLOW_BY_LOWER
        ):
            break
        kept.insert(0, word_before)
    return _plural(" ".join(kept)) if kept else None


def _chinese_product(text: str, cue: re.Match[str]) -> str | None:
    if cue.group() not in ("出口", "进口", "進口"):
        return None
    after = _CJK_PRODUCT_AFTER.match(text, cue.end(), cue.end() + 12)
    candidates = []
    if after is not None:
        candidates.append(after["p"])
    before = _CJK_PRODUCT_BEFORE.search(text, max(0, cue.start() - 8), cue.start())
    if before is not None:
        candidates.append(before["p"])
    for candidate in candidates:
        words = _CJK_REPORTER_PREFIX.sub("", _CJK_PERIOD_PREFIX.sub("", candidate))
        if len(words) >= 2 and not _CJK_NOT_PRODUCT.search(words) and not _PARTNERS.search(words):
            return words
    return None


def _overlaps(cues: list[Cue], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``cues`` (sorted, not overlapping)."""
    index = bisect.bisect_left(starts, end)
    return index > 0 and cues[index - 1].end > start


def _partners(text: str, language: str) -> list[Cue]:
    found = [
        Cue(match.start(), match.end(), "partner", PARTNERS[match.group()])
        for match in _PARTNERS.finditer(text)
    ]
    starts = [cue.start for cue in found]
    generic = _CJK_PARTNER if language.startswith("zh") else _LATIN_PARTNER
    for match in generic.finditer(text):
        name = match["p"].strip('“”"')
        start, end = match.span("p")
        if (
            name in _NOT_PARTNERS
            or name in _MONEY_WORDS
            or _overlaps(found, starts, start, end)
            or _PARTNERS.fullmatch(name)
            or _FLOWS.search(name)
        ):
            continue
        found.append(Cue(start, end, "partner", name))
    found.sort(key=lambda cue: cue.start)
    return found


def find_cues(text: str, language: str) -> Cues:
    """Every cue word of the article."""
    flows = []
    for match in _FLOWS.finditer(text):
        word = match.group()
        kind = _FLOW_BY_LOWER[word.lower()]
        if word == "aus." and language != "de":
            continue
        product = (
            _chinese_product(text, match)
            if language.startswith("zh")
            else _english_product(text, match)
        )
        # "… Mrd. Euro ausgeführt" names the figure before it; "Importiert wurden …" at
        # the start of a sentence names the figure after it.
        trailing = word.lower() in _TRAILING and not word[:1].isupper()
        flows.append(Cue(match.start(), match.end(), "flow", kind, product, trailing))
    return Cues(
        flows=tuple(flows),
        partners=tuple(_partners(text, language)),
        shares=tuple(Cue(m.start(), m.end(), "share", m.group()) for m in _SHARES.finditer(text)),
        previous=tuple(
            Cue(m.start(), m.end(), "previous", m.group()) for m in _PREVIOUS.finditer(text)
        ),
        currencies=tuple(
            Cue(m.start(), m.end(), "currency", CURRENCY_CONTEXT[_key(m.group())])
            for m in _CURRENCY.finditer(text)
        ),
        not_trade=tuple(
            Cue(m.start(), m.end(), "not-trade", m.group()) for m in _NOT_TRADE.finditer(text)
        ),
    )


def _key(word: str) -> str:
    for key in CURRENCY_CONTEXT:
        if key.lower() == word.lower():
            return key
    return word
