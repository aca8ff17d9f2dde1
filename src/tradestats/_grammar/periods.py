"""The grammar of periods: ISO-like, English and Chinese names of runs of months.

Each form is one anchored regular expression with no nested quantifiers, and
text longer than :data:`~tradestats.limits.MAX_PERIOD_CHARS` (after stripping) is refused before any
is tried, so reading is linear in the length of the text. The reader returns a
:class:`ParsedPeriod` of first and last month; whether those make a period (a
month from 1 to 12, an end not before the start) is for :class:`~tradestats.Period`
to say.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from attrs import frozen

from tradestats._grammar._normalize import normalize
from tradestats._grammar._tokens import quote
from tradestats._grammar._words import (
    MONTH_ABBREVIATIONS,
    NUMBER_WORDS,
    RANGE_WORDS,
)
from tradestats.errors import InvalidValueError, ParseError
from tradestats.limits import MAX_PERIOD_CHARS

__all__ = ["CALENDARS", "MAX_PERIOD_CHARS", "ParsedPeriod", "read_period"]

# English ranges take the dashes and "to"/"through"; Chinese ones the dashes, 至 and 到.
_EN_RANGE: Final = "|".join(re.escape(w) for w in RANGE_WORDS if w.isascii() or w in "–—")
_ZH_RANGE: Final = "|".join(re.escape(w) for w in RANGE_WORDS if not (w.isascii() and w.isalpha()))
# A month name: its three letters, then any more letters and an optional full stop.
_MONTH: Final = r"([a-z]{3})[a-z]*\.?"

_ISO_YEAR = re.compile(r"([0-9]{4})")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_ISO_QUARTER = re.compile(r"([0-9]{4})[-\s]?Q([1-4])", re.IGNORECASE)
_ISO_HALF = re.compile(r"([0-9]{4})[-\s]?H([12])", re.IGNORECASE)
_ISO_SPAN = re.compile(r"([0-9]{4})-([0-9]{2})/(?:([0-9]{4})-)?([0-9]{2})")
_EN_MONTHS = re.compile(
    rf"{_MONTH}(?:\s*(?:{_EN_RANGE})\s*{_MONTH})?,?\s+([0-9]{{4}})", re.IGNORECASE
)
_EN_QUARTER = re.compile(r"Q([1-4])\s+([0-9]{4})", re.IGNORECASE)
_EN_HALF = re.compile(r"H([12])\s+([0-9]{4})", re.IGNORECASE)
_EN_CROSS_YEAR = re.compile(
    rf"{_MONTH}\s+([0-9]{{4}})\s*(?:{_EN_RANGE})\s*{_MONTH}\s+([0-9]{{4}})", re.IGNORECASE
)
_EN_FIRST_MONTHS = re.compile(r"(?:the\s+)?first\s+(\w+)\s+months?\s+(?:of\s+)?([0-9]{4})", re.I)

# Chinese and Taiwanese: [民国] [year 年] then a part of the year, or 全年. A text in
# normal form, so 前三季度 is 前3季度 and 億 is 亿.
_ZH_PART: Final = (
    r"(?P<whole>全年)"
    rf"|(?P<m1>[0-9]{{1,2}})\s*月?\s*(?:{_ZH_RANGE})\s*(?P<m2>[0-9]{{1,2}})\s*月份?"
    r"|(?P<m>[0-9]{1,2})\s*月份?"
    r"|前\s*(?P<first>[0-9]{1,2})\s*个?\s*月份?"
    r"|前\s*(?P<firstq>[1-4])\s*个?\s*季度?"
    r"|第?\s*(?P<q>[1-4])\s*季度?"
    r"|(?P<half>[上下])\s*半年(?:度)?"
)
_ZH = re.compile(
    rf"(?:(?P<roc>民国)?\s*(?P<year>[0-9]{{1,4}})\s*年(?:度)?|(?P<rel>今年|本年|去年|上年))?"
    rf"\s*(?:{_ZH_PART})?\s*"
)
# English parts of a year, with or without the year: "the first seven months",
# "January-July", "Jan–Jul", "H1", "Q3", "first half", "the first three quarters".
_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2}
_ORDINALS_34: Final = {"3rd": 3, "4th": 4}
_EN_PART: Final = (
    r"(?:the\s+)?first\s+(?P<count>\w+)\s+months?"
    r"|(?:the\s+)?first\s+(?P<qcount>\w+)\s+quarters"
    r"|(?:the\s+)?(?P<ordq>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
    r"|(?:the\s+)?(?P<ordh>first|second|1st|2nd)\s+half"
    r"|Q(?P<qn>[1-4])|H(?P<hn>[12])"
    rf"|(?P<ma>[a-z]{{3}})[a-z]*\.?\s*(?:{_EN_RANGE})\s*(?P<mb>[a-z]{{3}})[a-z]*\.?"
    r"|(?P<mo>[a-z]{3})[a-z]*\.?"
)
_EN = re.compile(
    rf"(?:{_EN_PART})"
    rf"(?:\s*,?\s*(?:of\s+|in\s+)?(?:(?P<year>[0-9]{{4}})|(?P<rel>this|last)\s+year))?",
    re.IGNORECASE,
)
#: Words of a year relative to the article's date: this year, last year.
_LAST_YEAR: Final = frozenset({"去年", "上年", "last"})

#: The calendars a year may be written in.
CALENDARS: Final = ("gregorian", "roc")
_ROC_OFFSET: Final = 1911  # 民国1年 is 1912


@frozen
class ParsedPeriod:
    """A period as written: its first and last month (not yet checked)."""

    start_year: int
    start_month: int
    end_year: int
    end_month: int


def _span(year: int, first: int, last: int) -> ParsedPeriod:
    return ParsedPeriod(year, first, year, last)


def read_period(  # noqa: PLR0911, PLR0912 - one branch per form
    text: str, *, reference: date | None = None, calendar: str | None = None
) -> ParsedPeriod:
    """Read a period: ``2023``, ``2023-07``, ``2023-Q2``, ``Jan–Jul 2023``, ``2023年1-7月``.

    Args:
        text: The period as written.
        reference: The date of the article, for a period that names no year
            (前7个月, "H1", "January-July"): the latest such period that ends in
            or before the reference's month.
        calendar: ``"roc"`` to read a year of one to three digits (113年) as a
            year of the Republic of China (113 is 2024); 民国113年 says so itself.

    Raises:
        ParseError: For text that is no period, naming it; for a period without a
            year and no ``reference``; for a three-digit year without ``calendar``.
        InvalidValueError: For a ``reference`` that is no date, or an unknown calendar.

    >>> read_period("first seven months of 2023")
    ParsedPeriod(start_year=2023, start_month=1, end_year=2023, end_month=7)
    >>> read_period("前三季度", reference=date(2023, 10, 20))
    ParsedPeriod(start_year=2023, start_month=1, end_year=2023, end_month=9)
    >>> read_period("民國113年上半年")
    ParsedPeriod(start_year=2024, start_month=1, end_year=2024, end_month=6)
    """
    _check_options(reference, calendar)
    stripped = text.strip()
    if len(stripped) <= MAX_PERIOD_CHARS:
        if m := _ISO_YEAR.fullmatch(stripped):
            return _span(int(m[1]), 1, 12)
        if m := _ISO_MONTH.fullmatch(stripped):
            return _span(int(m[1]), int(m[2]), int(m[2]))
        if m := _ISO_QUARTER.fullmatch(stripped):
            return _span(int(m[1]), 3 * int(m[2]) - 2, 3 * int(m[2]))
        if m := _EN_QUARTER.fullmatch(stripped):
            return _span(int(m[2]), 3 * int(m[1]) - 2, 3 * int(m[1]))
        if m := _ISO_HALF.fullmatch(stripped):
            return _span(int(m[1]), 6 * int(m[2]) - 5, 6 * int(m[2]))
        if m := _EN_HALF.fullmatch(stripped):
            return _span(int(m[2]), 6 * int(m[1]) - 5, 6 * int(m[1]))
        if m := _EN_CROSS_YEAR.fullmatch(stripped):
            first, last = _month_number(m[1], stripped), _month_number(m[3], stripped)
            return ParsedPeriod(int(m[2]), first, int(m[4]), last)
        if m := _EN_FIRST_MONTHS.fullmatch(stripped):
            return _span(int(m[2]), 1, _count(m[1], stripped))
        if m := _ISO_SPAN.fullmatch(stripped):
            return ParsedPeriod(int(m[1]), int(m[2]), int(m[3] or m[1]), int(m[4]))
        if m := _EN_MONTHS.fullmatch(stripped):
            first = _month_number(m[1], stripped)
            return _span(int(m[3]), first, _month_number(m[2], stripped) if m[2] else first)
        if m := _EN.fullmatch(stripped):
            return _english(m, text, reference)
        normal = normalize(stripped, marks=False, strict=False).text
        if (m := _ZH.fullmatch(normal)) and m.lastindex:
            return _chinese(m, text, reference, calendar)
    raise ParseError(
        f"cannot read {quote(text)} as a period: expected '2023', '2023-07', '2023-Q2', "
        "'2023-H1', '2023-01/2023-07', 'Jan–Jul 2023', '2023年1-7月' or, with a reference "
        "date, '前7个月', 'H1', 'January-July'",
        value=text,
    )


def _check_options(reference: date | None, calendar: str | None) -> None:
    if reference is not None and not isinstance(reference, date):
        raise InvalidValueError(
            f"a reference must be a date (the article's date), got {quote(reference)}",
            value=reference,
        )
    if calendar is not None and calendar not in CALENDARS:
        raise InvalidValueError(
            f"unknown calendar {quote(calendar)}: expected one of "
            f"{', '.join(map(repr, CALENDARS))}",
            value=calendar,
        )


def _dated(
    year: int | None, first: int, last: int, text: str, reference: date | None
) -> ParsedPeriod:
    """Months ``first``–``last`` of ``year``, or the latest such period up to ``reference``."""
    if year is not None:
        return _span(year, first, last)
    if reference is None:
        raise ParseError(
            f"cannot read {quote(text)} as a period: it names no year; pass reference= (the "
            "article's date) to take the latest such period that ends by then",
            value=text,
            needs="reference",
        )
    # A release reports on months that are over: the latest such period ending by the
    # reference month (前11个月 in an article of January 2024 is January–November 2023).
    year = reference.year if last <= reference.month else reference.year - 1
    return _span(year, first, last)


def _relative_year(word: str, text: str, reference: date | None) -> int:
    """The year "this year", 今年, "last year" or 去年 stands for, from the article's date."""
    if reference is None:
        raise ParseError(
            f"cannot read {quote(text)} as a period: {quote(word)} is a year counted from the "
            "article's date; pass reference=",
            value=text,
            needs="reference",
        )
    return reference.year - 1 if word.lower() in _LAST_YEAR else reference.year


