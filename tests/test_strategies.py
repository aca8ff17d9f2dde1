"""The public hypothesis strategies draw what they promise and refuse bad arguments early."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, ResolutionFailed

import tradestats
from tradestats import (
    WORLD,
    Amount,
    ExchangeRate,
    Flow,
    Growth,
    HSCode,
    Multiplier,
    PercentagePoints,
    Period,
    PeriodKind,
    ProductGroup,
    Share,
    TradeFlow,
    yoy_growth,
)
from tradestats import strategies as tst
from tradestats.units import CURRENCIES, canonical_unit, is_currency

if TYPE_CHECKING:
    from collections.abc import Callable


def decimals_after_point(value: Decimal) -> int:
    """How many digits a decimal has after its point (0 for 1.5E+3)."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


@given(
    st.integers(-(10**6), 10**6).flatmap(
        lambda low: st.tuples(st.just(low), st.integers(low, 10**6), st.integers(0, 6))
    ),
    st.data(),
)
def test_decimals_stay_in_bounds_with_few_places(
    bounds: tuple[int, int, int], data: st.DataObject
) -> None:
    """decimals() draws finite values within its bounds with at most `places` decimals."""
    low, high, places = bounds
    value = data.draw(tst.decimals(low, high, places=places))
    assert value.is_finite()
    assert low <= value <= high
    assert decimals_after_point(value) <= places


@given(tst.amounts())
def test_amounts_are_not_negative_by_default(value: Amount) -> None:
    """amounts() draws non-negative magnitudes up to 10¹⁵ in canonical units."""
    assert 0 <= value.magnitude <= tst.MAX_MAGNITUDE
    assert value.unit == canonical_unit(value.unit)


@given(st.lists(tst.amounts(allow_negative=True, allow_zero=False), min_size=30, max_size=30))
def test_amounts_may_be_negative_on_request(values: list[Amount]) -> None:
    """allow_negative lets negative amounts through; allow_zero=False keeps zero out."""
    assert all(value.magnitude for value in values)
    assert all(-tst.MAX_MAGNITUDE <= value.magnitude <= tst.MAX_MAGNITUDE for value in values)


@given(tst.money_amounts("cny", places=2))
def test_money_amounts_in_one_currency(value: Amount) -> None:
    """money_amounts(currency=...) keeps to that currency and its places."""
    assert value.unit == canonical_unit("cny")
    assert decimals_after_point(value.magnitude) <= 2


@given(tst.money_amounts(), tst.currencies(), tst.units(), tst.physical_units())
def test_units_of_each_kind(value: Amount, code: str, unit: str, physical: str) -> None:
    """Currencies are ISO codes, physical units are not, units() draws either."""
    assert value.is_money
    assert code in CURRENCIES
    assert unit == canonical_unit(unit)
    assert not is_currency(physical)


@given(tst.currencies(["usd", "EUR"]))
def test_currencies_from_a_list(code: str) -> None:
    """currencies(codes) draws from those codes only, in canonical case."""
    assert code in {"USD", "EUR"}


@pytest.mark.parametrize("kind", list(PeriodKind))
@given(data=st.data())
def test_periods_of_each_kind(kind: PeriodKind, data: st.DataObject) -> None:
    """periods(kinds=k) draws periods of kind k within the year bounds."""
    period = data.draw(tst.periods(kind, min_year=2000, max_year=2030))
    assert kind == period.kind
    assert 2000 <= period.start_year <= period.end_year <= 2030


@given(tst.year_on_year_periods(kinds=[PeriodKind.YEAR_TO_DATE, PeriodKind.SPAN]))
def test_year_on_year_periods(pair: tuple[Period, Period]) -> None:
    """year_on_year_periods draws a period and the same months one year earlier."""
    current, previous = pair
    assert current.is_year_after(previous)
    assert current.kind in {PeriodKind.YEAR_TO_DATE, PeriodKind.SPAN}


@given(tst.growths(), tst.multipliers(), tst.shares(), tst.percentage_points())
def test_measures_within_their_default_ranges(
    change: Growth, factor: Multiplier, part: Share, points: PercentagePoints
) -> None:
    """The measure strategies stay in ranges where implied values are well defined."""
    assert Decimal("-99.9") <= change.percent <= 1000
    assert Decimal("0.001") <= factor.factor <= 1000
    assert 0 <= part.fraction <= 1
    assert -1000 <= points.points <= 1000


