"""An index built afresh is saved a group of words at a time, as it was when its save began."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotations import search as search_module
from reader.annotations.index_file import write_index
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
