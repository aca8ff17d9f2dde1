"""Growth, Multiplier, Share and PercentagePoints: four measures, four types."""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tradestats import (
    AmbiguityError,
    Growth,
    InvalidValueError,
    Multiplier,
    ParseError,
    PercentagePoints,
    Share,
    TimesConvention,
)
from tradestats import strategies as tst

if TYPE_CHECKING:
    from collections.abc import Callable

# -- the "times" trap of the seed article ------------------------------------------------


@pytest.mark.parametrize(
    ("times", "more", "as_much"),
    [("3.26", "×4.26", "×3.26"), ("36.9", "×37.9", "×36.9")],
)
def test_times_conventions_of_the_seed(times: str, more: str, as_much: str) -> None:
    """ "3.26 times" is ×4.26 in Chinese usage (增长N倍) and ×3.26 as "N times as much"."""
    text = f"{times} times"
    assert more == str(Multiplier.parse(text, times=TimesConvention.MORE))
    assert as_much == str(Multiplier.parse(text, times=TimesConvention.AS_MUCH))
    assert more == str(Multiplier.times_more(times))
    assert as_much == str(Multiplier.times_as_much(times))
    assert more == str(Multiplier.from_times(times, TimesConvention.MORE))
    assert as_much == str(Multiplier.from_times(times, TimesConvention.AS_MUCH))


def test_times_more_as_growth() -> None:
    """增长3.26倍 is growth of +326%, and ×4.26 is that growth as a multiplier."""
    assert Growth.from_percent(326) == Growth.times_more("3.26")
    assert Growth.from_percent(326) == Multiplier.times_more("3.26").to_growth()
    assert Growth.from_percent(3690) == Multiplier.times_more("36.9").to_growth()


@pytest.mark.parametrize(
    "text", ["3.26 times", "surged by 3.26 times", "3.26倍", "3.26-fold", "up 3.26 times more"]
)
def test_bare_times_is_ambiguous(text: str) -> None:
    """A bare "N times" is refused with both readings spelled out, naming the text."""
    with pytest.raises(AmbiguityError, match=re.escape(repr(text))) as caught:
        Multiplier.parse(text)
    assert isinstance(caught.value, ValueError)
    assert "×3.26" in str(caught.value)
    assert "×4.26" in str(caught.value)
    with pytest.raises(AmbiguityError, match=re.escape(repr(text))):
        Growth.parse(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("×4.26", Multiplier(Decimal("4.26"))),
        ("x4.26", Multiplier(Decimal("4.26"))),
        ("4.26x", Multiplier(Decimal("4.26"))),
        ("增长3.26倍", Multiplier(Decimal("4.26"))),
        ("增加3.26倍", Multiplier(Decimal("4.26"))),
        ("是去年的3.26倍", Multiplier(Decimal("3.26"))),
        ("为上年同期的3.26倍", Multiplier(Decimal("3.26"))),
        ("3.26 times as much", Multiplier(Decimal("3.26"))),
        ("3.26 times as large as", Multiplier(Decimal("3.26"))),
    ],
)
def test_unambiguous_multiplier_forms(text: str, expected: Multiplier) -> None:
    """Forms that say which reading they mean parse without a convention."""
    assert expected == Multiplier.parse(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+59.3%", Growth.from_percent("59.3")),
        ("59.3%", Growth.from_percent("59.3")),
        ("up 59.3%", Growth.from_percent("59.3")),
        ("增长59.3%", Growth.from_percent("59.3")),
        ("down 3.2%", Growth.from_percent("-3.2")),
        ("-3.2%", Growth.from_percent("-3.2")),
        ("−3.2%", Growth.from_percent("-3.2")),
        ("下降3.2%", Growth.from_percent("-3.2")),
        ("减少3.2%", Growth.from_percent("-3.2")),
        ("增长3.26倍", Growth.from_percent(326)),
        ("×1.593", Growth.from_percent("59.3")),
        # the wording of releases and news
        ("up 59.3% year on year", Growth.from_percent("59.3")),
        ("up 59.3% year-on-year", Growth.from_percent("59.3")),
        ("Up 59.3% Year over Year", Growth.from_percent("59.3")),
        ("down 3.2% y/y", Growth.from_percent("-3.2")),
        ("-3.2% yoy", Growth.from_percent("-3.2")),
        ("rose 5%", Growth.from_percent(5)),
        ("grew 5.5%", Growth.from_percent("5.5")),
        ("surged 61.4%", Growth.from_percent("61.4")),
        ("fell 3.2%", Growth.from_percent("-3.2")),
        ("declined 0.5% y-o-y", Growth.from_percent("-0.5")),
        ("同比增长59.3%", Growth.from_percent("59.3")),
        ("同比下降3.2%", Growth.from_percent("-3.2")),
        ("同比增长 59.3 %", Growth.from_percent("59.3")),
        ("比上年同期增长59.3%", Growth.from_percent("59.3")),
        ("同比增长3.26倍", Growth.from_percent(326)),
    ],
)
def test_growth_parses_published_forms(text: str, expected: Growth) -> None:
    """Growth reads percentages with signs or words, and unambiguous multipliers."""
    assert expected == Growth.parse(text)


