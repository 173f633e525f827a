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


def test_undo_and_redo_place_what_they_bring_back_in_the_text_as_it_is_now(
    tmp_path: Path,
) -> None:
    old = "Title\n\nThe inspector found no smoke alarm in the unit."
    new = (
        "Title\n\nA new paragraph first.\n\nThe inspector found no working smoke alarm in the unit."
    )
    texts = {"now": old}
    store = Store(tmp_path / "reader.json")
    article = store.add_article(path="a.txt", title="Title", sha256="0")
    history = History(store, lambda article_id: texts["now"])
    start = old.index("no smoke")
    tagged = history.apply(
        Edit(None, new_annotation(article.id, old, start, start + len("no smoke alarm")), "tag")
    ).after
    assert tagged is not None
    history.apply(Edit(tagged, edited(tagged, source="Inspector"), "edit"))
    # The file is edited on disk and the library re-anchors what is in the store.
    texts["now"] = new
    from reader.core.anchoring import reanchor

    store.save_annotation(reanchor(store.annotations()[0], new))
    history.undo()  # the edit: the source goes, the place stays the one in the new text
    (undone,) = store.annotations()
    assert undone.source is None and new[undone.start : undone.end] == undone.quote
    assert undone.quote == "no working smoke alarm"
    history.undo()  # the tag
    assert store.annotations() == []
    history.redo()  # the tag again, in the text as it is now, not at its old offsets
    (redone,) = store.annotations()
    assert new[redone.start : redone.end] == redone.quote == "no working smoke alarm"
    history.redo()
    (again,) = store.annotations()
    assert again.source == "Inspector" and new[again.start : again.end] == again.quote


def test_undo_without_a_readable_text_brings_back_the_state_as_it_was(tmp_path: Path) -> None:
    store = Store(tmp_path / "reader.json")
    article = store.add_article(path="a.txt", title="Title", sha256="0")
    history = History(store, lambda article_id: None)
    tagged = history.apply(Edit(None, new_annotation(article.id, TEXT, 7, 11), "tag")).after
    history.apply(Edit(tagged, None, "delete"))
    history.undo()
    assert store.annotations() == [tagged]
