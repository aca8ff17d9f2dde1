"""Trade flows, HS codes and product groups: immutable, validated, combinable."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given
from hypothesis import strategies as st

from tradestats import (
    WORLD,
    Amount,
    Flow,
    FlowMismatchError,
    HSCode,
    InvalidValueError,
    ParseError,
    Period,
    ProductGroup,
    Status,
    TradeFlow,
    UnitMismatchError,
    UnknownUnitError,
    Valuation,
    money,
    total_trade,
    trade_balance,
)
from tradestats import strategies as tst


def exports(value: str, **changes: Any) -> TradeFlow:
    """Country A's exports in 2023, with any field changed."""
    flow = TradeFlow(reporter="A", flow=Flow.EXPORTS, period="2023", value=value)
    return attrs.evolve(flow, **changes)


def imports(value: str, **changes: Any) -> TradeFlow:
    """Country A's imports in 2023, with any field changed."""
    return exports(value, flow=Flow.IMPORTS, **changes)


def test_text_is_accepted_where_unambiguous() -> None:
    """Flows, periods, values and products may be given as text."""
    flow = TradeFlow(
        reporter=" Xinjiang ",
        flow="Total",
        period="2023-01/2023-07",
        value="183 billion yuan",
        product="8703.80",
        valuation="FOB",
        status="provisional",
    )
    expected = TradeFlow(
        reporter="Xinjiang",
        partner=WORLD,
        flow=Flow.TOTAL,
        period=Period.year_to_date(2023, 7),
        value=money("183 billion CNY"),
        product=HSCode("870380"),
        valuation=Valuation.FOB,
        status=Status.PROVISIONAL,
    )
    assert expected == flow
    assert (
        ProductGroup("electric vehicles") == attrs.evolve(flow, product="electric vehicles").product
    )
    assert Period.year(2023) == attrs.evolve(flow, period=2023).period


def test_text_forms() -> None:
    """A flow describes itself in one line."""
    flow = TradeFlow(reporter="Xinjiang", flow="exports", period="2023-01/2023-07",
                     value="5 billion CNY", product="electric vehicles")  # fmt: skip
    expected = "Xinjiang exports of electric vehicles with World, Jan–Jul 2023: 5 billion CNY"
    assert expected == str(flow)
    assert ("Xinjiang", WORLD, Flow.EXPORTS, ProductGroup("electric vehicles")) == flow.key


@given(tst.trade_flows())
def test_flows_are_immutable(flow: TradeFlow) -> None:
    """No field of a flow can be set or deleted, and no new attribute added."""
    before = TradeFlow(**attrs.asdict(flow, recurse=False))
    for field in attrs.fields(TradeFlow):
        with pytest.raises(FrozenInstanceError):
            setattr(flow, field.name, getattr(flow, field.name))
        with pytest.raises(FrozenInstanceError):
            delattr(flow, field.name)
    with pytest.raises((FrozenInstanceError, AttributeError)):
        flow.note = "changed"  # type: ignore[attr-defined]
    assert before == flow


