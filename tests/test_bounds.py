"""Bounds of derived figures: sound (the truth is inside) and tight (the ends are attained)."""

from __future__ import annotations

import itertools
import pickle
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from typing import TYPE_CHECKING, Any, TypeAlias

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import (
    Amount,
    Bounds,
    Growth,
    Interval,
    InvalidValueError,
    Multiplier,
    NegativeBaseError,
    PercentagePoints,
    Reported,
    Share,
    SignChangeError,
    UnitMismatchError,
    UnknownUnitError,
    ZeroBaseError,
    cagr_bounds,
    contribution_bounds,
    growth_bounds,
    implied_current_bounds,
    implied_previous_bounds,
    multiplier_bounds,
    remainder_bounds,
    share_bounds,
    share_change_bounds,
)
from tradestats import strategies as tst

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: How far an end may lie from the exact extreme: a few roundings at 28 digits.
SLACK = Decimal("1e-25")


def exactly(function: Callable[..., Decimal], *args: Decimal) -> Decimal:
    """``function(*args)`` at 80 digits, as good as exact for these checks."""
    with localcontext(prec=80):
        return function(*args)


def corners(*intervals: Interval) -> list[tuple[Decimal, ...]]:
    """Every combination of ends of the intervals."""
    return list(itertools.product(*((i.low, i.high) for i in intervals)))


def assert_tight(bounds: Bounds[Any], values: Sequence[Decimal]) -> None:
    """The bounds hold every value, and their ends are the extremes of the values."""
    interval = bounds.interval
    low, high = min(values), max(values)
    assert interval.low <= low <= interval.low + SLACK * max(Decimal(1), abs(low))
    assert interval.high - SLACK * max(Decimal(1), abs(high)) <= high <= interval.high


def report(text: str) -> Reported[Amount]:
    """A reported amount, read from text."""
    return Reported.parse_amount(text)


# -- the seed article --------------------------------------------------------------------


def test_seed_january_to_july_2022() -> None:
    """183 billion up 59.3% puts Jan–Jul 2022 between 182.5 ÷ 1.5935 and 183.5 ÷ 1.5925 billion."""
    before = implied_previous_bounds(
        report("183 billion yuan"), Reported.parse_growth("up 59.3% year on year")
    )
    with localcontext(prec=28, rounding=ROUND_FLOOR):
        low = Decimal("182.5E9") / Decimal("1.5935")
    with localcontext(prec=28, rounding=ROUND_CEILING):
        high = Decimal("183.5E9") / Decimal("1.5925")
    assert Bounds(Amount(low, "CNY"), Amount(high, "CNY")) == before
    assert before.format(places=2) == "114.52 to 115.23 billion CNY"
    assert before.contains(ts.money("114.9 billion CNY"))


def test_seed_other_partners() -> None:
    """Trade outside the Belt and Road: 183 − 169 billion is anything from 13 to 15 billion."""
    rest = remainder_bounds(report("183 billion yuan"), report("169 billion yuan"))
    assert str(rest) == "13 to 15 billion CNY"
    share = share_bounds(report("169 billion yuan"), report("183 billion yuan"))
    assert share.format(places=1) == "91.8% to 92.9%"
    assert share.contains(Share.parse("92.3%"))


def test_bounds_chain_into_further_bounds() -> None:
    """Bounds are arguments too: sound, but loose when one figure feeds two steps."""
    total, bri = report("183 billion yuan"), report("169 billion yuan")
    now = remainder_bounds(total, bri)
    before = remainder_bounds(
        implied_previous_bounds(total, Reported.parse_growth("59.3%")),
        implied_previous_bounds(bri, Reported.parse_growth("61.4%")),
    )
    chained = growth_bounds(now, before)
    assert chained.format(places=1) == "+19.6% to +58.3%"
    # The tight range, from the corners of the four published figures, lies inside.
    assert chained.contains(Growth.from_percent("35.2"))
    assert chained.contains(Growth.from_percent("39.9"))


