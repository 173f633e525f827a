"""A library folder and its articles as the database knows them.

`Library.scan()` brings the database in line with the folder: new files are registered with a
new id, changed files get their new title and hash and their annotations are re-anchored to
the new text (`reader.core.anchoring`; what cannot be placed is marked orphaned, never deleted),
a file that moved (same text, new path) keeps its id and annotations (two files whose names
were swapped, or one moved over another, too: a file holding a record's text exactly is
that record, wherever it was), and a file that
disappeared is marked missing, never deleted, so its annotations stay. Files that cannot be read are skipped with a one-line reason.
Unchanged files (same size and modification time) are not read again, so a library of
hundreds of articles opens at once; a file whose time alone changed (a clone, a pull) is
noted in this machine's record beside the database (`file_stats`), not in the database, so
that looking at a library just pulled does not change the file teammates share.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, TypedDict

from reader.core.records import Annotation, ArticleRecord
from reader.core.text import clean_line
from reader.library.article_files import (
    MAX_TITLE_CHARS,
    ArticleContent,
    ArticleError,
    is_article_file,
    read_article,
)
from reader.library.file_stats import FileStats
from reader.storage.database import Store

MAX_DEPTH = 4


@dataclass
class ScanReport:
    """What one scan found: counts for the status line, reasons for skipped files."""

    added: list[ArticleRecord] = field(default_factory=list)
    changed: list[ArticleRecord] = field(default_factory=list)
    moved: list[ArticleRecord] = field(default_factory=list)
    missing: list[ArticleRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    reanchored: int = 0
    reworded: list[Annotation] = field(default_factory=list)  # placed, but their words changed
    words_before: dict[str, str] = field(default_factory=dict)  # a reworded one's old quote, by id
    orphaned: list[Annotation] = field(default_factory=list)

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.moved or self.missing)


class Library:
    """One folder of article files and the store that holds their annotations."""

    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = Path(folder)
        self.store = store
        # Files that could not be read, by their (size, mtime): reported once, retried when
        # they change.
        self._skipped: dict[str, tuple[int, float]] = {}
        # The files whose time alone changed (a clone, a pull), kept out of the database
        self._stats = FileStats(store.path)
        # Every file read again at the next scan whatever its size and time say: an opened
        # article was found holding another article's text (names swapped, sizes and times
        # alike)
        self._reread_all = False

    def files(self) -> list[str]:
        """Article files under the folder, as sorted relative POSIX paths."""
        return library_files(self.folder)

    def path_of(self, record: ArticleRecord) -> Path:
        """The article's file, inside the folder; `ArticleError` when the record names one
        outside it (see `inside`)."""
        path = inside(self.folder, record.path)
        if path is None:
            raise ArticleError(
                f"{clean_line(record.path)}: names a file outside the library folder, so it is "
                "not read; `reader doctor` lists the articles of the database"
            )
        return path

    def load(self, record: ArticleRecord) -> ArticleContent:
        """Read an article's file; raises `ArticleError` with a one-line message."""
        return read_article(self.path_of(record))

    def text_of(self, article_id: int) -> str | None:
        """An article's text as its file holds it now; None when it is gone or unreadable."""
        record = self.store.article(article_id)
        if record is None or record.missing:
            return None
        try:
            return self.load(record).text
        except (ArticleError, OSError):
            return None

    def scan(self) -> ScanReport:
        """Bring the database in line with the folder; see the module docstring.

        A folder where nothing changed costs one `stat` per file and no lock; otherwise all
        the changes are written to the database at once, at the end.
        """
        if not self._anything_new():
            return ScanReport()
        with self.store.batch():
            report = self._scan()
        self._reread_all = False
        self._stats.save()
        return report

    def _current(self, relative: str, record: ArticleRecord, info: os.stat_result) -> bool:
        """Whether the file is as the database, or this machine's record of the files
        whose time alone changed, last saw it (and no look at a text said to read it
        again)."""
        if self._reread_all:
            return False
        return _same_file(record, info) or self._stats.same(relative, info, record.sha256)

    def _anything_new(self) -> bool:
        if self._reread_all:
            return True
        known = _by_path(self.store.articles())
        files = self.files()
        readable = {path for path, r in known.items() if not r.missing}
        if set(files) - set(self._skipped) != readable:
            return True
        for relative in files:
            try:
                info = (self.folder / relative).stat()
            except OSError as error:
                if self._skipped.get(relative) != _unreadable(error):
                    return True  # (a link to nothing: said once, not at every look)
                continue
            skipped = self._skipped.get(relative)
            if skipped == _BAD_NAME:
                continue
            if skipped is not None:
                if skipped != (info.st_size, info.st_mtime):
                    return True
            elif not self._current(relative, known[relative], info):
                return True
        return False

    def _scan(self) -> ScanReport:
        report = ScanReport()
        records = self.store.articles()
        known = _by_path(records)
        sharing: dict[str, list[ArticleRecord]] = {}
        for each in records:
            sharing.setdefault(each.path, []).append(each)
        present = set()
        read_here: set[str] = set()  # the files read (not trusted by their size and time)
        bumped: list[ArticleRecord] = []  # records whose path another record took back
        brought_back: set[int] = set()  # (and those others: never moved again this scan)
        fresh: list[tuple[str, os.stat_result, ArticleContent]] = []
        for relative in self.files():
            path = self.folder / relative
            if not utf8_name(relative):
                if self._skipped.get(relative) != _BAD_NAME:
                    report.skipped.append(
                        f"{shown_path(path)}: its name is not UTF-8 text; rename it to read it"
                    )
                    self._skipped[relative] = _BAD_NAME
                continue
            try:
                info = path.stat()
            except OSError as error:
                if self._skipped.get(relative) != _unreadable(error):
                    report.skipped.append(f"{path}: cannot read it ({error.strerror})")
                    self._skipped[relative] = _unreadable(error)
                continue
            record = known.get(relative)
            if record and not record.missing and self._current(relative, record, info):
                present.add(relative)
                continue
            if self._skipped.get(relative) == (info.st_size, info.st_mtime):
                continue  # still unreadable, and already reported
            try:
                if outside := skipped_unread(self.folder, relative):
                    raise ArticleError(outside)
                content = read_article(path)
            except ArticleError as error:
                report.skipped.append(str(error))
                self._skipped[relative] = (info.st_size, info.st_mtime)
                continue
            self._skipped.pop(relative, None)
            present.add(relative)
            read_here.add(relative)
            if record is not None and record.sha256 != content.sha256:
                # another record of this path whose text it is: that one, back (two records
                # share a path once one file was moved over another's name); the one that
                # held the path no longer holds its text
                back = next(
                    (r for r in sharing.get(relative, ()) if r.sha256 == content.sha256), None
                )
                if back is not None:
                    bumped.append(record)
                    brought_back.add(back.id)
                    record = back
            if record is None or record.sha256 != content.sha256:
                fresh.append((relative, info, content))  # (an edit, unless a move: below)
                continue
            updated = _as_read(record, info, content)
            if replace(updated, size=record.size, mtime=record.mtime) == record:
                # its time alone changed (a clone, a pull; a size too, for line endings
                # git converted): noted on this machine, the shared database left as it is
                self._stats.note(relative, info, record.sha256)
            elif updated != record:
                self.store.update_article(updated)
        self._stats.keep_only(present)
        fresh += self._trusted_but_changed(fresh, known, read_here)
        displaced, overwritten = _displaced(records, known, present, fresh, bumped)
        for back_id in brought_back:
            displaced.pop(back_id, None)
        editable = {  # files whose article is there and was not overwritten: edits
            relative
            for relative, _, _ in fresh
            if (held := known.get(relative)) is not None
            and not held.missing
            and held.id not in overwritten
        }
        moves = _moves(fresh, displaced, self.store.annotation_count, editable)
        moved_ids = {r.id for r in moves.values()}
        new: list[dict[str, Any]] = []  # registered together: one notice for all
        for relative, info, content in fresh:
            mover = moves.get(relative)
            if mover is not None:  # its text, at another name: renamed, or names swapped
                moved = replace(_as_read(mover, info, content), path=relative, missing=False)
                self.store.update_article(moved)
                report.moved.append(moved)
                continue
            record = known.get(relative)
            if (
                record is not None
                and record.id not in moved_ids
                and record.id not in overwritten  # (another's text: a copy over it, no edit)
                and not (record.missing and len(sharing.get(relative, ())) > 1)
            ):
                updated = _as_read(record, info, content)  # edited in place
                self.store.update_article(updated)
                report.changed.append(updated)
                self._reanchor(updated, content.text, report)
                continue
            new.append(
                {
                    "path": relative,
                    "title": content.title,
                    "sha256": content.sha256,
                    "size": info.st_size,
                    "mtime": info.st_mtime,
                    **_meta_fields(content),
                }
            )
        report.added += self.store.add_articles(new)
        for record in displaced.values():
            if record.id in moved_ids or record.missing:
                continue
            if record.path not in present or record.path in moves or record.id in overwritten:
                lost = replace(record, missing=True)
                self.store.update_article(lost)
                report.missing.append(lost)
        return report

    def _trusted_but_changed(
        self,
        fresh: list[tuple[str, os.stat_result, ArticleContent]],
        known: dict[str, ArticleRecord],
        read_here: set[str],
    ) -> list[tuple[str, os.stat_result, ArticleContent]]:
        """The files trusted by their size and time whose article's text a file of new text
        holds, read now, when they hold another text (names rotated under the same sizes and
        times: the moved text had been registered as a new article, and the article it was
        left missing)."""
        texts = {content.sha256 for _, _, content in fresh}
        found: list[tuple[str, os.stat_result, ArticleContent]] = []
        looked: set[str] = set()
        more = True
        while more:  # (a chain: each file read may hold the text of the next one trusted)
            more = False
            for relative, record in known.items():
                if (
                    record.missing
                    or relative in read_here
                    or relative in looked
                    or record.sha256 not in texts
                ):
                    continue
                looked.add(relative)
                path = self.folder / relative
                try:
                    info, content = path.stat(), read_article(path)
                except (ArticleError, OSError):
                    continue
                if content.sha256 != record.sha256:
                    found.append((relative, info, content))
                    texts.add(content.sha256)
                    more = True
        return found

    def text_read(self, record: ArticleRecord, content: ArticleContent) -> ScanReport:
        """An article's text, read now to be shown: when it is not the text the database
        has (an edit that kept the file's size and time, which a scan trusts: `cp -p`,
        `rsync -a`, a copy put back), the record and its annotations follow it as a scan
        has them follow an edit, and the report says so. (The article showed the new
        words and its annotations, and every export, the old.)"""
        if content.sha256 == record.sha256 or record.missing or self.store.read_only:
            return ScanReport()  # (read-only: shown as it reads; nothing can follow it)
        if any(r.sha256 == content.sha256 for r in self.store.articles()):
            # another article's text exactly: names swapped (or rotated) under the same sizes
            # and times, which a scan trusts; every file read again as a scan reads moves (as
            # an edit, each article's annotations were put on the other's words; reading
            # only the two files missed the third of a rotation)
            self._reread_all = True
            return self.scan()
        try:
            info = self.path_of(record).stat()
        except (ArticleError, OSError):
            return ScanReport()
        report = ScanReport()
        with self.store.batch():
            current = self.store.article(record.id)
            if current is None or current.sha256 == content.sha256:
                return report  # (a scan took it in meanwhile)
            updated = _as_read(current, info, content)
            self.store.update_article(updated)
            report.changed.append(updated)
            self._reanchor(updated, content.text, report)
        return report

    def _reanchor(self, record: ArticleRecord, text: str, report: ScanReport) -> None:
        from reader.core.anchoring import reanchor_all  # rapidfuzz: only when a text changed

        annotations = self.store.annotations_for(record.id)
        before = {a.id: a.quote for a in annotations}
        changed = reanchor_all(annotations, text)
        if changed:
            self.store.save_annotations(changed)
            report.reanchored += sum(not a.orphaned for a in changed)
            report.orphaned += [a for a in changed if a.orphaned]
            reworded = [  # ("no smoke alarm" now "no working smoke alarm": say so)
                a
                for a in changed
                if not a.orphaned and a.quote.split() != before.get(a.id, a.quote).split()
            ]
            report.reworded += reworded
            report.words_before.update((a.id, before[a.id]) for a in reworded if a.id in before)


