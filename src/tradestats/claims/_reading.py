r"""Reading report text (TOML or JSON) into the flows and claims of a report.

Private: :func:`tradestats.claims.files.load_report` and
:meth:`tradestats.claims.report.Report.from_toml` are the public ways in. This
module knows the file format (:doc:`/report-format`) and builds flows and claims,
but not the :class:`~tradestats.claims.report.Report` that checks them against
each other: the report module builds that from :class:`ReportParts` and turns
its errors into file errors with :meth:`ReportParts.error`. So the format's
reader and the report model import in one direction only (report → reader).
"""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, Literal

import attrs
from attrs import frozen

from tradestats._grammar import read_balance_sign
from tradestats._grammar._words import FALL_WORDS, RISE_WORDS
from tradestats._numbers import to_decimal
from tradestats._text import quote
from tradestats._validate import enum_member
from tradestats.amounts import Amount, amount, money
from tradestats.claims._claims import (
    _FLOW_FIELDS,
    BalanceSign,
    ChangeClaim,
    Claim,
    ContributionClaim,
    ContributionShareClaim,
    GrowthClaim,
    GrowthDifferenceClaim,
    MultiplierClaim,
    ReportFlow,
    ShareChangeClaim,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.claims._data import DataMatch, read_data_match
from tradestats.claims._releases import Release, as_max_revision, read_bases, read_releases
from tradestats.errors import AmbiguityError, ParseError, ReportFileError, TradeStatsError
from tradestats.limits import MAX_NESTING, MAX_REPORT_BYTES, MAX_TEXT_LENGTH
from tradestats.measures import PercentagePoints, TimesConvention
from tradestats.periods import Period, Versus, as_period, as_versus
from tradestats.verify.figures import Qualifier, Reported, half_unit_of_last_digit, reported

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["ReportParts", "read_file", "read_stream", "read_text"]

_TOP_KEYS: Final = frozenset(
    {"title", "source", "reporter", "partner", "period", "flows", "claims"}
    | {"releases", "release", "max_revision", "bases", "data"}
)
_FLOW_KEYS: Final = frozenset(
    {"reporter", "flow", "partner", "product", "label", "basis", "partner_definition", "membership"}
)
# The key that holds a claim's figure says what kind of claim it is.
_FIGURES: Final = (
    "value",
    "growth",
    "multiplier",
    "share",
    "parts",
    "change",
    "contribution",
    "share_change",
    "growth_difference",
    "contribution_share",
)
_KINDS_KEYS: Final = {
    "value": frozenset({"id", "flow", "period", "value", "precision", "qualifier", "sign"}),
    "growth": frozenset(
        {"id", "flow", "period", "growth", "precision", "qualifier", "sign", "versus"}
    ),
    "multiplier": frozenset(
        {"id", "flow", "period", "multiplier", "times", "precision", "qualifier", "sign", "versus"}
    ),
    "share": frozenset({"id", "part", "whole", "period", "share", "precision", "qualifier"}),
    "parts": frozenset({"id", "total", "parts", "period", "periods"}),
    "change": frozenset({"id", "flow", "period", "change", "precision", "qualifier", "versus"}),
    "contribution": frozenset(
        {"id", "part", "total", "period", "contribution", "precision", "qualifier", "versus"}
    ),
    "share_change": frozenset(
        {"id", "part", "whole", "period", "share_change", "precision", "qualifier", "versus"}
    ),
    "growth_difference": frozenset(
        {"id", "flow", "than", "period", "growth_difference", "precision", "qualifier", "versus"}
    ),
    "contribution_share": frozenset(
        {"id", "part", "total", "period", "contribution_share", "precision", "qualifier", "versus"}
    ),
}
# Every claim may name the release that published it.
_CLAIM_KEYS: Final = {kind: keys | {"release"} for kind, keys in _KINDS_KEYS.items()}
# The figure keys in percentage points, and the two flows each names.
_POINTS: Final = {
    "contribution": ("part", "total"),
    "share_change": ("part", "whole"),
    "growth_difference": ("flow", "than"),
    "contribution_share": ("part", "total"),
}
#: How report files write numbers (the report-format page): "," between thousands and "."
#: before decimals, so "3,574 million AUD" is read without the ambiguity a bare parse sees.
REPORT_LOCALE: Final = "en"

#: The figure keys whose text may carry a balance's sign ("a deficit of 11.8 billion").
_SIGNED: Final = frozenset({"value", "growth", "multiplier"})
_EXAMPLES: Final = {
    "value": "an amount as text, such as '183 billion yuan'",
    "growth": "a growth rate as text, such as '61.4%'",
    "multiplier": "a multiplier as text, such as '3.26 times' or '×4.26'",
    "share": "a share as text, such as '92.3%'",
    "change": "a change in level as text, such as '+3.4 billion USD' or 'down 0.3 billion dollars'",
    "contribution": "percentage points as text, such as '2.7 pp'",
    "share_change": "percentage points as text, such as '+0.8 pp'",
    "growth_difference": "percentage points as text, such as '+14.9 pp'",
    "contribution_share": "a percentage of the total's change as text, such as '35.2%'",
}
# Words of a rise or fall before a change in level, longest first: "up $3.4 billion".
_DIRECTIONS: Final = sorted(
    [(word, 1) for word in RISE_WORDS] + [(word, -1) for word in FALL_WORDS],
    key=lambda pair: -len(pair[0]),
)
#: How report files may spell "as much" beside the enum's own value.
_TIMES_ALIASES: Final = {"as-much": TimesConvention.AS_MUCH, "as_much": TimesConvention.AS_MUCH}

# What the nesting pre-scan skips: strings (whose brackets are text) and comments.
_TOML_SKIPPED: Final = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_JSON_SKIPPED: Final = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS: Final = re.compile(r"[\[\]{}]")


def _show(value: object) -> str:
    """A value as the file wrote it: TOML/JSON spelling for booleans; long values shortened."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "nothing" if value is None else quote(value)


class _Where:
    """Where in a file the reader is, to name it in errors."""

    def __init__(self, name: str, what: str | None = None, key: str | None = None) -> None:
        self.name, self.what, self.key = name, what, key

    def fail(self, field: str | None, message: str, value: object = None) -> ReportFileError:
        """An error at this place (and ``field``, if given) saying ``message``."""
        place = [f"{self.what} {quote(self.key)}"] if self.what is not None else []
        if field is not None:
            place.append(f"field {quote(field)}")
        prefix = f"{self.name}: {', '.join(place)}: " if place else f"{self.name}: "
        return ReportFileError(
            prefix + message,
            file=self.name,
            **{self.what or "claim": self.key},
            field=field,
            value=value,
        )


@frozen(kw_only=True)
class ReportParts:
    """What report text says, read and checked claim by claim, before the report is built.

    Args:
        name: What the text is called in error messages, usually its file name.
        title: The report's title.
        source: Where the report comes from, if given.
        flows: The flows, each checked on its own.
        claims: The claims, each checked on its own.
        releases: The releases declared under ``[releases]``, each checked on its own.
        default_release: The release of claims that name none (the key ``release``).
        max_revision: The largest revision allowed between releases, a fraction.
        bases: The report's own bases beside the standard ones: (name, meaning).
        data: How the flows map to the keys of an official data set (``[data]``).
    """

    name: str
    title: str
    source: str | None
    flows: tuple[ReportFlow, ...]
    claims: tuple[Claim, ...]
    releases: tuple[Release, ...] = ()
    default_release: str | None = None
    max_revision: Decimal | None = None
    bases: tuple[tuple[str, str], ...] = ()
    data: DataMatch | None = None

    def error(self, error: TradeStatsError) -> ReportFileError:
        """The file error for an error of the report built from these parts.

        The report's errors carry the offending claim's (or flow's) id and field in
        ``details``; the file error names them, as the reader's own errors do.
        """
        claim = error.details.get("claim")
        field = error.details.get("field")
        is_flow = field in ("id", "basis") and any(flow.id == claim for flow in self.flows)
        return _Where(self.name, "flow" if is_flow else "claim", str(claim)).fail(
            str(field) if field is not None else None, error.message, error.details.get("value")
        )


def read_file(path: str | Path) -> tuple[str, Literal["toml", "json"]]:
    """The text of a report file and its format: JSON for ``.json``, TOML otherwise.

    Raises:
        ReportFileError: If the file cannot be read, is larger than
            :data:`~tradestats.limits.MAX_REPORT_BYTES` or is not UTF-8.
    """
    file = Path(path)
    kind: Literal["toml", "json"] = "json" if file.suffix.lower() == ".json" else "toml"
    try:
        # Not read_text(): a device or pipe (/dev/zero) never ends, so read at most
        # one byte more than a report may have.
        with file.open("rb") as stream:
            return read_stream(stream, name=str(path), kind=kind)
    except OSError as error:
        raise ReportFileError(
            f"{path}: cannot read the report: {error.strerror or error}",
            file=str(path),
            value=None,
        ) from None


def read_stream(
    stream: BinaryIO, *, name: str, kind: Literal["toml", "json"] | None = None
) -> tuple[str, Literal["toml", "json"]]:
    """The text of a report read from a binary stream, and its format.

    At most :data:`~tradestats.limits.MAX_REPORT_BYTES` bytes are read; the text is
    UTF-8, with or without a byte-order mark. Without ``kind``, text that starts
    with ``{`` is JSON, other text TOML.

    Raises:
        ReportFileError: If the stream is too large or not UTF-8.
    """
    data = stream.read(MAX_REPORT_BYTES + 1)
    if len(data) > MAX_REPORT_BYTES:
        raise ReportFileError(
            f"{name}: larger than {MAX_REPORT_BYTES} bytes, the most a report file may "
            "have (tradestats.limits.MAX_REPORT_BYTES)",
            file=name,
            limit=MAX_REPORT_BYTES,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReportFileError(
            f"{name}: not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}",
            file=name,
            offset=error.start,
        ) from None
    if kind is None:
        kind = "json" if text.lstrip().startswith("{") else "toml"
    return text, kind


def read_text(
    text: str, *, name: str = "<string>", kind: Literal["toml", "json"] = "toml"
) -> ReportParts:
    """The parts of a report written as TOML or JSON text.

    A byte-order mark at the start is dropped; text longer than
    :data:`~tradestats.limits.MAX_REPORT_BYTES` characters or nested deeper than
    :data:`~tradestats.limits.MAX_NESTING` is refused before it is parsed.

    Raises:
        ReportFileError: For a syntax error (with its line) or a flow or claim that
            is not valid on its own.
    """
    if len(text) > MAX_REPORT_BYTES:
        raise ReportFileError(
            f"{name}: longer than {MAX_REPORT_BYTES} characters, the most a report may have",
            file=name,
            limit=MAX_REPORT_BYTES,
        )
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    _check_nesting(text, name, kind)
    data: object
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ReportFileError(
                f"{name}: not valid JSON: {error.msg} (at line {error.lineno}, column "
                f"{error.colno})",
                file=name,
                line=error.lineno,
            ) from None
        except (ValueError, RecursionError) as error:  # an integer of 4,300 digits or more
            raise ReportFileError(f"{name}: not valid JSON: {_reason(error)}", file=name) from None
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ReportFileError(f"{name}: not valid TOML: {error}", file=name) from None
        except (ValueError, RecursionError) as error:
            raise ReportFileError(f"{name}: not valid TOML: {_reason(error)}", file=name) from None
    return _parts(data, _Where(name))


def _check_nesting(text: str, name: str, kind: Literal["toml", "json"]) -> None:
    """Refuse text nested deeper than MAX_NESTING before a recursive parser sees it."""
    skipped = (_JSON_SKIPPED if kind == "json" else _TOML_SKIPPED).sub("", text)
    depth = 0
    for bracket in _BRACKETS.finditer(skipped):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_NESTING:
            raise ReportFileError(
                f"{name}: arrays or tables nested more than {MAX_NESTING} deep "
                "(tradestats.limits.MAX_NESTING); a report needs 4",
                file=name,
                limit=MAX_NESTING,
            )


def _reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return f"nested too deep (the limit is {MAX_NESTING})"
    return f"a number too long to read ({quote(str(error), 60)})"


def _parts(data: object, where: _Where) -> ReportParts:
    if not isinstance(data, dict):
        raise where.fail(None, f"expected a table of report keys, got {_show(data)}", data)
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise where.fail(
            unknown[0], f"unknown key; expected one of {', '.join(sorted(_TOP_KEYS))}", unknown[0]
        )
    title = _text(data, "title", where, required=True)
    source = _text(data, "source", where)
    flows_data = data.get("flows")
    if not isinstance(flows_data, dict) or not flows_data:
        raise where.fail(
            "flows",
            "expected a table of flows by id, such as [flows.world] with flow = 'total'",
            flows_data,
        )
    defaults = {key: data[key] for key in ("reporter", "partner") if key in data}
    flows = [
        _flow(str(flow_id), body, defaults, _Where(where.name, "flow", str(flow_id)))
        for flow_id, body in flows_data.items()
    ]
    claims_data = data.get("claims")
    if not isinstance(claims_data, list) or not claims_data:
        raise where.fail(
            "claims", "expected a list of claims, written as [[claims]] tables", claims_data
        )
    period = data.get("period")
    claims = [
        _claim(body, index, period, where.name) for index, body in enumerate(claims_data, start=1)
    ]
    try:
        max_revision = as_max_revision(data.get("max_revision"))
    except TradeStatsError as error:
        raise where.fail("max_revision", error.message, data.get("max_revision")) from None
    default = data.get("release")
    if default is not None and (not isinstance(default, str) or not default.strip()):
        raise where.fail("release", f"expected a release id, got {_show(default)}", default)
    return ReportParts(
        name=where.name,
        title=title,
        source=source,
        flows=tuple(flows),
        claims=tuple(claims),
        releases=read_releases(data.get("releases"), where.name),
        default_release=default,
        max_revision=max_revision,
        bases=read_bases(data.get("bases"), where.name),
        data=read_data_match(data.get("data"), where.name),
    )


def _text(data: dict[str, Any], key: str, where: _Where, *, required: bool = False) -> Any:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise where.fail(key, f"expected non-empty text, got {_show(value)}", value)
    return value


def _flow(flow_id: str, body: object, defaults: dict[str, Any], where: _Where) -> ReportFlow:
    if not isinstance(body, dict):
        raise where.fail(None, f"expected a table of flow keys, got {_show(body)}", body)
    unknown = sorted(set(body) - _FLOW_KEYS)
    if unknown:
        raise where.fail(
            unknown[0], f"unknown key; expected one of {', '.join(sorted(_FLOW_KEYS))}", unknown[0]
        )
    fields = {**defaults, **body}
    for key in ("reporter", "flow"):
        if key not in fields:
            hint = " (or a report-level reporter)" if key == "reporter" else ""
            raise where.fail(key, f"missing{hint}", None)
    for key, value in fields.items():
        if not isinstance(value, str):
            raise where.fail(key, f"expected text, got {_show(value)}", value)
        try:
            _FLOW_FIELDS[key](value)
        except TradeStatsError as error:
            raise where.fail(key, error.message, value) from None
    try:
        return ReportFlow(id=flow_id, **fields)
    except TradeStatsError as error:  # a rule across fields: a membership needs a group partner
        key = str(error.details.get("field", "partner"))
        raise where.fail(key, error.message, fields.get(key)) from None


def _claim(body: object, index: int, period: object, name: str) -> Claim:
    if not isinstance(body, dict):
        raise _Where(name, "claim", f"#{index}").fail(
            None, f"expected a table of claim keys, got {_show(body)}", body
        )
    claim_id = body.get("id")
    if not isinstance(claim_id, str) or not claim_id.strip():
        raise _Where(name, "claim", f"#{index}").fail(
            "id", f"expected a non-empty id as text, got {_show(claim_id)}", claim_id
        )
    where = _Where(name, "claim", claim_id)
    kinds = [key for key in _FIGURES if key in body]
    if len(kinds) != 1:
        found = ", ".join(kinds) or "none"
        raise where.fail(
            None,
            f"a claim has exactly one figure key ({', '.join(_FIGURES)}); found {found}",
            kinds,
        )
    kind = kinds[0]
    unknown = sorted(set(body) - _CLAIM_KEYS[kind])
    if unknown:
        raise where.fail(
            unknown[0],
            f"unknown key for a {kind} claim; expected one of "
            f"{', '.join(sorted(_CLAIM_KEYS[kind]))}",
            unknown[0],
        )
    for key in ("flow", "part", "whole", "total", "than"):
        value = body.get(key, "")
        if not isinstance(value, str) or (key in body and not value.strip()):
            raise where.fail(key, f"expected a flow id as text, got {_show(value)}", value)
    release = body.get("release")
    if release is not None and (not isinstance(release, str) or not release.strip()):
        raise where.fail("release", f"expected a release id, got {_show(release)}", release)
    if kind == "parts":
        return attrs.evolve(_sum_claim(claim_id, body, where), release=release)
    when = _period(body.get("period", period), where)
    versus = _versus(body, when, where)
    figure = body[kind]
    if not isinstance(figure, str):
        raise where.fail(kind, f"expected {_EXAMPLES[kind]}, got {_show(figure)}", figure)
    reported, sign = _reported(kind, figure, body, where)
    try:
        return _build(
            kind,
            release=release,
            claim_id=claim_id,
            body=body,
            when=when,
            reported=reported,
            sign=sign,
            versus=versus,
        )
    except TradeStatsError as error:
        field = str(error.details.get("field", kind))
        raise where.fail(field, error.message, error.details.get("value")) from None


def _period(value: object, where: _Where) -> Period:
    if value is None:
        raise where.fail(
            "period",
            "missing: give the months the figure covers, such as '2023-01/2023-07', here or "
            "as a report-level period",
        )
    try:
        return as_period(value)  # type: ignore[arg-type]
    except TradeStatsError as error:
        raise where.fail("period", error.message, value) from None


def _reported(
    kind: str, figure: str, body: dict[str, Any], where: _Where
) -> tuple[Reported[Any], BalanceSign | None]:
    if len(figure) > MAX_TEXT_LENGTH:
        raise where.fail(
            kind,
            f"a figure is at most {MAX_TEXT_LENGTH} characters "
            f"(tradestats.limits.MAX_TEXT_LENGTH), got {quote(figure)}",
            figure,
        )
    times = _times(body, where) if kind == "multiplier" else None
    published = figure
    sign = None
    if kind in _SIGNED:
        sign, figure = _text_sign(kind, figure, body, where)
    try:
        result = _parse(kind, figure, times)
    except AmbiguityError as error:
        raise _ambiguity(kind, published, error, where) from None
    except TradeStatsError as error:
        raise where.fail(kind, error.message, published) from None
    if "precision" in body:
        result = Reported(
            result.value, _precision(kind, body["precision"], result, where), result.qualifier
        )
    if "qualifier" in body:
        result = result.qualified(_qualifier(body["qualifier"], result, where))
    if kind == "value" and sign is not None:
        result = _signed(result, sign, where)
    return result, sign


def _parse(kind: str, figure: str, times: TimesConvention | None) -> Reported[Any]:
    """A claim's figure read as its kind reads it."""
    if kind == "multiplier":
        return Reported.parse_multiplier(figure, times=times, locale=REPORT_LOCALE)
    parse = _PARSERS.get(kind, Reported.parse_points)  # the other kinds are in points
    return parse(figure)


def _text_sign(
    kind: str, figure: str, body: dict[str, Any], where: _Where
) -> tuple[BalanceSign | None, str]:
    """The sign a deficit or surplus word (or the ``sign`` key) gives, and the text left."""
    sign = _sign(body, where)
    try:
        word, rest = read_balance_sign(figure)
    except TradeStatsError as error:
        raise where.fail(kind, error.message, figure) from None
    if word is None:
        return sign, rest
    written = BalanceSign(word)
    if sign is not None and sign is not written:
        raise where.fail(
            "sign",
            f"the text says {written.value} and the key says {sign.value}: keep one",
            sign.value,
        )
    return written, rest


def _sign(body: dict[str, Any], where: _Where) -> BalanceSign | None:
    value = body.get("sign")
    if value is None:
        return None
    if not isinstance(value, str) or value.strip().lower() not in ("deficit", "surplus"):
        raise where.fail(
            "sign",
            f'expected "deficit" (a negative balance) or "surplus" (a positive one), got '
            f"{_show(value)}",
            value,
        )
    return BalanceSign(value.strip().lower())


def _qualifier(value: object, figure: Reported[Any], where: _Where) -> Qualifier:
    """The ``qualifier`` key: a Qualifier's name, agreeing with any word of the text."""
    names = ", ".join(f'"{member.value}"' for member in Qualifier)
    if not isinstance(value, str):
        raise where.fail("qualifier", f"expected one of {names}, got {_show(value)}", value)
    try:
        qualifier = Qualifier.parse(value)
    except TradeStatsError as error:
        raise where.fail("qualifier", error.message, value) from None
    if figure.qualifier not in (Qualifier.EXACT, qualifier):
        raise where.fail(
            "qualifier",
            f"the text says {figure.qualifier.value} and the key says {qualifier.value}: keep one",
            value,
        )
    return qualifier


def _signed(figure: Reported[Amount], sign: BalanceSign, where: _Where) -> Reported[Amount]:
    """A balance's value with the sign its word gives: a deficit of 11.8 is −11.8."""
    if figure.value.magnitude < 0:
        raise where.fail(
            "value",
            f"a {sign.value} of {figure.value} has two signs: give the size without one, as in "
            "'a deficit of 11.8 billion USD'",
            str(figure.value),
        )
    value = figure.value if sign is BalanceSign.SURPLUS else -figure.value
    return Reported(value, figure.precision, figure.qualifier)


def _value(figure: str) -> Reported[Amount]:
    """A value claim's figure: money as :func:`.money` reads it, else a volume.

    ``"$3m"`` is 3 million US dollars to :func:`.money`, dollars and metres to
    :meth:`.Amount.parse`.
    """
    try:
        return reported(money(figure, locale=REPORT_LOCALE))
    except AmbiguityError:
        raise  # "¥": the same ambiguity whichever way it is read
    except TradeStatsError:
        return Reported.parse_amount(figure, locale=REPORT_LOCALE)  # volumes, or the error


def _ambiguity(kind: str, figure: str, error: AmbiguityError, where: _Where) -> ReportFileError:
    """The fix for an ambiguous figure, naming the field the file must change."""
    if kind == "multiplier":
        # A bare "N times": the file must say which reading it means.
        return where.fail(
            "times",
            f'{quote(figure)} has two readings: add times = "more" (Chinese 增长N倍, up '
            'N×100%) or times = "as-much" (N times the old value)',
            figure,
        )
    if kind == "growth":
        return where.fail(
            "growth",
            f"{quote(figure)} is a number of times, which has two readings: write the growth "
            "in percent (such as '326%'), or make this a multiplier claim, multiplier = "
            f'{quote(figure)} with times = "more" (up N×100%) or times = "as-much"',
            figure,
        )
    if error.details.get("value") == "¥":
        return where.fail(
            kind,
            f"{quote(figure)}: '¥' is the sign of both the Chinese yuan and the Japanese yen; "
            "write the currency instead, as in '118.5 billion yuan' (or CNY, 元) or "
            "'118.5 billion JPY'",
            figure,
        )
    return where.fail(kind, error.message, figure)


def _change(figure: str) -> Reported[Amount]:
    """A signed change in level: "+3.4 billion USD", "up $3.4 billion", "减少120亿元"."""
    text = " ".join(figure.split())
    lowered = text.lower()
    for word, sign in _DIRECTIONS:
        if not lowered.startswith(word):
            continue
        rest = text[len(word) :]
        # An English word stands apart from the number ("up $3", not "upwards"); "by" may follow.
        if word.isascii() and rest[:1] not in ("", " "):
            continue
        rest = rest.strip()
        if word.isascii() and rest.lower().startswith("by "):
            rest = rest[3:].strip()
        if rest[:1] in ("+", "-", "−"):
            raise ParseError(
                f"cannot read {quote(figure)} as a change in level: a word of rise or fall and a "
                "signed number; write '+3.4 billion USD' or 'up 3.4 billion USD'",
                value=figure,
            )
        found = Reported.parse_amount(rest, locale=REPORT_LOCALE)
        return found if sign > 0 else Reported(-found.value, found.precision, found.qualifier)
    return Reported.parse_amount(text, locale=REPORT_LOCALE)


def _percent_of_change(figure: str) -> Reported[PercentagePoints]:
    """A contribution share, "35.2%" (may be above 100% or negative), or points, "2.7 pp"."""
    text = figure.strip()
    if text[-1:] in ("%", "％"):
        number = to_decimal(text[:-1].strip(), what="a percentage")
        return Reported(PercentagePoints(number), half_unit_of_last_digit(number))
    return Reported.parse_points(text, locale=REPORT_LOCALE)


def _versus(body: dict[str, Any], when: Period, where: _Where) -> Versus | None:
    """The claim's base, if it names one: checked against its period here, with the field."""
    if "versus" not in body:
        return None
    value = body["versus"]
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise where.fail(
            "versus",
            f"expected a base such as 'year-earlier', 'previous' or '2019', got {_show(value)}",
            value,
        )
    try:
        versus = as_versus(value)
        when.base(versus)
    except TradeStatsError as error:
        raise where.fail("versus", error.message, value) from None
    return versus


def _times(body: dict[str, Any], where: _Where) -> TimesConvention | None:
    value = body.get("times")
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return enum_member(TimesConvention, value, aliases=_TIMES_ALIASES)
        except TradeStatsError:
            pass  # refused below, with the field and what each reading means
    raise where.fail(
        "times",
        f'expected "more" (增长N倍: up N×100%) or "as-much" (N times the old value), '
        f"got {_show(value)}",
        value,
    )


def _precision(kind: str, value: object, figure: Reported[Any], where: _Where) -> Decimal:
    """A precision written like its figure: '0.5 billion yuan', '0.05%' or '0.005'."""
    if not isinstance(value, str):
        raise where.fail(
            "precision",
            f"expected the precision as text (such as '0.5 billion yuan', '0.05%' or '0.005'), "
            f"got {_show(value)}",
            value,
        )
    try:
        if kind in ("value", "change"):
            unit_amount: Amount = figure.value
            half = amount(value).in_unit_of(
                unit_amount, action="give {other} a precision of {this}"
            )
        elif kind in ("growth", "share"):
            text = value.strip()
            if not text.endswith("%"):
                raise ParseError(
                    f"expected a precision in percent such as '0.05%', got {quote(value)}"
                )
            half = to_decimal(text[:-1].strip(), what="a precision").scaleb(-2)
        elif kind in _POINTS:
            half = _percent_of_change(value).value.points.copy_abs()
        else:
            half = to_decimal(value, what="a precision")
    except TradeStatsError as error:
        raise where.fail("precision", error.message, value) from None
    if half < 0:
        raise where.fail("precision", f"a precision cannot be negative, got {quote(value)}", value)
    return half


def _build(
    kind: str,
    *,
    release: str | None,
    claim_id: str,
    body: dict[str, Any],
    when: Period,
    reported: Reported[Any],
    sign: BalanceSign | None = None,
    versus: Versus | None = None,
) -> Claim:
    return attrs.evolve(
        _built(
            kind,
            claim_id=claim_id,
            body=body,
            when=when,
            reported=reported,
            sign=sign,
            versus=versus,
        ),
        release=release,
    )


def _built(
    kind: str,
    *,
    claim_id: str,
    body: dict[str, Any],
    when: Period,
    reported: Reported[Any],
    sign: BalanceSign | None,
    versus: Versus | None,
) -> Claim:
    text = body[kind]
    based = {} if versus is None else {"versus": versus}
    if kind in _POINTS:
        return _points_claim(
            kind, claim_id=claim_id, body=body, when=when, reported=reported, based=based
        )
    if kind == "share":
        for key in ("part", "whole"):
            if key not in body:
                raise ParseError(f"missing: a share claim names its {key} flow", field=key)
        return ShareClaim(
            id=claim_id,
            part=body["part"],
            whole=body["whole"],
            period=when,
            share=reported,
            text=text,
        )
    if "flow" not in body:
        raise ParseError("missing: name the flow the figure is about", field="flow")
    return _flow_claim(
        kind, claim_id=claim_id, body=body, when=when, reported=reported, based=based, sign=sign
    )


def _flow_claim(
    kind: str,
    *,
    claim_id: str,
    body: dict[str, Any],
    when: Period,
    reported: Reported[Any],
    based: dict[str, Versus],
    sign: BalanceSign | None,
) -> Claim:
    """A value, growth, change in level or multiplier of one flow."""
    # A value claim has no base: its file keys allow no versus, so ``based`` is empty then.
    common: dict[str, Any] = {"id": claim_id, "flow": body["flow"], "period": when, **based}
    common["text"] = body[kind]
    if kind == "value":
        return ValueClaim(value=reported, sign=sign, **common)
    if kind == "growth":
        return GrowthClaim(growth=reported, sign=sign, **common)
    if kind == "change":
        return ChangeClaim(change=reported, **common)
    times = body.get("times")  # checked with the figure (_times)
    convention = (
        None if times is None else enum_member(TimesConvention, times, aliases=_TIMES_ALIASES)
    )
    return MultiplierClaim(multiplier=reported, times=convention, sign=sign, **common)


def _points_claim(
    kind: str,
    *,
    claim_id: str,
    body: dict[str, Any],
    when: Period,
    reported: Reported[Any],
    based: dict[str, Versus],
) -> Claim:
    """A contribution, change of share, difference of growth rates or contribution share."""
    first, second = _POINTS[kind]
    for key in (first, second):
        if key not in body:
            raise ParseError(f"missing: a {kind} claim names its {key} flow", field=key)
    common = {"id": claim_id, "period": when, "text": body[kind], **based}
    if kind == "share_change":
        return ShareChangeClaim(
            part=body["part"], whole=body["whole"], share_change=reported, **common
        )
    if kind == "contribution":
        return ContributionClaim(
            part=body["part"], total=body["total"], contribution=reported, **common
        )
    if kind == "growth_difference":
        return GrowthDifferenceClaim(
            flow=body["flow"], than=body["than"], difference=reported, **common
        )
    return ContributionShareClaim(
        part=body["part"], total=body["total"], contribution_share=reported, **common
    )


def _sum_claim(claim_id: str, body: dict[str, Any], where: _Where) -> SumClaim:
    if "total" not in body:
        raise where.fail("total", "missing: name the flow the parts add up to")
    parts = body["parts"]
    if not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts):
        raise where.fail(
            "parts",
            f"expected a list of flow ids such as ['bri', 'others'], got {_show(parts)}",
            parts,
        )
    if "period" in body and "periods" in body:
        raise where.fail("periods", "give period or periods, not both", body["periods"])
    raw = [body["period"]] if "period" in body else body.get("periods", [])
    if not isinstance(raw, list):
        raise where.fail("periods", f"expected a list of periods, got {_show(raw)}", raw)
    periods = [_period(value, where) for value in raw]
    try:
        return SumClaim(id=claim_id, total=body["total"], parts=parts, periods=periods)
    except TradeStatsError as error:
        raise where.fail(
            str(error.details.get("field", "total")), error.message, body["total"]
        ) from None


#: How each figure key's text is read (multipliers, which need ``times``, apart).
_PARSERS: Final[dict[str, Callable[[str], Reported[Any]]]] = {
    "value": _value,
    "growth": partial(Reported.parse_growth, locale=REPORT_LOCALE),
    "share": partial(Reported.parse_share, locale=REPORT_LOCALE),
    "change": _change,
    "contribution_share": _percent_of_change,
}
