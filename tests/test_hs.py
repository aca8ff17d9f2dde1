"""HS versions on codes, and concordances between versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradestats as ts
import tradestats.strategies as tst
from tradestats.hs import HSRelationship

if TYPE_CHECKING:
    from pathlib import Path

# Made-up codes of chapter 99 (reserved in the HS for national use): these tables
# test the mechanics and claim nothing about a real revision.
FICTIONAL = "a made-up table for tests"


def test_versions_read_every_spelling() -> None:
    """HS2017 reads from its name, a short year, a bare year and Comtrade's H5."""
    spellings: list[ts.HSVersion | str] = [
        "HS2017",
        "hs 2017",
        "HS17",
        "2017",
        "H5",
        ts.HSVersion.HS2017,
    ]
    assert [ts.HSVersion.HS2017] * len(spellings) == [ts.hs_version(s) for s in spellings]
    assert ts.hs_version("H0") == ts.HSVersion.HS1992
    assert ts.hs_version("HS2022").year == 2022


@pytest.mark.parametrize("text", ["HS2019", "H7", "", "2017a", "HS"])
def test_unknown_version_is_refused(text: str) -> None:
    """An unknown version raises InvalidValueError naming it and the known versions."""
    with pytest.raises(ts.InvalidValueError, match=f"unknown HS version {text!r}.*HS2022"):
        ts.hs_version(text)


@given(tst.hs_codes(), st.sampled_from(ts.HSVersion))
def test_versioned_code_text_parses_back(code: ts.HSCode, version: ts.HSVersion) -> None:
    """parse(str(c)) == c with a version, and the version is part of equality and hashing."""
    versioned = ts.HSCode(code.digits, version=version)
    assert versioned == ts.HSCode.parse(str(versioned))
    assert str(versioned).startswith(f"{version.value}:")
    assert versioned != code
    assert len({versioned, code, ts.HSCode(code.digits, version=version)}) == 2


@given(tst.hs_codes(), st.sampled_from(ts.HSVersion))
def test_versions_round_trip_through_structuring(code: ts.HSCode, version: ts.HSVersion) -> None:
    """unstructure/structure and JSON keep a code's version, alone and inside a flow."""
    versioned = ts.HSCode(code.digits, version=version)
    assert versioned == ts.structure(ts.unstructure(versioned), ts.HSCode)
    flow = ts.TradeFlow(
        reporter="CHN", flow="exports", period="2023", value="1 USD", product=versioned
    )
    assert flow == ts.from_json(ts.to_json(flow), ts.TradeFlow)


def test_code_with_version_example() -> None:
    """HS2017 8541.40 has a version, shows it, and is not the same code as bare 8541.40."""
    code = ts.HSCode("854140", version="HS2017")
    expected = ("HS2017:8541.40", "HSCode('8541.40', version='HS2017')", ts.HSVersion.HS2017)
    assert expected == (str(code), repr(code), code.version)
    assert code == ts.HSCode.parse("HS2017:8541.40")
    assert code != ts.HSCode.parse("HS2022:8541.40")
    assert ts.HSCode.parse("8541") == ts.HSCode("8541")
    product = ts.TradeFlow(
        reporter="CHN", flow="exports", period="2021", value="1 USD", product="HS2017:8541.40"
    ).product
    assert code == product


def test_contains_stays_within_a_version() -> None:
    """HS2017 heading 8541 holds HS2017 8541.40 and unversioned codes, not HS2022 codes."""
    heading = ts.HSCode("8541", version="HS2017")
    assert heading.contains(ts.HSCode("854140", version="HS2017"))
    assert heading.contains(ts.HSCode("854140"))
    assert not heading.contains(ts.HSCode("854141", version="HS2022"))
    assert ts.HSCode("8541").contains(ts.HSCode("854141", version="HS2022"))


def test_shipped_concordance_splits_8541_40() -> None:
    """HS2017 8541.40 is split into HS2022 8541.41, .42, .43 and .49, each a 1:n row."""
    table = ts.hs_concordance("HS2017", "HS2022")
    rows = table.rows_of("8541.40")
    assert [row.target for row in rows] == ["854141", "854142", "854143", "854149"]
    assert {HSRelationship.ONE_TO_MANY} == {row.relationship for row in rows}
    back = ts.hs_concordance("H6", "H5")
    assert [(row.target, row.relationship) for row in back.rows_of("854143")] == [
        ("854140", HSRelationship.MANY_TO_ONE)
    ]


def test_uncovered_code_and_pair_are_refused() -> None:
    """A code the table lacks, and a pair of versions not shipped, raise ConcordanceError."""
    with pytest.raises(ts.ConcordanceError, match="no row for HS2017 870380") as raised:
        ts.hs_concordance("HS2017", "HS2022").rows_of("8703.80")
    assert isinstance(raised.value, LookupError)
    with pytest.raises(ts.ConcordanceError, match="no shipped concordance links HS1992"):
        ts.hs_concordance("HS1992", "HS2022")


