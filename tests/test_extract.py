"""extract(): from an article's text to a draft report, on the seed, the corpus and snippets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import tradestats as ts
from tests._scripts import load_script
from tradestats.claims.files import parse_report
from tradestats.claims.report import MultiplierClaim, ShareClaim, SumClaim, ValueClaim

_ROOT = Path(__file__).resolve().parent.parent
_SEEDS = [
    _ROOT / "tests" / "data" / "seed" / "xinjiang-2023.txt",  # the seed, in our own words
    _ROOT.parent / "shared" / "seed" / "xinjiang-trade-2023.txt",  # the article itself
]
bench = load_script("benchmarks/bench_extract.py")


def _flows(report: ts.Report) -> list[tuple[str, str, str | None]]:
    return sorted(
        (flow.flow.value, flow.partner, None if flow.product is None else str(flow.product))
        for flow in report.flows
    )


def _claims(report: ts.Report) -> list[tuple[Any, ...]]:
    """Each claim by what it says, ids and labels aside."""
    rows: list[tuple[Any, ...]] = []
    for claim in report.claims:
        if isinstance(claim, SumClaim):
            rows.append(("sum", len(claim.parts), claim.periods))
            continue
        figure = next(
            getattr(claim, name)
            for name in ("value", "growth", "multiplier", "share")
            if hasattr(claim, name)
        )
        times = claim.times if isinstance(claim, MultiplierClaim) else None
        rows.append((type(claim).__name__, claim.period, figure, times))
    return sorted(rows, key=repr)


def _outcome(result: ts.CheckResult) -> tuple[list[Any], list[str]]:
    checks = sorted((c.verdict.value, c.period, c.summary) for c in result.checks)
    return checks, sorted(figure.range.format() for figure in result.implied)


def _article_2023(example: ts.Report) -> ts.Report:
    """The example's claims of the 2023 article (its default release), and their flows.

    The example also holds the figures of August 2022 as a release of their own;
    the seed article is the 2023 one.
    """
    claims = [
        claim
        for claim in example.claims
        if example.release_of(claim) in (None, example.default_release)
    ]
    used = {
        name
        for claim in claims
        for name in (
            getattr(claim, key, None) for key in ("flow", "part", "whole", "total", "than")
        )
        if name is not None
    } | {part for claim in claims if isinstance(claim, SumClaim) for part in claim.parts}
    return ts.Report(
        title=example.title,
        flows=[flow for flow in example.flows if flow.id in used],
        claims=[attrs.evolve(claim, release=None) for claim in claims],
    )


@pytest.mark.parametrize("path", _SEEDS, ids=["own-words", "seed"])
def test_the_seed_extracts_to_the_example_and_checks_the_same(path: Path) -> None:
    """The seed's draft has the example's flows and claims (ids aside), and the same check."""
    if not path.exists():
        pytest.skip(f"{path} is not in this checkout")
    example = _article_2023(ts.load_report(_ROOT / "examples" / "xinjiang_2023.toml"))
    found = ts.extract(path.read_text(encoding="utf-8"), date="2023-08-10")
    assert len(_flows(found.report)) == len(_flows(example))
    assert [f[:1] + f[2:] for f in _flows(found.report)] == [f[:1] + f[2:] for f in _flows(example)]
    assert _claims(found.report) == _claims(example)
    assert _outcome(ts.check(found.report)) == _outcome(ts.check(example))
    # The declared rest of the world and the English "N times" are marked for review.
    assert sorted(choice.what for choice in found.choices if choice.claim) == [
        "parts",
        "times",
        "times",
    ]


@pytest.mark.parametrize("corpus", [bench.CORPUS, bench.HELD_OUT], ids=["corpus", "held-out"])
def test_the_corpus_never_gets_a_digit_wrong(corpus: Path) -> None:
    """Over both corpora, every extracted figure's numeral is one the article writes."""
    results = [bench.score(entry) for entry in bench.articles(corpus)]
    assert [(r["name"], r["digits"]) for r in results if r["digits"]] == []


def test_precision_and_recall_on_the_corpus() -> None:
    """At least 95% of extracted figures right and 85% of the gold figures found."""
    results = [bench.score(entry) for entry in bench.articles()]
    extracted = sum(r["extracted"] for r in results)
    right = sum(r["right"] for r in results)
    gold = sum(r["gold"] for r in results)
    assert len(results) >= 30
    assert right / extracted >= 0.95
    assert right / gold >= 0.85


