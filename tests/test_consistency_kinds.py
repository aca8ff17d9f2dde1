"""The new claim kinds in the check: changes in level, any base, points, positive bases."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tradestats import (
    Amount,
    Bounds,
    ChangeClaim,
    ContributionClaim,
    ContributionShareClaim,
    Growth,
    GrowthClaim,
    GrowthDifferenceClaim,
    Lag,
    MultiplierClaim,
    PercentagePoints,
    Period,
    Report,
    ReportFlow,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    TimesConvention,
    ValueClaim,
    Verdict,
    Versus,
    check,
)
from tradestats.cli import render
from tradestats.measures import Multiplier, Share
from tradestats.verify._kinds import magnitude_of
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from tradestats.claims.report import Claim

HEAD = """
title = "kinds"
reporter = "X"
period = "2023"
[flows.x]
flow = "exports"
[flows.m]
flow = "imports"
[flows.t]
flow = "total"
"""


def report(claims: str) -> Report:
    """A report of exports x, imports m and total trade t with the given claims."""
    return Report.from_toml(HEAD + claims, name="kinds.toml")


def verdicts(text: str) -> dict[str, Verdict]:
    """Each claim's verdict in the check of a report."""
    result = check(report(text))
    return {claim.id: result.verdict(claim.id) for claim in result.report.claims}


# -- positive bases ------------------------------------------------------------------------

UP_300 = """
[[claims]]
id = "g"
flow = "x"
growth = "300%"
"""


def test_growth_and_multiplier_with_no_values_must_agree() -> None:
    """ "Up 300%" and "×2.6" on one flow: a base of 0 meets both, but a rate says it is not 0."""
    text = UP_300 + '[[claims]]\nid = "m"\nflow = "x"\nmultiplier = "×2.6"\n'
    result = check(report(text))
    assert {check.claim.id: check.verdict for check in result.checks} == {
        "g": Verdict.INCONSISTENT,
        "m": Verdict.INCONSISTENT,
    }
    assert [conflict.claims for conflict in result.conflicts] == [("g", "m")]
    assert result.checks[0].summary.split(" (")[0] == "+155% to +165%"


def test_growth_and_multiplier_with_no_values_that_agree() -> None:
    """ "Up 300%" and "×4" hold together, and each determines the other."""
    text = UP_300 + '[[claims]]\nid = "m"\nflow = "x"\nmultiplier = "×4"\n'
    assert verdicts(text) == {"g": Verdict.CONSISTENT, "m": Verdict.CONSISTENT}


def test_a_growth_rate_on_a_base_of_zero_is_flagged() -> None:
    """A base published as exactly 0 cannot have grown by 5%."""
    text = """
[[claims]]
id = "base"
flow = "x"
period = "2022"
value = "0 yuan"
precision = "0 yuan"
[[claims]]
id = "g"
flow = "x"
growth = "5%"
"""
    result = check(report(text))
    assert [conflict.claims for conflict in result.conflicts] == [("base", "g")]


def test_a_share_says_its_whole_is_positive() -> None:
    """A share of 40% and a whole of exactly 0 cannot both hold."""
    text = """
[[claims]]
id = "t0"
flow = "t"
value = "0 yuan"
precision = "0 yuan"
[[claims]]
id = "s"
part = "x"
whole = "t"
share = "40%"
"""
    assert check(report(text)).verdict("s") == Verdict.INCONSISTENT


# -- changes in level and other bases ----------------------------------------------------

LEVELS = """
[[claims]]
id = "jun"
flow = "x"
period = "2023-06"
value = "187.6 billion USD"
[[claims]]
id = "may"
flow = "x"
period = "2023-05"
value = "184.2 billion USD"
[[claims]]
id = "up"
flow = "x"
period = "2023-06"
versus = "previous"
change = "{change}"
"""


