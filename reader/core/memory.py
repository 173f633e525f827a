"""Giving memory back to the system after a burst of short-lived objects.

Reading a saved search index decodes a hundred thousand small strings and numbers that are
dropped a moment later; glibc keeps the freed pages in its heap, so the process stays 40 MB
larger than what it holds. `give_back_freed_memory` asks the allocator to return them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache


@cache
def _malloc_trim() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


def give_back_freed_memory() -> None:
    """Return freed heap pages to the system, where the C library allows it (glibc)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
