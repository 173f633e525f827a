"""Pausing the cyclic collector: a freeze keeps long-lived data out of later collections,
and never keeps garbage."""

from __future__ import annotations

import gc
import weakref

from reader.core.collector import FREEZE_AT, collector_paused


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def _garbage_cycle() -> weakref.ref[_Node]:
    return weakref.ref(_Node())


def test_garbage_waiting_for_the_collector_is_not_frozen_with_a_large_load() -> None:
    before = _garbage_cycle()  # unreachable, not collected yet
    with collector_paused(freeze=True):
        during = _garbage_cycle()
        kept = [{} for _ in range(FREEZE_AT * 2)]  # a large load: frozen after
    gc.collect()
    assert before() is None and during() is None
    assert len(kept) == FREEZE_AT * 2


def test_a_small_block_is_not_frozen() -> None:
    frozen = gc.get_freeze_count()
    with collector_paused(freeze=True):
        made = [{} for _ in range(100)]  # a save's catching up
    assert gc.get_freeze_count() == frozen and made


def test_the_collector_is_on_again_after_and_off_inside() -> None:
    assert gc.isenabled()
    with collector_paused(freeze=True):
        assert not gc.isenabled()
    assert gc.isenabled()
