"""Private interval narrowing over extended decimals: the engine under the consistency check.

The consistency check needs ranges that may be unbounded ("a value, 0 or more")
and arithmetic that never loses the true value: every low end is rounded down,
every high end up. A :class:`Span` is such a range; :func:`propagate` narrows the
spans of a set of variables under three kinds of constraint (a fixed range, a
product ``result = base × factor`` and a sum ``total = Σ parts``) until nothing
moves, or reports that some variable was left with no possible value.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Mapping, Sequence
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from typing import Final

from attrs import frozen

__all__ = [
    "ANY",
    "EMPTY",
    "INF",
    "NON_NEGATIVE",
    "Conflict",
    "Fix",
    "Product",
    "Span",
    "Sum",
    "propagate",
]

INF: Final = Decimal("Infinity")
_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_TRAPS: Final = [InvalidOperation, DivisionByZero, Overflow]
# Low ends round towards -inf and high ends towards +inf, so a span always keeps the
# true value however many operations it went through.
_DOWN: Final = Context(prec=28, rounding=ROUND_FLOOR, traps=_TRAPS)
_UP: Final = Context(prec=28, rounding=ROUND_CEILING, traps=_TRAPS)
# A narrowing step smaller than this fraction of a span's width does not count as
# progress: cycles of relations can otherwise creep forever in ever tinier steps.
_PROGRESS: Final = Decimal("1e-6")
_MAX_ROUNDS: Final = 200


def _times(left: Decimal, right: Decimal, context: Context) -> Decimal:
    # An infinite end stands for "unbounded", never for a value: 0 × unbounded is 0.
    if not left or not right:
        return _ZERO
    return context.multiply(left, right)


@frozen
class Span:
    """A closed range of decimals ``low <= x <= high``; an end may be infinite.

    Only :data:`EMPTY` has ``low > high``: it meets nothing.

    Args:
        low: The smallest possible value, or ``-Infinity``.
        high: The largest possible value, or ``Infinity``.
    """

    low: Decimal
    high: Decimal

    @property
    def is_bounded(self) -> bool:
        """Whether both ends are finite."""
        return self.low.is_finite() and self.high.is_finite()

    @property
    def width(self) -> Decimal:
        """``high - low`` (infinite for an unbounded span)."""
        return _UP.subtract(self.high, self.low)

    def meet(self, other: Span) -> Span | None:
        """The values in both spans, or ``None`` if they have none in common."""
        low, high = max(self.low, other.low), min(self.high, other.high)
        return Span(low, high) if low <= high else None

    def gap(self, other: Span) -> Decimal:
        """How far apart the two spans are: 0 when they overlap."""
        if self.high < other.low:
            return _DOWN.subtract(other.low, self.high)
        if other.high < self.low:
            return _DOWN.subtract(self.low, other.high)
        return _ZERO

    def __add__(self, other: Span) -> Span:
        return Span(_DOWN.add(self.low, other.low), _UP.add(self.high, other.high))

    def __sub__(self, other: Span) -> Span:
        return Span(_DOWN.subtract(self.low, other.high), _UP.subtract(self.high, other.low))

    def __mul__(self, other: Span) -> Span:
        if self.low >= 0 and other.low >= 0:  # the common case: values and factors
            return Span(_times(self.low, other.low, _DOWN), _times(self.high, other.high, _UP))
        ends = [(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Span(
            min(_times(a, b, _DOWN) for a, b in ends), max(_times(a, b, _UP) for a, b in ends)
        )

    def __truediv__(self, other: Span) -> Span:
        # A divisor that may be zero leaves the quotient unbounded on that side.
        if other.low < 0 < other.high or (not other.low and not other.high):
            return ANY
        if not other.low:
            inverse = Span(_inverse(other.high, _DOWN), INF)
        elif not other.high:
            inverse = Span(-INF, _inverse(other.low, _UP))
        else:
            inverse = Span(_inverse(other.high, _DOWN), _inverse(other.low, _UP))
        return self * inverse


def _inverse(value: Decimal, context: Context) -> Decimal:
    return _ZERO if value.is_infinite() else context.divide(_ONE, value)


#: Any value at all.
ANY: Final = Span(-INF, INF)
#: No value at all: a constraint ``Fix(x, EMPTY)`` can never hold.
EMPTY: Final = Span(INF, -INF)
#: Any value of 0 or more: what a trade flow other than a balance may be worth.
NON_NEGATIVE: Final = Span(_ZERO, INF)


@frozen
class Fix:
    """The constraint ``variable ∈ span``: a published value with its rounding."""

    variable: Hashable
    span: Span


@frozen
class Product:
    """The constraint ``result = base × factor`` with ``factor`` in a known span."""

    result: Hashable
    base: Hashable
    factor: Span


@frozen
class Sum:
    """The constraint ``total = Σ parts``."""

    total: Hashable
    parts: tuple[Hashable, ...]


Constraint = Fix | Product | Sum


class Conflict(Exception):  # noqa: N818 - an outcome of propagation, caught by the engine
    """The constraints leave ``variable`` with no possible value."""

    def __init__(self, variable: Hashable) -> None:
        super().__init__(f"no value of {variable!r} meets every constraint")
        self.variable = variable


def _candidates(
    constraint: Constraint, domains: Mapping[Hashable, Span]
) -> list[tuple[Hashable, Span]]:
    """What ``constraint`` says about each of its variables, given the others' spans."""
    if isinstance(constraint, Fix):
        return [(constraint.variable, constraint.span)]
    if isinstance(constraint, Product):
        result, base = domains[constraint.result], domains[constraint.base]
        return [
            (constraint.result, base * constraint.factor),
            (constraint.base, result / constraint.factor),
        ]
    total, parts = domains[constraint.total], [domains[part] for part in constraint.parts]
    added = Span(_ZERO, _ZERO)
    for part in parts:
        added += part
    found: list[tuple[Hashable, Span]] = [(constraint.total, added)]
    for index, name in enumerate(constraint.parts):
        others = Span(_ZERO, _ZERO)
        for position, part in enumerate(parts):
            if position != index:
                others += part
        found.append((name, total - others))
    return found


