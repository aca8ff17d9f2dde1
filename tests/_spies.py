"""Each call of one method during a check, recorded as the test says."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar
from unittest import mock

from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from collections.abc import Callable

    from tradestats.claims.report import Report

Entry = TypeVar("Entry")


def during_check(
    report: Report,
    owner: type,
    name: str,
    entry: Callable[..., tuple[Any, Entry]],
) -> list[Entry]:
    """What ``entry`` records of each call of ``owner.name`` during ``check(report)``.

    ``entry(original, *args)`` makes the call itself (so it may look before and
    after) and returns the answer the check gets, and what to record.
    """
    found: list[Entry] = []
    original = getattr(owner, name)

    def spied(*args: Any) -> Any:
        answer, recorded = entry(original, *args)
        found.append(recorded)
        return answer

    with mock.patch.object(owner, name, spied):
        check(report)
    return found
