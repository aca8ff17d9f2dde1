"""What a reader of a check sees, for tests that hold two engines to the same answers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tradestats.claims.consistency import CheckResult


def outcome(result: CheckResult) -> dict[str, Any]:
    """Verdicts, printed ranges, conflicts and implied figures of a check."""
    return {
        "checks": [
            (c.claim.id, c.period, c.verdict, str(c.published), str(c.implied), c.summary)
            for c in result.checks
        ],
        "conflicts": [conflict.claims for conflict in result.conflicts],
        "implied": [(figure.key, figure.range.format()) for figure in result.implied],
    }
