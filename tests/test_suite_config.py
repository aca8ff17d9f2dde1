"""The suite's own configuration: deterministic under xdist and under load."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from xdist.scheduler import LoadScopeScheduling

import tradestats

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["dev", "ci"])
def test_no_profile_has_a_deadline(name: str) -> None:
    """A loaded two-core machine cannot fail a property test by the clock."""
    profile = settings.get_profile(name)
    assert profile.deadline is None
    assert HealthCheck.too_slow in profile.suppress_health_check


def test_xdist_keeps_each_page_whole_and_spreads_the_rest(pytestconfig: pytest.Config) -> None:
    """A Markdown page's examples share a namespace, so a page runs whole on one worker.

    Every other test is its own unit, so a large file does not hold one worker
    at the end while the other idles.
    """
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "--dist=load" in config["tool"]["pytest"]["ini_options"]["addopts"]
    root = pytestconfig.pluginmanager.get_plugin(str(ROOT / "conftest.py"))
    assert root is not None
    assert root.PageScheduling._split_scope is not LoadScopeScheduling._split_scope
    page = "docs/howto/check-a-release.md"
    assert root.scope_of(f"{page}::line:12,column:1") == page
    assert root.scope_of(f"{page}::line:40,column:1") == page
    test = "tests/test_star.py::test_one[3]"
    assert root.scope_of(test) == test
    assert (
        root.scope_of("src/tradestats/growth.py::tradestats.growth.growth")
        != "src/tradestats/growth.py"
    )


def test_version_comes_from_the_package_metadata() -> None:
    """pyproject.toml is the one place the version number is written."""
    from importlib.metadata import version

    written = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    number = written["project"]["version"]
    assert version("tradestats") == tradestats.__version__
    sources = (ROOT / "src" / "tradestats").rglob("*.py")
    assert not [path for path in sources if f'"{number}"' in path.read_text(encoding="utf-8")]
