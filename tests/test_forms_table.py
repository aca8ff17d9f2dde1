"""The table of forms in docs/reference/forms.md: every row's example gives its result."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import tradestats as ts

PAGE = Path(__file__).parent.parent / "docs" / "reference" / "forms.md"
ROW = re.compile(r"^\| (\w+) \| ([^|]+) \| `([^`]+)` \| `([^`]+)` \|$")
ROWS = [m.groups() for line in PAGE.read_text("utf-8").splitlines() if (m := ROW.match(line))]


def test_the_table_has_a_row_for_every_kind() -> None:
    """Each kind of figure has its rows: the table was read, not silently skipped."""
    kinds = {kind for kind, *_ in ROWS}
    assert {"amount", "growth", "multiplier", "share", "points", "period"} == kinds
    assert len(ROWS) >= 50


@pytest.mark.parametrize(("kind", "form", "code", "result"), ROWS, ids=[r[1] for r in ROWS])
def test_each_row_gives_its_result(kind: str, form: str, code: str, result: str) -> None:
    """The example of a row, run, shows the result the row gives."""
    value = eval(code, {"ts": ts, "date": date})  # the page's own example code
    assert result == repr(value)
    kinds = {
        ts.Amount: "amount",
        ts.Growth: "growth",
        ts.Multiplier: "multiplier",
        ts.Share: "share",
        ts.PercentagePoints: "points",
    }
    assert kind == ("period" if isinstance(value, ts.Period) else kinds[value.kind])
