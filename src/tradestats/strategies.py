"""Hypothesis strategies for tradestats values, to test your own code with.

Install the ``strategies`` extra (``pip install "tradestats[strategies]"``), then
draw amounts, periods, measures, trade flows and exchange rates in your tests:

>>> from decimal import Decimal
>>> from hypothesis import given, settings
>>> import tradestats as ts
>>> from tradestats import strategies as tst
>>> @settings(max_examples=25)
... @given(tst.money_amounts(currency="CNY", allow_zero=False), tst.growths())
... def test_implied_values_round_trip(previous, change):
...     current = ts.implied_current(previous, change)
...     back = ts.implied_previous(current, change)
...     assert abs(back.magnitude - previous.magnitude) <= previous.magnitude * Decimal("1e-24")
>>> test_implied_values_round_trip()

Every generated value is valid by construction, and the numbers stay in ranges
where tradestats' 28-digit decimal arithmetic is exact or within a few units in
the last place: magnitudes up to 10¹⁵ with at most 4 decimals (19 significant
digits), growth rates between −99.9% and +1000%, multipliers up to ×1000,
exchange rates between 0.0001 and 10000. So a product of an amount and a rate
is exact, and tests can compare with a tight relative tolerance.

Strategies that take another strategy as an argument accept any
:class:`~hypothesis.strategies.SearchStrategy`; use
:func:`~hypothesis.strategies.just` to fix a value. Bad arguments raise
:class:`hypothesis.errors.InvalidArgument` when the strategy is created.

This module is not imported by ``import tradestats``, so tradestats itself does
not depend on hypothesis.
"""

from __future__ import annotations

import functools
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Final, Literal, TypeAlias, TypeVar, cast

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tradestats._numbers import CONTEXT, Number, to_decimal
from tradestats.amounts import Amount
from tradestats.errors import TradeStatsError
from tradestats.flows import (
    WORLD,
    Flow,
    HSCode,
    Product,
    ProductGroup,
    Status,
    TradeFlow,
    Valuation,
)
from tradestats.fx import ExchangeRate, RateKind
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.periods import Period, PeriodKind
from tradestats.units import CURRENCIES, canonical_unit, is_currency
from tradestats.verify._kinds import T as FigureT  # noqa: TC001 - autodoc shows it as T
from tradestats.verify.figures import Reported
from tradestats.verify.intervals import Interval

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "MAX_MAGNITUDE",
    "PHYSICAL_UNITS",
    "Partition",
    "amounts",
    "currencies",
    "decimals",
    "exchange_rates",
    "growths",
    "hs_codes",
    "intervals",
    "money_amounts",
    "multipliers",
    "names",
    "partitions",
    "percentage_points",
    "periods",
    "physical_units",
    "product_groups",
    "products",
    "reported_amounts",
    "reported_growths",
    "reported_multipliers",
    "reported_percentage_points",
    "reported_shares",
    "reports_of",
    "rounded_reports",
    "shares",
    "trade_flows",
    "units",
    "year_on_year_flow_pairs",
    "year_on_year_partitions",
    "year_on_year_periods",
]

T = TypeVar("T")

#: A total flow and the parts it splits into, as :func:`partitions` draws them.
Partition: TypeAlias = tuple[TradeFlow, tuple[TradeFlow, ...]]

#: The largest magnitude :func:`amounts` draws by default: 10¹⁵, a quadrillion.
MAX_MAGNITUDE: Final = Decimal(10) ** 15

#: The canonical names of the physical units that :func:`physical_units` draws from.
PHYSICAL_UNITS: Final = (
    "gram",
    "kilogram",
    "tonne",
    "pound",
    "carat",
    "item",
    "pair",
    "dozen",
    "metre",
    "square_metre",
    "cubic_metre",
    "litre",
    "barrel",
    "kilowatt_hour",
    "megawatt_hour",
    "gigawatt_hour",
)

