"""Find the figures of a running text: every amount, measure and period, with where it stands.

:func:`find_figures` is how an extractor reads an article with the one grammar
of figures. Its contract:

- **What it finds.** Every span that one of the library's parsers reads whole:
  an amount (:meth:`~tradestats.Reported.parse_amount`), a growth rate, a multiplier, a
  share, percentage points (the other ``Reported.parse_*``) or a period
  (:meth:`~tradestats.Period.parse`). A span takes the words a parser takes
  with its figure: a word of direction ("up", 增长), a year-on-year cue (同比,
  "year on year"), a qualifier ("more than", 约, 以上), 占 of a share. The
  qualifier is the figure's ``Reported.qualifier``, not a figure of its own.
- **Which reading.** Where spans overlap, the one that starts first wins, and of
  those the longest: "up 5.2% year on year" is one growth rate, not a growth
  rate and a cue. A ``%`` figure after a word of direction or a cue is a growth
  rate, otherwise a share; a figure of 倍/"times"/"-fold" is a multiplier (its
  ``value`` a :class:`~tradestats.Reported` multiplier).
- **Never a guess.** A figure that needs a choice the caller did not make
  (a bare "3 times" without ``times``, 兆 without ``zhao``, "1,234" without
  ``locale``, ¥ without ``yen_sign``, a period without its year and no
  ``reference``, 113年 without ``calendar``) is found with ``value=None`` and a
  ``needs`` naming the argument that would decide it, and the
  message in ``note``.
- **Spans of the source.** ``start`` and ``end`` index the text as given (not its
  normal form): ``text[start:end]`` is the figure as published, in traditional
  characters or Chinese numerals if it was so written.
- **Linear time.** The text is brought to its normal form and cut into tokens
  once; each numeral or figure word is tried with a bounded window of tokens
  around it, so the work grows with the length of the text. A span is at most
  :data:`~tradestats.limits.MAX_TEXT_LENGTH` characters of the source, and a
  numeral longer than :data:`~tradestats.limits.MAX_NUMERAL_CHARS` is no
  figure's (no parser reads it): such a run is passed over in one step, never
  handed to a parser, and a span's text is read once per kind (the latest readings kept).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from attrs import evolve, frozen

from tradestats._grammar._normalize import Normalized, normalize
from tradestats._grammar._tokens import (
    NUMERAL,
    Kind,
    Token,
    iter_tokens,
    numeral_value,
    phrase_before,
    phrases,
)
from tradestats._grammar._words import (
    CURRENCY_WORDS,
    DEFICIT_WORDS,
    FALL_WORDS,
    MONTH_ABBREVIATIONS,
    MULTIPLE_DECREASE_WORDS,
    MULTIPLE_WORDS,
    PERCENT_WORDS,
    POINTS_WORDS,
    QUALIFIER_WORDS,
    RISE_WORDS,
    SHARE_WORDS,
    SURPLUS_WORDS,
    YEAR_ON_YEAR,
)
from tradestats.errors import AmbiguityError, ParseError, TradeStatsError
from tradestats.limits import MAX_NUMERAL_CHARS, MAX_NUMERALS, MAX_TEXT_LENGTH
from tradestats.periods import Period
from tradestats.verify.figures import Reported

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from tradestats.measures import TimesConvention

__all__ = ["FoundFigure", "FoundKind", "find_figures"]


class FoundKind(enum.Enum):
    """What a figure found in a text is."""

    AMOUNT = "amount"
    GROWTH = "growth"
    MULTIPLIER = "multiplier"
    SHARE = "share"
    POINTS = "points"
    PERIOD = "period"


@frozen
class FoundFigure:
    """A figure found in a text: where it stands, what it is, and its value.

    Args:
        start: Its first character in the text as given.
        end: One past its last character.
        text: ``text[start:end]``, the figure as published.
        kind: Amount, growth, multiplier, share, points or period.
        value: A :class:`~tradestats.Reported` figure (with its precision and qualifier) or a
            :class:`~tradestats.Period`; ``None`` if reading it needs a choice.
        needs: The argument that would decide it (``"times"``, ``"zhao"``,
            ``"locale"``, ``"yen_sign"``, ``"reference"``, ``"calendar"``), or ``None``.
        note: The message of that choice, or ``None``.
        own_start: Where the figure's own words start: its qualifier, currency sign
            or numeral, after any word of direction, cue or share that the span
            takes in ("up more than $5 billion" → "more than $5 billion").
        numeral_start: Where its numeral starts, or ``None`` for a figure of words
            only (翻番, "doubled") and for periods.
        number: Its numeral as plain digits with a decimal point (every digit
            written kept, grouping and Chinese numerals read: "1.234,5" in German
            is ``"1234.5"``, 二成八 is ``"28"``), or ``None`` where ``numeral_start`` is.
    """

    start: int
    end: int
    text: str
    kind: FoundKind
    value: Reported[Any] | Period | None
    needs: str | None = None
    note: str | None = None
    own_start: int | None = None
    numeral_start: int | None = None
    number: str | None = None


# How far a figure reaches from the numeral or word it is found by, in tokens.
_LEFT: Final = 10
_RIGHT: Final = 8


def _first_keys(*words: str) -> frozenset[str]:
    return frozenset(
        token.key for word in words for token in list(iter_tokens(word))[:1] if word.strip()
    )


def _all_keys(*words: str) -> frozenset[str]:
    return frozenset(token.key for word in words for token in iter_tokens(word))


_MONTHS: Final = frozenset(
    {*MONTH_ABBREVIATIONS}
    | {
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december",
    }
)  # fmt: skip
_MULTIPLE_FIRST: Final = _first_keys(*MULTIPLE_WORDS, *MULTIPLE_DECREASE_WORDS)
#: Tokens a figure may be found by, besides numerals.
_ANCHORS: Final = (_MONTHS - {"may", "mar"}) | _MULTIPLE_FIRST | {"first", "上", "下", "h", "q"}
_PERCENT: Final = _all_keys(*PERCENT_WORDS) - {"per", "."}
# 百 of 个百分点 (百分之 is "%" in the normal form), "pp", "p" of "p.p.", "percentage points"
_POINTS: Final = _first_keys(*POINTS_WORDS) - {"个"} | {"百", "p"}
_TIMES: Final = frozenset({"倍", "times", "fold", "fache", "×", "x"}) | _MULTIPLE_FIRST
_PERIOD: Final = (
    frozenset({"年", "月", "季", "半", "months", "month", "quarter", "quarters", "half", "h", "q"})
    | _MONTHS
)
_DIRECTION: Final = _first_keys(*RISE_WORDS, *FALL_WORDS, *YEAR_ON_YEAR) | {"+", "-", "−"}
#: Tokens a figure may start with, besides the numeral or word it is found by.
_LEADS: Final = (
    _first_keys(
        *RISE_WORDS, *FALL_WORDS, *YEAR_ON_YEAR, *QUALIFIER_WORDS, *SHARE_WORDS, *CURRENCY_WORDS
    )
    | _MONTHS
    | _MULTIPLE_FIRST
    | {"是", "为", "前", "第", "民", "上", "下", "全", "the", "first", "second", "third", "fourth"}
    | {"a", "an", "auf", "um", "das", "by", "+", "-", "−", "¥", "￥", "q", "h", "stieg", "wuchs"}
)
# The words in front of a numeral that are the figure's own: qualifiers, currencies.
_OWN_WORDS: Final = phrases(*QUALIFIER_WORDS, *CURRENCY_WORDS, "$", "€", "£", "¥", "￥")
_BALANCE_WORDS: Final = phrases(*SURPLUS_WORDS, *DEFICIT_WORDS)
# Where a figure cannot run on: the end of a clause.
_STOPS: Final = frozenset('，。；;,()（）、：:!?！？\n"“”「」')


# The words that choose which kinds a window is read as, one bit each (see _kinds).
_POINTS_BIT: Final = 1
_PERCENT_BIT: Final = 2
_DIRECTION_BIT: Final = 4
_TIMES_BIT: Final = 8
_PERIOD_BIT: Final = 16


def _marks(token: Token) -> int:
    """The bits of the kind-choosing words a token is: a window's marks are its tokens' OR."""
    key = token.key
    return (
        (_POINTS_BIT if key in _POINTS else 0)
        | (_PERCENT_BIT if key in _PERCENT else 0)
        | (_DIRECTION_BIT if key in _DIRECTION else 0)
        | (_TIMES_BIT if key in _TIMES else 0)
        | (
            _PERIOD_BIT
            if key in _PERIOD or (token.kind is Kind.NUMERAL and len(token.text) == 4)
            else 0
        )
    )


def _kinds(marks: int) -> tuple[FoundKind, ...]:
    """The kinds worth trying on a window, by the words in it (their marks), most specific first."""
    if marks & _POINTS_BIT:
        return (FoundKind.POINTS,)
    if marks & _PERCENT_BIT:
        if marks & _DIRECTION_BIT:
            return (FoundKind.GROWTH, FoundKind.SHARE)
        return (FoundKind.SHARE, FoundKind.GROWTH)
    if marks & _TIMES_BIT:
        return (FoundKind.MULTIPLIER,)
    if marks & _PERIOD_BIT:
        return (FoundKind.PERIOD, FoundKind.AMOUNT)
    return (FoundKind.AMOUNT,)


def find_figures(
    text: str,
    *,
    locale: str | None = None,
    zhao: str | None = None,
    reference: date | None = None,
    calendar: str | None = None,
    times: TimesConvention | None = None,
    yen_sign: str | None = None,
) -> list[FoundFigure]:
    """Every figure of a running text, in order: amounts, measures and periods.

    See the module's description for the contract: what a span takes in, which
    reading wins, and how a figure that needs a choice is reported.

    Args:
        text: The text of an article (plain text; strip HTML first).
        locale: How its numbers are written (``"de"``: "12,4 Mrd."); see
            :meth:`.Amount.parse`.
        zhao: How to read 兆: ``"trillion"`` or ``"million"``.
        reference: The article's date, for periods written without a year.
        calendar: ``"roc"`` to read 113年 as 2024.
        times: How to read a bare "N times"; without it such a figure is found
            with ``value=None`` and ``needs="times"``.
        yen_sign: Which currency ¥ stands for.

    Returns:
        The figures found, in the order of the text, not overlapping.

    Raises:
        InvalidValueError: For an unknown locale, reading of 兆, calendar, or a
            reference that is no date.
        ParseError: For a text of more than :data:`~tradestats.limits.MAX_NUMERALS`
            numbers.

    >>> from datetime import date
    >>> found = find_figures("1-7月，进出口2.3万亿元，同比增长5.2%，占全国的92.3%。",
    ...                      reference=date(2023, 8, 8))
    >>> [(f.kind.value, f.text, str(f.value)) for f in found]  # doctest: +NORMALIZE_WHITESPACE
    [('period', '1-7月', '2023-01/2023-07'),
     ('amount', '2.3万亿元', '2.3 trillion CNY (±0.05 trillion)'),
     ('growth', '同比增长5.2%', '+5.2% (±0.05 pp)'),
     ('share', '占全国的92.3%', '92.3% (±0.05 pp)')]
    >>> find_figures("一带一路 exports rose 3 times")[0].needs
    'times'
    """
    normal = normalize(text, locale=locale, zhao=zhao, strict=False)
    # Check the options once, so a bad one raises here and not as "no figure" below.
    Period.parse("2023", reference=reference, calendar=calendar)
    if yen_sign is not None:
        Reported.parse_amount("1 ¥", yen_sign=yen_sign)
    # The numerals are counted by their pattern alone first (tokens for a megabyte
    # of them cost a second), then with the words a figure may be found by.
    _refuse_past_limit(sum(1 for _ in NUMERAL.finditer(normal.text)))
    tokens = list(iter_tokens(normal.text))
    cues = [
        i for i, token in enumerate(tokens) if token.kind is Kind.NUMERAL or token.key in _ANCHORS
    ]
    _refuse_past_limit(len(cues))
    marks = [_marks(token) for token in tokens]
    readers = _readers(locale, zhao, reference, calendar, times, yen_sign)

    @functools.lru_cache(maxsize=_READINGS_KEPT)
    def read(kind: FoundKind, span: str) -> FoundFigure | None:
        return _read(readers[kind], span, kind, 0, len(span))

    found: list[FoundFigure] = []
    taken = 0  # the first token not yet part of a figure
    for index in cues:
        if index < taken:
            continue
        floor = found[-1].end if found else 0
        figure = _figure_at(normal, (tokens, marks), index, (taken, floor), read)
        if figure is not None:
            found.append(figure[0])
            taken = figure[1]
    return found


def _refuse_past_limit(numbers: int) -> None:
    if numbers > MAX_NUMERALS:
        raise ParseError(
            f"the text has {numbers} numbers (and month or multiple words), more than the "
            f"{MAX_NUMERALS} (tradestats.limits.MAX_NUMERALS) a text may have to be "
            "searched for figures: split it into articles",
            value=numbers,
        )


_Reader: TypeAlias = Callable[[str], Any]
# What a span's text read as a kind gave (at offset 0): the windows of neighbouring
# numerals overlap and a text repeats its phrases, so a span is read once. A reading
# depends only on the text and find_figures' options; the most recent are kept.
_Memo: TypeAlias = Callable[[FoundKind, str], "FoundFigure | None"]
_READINGS_KEPT: Final = 4096


def _readers(  # noqa: PLR0917 - one per option of find_figures
    locale: str | None,
    zhao: str | None,
    reference: date | None,
    calendar: str | None,
    times: TimesConvention | None,
    yen_sign: str | None,
) -> dict[FoundKind, _Reader]:
    numbers = {"locale": locale, "zhao": zhao}
    return {
        FoundKind.AMOUNT: lambda t: Reported.parse_amount(t, yen_sign=yen_sign, **numbers),
        FoundKind.GROWTH: lambda t: Reported.parse_growth(t, times=times, **numbers),
        FoundKind.MULTIPLIER: lambda t: Reported.parse_multiplier(t, times=times, **numbers),
        FoundKind.SHARE: lambda t: Reported.parse_share(t, **numbers),
        FoundKind.POINTS: lambda t: Reported.parse_points(t, **numbers),
        FoundKind.PERIOD: lambda t: Period.parse(t, reference=reference, calendar=calendar),
    }


def _figure_at(  # noqa: PLR0912 - the window rules, each once
    normal: Normalized,
    scanned: tuple[Sequence[Token], Sequence[int]],
    index: int,
    after: tuple[int, int],
    read: _Memo,
) -> tuple[FoundFigure, int] | None:
    """The longest figure around ``tokens[index]``, earliest start first, and its end token.

    ``after`` is the first token not yet part of a figure and where the last figure
    ends in the source: normalizing can map two tokens onto one character (the 百 of
    "百分之九百分之三" is in 九百 and in 百分之), and figures must not overlap.
    """
    tokens, marks = scanned
    taken, floor = after
    if _unreadable(tokens[index]):
        return None
    first = index
    while (
        first > max(taken, index - _LEFT)
        and tokens[first - 1].text not in _STOPS
        and not _unreadable(tokens[first - 1])
        and _fits(normal, tokens[first - 1], tokens[index])
    ):
        first -= 1
    last = index + 1
    while (
        last < min(len(tokens), index + _RIGHT)
        and tokens[last].text not in _STOPS
        and not _unreadable(tokens[last])
        and _fits(normal, tokens[index], tokens[last])
    ):
        last += 1
    ends = [end for end in range(last, index, -1) if _may_end(tokens, end)]
    if not ends:
        return None
    starts = [s for s in range(first, index) if _may_start(tokens, s)] + [index]
    # Each window is a start and an end around the numeral: what a window needs (its
    # source span, the marks of its words) is worked out once per start and per end.
    source_start = normal.origin
    source_end = normal.origin_end
    right_marks: dict[int, int] = {}
    mark = 0
    for end in range(index + 1, last + 1):
        mark |= marks[end - 1]
        right_marks[end] = mark
    for start in starts:
        begin = source_start[tokens[start].start]
        if begin < floor:
            continue
        left = 0
        for position in range(start, index):
            left |= marks[position]
        for end in ends:
            if end - start == 1 and tokens[start].key in _MONTHS:
                continue  # "Aug 8" in a dateline, "May" the verb: a month alone is no figure
            finish = source_end[tokens[end - 1].end - 1]
            if finish - begin > MAX_TEXT_LENGTH:
                continue
            span = normal.source[begin:finish]
            for kind in _kinds(left | right_marks[end]):
                figure = read(kind, span)
                if figure is not None:
                    figure = evolve(figure, start=begin, end=finish)
                    return _with_numeral(figure, normal, tokens, start, end), end
    return None


def _unreadable(token: Token) -> bool:
    """Whether no figure can hold ``token``: a numeral longer than any parser reads."""
    return token.kind is Kind.NUMERAL and len(token.text) > MAX_NUMERAL_CHARS


def _fits(normal: Normalized, first: Token, last: Token) -> bool:
    """Whether the source from ``first`` to ``last`` is short enough to be a figure's text."""
    begin, finish = normal.source_span(first.start, last.end)
    return finish - begin <= MAX_TEXT_LENGTH


