"""Balances, qualifiers, duplicates and the undefined verdict, in report files and the check."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal, localcontext
from typing import Any

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import tradestats as ts
import tradestats.cli
from tradestats import Amount, BalanceSign, Growth, Multiplier, Period, Qualifier, Share
from tradestats._grammar._words import QUALIFIER_SUFFIXES, QUALIFIER_WORDS
from tradestats.claims.consistency import Verdict, check
from tradestats.claims.report import (
    Claim,
    GrowthClaim,
    MultiplierClaim,
    Report,
    ReportFlow,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.errors import InvalidValueError, ParseError, ReportFileError
from tradestats.verify._kinds import magnitude_of
from tradestats.verify.figures import ABOUT_WIDTH, NEARLY_SLACK, Reported

from .test_consistency import World, claim_key, worlds

HEAD = """
title = "t"
reporter = "A"
period = "2023"

[flows.x]
flow = "exports"

[flows.m]
flow = "imports"

[flows.b]
flow = "balance"
"""


def claim(**fields: object) -> str:
    """One [[claims]] table with the given fields, written as TOML."""
    lines = ["[[claims]]"] + [f"{key} = {json.dumps(value)}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def report(*claims: str) -> Report:
    """A report on exports, imports and the balance of reporter A, with these claims."""
    return Report.from_toml(HEAD + "".join(claims), name="r.toml")


def verdicts(result: ts.CheckResult) -> dict[str, Verdict]:
    """Each claim's verdict by id."""
    return {c.id: result.verdict(c.id) for c in result.report.claims}


# -- qualifiers: words, meanings, the key -------------------------------------------------


@pytest.mark.parametrize("word", sorted(QUALIFIER_WORDS))
def test_every_qualifier_word_is_read_before_an_amount_and_a_growth(word: str) -> None:
    """Each word of the table qualifies an amount, and a growth after a word of direction."""
    expected = Qualifier(QUALIFIER_WORDS[word])
    gap = "" if word.isascii() is False else " "
    amount = Reported.parse_amount(f"{word}{gap}93.7 billion yuan")
    assert (expected, Amount("93.7E9", "CNY")) == (amount.qualifier, amount.value)
    growth = Reported.parse_growth(f"up {word}{gap}10.5%")
    assert (expected, Growth.from_percent("10.5")) == (growth.qualifier, growth.value)


@pytest.mark.parametrize("word", sorted(QUALIFIER_SUFFIXES))
def test_every_qualifier_suffix_is_read_after_the_figure(word: str) -> None:
    """10%以上, 5%左右, "5% or more": the suffix qualifies the figure before it."""
    gap = " " if word.isascii() else ""
    share = Reported.parse_share(f"40.5%{gap}{word}")
    assert (Qualifier(QUALIFIER_SUFFIXES[word]), Share.from_percent("40.5")) == (
        share.qualifier,
        share.value,
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("over 93.7 billion yuan", "at least 93.65 billion CNY"),
        ("1000多亿元", "at least 99.95 billion CNY"),
        ("under 10.0 billion USD", "0.00 to 10.05 billion USD"),
        ("nearly 100.0 billion yuan", "90.00 to 100.05 billion CNY"),
        ("about 93.7 billion yuan", "89.0 to 98.4 billion CNY"),
        ("约4万亿元", "3.5 to 4.5 trillion CNY"),
    ],
)
def test_qualified_amounts_stand_for_documented_bounds(text: str, shown: str) -> None:
    """Over: no upper end; under: down to 0; nearly: 10% below; about: ±5% or the rounding."""
    assert shown == Reported.parse_amount(text).bounds.format()


def test_qualifiers_speak_of_the_size() -> None:
    """ "Down more than 10%" is −10% or lower; "fell nearly 10.0%" is −10.05% to −9%."""
    assert Reported.parse_growth("down more than 10.0%").bounds.format() == "at most -9.95%"
    assert Reported.parse_growth("fell nearly 10.0%").bounds.format() == "-10.05% to -9.00%"


