"""Handing a worker thread's result to the UI, and dropping it when nobody is left to take it.

A worker thread can finish after its screen or dialog was closed, or after the session ended
(a damaged database found while a long article's quotations were still being looked for): the
widgets its answer would update are gone by then, and updating them would crash the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message_pump import MessagePump


def answer_from_thread(node: MessagePump, callback: Callable[..., Any], *args: Any) -> None:
    """Run `callback(*args)` on the UI thread if `node` is still in the app by then (`node`
    is the screen or widget whose children the callback updates)."""

    def if_still_there() -> None:
        if node.is_attached:  # False too once the app is exiting
            callback(*args)

    node.app.call_from_thread(if_still_there)
