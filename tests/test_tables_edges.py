"""Edge cases of the table functions: missing years, duplicates, bad bases, units, empties."""

from __future__ import annotations

from typing import Any

import pytest

import tradestats as ts
from tests.test_tables_properties import IN_PROCESS, run, to_engine, to_polars

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

LAZY = ["polars-lazy", "duckdb"]
EAGER = ["pandas", "polars", "pyarrow"]


def series(periods: list[Any], values: list[float | None], **extra: list[Any]) -> Any:
    """One reporter's exports to the world over ``periods``."""
    n = len(periods)
    return pl.DataFrame(
        {
            "reporter": ["CHN"] * n,
            "partner": ["World"] * n,
            "flow": ["exports"] * n,
            "product": ["TOTAL"] * n,
            "period": periods,
            "value": values,
            **extra,
        }
    )


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_missing_year_gives_null_with_reason_not_neighbour(engine: str) -> None:
    """2021 is missing: 2022 gets no growth (never 2020's), with the reason naming 2021."""
    result = run(tt.yoy_growth, series(["2020", "2022", "2023"], [10.0, 20.0, 30.0]), engine)
    assert result["growth"].to_list() == [None, None, 0.5]
    assert result["growth_reason"].to_list() == ["no row for 2019", "no row for 2021", None]


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_year_to_date_compares_same_months(engine: str) -> None:
    """January–July 2023 compares with January–July 2022, not with the whole of 2022."""
    frame = series(["2022", "2022-01/2022-07", "2023-01/2023-07"], [200.0, 114.9, 183.0])
    result = run(tt.yoy_growth, frame, engine)
    row = result.filter(pl.col("period") == "2023-01/2023-07").row(0, named=True)
    assert row["previous"] == 114.9
    assert pytest.approx(183 / 114.9 - 1) == row["growth"]


@pytest.mark.parametrize("engine", [*EAGER, *LAZY])
def test_duplicate_keys_name_the_key_and_period(engine: str) -> None:
    """Two rows for CHN 2023 raise DuplicateKeyError naming the key values and the period."""
    frame = series(["2022", "2023", "2023"], [1.0, 2.0, 3.0])
    with pytest.raises(ts.InvalidValueError) as raised:
        run(tt.yoy_growth, frame, engine)
    assert isinstance(raised.value, tt.DuplicateKeyError)
    assert "reporter='CHN'" in str(raised.value)
    assert "period='2023'" in str(raised.value)
    assert raised.value.details["period"] == "2023"


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_zero_and_negative_bases(engine: str) -> None:
    """Zero and negative bases give nulls with reasons; allow_negative_base divides by the size."""
    frame = series([2020, 2021, 2022], [0.0, -10.0, -5.0])
    result = run(tt.yoy_growth, frame, engine)
    assert result["growth_reason"].to_list() == ["no row for 2019", "zero base", "negative base"]
    allowed = run(tt.yoy_growth, frame, engine, allow_negative_base=True)
    assert allowed["growth"].to_list() == [None, None, 0.5]


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_null_value_gives_reason(engine: str) -> None:
    """A null value and a null base give nulls with their reasons."""
    result = run(tt.yoy_growth, series([2021, 2022, 2023], [None, 5.0, None]), engine)
    assert result["growth_reason"].to_list() == ["null value", "null previous value", "null value"]


def currencies() -> Any:
    """Two reporters, one in CNY and one in USD... and one series that switches currency."""
    return series(["2022", "2023"], [100.0, 20.0], currency=["CNY", "USD"])


@pytest.mark.parametrize("engine", [*EAGER, *LAZY])
def test_mixed_currencies_in_a_series_are_refused(engine: str) -> None:
    """A series in CNY then USD raises UnitMismatchError naming the series and both currencies."""
    with pytest.raises(ts.UnitMismatchError) as raised:
        run(tt.yoy_growth, currencies(), engine)
    message = str(raised.value)
    assert "reporter='CHN'" in message
    assert "CNY and USD" in message


