"""Reports: the published claims of an article or release, about flows declared once.

A :class:`Report` lists the flows an article talks about (Xinjiang's foreign trade
with the world, with Belt and Road countries, its exports of electric vehicles),
each under a short id, and the claims it makes about them, each a published
figure with the precision its digits carry:

- :class:`ValueClaim`: a flow was worth so much in a period ("183 billion yuan");
- :class:`GrowthClaim`: it grew by so much on the same period a year earlier ("+59.3%");
- :class:`MultiplierClaim`: it grew so many times ("3.26 times", with the convention
  it is read in);
- :class:`ShareClaim`: one flow was such a share of another ("92.3%");
- :class:`SumClaim`: some flows add up to another (Belt and Road + others = world).

:func:`tradestats.claims.consistency.check` says whether the claims hold together and what
they imply. Reports are usually read from a TOML or JSON file with
:func:`tradestats.claims.files.load_report`.

>>> from tradestats.claims.report import Report
>>> report = Report.from_toml('''
... title = "Xinjiang, Jan–Jul 2023"
... reporter = "Xinjiang"
... period = "2023-01/2023-07"
... [flows.world]
... flow = "total"
... [[claims]]
... id = "world-value"
... flow = "world"
... value = "183 billion yuan"
... ''')
>>> report.claims[0].value.interval.low
Decimal('1.825E+11')
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeAlias

from attrs import field, frozen

from tradestats._validate import enum_member, name_text, optional_text
from tradestats.amounts import Amount
from tradestats.errors import InvalidValueError, TradeStatsError, UnitMismatchError
from tradestats.flows import WORLD, Flow, Product, _product
from tradestats.measures import Growth, Multiplier, Share, TimesConvention
from tradestats.periods import Period, as_period
from tradestats.units import dimension_of, incompatibility
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from pathlib import Path

__all__ = [
    "Claim",
    "GrowthClaim",
    "MultiplierClaim",
    "Report",
    "ReportFlow",
    "ShareClaim",
    "SumClaim",
    "ValueClaim",
]


def _id(value: object) -> str:
    return name_text(value, "an id")


def _flow(value: Flow | str) -> Flow:
    return enum_member(Flow, value)


def _reporter(value: object) -> str:
    return name_text(value, "a reporter")


def _partner(value: object) -> str:
    return name_text(value, "a partner")


def _label(value: object) -> str | None:
    return optional_text(value, "a label")


def _text(value: object) -> str | None:
    return optional_text(value, "the published text")


def _parts(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidValueError(f"parts must be a list of flow ids, got {value!r}", value=value)
    return tuple(_id(part) for part in value)


def _periods(value: object) -> tuple[Period, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidValueError(f"periods must be a list of periods, got {value!r}", value=value)
    return tuple(as_period(period) for period in value)


#: How each field of a flow is checked, for readers that report errors field by field.
_FLOW_FIELDS: Final[dict[str, Callable[[Any], object]]] = {
    "reporter": _reporter,
    "flow": _flow,
    "partner": _partner,
    "product": _product,
    "label": _label,
}


@frozen(kw_only=True)
class ReportFlow:
    """A flow that a report's claims refer to by id: who traded what with whom.

    Args:
        id: The short name claims use for the flow, such as ``"bri"``.
        reporter: The reporting country or region.
        flow: Exports, imports, total trade (exports + imports), balance, ….
        partner: The partner country or group; :data:`~tradestats.WORLD` by default.
        product: An HS code or product group, or ``None`` for all goods.
        label: How the report names the flow, for output; made up from the other
            fields when missing.

    >>> ReportFlow(id="bri", reporter="Xinjiang", flow="total",
    ...            partner="Belt and Road countries").describe()
    'Xinjiang total trade with Belt and Road countries'
    """

    id: str = field(converter=_id)
    reporter: str = field(converter=_reporter)
    flow: Flow = field(converter=_flow)
    partner: str = field(default=WORLD, converter=_partner)
    product: Product | None = field(default=None, converter=_product)
    label: str | None = field(default=None, converter=_label)

    def describe(self) -> str:
        """The label, or "reporter flow of product with partner"."""
        if self.label is not None:
            return self.label
        product = f" of {self.product}" if self.product is not None else ""
        return f"{self.reporter} {self.flow.label}{product} with {self.partner}"


@frozen(kw_only=True)
class ValueClaim:
    """A flow was worth ``value`` in ``period`` (a "value for the earlier period" too).

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow.
        period: The months the value covers.
        value: The published amount with its precision, such as 183 billion ± 0.5 billion CNY.
        text: The figure as published, for output.
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    period: Period = field(converter=as_period)
    value: Reported[Amount]
    text: str | None = field(default=None, converter=_text)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods the claim is about."""
        return (self.period,)


@frozen(kw_only=True)
class GrowthClaim:
    """A flow grew by ``growth`` in ``period`` on the same months a year earlier.

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow.
        period: The later period; the base is ``period.previous_year()``.
        growth: The published rate with its precision, such as +59.3% ± 0.05 pp.
        text: The figure as published, for output.
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    period: Period = field(converter=as_period)
    growth: Reported[Growth]
    text: str | None = field(default=None, converter=_text)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The later period and its base, a year earlier."""
        return (self.period, self.period.previous_year())


@frozen(kw_only=True)
class MultiplierClaim:
    """A flow in ``period`` was ``multiplier`` times its value a year earlier.

    "N times" figures are ambiguous (see :class:`~tradestats.TimesConvention`):
    ``times`` records how the published number was read, and is ``None`` only
    for an explicit factor such as "×4.26".

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow.
        period: The later period; the base is ``period.previous_year()``.
        multiplier: The factor new ÷ old with its precision: "3.26 times" read as
            times more is ×4.26 ± 0.005.
        times: The convention the published "N times" was read with, or ``None``.
        text: The figure as published, for output.
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    period: Period = field(converter=as_period)
    multiplier: Reported[Multiplier]
    times: TimesConvention | None = None
    text: str | None = field(default=None, converter=_text)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The later period and its base, a year earlier."""
        return (self.period, self.period.previous_year())


@frozen(kw_only=True)
class ShareClaim:
    """Flow ``part`` was ``share`` of flow ``whole`` in ``period``.

    Args:
        id: Unique among the report's claims.
        part: The id of the part's flow.
        whole: The id of the whole's flow.
        period: The months both cover.
        share: The published share with its precision, such as 92.3% ± 0.05 pp.
        text: The figure as published, for output.
    """

    id: str = field(converter=_id)
    part: str = field(converter=_id)
    whole: str = field(converter=_id)
    period: Period = field(converter=as_period)
    share: Reported[Share]
    text: str | None = field(default=None, converter=_text)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The period the claim is about."""
        return (self.period,)


