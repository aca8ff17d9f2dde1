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
from collections.abc import Callable, Hashable, Mapping, Sequence
from decimal import Context, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, cast

from attrs import frozen

from tradestats._numbers import DOWN as _DOWN
from tradestats._numbers import UP as _UP
from tradestats._numbers import round_down, round_up
from tradestats.amounts import Amount
from tradestats.verify._kinds import Figure, kind_of, magnitude_of
from tradestats.verify.ranges import Bounds

if TYPE_CHECKING:
    from tradestats.verify.intervals import Interval

__all__ = [
    "ANY",
    "BUDGET",
    "EMPTY",
    "INF",
    "NON_NEGATIVE",
    "Fix",
    "NoValueLeft",
    "Readout",
    "Refined",
    "Scaling",
    "Span",
    "Step",
    "Sum",
    "bounds_of",
    "branch_and_prune",
    "inward",
    "named",
    "outward",
    "propagate",
    "span_of",
    "span_of_bounds",
]

INF: Final = Decimal("Infinity")
_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
# A narrowing step smaller than this fraction of a span's width does not count as
# progress: cycles of relations can otherwise creep forever in ever tinier steps.
_PROGRESS: Final = Decimal("1e-6")
_MAX_ROUNDS: Final = 200
#: How many sub-boxes :func:`branch_and_prune` may propagate for one end of one figure.
BUDGET: Final = 100
# All figures of one call together may use this many times that.
_TOTAL: Final = 12
# Inside a sub-box a cycle's creeping is cut short early: splitting narrows faster.
_BOX_PROGRESS: Final = Decimal("1e-2")
# An end that moves by less than this fraction of its figure's first width has not
# moved: 2**-12 of the width is far below the digits a range is shown with.
_SETTLED: Final = Decimal(2) ** -12
_HALF: Final = Decimal("0.5")
# A figure's own inputs count this much more when choosing what to split.
_WEIGHT: Final = Decimal(2)
# An end that has not moved in this many splits in a row (or one per variable that
# could matter, if fewer) has settled.
_PATIENCE: Final = 6


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


# -- conversions: each way between spans and the other ranges happens here, once ----------


def span_of(interval: Interval) -> Span:
    """A finite :class:`~tradestats.verify.Interval` (a published figure's) as a span."""
    return Span(interval.low, interval.high)


def span_of_bounds(bounds: Bounds[Any]) -> Span:
    """:class:`~tradestats.verify.Bounds` (a qualified figure's) as a span, open ends infinite."""
    low, high = bounds.ends
    return Span(
        -INF if low is None else magnitude_of(low), INF if high is None else magnitude_of(high)
    )


def outward(low: Fraction | None, high: Fraction | None) -> Span:
    """Exact ends of a linear program (``None`` for unbounded) as a span, rounded outward."""
    return Span(
        -INF if low is None else round_down(low),
        INF if high is None else round_up(high),
    )


def inward(value: Decimal) -> Fraction:
    """A finite end of a span as an exact fraction, for a linear program."""
    return Fraction(value)


def bounds_of(span: Span, like: object, *, natural: Span | None = None) -> Bounds[Any]:
    """A span as :class:`~tradestats.verify.Bounds`, an infinite end as an open one.

    Args:
        span: The span, in the internal magnitude of the figure's kind.
        like: What the numbers are, as for :meth:`Bounds.from_magnitudes
            <tradestats.verify.Bounds.from_magnitudes>`: a unit for amounts, a
            measure type.
        natural: What the figure's kind allows anyway (a value of 0 or more, a fall
            of at most 100%): an end that only repeats it is no bound worth
            showing, and stays open.
    """
    low: Decimal | None = span.low if span.low.is_finite() else None
    high: Decimal | None = span.high if span.high.is_finite() else None
    if natural is not None:
        low = None if span.low <= natural.low else low
        high = None if span.high >= natural.high else high
    facts = kind_of(Amount if isinstance(like, str) else cast("type[Figure]", like))
    return Bounds.from_magnitudes(
        _within(low, facts.lowest, facts.highest),
        _within(high, facts.lowest, facts.highest),
        like,
    )


def _within(end: Decimal | None, lowest: Decimal | None, highest: Decimal | None) -> Decimal | None:
    """An end moved into the kind's domain (a share stays within 0 to 1).

    Claims that cannot hold together can imply a range outside the domain (a part
    above its total); the verdict comes from the spans, and the range shows the
    nearest possible values.
    """
    if end is None:
        return None
    if lowest is not None and end < lowest:
        return lowest
    if highest is not None and end > highest:
        return highest
    return end


@frozen
class Fix:
    """The constraint ``variable ∈ span``: a published value with its rounding."""

    variable: Hashable
    span: Span


