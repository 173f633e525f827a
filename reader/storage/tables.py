"""The database's content in memory, as the store holds it: typed records by their own keys.

`Tables` has the `meta` record, articles by id, annotations by id, and the codebook's
sources and themes by name key. It is built from the decoded file (`from_file`, which
validates every record), changed by journal operations (`apply`), and written back in
TinyDB's layout (`file_chunks`: `{"table": {"1": {...}, "2": {...}}}`, documents numbered
afresh from 1, so no TinyDB document id needs keeping in memory).

`deleted` (schema 6) remembers when each annotation was deleted outright, by its id: an
import of a file that still holds it (older than the deletion) does not bring it back, and
saving the id again (undo) forgets the deletion.

A journal operation is `[table, key, document]`: the document put under `key` (an
annotation id, an article id, a name key, 1 for meta), or removed when it is null.
Applying one is idempotent, so replaying a journal twice gives the same tables.

Strings that repeat across annotations (source names, theme tuples, a date made and
changed in the same second) are shared, not held once per annotation: a third less memory
at 100,000 annotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import msgspec

from reader.core.codebook import name_key
from reader.core.records import (
    ANNOTATIONS_TABLE,
    QUICK_KEYS,
    Annotation,
    ArticleRecord,
    RecordError,
    Source,
    Theme,
    checked,
    entry_document,
)
from reader.core.text import clean_line
from reader.storage.json_keys import key_used_twice, used_twice_message
from reader.storage.tinydb_storage import TableSpan

CHUNK = 500  # documents encoded at a time (each batch is bytes held twice: 0.3 MB)
META, ARTICLES, ANNOTATIONS, SOURCES, THEMES, DELETED = (
    "meta",
    "articles",
    "annotations",
    "sources",
    "themes",
    "deleted",
)
HEAD = frozenset({META, ARTICLES, SOURCES, THEMES, DELETED})  # all but the annotations
ONLY_ANNOTATIONS = frozenset({ANNOTATIONS})
Operation = list[Any]  # [table, key, document or None]


class TablesError(ValueError):
    """A record that cannot be read; the message says which and why."""


@dataclass
class Tables:
    """Everything the database holds, by the keys Reader uses."""

    meta: dict[str, Any] = field(default_factory=dict)
    articles: dict[int, ArticleRecord] = field(default_factory=dict)
    annotations: dict[str, Annotation] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    deleted: dict[str, str] = field(default_factory=dict)  # annotation id -> when (UTC)

    @classmethod
    def from_file(cls, data: dict[str, Any]) -> Tables:
        """The tables of a decoded database file (TinyDB's layout), all but the annotations,
        which `load_annotations` reads from the raw JSON kept in `data`; `TablesError` when
        a record is damaged or an id is used twice."""
        tables = cls()
        try:
            tables.meta = dict(next(iter(data[META].values())))
            for doc in data[ARTICLES].values():
                record = article_from_doc(doc)
                if record.id in tables.articles:
                    raise TablesError(f"article id {record.id} is used twice")
                tables.articles[record.id] = record
            for doc in data[SOURCES].values():
                source = source_from_doc(doc)
                tables.sources[name_key(source.name)] = source
            for doc in data[THEMES].values():
                theme = theme_from_doc(doc)
                tables.themes[name_key(theme.name)] = theme
            deletions = data.get(DELETED)
            for doc in deletions.values() if isinstance(deletions, dict) else ():
                deletion = deletion_from_doc(doc)
                if deletion is not None:
                    tables.deleted[deletion[0]] = deletion[1]
        except TablesError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError, StopIteration) as e:
            raise TablesError(f"a record is damaged ({e!r})") from None
        return tables

    @staticmethod
    def decode_annotations(
        raw: msgspec.Raw | bytes | TableSpan, between: Callable[[], None] | None = None
    ) -> dict[str, Annotation]:
        """The annotations table from its raw JSON, or from where it lies in the file (read
        a piece at a time, each piece let go once decoded; the file closed after), by id
        (`TablesError` when a record is damaged or an id is used twice, or the file changed
        while it was read). Decoded a piece at a time, calling `between` between pieces (a
        thread that reads meanwhile lets the UI draw)."""
        if isinstance(raw, TableSpan):
            try:
                return Tables._decode_annotations(_span_pieces(raw, between))
            except OSError as error:
                raise TablesError(error.strerror or str(error)) from None
            finally:
                raw.close()
        return Tables._decode_annotations(_decoded_pieces(raw, between))

    @staticmethod
    def _decode_annotations(pieces: Iterator[dict[str, Annotation]]) -> dict[str, Annotation]:
        compact = _Sharing().compact
        annotations: dict[str, Annotation] = {}
        for decoded in pieces:
            if decoded is _AFRESH:
                annotations.clear()  # a piece did not decode: the whole table comes again
                continue
            piece = dict(compact(annotation) for annotation in decoded.values())
            if len(piece) != len(decoded) or not annotations.keys().isdisjoint(piece):
                twice = _used_twice(decoded.values(), annotations)
                raise TablesError(f"annotation id {twice} is used twice")
            annotations.update(piece)
            del decoded, piece  # its repeated strings go before the next piece is decoded
        return annotations

    def apply(
        self, operations: Iterable[Operation], only: frozenset[str] | None = None
    ) -> tuple[list[Annotation], list[Annotation]]:
        """Apply journal operations (those on the tables `only`, when given); the
        annotations put and those they replaced or removed. `TablesError` when an operation
        is malformed (nothing is half-applied within one operation)."""
        added: list[Annotation] = []
        removed: list[Annotation] = []
        for operation in operations:
            if not well_formed(operation):
                raise TablesError("an operation is not [table, key, record]")
            try:
                table, key, doc = operation
                if only is not None and table not in only:
                    continue
                if table == ANNOTATIONS:
                    old = self.annotations.pop(str(key), None)
                    if old is not None:
                        removed.append(old)
                    if doc is not None:
                        annotation = checked(msgspec.convert(doc, Annotation))
                        if annotation.id != key:
                            raise TablesError(f"annotation {key!r} holds id {annotation.id!r}")
                        self.annotations[annotation.id] = annotation
                        added.append(annotation)
                elif table == ARTICLES:
                    if doc is None:
                        self.articles.pop(article_id(key), None)
                    else:
                        record = article_from_doc(doc)
                        if record.id != article_id(key):
                            raise TablesError(f"article {str(key)[:40]!r} holds id {record.id}")
                        self.articles[record.id] = record
                elif table == SOURCES:
                    if doc is None:
                        self.sources.pop(str(key), None)
                    else:
                        self.sources[str(key)] = source_from_doc(doc)
                elif table == THEMES:
                    if doc is None:
                        self.themes.pop(str(key), None)
                    else:
                        self.themes[str(key)] = theme_from_doc(doc)
                elif table == DELETED:
                    deletion = deletion_from_doc(doc) if doc is not None else None
                    if deletion is None or deletion[0] != str(key):
                        self.deleted.pop(str(key), None)
                    else:
                        self.deleted[deletion[0]] = deletion[1]
                elif table == META:
                    self.meta = checked_meta(doc, self.meta.get("schema", doc_schema(doc)))
                else:
                    raise TablesError(f"unknown operation on {table!r}")
            except TablesError:
                raise
            except (RecordError, msgspec.ValidationError, TypeError, ValueError, KeyError) as e:
                raise TablesError(f"an operation is damaged ({e})") from None
        return added, removed

    def file_chunks(self) -> Iterator[bytes]:
        """The database file's JSON, a piece at a time (never the whole file in memory)."""
        encode = msgspec.json.Encoder().encode
        tables: list[tuple[str, Iterable[Any]]] = [
            (META, [self.meta]),
            (ARTICLES, [asdict(record) for record in self.articles.values()]),
            (ANNOTATIONS, map(_unpinned, self.annotations.values())),
            (SOURCES, [entry_document(source) for source in self.sources.values()]),
            (THEMES, [entry_document(theme) for theme in self.themes.values()]),
            (DELETED, [deletion_doc(key, at) for key, at in self.deleted.items()]),
        ]
        yield b"{"
        for number, (name, docs) in enumerate(tables):
            yield (b"," if number else b"") + encode(name) + b":{"
            batch: dict[str, Any] = {}
            first = True
            for doc_id, doc in enumerate(docs, start=1):
                batch[str(doc_id)] = doc
                if len(batch) == CHUNK:
                    yield (b"" if first else b",") + encode(batch)[1:-1]
                    batch, first = {}, False
            if batch:
                yield (b"" if first else b",") + encode(batch)[1:-1]
            yield b"}"
        yield b"}"


def _unpinned(annotation: Annotation) -> Annotation:
    """`annotation` to be encoded, its long texts that are not ASCII as copies made for the
    encoding: encoding a string that is not ASCII keeps a UTF-8 copy of it inside the
    string for as long as it lives (CPython's cache), and a fold encodes every annotation
    (4.5 MB of copies of the bench's 14,000 quotes that are not ASCII, kept after the app's
    first fold). The copies go with the batch."""
    quote, note, prefix, suffix = (
        annotation.quote,
        annotation.note,
        annotation.prefix,
        annotation.suffix,
    )
    if quote.isascii() and note.isascii() and prefix.isascii() and suffix.isascii():
        return annotation
    return msgspec.structs.replace(
        annotation,
        quote=_copy(quote),
        note=_copy(note),
        prefix=_copy(prefix),
        suffix=_copy(suffix),
    )


def _copy(text: str) -> str:
    """A string equal to `text` that is not `text` (when it is not ASCII: those alone get
    the cache)."""
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


# Where one document of a table ends and the next begins: `},"<doc id>":{`. Inside a JSON
# string a quote mark is always escaped, so these bytes occur only between documents.
_BOUNDARY = re.compile(rb'\},"\d+":\{')
PIECE = 1 << 20


# Yielded by `_decoded_pieces` when a piece did not decode: forget the pieces before it.
_AFRESH: dict[str, Annotation] = {}


def _decoded_pieces(
    raw: msgspec.Raw | bytes, between: Callable[[], None] | None
) -> Iterator[dict[str, Annotation]]:
    """The table `{"1": {...}, ...}` decoded whole, or (with `between`) in pieces of about
    PIECE bytes cut at document boundaries, each yielded as soon as it is decoded (so the
    strings the caller drops from one are reused by the next rather than left as holes in
    the heap: 30 MB at 100,000 annotations). A piece that does not decode means the cut was
    not what it seemed: `_AFRESH`, then the whole table decoded at once (for the true error)."""
    if between is None or len(raw) <= PIECE:
        yield _decoded_whole(raw)
        return
    data = memoryview(raw)
    start = 1  # after the opening brace
    while start < len(data) - 1:
        found = _BOUNDARY.search(data, start + PIECE)
        end = found.start() + 1 if found else len(data) - 1
        try:
            piece = ANNOTATIONS_TABLE.decode(b"{" + data[start:end] + b"}")
        except (msgspec.ValidationError, msgspec.DecodeError):
            yield _AFRESH
            yield _decoded_whole(raw)
            return
        yield piece
        del piece
        between()
        start = end + 1  # past the comma


def _span_pieces(
    span: TableSpan, between: Callable[[], None] | None
) -> Iterator[dict[str, Annotation]]:
    """The table `{"1": {...}, ...}` where it lies in the file, read PIECE bytes at a time
    and decoded in pieces cut at document boundaries, each yielded as soon as it is decoded
    (its bytes are then reused for the next: never much more than a piece held). The
    pieces' document keys must rise from one to the next (as written: then no key is used
    twice, and the records are exactly one decode's); anything else, or a piece that does
    not decode, is `_AFRESH` and the whole table read and decoded at once (for the true
    error, or the records one decode gives). `OSError` when the file changed meanwhile,
    raised after the last piece, before the records are used."""
    held = bytearray()  # `{` and the members read and not decoded yet
    last = -1  # the last document key decoded
    for chunk in span.chunks(PIECE):
        if not held and not chunk.startswith(b"{"):
            break
        held += chunk
        del chunk
        cut = _last_boundary(held)
        if cut < 0:
            continue
        held[cut + 1] = 0x7D  # the comma after the piece's last document: its closing `}`
        decoded = _piece(held, cut + 2, last)
        if decoded is None:
            break
        del held[: cut + 1]  # (from the front: no copy)
        held[0] = 0x7B  # and the next piece's opening `{`
        last = int(next(reversed(decoded)))  # (a number: checked by `_piece`)
        yield decoded
        del decoded
        if between is not None:
            between()
    else:
        if held.endswith(b"}"):  # the table's closing brace
            decoded = _piece(held, len(held), last)
            del held
            if decoded is not None:
                yield decoded
                return
    yield _AFRESH
    whole = span.read()
    if (key := key_used_twice(whole)) is not None:  # (keys that did not rise)
        raise TablesError(used_twice_message(key))
    yield _decoded_whole(whole)


def _last_boundary(data: bytearray) -> int:
    """Where the last document boundary of `data` begins (-1: none)."""
    at = len(data)
    while (at := data.rfind(b'},"', 0, at)) >= 0:
        if _BOUNDARY.match(data, at):
            return at
    return -1


def _piece(data: bytearray, end: int, last: int) -> dict[str, Annotation] | None:
    """`data[:end]`, documents `{"<key>":{...},...}`, decoded, if they do and their keys
    are numbers rising from `last`; None otherwise."""
    try:
        with memoryview(data) as view, view[:end] as piece:
            decoded = ANNOTATIONS_TABLE.decode(piece)
        keys = [last, *map(int, decoded)]
    except (msgspec.ValidationError, msgspec.DecodeError, ValueError):
        return None
    if not all(map(int.__lt__, keys, keys[1:])):
        return None
    return decoded


def _decoded_whole(raw: msgspec.Raw | bytes) -> dict[str, Annotation]:
    try:
        return ANNOTATIONS_TABLE.decode(raw)
    except (msgspec.ValidationError, msgspec.DecodeError) as error:
        raise TablesError(f"not a Reader database ({error})") from None


class _Sharing:
    """One object for each repeated value (sources, theme lists, coders, dates).

    A date is shared with the annotation read just before when it is the same (one made,
    imported or recoded in the same second as the one before it in the file): runs of
    equal dates are common (an import, a codebook merge), and no table of every date is
    made on the way. 7.4 MB at 100,000 annotations made in one batch."""

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}
        self._created = ""
        self._updated = ""

    def compact(self, annotation: Annotation) -> tuple[str, Annotation]:
        """The annotation by its id, its repeated values shared (called 100,000 times at a
        start: one look-up a value, no loop over field names).

        Also shared: the names inside theme lists (each list read for the first time is
        made again from names already held: 27,000 distinct lists at 100,000 annotations
        held 78,000 strings, 4.5 MB, for a few hundred themes; 10 ms). Not shared: article
        ids and offsets (4 MB of number objects at 100,000 annotations, but sharing them
        cost 67 ms of a start)."""
        seen = self._seen
        keep = seen.setdefault
        share = msgspec.structs.force_setattr
        value: Any = annotation.source
        if value and (kept := keep(value, value)) is not value:
            share(annotation, "source", kept)
        value = annotation.themes
        if value:
            kept = seen.get(value)
            if kept is None:
                kept = tuple([keep(name, name) for name in value])
                seen[kept] = kept
            if kept is not value:
                share(annotation, "themes", kept)
        value = annotation.coder
        if value and (kept := keep(value, value)) is not value:
            share(annotation, "coder", kept)
        value = annotation.created
        if value == self._created and value is not self._created:
            share(annotation, "created", self._created)
        self._created = annotation.created
        value = annotation.updated
        if value is not annotation.created and value == annotation.created:
            share(annotation, "updated", annotation.created)
        elif value is not self._updated and value == self._updated:
            share(annotation, "updated", self._updated)
        self._updated = annotation.updated
        return annotation.id, annotation


