"""Growth arithmetic: rates, implied values, chaining, contributions, remainders, CAGR."""

from __future__ import annotations

import functools
import itertools
import operator
import re
from decimal import Decimal, localcontext

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from tests.helpers import assert_amounts_close, assert_close
from tradestats import (
    WORLD,
    Amount,
    ExchangeRate,
    Flow,
    FlowMismatchError,
    Growth,
    InvalidValueError,
    Multiplier,
    NegativeBaseError,
    Period,
    PeriodMismatchError,
    ProductGroup,
    SignChangeError,
    Status,
    TradeFlow,
    UnitMismatchError,
    ZeroBaseError,
    cagr,
    chain,
    contribution,
    growth,
    implied_current,
    implied_previous,
    money,
    multiplier,
    remainder,
    yoy_growth,
    yoy_multiplier,
)
from tradestats import strategies as tst

JAN_JUL_2023 = Period.year_to_date(2023, 7)


def xinjiang(value: str, *, partner: str = WORLD, period: Period = JAN_JUL_2023) -> TradeFlow:
    """Xinjiang's total trade with ``partner`` in ``period``."""
    return TradeFlow(
        reporter="Xinjiang", partner=partner, flow=Flow.TOTAL, period=period, value=money(value)
    )


@st.composite
def growing_pairs(draw: st.DrawFn, max_value: int = 10**15) -> tuple[Amount, Amount]:
    """``(current, previous)``: a positive amount and one it grew to, by −99.9% to +1000%.

    The previous value has up to 19 significant digits (15 + 4 decimals) by
    default, and the current one up to 7 more.
    """
    previous = draw(tst.money_amounts(allow_zero=False, max_value=max_value))
    current = implied_current(previous, draw(tst.growths()))
    return current, previous


# -- the seed article --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "percent", "before"),
    [
        ("183 billion CNY", "59.3", "114.9 billion CNY"),
        ("169 billion CNY", "61.4", "104.7 billion CNY"),
    ],
)
def test_implied_values_of_the_seed(now: str, percent: str, before: str) -> None:
    """183 billion up 59.3% implies ≈114.9 billion a year before; 169 up 61.4% ≈104.7."""
    change = Growth.from_percent(percent)
    previous = implied_previous(money(now), change)
    assert before == previous.format(places=1)
    flow = implied_previous(xinjiang(now), change)
    expected = (Period.year_to_date(2022, 7), Status.DERIVED, before)
    assert expected == (flow.period, flow.status, f"{flow.value:.1f}")
    assert f"+{percent}%" == yoy_growth(xinjiang(now), flow).format(places=1)


def test_implied_previous_of_times_more() -> None:
    """Electric vehicle exports up 3.26 times (增长3.26倍): 426 now means 100 a year before."""
    assert Amount(100, "USD") == implied_previous(Amount(426, "USD"), Multiplier.times_more("3.26"))
    assert Amount(100, "USD") == implied_previous(
        Amount(3790, "USD"), Multiplier.times_more("36.9")
    )


# -- laws --------------------------------------------------------------------------------


@given(growing_pairs())
def test_growth_of_an_implied_value_is_exact(pair: tuple[Amount, Amount]) -> None:
    """With short numbers there is no rounding: the implied value gives back the very rate."""
    current, previous = pair
    change = growth(current, previous)
    assert previous == implied_previous(current, change)
    assert current == implied_current(previous, change)


@given(tst.money_amounts("CNY", allow_zero=False), tst.money_amounts("CNY", allow_zero=False))
@example(Amount("0.0001", "CNY"), Amount("1E+15", "CNY"))
@example(Amount("3", "CNY"), Amount("7", "CNY"))
def test_implied_previous_undoes_growth(current: Amount, previous: Amount) -> None:
    """implied_previous(c, growth(c, p)) == p within 28-digit rounding.

    The rate keeps 28 significant digits; when c is far below p (growth near
    −100%), 1 + rate keeps fewer, so the tolerance grows by p / c.
    """
    back = implied_previous(current, growth(current, previous))
    conditioning = max(Decimal(1), previous.magnitude / current.magnitude)
    assert_close(previous.magnitude, back.magnitude, rel=Decimal("1e-25") * conditioning)


