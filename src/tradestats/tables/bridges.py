"""Bridges between the core's :class:`~tradestats.TradeFlow` objects and tidy frames.

:func:`flows_to_frame` lays flows out in the canonical tidy columns, one row
per flow; :func:`frame_to_flows` builds flows back from such a frame. Values
cross the bridge as float64 numbers in whole units of their currency, so a
value keeps its exact decimal digits when it has at most 15 significant digits
(every figure a statistics office publishes); longer ones come back as the
nearest float's shortest decimal (:class:`~tradestats.Amount` reads a float as
its shortest repr, never as its binary expansion). The other fields are text:

==========  ===============================================================
column      from the flow
==========  ===============================================================
reporter    ``reporter``
partner     ``partner`` (``"World"`` for all partners)
flow        ``flow.value``, such as ``"exports"``
product     an HS code's digits (``"870380"``), a group's name, or ``"TOTAL"``
            for a flow of all goods (``product=None``)
period      ``period.isoformat()``, such as ``"2023-01/2023-07"``
value       ``float(value.magnitude)``
currency    ``value.unit``: an ISO 4217 code (or a physical unit such as
            ``"tonne"``, for volume flows)
valuation   ``"fob"``, ``"cif"`` or null
status      ``"provisional"``, ``"final"``, ``"revised"``, ``"derived"`` or null
source      text or null
==========  ===============================================================

>>> import tradestats as ts
>>> from tradestats.tables.bridges import flows_to_frame, frame_to_flows
>>> flows = [ts.TradeFlow(reporter="Xinjiang", flow="total", period="2023-01/2023-07",
...                       value="183 billion CNY", status="provisional")]
>>> frame = flows_to_frame(flows, engine="polars")
>>> frame.row(0)
('Xinjiang', 'World', 'total', 'TOTAL', '2023-01/2023-07', 183000000000.0, 'CNY', None,
 'provisional', None)
>>> frame_to_flows(frame) == flows
True
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Final

import narwhals as nw

from tradestats._numbers import in_context
from tradestats._text import quote
from tradestats.amounts import Amount
from tradestats.errors import InvalidValueError, ParseError, TradeStatsError
from tradestats.flows import HSCode, TradeFlow
from tradestats.tables._io import choose_engine
from tradestats.tables._native import open_frame
from tradestats.tables._schema import REQUIRED_COLUMNS, TIDY_SCHEMA, TOTAL_PRODUCT

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tradestats.flows import Product

__all__ = ["flows_to_frame", "frame_to_flows"]

_OPTIONAL: Final = tuple(
    column.name for column in TIDY_SCHEMA if not (column.required or column.key)
)
_DEFAULTS: Final = {column.name: column.default for column in TIDY_SCHEMA if column.default}


def _product_text(product: Product | None) -> str:
    if product is None:
        return TOTAL_PRODUCT
    if isinstance(product, HSCode):
        return product.digits
    if product.name == TOTAL_PRODUCT:
        raise InvalidValueError(
            f"a product group named {quote(TOTAL_PRODUCT)} would read back as all goods: rename it",
            value=product,
        )
    return product.name


def _value(flow: TradeFlow) -> float:
    number = float(flow.value.magnitude)
    if not math.isfinite(number):
        raise InvalidValueError(
            f"{flow.value} is too large for a float64 column", value=flow.value, flow=flow
        )
    return number


@in_context
def flows_to_frame(flows: Iterable[TradeFlow], *, engine: str | None = None) -> Any:
    """A tidy frame with one row per flow, in the columns the module describes.

    Args:
        flows: The flows, in the order the rows should have.
        engine: ``"polars"``, ``"pandas"`` or ``"pyarrow"``; by default the first
            of them that is installed.

    Returns:
        A polars DataFrame, pandas DataFrame or pyarrow Table.

    Raises:
        InvalidValueError: For a value too large for a float, or a product group
            named ``"TOTAL"``.
        ImportError: If the engine is not installed.

    >>> import tradestats as ts
    >>> flows = [ts.TradeFlow(reporter="CHN", partner="KAZ", flow="exports", period=year,
    ...                       product="8703", value=ts.money(value, "USD"))
    ...          for year, value in ((2022, "1.24 billion"), (2023, "3.96 billion"))]
    >>> flows_to_frame(flows, engine="pandas")[["product", "period", "value", "currency"]]
      product period         value currency
    0    8703   2022  1.240000e+09      USD
    1    8703   2023  3.960000e+09      USD
    """
    chosen = choose_engine(engine)
    rows = list(flows)
    columns: dict[str, list[Any]] = {
        "reporter": [flow.reporter for flow in rows],
        "partner": [flow.partner for flow in rows],
        "flow": [flow.flow.value for flow in rows],
        "product": [_product_text(flow.product) for flow in rows],
        "period": [flow.period.isoformat() for flow in rows],
        "value": [_value(flow) for flow in rows],
        "currency": [flow.value.unit for flow in rows],
        "valuation": [None if flow.valuation is None else flow.valuation.value for flow in rows],
        "status": [None if flow.status is None else flow.status.value for flow in rows],
        "source": [flow.source for flow in rows],
    }
    schema = {column.name: column.dtype() for column in TIDY_SCHEMA}
    return nw.from_dict(columns, schema=schema, backend=chosen).to_native()


def _missing(item: object) -> bool:
    # pandas shows a null as NaN, even in a text column.
    return item is None or (isinstance(item, float) and math.isnan(item))


@in_context
def frame_to_flows(frame: Any, *, currency: str | None = None) -> list[TradeFlow]:
    """One :class:`~tradestats.TradeFlow` per row of a tidy frame.

    Builds Python objects, so use it on small frames (results, a few thousand
    rows), not on whole bulk files.

    Args:
        frame: Any frame narwhals supports (lazy ones are collected) with at
            least ``reporter``, ``flow``, ``period``, ``value`` and, unless
            ``currency`` is given, ``currency`` columns; ``partner`` (default
            ``"World"``), ``product`` (default all goods), ``valuation``,
            ``status`` and ``source`` are read when present. ``period`` may hold
            text or whole years; ``value`` floats, ints or decimals.
        currency: The currency of every value, for a frame without a
            ``currency`` column.

    Returns:
        The flows, in row order. A float value becomes the decimal of its
        shortest repr (``0.1`` → ``Decimal("0.1")``); ``"TOTAL"`` becomes
        ``product=None``; digits become an :class:`~tradestats.HSCode`, other
        text a :class:`~tradestats.ProductGroup`.

    Raises:
        ParseError: For a missing column, or a row without a value, naming the row.
        InvalidValueError, UnknownUnitError: As :class:`~tradestats.TradeFlow`
            raises them, with the row (counted from 0) in the message and details.

    >>> import polars as pl
    >>> frame = pl.DataFrame({"reporter": ["CHN"], "flow": ["exports"], "period": [2023],
    ...                       "product": ["8703.80"], "value": [0.1]})
    >>> frame_to_flows(frame, currency="USD")
    [TradeFlow(reporter='CHN', partner='World', flow=<Flow.EXPORTS: 'exports'>,
               period=Period('2023'), value=Amount('0.1 USD'), product=HSCode('8703.80'),
               valuation=None, source=None, status=None)]
    """
    native = open_frame(frame)
    eager = native.collect() if isinstance(native, nw.LazyFrame) else native
    if not isinstance(eager, nw.DataFrame):
        raise InvalidValueError(f"cannot read flows from a {type(frame).__name__}", value=frame)
    required = [*REQUIRED_COLUMNS, *([] if currency else ["currency"])]
    missing = [name for name in required if name not in eager.columns]
    if missing:
        raise ParseError(
            f"the {type(frame).__name__} has no column {quote(missing[0])}: frame_to_flows needs "
            f"{', '.join(map(repr, required))}",
            column=missing[0],
        )
    size = len(eager)
    columns = {
        name: eager[name].to_list()
        for name in (*required, *_DEFAULTS, "currency", *_OPTIONAL)
        if name in eager.columns
    }

    def cell(name: str, index: int) -> Any:
        if name not in columns:
            return None
        item = columns[name][index]
        return None if _missing(item) else item

    flows = []
    for index in range(size):
        value = cell("value", index)
        if value is None:
            raise ParseError(
                f"row {index} has no value: a TradeFlow needs one; drop or fill the row first",
                row=index,
                column="value",
            )
        unit = cell("currency", index) or currency
        if unit is None:
            raise ParseError(
                f"row {index} has no currency: fill the column, or pass currency=...",
                row=index,
                column="currency",
            )
        try:
            product = cell("product", index)
            flows.append(
                TradeFlow(
                    reporter=cell("reporter", index),
                    partner=cell("partner", index) or _DEFAULTS["partner"],
                    flow=cell("flow", index),
                    period=cell("period", index),
                    value=Amount(value, unit),
                    product=None if product == TOTAL_PRODUCT else _product(product),
                    valuation=cell("valuation", index),
                    status=cell("status", index),
                    source=cell("source", index),
                )
            )
        except TradeStatsError as error:
            raise type(error)(
                f"row {index}: {error.message}", row=index, **error.details
            ) from error
    return flows


def _product(product: object) -> object:
    # An int product (a frame read without text dtypes) is an HS code that lost its zero.
    if isinstance(product, int) and not isinstance(product, bool):
        raise InvalidValueError(
            f"product {quote(product)} is a number: read product codes as text, so that "
            "'0101' keeps its leading zero",
            value=product,
        )
    return product  # TradeFlow's converter checks the rest
