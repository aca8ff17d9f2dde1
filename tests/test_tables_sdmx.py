"""The SDMX loader: every specimen, both UNIT_MULT rules, periods, errors, and round trips."""

from __future__ import annotations

import decimal
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("narwhals")
pytest.importorskip("sdmx")
import narwhals as nw
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import tradestats as ts
from tradestats.errors import InvalidValueError, ParseError, UnknownUnitError
from tradestats.tables import (
    ECB_TRD,
    EUROSTAT_COMEXT,
    SDMX_MAPPINGS,
    SdmxMapping,
    read_comtrade_csv,
    read_sdmx,
)
from tradestats.tables._schema import PUBLISHED_COLUMNS, TIDY_COLUMNS
from tradestats.tables._sdmx_time import sdmx_period

from .sdmx_writers import Series, write_csv, write_generic_ml, write_json

if TYPE_CHECKING:
    from collections.abc import Callable

DATA = Path(__file__).resolve().parent / "data" / "sdmx"
ECB = DATA / "ecb_trd_generic.xml"
ECB_STRUCTURE = DATA / "ecb_trd_structure.xml"
EUROSTAT_XML = DATA / "eurostat_comext.xml"
EUROSTAT_STRUCTURE = DATA / "eurostat_comext_structure.xml"
EUROSTAT_CSV = DATA / "eurostat_comext.csv"
IMF = DATA / "imf_imts.json"
OECD = DATA / "oecd_btige.json"
SHOWN = ("reporter", "partner", "flow", "product", "period", "exact_value", "precision", "scale")


def rows(native: Any, *names: str) -> list[tuple[Any, ...]]:
    """The rows of a frame, in the columns named."""
    frame = nw.from_native(native, eager_only=True)
    return [tuple(row) for row in frame.select(*names).rows()]


# -- the specimens ------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["polars", "pandas", "pyarrow"])
def test_the_ecb_generic_message_loads_with_unit_mult_applied(engine: str) -> None:
    """ECB TRD: millions of euros with UNIT_MULT 6 and DECIMALS 3 become exact euros ±500."""
    frame = read_sdmx(ECB, engine=engine)
    table = nw.from_native(frame, eager_only=True)
    assert [*TIDY_COLUMNS, *PUBLISHED_COLUMNS, "status_code", "series_key"] == table.columns
    first = rows(frame, *SHOWN, "status", "currency", "series_key")[0]
    expected = (
        "I9",
        "World",
        "exports",
        "TOTAL",
        "2023-01",
        "198765432000",
        "500",
        6,
        "final",
        "EUR",
        "M.I9.N.X.TTT.W1.4.VAL",
    )
    assert expected == first
    periods = rows(frame, "period", "status")
    assert ("2024-01", "provisional") in periods
    assert ("2023-Q1", "final") in periods
    assert ("2023", "final") in periods
    assert ("2024-01", "estimated") in periods  # the CN series
    expected_value = [1.98765432e11]
    assert expected_value == [v for (v,) in rows(frame, "value")][:1]


def test_the_ecb_message_reads_the_same_with_its_structure() -> None:
    """A generic message needs no structure; given one, the frame is the same."""
    with_structure = read_sdmx(ECB, structure=ECB_STRUCTURE, engine="polars")
    assert read_sdmx(ECB, engine="polars").equals(with_structure)


def test_unit_mult_as_a_display_hint_keeps_the_values() -> None:
    """The same message read with the display rule: values as written, scale still 6."""
    shown = read_sdmx(ECB, evolve(ECB_TRD, unit_mult_rule="display"), engine="polars")
    expected = ("I9", "World", "exports", "TOTAL", "2023-01", "198765.432", "0.0005", 6)
    assert expected == rows(shown, *SHOWN)[0]


def test_eurostat_structure_specific_and_csv_give_the_same_frame() -> None:
    """Comext DS-045409 as SS-ML (with its structure) and as SDMX-CSV: same rows, quantities out."""
    xml = read_sdmx(EUROSTAT_XML, structure=EUROSTAT_STRUCTURE, engine="polars")
    csv = read_sdmx(EUROSTAT_CSV, engine="polars")
    names = (*SHOWN, "status", "status_code", "currency")
    assert rows(xml, *names) == rows(csv, *names)[: len(rows(xml, *names))]
    first = ("DE", "CN", "exports", "8703", "2023-01", "1523456789", None, None, None, None, "EUR")
    assert first == rows(xml, *names)[0]
    assert ("FR", "World", "exports", "TOTAL", "2023", "594123456789") in rows(xml, *SHOWN[:6])
    assert ("estimated", "e") in rows(xml, "status", "status_code")
    missing = rows(csv, "reporter", "value", "exact_value", "status", "status_code")[-1]
    expected = ("IT", None, None, None, "c")
    assert expected == missing  # confidential: no value, no core status
    assert "QUANTITY_IN_100KG" not in "".join(str(row) for row in rows(csv, "series_key"))


