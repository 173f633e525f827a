"""Articles a file carries whole (a REFI-QDA project's sources), added to a library that
lacks them, so that a project from a QDA tool or a teammate imports on its own.

Each text whose SHA-256 no article of the library has is written as a new `.txt` file in
the library folder, named after its source's name (`core.paths.slug`, never a device name),
beside and never over any file, following no link (`storage.atomic.write_new`). Nothing a
file says chooses a path: the name is made of the source name's letters and digits only.
A file carrying more articles than a study imports at once is refused before one is written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from reader.core.paths import is_device_name, slug
from reader.interchange.fields import ImportFileError
from reader.interchange.importing import IncomingText
from reader.library.article_files import MAX_ARTICLE_BYTES, is_article_file
from reader.storage.atomic import write_new
from reader.storage.database import Store

MAX_CARRIED = 5000  # articles one import may add (a corpus of a study, not a flood)


def add_carried_articles(
    texts: Mapping[str, IncomingText], store: Store, folder: Path, name: str
) -> list[str]:
    """Write into `folder` the texts (by SHA-256) whose article the library lacks; the
    paths written, relative to the folder. `ImportFileError` (nothing written) when there
    are more than `MAX_CARRIED`."""
    records = store.articles()
    ours = {r.sha256 for r in records if not r.missing}
    missing = {sha: text for sha, text in texts.items() if sha not in ours}
    if len(missing) > MAX_CARRIED:
        raise ImportFileError(
            f"{name}: carries {len(missing):,} articles this library lacks, more than the "
            f"{MAX_CARRIED:,} Reader adds from one file; import it into a library that has them"
        )
    taken = {r.path.casefold() for r in records}
    written: list[str] = []
    for carried in missing.values():
        data = carried.text.encode("utf-8")
        if len(data) > MAX_ARTICLE_BYTES:
            continue  # (its annotations are said not placed: no article)
        file_name = _free_name(folder, carried.title, taken)
        if file_name is not None and write_new(folder, (file_name,), data):
            taken.add(file_name.casefold())
            written.append(file_name)
    return written


def _free_name(folder: Path, title: str, taken: set[str]) -> str | None:
    """A new `.txt` name in `folder` made from the title, that no file and no article of
    the library has (None after a thousand tries)."""
    stem = slug(title) or "article"
    if is_device_name(stem) or not is_article_file(folder / f"{stem}.txt"):
        stem = f"{stem}-article"
    for number in range(1, 1000):
        candidate = f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt"
        if candidate.casefold() not in taken and not os.path.lexists(folder / candidate):
            return candidate
    return None
