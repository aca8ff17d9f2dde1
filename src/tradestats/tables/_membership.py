"""Private: growth over a partner group whose members changed is null, with its reason.

A frame from :func:`~tradestats.tables.aggregate` carries a ``membership`` column:
the rule each group row was summed under. Growth over such a row compares two
sets of members where, under ``"as of each period"``, the group changed between
the row's period and its base; :func:`flag_changed` gives those rows a null growth
and the reason ``"membership changed: the United Kingdom left the EU on
2020-02-01"``. Rows of other partners, and fixed compositions, keep their growth.
:func:`~tradestats.tables.yoy_growth` applies it to every frame with the column,
so growth over a changing group is never computed silently, whichever function
the user calls.
"""

from __future__ import annotations

from functools import reduce
from typing import TYPE_CHECKING, Any, Final

import narwhals as nw

from tradestats.errors import TradeStatsError
from tradestats.groups import Membership, find_group, membership_changed
from tradestats.tables._native import collect
from tradestats.tables._periods import parse_period

if TYPE_CHECKING:
    from tradestats.periods import Period, Versus

__all__ = ["MEMBERSHIP", "MEMBERSHIP_CHANGED", "flag_changed", "periods_of"]

#: The column that holds the rule a group row was summed under.
MEMBERSHIP: Final = "membership"
#: The start of the reason of a growth over a group whose members changed.
MEMBERSHIP_CHANGED: Final = "membership changed"


def periods_of(native: Any, period: str) -> dict[Any, Period]:
    """Each distinct cell of the period column, and the period it stands for."""
    cells = collect(native.select(nw.col(period)).unique(period)).get_column(period).to_list()
    return {cell: parse_period(cell, period) for cell in cells}


def flag_changed(grown: Any, source: Any, *, partner: str, period: str, base: Versus) -> Any:
    """``grown`` (a narwhals frame with growth columns) with changed groups' growth nulled.

    ``source`` is the frame the growth was computed from: it has the same rows,
    and asking it which groups and periods there are does not evaluate the
    growth's join a second time (on a lazy engine, a pass over the data).
    """
    names = grown.collect_schema().names()
    if MEMBERSHIP not in names or partner not in names:
        return grown
    changed = _changed(source, partner=partner, period=period, base=base)
    if not changed:
        return grown
    flagged = reduce(
        lambda chain, item: chain.when(item[0]).then(nw.lit(item[1])),
        changed[1:],
        nw.when(changed[0][0]).then(nw.lit(changed[0][1])),
    )
    hit = reduce(lambda left, right: left | right, (condition for condition, _ in changed))
    reason_type = grown.collect_schema()["growth_reason"]
    return grown.with_columns(
        nw.when(hit).then(nw.lit(None, dtype=nw.Float64())).otherwise(nw.col("growth"))
        .alias("growth"),
        flagged.otherwise(nw.col("growth_reason").cast(nw.String())).cast(reason_type)
        .alias("growth_reason"),
    )  # fmt: skip


def _changed(source: Any, *, partner: str, period: str, base: Versus) -> list[tuple[nw.Expr, str]]:
    """A condition and a reason for each group row whose base had other members."""
    # One query for the group rows there are: each is a partner, a rule and a period.
    rows = collect(
        source.select(nw.col(partner), nw.col(MEMBERSHIP), nw.col(period))
        .filter(~nw.col(MEMBERSHIP).is_null())
        .unique([partner, MEMBERSHIP, period])
    ).rows()
    periods: dict[Any, Period] = {}
    found: list[tuple[nw.Expr, str]] = []
    for cell, text, when_cell in rows:
        if not isinstance(cell, str) or (group := find_group(cell)) is None:
            continue
        if when_cell not in periods:
            periods[when_cell] = parse_period(when_cell, period)
        when = periods[when_cell]
        try:
            earlier = when.base(base)
        except TradeStatsError:
            continue  # the growth already says why there is no base
        change = membership_changed(group.code, earlier, when, Membership.parse(text))
        if change:
            condition = (
                (nw.col(partner) == cell)
                & (nw.col(MEMBERSHIP) == text)
                & (nw.col(period) == when_cell)
            )
            found.append((condition, f"{MEMBERSHIP_CHANGED}: {change.describe()}"))
    return found
