"""Bounds, the one range type: open ends, and one formatter that never loses the true range."""

from __future__ import annotations

import importlib
import pickle
import re
import warnings
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import (
    Amount,
    Bounds,
    Growth,
    Interval,
    InvalidValueError,
    Multiplier,
    PercentagePoints,
    Share,
    UnitMismatchError,
)
from tradestats._numbers import auto_scale, round_down, round_half_up, round_up
from tradestats.claims.consistency import check
from tradestats.claims.files import load_report
from tradestats.cli import render
from tradestats.verify._kinds import FIGURE_TYPES, KINDS, kind_of, magnitude_of, with_magnitude
from tradestats.verify.figures import reported
from tradestats.verify.ranges import Bounds as BoundsFromRanges

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinjiang_2023.toml"

_SCALES = {"trillion": 12, "billion": 9, "million": 6}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_KIND_TYPES = [Amount, Growth, Multiplier, Share, PercentagePoints]


# -- strategies --------------------------------------------------------------------------


@st.composite
def magnitudes(draw: st.DrawFn, kind: type[Any]) -> Decimal:
    """An internal magnitude a figure of ``kind`` can take, with up to 12 decimals of its own."""
    places = draw(st.integers(0, 12))
    facts = kind_of(kind)
    if facts.is_amount:
        exponent = draw(st.integers(-2, 14))
        low, high = Decimal(-(10**4)), Decimal(10**4)
    else:
        exponent = 0
        low = Decimal(-10) if facts.lowest is None else facts.lowest
        high = Decimal(10) if facts.highest is None else facts.highest
    number = draw(st.decimals(low, high, places=places, allow_nan=False, allow_infinity=False))
    return number.scaleb(exponent) if facts.is_amount else number


@st.composite
def bounds(draw: st.DrawFn, *, open_ends: bool = False) -> Bounds[Any]:
    """Bounds of any kind, both ends given unless ``open_ends`` allows them to be open."""
    kind = draw(st.sampled_from(_KIND_TYPES))
    like: Any = draw(st.sampled_from(["USD", "CNY", "tonne"])) if kind is Amount else kind
    ends = sorted(draw(magnitudes(kind)) for _ in range(2))
    low: Decimal | None = ends[0]
    high: Decimal | None = ends[1]
    if open_ends:
        low = draw(st.sampled_from([low, None]))
        high = draw(st.sampled_from([high, None]))
    return Bounds.from_magnitudes(low, high, like)


def shown_ends(text: str, figure: Bounds[Any]) -> tuple[Decimal | None, Decimal | None]:
    """The ends a text of :meth:`Bounds.format` shows, as internal magnitudes."""
    facts = kind_of(figure.kind)
    word = next((w for w in _SCALES if f" {w} " in text), None)
    exponent = (0 if word is None else _SCALES[word]) - facts.shift
    numbers = [Decimal(n).scaleb(exponent) for n in _NUMBER.findall(text)]
    if text == "any value":
        return None, None
    if text.startswith("at least "):
        return numbers[0], None
    if text.startswith("at most "):
        return None, numbers[0]
    if len(numbers) == 1:
        return numbers[0], numbers[0]
    assert " to " in text
    return numbers[0], numbers[1]


def true_ends(figure: Bounds[Any]) -> tuple[Decimal | None, Decimal | None]:
    """The bounds' ends as internal magnitudes, ``None`` where open."""
    low, high = figure.ends
    return (
        None if low is None else magnitude_of(low),
        None if high is None else magnitude_of(high),
    )


# -- the formatter -----------------------------------------------------------------------


@given(bounds(open_ends=True), st.one_of(st.none(), st.integers(0, 8)), st.booleans())
@example(Bounds(Growth(Decimal("0.59249")), Growth(Decimal("0.59351"))), 1, True)
@example(Bounds(Amount("-3E9", "USD"), Amount("-1E9", "USD")), None, True)
def test_the_shown_range_holds_the_true_range(
    figure: Bounds[Any], places: int | None, auto: bool
) -> None:
    """Rounding outward: the low end shown is never above the true one, the high never below."""
    text = figure.format(places=places, scale="auto" if auto else None)
    low, high = true_ends(figure)
    shown_low, shown_high = shown_ends(text, figure)
    assert (shown_low is None) == (low is None), text
    assert (shown_high is None) == (high is None), text
    if low is not None and shown_low is not None:
        assert shown_low <= low, text
    if high is not None and shown_high is not None:
        assert high <= shown_high, text


