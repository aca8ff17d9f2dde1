"""The claims linked to a claim's figure, found with no copy of every claim of the report.

``Network._linked`` searches from the claim's values through every claim passed
(the claim among them) and leaves the claim out afterwards: the claim ties only
values the search starts from, so that is the search without it, which used to
copy the report's claims once per claim checked.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tradestats.claims._network import Network

bench = load_script("benchmarks/bench_check.py")


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["kinds", "groups", "partners", "years"]),
    st.integers(5, 40),
    st.integers(0, 2**16),
)
def test_linked_is_the_search_without_the_claim(shape: str, size: int, seed: int) -> None:
    """For every claim, the claims linked to it are those the search finds without it."""
    report = bench.BUILDERS[shape](size, seed=seed)
    network = Network(report)
    every = frozenset(claim.id for claim in report.claims)
    found = [network._linked(claim, every) for claim in report.claims]
    expected = [
        network._around(network._variables[claim.id], set(every - {claim.id}))
        for claim in report.claims
    ]
    assert expected == found