@pytest.mark.parametrize(
    ("change", "verdict"),
    [
        ("up $3.4 billion", Verdict.CONSISTENT),
        ("+3.4 billion USD", Verdict.CONSISTENT),
        ("rose by 3.4 billion dollars", Verdict.CONSISTENT),
        ("up $3.6 billion", Verdict.INCONSISTENT),
        ("down $3.4 billion", Verdict.INCONSISTENT),
        ("-3.4 billion USD", Verdict.INCONSISTENT),
    ],
)
def test_change_in_level_on_the_month_before(change: str, verdict: Verdict) -> None:
    """A change from May to June is June's value less May's, within rounding."""
    assert verdict == verdicts(LEVELS.format(change=change))["up"]


def test_change_in_level_in_chinese_and_the_sign_of_a_fall() -> None:
    """减少 is a fall: "减少3亿美元" is −0.3 billion USD."""
    claim = report('[[claims]]\nid = "c"\nflow = "m"\nchange = "减少3亿美元"\n').claims[0]
    assert isinstance(claim, ChangeClaim)
    assert Decimal("-3E8") == claim.change.value.magnitude
    assert Decimal("5E7") == claim.change.precision


def test_change_in_level_implies_the_earlier_value() -> None:
    """ "Up 3.4 billion to 187.6 billion" gives the value of the base."""
    text = LEVELS.format(change="up $3.4 billion").split('[[claims]]\nid = "may"')[0]
    text += '[[claims]]\nid = "up"\nflow = "x"\nperiod = "2023-06"\nversus = "previous"\n'
    text += 'change = "up $3.4 billion"\n'
    result = check(report(text))
    assert result.figure("value/x/2023-05").range.format() == "184.1 to 184.3 billion USD"


@pytest.mark.parametrize(
    ("growth", "verdict"), [("20%", Verdict.CONSISTENT), ("25%", Verdict.INCONSISTENT)]
)
def test_growth_on_an_explicit_base_period(growth: str, verdict: Verdict) -> None:
    """ "Up 20% on 2019" compares with 2019, not 2022."""
    text = f"""
[[claims]]
id = "v2019"
flow = "x"
period = "2019"
value = "100 billion yuan"
[[claims]]
id = "v2023"
flow = "x"
value = "120 billion yuan"
[[claims]]
id = "g"
flow = "x"
growth = "{growth}"
versus = "2019"
"""
    assert verdict == verdicts(text)["g"]


def test_subject_names_the_base() -> None:
    """The subject of a claim on another base says which."""
    result = check(report(LEVELS.format(change="up $3.4 billion")))
    assert "on the period before (Jun 2023)" not in result.checks[2].subject
    assert result.checks[2].subject.endswith("Jun 2023 on the period before (May 2023)")


# -- percentage points ---------------------------------------------------------------------

VALUES = """
[[claims]]
id = "x22"
flow = "x"
period = "2022"
value = "100 billion yuan"
[[claims]]
id = "m22"
flow = "m"
period = "2022"
value = "150 billion yuan"
[[claims]]
id = "x23"
flow = "x"
value = "120 billion yuan"
[[claims]]
id = "m23"
flow = "m"
value = "180 billion yuan"
[[claims]]
id = "sum"
parts = ["x", "m"]
total = "t"
"""


def one_claim(key: str, figure: str, **flows: str) -> str:
    """A claim with one figure key, in TOML."""
    names = "".join(f'{name} = "{flow}"\n' for name, flow in flows.items())
    return f'[[claims]]\nid = "new"\n{names}{key} = "{figure}"\n'


