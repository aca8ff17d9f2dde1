"""Every place that reads a currency code refuses an unknown one with the same message."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import tradestats as ts
from tradestats.errors import UnknownUnitError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

MESSAGE = "unknown currency 'XYZ': expected an ISO 4217 code such as 'CNY' or 'USD'"


def _tidy_file(tmp_path: Path) -> Path:
    path = tmp_path / "trade.csv"
    path.write_text("reporter,flow,period,value\nCHN,exports,2023,1.5\n", encoding="utf-8")
    return path


CALLERS: dict[str, Callable[[Path], object]] = {
    "yen_sign of money()": lambda _: ts.money("¥5", yen_sign="XYZ"),
    "an exchange rate": lambda _: ts.ExchangeRate("USD", "XYZ", 7, period="2023"),
    "the units of a table": lambda _: tt.ColumnUnits(currency="XYZ"),
    "the target of exchange rates": lambda _: tt.ExchangeRates(pl.DataFrame(), target="XYZ"),
    "the currency of a tidy file": lambda path: tt.read_tidy_csv(_tidy_file(path), currency="XYZ"),
}


@pytest.mark.parametrize("call", CALLERS.values(), ids=CALLERS.keys())
def test_unknown_codes_read_alike(call: Callable[[Path], object], tmp_path: Path) -> None:
    """units, _parsing, fx, tables.columns and tables.tidy word an unknown code the same."""
    with pytest.raises(UnknownUnitError) as caught:
        call(tmp_path)
    assert str(caught.value) == MESSAGE


def test_codes_in_a_tidy_column_add_the_place(tmp_path: Path) -> None:
    """In a tidy file's column the message starts with the file, line and column."""
    path = tmp_path / "trade.csv"
    path.write_text("reporter,flow,period,value,currency\nCHN,exports,2023,1.5,XYZ\n", "utf-8")
    with pytest.raises(UnknownUnitError) as caught:
        tt.read_tidy_csv(path)
    assert str(caught.value).endswith(f"line 2, column 'currency': {MESSAGE}")