@given(tst.hs_codes(levels=[4, 6]), tst.hs_codes(), tst.product_groups())
def test_products(code: HSCode, any_code: HSCode, group: ProductGroup) -> None:
    """hs_codes(levels=...) draws codes of those lengths; groups never look like codes."""
    assert code.level in {4, 6}
    assert any_code.level in {2, 4, 6, 8, 10}
    assert any_code.chapter.isdigit()
    assert int(any_code.chapter) >= 1
    assert group == ProductGroup(group.name)


@given(tst.names())
def test_names_are_stored_as_drawn(name: str) -> None:
    """names() draws names in the form tradestats keeps them, never the World."""
    assert name == " ".join(name.split())
    assert name != WORLD


@given(tst.trade_flows(flows=[Flow.EXPORTS, Flow.BALANCE], currency="USD"))
def test_trade_flows_follow_their_arguments(flow: TradeFlow) -> None:
    """trade_flows keeps to the flows and currency asked for."""
    assert flow.flow in {Flow.EXPORTS, Flow.BALANCE}
    assert flow.value.is_money
    assert flow.value.currency == canonical_unit("usd")
    assert flow.flow is Flow.BALANCE or flow.value.magnitude >= 0


@given(tst.trade_flows(optional_fields=False))
def test_trade_flows_without_optional_fields(flow: TradeFlow) -> None:
    """optional_fields=False leaves product, valuation, source and status unset."""
    unset = (flow.product, flow.valuation, flow.source, flow.status)
    assert all(field is None for field in unset)


@given(tst.year_on_year_flow_pairs())
def test_year_on_year_flow_pairs_have_a_growth(pair: tuple[TradeFlow, TradeFlow]) -> None:
    """The pairs are one year apart, about the same thing, with a positive base."""
    current, previous = pair
    assert current.key == previous.key
    assert current.period.is_year_after(previous.period)
    assert previous.value.magnitude > 0
    yoy_growth(current, previous)


@given(tst.partitions(min_parts=2, max_parts=4), tst.partitions(by="product"))
def test_partitions_sum_exactly(by_partner: tst.Partition, by_product: tst.Partition) -> None:
    """A partition's parts are distinct and their values add up exactly to the total."""
    for (total, parts), key in ((by_partner, "partner"), (by_product, "product")):
        assert total.value.magnitude > 0
        assert total.value == sum((part.value for part in parts), Amount(0, total.value.unit))
        labels = [getattr(part, key) for part in parts]
        assert len(set(labels)) == len(labels)
        assert getattr(total, key) not in labels
        for part in parts:
            assert (total.reporter, total.flow, total.period) == (
                part.reporter,
                part.flow,
                part.period,
            )
    assert 2 <= len(by_partner[1]) <= 4


@given(tst.year_on_year_partitions())
def test_year_on_year_partitions_match(pair: tuple[tst.Partition, tst.Partition]) -> None:
    """Both partitions split the same total into the same parts, a year apart."""
    (total_now, parts_now), (total_before, parts_before) = pair
    assert total_now.period.is_year_after(total_before.period)
    assert total_before.value.magnitude > 0
    assert [p.partner for p in parts_now] == [p.partner for p in parts_before]


@given(tst.exchange_rates(base="USD", periods=st.just(Period.year(2023))))
def test_exchange_rates_follow_their_arguments(rate: ExchangeRate) -> None:
    """exchange_rates keeps to the base and period asked for, with a positive rate."""
    assert rate.base == canonical_unit("usd")
    assert rate.quote != rate.base
    assert Period.year(2023) == rate.period
    assert Decimal("0.0001") <= rate.rate <= 10_000


