"""Fuzz the tables layer: the loaders on hostile files, the table functions on hostile frames."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz._support import FUZZ, call, expect, scratch
from tests.fuzz.hostile import PIECES, hostile_texts

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

DATA = Path(__file__).parent.parent / "data"
_TIDY = (DATA / "tidy" / "good.csv").read_text(encoding="utf-8")
_COMTRADE_CSV = (DATA / "comtrade" / "annual_capitalised.csv").read_text(encoding="utf-8")
_COMTRADE_JSON = (DATA / "comtrade" / "annual_api.json").read_text(encoding="utf-8")


# Strategies are built once (see hostile.py): building one per draw cost more than drawing.
_PIECE = st.one_of(
    hostile_texts(),
    st.sampled_from(PIECES),
    st.sampled_from([",", '"', "\n", ";", "\t"]),
)
_EDITS = st.integers(1, 4)
_CUT = st.integers(0, 5)


@functools.cache
def _positions(size: int) -> st.SearchStrategy[int]:
    return st.integers(0, max(0, size - 1))


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few cells or characters replaced by hostile ones."""
    characters = list(text)
    for _ in range(draw(_EDITS)):
        at = draw(_positions(len(characters)))
        piece = draw(_PIECE)
        cut = draw(_CUT)
        characters[at : at + cut] = list(piece)
    return "".join(characters)


def _write(name: str, text: str) -> Path:
    path = scratch(name)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


@given(text=mutated(_TIDY), engine=st.sampled_from(["polars", "pandas", "pyarrow"]))
@FUZZ
def test_read_tidy_csv(text: str, engine: str) -> None:
    """read_tidy_csv raises only TradeStatsError on a mutated file."""
    call("read_tidy_csv", tt.read_tidy_csv, _write("tidy.csv", text), engine=engine)


@given(text=mutated(_COMTRADE_CSV), engine=st.sampled_from(["polars", "pandas", "pyarrow"]))
@FUZZ
def test_read_comtrade_csv(text: str, engine: str) -> None:
    """read_comtrade_csv raises only TradeStatsError on a mutated file."""
    path = _write("comtrade.csv", text)
    call("read_comtrade_csv", tt.read_comtrade_csv, path, engine=engine)


@given(text=st.one_of(mutated(_COMTRADE_JSON), hostile_texts()))
@example(text=_COMTRADE_JSON.replace('"CHN"', '"\\ud800"', 1))  # a lone surrogate, escaped
@FUZZ
def test_read_comtrade_json(text: str) -> None:
    """read_comtrade_json raises only TradeStatsError on mutated files and data."""
    call("read_comtrade_json", tt.read_comtrade_json, _write("api.json", text))
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    if isinstance(data, dict):
        call("read_comtrade_json", tt.read_comtrade_json, data)


_SDMX = {
    name: (DATA / "sdmx" / name).read_text(encoding="utf-8")
    for name in ("eurostat_comext.csv", "eurostat_comext.xml", "imf_imts.json", "oecd_btige.json")
}


@pytest.mark.parametrize("name", sorted(_SDMX))
@given(data=st.data())
@FUZZ
def test_read_sdmx(name: str, data: st.DataObject) -> None:
    """read_sdmx raises only TradeStatsError on mutated SDMX-CSV, SDMX-ML and SDMX-JSON."""
    pytest.importorskip("sdmx")
    text = data.draw(mutated(_SDMX[name]))
    call("read_sdmx", tt.read_sdmx, _write(name, text))
    if name.endswith(".json"):
        try:
            message = json.loads(text)
        except (ValueError, RecursionError):
            return
        if isinstance(message, dict):
            call("read_sdmx", tt.read_sdmx, message)


_KEY_VALUES = st.one_of(
    st.sampled_from(["CHN", "KAZ", "", " ", "=cmd", "\x1b[2J", "８７０３", "\u202e"]),
    st.text(max_size=5),
)
_NUMBERS = st.one_of(
    st.floats(),  # NaN, infinities, subnormals
    st.sampled_from([0.0, -0.0, 1e308, -1e308, 5e-324]),
    st.none(),
)


_YEARS = st.integers(1990, 2030)
_ODD_YEARS = st.one_of(_YEARS, st.integers(-(2**40), 2**40))
_SIZES = st.integers(0, 6)


@functools.cache
def _columns(values: st.SearchStrategy[Any], size: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(values, min_size=size, max_size=size)


@st.composite
def frames(draw: st.DrawFn, *, odd_periods: bool = False) -> Any:
    """A small polars frame with hostile keys, periods and values."""
    size = draw(_SIZES)
    reporters = draw(_columns(_KEY_VALUES, size))
    periods = draw(_columns(_ODD_YEARS if odd_periods else _YEARS, size))
    values = draw(_columns(_NUMBERS, size))
    frame = pl.DataFrame(
        {"reporter": reporters, "period": periods, "value": values},
        schema={"reporter": pl.String, "period": pl.Int64, "value": pl.Float64},
        strict=False,
    )
    if draw(st.booleans()):
        frame = frame.with_columns(pl.col("period").cast(pl.String))
    return frame.lazy() if draw(st.booleans()) else frame


def _collected(result: Any) -> Any:
    return result.collect() if isinstance(result, pl.LazyFrame) else result


_FUNCTIONS = [
    "yoy_growth",
    "yoy_growth versus previous",
    "implied_previous",
    "share",
    "contribution",
    "share_change",
    "convert_hs",
    "aggregate",
    "revisions",
]


# One drawn frame serves every function: building it costs about as much as a call.
@given(frame=frames())
@FUZZ
def test_table_functions(frame: Any) -> None:
    """The table functions raise only TradeStatsError on hostile frames; growth stays finite."""
    for function in _FUNCTIONS:
        _run_table_function(function, frame)


@given(frame=frames(odd_periods=True))
@FUZZ
def test_table_functions_with_odd_periods(frame: Any) -> None:
    """Periods far from today (year 2, year -10**12) raise only TradeStatsError."""
    for function in _FUNCTIONS:
        _run_table_function(function, frame)


def _run_table_function(function: str, frame: Any) -> None:
    if function == "convert_hs":  # the hostile keys as product codes
        codes = frame.with_columns(pl.col("reporter").alias("product"))
        call(
            "tables.convert_hs",
            lambda: _collected(tt.convert_hs(codes, to="HS2022", source="HS2017")),
        )
        return
    if function == "aggregate":  # the hostile keys as partner codes
        partners = frame.with_columns(pl.col("reporter").alias("partner"))
        call(
            "tables.aggregate",
            lambda: _collected(tt.aggregate(partners, groups=["EU"], keys=["partner"])),
        )
        return
    if function == "revisions":  # the hostile keys as release names
        vintages = frame.with_columns(pl.col("reporter").alias("release"))
        call(
            "tables.revisions",
            lambda: _collected(tt.revisions(vintages, first="a", second="b", keys=["reporter"])),
        )
        return
    grouping: dict[str, Any] = (
        {"by": ["reporter"]} if function == "share" else {"keys": ["reporter"]}
    )
    if function.endswith(" versus previous"):
        function, grouping["versus"] = "yoy_growth", "previous"
    if function in ("contribution", "share_change"):
        grouping["by"] = ["reporter"]
    if function == "implied_previous":
        grouping = {"growth": "value"}
    target = f"tables.{function}"
    result = call(target, lambda: _collected(getattr(tt, function)(frame, **grouping)))
    if result is not None and function == "yoy_growth":
        growth = [g for g in result["growth"].to_list() if g is not None]
        expect(target, not any(math.isnan(g) for g in growth), f"NaN growth: {frame!r:.200}")