@pytest.mark.parametrize("engine", [*EAGER, *LAZY])
def test_exchange_rates_convert_before_comparing(engine: str) -> None:
    """With dated rates into USD, CNY 100 (at 0.15) becomes USD 15, and 20 USD is +33.3%."""
    rates = tt.ExchangeRates(
        pl.DataFrame(
            {"currency": ["CNY", "CNY"], "period": ["2022", "2023"], "rate": [0.15, 0.14]}
        ),
        target="USD",
    )
    result = run(tt.yoy_growth, currencies(), engine, fx=rates)
    assert pytest.approx(result["value"].to_list()) == [15.0, 20.0]
    assert result["currency"].to_list() == ["USD", "USD"]
    assert result["unit"].to_list() == ["USD", "USD"]
    assert pytest.approx(20 / 15 - 1) == result["growth"][1]


def test_identity_rates_for_the_target_are_accepted_and_others_refused() -> None:
    """A rate table may list USD into USD at 1 (common in published tables), never at 1.1."""
    rows = {"currency": ["CNY", "CNY", "USD"], "period": ["2022", "2023", "2022"]}
    identity = tt.ExchangeRates(pl.DataFrame({**rows, "rate": [0.15, 0.14, 1.0]}), target="USD")
    result = tt.yoy_growth(currencies(), fx=identity)
    assert pytest.approx(20 / 15 - 1) == result["growth"][1]
    wrong = tt.ExchangeRates(pl.DataFrame({**rows, "rate": [0.15, 0.14, 1.1]}), target="USD")
    with pytest.raises(ts.InvalidValueError, match=r"converts USD into itself at 1\.1"):
        tt.yoy_growth(currencies(), fx=wrong)


def test_missing_exchange_rate_names_currency_and_period() -> None:
    """A CNY row of 2022 with only a 2023 rate raises, naming CNY and 2022."""
    rates = tt.ExchangeRates(
        pl.DataFrame({"currency": ["CNY"], "year": [2023], "rate": [0.14]}),
        target="USD",
        period_column="year",
    )
    with pytest.raises(ts.UnitMismatchError, match="no rate from CNY to USD for 2022"):
        tt.yoy_growth(currencies(), fx=rates)


def test_unknown_currencies_are_refused() -> None:
    """Unknown codes in a declaration or in a currency column raise UnknownUnitError."""
    with pytest.raises(ts.UnknownUnitError, match="'XYZ'"):
        tt.ColumnUnits(currency="XYZ")
    with pytest.raises(ts.UnknownUnitError, match="unknown scale word"):
        tt.ColumnUnits(currency="CNY", scale="zillion")
    frame = series(["2022", "2023"], [1.0, 2.0], currency=["CNY", "XYZ"])
    with pytest.raises(ts.UnknownUnitError, match="'XYZ' in column 'currency'"):
        tt.yoy_growth(frame)


def test_declared_units_are_carried_into_the_result() -> None:
    """ColumnUnits(currency=..., scale=...) shows in the unit column of the result."""
    units = tt.ColumnUnits(currency="CNY", scale="billion")
    result = tt.share(series(["2023"], [183.0]), units=units)
    assert result["unit"].to_list() == ["billion CNY"]


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_shares_refuse_mixed_currencies_in_a_group(engine: str) -> None:
    """Two partners of one reporter-year in CNY and USD cannot be shares of one total."""
    frame = pl.DataFrame(
        {
            "reporter": ["CHN", "CHN"],
            "flow": ["exports"] * 2,
            "partner": ["A", "B"],
            "period": ["2023", "2023"],
            "value": [1.0, 2.0],
            "currency": ["CNY", "USD"],
        }
    )
    with pytest.raises(ts.UnitMismatchError, match="reporter='CHN'"):
        run(tt.share, frame, engine)


@pytest.mark.parametrize("engine", IN_PROCESS)
@pytest.mark.parametrize(
    ("function", "added"),
    [
        (tt.yoy_growth, ["previous", "growth", "growth_reason"]),
        (tt.share, ["total", "share", "share_reason"]),
        (
            tt.share_change,
            [
                "total",
                "share",
                "share_reason",
                "previous_share",
                "share_change_pp",
                "share_change_reason",
            ],
        ),
        (tt.contribution, ["previous", "previous_total", "contribution_pp", "contribution_reason"]),
    ],
)
def test_empty_frames_give_empty_results_with_the_columns(
    engine: str, function: Any, added: list[str]
) -> None:
    """An empty frame gives an empty frame with the input's and the result's columns."""
    empty = series([], []).with_columns(
        pl.col("period").cast(pl.String), pl.col("value").cast(pl.Float64)
    )
    result = run(function, empty, engine)
    assert [*empty.columns, *added] == result.columns
    assert len(result) == 0


