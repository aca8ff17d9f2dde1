"""Implied figures against every base: a year earlier, the period before, an explicit one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradestats import Report, check
from tradestats.verify._kinds import magnitude_of

HEAD = """
title = "bases"
reporter = "A"
[flows.x]
flow = "exports"
[flows.m]
flow = "imports"
[flows.t]
flow = "total"
"""


def value(claim_id: str, flow: str, period: str, text: str) -> str:
    """A value claim as TOML."""
    return (
        f'[[claims]]\nid = "{claim_id}"\nflow = "{flow}"\nperiod = "{period}"\nvalue = "{text}"\n'
    )


def implied(text: str) -> dict[str, tuple[str, str]]:
    """Each implied figure's label and range, by key."""
    result = check(Report.from_toml(HEAD + text))
    assert result.consistent
    return {figure.key: (figure.label, figure.range.format()) for figure in result.implied}


@pytest.mark.parametrize(
    ("later", "earlier", "key", "words"),
    [
        ("2023-06", "2023-05", "growth/x/2023-06/on/2023-05", "on the period before (May 2023)"),
        ("2023-Q2", "2023-Q1", "growth/x/2023-Q2/on/2023-Q1", "period before"),
        ("2023", "2022", "growth/x/2023", "on a year earlier"),
    ],
)
def test_values_in_two_periods_imply_the_growth_between_them(
    later: str, earlier: str, key: str, words: str
) -> None:
    """Values of a month and the month before imply month-on-month growth (and likewise
    for quarters and years), with the base in the label."""
    text = value("now", "x", later, "110 billion yuan") + value(
        "then", "x", earlier, "100 billion yuan"
    )
    found = implied(text)
    assert key in found
    label, shown = found[key]
    assert words in label
    # 109.5 / 100.5 - 1 to 110.5 / 99.5 - 1, rounded outward.
    assert shown == "+8.9% to +11.1%"


def test_an_explicit_base_implies_the_growth_on_it() -> None:
    """A change claimed "on 2019" makes the growth on 2019 an implied figure of every flow."""
    text = (
        value("x-2023", "x", "2023", "120 billion yuan")
        + value("x-2019", "x", "2019", "100 billion yuan")
        + value("m-2023", "m", "2023", "50 billion yuan")
        + '[[claims]]\nid = "m-change"\nflow = "m"\nperiod = "2023"\nversus = "2019"\n'
        + 'change = "+10 billion yuan"\n'
    )
    found = implied(text)
    label, shown = found["growth/x/2023/on/2019"]
    assert label.endswith("2023 on 2019")
    assert shown == "+18.9% to +21.2%"  # 119.5 / 100.5 - 1 to 120.5 / 99.5 - 1
    assert "growth/m/2023/on/2019" in found


def test_share_change_and_contribution_on_the_month_before() -> None:
    """A sum over two months implies the change of share and the contribution on the month
    before."""
    text = (
        value("x-jun", "x", "2023-06", "60 billion yuan")
        + value("m-jun", "m", "2023-06", "40 billion yuan")
        + value("x-may", "x", "2023-05", "50 billion yuan")
        + value("m-may", "m", "2023-05", "50 billion yuan")
        + '[[claims]]\nid = "sum"\ntotal = "t"\nparts = ["x", "m"]\n'
    )
    found = implied(text)
    assert "share-change/x/t/2023-06/on/2023-05" in found
    assert "contribution/x/t/2023-06/on/2023-05" in found
    label, shown = found["contribution/x/t/2023-06/on/2023-05"]
    assert label.endswith("on the period before (May 2023)")
    assert shown == "+8.9 to +11.2 pp"  # (59.5 - 50.5) / 101 to (60.5 - 49.5) / 99


@given(st.integers(10, 10_000), st.integers(10, 10_000), st.sampled_from(["previous", "2020-03"]))
def test_the_implied_growth_on_any_base_holds_the_true_one(
    now: int, before: int, versus: str
) -> None:
    """Rounded values of two months imply a growth range that holds the true growth."""
    earlier = "2023-05" if versus == "previous" else versus
    text = (
        value("now", "x", "2023-06", f"{now} million yuan")
        + value("then", "x", earlier, f"{before} million yuan")
        + value("m", "m", "2023-06", "1 million yuan")
        + '[[claims]]\nid = "m-change"\nflow = "m"\nperiod = "2023-06"\n'
        + f'versus = "{versus}"\nchange = "+0 million yuan"\n'
    )
    result = check(Report.from_toml(HEAD + text))
    suffix = "/on/2023-05" if versus == "previous" else f"/on/{versus}"
    low, high = result.figure(f"growth/x/2023-06{suffix}").range.ends
    truth = Decimal(now) / Decimal(before) - 1
    assert low is not None
    assert high is not None
    assert magnitude_of(low) <= truth <= magnitude_of(high)