@frozen
class Scaling:
    """The constraint ``result = base × factor`` with ``factor`` in a known span.

    ``negative`` says the base is 0 or less (a deficit, fixed so by other
    constraints); otherwise it is 0 or more. Either way the product is linear.
    """

    result: Hashable
    base: Hashable
    factor: Span
    negative: bool = False


@frozen
class Sum:
    """The constraint ``total = Σ parts``."""

    total: Hashable
    parts: tuple[Hashable, ...]


@frozen
class Step:
    """The constraint ``later - earlier = step`` (``base`` ``None``) or ``= base × step``.

    A change in level ("up 3.4 billion": ``later - earlier`` in a published range)
    or a contribution to a total's growth (``part - part_before = total_before ×
    points / 100``, the total's base 0 or more).
    """

    later: Hashable
    earlier: Hashable
    step: Span
    base: Hashable = None


Constraint = Fix | Scaling | Sum | Step


class NoValueLeft(Exception):  # noqa: N818 - an outcome of propagation, caught by the engine
    """The constraints leave ``variable`` with no possible value."""

    def __init__(self, variable: Hashable) -> None:
        super().__init__(f"no value of {variable!r} meets every constraint")
        self.variable = variable


def _candidates(constraint: Constraint, spans: Sequence[Span]) -> list[tuple[int, Span]]:
    """What ``constraint`` says about each of its variables, given the spans of all of them.

    ``spans`` and the positions returned follow the order of :func:`_variables`.
    """
    if isinstance(constraint, Fix):
        return [(0, constraint.span)]
    if isinstance(constraint, Scaling):
        result, base = spans
        return [(0, base * constraint.factor), (1, result / constraint.factor)]
    if isinstance(constraint, Step):
        return _step_candidates(constraint, spans)
    total, *parts = spans
    added = Span(_ZERO, _ZERO)
    for part in parts:
        added += part
    found: list[tuple[int, Span]] = [(0, added)]
    for index in range(len(parts)):
        others = Span(_ZERO, _ZERO)
        for position, part in enumerate(parts):
            if position != index:
                others += part
        found.append((index + 1, total - others))
    return found


def _step_candidates(constraint: Step, spans: Sequence[Span]) -> list[tuple[int, Span]]:
    """What ``later - earlier = [base ×] step`` says about each of its variables."""
    later, earlier, *base = spans
    step = constraint.step if not base else base[0] * constraint.step
    found = [(0, earlier + step), (1, later - step)]
    if base:
        found.append((2, (later - earlier) / constraint.step))
    return found


def _progress(old: Span, new: Span, fraction: Decimal) -> bool:
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
        return _UP.subtract(width, new.width) > _UP.multiply(width, fraction)
    # Half-bounded: measure the move of the finite end against its size.
    end, moved = (
        (new.low, _UP.subtract(new.low, old.low))
        if new.low.is_finite()
        else (new.high, _UP.subtract(old.high, new.high))
    )
    return moved > _UP.multiply(abs(end), fraction)


def _variables(constraint: Constraint) -> tuple[Hashable, ...]:
    if isinstance(constraint, Fix):
        return (constraint.variable,)
    if isinstance(constraint, Scaling):
        return (constraint.result, constraint.base)
    if isinstance(constraint, Step):
        base = () if constraint.base is None else (constraint.base,)
        return (constraint.later, constraint.earlier, *base)
    return (constraint.total, *constraint.parts)


def named(
    domains: Mapping[Hashable, Span], constraints: Sequence[Constraint]
) -> dict[Hashable, Span]:
    """The spans of ``domains`` that ``constraints`` name: all that :func:`propagate` needs."""
    return {name: domains[name] for c in constraints for name in _variables(c)}