@pytest.mark.parametrize("text", ["fifty percent", "up", "year on year", "59.3", "up 59.3 pp"])
def test_growth_parse_error_says_what_it_expected(text: str) -> None:
    """Text that is no growth rate is refused as a growth rate, with examples of what is."""
    message = f"cannot read {text!r} as a growth rate: expected text like '+59.3%'"
    with pytest.raises(ParseError, match=re.escape(message)) as caught:
        Growth.parse(text)
    assert text == caught.value.details["value"]


@given(st.text(max_size=40))
@example("同比增长")
@example("up 5 year on year %")
@example("down −3.2% y/y")
@example("×-5")
def test_measure_parsers_raise_only_their_errors(text: str) -> None:
    """Growth.parse and PercentagePoints.parse give a value or a tradestats ValueError."""
    for parse in (Growth.parse, PercentagePoints.parse):
        with contextlib.suppress(ParseError, AmbiguityError, InvalidValueError):
            parse(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+1.2 pp", PercentagePoints(Decimal("1.2"))),
        ("-0.5 p.p.", PercentagePoints(Decimal("-0.5"))),
        ("1.2 percentage points", PercentagePoints(Decimal("1.2"))),
        ("up 1.2 percentage points", PercentagePoints(Decimal("1.2"))),
        ("rose 1.2 percentage points year on year", PercentagePoints(Decimal("1.2"))),
        ("down 0.5 pp", PercentagePoints(Decimal("-0.5"))),
        ("fell 1 percentage point", PercentagePoints(-1)),
        ("1.2个百分点", PercentagePoints(Decimal("1.2"))),
        ("提高1.2个百分点", PercentagePoints(Decimal("1.2"))),
        ("同比提高1.2个百分点", PercentagePoints(Decimal("1.2"))),
        ("下降0.5个百分点", PercentagePoints(Decimal("-0.5"))),
        ("回落0.5个百分点", PercentagePoints(Decimal("-0.5"))),
    ],
)
def test_percentage_points_parse_published_forms(text: str, expected: PercentagePoints) -> None:
    """Percentage points read with signs or with the words of a release."""
    assert expected == PercentagePoints.parse(text)


@pytest.mark.parametrize(
    ("times", "expected"),
    [("3.26", Growth.from_percent(226)), ("36.9", Growth.from_percent(3590)), (1, Growth(0))],
)
def test_growth_times_as_much(times: str | int, expected: Growth) -> None:
    """ "N times as much" (是…的N倍) is growth of +(N − 1) × 100%."""
    assert expected == Growth.times_as_much(times)


