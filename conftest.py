"""Run every example in README.md and the documentation as a test, with Sybil.

Collected from README.md and every ``docs/**/*.md`` page:

- fenced ``python`` blocks: with ``>>>`` prompts they run as doctests (the
  output must match), without prompts they run as code (they must not raise);
- fenced ``pycon`` blocks, run as doctests;
- ``{doctest}`` directives, run as doctests.

Examples of a page share one namespace and run in page order. A MyST comment
``% skip: next`` before a block leaves that block out. Doctests use the same
option flags as the rest of the suite (``doctest_optionflags`` in pyproject.toml).
"""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from typing import TYPE_CHECKING

import pytest
from sybil import Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract import DocTestStringParser
from sybil.parsers.myst import (
    ClearNamespaceParser,
    CodeBlockParser,
    DocTestDirectiveParser,
    PythonCodeBlockParser,
    SkipParser,
)
from xdist.scheduler import LoadScopeScheduling

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sybil import Document, Region
    from xdist.remote import Producer

OPTIONFLAGS = ELLIPSIS | NORMALIZE_WHITESPACE


class PyconBlockParser:
    """Fenced ``pycon`` blocks (an interactive session), run as doctests."""

    def __init__(self, optionflags: int) -> None:
        self.blocks = CodeBlockParser(language="pycon")
        self.doctests = DocTestStringParser(DocTestEvaluator(optionflags))

    def __call__(self, document: Document) -> Iterable[Region]:
        """The doctest examples of every ``pycon`` block in ``document``."""
        for block in self.blocks(document):
            source = block.parsed
            for region in self.doctests(source, document.path):
                region.adjust(block, source)
                yield region


# The HTML build and Sphinx's configuration are not tests.
collect_ignore = ["docs/conf.py"]
collect_ignore_glob = ["docs/_build/*"]

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=OPTIONFLAGS),
        PyconBlockParser(OPTIONFLAGS),
        DocTestDirectiveParser(optionflags=OPTIONFLAGS),
        SkipParser(),
        ClearNamespaceParser(),
    ],
    # Path.match compares from the right: "*.md" is every Markdown file at any depth.
    patterns=["*.md"],
    excludes=["_build/*", "*/_build/*"],
).pytest()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Producer) -> LoadScopeScheduling | None:
    """Under ``--dist=load``, spread tests one by one but keep each page whole.

    A page's examples share one namespace and must run in order on one worker;
    every other test can go to whichever worker is free, so no large file holds
    one worker at the end while the other idles (as ``--dist=loadfile`` did).
    xdist's own ``loadgroup`` would do this from marks, but it renames node ids
    in a way pytest 9 no longer honours (pytest-dev/pytest-xdist#1386).
    """
    if config.getvalue("dist") != "load":
        return None
    return PageScheduling(config, log)


class PageScheduling(LoadScopeScheduling):  # type: ignore[misc]  # xdist has no types
    """xdist's scope scheduling, with a page for a scope and a test for the rest."""

    def _split_scope(self, nodeid: str) -> str:
        return scope_of(nodeid)


def scope_of(nodeid: str) -> str:
    """The unit xdist sends to one worker: a Markdown page whole, any other test alone."""
    path = nodeid.partition("::")[0]
    return path if path.endswith(".md") else nodeid
