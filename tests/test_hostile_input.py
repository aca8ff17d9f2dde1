"""Hostile text once read silently: foreign digits and codes, stray marks, two figures.

Each test pins one item of issue 9 that the port onto the grammar package had
to finish; the fuzzers in ``tests/fuzz`` look for more of the same.
"""

from __future__ import annotations

import io
import string
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
import tradestats.tables as tt
from tradestats.claims import parse_report
from tradestats.cli import INTERNAL_ERROR_STATUS, UNFINISHED_STATUS, main, render

if TYPE_CHECKING:
    from collections.abc import Callable

EXAMPLE = Path(__file__).parent.parent / "examples" / "xinjiang_2023.toml"

# Every reader of a figure's text, with a clean text holding one ASCII digit "3".
READERS: dict[str, tuple[Callable[[str], object], str]] = {
    "money": (ts.money, "3 billion USD"),
    "amount": (ts.amount, "3 tonnes"),
    "Growth.parse": (ts.Growth.parse, "+3%"),
    "Share.parse": (ts.Share.parse, "3%"),
    "PercentagePoints.parse": (ts.PercentagePoints.parse, "+3 pp"),
    "Multiplier.parse": (ts.Multiplier.parse, "×3"),
    "Period.parse": (ts.Period.parse, "2023-03"),
}

non_ascii_digits = st.characters(categories=["Nd"]).filter(lambda c: not c.isascii())


@pytest.mark.parametrize("reader", sorted(READERS))
@given(digit=non_ascii_digits)
@example(digit="٣")  # Arabic-Indic three
@example(digit="３")  # full-width three
def test_digits_are_ascii(reader: str, digit: str) -> None:
    """A figure written with a digit of another script is refused, not read as that digit."""
    read, clean = READERS[reader]
    read(clean)  # the ASCII text is read
    with pytest.raises(ts.TradeStatsError):
        read(clean.replace("3", digit))


@given(
    code=st.sampled_from(["usd", "cny", "inr", "jpy"]),
    index=st.integers(0, 2),
    twin=st.sampled_from(["ſ", "ı", "Ｕ", "у", "с"]),
)
@example(code="usd", index=1, twin="ſ")  # "uſd".upper() == "USD"
def test_a_currency_code_is_three_ascii_letters(code: str, index: int, twin: str) -> None:
    """A letter that upper-cases (or looks) like an ASCII one does not make a currency code."""
    written = code[:index] + twin + code[index + 1 :]
    if written.upper() == code.upper() and written.isascii():
        return  # the twin was the letter itself
    with pytest.raises(ts.TradeStatsError):
        ts.money(f"5 {written}")


@given(mark=st.characters(categories=["P", "S"]).filter(lambda c: c not in "$€£¥₩₹%"))
@example(mark="!")
@example(mark="％")
@example(mark=";")
def test_a_unit_is_not_read_past_a_stray_mark(mark: str) -> None:
    """'5 kg!' is not 5 kg: a mark next to a physical unit makes it no unit tradestats reads."""
    try:
        result = ts.amount(f"5 kg{mark}")
    except ts.TradeStatsError:
        return
    assert ts.amount("5 kg") != result, f"'5 kg{mark}' was read as 5 kg"


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (ts.Multiplier.parse, "为上年的5倍，是前年的2倍"),
        (ts.Growth.parse, "增长5%，同比增长7%"),
        (ts.Growth.parse, "up 3% or 4%"),
        (ts.Share.parse, "40% 50%"),
        (ts.PercentagePoints.parse, "+1.2 pp +0.5 pp"),
    ],
)
def test_two_figures_in_one_text_are_refused(read: Callable[[str], object], text: str) -> None:
    """A text with two figures is refused, naming how many, instead of reading one of them."""
    with pytest.raises(ts.ParseError, match="holds 2 figures"):
        read(text)


@given(first=st.integers(1, 99), second=st.integers(1, 99))
def test_one_multiplier_with_a_year_in_its_comparison_is_read(first: int, second: int) -> None:
    """A year (or another number that is no figure) inside 是…的 is no second figure."""
    assert ts.Multiplier(first) == ts.Multiplier.parse(f"是20{second:02d}年的{first}倍")


def test_share_change_with_periods_far_apart() -> None:
    """Years 2 and 1990 in one frame: the reasons' codes no longer overflow int8."""
    frame = pl.DataFrame({"reporter": ["CHN", "CHN"], "period": [1990, 2], "value": [0.0, 0.0]})
    result = tt.share_change(frame, keys=["reporter"], by=["reporter"])
    assert result["share_change_reason"].to_list() == ["zero total", "zero total"]


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1"])
def test_from_json_refuses_deep_nesting(text: str) -> None:
    """JSON nested past the parser's recursion is a StructuringError, not a RecursionError."""
    with pytest.raises(ts.StructuringError):
        ts.from_json(text, ts.Growth)


def _status(argv: list[str], stdin: bytes | None = None) -> int:
    if stdin is None:
        return main(argv)
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        return main(argv)
    finally:
        sys.stdin = saved


