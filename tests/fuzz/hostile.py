"""Hostile hypothesis strategies: what an attacker, a broken scraper or a bad file sends."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

#: Clean figures of every kind, as published: mutated by the strategies below.
FIGURES = (
    "183 billion yuan",
    "US$5.94 trillion",
    "1831.6亿元",
    "3.2万吨",
    "¥12.5bn",
    "$3m",
    "12.5 thousand tonnes",
    "59.3%",
    "+59.3%",
    "up 59.3% year on year",
    "同比增长59.3%",
    "增长3.26倍",
    "×4.26",
    "3.26 times",
    "1.2 pp",
    "92.3%",
    "2023",
    "2023-07",
    "2023-Q2",
    "2023-H1",
    "2023-01/2023-07",
    "January-July 2023",
    "8703.80",
    "870380",
    "-0.5",
    "1e3",
)

#: Pieces that have broken parsers before: huge exponents and digit runs, non-ASCII
#: digits, controls, bidi overrides, surrogates, separators, signs, scale words.
PIECES = (
    "1e999999999",
    "1E-999999999",
    "9" * 5000,
    "1" * 29,
    "0." + "0" * 2000 + "1",
    "８７０３",
    "٣",
    "𝟗",
    "\x00",
    "\x1b[2J",
    "\x9b",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\ud800",
    "\n",
    "\r\n",
    "\t",
    "\u3000",
    "\u00a0",
    "−",
    "--",
    "++",
    ",",
    ".",
    "..",
    "%%",
    "亿亿亿",
    "万亿",
    "billion billion",
    "times",
    "倍",
    "NaN",
    "Infinity",
    "sNaN",
    "¥",
    "US$",
    "€£",
    "((((((((",
    "[" * 50,
    "{" * 50,
    "1_000",
    "0x10",
)


# Strategies are built once, here, not inside the composite functions: building one
# (st.recursive above all) costs far more than drawing from it, and a strategy made
# per example made the long fuzz run spend most of its time building strategies.
_CHOICE = st.integers(0, 5)
_ANY_TEXT = st.text(max_size=40)
_ANY_CODE_POINTS = st.text(alphabet=st.characters(codec=None), max_size=40)  # surrogates too
_PARTS = st.lists(
    st.one_of(
        st.sampled_from(FIGURES),
        st.sampled_from(PIECES),
        st.text(alphabet="0123456789.,-+ %eE", max_size=12),
    ),
    min_size=1,
    max_size=4,
)
_JOINER = st.sampled_from(["", " "])
_REPEATS = st.integers(1, 200)
_PADDING = st.sampled_from(["", "x" * 10_000])


@st.composite
def _hostile_texts(draw: st.DrawFn) -> str:
    choice = draw(_CHOICE)
    if choice == 0:
        return draw(_ANY_TEXT)
    if choice == 1:
        return draw(_ANY_CODE_POINTS)
    text = draw(_JOINER).join(draw(_PARTS))
    if choice == 5:
        # Very long: a figure repeated, or padded. Long runs of white space are left
        # to test_long_white_space_is_linear: the grammar takes cubic time on them today.
        text = text * draw(_REPEATS) + draw(_PADDING)
    return text


_HOSTILE_TEXTS = _hostile_texts()


def hostile_texts() -> st.SearchStrategy[str]:
    """Text built from clean figures and hostile pieces, or anything at all."""
    return _HOSTILE_TEXTS


_KEYS = (
    "magnitude",
    "unit",
    "rate",
    "factor",
    "fraction",
    "points",
    "value",
    "precision",
    "period",
    "reporter",
    "partner",
    "flow",
    "product",
    "digits",
    "name",
    "start",
    "end",
    "low",
    "high",
)
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**4000, -(10**400), 2**64]),  # hypothesis cannot repr 10**4300+
    st.floats(),
    st.decimals(allow_nan=True),
    st.binary(max_size=8),
    _HOSTILE_TEXTS,
)


# Nested lists and dicts drawn by hand: st.recursive spent over 10 ms an input on
# its size bookkeeping (retrying draws that overshoot max_leaves), ten times the
# cost of the leaves. Here a container has up to four items and a level more is
# ever less likely, four levels at most; JSON nested far deeper is deep_json's.
MAX_PLAIN_DEPTH = 5
_KIND = st.integers(0, 9)
_SIZE = st.integers(0, 4)
_KEY = st.one_of(st.text(max_size=10), st.sampled_from(_KEYS))


@st.composite
def _nested(draw: st.DrawFn, depth: int) -> Any:
    kind = draw(_KIND)
    # A container 60% of the time at the top, then 50%, 30%, 20%: at most 4 levels.
    if depth == 0 or kind < 4 + 3 * (MAX_PLAIN_DEPTH - depth) // 2:
        return draw(_LEAVES)
    inner = _NESTED[depth - 1]
    if kind % 2:
        return [draw(inner) for _ in range(draw(_SIZE))]
    return {draw(_KEY): draw(inner) for _ in range(draw(_SIZE))}


_NESTED: list[st.SearchStrategy[Any]] = []
_NESTED += [_nested(depth) for depth in range(MAX_PLAIN_DEPTH + 1)]
_PLAIN_DATA = {True: _NESTED[MAX_PLAIN_DEPTH], False: _LEAVES}


def plain_data(*, depth: int = 4) -> st.SearchStrategy[Any]:
    """JSON-like plain data with hostile leaves: huge ints, NaN, bytes, hostile text."""
    return _PLAIN_DATA[bool(depth)]


_DEPTHS = st.sampled_from([100, 1_000, 10_000, 100_000])
_BRACKETS = st.sampled_from([("[", "]"), ('{"a":', "}")])


@st.composite
def deep_json(draw: st.DrawFn) -> str:
    """JSON nested far deeper than any parser should recurse."""
    depth = draw(_DEPTHS)
    opening, closing = draw(_BRACKETS)
    return opening * depth + "1" + closing * depth


_JSON_CHOICE = st.integers(0, 3)
_DEEP_JSON = deep_json()
_BYTES = st.binary(max_size=30)


@st.composite
def json_texts(draw: st.DrawFn, data: st.SearchStrategy[Any] | None = None) -> str | bytes:
    """JSON text of plain data, deep nesting, or bad bytes."""
    choice = draw(_JSON_CHOICE)
    if choice == 0:
        return draw(_DEEP_JSON)
    if choice == 1:
        return draw(_BYTES)
    value = draw(data if data is not None else _PLAIN_DATA[True])
    try:
        text = json.dumps(value, default=str)
    except (ValueError, TypeError):
        text = "null"
    return text if choice == 2 else text.encode("utf-8", "surrogatepass")
