"""Private: what tradestats knows about each kind of figure, in one table.

Every amount and measure is one Decimal in its own internal magnitude: an
amount's magnitude in its unit, a growth rate as a fraction, a multiplier's
factor, a share as a fraction, percentage points as points. Intervals and
bounds of figures are intervals of that number. A :class:`Kind` holds the rest:
how to read and make that number, what the kind is called, how people read it
(in percent? with a sign? after a ×, before a %?) and which values it can take.
Code that needs one of these facts looks the kind up (:func:`kind_of`) instead of
asking ``isinstance`` of each type in turn.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Generic, TypeAlias, TypeVar

from attrs import frozen

from tradestats._numbers import ONE, ZERO
from tradestats._text import quote
from tradestats.amounts import Amount
from tradestats.errors import InvalidValueError
from tradestats.measures import Growth, Multiplier, PercentagePoints, Share
from tradestats.verify.intervals import Interval

__all__ = [
    "FIGURE_TYPES",
    "KINDS",
    "Figure",
    "Kind",
    "T",
    "clamp_to_domain",
    "internal_name",
    "kind_name",
    "kind_of",
    "magnitude_of",
    "require_kind",
    "with_magnitude",
]

#: A published figure of any kind: an amount or one of the four measures.
Figure: TypeAlias = Amount | Growth | Multiplier | Share | PercentagePoints
T = TypeVar("T", bound=Figure)

FIGURE_TYPES: Final = (Amount, Growth, Multiplier, Share, PercentagePoints)


@frozen
class Kind(Generic[T]):
    """The facts of one kind of figure (an amount or a measure) that the library needs.

    Args:
        cls: The class: :class:`~tradestats.Amount` or one of the four measures.
        name: Its name in data (the ``kind`` of ``tradestats check --json``).
        internal: What its internal magnitude is, for messages.
        magnitude: A value's internal magnitude.
        build: A value of this kind from an internal magnitude and a value to
            take the rest (an amount's unit) from.
        percent: Whether people read the magnitude in percent (×100).
        signed: Whether a positive value is shown with "+".
        prefix: Written before each number ("×" for multipliers).
        glued: Written right after each number ("%").
        unit: Written once after a number or range (" pp"); an amount's unit and
            scale word come from the amount.
        difference: The unit of a difference of two values, as shown ("±0.05 pp").
        gap: How a gap between two values is named ("1.4 pp", "0.1 in the multiplier").
        lowest: The smallest internal magnitude the kind allows, if any.
        highest: The largest, if any.
        domain: The allowed values in words, for messages ("" if any value is).
    """

    cls: type[T]
    name: str
    internal: str
    magnitude: Callable[[T], Decimal]
    build: Callable[[Decimal, T | None], T]
    percent: bool = False
    signed: bool = False
    prefix: str = ""
    glued: str = ""
    unit: str = ""
    difference: str = ""
    gap: str = ""
    lowest: Decimal | None = None
    highest: Decimal | None = None
    domain: str = ""

    @property
    def shift(self) -> int:
        """The power of ten from the internal magnitude to the number people read: 2 or 0."""
        return 2 if self.percent else 0

    @property
    def is_amount(self) -> bool:
        """Whether values of the kind carry a unit (and are shown with scale words)."""
        return self.cls is Amount

    def number(self, text: str) -> str:
        """A number, already rounded as text, written as this kind writes one: ``+59.3%``."""
        if self.signed and not text.startswith("-") and text.strip("0."):
            text = f"+{text}"
        return f"{self.prefix}{text}{self.glued}"


def _amount(magnitude: Decimal, like: Amount | None) -> Amount:
    if like is None:  # pragma: no cover - every caller passes a template for amounts
        raise InvalidValueError("an amount needs a unit: give a value to take it from")
    return Amount(magnitude, like.unit)


#: Every kind of figure, by class.
KINDS: Final[dict[type[Any], Kind[Any]]] = {
    Amount: Kind(
        Amount,
        "amount",
        "the magnitude in the amount's unit",
        lambda value: value.magnitude,
        _amount,
    ),
    Growth: Kind(
        Growth,
        "growth",
        "the rate as a fraction (0.0005 is 0.05 pp)",
        lambda value: value.rate,
        lambda magnitude, _: Growth(magnitude),
        percent=True,
        signed=True,
        glued="%",
        difference=" pp",
        gap=" pp",
    ),
    Multiplier: Kind(
        Multiplier,
        "multiplier",
        "the factor",
        lambda value: value.factor,
        lambda magnitude, _: Multiplier(magnitude),
        prefix="×",
        gap=" in the multiplier",
        lowest=ZERO,
        domain="not negative",
    ),
    Share: Kind(
        Share,
        "share",
        "the fraction (0.0005 is 0.05 pp)",
        lambda value: value.fraction,
        lambda magnitude, _: Share(magnitude),
        percent=True,
        glued="%",
        difference=" pp",
        gap=" pp",
        lowest=ZERO,
        highest=ONE,
        domain="between 0 and 1 (0% to 100%)",
    ),
    PercentagePoints: Kind(
        PercentagePoints,
        "points",
        "points",
        lambda value: value.points,
        lambda magnitude, _: PercentagePoints(magnitude),
        signed=True,
        unit=" pp",
        difference=" pp",
        gap=" pp",
    ),
}


def kind_of(kind: type[T] | T) -> Kind[T]:
    """The facts of a kind of figure, from the class or a value of it.

    Raises:
        InvalidValueError: For anything but an amount, a measure or their classes.

    >>> kind_of(Growth).name, kind_of(Share.from_percent(5)).percent
    ('growth', True)
    """
    cls = kind if isinstance(kind, type) else type(kind)
    found = KINDS.get(cls)
    if found is None:
        raise InvalidValueError(
            f"expected an Amount, Growth, Multiplier, Share or PercentagePoints, got {quote(kind)}",
            value=kind,
        )
    return found


def kind_name(kind: type[object]) -> str:
    """The class name, for messages."""
    return kind.__name__


def require_kind(value: object, what: str) -> Figure:
    """``value`` if it is an amount or a measure, else an error naming it."""
    if isinstance(value, FIGURE_TYPES):
        return value
    raise InvalidValueError(
        f"{what} must be an Amount, Growth, Multiplier, Share or PercentagePoints, got "
        f"{type(value).__name__} {quote(value)}",
        value=value,
    )


def magnitude_of(value: Figure) -> Decimal:
    """The one number of a figure, in its internal magnitude."""
    return kind_of(value).magnitude(value)


def with_magnitude(like: T, magnitude: Decimal) -> T:
    """A figure of the same kind (and unit) as ``like`` with another internal magnitude."""
    return kind_of(like).build(magnitude, like)


def internal_name(kind: type[object]) -> str:
    """How the internal magnitude of ``kind`` is measured, for messages and docs."""
    return KINDS[kind].internal


def clamp_to_domain(interval: Interval, kind: type[object], *, what: str) -> Interval:
    """``interval`` cut to the values a figure of ``kind`` can take.

    A share reported as "0.0%" stands for 0% to 0.05%, not −0.05% to 0.05%; a
    multiplier cannot be negative.

    Raises:
        InvalidValueError: If no value of the interval is possible for ``kind``.
    """
    facts = KINDS[kind]
    low = interval.low if facts.lowest is None else max(interval.low, facts.lowest)
    high = interval.high if facts.highest is None else min(interval.high, facts.highest)
    if low > high:
        raise InvalidValueError(
            f"{what} {interval} holds no possible {kind_name(kind)}: it must be {facts.domain}",
            interval=interval,
        )
    if low == interval.low and high == interval.high:
        return interval
    return Interval(low, high)
