"""The consistency check: verdicts, conflicts and implied figures, on the seed and at random."""

from __future__ import annotations

import functools
from decimal import Decimal, localcontext
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tradestats import (
    Amount,
    Bounds,
    Growth,
    Multiplier,
    PercentagePoints,
    Period,
    Share,
    TimesConvention,
)
from tradestats.claims.consistency import (
    CheckResult,
    ClaimCheck,
    ImpliedFigure,
    Verdict,
    check,
)
from tradestats.claims.files import load_report
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
from tradestats.verify._kinds import magnitude_of
from tradestats.verify.figures import Reported

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinjiang_2023.toml"
JAN_JUL_2023 = Period.year_to_date(2023, 7)
JAN_JUL_2022 = Period.year_to_date(2022, 7)


def seed_with(*changes: tuple[str, str], extra: str = "") -> Report:
    """The seed report with some lines of its TOML text replaced and more claims added."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    return Report.from_toml(text + extra, name="seed")


@functools.cache
def seed_result() -> CheckResult:
    """The check of the seed article, computed once: results are immutable."""
    return check(load_report(EXAMPLE))


WORLD_2022 = """
[[claims]]
id = "world-2022"
flow = "world"
period = "2022-01/2022-07"
value = "114.9 billion yuan"
"""


# -- the seed article --------------------------------------------------------------------


def test_seed_is_consistent() -> None:
    """The article's claims hold together; the "times" figures cannot be checked."""
    result = seed_result()
    assert result.consistent
    assert not result.conflicts
    verdicts = {claim.id: result.verdict(claim.id) for claim in result.report.claims}
    assert verdicts == {
        "world-value": Verdict.CONSISTENT,
        "world-growth": Verdict.CONSISTENT,
        "bri-value": Verdict.CONSISTENT,
        "bri-growth": Verdict.CONSISTENT,
        "ev-growth": Verdict.NOT_CHECKABLE,
        "solar-growth": Verdict.NOT_CHECKABLE,
        # The release of August 2022 (added with issue 12): its own figures hold together,
        # and its Jan–Jul 2022 values need no revision to meet the bases of 2023.
        "world-value-2022": Verdict.CONSISTENT,
        "world-growth-2022": Verdict.CONSISTENT,
        "bri-value-2022": Verdict.CONSISTENT,
        "bri-growth-2022": Verdict.CONSISTENT,
        "bri-share-2022": Verdict.CONSISTENT,
        "rcep-value-2022": Verdict.NOT_CHECKABLE,
        "rcep-growth-2022": Verdict.NOT_CHECKABLE,
        "kgz-value-2022": Verdict.NOT_CHECKABLE,
        "kgz-growth-2022": Verdict.NOT_CHECKABLE,
        "world-parts": Verdict.CONSISTENT,
    }


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("value/world/2022-01/2022-07", "114.5 to 115.3 billion CNY"),
        ("value/bri/2022-01/2022-07", "104.3 to 105.1 billion CNY"),
        ("value/others/2023-01/2023-07", "13 to 15 billion CNY"),
        ("value/others/2022-01/2022-07", "9.4 to 10.9 billion CNY"),
        ("growth/others/2023-01/2023-07", "+35.2% to +39.9%"),
        ("share/bri/world/2023-01/2023-07", "91.8% to 92.9%"),
        ("share/bri/world/2022-01/2022-07", "90.5% to 91.8%"),
        ("share-change/bri/world/2023-01/2023-07", "+1.1 to +1.3 pp"),
        ("contribution/bri/world/2023-01/2023-07", "+55.6 to +56.4 pp"),
    ],
)
def test_seed_implied_figures(key: str, shown: str) -> None:
    """The seed implies the 2022 total, the Belt and Road share and the rest of the world."""
    assert shown == seed_result().figure(key).range.format()


def test_seed_implied_figures_are_exact_enough() -> None:
    """The 2022 total lies between 182.5/1.5935 and 183.5/1.5925 billion, to the last digit."""
    world_2022 = seed_result().figure("value/world/2022-01/2022-07").range.interval
    with localcontext(prec=40):
        low, high = Decimal("182.5E9") / Decimal("1.5935"), Decimal("183.5E9") / Decimal("1.5925")
    assert low - world_2022.low < Decimal("1E-15")
    assert world_2022.high - high < Decimal("1E-15")
    assert world_2022.low <= low
    assert high <= world_2022.high


