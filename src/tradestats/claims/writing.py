"""Writing a report as TOML in the report format, which load_report reads back equal.

:func:`dump_report` is the inverse of :func:`~tradestats.claims.files.parse_report`:
every flow and claim is written with the keys of :doc:`/report-format`, each figure
as text, and the keys its text cannot say (a ``precision`` that is not half a unit
of the last digit, a ``qualifier``, a balance's ``sign``, a "times" convention)
added next to it, so that the report read back is equal to the one written.

>>> import tradestats as ts
>>> report = ts.load_report("examples/xinjiang_2023.toml")
>>> text = ts.dump_report(report)
>>> ts.Report.from_toml(text) == report
True
>>> print(text.splitlines()[0])
title = "Xinjiang's foreign trade, January–July 2023"
"""

from __future__ import annotations

import datetime
import enum
import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from tradestats._numbers import in_context
from tradestats._text import escape_controls, quote, shorten
from tradestats.claims import _reading
from tradestats.claims._claims import (
    ChangeClaim,
    ContributionClaim,
    ContributionShareClaim,
    GrowthClaim,
    GrowthDifferenceClaim,
    MultiplierClaim,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.errors import ReportFileError, TradeStatsError
from tradestats.flows import WORLD
from tradestats.limits import MAX_REPORT_BYTES
from tradestats.periods import Lag, Period
from tradestats.verify.figures import Qualifier, Reported

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from tradestats.claims._claims import Claim, ReportFlow
    from tradestats.claims._data import DataMatch
    from tradestats.claims._releases import Release
    from tradestats.claims.report import Report

__all__ = ["dump_report"]

# TOML basic strings refuse DEL as well as the controls JSON escapes.
_TOML_UNSAFE: Final = re.compile("[\x7f]")
# A bare key: letters, digits, '-' and '_' only; any other id is quoted.
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")


def _string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and DEL is escaped as well."""
    text = json.dumps(value, ensure_ascii=False)
    return _TOML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _key(value: str) -> str:
    return value if _BARE_KEY.fullmatch(value) else _string(value)


def _comment(text: str) -> str:
    """One comment line: controls escaped, never a line break that would end the comment."""
    return "# " + escape_controls(" ".join(text.split()), keep_newlines=False)


def _versus(versus: Lag | Period) -> str:
    if isinstance(versus, Period):
        return versus.isoformat()
    return "previous" if versus is Lag.PREVIOUS else "year-earlier"


#: The figure key of each claim class, and the name of its figure's field.
_FIGURES: Final[dict[type, tuple[str, str]]] = {
    ValueClaim: ("value", "value"),
    GrowthClaim: ("growth", "growth"),
    MultiplierClaim: ("multiplier", "multiplier"),
    ShareClaim: ("share", "share"),
    ChangeClaim: ("change", "change"),
    ContributionClaim: ("contribution", "contribution"),
    ShareChangeClaim: ("share_change", "share_change"),
    GrowthDifferenceClaim: ("growth_difference", "difference"),
    ContributionShareClaim: ("contribution_share", "contribution_share"),
}
#: The flow keys of each claim class, in the order they are written.
_FLOW_KEYS: Final = ("flow", "part", "whole", "total", "than")


def _canonical(kind: str, figure: Reported[Any], *, signed: bool) -> str:
    """Text that reads back as the figure's value (its precision may need a key)."""
    value = figure.value
    if not signed and kind == "value" and value.magnitude < 0:
        value = -value  # the size: the sign is in the `sign` key
    if kind == "multiplier":
        return f"×{value.factor}"
    if kind == "contribution_share":
        return f"{value.points}%"
    return str(value)


def _precision(kind: str, figure: Reported[Any]) -> str:
    """The ``precision`` key's text for the figure's precision, written like the figure."""
    half = figure.precision
    if kind in ("value", "change"):
        return f"{half:f} {figure.value.unit}"
    if kind in ("growth", "share"):
        return f"{half.scaleb(2):f}%"
    if kind == "multiplier":
        return f"{half:f}"
    return f"{half:f} pp"


def _figure_keys(claim: Claim) -> dict[str, Any]:
    """The figure key and the keys that make its text read back as the claim's figure."""
    kind, field = _FIGURES[type(claim)]
    figure: Reported[Any] = getattr(claim, field)
    keys: dict[str, Any] = {}
    sign = getattr(claim, "sign", None)
    if sign is not None:
        keys["sign"] = sign.value
    times = getattr(claim, "times", None)
    if times is not None:
        keys["times"] = times.value
    text: str | None = getattr(claim, "text", None)
    published = None if text is None else _read(kind, text, keys)
    if text is None or published is None or published.value != figure.value:
        text = _canonical(kind, figure, signed=sign is None)
    read = _read(kind, text, keys)
    if read is None:  # pragma: no cover - every canonical text reads back
        raise TradeStatsError(
            f"cannot write the figure of claim {quote(claim.id)} as text", claim=claim.id
        )
    if read.precision != figure.precision:
        keys["precision"] = _precision(kind, figure)
    if read.qualifier is not figure.qualifier and figure.qualifier is not Qualifier.EXACT:
        keys["qualifier"] = figure.qualifier.value
    return {kind: text, **keys}


def _read(kind: str, text: str, keys: dict[str, Any]) -> Reported[Any] | None:
    """The figure a reader makes of ``text`` with ``keys``, or ``None`` if it refuses it."""
    where = _reading._Where("<dump>", "claim", "dump")
    try:
        figure, _sign = _reading._reported(kind, text, keys, where)
    except TradeStatsError:
        return None
    return figure


def _claim_keys(claim: Claim) -> dict[str, Any]:
    keys: dict[str, Any] = {"id": claim.id}
    for name in _FLOW_KEYS:
        if hasattr(claim, name):
            keys[name] = getattr(claim, name)
    if claim.release is not None:
        keys["release"] = claim.release
    if isinstance(claim, SumClaim):
        keys["parts"] = list(claim.parts)
        if claim.periods:
            keys["periods"] = [period.isoformat() for period in claim.periods]
        return keys
    keys["period"] = claim.period.isoformat()
    versus = getattr(claim, "versus", None)
    if versus is not None and versus is not Lag.YEAR_EARLIER:
        keys["versus"] = _versus(versus)
    return {**keys, **_figure_keys(claim)}


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_string(item) for item in value) + "]"
    return _string(str(value))


