"""Bridges between TradeFlow objects and tidy frames, both ways."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("narwhals")
import narwhals as nw
from hypothesis import given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import strategies as tst
from tradestats.errors import InvalidValueError, ParseError
from tradestats.tables.bridges import flows_to_frame, frame_to_flows
from tradestats.tables.comtrade import read_comtrade_json
from tradestats.tables.tidy import TIDY_COLUMNS, read_tidy_csv

DATA = Path(__file__).resolve().parent / "data"
ENGINES = ("polars", "pandas", "pyarrow")

#: Money whose magnitudes have at most 15 significant digits (11 before the point,
#: 4 after), which a float64 holds exactly in the sense of its shortest repr.
EXACT_VALUES = tst.money_amounts(max_value=10**11 - 1, places=4)
#: Products that do not collide with "TOTAL", the name of all goods.
PRODUCTS = st.one_of(st.none(), tst.products().filter(lambda product: str(product) != "TOTAL"))


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """Each eager engine that is installed."""
    name: str = request.param
    pytest.importorskip(name)
    return name


def flow(**changes: Any) -> ts.TradeFlow:
    """China's car exports to Kazakhstan in 2023, with any field changed."""
    fields: dict[str, Any] = {
        "reporter": "CHN",
        "partner": "KAZ",
        "flow": "exports",
        "period": "2023",
        "product": "8703",
        "value": ts.money("3.96 billion USD"),
    }
    return ts.TradeFlow(**(fields | changes))


@given(
    flows=st.lists(tst.trade_flows(values=EXACT_VALUES, products=PRODUCTS), max_size=8),
    name=st.sampled_from(ENGINES),
)
def test_flows_survive_a_round_trip_through_any_engine(
    flows: list[ts.TradeFlow], name: str
) -> None:
    """frame_to_flows(flows_to_frame(xs)) == xs for values of at most 15 significant digits.

    The engine is drawn too, so that every engine gets examples without tripling the run.
    """
    pytest.importorskip(name)
    assert flows == frame_to_flows(flows_to_frame(flows, engine=name))


def test_the_frame_has_the_canonical_columns_in_order(engine: str) -> None:
    """Columns and text forms follow the documented table; nulls stay null."""
    frame = flows_to_frame(
        [flow(valuation="fob", status="final", source="GACC"), flow(product=None)], engine=engine
    )
    table = nw.from_native(frame, eager_only=True)
    assert list(TIDY_COLUMNS) == table.columns
    expected_products = ["8703", "TOTAL"]
    assert expected_products == table["product"].to_list()
    expected_values = [3.96e9, 3.96e9]
    assert expected_values == table["value"].to_list()
    expected_fields = ["fob", "final", "GACC"]
    assert expected_fields == [table[name][0] for name in ("valuation", "status", "source")]
    expected_nulls = (True, True, True)
    assert expected_nulls == table.select(nw.col("valuation", "status", "source").is_null()).row(1)


def test_products_read_back_as_their_types() -> None:
    """ "TOTAL" is all goods; digits, with or without dots, an HSCode; other text a group."""
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(
        {
            "reporter": ["CHN"] * 4,
            "flow": ["exports"] * 4,
            "period": ["2023"] * 4,
            "product": ["TOTAL", "870380", "8703.80", "electric vehicles"],
            "value": [1.0, 2.0, 3.0, 4.0],
            "currency": ["USD"] * 4,
        }
    )
    products = [item.product for item in frame_to_flows(frame)]
    assert [
        None,
        ts.HSCode("870380"),
        ts.HSCode("870380"),
        ts.ProductGroup("electric vehicles"),
    ] == products


def test_long_values_come_back_as_the_nearest_floats_shortest_decimal() -> None:
    """Beyond 15 significant digits the float rounds; the decimal is its shortest repr."""
    pl = pytest.importorskip("polars")
    long = flow(value=ts.money("1234567890.123456789", "USD"))
    (back,) = frame_to_flows(flows_to_frame([long], engine="polars"))
    assert Decimal("1234567890.1234567") == back.value.magnitude
    assert isinstance(flows_to_frame([long], engine="polars"), pl.DataFrame)


def test_volume_flows_keep_their_unit() -> None:
    """A flow measured in tonnes carries "tonne" in the currency column, and back."""
    tonnes = flow(value=ts.amount("12.5 thousand tonnes"))
    assert [tonnes] == frame_to_flows(flows_to_frame([tonnes], engine="pyarrow"))