@given(tst.multipliers(min_value=0))
def test_growth_times_as_much_is_the_multiplier_as_growth(factor: Multiplier) -> None:
    """Growth.times_as_much(n) is ×n as growth, and turns back into ×n."""
    change = Growth.times_as_much(factor.factor)
    assert Multiplier.times_as_much(factor.factor).to_growth() == change
    assert factor == change.to_multiplier()
    assert Growth.times_more(factor.factor - 1) == change


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (Growth.parse, "fifty percent"),
        (Multiplier.parse, "a lot"),
        (Share.parse, "92.3"),
        (PercentagePoints.parse, "1.2%"),
    ],
)
def test_unreadable_measures_name_the_text(parse: object, text: str) -> None:
    """Text that is no measure raises ParseError quoting it."""
    assert callable(parse)
    with pytest.raises(ParseError, match=re.escape(repr(text))):
        parse(text)


# -- round trips -------------------------------------------------------------------------


def test_a_fall_of_more_than_100_percent_has_no_multiplier() -> None:
    """−100% is ×0; a bigger fall turns a positive value negative and is refused by name."""
    assert Multiplier(0) == Growth.from_percent(-100).to_multiplier()
    fall = Growth.from_percent(-150)
    with pytest.raises(InvalidValueError, match=re.escape("a change of -150% turns")) as caught:
        fall.to_multiplier()
    assert fall == caught.value.details["value"]


@given(tst.growths(min_percent=-100))
def test_growth_multiplier_round_trip_is_exact(change: Growth) -> None:
    """Growth → Multiplier → Growth gives back exactly the same rate."""
    assert change == change.to_multiplier().to_growth()


@given(tst.multipliers(min_value=0))
def test_multiplier_growth_round_trip_is_exact(factor: Multiplier) -> None:
    """Multiplier → Growth → Multiplier gives back exactly the same factor."""
    assert factor == factor.to_growth().to_multiplier()


@given(tst.growths(min_percent=-(10**6), max_percent=10**6, places=6))
@example(Growth(Decimal("-0")))
@example(Growth(Decimal("1E+2")))
@example(Growth(Decimal("1E-20")))
def test_growth_str_parses_back(change: Growth) -> None:
    """Growth.parse(str(g)) == g."""
    assert change == Growth.parse(str(change))


@given(tst.multipliers(min_value=0, max_value=10**6, places=6))
@example(Multiplier(Decimal("0E+2")))
@example(Multiplier(Decimal("1E+3")))
def test_multiplier_str_parses_back(factor: Multiplier) -> None:
    """Multiplier.parse(str(m)) == m."""
    assert factor == Multiplier.parse(str(factor))


@given(tst.shares(places=8))
@example(Share(Decimal("1.0000")))
@example(Share(Decimal("1E-20")))
def test_share_str_parses_back(part: Share) -> None:
    """Share.parse(str(s)) == s."""
    assert part == Share.parse(str(part))


@given(tst.percentage_points(places=6))
@example(PercentagePoints(Decimal("-0")))
@example(PercentagePoints(Decimal("1E+3")))
def test_percentage_points_str_parse_back(points: PercentagePoints) -> None:
    """PercentagePoints.parse(str(p)) == p."""
    assert points == PercentagePoints.parse(str(points))


@given(tst.growths(), tst.multipliers(), tst.shares(), tst.percentage_points())
def test_equal_measures_hash_equally(
    change: Growth, factor: Multiplier, part: Share, points: PercentagePoints
) -> None:
    """A measure equals and hashes like the same measure with its number written otherwise."""
    for value, same in [
        (change, Growth(change.rate.normalize())),
        (factor, Multiplier(factor.factor.normalize())),
        (part, Share(part.fraction.normalize())),
        (points, PercentagePoints(points.points.normalize())),
    ]:
        assert value == same
        assert hash(value) == hash(same)


def test_measures_of_different_kinds_are_never_equal() -> None:
    """+50% growth, ×0.5, a 50% share and +50 pp are four different things."""
    values = [
        Growth.from_percent(50),
        Multiplier(Decimal("0.5")),
        Share.from_percent(50),
        PercentagePoints(50),
    ]
    assert len(values) == len(set(values))


