"""The exception tree: every error tradestats raises derives from :class:`TradeStatsError`.

Each subclass also inherits the builtin exception it specializes, so code that
already catches ``ValueError``, ``TypeError``, ``LookupError`` or
``ZeroDivisionError`` keeps working. Every error keeps the offending values in
:attr:`TradeStatsError.details` and survives pickling.

>>> import tradestats as ts
>>> try:
...     ts.money("183 billion CNY") + ts.money("25 billion USD")
... except ts.UnitMismatchError as error:
...     print(error)
cannot add 183 billion CNY and 25 billion USD: CNY and USD are different currencies;
convert one with an ExchangeRate first
"""

from __future__ import annotations

__all__ = [
    "AmbiguityError",
    "ConcordanceError",
    "DataMatchError",
    "DuplicateKeyError",
    "FlowMismatchError",
    "HSVersionMismatchError",
    "InvalidValueError",
    "NegativeBaseError",
    "ParseError",
    "PeriodMismatchError",
    "ReportFileError",
    "SignChangeError",
    "StructuringError",
    "TradeStatsError",
    "UnitMismatchError",
    "UnknownGroupError",
    "UnknownUnitError",
    "ZeroBaseError",
]


class TradeStatsError(Exception):
    """Base class of every error raised by tradestats.

    Args:
        message: What went wrong, naming the offending value and what to do instead.
        **details: The offending values, kept for programs that handle the error.

    Attributes:
        message: The message the error was raised with.
        details: The offending values, by name, as passed in ``**details``.

    >>> error = TradeStatsError("bad figure", value="59.3x")
    >>> error.details
    {'value': '59.3x'}
    """

    def __init__(self, message: str, /, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, object] = details

    def __str__(self) -> str:
        return self.message


class ParseError(TradeStatsError, ValueError):
    """Text that does not follow the grammar of a money figure, period, measure or HS code."""


class ReportFileError(ParseError):
    """A report file or text that cannot be read, or does not describe a valid report.

    The message names the file, the claim or flow, the field and the bad value;
    ``details`` holds them as ``file``, ``claim`` (or ``flow``), ``field`` and ``value``.
    """


class UnknownUnitError(TradeStatsError, LookupError, ValueError):
    """A currency code, currency word or physical unit that tradestats does not know."""


class AmbiguityError(TradeStatsError, ValueError):
    """Input with two plausible readings, where the caller must choose one.

    Examples are ``"¥"`` (Chinese yuan or Japanese yen) and a bare ``"3.26 times"``
    (×3.26 or +326%).
    """


class InvalidValueError(TradeStatsError, ValueError):
    """A value outside its domain: NaN or infinite, a negative export, a share above 100%."""


class DuplicateKeyError(InvalidValueError):
    """Two rows of a table with the same keys and period, where each may appear only once.

    ``details`` holds ``keys`` (column name → value of the duplicated rows) and ``period``.
    """


class UnitMismatchError(TradeStatsError, TypeError):
    """Quantities that cannot be combined: two currencies, or money and tonnes.

    Like pint's ``DimensionalityError``, it is a ``TypeError``: the values are
    fine, their kinds do not go together.
    """


class PeriodMismatchError(TradeStatsError, ValueError):
    """Periods that do not fit the operation: not one year apart, of different lengths."""


class FlowMismatchError(TradeStatsError, ValueError):
    """Trade flows that describe different things: another reporter, partner or product."""


class ZeroBaseError(TradeStatsError, ZeroDivisionError):
    """A ratio over a zero base, such as growth from nothing or a share of an empty total."""


class NegativeBaseError(TradeStatsError, ValueError):
    """Growth over a negative base (a trade deficit), whose sign would mislead."""


class SignChangeError(TradeStatsError, ValueError):
    """Growth of a balance that changed sign (a surplus turned deficit): undefined."""


class StructuringError(TradeStatsError, ValueError):
    """Plain data (a dict or JSON) that does not describe a tradestats object."""


class ConcordanceError(TradeStatsError, LookupError, ValueError):
    """An HS code or pair of HS versions a concordance does not cover, or a split without weights.

    ``details`` names the ``code``, the ``source`` and ``target`` versions and,
    for a split, its ``targets``.
    """


class HSVersionMismatchError(FlowMismatchError):
    """Rows whose HS codes are of different nomenclature versions, compared without conversion."""


class DataMatchError(InvalidValueError):
    """Official data that do not hold what a report's ``[data]`` match names.

    A column the match names is missing, two rows hold one flow and period, or a
    value is in another currency than the report's. ``details`` names the
    ``flow``, and the ``column`` or ``period`` where it applies.
    """


class UnknownGroupError(TradeStatsError, LookupError, ValueError):
    """A partner group, or a member of one, that the shipped group table does not know.

    ``details`` names the ``group`` (and the ``member``, when it is one).
    """
