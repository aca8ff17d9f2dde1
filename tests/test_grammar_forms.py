"""The forms of issue 13: Chinese numerals and characters, locales, 兆, periods, find_figures."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import (
    AmbiguityError,
    Amount,
    Growth,
    InvalidValueError,
    Multiplier,
    ParseError,
    PercentagePoints,
    Period,
    Reported,
    Share,
    TimesConvention,
)
from tradestats import strategies as tst
from tradestats._grammar._normalize import normalize

if TYPE_CHECKING:
    from collections.abc import Callable

AUG_8 = date(2023, 8, 8)
JAN_JUL_2023 = Period(2023, 1, 2023, 7)


def _amount(magnitude: str, unit: str, precision: str) -> Reported[Amount]:
    return Reported(Amount(magnitude, unit), precision)


# -- one row per form ----------------------------------------------------------------------

AMOUNTS: list[tuple[str, dict[str, Any], Reported[Amount]]] = [
    ("30.8万亿元人民币", {}, _amount("30.8E12", "CNY", "0.05E12")),
    ("2兆1500億美元", {"zhao": "trillion"}, _amount("2.15E12", "USD", "0.5E8")),
    ("一兆八千億新臺幣", {"zhao": "trillion"}, _amount("1.8E12", "TWD", "0.05E12")),
    ("三兆吨", {"zhao": "million"}, Reported(Amount("3E6", "tonne"), "0.5E6")),
    ("五八二．三億美元", {}, _amount("582.3E8", "USD", "0.05E8")),
    ("一千二百三十四点五亿元", {}, _amount("1234.5E8", "CNY", "0.05E8")),
    ("一万二千亿元", {}, _amount("1.2E12", "CNY", "0.05E12")),
    ("新臺幣1,234億元", {"locale": "zh"}, _amount("1234E8", "TWD", "0.5E8")),
    ("12,4 Mrd. Euro", {"locale": "de"}, _amount("12.4E9", "EUR", "0.05E9")),
    ("1.234,5 Mio. Euro", {"locale": "de"}, _amount("1234.5E6", "EUR", "0.05E6")),
    ("2 Billionen Euro", {"locale": "de"}, _amount("2E12", "EUR", "0.5E12")),
    ("€1 234.5 bn", {"locale": "en"}, _amount("1234.5E9", "EUR", "0.05E9")),
    ("€1\u202f234.5 bn", {"locale": "en"}, _amount("1234.5E9", "EUR", "0.05E9")),
    ("CHF 1'234.5 Mio.", {"locale": "de-CH"}, _amount("1234.5E6", "CHF", "0.05E6")),
    ("12 345,6 millions EUR", {"locale": "fr"}, _amount("12345.6E6", "EUR", "0.05E6")),
    ("1,234 billion yuan", {"locale": "en"}, _amount("1234E9", "CNY", "0.5E9")),
    ("港元350億元", {}, _amount("350E8", "HKD", "0.5E8")),
    ("一千多亿元", {}, _amount("1E11", "CNY", "0.5E11").qualified("over")),
]


@pytest.mark.parametrize(("text", "options", "expected"), AMOUNTS)
def test_amount_forms(text: str, options: dict[str, Any], expected: Reported[Amount]) -> None:
    """Each amount form reads as its value with the precision of its last written digit."""
    assert expected == Reported.parse_amount(text, **options)


MEASURES: list[tuple[Callable[..., Reported[Any]], str, dict[str, Any], str]] = [
    (Reported.parse_growth, "百分之六点五", {}, "+6.5% (±0.05 pp)"),
    (Reported.parse_growth, "同比增長百分之六點五", {}, "+6.5% (±0.05 pp)"),
    (Reported.parse_growth, "up 59.3 percent", {}, "+59.3% (±0.05 pp)"),
    (Reported.parse_growth, "up 59.3 per cent", {}, "+59.3% (±0.05 pp)"),
    (Reported.parse_growth, "up 5.3 pct", {}, "+5.3% (±0.05 pp)"),
    (Reported.parse_growth, "rose by 5.3%", {}, "+5.3% (±0.05 pp)"),
    (Reported.parse_growth, "stieg um 5,3 Prozent", {"locale": "de"}, "+5.3% (±0.05 pp)"),
    (Reported.parse_growth, "sank um 0,9 %", {"locale": "de"}, "-0.9% (±0.05 pp)"),
    (Reported.parse_growth, "同比增長2.3倍", {}, "+230% (±5 pp)"),
    (Reported.parse_growth, "增长超五倍", {}, "over +500% (±50 pp)"),
    (Reported.parse_share, "二成八", {}, "28% (±0.5 pp)"),
    (Reported.parse_share, "三成", {}, "30% (±5 pp)"),
    (Reported.parse_share, "占全国的92.3%", {}, "92.3% (±0.05 pp)"),
    (Reported.parse_share, "佔比百分之十二點三", {}, "12.3% (±0.05 pp)"),
    (Reported.parse_points, "提高1.2個百分點", {}, "+1.2 pp (±0.05 pp)"),
    (Reported.parse_points, "比去年同期提升三个百分点", {}, "+3 pp (±0.5 pp)"),
    (Reported.parse_points, "up 1.2 p.p.", {}, "+1.2 pp (±0.05 pp)"),
    (Reported.parse_points, "stieg um 1,2 Prozentpunkte", {"locale": "de"}, "+1.2 pp (±0.05 pp)"),
    (Reported.parse_multiplier, "三倍", {"times": TimesConvention.AS_MUCH}, "×3 (±0.5)"),
    (Reported.parse_multiplier, "增长超五倍", {}, "over ×6 (±0.5)"),
    (Reported.parse_multiplier, "是去年同期的3倍以上", {}, "over ×3 (±0.5)"),
    (
        Reported.parse_multiplier,
        "surging by 3.26 times",
        {"times": TimesConvention.MORE},
        "×4.26 (±0.005)",
    ),
    (Reported.parse_multiplier, "同比增長2.3倍", {}, "×3.3 (±0.05)"),
    (Reported.parse_multiplier, "stieg auf das 2,4-Fache", {"locale": "de"}, "×2.4 (±0.05)"),
    (
        Reported.parse_multiplier,
        "um das 2,4-Fache",
        {"locale": "de", "times": TimesConvention.AS_MUCH},
        "×2.4 (±0.05)",
    ),
    (Reported.parse_multiplier, "verdoppelt", {}, "×2 (±0.5)"),
    (Reported.parse_multiplier, "halbiert", {}, "×0.5 (±0.17)"),
    (Reported.parse_multiplier, "tripled", {}, "×3 (±0.5)"),
    (Reported.parse_multiplier, "a 4-fold increase", {}, "×4 (±0.5)"),
]


@pytest.mark.parametrize(("parse", "text", "options", "expected"), MEASURES)
def test_measure_forms(
    parse: Callable[..., Reported[Any]], text: str, options: dict[str, Any], expected: str
) -> None:
    """Each measure form reads as its value with the precision of its last written digit."""
    assert expected == str(parse(text, **options))


@pytest.mark.parametrize(
    ("text", "growth"),
    [
        ("三倍", "+200%"),
        ("增长超五倍", None),
        ("是去年同期的3倍以上", None),
        ("surging by 3.26 times", "+226%"),
        ("同比增長2.3倍", "+230%"),
        ("um das 2,4-Fache", "+140%"),
        ("doubled", "+100%"),
    ],
)
def test_multiplier_reads_what_growth_reads(text: str, growth: str | None) -> None:
    """Multiplier and Growth accept the same "times" wordings and agree on them."""
    options: dict[str, Any] = {"times": TimesConvention.AS_MUCH}
    if "Fache" in text:
        options["locale"] = "de"
    as_growth = Reported.parse_growth(text, **options)
    as_multiplier = Reported.parse_multiplier(text, **options)
    assert as_growth.value == as_multiplier.value.to_growth()
    if growth is not None:
        assert growth == str(Growth.parse(text, **options))
        assert Multiplier.parse(text, **options).to_growth() == Growth.parse(text, **options)


PERIODS: list[tuple[str, dict[str, Any], Period]] = [
    ("前7个月", {"reference": AUG_8}, JAN_JUL_2023),
    ("今年前7個月", {"reference": AUG_8}, JAN_JUL_2023),
    ("1-7月", {"reference": AUG_8}, JAN_JUL_2023),
    ("1—7月", {"reference": AUG_8}, JAN_JUL_2023),
    ("1月至7月", {"reference": AUG_8}, JAN_JUL_2023),
    ("前三季度", {"reference": date(2023, 10, 20)}, Period(2023, 1, 2023, 9)),
    ("上半年", {"reference": AUG_8}, Period.half(2023, 1)),
    ("去年下半年", {"reference": AUG_8}, Period.half(2022, 2)),
    ("一季度", {"reference": AUG_8}, Period.quarter(2023, 1)),
    ("第四季度", {"reference": AUG_8}, Period.quarter(2022, 4)),
    ("十月", {"reference": AUG_8}, Period.month(2022, 10)),
    ("二〇二三年十二月", {}, Period.month(2023, 12)),
    ("the first seven months", {"reference": AUG_8}, JAN_JUL_2023),
    ("January-July", {"reference": AUG_8}, JAN_JUL_2023),
    ("Jan–Jul", {"reference": AUG_8}, JAN_JUL_2023),
    ("H1", {"reference": AUG_8}, Period.half(2023, 1)),
    ("Q3", {"reference": date(2023, 10, 13)}, Period.quarter(2023, 3)),
    ("first half", {"reference": AUG_8}, Period.half(2023, 1)),
    ("the first half of this year", {"reference": AUG_8}, Period.half(2023, 1)),
    ("the first three quarters of 2023", {}, Period(2023, 1, 2023, 9)),
    ("third quarter of last year", {"reference": AUG_8}, Period.quarter(2022, 3)),
    ("前11个月", {"reference": date(2024, 1, 12)}, Period(2023, 1, 2023, 11)),
    ("民國113年", {}, Period.year(2024)),
    ("民國113年1-7月", {}, Period(2024, 1, 2024, 7)),
    ("113年前7月", {"calendar": "roc"}, Period(2024, 1, 2024, 7)),
    ("2023年1-7月", {"calendar": "roc"}, JAN_JUL_2023),
    ("2023年前三季度", {}, Period(2023, 1, 2023, 9)),
]


@pytest.mark.parametrize(("text", "options", "expected"), PERIODS)
def test_period_forms(text: str, options: dict[str, Any], expected: Period) -> None:
    """Each period phrase reads as its months; a missing year comes from the reference date."""
    assert expected == Period.parse(text, **options)


# -- refused, with a message -------------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "error", "fragment"),
    [
        (lambda: Reported.parse_amount("2兆1500億美元"), AmbiguityError, "zhao='trillion'"),
        (lambda: Reported.parse_amount("1,234 tonnes"), AmbiguityError, "locale='en'"),
        (lambda: Reported.parse_amount("12,4 Mrd. Euro"), ParseError, "locale='de'"),
        (lambda: Reported.parse_amount("12 Mrd. Euro"), ParseError, "locale='de'"),
        (lambda: Reported.parse_amount("€1 234.5 bn"), ParseError, "locale='en'"),
        (lambda: Reported.parse_amount("1.234,5 Euro", locale="en"), ParseError, "'1.234,5'"),
        (lambda: Reported.parse_growth("59.同比3%"), ParseError, "'59.同比3%'"),
        (lambda: Reported.parse_points("+1同比.2 PP"), ParseError, "'+1同比.2 PP'"),
        (lambda: Multiplier.parse("三倍"), AmbiguityError, "TimesConvention"),
        (lambda: Period.parse("前7个月"), ParseError, "reference="),
        (lambda: Period.parse("113年"), ParseError, "calendar='roc'"),
        (lambda: Period.parse("2023", calendar="julian"), InvalidValueError, "'julian'"),
        (lambda: Period.parse("H1", reference="2023-08-08"), InvalidValueError, "date"),  # type: ignore[arg-type]
        (lambda: Reported.parse_amount("3 CNY", locale="xx"), InvalidValueError, "'xx'"),
        (lambda: Reported.parse_amount("3兆", zhao="big"), InvalidValueError, "'big'"),
    ],
)
def test_ambiguous_and_malformed_forms_are_refused(
    read: Callable[[], object], error: type[Exception], fragment: str
) -> None:
    """An ambiguous form is refused with what to pass; a malformed one names the text."""
    with pytest.raises(error, match=re.escape(fragment)):
        read()


@pytest.mark.parametrize(
    "text", ["一带一路", "十四五规划", "第一大贸易伙伴", "一些", "千克", "统一"]
)
def test_words_with_numeral_characters_are_left_alone(text: str) -> None:
    """Only numeral spans of figures are rewritten: 一带一路 never becomes 1带1路."""
    assert text == normalize(text).text


def test_traditional_characters_keep_their_offsets() -> None:
    """Traditional characters become simplified one for one, so spans stay spans."""
    normal = normalize("進出口總值增長")
    assert normal.text == "进出口总值增长"
    assert normal.source_span(0, 7) == (0, 7)


# -- round trips in every language and locale --------------------------------------------

_DIGITS = "零一二三四五六七八九"


def _section(number: int) -> str:
    """1 ≤ number ≤ 9999 in Chinese numerals: 一千零五, 三十."""
    text, zero = "", False
    for place, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // place % 10
        if digit:
            text += ("零" if zero and text else "") + _DIGITS[digit] + word
            zero = False
        elif text:
            zero = True
    return text


def _chinese(number: int) -> str:
    """1 ≤ number < 10⁸ in Chinese numerals: 一千二百三十四万五千."""
    high, low = divmod(number, 10_000)
    if not high:
        return _section(low)
    text = _section(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _section(low)
    return text


def _lowest_place(number: int) -> int:
    place = 0
    while number % 10 == 0:
        number //= 10
        place += 1
    return place


@given(st.integers(1, 10**8 - 1))
@example(10_000_500)
@example(18_000)
def test_chinese_numerals_read_back_with_the_precision_of_their_last_digit(number: int) -> None:
    """N in Chinese numerals before 亿元 is N亿 yuan, good to half its last written place."""
    figure = Reported.parse_amount(_chinese(number) + "亿元")
    expected = _amount(str(Decimal(number).scaleb(8)), "CNY", f"5E{_lowest_place(number) + 7}")
    assert expected == figure


@given(st.decimals(0, 10**6, places=1, allow_nan=False), st.sampled_from(["点", "．", "點"]))
def test_digit_by_digit_chinese_numerals_read_back(value: Decimal, point: str) -> None:
    """五八二．三億: a number written digit by digit reads as the same digits."""
    whole, _, fraction = f"{value:f}".partition(".")
    text = "".join(_DIGITS[int(d)] for d in whole) + point + _DIGITS[int(fraction)] + "億美元"
    assert Reported.parse_amount(f"{value:f}亿美元") == Reported.parse_amount(text)


def _grouped(value: Decimal, *, decimal: str, group: str) -> str:
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    number = group.join([whole, *groups]) + (decimal + fraction if fraction else "")
    return ("-" if value < 0 else "") + number


LOCALES = [
    ("en", ".", ","),
    ("en", ".", " "),
    ("en", ".", "\u202f"),
    ("zh", ".", ","),
    ("de", ",", "."),
    ("de", ",", "\u00a0"),
    ("fr", ",", "\u202f"),
    ("de-CH", ".", "'"),
]


@given(tst.amounts(allow_negative=True), st.sampled_from(LOCALES))
def test_every_amount_reads_back_in_every_locale(
    value: Amount, locale: tuple[str, str, str]
) -> None:
    """An amount written as a locale writes numbers reads back equal with that locale."""
    name, decimal, group = locale
    text = f"{_grouped(value.magnitude, decimal=decimal, group=group)} {value.unit}"
    assert value == ts.amount(text, locale=name)


@given(tst.amounts(allow_negative=False), st.sampled_from(["亿", "万亿", "万"]))
def test_every_amount_reads_back_in_traditional_characters(value: Amount, scale: str) -> None:
    """An amount formatted with 亿, 万亿 or 万 reads back the same written 億, 萬億, 萬."""
    text = value.format(scale=scale)
    assert ts.amount(text) == ts.amount(text.replace("亿", "億").replace("万", "萬"))


@given(tst.growths(min_percent=-99, max_percent=10**4, places=3))
def test_every_growth_reads_back_in_every_language(value: Growth) -> None:
    """A growth rate reads back equal written in English, Chinese (both scripts) and German."""
    size = f"{abs(value.percent):f}"
    rise = value.percent >= 0
    texts = {
        None: [
            f"{'up' if rise else 'down'} {size} per cent year on year",
            f"同比{'增长' if rise else '下降'}{size}%",
            f"同比{'增長' if rise else '下降'}百分之{size}",
        ],
        "de": [f"{'stieg' if rise else 'sank'} um {size.replace('.', ',')} Prozent"],
    }
    for locale, forms in texts.items():
        for text in forms:
            assert value == Growth.parse(text, locale=locale)


@given(tst.shares(places=3), tst.percentage_points(places=2))
def test_every_share_and_points_read_back_in_every_language(
    share: Share, points: PercentagePoints
) -> None:
    """Shares and points read back equal in English, both Chinese scripts and German."""
    percent = f"{share.percent:f}"
    assert share == Share.parse(f"占{percent}%") == Share.parse(f"佔比百分之{percent}")
    assert share == Share.parse(f"{percent.replace('.', ',')} Prozent", locale="de")
    size = f"{abs(points.points):f}"
    up = points.points >= 0
    assert points == PercentagePoints.parse(f"{'提高' if up else '下降'}{size}個百分點")
    german = f"{'stieg' if up else 'sank'} um {size.replace('.', ',')} Prozentpunkte"
    assert points == PercentagePoints.parse(german, locale="de")


@given(tst.multipliers(min_value=Decimal("0.01"), max_value=1000, places=2))
def test_every_multiplier_reads_back_in_every_language(value: Multiplier) -> None:
    """A multiplier reads back equal as 是…的N倍 (both scripts), "N times as much" and German."""
    factor = f"{value.factor:f}"
    assert value == Multiplier.parse(f"是去年同期的{factor}倍")
    assert value == Multiplier.parse(f"為上年的{factor}倍")
    assert value == Multiplier.parse(f"{factor} times as much")
    assert value == Multiplier.parse(f"auf das {factor.replace('.', ',')}-Fache", locale="de")


@given(tst.periods(min_year=1912, max_year=2100))
def test_every_period_reads_back_in_chinese_and_taiwanese(period: Period) -> None:
    """A period within a year reads back from Chinese, ROC-year and year-less text."""
    if period.start_year != period.end_year:
        return
    year, first, last = period.start_year, period.start_month, period.end_month
    months = f"{first}月" if first == last else f"{first}-{last}月"
    assert period == Period.parse(f"{year}年{months}")
    assert period == Period.parse(f"民國{year - 1911}年{months}")
    assert period == Period.parse(f"{year - 1911}年{months}", calendar="roc")
    assert period == Period.parse(months, reference=date(year, last, 28))
    if period.kind not in (ts.PeriodKind.YEAR, ts.PeriodKind.QUARTER, ts.PeriodKind.HALF):
        without_year = period.label().rsplit(" ", 1)[0]  # "Jan–Jul", "Jul"
        assert period == Period.parse(without_year, reference=date(year, last, 28))


# -- find_figures ------------------------------------------------------------------------


@given(
    st.lists(
        st.one_of(
            tst.amounts(allow_zero=False).map(lambda a: (a.format(scale="亿"), "amount")),
            tst.growths(min_percent=0, max_percent=100, places=1).map(
                lambda g: (f"同比增长{g.percent:f}%", "growth")
            ),
            tst.percentage_points(min_value=0, max_value=50, places=1).map(
                lambda p: (f"提高{p.points:f}个百分点", "points")
            ),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_find_figures_finds_each_figure_of_a_text(figures: list[tuple[str, str]]) -> None:
    """Figures joined into a text are each found whole, in order, with their span and kind."""
    text = "，".join(written for written, _ in figures) + "。"
    found = ts.find_figures(text)
    assert [written for written, _ in figures] == [f.text for f in found]
    assert [kind for _, kind in figures] == [f.kind.value for f in found]
    for figure in found:
        assert figure.text == text[figure.start : figure.end]
        assert figure.value is not None


def test_find_figures_marks_what_needs_a_choice() -> None:
    """A figure that needs a choice is found without a value, naming the option."""
    found = ts.find_figures(
        "出口增长3倍。exports rose 3 times, up 2.5-fold. 前7个月, 2兆美元, ¥5 billion"
    )
    assert [f.needs for f in found] == [None, "times", "times", "reference", "zhao", "yen_sign"]
    assert str(found[0].value) == "×4 (±0.5)"  # 增长3倍 is three times more: no choice
    assert all(f.value is None and f.note for f in found[1:])


@pytest.mark.parametrize(
    "noise",
    [
        "9" * 5000,  # a digit run longer than MAX_NUMERAL_CHARS
        "0." + "0" * 2000 + "1",
        "x" * 10_000,  # a word longer than MAX_TEXT_LENGTH
        "1" + "e1" * 2000,  # an exponent-like run: many numerals, each a candidate
        "-99-%--45 7e" * 50,  # numerals whose windows overlap, none a figure
    ],
)
def test_find_figures_reads_each_span_once_and_passes_over_long_runs(
    noise: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long runs cost one step each: no span is read twice or is longer than a figure's text.

    Found by the fuzzers: spans around long runs and repeated failed readings by
    the windows of neighbouring numerals made a few kilobytes of text take seconds.
    """
    from tradestats.limits import MAX_TEXT_LENGTH
    from tradestats.verify import _scan

    read: list[tuple[_scan.FoundKind, str, int, int]] = []
    real = _scan._read

    def counting(reader: Any, span: str, kind: _scan.FoundKind, start: int, end: int) -> Any:
        read.append((kind, span, start, end))
        return real(reader, span, kind, start, end)

    monkeypatch.setattr(_scan, "_read", counting)
    text = f"进出口2.3万亿元，{noise} 同比增长5.2%"
    found = ts.find_figures(text)
    assert [f.text for f in found] == ["2.3万亿元", "同比增长5.2%"]
    assert len(read) == len(set(read)), "a span read twice"
    assert max(len(span) for _, span, _, _ in read) <= MAX_TEXT_LENGTH
    assert not any(noise in span for _, span, _, _ in read)


