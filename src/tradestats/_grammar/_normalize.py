"""One normal form of a figure's text: simplified characters, ASCII digits, one number format.

Every reader of the grammar first brings its text to a normal form, so that its
tables are written once, in simplified Chinese and with English numerals:

1. **Characters** (length kept): traditional characters of the grammar's words
   become simplified ones (億 → 亿, 萬 → 万, 增長 → 增长, 個百分點 → 个百分点, 新臺幣 →
   新台币) from :data:`TRADITIONAL`, a table of the characters trade figures use;
   the full-width marks ``．``, ``％``, ``＋`` and ``－`` become ASCII (digits of other
   scripts, such as "３", stay, and are refused). The table is
   one character for one, so every offset of the text stays where it was.
2. **Number formats**, by an explicit ``locale`` (:func:`number_format`): "12,4"
   with ``locale="de"`` is 12.4, "1 234.5" with ``locale="en"`` is 1234.5. Without
   a locale only "." is a decimal point and only "," groups thousands, and a
   numeral that a decimal-comma locale would read otherwise ("1,234", "12,4") is
   refused with a message, never guessed.
3. **Chinese numerals**, only in numeral spans that a figure's word follows or
   百分之 precedes (一千二百三十四点五亿, 五八二.三亿, 百分之六点五, 二成八, 三倍, 一季度):
   一带一路 and 十四五规划 stay as they are. A Chinese numeral keeps the precision
   of its last digit character: 一兆八千亿 is 18 × 10¹¹, good to half of 10¹¹,
   because 八千亿 names the hundred billions and nothing below. The normal
   form writes such a number as its digits followed by one private-use
   character U+E000 + *n* that stands for *n* unwritten zeros; the tokenizer
   reads it as part of the numeral (:func:`~tradestats._grammar._tokens.numeral_value`).
   兆 is read only with an explicit ``zhao`` (``"trillion"``, 10¹², as in Taiwan,
   or ``"million"``, 10⁶, the metric prefix), because it is ambiguous.

The result keeps, for each character, the offset in the source it came from,
so a span found in the normal form is a span of the source text. Each step is
one pass of a pattern without nested quantifiers: linear in the text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from attrs import frozen

from tradestats._grammar._words import SCALES
from tradestats._text import quote
from tradestats.errors import AmbiguityError, InvalidValueError, ParseError
from tradestats.limits import MAX_NUMERAL_CHARS

__all__ = [
    "TRADITIONAL",
    "ZERO_MARKS",
    "Normalized",
    "NumberFormat",
    "normalize",
    "number_format",
    "zhao_exponent",
]

#: The first private-use character: U+E000 + n after a numeral stands for n zeros.
ZERO_MARKS: Final = 0xE000
_MAX_ZEROS: Final = 0xFF

# Traditional characters of figures, cue words, units, partners and flows, each
# with its simplified form. One character for one, so offsets are kept.
_PAIRS: Final = (
    "億亿萬万長长個个點点進进臺台幣币歐欧減减較较漲涨為为約约餘余過过達达兩两國国順顺"
    "貿贸額额對对佔占與与際际產产機机電电從从負负擴扩縮缩於于總总計计顯显韓韩盧卢鎊镑"
    "門门關关會会業业經经濟济數数據据單单價价應应變变動动類类體体車车輛辆噸吨來来東东"
    "區区歷历創创紀纪錄录導导線线優优勢势們们這这還还時时後后間间週周報报廣广灣湾島岛"
    "處处實实現现樣样務务條条準准標标況况環环買买賣卖聯联運运輸输設设備备鐵铁鋼钢鋁铝"
    "銅铜礦矿藥药裝装紡纺織织網网財财稅税費费帶带絲丝陸陆亞亚紐纽澳澳將将頭头緣缘逾逾"
    "倍倍佔占離离償偿億亿滬沪圓圆隻只擬拟當当幾几雙双縣县鄰邻罷罢歲岁億亿"
)
#: The characters of those pairs that only one script writes (the two forms differ):
#: what tells a traditional text from a simplified one.
TRADITIONAL_ONLY: Final = frozenset(
    _PAIRS[i] for i in range(0, len(_PAIRS), 2) if _PAIRS[i] != _PAIRS[i + 1]
)
SIMPLIFIED_ONLY: Final = frozenset(
    _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2) if _PAIRS[i] != _PAIRS[i + 1]
)
#: Traditional → simplified, and full-width marks → ASCII (one for one). Digits of other
#: scripts (full-width "３", Arabic-Indic "٣") stay as they are, and no reader takes them.
TRADITIONAL: Final = {
    **{ord(_PAIRS[i]): _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)},
    ord("．"): ".",
    ord("％"): "%",
    ord("＋"): "+",
    ord("－"): "-",
    # A private-use character of the source would pass for a run of zeros.
    **dict.fromkeys(range(ZERO_MARKS, ZERO_MARKS + _MAX_ZEROS + 1), "�"),
}

# -- number formats ----------------------------------------------------------------------

_SPACES: Final = frozenset(" \u00a0\u202f\u2009")


@frozen
class NumberFormat:
    """How a locale writes numbers: its decimal mark and its thousands separators."""

    name: str | None
    decimal: str
    groups: frozenset[str]

    @property
    def long_scale(self) -> bool:
        """Whether "billion" is 10¹² and "Milliarde" 10⁹ (German, French, Italian...)."""
        return self.decimal == "," or self.name in {"de-ch", "fr-ch", "it-ch"}


_DEFAULT: Final = NumberFormat(None, ".", frozenset(","))
_POINT_LOCALES: Final = frozenset({"en", "zh", "ja", "ko"})
_COMMA_LOCALES: Final = frozenset({"de", "fr", "it", "es", "nl", "pt", "pl", "sv", "da", "nb"})


def number_format(locale: str | None) -> NumberFormat:
    """The number format of a locale such as ``"en"``, ``"zh"``, ``"de"``, ``"fr"``, ``"de-CH"``.

    Decimal-point languages (en, zh, ja, ko) group with "," and spaces; decimal-comma
    ones (de, fr, it, es, nl, pt, pl, sv, da, nb) with "." and spaces; Swiss regions
    (``-CH``) write a decimal point and group with an apostrophe.

    Raises:
        InvalidValueError: For a locale that is none of these.

    >>> number_format("de").decimal, number_format("de-CH").decimal
    (',', '.')
    """
    if locale is None:
        return _DEFAULT
    if not isinstance(locale, str):
        raise InvalidValueError(f"a locale is a text such as 'en' or 'de', got {quote(locale)}")
    key = locale.strip().lower().replace("_", "-")
    language, _, region = key.partition("-")
    if region == "ch" and language in {"de", "fr", "it"}:
        return NumberFormat(key, ".", frozenset({"'", "’", *_SPACES}))
    if language in _POINT_LOCALES:
        return NumberFormat(language, ".", frozenset({",", *_SPACES}))
    if language in _COMMA_LOCALES:
        return NumberFormat(language, ",", frozenset({".", *_SPACES}))
    raise InvalidValueError(
        f"unknown locale {quote(locale)}: expected a language such as 'en', 'zh', 'de' or 'fr', "
        "optionally with a region ('de-CH')",
        value=locale,
    )


def zhao_exponent(zhao: str | None) -> int | None:
    """The power of ten 兆 stands for: 12 for ``"trillion"``, 6 for ``"million"``, or ``None``.

    Raises:
        InvalidValueError: For any other reading.
    """
    if zhao is None:
        return None
    readings = {"trillion": 12, "million": 6}
    if isinstance(zhao, str) and zhao.strip().lower() in readings:
        return readings[zhao.strip().lower()]
    raise InvalidValueError(
        f"unknown reading of 兆 {quote(zhao)}: expected 'trillion' (10^12, as in Taiwan) or "
        "'million' (10^6, the metric prefix)",
        value=zhao,
    )


# A run of digits and the marks that may group them or split off decimals. One mark
# between two runs of digits: no nested quantifier can backtrack.
_LOCAL_NUMERAL: Final = re.compile(r"[0-9]+(?:[.,'’ \u00a0\u202f\u2009][0-9]+)*")


@frozen
class Normalized:
    """A text in normal form, with the source span of each of its characters.

    Args:
        text: The normal form.
        origin: ``origin[i]`` is the offset in the source of the first character
            ``text[i]`` came from; one more entry, for the end of the text.
        origin_end: ``origin_end[i]`` is one past the last source character
            ``text[i]`` came from (百分之六点五 gives "6.5%", each character of
            which came from all six).
        source: The text as given.
    """

    text: str
    origin: tuple[int, ...]
    origin_end: tuple[int, ...]
    source: str

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the source that ``text[start:end]`` (not empty) came from.

        >>> normalize("增長百分之六點五").source_span(2, 6)
        (2, 8)
        """
        return self.origin[start], self.origin_end[end - 1]


