"""The flows and claims a report is made of, one claim per published figure.

Private: the classes are documented and imported from
:mod:`tradestats.claims.report` (and ``tradestats``). They live here, apart from
:class:`~tradestats.claims.report.Report`, so that the reader of report text
(:mod:`tradestats.claims._reading`) can build them without importing the report
module, which imports the reader for ``Report.from_toml``.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from attrs import field, frozen

from tradestats._text import quote
from tradestats._validate import enum_member, name_text, optional_text
from tradestats.amounts import Amount
from tradestats.claims._releases import as_basis
from tradestats.errors import InvalidValueError, TradeStatsError, UnknownGroupError
from tradestats.flows import WORLD, Flow, Product, _product
from tradestats.groups import Membership, MembershipKind, PartnerGroup, find_group, partner_groups
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share, TimesConvention
from tradestats.periods import Lag, Period, Versus, as_period, as_versus
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "BalanceSign",
    "ChangeClaim",
    "Claim",
    "ContributionClaim",
    "ContributionShareClaim",
    "GrowthClaim",
    "GrowthDifferenceClaim",
    "MultiplierClaim",
    "ReportFlow",
    "ShareChangeClaim",
    "ShareClaim",
    "SumClaim",
    "ValueClaim",
]


class BalanceSign(enum.Enum):
    """The sign a published balance has: a surplus (exports above imports) or a deficit.

    "A deficit of 11.8 billion" is a balance of −11.8 billion; "the deficit widened
    7.9%" is a growth of the deficit's size, with the balance negative in both
    periods. Written in a report as a word of the figure's text (deficit, surplus,
    逆差, 顺差) or as the key ``sign``.

    >>> BalanceSign("deficit").sign
    -1
    """

    SURPLUS = "surplus"
    DEFICIT = "deficit"

    @property
    def sign(self) -> int:
        """+1 for a surplus, −1 for a deficit."""
        return 1 if self is BalanceSign.SURPLUS else -1


def _sign(value: BalanceSign | str | None) -> BalanceSign | None:
    if value is None:
        return None
    return enum_member(BalanceSign, value, what="balance sign")


def _id(value: object) -> str:
    return name_text(value, "an id")


def _flow(value: Flow | str) -> Flow:
    return enum_member(Flow, value)


def _reporter(value: object) -> str:
    return name_text(value, "a reporter")


def _partner(value: object) -> str:
    return name_text(value, "a partner")


def _membership(value: object) -> Membership | None:
    return None if value is None else Membership.parse(value)  # type: ignore[arg-type]


def _label(value: object) -> str | None:
    return optional_text(value, "a label")


def _text(value: object) -> str | None:
    return optional_text(value, "the published text")


def _release(value: object) -> str | None:
    return optional_text(value, "a release id")


def _definition(value: object) -> str | None:
    return optional_text(value, "a partner definition")


def _parts(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidValueError(
            f"parts must be a list of flow ids, got {quote(value)}", value=value
        )
    return tuple(_id(part) for part in value)


def _periods(value: object) -> tuple[Period, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidValueError(
            f"periods must be a list of periods, got {quote(value)}", value=value
        )
    return tuple(as_period(period) for period in value)


def _versus(value: object) -> Versus:
    return as_versus(value)  # type: ignore[arg-type]  # as_versus names what it refuses


def _checked_base(instance: Any, _attribute: object, versus: Versus) -> None:
    """Refuse a base the claim's period cannot be measured against, naming the field."""
    try:
        instance.period.base(versus)
    except TradeStatsError as error:
        raise type(error)(error.message, **{**error.details, "field": "versus"}) from None


