"""Pausing Python's cyclic garbage collector while large structures are built.

Loading 100,000 annotations or finding the quotes of a 1 MB article makes hundreds of
thousands of small objects, none in a reference cycle; the collector's repeated passes over
them cost a quarter to two thirds of the time. Memory is still freed by reference counting
meanwhile. This module owns the one way Reader does it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Containers a block must have made for `freeze` to keep them out of later collections
# (100,000 annotations decoded make 28,500; a save's catching up, a few hundred).
FREEZE_AT = 10_000


@contextlib.contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """The cyclic collector off for the duration, then back as it was.

    With `freeze`, when the block made many objects (`FREEZE_AT`), everything alive at the
    end is moved to the permanent generation (`gc.freeze`), so later collections skip it:
    for long-lived data such as the loaded database. Garbage in reference cycles is
    collected first (one pass over what is not frozen yet: 9 ms after 100,000 annotations
    are read): frozen, it would never be freed. Freezing at every save, as Reader once did,
    kept whatever cyclic garbage was waiting for the collector then (a closed screen's
    widgets, an error's traceback) for good: 110 KB per `reader import` run in one process.
    """
    enabled = gc.isenabled()
    gc.disable()
    count_before = gc.get_count()[0]
    try:
        yield
    finally:
        if freeze and gc.get_count()[0] - count_before >= FREEZE_AT:
            gc.collect()
            gc.freeze()
        if enabled:
            gc.enable()


def freeze_survivors() -> None:
    """Move what is alive now to the permanent generation, the young garbage collected
    first (a pass over the objects made since the last collection: cheap): called once,
    when a start's work is done, for the objects that live as long as the app (its
    screens, the loaded database, the search index), so that later collections pass over
    only what came after. What an older collection left as garbage is kept: once, not at
    every save."""
    gc.collect(1)
    gc.freeze()
