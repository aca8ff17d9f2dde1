"""Versions of the Harmonized System and concordances between them.

The HS is revised every five years (HS1992 to HS2022): codes are split, merged
and moved, so a series by HS code breaks at each revision. A
:class:`Concordance` says, for each code of one version, which codes of
another version hold its goods, with the relationship of each row (``1:1``,
``1:n``, ``n:1`` or ``n:n``). :func:`hs_concordance` gives the one shipped with
tradestats; :meth:`Concordance.from_csv` reads your own.

The shipped concordance is partial: it holds only the rows whose source could
be checked (see ``tradestats/data/README.md``), among them the split of
HS2017 8541.40 into HS2022 8541.41–8541.49. A code it does not cover is
refused, never guessed.

>>> from tradestats.hs import HSVersion, hs_concordance
>>> table = hs_concordance("HS2017", "HS2022")
>>> [(row.target, row.relationship.value) for row in table.rows_of("854140")]
[('854141', '1:n'), ('854142', '1:n'), ('854143', '1:n'), ('854149', '1:n')]
>>> table.reversed().rows_of("854141")[0].relationship
<HSRelationship.MANY_TO_ONE: 'n:1'>
"""

from __future__ import annotations

import csv
import enum
import io
import re
from collections import defaultdict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final, Self

from attrs import field, frozen

from tradestats._text import quote
from tradestats.errors import ConcordanceError, InvalidValueError, ParseError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Concordance",
    "ConcordanceRow",
    "HSRelationship",
    "HSVersion",
    "hs_concordance",
    "hs_version",
]


class HSVersion(enum.Enum):
    """An edition of the Harmonized System nomenclature.

    UN Comtrade calls them H0 (HS1992) to H6 (HS2022); :func:`hs_version`
    reads either spelling.
    """

    HS1992 = "HS1992"
    HS1996 = "HS1996"
    HS2002 = "HS2002"
    HS2007 = "HS2007"
    HS2012 = "HS2012"
    HS2017 = "HS2017"
    HS2022 = "HS2022"

    @property
    def year(self) -> int:
        """The year the edition came into force, such as 2022."""
        return int(self.value[2:])


# UN Comtrade's classification codes: H0 is the first edition in force (HS1992).
_COMTRADE: Final = {f"H{index}": version for index, version in enumerate(HSVersion)}


def hs_version(value: HSVersion | str) -> HSVersion:
    """Read an HS version: ``"HS2017"``, ``"HS17"``, ``"2017"`` or Comtrade's ``"H5"``.

    Raises:
        InvalidValueError: For anything else, naming the versions known.

    >>> hs_version("H5"), hs_version("hs2022").year
    (<HSVersion.HS2017: 'HS2017'>, 2022)
    """
    if isinstance(value, HSVersion):
        return value
    if isinstance(value, str):
        key = re.sub(r"[\s_-]", "", value).upper()
        if key in _COMTRADE:
            return _COMTRADE[key]
        year = key.removeprefix("HS")
        if year.isdigit() and len(year) in (2, 4):
            full = f"HS{year}" if len(year) == 4 else f"HS{'19' if year >= '88' else '20'}{year}"
            if full in HSVersion.__members__:
                return HSVersion[full]
    choices = ", ".join(member.value for member in HSVersion)
    raise InvalidValueError(
        f"unknown HS version {quote(value)}: expected one of {choices} (or Comtrade's H0 to H6)",
        value=value,
    )


class HSRelationship(enum.Enum):
    """How the codes of a concordance row relate, read from the source version to the target.

    ``1:1``: the code is renamed (or kept); ``n:1``: several source codes merge
    into one target; ``1:n``: the code is split; ``n:n``: both at once.
    """

    ONE_TO_ONE = "1:1"
    ONE_TO_MANY = "1:n"
    MANY_TO_ONE = "n:1"
    MANY_TO_MANY = "n:n"

    @property
    def exact(self) -> bool:
        """True for a rename or a merge (by summing), which convert without weights."""
        return self in (HSRelationship.ONE_TO_ONE, HSRelationship.MANY_TO_ONE)

    def reversed(self) -> HSRelationship:
        """The relationship read from the target back to the source: a split becomes a merge."""
        flipped = {HSRelationship.ONE_TO_MANY: HSRelationship.MANY_TO_ONE}
        flipped |= {target: source for source, target in flipped.items()}
        return flipped.get(self, self)


