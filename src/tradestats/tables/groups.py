"""Partner groups on frames: sum partner rows into the EU, ASEAN, …, and their growth.

:func:`aggregate` sums the rows of each group's members (partner codes are ISO
3166-1 alpha-3, as in the shipped group table, :mod:`tradestats.groups`) into one
row per group, under a membership rule: ``"as of each period"`` (each period
with the members on its last day) or a fixed composition such as ``"fixed:
EU27_2020"``. :func:`group_growth` is year-on-year growth of those sums that
never compares two different sets of members: where the members changed between
a period and its base, the growth is null with the reason ``"membership
changed: …"``, unless a fixed composition was asked for.

>>> import polars as pl
>>> import tradestats.tables as tt
>>> trade = pl.DataFrame({
...     "reporter": ["CHN"] * 4, "partner": ["DEU", "GBR", "DEU", "GBR"],
...     "flow": ["exports"] * 4, "product": ["TOTAL"] * 4,
...     "period": ["2019", "2019", "2020", "2020"],
...     "value": [100.0, 50.0, 110.0, 40.0],
... })
>>> tt.aggregate(trade, groups=["EU"]).select("period", "value", "value_reason").rows()
[('2019', None, 'no row for 26 of 28 members'), ('2020', None, 'no row for 26 of 27 members')]
>>> eu = tt.aggregate(trade, groups=["EU"], missing_members="zero")
>>> eu.select("partner", "period", "value", "membership").rows()
[('EU', '2019', 150.0, 'as of each period'), ('EU', '2020', 110.0, 'as of each period')]
>>> out = tt.group_growth(trade, groups=["EU"], missing_members="zero")
>>> out.select("period", "growth", "growth_reason").rows()[1]
('2020', None, 'membership changed: the United Kingdom left the EU on 2020-02-01')
>>> tt.group_growth(trade, groups=["EU"], membership="fixed: EU27_2020",
...                 missing_members="zero")["growth"].to_list()
[None, 0.1]
"""

from __future__ import annotations

from functools import reduce
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast

import narwhals as nw

from tradestats._text import quote
from tradestats.errors import InvalidValueError
from tradestats.groups import (
    Membership,
    MembershipKind,
    composition,
    partner_group,
)
from tradestats.periods import Lag, Versus
from tradestats.tables._frames import PREFIX, check_key_dtypes, check_nulls
from tradestats.tables._membership import MEMBERSHIP_CHANGED, periods_of
from tradestats.tables._native import collect, open_frame, require
from tradestats.tables._periods import parse_period
from tradestats.tables._schema import raise_duplicate
from tradestats.tables.columns import DEFAULT_KEYS
from tradestats.tables.growth import yoy_growth

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tradestats.periods import Period
    from tradestats.tables.columns import ColumnUnits, ExchangeRates

__all__ = ["MEMBERSHIP_CHANGED", "aggregate", "group_growth"]

T = TypeVar("T")

_OK: Final = PREFIX + "ok"
_COUNT: Final = PREFIX + "count"
_SIZE: Final = PREFIX + "size"
_ROWS: Final = PREFIX + "rows"


def _rule(membership: Membership | str) -> Membership:
    return Membership.parse(membership)


def _member_of(
    group: str, rule: Membership, periods: dict[Any, Period], partner: str, period: str
) -> tuple[nw.Expr, nw.Expr]:
    """Whether a row's partner is in the group in its period, and the composition's size.

    The periods are grouped by composition (a group's members change a few times
    in decades), so the condition has one term per composition, whatever the
    number of periods.
    """
    by_members: dict[frozenset[str], list[Any]] = {}
    for cell, when in periods.items():
        by_members.setdefault(composition(group, when, rule), []).append(cell)
    if not by_members:  # a frame without rows: no row is a member
        return nw.col(partner).is_in([]), nw.lit(0)
    terms = [
        nw.col(period).is_in(cells) & nw.col(partner).is_in(sorted(members))
        for members, cells in by_members.items()
    ]
    size = reduce(
        lambda chain, item: chain.when(nw.col(period).is_in(item[1])).then(nw.lit(len(item[0]))),
        list(by_members.items())[1:],
        nw.when(nw.col(period).is_in(next(iter(by_members.values())))).then(
            nw.lit(len(next(iter(by_members))))
        ),
    ).otherwise(nw.lit(0))
    return reduce(lambda left, right: left | right, terms), size


