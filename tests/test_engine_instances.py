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


#: Run in a fresh process (HiGHS's scheduler of threads is the process's, started by
#: the first run and fixed from then on): a model's minimum, then another program's
#: run asking for two threads, as a user's own code may; prints the minimum and
#: whether that run went through.
_AFTER = """
from fractions import Fraction
import highspy
from tradestats.claims import _float
from tradestats.claims._linear import Row
rows = [(None, Row({0: Fraction(1), 1: Fraction(1)}, ">=", 3))]
model = _float.Model.of_rows(2, rows, ())
least = model.minimum({0: Fraction(1), 1: Fraction(2)})
other = highspy._core._Highs()
other.setOptionValue("output_flag", False)
other.setOptionValue("threads", 2)
print(least, other.run() == highspy.HighsStatus.kOk)
"""


@needs_highs
def test_other_code_runs_highs_on_its_own_threads_after_a_check() -> None:
    """tradestats leaves HiGHS's scheduler as HiGHS starts it: a later run may ask for two threads.

    Started on one thread (a run of a few columns costs less CPU time so), the
    scheduler would refuse every later instance of the process that asks for
    more: a user's own program would fail after a check.
    """
    found = subprocess.run(
        [sys.executable, "-c", _AFTER], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.split() == ["3", "True"]
