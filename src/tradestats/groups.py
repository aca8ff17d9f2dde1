"""Partner groups whose members change over time: the EU, the euro area, ASEAN, RCEP, ….

"Trade with the EU" means trade with 28 countries in 2019 and with 27 from
February 2020: a growth rate across the United Kingdom's exit compares two
different sets of partners. The package ships a small, dated table of groups
(``tradestats/data/partner_groups.csv``, each row with its source; see the
README there): who was a member from which day to which day, with members
named by their ISO 3166-1 alpha-3 codes.

A :class:`Membership` rule says which members a group's figure for a period
covers: **as of each period** (the members on the period's last day, as
statistics offices publish a floating "EU" aggregate) or **fixed** (the same
members in every period, such as ``EU27_2020``), so that figures of two
periods compare like with like.

>>> import tradestats as ts
>>> len(ts.members("EU", on="2020-01-31")), len(ts.members("EU", on="2020-02-01"))
(28, 27)
>>> change = ts.membership_changed("EU", "2019", "2020")
>>> change.left, change.describe()
(('GBR',), 'the United Kingdom left the EU on 2020-02-01')
>>> ts.composition("EU", "2019", "fixed: EU27_2020") == ts.members("EU", on="2020-02-01")
True
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from calendar import monthrange
from functools import cache
from importlib import resources
from typing import Final, Self

from attrs import field, frozen

from tradestats._text import quote
from tradestats._validate import enum_member
from tradestats.errors import InvalidValueError, ParseError, UnknownGroupError
from tradestats.periods import Period, as_period

__all__ = [
    "GROUP_TABLE_VERSION",
    "GroupMember",
    "Membership",
    "MembershipChange",
    "MembershipKind",
    "PartnerGroup",
    "composition",
    "find_group",
    "members",
    "membership_changed",
    "partner_group",
    "partner_groups",
]

_SHIPPED: Final = "partner_groups.csv"
_COLUMNS: Final = ("group", "member", "name", "from", "to", "source")

#: How each group is named in prose, and the other names a report may use for it.
_TITLES: Final = {
    "EU": "the EU",
    "EU27_2020": "the EU of 27 (fixed: as from 2020-02-01)",
    "EU28": "the EU of 28 (fixed: 2013-07-01 to 2020-01-31)",
    "EA": "the euro area",
    "EA19": "the euro area of 19 (fixed: 2015 to 2022)",
    "EA20": "the euro area of 20 (fixed: 2023 to 2025)",
    "ASEAN": "ASEAN",
    "RCEP": "RCEP",
    "NAFTA": "NAFTA",
    "USMCA": "USMCA",
}
_ALIASES: Final = {
    "european union": "EU",
    "euro area": "EA",
    "eurozone": "EA",
    "euro zone": "EA",
    "association of southeast asian nations": "ASEAN",
    "regional comprehensive economic partnership": "RCEP",
}


def _date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ParseError(
        f"expected a date such as '2020-02-01' (or a datetime.date), got {quote(value)}",
        value=value,
    )


def _optional_date(value: dt.date | str | None) -> dt.date | None:
    return None if value is None or value == "" else _date(value)


@frozen
class GroupMember:
    """One row of the group table: a country's membership of a group, from one day to another.

    Args:
        group: The group's code, such as ``"EU"``.
        member: The member's ISO 3166-1 alpha-3 code, such as ``"GBR"``.
        name: Its name in prose, such as ``"the United Kingdom"``.
        start: Its first day as a member, or ``None`` in a fixed composition.
        end: Its last day as a member (inclusive), or ``None`` while it is one.
        source: Where the dates come from (a URL).
    """

    group: str
    member: str
    name: str
    start: dt.date | None = field(converter=_optional_date)
    end: dt.date | None = field(converter=_optional_date)
    source: str

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidValueError(
                f"{self.member} in {self.group}: membership ends ({self.end}) before it "
                f"starts ({self.start})",
                group=self.group,
                member=self.member,
            )

    def on(self, day: dt.date) -> bool:
        """Whether the country was a member on ``day`` (always, in a fixed composition)."""
        after_start = self.start is None or self.start <= day
        return after_start and (self.end is None or day <= self.end)

    @property
    def left_on(self) -> dt.date | None:
        """The first day it was no longer a member, or ``None``."""
        return None if self.end is None else self.end + dt.timedelta(days=1)


@frozen
class PartnerGroup:
    """A group of partner countries, with the dated membership of each.

    Get one with :func:`partner_group`; its rows come from the shipped table.

    Args:
        code: The group's code, such as ``"EU"`` or ``"EU27_2020"``.
        rows: Its memberships, one per country and spell.

    >>> eu = partner_group("EU")
    >>> eu
    PartnerGroup('EU')
    >>> eu.fixed, "HRV" in eu.members(on="2013-06-30"), "HRV" in eu.members(on="2013-07-01")
    (False, False, True)
    >>> partner_group("EU27_2020").fixed
    True
    """

    code: str
    rows: tuple[GroupMember, ...] = field(repr=False)

    def __repr__(self) -> str:
        return f"PartnerGroup({self.code!r})"

    @property
    def title(self) -> str:
        """The group's name in prose, such as ``"the EU"``, ``"the euro area"`` or ``"ASEAN"``."""
        return _TITLES.get(self.code, self.code)

    @property
    def fixed(self) -> bool:
        """Whether the group has one composition for all time (``EU27_2020``, ``EA20``)."""
        return all(row.start is None and row.end is None for row in self.rows)

    def members(self, on: dt.date | str | None = None) -> frozenset[str]:
        """The ISO alpha-3 codes of the members on a day (any day, for a fixed group).

        Raises:
            InvalidValueError: If ``on`` is missing for a group whose members change.
            ParseError: For a date that does not read.
        """
        if on is None:
            if not self.fixed:
                raise InvalidValueError(
                    f"the members of {self.code} change over time: give the day, as in "
                    f"members({quote(self.code)}, on='2020-02-01')",
                    group=self.code,
                )
            return frozenset(row.member for row in self.rows)
        day = _date(on)
        return frozenset(row.member for row in self.rows if row.on(day))

    def changes(self) -> tuple[dt.date, ...]:
        """The days on which the membership changed (a member joined or left), in order.

        >>> [day.isoformat() for day in partner_group("EA").changes()][-3:]
        ['2015-01-01', '2023-01-01', '2026-01-01']
        """
        days = {row.start for row in self.rows if row.start is not None}
        days |= {row.left_on for row in self.rows if row.left_on is not None}
        return tuple(sorted(days)[1:])  # the first day founded the group: no change

    def name_of(self, member: str) -> str:
        """The prose name of a member, such as ``"the United Kingdom"`` for ``"GBR"``.

        Raises:
            UnknownGroupError: For a code that was never a member.
        """
        for row in self.rows:
            if row.member == member:
                return row.name
        raise UnknownGroupError(
            f"{quote(member)} was never a member of {self.code}", group=self.code, member=member
        )


