"""A total with many partners and a sum, checked by support functions (``claims/_star.py``).

The star path against the exact reference engine on random reports of the
benchmark's ``partners`` shape and variants of it (a partner without its growth
rate or its value, a total without its growth, a sum over one period, a partner
whose values a value and an exact growth pin down), with and without a planted
error; and its parts on their own: the support function of a sum of polygons
against brute force, and the small program of one part and the total against
the program of the whole.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any
from unittest import mock

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from tests._outcomes import outcome
from tests._scripts import load_script
from tradestats.claims import _float, _star
from tradestats.claims._linear import Polyhedron, Program, Row, charnes_cooper
from tradestats.claims._network import Network
from tradestats.claims._shaped import StarAnswers
from tradestats.claims.consistency import check
from tradestats.claims.report import Claim, GrowthClaim, Report, SumClaim, ValueClaim
from tradestats.measures import Growth
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

bench = load_script("benchmarks/bench_check.py")
needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")

#: What to change in a ``partners`` report: nothing, or drop or pin some claims.
VARIANTS = (
    "as built",
    "a partner without growth",
    "a partner without value",
    "the total without growth",
    "the total without value",
    "a sum over one period",
    "a pinned partner",
)


def variant(report: Report, name: str) -> Report:
    """``report`` changed as ``name`` says (see :data:`VARIANTS`)."""
    claims = list(report.claims)
    if name == "a partner without growth":
        claims = [c for c in claims if c.id != "p0-growth"]
    elif name == "a partner without value":
        claims = [c for c in claims if c.id != "p0-value"]
    elif name == "the total without growth":
        claims = [c for c in claims if c.id != "world-growth"]
    elif name == "the total without value":
        claims = [c for c in claims if c.id != "world-value"]
    elif name == "a sum over one period":
        claims = [
            attrs.evolve(c, periods=(c.periods or report.periods)[:1])
            if isinstance(c, SumClaim)
            else c
            for c in claims
        ]
    elif name == "a pinned partner":
        # An exact growth rate: the partner's values lie on a segment.
        claims = [
            attrs.evolve(c, growth=Reported(Growth(Decimal(c.growth.value.rate)), Decimal(0)))
            if c.id == "p0-growth" and isinstance(c, GrowthClaim)
            else c
            for c in claims
        ]
    return attrs.evolve(report, claims=tuple(claims))


#: A partners report that has a star (its size, seed, error and variant), and
#: hypothesis's data to draw sets of its claims.
star_reports = given(
    st.integers(8, 30),
    st.integers(0, 2**16),
    st.booleans(),
    st.sampled_from([name for name in VARIANTS if name != "a sum over one period"]),
    st.data(),
)


def _stars(report: Report) -> int:
    """How many components of the report the star path takes."""
    network = Network(report)
    return sum(network._star(number) is not None for number in range(len(network.components)))


@pytest.fixture(autouse=True, scope="module")
def _any_sum() -> Iterator[None]:
    """A sum of 2 parts or more is a star here, so that small reports test it too."""
    with mock.patch.object(_star, "FEWEST_PARTS", 2):
        yield


@needs_highs
@settings(max_examples=12, deadline=None)
@given(st.integers(3, 30), st.integers(0, 2**16), st.booleans(), st.sampled_from(VARIANTS))
@example(3, 0, False, "a partner without growth")  # one part: no star
def test_the_star_agrees_with_the_exact_engine(
    size: int, seed: int, error: bool, name: str
) -> None:
    """Verdicts, conflicts, printed ranges and implied figures are the exact engine's."""
    report = variant(bench.partners(size, seed=seed, error=error), name)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
@pytest.mark.parametrize("name", VARIANTS)
@pytest.mark.parametrize("error", [False, True])
def test_each_variant_agrees_with_the_exact_engine(name: str, error: bool) -> None:
    """Each variant at a fixed size, with and without the planted error."""
    report = variant(bench.partners(13, seed=7, error=error), name)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
def test_the_star_takes_the_shapes_it_is_for() -> None:
    """A sum over two periods with each flow's claims its own is a star; over one, not yet."""
    report = bench.partners(21, seed=1)
    assert _stars(report) == 1
    assert _stars(variant(report, "a partner without value")) == 1
    assert _stars(variant(report, "a sum over one period")) == 0