def test_changed_growth_with_a_base_value_is_flagged() -> None:
    """With the 2022 total published, 61.3% instead of 59.3% is 1.4 pp off beyond rounding."""
    result = check(seed_with(('growth = "59.3%"', 'growth = "61.3%"'), extra=WORLD_2022))
    assert not result.consistent
    growth = next(c for c in result.checks if c.claim.id == "world-growth")
    assert growth.verdict == Verdict.INCONSISTENT
    assert growth.implied is not None
    assert growth.implied.format() == "+58.7% to +59.8%"
    assert (
        growth.explanation
        == "61.3% published; the other claims imply +58.7% to +59.8%; off by 1.4 pp beyond rounding"
    )
    assert tuple(conflict.claims for conflict in result.conflicts) == (
        ("world-value", "world-growth", "world-2022"),
    )


def test_seed_with_the_base_value_is_consistent() -> None:
    """114.9 billion in 2022 agrees with 183 billion up 59.3%: no false alarm."""
    result = check(seed_with(extra=WORLD_2022))
    assert result.consistent
    assert result.verdict("world-2022") == Verdict.CONSISTENT


def test_part_larger_than_its_total_is_flagged() -> None:
    """Belt and Road trade of 190 billion cannot fit in foreign trade of 183 billion."""
    result = check(seed_with(('value = "169 billion yuan"', 'value = "190 billion yuan"')))
    assert not result.consistent
    assert result.verdict("bri-value") == Verdict.INCONSISTENT
    assert result.verdict("world-parts") == Verdict.INCONSISTENT
    assert result.verdict("ev-growth") == Verdict.NOT_CHECKABLE
    assert tuple(conflict.claims for conflict in result.conflicts) == (
        ("world-value", "bri-value", "world-parts"),
    )
    bri = next(c for c in result.checks if c.claim.id == "bri-value")
    assert "off by 6 billion CNY beyond rounding" in bri.explanation


def test_share_claim_against_values() -> None:
    """A published share of 95% contradicts 169 of 183 billion (92.3%)."""
    extra = """
[[claims]]
id = "bri-share"
part = "bri"
whole = "world"
share = "95%"
"""
    result = check(seed_with(extra=extra))
    share = next(c for c in result.checks if c.claim.id == "bri-share")
    assert share.verdict == Verdict.INCONSISTENT
    assert share.implied is not None
    assert share.implied.format() == "91.8% to 92.9%"
    right = check(seed_with(extra=extra.replace("95%", "92.3%")))
    assert right.consistent
    # With the seed's release of August 2022, 92.3% holds only if its "over 105.1 billion"
    # for Belt and Road trade in Jan–Jul 2022 was revised down a little (issue 12).
    assert right.verdict("bri-share") == Verdict.REVISED


def test_two_independent_conflicts() -> None:
    """Each conflict is found on its own; the claims outside both are still checked."""
    extra = (
        WORLD_2022
        + """
[[claims]]
id = "ev-2023"
flow = "ev"
value = "10 billion yuan"

[[claims]]
id = "ev-2022"
flow = "ev"
period = "2022-01/2022-07"
value = "1 billion yuan"
"""
    )
    result = check(seed_with(('growth = "59.3%"', 'growth = "70%"'), extra=extra))
    assert [conflict.claims for conflict in result.conflicts] == [
        ("world-value", "world-growth", "world-2022"),
        ("ev-growth", "ev-2023", "ev-2022"),
    ]
    # Checkable since the seed has the release of August 2022 (issue 12): its bases.
    assert result.verdict("bri-value") == Verdict.CONSISTENT


def test_claim_inconsistent_on_its_own() -> None:
    """A fall of more than 100% in a flow that cannot be negative is a conflict of one claim."""
    flows = (ReportFlow(id="x", reporter="A", flow="exports"),)
    claims = (
        GrowthClaim(
            id="fall",
            flow="x",
            period="2023",
            growth=Reported.parse_growth("-150%"),
            text="-150%",
        ),
    )
    result = check(Report(title="t", flows=flows, claims=claims))
    assert result.conflicts[0].claims == ("fall",)
    assert "claim 'fall' cannot hold on its own" in result.conflicts[0].explanation


def test_balance_may_be_negative() -> None:
    """Exports − imports = balance: a negative balance is implied, not refused."""
    flows = (
        ReportFlow(id="x", reporter="A", flow="exports"),
        ReportFlow(id="m", reporter="A", flow="imports"),
        ReportFlow(id="b", reporter="A", flow="balance"),
    )
    claims: tuple[Claim, ...] = (
        ValueClaim(id="x", flow="x", period="2023", value=Reported.parse_amount("10 billion USD")),
        ValueClaim(id="m", flow="m", period="2023", value=Reported.parse_amount("12 billion USD")),
        SumClaim(id="s", total="x", parts=["m", "b"]),
    )
    result = check(Report(title="t", flows=flows, claims=claims))
    assert result.consistent
    assert result.figure("value/b/2023").range.format() == "-3 to -1 billion USD"


