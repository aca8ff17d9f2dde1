"""Private grammar of amounts as people write them: "US$5.94 trillion", "1831.6亿元", "12 万吨"."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from tradestats.errors import AmbiguityError, ParseError, UnitMismatchError, UnknownUnitError
from tradestats.units import (
    SCALES,
    canonical_unit,
    currency_code,
    dimension_name,
    known_currency_code,
)

__all__ = ["CURRENCY_WORDS", "YEN_SIGNS", "parse_amount", "resolve_unit_text"]

#: Words and signs for currencies, keyed in lower case. "¥" is missing on purpose.
CURRENCY_WORDS: Final[dict[str, str]] = {
    # Chinese yuan renminbi
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "cn¥": "CNY",
    "rmb¥": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "人民币元": "CNY",
    # US dollar
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "美元": "USD",
    # Euro, pound sterling, yen
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "欧元": "EUR",
    "£": "GBP",
    "sterling": "GBP",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "英镑": "GBP",
    "yen": "JPY",
    "jp¥": "JPY",
    "日元": "JPY",
    # Other currencies often met in trade news
    "hk$": "HKD",
    "hong kong dollar": "HKD",
    "hong kong dollars": "HKD",
    "港元": "HKD",
    "港币": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "澳元": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "加元": "CAD",
    "s$": "SGD",
    "新加坡元": "SGD",
    "nz$": "NZD",
    "nt$": "TWD",
    "新台币": "TWD",
    "r$": "BRL",
    "₹": "INR",
    "₩": "KRW",
    "韩元": "KRW",
    "₽": "RUB",
    "卢布": "RUB",
    "₺": "TRY",
    "₫": "VND",
    "฿": "THB",
    "₱": "PHP",
    "瑞士法郎": "CHF",
}

#: The yen sign stands for both the Chinese yuan and the Japanese yen.
YEN_SIGNS: Final = frozenset({"¥", "￥"})

# Chinese measure words for volumes; the English ones are pint's own names.
_PHYSICAL_WORDS: Final[dict[str, str]] = {
    "吨": "tonne",
    "公吨": "tonne",
    "千克": "kilogram",
    "公斤": "kilogram",
    "克": "gram",
    "件": "item",
    "个": "item",
    "台": "item",
    "辆": "item",
    "套": "item",
    "双": "pair",
    "升": "litre",
    "立方米": "cubic_metre",
    "平方米": "square_metre",
    "米": "metre",
    "千瓦时": "kilowatt_hour",
    "metric tons": "tonne",
    "metric ton": "tonne",
}

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_AMOUNT = re.compile(
    rf"""^\s*(?P<sign>[-+−])?\s*
    (?P<prefix>[^\d\s.+\-−][^\d]*?)?\s*
    (?P<sign2>[-+−])?\s*
    (?P<number>{_NUMBER})\s*
    (?P<rest>.*?)\s*$""",
    re.VERBOSE,
)
# Single letters "m" and "b" mean million and billion only next to money ("$5bn", "$3m");
# in volumes "m" is a metre.
_ENGLISH_SCALE: Final = re.compile(
    r"^(thousand|million|billion|trillion|k|mn|mln|bn|bln|tn|trn)(?![\w$])", re.IGNORECASE
)
_MONEY_ONLY_SCALE: Final = re.compile(r"^(m|b)(?![\w$])", re.IGNORECASE)
_CJK_SCALES: Final = sorted((word for word in SCALES if not word.isascii()), key=len, reverse=True)
_MONEY_LETTER_SCALES: Final = {"m": 6, "b": 9}


def resolve_unit_text(text: str, *, money: bool, yen_sign: str | None) -> str:
    """The canonical unit for a currency word, sign, code or physical unit name.

    Raises:
        AmbiguityError: For "¥" without ``yen_sign``.
        UnknownUnitError: For anything unknown.
        UnitMismatchError: For a physical unit where money is wanted.
    """
    stripped = " ".join(text.split())
    key = stripped.lower()
    if stripped in YEN_SIGNS:
        if yen_sign is None:
            raise AmbiguityError(
                f"{stripped!r} is the sign of both the Chinese yuan (CNY) and the Japanese "
                "yen (JPY): pass yen_sign='CNY' or yen_sign='JPY'",
                value=text,
            )
        return currency_code(yen_sign)
    if key in CURRENCY_WORDS:
        return CURRENCY_WORDS[key]
    code = known_currency_code(key)
    if code is not None:
        return code
    if money:
        physical = _physical_or_none(stripped)
        if physical is not None:
            raise UnitMismatchError(
                f"{text!r} is a unit of {dimension_name(physical)}, not a currency: "
                "use amount() for volume figures, money() for values",
                value=text,
            )
        raise UnknownUnitError(
            f"unknown currency {text!r}: expected an ISO 4217 code such as 'CNY', "
            "a word such as 'yuan' or 'US dollars', or a sign such as 'US$', '€' or '£'",
            value=text,
        )
    return _PHYSICAL_WORDS.get(key) or canonical_unit(stripped)


def _physical_or_none(text: str) -> str | None:
    try:
        return _PHYSICAL_WORDS.get(text.lower()) or canonical_unit(text)
    except UnknownUnitError:
        return None


def _split_scale(rest: str, *, money: bool) -> tuple[int, str]:
    """Split a leading scale word off the text after the number."""
    if rest.lower() in _PHYSICAL_WORDS:  # 千克 is a kilogram, not a thousand grams
        return 0, rest
    for word in _CJK_SCALES:
        if rest.startswith(word):
            return SCALES[word], rest[len(word) :].strip()
    match = _ENGLISH_SCALE.match(rest)
    if match:
        return SCALES[match.group(1).lower()], rest[match.end() :].strip()
    match = _MONEY_ONLY_SCALE.match(rest) if money else None
    if match:
        return _MONEY_LETTER_SCALES[match.group(1).lower()], rest[match.end() :].strip()
    return 0, rest


def parse_amount(
    text: str, *, money: bool, yen_sign: str | None = None
) -> tuple[Decimal, str | None]:
    """Parse an amount into its exact magnitude and canonical unit (``None`` if not written).

    Raises:
        ParseError: If the text is not a number with optional sign, scale and unit.
        AmbiguityError: For "¥" without ``yen_sign``.
        UnknownUnitError: For an unknown currency or unit.
    """
    match = _AMOUNT.match(text)
    if match is None or (match.group("sign") and match.group("sign2")):
        expected = "'183 billion CNY', 'US$5.94 trillion' or '1831.6亿元'"
        if not money:
            expected = "'183 billion CNY', '12.5 thousand tonnes' or '3.2万吨'"
        raise ParseError(
            f"cannot read {text!r} as an amount: expected text like {expected}", value=text
        )
    negative = (match.group("sign") or match.group("sign2") or "+") in "-−"
    number = Decimal(match.group("number").replace(",", ""))
    exponent, unit_text = _split_scale(match.group("rest"), money=money)
    prefix = match.group("prefix")
    units = [
        resolve_unit_text(part, money=money, yen_sign=yen_sign)
        for part in (prefix, unit_text)
        if part and part.strip()
    ]
    if len(units) == 2 and units[0] != units[1]:
        raise ParseError(
            f"cannot read {text!r}: it names two units, {units[0]} and {units[1]}",
            value=text,
        )
    magnitude = number.scaleb(exponent)
    return (-magnitude if negative else magnitude), (units[0] if units else None)
