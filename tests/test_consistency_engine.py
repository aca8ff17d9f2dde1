"""The fast engine of the check (HiGHS, certified exactly) against the exact reference.

Reports of the shapes real releases have (a total with partners and their sum,
independent groups, one flow over many years, unused flows, groups that mix
every kind of claim) are generated from
random true values and rounded, with or without one growth rate published 2
points off, by the builders of ``benchmarks/bench_check.py``.
"""

from __future__ import annotations

import json
import random
import time
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests._outcomes import outcome
from tests._scripts import load_script
from tradestats.claims import _float
from tradestats.claims._linear import OutOfTime, Polyhedron, Program, Row, ratio_range
from tradestats.claims._network import Network
from tradestats.claims.consistency import Verdict, check
from tradestats.cli import UNFINISHED_STATUS, main
from tradestats.errors import InvalidValueError
from tradestats.verify._kinds import magnitude_of

if TYPE_CHECKING:
    from pathlib import Path

    from tradestats.claims.report import Report
    from tradestats.verify.ranges import Bounds

bench = load_script("benchmarks/bench_check.py")

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")

# Random two-variable programs for the engines' property tests: rows a·x + b·y ≤ c
# (or ≥ c), and objectives to minimize.
_ROW = st.tuples(st.integers(-5, 5), st.integers(-5, 5), st.integers(-20, 20))
_OBJECTIVE = st.tuples(st.integers(-3, 3), st.integers(-3, 3))


def _rows(low: int, high: int) -> st.SearchStrategy[list[tuple[int, int, int]]]:
    return st.lists(_ROW, min_size=low, max_size=high)


#: Sizes (claims, or flows for "unused") small enough for the exact engine.
_SIZES = {
    "partners": (5, 9),
    "groups": (7, 14),
    "years": (4, 8),
    "unused": (1, 20),
    "kinds": (10, 20),
}


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """A report of one of the benchmark's shapes, consistent or with one error."""
    shape = draw(st.sampled_from(sorted(_SIZES)))
    low, high = _SIZES[shape]
    size = draw(st.integers(low, high))
    report: Report = bench.BUILDERS[shape](
        size, seed=draw(st.integers(0, 2**16)), error=draw(st.booleans())
    )
    return report


@needs_highs
@settings(max_examples=30)
@given(reports())
def test_fast_engine_agrees_with_the_exact_one(report: Report) -> None:
    """Same verdicts, conflicts and printed ranges from both engines, on every shape."""
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
@pytest.mark.parametrize(("size", "seed"), [(10, 25), (20, 0), (20, 13), (20, 35), (30, 0)])
def test_mixed_groups_print_the_exact_ranges(size: int, seed: int) -> None:
    """Reports that HiGHS once answered a hair off: the same outcome as the exact engine.

    In ``kinds(10, seed=25)`` a certified bound of 4,609,999,999.99… (HiGHS's basis
    breaks a row by 1e-29) passed for the minimum 4,610,000,000 and printed 4.60
    for 4.61 billion; in ``kinds(20, seed=0)`` HiGHS stopped in numerical trouble
    from its last basis and left out a value the claims imply.
    """
    report = bench.kinds(size, seed=seed)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
@pytest.mark.parametrize("feasibility", [_float._SLICE_FEASIBILITY, 1e-7])
@pytest.mark.parametrize(
    ("shape", "size", "seed", "error"),
    [("kinds", 22, 452785, True), ("groups", 30, 515394, True), ("kinds", 28, 1733899, False)],
)
def test_changes_of_share_print_the_exact_ranges(
    monkeypatch: pytest.MonkeyPatch,
    feasibility: float,
    shape: str,
    size: int,
    seed: int,
    *,
    error: bool,
) -> None:
    """Changes of share the fast engine once printed a digit off: the exact engine's range.

    The slice search turned elsewhere on HiGHS's certified bounds a hair below a
    slice's minimum and on its float points: in ``kinds(22, seed=452785)`` it
    printed -1.022 to -1.012 pp for -1.022 to -1.013 pp, in ``groups(30,
    seed=515394)`` -4.34 for -4.33 pp, and in ``kinds(28, seed=1733899)`` -0.314
    for -0.315 pp (narrower than the exact range). The slices' tighter tolerance
    only saves repairs: at HiGHS's own (1e-7), where those bounds were loose, the
    path must be the exact engine's too.
    """
    monkeypatch.setattr(_float, "_SLICE_FEASIBILITY", feasibility)
    report = bench.BUILDERS[shape](size, seed=seed, error=error)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
