"""Plain data and JSON for every value object, without loss.

Decimals travel as strings (so ``"59.3"`` stays ``59.3`` and ``1.8316E+11`` keeps its
digits), periods and HS codes as their text, enums as their values.

>>> import tradestats as ts
>>> flow = ts.TradeFlow(reporter="Xinjiang", flow="total", period="2023-01/2023-07",
...                     value="183 billion CNY")
>>> data = ts.unstructure(flow)
>>> data["value"], data["period"]
({'magnitude': '1.83E+11', 'unit': 'CNY'}, '2023-01/2023-07')
>>> ts.structure(data, ts.TradeFlow) == flow
True
>>> ts.from_json(ts.to_json(ts.Growth.from_percent("59.3")), ts.Growth)
Growth('+59.3%')
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TypeVar

import cattrs
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from tradestats._numbers import to_decimal
from tradestats.amounts import Amount
from tradestats.errors import StructuringError, TradeStatsError
from tradestats.flows import HSCode, Product, ProductGroup, TradeFlow, _product
from tradestats.periods import Period

__all__ = ["configure_converter", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")


def configure_converter(converter: cattrs.Converter) -> cattrs.Converter:
    """Teach a cattrs converter the tradestats types, for use in a program's own converter.

    Returns the same converter, so it can be used in a chain.
    """
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, lambda value, _: _decimal(value))
    converter.register_unstructure_hook(Period, Period.isoformat)
    converter.register_structure_hook(Period, lambda value, _: Period.parse(value))
    converter.register_unstructure_hook(HSCode, str)
    converter.register_structure_hook(HSCode, lambda value, _: HSCode.parse(value))
    converter.register_unstructure_hook(ProductGroup, str)
    converter.register_structure_hook(ProductGroup, lambda value, _: ProductGroup(value))
    # A product is text either way; TradeFlow reads digits as an HS code, words as a group.
    converter.register_unstructure_hook(Product, str)
    converter.register_structure_hook(Product, lambda value, _: _product(value))
    converter.register_unstructure_hook(TradeFlow, lambda flow: _flow_to_dict(converter, flow))
    converter.register_structure_hook(TradeFlow, lambda data, _: _flow_from_dict(converter, data))
    converter.register_unstructure_hook(
        Amount, lambda value: {"magnitude": str(value.magnitude), "unit": value.unit}
    )
    return converter


def _decimal(value: object) -> Decimal:
    # Floats are refused: a JSON number with decimals has already lost its exact digits.
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise StructuringError(
            f"expected a decimal number as text, such as '59.3', got {value!r}", value=value
        )
    return to_decimal(value)


def _flow_to_dict(converter: cattrs.Converter, flow: TradeFlow) -> dict[str, Any]:
    data: dict[str, Any] = {
        "reporter": flow.reporter,
        "partner": flow.partner,
        "flow": flow.flow.value,
        "period": flow.period.isoformat(),
        "value": converter.unstructure(flow.value),
    }
    optional = {
        "product": None if flow.product is None else str(flow.product),
        "valuation": None if flow.valuation is None else flow.valuation.value,
        "source": flow.source,
        "status": None if flow.status is None else flow.status.value,
    }
    data.update({key: value for key, value in optional.items() if value is not None})
    return data


def _flow_from_dict(converter: cattrs.Converter, data: object) -> TradeFlow:
    if not isinstance(data, dict):
        raise StructuringError(f"a trade flow must be a mapping, got {data!r}", value=data)
    fields = dict(data)
    if "value" in fields:
        fields["value"] = converter.structure(fields["value"], Amount)
    return TradeFlow(**fields)


_CONVERTER = configure_converter(make_converter())


def unstructure(value: object) -> Any:
    """Plain data (dicts, lists, strings) for a tradestats object; :func:`structure` reverses it."""
    return _CONVERTER.unstructure(value)


def structure(data: object, kind: type[T]) -> T:
    """Rebuild a ``kind`` object from the plain data :func:`unstructure` made.

    Raises:
        StructuringError: If the data does not describe a ``kind``; the message names
            the field and the reason.
    """
    try:
        return _CONVERTER.structure(data, kind)
    except TradeStatsError as error:
        if isinstance(error, StructuringError):
            raise
        raise StructuringError(f"cannot build {kind.__name__}: {error}", data=data) from error
    except cattrs.BaseValidationError as error:
        reason = _describe(error)
    except (TypeError, KeyError, ValueError) as error:
        raise StructuringError(
            f"cannot build {kind.__name__} from {data!r}: {_describe(error)}", data=data
        ) from error
    # Raised outside the handler, with no cause or context: cattrs' exception groups
    # cannot be unpickled, and dask (through tblib) pickles both when it sends an error
    # back from a worker.
    raise StructuringError(f"cannot build {kind.__name__} from {data!r}: {reason}", data=data)


def _describe(error: BaseException) -> str:
    if isinstance(error, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(error, format_exception=_format_leaf))
    return str(error) or type(error).__name__


def _format_leaf(error: BaseException, kind: type | None) -> str:
    # Our own errors already say what was wrong and what was expected.
    if isinstance(error, TradeStatsError):
        return str(error)
    return format_exception(error, kind)


def to_json(value: object) -> str:
    """JSON text for a tradestats object."""
    return json.dumps(unstructure(value), ensure_ascii=False, sort_keys=True)


def from_json(text: str | bytes, kind: type[T]) -> T:
    """Rebuild a ``kind`` object from JSON that :func:`to_json` wrote.

    Raises:
        StructuringError: For invalid JSON or data that is not a ``kind``.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise StructuringError(f"invalid JSON for {kind.__name__}: {error}", text=text) from error
    return structure(data, kind)
