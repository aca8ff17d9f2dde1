"""Month-granular periods: construction, kinds, parsing, text forms, order, relations."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tradestats import InvalidValueError, Lag, ParseError, Period, PeriodKind, PeriodMismatchError
from tradestats import strategies as tst
from tradestats.periods import as_period, as_versus

JAN_JUL_2023 = Period(2023, 1, 2023, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO-like
        ("2023", Period.year(2023)),
        ("2023-07", Period.month(2023, 7)),
        ("2023-Q2", Period.quarter(2023, 2)),
        ("2023Q2", Period.quarter(2023, 2)),
        ("2023-q2", Period.quarter(2023, 2)),
        ("2023-H1", Period.half(2023, 1)),
        ("2023H2", Period.half(2023, 2)),
        ("2023-01/2023-07", JAN_JUL_2023),
        ("2023-01/07", JAN_JUL_2023),
        ("2022-07/2023-06", Period(2022, 7, 2023, 6)),
        # English
        ("Jul 2023", Period.month(2023, 7)),
        ("July 2023", Period.month(2023, 7)),
        ("Jan–Jul 2023", JAN_JUL_2023),
        ("Jan-Jul 2023", JAN_JUL_2023),
        ("Jan. — Jul. 2023", JAN_JUL_2023),
        ("January to July 2023", JAN_JUL_2023),
        ("January through July, 2023", JAN_JUL_2023),
        ("Q2 2023", Period.quarter(2023, 2)),
        ("2023 Q2", Period.quarter(2023, 2)),
        ("2023 H1", Period.half(2023, 1)),
        ("H1 2023", Period.half(2023, 1)),
        ("h2 2023", Period.half(2023, 2)),
        ("first seven months of 2023", JAN_JUL_2023),
        ("the first 7 months of 2023", JAN_JUL_2023),
        ("The First Seven Months of 2023", JAN_JUL_2023),
        ("first twelve months 2023", Period.year(2023)),
        ("first one month of 2023", Period.month(2023, 1)),
        ("first three months of 2023", Period.quarter(2023, 1)),
        ("Jul 2022–Jun 2023", Period(2022, 7, 2023, 6)),
        ("July 2022 to June 2023", Period(2022, 7, 2023, 6)),
        ("Dec. 2022 - Jan. 2023", Period(2022, 12, 2023, 1)),
        # Chinese
        ("2023年", Period.year(2023)),
        ("2023年全年", Period.year(2023)),
        ("2023年7月", Period.month(2023, 7)),
        ("2023年7月份", Period.month(2023, 7)),
        ("2023年1-7月", JAN_JUL_2023),
        ("2023年1—7月", JAN_JUL_2023),
        ("2023年1至7月", JAN_JUL_2023),
        ("2023 年 1-7 月", JAN_JUL_2023),
        ("2023年前7个月", JAN_JUL_2023),
        ("2023年前7月", JAN_JUL_2023),
        ("2023年第二季度", Period.quarter(2023, 2)),
        ("2023年第2季度", Period.quarter(2023, 2)),
        ("2023年四季度", Period.quarter(2023, 4)),
        # white space around any form
        ("  2023-07 ", Period.month(2023, 7)),
    ],
)
def test_parse_documented_forms(text: str, expected: Period) -> None:
    """Period.parse reads every documented ISO-like, English and Chinese form."""
    assert expected == Period.parse(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2023-13", "a month must be an int from 1 to 12, got 13"),
        ("2023-00", "got 0"),
        ("2023-Q5", "'2023-Q5'"),
        ("2023-H3", "'2023-H3'"),
        ("2023-07/2023-03", "cannot end (2023-03) before it starts (2023-07)"),
        ("Foo 2023", "'Foo' is not a month"),
        ("July 2023x", "'July 2023x'"),
        ("0000", "a year must be an int from 1 to 9999, got 0"),
        ("23", "'23'"),
        ("", "''"),
        ("2023年13月", "got 13"),
        ("2023年前13个月", "got 13"),
        ("first 13 months of 2023", "got 13"),
        ("first thirteen months of 2023", "'thirteen' is not a number of months"),
        ("first few months of 2023", "'few' is not a number of months"),
        # "²" is a digit to str.isdigit but not to int(): it once escaped as a bare ValueError.
        ("first ² months of 2023", "'²' is not a number of months"),
        ("first 0 months of 2023", "got 0"),
        ("Jul 2023–Jun 2023", "cannot end (2023-06) before it starts (2023-07)"),
        ("2023 Q5", "'2023 Q5'"),
        ("H3 2023", "'H3 2023'"),
    ],
)
def test_malformed_periods_are_refused_by_name(text: str, fragment: str) -> None:
    """Malformed text raises ParseError (a ValueError) quoting the text or the bad part."""
    with pytest.raises(ParseError, match=re.escape(fragment)) as caught:
        Period.parse(text)
    assert isinstance(caught.value, ValueError)
    assert text == caught.value.details["value"]


@given(st.text(max_size=40))
@example("first ² months of 2023")
@example("the first 13 months of 2023")
@example("Dec 2023–Jan 2023")
def test_parse_of_any_text_gives_a_period_or_a_parse_error(text: str) -> None:
    """Period.parse never raises anything but ParseError, whatever the text."""
    with contextlib.suppress(ParseError):
        period = Period.parse(text)
        assert period == Period.parse(period.isoformat())


def test_parse_refuses_non_text() -> None:
    """Period.parse takes text only, and names what it got."""
    with pytest.raises(ParseError, match="202307"):
        Period.parse(202307)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda: Period.month(2023, 13), "got 13"),
        (lambda: Period.month(2023, 0), "got 0"),
        (lambda: Period.quarter(2023, 5), "a quarter must be 1, 2, 3 or 4, got 5"),
        (lambda: Period.half(2023, 3), "a half must be 1 or 2, got 3"),
        (lambda: Period.year(0), "a year must be an int from 1 to 9999, got 0"),
        (lambda: Period.year(True), "got True"),
        (lambda: Period.year_to_date(2023, 13), "got 13"),
        (lambda: Period(2023, 7, 2023, 3), "cannot end (2023-03) before it starts (2023-07)"),
        (lambda: Period(2023, 7, 2022, 9), "cannot end (2022-09) before it starts (2023-07)"),
        (lambda: Period.span("2023-01", "2023-Q3"), "expected a month such as '2023-07'"),
    ],
)
def test_invalid_constructions(build: object, fragment: str) -> None:
    """Constructors refuse impossible months, quarters, halves, years and reversed runs."""
    assert callable(build)
    with pytest.raises((InvalidValueError, ParseError), match=re.escape(fragment)):
        build()


@pytest.mark.parametrize(
    ("period", "kind", "months"),
    [
        (Period.month(2023, 7), PeriodKind.MONTH, 1),
        (Period.quarter(2023, 2), PeriodKind.QUARTER, 3),
        (Period.half(2023, 2), PeriodKind.HALF, 6),
        (Period.year(2023), PeriodKind.YEAR, 12),
        (JAN_JUL_2023, PeriodKind.YEAR_TO_DATE, 7),
        (Period.year_to_date(2023, 3), PeriodKind.QUARTER, 3),
        (Period.year_to_date(2023, 6), PeriodKind.HALF, 6),
        (Period.span("2022-07", "2023-06"), PeriodKind.SPAN, 12),
        (Period.span("2023-02", "2023-05"), PeriodKind.SPAN, 4),
        (Period.span("2023-12", "2024-01"), PeriodKind.SPAN, 2),
    ],
)
def test_kinds_and_lengths(period: Period, kind: PeriodKind, months: int) -> None:
    """A period knows its kind and its number of months."""
    assert kind == period.kind
    assert months == period.months


@given(tst.periods())
@example(Period(999, 1, 999, 12))
@example(Period(9999, 12, 9999, 12))
@example(Period(1, 11, 2, 2))
def test_isoformat_parses_back(period: Period) -> None:
    """Period.parse(p.isoformat()) == p, and str and repr use that form."""
    assert period == Period.parse(period.isoformat())
    assert period.isoformat() == str(period)
    assert f"Period({period.isoformat()!r})" == repr(period)


@given(tst.periods())
def test_labels_parse_back(period: Period) -> None:
    """Period.parse(p.label()) == p for every kind of period."""
    assert period == Period.parse(period.label())


@given(tst.periods(min_year=1, max_year=9999))
# label() once wrote "Jul 5" for July of the year 5, which parse could not read.
@example(Period.month(5, 7))
@example(Period(999, 11, 1000, 2))
@example(Period.year_to_date(1, 7))
def test_labels_of_any_year_parse_back(period: Period) -> None:
    """Labels write four-digit years, as isoformat does, so every year reads back."""
    assert period == Period.parse(period.label())


@given(tst.periods(min_year=1, max_year=9999))
def test_from_month_indices_undoes_start_and_end_index(period: Period) -> None:
    """Period.from_month_indices(p.start_index, p.end_index) == p."""
    assert period == Period.from_month_indices(period.start_index, period.end_index)


def test_from_month_indices_examples() -> None:
    """Month indices count from January of year 0, as start_index and end_index do."""
    assert Period.month(2023, 7) == Period.from_month_indices(2023 * 12 + 6, 2023 * 12 + 6)
    assert Period.span("2022-12", "2023-01") == Period.from_month_indices(2022 * 12 + 11, 2023 * 12)
    with pytest.raises(InvalidValueError, match="before it starts"):
        Period.from_month_indices(2023 * 12 + 6, 2023 * 12 + 5)


@pytest.mark.parametrize(
    ("expected", "period"),
    [
        ("Jan–Jul 2023", JAN_JUL_2023),
        ("Jul 2022–Jun 2023", Period.span("2022-07", "2023-06")),
        ("2023 Q2", Period.quarter(2023, 2)),
        ("2023 H2", Period.half(2023, 2)),
        ("2023", Period.year(2023)),
        ("Jul 2023", Period.month(2023, 7)),
        ("Mar–May 2023", Period.span("2023-03", "2023-05")),
        ("Jul 0005", Period.month(5, 7)),
    ],
)
def test_labels(expected: str, period: Period) -> None:
    """Labels are short English text for tables."""
    assert expected == period.label()


@given(tst.periods(), tst.periods())
def test_equal_periods_hash_equally(left: Period, right: Period) -> None:
    """Periods are equal exactly when they cover the same months, and then hash equally."""
    same_months = (left.start_index, left.end_index) == (right.start_index, right.end_index)
    assert same_months == (left == right)
    if left == right:
        assert hash(left) == hash(right)


@given(st.lists(tst.periods(), max_size=8))
def test_periods_order_by_first_then_last_month(periods: list[Period]) -> None:
    """Sorting periods orders them by first month, then by last month."""
    expected = sorted(periods, key=lambda p: (p.start_index, p.end_index))
    assert expected == sorted(periods)


@given(tst.year_on_year_periods())
def test_previous_year_is_one_year_before(pair: tuple[Period, Period]) -> None:
    """previous_year gives the same months one year earlier; shift_years undoes it."""
    current, previous = pair
    assert current.is_year_after(previous)
    assert not previous.is_year_after(current)
    assert current.months == previous.months
    assert current.kind == previous.kind
    assert current == previous.shift_years(1)
    assert current.start_index - previous.start_index == 12


@given(tst.periods(), tst.periods())
def test_contains_means_every_month_inside(outer: Period, inner: Period) -> None:
    """contains (and `in`) holds exactly when the inner period's months lie inside the outer."""
    expected = outer.start_index <= inner.start_index and inner.end_index <= outer.end_index
    assert expected == outer.contains(inner)
    assert expected == (inner in outer)


