"""A catalogue of bad report files, each run through the CLI: its exit status and message.

The files are in ``tests/data/bad_reports/``; the hostile ones too large to keep
(deep nesting, huge numbers, endless devices) are generated here. Every bad file
gives exit status 2 and one line on standard error, never a traceback.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tradestats.cli import INTERNAL_ERROR_STATUS, UNFINISHED_STATUS, main

if TYPE_CHECKING:
    from collections.abc import Callable

BAD = Path(__file__).parent / "data" / "bad_reports"
_HEAD = (
    'title = "Catalogue"\nreporter = "Xinjiang"\nperiod = "2023"\n[flows.world]\nflow = "total"\n'
)
_CLAIM = '[[claims]]\nid = "a"\nflow = "world"\n'

#: file name → (exit status, fragments the message must contain)
CATALOGUE: dict[str, tuple[int, tuple[str, ...]]] = {
    "yen.toml": (2, ("field 'value'", "'¥' is the sign of both", "yuan")),
    "growth_in_times.toml": (2, ("field 'growth'", "multiplier claim", 'times = "more"')),
    "multiplier_without_times.toml": (2, ("field 'times'", 'add times = "more"')),
    "too_many_digits.toml": (2, ("field 'value'", "28 significant digits")),
    "huge_exponent.json": (2, ("field 'precision'", "1E±1000")),
    "not_utf8.toml": (2, ("not UTF-8 text", "0xff")),
    "bad_syntax.toml": (2, ("not valid TOML",)),
    "bom.toml": (0, ()),
    "dollar_m.toml": (0, ()),
    "escapes.toml": (0, ()),
}


def _generated(name: str) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_text(GENERATED[name][0], encoding="utf-8")
        return path

    return write


#: generated file name → (text, exit status, message fragments)
GENERATED: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "deep_arrays.toml": ("x = " + "[" * 1000 + "]" * 1000, 2, ("nested more than 32 deep",)),
    "deep_tables.toml": (
        "x = " + "{a=" * 5000 + "1" + "}" * 5000,
        2,
        ("nested more than 32 deep",),
    ),
    "deep.json": ("[" * 100_000 + "]" * 100_000, 2, ("nested more than 32 deep",)),
    "huge_integer.toml": (
        'title = "t"\nperiod = ' + "9" * 5000 + "\n",
        2,
        ("not valid TOML", "number too long"),
    ),
    "long_integer_period.toml": (
        _HEAD.replace('"2023"', "9" * 4000) + _CLAIM + 'value = "1 CNY"\n',
        2,
        ("field 'period'", "an integer of about 4001 digits"),
    ),
    "long_value.toml": (
        _HEAD + _CLAIM + 'value = "' + "x" * 500_000 + '"\n',
        2,
        ("field 'value'", "at most 1000 characters", "(500000 characters)"),
    ),
    "too_large.toml": ("# " + "x" * (1 << 20) + "\n", 2, ("larger than 1048576 bytes",)),
    # Every kind of line break in the values an error message quotes: still one line.
    "line_breaks.toml": (
        _HEAD.replace('"total"', '"total"\nlabel = "a\\u2028b"')
        + '[[claims]]\nid = "a\\r\\nb\\u2028c\\u0085d\\u000be"\n'
        + 'flow = "w\\rorld\\n\\u2029\\u000c"\nvalue = "183 yuan"\n',
        2,
        ("field 'flow'", "unknown flow"),
    ),
}


def _run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(arguments)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _check_error(status: int, err: str, expected: int, fragments: tuple[str, ...]) -> None:
    assert expected == status, err
    if expected == 2:
        assert err.startswith("tradestats: error: ")
        assert err.count("\n") == 1, "one line"
        assert len(err) < 600, "bad values are quoted shortened"
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


_OUTPUTS = pytest.mark.parametrize("output", [["--color", "never"], ["--json"]])


@_OUTPUTS
@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_bad_report_files(name: str, output: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Each file of the catalogue gives its exit status and names the field and the fix.

    With ``--json`` too: one line on standard error, nothing on standard output.
    """
    expected, fragments = CATALOGUE[name]
    status, out, err = _run(["check", str(BAD / name), *output], capsys)
    _check_error(status, err, expected, fragments)
    if expected == 2:
        assert out == ""


@_OUTPUTS
@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_report_files(
    name: str, output: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deep nesting, huge numbers and huge files give exit 2 and one shortened line."""
    _, expected, fragments = GENERATED[name]
    path = _generated(name)(tmp_path)
    status, out, err = _run(["check", str(path), *output], capsys)
    _check_error(status, err, expected, fragments)
    if expected == 2:
        assert out == ""


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_read_only_up_to_the_limit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """/dev/zero is refused after MAX_REPORT_BYTES + 1 bytes, not read until memory runs out."""
    status, _, err = _run(["check", "/dev/zero"], capsys)
    _check_error(status, err, 2, ("larger than 1048576 bytes",))


def test_standard_input_is_read_with_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-`` reads the report from standard input, TOML or JSON."""
    example = Path(__file__).parent.parent / "examples" / "xinjiang_2023.toml"

    class Stdin:
        buffer = io.BytesIO(example.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    status, out, err = _run(["check", "-", "--color", "never"], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("Xinjiang's foreign trade")


def test_control_characters_are_escaped_in_everything_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A title, label or id cannot send escape sequences or bidi overrides to the terminal."""
    for arguments in (["--color", "never"], ["--json"], ["--color", "always"]):
        status, out, err = _run(["check", str(BAD / "escapes.toml"), *arguments], capsys)
        assert (status, err) == (0, "")
        shown = out.replace("\x1b[0m", "").replace("\x1b[1m", "").replace("\x1b[32m", "")
        shown = shown.replace("\x1b[33m", "").replace("\x1b[1;31m", "")
        assert not any(ch in shown for ch in "\x1b\x07\x9b\u202e"), shown
        assert "2J" in shown


def test_dollar_m_is_three_million_dollars_in_a_report_as_in_money(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A report reads "$3m" as money() reads it, not as dollars and metres."""
    import tradestats as ts

    status, _, err = _run(["check", str(BAD / "dollar_m.toml")], capsys)
    assert (status, err) == (0, "")
    claim = ts.load_report(BAD / "dollar_m.toml").claims[0]
    assert isinstance(claim, ts.ValueClaim)
    assert ts.money("$3m") == claim.value.value


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``tradestats --version`` prints the version and exits 0."""
    import tradestats

    status, out, _ = _run(["--version"], capsys)
    assert (0, f"tradestats {tradestats.__version__}\n") == (status, out)


def test_an_internal_error_is_one_line_with_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug (an exception that is not a TradeStatsError) gives exit 70 and one line.

    70 (EX_SOFTWARE) and not 3, which says the time limit ran out first.
    """

    def broken(*_: object, **__: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("tradestats.cli.check", broken)
    example = Path(__file__).parent.parent / "examples" / "xinjiang_2023.toml"
    status, _, err = _run(["check", str(example)], capsys)
    assert INTERNAL_ERROR_STATUS == status == 70
    assert status != UNFINISHED_STATUS
    assert err.startswith("tradestats: internal: internal error (KeyError")
    assert err.count("\n") == 1