@pytest.mark.parametrize("engine", [*EAGER, *LAZY])
def test_null_keys_are_refused_naming_the_column(engine: str) -> None:
    """A null partner raises InvalidValueError naming the column."""
    frame = series(["2022", "2023"], [1.0, 2.0]).with_columns(partner=pl.Series(["World", None]))
    with pytest.raises(ts.InvalidValueError, match="column 'partner' has 1 null"):
        run(tt.yoy_growth, frame, engine)


def test_bad_periods_and_columns_are_refused() -> None:
    """Unreadable periods, missing columns and text values raise clear errors."""
    with pytest.raises(ts.ParseError, match="column 'period' holds 'last year'"):
        tt.yoy_growth(series(["last year"], [1.0]))
    with pytest.raises(ts.InvalidValueError, match="no column 'product'"):
        tt.yoy_growth(series(["2023"], [1.0]).drop("product"))
    with pytest.raises(ts.InvalidValueError, match="must be numeric"):
        tt.yoy_growth(series(["2023"], [1.0]).with_columns(pl.col("value").cast(pl.String)))
    with pytest.raises(ts.InvalidValueError, match="expected a pandas"):
        tt.yoy_growth([1, 2, 3])


def test_pandas_index_and_row_order_are_kept() -> None:
    """Eager frames come back in their own row order, with their index."""
    pd = pytest.importorskip("pandas")
    frame = series([2023, 2022], [30.0, 20.0]).to_pandas()
    frame.index = pd.Index([7, 3])
    result = tt.yoy_growth(frame)
    assert list(result.index) == [7, 3]
    assert [None if pd.isna(v) else v for v in result["growth"]] == [0.5, None]


@pytest.mark.parametrize("engine", IN_PROCESS)
def test_contributions_add_up_to_total_growth(engine: str) -> None:
    """Over partners present in both years, contributions add up to the total's growth (pp)."""
    frame = pl.DataFrame(
        {
            "reporter": ["A"] * 6,
            "flow": ["exports"] * 6,
            "partner": ["X", "Y", "Z"] * 2,
            "product": ["TOTAL"] * 6,
            "period": [2022] * 3 + [2023] * 3,
            "value": [50.0, 30.0, 20.0, 70.0, 20.0, 25.0],
        }
    )
    result = run(tt.contribution, frame, engine)
    later = result.filter(pl.col("period") == 2023)
    assert pytest.approx(15.0) == later["contribution_pp"].sum()
    assert later["previous_total"].to_list() == [100.0] * 3


def test_dask_gives_the_same_kind_and_numbers() -> None:
    """A Dask dataframe in, a Dask dataframe out, with the numbers of polars."""
    dask = pytest.importorskip("dask")
    frame = series([2021, 2022, 2023], [10.0, 0.0, 5.0])
    with dask.config.set(scheduler="synchronous"):
        lazy = run(tt.yoy_growth, frame, "dask")
        implied = to_polars(
            tt.implied_previous(to_engine(lazy.select("value", "growth").fill_null(0.0), "dask")),
            "dask",
        )
    assert lazy.drop("unit", strict=False).equals(tt.yoy_growth(frame).sort("period"))
    assert implied["previous"].to_list() == [10.0, None, 5.0]  # 0 after a fall of 100%: unknown


