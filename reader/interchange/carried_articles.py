"""Articles a file carries whole (a REFI-QDA project's sources), added to a library that
lacks them, so that a project from a QDA tool or a teammate imports on its own.

Each text whose SHA-256 no article of the library has is written as a new `.txt` file in
the library folder, named after its source's name (`core.paths.slug`, never a device name),
beside and never over any file, following no link (`storage.atomic.write_new`). Nothing a
file says chooses a path: the name is made of the source name's letters and digits only.
A file carrying more articles than a study imports at once is refused before one is written;
a text the library has under other white space (a tool that trims the last line break) is
not written again, its annotations going to ours.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

from reader.core.paths import is_device_name, slug
from reader.core.records import ArticleRecord
from reader.core.text import clean_line
from reader.interchange.fields import ImportFileError
from reader.interchange.importing import IncomingText
from reader.library.article_files import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    is_article_file,
    text_hash,
)
from reader.library.folder import Library
from reader.storage.atomic import write_new

MAX_CARRIED = 5000  # articles one import may add (a corpus of a study, not a flood)


def add_carried_articles(
    texts: Mapping[str, IncomingText], library: Library, name: str
) -> tuple[list[str], dict[str, str]]:
    """Write into the library's folder the texts (by SHA-256) whose article it lacks: the
    paths written (relative to the folder), and the texts it has under other white space
    (a QDA tool that trims the last line break), each mapped to the SHA-256 of ours, for
    their annotations to go to. All or nothing: a text that cannot be written (over 64 MB,
    no free name, a full disk, a read-only folder) takes back what this import wrote and
    is `ImportFileError` (their annotations had gone, by title, onto another article)."""
    store, folder = library.store, library.folder
    records = [r for r in store.articles() if not r.missing]
    ours = {r.sha256 for r in records}
    missing = {sha: text for sha, text in texts.items() if sha not in ours}
    if len(missing) > MAX_CARRIED:
        raise ImportFileError(
            f"{name}: carries {len(missing):,} articles this library lacks, more than the "
            f"{MAX_CARRIED:,} Reader adds from one file; import it into a library that has them"
        )
    same_as_ours: dict[str, str] = {}
    if missing:
        loose = _loose_hashes(library, records)
        for sha, carried in list(missing.items()):
            found = loose.get(text_hash(_loose(carried.text)))
            if found is not None:
                same_as_ours[sha] = found
                del missing[sha]
    taken = {r.path.casefold() for r in store.articles()}
    written: list[str] = []
    first_of: dict[str, str] = {}  # (a loose text this file carries twice: written once)
    for sha, carried in missing.items():
        twin = first_of.setdefault(text_hash(_loose(carried.text)), sha)
        if twin != sha:
            same_as_ours[sha] = twin
            continue
        data = carried.text.encode("utf-8")
        why = ""
        file_name = _free_name(folder, carried.title, taken, sha)
        if len(data) > MAX_ARTICLE_BYTES:
            why = f"its text is over {MAX_ARTICLE_BYTES >> 20} MB"
        elif file_name is None or not write_new(folder, (file_name,), data):
            why = "it cannot be written into the library (full, read-only, or a name in the way)"
        if why:
            for done in written:
                with contextlib.suppress(OSError):
                    (folder / done).unlink()
            shown = clean_line(carried.title)[:80] or "a source with no name"
            raise ImportFileError(f"{name}: its source “{shown}”: {why}; nothing was imported")
        assert file_name is not None
        taken.add(file_name.casefold())
        written.append(file_name)
    return written, same_as_ours


def _loose(text: str) -> str:
    """A text with the white space a tool may trim at its end taken out of the comparison
    (only there: a change of white space inside would move every position after it, and
    their annotations had been laid on later repeats of their words, an attack)."""
    return text.rstrip()


def _loose_hashes(library: Library, records: list[ArticleRecord]) -> dict[str, str]:
    """Our articles' texts by their loose form's SHA-256 (see `_loose`), each to its own."""
    found: dict[str, str] = {}
    for record in records:
        try:
            text = library.load(record).text
        except ArticleError:
            continue
        found.setdefault(text_hash(_loose(text)), record.sha256)
    return found


def _free_name(folder: Path, title: str, taken: set[str], sha256: str) -> str | None:
    """A new `.txt` name in `folder` made from the title, that no file and no article of
    the library has: the title's, numbered, then with the text's hash (None if even that
    is in the way)."""
    stem = slug(title) or "article"
    if is_device_name(stem) or not is_article_file(folder / f"{stem}.txt"):
        stem = f"{stem}-article"
    numbered = (f"{stem}.txt" if n == 1 else f"{stem}-{n}.txt" for n in range(1, 100))
    for candidate in (*numbered, f"{stem}-{sha256[:16]}.txt"):
        if candidate.casefold() not in taken and not os.path.lexists(folder / candidate):
            return candidate
    return None
