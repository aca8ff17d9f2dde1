"""The one enum reader, shared by the value objects, the tidy reader and the report files."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradestats as ts
from tradestats._validate import enum_member
from tradestats.claims.files import parse_report
from tradestats.errors import InvalidValueError, ReportFileError
from tradestats.flows import Flow, Status, Valuation
from tradestats.fx import RateKind
from tradestats.measures import TimesConvention

if TYPE_CHECKING:
    import enum
    from pathlib import Path

KINDS: list[type[enum.Enum]] = [Flow, Status, Valuation, RateKind, TimesConvention]


@st.composite
def spellings(draw: st.DrawFn) -> tuple[enum.Enum, str]:
    """A member of one of the enums and its value in some letter case, with spaces around."""
    member = draw(st.sampled_from(draw(st.sampled_from(KINDS))))
    case = draw(st.sampled_from(["lower", "upper", "title"]))
    space = draw(st.sampled_from(["", " ", "\t"]))
    return member, f"{space}{getattr(member.value, case)()}{space}"


@given(spellings())
def test_a_member_is_read_from_its_value_in_any_case(spelling: tuple[enum.Enum, str]) -> None:
    """Each member comes back from itself and from its value, in any case, spaces ignored."""
    member, text = spelling
    kind = type(member)
    assert member == enum_member(kind, text)
    assert member == enum_member(kind, member)


def test_aliases_and_what() -> None:
    """Aliases are other spellings; ``what`` names the value in the message."""
    aliases = {"as-much": TimesConvention.AS_MUCH, "as_much": TimesConvention.AS_MUCH}
    for text in ("as-much", "AS_MUCH", " as much "):
        assert enum_member(TimesConvention, text, aliases=aliases) == TimesConvention.AS_MUCH
    with pytest.raises(InvalidValueError) as caught:
        enum_member(TimesConvention, "less", what="times convention", aliases=aliases)
    assert str(caught.value) == "unknown times convention 'less': expected one of 'more', 'as much'"
    with pytest.raises(InvalidValueError, match="unknown Flow 'trade'"):
        enum_member(Flow, "trade")


@pytest.mark.parametrize("value", [None, 5, True, ["more"], {"more": 1}])
def test_values_that_are_not_text_name_no_member(value: object) -> None:
    """Numbers, lists and the like are refused with the usual message, not a TypeError."""
    with pytest.raises(InvalidValueError, match=re.escape(f"unknown TimesConvention {value!r}")):
        enum_member(TimesConvention, value)


def test_tidy_files_name_members_in_lower_case(tmp_path: Path) -> None:
    """The tidy reader speaks of "flow" and "status" as its columns do, through ``what``."""
    tt = pytest.importorskip("tradestats.tables")
    path = tmp_path / "trade.csv"
    path.write_text("reporter,flow,period,value,currency\nCHN,trade,2023,1.5,USD\n", "utf-8")
    with pytest.raises(InvalidValueError, match="line 2, column 'flow': unknown flow 'trade'"):
        tt.read_tidy_csv(path)
    path.write_text("reporter,flow,period,value,currency,status\nCHN,Exports,2023,1,USD,Final\n")
    frame = tt.read_tidy_csv(path, engine="polars")
    assert (frame["flow"][0], frame["status"][0]) == ("exports", "final")


REPORT = """
title = "t"

[flows.ev]
reporter = "China"
flow = "exports"
product = "EV"

[[claims]]
id = "ev"
flow = "ev"
period = "2023"
multiplier = "3.26 times"
times = "{times}"
"""


@pytest.mark.parametrize(
    ("times", "expected"),
    [("more", TimesConvention.MORE), ("As-Much", TimesConvention.AS_MUCH),
     ("as_much", TimesConvention.AS_MUCH), ("as much", TimesConvention.AS_MUCH)],
)  # fmt: skip
def test_report_files_read_times_through_the_enum_reader(
    times: str, expected: TimesConvention
) -> None:
    """A claim's ``times`` takes the value, its aliases and any case; the file's message stays."""
    report = parse_report(REPORT.format(times=times))
    claim = report.claims[0]
    assert isinstance(claim, ts.MultiplierClaim)
    assert expected == claim.times
    with pytest.raises(ReportFileError, match="field 'times': expected \"more\""):
        parse_report(REPORT.format(times="less"))
