"""Waiting for the app in a bench's own process: apart from `bench.__main__`, so that the
memory bench's process holds the app and not the bench's own imports (urllib and the
email package, through `bench.data`: 1.8 MB)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any


async def _wait(condition: Callable[[], bool], pilot: Any, limit: float = 30.0) -> None:
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not reached")
        await asyncio.sleep(0.0005)


async def _started(app: Any, pilot: Any) -> None:
    """The app as a user finds it once started: annotations read, library scanned, the
    article shown, the index built, and the screen caught up with all of it."""
    await _wait(lambda: app.store.loaded and app.main.document is not None, pilot, 120)
    await _wait(lambda: not any(w.is_running for w in app.workers), pilot, 120)
    await _wait(app._index_ready.is_set, pilot, 120)
    for _ in range(20):
        await pilot.pause()
    await asyncio.sleep(0.5)  # the last frames drawn
