"""Tokens: text cut once, left to right, into numerals, words and single marks.

Every figure's grammar reads tokens, not characters, so a numeral is one token
("59.3") and a word is one token ("year"): a cue word can stand before or after
a number but never splits one ("59.同比3%" is the numeral "59.", two marks and
the numeral "3", which no form accepts). The token pattern has no nested
quantifiers and its alternatives begin with disjoint characters, so cutting is
linear in the length of the text, and a text of more than :data:`~tradestats.limits.MAX_TOKENS`
tokens is refused as soon as the limit is passed.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from attrs import frozen

from tradestats._text import quote
from tradestats.errors import ParseError
from tradestats.limits import MAX_NUMERAL_CHARS, MAX_TOKENS

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = [
    "MAX_NUMERAL_CHARS",
    "MAX_TOKENS",
    "NUMERAL",
    "Kind",
    "Phrases",
    "Token",
    "iter_tokens",
    "numeral_value",
    "phrase_at",
    "phrase_before",
    "quote",
    "tokenize",
]


#: A numeral: digits with optional thousands separators and decimals, or ".5"; in the
#: normal form (:mod:`._normalize`) an integer may end in one mark of unwritten zeros.
NUMERAL: Final = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]*|[\ue001-\ue0ff])?|\.[0-9]+")
_ZERO_MARKS: Final = 0xE000
# A run of U+FFFD (what normalize puts in place of a numeral it cannot read, one per
# character so that offsets hold) is one token: no figure reads it, and a token per
# character made hostile texts of long digit runs cost a token object per digit.
_TOKEN: Final = re.compile(rf"({NUMERAL.pattern})|(\s+)|([A-Za-z]+)|(\ufffd+)|(.)", re.DOTALL)
_SIGNS: Final = {"+": "", "-": "-", "−": "-"}
_SPACE: Final = 2  # the group of whitespace in _TOKEN


class Kind(enum.Enum):
    """What a token is."""

    NUMERAL = "numeral"
    WORD = "word"
    MARK = "mark"


# The kind of token each group of _TOKEN matches (group 2, whitespace, makes none).
_KINDS: Final = (Kind.MARK, Kind.NUMERAL, Kind.MARK, Kind.WORD, Kind.MARK, Kind.MARK)


class Token(NamedTuple):
    """One numeral, one run of ASCII letters, or one other character, with where it stands.

    A named tuple rather than an attrs class: a parse makes a handful of these,
    and a tuple is built several times faster.

    Args:
        kind: Numeral, word or mark.
        text: The token as written.
        start: Its offset in the text.
        spaced: Whether whitespace precedes it.
        key: The text in lower case, as tables keep their words.
    """

    kind: Kind
    text: str
    start: int
    spaced: bool
    key: str

    @property
    def end(self) -> int:
        """The offset just after the token."""
        return self.start + len(self.text)

    @property
    def sign(self) -> str | None:
        """``"-"`` for a minus sign, ``""`` for a plus sign, ``None`` for anything else."""
        return _SIGNS.get(self.text) if self.kind is Kind.MARK else None


def iter_tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text``, whitespace dropped, without a limit: for scanning running text.

    >>> [t.text for t in iter_tokens("增长5%")]
    ['增', '长', '5', '%']
    """
    spaced = False
    for match in _TOKEN.finditer(text):
        group = match.lastindex
        if group == _SPACE:
            spaced = True
            continue
        word = match.group()
        yield Token(_KINDS[group or 0], word, match.start(), spaced, word.lower())
        spaced = False


def tokenize(text: str, *, what: str) -> tuple[Token, ...]:
    """Cut ``text`` into at most :data:`~tradestats.limits.MAX_TOKENS` tokens, whitespace dropped.

    Raises:
        ParseError: For text of more tokens than any ``what`` has.

    >>> [t.text for t in tokenize("up 59.3% y/y", what="a growth rate")]
    ['up', '59.3', '%', 'y', '/', 'y']
    """
    tokens: list[Token] = []
    spaced = False
    for match in _TOKEN.finditer(text):
        group = match.lastindex
        if group == _SPACE:
            spaced = True
            continue
        if len(tokens) == MAX_TOKENS:
            raise ParseError(
                f"cannot read {quote(text)} as {what}: it is longer than any such figure "
                f"(more than {MAX_TOKENS} words, numbers and signs)",
                value=text,
            )
        word = match.group()
        tokens.append(Token(_KINDS[group or 0], word, match.start(), spaced, word.lower()))
        spaced = False
    return tuple(tokens)


def numeral_value(numeral: str, *, text: str, grouped: bool = False) -> Decimal:
    """The exact value of a numeral, keeping every digit written.

    Args:
        numeral: A numeral, as :data:`NUMERAL` matches.
        text: The whole text, for error messages.
        grouped: Whether thousands separators ("1,234.5") may appear.

    Raises:
        ParseError: For a numeral too long to be a figure, or badly grouped.
    """
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
                f"cannot read {quote(text)}: {quote(numeral)} is not a number written with "
                "thousands separators, such as '1,234.5'",
                value=text,
            )
        numeral = numeral.replace(",", "")
    if numeral and ord(numeral[-1]) > _ZERO_MARKS:
        # 一千二百亿 is 12 with ten zeros unwritten: good to half of 10^10, not to a unit
        return Decimal(numeral[:-1]).scaleb(ord(numeral[-1]) - _ZERO_MARKS)
    return Decimal(numeral)


@frozen
class Phrases:
    """A table of phrases as token keys, found by their first or last key, longest first.

    Build one with :func:`phrases`.
    """

    by_first: dict[str, tuple[tuple[str, ...], ...]]
    by_last: dict[str, tuple[tuple[str, ...], ...]]


def phrases(*words: str) -> Phrases:
    """The table of phrases ``words``, each cut into tokens as a text would be."""
    cut = sorted(
        (tuple(m.group().lower() for m in _TOKEN.finditer(w) if not m.group().isspace()))
        for w in words
    )
    cut.sort(key=len, reverse=True)  # longest first, so 增长 wins over 增
    by_first: dict[str, list[tuple[str, ...]]] = {}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in cut:
        by_first.setdefault(phrase[0], []).append(phrase)
        by_last.setdefault(phrase[-1], []).append(phrase)
    return Phrases(
        {k: tuple(v) for k, v in by_first.items()}, {k: tuple(v) for k, v in by_last.items()}
    )


def phrase_at(tokens: Sequence[Token], index: int, table: Phrases) -> int | None:
    """The index after the longest phrase of ``table`` that starts at ``index``, if any.

    >>> phrase_at(tokenize("同比增长5%", what="a growth rate"), 2, phrases("增", "增长"))
    4
    """
    if index >= len(tokens):
        return None
    for phrase in table.by_first.get(tokens[index].key, ()):
        end = index + len(phrase)
        if end <= len(tokens) and all(tokens[index + i].key == key for i, key in enumerate(phrase)):
            return end
    return None


def phrase_before(tokens: Sequence[Token], end: int, table: Phrases) -> int | None:
    """The index where the longest phrase of ``table`` that ends just before ``end`` starts."""
    if end <= 0:
        return None
    for phrase in table.by_last.get(tokens[end - 1].key, ()):
        start = end - len(phrase)
        if start >= 0 and all(tokens[start + i].key == key for i, key in enumerate(phrase)):
            return start
    return None
