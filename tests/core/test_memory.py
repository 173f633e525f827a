"""The allocator settings the app starts with: glibc's one heap for every thread."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from reader.core import memory


class FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, parameter: int, value: int) -> int:
        self.calls.append((parameter, value))
        return 1


def test_every_thread_shares_one_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    libc = FakeLibc()
    monkeypatch.setattr(memory, "_libc", lambda: libc)
    memory.steady_heap.__wrapped__()  # type: ignore[attr-defined]
    assert libc.calls == [(-8, 1)]  # M_ARENA_MAX: 1


def test_a_c_library_without_mallopt_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    none: Any = object()
    monkeypatch.setattr(memory, "_libc", lambda: none)
    memory.steady_heap.__wrapped__()  # type: ignore[attr-defined]
    monkeypatch.setattr(memory, "_libc", lambda: None)
    memory.steady_heap.__wrapped__()  # type: ignore[attr-defined]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's")
def test_the_real_allocator_takes_the_setting() -> None:
    memory.steady_heap()
    memory.give_back_freed_memory()
    assert memory._libc() is not None
