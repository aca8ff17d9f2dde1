"""Fuzz every public entry point that reads text: only TradeStatsError, and round trips.

Where text parses, the result is checked against itself: printed and read again
it is the same object, so no digit was rounded away or invented.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
from tests.fuzz._support import FUZZ, call, expect
from tests.fuzz.hostile import hostile_texts

if TYPE_CHECKING:
    from collections.abc import Callable


def _round_trips(target: str, result: Any, parse: Callable[[str], Any], shown: str) -> None:
    again = call(target, parse, shown)
    expect(target, again == result, f"{shown!r} read back as {again!r}, not {result!r}")


def _money(text: str) -> None:
    result = call("money", ts.money, text, yen_sign="CNY")
    if result is not None:
        _round_trips("money", result, ts.money, repr(result)[8:-2])


def _amount(text: str) -> None:
    result = call("amount", ts.amount, text, yen_sign="JPY")
    parsed = call("Amount.parse", ts.Amount.parse, text, yen_sign="JPY")
    if result is not None and parsed is not None:
        expect("amount", result == parsed, f"amount({text!r}) {result!r} != parse {parsed!r}")


_MEASURES: dict[str, Callable[[str], Any]] = {
    "Growth.parse": lambda text: ts.Growth.parse(text, times=ts.TimesConvention.MORE),
    "Multiplier.parse": lambda text: ts.Multiplier.parse(text, times=ts.TimesConvention.AS_MUCH),
    "Share.parse": ts.Share.parse,
    "PercentagePoints.parse": ts.PercentagePoints.parse,
}


def _measures(text: str) -> None:
    """Each measure's parse: a result reads back from its repr."""
    for target, parse in _MEASURES.items():
        result = call(target, parse, text)
        if result is not None:
            _round_trips(target, result, parse, str(result))


def _period(text: str) -> None:
    result = call("Period.parse", ts.Period.parse, text)
    if result is not None:
        _round_trips("Period.parse", result, ts.Period.parse, result.isoformat())


def _hs_code(text: str) -> None:
    """HSCode and HSCode.parse: codes are ASCII digits and read back."""
    for target, read in (("HSCode", ts.HSCode), ("HSCode.parse", ts.HSCode.parse)):
        result = call(target, read, text)
        if result is not None:
            expect(target, result.digits.isascii(), f"{text!r} kept non-ASCII {result!r}")
            expect(target, result.digits.isdigit(), f"{text!r} kept a non-digit {result!r}")
            _round_trips(target, result, ts.HSCode.parse, str(result))


_REPORTED: dict[str, Callable[[str], Any]] = {
    "Reported.parse_amount": lambda text: ts.Reported.parse_amount(text, yen_sign="CNY"),
    "Reported.parse_growth": lambda text: ts.Reported.parse_growth(
        text, times=ts.TimesConvention.MORE
    ),
    "Reported.parse_multiplier": lambda text: ts.Reported.parse_multiplier(
        text, times=ts.TimesConvention.MORE
    ),
    "Reported.parse_share": ts.Reported.parse_share,
    "Reported.parse_points": ts.Reported.parse_points,
}


def _reported(text: str) -> None:
    """Each Reported.parse_*: its interval holds its value."""
    for target, parse in _REPORTED.items():
        result = call(target, parse, text)
        if result is not None:
            expect(target, result.contains(result.value), f"{text!r}: {result!r} misses its value")


_WORDS: dict[str, Callable[[str], Any]] = {
    "as_versus": ts.as_versus,
    "Qualifier.parse": ts.Qualifier.parse,
    "hs_version": ts.hs_version,
    "Concordance.from_csv": lambda text: ts.Concordance.from_csv(
        "source_version,source_code,target_version,target_code,relationship\n" + text
    ),
    "Concordance.from_unsd": lambda text: ts.Concordance.from_unsd(
        "From HS 2022,To HS 2017,Relationship\n" + text
    ),
    "Membership.parse": ts.Membership.parse,
    "partner_group": ts.partner_group,
    "members(group, on)": lambda text: ts.members("EU", on=text),
    "Report releases": lambda text: ts.Report.from_toml(
        'title = "t"\nreporter = "A"\nperiod = "2023"\n[releases.r]\npublisher = "p"\n'
        f"published = 2023-01-01\nmax_revision = {json.dumps(text)}\n"
        f'[flows.x]\nflow = "exports"\nbasis = {json.dumps(text)}\n'
        f"membership = {json.dumps(text)}\npartner = {json.dumps(text)}\n"
    ),
    # Constructors that take a number as text.
    "Growth(text)": ts.Growth,
    "Amount(text, unit)": lambda text: ts.Amount(text, "CNY"),
    "Interval(text, text)": lambda text: ts.Interval(text, text),
    "growth(text, text)": lambda text: ts.growth(text, "1"),
    "ExchangeRate(rate)": lambda text: ts.ExchangeRate("USD", "CNY", text, period="2023"),
}