def test_an_open_qualified_figure_has_no_interval() -> None:
    """.interval is the bounds of a qualified figure when both ends are finite, else refused."""
    assert Reported.parse_growth("about 5.0%").interval == ts.Interval("0.0475", "0.0525")
    with pytest.raises(InvalidValueError, match=r"has no upper end.*\.bounds"):
        _ = Reported.parse_amount("over 5 billion USD").interval
    with pytest.raises(InvalidValueError, match="has no upper end"):
        ts.implied_previous_bounds(
            Reported.parse_amount("over 5 billion USD"), Reported.parse_growth("5%")
        )
    nearly = ts.implied_previous_bounds(
        Reported.parse_amount("nearly 100.0 billion USD"), Growth.from_percent(0)
    )
    assert nearly.format() == "90.00 to 100.05 billion USD"


def test_qualifier_parse_and_messages() -> None:
    """Qualifier.parse reads values and words; anything else is named in the error."""
    assert Qualifier.parse("More  than") is Qualifier.OVER
    assert Reported(Growth(0), 0, "about").qualifier is Qualifier.ABOUT
    with pytest.raises(ParseError, match="unknown qualifier 'roughly speaking'"):
        Qualifier.parse("roughly speaking")
    with pytest.raises(InvalidValueError, match="a qualifier must be a Qualifier or its name"):
        Reported(Growth(0), 0, 3)  # type: ignore[arg-type]


@st.composite
def qualified(draw: st.DrawFn) -> tuple[Reported[Any], Decimal]:
    """A true value, and a qualified figure published from a value near it."""
    truth = Decimal(draw(st.integers(-(10**6), 10**6))).scaleb(draw(st.integers(-3, 3)))
    near = truth * Decimal(draw(st.integers(80, 120))) / 100
    with localcontext(prec=40):
        figure = Reported.from_rounding(Amount(near, "USD"), draw(st.integers(0, 2)), scale=None)
    return figure.qualified(draw(st.sampled_from(Qualifier))), truth


@example((Reported(Amount(0, "USD"), "0.5", Qualifier.OVER), Decimal(0)))
@given(qualified())
def test_bounds_follow_the_documented_meaning(case: tuple[Reported[Any], Decimal]) -> None:
    """The bounds of each qualifier are the table's: rounding, size over or under, slack, width."""
    figure, _ = case
    middle, half = magnitude_of(figure.value), figure.precision
    side = 1 if middle >= 0 else -1  # a qualifier speaks of the size, away from zero
    outer, inner = middle + side * half, middle - side * half
    ends = tuple(None if e is None else magnitude_of(e) for e in figure.bounds.ends)
    width = max(half, abs(middle) * ABOUT_WIDTH)
    expected: tuple[Decimal | None, Decimal | None] = {
        Qualifier.EXACT: (middle - half, middle + half),
        Qualifier.ABOUT: (middle - width, middle + width),
        Qualifier.OVER: (inner, None),
        Qualifier.UNDER: (Decimal(0), outer),
        Qualifier.NEARLY: (middle * (1 - NEARLY_SLACK), outer),
    }[figure.qualifier]
    if figure.qualifier in (Qualifier.OVER, Qualifier.UNDER, Qualifier.NEARLY) and side < 0:
        expected = (expected[1], expected[0])
    assert expected == ends
    assert figure.contains(figure.value)


# -- report files ------------------------------------------------------------------------


