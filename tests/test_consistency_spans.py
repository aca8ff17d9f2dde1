"""The private span arithmetic under the consistency check: sound with unbounded ends."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradestats.claims._narrowing import (
    ANY,
    EMPTY,
    INF,
    NON_NEGATIVE,
    Fix,
    NoValueLeft,
    Scaling,
    Span,
    Sum,
    branch_and_prune,
    propagate,
)

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping

NUMBERS = st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False)


@st.composite
def spans_with_points(draw: st.DrawFn) -> tuple[Span, Decimal]:
    """A span (an end may be infinite) and a finite point inside it."""
    a, b = sorted((draw(NUMBERS), draw(NUMBERS)))
    point = draw(st.decimals(min_value=a, max_value=b, places=3, allow_nan=False))
    low = -INF if draw(st.booleans()) else a
    high = INF if draw(st.booleans()) else b
    return Span(low, high), point


def inside(span: Span, value: Decimal) -> bool:
    """Whether ``value`` lies in ``span``."""
    return span.low <= value <= span.high


@given(spans_with_points(), spans_with_points())
def test_arithmetic_keeps_every_result(
    left: tuple[Span, Decimal], right: tuple[Span, Decimal]
) -> None:
    """Sum, difference, product and quotient of two spans hold those of any two points."""
    (a, x), (b, y) = left, right
    assert inside(a + b, x + y)
    assert inside(a - b, x - y)
    assert inside(a * b, x * y)
    if y:
        assert inside(a / b, x / y)


def test_division_by_a_span_that_may_be_zero() -> None:
    """Dividing by a span through zero says nothing; touching zero leaves one side open."""
    one = Span(Decimal(1), Decimal(2))
    assert one / Span(Decimal(-1), Decimal(1)) == ANY
    assert one / Span(Decimal(0), Decimal(0)) == ANY
    assert Span(Decimal("0.5"), INF) == one / Span(Decimal(0), Decimal(2))
    assert Span(-INF, Decimal("-0.5")) == one / Span(Decimal(-2), Decimal(0))
    assert Span(Decimal(0), Decimal(0)) == Span(Decimal(0), Decimal(0)) * NON_NEGATIVE


def test_gap_and_meet() -> None:
    """Disjoint spans have a gap and no meeting; EMPTY meets nothing."""
    a, b = Span(Decimal(1), Decimal(2)), Span(Decimal(5), INF)
    assert Decimal(3) == a.gap(b) == b.gap(a)
    assert a.meet(b) is None
    assert a.meet(EMPTY) is None
    assert Decimal(0) == a.gap(Span(Decimal(2), Decimal(3)))


def test_propagate_narrows_a_sum_and_reports_conflicts() -> None:
    """A total of 10 with one part of 4 leaves the other part 6; a part of 11 conflicts."""
    domains: dict[Hashable, Span] = {"t": NON_NEGATIVE, "a": NON_NEGATIVE, "b": NON_NEGATIVE}
    ten, four = Span(Decimal(10), Decimal(10)), Span(Decimal(4), Decimal(4))
    found = propagate(domains, [Fix("t", ten), Fix("a", four), Sum("t", ("a", "b"))])
    assert Span(Decimal(6), Decimal(6)) == found["b"]
    with pytest.raises(NoValueLeft):
        propagate(
            domains, [Fix("t", ten), Fix("a", Span(Decimal(11), Decimal(11))), Sum("t", ("a", "b"))]
        )


def test_branch_and_prune_undoes_the_dependency_problem() -> None:
    """y = x read as y - x: plain spans say -1 to 1, splitting brings it near 0."""
    x, y = "x", "y"
    domains: dict[Hashable, Span] = {x: NON_NEGATIVE, y: NON_NEGATIVE}
    constraints: list[Fix | Scaling | Sum] = [
        Fix(x, Span(Decimal(1), Decimal(2))),
        Scaling(y, x, Span(Decimal(1), Decimal(1))),
    ]

    def readout(spans: Mapping[Hashable, Span]) -> dict[Hashable, Span]:
        return {"difference": spans[y] - spans[x]}

    inputs: dict[Hashable, tuple[Hashable, ...]] = {"difference": (y, x)}
    plain = branch_and_prune(domains, constraints, readout, inputs, budget=0)
    split = branch_and_prune(domains, constraints, readout, inputs)
    assert plain is not None
    assert split is not None
    assert Span(Decimal(-1), Decimal(1)) == plain.figures["difference"]
    assert not plain.boxes
    difference = split.figures["difference"]
    assert inside(difference, Decimal(0))
    assert difference.width <= Decimal("0.0625")  # every box ties: 100 boxes reach 1/32
    assert Span(Decimal(1), Decimal(2)) == split.spans[x]


def test_branch_and_prune_reports_a_conflict_of_propagation() -> None:
    """Constraints that propagation already refutes give no result."""
    constraints: list[Fix | Scaling | Sum] = [
        Fix("x", Span(Decimal(1), Decimal(2))),
        Fix("x", Span(Decimal(3), INF)),
    ]

    def readout(spans: Mapping[Hashable, Span]) -> dict[Hashable, Span]:
        return {"x": spans["x"]}

    inputs: dict[Hashable, tuple[Hashable, ...]] = {"x": ("x",)}
    assert branch_and_prune({"x": ANY}, constraints, readout, inputs) is None
