"""Finding a key used twice in one JSON object, which every JSON decoder drops in silence.

A database file resolved by hand after a git conflict, or crafted, may hold a table twice
(`"annotations": {...}, ..., "annotations": {}`) or one document key twice. msgspec and the
standard library both keep the last and drop the others without a word: the app would open
with annotations missing, and its next save would make the loss permanent. So each reader
of a database file asks here first, and such a file is refused in one line.
"""

from __future__ import annotations

import json
from typing import Any


class _UsedTwice(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _members_once(members: list[tuple[str, Any]]) -> None:
    """Called for each object as it is decoded: refuse one that names a key twice. (The
    object itself is not kept: only the question is asked, so little is held.)"""
    if len(members) > 1 and len({key for key, _ in members}) != len(members):
        seen: set[str] = set()
        for key, _ in members:
            if key in seen:
                raise _UsedTwice(key)
            seen.add(key)


def key_used_twice(raw: bytes | bytearray | memoryview) -> str | None:
    """The first key found used twice in one object of the JSON text `raw`, at any depth,
    or None. Text that is not JSON is None too: the decoder proper says what is wrong."""
    try:
        json.loads(bytes(raw), object_pairs_hook=_members_once)
    except _UsedTwice as twice:
        return twice.key
    except (ValueError, RecursionError):
        return None
    return None


TWICE_IN_ONE_OBJECT = "is used twice in one object"  # (how the message below is told apart)


def used_twice_message(key: str, remedy: str = "or put a backup back with `reader restore`") -> str:
    """What a file holding `key` twice in one object is told (after its name); `remedy`: the
    way back other than an editor."""
    return (
        f"the key {json.dumps(key, ensure_ascii=True)} {TWICE_IN_ONE_OBJECT} (a file "
        "merged by hand?), and reading it would drop one of them; keep the copy you want "
        f"in a text editor, {remedy}"
    )