def _replace(
    text: str, origin: tuple[list[int], list[int]], edits: list[tuple[int, int, str]]
) -> tuple[str, tuple[list[int], list[int]]]:
    """``text`` with the spans of ``edits`` (in order, not overlapping) replaced."""
    if not edits:
        return text, origin
    starts, ends = origin
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    for start, end, replacement in edits:
        pieces.append(text[last:start])
        new_starts.extend(starts[last:start])
        new_ends.extend(ends[last:start])
        pieces.append(replacement)
        new_starts.extend([starts[start]] * len(replacement))
        new_ends.extend([ends[end - 1]] * len(replacement))
        last = end
    pieces.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return "".join(pieces), (new_starts, new_ends)


class _RefusedError(Exception):
    """A numeral the normal form cannot take: why, and whether it is an ambiguity."""

    def __init__(self, why: str, *, ambiguous: bool = False) -> None:
        super().__init__(why)
        self.ambiguous = ambiguous


def _local_numeral(numeral: str, fmt: NumberFormat) -> str:
    """A numeral of the locale in the normal form ("1,234.5"), or :class:`_RefusedError`."""
    parts = re.split(r"([.,'’ \u00a0\u202f\u2009])", numeral)
    groups, marks = parts[0::2], parts[1::2]
    if not marks:
        return numeral
    decimals = ""
    if marks[-1] == fmt.decimal:
        decimals = groups.pop()
        marks.pop()
    if fmt.name is None and not decimals and marks == [","] and len(groups[1]) == 3:
        raise _RefusedError(
            f"{quote(numeral)} is 1234-like in English and 1.234-like with a decimal comma: pass "
            "locale='en' or locale='de'",
            ambiguous=True,
        )
    if fmt.decimal in marks or len(set(marks)) > 1:
        raise _RefusedError(f"{quote(numeral)} mixes its separators")
    well_grouped = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    if marks and (not well_grouped or marks[0] not in fmt.groups):
        if fmt.name is None:
            raise _RefusedError(
                f"{quote(numeral)} is not a number written with ',' between thousands and "
                f"'.' before "
                "decimals; for a decimal comma or other separators pass a locale, such as "
                "locale='de' ('12,4 Mrd.') or locale='en' ('1 234.5')"
            )
        raise _RefusedError(
            f"{quote(numeral)} is not a number as locale {quote(fmt.name)} writes it "
            f"({quote(fmt.decimal)} "
            f"before decimals, thousands grouped by {''.join(sorted(fmt.groups))!r})"
        )
    whole = ",".join(groups)
    return f"{whole}.{decimals}" if decimals else whole