def test_to_dict_is_plain_data() -> None:
    """The JSON form holds text, numbers as text, booleans and null only."""
    data = seed_result().to_dict()
    assert data["consistent"] is True
    first = data["claims"][0]
    assert {
        "id": "world-value",
        "period": "2023-01/2023-07",
        "verdict": "consistent",
        "gap": "0",
    }.items() <= first.items()
    assert {"kind": "amount", "low": "1.825E+11", "high": "1.835E+11", "unit": "CNY"}.items() <= (
        first["published"].items()
    )
    assert first["implied"]["high"] is None


@pytest.mark.parametrize(
    ("figure", "shown"),
    [
        (Bounds(Amount("1.825E11", "CNY"), Amount("1.835E11", "CNY")),
         "182.5 to 183.5 billion CNY"),
        (Bounds(Amount(5, "USD"), Amount(5, "USD")), "5 USD"),
        (Bounds.unbounded("USD"), "any value"),
        (Bounds.at_least(Growth(Decimal("-0.5"))), "at least -50%"),
        (Bounds(Share(Decimal("0.9225")), Share(Decimal("0.9235"))), "92.25% to 92.35%"),
        (Bounds(Multiplier(Decimal("4.255")), Multiplier(Decimal("4.265"))),
         "×4.255 to ×4.265"),
        (Bounds(PercentagePoints(Decimal("-1.23")), PercentagePoints(Decimal("2.5"))),
         "-1.23 to +2.50 pp"),
    ],
)  # fmt: skip
def test_figure_range_format(figure: Bounds[Any], shown: str) -> None:
    """Ranges show in the figure's terms, rounded outward, one-sided ones in words."""
    assert shown == figure.format()


def test_figure_range_interval_and_contains() -> None:
    """A bounded range converts to an Interval; an open end contains everything beyond."""
    bounded = Bounds(Share(Decimal("0.1")), Share(Decimal("0.2")))
    assert bounded.interval is not None
    assert Decimal("0.1") == bounded.interval.low
    assert not Bounds.at_most(Share(Decimal("0.2"))).is_bounded
    assert Bounds.at_least(Amount(1, "USD")).contains(Amount("1E30", "USD"))
    assert not bounded.contains(Share(Decimal("0.3")))


def test_figure_range_as_typed_bounds() -> None:
    """The check's ranges are Bounds of the matching type."""
    result = seed_result()
    world = result.figure("value/world/2022-01/2022-07").range
    assert world.is_bounded
    assert world.low.unit == "CNY"
    change = result.figure("share-change/bri/world/2023-01/2023-07").range
    assert change.is_bounded
    assert isinstance(change.high, PercentagePoints)
    assert Bounds.at_least(Amount(1, "CNY")).ends[1] is None


def test_result_lookups_name_the_missing_key() -> None:
    """Asking for an unknown claim or figure raises KeyError."""
    result = seed_result()
    with pytest.raises(KeyError):
        result.verdict("nope")
    with pytest.raises(KeyError):
        result.figure("nope")


# -- random reports made from true values ------------------------------------------------


@attrs.frozen
class World:
    """True values of a total and its parts in two periods, and a report about them."""

    values: dict[tuple[str, Period], Decimal]
    report: Report
    later: Period

    @property
    def parts(self) -> list[str]:
        """The ids of the parts."""
        return [flow.id for flow in self.report.flows if flow.id != "total"]

    def truth(self, key: str) -> Decimal:
        """The true value of an implied figure or claim, in its internal magnitude."""
        kind, *rest = key.split("/")
        count = 1 if kind in ("value", "growth", "multiplier") else 2
        names, period = rest[:count], Period.parse("/".join(rest[count:]))
        before = period.previous_year()
        value = self.values
        with localcontext(prec=60):
            if kind == "value":
                return value[(names[0], period)]
            if kind == "growth":
                return value[(names[0], period)] / value[(names[0], before)] - 1
            if kind == "multiplier":
                return value[(names[0], period)] / value[(names[0], before)]
            if kind == "share":
                return value[(names[0], period)] / value[(names[1], period)]
            if kind == "share-change":
                now = value[(names[0], period)] / value[(names[1], period)]
                then = value[(names[0], before)] / value[(names[1], before)]
                return (now - then) * 100
            if kind == "contribution":
                change = value[(names[0], period)] - value[(names[0], before)]
                return change / value[(names[1], before)] * 100
        raise AssertionError(key)