# -- text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "value"),
    [
        ("+59.3%", Growth.from_percent("59.3")),
        ("-3.2%", Growth.from_percent("-3.2")),
        ("0%", Growth.from_percent(0)),
        ("×4.26", Multiplier(Decimal("4.26"))),
        ("92.3%", Share.from_percent("92.3")),
        ("+1.2 pp", PercentagePoints(Decimal("1.2"))),
    ],
)
def test_text_forms(expected: str, value: object) -> None:
    """Each measure shows its unit: a signed percent, a ×, a percent, or pp."""
    assert expected == str(value)
    assert f"{type(value).__name__}({expected!r})" == repr(value)


@pytest.mark.parametrize(
    ("expected", "value"),
    [
        ("+59.3%", Growth(Decimal("0.59296"))),
        ("-0.3%", Growth(Decimal("-0.0025"))),
        ("92.3%", Share(Decimal("0.92250"))),
        ("×4.3", Multiplier(Decimal("4.25"))),
        ("+1.3 pp", PercentagePoints(Decimal("1.25"))),
    ],
)
def test_places_round_half_away_from_zero(
    expected: str, value: Growth | Multiplier | Share | PercentagePoints
) -> None:
    """format(places=) and the .Nf spec round as statistics offices do."""
    assert expected == value.format(places=1)
    assert expected == f"{value:.1f}"


@pytest.mark.parametrize(
    "value",
    [Growth(1), Multiplier(1), Share(1), PercentagePoints(1)],
)
def test_unknown_format_spec_is_named(value: object) -> None:
    """A format spec other than '' or '.Nf' raises ParseError naming it."""
    with pytest.raises(ParseError, match=re.escape("'>10'")):
        format(value, ">10")


@pytest.mark.parametrize(
    ("expected", "value"),
    [
        ("+59%", Growth(Decimal("0.5900"))),
        ("+1 pp", PercentagePoints.parse("+1.2 pp") + PercentagePoints.parse("-0.2个百分点")),
        ("×4", Multiplier(Decimal("4.000"))),
        ("92%", Share(Decimal("0.92000"))),
        ("0%", Growth(Decimal("-0.000"))),
        ("0 pp", PercentagePoints(Decimal("0.00"))),
        ("+100%", Growth(1)),
    ],
)
def test_no_trailing_zeros_without_places(expected: str, value: object) -> None:
    """Without places, trailing fractional zeros are dropped; the value keeps its digits."""
    assert expected == str(value)


@pytest.mark.parametrize(
    ("expected", "value", "places"),
    [
        ("+59.00%", Growth(Decimal("0.59")), 2),
        ("+1.0 pp", PercentagePoints(1), 1),
        ("×4.000", Multiplier(4), 3),
        ("92.0%", Share(Decimal("0.92")), 1),
        ("0.0%", Growth(Decimal("-0.0004")), 1),
        ("0.0 pp", PercentagePoints(Decimal("-0.04")), 1),
    ],
)
def test_places_keep_exactly_that_many_decimals(
    expected: str, value: Growth | Multiplier | Share | PercentagePoints, places: int
) -> None:
    """With places a measure shows exactly that many decimals; a rounded zero has no sign."""
    assert expected == value.format(places=places)


# -- rounded values ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "rounded"),
    [
        (Growth.from_percent("59.3"), lambda: Growth(Decimal("0.59296")).rounded(1)),
        (Growth.from_percent("59.3"), lambda: Growth.from_percent("59.25").rounded(1)),
        (Growth.from_percent("-59.3"), lambda: Growth.from_percent("-59.25").rounded(1)),
        (Growth.from_percent(38), lambda: Growth.from_percent("37.676").rounded(0)),
        (Multiplier(Decimal("4.3")), lambda: Multiplier(Decimal("4.25")).rounded(1)),
        (Multiplier(Decimal("0.97")), lambda: Multiplier(Decimal("0.9678")).rounded(2)),
        (Share.from_percent("92.3"), lambda: Share(Decimal("0.92250")).rounded(1)),
        (Share.from_percent(100), lambda: Share(Decimal("0.99996")).rounded(2)),
        (PercentagePoints(Decimal("1.3")), lambda: PercentagePoints(Decimal("1.25")).rounded(1)),
        (PercentagePoints(Decimal("-1.3")), lambda: PercentagePoints(Decimal("-1.25")).rounded(1)),
    ],
)
def test_rounded_rounds_half_away_from_zero(
    expected: object, rounded: Callable[[], object]
) -> None:
    """rounded(places) rounds in the measure's shown unit (percent, ×, pp) half away from zero."""
    assert expected == rounded()


