"""The library's own pint registry, its currencies, physical units and scale words.

tradestats owns exactly one :class:`pint.UnitRegistry`, :data:`REGISTRY`, built
here and nowhere else; pint's global application registry is never touched, so
a program can keep its own registry beside ours. Every ISO 4217 currency is a
dimension of its own, so no pint arithmetic can add yuan to dollars:

>>> from tradestats.units import REGISTRY
>>> str(REGISTRY.get_dimensionality("CNY"))
'[currency_CNY]'
>>> (REGISTRY.Quantity(183, "billion * CNY") + REGISTRY.Quantity(25, "billion * USD"))
Traceback (most recent call last):
...
pint.errors.DimensionalityError: Cannot convert from 'billion * CNY' ([currency_CNY]) to ...

Physical units for volume figures (mass, counts, lengths, areas, volumes and
energy) and the scale words of both languages are defined too. Scale words
(``thousand`` … ``trillion``, ``万``, ``亿``, ``万亿`` and the abbreviations
``k``, ``mn``, ``bn``, ``tn``) are what :func:`scale_factor` understands.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Final

import pint

from tradestats._currencies import ISO_4217
from tradestats._grammar import _words
from tradestats._numbers import CONTEXT
from tradestats._text import quote
from tradestats.errors import UnitMismatchError, UnknownUnitError

__all__ = [
    "CURRENCIES",
    "REGISTRY",
    "SCALES",
    "canonical_unit",
    "conversion_factor",
    "currency_code",
    "currency_name",
    "dimension_name",
    "dimension_of",
    "incompatibility",
    "is_currency",
    "known_currency_code",
    "scale_factor",
    "unit_label",
]

#: ISO 4217 code → English name, for every currency tradestats knows.
CURRENCIES: Final = ISO_4217

# Physical units that trade statistics report volumes in (UN Comtrade's quantity
# units among them). Defined by hand: loading pint's default file costs ~0.8 s.
_PHYSICAL_DEFINITIONS = """
gram = [mass] = g = gramme
kilogram = 1000 * gram = kg = kilogramme
tonne = 1000 * kilogram = t = metric_ton
pound = 0.45359237 * kilogram = lb
carat = 0.2 * gram = ct
item = [count] = _ = piece = unit = number = pcs
pair = 2 * item
dozen = 12 * item
metre = [length] = m = meter
square_metre = metre ** 2 = m2 = square_meter
cubic_metre = metre ** 3 = m3 = cubic_meter
litre = 0.001 * metre ** 3 = l = L = liter
barrel = 158.987294928 * litre = bbl
kilowatt_hour = [energy] = kWh
megawatt_hour = 1000 * kilowatt_hour = MWh
gigawatt_hour = 1000 * megawatt_hour = GWh
"""

#: Scale words → the power of ten they stand for (short scale, so a billion is 10⁹).
#: The grammar's one table of scale words, named here for users.
SCALES: Final = _words.SCALES


def _build_registry() -> pint.UnitRegistry[Decimal]:
    # Decimal magnitudes all the way through, so conversion factors are exact.
    registry: pint.UnitRegistry[Decimal] = pint.UnitRegistry(
        None, non_int_type=Decimal, cache_folder=None
    )
    for code in CURRENCIES:
        registry.define(f"{code} = [currency_{code}]")
    for line in _PHYSICAL_DEFINITIONS.strip().splitlines():
        registry.define(line)
    # English scale words as dimensionless units, so `183 * billion * CNY` works in pint.
    for word in ("thousand", "million", "billion", "trillion"):
        registry.define(f"{word} = 1e{SCALES[word]}")
    return registry


#: The single pint registry of tradestats. Quantities from other registries are
#: converted by unit name at the boundary (see :meth:`tradestats.Amount.from_quantity`).
REGISTRY: Final = _build_registry()


@functools.lru_cache(maxsize=1024)
def unit_label(unit: str) -> str:
    """How a canonical unit is written in text: its name, or its symbol for long names.

    Compound names such as ``kilowatt_hour`` read better as their symbol; every
    label reads back through :func:`canonical_unit`.

    >>> unit_label("CNY"), unit_label("tonne"), unit_label("kilowatt_hour")
    ('CNY', 'tonne', 'kWh')
    """
    if "_" not in unit:
        return unit
    return str(REGISTRY.get_symbol(unit))


def is_currency(unit: str) -> bool:
    """Whether ``unit`` is an ISO 4217 currency code known to tradestats.

    >>> is_currency("CNY"), is_currency("tonne")
    (True, False)
    """
    return unit in CURRENCIES


def known_currency_code(text: str) -> str | None:
    """The ISO 4217 code ``text`` spells, in capitals, or ``None`` if it spells none.

    The one test of a currency code in tradestats: three ASCII letters, in any
    case, around which white space is ignored, that name a currency tradestats
    knows. (ASCII because ``str.upper`` makes letters of other scripts into
    Latin ones: the dotless ``"ı"`` becomes ``"I"``.)

    >>> known_currency_code(" cny"), known_currency_code("XYZ"), known_currency_code("ınr")
    ('CNY', None, None)
    """
    code = text.strip()
    if not code.isascii():
        return None
    code = code.upper()
    return code if code in CURRENCIES else None


def currency_code(value: object, *, where: str = "") -> str:
    """``value`` as an ISO 4217 code in capitals (:func:`~tradestats.units.known_currency_code`).

    Args:
        value: The code, such as ``"CNY"`` (or ``"cny"``).
        where: Where the code was found, for the message (``" in column 'currency'"``).

    Raises:
        UnknownUnitError: If ``value`` is not the code of a currency tradestats knows.

    >>> currency_code("usd")
    'USD'
    >>> currency_code("yuan")
    Traceback (most recent call last):
    ...
    tradestats.errors.UnknownUnitError: unknown currency 'yuan': expected an ISO 4217 code such
    as 'CNY' or 'USD'
    """
    code = known_currency_code(value) if isinstance(value, str) else None
    if code is None:
        raise _unknown_currency(value, where)
    return code


def _unknown_currency(value: object, where: str = "") -> UnknownUnitError:
    return UnknownUnitError(
        f"unknown currency {quote(value)}{where}: expected an ISO 4217 code such as 'CNY' or 'USD'",
        value=value,
    )


def currency_name(code: str) -> str:
    """The English name of the currency ``code``, given in capitals.

    Raises:
        UnknownUnitError: If ``code`` is not an ISO 4217 code in capitals.

    >>> currency_name("CNY")
    'Yuan renminbi'
    """
    try:
        return CURRENCIES[code]
    except KeyError:
        raise _unknown_currency(code) from None


# A physical unit as written: words of letters and digits ("tonnes", "m3", "kWh").
_UNIT_WORDS: Final = re.compile(r"\w+(?:\s+\w+)*")


@functools.lru_cache(maxsize=1024)
def canonical_unit(unit: str) -> str:
    """The canonical name of a unit: an ISO 4217 code, or a physical unit's pint name.

    Currency codes are accepted in any letter case; physical units by any name,
    symbol or plural that the registry knows (``"tonnes"``, ``"t"``, ``"kg"``).

    Raises:
        UnknownUnitError: If the registry knows no such unit.

    >>> canonical_unit("cny"), canonical_unit("tonnes"), canonical_unit("kg")
    ('CNY', 'tonne', 'kilogram')
    """
    text = unit.strip()
    code = known_currency_code(text)
    if code is not None:
        return code
    name = _registry_name(text)
    if name is None:
        raise UnknownUnitError(
            f"unknown unit {quote(unit)}: expected an ISO 4217 currency code such as 'CNY' "
            "or a physical unit such as 'tonne', 'kg', 'item' or 'litre'",
            value=unit,
        )
    return name


# Unknown texts are kept too (as None): canonical_unit's own cache keeps only what it
# returns, and scanning a text tries the same garbage unit in many windows.
@functools.lru_cache(maxsize=1024)
def _registry_name(text: str) -> str | None:
    """The registry's name of a physical unit written as ``text``, or None."""
    # Words only: pint's tokenizer drops characters it does not know ("kg!" would
    # be a kilogram), and a unit written with them is no unit tradestats reads.
    if not _UNIT_WORDS.fullmatch(text):
        return None
    try:
        parsed = REGISTRY.parse_units(text)
    except Exception:  # pint's parser raises assorted errors on garbage
        return None
    if parsed.dimensionless or not str(parsed).isidentifier():
        return None
    return str(parsed)