@settings(max_examples=10, deadline=None)
@given(st.integers(5, 30), st.integers(0, 2**16), st.booleans())
def test_mixed_groups_agree_with_the_exact_engine(size: int, seed: int, error: bool) -> None:
    """Groups mixing every kind of claim, with or without an error: the exact engine's outcome.

    Their claims in points go through pieces whose minima HiGHS's vertex must reach
    (or that are solved again, or exactly), and whose boxes are narrowed once.
    """
    report = bench.kinds(size, seed=seed, error=error)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
@settings(max_examples=30)
@given(reports())
def test_fast_ranges_hold_the_exact_ones(report: Report) -> None:
    """Every range the fast engine gives holds the exact one: sound, never narrower."""
    fast, exact = check(report), check(report, _engine="exact")
    for mine, reference in zip(fast.checks, exact.checks, strict=True):
        low, high = _magnitudes(reference.implied)
        my_low, my_high = _magnitudes(mine.implied)
        assert my_low is None or (low is not None and my_low <= low)
        assert my_high is None or (high is not None and my_high >= high)


def _magnitudes(bounds: Bounds[Any] | None) -> tuple[Decimal | None, Decimal | None]:
    """The ends of a range as plain numbers, ``None`` for an open end or no range."""
    if bounds is None:
        return None, None
    low, high = bounds.ends
    return (
        None if low is None else magnitude_of(low),
        None if high is None else magnitude_of(high),
    )


def test_a_planted_error_is_found_and_explained() -> None:
    """One growth rate 2 points off in a total with partners: a conflict naming it."""
    report = bench.partners(21, seed=3, error=True)
    result = check(report)
    assert not result.consistent
    wrong = [c.claim.id for c in result.checks if c.verdict is Verdict.INCONSISTENT]
    assert any(claim_id.endswith("-growth") for claim_id in wrong)
    assert result.conflicts
    assert "cannot" in result.conflicts[0].explanation


def test_independent_groups_are_checked_alone() -> None:
    """An error in one group leaves every other group's claims consistent."""
    report = bench.groups(35, seed=1, error=True)
    result = check(report)
    (conflict,) = result.conflicts
    group = {claim_id[1:].split("-")[0] for claim_id in conflict.claims}
    assert len(group) == 1
    others = [c for c in result.checks if c.claim.id[1:].split("-")[0] not in group]
    assert all(c.verdict is Verdict.CONSISTENT for c in others)


def test_unused_flows_cost_nothing_in_the_result() -> None:
    """Declared flows no claim names imply nothing and change no verdict."""
    result = check(bench.unused(500))
    assert result.consistent
    assert all(not figure.key.startswith("value/u") for figure in result.implied)


def test_time_limit_zero_leaves_every_claim_unfinished() -> None:
    """With no time at all, no claim is checked and each is marked unfinished."""
    report = bench.groups(14)
    result = check(report, time_limit=0)
    assert [claim.id for claim in report.claims] == list(result.unfinished)
    assert all(c.verdict is Verdict.UNFINISHED for c in result.checks)
    assert result.implied == ()
    assert not result.complete
    assert result.to_dict()["unfinished"] == list(result.unfinished)
    assert result.to_dict()["complete"] is False


def test_a_generous_time_limit_changes_nothing() -> None:
    """A limit the check never reaches gives the same result as none."""
    report = bench.partners(9, seed=2)
    assert outcome(check(report, time_limit=3600)) == outcome(check(report))
    assert check(report, time_limit=3600).unfinished == ()


@pytest.mark.parametrize("limit", [-1, float("nan"), True, "1"])
def test_a_bad_time_limit_is_refused(limit: Any) -> None:
    """A negative, NaN, boolean or text limit is an error naming the value."""
    with pytest.raises(InvalidValueError, match="time_limit"):
        check(bench.years(4), time_limit=limit)


