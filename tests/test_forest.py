"""Claims that tie values two at a time with no cycle, checked by passes over the tree.

The forest path of the check (``claims/_forest.py``, polygons by ``claims/_plane.py``)
against the exact reference engine, on random chains and trees of claims: a flow
over many years, a total with shares and growth rates of its parts, changes in
level; every figure rounded from true values (so no false alarm is allowed), and
some with one figure published 2 points off.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests._outcomes import outcome
from tests._scripts import load_script
from tradestats.claims import _float
from tradestats.claims._forest import Forest, is_forest
from tradestats.claims._linear import Polyhedron, Program, Row
from tradestats.claims._network import Network
from tradestats.claims._plane import Line, emptiness, extremes
from tradestats.claims.consistency import Verdict, check
from tradestats.claims.report import (
    ChangeClaim,
    GrowthClaim,
    Report,
    ReportFlow,
    ShareClaim,
    ValueClaim,
)
from tradestats.periods import Period
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from collections.abc import Callable

    from tradestats.claims.report import Claim

bench = load_script("benchmarks/bench_check.py")

_TENTH = Decimal("0.1")


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _amount(value: Fraction) -> Reported[Any]:
    billions = (_decimal(value) / Decimal(10**9)).quantize(_TENTH, ROUND_HALF_UP)
    return Reported.parse_amount(f"{billions} billion yuan")


def _percent(value: Fraction, *, off: bool, parse: Callable[[str], Reported[Any]]) -> Reported[Any]:
    percent = _decimal(value * 100) + (2 if off else 0)
    return parse(f"{percent.quantize(_TENTH, ROUND_HALF_UP)}%")


def _years_of(
    draw: st.DrawFn, flow: str, values: list[Fraction], periods: list[str], *, tied: bool
) -> list[Claim]:
    """Some values of a flow, and growth rates or changes between some consecutive years.

    ``tied``: every two years are tied (by a growth rate or a change).
    """
    found: list[Claim] = []
    for number, period in enumerate(periods):
        if draw(st.booleans()):
            value = _amount(values[number])
            found.append(ValueClaim(id=f"{flow}-{period}", flow=flow, period=period, value=value))
        if not number or not (tied or draw(st.booleans())):
            continue
        now, before = values[number], values[number - 1]
        if draw(st.booleans()):
            growth = _percent(now / before - 1, off=False, parse=Reported.parse_growth)
            found.append(
                GrowthClaim(id=f"{flow}-{period}-growth", flow=flow, period=period, growth=growth)
            )
        else:
            change = _amount(now - before)
            found.append(
                ChangeClaim(id=f"{flow}-{period}-change", flow=flow, period=period, change=change)
            )
    return found


@st.composite
def tree_reports(draw: st.DrawFn) -> tuple[Report, bool]:
    """A chain of years or a total with its parts: claims that tie values in a tree.

    True values are random; each published figure is their correct rounding, but
    for one growth rate published 2 points off where the second item is ``True``.
    """
    rng = random.Random(draw(st.integers(0, 2**32)))
    years = draw(st.integers(2, 4))
    parts = draw(st.integers(0, 2))
    periods = [str(2020 + number) for number in range(years)]
    flows = ["t", *(f"p{number}" for number in range(parts))]
    values = {flow: [Fraction(rng.randrange(10**9, 50 * 10**9))] for flow in flows}
    for flow in flows:
        for _ in range(years - 1):
            values[flow].append(values[flow][-1] * Fraction(rng.randrange(7000, 16000), 10000))
    if parts:
        # The parts add up to no more than the total: shares below 100%.
        values["t"] = [
            sum((values[p][n] for p in flows[1:]), Fraction(0)) * Fraction(5, 4)
            for n in range(years)
        ]
    found = [
        claim
        for flow in flows
        for claim in _years_of(draw, flow, values[flow], periods, tied=flow == "t")
    ]
    # Shares in the last year only: with the growth rates, still no cycle.
    last = years - 1
    for part in flows[1:]:
        if draw(st.booleans()):
            share = _percent(
                values[part][last] / values["t"][last], off=False, parse=Reported.parse_share
            )
            found.append(
                ShareClaim(
                    id=f"{part}-share", part=part, whole="t", period=periods[last], share=share
                )
            )
    growths = [index for index, claim in enumerate(found) if isinstance(claim, GrowthClaim)]
    planted = bool(growths) and draw(st.booleans())
    if planted:
        index = draw(st.sampled_from(growths))
        claim = found[index]
        assert isinstance(claim, GrowthClaim)
        wrong = claim.growth.value.rate + Decimal("0.02")
        found[index] = GrowthClaim(
            id=claim.id,
            flow=claim.flow,
            period=claim.period,
            growth=Reported.parse_growth(f"{(wrong * 100).quantize(_TENTH)}%"),
        )
    if not found:
        found.append(
            ValueClaim(id="t-only", flow="t", period=periods[0], value=_amount(values["t"][0]))
        )
    declared = [
        ReportFlow(id=flow, reporter="X", flow="total", partner=flow.upper()) for flow in flows
    ]
    return Report(title="tree", flows=declared, claims=found), planted


@settings(max_examples=60, deadline=None)
@given(tree_reports())
def test_the_forest_agrees_with_the_exact_engine(drawn: tuple[Report, bool]) -> None:
    """Same verdicts, conflicts, printed ranges and implied figures as the exact simplex."""
    report = drawn[0]
    network = Network(report)
    assert all(network._tree(n) is not None for n in range(len(network.components)))
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@settings(max_examples=15, deadline=None)
@given(tree_reports())
def test_the_forest_answers_without_highspy(drawn: tuple[Report, bool]) -> None:
    """Without the ``fast`` extra a tree is still the forest's: exact, and no solver at all.

    (The exact simplex took 35 s over a chain of 100 claims that the forest checks in
    a few hundredths.) Every HiGHS instance is made by ``_float.quiet``: none may be.
    """
    report = drawn[0]
    expected = outcome(check(report, _engine="exact"))
    with (
        mock.patch.object(_float, "AVAILABLE", new=False),
        mock.patch.object(_float, "quiet", side_effect=AssertionError("HiGHS was used")),
    ):
        network = Network(report)
        assert all(network._tree(n) is not None for n in range(len(network.components)))
        assert outcome(check(report)) == expected


@settings(max_examples=30, deadline=None)
@given(tree_reports())
def test_no_false_alarm_on_correct_roundings(drawn: tuple[Report, bool]) -> None:
    """A tree of correctly rounded figures, no error planted, is never called inconsistent."""
    report, planted = drawn
    result = check(report)
    if not planted:
        assert result.conflicts == ()
        assert all(c.verdict is not Verdict.INCONSISTENT for c in result.checks)


@pytest.mark.parametrize("error", [False, True])
def test_a_chain_of_a_thousand_claims_is_checked_exactly(error: bool) -> None:
    """The benchmark's 1,000 claims over 500 years, values past 10¹⁰⁰: decided, nothing unfinished.

    The exact simplex never finished it (nor could HiGHS scale it); a planted error is
    found and explained.
    """
    result = check(bench.years(1000, seed=1000, error=error))
    assert (result.complete, result.unfinished) == (True, ())
    assert result.consistent is not error
    assert len(result.conflicts) == error
    cored = {claim_id for conflict in result.conflicts for claim_id in conflict.claims}
    for found in result.checks:
        wrong = found.verdict is Verdict.INCONSISTENT
        assert (found.claim.id in cored) is wrong
        # Not checkable: the last value (the builder cut its growth rate) and, with an
        # error, the values inside the conflict, which nothing else ties.
        assert wrong or found.verdict in {Verdict.CONSISTENT, Verdict.NOT_CHECKABLE}
    unchecked = sum(found.verdict is Verdict.NOT_CHECKABLE for found in result.checks)
    assert unchecked == 1 if not error else unchecked < 100


_coefficients = st.integers(-4, 4).map(Fraction)


@st.composite
def planes(draw: st.DrawFn) -> list[Row]:
    """A few random rows on two variables (both 0 or more in the programs compared)."""
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        a, b = draw(_coefficients), draw(_coefficients)
        rows.append(
            Row({0: a, 1: b}, draw(st.sampled_from(["<=", ">=", "="])), draw(_coefficients))
        )
    return rows


def _lines(rows: list[Row]) -> list[Line]:
    found = [Line(-1, 0, 0), Line(0, -1, 0)]  # both variables 0 or more, as in a Program
    for row in rows:
        a, b, c = row.coefficients[0], row.coefficients[1], Fraction(row.rhs)
        if row.sense in ("<=", "="):
            found.append(Line(a, b, c))
        if row.sense in (">=", "="):
            found.append(Line(-a, -b, -c))
    return found


@settings(max_examples=200, deadline=None)
@given(planes(), _coefficients, _coefficients)
def test_polygon_extremes_are_the_exact_simplex_ones(
    rows: list[Row], p: Fraction, q: Fraction
) -> None:
    """The extremes of a polygon by its vertices and rays equal the exact simplex's."""
    polyhedron = Polyhedron(Program(2, rows))
    found = extremes(_lines(rows), (p, q))
    assert (emptiness(_lines(rows)) is None) == polyhedron.feasible
    if not polyhedron.feasible:
        assert found is None
        return
    assert found is not None
    objective = {0: p, 1: q}
    assert (found.low, found.high) == (polyhedron.minimum(objective), polyhedron.maximum(objective))


