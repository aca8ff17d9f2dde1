"""Report files: TOML and JSON read into reports, and errors that point at the line to fix."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from tradestats import ParseError, Period, TimesConvention
from tradestats.claims.files import load_report, parse_report
from tradestats.claims.report import GrowthClaim, MultiplierClaim, Report, SumClaim, ValueClaim
from tradestats.errors import ReportFileError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinjiang_2023.toml"

HEAD = """
title = "t"
reporter = "Xinjiang"

[flows.world]
flow = "total"

[flows.bri]
flow = "total"
partner = "Belt and Road countries"
"""


def claim(**fields: object) -> str:
    """One [[claims]] table with the given fields, written as TOML."""
    lines = ["[[claims]]"]
    for key, value in fields.items():
        lines.append(f"{key} = {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def error_for(text: str, tmp_path: Path, name: str = "bad.toml") -> str:
    """The message of the error that loading ``text`` from a file raises."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(path) == caught.value.details["file"]
    return str(caught.value)


def test_example_loads() -> None:
    """The seed file gives 16 claims of the expected kinds, with the report's defaults."""
    report = load_report(EXAMPLE)
    assert len(report.claims) == 16  # 7 of the 2023 article, 9 of the release of August 2022
    assert [release.id for release in report.releases] == ["aug2023", "aug2022"]
    assert report.release_of(report.claim("world-value")) == "aug2023"
    assert report.release_of(report.claim("world-value-2022")) == "aug2022"
    first = report.claims[0]
    assert isinstance(first, ValueClaim)
    assert Period.year_to_date(2023, 7) == first.period
    assert first.text == "183 billion yuan"
    assert Decimal("5E+8") == first.value.precision
    ev = report.claim("ev-growth")
    assert isinstance(ev, MultiplierClaim)
    assert ev.times == TimesConvention.MORE
    assert Decimal("4.26") == ev.multiplier.value.factor
    parts = report.claim("world-parts")
    assert isinstance(parts, SumClaim)
    assert parts.parts == ("bri", "others")
    assert report.flow("ev").reporter == "Xinjiang"


def test_json_reads_like_toml(tmp_path: Path) -> None:
    """The same structure in JSON gives the same report."""
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_report(EXAMPLE) == load_report(path)
    assert load_report(EXAMPLE) == Report.from_json(json.dumps(data))
    assert load_report(EXAMPLE) == Report.load(EXAMPLE)


def test_precision_overrides_the_digits() -> None:
    """A precision key widens (or narrows) what a figure stands for."""
    text = HEAD + claim(id="g", flow="world", period="2023", growth="59.3%", precision="0.5%")
    growth = parse_report(text).claims[0]
    assert isinstance(growth, GrowthClaim)
    assert Decimal("0.005") == growth.growth.precision
    text = HEAD + claim(id="v", flow="world", period="2023", value="183 billion yuan",
                        precision="2 billion yuan")  # fmt: skip
    amount = parse_report(text).claims[0]
    assert isinstance(amount, ValueClaim)
    assert Decimal("2E+9") == amount.value.precision