def _keys(owner: object, names: Sequence[str]) -> list[str]:
    """``name = value`` for each of ``owner``'s fields that is set, in the format's notation.

    Text is a TOML string, a date a TOML date, an enum its value, a revision limit
    the percentage the format reads (0.01 is ``"1%"``).
    """
    lines = []
    for name in names:
        value = getattr(owner, name)
        if value is None:
            continue
        if isinstance(value, datetime.date):
            shown = value.isoformat()  # a TOML date, not a string
        elif isinstance(value, Decimal):
            shown = _string(f"{(value * 100).normalize():f}%")
        elif isinstance(value, enum.Enum):
            shown = _string(str(value.value))
        else:
            shown = _string(str(value))
        lines.append(f"{name} = {shown}")
    return lines


def _flow_lines(flow: ReportFlow, shared: _Shared) -> list[str]:
    lines = [f"[flows.{_key(flow.id)}]", f"flow = {_string(flow.flow.value)}"]
    if shared.reporter is None:
        lines.append(f"reporter = {_string(flow.reporter)}")
    if flow.partner != WORLD:
        lines.append(f"partner = {_string(flow.partner)}")
    return lines + _keys(flow, ("product", "label", "basis", "partner_definition", "membership"))


def _release_lines(release: Release) -> list[str]:
    names = ("publisher", "published", "title", "url", "status", "max_revision")
    return [f"[releases.{_key(release.id)}]", *_keys(release, names)]


def _data_lines(match: DataMatch) -> list[str]:
    lines = ["[data]", *_keys(match, ("release", "publisher", "published", "title", "url"))]
    lines.append(f"precision = {_string(match.precision)}")
    for flow_id, columns in match.flows:
        lines += ["", f"[data.flows.{_key(flow_id)}]"]
        lines += [f"{_key(column)} = {_string(text)}" for column, text in columns]
    return lines


