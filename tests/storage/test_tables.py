"""The annotations table read in pieces (as the app reads it beside the UI): the same
records as one decode, a damaged record anywhere refused in one line, and the pieces'
repeated strings shared."""

from __future__ import annotations

import sys
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.records import Annotation
from reader.storage.tables import PIECE, Tables, TablesError


def _table(count: int, damaged_at: int | None = None) -> bytes:
    docs = {}
    for number in range(1, count + 1):
        doc = {
            "id": f"{number:032x}",
            "article_id": 1 + number % 7,
            "start": number,
            "end": number + 40,
            "quote": f"Quotation number {number}, long enough to fill a piece: " + "x" * 400,
            "source": ["Doug King", "Heather McPherson"][number % 2],
            "themes": ["public safety", "policing"],
            "created": "2026-01-01T00:00:00+00:00",
            "updated": "2026-01-01T00:00:00+00:00",
        }
        if number == damaged_at:
            doc["start"] = "the beginning"
        docs[str(number)] = doc
    return msgspec.json.encode(docs)


def test_pieces_decode_to_the_same_records_as_the_whole() -> None:
    raw = _table(6000)
    assert len(raw) > 2 * PIECE  # several pieces
    pieces: list[None] = []
    in_pieces = Tables.decode_annotations(raw, lambda: pieces.append(None))
    whole = Tables.decode_annotations(raw)
    assert len(pieces) >= 2
    assert in_pieces == whole
    assert len(in_pieces) == 6000
    first, second = in_pieces[f"{2:032x}"], in_pieces[f"{4:032x}"]
    assert first.source is second.source  # one string for a name used again
    assert first.updated is first.created


@pytest.mark.parametrize("damaged_at", [3, 3000, 5999])
def test_a_damaged_record_in_any_piece_is_refused(damaged_at: int) -> None:
    raw = _table(6000, damaged_at)
    with pytest.raises(TablesError, match="not a Reader database"):
        Tables.decode_annotations(raw, lambda: None)


def test_records_are_annotations() -> None:
    decoded = Tables.decode_annotations(_table(3), lambda: None)
    assert all(isinstance(a, Annotation) for a in decoded.values())


