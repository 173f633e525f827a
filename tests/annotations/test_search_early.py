"""A kept index that answers before the store has read the annotations: only when the state
file vouches for it and for the annotations table as it is in the file now, and its rows
file says where each row lies; the rows it shows read from the file, the store's own
annotations taken once they are read; anything changed meanwhile, and it is built as
before. Every answer the same as an index built afresh."""

from __future__ import annotations

import os
import threading
import zlib
from collections.abc import Callable
from pathlib import Path

import msgspec
import numpy as np
import pytest

from reader.annotations import search as search_module
from reader.annotations.index_file import (
    document_spans,
    index_path,
    read_rows,
    rows_path,
    state_path,
)
from reader.annotations.search import SearchIndex
from reader.core.records import Annotation, edited, new_annotation
from reader.storage import tinydb_storage
from reader.storage.database import Store
from tests.helpers.changes_behind import (
    another_readers_fold,
    another_readers_save,
    backup_of_the_same_size_restored,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="spans are read on POSIX only")

TEXT = (
    "Funding\n\nThe minister said the budget would protect public safety. Critics called the "
    "plan reckless and said sovereignty was at stake. Doug King said agents assist police."
)
# Queries that read nothing of the annotations but the ones shown (a coder's does).
QUERIES = ["budget", "dug king", "publc safty", "source:king", "theme:sovereignty", "reckles"]


