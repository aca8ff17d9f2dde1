"""Propagation for a set of claims over the values they name, not every value of the report.

``Network.solve`` once propagated the span of every value of the report for each set
of claims it was asked, and kept it: each group's cost grew with the report. It now
keeps the values the claims name; any other keeps its domain. Read with that
domain, every answer must be what propagation over every value gives.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tests._spies import during_check
from tradestats.claims import _network
from tradestats.claims._narrowing import NoValueLeft, propagate

bench = load_script("benchmarks/bench_check.py")


def _everywhere(network: _network.Network, claims: frozenset[str]) -> Any:
    """Propagation under ``claims`` over every value of the report, as it was done before."""
    try:
        return propagate(network.domains, network._constraints_of(claims))
    except NoValueLeft:
        return None


def _answers(report: Any) -> list[tuple[Any, Any, int]]:
    """Each ``solve`` of a check: its answer read with the domains, the old one, its size."""

    def entry(
        original: Any, network: _network.Network, claim_ids: Any
    ) -> tuple[Any, tuple[Any, Any, int]]:
        claims = frozenset(claim_ids)
        answer = original(network, claims)
        read = None if answer is None else {**network.domains, **answer}
        return answer, (read, _everywhere(network, claims), len(answer or {}))

    return during_check(report, _network.Network, "solve", entry)


@settings(max_examples=15, deadline=None)
@given(st.integers(5, 40), st.integers(0, 2**16), st.booleans())
def test_solve_is_propagation_over_every_value(size: int, seed: int, error: bool) -> None:
    """Every answer, read with the domains of the values it leaves out, is the old one."""
    found = _answers(bench.kinds(size, seed=seed, error=error))
    assert [old for _, old, _ in found] == [read for read, _, _ in found]


def test_solve_keeps_only_the_values_named() -> None:
    """A group's answer has its own values only, not the report's (the point of the change)."""
    report = bench.kinds(40, seed=40)
    found = _answers(report)
    network = _network.Network(report)
    assert found
    assert all(size < len(network.domains) for _, _, size in found)
