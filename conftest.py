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

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sybil import Document, Region

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
