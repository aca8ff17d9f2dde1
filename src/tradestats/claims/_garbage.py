"""Private: the garbage collector, asked to collect less often while a check runs.

A check makes millions of small objects (fractions, tuples, lists of rows) that
refer to no cycle: reference counting frees them, and the cyclic collector has
nothing to find in them. CPython still counts them, and with its default
thresholds (700, 10, 10) runs a young collection every 700 objects and, every
hundred of those, a full one over every object of the process, the imported
modules' included: 0.3 to 0.5 of 5.5 to 6 CPU s of a check of 1,000 claims
(``kinds``, ``partners``). A larger first threshold makes collections rare; the
thresholds are set back when the check ends, however it ends.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["collecting_less"]

#: Objects made between two young collections during a check.
FIRST_THRESHOLD: Final = 50_000


@contextmanager
def collecting_less() -> Iterator[None]:
    """Run the block with the collector's first threshold at least :data:`FIRST_THRESHOLD`.

    A threshold already larger, or the collector switched off (a first threshold
    of 0), is left as it is. The thresholds are the process's: another thread
    collects less often too while the block runs.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> with collecting_less():
    ...     gc.get_threshold()[0] >= FIRST_THRESHOLD or gc.get_threshold()[0] == 0
    True
    >>> gc.get_threshold() == before
    True
    """
    first, second, third = gc.get_threshold()
    if first == 0 or first >= FIRST_THRESHOLD:
        yield
        return
    gc.set_threshold(FIRST_THRESHOLD, second, third)
    try:
        yield
    finally:
        gc.set_threshold(first, second, third)
