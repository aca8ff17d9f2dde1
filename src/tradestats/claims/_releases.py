"""Releases: who published a report's figures, when, and how far a later one may revise them.

Private: :class:`Release` and :class:`ReleaseStatus` are documented and imported
from :mod:`tradestats.claims.report` (and ``tradestats``). A report that declares
no release is one implicit release, as every report was before releases existed.

A flow's ``basis`` (customs, balance of payments, …) names how its values were
compiled: flows of different bases are different quantities, never two vintages
of one. The standard bases are :data:`STANDARD_BASES`; a report declares others
under ``[bases]``.
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Final

from attrs import field, frozen

from tradestats._numbers import to_decimal
from tradestats._text import quote
from tradestats._validate import enum_member, name_text, optional_text
from tradestats.errors import InvalidValueError, ReportFileError, TradeStatsError

__all__ = [
    "STANDARD_BASES",
    "Release",
    "ReleaseStatus",
    "as_basis",
    "as_date",
    "as_max_revision",
    "read_bases",
    "read_releases",
]

_RELEASE_KEYS: Final = frozenset(
    {"publisher", "published", "title", "url", "status", "max_revision"}
)

#: The bases of trade statistics every report knows, by their normalized names.
#: Customs (a customs office's own series), general and special trade (the two
#: UN IMTS systems), balance of payments (change of ownership), and the EU's
#: national and community concepts. A report adds others under ``[bases]``.
STANDARD_BASES: Final = (
    "customs",
    "general trade",
    "special trade",
    "balance of payments",
    "national concept",
    "community concept",
)


class ReleaseStatus(enum.Enum):
    """How final a release says its figures are.

    >>> ReleaseStatus("provisional")
    <ReleaseStatus.PROVISIONAL: 'provisional'>
    """

    #: First figures, to be revised (初步数据, "preliminary").
    PROVISIONAL = "provisional"
    #: Final figures of the period.
    FINAL = "final"
    #: Figures that replace earlier ones of the same period.
    REVISED = "revised"


def as_date(value: object) -> datetime.date:
    """A publication date: a :class:`datetime.date` or ISO text such as ``"2022-08-19"``.

    Raises:
        InvalidValueError: For anything else, naming it.

    >>> as_date("2022-08-19")
    datetime.date(2022, 8, 19)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidValueError(
        f"expected a publication date such as 2022-08-19, got {quote(value)}", value=value
    )


def as_max_revision(value: object) -> Decimal | None:
    """The largest revision allowed, as a fraction: ``"1%"`` is 0.01; ``None`` for no limit.

    Text is a percentage ("1%", "0.5 %"); a number is a fraction (0.01).

    Raises:
        InvalidValueError: For a negative limit, or text that is no percentage.

    >>> as_max_revision("1%")
    Decimal('0.01')
    """
    if value is None:
        return None
    try:
        if isinstance(value, str):
            text = value.strip()
            if not text.endswith(("%", "％")):
                raise InvalidValueError(
                    f"expected the largest revision as a percentage such as '1%', got "
                    f"{quote(value)}",
                    value=value,
                )
            fraction = to_decimal(text[:-1].strip(), what="a revision limit").scaleb(-2)
        elif isinstance(value, Decimal | int) and not isinstance(value, bool):
            fraction = Decimal(value)
        else:
            raise InvalidValueError(
                f"expected the largest revision as a percentage such as '1%', got {quote(value)}",
                value=value,
            )
    except InvalidValueError:
        raise
    except TradeStatsError as error:
        raise InvalidValueError(error.message, value=value) from None
    if not fraction.is_finite() or fraction < 0:
        raise InvalidValueError(
            f"the largest revision cannot be negative, got {quote(value)}", value=value
        )
    return fraction


def as_basis(value: object) -> str | None:
    """A basis name, normalized: lower case, ``_`` and ``-`` as spaces, spaces folded.

    Which names a report accepts (:data:`STANDARD_BASES` and its own ``[bases]``)
    the report checks; this only reads the name.

    >>> as_basis("Balance_of_Payments")
    'balance of payments'
    """
    if value is None:
        return None
    text = name_text(value, "a basis")
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def _status(value: object) -> ReleaseStatus | None:
    if value is None:
        return None
    return enum_member(ReleaseStatus, value, what="release status")


def _id(value: object) -> str:
    return name_text(value, "a release id")


def _published(value: object) -> datetime.date | None:
    return None if value is None else as_date(value)


def _publisher(value: object) -> str:
    return name_text(value, "a publisher")


def _text(value: object) -> str | None:
    return optional_text(value, "a release's text")