# Significant digits an argument combination may need at most, leaving room in
# the 28-digit context for one exact product (an amount times a rate) or sum.
_MAX_DIGITS: Final = 20
_MAX_PLACES: Final = 12
_MAX_PARTS: Final = 50

# Real names first, so that shrunk examples read like trade statistics.
_PLACE_NAMES: Final = (
    "China",
    "Xinjiang",
    "Kazakhstan",
    "Belt and Road countries",
    "European Union",
    "United States",
    "Hong Kong, China",
    "Côte d'Ivoire",
)
_GROUP_NAMES: Final = (
    "electric vehicles",
    "solar cells",
    "lithium-ion batteries",
    "tomato paste",
    "cotton",
    "机电产品",
)
_NAME_CHARACTERS: Final = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'&éü新疆电动汽车太阳能电池"
)
# The currencies of the seed article first, so that examples shrink towards them.
_ALL_CURRENCIES: Final = ("CNY", "USD", *sorted(set(CURRENCIES) - {"CNY", "USD"}))
_YEAR_TO_DATE_ENDS: Final = (2, 4, 5, 7, 8, 9, 10, 11)  # 1, 3, 6, 12 make other kinds
_NON_BALANCE_FLOWS: Final = tuple(flow for flow in Flow if flow is not Flow.BALANCE)


# -- argument checks ---------------------------------------------------------------------


def _decimal_argument(value: Number, name: str) -> Decimal:
    try:
        return to_decimal(value, what=name)
    except TradeStatsError as error:
        raise InvalidArgument(f"{name}={value!r}: {error}") from None


def _check_places(places: int) -> None:
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= _MAX_PLACES:
        raise InvalidArgument(f"places must be an int from 0 to {_MAX_PLACES}, got {places!r}")


def _check_digits(low: Decimal, high: Decimal, places: int) -> None:
    largest = max(abs(low), abs(high))
    digits = max(largest.adjusted() + 1, 1) + places if largest else 1 + places
    if digits > _MAX_DIGITS:
        raise InvalidArgument(
            f"values up to {largest} with {places} decimals need {digits} significant digits; "
            f"keep it to {_MAX_DIGITS} so that 28-digit arithmetic on them stays exact"
        )


def _choices(value: T | Iterable[T] | None, every: Iterable[T], name: str) -> tuple[T, ...]:
    """A fixed value, a collection of values, or ``None`` for ``every`` one, as a tuple."""
    everything = tuple(every)
    if value is None:
        return everything
    if value in everything:
        return (value,)
    try:
        chosen = tuple(cast("Iterable[T]", value))
    except TypeError:
        chosen = ()
    if not chosen or any(item not in everything for item in chosen):
        raise InvalidArgument(f"{name}={value!r}: expected one or more of {everything!r}")
    return chosen


def _unit_choices(value: str | Iterable[str] | None, *, money: bool) -> tuple[str, ...] | None:
    if value is None:
        return None
    given = (value,) if isinstance(value, str) else tuple(value)
    try:
        chosen = tuple(dict.fromkeys(canonical_unit(unit) for unit in given))
    except TradeStatsError as error:
        raise InvalidArgument(str(error)) from None
    if not chosen:
        raise InvalidArgument("expected at least one unit, got none")
    if money and not all(is_currency(unit) for unit in chosen):
        raise InvalidArgument(f"expected ISO 4217 currency codes, got {value!r}")
    return chosen


# -- numbers and units -------------------------------------------------------------------


