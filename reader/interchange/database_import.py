"""Another coder's database (`reader.json`) coming in: their annotations, and the articles
they added that this library lacks.

Each coder works in their own copy of the library; `reader import THEIR/reader.json` merges
theirs into ours through the same placing and checking as every import (`importing`):
articles are matched by the SHA-256 of their text, then their URL, then their path; an
annotation by its id, with `core.merge_rule` settling an id both have with different
content. The file is read and every record validated as opening it would (`storage.merging`)
before anything is written; its journal, if it sits beside it, is replayed first.

An article of theirs that no article of ours matches is copied into our library, when its
file is beside their database (their library folder) and no file of ours has its path, so
that their annotations of it have their article to go to: an article file only, holding
the text they annotated, with no link on either side (`copy_missing_articles`).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reader.core.files import read_bounded
from reader.core.records import ArticleRecord
from reader.interchange.fields import ImportFileError
from reader.interchange.importing import Incoming, IncomingFile, annotation_id
from reader.library.article_files import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    is_article_file,
    parse_article,
)
from reader.library.folder import MAX_DEPTH
from reader.storage.atomic import write_new
from reader.storage.database import Store
from reader.storage.merging import MergeError, read_database
from reader.storage.tables import Tables

DATABASE_FORMAT = "reader"


@dataclass
class TheirDatabase:
    """What their database holds, as incoming annotations, and their articles."""

    incoming: IncomingFile
    articles: list[ArticleRecord] = field(default_factory=list)
    folder: Path | None = None


def is_database(data: bytes) -> bool:
    """Whether the start of a file looks like a Reader database (TinyDB layout, meta first)."""
    return re.match(rb'\s*\{\s*"meta"\s*:', data[:200]) is not None


def from_database(path: Path) -> TheirDatabase:
    """Their database read and checked; `ImportFileError` names the file when it cannot be."""
    try:
        tables = read_database(path)
    except MergeError as error:
        raise ImportFileError(str(error)) from None
    incoming = _incoming(tables)
    if incoming.deletions:  # (what they could see: a text their folder holds as they read it)
        incoming.deleters_articles = {
            record.sha256
            for record in tables.articles.values()
            if record.sha256
            and (relative := _article_path(record.path)) is not None
            and _their_article(path.parent, relative, record.sha256) is not None
        }
    return TheirDatabase(incoming, list(tables.articles.values()), path.parent)


def _incoming(tables: Tables) -> IncomingFile:
    incoming = IncomingFile()
    for annotation in tables.annotations.values():
        record = tables.articles.get(annotation.article_id)
        if record is None:
            incoming.refused.append(
                f"{annotation.id}: names article {annotation.article_id}, which the file lacks"
            )
            continue
        incoming.items.append(
            Incoming(
                id=annotation.id,
                quote=annotation.quote,
                start=annotation.start,
                end=annotation.end,
                prefix=annotation.prefix,
                suffix=annotation.suffix,
                source=annotation.source,
                themes=annotation.themes,
                note=annotation.note,
                created=annotation.created,
                updated=annotation.updated,
                article_path=record.path,
                article_uri=record.url or "",
                article_sha256=record.sha256,
                article_title=record.title,
                kind=annotation.kind,
                coder=annotation.coder,
            )
        )
    incoming.descriptions = {
        s.name: s.description for s in tables.sources.values() if s.description
    }
    incoming.deletions = dict(tables.deleted)
    return incoming


def copy_missing_articles(their: TheirDatabase, store: Store, folder: Path) -> list[str]:
    """Copy into `folder` the articles of theirs that no article of ours matches (see the
    module docstring); the paths copied.

    Their database and folder are another person's, so nothing in them is trusted: only an
    article file (.txt, .md; no hidden file or folder, so never a journal, a backup or an
    index) is copied, read from inside their folder with no link on the way, whose text
    is the text they annotated (its SHA-256), written inside ours with no link on the way
    and never over a file that exists."""
    if their.folder is None:
        return []
    records = store.articles()
    ours = [r for r in records if not r.missing]
    hashes = {r.sha256 for r in ours}
    urls = {r.url.rstrip("/") for r in ours if r.url}
    # a path one of our articles has, its file missing or not: their text put there would
    # be read as ours at the next scan, and our annotations moved onto their words
    recorded = {PurePosixPath(r.path) for r in records}
    quotes: dict[str, list[str]] = {}  # their annotations' quotes, by their article's text
    held: dict[str, bool] = {}  # whether we hold every annotation of theirs on it, by id
    for item in their.incoming.items:
        quotes.setdefault(item.article_sha256, []).append(item.quote)
        ours_too = store.annotation(annotation_id(item.id)) is not None
        held[item.article_sha256] = held.get(item.article_sha256, True) and ours_too
    copied = []
    for record in their.articles:
        if record.sha256 in hashes or (record.url and record.url.rstrip("/") in urls):
            continue
        if held.get(record.sha256):
            continue  # taken in before, where they stay (a copy made then, since edited here)
        relative = _article_path(record.path)
        if relative is None:
            continue
        data = _their_article(their.folder, relative, record.sha256)
        if data is None:
            continue
        target = relative
        if relative in recorded or os.path.lexists(folder / Path(*relative.parts)):
            # our article of that name: theirs edited (their annotations go onto ours, as
            # their words read there), or another story under the same name ("Letters to
            # the editor" of another day: their quotes were laid on our letter, without a
            # word), copied in beside it under a free name, for their annotations to go to
            ours_path = folder / Path(*relative.parts)
            if not _another_story(ours_path, data, relative.suffix, quotes.get(record.sha256, [])):
                continue
            target = _free_name(relative, recorded, folder)
        if write_new(folder, target.parts, data):
            copied.append(target.as_posix())
            hashes.add(record.sha256)
            recorded.add(target)
    return copied


# Under this share of word sequences in common, two texts under one name are two stories
# (an edit, even a correction of several paragraphs, keeps most of them)
SAME_STORY = 0.5
# At or over this share, theirs is our story edited, whatever passage differs
EDITED_COPY = 0.9


def _another_story(ours: Path, data: bytes, suffix: str, quoted: list[str]) -> bool:
    """Whether their text is another story than our file's under the same name: a passage
    they annotated (`quoted`) is in their text and not in ours (a letters page of another
    day, its header and footer the same: their quote was left an orphan on ours), or few
    of their three-word sequences are ours. Ours unreadable: not known to be another."""
    try:
        our_text = parse_article(read_bounded(ours, MAX_ARTICLE_BYTES), suffix, str(ours)).text
        their_text = parse_article(data, suffix, "theirs").text
    except (OSError, ArticleError):
        return False
    mine, theirs = _shingles(our_text), _shingles(their_text)
    if not mine or not theirs:
        return mine != theirs
    shared = len(mine & theirs) / min(len(mine), len(theirs))
    if shared >= EDITED_COPY:
        return False  # (a typo mended inside their quote: the same story still)
    if any(quote and quote in their_text and quote not in our_text for quote in quoted):
        return True
    return shared < SAME_STORY


# The words of a text compared (a story runs to a few thousand; an article of megabytes is
# judged by its first part, in bounded memory)
SHINGLED_WORDS = 50_000


def _shingles(text: str) -> set[int]:
    """The text's three-word runs, each kept as its hash."""
    words = text.casefold().split(maxsplit=SHINGLED_WORDS)[:SHINGLED_WORDS]
    return (
        {hash(tuple(words[i : i + 3])) for i in range(max(len(words) - 2, 1))} if words else set()
    )