def test_a_cut_that_was_not_between_records_reads_the_whole_table_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should a cut ever fall inside a record, the pieces read so far are forgotten and the
    whole table is read: the same records, none counted twice."""
    import re

    from reader.storage import tables

    raw = _table(6000)
    real = tables._BOUNDARY
    cuts: list[int] = []

    class OneBadCut:
        def search(self, data: memoryview, start: int) -> re.Match[bytes] | None:
            if cuts:  # the second cut falls inside a quotation
                return re.compile(rb"x{10}").search(data, start)
            cuts.append(start)
            return real.search(data, start)

    monkeypatch.setattr(tables, "_BOUNDARY", OneBadCut())
    assert Tables.decode_annotations(raw, lambda: None) == Tables.decode_annotations(raw)


@pytest.mark.parametrize(("first", "again"), [(10, 20), (10, 5990), (5980, 5990)])
def test_an_id_used_twice_is_refused_and_named_in_any_piece(first: int, again: int) -> None:
    """Within one piece or across two, read whole or in pieces."""
    docs = msgspec.json.decode(_table(6000))
    docs[str(again)]["id"] = docs[str(first)]["id"]
    raw = msgspec.json.encode(docs)
    for between in (None, lambda: None):
        with pytest.raises(TablesError, match=f"annotation id {first:032x} is used twice"):
            Tables.decode_annotations(raw, between)


def test_equal_dates_of_annotations_read_one_after_another_are_one_string() -> None:
    """A run of annotations made or changed in the same second (an import, a codebook
    merge) holds its dates once; a date that differs is its own, and the records and the
    file written from them are exactly what was read."""
    docs = {}
    stamps = [("a", "a"), ("a", "b"), ("a", "b"), ("c", "b"), ("c", "c"), ("a", "a")]
    for number, (made, changed) in enumerate(stamps, start=1):
        docs[str(number)] = {
            "id": f"{number:032x}",
            "article_id": 1,
            "start": 0,
            "end": 1,
            "quote": "q",
            "created": f"2026-01-0{'abc'.index(made) + 1}T00:00:00+00:00",
            "updated": f"2026-01-0{'abc'.index(changed) + 1}T00:00:00+00:00",
        }
    raw = msgspec.json.encode(docs)
    read = list(Tables.decode_annotations(raw).values())
    assert [(a.created, a.updated) for a in read] == [
        (d["created"], d["updated"]) for d in docs.values()
    ]
    assert read[1].created is read[0].created and read[2].created is read[0].created
    assert read[2].updated is read[1].updated and read[3].updated is read[2].updated
    assert read[4].updated is read[4].created and read[4].created is read[3].created
    assert read[5].created is not read[4].created  # another date: no sharing with an older
    tables = Tables(meta={"schema": 1}, annotations={a.id: a for a in read})
    written = msgspec.json.decode(b"".join(tables.file_chunks()))["annotations"]
    assert written == {key: {**Annotation.from_doc(doc).to_doc()} for key, doc in docs.items()}
    many = _table(6000)  # in pieces, the same as one decode
    assert Tables.decode_annotations(many, lambda: None) == Tables.decode_annotations(many)


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_name = st.sampled_from(["Doug King", "Zoë Ünal", "public safety", "policing", "𠮷 name", "x"])
_record = st.fixed_dictionaries(
    {
        "article_id": st.integers(1, 2**40),
        "start": st.integers(0, 2**40),
        "length": st.integers(0, 500),
        "quote": _text,
        "prefix": _text,
        "suffix": _text,
        "note": _text,
        "source": st.none() | _name,
        "themes": st.lists(_name, max_size=3),
        "created": st.sampled_from(["", "2026-01-01T00:00:00+00:00", "2026-01-02T00:00:00+00:00"]),
        "updated": st.sampled_from(["", "2026-01-01T00:00:00+00:00", "2026-01-03T00:00:00+00:00"]),
        "kind": st.sampled_from(["quotation", "passage"]),
        "coder": st.sampled_from(["", "ana", "Bø"]),
        "orphaned": st.booleans(),
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(_record, min_size=1, max_size=40), repeat=st.integers(1, 60))
def test_records_read_with_their_values_shared_equal_one_plain_decode(
    records: list[dict[str, object]], repeat: int
) -> None:
    """Shared sources, theme lists and the names inside them, coders and dates: every
    record equals what one plain decode of the table gives, field by field,
    read whole or in pieces; and the file written from them is the same bytes as the plain
    records give."""
    docs = {}
    for number in range(1, len(records) * repeat + 1):
        doc = dict(records[number % len(records)])
        doc["id"] = f"{number:032x}"
        doc["end"] = int(doc["start"]) + int(doc.pop("length"))  # type: ignore[call-overload]
        docs[str(number)] = doc
    raw = msgspec.json.encode(docs)
    plain = msgspec.json.decode(raw, type=dict[str, Annotation])
    for between in (None, lambda: None):
        read = Tables.decode_annotations(raw, between)
        assert list(read) == [a.id for a in plain.values()]
        for annotation, expected in zip(read.values(), plain.values(), strict=True):
            assert msgspec.structs.astuple(annotation) == msgspec.structs.astuple(expected)
            assert type(annotation.themes) is tuple
        written = b"".join(Tables(meta={"schema": 1}, annotations=read).file_chunks())
        expected_file = b"".join(
            Tables(meta={"schema": 1}, annotations={a.id: a for a in plain.values()}).file_chunks()
        )
        assert written == expected_file


def test_writing_the_file_keeps_no_utf8_copy_inside_texts_that_are_not_ascii() -> None:
    """Encoding a string that is not ASCII caches its UTF-8 bytes inside it for its life
    (CPython): a fold encodes every annotation, so the texts are encoded from copies."""
    docs = msgspec.json.decode(_table(50))
    for number, doc in enumerate(docs.values()):
        doc["quote"] = f"« Zoë’s quotation {number} » " + "é" * 300
        doc["note"] = f"une note № {number}"
    read = Tables.decode_annotations(msgspec.json.encode(docs))
    sizes = [(sys.getsizeof(a.quote), sys.getsizeof(a.note)) for a in read.values()]
    written = b"".join(Tables(meta={"schema": 1}, annotations=read).file_chunks())
    assert [(sys.getsizeof(a.quote), sys.getsizeof(a.note)) for a in read.values()] == sizes
    back = msgspec.json.decode(written)["annotations"]
    assert [d["quote"] for d in back.values()] == [a.quote for a in read.values()]
    assert [d["note"] for d in back.values()] == [a.note for a in read.values()]
    msgspec.json.encode(next(iter(read.values())).quote)  # (the cache shows in the size)
    assert sys.getsizeof(next(iter(read.values())).quote) > sizes[0][0]


def test_a_journal_adding_many_records_is_replayed_in_one_reading_of_the_keys() -> None:
    # A teammate's journal of one change adding 40,000 annotations took `reader doctor` and
    # `reader import` minutes: each record added read every key of its table again (stop 77)
    from reader.storage import tables
    from tests.helpers.work import lines_run

    count = 3_000
    data: dict[str, Any] = {"annotations": {"1": {"id": "a"}}, "_meta": {"1": {}}}
    ops = [["annotations", f"k{n}", {"id": f"k{n}"}] for n in range(count)]
    lines = lines_run(tables, lambda: tables.replayed(data, [{"ops": ops}]))
    assert len(data["annotations"]) == count + 1
    assert sorted(map(int, data["annotations"])) == list(range(1, count + 2))
    assert lines <= 40 * count  # (every key for each: 4.5 million)