def test_sum_with_explicit_periods() -> None:
    """A sum may list the periods it holds in."""
    text = HEAD + claim(id="s", total="world", parts=["bri"], periods=["2023", "2022"])
    parts = parse_report(text).claims[0]
    assert isinstance(parts, SumClaim)
    assert (Period.year(2023), Period.year(2022)) == parts.periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + claim(id="bri-growth", flow="bri", period="2023", growth=True),
            (
                "claim 'bri-growth', field 'growth': expected a growth rate as text, such as "
                "'61.4%', got true"
            ),
        ),
        (
            HEAD + claim(id="v", flow="bri", period="2023", value=183),
            (
                "claim 'v', field 'value': expected an amount as text, such as "
                "'183 billion yuan', got 183"
            ),
        ),
        (
            HEAD + claim(id="v", flow="bri", period="2023", value="183 billion zorkmids"),
            "claim 'v', field 'value': ",
        ),
        (
            HEAD + claim(id="v", flow="bri", value="183 billion yuan"),
            "claim 'v', field 'period': missing",
        ),
        (
            HEAD + claim(id="v", flow="bri", period="July-ish", value="183 billion yuan"),
            "claim 'v', field 'period': cannot read 'July-ish' as a period",
        ),
        (
            HEAD + claim(id="v", flow="moon", period="2023", value="183 billion yuan"),
            "claim 'v', field 'flow': unknown flow 'moon'",
        ),
        (
            HEAD
            + claim(id="v", flow="bri", period="2023", value="1 CNY")
            + claim(id="v", flow="world", period="2023", value="2 CNY"),
            "claim 'v', field 'id': claim id 'v' is used twice",
        ),
        (
            HEAD + claim(flow="bri", period="2023", value="1 CNY"),
            "claim '#1', field 'id': expected a non-empty id as text, got nothing",
        ),
        (
            HEAD + claim(id="g", flow="bri", period="2023", grwoth="5%"),
            "claim 'g': a claim has exactly one figure key",
        ),
        (
            HEAD + claim(id="g", flow="bri", period="2023", growth="5%", sauce="x"),
            "claim 'g', field 'sauce': unknown key for a growth claim",
        ),
        (
            HEAD + claim(id="ev", flow="bri", period="2023", multiplier="3.26 times"),
            "claim 'ev', field 'times': '3.26 times' has two readings",
        ),
        (
            HEAD + claim(id="ev", flow="bri", period="2023", multiplier="3.26 times", times="lots"),
            "claim 'ev', field 'times': expected \"more\"",
        ),
        (
            HEAD + claim(id="g", flow="bri", period="2023", growth="5%", precision="0.5"),
            "claim 'g', field 'precision': expected a precision in percent",
        ),
        (
            HEAD + claim(id="s", part="bri", period="2023", share="5%"),
            "claim 's', field 'whole': missing",
        ),
        (HEAD + claim(id="s", parts=["bri"]), "claim 's', field 'total': missing"),
        (
            HEAD + claim(id="v", flow=5, period="2023", value="5 CNY"),
            "claim 'v', field 'flow': expected a flow id as text, got 5",
        ),
        (
            HEAD + claim(id="s", total="world", parts="bri"),
            "claim 's', field 'parts': expected a list of flow ids",
        ),
        (
            HEAD
            + claim(id="w", flow="world", period="2023", value="5 CNY")
            + claim(id="b", flow="bri", period="2023", value="5 USD")
            + claim(id="s", total="world", parts=["bri"]),
            "claim 'b', field 'value': 5 USD cannot be compared with 5 CNY",
        ),
        (HEAD, "field 'claims': expected a list of claims"),
        ('title = "t"\n' + claim(id="x"), "field 'flows': expected a table of flows"),
        (
            HEAD.replace('reporter = "Xinjiang"', "") + claim(id="x"),
            "flow 'world', field 'reporter': missing",
        ),
        (HEAD.replace('flow = "total"', 'flow = "trade"', 1), "flow 'world', field 'flow'"),
        (HEAD + 'colour = "red"\n', "field 'colour': unknown key"),
        (HEAD.replace('title = "t"', "title = 5"), "field 'title': expected non-empty text"),
        ('title = "t"\nflows = [', "not valid TOML"),
        ('title = "t"\n\n[flows.world\n', "line 3"),
    ],
)
def test_bad_files_name_file_claim_and_field(text: str, expected: str, tmp_path: Path) -> None:
    """Each bad file gives one message naming the file, the claim and the field."""
    message = error_for(text, tmp_path)
    assert message.startswith(f"{tmp_path / 'bad.toml'}: ")
    assert expected in message
    assert message.count(str(tmp_path)) == 1, "the file is named once"


def test_bad_json_names_the_line(tmp_path: Path) -> None:
    """A JSON syntax error names the file, line and column."""
    message = error_for('{"title": "t",\n "flows": }', tmp_path, "bad.json")
    assert "not valid JSON" in message
    assert "line 2" in message


def test_json_top_level_must_be_an_object(tmp_path: Path) -> None:
    """A JSON list is not a report."""
    assert "expected a table of report keys" in error_for("[1, 2]", tmp_path, "bad.json")


def test_missing_file(tmp_path: Path) -> None:
    """A file that does not exist gives a ReportFileError, not an OSError."""
    with pytest.raises(ReportFileError, match="cannot read the report"):
        load_report(tmp_path / "nope.toml")


def test_report_file_error_is_a_parse_error() -> None:
    """Programs that catch ParseError (or ValueError) catch bad report files too."""
    with pytest.raises(ParseError):
        parse_report("title = ")
    with pytest.raises(ValueError, match="not valid TOML"):
        parse_report("title = ")
