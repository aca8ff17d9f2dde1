"""The tidy-schema contract: one declaration of the tidy columns, one set of checks, every loader.

The schema's declaration matches the documented format; every loader gives its
columns in its order and dtypes; the checks word their errors the same way
whichever loader calls them; the canonical form is a fixed point; and a new
loader (here a small SDMX-like one) only maps its columns and calls the contract.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pl = pytest.importorskip("polars")
nw = pytest.importorskip("narwhals")

import tradestats as ts  # noqa: E402 - after the extras are checked
from tradestats.errors import ParseError  # noqa: E402
from tradestats.tables import _schema, tidy  # noqa: E402
from tradestats.tables.bridges import flows_to_frame  # noqa: E402
from tradestats.tables.comtrade import read_comtrade_json  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def label(row: int) -> str:
    """The row label of a frame built in a test."""
    return f"the test frame, row {row}"


def test_the_documented_format_is_the_schema() -> None:
    """The table in tidy.py's docstring lists the schema's columns, types and requirements."""
    documented = []
    for line in (tidy.__doc__ or "").splitlines():
        match = re.match(r"^([a-z]+) +(text|number) +(yes|no)\b", line)
        if match:
            documented.append((match[1], match[2], match[3] == "yes"))
    declared = [(c.name, c.kind, c.required) for c in _schema.TIDY_SCHEMA]
    assert declared == documented
    assert _schema.TIDY_COLUMNS == tidy.TIDY_COLUMNS


@pytest.mark.parametrize("engine", ["polars", "pandas", "pyarrow"])
def test_every_loader_gives_the_schema_columns_in_order(engine: str) -> None:
    """Tidy CSV, Comtrade and the bridges all start with the schema's columns, in its dtypes."""
    pytest.importorskip(engine)
    flows = [ts.TradeFlow(reporter="CHN", flow="exports", period="2023", value="1 USD")]
    loaded = [
        tidy.read_tidy_csv(DATA / "tidy" / "good.csv", engine=engine),
        read_comtrade_json(DATA / "comtrade" / "annual_api.json", engine=engine),
        flows_to_frame(flows, engine=engine),
    ]
    for native in loaded:
        frame = nw.from_native(native, eager_only=True)
        present = [name for name in frame.columns if name in _schema.TIDY_COLUMNS]
        assert list(_schema.TIDY_COLUMNS[: len(present)]) == present
        assert present == frame.columns[: len(present)]
        assert len(present) >= len(_schema.REQUIRED_COLUMNS) + 3  # and currency, partner, product
        for column in _schema.TIDY_SCHEMA:
            if column.name in frame.columns:
                assert column.dtype() == frame.schema[column.name], column.name


def test_an_empty_key_is_refused_in_the_words_of_the_source() -> None:
    """Text keys: a blank is empty; derived keys: only a null is, and the message says whence."""
    frame = nw.from_native(pl.DataFrame({"reporter": ["CHN", "  "], "flow": ["exports", None]}))
    with pytest.raises(ParseError, match="the test frame, row 1, column 'reporter': empty"):
        _schema.check_keys(frame, label, keys=["reporter", "flow"])
    with pytest.raises(ParseError, match="the test frame, row 1: no flow: from nowhere"):
        _schema.check_keys(frame, label, keys=["reporter", "flow"], derived_from="from nowhere")


def test_a_missing_column_names_what_the_format_needs() -> None:
    """complete() lists the required columns, and fills the defaults of the optional keys."""
    frame = nw.from_native(pl.DataFrame({"reporter": ["CHN"], "flow": ["exports"]}))
    with pytest.raises(ParseError, match="no column 'period'; the tidy format needs 'reporter'"):
        _schema.complete(frame, frame.columns, "the test frame", None)
    full = frame.with_columns(period=nw.lit("2023"), value=nw.lit(1.0))
    done = _schema.complete(full, full.columns, "the test frame", "USD")
    expected = {"partner": "World", "product": "TOTAL", "currency": "USD"}
    assert expected == {name: done[name][0] for name in expected}


def test_duplicates_are_refused_with_the_period_shown() -> None:
    """raise_duplicate names the keys and the period, as text."""
    with pytest.raises(ts.DuplicateKeyError, match=r"reporter='CHN' and period='2023-07'"):
        _schema.raise_duplicate({"reporter": "CHN"}, "period", 2023 * 12 + 6, 1)


FLOWS = st.sampled_from(["exports", "IMPORTS", " total ", "Re-Exports", "balance"])
PERIODS = st.sampled_from(["2023", "2023-07", "Q2 2023", "2023-01/2023-07", " 2022-Q4 "])
CURRENCIES = st.sampled_from(["USD", "cny", "Eur"])
VALUES = st.one_of(
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False, width=64).map(repr),
    st.integers(-(10**12), 10**12).map(str),
)


@st.composite
def tidy_frames(draw: st.DrawFn) -> Any:
    """Valid tidy frames of text columns, with flows, periods and currencies in any form."""
    size = draw(st.integers(0, 6))

    def column(values: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(values, min_size=size, max_size=size))

    return pl.DataFrame(
        {
            "reporter": column(st.sampled_from(["CHN", "Xinjiang"])),
            "partner": column(st.sampled_from(["World", "KAZ"])),
            "flow": column(FLOWS),
            "product": column(st.sampled_from(["TOTAL", "8703", "0101"])),
            "period": column(PERIODS),
            "value": column(VALUES),
            "currency": column(CURRENCIES),
            "status": column(st.sampled_from([None, "final", "PROVISIONAL"])),
        },
        schema=dict.fromkeys(
            ["reporter", "partner", "flow", "product", "period", "value", "currency", "status"],
            pl.String,
        ),
    )


@given(frame=tidy_frames())
def test_the_canonical_form_is_a_fixed_point(frame: Any) -> None:
    """Validating a validated frame changes nothing: flows, periods, currencies are canonical."""
    once = _schema.validated(nw.from_native(frame), label)
    twice = _schema.validated(once, label)
    assert once.rows() == twice.rows()
    for row in once.rows(named=True):
        assert row["flow"] == ts.Flow(row["flow"]).value
        assert row["period"] == ts.Period.parse(row["period"]).isoformat()
        assert row["currency"] == row["currency"].upper()
        assert row["value"] is None or math.isfinite(row["value"])


def test_a_new_loader_only_maps_its_columns_and_calls_the_contract() -> None:
    """An SDMX-like source renames its dimensions, then completes and validates: nothing else."""
    sdmx = pl.DataFrame(
        {
            "REF_AREA": ["CN", "CN"],
            "TRADE_FLOW": ["X", "M"],
            "TIME_PERIOD": ["2023-Q2", "2023-13"],
            "OBS_VALUE": [1.5e9, 2.0e9],
        }
    )
    mapped = nw.from_native(sdmx).select(
        nw.col("REF_AREA").alias("reporter"),
        nw.col("TRADE_FLOW").replace_strict({"X": "exports", "M": "imports"}).alias("flow"),
        nw.col("TIME_PERIOD").alias("period"),
        nw.col("OBS_VALUE").alias("value"),
    )
    full = _schema.complete(mapped, mapped.columns, "the SDMX message", "USD")

    def observation(row: int) -> str:
        return f"the SDMX message, observation {row + 1}"

    with pytest.raises(ParseError, match="observation 2, column 'period': cannot read '2023-13'"):
        _schema.validated(full, observation)
    good = _schema.validated(full.head(1), observation)
    expected = [("CN", "World", "exports", "TOTAL", "2023-Q2", 1.5e9, "USD")]
    assert expected == good.rows()
