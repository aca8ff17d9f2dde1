"""Rebuild the figures of a news article on Xinjiang's foreign trade, January–July 2023.

The article (Urumqi Customs, as reported in the press) says:

    foreign trade Jan–Jul 2023 reached 183 billion yuan, up 59.3% year on year;
    trade with Belt and Road countries 169 billion yuan, up 61.4%;
    electric-vehicle exports surged 3.26 times; solar cell exports grew 36.9 times.

This script turns those sentences into typed flows and measures, and prints what
they imply. Run it with ``python examples/xinjiang_2023.py``.
"""

from __future__ import annotations

from pathlib import Path

import tradestats as ts
from tradestats.claims.consistency import published_text

REPORTER = "Xinjiang"
BELT_AND_ROAD = "Belt and Road countries"
SOURCE = "Urumqi Customs, via the press, August 2023"
#: The article's claims as a report file, with the Jan–Jul 2022 figures of August 2022.
REPORT = Path(__file__).with_name("xinjiang_2023.toml")


def article_flow(value: str, partner: str = ts.WORLD) -> ts.TradeFlow:
    """One of the article's value figures: Xinjiang's total trade, January–July 2023."""
    return ts.TradeFlow(
        reporter=REPORTER,
        partner=partner,
        flow=ts.Flow.TOTAL,  # exports + imports, "foreign trade" in the release
        period=ts.Period.year_to_date(2023, 7),
        value=ts.money(value),
        source=SOURCE,
        status=ts.Status.PROVISIONAL,
    )


def line(label: str, value: object) -> None:
    """Print one labelled figure."""
    print(f"  {label:<52} {value}")


def main() -> None:
    """Print every figure the article implies."""
    total = article_flow("183 billion yuan")
    belt_and_road = article_flow("169 billion yuan", partner=BELT_AND_ROAD)
    total_growth = ts.Growth.parse("up 59.3%")
    bri_growth = ts.Growth.from_percent("61.4")

    # Published growth rates imply the base-year values the article leaves out.
    total_before = ts.implied_previous(total, total_growth)
    bri_before = ts.implied_previous(belt_and_road, bri_growth)

    print(f"Xinjiang foreign trade, {total.period.label()} (as published)")
    line("total trade", f"{total.value}, {total_growth} year on year")
    line(f"trade with {BELT_AND_ROAD}", f"{belt_and_road.value}, {bri_growth} year on year")

    print(f"\nImplied values for {total_before.period.label()}")
    line("total trade", f"{total_before.value:.1f}")
    line(f"trade with {BELT_AND_ROAD}", f"{bri_before.value:.1f}")

    share_now = ts.share(belt_and_road, total)
    share_before = ts.share(bri_before, total_before)
    print(f"\nShare of {BELT_AND_ROAD} in total trade")
    line(total_before.period.label(), f"{share_before:.1f}")
    line(total.period.label(), f"{share_now:.1f}")
    line("change", f"{ts.share_change(share_now, share_before):.1f}")

    others_now = ts.remainder(total, belt_and_road, name="other countries")
    others_before = ts.remainder(total_before, bri_before, name="other countries")
    bri_contribution = ts.contribution(belt_and_road, bri_before, total_before)
    others_contribution = ts.contribution(others_now, others_before, total_before)
    print("\nContributions to the growth of total trade")
    line(BELT_AND_ROAD, f"{bri_contribution:.1f}")
    line("other countries", f"{others_contribution:.1f}")
    line("sum (equals total growth)", f"{(bri_contribution + others_contribution).to_growth():.1f}")

    print("\nTrade with all other countries (total minus Belt and Road)")
    line(total_before.period.label(), f"{others_before.value:.1f}")
    line(total.period.label(), f"{others_now.value:.1f}")
    line("implied growth", f"{ts.yoy_growth(others_now, others_before):.1f}")

    # Chinese customs releases write 增长N倍, so the first reading is the likely one;
    # the English article does not say, so both are shown.
    print('\nTwo readings of "N times"')
    claims = (
        ("electric vehicle exports", "surged by 3.26 times", "3.26"),
        ("solar cell exports", "grew 36.9 times", "36.9"),
    )
    for product, wording, times in claims:
        more = ts.Multiplier.times_more(times)  # 增长N倍: grew by N × 100%
        as_much = ts.Multiplier.times_as_much(times)  # 是…的N倍: N times the old level
        print(f"  {product} {wording}")
        line("  Chinese statistical usage (增长N倍)", f"{more}, i.e. {more.to_growth()}")
        line("  'N times as much' (是…的N倍)", f"{as_much}, i.e. {as_much.to_growth()}")

    print_releases()


def print_releases() -> None:
    """Print what the check says about the Jan–Jul 2022 figures as first published."""
    result = ts.check(ts.load_report(REPORT))
    first = result.report.release("aug2022")
    print(f"\nJan–Jul 2022 as first published ({first.describe()})")
    for found in result.checks:
        if result.report.release_of(found.claim) == "aug2022":
            line(
                f"{found.claim.id}: {published_text(found.claim)}",
                found.verdict.value,
            )
    print("\nThe 2022 values against the bases the 2023 growth rates imply")
    for revision in result.revisions:
        what = result.report.flow(revision.flow).describe()
        needed = "revised" if revision.needed else "no revision needed"
        shown = revision.percent.format() if revision.percent is not None else "?"
        line(f"{what}, {revision.period.label()}", f"{shown} ({needed})")


if __name__ == "__main__":
    main()
