"""Benchmark the grammar of figures on hostile text: reading time must grow linearly.

Prints, for each reader and each hostile input, the time to refuse it at
10 KB, 100 KB and 1 MB, and the ratio 1 MB / 100 KB (about 10 when linear,
about 100 when quadratic); asserts nothing about speed. Also prints the time
to read a few well-formed figures. Run with ``python benchmarks/bench_grammar.py``
(``--quick`` for one repeat, as CI does).
"""

from __future__ import annotations

import argparse
import contextlib
import time
from typing import TYPE_CHECKING

import tradestats as ts

if TYPE_CHECKING:
    from collections.abc import Callable

READERS: dict[str, Callable[[str], object]] = {
    "money": ts.money,
    "Growth.parse": ts.Growth.parse,
    "Multiplier.parse": ts.Multiplier.parse,
    "PercentagePoints.parse": ts.PercentagePoints.parse,
    "Period.parse": ts.Period.parse,
}


def hostile(size: int) -> dict[str, str]:
    """Hostile texts of about ``size`` characters."""
    return {
        "1 + spaces + xy": "1" + " " * size + "xy",
        "digits + %": "1" * size + "%",
        "1 + letters": "1 " + "a" * size,
        "'% ' repeated": "% " * (size // 2),
        "signs + 5": "-" * size + "5",
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
    for label, function in figures.items():
        print(f"{label:<40}{per_call(function, repeats=repeats) * 1e6:>8.1f} µs")


if __name__ == "__main__":
    main()
