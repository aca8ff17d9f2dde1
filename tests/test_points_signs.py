"""A contribution share's box of a sign the other claims rule out, dropped with no program.

``_points._Search.narrow`` drops a box whose total's change has the sign that
propagation over the other claims excludes, without building its outer piece.
That piece must be empty: each box dropped so is built here the old way and
asked whether it holds (exactly). Every figure is then the one the search found
before (that the check stays the exact engine's on ``kinds`` is
``test_consistency_denominators.py``'s).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tests._spies import during_check
from tradestats.claims import _points

bench = load_script("benchmarks/bench_check.py")


def _dropped(report: Any) -> list[bool]:
    """For each box dropped by its sign during a check of ``report``: whether its piece holds."""

    def entry(original: Any, search: _points._Search, box: _points.Box) -> tuple[bool, Any]:
        dropped: bool = original(search, box)
        return dropped, search.piece(box).holds(search.key) if dropped else None

    found = during_check(report, _points._Search, "_signless", entry)
    return [holds for holds in found if holds is not None]


@settings(max_examples=15, deadline=None)
@given(st.integers(5, 20), st.integers(0, 2**16), st.booleans())
def test_a_box_dropped_by_its_sign_holds_nothing(size: int, seed: int, error: bool) -> None:
    """The outer piece of every box dropped by propagation's sign is empty."""
    assert [False] * len(found := _dropped(bench.kinds(size, seed=seed, error=error))) == found


def test_boxes_are_dropped_by_their_sign() -> None:
    """The shortcut is taken on ``kinds`` (a test of it that never ran would show nothing)."""
    assert _dropped(bench.kinds(20, seed=20, error=True))
