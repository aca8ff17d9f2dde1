"""Pieces shown to hold with no program: a point found before that meets their own rows.

A piece of ``claims/_points.py`` takes as its witness a point of a minimum that a
piece it is inside kept (``claims/_extremes.py``), or the witness of the same
claims in the network it is cut from, where that point meets the piece's own rows
(``Network.inherits_witness``). Each such point must meet every row of the
piece's program exactly, with no value below 0 that may not be (that the check
stays the exact engine's on ``kinds`` is ``test_consistency_denominators.py``'s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tradestats.claims import _float
from tradestats.claims._network import Network
from tradestats.claims.consistency import Verdict, check
from tradestats.claims.report import Report

if TYPE_CHECKING:
    from fractions import Fraction

bench = load_script("benchmarks/bench_check.py")

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")


def _inherited(report: Any) -> list[tuple[str, bool]]:
    """Each witness a piece inherited during a check of ``report``: where from, and whether sound.

    Sound: the point meets every row of the piece's program of those claims, and
    keeps every value that may not be below 0 at 0 or more.
    """
    found: list[tuple[str, bool]] = []
    original = Network.inherits_witness

    def spied(network: Network, key: frozenset[str]) -> bool:
        answer: bool = original(network, key)
        if answer:
            point: dict[int, Fraction] = network.witnesses[key]
            program = network.program(key)
            sound = all(row.meets(point) for row in program.rows) and all(
                value >= 0 for j, value in point.items() if j not in program.free
            )
            assert network.origin is not None  # only a piece inherits
            source = network.origin[0].witnesses.get(key)
            found.append(("network" if point is source else "piece", sound))
        return answer

    with mock.patch.object(Network, "inherits_witness", spied):
        check(report)
    return found


@needs_highs
@settings(max_examples=20, deadline=None)
@given(st.integers(5, 30), st.integers(0, 2**16), st.booleans())
def test_an_inherited_witness_meets_the_pieces_rows(size: int, seed: int, error: bool) -> None:
    """Wherever a piece inherits a witness, the point meets every row of its claims there."""
    for source, sound in _inherited(bench.kinds(size, seed=seed, error=error)):
        assert (source, sound) == (source, True)


@needs_highs
def test_both_sources_of_a_witness_are_taken() -> None:
    """Pieces inherit from a piece and from their network (a test never taken shows nothing)."""
    sources = {source for source, _ in _inherited(bench.kinds(20, seed=20, error=True))}
    assert sources == {"network", "piece"}


_FLAT = """
title = "a total that cannot change"
reporter = "X"
period = "2023"
[flows.x]
flow = "exports"
[flows.m]
flow = "imports"
[flows.t]
flow = "total"
[[claims]]
id = "flat"
flow = "t"
change = "0 billion yuan"
precision = "0 yuan"
[[claims]]
id = "sum"
parts = ["x", "m"]
total = "t"
[[claims]]
id = "up"
flow = "x"
growth = "10%"
[[claims]]
id = "share"
part = "x"
total = "t"
contribution_share = "40%"
"""


@needs_highs
def test_a_witness_tells_a_total_may_change_only_where_it_does() -> None:
    """A witness of the claims (no tree: HiGHS finds one) has the total's change at 0 here.

    So it shows nothing, and the contribution share stays undefined, as the
    program of the total's change says: held as a relation, it would tie the
    part's change to 0 too, which its growth of 10% rules out.
    """
    result = check(Report.from_toml(_FLAT, name="flat.toml"))
    assert result.consistent
    found = result.checks[-1]
    assert (found.claim.id, found.verdict, found.reason) == (
        "share",
        Verdict.UNDEFINED,
        "total did not change",
    )