def test_bounds_of_the_wrong_kind_are_refused() -> None:
    """Bounds of a growth rate are no amount."""
    rate = Bounds(Growth(0), Growth(1))
    with pytest.raises(InvalidValueError, match="the previous value must be a Amount"):
        growth_bounds(ts.money("1 CNY"), rate)  # type: ignore[arg-type]


# -- Bounds ------------------------------------------------------------------------------


def test_bounds_need_ends_of_one_type_in_order() -> None:
    """Ends of two types, two units or the wrong order are refused."""
    with pytest.raises(InvalidValueError, match="of one type"):
        Bounds(Growth(0), Share(0))
    with pytest.raises(UnitMismatchError, match="in one unit"):
        Bounds(ts.money("1 CNY"), ts.money("2 USD"))
    with pytest.raises(InvalidValueError, match=r"low end \+2% of bounds is above"):
        Bounds(Growth.from_percent(2), Growth.from_percent(1))
    with pytest.raises(InvalidValueError, match="an end of bounds must be an Amount"):
        Bounds(Decimal(1), Decimal(2))  # type: ignore[arg-type]


def test_bounds_are_values() -> None:
    """Equal bounds hash equally and survive pickling."""
    bounds = Bounds(Growth.from_percent(1), Growth.from_percent(2))
    assert bounds == pickle.loads(pickle.dumps(bounds))
    assert hash(Bounds(Growth(Decimal("0.010")), Growth(Decimal("0.02")))) == hash(bounds)


@pytest.mark.parametrize(
    ("like", "expected"),
    [
        ("CNY", Bounds(Amount(1, "CNY"), Amount(2, "CNY"))),
        (ts.amount("5 tonne"), Bounds(Amount(1, "tonne"), Amount(2, "tonne"))),
        (Growth, Bounds(Growth(1), Growth(2))),
        (Growth.from_percent(5), Bounds(Growth(1), Growth(2))),
        (Multiplier, Bounds(Multiplier(1), Multiplier(2))),
        (PercentagePoints, Bounds(PercentagePoints(1), PercentagePoints(2))),
        (Share, Bounds(Share(1), Share(1))),
    ],
)
def test_bounds_from_an_interval(like: Any, expected: Bounds[Any]) -> None:
    """An interval of internal magnitudes becomes bounds of a unit, a type or like a value."""
    assert expected == Bounds.from_interval(Interval(1, 2), like)


def test_bounds_from_an_interval_stay_in_the_domain() -> None:
    """Shares are cut to 0–100% and multipliers to 0 and up; nothing possible is an error."""
    assert Bounds(Share(0), Share("0.5")) == Bounds.from_interval(Interval(-1, "0.5"), Share)
    assert Bounds(Multiplier(0), Multiplier(2)) == Bounds.from_interval(Interval(-1, 2), Multiplier)
    with pytest.raises(InvalidValueError, match="holds no possible Share"):
        Bounds.from_interval(Interval(2, 3), Share)
    with pytest.raises(InvalidValueError, match="holds no possible Multiplier"):
        Bounds.from_interval(Interval(-2, -1), Multiplier)


@pytest.mark.parametrize("like", [Amount, int, 5])
def test_bounds_from_an_interval_need_a_kind(like: Any) -> None:
    """Amount without a unit, or anything that is no kind of figure, is refused."""
    with pytest.raises(InvalidValueError):
        Bounds.from_interval(Interval(1, 2), like)


def test_bounds_from_an_interval_need_a_known_unit() -> None:
    """An unknown unit is refused as the core refuses it."""
    with pytest.raises(UnknownUnitError):
        Bounds.from_interval(Interval(1, 2), "florins of Narnia")


