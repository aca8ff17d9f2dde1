"""Shares and growth rates read off a complement or reciprocal found before (``claims/_ratios``).

Each answer must be the exact range the linear-fractional program would find: on
random programs against the exact simplex's Charnes–Cooper program, and during
checks of ``kinds`` and ``groups`` reports against the same program over the
claims the check asked.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests._scripts import load_script
from tests._spies import during_check
from tradestats.claims import _float
from tradestats.claims._linear import Polyhedron, Program, Row, charnes_cooper
from tradestats.claims._narrowing import outward
from tradestats.claims._network import Network
from tradestats.claims._ratios import Ends, Known
from tradestats.claims.consistency import check

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

bench = load_script("benchmarks/bench_check.py")

needs_highs = pytest.mark.skipif(not _float.AVAILABLE, reason="highspy is not installed")

E, M, T = 0, 1, 2
CLAIMS = frozenset({"claims"})
ONE = {0: Fraction(1)}


def _exact(rows: Sequence[Row], numerator: int, denominator: int) -> Ends:
    """The exact simplex's range of ``x[numerator] / x[denominator]``, where that is above 0."""
    assume(Polyhedron(Program(3, list(rows))).feasible)
    lifted = Polyhedron(charnes_cooper(Program(3, list(rows)), {denominator: Fraction(1)}))
    return lifted.minimum({numerator: 1}), lifted.maximum({numerator: 1})


def _box(variable: int, low: Fraction, width: Fraction) -> list[Row]:
    return [
        Row({variable: Fraction(1)}, ">=", low),
        Row({variable: Fraction(1)}, "<=", low + width),
    ]


fractions = st.fractions(min_value=0, max_value=50, max_denominator=20)
widths = st.fractions(min_value=0, max_value=20, max_denominator=20)
positive = st.fractions(min_value=Fraction(1, 20), max_value=50, max_denominator=20)


@st.composite
def tied_rows(draw: st.DrawFn) -> list[Row]:
    """Boxes of ``e`` and ``m`` (one above 0), ``t = e + m`` (scaled), and maybe ``e <= k m``."""
    scale = draw(st.sampled_from([Fraction(1), Fraction(2), Fraction(-1, 3)]))
    rows = [
        *_box(E, draw(fractions), draw(widths)),
        *_box(M, draw(positive), draw(widths)),
        Row({T: scale, E: -scale, M: -scale}, "=", 0),
    ]
    if draw(st.booleans()):
        rows.append(Row({E: Fraction(1), M: -draw(positive)}, "<=", 0))
    return rows


@settings(max_examples=60, deadline=None)
@given(tied_rows())
def test_a_share_of_the_other_part_is_one_minus_the_share_found(rows: list[Row]) -> None:
    """Where ``t = e + m``, the range of ``m / t`` read off that of ``e / t`` is the exact one."""
    known = Known()
    known.keep(CLAIMS, {E: Fraction(1)}, {T: Fraction(1)}, _exact(rows, E, T))
    implied = known.implied(CLAIMS, {M: Fraction(1)}, {T: Fraction(1)}, rows=rows, free=frozenset())
    assert _exact(rows, M, T) == implied


@st.composite
def positive_rows(draw: st.DrawFn) -> list[Row]:
    """Boxes of two values above 0, and maybe a row between them."""
    rows = [*_box(E, draw(positive), draw(widths)), *_box(M, draw(positive), draw(widths))]
    if draw(st.booleans()):
        rows.append(Row({E: Fraction(1), M: -draw(positive)}, ">=", -draw(fractions)))
    return rows


@settings(max_examples=60, deadline=None)
@given(positive_rows())
def test_a_ratio_upside_down_is_one_over_the_ratio_found(rows: list[Row]) -> None:
    """The range of ``m / e`` read off that of ``e / m`` is the exact one."""
    known = Known()
    known.keep(CLAIMS, {E: Fraction(1)}, {M: Fraction(1)}, _exact(rows, E, M))
    implied = known.implied(CLAIMS, {M: Fraction(1)}, {E: Fraction(1)}, rows=rows, free=frozenset())
    assert _exact(rows, M, E) == implied


def _asked(known: Known, rows: Sequence[Row], free: frozenset[int] = frozenset()) -> Ends | None:
    return known.implied(CLAIMS, {M: Fraction(1)}, {T: Fraction(1)}, rows=rows, free=free)


@pytest.mark.parametrize(
    ("row", "found"),
    [
        (Row({T: Fraction(1), E: Fraction(-1), M: Fraction(-1)}, "=", 0), (Fraction(1, 2), 1)),
        (Row({T: Fraction(1), E: Fraction(1), M: Fraction(-1)}, "=", 0), None),
        (Row({T: Fraction(1), E: Fraction(-1), M: Fraction(1)}, "=", 0), None),
        (Row({T: Fraction(1), E: Fraction(-1), M: Fraction(-1)}, ">=", 0), None),
        (Row({T: Fraction(1), E: Fraction(-1), M: Fraction(-1)}, "=", 1), None),
        (Row({T: Fraction(1), E: Fraction(-2), M: Fraction(-1)}, "=", 0), None),
    ],
)
def test_a_share_is_read_off_only_where_a_row_makes_the_parts_the_total(
    row: Row, found: Ends | None
) -> None:
    """``t = m - e``, ``t = e - m``, ``t >= e + m``, ``t = e + m + 1``, ``t = 2e + m``: none."""
    known = Known()
    known.keep(CLAIMS, {E: Fraction(1)}, {T: Fraction(1)}, (Fraction(0), Fraction(1, 2)))
    assert found == _asked(known, [row])


