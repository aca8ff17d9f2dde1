"""Period phrases of an article ("the first seven months", 前7个月, "im April"), resolved.

Private to :mod:`tradestats.extraction`. A phrase whose year is not written takes it
from the article's date (a month after the date's month is last year's) or,
without a date, from the last year the article wrote; such a period is marked
implicit so that the draft report asks for a review. A phrase after "from",
"than", "gegenüber", 比 … names a base, not the period of a figure, and is skipped.
Calendar years of the Republic of China (113年 is 2024) are read only in
traditional Chinese, and marked for review.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from attrs import frozen

from tradestats.errors import TradeStatsError
from tradestats.extraction._words import MONTHS, NUMBER_WORDS
from tradestats.periods import Period

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable

__all__ = ["Mention", "find_periods"]

_MONTH_NAMES: Final = "|".join(re.escape(name) for name in sorted(MONTHS, key=len, reverse=True))
_EN_MONTH_ABBREV: Final = "|".join(
    ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
)
_COUNT: Final = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_YEAR: Final = r"(?P<year>(?:19|20)\d{2})"
_REL_EN: Final = r"(?P<rel>this|the|last|the current|the previous|the same)"
# What stands before a base: "from 2015", "than November", "gegenüber August", 比2019年.
_BASE_BEFORE: Final = re.compile(
    r"(?:\b(?:from|than|over|since|compared with|compared to|versus|vs\.?|gegenüber|als|"
    r"seit|Vergleich zu[mr]?|zum)\s+(?:the\s+|in\s+|im\s+|dem\s+|same\s+|Jahr\s+|year\s+)*|"
    r"\bperiod\s+|[比较較与與])$"
)
_ALONE: Final = re.compile(r"\s*(?:alone\b|on its own\b|当月|當月|单月|單月)")
_CJK_MONTH: Final = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
# Not within a longer number: a month or year is never the tail of one, and the
# guard makes each position of a long digit run fail at once (hostile texts).
_CJK_YEAR: Final = r"(?<!\d)(?:(?P<year>\d{4})年|(?P<rel>今年|去年|上年|本年|同年))?"


@frozen
class Mention:
    """A period phrase: where it stands, the period, and whether its year was implicit."""

    start: int
    end: int
    period: Period
    implicit: bool
    note: str | None = None
    #: "In July alone", 7月当月: the period of its own sentence, not carried beyond it.
    alone: bool = False


@frozen
class _Found:
    """What a phrase says before its year is resolved: months first to last."""

    first: int
    last: int
    year: int | None
    relative: str | None


def _count(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text in MONTHS:
        return MONTHS[text]
    if text.rstrip(".").capitalize() in _ABBREVIATIONS:
        return _ABBREVIATIONS[text.rstrip(".").capitalize()]
    return NUMBER_WORDS[text]


_ABBREVIATIONS: Final = {
    name: number
    for number, names in enumerate(
        [("Jan",), ("Feb",), ("Mar",), ("Apr",), ("May",), ("Jun",), ("Jul",), ("Aug",),
         ("Sep", "Sept"), ("Oct",), ("Nov",), ("Dec",)],
        start=1,
    )
    for name in names
}  # fmt: skip


def _year_of(match: re.Match[str]) -> tuple[int | None, str | None]:
    groups = match.groupdict()
    year = groups.get("year")
    return (int(year) if year else None), groups.get("rel")


def _ytd(match: re.Match[str]) -> _Found:
    year, rel = _year_of(match)
    return _Found(1, _count(match["n"]), year, rel)


def _span(match: re.Match[str]) -> _Found:
    year, rel = _year_of(match)
    return _Found(_month(match["m1"]), _month(match["m2"]), year, rel)


def _one_month(match: re.Match[str]) -> _Found:
    year, rel = _year_of(match)
    month = _month(match["m"])
    return _Found(month, month, year, rel)


def _half(match: re.Match[str]) -> _Found:
    year, rel = _year_of(match)
    second = match["h"].lower() in ("second", "2", "下", "zweiten")
    return _Found(7, 12, year, rel) if second else _Found(1, 6, year, rel)


def _quarter(match: re.Match[str]) -> _Found:
    year, rel = _year_of(match)
    words = {"first": 1, "second": 2, "third": 3, "fourth": 4}
    text = match["q"].lower()
    quarter = words.get(text) or (int(text) if text.isdigit() else NUMBER_WORDS[text])
    if match.groupdict().get("upto"):
        return _Found(1, 3 * quarter, year, rel)
    return _Found(3 * quarter - 2, 3 * quarter, year, rel)


def _whole_year(match: re.Match[str]) -> _Found:
    year, rel = _year_of(match)
    return _Found(1, 12, year, rel)


def _last_month(_match: re.Match[str]) -> _Found:
    return _Found(0, 0, None, "last month")


def _roc_year(match: re.Match[str]) -> _Found:
    return _Found(1, 12, int(match["roc"]) + 1911, "roc")


_Handler = tuple[re.Pattern[str], "Callable[[re.Match[str]], _Found]"]

_ENGLISH: Final[tuple[_Handler, ...]] = (
    (
        re.compile(
            r"\b(?:the\s+)?(?:first|initial|opening)\s+" + _COUNT + r"\s+months"
            r"(?:\s+of\s+(?:" + _YEAR + r"|" + _REL_EN + r"\s+year))?",
            re.I,
        ),
        _ytd,
    ),
    (
        re.compile(
            r"\b(?:between\s+)?(?P<m1>" + _MONTH_NAMES + "|" + _EN_MONTH_ABBREV + r")\.?"
            r"\s*(?:-|–|—|to|through|and|bis)\s*(?P<m2>" + _MONTH_NAMES + "|" + _EN_MONTH_ABBREV
            + r")\.?(?:\s+" + _YEAR + r")?"
        ),
        _span,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of\s+(?:" + _YEAR + r"|" + _REL_EN
            + r"\s+year))?",
            re.I,
        ),
        _half,
    ),
    (re.compile(r"\bH(?P<h>[12])\s*" + _YEAR + r"?\b"), _half),
    (
        re.compile(
            r"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter(?:\s+of\s+" + _YEAR
            + r")?",
            re.I,
        ),
        _quarter,
    ),
    (re.compile(r"\bQ(?P<q>[1-4])\s*" + _YEAR + r"?\b"), _quarter),
    (re.compile(r"\blast month\b", re.I), _last_month),
    (
        re.compile(
            r"(?<![\w.])(?P<m>" + _MONTH_NAMES + r")(?:\s+" + _YEAR + r")?(?![\w-])(?!\s*\d{1,2}\b)"
        ),
        _one_month,
    ),
    (re.compile(r"\b(?:im\s+)?(?P<h>ersten|zweiten)\s+Halbjahr(?:\s+" + _YEAR + r")?"), _half),
    (re.compile(r"\b(?P<rel>im vergangenen|last|this) (?:Jahr|year)\b"), _whole_year),
    (re.compile(r"(?<![\d.,])" + _YEAR + r"(?![\d%]|[.,]\d|\s*(?:Prozent|percent|per cent))"),
     _whole_year),
)  # fmt: skip

_CHINESE: Final[tuple[_Handler, ...]] = (
    (
        re.compile(
            _CJK_YEAR + r"(?:前|首)(?P<n>\d{1,2}|十[一二]?|[一二三四五六七八九])[个個]?月"
        ),
        _ytd,
    ),
    (
        re.compile(
            _CJK_YEAR + r"(?P<m1>\d{1,2})\s*(?:-|—|–|~|～|至|到)\s*(?P<m2>\d{1,2})\s*月(?:份)?"
        ),
        _span,
    ),
    (re.compile(_CJK_YEAR + r"(?P<h>上|下)半年"), _half),
    (re.compile(_CJK_YEAR + r"(?P<upto>前)(?P<q>[一二三])季度"), _quarter),
    (re.compile(_CJK_YEAR + r"(?:第|首)?(?P<q>[一二三四1-4])季度?(?!度)"), _quarter),
    (re.compile(_CJK_YEAR + r"首季"), lambda match: _Found(1, 3, *_year_of(match))),
    (re.compile(_CJK_YEAR + _CJK_MONTH + r"月(?:份)?(?![\d一二三四五六七八九十]{1,3}[日号號])"),
     _one_month),
    (re.compile(r"(?<!\d)(?P<year>\d{4})年(?![\d一二三四五六七八九十上下前首第])"), _whole_year),
    (re.compile(r"(?P<rel>去年|上年)(?![同\d一二三四五六七八九十上下前首第])"), _whole_year),
)  # fmt: skip

_ROC: Final = re.compile(
    r"(?:民國|民国)?(?<!\d)(?P<roc>\d{2,3})年(?![\d一二三四五六七八九十上下前首第])"
)


def _resolve(  # noqa: PLR0911 - a return per shape of period
    found: _Found, date: datetime.date | None, context_year: int | None
) -> tuple[Period, bool] | None:
    """The period a phrase names, and whether its year was implicit; None if unknown."""
    if found.relative == "last month":
        if date is None:
            return None
        month = date.month - 1 or 12
        return Period.month(date.year if date.month > 1 else date.year - 1, month), True
    implicit = found.year is None
    year: int | None = found.year
    if year is None:
        rel = (found.relative or "").strip().lower()
        if rel in ("去年", "上年", "last", "the previous", "im vergangenen"):
            if date is None:
                return None
            year = date.year - 1
        elif rel in ("今年", "本年", "this", "the current") and date is not None:
            year = date.year
        elif date is not None:
            year = date.year if found.last <= date.month else date.year - 1
        else:
            year = context_year
    if year is None:
        return None
    if found.first == found.last:
        return Period.month(year, found.first), implicit
    if (found.first, found.last) == (1, 12):
        return Period.year(year), implicit
    if found.first == 1:
        return Period.year_to_date(year, found.last), implicit
    return Period.span(f"{year}-{found.first:02d}", f"{year}-{found.last:02d}"), implicit


def _is_base(text: str, start: int) -> bool:
    return _BASE_BEFORE.search(text[max(0, start - 40) : start]) is not None


def find_periods(  # noqa: PLR0912 - the overlap, base and year rules, each once
    text: str, language: str, date: datetime.date | None
) -> list[Mention]:
    """Every period phrase of the text that names a figure's period, in order."""
    handlers = _CHINESE if language.startswith("zh") else _ENGLISH
    found: list[tuple[int, int, _Found, str | None]] = []
    for pattern, handler in handlers:
        for match in pattern.finditer(text):
            try:
                what = handler(match)
            except (KeyError, ValueError):
                continue
            found.append((match.start(), match.end(), what, None))
    if language == "zh-hant":
        for match in _ROC.finditer(text):
            roc = int(match["roc"])
            if 1 <= roc <= 200:
                roc_note = f"{match.group()} read as a year of the Republic of China: {roc + 1911}"
                found.append((match.start(), match.end(), _roc_year(match), roc_note))
    # The longest phrase wins where phrases overlap ("1-7月" over "7月").
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    mentions: list[Mention] = []
    end = -1
    context_year: int | None = date.year if date is not None else None
    written: set[int] = set()  # years the article wrote: a later phrase of that year is clear
    for start, stop, what, note in found:
        if start < end:
            continue
        end = stop
        if what.year is not None and note is None:
            written.add(what.year)
            if date is None:
                context_year = what.year
        if _is_base(text, start):
            continue
        try:
            resolved = _resolve(what, date, context_year)
        except TradeStatsError:
            continue  # a month 13 or a year out of range: no period
        if resolved is None:
            continue
        period, implicit = resolved
        if what.relative in ("今年", "本年", "this", "the current") or (
            implicit
            and what.relative in (None, "the", "the same")
            and int(period.isoformat()[:4]) in written
        ):
            implicit = False  # "this year", or a year the article wrote before
        alone = _ALONE.match(text, stop) is not None
        mentions.append(Mention(start, stop, period, implicit or note is not None, note, alone))
    return mentions
