"""Plain data and JSON: every value object round-trips exactly; bad data is refused."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import cattrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats
from tradestats import (
    Amount,
    ExchangeRate,
    Flow,
    Growth,
    HSCode,
    Multiplier,
    PercentagePoints,
    Period,
    ProductGroup,
    RateKind,
    Share,
    Status,
    StructuringError,
    TradeFlow,
    Valuation,
    from_json,
    structure,
    to_json,
    unstructure,
)
from tradestats import strategies as tst
from tradestats.structuring import configure_converter

VALUES: st.SearchStrategy[Any] = st.one_of(
    tst.amounts(allow_negative=True),
    tst.periods(),
    tst.growths(min_percent=-(10**6), max_percent=10**6, places=6),
    tst.multipliers(min_value=0),
    tst.shares(places=8),
    tst.percentage_points(),
    tst.hs_codes(),
    tst.product_groups(),
    tst.exchange_rates(),
    tst.trade_flows(),
    st.sampled_from([*Flow, *Valuation, *Status, *RateKind]),
)

FULL_FLOW = TradeFlow(
    reporter="新疆 Xinjiang",
    partner="Belt and Road countries",
    flow=Flow.EXPORTS,
    period=Period.year_to_date(2023, 7),
    value=Amount(Decimal("1831.60E8"), "CNY"),
    product=HSCode("870380"),
    valuation=Valuation.FOB,
    source="Urumqi Customs",
    status=Status.PROVISIONAL,
)


def same_digits(left: object, right: object) -> bool:
    """Whether two objects hold the very same Decimals, exponent and all, field by field."""
    return repr(unstructure(left)) == repr(unstructure(right))


@given(VALUES)
@example(FULL_FLOW)
@example(Amount(Decimal("-0.00"), "CNY"))
@example(TradeFlow(reporter="A", flow="balance", period="2023", value="-5 USD"))
def test_structure_undoes_unstructure(value: object) -> None:
    """structure(unstructure(x), type(x)) == x, keeping every digit as written."""
    back = structure(unstructure(value), type(value))
    assert value == back
    assert hash(value) == hash(back)
    assert same_digits(value, back)


@given(VALUES)
@example(FULL_FLOW)
def test_from_json_undoes_to_json(value: object) -> None:
    """from_json(to_json(x), type(x)) == x."""
    text = to_json(value)
    assert value == from_json(text, type(value))
    assert value == from_json(text.encode(), type(value))


@given(tst.trade_flows())
def test_flow_json_is_plain_and_sorted(flow: TradeFlow) -> None:
    """Flows become JSON objects with sorted keys and text values; unset options are left out."""
    data = json.loads(to_json(flow))
    assert sorted(data) == list(data)
    assert {"reporter", "partner", "flow", "period", "value"} <= set(data)
    assert all(data[key] is not None for key in data)
    assert isinstance(data["value"]["magnitude"], str)


def test_flow_data_of_the_seed() -> None:
    """A flow's plain data uses text for decimals, periods, products and enums."""
    expected = {
        "reporter": "新疆 Xinjiang",
        "partner": "Belt and Road countries",
        "flow": "exports",
        "period": "2023-01/2023-07",
        "value": {"magnitude": "1.83160E+11", "unit": "CNY"},
        "product": "8703.80",
        "valuation": "fob",
        "source": "Urumqi Customs",
        "status": "provisional",
    }
    assert expected == unstructure(FULL_FLOW)
    assert "新疆" in to_json(FULL_FLOW)


@pytest.mark.parametrize(
    ("expected", "value"),
    [
        ({"rate": "0.593"}, Growth.from_percent("59.3")),
        ({"factor": "4.26"}, Multiplier.times_more("3.26")),
        ({"fraction": "0.923"}, Share.from_percent("92.3")),
        ({"points": "1.2"}, PercentagePoints(Decimal("1.2"))),
        ("2023-Q2", Period.quarter(2023, 2)),
        ("8703.80", HSCode("870380")),
        ("cotton", ProductGroup("cotton")),
        ("re-exports", Flow.RE_EXPORTS),
    ],
)
def test_values_as_data(expected: object, value: object) -> None:
    """Measures keep their numbers as text, in the unit of their field; others are text."""
    assert expected == unstructure(value)


def test_a_product_group_that_reads_like_words_stays_a_group() -> None:
    """Flows' products are text either way: digits come back as codes, words as groups."""
    for product in (HSCode("87"), ProductGroup("electric vehicles")):
        flow = TradeFlow(reporter="A", flow="exports", period="2023", value="5 USD",
                         product=product)  # fmt: skip
        assert product == structure(unstructure(flow), TradeFlow).product