def test_cli_time_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--time-limit 0 prints the unfinished claims and exits with status 3."""
    path = tmp_path / "report.json"
    path.write_text(
        json.dumps(
            {
                "title": "t",
                "reporter": "X",
                "period": "2023",
                "flows": {"world": {"flow": "total"}},
                "claims": [
                    {"id": "v", "flow": "world", "value": "183 billion yuan"},
                    {"id": "g", "flow": "world", "growth": "59.3%"},
                ],
            }
        )
    )
    assert main(["check", str(path), "--time-limit", "0"]) == UNFINISHED_STATUS
    assert "2 unfinished" in capsys.readouterr().out
    assert main(["check", str(path), "--time-limit", "0", "--json"]) == UNFINISHED_STATUS
    assert json.loads(capsys.readouterr().out)["unfinished"] == ["v", "g"]
    assert main(["check", str(path), "--time-limit", "60"]) == 0
    assert main(["check", str(path), "--time-limit", "-1"]) == 2


def test_solve_exactly_solves_and_refuses() -> None:
    """Sparse exact elimination: a unique solution, and ``None`` for a contradiction."""
    one = Fraction(1)
    equations = [({0: one, 1: one, 2: one}, Fraction(6)), ({1: one}, Fraction(2)), ({2: one}, one)]
    assert {0: Fraction(3), 1: Fraction(2), 2: one} == _float.solve_exactly(equations)
    assert _float.solve_exactly([({0: one}, one), ({0: one}, Fraction(2))]) is None


@needs_highs
@settings(max_examples=30)
@given(
    _rows(1, 6),
    _OBJECTIVE,
)
def test_certified_minimum_is_the_exact_one(
    rows: list[tuple[int, int, int]], objective: tuple[int, int]
) -> None:
    """On random boxed programs, HiGHS's certified minimum is the exact simplex's."""

    box = [Row({0: 1}, "<=", 10), Row({1: 1}, "<=", 10)]
    program = Program(2, [*box, *(Row({0: a, 1: b}, "<=", c) for a, b, c in rows)])
    exact = Polyhedron(program)
    model = _float.Model.of_rows(2, [(None, row) for row in program.rows], ())
    model.switch(frozenset())
    feasible = model.feasible()
    assert feasible is None or feasible == exact.feasible
    if exact.feasible:
        wanted = exact.minimum({0: objective[0], 1: objective[1]})
        found = model.minimum({0: Fraction(objective[0]), 1: Fraction(objective[1])})
        assert found is None or found == wanted


def test_decimal_unchanged() -> None:
    """The engines never change a published figure's bounds."""
    report = bench.years(6, seed=5)
    fast, exact = check(report), check(report, _engine="exact")
    assert [c.published for c in fast.checks] == [c.published for c in exact.checks]
    assert all(isinstance(c.gap, Decimal) for c in fast.checks)


def test_conflict_search_stops_at_the_deadline() -> None:
    """A deletion filter past its deadline raises OutOfTime rather than going on."""
    from tradestats.claims._network import Network, OutOfTime

    report = bench.groups(7, error=True)
    network = Network(report)
    claim_ids = [claim.id for claim in report.claims]
    assert not network.holds(claim_ids)
    with pytest.raises(OutOfTime):
        network.minimal_conflict(claim_ids, deadline=0.0)
    assert network.minimal_conflict(claim_ids)


def _scaled_program(
    rows: list[tuple[int, int, int]], scale: tuple[int, int, int]
) -> tuple[Any, Any]:
    """A boxed program in two variables with its rows and values scaled by powers of 10."""

    row_power, first, second = scale
    # x = 10^first × u and y = 10^second × v, each row times 10^row_power.
    sizes = {0: Fraction(10) ** first, 1: Fraction(10) ** second}
    factor = Fraction(10) ** row_power
    box = [Row({0: 1}, "<=", 10 * sizes[0]), Row({1: 1}, "<=", 10 * sizes[1])]
    scaled = [
        Row({0: factor * a / sizes[0], 1: factor * b / sizes[1]}, "<=", factor * c)
        for a, b, c in rows
    ]
    program = Program(2, [*box, *scaled])
    model = _float.Model.of_rows(2, [(None, row) for row in program.rows], ())
    model.switch(frozenset())
    return Polyhedron(program), model