def decimals(
    min_value: Number = -MAX_MAGNITUDE,
    max_value: Number = MAX_MAGNITUDE,
    *,
    places: int = 4,
) -> st.SearchStrategy[Decimal]:
    """Finite decimals between two bounds, with at most ``places`` decimal digits.

    Unlike :func:`hypothesis.strategies.decimals`, the number of decimals varies
    from 0 to ``places`` (so ``Decimal("2")``, ``Decimal("2.5")`` and
    ``Decimal("2.50")`` all occur) and examples shrink towards short numbers
    near zero. NaN and infinities never occur.

    Args:
        min_value: The smallest value, inclusive.
        max_value: The largest value, inclusive.
        places: The most digits after the decimal point, 0 to 12.

    Returns:
        A strategy for :class:`~decimal.Decimal` values.

    Raises:
        InvalidArgument: For bounds in the wrong order, no value with ``places``
            decimals between them, or more than 20 significant digits in all.
    """
    low = _decimal_argument(min_value, "min_value")
    high = _decimal_argument(max_value, "max_value")
    _check_places(places)
    if low > high:
        raise InvalidArgument(f"min_value={low} is greater than max_value={high}")
    _check_digits(low, high, places)
    finest = _integer_range(low, high, places)
    if finest[0] > finest[1]:
        raise InvalidArgument(f"no number with at most {places} decimals lies in [{low}, {high}]")
    return _decimals(low, high, places)


def _integer_range(low: Decimal, high: Decimal, places: int) -> tuple[int, int]:
    """The integers ``n`` with ``low <= n × 10**-places <= high``."""
    scaled_low, scaled_high = low.scaleb(places), high.scaleb(places)
    ceiling = int(scaled_low.to_integral_value(rounding=ROUND_CEILING, context=CONTEXT))
    floor = int(scaled_high.to_integral_value(rounding=ROUND_FLOOR, context=CONTEXT))
    return ceiling, floor


@st.composite
def _decimals(draw: st.DrawFn, low: Decimal, high: Decimal, places: int) -> Decimal:
    shown = draw(st.integers(0, places))
    first, last = _integer_range(low, high, shown)
    if first > last:  # too coarse for this range: use every decimal allowed
        shown = places
        first, last = _integer_range(low, high, places)
    return Decimal(draw(st.integers(first, last))).scaleb(-shown)


def currencies(codes: Iterable[str] | None = None) -> st.SearchStrategy[str]:
    """ISO 4217 currency codes, such as ``"CNY"``, from all that tradestats knows.

    Args:
        codes: Draw only from these codes (any letter case); all by default.

    Returns:
        A strategy for upper-case three-letter codes.

    Raises:
        InvalidArgument: For an empty collection or an unknown code.
    """
    chosen = _unit_choices(codes, money=True) if codes is not None else None
    return st.sampled_from(chosen or _ALL_CURRENCIES)


def physical_units() -> st.SearchStrategy[str]:
    """Canonical names of the physical units of volume figures, such as ``"tonne"``.

    Returns:
        A strategy for the names in :data:`PHYSICAL_UNITS`.
    """
    return st.sampled_from(PHYSICAL_UNITS)


def units() -> st.SearchStrategy[str]:
    """Canonical units of either kind: currency codes and physical units.

    Returns:
        A strategy for units that :class:`~tradestats.Amount` accepts as they are.
    """
    return st.one_of(currencies(), physical_units())


def amounts(
    units: str | Iterable[str] | None = None,
    *,
    max_value: Number = MAX_MAGNITUDE,
    places: int = 4,
    allow_negative: bool = False,
    allow_zero: bool = True,
) -> st.SearchStrategy[Amount]:
    """Amounts of money or goods, non-negative unless ``allow_negative`` says otherwise.

    Magnitudes keep at most ``places`` decimals; some are drawn in normalized
    form (``Decimal("1.83E+11")`` rather than ``Decimal("183000000000")``), as
    parsing "183 billion" gives, since both forms must behave the same.

    Args:
        units: One unit, a collection to draw from, or ``None`` for any
            currency or physical unit (see :func:`units`).
        max_value: The largest magnitude; the smallest is ``-max_value`` or 0.
        places: The most decimals of a magnitude, 0 to 12.
        allow_negative: Draw negative amounts too, as trade balances can be.
        allow_zero: Draw zero too.

    Returns:
        A strategy for :class:`~tradestats.Amount` values.

    Raises:
        InvalidArgument: For an unknown unit or an impossible range.
    """
    chosen = _unit_choices(units, money=False)
    high = _decimal_argument(max_value, "max_value")
    if high <= 0:
        raise InvalidArgument(f"max_value must be positive, got {max_value!r}")
    smallest = Decimal(1).scaleb(-places) if not allow_zero and not allow_negative else 0
    magnitudes = decimals(-high if allow_negative else smallest, high, places=places)
    if not allow_zero:
        magnitudes = magnitudes.filter(bool)
    unit_strategy = st.sampled_from(chosen) if chosen else _any_unit()
    return _amounts(magnitudes, unit_strategy)