@given(st.sampled_from(HSRelationship))
def test_reversing_a_relationship_twice_gives_it_back(kind: HSRelationship) -> None:
    """Reading a row backwards and forwards again changes nothing; exact means 1:1 or n:1."""
    assert kind == kind.reversed().reversed()
    assert kind.exact == (kind.value in ("1:1", "n:1"))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("990001", "990011", "1:1"), ("990001", "990012", "1:1")], "expected a split"),
        ([("990001", "990011", "1:1"), ("990002", "990011", "n:1")], "expected a merge"),
        ([("990001", "990011", "1:n"), ("990001", "990012", "n:1")], "expected a split"),
        ([("990001", "990011", "1:1"), ("990001", "990011", "1:1")], "appears twice"),
        ([("990001", "990011", "2:1")], "unknown relationship '2:1'"),
    ],
)
def test_contradictory_rows_are_refused(rows: list[tuple[str, str, str]], message: str) -> None:
    """Rows whose count contradicts their relationship, or repeat a pair, are refused."""
    with pytest.raises(ts.InvalidValueError, match=message):
        ts.Concordance(
            "HS2012",
            "HS2017",
            [ts.ConcordanceRow(*row) for row in rows],
            origin=FICTIONAL,
        )


def test_concordance_from_csv_checks_its_header_and_versions() -> None:
    """A CSV without a relationship column, or with two pairs of versions, is refused."""
    with pytest.raises(ts.InvalidValueError, match="lacks the column"):
        ts.Concordance.from_csv("source_version,source_code,target_version,target_code\n")
    mixed = (
        "source_version,source_code,target_version,target_code,relationship\n"
        "HS2012,990001,HS2017,990011,1:1\nHS2017,990002,HS2022,990012,1:1\n"
    )
    with pytest.raises(ts.InvalidValueError, match="one pair of versions"):
        ts.Concordance.from_csv(mixed)
    with pytest.raises(ts.ParseError, match="malformed concordance code '9900'"):
        ts.ConcordanceRow("9900", "990011", "1:1")


@pytest.mark.parametrize(
    ("row", "fields"),
    [
        ("HS2017," + "9" * 5000, 2),  # found by the fuzzer: a foreign TypeError escaped
        ('""', 1),
        ("HS2017,990001,HS2022,990011,1:1,x", 6),
    ],
)
def test_concordance_from_csv_refuses_a_row_of_other_width(row: str, fields: int) -> None:
    """A row shorter or longer than the header is refused, named by its number, shortened."""
    text = (
        "source_version,source_code,target_version,target_code,relationship\n"
        f"HS2017,990002,HS2022,990012,1:1\n{row}\n"
    )
    with pytest.raises(ts.InvalidValueError) as raised:
        ts.Concordance.from_csv(text)
    assert "the concordance text, data row 2: " in str(raised.value)
    assert f"has {fields} field(s), expected 5 as in the header" in str(raised.value)
    assert raised.value.details["row"] == 2
    assert len(str(raised.value)) < 300


UNSD_8541 = (
    "From HS 2022,To HS 2017,Relationship\n"
    "854141,854140,n:1\n854142,854140,n:1\n854143,854140,n:1\n854149,854140,n:1\n"
)


def test_unsd_sheet_read_backwards_is_the_shipped_table() -> None:
    """UNSD's HS2022→HS2017 rows of 8541.40, reversed, are the shipped HS2017→HS2022 rows."""
    table = ts.Concordance.from_unsd(UNSD_8541, origin="UNSD rows of 8541.40")
    assert (table.source, table.target) == (ts.HSVersion.HS2022, ts.HSVersion.HS2017)
    shipped = ts.hs_concordance("HS2017", "HS2022")
    assert shipped.rows_of("854140") == table.reversed().rows_of("854140")


def test_unsd_sheet_in_its_other_spellings() -> None:
    """'From HS2022' without a space, a byte-order mark, extra columns, blank rows and codes
    whose leading zero a spreadsheet dropped are all read."""
    text = (
        "\ufeffFrom HS2017,Description,To HS2012,relationship,Note\n"
        "990101,made up,990111,1:1,\n"
        ",,,,\n"
        "99102,made up,99112,1:n,\n"
        "99102,made up,99113,1:n,\n"
    )
    table = ts.Concordance.from_unsd(text, origin=FICTIONAL)
    assert (table.source, table.target) == (ts.HSVersion.HS2017, ts.HSVersion.HS2012)
    expected = [("099102", "099112", "1:n"), ("099102", "099113", "1:n")]
    assert expected == [(r.source, r.target, r.relationship.value) for r in table.rows_of("099102")]
    assert table.rows_of("990101")[0].relationship is HSRelationship.ONE_TO_ONE


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("From HS 2022,To HS 2017", "Relationship"),
        ("Code,To HS 2017,Relationship", "From HS <year>"),
        ("From HS 2022,Target,Relationship", "To HS <year>"),
    ],
)
def test_unsd_sheet_without_a_column_is_refused(header: str, missing: str) -> None:
    """A sheet without its From, To or Relationship column is refused, naming the column."""
    with pytest.raises(ts.InvalidValueError, match=f"lacks the column\\(s\\) {missing}"):
        ts.Concordance.from_unsd(header + "\n")


def test_unsd_file_is_read_from_a_path(tmp_path: Path) -> None:
    """A saved sheet is read from its path, which names it in errors."""
    path = tmp_path / "HS2022toHS2017.csv"
    path.write_text(UNSD_8541.replace("854149,854140,n:1", "854149,854140,2:1"), "utf-8")
    with pytest.raises(ts.InvalidValueError, match="unknown relationship '2:1'"):
        ts.Concordance.from_unsd(path)
