"""Trade flows: who traded what with whom, in which period, for how much.

>>> import tradestats as ts
>>> total = ts.TradeFlow(reporter="Xinjiang", flow="total", period="2023-01/2023-07",
...                      value="183 billion CNY")
>>> total
TradeFlow(reporter='Xinjiang', partner='World', flow=<Flow.TOTAL: 'total'>,
          period=Period('2023-01/2023-07'), value=Amount('183 billion CNY'), product=None,
          valuation=None, source=None, status=None)
>>> print(total)
Xinjiang total trade with World, Jan–Jul 2023: 183 billion CNY
"""

from __future__ import annotations

import enum
import re
from typing import Any, Final, Self

import attrs
from attrs import field, frozen

from tradestats._text import quote
from tradestats._validate import enum_member, name_text, source_text
from tradestats.amounts import Amount, amount, require_non_negative
from tradestats.errors import FlowMismatchError, InvalidValueError, ParseError
from tradestats.hs import HSVersion, hs_version
from tradestats.periods import Period, as_period

__all__ = [
    "WORLD",
    "Flow",
    "HSCode",
    "Product",
    "ProductGroup",
    "Status",
    "TradeFlow",
    "Valuation",
    "total_trade",
    "trade_balance",
]

#: The partner of a flow with all countries together.
WORLD: Final = "World"


class Flow(enum.Enum):
    """The direction of a trade flow.

    ``TOTAL`` is exports plus imports (what Chinese releases call 进出口, "foreign
    trade"); ``BALANCE`` is exports minus imports and the only flow that may be
    negative.
    """

    EXPORTS = "exports"
    IMPORTS = "imports"
    TOTAL = "total"
    BALANCE = "balance"
    RE_EXPORTS = "re-exports"
    RE_IMPORTS = "re-imports"

    @property
    def label(self) -> str:
        """How the flow reads in a sentence, such as "exports", "total trade" or "trade balance"."""
        return {"total": "total trade", "balance": "trade balance"}.get(self.value, self.value)


class Valuation(enum.Enum):
    """The valuation basis of a trade value: free on board or cost, insurance, freight."""

    FOB = "fob"
    CIF = "cif"


class Status(enum.Enum):
    """How final a figure is."""

    PROVISIONAL = "provisional"
    FINAL = "final"
    REVISED = "revised"
    DERIVED = "derived"
    """Computed by tradestats from other figures, such as an implied previous value."""
    ESTIMATED = "estimated"
    """Estimated by the publisher (SDMX observation status E)."""
    FORECAST = "forecast"
    """A forecast or projection (SDMX observation status F)."""
    BREAK = "break"
    """The first figure after a break in the series (SDMX observation status B)."""


# ASCII digits only (\d would take "８７０３"), to the very end (\Z: "$" lets "8703\n" by).
_HS_TEXT: Final = re.compile(r"[0-9]{2}(?:[0-9]{2})*\Z")
# What HSCode.parse drops: dots and ASCII spaces inside, ASCII white space around.
_HS_SEPARATORS: Final = re.compile(r"[. ]")
_ASCII_SPACE: Final = " \t\r\n"


def _hs_version(value: HSVersion | str | None) -> HSVersion | None:
    return None if value is None else hs_version(value)


