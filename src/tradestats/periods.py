"""Month-granular periods: months, quarters, halves, years, year-to-date and any span.

Trade statistics are published for whole months and runs of months: "January to
July 2023" is a year-to-date period of seven months, and year-on-year growth
compares it with January to July 2022, never with the whole of 2022.

>>> from tradestats import Period
>>> jan_jul = Period.year_to_date(2023, 7)
>>> jan_jul, jan_jul.months, jan_jul.previous_year()
(Period('2023-01/2023-07'), 7, Period('2022-01/2022-07'))
>>> Period.parse("2023-Q2") in Period.year(2023)
True
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final, Self, TypeAlias

from attrs import field, frozen

from tradestats._grammar import read_period
from tradestats._grammar._words import MONTH_ABBREVIATIONS
from tradestats._text import quote
from tradestats.errors import InvalidValueError, ParseError, PeriodMismatchError

if TYPE_CHECKING:
    from datetime import date

__all__ = ["Lag", "Period", "PeriodKind", "Versus", "as_period", "as_versus"]

_LABELS: Final = tuple(name.title() for name in MONTH_ABBREVIATIONS)


class Lag(enum.Enum):
    """Which earlier period a change is measured against, named by its distance.

    An explicit period (``versus=Period.year(2019)``, "compared with 2019") is the
    other way to name a base; :data:`Versus` is either.
    """

    #: The same months a year earlier (year-on-year growth), the default of releases.
    YEAR_EARLIER = "year-earlier"
    #: The period of the same length just before (month-on-month for a month,
    #: quarter-on-quarter for a quarter, the previous six months for a half).
    PREVIOUS = "previous"


#: The base of a change, a :class:`Lag` or an explicit earlier :class:`Period`.
Versus: TypeAlias = "Lag | Period"


class PeriodKind(enum.Enum):
    """What sort of run of months a :class:`Period` is; spans are whatever is left."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    YEAR_TO_DATE = "year to date"
    SPAN = "span"


