"""Interval: closed intervals of decimals, with sound and tight arithmetic."""

from __future__ import annotations

import operator
import pickle
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradestats import Interval, InvalidValueError, ParseError, ZeroBaseError
from tradestats import strategies as tst

if TYPE_CHECKING:
    from collections.abc import Callable

# Ends of up to 20 digits, so that exact results need more than 28 digits only for
# quotients and powers, and the property tests see rounding there.
ENDS = tst.intervals(-(10**12), 10**12, places=6)
POSITIVE = tst.intervals(Decimal("0.000001"), 10**12, places=6)


def exactly(operation: Callable[[Any, Any], Decimal], a: Decimal, b: Decimal) -> Decimal:
    """``operation(a, b)`` at 100 digits: exact for sums and products of the test values."""
    with localcontext(prec=100):
        return operation(a, b)


# -- construction ------------------------------------------------------------------------


def test_ends_convert_like_every_number() -> None:
    """Ends are Decimals, from strings, ints and floats, keeping the digits given."""
    interval = Interval("182.5", 183)
    assert (Decimal("182.5"), Decimal(183)) == (interval.low, interval.high)
    assert Interval(Decimal("0.1"), Decimal("0.2")) == Interval(0.1, 0.2)


def test_ends_out_of_order_are_refused() -> None:
    """A low end above the high end is an error naming both."""
    with pytest.raises(InvalidValueError, match=r"low end 2 is above its high end 1"):
        Interval(2, 1)


@pytest.mark.parametrize("end", [float("nan"), float("inf"), "NaN", "-Infinity"])
def test_ends_must_be_finite(end: float | str) -> None:
    """NaN and infinities are refused, naming which end."""
    with pytest.raises(InvalidValueError, match="interval's low end"):
        Interval(end, 1)
    with pytest.raises(InvalidValueError, match="interval's high end"):
        Interval(1, end)


def test_text_that_is_no_number_is_refused() -> None:
    """A non-numeric string end is a parse error."""
    with pytest.raises(ParseError, match="'abc'"):
        Interval("abc", 1)


def test_exact_and_around() -> None:
    """An exact value has zero width; around() spans a half-width either side."""
    assert Interval("59.3", "59.3") == Interval.exact("59.3")
    assert Interval.exact("59.3").is_exact
    assert Interval("182.5E9", "183.5E9") == Interval.around("183E9", "0.5E9")
    assert Interval.around(5, 0).is_exact


def test_negative_half_width_is_refused() -> None:
    """around() needs a half-width of zero or more."""
    with pytest.raises(InvalidValueError, match="half width cannot be negative, got -1"):
        Interval.around(5, -1)


def test_spanning() -> None:
    """spanning() is the smallest interval holding every value; it needs at least one."""
    assert Interval(-1, 3) == Interval.spanning([3, "-1", Decimal("2.5")])
    with pytest.raises(InvalidValueError, match="at least one value"):
        Interval.spanning([])


def test_intervals_pickle_and_hash() -> None:
    """Intervals are immutable values: equal ones hash equally and survive pickling."""
    interval = Interval("1.5", "2.50")
    assert interval == pickle.loads(pickle.dumps(interval))
    assert hash(Interval("1.50", "2.5")) == hash(interval)


# -- views and set operations ------------------------------------------------------------


def test_midpoint_width_and_exactness() -> None:
    """The midpoint is the middle, the width high − low."""
    interval = Interval("59.25", "59.35")
    assert Decimal("59.30") == interval.midpoint
    assert Decimal("0.10") == interval.width
    assert not interval.is_exact


def test_width_rounds_up() -> None:
    """A width that needs more than 28 digits is rounded up, so it is never too small."""
    interval = Interval("-1E-30", "1")
    assert Decimal("1.000000000000000000000000001") == interval.width


def test_contains_values_and_intervals() -> None:
    """contains() takes a number or an interval; both ends count; ``in`` works too."""
    interval = Interval(1, 2)
    assert interval.contains(1)
    assert interval.contains("2")
    assert not interval.contains(Decimal("2.0001"))
    assert interval.contains(Interval("1.5", 2))
    assert not interval.contains(Interval(0, 2))
    assert Decimal("1.5") in interval
    assert Interval(1, 1) in interval
    assert None not in interval
    assert True not in interval