WEB_PAGE_SUFFIXES = frozenset({".html", ".htm"})


def _by_path(records: Sequence[ArticleRecord]) -> dict[str, ArticleRecord]:
    """Each path's record: one whose file is there before one marked missing (an article
    moved over another's name leaves that other, missing, at the same path; taken for the
    file's record, it read the moved text as its own edit, its annotations on another's
    words)."""
    known: dict[str, ArticleRecord] = {}
    for record in records:
        held = known.get(record.path)
        if held is None or (held.missing and not record.missing):
            known[record.path] = record
    return known


def _displaced(
    records: Sequence[ArticleRecord],
    known: dict[str, ArticleRecord],
    present: set[str],
    fresh: list[tuple[str, os.stat_result, ArticleContent]],
    bumped: list[ArticleRecord],
) -> tuple[dict[int, ArticleRecord], set[int]]:
    """The records whose text may have gone to another file: those whose file is gone (or
    was already missing), and those whose file now holds another record's text exactly
    (names swapped, a file moved over another) or whose own text is in another new file
    with their file's size and time (moved, a new file put at the old name: `mv` keeps
    the time; a copy kept beside an edited file, `cp`, does not, and the edit stays an
    edit)."""
    by_text: dict[str, list[ArticleRecord]] = {}
    for record in records:
        by_text.setdefault(record.sha256, []).append(record)
    displaced = {r.id: r for r in records if r.missing or r.path not in present}
    overwritten = {r.id for r in bumped}  # (their file holds another's text: no edit of theirs)
    displaced.update((r.id, r) for r in bumped)
    for relative, _, content in fresh:
        here = known.get(relative)
        if here is None or here.missing:
            continue
        others = [o for o in by_text.get(content.sha256, []) if o.id != here.id]
        holds_anothers = bool(others)
        moved_whole = any(
            elsewhere != relative
            and text.sha256 == here.sha256
            and (info.st_size, info.st_mtime) == (here.size, here.mtime)
            for elsewhere, info, text in fresh
        )
        if holds_anothers or moved_whole:
            displaced[here.id] = here
        if any(
            (not o.missing and (o.path not in present or o.id in displaced))
            or (o.missing and o.path == relative)
            for o in others
        ):
            # another's text that left its own file: moved over this one. (One whose file
            # still holds it was copied here, or this article put back to an earlier text a
            # copy kept: an edit, as it had been; "undo" of an edit beside a kept copy had
            # left the article missing behind a duplicate.)
            overwritten.add(here.id)
    return displaced, overwritten