@frozen(kw_only=True)
class SumClaim:
    """Flows ``parts`` add up to flow ``total``: exports + imports = total trade.

    Args:
        id: Unique among the report's claims.
        total: The id of the total's flow.
        parts: The ids of the parts, at least one.
        periods: The periods in which the parts add up; empty (the default) means
            in every period of the report.
    """

    id: str = field(converter=_id)
    total: str = field(converter=_id)
    parts: tuple[str, ...] = field(converter=_parts)
    periods: tuple[Period, ...] = field(default=(), converter=_periods)


#: Any claim of a report.
Claim: TypeAlias = ValueClaim | GrowthClaim | MultiplierClaim | ShareClaim | SumClaim


def _flows(value: Iterable[ReportFlow]) -> tuple[ReportFlow, ...]:
    return tuple(value)


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Report:
    """The claims of one article or release, about flows declared once by id.

    Args:
        title: What the report is, for output.
        flows: The flows the claims refer to, with unique ids.
        claims: The claims, with unique ids.
        source: Where the report comes from.

    Raises:
        InvalidValueError: For duplicate ids, a claim naming an unknown flow, a
            sum whose total is one of its parts, a share of a flow in itself, or a
            growth, multiplier or share of a balance (which may be negative).
        UnitMismatchError: For claims that would combine two currencies (or money
            and goods) in one relation.

    Errors carry the offending claim's id and field in ``details`` (``claim``,
    ``field``), which the file loader uses to point at the line to fix.
    """

    title: str = field(converter=_id)
    flows: tuple[ReportFlow, ...] = field(converter=_flows)
    claims: tuple[Claim, ...] = field(converter=_claims)
    source: str | None = field(default=None, converter=_label)

    def __attrs_post_init__(self) -> None:
        _check_ids(self)
        _check_references(self)
        _check_units(self)

    @classmethod
    def from_toml(cls, text: str, *, name: str = "<string>") -> Report:
        """Read a report from TOML text; see :doc:`/report-format`.

        Raises:
            ReportFileError: For text that is not a valid report, naming ``name``,
                the claim and the field.
        """
        from tradestats.claims.files import parse_report  # noqa: PLC0415 - reportfile imports us

        return parse_report(text, name=name, kind="toml")

    @classmethod
    def from_json(cls, text: str, *, name: str = "<string>") -> Report:
        """Read a report from JSON text with the same structure as the TOML format.

        Raises:
            ReportFileError: For text that is not a valid report.
        """
        from tradestats.claims.files import parse_report  # noqa: PLC0415 - reportfile imports us

        return parse_report(text, name=name, kind="json")

    @classmethod
    def load(cls, path: str | Path) -> Report:
        """Read a report from a ``.toml`` or ``.json`` file.

        Raises:
            ReportFileError: For a file that cannot be read or is not a valid report.
        """
        from tradestats.claims.files import load_report  # noqa: PLC0415 - reportfile imports us

        return load_report(path)

    def flow(self, flow_id: str) -> ReportFlow:
        """The flow declared under ``flow_id``.

        Raises:
            KeyError: If no flow has that id.
        """
        return self._flows_by_id[flow_id]

    @cached_property
    def _flows_by_id(self) -> dict[str, ReportFlow]:
        return {flow.id: flow for flow in self.flows}

    def claim(self, claim_id: str) -> Claim:
        """The claim with id ``claim_id``.

        Raises:
            KeyError: If no claim has that id.
        """
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    @cached_property
    def periods(self) -> tuple[Period, ...]:
        """Every period a claim names (with the bases of growth figures), in time order."""
        found = {period for claim in self.claims for period in claim.periods}
        return tuple(sorted(found, key=lambda period: (period.start_index, period.end_index)))

    def sum_periods(self, claim: SumClaim) -> tuple[Period, ...]:
        """The periods in which a sum claim holds: its own, or every period of the report."""
        return claim.periods or self.periods

    def unit_of(self, flow_id: str) -> str | None:
        """The unit of the first value claimed for ``flow_id`` or a flow related to it."""
        return self._units.get(flow_id)

    @cached_property
    def _units(self) -> dict[str, str]:
        # The union-find is built once per report: the check asks for every flow's unit.
        parent = _links(self)
        roots = _unit_groups(self, parent)
        return {
            flow.id: roots[root] for flow in self.flows if (root := _find(parent, flow.id)) in roots
        }


