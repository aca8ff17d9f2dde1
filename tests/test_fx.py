"""Exchange rates: explicit, dated values, and the only way money changes currency."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import assert_amounts_close, assert_close
from tradestats import (
    Amount,
    ExchangeRate,
    InvalidValueError,
    ParseError,
    Period,
    PeriodMismatchError,
    RateKind,
    Status,
    TradeFlow,
    UnitMismatchError,
    UnknownUnitError,
    money,
)
from tradestats import strategies as tst

USD_CNY_2023 = ExchangeRate("USD", "CNY", "7", period="2023")


def test_convert_both_ways() -> None:
    """A rate converts base to quote by multiplying and quote to base by dividing."""
    assert Amount(2, "USD") == USD_CNY_2023.convert(Amount(14, "CNY"))
    assert Amount(14, "CNY") == USD_CNY_2023.convert(Amount(2, "USD"))
    rate = ExchangeRate("USD", "CNY", "7.0467", period="2023-01/2023-07")
    expected = money("25.97 billion USD")
    assert expected.format() == rate.convert(money("183 billion CNY")).format(places=2)


def test_inverse_example() -> None:
    """8 CNY per USD is 0.125 USD per CNY, for the same period, kind and source."""
    rate = ExchangeRate("USD", "CNY", "8", period="2023", kind="end of period", source="PBoC")
    expected = ExchangeRate("CNY", "USD", "0.125", period="2023", kind=RateKind.END_OF_PERIOD,
                            source="PBoC")  # fmt: skip
    assert expected == rate.inverse()


@given(tst.exchange_rates())
def test_inverse_round_trip(rate: ExchangeRate) -> None:
    """The inverse of the inverse is the rate again (its number up to one rounding)."""
    back = rate.inverse().inverse()
    assert attrs.evolve(back, rate=rate.rate) == rate
    assert_close(rate.rate, back.rate)


@given(st.data(), tst.exchange_rates())
def test_converting_there_and_back(data: st.DataObject, rate: ExchangeRate) -> None:
    """Converting an amount with a rate and back with its inverse gives it back."""
    value = data.draw(tst.money_amounts([rate.base, rate.quote]))
    there = rate.convert(value)
    assert {rate.base, rate.quote} - {value.unit} == {there.unit}
    assert_amounts_close(value, rate.convert(there))
    assert_amounts_close(value, rate.inverse().convert(there))


@given(tst.exchange_rates(base="USD", quote="CNY"), tst.money_amounts("USD"))
def test_base_to_quote_is_exact(rate: ExchangeRate, value: Amount) -> None:
    """Multiplying short numbers loses nothing in 28 digits."""
    assert Amount(value.magnitude * rate.rate, "CNY") == rate.convert(value)


@given(st.data(), tst.exchange_rates())
def test_converting_a_flow_changes_only_its_value(data: st.DataObject, rate: ExchangeRate) -> None:
    """A flow of the rate's period converts; everything but its value stays."""
    flow = data.draw(
        tst.trade_flows(periods=st.just(rate.period), currency=[rate.base, rate.quote])
    )
    converted = rate.convert(flow, allow_end_of_period=True)
    assert attrs.evolve(flow, value=converted.value, status=Status.DERIVED) == converted
    assert rate.convert(flow.value) == converted.value


def test_a_converted_flow_is_derived() -> None:
    """A converted value was not published, so the flow is marked derived, whatever it was."""
    flow = TradeFlow(reporter="Xinjiang", flow="total", period="2023", value="14 billion CNY",
                     status="final")  # fmt: skip
    converted = USD_CNY_2023.convert(flow)
    expected = (money("2 billion USD"), Status.DERIVED, Status.FINAL)
    assert expected == (converted.value, converted.status, flow.status)


def test_an_end_of_period_rate_does_not_convert_a_flow_unless_allowed() -> None:
    """A flow accumulates over its period; an end-of-period rate needs allow_end_of_period."""
    rate = ExchangeRate("USD", "CNY", "7", period="2023", kind=RateKind.END_OF_PERIOD)
    flow = TradeFlow(reporter="Xinjiang", flow="total", period="2023", value="14 billion CNY")
    message = (
        "Xinjiang total trade with World, 2023 accumulates over its period, so it converts with "
        "a period-average rate, not the end-of-period rate 1 USD = 7 CNY (end of period, 2023); "
        "pass allow_end_of_period=True if that is what you mean"
    )
    with pytest.raises(InvalidValueError, match=re.escape(message)) as caught:
        rate.convert(flow)
    assert isinstance(caught.value, ValueError)
    assert {"value": flow, "rate": rate} == caught.value.details
    converted = rate.convert(flow, allow_end_of_period=True)
    assert (money("2 billion USD"), Status.DERIVED) == (converted.value, converted.status)


