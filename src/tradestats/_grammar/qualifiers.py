"""The words around a figure: qualifiers ("over", "nearly", 约, 左右) and a balance's sign.

Both readers take the text of a figure, find their words where they stand
(before the figure, after a word of direction, after the figure, or right after
the number), and return what they found with the text left once those words are
cut out, for the figure's own reader. They find one qualifier and one sign at
most; whatever else is left is for the figure's reader to refuse.

>>> read_qualifier("up more than 10% year on year")
('over', 'up 10% year on year')
>>> read_qualifier("1000多亿元"), read_qualifier("5%左右")
(('over', '1000亿元'), ('about', '5%'))
>>> read_balance_sign("a trade deficit of US$11.8 billion")
('deficit', 'US$11.8 billion')
>>> read_balance_sign("贸易顺差扩大7.9%")
('surplus', '扩大7.9%')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from tradestats._grammar._normalize import Normalized, normalize
from tradestats._grammar._tokens import Kind, phrase_at, phrase_before, phrases, tokenize
from tradestats._grammar._words import (
    BY_WORD,
    DEFICIT_WORDS,
    FALL_WORDS,
    QUALIFIER_AFTER_NUMBER,
    QUALIFIER_SUFFIXES,
    QUALIFIER_WORDS,
    RISE_WORDS,
    SIGN_FILLERS,
    SURPLUS_WORDS,
    YEAR_ON_YEAR,
)
from tradestats.limits import MAX_TEXT_LENGTH

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tradestats._grammar._tokens import Phrases, Token

__all__ = ["qualifier_named", "read_balance_sign", "read_qualifier"]

_LEADS: Final = phrases(*YEAR_ON_YEAR, *RISE_WORDS, *FALL_WORDS, BY_WORD)
_PREFIXES: Final = phrases(*QUALIFIER_WORDS)
_SUFFIXES: Final = phrases(*QUALIFIER_SUFFIXES)
_DEFICIT: Final = phrases(*DEFICIT_WORDS)
_SURPLUS: Final = phrases(*SURPLUS_WORDS)
_FILLERS: Final = phrases(*SIGN_FILLERS)
_KEYS: Final = {
    " ".join(key.split()): name for table in (QUALIFIER_WORDS, QUALIFIER_SUFFIXES)
    for key, name in table.items()
}  # fmt: skip


def qualifier_named(word: str) -> str | None:
    """The qualifier a word of the tables stands for (``"more than"`` → ``"over"``), if any."""
    return _KEYS.get(" ".join(word.split()).lower())


def _phrase_key(tokens: Sequence[Token], start: int, end: int) -> str:
    """The words of ``tokens[start:end]`` as a table keeps them (ASCII words spaced)."""
    text = ""
    for token in tokens[start:end]:
        text += (" " if text and token.spaced else "") + token.key
    return text


def _cut(normal: Normalized, tokens: Sequence[Token], start: int, end: int) -> str:
    """The source text without what ``tokens[start:end]`` came from (and the space after).

    The tokens are of the normal form; the cut is made in the source, so the
    figure's reader gets the text as written, less the words found.
    """
    text = normal.source
    head = text[: normal.origin[tokens[start].start]]
    tail = text[normal.origin[tokens[end].start] :] if end < len(tokens) else ""
    return (head + tail).strip()


def _normal(text: str, locale: str | None, zhao: str | None) -> Normalized:
    # Not strict: a numeral this reader cannot take is for the figure's reader to refuse.
    if len(text) > MAX_TEXT_LENGTH:  # no figure: the tokenizer refuses it, unchanged
        return Normalized(text, tuple(range(len(text) + 1)), tuple(range(1, len(text) + 1)), text)
    return normalize(text, locale=locale, zhao=zhao, strict=False)


def _lookup(table: dict[str, str], tokens: Sequence[Token], start: int, end: int) -> str:
    key = _phrase_key(tokens, start, end)
    return table.get(key) or table[key.replace(" ", "")]


def read_qualifier(
    text: str, *, locale: str | None = None, zhao: str | None = None
) -> tuple[str | None, str]:
    """The qualifier written in a figure's text, if any, and the text without it.

    A qualifier stands before the figure ("over 93.7 billion"), after a word of
    direction or a year-on-year cue ("up more than 10%", 同比增长约5%), after the
    figure (10%以上, 5%左右, "5% or more") or right after the number (1000多亿元).

    Returns:
        The qualifier's name (a value of :class:`~tradestats.Qualifier`), or ``None``,
        and the text left for the figure's reader.
    """
    normal = _normal(text, locale, zhao)
    tokens = tokenize(normal.text, what="a figure")
    index = 0
    while (after := phrase_at(tokens, index, _LEADS)) is not None:
        index = after
    if (end := phrase_at(tokens, index, _PREFIXES)) is not None and end < len(tokens):
        return _lookup(QUALIFIER_WORDS, tokens, index, end), _cut(normal, tokens, index, end)
    start = phrase_before(tokens, len(tokens), _SUFFIXES)
    if start is not None and start > 0:
        name = _lookup(QUALIFIER_SUFFIXES, tokens, start, len(tokens))
        return name, _cut(normal, tokens, start, len(tokens))
    for position in range(1, len(tokens)):
        token = tokens[position]
        before = tokens[position - 1]
        if token.key in QUALIFIER_AFTER_NUMBER and before.kind is Kind.NUMERAL and not token.spaced:
            return QUALIFIER_AFTER_NUMBER[token.key], _cut(normal, tokens, position, position + 1)
    return None, text


def _sign_at(tokens: Sequence[Token], index: int) -> tuple[str, int] | None:
    for name, table in (("deficit", _DEFICIT), ("surplus", _SURPLUS)):
        if (end := phrase_at(tokens, index, table)) is not None:
            return name, end
    return None


def _skip(tokens: Sequence[Token], index: int, table: Phrases) -> int:
    while (after := phrase_at(tokens, index, table)) is not None:
        index = after
    return index


def read_balance_sign(
    text: str, *, locale: str | None = None, zhao: str | None = None
) -> tuple[str | None, str]:
    """The sign a deficit or surplus word gives a balance's figure, and the text without it.

    The word stands first ("a deficit of 11.8 billion", 逆差118亿元, "the surplus
    narrowed 3%") or last ("11.8 billion deficit"); articles and linking words next
    to it ("a", "of", "was", 为, "widened to") go with it.

    Returns:
        ``"deficit"``, ``"surplus"`` or ``None``, and the text left for the figure's reader.
    """
    normal = _normal(text, locale, zhao)
    tokens = tokenize(normal.text, what="a figure")
    start = _skip(tokens, 0, _FILLERS)
    found = _sign_at(tokens, start)
    if found is not None:
        name, end = found
        end = _skip(tokens, end, _FILLERS)
        if end < len(tokens):
            return name, _cut(normal, tokens, 0, end)
    for name, table in (("deficit", _DEFICIT), ("surplus", _SURPLUS)):
        begin = phrase_before(tokens, len(tokens), table)
        if begin is not None and begin > 0:
            return name, _cut(normal, tokens, begin, len(tokens))
    return None, text
