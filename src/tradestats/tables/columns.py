"""Column-level units and exchange-rate tables for the table functions.

A frame's value column holds bare floats; :class:`ColumnUnits` says what they
are: one currency for the whole frame (``ColumnUnits(currency="CNY")``) or one
per row (``ColumnUnits(currency_column="currency")``), and a scale (``scale="billion"``: a
value of 183.0 means 183 billion). :class:`ExchangeRates` wraps a frame of dated
rates so that rows in different currencies can be compared after conversion.

>>> ColumnUnits(currency="cny", scale="billion").label("CNY")
'billion CNY'
>>> ColumnUnits(currency="yuan")
Traceback (most recent call last):
...
tradestats.errors.UnknownUnitError: unknown currency 'yuan': expected an ISO 4217 code ...

The class was called ``Units`` before tradestats 0.3, a name it shared with the
module :mod:`tradestats.units` (the scalar units of amounts); ``Units`` still
works, with a :class:`DeprecationWarning`, until 0.4.
"""

from __future__ import annotations

import math
from typing import Any, Final

from attrs import field, frozen

from tradestats._text import quote
from tradestats.errors import DuplicateKeyError, InvalidValueError
from tradestats.periods import Period
from tradestats.tables._deprecated import renamed
from tradestats.tables._native import read_rows
from tradestats.tables._periods import parse_period
from tradestats.units import currency_code, scale_factor

__all__ = [
    "DEFAULT_GROUP",
    "DEFAULT_KEYS",
    "ColumnUnits",
    "ExchangeRates",
    "currency_code",
]

#: The group keys of a year-on-year series (one series per reporter, partner, flow and product).
DEFAULT_KEYS: Final = ("reporter", "partner", "flow", "product")

#: The groups that shares and contributions are taken within, in each period (each
#: reporter's flow).
DEFAULT_GROUP: Final = ("reporter", "flow")


def _optional_currency(value: str | None) -> str | None:
    return None if value is None else currency_code(value)


def _optional_scale(value: str | None) -> str | None:
    if value is None:
        return None
    scale_factor(value)  # raises UnknownUnitError for unknown words
    return value.strip().lower()


@frozen
class ColumnUnits:
    """The unit of a frame's value column: its currency (fixed or per row) and scale.

    Args:
        currency: The ISO 4217 code of every value, such as ``"CNY"``.
        currency_column: Or the name of a column holding each row's ISO 4217 code.
        scale: A scale word (see :data:`tradestats.units.SCALES`) that every value
            is in, such as ``"billion"``; None for whole units.

    Raises:
        UnknownUnitError: For an unknown currency code or scale word.
        InvalidValueError: If both ``currency`` and ``currency_column`` are given.

    The table functions refuse to put rows of different currencies in one group
    (a year-on-year pair's series, a share's total, a contribution's total) unless
    an :class:`ExchangeRates` table converts them first. Without ``units``, a
    frame with a ``currency`` column is read as ``ColumnUnits(currency_column="currency")``.

    >>> ColumnUnits(currency_column="currency", scale="million")
    ColumnUnits(currency=None, currency_column='currency', scale='million')
    """

    currency: str | None = field(default=None, converter=_optional_currency)
    currency_column: str | None = field(default=None, kw_only=True)
    scale: str | None = field(default=None, converter=_optional_scale, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.currency is not None and self.currency_column is not None:
            raise InvalidValueError(
                f"give either currency ({quote(self.currency)}) or currency_column "
                f"({quote(self.currency_column)}), not both",
                currency=self.currency,
                currency_column=self.currency_column,
            )

    def label(self, currency: str) -> str:
        """The unit of a value in ``currency`` at this scale, as :func:`tradestats.money` reads it.

        >>> ColumnUnits(currency="USD").label("USD"), ColumnUnits(scale="亿").label("CNY")
        ('USD', '亿 CNY')
        """
        return f"{self.scale} {currency}" if self.scale else currency


@frozen
class ExchangeRates:
    """A frame of dated exchange rates into one target currency.

    Each row says: over ``period``, one unit of ``currency`` is worth ``rate``
    units of ``target``. A value ``v`` in that currency becomes ``v × rate`` in
    the target. Rows of the data are converted with the rate of exactly their own
    period (a January–July figure needs a January–July rate); values already in
    the target currency need no row.

    Args:
        frame: Any frame the table functions accept (pandas, polars, pyarrow,
            DuckDB, Dask), small enough to read into memory.
        target: The ISO 4217 code every value is converted into.
        currency_column: The column of ISO 4217 codes.
        period_column: The column of periods: text that :meth:`~tradestats.Period.parse`
            reads, or integer years.
        rate_column: The column of rates, units of ``target`` per unit of the currency.

    Raises:
        UnknownUnitError: For an unknown target currency.

    >>> import polars as pl
    >>> rates = ExchangeRates(pl.DataFrame({"currency": ["CNY"], "period": ["2023"],
    ...                                     "rate": [0.1412]}), target="USD")
    >>> rates.lookup()
    {('CNY', 24276, 12): 0.1412}
    """

    frame: Any = field(eq=False, repr=False)
    target: str = field(converter=currency_code, kw_only=True)
    currency_column: str = field(default="currency", kw_only=True)
    period_column: str = field(default="period", kw_only=True)
    rate_column: str = field(default="rate", kw_only=True)

    def lookup(self) -> dict[tuple[str, int, int], float]:
        """The rates by (currency, first month index, number of months).

        Raises:
            InvalidValueError: For a missing column, a null, a rate that is not a
                positive finite number, or a rate other than 1 for the target
                currency itself.
            DuplicateKeyError: For two rates of one currency and period.
            UnknownUnitError: For an unknown currency code.
            ParseError: For a period that cannot be read.
        """
        columns = (self.currency_column, self.period_column, self.rate_column)
        rates: dict[tuple[str, int, int], float] = {}
        for row in read_rows(self.frame, columns, what="the exchange-rate table"):
            currency, period, rate = (row[name] for name in columns)
            if currency is None or period is None or rate is None:
                raise InvalidValueError(f"the exchange-rate table has a null in row {row}", row=row)
            code = currency_code(currency, where=f" in column {self.currency_column!r}")
            when = parse_period(period, self.period_column)
            if not isinstance(rate, int | float) or not math.isfinite(rate) or rate <= 0:
                raise InvalidValueError(
                    f"exchange rates must be positive finite numbers, got {quote(rate)} for {code} "
                    f"in {when}",
                    rate=rate,
                )
            if code == self.target and rate != 1:
                # Identity rows (USD to USD at 1) are common in rate tables and harmless.
                raise InvalidValueError(
                    f"the exchange-rate table converts {code} into itself at {quote(rate)}; a "
                    "currency's rate to itself can only be 1",
                    currency=code,
                    rate=rate,
                )
            slot = (code, when.start_index, when.months)
            if slot in rates:
                raise DuplicateKeyError(
                    f"the exchange-rate table has two rates for {code} in {when}",
                    keys={self.currency_column: code},
                    period=when.isoformat(),
                )
            rates[slot] = float(rate)
        return rates

    @staticmethod
    def describe(start: int, months: int) -> str:
        """The period with first month index ``start`` and ``months`` months, as text.

        >>> ExchangeRates.describe(24276, 7)
        '2023-01/2023-07'
        """
        return Period.from_month_indices(start, start + months - 1).isoformat()


def __getattr__(name: str) -> object:
    return renamed(__name__, name, globals())
