r"""Report files: a report's claims as TOML or JSON, read into a :class:`.Report`.

The format is documented in :doc:`/report-format`. Every figure is written as
text, as published (``"183 billion yuan"``, ``"59.3%"``, ``"3.26 times"``), so
its digits, and the precision they carry, are kept. Anything wrong raises a
:class:`~tradestats.errors.ReportFileError` that names the file, the claim (or flow) and the field.

>>> from tradestats.claims.files import parse_report
>>> parse_report('title = "x"\n[flows.world]\nflow = "total"\nreporter = "Xinjiang"\n'
...              '[[claims]]\nid = "g"\nflow = "world"\ngrowth = true\nperiod = "2023"',
...              name="bad.toml")
Traceback (most recent call last):
...
tradestats.errors.ReportFileError: bad.toml: claim 'g', field 'growth': expected a growth
rate as text, such as '61.4%', got true
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from tradestats.claims.report import Report

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["load_report", "parse_report"]


def load_report(path: str | Path) -> Report:
    """Read a report from a ``.json`` file (JSON) or any other file (TOML).

    Args:
        path: The file.

    Raises:
        ReportFileError: If the file cannot be read or does not describe a valid
            report; the message names the file, the claim and the field.
    """
    return Report.load(path)


def parse_report(
    text: str, *, name: str = "<string>", kind: Literal["toml", "json"] = "toml"
) -> Report:
    """Read a report from TOML or JSON text.

    Args:
        text: The report.
        name: What to call the text in error messages, usually its file name.
        kind: ``"toml"`` or ``"json"``.

    Raises:
        ReportFileError: For a syntax error (with its line) or anything that does
            not describe a valid report.
    """
    if kind == "json":
        return Report.from_json(text, name=name)
    return Report.from_toml(text, name=name)
