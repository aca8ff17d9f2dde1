"""Private: which claims tie which values, directly or through others (for the network).

Leaving out the claims not tied to the values a question asks about keeps its
program small. The search runs over small integers rather than ``(flow, period)``
keys, whose hashing dominated it; a network and its pieces share one.

A *hub* is a claim that names every value the claims of its component name (a
sum of a total and its parts, in the periods of the claims on each). Where the
hub is among the claims allowed, a search from one of its values reaches the
whole component: the answer is known without one (a search costs a pass over
the component, and a check of a sum of 500 parts asks thousands).

>>> ties = Ties.of({"sum": "abcdefgh", "a": "a", "b": "b", "ab": "ab", "z": "z"}, {})
>>> sorted(ties.around("a", {"sum", "a", "b", "z"}))
['a', 'b', 'sum']
>>> sorted(ties.around("a", {"a", "b", "ab"}))
['a', 'ab', 'b']
>>> sorted(ties.around("z", {"sum", "z"}))
['z']
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Hashable
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Collection, Container, Iterable, Mapping, MutableMapping
    from collections.abc import Set as AbstractSet

__all__ = ["Reached", "Ties"]

#: A claim naming fewer values is not looked at as a hub: its component is small.
_FEWEST_HUB_VALUES: Final = 8


class _Hub(NamedTuple):
    """A claim that names every value of its component, and the component's claims."""

    claim: str
    members: frozenset[str]
    values: frozenset[int]


class Reached:
    """The values a search reached, and those it set out from, asked by name.

    No set of names is built: a hub's reach is its whole component, thousands
    of ``(flow, period)`` keys whose hashing cost more than the search saved.
    """

    def __init__(
        self, number: Mapping[Hashable, int], numbers: AbstractSet[int], starts: Iterable[Hashable]
    ) -> None:
        self._number, self._numbers, self._starts = number, numbers, frozenset(starts)

    def __contains__(self, name: object) -> bool:
        """Whether ``name`` was reached (a value no claim names reaches only itself)."""
        if name in self._starts:
            return True
        n = self._number.get(name) if isinstance(name, Hashable) else None
        return n is not None and n in self._numbers


class Ties:
    """The values claims (and balance relations) tie, by number: for ``Network._around``."""

    def __init__(
        self,
        number: dict[Hashable, int],
        variables: MutableMapping[str, tuple[int, ...]],
        claims: list[list[str]],
        related: list[tuple[int, ...]],
        hubs: Mapping[int, _Hub] | None = None,
    ) -> None:
        self.number, self.variables, self.claims, self.related = number, variables, claims, related
        self.names = list(number)
        #: The hub of each value a hub names.
        self.hubs: Mapping[int, _Hub] = hubs if hubs is not None else _hubs(self)

    @classmethod
    def of(
        cls,
        variables: Mapping[str, Iterable[Hashable]],
        related: Mapping[Hashable, Iterable[Hashable]],
    ) -> Ties:
        """The ties of claims' ``variables`` and of ``related`` values."""
        number: dict[Hashable, int] = {}
        for names in (*variables.values(), related, *related.values()):
            for name in names:
                number.setdefault(name, len(number))
        claims: list[list[str]] = [[] for _ in number]
        own = {
            claim_id: tuple(number[name] for name in names) for claim_id, names in variables.items()
        }
        for claim_id, numbers in own.items():
            for n in numbers:
                claims[n].append(claim_id)
        tied: list[tuple[int, ...]] = [() for _ in number]
        for name, others in related.items():
            tied[number[name]] = tuple(number[other] for other in others)
        return cls(number, own, claims, tied)

    def narrowed(self, variables: Mapping[str, Iterable[Hashable]]) -> Ties:
        """These ties, with each claim of ``variables`` tying only those of its values.

        For a piece, whose claims in points hold rows that may name fewer values.
        The search reaches a claim from any of its values as before and goes on only
        to those: a tie the piece no longer makes is seldom followed, and none is
        invented. A claim named with a value it did not tie keeps its old ties.
        (No hubs: a hub may tie fewer values there.)
        """
        own: dict[str, tuple[int, ...]] = {}
        for claim_id, names in variables.items():
            numbers = tuple(self.number.get(name, -1) for name in names)
            if all(n >= 0 and claim_id in self.claims[n] for n in numbers):
                own[claim_id] = numbers
        return Ties(self.number, ChainMap(own, self.variables), self.claims, self.related, {})

    def around(self, variables: Iterable[Hashable], allowed: Container[str]) -> frozenset[str]:
        """The claims of ``allowed`` tied to ``variables``, directly or through others."""
        return self._search(variables, allowed)[0]

    def reach(
        self, variables: Iterable[Hashable], allowed: Container[str]
    ) -> tuple[frozenset[str], Reached]:
        """:meth:`around`, and the values those claims and relations reach (and ``variables``)."""
        variables = list(variables)
        linked, reached = self._search(variables, allowed)
        numbers = reached if isinstance(reached, frozenset) else frozenset(reached)
        return linked, Reached(self.number, numbers, variables)

    def _search(
        self, variables: Iterable[Hashable], allowed: Container[str]
    ) -> tuple[frozenset[str], Collection[int]]:
        """The claims of ``allowed`` tied to ``variables``, and the values reached (by number)."""
        starts = [n for n in (self.number.get(name) for name in variables) if n is not None]
        hub = self._hub(starts, allowed)
        if hub is not None:
            if isinstance(allowed, set | frozenset):
                return hub.members & allowed, hub.values
            return frozenset(c for c in hub.members if c in allowed), hub.values
        reached = bytearray(len(self.number))
        queue, found = [], []
        for n in starts:
            # A value no claim and no relation names ties nothing.
            if not reached[n]:
                reached[n] = 1
                queue.append(n)
                found.append(n)
        linked: set[str] = set()
        while queue:
            n = queue.pop()
            for tied in self.related[n]:
                if not reached[tied]:
                    reached[tied] = 1
                    queue.append(tied)
                    found.append(tied)
            for other in self.claims[n]:
                if other in allowed and other not in linked:
                    linked.add(other)
                    for value in self.variables[other]:
                        if not reached[value]:
                            reached[value] = 1
                            queue.append(value)
                            found.append(value)
        return frozenset(linked), found

    def _hub(self, starts: list[int], allowed: Container[str]) -> _Hub | None:
        """The hub every one of ``starts`` is a value of, if it is allowed: the search's answer."""
        if not starts or not self.hubs:
            return None
        hub = self.hubs.get(starts[0])
        if hub is None or hub.claim not in allowed:
            return None
        return hub if all(self.hubs.get(n) is hub for n in starts) else None


def _hubs(ties: Ties) -> dict[int, _Hub]:
    """The hubs of ``ties``, by each value they name.

    A claim is one where every claim naming one of its values names none but its
    values, and no balance relation ties them: its component is then that claim
    and those, and a search from any of its values reaches all of them.
    """
    found: dict[int, _Hub] = {}
    for claim_id, numbers in ties.variables.items():
        own = set(numbers)
        if len(own) < _FEWEST_HUB_VALUES or any(n in found or ties.related[n] for n in own):
            continue
        members = {other for n in own for other in ties.claims[n]}
        if all(own.issuperset(ties.variables[other]) for other in members):
            hub = _Hub(claim_id, frozenset(members), frozenset(own))
            found.update(dict.fromkeys(own, hub))
    return found
