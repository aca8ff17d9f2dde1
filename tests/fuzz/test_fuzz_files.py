"""Fuzz report files: parse_report, load_report and the CLI on generated hostile files.

Only ReportFileError (a TradeStatsError) may come out of the readers; the CLI
returns 0, 1 or 2, prints one line on an error, and never prints a raw control
character.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

import tradestats as ts
from tests.fuzz._support import FUZZ, call, expect, scratch
from tests.fuzz.hostile import hostile_texts
from tradestats.claims.files import parse_report
from tradestats.cli import main

_TEMPLATE: dict[str, Any] = {
    "title": "Xinjiang's foreign trade",
    "reporter": "Xinjiang",
    "period": "2023-01/2023-07",
    "flows": {
        "world": {"flow": "total", "label": "foreign trade"},
        "bri": {"flow": "total", "partner": "Belt and Road countries"},
        "others": {"flow": "total", "partner": "other countries"},
        "exports": {"flow": "exports"},
        "imports": {"flow": "imports"},
        "balance": {"flow": "balance"},
    },
    "claims": [
        {"id": "total", "flow": "world", "value": "183 billion yuan"},
        {"id": "growth", "flow": "world", "growth": "59.3%"},
        {"id": "bri", "flow": "bri", "value": "169 billion yuan"},
        {"id": "share", "part": "bri", "whole": "world", "share": "92.3%"},
        {"id": "parts", "total": "world", "parts": ["bri", "others"]},
        {"id": "deficit", "flow": "balance", "value": "a deficit of 11.8 billion yuan"},
        {"id": "change", "flow": "exports", "change": "up 3.4 billion yuan", "versus": "previous"},
        {"id": "points", "part": "bri", "whole": "world", "share_change": "+0.8 pp"},
        {"id": "faster", "flow": "bri", "than": "world", "growth_difference": "+2.1 pp"},
        {"id": "over", "flow": "imports", "value": "over 93 billion yuan", "qualifier": "over"},
    ],
}
# Where a hostile value may go: (path of keys, ...).
_PLACES: tuple[tuple[Any, ...], ...] = (
    ("title",),
    ("reporter",),
    ("period",),
    ("flows", "world", "label"),
    ("flows", "bri", "partner"),
    ("claims", 0, "value"),
    ("claims", 0, "id"),
    ("claims", 1, "growth"),
    ("claims", 1, "period"),
    ("claims", 2, "precision"),
    ("claims", 3, "share"),
    ("claims", 4, "parts"),
    ("claims", 5, "value"),
    ("claims", 5, "sign"),
    ("claims", 6, "change"),
    ("claims", 6, "versus"),
    ("claims", 7, "share_change"),
    ("claims", 8, "than"),
    ("claims", 9, "qualifier"),
)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# Strategies are built once (see hostile.py): building one per draw cost more than drawing.
_WHERE = st.lists(st.sampled_from(_PLACES), min_size=1, max_size=3)
_HOSTILE_VALUES: st.SearchStrategy[Any] = st.one_of(
    hostile_texts(),
    st.integers(),
    st.sampled_from([10**4000, True, None, 1e308, [], {}, [[[]]]]),
)


@st.composite
def reports(draw: st.DrawFn) -> dict[str, Any]:
    """The template with hostile values put in a few places."""
    report: dict[str, Any] = json.loads(json.dumps(_TEMPLATE))
    for place in draw(_WHERE):
        target = report
        for key in place[:-1]:
            target = target[key]
        target[place[-1]] = draw(_HOSTILE_VALUES)
    return report


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if value is None:
        return '""'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return (
            "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
        )
    return json.dumps(value)  # JSON escapes are TOML basic-string escapes


def to_toml(report: dict[str, Any]) -> str:
    """A report dict as TOML text, written by hand (hostile values included)."""
    lines = [
        f"{key} = {_toml_value(value)}"
        for key, value in report.items()
        if key not in ("flows", "claims")
    ]
    for flow_id, body in report["flows"].items():
        lines.append(f"[flows.{flow_id}]")
        lines += [f"{key} = {_toml_value(value)}" for key, value in body.items()]
    for claim in report["claims"]:
        lines.append("[[claims]]")
        lines += [f"{key} = {_toml_value(value)}" for key, value in claim.items()]
    return "\n".join(lines) + "\n"


_KINDS = st.sampled_from(["toml", "json"])
_REPORT_CHOICE = st.integers(0, 4)
_DEPTHS = st.sampled_from([40, 1_000, 5_000, 100_000])
_REPORTS = reports()


@st.composite
def report_texts(draw: st.DrawFn) -> tuple[str, str]:
    """(kind, text) of a hostile report, in TOML or JSON, or hostile text outright."""
    kind = draw(_KINDS)
    choice = draw(_REPORT_CHOICE)
    if choice == 0:
        return kind, draw(hostile_texts())
    if choice == 1:
        depth = draw(_DEPTHS)
        opening, closing = (
            ("x = " + "[" * depth, "]" * depth) if kind == "toml" else ("[" * depth, "]" * depth)
        )
        return kind, opening + closing
    report = draw(_REPORTS)
    if kind == "json":
        try:
            return kind, json.dumps(report, ensure_ascii=False)
        except ValueError:  # an int of more than 4,300 digits
            return kind, "{}"
    try:
        return kind, to_toml(report)
    except ValueError:
        return kind, "x = 1"


@given(report_texts())
@example(("toml", "x = " + "[" * 1000 + "]" * 1000))
@example(("toml", "x = " + "{a=" * 5000 + "1" + "}" * 5000))
@example(("json", "[" * 100_000 + "]" * 100_000))
@example(("toml", 'title = "t"\nperiod = ' + "9" * 5000))
@FUZZ
def test_parse_report(case: tuple[str, str]) -> None:
    """parse_report raises only TradeStatsError on any text."""
    kind, text = case
    call("parse_report", parse_report, text, name="fuzz", kind=kind)  # type: ignore[arg-type]


@given(report_texts(), st.sampled_from(["", "\ufeff"]), st.sampled_from(["utf-8", "bad"]))
@FUZZ
def test_cli_on_generated_files(case: tuple[str, str], bom: str, encoding: str) -> None:
    """The CLI exits 0, 1 or 2; an error is one clean line; nothing raw reaches the terminal."""
    kind, text = case
    data = (bom + text).encode("utf-8", "surrogatepass")
    if encoding == "bad":
        data = data[: len(data) // 2] + b"\xff\xfe" + data[len(data) // 2 :]
    path = scratch(f"report.{kind}")
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = call("cli main", main, ["check", str(path), "--color", "never"])
        json_status = call("cli main --json", main, ["check", str(path), "--json"])
    expect("cli main", status in (0, 1, 2), f"exit status {status} for {text[:100]!r}")
    expect("cli main --json", json_status in (0, 1, 2), f"exit status {json_status}")
    errors = err.getvalue()
    expect("cli main", errors.count("\n") <= 2, f"more than one line per error: {errors[:300]!r}")
    expect("cli main", "Traceback" not in errors, f"a traceback: {errors[:300]!r}")
    printed = out.getvalue() + errors
    expect("cli main", not _UNSAFE.search(printed), f"raw control characters: {printed[:300]!r}")


@given(report_texts())
@FUZZ
def test_load_report(case: tuple[str, str]) -> None:
    """load_report raises only TradeStatsError; what it reads is what parse_report reads."""
    kind, text = case
    path = scratch(f"report.{kind}")
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    loaded = call("load_report", ts.load_report, path)
    if loaded is not None:
        parsed = call("load_report", parse_report, text, name=str(path), kind=kind)  # type: ignore[arg-type]
        expect("load_report", loaded == parsed, "load_report and parse_report disagree")


_CLAIM_CHOICE = st.lists(
    st.integers(0, len(_TEMPLATE["claims"]) - 1), unique=True, min_size=1, max_size=10
)
# Free text is any text with something in it but white space (empty text is refused).
_FREE_TEXT = st.one_of(hostile_texts(), st.text(max_size=30)).map(lambda text: f"{text}.")
_PERIODS = st.sampled_from(["2023", "2023-01/2023-07", "2023-Q1", "2022-12", "2023-06"])


@st.composite
def varied_reports(draw: st.DrawFn) -> dict[str, Any]:
    """Reports that read: the template's claims in any subset, free text where text is free.

    A report with hostile values in its figures seldom reads at all, and a writer
    is only exercised by what reads; titles, labels and ids take any text.
    """
    report: dict[str, Any] = json.loads(json.dumps(_TEMPLATE))
    report["title"] = draw(_FREE_TEXT)
    report["reporter"] = draw(_FREE_TEXT)
    report["period"] = draw(_PERIODS)
    report["flows"]["world"]["label"] = draw(_FREE_TEXT)
    report["source"] = draw(_FREE_TEXT)
    report["flows"]["bri"]["partner"] = draw(_FREE_TEXT)
    report["claims"] = [report["claims"][index] for index in draw(_CLAIM_CHOICE)]
    return report


@given(st.one_of(varied_reports(), _REPORTS))
@FUZZ
def test_dump_report_round_trip(report: dict[str, Any]) -> None:
    """A report that reads is written by dump_report as TOML that reads back equal."""
    try:
        text = json.dumps(report, ensure_ascii=False)
    except ValueError:  # an int of more than 4,300 digits
        return
    parsed = call("parse_report", parse_report, text, name="fuzz", kind="json")
    if parsed is None:
        return
    written = call("dump_report", ts.dump_report, parsed)
    if written is not None:
        again = call("dump_report: read back", parse_report, written)
        expect("dump_report", again == parsed, f"{written!r:.200} reads back otherwise")
