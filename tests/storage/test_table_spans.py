"""The annotations table read from where it lies in the file, a piece at a time, instead of
from the whole file's bytes held in memory: the same records as one decode of the whole
file, whatever they hold; a damaged record refused as before; a file renamed over the one
being read changes nothing, one changed in place is refused and nothing half-loaded; and
the file's bytes are not held beside the records made from them."""

from __future__ import annotations

import contextlib
import os
import threading
import tracemalloc
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.records import DatabaseFile
from reader.storage import tables, tinydb_storage
from reader.storage.database import Store, StoreError
from reader.storage.json_keys import key_used_twice, used_twice_message
from reader.storage.migrations import SCHEMA_VERSION
from reader.storage.tables import Tables, TablesError
from reader.storage.tinydb_storage import TableSpan

pytestmark = pytest.mark.skipif(os.name != "posix", reason="spans are read on POSIX only")

META = {"1": {"schema": SCHEMA_VERSION, "reader_version": "test", "next_article_id": 2}}
ARTICLES = {"1": {"id": 1, "path": "a.txt", "title": "A", "sha256": "0" * 64}}
SOURCES = {"1": {"name": "Doug King", "description": ""}}


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spans and pieces of a few hundred bytes, so that small files are read as big ones."""
    monkeypatch.setattr(tinydb_storage, "SPAN_BYTES", 64)
    monkeypatch.setattr(tables, "PIECE", 300)


def _doc(number: int, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": uuid.UUID(int=number).hex,
        "article_id": 1,
        "start": number,
        "end": number + 10,
        "quote": f"quotation {number} " + "x" * (number % 50),
        "source": "Doug King" if number % 3 else None,
        "themes": ["policing"] if number % 2 else [],
        "created": "2026-01-01T00:00:00+00:00",
        "updated": "2026-01-01T00:00:00+00:00",
    }
    doc.update(fields)
    return doc


def _file(annotations: bytes | dict[str, Any], *, order: tuple[str, ...] = ()) -> bytes:
    """A database file (as Reader writes it: no spaces) holding this annotations table."""
    table = annotations if isinstance(annotations, bytes) else msgspec.json.encode(annotations)
    tables_ = {
        "meta": msgspec.json.encode(META),
        "articles": msgspec.json.encode(ARTICLES),
        "annotations": table,
        "sources": msgspec.json.encode(SOURCES),
        "themes": b"{}",
    }
    names = order or tuple(tables_)
    return b"{" + b",".join(b'"%s":%s' % (n.encode(), tables_[n]) for n in names) + b"}"


def _one_decode(content: bytes) -> dict[str, Any]:
    """The records as the whole file decoded at once gives them (the way before spans), or
    the refusal of a key used twice (which that decode would keep the last copy of)."""
    content = content.removeprefix(b"\xef\xbb\xbf")
    if (key := key_used_twice(content)) is not None:
        raise TablesError(used_twice_message(key))
    raw = msgspec.json.Decoder(DatabaseFile).decode(content).annotations
    return Tables.decode_annotations(bytes(raw))


@contextlib.contextmanager
def _spans_read() -> Iterator[list[int]]:
    """The sizes of the pieces read from spans meanwhile (to know the new way was taken)."""
    read: list[int] = []
    chunks = TableSpan.chunks

    def counted(self: TableSpan, size: int) -> Iterator[bytes]:
        for chunk in chunks(self, size):
            read.append(len(chunk))
            yield chunk

    TableSpan.chunks = counted  # type: ignore[method-assign]
    try:
        yield read
    finally:
        TableSpan.chunks = chunks  # type: ignore[method-assign]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60
) | st.sampled_from(['},"1":{', '"}', "\\", '},"12":{"id":"x"}', "“quoted” — it’s", "日本語 🙂"])


@st.composite
def _tables(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """An annotations table of varied records (texts that look like the file's own
    boundaries, escapes, every script), as written, and optionally with keys out of order,
    missing or used twice (a hand-merged file)."""
    count = draw(st.integers(1, 40))
    docs = []
    for number in range(count):
        docs.append(
            _doc(
                number,
                quote=draw(_TEXT),
                note=draw(_TEXT),
                prefix=draw(_TEXT),
                source=draw(st.none() | _TEXT.filter(bool)),
                themes=draw(st.lists(_TEXT, max_size=3)),
                kind=draw(st.sampled_from(["quotation", "passage"])),
                orphaned=draw(st.booleans()),
                coder=draw(st.sampled_from(["", "ana", "bo"])),
                created=draw(st.sampled_from(["", "2026-01-01T00:00:00+00:00", "2026-01-02"])),
                updated=draw(st.sampled_from(["", "2026-01-01T00:00:00+00:00", "2026-01-02"])),
            )
        )
    keys = [str(n) for n in range(1, count + 1)]
    if draw(st.booleans()):  # not as Reader writes it: keys out of order, skipped, twice
        keys = draw(
            st.lists(st.sampled_from([*keys, "0", "007", "x"]), min_size=count, max_size=count)
        )
    members = [
        msgspec.json.encode(k) + b":" + msgspec.json.encode(d)
        for k, d in zip(keys, docs, strict=True)
    ]
    table = b"{" + b",".join(members) + b"}"
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return table, bom


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_tables(), st.booleans())
def test_records_read_from_where_the_table_lies_are_those_of_one_decode(
    tmp_path: Path,
    small_pieces: None,
    drawn: tuple[bytes, bytes],
    lazy: bool,
) -> None:
    table, bom = drawn
    content = bom + _file(table)
    path = tmp_path / f"{uuid.uuid4().hex}.json"
    path.write_bytes(content)
    try:
        expected: dict[str, Any] | str = _one_decode(content)
    except TablesError as error:
        expected = str(error)
    with _spans_read() as read:
        try:
            store = Store(path, backups=False, lazy=lazy)
            store.wait_loaded()
        except StoreError as error:
            assert isinstance(expected, str), error
            assert expected in str(error)  # the same reason as the whole file read at once
        else:
            assert store._tables.annotations == expected
            store.close()
    assert read  # (read from the file, not from bytes held)


def test_a_damaged_record_in_a_later_piece_is_refused_with_the_reason_of_one_decode(
    tmp_path: Path, small_pieces: None
) -> None:
    docs = {str(n): _doc(n) for n in range(1, 60)}
    docs["50"]["start"] = "the beginning"
    content = _file(docs)
    path = tmp_path / "reader.json"
    path.write_bytes(content)
    with pytest.raises(TablesError) as whole:
        _one_decode(content)
    with pytest.raises(StoreError) as error:
        Store(path).wait_loaded()
    assert str(whole.value) in str(error.value)
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    "order",
    [
        ("annotations", "meta", "articles", "sources", "themes"),  # annotations first
        ("meta", "articles", "sources", "themes", "annotations"),  # and last
    ],
)
def test_the_table_is_found_wherever_it_is_in_the_file(
    tmp_path: Path, small_pieces: None, order: tuple[str, ...]
) -> None:
    docs = {str(n): _doc(n) for n in range(1, 60)}
    content = _file(docs, order=order)
    path = tmp_path / "reader.json"
    path.write_bytes(content)
    with _spans_read() as read:
        store = Store(path, lazy=True)
        store.wait_loaded()
    assert store._tables.annotations == _one_decode(content)
    assert sum(read) == len(msgspec.json.encode(docs))


def test_a_file_renamed_over_the_one_being_read_changes_nothing(
    tmp_path: Path, small_pieces: None
) -> None:
    """Another Reader folds (a new file renamed over the old) between the start and the
    reading of the annotations: what is read is the file the rest came from."""
    path = tmp_path / "reader.json"
    before = _file({str(n): _doc(n) for n in range(1, 60)})
    path.write_bytes(before)
    store = Store(path, lazy=True)
    replacement = tmp_path / "new.json"
    replacement.write_bytes(_file({str(n): _doc(n + 100) for n in range(1, 80)}))
    os.replace(replacement, path)
    store.wait_loaded()
    assert store._tables.annotations == _one_decode(before)


@pytest.mark.parametrize("change", ["truncated", "rewritten"])
def test_a_file_changed_in_place_while_it_is_read_is_refused_and_nothing_loaded(
    tmp_path: Path, small_pieces: None, change: str
) -> None:
    path = tmp_path / "reader.json"
    content = _file({str(n): _doc(n) for n in range(1, 60)})
    path.write_bytes(content)
    store = Store(path, lazy=True)
    with path.open("r+b") as handle:  # another program writes it in place
        if change == "truncated":
            handle.truncate(len(content) // 2)
        else:
            handle.write(content.replace(b"quotation 5", b"quotation 6"))
            os.utime(handle.fileno(), ns=(1, 1))
    with pytest.raises(StoreError, match="changed while it was read"):
        store.wait_loaded()
    assert not store.loaded
    assert not store._tables.annotations


def test_the_file_s_bytes_are_not_held_beside_the_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measured with tracemalloc while the annotations are read (after the start): the
    peak is the records and a piece or two, not the records and the whole file's bytes
    (it was both: the file was held from the start until the records were made)."""
    monkeypatch.setattr(tables, "PIECE", 1 << 16)
    path = tmp_path / "reader.json"
    content = _file({str(n): _doc(n, note="n" * 300) for n in range(1, 12_000)})
    assert len(content) > 4 * tinydb_storage.SPAN_BYTES
    path.write_bytes(content)
    tracemalloc.start()
    try:
        store = Store(path, backups=False, lazy=True)
        tracemalloc.reset_peak()
        store.start_loading()
        for thread in threading.enumerate():
            if thread.name == "reader-load":
                thread.join()  # (all it read is let go)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(store.annotations()) == 11_999
    assert peak - held < len(content) // 4, (peak, held, len(content))


