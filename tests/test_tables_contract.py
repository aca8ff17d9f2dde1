"""The shape of the tables package: one job contract, checked by mypy, and no import cycles.

Both jobs implement every operation of ``TableJob`` with the same parameters;
mypy sees the precise type of each job's columns (never ``Any``) and rejects a
formula that mixes them up; the modules of ``tradestats.tables`` import each
other without a cycle and without imports hidden inside functions; the old
name ``Units`` still works, with a warning.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

tt = pytest.importorskip("tradestats.tables")

from tradestats.tables import _contract  # noqa: E402 - needs the extra checked above
from tradestats.tables._eager import EagerJob  # noqa: E402
from tradestats.tables._lazy import LazyJob  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "src" / "tradestats" / "tables"
OPERATIONS = sorted(
    name
    for name, member in vars(_contract.TableJob).items()
    if callable(member) and not name.startswith("_")
)


def parameters(function: object) -> list[tuple[str, inspect._ParameterKind]]:
    """The names and kinds of a function's parameters, without ``self``."""
    signature = inspect.signature(function)  # type: ignore[arg-type]
    return [(p.name, p.kind) for p in signature.parameters.values() if p.name != "self"]


def test_the_contract_has_the_operations_of_both_jobs() -> None:
    """The fourteen shared operations and the two new ones (found, reason, dtype) are there."""
    expected = [
        "add",
        "align",
        "check_one_currency",
        "col",
        "dtype",
        "finish",
        "finite",
        "found",
        "keep",
        "magnitude",
        "missing",
        "number",
        "ok",
        "reason",
        "reasons",
        "totals",
    ]
    assert expected == OPERATIONS


@pytest.mark.parametrize("job", [EagerJob, LazyJob])
@pytest.mark.parametrize("name", OPERATIONS)
def test_each_job_has_each_operation_with_the_same_parameters(job: type, name: str) -> None:
    """An operation of the contract exists on the job and takes the same arguments."""
    expected = parameters(getattr(_contract.TableJob, name))
    assert expected == parameters(getattr(job, name))


def run_mypy(tmp_path: Path, source: str) -> tuple[int, str]:
    """mypy --strict over ``source`` (written to a file), with the project's configuration."""
    api = pytest.importorskip("mypy.api")
    path = tmp_path / "snippet.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    stdout, stderr, status = api.run(
        ["--strict", "--no-error-summary", "--config-file", str(ROOT / "pyproject.toml"),
         str(path)]
    )  # fmt: skip
    return status, stdout + stderr


def test_mypy_sees_precise_column_types(tmp_path: Path) -> None:
    """prepare() is a union of the two jobs, each job's columns have their own precise type,
    and each job is an implementation of its instantiation of the contract."""
    status, output = run_mypy(
        tmp_path,
        """
        from typing import assert_type

        import narwhals as nw

        from tradestats.tables._contract import EagerContract, Floats, LazyContract, Mask
        from tradestats.tables._eager import EagerJob
        from tradestats.tables._frames import PREVIOUS, VALUE, Text
        from tradestats.tables._jobs import prepare
        from tradestats.tables._lazy import LazyJob


        def check(native: object) -> None:
            job = prepare(native, keys=(), period=None, value="value", units=None, fx=None)
            assert_type(job, EagerJob | LazyJob)
            assert_type(job.col(VALUE), Floats | nw.Expr)


        def eager(job: EagerJob) -> EagerContract:
            assert_type(job.col(VALUE), Floats)
            assert_type(job.finite(job.col(PREVIOUS)), Mask)
            assert_type(job.reasons((job.found(), "zero base")), Text)
            assert_type(job.finish(["growth"]), object)
            return job


        def lazy(job: LazyJob) -> LazyContract:
            assert_type(job.col(VALUE), nw.Expr)
            assert_type(job.reasons((job.found(), "zero base")), nw.Expr)
            return job
        """,
    )
    assert not status, output


def test_mypy_rejects_a_formula_that_mixes_up_columns(tmp_path: Path) -> None:
    """A formula is checked for each engine: a condition added as a result, a number divided
    by a reason column, or a wrong argument to apply() are type errors."""
    status, output = run_mypy(
        tmp_path,
        """
        from tradestats.tables._contract import JobT
        from tradestats.tables._frames import VALUE
        from tradestats.tables._jobs import Job


        def formula(job: JobT, name: str) -> list[str]:
            job.add({"flag": job.found()})
            job.add({"ratio": job.col(VALUE) / job.reason(name)})
            return ["flag", "ratio"]


        def run(job: Job) -> object:
            return job.apply(formula, 3)
        """,
    )
    assert status
    lines = sorted({int(line.split(":")[1]) for line in output.splitlines() if ": error:" in line})
    expected = [8, 9, 14]  # the two lines of the formula, and the call of apply()
    assert expected == lines, output


# -- the module graph ---------------------------------------------------------------------


def _module_of(node: ast.ImportFrom | ast.Import) -> list[str]:
    """The ``tradestats.tables`` modules an import statement imports."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif node.module == "tradestats.tables":
        names = [f"tradestats.tables.{alias.name}" for alias in node.names]
    else:
        names = [node.module or ""]
    return [
        name.removeprefix("tradestats.tables.")
        for name in names
        if name.startswith("tradestats.tables.")
        and (TABLES / f"{name.removeprefix('tradestats.tables.')}.py").exists()
    ]


def import_graph() -> tuple[dict[str, set[str]], list[str]]:
    """Module → the modules of the package it imports (at module level, typing-only included),
    and the imports of package modules found inside functions."""
    graph: dict[str, set[str]] = {}
    hidden: list[str] = []
    for path in sorted(TABLES.glob("*.py")):
        if path.stem == "__init__":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = graph.setdefault(path.stem, set())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                hidden.extend(
                    f"{path.stem}.{node.name}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Import | ast.ImportFrom) and _module_of(inner)
                )
            elif isinstance(node, ast.Import | ast.ImportFrom):
                edges.update(_module_of(node))
    return graph, hidden


def test_the_modules_of_the_package_import_each_other_without_a_cycle() -> None:
    """The import graph inside tradestats.tables is acyclic, counting typing-only imports."""
    graph, _ = import_graph()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:  # pragma: no cover - the assertion below shows the cycle
        pytest.fail(f"import cycle: {error.args[1]}")
    assert set(graph) == set(order)
    assert order.index("_native") < order.index("columns") < order.index("_frames")
    assert order.index("_eager") < order.index("_jobs") < order.index("growth")


def test_no_module_imports_a_package_module_inside_a_function() -> None:
    """Imports hidden in functions (to dodge a cycle) are gone; optional engines may still be."""
    _, hidden = import_graph()
    expected: list[str] = []
    assert expected == hidden


# -- the old name -------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["tradestats.tables", "tradestats.tables.columns"])
def test_units_is_a_deprecated_alias_of_column_units(module: str) -> None:
    """tables.Units (and columns.Units) is ColumnUnits, with a DeprecationWarning naming it."""
    namespace = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=r"Units is renamed ColumnUnits .* goes in 0\.4"):
        old = namespace.Units
    assert tt.ColumnUnits is old
    assert "Units" not in namespace.__all__


def test_other_missing_names_are_still_attribute_errors() -> None:
    """The module __getattr__ answers only for the renamed name."""
    with pytest.raises(AttributeError, match="has no attribute 'Unit'"):
        tt.Unit  # noqa: B018 - the attribute access is the test
    assert not hasattr(tt.columns, "Currency")