def _locale_edits(
    text: str, fmt: NumberFormat, *, strict: bool, what: str, source: str
) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    for match in _LOCAL_NUMERAL.finditer(text):
        numeral = match.group()
        if len(numeral) > MAX_NUMERAL_CHARS:
            if strict:  # no figure's number is this long: refused before it is taken apart
                raise ParseError(
                    f"cannot read {quote(source)}: its number has {len(numeral)} characters, "
                    f"and tradestats reads numbers of at most {MAX_NUMERAL_CHARS}",
                    value=source,
                )
            if not any(char in _SPACES for char in numeral):
                continue  # left as it is, for the readers to refuse
        try:
            normal = _local_numeral(numeral, fmt)
        except _RefusedError as refused:
            # Spaces may be separators, or just spaces between two numbers.
            pieces = _split_at_spaces(match, fmt)
            if pieces is not None and strict and fmt.name is None and _spaced_thousands(numeral):
                raise ParseError(
                    f"cannot read {quote(source)} as {what}: {quote(numeral)} groups "
                    f"thousands with "
                    "spaces, which tradestats reads only with a locale: pass locale='en' (a "
                    "decimal point) or locale='fr' (a decimal comma)",
                    value=source,
                    needs="locale",
                ) from None
            if pieces is not None:
                edits.extend(pieces)
                continue
            if strict:
                error = AmbiguityError if refused.ambiguous else ParseError
                raise error(
                    f"cannot read {quote(source)} as {what}: {refused}",
                    value=source,
                    needs="locale",
                ) from None
            edits.append((match.start(), match.end(), "\ufffd" * len(numeral)))
            continue
        if normal != numeral:
            edits.append((match.start(), match.end(), normal))
    return edits