@cache  # read once: the table ships with the package and never changes
def _table() -> tuple[str, dict[str, PartnerGroup]]:
    text = resources.files("tradestats.data").joinpath(_SHIPPED).read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    version = first.removeprefix("# tradestats partner groups, version ").split(":")[0].strip()
    reader = csv.DictReader(io.StringIO(body))
    if tuple(reader.fieldnames or ()) != _COLUMNS:  # pragma: no cover - a broken package
        raise InvalidValueError(f"the shipped {_SHIPPED} lacks its header {','.join(_COLUMNS)}")
    grouped: dict[str, list[GroupMember]] = {}
    for record in reader:
        row = GroupMember(
            record["group"],
            record["member"],
            record["name"],
            record["from"],
            record["to"],
            record["source"],
        )
        grouped.setdefault(row.group, []).append(row)
    return version, {code: PartnerGroup(code, tuple(rows)) for code, rows in grouped.items()}


#: The version of the shipped group table (the date it was last checked against its sources).
GROUP_TABLE_VERSION: Final = _table()[0]


def partner_groups() -> tuple[str, ...]:
    """The codes of the shipped groups, in the table's order.

    >>> partner_groups()
    ('EU', 'EU27_2020', 'EU28', 'EA', 'EA19', 'EA20', 'ASEAN', 'RCEP', 'NAFTA', 'USMCA')
    """
    return tuple(_table()[1])


def find_group(name: object) -> PartnerGroup | None:
    """The group a partner name stands for (its code in any case, or a long name), or None.

    >>> find_group("European Union").code, find_group("asean").code, find_group("China")
    ('EU', 'ASEAN', None)
    """
    if not isinstance(name, str):
        return None
    text = " ".join(name.split())
    groups = _table()[1]
    for code, group in groups.items():
        if code.lower() == text.lower():
            return group
    alias = _ALIASES.get(text.lower())
    return None if alias is None else groups[alias]


def partner_group(group: PartnerGroup | str) -> PartnerGroup:
    """The shipped group of a code (``"EU"``, ``"eu27_2020"``) or long name (``"euro area"``).

    Raises:
        UnknownGroupError: For a name the table does not hold, listing those it does.
    """
    if isinstance(group, PartnerGroup):
        return group
    found = find_group(group)
    if found is None:
        raise UnknownGroupError(
            f"unknown partner group {quote(group)}: expected one of "
            f"{', '.join(partner_groups())} (see tradestats/data/README.md)",
            group=group,
        )
    return found


