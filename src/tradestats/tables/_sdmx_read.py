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

from tradestats._text import quote, quote_all
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
        # One string per series, shared by its observations.
        keys: dict[tuple[str | None, ...], str] = {}
        found = []
        for row in rows:
            codes = tuple([column[row] for column in lists])
            key = keys.get(codes)
            if key is None:
                key = keys[codes] = ".".join([code or "" for code in codes])
            found.append(key)
        return found


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

# Codes and indices of an SDMX-JSON message are short; a longer one is refused
# before it is converted (Python's int() of text is quadratic in its length).
_MAX_INDEX_CHARS: Final = 9
# 10 ** 1000 has 3,322 bits: the largest magnitude tradestats.limits lets a figure have.
_MAX_INT_BITS: Final = 3322


def _shape_error(
    where: str, what: str, value: object, expected: str, **details: object
) -> ParseError:
    return ParseError(
        f"{where}: {what} is {quote(value)}: expected {expected}",
        source=where,
        value=value,
        **details,
    )


def _text_of(value: object, where: str, what: str, **details: object) -> str | None:
    """A code or observation value as text: JSON strings and numbers, or None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
            raise _shape_error(where, what, value, "a number of at most 1000 digits", **details)
        return str(value)
    raise _shape_error(where, what, value, "text or a number", **details)


def _listed(container: Mapping[str, Any], key: str, where: str, what: str) -> list[Any]:
    value = container.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _shape_error(where, what, value, "a list")
    return value


def _mapping(value: object, where: str, what: str, **details: object) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise _shape_error(where, what, value, "an object", **details)
    return value


def _components(
    section: Mapping[str, Any], level: str, where: str, kind: str
) -> list[tuple[str, list[str | None]]]:
    """The (id, codes) of the dimensions or attributes of one level of a message."""
    found: list[tuple[str, list[str | None]]] = []
    for item in _listed(section, level, where, f"the {level} {kind}"):
        what = f"a {level} {kind.rstrip('s')}"
        component = _mapping(item, where, what)
        name = component.get("id")
        if not isinstance(name, str) or not name:
            raise _shape_error(where, f"the id of {what}", name, "a component id such as 'FREQ'")
        codes: list[str | None] = []
        for entry in _listed(component, "values", where, f"the values of {name!r}"):
            value = _mapping(entry, where, f"a value of {name!r}", attribute=name)
            code = value.get("id", value.get("value", ""))
            codes.append(_text_of(code, where, f"a code of {name!r}", attribute=name))
        found.append((name, codes))
    return found


def _index(text: object, size: int, where: str, what: str, **details: object) -> int:
    """A position in a list of ``size`` codes, from a key part or an attribute index."""
    if (
        isinstance(text, str)
        and text.isascii()
        and text.isdigit()
        and len(text) <= _MAX_INDEX_CHARS
    ):
        index = int(text)
    elif isinstance(text, int) and not isinstance(text, bool):
        index = text
    else:
        index = -1
    if not 0 <= index < size:
        raise _shape_error(
            where,
            what,
            text,
            f"the position of one of its {size} values (a whole number from 0 to {size - 1})"
            if size
            else "no index: the component lists no values",
            **details,
        )
    return index


def _dataflow_of(structure: Mapping[str, Any], tree: Mapping[str, Any]) -> str:
    for link in _listed(structure, "links", "the message", "the structure's links"):
        if not isinstance(link, Mapping):
            continue
        urn = link.get("urn") or link.get("href") or ""
        if isinstance(urn, str) and link.get("rel") in {"dataflow", "datastructure"} and "=" in urn:
            return urn.rsplit("=", 1)[1].rsplit(":", maxsplit=1)[-1].split("(", maxsplit=1)[0]
    header = tree.get("header")
    for name in (structure.get("id"), header.get("id") if isinstance(header, Mapping) else None):
        if isinstance(name, str) and name:
            return name
    return ""


def from_json(tree: Any, where: str) -> Observations:
    """The observations of an SDMX-JSON data message (1.0, or 2.0's ``data`` object).

    Raises:
        ParseError: For a message of the wrong shape, naming the file, the series
            key and the component where it goes wrong.
    """
    if not isinstance(tree, Mapping):
        raise ParseError(f"{where}: expected an SDMX-JSON object, got {type(tree).__name__}")
    body = tree.get("data", tree) if "dataSets" not in tree else tree
    body = body if isinstance(body, Mapping) else {}
    structure = body.get("structure")
    if structure is None and isinstance(body.get("structures"), list) and body["structures"]:
        structure = body["structures"][0]
    if not isinstance(structure, Mapping) or not isinstance(body.get("dataSets"), list):
        raise ParseError(
            f"{where}: not an SDMX-JSON data message: expected 'structure' and 'dataSets'",
            source=where,
        )
    dims = _mapping(structure.get("dimensions"), where, "the structure's dimensions")
    attrs = _mapping(structure.get("attributes"), where, "the structure's attributes")
    levels = {
        level: _components(dims, level, where, "dimensions")
        for level in ("dataSet", "series", "observation")
    }
    attributes = {
        level: _components(attrs, level, where, "attributes")
        for level in ("dataSet", "series", "observation")
    }
    fixed = {name: codes[0] if codes else None for name, codes in levels["dataSet"]}

    def decode(parts: list[tuple[str, list[str | None]]], key: object, what: str) -> dict[str, Any]:
        if not isinstance(key, str):
            raise _shape_error(where, f"a {what} key", key, "text such as '0:1:0'")
        indices = key.split(":") if key else []
        if len(indices) != len(parts):
            raise ParseError(
                f"{where}: {what} key {quote(key)} has {len(indices)} positions, "
                f"expected {len(parts)} ({', '.join(name for name, _ in parts)})",
                source=where,
                series=key,
            )
        return {
            name: codes[
                _index(
                    i,
                    len(codes),
                    where,
                    f"{what} key {quote(key)}, {name!r}",
                    series=key,
                    attribute=name,
                )
            ]
            for (name, codes), i in zip(parts, indices, strict=True)
        }

    def attached(
        parts: list[tuple[str, list[str | None]]], indices: object, key: str
    ) -> dict[str, Any]:
        if indices is None:
            return {}
        if not isinstance(indices, list):
            raise _shape_error(
                where, f"the attributes of series {quote(key)}", indices, "a list", series=key
            )
        found: dict[str, Any] = {}
        for (name, codes), index in zip(parts, indices, strict=False):
            if index is not None:
                at = (
                    _index(
                        index,
                        len(codes),
                        where,
                        f"series {quote(key)}, attribute {name!r}",
                        series=key,
                        attribute=name,
                    )
                    if codes
                    else None
                )
                found[name] = None if at is None else codes[at]
        return found

    rows: list[dict[str, str | None]] = []
    for item in body["dataSets"]:
        data_set = _mapping(item, where, "a data set")
        shared = {**fixed, **attached(attributes["dataSet"], data_set.get("attributes"), "")}
        groups: list[tuple[str, Mapping[str, Any], dict[str, Any]]] = [
            ("", {"observations": data_set.get("observations")}, shared)
        ]
        for key, entry in _mapping(data_set.get("series"), where, "the series").items():
            series = _mapping(entry, where, f"series {quote(key)}", series=key)
            row = {**shared, **decode(levels["series"], key, "series")}
            row.update(attached(attributes["series"], series.get("attributes"), key))
            groups.append((key, series, row))
        for series_key, series, base in groups:
            observations = _mapping(
                series.get("observations"),
                where,
                f"the observations of series {quote(series_key)}",
                series=series_key,
            )
            for key, given in observations.items():
                row = {**base, **decode(levels["observation"], key, "observation")}
                values = [] if given is None else given
                if not isinstance(values, list):
                    raise _shape_error(
                        where,
                        f"observation {quote(key)} of series {quote(series_key)}",
                        given,
                        "a list: the value, then attribute indices",
                        series=series_key,
                    )
                row[VALUE] = _text_of(
                    values[0] if values else None,
                    where,
                    f"the value of observation {quote(key)} of series {quote(series_key)}",
                    series=series_key,
                    attribute=VALUE,
                )
                row.update(attached(attributes["observation"], values[1:], series_key))
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
        except RecursionError:
            raise ParseError(
                f"{where}: not JSON that can be read: nested too deep", source=where
            ) from None
        except ValueError as error:  # an integer of more than 4,300 digits
            raise ParseError(
                f"{where}: not JSON that can be read: {quote(str(error), 60)}", source=where
            ) from None


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
                    f"{where}: no column {quote(needed)}: an SDMX-CSV file has {quote(TIME)} and "
                    f"{quote(VALUE)} columns (found {quote_all(names)})",
                    path=where,
                    column=needed,
                )
        names = [
            name.upper() if name.upper() in _CSV_META | {TIME, VALUE} else name for name in names
        ]
        columns: dict[str, list[str | None]] = {name: [] for name in names}
        width = len(names)
        # One string per distinct code: a column of a million repeats of a few hundred
        # codes then holds a million references, not a million strings (a fifth of the
        # memory). Values and periods are mostly distinct, and kept as read.
        interned: list[dict[str, str] | None] = [
            None if name in (VALUE, TIME) else {"": ""} for name in names
        ]
        lists = [(columns[name], codes) for name, codes in zip(names, interned, strict=True)]
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
            for (target, codes), text in zip(lists, record, strict=True):
                kept = text if codes is None else codes.setdefault(text, text)
                target.append(kept or None)
    dataflow = ""
    for meta in ("DATAFLOW", "STRUCTURE_ID"):
        if columns.get(meta):
            dataflow = str(columns[meta][0] or "").split(":")[-1].split("(")[0]
            break
    end = names.index(VALUE)
    dimensions = tuple(name for name in names[:end] if name not in _CSV_META and name != TIME)
    return Observations(where, dataflow, dimensions, columns)