def _spaced_thousands(numeral: str) -> bool:
    """Whether ``numeral`` is digits grouped in threes by spaces, as "1 234.5" is."""
    whole = re.split(r"[.,]", numeral)[0]
    groups = re.split(r"[ \u00a0\u202f\u2009]", whole)
    return len(groups) > 1 and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _split_at_spaces(match: re.Match[str], fmt: NumberFormat) -> list[tuple[int, int, str]] | None:
    """Read a run cut at its spaces as separate numerals, if each then is well formed."""
    numeral = match.group()
    if not any(char in _SPACES for char in numeral):
        return None
    edits: list[tuple[int, int, str]] = []
    offset = match.start()
    for piece in re.split(r"([ \u00a0\u202f\u2009])", numeral):
        if piece and piece[0] not in _SPACES:
            try:
                normal = _local_numeral(piece, fmt)
            except _RefusedError:
                return None
            if normal != piece:
                edits.append((offset, offset + len(piece), normal))
        offset += len(piece)
    return edits


# -- Chinese numerals --------------------------------------------------------------------

_CN_DIGITS: Final = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9,
}  # fmt: skip
_CN_PLACES: Final = {"十": 1, "百": 2, "千": 3}
_CN_BIG: Final = {"万": 4, "亿": 8}
_SPAN: Final = re.compile(r"[〇零一二两三四五六七八九十百千万亿兆0-9.点]+")
_ARABIC_SCALED: Final = re.compile(
    "[0-9.]+(?:" + "|".join(w for w in SCALES if not w.isascii()) + ")"
)
_PERCENT_OF: Final = "百分之"
_CHENG: Final = "成"
#: Words after a numeral span that make it a figure's number (longest first).
_FOLLOWERS: Final = (
    "元", "美元", "人民币", "港元", "港币", "欧元", "日元", "英镑", "新台币", "台币", "韩元",
    "澳元", "加元", "卢布", "吨", "公斤", "千克", "倍", "%", "个百分点", "百分点", "个月", "月",
    "季度", "季", "年", "多", "余", "以上", "以下", "左右", "亿", "万",
)  # fmt: skip


_COUNTED: Final = frozenset({"月", "个月", "季度", "季", "年"})


def _digits_only(span: str) -> Decimal | None:
    """五八二点三, 二〇二三: digit by digit, with an optional point."""
    whole, point, fraction = span.replace("点", ".").partition(".")
    if not whole or any(c not in _CN_DIGITS and not c.isdigit() for c in whole + fraction):
        return None
    if point and not fraction:
        return None
    digits = "".join(str(_CN_DIGITS.get(c, c)) for c in whole)
    if fraction:
        digits += "." + "".join(str(_CN_DIGITS.get(c, c)) for c in fraction)
    return Decimal(digits)