def _used_twice(piece: Iterable[Annotation], before: dict[str, Annotation]) -> str:
    """The id an annotation of `piece` shares with another of it or one read `before`."""
    seen: set[str] = set()
    for annotation in piece:
        if annotation.id in seen or annotation.id in before:
            return annotation.id
        seen.add(annotation.id)
    return "?"


# Ids and character offsets above this fit no article and no 64-bit column: a crafted
# journal line or file with 10**30 made search fail on an integer overflow.
LARGEST_ID = 2**53 - 1


def article_id(value: Any) -> int:
    """An article's id or table key as a number: ASCII digits (or an int) from 1 to
    `LARGEST_ID`; `ValueError` otherwise ("²" is a digit to `str.isdigit`, not to `int`)."""
    if type(value) is int:
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 16:
        number = int(value)
    else:
        raise ValueError(f"article id {str(value)[:40]!r} is not a number")
    if not 1 <= number <= LARGEST_ID:
        raise ValueError(f"article id {number if number < 10**20 else 'too large'} is out of range")
    return number


def doc_schema(doc: Any) -> Any:
    return doc.get("schema") if isinstance(doc, dict) else None


def checked_meta(doc: Any, schema: Any) -> dict[str, Any]:
    """A journal's or a file's meta record as the store may take it: the schema it was
    written with (never another: a journal line setting schema 99 locked every command
    out), and a next article id in range."""
    if not isinstance(doc, dict):
        raise ValueError("the meta record is not an object")
    if "schema" in doc and doc["schema"] != schema:
        raise ValueError(f"the meta record sets schema {str(doc['schema'])[:20]}, not {schema}")
    if "next_article_id" in doc:
        article_id(doc["next_article_id"])
    return dict(doc)


