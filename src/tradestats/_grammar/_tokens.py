"""Tokens: text cut once, left to right, into numerals, words and single marks.

Every figure's grammar reads tokens, not characters, so a numeral is one token
("59.3") and a word is one token ("year"): a cue word can stand before or after
a number but never splits one ("59.同比3%" is the numeral "59.", two marks and
the numeral "3", which no form accepts). The token pattern has no nested
quantifiers and its alternatives begin with disjoint characters, so cutting is
linear in the length of the text, and a text of more than :data:`MAX_TOKENS`
tokens is refused as soon as the limit is passed.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from attrs import frozen

from tradestats.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "MAX_NUMERAL_CHARS",
    "MAX_TOKENS",
    "NUMERAL",
    "Kind",
    "Token",
    "numeral_value",
    "phrase_at",
    "phrase_before",
    "phrases",
    "quote",
    "tokenize",
]

#: No measure or period takes more tokens than this ("rose 1.2 percentage points
#: year on year" takes 9); longer text is refused before it is read.
MAX_TOKENS: Final = 64

#: The longest numeral read, in characters: tradestats computes with 28 digits,
#: and like Python's own int() limit this keeps digit conversion cheap.
MAX_NUMERAL_CHARS: Final = 100

#: A numeral: digits with optional thousands separators and decimals, or ".5".
NUMERAL: Final = re.compile(r"\d+(?:,\d{3})*(?:\.\d*)?|\.\d+")
_TOKEN: Final = re.compile(rf"({NUMERAL.pattern})|(\s+)|([A-Za-z]+)|(.)", re.DOTALL)
_SIGNS: Final = {"+": "", "-": "-", "−": "-"}


class Kind(enum.Enum):
    """What a token is."""

    NUMERAL = "numeral"
    WORD = "word"
    MARK = "mark"


@frozen
class Token:
    """One numeral, one run of ASCII letters, or one other character, with where it stands.

    Args:
        kind: Numeral, word or mark.
        text: The token as written.
        start: Its offset in the text.
        spaced: Whether whitespace precedes it.
    """

    kind: Kind
    text: str
    start: int
    spaced: bool

    @property
    def key(self) -> str:
        """The text in lower case, as tables keep their words."""
        return self.text.lower()

    @property
    def end(self) -> int:
        """The offset just after the token."""
        return self.start + len(self.text)

    @property
    def sign(self) -> str | None:
        """``"-"`` for a minus sign, ``""`` for a plus sign, ``None`` for anything else."""
        return _SIGNS.get(self.text) if self.kind is Kind.MARK else None


def quote(text: str) -> str:
    """The text as an error message names it: its repr, cut short if it is very long."""
    if len(text) <= 80:
        return repr(text)
    return f"{text[:40]!r}… ({len(text)} characters)"


def tokenize(text: str, *, what: str) -> tuple[Token, ...]:
    """Cut ``text`` into at most :data:`MAX_TOKENS` tokens, whitespace dropped.

    Raises:
        ParseError: For text of more tokens than any ``what`` has.

    >>> [t.text for t in tokenize("up 59.3% y/y", what="a growth rate")]
    ['up', '59.3', '%', 'y', '/', 'y']
    """
    tokens: list[Token] = []
    spaced = False
    for match in itertools.islice(_TOKEN.finditer(text), 2 * MAX_TOKENS + 2):
        numeral, space, word, _ = match.groups()
        if space is not None:
            spaced = True
            continue
        kind = Kind.NUMERAL if numeral is not None else Kind.WORD if word else Kind.MARK
        tokens.append(Token(kind, match.group(), match.start(), spaced))
        spaced = False
        if len(tokens) > MAX_TOKENS:
            break
    else:
        if not tokens or tokens[-1].end == len(text.rstrip()):
            return tuple(tokens)
    raise ParseError(
        f"cannot read {quote(text)} as {what}: it is longer than any such figure "
        f"(more than {MAX_TOKENS} words, numbers and signs)",
        value=text,
    )


def numeral_value(token: Token, *, text: str, grouped: bool = False) -> Decimal:
    """The exact value of a numeral token, keeping every digit written.

    Args:
        token: A numeral token.
        text: The whole text, for error messages.
        grouped: Whether thousands separators ("1,234.5") may appear.

    Raises:
        ParseError: For a numeral too long to be a figure, or badly grouped.
    """
    numeral = token.text
    if len(numeral) > MAX_NUMERAL_CHARS:
        raise ParseError(
            f"cannot read {quote(text)}: its number has {len(numeral)} characters, and "
            f"tradestats reads numbers of at most {MAX_NUMERAL_CHARS}",
            value=text,
        )
    if "," in numeral:
        first = numeral.partition(",")[0]
        if not grouped or len(first) > 3:
            raise ParseError(
                f"cannot read {quote(text)}: {numeral!r} is not a number written with "
                "thousands separators, such as '1,234.5'",
                value=text,
            )
        numeral = numeral.replace(",", "")
    return Decimal(numeral)


@functools.cache
def phrases(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The token keys of each phrase in a table, longest first (so 增长 wins over 增)."""
    cut = (tuple(t.key for t in _cut(word)) for word in words)
    return tuple(sorted(cut, key=len, reverse=True))


def _cut(text: str) -> Iterable[Token]:
    return (
        Token(Kind.MARK, m.group(), m.start(), False)
        for m in _TOKEN.finditer(text)
        if not m.group().isspace()
    )


def phrase_at(tokens: Sequence[Token], index: int, words: tuple[str, ...]) -> int | None:
    """The index after the longest phrase of ``words`` that starts at ``index``, if any."""
    for phrase in phrases(words):
        end = index + len(phrase)
        if end <= len(tokens) and all(tokens[index + i].key == key for i, key in enumerate(phrase)):
            return end
    return None


def phrase_before(tokens: Sequence[Token], end: int, words: tuple[str, ...]) -> int | None:
    """The index where the longest phrase of ``words`` that ends just before ``end`` starts."""
    for phrase in phrases(words):
        start = end - len(phrase)
        if start >= 0 and all(tokens[start + i].key == key for i, key in enumerate(phrase)):
            return start
    return None
