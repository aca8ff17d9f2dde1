"""Private: the sets of claims shown to hold, and whether a set lies inside one of them.

Fewer claims allow more values, so a set inside one that holds holds too, with no
program (:meth:`._network.Network.known_to_hold`). A conflict search asks that of
each trial against every set shown so far: at 1,000 claims, a thousand trials of
a thousand claims each against up to a thousand sets, 1.6 CPU s as walks over
sets. As bit masks over the claims' numbers each test is two operations on whole
numbers.

>>> held = Held()
>>> held.add(frozenset({"a", "b", "c"}))
>>> held.covers(frozenset({"a", "c"})), held.covers(frozenset({"a", "d"}))
(True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Held"]

#: Sets of this many claims or fewer are made anew: their bits cost less than a difference.
_FEW = 16


class Held:
    """Sets of claims (by id) shown to hold; each claim numbered when first seen."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        #: Each set's claims left out, as the complement of its mask: ``mask & ~held``
        #: is the claims of ``mask`` that ``held`` lacks.
        self._outside: list[int] = []
        self._last: tuple[frozenset[str], int] | None = None

    def add(self, claim_ids: frozenset[str]) -> None:
        """Remember that ``claim_ids`` hold."""
        self._outside.append(~self._mask(claim_ids))

    def covers(self, claim_ids: frozenset[str]) -> bool:
        """Whether ``claim_ids`` lie inside some set remembered: they hold too."""
        if not self._outside:
            return False
        mask = self._mask(claim_ids)
        return any(not mask & outside for outside in self._outside)

    def _mask(self, claim_ids: frozenset[str]) -> int:
        # The set asked about is often remembered next (a trial that holds).
        if self._last is not None and self._last[0] is claim_ids:
            return self._last[1]
        if self._last is not None and len(self._last[0]) > _FEW:
            # The checks ask sets of all claims but one in turn: the bits of the two or
            # so claims the last set differs in flip, not a thousand set anew.
            changed = claim_ids ^ self._last[0]
            if len(changed) < len(claim_ids) // 2:
                mask = self._last[1] ^ _bits(self._number(claim_id) for claim_id in changed)
                self._last = (claim_ids, mask)
                return mask
        mask = _bits(self._number(claim_id) for claim_id in claim_ids)
        self._last = (claim_ids, mask)
        return mask

    def _number(self, claim_id: str) -> int:
        found = self._numbers.get(claim_id)
        if found is None:
            found = self._numbers[claim_id] = len(self._numbers)
        return found


def _bits(numbers: Iterable[int]) -> int:
    """The whole number with the bits ``numbers`` set, by bytes (no long shift per bit)."""
    found = bytearray()
    for number in numbers:
        byte = number >> 3
        if byte >= len(found):
            found.extend(bytes(byte + 1 - len(found)))
        found[byte] |= 1 << (number & 7)
    return int.from_bytes(found, "little")