@pytest.mark.parametrize("entry", bench.articles(), ids=lambda entry: entry["name"])
def test_each_draft_reads_back_as_the_report(entry: dict[str, Any]) -> None:
    """The draft TOML, comments and REVIEW marks included, reads back as the same report."""
    text = Path(entry["file"]).read_text(encoding="utf-8")
    found = ts.extract(text, date=entry["date"], lang=entry["lang"])
    assert parse_report(found.to_toml()) == found.report
    assert json.loads(json.dumps(found.to_dict()))["draft"] is True


def _only(found: ts.Extraction, kind: type) -> list[Any]:
    return [claim for claim in found.report.claims if isinstance(claim, kind)]


def test_chinese_times_more_and_as_much() -> None:
    """增长N倍 is times more and 是…的N倍 times as much, neither marked; English "N times" is."""
    found = ts.extract(
        "2023年前7个月，电动汽车出口增长3.26倍，太阳能电池出口是去年同期的4倍。"
        "Solar cell exports grew 2.5 times in the first seven months of 2023.",
        lang="zh-hans",
    )
    times = [(claim.text, claim.times) for claim in _only(found, MultiplierClaim)]
    assert times[:2] == [
        ("增长3.26倍", ts.TimesConvention.MORE),
        ("是去年同期的4倍", ts.TimesConvention.AS_MUCH),
    ]
    english = ts.extract("Solar cell exports grew 2.5 times in the first seven months of 2023.")
    assert [c.what for c in english.choices if c.claim] == ["times"]
    assert "# REVIEW: times: times more" in english.to_toml()


def test_traditional_chinese_and_the_roc_calendar() -> None:
    """億 and 萬億 are read; 114年 is 2025, marked for review; 兆 only in traditional text."""
    found = ts.extract("114年對美國出口1982.7億美元，年增78.0%。", lang="zh-hant")
    value = _only(found, ValueClaim)[0]
    assert (value.period, str(value.value.value)) == (ts.Period.year(2025), "198.27 billion USD")
    assert found.report.flow(value.flow).partner == "United States"
    assert any(c.what == "period" and "Republic of China" in c.chosen for c in found.choices)
    taiwan = ts.extract("2024年出口2兆1500億美元，出口4.5兆元。", lang="zh-hant")
    assert [str(c.value.value) for c in _only(taiwan, ValueClaim)] == [
        "2.15 trillion USD",  # a compound numeral, read whole by the grammar
        "4.5 trillion CNY",
    ]
    assert [c.what for c in taiwan.choices].count("scale") == 2
    mainland = ts.extract("2024年出口4.5兆元。", lang="zh-hans")
    assert _only(mainland, ValueClaim) == []


def test_german_decimal_commas_and_verbs_last() -> None:
    """12,4 Mrd. Euro is 12.4 billion EUR; "gegenüber dem Vormonat" is the month before."""
    found = ts.extract(
        "Die Exporte sind im April 2012 gegenüber dem Vormonat um 1,7 Prozent gesunken. "
        "Deutschland führte im April 2012 Waren im Wert von 87,1 Mrd. Euro aus."
    )
    assert found.language == "de"
    growth: Any = found.report.claims[0]
    value: Any = found.report.claims[1]
    assert (growth.growth.value, growth.versus) == (ts.Growth.from_percent("-1.7"), ts.Lag.PREVIOUS)
    assert str(value.value.value) == "87.1 billion EUR"


def test_shares_balances_and_qualifiers() -> None:
    """占…的 is a share of the named whole; 顺差 a positive balance; 超过 a lower bound."""
    found = ts.extract(
        "2022年前7个月，我国出口机电产品7.57万亿元，占出口总值的56.6%；贸易顺差超过3.1万亿元。"
    )
    share = _only(found, ShareClaim)[0]
    assert found.report.flow(share.part).product == ts.ProductGroup("机电产品")
    assert found.report.flow(share.whole).product is None
    surplus = next(c for c in _only(found, ValueClaim) if c.sign is not None)
    assert (surplus.sign, surplus.value.qualifier) == (ts.BalanceSign.SURPLUS, ts.Qualifier.OVER)
    assert any(choice.what == "qualifier" for choice in found.choices)