@given(bounds(), st.one_of(st.none(), st.integers(0, 8)))
def test_different_ends_show_different(figure: Bounds[Any], places: int | None) -> None:
    """Ends that differ at the precision shown show as two ends."""
    text = figure.format(places=places)
    low, high = true_ends(figure)
    assert low is not None
    assert high is not None
    facts = kind_of(figure.kind)
    exponent = facts.shift
    if facts.is_amount:
        exponent -= auto_scale(max(abs(low), abs(high)))[0]
    first = _NUMBER.findall(text)[0]
    shown = len(first.partition(".")[2]) if places is None else places
    rounded = {round_half_up(end.scaleb(exponent), shown) for end in (low, high)}
    if len(rounded) == 2:
        assert " to " in text, text
    if low != high:
        assert " to " in text, text


@given(st.sampled_from(_KIND_TYPES), st.data())
def test_published_figures_show_their_exact_ends(kind: type[Any], data: st.DataObject) -> None:
    """A published figure's range shows its ends exactly: "59.3%" is "+59.25% to +59.35%"."""
    magnitude = data.draw(magnitudes(kind))
    value = Amount(magnitude, "CNY") if kind is Amount else kind(magnitude)
    figure = reported(value)
    like: Any = "CNY" if kind is Amount else kind
    published = Bounds.from_interval(figure.interval, like)
    facts = kind_of(kind)
    scale = auto_scale(max(abs(figure.interval.low), abs(figure.interval.high)))[0]
    digits = figure.precision.scaleb(facts.shift - (scale if facts.is_amount else 0))
    exponent = digits.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    assume(-exponent <= 12)  # no more decimals than anyone publishes
    text = published.format()
    assert (figure.interval.low, figure.interval.high) == shown_ends(text, published), text


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (ts.Reported.parse_growth("59.3%"), "+59.25% to +59.35%"),
        (ts.Reported.parse_share("92.3%"), "92.25% to 92.35%"),
        (ts.Reported.parse_amount("183 billion yuan"), "182.5 to 183.5 billion CNY"),
        (ts.Reported.parse_amount("1831.6亿元"), "183.155 to 183.165 billion CNY"),
        (ts.Reported.parse_points("1.2 pp"), "+1.15 to +1.25 pp"),
        (ts.Reported.parse_multiplier("×4.26"), "×4.255 to ×4.265"),
    ],
)
def test_published_figures_by_example(figure: ts.Reported[Any], text: str) -> None:
    """The seed's figures, and one of each kind, show their exact ends by default."""
    assert text == Bounds.from_interval(figure.interval, figure.value).format()


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (Bounds(Growth(Decimal("0.352212")), Growth(Decimal("0.398734"))), "+35.2% to +39.9%"),
        (Bounds(Amount("114.5277E9", "CNY"), Amount("115.2276E9", "CNY")),
         "114.5 to 115.3 billion CNY"),
        (Bounds(PercentagePoints("1.13821"), PercentagePoints("1.26561")), "+1.1 to +1.3 pp"),
        (Bounds(Share(Decimal(1) / 3), Share(Decimal(1) / 3)), "33.333333% to 33.333334%"),
        (Bounds(Growth(Decimal("0.1")), Growth(Decimal("0.1"))), "+10%"),
        (Bounds(Multiplier(Decimal("4.2549")), Multiplier(Decimal("4.2651"))), "×4.25 to ×4.27"),
        (Bounds(Amount(12, "tonne"), Amount(15, "tonne")), "12 to 15 tonne"),
    ],
)  # fmt: skip
def test_default_decimals(figure: Bounds[Any], text: str) -> None:
    """The default tells the ends apart with the fewest decimals (one at least, six at most)."""
    assert text == figure.format()


@given(bounds())
def test_open_ends_show_in_words(figure: Bounds[Any]) -> None:
    """An open end reads "at least" or "at most", with the other end rounded outward."""
    low, high = figure.ends
    assert low is not None
    assert high is not None
    at_least, at_most = Bounds.at_least(low), Bounds.at_most(high)
    assert at_least.format().startswith("at least ")
    assert at_most.format().startswith("at most ")
    assert Bounds.unbounded(low).format() == "any value"
    shown_low, shown_high = (
        shown_ends(at_least.format(), at_least)[0],
        shown_ends(at_most.format(), at_most)[1],
    )
    assert shown_low is not None
    assert shown_high is not None
    assert shown_low <= magnitude_of(low)
    assert magnitude_of(high) <= shown_high


