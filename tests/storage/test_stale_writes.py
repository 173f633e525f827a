"""A save another Reader makes while a command or the app holds an older copy is never
undone by that copy (an attack's finding: `reader recode` read its annotations before the
lock and wrote them back whole, putting back an edited note and a deleted annotation)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from reader.annotations.history import Edit, History, changed_on
from reader.cli.main import main
from reader.core.records import edited
from reader.storage import database
from reader.storage.database import Store
from tests.helpers.seeding import seed


def _meanwhile(
    monkeypatch: pytest.MonkeyPatch, change: Callable[[Store], None], where: object = database
) -> None:
    """Another Reader saves `change` right after the command opened the database (`Store`
    as the command's module `where` names it)."""
    opened = database.Store
    done: list[bool] = []

    def opening(*args: object, **kwargs: object) -> Store:
        store = opened(*args, **kwargs)  # type: ignore[arg-type]
        if done:  # once: a module first imported while this was in place keeps it for good
            return store  # (and edited and deleted in later tests' libraries at each open)
        done.append(True)
        store.annotations()
        other = opened(store.path)
        change(other)
        other.close()
        monkeypatch.setattr(where, "Store", opened)  # (once)
        return store

    monkeypatch.setattr(where, "Store", opening)


def _edit_one_delete_another(store: Store) -> None:
    first, second = store.annotations()[:2]
    store.save_annotation(msgspec.structs.replace(first, note="edited in the app"))
    store.delete_annotation(second.id)


def _after(library: Path) -> dict[str, tuple[str, str]]:
    store = Store(library / "reader.json")
    try:
        return {a.id: (a.note, a.coder) for a in store.annotations()}
    finally:
        store.close()


def test_recode_keeps_a_save_made_meanwhile(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(library)
    store = Store(library / "reader.json")
    first, second = (a.id for a in store.annotations()[:2])
    count = len(store.annotations())
    store.close()
    _meanwhile(monkeypatch, _edit_one_delete_another)
    assert main(["recode", "--from", "", "--to", "alice", "--library", str(library)]) == 0
    after = _after(library)
    assert second not in after  # deleted stays deleted
    assert after[first] == ("edited in the app", "alice")  # the edit and the recode
    assert len(after) == count - 1
    assert f"recoded {count - 1} annotations" in capsys.readouterr().out


def test_an_edit_in_the_app_keeps_what_another_reader_changed_since(library: Path) -> None:
    seed(library)
    app_store = Store(library / "reader.json")
    shown = app_store.annotations()[0]  # what the app shows, read before the other's save
    other = Store(library / "reader.json")
    other.save_annotation(edited(other.annotation(shown.id), coder="alice"))  # a recode
    other.close()
    History(app_store).apply(Edit(shown, edited(shown, note="checked"), "edit"))
    app_store.close()
    assert _after(library)[shown.id] == ("checked", "alice")


def test_undo_goes_back_to_what_was_saved_not_to_the_older_copy(library: Path) -> None:
    """The app edits a note on the copy it showed, after another Reader recoded the
    annotation; undo then put back the copy it had shown, alice's coder and theme with it
    (an attack's finding). Undo takes back the note alone."""
    seed(library)
    app_store = Store(library / "reader.json")
    shown = app_store.annotations()[0]
    other = Store(library / "reader.json")
    other.save_annotation(edited(other.annotation(shown.id), coder="alice", themes=["housing"]))
    other.close()
    history = History(app_store)
    history.apply(Edit(shown, edited(shown, note="checked"), "edit"))
    history.undo()
    undone = app_store.annotation(shown.id)
    app_store.close()
    assert undone is not None
    assert (undone.note, undone.coder, undone.themes) == (shown.note, "alice", ("housing",))


def test_undo_of_a_delete_keeps_what_another_reader_saved_since(library: Path) -> None:
    """One app deletes an annotation; another, whose dialog was open on it, saves a note
    (a change made after a deletion stands); the first app's `u` then wrote its old copy
    over that note, on both screens and on disk (a tester's finding). The note stays."""
    seed(library)
    app_store = Store(library / "reader.json")
    shown = app_store.annotations()[0]
    history = History(app_store)
    history.apply(Edit(shown, None, "delete"))
    other = Store(library / "reader.json")
    History(other).apply(Edit(shown, edited(shown, note="their note", coder="bob"), "edit"))
    other.close()
    said = history.undo()
    kept = app_store.annotation(shown.id)
    assert said is not None and said.label == "delete: another Reader's version stands"
    history.redo()  # (the delete again: it deletes what is there now)
    history.undo()
    again = app_store.annotation(shown.id)
    app_store.close()
    assert kept is not None and again is not None
    assert (kept.note, kept.coder) == ("their note", "bob") == (again.note, again.coder)
    assert _after(library)[shown.id] == ("their note", "bob")


def test_an_edit_changes_only_what_it_changed() -> None:
    from reader.core.records import new_annotation

    text = "She said “we will build” and left."
    before = new_annotation(1, text, 10, 23, source="Ann Lee", themes=["housing"])
    current = edited(before, themes=["housing", "rent"], coder="bob")
    after = edited(before, note="from the tape", source="Anne Lee")
    merged = changed_on(current, before, after)
    assert (merged.source, merged.note, merged.themes, merged.coder) == (
        "Anne Lee",
        "from the tape",
        ("housing", "rent"),
        "bob",  # (the edit left the coder as it was: bob's recode stays)
    )
    assert changed_on(None, before, after) == after
    assert changed_on(before, before, after) == after
    moved = msgspec.structs.replace(after, start=0, end=3, quote="She")
    assert (changed_on(current, before, moved).start, changed_on(current, before, moved).quote) == (
        0,
        "She",
    )


def test_an_import_keeps_an_edit_made_meanwhile(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their copy of an annotation, newer than ours when the import opened the database,
    came in over the edit the app saved a moment later (the import merged what it had read)."""
    import json

    seed(library)
    exported = tmp_path / "theirs.json"
    assert main(["export", "-f", "json", "-o", str(exported), "--library", str(library)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    theirs = document["annotations"][0]
    theirs.update(note="their note", updated="2026-02-02T10:00:00+00:00")
    exported.write_text(json.dumps(document), encoding="utf-8")

    def edit_in_the_app(store: Store) -> None:
        ours = store.annotation(theirs["id"])
        assert ours is not None
        store.save_annotation(edited(ours, note="edited in the app just now"))

    from reader.cli import import_annotations

    _meanwhile(monkeypatch, edit_in_the_app, import_annotations)
    assert main(["import", str(exported), "--library", str(library)]) == 0
    notes = {note for note, _ in _after(library).values()}
    assert "edited in the app just now" in notes
