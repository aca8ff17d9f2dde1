"""Pictures of checks and series: compared with baselines, and read back as a person would."""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")
pl = pytest.importorskip("polars")

from matplotlib.testing.compare import compare_images  # noqa: E402

from tests._scripts import load_script  # noqa: E402
from tradestats import (  # noqa: E402
    Growth,
    PercentagePoints,
    Share,
    TradeStatsError,
    Verdict,
    check,
    load_report,
    plots,
)
from tradestats.cli import main  # noqa: E402
from tradestats.plots import _fonts  # noqa: E402
from tradestats.plots._canvas import COLOURS  # noqa: E402

plot_cases = load_script("examples/plot_gallery.py")
BASELINES = plot_cases.IMAGES
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


# -- as a person sees them: the pictures against their baselines -----------------------------


@pytest.mark.parametrize("name", sorted(plot_cases.CASES))
def test_each_plot_looks_like_its_baseline(name: str, tmp_path: Path) -> None:
    """Drawn again, each picture matches the one a person looked at (small RMS tolerance)."""
    if name.endswith("-cjk") and _fonts.cjk_font() is None:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk); CI installs one")
    drawn = plots.save(plot_cases.CASES[name](), tmp_path / f"{name}.png", dpi=80)
    assert compare_images(str(BASELINES / f"{name}.png"), str(drawn), tol=6) is None


# -- what the check plot shows ---------------------------------------------------------------


def _verdict_texts(figure: object) -> list[tuple[str, str]]:
    axes = figure.axes[0]  # type: ignore[attr-defined]
    return [(t.get_text(), t.get_color()) for t in axes.texts if t.get_text() in COLOURS]


def test_the_check_plot_has_a_row_and_a_coloured_verdict_per_claim() -> None:
    """One row per check, its verdict written in the verdict's colour."""
    result = check(load_report(plot_cases.EXAMPLE))
    figure = plots.plot_check(result)
    assert len(figure.axes[0].get_yticks()) == len(result.checks)
    expected = [(c.verdict.value, COLOURS[c.verdict.value]) for c in result.checks]
    assert _verdict_texts(figure) == expected


def test_an_inconsistent_figure_shows_how_far_off_it_is() -> None:
    """The row of an inconsistent figure says the gap beyond rounding."""
    figure = plot_cases.conflict_check()
    texts = [t.get_text() for t in figure.axes[0].texts]
    assert "inconsistent" in texts
    assert any(text.startswith("off by 1.4 pp") for text in texts)


def test_an_undefined_figure_says_why(tmp_path: Path) -> None:
    """A growth of a balance that changed sign is drawn as undefined, with its reason."""
    report = tmp_path / "balance.toml"
    report.write_text(
        """
title = "A surplus turned deficit"
reporter = "A"
period = "2023"
[flows.balance]
flow = "balance"
[[claims]]
id = "now"
flow = "balance"
value = "a deficit of 11.8 billion USD"
[[claims]]
id = "before"
flow = "balance"
period = "2022"
value = "a surplus of 2.3 billion USD"
[[claims]]
id = "growth"
flow = "balance"
growth = "7.9%"
""",
        encoding="utf-8",
    )
    result = check(load_report(report))
    assert result.verdict("growth") is Verdict.UNDEFINED
    texts = [t.get_text() for t in plots.plot_check(result).axes[0].texts]
    assert "undefined" in texts
    assert "sign changed" in texts


# -- the other plots ---------------------------------------------------------------------------


def test_a_waterfall_ends_at_the_totals_growth() -> None:
    """Parts that fall short of the total get a bar for the rest; the last bar is the total."""
    figure = plots.plot_contributions(
        {"A": PercentagePoints("3"), "B": PercentagePoints("-1")}, total=Growth("0.05")
    )
    labels = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert labels == ["A", "B", "other (rest of the total)", "total"]
    notes = [t.get_text() for t in figure.axes[0].texts]
    assert notes == ["+3.0 pp", "-1.0 pp", "+3.0 pp", "+5.0%"]


def test_share_changes_are_written_in_points() -> None:
    """Each part's change in points, from Share values or plain percent."""
    figure = plots.plot_shares({"EU": 38, "US": Share("0.12")}, {"EU": 38.6, "US": 11})
    assert sorted(t.get_text() for t in figure.axes[0].texts) == ["+0.6 pp", "-1.0 pp"]


def test_gaps_in_growth_keep_their_reasons() -> None:
    """A null growth is a gap on the line, and growth_gaps lists why."""
    frame = pl.DataFrame({"partner": ["EU"] * 3, "period": [2021, 2022, 2023],
                          "value": [0.0, 5.0, 6.0]})  # fmt: skip
    from tradestats.tables import yoy_growth

    grown = yoy_growth(frame, keys=["partner"])
    gaps = plots.growth_gaps(grown, series=["partner"])
    assert [(label, str(when), why) for label, when, why in gaps] == [
        ("EU", "2021", "no row for 2020"),
        ("EU", "2022", "zero base"),
    ]
    figure = plots.plot_growth(grown.lazy(), series=["partner"])
    notes = {t.get_text() for t in figure.axes[0].texts}
    assert {"no row for 2020", "zero base"} <= notes


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: plots.plot_contributions({}), "at least one value"),
        (lambda: plots.plot_contributions({"A": "3"}), "expected percentage points"),
        (lambda: plots.plot_contributions({"A": float("nan")}), "finite number"),
        (lambda: plots.plot_shares({"A": 1}, {"B": 2}), "same parts"),
        (lambda: plots.plot_growth(pl.DataFrame({"x": [1]}), series=["x"]), "no column"),
        (lambda: plots.plot_growth([1, 2], series=["x"]), "expected a frame"),
        (lambda: plots.plot_growth(pl.DataFrame({"x": [1]}), series="x"), "non-empty list"),
        (lambda: plots.save(plot_cases.shares(), "out.gif"), "'.gif'"),
    ],
)
def test_bad_input_is_refused_by_name(call: object, message: str) -> None:
    """Every bad input is a tradestats error that says what was wrong."""
    with pytest.raises(TradeStatsError, match=message):
        call()  # type: ignore[operator]


