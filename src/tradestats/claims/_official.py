"""Private: the values of an official data set for a report's flows, as one more release.

``check(report, data=frame)`` and ``tradestats check REPORT --data FILE`` call
:func:`with_data`: the report's ``[data]`` match (:class:`~tradestats.DataMatch`)
says which rows hold each flow; a period's value is its row, or the sum of the
monthly rows that make it up. The data are one more release, published after
every other unless the match says when; what they do not give is listed, not
skipped in silence.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from tradestats._numbers import to_decimal
from tradestats._text import quote, quote_all
from tradestats.amounts import Amount
from tradestats.claims.report import Claim, DataMatch, Release, Report, SumClaim, ValueClaim
from tradestats.errors import DataMatchError, InvalidValueError, TradeStatsError
from tradestats.periods import Period, as_period
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["with_data"]


def with_data(
    report: Report, data: object, match: DataMatch | None
) -> tuple[Report, tuple[str, ...]]:
    """The report with the data's values of its flows and periods as one more release.

    Returns the report and, one line each, what the data did not give: a flow
    with no match, or a period with no rows.

    Raises:
        InvalidValueError: For data without a match, or a match naming an unknown flow.
        DataMatchError: For data that do not hold what the match names.
    """
    match = match if match is not None else report.data
    if match is None:
        raise InvalidValueError(
            "the data need a match: say which rows hold each flow in the report's [data] table "
            "(such as [data.flows.world] with partner = 'World' and flow = 'total') or pass "
            "match=DataMatch(...)",
            value=None,
        )
    known = {flow.id for flow in report.flows}
    for flow_id, _ in match.flows:
        if flow_id not in known:
            raise InvalidValueError(
                f"[data.flows.{flow_id}]: unknown flow {quote(flow_id)}: the report declares "
                f"{quote_all(sorted(known))}",
                value=flow_id,
            )
    if any(release.id == match.release for release in report.releases):
        raise InvalidValueError(
            f"the data's release id {quote(match.release)} is a release of the report "
            f"already: give "
            "the data another (release = ... under [data])",
            value=match.release,
        )
    rows = _rows(data, match)
    claims: list[Claim] = []
    unmatched: list[str] = []
    for flow in report.flows:
        selection = match.selection(flow.id)
        wanted = _periods_of(report, flow.id)
        if not wanted:
            continue
        if selection is None:
            unmatched.append(f"flow {flow.id!r}: no match under [data.flows.{flow.id}]")
            continue
        found = [row for row in rows if all(row.get(column) == text for column, text in selection)]
        for period in wanted:
            value = _value(report, flow.id, period, found, match)
            if value is None:
                unmatched.append(
                    f"flow {flow.id!r}, {period.label()}: no rows in the data for "
                    f"{', '.join(f'{column} = {text!r}' for column, text in selection)}"
                )
                continue
            claims.append(
                ValueClaim(
                    id=f"{match.release}:{flow.id}:{period}",
                    flow=flow.id,
                    period=period,
                    value=value,
                    text=f"{_shown(value)} (data)",
                    release=match.release,
                )
            )
    releases = list(report.releases)
    default = report.default_release
    if not releases:
        releases.append(
            Release(id="report", publisher=report.source or report.title, published=None)
        )
        default = "report"
    releases.append(
        Release(
            id=match.release,
            publisher=match.publisher,
            published=match.published,
            title=match.title,
            url=match.url,
        )
    )
    checked = Report(
        title=report.title,
        source=report.source,
        flows=report.flows,
        claims=[*report.claims, *claims],
        releases=releases,
        default_release=default if default is not None else None,
        max_revision=report.max_revision,
        bases=report.bases,
        data=match,
    )
    return checked, tuple(unmatched)


def _periods_of(report: Report, flow_id: str) -> list[Period]:
    """The periods the report's claims give or imply a value of the flow for, in time order."""
    found: set[Period] = set()
    for claim in report.claims:
        names = {
            getattr(claim, name)
            for name in ("flow", "than", "part", "whole", "total")
            if hasattr(claim, name)
        }
        if isinstance(claim, SumClaim):
            names.update(claim.parts)
            periods: Iterable[Period] = report.sum_periods(claim)
        else:
            periods = claim.periods
        if flow_id in names:
            found.update(periods)
    return sorted(found, key=lambda period: (period.start_index, period.end_index))


