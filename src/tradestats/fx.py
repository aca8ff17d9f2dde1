"""Exchange rates: explicit, immutable, dated values, and the only way money changes currency.

There is no table of rates inside tradestats and no default rate: a program says
which rate it uses, for which period, of which kind and from which source, and
that rate travels with the conversion.

>>> import tradestats as ts
>>> rate = ts.ExchangeRate("USD", "CNY", "7.0467", period="2023-01/2023-07",
...                        source="illustrative")
>>> rate.convert(ts.money("183 billion CNY")).format(places=2)
'25.97 billion USD'
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import overload

import attrs
from attrs import field, frozen

from tradestats._numbers import CONTEXT, ONE, Number, in_context, to_decimal
from tradestats._text import quote
from tradestats._validate import enum_member, source_text
from tradestats.amounts import Amount
from tradestats.errors import (
    InvalidValueError,
    PeriodMismatchError,
    UnitMismatchError,
    UnknownUnitError,
)
from tradestats.flows import Status, TradeFlow
from tradestats.periods import Period, as_period
from tradestats.units import canonical_unit, currency_code

__all__ = ["ExchangeRate", "RateKind"]


class RateKind(enum.Enum):
    """Which rate of a period an :class:`ExchangeRate` is.

    Flows over a period (a month's or a year's trade) are converted with the
    period average; stocks at a date (reserves, debt) with the end-of-period rate.
    """

    PERIOD_AVERAGE = "period average"
    END_OF_PERIOD = "end of period"


def _currency(value: str) -> str:
    try:
        return currency_code(value)
    except UnknownUnitError:
        if isinstance(value, str) and not _is_unit(value):
            raise  # an unknown code, as every currency check words it
    # Tonnes, litres or no text at all: not a misspelt code but the wrong kind of thing.
    raise InvalidValueError(
        f"an exchange rate is between two ISO 4217 currencies, got {quote(value)}", value=value
    )


def _is_unit(text: str) -> bool:
    try:
        canonical_unit(text)
    except UnknownUnitError:
        return False
    return True


def _positive_rate(value: Number) -> Decimal:
    rate = to_decimal(value, what="an exchange rate")
    if rate <= 0:
        raise InvalidValueError(f"an exchange rate must be positive, got {rate}", value=value)
    return rate


def _kind(value: RateKind | str) -> RateKind:
    return enum_member(RateKind, value)


@frozen
class ExchangeRate:
    """One unit of ``base`` is worth ``rate`` units of ``quote``, over ``period``.

    ``ExchangeRate("USD", "CNY", "7.0467", period="2023")`` says 1 USD = 7.0467 CNY
    on average over 2023. It converts in both directions.

    Args:
        base: The currency of which one unit is priced, such as ``"USD"``.
        quote: The currency the price is in, such as ``"CNY"``.
        rate: Units of ``quote`` per unit of ``base``, positive.
        period: The period the rate applies to, a :class:`~tradestats.Period` or its text.
        kind: Period average (for flows, the default) or end of period.
        source: Where the rate comes from, for the record.

    Raises:
        InvalidValueError: For a non-positive rate, the same currency twice, or a
            unit that is not a currency.
    """

    base: str = field(converter=_currency)
    quote: str = field(converter=_currency)
    rate: Decimal = field(converter=_positive_rate)
    period: Period = field(converter=as_period, kw_only=True)
    kind: RateKind = field(default=RateKind.PERIOD_AVERAGE, converter=_kind, kw_only=True)
    source: str | None = field(default=None, converter=source_text, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.base == self.quote:
            raise InvalidValueError(
                f"an exchange rate needs two different currencies, got {self.base} twice",
                value=self.base,
            )

    @in_context
    def inverse(self) -> ExchangeRate:
        """The same rate seen from the other side: CNY per USD becomes USD per CNY.

        >>> ExchangeRate("USD", "CNY", "8", period="2023").inverse().rate
        Decimal('0.125')
        """
        return attrs.evolve(
            self, base=self.quote, quote=self.base, rate=CONTEXT.divide(ONE, self.rate)
        )

    @overload
    def convert(
        self,
        value: Amount,
        *,
        period: Period | None = None,
        allow_other_period: bool = False,
        allow_end_of_period: bool = False,
    ) -> Amount: ...
    @overload
    def convert(
        self,
        value: TradeFlow,
        *,
        period: Period | None = None,
        allow_other_period: bool = False,
        allow_end_of_period: bool = False,
    ) -> TradeFlow: ...
    @in_context
    def convert(
        self,
        value: Amount | TradeFlow,
        *,
        period: Period | None = None,
        allow_other_period: bool = False,
        allow_end_of_period: bool = False,
    ) -> Amount | TradeFlow:
        """Convert an amount or a trade flow into the rate's other currency.

        A trade flow (or an amount with ``period`` given) must be for exactly the
        rate's period: converting January–July trade with an annual rate is an
        error unless ``allow_other_period`` says the approximation is intended.
        A flow accumulates over its period, so it takes a period-average rate; an
        end-of-period rate needs ``allow_end_of_period``. A converted flow has
        status :attr:`~tradestats.Status.DERIVED`: its value was not published.

        Args:
            value: An amount in ``base`` or ``quote``, or a flow valued in one.
            period: The period an amount belongs to, to check it against the rate's.
            allow_other_period: Accept a rate for another period.
            allow_end_of_period: Accept an end-of-period rate for a flow.

        Raises:
            UnitMismatchError: If the value is in neither of the rate's currencies.
            PeriodMismatchError: If the periods differ and that was not allowed.
            InvalidValueError: For a flow and an end-of-period rate, unless allowed.

        >>> rate = ExchangeRate("USD", "CNY", "7", period="2023")
        >>> rate.convert(Amount(14, "CNY")), rate.convert(Amount(2, "USD"))
        (Amount('2 USD'), Amount('14 CNY'))
        """
        if isinstance(value, TradeFlow):
            self._check_period(value.period, allow_other_period, value)
            if self.kind is RateKind.END_OF_PERIOD and not allow_end_of_period:
                raise InvalidValueError(
                    f"{value.describe()} accumulates over its period, so it converts with a "
                    f"period-average rate, not the end-of-period rate {self}; pass "
                    "allow_end_of_period=True if that is what you mean",
                    value=value,
                    rate=self,
                )
            converted = self._convert_amount(value.value)
            return attrs.evolve(value, value=converted, status=Status.DERIVED)
        if period is not None:
            self._check_period(period, allow_other_period, value)
        return self._convert_amount(value)

    def _convert_amount(self, value: Amount) -> Amount:
        if value.unit == self.base:
            return Amount(CONTEXT.multiply(value.magnitude, self.rate), self.quote)
        if value.unit == self.quote:
            return Amount(CONTEXT.divide(value.magnitude, self.rate), self.base)
        raise UnitMismatchError(
            f"cannot convert {value} with the {self.base}/{self.quote} rate: it is in "
            f"{value.unit}, not {self.base} or {self.quote}",
            value=value,
            rate=self,
        )

    def _check_period(self, period: Period, allowed: bool, value: object) -> None:
        if period != self.period and not allowed:
            raise PeriodMismatchError(
                f"the {self.base}/{self.quote} rate applies to {self.period}, but {value} is "
                f"for {period}: use a rate for {period} or pass allow_other_period=True",
                period=period,
                rate_period=self.period,
            )

    @in_context
    def __str__(self) -> str:
        return f"1 {self.base} = {self.rate} {self.quote} ({self.kind.value}, {self.period})"