def test_year_to_date_flags() -> None:
    """First quarters, first halves and whole years are year-to-date; later quarters are not."""
    assert JAN_JUL_2023.is_year_to_date
    assert Period.quarter(2023, 1).is_year_to_date
    assert Period.year(2023).is_year_to_date
    assert not Period.quarter(2023, 2).is_year_to_date
    assert not Period.span("2022-07", "2023-06").is_year_to_date


def test_as_period_accepts_periods_text_and_years() -> None:
    """as_period is the converter flows and rates use: a Period, its text, or a year."""
    assert JAN_JUL_2023 is as_period(JAN_JUL_2023)
    assert as_period("2023-01/2023-07") is not JAN_JUL_2023
    assert Period.year_to_date(2023, 7) == as_period("2023-01/2023-07")
    assert Period.year(2023) == as_period(2023)
    with pytest.raises(ParseError, match=re.escape("2023.5")):
        as_period(2023.5)  # type: ignore[arg-type]


# -- bases of changes: a year earlier, the period just before, or an explicit one -----------


@given(tst.periods())
def test_the_previous_period_is_as_long_and_ends_just_before(period: Period) -> None:
    """Month-on-month, quarter-on-quarter: the same number of months, right before."""
    base = period.base(Lag.PREVIOUS)
    assert base.months == period.months
    assert base.end_index == period.start_index - 1


