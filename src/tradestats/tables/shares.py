"""Shares within groups, and their change in percentage points, on frames.

>>> import polars as pl
>>> import tradestats.tables as tt
>>> trade = pl.DataFrame({"reporter": ["Xinjiang"] * 2, "flow": ["total"] * 2,
...                       "partner": ["Belt and Road", "others"], "period": ["2023"] * 2,
...                       "value": [169.0, 14.0]})
>>> tt.share(trade)["share"].round(3).to_list()
[0.923, 0.077]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeVar, cast

import numpy as np

from tradestats import _rules
from tradestats.periods import Lag, Versus, as_versus
from tradestats.tables import _fused
from tradestats.tables._blocks import blockwise, compiled
from tradestats.tables._frames import MONTHS, PREVIOUS, START, TOTAL, VALUE
from tradestats.tables._jobs import prepare
from tradestats.tables.columns import DEFAULT_GROUP, DEFAULT_KEYS
from tradestats.tables.growth import null_reason

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tradestats.tables._contract import JobT
    from tradestats.tables.columns import ColumnUnits, ExchangeRates

__all__ = ["share", "share_change"]

T = TypeVar("T")  # the kind of frame: each function returns the kind it was given

_SHARE_RESULTS: Final = ("total", "share", "share_reason")


@compiled(_fused.shares)
@blockwise
def _shares(job: JobT, by: Sequence[str], period: str | None) -> list[str]:
    """Add ``total``, ``share`` and ``share_reason`` within ``by`` (and the period)."""
    groups = [*by, START, MONTHS] if period is not None else list(by)
    job.check_one_currency(groups, what="shares")
    job.totals(groups)
    part, total = job.col(VALUE), job.col(TOTAL)
    with np.errstate(all="ignore"):  # eager arrays: undefined shares are masked
        reason = job.reasons(
            null_reason(job, part, "value"),
            null_reason(job, total, "total"),
            (part < 0, _rules.NEGATIVE_VALUE.reason),
            (total < 0, _rules.NEGATIVE_TOTAL.reason),
            (part > total, _rules.PART_ABOVE_TOTAL.reason),
            (total == 0, _rules.ZERO_TOTAL.reason),
        )
        job.add(
            {
                "total": job.keep(total, job.finite(total)),
                "share": job.keep(part / total, job.ok(reason), fresh=True),
                "share_reason": reason,
            }
        )
    return list(_SHARE_RESULTS)


def share(
    frame: T,
    *,
    by: Sequence[str] = DEFAULT_GROUP,
    period: str | None = "period",
    value: str = "value",
    units: ColumnUnits | None = None,
    fx: ExchangeRates | None = None,
) -> T:
    """Each row's share of its group's total in the same period.

    Adds ``total`` (the group's sum, in the value's unit; null if a value of the
    group is null, NaN or infinite), ``share`` (a fraction in [0, 1]: 0.923 is
    92.3%), ``share_reason`` (null when ``share`` is set, else ``"null value"``,
    ``"null total"``, ``"negative value"``, ``"negative total"``, ``"part exceeds
    total"`` or ``"zero total"``, as :func:`tradestats.share` refuses them) and,
    when units are known, ``unit``. Rows are parts: each should appear once.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame.
        by: The columns of the group (without the period): by default each
            reporter's flow, so the shares are of partners and products.
        period: The period column (period text or integer years), added to the
            groups; None for a frame of one period without a period column.
        value: The numeric value column.
        units: The values' currency and scale; by default a ``currency`` column
            if there is one, else bare numbers.
        fx: Exchange rates that convert every row into one currency first.

    Returns:
        The same kind of frame, with the columns above added.

    Raises:
        InvalidValueError: For a missing column, a null group key or period, or a
            value column that is not numeric.
        UnitMismatchError: If a group has rows in two currencies and no ``fx`` was
            given, or a rate is missing from ``fx``.
        UnknownUnitError: For an unknown currency code.

    >>> import pandas as pd
    >>> import tradestats.tables as tt
    >>> trade = pd.DataFrame({"reporter": ["A", "A", "B"], "value": [30.0, 10.0, 0.0]})
    >>> tt.share(trade, by=["reporter"], period=None)
      reporter  value  total  share share_reason
    0        A   30.0   40.0   0.75          NaN
    1        A   10.0   40.0   0.25          NaN
    2        B    0.0    0.0    NaN   zero total
    """
    job = prepare(frame, keys=by, period=period, value=value, units=units, fx=fx)
    return cast("T", job.apply(_shares, by, period))


def share_change(
    frame: T,
    *,
    keys: Sequence[str] = DEFAULT_KEYS,
    by: Sequence[str] = DEFAULT_GROUP,
    period: str = "period",
    value: str = "value",
    units: ColumnUnits | None = None,
    fx: ExchangeRates | None = None,
    versus: Versus | str | int = Lag.YEAR_EARLIER,
) -> T:
    """How many percentage points each row's share of its group moved in a year, or since a base.

    Computes the shares as :func:`share` does, then compares each row's share
    with the share of the row of the same keys one year earlier. Adds ``total``,
    ``share``, ``share_reason`` (see :func:`share`), ``previous_share`` (a
    fraction), ``share_change_pp`` (percentage points: 1.2 is +1.2 pp),
    ``share_change_reason`` (null when set, else the share's reason, ``"no row
    for 2022"`` or ``"no previous share"``) and, when units are known, ``unit``.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame.
        keys: The columns that identify one series; each (keys, period) once.
        by: The columns of the share's group (without the period).
        period: The period column (period text or integer years).
        value: The numeric value column.
        units: The values' currency and scale (see :func:`share`).
        fx: Exchange rates into one currency (see :func:`share`).
        versus: The base period (see :func:`~tradestats.tables.growth.yoy_growth`): the
            share is compared with the share in that base.

    Returns:
        The same kind of frame, with the columns above added.

    Raises:
        DuplicateKeyError: If two rows have the same keys and period.
        InvalidValueError: For a missing column, a null key or period, or a value
            column that is not numeric.
        UnitMismatchError: If a group has rows in two currencies and no ``fx`` was
            given, or a rate is missing from ``fx``.

    >>> import polars as pl
    >>> import tradestats.tables as tt
    >>> trade = pl.DataFrame({"reporter": ["A"] * 4, "partner": ["X", "Y", "X", "Y"],
    ...                       "period": [2022, 2022, 2023, 2023],
    ...                       "value": [60.0, 40.0, 90.0, 10.0]})
    >>> result = tt.share_change(trade, keys=["reporter", "partner"], by=["reporter"])
    >>> result.filter(pl.col("period") == 2023)["share_change_pp"].round(6).to_list()
    [30.0, -30.0]
    """
    base = as_versus(versus)
    job = prepare(frame, keys=[*keys, *by], period=period, value=value, units=units, fx=fx)
    return cast("T", job.apply(_share_change, keys, by, period, base))


def _share_change(
    job: JobT, keys: Sequence[str], by: Sequence[str], period: str, versus: Versus
) -> list[str]:
    """The formula of :func:`share_change`: its result columns, added to ``job``."""
    job.check_one_currency(keys, what="changes of share")
    share_columns: list[str] = _shares(job, by, period)
    job.align(keys, source="share", versus=versus)
    now, before = job.col("share"), job.col(PREVIOUS)
    with np.errstate(all="ignore"):
        reason = job.reasons(
            (~job.ok(job.reason("share_reason")), job.reason("share_reason")),
            (~job.found(), job.missing(versus)),
            (~job.finite(before), "no previous share"),
        )
        job.add(
            {
                "previous_share": job.keep(before, job.finite(before)),
                "share_change_pp": job.keep((now - before) * 100, job.ok(reason), fresh=True),
                "share_change_reason": reason,
            }
        )
    return [*share_columns, "previous_share", "share_change_pp", "share_change_reason"]