def _english(  # noqa: PLR0911 - one return per form
    m: re.Match[str], text: str, reference: date | None
) -> ParsedPeriod:
    year = int(m["year"]) if m["year"] else None
    if m["rel"]:
        year = _relative_year(m["rel"], text, reference)
    if m["count"]:
        return _dated(year, 1, _count(m["count"], text), text, reference)
    if m["qcount"]:
        return _dated(year, 1, 3 * _quarters(m["qcount"], text), text, reference)
    if m["ordq"]:
        quarter = {**_ORDINALS, **_ORDINALS_34}[m["ordq"].lower()]
        return _dated(year, 3 * quarter - 2, 3 * quarter, text, reference)
    if m["ordh"]:
        half = _ORDINALS[m["ordh"].lower()]
        return _dated(year, 6 * half - 5, 6 * half, text, reference)
    if m["qn"]:
        return _dated(year, 3 * int(m["qn"]) - 2, 3 * int(m["qn"]), text, reference)
    if m["hn"]:
        return _dated(year, 6 * int(m["hn"]) - 5, 6 * int(m["hn"]), text, reference)
    if m["ma"]:
        first, last = _month_number(m["ma"], text), _month_number(m["mb"], text)
        return _dated(year, first, last, text, reference)
    month = _month_number(m["mo"], text)
    return _dated(year, month, month, text, reference)