def test_bounds_contain() -> None:
    """contains() takes a value of the same type, amounts in a compatible unit."""
    bounds = Bounds(ts.amount("1 tonne"), ts.amount("2 tonne"))
    assert bounds.contains(ts.amount("1500 kg"))
    assert not bounds.contains(ts.amount("2001 kg"))
    with pytest.raises(UnitMismatchError, match="within bounds"):
        Bounds(ts.money("1 CNY"), ts.money("2 CNY")).contains(ts.money("1 USD"))
    with pytest.raises(InvalidValueError, match="cannot look for the Share"):
        bounds.contains(Share(0))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bounds", "places", "scale", "text"),
    [
        (
            Bounds(Amount("114.5E9", "CNY"), Amount("115.2E9", "CNY")),
            None,
            "auto",
            "114.5 to 115.2 billion CNY",
        ),
        (Bounds(Amount("114.5E9", "CNY"), Amount("115.2E9", "CNY")), 0, "亿", "1145 to 1152亿 CNY"),
        (
            Bounds(Amount("999E6", "CNY"), Amount("1.001E9", "CNY")),
            3,
            "auto",
            "0.999 to 1.001 billion CNY",
        ),
        (Bounds(Amount(12, "tonne"), Amount(15, "tonne")), None, "auto", "12 to 15 tonne"),
        (Bounds(Amount(12, "USD"), Amount(15, "USD")), 1, None, "12.0 to 15.0 USD"),
        (Bounds(Amount(12, "USD"), Amount(12, "USD")), None, "auto", "12 USD"),
        (Bounds(Growth("0.59249"), Growth("0.59351")), 1, "auto", "+59.2% to +59.4%"),
        (Bounds(Share("0.9182"), Share("0.9288")), 1, "auto", "91.8% to 92.9%"),
        (
            Bounds(PercentagePoints("1.15"), PercentagePoints("1.25")),
            None,
            "auto",
            "+1.15 to +1.25 pp",
        ),
        (Bounds(Multiplier("4.2549"), Multiplier("4.2651")), 2, "auto", "×4.25 to ×4.27"),
        (Bounds(Growth("0.1"), Growth("0.1")), 1, "auto", "+10.0%"),
    ],
)
def test_bounds_text(bounds: Bounds[Any], places: int | None, scale: str, text: str) -> None:
    """Bounds show as "low to high", one scale word for amounts, rounded outward."""
    assert text == bounds.format(places=places, scale=scale)


def test_bounds_str_and_repr() -> None:
    """str() is format(); repr() wraps it."""
    bounds = Bounds(Growth.from_percent("59.1"), Growth.from_percent("59.5"))
    assert str(bounds) == "+59.1% to +59.5%"
    assert repr(bounds) == "Bounds('+59.1% to +59.5%')"


def test_bounds_text_needs_a_known_scale() -> None:
    """An unknown scale word is refused, as Amount.format refuses it."""
    with pytest.raises(UnknownUnitError):
        Bounds(Amount(1, "CNY"), Amount(2, "CNY")).format(scale="gazillion")


# -- arguments ---------------------------------------------------------------------------


def test_arguments_may_be_exact_or_reported() -> None:
    """Exact values are reports of precision zero: exact in, exact out."""
    exact = growth_bounds(ts.money("159.3 CNY"), ts.money("100 CNY"))
    assert Bounds(Growth("0.593"), Growth("0.593")) == exact
    mixed = growth_bounds(report("159.3 CNY"), ts.money("100 CNY"))
    assert Bounds(Growth("0.5925"), Growth("0.5935")) == mixed


def test_amounts_in_two_currencies_are_refused() -> None:
    """Yuan and dollars do not mix, as in the core."""
    with pytest.raises(UnitMismatchError, match="compute growth from 100 USD to 183 CNY"):
        growth_bounds(ts.money("183 CNY"), report("100 USD"))


def test_amounts_in_compatible_units_are_converted() -> None:
    """Tonnes and kilograms mix: the result is in the unit of the last amount."""
    rest = remainder_bounds(ts.amount("2 tonne"), report("500 kg"))
    assert Bounds(Amount("1.4995", "tonne"), Amount("1.5005", "tonne")) == rest


@pytest.mark.parametrize(
    "call",
    [
        lambda: growth_bounds(Growth(1), ts.money("1 CNY")),  # type: ignore[arg-type]
        lambda: growth_bounds(ts.money("1 CNY"), Reported.parse_growth("1%")),  # type: ignore[arg-type]
        lambda: implied_previous_bounds(ts.money("1 CNY"), Share(1)),  # type: ignore[arg-type]
        lambda: share_change_bounds(Share(1), Growth(1)),  # type: ignore[arg-type]
        lambda: remainder_bounds(Decimal(5), ts.money("1 CNY")),  # type: ignore[arg-type]
    ],
)
def test_arguments_of_the_wrong_kind_are_refused(call: Callable[[], object]) -> None:
    """A measure where an amount belongs, or the wrong measure, is an error naming it."""
    with pytest.raises(InvalidValueError, match=r"must be a|expected a Growth or a Multiplier"):
        call()


