"""Product codes across HS versions: convert a frame from one edition of the HS to another.

A year-on-year growth by HS code across a revision of the Harmonized System
compares different goods: HS2022 split HS2017 8541.40 (photosensitive devices,
solar cells, LEDs) into 8541.41 to 8541.49. :func:`convert_hs` brings every
row to one version, exactly where the concordance allows it (a renamed code;
codes merged into one, by summing) and, for a split, only with the weights you
give (:func:`hs_weights_from_shares` derives them from trade shares).

Product codes carry their version as a prefix (``"HS2017:854140"``) or take the
``source`` version; text that is not an HS code (``"TOTAL"``, a product group)
is kept as it is. Converted codes are written with their version
(``"HS2022:854141"``), so a later :func:`~tradestats.tables.growth.yoy_growth` sees it.

>>> import polars as pl
>>> import tradestats.tables as tt
>>> new = pl.DataFrame({"reporter": ["CHN"] * 4, "flow": ["exports"] * 4,
...     "product": ["854141", "854142", "854143", "854149"], "period": ["2022"] * 4,
...     "value": [10.0, 5.0, 80.0, 5.0]})
>>> tt.convert_hs(new, source="HS2022", to="HS2017")["product", "value"].rows()
[('HS2017:854140', 100.0)]
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import narwhals as nw

from tradestats._text import quote
from tradestats.errors import (
    ConcordanceError,
    HSVersionMismatchError,
    InvalidValueError,
    ParseError,
)
from tradestats.flows import HSCode
from tradestats.hs import Concordance, HSVersion, hs_concordance, hs_version
from tradestats.tables._frames import check_nulls
from tradestats.tables._native import Frame, collect, open_frame, read_rows, require
from tradestats.tables.columns import DEFAULT_GROUP

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["convert_hs", "hs_versions", "hs_weights_from_shares"]

T = TypeVar("T")

#: How far the weights of one source code may sum from 1 (float rounding of shares).
WEIGHT_TOLERANCE: Final = 1e-9
#: The columns of a weights frame besides the grouping columns.
WEIGHT_COLUMNS: Final = ("source", "target", "weight")

_TARGET: Final = "__hs_target"
_WEIGHT: Final = "__hs_weight"
_NULLS: Final = "__hs_nulls"
_WHY: Final = "__hs_why"

#: Weights per grouping values and source code: {target code: weight}.
Weights = dict[tuple[tuple[object, ...], str], dict[str, float]]


def _code(text: object) -> HSCode | None:
    """The HS code a product text names, or None for text that is no code (TOTAL, a group)."""
    if not isinstance(text, str):
        return None
    try:
        return HSCode.parse(text)
    except ParseError:
        if any(ch.isdigit() for ch in text.partition(":")[2] or text) and not any(
            ch.isalpha() for ch in text.partition(":")[2] or text
        ):
            raise  # digits that are no valid code: never pass them through unconverted
        return None
    except InvalidValueError:
        return None  # a word before a colon: not a version, so not a code


def _versioned(version: HSVersion, digits: str) -> str:
    return f"{version.value}:{digits}"


def _distinct(frame: Frame, column: str) -> list[Any]:
    """The distinct values of a column, as text where they are not already."""
    dtype = frame.collect_schema()[column]
    # Casting text to text copies a pandas object column: skip it (a third of the time).
    text = nw.col(column) if dtype == nw.String else nw.col(column).cast(nw.String())
    values = frame.select(text).unique()
    return [
        value if isinstance(value, str) or value is None else str(value)
        for value in collect(values).get_column(column).to_list()
    ]


def hs_versions(frame: object, *, product: str = "product") -> set[HSVersion]:
    """The HS versions named by the codes of a frame's product column (prefixed codes only).

    >>> import pandas as pd
    >>> sorted(v.value for v in hs_versions(pd.DataFrame({"product": ["HS2017:854140", "TOTAL"]})))
    ['HS2017']
    """
    native = open_frame(frame)
    require(native, [product])
    codes = (_code(text) for text in _distinct(native, product))
    return {code.version for code in codes if code is not None and code.version is not None}


def require_one_hs_version(frame: object, *, product: str, action: str) -> None:
    """Refuse a frame whose product codes name two HS versions or more.

    Raises:
        HSVersionMismatchError: Naming the versions and pointing to :func:`convert_hs`.
    """
    versions = sorted(version.value for version in hs_versions(frame, product=product))
    if len(versions) > 1:
        raise HSVersionMismatchError(
            f"cannot compute {action}: the product codes are of HS versions "
            f"{', '.join(versions)}, which name different goods; bring them to one version "
            f"first with tradestats.tables.convert_hs(frame, to={quote(versions[-1])}) (or pass "
            f"hs_version={quote(versions[-1])})",
            field="product",
            versions=versions,
        )


def _table(source: HSVersion, target: HSVersion, given: Concordance | None) -> Concordance:
    if given is None:
        return hs_concordance(source, target)
    if (given.source, given.target) == (source, target):
        return given
    if (given.target, given.source) == (source, target):
        return given.reversed()
    raise ConcordanceError(
        f"the concordance given links {given.source.value} and {given.target.value}, not "
        f"{source.value} and {target.value}",
        source=source.value,
        target=target.value,
    )


def _digits(code: object) -> str:
    return "".join(str(code).replace(".", "").split())


def _read_weights(weights: object, by: Sequence[str]) -> Weights:
    if isinstance(weights, dict) and not by:
        return {
            ((), _digits(code)): {_digits(target): w for target, w in targets.items()}
            for code, targets in weights.items()
        }
    rows = read_rows(weights, [*by, *WEIGHT_COLUMNS], what="the weights")
    table: Weights = defaultdict(dict)
    for row in rows:
        key = (tuple(row[name] for name in by), _digits(row["source"]))
        target, weight = _digits(row["target"]), row["weight"]
        if target in table[key]:
            raise InvalidValueError(
                f"the weights give {row['source']} → {target} twice for "
                f"{dict(zip(by, key[0], strict=True))}",
                source=row["source"],
                target=target,
            )
        table[key][target] = weight
    return dict(table)


def _check_weights(weights: Weights, table: Concordance, by: Sequence[str]) -> None:
    for (group, source), targets in weights.items():
        where = f" for {dict(zip(by, group, strict=True))}" if by else ""
        expected = {row.target for row in table.rows_of(source)}
        if set(targets) != expected:
            raise InvalidValueError(
                f"the weights of {table.source.value} {source}{where} name "
                f"{', '.join(sorted(targets))}: expected one weight for each of "
                f"{', '.join(sorted(expected))} ({table.target.value})",
                source=source,
                targets=sorted(targets),
            )
        for target, weight in targets.items():
            if not isinstance(weight, int | float) or not 0 <= weight <= 1:
                raise InvalidValueError(
                    f"the weight of {source} → {target}{where} is {quote(weight)}: expected a "
                    "number from 0 to 1",
                    source=source,
                    target=target,
                    weight=weight,
                )
        total = math.fsum(targets.values())
        if abs(total - 1) > WEIGHT_TOLERANCE:
            raise InvalidValueError(
                f"the weights of {table.source.value} {source}{where} sum to {quote(total)}: "
                "expected 1 (each source code's value is shared out in full)",
                source=source,
                total=total,
            )


def _mapping(frame: Frame, data: dict[str, list[Any]]) -> Frame:
    """A small frame of the same engine as ``frame``, for joining."""
    if isinstance(frame, nw.DataFrame):
        return nw.from_dict(data, backend=frame.implementation)
    return nw.from_dict(data, backend="pyarrow").lazy(backend=frame.implementation)


def convert_hs(
    frame: T,
    *,
    to: HSVersion | str,
    source: HSVersion | str | None = None,
    concordance: Concordance | None = None,
    weights: object = None,
    product: str = "product",
    value: str = "value",
) -> T:
    """Bring the product codes of a frame to one HS version, converting the values with them.

    A code renamed (``1:1``) gets its new code; codes merged into one (``n:1``)
    are summed into it, row by row of the other columns. A code split (``1:n``)
    or reshuffled (``n:n``) is refused unless ``weights`` say how to share its
    value out. Rows that differ in any column other than the product and the
    value (reporter, partner, flow, period, currency, status…) are never merged,
    so units and currencies are kept. A merged or split value is null when a
    value it comes from is null, NaN or infinite, and the column
    ``conversion_reason`` then says which (``"null value of HS2017:8541.40"``);
    it is null elsewhere. Eager frames come back sorted by their columns, with a
    fresh index; lazy ones in the engine's order.

    Args:
        frame: A pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame.
        to: The HS version to convert to, such as ``"HS2022"``.
        source: The version of product codes written without one; codes written
            ``"HS2017:854140"`` carry their own.
        concordance: The table to use, either direction; by default the one
            shipped (:func:`tradestats.hs_concordance`), which is partial.
        weights: For split codes: a frame with the columns ``source``, ``target``
            (six-digit codes) and ``weight`` (a fraction), plus any columns of
            ``frame`` the weights differ by (such as ``reporter`` and ``flow``),
            as :func:`hs_weights_from_shares` gives; or a dict
            ``{source: {target: weight}}`` for weights that hold everywhere. The
            weights of a source code name each of its targets once and sum to 1.
        product: The product column (text).
        value: The numeric value column.

    Returns:
        The same kind of frame: the product codes in ``to`` (written with their
        version), the values converted, and a ``conversion_reason`` column.

    Raises:
        ConcordanceError: For a code the concordance does not cover, a code that
            is not a six-digit subheading, or a split without weights.
        InvalidValueError: For a code without a version and no ``source``, a
            missing column, a null product, a value column that is not numeric, or weights that
            do not name every target, are outside 0–1 or do not sum to 1.
        ParseError: For a product that looks like a code but is malformed.

    >>> import pandas as pd
    >>> import tradestats.tables as tt
    >>> old = pd.DataFrame({"reporter": ["CHN", "CHN"], "flow": ["exports"] * 2,
    ...     "product": ["HS2017:854140", "TOTAL"], "period": ["2021", "2021"],
    ...     "value": [100.0, 900.0]})
    >>> tt.convert_hs(old, to="HS2022")
    Traceback (most recent call last):
    ...
    tradestats.errors.ConcordanceError: HS2017 8541.40 is split (1:n) into HS2022 8541.41, \
