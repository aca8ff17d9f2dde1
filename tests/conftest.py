"""Hypothesis settings profiles for the suite.

``dev`` (the default) runs few examples, for quick feedback while editing.
``ci`` runs many (150, half again hypothesis's own default; the suite's budget
is about five minutes on two cores, and the fuzzers of ``tests/fuzz`` run their
tens of thousands under a profile of their own) and prints a blob to reproduce
any failure. ``ci`` is chosen when
``CI`` is set to a true value, as CI services do; ``HYPOTHESIS_PROFILE=<name>``
picks a profile by name and wins over ``CI``.

No profile has a deadline: the README's ``python -m pytest`` runs one worker per
core, and on a loaded two-core machine an exact check of many-digit figures has
taken 1.09 s, so a deadline fails tests by the clock rather than by a bug. For the
same reason no profile lets the ``too_slow`` health check fail a test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        return chosen
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}:
        return "ci"
    return "dev"


settings.load_profile(_profile())
