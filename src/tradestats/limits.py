"""The documented limits on what tradestats accepts, with the reason for each.

Inputs beyond these limits raise a :class:`~tradestats.errors.TradeStatsError`
(:class:`~tradestats.errors.InvalidValueError`, :class:`~tradestats.errors.ParseError`
or :class:`~tradestats.errors.ReportFileError`) that names the value, shortened,
and the limit, instead of being rounded, echoed whole or left to run out of time
or memory. :doc:`/explanation/limits` explains them.

>>> import tradestats as ts
>>> from tradestats import limits
>>> limits.MAX_DIGITS, limits.MAX_EXPONENT
(28, 1000)
>>> ts.money("1" * 29 + " CNY")
Traceback (most recent call last):
...
tradestats.errors.InvalidValueError: an amount has more than the 28 significant digits
tradestats holds exactly (29): '11111111111111111111111111111 CNY'
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "MAX_NESTING",
    "MAX_NUMERALS",
    "MAX_NUMERAL_CHARS",
    "MAX_PERIOD_CHARS",
    "MAX_REPORT_BYTES",
    "MAX_TEXT_LENGTH",
    "MAX_TOKENS",
    "MAX_UNIT_CHARS",
    "QUOTE_LENGTH",
]

#: Significant digits a figure may have, the precision of the library's decimal
#: context. More could not be held exactly through arithmetic, and rounding them
#: silently would change a published figure, so they are refused.
MAX_DIGITS: Final = 28

#: Largest ``|adjusted exponent|`` of a figure (``1E+1000`` is the largest power of
#: ten accepted, ``1E-1000`` the smallest). Trade figures span about 1E-12 to 1E+15;
#: the bound is far inside the context's exponent range (±999,999), so sums,
#: products and quotients of hundreds of figures stay finite, and a figure's text
#: in fixed notation stays short (``1e999999999`` would print a gigabyte).
MAX_EXPONENT: Final = 1000

#: Longest text read as a number (``Growth.from_percent("59.3")``, a precision) or
#: as the figure of a report file, in characters. The longest real figure
#: ("1,831.6 billion US dollars of goods") is far shorter; the bound keeps parsing
#: and error messages cheap.
MAX_TEXT_LENGTH: Final = 1000

#: Most numbers (numerals, and words a figure may be found by, such as month
#: names) in one text that :func:`~tradestats.find_figures` and
#: :func:`~tradestats.extract` read. Each is tried in a few dozen windows of the
#: words around it; the longest real release read so far has about 1,000, and the
#: bound keeps a call under a second whatever the text (a megabyte of hostile
#: text dense with numbers took about 10 s).
MAX_NUMERALS: Final = 10_000

#: Longest numeral read inside a figure's text, in characters. tradestats holds
#: 28 digits; like Python's own limit on ``int()`` of text, this keeps digit
#: conversion cheap, and a longer numeral is refused before it is converted.
MAX_NUMERAL_CHARS: Final = 100

#: Longest period text read, in characters ("the first twelve months of 2023" has
#: 31); longer text is refused before any pattern is tried.
MAX_PERIOD_CHARS: Final = 64

#: Most tokens (numerals, words, marks) in the text of one measure. No
#: form takes more ("rose 1.2 percentage points year on year" takes 9); longer
#: text is refused as soon as the limit is passed, so reading stays linear.
MAX_TOKENS: Final = 64

#: Longest unit text of an amount, in characters ("hong kong dollars"). pint's
#: unit parser is slow on long garbage, so longer unit texts never reach it.
MAX_UNIT_CHARS: Final = 64

#: Largest report file read, in bytes (1 MiB). Real reports are a few kilobytes;
#: the reader stops after this many bytes, so ``/dev/zero`` or an endless pipe
#: cannot fill the memory.
MAX_REPORT_BYTES: Final = 1 << 20

#: Deepest nesting of arrays and tables in a report file. A report needs 4
#: (the file, ``claims``, a claim, its ``parts``); the TOML and JSON readers
#: recurse once per level, so deeper files are refused before they are parsed.
MAX_NESTING: Final = 32

#: Characters of a bad value quoted in an error message; longer values are
#: shortened in the middle with an ellipsis.
QUOTE_LENGTH: Final = 80
