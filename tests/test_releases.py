"""The corpus of real releases: every report file checks to the verdicts written down first.

``tests/data/releases/`` holds the claims of real published trade releases and wire
articles (statistics offices and customs of the US, Canada, Germany, Japan, the euro
area and EU, Korea, Taiwan, India, Australia, the UK and China), one report file each,
with its source URL and, beside each claim, where in the release the figure stands.
``expected.toml`` holds the verdict expected for every claim, worked out by hand
before any check ran (``README.md`` there lists the files).

The two check bugs the corpus found are fixed, and a smallest report of each is a test
below (``README.md`` there tells their story).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests._outcomes import outcome
from tradestats.claims import _float
from tradestats.claims.consistency import check
from tradestats.claims.report import Report

RELEASES = Path(__file__).resolve().parent / "data" / "releases"
EXPECTED_FILE = RELEASES / "expected.toml"
FILES = sorted(path for path in RELEASES.glob("*.toml") if path != EXPECTED_FILE)
VERDICTS = frozenset({"consistent", "inconsistent", "undefined", "not checkable"})

#: Claim keys that the report format of issue 11 added.
NEW_KEYS = frozenset(
    {
        "change",
        "versus",
        "share_change",
        "growth_difference",
        "than",
        "contribution",
        "contribution_share",
        "sign",
        "qualifier",
    }
)
#: The keys that hold a published figure (a sum of flows publishes none).
PUBLISHED_KEYS = (
    "value",
    "growth",
    "multiplier",
    "share",
    "change",
    "share_change",
    "growth_difference",
    "contribution",
    "contribution_share",
)


#: Hand expectations that the check now contradicts and hand arithmetic shows wrong,
#: kept in ``expected.toml`` as written and overridden here, each with its arithmetic.
def read(path: Path) -> dict[str, Any]:
    """A TOML file as plain data."""
    with path.open("rb") as file:
        return tomllib.load(file)


def expected_verdicts(name: str) -> dict[str, str]:
    """The verdict written down for every claim of a file, by claim id."""
    table = read(EXPECTED_FILE)[name]
    return {
        claim_id: entry if isinstance(entry, str) else entry["verdict"]
        for claim_id, entry in table.items()
    }


def actual_verdicts(path: Path) -> dict[str, str]:
    """The verdict the check gives every claim of a file, by claim id."""
    result = check(Report.load(path))
    return {claim.id: result.verdict(claim.id).value for claim in result.report.claims}


@pytest.mark.parametrize("path", [pytest.param(path, id=path.stem) for path in FILES])
def test_release_checks_to_the_expected_verdicts(path: Path) -> None:
    """Every claim of a real release gets the verdict written down before the check ran."""
    assert expected_verdicts(path.stem) == actual_verdicts(path)


#: Releases whose exact check takes too long for the suite (the exact simplex from
#: scratch, 39 s of CPU, where the fast engine takes 2 s).
SLOW_EXACT = frozenset({"cn-2020-q1-gacc"})


@pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")
@pytest.mark.parametrize(
    "path", [pytest.param(path, id=path.stem) for path in FILES if path.stem not in SLOW_EXACT]
)
def test_the_fast_engine_prints_what_the_exact_one_prints(path: Path) -> None:
    """On real releases, HiGHS with its certificates and the exact simplex agree.

    Every verdict, printed range, conflict and implied figure: real figures meet
    in the degenerate vertices that generated reports seldom reach.
    """
    report = Report.load(path)
    assert outcome(check(report)) == outcome(check(report, _engine="exact"))


def verdicts_of(text: str) -> dict[str, str]:
    """The verdict the check gives every claim of a report written as TOML text."""
    result = check(Report.from_toml(text))
    return {claim.id: result.verdict(claim.id).value for claim in result.report.claims}


def lone_balance_growth(sign: str) -> str:
    """A report of one claim: the balance's size grew 1.6% on the month, with its sign."""
    return f"""
        title = "A balance that widened"
        reporter = "A"
        period = "2018-02"

        [flows.balance]
        flow = "balance"

        [[claims]]
        id = "growth"
        flow = "balance"
        growth = "+1.6%"
        sign = "{sign}"
        versus = "previous"
    """