def _with_numeral(
    figure: FoundFigure, normal: Normalized, tokens: Sequence[Token], start: int, end: int
) -> FoundFigure:
    """The figure with where its own words and its numeral start, and the numeral's digits."""
    if figure.kind is FoundKind.PERIOD:
        return figure
    numeral = next((i for i in range(start, end) if tokens[i].kind is Kind.NUMERAL), None)
    if numeral is None:
        return evolve(figure, own_start=figure.start)
    try:
        number = format(numeral_value(tokens[numeral].text, text=figure.text, grouped=True), "f")
    except TradeStatsError:
        number = None
    own = numeral
    # A currency sign and a qualifier in front belong to the figure ("more than US$5
    # billion", "rund 5 Mrd."); a word of direction or a cue does not.
    while own > start:
        before = phrase_before(tokens, own, _OWN_WORDS)
        if before is None and _is_code(tokens[own - 1]):
            before = own - 1
        if before is None or before < start:
            break
        own = before
    numeral_at = normal.source_span(tokens[numeral].start, tokens[numeral].end)[0]
    own_at = normal.source_span(tokens[own].start, tokens[own].end)[0]
    return evolve(figure, own_start=own_at, numeral_start=numeral_at, number=number)


def _is_code(token: Token) -> bool:
    """Whether a token is written as a currency code ("CNY25.7 trillion", "EUR 3 bn")."""
    return len(token.text) == 3 and token.text.isascii() and token.text.isupper()