def test_the_imf_json_message_keeps_valuation_and_exact_digits() -> None:
    """IMF IMTS: indicator codes give flow and valuation; 305950.0 million is exact."""
    frame = read_sdmx(IMF, engine="polars")
    table = rows(frame, "partner", "flow", "valuation", "period", "exact_value", "precision")
    expected = ("World", "exports", "fob", "2023-01", "305950000000", "50000")
    assert expected == table[0]
    assert ("World", "imports", "cif", "2023-02", "180200000000", "50000") in table
    assert ("World", "balance", None, "2023", "823223400000", "50000") in table
    assert ("US", "exports", "fob", "2024-01", "40120000000", "50000") in table


def test_the_oecd_json_message_reads_text_values_and_missing_ones() -> None:
    """OECD (SDMX-JSON 2.0 layout): products, World code W, a missing value kept as null."""
    frame = read_sdmx(OECD, engine="polars")
    table = rows(frame, *SHOWN[:6], "status", "status_code")
    expected = ("DEU", "World", "exports", "TOTAL", "2022", "12345678000", "final", "A")
    assert expected == table[0]
    assert ("DEU", "World", "exports", "8703", "2023", "2410000000", "estimated", "E") in table
    missing = ("DEU", "CHN", "exports", "TOTAL", "2023", None, None, "M")
    assert missing == table[-1]


def test_a_parsed_json_message_and_an_sdmx1_message_are_read_too() -> None:
    """A dict (response.json()) and an sdmx1 DataMessage give the frame the file gives."""
    import sdmx

    tree = json.loads(IMF.read_text(), parse_float=str)
    assert read_sdmx(IMF, engine="polars").equals(read_sdmx(tree, engine="polars"))
    with ECB.open("rb") as stream:
        message = sdmx.read_sdmx(stream, format="XML")
    assert read_sdmx(ECB, engine="polars").equals(read_sdmx(message, "ECB_TRD", engine="polars"))


def test_rows_become_reported_figures_checked_within_their_rounding() -> None:
    """exact_value and precision make a Reported figure whose interval holds the true value."""
    row = nw.from_native(read_sdmx(ECB, engine="polars"), eager_only=True).rows(named=True)[0]
    figure = ts.Reported(ts.money(f"{row['exact_value']} {row['currency']}"), row["precision"])
    assert Decimal(500) == figure.precision
    assert Decimal("198765432000") == figure.value.magnitude


def test_comtrade_and_sdmx_come_to_one_tidy_frame() -> None:
    """The same Chinese flows from Comtrade (CHN, USD) and the IMF (CN, millions): one frame."""
    comtrade = nw.from_native(read_comtrade_csv(DATA / "comtrade_chn.csv", engine="polars"))
    imf = nw.from_native(read_sdmx(IMF, engine="polars"), eager_only=True)
    imf = imf.filter(nw.col("partner") == "World", nw.col("flow") != "balance")
    imf = imf.with_columns(nw.col("reporter").replace_strict({"CN": "CHN"}))
    keys = ["reporter", "partner", "flow", "product", "period", "currency"]
    both = comtrade.select(*keys, "value").join(imf.select(*keys, "value"), on=keys, suffix="_imf")
    gaps = both.with_columns((nw.col("value") - nw.col("value_imf")).alias("gap")).sort(
        "flow", "period"
    )
    expected = [
        ("exports", "2023-01", 184512.0),
        ("exports", "2023-02", -38761.0),
        ("exports", "2024-01", 1737820.0),
        ("imports", "2023-01", -25589.0),
        ("imports", "2023-02", -37993.0),
        ("imports", "2024-01", 111906554.0),
    ]
    assert expected == [tuple(row) for row in gaps.select("flow", "period", "gap").rows()]