def _rows(data: object, match: DataMatch) -> list[dict[str, Any]]:
    """The frame's rows as dicts of text (and the value), through narwhals."""
    try:
        import narwhals as nw  # noqa: PLC0415 - the tables extra, needed only with data
    except ImportError:  # pragma: no cover - the test environment has it
        raise InvalidValueError(
            "checking against data needs the tables extra: pip install 'tradestats[tables]'",
            value=None,
        ) from None
    try:
        frame = nw.from_native(cast("Any", data), eager_only=True)
    except TypeError:
        raise InvalidValueError(
            f"data must be a pandas or polars DataFrame or a pyarrow Table, got "
            f"{type(data).__name__}",
            value=type(data).__name__,
        ) from None
    columns = set(frame.columns)
    needed = {"period", "value", "currency"} | {
        column for _, selection in match.flows for column, _ in selection
    }
    if match.precision == "published":
        needed.add("precision")
    missing = sorted(needed - columns)
    if missing:
        raise DataMatchError(
            f"the data have no column {quote(missing[0])} (columns: "
            f"{', '.join(sorted(columns))}); a tidy frame has period, value and currency, and "
            "the match names the others",
            column=missing[0],
        )
    rows = frame.select(sorted(needed | ({"exact_value"} & columns))).rows(named=True)
    return [
        {
            key: (value if key == "value" else (None if value is None else str(value).strip()))
            for key, value in row.items()
        }
        for row in rows
    ]


def _number(row: dict[str, Any]) -> Decimal | None:
    exact = row.get("exact_value")
    if exact:
        return to_decimal(exact, what="an exact value")
    value = row.get("value")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return to_decimal(value, what="a value")


def _value(
    report: Report, flow_id: str, period: Period, rows: list[dict[str, Any]], match: DataMatch
) -> Reported[Amount] | None:
    """The data's value of a flow in a period: its row, or the sum of its months."""
    by_period: dict[Period, list[dict[str, Any]]] = {}
    for row in rows:
        try:
            key = as_period(row["period"])
        except TradeStatsError as error:
            raise DataMatchError(
                f"flow {quote(flow_id)}: a row's period {quote(row['period'])}: {error.message}",
                flow=flow_id,
                period=row["period"],
            ) from None
        by_period.setdefault(key, []).append(row)
    chosen: list[dict[str, Any]] = []
    if period in by_period:
        chosen = [_one(flow_id, period, by_period[period])]
    else:
        months = [
            Period.from_month_indices(index, index)
            for index in range(period.start_index, period.end_index + 1)
        ]
        if not all(month in by_period for month in months):
            return None
        chosen = [_one(flow_id, month, by_period[month]) for month in months]
    total, half = Decimal(0), Decimal(0)
    currency = None
    for row in chosen:
        number = _number(row)
        if number is None:
            return None
        if currency is not None and row["currency"] != currency:  # pragma: no cover
            raise DataMatchError(f"flow {quote(flow_id)}: rows in two currencies", flow=flow_id)
        currency = row["currency"]
        total += number
        if match.precision == "published":
            half += to_decimal(row["precision"] or "0", what="a precision")
    unit = report.unit_of(flow_id)
    if unit is not None and unit != currency:
        raise DataMatchError(
            f"flow {quote(flow_id)}: the data are in {currency} and the report's values in {unit}: "
            "give the report's values in the data's currency, or convert the data first",
            flow=flow_id,
        )
    return Reported(Amount(total, str(currency)), half)


def _one(flow_id: str, period: Period, rows: list[dict[str, Any]]) -> dict[str, Any]:
    if len(rows) > 1:
        raise DataMatchError(
            f"flow {quote(flow_id)}: {len(rows)} rows of the data hold {period.label()}: name more "
            "columns under [data.flows." + flow_id + "] (such as product) so that one row does",
            flow=flow_id,
            period=str(period),
        )
    return rows[0]


def _shown(value: Reported[Amount]) -> str:
    return str(value.value)