def _may_start(tokens: Sequence[Token], start: int) -> bool:
    """Whether a figure may start with ``tokens[start]``: a lead, not the tail of a word.

    超 is "over" on its own, but the tail of 出超 (a surplus) and 入超 (a deficit).
    """
    if not (tokens[start].key in _LEADS or _is_code(tokens[start])):
        return False
    before = phrase_before(tokens, start + 1, _BALANCE_WORDS)
    return before is None or before == start


def _may_end(tokens: Sequence[Token], end: int) -> bool:
    """Whether a figure may end with ``tokens[end - 1]``: a cheap test before any parser.

    A figure ends in a word or %; a numeral ends one only as a year ("Jan–Jul
    2023") or as the power of a unit written against it ("m2", "m3").
    """
    last = tokens[end - 1]
    if last.kind is Kind.NUMERAL:
        if len(last.text) == 4 and last.text.isdigit():
            return True
        before = tokens[end - 2] if end >= 2 else None
        return before is not None and before.kind is Kind.WORD and not last.spaced
    if last.kind is Kind.MARK and last.text not in {"%", "％", "."}:
        return not last.text.isascii()  # 元, 月, 倍, 亿 are marks too; "-", "(" end nothing
    return True


def _read(reader: _Reader, span: str, kind: FoundKind, start: int, end: int) -> FoundFigure | None:
    try:
        value = reader(span)
    except (AmbiguityError, ParseError) as error:
        needs = error.details.get("needs")
        if isinstance(needs, str):
            return FoundFigure(start, end, span, kind, None, needs, error.message)
        return None
    except TradeStatsError:
        return None
    return FoundFigure(start, end, span, kind, value)
