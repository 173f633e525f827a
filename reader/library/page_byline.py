"""The author a page names in a byline line at the top of its story ("By Maya Chen and Luis
Ortiz"), for a page whose markup names none (a page saved from a browser, often)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NAME = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|van|von|da|di|du|la|le|bin|al))*"
# "By Maya Chen", "By Maya Chen and Luis Ortiz", "By Maya Chen, Luis Ortiz and Ana Pérez",
# "By Maya Chen | The Canadian Press" (the outlet after a bar or dash is not the author)
_BYLINE = re.compile(
    rf"^\s*By\s+(?P<names>{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?)"
    r"\s*(?:$|[|·•—–-]\s)"
)
_TOP_BLOCKS = 8
_BYLINE_MOST = 100  # characters


def bylined_author(texts: Sequence[str]) -> str:
    """The names of the first byline among the story's first short blocks, "" if none."""
    for text in texts[:_TOP_BLOCKS]:
        line = text.strip().split("\n")[0]
        if len(line) > _BYLINE_MOST:
            continue
        found = _BYLINE.match(line)
        if found:
            return " ".join(found.group("names").split())
    return ""


def is_byline(line: str) -> bool:
    """Whether a short line is a byline and nothing more ("By Maya Chen and Luis Ortiz",
    "By Maya Chen | The Canadian Press"), not a sentence that opens with "By"."""
    line = line.strip()
    if len(line) > _BYLINE_MOST or "\n" in line:
        return False
    found = _BYLINE.match(line)
    if found is None:
        return False
    rest = line[found.end() :].strip()
    return len(rest.split()) <= 4  # (an outlet after the bar: "The Canadian Press")