# -- periods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", "2023"),
        ("2023-A1", "2023"),
        ("2023-S1", "2023-H1"),
        ("2023-Q3", "2023-Q3"),
        ("2023Q3", "2023-Q3"),
        ("2023-07", "2023-07"),
        ("2023-M07", "2023-07"),
        ("2023M07", "2023-07"),
        ("2023-M01/2023-M07", "2023-01/2023-07"),
        ("2023-01/2023-07", "2023-01/2023-07"),
        ("2023-01-01/P7M", "2023-01/2023-07"),
        ("2022-07-01/P1Y", "2022-07/2023-06"),
    ],
)
def test_sdmx_periods_of_every_frequency(text: str, expected: str) -> None:
    """A, S, Q, M, their compact forms and time ranges all become core periods."""
    assert expected == sdmx_period(text)


@pytest.mark.parametrize(
    "text", ["2023-W01", "2023-01-15", "2023-Q5", "2023-13", "2023-M07/2023-M01", "July 2023"]
)
def test_periods_finer_than_a_month_or_impossible_are_refused(text: str) -> None:
    """Weeks, days, a fifth quarter, a thirteenth month, a backward range: ParseError."""
    with pytest.raises(ParseError, match="cannot read"):
        sdmx_period(text)


def test_a_year_to_date_flag_makes_a_month_cumulative(tmp_path: Path) -> None:
    """A mapping's year_to_date component marks January-to-month figures."""
    path = tmp_path / "ytd.csv"
    path.write_text(
        "DATAFLOW,REF_AREA,FLOW,CUMULATED,TIME_PERIOD,OBS_VALUE,UNIT\n"
        "X:TEST(1.0),CN,X,Y,2023-07,1.5,CNY\n"
        "X:TEST(1.0),CN,X,N,2023-07,0.2,CNY\n"
    )
    mapping = SdmxMapping(
        name="TEST",
        dataflows={"TEST"},
        reporter="REF_AREA",
        flow="FLOW",
        flows={"X": "exports"},
        unit="UNIT",
        year_to_date="CUMULATED",
        year_to_date_codes={"Y"},
    )
    expected = [("2023-01/2023-07",), ("2023-07",)]
    assert expected == rows(read_sdmx(path, mapping), "period")


# -- errors -------------------------------------------------------------------------------------


