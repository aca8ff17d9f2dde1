"""China's trade partners in 2023, from a saved UN Comtrade API response.

Loads the sample response in ``tests/data/comtrade/annual_api.json`` (China's
exports and imports with the world and three partners, 2022 and 2023, in US
dollars), computes year-on-year growth per series and each partner's share of
China's trade with the world, and prints the partners by share.

Run with ``python examples/comtrade_growth.py`` (needs the ``polars`` extra).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

import tradestats as ts
import tradestats.tables as tt

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "comtrade" / "annual_api.json"
GROUP = ["reporter", "flow", "product"]


def with_rest_of_world(trade: pl.DataFrame) -> pl.DataFrame:
    """The partners' rows plus an "Other" row per group: World minus the listed partners.

    The parts then add up to the world total, so their shares are shares of it.
    """
    partners = trade.filter(pl.col("partner") != ts.WORLD)
    listed = partners.group_by([*GROUP, "period"]).agg(pl.col("value").sum().alias("listed"))
    rest = (
        trade.filter(pl.col("partner") == ts.WORLD)
        .join(listed, on=[*GROUP, "period"])
        .with_columns(partner=pl.lit("Other"), value=pl.col("value") - pl.col("listed"))
        .drop("listed")
    )
    return pl.concat([partners, rest.select(partners.columns)])


def main() -> None:
    """Print China's partners by share of its 2023 exports and imports, with growth."""
    trade = tt.read_comtrade_json(SAMPLE, engine="polars").select(
        "reporter", "partner", "flow", "product", "period", "value", "currency"
    )
    growth = tt.yoy_growth(trade)
    shares = tt.share(with_rest_of_world(trade), by=GROUP)
    table = shares.join(
        growth.select([*GROUP, "partner", "period", "growth"]),
        on=[*GROUP, "partner", "period"],
        how="left",
    )
    for flow in ("exports", "imports"):
        world = growth.filter(
            (pl.col("partner") == ts.WORLD)
            & (pl.col("flow") == flow)
            & (pl.col("product") == "TOTAL")
            & (pl.col("period") == "2023")
        ).row(0, named=True)
        total = ts.money(world["value"], "USD")
        change = ts.Growth(world["growth"]).format(places=1)
        print(f"China's {flow} in 2023: {total:.1f} ({change} year on year)")
        rows = table.filter(
            (pl.col("flow") == flow) & (pl.col("product") == "TOTAL") & (pl.col("period") == "2023")
        ).sort("share", descending=True)
        for row in rows.iter_rows(named=True):
            share = ts.Share(row["share"]).format(places=1)
            moved = (
                "" if row["growth"] is None else f", {ts.Growth(row['growth']).format(places=1)}"
            )
            print(f"  {row['partner']:<6} {share:>6}{moved}")


if __name__ == "__main__":
    main()