@given(tst.money_amounts(allow_zero=False), tst.growths())
def test_implied_current_undoes_implied_previous(value: Amount, change: Growth) -> None:
    """implied_current(implied_previous(x, g), g) == x, up to two roundings."""
    assert_amounts_close(value, implied_current(implied_previous(value, change), change))
    assert_amounts_close(value, implied_previous(implied_current(value, change), change))


@given(tst.year_on_year_flow_pairs(), tst.growths())
def test_implied_flows_move_one_year(pair: tuple[TradeFlow, TradeFlow], change: Growth) -> None:
    """Implied flows keep who and what, move a year, and are marked derived."""
    current, _ = pair
    before = implied_previous(current, change)
    after = implied_current(before, change)
    assert current.period.previous_year() == before.period
    assert current.period == after.period
    assert current.key == before.key == after.key
    assert Status.DERIVED == before.status == after.status
    assert_amounts_close(current.value, after.value)


@given(tst.year_on_year_flow_pairs())
def test_yoy_growth_of_flows_is_growth_of_values(pair: tuple[TradeFlow, TradeFlow]) -> None:
    """yoy_growth and yoy_multiplier check the flows and then compute from their values."""
    current, previous = pair
    assert growth(current.value, previous.value) == yoy_growth(current, previous)
    assert multiplier(current.value, previous.value) == yoy_multiplier(current, previous)


# Values of up to 17 digits times factors of up to 8 stay within 28 digits, so are exact.
@given(growing_pairs(max_value=10**6), tst.decimals(Decimal("0.0001"), 10_000, places=4))
def test_growth_is_unchanged_by_scaling(pair: tuple[Amount, Amount], factor: Decimal) -> None:
    """Scaling both values by one factor leaves growth exactly as it was."""
    current, previous = pair
    assume(factor > 0)
    assert growth(current, previous) == growth(current * factor, previous * factor)


@given(growing_pairs(max_value=10**6), tst.exchange_rates(base="CNY"))
def test_growth_is_unchanged_by_one_exchange_rate(
    pair: tuple[Amount, Amount], rate: ExchangeRate
) -> None:
    """Converting both values with the same rate leaves growth as it was.

    Multiplying by the rate is exact; dividing by it (the other direction) rounds once.
    """
    current, previous = pair
    current, previous = money(current.magnitude, "CNY"), money(previous.magnitude, "CNY")
    expected = growth(current, previous)
    assert expected == growth(rate.convert(current), rate.convert(previous))
    inverse = rate.inverse()
    converted = growth(inverse.convert(current), inverse.convert(previous))
    assert_close(expected.to_multiplier().factor, converted.to_multiplier().factor)


@given(growing_pairs())
def test_multiplier_is_one_plus_growth(pair: tuple[Amount, Amount]) -> None:
    """multiplier(c, p) is growth(c, p) as a multiplier."""
    current, previous = pair
    assert growth(current, previous).to_multiplier() == multiplier(current, previous)


@st.composite
def paths(draw: st.DrawFn) -> list[Amount]:
    """Positive values in one currency, each within −99.9% … +1000% of the one before."""
    values = [draw(tst.money_amounts("USD", allow_zero=False, max_value=10**6))]
    for change in draw(st.lists(tst.growths(places=1), min_size=1, max_size=6)):
        values.append(implied_current(values[-1], change))
    return values


@given(paths())
def test_chain_of_growth_rates_is_growth_over_the_span(values: list[Amount]) -> None:
    """Compounding the growth of each step gives the growth from first to last."""
    steps = [growth(later, earlier) for earlier, later in itertools.pairwise(values)]
    expected = growth(values[-1], values[0])
    assert_close(expected.to_multiplier().factor, chain(*steps).to_multiplier().factor)


@given(tst.growths())
def test_chain_of_one_or_none(change: Growth) -> None:
    """chain() is no growth; chain(g) is g."""
    assert Growth(0) == chain()
    assert change == chain(change)


@given(tst.year_on_year_partitions(max_parts=6))
def test_contributions_of_a_partition_sum_to_total_growth(
    partitions: tuple[tst.Partition, tst.Partition],
) -> None:
    """The parts' contributions, in pp, add up to the total's growth, in percent."""
    (total_now, parts_now), (total_before, parts_before) = partitions
    contributions = [
        contribution(now, before, total_before)
        for now, before in zip(parts_now, parts_before, strict=True)
    ]
    expected = yoy_growth(total_now, total_before)
    actual = functools.reduce(operator.add, contributions).to_growth()
    size = sum((abs(c.points) for c in contributions), Decimal(0)) / 100 + abs(expected.rate)
    assert abs(expected.rate - actual.rate) <= Decimal("1e-25") * size


