"""Positions in a text counted two ways: Unicode code points and UTF-16 code units.

Reader counts positions in code points (Python's `str` indices). Most other tools count
UTF-16 code units (Qt, .NET, Java, JavaScript strings): there a character outside the Basic
Multilingual Plane (an emoji such as 😀, a CJK Extension B character such as 𠮷, any code
point above U+FFFF) counts as two, so every position after one is larger by one per such
character. This module converts between the two.

`Offsets(text)` finds the astral characters once (a regular-expression scan, in C) and then
converts each position with a binary search, so converting the positions of many
annotations of one article costs O(n + k log a), not O(n) per position. The module-level
functions keep the last few texts' `Offsets`, so calling them in a loop is cheap too.

A UTF-16 position between the two halves of a surrogate pair names no place in the text:
`utf16_to_codepoint` raises `ValueError` for it, as it does for a position past the end.
Plain Python only: no I/O, no Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

CODEPOINTS = "codepoints"
UTF16 = "utf16"
UNITS = (CODEPOINTS, UTF16)
UNIT_NAMES = {CODEPOINTS: "Unicode code points", UTF16: "UTF-16 code units"}

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Offsets:
    """Converts positions in one text between code points and UTF-16 code units."""

    __slots__ = ("_astral", "_astral_utf16", "codepoints", "utf16")

    def __init__(self, text: str) -> None:
        #: code point index of each astral character, ascending
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        #: the same characters' UTF-16 positions (the k-th is shifted by the k before it)
        self._astral_utf16 = [index + k for k, index in enumerate(self._astral)]
        self.codepoints = len(text)
        self.utf16 = len(text) + len(self._astral)

    @property
    def has_astral(self) -> bool:
        """Whether the two units differ anywhere in this text."""
        return bool(self._astral)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position of code point position `offset` (0 to len(text))."""
        if not 0 <= offset <= self.codepoints:
            raise ValueError(f"position {offset} is outside the text (0-{self.codepoints})")
        return offset + bisect_left(self._astral, offset)

    def to_codepoint(self, offset: int) -> int:
        """The code point position of UTF-16 position `offset`; `ValueError` when it is past
        the end or falls between the two halves of a surrogate pair."""
        if not 0 <= offset <= self.utf16:
            raise ValueError(f"position {offset} is outside the text (0-{self.utf16})")
        before = bisect_left(self._astral_utf16, offset)  # astral characters starting before
        if before and self._astral_utf16[before - 1] == offset - 1:
            raise ValueError(f"position {offset} is inside a surrogate pair")
        return offset - before

    def convert(self, offset: int, source: str, target: str) -> int:
        """`offset` counted in unit `source`, counted in unit `target` (CODEPOINTS/UTF16)."""
        if source == target:
            limit = self.codepoints if source == CODEPOINTS else self.utf16
            if not 0 <= offset <= limit:
                raise ValueError(f"position {offset} is outside the text (0-{limit})")
            return offset
        return self.to_utf16(offset) if source == CODEPOINTS else self.to_codepoint(offset)


@lru_cache(maxsize=4)
def offsets(text: str) -> Offsets:
    """The `Offsets` of `text`, kept for the last few texts (one export, one import)."""
    return Offsets(text)


def codepoint_to_utf16(text: str, offset: int) -> int:
    """Code point position `offset` in `text`, counted in UTF-16 code units."""
    return offsets(text).to_utf16(offset)


def utf16_to_codepoint(text: str, offset: int) -> int:
    """UTF-16 position `offset` in `text`, counted in code points (see `Offsets`)."""
    return offsets(text).to_codepoint(offset)
