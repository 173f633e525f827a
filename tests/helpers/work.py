"""Work counted, not timed: how many lines of a module ran while something ran."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType, ModuleType
from typing import Any


def lines_run(module: ModuleType, work: Callable[[], Any]) -> int:
    """How many lines of `module` ran while `work` ran (each turn of a loop counts)."""
    path = module.__file__
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def started(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == path else None

    before = sys.gettrace()
    sys.settrace(started)
    try:
        work()
    finally:
        sys.settrace(before)
    return count