def test_sign_words_and_keys_make_a_signed_balance() -> None:
    """ "A deficit of 11.8 billion" is −11.8 billion; the sign key says the same."""
    read = report(
        claim(id="d", flow="b", value="a trade deficit of US$11.8 billion"),
        claim(id="k", flow="b", value="11.8 billion USD", sign="deficit", period="2022"),
        claim(id="s", flow="b", value="贸易顺差23亿美元", period="2021"),
        claim(id="g", flow="b", growth="the deficit widened 7.9%"),
        claim(id="n", flow="b", growth="逆差收窄3.1%", period="2022"),
    )
    values = [c for c in read.claims if isinstance(c, ValueClaim)]
    assert [Amount("-11.8E9", "USD"), Amount("-11.8E9", "USD"), Amount("2.3E9", "USD")] == [
        c.value.value for c in values
    ]
    growths = [c for c in read.claims if isinstance(c, GrowthClaim)]
    assert [(c.sign, str(c.growth.value)) for c in growths] == [
        (BalanceSign.DEFICIT, "+7.9%"),
        (BalanceSign.DEFICIT, "-3.1%"),
    ]
    assert read.balance_relations == (("b", "x", "m"),)


def test_qualifier_key_and_text_agree() -> None:
    """The qualifier key qualifies the figure; with a word of the text it must agree."""
    read = report(claim(id="v", flow="x", value="93.7 billion USD", qualifier="over"))
    first = read.claims[0]
    assert isinstance(first, ValueClaim)
    assert Qualifier.OVER is first.value.qualifier
    both = report(claim(id="v", flow="x", value="over 93.7 billion USD", qualifier="over"))
    assert first.value == both.claims[0].value  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"flow": "x", "value": "a deficit of 5 billion USD"}, "field 'sign': a deficit is"),
        ({"flow": "b", "value": "a deficit of -5 billion USD"}, "has two signs"),
        ({"flow": "b", "value": "-5 billion USD", "sign": "surplus"}, "has two signs"),
        ({"flow": "b", "value": "deficit of 5 billion USD", "sign": "surplus"}, "keep one"),
        ({"flow": "b", "value": "5 billion USD", "sign": "red"}, 'expected "deficit"'),
        ({"flow": "x", "value": "5 billion USD", "qualifier": "lots"}, "unknown qualifier"),
        ({"flow": "x", "value": "5 billion USD", "qualifier": 1}, 'expected one of "exact"'),
        ({"flow": "x", "value": "about 5 billion USD", "qualifier": "over"}, "keep one"),
        ({"share": "5%", "part": "x", "whole": "m", "sign": "deficit"}, "field 'sign'"),
    ],
)
def test_bad_signs_and_qualifiers_name_claim_and_field(body: dict[str, Any], words: str) -> None:
    """Every refusal names the claim, the field and what is expected."""
    with pytest.raises(ReportFileError) as caught:
        report(claim(id="c", **body))
    assert "claim 'c'" in str(caught.value)
    assert words in str(caught.value)


def test_shares_of_a_balance_are_still_refused() -> None:
    """A balance may be negative: a share of it means nothing."""
    with pytest.raises(ReportFileError, match="is a balance"):
        report(claim(id="s", part="b", whole="x", share="5%"))


# -- the check ----------------------------------------------------------------------------


def test_the_balance_relation_needs_no_claim() -> None:
    """Exports and imports imply the balance, and a wrong balance is flagged."""
    base = (
        claim(id="x", flow="x", value="50.0 billion USD"),
        claim(id="m", flow="m", value="61.8 billion USD"),
    )
    implied = check(report(*base)).figure("value/b/2023").range.format()
    assert implied == "-11.9 to -11.7 billion USD"
    wrong = check(report(*base, claim(id="b", flow="b", value="a deficit of 12.8 billion USD")))
    assert wrong.verdict("b") == Verdict.INCONSISTENT
    assert wrong.conflicts[0].claims == ("x", "m", "b")


