"""Partner groups on frames: aggregation keeps totals; growth across a change of members is null."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradestats as ts
from tests.test_tables_properties import ENGINES, to_engine, to_polars

if TYPE_CHECKING:
    from collections.abc import Sequence

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

KEYS = ["reporter", "partner", "flow", "product"]
BREXIT = "membership changed: the United Kingdom left the EU on 2020-02-01"


def _trade(rows: Sequence[tuple[str, str, float | None]]) -> Any:
    """A frame of CHN exports to partners, by (partner, period, value)."""
    return pl.DataFrame(
        {
            "reporter": ["CHN"] * len(rows),
            "partner": [partner for partner, _, _ in rows],
            "flow": ["exports"] * len(rows),
            "product": ["TOTAL"] * len(rows),
            "period": [period for _, period, _ in rows],
            "value": [value for _, _, value in rows],
        },
        schema_overrides={"value": pl.Float64},
    )


def _all_of(group: str, period: str, value: float = 1.0) -> list[tuple[str, str, float | None]]:
    return [(code, period, value) for code in sorted(ts.composition(group, period))]


@pytest.mark.parametrize("engine", ENGINES)
def test_brexit_growth_is_null_on_every_engine_unless_fixed(engine: str) -> None:
    """28 partners in 2019, 27 in 2020: as of each period, no growth; EU27_2020: +10%."""
    rows = [*_all_of("EU", "2019", 10.0), *_all_of("EU", "2020", 11.0)]
    frame = to_engine(_trade(rows), engine)
    floating = to_polars(tt.group_growth(frame, groups=["EU"]), engine).sort("period")
    assert floating["value"].to_list() == [280.0, 297.0]
    assert floating["growth"].to_list() == [None, None]
    assert floating["growth_reason"].cast(pl.String).to_list() == ["no row for 2018", BREXIT]
    fixed = tt.group_growth(frame, groups=["EU"], membership="fixed: EU27_2020")
    result = to_polars(fixed, engine).sort("period")
    assert result["value"].to_list() == [270.0, 297.0]
    assert result["growth"].to_list()[1] == pytest.approx(0.1)
    assert result["membership"].to_list() == ["fixed: EU27_2020"] * 2


@pytest.mark.parametrize("engine", ENGINES)
def test_plain_yoy_growth_over_aggregated_groups_refuses_a_change_of_members(engine: str) -> None:
    """aggregate then yoy_growth: the "membership" column makes the growth null at Brexit.

    Other partners' rows and a fixed composition keep their growth: only two
    different sets of members are never compared.
    """
    rows = [*_all_of("EU", "2019", 10.0), *_all_of("EU", "2020", 11.0)]
    floating = tt.aggregate(to_engine(_trade(rows), engine), groups=["EU"])
    grown = to_polars(tt.yoy_growth(floating, keys=KEYS), engine).sort("period")
    assert grown["growth"].to_list() == [None, None]
    assert grown["growth_reason"].cast(pl.String).to_list() == ["no row for 2018", BREXIT]
    fixed = tt.aggregate(
        to_engine(_trade(rows), engine), groups=["EU"], membership="fixed: EU27_2020"
    )
    kept = to_polars(tt.yoy_growth(fixed, keys=KEYS), engine).sort("period")
    assert kept["growth"].to_list()[1] == pytest.approx(0.1)
    plain = to_polars(tt.yoy_growth(to_engine(_trade(rows), engine), keys=KEYS), engine)
    deu = plain.filter(pl.col("partner") == "DEU").sort("period")
    assert deu["growth"].to_list() == [None, pytest.approx(0.1)]


def test_an_empty_frame_aggregates_to_no_rows() -> None:
    """No rows, no group rows (the fuzzer found a StopIteration here)."""
    empty = _trade([])
    assert tt.aggregate(empty, groups=["EU"]).height == 0


def test_a_missing_or_null_member_makes_the_sum_null_with_a_reason() -> None:
    """The sum is never a partial total that looks whole."""
    rows = _all_of("EA", "2023")
    missing = tt.aggregate(_trade(rows[1:]), groups=["EA"])
    assert (missing["value"].to_list(), missing["value_reason"].to_list()) == (
        [None],
        ["no row for 1 of 20 members"],
    )
    nulled = tt.aggregate(_trade([(rows[0][0], "2023", None), *rows[1:]]), groups=["EA"])
    assert nulled["value_reason"].to_list() == ["null value for 1 of 20 members"]
    zero = tt.aggregate(_trade(rows[1:]), groups=["EA"], missing_members="zero")
    assert (zero["value"].to_list(), zero["value_reason"].to_list()) == ([19.0], [None])


def test_several_groups_and_the_keys_in_order() -> None:
    """One row per group and period, the partner column holding the group's code."""
    asean, rcep = ts.composition("ASEAN", "2024"), ts.composition("RCEP", "2024")
    rows = [(code, "2024", 1.0 if code in asean else 2.0) for code in sorted(asean | rcep)]
    rows.append(("USA", "2024", 5.0))
    result = tt.aggregate(_trade(rows), groups=["ASEAN", "RCEP"])
    assert result.columns[:6] == [*KEYS, "period", "value"]
    assert result.select("partner", "value").rows() == [("ASEAN", 10.0), ("RCEP", 19.0)]