BAD_ARGUMENTS: dict[str, Callable[[], Any]] = {
    "bounds reversed": lambda: tst.decimals(5, 1),
    "too many places": lambda: tst.decimals(places=13),
    "too many digits": lambda: tst.decimals(0, 10**20),
    "no value with so few places": lambda: tst.decimals(Decimal("0.1"), Decimal("0.2"), places=0),
    "NaN bound": lambda: tst.decimals(float("nan"), 1),
    "unknown currency": lambda: tst.money_amounts("XYZ"),
    "a volume for money": lambda: tst.money_amounts("tonne"),
    "unknown unit": lambda: tst.amounts("furlong"),
    "no units": lambda: tst.amounts([]),
    "non-positive maximum": lambda: tst.amounts(max_value=0),
    "unknown kind": lambda: tst.periods(kinds="decade"),  # type: ignore[arg-type]
    "years reversed": lambda: tst.periods(min_year=2030, max_year=2000),
    "one year for pairs": lambda: tst.year_on_year_periods(min_year=2023, max_year=2023),
    "negative multipliers": lambda: tst.multipliers(min_value=-1),
    "odd HS level": lambda: tst.hs_codes(levels=3),
    "unknown flow": lambda: tst.trade_flows(flows="sideways"),  # type: ignore[arg-type]
    "values and currency": lambda: tst.trade_flows(values=tst.amounts(), currency="USD"),
    "partition by reporter": lambda: tst.partitions(by="reporter"),  # type: ignore[arg-type]
    "no parts": lambda: tst.partitions(min_parts=0),
    "too many parts": lambda: tst.partitions(max_parts=51),
    "rate from a currency to itself": lambda: tst.exchange_rates(base="USD", quote="usd"),
    "non-positive rate": lambda: tst.exchange_rates(min_rate=0),
}


@pytest.mark.parametrize("build", BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_bad_arguments_are_refused_when_the_strategy_is_made(build: Callable[[], Any]) -> None:
    """Strategies check their arguments at once, raising hypothesis' InvalidArgument."""
    with pytest.raises(InvalidArgument):
        build()


# -- st.from_type ------------------------------------------------------------------------

REGISTERED: list[type] = [
    Amount,
    Period,
    Growth,
    Multiplier,
    Share,
    PercentagePoints,
    HSCode,
    ProductGroup,
    TradeFlow,
    ExchangeRate,
    tradestats.Interval,
]


@pytest.mark.parametrize("kind", REGISTERED, ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_from_type_draws_every_public_value_type(kind: type, data: st.DataObject) -> None:
    """st.from_type(T) works for each public value type and draws a T."""
    assert isinstance(data.draw(st.from_type(kind)), kind)


@pytest.mark.parametrize("kind", [Amount, Growth, Multiplier, Share, PercentagePoints])
@given(data=st.data())
def test_from_type_draws_reported_figures_of_a_kind(kind: type, data: st.DataObject) -> None:
    """st.from_type(Reported[T]) draws published figures whose value is a T."""
    generic: Any = tradestats.Reported
    figure = data.draw(st.from_type(generic[kind]))
    assert isinstance(figure, tradestats.Reported)
    assert isinstance(figure.value, kind)


@given(st.from_type(tradestats.Reported))
def test_from_type_draws_reported_figures_of_any_kind(figure: Any) -> None:
    """A plain Reported draws a figure of one of the five value types."""
    assert isinstance(figure.value, Amount | Growth | Multiplier | Share | PercentagePoints)


def test_from_type_refuses_reported_of_a_foreign_type() -> None:
    """Reported[int] is not a figure tradestats reports: hypothesis says it has no strategy."""
    generic: Any = tradestats.Reported
    with pytest.raises(ResolutionFailed, match=r"Reported\[int\]"):
        find(st.from_type(generic[int]), lambda _: True)


def _pair(period: Period, value: Amount) -> tuple[Period, Amount]:
    return period, value


@given(st.builds(_pair))
def test_builds_fills_typed_arguments(drawn: tuple[Period, Amount]) -> None:
    """st.builds fills arguments typed with public value types from the registry."""
    period, value = drawn
    assert isinstance(period, Period)
    assert isinstance(value, Amount)


def test_the_package_keeps_its_public_names() -> None:
    """tradestats.strategies exports the same names as the module it replaced."""
    assert sorted(tst.__all__) == sorted(
        [
            "MAX_MAGNITUDE", "PHYSICAL_UNITS", "Partition", "amounts", "currencies",
            "decimals", "exchange_rates", "growths", "hs_codes", "intervals", "money_amounts",
            "multipliers", "names", "partitions", "percentage_points", "periods",
            "physical_units", "product_groups", "products", "reported_amounts",
            "reported_growths", "reported_multipliers", "reported_percentage_points",
            "reported_shares", "reports_of", "rounded_reports", "shares", "trade_flows",
            "units", "year_on_year_flow_pairs", "year_on_year_partitions",
            "year_on_year_periods",
        ]
    )  # fmt: skip
    assert all(hasattr(tst, name) for name in tst.__all__)