@pytest.mark.parametrize(
    ("key", "flows", "right", "wrong"),
    [
        # x: 100 -> 120 (+20%), t: 250 -> 300 (+20%), m: 150 -> 180.
        ("contribution", {"part": "x", "total": "t"}, "8 pp", "9 pp"),
        ("contribution_share", {"part": "x", "total": "t"}, "40%", "45%"),
        ("share_change", {"part": "x", "whole": "t"}, "0.0 pp", "+0.5 pp"),
        ("growth_difference", {"flow": "x", "than": "m"}, "0 pp", "+3 pp"),
    ],
)
def test_points_claims_against_values(
    key: str, flows: dict[str, str], right: str, wrong: str
) -> None:
    """Each kind in points is consistent at its true value and flagged off it, in a conflict."""
    assert verdicts(VALUES + one_claim(key, right, **flows))["new"] == Verdict.CONSISTENT
    result = check(report(VALUES + one_claim(key, wrong, **flows)))
    assert result.verdict("new") == Verdict.INCONSISTENT
    assert any("new" in conflict.claims for conflict in result.conflicts)
    assert result.checks[-1].explanation.startswith(f"{wrong} published; the other claims imply")


def test_growth_difference_of_a_region_and_its_nation() -> None:
    """ "59.3%, 59.1 pp above the nation's 0.2%" holds; 58 pp above does not."""
    text = """
[[claims]]
id = "region"
flow = "x"
growth = "59.3%"
[[claims]]
id = "nation"
flow = "t"
growth = "0.2%"
"""
    right = verdicts(text + one_claim("growth_difference", "59.1 pp", flow="x", than="t"))
    assert right["new"] == Verdict.CONSISTENT
    wrong = verdicts(text + one_claim("growth_difference", "58 pp", flow="x", than="t"))
    assert wrong["new"] == Verdict.INCONSISTENT


def test_contribution_share_when_the_total_did_not_change_is_undefined() -> None:
    """贡献率 divides by the total's change: when it is 0, the verdict says undefined and why."""
    text = """
[[claims]]
id = "flat"
flow = "t"
change = "0 billion yuan"
precision = "0 yuan"
"""
    result = check(report(text + one_claim("contribution_share", "40%", part="x", total="t")))
    found = result.checks[-1]
    assert (found.verdict, found.reason) == (Verdict.UNDEFINED, "total did not change")
    assert result.consistent
    assert result.to_dict()["claims"][-1]["verdict"] == "undefined"
    assert result.to_dict()["claims"][-1]["reason"] == "total did not change"


def test_contribution_share_of_a_falling_total() -> None:
    """A part that grew while the total fell has a negative contribution share."""
    text = """
[[claims]]
id = "x22"
flow = "x"
period = "2022"
value = "100 billion yuan"
[[claims]]
id = "x23"
flow = "x"
value = "110 billion yuan"
[[claims]]
id = "t22"
flow = "t"
period = "2022"
value = "300 billion yuan"
[[claims]]
id = "t23"
flow = "t"
value = "280 billion yuan"
"""
    assert (
        verdicts(text + one_claim("contribution_share", "-50%", part="x", total="t"))["new"]
        == Verdict.CONSISTENT
    )
    assert (
        verdicts(text + one_claim("contribution_share", "50%", part="x", total="t"))["new"]
        == Verdict.INCONSISTENT
    )


# -- random reports made from true values ------------------------------------------------


@attrs.frozen
class World:
    """True values of a total and its parts in a period and its base, and a report."""

    values: dict[tuple[str, Period], Decimal]
    report: Report

    def truth(self, claim: Claim) -> Decimal:  # noqa: PLR0911 - one line per kind
        """The true figure of a claim, in its internal magnitude."""
        value = self.values
        with localcontext(prec=60):
            if isinstance(claim, ValueClaim):
                return value[(claim.flow, claim.period)]
            if isinstance(claim, SumClaim):
                return Decimal(0)
            if isinstance(claim, ShareClaim):
                return value[(claim.part, claim.period)] / value[(claim.whole, claim.period)]
            now, base = claim.period, claim.base
            if isinstance(claim, GrowthClaim | MultiplierClaim | ChangeClaim):
                later, earlier = value[(claim.flow, now)], value[(claim.flow, base)]
                if isinstance(claim, ChangeClaim):
                    return later - earlier
                return later / earlier - (1 if isinstance(claim, GrowthClaim) else 0)
            if isinstance(claim, ContributionClaim):
                change = value[(claim.part, now)] - value[(claim.part, base)]
                return change / value[(claim.total, base)] * 100
            if isinstance(claim, ContributionShareClaim):
                change = value[(claim.part, now)] - value[(claim.part, base)]
                return change / (value[(claim.total, now)] - value[(claim.total, base)]) * 100
            if isinstance(claim, ShareChangeClaim):
                later = value[(claim.part, now)] / value[(claim.whole, now)]
                return (later - value[(claim.part, base)] / value[(claim.whole, base)]) * 100
            first = value[(claim.flow, now)] / value[(claim.flow, base)]
            return (first - value[(claim.than, now)] / value[(claim.than, base)]) * 100


