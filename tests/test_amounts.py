"""Amounts: exact magnitudes in currencies or physical units; parsing, formatting, arithmetic."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

import pint
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.helpers import UNIT_LABELS
from tradestats import (
    AmbiguityError,
    Amount,
    InvalidValueError,
    ParseError,
    UnitMismatchError,
    UnknownUnitError,
    ZeroBaseError,
    amount,
    money,
    ureg,
)
from tradestats import strategies as tst
from tradestats.units import SCALES

if TYPE_CHECKING:
    from collections.abc import Callable

ENGLISH_SCALES = sorted(word for word in SCALES if word.isascii())
CHINESE_SCALES = sorted(word for word in SCALES if not word.isascii())

# -- parsing the seed article and other published forms ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("183 billion yuan", Amount("183E9", "CNY")),
        ("CNY 183 billion", Amount("183E9", "CNY")),
        ("183 billion CNY", Amount("183E9", "CNY")),
        ("1831.6亿元", Amount("183.16E9", "CNY")),
        ("1831.6 亿元", Amount("183.16E9", "CNY")),
        ("US$5.94 trillion", Amount("5.94E12", "USD")),
        ("$5.94tn", Amount("5.94E12", "USD")),
        ("$3m", Amount("3E6", "USD")),
        ("€12.5bn", Amount("12.5E9", "EUR")),
        ("£700 million", Amount("700E6", "GBP")),
        ("RMB 1,234.5 million", Amount("1234.5E6", "CNY")),
        ("-25 billion US dollars", Amount("-25E9", "USD")),
        ("−25 billion USD", Amount("-25E9", "USD")),
        ("HK$3 thousand", Amount("3E3", "HKD")),
        ("2万亿元", Amount("2E12", "CNY")),
        ("5 eur", Amount(5, "EUR")),
    ],
)
def test_money_parses_published_forms(text: str, expected: Amount) -> None:
    """Money is read from the ways news and statistics offices write it."""
    assert expected == money(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.2万吨", Amount(32_000, "tonne")),
        ("5千克", Amount(5, "kilogram")),
        ("5公斤", Amount(5, "kilogram")),
        ("12.5 thousand tonnes", Amount(12_500, "tonne")),
        ("300 pieces", Amount(300, "item")),
        ("2 metric tons", Amount(2, "tonne")),
        ("1.5 million barrels", Amount(1_500_000, "barrel")),
        ("5 m", Amount(5, "metre")),
        ("40双", Amount(40, "pair")),
    ],
)
def test_amount_parses_volumes(text: str, expected: Amount) -> None:
    """Volume figures parse too; 千克 is a kilogram, not a thousand grams; "m" is a metre."""
    assert expected == amount(text)
    assert expected == Amount.parse(text)


def test_the_yen_sign_needs_a_chosen_currency() -> None:
    """ "¥5" is yuan or yen: refused until the caller says which."""
    with pytest.raises(AmbiguityError, match=r"'¥'.*yen_sign") as caught:
        money("¥5")
    assert isinstance(caught.value, ValueError)
    assert Amount(5, "CNY") == money("¥5", yen_sign="CNY")
    assert Amount(5, "JPY") == money("¥5", yen_sign="JPY")
    assert Amount(5, "JPY") == money("￥5", yen_sign="jpy")


def test_money_takes_a_number_and_a_currency() -> None:
    """A bare number needs its currency, given as a code or a word."""
    assert Amount("59.3", "EUR") == money(59.3, "EUR")
    assert Amount(183, "CNY") == money("183", "yuan")
    assert Amount(183, "CNY") == money(Decimal(183), "CNY")


def test_money_refuses_a_number_without_currency() -> None:
    """A number alone is not money; the error names it."""
    with pytest.raises(ParseError, match="183"):
        money(183)


def test_money_refuses_contradictory_currencies() -> None:
    """Text in one currency asked for in another is an error, not a silent conversion."""
    with pytest.raises(UnitMismatchError, match="'183 billion CNY' is in CNY, but USD"):
        money("183 billion CNY", "USD")


def test_money_refuses_volumes() -> None:
    """money() is for money only; amount() takes volumes."""
    with pytest.raises(UnitMismatchError, match="5 tonne is not money"):
        money(Amount(5, "tonne"))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: money("12 thousand tonnes"), "'tonnes' is a unit of mass, not a currency"),
        (lambda: money("5 t"), "'t' is a unit of mass, not a currency"),
        (lambda: money("3.2万吨"), "'吨' is a unit of mass, not a currency"),
        (lambda: money("300 pieces"), "'pieces' is a unit of count, not a currency"),
        (lambda: money("5 m3"), "'m3' is a unit of volume, not a currency"),
        (lambda: money("5 m2"), "'m2' is a unit of area, not a currency"),
        (lambda: money("5 kWh"), "'kWh' is a unit of energy, not a currency"),
        (lambda: money(5, "tonne"), "'tonne' is a unit of mass, not a currency"),
    ],
)
def test_money_refuses_physical_units_in_text(call: Callable[[], Amount], message: str) -> None:
    """A volume figure given to money() is a UnitMismatchError pointing to amount()."""
    with pytest.raises(UnitMismatchError, match=re.escape(message)) as caught:
        call()
    assert isinstance(caught.value, TypeError)
    assert "use amount() for volume figures" in str(caught.value)


def test_money_still_names_unknown_currencies() -> None:
    """Text that is neither a currency nor a physical unit stays an UnknownUnitError."""
    with pytest.raises(UnknownUnitError, match="unknown currency 'doubloons'"):
        money("5 doubloons")


def test_parse_refuses_text_without_unit() -> None:
    """Amount.parse needs a unit in the text, and says so."""
    with pytest.raises(ParseError, match="'183 billion' names no unit"):
        Amount.parse("183 billion")


def test_parse_refuses_two_units() -> None:
    """A figure that names two different currencies is refused."""
    with pytest.raises(ParseError, match="two units, USD and CNY"):
        money("US$5 CNY")


# -- formatting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "shown"),
    [
        ("183.16 billion CNY", lambda: str(money("1831.6亿元"))),
        ("183.2 billion CNY", lambda: money("1831.6亿元").format(places=1)),
        ("1831.6亿 CNY", lambda: money("1831.6亿元").format(scale="亿")),
        ("183160000000 CNY", lambda: money("1831.6亿元").format(scale=None)),
        ("114.9 billion CNY", lambda: f"{money('114.8776 billion CNY'):.1f}"),
        ("-0.1 billion CNY", lambda: money("-0.05 billion CNY").format(scale="billion", places=1)),
        ("Amount('183 billion CNY')", lambda: repr(money("183 billion yuan"))),
    ],
)
def test_format_of_the_seed_figures(expected: str, shown: Callable[[], str]) -> None:
    """Amounts show with a scale word; places round half away from zero."""
    assert expected == shown()


@pytest.mark.parametrize(
    ("expected", "value"),
    [
        ("12500 tonne", amount("12.5 thousand tonnes")),
        ("2000 kilogram", Amount(2, "tonne").to("kg")),
        ("999999.5 CNY", money("999999.5 CNY")),
        ("1 million CNY", money("1000000 CNY")),
        ("-250 USD", money("-250 USD")),
        ("426 million CNY", money("100 million CNY") * Decimal("4.26")),
        ("183 billion CNY", money("183.0 billion CNY")),
        ("1.5 trillion USD", money("1500 billion USD")),
        ("5 kWh", Amount(5, "kilowatt_hour")),
        ("0 CNY", money("0.000 CNY")),
    ],
)
def test_auto_scale_and_trailing_zeros(expected: str, value: Amount) -> None:
    """ "auto" uses million, billion or trillion only; without places no trailing zeros show."""
    assert expected == str(value)


@pytest.mark.parametrize(
    ("expected", "value", "places"),
    [
        ("183.0 billion CNY", money("183 billion CNY"), 1),
        ("426.00 million CNY", money("426 million CNY"), 2),
        ("12500.0 tonne", amount("12.5 thousand tonnes"), 1),
        ("1.0 billion CNY", money("999.96 million CNY"), 1),
        ("1 million tonne", amount("999999.6 tonne"), 0),
        ("-1.00 trillion USD", money("-999.996 billion USD"), 2),
    ],
)
def test_places_keep_exactly_that_many_decimals(expected: str, value: Amount, places: int) -> None:
    """With places the figure has exactly that many decimals, in the scale of the rounded value.

    Rounding 999.96 million to one place carries into the next scale word: 1.0
    billion, as rounded() gives, never 1000.0 million.
    """
    assert expected == value.format(places=places)


@pytest.mark.parametrize(("unit", "label"), UNIT_LABELS)
def test_units_show_as_their_label_and_parse_back(unit: str, label: str) -> None:
    """Units with compound names show as their symbol, and amount() reads that back."""
    value = Amount("2.5E6", unit)
    assert f"2.5 million {label}" == str(value)
    assert f"2500000 {label}" == value.format(scale=None)
    assert f"250万 {label}" == value.format(scale="万")
    for text in (str(value), value.format(scale=None), value.format(scale="万")):
        assert value == amount(text)
        assert value == Amount.parse(text)


@given(tst.amounts(tst.PHYSICAL_UNITS, allow_negative=True), st.sampled_from(["auto", None, "亿"]))
def test_physical_amounts_parse_back_through_their_labels(value: Amount, scale: str | None) -> None:
    """amount(x.format(scale=s)) == x for every physical unit, whatever its label."""
    assert value == amount(value.format(scale=scale))


def test_format_refuses_an_unknown_scale_or_spec() -> None:
    """Unknown scale words and format specs are named in the error."""
    with pytest.raises(UnknownUnitError, match="'zillion'"):
        money("5 CNY").format(scale="zillion")
    with pytest.raises(ParseError, match="'%'"):
        format(money("5 CNY"), "%")


@given(tst.amounts(allow_negative=True))
@example(Amount(Decimal("1.2300E+5"), "CNY"))
@example(Amount(Decimal("-0.00"), "CNY"))
@example(Amount(Decimal("999999.9999"), "tonne"))
def test_str_parses_back(value: Amount) -> None:
    """amount(str(x)) == x: the default text form loses nothing."""
    assert value == amount(str(value))


@given(tst.amounts(allow_negative=True), st.sampled_from([None, "auto", *SCALES]))
def test_format_with_any_scale_word_parses_back(value: Amount, scale: str | None) -> None:
    """amount(x.format(scale=w)) == x for every English and Chinese scale word."""
    assert value == amount(value.format(scale=scale))


@given(tst.money_amounts(allow_negative=True), st.sampled_from(CHINESE_SCALES))
def test_chinese_scale_words_parse_back_as_money(value: Amount, scale: str) -> None:
    """money() reads back amounts formatted with 万, 亿 and the other Chinese scale words."""
    assert value == money(value.format(scale=scale))


@given(tst.amounts(allow_negative=True), st.integers(0, 6))
def test_format_with_places_parses_back_to_the_rounded_value(value: Amount, places: int) -> None:
    """Rounding to N places changes the magnitude by at most half a unit of the Nth place."""
    word_exponent = {"": 0, **{w: SCALES[w] for w in ENGLISH_SCALES}}
    text = value.format(places=places)
    back = amount(text)
    shown_scale = next(
        (word_exponent[w] for w in ("trillion", "billion", "million") if f" {w} " in text), 0
    )
    assert value.unit == back.unit
    assert abs(back.magnitude - value.magnitude) <= Decimal("0.5").scaleb(shown_scale - places)


# -- rounding ----------------------------------------------------------------------------


IMPLIED = money("114.87758945 billion CNY")


@pytest.mark.parametrize(
    ("expected", "rounded"),
    [
        (money("114.9 billion CNY"), lambda: IMPLIED.rounded(1)),
        (money("115 billion CNY"), lambda: IMPLIED.rounded(0)),
        (money("1149亿元"), lambda: IMPLIED.rounded(0, scale="亿")),
        (money("114877589450 CNY"), lambda: IMPLIED.rounded(0, scale=None)),
        (money("-0.1 billion CNY"), lambda: money("-0.05 billion CNY").rounded(1, scale="billion")),
        (money("0.1 billion CNY"), lambda: money("0.05 billion CNY").rounded(1, scale="billion")),
        (money("1 billion CNY"), lambda: money("999.96 million CNY").rounded(1)),
        (amount("12.5 tonne"), lambda: amount("12.45 tonnes").rounded(1)),
    ],
)
def test_rounded_rounds_half_away_from_zero_in_the_shown_scale(
    expected: Amount, rounded: Callable[[], Amount]
) -> None:
    """rounded(places) rounds the figure as shown in its scale, half away from zero."""
    assert expected == rounded()


def test_rounded_shows_the_rounded_figure() -> None:
    """The rounded amount reads like the published figure."""
    expected = ("114.9 billion CNY", "1149亿 CNY")
    assert expected == (str(IMPLIED.rounded(1)), IMPLIED.rounded(0, scale="亿").format(scale="亿"))


def test_rounded_refuses_an_unknown_scale() -> None:
    """rounded() takes the scales format() takes, and names an unknown one."""
    with pytest.raises(UnknownUnitError, match="'zillion'"):
        money("5 CNY").rounded(1, scale="zillion")


@given(tst.amounts(allow_negative=True), st.integers(0, 6))
@example(Amount("999.96E6", "CNY"), 1)
@example(Amount("999999.6", "tonne"), 0)
@example(Amount("-999999999999.5", "USD"), 0)
@example(Amount("0.04", "CNY"), 1)
@example(Amount("-0.04", "CNY"), 1)
def test_rounded_formats_like_format_with_places(value: Amount, places: int) -> None:
    """x.rounded(p) shows as x.format(places=p) does, and that text parses back to it."""
    rounded = value.rounded(places)
    text = value.format(places=places)
    assert text == rounded.format(places=places)
    assert rounded == amount(text)
    assert rounded == rounded.rounded(places)


# -- identity ----------------------------------------------------------------------------


@given(tst.amounts(allow_negative=True))
def test_equal_amounts_hash_equally(value: Amount) -> None:
    """Amounts equal by value hash equally, whatever the Decimal's exponent."""
    same = Amount(value.magnitude.normalize(), value.unit.lower())
    assert value == same
    assert hash(value) == hash(same)