@frozen(kw_only=True)
class Release:
    """One publication of figures: a press release, an article, an official data set.

    Claims name the release that published them; figures for the same flow and
    period from two releases are two *vintages* of one quantity, which a revision
    may separate (see :doc:`/explanation/vintages`).

    Args:
        id: The short name claims use, such as ``"aug2022"``.
        publisher: Who published it ("Urumqi Customs", "Xinhua").
        published: The date of publication (``None`` only for the implicit release
            of a report that declares none: a report file must give it).
        title: Its title, for output.
        url: Where to read it.
        status: Provisional, final or revised, if it says.
        max_revision: The largest revision (a fraction: 0.01 is 1%) this release's
            figures may have had from an earlier release, or undergo to a later
            one; ``None`` leaves it to the report's own limit.

    >>> Release(id="aug2022", publisher="Xinhua", published="2022-08-19").published
    datetime.date(2022, 8, 19)
    """

    id: str = field(converter=_id)
    publisher: str = field(converter=_publisher)
    published: datetime.date | None = field(converter=_published)
    title: str | None = field(default=None, converter=_text)
    url: str | None = field(default=None, converter=_text)
    status: ReleaseStatus | None = field(default=None, converter=_status)
    max_revision: Decimal | None = field(default=None, converter=as_max_revision)

    def describe(self) -> str:
        """The publisher and the date, for messages.

        >>> Release(id="r", publisher="Xinhua", published="2022-08-19").describe()
        'Xinhua on 2022-08-19'
        """
        if self.published is None:
            return self.publisher
        return f"{self.publisher} on {self.published.isoformat()}"


def _fail(
    name: str, where: str, field_name: str | None, message: str, value: object
) -> ReportFileError:
    place = where if field_name is None else f"{where}, field {field_name!r}"
    return ReportFileError(f"{name}: {place}: {message}", file=name, field=field_name, value=value)


def read_releases(data: object, name: str) -> tuple[Release, ...]:
    """The ``[releases.<id>]`` tables of a report file, each checked on its own.

    Raises:
        ReportFileError: For a release that is not a table, an unknown or missing
            key, or a value its field refuses, naming the release and the field.
    """
    if data is None:
        return ()
    if not isinstance(data, dict) or not data:
        raise _fail(
            name,
            "releases",
            None,
            "expected a table of releases by id, such as [releases.aug2022] with publisher "
            "and published",
            data,
        )
    found = []
    for release_id, body in data.items():
        where = f"release {str(release_id)!r}"
        if not isinstance(body, dict):
            raise _fail(
                name, where, None, f"expected a table of release keys, got {quote(body)}", body
            )
        unknown = sorted(set(body) - _RELEASE_KEYS)
        if unknown:
            raise _fail(
                name,
                where,
                unknown[0],
                f"unknown key; expected one of {', '.join(sorted(_RELEASE_KEYS))}",
                unknown[0],
            )
        for key in ("publisher", "published"):
            if key not in body:
                raise _fail(name, where, key, "missing", None)
        for key in _RELEASE_KEYS - {"published", "max_revision"}:
            if key in body and not isinstance(body[key], str):
                raise _fail(name, where, key, f"expected text, got {quote(body[key])}", body[key])
        for key, read in _RELEASE_FIELDS.items():
            if key in body:
                try:
                    read(body[key])
                except TradeStatsError as error:
                    raise _fail(name, where, key, error.message, body[key]) from None
        found.append(Release(id=str(release_id), **body))
    return tuple(found)


def read_bases(data: object, name: str) -> tuple[tuple[str, str], ...]:
    """A report's own bases, ``[bases]`` with a name and what it means: ``fob = "…"``.

    Raises:
        ReportFileError: For anything but a table of names and descriptions.
    """
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise _fail(
            name,
            "bases",
            None,
            'expected a table of bases and their meaning, such as fob = "exports valued free '
            'on board"',
            data,
        )
    found = []
    for basis, meaning in data.items():
        if not isinstance(meaning, str) or not meaning.strip():
            raise _fail(
                name,
                "bases",
                str(basis),
                f"expected what the basis means, got {quote(meaning)}",
                meaning,
            )
        try:
            normalized = as_basis(basis)
        except TradeStatsError as error:
            raise _fail(name, "bases", str(basis), error.message, basis) from None
        assert normalized is not None
        found.append((normalized, " ".join(meaning.split())))
    return tuple(found)


#: How each key of a release is checked, for errors that name the field.
_RELEASE_FIELDS: Final = {
    "publisher": _publisher,
    "published": as_date,
    "title": _text,
    "url": _text,
    "status": _status,
    "max_revision": as_max_revision,
}
