"""Small SDMX message writers for the tests: generic SDMX-ML 2.1, SDMX-JSON 1.0, SDMX-CSV 1.0.

A message is a list of :class:`Series`: a series key (dimension id → code),
series attributes, and observations (period, value text, status code or None).
The writers follow the layouts the loader's specimens follow, so a property test
can write a random message in each format and read it back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

from attrs import frozen

if TYPE_CHECKING:
    from pathlib import Path


_DATAFLOW_URN = "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow"


@frozen
class Series:
    """One series of a message: its key, its attributes and its observations."""

    key: Mapping[str, str]
    attributes: Mapping[str, str]
    observations: Sequence[tuple[str, str | None, str | None]]


def write_generic_ml(path: Path, dataflow: str, series: Sequence[Series]) -> None:
    """An SDMX-ML 2.1 generic data message, readable without its structure."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            '<message:GenericData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"'
            ' xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic"'
            ' xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">'
        ),
        (
            "<message:Header><message:ID>TEST</message:ID><message:Test>true</message:Test>"
            "<message:Prepared>2024-01-01T00:00:00</message:Prepared><message:Sender id='TEST'/>"
            f'<message:Structure structureID="{dataflow}" dimensionAtObservation="TIME_PERIOD">'
            f'<common:Structure><Ref agencyID="TEST" id="{dataflow}" version="1.0"/>'
            "</common:Structure></message:Structure></message:Header>"
        ),
        f'<message:DataSet structureRef="{dataflow}">',
    ]
    for one in series:
        key = "".join(f'<generic:Value id="{k}" value={quoteattr(v)}/>' for k, v in one.key.items())
        attributes = "".join(
            f'<generic:Value id="{k}" value={quoteattr(v)}/>' for k, v in one.attributes.items()
        )
        lines.append(f"<generic:Series><generic:SeriesKey>{key}</generic:SeriesKey>")
        if attributes:
            lines.append(f"<generic:Attributes>{attributes}</generic:Attributes>")
        for period, value, status in one.observations:
            obs = f'<generic:Obs><generic:ObsDimension value="{period}"/>'
            obs += f'<generic:ObsValue value="{"NaN" if value is None else value}"/>'
            if status is not None:
                obs += (
                    f'<generic:Attributes><generic:Value id="OBS_STATUS" value="{status}"/>'
                    "</generic:Attributes>"
                )
            lines.append(obs + "</generic:Obs>")
        lines.append("</generic:Series>")
    lines += ["</message:DataSet>", "</message:GenericData>"]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_json(path: Path, dataflow: str, series: Sequence[Series]) -> None:
    """An SDMX-JSON 1.0 data message; values are written as JSON numbers, digits as given."""
    dims = list(series[0].key) if series else []
    attr_names = sorted({name for one in series for name in one.attributes})
    dim_codes = {d: sorted({one.key[d] for one in series}) for d in dims}
    attr_codes = {
        a: sorted({one.attributes[a] for one in series if a in one.attributes}) for a in attr_names
    }
    periods = sorted({obs[0] for one in series for obs in one.observations})
    statuses = sorted({obs[2] for one in series for obs in one.observations if obs[2] is not None})
    out_series: dict[str, Any] = {}
    placeholder: dict[str, str] = {}
    for number, one in enumerate(series):
        key = ":".join(str(dim_codes[d].index(one.key[d])) for d in dims)
        observations = {}
        for period, value, status in one.observations:
            # A JSON number keeps the digits written; a marker is swapped for them below.
            marker = f"@@{number}-{period}@@"
            placeholder[f'"{marker}"'] = "null" if value is None else value
            status_index = None if status is None else statuses.index(status)
            observations[str(periods.index(period))] = [marker, status_index]
        out_series[key] = {
            "attributes": [
                attr_codes[a].index(one.attributes[a]) if a in one.attributes else None
                for a in attr_names
            ],
            "observations": observations,
        }
    message = {
        "header": {"id": "TEST", "prepared": "2024-01-01T00:00:00Z", "sender": {"id": "TEST"}},
        "dataSets": [{"action": "Information", "series": out_series}],
        "structure": {
            "links": [
                {
                    "rel": "dataflow",
                    "urn": f"{_DATAFLOW_URN}=TEST:{dataflow}(1.0)",
                }
            ],
            "dimensions": {
                "series": [
                    {"id": d, "keyPosition": i, "values": [{"id": c} for c in dim_codes[d]]}
                    for i, d in enumerate(dims)
                ],
                "observation": [{"id": "TIME_PERIOD", "values": [{"id": p} for p in periods]}],
            },
            "attributes": {
                "dataSet": [],
                "series": [
                    {"id": a, "values": [{"id": c} for c in attr_codes[a]]} for a in attr_names
                ],
                "observation": [{"id": "OBS_STATUS", "values": [{"id": s} for s in statuses]}],
            },
        },
    }
    text = json.dumps(message, indent=1)
    for marker, value in placeholder.items():
        text = text.replace(marker, value)
    path.write_text(text, encoding="utf-8")


def write_csv(path: Path, dataflow: str, series: Sequence[Series]) -> None:
    """An SDMX-CSV 1.0 file: dataflow, dimensions, time, value, then attributes."""
    dims = list(series[0].key) if series else []
    attr_names = sorted({name for one in series for name in one.attributes})
    lines = [",".join(["DATAFLOW", *dims, "TIME_PERIOD", "OBS_VALUE", *attr_names, "OBS_STATUS"])]
    for one in series:
        for period, value, status in one.observations:
            fields = [f"TEST:{dataflow}(1.0)", *(one.key[d] for d in dims), period, value or ""]
            fields += [one.attributes.get(a, "") for a in attr_names]
            fields.append(status or "")
            lines.append(",".join(fields))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