def test_units_are_canonical() -> None:
    """Units are stored in canonical form, so differently spelled units compare equal."""
    assert Amount(2, "tonnes") == Amount(2, "t")
    assert Amount(183_000_000_000, "cny") == Amount("183E9", "CNY")


@given(tst.amounts())
def test_quantity_is_fresh_each_time(value: Amount) -> None:
    """Amount.quantity hands out a new pint quantity; changing it leaves the amount alone."""
    first, second = value.quantity, value.quantity
    assert first is not second
    before = Amount(value.magnitude, value.unit)
    first.ito(first.units * ureg.Quantity(1, "thousand").units)
    assert before == value
    assert value.magnitude == value.quantity.magnitude
    assert value.unit == str(value.quantity.units)


# -- arithmetic --------------------------------------------------------------------------


@given(st.data(), tst.units())
def test_addition_is_exact_and_commutative(data: st.DataObject, unit: str) -> None:
    """Sums of amounts in one unit are exact decimal sums, in either order."""
    left = data.draw(tst.amounts(unit, allow_negative=True))
    right = data.draw(tst.amounts(unit, allow_negative=True))
    expected = Amount(left.magnitude + right.magnitude, unit)
    assert expected == left + right
    assert expected == right + left
    assert left == (left + right) - right


@given(st.lists(tst.money_amounts("CNY"), min_size=1, max_size=10))
def test_sum_starts_from_zero(values: list[Amount]) -> None:
    """sum() works on amounts, neither creating nor losing money."""
    total = sum(values, start=Amount(0, "CNY"))
    assert total == sum(values)
    assert sum(v.magnitude for v in values) == total.magnitude