def _chinese(  # noqa: PLR0911 - one return per form
    m: re.Match[str], text: str, reference: date | None, calendar: str | None
) -> ParsedPeriod:
    year = _year(m["year"], roc=bool(m["roc"]), calendar=calendar, text=text) if m["year"] else None
    if m["rel"]:
        year = _relative_year(m["rel"], text, reference)
    if m["m1"]:
        return _dated(year, int(m["m1"]), int(m["m2"]), text, reference)
    if m["m"]:
        return _dated(year, int(m["m"]), int(m["m"]), text, reference)
    if m["first"]:
        return _dated(year, 1, int(m["first"]), text, reference)
    if m["firstq"]:
        return _dated(year, 1, 3 * int(m["firstq"]), text, reference)
    if m["q"]:
        return _dated(year, 3 * int(m["q"]) - 2, 3 * int(m["q"]), text, reference)
    if m["half"]:
        half = 1 if m["half"] == "上" else 2
        return _dated(year, 6 * half - 5, 6 * half, text, reference)
    return _dated(year, 1, 12, text, reference)


def _year(digits: str, *, roc: bool, calendar: str | None, text: str) -> int:
    """A year as written: four digits, or a year of the Republic of China."""
    if roc:
        return int(digits) + _ROC_OFFSET
    if len(digits) == 4:
        return int(digits)
    if calendar == "roc":
        return int(digits) + _ROC_OFFSET
    raise ParseError(
        f"cannot read {quote(text)} as a period: {digits}年 is a year of the Republic of China "
        f"calendar ({int(digits) + _ROC_OFFSET} if so) only if you say so: pass calendar='roc', "
        "or write the year with four digits",
        value=text,
        needs="calendar",
    )


def _quarters(word: str, text: str) -> int:
    count = _count(word, text)
    if count > 4:
        raise ParseError(
            f"cannot read {quote(text)} as a period: a year has four quarters", value=text
        )
    return count


def _count(word: str, text: str) -> int:
    """A number of months written in digits or words ("7", "seven")."""
    if word.isascii() and word.isdecimal():  # int() reads "٣" and "３" too: ASCII only
        return int(word)
    try:
        return NUMBER_WORDS.index(word.lower()) + 1
    except ValueError:
        raise ParseError(
            f"cannot read {quote(text)} as a period: {quote(word)} is not a number of months",
            value=text,
        ) from None


def _month_number(name: str, text: str) -> int:
    try:
        return MONTH_ABBREVIATIONS.index(name[:3].lower()) + 1
    except ValueError:
        raise ParseError(
            f"cannot read {quote(text)} as a period: {quote(name)} is not a month", value=text
        ) from None
