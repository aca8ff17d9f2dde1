"""Report files with the new claim kinds: reading, errors that name the field, round trips."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradestats import (
    ChangeClaim,
    ContributionClaim,
    ContributionShareClaim,
    GrowthClaim,
    GrowthDifferenceClaim,
    Lag,
    MultiplierClaim,
    PercentagePoints,
    Period,
    PeriodMismatchError,
    Report,
    Reported,
    ShareChangeClaim,
    TimesConvention,
)
from tradestats.claims.files import load_report
from tradestats.errors import ReportFileError, TradeStatsError
from tradestats.structuring import from_json, structure, to_json, unstructure

if TYPE_CHECKING:
    from pathlib import Path

HEAD = """
title = "t"
reporter = "Xinjiang"
period = "2023-06"

[flows.x]
flow = "exports"

[flows.m]
flow = "imports"

[flows.t]
flow = "total"

[flows.nation]
flow = "total"
reporter = "China"

[flows.b]
flow = "balance"
"""

EVERY_KIND = """
[[claims]]
id = "change"
flow = "x"
change = "up $3.4 billion"
versus = "previous"

[[claims]]
id = "growth"
flow = "x"
growth = "1.8%"
versus = "month-on-month"

[[claims]]
id = "multiple"
flow = "m"
multiplier = "×1.2"
versus = "2019-06"

[[claims]]
id = "contribution"
part = "x"
total = "t"
contribution = "2.7 pp"

[[claims]]
id = "share-change"
part = "x"
whole = "t"
share_change = "+0.8 pp"

[[claims]]
id = "difference"
flow = "t"
than = "nation"
growth_difference = "+14.9 pp"

[[claims]]
id = "contribution-share"
part = "x"
total = "t"
contribution_share = "35.2%"
versus = "环比"

[[claims]]
id = "deficit-change"
flow = "b"
change = "down 0.3 billion dollars"
"""


def claim(**fields: object) -> str:
    """One [[claims]] table with the given fields, written as TOML."""
    lines = ["[[claims]]"]
    lines.extend(f"{key} = {json.dumps(value)}" for key, value in fields.items())
    return "\n".join(lines) + "\n"


def test_every_new_kind_reads_from_toml() -> None:
    """Each new figure key makes its claim, with its base and its figure's precision."""
    report = Report.from_toml(HEAD + EVERY_KIND)
    june, may = Period.month(2023, 6), Period.month(2023, 5)
    change = report.claim("change")
    assert isinstance(change, ChangeClaim)
    assert (change.base, change.periods) == (may, (june, may))
    assert change.change == Reported.parse_amount("3.4 billion USD")
    growth = report.claim("growth")
    assert isinstance(growth, GrowthClaim)
    assert growth.versus is Lag.PREVIOUS
    multiple = report.claim("multiple")
    assert isinstance(multiple, MultiplierClaim)
    assert multiple.base == Period.month(2019, 6)
    contribution = report.claim("contribution")
    assert isinstance(contribution, ContributionClaim)
    assert contribution.contribution == Reported.parse_points("2.7 pp")
    assert contribution.base == Period.month(2022, 6)
    share_change = report.claim("share-change")
    assert isinstance(share_change, ShareChangeClaim)
    assert share_change.share_change == Reported.parse_points("+0.8 pp")
    difference = report.claim("difference")
    assert isinstance(difference, GrowthDifferenceClaim)
    assert (difference.flow, difference.than) == ("t", "nation")
    share = report.claim("contribution-share")
    assert isinstance(share, ContributionShareClaim)
    assert share.contribution_share == Reported(PercentagePoints("35.2"), Decimal("0.05"))
    assert share.base == may
    deficit = report.claim("deficit-change")
    assert isinstance(deficit, ChangeClaim)
    assert deficit.change.value.magnitude == Decimal("-3E8")
    assert report.periods == (
        Period.month(2019, 6),
        Period.month(2022, 6),
        may,
        june,
    )


def test_json_reads_like_toml() -> None:
    """The same report written as JSON gives the same claims."""
    data = tomllib.loads(HEAD + EVERY_KIND)
    assert Report.from_json(json.dumps(data)) == Report.from_toml(HEAD + EVERY_KIND)