def test_a_lone_growth_of_a_surplus_is_not_checkable() -> None:
    """Nothing else is said of the balance, so a growth of its surplus cannot be checked."""
    expected = {"growth": "not checkable"}
    assert expected == verdicts_of(lone_balance_growth("surplus"))


def test_a_lone_growth_of_a_deficit_is_not_checkable() -> None:
    """Nothing else is said of the balance, so a growth of its deficit cannot be checked.

    A growth of a deficit says the balance was below 0 in both periods and its size
    grew 1.6%: a balance of -100 then -101.6 meets it, so it cannot be inconsistent on
    its own, any more than the same claim of a surplus (the test above).
    """
    expected = {"growth": "not checkable"}
    assert expected == verdicts_of(lone_balance_growth("deficit"))


def test_a_growth_difference_and_one_growth_fix_the_other_growth() -> None:
    """Exports +12.8% and one partner 4 points above put the partner at +16.70% to +16.90%.

    So its published +16.8% (16.75% to 16.85%) meets what the others allow, and the
    exports' +12.8% meets +12.75% to +12.85% likewise: all three are consistent.
    """
    report = """
        title = "Growth above the average"
        reporter = "A"
        period = "2024"

        [flows.exports]
        flow = "exports"

        [flows.partner]
        flow = "exports"
        partner = "B"

        [[claims]]
        id = "exports-growth"
        flow = "exports"
        growth = "+12.8%"

        [[claims]]
        id = "partner-growth"
        flow = "partner"
        growth = "+16.8%"

        [[claims]]
        id = "difference"
        flow = "partner"
        than = "exports"
        growth_difference = "+4 pp"
    """
    expected = dict.fromkeys(["exports-growth", "partner-growth", "difference"], "consistent")
    assert expected == verdicts_of(report)


def test_a_change_of_share_and_the_earlier_share_fix_the_later_share() -> None:
    """A share of 16.1% a year earlier, up 5.6 points, is 21.60% to 21.80% now.

    So the published 21.7% (21.65% to 21.75%) meets it, and the earlier share
    (16.05% to 16.15%) meets 16.0% to 16.2%: all three are consistent.
    """
    report = """
        title = "A share that rose"
        reporter = "A"
        period = "2024"

        [flows.exports]
        flow = "exports"

        [flows.chips]
        flow = "exports"
        product = "chips"

        [[claims]]
        id = "share-before"
        part = "chips"
        whole = "exports"
        period = "2023"
        share = "16.1%"

        [[claims]]
        id = "share-change"
        part = "chips"
        whole = "exports"
        share_change = "+5.6 pp"

        [[claims]]
        id = "share"
        part = "chips"
        whole = "exports"
        share = "21.7%"
    """
    expected = dict.fromkeys(["share-before", "share-change", "share"], "consistent")
    assert expected == verdicts_of(report)


def test_the_files_use_no_key_but_those_of_the_format_and_of_issue_11() -> None:
    """Every key is one of the report format, and every flow a claim names is declared."""
    top = {"title", "source", "reporter", "partner", "period", "flows", "claims"}
    flow_keys = {"flow", "reporter", "partner", "product", "label", "membership"}
    claim_keys = {
        "id", "flow", "period", "value", "growth", "multiplier", "times", "share",
        "part", "whole", "total", "parts", "periods", "precision",
    } | NEW_KEYS  # fmt: skip
    for path in FILES:
        data = read(path)
        assert set(data) <= top, path.name
        assert all(set(flow) <= flow_keys for flow in data["flows"].values()), path.name
        for claim in data["claims"]:
            assert set(claim) <= claim_keys, f"{path.name}: {claim['id']}"
            named = [claim.get(key) for key in ("flow", "part", "whole", "total", "than")]
            named += claim.get("parts", [])
            assert {name for name in named if name} <= set(data["flows"]), path.name