class _Shared(NamedTuple):
    """What every flow, or every claim with a period, has in common: written once, on top."""

    reporter: str | None
    period: str | None

    @classmethod
    def of(cls, report: Report) -> _Shared:
        reporters = {flow.reporter for flow in report.flows}
        periods = {
            claim.period.isoformat() for claim in report.claims if not isinstance(claim, SumClaim)
        }
        return cls(
            reporters.pop() if len(reporters) == 1 else None,
            # The report-level period is the default of every claim but a sum's.
            periods.pop() if len(periods) == 1 else None,
        )


def _top_lines(report: Report, shared: _Shared) -> list[str]:
    """The report-wide keys after the title: source, what all share, release, revision limit."""
    lines = _keys(report, ("source",))
    lines += [f"{name} = {_string(value)}" for name, value in shared._asdict().items() if value]
    if report.default_release is not None:
        lines.append(f"release = {_string(report.default_release)}")
    return lines + _keys(report, ("max_revision",))


@in_context
def dump_report(
    report: Report,
    *,
    comments: Mapping[str, Sequence[str]] | None = None,
    header: Sequence[str] = (),
) -> str:
    """The report as TOML in the report format, which :func:`~tradestats.load_report` reads back.

    Args:
        report: The report to write.
        comments: Comment lines to write above a flow or a claim, by its id (the
            extractor's source spans and ``REVIEW`` marks); a flow and a claim that
            share an id share the comments.
        header: Comment lines to write at the top of the file.

    Returns:
        The TOML text, ending with a newline. Every figure is written as its
        claim's published text where that text reads back as the figure (with a
        ``precision``, ``qualifier``, ``sign`` or ``times`` key where the text
        alone does not say it), else in the library's own notation.

    Raises:
        ReportFileError: If the text would be longer than a report file may be
            (:data:`~tradestats.limits.MAX_REPORT_BYTES`), so that what is
            written always reads back. A reporter or period is written once on
            top only when every flow (every claim but a sum) shares it, so a
            report read from a file near the limit can write longer than it read.

    >>> import tradestats as ts
    >>> report = ts.Report.from_toml('''
    ... title = "T"
    ... reporter = "A"
    ... period = "2023"
    ... [flows.x]
    ... flow = "exports"
    ... [[claims]]
    ... id = "v"
    ... flow = "x"
    ... value = "over 1.2 billion USD"
    ... ''')
    >>> print(ts.dump_report(report, comments={"v": ["the article: 'over $1.2 billion'"]}))
    title = "T"
    reporter = "A"
    period = "2023"
    <BLANKLINE>
    [flows.x]
    flow = "exports"
    <BLANKLINE>
    # the article: 'over $1.2 billion'
    [[claims]]
    id = "v"
    flow = "x"
    value = "over 1.2 billion USD"
    <BLANKLINE>
    """
    notes = comments or {}
    lines = [_comment(line) for line in header]
    lines.append(f"title = {_string(report.title)}")
    shared = _Shared.of(report)
    lines += _top_lines(report, shared)
    if report.bases:
        lines += ["", "[bases]"]
        lines += [f"{_key(name)} = {_string(meaning)}" for name, meaning in report.bases]
    for release in report.releases:
        lines.append("")
        lines += _release_lines(release)
    if report.data is not None:
        lines.append("")
        lines += _data_lines(report.data)
    for flow in report.flows:
        lines.append("")
        lines += [_comment(line) for line in notes.get(flow.id, ())]
        lines += _flow_lines(flow, shared)
    for claim in report.claims:
        lines.append("")
        lines += [_comment(line) for line in notes.get(claim.id, ())]
        lines.append("[[claims]]")
        keys = _claim_keys(claim)
        if shared.period is not None and keys.get("period") == shared.period:
            del keys["period"]
        lines += [f"{key} = {_value(value)}" for key, value in keys.items()]
    text = "\n".join(lines) + "\n"
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_REPORT_BYTES:
        raise ReportFileError(
            f"the report {shorten(report.title)!r} would be written as {size} bytes, "
            f"more than the {MAX_REPORT_BYTES} a report file may have "
            "(tradestats.limits.MAX_REPORT_BYTES), so it could not be read back"
        )
    return text