def edited(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    """A copy of a specimen with one piece of text changed."""
    path = tmp_path / source.name
    text = source.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize(
    ("old", "new", "error", "words"),
    [
        (
            'id="TRD_FLOW" value="X"',
            'id="TRD_FLOW" value="Z"',
            InvalidValueError,
            "series M.I9.N.Z.TTT.W1.4.VAL, TRD_FLOW 'Z': expected a flow code",
        ),
        (
            'value="A"/>',
            'value="Q9"/>',
            InvalidValueError,
            "series M.I9.N.X.TTT.W1.4.VAL, OBS_STATUS 'Q9': expected a status code",
        ),
        (
            'id="UNIT" value="EUR"',
            'id="UNIT" value="PURE_NUMB"',
            UnknownUnitError,
            "series M.I9.N.X.TTT.W1.4.VAL, UNIT 'PURE_NUMB': expected an ISO 4217",
        ),
        (
            'id="UNIT_MULT" value="6"',
            'id="UNIT_MULT" value="six"',
            ParseError,
            "UNIT_MULT 'six': expected a whole number",
        ),
        (
            'ObsValue value="198765.432"',
            'ObsValue value="1,98"',
            InvalidValueError,
            "OBS_VALUE '1,98': expected a finite number",
        ),
        (
            'ObsDimension value="2023-01"',
            'ObsDimension value="2023-W01"',
            ParseError,
            "TIME_PERIOD '2023-W01': cannot read",
        ),
    ],
)
def test_errors_name_the_file_series_and_attribute(
    tmp_path: Path, old: str, new: str, error: type[Exception], words: str
) -> None:
    """Each bad code or value is refused with the file, the series key and the component."""
    path = edited(tmp_path, ECB, old, new)
    with pytest.raises(error, match=f"^{path}, ") as raised:
        read_sdmx(path)
    assert words in str(raised.value)


def test_a_component_the_mapping_needs_is_named(tmp_path: Path) -> None:
    """A message without the mapping's reporter dimension: the file, the mapping, the component."""
    path = edited(tmp_path, EUROSTAT_CSV, ",reporter,", ",declarant,")
    with pytest.raises(ParseError, match="reads component 'reporter'"):
        read_sdmx(path)


def test_structure_specific_data_reads_the_same_without_its_structure() -> None:
    """sdmx1 infers the layout of SS-ML from its attributes; the structure changes nothing here."""
    without = read_sdmx(EUROSTAT_XML, engine="polars")
    assert without.equals(read_sdmx(EUROSTAT_XML, structure=EUROSTAT_STRUCTURE, engine="polars"))


def test_a_structure_file_with_no_data_structure_is_refused(tmp_path: Path) -> None:
    """structure= must hold exactly one data structure."""
    path = edited(tmp_path, ECB_STRUCTURE, "<structure:DataStructures>", "<structure:X>")
    path.write_text(path.read_text().replace("</structure:DataStructures>", "</structure:X>"))
    with pytest.raises(ParseError, match=r"sdmx1 cannot read|expected one data structure"):
        read_sdmx(ECB, structure=path)


@pytest.mark.parametrize(
    ("source", "mapping", "words"),
    [
        (ECB, "ECB", "unknown SDMX mapping 'ECB'"),
        (OECD, None, None),
    ],
)
def test_mappings_by_name_and_by_dataflow(
    source: Path, mapping: str | None, words: str | None
) -> None:
    """A name must be a built-in mapping's; without one, the dataflow picks it."""
    if words is None:
        assert read_sdmx(source, mapping) is not None
        return
    with pytest.raises(InvalidValueError, match=words):
        read_sdmx(source, mapping)


def test_an_unknown_dataflow_asks_for_a_mapping(tmp_path: Path) -> None:
    """No built-in mapping for the dataflow: the message lists the built-in ones."""
    path = edited(tmp_path, IMF, "Dataflow=IMF:IMTS(1.0)", "Dataflow=IMF:BOP(1.0)")
    with pytest.raises(InvalidValueError, match="no built-in mapping for dataflow 'BOP'"):
        read_sdmx(path)


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("bad.json", '{"header": {}}', "not an SDMX-JSON data message"),
        ("bad2.json", "{", "not JSON"),
        ("bad.csv", "DATAFLOW,FREQ,OBS_VALUE\n", "no column 'TIME_PERIOD'"),
        ("bad2.csv", "", "the file is empty"),
        ("bad3.csv", "DATAFLOW,TIME_PERIOD,OBS_VALUE\nX,2023\n", "line 2: 2 fields"),
        ("bad.xml", "<message:GenericData", "sdmx1 cannot read"),
    ],
)
def test_files_that_are_not_sdmx_are_refused(
    tmp_path: Path, name: str, text: str, words: str
) -> None:
    """Broken JSON, CSV and XML: a ParseError naming the file, never a foreign exception."""
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ParseError, match=words):
        read_sdmx(path, "ECB_TRD")


_IMF_SERIES = '"0:0:0:0": {\n          "attributes": [0, 0]'
_IMF_FIRST = '"0": [305950.0, 0]'


@pytest.mark.parametrize(
    ("source", "old", "new", "words"),
    [
        # Found by the long fuzz run: an attribute index written as a decimal.
        (IMF, _IMF_SERIES, _IMF_SERIES.replace("[0, 0]", "[0.000, 0]"), "attribute 'UNIT_MULT'"),
        # 5,000 digits: Python's int() refuses more than 4,300 of them.
        (OECD, '"attributes": [\n       0', '"attributes": [\n       ' + "9" * 5000, "not JSON"),
        (IMF, _IMF_SERIES, _IMF_SERIES.replace("[0, 0]", "[-1, 0]"), "attribute 'UNIT_MULT'"),
        (IMF, _IMF_SERIES, _IMF_SERIES.replace("[0, 0]", "[7, 0]"), "from 0 to 0"),
        (IMF, _IMF_SERIES, _IMF_SERIES.replace("[0, 0]", "[true, 0]"), "attribute 'UNIT_MULT'"),
        (IMF, _IMF_SERIES, _IMF_SERIES.replace("[0, 0]", '{"a": 0}'), "expected a list"),
        (IMF, '"0:0:0:0": {', '"0:0:0:-0": {', "series key '0:0:0:-0'"),
        (IMF, '"0:0:0:0": {', '"0:0:0:\uff10": {', "series key '0:0:0:\uff10'"),
        (IMF, '{"id": "FREQ", ', '{"ident": "FREQ", ', "the id of a series dimension"),
        (IMF, '"values": [{"id": "M"', '"values": [7, {"id": "M"', "a value of 'FREQ'"),
        (IMF, _IMF_FIRST, '"0": {"v": 1}', "observation '0' of series '0:0:0:0'"),
        (IMF, _IMF_FIRST, '"0": [[305950.0], 0]', "the value of observation '0'"),
        (IMF, '"dimensions": {', '"dimensions": {"dataSet": 3, ', "the dataSet dimensions"),
        (IMF, '"id": "6"', '"id": "6000"', "from -1000 to 1000"),
        (IMF, '"id": "6"', '"id": "\uff16"', "UNIT_MULT '\uff16'"),
        (IMF, _IMF_FIRST, '"0": [1e999999999, 0]', "OBS_VALUE '1e999999999'"),
        (IMF, _IMF_FIRST, '"0": [9.99e999, 0]', "the value in whole units is out of range"),
        (IMF, _IMF_FIRST, '"0": ["' + "1" * 29 + '", 0]', "28 significant digits"),
    ],
)
def test_hostile_sdmx_json_is_refused_naming_where(
    tmp_path: Path, source: Path, old: str, new: str, words: str
) -> None:
    """A message of the wrong shape: a ParseError or InvalidValueError naming the file and where.

    Each case was a foreign exception (KeyError, ValueError, AttributeError), a
    silent wrong code (a negative index reads from the end) or a value beyond the
    limits before.
    """
    path = edited(tmp_path, source, old, new)
    with pytest.raises(ts.TradeStatsError, match=f"^{path}[:,] ") as raised:
        read_sdmx(path)
    assert isinstance(raised.value, ParseError | InvalidValueError)
    assert words in str(raised.value)


