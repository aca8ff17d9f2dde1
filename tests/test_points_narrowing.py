"""Claims in percentage points take part in the check: they narrow the figures they relate.

A change of share, a difference of growth rates and a contribution share are no
linear rows; the check holds them in pieces (:mod:`tradestats.claims._points`). The
laws: reports rounded from true values are never flagged; a figure that the others
fix only through a claim in points is checkable, the range they imply for it holds
its true value, and moved beyond that range it is flagged, in a conflict.
"""

from __future__ import annotations

import json
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from tradestats import (
    GrowthClaim,
    GrowthDifferenceClaim,
    Period,
    Report,
    ReportFlow,
    Verdict,
    check,
)
from tradestats.verify._kinds import magnitude_of
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from tradestats.claims.consistency import CheckResult
    from tradestats.claims.report import Claim

#: Each example checks a report twice: a tenth of the profile's examples is plenty.
FEW: Final = settings(max_examples=max(5, settings().max_examples // 10), deadline=None)

HEAD = """
title = "points"
reporter = "A"
period = "2024"
[flows.x]
flow = "exports"
partner = "B"
[flows.t]
flow = "exports"
"""

#: Values in tenths of a billion: 5 to 100 billion, and growth of −50% to +100%.
values = st.integers(50, 1000)
factors = st.fractions(Fraction(1, 2), Fraction(2)).filter(lambda f: f.denominator <= 1000)


def tenth(value: Fraction) -> str:
    """A number rounded half up to one decimal, with its sign."""
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{decimal.quantize(Decimal('0.1'), ROUND_HALF_UP):+}"


def claim(claim_id: str, **fields: str) -> str:
    """A claim as TOML."""
    lines = [f'{key} = "{value}"' for key, value in fields.items()]
    return "\n".join(["[[claims]]", f'id = "{claim_id}"', *lines, ""])


def verdicts(result: CheckResult) -> dict[str, Verdict]:
    """Each claim's verdict."""
    return {c.id: result.verdict(c.id) for c in result.report.claims}


def implied_of(result: CheckResult, claim_id: str) -> tuple[Decimal | None, Decimal | None]:
    """What the others imply for a claim, as internal magnitudes (``None``: open)."""
    found = next(c for c in result.checks if c.claim.id == claim_id)
    assert found.implied is not None
    low, high = found.implied.ends
    return (
        None if low is None else magnitude_of(low),
        None if high is None else magnitude_of(high),
    )


def moved(result: CheckResult, claim_id: str, half: Decimal) -> Decimal:
    """A figure (in its published unit: percent or points) past an end of the implied range.

    The implied range is in fractions: a growth rate of 0.128 is 12.8%.
    """
    low, high = implied_of(result, claim_id)
    if high is not None:
        return high * 100 + 2 * half + Decimal("0.1")
    assert low is not None
    return low * 100 - 2 * half - Decimal("0.1")


def growth_report(nation: Fraction, region: Fraction, region_text: str | None = None) -> str:
    """Growth of the nation t, of the region x, and the region's lead in points."""
    difference = (region - nation) * 100
    region_text = region_text or f"{tenth((region - 1) * 100)}%"
    return (
        HEAD
        + claim("nation", flow="t", growth=f"{tenth((nation - 1) * 100)}%")
        + claim("lead", flow="x", than="t", growth_difference=f"{tenth(difference)} pp")
        + claim("region", flow="x", growth=region_text)
    )


@FEW
@given(factors, factors)
@example(Fraction(1128, 1000), Fraction(1168, 1000))  # the Fujian release: 12.8% and +4 pp
def test_a_growth_fixed_only_by_a_growth_difference_checks(
    nation: Fraction, region: Fraction
) -> None:
    """Rounded true growth rates and their difference hold; the region's is checkable,
    its implied range holds the truth, and moved past that range it is flagged."""
    result = check(Report.from_toml(growth_report(nation, region)))
    assert Verdict.INCONSISTENT not in verdicts(result).values()
    assert result.verdict("region") is Verdict.CONSISTENT
    low, high = implied_of(result, "region")
    truth = Decimal((region - 1).numerator) / Decimal((region - 1).denominator)
    assert low is not None
    assert high is not None
    assert low <= truth <= high
    wrong = moved(result, "region", Decimal("0.05"))
    changed = check(Report.from_toml(growth_report(nation, region, f"{wrong:+}%")))
    assert changed.verdict("region") is Verdict.INCONSISTENT
    assert any("region" in conflict.claims for conflict in changed.conflicts)


def share_report(
    whole: tuple[int, int], part: tuple[int, int], later_text: str | None = None
) -> str:
    """The part's share of the whole a year earlier, its change, and the later share."""
    before = Fraction(part[0], whole[0])
    now = Fraction(part[1], whole[1])
    later_text = later_text or f"{tenth(now * 100)[1:]}%"
    return (
        HEAD
        + claim("before", part="x", whole="t", period="2023", share=f"{tenth(before * 100)[1:]}%")
        + claim("change", part="x", whole="t", share_change=f"{tenth((now - before) * 100)} pp")
        + claim("after", part="x", whole="t", share=later_text)
    )


wholes = st.tuples(values, values)


@st.composite
def parts_of(draw: st.DrawFn, whole: tuple[int, int]) -> tuple[int, int]:
    """A part of each of the two wholes."""
    return draw(st.integers(1, whole[0])), draw(st.integers(1, whole[1]))


@FEW
@given(st.data(), wholes)
@example(None, (1000, 1000))
def test_a_share_fixed_only_by_a_change_of_share_checks(
    data: st.DataObject | None, whole: tuple[int, int]
) -> None:
    """A rounded earlier share and change of share fix the later share: it is checkable,
    its implied range holds the truth, and moved past that range it is flagged."""
    part = (161, 217) if data is None else data.draw(parts_of(whole))
    now = Fraction(part[1], whole[1])
    assume(Decimal("0.002") < Decimal(now.numerator) / now.denominator < Decimal("0.998"))
    result = check(Report.from_toml(share_report(whole, part)))
    assert Verdict.INCONSISTENT not in verdicts(result).values()
    assert result.verdict("after") is Verdict.CONSISTENT
    low, high = implied_of(result, "after")
    truth = Decimal(now.numerator) / Decimal(now.denominator)
    assert low is not None
    assert high is not None
    assert low <= truth <= high
    wrong = moved(result, "after", Decimal("0.05"))
    assume(Decimal(0) < wrong - Decimal("0.05") and wrong + Decimal("0.05") < 100)
    changed = check(Report.from_toml(share_report(whole, part, f"{wrong}%")))
    assert changed.verdict("after") is Verdict.INCONSISTENT
    assert any("after" in conflict.claims for conflict in changed.conflicts)


def contribution_report(
    total: tuple[int, int], part: tuple[int, int], part_text: str | None = None
) -> str:
    """The total's change, the part's contribution share (贡献率), and the part's change."""
    share = Fraction(part[1] - part[0], total[1] - total[0]) * 100
    part_text = part_text or f"{tenth(Fraction(part[1] - part[0], 10))} billion yuan"
    return (
        HEAD
        + claim(
            "total", flow="t", change=f"{tenth(Fraction(total[1] - total[0], 10))} billion yuan"
        )
        + claim("share", part="x", total="t", contribution_share=f"{tenth(share)} pp")
        + claim("part", flow="x", change=part_text)
    )


@FEW
@given(wholes, st.tuples(values, values))
@example((1000, 1200), (400, 472))
@example((50, 60), (50, 50))  # the part did not change: the total's change is free
def test_a_change_fixed_only_by_a_contribution_share_checks(
    total: tuple[int, int], part: tuple[int, int]
) -> None:
    """The total's change and the part's share of it fix the part's change (whichever the
    total's sign): checkable, its range holds the truth, and moved past it, flagged."""
    assume(abs(total[1] - total[0]) >= 10)
    result = check(Report.from_toml(contribution_report(total, part)))
    assert Verdict.INCONSISTENT not in verdicts(result).values()
    assert result.verdict("part") is Verdict.CONSISTENT
    low, high = implied_of(result, "part")
    truth = Decimal(part[1] - part[0]) / 10 * 10**9
    assert low is not None
    assert high is not None
    assert low <= truth <= high
    wrong = high / 10**9 + Decimal("0.2")
    changed = check(Report.from_toml(contribution_report(total, part, f"{wrong:+} billion yuan")))
    assert changed.verdict("part") is Verdict.INCONSISTENT
    assert any("part" in conflict.claims for conflict in changed.conflicts)


def test_a_contribution_share_whose_total_the_others_keep_flat_constrains_nothing() -> None:
    """Undefined, as before: a total that did not change gives the claim no value."""
    text = (
        HEAD
        + claim("total", flow="t", change="0 billion yuan", precision="0 yuan")
        + claim("share", part="x", total="t", contribution_share="40 pp")
        + claim("part", flow="x", change="+3 billion yuan")
    )
    result = check(Report.from_toml(text))
    assert result.verdict("share") is Verdict.UNDEFINED
    assert result.verdict("part") is Verdict.NOT_CHECKABLE


def test_the_same_narrowing_from_toml_json_and_python() -> None:
    """A growth fixed only by a growth difference is checked alike from each way in."""
    toml = growth_report(Fraction(1128, 1000), Fraction(1168, 1000))
    from_toml = Report.from_toml(toml)
    from_json = Report.from_json(json.dumps(tomllib.loads(toml)))
    flows = [
        ReportFlow(id="x", reporter="A", flow="exports", partner="B"),
        ReportFlow(id="t", reporter="A", flow="exports"),
    ]
    year = Period.year(2024)
    claims: list[Claim] = [
        GrowthClaim(id="nation", flow="t", period=year, growth=Reported.parse_growth("+12.8%")),
        GrowthDifferenceClaim(
            id="lead",
            flow="x",
            than="t",
            period=year,
            difference=Reported.parse_points("+4.0 pp"),
        ),
        GrowthClaim(id="region", flow="x", period=year, growth=Reported.parse_growth("+16.8%")),
    ]
    from_python = Report(title="points", flows=flows, claims=claims)
    found = [verdicts(check(report)) for report in (from_toml, from_json, from_python)]
    assert found[0] == found[1] == found[2]
    assert found[0]["region"] is Verdict.CONSISTENT