def _positional(span: str, zhao: int | None) -> Decimal:  # noqa: PLR0912, PLR0915 - per mark
    """一千二百三十四点五亿, 一兆八千亿, 一万二千亿: place by place, exponent = last place written.

    A big unit (万, 亿, 兆) multiplies the section before it, and every earlier
    chunk of a smaller big unit: 一万二千亿 is (1万 + 2千) 亿.
    """
    chunks: list[tuple[Decimal, int, int]] = []  # value, lowest place written, big unit
    section = Decimal(0)
    pending: Decimal | None = None
    section_lowest: int | None = None
    index = 0

    def note(value: Decimal, place: int) -> None:
        nonlocal section_lowest
        if value:
            where = place + _own_exponent(value)
            section_lowest = where if section_lowest is None else min(section_lowest, where)

    while index < len(span):
        char = span[index]
        if char.isdigit() or char == ".":
            end = index
            while end < len(span) and (span[end].isdigit() or span[end] == "."):
                end += 1
            if pending is not None or span[index:end].count(".") > 1 or span[end - 1] == ".":
                raise _RefusedError("two numbers in a row")
            pending = Decimal(span[index:end])
            index = end
            continue
        if char in _CN_DIGITS:
            if pending is not None:
                raise _RefusedError("two digits in a row")
            if _CN_DIGITS[char]:
                pending = Decimal(_CN_DIGITS[char])
        elif char in _CN_PLACES:
            if pending is None and (section or (index > 0 and span[index - 1] not in "万亿兆")):
                raise _RefusedError("a place without its digit")
            number = Decimal(1) if pending is None else pending
            section += number.scaleb(_CN_PLACES[char])
            note(number, _CN_PLACES[char])
            pending = None
        elif char == "点":
            digits = span[index + 1 :].rstrip("万亿兆")
            fraction = _digits_only("0." + digits) if digits else None
            if fraction is None or pending is None or _own_exponent(pending) < 0:
                raise _RefusedError("a point without digits around it")
            pending += fraction
            index += 1 + len(digits)
            continue
        else:  # 万, 亿, 兆; 万亿 is 万 then 亿, which multiplies it
            big = _CN_BIG[char] if char in _CN_BIG else _big_at(span, index, zhao)
            if pending is not None:
                section += pending
                note(pending, 0)
            value, lowest = section, section_lowest
            while chunks and chunks[-1][2] < big:
                earlier, earlier_lowest, _ = chunks.pop()
                value += earlier
                lowest = earlier_lowest if lowest is None else min(lowest, earlier_lowest)
            if lowest is None or (chunks and chunks[-1][2] == big):
                raise _RefusedError("a big unit without a number, or twice")
            chunks.append((value.scaleb(big), lowest + big, big))
            section, pending, section_lowest = Decimal(0), None, None
        index += 1
    if pending is not None:
        section += pending
        note(pending, 0)
    if section_lowest is not None:
        chunks.append((section, section_lowest, 0))
    total = sum((value for value, _, _ in chunks), Decimal(0))
    if not chunks or not total:
        raise _RefusedError("no number")
    return total.quantize(Decimal(1).scaleb(min(lowest for _, lowest, _ in chunks)))


def _own_exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return exponent


def _big_at(span: str, index: int, zhao: int | None) -> int:
    if span.startswith("万亿", index):
        return 12
    char = span[index]
    if char == "兆":
        if zhao is None:
            raise _RefusedError(
                "兆 is 10^12 in Taiwan and Japan but 10^6 as a metric prefix on the mainland: "
                "pass zhao='trillion' or zhao='million'",
                ambiguous=True,
            )
        return zhao
    return _CN_BIG[char]


def _cn_value(span: str, zhao: int | None) -> Decimal:
    if not any(c in _CN_PLACES for c in span):
        # 五八二点三亿: digit by digit, then at most one big unit
        number = span.rstrip("万亿兆")
        digits = _digits_only(number)
        if digits is not None and len(span) - len(number) <= 2:
            if number == span:
                return digits
            tail = span[len(number) :]
            if tail in {"万", "亿", "万亿", "兆"}:
                return digits.scaleb(_big_at(span, len(number), zhao))
        elif number == span:
            raise _RefusedError("not a numeral")
    return _positional(span, zhao)


def _written(value: Decimal, *, marks: bool) -> str:
    """The normal form of a value: digits, then a mark for the zeros not written."""
    exponent = _own_exponent(value)
    if exponent <= 0:
        return f"{value:f}"
    if not marks or exponent > _MAX_ZEROS:
        return f"{value:f}"
    coefficient = value.scaleb(-exponent)
    return f"{coefficient:f}{chr(ZERO_MARKS + exponent)}"


_FOLLOWER: Final = re.compile(
    r"\s{0,3}(" + "|".join(re.escape(w) for w in sorted(_FOLLOWERS, key=len, reverse=True)) + ")"
)


def _follows(text: str, end: int) -> str | None:
    """The word of a figure right after ``text[:end]``, if any (a few spaces allowed)."""
    found = _FOLLOWER.match(text, end)
    return found[1] if found else None


def _is_figure_span(text: str, span: str, start: int, end: int, *, percent_of: bool) -> bool:
    """Whether a run of numeral characters is a figure's number (a word of a figure follows).

    一带一路, 十四五, 第一大 and 一些 are words, not numbers: only a span that 百分之
    precedes, that a currency, unit, 倍, %, 个百分点, 月, 季度 or 年 follows, that holds
    万/亿/兆 with a digit, or that is written digit by digit with a point is read.
    """
    if span[0] in ".点百千万亿":  # a place word alone is no numeral (千克, 百分点)
        return False
    if not percent_of and not any(c in _CN_DIGITS or c in "十兆" for c in span):
        return False  # Arabic digits, which the readers take as they are
    has_big = any(c in "万亿兆" for c in span)
    digit_by_digit = ("点" in span or "." in span) and not any(c in _CN_PLACES for c in span)
    return percent_of or has_big or digit_by_digit or _follows(text, end) is not None