# -- the pieces --------------------------------------------------------------------------

_SMALL = st.integers(-6, 6)


@st.composite
def polygons(draw: st.DrawFn) -> _star.Polygon:
    """A polygon of ``x, y >= 0`` and up to four random half-planes, not empty."""
    lines = draw(st.lists(st.tuples(_SMALL, _SMALL, st.integers(-4, 30)), max_size=4))
    found = _star.Polygon(lines)
    if found.empty:
        found = _star.Polygon(lines[:0])
    return found


def _brute_support(polygons: Sequence[_star.Polygon], normal: tuple[int, int]) -> Fraction | None:
    """The support of the Minkowski sum at ``normal``: the best sum of one vertex each."""
    if any(polygon.support(normal) is None for polygon in polygons):
        return None
    return max(
        sum((normal[0] * x + normal[1] * y for x, y in chosen), Fraction(0))
        for chosen in itertools.product(*(polygon.vertices for polygon in polygons))
    )


@needs_highs
@settings(max_examples=60, deadline=None)
@given(st.lists(polygons(), min_size=1, max_size=3), st.lists(polygons(), max_size=2))
def test_the_support_of_a_sum_is_the_brute_force_one(
    summands: list[_star.Polygon], swapped: list[_star.Polygon]
) -> None:
    """At every candidate normal, exactly; also made from another sum by swapping polygons."""
    _star._load()
    directions = {(a, b) for a in range(-3, 4) for b in range(-3, 4) if a or b}
    normals = _star.Normals(sorted(directions))
    whole = _star.Support(normals, [], summands)
    changed = [*swapped, *summands[len(swapped) :]]
    derived = _star.Support(normals, summands[: len(swapped)], swapped, whole)
    for k, normal in enumerate(normals.exact):
        for support, parts in ((whole, summands), (derived, changed)):
            value, infinite = support.exact(k)
            expected = _brute_support(parts, normal)
            assert expected == (None if infinite else value)
            assert bool(infinite) == bool(support.infinite[k])
            if not infinite:
                assert abs(float(value) - support.finite[k]) <= 1e-9 * (support.mass[k] + 1)


@st.composite
def far_polygons(draw: st.DrawFn) -> _star.Polygon:
    """A polygon of up to eight half-planes, some far out or nearly flat: floats lose its digits."""
    scale = 10 ** draw(st.integers(0, 24))
    coefficient = st.one_of(_SMALL, st.sampled_from([scale, -scale]))
    bound = st.builds(lambda k, off: k * scale * scale + off, st.integers(-4, 30), _SMALL)
    lines = draw(st.lists(st.tuples(coefficient, coefficient, bound), max_size=8))
    found = _star.Polygon(lines)
    if found.empty:
        found = _star.Polygon([(-1, scale, scale * scale), (1, 0, scale * scale)])
    return found


@needs_highs
@settings(max_examples=60, deadline=None)
@given(far_polygons(), st.lists(st.tuples(_SMALL, _SMALL), max_size=6))
@example(_star.Polygon([(-1, 10**20, 10**40), (1, 0, 10**20)]), [])  # a top one unit above
def test_a_support_in_floats_first_is_the_exact_one(
    polygon: _star.Polygon, normals: list[tuple[int, int]]
) -> None:
    """Every polygon looks for its top in floats first (as those of many vertices do): exact.

    One normal at a time, and all at once (a fresh polygon: each keeps its supports).
    """
    asked = {(0, 1), (1, 0), (1, 1), (-1, 1), *((a, b) for a, b in normals if a or b)}
    asked |= {(a, b) for a, b, _ in polygon.lines if a or b}
    ordered = sorted(asked)
    expected = [
        None
        if any(a * dx + b * dy > 0 for dx, dy in polygon.rays)
        else max(a * x + b * y for x, y in polygon.vertices)
        for a, b in ordered
    ]
    fresh = _star.Polygon(polygon.lines[2:])  # the axes come first, and again
    with mock.patch.object(_star, "_MANY_VERTICES", 1):
        assert expected == [polygon.support(normal) for normal in ordered]
        assert expected == fresh.support_each(ordered)


