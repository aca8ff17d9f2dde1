"""Loaders of UN Comtrade data (API JSON, CSV and bulk files) and of the tidy CSV format."""

from __future__ import annotations

import csv
import gzip
import json
import math
import shutil
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("narwhals")
import narwhals as nw

from tradestats.errors import InvalidValueError, ParseError, UnknownUnitError
from tradestats.tables.comtrade import (
    COMTRADE_FLOWS,
    read_comtrade_csv,
    read_comtrade_json,
    tidy_comtrade,
)
from tradestats.tables.tidy import TIDY_COLUMNS, read_tidy_csv, write_tidy_csv

DATA = Path(__file__).resolve().parent / "data"
ANNUAL_JSON = DATA / "comtrade" / "annual_api.json"
MONTHLY_BULK = DATA / "comtrade" / "monthly_bulk.txt"
CAPITALISED = DATA / "comtrade" / "annual_capitalised.csv"
GOOD_TIDY = DATA / "tidy" / "good.csv"
TIDY = ("reporter", "partner", "flow", "product", "period", "value", "currency")
ENGINES = ("polars", "pandas", "pyarrow")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each eager engine that is installed."""
    name: str = request.param
    pytest.importorskip(name)
    return name


def rows(frame: Any, columns: tuple[str, ...] | None = None) -> list[tuple[Any, ...]]:
    """The rows of any frame as tuples, with pandas' NaN nulls shown as None."""
    table = nw.from_native(frame, eager_only=True)
    if columns is not None:
        table = table.select(*columns)
    return [
        tuple(None if isinstance(item, float) and math.isnan(item) else item for item in row)
        for row in table.rows()
    ]


def columns(frame: Any) -> list[str]:
    """The column names of any frame."""
    return list(nw.from_native(frame).columns)


