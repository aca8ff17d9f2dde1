"""Private: ranges of ratios of two values read off ranges already found, with no program.

A report's figures ask ratios of one value to another that the claims tie in two
exact ways, and each such ratio otherwise costs two linear-fractional programs
(its minimum and its maximum, each solved and certified):

* **complements**: where the claims say ``t = e + m`` exactly (a total of two
  parts), ``m / t = 1 - e / t`` wherever ``t`` is not 0, so the range of the
  share of ``m`` is one minus that of ``e``, ends swapped;
* **reciprocals**: ``u / v = 1 / (v / u)``. Where ``v / u`` ranges over ``[a, b]``
  with ``0 < a`` and ``b`` finite (both values 0 or more, measured where ``u > 0``),
  no value the claims allow has ``u`` at 0 with ``v`` above it (the ratio would
  grow without bound near such a value), and every one with ``u > 0`` has
  ``v >= a × u > 0``: the values with ``v > 0`` are those with ``u > 0``, and
  over them ``u / v`` ranges over ``[1 / b, 1 / a]`` (a change of share asks the
  later total over the earlier after the growth of the total).

Both are identities of the values, not bounds: the ends are the exact ends the
programs would find, so what is printed does not change. Only ranges of a ratio of
one value to another (a share, a growth rate) measured where the denominator is
above 0 are kept and used, with both ends found, and only between ratios under
the same claims of one network (a piece of :mod:`._points` has rows of its own).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Final, TypeAlias

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from tradestats.claims._linear import Row

__all__ = ["Ends", "Known", "complements"]

#: A ratio's exact lowest and highest values (``None``: unbounded that way).
Ends: TypeAlias = tuple[Fraction | None, Fraction | None]

_ONE: Final = Fraction(1)


def _single(terms: Mapping[int, Fraction]) -> int | None:
    """The variable of ``terms`` if they are one variable with coefficient 1."""
    if len(terms) != 1:
        return None
    ((variable, coefficient),) = terms.items()
    return variable if coefficient == 1 else None


class Known:
    """The exact ranges of ratios of one value to another found so far, by the claims asked.

    Kept per network (a piece's rows differ from its network's, so it keeps its own).
    """

    def __init__(self) -> None:
        self._ends: dict[tuple[frozenset[str], int, int], Ends] = {}

    def keep(
        self,
        claims: frozenset[str],
        numerator: Mapping[int, Fraction],
        denominator: Mapping[int, Fraction],
        ends: Ends,
    ) -> None:
        """Remember the exact range ``ends`` of ``numerator / denominator`` under ``claims``.

        Only a ratio of one value to another, measured where the denominator is
        above 0 (the caller's to know); any other is not kept.
        """
        top, bottom = _single(numerator), _single(denominator)
        if top is not None and bottom is not None:
            self._ends[(claims, top, bottom)] = ends

    def implied(
        self,
        claims: frozenset[str],
        numerator: Mapping[int, Fraction],
        denominator: Mapping[int, Fraction],
        *,
        rows: Iterable[Row],
        free: frozenset[int],
    ) -> Ends | None:
        """The exact range of ``numerator / denominator`` if a kept range fixes it, or ``None``.

        Args:
            claims: The claims the ratio is asked under.
            numerator: The ratio's numerator (one value, for an answer).
            denominator: Its denominator (one value), measured where it is above 0.
            rows: The rows of ``claims``: where one says ``t = e + m``, a share of
                ``m`` in ``t`` is read off that of ``e``.
            free: The values that may be negative (no reciprocal for those).
        """
        top, bottom = _single(numerator), _single(denominator)
        if top is None or bottom is None:
            return None
        flipped = self._ends.get((claims, bottom, top))
        if (
            flipped is not None
            and top not in free
            and bottom not in free
            and flipped[0] is not None
            and flipped[1] is not None
            and flipped[0] > 0
        ):
            return _ONE / flipped[1], _ONE / flipped[0]
        for other in complements(rows, bottom, top):
            low, high = self._ends.get((claims, other, bottom), (None, None))
            # An end left open (HiGHS could not certify it, in a piece) fixes nothing.
            if low is not None and high is not None:
                return _ONE - high, _ONE - low
        return None


def complements(rows: Iterable[Row], total: int, part: int) -> list[int]:
    """The values ``e`` of the rows among ``rows`` that say ``total = e + part``."""
    found: list[int] = []
    for row in rows:
        coefficients = row.coefficients
        if row.sense != "=" or row.rhs or len(coefficients) != 3 or part not in coefficients:
            continue
        scale = coefficients.get(total)
        if not scale or coefficients[part] != -scale:
            continue
        (other,) = (j for j in coefficients if j not in (total, part))
        if coefficients[other] == -scale:
            found.append(other)
    return found
