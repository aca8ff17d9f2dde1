"""Releases, revisions and bases: a revised figure told from a wrong one, and data as a release."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tradestats import (
    Bounds,
    DataMatch,
    DataMatchError,
    InvalidValueError,
    Release,
    ReleaseStatus,
    Report,
    Reported,
    ReportFileError,
    ReportFlow,
    ValueClaim,
    Verdict,
    check,
)
from tradestats.cli import main
from tradestats.verify._kinds import magnitude_of

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinjiang_2023.toml"

TWO_RELEASES = """
title = "two releases"
reporter = "X"
period = "2021-01/2021-06"
{top}

[releases.first]
publisher = "Customs"
published = "2021-07-20"
status = "provisional"
{first}

[releases.second]
publisher = "Customs"
published = "2022-07-20"

[flows.world]
flow = "total"
label = "foreign trade"

[[claims]]
id = "v2021"
flow = "world"
value = "86.40 billion yuan"
release = "first"

[[claims]]
id = "v2022"
flow = "world"
period = "2022-01/2022-06"
value = "100.0 billion yuan"
release = "second"

[[claims]]
id = "g2022"
flow = "world"
period = "2022-01/2022-06"
growth = "{growth}"
release = "second"
"""


def two_releases(*, growth: str = "17.5%", top: str = "", first: str = "") -> Report:
    """A value of 2021 H1, and a year later a value of 2022 H1 with its growth."""
    return Report.from_toml(TWO_RELEASES.format(growth=growth, top=top, first=first))


# -- reading releases ---------------------------------------------------------------------------


def test_releases_are_read_with_their_fields() -> None:
    """Each [releases.<id>] table becomes a Release; claims name theirs."""
    report = two_releases()
    first = report.release("first")
    assert first == Release(
        id="first",
        publisher="Customs",
        published=datetime.date(2021, 7, 20),
        status=ReleaseStatus.PROVISIONAL,
    )
    assert [report.release_of(claim) for claim in report.claims] == ["first", "second", "second"]


def test_a_report_without_releases_is_one_implicit_release() -> None:
    """Every report of before keeps working: no releases, no release on any claim."""
    report = Report.from_toml(
        'title = "t"\nreporter = "X"\nperiod = "2023"\n[flows.x]\nflow = "exports"\n'
        '[[claims]]\nid = "v"\nflow = "x"\nvalue = "1 billion USD"\n'
    )
    assert report.releases == ()
    assert report.release_of(report.claims[0]) is None
    assert check(report).revisions == ()


def test_a_claim_without_release_among_several_is_an_error() -> None:
    """With several releases and no default, the error names the claim and the releases."""
    text = TWO_RELEASES.format(growth="17.5%", top="", first="").replace(
        'release = "first"\n', "", 1
    )
    with pytest.raises(ReportFileError, match=r"claim 'v2021' names no release.*'first', 'second'"):
        Report.from_toml(text)


def test_an_unknown_release_is_an_error() -> None:
    """A claim naming an undeclared release says which are declared."""
    text = TWO_RELEASES.format(growth="17.5%", top="", first="").replace(
        'release = "first"', 'release = "third"'
    )
    with pytest.raises(ReportFileError, match=r"unknown release 'third'.*\[releases.third\]"):
        Report.from_toml(text)


@pytest.mark.parametrize(
    ("first", "message"),
    [
        ('max_revision = "-1%"', "cannot be negative"),
        ('max_revision = "one percent"', "as a percentage"),
        ('colour = "red"', "unknown key"),
        ("title = 3", "expected text"),
    ],
)
def test_bad_release_fields_are_named(first: str, message: str) -> None:
    """A bad key or value of a release names the release and the field."""
    with pytest.raises(ReportFileError, match=rf"release 'first', field .*{message}"):
        two_releases(first=first)


def test_a_bad_publication_date_is_named() -> None:
    """The publication date must be a date."""
    text = TWO_RELEASES.format(growth="17.5%", top="", first="").replace(
        '"2021-07-20"', '"July 2021"'
    )
    with pytest.raises(ReportFileError, match=r"field 'published'.*2022-08-19"):
        Report.from_toml(text)


def test_json_reports_carry_releases() -> None:
    """The JSON format has the same keys."""
    report = two_releases()
    data = {
        "title": "j",
        "reporter": "X",
        "releases": {"a": {"publisher": "P", "published": "2020-01-31"}},
        "flows": {"x": {"flow": "exports", "basis": "special trade"}},
        "claims": [{"id": "v", "flow": "x", "period": "2019", "value": "1 billion USD"}],
    }
    loaded = Report.from_json(json.dumps(data))
    assert loaded.release_of(loaded.claims[0]) == "a"
    assert loaded.flow("x").basis == "special trade"
    assert report.max_revision is None


# -- revisions ------------------------------------------------------------------------------


def test_a_conflict_across_releases_is_a_revision() -> None:
    """86.40 then 100.0 up 17.5%: the first value was revised down 1.4% to 1.6%."""
    result = check(two_releases())
    assert result.consistent
    assert {done.verdict for done in result.checks} == {Verdict.REVISED}
    (revision,) = result.revisions
    assert (revision.earlier, revision.later, revision.needed) == ("first", "second", True)
    assert revision.percent is not None
    assert revision.percent.format() == "-1.6% to -1.4%"
    explanation = result.checks[0].explanation
    assert "published by Customs on 2021-07-20 (86.40 billion yuan)" in explanation
    assert "was revised to 85.0 to 85.2 billion CNY, by -1.6% to -1.4%" in explanation
    assert "smallest revision that reconciles them: -1.4% (-1.2 billion CNY)" in explanation


def test_no_revision_needed_keeps_the_verdicts() -> None:
    """Releases that agree: consistent, and the revision range holds 0."""
    result = check(two_releases(growth="15.7%"))
    assert Verdict.REVISED not in {done.verdict for done in result.checks}
    (revision,) = result.revisions
    assert not revision.needed
    assert magnitude_of(revision.smallest) == 0


@pytest.mark.parametrize(
    ("top", "first"), [('max_revision = "1%"', ""), ("", 'max_revision = "1%"')]
)
def test_a_revision_over_the_limit_stays_inconsistent(top: str, first: str) -> None:
    """A limit of 1%, for the report or for the release: a 1.4% revision is ruled out."""
    result = check(two_releases(top=top, first=first))
    assert not result.consistent
    assert result.verdict("v2021") == Verdict.INCONSISTENT
    assert "more than the 1% allowed" in result.checks[0].explanation
    assert not result.revisions[0].allowed
    assert result.conflicts


def test_a_revision_within_the_limit_is_revised() -> None:
    """A limit of 2% allows the 1.4% revision."""
    result = check(two_releases(top='max_revision = "2%"'))
    assert result.verdict("v2021") == Verdict.REVISED


def test_two_figures_in_one_release_never_reconcile_by_revision() -> None:
    """Within one release the claims hold together as before: no revision between them."""
    text = TWO_RELEASES.format(growth="17.5%", top="", first="") + (
        '\n[[claims]]\nid = "v2021b"\nflow = "world"\nperiod = "2021-01/2021-06"\n'
        'value = "80.0 billion yuan"\nrelease = "second"\n'
    )
    result = check(Report.from_toml(text))
    assert result.verdict("v2021b") == Verdict.INCONSISTENT
    assert result.verdict("g2022") == Verdict.INCONSISTENT
    assert not result.consistent


def test_json_gives_the_revision_ranges() -> None:
    """--json has each claim's release and revisions, and the report's revisions."""
    data = check(two_releases()).to_dict()
    assert [release["id"] for release in data["releases"]] == ["first", "second"]
    claim = data["claims"][0]
    assert (claim["release"], claim["verdict"]) == ("first", "revised")
    revision = data["revisions"][0]
    assert revision["percent"]["text"] == "-1.6% to -1.4%"
    assert Decimal(revision["percent"]["low"]) < Decimal(revision["percent"]["high"]) < 0
    assert revision["needed"] is True
    assert claim["revisions"] == [revision]
    json.dumps(data)


def test_the_seed_prints_what_the_2022_release_says(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed's August 2022 figures meet the 2023 article's bases: no revision needed."""
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Revisions between releases" in out
    assert "aug2022: 105.0 to 105.8 billion CNY" in out
    assert "aug2023: 104.3 to 105.1 billion CNY" in out
    result = check(Report.load(EXAMPLE))
    assert {revision.flow for revision in result.revisions} == {"world", "bri", "others"}
    assert not any(revision.needed for revision in result.revisions)