def test_one_style_for_every_kind() -> None:
    """Signs written against a number go with each end, a unit in words once at the end."""
    assert (
        Bounds(PercentagePoints("-1.23"), PercentagePoints("2.5")).format() == "-1.23 to +2.50 pp"
    )
    assert Bounds(Growth("-0.05"), Growth("0.1")).format() == "-5% to +10%"
    assert (
        Bounds(Amount("114.5277E9", "CNY"), Amount("115.2276E9", "CNY")).format(
            places=0, scale="亿"
        )
        == "1145 to 1153亿 CNY"
    )
    assert Bounds.at_least(Amount("13E9", "CNY")).format() == "at least 13 billion CNY"


def test_places_must_be_a_count() -> None:
    """A negative or non-integer number of decimals is refused, naming it."""
    with pytest.raises(InvalidValueError, match="-1"):
        Bounds(Growth(0), Growth(1)).format(places=-1)
    with pytest.raises(InvalidValueError, match="True"):
        Bounds(Growth(0), Growth(1)).format(places=True)


# -- the check speaks the same way -------------------------------------------------------


def test_the_check_the_cli_and_json_show_ranges_alike() -> None:
    """The check's ranges are Bounds; the table and --json show their format()."""
    result = check(load_report(EXAMPLE))
    table = render(result)
    data = result.to_dict()
    for figure, entry in zip(result.implied, data["implied"], strict=True):
        assert isinstance(figure.range, Bounds)
        assert figure.range.format() == entry["text"]
        assert f"  {figure.range.format()}" in table
    change = result.figure("share-change/bri/world/2023-01/2023-07").range
    assert change.format() == "+1.1 to +1.3 pp"
    world = next(c for c in result.checks if c.claim.id == "world-value")
    assert world.implied == Bounds.at_least(Amount("168.5E9", "CNY"))
    assert data["claims"][0]["implied"]["text"] == "at least 168.5 billion CNY"


# -- one-sided bounds --------------------------------------------------------------------


def test_open_bounds() -> None:
    """An open end is None in .ends; .low/.high refuse it, by name; equality sees it."""
    at_least = Bounds.at_least(Amount("13E9", "CNY"))
    assert (Amount("13E9", "CNY"), None) == at_least.ends
    assert not at_least.is_bounded
    assert Amount("13E9", "CNY") == at_least.low
    with pytest.raises(InvalidValueError, match="no high end"):
        _ = at_least.high
    with pytest.raises(InvalidValueError, match="no low end"):
        _ = Bounds.at_most(Growth(1)).low
    with pytest.raises(InvalidValueError, match="no high end"):
        _ = at_least.interval
    assert Bounds(Amount("13E9", "CNY"), None) == at_least
    assert at_least != Bounds.at_least(Amount("13E9", "USD"))
    assert hash(Bounds.at_least(Amount("1.3E10", "CNY"))) == hash(at_least)
    assert pickle.loads(pickle.dumps(at_least)) == at_least
    assert Amount == at_least.kind
    assert at_least.unit == "CNY"
    assert Bounds.at_most(Growth(1)).unit is None


def test_open_bounds_contain_everything_beyond() -> None:
    """At least 13 billion holds any larger amount, in any unit of the currency's kind."""
    at_least = Bounds.at_least(ts.amount("13 tonne"))
    assert at_least.contains(Amount(Decimal("1E30"), "tonne"))
    assert at_least.contains(ts.amount("13000 kg"))
    assert not at_least.contains(ts.amount("12 tonne"))
    assert Bounds.unbounded(Growth).contains(Growth(-5))
    with pytest.raises(UnitMismatchError):
        Bounds.at_most(ts.money("1 CNY")).contains(ts.money("1 USD"))


