"""Private checks shared by the attrs converters of the value objects."""

from __future__ import annotations

import enum
from typing import TypeVar

from tradestats.errors import InvalidValueError

__all__ = ["enum_member", "name_text", "optional_text", "source_text"]

E = TypeVar("E", bound=enum.Enum)


def enum_member(kind: type[E], value: object) -> E:
    """``value`` as a member of ``kind`` (given the member or its value); names the choices."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value.strip().lower() if isinstance(value, str) else value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        raise InvalidValueError(
            f"unknown {kind.__name__} {value!r}: expected one of {choices}", value=value
        ) from None


def name_text(value: object, what: str) -> str:
    """A name: a non-empty string, inner white space folded."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(f"{what} must be a non-empty string, got {value!r}", value=value)
    return " ".join(value.split())


def optional_text(value: object, what: str) -> str | None:
    """Like :func:`name_text`, letting ``None`` through."""
    return None if value is None else name_text(value, what)


def source_text(value: str | None) -> str | None:
    """The converter of every ``source`` field: optional text naming where a figure comes from."""
    return optional_text(value, "a source")
