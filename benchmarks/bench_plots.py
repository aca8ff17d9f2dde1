"""Benchmark the pictures of a check: the check plot and the HTML page, seed and 100 claims.

Prints, per report: the time of the check itself, then of ``plot_check`` and of
``check_html`` (which draws the plot again as inline SVG), and the page's size.
Run: ``python benchmarks/bench_plots.py`` (``--quick`` in CI: one repetition).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

from tradestats import check, load_report
from tradestats.plots import check_html, plot_check

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location(
    "bench_check", ROOT / "benchmarks" / "bench_check.py"
)
assert _SPEC is not None
assert _SPEC.loader is not None
bench_check: Any = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_check"] = bench_check
_SPEC.loader.exec_module(bench_check)


def _best(call: Any, repeat: int) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = call()
        best = min(best, time.perf_counter() - start)
    return best, value


def main() -> None:
    """Time each step for the seed example and a report of about 100 claims."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repetition (for CI)")
    repeat = 1 if parser.parse_args().quick else 3
    reports = {
        "seed example": load_report(ROOT / "examples" / "xinjiang_2023.toml"),
        "groups of 7, 98 claims": bench_check.groups(98, seed=1),
        "groups of 7, 98 claims, one error": bench_check.groups(98, seed=1, error=True),
    }
    print(f"{'report':<36} {'checks':>6} {'check s':>8} {'plot s':>7} {'html s':>7} {'html KB':>8}")
    for name, report in reports.items():
        checked, result = _best(lambda report=report: check(report), repeat)
        plotted, _ = _best(lambda result=result: plot_check(result), repeat)
        paged, page = _best(lambda result=result: check_html(result), repeat)
        size = len(page.encode("utf-8")) / 1024
        print(
            f"{name:<36} {len(result.checks):>6} {checked:>8.2f} {plotted:>7.2f} {paged:>7.2f} "
            f"{size:>8.0f}"
        )


if __name__ == "__main__":
    main()
