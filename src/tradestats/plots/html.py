"""A check as one self-contained web page: no network, no scripts, inline SVG and CSS.

The page holds the report's title and source, the overall verdict, the claims
with their published and implied ranges, the conflicts in words, the implied
figures and the picture of :func:`~tradestats.plots.plot_check`. It reads on a
phone: the table scrolls sideways inside its box and the picture scales down.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tradestats.claims.consistency import CheckResult, Verdict
from tradestats.plots._canvas import COLOURS, svg_text
from tradestats.plots.check import plot_check

if TYPE_CHECKING:
    from tradestats.verify.ranges import Bounds

__all__ = ["check_html", "write_check_html"]

_STYLE: Final = """
:root { color-scheme: light; --ink: #222; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
       sans-serif; color: var(--ink); margin: 0 auto; padding: 1rem; max-width: 72rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.source { color: var(--muted); margin: 0 0 1rem; }
.banner { padding: .75rem 1rem; border-radius: .5rem; color: #fff; font-weight: 600; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: .5rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { background: #f6f6f6; } td.verdict { font-weight: 600; white-space: nowrap; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { width: 100%; min-width: 40rem; height: auto; }  /* phones scroll the picture */
li { margin: .3rem 0; }
@media (max-width: 40rem) {  /* phones: each claim becomes a card, labels beside values */
  .scroll { overflow: visible; border: 0; }
  table, tbody, tr, td { display: block; width: 100%; } thead { display: none; }
  tr { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 .75rem; padding: .25rem 0; }
  td { border: 0; padding: .15rem .75rem; }
  td::before { content: attr(data-label); display: block; font-size: .75rem; color: var(--muted); }
}
"""


def check_html(result: CheckResult) -> str:
    """The check as one HTML document (text), self-contained and safe to open offline.

    Every text from the report is escaped, so a title or label cannot inject markup.

    >>> from tradestats import check, load_report
    >>> page = check_html(check(load_report("examples/xinjiang_2023.toml")))
    >>> page.startswith("<!DOCTYPE html>"), "<svg" in page, "http" in page.split("<svg")[0]
    (True, True, False)
    """
    report = result.report
    title = escape(report.title)
    verdict, colour = _overall(result)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}: {escape(verdict)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
    ]
    if report.source:
        parts.append(f'<p class="source">Source: {escape(report.source)}</p>')
    parts.append(f'<p class="banner" style="background:{colour}">{escape(verdict)}</p>')
    parts.append(
        '<figure role="img" aria-label="each claim\'s published interval against what the '
        'other claims allow">' + svg_text(plot_check(result)) + "</figure>"
    )
    parts.append("<h2>Claims</h2>" + _claims_table(result))
    if result.conflicts:
        items = "".join(
            f"<li><strong>{escape(', '.join(c.claims))}</strong>: {escape(c.explanation)}</li>"
            for c in result.conflicts
        )
        parts.append(f"<h2>Conflicts</h2><ul>{items}</ul>")
    if result.implied:
        rows = "".join(
            f'<tr><td data-label="Figure">{escape(f.label)}</td>'
            f'<td data-label="Period">{escape(str(f.period))}</td>'
            f'<td data-label="Range">{escape(f.range.format())}</td></tr>'
            for f in result.implied
        )
        parts.append(
            "<h2>Implied figures</h2><div class=scroll><table><thead><tr><th>Figure</th>"
            f"<th>Period</th><th>Range</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_check_html(result: CheckResult, path: str | Path) -> Path:
    """Write :func:`check_html` to a file (UTF-8) and return its path."""
    target = Path(path)
    target.write_text(check_html(result), encoding="utf-8")
    return target


def _overall(result: CheckResult) -> tuple[str, str]:
    if not result.consistent:
        count = sum(check.verdict is Verdict.INCONSISTENT for check in result.checks)
        return f"Inconsistent: {count} figure(s) cannot hold together", COLOURS["inconsistent"]
    if result.unfinished:
        return "Unfinished: the time limit ran out first", COLOURS["unfinished"]
    return "Consistent: the figures hold together within their rounding", COLOURS["consistent"]


def _claims_table(result: CheckResult) -> str:
    rows = []
    for check in result.checks:
        colour = COLOURS.get(check.verdict.value, "#666")
        rows.append(
            f'<tr><td data-label="Claim">{escape(check.claim_id)}</td>'
            f'<td data-label="About">{escape(check.subject)}</td>'
            f'<td data-label="Published">{escape(_range(check.published))}</td>'
            f'<td data-label="Others allow">{escape(_range(check.implied))}</td>'
            f'<td data-label="Verdict" class=verdict style="color:{colour}">'
            f"{escape(check.verdict.value)}</td>"
            f'<td data-label="Why">{escape(check.explanation)}</td></tr>'
        )
    return (
        "<div class=scroll><table><thead><tr><th>Claim</th><th>About</th><th>Published</th>"
        "<th>Others allow</th><th>Verdict</th><th>Why</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def _range(bounds: Bounds[Any] | None) -> str:
    return "" if bounds is None else bounds.format()
