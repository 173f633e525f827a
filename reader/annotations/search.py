"""Search over every annotation: the fuzzy, ranked index (the syntax is `query`'s).

How a word matches is `vocabulary`'s: the same word, a word it begins while being typed, or
a typo of a word (one edit in 3 to 5 letters, two in more; never turning a real word that
no annotation holds into another word, except a name). Scores: exact 100, a beginning 70
to 95 by how much was typed, a typo 85 (one edit) or 72 (two). An annotation's score is the
mean, over the query's words, of the best match in its fields, each field weighted: source
and themes 1.0, quote 0.9, note 0.85, article title 0.75. Then the conditions: `kind:`, `coder:`,
dates, and exclusions (`-theme:sports`). Results are ranked by score (ties: the newer), or
sorted newest first, or by the article's publication date.

Cost: the index holds, per distinct word, a compact array of (annotation, field) entries,
so a keystroke costs a few vocabulary look-ups and numpy work proportional to the number of
entries of the matched words, not to the number or length of annotations.
"""

from __future__ import annotations

import contextlib
import operator
import re
import threading
import time
import zlib
from array import array
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import msgspec
import numpy as np
from rapidfuzz.distance import DamerauLevenshtein

from reader.annotations.documents import NO_DATE, Documents, day_number, fingerprint
from reader.annotations.index_file import (
    IndexFileError,
    KeptRows,
    Piece,
    SavedIndex,
    document_spans,
    index_path,
    read_index,
    read_rows,
    rows_path,
    rows_written_for,
    size_limit,
    state_path,
    vouch,
    vouched,
    write_index,
    write_rows,
)
from reader.annotations.query import (
    SOURCE,
    THEMES,
    TITLE,
    Query,
    field_words,
    fields_fit,
    fold_text,
    name_words,
    parse_query,
    tokens,
)
from reader.annotations.vocabulary import (
    TYPO_1,
    TYPO_2,
    Vocabulary,
    allowed_edits,
    english_words,
)
from reader.core.coders import coder_key
from reader.core.collector import collector_paused
from reader.core.memory import give_back_freed_memory
from reader.core.records import QUOTATION, Annotation, ArticleRecord, Change
from reader.storage.database import Store
from reader.storage.tinydb_storage import TableView

__all__ = [
    "SOURCE",
    "THEMES",
    "Hit",
    "Query",
    "Results",
    "SearchIndex",
    "by_article",
    "fingerprint",
    "fold_text",
    "highlight_spans",
    "parse_query",
    "tokens",
]

FIELD_WEIGHTS = np.array([0.9, 0.85, 1.0, 1.0], dtype=np.float32)
TITLE_WEIGHT = np.float32(0.75)
SORTS = ("relevance", "newest", "published")
# While a large change is taken in (a codebook merge of 1,000 annotations: ~150 ms), the
# thread applying it lets the UI thread run after every this many annotations (~0.2 ms),
# instead of at the interpreter's switch interval, which doubled the UI's own work.
YIELD_EVERY = 8
# A kept index is used when at least this share of what it holds is still current.
MIN_REUSED = 0.5
# Entries of an index built afresh copied for its save under the lock at a time (1 MB): the
# whole copy first was 20 MB at 100,000 annotations, at the peak of a start that saves it.
SAVE_PIECE = 1 << 18
# How long the store's reading of the annotations waits for the first search of an index
# that answers before they are read (when a search waits: see `build`).
FIRST_SEARCH_SECONDS = 0.25
HURRY_POLL = 0.02  # how often a build waiting for a search looks at the store (seconds)


_DISPLAY_WORD = re.compile(r"\w+(?:['’]\w+)*")