# -- errors at zero and negative bases ----------------------------------------------------


def test_growth_over_a_base_that_may_be_zero() -> None:
    """A base reported as "0" (or "0.3 ± 0.5") may be zero: no bounds, an error naming it."""
    with pytest.raises(ZeroBaseError, match=r"the base 0 CNY \(±0.5 CNY\) may be zero"):
        growth_bounds(report("5 CNY"), report("0 CNY"))
    with pytest.raises(ZeroBaseError):
        multiplier_bounds(report("5 CNY"), Reported(ts.money("0.3 CNY"), "0.5"))


def test_growth_over_a_negative_base() -> None:
    """A negative base is refused unless allowed; then the rate divides by its size."""
    with pytest.raises(NegativeBaseError, match="negative base"):
        growth_bounds(report("-5 CNY"), report("-10 CNY"))
    allowed = growth_bounds(report("-5 CNY"), report("-10 CNY"), allow_negative_base=True)
    assert exactly(lambda: (Decimal("-5") + 10) / 10) in allowed.interval
    ends = corners(Interval("-5.5", "-4.5"), Interval("-10.5", "-9.5"))
    assert_tight(allowed, [exactly(lambda c=c, p=p: (c - p) / -p) for c, p in ends])


def test_multipliers_need_values_that_are_not_negative() -> None:
    """Negative values have no multiplier; a current value that may be negative is cut at 0."""
    with pytest.raises(InvalidValueError, match="non-negative values"):
        multiplier_bounds(report("-5 CNY"), report("10 CNY"))
    with pytest.raises(InvalidValueError, match="non-negative values"):
        multiplier_bounds(report("5 CNY"), report("-10 CNY"))
    assert Bounds(Multiplier(0), Multiplier("0.05")) == multiplier_bounds(
        report("0 CNY"), ts.money("10 CNY")
    )


def test_implied_values_after_a_fall_of_100_percent() -> None:
    """A fall of 100% may leave nothing: no previous value; the current one is from 0 up."""
    gone = Reported.parse_growth("-100%")
    with pytest.raises(ZeroBaseError, match="cannot imply the previous value"):
        implied_previous_bounds(ts.money("5 CNY"), gone)
    assert Bounds(Amount(0, "CNY"), Amount("0.5", "CNY")) == implied_current_bounds(
        ts.money("100 CNY"), gone
    )
    with pytest.raises(InvalidValueError, match="turns a positive value negative"):
        implied_current_bounds(ts.money("100 CNY"), Growth.from_percent(-150))


def test_implied_values_from_multipliers() -> None:
    """A multiplier works as 1 + growth does."""
    times = Reported.parse_multiplier("×4.26")
    before = implied_previous_bounds(ts.money("426 USD"), times)
    assert before.contains(ts.money("100 USD"))
    after = implied_current_bounds(ts.money("100 USD"), times)
    assert Bounds(Amount("425.5", "USD"), Amount("426.5", "USD")) == after


def test_share_errors() -> None:
    """Shares need non-negative values, a part that fits its total and a total above zero."""
    with pytest.raises(InvalidValueError, match="non-negative values"):
        share_bounds(report("-5 CNY"), report("10 CNY"))
    with pytest.raises(InvalidValueError, match="non-negative values"):
        share_bounds(report("5 CNY"), report("-10 CNY"))
    with pytest.raises(InvalidValueError, match="larger than its total 10 CNY"):
        share_bounds(report("12 CNY"), report("10 CNY"))
    with pytest.raises(ZeroBaseError, match="may be zero"):
        share_bounds(report("0 CNY"), report("0 CNY"))