@pytest.mark.parametrize(
    "value",
    [
        Amount(5, "CNY"),
        Period.year(2023),
        HSCode("8703"),
        ProductGroup("cotton"),
    ],
)
def test_value_objects_are_immutable(value: Any) -> None:
    """Amounts, periods, HS codes and product groups are frozen too."""
    name = attrs.fields(type(value))[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(value, name, getattr(value, name))


@given(tst.trade_flows())
def test_equal_flows_hash_equally(flow: TradeFlow) -> None:
    """A flow rebuilt from its fields equals the original and hashes like it."""
    copy = TradeFlow(**attrs.asdict(flow, recurse=False))
    assert flow == copy
    assert hash(flow) == hash(copy)
    assert len({flow, copy}) == 1


@given(tst.trade_flows(flows=[Flow.EXPORTS, Flow.IMPORTS, Flow.TOTAL, Flow.RE_EXPORTS]))
def test_negative_values_are_refused_except_for_balances(flow: TradeFlow) -> None:
    """Only a trade balance may be negative; anything else with a negative value is refused."""
    negative = Amount(-(flow.value.magnitude + 1), flow.value.unit)
    with pytest.raises(InvalidValueError, match=re.escape(f"got {negative}")) as caught:
        flow.with_value(negative)
    assert negative == caught.value.details["value"]
    balance = flow.with_value(negative, flow=Flow.BALANCE)
    assert negative == balance.value


@pytest.mark.parametrize(
    ("changes", "error", "fragment"),
    [
        ({"reporter": ""}, InvalidValueError, "a reporter must be a non-empty string, got ''"),
        ({"partner": "  "}, InvalidValueError, "a partner must be a non-empty string, got '  '"),
        ({"flow": "sideways"}, InvalidValueError, "unknown Flow 'sideways'"),
        ({"period": "2023-13"}, ParseError, "'2023-13'"),
        ({"value": "5 doubloons"}, UnknownUnitError, "unknown unit 'doubloons'"),
        ({"value": "NaN CNY"}, ParseError, "'NaN CNY'"),
        ({"product": "123"}, ParseError, "malformed HS code '123'"),
        ({"product": 8703}, InvalidValueError, "got 8703"),
        ({"valuation": "ex works"}, InvalidValueError, "unknown Valuation 'ex works'"),
        ({"status": "final-ish"}, InvalidValueError, "unknown Status 'final-ish'"),
        ({"source": ""}, InvalidValueError, "a source must be a non-empty string"),
    ],
)
def test_invalid_fields_are_refused_by_name(
    changes: dict[str, object], error: type[Exception], fragment: str
) -> None:
    """Each field is validated, and the error quotes the offending value."""
    fields: dict[str, object] = {
        "reporter": "A",
        "flow": "exports",
        "period": "2023",
        "value": "5 CNY",
        **changes,
    }
    with pytest.raises(error, match=re.escape(fragment)):
        TradeFlow(**fields)  # type: ignore[arg-type]


# -- total trade and balance -------------------------------------------------------------


@given(st.data(), tst.year_on_year_periods(), tst.currencies())
def test_total_and_balance(data: st.DataObject, periods: tuple[Period, Period], code: str) -> None:
    """Total trade is exports + imports, the balance exports − imports, both derived."""
    x = data.draw(tst.trade_flows(flows=Flow.EXPORTS, currency=code, periods=st.just(periods[0])))
    m = attrs.evolve(x, flow=Flow.IMPORTS, value=data.draw(tst.money_amounts(code)))
    total, balance = total_trade(x, m), trade_balance(x, m)
    assert x.value + m.value == total.value
    assert x.value - m.value == balance.value
    expected_flows = (Flow.TOTAL, Flow.BALANCE)
    assert expected_flows == (total.flow, balance.flow)
    assert Status.DERIVED == total.status == balance.status
    assert total.value == balance.value + m.value + m.value
    assert (x.reporter, x.partner, x.product, x.period) == (
        total.reporter,
        total.partner,
        total.product,
        total.period,
    )


def test_total_keeps_a_shared_valuation_only() -> None:
    """Exports FOB and imports CIF add up to a total of no single valuation."""
    x, m = exports("10 USD", valuation="fob"), imports("4 USD", valuation="cif")
    assert total_trade(x, m).valuation is None
    x_fob, m_fob = exports("10 USD", valuation="fob"), imports("4 USD", valuation="fob")
    assert x_fob.valuation == total_trade(x_fob, m_fob).valuation


@pytest.mark.parametrize(
    ("x", "m", "fragment"),
    [
        (imports("10 USD"), imports("4 USD"), "expected an exports flow and an imports flow"),
        (exports("10 USD"), imports("4 USD", partner="B"), "differ in partner (World vs B)"),
        (exports("10 USD"), imports("4 USD", period="2022"), "differ in period (2023 vs 2022)"),
        (exports("10 USD"), imports("4 USD", product="87"), "differ in product (None vs 87)"),
    ],
)
def test_total_of_flows_that_do_not_belong_together(
    x: TradeFlow, m: TradeFlow, fragment: str
) -> None:
    """Exports and imports must be of the same reporter, partner, product and period."""
    with pytest.raises(FlowMismatchError, match=re.escape(fragment)):
        total_trade(x, m)
    with pytest.raises(FlowMismatchError, match=re.escape(fragment)):
        trade_balance(x, m)


def test_total_across_currencies() -> None:
    """Exports in dollars and imports in yuan do not add up."""
    with pytest.raises(UnitMismatchError, match="10 USD and 4 CNY"):
        total_trade(exports("10 USD"), imports("4 CNY"))


# -- HS codes and product groups ---------------------------------------------------------


@given(tst.hs_codes())
def test_hs_code_text_parses_back(code: HSCode) -> None:
    """HSCode.parse(str(c)) == c, with or without the dots."""
    assert code == HSCode.parse(str(code))
    assert code == HSCode.parse(code.digits)
    assert f"HSCode({str(code)!r})" == repr(code)


@given(tst.hs_codes())
def test_hs_code_hierarchy(code: HSCode) -> None:
    """A code lies within its chapter and heading, and its level is its number of digits."""
    assert code.level == len(code.digits)
    assert HSCode(code.chapter).contains(code)
    if code.heading is not None:
        assert HSCode(code.heading).contains(code)
        assert code.level >= 4


def test_hs_code_example() -> None:
    """8703.80 (electric cars) is a subheading of heading 8703 in chapter 87."""
    code = HSCode.parse("8703.80")
    expected = ("87", "8703", 6, "8703.80", "8703.80.10")
    actual = (code.chapter, code.heading, code.level, str(code), str(HSCode.parse("87038010")))
    assert expected == actual
    assert not code.contains(HSCode("87"))


@pytest.mark.parametrize(
    "text", ["", "8", "123", "00", "0012", "12345678901", "87a3", "8703.8", "870380123456"]
)
def test_malformed_hs_codes(text: str) -> None:
    """Malformed HS codes raise ParseError (a ValueError) quoting the digits read."""
    with pytest.raises(ParseError, match=re.escape(f"malformed HS code {text.replace('.', '')!r}")):
        HSCode.parse(text)


def test_hs_code_needs_text() -> None:
    """An HS code given as a number is refused: leading zeros would be lost."""
    with pytest.raises(ParseError, match="must be text, got 102"):
        HSCode.parse(102)  # type: ignore[arg-type]


@given(tst.product_groups())
def test_product_group_names(group: ProductGroup) -> None:
    """A product group keeps its name, which is its text."""
    assert group.name == str(group)
    assert group == ProductGroup(f"  {group.name} ")


@pytest.mark.parametrize(("name", "fragment"), [("8703", "looks like an HS code"), ("", "''")])
def test_product_group_refuses_codes_and_empty_names(name: str, fragment: str) -> None:
    """A name that is an HS code, or empty, is refused by name."""
    with pytest.raises(InvalidValueError, match=re.escape(fragment)):
        ProductGroup(name)


@pytest.mark.parametrize(
    "text", ["８７０３", "٨٧٠٣", "8703\n", "87\t03", "8703\x00", "87\u200b03", "87\u00a003"]
)
def test_hs_codes_are_ascii_digits_without_control_characters(text: str) -> None:
    """Non-ASCII digits, white space and controls are refused; parse drops what it documents."""
    with pytest.raises(ParseError, match="malformed HS code"):
        HSCode(text)
    if text.strip(" \t\r\n") != text:
        assert HSCode.parse(text) == HSCode(text.strip())
    else:
        with pytest.raises(ParseError, match="malformed HS code"):
            HSCode.parse(text)


def test_hs_code_parse_drops_ascii_white_space_around_and_dots_and_spaces_inside() -> None:
    """The documented separators are dropped; the code is the same as the clean one."""
    assert HSCode("870380") == HSCode.parse(" 8703.80\n") == HSCode.parse("8703 80")


def test_non_ascii_digits_are_named_in_the_message() -> None:
    """The message says why a code that looks right is refused."""
    with pytest.raises(ParseError, match="ASCII digits"):
        HSCode("８７０３")