_SIX_DIGITS: Final = re.compile(r"^(?!00)\d{6}$")


def _code(value: str) -> str:
    text = re.sub(r"[.\s]", "", value) if isinstance(value, str) else value
    if not isinstance(text, str) or not _SIX_DIGITS.match(text):
        raise ParseError(
            f"malformed concordance code {quote(value)}: expected a six-digit HS subheading "
            "such as '854140' or '8541.40'",
            value=value,
        )
    return text


def _relationship(value: HSRelationship | str) -> HSRelationship:
    if isinstance(value, HSRelationship):
        return value
    try:
        return HSRelationship(value.strip().lower() if isinstance(value, str) else value)
    except ValueError:
        raise InvalidValueError(
            f"unknown relationship {quote(value)}: expected '1:1', '1:n', 'n:1' or 'n:n'",
            value=value,
        ) from None


@frozen
class ConcordanceRow:
    """One row of a concordance: a source code, a target code and how they relate.

    Args:
        source: The six-digit subheading in the source version (dots allowed).
        target: The six-digit subheading in the target version.
        relationship: ``"1:1"``, ``"1:n"``, ``"n:1"`` or ``"n:n"``, from source to target.
    """

    source: str = field(converter=_code)
    target: str = field(converter=_code)
    relationship: HSRelationship = field(converter=_relationship)


def _rows(value: Iterable[ConcordanceRow]) -> tuple[ConcordanceRow, ...]:
    return tuple(value)