8541.42, 8541.43, 8541.49: converting it needs weights (see hs_weights_from_shares)
    >>> shares = {"854140": {"854141": 0.1, "854142": 0.05, "854143": 0.8, "854149": 0.05}}
    >>> tt.convert_hs(old, to="HS2022", weights=shares)[["product", "value"]]
             product  value
    0  HS2022:854141   10.0
    1  HS2022:854142    5.0
    2  HS2022:854143   80.0
    3  HS2022:854149    5.0
    4          TOTAL  900.0
    """
    native = open_frame(frame)
    schema = native.collect_schema()
    require(native, [product, value])
    check_nulls(native, [product])  # a null product would match no code and vanish in the join
    if not schema[value].is_numeric():
        raise InvalidValueError(
            f"the value column {quote(value)} must be numeric, got {schema[value]}",
            column=value,
            dtype=str(schema[value]),
        )
    plan = _Plan(
        native,
        target=hs_version(to),
        default=None if source is None else hs_version(source),
        concordance=concordance,
        weights=weights,
        product=product,
    )
    for text in _distinct(native, product):
        plan.add(text)
    result = _apply(native, plan.exact, plan.split, plan.by, product=product, value=value)
    return cast("T", result.to_native())


class _Plan:
    """Where each distinct product goes: exact moves, and splits with their weights."""

    def __init__(
        self,
        frame: Frame,
        *,
        target: HSVersion,
        default: HSVersion | None,
        concordance: Concordance | None,
        weights: object,
        product: str,
    ) -> None:
        self.frame, self.target, self.default = frame, target, default
        self.concordance, self.product = concordance, product
        self.by = _weight_by(weights, frame.collect_schema().names())
        self.weights = None if weights is None else _read_weights(weights, self.by)
        self.exact: dict[str, list[Any]] = {product: [], _TARGET: []}
        self.split: dict[str, list[Any]] = {
            name: [] for name in (*self.by, product, _TARGET, _WEIGHT)
        }
        self.checked: set[HSVersion] = set()

    def _move(self, text: str, to: str) -> None:
        self.exact[self.product].append(text)
        self.exact[_TARGET].append(to)

    def add(self, text: str) -> None:
        """Plan the rows of one distinct product text."""
        code = _code(text)
        if code is None:
            self._move(text, text)
            return
        version = code.version or self.default
        if version is None:
            raise InvalidValueError(
                f"the product {quote(text)} has no HS version: write it as 'HS2017:{code.digits}' "
                "or pass source='HS2017' (the version of codes written without one)",
                value=text,
            )
        if version is self.target:
            self._move(text, _versioned(self.target, code.digits))
            return
        table = _table(version, self.target, self.concordance)
        if code.level != 6:
            raise ConcordanceError(
                f"cannot convert {version.value} {code}: concordances link six-digit "
                "subheadings; convert the six-digit rows, then add them up",
                code=code.digits,
            )
        rows = table.rows_of(code.digits)
        if len(rows) == 1 and rows[0].relationship.exact:
            self._move(text, _versioned(self.target, rows[0].target))
            return
        self._split(text, code.digits, table)

    def _split(self, text: str, digits: str, table: Concordance) -> None:
        rows = table.rows_of(digits)
        named = f"{table.source.value} {HSCode(digits)}"
        targets = f"{table.target.value} {', '.join(str(HSCode(row.target)) for row in rows)}"
        if self.weights is None:
            kind = "/".join(sorted({row.relationship.value for row in rows}))
            raise ConcordanceError(
                f"{named} is split ({kind}) into {targets}: converting it needs weights "
                "(see hs_weights_from_shares)",
                code=digits,
                source=table.source.value,
                target=table.target.value,
                targets=[row.target for row in rows],
            )
        if table.source not in self.checked:
            mine = {key: value for key, value in self.weights.items() if table.covers(key[1])}
            _check_weights(mine, table, self.by)
            self.checked.add(table.source)
        for group in _groups_of(self.frame, self.by, self.product, text):
            shares = self.weights.get((group, digits))
            if shares is None:
                where = f" for {dict(zip(self.by, group, strict=True))}" if self.by else ""
                raise ConcordanceError(
                    f"no weights for {named}{where}: it is split into {targets}",
                    code=digits,
                )
            for row in rows:
                for name, key in zip(self.by, group, strict=True):
                    self.split[name].append(key)
                self.split[self.product].append(text)
                self.split[_TARGET].append(_versioned(self.target, row.target))
                self.split[_WEIGHT].append(float(shares[row.target]))


def _weight_by(weights: object, columns: Sequence[str]) -> list[str]:
    """The grouping columns of a weights frame: its columns besides source, target, weight."""
    if weights is None or isinstance(weights, dict):
        return []
    names = open_frame(weights).collect_schema().names()
    by = [name for name in names if name not in WEIGHT_COLUMNS]
    missing = [name for name in by if name not in columns]
    if missing:
        raise InvalidValueError(
            f"the weights have the column {quote(missing[0])}, which the frame lacks: weights "
            f"have {', '.join(WEIGHT_COLUMNS)} and columns of the frame they differ by",
            column=missing[0],
        )
    return by


def _groups_of(frame: Frame, by: Sequence[str], product: str, text: str) -> list[tuple[Any, ...]]:
    if not by:
        return [()]
    rows = collect(
        frame.filter(nw.col(product).cast(nw.String()) == text).select(*by).unique()
    ).rows()
    return [tuple(row) for row in rows]


def _apply(
    frame: Frame,
    exact: dict[str, list[Any]],
    split: dict[str, list[Any]],
    by: Sequence[str],
    *,
    product: str,
    value: str,
) -> Frame:
    """Join the codes to their targets, weigh the values, and sum them by every other column."""
    names = frame.collect_schema().names()
    # One engine throughout: the mapping frames are made with the frame's own engine.
    text: Any = frame.with_columns(nw.col(product).cast(nw.String()))
    bad = nw.col(value).is_null() | ~nw.col(value).cast(nw.Float64()).is_finite().fill_null(
        value=False
    )
    parts: list[Any] = []
    if exact[product]:
        joined = text.join(_mapping(frame, exact), on=product, how="inner")
        parts.append(joined.with_columns(nw.lit(1.0).alias(_WEIGHT)))
    if split[product]:
        mapping = _mapping(frame, split)
        parts.append(text.join(mapping, on=[*by, product], how="inner"))
    if not parts:  # an empty frame: no product to map
        parts.append(text.with_columns(nw.col(product).alias(_TARGET), nw.lit(1.0).alias(_WEIGHT)))
    both: Any = nw.concat([part.select(*names, _TARGET, _WEIGHT) for part in parts])
    weighed = both.with_columns(
        (nw.col(value).cast(nw.Float64()) * nw.col(_WEIGHT)).alias(value),
        bad.cast(nw.Int64()).alias(_NULLS),
        nw.when(bad).then(nw.concat_str([nw.lit("null value of "), nw.col(product)])).alias(_WHY),
    ).with_columns(nw.col(_TARGET).alias(product))
    keys = [name for name in names if name != value]
    summed = weighed.group_by(keys, drop_null_keys=False).agg(
        nw.col(value).sum(), nw.col(_NULLS).sum(), nw.col(_WHY).max()
    )
    out = summed.with_columns(
        nw.when(nw.col(_NULLS) == 0).then(nw.col(value)).alias(value),
        nw.col(_WHY).alias("conversion_reason"),
    ).select(*names, "conversion_reason")
    return nw.maybe_reset_index(out.sort(keys)) if isinstance(out, nw.DataFrame) else out


def hs_weights_from_shares(
    frame: object,
    *,
    source: HSVersion | str,
    version: HSVersion | str | None = None,
    concordance: Concordance | None = None,
    by: Sequence[str] = DEFAULT_GROUP,
    product: str = "product",
    value: str = "value",
) -> Any:
    """Weights for :func:`convert_hs` from trade shares in the newer version.

    For each code of ``source`` that the concordance splits, the weight of each
    of its targets is that target's share of their summed value in ``frame``
    (trade already recorded in the target version, say the first year of
    HS2022), per value of the ``by`` columns. Filter ``frame`` to the periods
    the shares should come from first. A group whose targets sum to zero or
    hold a null value gets no weights (converting it is then refused).

    Args:
        frame: A frame whose product codes are in the version converted to.
        source: The version the weights will convert from, such as ``"HS2017"``.
        version: The version of the frame's codes written without one.
        concordance: The table linking the two versions (by default, the shipped one).
        by: The columns the shares are taken within (``()`` for one set of weights).
        product: The product column.
        value: The value column (not negative).

    Returns:
        A frame of the same engine (collected, if lazy) with the ``by`` columns
        and ``source``, ``target`` and ``weight``.

    Raises:
        InvalidValueError: For a negative value, a missing column, codes of
            more than one version, or a code without a version and no ``version``.
        ConcordanceError: For a pair of versions without a concordance.

    >>> import polars as pl
    >>> import tradestats.tables as tt
    >>> new = pl.DataFrame({"reporter": ["CHN"] * 4, "flow": ["exports"] * 4,
    ...     "product": ["854141", "854142", "854143", "854149"], "value": [10.0, 5.0, 80.0, 5.0]})
    >>> tt.hs_weights_from_shares(new, source="HS2017", version="HS2022").rows()
    [('CHN', 'exports', '854140', '854141', 0.1), ('CHN', 'exports', '854140', '854142', 0.05),
     ('CHN', 'exports', '854140', '854143', 0.8), ('CHN', 'exports', '854140', '854149', 0.05)]
    """
    native = open_frame(frame)
    rows = read_rows(frame, [*by, product, value], what="the frame of shares")
    old = hs_version(source)
    default = None if version is None else hs_version(version)
    values: defaultdict[tuple[Any, ...], dict[str, float | None]] = defaultdict(dict)
    new: set[HSVersion] = set()
    for row in rows:
        code = _code(row[product])
        if code is None:
            continue
        current = code.version or default
        if current is None:
            raise InvalidValueError(
                f"the product {quote(row[product])} has no HS version: pass version='HS2022'",
                value=row[product],
            )
        new.add(current)
        amount = row[value]
        if amount is not None and not math.isnan(amount) and amount < 0:
            raise InvalidValueError(
                f"trade shares need values of zero or more, got {quote(amount)} for "
                f"{quote(row[product])}",
                value=amount,
            )
        group = tuple(row[name] for name in by)
        before = values[group].get(code.digits, 0.0)
        values[group][code.digits] = (
            None if before is None or amount is None or math.isnan(amount) else before + amount
        )
    if len(new) > 1:
        raise InvalidValueError(
            f"the frame of shares mixes HS versions {sorted(v.value for v in new)}: "
            "shares come from one version",
            versions=sorted(v.value for v in new),
        )
    out: dict[str, list[Any]] = {name: [] for name in (*by, *WEIGHT_COLUMNS)}
    current = new.pop() if new else default
    back = None if current is None else _table(current, old, concordance).reversed()
    for group, amounts in values.items():
        for source_code in back.codes if back is not None else ():
            links = back.rows_of(source_code) if back is not None else ()
            if len(links) == 1 and links[0].relationship.exact:
                continue
            parts = [amounts.get(link.target, 0.0) for link in links]
            known = [part for part in parts if part is not None]
            total = math.fsum(known)
            if len(known) < len(parts) or not total:
                continue  # shares undefined: no weights, so converting this group is refused
            for link, part in zip(links, known, strict=True):
                for name, key in zip(by, group, strict=True):
                    out[name].append(key)
                out["source"].append(source_code)
                out["target"].append(link.target)
                out["weight"].append(part / total)
    lazy = native.implementation if native.implementation.is_polars() else "pyarrow"
    backend = native.implementation if isinstance(native, nw.DataFrame) else lazy
    return nw.from_dict(out, backend=backend).to_native()
