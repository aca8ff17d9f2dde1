"""Draw every plot of tradestats.plots into docs/images/ (needs ``tradestats[plot,polars]``).

    python examples/plot_gallery.py [OUT_DIR]    # default: docs/images

The pictures are the ones the README and the docs show, and the baselines the
image tests (``tests/test_plots.py``) compare fresh drawings with. Redraw them
only after looking at the new pictures and finding them right.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from tradestats import Growth, PercentagePoints, Share, check, load_report
from tradestats.claims.files import parse_report
from tradestats.plots import plot_check, plot_contributions, plot_growth, plot_shares, save
from tradestats.tables import yoy_growth

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.figure import Figure

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
EXAMPLE = ROOT / "examples" / "xinjiang_2023.toml"
#: The seed report's 2022 total, which makes the growth figures checkable.
WORLD_2022 = """
[[claims]]
id = "world-2022"
flow = "world"
period = "2022-01/2022-07"
value = "114.9 billion yuan"
"""


def seed_check() -> Figure:
    """The seed example as published: consistent, two multipliers not checkable."""

    return plot_check(check(load_report(EXAMPLE)))


def conflict_check() -> Figure:
    """The seed example with its growth misprinted 61.3% and the 2022 total given."""

    text = EXAMPLE.read_text(encoding="utf-8").replace('"59.3%"', '"61.3%"') + WORLD_2022
    return plot_check(check(parse_report(text)))


def contributions_cjk() -> Figure:
    """A waterfall with Chinese labels: needs a CJK font."""

    return plot_contributions(
        {"一带一路国家": PercentagePoints("56.7"), "其他国家": PercentagePoints("2.5")},
        total=Growth("0.593"),
        title="新疆外贸增长的贡献 (1–7月 2023)",
    )


def shares() -> Figure:
    """Shares in two years with their change in points."""

    return plot_shares(
        {"EU": Share("0.380"), "ASEAN": Share("0.152"), "USA": Share("0.121")},
        {"EU": Share("0.386"), "ASEAN": Share("0.149"), "USA": Share("0.110")},
        labels=("2022", "2023"),
    )


def growth() -> Figure:
    """Growth of two series, one with a zero base (a gap with its reason)."""

    frame = pl.DataFrame(
        {
            "partner": ["EU"] * 4 + ["ASEAN"] * 4,
            "period": [2020, 2021, 2022, 2023] * 2,
            "value": [100.0, 112.0, 120.0, 118.0, 0.0, 40.0, 52.0, 61.0],
        }
    )
    return plot_growth(yoy_growth(frame, keys=["partner"]), series=["partner"])


CASES: dict[str, Callable[[], Figure]] = {
    "seed-check": seed_check,
    "conflict-check": conflict_check,
    "contributions-cjk": contributions_cjk,
    "shares": shares,
    "growth": growth,
}


def main(out: Path = IMAGES) -> None:
    """Draw each case into ``out/<name>.png`` and print the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    for name, draw in CASES.items():
        print(save(draw(), out / f"{name}.png", dpi=80))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else IMAGES)
