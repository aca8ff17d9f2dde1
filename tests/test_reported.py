"""Reported figures: a published value and the precision its digits carry."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import tradestats as ts
from tradestats import (
    AmbiguityError,
    Amount,
    Growth,
    Interval,
    InvalidValueError,
    Multiplier,
    ParseError,
    PercentagePoints,
    Reported,
    Share,
    TimesConvention,
    UnitMismatchError,
    as_reported,
    reported,
)
from tradestats import strategies as tst
from tradestats.verify.figures import half_unit_of_last_digit

# -- precision from the digits written ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("183 billion yuan", "182.5E9", "183.5E9"),
        ("183.0 billion yuan", "182.95E9", "183.05E9"),
        ("1831.6亿元", "1831.55E8", "1831.65E8"),
        ("US$5.94 trillion", "5.935E12", "5.945E12"),
        ("183,000,000,000 CNY", "182999999999.5", "183000000000.5"),
        ("3.2万吨", "31500", "32500"),
        ("-5 billion USD", "-5.5E9", "-4.5E9"),
    ],
)
def test_amounts_carry_half_a_unit_of_the_last_digit(text: str, low: str, high: str) -> None:
    """An amount stands for half a unit of its last written digit either side."""
    assert Interval(low, high) == Reported.parse_amount(text).interval


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("up 59.3% year on year", "0.5925", "0.5935"),
        ("同比增长59.3%", "0.5925", "0.5935"),
        ("down 3.20%", "-0.03205", "-0.03195"),
        ("+10%", "0.095", "0.105"),
        ("增长3.26倍", "3.255", "3.265"),
    ],
)
def test_growth_rates_carry_their_precision(text: str, low: str, high: str) -> None:
    """A rate in percent stands for half a unit of its last digit, in percentage points."""
    assert Interval(low, high) == Reported.parse_growth(text).interval


def test_multipliers_shares_and_points_carry_their_precision() -> None:
    """Every measure reads its precision from the text as written."""
    times = Reported.parse_multiplier("3.26 times", times=TimesConvention.MORE)
    assert Interval("4.255", "4.265") == times.interval
    assert Interval("0.9225", "0.9235") == Reported.parse_share("92.3%").interval
    assert Interval("1.15", "1.25") == Reported.parse_points("+1.2 pp").interval


def test_parse_errors_come_from_the_core_parsers() -> None:
    """Bad text raises the core's errors: parse errors and the "times" ambiguity."""
    with pytest.raises(ParseError):
        Reported.parse_amount("lots of yuan")
    with pytest.raises(AmbiguityError):
        Reported.parse_growth("3.26 times")
    with pytest.raises(AmbiguityError):
        Reported.parse_multiplier("3.26 times")
    with pytest.raises(ParseError):
        Reported.parse_share("most")
    with pytest.raises(ParseError):
        Reported.parse_points("+1.2%")


def test_half_unit_of_last_digit() -> None:
    """The precision of a number as written is 5 in the digit after its last one."""
    assert Decimal("0.05") == half_unit_of_last_digit(Decimal("1831.6"))
    assert Decimal("5E+8") == half_unit_of_last_digit(Decimal("1.83E+11"))
    assert Decimal("0.5") == half_unit_of_last_digit(Decimal(0))


def test_ints_lose_trailing_zeros() -> None:
    """An int is normalized on the way in, so text is the safer way to give digits."""
    assert Interval("0.05", "0.15") == reported(Growth.from_percent(10)).interval
    assert Interval("0.095", "0.105") == reported(Growth.from_percent("10")).interval


# -- explicit precision ------------------------------------------------------------------


def test_precision_of_the_same_type() -> None:
    """A typed half-width: an amount (in any compatible unit) or a measure of the same kind."""
    total = ts.money("183 billion CNY")
    assert Decimal("1E+8") == reported(total, ts.money("100 million CNY")).precision
    assert Decimal("0.5") == reported(ts.amount("32 tonne"), ts.amount("500 kg")).precision
    assert Decimal("0.0005") == reported(Growth.from_percent(10), Growth("0.0005")).precision
    assert Decimal("0.01") == reported(Multiplier("4.26"), Multiplier("0.01")).precision


def test_percentage_points_as_the_precision_of_rates_and_shares() -> None:
    """Percentage points are the natural half-width of a growth rate or a share."""
    half = PercentagePoints("0.05")
    assert Decimal("0.0005") == reported(Growth.from_percent("59.3"), half).precision
    assert Decimal("0.0005") == reported(Share.from_percent("92.3"), half).precision
    assert Decimal("0.05") == reported(PercentagePoints("1.2"), half).precision


