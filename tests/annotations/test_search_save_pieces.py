"""An index built afresh is saved a group of words at a time, as it was when its save began."""

from __future__ import annotations

from pathlib import Path

import msgspec
import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.annotations import search as search_module
from reader.annotations.documents import COLUMNS
from reader.annotations.index_file import (
    FORMAT,
    Header,
    SavedIndex,
    encode_header,
    write_index,
)
from reader.annotations.search import SearchIndex
from reader.core.records import Change, new_annotation
from reader.storage.database import Store
from tests.annotations.test_search_kept import TEXT, _store


def test_an_index_built_afresh_is_saved_as_it_was_when_its_save_began(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its entries are read from the postings while the file is written: an annotation
    added meanwhile (the UI thread tags one) must not be in it, nor break it."""
    monkeypatch.setattr(search_module, "SAVE_PIECE", 4)  # many groups of words
    db = tmp_path / "reader.json"
    store = _store(db, rows=5)
    index = SearchIndex.build(store, kept=False)
    whole, streamed = index.saved(), index._to_save()
    assert streamed.pieces is not None and streamed.entries.size == 0  # (read as written)
    article = store.articles()[0].id
    start = TEXT.index("The minister")
    added = new_annotation(article, TEXT, start, start + 30, source="Doug King", note="budget")
    index.apply(Change(added=(added,)))  # after the save began, before its entries are read
    write_index(tmp_path / "whole", whole)
    write_index(tmp_path / "streamed", streamed)
    assert (tmp_path / "streamed").read_bytes() == (tmp_path / "whole").read_bytes()
    assert added.id.encode() not in (tmp_path / "streamed").read_bytes()


def test_an_index_with_saved_words_or_removals_is_saved_whole(tmp_path: Path) -> None:
    """Only postings that hold no saved word, and no removed annotation, are read as they
    are written (the others are renumbered or decoded first)."""
    db = tmp_path / "reader.json"
    store = _store(db, rows=3)
    index = SearchIndex.build(store, kept=False)
    index.apply(Change(removed=(store.annotations()[0],)))
    assert index._to_save().pieces is None
    SearchIndex.build(Store(db)).save()
    assert SearchIndex.build(Store(db))._to_save().pieces is None


@example(ids=["1"], fingerprints=list(range(20_000)), counts=[1] * 8193, as_array=True)
@given(
    ids=st.lists(st.text(max_size=6), max_size=30),
    fingerprints=st.lists(st.integers(0, 2**32 - 1), max_size=20_000),
    counts=st.lists(st.integers(1, 2**31 - 1), max_size=20_000),
    as_array=st.booleans(),
)
def test_the_header_written_in_parts_is_the_header_encoded_whole(
    ids: list[str], fingerprints: list[int], counts: list[int], as_array: bool
) -> None:
    """The kept index's header is written a block of numbers at a time (to hold less while
    a rebuilt index is saved): joined, its parts are msgspec's encoding of the whole."""
    bounds = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)])
    words = [f"w{i}" for i in range(len(counts))]
    saved = SavedIndex(
        ids=ids,
        fingerprints=np.array(fingerprints, dtype=np.uint32) if as_array else fingerprints,
        words=words,
        bounds=bounds,
        entries=np.zeros(0, dtype=np.int32),
        names=["Doug King"],
        columns={},
    )
    whole = msgspec.json.encode(
        Header(FORMAT, ids, list(fingerprints), words, list(counts), ["Doug King"], list(COLUMNS))
    )
    assert b"".join(encode_header(saved)) == whole
    assert msgspec.json.decode(whole, type=Header).fingerprints == fingerprints