@needs_highs
@settings(max_examples=30)
@given(
    _rows(1, 6),
    st.tuples(st.integers(-30, 30), st.integers(-30, 30), st.integers(-30, 30)),
    _OBJECTIVE,
)
def test_certified_minimum_past_the_limits_of_floating_point_solvers(
    rows: list[tuple[int, int, int]],
    scale: tuple[int, int, int],
    objective: tuple[int, int],
) -> None:
    """Values of 10^-30 to 10^30 (a flow over centuries): the model is scaled, still exact.

    HiGHS refuses a coefficient above 1e15 and takes a bound above 1e20 as infinite;
    the model scales rows and columns by powers of 2, and the certified minimum, in
    the program's own terms, is still sound, and exact where it is given.
    """
    exact, model = _scaled_program(rows, scale)
    feasible = model.feasible()
    assert feasible is None or feasible == exact.feasible
    if exact.feasible:
        wanted = exact.minimum({0: objective[0], 1: objective[1]})
        found = model.minimum({0: Fraction(objective[0]), 1: Fraction(objective[1])})
        assert found is None or wanted is None or found <= wanted
        if scale == (0, 0, 0):
            assert found is None or found == wanted


def _huge_years(seed: int, *, error: bool) -> Report:
    """A flow over a few years with values of 10^25 yuan and more, to 5 significant digits."""
    from tradestats.amounts import Amount
    from tradestats.claims.report import GrowthClaim, Report, ReportFlow, ValueClaim
    from tradestats.verify.figures import Reported

    rng = random.Random(seed)
    values = [Fraction(rng.randrange(10**25, 10**27))]
    for _ in range(3):
        values.append(values[-1] * Fraction(rng.randrange(7000, 16000), 10000))
    claims: list[Any] = []
    for number, value in enumerate(values):
        year = str(2020 + number)
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        unit = Decimal(1).scaleb(exact.adjusted() - 4)
        published = Reported(Amount(exact.quantize(unit), "CNY"), unit / 2)
        claims.append(ValueClaim(id=f"v{year}", flow="x", period=year, value=published))
        if number:
            growth = bench._growth(value, values[number - 1], off=error and number == 2)
            claims.append(GrowthClaim(id=f"g{year}", flow="x", period=year, growth=growth))
    flows = [ReportFlow(id="x", reporter="X", flow="total", partner="World")]
    return Report(title="huge", flows=flows, claims=claims)


@needs_highs
@settings(max_examples=10)
@given(st.integers(0, 2**16), st.booleans())
def test_values_past_the_limits_of_highs_give_the_exactoutcome(seed: int, error: bool) -> None:
    """Values of 10^25 yuan and more: the models HiGHS sees are scaled, the outcome is exact.

    HiGHS refuses a coefficient above 1e15 and takes a bound above 1e20 as infinite
    (a flow over a century and a half gets there).
    """
    report = _huge_years(seed, error=error)
    assert outcome(check(report, _engine="exact")) == outcome(check(report))


@needs_highs
@settings(max_examples=30)
@given(
    _rows(0, 4),
    st.lists(
        _rows(2, 2),
        min_size=1,
        max_size=4,
    ),
    _OBJECTIVE,
)
def test_slices_in_one_model_agree_with_the_exact_simplex(
    shared: list[tuple[int, int, int]],
    slices: list[list[tuple[int, int, int]]],
    objective: tuple[int, int],
) -> None:
    """One HiGHS model for many slices (rows replaced in turn) answers as a fresh program.

    Every other slice is told its first objective, whose solve then also shows it has
    values. Its point is an exact point of the slice that reaches the answer, as the
    exact simplex's: the share change's search turns on the change there.
    """

    box = [Row({0: 1}, "<=", 10), Row({1: 1}, "<=", 10)]
    rows = [*box, *(Row({0: a, 1: b}, "<=", c) for a, b, c in shared)]
    model = _float.Slices(2, rows, 2, ())
    goal = {0: objective[0], 1: objective[1]}
    for number, extra in enumerate(slices):
        own = [Row({0: a, 1: b}, ">=" if c % 2 else "<=", c) for a, b, c in extra]
        exact = Polyhedron(Program(2, [*rows, *own]))
        found = model.slice(own, goal if number % 2 else None)
        assert found.feasible == exact.feasible
        if exact.feasible:
            least, most = found.minimum(goal), found.maximum({0: -goal[0], 1: -goal[1]})
            assert least is not None  # the box bounds every slice
            assert most is not None
            for answer in (least, -most):
                assert answer == exact.minimum(goal)
                assert _reaches(goal, found.point, answer, [*rows, *own])


