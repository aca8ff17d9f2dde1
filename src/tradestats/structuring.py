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

Published figures and bounds are generic; plain ``Reported`` and ``Bounds`` read
the type of their values from the data (an amount has a ``magnitude``, a growth
rate a ``rate``, …):

>>> ts.from_json(ts.to_json(ts.Reported.parse_growth("59.3%")), ts.Reported)
Reported('+59.3% (±0.05 pp)')

Anything that goes wrong is a :class:`~tradestats.errors.StructuringError`:

>>> ts.structure({"rate": "fast"}, ts.Growth)
Traceback (most recent call last):
...
tradestats.errors.StructuringError: cannot build Growth from {'rate': 'fast'}: ...
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final, TypeVar, get_args, get_origin

import cattrs
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from tradestats._numbers import to_decimal
from tradestats._text import quote, shorten
from tradestats.amounts import Amount
from tradestats.errors import StructuringError, TradeStatsError
from tradestats.flows import HSCode, Product, ProductGroup, TradeFlow, _product
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.periods import Period
from tradestats.verify import Bounds, Reported

__all__ = ["configure_converter", "from_json", "structure", "to_json", "unstructure"]

T = TypeVar("T")


def configure_converter(converter: cattrs.Converter) -> cattrs.Converter:
    """Teach a cattrs converter the tradestats types, for use in a program's own converter.

    Returns the same converter, so it can be used in a chain.

    Raises:
        StructuringError: If ``converter`` is not a cattrs converter.
    """
    if not isinstance(converter, cattrs.BaseConverter):
        raise StructuringError(
            f"expected a cattrs converter, such as cattrs.Converter(), got {quote(converter)}",
            value=converter,
        )
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
    # cattrs needs the type argument of a generic class; plain Reported and Bounds
    # (as from_json(text, Reported) asks) read it from the data instead.
    converter.register_structure_hook(
        Reported, lambda data, _: _generic(converter, data, Reported, "value")
    )
    converter.register_structure_hook(
        Bounds, lambda data, _: _generic(converter, data, Bounds, "low")
    )
    # Bounds keeps its ends in private fields (an end may be open): its plain data
    # names them "low" and "high", null for an open end.
    converter.register_unstructure_hook_func(
        _is_bounds, lambda bounds: _bounds_to_dict(converter, bounds)
    )
    converter.register_structure_hook_func(
        _is_subscripted_bounds,
        lambda data, kind: _bounds_from_dict(converter, data, get_args(kind)[0]),
    )
    return converter


def _is_bounds(kind: Any) -> bool:
    return kind is Bounds or _is_subscripted_bounds(kind)


def _is_subscripted_bounds(kind: Any) -> bool:
    origin: Any = get_origin(kind)
    return origin is Bounds


def _bounds_to_dict(converter: cattrs.Converter, bounds: Bounds[Any]) -> dict[str, Any]:
    low, high = bounds.ends
    data: dict[str, Any] = {
        "low": None if low is None else converter.unstructure(low),
        "high": None if high is None else converter.unstructure(high),
    }
    if low is None and high is None:
        data["unit"] = bounds.unit
    return data


def _bounds_from_dict(converter: cattrs.Converter, data: object, kind: Any) -> Bounds[Any]:
    if not isinstance(data, Mapping):
        raise StructuringError(
            f"expected a mapping with 'low' and 'high', got {quote(data)}", data=data
        )
    low, high = data.get("low"), data.get("high")
    if low is None and high is None:
        unit = data.get("unit")
        return Bounds.unbounded(unit if isinstance(unit, str) else kind)
    return Bounds(
        None if low is None else converter.structure(low, kind),
        None if high is None else converter.structure(high, kind),
    )


def _generic(converter: cattrs.Converter, data: object, generic: Any, key: str) -> Any:
    kind: Any = generic[_of(data, key)]
    return converter.structure(data, kind)


#: The key each value type's plain data has, which tells its type.
_VALUE_KEYS: Final[dict[str, type]] = {
    "magnitude": Amount,
    "rate": Growth,
    "factor": Multiplier,
    "fraction": Share,
    "points": PercentagePoints,
}