@st.composite
def _amounts(
    draw: st.DrawFn, magnitudes: st.SearchStrategy[Decimal], units: st.SearchStrategy[str]
) -> Amount:
    magnitude = draw(magnitudes)
    if draw(st.booleans()):
        magnitude = magnitude.normalize(CONTEXT)
    return Amount(magnitude, draw(units))


def money_amounts(
    currency: str | Iterable[str] | None = None,
    *,
    max_value: Number = MAX_MAGNITUDE,
    places: int = 4,
    allow_negative: bool = False,
    allow_zero: bool = True,
) -> st.SearchStrategy[Amount]:
    """Amounts of money, in one currency, a few, or any.

    Args:
        currency: A currency code, a collection of them, or ``None`` for any.
        max_value: The largest magnitude.
        places: The most decimals of a magnitude.
        allow_negative: Draw negative amounts too.
        allow_zero: Draw zero too.

    Returns:
        A strategy for :class:`~tradestats.Amount` values in currencies.

    Raises:
        InvalidArgument: For an unknown currency or a physical unit.
    """
    codes = _unit_choices(currency, money=True) or _ALL_CURRENCIES
    return amounts(
        codes,
        max_value=max_value,
        places=places,
        allow_negative=allow_negative,
        allow_zero=allow_zero,
    )


# -- periods -----------------------------------------------------------------------------


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


# -- measures ----------------------------------------------------------------------------


def growths(
    min_percent: Number = Decimal("-99.9"), max_percent: Number = 1000, *, places: int = 3
) -> st.SearchStrategy[Growth]:
    """Growth rates between two percentages, such as +59.3%.

    The default range leaves out falls of 100% or more, after which no previous
    value can be implied.

    Args:
        min_percent: The lowest rate in percent, inclusive.
        max_percent: The highest rate in percent, inclusive.
        places: The most decimals of the percentage.

    Returns:
        A strategy for :class:`~tradestats.Growth` values.
    """
    return decimals(min_percent, max_percent, places=places).map(Growth.from_percent)


def multipliers(
    min_value: Number = Decimal("0.001"), max_value: Number = 1000, *, places: int = 4
) -> st.SearchStrategy[Multiplier]:
    """Multipliers (new ÷ old) between two factors, such as ×4.26.

    Args:
        min_value: The smallest factor, not negative; ×0 is left out by default.
        max_value: The largest factor.
        places: The most decimals of the factor.

    Returns:
        A strategy for :class:`~tradestats.Multiplier` values.

    Raises:
        InvalidArgument: For a negative ``min_value``.
    """
    if _decimal_argument(min_value, "min_value") < 0:
        raise InvalidArgument(f"a multiplier cannot be negative, got min_value={min_value!r}")
    return decimals(min_value, max_value, places=places).map(Multiplier)


def shares(*, places: int = 4) -> st.SearchStrategy[Share]:
    """Shares from 0% to 100%, as fractions with at most ``places`` decimals.

    Args:
        places: The most decimals of the fraction (4 gives shares such as 92.31%).

    Returns:
        A strategy for :class:`~tradestats.Share` values.
    """
    return decimals(0, 1, places=places).map(Share)


