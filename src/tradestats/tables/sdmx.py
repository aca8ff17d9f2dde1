"""Load SDMX data (Eurostat, the ECB, the IMF, the OECD) as a tidy frame, values exact.

SDMX messages say what each figure is with codes: dimensions (the series key:
reporter, partner, flow, product, frequency …) and attributes (unit, unit
multiplier, decimals, observation status). An :class:`SdmxMapping` says, for
one dataflow, which component holds which tidy column and what its codes mean;
the built-in mappings cover the trade dataflows of four agencies:

====================  =================================  ===========================
mapping               dataflow                           ``UNIT_MULT``
====================  =================================  ===========================
``EUROSTAT_COMEXT``   Eurostat Comext DS-045409          display hint (values in
                      (EU trade since 1988 by HS2-4-6)   euros, as ``indicators``
                                                         says); kept as ``scale``
``ECB_TRD``           ECB TRD (euro area trade in        applied: values in units
                      goods)                             of 10^n (6: millions)
``IMF_IMTS``          IMF IMTS / DOT (direction of       applied: values in units
                      trade statistics)                  of 10^n (6: millions)
``OECD_ITCS``         OECD ITCS / bilateral trade in     applied: values in units
                      goods by industry and end use      of 10^n (6: millions)
====================  =================================  ===========================

The SDMX glossary defines ``UNIT_MULT`` as the power of ten that turns an
observation into the unit of measure; ``"apply"`` does that, exactly
(``Decimal.scaleb``, no float in between). Where the unit code
already fixes the unit, as Eurostat's ``VALUE_IN_EUROS`` does, a multiplier
can only be a hint for display, and ``"display"`` keeps the values as they are.
Either way ``value`` is in whole units of the currency and ``scale`` holds the
multiplier as published.

The frame has the tidy columns (``reporter``, ``partner``, ``flow``,
``product``, ``period``, ``value``, ``currency``, ``valuation``, ``status``,
``source``), then the published-figure columns, ``exact_value`` (the value as
an exact decimal, in whole units), ``precision`` (half a unit of the last
digit ``DECIMALS`` says was published, in whole units; null without
``DECIMALS``) and ``scale``, then ``status_code`` (the status code as
published) and ``series_key`` (``M.I9.N.X.TTT.W1.4.VAL``).

>>> from tradestats.tables.sdmx import read_sdmx
>>> frame = read_sdmx("tests/data/sdmx/ecb_trd_generic.xml", engine="polars")
>>> frame.select("reporter", "partner", "flow", "period", "exact_value", "precision").row(0)
('I9', 'World', 'exports', '2023-01', '198765432000', '500')
"""

from __future__ import annotations

import csv
import importlib
import os
import re
import types
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, Literal, NamedTuple, TypeAlias

import narwhals as nw
from attrs import field, frozen

from tradestats._numbers import check_limits, in_context, to_decimal
from tradestats._text import quote, quote_all, shorten
from tradestats.errors import InvalidValueError, ParseError, TradeStatsError, UnknownUnitError
from tradestats.flows import WORLD, Flow
from tradestats.limits import MAX_DIGITS, MAX_EXPONENT
from tradestats.periods import Period
from tradestats.tables._io import PathLike, choose_engine
from tradestats.tables._schema import PUBLISHED_SCHEMA, TIDY_SCHEMA, TOTAL_PRODUCT, validated
from tradestats.tables._sdmx_mappings import EUROSTAT_FLAGS, SDMX_STATUSES, WORLD_CODES
from tradestats.tables._sdmx_read import (
    TIME,
    VALUE,
    Observations,
    from_csv,
    from_json,
    from_message,
    load_json,
    sniff,
)
from tradestats.tables._sdmx_time import sdmx_period
from tradestats.units import currency_code

__all__ = [
    "ECB_TRD",
    "EUROSTAT_COMEXT",
    "IMF_IMTS",
    "OECD_ITCS",
    "SDMX_MAPPINGS",
    "SdmxMapping",
    "UnitMultRule",
    "read_sdmx",
]

