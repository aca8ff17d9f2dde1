"""Columnar trade statistics over data frames (the ``tables`` extra).

Year-on-year growth per group, implied previous values, shares within groups,
changes of share in percentage points and contributions to growth, computed
over pandas, polars (eager and lazy), pyarrow, DuckDB and Dask frames through
narwhals. Each function returns the same kind of frame it was given.

Install with ``pip install "tradestats[tables]"`` plus the extra of your
engine (``pandas``, ``polars``, ``pyarrow``, ``duckdb``, ``dask``).

>>> import polars as pl
>>> import tradestats.tables as tt
>>> trade = pl.DataFrame({"reporter": ["CHN", "CHN"], "period": [2022, 2023],
...                       "value": [100.0, 125.0]})
>>> tt.yoy_growth(trade, keys=["reporter"])["growth"].to_list()
[None, 0.25]
"""

from __future__ import annotations

try:
    import narwhals as _narwhals  # noqa: F401 - checks that the extra is installed
    import numpy as _numpy  # noqa: F401
except ModuleNotFoundError as error:  # pragma: no cover - the test environment has the extra
    raise ImportError(
        f"tradestats.tables needs {error.name}: install it with "
        "pip install 'tradestats[tables]' (plus the extra of your engine, such as "
        "'tradestats[tables,polars]')"
    ) from error

from tradestats.errors import DuplicateKeyError
from tradestats.tables._deprecated import renamed
from tradestats.tables.bridges import flows_to_frame, frame_to_flows
from tradestats.tables.columns import DEFAULT_GROUP, DEFAULT_KEYS, ColumnUnits, ExchangeRates
from tradestats.tables.comtrade import (
    COMTRADE_FLOWS,
    COMTRADE_VALUE_COLUMNS,
    read_comtrade_csv,
    read_comtrade_json,
    tidy_comtrade,
)
from tradestats.tables.groups import aggregate, group_growth
from tradestats.tables.growth import contribution, implied_previous, yoy_growth
from tradestats.tables.hs import convert_hs, hs_versions, hs_weights_from_shares
from tradestats.tables.sdmx import (
    ECB_TRD,
    EUROSTAT_COMEXT,
    IMF_IMTS,
    OECD_ITCS,
    SDMX_MAPPINGS,
    SdmxMapping,
    read_sdmx,
)
from tradestats.tables.shares import share, share_change
from tradestats.tables.tidy import TIDY_COLUMNS, TOTAL_PRODUCT, read_tidy_csv, write_tidy_csv
from tradestats.tables.vintages import revisions

__all__ = [
    "COMTRADE_FLOWS",
    "COMTRADE_VALUE_COLUMNS",
    "DEFAULT_GROUP",
    "DEFAULT_KEYS",
    "ECB_TRD",
    "EUROSTAT_COMEXT",
    "IMF_IMTS",
    "OECD_ITCS",
    "SDMX_MAPPINGS",
    "TIDY_COLUMNS",
    "TOTAL_PRODUCT",
    "ColumnUnits",
    "DuplicateKeyError",
    "ExchangeRates",
    "SdmxMapping",
    "aggregate",
    "contribution",
    "convert_hs",
    "flows_to_frame",
    "frame_to_flows",
    "group_growth",
    "hs_versions",
    "hs_weights_from_shares",
    "implied_previous",
    "read_comtrade_csv",
    "read_comtrade_json",
    "read_sdmx",
    "read_tidy_csv",
    "revisions",
    "share",
    "share_change",
    "tidy_comtrade",
    "write_tidy_csv",
    "yoy_growth",
]


def __getattr__(name: str) -> object:
    # Units, renamed ColumnUnits in 0.3, still works (with a warning) until 0.4.
    return renamed(__name__, name, globals())