def _error(
    kind: type[TradeStatsError], message: str, claim: str, field_name: str, value: Any
) -> NoReturn:
    raise kind(message, claim=claim, field=field_name, value=value)


def _check_ids(report: Report) -> None:
    seen: set[str] = set()
    for flow in report.flows:
        if flow.id in seen:
            _error(
                InvalidValueError,
                f"flow id {flow.id!r} is declared twice",
                flow.id,
                "id",
                flow.id,
            )
        seen.add(flow.id)
    seen = set()
    for claim in report.claims:
        if claim.id in seen:
            _error(
                InvalidValueError,
                f"claim id {claim.id!r} is used twice: give every claim its own id",
                claim.id,
                "id",
                claim.id,
            )
        seen.add(claim.id)


def _references(claim: Claim) -> Iterator[tuple[str, str]]:
    """(field, flow id) for every flow a claim names."""
    if isinstance(claim, ShareClaim):
        yield from (("part", claim.part), ("whole", claim.whole))
    elif isinstance(claim, SumClaim):
        yield "total", claim.total
        yield from (("parts", part) for part in claim.parts)
    else:
        yield "flow", claim.flow


def _check_references(report: Report) -> None:
    flows = {flow.id: flow for flow in report.flows}
    for claim in report.claims:
        for field_name, flow_id in _references(claim):
            if flow_id not in flows:
                known = ", ".join(repr(name) for name in flows) or "none"
                _error(
                    InvalidValueError,
                    f"unknown flow {flow_id!r}: declare it under [flows.{flow_id}] "
                    f"(declared flows: {known})",
                    claim.id,
                    field_name,
                    flow_id,
                )
            ratio = not isinstance(claim, ValueClaim | SumClaim)
            if ratio and flows[flow_id].flow is Flow.BALANCE:
                _error(
                    InvalidValueError,
                    f"flow {flow_id!r} is a balance, which may be negative: growth rates, "
                    "multipliers and shares are not defined for it",
                    claim.id,
                    field_name,
                    flow_id,
                )
        if isinstance(claim, ShareClaim) and claim.part == claim.whole:
            _error(
                InvalidValueError,
                f"a share of flow {claim.part!r} in itself is always 100%",
                claim.id,
                "whole",
                claim.whole,
            )
        if isinstance(claim, SumClaim):
            if claim.total in claim.parts:
                _error(
                    InvalidValueError,
                    f"flow {claim.total!r} is both the total and one of its parts",
                    claim.id,
                    "parts",
                    list(claim.parts),
                )
            if len(set(claim.parts)) != len(claim.parts):
                _error(
                    InvalidValueError,
                    "a flow appears twice among the parts",
                    claim.id,
                    "parts",
                    list(claim.parts),
                )