#: What ``UNIT_MULT`` means: "apply" (values in units of 10^n) or "display" (a hint only).
UnitMultRule = Literal["apply", "display"]


def _proxy(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return types.MappingProxyType(dict(value))


def _set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _codes(value: Mapping[str, Any]) -> Mapping[str, frozenset[str]]:
    return types.MappingProxyType({name: frozenset(codes) for name, codes in value.items()})


def _flows(value: Mapping[str, str]) -> Mapping[str, str]:
    for code, flow in value.items():
        if flow not in {member.value for member in Flow}:
            raise InvalidValueError(
                f"flow code {quote(code)} maps to {quote(flow)}: expected a tradestats.Flow value "
                f"({', '.join(repr(member.value) for member in Flow)})",
                value=flow,
            )
    return _proxy(value)


@frozen(eq=False)
class SdmxMapping:
    """Which SDMX component of a dataflow holds which tidy column, and what its codes mean.

    Build one for a dataflow without a built-in mapping, or change a built-in
    one with :func:`attrs.evolve` (``evolve(ECB_TRD, unit_mult="display")``).

    Args:
        name: The mapping's name, for messages.
        dataflows: The dataflow or data structure ids the mapping is for; a
            message naming one of them is read with it when no mapping is given.
        reporter: The dimension holding the reporting economy.
        flow: The component whose codes say exports, imports or balance.
        flows: Its codes → a :class:`~tradestats.Flow` value (``{"X": "exports"}``).
        partner: The dimension holding the partner; None: every figure is World.
        product: The dimension holding the product; None: every figure is TOTAL.
        period: The time dimension.
        unit: The component whose code names the currency (an ISO code, or a
            key of ``units``); None: ``currency`` is the currency of every value.
        units: Unit codes that are not ISO currency codes → (currency, power
            of ten of the code itself, such as 6 for ``MIO_EUR``).
        currency: The currency of every value, for a dataflow without a unit component.
        unit_mult: The unit-multiplier attribute, or None.
        unit_mult_rule: ``"apply"`` (values are in units of 10^n: multiplied out,
            exactly) or ``"display"`` (values are in units; n is a display hint).
        decimals: The attribute giving the decimals published, or None.
        status: The observation-status attribute, or None.
        statuses: Its codes → a :class:`~tradestats.Status` value, or None for
            a code with no core meaning (kept in ``status_code``).
        valuations: Flow codes → ``"fob"`` or ``"cif"``.
        world: Partner codes meaning all partners (World).
        totals: Product codes meaning all goods (TOTAL).
        keep: Component → the codes to keep; other observations (volumes,
            prices, indices) are left out.
        year_to_date: A component whose code in ``year_to_date_codes`` marks a
            monthly observation as the cumulated figure from January, or None.
        year_to_date_codes: Those codes.
        source: The ``source`` column's text.

    Raises:
        InvalidValueError: For a flow code mapped to no :class:`~tradestats.Flow`.

    >>> ECB_TRD.flows["X"], ECB_TRD.unit_mult_rule, EUROSTAT_COMEXT.unit_mult_rule
    ('exports', 'apply', 'display')
    """

    name: str
    dataflows: frozenset[str] = field(converter=_set)
    reporter: str
    flow: str
    flows: Mapping[str, str] = field(converter=_flows)
    partner: str | None = None
    product: str | None = None
    period: str = TIME
    unit: str | None = None
    units: Mapping[str, tuple[str, int]] = field(factory=dict, converter=_proxy)
    currency: str | None = None
    unit_mult: str | None = "UNIT_MULT"
    unit_mult_rule: UnitMultRule = "apply"
    decimals: str | None = "DECIMALS"
    status: str | None = "OBS_STATUS"
    statuses: Mapping[str, str | None] = field(default=SDMX_STATUSES, converter=_proxy)
    valuations: Mapping[str, str] = field(factory=dict, converter=_proxy)
    world: frozenset[str] = field(default=WORLD_CODES, converter=_set)
    totals: frozenset[str] = field(default=frozenset({"TOTAL", "_T"}), converter=_set)
    keep: Mapping[str, frozenset[str]] = field(factory=dict, converter=_codes)
    year_to_date: str | None = None
    year_to_date_codes: frozenset[str] = field(default=frozenset(), converter=_set)
    source: str = ""


#: The mapping of Eurostat Comext DS-045409 (EU trade by HS2-4-6, values in euros).
EUROSTAT_COMEXT: Final = SdmxMapping(
    name="EUROSTAT_COMEXT",
    dataflows={"DS-045409", "DS045409"},
    reporter="reporter",
    partner="partner",
    product="product",
    flow="flow",
    flows={"1": "imports", "2": "exports"},
    unit="indicators",
    units={"VALUE_IN_EUROS": ("EUR", 0)},
    keep={"indicators": {"VALUE_IN_EUROS"}},
    unit_mult_rule="display",
    status="OBS_FLAG",
    statuses=EUROSTAT_FLAGS,
    totals={"TOTAL"},
    world={"WORLD"},
    source="Eurostat Comext",
)
#: The mapping of ECB TRD (euro-area trade in goods, in millions of euros, UNIT_MULT 6).
ECB_TRD: Final = SdmxMapping(
    name="ECB_TRD",
    dataflows={"TRD", "ECB_TRD1"},
    reporter="REF_AREA",
    partner="COUNT_AREA",
    product="TRD_PRODUCT",
    flow="TRD_FLOW",
    flows={"X": "exports", "M": "imports", "B": "balance"},
    unit="UNIT",
    keep={"TRD_SUFFIX": {"VAL"}},
    totals={"TTT"},
    source="ECB TRD",
)
#: The mapping of IMF IMTS and DOT (trade in goods by partner, millions of US dollars).
IMF_IMTS: Final = SdmxMapping(
    name="IMF_IMTS",
    dataflows={"IMTS", "DOT", "ITG"},
    reporter="REF_AREA",
    partner="COUNTERPART_AREA",
    flow="INDICATOR",
    flows={
        "TXG_FOB_USD": "exports",
        "TMG_CIF_USD": "imports",
        "TMG_FOB_USD": "imports",
        "TBG_USD": "balance",
    },
    valuations={"TXG_FOB_USD": "fob", "TMG_CIF_USD": "cif", "TMG_FOB_USD": "fob"},
    currency="USD",
    source="IMF IMTS",
)
#: The mapping of OECD ITCS and bilateral trade in goods (by product, in US dollars).
OECD_ITCS: Final = SdmxMapping(
    name="OECD_ITCS",
    dataflows={"DF_BTIGE", "DSD_BTIGE", "ITCS", "BTDIXE"},
    reporter="REF_AREA",
    partner="COUNTERPART_AREA",
    product="PRODUCT",
    flow="TRADE_FLOW",
    flows={"X": "exports", "M": "imports", "B": "balance"},
    unit="UNIT_MEASURE",
    units={"USD_EXC": ("USD", 0)},
    source="OECD ITCS",
)
#: The built-in mappings by name.
SDMX_MAPPINGS: Final[Mapping[str, SdmxMapping]] = types.MappingProxyType(
    {m.name: m for m in (EUROSTAT_COMEXT, ECB_TRD, IMF_IMTS, OECD_ITCS)}
)
_MISSING: Final = frozenset({"", "NaN", "NAN", "nan", "NA"})
# UNIT_MULT and DECIMALS: a sign and a few ASCII digits.
_SMALL_INTEGER: Final = re.compile(r"[+-]?[0-9]{1,4}")
# A value _Rows.value reads without the general parser: a minus, ASCII digits, a point.
_PLAIN_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
# A power of ten that keeps MAX_DIGITS digits within 1E±MAX_EXPONENT.
_FAST_POWER: Final = MAX_EXPONENT - 2 * MAX_DIGITS


def _choose(mapping: SdmxMapping | str | None, observations: Observations) -> SdmxMapping:
    if isinstance(mapping, SdmxMapping):
        return mapping
    if isinstance(mapping, str):
        if mapping in SDMX_MAPPINGS:
            return SDMX_MAPPINGS[mapping]
        raise InvalidValueError(
            f"unknown SDMX mapping {quote(mapping)}: expected one of "
            f"{', '.join(map(repr, SDMX_MAPPINGS))}, or an SdmxMapping",
            value=mapping,
        )
    for candidate in SDMX_MAPPINGS.values():
        if observations.dataflow in candidate.dataflows:
            return candidate
    raise InvalidValueError(
        f"{observations.where}: no built-in mapping for dataflow {quote(observations.dataflow)}: "
        f"pass mapping= (one of {', '.join(map(repr, SDMX_MAPPINGS))}, or an SdmxMapping)",
        source=observations.where,
        dataflow=observations.dataflow,
    )


def _observations(source: Any, structure: Any) -> Observations:
    if isinstance(source, str | os.PathLike):
        where = os.fspath(source)
        if not os.path.exists(where):
            raise FileNotFoundError(f"{where}: no such file")
        kind = sniff(where)
        try:
            if kind == "json":
                return from_json(load_json(where), where)
            if kind == "csv":
                return from_csv(where)
        except (UnicodeError, csv.Error) as error:  # bad bytes, a broken quote
            raise ParseError(
                f"{where}: cannot read the {kind.upper()} text: {error}", path=where
            ) from None
        return from_message(_read_ml(where, structure), where)
    if isinstance(source, Mapping):
        return from_json(source, "the SDMX-JSON message")
    if hasattr(source, "data"):
        return from_message(source, "the SDMX message")
    raise InvalidValueError(
        f"cannot read a {type(source).__name__} as SDMX: expected a file, an SDMX-JSON "
        "message (a dict) or an sdmx1 DataMessage",
        value=type(source).__name__,
    )


def _sdmx() -> Any:
    try:
        return importlib.import_module("sdmx")
    except ModuleNotFoundError:
        raise ImportError(
            'reading SDMX-ML needs the sdmx1 library: pip install "tradestats[sdmx]"'
        ) from None


def _read_ml(where: str, structure: Any) -> Any:
    sdmx = _sdmx()
    try:
        if isinstance(structure, str | os.PathLike):
            # sdmx1 leaves a file it opened itself open: hand it open streams.
            with open(structure, "rb") as stream:
                message = sdmx.read_sdmx(stream, format="XML")
            structures = list(message.structure.values())
            if len(structures) != 1:
                raise ParseError(
                    f"{os.fspath(structure)}: expected one data structure, found {len(structures)}",
                    source=os.fspath(structure),
                )
            structure = structures[0]
        kwargs = {} if structure is None else {"structure": structure}
        with open(where, "rb") as stream:
            return sdmx.read_sdmx(stream, format="XML", **kwargs)
    except TradeStatsError:
        raise
    except Exception as error:
        # lxml and sdmx1 raise their own exception types for a file they cannot read.
        hint = "" if structure is not None else " (a structure-specific message needs structure=)"
        raise ParseError(
            f"{where}: sdmx1 cannot read the SDMX-ML message{hint}: {shorten(str(error))}",
            source=where,
        ) from error


def _require(observations: Observations, mapping: SdmxMapping) -> None:
    named = [mapping.reporter, mapping.flow, mapping.period, mapping.partner, mapping.product]
    named += [mapping.unit, mapping.year_to_date, *mapping.keep]
    for name in named:
        if name is not None and name not in observations.columns:
            raise ParseError(
                f"{observations.where}: the mapping {mapping.name} reads component {quote(name)}, "
                f"which dataflow {quote(observations.dataflow)} does not have (it has "
                f"{quote_all(observations.columns)})",
                source=observations.where,
                attribute=name,
            )


class _Rows:
    """Turns the codes of each kept observation into tidy values, naming the bad ones."""

    def __init__(self, observations: Observations, mapping: SdmxMapping) -> None:
        self.observations = observations
        self.mapping = mapping
        self.periods: dict[str, str] = {}
        self.units: dict[str, tuple[str, int]] = {}
        self.precisions: dict[tuple[int, int], str] = {}
        # A million observations repeat a few hundred combinations of these codes:
        # what each combination gives is worked out once.
        self._series: dict[tuple[str | None, ...], _Series] = {}
        self._marks: dict[tuple[str | None, str | None, int], _Marks] = {}
        self._absent: list[str | None] = [None] * len(observations)
        self._by_series = [self._column(mapping.flow), self._column(mapping.unit)]
        self._by_series.append(self._column(mapping.unit_mult))
        self._by_mark = [self._column(mapping.status), self._column(mapping.decimals)]

    def _column(self, name: str | None) -> list[str | None]:
        """The codes of component ``name``; all ``None`` for a component not there."""
        return self.observations.columns.get(name, self._absent) if name else self._absent

    def series(self, row: int) -> _Series:
        """What the row's flow, unit and UNIT_MULT codes give."""
        mapping = self.mapping
        flows, units, multipliers = self._by_series
        codes = (flows[row], units[row], multipliers[row])
        found = self._series.get(codes)
        if found is None:
            flow_code = codes[0]
            if flow_code is None or flow_code not in mapping.flows:
                known = quote_all(mapping.flows)
                raise self.fail(
                    row,
                    mapping.flow,
                    flow_code,
                    f"expected a flow code of the mapping {mapping.name} ({known}); "
                    "add it to flows=, or leave such series out with keep=",
                    InvalidValueError,
                )
            currency, power = self.unit(row)
            multiplier = self.integer(mapping.unit_mult, row)
            if mapping.unit_mult_rule == "apply" and multiplier is not None:
                power += multiplier
            found = _Series(
                mapping.flows[flow_code],
                currency,
                multiplier,
                power,
                mapping.valuations.get(flow_code),
            )
            self._series[codes] = found
        return found

    def marks(self, row: int, power: int) -> _Marks:
        """The row's status, its code as published, and its precision (values × 10**power)."""
        statuses, decimals = self._by_mark
        codes = (statuses[row], decimals[row], power)
        found = self._marks.get(codes)
        if found is None:
            status, code = self.status(row)
            found = (status, code, self.precision(power, self.integer(self.mapping.decimals, row)))
            self._marks[codes] = found
        return found

    def fail(
        self, row: int, name: str, text: object, expected: str, kind: type[TradeStatsError]
    ) -> TradeStatsError:
        where = self.observations.where
        key = self.observations.series_key(row)
        return kind(
            f"{where}, series {shorten(key)}, {name} {quote(text)}: {expected}",
            source=where,
            series=key,
            attribute=name,
            value=text,
        )

    def period(self, row: int) -> str:
        text = self.observations.columns[self.mapping.period][row]
        if text is None:
            raise self.fail(row, self.mapping.period, text, "expected a period", ParseError)
        period = self.periods.get(text)
        if period is None:
            try:
                period = sdmx_period(text)
            except ParseError as error:
                raise self.fail(row, self.mapping.period, text, error.message, ParseError) from None
            self.periods[text] = period
        ytd = self.mapping.year_to_date
        if (
            ytd is not None
            and self.observations.columns[ytd][row] in self.mapping.year_to_date_codes
        ):
            month = Period.parse(period)
            if month.months != 1:
                raise self.fail(
                    row,
                    self.mapping.period,
                    text,
                    "a year-to-date figure is for a month",
                    ParseError,
                )
            return Period.year_to_date(month.start_year, month.start_month).isoformat()
        return period

    def unit(self, row: int) -> tuple[str, int]:
        mapping = self.mapping
        if mapping.unit is None:
            if mapping.currency is None:
                raise ParseError(f"the mapping {mapping.name} has neither unit nor currency")
            return currency_code(mapping.currency), 0
        code = self.observations.columns[mapping.unit][row]
        if code is None:
            raise self.fail(row, mapping.unit, code, "expected a unit", ParseError)
        found = self.units.get(code)
        if found is None:
            currency, power = mapping.units.get(code, (code, 0))
            try:
                found = (currency_code(currency), power)
            except UnknownUnitError:
                raise self.fail(
                    row,
                    mapping.unit,
                    code,
                    "expected an ISO 4217 currency code, or a code of the mapping's units",
                    UnknownUnitError,
                ) from None
            self.units[code] = found
        return found

    def integer(self, name: str | None, row: int) -> int | None:
        text = self._column(name)[row]
        if name is None or text is None:
            return None
        # ASCII digits only, and few of them: int() would take '１', ' 6', '1_0' and
        # 5,000 digits, and a power of ten past the limits only makes a figure too big.
        match = _SMALL_INTEGER.fullmatch(text)
        if match is None or abs(number := int(text)) > MAX_EXPONENT:
            raise self.fail(
                row,
                name,
                text,
                f"expected a whole number from -{MAX_EXPONENT} to {MAX_EXPONENT} "
                "(tradestats.limits.MAX_EXPONENT)",
                ParseError,
            )
        return number

    def status(self, row: int) -> tuple[str | None, str | None]:
        name = self.mapping.status
        code = self._column(name)[row]
        if name is None or code is None:
            return None, None
        if code not in self.mapping.statuses:
            known = quote_all(self.mapping.statuses)
            raise self.fail(
                row,
                name,
                code,
                f"expected a status code of the mapping ({known})",
                InvalidValueError,
            )
        return self.mapping.statuses[code], code

    def value(self, row: int, power: int) -> Decimal | None:
        text = self.observations.columns[VALUE][row]
        if text is None or text.strip() in _MISSING:
            return None
        fast = _fast_value(text, power)
        if fast is not None:
            return fast
        try:
            number = to_decimal(text, what="the value")
            # Within 1E±1000 once the unit multiplier is applied too (UNIT_MULT 999 on 1E+999).
            return check_limits(number.scaleb(power), what="the value in whole units")
        except TradeStatsError as error:
            expected = "expected a finite number such as 1830.5"
            if "limit" in error.details:  # too many digits, too long, too large
                expected += f" ({error.message.split(':')[0]})"
            raise self.fail(row, VALUE, text, expected, InvalidValueError) from None

    def precision(self, power: int, decimals: int | None) -> str | None:
        if decimals is None:
            return None
        found = self.precisions.get((power, decimals))
        if found is None:
            # Half a unit of the last published digit, in whole units of the currency.
            found = _plain(Decimal(5).scaleb(power - decimals - 1))
            self.precisions[(power, decimals)] = found
        return found


def _tidy(
    observations: Observations, mapping: SdmxMapping
) -> tuple[dict[str, list[Any]], list[int]]:
    """The tidy columns of the kept observations, and each one's row in the message.

    Errors come in row order, and within a row: flow, unit, UNIT_MULT, value,
    status, DECIMALS, period.
    """
    _require(observations, mapping)
    columns = observations.columns
    kept = list(range(len(observations)))
    for name, codes in mapping.keep.items():
        kept = [row for row in kept if columns[name][row] in codes]
    reader = _Rows(observations, mapping)
    names = (
        *(column.name for column in TIDY_SCHEMA),
        *(column.name for column in PUBLISHED_SCHEMA),
        "status_code",
    )
    out: dict[str, list[Any]] = {name: [] for name in names}
    appends = [out[name].append for name in names]
    reporters = columns[mapping.reporter]
    partners = columns[mapping.partner] if mapping.partner else None
    products = columns[mapping.product] if mapping.product else None
    source = mapping.source or None
    for row in kept:
        flow, currency, multiplier, power, valuation = reader.series(row)
        exact = reader.value(row, power)
        status, code, precision = reader.marks(row, power)
        partner = partners[row] if partners is not None else WORLD
        product = products[row] if products is not None else TOTAL_PRODUCT
        for append, value in zip(
            appends,
            (
                reporters[row],
                WORLD if partner in mapping.world else partner,
                flow,
                TOTAL_PRODUCT if product in mapping.totals else product,
                reader.period(row),
                None if exact is None else float(exact),
                currency,
                valuation,
                status,
                source,
                None if exact is None else _plain(exact),
                precision,
                multiplier,
                code,
            ),
            strict=True,
        ):
            append(value)
    out["series_key"] = observations.series_keys(kept)
    return out, kept


#: A row's status, its code as published, and its precision.
_Marks: TypeAlias = tuple[str | None, str | None, str | None]


class _Series(NamedTuple):
    """What a series' flow, unit and UNIT_MULT codes give its observations."""

    flow: str
    currency: str
    multiplier: int | None
    #: The power of ten the values are multiplied by: the unit's, and UNIT_MULT if applied.
    power: int
    valuation: str | None


def _fast_value(text: str, power: int) -> Decimal | None:
    """A value written as a plain decimal of few digits, times 10**power; else ``None``.

    ``None`` leaves the text to the general parser of :meth:`_Rows.value`. At most
    MAX_DIGITS digits and a smaller power keep the result inside the limits that
    parser checks, so neither is needed.
    """
    if abs(power) > _FAST_POWER or _PLAIN_NUMBER.fullmatch(text) is None:
        return None
    if len(text) - (text[0] == "-") - ("." in text) > MAX_DIGITS:
        return None
    return Decimal(text).scaleb(power)


def _plain(number: Decimal) -> str:
    """A decimal in positional notation, without an exponent: ``198765432000``, ``0.05``."""
    return format(number, "f")


@in_context
def read_sdmx(
    source: PathLike | Mapping[str, Any] | Any,
    mapping: SdmxMapping | str | None = None,
    *,
    structure: Any = None,
    engine: str | None = None,
) -> Any:
    """Read an SDMX data message into a tidy frame, with exact values, precisions and statuses.

    Args:
        source: An SDMX-ML 2.1 file (generic or structure-specific), an
            SDMX-JSON file, an SDMX-CSV file (1.0 or 2.0), told apart by their
            first character; or an SDMX-JSON message already parsed (a dict), or
            an ``sdmx1`` ``DataMessage`` (such as ``sdmx.Client`` returns).
        mapping: An :class:`SdmxMapping`, the name of a built-in one
            (``"ECB_TRD"``), or None to choose the built-in mapping of the
            dataflow the message names.
        structure: For structure-specific SDMX-ML: the structure message (a
            file) or the ``sdmx1`` data structure it follows.
        engine: ``"polars"``, ``"pandas"`` or ``"pyarrow"``; by default the first
            of them that is installed.

    Returns:
        A frame of the engine with the columns the module describes, one row per
        observation the mapping keeps, in the message's order.

    Raises:
        ParseError: For a message that does not parse, a component the mapping
            needs and the message lacks, or a period, multiplier or decimals
            that do not read, naming the file, the series key and the component.
        InvalidValueError: For a flow or status code the mapping does not know,
            an unknown mapping, or a value that is not a finite number.
        UnknownUnitError: For a unit code that names no currency.
        ImportError: For SDMX-ML without ``sdmx1`` (``pip install "tradestats[sdmx]"``).

    >>> frame = read_sdmx("tests/data/sdmx/imf_imts.json", engine="pandas")
    >>> frame.loc[0, ["reporter", "partner", "flow", "period", "valuation", "exact_value"]].tolist()
    ['CN', 'World', 'exports', '2023-01', 'fob', '305950000000']
    """
    chosen = choose_engine(engine)
    observations = _observations(source, structure)
    chosen_mapping = _choose(mapping, observations)
    columns, kept = _tidy(observations, chosen_mapping)
    schema = {column.name: column.dtype() for column in (*TIDY_SCHEMA, *PUBLISHED_SCHEMA)}
    schema |= {"status_code": nw.String(), "series_key": nw.String()}
    frame = nw.from_dict(columns, schema=schema, backend=chosen)

    def label(row: int) -> str:
        original = kept[row]
        return f"{observations.where}, series {shorten(observations.series_key(original))}"

    return validated(frame, label).to_native()
