"""Write what the fuzz tests recorded at the end of the session (see _support)."""

from __future__ import annotations

import pytest

from tests.fuzz._support import finish_test, remove_scratch, start_test, write_record


def pytest_sessionfinish() -> None:
    """Save the per-entry-point counts when TRADESTATS_FUZZ_RECORD is set; remove scratch files."""
    write_record()
    remove_scratch()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Start each fuzz test's clock (its time budget, see TRADESTATS_FUZZ_SECONDS, and its time)."""
    start_test(item.nodeid)


def pytest_runtest_teardown() -> None:
    """Stop the test's clock."""
    finish_test()


def pytest_runtest_logfinish() -> None:
    """Save them after every test too, so that a long run cut short still reports."""
    write_record()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Hostile inputs are large: hypothesis may warn that their repr is, which is no failure."""
    for item in items:
        if "tests/fuzz" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.filterwarnings("ignore:Generating overly large repr"))
