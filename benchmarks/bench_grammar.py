"""Benchmark the grammar of figures on hostile text: reading time must grow linearly.

Prints, for each reader and each hostile input, the time to refuse it at
10 KB, 100 KB and 1 MB, and the ratio 1 MB / 100 KB (about 10 when linear,
about 100 when quadratic); asserts nothing about speed. Also prints the time
to read a few well-formed figures, and the speed of :func:`tradestats.find_figures`
on an article's text repeated to 10 KB, 100 KB and 1 MB. Run with ``python
benchmarks/bench_grammar.py`` (``--quick`` for one repeat, as CI does).
"""

from __future__ import annotations

import argparse
import contextlib
import time
from datetime import date
from typing import TYPE_CHECKING

import tradestats as ts

if TYPE_CHECKING:
    from collections.abc import Callable

REFERENCE = date(2023, 8, 8)

READERS: dict[str, Callable[[str], object]] = {
    "money": ts.money,
    "Growth.parse": ts.Growth.parse,
    "Multiplier.parse": ts.Multiplier.parse,
    "PercentagePoints.parse": ts.PercentagePoints.parse,
    "Period.parse": ts.Period.parse,
    "parse_amount(de, 兆)": lambda text: ts.Reported.parse_amount(
        text, locale="de", zhao="trillion"
    ),
    "find_figures": ts.find_figures,
}

#: An article's text in the four languages of issue 13, to be repeated.
ARTICLE = (
    "1-7月，我国货物贸易进出口总值23.55万亿元人民币，同比增长0.5%。其中，出口13.57万亿元，"
    "增长1.5%，占全国的57.6%。海關統計，今年前7個月，進出口總值2兆1500億美元，增長百分之六點五。"
    "China's exports rose 1.5 per cent year on year to 13.57 trillion yuan in the first seven "
    "months. Die Exporte stiegen um 5,3 Prozent auf 12,4 Mrd. Euro. "
)


def hostile(size: int) -> dict[str, str]:
    """Hostile texts of about ``size`` characters."""
    return {
        "1 + spaces + xy": "1" + " " * size + "xy",
        "digits + %": "1" * size + "%",
        "1 + letters": "1 " + "a" * size,
        "'% ' repeated": "% " * (size // 2),
        "signs + 5": "-" * size + "5",
        "一 repeated": "一" * size,
        "百分之 repeated": "百分之" * (size // 3),
        "億萬 repeated": "億萬" * (size // 2),
        "'1 234 ' repeated": "1 234 " * (size // 6),
    }


def refuse_seconds(read: Callable[[str], object], text: str, *, repeats: int) -> float:
    """Best time to refuse ``text``, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        with contextlib.suppress(ts.TradeStatsError):
            read(text)
        best = min(best, time.perf_counter() - start)
    return best


def per_call(function: Callable[[], object], *, repeats: int) -> float:
    """Best time of one call over ``repeats`` runs of 1000 calls, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(1000):
            function()
        best = min(best, (time.perf_counter() - start) / 1000)
    return best


def main() -> None:
    """Run every measurement and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repeat per measurement")
    repeats = 1 if parser.parse_args().quick else 5
    sizes = (10_000, 100_000, 1_000_000)
    print(f"{'reader':<24}{'input':<18}{'10 KB':>10}{'100 KB':>10}{'1 MB':>10}{'ratio':>8}")
    for name, read in READERS.items():
        for label in hostile(10):
            seconds = [
                refuse_seconds(read, hostile(size)[label], repeats=repeats) for size in sizes
            ]
            cells = "".join(f"{s * 1000:>8.2f}ms" for s in seconds)
            print(f"{name:<24}{label:<18}{cells}{seconds[2] / seconds[1]:>8.1f}")
    print()
    figures = {
        "money('US$5.94 trillion')": lambda: ts.money("US$5.94 trillion"),
        "money('1831.6亿元')": lambda: ts.money("1831.6亿元"),
        "Growth.parse('同比增长59.3%')": lambda: ts.Growth.parse("同比增长59.3%"),
        "Growth.parse('up 59.3% y/y')": lambda: ts.Growth.parse("up 59.3% y/y"),
        "PercentagePoints.parse('+1.2 pp')": lambda: ts.PercentagePoints.parse("+1.2 pp"),
        "Period.parse('Jan–Jul 2023')": lambda: ts.Period.parse("Jan–Jul 2023"),
    }
    figures |= {
        "parse_amount('一兆八千億', zhao)": lambda: ts.Reported.parse_amount(
            "一兆八千億美元", zhao="trillion"
        ),
        "parse_amount('12,4 Mrd. Euro', de)": lambda: ts.Reported.parse_amount(
            "12,4 Mrd. Euro", locale="de"
        ),
        "Period.parse('前7个月', reference)": lambda: ts.Period.parse(
            "前7个月", reference=REFERENCE
        ),
    }
    for label, function in figures.items():
        print(f"{label:<40}{per_call(function, repeats=repeats) * 1e6:>8.1f} µs")
    print()
    header = f"{'chars':>10}{'figures':>9}{'seconds':>9}{'chars/s':>10}"
    print(f"{'find_figures on the article':<32}{header}")
    for size in sizes:
        text = (ARTICLE * (size // len(ARTICLE) + 1))[:size]
        start = time.perf_counter()
        try:
            found = ts.find_figures(text, reference=REFERENCE, zhao="trillion", locale="zh")
        except ts.ParseError:  # more numbers than tradestats.limits.MAX_NUMERALS
            elapsed = time.perf_counter() - start
            print(f"{'':<32}{size:>10}{'refused':>9}{elapsed:>9.2f}  (more than MAX_NUMERALS)")
            continue
        elapsed = time.perf_counter() - start
        print(f"{'':<32}{size:>10}{len(found):>9}{elapsed:>9.2f}{size / elapsed:>10.0f}")


if __name__ == "__main__":
    main()