def test_a_share_with_an_open_end_fixes_no_complement() -> None:
    """An end HiGHS left open in a piece says nothing of the other part's share."""
    known = Known()
    known.keep(CLAIMS, {E: Fraction(1)}, {T: Fraction(1)}, (Fraction(0), None))
    assert _asked(known, [Row({T: Fraction(1), E: Fraction(-1), M: Fraction(-1)}, "=", 0)]) is None


@pytest.mark.parametrize(
    ("ends", "free", "found"),
    [
        ((Fraction(1, 2), Fraction(4)), frozenset(), (Fraction(1, 4), Fraction(2))),
        ((Fraction(0), Fraction(4)), frozenset(), None),
        ((Fraction(1, 2), None), frozenset(), None),
        ((Fraction(1, 2), Fraction(4)), frozenset({E}), None),
    ],
)
def test_a_ratio_is_turned_over_only_where_it_stays_above_0_and_bounded(
    ends: Ends, free: frozenset[int], found: Ends | None
) -> None:
    """A low end of 0, an open high end or a value that may be negative: no reciprocal."""
    known = Known()
    known.keep(CLAIMS, {E: Fraction(1)}, {M: Fraction(1)}, ends)
    assert found == known.implied(CLAIMS, {M: Fraction(1)}, {E: Fraction(1)}, rows=[], free=free)


def test_only_ratios_of_one_value_to_another_under_the_same_claims_are_read() -> None:
    """A sum over a value, a coefficient other than 1, or other claims: nothing kept or read."""
    known = Known()
    ends = (Fraction(1, 2), Fraction(4))
    known.keep(CLAIMS, {E: Fraction(1), T: Fraction(1)}, {M: Fraction(1)}, ends)
    known.keep(CLAIMS, {E: Fraction(2)}, {M: Fraction(1)}, ends)
    known.keep(frozenset({"others"}), {E: Fraction(1)}, {M: Fraction(1)}, ends)
    assert (
        known.implied(CLAIMS, {M: Fraction(1)}, {E: Fraction(1)}, rows=[], free=frozenset()) is None
    )


Recorded = tuple[Ends, Ends]


def _answers(report: Any) -> list[Recorded]:
    """Each range read off another during a check of ``report``, with the exact simplex's."""

    def entry(
        original: Callable[..., Ends | None],
        network: Network,
        claims: frozenset[str],
        numerator: Mapping[int, Fraction],
        denominator: Mapping[int, Fraction],
    ) -> tuple[Ends | None, Recorded | None]:
        answer = original(network, claims, numerator, denominator)
        if answer is None:
            return None, None
        lifted = Polyhedron(charnes_cooper(network.program(claims), denominator))
        return answer, (answer, (lifted.minimum(numerator), lifted.maximum(numerator)))

    found = during_check(report, Network, "_known_ratio", entry)
    return [recorded for recorded in found if recorded is not None]


@needs_highs
@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["kinds", "groups"]), st.integers(5, 30), st.integers(0, 2**16), st.booleans()
)
def test_every_ratio_read_off_another_in_a_check_is_the_exact_range(
    shape: str, size: int, seed: int, error: bool
) -> None:
    """During a check, each range so read is the exact simplex's over the same claims."""
    for answer, exact in _answers(bench.BUILDERS[shape](size, seed=seed, error=error)):
        assert exact == answer


@needs_highs
def test_a_check_of_kinds_reads_complements_and_reciprocals() -> None:
    """Both identities are taken on ``kinds`` (a test of them that never ran would show nothing)."""
    found: list[str] = []
    original = Known.implied

    def spied(known: Known, *args: Any, **kwargs: Any) -> Ends | None:
        answer = original(known, *args, **kwargs)
        claims, numerator, denominator = args
        flipped = (claims, next(iter(denominator)), next(iter(numerator)))
        if answer is not None:
            found.append("reciprocal" if flipped in known._ends else "complement")
        return answer

    with mock.patch.object(Known, "implied", spied):
        check(bench.kinds(20, seed=20))
    assert {"complement", "reciprocal"} == set(found)


def test_a_piece_reads_no_ratio_its_network_found() -> None:
    """A piece has rows its network lacks: the network's ranges are not the piece's."""
    report = bench.kinds(10, seed=10)
    network = Network(report)
    claims = [claim.id for claim in report.claims]
    june = report.claims[0].period
    part, other, total = (("e0", june), ("m0", june), ("t0", june))
    share = network.ratio(claims, [(part, 1)], [(total, 1)])
    assert share is not None
    # The piece holds the change of share to a share of e0 below the middle of its range.
    middle = Fraction((share.low + share.high) / 2)
    index = network._index
    piece = network.with_rows(
        {"e0-share-change": [Row({index[part]: Fraction(1), index[total]: -middle}, "<=", 0)]}
    )
    found = piece.ratio(claims, [(other, 1)], [(total, 1)])
    denominator = {index[total]: Fraction(1)}
    lifted = Polyhedron(charnes_cooper(piece.program(claims), denominator))
    numerator = {index[other]: Fraction(1)}
    assert found == outward(lifted.minimum(numerator), lifted.maximum(numerator))
