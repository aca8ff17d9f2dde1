"""Benchmark the core: year-on-year growth with tradestats, raw pint and plain floats.

Prints a table of figures; asserts nothing about speed. Run with
``python benchmarks/bench_core.py`` (``--quick`` for a short run, as CI does).

What is measured, in one process and side by side:

* ``yoy_growth`` of two validated ``TradeFlow`` values (every check included:
  same reporter, partner, flow and product, periods one year apart, same
  currency, non-zero and non-negative base);
* the same growth composed from raw pint quantities, ``q1 / q0 - 1``, with
  float magnitudes in a registry that defines the currency;
* the same with plain Python floats;
* building one ``TradeFlow`` from typed values, and from text;
* ``import tradestats`` in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import timeit
from typing import TYPE_CHECKING

import pint

import tradestats as ts

if TYPE_CHECKING:
    from collections.abc import Callable


def per_call(function: Callable[[], object], *, quick: bool) -> float:
    """Best time of one call in seconds, over several repeats of an auto-ranged loop."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    repeats = 3 if quick else 7
    return min(timer.repeat(repeat=repeats, number=number)) / number


def import_seconds(*, quick: bool) -> float:
    """Median wall time of ``import tradestats`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import tradestats; print(time.perf_counter() - t)"
    runs = 3 if quick else 9
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, check=True, text=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def main() -> None:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (for CI)")
    quick = parser.parse_args().quick

    now = ts.TradeFlow(
        reporter="Xinjiang",
        flow=ts.Flow.TOTAL,
        period=ts.Period.year_to_date(2023, 7),
        value=ts.money("183 billion CNY"),
    )
    before = ts.implied_previous(now, ts.Growth.from_percent("59.3"))

    registry: pint.UnitRegistry[float] = pint.UnitRegistry()
    registry.define("CNY = [currency_CNY]")
    q1 = registry.Quantity(183e9, "CNY")
    q0 = registry.Quantity(float(before.value.magnitude), "CNY")
    f1, f0 = 183e9, float(before.value.magnitude)

    period = ts.Period.year_to_date(2023, 7)
    value = ts.money("183 billion CNY")

    rows = {
        "yoy_growth, two validated flows (tradestats)": per_call(
            lambda: ts.yoy_growth(now, before), quick=quick
        ),
        "q1 / q0 - 1 with raw pint quantities": per_call(lambda: q1 / q0 - 1, quick=quick),
        "f1 / f0 - 1 with plain floats": per_call(lambda: f1 / f0 - 1, quick=quick),
        "TradeFlow(...) from typed values": per_call(
            lambda: ts.TradeFlow(
                reporter="Xinjiang", flow=ts.Flow.TOTAL, period=period, value=value
            ),
            quick=quick,
        ),
        "TradeFlow(...) from text": per_call(
            lambda: ts.TradeFlow(
                reporter="Xinjiang", flow="total", period="2023-01/2023-07", value="183 billion CNY"
            ),
            quick=quick,
        ),
    }
    floats = rows["f1 / f0 - 1 with plain floats"]
    raw_pint = rows["q1 / q0 - 1 with raw pint quantities"]
    ours = rows["yoy_growth, two validated flows (tradestats)"]

    print(f"{'operation':<48} {'per call':>12} {'× floats':>10}")
    for name, seconds in rows.items():
        print(f"{name:<48} {seconds * 1e6:>9.3f} µs {seconds / floats:>10.0f}")
    print(f"\nraw pint ÷ tradestats yoy_growth: {raw_pint / ours:.1f}× (target: at least 10×)")
    print(
        f"import tradestats (fresh interpreter, median): {import_seconds(quick=quick):.3f} s "
        "(target: under 0.5 s)"
    )
    print(f"python {sys.version.split()[0]}, pint {pint.__version__}")


if __name__ == "__main__":
    main()
