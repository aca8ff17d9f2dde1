"""tradestats extract ARTICLE and tradestats check ARTICLE.txt: drafts, choices, exit statuses."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import tradestats as ts
from tradestats.claims.files import parse_report
from tradestats.cli import main

SEED = Path(__file__).resolve().parent / "data" / "seed" / "xinjiang-2023.txt"
CORPUS = Path(__file__).resolve().parent / "data" / "articles"


def test_extract_writes_a_draft_with_comments_and_review_marks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The draft names the flows, quotes the article under each claim and marks the choices."""
    assert main(["extract", str(SEED), "--date", "2023-08-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# A DRAFT report extracted by tradestats")
    assert "# the article: " in out
    assert "# REVIEW: times: times more, as Chinese 增长3.26倍 (×4.26)" in out
    assert "# REVIEW: parts: declared" in out
    report = parse_report(out)
    assert {flow.product for flow in report.flows} >= {
        ts.ProductGroup("electric vehicles"),
        ts.ProductGroup("solar cells"),
    }


def test_extract_to_a_file_and_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o writes the TOML a check reads; --json gives the draft, its claims and its choices."""
    draft = tmp_path / "draft.toml"
    assert main(["extract", str(SEED), "--date", "2023-08-10", "-o", str(draft)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", str(draft)]) == 0
    capsys.readouterr()
    assert main(["extract", str(SEED), "--date", "2023-08-10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["draft"] is True
    assert parse_report(data["report"]) == ts.load_report(draft)
    assert [choice["what"] for choice in data["choices"] if choice["claim"]] == [
        "parts",
        "times",
        "times",
    ]


def test_check_an_article_says_it_is_a_draft(capsys: pytest.CaptureFixture[str]) -> None:
    """check ARTICLE.txt extracts, says DRAFT with the choices, then checks: consistent."""
    assert main(["check", str(SEED), "--date", "2023-08-10"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DRAFT: the report below was extracted from")
    assert "times: times more" in out
    assert out.rstrip().endswith(
        "Result: consistent (6 consistent, 0 inconsistent, 2 not checkable)"
    )


def test_check_an_html_article_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """An .html article checks too; its JSON says draft and lists the choices."""
    path = CORPUS / "de-2015-year.html"
    assert main(["check", str(path), "--date", "2016-02-09", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["draft"] is True
    assert data["choices"]
    assert data["consistent"] is True


def test_check_article_flag_and_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--article reads any file name (or standard input) as an article."""
    text = (
        "China's exports rose 7.3 percent to CNY15.31 trillion in the first seven months of 2025."
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["check", "-", "--article", "--lang", "en"]) == 0
    assert "DRAFT" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8", "not UTF-8"),
        (b"No figures here at all.", "found no trade figure"),
    ],
)
def test_unreadable_articles_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    """An article that is not UTF-8, or has no figure, is an error: status 2, one line."""
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_missing_article_and_bad_options_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file, a bad date or an unknown language: status 2."""
    assert main(["extract", "no-such-article.txt"]) == 2
    assert main(["extract", str(SEED), "--date", "10/08/2023"]) == 2
    assert main(["extract", str(SEED), "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "no-such-article.txt: cannot read the file" in err
    assert "YYYY-MM-DD" in err


def test_an_inconsistent_article_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article whose figures cannot all hold: status 1, as for a report file."""
    path = tmp_path / "bad.txt"
    path.write_text(
        "In the first seven months of 2023, exports rose 10 percent to 110 billion yuan, "
        "imports rose 10 percent to 100 billion yuan, and foreign trade rose 50 percent to "
        "210 billion yuan.",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 1
    assert "inconsistent" in capsys.readouterr().out