def claim_key(claim: Claim) -> str:
    """The key of the true figure a claim states (as the keys of implied figures)."""
    if isinstance(claim, ValueClaim):
        return f"value/{claim.flow}/{claim.period}"
    if isinstance(claim, GrowthClaim):
        return f"growth/{claim.flow}/{claim.period}"
    if isinstance(claim, MultiplierClaim):
        return f"multiplier/{claim.flow}/{claim.period}"
    if isinstance(claim, ShareClaim):
        return f"share/{claim.part}/{claim.whole}/{claim.period}"
    raise AssertionError(claim)


PERIODS = [Period.year(2023), JAN_JUL_2023, Period.quarter(2024, 2), Period.month(2021, 12)]


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """A total of 1 to 3 parts in two periods a year apart, and correctly rounded claims."""
    later = draw(st.sampled_from(PERIODS))
    periods = [later.previous_year(), later]
    parts = [f"p{index}" for index in range(draw(st.integers(1, 3)))]
    values: dict[tuple[str, Period], Decimal] = {}
    for period in periods:
        total = Decimal(0)
        for part in parts:
            value = Decimal(draw(st.integers(1, 10**12))).scaleb(draw(st.integers(-2, 2)))
            values[(part, period)] = value
            total += value
        values[("total", period)] = total
    flows = [ReportFlow(id=name, reporter="A", flow="exports") for name in ["total", *parts]]
    places = st.integers(0, 3)
    claims: list[Claim] = []
    with localcontext(prec=60):
        for name in ["total", *parts]:
            for period in periods:
                if draw(st.booleans()):
                    figure = Reported.from_rounding(
                        Amount(values[(name, period)], "CNY"), draw(places)
                    )
                    claims.append(
                        ValueClaim(id=f"v-{name}-{period}", flow=name, period=period, value=figure)
                    )
            ratio = values[(name, later)] / values[(name, periods[0])]
            change = draw(st.sampled_from(["growth", "multiplier", "none"]))
            if change == "growth":
                claims.append(
                    GrowthClaim(
                        id=f"g-{name}",
                        flow=name,
                        period=later,
                        growth=Reported.from_rounding(Growth(ratio - 1), draw(places)),
                    )
                )
            elif change == "multiplier":
                claims.append(
                    MultiplierClaim(
                        id=f"m-{name}",
                        flow=name,
                        period=later,
                        multiplier=Reported.from_rounding(Multiplier(ratio), draw(places)),
                        times=TimesConvention.AS_MUCH,
                    )
                )
        for part in parts:
            for period in periods:
                if draw(st.integers(0, 3)) == 0:
                    share = values[(part, period)] / values[("total", period)]
                    claims.append(
                        ShareClaim(
                            id=f"s-{part}-{period}",
                            part=part,
                            whole="total",
                            period=period,
                            share=Reported.from_rounding(Share(share), draw(places)),
                        )
                    )
    if draw(st.integers(0, 4)):
        claims.append(SumClaim(id="sum", total="total", parts=parts))
    if not claims:
        claims.append(SumClaim(id="sum", total="total", parts=parts))
    report = Report(title="random", flows=flows, claims=claims)
    return World(values=values, report=report, later=later)


# Soundness holds for any budget: small ones keep the suite fast, and the seed tests
# and the tightness properties use the default.
BUDGETS = st.sampled_from([0, 2, 8])


@given(worlds(), BUDGETS)
def test_correctly_rounded_reports_are_never_flagged(world: World, budget: int) -> None:
    """Figures rounded from true values always check consistent: no false alarms."""
    result = check(world.report, budget=budget)
    assert [c.explanation for c in result.checks if c.verdict is Verdict.INCONSISTENT] == []
    assert result.consistent


@given(worlds(), BUDGETS)
def test_implied_bounds_contain_the_true_value(world: World, budget: int) -> None:
    """Every implied figure, and what the others imply for each claim, holds the true value."""
    result = check(world.report, budget=budget)
    for figure in result.implied:
        assert figure.range.contains(value_of(figure.range, world.truth(figure.key))), figure
    for verdict in result.checks:
        if not isinstance(verdict.claim, SumClaim):
            assert verdict.implied is not None  # only sums of flows with no unit have none
            truth = value_of(verdict.implied, world.truth(claim_key(verdict.claim)))
            assert verdict.implied.contains(truth), verdict