def test_precision_as_a_bare_number_is_internal() -> None:
    """A bare number is in the internal magnitude: a fraction for rates."""
    assert Interval("0.5925", "0.5935") == reported(Growth.from_percent("59.3"), "0.0005").interval


def test_precision_of_another_kind_is_refused() -> None:
    """A share cannot be the precision of an amount, nor points of a multiplier."""
    with pytest.raises(InvalidValueError, match=r"must be a Amount.*got the Share 1%"):
        reported(ts.money("1 CNY"), Share.from_percent(1))
    with pytest.raises(InvalidValueError, match="number in the factor"):
        reported(Multiplier(2), PercentagePoints(1))


def test_precision_in_another_currency_is_refused() -> None:
    """Dollars cannot be the precision of yuan."""
    with pytest.raises(UnitMismatchError, match="as the precision of"):
        reported(ts.money("183 billion CNY"), ts.money("1 billion USD"))


def test_negative_precision_is_refused() -> None:
    """A precision is a half-width: zero or more."""
    with pytest.raises(InvalidValueError, match="cannot be negative, got -1"):
        Reported(Growth(1), -1)


@pytest.mark.parametrize("value", [Decimal(1), "183 billion CNY", None])
def test_values_must_be_amounts_or_measures(value: Any) -> None:
    """Bare numbers and text are refused: say what the number measures."""
    with pytest.raises(InvalidValueError, match="must be an Amount, Growth"):
        Reported(value, 0)
    with pytest.raises(InvalidValueError, match="must be an Amount, Growth"):
        reported(value)


def test_exact_figures() -> None:
    """An exact figure has precision zero and an interval of one value."""
    exact = Reported.exact(Share.from_percent("92.3"))
    assert exact.is_exact
    assert exact.interval.is_exact
    assert exact is as_reported(exact)
    assert exact == as_reported(Share.from_percent("92.3"))
    assert not reported(Share.from_percent("92.3")).is_exact


def test_reported_figures_are_values() -> None:
    """Equal reports hash equally and survive pickling."""
    total = Reported.parse_amount("183 billion CNY")
    assert total == pickle.loads(pickle.dumps(total))
    assert hash(total) == hash(reported(Amount("183E9", "CNY"), ts.money("0.5 billion CNY")))


# -- the interval ------------------------------------------------------------------------


def test_low_high_and_kind() -> None:
    """low and high are values of the figure's type and unit."""
    total = Reported.parse_amount("183 billion CNY")
    assert (ts.money("182.5 billion CNY"), ts.money("183.5 billion CNY")) == (
        total.low,
        total.high,
    )
    assert Amount is total.kind
    rate = Reported.parse_growth("+59.3%")
    assert (Growth.from_percent("59.25"), Growth.from_percent("59.35")) == (rate.low, rate.high)


def test_shares_and_multipliers_stay_in_their_domain() -> None:
    """A share of "0.0%" stands for 0% to 0.05%, "100.0%" for 99.95% to 100%; ×0.0 for ×0 up."""
    assert Interval(0, "0.0005") == Reported.parse_share("0.0%").interval
    assert Interval("0.9995", 1) == Reported.parse_share("100.0%").interval
    assert Interval(0, "0.05") == reported(Multiplier("0.0")).interval
    assert Share(0) == Reported.parse_share("0.0%").low


def test_contains() -> None:
    """contains() compares in the figure's unit and refuses other kinds and currencies."""
    total = Reported.parse_amount("183 billion CNY")
    assert total.contains(ts.money("182.5 billion CNY"))
    assert not total.contains(ts.money("183.6 billion CNY"))
    assert reported(ts.amount("32 tonne")).contains(ts.amount("32400 kg"))
    with pytest.raises(UnitMismatchError, match="compare 183 billion USD with the reported"):
        total.contains(ts.money("183 billion USD"))
    with pytest.raises(InvalidValueError, match="cannot compare the reported Amount"):
        total.contains(Growth(1))  # type: ignore[arg-type]


