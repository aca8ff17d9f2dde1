"""Strategies for products, names, trade flows and partitions (private)."""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from tradestats._numbers import CONTEXT
from tradestats.amounts import Amount
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
from tradestats.periods import Period, PeriodKind
from tradestats.strategies._amounts import currencies, decimals, money_amounts
from tradestats.strategies._common import (
    _GROUP_NAMES,
    _MAX_PARTS,
    _NAME_CHARACTERS,
    _NON_BALANCE_FLOWS,
    _PLACE_NAMES,
    _check_places,
    _choices,
    _optional,
    _unit_choices,
)
from tradestats.strategies._periods import periods as _any_period
from tradestats.strategies._periods import year_on_year_periods

if TYPE_CHECKING:
    from collections.abc import Iterable


#: A total flow and the parts it splits into, as :func:`partitions` draws them.
Partition: TypeAlias = tuple[TradeFlow, tuple[TradeFlow, ...]]


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


# Module-level name for the strategy that an argument of the same name shadows.
_any_product = products
