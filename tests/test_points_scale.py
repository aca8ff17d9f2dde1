"""A value that claims of no scale allow at any size needs no search over pieces.

``Network._at_any_scale``: where the claims linked to a published value have rows
with 0 on the right only (growth rates, shares, changes of share, sums) and the
value is the base of one of them, every piece of ``claims/_points.py`` is a cone,
and the search over pieces finds 0 or more, which the claims' own rows give. Each
answer the shortcut gives must be the search's, figures and spans.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tests._searches import Search, searches
from tradestats.claims import _network
from tradestats.claims.report import Report

bench = load_script("benchmarks/bench_check.py")


def _compared(report: Report) -> list[Search]:
    """Each search-or-shortcut of a check: whether the shortcut was taken, and the search's."""
    return searches(
        report,
        lambda: mock.patch.object(_network.Network, "_at_any_scale", return_value=False),
        before=_network.Network._at_any_scale,
    )


@settings(max_examples=12, deadline=None)
@given(st.integers(5, 30), st.integers(0, 2**16))
@example(10, 1)
def test_the_shortcut_is_the_search(size: int, seed: int) -> None:
    """On ``kinds`` reports with an error, every answer is the search's."""
    found = _compared(bench.kinds(size, seed=seed, error=True))
    assert [search.other for search in found] == [search.answer for search in found]


def test_the_shortcut_is_taken() -> None:
    """A group's value left with claims of no scale takes it (else the test shows nothing)."""
    assert any(search.before for search in _compared(bench.kinds(10, seed=1, error=True)))


SCALED = """
title = "scaled"
reporter = "X"
period = "2023"
[flows.x]
flow = "exports"
[flows.t]
flow = "total"
[[claims]]
id = "x-value"
flow = "x"
value = "10 billion yuan"
[[claims]]
id = "x-share-before"
part = "x"
whole = "t"
period = "2022"
share = "50%"
[[claims]]
id = "x-share-change"
part = "x"
whole = "t"
share_change = "+5 pp"
[[claims]]
id = "t-value"
flow = "t"
value = "18.2 billion yuan"
"""


def test_a_value_another_value_scales_is_searched() -> None:
    """A published value fixes the scale: the total is bounded only through the change of share.

    The value of x and the share change bound the total's value (about 10 / 0.55,
    17 to 19.4 billion with the roundings): a shortcut that took no account of the
    value claim's row would say "0 or more".
    """
    found = _compared(Report.from_toml(SCALED))
    answers = {search.claim: (search.before, search.answer) for search in found}
    taken, (figures, _) = answers["t-value"]
    assert not taken
    assert [(span.low > 0, span.high.is_finite()) for span in figures.values()] == [(True, True)]
    assert [search.other for search in found] == [search.answer for search in found]


RATES = """
title = "rates"
reporter = "X"
period = "2023"
[flows.x]
flow = "exports"
[flows.m]
flow = "imports"
[[claims]]
id = "x-growth"
flow = "x"
growth = "10%"
[[claims]]
id = "x-faster"
flow = "x"
than = "m"
growth_difference = "5 pp"
[[claims]]
id = "m-growth"
flow = "m"
growth = "5%"
"""


def test_a_rate_claims_of_no_scale_bound_is_searched() -> None:
    """Claims of no scale bound a rate (10% less 5 points): the shortcut is for values only."""
    found = _compared(Report.from_toml(RATES))
    answers = {search.claim: (search.before, search.answer) for search in found}
    taken, (figures, _) = answers["m-growth"]
    assert not taken
    assert [(span.low > 0, span.high < 1) for span in figures.values()] == [(True, True)]
    assert [search.other for search in found] == [search.answer for search in found]