def test_exit_statuses_are_distinct(capsys: pytest.CaptureFixture[str]) -> None:
    """0 consistent, 2 bad file, 3 time limit first, 70 internal error: one code each."""
    statuses: dict[str, Any] = {
        "consistent": _status(["check", str(EXAMPLE)]),
        "bad file": _status(["check", "-"], stdin=b"[[[[ nonsense"),
        "unfinished": _status(["check", str(EXAMPLE), "--time-limit", "0"]),
    }
    capsys.readouterr()
    assert statuses == {"consistent": 0, "bad file": 2, "unfinished": UNFINISHED_STATUS}
    assert UNFINISHED_STATUS == 3
    assert INTERNAL_ERROR_STATUS == 70
    assert len({0, 1, 2, UNFINISHED_STATUS, INTERNAL_ERROR_STATUS}) == 5


@given(text=st.text(alphabet=string.printable + "\x1b\x9b\u202e", max_size=30))
def test_report_titles_never_reach_the_terminal_raw(text: str) -> None:
    """Whatever a title holds, the table printed for it has no ESC, CSI or bidi override."""
    body = (
        f"title = {_toml_string(text or 'x')}\n"
        '[flows.w]\nflow = "total"\nreporter = "Xinjiang"\n'
        '[[claims]]\nid = "a"\nflow = "w"\nvalue = "1 billion yuan"\nperiod = "2023"\n'
    )
    try:
        report = ts.Report.from_toml(body)
    except ts.ReportFileError:
        return
    shown = render(ts.check(report))
    assert not any(c in shown for c in "\x1b\x9b\u202e")


def _toml_string(text: str) -> str:
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in text)
    return f'"{escaped}"'


@pytest.mark.parametrize(
    "text", ["-36911111111111111111111111110000%", "+3691111111111111111111111111 pp"]
)
def test_a_figure_with_more_whole_digits_than_28_shows_itself(text: str) -> None:
    """Showing never fails: a figure of 28 significant digits and a large exponent prints exactly.

    Found by the fuzzer: repr() of such a growth, read by find_figures, raised
    InvalidValueError ("cannot show -3.691111111111111111111111111E+31 with 0 decimals").
    """
    read = ts.Reported.parse_growth if text.endswith("%") else ts.Reported.parse_points
    shown = repr(read(text))
    assert text.split(maxsplit=1)[0].lstrip("+").rstrip("%") in shown.replace("+", "")


_HUGE = "9" * 5_000


@pytest.mark.parametrize(
    "read",
    [
        ts.as_versus,
        ts.Period.parse,
        ts.HSCode.parse,
        ts.hs_version,
        lambda text: ts.structure({"value": int(text[:4000])}, ts.Reported),
        lambda text: ts.structure([[text]], ts.Period),
        lambda text: parse_report(f'[flows.a]\nflow = "{text}"\n'),
    ],
)
def test_an_error_quotes_a_huge_value_shortened(read: Callable[[str], object]) -> None:
    """A bad value of 5,000 characters is quoted cut, not echoed whole (found by the fuzzers)."""
    with pytest.raises(ts.TradeStatsError) as raised:
        read(_HUGE)
    assert len(str(raised.value)) < 600, str(raised.value)[:200]


def test_a_long_run_of_unreadable_digits_is_one_token() -> None:
    """normalize blanks a numeral it cannot read with U+FFFD per character; the run is one token.

    A token per character made extract take seconds on a megabyte of digits.
    """
    from tradestats._grammar._tokens import iter_tokens

    tokens = list(iter_tokens("up \ufffd\ufffd\ufffd\ufffd 5%"))
    assert [token.text for token in tokens] == ["up", "\ufffd" * 4, "5", "%"]
    assert tokens[1].end == 7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年1-7月", "2023-01/2023-07"),
        ("12023年1-7月", "2024-01/2024-07"),  # no year 2023 in 12023: the date's year
        ("前7个月", "2024-01/2024-07"),
    ],
)
def test_a_chinese_period_is_not_the_tail_of_a_longer_number(text: str, expected: str) -> None:
    from datetime import date

    from tradestats.extraction._periods import find_periods

    found = find_periods(text, "zh-hans", date(2024, 8, 10))
    assert [str(mention.period) for mention in found] == [expected]


def test_the_cli_writes_to_an_ascii_terminal() -> None:
    """A terminal that cannot encode 乌鲁木齐 or an en dash gets escapes, not an internal error."""
    import os
    import subprocess

    root = Path(__file__).resolve().parent.parent
    report = root / "examples" / "xinjiang_2023.toml"
    done = subprocess.run(
        [sys.executable, "-m", "tradestats", "check", str(report)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(root / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert b"January\\u2013July 2023" in done.stdout


def test_a_text_of_too_many_numbers_is_refused() -> None:
    """find_figures and extract refuse more than MAX_NUMERALS numbers, naming the limit."""
    from tradestats.limits import MAX_NUMERALS

    text = "3.2万吨 -5 " * (MAX_NUMERALS // 2 + 1)
    for read in (ts.find_figures, ts.extract):
        with pytest.raises(ts.ParseError, match="MAX_NUMERALS"):
            read(text)
    assert ts.find_figures("3.2万吨 -5 " * (MAX_NUMERALS // 2 - 1))
