"""Native frames in and out: open any supported frame with narwhals, read small ones as rows.

The bottom of the ``tables`` package: it imports nothing else from it, so that
every other module (the column declarations, the jobs, the loaders) can use it.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

import narwhals as nw

from tradestats._text import quote, quote_all
from tradestats.errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["Frame", "collect", "engine_failure", "is_panic", "open_frame", "read_rows", "require"]

#: A narwhals frame, eager or lazy; its native frame is the engine's own, untyped object.
Frame = nw.DataFrame[Any] | nw.LazyFrame[Any]


def open_frame(native: object) -> Frame:
    """The narwhals frame of a native frame, with a clear error for anything else.

    Raises:
        InvalidValueError: For an object that is not a frame narwhals supports.
    """
    with warnings.catch_warnings():
        # narwhals announces that Dask support moves to a plugin; the support works as it is.
        warnings.filterwarnings("ignore", message="Dask support is moving", category=FutureWarning)
        try:
            return nw.from_native(native)
        except TypeError:
            raise InvalidValueError(
                f"expected a pandas, polars (eager or lazy), pyarrow, DuckDB or Dask frame, got "
                f"{type(native).__name__}",
                value=type(native).__name__,
            ) from None


def collect(frame: Frame) -> nw.DataFrame[Any]:
    """The frame in memory (a no-op for eager frames).

    Raises:
        InvalidValueError: If the engine panics (polars raises pyo3's
            ``PanicException``, a ``BaseException`` that ``except Exception`` misses).
    """
    if isinstance(frame, nw.DataFrame):
        return frame
    try:
        return frame.collect()
    except BaseException as error:
        if not is_panic(error):
            raise
        raise engine_failure(error) from None


def is_panic(error: BaseException) -> bool:
    """Whether ``error`` is a Rust panic that pyo3 turned into a Python exception."""
    return type(error).__name__ == "PanicException"


def engine_failure(error: BaseException) -> InvalidValueError:
    """The error for an engine that panicked on a frame, its message shortened."""
    shown = quote(str(error))
    return InvalidValueError(
        f"the engine failed on this frame ({shown}); check the types of its key and value columns",
        engine_error=shown,
    )


def require(frame: Frame, columns: Iterable[str], *, what: str = "the frame") -> None:
    """Refuse a frame without one of ``columns``, naming it and the columns there are.

    Raises:
        InvalidValueError: For the first missing column.
    """
    names = frame.collect_schema().names()
    missing = [name for name in columns if name not in names]
    if missing:
        raise InvalidValueError(
            f"{what} has no column {quote(missing[0])}; its columns are {quote_all(names)}",
            column=missing[0],
            columns=names,
        )


def read_rows(native: object, columns: Sequence[str], *, what: str) -> list[dict[str, Any]]:
    """The rows of a small frame as dicts, restricted to ``columns``.

    Raises:
        InvalidValueError: For an object that is not a frame, or a missing column.
    """
    frame = open_frame(native)
    require(frame, columns, what=what)
    return collect(frame.select(*columns)).rows(named=True)
