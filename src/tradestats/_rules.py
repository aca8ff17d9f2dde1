"""The domain rules of the derived figures, each written once.

A :class:`Rule` says which values break it, the error and message it raises,
and the short reason the table functions write beside a null. Each rule is
checked on exact numbers by the scalar functions (:mod:`tradestats.changes`,
:mod:`tradestats.shares`, :mod:`tradestats.measures`), on intervals by their
bounds twins (:mod:`tradestats.verify.bounds`), and names the null reason of
the table functions (:mod:`tradestats.tables`), so the three say the same thing
about the same bad input.

An interval breaks a rule when the figure could be undefined somewhere in it
("may be zero") or is out of its domain everywhere ("negative throughout"), as
each rule's interval check says; at an interval of one value each rule refuses
exactly what its exact check refuses, and says it in the same words.

>>> from decimal import Decimal
>>> ZERO_BASE.refuses(Decimal(0)), ZERO_BASE.reason
(True, 'zero base')
>>> ZERO_BASE.message(subject="growth from 0 to 5", shown=0)
'growth from 0 to 5 is undefined: the base 0 is zero'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final, Protocol

from attrs import field, frozen

from tradestats.errors import (
    InvalidValueError,
    NegativeBaseError,
    SignChangeError,
    TradeStatsError,
    ZeroBaseError,
)

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "FALL_BEYOND_100",
    "FALL_OF_100",
    "NEGATIVE_BASE",
    "NEGATIVE_CAGR_ADVICE",
    "NEGATIVE_GROWTH_ADVICE",
    "NEGATIVE_REMAINDER",
    "NEGATIVE_TOTAL",
    "NEGATIVE_VALUE",
    "PART_ABOVE_TOTAL",
    "RULES",
    "SHARE_OF_BALANCE",
    "SIGN_CHANGED",
    "SIGN_MAY_HAVE_CHANGED",
    "TOTAL_UNCHANGED",
    "YEARS_NOT_POSITIVE",
    "ZERO_BASE",
    "ZERO_PREVIOUS_TOTAL",
    "ZERO_TOTAL",
    "Ends",
    "Rule",
    "may_change_sign",
]


class Ends(Protocol):
    """What the interval checks read of an interval: its two exact ends."""

    @property
    def low(self) -> Decimal:
        """The lowest value."""

    @property
    def high(self) -> Decimal:
        """The highest value."""


@frozen
class Rule:
    """One domain rule: the values it refuses, its error and message, and its null reason.

    Args:
        reason: The short text the table functions write where a row breaks the rule.
        error: The error raised where a value breaks it.
        template: The message, a :meth:`str.format` template. Every caller fills
            ``{subject}`` (what was asked, such as "growth from 0 CNY to 5 CNY") and
            ``{shown}`` (the offending figure as given); the interval check fills
            ``{is_}`` ("may be" for an interval that only may break the rule) and
            ``{range}`` (the note on the intervals), which are "is" and empty for
            exact values; the rest are the rule's own words, with defaults.
        refuses: Whether exact values (Decimals, one per argument) break the rule.
        refuses_interval: Whether intervals of values (one per argument) break it.
        range_note: The note on the intervals for ``{range}``, a template over them
            (``{0}``, ``{1}``) and the words.
        defaults: Default words of the template.

    >>> from decimal import Decimal
    >>> PART_ABOVE_TOTAL.refuses(Decimal(6), Decimal(5)), PART_ABOVE_TOTAL.reason
    (True, 'part exceeds total')
    """

    reason: str
    error: type[TradeStatsError]
    template: str
    refuses: Callable[..., bool]
    refuses_interval: Callable[..., bool]
    range_note: str = ""
    defaults: Mapping[str, str] = field(factory=dict)

    def message(self, **words: object) -> str:
        """The message for the given words (see ``template``), for exact values by default.

        >>> ZERO_TOTAL.message(subject="the share of 0 CNY in 0 CNY", shown="0 CNY")
        'the share of 0 CNY in 0 CNY is undefined: the total 0 CNY is zero'
        """
        return self.template.format(**{"is_": "is", "range": "", **self.defaults, **words})

    def failure(self, *, details: Mapping[str, object], **words: object) -> TradeStatsError:
        """The error for exact values that break the rule, to raise where ``refuses`` says so.

        The caller tests first and builds the message only then: showing the
        figures costs more than the test.

        Args:
            details: The structured fields of the error (the offending values).
            words: The words of the message (see ``template``).

        >>> from decimal import Decimal
        >>> if ZERO_BASE.refuses(Decimal(0)):
        ...     raise ZERO_BASE.failure(subject="growth from 0 to 5", shown=0, details={})
        Traceback (most recent call last):
        ...
        tradestats.errors.ZeroBaseError: growth from 0 to 5 is undefined: the base 0 is zero
        """
        return self.error(self.message(**words), **details)

    def interval_failure(
        self, *intervals: Ends, details: Mapping[str, object], **words: object
    ) -> TradeStatsError:
        """The error for intervals that break the rule; for exact ones, the :meth:`failure`.

        Args:
            intervals: The intervals ``refuses_interval`` refused.
            details: The structured fields of the error (the offending values).
            words: The words of the message (see ``template``).

        >>> from tradestats.verify.intervals import Interval
        >>> raise ZERO_BASE.interval_failure(
        ...     Interval("-0.5", "0.5"), subject="growth", shown="0 (±0.5)", details={}
        ... )
        Traceback (most recent call last):
        ...
        tradestats.errors.ZeroBaseError: growth is undefined: the base 0 (±0.5) may be zero (it
        stands for [-0.5, 0.5])
        """
        if all(interval.low == interval.high for interval in intervals):
            return self.failure(details=details, **words)
        note = self.range_note.format(*intervals, **words)
        return self.failure(details=details, **{"is_": "may be", "range": note, **words})


# -- the predicates, exact and over intervals --------------------------------------------


def _zero(value: Decimal) -> bool:
    return value == 0


def _may_be_zero(interval: Ends) -> bool:
    return interval.low <= 0 <= interval.high


def _negative(value: Decimal) -> bool:
    return value < 0


def _negative_throughout(interval: Ends) -> bool:
    return interval.high < 0


def _not_positive(value: Decimal) -> bool:
    return value <= 0


def _may_not_be_positive(interval: Ends) -> bool:
    return interval.low <= 0


def _opposite(current: Decimal, previous: Decimal) -> bool:
    return (current < 0 < previous) or (previous < 0 < current)


def _opposite_throughout(current: Ends, previous: Ends) -> bool:
    return (current.high < 0 < previous.low) or (previous.high < 0 < current.low)


def _above(part: Decimal, total: Decimal) -> bool:
    return part > total


def _above_everywhere(parts: Ends, totals: Ends) -> bool:
    return parts.low > totals.high


# -- the rules -----------------------------------------------------------------------------


def _zero_divisor(noun: str) -> Rule:
    """A ratio over a ``noun`` that is zero, or may be: undefined."""
    return Rule(
        reason=f"zero {noun}",
        error=ZeroBaseError,
        template="{subject} is undefined: the " + noun + " {shown} {is_} zero{range}",
        refuses=_zero,
        refuses_interval=_may_be_zero,
        range_note=" (it stands for {0})",
    )


def _negative_value(noun: str) -> Rule:
    """A ratio of values that cannot be negative (a share, a multiplier, a CAGR's end)."""
    return Rule(
        reason=f"negative {noun}",
        error=InvalidValueError,
        template="{subject} needs {what}, got {shown}{advice}",
        refuses=_negative,
        refuses_interval=_negative_throughout,
        defaults={"what": "non-negative values", "advice": ""},
    )


#: Growth, a multiplier or a CAGR over a base of zero (or one that may be zero).
ZERO_BASE: Final = _zero_divisor("base")
#: A share of a total of zero.
ZERO_TOTAL: Final = _zero_divisor("total")
#: A contribution to the growth of a total that was zero the year before.
ZERO_PREVIOUS_TOTAL: Final = _zero_divisor("previous total")

#: Growth over a negative base (a deficit), negative throughout its interval.
NEGATIVE_BASE: Final = Rule(
    reason="negative base",
    error=NegativeBaseError,
    template="{subject} has a negative base{advice}",
    refuses=_negative,
    refuses_interval=_negative_throughout,
    defaults={"advice": ""},
)
#: The way out of :data:`NEGATIVE_BASE` that growth offers.
NEGATIVE_GROWTH_ADVICE: Final = (
    ", so its sign would mislead (a deficit that deepens would show as growth); report the "
    "absolute change, or pass allow_negative_base=True to divide by the base's size"
)
#: Why a share has no way out of :data:`NEGATIVE_VALUE` and :data:`NEGATIVE_TOTAL`.
SHARE_OF_BALANCE: Final = ": shares of a balance are not defined"
#: Why a CAGR has no way out of :data:`NEGATIVE_BASE`.
NEGATIVE_CAGR_ADVICE: Final = ": a compound rate needs a first value above zero"

#: Growth of a balance whose sign changed (a surplus turned deficit, or back): growth
#: compares sizes of one sign, so it is undefined, never a number such as -110%.
SIGN_CHANGED: Final = Rule(
    reason="sign changed",
    error=SignChangeError,
    template=(
        "{subject} is undefined: the value {changed} sign, from {previous} to {shown}{range}; "
        "report the change in level instead"
    ),
    refuses=_opposite,
    refuses_interval=_opposite_throughout,
    range_note=" (everywhere in their intervals, {0} and {1})",
    defaults={"changed": "changed"},
)


def may_change_sign(current: Ends, previous: Ends) -> bool:
    """Whether a value may have changed sign between two intervals, though not throughout.

    Growth over such a pair is defined at some points and not at others, so it
    has no range: the bounds functions refuse it with :data:`SIGN_CHANGED` in
    the words of :data:`SIGN_MAY_HAVE_CHANGED`. An interval that holds zero
    allows either sign; a base that may be zero is the :data:`ZERO_BASE` rule's.

    >>> from tradestats.verify.intervals import Interval
    >>> may_change_sign(Interval("-0.5", "0.5"), Interval(10, 11))
    True
    >>> may_change_sign(Interval(1, 2), Interval(10, 11))
    False
    """
    return (current.low < 0 < previous.high) or (previous.low < 0 < current.high)


#: The words of :data:`SIGN_CHANGED` for intervals between which the sign only may have
#: changed (see :func:`may_change_sign`); ``{0}`` is the current value's interval.
SIGN_MAY_HAVE_CHANGED: Final = {"changed": "may have changed", "range": " (it stands for {0})"}

#: A contribution share (贡献率) when the total did not change: the part's change over
#: a change of zero is undefined.
TOTAL_UNCHANGED: Final = Rule(
    reason="total did not change",
    error=ZeroBaseError,
    template="{subject} is undefined: the total {is_} unchanged, from {previous} to {shown}{range}",
    refuses=_zero,
    refuses_interval=_may_be_zero,
    range_note=" (its change stands for {0})",
)

#: A share's part, a multiplier's values or a CAGR's last value below zero.
NEGATIVE_VALUE: Final = _negative_value("value")
#: A share's total below zero: shares of a balance are not defined.
NEGATIVE_TOTAL: Final = _negative_value("total")

#: A share's part above its total (everywhere in their intervals).
PART_ABOVE_TOTAL: Final = Rule(
    reason="part exceeds total",
    error=InvalidValueError,
    template=(
        "the part {part} is larger than its total {total}{range}: a share cannot exceed 100%; "
        "check that the part belongs to the total"
    ),
    refuses=_above,
    refuses_interval=_above_everywhere,
    range_note=" everywhere in their intervals ({0} and {1})",
)
#: What is left of a total without its part, below zero (everywhere in its interval).
NEGATIVE_REMAINDER: Final = Rule(
    reason="part exceeds total",
    error=InvalidValueError,
    template="the part {part} exceeds its total {total}{range}",
    refuses=_negative,
    refuses_interval=_negative_throughout,
    range_note=" everywhere in their intervals ({parts} and {totals})",
)

#: A fall of 100% (a factor of ×0), after which every earlier value gives zero.
FALL_OF_100: Final = Rule(
    reason="fall of 100%",
    error=ZeroBaseError,
    template=(
        "{subject}: {shown} {is_} a fall of 100%{range}, after which every previous value "
        "gives zero"
    ),
    refuses=_zero,
    refuses_interval=_may_be_zero,
    range_note=" (a factor of {0})",
)
#: A fall of more than 100% (a factor below zero), which no multiplier makes.
FALL_BEYOND_100: Final = Rule(
    reason="fall of more than 100%",
    error=InvalidValueError,
    template="a change of {shown} turns a positive value negative, so it has no multiplier",
    refuses=_negative,
    refuses_interval=_negative_throughout,
)

#: A CAGR over a number of years that is not positive.
YEARS_NOT_POSITIVE: Final = Rule(
    reason="years not positive",
    error=InvalidValueError,
    template="years must be positive, got {shown}",
    refuses=_not_positive,
    refuses_interval=_may_not_be_positive,
)

#: Every rule, for tests and documentation.
RULES: Final = (
    ZERO_BASE,
    ZERO_TOTAL,
    ZERO_PREVIOUS_TOTAL,
    NEGATIVE_BASE,
    NEGATIVE_VALUE,
    NEGATIVE_TOTAL,
    PART_ABOVE_TOTAL,
    NEGATIVE_REMAINDER,
    FALL_OF_100,
    FALL_BEYOND_100,
    YEARS_NOT_POSITIVE,
    SIGN_CHANGED,
    TOTAL_UNCHANGED,
)
