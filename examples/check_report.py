"""Check the claims of the Xinjiang trade article with the Python API, and print the result.

The claims live in ``xinjiang_2023.toml`` next to this script. Run it with
``python examples/check_report.py``; the command line does the same with
``tradestats check examples/xinjiang_2023.toml``.
"""

from __future__ import annotations

from pathlib import Path

from tradestats.claims.consistency import Verdict, check
from tradestats.claims.files import load_report

REPORT = Path(__file__).resolve().parent / "xinjiang_2023.toml"


def main() -> None:
    """Load the report, check it and print every verdict and implied figure."""
    report = load_report(REPORT)
    result = check(report)
    print(report.title)
    print("\nClaims:")
    for verdict in result.checks:
        print(f"  {verdict.claim.id:<14} {verdict.period.label():<14} {verdict.verdict.value}")
        print(f"  {'':<14} {verdict.explanation}")
    print("\nWhat the claims imply:")
    for figure in result.implied:
        print(f"  {figure.label}: {figure.range}")
    inconsistent = [c.claim.id for c in result.checks if c.verdict is Verdict.INCONSISTENT]
    print("\nConsistent" if result.consistent else f"\nInconsistent: {inconsistent}")


if __name__ == "__main__":
    main()
