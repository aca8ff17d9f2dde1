"""How tight the check's ranges are: exact linear programs against the dependency problem."""

from __future__ import annotations

import itertools
from decimal import Decimal, localcontext
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tradestats.claims.consistency import DEFAULT_BUDGET, Verdict, check
from tradestats.claims.files import load_report
from tradestats.claims.report import Report
from tradestats.errors import InvalidValueError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinjiang_2023.toml"
OTHERS_GROWTH = "growth/others/2023-01/2023-07"

SHAPE = """
title = "a total, one part with its growth, and the rest"
reporter = "X"
period = "2023"
[flows.world]
flow = "total"
[flows.bri]
flow = "total"
partner = "B"
[flows.others]
flow = "total"
partner = "O"
[[claims]]
id = "world-value"
flow = "world"
value = "{world} billion yuan"
[[claims]]
id = "world-growth"
flow = "world"
growth = "{world_growth}%"
[[claims]]
id = "bri-value"
flow = "bri"
value = "{bri} billion yuan"
[[claims]]
id = "bri-growth"
flow = "bri"
growth = "{bri_growth}%"
[[claims]]
id = "world-parts"
total = "world"
parts = ["bri", "others"]
"""


def half_unit(text: str) -> Decimal:
    """Half a unit of the last digit of a published number."""
    return Decimal(1).scaleb(Decimal(text).as_tuple().exponent) / 2  # type: ignore[arg-type]


def others_growth_at_corners(
    world: str, world_growth: str, bri: str, bri_growth: str
) -> list[Decimal] | None:
    """Growth of the rest at the 16 corners of the four published figures, or ``None``.

    Values in billions, growth rates in percent. The growth is monotone in each
    figure, so its range is spanned by these corners; ``None`` if the rest could
    be 0 or less last year at some corner.
    """
    found = []
    with localcontext(prec=60):
        ends = [
            (Decimal(text) - half_unit(text), Decimal(text) + half_unit(text))
            for text in (world, world_growth, bri, bri_growth)
        ]
        for now, up, part, part_up in itertools.product(*ends):
            before = now / (1 + up / 100) - part / (1 + part_up / 100)
            if before <= 0:
                return None
            found.append((now - part) / before - 1)
    return found


def test_seed_growth_of_the_rest_is_close_to_the_corner_extremes() -> None:
    """The growth of trade with other countries: sound, and the exact +35.2% to +39.9%.

    Plain propagation gives +19.6% to +58.3%: each end 15 to 19 points too wide.
    The linear-fractional program finds the corners' range, within 0.01 points.
    """
    corners = others_growth_at_corners("183", "59.3", "169", "61.4")
    assert corners is not None
    low, high = min(corners), max(corners)
    assert (Decimal("0.3522"), Decimal("0.3987")) == (round(low, 4), round(high, 4))
    found = check(load_report(EXAMPLE)).figure(OTHERS_GROWTH).range.interval
    assert found.low is not None
    assert found.high is not None
    assert found.low <= low
    assert high <= found.high
    assert low - found.low < Decimal("0.0001")
    assert found.high - high < Decimal("0.0001")


def test_budget_does_not_change_exact_figures() -> None:
    """Values, growth, shares and contributions are exact whatever the budget."""
    expected = ("+35.2% to +39.9%", "+35.2% to +39.9%")
    shown = tuple(
        check(load_report(EXAMPLE), budget=budget).figure(OTHERS_GROWTH).range.format()
        for budget in (0, DEFAULT_BUDGET)
    )
    assert expected == shown


