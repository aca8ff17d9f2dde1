"""The suite's own configuration: deterministic under xdist and under load."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import tradestats

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["dev", "ci"])
def test_no_profile_has_a_deadline(name: str) -> None:
    """A loaded two-core machine cannot fail a property test by the clock."""
    profile = settings.get_profile(name)
    assert profile.deadline is None
    assert HealthCheck.too_slow in profile.suppress_health_check


def test_xdist_keeps_each_file_on_one_worker() -> None:
    """A Markdown page's examples share a namespace, so its file runs on one worker."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    addopts = config["tool"]["pytest"]["ini_options"]["addopts"]
    assert {"--dist=loadfile", "--dist=loadgroup"} & set(addopts)


def test_version_comes_from_the_package_metadata() -> None:
    """pyproject.toml is the one place the version number is written."""
    from importlib.metadata import version

    written = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    number = written["project"]["version"]
    assert version("tradestats") == tradestats.__version__
    sources = (ROOT / "src" / "tradestats").rglob("*.py")
    assert not [path for path in sources if f'"{number}"' in path.read_text(encoding="utf-8")]