def test_configure_converter_teaches_another_converter() -> None:
    """A program's own cattrs converter can learn the tradestats types."""
    assert tradestats.configure_converter is configure_converter
    converter = tradestats.configure_converter(cattrs.Converter())
    data = converter.unstructure(FULL_FLOW)
    assert converter.structure(data, TradeFlow) == FULL_FLOW
    rate = ExchangeRate("USD", "CNY", "7.0467", period="2023")
    assert rate == converter.structure(converter.unstructure(rate), ExchangeRate)


@pytest.mark.parametrize(
    ("data", "kind", "fragment"),
    [
        ({"magnitude": "x", "unit": "CNY"}, Amount, "'x'"),
        ({"magnitude": "NaN", "unit": "CNY"}, Amount, "'NaN'"),
        ({"magnitude": "Infinity", "unit": "CNY"}, Amount, "'Infinity'"),
        ({"magnitude": 1.5, "unit": "CNY"}, Amount, "1.5"),
        ({"magnitude": "5"}, Amount, "unit"),
        ({"magnitude": "5", "unit": "XYZ"}, Amount, "'XYZ'"),
        ("183 billion CNY", Amount, "183 billion CNY"),
        ("2023-13", Period, "'2023-13'"),
        (202307, Period, "202307"),
        ({"rate": "nan"}, Growth, "'nan'"),
        ({"factor": "-2"}, Multiplier, "-2"),
        ({"fraction": "2"}, Share, "got 2"),
        ({"points": None}, PercentagePoints, "None"),
        ("123", HSCode, "'123'"),
        ("8703", ProductGroup, "'8703'"),
        ("sideways", Flow, "sideways"),
        (5, TradeFlow, "got 5"),
        (["A", "exports"], TradeFlow, "['A', 'exports']"),
        ({"reporter": "A"}, TradeFlow, "'flow', 'period', and 'value'"),
        (
            {"reporter": "A", "flow": "exports", "period": "2023",
             "value": {"magnitude": "-1", "unit": "CNY"}},
            TradeFlow,
            "got -1 CNY",
        ),
        (
            {"reporter": "A", "flow": "exports", "period": "2023",
             "value": {"magnitude": "1", "unit": "CNY"}, "bogus": 1},
            TradeFlow,
            "'bogus'",
        ),
        (
            {"reporter": "A", "flow": "exports", "period": "2023",
             "value": {"magnitude": "1", "unit": "CNY"}, "product": "123"},
            TradeFlow,
            "'123'",
        ),
        (
            {"base": "USD", "quote": "CNY", "rate": "-7", "period": "2023",
             "kind": "period average", "source": None},
            ExchangeRate,
            "got -7",
        ),
    ],
)  # fmt: skip
def test_bad_data_is_refused_by_name(data: object, kind: type[Any], fragment: str) -> None:
    """Data that describes no such object raises StructuringError (a ValueError) quoting it."""
    with pytest.raises(StructuringError, match=re.escape(fragment)) as caught:
        structure(data, kind)
    assert isinstance(caught.value, ValueError)
    assert kind.__name__.lower() in str(caught.value).replace(" ", "").lower()


@pytest.mark.parametrize("text", ["{", "", '{"rate": "0.5"', "nonsense"])
def test_invalid_json_is_refused(text: str) -> None:
    """Text that is not JSON raises StructuringError naming the expected type."""
    with pytest.raises(StructuringError, match="invalid JSON for Growth"):
        from_json(text, Growth)


# -- Every failure is a StructuringError --------------------------------------------------

SEED = tradestats.load_report("examples/xinjiang_2023.toml")

FIGURES: st.SearchStrategy[Any] = st.one_of(
    tst.reported_amounts(),
    tst.reported_growths(),
    tst.reported_multipliers(),
    tst.reported_shares(),
    tst.reported_percentage_points(),
)


@given(FIGURES)
def test_a_plain_reported_reads_its_type_from_the_data(figure: tradestats.Reported[Any]) -> None:
    """from_json(to_json(r), Reported) == r for every kind of figure, without Reported[T]."""
    assert figure == from_json(to_json(figure), tradestats.Reported)
    generic: Any = tradestats.Reported
    assert figure == structure(unstructure(figure), generic[type(figure.value)])


@given(FIGURES)
def test_a_plain_bounds_reads_its_type_from_the_data(figure: tradestats.Reported[Any]) -> None:
    """Bounds round-trip through JSON as plain Bounds and as Bounds[T]."""
    low, high = figure.value, figure.value
    bounds = tradestats.Bounds(low, high)
    assert bounds == from_json(to_json(bounds), tradestats.Bounds)
    generic: Any = tradestats.Bounds
    assert bounds == structure(unstructure(bounds), generic[type(low)])