def test_seed_change_of_share_is_exact() -> None:
    """The change of the Belt and Road share, s1 (1 - (1 + g_world) / (1 + g_bri)), at its corners.

    Its extremes are at 168.5/183.5 with +59.35%/+61.35% and 169.5/182.5 with
    +59.25%/+61.45%: +1.1382 to +1.2656 points.
    """
    with localcontext(prec=60):
        low = Decimal("168.5") / Decimal("183.5") * (1 - Decimal("1.5935") / Decimal("1.6135"))
        high = Decimal("169.5") / Decimal("182.5") * (1 - Decimal("1.5925") / Decimal("1.6145"))
        low, high = low * 100, high * 100
    found = (
        check(load_report(EXAMPLE)).figure("share-change/bri/world/2023-01/2023-07").range.interval
    )
    assert found.low is not None
    assert found.high is not None
    assert found.low <= low <= found.low + Decimal("0.0001")
    assert found.high - Decimal("0.0001") <= high <= found.high


@pytest.mark.parametrize("budget", [-1, 1.5, True, "10"])
def test_budget_must_be_a_whole_number(budget: object) -> None:
    """A negative, fractional or non-numeric budget is refused, naming the value."""
    with pytest.raises(InvalidValueError, match="budget"):
        check(load_report(EXAMPLE), budget=budget)  # type: ignore[arg-type]


def test_conflict_that_plain_propagation_misses() -> None:
    """The rest cannot have grown by 30%: the corners allow +35.2% to +39.9% only.

    Propagating each relation on its own leaves every range consistent, since each
    relation alone can be met; the linear program shows that no values meet them
    all, whatever the budget, and the conflict is smallest: dropping any one of its
    claims resolves it.
    """
    text = EXAMPLE.read_text(encoding="utf-8") + (
        '\n[[claims]]\nid = "others-growth"\nflow = "others"\ngrowth = "30%"\n'
    )
    report = Report.from_toml(text, name="seed")
    assert not check(report, budget=0).consistent
    result = check(report)
    assert not result.consistent
    expected = Verdict.INCONSISTENT
    assert expected == result.verdict("others-growth")
    assert any("others-growth" in conflict.claims for conflict in result.conflicts)
    for conflict in result.conflicts:
        for dropped in conflict.claims:
            kept = [c for c in report.claims if c.id in conflict.claims and c.id != dropped]
            assert check(attrs.evolve(report, claims=tuple(kept))).consistent


@st.composite
def published(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """A total, its growth, a part of it and the part's growth, rounded as published.

    The part is 50% to 95% of the total in both years; values in billions with
    0 or 1 decimals, growth rates in percent with 1 or 2.
    """
    before = draw(st.integers(50, 500))
    growth = Decimal(draw(st.integers(-30, 80))) / 100
    share_before = Decimal(draw(st.integers(50, 95))) / 100
    share_now = Decimal(draw(st.integers(50, 95))) / 100
    value_places, rate_places = draw(st.integers(0, 1)), draw(st.integers(1, 2))
    now = before * (1 + growth)
    part_growth = now * share_now / (before * share_before) - 1
    return (
        str(round(now, value_places)),
        str(round(growth * 100, rate_places)),
        str(round(now * share_now, value_places)),
        str(round(part_growth * 100, rate_places)),
    )


# Each example checks one report: a 25th of the profile.
@settings(max_examples=max(2, settings().max_examples // 25))
@given(published())
def test_growth_of_the_rest_is_near_the_corner_extremes(figures: tuple[str, str, str, str]) -> None:
    """The implied growth of the rest is the corners' range, up to outward rounding.

    The exact range comes from the 16 corners of the published figures, computed
    here with decimals independently of the engine.
    """
    corners = others_growth_at_corners(*figures)
    assume(corners is not None)
    assert corners is not None
    low, high = min(corners), max(corners)
    text = SHAPE.format(
        world=figures[0], world_growth=figures[1], bri=figures[2], bri_growth=figures[3]
    )
    found = check(Report.from_toml(text)).figure("growth/others/2023").range.interval
    assert found.low is not None
    assert found.high is not None
    assert found.low <= low <= found.low + TINY
    assert found.high - TINY <= high <= found.high


# Corners are computed with 60 digits, the engine rounds outward at 28.
TINY = Decimal("1e-20")