def value_of(bounds: Bounds[Any], magnitude: Decimal) -> Any:
    """The value of the bounds' kind (and unit) with this internal magnitude."""
    return Amount(magnitude, bounds.unit) if bounds.unit else bounds.kind(magnitude)


def moved(claim: Claim, center: Decimal) -> Claim:
    """The claim with its figure moved to ``center``, keeping its precision."""
    if isinstance(claim, ValueClaim):
        value = Reported(Amount(center, claim.value.value.unit), claim.value.precision)
        return attrs.evolve(claim, value=value)
    if isinstance(claim, GrowthClaim):
        return attrs.evolve(claim, growth=Reported(Growth(center), claim.growth.precision))
    if isinstance(claim, MultiplierClaim):
        factor = Reported(Multiplier(center), claim.multiplier.precision)
        return attrs.evolve(claim, multiplier=factor)
    assert isinstance(claim, ShareClaim)
    return attrs.evolve(claim, share=Reported(Share(center), claim.share.precision))


def precision_of(claim: Claim) -> Decimal:
    """The half-width of a claim's figure."""
    if isinstance(claim, ValueClaim):
        return claim.value.precision
    if isinstance(claim, GrowthClaim):
        return claim.growth.precision
    if isinstance(claim, MultiplierClaim):
        return claim.multiplier.precision
    assert isinstance(claim, ShareClaim)
    return claim.share.precision


# Two checks per example, one of them hunting a conflict: half the profile's examples,
# and no deadline (exact rational arithmetic on many-digit figures can take a second).
@settings(max_examples=max(1, settings().max_examples // 2), deadline=None)
@given(worlds(), st.data())
def test_a_figure_moved_beyond_what_the_others_allow_is_flagged(
    world: World, data: st.DataObject
) -> None:
    """A checkable figure moved past the others' bounds by more than its rounding is flagged."""
    budget = data.draw(BUDGETS)
    result = check(world.report, budget=budget)
    moves: list[tuple[ClaimCheck, Decimal]] = []
    for verdict in result.checks:
        if verdict.verdict is not Verdict.CONSISTENT or isinstance(verdict.claim, SumClaim):
            continue
        half = precision_of(verdict.claim)
        assert verdict.implied is not None
        low, high = (None if end is None else magnitude_of(end) for end in verdict.implied.ends)
        if high is not None:
            margin = max(half, abs(high) * Decimal("1E-9"), Decimal("1E-12"))
            center = high + half + margin
            if not isinstance(verdict.claim, ShareClaim) or center + half <= 1:
                moves.append((verdict, center))
        if low is not None:
            margin = max(half, abs(low) * Decimal("1E-9"), Decimal("1E-12"))
            center = low - half - margin
            if isinstance(verdict.claim, GrowthClaim) or center - half >= 0:
                moves.append((verdict, center))
    assume(moves)
    target, center = data.draw(st.sampled_from(moves))
    claims = tuple(moved(c, center) if c.id == target.claim.id else c for c in world.report.claims)
    changed = check(attrs.evolve(world.report, claims=claims), budget=budget)
    assert changed.verdict(target.claim.id) == Verdict.INCONSISTENT
    assert any(target.claim.id in conflict.claims for conflict in changed.conflicts)


def test_result_types() -> None:
    """The result holds typed parts."""
    result = seed_result()
    assert isinstance(result, CheckResult)
    assert all(isinstance(figure, ImpliedFigure) for figure in result.implied)


def test_compatible_units_are_converted() -> None:
    """Parts in kilograms and a total in tonnes are compared in one unit."""
    flows = (
        ReportFlow(id="all", reporter="A", flow="exports"),
        ReportFlow(id="one", reporter="A", flow="exports", partner="B"),
        ReportFlow(id="rest", reporter="A", flow="exports", partner="rest"),
    )
    total = ValueClaim(id="all", flow="all", period="2023", value=Reported.parse_amount("5 t"))
    part = ValueClaim(id="one", flow="one", period="2023", value=Reported.parse_amount("2000 kg"))
    parts = SumClaim(id="sum", total="all", parts=["one", "rest"])
    result = check(Report(title="t", flows=flows, claims=(total, part, parts)))
    assert result.consistent
    expected = "2.4 to 3.6 tonne"  # 5 ± 0.5 t less 2000 ± 0.5 kg, rounded outward
    assert expected == result.figure("value/rest/2023").range.format()
    too_much = attrs.evolve(part, value=Reported.parse_amount("6000 kg"))
    assert not check(Report(title="t", flows=flows, claims=(total, too_much, parts))).consistent