@given(tst.amounts(), tst.decimals(0, 1000, places=4))
def test_multiplying_is_exact_within_28_digits(value: Amount, factor: Decimal) -> None:
    """Scaling an amount by a short factor is exact, and dividing by it gives it back."""
    scaled = value * factor
    assert value.magnitude * factor == scaled.magnitude
    assert scaled == factor * value
    if factor:
        assert value == scaled / factor
        if value.magnitude:
            assert factor == scaled / value


def test_mass_amounts_compare_and_combine_across_units() -> None:
    """Amounts of one dimension combine in the left operand's unit."""
    assert Amount("1.5", "tonne") + Amount(500, "kg") == Amount(2, "tonne")
    assert Amount(1, "tonne") > Amount(999, "kg")
    assert Amount(1, "tonne") >= Amount(1000, "kg")
    assert Amount(1, "dozen") < Amount(13, "item")
    assert Amount(1, "dozen") <= Amount(12, "item")


@given(tst.amounts(tst.PHYSICAL_UNITS[:5]), st.sampled_from(tst.PHYSICAL_UNITS[:5]))
def test_to_converts_both_ways(value: Amount, unit: str) -> None:
    """Converting mass to another mass unit and back returns the amount (up to rounding)."""
    back = value.to(unit).to(value.unit)
    assert abs(back.magnitude - value.magnitude) <= abs(value.magnitude) * Decimal("1e-26")


