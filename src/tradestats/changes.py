"""Growth arithmetic: year-on-year growth, implied values, contributions, remainders, CAGR.

Functions named ``yoy_*`` take two :class:`~tradestats.TradeFlow` values and
check that they describe the same thing one year apart; the others take bare
:class:`~tradestats.Amount` values or numbers.

>>> import tradestats as ts
>>> now = ts.TradeFlow(reporter="Xinjiang", flow="total", period=ts.Period.year_to_date(2023, 7),
...                    value=ts.money("183 billion CNY"))
>>> before = ts.implied_previous(now, ts.Growth.from_percent("59.3"))
>>> before.period, f"{before.value:.1f}"
(Period('2022-01/2022-07'), '114.9 billion CNY')
>>> ts.yoy_growth(now, before).format(places=1)
'+59.3%'
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import cast, overload

import attrs

from tradestats import _rules
from tradestats._numbers import CONTEXT, ONE, ZERO, Number, in_context, to_decimal
from tradestats._text import quote
from tradestats.amounts import Amount
from tradestats.errors import FlowMismatchError, InvalidValueError, PeriodMismatchError
from tradestats.flows import Flow, ProductGroup, Status, TradeFlow, require_same
from tradestats.measures import Growth, Multiplier, PercentagePoints
from tradestats.periods import Period

__all__ = [
    "cagr",
    "chain",
    "change",
    "contribution",
    "contribution_share",
    "growth",
    "growth_difference",
    "implied_current",
    "implied_previous",
    "multiplier",
    "remainder",
    "yoy_growth",
    "yoy_multiplier",
]

_KEY_FIELDS = ("reporter", "partner", "flow", "product")


def _magnitudes(
    current: Amount | Number, previous: Amount | Number, *, action: str
) -> tuple[Decimal, Decimal]:
    """Both values as Decimals in one unit (the previous value's)."""
    if isinstance(current, Amount) and isinstance(previous, Amount):
        return current.in_unit_of(previous, action=action), previous.magnitude
    if isinstance(current, Amount) or isinstance(previous, Amount):
        raise InvalidValueError(
            f"cannot {action.format(this=current, other=previous)}: give both as amounts "
            "(with units) or both as bare numbers",
            current=current,
            previous=previous,
        )
    return to_decimal(current, what="the current value"), to_decimal(
        previous, what="the previous value"
    )


def _rate(
    current: Decimal, previous: Decimal, *, allow_negative_base: bool, shown: tuple[object, object]
) -> Decimal:
    if _rules.ZERO_BASE.refuses(previous):
        raise _rules.ZERO_BASE.failure(
            subject=f"growth from {shown[1]} to {shown[0]}",
            shown=shown[1],
            details={"current": shown[0], "previous": shown[1]},
        )
    if previous < 0:
        if not allow_negative_base:
            raise _rules.NEGATIVE_BASE.failure(
                subject=f"growth from {shown[1]} to {shown[0]}",
                advice=_rules.NEGATIVE_GROWTH_ADVICE,
                details={"current": shown[0], "previous": shown[1]},
            )
        previous_size = previous.copy_negate()  # exact, whatever the context
    else:
        previous_size = previous
    if _rules.SIGN_CHANGED.refuses(current, previous):
        raise _rules.SIGN_CHANGED.failure(
            subject=f"growth from {shown[1]} to {shown[0]}",
            shown=shown[0],
            previous=shown[1],
            details={"current": shown[0], "previous": shown[1]},
        )
    # (c - p) / p rather than c / p - 1: exact for values that differ in few digits.
    return CONTEXT.divide(CONTEXT.subtract(current, previous), previous_size)


def growth(
    current: Amount | Number, previous: Amount | Number, *, allow_negative_base: bool = False
) -> Growth:
    """The growth rate from ``previous`` to ``current``: (current − previous) ÷ previous.

    Args:
        current: The later value, an :class:`~tradestats.Amount` or a bare number.
        previous: The earlier value, in the same kind of unit (or also bare).
        allow_negative_base: Over a negative base, divide by its size instead of
            refusing: the rate then says whether the value rose (+) or fell (−).

    Growth compares two values of one sign. A balance that changed sign (a
    surplus turned deficit, or back) has no growth rate: where the rate would
    be a number such as −110%, :class:`~tradestats.SignChangeError` says so;
    report the change in level (:func:`change`) instead. A value that falls
    to zero has fallen 100%.

    Raises:
        ZeroBaseError: If ``previous`` is zero.
        NegativeBaseError: If ``previous`` is negative and that was not allowed.
        SignChangeError: If ``current`` and ``previous`` have opposite signs.
        UnitMismatchError: If the two are in different currencies or kinds of unit.

    >>> growth(Amount(183, "CNY"), Amount("114.9", "CNY")).format(places=1)
    '+59.3%'
    >>> growth(-5, -10, allow_negative_base=True)
    Growth('+50%')
    >>> growth(Amount(-1, "USD"), Amount(10, "USD"))
    Traceback (most recent call last):
    ...
    tradestats.errors.SignChangeError: growth from 10 USD to -1 USD is undefined: the value
    changed sign, from 10 USD to -1 USD; report the change in level instead
    """
    c, p = _magnitudes(current, previous, action="compute growth from {other} to {this}")
    return Growth(_rate(c, p, allow_negative_base=allow_negative_base, shown=(current, previous)))


@in_context
def multiplier(current: Amount | Number, previous: Amount | Number) -> Multiplier:
    """How many times ``previous`` the ``current`` value is: current ÷ previous.

    Raises:
        ZeroBaseError: If ``previous`` is zero.
        InvalidValueError: If either value is negative.

    >>> multiplier(Amount("42.6", "USD"), Amount(10, "USD"))
    Multiplier('×4.26')
    """
    c, p = _magnitudes(current, previous, action="compute a multiplier from {other} to {this}")
    details = {"current": current, "previous": previous}
    if _rules.NEGATIVE_VALUE.refuses(c) or _rules.NEGATIVE_VALUE.refuses(p):
        raise _rules.NEGATIVE_VALUE.failure(
            subject="a multiplier", shown=f"{previous} and {current}", details=details
        )
    if _rules.ZERO_BASE.refuses(p):
        raise _rules.ZERO_BASE.failure(
            subject=f"a multiplier from {previous} to {current}", shown=previous, details=details
        )
    return Multiplier(CONTEXT.divide(c, p))


@overload
def change(current: TradeFlow, previous: TradeFlow) -> Amount: ...
@overload
def change(current: Amount, previous: Amount) -> Amount: ...
def change(current: TradeFlow | Amount, previous: TradeFlow | Amount) -> Amount:
    """The change in level from ``previous`` to ``current``: current − previous, signed.

    "Exports rose by $3.4 billion" is a change of +3.4 billion USD; "down 0.3
    billion" one of −0.3 billion. Unlike growth, a change in level is defined
    for every pair of values, a balance that changed sign included. The result
    is in the previous value's unit.

    Given flows, they must be the same series, and ``previous`` must cover a
    period as long as ``current``'s that ends before it starts (a year earlier,
    the period just before, or any explicit base: see
    :meth:`~tradestats.Period.base`).

    Raises:
        FlowMismatchError: If the flows differ in reporter, partner, flow or product.
        PeriodMismatchError: If the earlier flow's period cannot be the later one's base.
        UnitMismatchError: If the two are in different currencies or kinds of unit.
        InvalidValueError: For a mix of flows and amounts.

    >>> change(Amount("187.6", "USD"), Amount("184.2", "USD"))
    Amount('3.4 USD')
    >>> change(Amount(-11.8, "USD"), Amount(2.3, "USD"))
    Amount('-14.1 USD')
    """
    if _all_flows(current, previous):
        now_flow, then_flow = cast("TradeFlow", current), cast("TradeFlow", previous)
        _require_base(now_flow, then_flow, action="compute a change in level")
        now, then = now_flow.value, then_flow.value
    else:
        now, then = cast("Amount", current), cast("Amount", previous)
    difference = CONTEXT.subtract(
        now.in_unit_of(then, action="compute the change from {other} to {this}"), then.magnitude
    )
    return Amount(difference, then.unit)


def _require_base(current: TradeFlow, previous: TradeFlow, *, action: str) -> None:
    """Check that two flows are one series and the second's period can be the first's base."""
    if current.key != previous.key:
        require_same(current, previous, _KEY_FIELDS, action=action)
    current.period.base(previous.period)  # raises for a period that cannot be the base


def require_year_on_year(current: TradeFlow, previous: TradeFlow, *, action: str) -> None:
    """Check that two flows describe the same thing, the second one year before the first.

    Raises:
        FlowMismatchError: If reporter, partner, flow or product differ.
        PeriodMismatchError: If the periods are not the same months one year apart.
    """
    if (
        current.reporter != previous.reporter
        or current.partner != previous.partner
        or current.flow is not previous.flow
        or current.product != previous.product
    ):
        require_same(current, previous, _KEY_FIELDS, action=action)
    if not current.period.is_year_after(previous.period):
        now, then = current.period, previous.period
        if now.months != then.months:
            reason = (
                f"{now} covers {now.months} months and {then} covers {then.months}; "
                "compare periods of the same length"
            )
        else:
            reason = (
                f"{then} is not the same months one year before {now}; compare with "
                f"{now.previous_year()}"
            )
        raise PeriodMismatchError(f"cannot {action}: {reason}", current=now, previous=then)


def yoy_growth(
    current: TradeFlow, previous: TradeFlow, *, allow_negative_base: bool = False
) -> Growth:
    """Year-on-year growth between a flow and the same flow one year earlier.

    Raises:
        FlowMismatchError: If the flows differ in reporter, partner, flow or product.
        PeriodMismatchError: If ``previous`` is not the same months one year earlier.
        UnitMismatchError: If the values are in different currencies.
        ZeroBaseError: If the earlier value is zero.
        NegativeBaseError: If the earlier value is negative (a deficit), unless allowed.
        SignChangeError: If the value changed sign (a balance), as in :func:`growth`.
    """
    require_year_on_year(current, previous, action="compute year-on-year growth")
    now, then = current.value, previous.value
    rate = _rate(
        now.in_unit_of(then, action="compute growth from {other} to {this}"),
        then.magnitude,
        allow_negative_base=allow_negative_base,
        shown=(now, then),
    )
    return Growth(rate)


@in_context
def yoy_multiplier(current: TradeFlow, previous: TradeFlow) -> Multiplier:
    """Year-on-year multiplier, current ÷ previous, between two flows one year apart.

    Raises:
        FlowMismatchError: If the flows differ in reporter, partner, flow or product.
        PeriodMismatchError: If ``previous`` is not the same months one year earlier.
    """
    require_year_on_year(current, previous, action="compute a year-on-year multiplier")
    return multiplier(current.value, previous.value)


def _all_flows(*values: object) -> bool:
    """Whether every value is a flow; raise if flows and amounts are mixed."""
    flows = [isinstance(value, TradeFlow) for value in values]
    if all(flows):
        return True
    if any(flows):
        raise InvalidValueError(
            "give either trade flows or amounts, not a mix: got "
            + ", ".join(type(value).__name__ for value in values),
            values=values,
        )
    return False


def _factor(change: Growth | Multiplier) -> Decimal:
    if isinstance(change, Growth):
        return change.to_multiplier().factor
    if isinstance(change, Multiplier):
        return change.factor
    raise InvalidValueError(
        f"expected a Growth or a Multiplier, got {quote(change)}: wrap bare numbers, as in "
        "Growth.from_percent('59.3') or Multiplier.times_more('3.26')",
        value=change,
    )


@overload
def implied_previous(current: TradeFlow, change: Growth | Multiplier) -> TradeFlow: ...
@overload
def implied_previous(current: Amount, change: Growth | Multiplier) -> Amount: ...
@in_context
def implied_previous(
    current: TradeFlow | Amount, change: Growth | Multiplier
) -> TradeFlow | Amount:
    """The earlier value that ``change`` turned into ``current``: current ÷ (1 + growth).

    Given a flow, returns the same flow one year earlier with the implied value
    and status :attr:`~tradestats.Status.DERIVED`; given an amount, an amount.

    Raises:
        ZeroBaseError: For a fall of 100% (×0), after which every base gives zero.
        InvalidValueError: For a fall of more than 100%.

    >>> implied_previous(Amount("426", "USD"), Multiplier.times_more("3.26"))
    Amount('100 USD')
    """
    factor = _factor(change)
    if isinstance(current, TradeFlow):
        value = _divide_amount(current.value, factor, change)
        return attrs.evolve(
            current, value=value, period=current.period.previous_year(), status=Status.DERIVED
        )
    return _divide_amount(current, factor, change)


def _divide_amount(value: Amount, factor: Decimal, change: Growth | Multiplier) -> Amount:
    if _rules.FALL_OF_100.refuses(factor):
        raise _rules.FALL_OF_100.failure(
            subject=f"cannot imply the previous value of {value} from {change}",
            shown=change,
            details={"value": value, "change": change},
        )
    return Amount(CONTEXT.divide(value.magnitude, factor), value.unit)


@overload
def implied_current(previous: TradeFlow, change: Growth | Multiplier) -> TradeFlow: ...
@overload
def implied_current(previous: Amount, change: Growth | Multiplier) -> Amount: ...
@in_context
def implied_current(
    previous: TradeFlow | Amount, change: Growth | Multiplier
) -> TradeFlow | Amount:
    """The value that ``change`` makes of ``previous``: previous × (1 + growth).

    Given a flow, returns the same flow one year later, status
    :attr:`~tradestats.Status.DERIVED`; given an amount, an amount.

    >>> implied_current(Amount(100, "USD"), Growth.from_percent("59.3"))
    Amount('159.3 USD')
    """
    factor = _factor(change)
    if isinstance(previous, TradeFlow):
        value = previous.value * factor
        return attrs.evolve(
            previous, value=value, period=previous.period.shift_years(1), status=Status.DERIVED
        )
    return previous * factor


@in_context
def contribution(
    part_current: TradeFlow | Amount,
    part_previous: TradeFlow | Amount,
    total_previous: TradeFlow | Amount,
) -> PercentagePoints:
    """How many percentage points a part added to its total's growth.

    The contribution is (part now − part before) ÷ total before, in percentage
    points; the contributions of parts that make up the total add up to the
    total's growth in percent.

    Raises:
        FlowMismatchError: If the flows do not belong together (another reporter or
            flow, or the part's two flows differ in partner or product).
        PeriodMismatchError: If the part's flows are not one year apart, or the
            total's period differs from the part's earlier one.
        ZeroBaseError: If the earlier total is zero.

    >>> contribution(Amount(30, "USD"), Amount(20, "USD"), Amount(100, "USD"))
    PercentagePoints('+10 pp')
    """
    if _all_flows(part_current, part_previous, total_previous):
        flows = cast(
            "tuple[TradeFlow, TradeFlow, TradeFlow]", (part_current, part_previous, total_previous)
        )
        action = "compute a contribution to growth"
        require_year_on_year(flows[0], flows[1], action=action)
        require_same(flows[1], flows[2], ("reporter", "flow", "period"), action=action)
        values = tuple(flow.value for flow in flows)
    else:
        values = cast(
            "tuple[Amount, Amount, Amount]", (part_current, part_previous, total_previous)
        )
    now, before, total = (
        v.in_unit_of(values[2], action="compute the contribution of {this} to {other}")
        for v in values
    )
    if _rules.ZERO_PREVIOUS_TOTAL.refuses(total):
        raise _rules.ZERO_PREVIOUS_TOTAL.failure(
            subject=f"a contribution to the growth of {values[2]}",
            shown=values[2],
            details={"total": values[2]},
        )
    points = CONTEXT.divide(CONTEXT.subtract(now, before), total)
    return PercentagePoints(points.scaleb(2))


def growth_difference(growth: Growth, than: Growth) -> PercentagePoints:
    """How many percentage points ``growth`` is above ``than``: growth − than.

    "Exports from the region grew 14.9 percentage points faster than the
    nation's": the difference of two growth rates is in percentage points, not
    percent.

    Raises:
        InvalidValueError: If either is not a :class:`~tradestats.Growth`.

    >>> growth_difference(Growth.from_percent("20.1"), Growth.from_percent("5.2"))
    PercentagePoints('+14.9 pp')
    """
    for rate in (growth, than):
        if not isinstance(rate, Growth):
            raise InvalidValueError(
                f"expected a Growth, got {quote(rate)}: wrap bare numbers, as in "
                "Growth.from_percent('14.9')",
                value=rate,
            )
    return growth - than


def contribution_share(
    part_current: TradeFlow | Amount,
    part_previous: TradeFlow | Amount,
    total_current: TradeFlow | Amount,
    total_previous: TradeFlow | Amount,
) -> PercentagePoints:
    """The part's change as a share of the total's change (贡献率), in percent.

    (part now − part before) ÷ (total now − total before) × 100. Unlike a
    share it may exceed 100% or be negative (a part that grew while the total
    fell), so it comes back as :class:`~tradestats.PercentagePoints` in percent
    units, as report files hold it: 35.2% is ``PercentagePoints("35.2")``. The
    contribution shares of a partition add up to 100%.

    Given flows, the part's two flows are one series, the total's two are one
    series, and the part and total have the same reporter and flow in each of
    the two periods; the earlier period is any base of the later one.

    Raises:
        ZeroBaseError: If the total did not change (the rule "total did not change").
        FlowMismatchError: If the flows do not belong together.
        PeriodMismatchError: If the periods do not match as above.
        UnitMismatchError: For amounts in different currencies.

    >>> contribution_share(Amount(80, "USD"), Amount(60, "USD"), Amount(110, "USD"),
    ...                    Amount(100, "USD"))
    PercentagePoints('+200 pp')
    """
    given = (part_current, part_previous, total_current, total_previous)
    if _all_flows(*given):
        flows = cast("tuple[TradeFlow, TradeFlow, TradeFlow, TradeFlow]", given)
        action = "compute a contribution share"
        _require_base(flows[0], flows[1], action=action)
        _require_base(flows[2], flows[3], action=action)
        require_same(flows[0], flows[2], ("reporter", "flow", "period"), action=action)
        require_same(flows[1], flows[3], ("reporter", "flow", "period"), action=action)
        values = tuple(flow.value for flow in flows)
    else:
        values = cast("tuple[Amount, Amount, Amount, Amount]", given)
    now, before, total_now, total_before = (
        v.in_unit_of(values[3], action="compute the contribution share of {this} in {other}")
        for v in values
    )
    total_change = CONTEXT.subtract(total_now, total_before)
    if _rules.TOTAL_UNCHANGED.refuses(total_change):
        raise _rules.TOTAL_UNCHANGED.failure(
            subject=f"the contribution share of {values[0]} in {values[2]}",
            shown=values[2],
            previous=values[3],
            details={"total_current": values[2], "total_previous": values[3]},
        )
    share = CONTEXT.divide(CONTEXT.subtract(now, before), total_change)
    return PercentagePoints(share.scaleb(2))


@overload
def remainder(total: TradeFlow, part: TradeFlow, *, name: str | None = None) -> TradeFlow: ...
@overload
def remainder(total: Amount, part: Amount, *, name: str | None = None) -> Amount: ...
@in_context
def remainder(
    total: TradeFlow | Amount, part: TradeFlow | Amount, *, name: str | None = None
) -> TradeFlow | Amount:
    """What is left of ``total`` without ``part``: other partners, products or months.

    For flows the part differs from the total in exactly one of:

    - the partner (the Belt and Road countries within the world): the result's
      partner is ``name``, or "<total's> excluding <part's>";
    - the product: likewise for the product, as a :class:`~tradestats.ProductGroup`;
    - the period, when both start in the same month and the part ends first
      (January–June within January–July): the result covers the months after
      the part, so two year-to-date figures give one month.

    Raises:
        FlowMismatchError: If the flows differ in reporter or flow, or in more or
            fewer than one of partner, product and period.
        PeriodMismatchError: If the part's period is not the start of the total's.
        InvalidValueError: If the part exceeds the total (for flows other than balances).

    >>> remainder(Amount(183, "CNY"), Amount(169, "CNY"))
    Amount('14 CNY')
    >>> jan_jul = TradeFlow(reporter="A", flow="exports", period="2023-01/2023-07",
    ...                     value="70 billion USD")
    >>> jan_jun = TradeFlow(reporter="A", flow="exports", period="2023-H1", value="58 billion USD")
    >>> july = remainder(jan_jul, jan_jun)
    >>> july.period, july.value
    (Period('2023-07'), Amount('12 billion USD'))
    """
    if _all_flows(total, part):
        return _remainder_flow(cast("TradeFlow", total), cast("TradeFlow", part), name)
    difference = cast("Amount", total) - cast("Amount", part)
    if _rules.NEGATIVE_REMAINDER.refuses(difference.magnitude):
        raise _rules.NEGATIVE_REMAINDER.failure(
            part=part, total=total, details={"total": total, "part": part}
        )
    return difference


def _remainder_flow(total: TradeFlow, part: TradeFlow, name: str | None) -> TradeFlow:
    action = "take a part from its total"
    require_same(total, part, ("reporter", "flow"), action=action)
    by_partner = total.partner != part.partner
    by_product = total.product != part.product
    by_period = total.period != part.period
    if by_partner + by_product + by_period != 1:
        raise FlowMismatchError(
            f"cannot {action}: the part must differ from the total in exactly one of partner, "
            f"product and period; {part.describe()} and {total.describe()} differ in "
            f"{('none', 'one', 'two', 'all three')[by_partner + by_product + by_period]}",
            total=total,
            part=part,
        )
    rest_of_period = _months_after(part.period, total.period) if by_period else total.period
    value = total.value - part.value
    # What is left of a balance is a balance too, and may well be negative.
    if total.flow is not Flow.BALANCE and _rules.NEGATIVE_REMAINDER.refuses(value.magnitude):
        raise _rules.NEGATIVE_REMAINDER.failure(
            part=f"{part.value} ({part.describe()})",
            total=total.value,
            details={"total": total, "part": part},
        )
    if by_period:
        return attrs.evolve(total, period=rest_of_period, value=value, status=Status.DERIVED)
    if by_partner:
        partner = name or f"{total.partner} excluding {part.partner}"
        return attrs.evolve(total, partner=partner, value=value, status=Status.DERIVED)
    whole = total.product if total.product is not None else "all products"
    product = ProductGroup(name or f"{whole} excluding {part.product}")
    return attrs.evolve(total, product=product, value=value, status=Status.DERIVED)


def _months_after(part: Period, total: Period) -> Period:
    """The months of ``total`` after ``part``, which must be its beginning."""
    if part.start_index != total.start_index or part.end_index >= total.end_index:
        raise PeriodMismatchError(
            f"cannot take {part} from {total}: the part must cover the first months of the "
            "total and end before it, as 2023-H1 within 2023-01/2023-07",
            part=part,
            total=total,
        )
    return Period.from_month_indices(part.end_index + 1, total.end_index)


@in_context
def cagr(
    first: TradeFlow | Amount, last: TradeFlow | Amount, years: Number | None = None
) -> Growth:
    """The compound annual growth rate from ``first`` to ``last``.

    For flows, ``years`` is read from the periods (which must be the same months,
    a whole number of years apart); for amounts it is required.

    Raises:
        ZeroBaseError: If ``first`` is zero.
        NegativeBaseError: If ``first`` is negative.
        InvalidValueError: If ``last`` is negative or ``years`` is not positive.
        PeriodMismatchError: For flows whose periods are not whole years apart.

    >>> cagr(Amount(100, "USD"), Amount(121, "USD"), years=2)
    Growth('+10%')
    """
    if _all_flows(first, last):
        first_flow, last_flow = cast("TradeFlow", first), cast("TradeFlow", last)
        span = _years_between(first_flow, last_flow)
        if years is not None and to_decimal(years, what="years") != span:
            raise PeriodMismatchError(
                f"the flows are {span} years apart, not {years}", years=years, span=span
            )
        lst, f = _magnitudes(
            last_flow.value, first_flow.value, action="compute a CAGR from {other} to {this}"
        )
        n = Decimal(span)
    else:
        if years is None:
            raise InvalidValueError("cagr() of two amounts needs years=...", value=years)
        lst, f = _magnitudes(
            cast("Amount", last),
            cast("Amount", first),
            action="compute a CAGR from {other} to {this}",
        )
        n = to_decimal(years, what="years")
    _require_cagr(f, lst, n, first=first, last=last, years=years)
    # last ÷ first, not 1 + rate: the sum cancels digits when last is far below first.
    ratio = CONTEXT.divide(lst, f)
    if not ratio:
        return Growth(-ONE)
    root = CONTEXT.power(ratio, CONTEXT.divide(ONE, n))
    return Growth(CONTEXT.subtract(root, ONE).normalize(CONTEXT))


def _require_cagr(
    start: Decimal, end: Decimal, n: Decimal, **shown: TradeFlow | Amount | Number | None
) -> None:
    """Refuse years that are not positive, a negative final value and a first value ≤ 0."""
    if _rules.YEARS_NOT_POSITIVE.refuses(n):
        raise _rules.YEARS_NOT_POSITIVE.failure(shown=n, details={"value": shown["years"]})
    if _rules.NEGATIVE_VALUE.refuses(end):
        raise _rules.NEGATIVE_VALUE.failure(
            subject="a CAGR",
            what="a non-negative final value",
            shown=shown["last"],
            details={"value": shown["last"]},
        )
    subject = f"compound annual growth from {shown['first']} to {shown['last']}"
    details = {"first": shown["first"], "last": shown["last"]}
    if _rules.ZERO_BASE.refuses(start):
        raise _rules.ZERO_BASE.failure(subject=subject, shown=shown["first"], details=details)
    if _rules.NEGATIVE_BASE.refuses(start):
        raise _rules.NEGATIVE_BASE.failure(
            subject=subject, advice=_rules.NEGATIVE_CAGR_ADVICE, details=details
        )


def _years_between(first: TradeFlow, last: TradeFlow) -> int:
    action = "compute a CAGR"
    if first.key != last.key:
        require_same(first, last, _KEY_FIELDS, action=action)
    shift = last.period.start_index - first.period.start_index
    if shift <= 0 or shift % 12 or first.period.months != last.period.months:
        raise PeriodMismatchError(
            f"cannot {action}: {first.period} and {last.period} are not the same months a "
            "whole number of years apart",
            first=first.period,
            last=last.period,
        )
    return shift // 12


@in_context
def chain(*growths: Growth) -> Growth:
    """Growth over consecutive spans, compounded: (1 + g₁)(1 + g₂)… − 1.

    >>> chain(Growth.from_percent(10), Growth.from_percent(-10))
    Growth('-1%')
    """
    return functools.reduce(Growth.then, growths, Growth(ZERO))
