"""Amounts: an exact decimal magnitude in a currency or a physical unit.

An :class:`Amount` is what a trade flow is worth (``183 billion CNY``) or how much
of a good it moved (``3.2 million tonne``). The magnitude is a :class:`~decimal.Decimal`
that keeps exactly the digits it was given; the unit is an ISO 4217 code or the
name of a physical unit in the library's pint registry.

>>> import tradestats as ts
>>> total = ts.money("183 billion yuan")
>>> total
Amount('183 billion CNY')
>>> ts.money("1831.6亿元").format(scale="亿")
'1831.6亿 CNY'
>>> ts.money("183 billion CNY") + ts.money("5.6 billion CNY")
Amount('188.6 billion CNY')
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Self, overload

from attrs import field, frozen

from tradestats._grammar import currency_of, physical_name, read_amount
from tradestats._numbers import (
    CONTEXT,
    Number,
    auto_scale,
    check_limits,
    in_context,
    round_half_up,
    show,
    to_decimal,
)
from tradestats._text import quote
from tradestats.errors import (
    InvalidValueError,
    ParseError,
    UnitMismatchError,
    UnknownUnitError,
    ZeroBaseError,
)
from tradestats.units import (
    REGISTRY,
    SCALES,
    canonical_unit,
    conversion_factor,
    currency_code,
    dimension_name,
    dimension_of,
    incompatibility,
    is_currency,
    unit_label,
)

if TYPE_CHECKING:
    import pint

__all__ = ["Amount", "amount", "money"]

# Largest first: "auto" picks the largest word that keeps the number at 1 or more.
_FORMAT_SPEC: Final = re.compile(r"^\.(?P<places>[0-9]+)f$")


def _magnitude(value: Number) -> Decimal:
    return to_decimal(value, what="an amount's magnitude")


def _unit(value: str) -> str:
    return canonical_unit(value)


@frozen
class Amount:
    """An exact quantity of money or of goods.

    Args:
        magnitude: The number, as a Decimal, int, numeric string or float (a float
            is read as its shortest repr, so no binary digits are invented).
        unit: An ISO 4217 currency code (``"CNY"``) or a physical unit known to the
            registry (``"tonne"``, ``"kg"``, ``"item"``); stored in canonical form.

    Raises:
        InvalidValueError: For a NaN or infinite magnitude.
        UnknownUnitError: For an unknown unit.

    Amounts are equal when magnitude and unit are equal (``Decimal`` equality, so
    ``183E9`` equals ``183000000000``); compare amounts in different units of the
    same kind with ``<``, ``>`` or after :meth:`to`. Adding or comparing two
    currencies raises :class:`~tradestats.UnitMismatchError`.

    >>> Amount("183E9", "cny")
    Amount('183 billion CNY')
    >>> Amount(2, "tonnes").to("kg")
    Amount('2000 kilogram')
    """

    magnitude: Decimal = field(converter=_magnitude)
    unit: str = field(converter=_unit)

    # -- construction ----------------------------------------------------------------

    @classmethod
    @in_context
    def parse(
        cls,
        text: str,
        *,
        yen_sign: str | None = None,
        locale: str | None = None,
        zhao: str | None = None,
    ) -> Self:
        """Read an amount of money or goods from text.

        Understands scale words (``thousand`` … ``trillion``, ``k``, ``mn``, ``bn``,
        ``tn``, ``万``, ``亿``, ``万亿``), ISO codes, currency words and signs
        (``yuan``, ``RMB``, ``元``, ``US$``, ``€``, ``£``) and physical units
        (``tonnes``, ``kg``, ``吨``, ``pieces``).

        Args:
            text: The amount as written, such as ``"US$5.94 trillion"``.
            yen_sign: Which currency ``"¥"`` stands for, ``"CNY"`` or ``"JPY"``; ``"¥"``
                without it raises :class:`~tradestats.AmbiguityError`.
            locale: How numbers are written: ``"de"`` reads "12,4 Mrd. Euro", ``"en"``
                reads "€1 234.5 bn". Without it a form that a locale would read
                otherwise ("1,234", "12,4") is refused.
            zhao: How to read 兆: ``"trillion"`` (10¹², as in Taiwan) or ``"million"``;
                without it 兆 is refused.

        Raises:
            ParseError: If the text is not an amount, or names no unit.
            UnknownUnitError: For an unknown currency or unit.
            AmbiguityError: For ``"¥"`` without ``yen_sign``, 兆 without ``zhao``
                or "1,234" without ``locale``.

        >>> Amount.parse("3.2万吨")
        Amount('32000 tonne')
        >>> Amount.parse("12,4 Mrd. Euro", locale="de"), Amount.parse("2兆美元", zhao="trillion")
        (Amount('12.4 billion EUR'), Amount('2 trillion USD'))
        """
        magnitude, unit = _read(text, money=False, yen_sign=yen_sign, locale=locale, zhao=zhao)
        if unit is None:
            raise ParseError(
                f"{quote(text)} names no unit: write a currency or unit, as in '{text} CNY'",
                value=text,
            )
        return cls(magnitude, unit)

    @classmethod
    @in_context
    def from_quantity(cls, quantity: pint.Quantity[Any]) -> Self:
        """Build an amount from a pint quantity of this or any other registry.

        A quantity of another registry is read by its unit names, so it works as
        long as tradestats knows those units.

        Raises:
            UnknownUnitError: If the quantity's unit is unknown here, or dimensionless.

        >>> from tradestats.units import REGISTRY
        >>> Amount.from_quantity(REGISTRY.Quantity(183, "billion * CNY"))
        Amount('183 billion CNY')
        """
        magnitude = to_decimal(quantity.magnitude, what="the quantity's magnitude")
        units = str(quantity.units)
        try:
            ours = REGISTRY.Quantity(magnitude, units)
        except Exception as error:
            raise UnknownUnitError(
                f"cannot take the quantity {quantity!s}: tradestats does not know the unit "
                f"{quote(units)} (it knows ISO 4217 currencies and units such as tonne, kg, item)",
                value=str(quantity),
            ) from error
        if ours.dimensionless:
            raise UnknownUnitError(
                f"cannot take the dimensionless quantity {quantity!s}: an amount needs a "
                "currency or a physical unit",
                value=str(quantity),
            )
        # Drop scale words ("billion * CNY" is CNY) and keep the one real unit.
        real = [name for name, power in ours.unit_items() if name not in SCALES or power != 1]
        if len(real) != 1 or dict(ours.unit_items())[real[0]] != 1:
            raise UnknownUnitError(
                f"cannot take the quantity {quantity!s}: an amount has one currency or "
                "physical unit, not a compound unit",
                value=str(quantity),
            )
        converted = ours.to(real[0]).magnitude
        return cls(to_decimal(converted), canonical_unit(real[0]))

    # -- views -------------------------------------------------------------------------

    @property
    def quantity(self) -> pint.Quantity[Decimal]:
        """A new pint quantity of the library's registry; changing it leaves the amount alone.

        >>> Amount("183E9", "CNY").quantity
        <Quantity(1.83E+11, 'CNY')>
        """
        return REGISTRY.Quantity(self.magnitude, self.unit)

    @property
    def currency(self) -> str | None:
        """The ISO 4217 code if this is money, else ``None``.

        >>> money("183 billion yuan").currency, amount("5 t").currency
        ('CNY', None)
        """
        return self.unit if is_currency(self.unit) else None

    @property
    def is_money(self) -> bool:
        """Whether the unit is a currency."""
        return is_currency(self.unit)

    @in_context
    def to(self, unit: str) -> Amount:
        """The same amount in another unit of the same kind (tonnes to kg, not CNY to USD).

        Raises:
            UnitMismatchError: If ``unit`` measures something else; currencies
                convert only through an :class:`~tradestats.ExchangeRate`.

        >>> Amount("1.5", "tonne").to("kg")
        Amount('1500 kilogram')
        """
        target = canonical_unit(unit)
        factor = conversion_factor(self.unit, target)
        return Amount(CONTEXT.multiply(self.magnitude, factor), target)

    def in_unit_of(self, other: Amount, *, action: str = "combine {other} and {this}") -> Decimal:
        """This amount's magnitude expressed in ``other``'s unit.

        Args:
            other: The amount whose unit to use.
            action: What the caller was doing, for the error message: a template in
                which ``{this}`` stands for this amount and ``{other}`` for the other.

        Raises:
            UnitMismatchError: If the two cannot be combined (such as two currencies).

        >>> Amount(2, "tonne").in_unit_of(Amount(1, "kg"))
        Decimal('2E+3')
        """
        if self.unit == other.unit:
            return self.magnitude
        if dimension_of(self.unit) != dimension_of(other.unit):
            what = action.format(this=self, other=other)
            raise UnitMismatchError(
                f"cannot {what}: {incompatibility(other.unit, self.unit)}",
                left=other,
                right=self,
            )
        return CONTEXT.multiply(self.magnitude, conversion_factor(self.unit, other.unit))

    # -- text --------------------------------------------------------------------------

    @in_context
    def format(self, *, scale: str | None = "auto", places: int | None = None) -> str:
        """Show the amount with a scale word.

        Args:
            scale: ``"auto"`` picks million, billion or trillion (numbers below a
                million are written out); ``None``
                writes every digit; any scale word (``"billion"``, ``"亿"``, ``"万"``)
                forces that one.
            places: Round to this many decimals (half away from zero), or keep all.

        >>> x = money("1831.6亿元")
        >>> x.format(), x.format(scale="亿"), x.format(scale=None), x.format(places=1)
        ('183.16 billion CNY', '1831.6亿 CNY', '183160000000 CNY', '183.2 billion CNY')
        """
        word, exponent = self._scale(scale)
        if places is not None and scale == "auto":
            # Rounding may carry into the next scale word: 999.96 million to one place is
            # 1.0 billion, not 1000.0 million (and :meth:`rounded` gives 1 billion).
            carried, carried_exponent = self.rounded(places)._scale(scale)
            if carried_exponent > exponent:
                word, exponent = carried, carried_exponent
        number = show(self.magnitude.scaleb(-exponent), places)
        unit = unit_label(self.unit)
        if not word:
            return f"{number} {unit}"
        gap = " " if word.isascii() else ""
        return f"{number}{gap}{word} {unit}"

    @in_context
    def rounded(self, places: int, *, scale: str | None = "auto") -> Amount:
        """The amount rounded to ``places`` decimals of the figure shown with ``scale``.

        Rounds half away from zero, as statistics offices publish; the scale is
        chosen as in :meth:`format`.

        >>> money("114.87758945 billion CNY").rounded(1)
        Amount('114.9 billion CNY')
        >>> money("114.87758945 billion CNY").rounded(0, scale="亿")
        Amount('114.9 billion CNY')
        """
        _, exponent = self._scale(scale)
        magnitude = round_half_up(self.magnitude.scaleb(-exponent), places).scaleb(exponent)
        return Amount(magnitude, self.unit)

    def _scale(self, scale: str | None) -> tuple[str, int]:
        if scale is None:
            return "", 0
        if scale == "auto":
            exponent, word = auto_scale(self.magnitude)
            return word, exponent
        key = scale.strip().lower()
        if key not in SCALES:
            raise UnknownUnitError(
                f"unknown scale {quote(scale)}: expected 'auto', None or one of "
                f"{', '.join(SCALES)}",
                value=scale,
            )
        return scale.strip(), SCALES[key]

    @in_context
    def __str__(self) -> str:
        return self.format()

    @in_context
    def __repr__(self) -> str:
        return f"Amount({self.format()!r})"

    @in_context
    def __format__(self, spec: str) -> str:
        """Format with ``""`` (all digits) or ``".Nf"`` (N decimals, auto scale).

        >>> f"{money('114.8776 billion CNY'):.1f}"
        '114.9 billion CNY'
        """
        if not spec:
            return str(self)
        match = _FORMAT_SPEC.match(spec)
        if match is None:
            raise ParseError(
                f"unknown format spec {quote(spec)} for an Amount: use '' or '.Nf', such as '.1f'",
                value=spec,
            )
        return self.format(places=int(match.group("places")))

    # -- arithmetic --------------------------------------------------------------------

    @in_context
    def __neg__(self) -> Amount:
        return Amount(-self.magnitude, self.unit)

    @in_context
    def __abs__(self) -> Amount:
        return Amount(abs(self.magnitude), self.unit)

    @in_context
    def __add__(self, other: Amount) -> Amount:
        if not isinstance(other, Amount):
            return NotImplemented
        return Amount(
            CONTEXT.add(self.magnitude, other.in_unit_of(self, action="add {other} and {this}")),
            self.unit,
        )

    @in_context
    def __radd__(self, other: int) -> Amount:
        # Lets sum() start from its default 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    @in_context
    def __sub__(self, other: Amount) -> Amount:
        if not isinstance(other, Amount):
            return NotImplemented
        subtrahend = other.in_unit_of(self, action="subtract {this} from {other}")
        return Amount(CONTEXT.subtract(self.magnitude, subtrahend), self.unit)

    @in_context
    def __mul__(self, factor: Number) -> Amount:
        return Amount(
            CONTEXT.multiply(self.magnitude, to_decimal(factor, what="a factor")), self.unit
        )

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Amount) -> Decimal: ...
    @overload
    def __truediv__(self, other: Number) -> Amount: ...
    @in_context
    def __truediv__(self, other: Amount | Number) -> Decimal | Amount:
        if isinstance(other, Amount):
            divisor = other.in_unit_of(self, action="divide {other} by {this}")
            if not divisor:
                raise ZeroBaseError(f"cannot divide {self} by {other}", left=self, right=other)
            return CONTEXT.divide(self.magnitude, divisor)
        number = to_decimal(other, what="a divisor")
        if not number:
            raise ZeroBaseError(f"cannot divide {self} by zero", left=self, right=other)
        return Amount(CONTEXT.divide(self.magnitude, number), self.unit)

    # Anything but an amount gets NotImplemented, so Python raises its usual TypeError
    # ("'<' not supported between instances of 'Amount' and 'int'").
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return self.magnitude < other.in_unit_of(self, action="compare {other} with {this}")

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return self.magnitude <= other.in_unit_of(self, action="compare {other} with {this}")

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return self.magnitude > other.in_unit_of(self, action="compare {other} with {this}")

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return self.magnitude >= other.in_unit_of(self, action="compare {other} with {this}")


def _coerce(
    value: str | Number | Amount | pint.Quantity[Any],
    unit: str | None,
    *,
    money: bool,
    yen_sign: str | None,
    locale: str | None = None,
    zhao: str | None = None,
) -> Amount:
    """Shared body of :func:`money` and :func:`amount`."""
    noun = "currency" if money else "unit"
    wanted = _wanted_unit(unit, money=money, yen_sign=yen_sign)
    written: str | None
    if isinstance(value, Amount):
        magnitude, written = value.magnitude, value.unit
    elif isinstance(value, str) and not _looks_numeric(value):
        magnitude, written = _read(value, money=money, yen_sign=yen_sign, locale=locale, zhao=zhao)
    elif isinstance(value, str | Decimal | int | float):
        magnitude, written = to_decimal(value, what="an amount"), None
    else:
        taken = Amount.from_quantity(value)
        magnitude, written = taken.magnitude, taken.unit
    if written and wanted and written != wanted:
        raise UnitMismatchError(
            f"{quote(value)} is in {written}, but {wanted} was asked for", value=value, unit=unit
        )
    chosen = written or wanted
    if chosen is None:
        example = "money('183 billion CNY') or money(183, 'CNY')"
        if not money:
            example = "amount('12 thousand tonnes') or amount(12, 'tonne')"
        raise ParseError(
            f"{quote(value)} names no {noun}: write one or pass {noun}=..., as in {example}",
            value=value,
        )
    result = value if isinstance(value, Amount) else Amount(magnitude, chosen)
    if money and not result.is_money:
        raise UnitMismatchError(
            f"{result} is not money: expected an amount in a currency such as CNY or USD",
            value=result,
        )
    return result


def _read(
    text: str,
    *,
    money: bool,
    yen_sign: str | None,
    locale: str | None = None,
    zhao: str | None = None,
) -> tuple[Decimal, str | None]:
    """The exact magnitude and canonical unit (``None`` if none is written) of an amount's text.

    Raises:
        ParseError: For text that is not an amount, or names two units.
        InvalidValueError: For a number of more than
            :data:`~tradestats.limits.MAX_DIGITS` significant digits (refused, not
            rounded) or beyond 1E±:data:`~tradestats.limits.MAX_EXPONENT`.
        AmbiguityError: For "¥" without ``yen_sign``.
        UnknownUnitError: For an unknown currency or unit.
        UnitMismatchError: For a physical unit where money is wanted.
    """
    if yen_sign is not None:
        yen_sign = currency_code(yen_sign)  # the one currency-code check and its message
    if not isinstance(text, str):
        raise ParseError(f"expected an amount as text, got {quote(text)}", value=text)
    parsed = read_amount(text, money=money, locale=locale, zhao=zhao)
    # The number as written, before the scale word shifts it: a scale never adds
    # digits, so more than the context holds would be rounded, and is refused.
    check_limits(parsed.number, what="an amount", given=text)
    units = [_unit_of(part, money=money, yen_sign=yen_sign) for part in parsed.units]
    if len(units) == 2 and parsed.units[1] == "元" and units[0] in _DOLLAR_LIKE:
        units = units[:1]  # 新臺幣1,234億元, 港元…元: 元 is the unit of the currency named
    if len(units) == 2 and units[0] != units[1]:
        raise ParseError(
            f"cannot read {quote(text)}: it names two units, {units[0]} and {units[1]}",
            value=text,
        )
    magnitude = check_limits(parsed.magnitude, what="an amount's magnitude", given=text)
    return magnitude, (units[0] if units else None)


#: Currencies whose amounts Chinese writes with 元 after the number (新臺幣100億元).
_DOLLAR_LIKE: Final = frozenset({"TWD", "HKD", "MOP", "USD", "SGD", "CNY"})


def _unit_of(text: str, *, money: bool, yen_sign: str | None) -> str:
    """The canonical unit of a unit text: a currency word, sign or code, or a registry unit."""
    currency = currency_of(text, yen_sign=yen_sign)
    if currency is not None:
        return currency
    if not money:
        return canonical_unit(physical_name(text))
    try:
        physical = canonical_unit(physical_name(text))
    except UnknownUnitError:
        raise UnknownUnitError(
            f"unknown currency {quote(text)}: expected an ISO 4217 code such as 'CNY', "
            "a word such as 'yuan' or 'US dollars', or a sign such as 'US$', '€' or '£'",
            value=text,
        ) from None
    raise UnitMismatchError(
        f"{quote(text)} is a unit of {dimension_name(physical)}, not a currency: "
        "use amount() for volume figures, money() for values",
        value=text,
    )


def _looks_numeric(text: str) -> bool:
    try:
        Decimal(text.strip())
    except ArithmeticError:
        return False
    return True


def _wanted_unit(unit: str | None, *, money: bool, yen_sign: str | None) -> str | None:
    if unit is None:
        return None
    magnitude, parsed = _read(f"1 {unit}", money=money, yen_sign=yen_sign)
    if parsed is None or magnitude != 1:
        raise UnknownUnitError(
            f"unknown {'currency' if money else 'unit'} {quote(unit)}", value=unit
        )
    return parsed


@in_context
def money(
    value: str | Number | Amount | pint.Quantity[Any],
    currency: str | None = None,
    *,
    yen_sign: str | None = None,
    locale: str | None = None,
    zhao: str | None = None,
) -> Amount:
    """An amount of money, from text, a number and a currency, or a pint quantity.

    Args:
        value: ``"183 billion yuan"``, ``"US$5.94 trillion"``, ``"1831.6亿元"``; or a
            number (then ``currency`` is required); or an :class:`Amount` or pint quantity.
        currency: The currency when ``value`` names none; when it does, the two must agree.
        yen_sign: Which currency ``"¥"`` stands for: ``"CNY"`` or ``"JPY"``.
        locale: How numbers are written, as for :meth:`Amount.parse`.
        zhao: How to read 兆, as for :meth:`Amount.parse`.

    Raises:
        ParseError: For text that is not an amount, or money without a currency.
        UnknownUnitError: For an unknown currency.
        AmbiguityError: For ``"¥"`` without ``yen_sign``.
        UnitMismatchError: For an amount that is not money.

    >>> money("183 billion yuan"), money("US$5.94 trillion"), money(59.3, "EUR")
    (Amount('183 billion CNY'), Amount('5.94 trillion USD'), Amount('59.3 EUR'))
    >>> money("¥12.5bn", yen_sign="JPY")
    Amount('12.5 billion JPY')
    """
    return _coerce(value, currency, money=True, yen_sign=yen_sign, locale=locale, zhao=zhao)


@in_context
def amount(
    value: str | Number | Amount | pint.Quantity[Any],
    unit: str | None = None,
    *,
    yen_sign: str | None = None,
    locale: str | None = None,
    zhao: str | None = None,
) -> Amount:
    """An amount of money or goods, from text, a number and a unit, or a pint quantity.

    Works like :func:`money` (the same ``yen_sign``, ``locale`` and ``zhao``) but also
    takes physical units, for volume figures.

    >>> amount("12.5 thousand tonnes"), amount(300, "pieces")
    (Amount('12500 tonne'), Amount('300 item'))
    """
    return _coerce(value, unit, money=False, yen_sign=yen_sign, locale=locale, zhao=zhao)


def require_non_negative(value: Amount, *, what: str) -> None:
    """Raise if ``value`` is negative: trade values other than balances never are."""
    if value.magnitude < 0:
        raise InvalidValueError(
            f"{what} cannot be negative, got {value}: only a trade balance can be",
            value=value,
        )