@pytest.mark.parametrize(
    ("operation", "action"),
    [
        (lambda a, b: a + b, "add 183 billion CNY and 25 billion USD"),
        (lambda a, b: a - b, "subtract 25 billion USD from 183 billion CNY"),
        (lambda a, b: a < b, "compare 183 billion CNY with 25 billion USD"),
        (lambda a, b: a <= b, "compare 183 billion CNY with 25 billion USD"),
        (lambda a, b: a > b, "compare 183 billion CNY with 25 billion USD"),
        (lambda a, b: a >= b, "compare 183 billion CNY with 25 billion USD"),
        (lambda a, b: a / b, "divide 183 billion CNY by 25 billion USD"),
    ],
)
def test_mixing_currencies_is_refused(operation: object, action: str) -> None:
    """Adding, comparing or dividing two currencies raises UnitMismatchError naming both."""
    assert callable(operation)
    cny, usd = money("183 billion CNY"), money("25 billion USD")
    message = f"cannot {action}: CNY and USD are different currencies; convert one"
    with pytest.raises(UnitMismatchError, match=re.escape(message)) as caught:
        operation(cny, usd)
    assert isinstance(caught.value, TypeError)
    assert cny == caught.value.details["left"]
    assert usd == caught.value.details["right"]


def test_equality_across_currencies_is_false_not_an_error() -> None:
    """== never raises: 5 CNY is simply not 5 USD."""
    assert money(5, "CNY") != money(5, "USD")