def test_find_figures_takes_no_span_longer_than_a_figure_text() -> None:
    """A span of more than MAX_TEXT_LENGTH characters is no figure, however it would read."""
    assert ts.find_figures("3" + " " * 990 + "倍")[0].needs == "times"
    assert ts.find_figures("3" + " " * 1000 + "倍") == []


def test_find_figures_reads_the_seed_article() -> None:
    """The worked example: every figure with its kind, in traditional and simplified script."""
    text = (
        "海關統計，今年前7個月，進出口總值2兆1500億美元，增長百分之六點五，"
        "出口增長超五倍，占全國的二成八。The total rose 0.5 per cent year on year."
    )
    found = ts.find_figures(text, reference=AUG_8, zhao="trillion")
    assert [(f.kind.value, f.text, str(f.value)) for f in found] == [
        ("period", "前7個月", "2023-01/2023-07"),
        ("amount", "2兆1500億美元", "2.1500 trillion USD (±0.00005 trillion)"),
        ("growth", "增長百分之六點五", "+6.5% (±0.05 pp)"),
        ("multiplier", "增長超五倍", "over ×6 (±0.5)"),
        ("share", "占全國的二成八", "28% (±0.5 pp)"),
        ("growth", "rose 0.5 per cent year on year", "+0.5% (±0.05 pp)"),
    ]