@pytest.mark.parametrize(
    "value",
    [
        SEED,
        *SEED.flows,
        *SEED.claims,
        tradestats.Interval(Decimal("1.5"), Decimal("2.5")),
        tradestats.Reported.parse_amount("183 billion yuan"),
    ],
    ids=repr,
)
def test_reports_claims_and_intervals_round_trip(value: object) -> None:
    """Reports, their flows and claims, and intervals survive JSON unchanged."""
    assert value == from_json(to_json(value), type(value))


class NotOurs:
    """A type tradestats knows nothing about."""


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: structure({}, NotOurs), "cannot build NotOurs: it is not a type"),
        (lambda: from_json("{}", NotOurs), "cannot build NotOurs"),
        (lambda: structure({}, "Growth"), "cannot build 'Growth'"),  # type: ignore[arg-type]
        (lambda: structure({"value": {"x": 1}}, tradestats.Reported), "cannot tell the type"),
        (lambda: structure({"low": 5, "high": 6}, tradestats.Bounds), "cannot tell the type"),
        (lambda: structure("59.3%", tradestats.Reported), "cannot tell the type"),
        (lambda: from_json("[1", tradestats.Reported), "invalid JSON for Reported"),
        (lambda: from_json(b"\xff", Growth), "invalid JSON for Growth"),
        (lambda: from_json(5, Growth), "invalid JSON for Growth"),  # type: ignore[arg-type]
        (lambda: to_json(object()), "cannot write <object object"),
        (lambda: to_json([{1, 2}, object()]), "cannot write"),
        (lambda: configure_converter("converter"), "expected a cattrs converter"),  # type: ignore[arg-type]
    ],
)
def test_every_entry_raises_only_structuring_errors(call: Any, fragment: str) -> None:
    """Unsupported types, bad JSON and foreign objects raise StructuringError, naming them."""
    with pytest.raises(StructuringError, match=re.escape(fragment)):
        call()


def test_unstructure_wraps_a_failing_hook() -> None:
    """An error while unstructuring (here from a broken hook) becomes a StructuringError."""
    cattrs_error = cattrs.Converter()

    def broken(value: object) -> object:
        raise KeyError(value)

    cattrs_error.register_unstructure_hook(NotOurs, broken)
    original = tradestats.structuring._CONVERTER
    tradestats.structuring._CONVERTER = cattrs_error
    try:
        with pytest.raises(StructuringError, match="cannot turn"):
            unstructure(NotOurs())
    finally:
        tradestats.structuring._CONVERTER = original


def _public_types() -> list[Any]:
    kinds: list[Any] = []
    for name in tradestats.__all__:
        value = getattr(tradestats, name)
        if isinstance(value, type) and not issubclass(value, BaseException):
            kinds.append(value)
    figures = [Amount, Growth, Multiplier, Share, PercentagePoints]
    generics: list[Any] = [tradestats.Reported, tradestats.Bounds]
    kinds += [generic[kind] for generic in generics for kind in figures]
    return kinds


PUBLIC_TYPES = _public_types()

# Keys of the public types' plain data, so that drawn mappings often look almost right.
KEYS = st.sampled_from(
    [
        "magnitude", "unit", "rate", "factor", "fraction", "points", "low", "high", "value",
        "precision", "id", "flow", "flows", "claims", "title", "period", "reporter", "partner",
        "growth", "share", "parts", "total", "date", "base", "quote", "rate_kind",
    ]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["183 billion CNY", "59.3", "CNY", "2023-01/2023-07", "total", "870380"])
)
JSONISH: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=12,
)


@given(st.sampled_from(PUBLIC_TYPES), JSONISH)
@example(tradestats.Reported, {"value": {"rate": "0.5"}, "precision": []})
@example(tradestats.Bounds, {"low": {"magnitude": "1", "unit": "CNY"}, "high": None})
@example(tradestats.Report, {"title": "x", "flows": [], "claims": [{}]})
def test_structure_raises_only_structuring_errors(kind: Any, data: Any) -> None:
    """structure(data, T) for any JSON-ish data and public T succeeds or raises StructuringError."""
    try:
        built = structure(data, kind)
    except StructuringError:
        return
    assert isinstance(built, getattr(kind, "__origin__", kind))


@pytest.mark.parametrize("data", ["1.2 pp" * 3000, b"59.3%", bytearray(b"x")])
def test_text_is_not_a_list_of_its_characters(data: object) -> None:
    """Text for a list type is refused at once, not tried character by character.

    Found by the long fuzz run: 18,000 characters as list[Growth] took seconds.
    """
    with pytest.raises(StructuringError, match="expected a list, got"):
        structure(data, list[Growth])