# -- bases -----------------------------------------------------------------------------------

BASES = """
title = "customs vs bop"
reporter = "X"
period = "2023"
[bases]
fob_customs = "customs exports valued free on board"
[flows.customs]
flow = "exports"
basis = "{first}"
[flows.bop]
flow = "exports"
basis = "{second}"
[[claims]]
id = "c"
flow = "customs"
value = "100 billion USD"
[[claims]]
id = "b"
flow = "bop"
value = "90 billion USD"
"""


def test_different_bases_are_not_comparable() -> None:
    """100 on customs and 90 on a balance-of-payments basis: not comparable, and why."""
    result = check(Report.from_toml(BASES.format(first="customs", second="balance of payments")))
    assert result.consistent
    assert [done.verdict for done in result.checks] == [Verdict.NOT_COMPARABLE] * 2
    assert result.checks[0].reason == "different basis (customs vs balance of payments)"


def test_a_report_declares_its_own_bases() -> None:
    """[bases] adds a basis with what it means; an undeclared one is refused."""
    report = Report.from_toml(BASES.format(first="fob customs", second="customs"))
    assert report.flow("customs").basis == "fob customs"
    with pytest.raises(ReportFileError, match=r"unknown basis 'cif'.*\[bases\]"):
        Report.from_toml(BASES.format(first="cif", second="customs"))