@frozen
class HSCode:
    """A Harmonized System product code: a chapter, heading, subheading or national line.

    Args:
        digits: 2, 4, 6, 8 or 10 ASCII digits, chapter 01–99, such as ``"870380"``.
        version: The nomenclature version (:class:`~tradestats.hs.HSVersion` or
            text such as ``"HS2017"``), when known. Codes of different versions
            are different codes; a code without a version compares as the digits.

    Raises:
        ParseError: For anything else, including full-width or other non-ASCII
            digits (``"８７０３"``) and white space or control characters.
        InvalidValueError: For an unknown version.

    >>> code = HSCode.parse("8703.80")
    >>> code, code.chapter, code.heading, code.level
    (HSCode('8703.80'), '87', '8703', 6)
    >>> HSCode.parse("87").contains(code)
    True
    >>> solar = HSCode.parse("HS2017:8541.40")
    >>> solar, str(solar), solar == HSCode("854140", version="HS2017"), solar == HSCode("854140")
    (HSCode('8541.40', version='HS2017'), 'HS2017:8541.40', True, False)
    """

    digits: str = field()
    version: HSVersion | None = field(default=None, kw_only=True, converter=_hs_version)

    @digits.validator
    def _check(self, _: attrs.Attribute[str], value: str) -> None:
        if (
            not isinstance(value, str)
            or not _HS_TEXT.match(value)
            or len(value) > 10
            or value[:2] == "00"
        ):
            ascii_note = (
                " (ASCII digits 0-9 only)" if isinstance(value, str) and not value.isascii() else ""
            )
            raise ParseError(
                f"malformed HS code {quote(value)}: expected 2, 4, 6, 8 or 10 digits"
                f"{ascii_note} from chapter 01 to 99, such as '87', '8703' or '8703.80'",
                value=value,
            )

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read an HS code written with or without dots and spaces: ``"8703.80"``, ``"870380"``.

        A version may lead, before a colon: ``"HS2017:8541.40"``. Dots and spaces
        inside, and ASCII white space around, are dropped; any other character (a
        tab or newline inside, a full-width digit) is refused.

        Raises:
            ParseError: For text that is not an HS code.
        """
        if not isinstance(text, str):
            raise ParseError(f"an HS code must be text, got {quote(text)}", value=text)
        version, colon, digits = text.strip(_ASCII_SPACE).rpartition(":")
        code = _HS_SEPARATORS.sub("", digits.strip(_ASCII_SPACE))
        return cls(code, version=version if colon else None)

    @property
    def level(self) -> int:
        """The number of digits, such as 2 (chapter), 4 (heading), 6 (subheading) or more."""
        return len(self.digits)

    @property
    def chapter(self) -> str:
        """The two-digit chapter."""
        return self.digits[:2]

    @property
    def heading(self) -> str | None:
        """The four-digit heading, if the code is that fine."""
        return self.digits[:4] if self.level >= 4 else None

    def contains(self, other: HSCode) -> bool:
        """Whether ``other`` is this code or falls under it (never across two known versions)."""
        if self.version is not None and other.version not in (None, self.version):
            return False
        return other.digits.startswith(self.digits)

    def __str__(self) -> str:
        # 8703.80, 8703.80.10: four digits, then pairs after dots.
        pairs = [self.digits[i : i + 2] for i in range(4, self.level, 2)]
        dotted = ".".join([self.digits[:4], *pairs]) if self.level > 4 else self.digits
        return dotted if self.version is None else f"{self.version.value}:{dotted}"

    def __repr__(self) -> str:
        if self.version is None:
            return f"HSCode({str(self)!r})"
        return f"HSCode({str(attrs.evolve(self, version=None))!r}, version={self.version.value!r})"


def _group_name(value: str) -> str:
    return name_text(value, "a product group's name")


@frozen
class ProductGroup:
    """A named product aggregate such as "electric vehicles" or "solar cells".

    Args:
        name: The name; text that looks like an HS code is refused, use :class:`HSCode`.
    """

    name: str = field(converter=_group_name)

    @name.validator
    def _not_a_code(self, _: attrs.Attribute[str], value: str) -> None:
        if re.fullmatch(r"[\d.\s]+", value):
            raise InvalidValueError(
                f"{quote(value)} looks like an HS code: use HSCode.parse({quote(value)})",
                value=value,
            )

    def __str__(self) -> str:
        return self.name


#: What a flow may carry as its product.
Product = HSCode | ProductGroup


def _product(value: object) -> Product | None:
    """Digits (with dots) become an :class:`HSCode`; other text a :class:`ProductGroup`."""
    if value is None or isinstance(value, HSCode | ProductGroup):
        return value
    if isinstance(value, str):
        # Digits, maybe after a version such as "HS2017:" or Comtrade's "H5:".
        if re.fullmatch(r"(?:[Hh][Ss]?\s?\d{1,4}:)?[\d.\s]+", value):
            return HSCode.parse(value)
        return ProductGroup(value)
    raise InvalidValueError(
        f"a product must be an HSCode, a ProductGroup or text, got {quote(value)}", value=value
    )


def _value(value: Amount | str) -> Amount:
    return value if isinstance(value, Amount) else amount(value)


def _reporter(value: str) -> str:
    return name_text(value, "a reporter")


def _partner(value: str) -> str:
    return name_text(value, "a partner")


def _flow(value: Flow | str) -> Flow:
    return enum_member(Flow, value)


def _valuation(value: Valuation | str | None) -> Valuation | None:
    return None if value is None else enum_member(Valuation, value)


def _status(value: Status | str | None) -> Status | None:
    return None if value is None else enum_member(Status, value)


@frozen(kw_only=True)
class TradeFlow:
    """One trade figure: a reporter's flow with a partner, for a product and period.

    Every argument is keyword-only. Text is accepted where it is unambiguous:
    ``flow="exports"``, ``period="2023-01/2023-07"``, ``value="183 billion CNY"``,
    ``product="8703.80"`` (an HS code) or ``product="electric vehicles"`` (a group).

    Args:
        reporter: Who reports the figure: a country, region or customs area.
        flow: Exports, imports, total trade, balance, re-exports or re-imports.
        period: The months the figure covers.
        value: Money (or a physical quantity, for volume figures), finite; not
            negative unless the flow is a balance.
        partner: The partner country or group; :data:`WORLD` by default.
        product: An :class:`HSCode`, a :class:`ProductGroup`, or ``None`` for all goods.
        valuation: FOB or CIF, when known.
        source: Where the figure comes from.
        status: Provisional, final, revised, or derived by tradestats.

    Raises:
        InvalidValueError: For a negative value of a flow that is not a balance,
            an unknown flow, an empty reporter or partner.
        ParseError: For a malformed period, HS code or value text.
    """

    reporter: str = field(converter=_reporter)
    partner: str = field(default=WORLD, converter=_partner)
    flow: Flow = field(converter=_flow)
    period: Period = field(converter=as_period)
    value: Amount = field(converter=_value)
    product: Product | None = field(default=None, converter=_product)
    valuation: Valuation | None = field(default=None, converter=_valuation)
    source: str | None = field(default=None, converter=source_text)
    status: Status | None = field(default=None, converter=_status)

    def __attrs_post_init__(self) -> None:
        if self.flow is not Flow.BALANCE:
            require_non_negative(self.value, what=f"the value of {self.flow.label}")

    @property
    def key(self) -> tuple[str, str, Flow, Product | None]:
        """What the flow is about (reporter, partner, flow and product), not when or how much."""
        return (self.reporter, self.partner, self.flow, self.product)

    def describe(self) -> str:
        """Who, what and when, without the value, as in "Xinjiang exports with World, 2023"."""
        product = f" of {self.product}" if self.product is not None else ""
        return (
            f"{self.reporter} {self.flow.label}{product} with {self.partner}, {self.period.label()}"
        )

    def with_value(self, value: Amount, **changes: Any) -> TradeFlow:
        """A copy with another value (and any other field changes), validated anew."""
        return attrs.evolve(self, value=value, **changes)

    def __str__(self) -> str:
        return f"{self.describe()}: {self.value}"


def _show(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def require_same(
    left: TradeFlow, right: TradeFlow, fields: tuple[str, ...], *, action: str
) -> None:
    """Raise :class:`FlowMismatchError` naming the first of ``fields`` where two flows differ."""
    for name in fields:
        mine, theirs = getattr(left, name), getattr(right, name)
        if mine != theirs:
            raise FlowMismatchError(
                f"cannot {action}: the flows differ in {name} ({_show(mine)} vs "
                f"{_show(theirs)}); "
                f"they must have the same {', '.join(fields)}",
                field=name,
                left=left,
                right=right,
            )


def _combine(exports: TradeFlow, imports: TradeFlow, *, balance: bool) -> TradeFlow:
    action = "build the trade balance" if balance else "build total trade"
    if exports.flow is not Flow.EXPORTS or imports.flow is not Flow.IMPORTS:
        raise FlowMismatchError(
            f"cannot {action}: expected an exports flow and an imports flow, got "
            f"{exports.flow.value} and {imports.flow.value}",
            left=exports,
            right=imports,
        )
    require_same(exports, imports, ("reporter", "partner", "product", "period"), action=action)
    value = exports.value - imports.value if balance else exports.value + imports.value
    return TradeFlow(
        reporter=exports.reporter,
        partner=exports.partner,
        flow=Flow.BALANCE if balance else Flow.TOTAL,
        period=exports.period,
        value=value,
        product=exports.product,
        valuation=exports.valuation if exports.valuation == imports.valuation else None,
        status=Status.DERIVED,
    )


def total_trade(exports: TradeFlow, imports: TradeFlow) -> TradeFlow:
    """Total trade, exports + imports, of the same reporter, partner, product and period.

    Raises:
        FlowMismatchError: If the flows are not exports and imports of the same thing.
        UnitMismatchError: If they are in different currencies.

    >>> x = TradeFlow(reporter="A", flow="exports", period="2023", value="10 billion USD")
    >>> m = TradeFlow(reporter="A", flow="imports", period="2023", value="4 billion USD")
    >>> total_trade(x, m).value, trade_balance(x, m).value
    (Amount('14 billion USD'), Amount('6 billion USD'))
    """
    return _combine(exports, imports, balance=False)


def trade_balance(exports: TradeFlow, imports: TradeFlow) -> TradeFlow:
    """The trade balance, exports − imports, negative for a deficit.

    Raises:
        FlowMismatchError: If the flows are not exports and imports of the same thing.
        UnitMismatchError: If they are in different currencies.
    """
    return _combine(exports, imports, balance=True)
