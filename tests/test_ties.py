"""Which claims tie which values (``claims/_ties.py``): a hub's shortcut against the search.

Where a claim names every value of its component (a sum of a total and its
parts), a question from one of its values is answered without a search; on
random claims, with and without a hub and with balance relations, the answer
must be the search's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from tradestats.claims._ties import Ties

if TYPE_CHECKING:
    from collections.abc import Hashable

VALUES = [f"v{n}" for n in range(14)]


@st.composite
def claim_sets(draw: st.DrawFn) -> tuple[dict[str, list[Hashable]], dict[Hashable, set[Hashable]]]:
    """Claims naming values (often a hub naming many), and balance relations (seldom)."""
    claims: dict[str, list[Hashable]] = {}
    if draw(st.booleans()):
        claims["hub"] = draw(st.lists(st.sampled_from(VALUES), min_size=8, unique=True))
    for number in range(draw(st.integers(0, 12))):
        size = draw(st.integers(1, 3))
        claims[f"c{number}"] = draw(st.lists(st.sampled_from(VALUES), min_size=size, max_size=size))
    related: dict[Hashable, set[Hashable]] = {}
    if draw(st.integers(0, 4)) == 0:
        tied: set[Hashable] = set(draw(st.lists(st.sampled_from(VALUES), min_size=2, max_size=3)))
        related = dict.fromkeys(tied, tied)
    return claims, related


@settings(max_examples=40, deadline=None)
@given(claim_sets(), st.data())
def test_a_hub_ties_what_the_search_ties(
    found: tuple[dict[str, list[Hashable]], dict[Hashable, set[Hashable]]], data: st.DataObject
) -> None:
    """Every question gets the search's claims and values, hub or not."""
    claims, related = found
    ties = Ties.of(claims, related)
    searched = Ties(ties.number, ties.variables, ties.claims, ties.related, {})
    starts = data.draw(st.lists(st.sampled_from([*VALUES, "unnamed"]), min_size=1, max_size=3))
    allowed = data.draw(st.sets(st.sampled_from(sorted(claims)))) if claims else set()
    linked, reached = ties.reach(starts, allowed)
    expected_linked, expected_reached = searched.reach(starts, allowed)
    assert expected_linked == linked
    names = [*VALUES, "unnamed"]
    assert [name in expected_reached for name in names] == [name in reached for name in names]
    assert searched.around(starts, frozenset(allowed)) == ties.around(starts, frozenset(allowed))


def test_a_sum_of_parts_is_a_hub() -> None:
    """A sum names every value of its parts' claims: the shortcut serves every value of it."""
    claims: dict[str, list[Hashable]] = {"sum": [*VALUES[:10]]}
    claims.update({f"c{n}": [VALUES[n]] for n in range(10)})
    ties = Ties.of(claims, {})
    assert {ties.number[value] for value in VALUES[:10]} == set(ties.hubs)
    assert {"sum"} == {hub.claim for hub in ties.hubs.values()}