def _free_name(relative: PurePosixPath, taken: set[PurePosixPath], folder: Path) -> PurePosixPath:
    """`name-2.txt`, `name-3.txt`, …: the first that neither a record nor a file holds."""
    for number in range(2, 10_000):
        candidate = relative.with_name(f"{relative.stem}-{number}{relative.suffix}")
        if candidate not in taken and not os.path.lexists(folder / Path(*candidate.parts)):
            return candidate
    return relative  # (never free: write_new then refuses it, replacing nothing)


def _article_path(path: str) -> PurePosixPath | None:
    """`path` as a relative path to an article file, or None: absolute, "..", a hidden
    part (".reader.json.journal", ".reader-backups/…") or not an article's suffix."""
    relative = PurePosixPath(path)
    if (
        "\x00" in path  # (a ValueError mid-import, after articles were copied)
        # (deeper than the library's scan reads: copied, never listed; 1,500 folders deep,
        # and then five, an attack's findings)
        or len(relative.parts) > MAX_DEPTH + 1
        or relative.is_absolute()
        or not relative.parts
        or any(part in {"", ".", ".."} or part.startswith(".") for part in relative.parts)
        or "\\" in path
        or not is_article_file(Path(relative.name))
    ):
        return None
    return relative


def _no_link_inside(folder: Path, relative: PurePosixPath) -> Path | None:
    """`folder / relative` when no part of it below `folder` is a link (None otherwise, or
    when a part is missing)."""
    path = folder
    for part in relative.parts:
        path = path / part
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return None
        except OSError:
            return None
    return path


def _their_article(folder: Path, relative: PurePosixPath, sha256: str) -> bytes | None:
    """The bytes of their article file when it is one and holds the text they annotated."""
    source = _no_link_inside(folder, relative)
    if source is None:
        return None
    try:
        data = read_bounded(source, MAX_ARTICLE_BYTES, follow_links=False)
        content = parse_article(data, source.suffix.lower(), str(source))
    except (OSError, ArticleError):
        return None
    return data if content.sha256 == sha256 else None
