"""A ratio's denominator shown above 0 by propagation, not by a linear program.

``Network._ratio`` reads only the sign of the denominator's minimum; where the
whole network's propagation keeps that value above 0 under the same claims, the
program is skipped. The shortcut must agree with the program wherever it
answers, and the check must stay the exact engine's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests._outcomes import outcome
from tests._scripts import load_script
from tradestats.claims import _float
from tradestats.claims._certified import Certified
from tradestats.claims._network import Network
from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from fractions import Fraction

bench = load_script("benchmarks/bench_check.py")

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")


def _asked(report: Any) -> list[tuple[bool, Fraction | None]]:
    """Each shortcut's answer during a check of ``report``, with the program's minimum."""
    found: list[tuple[bool, Fraction | None]] = []
    shortcut = Network._propagated_positive

    def spied(
        network: Network,
        claims: frozenset[str],
        polyhedron: Any,
        denominator: dict[int, Fraction],
    ) -> bool:
        answer = shortcut(network, claims, polyhedron, denominator)
        if isinstance(polyhedron, Certified) and polyhedron.feasible:
            found.append((answer, polyhedron.minimum(denominator)))
        return answer

    with mock.patch.object(Network, "_propagated_positive", spied):
        check(report)
    return found


@needs_highs
@settings(max_examples=20, deadline=None)
@given(st.integers(5, 20), st.integers(0, 2**16), st.booleans())
def test_a_denominator_propagation_keeps_above_0_has_a_minimum_above_0(
    size: int, seed: int, error: bool
) -> None:
    """Wherever the shortcut says "above 0", the exact minimum is above 0."""
    for answer, lowest in _asked(bench.kinds(size, seed=seed, error=error)):
        if answer:
            assert lowest is not None
            assert lowest > 0


@needs_highs
def test_the_shortcut_answers_for_some_denominators_and_not_others() -> None:
    """It skips most programs of ``kinds`` and leaves a base that may be 0 to the program.

    With an error, the claims left after the conflict leave some bases free to be 0:
    the shortcut must not claim those (a shortcut that always says "above 0" fails).
    """
    asked = _asked(bench.kinds(12, seed=0, error=True))
    assert any(answer for answer, _ in asked)
    assert any(not answer and (lowest is None or lowest <= 0) for answer, lowest in asked)


@needs_highs
@settings(max_examples=20, deadline=None)
@given(st.integers(5, 20), st.integers(0, 2**16), st.booleans())
def test_kinds_check_as_the_exact_engine_does(size: int, seed: int, error: bool) -> None:
    """Verdicts, printed ranges, conflicts and implied figures: the exact engine's."""
    report = bench.kinds(size, seed=seed, error=error)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))
