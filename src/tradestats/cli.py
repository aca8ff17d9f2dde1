"""The ``tradestats`` command: ``tradestats check REPORT.toml`` checks a report's claims.

``tradestats extract ARTICLE`` reads an article's text into a draft report, and
``tradestats check ARTICLE.txt`` (or ``.html``, or ``--article``) extracts and
checks in one go, saying that the report is a draft and listing the choices made.

Exit status: 0 when every claim is consistent (or not checkable, or undefined), 1 when any is
inconsistent, 2 when the file cannot be read or is not a valid report (or the
command line is wrong), 3 when ``--time-limit`` ran out before every claim was
checked and none found so far is inconsistent, 70 for an internal error (a bug
in tradestats, ``EX_SOFTWARE`` of sysexits.h: the command prints one line asking
for a bug report, never a traceback). ``-`` as the report reads it from standard
input. Everything printed from the report (title, labels, ids, figures,
messages) has its control characters escaped, so a report cannot send escape
sequences to the terminal. ``--json`` prints the result as a JSON object (see
:doc:`/report-format`); otherwise a table, in colour where the terminal has it
(``--color`` or the ``NO_COLOR`` environment variable decide otherwise).

>>> main(["check", "no-such-report.toml"])  # prints "tradestats: error: ..." on stderr
2
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import re
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from tradestats._text import escape_controls, quote, shorten
from tradestats.claims._data import parse_match
from tradestats.claims.consistency import (
    DEFAULT_BUDGET,
    FAST_ENGINE,
    CheckResult,
    Verdict,
    check,
    published_text,
)
from tradestats.claims.files import load_report, read_report
from tradestats.claims.report import (
    ChangeClaim,
    Claim,
    ContributionClaim,
    ContributionShareClaim,
    DataMatch,
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
from tradestats.extraction import Extraction, extract
from tradestats.limits import MAX_REPORT_BYTES
from tradestats.periods import Lag

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["main", "render"]

# Error messages quote what the file said; a line longer than this is shortened.
_MESSAGE_LENGTH: Final = 500
#: A check slower than this (seconds) without HiGHS says how to make it faster.
_SLOW_CHECK: Final = 5.0
# What JSON leaves raw with ensure_ascii=False but a terminal may act on: C1
# controls (\x9b starts an escape sequence), bidi overrides, invisible characters.
_JSON_UNSAFE: Final = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_RESET: Final = "\033[0m"
_BOLD: Final = "\033[1m"
_COLOURS: Final = {
    Verdict.CONSISTENT: "\033[32m",  # green
    Verdict.INCONSISTENT: "\033[1;31m",  # bold red
    Verdict.NOT_CHECKABLE: "\033[33m",  # yellow
    Verdict.UNDEFINED: "\033[36m",  # cyan
    Verdict.UNFINISHED: "\033[35m",  # magenta
    Verdict.REVISED: "\033[34m",  # blue
    Verdict.NOT_COMPARABLE: "\033[2;37m",  # dim grey
}
#: The exit status when the time limit ran out first (and nothing is inconsistent).
UNFINISHED_STATUS: Final = 3
#: The exit status of an internal error, a bug in tradestats (EX_SOFTWARE in sysexits.h).
INTERNAL_ERROR_STATUS: Final = 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradestats",
        description="Typed trade statistics: check the published figures of a report.",
    )
    parser.add_argument("--version", action="version", version=f"tradestats {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checker = commands.add_parser(
        "check",
        help="check that a report's claims hold together and list what they imply",
        description=(
            "Check that the claims of a report (TOML, or JSON for .json files) hold together "
            "within the rounding of their digits, and list the figures they imply. Exit "
            "status: 0 consistent, 1 inconsistent, 2 bad file, 3 time limit reached first, "
            "70 internal error."
        ),
    )
    checker.add_argument(
        "report",
        metavar="REPORT",
        help="the report file (.toml or .json), or - to read it from standard input; an "
        "article (.txt, .html, .htm, or --article) is extracted first into a draft report",
    )
    checker.add_argument(
        "--article",
        action="store_true",
        help="read REPORT as an article's text (or HTML) whatever its name",
    )
    _article_options(checker)
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
    checker.add_argument(
        "--data",
        metavar="FILE",
        help="official data to check the claims against, as one more release: a tidy CSV "
        "(.csv, .csv.gz) or Parquet file, or a Comtrade file with --data-format comtrade "
        "(needs tradestats[tables]); the report's [data] table or --match says which rows "
        "hold each flow",
    )
    checker.add_argument(
        "--data-format",
        choices=("tidy", "comtrade"),
        default="tidy",
        help="the format of --data: tidy (default; CSV or Parquet by suffix) or comtrade "
        "(a Comtrade CSV, tab-separated bulk file or JSON download)",
    )
    checker.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="FLOW:COLUMN=TEXT[,...]",
        help="the rows of --data that hold a flow, such as 'world:partner=World,flow=total' "
        "(repeat for each flow; adds to or replaces the report's [data.flows])",
    )
    checker.add_argument(
        "--html",
        metavar="OUT.html",
        help="also write the check as one self-contained web page (needs tradestats[plot])",
    )
    checker.add_argument(
        "--plot",
        metavar="OUT.svg|png|pdf",
        help="also write the picture of the check, by the file's suffix (needs tradestats[plot])",
    )
    _extract_parser(commands)
    return parser


def _article_options(parser: argparse.ArgumentParser) -> None:
    """The options of reading an article: its date, reporter and language."""
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the article's date, for years it leaves implicit"
    )
    parser.add_argument("--reporter", help="who reports the flows (default: as the article says)")
    parser.add_argument(
        "--lang",
        choices=("en", "zh-hans", "zh-hant", "de", "zh", "zh-cn", "zh-tw", "zh-hk"),
        help="the article's language (default: detected)",
    )


def _extract_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    extractor = commands.add_parser(
        "extract",
        help="read an article (text or HTML) into a draft report to check",
        description=(
            "Read an article's text or HTML (English, simplified or traditional Chinese, "
            "German) and write a draft report: the flows found, one claim per figure with "
            "the article's words as a comment, and a # REVIEW: mark wherever a choice was "
            "made. Exit status: 0 written, 2 unreadable article or no figure found, 70 "
            "internal error."
        ),
    )
    extractor.add_argument(
        "article", metavar="ARTICLE", help="the article (.txt, .html), or - for standard input"
    )
    extractor.add_argument("-o", "--output", metavar="FILE", help="write the draft to FILE")
    extractor.add_argument(
        "--json", action="store_true", help="print the draft and its choices as a JSON object"
    )
    _article_options(extractor)


_ARTICLE_SUFFIXES: Final = (".txt", ".html", ".htm")


def _read_article(path: str) -> str:
    """An article's text from a file or standard input, within the size limit."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)
        else:
            with open(path, "rb") as stream:
                data = stream.read(MAX_REPORT_BYTES + 1)
    except OSError as error:
        raise TradeStatsError(
            f"{path}: cannot read the file: {error.strerror}", file=path
        ) from None
    if len(data) > MAX_REPORT_BYTES:
        raise TradeStatsError(
            f"{path}: an article is at most {MAX_REPORT_BYTES} bytes "
            "(tradestats.limits.MAX_REPORT_BYTES)",
            file=path,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TradeStatsError(
            f"{path}: not UTF-8 text (byte {error.start}): save the article as UTF-8", file=path
        ) from None


def _extraction(path: str, arguments: argparse.Namespace) -> Extraction:
    found = extract(
        _read_article(path), date=arguments.date, reporter=arguments.reporter, lang=arguments.lang
    )
    if not found.report.claims:
        raise TradeStatsError(f"{path}: found no trade figure to extract", file=path)
    return found


def _run_extract(arguments: argparse.Namespace) -> int:
    """``tradestats extract``: write the draft report, or its JSON."""
    found = _extraction(arguments.article, arguments)
    if arguments.json:
        text = json.dumps(found.to_dict(), indent=2, ensure_ascii=False) + "\n"
        text = _JSON_UNSAFE.sub(_json_escape, text)
    else:
        text = found.to_toml()
    if arguments.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(arguments.output, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        raise TradeStatsError(
            f"cannot write {quote(arguments.output)}: {error.strerror}", file=arguments.output
        ) from None
    return 0


def _draft_lines(path: str, found: Extraction) -> list[str]:
    """What ``check ARTICLE`` says before the table: a draft, and the choices made."""
    shown = escape_controls(path, keep_newlines=False)
    lines = [
        (
            f"DRAFT: the report below was extracted from {shown}; it is a draft. "
            f"{len(found.choices)} choice(s) made:"
        )
    ]
    lines += [
        f"  - {escape_controls(choice.describe(), keep_newlines=False)}" for choice in found.choices
    ]
    lines.append("Write it out with `tradestats extract` to review and fix it.")
    return lines


def _pictures(result: CheckResult, html: str | None, plot: str | None) -> None:
    """Write the page and the picture asked for on the command line."""
    if html is None and plot is None:
        return
    try:
        from tradestats import plots  # noqa: PLC0415 - an extra, loaded only when asked
    except ImportError as error:
        raise TradeStatsError(str(error)) from None
    if plot is not None:
        plots.save(plots.plot_check(result), plot)
    if html is not None:
        plots.write_check_html(result, html)


def _data(report: Report, arguments: argparse.Namespace) -> tuple[object, DataMatch | None]:
    """The frame of ``--data`` and the match of the report's flows, with ``--match`` applied."""
    if arguments.data is None:
        return None, None
    try:
        from tradestats import tables  # noqa: PLC0415 - an extra, loaded only when asked
    except ImportError as error:
        raise TradeStatsError(
            f"--data needs the tables extra (pip install 'tradestats[tables]'): {error}"
        ) from None
    path = Path(arguments.data)
    if arguments.data_format == "comtrade":
        if path.suffix.lower() == ".json":
            frame = tables.read_comtrade_json(path)
        else:
            frame = tables.read_comtrade_csv(path)
    elif path.suffix.lower() == ".parquet":
        frame = _parquet(path)
    else:
        frame = tables.read_tidy_csv(path)
    flows = dict(report.data.flows) if report.data is not None else {}
    flows.update(parse_match(text) for text in arguments.match)
    if not flows:
        raise TradeStatsError(
            "--data needs a match: say which rows hold each flow with --match "
            "'FLOW:COLUMN=TEXT,...' or a [data.flows.FLOW] table in the report"
        )
    base = report.data if report.data is not None else DataMatch(flows=flows)
    return frame, attrs.evolve(base, flows=tuple(flows.items()))


def _parquet(path: Path) -> object:
    """A tidy Parquet file as a pyarrow Table (its columns as the tidy schema names them)."""
    try:
        parquet: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as error:  # pragma: no cover - the tables extra has pyarrow
        raise TradeStatsError(f"reading Parquet needs pyarrow: {error}") from None
    try:
        return parquet.read_table(path)
    except (OSError, ValueError) as error:
        # pyarrow's own text of a missing file is the path alone.
        reason = "no such file" if isinstance(error, FileNotFoundError) else shorten(str(error))
        raise TradeStatsError(f"{path}: cannot read Parquet: {reason}", file=str(path)) from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        message = f"expected a number of seconds, 0 or more, not {quote(text)}"
        raise argparse.ArgumentTypeError(message)
    return value


def _version() -> str:
    # As tradestats.__version__ finds it; the package itself is a layer above this module.
    try:
        return version("tradestats")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def _budget(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        message = f"expected a whole number of 0 or more, not {quote(text)}"
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
        time limit ran out before every claim was checked (and none is inconsistent),
        70 an internal error (a bug in tradestats; one line on standard error).
    """
    _write_any_character()
    try:
        return _run(argv)
    except TradeStatsError as error:
        _error(str(error))
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        _error(
            f"internal error ({type(error).__name__}: {error}); this is a bug in tradestats, "
            "please report it with the report file at "
            "https://github.com/tradestats/tradestats/issues",
            code="internal",
        )
        return INTERNAL_ERROR_STATUS


def _write_any_character() -> None:
    """Let standard output and error write characters their encoding lacks, as escapes.

    A terminal or pipe in ASCII or Latin-1 (``PYTHONIOENCODING``, an old locale)
    cannot encode 乌鲁木齐 or "−": without this, printing a result raised
    ``UnicodeEncodeError`` and the run ended as an internal error.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def _error(message: str, *, code: str = "error") -> None:
    """One line on standard error: the message shortened, its control characters escaped."""
    line = escape_controls(shorten(message, _MESSAGE_LENGTH), keep_newlines=False)
    sys.stderr.write(f"tradestats: {code}: {line}\n")


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    if arguments.command == "extract":
        return _run_extract(arguments)
    draft, report = _report(arguments)
    if arguments.match and arguments.data is None:
        raise TradeStatsError("--match says which rows of --data hold a flow: give --data too")
    data, match = _data(report, arguments)
    started = time.monotonic()
    result = check(
        report,
        budget=arguments.budget,
        time_limit=arguments.time_limit,
        data=data,
        match=match,
    )
    _hint_fast(time.monotonic() - started)
    try:
        _pictures(result, arguments.html, arguments.plot)
    except OSError as error:
        _error(f"cannot write {quote(error.filename)}: {error.strerror}")
        return 2
    status = 0 if result.consistent else 1
    if status == 0 and not result.complete:
        status = UNFINISHED_STATUS
    try:
        _write(result, draft, arguments)
    except BrokenPipeError:
        # The reader (head, less) went away: say nothing more, as Python's docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def _hint_fast(seconds: float) -> None:
    """A note on standard error when a slow check would have been quicker with HiGHS."""
    if not FAST_ENGINE and seconds >= _SLOW_CHECK:
        _error(
            f"the check took {seconds:.0f} s on the exact simplex alone; with HiGHS "
            '(pip install "tradestats[fast]") it solves in floating point and certifies '
            "every answer exactly: the same verdicts, often many times faster",
            code="note",
        )


def _report(arguments: argparse.Namespace) -> tuple[Extraction | None, Report]:
    """The report to check, and the extraction it came from when an article was given."""
    if arguments.article or arguments.report.lower().endswith(_ARTICLE_SUFFIXES):
        draft = _extraction(arguments.report, arguments)
        return draft, draft.report
    if arguments.report == "-":
        return None, read_report(sys.stdin.buffer, name="<stdin>")
    return None, load_report(arguments.report)


def _write(result: CheckResult, draft: Extraction | None, arguments: argparse.Namespace) -> None:
    """The check's result on standard output: a table, or JSON; a draft says so first."""
    if arguments.json:
        data = result.to_dict()
        if draft is not None:
            data = {"draft": True, "choices": [c.to_dict() for c in draft.choices], **data}
        text = json.dumps(data, indent=2, ensure_ascii=False)
        sys.stdout.write(_JSON_UNSAFE.sub(_json_escape, text) + "\n")
    else:
        if draft is not None:
            sys.stdout.write("\n".join(_draft_lines(arguments.report, draft)) + "\n\n")
        sys.stdout.write(render(result, colour=_use_colour(arguments.color, sys.stdout)) + "\n")
    sys.stdout.flush()


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


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

    safe = escape_controls
    report = result.report
    lines = [paint(safe(report.title, keep_newlines=False), _BOLD)]
    if report.source:
        lines.append(f"Source: {safe(report.source, keep_newlines=False)}")
    header = ["ID", "PERIOD", "FIGURE", "PUBLISHED", "VERDICT", "THE OTHER CLAIMS IMPLY"]
    rows = [
        [
            safe(cell, keep_newlines=False)
            for cell in (
                check.claim.id,
                check.period.label(),
                _figure(report, check.claim),
                published_text(check.claim),
                check.verdict.value,
                check.summary,
            )
        ]
        for check in result.checks
    ]
    table = _table([header, *rows])
    lines += ["", paint("Claims", _BOLD), paint(table[0], _BOLD) if colour else table[0]]
    for done, line in zip(result.checks, table[1:], strict=True):
        verdict = done.verdict.value
        lines.append(line.replace(f"  {verdict}", f"  {paint(verdict, _COLOURS[done.verdict])}", 1))
    lines += _releases(result, paint)
    lines += ["", paint("Implied figures", _BOLD)]
    if result.implied:
        lines += _table(
            [
                [safe(figure.label, keep_newlines=False), safe(figure.range.format())]
                for figure in result.implied
            ]
        )
    elif not result.complete:
        lines.append("  not worked out: the time limit ran out first")
    else:
        lines.append("  none: the claims determine no figure they do not state")
    if result.unmatched:
        lines += ["", paint("Not in the data", _BOLD)]
        lines += [f"  - {safe(line, keep_newlines=False)}" for line in result.unmatched]
    lines += ["", paint("Conflicts", _BOLD)]
    if result.conflicts:
        lines += [
            f"  - {safe(conflict.explanation, keep_newlines=False)}"
            for conflict in result.conflicts
        ]
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
        if verdict
        not in (Verdict.UNFINISHED, Verdict.UNDEFINED, Verdict.REVISED, Verdict.NOT_COMPARABLE)
        or counts[verdict]
    )
    status = Verdict.CONSISTENT if result.consistent else Verdict.INCONSISTENT
    lines += ["", f"Result: {paint(status.value, _COLOURS[status])} ({summary})"]
    return "\n".join(lines)


def _releases(result: CheckResult, paint: Callable[[str, str], str]) -> list[str]:
    """The releases of a report with several, and the revisions between them."""
    report = result.report
    if len(report.releases) < 2:
        return []
    safe = escape_controls
    lines = ["", paint("Releases", _BOLD)]
    lines += _table(
        [
            [
                safe(release.id, keep_newlines=False),
                safe(release.describe(), keep_newlines=False),
                safe(f"{release.status.value}: " if release.status else "", keep_newlines=False)
                + safe(release.title or "", keep_newlines=False),
            ]
            for release in report.releases
        ]
    )
    lines += ["", paint("Revisions between releases", _BOLD)]
    if not result.revisions:
        lines.append("  none: no quantity has a value in two releases")
        return lines
    rows = [["VALUE", "EARLIER", "LATER", "REVISION", "NEEDED"]]
    for revision in result.revisions:
        what = (
            revision.percent.format() if revision.percent is not None else revision.change.format()
        )
        needed = "yes" if revision.needed else "no"
        if not revision.allowed:
            needed = "over the limit"
        rows.append(
            [
                safe(
                    f"{report.flow(revision.flow).describe()}, {revision.period.label()}",
                    keep_newlines=False,
                ),
                safe(f"{revision.earlier}: {revision.before.format()}", keep_newlines=False),
                safe(f"{revision.later}: {revision.after.format()}", keep_newlines=False),
                f"{what} ({revision.change.format()})",
                needed,
            ]
        )
    lines += _table(rows)
    return lines


if __name__ == "__main__":  # pragma: no cover - run as python -m tradestats.cli
    sys.exit(main())