def test_html_is_read_without_its_scripts() -> None:
    """Tags, scripts and styles are dropped; entities are decoded."""
    found = ts.extract(
        "<html><head><script>var x = '99.9 percent';</script></head><body>"
        "<h1>Trade</h1><p>China&#8217;s exports rose 7.3 percent to CNY15.31 trillion in the "
        "first seven months of 2025.</p></body></html>"
    )
    assert [getattr(claim, "text", None) for claim in found.report.claims] == [
        "rose 7.3 percent",
        "CNY15.31 trillion",
    ]


def test_an_implicit_year_is_taken_from_the_date_and_marked() -> None:
    """ "In July" with the article's date is July of that year, a REVIEW choice."""
    found = ts.extract("In July, exports rose 6 percent to 1.39 trillion yuan.", date="2018-08-08")
    assert {getattr(claim, "period", None) for claim in found.report.claims} == {
        ts.Period.month(2018, 7)
    }
    assert "period" in {choice.what for choice in found.choices}
    undated = ts.extract("In July, exports rose 6 percent to 1.39 trillion yuan.")
    assert undated.report.claims == ()
    assert {choice.what for choice in undated.choices} == {"skipped"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": "8 August 2023"}, "YYYY-MM-DD"),
        ({"lang": "fr"}, "unknown language"),
    ],
)
def test_bad_options_raise_parse_errors(kwargs: dict[str, Any], message: str) -> None:
    """A date or language the extractor cannot use is a ParseError naming it."""
    with pytest.raises(ts.ParseError, match=message):
        ts.extract("Exports rose 5% in 2023.", **kwargs)


def test_text_over_the_limit_and_no_text() -> None:
    """More than MAX_REPORT_BYTES, or no string, is a ParseError."""
    with pytest.raises(ts.ParseError, match="MAX_REPORT_BYTES"):
        ts.extract("x" * (ts.limits.MAX_REPORT_BYTES + 1))
    with pytest.raises(ts.ParseError, match="as text"):
        ts.extract(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "unit",
    [
        "1" * 80 + " % <p>" + "9." * 30 + " times January-" + "Exports with the " * 5,
        "增长" * 20 + "前" * 20 + "月" + "１" * 30 + "億" + "对" * 10 + "出口",
    ],
    ids=["latin", "cjk"],
)
def test_a_megabyte_of_hostile_text_is_read(unit: str) -> None:
    """A 1 MB article of hostile runs is read: no pattern backtracks (timings: the benchmark)."""
    size = ts.limits.MAX_REPORT_BYTES
    text = (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode(errors="ignore")
    found = ts.extract(text, date="2023-08-10")
    assert len(found.text) > size // 4


def test_a_long_article_of_figures_is_read() -> None:
    """Many figures (64 KB of them) bind as one: each claim once, on its own flow and period."""
    unit = "2023年7月，出口增长5.5%，达123亿美元，进口下降2%。"
    found = ts.extract(unit * ((1 << 16) // len(unit.encode())), date="2023-08-10")
    assert [getattr(claim, "text", None) for claim in found.report.claims] == [
        "增长5.5%",
        "123亿美元",
        "下降2%",
    ]


def test_the_package_is_not_shadowed_by_the_function() -> None:
    """``tradestats.extract`` is the function; its package is ``tradestats.extraction``."""
    import importlib
    import types

    package = importlib.import_module("tradestats.extraction")
    assert isinstance(package, types.ModuleType)
    assert callable(ts.extract)
    assert package.extract is ts.extract
    assert (package.Extraction, package.Choice) == (ts.Extraction, ts.Choice)


def test_german_qualifiers_and_taiwanese_balances() -> None:
    """Rund is "about", marked for review; 出超 (a surplus) is no 超 "over"."""
    german = ts.extract(
        "Im Jahr 2023 wurden Waren im Wert von rund 1.562 Milliarden Euro exportiert.",
        lang="de",
    )
    value = _only(german, ValueClaim)[0]
    assert (str(value.value.value), value.value.qualifier) == (
        "1.562 trillion EUR",
        ts.Qualifier.ABOUT,
    )
    assert any(c.what == "qualifier" for c in german.choices)
    taiwan = ts.extract("2025年出口6,407.5億美元，出超1,571.4億美元。", lang="zh-hant")
    qualifiers = [c.value.qualifier for c in _only(taiwan, ValueClaim)]
    assert qualifiers == [ts.Qualifier.EXACT, ts.Qualifier.EXACT]
