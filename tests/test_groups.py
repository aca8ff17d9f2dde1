"""Tests of the shipped partner groups (tradestats.groups): every change of membership, by day."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
from tradestats.groups import Membership, MembershipKind, composition, partner_group

#: Every change of the shipped table, written down from the sources (not read from the
#: table): the group, the first day of the new membership, who joined, who left.
CHANGES = [
    ("EU", "1973-01-01", {"DNK", "IRL", "GBR"}, set()),
    ("EU", "1981-01-01", {"GRC"}, set()),
    ("EU", "1986-01-01", {"ESP", "PRT"}, set()),
    ("EU", "1995-01-01", {"AUT", "FIN", "SWE"}, set()),
    (
        "EU",
        "2004-05-01",
        {"CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"},
        set(),
    ),
    ("EU", "2007-01-01", {"BGR", "ROU"}, set()),
    ("EU", "2013-07-01", {"HRV"}, set()),
    ("EU", "2020-02-01", set(), {"GBR"}),
    ("EA", "2001-01-01", {"GRC"}, set()),
    ("EA", "2007-01-01", {"SVN"}, set()),
    ("EA", "2008-01-01", {"CYP", "MLT"}, set()),
    ("EA", "2009-01-01", {"SVK"}, set()),
    ("EA", "2011-01-01", {"EST"}, set()),
    ("EA", "2014-01-01", {"LVA"}, set()),
    ("EA", "2015-01-01", {"LTU"}, set()),
    ("EA", "2023-01-01", {"HRV"}, set()),
    ("EA", "2026-01-01", {"BGR"}, set()),
    ("ASEAN", "1984-01-07", {"BRN"}, set()),
    ("ASEAN", "1995-07-28", {"VNM"}, set()),
    ("ASEAN", "1997-07-23", {"LAO", "MMR"}, set()),
    ("ASEAN", "1999-04-30", {"KHM"}, set()),
    ("ASEAN", "2025-10-26", {"TLS"}, set()),
    ("RCEP", "2022-02-01", {"KOR"}, set()),
    ("RCEP", "2022-03-18", {"MYS"}, set()),
    ("RCEP", "2023-01-02", {"IDN"}, set()),
    ("RCEP", "2023-06-02", {"PHL"}, set()),
    ("NAFTA", "2020-07-01", set(), {"CAN", "MEX", "USA"}),
]
#: The first day of each dated group, and its founders.
FOUNDED = [
    ("EU", "1958-01-01", {"BEL", "DEU", "FRA", "ITA", "LUX", "NLD"}),
    (
        "EA",
        "1999-01-01",
        {"AUT", "BEL", "FIN", "FRA", "DEU", "IRL", "ITA", "LUX", "NLD", "PRT", "ESP"},
    ),
    ("ASEAN", "1967-08-08", {"IDN", "MYS", "PHL", "SGP", "THA"}),
    ("RCEP", "2022-01-01", {"AUS", "BRN", "KHM", "CHN", "JPN", "LAO", "NZL", "SGP", "THA", "VNM"}),
    ("NAFTA", "1994-01-01", {"CAN", "MEX", "USA"}),
    ("USMCA", "2020-07-01", {"CAN", "MEX", "USA"}),
]
#: Each fixed composition, and the day a dated group had exactly its members.
FIXED = [("EU27_2020", "EU", "2020-02-01"), ("EU28", "EU", "2020-01-31"),
         ("EA19", "EA", "2022-12-31"), ("EA20", "EA", "2023-01-01")]  # fmt: skip


def _day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("group", "day", "joined", "left"),
    CHANGES,
    ids=[f"{group}-{day}" for group, day, *_ in CHANGES],
)
def test_each_change_happens_on_its_day_and_not_the_day_before(
    group: str, day: str, joined: set[str], left: set[str]
) -> None:
    """The day before a change has the old members, the day itself the new ones."""
    before, after = ts.members(group, on=_day_before(day)), ts.members(group, on=day)
    assert (joined, left) == (set(after - before), set(before - after))


@pytest.mark.parametrize(
    ("group", "day", "founders"), FOUNDED, ids=[f"{group}-{day}" for group, day, _ in FOUNDED]
)
def test_each_group_starts_with_its_founders(group: str, day: str, founders: set[str]) -> None:
    """No members the day before the founding; the founders on the day."""
    assert ts.members(group, on=_day_before(day)) == frozenset()
    assert ts.members(group, on=day) == frozenset(founders)


def test_the_table_has_no_change_but_those_written_down() -> None:
    """Every day the shipped table changes a membership is one of the changes above."""
    expected = {(group, day) for group, day, _, _ in CHANGES}
    found = {
        (code, day.isoformat())
        for code in ts.partner_groups()
        for day in partner_group(code).changes()
    }
    assert expected == found


@pytest.mark.parametrize(("fixed", "dated", "day"), FIXED)
def test_a_fixed_composition_is_the_dated_group_on_a_day(fixed: str, dated: str, day: str) -> None:
    """EU27_2020 is the EU from 2020-02-01, EU28 the EU until then, EA19 and EA20 likewise."""
    assert ts.members(dated, on=day) == ts.members(fixed)
    assert ts.partner_group(fixed).fixed


def test_the_groups_have_their_sizes_today() -> None:
    """27 EU members, 21 euro area members, 11 in ASEAN, 14 RCEP parties (Myanmar left out)."""
    day = "2026-12-01"
    sizes = {code: len(ts.members(code, on=day)) for code in ("EU", "EA", "ASEAN", "RCEP")}
    assert sizes == {"EU": 27, "EA": 21, "ASEAN": 11, "RCEP": 14}


def test_every_row_has_a_source_and_the_table_a_version() -> None:
    """Each membership names where its dates come from; the table is versioned."""
    rows = [row for code in ts.partner_groups() for row in partner_group(code).rows]
    assert all(row.source.startswith(("http://", "https://")) for row in rows)
    assert ts.GROUP_TABLE_VERSION.startswith("20")


def test_a_group_is_found_by_code_in_any_case_or_by_its_long_name() -> None:
    """'eu', 'European Union' and 'euro area' name shipped groups; a country names none."""
    assert tuple(partner_group(name).code for name in ("eu", "European  Union", "euro area")) == (
        "EU",
        "EU",
        "EA",
    )
    assert ts.find_group("China") is None


def test_an_unknown_group_is_refused_with_the_known_ones() -> None:
    """The error names the bad group and lists the shipped ones; it is a LookupError too."""
    with pytest.raises(ts.UnknownGroupError, match=r"unknown partner group 'Mercosur'.*EU27_2020"):
        ts.members("Mercosur", on="2020-01-01")
    with pytest.raises(LookupError):
        partner_group("G7")


def test_a_dated_group_needs_a_day_and_a_day_must_read() -> None:
    """members('EU') without a day is refused; so is a day that is not one."""
    with pytest.raises(ts.InvalidValueError, match="change over time"):
        ts.members("EU")
    with pytest.raises(ts.ParseError, match="expected a date"):
        ts.members("EU", on="2020-02-30")


def test_member_names_and_a_code_that_was_never_a_member() -> None:
    """Members are named as in prose; a code outside the group is refused."""
    eu = partner_group("EU")
    assert eu.name_of("GBR") == "the United Kingdom"
    with pytest.raises(ts.UnknownGroupError, match="'USA' was never a member of EU"):
        eu.name_of("USA")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("as of each period", "as of each period"),
        ("  As of   each period ", "as of each period"),
        ("fixed: EU27_2020", "fixed: EU27_2020"),
        ("FIXED: ea20", "fixed: EA20"),
        ("fixed: EU on 2020-02-01", "fixed: EU on 2020-02-01"),
    ],
)
def test_membership_rules_read_and_print(text: str, shown: str) -> None:
    """Each written rule reads, and prints in its canonical form, which reads back."""
    rule = Membership.parse(text)
    assert shown == str(rule)
    assert rule == Membership.parse(str(rule))
    assert rule == pickle.loads(pickle.dumps(rule))


@pytest.mark.parametrize(
    ("text", "error", "match"),
    [
        ("floating", ts.ParseError, "unknown membership rule 'floating'"),
        ("fixed:", ts.ParseError, "unknown membership rule"),
        ("fixed: EU", ts.InvalidValueError, "EU changes over time"),
        ("fixed: EU27_2020 on 2020-02-01", ts.InvalidValueError, "fixed already"),
        ("fixed: Mercosur", ts.UnknownGroupError, "unknown partner group"),
        ("fixed: EU on 1 Feb 2020", ts.ParseError, "expected a date"),
    ],
)
def test_bad_membership_rules_are_refused(text: str, error: type[Exception], match: str) -> None:
    """A rule that does not read, or names a dated group without a day, is refused."""
    with pytest.raises(error, match=match):
        Membership.parse(text)


def test_composition_of_a_period_is_its_members_on_its_last_day() -> None:
    """Jan-Jul 2020 has 27 EU members, Jan 2020 has 28; a year of accession counts whole."""
    assert len(composition("EU", "2020-01/2020-07")) == 27
    assert len(composition("EU", "2020-01")) == 28
    assert "HRV" in composition("EU", "2013")
    assert "TLS" in composition("ASEAN", "2025-10")
    assert "TLS" not in composition("ASEAN", "2025-09")


def test_the_brexit_change_is_described_with_its_day() -> None:
    """The reason names who left, the group and the day."""
    change = ts.membership_changed("EU", "2019-01/2019-07", "2020-01/2020-07")
    assert change.describe() == "the United Kingdom left the EU on 2020-02-01"
    assert ts.membership_changed("EU", 2021, 2022).describe() == "no member joined or left the EU"


def test_several_changes_are_listed_in_order_of_day() -> None:
    """From 2000 to 2010 five sets of countries joined the euro area, listed by day."""
    text = ts.membership_changed("EA", 2010, 2000).describe()
    assert text.startswith("Greece joined the euro area on 2001-01-01, Slovenia joined")
    assert text.endswith(", and Slovakia joined the euro area on 2009-01-01")


periods = st.builds(
    lambda year, first, length: ts.Period.from_month_indices(
        year * 12 + first, year * 12 + first + length
    ),
    st.integers(1960, 2030),
    st.integers(0, 11),
    st.integers(0, 23),
)
groups = st.sampled_from(["EU", "EA", "ASEAN", "RCEP", "NAFTA", "USMCA"])


@given(groups, periods, periods)
@example("EU", ts.Period.parse("1960-01/1960-02"), ts.Period.parse("1960-02"))  # same last month
def test_a_change_is_the_difference_of_the_two_compositions(
    group: str, first: ts.Period, second: ts.Period
) -> None:
    """Joined and left are the two set differences, whatever the order of the periods."""
    change = ts.membership_changed(group, first, second)
    earlier, later = sorted(
        (first, second), key=lambda period: (period.end_index, period.start_index)
    )
    before, after = composition(group, earlier), composition(group, later)
    assert frozenset(change.joined) == after - before
    assert frozenset(change.left) == before - after
    assert bool(change) == (before != after)
    assert change == ts.membership_changed(group, second, first)


@given(st.sampled_from(["EU27_2020", "EU28", "EA19", "EA20"]), periods, periods)
def test_a_fixed_composition_never_changes(fixed: str, first: ts.Period, second: ts.Period) -> None:
    """Under a fixed rule, the members of any two periods are the same."""
    rule = Membership.fixed_as(fixed)
    assert MembershipKind.FIXED is rule.kind
    assert not ts.membership_changed("EU", first, second, rule)