# -- fonts -------------------------------------------------------------------------------------


def test_chinese_labels_draw_without_missing_glyphs() -> None:
    """With a CJK font installed, Chinese labels render: no missing-glyph warning at all."""
    if _fonts.cjk_font() is None:
        if IN_CI:
            pytest.fail("CI must install a CJK font (Debian: fonts-noto-cjk)")
        pytest.skip("no CJK font installed")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure = plot_cases.contributions_cjk()
        figure.canvas.draw()


def test_a_missing_cjk_font_is_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """No CJK font: one MissingFontWarning naming the package, never silent empty boxes."""
    monkeypatch.setattr(_fonts, "cjk_font", lambda: None)
    monkeypatch.setattr(_fonts, "_warned", [])
    with pytest.warns(plots.MissingFontWarning, match="fonts-noto-cjk"):
        _fonts.font_context(["出口"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _fonts.font_context(["进口"])  # said once per session
        _fonts.font_context(["exports"])  # Latin text needs nothing


def test_a_cjk_font_installed_after_matplotlibs_cache_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """matplotlib's cached font list may predate the CJK font: the font folders are scanned again.

    Seen on a machine where the font was installed (as the warning advises) after
    matplotlib had built its cache: the font was there and the plots said it was not.
    """
    from matplotlib import font_manager

    if not any("cjk" in path.lower() for path in font_manager.findSystemFonts()):
        pytest.skip("no CJK font file on this machine")
    manager = font_manager.fontManager
    stale = [font for font in manager.ttflist if "CJK" not in font.name]
    monkeypatch.setattr(manager, "ttflist", stale)
    _fonts.cjk_font.cache_clear()
    try:
        assert _fonts.cjk_font() is not None
    finally:
        _fonts.cjk_font.cache_clear()


# -- the web page --------------------------------------------------------------------------------


def test_the_page_is_self_contained_and_escapes_the_report(tmp_path: Path) -> None:
    """No script, no external resource; a title with markup is shown as text."""
    text = plot_cases.EXAMPLE.read_text(encoding="utf-8").replace(
        'title = "Xinjiang', 'title = "<script>alert(1)</script> Xinjiang', 1
    )
    report = tmp_path / "report.toml"
    report.write_text(text, encoding="utf-8")
    page = plots.check_html(check(load_report(report)))
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for reference in ("src=", "@import", "url(http", 'href="http', "url(//"):
        assert reference not in page
    assert page.count("<svg") == 1
    assert "Consistent: the figures hold together" in page


def test_the_command_writes_the_page_and_the_picture(tmp_path: Path) -> None:
    """--html and --plot write their files; the exit status is the check's."""
    page, picture = tmp_path / "check.html", tmp_path / "check.svg"
    status = main(["check", str(plot_cases.EXAMPLE), "--html", str(page), "--plot", str(picture)])
    assert status == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert picture.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_the_command_refuses_a_picture_format_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad suffix: exit 2 and one line naming it."""
    assert main(["check", str(plot_cases.EXAMPLE), "--plot", str(tmp_path / "x.bmp")]) == 2
    assert "expected a file name ending in .svg, .png or .pdf" in capsys.readouterr().err


def _browser() -> str | None:
    return next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)),
                None)  # fmt: skip


def test_the_page_renders_in_a_real_browser(tmp_path: Path) -> None:
    """Headless Chromium draws the page on a phone-sized screen: the banner and the picture show.

    The screenshot is kept in ``tmp_path`` (and copied to ``$TRADESTATS_SCREENSHOTS``
    when set, as CI does) for people to look at.
    """
    browser = _browser()
    if browser is None:
        if IN_CI:
            pytest.fail("CI must install a browser (Debian: chromium)")
        pytest.skip("no chromium installed")
    result = check(load_report(plot_cases.EXAMPLE))
    page = plots.write_check_html(result, tmp_path / "check.html")
    shot = tmp_path / "check.png"
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--window-size=412,1400", "--enable-logging=stderr", f"--screenshot={shot}",
               page.as_uri()]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert shot.exists(), run.stderr[-2000:]
    assert ":CONSOLE" not in run.stderr  # no message on the page's console (INFO:CONSOLE:1] …)
    import numpy as np
    from matplotlib.image import imread

    pixels = (imread(shot)[..., :3] * 255).round().astype(int)
    green = tuple(int(COLOURS["consistent"][i : i + 2], 16) for i in (1, 3, 5))
    banner = np.all(np.abs(pixels - np.array(green)) <= 3, axis=-1)
    assert banner.sum() > 20_000  # the verdict banner, across the phone's width
    dark = np.all(pixels <= 0x30, axis=-1)
    assert dark.sum() > 500  # text and the picture's published bars
    # The picture's bands of what the other claims allow: #8a8a8a at 35% over white.
    band = np.all(np.abs(pixels - 214) <= 3, axis=-1)
    assert band.sum() > 2_000
    if os.environ.get("TRADESTATS_SCREENSHOTS"):
        target = Path(os.environ["TRADESTATS_SCREENSHOTS"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, target / "check-phone.png")


def test_verdict_colours_cover_every_verdict() -> None:
    """Each verdict has its colour (and the HTML and plot use the same table)."""
    assert {verdict.value for verdict in Verdict} <= set(COLOURS)
