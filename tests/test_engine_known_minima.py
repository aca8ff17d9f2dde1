"""Minima answered with no program: inherited from a larger piece, or propagation's bound reached.

A piece of ``claims/_points.py`` narrowed from another takes the other's certified
minimum where the point that reached it meets its own rows (``claims/_extremes.py``);
a set of claims whose propagation was done takes propagation's bound where a vertex
found before reaches it. Each answer must be the exact simplex's, over the same
program (that the check stays the exact engine's on ``kinds`` is
``test_consistency_denominators.py``'s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tradestats.claims import _float
from tradestats.claims._certified import Certified, Lifted
from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from fractions import Fraction

bench = load_script("benchmarks/bench_check.py")

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")

Asked = tuple[tuple[int, "Fraction"], ...]


def _known(report: Any) -> list[tuple[str, Fraction, Fraction | None]]:
    """Each minimum a shortcut gave during a check of ``report``, with the exact simplex's."""
    found: list[tuple[str, Fraction, Fraction | None]] = []
    shortcuts = [
        (Certified, "_inherited", "inherited"),
        (Certified, "_propagated", "propagated"),
        (Lifted, "_inherited", "inherited ratio"),
    ]
    patches = []
    for owner, name, label in shortcuts:
        original = getattr(owner, name)

        def spied(
            polyhedron: Any, asked: Asked, *, _original: Any = original, _label: str = label
        ) -> Fraction | None:
            answer: Fraction | None = _original(polyhedron, asked)
            if answer is not None:
                objective = dict(asked)
                exact = (
                    polyhedron.exact
                    if isinstance(polyhedron, Certified)
                    else polyhedron._fallback()
                )
                found.append((_label, answer, exact.minimum(objective)))
            return answer

        patches.append(mock.patch.object(owner, name, spied))
    with patches[0], patches[1], patches[2]:
        check(report)
    return found


@needs_highs
@settings(max_examples=20, deadline=None)
@given(st.integers(5, 20), st.integers(0, 2**16), st.booleans())
def test_a_known_minimum_is_the_exact_simplex_minimum(size: int, seed: int, error: bool) -> None:
    """Wherever a shortcut answers, the exact simplex over the same program agrees."""
    for label, answer, exact in _known(bench.kinds(size, seed=seed, error=error)):
        assert (label, exact) == (label, answer)


@needs_highs
def test_each_shortcut_answers_some_minima() -> None:
    """Each shortcut is taken on ``kinds`` (a test of them that never ran would show nothing)."""
    labels = {label for label, _, _ in _known(bench.kinds(20, seed=20, error=True))}
    assert labels == {"inherited", "propagated", "inherited ratio"}
