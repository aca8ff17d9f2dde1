"""Conversion of frames between HS versions: one test per relationship, totals kept, splits."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradestats as ts
from tests.test_tables_properties import IN_PROCESS, run

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

# Made-up codes of chapter 99 (reserved in the HS for national use): these tables
# test the mechanics and claim nothing about a real revision.
FICTIONAL = ts.Concordance(
    "HS2012",
    "HS2017",
    [
        ts.ConcordanceRow("990001", "990101", "1:1"),  # renamed
        ts.ConcordanceRow("990002", "990102", "n:1"),  # merged with 990003
        ts.ConcordanceRow("990003", "990102", "n:1"),
        ts.ConcordanceRow("990004", "990104", "n:n"),  # 990004 and 990005 reshuffled
        ts.ConcordanceRow("990004", "990105", "n:n"),
        ts.ConcordanceRow("990005", "990105", "n:n"),
    ],
    origin="a made-up table for tests",
)
SPLIT_8541 = {"854140": {"854141": 0.25, "854142": 0.25, "854143": 0.25, "854149": 0.25}}


def frame(products: list[str], values: list[float | None], **extra: list[Any]) -> Any:
    """Rows of CHN exports in 2021, one per product, unless ``extra`` says otherwise."""
    n = len(products)
    columns: dict[str, list[Any]] = {
        "reporter": ["CHN"] * n,
        "partner": ["World"] * n,
        "flow": ["exports"] * n,
        "product": products,
        "period": ["2021"] * n,
        "value": values,
    }
    return pl.DataFrame({**columns, **extra})


def by_product(result: Any) -> dict[str, float | None]:
    """The converted values by product code."""
    return dict(zip(result["product"].to_list(), result["value"].to_list(), strict=True))


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_one_to_one_renames(engine: str) -> None:
    """A 1:1 code gets its new code and keeps its value exactly; TOTAL is kept as it is."""
    data = frame(["990001", "TOTAL"], [12.5, 100.0])
    result = run(tt.convert_hs, data, engine, to="HS2017", source="HS2012", concordance=FICTIONAL)
    assert by_product(result) == {"HS2017:990101": 12.5, "TOTAL": 100.0}
    assert result["conversion_reason"].to_list() == [None, None]


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_many_to_one_sums(engine: str) -> None:
    """n:1 codes merge into their target by summing, separately per partner."""
    data = frame(
        ["990002", "990003", "990002", "990003"],
        [1.0, 2.0, 10.0, 20.0],
        partner=["World", "World", "USA", "USA"],
    )
    result = run(tt.convert_hs, data, engine, to="HS2017", source="HS2012", concordance=FICTIONAL)
    rows = result.select("partner", "product", "value").rows()
    assert rows == [("USA", "HS2017:990102", 30.0), ("World", "HS2017:990102", 3.0)]


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_8541_40_merges_back_from_hs2022(engine: str) -> None:
    """From HS2022 back to HS2017, 8541.41–.49 merge (n:1) into 8541.40 by summing."""
    data = frame(["854141", "854142", "854143", "854149"], [1.0, 2.0, 3.0, 4.0])
    result = run(tt.convert_hs, data, engine, to="HS2017", source="HS2022")
    assert by_product(result) == {"HS2017:854140": 10.0}


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_8541_40_split_is_refused_without_weights(engine: str) -> None:
    """HS2017 8541.40 to HS2022 is 1:n: refused without weights, naming the four targets."""
    data = frame(["HS2017:854140"], [100.0])
    with pytest.raises(ts.ConcordanceError, match=r"8541.40 is split \(1:n\) into HS2022 8541.41"):
        run(tt.convert_hs, data, engine, to="HS2022")


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_8541_40_split_with_weights(engine: str) -> None:
    """With weights the split shares the value out, and the total is kept."""
    weights = {"8541.40": {"8541.41": 0.5, "8541.42": 0.125, "8541.43": 0.25, "8541.49": 0.125}}
    data = frame(["HS2017:854140"], [80.0])
    result = run(tt.convert_hs, data, engine, to="HS2022", weights=weights)
    expected = {"HS2022:854141": 40.0, "HS2022:854142": 10.0}
    expected |= {"HS2022:854143": 20.0, "HS2022:854149": 10.0}
    assert expected == by_product(result)


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_many_to_many_needs_weights(engine: str) -> None:
    """n:n codes are refused without weights; with them each source is shared out."""
    data = frame(["990004", "990005"], [10.0, 5.0])
    options: dict[str, Any] = {"to": "HS2017", "source": "HS2012", "concordance": FICTIONAL}
    with pytest.raises(ts.ConcordanceError, match=r"is split \(n:n\)"):
        run(tt.convert_hs, data, engine, **options)
    weights = {"990004": {"990104": 0.4, "990105": 0.6}, "990005": {"990105": 1.0}}
    result = run(tt.convert_hs, data, engine, weights=weights, **options)
    assert by_product(result) == {"HS2017:990104": 4.0, "HS2017:990105": 11.0}


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars-lazy"])
def test_weights_from_shares_per_reporter(engine: str) -> None:
    """Weights from each reporter's 2022 shares split that reporter's 2021 value."""
    new = frame(
        ["854141", "854143", "854141", "854143"],
        [1.0, 3.0, 9.0, 1.0],
        reporter=["CHN", "CHN", "VNM", "VNM"],
        period=["2022"] * 4,
    )
    weights = tt.hs_weights_from_shares(new, source="HS2017", version="HS2022")
    old = frame(["HS2017:854140"] * 2, [100.0, 50.0], reporter=["CHN", "VNM"])
    result = run(tt.convert_hs, old, engine, to="HS2022", weights=weights)
    values = {(r, p): v for r, p, v in result.select("reporter", "product", "value").rows()}
    assert values[("CHN", "HS2022:854141")] == 25.0
    assert values[("CHN", "HS2022:854143")] == 75.0
    assert values[("VNM", "HS2022:854141")] == 45.0
    assert values[("VNM", "HS2022:854142")] == 0.0
    assert math.fsum(result["value"].to_list()) == 150.0


def test_missing_weights_for_a_group_are_refused() -> None:
    """A reporter the weights do not cover is refused, never given another's shares."""
    new = frame(["854141", "854143"], [1.0, 3.0], period=["2022"] * 2)
    weights = tt.hs_weights_from_shares(new, source="HS2017", version="HS2022")
    old = frame(["HS2017:854140"] * 2, [100.0, 50.0], reporter=["CHN", "VNM"])
    with pytest.raises(ts.ConcordanceError, match=r"no weights for HS2017 8541\.40 for .*VNM"):
        tt.convert_hs(old, to="HS2022", weights=weights)


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"854140": {"854141": 0.5, "854142": 0.5}}, "expected one weight for each of"),
        (
            {"854140": {"854141": 0.5, "854142": 0.5, "854143": 0.5, "854149": 0.0}},
            "sum to 1.5",
        ),
        (
            {"854140": {"854141": 1.5, "854142": -0.5, "854143": 0.0, "854149": 0.0}},
            "expected a number from 0 to 1",
        ),
    ],
)
def test_bad_weights_are_refused(weights: dict[str, dict[str, float]], message: str) -> None:
    """Weights must name every target once, lie within 0–1 and sum to 1."""
    with pytest.raises(ts.InvalidValueError, match=message):
        tt.convert_hs(frame(["HS2017:854140"], [1.0]), to="HS2022", weights=weights)


