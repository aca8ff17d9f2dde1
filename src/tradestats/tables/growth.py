"""Year-on-year growth, implied previous values and contributions to growth, on frames.

Each row is compared with the row of the same keys whose period covers the same
months one year earlier, found by calendar and never by position; a row without
one, or whose base is zero or negative, or whose value changed sign, gets a null
and a reason.

>>> import polars as pl
>>> import tradestats.tables as tt
>>> trade = pl.DataFrame({
...     "reporter": ["Xinjiang"] * 2, "partner": ["World"] * 2, "flow": ["total"] * 2,
...     "product": ["TOTAL"] * 2, "period": ["2022-01/2022-07", "2023-01/2023-07"],
...     "value": [114.9, 183.0],
... })
>>> result = tt.yoy_growth(trade, units=tt.ColumnUnits(currency="CNY", scale="billion"))
>>> result.select("period", "previous", "growth", "growth_reason", "unit").rows()
[('2022-01/2022-07', None, None, 'no row for 2021-01/2021-07', 'billion CNY'),
 ('2023-01/2023-07', 114.9, 0.5926892950391645, None, 'billion CNY')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

import narwhals as nw
import numpy as np

from tradestats import _rules
from tradestats._text import quote
from tradestats.errors import InvalidValueError
from tradestats.periods import Lag, Versus, as_versus
from tradestats.tables import _fused
from tradestats.tables._blocks import blockwise, compiled
from tradestats.tables._contract import JobT, Mask, TableJob
from tradestats.tables._frames import OUT_OF_RANGE, PREVIOUS, TOTAL, VALUE
from tradestats.tables._jobs import prepare
from tradestats.tables._membership import MEMBERSHIP, flag_changed
from tradestats.tables._native import open_frame
from tradestats.tables.columns import DEFAULT_GROUP, DEFAULT_KEYS
from tradestats.tables.hs import convert_hs, require_one_hs_version

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tradestats.tables.columns import ColumnUnits, ExchangeRates

__all__ = ["contribution", "implied_previous", "yoy_growth"]

T = TypeVar("T")  # the kind of frame: each function returns the kind it was given
NumbersT = TypeVar("NumbersT")
# Constrained, so that mypy knows what ~ gives on each engine's conditions.
MaskT = TypeVar("MaskT", Mask, nw.Expr)
ReasonsT = TypeVar("ReasonsT")


def null_reason(
    job: TableJob[NumbersT, MaskT, ReasonsT], values: NumbersT, what: str
) -> tuple[MaskT, str]:
    """The case of a null, NaN or infinite value (``what``: its name) for ``job.reasons``."""
    return ~job.finite(values), f"null {what}"


def yoy_growth(
    frame: T,
    *,
    keys: Sequence[str] = DEFAULT_KEYS,
    period: str = "period",
    value: str = "value",
    units: ColumnUnits | None = None,
    fx: ExchangeRates | None = None,
    allow_negative_base: bool = False,
    versus: Versus | str | int = Lag.YEAR_EARLIER,
    hs_version: str | None = None,
    hs_weights: object = None,
    partner: str = "partner",
) -> T:
    """Year-on-year growth of every row over the same months one year earlier, or another base.

    Adds the columns ``previous`` (the year-earlier value, in the value's unit,
    null without one), ``growth`` (a fraction: 0.593 is +59.3%), ``growth_reason``
    (null when ``growth`` is set, else why not: ``"no row for 2022"``, ``"zero
    base"``, ``"negative base"``, ``"sign changed"`` — a balance that turned
    from surplus to deficit or back has no growth rate —, ``"null value"``,
    ``"null previous value"``, ``"out of range"``) and, when units are known,
    ``unit``. Null, NaN and
    infinite values count as null. Eager frames keep their row order (and pandas
    its index) and hold reasons and units as categoricals; lazy ones come back in
    the engine's order, with text columns.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame.
        keys: The columns that identify one series; each (keys, period) once.
        period: The period column: period text (``"2023"``, ``"2023-07"``,
            ``"2023-Q2"``, ``"2023-01/2023-07"``) or integer years.
        value: The numeric value column.
        units: The values' currency and scale; by default a ``currency`` column
            if there is one, else bare numbers.
        fx: Exchange rates that convert every row into one currency first (the
            value and currency columns of the result are then converted too).
        allow_negative_base: Over a negative base, divide by its size (as
            :func:`tradestats.changes` does) instead of giving a null.
        versus: The base each row is compared with: :attr:`~tradestats.Lag.YEAR_EARLIER`
            (the default), :attr:`~tradestats.Lag.PREVIOUS` (the period of the
            same length just before: month-on-month for months, quarter-on-quarter
            for quarters), or an explicit earlier period of the same length
            (``"2019"``, a :class:`~tradestats.Period`); text as
            :func:`~tradestats.as_versus` reads it. Rows are aligned by calendar;
            a row whose base row is missing gets ``"no row for 2023-06"``, and one
            that an explicit base does not fit ``"no base: …"``.
        hs_version: Convert the product codes to this HS version first, with
            :func:`~tradestats.tables.hs.convert_hs` (and ``hs_weights`` for split
            codes). Without it, codes of two versions (``"HS2017:854140"``,
            ``"HS2022:854141"``) are refused: they name different goods.
        hs_weights: The ``weights`` of :func:`~tradestats.tables.hs.convert_hs`.
        partner: The partner column. Rows of a partner group summed by
            :func:`~tradestats.tables.aggregate` (a frame with its ``membership``
            column) whose group had other members in the base period, under
            ``"as of each period"``, get a null growth with the reason
            ``"membership changed: the United Kingdom left the EU on 2020-02-01"``:
            two sets of members are never compared silently.

    Returns:
        The same kind of frame, with the columns above added.

    Raises:
        DuplicateKeyError: If two rows have the same keys and period.
        InvalidValueError: For a missing column, a null key or period, or a value
            column that is not numeric.
        UnitMismatchError: If one series has rows in two currencies and no ``fx``
            was given, or a rate is missing from ``fx``.
        UnknownUnitError: For an unknown currency code.
        ParseError: For a period that cannot be read.
        HSVersionMismatchError: For product codes of two HS versions and no
            ``hs_version``.
        ConcordanceError: For a code ``hs_version`` cannot convert.

    >>> import pandas as pd
    >>> import tradestats.tables as tt
    >>> exports = pd.DataFrame({"reporter": ["CHN"] * 3, "period": [2021, 2022, 2023],
    ...                         "value": [0.0, 50.0, 80.0]})
    >>> tt.yoy_growth(exports, keys=["reporter"])[["period", "growth", "growth_reason"]]
       period  growth growth_reason
    0    2021     NaN   no row for 2020
    1    2022     NaN       zero base
    2    2023     0.6            NaN

    Month-on-month, and against a fixed year:

    >>> months = pd.DataFrame({"reporter": ["CHN"] * 3, "period": ["2023-05", "2023-06", "2023-08"],
    ...                        "value": [50.0, 55.0, 66.0]})
    >>> tt.yoy_growth(months, keys=["reporter"], versus="previous")[["period", "growth_reason"]]
        period    growth_reason
    0  2023-05  no row for 2023-04
    1  2023-06              NaN
    2  2023-08  no row for 2023-07
    >>> tt.yoy_growth(exports, keys=["reporter"], versus="2022")["growth"].tolist()
    [nan, nan, 0.6]
    """
    base = as_versus(versus)
    if hs_version is not None:
        frame = convert_hs(frame, to=hs_version, weights=hs_weights)
    elif "product" in keys:
        require_one_hs_version(frame, product="product", action="year-on-year growth")
    job = prepare(frame, keys=keys, period=period, value=value, units=units, fx=fx)
    grown = job.apply(_growth, keys, allow_negative_base=allow_negative_base, versus=base)
    source = open_frame(frame)
    if MEMBERSHIP not in source.collect_schema().names():
        return cast("T", grown)
    flagged = flag_changed(open_frame(grown), source, partner=partner, period=period, base=base)
    return cast("T", flagged.to_native())


@compiled(_fused.growth)
@blockwise
def _growth(
    job: JobT, keys: Sequence[str], *, allow_negative_base: bool, versus: Versus
) -> list[str]:
    """The formula of :func:`yoy_growth`: its result columns, added to ``job``."""
    job.check_one_currency(keys, what="year-on-year growth")
    job.align(keys, versus=versus)
    current, previous = job.col(VALUE), job.col(PREVIOUS)
    negative = [] if allow_negative_base else [(previous < 0, _rules.NEGATIVE_BASE.reason)]
    # Growth of a balance that changed sign is undefined, never a number such as -110%.
    sign_changed = ((current < 0) & (previous > 0)) | ((current > 0) & (previous < 0))
    with np.errstate(all="ignore"):  # eager arrays: undefined rates are masked below
        base = job.magnitude(previous) if allow_negative_base else previous
        rate = current - previous
        rate /= base
        reason = job.reasons(
            null_reason(job, current, "value"),
            (~job.found(), job.missing(versus)),
            null_reason(job, previous, "previous value"),
            (previous == 0, _rules.ZERO_BASE.reason),
            *negative,
            (sign_changed, _rules.SIGN_CHANGED.reason),
            (~job.finite(rate), OUT_OF_RANGE),
        )
        job.add(
            {
                "previous": job.keep(previous, job.finite(previous)),
                "growth": job.keep(rate, job.ok(reason), fresh=True),
                "growth_reason": reason,
            }
        )
    return ["previous", "growth", "growth_reason"]


def implied_previous(
    frame: T,
    *,
    growth: str = "growth",
    value: str = "value",
    units: ColumnUnits | None = None,
) -> T:
    """The earlier value each row's growth implies: value ÷ (1 + growth).

    Adds ``previous`` (in the value's unit), ``previous_reason`` (null when
    ``previous`` is set, else ``"null value"``, ``"null growth"``, ``"fall of
    100%"`` — every earlier value gives zero — ``"fall of more than 100%"`` or
    ``"out of range"``) and, when units are known, ``unit``.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame.
        growth: The growth column, as a fraction (0.593 for +59.3%).
        value: The numeric value column (the later value).
        units: The values' currency and scale (see :func:`yoy_growth`).

    Returns:
        The same kind of frame, with the columns above added.

    Raises:
        InvalidValueError: For a missing or non-numeric column.
        UnknownUnitError: For an unknown currency code.

    >>> import polars as pl
    >>> import tradestats.tables as tt
    >>> news = pl.DataFrame({"value": [183.0, 5.0], "growth": [0.593, -1.0]})
    >>> tt.implied_previous(news).rows()
    [(183.0, 0.593, 114.87758945386064, None), (5.0, -1.0, None, 'fall of 100%')]
    """
    job = prepare(frame, keys=(), period=None, value=value, units=units, fx=None, extra=[growth])
    return cast("T", job.apply(_implied_previous, growth))


@blockwise
def _implied_previous(job: JobT, growth: str) -> list[str]:
    """The formula of :func:`implied_previous`: its result columns, added to ``job``."""
    kind = job.dtype(growth)
    if not kind.is_numeric():
        raise InvalidValueError(
            f"the growth column {quote(growth)} must be numeric (a fraction), got {kind}",
            column=growth,
        )
    current, rate = job.col(VALUE), job.number(growth)
    with np.errstate(all="ignore"):
        earlier = current / (rate + 1)
        reason = job.reasons(
            null_reason(job, current, "value"),
            null_reason(job, rate, "growth"),
            (rate == -1, _rules.FALL_OF_100.reason),
            (rate < -1, _rules.FALL_BEYOND_100.reason),
            (~job.finite(earlier), OUT_OF_RANGE),
        )
        job.add(
            {"previous": job.keep(earlier, job.ok(reason), fresh=True), "previous_reason": reason}
        )
    return ["previous", "previous_reason"]


def contribution(
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
    """How many percentage points each row added to its group total's year-on-year growth.

    A row's contribution is (value − previous) ÷ the group's total one year
    earlier, in percentage points; over rows present in both years they add up to
    the total's growth in percent. Adds ``previous``, ``previous_total`` (both in
    the value's unit), ``contribution_pp`` (percentage points: 10.0 is +10 pp),
    ``contribution_reason`` (null when set, else ``"no row for 2022"``, ``"null
    value"``, ``"null previous value"``, ``"null previous total"`` — a value
    of the earlier group is null —, ``"zero previous total"`` or ``"out of
    range"``) and, when units are known, ``unit``.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame.
        keys: The columns that identify one series; each (keys, period) once.
        by: The columns of the group whose total grows, a subset of ``keys``
            (the period is added to it).
        period: The period column (see :func:`yoy_growth`).
        value: The numeric value column.
        units: The values' currency and scale (see :func:`yoy_growth`).
        fx: Exchange rates into one currency (see :func:`yoy_growth`).
        versus: The base period (see :func:`yoy_growth`): the contribution is
            then to the total's growth over that base.

    Returns:
        The same kind of frame, with the columns above added.

    Raises:
        DuplicateKeyError: If two rows have the same keys and period.
        InvalidValueError: For a missing column, ``by`` not within ``keys``, a
            null key or period, or a value column that is not numeric.
        UnitMismatchError: If a group has rows in two currencies and no ``fx`` was
            given, or a rate is missing from ``fx``.

    >>> import polars as pl
    >>> import tradestats.tables as tt
    >>> trade = pl.DataFrame({"reporter": ["A"] * 4, "partner": ["X", "Y", "X", "Y"],
    ...                       "period": [2022, 2022, 2023, 2023],
    ...                       "value": [60.0, 40.0, 80.0, 30.0]})
    >>> result = tt.contribution(trade, keys=["reporter", "partner"], by=["reporter"])
    >>> result.filter(pl.col("period") == 2023)["contribution_pp"].to_list()
    [20.0, -10.0]
    """
    outside = [name for name in by if name not in keys]
    if outside or period in by:
        raise InvalidValueError(
            f"the group columns {list(by)} must be among the keys {list(keys)} and leave out "
            f"the period column {quote(period)}",
            by=list(by),
            keys=list(keys),
        )
    base = as_versus(versus)
    job = prepare(frame, keys=keys, period=period, value=value, units=units, fx=fx)
    return cast("T", job.apply(_contribution, keys, by, base))


@blockwise
def _contribution(job: JobT, keys: Sequence[str], by: Sequence[str], versus: Versus) -> list[str]:
    """The formula of :func:`contribution`: its result columns, added to ``job``."""
    job.check_one_currency(by, what="contributions to growth")
    job.align(keys, keep_rows=True, versus=versus)
    job.totals(by, earlier=True, versus=versus)
    current, previous, total = job.col(VALUE), job.col(PREVIOUS), job.col(TOTAL)
    with np.errstate(all="ignore"):
        points = current - previous
        points /= total
        points *= 100
        reason = job.reasons(
            null_reason(job, current, "value"),
            (~job.found(), job.missing(versus)),
            null_reason(job, previous, "previous value"),
            null_reason(job, total, "previous total"),
            (total == 0, _rules.ZERO_PREVIOUS_TOTAL.reason),
            (~job.finite(points), OUT_OF_RANGE),
        )
        job.add(
            {
                "previous": job.keep(previous, job.finite(previous)),
                "previous_total": job.keep(total, job.finite(total)),
                "contribution_pp": job.keep(points, job.ok(reason), fresh=True),
                "contribution_reason": reason,
            }
        )
    return ["previous", "previous_total", "contribution_pp", "contribution_reason"]