def article_from_doc(doc: dict[str, Any]) -> ArticleRecord:
    known = ArticleRecord.__dataclass_fields__
    values = {k: v for k, v in doc.items() if k in known}
    values["id"] = article_id(values["id"])
    values["path"] = str(values["path"])
    values["title"] = clean_line(str(values.get("title", "")))
    # The optional fields (reading state came after schema 4; the rest is metadata): a
    # value of the wrong type is taken as absent, never stored as it is ("published":
    # 12345 or "site": [1] from a teammate's merged file stopped the app at start).
    for flag, default in (("read", True), ("archived", False), ("missing", False)):
        if type(values.get(flag, default)) is not bool:
            values[flag] = default
    for name in ("author", "site", "url", "published", "feed"):
        if not isinstance(values.get(name), str | None):
            values[name] = None
    if not isinstance(values.get("added", ""), str):
        values["added"] = ""
    if not isinstance(values.get("sha256", ""), str):
        values["sha256"] = ""
    if type(values.get("size", 0)) is not int:
        values["size"] = 0
    if type(values.get("mtime", 0.0)) not in (int, float):
        values["mtime"] = 0.0
    return replace(ArticleRecord(id=0, path="", title="", sha256=""), **values)


def source_from_doc(doc: dict[str, Any]) -> Source:
    return Source(str(doc["name"]), str(doc.get("description", "")))


