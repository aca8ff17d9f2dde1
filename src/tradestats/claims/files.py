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

from typing import TYPE_CHECKING, BinaryIO, Literal

from tradestats.claims._reading import read_stream
from tradestats.claims.report import Report

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["load_report", "parse_report", "read_report"]


def load_report(path: str | Path) -> Report:
    """Read a report from a ``.json`` file (JSON) or any other file (TOML).

    Args:
        path: The file.

    At most :data:`~tradestats.limits.MAX_REPORT_BYTES` bytes are read, so a
    device or an endless pipe is refused rather than read until memory runs out;
    the text is UTF-8, with or without a byte-order mark.

    Raises:
        ReportFileError: If the file cannot be read or does not describe a valid
            report; the message names the file, the claim and the field.
    """
    return Report.load(path)


def read_report(
    stream: BinaryIO, *, name: str = "<stdin>", kind: Literal["toml", "json"] | None = None
) -> Report:
    r"""Read a report from a binary stream, such as standard input.

    At most :data:`~tradestats.limits.MAX_REPORT_BYTES` bytes are read; the text is
    UTF-8, with or without a byte-order mark.

    Args:
        stream: The stream, opened in binary mode.
        name: What to call the stream in error messages.
        kind: ``"toml"`` or ``"json"``; if None, JSON when the text starts with ``{``.

    Raises:
        ReportFileError: If the stream is too large, not UTF-8, or not a valid report.

    >>> import io
    >>> read_report(io.BytesIO(b"\xff"), name="bad.toml")
    Traceback (most recent call last):
    ...
    tradestats.errors.ReportFileError: bad.toml: not UTF-8 text: byte 0xff at offset 0
    """
    text, found = read_stream(stream, name=name, kind=kind)
    return parse_report(text, name=name, kind=found)


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
