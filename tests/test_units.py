"""The library's pint registry, currencies, physical units and scale words."""

from __future__ import annotations

import re
from decimal import Decimal

import pint
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.helpers import UNIT_LABELS
from tradestats import UnitMismatchError, UnknownUnitError, ureg
from tradestats import strategies as tst
from tradestats.units import (
    CURRENCIES,
    REGISTRY,
    SCALES,
    canonical_unit,
    conversion_factor,
    currency_code,
    currency_name,
    dimension_name,
    dimension_of,
    incompatibility,
    is_currency,
    known_currency_code,
    scale_factor,
    unit_label,
)


def test_registry_is_the_library_own() -> None:
    """tradestats keeps one registry of its own and leaves pint's application registry alone."""
    assert ureg is REGISTRY
    application = pint.application_registry
    with pytest.raises(pint.UndefinedUnitError):
        application.Quantity(1, "CNY")


@given(tst.currencies(), tst.currencies())
def test_every_currency_is_a_dimension_of_its_own(left: str, right: str) -> None:
    """Two currencies share a dimension only if they are the same currency."""
    expected = left == right
    assert expected == (dimension_of(left) == dimension_of(right))


def test_pint_refuses_to_add_two_currencies() -> None:
    """Even raw pint arithmetic in the registry cannot add yuan to dollars."""
    with pytest.raises(pint.DimensionalityError):
        REGISTRY.Quantity(183, "billion * CNY") + REGISTRY.Quantity(25, "billion * USD")


@given(tst.currencies())
def test_currency_codes_are_canonical_in_any_case(code: str) -> None:
    """A currency code is recognised in lower case and given back in upper case."""
    assert code == canonical_unit(code.lower())
    assert is_currency(code)
    assert currency_name(code) == CURRENCIES[code]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("tonnes", "tonne"),
        ("t", "tonne"),
        ("metric_ton", "tonne"),
        ("kg", "kilogram"),
        ("kilogrammes", "kilogram"),
        ("pieces", "item"),
        ("pcs", "item"),
        ("liters", "litre"),
        ("m3", "cubic_metre"),
        ("kWh", "kilowatt_hour"),
        ("bbl", "barrel"),
        (" usd ", "USD"),
    ],
)
def test_canonical_unit_reads_names_symbols_and_plurals(written: str, expected: str) -> None:
    """Physical units are known by name, symbol and plural; all map to one canonical name."""
    assert expected == canonical_unit(written)


@given(tst.physical_units())
def test_physical_units_are_canonical_and_not_currencies(unit: str) -> None:
    """The canonical name of a physical unit is itself, and it is no currency."""
    assert unit == canonical_unit(unit)
    assert not is_currency(unit)


@pytest.mark.parametrize("unit", ["XYZ", "furlong", "", "billion", "CNY/USD", "kg*CNY"])
def test_unknown_units_are_refused_by_name(unit: str) -> None:
    """Unknown, dimensionless or compound units raise UnknownUnitError naming them."""
    with pytest.raises(UnknownUnitError, match=re.escape(f"unknown unit {unit!r}")) as caught:
        canonical_unit(unit)
    assert isinstance(caught.value, LookupError)
    assert unit == caught.value.details["value"]


def test_currency_name_of_an_unknown_code() -> None:
    """currency_name names the code it does not know."""
    with pytest.raises(UnknownUnitError, match="'XYZ'"):
        currency_name("XYZ")


@pytest.mark.parametrize(("unit", "label"), UNIT_LABELS)
def test_unit_labels(unit: str, label: str) -> None:
    """Compound unit names show as their pint symbol; short names show as they are."""
    assert label == unit_label(unit)


@given(tst.units())
def test_unit_labels_read_back(unit: str) -> None:
    """canonical_unit(unit_label(u)) == u for every unit, so shown amounts parse back."""
    assert unit == canonical_unit(unit_label(unit))


@pytest.mark.parametrize(
    ("unit", "name"),
    [
        ("tonne", "mass"),
        ("item", "count"),
        ("metre", "length"),
        ("square_metre", "area"),
        ("cubic_metre", "volume"),
        ("litre", "volume"),
        ("kilowatt_hour", "energy"),
    ],
)
def test_dimension_names(unit: str, name: str) -> None:
    """Messages name what a unit measures in words, areas and volumes included."""
    assert name == dimension_name(unit)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("tonne", "kilogram", Decimal(1000)),
        ("kilogram", "tonne", Decimal("0.001")),
        ("pound", "kilogram", Decimal("0.45359237")),
        ("dozen", "item", Decimal(12)),
        ("pair", "item", Decimal(2)),
        ("gigawatt_hour", "kilowatt_hour", Decimal(1_000_000)),
        ("litre", "cubic_metre", Decimal("0.001")),
        ("CNY", "CNY", Decimal(1)),
    ],
)
def test_conversion_factors_are_exact(source: str, target: str, expected: Decimal) -> None:
    """Conversion factors are exact decimals, not binary approximations."""
    assert expected == conversion_factor(source, target)


