"""Bases of the table functions other than a year earlier: the period before, or a fixed one.

Each row is compared with the row of the same keys and the same number of
months that starts at its *base*: twelve months earlier (the default, found by
the linear-time kernel of :mod:`tradestats.tables._kernel`), the period just
before (``start − months``), or an explicit earlier period of the same length.
A row that has no base (an explicit period of another length, or not earlier)
gets :data:`NO_BASE`, and so no earlier row and a reason that says why.

>>> import numpy as np
>>> from tradestats.periods import Lag, Period
>>> start = np.array([2023 * 12 + 5, 2023 * 12 + 6, 2019 * 12 + 6])
>>> months = np.array([1, 1, 1])
>>> base_starts(start, months, Lag.PREVIOUS).tolist() == (start - 1).tolist()
True
>>> base_rows([np.array([1, 1, 1])], start, months, base_starts(start, months, Lag.PREVIOUS))
array([-1,  0, -1])
>>> base_rows([np.array([1, 1, 1])], start, months,
...           base_starts(start, months, Period.month(2019, 7))).tolist()
[2, 2, -1]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import narwhals as nw
import numpy as np

from tradestats.errors import InvalidValueError, PeriodMismatchError
from tradestats.periods import Lag, Period, Versus
from tradestats.tables import _kernel

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy.typing as npt

    from tradestats.tables._kernel import IntArray

__all__ = ["NO_BASE", "base_expr", "base_rows", "base_starts", "missing_text"]

#: The base start of a row that has none; no period starts there (month indices are ≥ 0).
NO_BASE: Final = -1


def missing_text(period: Period, versus: Versus) -> str:
    """The reason of a row of ``period`` without its base row: "no row for 2022" and the like.

    >>> missing_text(Period.month(2023, 7), Lag.PREVIOUS)
    'no row for 2023-06'
    >>> missing_text(Period.year(2019), Period.year(2019))
    'no base: 2019 is not an earlier period as long as 2019'
    """
    try:
        base = period.base(versus)
    except PeriodMismatchError:
        return f"no base: {versus} is not an earlier period as long as {period}"
    return f"no row for {base}"


def base_starts(
    start: npt.NDArray[np.integer[Any]], months: npt.NDArray[np.integer[Any]], versus: Versus
) -> IntArray:
    """Each row's base: the first month of the period it is compared with, or :data:`NO_BASE`."""
    first: IntArray = np.asarray(start, dtype=np.int64)
    if versus is Lag.YEAR_EARLIER:
        return first - 12
    if versus is Lag.PREVIOUS:
        length: IntArray = np.asarray(months, dtype=np.int64)
        return first - length
    fits = (months == versus.months) & (start > versus.end_index)
    return np.where(fits, np.int64(versus.start_index), np.int64(NO_BASE))


def base_expr(start: str, months: str, versus: Versus) -> nw.Expr:
    """:func:`base_starts` as a narwhals expression over the start and months columns."""
    if versus is Lag.YEAR_EARLIER:
        return nw.col(start) - 12
    if versus is Lag.PREVIOUS:
        return nw.col(start) - nw.col(months)
    fits = (nw.col(months) == versus.months) & (nw.col(start) > versus.end_index)
    return (
        nw.when(fits)
        .then(nw.lit(versus.start_index, nw.Int64))
        .otherwise(nw.lit(NO_BASE, nw.Int64))
    )


def base_rows(
    keys: Sequence[npt.NDArray[Any]],
    start: npt.NDArray[np.integer[Any]],
    months: npt.NDArray[np.integer[Any]],
    base: IntArray,
) -> IntArray:
    """Each row's base row: equal keys and months, starting at ``base``; -1 where there is none.

    A sort of one composite code per row (keys, months, start), then a binary
    search for each row's (keys, months, base): O(n log n), vectorized.

    Raises:
        InvalidValueError: When two rows have equal keys and period (``details``
            holds ``row`` and ``other_row``, ``row`` the smaller), as
            :func:`~tradestats.tables._kernel.previous_rows` does.
    """
    n = len(start)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    group, _ = _kernel.group_codes([*keys, months])
    start = start.astype(np.int64, copy=False)
    low, high = int(start.min()), int(start.max())
    span = high - low + 1
    code = group * span + (start - low)
    order = np.argsort(code, kind="stable")
    ordered = code[order]
    same = np.flatnonzero(ordered[1:] == ordered[:-1])
    if same.size:
        row, other = sorted((int(order[same[0]]), int(order[same[0] + 1])))
        raise InvalidValueError(
            f"rows {row} and {other} have the same keys and period; "
            "each key may have one row per period",
            row=row,
            other_row=other,
        )
    inside = (base >= low) & (base <= high)
    wanted = group * span + (np.clip(base, low, high) - low)
    position = np.searchsorted(ordered, wanted)
    position[position == n] = 0
    hit = inside & (ordered[position] == wanted)
    found = np.full(n, -1, dtype=np.int64)
    found[hit] = order[position[hit]]
    return found