def _words(text: str) -> None:
    """Bases, qualifiers, HS versions, concordance rows, groups and numbers as text."""
    for target, read in _WORDS.items():
        call(target, read, text)


#: Every text entry point, each fed the same input: drawing a hostile text costs
#: hypothesis more than most parsers take to read it, so one draw serves them all.
_TEXT_ENTRY_POINTS: tuple[Callable[[str], None], ...] = (
    _money,
    _amount,
    _measures,
    _period,
    _hs_code,
    _reported,
    _words,
)


@given(hostile_texts())
@example("1831.999999999999999999999999996亿元")
@example("1e999999999 CNY")
@example("9" * 5000 + " CNY")
@example("1e999999999%")
@example("9" * 5000 + "%")
@example("9" * 5000)
@example("2023-07\n")
@example("８７０３")
@example("8703\n")
@example("环比")
@example("HS2017")
@example("HS2017,854140,HS2022,854141,1:n")
@example("HS2017,854140,HS2022,854141,1:n\nHS2017," + "9" * 5000)
@example("1e999999999")
@example("1" * 29)
@FUZZ
def test_text_entry_points(text: str) -> None:
    """Every parser and constructor that reads text raises only TradeStatsError on it.

    Where one reads the text, the result is checked against itself (it reads back,
    an interval holds its value, a code is ASCII digits).
    """
    for check in _TEXT_ENTRY_POINTS:
        check(text)


@given(version=st.sampled_from(["HS2017:", "HS2022:", "H5:", ":", "HS1900:"]), text=hostile_texts())
@FUZZ
def test_hs_code_with_a_version(version: str, text: str) -> None:
    """A version before the colon: a code of that version, or a tradestats error."""
    result = call("HSCode.parse", ts.HSCode.parse, version + text)
    if result is not None:
        _round_trips("HSCode.parse", result, ts.HSCode.parse, str(result))


_WHITE_SPACE_TARGETS: dict[str, Callable[[str], Any]] = {
    "money": ts.money,
    "Amount.parse": ts.Amount.parse,
    "Reported.parse_amount": ts.Reported.parse_amount,
}


@pytest.mark.parametrize("target", sorted(_WHITE_SPACE_TARGETS))
def test_long_white_space_is_refused(target: str) -> None:
    """100,000 spaces before a unit are refused (a backtracking reader would hang here)."""
    with pytest.raises(ts.TradeStatsError):
        _WHITE_SPACE_TARGETS[target]("1" + " " * 100_000 + "x")


# -- issue 13: the grammar's options, Chinese numerals and characters, find_figures ------

#: Pieces of Chinese, Taiwanese and German figures, numerals and period words.
_CJK_PIECES = (
    "一", "二", "两", "三", "五", "八", "九", "〇", "零", "十", "百", "千", "万", "萬", "亿", "億",
    "兆", "点", "點", "．", "成", "倍", "%", "％", "百分之", "个百分点", "個百分點", "元", "美元",
    "新臺幣", "人民币", "增长", "增長", "下降", "同比", "超", "近", "以上", "占", "的", "是",
    "前", "季度", "月", "年", "民國", "上半年", "1-7月", "一带一路", "Mrd.", "Mio.", "Prozent",
    "um das", "-Fache", "stieg", ",", ".", " ", "\u202f", "'", "1", "12", "234", "2023",
)  # fmt: skip


@st.composite
def _figure_texts(draw: st.DrawFn) -> str:
    """Hostile text, or a run of pieces of Chinese, Taiwanese and German figures."""
    if draw(st.booleans()):
        return draw(hostile_texts())
    return "".join(draw(st.lists(st.sampled_from(_CJK_PIECES), min_size=1, max_size=8)))


_OPTIONS: list[dict[str, Any]] = [
    {},
    {"locale": "de"},
    {"locale": "en"},
    {"locale": "fr"},
    {"locale": "de-CH"},
    {"zhao": "trillion"},
    {"zhao": "million", "locale": "zh"},
]
_OPTIONED: dict[str, Callable[..., Any]] = {
    "Reported.parse_amount": ts.Reported.parse_amount,
    "Reported.parse_growth": lambda text, **options: ts.Reported.parse_growth(
        text, times=ts.TimesConvention.MORE, **options
    ),
    "Reported.parse_multiplier": lambda text, **options: ts.Reported.parse_multiplier(
        text, times=ts.TimesConvention.AS_MUCH, **options
    ),
    "Reported.parse_share": ts.Reported.parse_share,
    "Reported.parse_points": ts.Reported.parse_points,
}


