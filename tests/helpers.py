"""Shared test helpers: comparisons for 28-digit decimal results, and shared tables."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from tradestats import Amount

#: Relative tolerance for results a handful of roundings away from exact: each
#: rounding at 28 significant digits is off by at most 5 × 10⁻²⁸ of the value.
TIGHT = Decimal("1e-24")


def assert_close(expected: Decimal, actual: Decimal, *, rel: Decimal = TIGHT) -> None:
    """Assert ``|expected − actual| <= rel × max(|expected|, |actual|)``, in exact decimals."""
    with localcontext(prec=100):  # the check itself must not round
        error = abs(expected - actual)
        bound = rel * max(abs(expected), abs(actual))
    assert error <= bound, f"{actual} differs from {expected} by {error} (more than {rel} of it)"


def assert_amounts_close(expected: Amount, actual: Amount, *, rel: Decimal = TIGHT) -> None:
    """Assert two amounts have the same unit and magnitudes within ``rel`` of each other."""
    assert expected.unit == actual.unit
    assert_close(expected.magnitude, actual.magnitude, rel=rel)


#: Canonical units and how they show in text: compound names as their pint symbol.
UNIT_LABELS: Final = [
    ("square_metre", "m2"),
    ("cubic_metre", "m3"),
    ("kilowatt_hour", "kWh"),
    ("megawatt_hour", "MWh"),
    ("gigawatt_hour", "GWh"),
    ("tonne", "tonne"),
    ("kilogram", "kilogram"),
    ("item", "item"),
    ("CNY", "CNY"),
    ("USD", "USD"),
]
