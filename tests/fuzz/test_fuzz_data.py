"""Fuzz structure() and from_json() for every public type with hostile plain data and JSON.

Only StructuringError (a TradeStatsError) may come out; what does structure
round-trips through unstructure.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
from tests.fuzz._support import FUZZ, call, expect
from tests.fuzz.hostile import json_texts, plain_data

TYPES: dict[str, type[Any]] = {
    name: getattr(ts, name)
    for name in (
        "Amount",
        "ExchangeRate",
        "Growth",
        "HSCode",
        "Interval",
        "Multiplier",
        "PercentagePoints",
        "Period",
        "Product",
        "ProductGroup",
        "Report",
        "Reported",
        "Share",
        "TradeFlow",
    )
    if hasattr(ts, name)
}


def _round_trip(target: str, result: Any, kind: type[Any]) -> None:
    again = call(target, ts.structure, ts.unstructure(result), kind)
    expect(target, again == result, f"{result!r} came back as {again!r}")


# One drawn input serves every type: drawing costs hypothesis more than structuring.
@given(data=plain_data())
@FUZZ
def test_structure(data: Any) -> None:
    """structure(data, T) raises only TradeStatsError for every T; a result round-trips."""
    for name, kind in TYPES.items():
        result = call(f"structure {name}", ts.structure, data, kind)
        if result is not None:
            _round_trip(f"structure {name}", result, kind)


@given(text=json_texts())
@example(text=b"\xfd")
@example(text="[" * 100_000 + "]" * 100_000)
@example(text='{"points": "1e999999999"}')
@FUZZ
def test_from_json(text: str | bytes) -> None:
    """from_json(text, T) raises only TradeStatsError for every T; a result round-trips."""
    for name, kind in TYPES.items():
        result = call(f"from_json {name}", ts.from_json, text, kind)
        if result is not None:
            _round_trip(f"from_json {name}", result, kind)


@given(data=plain_data())
@example(data=[])
@FUZZ
def test_structure_generic_containers(data: Any) -> None:
    """structure() into containers of tradestats types raises only TradeStatsError."""
    call("structure dict[str, Amount]", ts.structure, data, dict[str, ts.Amount])
    call("structure list[Growth]", ts.structure, data, list[ts.Growth])


@given(
    st.sampled_from([ts.PercentagePoints, ts.Growth, ts.Share]),
    st.sampled_from(["1e999999999", "1E-999999999", "1" * 29, "9" * 5000]),
)
@FUZZ
def test_structure_refuses_magnitudes_beyond_the_limits(kind: type[Any], number: str) -> None:
    """Numbers beyond tradestats.limits are refused when structured (no gigabyte repr)."""
    field = {ts.PercentagePoints: "points", ts.Growth: "rate", ts.Share: "fraction"}[kind]
    with pytest.raises(ts.TradeStatsError):
        ts.structure({field: number}, kind)
