"""Precision and recall of ``extract()`` on the annotated corpus, overall and by language.

The corpus is ``tests/data/articles/``: articles written for tradestats around
published figures, each with a gold report written by hand (``index.toml`` lists
them with their date and language). An extracted figure is right when a gold
claim has the same kind, the same value (digits, unit and precision), the same
flow (flow kind, partner and product; ids and labels aside), the same period and
the same base; each gold claim is matched once. Sums are no figures and are not
counted. Also prints the figures whose digits appear nowhere in the article (the
target is none, ever), the time per article, and with ``--misses`` every figure
missed or wrong.

``--held-out`` scores the articles of ``tests/data/articles-held-out/`` instead:
written after the extractor's rules were tuned on the corpus, they measure it on
text it has not seen. ``--scale`` prints the time to extract a release-like text
and a hostile one at 100 KB and 1 MB and the ratio (about 10 when linear, about
100 when quadratic); nothing is asserted about speed.

Run with ``python benchmarks/bench_extract.py`` (``--misses`` for the details).
"""

from __future__ import annotations

import argparse
import re
import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import tradestats as ts
from tradestats.claims.report import ShareClaim, SumClaim
from tradestats.extraction._words import PARTNERS

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"
HELD_OUT = CORPUS.parent / "articles-held-out"
_PARTNER_NAMES = {key.lower(): value.lower() for key, value in PARTNERS.items()}
_NUMERAL = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")


def articles(corpus: Path = CORPUS) -> list[dict[str, Any]]:
    """The corpus: name, text file, date, language and gold report of each article."""
    index = tomllib.loads((corpus / "index.toml").read_text(encoding="utf-8"))
    return [
        {
            "name": name,
            **entry,
            "file": corpus / entry["file"],
            "gold": corpus / f"{name}.gold.toml",
        }
        for name, entry in index["articles"].items()
    ]


def _partner(name: str) -> str:
    lowered = name.strip().lower()
    return _PARTNER_NAMES.get(lowered, lowered)


def _product(product: object) -> str | None:
    if product is None:
        return None
    text = str(product).strip().lower()
    return text[:-1] if text.endswith("s") else text


def _flow(report: ts.Report, flow_id: str) -> tuple[str, str, str | None]:
    flow = report.flow(flow_id)
    return flow.flow.value, _partner(flow.partner), _product(flow.product)


def key(report: ts.Report, claim: Any) -> tuple[Any, ...]:
    """What must agree for an extracted claim to be right: kind, value, flow, period, base."""
    kind = type(claim).__name__
    if isinstance(claim, ShareClaim):
        flows: tuple[Any, ...] = (_flow(report, claim.part), _flow(report, claim.whole))
        figure = claim.share
    else:
        flows = (_flow(report, claim.flow),)
        figure = next(
            getattr(claim, name)
            for name in ("value", "growth", "multiplier", "change", "share_change")
            if hasattr(claim, name)
        )
    versus = getattr(claim, "versus", None)
    return (kind, figure, flows, claim.period, versus)


def figures(report: ts.Report) -> list[Any]:
    """The claims of a report that publish a figure (no sums)."""
    return [claim for claim in report.claims if not isinstance(claim, SumClaim)]


def numerals(text: str) -> set[str]:
    """Every numeral of a text with its separators removed and a dot for decimal mark."""
    found = set()
    for match in _NUMERAL.finditer(text):
        raw = match.group()
        found.add(re.sub(r"[,\u00a0\u202f ]", "", raw))
        found.add(re.sub(r"[.\u00a0\u202f ]", "", raw).replace(",", "."))
    return found


def wrong_digits(extraction: ts.Extraction) -> list[str]:
    """The claims whose figure's numeral appears nowhere in the article."""
    article = numerals(extraction.text)
    wrong = []
    for claim in figures(extraction.report):
        text = getattr(claim, "text", None) or ""
        numerals_of_claim = [re.sub(r"[,\u00a0\u202f ]", "", n) for n in _NUMERAL.findall(text)]
        wrong += [f"{claim.id}: {text!r}" for n in numerals_of_claim if n not in article]
    return wrong