def percentage_points(
    min_value: Number = -1000, max_value: Number = 1000, *, places: int = 3
) -> st.SearchStrategy[PercentagePoints]:
    """Differences in percentage points, such as +1.2 pp.

    Args:
        min_value: The smallest difference, in points.
        max_value: The largest difference, in points.
        places: The most decimals.

    Returns:
        A strategy for :class:`~tradestats.PercentagePoints` values.
    """
    return decimals(min_value, max_value, places=places).map(PercentagePoints)


# -- products and names ------------------------------------------------------------------


def hs_codes(levels: int | Iterable[int] | None = None) -> st.SearchStrategy[HSCode]:
    """Well-formed HS codes: chapters, headings, subheadings and national lines.

    Args:
        levels: The number of digits, one or several of 2, 4, 6, 8 and 10; all
            by default.

    Returns:
        A strategy for :class:`~tradestats.HSCode` values.

    Raises:
        InvalidArgument: For another number of digits.
    """
    chosen = _choices(levels, (2, 4, 6, 8, 10), "levels")
    return st.builds(
        lambda chapter, rest: HSCode(f"{chapter:02d}{rest}"),
        st.integers(1, 99),
        st.sampled_from(chosen).flatmap(
            lambda level: st.text("0123456789", min_size=level - 2, max_size=level - 2)
        ),
    )


def names() -> st.SearchStrategy[str]:
    """Names of reporters, partners and product groups: words with single spaces.

    Real names (``"Xinjiang"``, ``"Belt and Road countries"``) come first and
    shrink best; made-up ones mix Latin and Chinese letters. No name is
    :data:`~tradestats.WORLD`, and no name consists of digits and dots only.

    Returns:
        A strategy for non-empty names in the form tradestats stores them.
    """
    words = st.text(_NAME_CHARACTERS, min_size=1, max_size=10)
    made_up = st.lists(words, min_size=1, max_size=3).map(" ".join)
    return st.one_of(st.sampled_from(_PLACE_NAMES), made_up).filter(lambda name: name != WORLD)


def product_groups() -> st.SearchStrategy[ProductGroup]:
    """Named product aggregates such as "electric vehicles".

    Returns:
        A strategy for :class:`~tradestats.ProductGroup` values.
    """
    return st.one_of(st.sampled_from(_GROUP_NAMES), names()).map(ProductGroup)


def products() -> st.SearchStrategy[Product]:
    """What a trade flow may be about: an HS code or a product group.

    Returns:
        A strategy for :class:`~tradestats.HSCode` and :class:`~tradestats.ProductGroup`.
    """
    return st.one_of(hs_codes(), product_groups())


# -- trade flows -------------------------------------------------------------------------