@frozen
class Concordance:
    """A table from the six-digit codes of one HS version to those of another.

    Args:
        source: The version converted from.
        target: The version converted to.
        rows: The rows; each (source, target) pair once.
        origin: Where the rows come from (a publication, a file), for messages.

    Raises:
        InvalidValueError: For a repeated pair, the same version on both sides, or
            a relationship the rows contradict (a code with several targets must
            be ``1:n`` or ``n:n``; a target with several sources ``n:1`` or ``n:n``;
            a split code must not also be marked exact on one of its rows).
    """

    source: HSVersion = field(converter=hs_version)
    target: HSVersion = field(converter=hs_version)
    rows: tuple[ConcordanceRow, ...] = field(converter=_rows)
    origin: str = field(default="a concordance")
    _by_source: dict[str, tuple[ConcordanceRow, ...]] = field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if self.source is self.target:
            raise InvalidValueError(
                f"a concordance needs two different HS versions, got {self.source.value} twice",
                version=self.source.value,
            )
        by_source: defaultdict[str, list[ConcordanceRow]] = defaultdict(list)
        by_target: defaultdict[str, list[ConcordanceRow]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for row in self.rows:
            if (row.source, row.target) in seen:
                raise InvalidValueError(
                    f"the pair {row.source} → {row.target} appears twice in {self.origin}",
                    source=row.source,
                    target=row.target,
                )
            seen.add((row.source, row.target))
            by_source[row.source].append(row)
            by_target[row.target].append(row)
        # Necessary conditions only: a partial table may lack the other rows of a merge.
        for code, rows in by_source.items():
            split = len(rows) > 1 or any(not row.relationship.exact for row in rows)
            if split and any(row.relationship.exact for row in rows):
                self._contradiction(code, rows, "a split (1:n or n:n) on every row")
        for code, rows in by_target.items():
            if len(rows) > 1 and any(
                row.relationship in (HSRelationship.ONE_TO_ONE, HSRelationship.ONE_TO_MANY)
                for row in rows
            ):
                self._contradiction(code, rows, "a merge (n:1 or n:n) on every row")
        object.__setattr__(
            self, "_by_source", {code: tuple(rows) for code, rows in by_source.items()}
        )

    def _contradiction(self, code: str, rows: list[ConcordanceRow], expected: str) -> None:
        found = ", ".join(f"{row.source}→{row.target} {row.relationship.value}" for row in rows)
        raise InvalidValueError(
            f"{self.origin}: the rows of {code} ({found}) contradict their relationships: "
            f"expected {expected}",
            code=code,
        )

    def covers(self, code: str) -> bool:
        """Whether the table has rows for the six-digit source ``code``."""
        return _code(code) in self._by_source

    def rows_of(self, code: str) -> tuple[ConcordanceRow, ...]:
        """The rows of the source ``code`` (six digits, dots allowed), in the table's order.

        Raises:
            ConcordanceError: If the table has no row for the code.
        """
        key = _code(code)
        try:
            return self._by_source[key]
        except KeyError:
            raise ConcordanceError(
                f"{self.origin} has no row for {self.source.value} {key}: it cannot be "
                f"converted to {self.target.value} (tradestats never guesses a "
                "correspondence; pass a fuller concordance)",
                code=key,
                source=self.source.value,
                target=self.target.value,
            ) from None

    @property
    def codes(self) -> tuple[str, ...]:
        """The source codes the table covers, sorted."""
        return tuple(sorted(self._by_source))

    def reversed(self) -> Concordance:
        """The same table read from the target version back to the source version."""
        rows = (
            ConcordanceRow(row.target, row.source, row.relationship.reversed()) for row in self.rows
        )
        return Concordance(self.target, self.source, rows, origin=self.origin)

    @classmethod
    def from_csv(cls, source: str | Path, *, origin: str | None = None) -> Self:
        """Read a concordance from CSV text or a file, in the shipped table's format.

        The header is ``source_version,source_code,target_version,target_code,relationship``;
        every row has the same two versions. To use the UN Statistics Division's
        full correlation table, save its "Correlations" sheet in this layout
        (its relationships are written from the newer version to the older one:
        load it with those versions as source and target, or call
        :meth:`reversed`).

        Raises:
            InvalidValueError: For a missing column, mixed versions or bad rows.
            ParseError: For a malformed code.

        >>> text = '''source_version,source_code,target_version,target_code,relationship
        ... HS2017,854140,HS2022,854141,1:n
        ... HS2017,854140,HS2022,854149,1:n'''
        >>> Concordance.from_csv(text).codes
        ('854140',)
        """
        name, fields, records = _read_csv(source, origin, "the concordance text")
        columns = ("source_version", "source_code", "target_version", "target_code")
        missing = [c for c in (*columns, "relationship") if c not in fields]
        if missing:
            raise InvalidValueError(
                f"{name} lacks the column(s) {', '.join(missing)}: expected the header "
                f"{','.join(columns)},relationship",
                missing=missing,
            )
        for number, record in enumerate(records, start=1):
            _require_whole_row(record, name, number, len(fields))
        versions = {(r["source_version"], r["target_version"]) for r in records}
        if len(versions) != 1:
            raise InvalidValueError(
                f"{name} must hold one pair of versions, found {sorted(versions)}",
                versions=sorted(versions),
            )
        ((source_version, target_version),) = versions
        rows = (
            ConcordanceRow(r["source_code"], r["target_code"], r["relationship"]) for r in records
        )
        return cls(source_version, target_version, rows, origin=name)

    @classmethod
    def from_unsd(cls, source: str | Path, *, origin: str | None = None) -> Self:
        """Read a correlation table of the UN Statistics Division, saved as CSV from its workbook.

        UNSD publishes its HS correlation tables as workbooks (such as
        ``HS2022toHS2017ConversionAndCorrelationTables.xlsx``) whose correlation
        sheet has the columns ``From HS 2022``, ``To HS 2017`` and
        ``Relationship`` (some editions write ``From HS2022``). Save that sheet as
        CSV and read it here: the "From" version is the source, the "To" version
        the target, and each relationship is read from source to target, as UNSD
        writes it. Other columns are ignored and blank rows skipped; a code of
        five digits is one whose leading zero a spreadsheet dropped (``10121``
        for 0101.21), and gets it back.

        Raises:
            InvalidValueError: For a missing column, or a contradictory or unknown
                relationship.
            ParseError: For a malformed code, or text that is not CSV.

        >>> text = '''From HS 2022,To HS 2017,Relationship
        ... 854141,854140,n:1
        ... 854142,854140,n:1
        ... 854143,854140,n:1
        ... 854149,854140,n:1'''
        >>> table = Concordance.from_unsd(text)
        >>> table.source.value, table.target.value, table.reversed().codes
        ('HS2022', 'HS2017', ('854140',))
        """
        name, fields, records = _read_csv(source, origin, "the UNSD correlation text")
        codes = {role: _unsd_column(fields, role) for role in ("from", "to")}
        relationship = next((f for f in fields if f.strip().lower() == "relationship"), None)
        if codes["from"] is None or codes["to"] is None or relationship is None:
            missing = [
                label
                for label, column in (
                    ("From HS <year>", codes["from"]),
                    ("To HS <year>", codes["to"]),
                    ("Relationship", relationship),
                )
                if column is None
            ]
            raise InvalidValueError(
                f"{name} lacks the column(s) {', '.join(missing)}: expected a UNSD correlation "
                "sheet with the columns 'From HS 2022', 'To HS 2017' and 'Relationship' (or "
                "the versions it links)",
                missing=missing,
            )
        (source_column, source_version), (target_column, target_version) = (
            codes["from"],
            codes["to"],
        )
        rows = (
            ConcordanceRow(
                _restore_zero(r[source_column]), _restore_zero(r[target_column]), r[relationship]
            )
            for r in records
            if any(isinstance(value, str) and value.strip() for value in r.values())
        )
        return cls(source_version, target_version, rows, origin=name)


_UNSD_COLUMN: Final = re.compile(r"^\s*(from|to)\s*hs\s*(\d{4})\s*$", re.IGNORECASE)


def _unsd_column(fields: list[str], role: str) -> tuple[str, str] | None:
    """The column of a UNSD sheet that holds the "From" or "To" codes, and its HS version."""
    for name in fields:
        match = _UNSD_COLUMN.match(name)
        if match and match.group(1).lower() == role:
            return name, f"HS{match.group(2)}"
    return None


def _restore_zero(value: str) -> str:
    """A code whose leading zero a spreadsheet dropped (five digits), with the zero back."""
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and len(text) == 5 and text.isdigit():
        return "0" + text
    return text


def _read_csv(
    source: str | Path, origin: str | None, default: str
) -> tuple[str, list[str], list[dict[str, str]]]:
    """The name, header and rows of CSV text or a file, with read and parse errors as ours."""
    if isinstance(source, Path):
        name = origin or str(source)
        try:
            text = source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError) as error:
            raise InvalidValueError(
                f"cannot read the concordance {name}: {error}", path=name
            ) from None
    else:
        name, text = origin or default, source
    # A spreadsheet's CSV may start with a byte-order mark: it is not part of the header.
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        fields, records = list(reader.fieldnames or []), list(reader)
    except csv.Error as error:
        raise ParseError(f"{name} is not CSV as expected: {error}", origin=name) from None
    return name, fields, records


