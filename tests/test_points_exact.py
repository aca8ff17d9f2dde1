"""A figure's search over pieces answers small components by the exact simplex.

``Network.exact_for``: while ``_points.implied`` searches the pieces of a figure
(``Network._exact_with_points``), the programs of components of at most
``_SMALL`` columns are the exact simplex's, grown from the polyhedra solved
before, rather than HiGHS's with an exact certificate. Both are exact, so every
answer of the search must be the one HiGHS gives, and the whole check's outcome
the exact reference engine's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests._outcomes import outcome
from tests._scripts import load_script
from tests._searches import Search, searches
from tests._spies import during_check
from tradestats.claims import _certified, _float, _network
from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from tradestats.claims.report import Report

bench = load_script("benchmarks/bench_check.py")

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")


def _compared(report: Report) -> list[Search]:
    """Each search of a check, answered again with HiGHS throughout."""
    return searches(report, lambda: mock.patch.object(_network, "_SMALL", 0))


@needs_highs
@settings(max_examples=12, deadline=None)
@given(st.integers(5, 30), st.integers(0, 2**16), st.booleans())
@example(100, 100, True)
def test_the_search_answers_as_with_highs(size: int, seed: int, error: bool) -> None:
    """On ``kinds`` reports, every search answers what it answers with HiGHS throughout."""
    found = _compared(bench.kinds(size, seed=seed, error=error))
    assert [search.other for search in found] == [search.answer for search in found]


@needs_highs
@settings(max_examples=8, deadline=None)
@given(st.integers(5, 30), st.integers(0, 2**16))
def test_the_check_is_the_exact_engines(size: int, seed: int) -> None:
    """On ``kinds`` reports with an error, the check's outcome is the exact engine's."""
    report = bench.kinds(size, seed=seed, error=True)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
def test_the_exact_simplex_answers_in_the_search() -> None:
    """The search of the error's group does ask the exact simplex (else the tests show nothing)."""
    asked: list[bool] = []
    original = _certified.Certified._minimum

    def spied(polyhedron: Any, objective: Any, asked_for: Any) -> Any:
        asked.append(polyhedron.small)
        return original(polyhedron, objective, asked_for)

    with mock.patch.object(_certified.Certified, "_minimum", spied):
        check(bench.kinds(100, seed=100, error=True))
    assert any(asked)
    assert not all(asked)


@needs_highs
def test_a_small_polyhedron_in_the_search_builds_no_highs_model() -> None:
    """HiGHS's model of a component is built only where HiGHS answers it, not in a search's pieces.

    The exact simplex answers those; their columns come from ``Network.columns``.
    """
    report = bench.kinds(100, seed=100, error=True)

    def entry(original: Any, network: _network.Network, component: int) -> tuple[Any, bool]:
        return original(network, component), network.exact_for(component)

    built = during_check(report, _network.Network, "model", entry)
    assert built
    assert not any(built)


@needs_highs
@settings(max_examples=8, deadline=None)
@given(st.integers(5, 30), st.integers(0, 2**16), st.booleans())
def test_a_components_columns_are_the_variables_its_rows_name(
    size: int, seed: int, error: bool
) -> None:
    """``Network.columns``: a column per variable the component's rows name, in their order.

    And HiGHS's model, where one is built, has those columns.
    """
    report = bench.kinds(size, seed=seed, error=error)

    def entry(
        original: Any, network: _network.Network, component: int
    ) -> tuple[Any, tuple[list[int], list[int], int]]:
        found = original(network, component)
        named = {j for _, row in network._component_rows(component) for j in row.coefficients}
        columns = network.columns(component)
        numbered = sorted(columns, key=columns.__getitem__)
        return found, (numbered, sorted(named), found[0].size)

    seen = during_check(report, _network.Network, "model", entry)
    assert seen
    for numbered, named, width in seen:
        assert named == numbered
        assert len(named) == width