def score(entry: dict[str, Any]) -> dict[str, Any]:
    """Extract one article and compare it with its gold report."""
    text = Path(entry["file"]).read_text(encoding="utf-8")
    started = time.perf_counter()
    found = ts.extract(text, date=entry["date"], lang=entry["lang"])
    seconds = time.perf_counter() - started
    gold = ts.load_report(entry["gold"])
    wanted = Counter(key(gold, claim) for claim in figures(gold))
    right, wrong = 0, []
    for claim in figures(found.report):
        claim_key = key(found.report, claim)
        if wanted[claim_key] > 0:
            wanted[claim_key] -= 1
            right += 1
        else:
            wrong.append(f"{claim.id}: {getattr(claim, 'text', None)!r} {claim_key}")
    missed = [str(claim_key) for claim_key, count in wanted.items() for _ in range(count)]
    return {
        "name": entry["name"],
        "lang": entry["lang"],
        "round": entry.get("round"),
        "extracted": len(figures(found.report)),
        "gold": len(figures(gold)),
        "right": right,
        "wrong": wrong,
        "missed": missed,
        "digits": wrong_digits(found),
        "seconds": seconds,
    }


def _row(label: str, results: list[dict[str, Any]]) -> str:
    extracted = sum(r["extracted"] for r in results)
    gold = sum(r["gold"] for r in results)
    right = sum(r["right"] for r in results)
    precision = right / extracted if extracted else 0.0
    recall = right / gold if gold else 0.0
    digits = sum(len(r["digits"]) for r in results)
    return (
        f"{label:<10} {len(results):>8} {gold:>6} {extracted:>9} {right:>6} "
        f"{precision:>9.1%} {recall:>7.1%} {digits:>13}"
    )


_SCALE_TEXTS = {
    "release-like": "2023年7月，出口增长5.5%，达123亿美元，进口下降2%。"
    "Exports rose 5.5 percent to 12.3 billion dollars in July 2023. ",
    "hostile": "1" * 80 + " % <p>" + "9." * 30 + " times January-" + "Exports with the " * 5,
}


def scale() -> None:
    """Print extraction times at 100 KB and 1 MB, and their ratio."""
    print(f"{'text':<14} {'100 KB':>8} {'1 MB':>8} {'ratio':>6}")
    for name, unit in _SCALE_TEXTS.items():
        times = []
        for size in (100_000, 1_000_000):
            text = (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode(errors="ignore")
            started = time.perf_counter()
            ts.extract(text, date="2023-08-10")
            times.append(time.perf_counter() - started)
        print(f"{name:<14} {times[0]:>7.2f}s {times[1]:>7.2f}s {times[1] / times[0]:>6.1f}")


def main() -> None:
    """Print the table; with --misses, every wrong and missed figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list wrong and missed figures")
    parser.add_argument("--held-out", action="store_true", help="score the held-out articles")
    parser.add_argument("--scale", action="store_true", help="time 100 KB and 1 MB texts")
    arguments = parser.parse_args()
    if arguments.scale:
        scale()
        return
    results = [score(entry) for entry in articles(HELD_OUT if arguments.held_out else CORPUS)]
    print(
        f"{'language':<10} {'articles':>8} {'gold':>6} {'extracted':>9} {'right':>6} "
        f"{'precision':>9} {'recall':>7} {'wrong digits':>13}"
    )
    for lang in ("en", "zh-hans", "zh-hant", "de"):
        print(_row(lang, [r for r in results if r["lang"] == lang]))
    print(_row("all", results))
    for round_ in sorted({r["round"] for r in results if r["round"] is not None}):
        print(_row(f"round {round_}", [r for r in results if r["round"] == round_]))
    total = sum(r["seconds"] for r in results)
    print(f"\n{total * 1000 / len(results):.1f} ms per article ({len(results)} articles)")
    if arguments.misses:
        for result in results:
            if result["wrong"] or result["missed"] or result["digits"]:
                print(f"\n{result['name']}")
                for line in result["wrong"]:
                    print(f"  wrong:  {line}")
                for line in result["missed"]:
                    print(f"  missed: {line}")
                for line in result["digits"]:
                    print(f"  DIGITS: {line}")


if __name__ == "__main__":
    main()
