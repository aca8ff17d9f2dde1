"""Changes in level, differences of growth rates, contribution shares, and sign changes.

The laws of :func:`tradestats.change`, :func:`tradestats.growth_difference`,
:func:`tradestats.contribution_share` and their bounds, and the rule that the
growth of a value that changed sign is undefined in the scalar functions, their
bounds and the tables alike.
"""

from __future__ import annotations

import itertools
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import (
    Amount,
    FlowMismatchError,
    Growth,
    PercentagePoints,
    PeriodMismatchError,
    Reported,
    SignChangeError,
    TradeFlow,
    ZeroBaseError,
    change,
    change_bounds,
    contribution,
    contribution_share,
    contribution_share_bounds,
    growth,
    growth_bounds,
    growth_difference,
    growth_difference_bounds,
)
from tradestats import strategies as tst

if TYPE_CHECKING:
    from tradestats.verify.intervals import Interval

#: How far an end may lie from the exact extreme: a few roundings at 28 digits.
SLACK = Decimal("1e-24")

SIGNED = tst.money_amounts("USD", max_value=10**9, places=2, allow_negative=True)
POSITIVE = tst.money_amounts("USD", max_value=10**9, places=2, allow_zero=False)


def reports(values: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, Reported[Any]]]:
    """(true value, report) pairs of values rounded to up to 2 decimals."""
    return tst.rounded_reports(values, max_places=2)


def corners(*intervals: Interval) -> list[tuple[Decimal, ...]]:
    """Every combination of ends of the intervals."""
    return list(itertools.product(*((i.low, i.high) for i in intervals)))


def assert_tight(bounds: ts.Bounds[Any], values: list[Decimal]) -> None:
    """The bounds hold every value, and their ends are the extremes of the values."""
    low, high = min(values), max(values)
    assert bounds.interval.low <= low <= bounds.interval.low + SLACK * max(Decimal(1), abs(low))
    assert bounds.interval.high - SLACK * max(Decimal(1), abs(high)) <= high <= bounds.interval.high


def flow(period: str, value: str, *, flow: str = "balance", partner: str = "World") -> TradeFlow:
    """A flow of reporter A."""
    return TradeFlow(reporter="A", partner=partner, flow=flow, period=period, value=value)


# -- change in level -------------------------------------------------------------------------


@given(SIGNED, SIGNED, SIGNED)
def test_changes_add_up_along_the_way(a: Amount, b: Amount, c: Amount) -> None:
    """change(b, a) + change(c, b) == change(c, a), exactly: no money appears or disappears."""
    assert change(c, a) == change(b, a) + change(c, b)


@given(SIGNED, SIGNED)
def test_a_change_undoes_itself(a: Amount, b: Amount) -> None:
    """The previous value plus the change is the current value; reversed, the change flips."""
    assert b == a + change(b, a)
    assert change(a, b) == -change(b, a)


def test_a_change_in_level_across_a_sign_change() -> None:
    """A surplus of 2.3 turned into a deficit of 11.8 is a change of −14.1, though no growth."""
    before, now = flow("2022", "2.3 billion USD"), flow("2023", "-11.8 billion USD")
    assert ts.money("-14.1 billion USD") == change(now, before)
    with pytest.raises(SignChangeError, match="report the change in level instead"):
        growth(now.value, before.value)


def test_change_of_flows_takes_any_base() -> None:
    """A month against the month before, or a year against an explicit earlier year."""
    may, june = flow("2023-05", "10 USD", flow="exports"), flow("2023-06", "12 USD", flow="exports")
    assert ts.money("2 USD") == change(june, may)
    assert ts.money("5 USD") == change(
        flow("2023", "9 USD", flow="exports"), flow("2019", "4 USD", flow="exports")
    )


@pytest.mark.parametrize(
    ("later", "earlier", "error"),
    [
        (flow("2023", "1 USD"), flow("2023-H1", "1 USD"), PeriodMismatchError),
        (flow("2022", "1 USD"), flow("2023", "1 USD"), PeriodMismatchError),
        (flow("2023", "1 USD"), flow("2022", "1 USD", partner="B"), FlowMismatchError),
    ],
    ids=["another length", "not earlier", "another partner"],
)
def test_change_of_flows_that_do_not_belong_together(
    later: TradeFlow, earlier: TradeFlow, error: type[Exception]
) -> None:
    """Flows of other series, or periods that cannot be a base, are refused."""
    with pytest.raises(error):
        change(later, earlier)


