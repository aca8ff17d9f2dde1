"""Results do not depend on the caller's decimal context.

A caller may set any thread context (few digits, traps off, a small exponent
range); tradestats computes in its own, so every result is the same as with
Python's default context.
"""

from __future__ import annotations

import decimal
from decimal import Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pint
import pytest

import tradestats as ts
import tradestats.tables as tt

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

EXAMPLE = Path(__file__).parent.parent / "examples" / "xinjiang_2023.toml"


def hostile() -> decimal.Context:
    """A context that rounds to 3 digits, traps nothing and overflows above 1E+20."""
    return decimal.Context(prec=3, Emax=20, Emin=-20, traps=[], rounding=decimal.ROUND_DOWN)


def _computations() -> Iterator[tuple[str, Callable[[], Any]]]:
    yield "money", lambda: ts.money("183.456789 billion yuan")
    yield "money 亿", lambda: ts.money("1831.6亿元")
    yield "amount", lambda: ts.amount("3.2万吨")
    yield (
        "Amount arithmetic",
        lambda: (ts.money("183.456789 billion CNY") * "1.23456" + ts.money("1.111111 CNY")) / 7,
    )
    yield "Amount.to", lambda: ts.amount("2.123456 tonnes").to("kg")
    yield "Amount.format", lambda: ts.money("183.456789 billion CNY").format(places=4)
    yield "Growth.from_percent", lambda: ts.Growth.from_percent("59.34567")
    yield "Growth.parse", lambda: ts.Growth.parse("59.34567%")
    yield "Multiplier.times_more", lambda: ts.Multiplier.times_more("3.26789")
    yield "Share.from_percent", lambda: ts.Share.from_percent("92.34567")
    yield "growth", lambda: ts.growth("183.456789", "115.123456")
    yield (
        "cagr",
        lambda: ts.cagr(ts.money("115.123456", "CNY"), ts.money("183.456789", "CNY"), years=3),
    )
    yield (
        "implied_previous",
        lambda: ts.implied_previous(
            ts.money("183.456789 billion CNY"), ts.Growth.from_percent("59.3")
        ),
    )
    yield (
        "share",
        lambda: ts.share(ts.money("169.123 billion CNY"), ts.money("183.456 billion CNY")),
    )
    yield (
        "growth_bounds",
        lambda: ts.growth_bounds(
            ts.Reported.parse_amount("183.4 billion yuan"),
            ts.Reported.parse_amount("115.1 billion yuan"),
        ),
    )
    yield "Interval", lambda: (ts.Interval("1.23456", "2.34567") / 3).power("0.5")
    yield (
        "ExchangeRate",
        lambda: ts.ExchangeRate("USD", "CNY", "7.123456", period="2023").convert(
            ts.money("183.456789 billion CNY"), period=ts.Period.parse("2023")
        ),
    )
    yield "check", lambda: ts.check(ts.load_report(EXAMPLE)).to_dict()
    yield (
        "Bounds.format",
        lambda: ts.Bounds.from_interval(
            ts.Interval("114.527712345E9", "115.227654321E9"), "CNY"
        ).format(places=3),
    )
    yield (
        "tables",
        lambda: tt.yoy_growth(
            __import__("polars").DataFrame(
                {"reporter": ["CHN", "CHN"], "period": [2022, 2023], "value": [100.123, 125.456]}
            ),
            keys=["reporter"],
        ).to_dicts(),
    )


COMPUTATIONS = dict(_computations())


@pytest.mark.parametrize("name", sorted(COMPUTATIONS))
def test_results_do_not_depend_on_the_callers_context(name: str) -> None:
    """Each computation gives the same result under a hostile thread context."""
    compute = COMPUTATIONS[name]
    expected = compute()
    with localcontext(hostile()):
        actual = compute()
        assert decimal.getcontext().prec == 3  # the caller's context is back afterwards
    assert expected == actual
    assert repr(expected) == repr(actual)


def test_the_callers_context_is_restored_after_an_error() -> None:
    """An error inside tradestats leaves the caller's context as it was."""
    with localcontext(hostile()) as context:
        with pytest.raises(ts.TradeStatsError):
            ts.growth("1", "0")
        assert decimal.getcontext() is context


def test_overflow_is_a_tradestats_error() -> None:
    """Results beyond the context's range raise InvalidValueError, not decimal.Overflow."""
    with pytest.raises(ts.InvalidValueError):
        ts.Interval(2, 3).power(10**9)
    with pytest.raises(ts.InvalidValueError, match="out of range"):
        ts.Amount(Decimal("1E+1000"), "CNY") * 10
    with pytest.raises(ts.InvalidValueError, match="out of range"):
        ts.growth("1E+1000", "1E-1000")
    with pytest.raises(ts.InvalidValueError):
        ts.cagr(ts.money("1E-1000", "CNY"), ts.money("1E+1000", "CNY"), years=1)


@pytest.mark.parametrize("text", ["1" * 29, "1831.999999999999999999999999996", "0." + "1" * 29])
def test_figures_with_more_than_28_digits_are_refused_not_rounded(text: str) -> None:
    """A figure that cannot be held exactly in 28 digits is refused."""
    with pytest.raises(ts.InvalidValueError, match="28"):
        ts.money(f"{text}亿元")
    with pytest.raises(ts.InvalidValueError, match="28"):
        ts.growth(text, 1)


def test_invalid_operation_untrapped_by_the_caller_still_parses() -> None:
    """With InvalidOperation untrapped by the caller, parsing still works and still refuses."""
    with localcontext() as context:
        context.traps[InvalidOperation] = False
        assert ts.money("183 billion CNY") == ts.Amount("183E9", "CNY")
        with pytest.raises(ts.ParseError):
            ts.Growth("abc")


def test_results_do_not_depend_on_pints_application_registry() -> None:
    """A caller who sets pint's application registry to another one changes nothing here."""
    expected = (ts.amount("2.5 tonnes").to("kg"), ts.money("183 billion yuan"))
    saved = pint.application_registry.get()  # type: ignore[no-untyped-call]
    other: Any = pint.UnitRegistry()
    other.define("tonne = 2 * kilogram = t")  # a registry whose tonne is wrong
    pint.set_application_registry(other)  # type: ignore[no-untyped-call]
    try:
        actual = (ts.amount("2.5 tonnes").to("kg"), ts.money("183 billion yuan"))
    finally:
        pint.set_application_registry(saved)  # type: ignore[no-untyped-call]
    assert expected == actual
    assert ts.amount("2500 kg") == actual[0]