def aggregate(
    frame: T,
    *,
    groups: Sequence[str],
    membership: Membership | str = MembershipKind.AS_OF_EACH_PERIOD.value,
    keys: Sequence[str] = DEFAULT_KEYS,
    partner: str = "partner",
    period: str = "period",
    value: str = "value",
    missing_members: Literal["null", "zero"] = "null",
) -> T:
    """Sum the rows of each group's member partners into one row per group and period.

    For each group, each period, and each combination of the other keys (and the
    ``currency`` column, if the frame has one), the result has one row: the
    other keys, ``partner`` set to the group's code, the period, ``value`` (the
    exact float sum of the members' values), ``membership`` (the rule, as text)
    and ``value_reason`` (null when every member of the period's composition has
    a row with a finite value, else ``"no row for 1 of 28 members"`` or ``"null
    value for 1 of 27 members"``: the sum is then null, never a partial total
    that looks whole). Rows of partners outside the group are left out.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame with
            one row per partner (ISO 3166-1 alpha-3 codes, such as ``"DEU"``).
        groups: The codes of the groups to form, such as ``["EU", "ASEAN"]``.
        membership: ``"as of each period"`` (each period with the members on
            its last day) or a fixed composition (``"fixed: EU27_2020"``,
            ``"fixed: ASEAN on 2020-01-01"``), or a :class:`~tradestats.Membership`.
        keys: The columns that identify one series, the partner among them.
        partner: The partner column.
        period: The period column (period text or integer years).
        value: The numeric value column.
        missing_members: ``"null"`` (the default): a member without a row makes
            the sum null; ``"zero"``: a member without a row traded nothing (UN
            Comtrade leaves out rows of zero trade). A null value is null either way.

    Returns:
        The same kind of frame with the group rows, ordered by keys and period
        on eager frames.

    Raises:
        UnknownGroupError: For an unknown group.
        ParseError: For a membership rule or period that does not read.
        DuplicateKeyError: If two rows have the same keys and period.
        InvalidValueError: For a missing or non-numeric column, a null key, a
            partner not among the keys, or a frame none of whose partner codes is a
            member of a group (its codes are then not ISO alpha-3: the message
            shows some).
    """
    rule = _rule(membership)
    if missing_members not in {"null", "zero"}:
        raise InvalidValueError(
            f"missing_members must be 'null' or 'zero', not {quote(missing_members)}",
            missing_members=missing_members,
        )
    if isinstance(groups, str):
        groups = [groups]  # one group's code, not a list of its letters
    chosen = [partner_group(group).code for group in groups]
    if not chosen:
        raise InvalidValueError("no groups given: name at least one, such as groups=['EU']")
    native = open_frame(frame)
    if partner not in keys:
        raise InvalidValueError(
            f"the partner column {quote(partner)} must be one of the keys {list(keys)}",
            partner=partner,
        )
    schema = native.collect_schema()
    others = [key for key in keys if key != partner]
    if "currency" in schema and "currency" not in others:
        others.append("currency")  # never a sum of two currencies
    require(native, [*others, partner, period, value])
    if not schema[value].is_numeric():
        raise InvalidValueError(
            f"the value column {quote(value)} must be numeric, got {schema[value]}",
            column=value,
            dtype=str(schema[value]),
        )
    check_key_dtypes(schema, [*others, partner, period])
    check_nulls(native, [*others, partner, period])
    _refuse_duplicates(native, [*keys, *others], period)
    periods = periods_of(native, period)
    _check_codes(native, partner, chosen, periods, rule)
    parts: list[Any] = []
    for group in chosen:
        member, size = _member_of(group, rule, periods, partner, period)
        finite = nw.col(value).cast(nw.Float64()).is_finite().fill_null(value=False)
        rows = native.filter(member).with_columns(
            nw.col(value).cast(nw.Float64()), finite.cast(nw.Int64()).alias(_OK)
        )
        summed = rows.group_by([*others, period]).agg(
            nw.col(value).sum(),
            nw.col(_OK).sum().alias(_COUNT),
            nw.len().alias(_ROWS),
        )
        whole = summed.with_columns(size.alias(_SIZE))
        all_rows = nw.col(_ROWS) == nw.col(_SIZE)
        all_finite = nw.col(_COUNT) == nw.col(_ROWS)
        complete = all_finite if missing_members == "zero" else all_finite & all_rows
        parts.append(
            whole.select(
                *(nw.lit(group).alias(key) if key == partner else nw.col(key) for key in keys),
                *(nw.col(key) for key in others if key not in keys),
                nw.col(period),
                nw.when(complete)
                .then(nw.col(value))
                .otherwise(nw.lit(None, dtype=nw.Float64()))
                .alias(value),
                nw.lit(str(rule)).alias("membership"),
                nw.when(complete)
                .then(nw.lit(None, dtype=nw.String()))
                .when(~all_finite)
                .then(_count_text("null value for ", nw.col(_ROWS) - nw.col(_COUNT)))
                .otherwise(_count_text("no row for ", nw.col(_SIZE) - nw.col(_ROWS)))
                .alias("value_reason"),
            )
        )
    result: Any = nw.concat(parts)
    order = [*keys, period]
    if isinstance(result, nw.DataFrame):
        result = nw.maybe_reset_index(result.sort(order))
    return cast("T", result.to_native())