def members(group: PartnerGroup | str, on: dt.date | str | None = None) -> frozenset[str]:
    """The ISO alpha-3 codes of a group's members on a day (see :meth:`PartnerGroup.members`).

    Raises:
        UnknownGroupError: For an unknown group.
        InvalidValueError: If ``on`` is missing for a group whose members change.

    >>> sorted(members("EA", on="2026-01-01") - members("EA20"))
    ['BGR']
    """
    return partner_group(group).members(on)


class MembershipKind(enum.Enum):
    """How a group's figures of different periods are composed."""

    #: Each period's figure covers the members on the period's last day (a floating aggregate).
    AS_OF_EACH_PERIOD = "as of each period"
    #: Every period's figure covers the same members.
    FIXED = "fixed"


def _kind(value: MembershipKind | str) -> MembershipKind:
    return enum_member(MembershipKind, value, what="membership rule")


@frozen
class Membership:
    """Which members a group's figure for a period covers: a rule of composition.

    Written in report files as ``membership = "as of each period"`` or
    ``membership = "fixed: EU27_2020"`` (a fixed group) or
    ``"fixed: EU on 2020-02-01"`` (a dated group's members on a day).

    Args:
        kind: As of each period, or fixed.
        group: For a fixed rule, the group whose members are kept.
        on: For a fixed rule over a dated group, the day its members are taken.

    Raises:
        InvalidValueError: For a fixed rule over a dated group without ``on``, or
            an ``on`` or ``group`` given to "as of each period".

    >>> Membership.parse("fixed: eu27_2020")
    Membership('fixed: EU27_2020')
    >>> str(Membership.parse("As of each period"))
    'as of each period'
    """

    kind: MembershipKind = field(converter=_kind)
    group: str | None = None
    on: dt.date | None = field(default=None, converter=_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.kind is MembershipKind.AS_OF_EACH_PERIOD:
            if self.group is not None or self.on is not None:
                raise InvalidValueError(
                    "'as of each period' takes no group or date: the members of each period "
                    "are those on its last day",
                    group=self.group,
                )
            return
        if self.group is None:
            raise InvalidValueError("a fixed membership names its group, as in 'fixed: EU27_2020'")
        found = partner_group(self.group)
        object.__setattr__(self, "group", found.code)
        if not found.fixed and self.on is None:
            fixed = [code for code in partner_groups() if partner_group(code).fixed]
            raise InvalidValueError(
                f"{found.code} changes over time: write a fixed group ({', '.join(fixed)}) or "
                f"a day, as in 'fixed: {found.code} on 2020-02-01'",
                group=found.code,
            )
        if found.fixed and self.on is not None:
            raise InvalidValueError(
                f"{found.code} is fixed already: write 'fixed: {found.code}' without a day",
                group=found.code,
            )

    @classmethod
    def as_of_each_period(cls) -> Self:
        """The floating rule: each period with the members on its last day."""
        return cls(MembershipKind.AS_OF_EACH_PERIOD)

    @classmethod
    def fixed_as(cls, group: str, on: dt.date | str | None = None) -> Self:
        """The fixed rule: the members of a fixed group, or of a dated group on a day.

        Raises:
            UnknownGroupError: For an unknown group.
            InvalidValueError: For a dated group without ``on``.
        """
        return cls(MembershipKind.FIXED, group, on)

    @classmethod
    def parse(cls, text: Membership | str) -> Membership:
        """Read ``"as of each period"``, ``"fixed: EU27_2020"`` or ``"fixed: EU on 2020-02-01"``.

        Raises:
            ParseError: For other text.
            UnknownGroupError: For an unknown group.
            InvalidValueError: For a dated group without a day.
        """
        if isinstance(text, Membership):
            return text
        if not isinstance(text, str):
            raise ParseError(f"expected a membership rule as text, got {quote(text)}", value=text)
        words = " ".join(text.split())
        if words.lower() == MembershipKind.AS_OF_EACH_PERIOD.value:
            return cls.as_of_each_period()
        kind, colon, rest = words.partition(":")
        if kind.strip().lower() != "fixed" or not colon or not rest.strip():
            raise ParseError(
                f"unknown membership rule {quote(text)}: expected 'as of each period', "
                "'fixed: EU27_2020' or 'fixed: EU on 2020-02-01'",
                value=text,
            )
        group, on_word, day = rest.strip().partition(" on ")
        return cls.fixed_as(group.strip(), day.strip() if on_word else None)

    def __str__(self) -> str:
        if self.kind is MembershipKind.AS_OF_EACH_PERIOD:
            return str(self.kind.value)
        day = "" if self.on is None else f" on {self.on.isoformat()}"
        return f"fixed: {self.group}{day}"

    def __repr__(self) -> str:
        return f"Membership({str(self)!r})"


def _last_day(period: Period) -> dt.date:
    # monthrange, not "the 1st of the next month minus a day": December 9999 has no next month.
    return dt.date(
        period.end_year, period.end_month, monthrange(period.end_year, period.end_month)[1]
    )


def composition(
    group: PartnerGroup | str,
    period: Period | str | int,
    rule: Membership | str = MembershipKind.AS_OF_EACH_PERIOD.value,
) -> frozenset[str]:
    """The members a group's figure for a period covers, under a rule.

    As of each period, the members on the period's last day (so a country that
    joined during a year counts for all of it, as in Eurostat's floating
    aggregates); fixed, the rule's members whatever the period.

    Raises:
        UnknownGroupError: For an unknown group.
        ParseError: For a period or rule that does not read.

    >>> sorted(composition("EU", "2013", "as of each period") - composition("EU", "2012"))
    ['HRV']
    >>> len(composition("EU", "2004-04")), len(composition("EU", "2004-05"))
    (15, 25)
    """
    found, when, how = partner_group(group), as_period(period), Membership.parse(rule)
    if how.kind is MembershipKind.FIXED:
        assert how.group is not None
        return partner_group(how.group).members(how.on)
    return found.members(_last_day(when))


@frozen
class MembershipChange:
    """Which members joined or left a group between two periods (empty: none).

    Args:
        group: The group.
        earlier: The earlier of the two periods (by last month, then first month).
        later: The later one.
        joined: The codes of members in the later period only, sorted.
        left: The codes of members in the earlier period only, sorted.

    A change is true when a member joined or left.
    """

    group: PartnerGroup
    earlier: Period
    later: Period
    joined: tuple[str, ...]
    left: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.joined or self.left)

    def describe(self) -> str:
        """The change in words: ``"the United Kingdom left the EU on 2020-02-01"``.

        Each member is named with the day it joined or left (between the two
        periods' last days); an empty change says ``"no member joined or left"``.
        """
        if not self:
            return f"no member joined or left {self.group.title}"
        start, end = _last_day(self.earlier), _last_day(self.later)
        words = [
            f"{self.group.name_of(code)} joined {self.group.title} on {day.isoformat()}"
            for code, day in self._days(self.joined, start, end, leaving=False)
        ]
        words += [
            f"{self.group.name_of(code)} left {self.group.title} on {day.isoformat()}"
            for code, day in self._days(self.left, start, end, leaving=True)
        ]
        return _join(words)

    def _days(
        self, codes: tuple[str, ...], start: dt.date, end: dt.date, *, leaving: bool
    ) -> list[tuple[str, dt.date]]:
        found = []
        for code in codes:
            days = [
                row.left_on if leaving else row.start
                for row in self.group.rows
                if row.member == code
            ]
            inside = [day for day in days if day is not None and start < day <= end]
            found.append((code, min(inside) if inside else end))
        return sorted(found, key=lambda pair: (pair[1], pair[0]))