def test_every_claim_has_an_expected_verdict_and_nothing_more() -> None:
    """expected.toml covers every file and claim of the corpus, and names nothing else."""
    expected = read(EXPECTED_FILE)
    assert sorted(path.stem for path in FILES) == sorted(expected)
    for path in FILES:
        ids = [claim["id"] for claim in read(path)["claims"]]
        assert ids == list(expected[path.stem]), path.name


def test_every_verdict_but_consistent_gives_its_reason() -> None:
    """A verdict other than consistent is written with a one-line reason."""
    for name, table in read(EXPECTED_FILE).items():
        for claim_id, entry in table.items():
            where = f"{name}: {claim_id}"
            if isinstance(entry, str):
                assert entry == "consistent", where
            else:
                assert entry["verdict"] in VERDICTS - {"consistent"}, where
                assert entry["reason"].strip(), where
                assert "\n" not in entry["reason"], where


def test_every_file_names_its_source_and_where_each_figure_stands() -> None:
    """A release file has a title and a source URL, and a comment beside each published figure."""
    figure = re.compile(rf"^({'|'.join(PUBLISHED_KEYS)}) = ")
    for path in FILES:
        data = read(path)
        assert data["title"].strip(), path.name
        assert data["source"].startswith(("http://", "https://")), path.name
        blocks = path.read_text(encoding="utf-8").split("[[claims]]")[1:]
        assert len(blocks) == len(data["claims"]), path.name
        for block, claim in zip(blocks, data["claims"], strict=True):
            lines = [line for line in block.splitlines() if figure.match(line)]
            if "parts" in claim:
                assert not lines, f"{path.name}: {claim['id']}"
            else:
                assert len(lines) == 1, f"{path.name}: {claim['id']}"
                assert "#" in lines[0], f"{path.name}: {claim['id']} has no comment beside it"


def test_the_readme_lists_every_file() -> None:
    """The corpus README has a row for every report file."""
    readme = (RELEASES / "README.md").read_text(encoding="utf-8")
    missing = [path.name for path in FILES if f"`{path.name}`" not in readme]
    assert not missing


def test_the_readme_counts_are_those_of_expected_toml() -> None:
    """The README's summary line and each row's counts are those expected.toml gives."""
    readme = (RELEASES / "README.md").read_text(encoding="utf-8")
    expected = read(EXPECTED_FILE)
    kinds = ("inconsistent", "not checkable", "undefined")
    total: Counter[str] = Counter()
    for path in FILES:
        counts = Counter(expected_verdicts(path.stem).values())
        total += counts
        others = ", ".join(f"{counts[kind]} {kind}" for kind in kinds if counts[kind]) or "none"
        row = re.search(rf"^\| `{re.escape(path.name)}` \|.*$", readme, re.MULTILINE)
        assert row is not None, path.name
        assert row.group().endswith(f"| {counts.total()} | {others} |"), path.name
    verdicts = (
        f"expected verdicts: {total['consistent']} consistent,\n{total['inconsistent']} "
        f"inconsistent, {total['not checkable']} not checkable, {total['undefined']} undefined"
    )
    assert len(expected) == len(FILES)
    assert f"{len(FILES)} files, {total.total()} claims" in readme
    assert verdicts in readme


@pytest.mark.parametrize("path", [pytest.param(path, id=path.stem) for path in FILES])
def test_every_release_reads_the_same_from_json(path: Path) -> None:
    """The report-file JSON of a release (the TOML's data) reads to the same report.

    The corpus uses every kind and key of issue 11 (balances and sign words,
    qualifiers, fold wordings, changes, bases, points), so each reads from JSON too.
    """
    text = json.dumps(read(path), ensure_ascii=False)
    assert Report.from_json(text, name=path.name) == Report.load(path)