# -- text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (Reported.parse_amount("183 billion yuan"), "183 billion CNY (±0.5 billion)"),
        (Reported.parse_amount("183.0 billion yuan"), "183.0 billion CNY (±0.05 billion)"),
        (Reported.parse_amount("500 CNY"), "500 CNY (±0.5 CNY)"),
        (Reported.parse_amount("0 billion CNY"), "0 billion CNY (±0.5 billion)"),
        (Reported.parse_amount("3.2万吨"), "32000 tonne (±500 tonne)"),
        (Reported.parse_growth("up 59.30%"), "+59.30% (±0.005 pp)"),
        (Reported.parse_share("92.3%"), "92.3% (±0.05 pp)"),
        (Reported.parse_points("down 0.5 pp"), "-0.5 pp (±0.05 pp)"),
        (Reported.parse_multiplier("×4.26"), "×4.26 (±0.005)"),
        (Reported.exact(ts.money("183 billion CNY")), "183 billion CNY (exact)"),
        (Reported.exact(Multiplier("4.26")), "×4.26 (exact)"),
    ],
)
def test_text(figure: Reported[Any], text: str) -> None:
    """A report shows the digits it was given and its half-width, in the value's scale."""
    assert text == str(figure)
    assert f"Reported({text!r})" == repr(figure)


def test_format_with_scale_and_places() -> None:
    """format() takes the amount's scale word and a number of decimals."""
    figure = Reported.parse_amount("1831.6亿元")
    assert figure.format(scale="亿") == "1831.6亿 CNY (±0.05亿)"
    assert figure.format(scale=None) == "183160000000 CNY (±5000000 CNY)"
    assert figure.format() == "183.16 billion CNY (±0.005 billion)"
    assert figure.format(places=1) == "183.2 billion CNY (±0.005 billion)"
    assert Reported.parse_growth("59.3%").format(places=2) == "+59.30% (±0.05 pp)"


# -- reports of rounded true values ------------------------------------------------------


def test_from_rounding() -> None:
    """Rounding a true value gives the report an office would publish."""
    true = Amount("114877589453.86", "CNY")
    assert str(Reported.from_rounding(true, 1)) == "114.9 billion CNY (±0.05 billion)"
    assert Reported.from_rounding(true, 0, scale="亿").format(scale="亿") == "1149亿 CNY (±0.5亿)"
    # Rounding carries into the next scale word and keeps the true value inside.
    carried = Reported.from_rounding(ts.money("999.96 million CNY"), 1)
    assert carried.contains(ts.money("999.96 million CNY"))


FIGURES = st.one_of(
    tst.amounts(allow_negative=True),
    tst.growths(),
    tst.multipliers(),
    tst.shares(),
    tst.percentage_points(),
)


@given(tst.rounded_reports(FIGURES, max_places=4))
def test_a_report_contains_its_true_value(pair: tuple[Any, Reported[Any]]) -> None:
    """Whatever the true value and the decimals kept, the report's interval holds it."""
    true, report = pair
    assert report.contains(true)


@given(
    st.one_of(tst.growths(), tst.shares()),
    st.one_of(tst.multipliers(), tst.percentage_points()),
    st.integers(0, 4),
)
def test_a_report_is_as_tight_as_its_digits(
    percent: Growth | Share, plain: Multiplier | PercentagePoints, places: int
) -> None:
    """Rounded to N decimals, a figure is good to half a unit of the Nth decimal, no more."""
    half_unit = Decimal(5).scaleb(-places - 1)
    assert half_unit.scaleb(-2) == Reported.from_rounding(percent, places).precision
    assert half_unit == Reported.from_rounding(plain, places).precision


# -- strategies --------------------------------------------------------------------------


@given(
    tst.reported_amounts("CNY"),
    tst.reported_growths(),
    tst.reported_multipliers(),
    tst.reported_shares(),
    tst.reported_percentage_points(),
)
def test_reported_strategies_draw_each_kind(
    amount: Reported[Amount],
    rate: Reported[Growth],
    times: Reported[Multiplier],
    share: Reported[Share],
    points: Reported[PercentagePoints],
) -> None:
    """Each strategy draws reports of its kind, their value inside their own interval."""
    assert amount.value.unit == "CNY"
    kinds = [Amount, Growth, Multiplier, Share, PercentagePoints]
    figures: list[Reported[Any]] = [amount, rate, times, share, points]
    assert kinds == [figure.kind for figure in figures]
    assert all(figure.contains(figure.value) for figure in figures)


def test_report_strategies_refuse_bad_arguments() -> None:
    """Only amounts and measures have reports, kept to 0 to 12 decimals."""
    with pytest.raises(InvalidArgument, match="an amount or a measure"):
        tst.reports_of(Decimal(5))  # type: ignore[type-var]
    with pytest.raises(InvalidArgument, match="places"):
        tst.reports_of(Growth(1), max_places=13)
    with pytest.raises(InvalidArgument, match="places"):
        tst.rounded_reports(tst.growths(), max_places=-1)


@given(tst.growths().flatmap(lambda rate: tst.reports_of(rate, allow_exact=False)))
def test_reports_of_without_exact_reports(report: Reported[Growth]) -> None:
    """With allow_exact=False every report has a precision."""
    assert not report.is_exact
