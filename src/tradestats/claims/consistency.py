"""Check that the published figures of a report hold together, and say what they imply.

:func:`check` treats every claim of a :class:`~tradestats.claims.report.Report` as a
linear constraint on the values of its flows, with the rounding its digits
allow, and answers every question about them with exact linear programs
(rational arithmetic, the ends rounded outward only when shown, so the true
values are never lost): whether the claims can hold together, and the exact
range of every value, growth rate, share and contribution they imply. For each
claim it leaves that claim out, works out what the others imply for its figure,
and compares:

- **consistent**: the published figure meets what the others imply;
- **inconsistent**: it misses it, by more than rounding explains; the claims
  involved are listed as a :class:`Conflict` (a smallest set that cannot hold
  together);
- **not checkable**: the others say nothing about it.

It also lists the figures the claims imply (values nobody published, growth
rates, shares, changes of share, contributions to growth), each with bounds.

>>> from tradestats.claims.consistency import check
>>> from tradestats.claims.report import Report
>>> report = Report.from_toml('''
... title = "Xinjiang, Jan–Jul 2023"
... reporter = "Xinjiang"
... period = "2023-01/2023-07"
... [flows.world]
... flow = "total"
... label = "foreign trade"
... [[claims]]
... id = "world-value"
... flow = "world"
... value = "183 billion yuan"
... [[claims]]
... id = "world-growth"
... flow = "world"
... growth = "59.3%"
... ''')
>>> result = check(report)
>>> result.consistent
True
>>> [(figure.label, figure.range.format()) for figure in result.implied]
[('foreign trade, Jan–Jul 2022', '114.5 to 115.3 billion CNY')]
"""

from __future__ import annotations

import enum
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from typing import TYPE_CHECKING, Any, Final

from attrs import frozen

