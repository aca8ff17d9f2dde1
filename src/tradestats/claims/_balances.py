"""Private: the growth of a balance, which is the growth of its size and needs one sign.

"The deficit widened 7.9%" says the balance was negative in both periods and its
size grew 7.9%. Where the balance changed sign (a surplus turned deficit) its
growth is undefined, and the check says so rather than calling the figure
consistent or inconsistent. Before the check, each growth or multiplier claim
on a balance is looked at against the other claims (with every such claim left
out): if they force the balance to change sign, or its base to be zero, the
claim's verdict is undefined; otherwise its sign is the one it publishes, which
makes it a linear constraint like any other claim. A claim that publishes no sign
is true of a surplus or of a deficit, which together are no linear constraint: it
constrains nothing, and is checked against the sign the others force, if they do;
if they do not, it is not checked (its sign is never guessed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from tradestats.claims._linear import Infeasible
from tradestats.claims.report import GrowthClaim, MultiplierClaim, Report
from tradestats.flows import Flow

if TYPE_CHECKING:
    from tradestats.claims._narrowing import Span
    from tradestats.claims._network import Network

__all__ = ["Outcome", "claims_on_balances", "outcomes"]


class Outcome(NamedTuple):
    """What the other claims say of a growth claim on a balance, before the check.

    Args:
        sign: +1 or −1: the sign of the balance in both periods, if known.
        published: Whether the claim published the sign (else the others force it).
        reason: Why the growth is undefined ("sign changed", "zero base"), or ``None``.
        now: What the others allow for the balance in the claim's period.
        before: What they allow in its base period.
    """

    sign: int | None
    published: bool
    reason: str | None
    now: Span | None
    before: Span | None


def claims_on_balances(report: Report) -> list[GrowthClaim | MultiplierClaim]:
    """The growth and multiplier claims of ``report`` on balance flows."""
    return [
        claim
        for claim in report.claims
        if isinstance(claim, GrowthClaim | MultiplierClaim)
        and report.flow(claim.flow).flow is Flow.BALANCE
    ]


def outcomes(network: Network, claims: list[GrowthClaim | MultiplierClaim]) -> dict[str, Outcome]:
    """The outcome of each claim, from ``network`` (built with every one of them left out)."""
    others = [claim.id for claim in network.report.claims if claim.id not in network.left_out]
    found: dict[str, Outcome] = {}
    for claim in claims:
        published = None if claim.sign is None else claim.sign.sign
        try:
            now = network.extent(others, [((claim.flow, claim.period), 1)])
            before = network.extent(others, [((claim.flow, claim.base), 1)])
        except Infeasible:  # the others conflict: they force nothing
            found[claim.id] = Outcome(published, published is not None, None, None, None)
            continue
        if (now.low > 0 and before.high < 0) or (now.high < 0 and before.low > 0):
            found[claim.id] = Outcome(None, False, "sign changed", now, before)
        elif before.low == 0 == before.high:
            found[claim.id] = Outcome(None, False, "zero base", now, before)
        elif published is not None:
            found[claim.id] = Outcome(published, True, None, now, before)
        elif now.low > 0 or before.low > 0:
            found[claim.id] = Outcome(1, False, None, now, before)
        elif now.high < 0 or before.high < 0:
            found[claim.id] = Outcome(-1, False, None, now, before)
        else:
            found[claim.id] = Outcome(None, False, None, now, before)
    return found
