"""Counts in words for messages: "1 theme", "2 themes", "0 annotations".

Every message that counts things (the app's notices and panes, the command line's lines)
says its number through `plural`, so that one is never "1 themes". Plain Python, no I/O.
"""

from __future__ import annotations

_IRREGULAR = {"match": "matches", "entry": "entries", "art.": "art."}


def plural_of(word: str) -> str:
    """The plural of one of the words Reader counts ("quote" -> "quotes")."""
    return _IRREGULAR.get(word, word + "s")


def plural(count: int, word: str, many: str | None = None, *, digits: str = "") -> str:
    """`count` and `word`, singular for exactly one: plural(1, "theme") == "1 theme".
    `many` is the plural when it is not `word` + "s"; `digits` formats the number
    ("," groups thousands: "1,200 annotations")."""
    noun = word if count == 1 else (many or plural_of(word))
    return f"{count:{digits}} {noun}"
