"""Undo and redo of annotation changes."""

from __future__ import annotations

from pathlib import Path

from reader.annotations.history import Edit, History
from reader.core.records import edited, new_annotation
from reader.storage.database import Store

TEXT = "Title\n\nSome text to annotate here."


def test_undo_and_redo_tag_edit_delete(tmp_path: Path) -> None:
    store = Store(tmp_path / "reader.json")
    article = store.add_article(path="a.txt", title="Title", sha256="0")
    history = History(store)
    tagged = history.apply(
        Edit(None, new_annotation(article.id, TEXT, 7, 11, source="A"), "tag")
    ).after
    assert tagged is not None
    changed = history.apply(Edit(tagged, edited(tagged, source="B"), "edit")).after
    history.apply(Edit(changed, None, "delete"))
    assert store.annotations() == []

    assert history.undo().label == "delete"  # type: ignore[union-attr]
    assert [a.source for a in store.annotations()] == ["B"]
    assert store.annotations()[0].id == tagged.id
    assert history.undo().label == "edit"  # type: ignore[union-attr]
    assert [a.source for a in store.annotations()] == ["A"]
    assert history.undo().label == "tag"  # type: ignore[union-attr]
    assert store.annotations() == []
    assert history.undo() is None

    assert history.redo().label == "tag"  # type: ignore[union-attr]
    assert [a.source for a in Store(tmp_path / "reader.json").annotations()] == ["A"]


def test_a_new_change_clears_redo(tmp_path: Path) -> None:
    store = Store(tmp_path / "reader.json")
    article = store.add_article(path="a.txt", title="Title", sha256="0")
    history = History(store)
    history.apply(Edit(None, new_annotation(article.id, TEXT, 7, 11), "tag"))
    history.undo()
    history.apply(Edit(None, new_annotation(article.id, TEXT, 12, 16), "tag"))
    assert history.redo() is None
