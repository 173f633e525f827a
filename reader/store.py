"""The annotation database: one TinyDB JSON file with articles, annotations and codebook.

Tables (see DESIGN.md): `meta` (schema and writer version, next article id), `articles`,
`annotations`, `sources`, `themes`. The `Store` keeps a model of them in memory for reads
and writes every change through TinyDB at once, in one atomic file write per change
(`AtomicJSONStorage`). A change reaches the memory model only after it is on disk.

Threading: writes are serialised by a lock; the UI runs them off its thread. Reads used by
the UI (`annotations_for`, `article`, counts, the codebook) return immutable snapshots and
never wait for a write in progress. Listeners hear of every annotation change (the search
index keeps itself current that way); they run on the writing thread.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec
from tinydb import TinyDB
from tinydb.table import Document

from reader import __version__
from reader.codebook import clean_name, name_key, unique_names
from reader.storage import AtomicJSONStorage, StorageError, paused_gc
from reader.text import clean_line

SCHEMA_VERSION = 1
CONTEXT_CHARS = 32


class StoreError(Exception):
    """The database cannot be used; the message is one line naming the file and what to do."""


def now() -> str:
    """The current time as stored: ISO 8601, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article as the database knows it; `id` is stable and never reused."""

    id: int
    path: str
    title: str
    sha256: str
    size: int = 0
    mtime: float = 0.0
    added: str = ""
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    missing: bool = False


class Annotation(msgspec.Struct, frozen=True):
    """A tagged passage `[start, end)` of an article's normalised text.

    A msgspec Struct: decoded straight from the database file, validated, and compact (the
    same record is what the storage's memory copy holds). The mapping methods let TinyDB and
    `dict(annotation)` read it like a document.
    """

    id: str
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    source: str | None = None
    themes: tuple[str, ...] = ()
    note: str = ""
    created: str = ""
    updated: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {name: self[name] for name in self.__struct_fields__}

    def keys(self) -> tuple[str, ...]:
        return self.__struct_fields__

    def __getitem__(self, key: str) -> Any:
        if key == "themes":
            return list(self.themes)
        return getattr(self, key)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Annotation:
        """An annotation from a JSON-like dict; raises `msgspec.ValidationError` if malformed."""
        return msgspec.convert(doc, cls)


class DatabaseFile(msgspec.Struct, forbid_unknown_fields=True):
    """The shape of the database file, for decoding and validating it in one pass."""

    meta: dict[str, dict[str, Any]] = {}
    articles: dict[str, dict[str, Any]] = {}
    annotations: dict[str, Annotation] = {}
    sources: dict[str, dict[str, Any]] = {}
    themes: dict[str, dict[str, Any]] = {}


@dataclass(frozen=True, slots=True)
class Source:
    """A codebook entry for who speaks: a person or an organisation."""

    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Theme:
    """A codebook entry for a topic label; `colour` is empty until the user picks one."""

    name: str
    colour: str = ""
    description: str = ""


@dataclass(frozen=True)
class Change:
    """What one write changed, as listeners hear it."""

    added: tuple[Annotation, ...] = ()
    removed: tuple[Annotation, ...] = ()
    articles: tuple[ArticleRecord, ...] = field(default=())


Listener = Callable[[Change], None]


def new_annotation(
    article_id: int,
    text: str,
    start: int,
    end: int,
    *,
    source: str | None = None,
    themes: Iterable[str] = (),
    note: str = "",
) -> Annotation:
    """A new annotation of `text[start:end]`, with its context for re-anchoring."""
    stamp = now()
    return Annotation(
        id=uuid.uuid4().hex,
        article_id=article_id,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        source=clean_name(source) if source else None,
        themes=tuple(unique_names(themes)),
        note=note.strip(),
        created=stamp,
        updated=stamp,
    )


def edited(annotation: Annotation, **changes: Any) -> Annotation:
    """A copy of `annotation` with `changes` applied and `updated` set to now."""
    if "themes" in changes:
        changes["themes"] = tuple(unique_names(changes["themes"]))
    if "source" in changes:
        changes["source"] = clean_name(changes["source"]) if changes["source"] else None
    if "note" in changes:
        changes["note"] = (changes["note"] or "").strip()
    return msgspec.structs.replace(annotation, **changes, updated=now())


class Store:
    """The database of one library: articles, annotations and the codebook."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        try:
            self._db = TinyDB(self.path, storage=AtomicJSONStorage, schema=DatabaseFile)
            self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
            with paused_gc():
                self._load()
        except StorageError as error:
            raise StoreError(str(error)) from None
        except OSError as error:
            raise StoreError(f"{self.path}: cannot open the database ({error.strerror})") from None

    # --- opening ---
    def _load(self) -> None:
        data = self._storage.read()
        if data is None:
            self._init_new()
            data = self._storage.read() or {}
        tables = {name: data.get(name) or {} for name in ("meta", "articles", "annotations")}
        tables["sources"] = data.get("sources") or {}
        tables["themes"] = data.get("themes") or {}
        self._meta: dict[str, Any] = dict(next(iter(tables["meta"].values()), {}))
        schema = self._meta.get("schema")
        if not isinstance(schema, int):
            raise StoreError(f"{self.path}: the database has no schema version; not a Reader file")
        if schema > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Reader ({self._meta.get('reader_version')}, "
                f"schema {schema}); upgrade Reader to open it"
            )
        try:
            self._articles: dict[int, ArticleRecord] = {}
            self._article_doc_ids: dict[int, int] = {}
            for doc_id, doc in tables["articles"].items():
                record = _article_from_doc(doc)
                self._articles[record.id] = record
                self._article_doc_ids[record.id] = int(doc_id)
            self._annotations: dict[str, Annotation] = {}
            self._annotation_doc_ids: dict[str, int] = {}
            for doc_id, annotation in tables["annotations"].items():
                self._annotations[annotation.id] = annotation
                self._annotation_doc_ids[annotation.id] = int(doc_id)
            self._sources: dict[str, Source] = {}
            self._source_doc_ids: dict[str, int] = {}
            for doc_id, doc in tables["sources"].items():
                source = Source(str(doc["name"]), str(doc.get("description", "")))
                self._sources[name_key(source.name)] = source
                self._source_doc_ids[name_key(source.name)] = int(doc_id)
            self._themes: dict[str, Theme] = {}
            self._theme_doc_ids: dict[str, int] = {}
            for doc_id, doc in tables["themes"].items():
                theme = Theme(
                    str(doc["name"]), str(doc.get("colour", "")), str(doc.get("description", ""))
                )
                self._themes[name_key(theme.name)] = theme
                self._theme_doc_ids[name_key(theme.name)] = int(doc_id)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StoreError(
                f"{self.path}: a record is damaged ({error!r}); Reader will not overwrite it: "
                "restore a backup or move it away"
            ) from None
        self._rebuild_snapshots()

    def _init_new(self) -> None:
        with self._storage.batch():
            self._db.table("meta").insert(
                {"schema": SCHEMA_VERSION, "reader_version": __version__, "next_article_id": 1}
            )
            for name in ("articles", "annotations", "sources", "themes"):
                # TinyDB only writes a table once it has held a document.
                table = self._db.table(name)
                doc_id = table.insert({"_": 0})
                table.remove(doc_ids=[doc_id])

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
        self._articles_snapshot = tuple(sorted(self._articles.values(), key=lambda a: a.id))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make the changes inside the block with one file write at its end.

        For bulk work (a library scan registering many files). The memory model runs ahead
        of the disk inside the block; if the final write fails, the model is reloaded from
        the file, which still holds the state from before the block.
        """
        with self._lock:
            try:
                with self._write():
                    yield
            except StoreError:
                with paused_gc():
                    self._load()
                raise

    # --- listeners ---
    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with every `Change` this store writes."""
        self._listeners.append(listener)

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
        with self._lock:
            article_id = int(self._meta.get("next_article_id", 1))
            record = ArticleRecord(
                id=article_id, added=fields.pop("added", None) or now(), **fields
            )
            with self._write():
                doc_id = self._db.table("articles").insert(asdict(record))
                self._set_meta(next_article_id=article_id + 1)
            self._article_doc_ids[article_id] = doc_id
            self._articles[article_id] = record
            self._rebuild_articles()
        self._notify(Change(articles=(record,)))
        return record

    def update_article(self, record: ArticleRecord) -> None:
        with self._lock:
            if self._articles.get(record.id) == record:
                return
            with self._write():
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
        self._db.table("meta").update(dict(self._meta), doc_ids=[1])

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

    def __len__(self) -> int:
        return len(self._annotations)

    def save_annotation(self, annotation: Annotation) -> Annotation:
        """Insert or replace an annotation; source and theme names take their codebook spelling.

        Returns the annotation as saved.
        """
        with self._lock:
            if annotation.article_id not in self._articles:
                raise StoreError(f"no article with id {annotation.article_id}")
            annotation = self._canonical(annotation)
            old = self._annotations.get(annotation.id)
            table = self._db.table("annotations")
            with self._write():
                if old is None:
                    doc_id = table.insert(annotation.to_doc())
                else:
                    # Replace the document under the same id (the memory copy may hold an
                    # Annotation, which TinyDB's in-place `update` cannot change).
                    doc_id = self._annotation_doc_ids[annotation.id]
                    table.remove(doc_ids=[doc_id])
                    table.insert(Document(annotation.to_doc(), doc_id=doc_id))
                apply_codebook = self._add_to_codebook(annotation)
            apply_codebook()
            self._storage.compact("annotations", doc_id, annotation)
            self._annotation_doc_ids[annotation.id] = doc_id
            self._annotations[annotation.id] = annotation
            self._index_change(added=annotation, removed=old)
        self._notify(Change(added=(annotation,), removed=(old,) if old else ()))
        return annotation

    def delete_annotation(self, annotation_id: str) -> Annotation | None:
        """Delete an annotation; returns it (for undo), or None if there was none."""
        with self._lock:
            old = self._annotations.get(annotation_id)
            if old is None:
                return None
            with self._write():
                self._db.table("annotations").remove(
                    doc_ids=[self._annotation_doc_ids[annotation_id]]
                )
            del self._annotations[annotation_id]
            del self._annotation_doc_ids[annotation_id]
            self._index_change(added=None, removed=old)
        self._notify(Change(removed=(old,)))
        return old

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

    def _add_to_codebook(self, annotation: Annotation) -> Callable[[], None]:
        """Insert new codebook names; returns what updates the memory model once on disk."""
        new_sources: dict[str, tuple[Source, int]] = {}
        new_themes: dict[str, tuple[Theme, int]] = {}
        if annotation.source and name_key(annotation.source) not in self._sources:
            source = Source(annotation.source)
            doc_id = self._db.table("sources").insert(asdict(source))
            new_sources[name_key(source.name)] = (source, doc_id)
        for name in annotation.themes:
            key = name_key(name)
            if key not in self._themes and key not in new_themes:
                theme = Theme(name)
                new_themes[key] = (theme, self._db.table("themes").insert(asdict(theme)))

        def apply() -> None:
            if new_sources:
                self._sources = {**self._sources, **{k: v[0] for k, v in new_sources.items()}}
                self._source_doc_ids.update({k: v[1] for k, v in new_sources.items()})
            if new_themes:
                self._themes = {**self._themes, **{k: v[0] for k, v in new_themes.items()}}
                self._theme_doc_ids.update({k: v[1] for k, v in new_themes.items()})

        return apply

    def _index_change(self, added: Annotation | None, removed: Annotation | None) -> None:
        """Refresh the per-article tuples and usage counts after one annotation changed."""
        touched = {a.article_id for a in (added, removed) if a is not None}
        by_article = dict(self._by_article)
        for article_id in touched:
            items = [
                a for a in by_article.get(article_id, ()) if removed is None or a.id != removed.id
            ]
            if added is not None and added.article_id == article_id:
                items.append(added)
            by_article[article_id] = tuple(sorted(items, key=_position))
        usage = Counter(self._theme_usage)
        source_usage = Counter(self._source_usage)
        if removed is not None:
            usage.subtract(name_key(t) for t in removed.themes)
            if removed.source:
                source_usage[name_key(removed.source)] -= 1
        if added is not None:
            usage.update(name_key(t) for t in added.themes)
            if added.source:
                source_usage[name_key(added.source)] += 1
        self._by_article = by_article
        self._theme_usage = +usage
        self._source_usage = +source_usage

    def _write(self) -> Any:
        """One atomic file write for the TinyDB operations inside the block."""
        return _WriteGuard(self)

    # --- codebook ---
    def sources(self) -> list[Source]:
        return sorted(self._sources.values(), key=lambda s: s.name.casefold())

    def themes(self) -> list[Theme]:
        return sorted(self._themes.values(), key=lambda t: t.name.casefold())

    def theme(self, name: str) -> Theme | None:
        return self._themes.get(name_key(name))

    def most_used_themes(self, limit: int = 9) -> list[str]:
        """Theme names by number of annotations, most used first (ties by name)."""
        usage = self._theme_usage
        ranked = sorted(usage.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [self._themes[key].name for key, _ in ranked if key in self._themes]

    def source_usage(self) -> dict[str, int]:
        return {
            self._sources[k].name: n for k, n in self._source_usage.items() if k in self._sources
        }


class _WriteGuard:
    """Context manager: a storage batch whose failures become one-line `StoreError`s."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._batch = store._storage.batch()

    def __enter__(self) -> None:
        self._batch.__enter__()

    def __exit__(self, kind: Any, error: Any, traceback: Any) -> None:
        try:
            self._batch.__exit__(kind, error, traceback)
        except OSError as failure:
            raise StoreError(
                f"{self._store.path}: could not save ({failure.strerror or failure}); "
                "the file on disk is unchanged: free some space or check permissions"
            ) from failure


def _position(annotation: Annotation) -> tuple[int, int]:
    return (annotation.start, annotation.end)


def _article_from_doc(doc: dict[str, Any]) -> ArticleRecord:
    known = ArticleRecord.__dataclass_fields__
    values = {k: v for k, v in doc.items() if k in known}
    values["id"] = int(values["id"])
    values["path"] = str(values["path"])
    values["title"] = clean_line(str(values.get("title", "")))
    return ArticleRecord(**values)