def _require_whole_row(record: dict[str, str], name: str, number: int, width: int) -> None:
    """Refuse a row of other than ``width`` fields: csv pads a short one with None."""
    extra = record.get(None)  # type: ignore[call-overload]  # csv.DictReader's restkey
    cells = [cell for key, cell in record.items() if key is not None]
    if None in cells or extra is not None:
        cells = [cell for cell in cells if cell is not None] + (extra or [])
        row = ",".join(cells)
        raise InvalidValueError(
            f"{name}, data row {number}: {quote(row)} has {len(cells)} field(s), "
            f"expected {width} as in the header",
            row=number,
            value=row,
        )


#: The shipped table, its source and licence: see tradestats/data/README.md.
_SHIPPED: Final = "hs_concordance.csv"
_SHIPPED_ORIGIN: Final = "the shipped HS concordance"


@cache  # read once: the table ships with the package and never changes
def _shipped() -> tuple[Concordance, ...]:
    text = resources.files("tradestats.data").joinpath(_SHIPPED).read_text(encoding="utf-8")
    lines = text.splitlines()
    header, body = lines[0], [line for line in lines[1:] if line.strip()]
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in body:
        source, _, target, *_rest = line.split(",")
        pairs[(source, target)].append(line)
    return tuple(
        Concordance.from_csv("\n".join([header, *rows]), origin=_SHIPPED_ORIGIN)
        for rows in pairs.values()
    )


def hs_concordance(source: HSVersion | str, target: HSVersion | str) -> Concordance:
    """The shipped concordance from one HS version to another (either direction).

    Raises:
        ConcordanceError: For a pair of versions the shipped table does not link.
        InvalidValueError: For an unknown version.
    """
    wanted = (hs_version(source), hs_version(target))
    for table in _shipped():
        if (table.source, table.target) == wanted:
            return table
        if (table.target, table.source) == wanted:
            return table.reversed()
    shipped = ", ".join(f"{t.source.value}→{t.target.value}" for t in _shipped())
    raise ConcordanceError(
        f"no shipped concordance links {wanted[0].value} and {wanted[1].value}: tradestats "
        f"ships {shipped} (and the reverse); pass your own Concordance",
        source=wanted[0].value,
        target=wanted[1].value,
    )