def test_sign_change_is_undefined_and_says_why() -> None:
    """A deficit after a surplus: the growth of the balance is undefined, with its reason."""
    result = check(
        report(
            claim(id="now", flow="b", value="a deficit of 11.8 billion USD"),
            claim(id="then", flow="b", value="a surplus of 2.3 billion USD", period="2022"),
            claim(id="g", flow="b", growth="the deficit widened 7.9%"),
        )
    )
    (done,) = [c for c in result.checks if c.claim.id == "g"]
    assert (done.verdict, done.reason, done.implied) == (Verdict.UNDEFINED, "sign changed", None)
    assert "undefined: the balance changed sign" in done.explanation
    assert result.consistent
    data = result.to_dict()["claims"][2]
    assert (data["verdict"], data["reason"]) == ("undefined", "sign changed")
    assert "undefined" in tradestats.cli.render(result)


def test_growth_of_a_balance_of_one_sign_is_checked() -> None:
    """ "The deficit widened 7.9%": checked as the growth of its size, consistent or not."""
    claims = (
        claim(id="now", flow="b", value="a deficit of 312.6 billion USD"),
        claim(id="then", flow="b", value="a deficit of 289.7 billion USD", period="2022"),
    )
    right = check(report(*claims, claim(id="g", flow="b", growth="the deficit widened 7.9%")))
    assert {"now", "then", "g"} == {
        k for k, v in verdicts(right).items() if v is Verdict.CONSISTENT
    }
    wrong = check(report(*claims, claim(id="g", flow="b", growth="the deficit widened 9.9%")))
    assert wrong.verdict("g") == Verdict.INCONSISTENT
    # The sign of the values alone tells the growth's: no word needed.
    bare = check(report(*claims, claim(id="g", flow="b", growth="7.9%")))
    assert bare.verdict("g") == Verdict.CONSISTENT


def test_a_balance_growth_of_unknown_sign_is_not_guessed() -> None:
    """With no sign in the claim or the others, the growth is not checked, and says why."""
    result = check(report(claim(id="g", flow="b", growth="7.9%")))
    (done,) = result.checks
    assert Verdict.NOT_CHECKABLE is done.verdict
    assert 'sign = "deficit"' in done.explanation


def test_zero_base_is_undefined() -> None:
    """A balance of exactly zero a year earlier: its growth is undefined."""
    result = check(
        report(
            claim(id="then", flow="b", value="0 USD", period="2022", precision="0 USD"),
            claim(id="g", flow="b", growth="5%"),
        )
    )
    assert (result.checks[1].verdict.value, result.checks[1].reason) == ("undefined", "zero base")


def test_duplicates_at_one_precision_cannot_both_be_right() -> None:
    """604.7 and 604.8 of one deficit touch at 604.75, yet at most one is a correct rounding."""
    result = check(
        report(
            claim(id="a", flow="b", value="a deficit of 604.7 billion USD"),
            claim(id="b", flow="b", value="a deficit of 604.8 billion USD"),
        )
    )
    assert verdicts(result) == {"a": Verdict.INCONSISTENT, "b": Verdict.INCONSISTENT}
    assert result.conflicts[0].claims == ("a", "b")
    assert "at most one of them can be right" in result.conflicts[0].explanation
    same = check(
        report(
            claim(id="a", flow="b", value="a deficit of 604.7 billion USD"),
            claim(id="b", flow="b", value="604.7 billion dollars", sign="deficit"),
            claim(id="c", flow="b", value="a deficit of 604.75 billion USD"),
        )
    )
    assert same.consistent


def test_qualified_figures_meet_with_open_ends() -> None:
    """ "Over 50 billion" is consistent with 60 billion, not with 40 billion."""
    over = claim(id="o", flow="x", value="over 50 billion USD")
    assert check(report(over, claim(id="v", flow="x", value="60 billion USD"))).consistent
    low = check(report(over, claim(id="v", flow="x", value="40 billion USD")))
    assert low.verdict("o") == Verdict.INCONSISTENT


# -- properties ---------------------------------------------------------------------------

YEARS = (Period.year(2022), Period.year(2023))


@attrs.frozen
class Balances:
    """True exports and imports in two years, and a report of correctly published figures."""

    values: dict[tuple[str, Period], Decimal]
    report: Report


