"""tradestats: a typed, unit-safe domain model for trade statistics.

>>> import tradestats as ts
>>> total = ts.TradeFlow(reporter="Xinjiang", flow=ts.Flow.TOTAL,
...                      period=ts.Period.year_to_date(2023, 7),
...                      value=ts.money("183 billion CNY"))
>>> f"{ts.implied_previous(total, ts.Growth.from_percent('59.3')).value:.1f}"
'114.9 billion CNY'
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING

from tradestats import _deprecated
from tradestats._numbers import Number
from tradestats._text import quote
from tradestats.amounts import Amount, amount, money
from tradestats.changes import (
    cagr,
    chain,
    change,
    contribution,
    contribution_share,
    growth,
    growth_difference,
    implied_current,
    implied_previous,
    multiplier,
    remainder,
    yoy_growth,
    yoy_multiplier,
)
from tradestats.claims.consistency import CheckResult, Revision, Verdict, check
from tradestats.claims.consistency import deprecated as _renamed
from tradestats.claims.files import load_report
from tradestats.claims.report import (
    STANDARD_BASES,
    BalanceSign,
    ChangeClaim,
    Claim,
    ContributionClaim,
    ContributionShareClaim,
    DataMatch,
    GrowthClaim,
    GrowthDifferenceClaim,
    MultiplierClaim,
    Release,
    ReleaseStatus,
    Report,
    ReportFlow,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.claims.writing import dump_report
from tradestats.errors import (
    AmbiguityError,
    ConcordanceError,
    DataMatchError,
    DuplicateKeyError,
    FlowMismatchError,
    HSVersionMismatchError,
    InvalidValueError,
    NegativeBaseError,
    ParseError,
    PeriodMismatchError,
    ReportFileError,
    SignChangeError,
    StructuringError,
    TradeStatsError,
    UnitMismatchError,
    UnknownGroupError,
    UnknownUnitError,
    ZeroBaseError,
)
from tradestats.extraction import Choice, Extraction, extract
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
from tradestats.groups import (
    GROUP_TABLE_VERSION,
    GroupMember,
    Membership,
    MembershipChange,
    MembershipKind,
    PartnerGroup,
    composition,
    find_group,
    members,
    membership_changed,
    partner_group,
    partner_groups,
)
from tradestats.hs import (
    Concordance,
    ConcordanceRow,
    HSRelationship,
    HSVersion,
    hs_concordance,
    hs_version,
)
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share, TimesConvention
from tradestats.periods import Lag, Period, PeriodKind, Versus, as_versus
from tradestats.shares import share, share_change
from tradestats.structuring import configure_converter, from_json, structure, to_json, unstructure
from tradestats.units import REGISTRY as ureg  # noqa: N811 - pint's customary name
from tradestats.verify._scan import FoundFigure, FoundKind, find_figures
from tradestats.verify.bounds import (
    Bounds,
    cagr_bounds,
    change_bounds,
    contribution_bounds,
    contribution_share_bounds,
    growth_bounds,
    growth_difference_bounds,
    implied_current_bounds,
    implied_previous_bounds,
    multiplier_bounds,
    remainder_bounds,
    share_bounds,
    share_change_bounds,
)
from tradestats.verify.figures import Qualifier, Reported, as_reported, reported
from tradestats.verify.intervals import Interval

_deprecated.install()

# pyproject.toml is the one place the number is written; the installed metadata carries it.
try:
    __version__ = _version("tradestats")
except PackageNotFoundError:  # a source tree put on sys.path without being installed
    __version__ = "0+unknown"

__all__ = [
    "GROUP_TABLE_VERSION",
    "STANDARD_BASES",
    "WORLD",
    "AmbiguityError",
    "Amount",
    "BalanceSign",
    "Bounds",
    "ChangeClaim",
    "CheckResult",
    "Choice",
    "Claim",
    "Concordance",
    "ConcordanceError",
    "ConcordanceRow",
    "ContributionClaim",
    "ContributionShareClaim",
    "DataMatch",
    "DataMatchError",
    "DuplicateKeyError",
    "ExchangeRate",
    "Extraction",
    "Flow",
    "FlowMismatchError",
    "FoundFigure",
    "FoundKind",
    "GroupMember",
    "Growth",
    "GrowthClaim",
    "GrowthDifferenceClaim",
    "HSCode",
    "HSRelationship",
    "HSVersion",
    "HSVersionMismatchError",
    "Interval",
    "InvalidValueError",
    "Lag",
    "Membership",
    "MembershipChange",
    "MembershipKind",
    "Multiplier",
    "MultiplierClaim",
    "NegativeBaseError",
    "Number",
    "ParseError",
    "PartnerGroup",
    "PercentagePoints",
    "Period",
    "PeriodKind",
    "PeriodMismatchError",
    "Product",
    "ProductGroup",
    "Qualifier",
    "RateKind",
    "Release",
    "ReleaseStatus",
    "Report",
    "ReportFileError",
    "ReportFlow",
    "Reported",
    "Revision",
    "Share",
    "ShareChangeClaim",
    "ShareClaim",
    "SignChangeError",
    "Status",
    "StructuringError",
    "SumClaim",
    "TimesConvention",
    "TradeFlow",
    "TradeStatsError",
    "UnitMismatchError",
    "UnknownGroupError",
    "UnknownUnitError",
    "Valuation",
    "ValueClaim",
    "Verdict",
    "Versus",
    "ZeroBaseError",
    "__version__",
    "amount",
    "as_reported",
    "as_versus",
    "cagr",
    "cagr_bounds",
    "chain",
    "change",
    "change_bounds",
    "check",
    "composition",
    "configure_converter",
    "contribution",
    "contribution_bounds",
    "contribution_share",
    "contribution_share_bounds",
    "dump_report",
    "extract",
    "find_figures",
    "find_group",
    "from_json",
    "growth",
    "growth_bounds",
    "growth_difference",
    "growth_difference_bounds",
    "hs_concordance",
    "hs_version",
    "implied_current",
    "implied_current_bounds",
    "implied_previous",
    "implied_previous_bounds",
    "load_report",
    "members",
    "membership_changed",
    "money",
    "multiplier",
    "multiplier_bounds",
    "partner_group",
    "partner_groups",
    "remainder",
    "remainder_bounds",
    "reported",
    "share",
    "share_bounds",
    "share_change",
    "share_change_bounds",
    "structure",
    "to_json",
    "total_trade",
    "trade_balance",
    "unstructure",
    "ureg",
    "yoy_growth",
    "yoy_multiplier",
]


if not TYPE_CHECKING:  # so that type checkers flag the old name, and typos stay errors

    def __getattr__(name: str) -> object:
        if name == "FigureRange":  # deprecated in 0.3: warns, and gives Bounds
            return _renamed(name, __name__)
        raise AttributeError(f"module {quote(__name__)} has no attribute {quote(name)}")
