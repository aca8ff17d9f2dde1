"""The one grammar of figures: well-formed text only, linear time, and every figure read back."""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from tradestats import (
    AmbiguityError,
    Amount,
    Growth,
    Multiplier,
    ParseError,
    PercentagePoints,
    Period,
    Reported,
    Share,
    TimesConvention,
    TradeStatsError,
    UnknownUnitError,
    amount,
    money,
)
from tradestats import strategies as tst
from tradestats._grammar import (
    MAX_NUMERAL_CHARS,
    MAX_PERIOD_CHARS,
    MAX_TOKENS,
    MAX_UNIT_CHARS,
    ParsedAmount,
    Reading,
    _tokens,
    read_amount,
    read_growth,
    read_multiplier,
    read_period,
    read_points,
    read_share,
)
from tradestats._grammar._words import FALL_WORDS, RISE_WORDS, SCALES, YEAR_ON_YEAR
from tradestats.units import SCALES as UNIT_SCALES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

Measure = Growth | Multiplier | Share | PercentagePoints

# -- one table ---------------------------------------------------------------------------


def test_units_scale_words_are_the_grammars_table() -> None:
    """tradestats.units.SCALES is the grammar's table itself, not a copy that could drift."""
    assert UNIT_SCALES is SCALES


@pytest.mark.parametrize(("word", "exponent"), sorted(SCALES.items()))
def test_every_scale_word_is_read_in_an_amount(word: str, exponent: int) -> None:
    """Each word of the one scale table scales an amount by its power of ten."""
    gap = " " if word.isascii() else ""
    expected = ParsedAmount(negative=False, number=Decimal("1.5"), scale=exponent, units=("CNY",))
    assert expected == read_amount(f"1.5{gap}{word} CNY", money=True)


# -- well-formed text only ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (Reported.parse_growth, "59.同比3%"),
        (Reported.parse_points, "+1同比.2 PP"),
        (Growth.parse, "59.同比3%"),
        (PercentagePoints.parse, "+1同比.2 PP"),
        (Growth.parse, "5year on year9.3%"),
        (Growth.parse, "+同比59.3%"),
        (Growth.parse, "up 59.3% yearly"),
        (Growth.parse, "yoyup 59.3%"),
        (Growth.parse, "- 3.2%"),
        (PercentagePoints.parse, "1.同比2个百分点"),
        (PercentagePoints.parse, "y/y59.3pp"),
        (Growth.parse, "year on year2023x"),
        (Growth.parse, "×同比2023"),
        (Growth.parse, "5同比5×"),
    ],
)
def test_a_cue_word_inside_a_figure_is_refused(parse: Callable[[str], object], text: str) -> None:
    """A cue word is read only whole, before or after the figure, never inside the number."""
    with pytest.raises(ParseError, match=re.escape(repr(text))) as caught:
        parse(text)
    assert text == caught.value.details["value"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同比增长59.3%", Growth.from_percent("59.3")),
        ("up 59.3% year on year", Growth.from_percent("59.3")),
        ("up 59.3%year-on-year", Growth.from_percent("59.3")),
        ("year on year up 59.3%", Growth.from_percent("59.3")),
        ("59.3 percent", Growth.from_percent("59.3")),
        ("+59.3％", Growth.from_percent("59.3")),
        ("同比下降3.2% y/y", Growth.from_percent("-3.2")),
    ],
)
def test_cue_words_stand_before_or_after_the_figure(text: str, expected: Growth) -> None:
    """Year-on-year cues at either end change no number; the percent words are one table."""
    assert expected == Growth.parse(text)


CUES = st.sampled_from(YEAR_ON_YEAR + RISE_WORDS + FALL_WORDS)


def _insert_in_number(text: str, cue: str, data: st.DataObject) -> str:
    """``text`` with ``cue`` inserted strictly inside its first number."""
    match = re.search(r"\d[\d.,]*\d", text)
    assume(match is not None)
    assert match is not None
    at = data.draw(st.integers(match.start() + 1, match.end() - 1), label="at")
    return f"{text[:at]}{cue}{text[at:]}"


MEASURES: st.SearchStrategy[Measure] = st.one_of(
    tst.growths(places=3), tst.multipliers(places=3), tst.shares(places=3), tst.percentage_points()
)
MEASURE_PARSERS: dict[type, Callable[[str], Measure]] = {
    Growth: Growth.parse,
    Multiplier: lambda text: Multiplier.parse(text, times=TimesConvention.AS_MUCH),
    Share: Share.parse,
    PercentagePoints: PercentagePoints.parse,
}


