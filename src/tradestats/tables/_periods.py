"""Period columns: each distinct value parsed once into month indices."""

from __future__ import annotations

import numbers

from tradestats._text import quote
from tradestats.errors import ParseError
from tradestats.periods import Period

__all__ = ["parse_period"]


def parse_period(value: object, column: str) -> Period:
    """The period a cell of a period column stands for: period text or an integer year.

    Args:
        value: The cell: text such as ``"2023-07"`` or ``"2023-01/2023-07"``, or a
            year such as ``2023`` (a whole float such as ``2023.0`` is read as a year too).
        column: The column's name, for the message.

    Raises:
        ParseError: If the value is neither.

    >>> parse_period("2023-Q2", "period"), parse_period(2023, "year")
    (Period('2023-Q2'), Period('2023'))
    """
    if isinstance(value, str):
        try:
            return Period.parse(value)
        except ParseError as error:
            raise ParseError(
                f"column {quote(column)} holds {quote(value)}, which is not a period: {error}",
                value=value,
                column=column,
            ) from None
    whole = isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer())
    if whole and not isinstance(value, bool):
        return Period.year(int(value))  # type: ignore[call-overload]
    raise ParseError(
        f"column {quote(column)} holds {quote(value)}: expected period text such as '2023' or "
        "'2023-01/2023-07', or an integer year",
        value=value,
        column=column,
    )
