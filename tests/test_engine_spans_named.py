"""Propagation over the values some claims name, kept for the last set of claims asked.

``Network.spans_named`` answers the same set of claims again (a denominator's sign
for each base of one set, in a row) from the last answer. Each answer given during
a check must be what propagation under those claims gives afresh, in the network
(or piece, whose constraints differ) that was asked.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tests._spies import during_check
from tradestats.claims import _network
from tradestats.claims._narrowing import NoValueLeft, named, propagate

bench = load_script("benchmarks/bench_check.py")


def _fresh(network: _network.Network, claims: frozenset[str]) -> Any:
    """Propagation under ``claims`` over the values they name, with nothing kept."""
    constraints = network._constraints_of(claims)
    try:
        return propagate(named(network.domains, constraints), constraints)
    except NoValueLeft:
        return None


def _answers(report: Any) -> list[tuple[bool, bool]]:
    """For each ``spans_named`` during a check: (answered from the last, same as afresh)."""

    def entry(
        original: Any, network: _network.Network, claims: frozenset[str]
    ) -> tuple[Any, tuple[bool, bool]]:
        kept = network._named is not None and network._named[0] == claims
        answer = original(network, claims)
        return answer, (kept, answer == _fresh(network, claims))

    return during_check(report, _network.Network, "spans_named", entry)


@settings(max_examples=15, deadline=None)
@given(st.integers(5, 20), st.integers(0, 2**16), st.booleans())
def test_a_kept_answer_is_propagation_afresh(size: int, seed: int, error: bool) -> None:
    """Every answer, kept or not, is propagation's under the claims in the network asked."""
    found = _answers(bench.kinds(size, seed=seed, error=error))
    assert [True] * len(found) == [same for _, same in found]


def test_answers_are_kept() -> None:
    """The kept answer is used on ``kinds`` (a test of it that never ran would show nothing)."""
    assert any(kept for kept, _ in _answers(bench.kinds(20, seed=20, error=True)))