@given(MEASURES, CUES, st.data())
def test_a_cue_inside_the_digits_never_gives_a_number(
    value: Measure, cue: str, data: st.DataObject
) -> None:
    """Inserting a cue word inside the digits of any valid figure makes it unparseable."""
    broken = _insert_in_number(str(value), cue, data)
    with pytest.raises(TradeStatsError):
        MEASURE_PARSERS[type(value)](broken)


@given(tst.amounts(allow_negative=True), CUES, st.data())
def test_a_cue_inside_an_amount_never_reads_as_another_number(
    value: Amount, cue: str, data: st.DataObject
) -> None:
    """An amount with a cue inside its digits is refused, or at least reads as the same number."""
    broken = _insert_in_number(str(value), cue, data)
    try:
        back = amount(broken)
    except TradeStatsError:
        return
    assert value == back


# -- linear time -------------------------------------------------------------------------

MEGABYTE = 10**6
HOSTILE = {
    "spaces then garbage": "1" + " " * MEGABYTE + "xy",
    "a long number": "1" * MEGABYTE + "%",
    "a long word": "1 " + "a" * MEGABYTE,
    "many marks": "% " * (MEGABYTE // 2),
    "only spaces": " " * MEGABYTE,
    "many signs": "-" * MEGABYTE + "5",
    "a long 是…的 phrase": "是" + "的" * MEGABYTE + "3倍",
    "bad grouping": "1," * (MEGABYTE // 2),
    "a long currency": "x" * MEGABYTE + "1",
    "month names and ranges": "Jan" + "to" * (MEGABYTE // 2) + " 2023",
}
READERS: dict[str, Callable[[str], object]] = {
    "money": money,
    "amount": amount,
    "Amount.parse": Amount.parse,
    "Reported.parse_amount": Reported.parse_amount,
    "Growth.parse": Growth.parse,
    "Multiplier.parse": Multiplier.parse,
    "Share.parse": Share.parse,
    "PercentagePoints.parse": PercentagePoints.parse,
    "Period.parse": Period.parse,
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_a_megabyte_of_hostile_text_is_refused(reader: str, hostile: str) -> None:
    """Each reader refuses 1 MB of hostile text (a quadratic one would hang here).

    An amount whose only fault is an unknown one-letter unit is refused by the
    registry (UnknownUnitError); everything else is a ParseError.
    """
    text = HOSTILE[hostile]
    unknown_unit = hostile == "spaces then garbage" and reader in (
        "money",
        "amount",
        "Amount.parse",
        "Reported.parse_amount",
    )
    with pytest.raises(UnknownUnitError if unknown_unit else ParseError):
        READERS[reader](text)


def test_long_unit_text_is_refused_before_pint_reads_it() -> None:
    """pint's unit parser is quadratic on long garbage: such text never reaches it."""
    text = "1 " + "a" * 100_000
    message = f"its unit text has 100000 characters, more than the {MAX_UNIT_CHARS}"
    with pytest.raises(ParseError, match=message) as caught:
        money(text)
    assert text == caught.value.details["value"]
    with pytest.raises(UnknownUnitError):  # at the limit pint is asked, and says no
        money("1 " + "a" * MAX_UNIT_CHARS)


@pytest.mark.parametrize(
    ("read", "limit", "filler"),
    [
        (read_growth, MAX_TOKENS, "% "),
        (read_points, MAX_TOKENS, "% "),
        (read_share, MAX_TOKENS, "% "),
        (read_multiplier, MAX_TOKENS, "% "),
        (read_period, MAX_PERIOD_CHARS, "x"),
    ],
)
def test_readers_stop_at_their_documented_limit(
    read: Callable[[str], object], limit: int, filler: str
) -> None:
    """Past the documented limit of tokens (or characters), text is refused as too long."""
    with pytest.raises(ParseError, match=re.escape("…")):
        read(filler * (limit + 50))


def test_tokenizing_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tokenizer takes at most MAX_TOKENS tokens (and the spaces between) from any text."""
    taken: list[re.Match[str]] = []
    pattern = _tokens._TOKEN

    class Counting:
        def finditer(self, text: str) -> Iterator[re.Match[str]]:
            for match in pattern.finditer(text):
                taken.append(match)
                yield match

    monkeypatch.setattr(_tokens, "_TOKEN", Counting())
    with pytest.raises(ParseError, match="more than 64 words"):
        _tokens.tokenize("% " * MEGABYTE, what="a growth rate")
    assert len(taken) <= 2 * MAX_TOKENS + 1


def test_numbers_longer_than_the_limit_are_refused() -> None:
    """A numeral of more than MAX_NUMERAL_CHARS characters is no published figure."""
    longest = "1" * MAX_NUMERAL_CHARS
    assert Decimal(longest) == read_share(f"{longest}%").number
    with pytest.raises(ParseError, match=f"at most {MAX_NUMERAL_CHARS}"):
        read_share(f"1{longest}%")


# -- records -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "scale"),
    [
        ("183 billion yuan", "183", 9),
        ("183.0 billion yuan", "183.0", 9),
        ("1,831.6亿元", "1831.6", 8),
        ("US$.50bn", ".50", 9),
    ],
)
def test_amount_records_keep_the_digits_as_written(text: str, number: str, scale: int) -> None:
    """The record keeps the digits as written: the reported precision comes from the same parse."""
    parsed = read_amount(text, money=True)
    assert (Decimal(number), scale) == (parsed.number, parsed.scale)
    exponent = parsed.number.as_tuple().exponent
    assert isinstance(exponent, int)
    assert Decimal(5).scaleb(exponent - 1 + scale) == Reported.parse_amount(text).precision


@pytest.mark.parametrize(
    ("text", "number", "reading"),
    [
        ("down 3.20%", "-3.20", Reading.PERCENT),
        ("增长3.26倍", "3.26", Reading.TIMES_MORE),
        ("为上年同期的3.26倍", "3.26", Reading.TIMES_AS_MUCH),
        ("3.26-fold", "3.26", Reading.TIMES),
        ("×4.26", "4.26", Reading.FACTOR),
    ],
)
def test_measure_records_say_how_to_read_the_number(
    text: str, number: str, reading: Reading
) -> None:
    """A measure's record is the signed number as written and the reading of it."""
    parsed = read_growth(text)
    assert (Decimal(number), reading) == (parsed.number, parsed.reading)
    assert str(Decimal(number)) == str(parsed.number)


def test_a_bare_number_of_times_is_still_ambiguous() -> None:
    """The grammar reads "3.26 times"; the value type refuses to guess which it means."""
    assert read_multiplier("3.26 times").reading == Reading.TIMES
    with pytest.raises(AmbiguityError, match=re.escape("3.26 times")):
        Multiplier.parse("3.26 times")


# -- round trips -------------------------------------------------------------------------


@given(tst.amounts(allow_negative=True), st.sampled_from([None, "auto", *SCALES]))
@example(Amount(Decimal("-1234.5"), "USD"), "千亿")
def test_every_formatted_amount_reads_back(value: Amount, scale: str | None) -> None:
    """str(x) and x.format(scale=w) read back equal through the grammar, for any scale word."""
    assert value == amount(str(value))
    assert value == amount(value.format(scale=scale))


@given(
    st.one_of(
        tst.growths(min_percent=-(10**6), max_percent=10**6, places=6),
        tst.multipliers(min_value=0, max_value=10**6, places=6),
        tst.shares(places=8),
        tst.percentage_points(places=6),
    ),
    st.integers(0, 6),
)
def test_every_formatted_measure_reads_back(value: Measure, places: int) -> None:
    """str(x) reads back equal, and x.format(places=p) reads back as x.rounded(p)."""
    parse = MEASURE_PARSERS[type(value)]
    assert value == parse(str(value))
    assert value.rounded(places) == parse(value.format(places=places))
    assert value == parse(format(value, ""))


@given(tst.periods())
def test_every_formatted_period_reads_back(period: Period) -> None:
    """str(p), p.isoformat() and p.label() read back equal through the grammar."""
    for text in (str(period), period.isoformat(), period.label()):
        assert period == Period.parse(text)


# -- robustness --------------------------------------------------------------------------

FRAGMENTS = [
    *(" ", "5", "59.3", ".5", "5.", "1,234", "2023", "07", "-", "+", "−", "%", "％", "/"),
    *("up", "down", "pp", "p.p.", "percentage points", "个百分点", "同比", "增长", "下降"),
    *("year on year", "y/y", "×", "x", "times", "倍", "是", "的", "fold", "as much", "by"),
    *("占", "billion", "bn", "m", "亿", "万", "元", "CNY", "US$", "tonnes", "吨", "¥", "kg"),
    *("Q2", "H1", "年", "月", "Jan", "Jul", "–", "to", "first", "seven", "months", "of"),
]
ALL_READERS: dict[str, Callable[[str], object]] = {
    **READERS,
    "Multiplier.parse(MORE)": lambda text: Multiplier.parse(text, times=TimesConvention.MORE),
}


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join))
@example("5同比5×")
@example("×同比.5")
@example("year on year2023x")
def test_every_reader_gives_a_value_or_a_tradestats_error(text: str) -> None:
    """Whatever words and numbers are strung together, a reader only ever raises its own errors."""
    for read in ALL_READERS.values():
        with contextlib.suppress(TradeStatsError):
            read(text)