def propagate(
    domains: Mapping[Hashable, Span],
    constraints: Sequence[Constraint],
    *,
    progress: Decimal = _PROGRESS,
    changed: Hashable = None,
) -> dict[Hashable, Span]:
    """Narrow every variable's span under ``constraints`` until nothing moves.

    Sound: a value of the variables that meets every constraint stays inside the
    returned spans. Not complete: spans may stay wider than the exact set of values,
    and steps too small to matter (cycles of relations creep towards their limit) are
    not followed up.

    Args:
        domains: Every variable that a constraint names, with its starting span.
        constraints: The constraints to apply.
        progress: The fraction of a span's width a step must remove to count as
            progress (smaller steps are kept but not followed up).
        changed: If given, the one variable whose span changed since ``domains``
            were last narrowed under these constraints: only the constraints on it
            need a first look.

    Returns:
        The narrowed spans, one per variable of ``domains``.

    Raises:
        NoValueLeft: If some variable is left with no possible value.
    """
    names = list(domains)
    number = {name: index for index, name in enumerate(names)}
    current = [domains[name] for name in names]
    # Variables by number: hashing keys such as (flow, period) on every step is slow.
    members = [tuple(number[name] for name in _variables(c)) for c in constraints]
    # A work list: a constraint is applied again only when one of its variables moved.
    # A fixed range never needs a second look, so nothing watches for it.
    watchers: list[list[int]] = [[] for _ in names]
    for index, constraint in enumerate(constraints):
        if not isinstance(constraint, Fix):
            for variable in members[index]:
                watchers[variable].append(index)
    queue = deque(range(len(constraints)) if changed is None else watchers[number[changed]])
    waiting = set(queue)
    for _ in range(_MAX_ROUNDS * len(constraints)):
        if not queue:
            break
        index = queue.popleft()
        waiting.discard(index)
        variables = members[index]
        spans = [current[variable] for variable in variables]
        for position, candidate in _candidates(constraints[index], spans):
            variable = variables[position]
            old = current[variable]
            new = old.meet(candidate)
            if new is None:
                raise NoValueLeft(names[variable])
            if new == old:
                continue
            current[variable] = new
            if _progress(old, new, progress):
                for watcher in watchers[variable]:
                    if watcher not in waiting:
                        queue.append(watcher)
                        waiting.add(watcher)
    return dict(zip(names, current, strict=True))


#: What a sub-box says about the figures of interest: a span per figure.
Readout = Callable[[Mapping[Hashable, Span]], Mapping[Hashable, Span]]


@frozen
class Refined:
    """The result of :func:`branch_and_prune`: hulls over the sub-boxes that survived.

    Args:
        spans: Every variable's span, as the hull of its spans in the sub-boxes.
        figures: Every figure's span, as the hull of its spans in the sub-boxes.
        boxes: How many sub-boxes were propagated.
    """

    spans: dict[Hashable, Span]
    figures: dict[Hashable, Span]
    boxes: int


class _Box:
    """A sub-box: the narrowed spans and the figures read from them."""

    __slots__ = ("figures", "spans")

    def __init__(self, spans: dict[Hashable, Span], figures: dict[Hashable, Span]) -> None:
        self.spans = spans
        self.figures = figures


def _end(span: Span, *, low: bool) -> Decimal:
    return span.low if low else span.high


def _hull(spans: Sequence[Span]) -> Span:
    return Span(min(span.low for span in spans), max(span.high for span in spans))


def _tolerance(span: Span) -> Decimal:
    """How far an end of this figure must move to count as a move."""
    width = span.width
    if width.is_finite():
        return _UP.multiply(width, _SETTLED)
    end = span.low if span.low.is_finite() else span.high
    return _UP.multiply(max(abs(end), _ONE), _SETTLED)


def _halves(span: Span) -> tuple[Span, Span] | None:
    """Two spans that cover ``span``, or ``None`` if it is too narrow to split."""
    middle = _DOWN.multiply(_DOWN.add(span.low, span.high), _HALF)
    if not span.low < middle < span.high:
        return None
    return Span(span.low, middle), Span(middle, span.high)


def _widest(
    box: _Box,
    candidates: Sequence[Hashable],
    inputs: Sequence[Hashable],
    root: Mapping[Hashable, Span],
) -> Hashable:
    """The candidate to split: the widest relative to its starting width, or ``None``.

    Relative widths give every candidate its turn; the figure's own inputs count
    double, as splitting them narrows the figure most directly.
    """
    best: Hashable = None
    best_ratio = _ZERO
    for variable in candidates:
        span = box.spans[variable]
        if not span.is_bounded or not span.width:
            continue
        start = root[variable].width
        ratio = _UP.divide(span.width, start) if start.is_finite() and start else _ONE
        if variable in inputs:
            ratio = _UP.multiply(ratio, _WEIGHT)
        if best is None or ratio > best_ratio:
            best, best_ratio = variable, ratio
    return best