def trade_flows(
    *,
    flows: Flow | Iterable[Flow] | None = None,
    periods: st.SearchStrategy[Period] | None = None,
    values: st.SearchStrategy[Amount] | None = None,
    currency: str | Iterable[str] | None = None,
    reporters: st.SearchStrategy[str] | None = None,
    partners: st.SearchStrategy[str] | None = None,
    products: st.SearchStrategy[Product | None] | None = None,
    optional_fields: bool = True,
) -> st.SearchStrategy[TradeFlow]:
    """Trade flows, every field drawn unless fixed by an argument.

    Args:
        flows: One :class:`~tradestats.Flow`, several, or ``None`` for all.
        periods: Where periods come from; any period by default.
        values: Where values come from; by default money in ``currency``, never
            negative except for trade balances. A strategy given here must not
            produce negative values for flows other than balances.
        currency: The currency or currencies of the default values; any by default.
        reporters: Where reporters come from; :func:`names` by default.
        partners: Where partners come from; :data:`~tradestats.WORLD` or a name.
        products: Where products come from (``None`` is all goods); by default
            none, an HS code or a group when ``optional_fields`` is set.
        optional_fields: Fill product, valuation, source and status at random;
            when false they are all ``None`` (except a product drawn from ``products``).

    Returns:
        A strategy for :class:`~tradestats.TradeFlow` values.

    Raises:
        InvalidArgument: For an unknown flow or currency, or both ``values`` and
            ``currency``.
    """
    chosen = _choices(flows, Flow, "flows")
    if values is not None and currency is not None:
        raise InvalidArgument("give values or currency, not both")
    codes = _unit_choices(currency, money=True) if currency is not None else None
    if products is None:
        products = _optional(_any_product()) if optional_fields else st.none()
    return _trade_flows(
        _Fields(
            flows=st.sampled_from(chosen),
            periods=periods if periods is not None else _any_period(),
            values=values,
            currencies=st.sampled_from(codes) if codes else currencies(),
            reporters=reporters if reporters is not None else names(),
            partners=partners if partners is not None else st.one_of(st.just(WORLD), names()),
            products=products,
            optional_fields=optional_fields,
        )
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


@attrs.frozen
class _Fields:
    """The strategies :func:`trade_flows` draws each field from."""

    flows: st.SearchStrategy[Flow]
    periods: st.SearchStrategy[Period]
    values: st.SearchStrategy[Amount] | None
    currencies: st.SearchStrategy[str]
    reporters: st.SearchStrategy[str]
    partners: st.SearchStrategy[str]
    products: st.SearchStrategy[Product | None]
    optional_fields: bool

    def value(self, draw: st.DrawFn, flow: Flow) -> Amount:
        """A value for ``flow``, negative only if it is a balance."""
        if self.values is not None:
            return draw(self.values)
        currency = draw(self.currencies)
        return draw(money_amounts(currency, allow_negative=flow is Flow.BALANCE))


@st.composite
def _trade_flows(draw: st.DrawFn, fields: _Fields) -> TradeFlow:
    flow = draw(fields.flows)
    optional = fields.optional_fields
    return TradeFlow(
        reporter=draw(fields.reporters),
        partner=draw(fields.partners),
        flow=flow,
        period=draw(fields.periods),
        value=fields.value(draw, flow),
        product=draw(fields.products),
        valuation=draw(_optional(st.sampled_from(Valuation))) if optional else None,
        source=draw(_optional(names())) if optional else None,
        status=draw(_optional(st.sampled_from(Status))) if optional else None,
    )


def year_on_year_flow_pairs(
    *,
    flows: Flow | Iterable[Flow] | None = None,
    kinds: PeriodKind | Iterable[PeriodKind] | None = None,
    currency: str | Iterable[str] | None = None,
    values: st.SearchStrategy[Amount] | None = None,
    optional_fields: bool = True,
) -> st.SearchStrategy[tuple[TradeFlow, TradeFlow]]:
    """Pairs ``(current, previous)`` of the same flow one year apart, for growth.

    Both flows have the same reporter, partner, flow, product and currency, and
    the earlier period is the same months one year before the later one. The
    earlier value is positive, so year-on-year growth is always defined; the
    later one may be zero.

    Args:
        flows: The flows to draw from; all but the balance by default, whose
            growth over a negative base is refused.
        kinds: The kinds of period, as for :func:`periods`.
        currency: The currency or currencies of the values; any by default.
        values: Where both values come from, instead of ``currency``.
        optional_fields: Fill product, valuation, source and status at random.

    Returns:
        A strategy for pairs that :func:`~tradestats.yoy_growth` accepts.
    """
    strategy = trade_flows(
        flows=flows if flows is not None else _NON_BALANCE_FLOWS,
        periods=year_on_year_periods(kinds).map(lambda pair: pair[0]),
        values=values,
        currency=currency,
        optional_fields=optional_fields,
    )
    return _pairs(strategy, values)


@st.composite
def _pairs(
    draw: st.DrawFn,
    currents: st.SearchStrategy[TradeFlow],
    values: st.SearchStrategy[Amount] | None,
) -> tuple[TradeFlow, TradeFlow]:
    current = draw(currents)
    if values is None:
        values = money_amounts(current.value.unit, allow_zero=False)
    previous_value = draw(values.filter(lambda value: value.magnitude > 0))
    previous = attrs.evolve(current, period=current.period.previous_year(), value=previous_value)
    return current, previous


def partitions(
    *,
    by: Literal["partner", "product"] = "partner",
    min_parts: int = 1,
    max_parts: int = 5,
    flows: Flow | Iterable[Flow] | None = None,
    periods: st.SearchStrategy[Period] | None = None,
    currency: str | Iterable[str] | None = None,
    places: int = 4,
) -> st.SearchStrategy[Partition]:
    """A total flow and the parts it splits into, whose values sum exactly to it.

    The total is with :data:`~tradestats.WORLD` in all goods; the parts are with
    distinct partners (``by="partner"``) or in distinct products (``by="product"``),
    with the total's reporter, flow, period and currency. Parts are never
    negative and the total is positive, so every share is defined.

    Args:
        by: Whether the parts are partners or products.
        min_parts: The fewest parts, at least 1.
        max_parts: The most parts, at most 50.
        flows: The flows to draw from; all but the balance by default.
        periods: Where the period comes from; any period by default.
        currency: The currency or currencies; any by default.
        places: The most decimals of a part's magnitude.

    Returns:
        A strategy for pairs ``(total, parts)``.

    Raises:
        InvalidArgument: For another ``by`` or an impossible number of parts.
    """
    return _partitions_strategy(
        by=by,
        min_parts=min_parts,
        max_parts=max_parts,
        flows=flows,
        periods=periods,
        currency=currency,
        places=places,
        year_on_year=False,
    ).map(lambda both: both[0])


def year_on_year_partitions(
    *,
    by: Literal["partner", "product"] = "partner",
    min_parts: int = 1,
    max_parts: int = 5,
    flows: Flow | Iterable[Flow] | None = None,
    kinds: PeriodKind | Iterable[PeriodKind] | None = None,
    currency: str | Iterable[str] | None = None,
    places: int = 4,
) -> st.SearchStrategy[tuple[Partition, Partition]]:
    """The same partition in two periods one year apart: ``((total, parts), (total, parts))``.

    The first partition is the later one. Both split the same total into the
    same parts (same partners or products), with new values; each is exact as in
    :func:`partitions`, and both totals are positive, so contributions to growth
    are defined.

    Args:
        by: Whether the parts are partners or products.
        min_parts: The fewest parts, at least 1.
        max_parts: The most parts, at most 50.
        flows: The flows to draw from; all but the balance by default.
        kinds: The kinds of period, as for :func:`periods`.
        currency: The currency or currencies; any by default.
        places: The most decimals of a part's magnitude.

    Returns:
        A strategy for pairs of partitions, current first.
    """
    return _partitions_strategy(
        by=by,
        min_parts=min_parts,
        max_parts=max_parts,
        flows=flows,
        periods=year_on_year_periods(kinds).map(lambda pair: pair[0]),
        currency=currency,
        places=places,
        year_on_year=True,
    )


def _partitions_strategy(
    *,
    by: str,
    min_parts: int,
    max_parts: int,
    flows: Flow | Iterable[Flow] | None,
    periods: st.SearchStrategy[Period] | None,
    currency: str | Iterable[str] | None,
    places: int,
    year_on_year: bool,
) -> st.SearchStrategy[tuple[Partition, Partition]]:
    if by not in ("partner", "product"):
        raise InvalidArgument(f"by must be 'partner' or 'product', got {by!r}")
    if not 1 <= min_parts <= max_parts <= _MAX_PARTS:
        raise InvalidArgument(
            f"expected 1 <= min_parts <= max_parts <= {_MAX_PARTS}, got {min_parts} and {max_parts}"
        )
    _check_places(places)
    # Each part stays below 10¹³, so a sum of 50 parts keeps within 20 digits.
    magnitudes = decimals(0, Decimal(10) ** 13, places=places)
    total_flows = trade_flows(
        flows=flows if flows is not None else _NON_BALANCE_FLOWS,
        periods=periods,
        currency=currency,
        partners=st.just(WORLD),
        products=st.none(),
    )
    labels: st.SearchStrategy[str | Product] = names() if by == "partner" else _any_product()
    keys = st.lists(labels, min_size=min_parts, max_size=max_parts, unique=True)
    return _partitions(total_flows, keys, magnitudes, year_on_year=year_on_year)


@st.composite
def _partitions(
    draw: st.DrawFn,
    totals: st.SearchStrategy[TradeFlow],
    keys: st.SearchStrategy[list[str | Product]],
    magnitudes: st.SearchStrategy[Decimal],
    *,
    year_on_year: bool,
) -> tuple[Partition, Partition]:
    template = draw(totals)
    labels = draw(keys)

    def split(period: Period) -> Partition:
        values = draw(st.lists(magnitudes, min_size=len(labels), max_size=len(labels)))
        if not any(values):
            values[draw(st.integers(0, len(values) - 1))] = Decimal(1)
        unit = template.value.unit
        parts = tuple(
            # A partner is a name; a product an HSCode or a ProductGroup.
            attrs.evolve(template, period=period, value=Amount(value, unit), partner=label)
            if isinstance(label, str)
            else attrs.evolve(template, period=period, value=Amount(value, unit), product=label)
            for label, value in zip(labels, values, strict=True)
        )
        # The library's context, not the caller's, so the sum is exact whatever theirs is.
        exact_sum = functools.reduce(CONTEXT.add, values, Decimal(0))
        total = attrs.evolve(template, period=period, value=Amount(exact_sum, unit))
        return total, parts

    current = split(template.period)
    previous = split(template.period.previous_year()) if year_on_year else current
    return current, previous


# -- intervals and reported figures ------------------------------------------------------


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


# -- exchange rates ----------------------------------------------------------------------


def exchange_rates(
    base: str | Iterable[str] | None = None,
    quote: str | Iterable[str] | None = None,
    *,
    periods: st.SearchStrategy[Period] | None = None,
    min_rate: Number = Decimal("0.0001"),
    max_rate: Number = 10000,
    places: int = 4,
) -> st.SearchStrategy[ExchangeRate]:
    """Exchange rates between two different currencies, for a period.

    Args:
        base: The currency priced (one unit of it), several to draw from, or any.
        quote: The currency of the price, several to draw from, or any.
        periods: Where the rate's period comes from; any period by default.
        min_rate: The lowest rate, positive.
        max_rate: The highest rate.
        places: The most decimals of the rate.

    Returns:
        A strategy for :class:`~tradestats.ExchangeRate` values, of either kind,
        with or without a source.

    Raises:
        InvalidArgument: For unknown currencies, a non-positive ``min_rate``, or
            ``base`` and ``quote`` that leave no pair of different currencies.
    """
    bases = _unit_choices(base, money=True) if base is not None else None
    quotes = _unit_choices(quote, money=True) if quote is not None else None
    if bases is not None and quotes is not None and set(bases) == set(quotes) == {bases[0]}:
        raise InvalidArgument(f"base and quote are both {bases[0]}: a rate needs two currencies")
    if _decimal_argument(min_rate, "min_rate") <= 0:
        raise InvalidArgument(f"min_rate must be positive, got {min_rate!r}")
    pair = st.tuples(
        st.sampled_from(bases) if bases else currencies(),
        st.sampled_from(quotes) if quotes else currencies(),
    ).filter(lambda codes: codes[0] != codes[1])
    return st.builds(
        lambda codes, rate, period, kind, source: ExchangeRate(
            codes[0], codes[1], rate, period=period, kind=kind, source=source
        ),
        pair,
        decimals(min_rate, max_rate, places=places),
        periods if periods is not None else _any_period(),
        st.sampled_from(RateKind),
        _optional(names()),
    )


# Module-level names for the strategies that arguments of the same name shadow.
_any_unit = units
_any_period = periods
_any_product = products
