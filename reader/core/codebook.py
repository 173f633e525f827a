"""Names of sources and themes: how they are cleaned, compared, listed and coloured.

Names keep the case the user typed but compare case-insensitively with white space folded
("doug  king" is "Doug King"). Themes nest one level with a slash (`policing/oversight`);
a theme list is typed comma-separated. A theme's colour is the one the user picked, else one
from a fixed palette chosen by a stable hash of its name, so it never changes between runs.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Iterable
from functools import lru_cache

from reader.core.text import clean_line

# Distinct hues that read well as a dimmed background on dark and light terminals.
PALETTE: tuple[str, ...] = (
    "#e5a50a",  # amber
    "#3584e4",  # blue
    "#2ec27e",  # green
    "#e66100",  # orange
    "#9141ac",  # purple
    "#1c9fa8",  # teal
    "#e01b24",  # red
    "#c061cb",  # pink
    "#865e3c",  # brown
    "#6f9e2b",  # olive
)
UNTHEMED_COLOUR = "#8a8a8a"


MAX_NAME_CHARS = 200  # a source or a theme; a longer "name" is no name (see clean_name)
MAX_THEME_DEPTH = 12  # levels of a theme path ("a/b/c")


def clean_name(name: str) -> str:
    """A name as stored: one line, white space folded, slashes without blanks around them,
    at most `MAX_NAME_CHARS` characters and `MAX_THEME_DEPTH` levels (an imported source of
    100,000 words made every search take 50 s; a theme 40,000 levels deep took the analysis
    screen past 6 GB)."""
    cleaned = clean_line(name[: MAX_NAME_CHARS * 4])[:MAX_NAME_CHARS].strip()
    if "/" in cleaned:
        parts = [part.strip() for part in cleaned.split("/") if part.strip()]
        cleaned = "/".join(parts[:MAX_THEME_DEPTH])
    return cleaned


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The form two names are compared in."""
    return clean_name(name).casefold()


def parse_themes(value: str) -> list[str]:
    """Themes typed as `a, b, parent/child`: cleaned, empty ones dropped, duplicates once."""
    return unique_names(value.split(","))


def unique_names(names: Iterable[str]) -> list[str]:
    """Names cleaned, empty ones dropped, and each kept once (first spelling wins)."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in names:
        name = clean_name(raw)
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            result.append(name)
    return result


def format_themes(themes: Iterable[str]) -> str:
    """The typed form of a theme list, as the tag dialog shows it."""
    return ", ".join(themes)


def theme_colour(name: str, chosen: str | None = None) -> str:
    """The colour of a theme: the chosen one, else a stable palette colour by name."""
    if chosen:
        return chosen
    parent = name_key(name).split("/", 1)[0]
    return PALETTE[zlib.crc32(parent.encode("utf-8")) % len(PALETTE)]


def stable_slots(previous: list[str], ranked: list[str], size: int = 9) -> list[str]:
    """The quick-theme keys: the `size` most used themes, each keeping its slot while it stays.

    `ranked` is the current most-used list. A theme already on a key keeps that key as long
    as it is among the top `size`; newcomers take the freed keys in rank order, so the
    numbers under the user's fingers do not move with every tag.
    """
    top = ranked[:size]
    wanted = {name_key(t) for t in top}
    slots: list[str | None] = [t if name_key(t) in wanted else None for t in previous[:size]]
    placed = {name_key(t) for t in slots if t}
    newcomers = iter(t for t in top if name_key(t) not in placed)
    for index, slot in enumerate(slots):
        if slot is None:
            slots[index] = next(newcomers, None)
    slots.extend(newcomers)
    return [t for t in slots if t]


def without_accents(text: str) -> str:
    """The text with its accents taken off (NFKD, combining marks dropped)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_name(name: str) -> str:
    """A name as two spellings of one code compare: case, accents, apostrophes and blanks
    aside ("Amelie Cote" and "Amélie Côté", "tenants’ rights", "tenants' rights" and
    "tenants rights" are one; "C++" and "C", "Jean-Luc" and "Jean Luc" are not)."""
    bare = without_accents(name).casefold().translate(_APOSTROPHES)
    return "/".join(" ".join(part.split()) for part in bare.split("/"))


_APOSTROPHES = str.maketrans(dict.fromkeys("'’‘ʼ`´"))