_WEIGHTS = st.fractions(min_value=-20, max_value=20, max_denominator=12)


@needs_highs
@given(_WEIGHTS, _WEIGHTS, st.data())
@example(Fraction(-1, 3), Fraction(2, 7), None)
def test_the_lowest_value_on_a_polygon_is_its_vertices_least(
    p: Fraction, q: Fraction, data: st.DataObject | None
) -> None:
    """``lowest`` in whole numbers is the least ``p x + q y`` over the vertices as fractions."""
    _star._load()
    polygon = _star.Polygon([(1, 0, 3), (0, 1, 5)]) if data is None else data.draw(far_polygons())
    assert min(p * x + q * y for x, y in polygon.vertices) == polygon.lowest(p, q)


def test_a_polygon_keeps_its_rays() -> None:
    """A cone (a growth rate alone) runs off along its two edges; a box has no ray."""
    cone = _star.Polygon([(-1, 1, 0), (1, -2, 0)])  # y <= x <= 2 y
    assert cone.vertices == [(Fraction(0), Fraction(0))]
    assert cone.rays == [(1, 1), (2, 1)]
    assert cone.support((-1, 1)) == 0
    assert cone.support((1, 0)) is None
    box = _star.Polygon([(1, 0, 2), (0, 1, 3)])
    assert box.rays == []
    assert box.support((1, 1)) == 5


def _full_range(network: Network, key: frozenset[str], objective: dict[int, int]) -> Any:
    polyhedron = Polyhedron(network.program(key))
    if not polyhedron.feasible:
        return None
    return polyhedron.minimum(objective), polyhedron.maximum(objective)


#: A report of the first variants (size, seed, error, variant) and draws to make of it.
_projections = given(
    st.integers(7, 25),
    st.integers(0, 2**16),
    st.booleans(),
    st.sampled_from(VARIANTS[:5]),
    st.data(),
)