def test_share_of_a_part_that_may_equal_its_total() -> None:
    """Where part and total overlap, the share may reach 100%; a part cannot exceed the total."""
    assert Bounds(Share(Decimal("0.9")), Share(1)) == share_bounds(
        ts.money("9 CNY"), Reported(ts.money("9.5 CNY"), "0.5")
    )
    # A total that may be zero is fine when the part cannot be: the total is at least the part.
    assert Bounds(Share("0.5"), Share(1)) == share_bounds(
        ts.money("1 CNY"), Reported(ts.money("1 CNY"), 1)
    )


def test_contribution_over_a_total_that_may_be_zero() -> None:
    """An earlier total that may be zero gives no contribution."""
    with pytest.raises(ZeroBaseError, match="contribution to the growth of 0 CNY"):
        contribution_bounds(ts.money("5 CNY"), ts.money("1 CNY"), report("0 CNY"))


def test_remainder_errors_and_cut() -> None:
    """A part above its total everywhere is an error; a remainder is never below zero."""
    with pytest.raises(
        InvalidValueError, match=r"exceeds its total 10 CNY \(±0.5 CNY\) everywhere"
    ):
        remainder_bounds(report("10 CNY"), report("12 CNY"))
    assert Bounds(Amount(0, "CNY"), Amount(1, "CNY")) == remainder_bounds(
        report("10 CNY"), report("10 CNY")
    )


def test_cagr_errors() -> None:
    """A CAGR needs positive years, a positive first value and a final one that is not negative."""
    with pytest.raises(InvalidValueError, match="years must be positive"):
        cagr_bounds(ts.money("100 USD"), ts.money("121 USD"), 0)
    with pytest.raises(NegativeBaseError, match="negative"):
        cagr_bounds(ts.money("-100 USD"), ts.money("121 USD"), 2)
    with pytest.raises(ZeroBaseError, match="may be zero"):
        cagr_bounds(report("0 USD"), ts.money("121 USD"), 2)
    with pytest.raises(InvalidValueError, match="non-negative final value"):
        cagr_bounds(ts.money("100 USD"), ts.money("-121 USD"), 2)
    assert cagr_bounds(ts.money("100 USD"), report("0 USD"), 2).contains(Growth(-1))


def test_cagr_over_three_years() -> None:
    """1 ÷ 3 has no exact decimal; the bounds still hold the exact root."""
    bounds = cagr_bounds(ts.money("100 USD"), ts.money("133.1 USD"), 3)
    assert bounds.contains(Growth("0.1"))
    assert bounds.interval.width < Decimal("1e-26")


# -- properties: sound and tight ---------------------------------------------------------

CNY = tst.money_amounts("CNY", max_value=10**12, places=4)
POSITIVE_CNY = tst.money_amounts("CNY", max_value=10**12, places=4, allow_zero=False)


def reports(values: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, Reported[Any]]]:
    """(true value, report) pairs of values rounded to up to 3 decimals."""
    return tst.rounded_reports(values, max_places=3)


@given(reports(CNY), reports(POSITIVE_CNY))
def test_growth_bounds_are_sound_and_tight(
    current: tuple[Amount, Reported[Amount]], previous: tuple[Amount, Reported[Amount]]
) -> None:
    """The growth of the true values is inside; the ends are the growth at corners."""
    (c, c_report), (p, p_report) = current, previous
    if p_report.interval.low <= 0:
        with pytest.raises(ZeroBaseError):
            growth_bounds(c_report, p_report)
        return
    if c_report.interval.low < 0:  # a published zero stands for values of either sign
        with pytest.raises(SignChangeError):
            growth_bounds(c_report, p_report)
        return
    bounds = growth_bounds(c_report, p_report)
    assert bounds.interval.contains(exactly(lambda: (c.magnitude - p.magnitude) / p.magnitude))
    assert bounds.contains(ts.growth(c, p))
    values = [
        exactly(lambda a=a, b=b: a / b - 1)
        for a, b in corners(c_report.interval, p_report.interval)
    ]
    assert_tight(bounds, values)


