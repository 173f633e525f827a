"""The annotation database: one TinyDB JSON file with articles, annotations and codebook.

Tables (see DESIGN.md): `meta` (schema and writer version, next article id), `articles`,
`annotations`, `sources`, `themes`. The `Store` keeps a model of them in memory for reads
and makes every change a *transaction*: it takes the thread lock and the file lock, reloads
the file if another process changed it since we last saw it, applies the change through
TinyDB, and writes the whole file once, atomically (`AtomicJSONStorage`). So two Readers on
one database never overwrite each other's work: each writes on top of the other's latest
state. (Two edits of the *same* annotation: the later one wins.)

Change detection is exact: every write replaces the file (a new inode), and the store keeps
the file it last read or wrote open, so its inode cannot be reused; a different inode at
the path means someone else wrote. Before a write replaces the file, due rotating backups
are taken (`Backups`). A damaged file, or one from a newer Reader, is refused with a
one-line message and never overwritten; an older schema is migrated after a backup.

Threading: the UI runs writes off its thread. Reads used by the UI (`annotations_for`,
`article`, counts, the codebook) return immutable snapshots and never wait for a write.
Listeners hear of every change, our own and (through `refresh()` or a transaction's
reload) other processes'; they run on the writing thread.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, BinaryIO

import msgspec
from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.table import Document

from reader import __version__
from reader.core.codebook import clean_name, name_key, unique_names
from reader.core.collector import collector_paused
from reader.core.records import (
    QUICK_KEYS,
    Annotation,
    ArticleRecord,
    Change,
    DatabaseFile,
    Listener,
    RecordError,
    Source,
    Theme,
    checked,
    now,
)
from reader.core.text import clean_line
from reader.storage.atomic import write_atomically
from reader.storage.backups import Backups
from reader.storage.migrations import SCHEMA_VERSION, migrate, schema_of
from reader.storage.tinydb_storage import AtomicJSONStorage, StorageError

LOCK_TIMEOUT = 15.0
RECOVERY = "`reader restore` goes back to a backup; `reader doctor` checks and repairs"


class StoreError(Exception):
    """The database cannot be used; the message is one line naming the file and what to do."""


def lock_path(db: Path) -> Path:
    """The lock file that serialises writers of `db`."""
    return db.with_name(f".{db.name}.lock")


@contextlib.contextmanager
def locked(db: Path, lock: FileLock | None = None) -> Iterator[None]:
    """Hold the writers' lock of `db` (an OS file lock, released if the process dies)."""
    lock = lock or FileLock(str(lock_path(db)), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"{db}: another Reader has held the lock for {LOCK_TIMEOUT:.0f} s; try again, "
            f"or delete {lock_path(db)} if no Reader is running"
        ) from None
    except OSError as error:
        raise StoreError(
            f"{lock_path(db)}: cannot lock the database ({error.strerror}); check the folder "
            "is writable"
        ) from None
    try:
        yield
    finally:
        lock.release()