def _moves(
    files: list[tuple[str, os.stat_result, ArticleContent]],
    displaced: dict[int, ArticleRecord],
    annotated: Callable[[int], int],
    editable: set[str],
) -> dict[str, ArticleRecord]:
    """Which displaced record each file of new or changed text is, by that text: the file
    that holds a record's text exactly, at another name, is that record moved there (two
    files whose names were swapped had been two edits, and every annotation of both was
    orphaned). A record is moved once; a file no record's text is in is no move."""
    by_text: dict[str, ArticleRecord] = {}
    # Of records with one text, the one whose file held it until now, then the one with
    # annotations (a copy deleted long ago had taken the text, and the annotated article
    # was left missing)
    ranked = sorted(displaced.values(), key=lambda r: (r.missing, -annotated(r.id), r.id))
    for displaced_record in ranked:
        by_text.setdefault(displaced_record.sha256, displaced_record)
    moves: dict[str, ArticleRecord] = {}
    for relative, _, content in files:
        found = by_text.get(content.sha256)
        if (
            found is not None
            and (found.path != relative or found.missing)
            # an edit of the article there is never a long-missing record with nothing on
            # it come back (an article put back to an earlier text that a copy, deleted
            # since, had held); one with annotations is (a file moved over it, missed)
            and not (
                relative in editable
                and found.missing
                and found.path != relative
                and not annotated(found.id)
            )
        ):
            moves[relative] = found
            del by_text[content.sha256]
    return moves