def _join(words: list[str]) -> str:
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + ", and " + words[-1]


def membership_changed(
    group: PartnerGroup | str,
    first_period: Period | str | int,
    second_period: Period | str | int,
    rule: Membership | str = MembershipKind.AS_OF_EACH_PERIOD.value,
) -> MembershipChange:
    """Which members joined or left a group between two periods, under a rule.

    The periods may come in either order: members of the later one only have
    joined, those of the earlier one only have left. Under a fixed rule nothing
    ever changes.

    Raises:
        UnknownGroupError: For an unknown group.
        ParseError: For a period or rule that does not read.

    >>> change = membership_changed("EA", "2022", "2023")
    >>> change.joined, bool(change), change.describe()
    (('HRV',), True, 'Croatia joined the euro area on 2023-01-01')
    >>> bool(membership_changed("EU", "2019", "2021", "fixed: EU27_2020"))
    False
    """
    found = partner_group(group)
    first, second = as_period(first_period), as_period(second_period)
    earlier, later = sorted(
        (first, second), key=lambda period: (period.end_index, period.start_index)
    )
    before, after = composition(found, earlier, rule), composition(found, later, rule)
    return MembershipChange(
        found, earlier, later, tuple(sorted(after - before)), tuple(sorted(before - after))
    )