#: How each field of a flow is checked, for readers that report errors field by field.
_FLOW_FIELDS: Final[dict[str, Callable[[Any], object]]] = {
    "reporter": _reporter,
    "flow": _flow,
    "partner": _partner,
    "product": _product,
    "label": _label,
    "basis": as_basis,
    "partner_definition": _definition,
    "membership": _membership,
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
        basis: How its values are compiled ("customs", "balance of payments", …;
            see ``tradestats.STANDARD_BASES``), if stated.
        partner_definition: What the partner group meant for this flow, as free
            text ("64 countries along the routes"), if stated.
        release: The one release whose figures the flow holds, or ``None`` (the
            default) for a flow of every release. The check sets it on the copies of
            the flows it makes to check each release alone; flows of different
            releases are never tied by a balance relation.
        membership: For a partner that is a group of the shipped table (``"EU"``,
            ``"ASEAN"``, …), which members each period's figure covers:
            ``"as of each period"`` (the default for a group) or a fixed
            composition such as ``"fixed: EU27_2020"``. Growth of a group across
            a change of its members is only compared under a fixed composition.

    Raises:
        UnknownGroupError: For a membership rule on a partner that is not a group.

    Flows of different stated bases or partner definitions are different
    quantities: the check never equates them (see :doc:`/explanation/vintages`).

    >>> ReportFlow(id="bri", reporter="Xinjiang", flow="total",
    ...            partner="Belt and Road countries").describe()
    'Xinjiang total trade with Belt and Road countries'
    >>> ReportFlow(id="eu", reporter="China", flow="exports", partner="EU",
    ...            membership="fixed: EU27_2020").describe()
    'China exports with EU (fixed: EU27_2020)'
    """

    id: str = field(converter=_id)
    reporter: str = field(converter=_reporter)
    flow: Flow = field(converter=_flow)
    partner: str = field(default=WORLD, converter=_partner)
    product: Product | None = field(default=None, converter=_product)
    label: str | None = field(default=None, converter=_label)
    basis: str | None = field(default=None, converter=as_basis)
    partner_definition: str | None = field(default=None, converter=_definition)
    release: str | None = field(default=None, converter=_release)
    membership: Membership | None = field(default=None, converter=_membership)

    def __attrs_post_init__(self) -> None:
        if self.membership is not None and self.group is None:
            raise UnknownGroupError(
                f"membership = {str(self.membership)!r} needs a partner that is a group "
                f"({', '.join(partner_groups())}), not {quote(self.partner)}",
                group=self.partner,
                field="membership",
            )

    @property
    def group(self) -> PartnerGroup | None:
        """The shipped partner group the partner names, or None for a country or free text."""
        return find_group(self.partner)

    @property
    def rule(self) -> Membership | None:
        """The membership rule of a group partner (as of each period unless fixed), or None."""
        if self.group is None:
            return None
        return self.membership or Membership.as_of_each_period()

    def describe(self) -> str:
        """The label, or "reporter flow of product with partner" (and a fixed membership)."""
        if self.label is not None:
            return self.label
        product = f" of {self.product}" if self.product is not None else ""
        fixed = ""
        if self.membership is not None and self.membership.kind is MembershipKind.FIXED:
            fixed = f" ({self.membership})"
        return f"{self.reporter} {self.flow.label}{product} with {self.partner}{fixed}"


class _OnABase:
    """What every claim measured against a base has: the base, and the two periods.

    A plain class without slots of its own, so the attrs classes below keep theirs.
    """

    __slots__ = ()
    period: Period
    versus: Versus

    @property
    def base(self) -> Period:
        """The period the figure is measured against, ``period.base(versus)``."""
        return self.period.base(self.versus)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The later period and its base."""
        return (self.period, self.base)


@frozen(kw_only=True)
class ValueClaim:
    """A flow was worth ``value`` in ``period`` (a "value for the earlier period" too).

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow.
        period: The months the value covers.
        value: The published amount with its precision, such as 183 billion ± 0.5 billion CNY;
            signed for a balance (a deficit of 11.8 billion is −11.8 billion).
        text: The figure as published, for output.
        sign: For a balance, the sign the text published ("deficit", "surplus"), or
            ``None``; it must agree with the sign of ``value``.
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    period: Period = field(converter=as_period)
    value: Reported[Amount]
    text: str | None = field(default=None, converter=_text)
    sign: BalanceSign | None = field(default=None, converter=_sign)
    release: str | None = field(default=None, converter=_release)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods the claim is about."""
        return (self.period,)


@frozen(kw_only=True)
class GrowthClaim(_OnABase):
    """A flow grew by ``growth`` in ``period`` on its base (the same months a year earlier).

    A published growth rate says the base was above 0: the check uses that.

    For a balance, the growth of its size, with the same sign in both periods:
    "the deficit widened 7.9%". Where the balance changed sign, its growth is
    undefined, and the check says so (:attr:`~tradestats.Verdict.UNDEFINED`).

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow.
        period: The later period.
        growth: The published rate with its precision, such as +59.3% ± 0.05 pp.
        text: The figure as published, for output.
        sign: For a balance, its sign in both periods, if published ("the
            deficit widened"); ``None`` leaves it to the other claims.
        versus: The base: :attr:`Lag.YEAR_EARLIER <tradestats.Lag.YEAR_EARLIER>`
            (the default), :attr:`Lag.PREVIOUS <tradestats.Lag.PREVIOUS>` ("up 1.8%
            from May") or an explicit earlier period of the same length.

    >>> GrowthClaim(id="g", flow="x", period="2023-06", growth=Reported.parse_growth("1.8%"),
    ...             versus="previous").base
    Period('2023-05')
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    period: Period = field(converter=as_period)
    growth: Reported[Growth]
    text: str | None = field(default=None, converter=_text)
    sign: BalanceSign | None = field(default=None, converter=_sign)
    versus: Versus = field(default=Lag.YEAR_EARLIER, converter=_versus, validator=_checked_base)
    release: str | None = field(default=None, converter=_release)


@frozen(kw_only=True)
class MultiplierClaim(_OnABase):
    """A flow in ``period`` was ``multiplier`` times its value in the base (a year earlier).

    "N times" figures are ambiguous (see :class:`~tradestats.TimesConvention`):
    ``times`` records how the published number was read, and is ``None`` only
    for an explicit factor such as "×4.26".

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow.
        period: The later period.
        multiplier: The factor new ÷ old with its precision: "3.26 times" read as
            times more is ×4.26 ± 0.005.
        times: The convention the published "N times" was read with, or ``None``.
        text: The figure as published, for output.
        sign: For a balance (whose size the multiplier is of), its sign in both
            periods, if published; ``None`` leaves it to the other claims.
        versus: The base, as for :class:`GrowthClaim`; a year earlier by default.
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    period: Period = field(converter=as_period)
    multiplier: Reported[Multiplier]
    times: TimesConvention | None = None
    text: str | None = field(default=None, converter=_text)
    sign: BalanceSign | None = field(default=None, converter=_sign)
    versus: Versus = field(default=Lag.YEAR_EARLIER, converter=_versus, validator=_checked_base)
    release: str | None = field(default=None, converter=_release)


@frozen(kw_only=True)
class ChangeClaim(_OnABase):
    """A flow changed by ``change`` (signed) from its base to ``period``: "up $3.4 billion".

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow (any flow, a balance too).
        period: The later period.
        change: The published change in level with its precision, signed: "down
            0.3 billion dollars" is −0.3 billion USD ± 0.05 billion.
        text: The figure as published, for output.
        versus: The base, as for :class:`GrowthClaim`; a year earlier by default.

    >>> claim = ChangeClaim(id="c", flow="x", period="2023-06", versus="previous",
    ...                     change=Reported.parse_amount("-0.3 billion USD"))
    >>> claim.periods
    (Period('2023-06'), Period('2023-05'))
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    period: Period = field(converter=as_period)
    change: Reported[Amount]
    text: str | None = field(default=None, converter=_text)
    versus: Versus = field(default=Lag.YEAR_EARLIER, converter=_versus, validator=_checked_base)
    release: str | None = field(default=None, converter=_release)


@frozen(kw_only=True)
class ContributionClaim(_OnABase):
    """Flow ``part`` contributed ``contribution`` percentage points to the growth of ``total``.

    The contribution is the part's change as a share of the total's base:
    ``(part - part_base) / total_base × 100`` pp, so the contributions of a
    partition add up to the total's growth. A published contribution says the
    total's base was above 0.

    Args:
        id: Unique among the report's claims.
        part: The id of the part's flow.
        total: The id of the total's flow.
        period: The later period.
        contribution: The published contribution with its precision, such as
            +2.7 pp ± 0.05 pp.
        text: The figure as published, for output.
        versus: The base, as for :class:`GrowthClaim`; a year earlier by default.
    """

    id: str = field(converter=_id)
    part: str = field(converter=_id)
    total: str = field(converter=_id)
    period: Period = field(converter=as_period)
    contribution: Reported[PercentagePoints]
    text: str | None = field(default=None, converter=_text)
    versus: Versus = field(default=Lag.YEAR_EARLIER, converter=_versus, validator=_checked_base)
    release: str | None = field(default=None, converter=_release)


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
    release: str | None = field(default=None, converter=_release)

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
    release: str | None = field(default=None, converter=_release)


@frozen(kw_only=True)
class ShareChangeClaim(_OnABase):
    """The share of flow ``part`` in ``whole`` changed by ``share_change`` points from the base.

    "The share rose 0.8 percentage points to 38.6%": ``share(period) - share(base)``
    in percentage points. A published change of share says both wholes were above 0.

    Args:
        id: Unique among the report's claims.
        part: The id of the part's flow.
        whole: The id of the whole's flow.
        period: The later period.
        share_change: The published change with its precision, such as +0.8 pp ± 0.05 pp.
        text: The figure as published, for output.
        versus: The base, as for :class:`GrowthClaim`; a year earlier by default.
    """

    id: str = field(converter=_id)
    part: str = field(converter=_id)
    whole: str = field(converter=_id)
    period: Period = field(converter=as_period)
    share_change: Reported[PercentagePoints]
    text: str | None = field(default=None, converter=_text)
    versus: Versus = field(default=Lag.YEAR_EARLIER, converter=_versus, validator=_checked_base)
    release: str | None = field(default=None, converter=_release)


@frozen(kw_only=True)
class GrowthDifferenceClaim(_OnABase):
    """Flow ``flow`` grew ``difference`` points faster than flow ``than`` on the same base.

    "14.9 percentage points higher than the national growth rate":
    ``growth(flow) - growth(than)`` in percentage points. Both bases were above 0.

    Args:
        id: Unique among the report's claims.
        flow: The id of the flow whose growth is compared.
        than: The id of the flow it is compared with.
        period: The later period.
        difference: The published difference with its precision, such as +14.9 pp ± 0.05 pp.
        text: The figure as published, for output.
        versus: The base of both growth rates, as for :class:`GrowthClaim`.
    """

    id: str = field(converter=_id)
    flow: str = field(converter=_id)
    than: str = field(converter=_id)
    period: Period = field(converter=as_period)
    difference: Reported[PercentagePoints]
    text: str | None = field(default=None, converter=_text)
    versus: Versus = field(default=Lag.YEAR_EARLIER, converter=_versus, validator=_checked_base)
    release: str | None = field(default=None, converter=_release)


@frozen(kw_only=True)
class ContributionShareClaim(_OnABase):
    """Flow ``part``'s change was ``contribution_share`` of the change of ``total`` (贡献率).

    ``(part - part_base) / (total - total_base)``, in percent units held as
    :class:`~tradestats.PercentagePoints` (a contribution share of 35.2% is
    ``PercentagePoints("35.2")``): unlike a share it may be above 100% or below
    0 (a part that grew while the total fell), so it is no
    :class:`~tradestats.Share`. It is undefined when the total did not change:
    the check says :attr:`~tradestats.Verdict.UNDEFINED` then.

    Args:
        id: Unique among the report's claims.
        part: The id of the part's flow.
        total: The id of the total's flow.
        period: The later period.
        contribution_share: The published figure with its precision: "35.2%" is
            35.2 ± 0.05 (percent of the total's change).
        text: The figure as published, for output.
        versus: The base, as for :class:`GrowthClaim`; a year earlier by default.
    """

    id: str = field(converter=_id)
    part: str = field(converter=_id)
    total: str = field(converter=_id)
    period: Period = field(converter=as_period)
    contribution_share: Reported[PercentagePoints]
    text: str | None = field(default=None, converter=_text)
    versus: Versus = field(default=Lag.YEAR_EARLIER, converter=_versus, validator=_checked_base)
    release: str | None = field(default=None, converter=_release)


#: Any claim of a report.
Claim: TypeAlias = (
    ValueClaim
    | GrowthClaim
    | MultiplierClaim
    | ShareClaim
    | SumClaim
    | ChangeClaim
    | ContributionClaim
    | ShareChangeClaim
    | GrowthDifferenceClaim
    | ContributionShareClaim
)