def test_rounded_values_show_the_published_figure() -> None:
    """A rounded measure is a value of its own type that reads like the published one."""
    values = (
        Growth(Decimal("0.59296")).rounded(1),
        Multiplier(Decimal("4.2649")).rounded(2),
        Share(Decimal("0.923496")).rounded(1),
        PercentagePoints(Decimal("1.2016")).rounded(1),
    )
    expected = ["+59.3%", "×4.26", "92.3%", "+1.2 pp"]
    assert expected == [str(value) for value in values]
    assert [Growth, Multiplier, Share, PercentagePoints] == [type(value) for value in values]


ROUNDABLE: st.SearchStrategy[Growth | Multiplier | Share | PercentagePoints] = st.one_of(
    tst.growths(min_percent=-(10**6), max_percent=10**6, places=6),
    tst.multipliers(min_value=0, max_value=10**6, places=6),
    tst.shares(places=8),
    tst.percentage_points(places=6),
)
PARSERS: dict[type, Callable[[str], object]] = {
    Growth: Growth.parse,
    Multiplier: Multiplier.parse,
    Share: Share.parse,
    PercentagePoints: PercentagePoints.parse,
}


@given(ROUNDABLE, st.integers(0, 6))
@example(Growth(Decimal("-0.0004")), 1)
@example(Growth(Decimal("0.00995")), 2)
@example(Share(Decimal("0.99996")), 2)
@example(PercentagePoints(Decimal("-0.05")), 1)
@example(Multiplier(Decimal("0.0004")), 3)
def test_rounded_formats_like_format_with_places(
    value: Growth | Multiplier | Share | PercentagePoints, places: int
) -> None:
    """x.rounded(p) shows as x.format(places=p) does, and that text parses back to it."""
    rounded = value.rounded(places)
    text = value.format(places=places)
    assert type(value) is type(rounded)
    assert text == rounded.format(places=places)
    assert rounded == PARSERS[type(value)](text)
    assert rounded == rounded.rounded(places)


# -- arithmetic and order ----------------------------------------------------------------


def test_share_difference_is_in_percentage_points() -> None:
    """Subtracting shares gives percentage points, not percent."""
    assert PercentagePoints(Decimal("1.2")) == Share.from_percent("92.3") - Share.from_percent(
        "91.1"
    )
    assert Share.from_percent("7.7") == Share.from_percent("92.3").complement()


def test_growth_difference_is_in_percentage_points() -> None:
    """Two growth rates differ by percentage points."""
    assert PercentagePoints(Decimal("2.1")) == Growth.from_percent("61.4") - Growth.from_percent(
        "59.3"
    )


@given(tst.percentage_points(), tst.percentage_points())
def test_percentage_points_add_and_negate(left: PercentagePoints, right: PercentagePoints) -> None:
    """Points add, subtract and negate like the numbers they are; sum() starts from zero."""
    assert PercentagePoints(left.points + right.points) == left + right
    assert left == (left + right) - right
    assert left + right == sum([left, right])
    assert PercentagePoints(0) == left + -left


@given(tst.percentage_points())
def test_points_to_growth(points: PercentagePoints) -> None:
    """N percentage points of contribution are growth of N percent."""
    assert Growth.from_percent(points.points) == points.to_growth()