def _reaches(
    objective: dict[int, int], point: dict[int, Fraction], value: Fraction, rows: list[Row]
) -> bool:
    """Whether ``point`` meets every row and has ``objective · point == value``."""

    def total(terms: dict[int, Fraction | int]) -> Fraction:
        return sum((c * point.get(j, Fraction(0)) for j, c in terms.items()), Fraction(0))

    meets = {"<=": Fraction.__le__, ">=": Fraction.__ge__, "=": Fraction.__eq__}
    return total(dict(objective)) == value and all(
        meets[row.sense](total(dict(row.coefficients)), Fraction(row.rhs)) for row in rows
    )


@needs_highs
@settings(max_examples=40)
@given(
    _rows(1, 5),
    _OBJECTIVE,
)
def test_a_certified_ray_means_no_minimum(
    rows: list[tuple[int, int, int]], objective: tuple[int, int]
) -> None:
    """On random programs without a box, a ray HiGHS gives and that is checked exactly is one.

    Where the exact simplex finds values and a minimum, no ray may be certified.
    """

    program = Program(2, [Row({0: a, 1: b}, ">=", c) for a, b, c in rows])
    exact = Polyhedron(program)
    model = _float.Model.of_rows(2, [(None, row) for row in program.rows], ())
    model.switch(frozenset())
    goal = {0: Fraction(objective[0]), 1: Fraction(objective[1])}
    if exact.feasible:
        found = model.minimum(goal)
        if model.unbounded(goal):
            assert found is None
            assert exact.minimum(goal) is None


@needs_highs
def test_an_unbounded_objective_is_certified_by_a_ray() -> None:
    """x >= 1, y >= 0, x - y <= 3: x + y has no maximum, and HiGHS's ray shows it."""

    rows = [Row({0: 1}, ">=", 1), Row({0: 1, 1: -1}, "<=", 3)]
    model = _float.Model.of_rows(2, [(None, row) for row in rows], ())
    model.switch(frozenset())
    goal = {0: Fraction(-1), 1: Fraction(-1)}
    assert model.minimum(goal) is None
    assert model.unbounded(goal)
    assert not model.unbounded({0: Fraction(1)})  # the last solve was not of this one


@needs_highs
def test_a_ray_along_a_chain_of_growth_rates_is_certified() -> None:
    """x[k + 1] = r[k] x[k]: -x[0] has no minimum, and the basis's exact ray shows it.

    The ray's steps are products of the rates, whose denominators no short-fraction
    reading of HiGHS's floats reaches.
    """
    rates = [Fraction(10593, 10000), Fraction(9871, 10000), Fraction(11237, 10000)]
    rows = [(None, Row({k + 1: Fraction(1), k: -rate}, "=", 0)) for k, rate in enumerate(rates)]
    model = _float.Model.of_rows(len(rates) + 1, rows, ())
    model.switch(frozenset())
    objective = {0: Fraction(-1)}
    assert model.minimum(objective) is None
    assert model.unbounded(objective)
    assert not model.unbounded({0: Fraction(1)})


