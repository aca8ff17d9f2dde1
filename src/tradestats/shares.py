"""Shares of a total and their change, in percentage points.

>>> import tradestats as ts
>>> ts.share(ts.money("169 billion CNY"), ts.money("183 billion CNY")).format(places=1)
'92.3%'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tradestats import _rules
from tradestats._numbers import CONTEXT, in_context
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
    details = {"part": part, "total": total}
    for rule, value in ((_rules.NEGATIVE_VALUE, numerator), (_rules.NEGATIVE_TOTAL, denominator)):
        if rule.refuses(value):
            raise rule.failure(
                subject="a share",
                shown=f"{part_value} of {total_value}",
                advice=_rules.SHARE_OF_BALANCE,
                details=details,
            )
    if _rules.PART_ABOVE_TOTAL.refuses(numerator, denominator):
        raise _rules.PART_ABOVE_TOTAL.failure(part=part_value, total=total_value, details=details)
    if _rules.ZERO_TOTAL.refuses(denominator):
        raise _rules.ZERO_TOTAL.failure(
            subject=f"the share of {part_value} in {total_value}",
            shown=total_value,
            details=details,
        )
    return Share(CONTEXT.divide(numerator, denominator))


@in_context
def share_change(current: Share, previous: Share) -> PercentagePoints:
    """How many percentage points a share moved: current − previous.

    >>> share_change(Share.from_percent("92.3"), Share.from_percent("91.1"))
    PercentagePoints('+1.2 pp')
    """
    return current - previous
