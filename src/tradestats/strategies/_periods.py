"""Strategies for periods (private; see :mod:`tradestats.strategies`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tradestats.periods import Period, PeriodKind
from tradestats.strategies._common import _YEAR_TO_DATE_ENDS, _choices

if TYPE_CHECKING:
    from collections.abc import Iterable


def periods(
    kinds: PeriodKind | Iterable[PeriodKind] | None = None,
    *,
    min_year: int = 1950,
    max_year: int = 2100,
) -> st.SearchStrategy[Period]:
    """Periods of the given kinds, starting and ending within the given years.

    Args:
        kinds: One :class:`~tradestats.PeriodKind`, several, or ``None`` for all
            (months, quarters, halves, years, year-to-date and other spans, the
            last of up to 36 months). Every period drawn has one of these kinds.
        min_year: The earliest year, at least 1.
        max_year: The latest year, at most 9999.

    Returns:
        A strategy for :class:`~tradestats.Period` values.

    Raises:
        InvalidArgument: For an unknown kind or years out of order or range.
    """
    chosen = _choices(kinds, PeriodKind, "kinds")
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(
            f"expected 1 <= min_year <= max_year <= 9999, got {min_year} and {max_year}"
        )
    years = st.integers(min_year, max_year)
    by_kind: dict[PeriodKind, st.SearchStrategy[Period]] = {
        PeriodKind.MONTH: st.builds(Period.month, years, st.integers(1, 12)),
        PeriodKind.QUARTER: st.builds(Period.quarter, years, st.integers(1, 4)),
        PeriodKind.HALF: st.builds(Period.half, years, st.integers(1, 2)),
        PeriodKind.YEAR: st.builds(Period.year, years),
        PeriodKind.YEAR_TO_DATE: st.builds(
            Period.year_to_date, years, st.sampled_from(_YEAR_TO_DATE_ENDS)
        ),
        PeriodKind.SPAN: _spans(min_year, max_year),
    }
    return st.one_of([by_kind[kind] for kind in chosen])


def _spans(min_year: int, max_year: int) -> st.SearchStrategy[Period]:
    """Runs of 2 to 36 months that are no quarter, half, year or year-to-date."""
    # Months counted from January of year 0, as Period.start_index counts them.
    first_months = st.integers(min_year * 12, max_year * 12 + 10)
    return (
        first_months.flatmap(
            lambda first: st.tuples(
                st.just(first), st.integers(first + 1, min(first + 35, max_year * 12 + 11))
            )
        )
        .map(lambda run: Period(run[0] // 12, run[0] % 12 + 1, run[1] // 12, run[1] % 12 + 1))
        .filter(lambda period: period.kind is PeriodKind.SPAN)
    )


def year_on_year_periods(
    kinds: PeriodKind | Iterable[PeriodKind] | None = None,
    *,
    min_year: int = 1950,
    max_year: int = 2100,
) -> st.SearchStrategy[tuple[Period, Period]]:
    """Pairs ``(current, previous)``: a period and the same months one year earlier.

    Args:
        kinds: The kinds of period, as for :func:`periods`.
        min_year: The earliest year of the earlier period.
        max_year: The latest year of the later period.

    Returns:
        A strategy for pairs with ``current.is_year_after(previous)``.

    Raises:
        InvalidArgument: As :func:`periods` does, or for a single year.
    """
    if min_year >= max_year:
        raise InvalidArgument(f"need two years at least, got {min_year} to {max_year}")
    return periods(kinds, min_year=min_year + 1, max_year=max_year).map(
        lambda current: (current, current.previous_year())
    )