def _publish(draw: st.DrawFn, truth: Decimal, unit: str | None = "USD") -> Reported[Any]:
    """A correct figure of ``truth``: its rounding, or a qualified figure that holds it."""
    places = draw(st.integers(0, 2))
    with localcontext(prec=40):
        value: Any = Amount(truth, unit) if unit else Growth(truth)
        exact = Reported.from_rounding(value, places, **({"scale": None} if unit else {}))
        qualifier = draw(st.sampled_from(Qualifier))
        factor = Decimal(draw(st.integers(85, 115))) / 100
        near_value: Any = Amount(truth * factor, unit) if unit else Growth(truth * factor)
        near = Reported.from_rounding(near_value, places, **({"scale": None} if unit else {}))
    candidate = near.qualified(qualifier)
    return candidate if candidate.contains(value) else exact


@st.composite
def balances(draw: st.DrawFn, *, sign_change: bool | None = None) -> Balances:
    """Exports and imports in 2022 and 2023, and correct figures of them and their balance."""
    values: dict[tuple[str, Period], Decimal] = {}
    for year in YEARS:
        values[("x", year)] = Decimal(draw(st.integers(1, 10**6)))
        values[("m", year)] = Decimal(draw(st.integers(1, 10**6)))
        values[("b", year)] = values[("x", year)] - values[("m", year)]
    before, now = values[("b", YEARS[0])], values[("b", YEARS[1])]
    if sign_change is not None:
        assume((before * now < 0) is sign_change)
    claims: list[Claim] = [
        ValueClaim(
            id=f"{flow}{year}", flow=flow, period=year, value=_publish(draw, values[(flow, year)])
        )
        for flow in ("x", "m", "b")
        for year in YEARS
        if draw(st.booleans())
    ]
    if before * now > 0 and draw(st.booleans()):
        with localcontext(prec=40):
            rate = now / before - 1
        sign = draw(
            st.sampled_from([None, BalanceSign.SURPLUS if now > 0 else BalanceSign.DEFICIT])
        )
        claims.append(
            GrowthClaim(
                id="g", flow="b", period=YEARS[1], growth=_publish(draw, rate, None), sign=sign
            )
        )
    if not claims or draw(st.booleans()):
        claims.append(SumClaim(id="s", total="x", parts=["m", "b"]))
    flows = [ReportFlow(id=f, reporter="A", flow=kind) for f, kind in
             (("x", "exports"), ("m", "imports"), ("b", "balance"))]  # fmt: skip
    return Balances(values, Report(title="random", flows=flows, claims=claims))


@given(balances())
def test_correct_reports_with_balances_and_qualifiers_are_never_flagged(world: Balances) -> None:
    """Figures rounded (or qualified) from true exports, imports and balances always hold."""
    result = check(world.report, budget=2)
    assert [c.explanation for c in result.checks if c.verdict is Verdict.INCONSISTENT] == []
    for figure in result.implied:
        kind, flow, period = figure.key.split("/", 2)
        if kind == "value":
            truth = world.values[(flow, Period.parse(period))]
            assert figure.range.contains(Amount(truth, "USD")), figure