from tradestats._numbers import fixed, in_context, show
from tradestats.claims._implied import exact as exact_figures
from tradestats.claims._implied import implied as implied_figures
from tradestats.claims._narrowing import BUDGET, Span
from tradestats.claims._network import Network, Spans
from tradestats.claims.report import (
    Claim,
    GrowthClaim,
    MultiplierClaim,
    Report,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.errors import InvalidValueError
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.periods import Period
from tradestats.units import unit_label
from tradestats.verify.bounds import Bounds
from tradestats.verify.intervals import Interval

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

    from tradestats.verify.figures import Reported

__all__ = [
    "DEFAULT_BUDGET",
    "CheckResult",
    "ClaimCheck",
    "Conflict",
    "FigureKind",
    "FigureRange",
    "ImpliedFigure",
    "Verdict",
    "check",
    "published_text",
    "subject",
]

#: The default ``budget`` of :func:`check`.
DEFAULT_BUDGET: Final = BUDGET
_ZERO: Final = Decimal(0)
_SCALES: Final = ((12, "trillion"), (9, "billion"), (6, "million"))
_MAX_PLACES: Final = 6
_PRECISION: Final = 28


class Verdict(enum.Enum):
    """What the check says about one claim."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    NOT_CHECKABLE = "not checkable"


class FigureKind(enum.Enum):
    """What kind of number a :class:`FigureRange` holds, and so how it is shown."""

    AMOUNT = "amount"  # a magnitude in ``unit``
    GROWTH = "growth"  # a rate as a fraction: 0.593 is +59.3%
    MULTIPLIER = "multiplier"  # a factor new ÷ old: 4.26 is ×4.26
    SHARE = "share"  # a fraction: 0.923 is 92.3%
    POINTS = "points"  # percentage points: 1.2 is +1.2 pp


_MEASURES: Final[dict[FigureKind, type[Growth | Multiplier | Share | PercentagePoints]]] = {
    FigureKind.GROWTH: Growth,
    FigureKind.MULTIPLIER: Multiplier,
    FigureKind.SHARE: Share,
    FigureKind.POINTS: PercentagePoints,
}


def _end(value: Decimal) -> Decimal | None:
    return value if value.is_finite() else None


@frozen
class FigureRange:
    """The values a figure can take: a published figure with its rounding, or a derived one.

    Args:
        kind: What the numbers are (see :class:`FigureKind`).
        low: The smallest possible value in the kind's internal magnitude, or
            ``None`` if there is no lower bound.
        high: The largest possible value, or ``None`` if there is no upper bound.
        unit: The unit of an amount; ``None`` for measures.

    >>> FigureRange(FigureKind.GROWTH, Decimal("0.5925"), Decimal("0.5935")).format()
    '+59.25% to +59.35%'
    >>> FigureRange(FigureKind.AMOUNT, None, Decimal("1.835E11"), "CNY").format()
    'at most 183.5 billion CNY'
    """

    kind: FigureKind
    low: Decimal | None
    high: Decimal | None
    unit: str | None = None

    @classmethod
    def _of(
        cls, kind: FigureKind, span: Span, unit: str | None = None, *, natural: Span | None = None
    ) -> FigureRange:
        # An end that only repeats what the kind allows anyway (a value of 0 or more, a
        # fall of at most 100%) is no bound worth showing.
        low = None if natural is not None and span.low <= natural.low else _end(span.low)
        high = None if natural is not None and span.high >= natural.high else _end(span.high)
        return cls(kind, low, high, unit)

    @property
    def interval(self) -> Interval | None:
        """The range as an :class:`~tradestats.verify.Interval`, or ``None`` if unbounded."""
        if self.low is None or self.high is None:
            return None
        return Interval(self.low, self.high)

    @property
    def bounds(self) -> Bounds[Any] | None:
        """The range as typed :class:`~tradestats.verify.bounds.Bounds`, or ``None`` if unbounded.

        ``Bounds[Amount]`` for amounts, ``Bounds[Growth]``, ``Bounds[Multiplier]``,
        ``Bounds[Share]`` or ``Bounds[PercentagePoints]`` for the measures.

        >>> FigureRange(FigureKind.SHARE, Decimal("0.918"), Decimal("0.929")).bounds
        Bounds('91.8% to 92.9%')
        """
        interval = self.interval
        if interval is None:
            return None
        if self.kind is FigureKind.AMOUNT:
            return None if self.unit is None else Bounds.from_interval(interval, self.unit)
        return Bounds.from_interval(interval, _MEASURES[self.kind])

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` (in the internal magnitude) lies in the range."""
        return (self.low is None or self.low <= value) and (self.high is None or value <= self.high)

    @in_context
    def format(self) -> str:
        """Show the range for people, rounded outward so it still holds every value."""
        ends = [end for end in (self.low, self.high) if end is not None]
        if not ends:
            return "any value"
        scale, word = _scale(self.kind, ends)
        places = 1
        if self.low is not None and self.high is not None:
            shown = [_shown(self.kind, end, scale) for end in ends]
            places = _places(_shown(self.kind, self.high - self.low, scale), shown)
        low = None if self.low is None else self._number(self.low, scale, places, ROUND_FLOOR)
        high = None if self.high is None else self._number(self.high, scale, places, ROUND_CEILING)
        suffix = self._suffix(word)
        if low is not None and high is not None:
            if self.low == self.high:
                return f"{low}{suffix}"
            joined = f"{low} to {high}"
            return (
                f"{joined}{suffix}"
                if self.kind in (FigureKind.AMOUNT, FigureKind.POINTS)
                else (f"{low}{suffix} to {high}{suffix}")
            )
        if low is not None:
            return f"at least {low}{suffix}"
        return f"at most {high}{suffix}"

    def _number(self, value: Decimal, scale: int, places: int, rounding: str) -> str:
        shown = _shown(self.kind, value, scale)
        exact = self.low == self.high
        text = show(shown) if exact else fixed(_quantize(shown, places, rounding))
        if self.kind in (FigureKind.GROWTH, FigureKind.POINTS) and not text.startswith("-"):
            text = f"+{text}" if text.strip("0.") else text
        return f"×{text}" if self.kind is FigureKind.MULTIPLIER else text

    def _suffix(self, word: str) -> str:
        if self.kind is FigureKind.AMOUNT:
            unit = "" if self.unit is None else f" {unit_label(self.unit)}"
            return f" {word}{unit}" if word else unit
        if self.kind is FigureKind.POINTS:
            return " pp"
        if self.kind is FigureKind.MULTIPLIER:
            return ""
        return "%"

    def __str__(self) -> str:
        return self.format()


def _scale(kind: FigureKind, ends: list[Decimal]) -> tuple[int, str]:
    if kind is not FigureKind.AMOUNT:
        return 0, ""
    size = max(abs(end) for end in ends)
    for exponent, word in _SCALES:
        if size >= Decimal(1).scaleb(exponent):
            return exponent, word
    return 0, ""


def _shown(kind: FigureKind, value: Decimal, scale: int) -> Decimal:
    """A number as people read it: amounts in the scale word, rates and shares in percent."""
    if kind in (FigureKind.GROWTH, FigureKind.SHARE):
        return value.scaleb(2)
    return value.scaleb(-scale)


def _places(width: Decimal, ends: list[Decimal]) -> int:
    """Decimals enough to show a range of this width, at least one.

    One significant digit of the width, or one more if that shows both ends exactly
    (a published "59.3%" stands for 59.25% to 59.35%, not 59.2% to 59.4%).
    """
    places = min(_MAX_PLACES, max(1, -width.adjusted())) if width else 1
    exact = max(-min(0, _exponent(end.normalize())) for end in ends)
    return exact if places < exact <= places + 1 else places


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _amount_text(kind: FigureKind, value: Decimal, unit: str | None) -> str:
    """A gap or difference, rounded down to two significant digits, in the figure's terms."""
    if kind in (FigureKind.GROWTH, FigureKind.SHARE, FigureKind.POINTS):
        points = value.scaleb(2) if kind is not FigureKind.POINTS else value
        return f"{_round_down(points)} pp"
    if kind is FigureKind.MULTIPLIER:
        return f"{_round_down(value)} in the multiplier"
    exponent, word = _scale(kind, [value])
    label = "" if unit is None else f" {unit_label(unit)}"
    scaled = f" {word}" if word else ""
    return f"{_round_down(value.scaleb(-exponent))}{scaled}{label}"


def _round_down(value: Decimal) -> str:
    places = max(0, 1 - value.adjusted()) if value else 0
    return show(_quantize(value, min(places, _MAX_PLACES), ROUND_FLOOR))


def _quantize(value: Decimal, places: int, rounding: str) -> Decimal:
    """``value`` rounded to ``places`` decimals, with as many digits as that takes."""
    digits = max(_PRECISION, value.adjusted() + places + 2)
    return value.quantize(
        Decimal(1).scaleb(-places), context=Context(prec=digits, rounding=rounding)
    )


@frozen
class ClaimCheck:
    """The verdict on one claim (a sum has one per period it covers).

    Args:
        claim: The claim checked.
        period: The period checked.
        verdict: Consistent, inconsistent or not checkable.
        subject: What the claim is about, in words.
        published: The claim's figure with the rounding its digits allow.
        implied: What the other claims imply for the same figure (for a sum: the
            parts' total minus the total, which the claim says is 0).
        gap: How far ``published`` is from ``implied`` beyond rounding, in the
            figure's internal magnitude; 0 unless inconsistent.
        explanation: The verdict in a sentence.
        summary: What the other claims imply, in a few words, for tables.
    """

    claim: Claim
    period: Period
    verdict: Verdict
    subject: str
    published: FigureRange
    implied: FigureRange
    gap: Decimal
    explanation: str
    summary: str

    @property
    def claim_id(self) -> str:
        """The id of the claim checked."""
        return self.claim.id


@frozen
class Conflict:
    """A smallest set of claims that cannot all hold: dropping any one of them resolves it.

    Args:
        claims: The ids of the claims, in report order.
        explanation: What goes wrong, in a sentence or two.
    """

    claims: tuple[str, ...]
    explanation: str


@frozen
class ImpliedFigure:
    """A figure the report does not state but its claims imply, with bounds.

    Args:
        key: A stable name such as ``"share/bri/world/2023-01/2023-07"``.
        label: What it is, in words.
        period: The period it covers (the later one for changes and growth).
        range: Its bounds.
    """

    key: str
    label: str
    period: Period
    range: FigureRange


@frozen
class CheckResult:
    """Everything :func:`check` found.

    Args:
        report: The report checked.
        checks: One verdict per claim (and per period for sums), in report order.
        conflicts: Smallest sets of claims that cannot hold together.
        implied: Figures the claims imply, from the claims that are not in conflict.
    """

    report: Report
    checks: tuple[ClaimCheck, ...]
    conflicts: tuple[Conflict, ...]
    implied: tuple[ImpliedFigure, ...]

    @property
    def consistent(self) -> bool:
        """Whether no claim is inconsistent."""
        return all(check.verdict is not Verdict.INCONSISTENT for check in self.checks)

    def verdict(self, claim_id: str) -> Verdict:
        """The worst verdict for a claim: inconsistent in any period wins.

        Raises:
            KeyError: For an unknown claim id.
        """
        found = [check.verdict for check in self.checks if check.claim.id == claim_id]
        if not found:
            raise KeyError(claim_id)
        for verdict in (Verdict.INCONSISTENT, Verdict.CONSISTENT):
            if verdict in found:
                return verdict
        return Verdict.NOT_CHECKABLE

    def figure(self, key: str) -> ImpliedFigure:
        """The implied figure with the given key.

        Raises:
            KeyError: If no implied figure has that key.
        """
        for figure in self.implied:
            if figure.key == key:
                return figure
        raise KeyError(key)

    @in_context
    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: decimals as text, missing bounds as ``null``."""
        return {
            "title": self.report.title,
            "source": self.report.source,
            "consistent": self.consistent,
            "claims": [
                {
                    "id": check.claim.id,
                    "period": check.period.isoformat(),
                    "subject": check.subject,
                    "verdict": check.verdict.value,
                    "published": _range_dict(check.published),
                    "implied": _range_dict(check.implied),
                    "gap": str(check.gap),
                    "explanation": check.explanation,
                }
                for check in self.checks
            ],
            "conflicts": [
                {"claims": list(conflict.claims), "explanation": conflict.explanation}
                for conflict in self.conflicts
            ],
            "implied": [
                {
                    "key": figure.key,
                    "label": figure.label,
                    "period": figure.period.isoformat(),
                    **_range_dict(figure.range),
                }
                for figure in self.implied
            ],
        }


def _range_dict(figure: FigureRange) -> dict[str, Any]:
    return {
        "kind": figure.kind.value,
        "low": None if figure.low is None else str(figure.low),
        "high": None if figure.high is None else str(figure.high),
        "unit": figure.unit,
        "text": figure.format(),
    }


# -- the check ---------------------------------------------------------------------------


@in_context
def check(report: Report, *, budget: int = DEFAULT_BUDGET) -> CheckResult:
    """Check every relation among a report's claims and list the figures they imply.

    Never raises a false alarm: a claim is called inconsistent only if no values
    that round to the published figures can make the claims hold together.

    Args:
        report: The claims to check.
        budget: How hard to work on the few ranges that are not exact linear
            programs: the most splits for one end of a change of share, or
            sub-boxes for one end of a ratio whose base may be 0 (see
            :doc:`/explanation/intervals`). Verdicts, conflicts and every other
            range are exact whatever the budget; 0 keeps those few ranges
            sound but possibly a little wider.

    Returns:
        The verdict on every claim, the conflicts found and the implied figures.

    Raises:
        InvalidValueError: If ``budget`` is negative.
    """
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 0:
        raise InvalidValueError(
            f"budget must be a whole number of 0 or more, not {budget!r}", budget=budget
        )
    network = Network(report, budget=budget)
    active = [claim.id for claim in report.claims]
    cores: list[list[str]] = []
    while not network.holds(active):
        core = network.minimal_conflict(active)
        cores.append(core)
        active = [claim_id for claim_id in active if claim_id not in core]
    order = {claim.id: index for index, claim in enumerate(report.claims)}
    cores.sort(key=lambda core: order[core[0]])
    checks = tuple(_checks(network, active, cores))
    conflicts = tuple(_conflict(core, checks) for core in cores)
    return CheckResult(report, checks, conflicts, tuple(_implied(network, active)))


def _implied(network: Network, active: list[str]) -> Iterator[ImpliedFigure]:
    if not network.holds(active):  # pragma: no cover - the loop above leaves a consistent set
        raise AssertionError("the claims left after removing conflicts must hold together")
    derived = list(implied_figures(network, network.exact_spans(active)))
    spans = exact_figures(network, active, derived)
    for figure in derived:
        yield ImpliedFigure(
            figure.key,
            figure.label,
            figure.period,
            FigureRange._of(FigureKind(figure.kind), spans[figure.key], figure.unit),
        )


def _checks(network: Network, active: list[str], cores: list[list[str]]) -> Iterator[ClaimCheck]:
    core_of = {claim_id: core for core in cores for claim_id in core}
    for claim in network.report.claims:
        core = core_of.get(claim.id)
        if core is None:
            refined = network.implied_by_others(claim, active)
        else:
            refined = network.implied_by_others(claim, active + core)
            if refined is None:
                refined = network.implied_by_others(claim, core)
        if refined is None:  # pragma: no cover
            # Not expected: the rest of a smallest conflict holds. Should it not, plain
            # propagation still gives a sound range.
            others = [other for other in core or active if other != claim.id]
            spans = network.solve(others) or network.domains
            figures: dict[Hashable, Span] = {
                period: network.figure(claim, period, spans) for period in network.periods_of(claim)
            }
        else:
            spans, figures = refined.spans, refined.figures
        for period in network.periods_of(claim):
            yield _check(
                network, claim, period, figures[period], spans, in_conflict=core is not None
            )


def _kind(claim: Claim) -> FigureKind:
    if isinstance(claim, GrowthClaim):
        return FigureKind.GROWTH
    if isinstance(claim, MultiplierClaim):
        return FigureKind.MULTIPLIER
    if isinstance(claim, ShareClaim):
        return FigureKind.SHARE
    return FigureKind.AMOUNT


def _unit(network: Network, claim: Claim) -> str | None:
    if isinstance(claim, ValueClaim):
        return network.units[claim.flow]
    if isinstance(claim, SumClaim):
        return network.units[claim.total]
    return None


def _check(
    network: Network,
    claim: Claim,
    period: Period,
    implied: Span,
    spans: Spans,
    *,
    in_conflict: bool,
) -> ClaimCheck:
    kind, unit = _kind(claim), _unit(network, claim)
    published = network.published(claim)
    natural = network.natural(claim)
    gap = implied.gap(published)
    if in_conflict or gap > 0:
        verdict = Verdict.INCONSISTENT
    elif implied.low > natural.low or implied.high < natural.high:
        verdict = Verdict.CONSISTENT
    else:
        verdict = Verdict.NOT_CHECKABLE
    published_range = FigureRange._of(kind, published, unit)
    implied_range = FigureRange._of(kind, implied, unit, natural=natural)
    shown = published_text(claim)
    off = f"off by {_amount_text(kind, gap, unit)} beyond rounding" if gap > 0 else ""
    if verdict is Verdict.NOT_CHECKABLE:
        summary = "not determined"
        explanation = f"{shown}: the other claims do not determine it"
    elif isinstance(claim, SumClaim):
        summary = _sum_summary(network, claim, period, spans, unit)
        explanation = f"{shown}: the other claims imply {summary}"
    elif published.meet(natural) is None:
        summary = f"impossible: must be {FigureRange._of(kind, natural, unit)}"
        explanation = f"{shown} published; {summary}"
    else:
        summary = implied_range.format()
        explanation = f"{shown} published; the other claims imply {summary}"
    if off:
        summary += f" ({off})"
        explanation += f"; {off}"
    elif verdict is Verdict.INCONSISTENT:
        explanation += "; it cannot hold together with the other claims of its conflict"
    return ClaimCheck(
        claim=claim,
        period=period,
        verdict=verdict,
        subject=subject(network.report, claim, period),
        published=published_range,
        implied=implied_range,
        gap=gap,
        explanation=explanation,
        summary=summary,
    )


@in_context
def published_text(claim: Claim) -> str:
    """A claim's figure as published, with the reading of "N times" figures.

    >>> from tradestats.verify.figures import Reported
    >>> from tradestats import TimesConvention
    >>> published_text(MultiplierClaim(
    ...     id="ev", flow="ev", period="2023", times=TimesConvention.MORE, text="3.26 times",
    ...     multiplier=Reported.parse_multiplier("3.26 times", times=TimesConvention.MORE)))
    '3.26 times (more: ×4.26)'
    """
    if isinstance(claim, SumClaim):
        return f"{' + '.join(claim.parts)} = {claim.total}"
    if isinstance(claim, ValueClaim):
        figure: Reported[Any] = claim.value
    elif isinstance(claim, GrowthClaim):
        figure = claim.growth
    elif isinstance(claim, ShareClaim):
        figure = claim.share
    else:
        figure = claim.multiplier
    text = claim.text or str(figure.value)
    if isinstance(claim, MultiplierClaim) and claim.times is not None:
        return f"{text} ({claim.times.value}: {claim.multiplier.value})"
    return text


def _sum_summary(
    network: Network, claim: SumClaim, period: Period, spans: Spans, unit: str | None
) -> str:
    parts = Span(_ZERO, _ZERO)
    for part in claim.parts:
        parts += spans[(part, period)]
    added = FigureRange._of(FigureKind.AMOUNT, parts, unit).format()
    total = FigureRange._of(FigureKind.AMOUNT, spans[(claim.total, period)], unit).format()
    return f"parts {added}, total {total}"


def subject(report: Report, claim: Claim, period: Period) -> str:
    """What a claim is about, in words: "growth of foreign trade, Jan–Jul 2023 on a year earlier".

    Args:
        report: The report the claim belongs to.
        claim: The claim.
        period: The period (for a sum, one of those it covers).
    """
    when = period.label()
    if isinstance(claim, ValueClaim):
        return f"{report.flow(claim.flow).describe()}, {when}"
    if isinstance(claim, GrowthClaim | MultiplierClaim):
        what = "growth" if isinstance(claim, GrowthClaim) else "multiple"
        return f"{what} of {report.flow(claim.flow).describe()}, {when} on a year earlier"
    if isinstance(claim, ShareClaim):
        part, whole = report.flow(claim.part).describe(), report.flow(claim.whole).describe()
        return f"share of {part} in {whole}, {when}"
    parts = " + ".join(report.flow(part).describe() for part in claim.parts)
    return f"{parts} = {report.flow(claim.total).describe()}, {when}"


def _conflict(core: list[str], checks: tuple[ClaimCheck, ...]) -> Conflict:
    worst = max((check for check in checks if check.claim.id in core), key=lambda check: check.gap)
    names = ", ".join(repr(claim_id) for claim_id in core)
    if len(core) == 1:
        lead = f"claim {names} cannot hold on its own"
    else:
        lead = f"claims {names} cannot all hold"
    return Conflict(tuple(core), f"{lead}: {worst.claim.id}: {worst.explanation}")