def theme_from_doc(doc: dict[str, Any]) -> Theme:
    key = doc.get("key", 0)
    return Theme(
        str(doc["name"]),
        str(doc.get("colour", "")),
        str(doc.get("description", "")),
        key if type(key) is int and key in QUICK_KEYS else 0,
    )


def deletion_doc(annotation_id: str, at: str) -> dict[str, str]:
    """The record of an annotation's deletion, as the file and the journal keep it."""
    return {"id": annotation_id, "at": at}


def deletion_from_doc(doc: Any) -> tuple[str, str] | None:
    """(annotation id, when) of a deletion record; None for one that is not one (a record of
    a deletion only keeps a deleted annotation from coming back: a damaged one is let go,
    never a reason to refuse the file)."""
    if not isinstance(doc, dict):
        return None
    key, at = doc.get("id"), doc.get("at")
    if not (isinstance(key, str) and isinstance(at, str)) or not key or len(key) > 200:
        return None
    return key, at[:40]


def damaged_change(records: Iterable[dict[str, Any]]) -> tuple[int, str] | None:
    """The first journal change (numbered from 1) that opening the database would refuse,
    and why, read without the database: its operations applied to empty tables, as opening
    applies them to the file's (the doctor's check, which reads the file as plain JSON)."""
    scratch = Tables()
    for number, record in enumerate(records, start=1):
        operations = record.get("ops")
        if not isinstance(operations, list):
            return number, "holds no operations"
        try:
            scratch.apply(operations)
        except TablesError as error:
            return number, str(error)
    return None