def test_a_hostile_parsed_json_message_is_refused() -> None:
    """A message passed as a dict may hold what JSON cannot: ints past 4,300 digits, tuples."""
    message = json.loads(IMF.read_text())
    message["dataSets"][0]["series"]["0:0:0:0"]["observations"]["0"] = [10**5000, 0]
    with pytest.raises(ParseError, match="the value of observation '0'"):
        read_sdmx(message)
    message["dataSets"][0]["series"] = {("0", "0"): {}}
    with pytest.raises(ParseError, match="a series key"):
        read_sdmx(message)


def test_the_caller_s_decimal_context_does_not_change_the_values() -> None:
    """read_sdmx computes in the library's context: a tiny caller Emax or precision is no matter."""
    expected = rows(read_sdmx(OECD, engine="polars"), "exact_value", "precision")
    with decimal.localcontext() as context:
        context.prec, context.Emax = 3, 5
        assert expected == rows(read_sdmx(OECD, engine="polars"), "exact_value", "precision")


def test_a_flow_code_mapped_to_no_flow_is_refused() -> None:
    """A mapping's flows must name tradestats flows."""
    with pytest.raises(InvalidValueError, match="flow code 'X' maps to 'export'"):
        evolve(ECB_TRD, flows={"X": "export"})


def test_without_sdmx1_sdmx_ml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """SDMX-ML needs sdmx1; the error says which extra to install."""
    monkeypatch.setitem(sys.modules, "sdmx", None)
    with pytest.raises(ImportError, match=r"pip install \"tradestats\[sdmx\]\""):
        read_sdmx(ECB)


def test_importing_tradestats_does_not_import_sdmx1() -> None:
    """The loader imports sdmx1 only when it reads SDMX-ML."""
    code = "import sys, tradestats, tradestats.tables; print('sdmx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    expected = "False"
    assert expected == done.stdout.strip()


def test_every_built_in_mapping_names_its_rule() -> None:
    """Four agencies; Eurostat's multiplier is a display hint, the others apply it."""
    rules = {name: mapping.unit_mult_rule for name, mapping in SDMX_MAPPINGS.items()}
    expected = {
        "EUROSTAT_COMEXT": "display",
        "ECB_TRD": "apply",
        "IMF_IMTS": "apply",
        "OECD_ITCS": "apply",
    }
    assert expected == rules
    assert EUROSTAT_COMEXT.status == "OBS_FLAG"


# -- round trips --------------------------------------------------------------------------------

STATUSES = {"A": "final", "P": "provisional", "E": "estimated", "B": "break", "F": "forecast"}
PERIODS = ("2022", "2023", "2023-Q1", "2023-S2", "2023-01", "2023-M02", "2024-12")
WRITERS: dict[str, tuple[str, Callable[[Path, str, list[Series]], None]]] = {
    "ml": ("message.xml", write_generic_ml),
    "json": ("message.json", write_json),
    "csv": ("message.csv", write_csv),
}