@given(tst.partitions(max_parts=6))
def test_remainder_and_part_make_the_total(partition: tst.Partition) -> None:
    """remainder(total, part) + part == total, exactly, for flows and for amounts."""
    total, parts = partition
    for part in parts:
        rest = remainder(total, part)
        assert total.value == rest.value + part.value
        assert total.value == remainder(total.value, part.value) + part.value
        assert f"{WORLD} excluding {part.partner}" == rest.partner
        assert rest.status is Status.DERIVED
        named = "others"
        assert named == remainder(total, part, name=named).partner


@given(tst.partitions(by="product", max_parts=3))
def test_remainder_by_product(partition: tst.Partition) -> None:
    """Taking a product from all goods leaves a product group named after both."""
    total, parts = partition
    rest = remainder(total, parts[0])
    assert ProductGroup(f"all products excluding {parts[0].product}") == rest.product
    assert total.partner == rest.partner


@given(
    tst.money_amounts("USD", allow_zero=False, max_value=10**6),
    tst.growths(min_percent=-50, max_percent=100, places=1),
    st.integers(1, 30),
)
# cagr() once took the ratio as 1 + (last − first) ÷ first, losing digits when last ≪ first.
@example(first=Amount(1, "USD"), change=Growth.from_percent("-46.8"), years=21)
def test_cagr_compounds_back_to_the_last_value(first: Amount, change: Growth, years: int) -> None:
    """first × (1 + CAGR)^years == last: the rate, compounded, lands on the last value."""
    last = first
    for _ in range(years):
        last = implied_current(last, change)
    rate = cagr(first, last, years=years)
    assert_close(change.rate + 1, rate.rate + 1)
    with localcontext(prec=60):  # compound without rounding on the way
        compounded = first.magnitude * (1 + rate.rate) ** years
    assert_close(last.magnitude, compounded)


@given(tst.year_on_year_flow_pairs(kinds=[Period.year(2000).kind]), st.integers(1, 10))
def test_cagr_of_flows_reads_the_years_from_the_periods(
    pair: tuple[TradeFlow, TradeFlow], extra_years: int
) -> None:
    """For flows, CAGR counts the years between their periods."""
    later, earlier = pair
    later = attrs.evolve(later, period=later.period.shift_years(extra_years - 1))
    expected = cagr(earlier.value, later.value, years=extra_years)
    assert expected == cagr(earlier, later)
    assert expected == cagr(earlier, later, years=extra_years)


def test_cagr_examples() -> None:
    """100 → 121 over two years is +10% a year; a fall to zero is −100%."""
    assert Growth.from_percent(10) == cagr(Amount(100, "USD"), Amount(121, "USD"), years=2)
    assert Growth(-1) == cagr(Amount(100, "USD"), Amount(0, "USD"), years=3)


# -- negative bases, zero bases and mismatches -------------------------------------------


@given(tst.money_amounts("CNY", allow_negative=True), tst.money_amounts("CNY", allow_zero=False))
def test_growth_over_a_negative_base(current: Amount, size: Amount) -> None:
    """Over a deficit growth is refused, unless allowed: then it divides by the deficit's size,
    and a value that turned positive (a sign change) is refused still."""
    previous = -size
    with pytest.raises(NegativeBaseError, match=re.escape(f"growth from {previous}")) as caught:
        growth(current, previous)
    assert isinstance(caught.value, ValueError)
    if current.magnitude > 0:
        with pytest.raises(SignChangeError, match=re.escape(f"growth from {previous}")):
            growth(current, previous, allow_negative_base=True)
        return
    allowed = growth(current, previous, allow_negative_base=True)
    assert (current > previous) == (allowed.rate > 0)
    assert Growth((current.magnitude - previous.magnitude) / size.magnitude) == allowed


