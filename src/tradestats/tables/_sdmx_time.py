"""Private: SDMX time periods (TIME_PERIOD) as the core's month-granular periods.

SDMX writes a period in the form of its frequency: ``2023`` (A), ``2023-S1``
(S), ``2023-Q1`` (Q), ``2023-01`` or ``2023-M01`` (M), ``2023-A1`` (a year
written as a reporting period); some agencies drop the hyphen (``2023M01``,
``2023Q1``, the IMF's older messages). A time range (SDMX 2.1's
ObservationalTimePeriod) such as ``2023-M01/2023-M07``, ``2023-01/2023-07`` or
``2023-01-01/P7M`` covers several months, as a year-to-date figure does.
Weeks and days are finer than a month, so they are refused.

>>> sdmx_period("2023-S2"), sdmx_period("2023M07"), sdmx_period("2023-01-01/P7M")
('2023-H2', '2023-07', '2023-01/2023-07')
"""

from __future__ import annotations

import re
from typing import Final

from tradestats._text import quote
from tradestats.errors import ParseError
from tradestats.periods import Period

__all__ = ["sdmx_period"]

# One period of a frequency: year, then an optional period letter and number.
_ONE: Final = re.compile(
    r"^(?P<year>[0-9]{4})(?:-?(?P<letter>[AaSsHhQqMm])(?P<number>[0-9]{1,2})|-(?P<month>[0-9]{2}))?"
    r"(?:-(?P<day>[0-9]{2}))?$"
)
_DURATION: Final = re.compile(r"^P(?:(?P<years>[0-9]+)Y)?(?:(?P<months>[0-9]+)M)?$")
# Months in one period of each SDMX reporting-period letter (H is an older name of S).
_MONTHS: Final = {"A": 12, "S": 6, "H": 6, "Q": 3, "M": 1}
_EXPECTED: Final = (
    "expected an SDMX period of frequency A, S, Q or M, such as '2023', '2023-S1', "
    "'2023-Q1', '2023-01' or '2023-M01', or a range such as '2023-M01/2023-M07'"
)


def _months(text: str) -> tuple[int, int, bool]:
    """The first and last month index of one period, and whether it is a single day."""
    match = _ONE.match(text.strip())
    if match is None:
        raise ParseError(f"cannot read {quote(text)} as a period: {_EXPECTED}", value=text)
    year = int(match["year"])
    if match["letter"]:
        size = _MONTHS[match["letter"].upper()]
        number = int(match["number"])
        if not 1 <= number <= 12 // size:
            raise ParseError(
                f"cannot read {quote(text)} as a period: a year has {12 // size} of its "
                f"{match['letter'].upper()} periods, not {number}",
                value=text,
            )
        first = year * 12 + (number - 1) * size
        return first, first + size - 1, False
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise ParseError(f"cannot read {quote(text)} as a period: no month {month}", value=text)
        return year * 12 + month - 1, year * 12 + month - 1, match["day"] is not None
    return year * 12, year * 12 + 11, False


def sdmx_period(text: str) -> str:
    """The ISO form of the core :class:`~tradestats.Period` an SDMX ``TIME_PERIOD`` names.

    Raises:
        ParseError: For a period finer than a month (a week, a day), a range
            that does not start on the first day of a month or ends before it
            starts, or text that is no SDMX period.

    >>> sdmx_period("2023"), sdmx_period("2023-Q2"), sdmx_period("2023-M01/2023-M07")
    ('2023', '2023-Q2', '2023-01/2023-07')
    """
    start_text, slash, end_text = text.strip().partition("/")
    first, last, day = _months(start_text)
    if slash:
        duration = _DURATION.match(end_text.strip())
        if duration is not None and (duration["years"] or duration["months"]):
            length = int(duration["years"] or 0) * 12 + int(duration["months"] or 0)
            if day and not start_text.strip().endswith("-01"):
                raise ParseError(
                    f"cannot read {quote(text)} as a period: a range of months starts on a "
                    f"first day",
                    value=text,
                )
            last = first + length - 1
        else:
            _, last, _ = _months(end_text)
            if last < first:
                raise ParseError(
                    f"cannot read {quote(text)} as a period: it ends before it starts", value=text
                )
    elif day:
        raise ParseError(
            f"cannot read {quote(text)} as a period: days are finer than the months tradestats "
            f"counts; {_EXPECTED}",
            value=text,
        )
    return Period.from_month_indices(first, last).isoformat()