def write(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` and return the path."""
    path.write_text(text, encoding="utf-8")
    return path


# -- Comtrade: API JSON -------------------------------------------------------------------


def test_annual_json_gives_the_tidy_columns_and_the_extras(engine: str) -> None:
    """Every record becomes a row; codes are recoded, the extras are kept after the tidy columns."""
    frame = read_comtrade_json(ANNUAL_JSON, engine=engine)
    expected_columns = [
        *TIDY,
        "cif_value",
        "fob_value",
        "net_weight_kg",
        "qty",
        "qty_unit",
        "reporter_code",
        "partner_code",
        "flow_code",
        "cmd_code",
    ]
    assert expected_columns == columns(frame)
    table = rows(frame, TIDY)
    expected = 32
    assert expected == len(table)
    assert ("CHN", "World", "exports", "TOTAL", "2023", 3379255371489.1, "USD") in table
    assert ("CHN", "KAZ", "imports", "8703", "2022", 1322451.0, "USD") in table
    assert {"2022", "2023"} == {row[4] for row in table}


def test_extras_keep_the_original_codes_and_measures(engine: str) -> None:
    """cif/fob values, net weight in kg, quantity and the original codes come along."""
    frame = read_comtrade_json(ANNUAL_JSON, engine=engine)
    kept = (
        "partner",
        "flow",
        "product",
        "period",
        "cif_value",
        "fob_value",
        "net_weight_kg",
        "qty_unit",
        "reporter_code",
        "partner_code",
        "flow_code",
        "cmd_code",
    )
    table = rows(frame, kept)
    export = next(row for row in table if row[:4] == ("World", "exports", "TOTAL", "2023"))
    expected_export = (None, 3379255371489.1, None, "N/A", 156, 0, "X", "TOTAL")
    assert expected_export == export[4:]
    cars = next(row for row in table if row[:4] == ("USA", "imports", "8703", "2023"))
    expected_cars = (8096553219.0, 7785147325.96, 376583871.0, "u", 156, 842, "M", "8703")
    assert expected_cars == cars[4:]


@pytest.mark.parametrize(
    ("value", "expected_export", "expected_import"),
    [
        ("primaryValue", 3379255371489.1, 2556791463318.0),
        ("cifvalue", None, 2556791463318.0),
        ("CIFValue", None, 2556791463318.0),
        ("fobvalue", 3379255371489.1, 2458453330113.46),
    ],
)
def test_the_value_column_can_be_chosen(
    value: str, expected_export: float | None, expected_import: float
) -> None:
    """value= picks primaryValue, cifvalue or fobvalue (in any case); a null stays null."""
    frame = read_comtrade_json(ANNUAL_JSON, engine="polars", value=value)
    table = rows(frame, ("partner", "flow", "product", "period", "value"))
    assert (expected_export, expected_import) == (
        next(row[4] for row in table if row[:4] == ("World", "exports", "TOTAL", "2023")),
        next(row[4] for row in table if row[:4] == ("World", "imports", "TOTAL", "2023")),
    )


def test_a_parsed_response_reads_like_the_file(engine: str) -> None:
    """The mapping that response.json() gives reads the same as the saved file."""
    response = json.loads(ANNUAL_JSON.read_text(encoding="utf-8"))
    assert rows(read_comtrade_json(ANNUAL_JSON, engine=engine)) == rows(
        read_comtrade_json(response, engine=engine)
    )


def test_json_keys_match_in_any_letter_case() -> None:
    """Records whose keys are capitalised, even differently from record to record, are read."""
    response = json.loads(ANNUAL_JSON.read_text(encoding="utf-8"))
    first = response["data"][0]
    response["data"][0] = {key[0].upper() + key[1:]: item for key, item in first.items()}
    response["data"][1] = {key.lower(): item for key, item in response["data"][1].items()}
    assert rows(read_comtrade_json(ANNUAL_JSON, engine="polars")) == rows(
        read_comtrade_json(response, engine="polars")
    )


def test_an_empty_response_gives_an_empty_tidy_frame(engine: str) -> None:
    """No records: no rows, but the tidy columns."""
    frame = read_comtrade_json({"count": 0, "data": [], "error": ""}, engine=engine)
    assert not rows(frame)
    assert set(TIDY) <= set(columns(frame))


@pytest.mark.parametrize(
    ("response", "fragment"),
    [
        ([], "expected a JSON object with a 'data' list, got list"),
        ({"count": 0}, "expected a 'data' list of records, got NoneType"),
        ({"data": [1, 2]}, "expected a 'data' list of records, got list"),
        ({"data": [], "error": "rate limit exceeded"}, "answered with an error: rate limit"),
    ],
)
def test_malformed_responses_are_refused(response: object, fragment: str) -> None:
    """An API error, or a response without a data list, raises a ParseError saying so."""
    with pytest.raises(ParseError, match=fragment):
        read_comtrade_json(response, engine="polars")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "bad", "fragment"),
    [
        ("primaryValue", "12.5", "field 'primaryValue' holds '12.5': expected a number or null"),
        ("refMonth", 7.5, "field 'refMonth' holds 7.5: expected a whole number or null"),
        ("cmdCode", 101, "keeps its leading zeros"),
        ("partnerCode", True, "field 'partnerCode' holds True"),
    ],
)
def test_a_field_of_the_wrong_type_is_named_with_its_record(
    field: str, bad: object, fragment: str
) -> None:
    """The error names the record (data[3]) and the field, and says what was expected."""
    response = json.loads(ANNUAL_JSON.read_text(encoding="utf-8"))
    response["data"][3][field] = bad
    with pytest.raises(ParseError, match=r"the Comtrade response, data\[3\]: ") as caught:
        read_comtrade_json(response, engine="polars")
    assert fragment in str(caught.value)


@pytest.mark.parametrize("field", ["period", "reporterISO", "flowCode", "cmdCode"])
def test_a_lone_surrogate_in_a_text_field_is_refused(
    field: str, engine: str, tmp_path: Path
) -> None:
    """JSON may escape a lone surrogate ("\\ud800"): a ParseError naming record, field and place.

    Found by the fuzzer: the engines' own UnicodeEncodeError escaped.
    """
    response = json.loads(ANNUAL_JSON.read_text(encoding="utf-8"))
    response["data"][3][field] = "CH\ud800N"
    path = write(tmp_path / "surrogate.json", json.dumps(response))
    for source in (response, path):
        with pytest.raises(ParseError, match=r"data\[3\]: field ") as caught:
            read_comtrade_json(source, engine=engine)
        assert f"field {field!r} holds 'CH\\ud800N', with a lone surrogate" in str(caught.value)
        assert "at position 2: expected Unicode text" in str(caught.value)
        assert caught.value.details["position"] == 2


@pytest.mark.parametrize(
    ("field", "bad", "expected"),
    [
        ("reporterCode", 15611111111111111111111111111111, "a whole number within 64 bits"),
        ("reporterCode", -(2**63) - 1, "a whole number within 64 bits"),
        ("primaryValue", 10**400, "a number a float can hold"),
    ],
)
def test_a_number_too_large_for_its_column_is_refused(
    field: str, bad: int, expected: str, engine: str
) -> None:
    """A whole number past 64 bits, or past what a float holds: a ParseError naming the field.

    Found by the fuzzer: polars' own TypeError ("found value of type Int128") escaped.
    """
    response = json.loads(ANNUAL_JSON.read_text(encoding="utf-8"))
    response["data"][3][field] = bad
    with pytest.raises(ParseError, match=rf"data\[3\]: field {field!r} holds .*{expected}"):
        read_comtrade_json(response, engine=engine)


def test_a_json_file_that_is_not_json_is_named(tmp_path: Path) -> None:
    """Broken JSON raises a ParseError naming the file."""
    path = write(tmp_path / "broken.json", '{"data": [')
    with pytest.raises(ParseError, match=r"broken\.json: not JSON"):
        read_comtrade_json(path, engine="polars")


# -- Comtrade: CSV and bulk files ---------------------------------------------------------


def test_monthly_bulk_file_is_tab_separated_and_monthly(engine: str) -> None:
    """A tab-separated bulk file reads; refMonth 1-12 gives monthly periods."""
    frame = read_comtrade_csv(MONTHLY_BULK, engine=engine)
    table = rows(frame, TIDY)
    expected = 32
    assert expected == len(table)
    assert {"2022-06", "2022-07", "2023-06", "2023-07"} == {row[4] for row in table}
    assert ("CHN", "KAZ", "exports", "8703", "2023-07", 344913850.3, "USD") in table


def test_capitalised_columns_and_numeric_codes(engine: str) -> None:
    """Capitalised names match; without ISO columns the numeric codes stand in, 0 is World."""
    frame = read_comtrade_csv(CAPITALISED, engine=engine)
    table = rows(frame, TIDY)
    expected = ("398", "World", "exports", "TOTAL", "2022", 84394000000.5, "USD")
    assert expected == table[0]
    expected = ("398", "156", "imports", "TOTAL", "2023", 13922000000.0, "USD")
    assert expected == table[7]
    expected = ("398", "World", "re-exports", "TOTAL", "2023", 655500000.0, "USD")
    assert expected == table[9]
    assert "qty_unit" not in columns(frame)


def test_csv_and_json_of_the_same_records_agree(tmp_path: Path, engine: str) -> None:
    """The API's records written as CSV read back to the same tidy frame as the JSON."""
    records = json.loads(ANNUAL_JSON.read_text(encoding="utf-8"))["data"]
    path = tmp_path / "annual.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    assert rows(read_comtrade_json(ANNUAL_JSON, engine=engine)) == rows(
        read_comtrade_csv(path, engine=engine)
    )


def test_gzipped_bulk_files_are_read(tmp_path: Path) -> None:
    """A name ending in .gz is decompressed."""
    path = tmp_path / "monthly_bulk.txt.gz"
    with MONTHLY_BULK.open("rb") as source, gzip.open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    assert rows(read_comtrade_csv(MONTHLY_BULK, engine="pyarrow")) == rows(
        read_comtrade_csv(path, engine="pyarrow")
    )


def test_a_lazy_scan_gives_the_eager_result() -> None:
    """lazy=True returns a polars LazyFrame that collects to the eager frame."""
    pl = pytest.importorskip("polars")
    lazy = read_comtrade_csv(MONTHLY_BULK, lazy=True)
    assert isinstance(lazy, pl.LazyFrame)
    assert rows(read_comtrade_csv(MONTHLY_BULK, engine="polars")) == rows(lazy.collect())


def test_commodity_codes_keep_their_leading_zeros(tmp_path: Path, engine: str) -> None:
    """cmdCode is read as text: 0101 stays 0101; other flow codes are kept as they are."""
    path = write(
        tmp_path / "horses.csv",
        "refYear,refMonth,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n"
        "2023,52,FRA,DX,W00,0101,123.5\n",
    )
    expected = [("FRA", "World", "DX", "0101", "2023", 123.5, "USD")]
    assert expected == rows(read_comtrade_csv(path, engine=engine), TIDY)


def test_a_period_column_alone_gives_the_period(tmp_path: Path, engine: str) -> None:
    """Without refYear and refMonth, period (2023 or 202307) is read."""
    path = write(
        tmp_path / "periods.csv",
        "period,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
        "2023,156,X,0,TOTAL,1.0\n"
        "202307,156,M,398,TOTAL,2.0\n",
    )
    expected = [("2023",), ("2023-07",)]
    assert expected == rows(read_comtrade_csv(path, engine=engine), ("period",))


@pytest.mark.parametrize(
    ("text", "error", "fragment"),
    [
        (
            "refYear,refMonth,reporterCode,partnerCode,cmdCode,primaryValue\n",
            ParseError,
            "bad.csv: no column 'flowCode' (in any letter case); found 'refYear', ",
        ),
        (
            "refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n",
            ParseError,
            "bad.csv: no 'refYear' and 'refMonth' columns, nor a 'period' column",
        ),
        (
            "refYear,refMonth,flowCode,partnerCode,cmdCode,primaryValue\n",
            ParseError,
            "no column 'reporterISO' or 'reporterCode'",
        ),
        (
            "refYear,RefYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n",
            ParseError,
            "columns 'refYear' and 'RefYear' differ only in letter case",
        ),
        (
            (
                "refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
                "2023,52,156,X,0,TOTAL,1.5\n"
                "2023,13,156,X,0,TOTAL,1.5\n"
            ),
            ParseError,
            "bad.csv, line 3: refYear 2023 and refMonth 13 name no period",
        ),
        (
            (
                "refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
                "2023,52,156,X,0,TOTAL,1.5\n"
                "2023,52,156,X,0,TOTAL,n/a\n"
            ),
            ParseError,
            "bad.csv, line 3, column 'primaryValue': expected a number, got 'n/a'",
        ),
        (
            (
                "refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
                "2023,52,156,X,0,TOTAL,1.5\n"
                "2023,52,156,X,0,TOTAL,inf\n"
            ),
            InvalidValueError,
            "bad.csv, line 3: column 'primaryValue' holds inf: expected a finite number",
        ),
        (
            (
                "refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
                "2023,52,156,X,0,TOTAL,1.5\n"
                "2023,52,,X,0,TOTAL,1.5\n"
            ),
            ParseError,
            "bad.csv, line 3: no reporter: the Comtrade columns it comes from are empty",
        ),
        (
            (
                "period,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
                "2023,156,X,0,TOTAL,1.5\n"
                "2023-07,156,X,0,TOTAL,1.5\n"
            ),
            ParseError,
            "bad.csv, line 3: period '2023-07' is not a year (2023) or a year and month",
        ),
        ("", ParseError, "bad.csv: the file is empty, expected a header line"),
        (
            # Found by the long fuzz run: OverflowError from math.isfinite of a 400-digit int.
            (
                "refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
                "2023,52,156,X,0,TOTAL,1.5\n"
                f"2023,52,{'9' * 400},X,0,TOTAL,1.5\n"
            ),
            InvalidValueError,
            "bad.csv, line 3, column 'reporterCode': expected a whole number within ±9.2E+18",
        ),
        (
            (
                "refYear,refMonth,reporterCode,flowCode,partnerCode,cmdCode,primaryValue\n"
                f"{'9' * 5000},52,156,X,0,TOTAL,1.5\n"
            ),
            ParseError,
            "column 'refYear': expected a whole number, got '99999",
        ),
    ],
)
def test_bad_csv_files_are_named_with_line_and_column(
    tmp_path: Path, engine: str, text: str, error: type[Exception], fragment: str
) -> None:
    """Each error names the file, the line (counting the header as line 1) and the column."""
    path = write(tmp_path / "bad.csv", text)
    with pytest.raises(error) as caught:
        read_comtrade_csv(path, engine=engine)
    assert fragment in str(caught.value)


def test_unknown_engine_and_value_column_are_refused() -> None:
    """An engine or value column outside the documented ones raises InvalidValueError."""
    with pytest.raises(InvalidValueError, match="unknown engine 'spark'"):
        read_comtrade_csv(MONTHLY_BULK, engine="spark")
    with pytest.raises(InvalidValueError, match="unknown value column 'netWgt'"):
        read_comtrade_csv(MONTHLY_BULK, value="netWgt")


def test_tidy_comtrade_recodes_a_frame_of_the_same_kind(engine: str) -> None:
    """A frame of Comtrade records (as comtradeapicall returns) gives the loader's result."""
    records = json.loads(ANNUAL_JSON.read_text(encoding="utf-8"))["data"]
    names = list(records[0])
    data = {name: [record[name] for record in records] for name in names}
    native = nw.from_dict(data, backend=cast("Any", engine)).to_native()
    result = tidy_comtrade(native)
    assert type(native) is type(result)
    assert rows(read_comtrade_json(ANNUAL_JSON, engine=engine)) == rows(result)


def test_tidy_comtrade_on_a_lazy_frame_stays_lazy() -> None:
    """A polars LazyFrame comes back lazy, and collects to the eager result."""
    pl = pytest.importorskip("polars")
    eager = read_comtrade_csv(CAPITALISED, engine="polars")
    raw = pl.scan_csv(CAPITALISED, schema_overrides={"CmdCode": pl.String})
    result = tidy_comtrade(raw)
    assert isinstance(result, pl.LazyFrame)
    assert rows(eager) == rows(result.collect())


def test_every_documented_flow_code_is_a_core_flow() -> None:
    """X, M, RX and RM become values of tradestats.Flow."""
    from tradestats import Flow

    assert {"exports", "imports", "re-exports", "re-imports"} == {
        Flow(name).value for name in COMTRADE_FLOWS.values()
    }


# -- tidy CSV -----------------------------------------------------------------------------


def test_good_tidy_file_reads_in_canonical_form(engine: str) -> None:
    """Periods in any form come out in ISO form; an empty value is null; extras stay text."""
    frame = read_tidy_csv(GOOD_TIDY, engine=engine)
    assert [*TIDY_COLUMNS, "note"] == columns(frame)
    table = rows(frame)
    expected_first = (
        "Xinjiang",
        "World",
        "total",
        "TOTAL",
        "2023-01/2023-07",
        183000000000.0,
        "CNY",
        None,
        "provisional",
        "Urumqi Customs",
        None,
    )
    assert expected_first == table[0]
    expected_missing = ("imports", "2023-Q2", None, "cif")
    assert expected_missing == tuple(table[6][index] for index in (2, 4, 5, 7))
    expected_balance = -1.2e10
    assert expected_balance == table[7][5]


def test_optional_columns_get_their_defaults(tmp_path: Path, engine: str) -> None:
    """Without partner and product columns, World and TOTAL; currency= fills the currency."""
    path = write(tmp_path / "short.csv", "reporter,flow,period,value\nCHN,EXPORTS, 2023 ,1.5\n")
    frame = read_tidy_csv(path, engine=engine, currency="usd")
    expected = [("CHN", "World", "exports", "TOTAL", "2023", 1.5, "USD")]
    assert expected == rows(frame, TIDY)


def test_a_currency_column_and_argument_together_are_refused() -> None:
    """Which one would win is unclear, so both at once is an error."""
    with pytest.raises(InvalidValueError, match="has a 'currency' column and currency='USD'"):
        read_tidy_csv(GOOD_TIDY, currency="USD")


@pytest.mark.parametrize(
    ("name", "error", "fragment"),
    [
        ("bad_flow.csv", InvalidValueError, "bad_flow.csv, line 3, column 'flow': unknown flow"),
        (
            "bad_period.csv",
            ParseError,
            "bad_period.csv, line 3, column 'period': cannot read '2023-13' as a period",
        ),
        (
            "bad_currency.csv",
            UnknownUnitError,
            "bad_currency.csv, line 3, column 'currency': unknown currency 'XYZ'",
        ),
        (
            "bad_value.csv",
            ParseError,
            (
                "bad_value.csv, line 3, column 'value': expected a number such as 1830.5 or "
                "1.83e11, or nothing, got '3,590'"
            ),
        ),
        ("missing_value.csv", ParseError, "missing_value.csv: no column 'value'"),
        (
            "empty_reporter.csv",
            ParseError,
            "empty_reporter.csv, line 3, column 'reporter': empty, expected a reporter",
        ),
    ],
)
def test_bad_tidy_files_name_file_line_and_column(
    engine: str, name: str, error: type[Exception], fragment: str
) -> None:
    """Each bad sample file raises the documented error, naming where the problem is."""
    with pytest.raises(error) as caught:
        read_tidy_csv(DATA / "tidy" / name, engine=engine)
    assert fragment in str(caught.value)


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1e999"])
def test_tidy_values_must_be_finite(tmp_path: Path, engine: str, text: str) -> None:
    """NaN and infinities are refused, never read as a silent NaN."""
    path = write(
        tmp_path / "x.csv", f"reporter,flow,period,value,currency\nA,exports,2023,{text},USD\n"
    )
    with pytest.raises((ParseError, InvalidValueError), match="line 2, column 'value'"):
        read_tidy_csv(path, engine=engine)


def test_bad_valuation_and_status_are_named(tmp_path: Path) -> None:
    """Valuation and status, when given, must be one of their values."""
    path = write(
        tmp_path / "x.csv",
        "reporter,flow,period,value,currency,valuation\nA,exports,2023,1,USD,fas\n",
    )
    with pytest.raises(InvalidValueError, match="line 2, column 'valuation': unknown valuation"):
        read_tidy_csv(path)


def test_write_then_read_gives_the_same_frame(tmp_path: Path, engine: str) -> None:
    """write_tidy_csv and read_tidy_csv round-trip a frame exactly."""
    frame = read_tidy_csv(GOOD_TIDY, engine=engine)
    path = tmp_path / "again.csv"
    write_tidy_csv(frame, path)
    assert rows(frame) == rows(read_tidy_csv(path, engine=engine))


def test_write_checks_the_frame_and_names_the_row(tmp_path: Path) -> None:
    """A frame with a bad flow is not written; the error names the row counted from 0."""
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(
        {"reporter": ["A", "B"], "flow": ["exports", "sales"], "period": ["2023", "2023"]}
    ).with_columns(value=pl.lit(1.0), currency=pl.lit("USD"))
    path = tmp_path / "never.csv"
    with pytest.raises(InvalidValueError, match=r"the DataFrame, row 1, column 'flow'"):
        write_tidy_csv(frame, path)
    assert not path.exists()
    with pytest.raises(ParseError, match="the DataFrame: no column 'currency'"):
        write_tidy_csv(frame.drop("currency"), path)


def test_write_accepts_lazy_frames_and_a_declared_currency(tmp_path: Path) -> None:
    """A LazyFrame is collected; currency= fills the currency column."""
    pl = pytest.importorskip("polars")
    lazy = pl.LazyFrame({"reporter": ["A"], "flow": ["imports"], "period": [2022], "value": [2.5]})
    path = tmp_path / "lazy.csv"
    write_tidy_csv(lazy, path, currency="EUR")
    expected = [("A", "World", "imports", "TOTAL", "2022", 2.5, "EUR")]
    assert expected == rows(read_tidy_csv(path, engine="polars"), TIDY)


def test_a_byte_order_mark_is_ignored(tmp_path: Path, engine: str) -> None:
    """Files saved by spreadsheet programs often start with a BOM; the header still matches."""
    path = tmp_path / "bom.csv"
    path.write_text(GOOD_TIDY.read_text(encoding="utf-8"), encoding="utf-8-sig")
    assert rows(read_tidy_csv(GOOD_TIDY, engine=engine)) == rows(read_tidy_csv(path, engine=engine))


_FORMULA_STARTS = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''=", "'+", "x"])


@given(
    cells=st.lists(
        st.tuples(_FORMULA_STARTS, st.text(alphabet="ab =+-@'\"|,!", min_size=1, max_size=8)),
        min_size=1,
        max_size=4,
    ),
    engine=st.sampled_from(["polars", "pandas", "pyarrow"]),
)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_write_tidy_csv_neutralises_formulas_and_reads_them_back(
    cells: list[tuple[str, str]], engine: str, tmp_path: Path
) -> None:
    """No written cell starts a formula; read_tidy_csv gives back exactly what was written."""
    pl = pytest.importorskip("polars")
    sources = [start + rest for start, rest in cells]
    frame = pl.DataFrame(
        {
            "reporter": ["=cmd|' /C calc'!A0"] * len(sources),
            "flow": ["exports"] * len(sources),
            "period": [str(2000 + index) for index in range(len(sources))],
            "value": [-1.5] * len(sources),
            "currency": ["USD"] * len(sources),
            "source": sources,
        }
    )
    path = tmp_path / f"formulas-{engine}.csv"
    write_tidy_csv(frame, path)
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        for name, cell in row.items():
            if name != "value":
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
        assert row["value"] == "-1.5"  # numbers stay numbers
    back = nw.from_native(read_tidy_csv(path, engine=engine), eager_only=True)
    assert list(frame["reporter"]) == back["reporter"].to_list()
    assert sources == back["source"].to_list()