def test_intersection_hull_and_gap() -> None:
    """Overlapping intervals intersect; disjoint ones have a gap; the hull spans both."""
    left, right = Interval(1, 3), Interval(2, 5)
    assert Interval(2, 3) == left.intersection(right)
    assert Interval(3, 3) == left.intersection(Interval(3, 4))
    assert left.intersection(Interval(4, 5)) is None
    assert Interval(1, 5) == left.hull(right)
    assert Decimal(0) == left.gap(right)
    assert Decimal(1) == left.gap(Interval(4, 5))
    assert Decimal(1) == Interval(4, 5).gap(left)


@given(ENDS, ENDS)
def test_set_operations_agree(left: Interval, right: Interval) -> None:
    """The intersection is inside both, the hull holds both, and a gap means disjoint."""
    common = left.intersection(right)
    hull = left.hull(right)
    assert hull.contains(left)
    assert hull.contains(right)
    if common is None:
        assert left.gap(right) > 0
        assert left.gap(right) == right.gap(left)
    else:
        assert left.contains(common)
        assert right.contains(common)
        assert Decimal(0) == left.gap(right)


# -- arithmetic --------------------------------------------------------------------------


def test_arithmetic_with_numbers_on_either_side() -> None:
    """Numbers are exact intervals, on the left or the right of an operator."""
    interval = Interval(2, 4)
    assert Interval(3, 5) == interval + 1
    assert Interval(3, 5) == 1 + interval
    assert Interval(1, 3) == interval - 1
    assert Interval(-3, -1) == 1 - interval
    assert Interval(-8, -4) == interval * -2
    assert Interval(-8, -4) == -2 * interval
    assert Interval(1, 2) == interval / 2
    assert Interval("0.25", "0.5") == 1 / interval
    assert Interval(-4, -2) == -interval


def test_a_difference_of_one_interval_with_itself_is_not_zero() -> None:
    """Interval arithmetic treats operands as independent: [1, 2] − [1, 2] is [−1, 1]."""
    interval = Interval(1, 2)
    assert Interval(-1, 1) == interval - interval


def test_other_operands_are_not_implemented() -> None:
    """Arithmetic with something that is no number raises TypeError, as Python does."""
    interval = Interval(1, 2)
    for operation in (operator.add, operator.sub, operator.mul, operator.truediv):
        with pytest.raises(TypeError):
            operation(interval, [1])


@pytest.mark.parametrize("divisor", [Interval(-1, 1), Interval(0, 1), Interval(-1, 0), 0])
def test_division_by_an_interval_holding_zero_is_refused(divisor: Interval | int) -> None:
    """A divisor that may be zero gives a quotient without bounds: an error naming both."""
    with pytest.raises(ZeroBaseError, match=r"cannot divide \[1, 2\] by \[") as caught:
        Interval(1, 2) / divisor
    assert Interval(1, 2) == caught.value.details["dividend"]


def test_sums_round_outward() -> None:
    """A sum that needs more than 28 digits is rounded down at the low end and up at the high."""
    total = Interval("1E+30", "1E+30") + Interval("1E-10", "1E-10")
    assert Decimal("1E+30") == total.low
    assert Decimal("1.000000000000000000000000001E+30") == total.high


BINARY = [
    (operator.add, ENDS),
    (operator.sub, ENDS),
    (operator.mul, ENDS),
    (operator.truediv, POSITIVE),
]


@pytest.mark.parametrize(("operation", "divisors"), BINARY)
@given(data=st.data())
def test_arithmetic_is_sound(
    operation: Callable[[Any, Any], Any],
    divisors: st.SearchStrategy[Interval],
    data: st.DataObject,
) -> None:
    """Any value of one interval combined with any of the other lands in the result."""
    left, right = data.draw(ENDS), data.draw(divisors)
    a = data.draw(tst.decimals(left.low, left.high, places=6))
    b = data.draw(tst.decimals(right.low, right.high, places=6))
    assert operation(left, right).contains(exactly(operation, a, b))