@st.composite
def messages(draw: st.DrawFn) -> tuple[str, list[Series], list[tuple[Any, ...]]]:
    """Random series with random UNIT_MULT, DECIMALS and statuses, and the rows they mean."""
    rule = draw(st.sampled_from(["apply", "display"]))
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["DE", "FR", "CN"]),
                st.sampled_from(["W1", "US"]),
                st.sampled_from("XM"),
            ),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    series, expected = [], []
    for reporter, partner, flow in keys:
        multiplier = draw(st.integers(0, 9))
        decimals = draw(st.integers(0, 4))
        periods = draw(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=3, unique=True))
        observations = []
        for period in periods:
            digits = draw(st.one_of(st.none(), st.integers(-(10**12), 10**12)))
            status = draw(st.one_of(st.none(), st.sampled_from(sorted(STATUSES))))
            text = None if digits is None else str(Decimal(digits).scaleb(-decimals))
            observations.append((period, text, status))
            power = multiplier if rule == "apply" else 0
            exact = None if text is None else Decimal(text).scaleb(power)
            expected.append(
                (
                    reporter,
                    "World" if partner == "W1" else partner,
                    {"X": "exports", "M": "imports"}[flow],
                    sdmx_period(period),
                    exact,
                    Decimal(5).scaleb(power - decimals - 1),
                    multiplier,
                    None if status is None else STATUSES[status],
                )
            )
        key = {"FREQ": "M", "REF_AREA": reporter, "COUNTERPART": partner, "FLOW": flow}
        attributes = {"UNIT": "USD", "UNIT_MULT": str(multiplier), "DECIMALS": str(decimals)}
        series.append(Series(key, attributes, observations))
    return rule, series, expected


ROUND_TRIP = SdmxMapping(
    name="ROUND_TRIP",
    dataflows={"RT"},
    reporter="REF_AREA",
    partner="COUNTERPART",
    flow="FLOW",
    flows={"X": "exports", "M": "imports"},
    unit="UNIT",
)


@pytest.mark.parametrize("kind", sorted(WRITERS))
@given(message=messages())
def test_written_messages_read_back_equal(
    tmp_path_factory: pytest.TempPathFactory, kind: str, message: Any
) -> None:
    """Any tidy rows written as SDMX-ML, SDMX-JSON or SDMX-CSV read back exactly.

    Values are compared as exact decimals, with the precision DECIMALS gives and
    the scale UNIT_MULT gives, under either UNIT_MULT rule.
    """
    rule, series, expected = message
    name, write = WRITERS[kind]
    path = tmp_path_factory.mktemp(kind) / name
    write(path, "RT", series)
    frame = read_sdmx(path, evolve(ROUND_TRIP, unit_mult_rule=rule), engine="polars")
    names = ("reporter", "partner", "flow", "period", "exact_value", "precision", "scale", "status")
    got = [
        (*row[:4], None if row[4] is None else Decimal(row[4]), Decimal(row[5]), *row[6:])
        for row in rows(frame, *names)
    ]
    assert expected == got
    values = [v for (v,) in rows(frame, "value")]
    assert [None if row[4] is None else float(row[4]) for row in expected] == values


_DIGITS = st.text("0123456789", min_size=1, max_size=32)


@st.composite
def _value_texts(draw: st.DrawFn) -> str:
    """Plain decimals of up to 64 digits (leading zeros, '-0' too), and some that are not."""
    whole = draw(_DIGITS)
    text = whole if draw(st.booleans()) else f"{whole}.{draw(_DIGITS)}"
    if draw(st.booleans()):
        text = f"-{text}"
    return draw(st.sampled_from([text, text, f"+{text}", f" {text}", f"{text}e3", "NaN", ""]))


@given(text=_value_texts(), power=st.integers(-1100, 1100))
def test_the_fast_value_reader_agrees_with_the_general_one(text: str, power: int) -> None:
    """A value read without the general parser is the one it reads, and within its limits."""
    from tradestats._numbers import check_limits, in_context, to_decimal
    from tradestats.tables.sdmx import _fast_value

    @in_context
    def both() -> tuple[Decimal | None, Decimal | str]:
        fast = _fast_value(text, power)
        try:
            general: Decimal | str = check_limits(to_decimal(text).scaleb(power))
        except ts.TradeStatsError as error:
            general = type(error).__name__
        return fast, general

    fast, general = both()
    if fast is not None:
        assert isinstance(general, Decimal)
        assert str(fast) == str(general)
    digits = len(text.lstrip("-").replace(".", ""))
    if text.lstrip("-").replace(".", "", 1).isdigit() and digits <= 28 and abs(power) <= 900:
        assert fast is not None, "a plain decimal within the limits takes the fast way"
