"""Exact sums of products of fractions, reduced once rather than at every term.

The certificates of the check (a dual solution's reduced costs, a back-substitution,
a solution checked against its equations) add up many products of fractions whose
denominators are few and small. ``sum(a * b for ...)`` in :class:`~fractions.Fraction`
reduces every partial sum by a gcd of ever larger integers; here the products are
brought to one common denominator and the total is reduced once. The result is the
same fraction.
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["dot", "dot_is"]

_ZERO: Final = Fraction(0)


def _terms(
    coefficients: Mapping[int, Fraction | int], values: Mapping[int, Fraction]
) -> tuple[list[int], list[int]]:
    """The numerators and denominators of each ``coefficient × value`` (the 0s left out)."""
    tops: list[int] = []
    bottoms: list[int] = []
    for name, coefficient in coefficients.items():
        value = values.get(name)
        if value is None or not value or not coefficient:
            continue
        tops.append(coefficient.numerator * value.numerator)
        bottoms.append(coefficient.denominator * value.denominator)
    return tops, bottoms


def _total(tops: Iterable[int], bottoms: list[int], common: int) -> int:
    """``Σ top / bottom`` times ``common`` (a multiple of every bottom), as an integer."""
    return sum(top * (common // bottom) for top, bottom in zip(tops, bottoms, strict=True))


def dot(coefficients: Mapping[int, Fraction | int], values: Mapping[int, Fraction]) -> Fraction:
    """``Σ coefficients[j] × values[j]`` exactly (a name missing from ``values`` is 0).

    >>> dot({0: Fraction(1, 3), 1: Fraction(2)}, {0: Fraction(3, 2), 1: Fraction(1, 6)})
    Fraction(5, 6)
    >>> dot({0: Fraction(1)}, {})
    Fraction(0, 1)
    """
    tops, bottoms = _terms(coefficients, values)
    if not tops:
        return _ZERO
    common = lcm(*bottoms)
    return Fraction(_total(tops, bottoms, common), common)


def dot_is(
    coefficients: Mapping[int, Fraction | int], values: Mapping[int, Fraction], total: Fraction
) -> bool:
    """Whether ``Σ coefficients[j] × values[j] == total``, exactly, with no fraction built.

    >>> dot_is({0: Fraction(1, 3)}, {0: Fraction(3, 2)}, Fraction(1, 2))
    True
    >>> dot_is({0: Fraction(1, 3)}, {0: Fraction(3, 2)}, Fraction(1, 3))
    False
    """
    tops, bottoms = _terms(coefficients, values)
    bottoms.append(total.denominator)
    common = lcm(*bottoms)
    bottoms.pop()
    return _total(tops, bottoms, common) == total.numerator * (common // total.denominator)
