"""The tradestats command line: output, JSON, colour and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tradestats import cli
from tradestats.claims.consistency import check
from tradestats.claims.files import load_report
from tradestats.cli import main, render

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinjiang_2023.toml"
WORLD_2022 = """
[[claims]]
id = "world-2022"
flow = "world"
period = "2022-01/2022-07"
value = "114.9 billion yuan"
"""


@pytest.fixture
def inconsistent(tmp_path: Path) -> Path:
    """The seed report with 61.3% for 59.3% and the 2022 total published."""
    text = EXAMPLE.read_text(encoding="utf-8").replace('"59.3%"', '"61.3%"') + WORLD_2022
    path = tmp_path / "changed.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed checks consistent (status 0) and the table shows claims and implied figures."""
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "world-growth       Jan–Jul 2023  growth of foreign trade" in out
    assert "3.26 times (more: ×4.26)" in out
    assert "not checkable" in out
    assert "foreign trade, Jan–Jul 2022" in out
    assert "114.5 to 115.3 billion CNY" in out
    assert "share of trade with Belt and Road countries in foreign trade, Jan–Jul 2023" in out
    assert out.rstrip().endswith(
        "Result: consistent (12 consistent, 0 inconsistent, 6 not checkable)"
    )
    assert "\033[" not in out


@pytest.mark.parametrize(
    ("fast", "slow", "noted"), [(False, 0.0, True), (True, 0.0, False), (False, 1e9, False)]
)
def test_a_slow_check_without_highs_says_how_to_speed_it_up(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    fast: bool,
    slow: float,
    noted: bool,
) -> None:
    """Only without HiGHS and only past the threshold: a note on stderr, the output unchanged."""
    monkeypatch.setattr(cli, "FAST_ENGINE", fast)
    monkeypatch.setattr(cli, "_SLOW_CHECK", slow)
    assert main(["check", str(EXAMPLE)]) == 0
    captured = capsys.readouterr()
    assert ("tradestats: note: the check took" in captured.err) is noted
    assert ('pip install "tradestats[fast]"' in captured.err) is noted
    assert captured.out.rstrip().endswith("6 not checkable)")


def test_inconsistent_report_exits_1(
    inconsistent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A conflict gives status 1, and the output says which figures and by how much."""
    assert main(["check", str(inconsistent)]) == 1
    out = capsys.readouterr().out
    assert "+58.7% to +59.8% (off by 1.4 pp beyond rounding)" in out
    assert "claims 'world-value', 'world-growth', 'world-2022' cannot all hold" in out
    assert "Result: inconsistent" in out


def test_json_output(inconsistent: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one JSON object with verdicts, conflicts and implied figures."""
    assert main(["check", "--json", str(inconsistent)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["consistent"] is False
    verdicts = {item["id"]: item["verdict"] for item in data["claims"]}
    assert verdicts["world-growth"] == "inconsistent"
    assert [conflict["claims"] for conflict in data["conflicts"]] == [
        ["world-value", "world-growth", "world-2022"]
    ]
    assert data["implied"][0]["key"] == "value/bri/2022-01/2022-07"


def test_bad_file_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad file gives one line on stderr naming file, claim and field, and status 2."""
    path = tmp_path / "bad.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('growth = "61.4%"', "growth = true")
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        f"tradestats: error: {path}: claim 'bri-growth', field 'growth': expected a growth "
        "rate as text, such as '61.4%', got true\n"
    ) == captured.err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing argument or unknown command is a usage error, status 2."""
    assert main(["check"]) == 2
    assert main(["frobnicate"]) == 2
    assert "usage: tradestats" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """--help prints the usage and exits 0."""
    assert main(["check", "--help"]) == 0
    assert "--json" in capsys.readouterr().out


def test_colour_always_and_never(capsys: pytest.CaptureFixture[str]) -> None:
    """--color always paints the verdicts; never leaves plain text."""
    main(["check", "--color", "always", str(EXAMPLE)])
    assert "\033[32mconsistent\033[0m" in capsys.readouterr().out
    main(["check", "--color", "never", str(EXAMPLE)])
    assert "\033[" not in capsys.readouterr().out


def test_no_color_wins_in_auto(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """NO_COLOR turns colour off even on a terminal."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["check", str(EXAMPLE)])
    assert "\033[" not in capsys.readouterr().out


def test_auto_colour_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without NO_COLOR, a terminal gets colour."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    main(["check", str(EXAMPLE)])
    assert "\033[32m" in capsys.readouterr().out


def test_render_lists_no_figures_when_none_implied(tmp_path: Path) -> None:
    """A report that implies nothing says so."""
    path = tmp_path / "one.toml"
    path.write_text(
        'title = "t"\nreporter = "X"\nperiod = "2023"\n[flows.x]\nflow = "exports"\n'
        '[[claims]]\nid = "v"\nflow = "x"\nvalue = "5 billion USD"\n',
        encoding="utf-8",
    )
    text = render(check(load_report(path)))
    assert "none: the claims determine no figure they do not state" in text


def test_python_m_tradestats() -> None:
    """python -m tradestats runs the same command line in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-W", "error", "-m", "tradestats", "check", "--json", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["consistent"] is True


def test_render_names_share_claims(tmp_path: Path) -> None:
    """A share claim shows as "share of part in whole" in the table."""
    path = tmp_path / "share.toml"
    extra = '\n[[claims]]\nid = "bri-share"\npart = "bri"\nwhole = "world"\nshare = "92.3%"\n'
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    text = render(check(load_report(path)))
    assert "share of trade with Belt and Road countries in foreign trade  92.3%" in text


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('growth = "59.3%"', "growth = 59.3", "claim 'world-growth', field 'growth'"),
        ('"183 billion yuan"', '"183 billion zorkmids"', "claim 'world-value', field 'value'"),
        ('period = "2023-01/2023-07"', "", "claim 'world-value', field 'period': missing"),
        ('flow = "bri"', 'flow = "brl"', "claim 'bri-value', field 'flow': unknown flow 'brl'"),
        ('id = "bri-growth"', 'id = "bri-value"', "claim 'bri-value', field 'id'"),
        ("[flows.bri]", "[flows.bri", "not valid TOML"),
    ],
)
def test_bad_files_exit_2(
    old: str, new: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each kind of bad file gives status 2 and one line naming file, claim and field."""
    path = tmp_path / "bad.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tradestats: error: {path}: ")
    assert words in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_budget_option(capsys: pytest.CaptureFixture[str]) -> None:
    """--budget 0 still gives the seed's exact ranges; a negative budget is refused."""
    assert main(["check", "--budget", "0", str(EXAMPLE)]) == 0
    assert "+35.2% to +39.9%" in capsys.readouterr().out
    assert main(["check", "--budget", "-3", str(EXAMPLE)]) == 2
    assert "not '-3'" in capsys.readouterr().err
