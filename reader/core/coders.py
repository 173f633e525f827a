"""Coder names: who made an annotation, as stored and as compared.

A coder name is one line of at most `MAX_CODER` characters, white space folded; "" stands
for "unknown" (annotations made before Reader kept coders: schema 4 and older). Two names
are the same coder when they match case-insensitively (`coder_key`), as codebook names do.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.text import clean_line

MAX_CODER = 80
UNKNOWN_CODER = ""


def clean_coder(name: str) -> str:
    """A coder name as stored: one line, white space folded, at most `MAX_CODER` characters."""
    return clean_line(name)[:MAX_CODER].strip()


def coder_key(name: str | None) -> str:
    """The form two coder names are compared in."""
    return clean_coder(name or "").casefold()


def shown_coder(name: str) -> str:
    """A coder name for people: "(no coder)" for the unknown one."""
    return name or "(no coder)"


def coders_listed(known: Iterable[tuple[str, int]]) -> str:
    """The coders of a database and their annotations, for a message: "alice (2), bob (3)"
    ("none yet"); `known` as `annotations.agreement.coders_of` gives them."""
    return ", ".join(f"{shown_coder(name)} ({count})" for name, count in known) or "none yet"