@needs_highs
@settings(max_examples=15, deadline=None)
@_projections
def test_one_part_and_the_total_are_the_whole_program_projected(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """Ranges of random objectives on a part and the total: the small program's are the whole's.

    Also under the claims but one (the sets a check asks about), and for the total alone.
    """
    _assert_projected(size, seed, error, name, data)


_edges = _star._edges


def _blind(*arguments: Any) -> list[int] | None:
    """:func:`._star._edges` that misses every half-plane but the first it finds."""
    found = _edges(*arguments)
    return None if found is None else found[:1]


@needs_highs
@settings(max_examples=10, deadline=None)
@_projections
def test_half_planes_the_floats_miss_are_found_exactly(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """The floats only propose half-planes: those they miss, the exact test adds."""
    with mock.patch.object(_star, "_edges", _blind):
        _assert_projected(size, seed, error, name, data)


@needs_highs
@settings(max_examples=20, deadline=None)
@_projections
def test_a_part_s_change_and_the_total_s_base_are_the_whole_program_projected(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """The polygon of a mix of a part's two values (its change) and the total's base: the whole's.

    Its ranges of objectives on the two are the whole program's, under the claims
    or all but one.
    """
    network, star, key = _star_and_key(size, seed, error, name, data)
    part = data.draw(st.sampled_from(star.parts))
    along = data.draw(st.sampled_from([(1, -1), (-1, 1), (1, 0), (2, 3), (-1, 2)]))
    axis = data.draw(st.sampled_from([0, 1]))
    polygon = star.across(key, part, along, axis)
    local = star.local(key, part)
    if local is None or local.differences is None:
        assert polygon is None
        return  # not known: the programs answer
    # A projection of the values, none below 0, with a vertex: a polygon.
    assert polygon is not None
    whole = Polyhedron(network.program(key))
    assert whole.feasible  # a polygon is known only where the claims hold
    own, base = star.columns[part], star.columns[star.total][axis]
    drawn = data.draw(st.tuples(st.integers(-3, 3), st.integers(-3, 3)))
    for p, q in [(1, 0), (0, 1), (1, -1), (-1, 1), drawn]:
        objective = {own[1 - axis]: p * along[0], own[axis]: p * along[1]}
        objective[base] = objective.get(base, 0) + q
        assert _ends(polygon, p, q) == (whole.minimum(objective), whole.maximum(objective))


@needs_highs
@settings(max_examples=20, deadline=None)
@_projections
def test_the_deepest_cuts_drop_only_cuts_that_make_no_edge(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """A cut polygon's half-planes, with the floats' first pass over every candidate or not.

    Those the polygon of the differences and the deepest cuts leaves inside are
    dropped before the hull (``_near``): the same half-planes are kept, the same polygon.
    """
    _, star, key = _star_and_key(size, seed, error, name, data)
    part = data.draw(st.sampled_from([None, *star.parts]))
    with mock.patch.object(_star, "_PREFILTER", 1):
        found = star._cuts(key, part)
    with mock.patch.object(_star, "_PREFILTER", 10**9):
        expected = star._cuts(key, part)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert sorted(found[0]) == sorted(expected[0])
    assert (found[1].whole, found[1].scale, found[1].rays) == (
        expected[1].whole,
        expected[1].scale,
        expected[1].rays,
    )


def _star_and_key(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> tuple[Network, _star.Star, frozenset[str]]:
    """A variant's network, its star, and its claims or all of them but one, drawn."""
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = frozenset(network.components[0])
    left_out = data.draw(st.sampled_from(sorted(members)))
    return network, star, data.draw(st.sampled_from([members, members - {left_out}]))


def _assert_projected(size: int, seed: int, error: bool, name: str, data: st.DataObject) -> None:
    network, star, key = _star_and_key(size, seed, error, name, data)
    part = data.draw(st.sampled_from([None, *star.parts]))
    local = star.local(key, part)
    if local is None:
        return  # too many rows: the general engine answers
    coefficients = data.draw(st.lists(st.integers(-3, 3), min_size=4, max_size=4))
    objective: dict[int, int] = {}
    for number, column in local.columns.items():
        if coefficients[number]:
            objective[column] = coefficients[number]
    small = Polyhedron(local.program)
    expected = _full_range(network, key, objective)
    if expected is None:
        assert not small.feasible
        return
    mapped = {number: objective.get(column, 0) for number, column in local.columns.items()}
    assert (small.minimum(mapped), small.maximum(mapped)) == expected


@needs_highs
@settings(max_examples=25, deadline=None)
@star_reports
@example(30, 1, True, VARIANTS[0], None)  # the total's growth 2 points off: Q misses M
def test_the_star_holds_where_the_whole_program_is_feasible(
    size: int, seed: int, error: bool, name: str, data: st.DataObject | None
) -> None:
    """Whether claims hold, from the supports of ``Q`` and ``M`` alone, as the whole program's.

    For the report's claims, and for random sets of them (as a conflict search asks).
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = sorted(network.components[0])
    keys = [frozenset(members)]
    if data is not None:
        keys += [frozenset(data.draw(st.sets(st.sampled_from(members), min_size=1)))]
        keys += [frozenset(members) - {data.draw(st.sampled_from(members))}]
    for key in keys:
        assert star.holds(key) == Polyhedron(network.program(key)).feasible


@needs_highs
@settings(max_examples=15, deadline=None)
@_projections
def test_one_flow_s_values_are_the_whole_program_projected(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """The polygon of each flow's values (a part's, or the total's): its ranges are the whole's."""
    network, star, key = _star_and_key(size, seed, error, name, data)
    whole = Polyhedron(network.program(key))
    drawn = data.draw(st.tuples(st.integers(-3, 3), st.integers(-3, 3)))
    for flow in [star.total, *star.parts]:
        found = star.values(key, star.columns[flow])
        if found is None:
            continue  # not known: the programs answer
        assert whole.feasible  # a polygon is known only where the claims hold
        polygon, first, second = found
        for p, q in [(1, 0), (0, 1), (1, -1), drawn]:
            values = [p * x + q * y for x, y in polygon.vertices]
            slopes = [p * dx + q * dy for dx, dy in polygon.rays]
            low = None if any(slope < 0 for slope in slopes) else min(values)
            high = None if any(slope > 0 for slope in slopes) else max(values)
            objective = {first: p, second: q}
            assert (low, high) == (whole.minimum(objective), whole.maximum(objective))


@needs_highs
@settings(max_examples=30, deadline=None)
@_projections
@example(30, 1, True, VARIANTS[0], None)  # the total's growth 2 points off: sets that barely hold
def test_a_part_s_values_in_its_own_plane_are_the_whole_program_projected(
    size: int, seed: int, error: bool, name: str, data: st.DataObject | None
) -> None:
    """A part's values found in its own plane (``Star.own``): the whole program's ranges.

    Under the claims or all but one (with the error, sets that barely hold: thin
    polygons), with the floats' proposals whole or missing every half-plane but
    the first (the exact test adds the rest); and the polygon is the one made
    through the cut polygon of the differences.
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = frozenset(network.components[0])
    if data is None:
        # Each claim left out, asked about its own part (as the check asks) and another.
        keys = [
            (members - {left_out}, part)
            for left_out in sorted(members)
            for part in {star.owners.get(left_out, star.parts[0]), star.parts[-1]}
            if part != star.total
        ]
    else:
        left_out = data.draw(st.sampled_from(sorted(members)))
        key = data.draw(st.sampled_from([members, members - {left_out}]))
        keys = [(key, data.draw(st.sampled_from(star.parts)))]
    blind = data is not None and data.draw(st.booleans())
    for key, part in keys:
        with mock.patch.object(_star, "_edges", _blind) if blind else contextlib.nullcontext():
            found = star._in_plane(key, part)
        if not _the_projection(network, star, key, part, found):
            continue
        assert found is not None
        local = star.local(key, part)
        if local is not None and local.values is not None:
            assert sorted(local.values.vertices) == sorted(found.vertices)


@needs_highs
@settings(max_examples=10, deadline=None)
@star_reports
def test_a_part_s_values_tightened_from_a_check_s_are_the_whole_program_projected(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """A part's values kept from a looser set of its own claims and cut by the rest.

    Sets asked in any order (all claims, or all but one, the one of any flow), so
    that a kept polygon meets sets with more of the part's claims, and sets that
    differ in another flow's: each answer the whole program's ranges.
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assume(star is not None)
    assert star is not None
    members = frozenset(network.components[0])
    part = data.draw(st.sampled_from(star.parts))
    around = sorted({*star._claims_of[part], *data.draw(st.sets(st.sampled_from(sorted(members))))})
    keys = data.draw(
        st.lists(st.sampled_from([members, *(members - {c} for c in around)]), min_size=2)
    )
    for key in keys:
        _the_projection(network, star, key, part, star.own(key, part))


def _the_projection(
    network: Network, star: _star.Star, key: frozenset[str], part: str, found: _star.Polygon | None
) -> bool:
    """Assert ``found`` is the part's values under ``key``, the whole program projected.

    ``None`` must mean no values (or no sum among the claims). Returns whether
    there were values.
    """
    whole = Polyhedron(network.program(key))
    if found is None:
        assert not whole.feasible or star.sum_id not in key
        return False
    assert whole.feasible
    first, second = star.columns[part]
    for p, q in [(1, 0), (0, 1), (1, -1), (-1, 1), (3, -2)]:
        objective = {first: p, second: q}
        assert _ends(found, p, q) == (whole.minimum(objective), whole.maximum(objective))
    return True


def _ends(polygon: _star.Polygon, p: int, q: int) -> tuple[Fraction | None, Fraction | None]:
    """The range of ``p x + q y`` over a polygon, by its vertices and rays."""
    values = [p * x + q * y for x, y in polygon.vertices]
    slopes = [p * dx + q * dy for dx, dy in polygon.rays]
    low = None if any(slope < 0 for slope in slopes) else min(values)
    high = None if any(slope > 0 for slope in slopes) else max(values)
    return low, high


@needs_highs
@settings(max_examples=20, deadline=None)
@_projections
def test_a_part_and_the_total_in_one_period_are_the_whole_program_projected(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """The polygon of a part's and the total's values in one period (a share's): the whole's.

    Its ranges of objectives on the two values are the whole program's, under the
    claims or all but one, in either period.
    """
    network, star, key = _star_and_key(size, seed, error, name, data)
    part = data.draw(st.sampled_from(star.parts))
    axis = data.draw(st.sampled_from([0, 1]))
    found = star.pair(key, [star.columns[part][axis], star.columns[star.total][axis]])
    if found is None:
        return  # not known: the programs answer
    whole = Polyhedron(network.program(key))
    assert whole.feasible  # a polygon is known only where the claims hold
    polygon, first, second = found
    drawn = data.draw(st.tuples(st.integers(-3, 3), st.integers(-3, 3)))
    for p, q in [(1, 0), (0, 1), (1, -1), (-1, 1), drawn]:
        objective = {first: p, second: q}
        assert _ends(polygon, p, q) == (whole.minimum(objective), whole.maximum(objective))


@needs_highs
@settings(max_examples=40, deadline=None)
@given(
    polygons(),
    st.tuples(_SMALL, _SMALL).filter(any),
    st.tuples(_SMALL, _SMALL).filter(any),
)
@example(_star.Polygon([(-1, 1, 0), (1, -2, 0)]), (1, 0), (0, 1))  # a growth rate alone
@example(_star.Polygon([(1, 0, 2), (0, 1, 3)]), (1, 0), (1, -1))  # a base that crosses 0
def test_a_ratio_on_a_polygon_is_the_exact_programs(
    polygon: _star.Polygon, numerator: tuple[int, int], denominator: tuple[int, int]
) -> None:
    """The range of ``n · v / d · v`` by the polygon's generators is the exact simplex's."""
    _star._load()
    below = {0: Fraction(denominator[0]), 1: Fraction(denominator[1])}
    above = {0: numerator[0], 1: numerator[1]}
    rows = [Row({0: a, 1: b}, "<=", c) for a, b, c in polygon.lines]
    lifted = Polyhedron(charnes_cooper(Program(2, rows), below))
    ratio = _star.Ratio(polygon, 0, 1, below)
    assert lifted.feasible == ratio.feasible
    if ratio.feasible:
        assert (lifted.minimum(above), lifted.maximum(above)) == (
            ratio.minimum(above),
            ratio.maximum(above),
        )


@needs_highs
@settings(max_examples=25, deadline=None)
@star_reports
def test_bases_the_star_shows_above_0_can_be(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """Where the star shows each base can be above 0 (room to spare), the whole program agrees.

    On random sets of the claims that hold, as a conflict search asks; and each
    value its flow's polygon cannot put above 0 is never shown.
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = sorted(network.components[0])
    key = frozenset(data.draw(st.sets(st.sampled_from(members), min_size=len(members) // 2)))
    if not star.holds(key):
        return
    columns = sorted(star.flow_of)
    if not star.positive(key, columns):
        return
    for column in columns:
        lifted = charnes_cooper(network.program(key), {column: Fraction(1)})
        assert Polyhedron(lifted).feasible, column


@needs_highs
def test_a_total_that_only_touches_the_parts_sum_shows_no_base_above_0() -> None:
    """The total at most 10.05 and one part at least 10.05: the other part's values are 0.

    ``Q`` meets ``M`` at one point only, so its growth rate's base cannot be above 0:
    the star must not show it can, and the check finds the conflict as the exact one.
    """
    report = _world_of_two("touching", bench._amount(101 * 10**8))
    network = Network(report)
    star = network._star(0)
    assert star is not None
    key = frozenset(network.components[0])
    assert star.holds(key)
    assert not star.positive(key, star.columns["p2"])
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


def _world_of_two(title: str, p1: Reported[Any], p2: Reported[Any] | None = None) -> Report:
    """A world of 10 billion in 2023, two parts, p2 up 10% (growth 1.1), and their sum.

    ``p1`` and ``p2`` are the parts' values in 2023 (``p2`` none if ``None``).
    """
    flows = [bench._flow("world"), bench._flow("p1", "P1"), bench._flow("p2", "P2")]
    values = [
        ("world", bench._amount(10**10)),
        ("p1", p1),
        *([("p2", p2)] if p2 is not None else []),
    ]
    claims: list[Claim] = [
        *(ValueClaim(id=f"{flow}-value", flow=flow, period="2023", value=v) for flow, v in values),
        GrowthClaim(
            id="p2-growth", flow="p2", period="2023", growth=bench._growth(Fraction(11), 10)
        ),
        SumClaim(id="world-parts", total="world", parts=["p1", "p2"]),
    ]
    return Report(title=title, flows=flows, claims=claims)


@needs_highs
@settings(max_examples=30, deadline=None)
@star_reports
def test_bases_settled_under_every_claim_are_settled_afresh(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """A base's own flow's answer, kept from every claim for flows ``key`` lacks none of.

    ``unsettled`` and ``positive`` say what a pass over each column's own polygon
    under ``key`` says, on random sets of claims and columns (with one that is no
    flow's), asked again and again of one star (its kept answers in use).
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = sorted(network.components[0])
    columns = [*sorted(star.flow_of), max(star.flow_of) + 1]
    for _ in range(3):
        key = data.draw(
            st.sampled_from(
                [
                    frozenset(members),
                    frozenset(members) - {data.draw(st.sampled_from(members))},
                    frozenset(data.draw(st.sets(st.sampled_from(members)))),
                ]
            )
        )
        asked = data.draw(st.sets(st.sampled_from(columns)))
        assert star.unsettled(key, asked) == star._unsettled(key, asked)
        if star.holds(key):
            own = asked <= set(star.flow_of) and not star._at_zero(key, asked)
            expected = own and (star.sum_id not in key or star._meets(key, strict=True))
            assert star.positive(key, asked) == expected


@needs_highs
def test_a_value_pinned_at_0_is_never_shown_above_0() -> None:
    """A part's value published as exactly 0: not above 0, with or without its growth rate.

    Without the growth rate its flow lacks a claim (its polygon is made again under
    those claims): its value is still 0, and ``positive`` must say so there too.
    """
    nothing = attrs.evolve(bench._amount(Fraction(0)), precision=0)  # exactly 0
    report = _world_of_two("nothing", bench._amount(10**10), nothing)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    every = frozenset(network.components[0])
    for key in (every, every - {"p2-growth"}):
        assert star.holds(key)
        assert star.columns["p2"][1] in star._at_zero(key, star.columns["p2"])  # 2023
        assert not star.positive(key, star.columns["p2"])
        assert star.positive(key, star.columns["p1"])


@needs_highs
@settings(max_examples=20, deadline=None)
@star_reports
def test_a_sum_made_from_kept_ones_is_the_sum_made_anew(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """The parts' sum under sets asked as a conflict search and the checks ask: the one made anew.

    Sets that shrink one claim at a time, each with trials lacking one claim more,
    then the claims but one: every sum made from kept ones (two levels of them at
    most) has the exact support of the sum of its polygons made anew, and its floats.
    With few changes allowed and few sums kept, sums made anew lack claims too.
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = sorted(network.components[0])
    current = frozenset(members)
    keys = [current]
    for claim_id in data.draw(st.permutations(members))[: data.draw(st.integers(0, size))]:
        trial = current - {claim_id}
        keys.append(trial)
        if data.draw(st.booleans()):
            current = trial
    keys += [frozenset(members) - {claim_id} for claim_id in members[:6]]
    keys += [current - {claim_id} for claim_id in sorted(current)[:6]]
    # Few changes allowed and few sums kept: sums made anew often, and old ones let go.
    most = data.draw(st.sampled_from([1, 2, _star._MOST_CHANGES]))
    with (
        mock.patch.object(_star, "_MOST_CHANGES", most),
        mock.patch.object(_star, "_KEPT_BASES", 2),
    ):
        found_each = [star.support(key) for key in keys]
    for key, found in zip(keys, found_each, strict=True):
        anew = _star.Support(star.normals, [], [star.polygon(flow, key) for flow in star.parts])
        for k in range(len(star.normals.exact)):
            assert found.exact(k) == anew.exact(k)
        assert (found.infinite == anew.infinite).all()
        # A sum made from another carries the rounding of what it took off: its own mass.
        finite = anew.infinite == 0
        assert (abs(found.finite - anew.finite)[finite] <= 1e-9 * (found.mass[finite] + 1)).all()


def _no_closing(*arguments: Any) -> None:
    """:func:`._star._closed` that never closes: the float screen of the open polygon."""


@needs_highs
@settings(max_examples=25, deadline=None)
@star_reports
@example(30, 1, True, VARIANTS[0], None)  # the total's growth 2 points off: sets that barely hold
def test_a_check_s_polygon_closed_by_its_rays_exits_is_the_open_one_s(
    size: int, seed: int, error: bool, name: str, data: st.DataObject | None
) -> None:
    """A part's values under a check's set (one of its claims out: a cone or a strip).

    Closed by the lines its rays leave the others' polygon through before the
    float screen (``_closed``): the same polygon as screened open, and the whole
    program's ranges. Every part (or a drawn one), each of its claims left out.
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = frozenset(network.components[0])
    parts = star.parts if data is None else [data.draw(st.sampled_from(star.parts))]
    for part in parts:
        for left_out in [None, *star._claims_of[part]]:
            key = members - {left_out}
            found = star._made_in_plane(key, part)
            with mock.patch.object(_star, "_closed", _no_closing):
                expected = star._made_in_plane(key, part)
            assert (found is None) == (expected is None)
            if found is not None and expected is not None:
                assert (sorted(found.vertices), found.rays) == (
                    sorted(expected.vertices),
                    expected.rays,
                )
            _the_projection(network, star, key, part, found)


@needs_highs
@settings(max_examples=20, deadline=None)
@star_reports
def test_flows_apart_without_the_sum_are_the_whole_program(
    size: int, seed: int, error: bool, name: str, data: st.DataObject
) -> None:
    """Without the sum each flow is apart: a sum over several flows' values, as the whole's.

    Its least and greatest (a sum claim's check asks the parts less the total)
    added up from each flow's polygon; also with another claim left out.
    """
    report = variant(bench.partners(size, seed=seed, error=error), name)
    network = Network(report)
    star = network._star(0)
    assert star is not None
    members = frozenset(network.components[0])
    key = members - {star.sum_id, data.draw(st.sampled_from([None, *sorted(members)]))}
    flows = data.draw(st.lists(st.sampled_from([star.total, *star.parts]), min_size=2))
    objective = {
        column: data.draw(st.integers(-3, 3)) for flow in flows for column in star.columns[flow]
    }
    polyhedron = network.polyhedron(key)
    assert isinstance(polyhedron, StarAnswers)
    whole = Polyhedron(network.program(key))
    assert whole.feasible  # no flow's own claims conflict in these reports
    negated = {column: -c for column, c in objective.items()}
    assert polyhedron.minimum(objective, 5) == (
        None if (low := whole.minimum(objective)) is None else low + 5
    )
    assert polyhedron.minimum(negated) == whole.minimum(negated)


#: Lines of polygons of many vertices: whole normals, bounds scaled far out.
_rim = st.lists(
    st.tuples(st.integers(-40, 40), st.integers(-40, 40), st.integers(0, 3)),
    min_size=12,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(_rim, st.integers(0, 60), st.integers(1, 10**30), st.booleans())
@example([(1, 0, 0), (0, 1, 0), (-1, -1, 0)], 0, 1, True)
def test_a_polygon_s_edges_are_its_lines_through_a_vertex(
    rim: list[tuple[int, int, int]], digits: int, unit: int, signed: bool
) -> None:
    """``Polygon.edges``: every line through a vertex, found in floats for large polygons.

    Lines near a circle of radius ``10**digits`` (most make an edge: many
    vertices, of many digits), some pushed out: the lines kept hold every line
    through a vertex, and alone make the same polygon.
    """
    _star._load()
    radius = 10**digits
    # Tangent to a circle about (2 r, 3 r), or a little farther out.
    lines = [
        (a, b, radius * (2 * a + 3 * b) + math.isqrt(radius**2 * (a * a + b * b)) + 1)
        for a, b, _ in rim
        if a or b
    ]
    pushed = [off * radius // 7 for a, b, off in rim if a or b]
    lines = [(a, b, (c + off) * unit) for (a, b, c), off in zip(lines, pushed, strict=True)]
    polygon = _star.Polygon(lines, signed=signed, unit=unit)
    assume(not polygon.empty)
    through = [
        (a, b, c)
        for a, b, c in polygon.lines
        if any((a * x + b * y) * unit == c * polygon.scale for x, y in polygon.whole)
    ]
    assert set(through) <= set(polygon.edges) <= set(polygon.lines)
    alone = _star.Polygon(polygon.edges, signed=True, unit=unit)
    assert (sorted(alone.vertices), alone.rays) == (sorted(polygon.vertices), polygon.rays)