@given(reports(SIGNED), reports(SIGNED))
@example(
    (Amount(0, "USD"), Reported.parse_amount("0 USD")),
    (Amount(1, "USD"), ts.reported(Amount(1, "USD"))),
)
def test_change_bounds_are_sound_and_tight(
    current: tuple[Amount, Reported[Amount]], previous: tuple[Amount, Reported[Amount]]
) -> None:
    """The change of the true values is inside; the ends are at corners of the intervals."""
    (c, c_report), (p, p_report) = current, previous
    bounds = change_bounds(c_report, p_report)
    assert bounds.contains(change(c, p))
    assert_tight(bounds, [a - b for a, b in corners(c_report.interval, p_report.interval)])


# -- growth differences ----------------------------------------------------------------------


@given(tst.growths(), tst.growths(), tst.growths())
def test_growth_differences_chain(a: Growth, b: Growth, c: Growth) -> None:
    """(a − b) + (b − c) == a − c in percentage points, and a − b == −(b − a)."""
    assert growth_difference(a, c) == growth_difference(a, b) + growth_difference(b, c)
    assert growth_difference(a, b) == -growth_difference(b, a)


@given(reports(tst.growths()), reports(tst.growths()))
def test_growth_difference_bounds_are_sound(
    first: tuple[Growth, Reported[Growth]], second: tuple[Growth, Reported[Growth]]
) -> None:
    """The difference of the true rates lies within the bounds of the reported ones."""
    (a, a_report), (b, b_report) = first, second
    assert growth_difference_bounds(a_report, b_report).contains(growth_difference(a, b))


def test_growth_difference_needs_growth_rates() -> None:
    """A share or a bare number is not a growth rate."""
    with pytest.raises(ts.InvalidValueError, match="expected a Growth"):
        growth_difference(Growth.from_percent(5), ts.Share.from_percent(5))  # type: ignore[arg-type]


# -- contribution shares ---------------------------------------------------------------------


@given(SIGNED, SIGNED, SIGNED, SIGNED)
def test_contribution_shares_of_a_partition_add_up_to_100(
    a_now: Amount, a_before: Amount, b_now: Amount, b_before: Amount
) -> None:
    """Two parts of a total: their contribution shares add up to 100%, within rounding."""
    total_now, total_before = a_now + b_now, a_before + b_before
    assume(total_now != total_before)
    shares = [
        contribution_share(now, before, total_now, total_before)
        for now, before in ((a_now, a_before), (b_now, b_before))
    ]
    assert abs(shares[0].points + shares[1].points - 100) <= SLACK * max(
        Decimal(1), *(abs(s.points) for s in shares)
    )


@given(SIGNED, SIGNED, POSITIVE, POSITIVE)
def test_contribution_share_is_contribution_over_growth(
    part_now: Amount, part_before: Amount, total_now: Amount, total_before: Amount
) -> None:
    """The contribution share is the contribution (pp) over the total's growth (%), × 100."""
    assume(total_now != total_before)
    points = contribution(part_now, part_before, total_before).points
    rate = growth(total_now, total_before).percent
    expected = points / rate * 100
    actual = contribution_share(part_now, part_before, total_now, total_before).points
    assert abs(expected - actual) <= SLACK * 1000 * max(Decimal(1), abs(expected))


def test_contribution_share_of_flows() -> None:
    """Flows of a part and its total in two periods, any base; 贡献率 of exports to trade."""
    exports = (flow("2023", "80 USD", flow="exports"), flow("2022", "60 USD", flow="exports"))
    imports = (flow("2023", "30 USD", flow="exports", partner="X"),
               flow("2022", "40 USD", flow="exports", partner="X"))  # fmt: skip
    total = (flow("2023", "110 USD", flow="exports", partner="All"),
             flow("2022", "100 USD", flow="exports", partner="All"))  # fmt: skip
    assert PercentagePoints(200) == contribution_share(*exports, *total)
    assert PercentagePoints(-100) == contribution_share(*imports, *total)
    with pytest.raises(ts.FlowMismatchError):
        contribution_share(*exports, flow("2023", "1 USD"), flow("2022", "1 USD"))


