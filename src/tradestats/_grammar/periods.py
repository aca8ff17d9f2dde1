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
from typing import Final

from attrs import frozen

from tradestats._grammar._tokens import quote
from tradestats._grammar._words import (
    CJK_DIGITS,
    MONTH_ABBREVIATIONS,
    NUMBER_WORDS,
    RANGE_WORDS,
)
from tradestats.errors import ParseError
from tradestats.limits import MAX_PERIOD_CHARS

__all__ = ["MAX_PERIOD_CHARS", "ParsedPeriod", "read_period"]

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
_ZH_YEAR = re.compile(r"([0-9]{4})\s*年(?:全年)?")
_ZH_MONTHS = re.compile(
    rf"([0-9]{{4}})\s*年\s*([0-9]{{1,2}})(?:\s*(?:{_ZH_RANGE})\s*([0-9]{{1,2}}))?\s*月(?:份)?"
)
_ZH_FIRST_MONTHS = re.compile(r"([0-9]{4})\s*年\s*前\s*([0-9]{1,2})\s*(?:个)?\s*月")
_ZH_QUARTER = re.compile(rf"([0-9]{{4}})\s*年\s*第?\s*([{''.join(CJK_DIGITS)}1-4])\s*季度")


@frozen
class ParsedPeriod:
    """A period as written: its first and last month (not yet checked)."""

    start_year: int
    start_month: int
    end_year: int
    end_month: int


def _span(year: int, first: int, last: int) -> ParsedPeriod:
    return ParsedPeriod(year, first, year, last)


def read_period(text: str) -> ParsedPeriod:  # noqa: PLR0911, PLR0912 - one branch per form
    """Read a period: ``2023``, ``2023-07``, ``2023-Q2``, ``Jan–Jul 2023``, ``2023年1-7月``.

    Raises:
        ParseError: For text that is no period, naming it.

    >>> read_period("first seven months of 2023")
    ParsedPeriod(start_year=2023, start_month=1, end_year=2023, end_month=7)
    """
    stripped = text.strip()
    if len(stripped) <= MAX_PERIOD_CHARS:
        if m := _ISO_YEAR.fullmatch(stripped) or _ZH_YEAR.fullmatch(stripped):
            return _span(int(m[1]), 1, 12)
        if m := _ISO_MONTH.fullmatch(stripped):
            return _span(int(m[1]), int(m[2]), int(m[2]))
        if m := _ISO_QUARTER.fullmatch(stripped) or _ZH_QUARTER.fullmatch(stripped):
            quarter = CJK_DIGITS.get(m[2]) or int(m[2])
            return _span(int(m[1]), 3 * quarter - 2, 3 * quarter)
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
        if m := _ZH_MONTHS.fullmatch(stripped):
            return _span(int(m[1]), int(m[2]), int(m[3] or m[2]))
        if m := _ZH_FIRST_MONTHS.fullmatch(stripped):
            return _span(int(m[1]), 1, int(m[2]))
    raise ParseError(
        f"cannot read {quote(text)} as a period: expected '2023', '2023-07', '2023-Q2', "
        "'2023-H1', '2023-01/2023-07', 'Jan–Jul 2023' or '2023年1-7月'",
        value=text,
    )


def _count(word: str, text: str) -> int:
    """A number of months written in digits or words ("7", "seven")."""
    if word.isascii() and word.isdecimal():  # int() reads "٣" and "３" too: ASCII only
        return int(word)
    try:
        return NUMBER_WORDS.index(word.lower()) + 1
    except ValueError:
        raise ParseError(
            f"cannot read {text!r} as a period: {word!r} is not a number of months", value=text
        ) from None


def _month_number(name: str, text: str) -> int:
    try:
        return MONTH_ABBREVIATIONS.index(name[:3].lower()) + 1
    except ValueError:
        raise ParseError(
            f"cannot read {text!r} as a period: {name!r} is not a month", value=text
        ) from None