def _progress(old: Span, new: Span) -> bool:
    """Whether narrowing ``old`` to ``new`` is worth another round.

    An end that becomes finite always is; otherwise the span must lose more than
    a small fraction of its width.
    """
    if old.low.is_infinite() != new.low.is_infinite():
        return True
    if old.high.is_infinite() != new.high.is_infinite():
        return True
    width = old.width
    if width.is_finite():
        return _UP.subtract(width, new.width) > _UP.multiply(width, _PROGRESS)
    # Half-bounded: measure the move of the finite end against its size.
    end, moved = (
        (new.low, _UP.subtract(new.low, old.low))
        if new.low.is_finite()
        else (new.high, _UP.subtract(old.high, new.high))
    )
    return moved > _UP.multiply(abs(end), _PROGRESS)


def _variables(constraint: Constraint) -> tuple[Hashable, ...]:
    if isinstance(constraint, Fix):
        return (constraint.variable,)
    if isinstance(constraint, Product):
        return (constraint.result, constraint.base)
    return (constraint.total, *constraint.parts)


def propagate(
    domains: Mapping[Hashable, Span], constraints: Sequence[Constraint]
) -> dict[Hashable, Span]:
    """Narrow every variable's span under ``constraints`` until nothing moves.

    Sound: a value of the variables that meets every constraint stays inside the
    returned spans. Not complete: spans may stay wider than the exact set of values,
    and steps too small to matter (cycles of relations creep towards their limit) are
    not followed up.

    Args:
        domains: Every variable that a constraint names, with its starting span.
        constraints: The constraints to apply.

    Returns:
        The narrowed spans, one per variable of ``domains``.

    Raises:
        Conflict: If some variable is left with no possible value.
    """
    current = dict(domains)
    # A work list: a constraint is applied again only when one of its variables moved.
    # A fixed range never needs a second look, so nothing watches for it.
    watchers: dict[Hashable, list[int]] = {}
    for index, constraint in enumerate(constraints):
        if not isinstance(constraint, Fix):
            for variable in _variables(constraint):
                watchers.setdefault(variable, []).append(index)
    queue = deque(range(len(constraints)))
    waiting = set(queue)
    for _ in range(_MAX_ROUNDS * len(constraints)):
        if not queue:
            break
        index = queue.popleft()
        waiting.discard(index)
        for variable, candidate in _candidates(constraints[index], current):
            old = current[variable]
            new = old.meet(candidate)
            if new is None:
                raise Conflict(variable)
            if new == old:
                continue
            current[variable] = new
            if _progress(old, new):
                for watcher in watchers.get(variable, ()):
                    if watcher not in waiting:
                        queue.append(watcher)
                        waiting.add(watcher)
    return current