def test_a_cycle_is_no_forest() -> None:
    """Three values tied in a ring are no forest; a chain and repeated ties are."""
    ring = {
        "a": [Row({0: 1, 1: -1}, ">=", 0)],
        "b": [Row({1: 1, 2: -1}, ">=", 0)],
        "c": [Row({2: 1, 0: -1}, ">=", 0)],
    }
    assert not is_forest(ring)
    assert is_forest({"a": ring["a"], "b": ring["b"], "again": ring["a"]})
    assert not is_forest({"sum": [Row({0: 1, 1: 1, 2: -1}, "=", 0)]})
    assert not is_forest({"apart": [Row({0: 1}, ">=", 1), Row({1: 1}, ">=", 1)]})


def test_an_empty_range_names_the_claims_that_empty_it() -> None:
    """x >= 5 (claim a), y <= 1 (claim b), y >= x (claim c): those three, not d."""
    rows = {
        "a": [Row({0: 1}, ">=", 5)],
        "b": [Row({1: 1}, "<=", 1)],
        "c": [Row({1: 1, 0: -1}, ">=", 0)],
        "d": [Row({2: 1, 1: -1}, "<=", 0)],
    }
    forest = Forest(rows)
    assert (forest.feasible, forest.conflict()) == (False, frozenset("abc"))
    assert [forest.feasible_without(claim) for claim in "abcd"] == [True, True, True, False]


def test_a_tree_answers_programs_on_one_value_or_two_tied_ones() -> None:
    """The forest's polyhedron: exact bounds of one value, of two tied ones, and of any sum."""
    report = bench.years(6, seed=6)
    network, exact = Network(report), Network(report, engine="exact")
    ids = network.components[0]  # 2020 to 2022; the value of 2023 is alone
    tree, polyhedron = network.polyhedron(ids), exact.polyhedron(ids)
    assert type(tree).__name__ == "Tree"
    first, second, third = (
        network._index[("x", Period.parse(y))] for y in ("2020", "2021", "2022")
    )
    for objective in ({first: 1}, {first: -2, second: 1}, {first: 1, second: 1, third: -1}):
        assert (tree.minimum(objective), tree.maximum(objective, 3)) == (
            polyhedron.minimum(objective),
            polyhedron.maximum(objective, 3),
        )