def well_formed(operation: Any) -> bool:
    """Whether a journal operation has its shape, [table name, key, record or None] (a
    crafted journal may hold an object, whose keys would unpack as three names, or a list
    for a table's name)."""
    return isinstance(operation, list) and len(operation) == 3 and isinstance(operation[0], str)


def replayed(data: dict[str, Any], records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Decoded file data (TinyDB's layout, plain dicts) with journal records applied in
    place, for tools that read the file as JSON (the doctor); malformed operations are
    skipped. Returns `data`."""
    keys = {
        ARTICLES: lambda doc: doc.get("id"),
        ANNOTATIONS: lambda doc: doc.get("id"),
        SOURCES: lambda doc: name_key(str(doc.get("name", ""))),
        THEMES: lambda doc: name_key(str(doc.get("name", ""))),
        DELETED: lambda doc: doc.get("id"),
    }
    where: dict[str, dict[Any, str]] = {}
    next_number: dict[str, int] = {}  # the number a table's next new record is filed under
    for table, key_of in keys.items():
        docs = data.get(table)
        if isinstance(docs, dict):
            where[table] = {key_of(d): i for i, d in docs.items() if isinstance(d, dict)}
    for record in records:
        for operation in record.get("ops") or ():
            if not well_formed(operation):
                continue
            table, key, doc = operation
            docs = data.get(table)
            if not isinstance(docs, dict):
                continue
            if table == META:
                if isinstance(doc, dict) and docs:
                    docs[next(iter(docs))] = doc
                continue
            found = where.get(table, {})
            doc_id = found.get(key)
            if doc is None:
                if doc_id is not None:
                    docs.pop(doc_id, None)
                    del found[key]
                continue
            if doc_id is None:
                if table not in next_number:  # (found once a table: reading every key for
                    # each record added made 40,000 of a journal take minutes)
                    numbers = [int(i) for i in docs if str(i).isdigit()]
                    next_number[table] = max(numbers, default=0) + 1
                doc_id = str(next_number[table])
                next_number[table] += 1
                found[key] = doc_id
            docs[doc_id] = doc
    return data
