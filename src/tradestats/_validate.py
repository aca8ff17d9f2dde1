"""Private checks shared by the attrs converters of the value objects."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, TypeVar

from tradestats._text import quote
from tradestats.errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["enum_member", "name_text", "optional_text", "source_text"]

E = TypeVar("E", bound=enum.Enum)


def enum_member(
    kind: type[E],
    value: object,
    *,
    what: str | None = None,
    aliases: Mapping[str, E] | None = None,
) -> E:
    """``value`` as a member of ``kind``: the member, its value or an alias; names the choices.

    The one reader of enum members, for the value objects' converters and the
    file readers alike. Text is read without the white space around it and in
    any letter case.

    Args:
        kind: The enum, whose values are lower-case text.
        value: A member of ``kind``, or text naming one.
        what: What the value is, for the message (the enum's name by default).
        aliases: Other spellings of members, in lower case (``"as-much"``).

    Raises:
        InvalidValueError: If ``value`` names no member.

    >>> from tradestats.measures import TimesConvention
    >>> enum_member(TimesConvention, " As much"), enum_member(
    ...     TimesConvention, "as-much", aliases={"as-much": TimesConvention.AS_MUCH}
    ... )
    (<TimesConvention.AS_MUCH: 'as much'>, <TimesConvention.AS_MUCH: 'as much'>)
    >>> enum_member(TimesConvention, "less", what="times convention")
    Traceback (most recent call last):
    ...
    tradestats.errors.InvalidValueError: unknown times convention 'less': expected one of
    'more', 'as much'
    """
    if isinstance(value, kind):
        return value
    key = value.strip().lower() if isinstance(value, str) else value
    if aliases and isinstance(key, str) and key in aliases:
        return aliases[key]
    try:
        return kind(key)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        raise InvalidValueError(
            f"unknown {what or kind.__name__} {quote(value)}: expected one of {choices}",
            value=value,
        ) from None


def name_text(value: object, what: str) -> str:
    """A name: a non-empty string, inner white space folded."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"{what} must be a non-empty string, got {quote(value)}", value=value
        )
    return " ".join(value.split())


def optional_text(value: object, what: str) -> str | None:
    """Like :func:`name_text`, letting ``None`` through."""
    return None if value is None else name_text(value, what)


def source_text(value: str | None) -> str | None:
    """The converter of every ``source`` field: optional text naming where a figure comes from."""
    return optional_text(value, "a source")
