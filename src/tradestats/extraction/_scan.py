"""The figure scanner: every number written with a unit of trade figures, and its kind.

Private to :mod:`tradestats.extraction`. A candidate is a numeral (digits, with the
decimal mark and thousands separators of the article's language) followed by a
unit: a currency with its scale word (23.6万亿元, "US$25.52 billion", "87,1
Milliarden Euro"), a percent word, percentage points, or a word of times (倍,
"times", "-Fache"). What the numeral means is decided by the caller from the cue
words around it; what it *says* is read by the grammar (``Reported.parse_*``) from
a text this module writes in a form the grammar reads today, next to the exact
published span.

Every pattern is anchored at a numeral found in one left-to-right pass, looks at
a bounded window around it, and has no nested quantifier: the scan is linear in
the length of the text.
"""

from __future__ import annotations

import re
from typing import Final

from attrs import frozen

from tradestats._grammar._words import QUALIFIER_WORDS

__all__ = ["Candidate", "scan"]

#: How far around a numeral its unit, currency sign or qualifier may stand.
_WINDOW: Final = 24

_NUMERAL: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(
        r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.,])\d+(?:\.\d+)?(?![\d])"
    ),
    "de": re.compile(
        r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?![\d])"
        r"|(?<![\d.,])\d+(?:,\d+)?(?![\d])"
    ),
}
_NUMERAL["zh"] = _NUMERAL["en"]

_PERCENT: Final = re.compile(r"\s?(?:%|％|percent\b|per cent\b|pct\b|Prozent\b)", re.I)
_POINTS: Final = re.compile(
    r"\s?(?:percentage points?\b|个百分点|個百分點|百分点|百分點|Prozentpunkte?\b|pp\b)", re.I
)
_TIMES_CJK: Final = re.compile(r"倍")
_TIMES_LATIN: Final = re.compile(r"\s?(?:times\b|-fold\b|fold\b|-[Ff]ache\b)")
_AS_MUCH_AFTER: Final = re.compile(r"\s+(?:as\s+(?:much|large|high|big)|that\s+of|the\b)")
_CJK_AMOUNT: Final = re.compile(
    r"\s?(?P<scale>万亿|萬億|兆|亿|億|万|萬)?(?P<cur>元人民币|元人民幣|人民币|人民幣|美元|欧元|歐元|"
    r"日元|新台币|新台幣|新臺幣|台币|台幣|港元|港币|港幣|元)"
)
_LATIN_SCALE: Final = re.compile(
    r"\s?(?P<scale>trillion|billion|million|bn|tn|mn|Billionen|Milliarden|Millionen|Mrd\.?|"
    r"Mio\.?|Bio\.?)(?![\w])(?P<cur>\s+(?:yuan|U\.S\. dollars|US dollars|dollars|euros?|Euro|"
    r"EUR|USD|CNY|RMB|US-Dollar|Dollar|NT dollars|won|yen))?",
)
_LATIN_CURRENCY_ONLY: Final = re.compile(r"\s(?P<cur>yuan|euros?|Euro|EUR|USD|CNY|dollars)\b")
_PREFIX: Final = re.compile(r"(?P<cur>US\$|U\.S\.\$|NT\$|HK\$|\$|€|£|CNY|RMB|USD|EUR|TWD)\s?$")
_QUALIFIER: Final = re.compile(
    "(?:"
    + "|".join(re.escape(word) for word in sorted(QUALIFIER_WORDS, key=len, reverse=True))
    + r")\s?$",
    re.I,
)

#: Scale words → the grammar's English word (or Chinese character).
_SCALES: Final = {
    "万亿": "万亿", "萬億": "万亿", "兆": "万亿", "亿": "亿", "億": "亿", "万": "万", "萬": "万",
    "trillion": "trillion", "billion": "billion", "million": "million", "bn": "billion",
    "tn": "trillion", "mn": "million", "billionen": "trillion", "milliarden": "billion",
    "millionen": "million", "mrd.": "billion", "mrd": "billion", "mio.": "million",
    "mio": "million", "bio.": "trillion", "bio": "trillion",
}  # fmt: skip
#: Currency words and signs → ISO 4217 code.
_CURRENCIES: Final = {
    "元人民币": "CNY", "元人民幣": "CNY", "人民币": "CNY", "人民幣": "CNY", "元": "CNY",
    "美元": "USD", "欧元": "EUR", "歐元": "EUR", "日元": "JPY", "新台币": "TWD",
    "新台幣": "TWD", "新臺幣": "TWD", "台币": "TWD", "台幣": "TWD", "港元": "HKD",
    "港币": "HKD", "港幣": "HKD", "yuan": "CNY", "u.s. dollars": "USD", "us dollars": "USD",
    "dollars": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR", "usd": "USD",
    "cny": "CNY", "rmb": "CNY", "us-dollar": "USD", "dollar": "USD", "nt dollars": "TWD",
    "won": "KRW", "yen": "JPY", "us$": "USD", "u.s.$": "USD", "nt$": "TWD", "hk$": "HKD",
    "$": "USD", "€": "EUR", "£": "GBP", "twd": "TWD",
}  # fmt: skip
_CJK_CURRENCY_TEXT: Final = {"CNY": "元", "USD": "美元", "EUR": "欧元"}


@frozen
class Candidate:
    """A numeral with a unit: where it stands and what the grammar is to read.

    ``kind`` is ``"amount"``, ``"percent"``, ``"points"`` or ``"times"``;
    ``number`` the numeral with a dot for decimal mark and no separators;
    ``start``/``end`` the published span (a currency sign or qualifier included);
    ``number_start`` where the numeral starts. For an amount, ``text`` is the
    amount as the grammar reads it and ``currency`` its code.
    """

    kind: str
    start: int
    end: int
    number_start: int
    number: str
    text: str
    currency: str | None = None
    qualifier: str | None = None
    rewritten: bool = False
    as_much: bool = False
    scale_note: str | None = None