def skipped_unread(folder: Path, relative: str) -> str:
    """Why a scan skips a file of the folder without reading it (a name that is not UTF-8,
    a link out of the folder), in one line; "" when it reads it. (`doctor` says the same:
    it had promised to add such files, "not yet registered", which no scan ever does.)"""
    path = folder / relative
    if not utf8_name(relative):
        return f"{shown_path(path)}: its name is not UTF-8 text; rename it to read it"
    if inside(folder, relative) is None:
        return (
            f"{shown_path(path)}: a link that leads outside the library folder; not read "
            "(copy the file in to read it)"
        )
    return ""


def web_pages(root: Path, limit: int = 1000) -> list[str]:
    """Saved web pages lying in a library folder (at most `limit`): not articles until
    `reader add` cleans them to their story, which a user who saved one there expects."""
    return _files_under(
        root,
        lambda path: path.suffix.lower() in WEB_PAGE_SUFFIXES and not path.name.startswith("."),
        limit,
    )


def library_files(root: Path) -> list[str]:
    """The article files of a library folder, as sorted relative POSIX paths: not inside
    hidden folders (`.reader-backups/articles/` keeps old copies) nor deeper than
    `MAX_DEPTH`; what Reader lists, and what `reader doctor` counts."""
    return _files_under(root, is_article_file)