def test_growth_over_a_negative_base_example() -> None:
    """A deficit narrowing from −10 to −5 is +50% when negative bases are allowed."""
    assert Growth.from_percent(50) == growth(-5, -10, allow_negative_base=True)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: growth(money(5, "CNY"), money(0, "CNY")), "growth from 0 CNY to 5 CNY"),
        (lambda: growth(5, 0), "growth from 0 to 5"),
        (lambda: multiplier(money(5, "CNY"), money(0, "CNY")), "the base 0 CNY is zero"),
        (
            lambda: implied_previous(money(5, "CNY"), Growth.from_percent(-100)),
            "cannot imply the previous value of 5 CNY",
        ),
        (
            lambda: contribution(money(1, "CNY"), money(0, "CNY"), money(0, "CNY")),
            "growth of 0 CNY",
        ),
        (lambda: cagr(money(0, "CNY"), money(5, "CNY"), years=2), "growth from 0 CNY"),
    ],
)
def test_zero_bases(call: object, fragment: str) -> None:
    """Ratios over a zero base raise ZeroBaseError (a ZeroDivisionError) naming the values."""
    assert callable(call)
    with pytest.raises(ZeroBaseError, match=re.escape(fragment)) as caught:
        call()
    assert isinstance(caught.value, ZeroDivisionError)


def test_growth_needs_amounts_or_numbers_not_both() -> None:
    """Mixing an amount with a bare number is refused, naming both."""
    with pytest.raises(InvalidValueError, match="from 4 to 5 CNY"):
        growth(money(5, "CNY"), 4)


def test_growth_across_currencies() -> None:
    """Growth from yuan to dollars is refused: convert first."""
    message = "cannot compute growth from 4 USD to 5 CNY: USD and CNY are different currencies"
    with pytest.raises(UnitMismatchError, match=re.escape(message)):
        growth(money(5, "CNY"), money(4, "USD"))
    with pytest.raises(UnitMismatchError, match=re.escape(message)):
        yoy_growth(xinjiang("5 CNY"), xinjiang("4 USD", period=Period.year_to_date(2022, 7)))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: multiplier(money(5, "CNY"), money(4, "USD")),
            "cannot compute a multiplier from 4 USD to 5 CNY",
        ),
        (
            lambda: contribution(money(5, "CNY"), money(4, "CNY"), money(10, "USD")),
            "cannot compute the contribution of 5 CNY to 10 USD",
        ),
        (
            lambda: cagr(money(4, "USD"), money(5, "CNY"), years=2),
            "cannot compute a CAGR from 4 USD to 5 CNY",
        ),
        (
            lambda: remainder(money(5, "CNY"), money(4, "USD")),
            "cannot subtract 4 USD from 5 CNY",
        ),
    ],
)
def test_mixed_currencies_are_named_in_order(call: object, message: str) -> None:
    """Each function says what it tried, naming the values in the order it took them."""
    assert callable(call)
    with pytest.raises(UnitMismatchError, match=re.escape(f"{message}: ")):
        call()


def test_yoy_growth_refuses_periods_of_different_length() -> None:
    """January–July is not compared with January–June."""
    now = xinjiang("183 billion CNY")
    before = xinjiang("114.9 billion CNY", period=Period.half(2022, 1))
    message = "2023-01/2023-07 covers 7 months and 2022-H1 covers 6; compare periods of the same"
    with pytest.raises(PeriodMismatchError, match=re.escape(message)):
        yoy_growth(now, before)


def test_yoy_growth_refuses_periods_not_one_year_apart() -> None:
    """January–July 2023 is not compared with January–July 2021."""
    now = xinjiang("183 billion CNY")
    before = xinjiang("100 billion CNY", period=Period.year_to_date(2021, 7))
    with pytest.raises(PeriodMismatchError, match="compare with 2022-01/2022-07") as caught:
        yoy_growth(now, before)
    assert Period.year_to_date(2021, 7) == caught.value.details["previous"]
    with pytest.raises(PeriodMismatchError, match="2021-01/2021-07"):
        yoy_multiplier(now, before)


def test_yoy_growth_refuses_different_flows() -> None:
    """Year-on-year growth compares the same reporter, partner, flow and product."""
    now = xinjiang("183 billion CNY")
    before = xinjiang("100 billion CNY", partner="Kazakhstan", period=Period.year_to_date(2022, 7))
    with pytest.raises(FlowMismatchError, match=re.escape("partner (World vs Kazakhstan)")):
        yoy_growth(now, before)