def test_partner_definitions_are_different_quantities() -> None:
    """Two partner definitions of one group are not equated."""
    text = (
        BASES.format(first="customs", second="customs")
        .replace(
            'basis = "customs"\n[flows.bop]', 'partner_definition = "64 countries"\n[flows.bop]'
        )
        .replace('[[claims]]\nid = "c"', 'partner_definition = "signatories"\n[[claims]]\nid = "c"')
    )
    result = check(Report.from_toml(text))
    assert result.checks[0].verdict == Verdict.NOT_COMPARABLE
    assert result.checks[0].reason is not None
    assert result.checks[0].reason.startswith("different partner definition")


@settings(max_examples=25)
@given(
    first=st.decimals(min_value=10, max_value=900, places=1),
    second=st.decimals(min_value=10, max_value=900, places=1),
)
def test_different_bases_are_never_equated(first: Decimal, second: Decimal) -> None:
    """Whatever the two values, flows of different bases make no conflict and no vintage."""
    text = BASES.format(first="customs", second="special trade")
    text = text.replace('"100 billion USD"', f'"{first} billion USD"').replace(
        '"90 billion USD"', f'"{second} billion USD"'
    )
    result = check(Report.from_toml(text))
    assert result.consistent
    assert not result.revisions
    expected = Verdict.NOT_CHECKABLE if first == second else Verdict.NOT_COMPARABLE
    assert [done.verdict for done in result.checks] == [expected] * 2


# -- properties of revisions ----------------------------------------------------------------


def _ends(bounds: Bounds[Any]) -> tuple[Decimal, Decimal]:
    low, high = bounds.ends
    assert low is not None
    assert high is not None
    return magnitude_of(low), magnitude_of(high)


def _published(value: Decimal, places: int = 1) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-places))} billion yuan"


def _revision_report(
    old: Decimal, revised: Decimal, new: Decimal, *, limit: str | None = None
) -> Report:
    """Release A: the 2021 value ``old``. Release B: 2022 ``new``, growth on the revised 2021."""
    growth = (new / revised - 1) * 100
    top = f'max_revision = "{limit}"' if limit else ""
    return Report.from_toml(
        TWO_RELEASES.format(growth=f"{growth.quantize(Decimal('0.1'))}%", top=top, first="")
        # The later value first: the earlier one may read "100.0 billion yuan" too.
        .replace('"100.0 billion yuan"', f'"{_published(new)}"')
        .replace('"86.40 billion yuan"', f'"{_published(old)}"')
    )


