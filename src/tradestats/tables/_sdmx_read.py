"""Private: SDMX messages as columns of codes, one row per observation.

Each reader gives a :class:`Observations`: one list per component (dimension
or attribute, by its id), plus ``TIME_PERIOD`` and ``OBS_VALUE``, all text, the
observation value exactly as written. Attributes attached to the data set or a
series are repeated on each of its observations.

- SDMX-ML 2.1 (generic and structure-specific) is read by ``sdmx1``, which
  keeps each value as the text of the message; a structure-specific message
  needs its data structure (a structure message, or the ``sdmx1`` object).
- SDMX-JSON (1.0, and 2.0's data layout) is read here with :mod:`json`:
  ``sdmx1`` parses its numbers as binary floats, and an observation value must
  stay the decimal the agency wrote.
- SDMX-CSV (1.0, as Eurostat serves it, and 2.0) is read here with :mod:`csv`:
  ``sdmx1`` reads 2.0 only, and only with a structure.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from attrs import frozen

from tradestats.errors import ParseError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["TIME", "VALUE", "Observations", "from_csv", "from_json", "from_message", "sniff"]

#: The time dimension and the primary measure, by their SDMX 2.1 ids.
TIME: Final = "TIME_PERIOD"
VALUE: Final = "OBS_VALUE"
# SDMX-CSV columns that are neither dimensions nor attributes.
_CSV_META: Final = frozenset({"DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "ACTION", "LAST UPDATE"})


@frozen
class Observations:
    """The observations of a message, one list of codes per component.

    Attributes:
        where: The file (or "the message"), for error messages.
        dataflow: The dataflow or data structure id the message names, or "".
        dimensions: The series dimensions, in key order (the time dimension aside).
        columns: Component id → one code (or None) per observation.
    """

    where: str
    dataflow: str
    dimensions: tuple[str, ...]
    columns: Mapping[str, list[str | None]]

    def __len__(self) -> int:
        return len(self.columns[VALUE])

    def series_key(self, row: int) -> str:
        """The series key of a row, SDMX-style: ``M.I9.N.X.TTT.W1.4.VAL``."""
        return self.series_keys([row])[0]

    def series_keys(self, rows: Iterable[int]) -> list[str]:
        """The series keys of many rows, in one pass over the dimension columns."""
        lists = [self.columns[name] for name in self.dimensions]
        return [".".join([codes[row] or "" for codes in lists]) for row in rows]


def _columnar(
    where: str, dataflow: str, dimensions: Iterable[str], rows: list[dict[str, str | None]]
) -> Observations:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    names.setdefault(TIME)
    names.setdefault(VALUE)
    columns = {name: [row.get(name) for row in rows] for name in names}
    return Observations(where, dataflow, tuple(d for d in dimensions if d != TIME), columns)


def sniff(path: str | os.PathLike[str]) -> str:
    """``"xml"``, ``"json"`` or ``"csv"``, from the first character of a file."""
    with open(path, "rb") as stream:
        start = stream.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<"):
        return "xml"
    if start.startswith(b"{"):
        return "json"
    return "csv"


# -- SDMX-ML, through sdmx1 -------------------------------------------------------------------


def _code(value: Any) -> str | None:
    """The code of a key or attribute value: sdmx1 gives text, a Code, or a wrapper of either."""
    inner = getattr(value, "value", value)
    inner = getattr(inner, "id", inner)
    return None if inner is None else str(inner)


def from_message(message: Any, where: str) -> Observations:
    """The observations of an ``sdmx1`` data message, whatever format it was read from."""
    rows: list[dict[str, str | None]] = []
    dimensions: dict[str, None] = {}
    dataflow = ""
    for data_set in getattr(message, "data", []):
        structure = getattr(data_set, "structured_by", None)
        flow = getattr(data_set, "described_by", None)
        dataflow = dataflow or str(getattr(flow, "id", None) or getattr(structure, "id", "") or "")
        shared = {name: _code(value) for name, value in (data_set.attrib or {}).items()}
        # A series' key and attributes are read once, not through each observation's merged
        # copy (sdmx1's Observation.key and .attrib copy them, which dominates the time).
        groups = [
            (
                {
                    **shared,
                    **{name: _code(value) for name, value in key.values.items()},
                    **{name: _code(value) for name, value in key.attrib.items()},
                },
                observations,
            )
            for key, observations in data_set.series.items()
        ]
        flat = [observation for observation in data_set.obs if observation.series_key is None]
        groups.append((shared, flat))
        for key in data_set.series:
            dimensions.update(dict.fromkeys(key.values))
        for base, observations in groups:
            for observation in observations:
                row = dict(base)
                dimension = observation.dimension
                if dimension is not None:
                    for name, value in dimension.values.items():
                        if observation.series_key is None:
                            dimensions.setdefault(name)
                        row[name] = _code(value)
                for name, value in observation.attached_attribute.items():
                    row[name] = _code(value)
                value = observation.value
                # A message sdmx1 read from SDMX-JSON holds floats: their shortest repr is the
                # text the agency wrote, for the 15 significant digits a float keeps.
                row[VALUE] = None if value is None else str(value)
                rows.append(row)
    if not dataflow:
        header_structure = getattr(getattr(message, "dataflow", None), "id", None)
        dataflow = str(header_structure or "")
    return _columnar(where, dataflow, dimensions, rows)


# -- SDMX-JSON -------------------------------------------------------------------------------


def _ids(component: Mapping[str, Any]) -> list[str | None]:
    return [
        None if value is None else str(value.get("id", value.get("value", "")))
        for value in component.get("values", [])
    ]


def _dataflow_of(structure: Mapping[str, Any], tree: Mapping[str, Any]) -> str:
    for link in structure.get("links", []):
        urn = str(link.get("urn") or link.get("href") or "")
        if link.get("rel") in {"dataflow", "datastructure"} and "=" in urn:
            return urn.rsplit("=", 1)[1].rsplit(":", maxsplit=1)[-1].split("(", maxsplit=1)[0]
    return str(structure.get("id") or tree.get("header", {}).get("id") or "")


def from_json(tree: Any, where: str) -> Observations:
    """The observations of an SDMX-JSON data message (1.0, or 2.0's ``data`` object)."""
    if not isinstance(tree, dict):
        raise ParseError(f"{where}: expected an SDMX-JSON object, got {type(tree).__name__}")
    body = tree.get("data", tree) if "dataSets" not in tree else tree
    structure = body.get("structure")
    if structure is None and body.get("structures"):
        structure = body["structures"][0]
    if not isinstance(structure, dict) or not isinstance(body.get("dataSets"), list):
        raise ParseError(
            f"{where}: not an SDMX-JSON data message: expected 'structure' and 'dataSets'",
            source=where,
        )
    dims = structure.get("dimensions", {})
    attrs = structure.get("attributes", {})
    levels = {
        level: [(c["id"], _ids(c)) for c in dims.get(level, [])]
        for level in ("dataSet", "series", "observation")
    }
    attributes = {
        level: [(c["id"], _ids(c)) for c in attrs.get(level, [])]
        for level in ("dataSet", "series", "observation")
    }
    fixed = {name: codes[0] if codes else None for name, codes in levels["dataSet"]}

    def decode(parts: list[tuple[str, list[str | None]]], key: str, what: str) -> dict[str, Any]:
        indices = key.split(":") if key else []
        if len(indices) != len(parts):
            raise ParseError(
                f"{where}: {what} key {key!r} has {len(indices)} positions, "
                f"expected {len(parts)} ({', '.join(name for name, _ in parts)})",
                source=where,
                series=key,
            )
        try:
            return {name: codes[int(i)] for (name, codes), i in zip(parts, indices, strict=True)}
        except (ValueError, IndexError):
            raise ParseError(
                f"{where}: {what} key {key!r} points past the values of its dimensions",
                source=where,
                series=key,
            ) from None

    def attached(parts: list[tuple[str, list[str | None]]], indices: Any) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for (name, codes), index in zip(parts, indices or [], strict=False):
            if index is not None:
                found[name] = codes[int(index)] if codes else None
        return found

    rows: list[dict[str, str | None]] = []
    for data_set in body["dataSets"]:
        shared = {**fixed, **attached(attributes["dataSet"], data_set.get("attributes"))}
        groups = [("", {"observations": data_set.get("observations", {})}, shared)]
        for key, series in (data_set.get("series") or {}).items():
            row = {**shared, **decode(levels["series"], key, "series")}
            row.update(attached(attributes["series"], series.get("attributes")))
            groups.append((key, series, row))
        for _, series, base in groups:
            for key, values in (series.get("observations") or {}).items():
                row = {**base, **decode(levels["observation"], key, "observation")}
                value = values[0] if values else None
                row[VALUE] = None if value is None else str(value)
                row.update(attached(attributes["observation"], values[1:]))
                rows.append(row)
    order = [name for name, _ in levels["dataSet"] + levels["series"] + levels["observation"]]
    return _columnar(where, _dataflow_of(structure, tree), order, rows)


def load_json(path: str | os.PathLike[str]) -> Any:
    """An SDMX-JSON file parsed with every non-whole number kept as its text."""
    where = os.fspath(path)
    with open(where, encoding="utf-8-sig") as stream:
        try:
            return json.load(stream, parse_float=str)
        except json.JSONDecodeError as error:
            raise ParseError(f"{where}: not JSON: {error}", source=where) from None


# -- SDMX-CSV --------------------------------------------------------------------------------


def from_csv(path: str | os.PathLike[str], *, delimiter: str | None = None) -> Observations:
    """The observations of an SDMX-CSV file (1.0 or 2.0; comma or semicolon separated).

    Columns are named by their component ids (a ``labels=both`` header such as
    ``freq:Time frequency`` is cut at the colon; codes stay as written). The
    dimensions are the columns between the dataflow column(s) and ``OBS_VALUE``.
    """
    where = os.fspath(path)
    with open(where, encoding="utf-8-sig", newline="") as stream:
        first = stream.readline()
        if not first.strip():
            raise ParseError(f"{where}: the file is empty, expected an SDMX-CSV header", path=where)
        separator = delimiter or (";" if first.count(";") > first.count(",") else ",")
        names = [
            name.split(":", 1)[0].strip() for name in next(csv.reader([first], delimiter=separator))
        ]
        upper = [name.upper() for name in names]
        for needed in (TIME, VALUE):
            if needed not in upper:
                raise ParseError(
                    f"{where}: no column {needed!r}: an SDMX-CSV file has {TIME!r} and "
                    f"{VALUE!r} columns (found {', '.join(map(repr, names))})",
                    path=where,
                    column=needed,
                )
        names = [
            name.upper() if name.upper() in _CSV_META | {TIME, VALUE} else name for name in names
        ]
        columns: dict[str, list[str | None]] = {name: [] for name in names}
        lists = [columns[name] for name in names]
        width = len(names)
        for line, record in enumerate(csv.reader(stream, delimiter=separator), start=2):
            if len(record) != width:
                if not record:
                    continue
                raise ParseError(
                    f"{where}, line {line}: {len(record)} fields, expected {width} "
                    "as in the header",
                    path=where,
                    line=line,
                )
            for target, text in zip(lists, record, strict=True):
                target.append(text or None)
    dataflow = ""
    for meta in ("DATAFLOW", "STRUCTURE_ID"):
        if columns.get(meta):
            dataflow = str(columns[meta][0] or "").split(":")[-1].split("(")[0]
            break
    end = names.index(VALUE)
    dimensions = tuple(name for name in names[:end] if name not in _CSV_META and name != TIME)
    return Observations(where, dataflow, dimensions, columns)
