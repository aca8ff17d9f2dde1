r"""Private helpers for quoting text a user gave: shortened, with control characters escaped.

Every message that quotes user input goes through :func:`quote`, so a 5 MB bad
value is not echoed whole, and a terminal escape sequence in a title or label is
shown as ``\x1b`` instead of clearing the screen.
"""

from __future__ import annotations

import math
import re
import reprlib
from typing import TYPE_CHECKING, Final

from tradestats.limits import QUOTE_LENGTH

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["escape_controls", "quote", "quote_all", "shorten"]

# C0 and C1 controls (ESC starts terminal escape sequences), DEL, the bidirectional
# overrides and isolates (which reorder what a reader sees: "Trojan source"), zero
# width and line/paragraph separators, and lone surrogates (not printable as UTF-8).
_LOG10_2: Final = math.log10(2)
_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_UNSAFE_WITH_NEWLINES: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, *, keep_newlines: bool = True) -> str:
    r"""``text`` with control, bidi-override and invisible characters written as escapes.

    >>> escape_controls("Xinjiang\x1b[2J \u202eevil")
    'Xinjiang\\x1b[2J \\u202eevil'
    >>> escape_controls("a\nb", keep_newlines=False)
    'a\\x0ab'
    """
    pattern = _UNSAFE if keep_newlines else _UNSAFE_WITH_NEWLINES
    return pattern.sub(_escape, text)


def shorten(text: str, limit: int = QUOTE_LENGTH) -> str:
    """``text`` cut in the middle to at most about ``limit`` characters.

    >>> shorten("x" * 100, 20)
    'xxxxxxxxx…(100 characters)…xxxxxxxxx'
    >>> shorten("short")
    'short'
    """
    if len(text) <= limit:
        return text
    half = max(1, (limit - 2) // 2)
    return f"{text[:half]}…({len(text)} characters)…{text[-half:]}"


def _integer(value: int) -> str | None:
    """How an integer too long to quote is described; None for one that can be."""
    if value.bit_length() <= 3000:
        return None
    return f"an integer of about {int(value.bit_length() * _LOG10_2) + 1} digits"


class _Brief(reprlib.Repr):
    """``repr`` of plain data cut at every level: a few items, short strings and numbers.

    A container's ``repr`` is as long as all it holds, and an int of more than
    4,300 digits has none (``repr`` raises), anywhere inside.
    """

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 4
        self.maxstring = self.maxlong = self.maxother = 40

    def repr_int(self, x: int, level: int) -> str:
        return _integer(x) or super().repr_int(x, level)


_BRIEF: Final = _Brief()


def quote(value: object, limit: int = QUOTE_LENGTH) -> str:
    r"""``repr(value)`` for an error message: shortened, escaped, safe for huge integers.

    ``repr`` already writes unprintable characters (controls, bidi overrides,
    surrogates) as escapes; an int of more than 4,300 digits has no ``repr``,
    also inside a container, whose items are cut too.

    >>> print(quote("59.3\x1b%"), quote(10**5000), quote("x" * 100, 20))
    '59.3\x1b%' an integer of about 5001 digits 'xxxxxxxxx…(100 characters)…xxxxxxxxx'
    >>> print(quote([10**5000, "x" * 100], 200))
    [an integer of about 5001 digits, 'xxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx']
    """
    if isinstance(value, int) and not isinstance(value, bool):
        described = _integer(value)
        if described:
            return described
    if isinstance(value, str):
        return repr(shorten(value, limit))
    if isinstance(value, dict | list | tuple | set | frozenset):
        return escape_controls(shorten(_BRIEF.repr(value), limit), keep_newlines=False)
    return escape_controls(shorten(repr(value), limit), keep_newlines=False)


#: Values of a list a message names before it says how many more there are.
_LISTED: Final = 10


def quote_all(values: Iterable[object], limit: int = QUOTE_LENGTH) -> str:
    """The values, each quoted as :func:`quote` does, the first few of a long list only.

    A file's columns or a report's ids come from the user: a header of 5,000
    columns must not make a message of 5,000 names.

    >>> quote_all(["a", "b"])
    "'a', 'b'"
    >>> quote_all(range(25))
    '0, 1, 2, 3, 4, 5, 6, 7, 8, 9, and 15 more'
    """
    items = list(values)
    shown = ", ".join(quote(item, limit) for item in items[:_LISTED])
    return shown + (f", and {len(items) - _LISTED} more" if len(items) > _LISTED else "")
