"""Benchmark ``read_sdmx`` on SDMX-CSV and SDMX-ML against polars and pandas on plain CSV.

Prints a table of figures; asserts nothing about speed. Run with
``python benchmarks/bench_sdmx.py`` (1,000,000 observations; ``--quick`` for
20,000, as CI does; ``--rows N`` for another size).

The data are synthetic but shaped like an ECB TRD extract: monthly series
keyed by reporter, flow, product and partner, values in millions of euros
with three decimals (``UNIT_MULT`` 6, ``DECIMALS`` 3), a status per
observation. The same observations are written three ways, to a temporary
directory: SDMX-CSV 1.0, SDMX-ML 2.1 generic data, and a plain CSV with the
tidy columns (what a reader without SDMX would get).

Each read runs in a fresh subprocess, so that its peak resident memory
(``ru_maxrss``, every allocator counted: Python, lxml, Arrow, polars) is its
own; the peak of a subprocess that only imports the libraries is subtracted.
Times are the best of the repeats. The ratios compare each read with polars
reading the plain CSV, the fastest way to the same numbers (as floats, not
exact decimals, with no statuses, precisions or checks).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FULL_ROWS = 1_000_000
QUICK_ROWS = 20_000
MONTHS = [f"{year}-{month:02d}" for year in range(2015, 2025) for month in range(1, 13)]
READERS = ("polars plain CSV", "pandas plain CSV", "read_sdmx SDMX-CSV", "read_sdmx SDMX-ML")


def _series(rows: int) -> list[tuple[str, str, str, str]]:
    reporters = ["I9", "DE", "FR", "IT", "ES", "NL", "BE", "AT", "PT", "IE"]
    partners = [f"P{n:03d}" for n in range(200)]
    products = ["TTT", "0", "1", "2", "3", "4", "5", "6", "7", "8"]
    keys = [(r, f, p, c) for r in reporters for f in "XM" for p in products for c in partners]
    return keys[: max(1, rows // len(MONTHS) + 1)]


def write_files(rows: int, folder: Path) -> dict[str, Path]:
    """The same observations as SDMX-CSV, generic SDMX-ML and plain CSV."""
    generator = random.Random(2024)
    paths = {
        "csv": folder / "trd.csv",
        "xml": folder / "trd.xml",
        "plain": folder / "plain.csv",
    }
    with (
        paths["csv"].open("w") as csv_file,
        paths["xml"].open("w") as xml_file,
        paths["plain"].open("w") as plain_file,
    ):
        csv_file.write(
            "DATAFLOW,FREQ,REF_AREA,ADJUSTMENT,TRD_FLOW,TRD_PRODUCT,COUNT_AREA,STS_INSTITUTION,"
            "TRD_SUFFIX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT,UNIT_MULT,DECIMALS\n"
        )
        plain_file.write("reporter,partner,flow,product,period,value,currency,status\n")
        xml_file.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<message:GenericData '
            'xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" '
            'xmlns:generic="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic" '
            'xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">\n'
            "<message:Header><message:ID>BENCH</message:ID><message:Test>true</message:Test>"
            "<message:Prepared>2024-03-01T10:00:00</message:Prepared><message:Sender id='ECB'/>"
            '<message:Structure structureID="ECB_TRD1" dimensionAtObservation="TIME_PERIOD">'
            '<common:Structure><Ref agencyID="ECB" id="ECB_TRD1" version="1.0"/>'
            "</common:Structure></message:Structure></message:Header>\n"
            '<message:DataSet structureRef="ECB_TRD1">\n'
        )
        written = 0
        for reporter, flow, product, partner in _series(rows):
            key = ["M", reporter, "N", flow, product, partner, "4", "VAL"]
            names = ["FREQ", "REF_AREA", "ADJUSTMENT", "TRD_FLOW", "TRD_PRODUCT", "COUNT_AREA"]
            names += ["STS_INSTITUTION", "TRD_SUFFIX"]
            xml_file.write(
                "<generic:Series><generic:SeriesKey>"
                + "".join(
                    f'<generic:Value id="{n}" value="{v}"/>'
                    for n, v in zip(names, key, strict=True)
                )
                + '</generic:SeriesKey><generic:Attributes><generic:Value id="UNIT" value="EUR"/>'
                '<generic:Value id="UNIT_MULT" value="6"/><generic:Value id="DECIMALS" value="3"/>'
                "</generic:Attributes>\n"
            )
            for month in MONTHS:
                if written == rows:
                    break
                value = f"{generator.randrange(1, 10**9) / 1000:.3f}"
                status = "P" if month >= "2024-01" else "A"
                csv_file.write(f"ECB:TRD(1.0),{','.join(key)},{month},{value},{status},EUR,6,3\n")
                xml_file.write(
                    f'<generic:Obs><generic:ObsDimension value="{month}"/>'
                    f'<generic:ObsValue value="{value}"/><generic:Attributes>'
                    f'<generic:Value id="OBS_STATUS" value="{status}"/></generic:Attributes>'
                    "</generic:Obs>\n"
                )
                world = "World" if partner == "W1" else partner
                tidy_flow = "exports" if flow == "X" else "imports"
                plain_file.write(
                    f"{reporter},{world},{tidy_flow},{product},{month},{value}e6,EUR,{status}\n"
                )
                written += 1
            xml_file.write("</generic:Series>\n")
        xml_file.write("</message:DataSet>\n</message:GenericData>\n")
    return paths


def _read(reader: str, paths: dict[str, str]) -> int:
    """Read once; the number of rows."""
    if reader == "polars plain CSV":
        import polars as pl

        return int(pl.read_csv(paths["plain"]).height)
    if reader == "pandas plain CSV":
        pd = importlib.import_module("pandas")  # untyped: pandas ships no stubs here
        return len(pd.read_csv(paths["plain"]))
    from tradestats.tables import read_sdmx

    path = paths["csv"] if reader.endswith("SDMX-CSV") else paths["xml"]
    return int(read_sdmx(path, "ECB_TRD", engine="polars").height)


def _child(reader: str, paths: dict[str, str], repeats: int) -> None:
    """In a subprocess: import everything, then time the reads; print a JSON line."""
    # Every library is imported before the baseline, so its own memory is not counted.
    for name in ("pandas", "polars", "sdmx", "tradestats.tables"):
        importlib.import_module(name)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    best, count = float("inf"), 0
    for _ in range(repeats if reader != "baseline" else 0):
        start = time.perf_counter()
        count = _read(reader, paths)
        best = min(best, time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": best, "rows": count, "peak_kib": after - before}))


def _measure(reader: str, paths: dict[str, Path], repeats: int) -> dict[str, float]:
    argument = json.dumps({name: str(path) for name, path in paths.items()})
    done = subprocess.run(
        [sys.executable, __file__, "--child", reader, argument, str(repeats)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Write the files, time each reader, print the table and the ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROWS:,} rows (for CI)")
    parser.add_argument("--rows", type=int, help="observations to generate")
    parser.add_argument("--repeats", type=int, help="reads per reader (the best is shown)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        reader, paths, repeats = arguments.child
        _child(reader, json.loads(paths), int(repeats))
        return
    rows = arguments.rows or (QUICK_ROWS if arguments.quick else FULL_ROWS)
    repeats = arguments.repeats or (3 if arguments.quick else 2)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(rows, Path(folder))
        sizes = {name: path.stat().st_size / 2**20 for name, path in paths.items()}
        print(
            f"{rows:,} observations; files: SDMX-CSV {sizes['csv']:.1f} MiB, "
            f"SDMX-ML {sizes['xml']:.1f} MiB, plain CSV {sizes['plain']:.1f} MiB"
        )
        results = {reader: _measure(reader, paths, repeats) for reader in READERS}
    floor = results["polars plain CSV"]
    print(f"{'reader':<22}{'rows':>11}{'seconds':>10}{'peak MiB':>10}{'time ×':>9}{'memory ×':>10}")
    for reader, result in results.items():
        memory = result["peak_kib"] / 1024
        print(
            f"{reader:<22}{int(result['rows']):>11,}{result['seconds']:>10.3f}{memory:>10.1f}"
            f"{result['seconds'] / floor['seconds']:>9.1f}"
            f"{result['peak_kib'] / max(floor['peak_kib'], 1):>10.1f}"
        )
    print("(× is the ratio to polars reading the plain CSV, in this one run)")


if __name__ == "__main__":
    main()