@given(reports(CNY), reports(POSITIVE_CNY))
def test_multiplier_bounds_are_sound_and_tight(
    current: tuple[Amount, Reported[Amount]], previous: tuple[Amount, Reported[Amount]]
) -> None:
    """current ÷ previous of the true values is inside; the ends are at corners (from 0 up)."""
    (c, c_report), (p, p_report) = current, previous
    assume(p_report.interval.low > 0)
    bounds = multiplier_bounds(c_report, p_report)
    assert bounds.interval.contains(exactly(lambda: c.magnitude / p.magnitude))
    now = Interval(max(c_report.interval.low, Decimal(0)), c_report.interval.high)
    assert_tight(
        bounds, [exactly(lambda a=a, b=b: a / b) for a, b in corners(now, p_report.interval)]
    )


CHANGES = st.one_of(tst.growths(), tst.multipliers(min_value=Decimal("0.01")))


def factor_of(change: Growth | Multiplier) -> Decimal:
    """1 + growth, or the multiplier's factor."""
    return change.rate + 1 if isinstance(change, Growth) else change.factor


def factor_interval(report: Reported[Any]) -> Interval:
    """The interval of 1 + growth or of the factor, cut at 0."""
    interval = report.interval + 1 if report.kind is Growth else report.interval
    return Interval(max(interval.low, Decimal(0)), interval.high)


@given(reports(CNY), reports(CHANGES))
def test_implied_previous_bounds_are_sound_and_tight(
    current: tuple[Amount, Reported[Amount]], change: tuple[Any, Reported[Any]]
) -> None:
    """current ÷ (1 + growth) of the true values is inside; the ends are at corners."""
    (c, c_report), (g, g_report) = current, change
    factor = factor_interval(g_report)
    if factor.low <= 0:
        with pytest.raises(ZeroBaseError):
            implied_previous_bounds(c_report, g_report)
        return
    bounds = implied_previous_bounds(c_report, g_report)
    assert bounds.interval.contains(exactly(lambda: c.magnitude / factor_of(g)))
    assert_tight(
        bounds, [exactly(lambda a=a, b=b: a / b) for a, b in corners(c_report.interval, factor)]
    )


@given(reports(CNY), reports(CHANGES))
def test_implied_current_bounds_are_sound_and_tight(
    previous: tuple[Amount, Reported[Amount]], change: tuple[Any, Reported[Any]]
) -> None:
    """previous × (1 + growth) of the true values is inside; the ends are at corners."""
    (p, p_report), (g, g_report) = previous, change
    bounds = implied_current_bounds(p_report, g_report)
    assert bounds.interval.contains(exactly(lambda: p.magnitude * factor_of(g)))
    factor = factor_interval(g_report)
    assert_tight(
        bounds, [exactly(lambda a=a, b=b: a * b) for a, b in corners(p_report.interval, factor)]
    )


@st.composite
def parts_of_totals(draw: st.DrawFn) -> tuple[Amount, Amount]:
    """A positive total and a part of it: (part, total)."""
    total = draw(POSITIVE_CNY)
    fraction = draw(tst.decimals(0, 1, places=4))
    return Amount(total.magnitude * fraction, "CNY"), total


#: A part and its total, each with a report of it.
ReportedPair: TypeAlias = tuple[tuple[Amount, Reported[Amount]], tuple[Amount, Reported[Amount]]]


def reported_parts_of_totals() -> st.SearchStrategy[ReportedPair]:
    """((part, its report), (total, its report)) with the true part within the true total."""
    return parts_of_totals().flatmap(
        lambda pair: st.tuples(reports(st.just(pair[0])), reports(st.just(pair[1])))
    )


