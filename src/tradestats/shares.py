"""Shares of a total and their change, in percentage points.

>>> import tradestats as ts
>>> ts.share(ts.money("169 billion CNY"), ts.money("183 billion CNY")).format(places=1)
'92.3%'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradestats._numbers import divide, in_context
from tradestats.errors import InvalidValueError
from tradestats.flows import TradeFlow, require_same
from tradestats.measures import PercentagePoints, Share

if TYPE_CHECKING:
    from tradestats.amounts import Amount

__all__ = ["share", "share_change"]


@in_context
def share(part: Amount | TradeFlow, total: Amount | TradeFlow) -> Share:
    """The share of ``total`` that ``part`` makes up.

    For flows, part and total must have the same reporter, flow and period; they
    differ in partner (a partner's share of the world) or product.

    Raises:
        FlowMismatchError: If the flows differ in reporter, flow or period.
        UnitMismatchError: If the values are in different currencies.
        ZeroBaseError: If the total is zero.
        InvalidValueError: If either value is negative, or the part exceeds the total.

    >>> from tradestats import money
    >>> share(money(25, "USD"), money(100, "USD"))
    Share('25%')
    """
    if isinstance(part, TradeFlow) and isinstance(total, TradeFlow):
        require_same(part, total, ("reporter", "flow", "period"), action="compute a share")
        part_value, total_value = part.value, total.value
    elif isinstance(part, TradeFlow) or isinstance(total, TradeFlow):
        raise InvalidValueError(
            f"give part and total both as flows or both as amounts, got "
            f"{type(part).__name__} and {type(total).__name__}",
            part=part,
            total=total,
        )
    else:
        part_value, total_value = part, total
    numerator = part_value.in_unit_of(total_value, action="compute the share of {this} in {other}")
    denominator = total_value.magnitude
    if numerator < 0 or denominator < 0:
        raise InvalidValueError(
            f"a share needs non-negative values, got {part_value} of {total_value}: shares of "
            "a balance are not defined",
            part=part,
            total=total,
        )
    if numerator > denominator:
        raise InvalidValueError(
            f"the part {part_value} is larger than its total {total_value}: a share cannot "
            "exceed 100%; check that the part belongs to the total",
            part=part,
            total=total,
        )
    return Share(
        divide(
            numerator,
            denominator,
            message=f"the share of {part_value} in a zero total is undefined",
            part=part,
            total=total,
        )
    )


@in_context
def share_change(current: Share, previous: Share) -> PercentagePoints:
    """How many percentage points a share moved: current − previous.

    >>> share_change(Share.from_percent("92.3"), Share.from_percent("91.1"))
    PercentagePoints('+1.2 pp')
    """
    return current - previous