def _links(report: Report) -> dict[str, str]:
    """Union-find parents: flows in one share or sum must share a unit."""
    parent = {flow.id: flow.id for flow in report.flows}
    for claim in report.claims:
        names = [flow_id for _, flow_id in _references(claim)]
        for other in names[1:]:
            parent[_find(parent, other)] = _find(parent, names[0])
    return parent


def _find(parent: dict[str, str], name: str) -> str:
    while parent[name] != name:
        parent[name] = parent[parent[name]]
        name = parent[name]
    return name


def _unit_groups(report: Report, parent: dict[str, str]) -> dict[str, str]:
    """The unit of each group of related flows (by root in ``parent``), from its first value."""
    units: dict[str, str] = {}
    for claim in report.claims:
        if isinstance(claim, ValueClaim):
            units.setdefault(_find(parent, claim.flow), claim.value.value.unit)
    return units


def _check_units(report: Report) -> None:
    parent = _links(report)
    first: dict[str, ValueClaim] = {}
    for claim in report.claims:
        if not isinstance(claim, ValueClaim):
            continue
        root = _find(parent, claim.flow)
        earlier = first.setdefault(root, claim)
        unit, wanted = claim.value.value.unit, earlier.value.value.unit
        if unit != wanted and dimension_of(unit) != dimension_of(wanted):
            _error(
                UnitMismatchError,
                f"{claim.value.value} cannot be compared with {earlier.value.value} of claim "
                f"{earlier.id!r}: {incompatibility(wanted, unit)}; give every value of related "
                "flows in one currency",
                claim.id,
                "value",
                str(claim.value.value),
            )