@given(tst.growths(), tst.growths())
def test_growth_then_compounds(first: Growth, second: Growth) -> None:
    """g₁ then g₂ is (1 + g₁)(1 + g₂) − 1, not g₁ + g₂."""
    expected = (1 + first.rate) * (1 + second.rate) - 1
    assert Growth(expected) == first.then(second)


@given(tst.growths(), tst.growths())
def test_measures_order_by_their_number(left: Growth, right: Growth) -> None:
    """Growth rates compare by rate."""
    assert (left.rate < right.rate) == (left < right)
    assert (left.rate > right.rate) == (left > right)
    assert -left == Growth(-left.rate)


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda: Share(Decimal("1.5")), "got 1.5"),
        (lambda: Share(-1), "got -1"),
        (lambda: Share.from_percent(101), "got 1.01"),
        (lambda: Share.parse("120%"), "got 1.20"),
        (lambda: Multiplier(-2), "a multiplier cannot be negative, got -2"),
        (
            lambda: Growth.from_percent(-150).to_multiplier(),
            "a change of -150% turns a positive value negative, so it has no multiplier",
        ),
        (lambda: Growth(float("nan")), "a growth rate must be finite, got nan"),
        (lambda: Growth.from_percent("inf"), "must be finite, got 'inf'"),
        (lambda: Multiplier("NaN"), "a multiplier must be finite, got 'NaN'"),
        (lambda: Share(float("inf")), "a share must be finite, got inf"),
        (lambda: PercentagePoints(float("-inf")), "percentage points must be finite, got -inf"),
        (lambda: Growth(True), "not the boolean True"),
    ],
)
def test_out_of_domain_measures(build: object, fragment: str) -> None:
    """Measures refuse NaN, infinities and values outside their domain, naming the value."""
    assert callable(build)
    with pytest.raises(InvalidValueError, match=re.escape(fragment)) as caught:
        build()
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (Growth.parse, "down -3.2%"),
        (Growth.parse, "up -3%"),
        (Growth.parse, "同比下降-3.2%"),
        (PercentagePoints.parse, "down -1 pp"),
        (PercentagePoints.parse, "提高-1.2个百分点"),
    ],
)
def test_a_word_of_direction_with_a_signed_number_is_refused(parse: object, text: str) -> None:
    """'down -3.2%' is a typo, not +3.2%: a word of direction takes an unsigned number."""
    assert callable(parse)
    with pytest.raises(ParseError, match=re.escape(repr(text))):
        parse(text)


@pytest.mark.parametrize("places", [-1, 40])
def test_rounding_to_impossible_places_names_them(places: int) -> None:
    """Negative places, or more digits than the context holds, raise InvalidValueError."""
    with pytest.raises(InvalidValueError, match=str(places)):
        Growth.from_percent("59.3").rounded(places)


_TOO_MANY_DIGITS = "111111111111111111111111111111.2"  # 31 significant digits


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (lambda text: Growth.parse(text, times=TimesConvention.MORE), f"{_TOO_MANY_DIGITS}%"),
        (Growth.parse, f"增长{_TOO_MANY_DIGITS}倍"),
        (Share.parse, f"{_TOO_MANY_DIGITS}%"),
        (
            lambda text: Multiplier.parse(text, times=TimesConvention.AS_MUCH),
            f"×{_TOO_MANY_DIGITS}",
        ),
        (PercentagePoints.parse, f"{_TOO_MANY_DIGITS} pp"),
        (PercentagePoints.parse, "提高" + "1" * 29 + "个百分点"),
    ],
)
def test_parsed_measures_beyond_the_limits_are_refused_not_rounded(
    parse: Callable[[str], object], text: str
) -> None:
    """A figure of more than 28 digits was rounded (Growth: +1111…1100%) or kept past the limit.

    Found by the long fuzz run (Reported.parse_points kept 31 digits, then could
    not be shown); the parsers now refuse it as money() does.
    """
    with pytest.raises(InvalidValueError, match="more than the 28 significant digits"):
        parse(text)