def branch_and_prune(
    domains: Mapping[Hashable, Span],
    constraints: Sequence[Constraint],
    readout: Readout,
    inputs: Mapping[Hashable, Sequence[Hashable]],
    *,
    budget: int = BUDGET,
) -> Refined | None:
    """Narrow the figures ``readout`` computes by splitting the box of possible values.

    Interval arithmetic loses precision when one variable enters a figure twice
    (the dependency problem). Splitting the box into sub-boxes and propagating
    each one removes most of that loss: each figure is read from every sub-box
    and the hull is taken. The sub-box holding a figure's lowest (highest) end is
    split next, along the variable tied to the figure whose span is widest
    relative to its starting width (the figure's own inputs count double), until
    the end stops moving or ``budget`` sub-boxes have been propagated for it.

    Sound: the two halves of a split cover the box, propagation keeps every value
    that meets the constraints, and a sub-box is dropped only when propagation
    proves that it holds none. So every value that meets the constraints lies in a
    surviving sub-box, and its figures in the hulls. If no sub-box survives, the
    constraints cannot all hold, even where plain propagation saw no conflict.

    Args:
        domains: Every variable that a constraint names, with its starting span.
        constraints: The constraints to apply.
        readout: The figures of interest, computed soundly from a set of spans.
        inputs: For each figure to narrow, the variables it is computed from;
            figures not named here are only read, never driven.
        budget: The most sub-boxes to propagate for each end of each figure
            (eight times as many for all of them together); 0 leaves the spans
            of plain propagation.

    Returns:
        The hulls of the spans and of the figures, or ``None`` if the constraints
        cannot all hold.
    """
    try:
        root = propagate(domains, constraints)
    except NoValueLeft:
        return None
    first = dict(readout(root))
    ends = deque(
        (key, low)
        for key, span in first.items()
        if key in inputs and span.width
        for low in (True, False)
        if _end(span, low=low).is_finite()
    )
    tolerance = {key: _tolerance(span) for key, span in first.items()}
    linked = {key: _linked(inputs[key], constraints, root) for key, _ in ends}
    boxes = [_Box(root, first)]
    used = 0
    spent: dict[tuple[Hashable, bool], int] = {}
    # How many splits in a row left an end where it was.
    stale: dict[tuple[Hashable, bool], int] = {}
    while ends and used < budget * _TOTAL:
        key, low = end = ends.popleft()
        box = _extreme(boxes, key, low=low)
        variable = _widest(box, linked[key], inputs[key], root)
        halves = None if variable is None else _halves(box.spans[variable])
        if (
            halves is None
            or spent.get(end, 0) >= budget
            or stale.get(end, 0) > min(len(linked[key]), _PATIENCE)
        ):
            continue  # this end has settled, or had its share
        before = _end(box.figures[key], low=low)
        boxes.remove(box)
        children = []
        for half in halves:
            used += 1
            spent[end] = spent.get(end, 0) + 1
            try:
                spans = propagate(
                    {**box.spans, variable: half},
                    constraints,
                    progress=_BOX_PROGRESS,
                    changed=variable,
                )
            except NoValueLeft:
                continue
            children.append(_child(box, spans, readout(spans)))
        boxes.extend(children)
        if not boxes:
            return None
        # Progress is a move of the end over all boxes, or within the box split: where
        # many boxes share the end, the former takes a split of each of them.
        moved = not children or any(
            abs(_UP.subtract(_end(found.figures[key], low=low), before)) > tolerance[key]
            for found in (_extreme(boxes, key, low=low), _extreme(children, key, low=low))
        )
        stale[end] = 0 if moved else stale.get(end, 0) + 1
        ends.append(end)
    return Refined(
        {name: _hull([box.spans[name] for box in boxes]) for name in root},
        {name: _hull([box.figures[name] for box in boxes]) for name in first},
        used,
    )


def _linked(
    inputs: Sequence[Hashable], constraints: Sequence[Constraint], root: Mapping[Hashable, Span]
) -> list[Hashable]:
    """The bounded variables tied to ``inputs`` by the constraints, directly or not.

    Splitting an input alone may not be enough: where two inputs are tied through
    others, propagation can prove a thin slice of the inputs empty only once the
    variables that tie them are narrow too.
    """
    reached = set(inputs)
    grown = True
    while grown:
        grown = False
        for constraint in constraints:
            names = _variables(constraint)
            if not reached.isdisjoint(names) and not reached.issuperset(names):
                reached.update(names)
                grown = True
    return [name for name in root if name in reached and root[name].is_bounded]


def _extreme(boxes: Sequence[_Box], key: Hashable, *, low: bool) -> _Box:
    """The box with the lowest (or highest) end of figure ``key``."""
    if low:
        return min(boxes, key=lambda box: box.figures[key].low)
    return max(boxes, key=lambda box: box.figures[key].high)


def _child(parent: _Box, spans: dict[Hashable, Span], read: Mapping[Hashable, Span]) -> _Box:
    """A sub-box of ``parent`` with the figures read from its spans."""
    figures: dict[Hashable, Span] = {}
    for name, before in parent.figures.items():
        # Both spans hold every value of the sub-box: keep what both allow.
        now = read.get(name)
        figures[name] = before if now is None else (before.meet(now) or before)
    return _Box(spans, figures)
