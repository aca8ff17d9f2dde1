"""The ``tradestats`` command: ``tradestats check REPORT.toml`` checks a report's claims.

Exit status: 0 when every claim is consistent (or not checkable), 1 when any is
inconsistent, 2 when the file cannot be read or is not a valid report (or the
command line is wrong), 3 when ``--time-limit`` ran out before every claim was
checked and none found so far is inconsistent. ``--json`` prints the result as a JSON object (see
:doc:`/report-format`); otherwise a table, in colour where the terminal has it
(``--color`` or the ``NO_COLOR`` environment variable decide otherwise).

>>> main(["check", "no-such-report.toml"])  # prints "tradestats: error: ..." on stderr
2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Final, TextIO

from tradestats.claims.consistency import (
    DEFAULT_BUDGET,
    CheckResult,
    Verdict,
    check,
    published_text,
)
from tradestats.claims.files import load_report
from tradestats.claims.report import (
    ChangeClaim,
    Claim,
    ContributionClaim,
    ContributionShareClaim,
    GrowthClaim,
    GrowthDifferenceClaim,
    MultiplierClaim,
    Report,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.errors import TradeStatsError
from tradestats.periods import Lag

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main", "render"]

_RESET: Final = "\033[0m"
_BOLD: Final = "\033[1m"
_COLOURS: Final = {
    Verdict.CONSISTENT: "\033[32m",  # green
    Verdict.INCONSISTENT: "\033[1;31m",  # bold red
    Verdict.NOT_CHECKABLE: "\033[33m",  # yellow
    Verdict.UNFINISHED: "\033[35m",  # magenta
    Verdict.UNDEFINED: "\033[36m",  # cyan
}
#: The exit status when the time limit ran out first (and nothing is inconsistent).
UNFINISHED_STATUS: Final = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradestats",
        description="Typed trade statistics: check the published figures of a report.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checker = commands.add_parser(
        "check",
        help="check that a report's claims hold together and list what they imply",
        description=(
            "Check that the claims of a report (TOML, or JSON for .json files) hold together "
            "within the rounding of their digits, and list the figures they imply. Exit "
            "status: 0 consistent, 1 inconsistent, 2 bad file, 3 time limit reached first."
        ),
    )
    checker.add_argument("report", metavar="REPORT", help="the report file (.toml or .json)")
    checker.add_argument("--json", action="store_true", help="print the result as a JSON object")
    checker.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the verdicts: auto (default) when writing to a terminal and NO_COLOR "
        "is not set",
    )
    checker.add_argument(
        "--budget",
        type=_budget,
        default=DEFAULT_BUDGET,
        metavar="N",
        help=f"splits to try for each end of a change of share (default {DEFAULT_BUDGET}); "
        "other ranges are exact; 0 gives a sound but possibly wider change of share",
    )
    checker.add_argument(
        "--time-limit",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="stop after about this many seconds and report the verdicts found so far; the "
        "claims not reached are marked unfinished (exit status 3 unless one is inconsistent)",
    )
    return parser


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        message = f"expected a number of seconds, 0 or more, not {text!r}"
        raise argparse.ArgumentTypeError(message)
    return value


def _budget(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        message = f"expected a whole number of 0 or more, not {text!r}"
        raise argparse.ArgumentTypeError(message)
    return value


def _use_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default).

    Args:
        argv: The arguments, without the program name.

    Returns:
        The exit status: 0 consistent, 1 inconsistent, 2 bad file or arguments, 3 the
        time limit ran out before every claim was checked (and none is inconsistent).
    """
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        result = check(
            load_report(arguments.report),
            budget=arguments.budget,
            time_limit=arguments.time_limit,
        )
    except TradeStatsError as error:
        sys.stderr.write(f"tradestats: error: {error}\n")
        return 2
    status = 0 if result.consistent else 1
    if status == 0 and result.unfinished:
        status = UNFINISHED_STATUS
    try:
        if arguments.json:
            sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(render(result, colour=_use_colour(arguments.color, sys.stdout)) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (head, less) went away: say nothing more, as Python's docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def _table(rows: list[list[str]], widths_of: list[list[str]] | None = None) -> list[str]:
    """Rows as aligned text; the last column is not padded."""
    measured = widths_of or rows
    widths = [max(len(row[column]) for row in measured) for column in range(len(rows[0]) - 1)]
    return [
        "  "
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[-1]
        for row in rows
    ]


def _figure(report: Report, claim: Claim) -> str:
    """What a claim is about, in a few words (the period has a column of its own)."""
    if isinstance(claim, ValueClaim):
        return report.flow(claim.flow).describe()
    if isinstance(claim, GrowthClaim | MultiplierClaim):
        return f"growth of {report.flow(claim.flow).describe()}"
    if isinstance(claim, ShareClaim):
        part, whole = report.flow(claim.part).describe(), report.flow(claim.whole).describe()
        return f"share of {part} in {whole}"
    if isinstance(claim, SumClaim):
        return f"parts of {report.flow(claim.total).describe()}"
    return _change_figure(report, claim)


def _change_figure(
    report: Report,
    claim: ChangeClaim
    | ContributionClaim
    | ShareChangeClaim
    | GrowthDifferenceClaim
    | ContributionShareClaim,
) -> str:
    """What a claim of a change in level or in points is about, and its base if not a year."""
    if isinstance(claim, ChangeClaim):
        what = f"change in level of {report.flow(claim.flow).describe()}"
    elif isinstance(claim, ContributionClaim | ContributionShareClaim):
        part, total = report.flow(claim.part).describe(), report.flow(claim.total).describe()
        what = (
            f"share of {part} in the change of {total}"
            if isinstance(claim, ContributionShareClaim)
            else f"contribution of {part} to the growth of {total}"
        )
    elif isinstance(claim, ShareChangeClaim):
        part, whole = report.flow(claim.part).describe(), report.flow(claim.whole).describe()
        what = f"change in the share of {part} in {whole}"
    else:
        flow, than = report.flow(claim.flow).describe(), report.flow(claim.than).describe()
        what = f"growth of {flow} less that of {than}"
    return what if claim.versus is Lag.YEAR_EARLIER else f"{what} on {claim.base.label()}"


def render(result: CheckResult, *, colour: bool = False) -> str:
    """The result as a readable text table: claims, implied figures, conflicts, verdict.

    Args:
        result: What :func:`~tradestats.claims.consistency.check` returned.
        colour: Colour the verdicts with ANSI escape codes.

    Returns:
        The text, without a final newline.
    """

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    report = result.report
    lines = [paint(report.title, _BOLD)]
    if report.source:
        lines.append(f"Source: {report.source}")
    header = ["ID", "PERIOD", "FIGURE", "PUBLISHED", "VERDICT", "THE OTHER CLAIMS IMPLY"]
    rows = [
        [
            check.claim.id,
            check.period.label(),
            _figure(report, check.claim),
            published_text(check.claim),
            check.verdict.value,
            check.summary,
        ]
        for check in result.checks
    ]
    table = _table([header, *rows])
    lines += ["", paint("Claims", _BOLD), paint(table[0], _BOLD) if colour else table[0]]
    for done, line in zip(result.checks, table[1:], strict=True):
        verdict = done.verdict.value
        lines.append(line.replace(f"  {verdict}", f"  {paint(verdict, _COLOURS[done.verdict])}", 1))
    lines += ["", paint("Implied figures", _BOLD)]
    if result.implied:
        lines += _table([[figure.label, figure.range.format()] for figure in result.implied])
    else:
        lines.append("  none: the claims determine no figure they do not state")
    lines += ["", paint("Conflicts", _BOLD)]
    if result.conflicts:
        lines += [f"  - {conflict.explanation}" for conflict in result.conflicts]
        lines.append(
            "  Claims in a conflict are set aside when the other claims are checked and when "
            "figures are implied."
        )
    else:
        lines.append("  none")
    counts = {
        verdict: sum(check.verdict is verdict for check in result.checks) for verdict in Verdict
    }
    summary = ", ".join(
        f"{counts[verdict]} {verdict.value}"
        for verdict in Verdict
        if verdict not in (Verdict.UNFINISHED, Verdict.UNDEFINED) or counts[verdict]
    )
    status = Verdict.CONSISTENT if result.consistent else Verdict.INCONSISTENT
    lines += ["", f"Result: {paint(status.value, _COLOURS[status])} ({summary})"]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - run as python -m tradestats.cli
    sys.exit(main())
