"""The grammar of amounts: a signed number, a scale word and a currency or unit.

"US$5.94 trillion", "1831.6亿元", "-12.5 thousand tonnes", "€3bn". The reader
finds the first numeral (the text before it holds a sign and a currency sign
or word; the text after it a scale word and a unit), and returns a
:class:`ParsedAmount` with the unit texts as written. It knows currency words
and signs (:func:`currency_of`) but not pint: the value layer turns the other
unit texts into registry units. Unit texts longer than :data:`~tradestats.limits.MAX_UNIT_CHARS`
are refused here, because pint's unit parser is slow on long garbage.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from attrs import frozen

from tradestats._currencies import ISO_4217
from tradestats._grammar._normalize import normalize, number_format
from tradestats._grammar._tokens import NUMERAL, numeral_value, quote
from tradestats._grammar._words import (
    CURRENCY_WORDS,
    LONG_SCALES,
    MONEY_LETTER_SCALES,
    PHYSICAL_WORDS,
    SCALES,
    YEN_SIGNS,
)
from tradestats.errors import AmbiguityError, ParseError, UnknownUnitError
from tradestats.limits import MAX_UNIT_CHARS

__all__ = ["MAX_UNIT_CHARS", "ParsedAmount", "currency_of", "physical_name", "read_amount"]


_SIGNS: Final = "+-−"
_CJK_SCALES: Final = sorted((w for w in SCALES if not w.isascii()), key=len, reverse=True)
_CJK_FIRST: Final = frozenset(word[0] for word in _CJK_SCALES)
_ASCII_SCALES: Final = {w: e for w, e in SCALES.items() if w.isascii()}
# A scale word ends where the next character is no letter, digit, "_" or "$" ("5bn$" is not).
_WORD_END: Final = re.compile(r"[A-Za-z]+(?![\w$])")


@frozen
class ParsedAmount:
    """An amount as written: sign, number, scale word and unit texts.

    Args:
        negative: Whether a minus sign was written.
        number: The number as written, without sign or scale ("1831.6" of "1831.6亿元"):
            its Decimal exponent is the last digit written.
        scale: The power of ten of the scale word (8 for 亿), 0 if none.
        units: The unit texts written before and after the number, whitespace
            collapsed; none, one or two (which must agree).
    """

    negative: bool
    number: Decimal
    scale: int
    units: tuple[str, ...]

    @property
    def magnitude(self) -> Decimal:
        """The signed magnitude in the unit: ``number × 10**scale``."""
        magnitude = self.number.scaleb(self.scale)
        return -magnitude if self.negative else magnitude


def _expected(money: bool) -> str:
    if money:
        return "'183 billion CNY', 'US$5.94 trillion' or '1831.6亿元'"
    return "'183 billion CNY', '12.5 thousand tonnes' or '3.2万吨'"


def _split_scale(rest: str, *, money: bool, long_scale: bool, text: str) -> tuple[int, str]:
    """Split a leading scale word off the text after the number.

    With a long-scale locale ("de", "fr") the long-scale words come first: a German
    "Billion" is 10¹². Without one, a German abbreviation is refused with a hint.
    """
    if rest.lower() in PHYSICAL_WORDS:  # 千克 is a kilogram, not a thousand grams
        return 0, rest
    if rest[:1] in _CJK_FIRST:
        for word in _CJK_SCALES:
            if rest.startswith(word):
                return SCALES[word], rest[len(word) :].strip()
    match = _WORD_END.match(rest)
    if match:
        key = match.group().lower()
        end = match.end()
        if rest[end : end + 1] == "." and key + "." in LONG_SCALES:
            key, end = key + ".", end + 1
        if long_scale and key in LONG_SCALES:
            return LONG_SCALES[key], rest[end:].strip()
        if key in LONG_SCALES and key not in _ASCII_SCALES:
            raise ParseError(
                f"cannot read {quote(text)} as an amount: {match.group()!r} is a scale word of "
                "long-scale languages (German 'Mrd.' is 10^9, 'Billion' 10^12): pass "
                "locale='de' or another such locale",
                value=text,
            )
        exponent = _ASCII_SCALES.get(key) or (MONEY_LETTER_SCALES.get(key) if money else None)
        if exponent:
            return exponent, rest[match.end() :].strip()
    return 0, rest


def _unit_text(part: str, text: str) -> str:
    collapsed = " ".join(part.split())
    if len(collapsed) > MAX_UNIT_CHARS:
        raise ParseError(
            f"cannot read {quote(text)} as an amount: its unit text has {len(collapsed)} "
            f"characters, more than the {MAX_UNIT_CHARS} of any currency or unit name",
            value=text,
        )
    return collapsed


def read_amount(
    text: str, *, money: bool, locale: str | None = None, zhao: str | None = None
) -> ParsedAmount:
    """Read an amount: ``[sign] [currency] [sign] number [scale] [unit]``.

    The text is first brought to its normal form (:mod:`._normalize`): traditional
    characters, Chinese numerals, full-width digits and the number format of
    ``locale``.

    Args:
        text: The amount as written.
        money: Whether the single letters "m" and "b" are scale words (in money
            "$3m" is three million dollars; in volumes "3m" is three metres).
        locale: How the number is written ("de": "12,4 Mrd."); ``None`` refuses
            any form a locale would read otherwise.
        zhao: How to read 兆: ``"trillion"`` or ``"million"``; ``None`` refuses it.

    Raises:
        ParseError: For text without a number, two signs, a unit text longer
            than :data:`~tradestats.limits.MAX_UNIT_CHARS` or a number longer than
            :data:`~tradestats.limits.MAX_NUMERAL_CHARS`.
        AmbiguityError: For 兆 without ``zhao``, or "1,234" without ``locale``.

    >>> read_amount("US$5.94 trillion", money=True)
    ParsedAmount(negative=False, number=Decimal('5.94'), scale=12, units=('US$',))
    >>> read_amount("-1,831.6亿元", money=True).magnitude
    Decimal('-1.8316E+11')
    >>> read_amount("12,4 Mrd. Euro", money=True, locale="de")
    ParsedAmount(negative=False, number=Decimal('12.4'), scale=9, units=('Euro',))
    """
    source = text
    text = normalize(source, locale=locale, zhao=zhao, what="an amount").text
    found = NUMERAL.search(text)
    head = text[: found.start()].strip() if found else ""
    signs = ""
    if head[:1] and head[0] in _SIGNS:
        signs, head = head[0], head[1:].strip()
    if head[-1:] and head[-1] in _SIGNS:
        signs, head = signs + head[-1], head[:-1].strip()
    if found is None or len(signs) > 1 or found.group().endswith(".") or head[:1] in (".", *_SIGNS):
        raise ParseError(
            f"cannot read {quote(source)} as an amount: expected text like {_expected(money)}",
            value=source,
        )
    number = numeral_value(found.group(), text=source, grouped=True)
    long_scale = number_format(locale).long_scale
    scale, unit = _split_scale(
        text[found.end() :].strip(), money=money, long_scale=long_scale, text=source
    )
    units = tuple(_unit_text(part, source) for part in (head, unit) if part.strip())
    return ParsedAmount(signs in ("-", "−"), number, scale, units)


def currency_of(text: str, *, yen_sign: str | None) -> str | None:
    """The ISO 4217 code a currency word, sign or code stands for; ``None`` for other units.

    Raises:
        AmbiguityError: For "¥" without ``yen_sign``.
        UnknownUnitError: For a ``yen_sign`` that is no currency code.

    >>> currency_of("US dollars", yen_sign=None), currency_of("tonnes", yen_sign=None)
    ('USD', None)
    """
    stripped = " ".join(text.split())
    key = stripped.lower()
    if stripped in YEN_SIGNS:
        if yen_sign is None:
            raise AmbiguityError(
                f"{quote(stripped)} is the sign of both the Chinese yuan (CNY) and the Japanese "
                "yen (JPY): pass yen_sign='CNY' or yen_sign='JPY'",
                value=text,
                needs="yen_sign",
            )
        return _currency_code(yen_sign)
    if key in CURRENCY_WORDS:
        return CURRENCY_WORDS[key]
    # ASCII letters only: "uſd".upper() is "USD", and "ı".upper() is "I".
    if key.isascii() and key.isalpha() and key.upper() in ISO_4217:
        return key.upper()
    return None


def physical_name(text: str) -> str:
    """The registry's name for a Chinese measure word (吨 → tonne); other text as it is."""
    stripped = " ".join(text.split())
    return PHYSICAL_WORDS.get(stripped.lower(), stripped)


def _currency_code(code: str) -> str:
    if not code.isascii() or code.upper() not in ISO_4217:
        raise UnknownUnitError(
            f"unknown currency code {quote(code)}: expected an ISO 4217 code such as 'CNY' "
            f"or 'JPY'",
            value=code,
        )
    return code.upper()
