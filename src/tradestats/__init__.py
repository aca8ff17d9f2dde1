"""tradestats: a typed, unit-safe domain model for trade statistics.

>>> import tradestats as ts
>>> total = ts.TradeFlow(reporter="Xinjiang", flow=ts.Flow.TOTAL,
...                      period=ts.Period.year_to_date(2023, 7),
...                      value=ts.money("183 billion CNY"))
>>> f"{ts.implied_previous(total, ts.Growth.from_percent('59.3')).value:.1f}"
'114.9 billion CNY'
"""

from tradestats._numbers import Number
from tradestats.amounts import Amount, amount, money
from tradestats.errors import (
    AmbiguityError,
    FlowMismatchError,
    InvalidValueError,
    NegativeBaseError,
    ParseError,
    PeriodMismatchError,
    StructuringError,
    TradeStatsError,
    UnitMismatchError,
    UnknownUnitError,
    ZeroBaseError,
)
from tradestats.flows import (
    WORLD,
    Flow,
    HSCode,
    Product,
    ProductGroup,
    Status,
    TradeFlow,
    Valuation,
    total_trade,
    trade_balance,
)
from tradestats.fx import ExchangeRate, RateKind
from tradestats.growth import (
    cagr,
    chain,
    contribution,
    growth,
    implied_current,
    implied_previous,
    multiplier,
    remainder,
    yoy_growth,
    yoy_multiplier,
)
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share, TimesConvention
from tradestats.periods import Period, PeriodKind
from tradestats.shares import share, share_change
from tradestats.structuring import configure_converter, from_json, structure, to_json, unstructure
from tradestats.units import REGISTRY as ureg  # noqa: N811 - pint's customary name

__version__ = "0.1.0"

__all__ = [
    "WORLD",
    "AmbiguityError",
    "Amount",
    "ExchangeRate",
    "Flow",
    "FlowMismatchError",
    "Growth",
    "HSCode",
    "InvalidValueError",
    "Multiplier",
    "NegativeBaseError",
    "Number",
    "ParseError",
    "PercentagePoints",
    "Period",
    "PeriodKind",
    "PeriodMismatchError",
    "Product",
    "ProductGroup",
    "RateKind",
    "Share",
    "Status",
    "StructuringError",
    "TimesConvention",
    "TradeFlow",
    "TradeStatsError",
    "UnitMismatchError",
    "UnknownUnitError",
    "Valuation",
    "ZeroBaseError",
    "__version__",
    "amount",
    "cagr",
    "chain",
    "configure_converter",
    "contribution",
    "from_json",
    "growth",
    "implied_current",
    "implied_previous",
    "money",
    "multiplier",
    "remainder",
    "share",
    "share_change",
    "structure",
    "to_json",
    "total_trade",
    "trade_balance",
    "unstructure",
    "ureg",
    "yoy_growth",
    "yoy_multiplier",
]