def inside(folder: Path, relative: str) -> Path | None:
    """The file `relative` names in `folder`, or None when it names one outside: an
    absolute path, a "..", or a link on the way that leads out. An article's path comes
    from the database, which a teammate's merged or synced file can write, and a shared
    folder can carry links: neither may choose a file elsewhere on this machine (a key
    read into an export, a file written over by an update)."""
    parts = PurePosixPath(relative).parts
    if not parts or "\x00" in relative or PurePosixPath(relative).is_absolute() or ".." in parts:
        return None
    path = folder / relative
    try:
        root = folder.resolve()
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):  # (a loop of links, a name the OS refuses)
        return None
    return path if resolved.is_relative_to(root) and resolved != root else None


def _files_under(root: Path, keep: Callable[[Path], bool], limit: int | None = None) -> list[str]:
    """The files under `root` that `keep` takes, outside hidden folders and at most
    `MAX_DEPTH` deep, as sorted relative POSIX paths (the first `limit` found, if given)."""
    found: list[str] = []
    for current, dirs, names in os.walk(root):
        depth = len(Path(current).relative_to(root).parts)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and depth < MAX_DEPTH)
        for name in names:
            path = Path(current, name)
            if keep(path):
                found.append(path.relative_to(root).as_posix())
                if limit is not None and len(found) >= limit:
                    return sorted(found)
    return sorted(found)


_BAD_NAME = (-2, 0.0)  # what `_skipped` keeps for a file whose name is not UTF-8


def utf8_name(name: str) -> bool:
    """Whether a file name read from the disk is UTF-8 text (a name in another encoding,
    from an old archive, comes with undecodable bytes that no database can hold)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_path(path: Path) -> str:
    """A path as a message can show it, its undecodable bytes written as escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _unreadable(error: OSError) -> tuple[int, float]:
    """What `_skipped` keeps for a file that cannot even be looked at (a link to nothing,
    a loop of links): reported once, until the reason changes."""
    return (-1, float(error.errno or 0))


def _as_read(record: ArticleRecord, info: os.stat_result, content: ArticleContent) -> ArticleRecord:
    """The record of an article file whose text was read now."""
    return replace(
        record,
        title=content.title,
        sha256=content.sha256,
        size=info.st_size,
        mtime=info.st_mtime,
        missing=False,
        **_meta_fields(content),
    )


def _same_file(record: ArticleRecord, info: os.stat_result) -> bool:
    return record.size == info.st_size and record.mtime == info.st_mtime


class _Meta(TypedDict):
    author: str | None
    site: str | None
    url: str | None
    published: str | None


def _meta_fields(content: ArticleContent) -> _Meta:
    meta = content.meta  # a file's front matter: any text, escape sequences included

    def field(value: str | None, limit: int = MAX_TITLE_CHARS) -> str:
        return clean_line(value or "")[:limit]  # (bounded, as a title is)

    return {
        "author": field(meta.get("author")) or None,
        "site": field(meta.get("site")) or None,
        "url": field(meta.get("url"), 8_000).replace(" ", "%20") or None,
        "published": field(meta.get("published") or meta.get("date"), 100) or None,
    }