def _count_text(start: str, count: nw.Expr) -> nw.Expr:
    """``"no row for 2 of 27 members"``: how many members of the period's composition lack one."""
    return nw.concat_str(
        nw.lit(start),
        count.cast(nw.Int64()).cast(nw.String()),
        nw.lit(" of "),
        nw.col(_SIZE).cast(nw.Int64()).cast(nw.String()),
        nw.lit(" members"),
    )


def _refuse_duplicates(native: Any, keys: list[str], period: str) -> None:
    """Refuse two rows of one partner's series in one period: their sum would count it twice."""
    columns = list(dict.fromkeys(keys))
    counted = native.group_by([*columns, period]).agg(nw.len().alias(_COUNT))
    twice = collect(counted.filter(nw.col(_COUNT) > 1).head(1)).rows(named=True)
    if twice:
        when = parse_period(twice[0][period], period)
        shown = {key: twice[0][key] for key in columns}
        raise_duplicate(shown, period, when.start_index, when.months)


def _check_codes(
    native: Any, partner: str, groups: list[str], periods: dict[Any, Period], rule: Membership
) -> None:
    """Refuse a frame none of whose partners is a member: its codes are of another system."""
    everyone = sorted({code for group in groups for when in periods.values()
                       for code in composition(group, when, rule)})  # fmt: skip
    if not everyone:
        return  # no group had members in these periods: nothing to match
    hits = collect(native.filter(nw.col(partner).is_in(everyone)).select(nw.len())).item()
    rows = collect(native.select(nw.len())).item()
    if hits or not rows:
        return
    found = collect(native.select(nw.col(partner)).unique(partner).head(5))
    shown = ", ".join(quote(code) for code in found.get_column(partner).to_list())
    raise InvalidValueError(
        f"no partner in column {quote(partner)} is a member of {', '.join(groups)}: partners are "
        f"matched by ISO 3166-1 alpha-3 code, such as 'DEU' or 'FRA' (found {shown or 'none'})",
        column=partner,
        groups=groups,
    )


def group_growth(
    frame: T,
    *,
    groups: Sequence[str],
    membership: Membership | str = MembershipKind.AS_OF_EACH_PERIOD.value,
    keys: Sequence[str] = DEFAULT_KEYS,
    partner: str = "partner",
    period: str = "period",
    value: str = "value",
    missing_members: Literal["null", "zero"] = "null",
    units: ColumnUnits | None = None,
    fx: ExchangeRates | None = None,
    versus: Versus | str | int = Lag.YEAR_EARLIER,
) -> T:
    """Year-on-year growth of group sums, null where the group's members changed.

    :func:`aggregate`, then :func:`~tradestats.tables.yoy_growth` over the group
    rows; a row whose group had other members in its base period (under the
    rule) gets a null growth with the reason ``"membership changed: the United
    Kingdom left the EU on 2020-02-01"`` (which members joined or left, and
    when). With a fixed composition (``membership="fixed: EU27_2020"``) both
    periods sum the same members, and the growth compares like with like.

    Args:
        frame: A frame with one row per partner (see :func:`aggregate`).
        groups: The codes of the groups.
        membership: The rule of composition (see :func:`aggregate`).
        keys: The columns that identify one series, the partner among them.
        partner: The partner column.
        period: The period column.
        value: The numeric value column.
        missing_members: How a member without a row counts (see :func:`aggregate`).
        units: The values' currency and scale (see :func:`~tradestats.tables.yoy_growth`).
        fx: Exchange rates into one currency (see :func:`~tradestats.tables.yoy_growth`).
        versus: The base (see :func:`~tradestats.tables.yoy_growth`).

    Returns:
        The group rows of :func:`aggregate`, with the columns of
        :func:`~tradestats.tables.yoy_growth` added.

    Raises:
        UnknownGroupError, ParseError, InvalidValueError: As :func:`aggregate`
            and :func:`~tradestats.tables.yoy_growth`.
    """
    summed = aggregate(
        frame, groups=groups, membership=_rule(membership), keys=keys, partner=partner,
        period=period, value=value, missing_members=missing_members,
    )  # fmt: skip
    # yoy_growth nulls a group row whose members changed (the rule is in its
    # "membership" column), so the growth of a changing group is never computed.
    return yoy_growth(summed, keys=keys, period=period, value=value, units=units, fx=fx,
                      versus=versus, partner=partner)  # fmt: skip