@given(text=_figure_texts(), options=st.sampled_from(_OPTIONS))
@example(text="一兆八千億", options={"zhao": "trillion"})
@example(text="12,4 Mrd. Euro", options={"locale": "de"})
@example(text="百分之" * 50, options={})
@FUZZ
def test_reported_parse_with_a_locale_and_zhao(text: str, options: dict[str, Any]) -> None:
    """With any locale and reading of 兆: only TradeStatsError, and the value in its interval."""
    for target, parse in _OPTIONED.items():
        result = call(target, parse, text, **options)
        if result is not None:
            expect(target, result.contains(result.value), f"{text!r}: {result!r} misses its value")


@given(
    text=_figure_texts(),
    reference=st.none() | st.dates(),
    calendar=st.sampled_from([None, "roc", "gregorian"]),
)
@example(text="前三季度", reference=None, calendar=None)
@example(text="民國113年1-7月", reference=None, calendar=None)
@FUZZ
def test_period_parse_with_a_reference_and_calendar(
    text: str, reference: date | None, calendar: str | None
) -> None:
    """Period.parse with a reference date and calendar: a period that reads back, or an error."""
    result = call("Period.parse", ts.Period.parse, text, reference=reference, calendar=calendar)
    if result is not None:
        _round_trips("Period.parse", result, ts.Period.parse, result.isoformat())


@given(text=_figure_texts(), options=st.sampled_from(_OPTIONS))
@example(text="1-7月，进出口2.3万亿元，同比增长5.2%，占92.3%。", options={})
@example(text="€£ . " + "9" * 2000 + " CNY", options={})  # took 5.9 s: long spans read
@example(text="US$5.94 trillion  ８７０３ -99-%--45 7e" * 60, options={})  # spans read again
@example(text="百億-Fache百分之九百分之三,", options={})  # 百 of 九百 and of 百分之: overlapped
@FUZZ
def test_find_figures(text: str, options: dict[str, Any]) -> None:
    """find_figures: ordered spans of the text, and each value read again from its span."""
    found = call("find_figures", ts.find_figures, text, reference=date(2023, 8, 8), **options)
    if found is None:
        return
    end = 0
    for figure in found:
        expect("find_figures", end <= figure.start < figure.end, f"{text!r}: {found!r} overlap")
        expect("find_figures", figure.text == text[figure.start : figure.end], f"{figure!r}")
        end = figure.end


# -- the extractor and the report writer ----------------------------------------------------

_ARTICLE_PIECES = st.sampled_from(
    [
        "China's exports rose 7.3 percent to CNY15.31 trillion in the first seven months of 2025. ",
        "前7个月，我国进出口总值21.34万亿元，同比增长24.5%，占外贸总值的47.9%。",
        "114年對美國出口1982.7億美元，年增78.0%。",
        "Die Exporte sind im April 2012 um 1,7 Prozent auf 87,1 Mrd. Euro gesunken. ",
        "electric vehicle exports surged by 3.26 times, ",
        "贸易顺差超过3.1万亿元，收窄14.6%；",
        "<p>", "</p>", "<script>", "&#8217;", "\n\n", "In July alone, ", " than November ",
    ]
)  # fmt: skip


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Articles of release-like pieces and hostile text, in any order."""
    pieces = draw(st.lists(st.one_of(_ARTICLE_PIECES, hostile_texts()), max_size=8))
    return "".join(pieces)


@given(text=articles(), date=st.sampled_from([None, "2023-08-10", "2026-01-09"]))
@example(text="2兆1500億美元", date=None)
@example(text="€1 234.5 bn", date=None)
@example(text="¬]\nv\x18Ü\U000b9cfa\x04nÒIn July alone, ++0." + "0" * 150 + "x" * 10_000, date=None)
@example(text="同比增长59.3%3.26 timesUS$5.94 trillion\t" * 6, date="2023-08-10")
@FUZZ
def test_extract(text: str, date: str | None) -> None:
    """extract() raises only TradeStatsError; its draft reads back as its report.

    Both ways of writing the draft are checked: ``to_toml()`` and ``dump_report``
    of the extracted report (``dump_report`` on hostile reports of every kind is
    fuzzed in test_fuzz_files).
    """
    found = call("extract", ts.extract, text, date=date)
    if found is None or not found.report.claims:
        return
    from tradestats.claims.files import parse_report

    again = call("extract: draft TOML", parse_report, found.to_toml())
    expect("extract", again == found.report, f"the draft of {text!r} reads back otherwise")
    written = call("extract: dump_report", ts.dump_report, found.report)
    if written is not None:
        again = call("extract: dump_report", parse_report, written)
        expect("extract", again == found.report, f"{written!r} reads back otherwise")