class Store:
    """The database of one library: articles, annotations and the codebook."""

    def __init__(self, path: Path, *, backups: bool = True) -> None:
        self.path = _real_path(Path(path))
        self.read_only = _is_read_only(self.path)
        self.backups = Backups(self.path) if backups and not self.read_only else None
        self._lock = threading.RLock()
        self._file_lock = FileLock(str(lock_path(self.path)), timeout=LOCK_TIMEOUT)
        self._listeners: list[Listener] = []
        self._depth = 0
        self._held: BinaryIO | None = None
        self._signature: tuple[int, int, int] | None = None
        self._read_signature: tuple[int, int, int] | None = None
        self._cleaned = False
        try:
            with collector_paused(freeze=True):
                self._open()
        except OSError as error:
            raise StoreError(f"{self.path}: cannot open the database ({error.strerror})") from None

    # --- opening and reloading ---
    def _open(self) -> None:
        if not self.path.exists():
            self._start_empty()  # the file is written with the first change, not before
            return
        data = self._read()
        older = self._schema(data) < SCHEMA_VERSION
        self._load(data)  # validates every record before anything is written
        if older and self.read_only:
            raise StoreError(
                f"{self.path}: written by an older Reader and read-only, so it cannot be "
                "brought up to date; make it writable once, or open a writable copy"
            )
        if older:
            with self._process_lock():
                self._migrate()
            data = self._read()
            self._load(data)
        self._remember_file(read=True)

    def _start_empty(self) -> None:
        """An empty database in memory, for a file that does not exist yet."""
        empty: dict[str, Any] = {
            "meta": {
                "1": {"schema": SCHEMA_VERSION, "reader_version": __version__, "next_article_id": 1}
            },
            "articles": {},
            "annotations": {},
            "sources": {},
            "themes": {},
        }
        self._new_tinydb()
        self._storage.start_with(empty)
        self._load(empty)
        self._signature = self._read_signature = None

    def _new_tinydb(self) -> None:
        before_write = self.backups.before_write if self.backups else None
        self._db = TinyDB(
            self.path,
            storage=AtomicJSONStorage,
            schema=DatabaseFile,
            before_write=before_write,
            read_only=self.read_only,
        )
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]

    def _read(self) -> dict[str, Any]:
        """Decode the file into a fresh TinyDB; errors become one-line `StoreError`s."""
        self._new_tinydb()
        try:
            # Another process may replace the file while we read it (writers rename a new
            # file over it): the read counts only if the file is the same before and after,
            # and that file's signature is what later writes compare against.
            for _ in range(5):
                before = self._disk_signature()
                data = self._storage.read()
                self._read_signature = before
                if before is not None and before == self._disk_signature():
                    break
                self._read_signature = None  # unsure what was read: the next write reloads
                self._storage.close()  # drop what was read, to read the new file
        except StorageError as error:
            if error.reason == "io":
                raise StoreError(str(error)) from None
            if error.reason == "shape":
                self._refuse_if_newer()
            raise StoreError(f"{error}; Reader will not overwrite it: {RECOVERY}") from None
        if data is None:
            raise StoreError(f"{self.path}: the database disappeared while opening it; try again")
        return data

    def _refuse_if_newer(self) -> None:
        """A file that does not fit our schema may simply be from a newer Reader: say so."""
        with contextlib.suppress(OSError, msgspec.DecodeError, ValueError):
            version = schema_of(msgspec.json.decode(self.path.read_bytes()))
            if version is not None and version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: written by a newer Reader (schema {version}, this is "
                    f"{SCHEMA_VERSION}); upgrade Reader to open it"
                )

    def _schema(self, data: dict[str, Any]) -> int:
        version = schema_of(data)
        if version is None:
            raise StoreError(
                f"{self.path}: the database has no schema version (damaged, or not a Reader "
                f"file); Reader will not overwrite it: {RECOVERY}"
            )
        if version > SCHEMA_VERSION:
            meta = next(iter(data["meta"].values()))
            raise StoreError(
                f"{self.path}: written by a newer Reader ({meta.get('reader_version')}, schema "
                f"{version}; this is schema {SCHEMA_VERSION}); upgrade Reader to open it"
            )
        return version

    def _migrate(self) -> None:
        """Bring an older file to the current schema, keeping a backup of the original."""
        data = msgspec.json.decode(self.path.read_bytes())
        version = schema_of(data)
        if version is None or version >= SCHEMA_VERSION:
            return  # another Reader migrated it meanwhile
        if self.backups is not None:
            self.backups.take("before-migration")
        meta = next(iter(migrate(data)["meta"].values()))
        meta["reader_version"] = __version__
        write_atomically(self.path, msgspec.json.encode(data))

    def _load(self, data: dict[str, Any]) -> None:
        """Build the memory model from decoded tables."""
        try:
            meta_items = list(data["meta"].items())
            self._meta_doc_id = int(meta_items[0][0])
            self._meta: dict[str, Any] = dict(meta_items[0][1])
            articles: dict[int, ArticleRecord] = {}
            article_doc_ids: dict[int, int] = {}
            for doc_id, doc in data["articles"].items():
                record = _article_from_doc(doc)
                if record.id in articles:
                    raise StoreError(
                        f"{self.path}: article id {record.id} is used twice; run "
                        "`reader doctor --fix`"
                    )
                articles[record.id] = record
                article_doc_ids[record.id] = int(doc_id)
            annotations: dict[str, Annotation] = {}
            annotation_doc_ids: dict[str, int] = {}
            for doc_id, annotation in data["annotations"].items():
                if annotation.id in annotations:
                    raise StoreError(
                        f"{self.path}: annotation id {annotation.id} is used twice; run "
                        "`reader doctor --fix` (it keeps both)"
                    )
                annotations[annotation.id] = annotation
                annotation_doc_ids[annotation.id] = int(doc_id)
            sources: dict[str, Source] = {}
            source_doc_ids: dict[str, int] = {}
            for doc_id, doc in data["sources"].items():
                source = Source(str(doc["name"]), str(doc.get("description", "")))
                sources[name_key(source.name)] = source
                source_doc_ids[name_key(source.name)] = int(doc_id)
            themes: dict[str, Theme] = {}
            theme_doc_ids: dict[str, int] = {}
            for doc_id, doc in data["themes"].items():
                key = doc.get("key", 0)
                theme = Theme(
                    str(doc["name"]),
                    str(doc.get("colour", "")),
                    str(doc.get("description", "")),
                    key if type(key) is int and key in QUICK_KEYS else 0,
                )
                themes[name_key(theme.name)] = theme
                theme_doc_ids[name_key(theme.name)] = int(doc_id)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
            raise StoreError(
                f"{self.path}: a record is damaged ({error!r}); Reader will not overwrite it: "
                f"{RECOVERY}"
            ) from None
        self._articles, self._article_doc_ids = articles, article_doc_ids
        self._annotations, self._annotation_doc_ids = annotations, annotation_doc_ids
        self._sources, self._source_doc_ids = sources, source_doc_ids
        self._themes, self._theme_doc_ids = themes, theme_doc_ids
        self._rebuild_snapshots()

    def _rebuild_snapshots(self) -> None:
        by_article: dict[int, list[Annotation]] = {}
        usage: Counter[str] = Counter()
        source_usage: Counter[str] = Counter()
        for annotation in self._annotations.values():
            by_article.setdefault(annotation.article_id, []).append(annotation)
            usage.update(name_key(t) for t in annotation.themes)
            if annotation.source:
                source_usage[name_key(annotation.source)] += 1
        self._by_article = {
            article_id: tuple(sorted(items, key=_position))
            for article_id, items in by_article.items()
        }
        self._theme_usage = usage
        self._source_usage = source_usage
        self._rebuild_articles()

    def _remember_file(self, read: bool = False) -> None:
        """Note which file we last read (`read`: its signature as read) or wrote, to notice
        another process's writes. Without `read`, we hold the lock: the file is ours."""
        if self._held is not None:
            self._held.close()
            self._held = None
        try:
            if os.name == "posix":
                self._held = self.path.open("rb")  # keeps the inode from being reused
                info = os.fstat(self._held.fileno())
            else:
                info = os.stat(self.path)
        except OSError:
            self._signature = None
            return
        current = (info.st_ino, info.st_size, info.st_mtime_ns)
        # After a read, a file replaced since then must still count as changed.
        self._signature = self._read_signature if read else current

    def _disk_signature(self) -> tuple[int, int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def _changed_on_disk(self) -> bool:
        if not self.path.exists():
            return False  # keep our state: the next write puts the whole database back
        return self._disk_signature() != self._signature

    def _reload(self) -> None:
        """Read the file again (another process wrote it) and tell listeners what changed."""
        old_annotations, old_articles = self._annotations, self._articles
        data = self._read()
        self._schema(data)
        self._load(data)
        self._remember_file(read=True)
        added = tuple(a for k, a in self._annotations.items() if old_annotations.get(k) != a)
        removed = tuple(a for k, a in old_annotations.items() if self._annotations.get(k) != a)
        articles = tuple(r for k, r in self._articles.items() if old_articles.get(k) != r)
        change = Change(added=added, removed=removed, articles=articles)
        if change:
            self._notify(change)

    def refresh(self) -> bool:
        """Pick up another process's changes, if the file changed; True if it did."""
        with self._lock:
            if self._depth or not self._changed_on_disk():
                return False
            with collector_paused(freeze=True):
                self._reload()
            return True

    def close(self) -> None:
        with self._lock:
            self._db.close()
            if self._held is not None:
                self._held.close()
                self._held = None

    # --- transactions ---
    def _process_lock(self) -> contextlib.AbstractContextManager[None]:
        return locked(self.path, self._file_lock)

    @contextlib.contextmanager
    def _transaction(self, edit: bool = True) -> Iterator[None]:
        """Changes inside the block are written together, on top of the latest file.

        A read-only database takes the library's bookkeeping (articles found in the folder)
        in memory only, and refuses edits (`edit`) before anything changes.
        """
        with self._lock:
            if edit and self.read_only:
                raise StoreError(
                    f"{self.path}: read-only, so Reader shows and searches it but changes "
                    "nothing; make the file writable to tag"
                )
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            if self.read_only:
                self._depth = 1
                try:
                    with self._storage.batch():
                        yield
                finally:
                    self._depth = 0
                return
            with self._process_lock():
                self._clean_temp_files()
                if self._changed_on_disk():
                    with collector_paused(freeze=True):
                        self._reload()
                self._depth = 1
                try:
                    with self._storage.batch():
                        yield
                except OSError as failure:
                    self._recover()
                    raise StoreError(
                        f"{self.path}: could not save ({failure.strerror or failure}); the "
                        "file on disk is unchanged: free some space or check permissions"
                    ) from failure
                except BaseException:
                    self._recover()
                    raise
                finally:
                    self._depth = 0
                self._remember_file()

    def _recover(self) -> None:
        """After a failed transaction: the memory model goes back to what the file holds."""
        with contextlib.suppress(StoreError), collector_paused(freeze=True):
            self._reload()

    def _clean_temp_files(self) -> None:
        """Remove temporary files a crashed writer left (none can be in use: we hold the lock)."""
        if self._cleaned:
            return
        self._cleaned = True
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make the changes inside the block with one file write at its end (bulk work).

        The memory model runs ahead of the disk inside the block; if the final write fails,
        it is reloaded from the file, which still holds the state from before the block.
        """
        with self._transaction(edit=False):
            yield

    # --- listeners ---
    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with every `Change`, ours or another process's."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # --- articles ---
    def articles(self) -> tuple[ArticleRecord, ...]:
        return self._articles_snapshot

    def article(self, article_id: int) -> ArticleRecord | None:
        return self._articles.get(article_id)

    def article_by_path(self, path: str) -> ArticleRecord | None:
        for record in self._articles_snapshot:
            if record.path == path:
                return record
        return None

    def add_article(self, **fields: Any) -> ArticleRecord:
        """Register a new article; its id is the next never-used one."""
        with self._lock, self._transaction(edit=False):
            article_id = int(self._meta.get("next_article_id", 1))
            article_id = max(article_id, max(self._articles, default=0) + 1)
            record = ArticleRecord(
                id=article_id, added=fields.pop("added", None) or now(), **fields
            )
            doc_id = self._db.table("articles").insert(asdict(record))
            self._set_meta(next_article_id=article_id + 1)
            self._article_doc_ids[article_id] = doc_id
            self._articles[article_id] = record
            self._rebuild_articles()
        self._notify(Change(articles=(record,)))
        return record

    def update_article(self, record: ArticleRecord) -> None:
        with self._lock:
            if self._articles.get(record.id) == record or record.id not in self._articles:
                return  # nothing changed: nothing is written
        with self._lock, self._transaction(edit=False):
            if self._articles.get(record.id) == record or record.id not in self._articles:
                return
            self._db.table("articles").update(
                asdict(record), doc_ids=[self._article_doc_ids[record.id]]
            )
            self._articles[record.id] = record
            self._rebuild_articles()
        self._notify(Change(articles=(record,)))

    def _rebuild_articles(self) -> None:
        self._articles_snapshot = tuple(sorted(self._articles.values(), key=lambda a: a.id))

    def _set_meta(self, **values: Any) -> None:
        self._meta.update(values, reader_version=__version__)
        self._db.table("meta").update(dict(self._meta), doc_ids=[self._meta_doc_id])

    # --- annotations ---
    def annotations(self) -> list[Annotation]:
        """Every annotation, in no particular order."""
        with self._lock:
            return list(self._annotations.values())

    def annotation(self, annotation_id: str) -> Annotation | None:
        return self._annotations.get(annotation_id)

    def annotations_for(self, article_id: int) -> tuple[Annotation, ...]:
        """The annotations of one article, in text order."""
        return self._by_article.get(article_id, ())

    def annotation_count(self, article_id: int) -> int:
        return len(self._by_article.get(article_id, ()))

    def orphans(self) -> list[Annotation]:
        """Annotations whose passage was lost when their article's text changed."""
        return sorted(
            (a for a in self.annotations() if a.orphaned), key=lambda a: (a.article_id, a.start)
        )

    def __len__(self) -> int:
        return len(self._annotations)

    def save_annotation(self, annotation: Annotation) -> Annotation:
        """Insert or replace an annotation; source and theme names take their codebook spelling.

        Returns the annotation as saved.
        """
        return self.save_annotations([annotation])[0]

    def save_annotations(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Insert or replace several annotations in one write; returns them as saved."""
        with self._lock, self._transaction():
            saved = []
            for annotation in annotations:
                if annotation.article_id not in self._articles:
                    raise StoreError(f"{self.path}: no article with id {annotation.article_id}")
                try:  # what is written must load again: the very check loading applies
                    saved.append(checked(self._canonical(annotation)))
                except RecordError as error:
                    raise StoreError(f"{self.path}: not saved: {error}") from None
                # A name new to the codebook gets its spelling from its first use, also
                # for the annotations later in this same batch ("Doug King", "doug king").
                self._add_to_codebook(saved[-1:])
            olds = [self._annotations.get(a.id) for a in saved]
            table = self._db.table("annotations")
            replaced = [
                self._annotation_doc_ids[a.id] for a, old in zip(saved, olds, strict=True) if old
            ]
            if replaced:
                # Replace under the same ids (the memory copy may hold Annotations, which
                # TinyDB's in-place `update` cannot change).
                table.remove(doc_ids=replaced)
            docs = [
                Document(a.to_doc(), doc_id=self._annotation_doc_ids[a.id]) if old else a.to_doc()
                for a, old in zip(saved, olds, strict=True)
            ]
            doc_ids = table.insert_multiple(docs)
            self._add_to_codebook(saved)
            for annotation, doc_id in zip(saved, doc_ids, strict=True):
                self._annotation_doc_ids[annotation.id] = doc_id
                self._annotations[annotation.id] = annotation
                self._storage.compact("annotations", doc_id, annotation)
            removed = tuple(old for old in olds if old is not None)
            self._index_change(saved, removed)
        self._notify(Change(added=tuple(saved), removed=removed))
        return saved

    def delete_annotation(self, annotation_id: str) -> Annotation | None:
        """Delete an annotation; returns it (for undo), or None if there was none."""
        deleted = self.delete_annotations([annotation_id])
        return deleted[0] if deleted else None

    def delete_annotations(self, annotation_ids: Iterable[str]) -> list[Annotation]:
        """Delete several annotations in one write; returns those that existed."""
        with self._lock, self._transaction():
            olds = [
                self._annotations[i]
                for i in dict.fromkeys(annotation_ids)
                if i in self._annotations
            ]
            if not olds:
                return []
            self._db.table("annotations").remove(
                doc_ids=[self._annotation_doc_ids[old.id] for old in olds]
            )
            for old in olds:
                del self._annotations[old.id]
                del self._annotation_doc_ids[old.id]
            self._index_change((), olds)
        self._notify(Change(removed=tuple(olds)))
        return olds

    def _canonical(self, annotation: Annotation) -> Annotation:
        source = annotation.source
        if source:
            known = self._sources.get(name_key(source))
            source = known.name if known else clean_name(source)
        themes = tuple(
            (self._themes[name_key(t)].name if name_key(t) in self._themes else t)
            for t in unique_names(annotation.themes)
        )
        if source == annotation.source and themes == annotation.themes:
            return annotation
        return msgspec.structs.replace(annotation, source=source or None, themes=themes)

    def _add_to_codebook(self, annotations: list[Annotation]) -> None:
        """Add the sources and themes these annotations use that the codebook lacks."""
        sources = dict(self._sources)
        themes = dict(self._themes)
        for annotation in annotations:
            if annotation.source and name_key(annotation.source) not in sources:
                source = Source(annotation.source)
                key = name_key(source.name)
                self._source_doc_ids[key] = self._db.table("sources").insert(asdict(source))
                sources[key] = source
            for name in annotation.themes:
                key = name_key(name)
                if key not in themes:
                    theme = Theme(name, key=_free_key(themes.values()))
                    self._theme_doc_ids[key] = self._db.table("themes").insert(asdict(theme))
                    themes[key] = theme
        self._sources, self._themes = sources, themes

    def _index_change(self, added: Iterable[Annotation], removed: Iterable[Annotation]) -> None:
        """Refresh the per-article tuples and usage counts after annotations changed."""
        added, removed = list(added), list(removed)
        removed_ids = {a.id for a in removed}
        touched = {a.article_id for a in (*added, *removed)}
        by_article = dict(self._by_article)
        for article_id in touched:
            items = [a for a in by_article.get(article_id, ()) if a.id not in removed_ids]
            items += [a for a in added if a.article_id == article_id]
            by_article[article_id] = tuple(sorted(items, key=_position))
        usage = Counter(self._theme_usage)
        source_usage = Counter(self._source_usage)
        for old in removed:
            usage.subtract(name_key(t) for t in old.themes)
            if old.source:
                source_usage[name_key(old.source)] -= 1
        for new in added:
            usage.update(name_key(t) for t in new.themes)
            if new.source:
                source_usage[name_key(new.source)] += 1
        self._by_article = by_article
        self._theme_usage = +usage
        self._source_usage = +source_usage

    # --- codebook ---
    def describe_source(self, name: str, description: str) -> bool:
        """Give a codebook source its description, if it has none yet; True if it changed."""
        description = " ".join(description.split())
        with self._lock, self._transaction():
            key = name_key(name)
            source = self._sources.get(key)
            if source is None or source.description or not description:
                return False
            self._db.table("sources").update(
                {"description": description}, doc_ids=[self._source_doc_ids[key]]
            )
            self._sources = {**self._sources, key: Source(source.name, description)}
        return True

    def update_source(
        self, name: str, *, description: str | None = None, new_name: str | None = None
    ) -> None:
        """Change a codebook source's description, or its name (the entry follows a rename;
        into a name that exists, the existing entry stays and takes the description if it
        has none). Annotations are not touched: rename them with edits (undoable)."""
        with self._lock, self._transaction():
            table = self._db.table("sources")
            key = name_key(name)
            source = self._sources.get(key)
            if source is None:
                return
            sources = dict(self._sources)
            if description is not None:
                source = Source(source.name, " ".join(description.split()))
            if new_name is not None and clean_name(new_name):
                target = name_key(new_name)
                if target != key and target in sources:
                    kept = sources[target]
                    if not kept.description and source.description:
                        sources[target] = Source(kept.name, source.description)
                        table.update(
                            {"description": source.description},
                            doc_ids=[self._source_doc_ids[target]],
                        )
                    del sources[key]
                    table.remove(doc_ids=[self._source_doc_ids.pop(key)])
                    self._sources = sources
                    return
                source = Source(clean_name(new_name), source.description)
                doc_id = self._source_doc_ids.pop(key)
                self._source_doc_ids[target] = doc_id
                del sources[key]
                key = target
            sources[key] = source
            table.update(asdict(source), doc_ids=[self._source_doc_ids[key]])
            self._sources = sources

    def update_theme(
        self,
        name: str,
        *,
        colour: str | None = None,
        description: str | None = None,
        new_name: str | None = None,
    ) -> None:
        """Change a codebook theme's colour, description or name (see `update_source`)."""
        with self._lock, self._transaction():
            table = self._db.table("themes")
            key = name_key(name)
            theme = self._themes.get(key)
            if theme is None:
                return
            themes = dict(self._themes)
            if colour is not None:
                theme = replace(theme, colour=colour)
            if description is not None:
                theme = replace(theme, description=" ".join(description.split()))
            if new_name is not None and clean_name(new_name):
                target = name_key(new_name)
                if target != key and target in themes:
                    kept = themes[target]
                    merged = Theme(
                        kept.name,
                        kept.colour or theme.colour,
                        kept.description or theme.description,
                        kept.key or theme.key,
                    )
                    themes[target] = merged
                    table.update(asdict(merged), doc_ids=[self._theme_doc_ids[target]])
                    del themes[key]
                    table.remove(doc_ids=[self._theme_doc_ids.pop(key)])
                    self._themes = themes
                    return
                theme = replace(theme, name=clean_name(new_name))
                self._theme_doc_ids[target] = self._theme_doc_ids.pop(key)
                del themes[key]
                key = target
            themes[key] = theme
            table.update(asdict(theme), doc_ids=[self._theme_doc_ids[key]])
            self._themes = themes

    def remove_from_codebook(self, kind: str, name: str) -> None:
        """Drop a source or theme (and a theme's children) no annotation uses any more."""
        with self._lock, self._transaction():
            key = name_key(name)
            if kind == "source":
                if key in self._sources and not self._source_usage.get(key):
                    self._db.table("sources").remove(doc_ids=[self._source_doc_ids.pop(key)])
                    self._sources = {k: v for k, v in self._sources.items() if k != key}
                return
            doomed = [
                k
                for k in self._themes
                if (k == key or k.startswith(key + "/")) and not self._theme_usage.get(k)
            ]
            if doomed:
                self._db.table("themes").remove(
                    doc_ids=[self._theme_doc_ids.pop(k) for k in doomed]
                )
                self._themes = {k: v for k, v in self._themes.items() if k not in doomed}

    def forget_unused(self, sources: Iterable[str], themes: Iterable[str]) -> None:
        """Drop these names from the codebook if no annotation uses them any more and the
        user gave them nothing of their own (a description, a colour): what an undone tag
        created leaves no trace in the suggestions."""
        with self._lock, self._transaction():
            for name in sources:
                key = name_key(name)
                source = self._sources.get(key)
                if source is not None and not source.description:
                    self.remove_from_codebook("source", name)
            for name in themes:
                key = name_key(name)
                theme = self._themes.get(key)
                bare = theme is not None and not theme.colour and not theme.description
                if bare and not any(k.startswith(key + "/") for k in self._themes):
                    self.remove_from_codebook("theme", name)

    def sources(self) -> list[Source]:
        return sorted(self._sources.values(), key=lambda s: s.name.casefold())

    def themes(self) -> list[Theme]:
        return sorted(self._themes.values(), key=lambda t: t.name.casefold())

    def theme(self, name: str) -> Theme | None:
        return self._themes.get(name_key(name))

    def quick_themes(self) -> dict[int, str]:
        """The themes on the number keys: key (1-9) -> theme name."""
        return {t.key: t.name for t in self._themes.values() if t.key}

    def set_theme_key(self, name: str, key: int) -> None:
        """Put a theme on a quick key (1-9; the theme that had it loses it), or take it off
        (0)."""
        if key and key not in QUICK_KEYS:
            raise StoreError(f"{key}: quick keys are 1 to 9")
        with self._lock, self._transaction():
            target = name_key(name)
            if target not in self._themes:
                return
            themes = dict(self._themes)
            table = self._db.table("themes")
            for theme_key, theme in self._themes.items():
                wanted = (
                    key if theme_key == target else (0 if key and theme.key == key else theme.key)
                )
                if wanted != theme.key:
                    themes[theme_key] = replace(theme, key=wanted)
                    table.update({"key": wanted}, doc_ids=[self._theme_doc_ids[theme_key]])
            self._themes = themes

    def last_tag(self) -> tuple[str | None, tuple[str, ...]] | None:
        """The source and themes of the last tag made (what `.` repeats), kept across runs."""
        value = self._meta.get("last_tag")
        if not isinstance(value, dict):
            return None
        source = value.get("source")
        themes = value.get("themes")
        return (
            source if isinstance(source, str) else None,
            tuple(t for t in themes if isinstance(t, str)) if isinstance(themes, list) else (),
        )

    def remember_tag(self, source: str | None, themes: Iterable[str]) -> None:
        """Keep `source` and `themes` as the last tag (in the caller's batch, if any)."""
        value = {"source": source, "themes": list(themes)}
        if self._meta.get("last_tag") == value:
            return
        with self._lock, self._transaction():
            self._set_meta(last_tag=value)

    def most_used_themes(self, limit: int = 9) -> list[str]:
        """Theme names by number of annotations, most used first (ties by name)."""
        usage = self._theme_usage
        ranked = sorted(usage.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self._themes[key].name for key, _ in ranked if key in self._themes]

    def source_usage(self) -> dict[str, int]:
        """Source name -> number of annotations quoting it."""
        return {
            self._sources[k].name: n for k, n in self._source_usage.items() if k in self._sources
        }

    def theme_usage(self) -> dict[str, int]:
        """Theme name -> number of annotations carrying it."""
        return {self._themes[k].name: n for k, n in self._theme_usage.items() if k in self._themes}


def _position(annotation: Annotation) -> tuple[int, int]:
    return (annotation.start, annotation.end)


def _article_from_doc(doc: dict[str, Any]) -> ArticleRecord:
    known = ArticleRecord.__dataclass_fields__
    values = {k: v for k, v in doc.items() if k in known}
    values["id"] = int(values["id"])
    values["path"] = str(values["path"])
    values["title"] = clean_line(str(values.get("title", "")))
    return replace(ArticleRecord(id=0, path="", title="", sha256=""), **values)


def _real_path(path: Path) -> Path:
    """The database file itself: a link is followed (the file it points to is written, with
    its lock and backups beside it); a link to nothing is refused, so that Reader never
    creates a database where a link points."""
    if path.is_symlink():
        if not path.exists():
            raise StoreError(
                f"{path}: a link to {os.readlink(path)}, which does not exist; remove the "
                "link or point it at a Reader database"
            )
        return path.resolve()
    return path


def _is_read_only(path: Path) -> bool:
    """True when the database may not be changed: the file is marked read-only (no write
    permission bit, whoever we are), or the folder cannot take a new file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return not os.access(path.parent, os.W_OK)
    except OSError:
        return False
    return not stat.S_IMODE(mode) & 0o222 or not os.access(path.parent, os.W_OK)


def _free_key(themes: Iterable[Theme]) -> int:
    """The lowest quick key no theme has, or 0 when all nine are taken."""
    taken = {theme.key for theme in themes}
    return next((key for key in QUICK_KEYS if key not in taken), 0)
