"""Strategies for intervals and reported (rounded) figures (private)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tradestats.amounts import Amount
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.strategies._amounts import MAX_MAGNITUDE, decimals, money_amounts
from tradestats.strategies._common import _check_places
from tradestats.strategies._measures import growths, multipliers, percentage_points, shares
from tradestats.verify._kinds import T as FigureT  # noqa: TC001 - autodoc shows it as T
from tradestats.verify.figures import Reported
from tradestats.verify.intervals import Interval

if TYPE_CHECKING:
    from collections.abc import Iterable

    from tradestats._numbers import Number


def intervals(
    min_value: Number = -MAX_MAGNITUDE,
    max_value: Number = MAX_MAGNITUDE,
    *,
    places: int = 4,
) -> st.SearchStrategy[Interval]:
    """Closed intervals with ends between two bounds, some of them exact (zero width).

    Args:
        min_value: The smallest low end, inclusive.
        max_value: The largest high end, inclusive.
        places: The most decimals of an end, as for :func:`decimals`.

    Returns:
        A strategy for :class:`~tradestats.Interval` values.

    Raises:
        InvalidArgument: As :func:`decimals` does.
    """
    ends = decimals(min_value, max_value, places=places)
    return st.one_of(
        ends.map(Interval.exact),
        st.tuples(ends, ends).map(lambda pair: Interval(min(pair), max(pair))),
    )


def reports_of(
    value: FigureT, *, max_places: int = 3, allow_exact: bool = True
) -> st.SearchStrategy[Reported[FigureT]]:
    """How ``value``, the true figure, may be published: rounded, with the precision that implies.

    Each report is :meth:`Reported.from_rounding <tradestats.Reported.from_rounding>`
    of ``value`` to 0 to ``max_places`` decimals (amounts in their automatic scale
    word or in 亿, growth rates and shares in percent), so the true value always
    lies in the report's interval, sometimes at one of its ends. With
    ``allow_exact``, some reports are the exact value with precision zero.

    Args:
        value: The true amount or measure.
        max_places: The most decimals a report keeps, 0 to 12.
        allow_exact: Draw exact reports too.

    Returns:
        A strategy for :class:`~tradestats.Reported` figures of ``value``.

    Raises:
        InvalidArgument: For ``max_places`` out of range, or a value that is no
            amount or measure.

    >>> from hypothesis import find
    >>> import tradestats as ts
    >>> find(reports_of(ts.Growth.from_percent("59.2964")), lambda r: not r.is_exact)
    Reported('+59% (±0.5 pp)')
    """
    _check_places(max_places)
    if not isinstance(value, Amount | Growth | Multiplier | Share | PercentagePoints):
        raise InvalidArgument(f"expected an amount or a measure, got {value!r}")
    # Amounts are also written in 亿, which rounds at other digits; scale means nothing else.
    scales = ("auto", "亿") if isinstance(value, Amount) else ("auto",)
    rounded = st.builds(
        lambda n, scale: Reported.from_rounding(value, n, scale=scale),
        st.integers(0, max_places),
        st.sampled_from(scales),
    )
    if not allow_exact:
        return rounded
    return st.one_of(rounded, st.just(Reported.exact(value)))


def rounded_reports(
    values: st.SearchStrategy[FigureT], *, max_places: int = 3, allow_exact: bool = True
) -> st.SearchStrategy[tuple[FigureT, Reported[FigureT]]]:
    """Pairs ``(true value, report)``: a value from ``values`` and how it may be published.

    For property tests of interval arithmetic: whatever is derived from the
    reports must have bounds that contain the same thing derived from the true
    values.

    Args:
        values: Where the true values come from, such as :func:`money_amounts`.
        max_places: The most decimals a report keeps, as for :func:`reports_of`.
        allow_exact: Draw exact reports too.

    Returns:
        A strategy for pairs whose report always contains the true value.

    Raises:
        InvalidArgument: For ``max_places`` out of range.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(rounded_reports(growths()))
    ... def test_report_holds_the_truth(pair):
    ...     true, report = pair
    ...     assert report.contains(true)
    >>> test_report_holds_the_truth()
    """
    _check_places(max_places)
    return values.flatmap(
        lambda value: st.tuples(
            st.just(value), reports_of(value, max_places=max_places, allow_exact=allow_exact)
        )
    )


def reported_amounts(
    currency: str | Iterable[str] | None = None,
    *,
    max_value: Number = MAX_MAGNITUDE,
    max_places: int = 3,
    allow_negative: bool = False,
    allow_zero: bool = True,
) -> st.SearchStrategy[Reported[Amount]]:
    """Reported amounts of money: :func:`money_amounts` as they may be published.

    Args:
        currency: A currency code, a collection of them, or ``None`` for any.
        max_value: The largest true magnitude.
        max_places: The most decimals a report keeps.
        allow_negative: Draw negative amounts too.
        allow_zero: Draw zero too.

    Returns:
        A strategy for :class:`~tradestats.Reported` amounts.
    """
    values = money_amounts(
        currency, max_value=max_value, allow_negative=allow_negative, allow_zero=allow_zero
    )
    return _reports(values, max_places)


def reported_growths(
    min_percent: Number = Decimal("-99.9"), max_percent: Number = 1000, *, max_places: int = 2
) -> st.SearchStrategy[Reported[Growth]]:
    """Reported growth rates: :func:`growths` as they may be published.

    Args:
        min_percent: The lowest true rate in percent.
        max_percent: The highest true rate in percent.
        max_places: The most decimals (in percent) a report keeps.

    Returns:
        A strategy for :class:`~tradestats.Reported` growth rates.
    """
    return _reports(growths(min_percent, max_percent), max_places)


def reported_multipliers(
    min_value: Number = Decimal("0.001"), max_value: Number = 1000, *, max_places: int = 3
) -> st.SearchStrategy[Reported[Multiplier]]:
    """Reported multipliers: :func:`multipliers` as they may be published.

    Args:
        min_value: The smallest true factor, not negative.
        max_value: The largest true factor.
        max_places: The most decimals a report keeps.

    Returns:
        A strategy for :class:`~tradestats.Reported` multipliers.
    """
    return _reports(multipliers(min_value, max_value), max_places)


def reported_shares(*, max_places: int = 2) -> st.SearchStrategy[Reported[Share]]:
    """Reported shares: :func:`shares` as they may be published, in percent.

    Args:
        max_places: The most decimals (in percent) a report keeps.

    Returns:
        A strategy for :class:`~tradestats.Reported` shares.
    """
    return _reports(shares(), max_places)


def reported_percentage_points(
    min_value: Number = -1000, max_value: Number = 1000, *, max_places: int = 2
) -> st.SearchStrategy[Reported[PercentagePoints]]:
    """Reported differences in percentage points: :func:`percentage_points` as published.

    Args:
        min_value: The smallest true difference, in points.
        max_value: The largest true difference, in points.
        max_places: The most decimals a report keeps.

    Returns:
        A strategy for :class:`~tradestats.Reported` percentage points.
    """
    return _reports(percentage_points(min_value, max_value), max_places)


def _reports(
    values: st.SearchStrategy[FigureT], max_places: int
) -> st.SearchStrategy[Reported[FigureT]]:
    return rounded_reports(values, max_places=max_places).map(lambda pair: pair[1])