# Checks of exact rational programs: a share of the profile's examples keeps the suite quick.
@settings(max_examples=max(1, settings().max_examples // 3))
@given(balances(sign_change=True), st.decimals(-5, 5, places=3), st.sampled_from(BalanceSign))
def test_sign_changes_are_undefined_never_a_number(
    world: Balances, rate: Decimal, sign: BalanceSign
) -> None:
    """Where the values force a change of sign, any growth of the balance is undefined."""
    published = {
        ValueClaim(id=f"force{year}", flow="b", period=year,
                   value=Reported.exact(Amount(world.values[("b", year)], "USD")))
        for year in YEARS
    }  # fmt: skip
    growth = GrowthClaim(
        id="g",
        flow="b",
        period=YEARS[1],
        growth=Reported(Growth(rate), "0.0005"),
        sign=sign,
    )
    claims = (*world.report.claims, *sorted(published, key=lambda c: c.id), growth)
    result = check(attrs.evolve(world.report, claims=claims), budget=2)
    (done,) = [c for c in result.checks if c.claim.id == "g"]
    assert (done.verdict, done.reason) == (Verdict.UNDEFINED, "sign changed")
    assert done.implied is None
    assert result.consistent


@settings(max_examples=max(1, settings().max_examples // 4))
@given(balances(), st.data())
def test_a_balance_moved_beyond_what_the_others_allow_is_flagged(
    world: Balances, data: st.DataObject
) -> None:
    """A value claim moved past the others' bounds by more than its rounding is flagged."""
    result = check(world.report, budget=2)
    moves: list[tuple[ValueClaim, Decimal]] = []
    for done in result.checks:
        claim = done.claim
        if done.verdict is not Verdict.CONSISTENT or not isinstance(claim, ValueClaim):
            continue
        if claim.value.qualifier is not Qualifier.EXACT:
            continue
        assert done.implied is not None
        half = claim.value.precision
        low, high = (None if e is None else magnitude_of(e) for e in done.implied.ends)
        if high is not None:
            moves.append((claim, high + 2 * half + 1))
        if low is not None and (claim.flow == "b" or low - 2 * half - 1 >= half):
            moves.append((claim, low - 2 * half - 1))
    assume(moves)
    target, center = data.draw(st.sampled_from(moves))
    figure = Reported(Amount(center, "USD"), target.value.precision)
    moved = attrs.evolve(target, value=figure)
    claims = tuple(moved if c.id == target.id else c for c in world.report.claims)
    changed = check(attrs.evolve(world.report, claims=claims), budget=2)
    # A move that makes the balance change sign makes its growth undefined instead,
    # which then constrains nothing (the property above).
    ids = {c.id for c in claims}
    assume("g" not in ids or changed.verdict("g") is not Verdict.UNDEFINED)
    assert changed.verdict(target.id) == Verdict.INCONSISTENT


@given(st.integers(1, 10**6), st.integers(0, 2))
def test_adjacent_roundings_of_one_value_are_inconsistent(number: int, places: int) -> None:
    """Two neighbouring roundings at one precision: at most one is right, always flagged."""
    value = Decimal(number).scaleb(-places)
    step = Decimal(1).scaleb(-places)
    first = Reported(Amount(value, "USD"), step / 2)
    second = Reported(Amount(value + step, "USD"), step / 2)
    flows = (ReportFlow(id="x", reporter="A", flow="exports"),)
    claims = (
        ValueClaim(id="a", flow="x", period="2023", value=first),
        ValueClaim(id="b", flow="x", period="2023", value=second),
    )
    result = check(Report(title="t", flows=flows, claims=claims))
    assert (
        result.verdict("a"),
        result.verdict("b"),
    ) == (Verdict.INCONSISTENT, Verdict.INCONSISTENT)
    assert result.conflicts[0].claims == ("a", "b")


@given(st.sampled_from(sorted(QUALIFIER_WORDS)), st.sampled_from(["deficit", "surplus", None]))
def test_reading_round_trip_of_signed_qualified_values(word: str, sign: str | None) -> None:
    """Text with a sign word and a qualifier reads to the same figure as keys do."""
    gap = " " if word.isascii() else ""
    lead = "" if sign is None else f"a {sign} of "
    from_text = report(claim(id="v", flow="b", value=f"{lead}{word}{gap}11.8 billion USD"))
    keys: dict[str, object] = {"qualifier": QUALIFIER_WORDS[word]}
    if sign is not None:
        keys["sign"] = sign
    from_keys = report(claim(id="v", flow="b", value="11.8 billion USD", **keys))
    assert from_keys.claims[0].value == from_text.claims[0].value  # type: ignore[union-attr]
    assert ts.from_json(ts.to_json(from_text), Report) == from_text


@pytest.mark.parametrize(
    ("figure", "verdict"),
    [
        ({"growth": "up more than 10%"}, Verdict.CONSISTENT),
        ({"growth": "up more than 30%"}, Verdict.INCONSISTENT),
        ({"growth": "增长近20.0%"}, Verdict.CONSISTENT),
        ({"growth": "nearly 25.0%"}, Verdict.INCONSISTENT),
        ({"multiplier": "×1.2左右"}, Verdict.CONSISTENT),
        ({"multiplier": "under ×1.1"}, Verdict.INCONSISTENT),
        ({"share": "about 45%", "part": "x", "whole": "m"}, Verdict.CONSISTENT),
        ({"share": "over 50%", "part": "x", "whole": "m"}, Verdict.INCONSISTENT),
    ],
)
def test_qualified_measures_in_the_check(figure: dict[str, str], verdict: Verdict) -> None:
    """Qualified growth, multipliers and shares meet what the values allow, or miss it."""
    values = (
        claim(id="x22", flow="x", value="100.0 billion USD", period="2022"),
        claim(id="x23", flow="x", value="120.0 billion USD"),
        claim(id="m23", flow="m", value="270.0 billion USD"),
    )
    fields = {"flow": "x", **figure} if "part" not in figure else figure
    result = check(report(*values, claim(id="q", **fields)))
    assert result.verdict("q") == verdict


def qualify(claim_: Claim, qualifier: Qualifier, truth: Decimal) -> Claim:
    """The claim with its figure qualified, if the qualified figure still holds ``truth``."""
    if isinstance(claim_, ValueClaim):
        value = claim_.value.qualified(qualifier)
        unit = value.value.unit
        return attrs.evolve(claim_, value=value) if value.contains(Amount(truth, unit)) else claim_
    if isinstance(claim_, GrowthClaim):
        growth = claim_.growth.qualified(qualifier)
        return attrs.evolve(claim_, growth=growth) if growth.contains(Growth(truth)) else claim_
    if isinstance(claim_, MultiplierClaim):
        factor = claim_.multiplier.qualified(qualifier)
        holds = factor.contains(Multiplier(truth))
        return attrs.evolve(claim_, multiplier=factor) if holds else claim_
    if isinstance(claim_, ShareClaim):
        share = claim_.share.qualified(qualifier)
        return attrs.evolve(claim_, share=share) if share.contains(Share(truth)) else claim_
    return claim_


# Each example checks a whole random report: a share of the profile's examples.
@settings(max_examples=max(1, settings().max_examples // 4))
@given(worlds(), st.lists(st.sampled_from(Qualifier), min_size=12, max_size=12))
def test_qualified_reports_are_never_flagged(world: World, qualifiers: list[Qualifier]) -> None:
    """Correct figures with any qualifier that still holds the truth never raise an alarm."""
    claims = tuple(
        c if isinstance(c, SumClaim) else qualify(c, q, world.truth(claim_key(c)))
        for c, q in zip(world.report.claims, qualifiers * 4, strict=False)
    )
    result = check(attrs.evolve(world.report, claims=claims), budget=2)
    assert [c.explanation for c in result.checks if c.verdict is Verdict.INCONSISTENT] == []


def test_plain_data_of_reported_figures_round_trips() -> None:
    """The qualifier travels in JSON and pickles; JSON written before it reads as exact."""
    figure = Reported.parse_growth("同比增长约5%")
    assert ts.from_json(ts.to_json(figure), Reported) == figure
    assert pickle.loads(pickle.dumps(figure)) == figure
    old = '{"precision": "5E+8", "value": {"magnitude": "5E+9", "unit": "USD"}}'
    assert ts.from_json(old, Reported).qualifier is Qualifier.EXACT