def test_eager_and_lazy_paths_give_identical_numbers() -> None:
    """On a random table, eager and lazy results agree exactly (totals to rounding)."""
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(7)
    n = 3000
    frame = pl.DataFrame(
        {
            "reporter": rng.integers(0, 5, n).astype(str),
            "partner": rng.integers(0, 40, n).astype(str),
            "flow": ["exports"] * n,
            "product": ["TOTAL"] * n,
            "period": rng.integers(2018, 2024, n),
            "value": np.round(rng.normal(100, 80, n)),
        }
    ).unique(["reporter", "partner", "period"])
    keys = ["reporter", "partner", "period"]
    for function, column in [
        (tt.yoy_growth, "growth"),
        (tt.share_change, "share_change_pp"),
        (tt.contribution, "contribution_pp"),
    ]:
        eager = function(frame).sort(keys)
        lazy = function(frame.lazy()).collect().sort(keys)
        assert eager[column].is_null().equals(lazy[column].is_null())
        difference = (eager[column] - lazy[column]).abs().max()
        assert difference is None or difference < 1e-9
        reason = f"{column.removesuffix('_pp')}_reason"
        assert eager[reason].cast(pl.String).equals(lazy[reason])


@pytest.mark.parametrize("engine", [*EAGER, *LAZY])
def test_declared_currency_converts_with_rates(engine: str) -> None:
    """A frame declared in billions of CNY converts to billions of USD with dated rates."""
    rates = tt.ExchangeRates(
        pl.DataFrame({"currency": ["CNY", "CNY"], "period": [2022, 2023], "rate": [0.5, 0.25]}),
        target="USD",
    )
    units = tt.ColumnUnits(currency="CNY", scale="billion")
    result = run(tt.share, series([2022, 2023], [10.0, 40.0]), engine, units=units, fx=rates)
    expected_totals, expected_units = [5.0, 10.0], ["billion USD"] * 2
    assert expected_totals == result["total"].to_list()
    assert expected_units == result["unit"].cast(pl.String).to_list()


def test_unit_declarations_are_checked() -> None:
    """Both a currency and a currency column, or codes in lower case, are refused."""
    with pytest.raises(ts.InvalidValueError, match="not both"):
        tt.ColumnUnits(currency="CNY", currency_column="currency")
    frame = series(["2022", "2023"], [1.0, 2.0], currency=["cny", "cny"])
    with pytest.raises(ts.InvalidValueError, match="write ISO 4217 codes in capitals"):
        tt.yoy_growth(frame)
    with pytest.raises(ts.InvalidValueError, match="needs the values' currency"):
        tt.yoy_growth(series(["2023"], [1.0]), fx=tt.ExchangeRates(pl.DataFrame(), target="USD"))


def _unkeyable_columns() -> dict[str, Any]:
    polars = pytest.importorskip("polars")
    return {
        "Binary": polars.Series("reporter", [b"a", b"a"], dtype=polars.Binary),
        "List": polars.Series("reporter", [[1], [1]]),
        "Object": polars.Series("reporter", [object(), object()], dtype=polars.Object),
        "Struct": polars.Series("reporter", [{"a": 1}, {"a": 1}]),
    }


@pytest.mark.parametrize("dtype", ["Binary", "List", "Object", "Struct"])
@pytest.mark.parametrize("lazy", [False, True], ids=["eager", "lazy"])
@pytest.mark.parametrize("function", ["yoy_growth", "share", "contribution", "share_change"])
def test_key_columns_that_cannot_be_grouped_are_refused_by_name(
    dtype: str, lazy: bool, function: str
) -> None:
    """Binary, List, Object and Struct keys raise InvalidValueError naming column and type.

    An Object key in a lazy polars frame used to panic in Rust (pyo3's
    PanicException, a BaseException) when collected.
    """
    polars = pytest.importorskip("polars")
    frame = polars.DataFrame(
        {"reporter": _unkeyable_columns()[dtype], "period": [2022, 2023], "value": [1.0, 2.0]}
    )
    native = frame.lazy() if lazy else frame
    grouping: dict[str, list[str]] = (
        {"by": ["reporter"]} if function == "share" else {"keys": ["reporter"]}
    )
    if function in ("contribution", "share_change"):
        grouping["by"] = ["reporter"]

    def run_it() -> None:
        result = getattr(tt, function)(native, **grouping)
        if lazy:
            result.collect()

    with pytest.raises(ts.InvalidValueError, match=rf"column .reporter. is of type {dtype}"):
        run_it()
