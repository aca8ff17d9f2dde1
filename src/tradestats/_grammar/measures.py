"""The grammar of measures: growth rates, multipliers, shares and percentage points.

Each reader takes the text, cuts it into tokens and tries its forms in turn;
it returns a :class:`ParsedMeasure` (the number exactly as written and how to
read it) or raises :class:`~tradestats.ParseError` naming the text. Building
the value (and refusing a bare "N times") is left to the value types.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from attrs import frozen

from tradestats._grammar._normalize import normalize
from tradestats._grammar._tokens import (
    Kind,
    Phrases,
    Token,
    numeral_value,
    phrase_at,
    phrase_before,
    phrases,
    quote,
    tokenize,
)
from tradestats._grammar._words import (
    ARTICLE_WORDS,
    AS_MUCH_ADJECTIVES,
    AS_MUCH_CJK_MARKS,
    AS_MUCH_CJK_VERBS,
    BY_WORD,
    DIRECTION_LINKS,
    FALL_WORDS,
    FOLD_NOUNS,
    FOLD_SUFFIX_WORDS,
    FOLD_WORDS,
    MORE_WORD,
    MULTIPLE_DECREASE_NOUNS,
    MULTIPLE_DECREASE_WORDS,
    MULTIPLE_INCREASE_NOUNS,
    MULTIPLE_WORDS,
    PERCENT_WORDS,
    POINTS_WORDS,
    RISE_WORDS,
    SHARE_WORDS,
    TIMES_MORE_VERBS,
    TIMES_SIGNS,
    TIMES_VERBS,
    TIMES_WORDS,
    YEAR_ON_YEAR,
)
from tradestats.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "ParsedMeasure",
    "Reading",
    "read_growth",
    "read_multiplier",
    "read_points",
    "read_share",
]

_RISE: Final = phrases(*RISE_WORDS)
_FALL: Final = phrases(*FALL_WORDS)
_CUES: Final = phrases(*YEAR_ON_YEAR)
_PERCENT: Final = phrases(*PERCENT_WORDS)
_POINTS: Final = phrases(*POINTS_WORDS)
_SHARE: Final = phrases(*SHARE_WORDS)
_TIMES_SIGN: Final = phrases(*TIMES_SIGNS)
_TIMES_MORE: Final = phrases(*TIMES_MORE_VERBS)
_TIMES_VERB: Final = phrases(*TIMES_VERBS)
_TIMES_WORD: Final = phrases(*TIMES_WORDS)
_AS_MUCH: Final = phrases(*AS_MUCH_ADJECTIVES)
_TIMES_AS: Final = phrases("times as")
_AS: Final = phrases("as")
_BY: Final = phrases(BY_WORD)
_LINKS: Final = phrases(*DIRECTION_LINKS)
_FOLD_NOUN: Final = phrases(*FOLD_NOUNS)
_FOLD_LEADS: Final = {tuple(word.split()): reading for word, reading in FOLD_SUFFIX_WORDS.items()}
_MORE: Final = phrases(MORE_WORD)
_OF, _TIMES = AS_MUCH_CJK_MARKS
_FOLD: Final = phrases(*FOLD_WORDS)
_ARTICLE: Final = phrases(*ARTICLE_WORDS)
_INCREASE_NOUN: Final = phrases(*MULTIPLE_INCREASE_NOUNS)
_DECREASE_NOUN: Final = phrases(*MULTIPLE_DECREASE_NOUNS)


def _keys(word: str) -> tuple[str, ...]:
    return tuple(token.key for token in tokenize(word, what="a word"))


#: The words of a multiple, as token keys → (N, whether the word divides by N).
_MULTIPLES: Final = {
    **{_keys(word): (Decimal(n), False) for word, n in MULTIPLE_WORDS.items()},
    **{_keys(word): (Decimal(n), True) for word, n in MULTIPLE_DECREASE_WORDS.items()},
}


class Reading(enum.Enum):
    """How the number of a measure is to be read."""

    #: "+59.3%", "92.3%": the number is in percent.
    PERCENT = "percent"
    #: "+1.2 pp": the number is in percentage points.
    POINTS = "points"
    #: "×4.26": the number is the factor new ÷ old.
    FACTOR = "factor"
    #: 增长3.26倍: grew by N × 100%, so ×(N + 1).
    TIMES_MORE = "times more"
    #: 是…的3.26倍, "3.26 times as much": ×N.
    TIMES_AS_MUCH = "times as much"
    #: A bare "3.26 times": either of the two above, for the caller to choose.
    TIMES = "times"
    #: "Decreased 3.5-fold", "a 3.5-fold decrease", "halved" (N = 2): ×1/N.
    FOLD_DECREASE = "fold decrease"


@frozen
class ParsedMeasure:
    """A measure as written: its number, with every digit and the sign, and its reading.

    Args:
        number: The number as written, signed ("down 3.2%" is ``-3.2``); its
            Decimal exponent is the last digit written, which is the precision
            a reported figure reads.
        reading: What the number counts.
    """

    number: Decimal
    reading: Reading


def _signed_number(
    tokens: Sequence[Token], index: int, text: str, *, signed: bool = True
) -> tuple[Decimal, int] | None:
    """The number at ``index``, with a sign written right against it if ``signed``."""
    negative = False
    if signed and index < len(tokens) and (sign := tokens[index].sign) is not None:
        if index + 1 >= len(tokens) or tokens[index + 1].spaced:
            return None
        negative, index = sign == "-", index + 1
    if index >= len(tokens) or tokens[index].kind is not Kind.NUMERAL:
        return None
    number = numeral_value(tokens[index].text, text=text)
    return (-number if negative else number), index + 1


def _directed_number(tokens: Sequence[Token], index: int, text: str) -> tuple[Decimal, int] | None:
    """A signed number, or a word of rise or fall and an unsigned one ("down 3.2" is -3.2).

    A direction with a signed number ("down -3%") is a typo, not +3%: no reading.
    """
    if (after := phrase_at(tokens, index, _RISE)) is not None:
        after = phrase_at(tokens, after, _LINKS) or after
        return _signed_number(tokens, after, text, signed=False)
    if (after := phrase_at(tokens, index, _FALL)) is not None:
        after = phrase_at(tokens, after, _LINKS) or after
        found = _signed_number(tokens, after, text, signed=False)
        return None if found is None else (-found[0], found[1])
    return _signed_number(tokens, index, text)


def _glued(left: Token, right: Token) -> bool:
    """Whether an English word runs into its neighbour, as in "year2023" (no word boundary)."""
    return (
        not right.spaced
        and (left.text.isascii() or right.text.isascii())
        and left.text[-1].isalnum()
        and right.text[0].isalnum()
    )


def _without_cues(tokens: Sequence[Token]) -> Sequence[Token]:
    """The tokens without a year-on-year cue at the start or the end (whole words only).

    An English cue must stand apart from the figure ("yoy 5%", not "yoy5%"); a
    Chinese one needs no space (同比增长).
    """
    start = phrase_at(tokens, 0, _CUES) or 0
    if 0 < start < len(tokens) and tokens[start - 1].text.isascii():
        start = 0 if _glued(tokens[start - 1], tokens[start]) else start
    end = phrase_before(tokens, len(tokens), _CUES)
    if end is not None and end > start and tokens[end].text.isascii():
        end = None if _glued(tokens[end - 1], tokens[end]) else end
    return tokens[start : end if end is not None and end > start else len(tokens)]


def _number_then(
    tokens: Sequence[Token], text: str, words: Phrases, reading: Reading
) -> ParsedMeasure | None:
    """[direction] number, then one of ``words`` ending the text."""
    found = _directed_number(tokens, 0, text)
    if found is None:
        return None
    number, after = found
    if phrase_at(tokens, after, words) != len(tokens):
        return None
    return ParsedMeasure(number, reading)


def _multiplier(tokens: Sequence[Token], text: str) -> ParsedMeasure | None:
    """The forms of a multiplier, unambiguous ones first."""
    count = len(tokens)
    # "×4.26", "x4.26", "*4.26"
    if count and phrase_at(tokens, 0, _TIMES_SIGN) == 1:
        found = _signed_number(tokens, 1, text)
        if found is not None and found[1] == count:
            return ParsedMeasure(found[0], Reading.FACTOR)
    # "4.26x", "4.26×"
    found = _signed_number(tokens, 0, text)
    if found is not None and found[1] == count - 1 and tokens[-1].key in TIMES_SIGNS[:2]:
        return ParsedMeasure(found[0], Reading.FACTOR)
    # 增长3.26倍: by N × 100%
    if (after := phrase_at(tokens, 0, _TIMES_MORE)) is not None:
        found = _signed_number(tokens, after, text)
        if found is not None and found[1] == count - 1 and tokens[-1].key == _TIMES:
            return ParsedMeasure(found[0], Reading.TIMES_MORE)
    # 是去年的3.26倍: ×N; the words between say what it is compared with
    if count >= 4 and tokens[0].key in AS_MUCH_CJK_VERBS and tokens[-1].key == _TIMES:
        for start in (count - 2, count - 3):
            found = _signed_number(tokens, start, text)
            if found is not None and found[1] == count - 1 and tokens[start - 1].key == _OF:
                return ParsedMeasure(found[0], Reading.TIMES_AS_MUCH)
    # "3.26 times as much [as]"
    found = _signed_number(tokens, 0, text)
    if found is not None:
        number, after = found
        if (
            phrase_at(tokens, after, _TIMES_AS) == after + 2
            and phrase_at(tokens, after + 2, _AS_MUCH) == after + 3
            and (after + 3 == count or phrase_at(tokens, after + 3, _AS) == count)
        ):
            return ParsedMeasure(number, Reading.TIMES_AS_MUCH)
    return _multiple(tokens, text) or _german_fold(tokens, text) or _bare_times(tokens, text)


def _german_fold(tokens: Sequence[Token], text: str) -> ParsedMeasure | None:
    """[verb] auf das | um das | das N-fache [zu]: "auf" is ×N, "um" either reading.

    "Stieg auf das 2,4-Fache" is ×2.4; "stieg um das 2,4-Fache" is read as ×2.4 by
    some writers and ×3.4 by others, so it is a bare number of times.
    """
    index = phrase_at(tokens, 0, _RISE) or 0
    for words, meaning in _FOLD_LEADS.items():
        end = index + len(words)
        if tuple(token.key for token in tokens[index:end]) != words:
            continue
        found = _signed_number(tokens, end, text, signed=False)
        if found is None:
            return None
        number, after = found
        last = phrase_at(tokens, after, _FOLD_NOUN)
        if last is None or tokens[after].spaced:
            return None
        if last == len(tokens) or (last == len(tokens) - 1 and tokens[last].key == "zu"):
            return ParsedMeasure(
                number, Reading.TIMES_AS_MUCH if meaning == "to" else Reading.TIMES
            )
        return None
    return None


def _multiple(tokens: Sequence[Token], text: str) -> ParsedMeasure | None:
    """Words of a multiple: "doubled", "halved", "a 3-fold increase", "decreased 3.5-fold".

    Also "twice [as much]", "a 3.5-fold decrease" and "fell 3 times". A decrease
    by N is ×1/N in every wording, so it needs no convention; an "N-fold
    increase" is ×N, as dictionaries define it.
    """
    count = len(tokens)
    for end in range(count, 0, -1):
        found = _MULTIPLES.get(tuple(token.key for token in tokens[:end]))
        if found is None:
            continue
        number, divides = found
        rest = end == count or (
            not divides
            and phrase_at(tokens, end, _TIMES_AS) is None
            and phrase_at(tokens, end, _AS) == end + 1
            and phrase_at(tokens, end + 1, _AS_MUCH) == end + 2
            and (end + 2 == count or phrase_at(tokens, end + 2, _AS) == count)
        )
        if not rest:
            return None
        return ParsedMeasure(number, Reading.FOLD_DECREASE if divides else Reading.TIMES_AS_MUCH)
    # [a] N-fold increase | decrease
    start = phrase_at(tokens, 0, _ARTICLE) or 0
    found_number = _signed_number(tokens, start, text, signed=False)
    if found_number is not None:
        number, after = found_number
        fold = phrase_at(tokens, after, _FOLD)
        if fold is not None and tokens[fold - 1].key != "times":
            if phrase_at(tokens, fold, _INCREASE_NOUN) == count:
                return ParsedMeasure(number, Reading.TIMES_AS_MUCH)
            if phrase_at(tokens, fold, _DECREASE_NOUN) == count:
                return ParsedMeasure(number, Reading.FOLD_DECREASE)
    # decreased [by] N-fold | N times
    after_verb = phrase_at(tokens, 0, _FALL)
    if after_verb is not None:
        after_verb = phrase_at(tokens, after_verb, _BY) or after_verb
        found_number = _signed_number(tokens, after_verb, text, signed=False)
        if found_number is not None and phrase_at(tokens, found_number[1], _FOLD) == count:
            return ParsedMeasure(found_number[0], Reading.FOLD_DECREASE)
    return None


def _bare_times(tokens: Sequence[Token], text: str) -> ParsedMeasure | None:
    """[up|grew… [by]] N times|fold|倍 [more]: a number of times, read either way."""
    # A verb and "by" are English words, apart from what follows: "up 3 times", "up by 3 times".
    index = phrase_at(tokens, 0, _TIMES_VERB)
    if index is not None:
        index = phrase_at(tokens, index, _LINKS) or index
        if index == len(tokens) or not tokens[index].spaced:
            return None
    found = _signed_number(tokens, index or 0, text)
    if found is None:
        return None
    number, after = found
    end = phrase_at(tokens, after, _TIMES_WORD)
    if end is None:
        return None
    if end == len(tokens) or (phrase_at(tokens, end, _MORE) == len(tokens) and tokens[end].spaced):
        return ParsedMeasure(number, Reading.TIMES)
    return None


def _one_figure(tokens: Sequence[Token], text: str, what: str) -> Sequence[Token]:
    """``tokens``, unless they hold two figures or more ("为上年的5倍，是前年的2倍").

    A figure is a numeral followed by what says what it measures (``%``, ``倍``,
    ``times``, ``pp``); one text is read as one figure, so a second one is not
    silently preferred over the first.

    Raises:
        ParseError: For text with more than one figure.
    """
    marks = (_PERCENT, _POINTS, _TIMES_WORD, _TIMES_SIGN)
    figures = [
        token.text
        for index, token in enumerate(tokens)
        if token.kind is Kind.NUMERAL
        and any(phrase_at(tokens, index + 1, table) is not None for table in marks)
    ]
    if len(figures) > 1:
        raise ParseError(
            f"cannot read {quote(text)} as {what}: it holds {len(figures)} figures "
            f"({', '.join(figures)}) where one is expected; give one figure per text",
            value=text,
        )
    return tokens


def _tokens_of(text: str, what: str, locale: str | None, zhao: str | None) -> Sequence[Token]:
    """The tokens of ``text`` in its normal form (:mod:`._normalize`)."""
    return tokenize(normalize(text, locale=locale, zhao=zhao, what=what).text, what=what)


def read_multiplier(
    text: str, *, locale: str | None = None, zhao: str | None = None
) -> ParsedMeasure:
    """Read a multiplier: ``×4.26``, ``4.26x``, ``增长3.26倍``, ``是…的3.26倍``, ``3.26 times``.

    Also the words of a multiple: ``doubled``, ``tripled``, ``twice``, ``翻一番``,
    ``verdoppelt`` (×N), ``halved``, ``halbiert``, ``decreased 3.5-fold``, ``a 3.5-fold
    decrease`` (×1/N), ``a 3-fold increase`` and ``auf das 2,4-Fache`` (×N). A
    year-on-year cue may stand before or after (同比增长2.3倍), as for a growth rate.

    Raises:
        ParseError: For text that is none of these.

    >>> read_multiplier("是去年的3.26倍")
    ParsedMeasure(number=Decimal('3.26'), reading=<Reading.TIMES_AS_MUCH: 'times as much'>)
    """
    tokens = _one_figure(
        _without_cues(_tokens_of(text, "a multiplier", locale, zhao)), text, "a multiplier"
    )
    parsed = _multiplier(tokens, text)
    if parsed is None:
        raise ParseError(
            f"cannot read {quote(text)} as a multiplier: expected '×4.26', '增长3.26倍' or "
            "'3.26 times' with a TimesConvention",
            value=text,
        )
    return parsed


def read_growth(text: str, *, locale: str | None = None, zhao: str | None = None) -> ParsedMeasure:
    """Read a growth rate: a percentage with a sign or a word of direction, or a multiplier.

    A year-on-year cue (``同比``, ``year on year``, ``y/y``…) may stand before or
    after the figure.

    Raises:
        ParseError: For anything else.

    >>> read_growth("同比下降3.2%").number, read_growth("up 5% y/y").number
    (Decimal('-3.2'), Decimal('5'))
    """
    tokens = _one_figure(
        _without_cues(_tokens_of(text, "a growth rate", locale, zhao)), text, "a growth rate"
    )
    parsed = _number_then(tokens, text, _PERCENT, Reading.PERCENT) or _multiplier(tokens, text)
    if parsed is None:
        raise ParseError(
            f"cannot read {quote(text)} as a growth rate: expected text like '+59.3%', "
            "'up 59.3% year on year', '同比增长59.3%' or '增长3.26倍'",
            value=text,
        )
    return parsed


def read_share(text: str, *, locale: str | None = None, zhao: str | None = None) -> ParsedMeasure:
    """Read a share in percent: ``92.3%``, ``占92.3%``, ``占全国的92.3%``, ``二成八``.

    Raises:
        ParseError: For anything else.
    """
    tokens = _one_figure(_tokens_of(text, "a share", locale, zhao), text, "a share")
    start = phrase_at(tokens, 0, _SHARE) or 0
    if start:  # 占全国的92.3%: the words up to 的 name the whole
        of = next((i for i in range(start, len(tokens)) if tokens[i].key == _OF), None)
        if of is not None and all(token.kind is not Kind.NUMERAL for token in tokens[start:of]):
            start = of + 1
    found = _signed_number(tokens, start, text)
    if found is None or phrase_at(tokens, found[1], _PERCENT) != len(tokens):
        raise ParseError(
            f"cannot read {quote(text)} as a share: expected text like '92.3%'", value=text
        )
    return ParsedMeasure(found[0], Reading.PERCENT)


def read_points(text: str, *, locale: str | None = None, zhao: str | None = None) -> ParsedMeasure:
    """Read percentage points: ``+1.2 pp``, ``up 1.2 percentage points``, ``提高1.2个百分点``.

    Raises:
        ParseError: For anything else.
    """
    tokens = _one_figure(
        _without_cues(_tokens_of(text, "percentage points", locale, zhao)),
        text,
        "percentage points",
    )
    parsed = _number_then(tokens, text, _POINTS, Reading.POINTS)
    if parsed is None:
        raise ParseError(
            f"cannot read {quote(text)} as percentage points: expected text like '+1.2 pp', "
            "'up 1.2 percentage points' or '提高1.2个百分点'",
            value=text,
        )
    return parsed
