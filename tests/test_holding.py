"""The sets of claims shown to hold, as bit masks (``claims/_holding.py``).

Against the plain test it replaces: a set lies inside one remembered exactly
where it is a subset of one, whatever the order the claims were first seen in.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from tradestats.claims._holding import Held

#: Claim ids from a few, so that sets overlap, to many (masks past one byte, and far).
_IDS = st.sampled_from([f"c{number}" for number in [*range(12), 63, 64, 300, 1000]])


@given(
    st.lists(st.frozensets(_IDS), max_size=8),
    st.lists(st.frozensets(_IDS), min_size=1, max_size=8),
)
@example([frozenset({"c1", "c2"})], [frozenset({"c1"}), frozenset({"c3"}), frozenset()])
@example([frozenset({"c1000"})], [frozenset({"c1000"}), frozenset({"c300"})])
# Seven claims numbered 0 to 6, then an eighth: the last bit of the first byte.
@example([frozenset(f"c{number}" for number in range(7))], [frozenset({"c7"})])
def test_a_set_is_covered_where_it_lies_inside_one_held(
    held: list[frozenset[str]], asked: list[frozenset[str]]
) -> None:
    """``covers`` is ``any(key <= known)``, asked before, between and after the sets are added."""
    found = Held()
    known: list[frozenset[str]] = []
    for key in [*held, None]:
        for question in asked:
            assert any(question <= other for other in known) == found.covers(question)
        if key is not None:
            found.add(key)
            known.append(key)


#: Many claims, so that sets of all but a few are past the few made anew.
_MANY = [f"c{number}" for number in range(40)]


@given(
    st.lists(st.frozensets(st.sampled_from(_MANY[:8]), max_size=3), max_size=4),
    st.lists(
        st.tuples(st.frozensets(st.sampled_from(_MANY[:8]), max_size=3), st.booleans()),
        min_size=1,
        max_size=12,
    ),
)
@example([frozenset({"c0"})], [(frozenset({"c1"}), True), (frozenset({"c0"}), True)])
def test_a_set_that_differs_from_the_last_by_a_few_claims_is_covered_as_a_subset(
    outside: list[frozenset[str]], changes: list[tuple[frozenset[str], bool]]
) -> None:
    """Sets of all claims but a few, or with a few added back, asked in turn (as the checks do).

    Their masks are the last one's with the few claims' bits flipped: ``covers`` is
    still ``any(key <= known)``.
    """
    held = [frozenset(_MANY) - few for few in outside]
    found = Held()
    for key in held:
        found.add(key)
    question = frozenset(_MANY)
    for few, dropped in changes:
        question = question - few if dropped else question | few
        assert any(question <= other for other in held) == found.covers(question)
