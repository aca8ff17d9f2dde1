"""Claims of a published report, report files, and the consistency check.

Layer four of tradestats (see the architecture page): a :class:`Report` holds
the flows and claims of one article or release, :func:`load_report` reads one
from TOML or JSON, and :func:`check` decides whether its figures hold together
within their rounding. Everything here is re-exported from ``tradestats``.
"""

from typing import TYPE_CHECKING

from tradestats.claims.consistency import (
    DEFAULT_BUDGET,
    FAST_ENGINE,
    CheckResult,
    ClaimCheck,
    Conflict,
    ImpliedFigure,
    Revision,
    Verdict,
    check,
)
from tradestats.claims.consistency import deprecated as _renamed
from tradestats.claims.files import load_report, parse_report, read_report
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

__all__ = [
    "DEFAULT_BUDGET",
    "FAST_ENGINE",
    "STANDARD_BASES",
    "BalanceSign",
    "ChangeClaim",
    "CheckResult",
    "Claim",
    "ClaimCheck",
    "Conflict",
    "ContributionClaim",
    "ContributionShareClaim",
    "DataMatch",
    "GrowthClaim",
    "GrowthDifferenceClaim",
    "ImpliedFigure",
    "MultiplierClaim",
    "Release",
    "ReleaseStatus",
    "Report",
    "ReportFlow",
    "Revision",
    "ShareChangeClaim",
    "ShareClaim",
    "SumClaim",
    "ValueClaim",
    "Verdict",
    "check",
    "load_report",
    "parse_report",
    "read_report",
]


if not TYPE_CHECKING:  # so that type checkers flag the old names, and typos stay errors

    def __getattr__(name: str) -> object:
        return _renamed(name, __name__)  # FigureRange and FigureKind, with a warning