def test_a_file_that_changes_at_every_read_is_still_read_from_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_pieces: None
) -> None:
    """The open reads the file again while it changes under it (up to five times), then
    keeps the last read: its table's file is the one kept open, the others let go."""
    path = tmp_path / "reader.json"
    content = _file({str(n): _doc(n) for n in range(1, 60)})
    path.write_bytes(content)
    signatures = iter(range(1000))
    monkeypatch.setattr(Store, "_disk_signature", lambda self: (next(signatures), 0, 0))
    with _spans_read() as read:
        store = Store(path)
    assert store._tables.annotations == _one_decode(content)
    assert read


def test_a_key_written_twice_in_a_table_read_in_pieces_is_refused_with_its_own_advice(
    tmp_path: Path, small_pieces: None
) -> None:
    members = [f'"{n}":' + msgspec.json.encode(_doc(n)).decode() for n in range(1, 60)]
    members.append('"5":' + msgspec.json.encode(_doc(99)).decode())  # (last: the first 5 lost)
    path = tmp_path / "reader.json"
    content = _file(("{" + ",".join(members) + "}").encode())
    path.write_bytes(content)
    with pytest.raises(StoreError) as refused:
        Store(path).wait_loaded()
    message = str(refused.value)
    assert 'the key "5" is used twice in one object' in message
    assert "doctor --fix" not in message  # (doctor refuses such a file: it cannot keep both)
    assert path.read_bytes() == content
