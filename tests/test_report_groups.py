"""Reports whose partner is a group: growth across a change of members is not comparable."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import (
    ChangeClaim,
    GrowthClaim,
    Report,
    Reported,
    ReportFlow,
    ShareChangeClaim,
    ValueClaim,
    Verdict,
    check,
)
from tradestats.claims.files import parse_report

EU_2019_2020 = """
title = "Exports to the EU"
reporter = "China"

[flows.eu]
flow = "exports"
partner = "EU"
{membership}

[[claims]]
id = "eu-2019"
flow = "eu"
period = "2019"
value = "100 billion USD"

[[claims]]
id = "eu-2020"
flow = "eu"
period = "2020"
value = "90 billion USD"

[[claims]]
id = "eu-growth"
flow = "eu"
period = "2020"
growth = "{growth}"
"""


def _eu(membership: str = "", growth: str = "+5%") -> Report:
    text = EU_2019_2020.format(membership=membership, growth=growth)
    return parse_report(text, name="eu.toml")


def test_growth_across_brexit_as_of_each_period_is_not_comparable() -> None:
    """5% is far from 100 → 90, yet no conflict: 2019 had 28 members, 2020 had 27."""
    result = check(_eu('membership = "as of each period"'))
    found = {item.claim_id: item for item in result.checks}
    growth = found["eu-growth"]
    assert Verdict.NOT_COMPARABLE is growth.verdict
    assert growth.reason == "definition changed: the United Kingdom left the EU on 2020-02-01"
    assert "not comparable" in growth.explanation
    assert result.consistent
    assert result.conflicts == ()


def test_a_group_partner_is_as_of_each_period_by_default() -> None:
    """Without a rule, a group is read as published: each period with its own members."""
    assert Verdict.NOT_COMPARABLE is check(_eu()).verdict("eu-growth")


def test_a_fixed_composition_compares_like_with_like() -> None:
    """Under EU27_2020, +5% from 100 to 90 is a plain conflict; -10% is consistent."""
    fixed = 'membership = "fixed: EU27_2020"'
    assert Verdict.INCONSISTENT is check(_eu(fixed)).verdict("eu-growth")
    assert Verdict.CONSISTENT is check(_eu(fixed, growth="-10%")).verdict("eu-growth")


def test_growth_without_a_change_of_members_is_checked() -> None:
    """2021 over 2020: the same 27 members, so the growth is checked as usual."""
    text = EU_2019_2020.format(membership="", growth="+5%")
    text = text.replace('"2020"', '"2021"').replace('"2019"', '"2020"')
    result = check(parse_report(text, name="eu.toml"))
    assert Verdict.INCONSISTENT is result.verdict("eu-growth")


def test_the_json_result_carries_the_verdict_and_reason() -> None:
    """--json data has 'not comparable' and the reason."""
    data = json.loads(json.dumps(check(_eu()).to_dict()))
    claim = next(item for item in data["claims"] if item["id"] == "eu-growth")
    reason = "definition changed: the United Kingdom left the EU on 2020-02-01"
    assert (claim["verdict"], claim["reason"]) == ("not comparable", reason)


def test_a_change_and_a_change_of_share_across_accession_are_not_comparable() -> None:
    """Every claim that measures a group against its base is set apart, not only growth."""
    flows = (
        ReportFlow(id="ea", reporter="Germany", flow="exports", partner="euro area"),
        ReportFlow(id="all", reporter="Germany", flow="exports"),
    )
    amount = Reported.parse_amount
    claims = (
        ChangeClaim(id="up", flow="ea", period="2015", change=amount("5 billion EUR")),
        ShareChangeClaim(
            id="pp",
            part="ea",
            whole="all",
            period="2015",
            share_change=Reported.parse_points("+1 percentage point"),
        ),
        ValueClaim(id="v", flow="ea", period="2015", value=amount("500 billion EUR")),
    )
    result = check(Report(title="t", flows=flows, claims=claims))
    reasons = {item.claim_id: item.reason for item in result.checks}
    expected = "definition changed: Lithuania joined the euro area on 2015-01-01"
    assert {"up": expected, "pp": expected, "v": None} == reasons


def test_membership_needs_a_group_partner() -> None:
    """A rule on a country is refused, naming the file, flow and field."""
    text = EU_2019_2020.format(membership='membership = "fixed: EU27_2020"', growth="5%")
    with pytest.raises(ts.ReportFileError, match=r"flow 'eu', field 'membership'.*not 'China'"):
        parse_report(text.replace('partner = "EU"', 'partner = "China"'), name="eu.toml")


@pytest.mark.parametrize(
    ("rule", "match"),
    [("floating", "unknown membership rule"), ("fixed: EU", "EU changes over time")],
)
def test_a_bad_membership_rule_is_refused_in_the_file(rule: str, match: str) -> None:
    """The reader names the flow and the field of a rule that does not read."""
    with pytest.raises(ts.ReportFileError, match=f"field 'membership': .*{match}"):
        _eu(f'membership = "{rule}"')


def test_the_rule_is_kept_and_a_fixed_one_shown() -> None:
    """The flow holds its rule; a fixed one is part of its description."""
    flow = _eu('membership = "fixed: EU27_2020"').flows[0]
    assert (ts.Membership.parse("fixed: EU27_2020"), "China exports with EU (fixed: EU27_2020)") \
        == (flow.membership, flow.describe())  # fmt: skip
    country = ReportFlow(id="c", reporter="China", flow="exports", partner="Japan")
    assert (country.group, country.rule) == (None, None)


years = st.integers(1990, 2030)


@given(st.sampled_from(["EU", "euro area", "ASEAN", "RCEP"]), years, years, st.integers(-50, 50))
@example("EU", 1990, 1990, 19)  # a growth the values' rounding allows: consistent
def test_growth_over_a_changed_group_is_never_computed(
    partner: str, base: int, later: int, percent: int
) -> None:
    """Whatever the figures, a growth across a change of members is not comparable, and only
    then; any other claim keeps its usual verdict."""
    if base == later:
        later += 1
    base, later = min(base, later), max(base, later)
    flows = (ReportFlow(id="g", reporter="China", flow="exports", partner=partner),)
    amount = Reported.parse_amount
    claims = (
        ValueClaim(id="v0", flow="g", period=str(base), value=amount("100 billion USD")),
        ValueClaim(id="v1", flow="g", period=str(later), value=amount("120 billion USD")),
        GrowthClaim(
            id="g",
            flow="g",
            period=str(later),
            versus=str(base),
            growth=Reported.parse_growth(f"{percent}%"),
        ),
    )
    result = check(Report(title="t", flows=flows, claims=claims))
    changed = bool(ts.membership_changed(partner, base, later))
    assert changed == (Verdict.NOT_COMPARABLE is result.verdict("g"))
    if not changed:
        # 120 and 100 billion, each ±0.5, allow +18.9% to +21.1%: 19%, 20% and 21% meet it.
        expected = Verdict.CONSISTENT if 19 <= percent <= 21 else Verdict.INCONSISTENT
        assert expected is result.verdict("g")
    assert Verdict.NOT_COMPARABLE not in {result.verdict("v0"), result.verdict("v1")}


def test_a_json_report_takes_the_same_key() -> None:
    """membership is read from JSON as from TOML."""
    data = {
        "title": "t",
        "reporter": "China",
        "flows": {"eu": {"flow": "exports", "partner": "EU", "membership": "fixed: EU27_2020"}},
        "claims": [{"id": "g", "flow": "eu", "period": "2020", "growth": "5%"}],
    }
    report = parse_report(json.dumps(data), name="eu.json", kind="json")
    assert str(report.flows[0].membership) == "fixed: EU27_2020"
    assert check(report).verdict("g") is Verdict.NOT_CHECKABLE
