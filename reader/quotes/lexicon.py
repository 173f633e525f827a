"""The word lists of quote finding, read once from the plain-text files of `data/`.

Each list is a file `reader/quotes/data/NAME.txt`: one entry per line, `#` starting a
comment, blank lines ignored. Tuning a list is editing its file, never the code. Entries
are kept as written (most lists are lowercase); `words` gives a set, `entries` the entries
in file order, `table` the first word of each line mapped to the rest.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of `data/NAME.txt`, in file order (a missing file is an error)."""
    text = files(__package__).joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            found.append(" ".join(entry.split()))
    return tuple(found)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of `data/NAME.txt` as a set."""
    return frozenset(entries(name))


@cache
def folded(name: str) -> frozenset[str]:
    """The entries of `data/NAME.txt`, casefolded (for names written with their capitals)."""
    return frozenset(entry.casefold() for entry in entries(name))


@cache
def table(name: str) -> dict[str, str]:
    """`data/NAME.txt` read as "key value" lines: the key (casefolded) to its value."""
    pairs: dict[str, str] = {}
    for entry in entries(name):
        key, _, value = entry.partition(" ")
        pairs.setdefault(key.casefold(), value.strip())
    return pairs