@pytest.fixture(autouse=True)
def spans(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small tables are read as large ones are (from where they lie in the file)."""
    monkeypatch.setattr(tinydb_storage, "SPAN_BYTES", 64)


def _database(db: Path, rows: int = 6) -> Path:
    store = Store(db)
    article = store.add_article(path="a.txt", title="Funding talks", sha256="0").id
    for number in range(rows):
        start = TEXT.index("The minister") if number % 2 == 0 else TEXT.index("Critics")
        store.save_annotation(
            new_annotation(
                article,
                TEXT,
                start,
                start + 60,
                source=["Doug King", "Heather McPherson", "Ana Ruiz", ""][number % 4] or None,
                themes=[["public safety"], ["sovereignty"]][number % 2],
                note=f"note {number} ünïcode" if number % 3 else f"note {number}",
                coder="ana" if number % 2 else "ben",
            )
        )
    store.fold()
    return db


def _answers(index: SearchIndex, queries: list[str] = QUERIES) -> list[list[Annotation]]:
    return [[hit.annotation for hit in index.search(q).hits] for q in queries]


def _fresh(db: Path, queries: list[str] = QUERIES) -> list[list[Annotation]]:
    return _answers(SearchIndex.build(Store(db), kept=False), queries)


class _Early:
    """An `answering` callback that notes whether the annotations were read then, and the
    answers the index gave then."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: list[tuple[bool, list[list[Annotation]]]] = []

    def __call__(self, index: SearchIndex) -> None:
        self.seen.append((self.store.loaded, _answers(index)))


def _start(db: Path, answering: Callable[[SearchIndex], None] | None = None) -> SearchIndex:
    store = Store(db, lazy=True)
    index = SearchIndex.build(store, answering=answering or _Early(store))
    index.vouch()  # (as the app does once the index answers)
    return index


def _checked(tmp_path: Path) -> Path:
    """A database whose kept index a start wrote, and a second start checked whole,
    vouched for and wrote the rows of."""
    db = _database(tmp_path / "reader.json")
    _start(db)  # the index is written
    assert not rows_path(db).exists()
    _start(db)  # every fingerprint compared: all current
    assert state_path(db).is_file() and rows_path(db).is_file()
    return db


def test_a_start_after_a_checked_one_answers_before_the_annotations_are_read(
    tmp_path: Path,
) -> None:
    db = _checked(tmp_path)
    store = Store(db, lazy=True)
    early = _Early(store)
    index = SearchIndex.build(store, answering=early)
    fresh = _fresh(db)
    assert early.seen == [(False, fresh)]  # answered, and the same, before they were read
    assert _answers(index) == fresh
    for hits in _answers(index):  # once read, the rows hold the store's own annotations
        assert all(store.annotation(hit.id) is hit for hit in hits)
    assert not index._docs.attached or index._unread is None
    index.vouch()
    assert index.save() is False  # (nothing changed: nothing written)


def test_with_a_hurry_the_index_answers_early_only_when_a_search_waits(tmp_path: Path) -> None:
    """The app's way: a start that no search waits for reads the annotations as before
    (the index answers once it holds them); one that a search waits for answers early."""
    db = _checked(tmp_path)
    store = Store(db, lazy=True)
    early = _Early(store)
    unhurried = SearchIndex.build(store, answering=early, hurry=threading.Event())
    assert early.seen == [] and unhurried._docs.attached
    assert _answers(unhurried) == _fresh(db)
    store = Store(db, lazy=True)
    early = _Early(store)
    hurry = threading.Event()
    hurry.set()
    SearchIndex.build(store, answering=early, hurry=hurry)
    assert early.seen == [(False, _fresh(db))]


def test_a_change_another_reader_makes_after_the_early_answer_is_taken(tmp_path: Path) -> None:
    db = _checked(tmp_path)
    store = Store(db, lazy=True)
    index = SearchIndex.build(store, answering=_Early(store))
    other = Store(db)
    first = other.annotations()[0]
    other.save_annotation(edited(first, note="a remark about tariffs"))
    store.refresh()
    assert [hit.annotation.id for hit in index.search("tariffs").hits] == [first.id]
    assert _answers(index) == _fresh(db)


def _index_of_other_annotations_kept(db: Path) -> str:
    """Another database's index, state and rows put in this one's place."""
    (db.parent / "other").mkdir()
    other = _checked(db.parent / "other")
    for name in (index_path, state_path, rows_path):
        name(db).write_bytes(name(other).read_bytes())
    return ""


@pytest.mark.parametrize(
    "change",
    [
        another_readers_save,
        another_readers_fold,
        backup_of_the_same_size_restored,
        _index_of_other_annotations_kept,
    ],
)
def test_no_early_answer_for_a_database_changed_behind_its_back(
    tmp_path: Path, change: Callable[[Path], str]
) -> None:
    db = _checked(tmp_path)
    word = change(db)  # the word it brought in ("": none)
    store = Store(db, lazy=True)
    early = _Early(store)
    index = SearchIndex.build(store, answering=early)
    assert early.seen == []  # (the app then waits for the index built as before)
    assert _answers(index) == _fresh(db)
    if word:
        assert index.search(word).hits


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "another count"])
def test_a_damaged_rows_file_only_costs_the_early_answer(tmp_path: Path, damage: str) -> None:
    db = _checked(tmp_path)
    path = rows_path(db)
    data = path.read_bytes()
    path.write_bytes(
        {
            "truncated": data[: len(data) // 2],
            "garbage": data[:40] + b"\x00\xff" * 50 + data[140:],
            "empty": b"",
            "another count": data.replace(b'"count":6', b'"count":5'),
        }[damage]
    )
    store = Store(db, lazy=True)
    early = _Early(store)
    index = SearchIndex.build(store, answering=early)
    assert early.seen == []
    assert _answers(index) == _fresh(db)
    index.vouch()  # written again for the next start
    assert read_rows(path, 6, 1 << 30) is not None


def test_rows_that_point_elsewhere_are_never_shown(tmp_path: Path) -> None:
    """A row read from the file that is not the annotation the index numbers so (here,
    the rows file's places moved by one) is not shown: the search waits for the store's
    annotations and answers from them."""
    db = _checked(tmp_path)
    store = Store(db, lazy=True)
    asked: list[list[Annotation]] = []

    def answering(index: SearchIndex) -> None:
        unread = index._unread
        assert unread is not None
        unread.rows.starts = np.roll(unread.rows.starts, 1)
        unread.rows.lengths = np.roll(unread.rows.lengths, 1)
        _search_in_a_thread(index, "budget", asked)

    SearchIndex.build(store, answering=answering)
    _joined()
    assert asked == _fresh(db, ["budget"]) and asked[0]
    assert all(store.annotation(hit.id) is hit for hit in asked[0])


def test_a_search_that_reads_the_annotations_waits_for_them(tmp_path: Path) -> None:
    db = _checked(tmp_path)
    store = Store(db, lazy=True)
    asked: list[list[Annotation]] = []
    index = SearchIndex.build(
        store, answering=lambda index: _search_in_a_thread(index, "coder:ben budget", asked)
    )
    _joined()
    assert asked == _fresh(db, ["coder:ben budget"]) and asked[0]
    assert _answers(index, ["coder:ana"]) == _fresh(db, ["coder:ana"])


_THREADS: list[threading.Thread] = []


def _search_in_a_thread(index: SearchIndex, query: str, into: list[list[Annotation]]) -> None:
    """Search in another thread (as the app's search screen does), and return once it has
    answered or waits for the store's annotations."""
    settled = threading.Event()

    class Noted(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            settled.set()
            return super().wait(timeout)

    noted = Noted()
    if not index._whole.is_set():
        index._whole = noted

    def search() -> None:
        into.extend(_answers(index, [query]))
        settled.set()

    thread = threading.Thread(target=search)
    _THREADS.append(thread)
    thread.start()
    settled.wait()


def _joined() -> None:
    while _THREADS:
        _THREADS.pop().join()


def test_a_change_after_the_annotations_are_read_and_before_the_rows_get_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table the rows were read from is no longer what the store holds: the index is
    built again as before, with the change."""
    db = _checked(tmp_path)
    store = Store(db, lazy=True)
    original = Store.annotations_as_read
    calls: list[int] = []

    def changed_first(self: Store) -> tuple[list[Annotation], tuple[int, int] | None]:
        if not calls:
            self.save_annotation(edited(self.annotations()[0], note="a remark about tariffs"))
        calls.append(1)
        return original(self)

    monkeypatch.setattr(Store, "annotations_as_read", changed_first)
    early = _Early(store)
    index = SearchIndex.build(store, answering=early)
    assert early.seen and len(calls) == 2  # answered early, then built again
    assert index.search("tariffs").hits
    assert _answers(index) == _fresh(db)


def test_the_rows_file_is_written_only_when_every_row_was_found_current(tmp_path: Path) -> None:
    db = _checked(tmp_path)
    rows_path(db).unlink()
    another_readers_fold(db)  # one annotation changed: the index is saved again, no rows
    _start(db)
    assert not rows_path(db).exists()
    _start(db)  # the next start checks the new index whole: its rows are written
    assert rows_path(db).exists()
    store = Store(db, lazy=True)
    early = _Early(store)
    SearchIndex.build(store, answering=early)
    assert early.seen == [(False, _fresh(db))]


# --- finding each document in the table ---------------------------------------------------


def _table(docs: dict[str, object]) -> bytes:
    return msgspec.json.encode(docs)


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, 1 << 20])
def test_each_document_is_found_whatever_its_strings_hold(size: int) -> None:
    tricky = ['x"},"2":{', '\\"},"2":{"', '"12":{', "\\", "é", '{"1":{}}']
    docs = {str(n): {"id": f"a{n}", "quote": text} for n, text in enumerate(tricky, start=1)}
    raw = _table(docs)
    pieces = [raw[i : i + size] for i in range(0, len(raw), size)]
    found = document_spans(pieces, len(raw))
    assert found is not None
    starts, lengths = found
    assert [msgspec.json.decode(raw[s : s + n]) for s, n in zip(starts, lengths, strict=True)] == (
        list(docs.values())
    )


@pytest.mark.parametrize(
    "raw",
    [
        b'{"1":{"id":"a"},"3":{"id":"b"}}',  # a key missing
        b'{"2":{"id":"a"}}',  # not from 1
        b'{"1":{"id":"a","x":{"2":{}}},"2":{"id":"b"}}',  # an object inside a document
        b'{"1":{"id":"a"},"2":{"id":"b"}',  # cut short
    ],
)
def test_a_table_not_as_reader_writes_it_has_no_rows(raw: bytes) -> None:
    assert document_spans([raw], len(raw)) is None


# --- the store's side: the table read apart --------------------------------------------------


def test_a_view_of_the_table_reads_it_as_it_is_in_the_file(tmp_path: Path) -> None:
    db = _database(tmp_path / "reader.json")
    store = Store(db, lazy=True)
    view = store.take_table_view()
    assert view is not None and store.take_table_view() is None  # (given once)
    try:
        data = db.read_bytes()[view.start : view.start + view.length]
        assert data.startswith(b'{"1":{') and data.endswith(b"}")
        assert view.checksum() == (zlib.crc32(data), len(data))
        assert view.read(1, 10) == data[1:11]
        assert view.read(view.length - 2, 3) is None  # (past its end)
        store.wait_loaded()
        assert store._as_read == view.checksum()  # what the store decoded: the same sum
        with db.open("r+b") as handle:  # written in place by another program
            handle.write(b"{")  # (the same byte: its time tells)
            os.utime(handle.fileno(), ns=(1, 1))
        assert view.checksum() is None and view.read(1, 10) is None
    finally:
        view.close()


def test_no_view_when_a_journal_line_applies_or_the_annotations_are_read(tmp_path: Path) -> None:
    db = _database(tmp_path / "reader.json")
    store = Store(db, lazy=True)
    store.wait_loaded()
    assert store.take_table_view() is None  # (let go once they were read)
    another_readers_save(db)
    assert Store(db, lazy=True).take_table_view() is None


def test_the_annotations_reading_waits_while_it_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.storage import tables

    monkeypatch.setattr(tables, "PIECE", 300)  # read in pieces, as a large table is
    db = _database(tmp_path / "reader.json", rows=12)
    store = Store(db, lazy=True)
    waiting = threading.Event()
    held = store._may_load
    original = held.wait

    def noted(timeout: float | None = None) -> bool:
        if not held.is_set():
            waiting.set()
        return original(timeout)

    monkeypatch.setattr(held, "wait", noted)
    with store.loading_held():
        store.start_loading()
        waiting.wait()  # (between two pieces, held back)
        assert not store.loaded
    store.wait_loaded()
    assert len(store.annotations()) == 12


def test_fingerprints_are_not_computed_on_an_early_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _checked(tmp_path)
    printed: list[str] = []
    original = search_module.fingerprint

    def counted(annotation: Annotation, into: bytearray | None = None) -> int:
        printed.append(annotation.id)
        return original(annotation, into)

    monkeypatch.setattr(search_module, "fingerprint", counted)
    store = Store(db, lazy=True)
    SearchIndex.build(store, answering=_Early(store))
    assert printed == []