@pytest.mark.parametrize(("operation", "divisors"), BINARY)
@given(data=st.data())
def test_arithmetic_is_tight(
    operation: Callable[[Any, Any], Any],
    divisors: st.SearchStrategy[Interval],
    data: st.DataObject,
) -> None:
    """Each end of a result is the operation at a corner, rounded outward by at most one digit."""
    left, right = data.draw(ENDS), data.draw(divisors)
    result = operation(left, right)
    corners = [
        exactly(operation, a, b) for a in (left.low, left.high) for b in (right.low, right.high)
    ]
    low, high = min(corners), max(corners)
    assert result.low <= low <= result.low + abs(result.low) * Decimal("1e-27")
    assert result.high - abs(result.high) * Decimal("1e-27") <= high <= result.high


def test_quotients_round_outward() -> None:
    """1 ÷ 3 has no exact decimal: the low end is rounded down and the high end up."""
    third = Interval(1, 1) / Interval(3, 3)
    assert Decimal("0.3333333333333333333333333333") == third.low
    assert Decimal("0.3333333333333333333333333334") == third.high


def test_scaleb_moves_the_decimal_point() -> None:
    """scaleb() turns percent into fractions and back, exactly."""
    assert Interval("0.5925", "0.5935") == Interval("59.25", "59.35").scaleb(-2)
    assert Interval("59.25", "59.35") == Interval("0.5925", "0.5935").scaleb(2)


# -- powers ------------------------------------------------------------------------------


def test_whole_powers_are_exact() -> None:
    """Powers that are exact in 28 digits are not widened."""
    assert Interval(4, 9) == Interval(2, 3).power(2)
    assert Interval(0, 8) == Interval(0, 2).power(3)


def test_fractional_powers_are_widened_to_stay_sound() -> None:
    """Roots are rounded to nearest by Decimal, so their ends move outward by two digits."""
    root = Interval(4, 9).power("0.5")
    assert Decimal(2) > root.low > Decimal("1.99999999999999999999999999")
    assert Decimal(3) < root.high < Decimal("3.00000000000000000000000001")


def test_powers_with_an_interval_of_exponents() -> None:
    """Below 1 a larger exponent gives less, above 1 more: the corners cover both."""
    result = Interval("0.25", 4).power(Interval("0.5", 1))
    assert result.contains(Interval("0.25", 4))
    assert result.low < Decimal("0.2500000000000000000000001")
    assert result.high > Decimal("3.9999999999999999999999999")


@pytest.mark.parametrize(
    ("base", "exponent"), [(Interval(-1, 1), 2), (Interval(1, 2), 0), (Interval(1, 2), -1)]
)
def test_powers_need_a_positive_exponent_and_no_negative_base(
    base: Interval, exponent: int
) -> None:
    """Negative bases and exponents that are not positive are refused."""
    with pytest.raises(InvalidValueError, match="cannot raise"):
        base.power(exponent)


@given(
    POSITIVE,
    st.integers(1, 30).map(lambda n: Interval(Decimal(1) / n, Decimal(1) / n)),
    st.data(),
)
def test_powers_are_sound(base: Interval, exponent: Interval, data: st.DataObject) -> None:
    """Every x ** e for x in the base lands in the result (checked at 60 digits)."""
    x = data.draw(tst.decimals(base.low, base.high, places=6))
    with localcontext(prec=60):
        expected = x**exponent.low
    assert base.power(exponent).contains(expected)


# -- text --------------------------------------------------------------------------------


def test_str_repr_and_format() -> None:
    """Text shows both ends; places round outward so every value stays inside the text."""
    interval = Interval("114.52776906", "115.22762951")
    assert str(interval) == "[114.52776906, 115.22762951]"
    assert repr(interval) == "Interval('[114.52776906, 115.22762951]')"
    assert interval.format(places=2) == "[114.52, 115.23]"
    assert interval.format(places=0) == "[114, 116]"
    assert Interval("114.5", "115.3") == interval.rounded(1)
    assert Interval("-0.01", "-0.01").format(places=1) == "[-0.1, 0.0]"


@pytest.mark.parametrize("places", [-1, True, 1.5])
def test_format_needs_whole_places(places: int) -> None:
    """places must be a whole number, 0 or more."""
    with pytest.raises(InvalidValueError, match="places must be a whole number"):
        Interval(1, 2).format(places=places)


def test_format_refuses_more_digits_than_computed() -> None:
    """Rounding to more than 28 significant digits is refused, not silently wrong."""
    with pytest.raises(InvalidValueError, match="28 significant digits"):
        Interval("1E+20", "1E+20").format(places=10)