def test_remainder_refuses_a_part_larger_than_its_total() -> None:
    """A part cannot exceed its total; the error names both."""
    with pytest.raises(InvalidValueError, match="the part 184 CNY exceeds its total 183 CNY"):
        remainder(money(183, "CNY"), money(184, "CNY"))
    with pytest.raises(InvalidValueError, match="exceeds its total 183 billion CNY"):
        remainder(xinjiang("183 billion CNY"), xinjiang("184 billion CNY", partner="BRI"))


@pytest.mark.parametrize(
    ("part", "count"),
    [
        (xinjiang("169 billion CNY"), "none"),
        (attrs.evolve(xinjiang("1 billion CNY", partner="BRI"), product="cotton"), "two"),
        (xinjiang("1 billion CNY", partner="BRI", period=Period.half(2023, 1)), "two"),
        (
            attrs.evolve(xinjiang("1 billion CNY", period=Period.half(2023, 1)), product="cotton"),
            "two",
        ),
        (
            attrs.evolve(
                xinjiang("1 billion CNY", partner="BRI", period=Period.half(2023, 1)),
                product="cotton",
            ),
            "all three",
        ),
    ],
)
def test_remainder_needs_a_part_that_differs_in_exactly_one_way(
    part: TradeFlow, count: str
) -> None:
    """A flow is not a part of itself, and a part may differ in partner, product or period only."""
    total = xinjiang("183 billion CNY")
    message = (
        "the part must differ from the total in exactly one of partner, product and period; "
        f"{part.describe()} and {total.describe()} differ in {count}"
    )
    with pytest.raises(FlowMismatchError, match=re.escape(message)) as caught:
        remainder(total, part)
    assert {"total": total, "part": part} == caught.value.details


@pytest.mark.parametrize(
    ("part", "difference"),
    [
        (attrs.evolve(xinjiang("5 billion CNY", partner="BRI"), reporter="Gansu"),
         "reporter (Xinjiang vs Gansu)"),
        (attrs.evolve(xinjiang("5 billion CNY", partner="BRI"), flow=Flow.EXPORTS),
         "flow (total vs exports)"),
    ],
)  # fmt: skip
def test_remainder_needs_the_same_reporter_and_flow(part: TradeFlow, difference: str) -> None:
    """A part of another reporter or flow is no part of the total; enums show by value."""
    total = xinjiang("183 billion CNY")
    message = f"the flows differ in {difference}; they must have the same reporter, flow"
    with pytest.raises(FlowMismatchError, match=re.escape(message)):
        remainder(total, part)


# -- remainders over periods -------------------------------------------------------------


def test_one_month_from_two_year_to_date_figures() -> None:
    """January–July minus January–June is July, marked derived."""
    jan_jul = xinjiang("183 billion CNY")
    jan_jun = xinjiang("156.3 billion CNY", period=Period.year_to_date(2023, 6))
    july = remainder(jan_jul, jan_jun)
    expected = (Period.month(2023, 7), money("26.7 billion CNY"), Status.DERIVED, WORLD)
    assert expected == (july.period, july.value, july.status, july.partner)
    same_otherwise = attrs.evolve(jan_jul, period=july.period, value=july.value, status=july.status)
    assert same_otherwise == july


@pytest.mark.parametrize(
    ("total", "part", "rest"),
    [
        (Period.year(2023), Period.half(2023, 1), Period.half(2023, 2)),
        (Period.year(2023), Period.quarter(2023, 1), Period.span("2023-04", "2023-12")),
        (Period.half(2023, 2), Period.quarter(2023, 3), Period.quarter(2023, 4)),
        (Period.span("2022-07", "2023-06"), Period.half(2022, 2), Period.half(2023, 1)),
        (Period.span("2022-12", "2023-01"), Period.month(2022, 12), Period.month(2023, 1)),
    ],
)
def test_remainder_over_periods_covers_the_months_after_the_part(
    total: Period, part: Period, rest: Period
) -> None:
    """Any period that starts a total leaves the months after it, also across a year."""
    whole, first = xinjiang("100 CNY", period=total), xinjiang("40 CNY", period=part)
    expected = (rest, money(60, "CNY"))
    result = remainder(whole, first)
    assert expected == (result.period, result.value)