@given(
    st.sampled_from(["gram", "kilogram", "tonne", "carat", "pound"]),
    st.sampled_from(["gram", "kilogram", "tonne", "carat", "pound"]),
)
def test_conversion_factors_of_one_dimension_are_reciprocal(source: str, target: str) -> None:
    """Converting there and back multiplies by one (exactly, up to 28-digit rounding)."""
    there, back = conversion_factor(source, target), conversion_factor(target, source)
    assert abs(there * back - 1) <= Decimal("1e-26")


@pytest.mark.parametrize(
    ("source", "target", "reason"),
    [
        ("CNY", "USD", "CNY and USD are different currencies; convert one with an ExchangeRate"),
        ("CNY", "tonne", "CNY and tonne (mass) measure different things"),
        ("item", "tonne", "item (count) and tonne (mass) measure different things"),
        ("square_metre", "litre", "m2 (area) and litre (volume) measure different"),
    ],
)
def test_conversion_between_dimensions_is_refused(source: str, target: str, reason: str) -> None:
    """Units of different dimensions do not convert; the message says why and names both."""
    assert incompatibility(source, target).startswith(reason)
    with pytest.raises(UnitMismatchError, match=f"cannot convert {source} to {target}") as caught:
        conversion_factor(source, target)
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(("word", "exponent"), sorted(SCALES.items()))
def test_scale_words(word: str, exponent: int) -> None:
    """Every scale word stands for its power of ten, whatever its letter case."""
    assert exponent == scale_factor(word)
    assert exponent == scale_factor(f" {word.upper()} ")


def test_chinese_scale_words_are_powers_of_ten_thousand() -> None:
    """万 is 10⁴, 亿 is 10⁸ and 万亿 is 10¹²: Chinese groups digits by four."""
    expected = (4, 8, 12)
    assert expected == (scale_factor("万"), scale_factor("亿"), scale_factor("万亿"))


def test_unknown_scale_word() -> None:
    """An unknown scale word is refused by name."""
    with pytest.raises(UnknownUnitError, match="'zillion'"):
        scale_factor("zillion")


# -- the one currency-code check ------------------------------------------------------------


@given(
    tst.currencies(), st.sampled_from([str.lower, str.upper, str.title]), st.sampled_from(["", " "])
)
def test_a_currency_code_is_known_in_any_case(code: str, case: object, space: str) -> None:
    """A known code is read in any letter case, white space around it ignored, in capitals."""
    assert callable(case)
    written = f"{space}{case(code)}{space}"
    assert code == known_currency_code(written)
    assert code == currency_code(written)
    assert code == canonical_unit(written)


@given(st.text(max_size=4))
@example("ınr")  # str.upper() makes the dotless ı an I: "INR"
@example("ＣＮＹ")  # full-width letters
@example("XYZ")
def test_only_ascii_codes_tradestats_knows_are_currencies(text: str) -> None:
    """Anything else is no code: ``None``, and the one message from :func:`currency_code`."""
    code = text.strip()
    expected = code.upper() if code.isascii() and code.upper() in CURRENCIES else None
    assert expected == known_currency_code(text)
    if expected is None:
        message = f"unknown currency {text!r}: expected an ISO 4217 code such as 'CNY' or 'USD'"
        with pytest.raises(UnknownUnitError) as caught:
            currency_code(text)
        assert message == str(caught.value)


def test_currency_code_names_where_it_was_found() -> None:
    """The caller's ``where`` goes into the message; a value that is not text is no code."""
    with pytest.raises(UnknownUnitError, match=re.escape("'XYZ' in column 'currency':")):
        currency_code("XYZ", where=" in column 'currency'")
    with pytest.raises(UnknownUnitError, match="unknown currency 5"):
        currency_code(5)


@pytest.mark.parametrize("text", ["uſd", "ＣＮＹ", "cnу"])  # long s, full width, Cyrillic у
def test_currency_codes_are_three_ascii_letters(text: str) -> None:
    """Letters that upper-case to an ISO code are not that code."""
    with pytest.raises(UnknownUnitError):
        canonical_unit(text)
