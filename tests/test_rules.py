"""The domain rules: one check, message and null reason per rule, in scalar, bounds and tables."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import _rules
from tradestats.errors import TradeStatsError
from tradestats.verify.intervals import Interval

if TYPE_CHECKING:
    from collections.abc import Callable

pl = pytest.importorskip("polars")
tt = pytest.importorskip("tradestats.tables")

CNY = ts.money


def _raised(call: Callable[[], object]) -> TradeStatsError:
    with pytest.raises(TradeStatsError) as caught:
        call()
    return caught.value


def _growth_reason(previous: float, current: float) -> Any:
    frame = pl.DataFrame(
        {"reporter": ["A", "A"], "period": [2022, 2023], "value": [previous, current]}
    )
    return tt.yoy_growth(frame, keys=["reporter"])["growth_reason"].to_list()[1]


def _share_reason(part: float, rest: float) -> Any:
    """The share reason of a part whose group total is ``part + rest``."""
    frame = pl.DataFrame({"reporter": ["A", "A"], "flow": ["exports"] * 2, "partner": ["X", "Y"],
                          "period": [2023, 2023], "value": [part, rest]})  # fmt: skip
    return tt.share(frame)["share_reason"].to_list()[0]


def _implied_reason(rate: float) -> Any:
    return tt.implied_previous(pl.DataFrame({"value": [5.0], "growth": [rate]}))[
        "previous_reason"
    ].to_list()[0]


def _contribution_reason() -> Any:
    frame = pl.DataFrame({"reporter": ["A"] * 2, "partner": ["X"] * 2, "period": [2022, 2023],
                          "value": [0.0, 1.0]})  # fmt: skip
    result = tt.contribution(frame, keys=["reporter", "partner"], by=["reporter"])
    return result["contribution_reason"].to_list()[1]


# Each case: the rule; the scalar call; its bounds twin on the same exact input; the
# table's reason for that input (None where the tables have no such function); and the
# message the rule gives, from its words.
CASES: list[tuple[str, _rules.Rule, Callable[[], object], Callable[[], object], Any, str]] = [
    (
        "growth over zero",
        _rules.ZERO_BASE,
        lambda: ts.growth(CNY("5 CNY"), CNY("0 CNY")),
        lambda: ts.growth_bounds(CNY("5 CNY"), CNY("0 CNY")),
        lambda: _growth_reason(0.0, 5.0),
        "growth from 0 CNY to 5 CNY is undefined: the base 0 CNY is zero",
    ),
    (
        "growth over a deficit",
        _rules.NEGATIVE_BASE,
        lambda: ts.growth(CNY("5 CNY"), CNY("-3 CNY")),
        lambda: ts.growth_bounds(CNY("5 CNY"), CNY("-3 CNY")),
        lambda: _growth_reason(-3.0, 5.0),
        "growth from -3 CNY to 5 CNY has a negative base" + _rules.NEGATIVE_GROWTH_ADVICE,
    ),
    (
        "multiplier over zero",
        _rules.ZERO_BASE,
        lambda: ts.multiplier(CNY("5 CNY"), CNY("0 CNY")),
        lambda: ts.multiplier_bounds(CNY("5 CNY"), CNY("0 CNY")),
        None,
        "a multiplier from 0 CNY to 5 CNY is undefined: the base 0 CNY is zero",
    ),
    (
        "multiplier of a negative value",
        _rules.NEGATIVE_VALUE,
        lambda: ts.multiplier(CNY("-5 CNY"), CNY("10 CNY")),
        lambda: ts.multiplier_bounds(CNY("-5 CNY"), CNY("10 CNY")),
        None,
        "a multiplier needs non-negative values, got 10 CNY and -5 CNY",
    ),
    (
        "share of a negative part",
        _rules.NEGATIVE_VALUE,
        lambda: ts.share(CNY("-5 CNY"), CNY("10 CNY")),
        lambda: ts.share_bounds(CNY("-5 CNY"), CNY("10 CNY")),
        lambda: _share_reason(-5.0, 15.0),
        "a share needs non-negative values, got -5 CNY of 10 CNY" + _rules.SHARE_OF_BALANCE,
    ),
    (
        "share of a negative total",
        _rules.NEGATIVE_TOTAL,
        lambda: ts.share(CNY("5 CNY"), CNY("-10 CNY")),
        lambda: ts.share_bounds(CNY("5 CNY"), CNY("-10 CNY")),
        lambda: _share_reason(5.0, -15.0),
        "a share needs non-negative values, got 5 CNY of -10 CNY" + _rules.SHARE_OF_BALANCE,
    ),
    (
        "part above its total",
        _rules.PART_ABOVE_TOTAL,
        lambda: ts.share(CNY("6 CNY"), CNY("5 CNY")),
        lambda: ts.share_bounds(CNY("6 CNY"), CNY("5 CNY")),
        lambda: _share_reason(6.0, -1.0),
        (
            "the part 6 CNY is larger than its total 5 CNY: a share cannot exceed 100%; check that "
            "the part belongs to the total"
        ),
    ),
    (
        "share of a zero total",
        _rules.ZERO_TOTAL,
        lambda: ts.share(CNY("0 CNY"), CNY("0 CNY")),
        lambda: ts.share_bounds(CNY("0 CNY"), CNY("0 CNY")),
        lambda: _share_reason(0.0, 0.0),
        "the share of 0 CNY in 0 CNY is undefined: the total 0 CNY is zero",
    ),
    (
        "contribution to a zero total",
        _rules.ZERO_PREVIOUS_TOTAL,
        lambda: ts.contribution(CNY("1 CNY"), CNY("0 CNY"), CNY("0 CNY")),
        lambda: ts.contribution_bounds(CNY("1 CNY"), CNY("0 CNY"), CNY("0 CNY")),
        _contribution_reason,
        "a contribution to the growth of 0 CNY is undefined: the previous total 0 CNY is zero",
    ),
    (
        "remainder below zero",
        _rules.NEGATIVE_REMAINDER,
        lambda: ts.remainder(CNY("10 CNY"), CNY("12 CNY")),
        lambda: ts.remainder_bounds(CNY("10 CNY"), CNY("12 CNY")),
        None,
        "the part 12 CNY exceeds its total 10 CNY",
    ),
    (
        "implied previous value after a fall of 100%",
        _rules.FALL_OF_100,
        lambda: ts.implied_previous(CNY("5 CNY"), ts.Growth.from_percent(-100)),
        lambda: ts.implied_previous_bounds(CNY("5 CNY"), ts.Growth.from_percent(-100)),
        lambda: _implied_reason(-1.0),
        (
            "cannot imply the previous value of 5 CNY from -100%: -100% is a fall of 100%, after "
            "which every previous value gives zero"
        ),
    ),
    (
        "implied previous value after a fall of more than 100%",
        _rules.FALL_BEYOND_100,
        lambda: ts.implied_previous(CNY("5 CNY"), ts.Growth.from_percent(-150)),
        lambda: ts.implied_previous_bounds(CNY("5 CNY"), ts.Growth.from_percent(-150)),
        lambda: _implied_reason(-1.5),
        "a change of -150% turns a positive value negative, so it has no multiplier",
    ),
    (
        "growth of a value that changed sign",
        _rules.SIGN_CHANGED,
        lambda: ts.growth(CNY("-1 CNY"), CNY("10 CNY")),
        lambda: ts.growth_bounds(CNY("-1 CNY"), CNY("10 CNY")),
        lambda: _growth_reason(10.0, -1.0),
        (
            "growth from 10 CNY to -1 CNY is undefined: the value changed sign, from 10 CNY to "
            "-1 CNY; report the change in level instead"
        ),
    ),
    (
        "contribution share of a total that did not change",
        _rules.TOTAL_UNCHANGED,
        lambda: ts.contribution_share(CNY("5 CNY"), CNY("3 CNY"), CNY("10 CNY"), CNY("10 CNY")),
        lambda: ts.contribution_share_bounds(
            CNY("5 CNY"), CNY("3 CNY"), CNY("10 CNY"), CNY("10 CNY")
        ),
        None,
        (
            "the contribution share of 5 CNY in 10 CNY is undefined: the total is unchanged, "
            "from 10 CNY to 10 CNY"
        ),
    ),
    (
        "CAGR over zero",
        _rules.ZERO_BASE,
        lambda: ts.cagr(CNY("0 USD"), CNY("5 USD"), years=2),
        lambda: ts.cagr_bounds(CNY("0 USD"), CNY("5 USD"), 2),
        None,
        "compound annual growth from 0 USD to 5 USD is undefined: the base 0 USD is zero",
    ),
    (
        "CAGR from a negative value",
        _rules.NEGATIVE_BASE,
        lambda: ts.cagr(CNY("-1 USD"), CNY("5 USD"), years=2),
        lambda: ts.cagr_bounds(CNY("-1 USD"), CNY("5 USD"), 2),
        None,
        "compound annual growth from -1 USD to 5 USD has a negative base"
        + _rules.NEGATIVE_CAGR_ADVICE,
    ),
    (
        "CAGR to a negative value",
        _rules.NEGATIVE_VALUE,
        lambda: ts.cagr(CNY("1 USD"), CNY("-5 USD"), years=2),
        lambda: ts.cagr_bounds(CNY("1 USD"), CNY("-5 USD"), 2),
        None,
        "a CAGR needs a non-negative final value, got -5 USD",
    ),
    (
        "CAGR over no years",
        _rules.YEARS_NOT_POSITIVE,
        lambda: ts.cagr(CNY("1 USD"), CNY("5 USD"), years=0),
        lambda: ts.cagr_bounds(CNY("1 USD"), CNY("5 USD"), 0),
        None,
        "years must be positive, got 0",
    ),
]


@pytest.mark.parametrize(
    ("rule", "scalar", "bounds", "table", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_scalar_bounds_and_table_agree(
    rule: _rules.Rule,
    scalar: Callable[[], object],
    bounds: Callable[[], object],
    table: Callable[[], object] | None,
    message: str,
) -> None:
    """A bad input gives one error and message in scalar and bounds functions, one table reason."""
    from_scalar, from_bounds = _raised(scalar), _raised(bounds)
    assert (rule.error, message) == (type(from_scalar), from_scalar.message)
    assert (rule.error, message) == (type(from_bounds), from_bounds.message)
    if table is not None:
        assert rule.reason == table()


def test_every_rule_has_a_case() -> None:
    """Each rule is pinned by at least one case of the agreement test above."""
    assert set(map(id, _rules.RULES)) == {id(case[1]) for case in CASES}


def test_sign_change_over_a_deficit_is_refused_when_negative_bases_are_allowed() -> None:
    """Over a deficit allowed as a base, a surplus after it is a sign change, in all three."""
    rule = _rules.SIGN_CHANGED
    from_scalar = _raised(lambda: ts.growth(CNY("5 CNY"), CNY("-3 CNY"), allow_negative_base=True))
    from_bounds = _raised(
        lambda: ts.growth_bounds(CNY("5 CNY"), CNY("-3 CNY"), allow_negative_base=True)
    )
    assert (rule.error, rule.error) == (type(from_scalar), type(from_bounds))
    assert from_scalar.message == from_bounds.message
    frame = pl.DataFrame({"reporter": ["A", "A"], "period": [2022, 2023], "value": [-3.0, 5.0]})
    result = tt.yoy_growth(frame, keys=["reporter"], allow_negative_base=True)
    assert rule.reason == result["growth_reason"].to_list()[1]


def test_reasons_say_which_rule() -> None:
    """Only the two ways a part can exceed its total share a reason; the others are distinct."""
    reasons = [rule.reason for rule in _rules.RULES]
    assert reasons.count("part exceeds total") == 2
    assert len(set(reasons)) == len(reasons) - 1


def test_intervals_that_may_break_a_rule_say_so() -> None:
    """Over an interval that only may be zero, the message says "may be" and shows the interval."""
    before = ts.Reported.parse_amount("0 CNY")
    error = _raised(lambda: ts.growth_bounds(CNY("5 CNY"), before))
    expected = _rules.ZERO_BASE.message(
        subject=f"growth from {before} to 5 CNY",
        shown=before,
        is_="may be",
        range=" (it stands for [-0.5, 0.5])",
    )
    assert expected == error.message


def test_part_above_total_everywhere_names_the_intervals() -> None:
    """A part above its total throughout their intervals shows both intervals."""
    part, total = ts.Reported.parse_amount("12 CNY"), ts.Reported.parse_amount("10 CNY")
    error = _raised(lambda: ts.share_bounds(part, total))
    assert (
        f"the part {part} is larger than its total {total} everywhere in their intervals "
        "([11.5, 12.5] and [9.5, 10.5]): a share cannot exceed 100%; check that the part "
        "belongs to the total"
    ) == error.message
    error = _raised(lambda: ts.remainder_bounds(total, part))
    assert (
        f"the part {part} exceeds its total {total} everywhere in their intervals "
        "([11.5, 12.5] and [9.5, 10.5])"
    ) == error.message


# -- the laws of the interval checks ---------------------------------------------------------

numbers = st.decimals(min_value=-5, max_value=5, allow_nan=False, allow_infinity=False, places=2)
#: Rules refused by an interval that may break them somewhere (a divisor that may be zero).
MAY = [_rules.ZERO_BASE, _rules.ZERO_TOTAL, _rules.ZERO_PREVIOUS_TOTAL, _rules.FALL_OF_100,
       _rules.YEARS_NOT_POSITIVE, _rules.TOTAL_UNCHANGED]  # fmt: skip
#: Rules refused by an interval that breaks them throughout (negative everywhere).
MUST = [_rules.NEGATIVE_BASE, _rules.NEGATIVE_VALUE, _rules.NEGATIVE_TOTAL,
        _rules.NEGATIVE_REMAINDER, _rules.FALL_BEYOND_100]  # fmt: skip
ONE_VALUE = [*MAY, *MUST]
#: Rules of two values, with laws of their own below.
TWO_VALUES = [_rules.PART_ABOVE_TOTAL, _rules.SIGN_CHANGED]


def test_rules_are_either_may_or_must() -> None:
    """Every rule of one value is in exactly one of the two lists the laws below use."""
    assert {id(rule) for rule in ONE_VALUE} == {
        id(rule) for rule in _rules.RULES if rule not in TWO_VALUES
    }
    assert len(ONE_VALUE) == len(_rules.RULES) - len(TWO_VALUES)


@given(st.sampled_from(ONE_VALUE), numbers)
@example(_rules.ZERO_BASE, Decimal(0))
@example(_rules.YEARS_NOT_POSITIVE, Decimal(0))
@example(_rules.NEGATIVE_BASE, Decimal("-0.01"))
def test_a_rule_and_its_interval_twin_agree_at_one_value(rule: _rules.Rule, x: Decimal) -> None:
    """At an interval of one value the twin refuses exactly what the rule does, in its words."""
    exact = Interval.exact(x)
    assert rule.refuses(x) == rule.refuses_interval(exact)
    words = {"subject": "it", "shown": x, "previous": x, "part": x, "total": x, "parts": exact,
             "totals": exact}  # fmt: skip
    assert rule.failure(details={}, **words).message == (
        rule.interval_failure(exact, details={}, **words).message
    )


@given(numbers, numbers)
@example(Decimal(5), Decimal(5))
def test_part_above_total_agrees_at_one_value(part: Decimal, total: Decimal) -> None:
    """A part above its total is refused at exact ends exactly as for exact values."""
    rule = _rules.PART_ABOVE_TOTAL
    assert rule.refuses(part, total) == rule.refuses_interval(
        Interval.exact(part), Interval.exact(total)
    )


@given(st.sampled_from(MAY), numbers, numbers)
@example(_rules.ZERO_BASE, Decimal(-1), Decimal(1))
def test_an_interval_passes_only_if_all_its_values_do(
    rule: _rules.Rule, a: Decimal, b: Decimal
) -> None:
    """Over an interval accepted by a "may" rule, no value (the ends, zero) breaks the rule."""
    interval = Interval(min(a, b), max(a, b))
    inside = [interval.low, interval.high, *([Decimal(0)] if interval.contains(Decimal(0)) else [])]
    assert rule.refuses_interval(interval) == any(rule.refuses(x) for x in inside)


@given(st.sampled_from(MUST), numbers, numbers)
@example(_rules.NEGATIVE_VALUE, Decimal(-1), Decimal(0))
def test_an_interval_fails_only_if_all_its_values_do(
    rule: _rules.Rule, a: Decimal, b: Decimal
) -> None:
    """A "must" rule refuses an interval exactly when both ends, and so all values, break it."""
    interval = Interval(min(a, b), max(a, b))
    assert rule.refuses_interval(interval) == (
        rule.refuses(interval.low) and rule.refuses(interval.high)
    )


@given(numbers, numbers, numbers, numbers)
def test_part_above_total_everywhere(p1: Decimal, p2: Decimal, t1: Decimal, t2: Decimal) -> None:
    """A part is above its total everywhere exactly when its lowest is above the highest total."""
    parts, totals = Interval(min(p1, p2), max(p1, p2)), Interval(min(t1, t2), max(t1, t2))
    rule = _rules.PART_ABOVE_TOTAL
    assert rule.refuses_interval(parts, totals) == rule.refuses(parts.low, totals.high)


@given(numbers, numbers)
@example(Decimal(-1), Decimal(1))
@example(Decimal(0), Decimal(1))
def test_sign_changed_agrees_at_one_value(current: Decimal, previous: Decimal) -> None:
    """A sign change is refused at exact ends exactly as for exact values, in its words."""
    rule = _rules.SIGN_CHANGED
    now, before = Interval.exact(current), Interval.exact(previous)
    assert rule.refuses(current, previous) == rule.refuses_interval(now, before)
    assert not _rules.may_change_sign(now, before) or rule.refuses(current, previous)
    words = {"subject": "it", "shown": current, "previous": previous}
    assert rule.failure(details={}, **words).message == (
        rule.interval_failure(now, before, details={}, **words).message
    )


@given(numbers, numbers, numbers, numbers)
@example(Decimal("-0.5"), Decimal("0.5"), Decimal(1), Decimal(2))
def test_sign_change_throughout_or_maybe(
    c1: Decimal, c2: Decimal, p1: Decimal, p2: Decimal
) -> None:
    """Intervals change sign throughout when every pair of their values does, and may change
    sign when some pair does and not every pair; at their ends, as both are monotone."""
    now, before = Interval(min(c1, c2), max(c1, c2)), Interval(min(p1, p2), max(p1, p2))
    pairs = [(c, p) for c in (now.low, now.high) for p in (before.low, before.high)]
    some = any(_rules.SIGN_CHANGED.refuses(c, p) for c, p in pairs)
    every = all(_rules.SIGN_CHANGED.refuses(c, p) for c, p in pairs)
    assert every == _rules.SIGN_CHANGED.refuses_interval(now, before)
    if not every:
        assert some == _rules.may_change_sign(now, before)
