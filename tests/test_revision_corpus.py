"""The revision corpus: real releases whose later figures stand on a revised base.

``tests/data/releases/revisions/`` holds pairs (and one triple) of real releases in
which a later release measures growth or change from a revised figure, and real
figures of one flow on two bases (customs and balance of payments). Every file
checks to the verdicts written down in ``expected.toml`` before the check ran, and
the revision the check implies holds the revision the releases themselves state.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from tradestats.claims.consistency import check
from tradestats.claims.report import Report
from tradestats.verify._kinds import magnitude_of

CORPUS = Path(__file__).resolve().parent / "data" / "releases" / "revisions"
FILES = sorted(path for path in CORPUS.glob("*.toml") if path.name != "expected.toml")
VERDICTS = frozenset(
    {"consistent", "inconsistent", "not checkable", "undefined", "revised", "not comparable"}
)


def expected(name: str) -> dict[str, str]:
    """The verdict written down for every claim of a file, by claim id."""
    with (CORPUS / "expected.toml").open("rb") as file:
        table: dict[str, str] = tomllib.load(file)[name]
    return table


def test_the_corpus_has_eight_revision_pairs_and_two_pairs_of_bases() -> None:
    """Issue 12 asks for at least 8 real revision pairs and 2 customs vs BOP pairs."""
    revisions = [path for path in FILES if path.stem.endswith("-revision")]
    bases = [path for path in FILES if "-vs-bop" in path.stem]
    assert len(revisions) >= 8
    assert len(bases) >= 2


def test_every_expected_verdict_is_a_verdict() -> None:
    """A typo in expected.toml would otherwise never match, and never be noticed."""
    with (CORPUS / "expected.toml").open("rb") as file:
        table = tomllib.load(file)
    assert set(table) == {path.stem for path in FILES}
    assert {verdict for entries in table.values() for verdict in entries.values()} <= VERDICTS


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_release_pair_checks_to_the_expected_verdicts(path: Path) -> None:
    """Every claim gets the verdict written down for it."""
    result = check(Report.load(path))
    actual = {claim.id: result.verdict(claim.id).value for claim in result.report.claims}
    assert expected(path.stem) == actual


#: Revisions the releases state themselves: file, flow, period, and the change of the
#: value between the two releases in billions (later − earlier, as published).
STATED = [
    ("ca-2015-02-statcan-revision", "balance", "2015-01", Decimal("1.0")),
    ("us-2013-04-ft900-revision", "balance", "2013-03", Decimal("1.7")),
    ("us-2022-05-ft900-revision", "balance", "2022-05", Decimal("0.6")),
    ("us-2022-01-forexlive-revision", "balance", "2021-12", Decimal("-1.3")),
    ("us-2022-12-ft900-revision", "balance", "2022-12", Decimal("0.2")),
    ("us-2023-11-ft900-revision", "balance", "2023-10", Decimal("-0.2")),
    ("us-2023-11-ft900-revision", "balance", "2023-11", Decimal("1.3")),
]


@pytest.mark.parametrize(("name", "flow", "period", "stated"), STATED)
def test_the_implied_revision_holds_the_stated_one(
    name: str, flow: str, period: str, stated: Decimal
) -> None:
    """The check's revision range contains the revision the later release states."""
    result = check(Report.load(CORPUS / f"{name}.toml"))
    (revision,) = [
        found for found in result.revisions if found.flow == flow and str(found.period) == period
    ]
    assert revision.needed
    low, high = revision.change.low, revision.change.high
    assert low is not None
    assert high is not None
    assert magnitude_of(low) <= stated.scaleb(9) <= magnitude_of(high)


def test_two_releases_balances_are_not_tied_across_releases() -> None:
    """A deficit revised between releases is a revision, not two figures in conflict.

    Each release's balance is its own exports less its own imports: before the
    balance relation knew releases, checking each release alone tied one
    release's balance to the other's exports and imports.
    """
    report = Report.from_toml(
        """
        title = "A revised deficit"
        reporter = "A"
        period = "2015-02"

        [releases.first]
        publisher = "Statistics Canada"
        published = 2015-03-04

        [releases.second]
        publisher = "Statistics Canada"
        published = 2015-04-03

        [flows.exports]
        flow = "exports"

        [flows.imports]
        flow = "imports"

        [flows.balance]
        flow = "balance"

        [[claims]]
        id = "first"
        release = "first"
        flow = "balance"
        period = "2015-01"
        value = "deficit of 2.5 billion CAD"

        [[claims]]
        id = "second"
        release = "second"
        flow = "balance"
        period = "2015-01"
        value = "deficit of 1.5 billion CAD"
        """
    )
    result = check(report)
    assert {done.verdict.value for done in result.checks} == {"revised"}