@settings(max_examples=30)
@given(
    old=st.decimals(min_value=50, max_value=500, places=3),
    revision=st.decimals(min_value=Decimal("-0.2"), max_value=Decimal("0.2"), places=4),
    growth=st.decimals(min_value=Decimal("-0.5"), max_value=Decimal("2"), places=4),
)
def test_true_values_with_a_revision_are_never_inconsistent(
    old: Decimal, revision: Decimal, growth: Decimal
) -> None:
    """True values in two releases with a revision between: never inconsistent, range holds it."""
    revised = old * (1 + revision)
    new = revised * (1 + growth)
    result = check(_revision_report(old, revised, new))
    assert result.consistent
    (found,) = result.revisions
    assert found.percent is not None
    low, high = _ends(found.percent)
    before_low, before_high = _ends(found.before)
    assert before_low <= old * Decimal("1E9") <= before_high
    after_low, after_high = _ends(found.after)
    assert after_low <= revised * Decimal("1E9") <= after_high
    assert low <= revised / old - 1 <= high


@settings(max_examples=20)
@given(
    old=st.decimals(min_value=50, max_value=500, places=3),
    revision=st.sampled_from([Decimal("-0.08"), Decimal("-0.04"), Decimal("0.04"), Decimal("0.1")]),
    growth=st.decimals(min_value=Decimal("-0.3"), max_value=Decimal("1"), places=4),
)
@example(old=Decimal("99.950"), revision=Decimal("-0.08"), growth=Decimal(0)).via(
    "the earlier value published as 100.0, as the later one was"
)
def test_a_figure_moved_beyond_the_allowed_revision_is_flagged(
    old: Decimal, revision: Decimal, growth: Decimal
) -> None:
    """A revision of 4% or more, with 1% allowed, is flagged inconsistent."""
    revised = old * (1 + revision)
    new = revised * (1 + growth)
    result = check(_revision_report(old, revised, new, limit="1%"))
    assert not result.consistent
    assert Verdict.INCONSISTENT in {done.verdict for done in result.checks}


# -- official data as a release --------------------------------------------------------------


def _frame() -> pl.DataFrame:
    months = [f"2022-{month:02d}" for month in range(1, 7)]
    return pl.DataFrame(
        {
            "reporter": ["X"] * 7,
            "partner": ["World"] * 7,
            "flow": ["total"] * 7,
            "period": ["2021-01/2021-06", *months],
            "value": [86.1e9, *[16.9e9] * 5, 17.5e9],
            "currency": ["CNY"] * 7,
        }
    )


MATCH = DataMatch(flows={"world": {"reporter": "X", "flow": "total"}}, publisher="NBS")


def test_data_become_a_release_and_months_add_up() -> None:
    """The frame's 2021 H1 row and the sum of its 2022 months are one more release."""
    report = two_releases()
    result = check(report, data=_frame(), match=MATCH)
    data_claims = [done for done in result.checks if done.claim.id.startswith("data:")]
    assert [str(done.claim.value.value) for done in data_claims] == [  # type: ignore[union-attr]
        "86.1 billion CNY",
        "102 billion CNY",
    ]
    assert [release.id for release in result.report.releases] == ["first", "second", "data"]
    assert {(revision.earlier, revision.later) for revision in result.revisions} >= {
        ("second", "data")
    }
    assert result.unmatched == ()


def test_data_say_by_how_much_the_article_misses() -> None:
    """An article of one release against the data: its misses are revisions from the data."""
    report = Report.from_toml(
        'title = "article"\nreporter = "X"\nperiod = "2022-01/2022-06"\n'
        '[flows.world]\nflow = "total"\n'
        '[data.flows.world]\nreporter = "X"\n'
        '[[claims]]\nid = "v"\nflow = "world"\nvalue = "101 billion yuan"\n'
    )
    result = check(report, data=_frame())
    assert result.verdict("v") == Verdict.REVISED
    (revision,) = result.revisions
    assert (revision.earlier, revision.later) == ("report", "data")
    assert "off by 500 million CNY beyond rounding" in result.checks[0].explanation


def test_an_unmatched_flow_is_reported() -> None:
    """A flow the match does not name, or a period with no rows, is listed."""
    match = DataMatch(flows={"world": {"reporter": "Y"}})
    result = check(two_releases(), data=_frame(), match=match)
    assert result.unmatched == (
        "flow 'world', 2021 H1: no rows in the data for reporter = 'Y'",
        "flow 'world', 2022 H1: no rows in the data for reporter = 'Y'",
    )


