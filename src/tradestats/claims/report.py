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
- :class:`SumClaim`: some flows add up to another (Belt and Road + others = world);
- :class:`ChangeClaim`: a flow changed by so much in level ("up $3.4 billion");
- :class:`ContributionClaim`: a part contributed so many percentage points to the
  growth of its total ("contributed 2.7 percentage points").

Growth, multiplier, change and contribution claims are measured against a base
(``versus``): the same months a year earlier unless the claim says otherwise.

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

from collections.abc import Mapping
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

from attrs import field, frozen

from tradestats._numbers import in_context
from tradestats._text import quote, quote_all, shorten
from tradestats.claims import _claims as _claim_kinds
from tradestats.claims._claims import (
    BalanceSign,
    ChangeClaim,
    ContributionClaim,
    ContributionShareClaim,
    GrowthClaim,
    GrowthDifferenceClaim,
    MultiplierClaim,
    ReportFlow,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
    _id,
    _label,
)
from tradestats.claims._data import DataMatch
from tradestats.claims._reading import ReportParts, read_file, read_text
from tradestats.claims._releases import (
    STANDARD_BASES,
    Release,
    ReleaseStatus,
    as_basis,
    as_max_revision,
)
from tradestats.errors import InvalidValueError, TradeStatsError, UnitMismatchError
from tradestats.flows import Flow

# Imported at run time: attrs turns the cached properties below into slots, and cattrs
# resolves their annotations when it structures a report.
from tradestats.periods import Period  # noqa: TC001
from tradestats.units import dimension_of, incompatibility

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

__all__ = [
    "STANDARD_BASES",
    "BalanceSign",
    "ChangeClaim",
    "Claim",
    "ContributionClaim",
    "ContributionShareClaim",
    "DataMatch",
    "GrowthClaim",
    "GrowthDifferenceClaim",
    "MultiplierClaim",
    "Release",
    "ReleaseStatus",
    "Report",
    "ReportFlow",
    "ShareChangeClaim",
    "ShareClaim",
    "SumClaim",
    "ValueClaim",
]

#: Any claim of a report.
Claim: TypeAlias = _claim_kinds.Claim


def _flows(value: Iterable[ReportFlow]) -> tuple[ReportFlow, ...]:
    return tuple(value)


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(value)


def _releases(value: Iterable[Release]) -> tuple[Release, ...]:
    return tuple(value)