@needs_highs
@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from(["partners", "groups", "years", "kinds"]),
    st.integers(0, 2**16),
    st.randoms(use_true_random=False),
)
def test_fast_holds_and_conflicts_agree_with_the_exact_engine(
    shape: str, seed: int, rng: random.Random
) -> None:
    """With a planted error: whether random subsets of claims hold, and the conflict found.

    The fast engine shows a subset holds by points it has kept (the conflict search's
    trials) and by one program for every base at once; the exact engine asks each.
    """
    from tradestats.claims._network import Network

    report = bench.BUILDERS[shape](_SIZES[shape][1], seed=seed, error=True)
    ids = [claim.id for claim in report.claims]
    fast, exact = Network(report), Network(report, engine="exact")
    for _ in range(4):
        subset = [claim_id for claim_id in ids if rng.random() < 0.8]
        assert fast.holds(subset) == exact.holds(subset)
    if not exact.holds(ids):
        core = fast.minimal_conflict(ids)
        assert core == exact.minimal_conflict(ids)
        # Dropping any one claim of it resolves it: asked again, after the search.
        assert all(fast.holds([other for other in core if other != claim]) for claim in core)


def test_the_exact_simplex_stops_at_its_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A program that needs pivots raises OutOfTime past its deadline, and is solved without."""

    program = Program(2, [Row({0: 1, 1: 1}, ">=", 1), Row({0: 1, 1: -1}, "<=", 3)])
    with pytest.raises(OutOfTime):
        Polyhedron(program, deadline=0.0)
    assert Polyhedron(program).minimum({0: 1, 1: 2}) == 1
    monkeypatch.setattr(time, "monotonic", lambda: 0.0)
    late = Polyhedron(program, deadline=5.0)
    monkeypatch.setattr(time, "monotonic", lambda: 10.0)  # between two questions
    with pytest.raises(OutOfTime):
        late.maximum({0: 1, 1: -1})


def _clock_reads(report: Report, engine: str) -> int:
    """How often a whole check of ``report`` reads the clock."""
    reads = 0

    def counting() -> float:
        nonlocal reads
        reads += 1
        return 0.0

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "monotonic", counting)
        check(report, time_limit=1, _engine=engine)
    return reads


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["partners", "groups", "kinds"]),
    st.booleans(),
    st.sampled_from(["auto", "exact"]),
    st.floats(0, 1),
)
def test_a_limit_that_runs_out_anywhere_leaves_sound_verdicts(
    shape: str, error: bool, engine: str, share: float
) -> None:
    """A clock that ticks once a read runs out at any point of the check, deep or not.

    Nothing is timed: the limit is a number of clock reads. Whatever it cuts short is
    unfinished (and then no figure is implied); every verdict given is the full check's.
    """
    report = bench.BUILDERS[shape](_SIZES[shape][0], seed=3, error=error)
    full = check(report, _engine=engine)
    limit = int(share * _clock_reads(report, engine))
    ticks = iter(range(10**9))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "monotonic", lambda: float(next(ticks)))
        cut = check(report, time_limit=limit, _engine=engine)
    given_ = {
        (c.claim.id, c.period): (c.verdict, str(c.implied))
        for c in cut.checks
        if c.verdict is not Verdict.UNFINISHED
    }
    wanted = {(c.claim.id, c.period): (c.verdict, str(c.implied)) for c in full.checks}
    assert {key: wanted[key] for key in given_} == given_
    unfinished = [c.claim.id for c in cut.checks if c.verdict is Verdict.UNFINISHED]
    assert list(cut.unfinished) == list(dict.fromkeys(unfinished))
    assert full.complete
    assert cut.implied == (full.implied if cut.complete else ())
    if cut.unfinished:
        assert not cut.complete
    assert {conflict.claims for conflict in cut.conflicts} <= {
        conflict.claims for conflict in full.conflicts
    }


@needs_highs
@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["years", "groups", "partners"]),
    st.integers(0, 2**16),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_ratios_of_untied_values_agree_with_the_exact_engine(
    shape: str, seed: int, error: bool, rng: random.Random
) -> None:
    """The range of a ratio of two values under random subsets of claims, fast and exact.

    Where no claim ties the two (a growth rate left out of a flow over many years),
    the fast engine divides two ranges; elsewhere it solves the linear-fractional
    program. Both must give the exact simplex's range, open ends included.
    """
    from tradestats.claims._network import Network

    report = bench.BUILDERS[shape](_SIZES[shape][1], seed=seed, error=error)
    fast, exact = Network(report), Network(report, engine="exact")
    ids = [claim.id for claim in report.claims]
    keys = [(flow.id, period) for flow in report.flows for period in report.periods]
    for _ in range(3):
        subset = [claim_id for claim_id in ids if rng.random() < 0.7]
        if not exact.holds(subset):
            continue
        now, before = rng.sample(keys, 2)
        assert fast.ratio(subset, [(now, 1)], [(before, 1)]) == exact.ratio(
            subset, [(now, 1)], [(before, 1)]
        )
        assert fast.two_sided_ratio(subset, [(now, 1)], [(before, 1)]) == (
            exact.two_sided_ratio(subset, [(now, 1)], [(before, 1)])
        )


@needs_highs
@settings(max_examples=40)
@given(
    _rows(0, 4),
    _OBJECTIVE,
    st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(any),
)
def test_a_ratio_by_dinkelbach_is_the_exact_one(
    rows: list[tuple[int, int, int]], numerator: tuple[int, int], denominator: tuple[int, int]
) -> None:
    """On random programs in a box of values from 1 to 10, the least ratio n · x / d · x.

    Dinkelbach's method on the plain model, certified exactly, gives the exact
    simplex's minimum of the Charnes–Cooper program, or nothing (its caller's cue
    for that program).
    """

    box = [Row({j: 1}, "<=", 10) for j in (0, 1)] + [Row({j: 1}, ">=", 1) for j in (0, 1)]
    program = Program(2, [*box, *(Row({0: a, 1: b}, "<=", c) for a, b, c in rows)])
    if not Polyhedron(program).feasible:
        return
    top = {j: Fraction(c) for j, c in enumerate(numerator) if c}
    bottom = {j: Fraction(c) for j, c in enumerate(denominator) if c}
    wanted = ratio_range(program, top, bottom, positive=True)
    assert wanted is not None  # the denominator is 1 or more in the box
    model = _float.Model.of_rows(2, [(None, row) for row in program.rows], ())
    model.switch(frozenset())
    found = model.ratio_minimum(top, bottom)
    assert found is None or found == wanted[0]
    highest = model.ratio_minimum({j: -c for j, c in top.items()}, bottom)
    assert highest is None or -highest == wanted[1]


def _with_dinkelbach(columns: int) -> Any:
    """The check with ratios going to Dinkelbach's method from ``columns`` columns on."""
    from tradestats.claims import _certified

    return mock.patch.object(_certified, "_DINKELBACH", columns)