def highlight_spans(value: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of `value` whose folded word is in `words` (for showing matches)."""
    if not words:
        return []
    spans = []
    for match in _DISPLAY_WORD.finditer(value):
        word = match.group()
        folded = word.lower() if word.isascii() and "'" not in word else fold_text(word)
        if folded in words:
            spans.append((match.start(), match.end()))
    return spans


@lru_cache(maxsize=8192)
def _name_words(source: str) -> tuple[str, ...]:
    return tuple(tokens(source))


@lru_cache(maxsize=8192)
def _written_names(source: str) -> tuple[str, ...]:
    return tuple(name_words(source))


@dataclass(frozen=True)
class Hit:
    """One ranked result."""

    annotation: Annotation
    score: float
    title: str


@dataclass(frozen=True)
class Results:
    """The best hits of a search, how many matched in all, and the words that matched."""

    hits: list[Hit]
    total: int
    words: frozenset[str]


_ONE = msgspec.json.Decoder(Annotation)  # (the type the store's table is decoded into)


class _NotRead(Exception):
    """A row of a kept index could not be read from the database file: the search waits
    for the store's annotations instead."""


@dataclass
class _Unread:
    """A kept index answering before the store has read the annotations: where each of
    its rows lies in the database file the store opened (`rows`), which holds, read just
    now, the table the index was vouched for (`table`: its CRC-32 and length)."""

    view: TableView
    table: tuple[int, int]
    rows: KeptRows

    def annotation(self, number: int, annotation_id: str) -> Annotation:
        """Row `number`'s annotation, read from the file (`_NotRead` when it is not there
        as it was: then the store's own reading tells why)."""
        rows = self.rows
        data = self.view.read(int(rows.starts[number]), int(rows.lengths[number]))
        if data is None:
            raise _NotRead
        try:
            annotation = _ONE.decode(data)
        except (msgspec.ValidationError, msgspec.DecodeError):
            raise _NotRead from None
        if annotation.id != annotation_id:
            raise _NotRead
        return annotation


def _hurried(hurry: threading.Event, store: Store) -> bool:
    """Wait until a search waits for the index (True) or the store has read, or failed to
    read, the annotations (False)."""
    store.start_loading()  # (begun already by the app: then nothing)
    while not store.settled:
        if hurry.wait(HURRY_POLL):
            return not store.settled
    return False


def _needs_records(query: Query) -> bool:
    """Whether the query reads the annotations themselves (not only the index's words and
    columns): a coder, or a field asked empty or filled."""
    return bool(query.coders or query.not_coders or query.reads_fields)


class SearchIndex:
    """An in-memory index of every annotation, kept current by the store's change events."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._docs = Documents()
        self._vocab = Vocabulary()
        self._title_vocab = Vocabulary()
        self._titles: dict[int, str] = {}
        # the titled articles' ids in order: the title vocabulary's entries are places in it
        # (an article id itself, up to 2**53 in a crafted database, overflowed its array)
        self._title_ids = np.zeros(0, dtype=np.int64)
        self._published: dict[int, int] = {}  # article id -> day number
        # A source's words -> its annotations' numbers (an int32 array, not a list of
        # 100,000 int objects: 3 MB less).
        self._name_docs: dict[tuple[str, ...], array] = {}
        self._names_with: dict[str, set[tuple[str, ...]]] = {}  # a word -> names holding it
        self._removed_while_building: set[str] | None = None
        self._saved_at: Path | None = None
        self._changed_since_saved = False
        # (state file, index header, annotations table): to vouch for, once ready (`vouch`)
        self._to_vouch: tuple[Path, tuple[int, int], tuple[int, int]] | None = None
        # Rows taken from the kept index before the store read the annotations (`build`'s
        # `answering`): read from the file when shown, until `_attach`.
        self._unread: _Unread | None = None
        self._whole = threading.Event()  # set: every row holds its annotation
        self._whole.set()
        self._searched = threading.Event()  # set once a search was answered
        self._changes = 0  # changes applied (see `apply`)
        # What the rows file is written from, once ready (`vouch`): its path, the index
        # header and table it is for, the table's view, the annotations in the table's
        # order, and `_changes` then.
        self._to_rows: (
            tuple[Path, tuple[int, int], tuple[int, int], TableView, list[Annotation], int] | None
        ) = None

    @classmethod
    def build(
        cls,
        store: Store,
        *,
        kept: bool = True,
        answering: Callable[[SearchIndex], None] | None = None,
        hurry: threading.Event | None = None,
    ) -> SearchIndex:
        """An index of everything in `store`, subscribed to its changes; `kept`: start from
        the index saved beside the database, and save it again when it was not current.
        `answering`: called with the index once it answers, which may be before the store
        has read the annotations (`_answer_early`); it is returned once it holds them.
        `hurry`: when given, the index answers early only once it is set (a search waits
        for the index) before the annotations are read, and the store's reading of them
        waits meanwhile (while the kept index is taken, and for its first search); a start
        that no search waits for reads them as before.

        Lock order: the store's snapshot is taken before the index's own lock, never inside
        it (the store calls `apply` while holding its lock). Subscribing first means a change
        made meanwhile is applied after the build, and applying it twice does no harm.
        """
        saved_at = index_path(store.path) if kept else None
        view = store.take_table_view() if kept and answering is not None else None
        early = view is not None and rows_path(store.path).is_file()  # (see `_answer_early`)
        index = cls()
        index._removed_while_building = set()
        try:
            with contextlib.ExitStack() as holding:
                held = early and hurry is not None and hurry.is_set()
                if held:
                    holding.enter_context(store.loading_held())
                english_words()  # loaded now, off the UI thread, not at the first keystroke
                saved = read_index(saved_at, size_limit(store.path)) if saved_at else None
                store.subscribe(index.apply)  # (before the annotations arrive: none missed)
                if early and hurry is not None and not held and saved is not None:
                    held = _hurried(hurry, store)
                    if held:
                        holding.enter_context(store.loading_held())
                if answering is not None and saved is not None and view is not None:
                    taken = (held or hurry is None) and index._answer_early(store, saved, view)
                    if taken is None:
                        saved = None  # (a damaged entry read: nothing kept is used)
                    elif taken:
                        view = None  # (the index reads the rows it shows through it)
                        answering(index)
                        index._searched.wait(FIRST_SEARCH_SECONDS if held else 0)
            return index._build(store, saved, saved_at, view)
        finally:
            index._whole.set()  # (also when the annotations could not be read)

    def _build(
        self,
        store: Store,
        saved: SavedIndex | None,
        saved_at: Path | None,
        view: TableView | None,
    ) -> SearchIndex:
        """The rest of `build`, once the store has read the annotations."""
        index = self
        store.wait_loaded()  # a lazy store's annotations (their arrival is not a change)
        records = store.articles()
        # In no order yet: those the kept index holds are taken by id, and only those left
        # to add are put in the order they were made (sorting all 100,000 first, and
        # looking each up in an index that holds none yet: 40 ms before the first search).
        annotations, as_read = store.annotations_as_read()
        if index._unread is not None:
            if index._attach(annotations, as_read):
                del annotations
                give_back_freed_memory()
                return index
            index._start_again()  # a change came meanwhile: built the usual way
            annotations, as_read = store.annotations_as_read()
            saved = read_index(saved_at, size_limit(store.path)) if saved_at else None
        state_at = state_path(store.path) if saved_at else None
        checked = (  # the kept fingerprints already found equal to these annotations'
            saved is not None
            and saved.header_sum is not None
            and as_read is not None
            and state_at is not None
            and vouched(state_at, saved.header_sum, as_read)
        )
        with index._lock, collector_paused(freeze=True):
            removed = index._removed_while_building or set()
            index._removed_while_building = None
            index._set_titles(records)
            # Newer than the snapshot: already applied (or deleted) by a change event.
            known = index._docs
            if len(known) or removed:
                annotations = [a for a in annotations if a.id not in known and a.id not in removed]
            whole = not (len(known) or removed)  # (the snapshot as it was taken)
            pending, annotations = annotations, []
            in_table = pending  # (the snapshot in the table's order, when `whole`)
            held = len(saved.ids) if saved else 0
            reused = index._restore(saved, pending, checked) if saved else 0
            header = saved.header_sum if saved else None
            every = reused == held == len(pending)  # every kept fingerprint found current
            if header and state_at and as_read and whole and every and not checked:
                index._to_vouch = (state_at, header, as_read)
            at = rows_path(store.path)
            if (
                header
                and as_read
                and whole
                and every
                and view is not None
                and not rows_written_for(at, header, as_read, len(in_table))
            ):
                index._to_rows = (at, header, as_read, view, in_table, index._changes)
                view = None  # (read again, then closed, by `vouch`)
            del in_table
            if saved is not None:
                saved.close()  # (read whole, or not needed: the file is not kept open)
            if reused == len(pending):  # (the restored ones are numbered now)
                pending = []
            elif reused:  # the rest are added
                held_now = known.held(pending).tolist()
                pending = [a for a, kept in zip(pending, held_now, strict=True) if not kept]
            pending.sort(key=lambda a: a.updated)  # (stable: as sorting them all first did)
            for annotation in pending:  # (none held: `pending` left out those that are)
                index._add(annotation, new=True)
            index._changed_since_saved |= saved is None or reused != held
            writable = not store.read_only and store.path.exists()  # never the first file
            index._saved_at = saved_at if writable else None
        if view is not None:
            view.close()
        del saved
        give_back_freed_memory()  # what decoding the file, or indexing afresh, left behind
        index.save()
        return index

    def _answer_early(self, store: Store, saved: SavedIndex, view: TableView) -> bool | None:
        """Take every row of the kept index before the store has read the annotations, when
        the state file vouches for this index and the annotations table the store is
        reading, as it is in the file now (`view`, read whole: 20 ms for 60 MB, without the
        interpreter lock), and the rows file, written for the same two, says where each row
        lies in it and what its source is. Then the index answers every search that needs
        no annotation but the ones it shows (read from the file: `_hit`) and `_attach`
        gives it the store's annotations. True: taken; False: nothing taken, `saved`
        untouched; None: its entries turned out damaged (nothing taken, `saved` spent)."""
        header = saved.header_sum
        rows = read_rows(rows_path(store.path), len(saved.ids), view.length)
        if header is None or rows is None or rows.header != header:
            return False
        table = view.checksum()
        if table is None or table != rows.annotations:
            return False
        if not vouched(state_path(store.path), header, table):
            return False
        with self._lock, collector_paused(freeze=True):
            if self._changes or len(self._docs):
                return False  # (no change comes before the annotations are read)
            try:
                self._vocab.set_saved(saved.words, saved.bounds, saved.all_pieces())
            except IndexFileError:
                self._vocab = Vocabulary()
                return None
            saved.entries = np.zeros(0, dtype=np.int32)
            saved.close()
            self._set_titles(store.articles())
            printed = np.asarray(saved.fingerprints, dtype=np.int64).astype(np.uint32)
            self._docs.extend_unattached(saved.ids, printed, saved.columns)
            saved.ids, saved.fingerprints, saved.columns = [], [], {}
            source_of = rows.source_of
            order = np.argsort(source_of, kind="stable")
            grouped = source_of[order]
            cuts = np.flatnonzero(grouped[1:] != grouped[:-1]) + 1
            for numbers in np.split(order, cuts):
                if numbers.size and (source := int(source_of[numbers[0]])) >= 0:
                    self._add_name(rows.sources[source], numbers.tolist())
            self._vocab.add_names(saved.names)
            rows.source_of = np.zeros(0, dtype=np.int32)
            self._unread = _Unread(view, table, rows)
            self._whole.clear()
            writable = not store.read_only and store.path.exists()
            self._saved_at = index_path(store.path) if writable else None
        return True

    def _attach(self, annotations: list[Annotation], as_read: tuple[int, int] | None) -> bool:
        """Give the rows taken early (`_answer_early`) the store's annotations, when these
        are exactly the table the rows were read from (no change since: `as_read`, the
        table's sum as the store decoded it, is the one read early) and each has its row's
        id; False, and nothing changed, otherwise."""
        unread = self._unread
        if unread is None or as_read is None or as_read != unread.table:
            return False
        starts = unread.rows.starts
        if len(annotations) != len(starts):
            return False
        place = np.empty(len(starts), dtype=np.int64)  # each row's place in the table
        place[np.argsort(starts)] = np.arange(len(starts))
        in_rows = list(map(annotations.__getitem__, place.tolist()))
        del place
        with self._lock:
            if not self._docs.attach(in_rows):
                return False
            self._unread = None
            self._removed_while_building = None
        unread.view.close()
        self._whole.set()
        return True

    def _start_again(self) -> None:
        """Forget the rows taken early (the build then takes the kept index as usual)."""
        with self._lock:
            unread, self._unread = self._unread, None
            self._docs = Documents()
            self._vocab = Vocabulary()
            self._name_docs = {}
            self._names_with = {}
            self._removed_while_building = set()
            self._expand.cache_clear()
        if unread is not None:
            unread.view.close()

    def _restore(self, saved: SavedIndex, pending: list[Annotation], checked: bool = False) -> int:
        """Take what was saved of each annotation of `pending` that is unchanged since (then
        numbered in `self._docs`); how many were taken. `checked`: the state file vouches
        that the saved fingerprints are those of exactly these annotations (then, if every
        saved id is found among them and no other, none is computed again).

        What was read of the file is let go as soon as it is used (its ids, fingerprints
        and columns: 20 MB at 100,000 annotations that were held to the end of the build,
        at the peak of a start), and no set of 100,000 ids or addresses is made on the way
        (each was 4 to 7 MB more at that peak)."""
        current = {annotation.id: annotation for annotation in pending}
        found = list(map(current.get, saved.ids))
        del current
        saved.ids = []  # the store's own strings are the ones kept
        if checked and len(found) == len(pending) and None not in found:
            printed = np.asarray(saved.fingerprints, dtype=np.int64)
            same = np.ones(len(found), dtype=bool)
        else:
            buffer = bytearray()
            printed = np.fromiter(
                (-1 if a is None else fingerprint(a, buffer) for a in found), np.int64, len(found)
            )
            same = printed == np.asarray(saved.fingerprints, dtype=np.int64)
        saved.fingerprints = []
        rows = [a if kept else None for a, kept in zip(found, same.tolist(), strict=True)]
        del found
        reused = int(np.count_nonzero(same))
        fingerprints = np.where(same, printed, 0).astype(np.uint32)  # (those kept: crc32s)
        del printed, same
        addresses = np.fromiter((id(a) for a in rows if a is not None), np.uint64, reused)
        addresses.sort()  # (not `np.unique`: it loads numpy.ma, 1.2 MB of code)
        if np.any(addresses[1:] == addresses[:-1]):
            return 0  # an annotation saved twice: not an index this Reader wrote
        del addresses
        kept_articles = np.fromiter((a.article_id for a in rows if a is not None), np.int64, reused)
        saved_articles = np.asarray(saved.columns["article"], dtype=np.int64)[
            np.fromiter((a is not None for a in rows), bool, len(rows))
        ]
        if not np.array_equal(kept_articles, saved_articles):
            return 0  # (a row's article is an index into the titles' scores: one made up
            # by hand, beyond them, failed every search; the file is not one Reader wrote)
        del kept_articles, saved_articles
        if reused < MIN_REUSED * len(rows):
            # Mostly stale (the database was rewritten by other means): its postings would
            # all be kept beside the new ones (twice the memory: 460 MB instead of 300 at
            # 100,000 annotations). Building afresh costs the same as adding the rest.
            return 0
        base = len(self._docs)
        shift = np.int32(base << 3)
        try:  # packed as they are read (`Postings`: never all of them as int32)
            self._vocab.set_saved(
                saved.words,
                saved.bounds,
                ((first, last, piece + shift) for first, last, piece in saved.all_pieces()),
            )
        except IndexFileError:
            return 0  # (nothing taken from it)
        saved.entries = np.zeros(0, dtype=np.int32)  # let go of the file's bytes
        self._docs.extend(rows, fingerprints, saved.columns)
        saved.columns = {}
        by_source: dict[str, array] = {}
        for number, annotation in enumerate(rows, start=base):
            if annotation is not None and annotation.source:
                numbers = by_source.get(annotation.source)
                if numbers is None:
                    by_source[annotation.source] = array("i", (number,))
                else:
                    numbers.append(number)
        for source, numbers in by_source.items():  # a few hundred sources, not 100,000 calls
            self._add_name(source, numbers)
        self._vocab.add_names(saved.names)
        return reused

    def prepare(self) -> None:
        """Make the first typo look-ups as fast as the rest, once the index answers (the app
        calls it then: a search typed at once does not wait for all of it, only for one
        window of word lengths at most, each prepared under the lock)."""
        for step in self._vocab.preparation():
            with self._lock:
                step()

    def vouch(self) -> bool:
        """Write the state file when this start checked every kept fingerprint and found
        them all current (after the index answers: not on the way to the first search), so
        that the next start with the same index and annotations need not; True if written."""
        with self._lock:
            to_vouch, self._to_vouch = self._to_vouch, None
            to_rows, self._to_rows = self._to_rows, None
            writable = self._saved_at is not None
        if to_rows is not None:
            self._write_rows(*to_rows, writable=writable)
        if to_vouch is None or not writable:
            return False
        return vouch(*to_vouch)

    def _write_rows(
        self,
        path: Path,
        header: tuple[int, int],
        table: tuple[int, int],
        view: TableView,
        in_table: list[Annotation],
        changes: int,
        *,
        writable: bool = True,
    ) -> bool:
        """Write the rows file for the kept index whose header is `header` and the table
        `table`, read again through `view` (closed after; nothing written unless it still
        holds that table and each row's annotation, `in_table` in its order, and no change
        came since the build: `changes`). Once per index and table (120 ms, after the first
        search); True if written."""
        try:
            if not writable or rows_written_for(path, header, table, len(in_table)):
                return False  # (written already: its header alone read)
            crc = 0

            def pieces() -> Iterable[bytes]:
                nonlocal crc
                for data in view.chunks():
                    crc = zlib.crc32(data, crc)
                    yield data

            spans = document_spans(pieces(), view.length)
            count = len(in_table)
            if spans is None or (crc, view.length) != table or len(spans[0]) != count:
                return False
            place = self._places(in_table, changes)
            if place is None:
                return False
            names = sorted({a.source for a in in_table if a.source})
            number = {name: n for n, name in enumerate(names)}
            source_of = np.fromiter(  # (in the table's order, then the rows')
                (number[a.source] if a.source else -1 for a in in_table), np.int32, count
            )[place]
            starts, lengths = spans
            return write_rows(
                path, KeptRows(header, table, starts[place], lengths[place], names, source_of)
            )
        finally:
            view.close()

    def _places(self, in_table: list[Annotation], changes: int) -> np.ndarray | None:
        """Each row's place among `in_table` (the very annotations the rows hold, in the
        table's order), found through the table of the ids' hashes; None when no row may
        be changed since (`changes`) or one is not found (a hash two ids share: rare)."""
        count = len(in_table)
        with self._lock:
            docs = self._docs
            if self._changes != changes or len(docs) != count or docs.count != count:
                return None
            hashes, numbers = docs.hash_table()
            held = docs.annotations
        if hashes.size != count:
            return None
        keys = np.fromiter((hash(a.id) for a in in_table), np.int64, count)
        at = np.searchsorted(hashes, keys)
        del keys
        np.minimum(at, count - 1, out=at)
        rows = numbers[at]  # (each table place's row, if its hash is its own)
        del at
        for first in range(0, count, 8192):  # (a few thousand number objects at a time)
            some = map(held.__getitem__, rows[first : first + 8192].tolist())
            if not all(map(operator.is_, in_table[first : first + 8192], some)):
                return None
        place = np.empty(count, dtype=np.int32)
        place[rows] = np.arange(count, dtype=np.int32)
        with self._lock:
            return place if self._changes == changes else None

    def save(self) -> bool:
        """Save the index beside the database when it changed since (False: not saved)."""
        with self._lock:
            if self._saved_at is None or not self._changed_since_saved or self._unread:
                return False  # (nor before the annotations are read: rows hold only ids)
            saved, at = self._to_save(), self._saved_at
            self._changed_since_saved = False
        if not write_index(at, saved):
            self._changed_since_saved = True
            return False
        return True

    def _to_save(self) -> SavedIndex:
        """`saved()`, but for an index built afresh with none removed (a start that saves
        its index again) its entries are read from the postings a group of words at a time
        as they are written (`SAVE_PIECE`, each under the lock): they only ever grow at
        their ends, so what each word held now is its first entries then."""
        with self._lock:
            alive = self._docs.alive()
            fresh = self._vocab.postings.added_only() if alive.all() else None
            if fresh is None:
                return self.saved()
            words, arrays = fresh
            counts = np.fromiter(map(len, arrays), np.int64, len(arrays))
            if not counts.all():
                return self.saved()
            bounds = np.zeros(len(words) + 1, dtype=np.int64)
            np.cumsum(counts, out=bounds[1:])
            return SavedIndex(
                ids=[a.id for a in self._docs.annotations if a is not None],
                fingerprints=np.frombuffer(self._docs.fingerprints, dtype=np.uint32)[alive],
                words=words,
                bounds=bounds,
                entries=np.zeros(0, dtype=np.int32),
                names=sorted(self._vocab.names),
                columns=self._docs.saved_columns(alive),
                pieces=self._pieces_of(arrays, bounds),
            )

    def _pieces_of(self, arrays: list[array], bounds: np.ndarray) -> Generator[Piece, None, None]:
        """The first `bounds[i + 1] - bounds[i]` entries of each `arrays[i]`, a group of
        words at a time (copied under the lock: no view of an array outlives it)."""
        start = 0
        while start < len(arrays):
            end = int(np.searchsorted(bounds, bounds[start] + SAVE_PIECE, side="right")) - 1
            end = min(max(end, start + 1), len(arrays))
            with self._lock:
                piece = _joined(arrays[start:end], bounds[start : end + 1])
            yield start, end, piece
            start = end

    def saved(self) -> SavedIndex:
        """The index as it would be saved: removed annotations left out, the rest numbered
        again, words no annotation holds any more dropped."""
        with self._lock:
            alive = self._docs.alive()
            words, counts, entries = self._vocab.postings.flat()
            if not alive.all():  # renumber the rest, and count what each word keeps
                keep = alive[entries >> 3]
                starts = np.concatenate(([0], np.cumsum(counts)[:-1])) if words else counts
                counts = np.add.reduceat(keep, starts).astype(np.int64) if words else counts
                renumbered = (np.cumsum(alive, dtype=np.int64) - 1).astype(np.int32)
                entries = entries[keep]
                entries = (renumbered[entries >> 3] << 3) | (entries & 7)
            held = counts > 0
            bounds = np.zeros(int(np.count_nonzero(held)) + 1, dtype=np.int64)
            np.cumsum(counts[held], out=bounds[1:])
            return SavedIndex(
                ids=[a.id for a in self._docs.annotations if a is not None],
                fingerprints=np.frombuffer(self._docs.fingerprints, dtype=np.uint32)[alive],
                words=[w for w, kept in zip(words, held.tolist(), strict=True) if kept],
                bounds=bounds,
                entries=entries,
                names=sorted(self._vocab.names),
                columns=self._docs.saved_columns(alive),
            )

    @classmethod
    def of(cls, annotations: Iterable[Annotation], records: Iterable[ArticleRecord]) -> SearchIndex:
        """An index of these annotations (not kept current: for benches and one-off use)."""
        index = cls()
        with index._lock:
            index._set_titles(records)
            for annotation in annotations:
                index._add(annotation)
        return index

    def __len__(self) -> int:
        return self._docs.count

    # --- keeping current ---
    def apply(self, change: Change) -> None:
        """Apply one store change (a store listener)."""
        if change.loaded:
            return  # the annotations of a lazy store arriving: the build read them all
        with self._lock:
            self._changes += 1
            if change.articles:
                self._set_titles(change.articles)
            for annotation in change.removed:
                self._remove(annotation.id)
                if self._removed_while_building is not None:
                    self._removed_while_building.add(annotation.id)
            for count, annotation in enumerate(change.added, start=1):
                self._add(annotation)
                if self._removed_while_building is not None:
                    self._removed_while_building.discard(annotation.id)
                if count % YIELD_EVERY == 0:
                    time.sleep(0)  # a large change: the UI thread gets the interpreter now
            self._expand.cache_clear()

    def _set_titles(self, records: Iterable[ArticleRecord]) -> None:
        retitled = False
        for record in records:
            self._published[record.id] = day_number(record.published)
            if self._titles.get(record.id) != record.title:
                self._titles[record.id] = record.title
                retitled = True
        if retitled:  # titles change rarely: a new vocabulary is cheap (one entry per article)
            vocab = Vocabulary()
            ids = sorted(self._titles)
            for place, article_id in enumerate(ids):
                for word in set(tokens(self._titles[article_id])):
                    vocab.add(word, place)
            self._title_ids = np.array(ids, dtype=np.int64)
            self._title_vocab = vocab

    def _add_name(self, source: str, numbers: Iterable[int]) -> None:
        name = _name_words(source)
        held = self._name_docs.get(name)
        if held is None:
            self._name_docs[name] = array("i", numbers)
            for word in name:
                self._names_with.setdefault(word, set()).add(name)
        else:
            held.extend(numbers)

    def _add(self, annotation: Annotation, new: bool = False) -> None:
        """Index `annotation` (in place of the one with its id; `new`: none is held, as the
        build knows of what it adds: no look-up, 2 µs each in the sorted table)."""
        if not new and annotation.id in self._docs:
            self._remove(annotation.id)
        self._changed_since_saved = True
        doc = self._docs.add(annotation, fingerprint(annotation))
        if annotation.source:
            self._add_name(annotation.source, (doc,))
        # Lower-weighted fields first: a word's best field for a document comes last.
        vocab = self._vocab
        entry = doc << 3
        for field, words in field_words(annotation):
            for word in words:
                vocab.add(word, entry | field)
        if annotation.source:
            vocab.add_names(_written_names(annotation.source))

    def _remove(self, annotation_id: str) -> None:
        if self._docs.remove(annotation_id) is not None:
            self._changed_since_saved = True

    # --- searching ---
    def search(
        self, text: str | Query, limit: int = 200, *, typing: bool = False, sort: str = "relevance"
    ) -> Results:
        """The best `limit` annotations for a query (ranked, or sorted by `sort`: one of
        SORTS); `typing`: the text is being typed (its last word is a beginning)."""
        query = parse_query(text, typing) if isinstance(text, str) else text
        if not self._whole.is_set() and (self._unread is None or _needs_records(query)):
            self._whole.wait()  # (the store's annotations are needed: they come first)
        try:
            try:
                return self._search(query, limit, sort)
            except _NotRead:  # (the database file is not as it was read: wait for the store)
                self._whole.wait()
            try:
                return self._search(query, limit, sort)
            except _NotRead:  # (the store could not read the annotations either)
                return Results([], 0, frozenset())
        finally:
            self._searched.set()

    def _search(self, query: Query, limit: int, sort: str) -> Results:
        if query.empty and query.unsearchable:
            return Results([], 0, frozenset())  # "👩‍👩‍👧": no word to search for, not all
        with self._lock:
            count = len(self._docs)
            alive = self._docs.alive() if count else None
            if count == 0 or alive is None:
                return Results([], 0, frozenset())
            matched_words: set[str] = set()
            total = np.zeros(count, dtype=np.float32)
            required = alive & self._conditions(query, count, matched_words)
            parts = 0
            named = self._named(query.terms, count, matched_words)
            for term in query.terms:
                scores = self._term_scores(term, None, count, matched_words, query)
                if named is not None:
                    np.maximum(scores, named, out=scores)
                required &= scores > 0
                total += scores
                parts += 1
                del scores  # (before the next term's are made)
                if not required.any():  # every word must match: no need to read the rest
                    return Results([], 0, frozenset(matched_words))
            for field, words in query.filters:
                for word in words:
                    scores = self._term_scores(word, field, count, matched_words, query)
                    required &= scores > 0
                    total += scores
                    parts += 1
                    del scores
                    if not required.any():
                        return Results([], 0, frozenset(matched_words))
            if query.reads_fields:  # (last: read only where the rest of the query holds)
                required &= self._empty_mask(query, count, required)
            if parts:  # (in place: each 100,000-row temporary raises the peak memory)
                total /= parts
                total *= required  # (0 where not required: np.where's answer, 6 x quicker)
                found = np.flatnonzero(total)
            else:  # conditions only (or nothing): every annotation that meets them
                found = np.flatnonzero(required)
            # (filters alone rank nothing: their results are the newest first, chosen from
            # all of them; a "best" few of equal scores had been any few)
            order = "newest" if not parts and sort == "relevance" else sort
            hits = self._ordered(found, total, limit, order)
            return Results(hits, int(found.size), frozenset(matched_words))

    def _named(self, terms: tuple[str, ...], count: int, matched: set[str]) -> np.ndarray | None:
        """Scores of the annotations whose source is the words typed, each with a typo or
        none: a name is matched as a whole ("jade bassi" is Wade Bassi, although "jade" is
        a word), once one of its words was typed right."""
        if len(terms) < 2:
            return None
        names = set().union(*(self._names_with.get(term, set()) for term in terms))
        scores: np.ndarray | None = None
        for name in names:
            if len(name) != len(terms):
                continue
            distances = [
                DamerauLevenshtein.distance(term, word, score_cutoff=allowed_edits(word))
                for term, word in zip(terms, name, strict=True)
            ]
            if any(d > allowed_edits(w) for d, w in zip(distances, name, strict=True)):
                continue
            held = self._name_docs.get(name)
            if not held:
                continue
            docs = np.frombuffer(held, dtype=np.int32)
            if scores is None:
                scores = np.zeros(count, dtype=np.float32)
            similarity = TYPO_1 if max(distances) <= 1 else TYPO_2
            scores[docs] = np.maximum(scores[docs], similarity)
            matched.update(name)
        return scores

    def _conditions(self, query: Query, count: int, matched: set[str]) -> np.ndarray:
        """Which documents meet the query's kind, dates and exclusions."""
        keep = np.ones(count, dtype=bool)
        if query.kind or query.not_kind:
            quotation = self._docs.column("quotation").astype(bool)
            if query.kind:
                keep &= quotation if query.kind == QUOTATION else ~quotation
            if query.not_kind:
                keep &= ~quotation if query.not_kind == QUOTATION else quotation
        if query.after or query.before:
            days = self._docs.column("day")
            if query.after:
                keep &= days >= day_number(query.after)
            if query.before:
                keep &= (days < day_number(query.before)) & (days != NO_DATE)
        if query.coders or query.not_coders:
            keep &= self._coder_mask(query.coders, query.not_coders, count)
        unused: set[str] = set()  # excluded words are not shown as matches
        # (a phrase left out is left out where all its words are: `-theme:"housing supply"`
        # keeps housing/affordability)
        left_out = [*((None, words) for words in query.excluded), *query.excluded_filters]
        for field, words in left_out:
            holds = np.ones(count, dtype=bool)
            for word in words:
                holds &= self._term_scores(word, field, count, unused, None) != 0
            keep &= ~holds
        return keep

    def _coder_mask(
        self, coders: tuple[str, ...], not_coders: tuple[str, ...], count: int
    ) -> np.ndarray:
        """Which documents are by one of `coders` and by none of `not_coders` (a pass over
        the annotations: a coder filter is rare, and exact)."""
        wanted, unwanted = set(coders), set(not_coders)
        keys: dict[str, str] = {}
        keep = np.zeros(count, dtype=bool)
        for number, annotation in enumerate(self._docs.annotations[:count]):
            if annotation is None:
                continue
            key = keys.get(annotation.coder)
            if key is None:
                key = keys[annotation.coder] = coder_key(annotation.coder)
            keep[number] = (not wanted or key in wanted) and key not in unwanted
        return keep

    def _empty_mask(self, query: Query, count: int, kept: np.ndarray | None = None) -> np.ndarray:
        """Which documents have no source or no themes where `source:""` or `theme:""` ask
        it, and have them where `-source:""` or `-theme:""` do, and the whole names
        `source:=` and `theme:=` ask (a pass over the annotations: rare, and exact)."""
        keep = np.zeros(count, dtype=bool)
        annotations = self._docs.annotations
        # (only the documents the rest of the query kept: `source:=ICE` had read all
        # 100,000 at each keystroke, 0.17 s, where its word had kept a few hundred)
        kept = np.ones(count, dtype=bool) if kept is None else kept[:count]
        if query.not_exact and not (query.empty_fields or query.filled_fields or query.exact):
            # A whole name left out can only leave out a document whose field holds its
            # words: the others are kept unread (`-theme:=X` read every one, 0.25 s)
            suspects = np.zeros(count, dtype=bool)
            for field, key in query.not_exact:
                holding = np.ones(count, dtype=bool)
                for word in tokens(key):
                    holding &= self._term_scores(word, field, count, set(), None) > 0
                suspects |= holding
            keep |= kept & ~suspects
            kept = kept & suspects
        for number in np.flatnonzero(kept).tolist():
            annotation = annotations[number]
            if annotation is not None:
                keep[number] = fields_fit(annotation, query)
        return keep

    def _ordered(self, found: np.ndarray, total: np.ndarray, limit: int, sort: str) -> list[Hit]:
        if sort == "relevance" and found.size > limit:
            keys = total[found]
            np.negative(keys, out=keys)  # (in place: one copy of the scores, not two)
            found = found[np.argpartition(keys, limit - 1)[:limit]]
            del keys
        # Order among equals, the same in any index of the same data: changed later first,
        # then in reading order (article, place), then by a hash of the id.
        column = self._docs.column
        articles = column("article")[found]
        ties = (column("hash")[found], column("place")[found], articles, -column("changed")[found])
        if sort == "newest":
            order = np.lexsort((*ties, -column("made")[found]))[:limit]
        elif sort == "published":
            days = np.array([self._published.get(int(a), NO_DATE) for a in articles])
            order = np.lexsort((*ties, -total[found], -days))[:limit]
        else:
            order = np.lexsort((*ties, -total[found]))
        return [self._hit(int(doc), float(total[doc])) for doc in found[order]]

    def _hit(self, doc: int, score: float) -> Hit:
        annotation = self._docs.annotations[doc]
        if annotation is None:  # a row taken before the store read the annotations
            annotation_id, unread = self._docs.id_of(doc), self._unread
            if annotation_id is None or unread is None:
                raise _NotRead
            annotation = unread.annotation(doc, annotation_id)
        return Hit(annotation, round(score, 1), self._titles.get(annotation.article_id, ""))

    def _term_scores(
        self,
        term: str,
        field: int | None,
        count: int,
        matched: set[str],
        query: Query | None,
    ) -> np.ndarray:
        scores = np.zeros(count, dtype=np.float32)
        prefix = query is not None and term == query.last_prefix
        if field != TITLE:
            for word, similarity in self._expand(term, False, prefix):
                entries = self._vocab.postings.entries(word)
                docs = entries >> 3
                if field is None:
                    weights = np.float32(similarity) * FIELD_WEIGHTS[entries & 7]
                else:
                    docs = docs[(entries & 7) == field]
                    weights = np.float32(similarity)
                if docs.size:
                    np.maximum.at(scores, docs, weights)
                    matched.add(word)
        if field is None or field == TITLE:
            by_article = self._title_scores(term, matched, prefix)
            if by_article is not None:
                doc_articles = self._docs.column("article")
                weight = TITLE_WEIGHT if field is None else np.float32(1.0)
                # each annotation's article's place among the titled (an annotation of an
                # article the database lacks, which `reader doctor` reports, has no title:
                # no score from it, and no IndexError)
                ids = self._title_ids
                places = np.minimum(np.searchsorted(ids, doc_articles), max(ids.size - 1, 0))
                known = (ids[places] == doc_articles) if ids.size else places < 0
                titled = np.where(known, by_article[places] if ids.size else 0, 0)
                np.maximum(scores, titled * weight, out=scores)
        return scores

    def _title_scores(self, term: str, matched: set[str], prefix: bool) -> np.ndarray | None:
        expansions = self._expand(term, True, prefix)
        if not expansions:
            return None
        by_article = np.zeros(self._title_ids.size, dtype=np.float32)
        for word, similarity in expansions:
            articles = self._title_vocab.postings.entries(word)
            np.maximum.at(by_article, articles, np.float32(similarity))
            matched.add(word)
        return by_article

    @lru_cache(maxsize=4096)  # noqa: B019 - cleared on every change; one index per app
    def _expand(self, term: str, title: bool, prefix: bool) -> list[tuple[str, float]]:
        return (self._title_vocab if title else self._vocab).expand(term, prefix)


def by_article(hits: Iterable[Hit]) -> list[Hit]:
    """The hits with each article's together, articles in the order of their best hit."""
    order: dict[int, int] = {}
    listed = list(hits)
    for hit in listed:
        order.setdefault(hit.annotation.article_id, len(order))
    return sorted(listed, key=lambda h: order[h.annotation.article_id])  # stable within


def search_store(store: Store, query: str, limit: int = 200, sort: str = "relevance") -> Results:
    """One-off search (for the command line): build the index and query it."""
    return SearchIndex.build(store).search(query, limit, sort=sort)


def hits_as_json(hits: Iterable[Hit], paths: dict[int, str]) -> list[dict[str, object]]:
    """The stable JSON shape of search results (`reader search --json`)."""
    return [
        {
            "id": hit.annotation.id,
            "article": paths.get(hit.annotation.article_id, ""),
            "title": hit.title,
            "quote": hit.annotation.quote,
            "source": hit.annotation.source,
            "themes": list(hit.annotation.themes),
            "note": hit.annotation.note,
            "kind": hit.annotation.kind,
            "start": hit.annotation.start,
            "end": hit.annotation.end,
            "score": hit.score,
            "coder": hit.annotation.coder,
        }
        for hit in hits
    ]


def _joined(arrays: list[array], bounds: np.ndarray) -> np.ndarray:
    """The first `bounds[i + 1] - bounds[i]` entries of each of `arrays`, one after the
    other, copied one array at a time (a view of each held at once cost 150 bytes a word:
    8 MB for the last piece of a rebuilt index, tens of thousands of rare words, as it
    was saved)."""
    joined = np.empty(int(bounds[-1] - bounds[0]) if len(bounds) else 0, dtype=np.int32)
    at = 0
    for entries, count in zip(arrays, np.diff(bounds).tolist(), strict=True):
        joined[at : at + count] = np.frombuffer(entries, dtype=np.int32, count=count)
        at += count
    return joined