LATER = [Period.year(2023), Period.year_to_date(2023, 7), Period.quarter(2024, 2)]


@st.composite
def bases(draw: st.DrawFn, later: Period) -> Versus:
    """A year earlier, the period before, or an explicit earlier period of the same length."""
    choices: list[Versus] = [Lag.YEAR_EARLIER, later.shift_years(-4)]
    if not later.is_year_to_date:  # a year to date has no period of its length just before
        choices.append(Lag.PREVIOUS)
    return draw(st.sampled_from(choices))


def rounded(draw: st.DrawFn, figure: Any) -> Reported[Any]:
    """The figure rounded to 0 to 3 places, as an office would publish it."""
    return Reported.from_rounding(figure, draw(st.integers(0, 3)))


@st.composite
def worlds(draw: st.DrawFn) -> World:  # noqa: PLR0912 - one branch per claim kind
    """Parts of a total in a period and its base, and correctly rounded claims of every kind."""
    later = draw(st.sampled_from(LATER))
    versus = draw(bases(later))
    base = later.base(versus)
    parts = [f"p{index}" for index in range(draw(st.integers(1, 3)))]
    values: dict[tuple[str, Period], Decimal] = {}
    for period in (base, later):
        values[("total", period)] = Decimal(0)
        for part in parts:
            value = Decimal(draw(st.integers(1, 10**12))).scaleb(draw(st.integers(-2, 2)))
            values[(part, period)] = value
            values[("total", period)] += value
    names = ["total", *parts]
    flows = [ReportFlow(id=name, reporter="A", flow="exports") for name in names]
    # The truths need only the values: a report of one sum stands in until the claims are made.
    world = World(
        values,
        Report(title="t", flows=flows, claims=[SumClaim(id="s", total="total", parts=parts)]),
    )
    claims: list[Claim] = []
    common: dict[str, Any] = {"period": later, "versus": versus}
    for name in names:
        for period in (base, later):
            if draw(st.booleans()):
                figure = rounded(draw, Amount(values[(name, period)], "CNY"))
                claims.append(
                    ValueClaim(id=f"v-{name}-{period}", flow=name, period=period, value=figure)
                )
        kind = draw(st.sampled_from(["growth", "multiplier", "change", "none"]))
        plain = {"id": f"{kind}-{name}", "flow": name, **common}
        if kind == "growth":
            truth = world.truth(GrowthClaim(growth=Reported.exact(Growth(0)), **plain))
            claims.append(GrowthClaim(growth=rounded(draw, Growth(truth)), **plain))
        elif kind == "multiplier":
            truth = world.truth(MultiplierClaim(multiplier=Reported.exact(Multiplier(1)), **plain))
            claims.append(
                MultiplierClaim(
                    multiplier=rounded(draw, Multiplier(truth)),
                    times=TimesConvention.AS_MUCH,
                    **plain,
                )
            )
        elif kind == "change":
            truth = world.truth(ChangeClaim(change=Reported.exact(Amount(0, "CNY")), **plain))
            claims.append(ChangeClaim(change=rounded(draw, Amount(truth, "CNY")), **plain))
    zero = Reported.exact(PercentagePoints(0))
    total_changed = values[("total", later)] != values[("total", base)]
    for part in parts:
        if draw(st.integers(0, 3)) == 0:
            share = values[(part, later)] / values[("total", later)]
            claims.append(
                ShareClaim(
                    id=f"s-{part}",
                    part=part,
                    whole="total",
                    period=later,
                    share=rounded(draw, Share(share)),
                )
            )
        pair = {"part": part, **common}
        kinds: list[Claim] = [
            ContributionClaim(id=f"c-{part}", total="total", contribution=zero, **pair),
            ShareChangeClaim(id=f"sc-{part}", whole="total", share_change=zero, **pair),
            GrowthDifferenceClaim(
                id=f"gd-{part}", flow=part, than="total", difference=zero, **common
            ),
        ]
        if total_changed:
            kinds.append(
                ContributionShareClaim(
                    id=f"cs-{part}", total="total", contribution_share=zero, **pair
                )
            )
        for template in kinds:
            if draw(st.integers(0, 2)) == 0:
                points = rounded(draw, PercentagePoints(world.truth(template)))
                claims.append(_with_figure(template, points))
    if draw(st.integers(0, 3)) or not claims:
        claims.append(SumClaim(id="sum", total="total", parts=parts))
    return World(values, Report(title="random", flows=flows, claims=claims))