def test_a_group_named_total_is_refused() -> None:
    """It would read back as all goods, so it is an error rather than a silent change."""
    with pytest.raises(InvalidValueError, match="a product group named 'TOTAL'"):
        flows_to_frame([flow(product=ts.ProductGroup("TOTAL"))])


def test_an_empty_list_gives_an_empty_frame(engine: str) -> None:
    """No flows, no rows, the same columns; and back to no flows."""
    frame = flows_to_frame([], engine=engine)
    assert list(TIDY_COLUMNS) == nw.from_native(frame, eager_only=True).columns
    assert not frame_to_flows(frame)


def test_loaded_comtrade_data_becomes_flows(engine: str) -> None:
    """The loader's frame, extras and all, turns into TradeFlows with HS codes and World."""
    flows = frame_to_flows(read_comtrade_json(DATA / "comtrade" / "annual_api.json", engine=engine))
    expected = 32
    assert expected == len(flows)
    cars = next(
        item
        for item in flows
        if (item.partner, item.flow, item.product, item.period)
        == ("World", ts.Flow.EXPORTS, ts.HSCode("8703"), ts.Period.year(2023))
    )
    assert ts.money("70174839916.5 USD") == cars.value


def test_tidy_files_become_flows_and_back(engine: str) -> None:
    """Rows of a tidy file with a value become flows; the frame of those flows matches the file."""
    frame = nw.from_native(
        read_tidy_csv(DATA / "tidy" / "good.csv", engine=engine), eager_only=True
    )
    with_values = frame.filter(~nw.col("value").is_null()).drop("note")
    flows = frame_to_flows(with_values.to_native())
    assert ts.Status.DERIVED is flows[1].status
    assert ts.Flow.BALANCE is flows[-1].flow
    again = nw.from_native(flows_to_frame(flows, engine=engine), eager_only=True)
    assert with_values.rows() == again.rows()


def test_a_lazy_frame_is_collected() -> None:
    """A polars LazyFrame gives the flows of its collected frame."""
    pytest.importorskip("polars")
    frame = flows_to_frame([flow(), flow(period="2022")], engine="polars")
    assert frame_to_flows(frame) == frame_to_flows(frame.lazy())


@pytest.mark.parametrize(
    ("data", "error", "fragment"),
    [
        (
            {"reporter": ["A"], "flow": ["exports"], "period": ["2023"]},
            ParseError,
            "no column 'value'",
        ),
        (
            {
                "reporter": ["A", "B"],
                "flow": ["exports"] * 2,
                "period": ["2023"] * 2,
                "value": [1.0, None],
            },
            ParseError,
            "row 1 has no value",
        ),
        (
            {
                "reporter": ["A", "B"],
                "flow": ["exports", "sales"],
                "period": ["2023"] * 2,
                "value": [1.0, 2.0],
            },
            InvalidValueError,
            "row 1: unknown Flow 'sales'",
        ),
        (
            {"reporter": ["A"], "flow": ["exports"], "period": ["2023-13"], "value": [1.0]},
            ParseError,
            "row 0: cannot read '2023-13' as a period",
        ),
        (
            {"reporter": ["A"], "flow": ["exports"], "period": ["2023"], "value": [-1.0]},
            InvalidValueError,
            "row 0: the value of exports cannot be negative",
        ),
        (
            {
                "reporter": ["A"],
                "flow": ["exports"],
                "period": ["2023"],
                "value": [1.0],
                "product": [101],
            },
            InvalidValueError,
            "row 0: product 101 is a number",
        ),
    ],
)
def test_bad_rows_are_named(
    data: dict[str, list[Any]], error: type[Exception], fragment: str
) -> None:
    """Each bad frame raises the core's error for the field, with the row in the message."""
    pl = pytest.importorskip("polars")
    with pytest.raises(error) as caught:
        frame_to_flows(pl.DataFrame(data), currency="USD")
    assert fragment in str(caught.value)


def test_a_row_without_a_currency_is_named() -> None:
    """A null in the currency column, with no currency= to fall back on, names the row."""
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "reporter": ["A"],
            "flow": ["exports"],
            "period": [2023],
            "value": [1.0],
            "currency": [None],
        }
    )
    with pytest.raises(ParseError, match="row 0 has no currency"):
        frame_to_flows(frame)