def test_division_by_zero() -> None:
    """Dividing by a zero number or amount raises ZeroBaseError naming the dividend."""
    with pytest.raises(ZeroBaseError, match="cannot divide 5 CNY by zero"):
        money(5, "CNY") / 0
    with pytest.raises(ZeroBaseError, match="cannot divide 5 CNY by 0 CNY"):
        money(5, "CNY") / money(0, "CNY")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "NaN", Decimal("-Infinity"), "sNaN"])
def test_non_finite_magnitudes_are_refused(bad: object) -> None:
    """NaN and infinities are refused wherever a magnitude comes in, naming the value."""
    with pytest.raises(InvalidValueError, match="must be finite"):
        Amount(bad, "CNY")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="must be finite"):
        money(bad, "CNY")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="must be finite"):
        money(5, "CNY") * bad  # type: ignore[operator]


def test_floats_keep_their_shortest_decimal() -> None:
    """A float becomes the decimal it prints as, without binary noise."""
    assert Decimal("0.1") == Amount(0.1, "USD").magnitude
    assert Amount(Decimal("0.3"), "USD") == Amount(0.1, "USD") + Amount(0.2, "USD")


# -- pint quantities ---------------------------------------------------------------------


def test_from_quantity_of_our_registry() -> None:
    """A quantity of the library's registry becomes an amount; scale words fold in."""
    assert Amount("183E9", "CNY") == Amount.from_quantity(ureg.Quantity(183, "billion * CNY"))
    assert Amount(5, "tonne") == amount(ureg.Quantity(5, "t"))


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("kilogram", Amount(5, "kilogram")),
        ("gram", Amount(5, "gram")),
        ("metric_ton", Amount(5, "tonne")),
        ("liter", Amount(5, "litre")),
        ("meter", Amount(5, "metre")),
        ("kWh", Amount(5, "kilowatt_hour")),
    ],
)
def test_from_quantity_of_a_foreign_registry(unit: str, expected: Amount) -> None:
    """Quantities of another pint registry convert by unit name when the unit is known."""
    foreign: pint.UnitRegistry[float] = pint.UnitRegistry()
    assert expected == Amount.from_quantity(foreign.Quantity(5, unit))
    assert expected == amount(foreign.Quantity(5, unit))


@pytest.mark.parametrize("unit", ["furlong", "kilometer", "ounce", "meter / second"])
def test_unknown_foreign_units_are_refused(unit: str) -> None:
    """A foreign quantity in a unit tradestats does not know gives UnknownUnitError naming it."""
    foreign: pint.UnitRegistry[float] = pint.UnitRegistry()
    quantity = foreign.Quantity(5, unit)
    with pytest.raises(UnknownUnitError, match=re.escape(str(quantity.units))) as caught:
        Amount.from_quantity(quantity)
    assert isinstance(caught.value, LookupError)


def test_dimensionless_quantities_are_refused() -> None:
    """A pure number in pint's clothing is not an amount."""
    with pytest.raises(UnknownUnitError, match="dimensionless quantity 5"):
        Amount.from_quantity(ureg.Quantity(5, "billion"))


def test_from_quantity_keeps_float_digits_short() -> None:
    """A foreign float magnitude becomes its shortest decimal."""
    foreign: pint.UnitRegistry[float] = pint.UnitRegistry()
    assert Amount("0.1", "kilogram") == Amount.from_quantity(foreign.Quantity(0.1, "kg"))