def _with_figure(claim: Claim, figure: Reported[Any]) -> Claim:
    """The claim with its figure (in points) replaced."""
    field = {
        ContributionClaim: "contribution",
        ShareChangeClaim: "share_change",
        GrowthDifferenceClaim: "difference",
        ContributionShareClaim: "contribution_share",
        ValueClaim: "value",
        GrowthClaim: "growth",
        MultiplierClaim: "multiplier",
        ShareClaim: "share",
        ChangeClaim: "change",
    }[type(claim)]
    changes: dict[str, Any] = {field: figure}
    return attrs.evolve(claim, **changes)


def _figure(claim: Claim) -> Reported[Any]:
    """The claim's published figure."""
    assert not isinstance(claim, SumClaim)
    for name in (
        "value",
        "growth",
        "multiplier",
        "share",
        "change",
        "contribution",
        "share_change",
        "difference",
        "contribution_share",
    ):
        if hasattr(claim, name):
            found: Reported[Any] = getattr(claim, name)
            return found
    raise AssertionError(claim)


def value_of(bounds: Bounds[Any], magnitude: Decimal) -> Any:
    """The value of the bounds' kind (and unit) with this internal magnitude."""
    return Amount(magnitude, bounds.unit) if bounds.unit else bounds.kind(magnitude)


BUDGETS = st.sampled_from([0, 4])


