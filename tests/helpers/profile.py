"""How hard the tests try: `make test` runs the "ci" profile, `make stress` the "stress" one.

`READER_STRESS=1` (set by `make stress`) turns on the long runs: more Hypothesis examples,
more kills in the crash tests, more writes in the concurrency tests.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

STRESS = os.environ.get("READER_STRESS") == "1"

settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
settings.register_profile(
    "stress", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
settings.load_profile("stress" if STRESS else "ci")