@pytest.mark.parametrize(
    ("match", "message"),
    [
        (DataMatch(flows={"world": {"region": "X"}}), "no column 'region'"),
        (DataMatch(flows={"world": {"flow": "total"}}, release="first"), "a release of the report"),
        (DataMatch(flows={"nowhere": {"flow": "total"}}), "unknown flow 'nowhere'"),
    ],
)
def test_a_bad_match_is_an_error(match: DataMatch, message: str) -> None:
    """Nothing is matched by guess: a missing column or unknown flow is named."""
    with pytest.raises(InvalidValueError, match=message):
        check(two_releases(), data=_frame(), match=match)


def test_two_rows_for_one_period_are_refused() -> None:
    """Two rows hold one flow and period: name more columns."""
    frame = pl.concat([_frame(), _frame()])
    with pytest.raises(DataMatchError, match=r"2 rows of the data hold 2021 H1"):
        check(two_releases(), data=frame, match=MATCH)


def test_data_in_another_currency_are_refused() -> None:
    """The data's currency must be the report's."""
    frame = _frame().with_columns(currency=pl.lit("USD"))
    with pytest.raises(DataMatchError, match="the data are in USD"):
        check(two_releases(), data=frame, match=MATCH)


def test_data_without_a_match_are_refused() -> None:
    """Without [data] or match=, nothing is matched."""
    with pytest.raises(InvalidValueError, match=r"the data need a match"):
        check(two_releases(), data=_frame())


def test_the_command_line_checks_against_a_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--data FILE --match FLOW:COLUMN=TEXT: the data are a release, unmatched flows listed."""
    data = tmp_path / "data.csv"
    _frame().write_csv(data)
    report = tmp_path / "two.toml"
    report.write_text(TWO_RELEASES.format(growth="17.5%", top="", first=""), encoding="utf-8")
    assert main(["check", str(report), "--data", str(data), "--match", "world:reporter=X"]) == 0
    out = capsys.readouterr().out
    assert "data:world:2021-H1" in out
    assert "the official data" in out
    parquet = tmp_path / "data.parquet"
    _frame().write_parquet(parquet)
    assert main(["check", str(report), "--data", str(parquet), "--match", "world:reporter=X"]) == 0
    assert "data:world:2021-H1" in capsys.readouterr().out
    assert main(["check", str(report), "--data", str(data)]) == 2
    assert "--data needs a match" in capsys.readouterr().err
    assert main(["check", str(report), "--match", "world:reporter=X"]) == 2


def test_a_value_claim_names_its_release_in_python() -> None:
    """The Python API: a claim's release is a keyword."""
    claim = ValueClaim(
        id="v", flow="x", period="2023", value=Reported.parse_amount("1 billion USD"), release="r"
    )
    report = Report(
        title="t",
        flows=[ReportFlow(id="x", reporter="A", flow="exports", basis="Customs")],
        claims=[claim],
        releases=[Release(id="r", publisher="P", published="2024-01-05")],
    )
    assert report.release_of(claim) == "r"
    assert report.flow("x").basis == "customs"


def test_the_command_line_reads_a_comtrade_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--data-format comtrade: a Comtrade download's value checks a claim of it."""
    report = tmp_path / "china.toml"
    report.write_text(
        'title = "China\'s imports"\nreporter = "CHN"\n[flows.m]\nflow = "imports"\n'
        '[[claims]]\nid = "m"\nflow = "m"\nperiod = "2022"\nvalue = "2.8 trillion USD"\n',
        encoding="utf-8",
    )
    comtrade = Path(__file__).parent / "data" / "comtrade" / "annual_api.json"
    match = "m:reporter=CHN,partner=World,flow=imports,product=TOTAL"
    arguments = ["check", str(report), "--data", str(comtrade), "--data-format", "comtrade"]
    assert main([*arguments, "--match", match, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["claims"][0]["verdict"] == "revised"
    (revision,) = result["revisions"]
    assert (revision["earlier"], revision["later"], revision["needed"]) == ("report", "data", True)
    assert revision["percent"]["text"] == "-4.8% to -1.2%"