def test_contribution_share_of_a_total_that_did_not_change() -> None:
    """The total did not change: undefined, in the scalar function and over intervals."""
    with pytest.raises(ZeroBaseError, match="the total is unchanged"):
        contribution_share(ts.money("5 USD"), ts.money("3 USD"), ts.money("9 USD"),
                           ts.money("9 USD"))  # fmt: skip
    with pytest.raises(ZeroBaseError, match="the total may be unchanged"):
        contribution_share_bounds(ts.money("5 USD"), ts.money("3 USD"),
                                  Reported.parse_amount("10 USD"), ts.money("9.6 USD"))  # fmt: skip


@given(st.lists(reports(SIGNED), min_size=4, max_size=4))
def test_contribution_share_bounds_are_sound(values: list[tuple[Amount, Reported[Amount]]]) -> None:
    """The true contribution share is inside the bounds, unless the total may not have changed."""
    true = [value for value, _ in values]
    published = [report for _, report in values]
    try:
        bounds = contribution_share_bounds(*published)
    except ZeroBaseError:
        change_of_total = published[2].interval - published[3].interval
        assert change_of_total.contains(Decimal(0))
        return
    assert bounds.contains(contribution_share(*true))


# -- sign changes: never a number ------------------------------------------------------------


@given(SIGNED, SIGNED)
@example(Amount(-1, "USD"), Amount(10, "USD"))
@example(Amount(0, "USD"), Amount(10, "USD"))
def test_growth_of_a_value_that_changed_sign_is_refused(current: Amount, previous: Amount) -> None:
    """Over any non-zero base (negative ones allowed), growth raises exactly at sign changes."""
    assume(previous.magnitude != 0)
    changed = current.magnitude * previous.magnitude < 0
    try:
        rate = growth(current, previous, allow_negative_base=True)
    except SignChangeError:
        assert changed
    else:
        assert not changed
        assert (rate.rate > 0) == (current > previous)


@given(reports(SIGNED), reports(SIGNED))
@example(
    (Amount(0, "USD"), Reported.parse_amount("0.0 USD")),
    (Amount(2, "USD"), ts.reported(Amount(2, "USD"))),
)
def test_growth_bounds_never_span_a_sign_change(
    current: tuple[Amount, Reported[Amount]], previous: tuple[Amount, Reported[Amount]]
) -> None:
    """Bounds come back only where no pair of values in the intervals has opposite signs, and
    then they hold the growth at every corner; else a sign change or a zero base is refused."""
    (c, c_report), (p, p_report) = current, previous
    now, before = c_report.interval, p_report.interval
    try:
        bounds = growth_bounds(c_report, p_report, allow_negative_base=True)
    except ZeroBaseError:
        assert before.contains(Decimal(0))
        return
    except SignChangeError:
        assert any(a * b < 0 for a, b in corners(now, before))
        return
    assert not any(a * b < 0 for a, b in corners(now, before))
    with localcontext(prec=60):
        values = [(a - b) / abs(b) for a, b in corners(now, before)]
    assert_tight(bounds, values)
    assert bounds.contains(growth(c, p, allow_negative_base=True))


pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

FLOATS = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).filter(lambda x: x != 0)


@given(st.lists(st.tuples(FLOATS, FLOATS), min_size=1, max_size=8), st.booleans())
def test_tables_null_every_sign_change(pairs: list[tuple[float, float]], lazy: bool) -> None:
    """Eager or lazy, a row whose value changed sign has a null growth and "sign changed"."""
    n = len(pairs)
    frame = pl.DataFrame({
        "reporter": [str(i) for i in range(n)] * 2,
        "period": [2022] * n + [2023] * n,
        "value": [p for p, _ in pairs] + [c for _, c in pairs],
    })  # fmt: skip
    given_frame = frame.lazy() if lazy else frame
    result = tt.yoy_growth(given_frame, keys=["reporter"], allow_negative_base=True)
    rows = (result.collect() if lazy else result).filter(pl.col("period") == 2023)
    for reporter, rate, reason in rows.select("reporter", "growth", "growth_reason").rows():
        previous, current = pairs[int(reporter)]
        changed = (previous < 0 < current) or (current < 0 < previous)
        assert changed == (reason == "sign changed")
        assert rate is None or not changed