def test_precision_of_a_change_and_of_points() -> None:
    """A precision key is written like the figure: an amount for a change, points otherwise."""
    text = (
        HEAD
        + claim(id="c", flow="x", change="+3.4 billion USD", precision="0.1 billion USD")
        + claim(id="p", part="x", total="t", contribution="2.7 pp", precision="0.1 pp")
        + claim(id="s", part="x", total="t", contribution_share="35%", precision="1%")
    )
    report = Report.from_toml(text)
    assert [Decimal("1E+8"), Decimal("0.1"), Decimal(1)] == [
        figure.precision
        for figure in (
            report.claims[0].change,  # type: ignore[union-attr]
            report.claims[1].contribution,  # type: ignore[union-attr]
            report.claims[2].contribution_share,  # type: ignore[union-attr]
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            claim(id="g", flow="x", growth="5%", versus="2019"),
            "claim 'g', field 'versus': cannot measure 2023-06 (1 months) against 2019 (12 months)",
        ),
        (
            claim(id="g", flow="x", growth="5%", versus="2024-06"),
            "claim 'g', field 'versus': cannot measure 2023-06",
        ),
        (
            claim(id="g", flow="x", growth="5%", versus="last-ish"),
            "claim 'g', field 'versus': expected a base period such as 'year-earlier'",
        ),
        (
            claim(id="g", flow="x", growth="5%", versus=True),
            (
                "claim 'g', field 'versus': expected a base such as 'year-earlier', 'previous' "
                "or '2019', got true"
            ),
        ),
        (
            claim(id="v", flow="x", value="5 USD", versus="previous"),
            "claim 'v', field 'versus': unknown key for a value claim",
        ),
        (
            claim(id="c", flow="x", change="up -3 billion USD"),
            "claim 'c', field 'change': cannot read 'up -3 billion USD' as a change in level",
        ),
        (
            claim(id="c", flow="x", change=3),
            (
                "claim 'c', field 'change': expected a change in level as text, such as "
                "'+3.4 billion USD'"
            ),
        ),
        (
            claim(id="c", part="x", contribution="2 pp"),
            "claim 'c', field 'total': missing: a contribution claim names its total flow",
        ),
        (
            claim(id="d", flow="x", growth_difference="2 pp"),
            "claim 'd', field 'than': missing: a growth_difference claim names its than flow",
        ),
        (
            claim(id="d", flow="x", than=5, growth_difference="2 pp"),
            "claim 'd', field 'than': expected a flow id as text, got 5",
        ),
        (
            claim(id="d", flow="x", than="moon", growth_difference="2 pp"),
            "claim 'd', field 'than': unknown flow 'moon'",
        ),
        (
            claim(id="s", part="x", whole="t", share_change="0.8%"),
            "claim 's', field 'share_change': cannot read '0.8%' as percentage points",
        ),
        (
            claim(id="s", part="x", total="x", contribution_share="35%"),
            "claim 's', field 'total': part and total are both flow 'x'",
        ),
        (
            claim(id="s", part="x", whole="x", share_change="1 pp"),
            "claim 's', field 'whole': part and whole are both flow 'x'",
        ),
        (
            claim(id="d", flow="t", than="t", growth_difference="1 pp"),
            "claim 'd', field 'than': flow and than are both flow 't'",
        ),
        (
            claim(id="c", part="x", total="b", contribution="1 pp"),
            "claim 'c', field 'total': flow 'b' is a balance",
        ),
        (
            claim(id="v", flow="x", value="5 billion USD")
            + claim(id="c", flow="x", change="+1 million tonnes"),
            "cannot be compared with values in USD",
        ),
        (
            claim(id="c", flow="x", change="+1 USD", contribution="1 pp"),
            "claim 'c': a claim has exactly one figure key",
        ),
    ],
)
def test_bad_claims_name_file_claim_and_field(text: str, expected: str, tmp_path: Path) -> None:
    """Each bad claim of a new kind gives one message naming the file, the claim and the field."""
    path = tmp_path / "bad.toml"
    path.write_text(HEAD + text, encoding="utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert expected in str(caught.value)


def test_a_base_that_does_not_fit_is_refused_in_python() -> None:
    """The classes refuse a base of another length, naming the field."""
    with pytest.raises(PeriodMismatchError) as caught:
        GrowthClaim(
            id="g",
            flow="x",
            period="2023-06",
            growth=Reported.parse_growth("5%"),
            versus="2019",
        )
    assert caught.value.details["field"] == "versus"
    bad: Any = 3.5
    with pytest.raises(TradeStatsError):
        ChangeClaim(
            id="c", flow="x", period="2023", change=Reported.parse_amount("1 USD"), versus=bad
        )


def test_existing_claims_keep_their_year_earlier_base() -> None:
    """A growth claim without versus is measured on the same months a year earlier."""
    claim = GrowthClaim(id="g", flow="x", period="2023-06", growth=Reported.parse_growth("5%"))
    assert (claim.versus, claim.base) == (Lag.YEAR_EARLIER, Period.month(2022, 6))
    assert json.loads(to_json(claim))["versus"] == "year-earlier"


REPORT = Report.from_toml(HEAD + EVERY_KIND)


@pytest.mark.parametrize("value", [REPORT, *REPORT.claims], ids=repr)
def test_new_claims_round_trip_through_json(value: object) -> None:
    """Every new claim, and a report of them, survives JSON and plain data unchanged."""
    assert value == from_json(to_json(value), type(value))
    assert value == structure(unstructure(value), type(value))


@given(
    st.sampled_from([Lag.YEAR_EARLIER, Lag.PREVIOUS, Period.month(2019, 6), Period.month(2023, 5)]),
    st.integers(-(10**6), 10**6),
)
def test_any_base_and_change_round_trip(versus: Any, tenths: int) -> None:
    """A change claim of any base and any signed figure reads back what was written."""
    figure = Reported.parse_amount(f"{Decimal(tenths).scaleb(-1)} billion USD")
    claim = ChangeClaim(id="c", flow="x", period="2023-06", change=figure, versus=versus)
    assert claim == from_json(to_json(claim), ChangeClaim)
    assert claim == structure(unstructure(claim), ChangeClaim)


def test_multiplier_versus_and_times_together() -> None:
    """A multiplier keeps its reading of "times" next to its base."""
    report = Report.from_toml(
        HEAD + claim(id="m", flow="x", multiplier="3 times", times="more", versus="previous")
    )
    found = report.claims[0]
    assert isinstance(found, MultiplierClaim)
    assert (found.times, found.versus) == (TimesConvention.MORE, Lag.PREVIOUS)
