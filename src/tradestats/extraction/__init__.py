"""From an article's text to a draft report: :func:`~tradestats.extract` and what it returns.

``tradestats extract ARTICLE`` on the command line, :func:`~tradestats.extract` in Python:
the figures of an article (plain text or HTML; English, simplified or
traditional Chinese, German) bound to the flows the article's words name, as a
draft :class:`~tradestats.Report` with the :class:`~tradestats.Choice` list of every place the
extractor had to choose. See :doc:`/howto/extract`.
"""

from __future__ import annotations

from tradestats.extraction._extract import Choice, Extraction, extract

__all__ = ["Choice", "Extraction", "extract"]