@given(
    parts_of_totals().flatmap(
        lambda pair: st.tuples(reports(st.just(pair[0])), reports(st.just(pair[1])))
    )
)
def test_share_bounds_are_sound_and_tight(
    pairs: tuple[tuple[Amount, Reported[Amount]], tuple[Amount, Reported[Amount]]],
) -> None:
    """The share of the true part is inside; the ends are attained with a part within its total."""
    (part, part_report), (total, total_report) = pairs
    parts, totals = part_report.interval, total_report.interval
    parts = Interval(max(parts.low, Decimal(0)), parts.high)  # a part is never negative
    if totals.low <= 0 and parts.low <= 0:
        with pytest.raises(ZeroBaseError):
            share_bounds(part_report, total_report)
        return
    bounds = share_bounds(part_report, total_report)
    assert bounds.interval.contains(exactly(lambda: part.magnitude / total.magnitude))
    # The extremes of p ÷ t with p <= t lie at vertices of that polygon: every pair of
    # ends of either interval that is feasible covers them.
    ends = (parts.low, parts.high, totals.low, totals.high)
    feasible = [
        (p, t)
        for p in ends
        for t in ends
        if parts.contains(p) and totals.contains(t) and 0 <= p <= t and t > 0
    ]
    assert_tight(bounds, [exactly(lambda p=p, t=t: p / t) for p, t in feasible])


@given(reports(tst.shares()), reports(tst.shares()))
def test_share_change_bounds_are_sound_and_tight(
    current: tuple[Share, Reported[Share]], previous: tuple[Share, Reported[Share]]
) -> None:
    """The change of the true shares is inside; the ends are at corners."""
    (c, c_report), (p, p_report) = current, previous
    bounds = share_change_bounds(c_report, p_report)
    assert bounds.contains(ts.share_change(c, p))
    values = [(a - b) * 100 for a, b in corners(c_report.interval, p_report.interval)]
    assert_tight(bounds, values)


@given(reports(CNY), reports(CNY), reports(POSITIVE_CNY))
def test_contribution_bounds_are_sound_and_tight(
    now: tuple[Amount, Reported[Amount]],
    before: tuple[Amount, Reported[Amount]],
    total: tuple[Amount, Reported[Amount]],
) -> None:
    """The contribution of the true values is inside; the ends are at corners."""
    (n, n_report), (b, b_report), (t, t_report) = now, before, total
    if t_report.interval.low <= 0:
        with pytest.raises(ZeroBaseError):
            contribution_bounds(n_report, b_report, t_report)
        return
    bounds = contribution_bounds(n_report, b_report, t_report)
    assert bounds.interval.contains(
        exactly(lambda: (n.magnitude - b.magnitude) / t.magnitude * 100)
    )
    intervals = (n_report.interval, b_report.interval, t_report.interval)
    ends = corners(*intervals)
    assert_tight(bounds, [exactly(lambda x=x, y=y, z=z: (x - y) / z * 100) for x, y, z in ends])


@given(
    parts_of_totals().flatmap(
        lambda pair: st.tuples(reports(st.just(pair[0])), reports(st.just(pair[1])))
    )
)
def test_remainder_bounds_are_sound_and_tight(
    pairs: tuple[tuple[Amount, Reported[Amount]], tuple[Amount, Reported[Amount]]],
) -> None:
    """What is left of the true total is inside; the ends are at corners, cut at zero."""
    (part, part_report), (total, total_report) = pairs
    bounds = remainder_bounds(total_report, part_report)
    assert bounds.contains(ts.remainder(total, part))
    values = [
        max(t - p, Decimal(0)) for p, t in corners(part_report.interval, total_report.interval)
    ]
    assert_tight(bounds, values)


@given(reports(CNY), reports(POSITIVE_CNY), st.integers(1, 12))
def test_cagr_bounds_are_sound_and_tight(
    last: tuple[Amount, Reported[Amount]], first: tuple[Amount, Reported[Amount]], years: int
) -> None:
    """The CAGR of the true values is inside; the ends are the CAGR at corners."""
    (lst, l_report), (fst, f_report) = last, first
    if f_report.interval.low <= 0:
        with pytest.raises(ZeroBaseError):
            cagr_bounds(f_report, l_report, years)
        return
    bounds = cagr_bounds(f_report, l_report, years)

    def cagr(a: Decimal, b: Decimal) -> Decimal:
        return (a / b) ** (Decimal(1) / years) - 1 if a > 0 else Decimal(-1)

    assert bounds.interval.contains(exactly(cagr, lst.magnitude, fst.magnitude))
    ends = Interval(max(l_report.interval.low, Decimal(0)), l_report.interval.high)
    assert_tight(bounds, [exactly(cagr, a, b) for a, b in corners(ends, f_report.interval)])