@needs_highs
@settings(max_examples=30, deadline=None)
@given(reports())
def test_ratios_by_dinkelbach_agree_with_the_exact_engine(report: Report) -> None:
    """With every ratio sent to Dinkelbach's method first, the same outcome as the exact engine.

    In the check proper only components of many values take that path (their
    Charnes–Cooper duals are long): here the small reports of every shape do.
    """
    with _with_dinkelbach(0):
        fast = check(report)
    assert outcome(check(report, _engine="exact")) == outcome(fast)


@needs_highs
@settings(max_examples=3, deadline=None)
@given(st.integers(25, 29), st.integers(0, 2**16), st.booleans())
def test_many_partners_by_dinkelbach_agree_with_the_exact_engine(
    size: int, seed: int, error: bool
) -> None:
    """A total with 11 to 13 partners: ratios by Dinkelbach's method, as the check sends them.

    The same verdicts, conflicts and printed ranges as the exact engine, and some of
    those ratios certified on Dinkelbach's path (not all left to the fallback). The
    star's small programs (:mod:`tradestats.claims._star`), which answer this shape
    otherwise, are turned off.
    """
    report = bench.partners(size, seed=seed, error=error)
    certified = []
    solve = _float.Model.ratio_minimum

    def spy(model: _float.Model, *args: Any) -> Fraction | None:
        found = solve(model, *args)
        certified.append(found is not None)
        return found

    with (
        mock.patch.object(_float.Model, "ratio_minimum", spy),
        mock.patch.object(Network, "_star", return_value=None),
    ):
        fast = check(report)
    assert outcome(check(report, _engine="exact")) == outcome(fast)
    assert any(certified) or error
