"""A change of share read off its complement's (``Network._complement_change``).

Where the claims say ``t = e + m`` in both periods, the change of the share of
``m`` in ``t`` is minus that of ``e``: the second is read off the first with no
search. Each range so read must hold the true change, as the search's own does,
so the two must meet; and both engines read it alike (the agreement tests).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tests._spies import during_check
from tradestats.claims._linear import Row
from tradestats.claims._narrowing import Span
from tradestats.claims._network import Network
from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from collections.abc import Callable


bench = load_script("benchmarks/bench_check.py")


def _read_off(report: Any) -> list[tuple[Span, Span | None]]:
    """Each range read off a complement during a check, with the search's own for it."""

    def entry(original: Callable[..., Span | None], network: Network, *args: Any) -> Any:
        found = original(network, *args)
        if found is None:
            return found, None
        return found, (found, network._searched_change(*args))

    found = during_check(report, Network, "_complement_change", entry)
    return [pair for pair in found if pair is not None]


def _meet(read: Span, searched: Span | None) -> bool:
    return searched is not None and read.low <= searched.high and searched.low <= read.high


@pytest.mark.parametrize("engine", ["auto", "exact"])
def test_a_check_of_kinds_reads_changes_of_share_off_their_complements(engine: str) -> None:
    """Each group of ``kinds`` reads the change of the share of ``m`` off that of ``e``.

    In both engines: the range depends on the search, so both must read it alike.
    """
    found: list[Span] = []
    original = Network._complement_change

    def spied(network: Network, *args: Any) -> Span | None:
        answer = original(network, *args)
        if answer is not None:
            found.append(answer)
        return answer

    with mock.patch.object(Network, "_complement_change", spied):
        check(bench.kinds(30, seed=30), _engine=engine)
    assert len(found) >= 3


@settings(max_examples=10, deadline=None)
@given(
    st.sampled_from(["kinds", "groups"]), st.integers(5, 30), st.integers(0, 2**16), st.booleans()
)
def test_a_change_read_off_its_complement_meets_the_searched_one(
    shape: str, size: int, seed: int, error: bool
) -> None:
    """Both hold the true change: the range read off and the one searched for meet."""
    report = bench.BUILDERS[shape](size, seed=seed, error=error)
    for read, searched in _read_off(report):
        assert _meet(read, searched)


def test_the_range_read_off_is_minus_the_complements() -> None:
    """The change of the share of ``m0`` is minus that of ``e0``, ends swapped."""
    report = bench.kinds(10, seed=10)
    network = Network(report)
    claims = [claim.id for claim in report.claims]
    june, may = report.claims[0].period, report.claims[0].period.previous()
    first = network.share_change(claims, (("e0", june), ("t0", june)), (("e0", may), ("t0", may)))
    second = network.share_change(claims, (("m0", june), ("t0", june)), (("m0", may), ("t0", may)))
    assert first is not None
    assert second is not None
    assert (second.low, second.high) == (-first.high, -first.low)


def test_a_piece_reads_no_change_its_network_found() -> None:
    """A piece has rows its network lacks: the network's changes of share are not the piece's."""
    report = bench.kinds(10, seed=10)
    network = Network(report)
    claims = frozenset(claim.id for claim in report.claims)
    june, may = report.claims[0].period, report.claims[0].period.previous()
    total = ("t0", june)
    found = network.share_change(claims, (("e0", june), total), (("e0", may), ("t0", may)))
    share = network.ratio(claims, [(("e0", june), 1)], [(total, 1)])
    assert found is not None
    assert share is not None
    # The piece holds the share of e0 in June below the middle of its range.
    middle = Fraction((share.low + share.high) / 2)
    index = network._index
    row = Row({index[("e0", june)]: Fraction(1), index[total]: -middle}, "<=", 0)
    piece = network.with_rows({"e0-share-change": [row]})
    asked = (claims, (("m0", june), total), (("m0", may), ("t0", may)))
    assert piece.share_change(*asked) == piece._searched_change(*asked)
    assert piece.share_change(*asked) != Span(-found.high, -found.low)