@given(tst.periods())
def test_the_default_base_is_a_year_earlier(period: Period) -> None:
    """Year-on-year is the default, as in releases."""
    assert period.base() == period.base(Lag.YEAR_EARLIER) == period.previous_year()
    assert period.is_year_after(period.base())


@given(tst.periods(), tst.periods())
def test_an_explicit_base_is_as_long_and_earlier(period: Period, base: Period) -> None:
    """An explicit base is taken as is when it fits, refused with both periods named when not."""
    if base.months == period.months and base.end_index < period.start_index:
        assert period.base(base) == base
    else:
        with pytest.raises(PeriodMismatchError, match=re.escape(str(base))):
            period.base(base)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("year-earlier", Lag.YEAR_EARLIER),
        ("Year on year", Lag.YEAR_EARLIER),
        ("同比", Lag.YEAR_EARLIER),
        ("previous", Lag.PREVIOUS),
        ("month-on-month", Lag.PREVIOUS),
        ("环比", Lag.PREVIOUS),
        ("2019", Period.year(2019)),
        ("2019-01/2019-07", Period.year_to_date(2019, 7)),
        (2019, Period.year(2019)),
    ],
)
def test_bases_are_read_from_words_and_periods(text: str | int, expected: object) -> None:
    """A lag by its name in English or Chinese, else a period."""
    assert as_versus(text) == expected


@pytest.mark.parametrize("bad", ["last week", "", "2019-13", True, 3.5])
def test_unknown_bases_are_refused(bad: object) -> None:
    """Anything else is a ParseError that quotes it."""
    with pytest.raises(ParseError, match=re.escape(repr(bad))):
        as_versus(bad)  # type: ignore[arg-type]
