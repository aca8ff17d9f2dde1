"""The words of a multiple: doubled, tripled, twice, halved, N-fold increases and decreases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tradestats import (
    AmbiguityError,
    Growth,
    Multiplier,
    ParseError,
    Reported,
    TimesConvention,
)
from tradestats.verify import half_unit_of_last_digit


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("doubled", "2"),
        ("Doubled", "2"),
        ("twice", "2"),
        ("twice as much as", "2"),
        ("tripled", "3"),
        ("trebled", "3"),
        ("quadrupled", "4"),
        ("翻一番", "2"),
        ("翻了两番", "4"),
        ("a 3-fold increase", "3"),
        ("2.5-fold rise", "2.5"),
        ("halved", "0.5"),
        ("减半", "0.5"),
        ("decreased 2.5-fold", "0.4"),
        ("fell by 4 times", "0.25"),
        ("a 5-fold decrease", "0.2"),
        ("8-fold decline", "0.125"),
    ],
)
def test_words_of_a_multiple(text: str, factor: str) -> None:
    """Each wording is the factor it names, with no convention needed."""
    assert Multiplier(Decimal(factor)) == Multiplier.parse(text)


def test_growth_from_words_of_a_multiple() -> None:
    """A growth rate may be written as a multiple too: doubled is +100%, halved −50%."""
    assert Growth.from_percent(100) == Growth.parse("doubled year on year")
    assert Growth.from_percent(-50) == Growth.parse("halved")


@pytest.mark.parametrize("text", ["3-fold", "up 3 times", "increased 3-fold", "3倍"])
def test_the_times_convention_is_still_never_guessed(text: str) -> None:
    """A bare or rising "N times" keeps its two readings; only the caller may choose."""
    with pytest.raises(AmbiguityError):
        Multiplier.parse(text)
    assert Multiplier.parse(text, times=TimesConvention.AS_MUCH) == Multiplier(3)


@pytest.mark.parametrize("text", ["decreased 0.5-fold", "halved as much", "a 3 times decrease"])
def test_words_that_are_no_multiple(text: str) -> None:
    """A decrease by less than 1-fold, or a mix of wordings, is refused with the text named."""
    with pytest.raises(ParseError, match="multiplier"):
        Multiplier.parse(text)


def test_reported_words_of_a_multiple() -> None:
    """ "Doubled" is ×2 ± 0.5, as "2 times as much" is; "halved" is ×1/2 from N = 2 ± 0.5."""
    assert Reported.parse_multiplier("2 times as much") == Reported.parse_multiplier("doubled")
    halved = Reported.parse_multiplier("halved")
    assert (Multiplier(Decimal("0.5")), Decimal("0.17")) == (halved.value, halved.precision)


folds = st.decimals(min_value=1, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@given(folds, st.sampled_from(["decreased {}-fold", "a {}-fold decrease", "fell {} times"]))
@example(Decimal("1.00"), "decreased {}-fold")
@example(Decimal("2"), "a {}-fold decrease")
def test_a_fold_decrease_stands_for_every_n_its_digits_allow(n: Decimal, form: str) -> None:
    """×1/N exactly, and its reported interval holds 1/x for every x that rounds to N."""
    text = form.format(n)
    assert Multiplier.parse(text).factor == Decimal(1) / n
    interval = Reported.parse_multiplier(text).interval
    h = half_unit_of_last_digit(n)
    for x in (n - h, n, n + h):
        assert interval.contains(Decimal(1) / x)


@given(folds)
def test_an_n_fold_increase_is_n_times_as_much(n: Decimal) -> None:
    """ "A N-fold increase" is read as "N times as much", with the same precision."""
    assert Reported.parse_multiplier(f"{n} times as much") == Reported.parse_multiplier(
        f"a {n}-fold increase"
    )
