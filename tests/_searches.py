"""Each figure's search over pieces in a check, answered again another way, for comparison."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from tests._spies import during_check
from tradestats.claims import _network

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

    def entry(
        original: Any, network: _network.Network, claim: Any, linked: Any, read: Any
    ) -> tuple[Any, Search]:
        said = before(network, claim, linked)
        answer = original(network, claim, linked, read)
        with other_way():
            other = original(network, claim, linked, read)
        return answer, Search(claim.id, said, _shown(answer), _shown(other))

    return during_check(report, _network.Network, "_exact_with_points", entry)


def _shown(refined: Any) -> Any:
    return None if refined is None else (refined.figures, refined.spans)