def test_uncovered_and_unversioned_codes_are_refused() -> None:
    """A code the table lacks, a heading, or a code without a version: refused, never guessed."""
    with pytest.raises(ts.ConcordanceError, match="no row for HS2017 870380"):
        tt.convert_hs(frame(["870380"], [1.0]), to="HS2022", source="HS2017")
    with pytest.raises(ts.ConcordanceError, match="six-digit subheadings"):
        tt.convert_hs(frame(["8541"], [1.0]), to="HS2022", source="HS2017")
    with pytest.raises(ts.InvalidValueError, match="'854140' has no HS version"):
        tt.convert_hs(frame(["854140"], [1.0]), to="HS2022")
    with pytest.raises(ts.ParseError, match="malformed HS code '85414'"):
        tt.convert_hs(frame(["85414"], [1.0]), to="HS2022", source="HS2017")


@pytest.mark.parametrize("engine", ["pandas", "polars", "duckdb"])
def test_null_in_a_merge_gives_null_with_reason(engine: str) -> None:
    """A merge with a null or NaN part is null, and its reason names the part."""
    data = frame(["854141", "854142", "854143"], [1.0, None, 2.0])
    result = run(tt.convert_hs, data, engine, to="HS2017", source="HS2022")
    assert result["value"].to_list() == [None]
    assert result["conversion_reason"].to_list() == ["null value of 854142"]


