"""Private: what each SDMX code means, per agency, and the built-in dataflow mappings.

The codes of the SDMX cross-domain code list of observation statuses
(CL_OBS_STATUS) and Eurostat's observation flags (OBS_FLAG) are mapped to the
core :class:`~tradestats.Status` where one says the same thing; a code that
says something else (missing, confidential, low reliability) maps to ``None``
and is kept as it is in the ``status_code`` column.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["EUROSTAT_FLAGS", "SDMX_STATUSES", "WORLD_CODES"]

#: CL_OBS_STATUS (SDMX cross-domain code list) → a core status value, or None.
SDMX_STATUSES: Final[Mapping[str, str | None]] = types.MappingProxyType(
    {
        "A": "final",  # normal value
        "B": "break",  # time series break
        "D": None,  # definition differs
        "E": "estimated",
        "F": "forecast",
        "G": None,  # experimental
        "H": None,  # missing value, holiday or weekend
        "I": "estimated",  # imputed value (by the receiving agency): an estimate
        "J": None,  # derogation
        "K": None,  # data included in another category
        "L": None,  # missing value, data exist but were not collected
        "M": None,  # missing value, data cannot exist
        "N": None,  # not significant
        "O": None,  # missing value
        "P": "provisional",
        "Q": None,  # missing value, suppressed
        "S": None,  # strike
        "U": None,  # low reliability
        "V": None,  # unvalidated value
        "W": None,  # includes data from another category
    }
)

#: Eurostat's observation flags (OBS_FLAG, lower case) → a core status value, or None.
EUROSTAT_FLAGS: Final[Mapping[str, str | None]] = types.MappingProxyType(
    {
        "b": "break",
        "c": None,  # confidential
        "d": None,  # definition differs
        "e": "estimated",
        "f": "forecast",
        "n": None,  # not significant
        "p": "provisional",
        "r": "revised",
        "s": "estimated",  # Eurostat estimate
        "u": None,  # low reliability
        "z": None,  # not applicable
    }
)

#: Partner codes that mean all partners: the core's "World".
WORLD_CODES: Final = frozenset({"W", "W0", "W00", "W1", "WLD", "WORLD", "_T"})
