"""HiGHS instances kept from models that are gone and given to new ones (``_float._IDLE``).

A new model may take the instance of one no longer used: it must answer as one
built on a fresh instance, and no two live models may share one.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradestats.claims import _float
from tradestats.claims._linear import Polyhedron, Program, Row

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")

#: A program in two variables: ``x0 + x1 >= a``, ``x0 - x1 <= a + b``, ``x1 <= c`` (``x0 = a``
#: meets it).
Sides = tuple[int, int, int]


def _program(sides: Sides) -> Program:
    a, b, c = sides
    rows = [
        Row({0: Fraction(1), 1: Fraction(1)}, ">=", a),
        Row({0: Fraction(1), 1: Fraction(-1)}, "<=", a + b),
        Row({1: Fraction(1)}, "<=", c),
    ]
    return Program(2, rows)


def _model(program: Program) -> _float.Model:
    return _float.Model.of_rows(program.size, [(None, row) for row in program.rows], ())


def _minima(model: _float.Model) -> list[Fraction | None]:
    return [model.minimum({0: Fraction(1)}), model.minimum({0: Fraction(2), 1: Fraction(1)})]


def _exact(program: Program) -> list[Fraction | None]:
    polyhedron = Polyhedron(program)
    return [polyhedron.minimum({0: 1}), polyhedron.minimum({0: 2, 1: 1})]


sides = st.tuples(st.integers(1, 50), st.integers(0, 50), st.integers(0, 50))


@needs_highs
@settings(max_examples=25, deadline=None)
@given(st.lists(sides, min_size=2, max_size=6))
def test_models_on_kept_instances_answer_as_the_exact_simplex(programs: list[Sides]) -> None:
    """Models built while others live and after others are gone: each its own answers."""
    gone = [_model(_program(found)) for found in programs]
    for model in gone:
        _minima(model)
    del gone, model
    gc.collect()
    live = [_model(_program(found)) for found in programs]
    # Asked in turn, so that a shared instance would answer for the last model built.
    for model, found in zip(live, programs, strict=True):
        assert _exact(_program(found)) == _minima(model)
    assert len({id(model._highs) for model in live}) == len(live)


@needs_highs
def test_an_instance_is_kept_when_its_model_is_gone() -> None:
    """The next model takes it, rather than a new one."""
    model = _model(_program((3, 1, 2)))
    instance = model._highs
    _float._IDLE.clear()
    del model
    gc.collect()
    # (Other models may be collected with it.)
    assert instance in _float._IDLE
    _float._IDLE[:] = [instance]
    assert _model(_program((5, 0, 4)))._highs is instance


#: Run in a fresh process (HiGHS's scheduler is the process's, started by the first
#: run): optionally a run of another instance on ``threads`` threads first, then a
#: model's minimum; prints whether instances ask for one thread, the option a new
#: instance has, and the minimum.
_FRESH = """
import sys
from fractions import Fraction
import highspy
from tradestats.claims import _float
from tradestats.claims._linear import Row
threads = int(sys.argv[1])
if threads:
    other = highspy._core._Highs()
    other.setOptionValue("output_flag", False)
    other.setOptionValue("threads", threads)
    other.run()
rows = [(None, Row({0: Fraction(1), 1: Fraction(1)}, ">=", 3))]
model = _float.Model.of_rows(2, rows, ())
least = model.minimum({0: Fraction(1), 1: Fraction(2)})
print(_float.one_thread(), model._highs.getOptionValue("threads")[1], least)
"""


def _fresh(threads: int) -> list[str]:
    found = subprocess.run(
        [sys.executable, "-c", _FRESH, str(threads)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return found.stdout.split()


@needs_highs
def test_instances_run_on_one_thread_in_a_fresh_process() -> None:
    """Where tradestats starts HiGHS's scheduler, its instances ask it for one thread."""
    assert _fresh(0) == ["True", "1", "3"]


@needs_highs
def test_instances_still_solve_on_a_scheduler_of_more_threads() -> None:
    """Where other code started the scheduler on two threads, instances keep to its number.

    An instance asking for one thread there would refuse to run, and every program
    would go to the exact simplex.
    """
    assert _fresh(2) == ["False", "0", "3"]