def _bases(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    found = []
    for name, meaning in pairs:
        basis = as_basis(name)
        assert basis is not None
        found.append((basis, _id(meaning)))
    return tuple(found)


def _optional_id(value: object) -> str | None:
    return None if value is None else _id(value)


@frozen(kw_only=True)
class Report:
    """The claims of one article or release, about flows declared once by id.

    Args:
        title: What the report is, for output.
        flows: The flows the claims refer to, with unique ids.
        claims: The claims, with unique ids.
        source: Where the report comes from.
        releases: The publications the claims come from, with unique ids; none
            (the default) makes the report one implicit release.
        default_release: The release of the claims that name none. With one
            release, that release; with several and no default, every claim
            must name its ``release`` (a sum that names none holds in every release).
        max_revision: The largest revision (a fraction: 0.01 is 1%) a figure may
            have had between two releases; ``None`` allows any. A release may
            set a smaller one of its own.
        bases: Bases of flows beside the standard ones (``STANDARD_BASES``), with
            what each means.
        data: How the flows match the rows of an official data set, for
            ``check(report, data=...)`` (see :class:`DataMatch`).

    Each claim may name its ``release`` (an id of ``releases``); figures for
    the same flow and period from two releases are two vintages of one
    quantity, which :func:`~tradestats.check` may reconcile by a revision (see
    :doc:`/explanation/vintages`).

    Raises:
        InvalidValueError: For duplicate ids, a claim naming an unknown flow or
            release, a claim naming none where several releases have no default,
            a flow of an unknown basis, a
            sum whose total is one of its parts, a share of a flow in itself, a
            share of a balance (which may be negative), or a sign (deficit,
            surplus) on a flow that is no balance or against its value's sign.
        UnitMismatchError: For claims that would combine two currencies (or money
            and goods) in one relation.

    Errors carry the offending claim's id and field in ``details`` (``claim``,
    ``field``), which the file loader uses to point at the line to fix.
    """

    title: str = field(converter=_id)
    flows: tuple[ReportFlow, ...] = field(converter=_flows)
    claims: tuple[Claim, ...] = field(converter=_claims)
    source: str | None = field(default=None, converter=_label)
    releases: tuple[Release, ...] = field(default=(), converter=_releases)
    default_release: str | None = field(default=None, converter=_optional_id)
    max_revision: Decimal | None = field(default=None, converter=as_max_revision)
    bases: tuple[tuple[str, str], ...] = field(default=(), converter=_bases)
    data: DataMatch | None = None

    def __attrs_post_init__(self) -> None:
        _check_ids(self)
        _check_references(self)
        _check_units(self)
        _check_releases(self)
        _check_bases(self)

    def release_of(self, claim: Claim) -> str | None:
        """The id of the release a claim belongs to; ``None`` for the implicit one.

        A sum that names no release holds in every release: ``None`` too.

        >>> from tradestats import Reported
        >>> report = Report(title="t", flows=[ReportFlow(id="x", reporter="A", flow="exports")],
        ...     claims=[ValueClaim(id="v", flow="x", period="2023", value=Reported.parse_amount(
        ...         "1 billion USD"))],
        ...     releases=[Release(id="r", publisher="P", published="2024-01-05")])
        >>> report.release_of(report.claims[0])
        'r'
        """
        if claim.release is not None:
            return claim.release
        if isinstance(claim, SumClaim) and len(self.releases) > 1:
            return None
        if self.default_release is not None:
            return self.default_release
        return self.releases[0].id if len(self.releases) == 1 else None

    def release(self, release_id: str) -> Release:
        """The release declared under ``release_id``.

        Raises:
            KeyError: If no release has that id.
        """
        for found in self.releases:
            if found.id == release_id:
                return found
        raise KeyError(release_id)

    @classmethod
    @in_context
    def from_toml(cls, text: str, *, name: str = "<string>") -> Report:
        """Read a report from TOML text; see :doc:`/report-format`.

        Raises:
            ReportFileError: For text that is not a valid report, naming ``name``,
                the claim and the field.
        """
        return _build(read_text(text, name=name, kind="toml"))

    @classmethod
    @in_context
    def from_json(cls, text: str, *, name: str = "<string>") -> Report:
        """Read a report from JSON text with the same structure as the TOML format.

        Raises:
            ReportFileError: For text that is not a valid report.
        """
        return _build(read_text(text, name=name, kind="json"))

    @classmethod
    @in_context
    def load(cls, path: str | Path) -> Report:
        """Read a report from a ``.toml`` or ``.json`` file.

        Raises:
            ReportFileError: For a file that cannot be read or is not a valid report.
        """
        text, kind = read_file(path)
        return _build(read_text(text, name=str(path), kind=kind))

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

    @cached_property
    def balance_relations(self) -> tuple[tuple[str, str, str], ...]:
        """``(balance, exports, imports)`` ids of flows of one quantity's three sides.

        The three share reporter, partner, product, basis, partner definition and
        release.

        For each, balance = exports − imports holds in every period without a
        claim saying so: the check adds the relation itself.

        >>> report = Report(title="t", claims=(), flows=[
        ...     ReportFlow(id=i, reporter="A", flow=f)
        ...     for i, f in [("x", "exports"), ("m", "imports"), ("b", "balance")]])
        >>> report.balance_relations
        (('b', 'x', 'm'),)
        """
        by_what: dict[tuple[object, ...], dict[Flow, list[str]]] = {}
        for flow in self.flows:
            # One quantity each: flows of another basis, partner definition or
            # release are other quantities, whose exports and imports make no balance.
            what = (
                flow.reporter,
                flow.partner,
                flow.product,
                flow.basis,
                flow.partner_definition,
                flow.release,
            )
            by_what.setdefault(what, {}).setdefault(flow.flow, []).append(flow.id)
        return tuple(
            (balance, exports, imports)
            for found in by_what.values()
            for balance in found.get(Flow.BALANCE, ())
            for exports in found.get(Flow.EXPORTS, ())
            for imports in found.get(Flow.IMPORTS, ())
        )

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


def _build(parts: ReportParts) -> Report:
    try:
        return Report(
            title=parts.title,
            source=parts.source,
            flows=parts.flows,
            claims=parts.claims,
            releases=parts.releases,
            default_release=parts.default_release,
            max_revision=parts.max_revision,
            bases=parts.bases,
            data=parts.data,
        )
    except TradeStatsError as error:
        raise parts.error(error) from None


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
                f"flow id {quote(flow.id)} is declared twice",
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
                f"claim id {quote(claim.id)} is used twice: give every claim its own id",
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
    elif isinstance(claim, ContributionClaim | ContributionShareClaim):
        yield from (("part", claim.part), ("total", claim.total))
    elif isinstance(claim, ShareChangeClaim):
        yield from (("part", claim.part), ("whole", claim.whole))
    elif isinstance(claim, GrowthDifferenceClaim):
        yield from (("flow", claim.flow), ("than", claim.than))
    else:
        yield "flow", claim.flow


def _check_references(report: Report) -> None:
    flows = {flow.id: flow for flow in report.flows}
    for claim in report.claims:
        for field_name, flow_id in _references(claim):
            if flow_id not in flows:
                known = quote_all(flows) or "none"
                _error(
                    InvalidValueError,
                    f"unknown flow {quote(flow_id)}: declare it under [flows.{shorten(flow_id)}] "
                    f"(declared flows: {known})",
                    claim.id,
                    field_name,
                    flow_id,
                )
            # A ratio's flows cannot be balances: a share or change of share of one, or
            # the total of a contribution (the base of a growth rate, which must be
            # positive). A balance's own growth is of its size (GrowthClaim); a
            # contribution's part may be a balance ("net exports contributed").
            ratio = isinstance(
                claim,
                ShareClaim
                | ShareChangeClaim
                | GrowthDifferenceClaim
                | ContributionClaim
                | ContributionShareClaim,
            ) and not (
                isinstance(claim, ContributionClaim | ContributionShareClaim)
                and field_name == "part"
            )
            if ratio and flows[flow_id].flow is Flow.BALANCE:
                _error(
                    InvalidValueError,
                    f"flow {quote(flow_id)} is a balance, which may be negative: shares are not "
                    "defined for it",
                    claim.id,
                    field_name,
                    flow_id,
                )
        _check_sign(claim, flows)
        _check_self_reference(claim)
        if isinstance(claim, ShareClaim) and claim.part == claim.whole:
            _error(
                InvalidValueError,
                f"a share of flow {quote(claim.part)} in itself is always 100%",
                claim.id,
                "whole",
                claim.whole,
            )
        if isinstance(claim, SumClaim):
            if claim.total in claim.parts:
                _error(
                    InvalidValueError,
                    f"flow {quote(claim.total)} is both the total and one of its parts",
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


def _check_releases(report: Report) -> None:
    """Every release a claim names is declared; with several, each claim names one."""
    ids = [release.id for release in report.releases]
    known = quote_all(ids) or "none"
    if len(set(ids)) != len(ids):
        twice = next(name for name in ids if ids.count(name) > 1)
        _error(
            InvalidValueError, f"release id {quote(twice)} is declared twice", twice, "id", twice
        )
    if report.default_release is not None and report.default_release not in ids:
        _error(
            InvalidValueError,
            f"the default release {quote(report.default_release)} is not declared: declare "
            f"it under "
            f"[releases.{report.default_release}] (declared releases: {known})",
            report.default_release,
            "release",
            report.default_release,
        )
    for claim in report.claims:
        if claim.release is not None and claim.release not in ids:
            _error(
                InvalidValueError,
                f"unknown release {quote(claim.release)}: declare it under "
                f"[releases.{claim.release}] (declared releases: {known})",
                claim.id,
                "release",
                claim.release,
            )
        sum_everywhere = isinstance(claim, SumClaim)
        if (
            len(ids) > 1
            and claim.release is None
            and report.default_release is None
            and not sum_everywhere
        ):
            _error(
                InvalidValueError,
                f"claim {quote(claim.id)} names no release, and the report has several ({known}) "
                "and no default: add release = one of them to the claim, or a report-level "
                "release",
                claim.id,
                "release",
                None,
            )


def _check_bases(report: Report) -> None:
    """Every basis a flow names is a standard one or one the report declares."""
    own = [name for name, _ in report.bases]
    known = (*STANDARD_BASES, *own)
    for flow in report.flows:
        if flow.basis is not None and flow.basis not in known:
            names = quote_all(known)
            _error(
                InvalidValueError,
                f"unknown basis {quote(flow.basis)}: expected one of {names}, or declare it with "
                f"what it means under [bases]",
                flow.id,
                "basis",
                flow.basis,
            )


def _check_sign(claim: Claim, flows: dict[str, ReportFlow]) -> None:
    """A sign (deficit, surplus) belongs to a balance, and to a value of that sign."""
    if not isinstance(claim, ValueClaim | GrowthClaim | MultiplierClaim) or claim.sign is None:
        return
    flow = flows[claim.flow]
    if flow.flow is not Flow.BALANCE:
        _error(
            InvalidValueError,
            f"a {claim.sign.value} is the sign of a balance, but flow {quote(claim.flow)} is "
            f"{flow.flow.label}: drop the word or the sign key, or declare the flow as "
            'flow = "balance"',
            claim.id,
            "sign",
            claim.sign.value,
        )
    if isinstance(claim, ValueClaim):
        value = claim.value.value
        if value.magnitude * claim.sign.sign < 0:
            _error(
                InvalidValueError,
                f"a {claim.sign.value} cannot be {value}: give a balance's size without a "
                "sign and let the word say it, as in 'a deficit of 11.8 billion USD'",
                claim.id,
                "value",
                str(value),
            )


def _check_self_reference(claim: Claim) -> None:
    """Refuse a new kind of claim that compares a flow with itself."""
    pairs: dict[type[Any], tuple[str, str, str]] = {
        ContributionClaim: ("part", "total", "its contribution to its own growth is its growth"),
        ContributionShareClaim: ("part", "total", "its share of its own change is always 100%"),
        ShareChangeClaim: ("part", "whole", "its share in itself is always 100%"),
        GrowthDifferenceClaim: ("flow", "than", "its growth differs from itself by 0 pp"),
    }
    found = pairs.get(type(claim))
    if found is None:
        return
    first, second, why = found
    flow_id = getattr(claim, first)
    if flow_id == getattr(claim, second):
        _error(
            InvalidValueError,
            f"{first} and {second} are both flow {quote(flow_id)}: {why}",
            claim.id,
            second,
            flow_id,
        )


def _links(report: Report) -> dict[str, str]:
    """Union-find parents: flows in one share, sum or balance relation must share a unit.

    Not the two flows of a growth difference: rates have no unit.
    """
    parent = {flow.id: flow.id for flow in report.flows}
    groups = [
        [flow_id for _, flow_id in _references(claim)]
        for claim in report.claims
        if not isinstance(claim, GrowthDifferenceClaim)  # two rates compare without a unit
    ]
    # balance = exports − imports ties the three as a sum claim would.
    for names in [*groups, *map(list, report.balance_relations)]:
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
    for claim in report.claims:
        if isinstance(claim, ChangeClaim):  # a change in level gives a unit too, after values
            units.setdefault(_find(parent, claim.flow), claim.change.value.unit)
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
                f"{quote(earlier.id)}: {incompatibility(wanted, unit)}; give every value "
                f"of related "
                "flows in one currency",
                claim.id,
                "value",
                str(claim.value.value),
            )
    _check_change_units(report, parent)


def _check_change_units(report: Report, parent: dict[str, str]) -> None:
    """A change in level must be in a unit its flow's values convert to."""
    units = _unit_groups(report, parent)
    for claim in report.claims:
        if not isinstance(claim, ChangeClaim):
            continue
        unit, wanted = claim.change.value.unit, units[_find(parent, claim.flow)]
        if unit != wanted and dimension_of(unit) != dimension_of(wanted):
            _error(
                UnitMismatchError,
                f"a change of {claim.change.value} cannot be compared with values in {wanted}: "
                f"{incompatibility(wanted, unit)}; give the change in the currency of the "
                "flow's values",
                claim.id,
                "change",
                str(claim.change.value),
            )