def test_an_end_of_period_rate_converts_an_amount() -> None:
    """An amount may be a stock (reserves at the end of July): the end-of-period rate takes it."""
    rate = ExchangeRate("USD", "CNY", "7", period="2023-07", kind="end of period")
    assert money(2, "USD") == rate.convert(money(14, "CNY"))
    assert money(2, "USD") == rate.convert(money(14, "CNY"), period=Period.month(2023, 7))


def test_the_period_is_checked_before_the_kind() -> None:
    """A flow of another period is refused for its period first, whatever the rate's kind."""
    rate = ExchangeRate("USD", "CNY", "7", period="2023", kind=RateKind.END_OF_PERIOD)
    flow = TradeFlow(reporter="A", flow="exports", period="2022", value="14 CNY")
    with pytest.raises(PeriodMismatchError, match="applies to 2023"):
        rate.convert(flow, allow_end_of_period=True)
    with pytest.raises(InvalidValueError, match="end-of-period rate"):
        rate.convert(flow, allow_other_period=True)
    converted = rate.convert(flow, allow_other_period=True, allow_end_of_period=True)
    assert money(2, "USD") == converted.value


def test_a_flow_of_another_period_needs_permission() -> None:
    """A rate for 2023 does not silently convert January–July 2023 trade."""
    flow = TradeFlow(reporter="Xinjiang", flow="total", period="2023-01/2023-07",
                     value="14 billion CNY")  # fmt: skip
    message = (
        "the USD/CNY rate applies to 2023, but Xinjiang total trade with World, Jan–Jul 2023: "
        "14 billion CNY is for 2023-01/2023-07: use a rate for 2023-01/2023-07 or pass "
        "allow_other_period=True"
    )
    with pytest.raises(PeriodMismatchError, match=re.escape(message)) as caught:
        USD_CNY_2023.convert(flow)
    assert isinstance(caught.value, ValueError)
    assert Period.year(2023) == caught.value.details["rate_period"]
    converted = USD_CNY_2023.convert(flow, allow_other_period=True)
    assert money("2 billion USD") == converted.value


def test_an_amount_with_a_period_is_checked_too() -> None:
    """Giving an amount's period makes the rate check it; allow_other_period overrides."""
    with pytest.raises(PeriodMismatchError, match="14 CNY is for 2022"):
        USD_CNY_2023.convert(money(14, "CNY"), period=Period.year(2022))
    assert money(2, "USD") == USD_CNY_2023.convert(
        money(14, "CNY"), period=Period.year(2022), allow_other_period=True
    )
    assert money(2, "USD") == USD_CNY_2023.convert(money(14, "CNY"), period=Period.year(2023))


@pytest.mark.parametrize("value", [money(14, "EUR"), Amount(5, "tonne")])
def test_a_rate_converts_only_its_currencies(value: Amount) -> None:
    """Money in a third currency, or a volume, is refused by name."""
    with pytest.raises(
        UnitMismatchError, match=re.escape(f"cannot convert {value} with the USD/CNY")
    ):
        USD_CNY_2023.convert(value)


@pytest.mark.parametrize(
    ("build", "error", "fragment"),
    [
        (lambda: ExchangeRate("USD", "CNY", 0, period="2023"), InvalidValueError,
         "positive, got 0"),
        (lambda: ExchangeRate("USD", "CNY", "-7", period="2023"), InvalidValueError, "got -7"),
        (lambda: ExchangeRate("USD", "CNY", "nan", period="2023"), InvalidValueError, "'nan'"),
        (lambda: ExchangeRate("USD", "usd", 7, period="2023"), InvalidValueError, "USD twice"),
        (lambda: ExchangeRate("USD", "tonne", 7, period="2023"), InvalidValueError, "'tonne'"),
        (lambda: ExchangeRate("USD", "XYZ", 7, period="2023"), UnknownUnitError, "'XYZ'"),
        (lambda: ExchangeRate("USD", "CNY", 7, period="2023-13"), ParseError, "'2023-13'"),
        (lambda: ExchangeRate("USD", "CNY", 7, period="2023", kind="spot"), InvalidValueError,
         "unknown RateKind 'spot'"),
        (lambda: ExchangeRate("USD", "CNY", 7, period="2023", source="  "), InvalidValueError,
         "a source must be a non-empty string"),
    ],
)  # fmt: skip
def test_invalid_rates(build: object, error: type[Exception], fragment: str) -> None:
    """Rates must be positive, finite, between two different currencies, for a period."""
    assert callable(build)
    with pytest.raises(error, match=re.escape(fragment)):
        build()


@given(tst.exchange_rates())
def test_equal_rates_hash_equally(rate: ExchangeRate) -> None:
    """A rate equals and hashes like the same rate with its number written otherwise."""
    same = attrs.evolve(rate, rate=rate.rate.normalize())
    assert rate == same
    assert hash(rate) == hash(same)


def test_text() -> None:
    """A rate says what it is: one base unit in quote units, kind and period."""
    expected = "1 USD = 7 CNY (period average, 2023)"
    assert expected == str(USD_CNY_2023)
    assert Decimal(7) == USD_CNY_2023.rate
