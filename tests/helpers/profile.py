"""How hard the tests try: `make test` runs the "ci" profile, `make stress` the "stress" one.

`READER_STRESS=1` (set by `make stress`) turns on the long runs: more Hypothesis examples,
more kills in the crash tests, more writes in the concurrency tests.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

STRESS = os.environ.get("READER_STRESS") == "1"
# Fuzzing the importers: a minute's worth in `make test`; `make stress` runs until
# READER_FUZZ_MINUTES (default 10) have passed.
FUZZ_EXAMPLES = 100_000 if STRESS else 60
FUZZ_SECONDS = float(os.environ.get("READER_FUZZ_MINUTES", "10")) * 60 if STRESS else None

settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
settings.register_profile(
    "stress", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
settings.load_profile("stress" if STRESS else "ci")