def test_two_rows_of_one_partner_and_period_are_refused() -> None:
    """A partner counted twice would inflate the sum: refused, naming the keys and period."""
    rows = [*_all_of("EU", "2021"), ("DEU", "2021", 2.0)]
    with pytest.raises(ts.DuplicateKeyError, match=r"partner='DEU'.*period='2021'"):
        tt.aggregate(_trade(rows), groups=["EU"])


def test_codes_of_another_system_are_refused() -> None:
    """Alpha-2 codes match no member: the message says the codes are alpha-3 and shows some."""
    with pytest.raises(ts.InvalidValueError, match=r"ISO 3166-1 alpha-3.*found 'DE'"):
        tt.aggregate(_trade([("DE", "2020", 1.0)]), groups=["EU"])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"groups": ["Mercosur"]}, ts.UnknownGroupError, "unknown partner group"),
        ({"groups": []}, ts.InvalidValueError, "no groups given"),
        ({"groups": ["EU"], "membership": "fixed: EU"}, ts.InvalidValueError, "changes over time"),
        ({"groups": ["EU"], "missing_members": "skip"}, ts.InvalidValueError, "'null' or 'zero'"),
        ({"groups": ["EU"], "keys": ["reporter"]}, ts.InvalidValueError, "must be one of the keys"),
        ({"groups": ["EU"], "value": "period"}, ts.InvalidValueError, "must be numeric"),
    ],
)
def test_bad_arguments_are_refused(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    """Each bad argument raises a tradestats error naming it."""
    with pytest.raises(error, match=match):
        tt.aggregate(_trade(_all_of("EU", "2020")), **kwargs)


values = st.integers(0, 10**12).map(float)


@settings(max_examples=30)
@given(
    st.sampled_from(["EU", "EA", "ASEAN"]),
    st.lists(st.integers(1999, 2026), min_size=1, max_size=4, unique=True),
    st.data(),
)
def test_aggregation_preserves_totals(group: str, years: list[int], data: st.DataObject) -> None:
    """A group's sum is the exact sum of its members' values, and other partners add nothing."""
    rows: list[tuple[str, str, float | None]] = []
    expected = {}
    for year in years:
        members = sorted(ts.composition(group, str(year)))
        amounts = data.draw(st.lists(values, min_size=len(members), max_size=len(members)))
        rows += [(code, str(year), amount) for code, amount in zip(members, amounts, strict=True)]
        rows.append(("USA", str(year), data.draw(values)))  # never a member of these groups
        expected[str(year)] = sum(int(amount) for amount in amounts)
    result = tt.aggregate(_trade(rows), groups=[group])
    found = dict(result.select("period", "value").rows())
    assert found == {period: float(total) for period, total in expected.items()}
    assert all(int(value) == expected[period] for period, value in found.items())


@settings(max_examples=30)
@given(st.sampled_from(["EU", "EA", "ASEAN", "RCEP"]), st.integers(1999, 2026), st.integers(1, 5))
def test_group_growth_over_a_changed_group_is_never_computed(
    group: str, year: int, gap: int
) -> None:
    """Whatever the values, growth is null exactly where the members changed from the base."""
    year = max(year, 2022) if group == "RCEP" else year  # RCEP has members from 2022
    later = year + gap
    rows = [*_all_of(group, str(year), 3.0), *_all_of(group, str(later), 4.0)]
    result = tt.group_growth(_trade(rows), groups=[group], versus=str(year)).sort("period")
    change = ts.membership_changed(group, year, later)
    growth, reason = result["growth"].to_list()[-1], result["growth_reason"].to_list()[-1]
    if change:
        assert (growth, reason) == (None, f"membership changed: {change.describe()}")
    else:
        assert reason is None
        now, before = ts.composition(group, str(later)), ts.composition(group, str(year))
        assert growth == pytest.approx(4.0 * len(now) / (3.0 * len(before)) - 1)