def test_unbounded_needs_a_kind() -> None:
    """Bounds open at both ends must be told what they are bounds of."""
    assert Bounds.unbounded("USD") == Bounds(None, None, like=Amount(5, "USD"))
    assert Bounds.unbounded(Share).kind is Share
    with pytest.raises(InvalidValueError, match="unbounded"):
        Bounds(None, None)
    with pytest.raises(InvalidValueError, match="Amount"):
        Bounds.unbounded(Amount)
    with pytest.raises(InvalidValueError, match="one type"):
        Bounds(Growth(0), None, like=Share(0))


def test_from_magnitudes_cuts_to_the_kind() -> None:
    """Open ends stay open; given ends are cut to what the kind allows."""
    assert Bounds.at_most(Share(Decimal("0.2"))) == Bounds.from_magnitudes(
        None, Decimal("0.2"), Share
    )
    assert Bounds(Multiplier(0), None) == Bounds.from_magnitudes(Decimal(-1), None, Multiplier)
    with pytest.raises(InvalidValueError, match="above the high end"):
        Bounds.from_magnitudes(Decimal(2), Decimal(1), Growth)
    with pytest.raises(InvalidValueError, match="holds no possible Share"):
        Bounds.from_magnitudes(Decimal(2), Decimal(3), Share)


def test_bounds_live_in_ranges() -> None:
    """One class, importable from its module and re-exported as before."""
    from tradestats.verify import Bounds as FromVerify
    from tradestats.verify.bounds import Bounds as FromBounds

    assert BoundsFromRanges is FromBounds is FromVerify is ts.Bounds


# -- deprecated names --------------------------------------------------------------------


@pytest.mark.parametrize(
    "module", ["tradestats", "tradestats.claims", "tradestats.claims.consistency"]
)
def test_figure_range_is_a_deprecated_alias_of_bounds(module: str) -> None:
    """FigureRange warns and gives Bounds, wherever it was importable from."""
    imported = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match="FigureRange is deprecated"):
        alias = imported.FigureRange
    assert alias is Bounds


def test_figure_kind_is_deprecated() -> None:
    """FigureKind warns; its members keep their 0.2 values, the names of the kinds."""
    import tradestats.claims

    with pytest.warns(DeprecationWarning, match="FigureKind is deprecated"):
        figure_kind: Any = tradestats.claims.FigureKind  # type: ignore[attr-defined]
    assert {member.value for member in figure_kind} == {kind.name for kind in KINDS.values()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert tradestats.claims.consistency.FigureKind is figure_kind  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = ts.FigureKind  # type: ignore[attr-defined]  # never was public there
    with pytest.raises(AttributeError):
        _ = ts.NoSuchName  # type: ignore[attr-defined]


# -- the helpers under the formatter ----------------------------------------------------


@given(
    st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False),
        st.fractions(max_denominator=10**9),
    ),
    st.one_of(st.none(), st.integers(0, 30)),
)
def test_outward_rounding(value: Decimal | Fraction, places: int | None) -> None:
    """round_down is never above the value and round_up never below, within one step."""
    down, up = round_down(value, places), round_up(value, places)
    exact = Fraction(value)
    assert Fraction(down) <= exact <= Fraction(up)
    if places is not None:
        step = Fraction(1, 10**places)
        assert exact - Fraction(down) < step
        assert Fraction(up) - exact < step


def test_auto_scale() -> None:
    """Million, billion or trillion by the size; every digit below a million."""
    assert auto_scale(Decimal("-5.94E12")) == (12, "trillion")
    assert auto_scale(Decimal(10**6)) == (6, "million")
    assert auto_scale(Decimal("999999.9")) == (0, "")


@given(st.sampled_from(FIGURE_TYPES), st.decimals(0, 1, places=6))
def test_the_kinds_table_round_trips(kind: type[Any], magnitude: Decimal) -> None:
    """Every kind's magnitude and constructor are inverses, and the table knows each kind."""
    like = Amount(1, "CNY") if kind is Amount else kind(Decimal(0))
    value = with_magnitude(like, magnitude)
    assert type(value) is kind
    assert magnitude == magnitude_of(value)
    assert kind_of(value) is kind_of(kind) is KINDS[kind]


def test_interval_bounds_round_trip() -> None:
    """Interval → Bounds → Interval gives back the interval (inside the kind's domain)."""
    interval = Interval("0.25", "0.5")
    for kind in (Growth, Multiplier, Share, PercentagePoints):
        assert interval == Bounds.from_interval(interval, kind).interval