@pytest.mark.parametrize(
    "part",
    [
        Period.month(2023, 7),  # the end of the total, not its start
        Period.quarter(2023, 2),  # inside the total, not at its start
        Period.year_to_date(2023, 8),  # longer than the total
        Period.year_to_date(2022, 6),  # another year
        Period.span("2022-12", "2023-06"),  # starts before the total
    ],
)
def test_remainder_over_periods_needs_the_first_months_of_the_total(part: Period) -> None:
    """A part whose period is not the start of the total's is a PeriodMismatchError."""
    total = xinjiang("183 billion CNY")
    message = f"cannot take {part} from {total.period}: the part must cover the first months"
    with pytest.raises(PeriodMismatchError, match=re.escape(message)) as caught:
        remainder(total, xinjiang("10 billion CNY", period=part))
    assert isinstance(caught.value, ValueError)
    assert {"part": part, "total": total.period} == caught.value.details


def test_remainder_over_periods_refuses_a_larger_part() -> None:
    """January–June worth more than January–July is an error, as for partners."""
    with pytest.raises(InvalidValueError, match="exceeds its total 183 billion CNY"):
        remainder(
            xinjiang("183 billion CNY"),
            xinjiang("190 billion CNY", period=Period.year_to_date(2023, 6)),
        )


@st.composite
def year_to_date_pairs(draw: st.DrawFn) -> tuple[TradeFlow, TradeFlow]:
    """``(total, part)``: the same flow for January–M and for January–K of one year, K < M."""
    through = draw(st.integers(2, 12))
    total = draw(
        tst.trade_flows(
            periods=st.integers(1950, 2100).map(lambda year: Period.year_to_date(year, through)),
            flows=[Flow.EXPORTS, Flow.IMPORTS, Flow.TOTAL, Flow.BALANCE],
        )
    )
    part_through = draw(st.integers(1, through - 1))
    # A part of exports, imports or total trade is at most its total; balances may be anything.
    if total.flow is Flow.BALANCE:
        part_value = draw(tst.decimals(places=4))
    else:
        part_value = draw(tst.decimals(0, total.value.magnitude, places=4))
    part = attrs.evolve(
        total,
        period=Period.year_to_date(total.period.start_year, part_through),
        value=Amount(part_value, total.value.unit),
    )
    return total, part


@given(year_to_date_pairs())
@example(
    (
        TradeFlow(reporter="A", flow="exports", period="2023-01/2023-07", value="70 USD"),
        TradeFlow(reporter="A", flow="exports", period="2023-H1", value="70 USD"),
    )
)
def test_remainder_of_year_to_date_figures_adds_up(pair: tuple[TradeFlow, TradeFlow]) -> None:
    """remainder + part == total exactly, and the remainder covers the months after the part."""
    total, part = pair
    rest = remainder(total, part)
    assert total.value == rest.value + part.value
    months_after = Period.from_month_indices(part.period.end_index + 1, total.period.end_index)
    assert months_after == rest.period
    assert part.period.end_index + 1 == rest.period.start_index
    assert total.period.end_index == rest.period.end_index
    assert total.period.months == part.period.months + rest.period.months
    assert (total.key, Status.DERIVED) == (rest.key, rest.status)


def test_contribution_of_the_seed() -> None:
    """Belt and Road trade contributed most of Xinjiang's 59.3 percent growth."""
    total_now = xinjiang("183 billion CNY")
    bri_now = xinjiang("169 billion CNY", partner="Belt and Road countries")
    total_before = implied_previous(total_now, Growth.from_percent("59.3"))
    bri_before = implied_previous(bri_now, Growth.from_percent("61.4"))
    bri = contribution(bri_now, bri_before, total_before)
    others = contribution(
        remainder(total_now, bri_now), remainder(total_before, bri_before), total_before
    )
    expected = ("+56.0 pp", "+59.3%")
    assert expected == (f"{bri:.1f}", f"{(bri + others).to_growth():.1f}")


def test_cagr_refuses_bad_spans() -> None:
    """CAGR needs positive years and flows a whole number of years apart."""
    first, last = xinjiang("100 billion CNY"), xinjiang("121 billion CNY")
    with pytest.raises(PeriodMismatchError, match="not the same months a whole number of years"):
        cagr(first, last)
    with pytest.raises(InvalidValueError, match="years must be positive, got 0"):
        cagr(money(100, "CNY"), money(121, "CNY"), years=0)
    with pytest.raises(InvalidValueError, match="needs years"):
        cagr(money(100, "CNY"), money(121, "CNY"))