def _cheng(text: str, span: str, start: int, end: int, *, marks: bool) -> tuple[int, int, str]:
    """二成八 is 28%; 三成 is 30%, good to half of ten percent (成 is a tenth)."""
    after = text[end + 1 : end + 2]
    if after and after in _CN_DIGITS and not _SPAN.match(text, end + 2):
        return start, end + 2, f"{_CN_DIGITS[span]}{_CN_DIGITS[after]}%"
    return start, end + 1, _written(Decimal(_CN_DIGITS[span]).scaleb(1), marks=marks) + "%"


def _chinese_edits(
    text: str, *, zhao: int | None, marks: bool, strict: bool, what: str, source: str
) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    done = 0  # the end of the last edit: 二成八 takes the 八 with it
    for match in _SPAN.finditer(text):
        span, start, end = match.group(), match.start(), match.end()
        if start < done or len(span) > MAX_NUMERAL_CHARS or text.startswith(_PERCENT_OF, start):
            continue  # a numeral too long for a figure is left for the reader to refuse
        percent_of = text[max(0, start - 3) : start] == _PERCENT_OF
        if not percent_of and _ARABIC_SCALED.fullmatch(span):
            continue  # 1.5十万, 3千亿: a number and a scale word, which the readers know
        if span in _CN_DIGITS and text.startswith(_CHENG, end):
            edits.append(_cheng(text, span, start, end, marks=marks))
            done = edits[-1][1]
            continue
        if not _is_figure_span(text, span, start, end, percent_of=percent_of):
            continue
        try:
            value = _cn_value(span, zhao)
        except _RefusedError as refused:
            if strict:
                error = AmbiguityError if refused.ambiguous else ParseError
                raise error(
                    f"cannot read {quote(source)} as {what}: {span!r} is no Chinese numeral "
                    f"tradestats reads ({refused})",
                    value=source,
                    needs="zhao" if refused.ambiguous else None,
                ) from None
            continue
        # A count of months or years is exact: 十月 is October, not 10 ± 5
        exact = _follows(text, end) in _COUNTED
        written = _written(value, marks=marks and not exact) + ("%" if percent_of else "")
        edits.append((start - 3 if percent_of else start, end, written))
        done = end
    return edits


def normalize(
    text: str,
    *,
    locale: str | None = None,
    zhao: str | None = None,
    marks: bool = True,
    strict: bool = True,
    what: str = "a figure",
) -> Normalized:
    """The normal form of ``text`` (see the module's description).

    Args:
        text: The text as written.
        locale: How its numbers are written; ``None`` refuses any form a locale
            would read otherwise.
        zhao: How to read 兆: ``"trillion"`` or ``"million"``; ``None`` refuses it.
        marks: Whether to mark unwritten zeros of Chinese numerals (a figure's
            precision); periods and counts want plain digits.
        strict: Whether a numeral that cannot be read raises (a figure's
            text), or is left out of reach of the readers (a running text).
        what: What the text should be, for messages.

    Raises:
        AmbiguityError: For 兆 without ``zhao``, or "1,234" without ``locale``.
        ParseError: For a numeral not written as ``locale`` writes numbers.

    >>> normalize("一兆八千億美元", zhao="trillion").text == "18" + chr(ZERO_MARKS + 11) + "美元"
    True
    >>> normalize("12,4 Mrd. Euro", locale="de").text, normalize("百分之六点五").text
    ('12.4 Mrd. Euro', '6.5%')
    >>> normalize("一带一路").text, normalize("二成八").text
    ('一带一路', '28%')
    """
    fmt = number_format(locale)
    zhao_power = zhao_exponent(zhao)
    translated = text.translate(TRADITIONAL)
    origin = (list(range(len(text) + 1)), list(range(1, len(text) + 1)))
    edits = _locale_edits(translated, fmt, strict=strict, what=what, source=text)
    current, origin = _replace(translated, origin, edits)
    if current.isascii():  # no Chinese numeral, 百分之 or 成: nothing for them to edit
        return Normalized(current, tuple(origin[0]), tuple(origin[1]), text)
    edits = _chinese_edits(
        current, zhao=zhao_power, marks=marks, strict=strict, what=what, source=text
    )
    current, origin = _replace(current, origin, edits)
    return Normalized(current, tuple(origin[0]), tuple(origin[1]), text)