def _of(data: object, key: str) -> type:
    """The type of the values in the plain data of a Reported (``key="value"``) or Bounds."""
    value = data.get(key) if isinstance(data, Mapping) else None
    if isinstance(value, Mapping):
        for name, kind in _VALUE_KEYS.items():
            if name in value:
                return kind
    expected = ", ".join(f"{kind.__name__} ({name!r})" for name, kind in _VALUE_KEYS.items())
    raise StructuringError(
        f"cannot tell the type of the figure from {quote(data)}: expected a mapping whose "
        f"{quote(key)} "
        f"is the plain data of one of {expected}; or name it, as in Reported[Growth]",
        data=data,
    )


def _decimal(value: object) -> Decimal:
    # Floats are refused: a JSON number with decimals has already lost its exact digits.
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise StructuringError(
            f"expected a decimal number as text, such as '59.3', got {quote(value)}", value=value
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
        raise StructuringError(f"a trade flow must be a mapping, got {quote(data)}", value=data)
    fields = dict(data)
    if "value" in fields:
        fields["value"] = converter.structure(fields["value"], Amount)
    return TradeFlow(**fields)


_CONVERTER = configure_converter(make_converter())


def unstructure(value: object) -> Any:
    """Plain data (dicts, lists, strings) for a tradestats object; :func:`structure` reverses it.

    Values that are already plain data (numbers, text, lists) come back as they are.

    Raises:
        StructuringError: If ``value`` cannot be turned into plain data.
    """
    try:
        return _CONVERTER.unstructure(value)
    except StructuringError:
        raise
    except Exception as error:
        raise StructuringError(
            f"cannot turn {quote(value)} into plain data: {_describe(error)}", value=value
        ) from error


_COLLECTIONS: Final = (list, tuple, set, frozenset)


def structure(data: object, kind: type[T]) -> T:
    """Rebuild a ``kind`` object from the plain data :func:`unstructure` made.

    Raises:
        StructuringError: If the data does not describe a ``kind``, or ``kind`` is not
            a type that tradestats can build; the message names the field and the reason.
    """
    name = _name(kind)
    if get_origin(kind) in _COLLECTIONS and isinstance(data, str | bytes | bytearray):
        # cattrs would read text as a list of its characters, trying each one: a
        # 10,000-character text took seconds to refuse (found by the long fuzz run).
        raise StructuringError(
            f"cannot build {name} from {quote(data)}: expected a list, got {type(data).__name__}",
            data=data,
        )
    try:
        return _CONVERTER.structure(data, kind)
    except StructuringError:
        raise
    except TradeStatsError as error:
        raise StructuringError(f"cannot build {name}: {error}", data=data) from error
    except cattrs.BaseValidationError as error:
        reason = _describe(error)
    except cattrs.StructureHandlerNotFoundError as error:
        raise StructuringError(
            f"cannot build {name}: it is not a type tradestats knows how to build from plain "
            "data; for your own types, use a cattrs converter set up with configure_converter()",
            data=data,
            kind=kind,
        ) from error
    # structure() promises a StructuringError or a value, whatever the data: any other
    # error (cattrs' own, or a type's TypeError for a wrong argument) is one too.
    except Exception as error:
        raise StructuringError(
            f"cannot build {name} from {quote(data)}: {_describe(error)}", data=data
        ) from error
    # Raised outside the handler, with no cause or context: cattrs' exception groups
    # cannot be unpickled, and dask (through tblib) pickles both when it sends an error
    # back from a worker.
    raise StructuringError(f"cannot build {name} from {quote(data)}: {reason}", data=data)


def _name(kind: object) -> str:
    return getattr(kind, "__name__", None) or repr(kind)


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
    """JSON text for a tradestats object.

    Raises:
        StructuringError: If ``value`` has no JSON form.
    """
    data = unstructure(value)
    try:
        return json.dumps(data, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as error:
        raise StructuringError(
            f"cannot write {quote(value)} as JSON: {error}", value=value
        ) from error


def from_json(text: str | bytes, kind: type[T]) -> T:
    """Rebuild a ``kind`` object from JSON that :func:`to_json` wrote.

    Raises:
        StructuringError: For invalid JSON (or bytes that are not UTF-8) or data that is
            not a ``kind``.
    """
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as error:  # JSONDecodeError and UnicodeDecodeError too
        raise StructuringError(
            f"invalid JSON for {_name(kind)}: {shorten(str(error))}", text=text
        ) from error
    except RecursionError:  # json recurses once per level of nesting
        raise StructuringError(
            f"invalid JSON for {_name(kind)}: nested too deep to read", text=text
        ) from None
    return structure(data, kind)