# The two laws of a correct report share one check per example, to keep the suite fast.
# Every kind's report is an exact search with claims in points among the others (about
# half a second a report), so these two take a share of the profile's examples to keep
# the suite within its time (raise the profile's max_examples for a longer search).
@settings(max_examples=max(1, settings().max_examples // 4), deadline=None)
@given(worlds(), BUDGETS)
def test_correct_reports_of_every_kind_are_never_flagged_and_hold_the_truth(
    world: World, budget: int
) -> None:
    """Figures of every kind rounded from true values, on any base, always check
    consistent, and the range the others imply for each claim holds its true figure."""
    result = check(world.report, budget=budget)
    assert [c.explanation for c in result.checks if c.verdict is Verdict.INCONSISTENT] == []
    assert not result.conflicts
    for verdict in result.checks:
        if isinstance(verdict.claim, SumClaim):
            continue
        assert verdict.implied is not None
        low, high = verdict.implied.ends
        truth = world.truth(verdict.claim)
        assert low is None or magnitude_of(low) <= truth, verdict
        assert high is None or truth <= magnitude_of(high), verdict


VANISHED = """title = "vanished"
reporter = "A"
[flows.total]
flow = "exports"
[flows.p0]
flow = "exports"
[flows.p1]
flow = "exports"
[flows.p2]
flow = "exports"
[[claims]]
id = "v-total-2022"
flow = "total"
period = "2022"
value = "49 billion yuan"
[[claims]]
id = "growth-total"
flow = "total"
period = "2023"
growth = "-100.00%"
[[claims]]
id = "growth-p0"
flow = "p0"
period = "2023"
growth = "-100%"
[[claims]]
id = "v-p1-2022"
flow = "p1"
period = "2022"
value = "1 yuan"
[[claims]]
id = "growth-p1"
flow = "p1"
period = "2023"
growth = "79307000%"
[[claims]]
id = "v-p2-2023"
flow = "p2"
period = "2023"
value = "1 yuan"
[[claims]]
id = "s-p0"
part = "p0"
whole = "total"
period = "2023"
share = "0%"
[[claims]]
id = "gd-p0"
flow = "p0"
than = "total"
period = "2023"
growth_difference = "0 pp"
[[claims]]
id = "s-p2"
part = "p2"
whole = "total"
period = "2023"
share = "0%"
[[claims]]
id = "gd-p2"
flow = "p2"
than = "total"
period = "2023"
growth_difference = "100 pp"
[[claims]]
id = "sum"
total = "total"
parts = ["p0", "p1", "p2"]
"""


def test_growth_differences_of_flows_that_vanished_or_exploded() -> None:
    """Found by the property above: the share-change envelope of two unrelated rates once
    raised Infeasible (a slice HiGHS found feasible and the exact simplex did not)."""
    result = check(Report.from_toml(VANISHED), budget=4)
    assert result.consistent


@settings(max_examples=max(1, settings().max_examples // 10), deadline=None)
@given(worlds(), st.data())
def test_a_figure_of_any_kind_moved_beyond_the_others_is_flagged(
    world: World, data: st.DataObject
) -> None:
    """A checkable figure moved past what the others allow is flagged, and in a conflict."""
    budget = data.draw(BUDGETS)
    result = check(world.report, budget=budget)
    moves: list[tuple[Claim, Decimal]] = []
    for verdict in result.checks:
        claim = verdict.claim
        if verdict.verdict is not Verdict.CONSISTENT or isinstance(claim, SumClaim):
            continue
        assert verdict.implied is not None
        half = _figure(claim).precision
        for end, sign in zip(verdict.implied.ends, (-1, 1), strict=True):
            if end is None:
                continue
            edge = magnitude_of(end)
            margin = max(half, abs(edge) * Decimal("1E-9"), Decimal("1E-12"))
            center = edge + sign * (half + margin)
            if isinstance(claim, ShareClaim) and not 0 <= center - half <= center + half <= 1:
                continue
            if isinstance(claim, ValueClaim | MultiplierClaim) and center - half < 0:
                continue
            if isinstance(claim, GrowthClaim) and center - half < -1:
                continue
            moves.append((claim, center))
    assume(moves)
    target, center = data.draw(st.sampled_from(moves))
    figure = _figure(target)
    kind = type(figure.value)
    shifted = Amount(center, figure.value.unit) if kind is Amount else kind(center)
    moved_figure = Reported(shifted, figure.precision)
    claims = tuple(
        _with_figure(c, moved_figure) if c.id == target.id else c for c in world.report.claims
    )
    changed = check(attrs.evolve(world.report, claims=claims), budget=budget)
    assert changed.verdict(target.id) == Verdict.INCONSISTENT
    assert any(target.id in conflict.claims for conflict in changed.conflicts)


def test_the_cli_table_names_the_new_kinds_and_counts_undefined() -> None:
    """The table shows what each new claim is about, its base, and the undefined verdicts."""
    text = """
[[claims]]
id = "flat"
flow = "t"
change = "0 billion yuan"
precision = "0 yuan"
versus = "2019"
[[claims]]
id = "cs"
part = "x"
total = "t"
contribution_share = "40%"
versus = "2019"
"""
    shown = render(check(report(text)))
    assert "change in level of X total trade with World on 2019" in shown
    assert "share of X exports with World in the change of X total trade with World" in shown
    assert "undefined (total did not change)" in shown
    assert "1 undefined" in shown