def _year(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise InvalidValueError(
            f"a year must be an int from 1 to 9999, got {quote(value)}", value=value
        )
    return value


def _month(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise InvalidValueError(
            f"a month must be an int from 1 to 12, got {quote(value)}", value=value
        )
    return value


@frozen(order=True)
class Period:
    """A contiguous run of whole months, from a first month to a last month inclusive.

    Use the named constructors rather than the fields: :meth:`month`,
    :meth:`quarter`, :meth:`half`, :meth:`year`, :meth:`year_to_date`,
    :meth:`span` and :meth:`parse`.

    Args:
        start_year: Year of the first month.
        start_month: The first month, 1 to 12.
        end_year: Year of the last month.
        end_month: The last month, 1 to 12, not before the first.

    Raises:
        InvalidValueError: For months outside 1–12 or an end before the start.

    Periods order by first month, then by last month (the field order). Text form is ISO-like and
    :meth:`parse` reads it back: ``"2023"``, ``"2023-Q2"``, ``"2023-H1"``,
    ``"2023-07"``, ``"2023-01/2023-07"``.
    """

    start_year: int = field(converter=_year)
    start_month: int = field(converter=_month)
    end_year: int = field(converter=_year)
    end_month: int = field(converter=_month)

    def __attrs_post_init__(self) -> None:
        if self.end_index < self.start_index:
            raise InvalidValueError(
                f"a period cannot end ({self.end_year}-{self.end_month:02d}) before it starts "
                f"({self.start_year}-{self.start_month:02d})",
                start=(self.start_year, self.start_month),
                end=(self.end_year, self.end_month),
            )

    # -- named constructors ------------------------------------------------------------

    @classmethod
    def month(cls, year: int, month: int) -> Self:
        """One calendar month.

        >>> Period.month(2023, 7)
        Period('2023-07')
        """
        return cls(year, month, year, month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Self:
        """A calendar quarter, 1 to 4.

        >>> Period.quarter(2023, 2).months
        3
        """
        if isinstance(quarter, bool) or quarter not in (1, 2, 3, 4):
            raise InvalidValueError(
                f"a quarter must be 1, 2, 3 or 4, got {quote(quarter)}", value=quarter
            )
        return cls(year, 3 * quarter - 2, year, 3 * quarter)

    @classmethod
    def half(cls, year: int, half: int) -> Self:
        """A half year, 1 (January–June) or 2 (July–December).

        >>> Period.half(2023, 1)
        Period('2023-H1')
        """
        if isinstance(half, bool) or half not in (1, 2):
            raise InvalidValueError(f"a half must be 1 or 2, got {quote(half)}", value=half)
        return cls(year, 6 * half - 5, year, 6 * half)

    @classmethod
    def year(cls, year: int) -> Self:
        """A calendar year.

        >>> Period.year(2023)
        Period('2023')
        """
        return cls(year, 1, year, 12)

    @classmethod
    def year_to_date(cls, year: int, through_month: int) -> Self:
        """January through ``through_month`` of ``year``: the "first seven months".

        >>> Period.year_to_date(2023, 7)
        Period('2023-01/2023-07')
        """
        return cls(year, 1, year, through_month)

    @classmethod
    def span(cls, start: str, end: str) -> Self:
        """The months from ``start`` to ``end`` inclusive, both written ``YYYY-MM``.

        >>> Period.span("2022-07", "2023-06").months
        12
        """
        first, last = cls.parse(start), cls.parse(end)
        for text, period in ((start, first), (end, last)):
            if period.kind is not PeriodKind.MONTH:
                raise ParseError(
                    f"expected a month such as '2023-07', got {quote(text)}", value=text
                )
        return cls(first.start_year, first.start_month, last.end_year, last.end_month)

    @classmethod
    def from_month_indices(cls, start_index: int, end_index: int) -> Self:
        """The period between two month indices, as :attr:`start_index` and :attr:`end_index` give.

        >>> p = Period.year_to_date(2023, 7)
        >>> Period.from_month_indices(p.start_index, p.end_index) == p
        True
        """
        start_year, start_month = divmod(start_index, 12)
        end_year, end_month = divmod(end_index, 12)
        return cls(start_year, start_month + 1, end_year, end_month + 1)

    @classmethod
    def parse(
        cls, text: str, *, reference: date | None = None, calendar: str | None = None
    ) -> Self:
        """Read a period from ISO-like, English, Chinese or Taiwanese text.

        Accepted forms: ``2023``, ``2023-07``, ``2023-Q2``, ``2023-H1``,
        ``2023-01/2023-07`` (also ``2023-01/07``), ``Jul 2023``, ``Jan–Jul 2023``,
        ``January to July 2023``, ``first seven months of 2023``, ``Q2 2023``,
        ``H1 2023``, ``first half of 2023``, ``Jul 2022–Jun 2023``, ``2023年``,
        ``2023年7月``, ``2023年1-7月``, ``2023年前7个月``, ``2023年第二季度``,
        ``2023年前三季度``, ``2023年上半年``, ``民國113年1-7月`` (traditional
        characters too); and everything :meth:`isoformat` and :meth:`label` write.
        Without a year (``前7个月``, ``1-7月``, ``一季度``, ``上半年``, ``H1``, ``Q3``,
        ``first half``, ``the first seven months``, ``January-July``, ``Jan–Jul``)
        the period is the latest one that ends by the month of ``reference``.

        Args:
            text: The period as written.
            reference: The article's date, for a period written without its year.
            calendar: ``"roc"`` reads a year of one to three digits (``113年``) as a
                year of the Republic of China (113 is 2024); ``"gregorian"`` or ``None``
                refuses it. ``民國113年`` names its calendar and needs no choice.

        Raises:
            ParseError: For anything else, naming the text; for a period without a
                year and no ``reference``; for ``113年`` without ``calendar="roc"``.
            InvalidValueError: For a ``reference`` that is no date, or an unknown calendar.

        >>> Period.parse("Jan–Jul 2023"), Period.parse("2023年1-7月"), Period.parse("2023年前7个月")
        (Period('2023-01/2023-07'), Period('2023-01/2023-07'), Period('2023-01/2023-07'))
        >>> from datetime import date
        >>> Period.parse("前7个月", reference=date(2023, 8, 8))
        Period('2023-01/2023-07')
        >>> Period.parse("H1", reference=date(2024, 1, 5))
        Period('2023-H1')
        >>> Period.parse("113年1-7月", calendar="roc")
        Period('2024-01/2024-07')
        """
        if not isinstance(text, str):
            raise ParseError(f"a period must be given as text, got {quote(text)}", value=text)
        parsed = read_period(text, reference=reference, calendar=calendar)
        try:
            return cls(parsed.start_year, parsed.start_month, parsed.end_year, parsed.end_month)
        except InvalidValueError as error:
            raise ParseError(
                f"cannot read {quote(text)} as a period: {error}", value=text
            ) from None

    # -- properties --------------------------------------------------------------------

    @property
    def start_index(self) -> int:
        """The first month as a count of months since year 0 (for arithmetic)."""
        return self.start_year * 12 + self.start_month - 1

    @property
    def end_index(self) -> int:
        """The last month as a count of months since year 0 (for arithmetic)."""
        return self.end_year * 12 + self.end_month - 1

    @property
    def months(self) -> int:
        """How many months the period covers.

        >>> Period.parse("2023-Q2").months
        3
        """
        return self.end_index - self.start_index + 1

    @property
    def kind(self) -> PeriodKind:
        """Whether this is a month, quarter, half, year, year-to-date or other span.

        >>> Period.year_to_date(2023, 7).kind
        <PeriodKind.YEAR_TO_DATE: 'year to date'>
        """
        months = self.months
        same_year = self.start_year == self.end_year
        first = self.start_month
        if months == 1:
            return PeriodKind.MONTH
        if same_year and months == 12:
            return PeriodKind.YEAR
        if same_year and months == 3 and first % 3 == 1:
            return PeriodKind.QUARTER
        if same_year and months == 6 and first in (1, 7):
            return PeriodKind.HALF
        if same_year and first == 1:
            return PeriodKind.YEAR_TO_DATE
        return PeriodKind.SPAN

    @property
    def is_year_to_date(self) -> bool:
        """Whether the period runs from January to some month of the same year.

        Whole years, first quarters and first halves are year-to-date periods too.

        >>> Period.quarter(2023, 1).is_year_to_date, Period.quarter(2023, 2).is_year_to_date
        (True, False)
        """
        return self.start_month == 1 and self.start_year == self.end_year

    # -- relations ---------------------------------------------------------------------

    def shift_years(self, years: int) -> Period:
        """The same months ``years`` later (earlier when negative).

        >>> Period.quarter(2023, 2).shift_years(-1)
        Period('2022-Q2')
        """
        return Period(
            self.start_year + years, self.start_month, self.end_year + years, self.end_month
        )

    def previous_year(self) -> Period:
        """The same period of the previous year, the base of year-on-year growth.

        >>> Period.parse("2023-01/2023-07").previous_year()
        Period('2022-01/2022-07')
        """
        return self.shift_years(-1)

    def previous(self) -> Period:
        """The period of the same number of months just before this one.

        The base of month-on-month (or quarter-on-quarter) growth.

        >>> Period.month(2023, 1).previous(), Period.quarter(2023, 3).previous()
        (Period('2022-12'), Period('2023-Q2'))
        """
        return Period.from_month_indices(self.start_index - self.months, self.start_index - 1)

    def base(self, versus: Versus = Lag.YEAR_EARLIER) -> Period:
        """The period a change over this one is measured against.

        Args:
            versus: A :class:`Lag` (the same months a year earlier, the default, or
                the period just before), or an explicit earlier period of the same
                length ("compared with the same months of 2019").

        Raises:
            PeriodMismatchError: If an explicit base is not as long as this period,
                or does not end before it starts: January–July is never compared
                with a whole year.

        >>> jul = Period.month(2023, 7)
        >>> jul.base(), jul.base(Lag.PREVIOUS), jul.base(Period.month(2019, 7))
        (Period('2022-07'), Period('2023-06'), Period('2019-07'))
        >>> Period.year_to_date(2023, 7).base(Period.year(2019))
        Traceback (most recent call last):
        ...
        tradestats.errors.PeriodMismatchError: cannot measure 2023-01/2023-07 (7 months) against
        2019 (12 months): a base must be as long as the period and end before it starts
        """
        if versus is Lag.YEAR_EARLIER:
            return self.previous_year()
        if versus is Lag.PREVIOUS:
            return self.previous()
        if not isinstance(versus, Period):
            raise InvalidValueError(
                f"expected a Lag or a Period as the base, got {quote(versus)}", value=versus
            )
        if versus.months != self.months or versus.end_index >= self.start_index:
            raise PeriodMismatchError(
                f"cannot measure {self} ({self.months} months) against {versus} "
                f"({versus.months} months): a base must be as long as the period and end "
                "before it starts",
                period=self,
                base=versus,
            )
        return versus

    def is_year_after(self, other: Period) -> bool:
        """Whether this is ``other`` shifted one year later: the same months, a year on.

        >>> Period.year(2023).is_year_after(Period.year(2022))
        True
        """
        # Field by field: this sits on the hot path of every year-on-year comparison.
        return (
            self.start_month == other.start_month
            and self.end_month == other.end_month
            and self.start_year - other.start_year == 1
            and self.end_year - other.end_year == 1
        )

    def contains(self, other: Period) -> bool:
        """Whether every month of ``other`` lies within this period.

        >>> Period.year(2023).contains(Period.month(2023, 7))
        True
        """
        return self.start_index <= other.start_index and other.end_index <= self.end_index

    def __contains__(self, other: Period) -> bool:
        return self.contains(other)

    # -- text --------------------------------------------------------------------------

    def isoformat(self) -> str:
        """The ISO-like text that :meth:`parse` reads back.

        >>> [p.isoformat() for p in (Period.year(2023), Period.quarter(2023, 2),
        ...                          Period.month(2023, 7), Period.year_to_date(2023, 7))]
        ['2023', '2023-Q2', '2023-07', '2023-01/2023-07']
        """
        kind = self.kind
        if kind is PeriodKind.YEAR:
            return f"{self.start_year:04d}"
        if kind is PeriodKind.QUARTER:
            return f"{self.start_year:04d}-Q{(self.start_month + 2) // 3}"
        if kind is PeriodKind.HALF:
            return f"{self.start_year:04d}-H{(self.start_month + 5) // 6}"
        start = f"{self.start_year:04d}-{self.start_month:02d}"
        if kind is PeriodKind.MONTH:
            return start
        return f"{start}/{self.end_year:04d}-{self.end_month:02d}"

    def label(self) -> str:
        """A short English label for tables and reports.

        >>> Period.year_to_date(2023, 7).label(), Period.span("2022-07", "2023-06").label()
        ('Jan–Jul 2023', 'Jul 2022–Jun 2023')
        """
        first, last = _LABELS[self.start_month - 1], _LABELS[self.end_month - 1]
        kind = self.kind
        if kind in (PeriodKind.YEAR, PeriodKind.QUARTER, PeriodKind.HALF):
            return self.isoformat().replace("-", " ")
        # Four-digit years, as in isoformat, so that parse reads every label back.
        start, end = f"{self.start_year:04d}", f"{self.end_year:04d}"
        if kind is PeriodKind.MONTH:
            return f"{first} {start}"
        if self.start_year == self.end_year:
            return f"{first}–{last} {start}"
        return f"{first} {start}–{last} {end}"

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"Period({self.isoformat()!r})"


def as_period(value: Period | str | int) -> Period:
    """A period from a :class:`Period`, its text (see :meth:`Period.parse`) or a year.

    >>> as_period("2023-07"), as_period(2023)
    (Period('2023-07'), Period('2023'))
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return Period.parse(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParseError(
            f"expected a Period, its text such as '2023-07', or a year, got {quote(value)}",
            value=value,
        )
    return Period.year(value)


#: Words that name a :class:`Lag`, as written in report files and by callers.
_LAG_WORDS: Final = {
    "year-earlier": Lag.YEAR_EARLIER,
    "year earlier": Lag.YEAR_EARLIER,
    "year-on-year": Lag.YEAR_EARLIER,
    "year on year": Lag.YEAR_EARLIER,
    "yoy": Lag.YEAR_EARLIER,
    "同比": Lag.YEAR_EARLIER,
    "previous": Lag.PREVIOUS,
    "previous period": Lag.PREVIOUS,
    "month-on-month": Lag.PREVIOUS,
    "month on month": Lag.PREVIOUS,
    "mom": Lag.PREVIOUS,
    "quarter-on-quarter": Lag.PREVIOUS,
    "quarter on quarter": Lag.PREVIOUS,
    "qoq": Lag.PREVIOUS,
    "环比": Lag.PREVIOUS,
}


def as_versus(value: Versus | str | int) -> Versus:
    """A base from a :class:`Lag`, a :class:`Period`, their text or a year.

    Text names a lag (``"year-earlier"``, ``"previous"``, ``"month-on-month"``,
    ``"同比"``, ``"环比"``, …) or a period (see :meth:`Period.parse`). Whether the
    base fits a period is for :meth:`Period.base` to say.

    >>> as_versus("previous"), as_versus("环比"), as_versus("2019"), as_versus(2019)
    (<Lag.PREVIOUS: 'previous'>, <Lag.PREVIOUS: 'previous'>, Period('2019'), Period('2019'))
    """
    if isinstance(value, Lag | Period):
        return value
    if isinstance(value, str):
        lag = _LAG_WORDS.get(" ".join(value.split()).lower())
        if lag is not None:
            return lag
        try:
            return Period.parse(value)
        except ParseError:
            raise ParseError(
                f"expected a base period such as 'year-earlier', 'previous' or '2019', "
                f"got {quote(value)}",
                value=value,
            ) from None
    return as_period(value)
