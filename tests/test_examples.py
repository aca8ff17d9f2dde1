"""Every script in examples/ runs cleanly and prints the figures it is about."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))

#: Figures that must appear in a script's output, by file name; any other script
#: must at least run without error and print something.
KEY_FIGURES: dict[str, tuple[str, ...]] = {
    "comtrade_growth.py": ("3.4 trillion USD", "-6.0%", "+51.4%"),
    "xinjiang_2023.py": (
        "183 billion CNY",
        "169 billion CNY",
        "+59.3%",
        "+61.4%",
        "114.9 billion CNY",  # Jan–Jul 2022, implied by 183 billion up 59.3%
        "104.7 billion CNY",  # implied by 169 billion up 61.4%
        "92.3%",  # Belt and Road share, Jan–Jul 2023
        "×4.26",  # "surged by 3.26 times", Chinese usage (增长3.26倍)
        "×3.26",  # "3.26 times as much"
        "×37.9",
        "×36.9",
    ),
}


def test_there_are_examples() -> None:
    """The examples directory is not empty, so the test below checks something."""
    assert SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.name for script in SCRIPTS])
def test_example_runs(script: Path, tmp_path: Path) -> None:
    """The script exits with status 0, warns about nothing, and prints its key figures."""
    # The gallery draws into a directory of the test's, not over the docs' images.
    arguments = [str(tmp_path)] if script.name == "plot_gallery.py" else []
    result = subprocess.run(
        [sys.executable, "-W", "error", str(script), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=script.parent,
    )
    assert not result.returncode, f"exit status {result.returncode}:\n{result.stderr}"
    assert result.stdout.strip()
    missing = [figure for figure in KEY_FIGURES.get(script.name, ()) if figure not in result.stdout]
    assert not missing, f"{missing} not in the output:\n{result.stdout}"