def test_currencies_are_never_merged() -> None:
    """Parts in different currencies stay apart: each keeps its own currency."""
    data = frame(["854141", "854142"], [1.0, 2.0], currency=["USD", "CNY"])
    result = tt.convert_hs(data, to="HS2017", source="HS2022")
    assert result.select("currency", "value").rows() == [("CNY", 2.0), ("USD", 1.0)]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["CHN", "VNM"]),
            st.sampled_from(["2021", "2022"]),
            st.sampled_from(["990001", "990002", "990003", "TOTAL"]),
            st.integers(0, 10**6).map(float),
        ),
        max_size=30,
        unique_by=lambda row: row[:3],
    )
)
def test_exact_conversion_keeps_every_total(rows: list[tuple[str, str, str, float]]) -> None:
    """1:1 and n:1 conversions keep the total of every reporter-period exactly."""
    data = pl.DataFrame(
        {
            "reporter": [r[0] for r in rows],
            "flow": ["exports"] * len(rows),
            "product": [r[2] for r in rows],
            "period": [r[1] for r in rows],
            "value": [r[3] for r in rows],
        },
        schema={
            "reporter": pl.String,
            "flow": pl.String,
            "product": pl.String,
            "period": pl.String,
            "value": pl.Float64,
        },
    )
    result = tt.convert_hs(data, to="HS2017", source="HS2012", concordance=FICTIONAL)

    def totals(table: Any) -> dict[tuple[str, str], float]:
        summed = table.group_by("reporter", "period").agg(pl.col("value").sum())
        return {(r, p): v for r, p, v in summed.rows()}

    assert totals(data) == totals(result)
    assert not result.filter(pl.col("product").str.starts_with("99")).height


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_growth_across_versions_is_refused(engine: str) -> None:
    """yoy_growth over HS2017 and HS2022 codes refuses, naming both and convert_hs."""
    data = frame(["HS2017:854140", "HS2022:854141"], [1.0, 2.0], period=["2021", "2022"])
    with pytest.raises(ts.HSVersionMismatchError, match=r"HS2017, HS2022.*convert_hs"):
        run(tt.yoy_growth, data, engine)


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars-lazy"])
def test_growth_converts_when_asked(engine: str) -> None:
    """With hs_version, 2021 (HS2017) is split by the weights and compared code by code."""
    data = frame(
        ["HS2017:854140", "HS2022:854141", "HS2022:854142", "HS2022:854143", "HS2022:854149"],
        [100.0, 30.0, 25.0, 25.0, 25.0],
        period=["2021", "2022", "2022", "2022", "2022"],
    )
    result = run(tt.yoy_growth, data, engine, hs_version="HS2022", hs_weights=SPLIT_8541)
    growth = result.filter(pl.col("period") == "2022").select("product", "growth").rows()
    assert ("HS2022:854141", pytest.approx(0.2)) == growth[0]
    assert [g for _, g in growth[1:]] == [0.0, 0.0, 0.0]


def test_null_product_is_refused() -> None:
    """A null product is refused by name: it would otherwise vanish from the result."""
    data = frame(["854141", None], [1.0, 2.0])  # type: ignore[list-item]
    with pytest.raises(ts.InvalidValueError, match="column 'product' has 1 null value"):
        tt.convert_hs(data, to="HS2017", source="HS2022")
