"""Private: how a report's flows match the rows of an official data set, and the claims they give.

``tradestats check REPORT --data FILE`` and ``check(report, data=frame)`` take
the official values of the report's flows and periods from a tidy frame (see
:doc:`/howto/load-data`) as one more release. Which rows are a flow's is said
explicitly, flow by flow, in the report's ``[data]`` table (or on the command
line): nothing is matched by guess, and a flow with no rows is reported.

:class:`DataMatch` is documented and imported from
:mod:`tradestats.claims.report` (and ``tradestats``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Final

from attrs import field, frozen

from tradestats._text import quote
from tradestats._validate import name_text, optional_text
from tradestats.claims._releases import as_date
from tradestats.errors import InvalidValueError, ReportFileError, TradeStatsError

if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = ["DataMatch", "parse_match", "read_data_match"]

_DATA_KEYS: Final = frozenset(
    {"release", "publisher", "published", "title", "url", "precision", "flows"}
)
#: How the data's values are read: as exact numbers, or with the precision column
#: (half a unit of the last digit the source published) a loader gives.
PRECISIONS: Final = ("exact", "published")


def _selection(value: object) -> tuple[tuple[str, str], ...]:
    pairs: Iterable[Any] = value.items() if isinstance(value, dict) else _pairs(value)
    found = []
    for column, wanted in pairs:
        name = name_text(column, "a column name")
        if not isinstance(wanted, str) or not wanted.strip():
            raise InvalidValueError(
                f"column {quote(name)}: expected the text its rows must have, got {quote(wanted)}",
                value=wanted,
            )
        found.append((name, wanted.strip()))
    if not found:
        raise InvalidValueError(
            "a flow's match names at least one column, such as flow = 'total'", value=value
        )
    return tuple(sorted(found))


def _pairs(value: object) -> Iterable[Any]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidValueError(
            f"expected a table of names and their text, got {quote(value)}", value=value
        )
    return value


def _flows(value: object) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    pairs: Iterable[Any] = value.items() if isinstance(value, dict) else _pairs(value)
    return tuple(
        (name_text(flow_id, "a flow id"), _selection(selection)) for flow_id, selection in pairs
    )


def _release_id(value: object) -> str:
    return name_text(value, "a release id")


def _publisher(value: object) -> str:
    return name_text(value, "a publisher")


def _optional(value: object) -> str | None:
    return optional_text(value, "a data set's title or URL")


def _precision(value: object) -> str:
    if value not in PRECISIONS:
        raise InvalidValueError(
            f"expected precision 'exact' or 'published' (the data's precision column), got "
            f"{quote(value)}",
            value=value,
        )
    return str(value)


def _optional_date(value: object) -> datetime.date | None:
    return None if value is None else as_date(value)


@frozen(kw_only=True)
class DataMatch:
    """Which rows of an official data set hold each of a report's flows.

    Each flow id maps to the columns its rows must have and their text: for
    ``world`` with ``{"reporter": "Xinjiang", "partner": "World", "flow":
    "total"}`` the rows whose ``reporter`` is ``Xinjiang``, ``partner`` is
    ``World`` and ``flow`` is ``total``. A period's value is the row of that
    period, or the sum of the monthly rows that make it up. The data become a
    release of their own.

    Args:
        flows: Flow id → (column → text) of the rows that hold it.
        release: The id of the release the data become; ``"data"`` by default.
        publisher: Who published the data, for output.
        published: When; by default the data count as published after every
            release of the report.
        title: The data set's title, for output.
        url: Where to find it.
        precision: ``"exact"`` (the default: each value is exact) or
            ``"published"`` (the frame's ``precision`` column: half a unit of
            the last digit the source published).

    >>> match = DataMatch(flows={"world": {"flow": "total", "reporter": "Xinjiang"}})
    >>> match.flows
    (('world', (('flow', 'total'), ('reporter', 'Xinjiang'))),)
    """

    flows: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = field(converter=_flows)
    release: str = field(default="data", converter=_release_id)
    publisher: str = field(default="the official data", converter=_publisher)
    published: datetime.date | None = field(default=None, converter=_optional_date)
    title: str | None = field(default=None, converter=_optional)
    url: str | None = field(default=None, converter=_optional)
    precision: str = field(default="exact", converter=_precision)

    def selection(self, flow_id: str) -> tuple[tuple[str, str], ...] | None:
        """The columns and texts of ``flow_id``'s rows, or ``None`` if unmatched."""
        return dict(self.flows).get(flow_id)


def read_data_match(data: object, name: str) -> DataMatch | None:
    """The ``[data]`` table of a report file, or ``None`` without one.

    Raises:
        ReportFileError: For a table that is no valid match, naming the field.
    """
    if data is None:
        return None

    def fail(field_name: str | None, message: str, value: object) -> ReportFileError:
        place = "data" if field_name is None else f"data, field {field_name!r}"
        return ReportFileError(
            f"{name}: {place}: {message}", file=name, field=field_name, value=value
        )

    if not isinstance(data, dict):
        raise fail(None, f"expected a table, such as [data.flows.world], got {quote(data)}", data)
    unknown = sorted(set(data) - _DATA_KEYS)
    if unknown:
        raise fail(
            unknown[0], f"unknown key; expected one of {', '.join(sorted(_DATA_KEYS))}", unknown[0]
        )
    flows = data.get("flows")
    if not isinstance(flows, dict) or not flows:
        raise fail(
            "flows",
            "expected a table of flows, such as [data.flows.world] with partner = 'World' and "
            "flow = 'total'",
            flows,
        )
    for flow_id, selection in flows.items():
        if not isinstance(selection, dict):
            raise fail(
                f"flows.{flow_id}",
                f"expected a table of columns and their text, got {quote(selection)}",
                selection,
            )
    try:
        return DataMatch(**data)
    except TradeStatsError as error:
        raise fail(
            str(error.details.get("field", "flows")), error.message, error.details.get("value")
        ) from None


def parse_match(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A flow's match as the command line writes it: ``world:partner=World,flow=total``.

    Raises:
        InvalidValueError: For text of another form.

    >>> parse_match("world:partner=World,flow=total")
    ('world', (('flow', 'total'), ('partner', 'World')))
    """
    flow_id, colon, rest = text.partition(":")
    pairs = [part.partition("=") for part in rest.split(",")] if colon else []
    if not flow_id.strip() or not pairs or any(not eq or not key.strip() for key, eq, _ in pairs):
        raise InvalidValueError(
            f"expected FLOW:COLUMN=TEXT[,COLUMN=TEXT...], such as "
            f"'world:partner=World,flow=total', got {quote(text)}",
            value=text,
        )
    return flow_id.strip(), _selection([(key.strip(), value) for key, _, value in pairs])
