"""Each figure's search over pieces in a check, answered again another way, for comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple
from unittest import mock

from tradestats.claims import _network
from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager

    from tradestats.claims.report import Report


class Search(NamedTuple):
    """One search: its claim, what ``before`` said, its answer and the other way's."""

    claim: str
    before: Any
    answer: Any
    other: Any


def searches(
    report: Report,
    other_way: Callable[[], AbstractContextManager[Any]],
    before: Callable[[_network.Network, Any, Any], Any] = lambda *_: None,
) -> list[Search]:
    """The searches (``Network._exact_with_points``) of a check of ``report``.

    Each is answered as the check answers it, then again inside ``other_way()``;
    ``before(network, claim, linked)`` is asked first (the set of linked claims
    may change after). Answers are their figures and spans, or ``None``.
    """
    found: list[Search] = []
    original = _network.Network._exact_with_points

    def spied(network: _network.Network, claim: Any, linked: Any, read: Any) -> Any:
        said = before(network, claim, linked)
        answer = original(network, claim, linked, read)
        with other_way():
            other = original(network, claim, linked, read)
        found.append(Search(claim.id, said, _shown(answer), _shown(other)))
        return answer

    with mock.patch.object(_network.Network, "_exact_with_points", spied):
        check(report)
    return found


def _shown(refined: Any) -> Any:
    return None if refined is None else (refined.figures, refined.spans)
