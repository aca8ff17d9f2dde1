"""Claims across a change of a partner group's members: not comparable, and why.

"Exports to the EU grew 3%" from 2019 to 2020 compares 28 partners with 27. Under
the rule "as of each period" (the default for a group partner), a claim that
measures one period against another (growth, multiplier, change, share change,
contribution, …) over a group whose members changed between the two is not a
relation between the same quantities: :func:`check` gives it
:attr:`~tradestats.Verdict.NOT_COMPARABLE` with the reason "definition changed:
the United Kingdom left the EU on 2020-02-01", and leaves it out of the
relations among the other claims. A fixed composition (``membership = "fixed:
EU27_2020"``) compares like with like, and is checked as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from tradestats.claims._claims import ReportFlow, _OnABase
from tradestats.groups import membership_changed

if TYPE_CHECKING:
    from tradestats.claims._claims import Claim

__all__ = ["DEFINITION_CHANGED", "not_comparable"]

#: The start of the reason of a claim across a change of a group's members.
DEFINITION_CHANGED: Final = "definition changed"

#: The fields of a claim that name flows.
_FLOW_FIELDS: Final = ("flow", "than", "part", "whole", "total")


def _flows_of(claim: Claim) -> list[str]:
    ids = [getattr(claim, name) for name in _FLOW_FIELDS if hasattr(claim, name)]
    return [flow_id for flow_id in ids if isinstance(flow_id, str)]


def not_comparable(claims: tuple[Claim, ...], flows: dict[str, ReportFlow]) -> dict[str, str]:
    """The reason of each claim whose two periods see different members of a group partner.

    Args:
        claims: A report's claims.
        flows: Its flows, by id.

    Returns:
        Claim id → ``"definition changed: <who joined or left, and when>"``, for
        the claims measured against a base over a group partner whose members
        (under the flow's rule) differ between the base and the period.
    """
    found: dict[str, str] = {}
    for claim in claims:
        if not isinstance(claim, _OnABase):
            continue
        for flow_id in _flows_of(claim):
            flow = flows[flow_id]
            group, rule = flow.group, flow.rule
            if group is None or rule is None:
                continue
            change = membership_changed(group, claim.base, claim.period, rule)
            if change:
                found[claim.id] = f"{DEFINITION_CHANGED}: {change.describe()}"
                break
    return found