def _number(numeral: str, language: str) -> str:
    if language == "de":
        return (
            numeral.replace(" ", "")
            .replace("\u00a0", "")
            .replace("\u202f", "")
            .replace(".", "")
            .replace(",", ".")
        )
    return numeral.replace(",", "")


def _amount(text: str, language: str, start: int, end: int, number: str) -> Candidate | None:
    after = text[end : end + _WINDOW]
    before = text[max(0, start - 6) : start]
    prefix = _PREFIX.search(before)
    scale = currency = None
    stop = end
    note = None
    if language.startswith("zh"):
        found = _CJK_AMOUNT.match(after)
        if found is not None:
            scale_word = found["scale"]
            if scale_word == "兆":
                if language != "zh-hant":
                    return None  # 兆 on the mainland is ambiguous: never guessed
                note = "兆 read as 10^12 (万亿), as in Taiwan"
            scale = _SCALES[scale_word] if scale_word else ""
            currency = _CURRENCIES[found["cur"]]
            stop = end + found.end()
            code = _CJK_CURRENCY_TEXT.get(currency)
            grammar = f"{number}{scale}{code}" if code else f"{number}{scale} {currency}"
            rewritten = text[start:stop] != grammar
            return Candidate("amount", start, stop, start, number, grammar, currency,
                             rewritten=rewritten, scale_note=note)  # fmt: skip
    found = _LATIN_SCALE.match(after)
    if found is not None and (prefix is not None or found["cur"]):
        scale = _SCALES[found["scale"].lower()]
        word = prefix["cur"] if prefix is not None else found["cur"].strip()
        currency = _CURRENCIES.get(word.lower())
        stop = end + found.end()
    elif prefix is not None:
        plain = _LATIN_CURRENCY_ONLY.match(after)
        currency = _CURRENCIES.get(prefix["cur"].lower())
        scale = ""
        if plain is not None:
            return None
    else:
        plain = _LATIN_CURRENCY_ONLY.match(after)
        if plain is None:
            return None
        currency = _CURRENCIES.get(plain["cur"].lower())
        scale = ""
        stop = end + plain.end()
    if currency is None:
        return None
    first = start - (len(prefix.group()) if prefix is not None else 0)
    grammar = f"{number} {scale} {currency}" if scale else f"{number} {currency}"
    return Candidate("amount", first, stop, start, number, grammar, currency, rewritten=True)


def _measure(text: str, start: int, end: int, number: str, language: str) -> Candidate | None:
    after = text[end : end + _WINDOW]
    for kind, pattern in (("points", _POINTS), ("percent", _PERCENT)):
        found = pattern.match(after)
        if found is not None:
            return Candidate(kind, start, end + found.end(), start, number, number)
    found = (_TIMES_CJK if language.startswith("zh") else _TIMES_LATIN).match(after)
    if found is not None:
        stop = end + found.end()
        as_much = _AS_MUCH_AFTER.match(text, stop, stop + _WINDOW) is not None
        return Candidate("times", start, stop, start, number, number, as_much=as_much)
    return None


def _qualified(text: str, found: Candidate) -> Candidate:
    before = text[max(0, found.start - 16) : found.start]
    match = _QUALIFIER.search(before)
    if match is None:
        return found
    word = match.group().strip()
    if match.start() > 0 and (
        (word.isascii() and before[match.start() - 1].isalnum())
        or (not word.isascii() and before[match.start() - 1] in "出入接将將")
    ):
        return found  # the end of a longer word: "moreover", 出超 (a surplus), 接近 is read whole
    qualifier = QUALIFIER_WORDS.get(word.lower())
    if qualifier is None:
        return found
    return Candidate(
        found.kind, found.start - len(match.group()), found.end, found.number_start,
        found.number, found.text, found.currency, qualifier, found.rewritten, found.as_much,
        found.scale_note,
    )  # fmt: skip


# A numeral right after a Chinese scale or numeral character is the tail of a compound
# numeral (2兆1500億); after a digit and a space, of a number with space separators
# ("1 234.5" in English, which no locale here reads): never read as a figure of its own.
_GLUED_CJK: Final = frozenset("兆億亿萬万千百十零〇一二三四五六七八九两兩")
_SPACED: Final = re.compile(r"\d[ \u00a0\u202f'’]$")
_SPACED_AFTER: Final = re.compile(r"[ \u00a0\u202f'’]\d{3}(?!\d)")


def _glued(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start]
    if not before:
        return False
    last = before[-1]
    if last in _GLUED_CJK or _SPACED.search(before):
        return True
    # Letters right before digits ("A320", "H1"): part of a name, unless a currency code.
    return (
        last.isalpha()
        and last.isascii()
        and _PREFIX.search(text[max(0, start - 4) : start]) is None
    )


def scan(text: str, language: str) -> list[Candidate]:
    """Every numeral with a unit of trade figures, in order of the text."""
    numerals = _NUMERAL["de" if language == "de" else ("zh" if language.startswith("zh") else "en")]
    found: list[Candidate] = []
    for match in numerals.finditer(text):
        numeral = match.group()
        if len(numeral) > 40:
            continue  # no published figure is this long: a table of digits, not a figure
        number = _number(numeral, language)
        start, end = match.span()
        if _glued(text, start) or (language != "de" and _SPACED_AFTER.match(text, end)):
            continue
        candidate = _measure(text, start, end, number, language) or _amount(
            text, language, start, end, number
        )
        if candidate is not None:
            found.append(_qualified(text, candidate))
    return found
