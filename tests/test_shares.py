"""Shares of a total and their change in percentage points."""

from __future__ import annotations

import functools
import operator
import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from tradestats import (
    Amount,
    Flow,
    FlowMismatchError,
    Growth,
    InvalidValueError,
    PercentagePoints,
    Period,
    Share,
    TradeFlow,
    UnitMismatchError,
    ZeroBaseError,
    implied_previous,
    money,
    share,
    share_change,
)
from tradestats import strategies as tst

JAN_JUL_2023 = Period.year_to_date(2023, 7)


def xinjiang(value: str, *, partner: str = "World", flow: Flow = Flow.TOTAL) -> TradeFlow:
    """Xinjiang's trade with ``partner``, January–July 2023."""
    return TradeFlow(
        reporter="Xinjiang", partner=partner, flow=flow, period=JAN_JUL_2023, value=money(value)
    )


def test_belt_and_road_share_of_the_seed() -> None:
    """169 of 183 billion yuan is 92.3%; a year before it was 91.1%, so +1.2 pp."""
    total, bri = xinjiang("183 billion CNY"), xinjiang("169 billion CNY", partner="BRI")
    now = share(bri, total)
    before = share(
        implied_previous(bri, Growth.from_percent("61.4")),
        implied_previous(total, Growth.from_percent("59.3")),
    )
    expected = ("92.3%", "91.1%", "+1.2 pp")
    assert expected == (now.format(places=1), f"{before:.1f}", f"{share_change(now, before):.1f}")


@given(tst.partitions(max_parts=8))
def test_shares_of_a_partition_sum_to_one(partition: tst.Partition) -> None:
    """The parts' shares of their total add up to 100%, up to one rounding per part."""
    total, parts = partition
    shares = [share(part, total) for part in parts]
    assert abs(sum((s.fraction for s in shares), Decimal(0)) - 1) <= Decimal("1e-27") * len(parts)


@given(tst.partitions(max_parts=4))
def test_shares_of_flows_and_of_their_values_agree(partition: tst.Partition) -> None:
    """A share of flows is the share of their values."""
    total, parts = partition
    for part in parts:
        assert share(part.value, total.value) == share(part, total)


@given(tst.money_amounts("EUR", allow_zero=False))
def test_a_total_is_all_of_itself(total: Amount) -> None:
    """A total's share of itself is exactly 100%, and nothing is 0%."""
    assert Share(1) == share(total, total)
    assert Share(0) == share(money(0, "EUR"), total)


@given(tst.partitions(max_parts=3), tst.decimals(Decimal("0.0001"), 1000, places=4))
def test_shares_do_not_change_with_scale(partition: tst.Partition, factor: Decimal) -> None:
    """Scaling part and total by one factor leaves the share exactly as it was."""
    total, parts = partition
    if factor:
        for part in parts:
            assert share(part.value, total.value) == share(
                part.value * factor, total.value * factor
            )


@given(tst.shares(), tst.shares())
def test_share_change_is_a_difference_in_points(now: Share, before: Share) -> None:
    """share_change is now − before in percentage points, and antisymmetric."""
    assert PercentagePoints(now.percent - before.percent) == share_change(now, before)
    assert -share_change(now, before) == share_change(before, now)


@given(tst.shares())
def test_a_share_and_its_complement_make_a_whole(part: Share) -> None:
    """A share and its complement add up to exactly 100%."""
    assert Share(1) == Share(part.fraction + part.complement().fraction)


def test_share_refuses_a_part_larger_than_its_total() -> None:
    """A part above its total is refused with both named: no share above 100%."""
    with pytest.raises(
        InvalidValueError, match="the part 184 CNY is larger than its total 183 CNY"
    ):
        share(money(184, "CNY"), money(183, "CNY"))


def test_share_refuses_negative_values() -> None:
    """Shares of a balance are not defined."""
    with pytest.raises(InvalidValueError, match="-5 CNY of 10 CNY"):
        share(money(-5, "CNY"), money(10, "CNY"))


def test_share_of_a_zero_total() -> None:
    """A share of nothing is undefined."""
    with pytest.raises(ZeroBaseError, match="the total 0 CNY is zero"):
        share(money(0, "CNY"), money(0, "CNY"))


def test_share_across_currencies() -> None:
    """A part in dollars of a total in yuan must be converted first."""
    message = "cannot compute the share of 25 USD in 183 CNY: CNY and USD are different"
    with pytest.raises(UnitMismatchError, match=re.escape(message)):
        share(money(25, "USD"), money(183, "CNY"))


def test_share_of_flows_that_do_not_belong_together() -> None:
    """Part and total need the same reporter, flow and period."""
    total = xinjiang("183 billion CNY")
    exports = xinjiang("100 billion CNY", flow=Flow.EXPORTS, partner="BRI")
    with pytest.raises(FlowMismatchError, match=re.escape("differ in flow (exports vs total)")):
        share(exports, total)
    other_year = attrs.evolve(exports, flow=Flow.TOTAL, period=Period.year_to_date(2022, 7))
    with pytest.raises(FlowMismatchError, match="period \\(2022-01/2022-07 vs 2023-01/2023-07\\)"):
        share(other_year, total)


def test_share_of_a_flow_in_an_amount() -> None:
    """Part and total are both flows or both amounts."""
    with pytest.raises(InvalidValueError, match="TradeFlow and Amount"):
        share(xinjiang("169 billion CNY"), money("183 billion CNY"))


def test_shares_sum_with_reduce() -> None:
    """Shares of a three-way split of the seed total add up to one."""
    total = money("183 billion CNY")
    parts = [money("169 billion CNY"), money("10 billion CNY"), money("4 billion CNY")]
    fractions = [share(part, total).fraction for part in parts]
    assert abs(functools.reduce(operator.add, fractions) - 1) <= Decimal("1e-27")