@functools.lru_cache(maxsize=1024)
def dimension_of(unit: str) -> str:
    """The pint dimensionality of a canonical unit, as text.

    >>> dimension_of("CNY"), dimension_of("tonne")
    ('[currency_CNY]', '[mass]')
    """
    return str(REGISTRY.get_dimensionality(unit))


# pint writes areas and volumes as powers of a length; these read better as words.
_DIMENSION_NAMES: Final = {"[length] ** 2": "area", "[length] ** 3": "volume"}


def dimension_name(unit: str) -> str:
    """What a canonical unit measures, in words, for messages.

    >>> dimension_name("tonne"), dimension_name("cubic_metre"), dimension_name("CNY")
    ('mass', 'volume', 'currency_CNY')
    """
    dimension = dimension_of(unit)
    return _DIMENSION_NAMES.get(dimension, dimension.strip("[]"))


@functools.lru_cache(maxsize=1024)
def conversion_factor(source: str, target: str) -> Decimal:
    """The exact factor that turns a magnitude in ``source`` into one in ``target``.

    Raises:
        UnitMismatchError: If the units measure different things (or are two currencies).

    >>> conversion_factor("tonne", "kilogram")
    Decimal('1E+3')
    """
    if source == target:
        return Decimal(1)
    if dimension_of(source) != dimension_of(target):
        raise UnitMismatchError(
            f"cannot convert {source} to {target}: {incompatibility(source, target)}",
            source=source,
            target=target,
        )
    magnitude = REGISTRY.Quantity(Decimal(1), source).to(target).magnitude
    return Decimal(magnitude).normalize(CONTEXT)


def incompatibility(left: str, right: str) -> str:
    """Say why two canonical units do not mix, and what to do about it.

    >>> incompatibility("CNY", "USD")
    'CNY and USD are different currencies; convert one with an ExchangeRate first'
    """
    if is_currency(left) and is_currency(right):
        return (
            f"{left} and {right} are different currencies; convert one with an ExchangeRate first"
        )
    return f"{_kind(left)} and {_kind(right)} measure different things"


def _kind(unit: str) -> str:
    return unit if is_currency(unit) else f"{unit_label(unit)} ({dimension_name(unit)})"


def scale_factor(word: str) -> int:
    """The power of ten that a scale word stands for.

    Raises:
        UnknownUnitError: If ``word`` is not a known scale word.

    >>> scale_factor("billion"), scale_factor("bn"), scale_factor("亿"), scale_factor("万亿")
    (9, 9, 8, 12)
    """
    try:
        return SCALES[word.strip().lower()]
    except KeyError:
        raise UnknownUnitError(
            f"unknown scale word {quote(word)}: expected one of {', '.join(SCALES)}",
            value=word,
        ) from None