@given(
    st.lists(
        st.one_of(
            tst.amounts(allow_zero=False).map(lambda a: a.format(scale="亿")),
            tst.growths(min_percent=0, max_percent=100, places=1).map(
                lambda g: f"同比增长约{g.percent:f}%"
            ),
            tst.growths(min_percent=0, max_percent=100, places=2).map(
                lambda g: f"up more than {g.percent:f} percent"
            ),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_find_figures_gives_each_figure_its_numeral(written: list[str]) -> None:
    """Its own words start after any word of direction, and its numeral reads as ``number``."""
    text = "，".join(written) + "。"
    for figure in ts.find_figures(text):
        assert figure.numeral_start is not None
        assert figure.own_start is not None
        assert figure.number is not None
        assert figure.start <= figure.own_start <= figure.numeral_start < figure.end
        numeral = re.match(r"\d[\d,]*(?:\.\d+)?", text[figure.numeral_start :])
        assert numeral is not None
        assert Decimal(figure.number) == Decimal(numeral.group().replace(",", ""))
        words = text[figure.own_start : figure.numeral_start]
        assert words in {"", "约", "more than "}


def test_find_figures_separates_a_figure_from_the_words_before_it() -> None:
    """Qualifiers and currency signs are the figure's own; 出超 is a surplus, not 超 "over"."""
    english = ts.find_figures(
        "up more than US$5.2 billion, to CNY25.7 trillion, 出超1,571.4億美元, 增长二成八"
    )
    german = ts.find_figures("stiegen um rund 3,4 % auf knapp 1.234,5 Mio. Euro", locale="de")
    own = [
        (None if f.own_start is None else f.text[f.own_start - f.start :], f.number)
        for f in english + german
    ]
    assert own == [
        ("more than US$5.2 billion", "5.2"),
        ("CNY25.7 trillion", "25.7"),
        ("1,571.4億美元", "1571.4"),
        ("二成八", "28"),
        ("rund 3,4 %", "3.4"),
        ("knapp 1.234,5 Mio. Euro", "1234.5"),
    ]
    assert [str(f.value) for f in german] == [
        "about 3.4% (±0.05 pp)",
        "nearly 1.2345 billion EUR (±0.00005 billion)",
    ]
    assert english[2].value == Reported.parse_amount("1571.4亿美元")


# -- linear time -------------------------------------------------------------------------

MEGABYTE = 1 << 20
HOSTILE = {
    "digits": "9" * MEGABYTE,
    "cjk numerals": "一" * MEGABYTE,
    "percent of": "百分之" * (MEGABYTE // 3),
    "grouped": "1,234" * (MEGABYTE // 5),
    "spaced": "1 234 " * (MEGABYTE // 6),
    "traditional": "億萬" * (MEGABYTE // 2),
    "zhao": "一兆" * (MEGABYTE // 2),
}
PARSERS: dict[str, Callable[[str], object]] = {
    "amount": lambda t: Reported.parse_amount(t, locale="de", zhao="trillion"),
    "growth": lambda t: Reported.parse_growth(t, locale="en"),
    "multiplier": lambda t: Reported.parse_multiplier(t, times=TimesConvention.MORE),
    "share": lambda t: Reported.parse_share(t, locale="fr"),
    "points": Reported.parse_points,
    "period": lambda t: Period.parse(t, reference=AUG_8, calendar="roc"),
}


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_a_megabyte_is_refused_in_linear_time(parser: str, hostile: str) -> None:
    """A megabyte of numerals or numeral characters is refused (no quadratic pattern)."""
    with pytest.raises(ts.TradeStatsError):
        PARSERS[parser](HOSTILE[hostile])


@pytest.mark.parametrize("hostile", ["digits"])
def test_find_figures_scans_a_megabyte(hostile: str) -> None:
    """find_figures goes through a megabyte of numerals and finds no figure in it."""
    assert [f for f in ts.find_figures(HOSTILE[hostile]) if f.value is not None] == []


@pytest.mark.parametrize(
    "hostile", ["cjk numerals", "percent of", "traditional", "zhao", "spaced", "grouped"]
)
def test_find_figures_scans_long_text(hostile: str) -> None:
    """find_figures goes through 100 kB of numerals (the megabyte: benchmarks/bench_grammar.py).

    A text of more numbers than MAX_NUMERALS is refused, naming the limit; 20 kB of
    it is read, and holds no figure.
    """
    text = HOSTILE[hostile][:100_000]
    refused = "MAX_NUMERALS"  # the limit named, if the text is refused at all
    try:
        found = ts.find_figures(text, zhao="trillion")
    except ts.ParseError as error:
        refused = str(error)
        found = ts.find_figures(text[:20_000], zhao="trillion")
    assert "MAX_NUMERALS" in refused
    assert [f for f in found if f.value is not None] == []
