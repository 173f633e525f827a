"""Two Readers on one database: every write lands on top of the other's, none is lost.

Reader takes an OS file lock for each write and reloads the file first if another process
changed it (see reader.storage.database). These tests run real processes at once, and two stores in
one process for the finer points.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.records import edited, new_annotation
from reader.storage.database import Store
from reader.storage.tinydb_storage import AtomicJSONStorage
from tests.helpers.paths import ROOT
from tests.helpers.profile import STRESS

WRITER = [sys.executable, "-m", "tests.helpers.writer"]
TEXT = "Title\n\n" + "A sentence that people are quoted in, with more words. " * 40
EACH = 150 if STRESS else 40


def test_two_processes_writing_at_once_lose_no_update(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = Store(db)
    article = store.add_article(path="a.txt", title="Title", sha256="0")
    store.save_annotations(
        new_annotation(article.id, TEXT, 7, 40, source=f"seed {i}") for i in range(20)
    )
    store.close()
    processes = [
        subprocess.Popen(
            [*WRITER, "write", str(db), label, str(EACH)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for label in ("alpha", "beta")
    ]
    editor = subprocess.Popen(
        [*WRITER, "edit", str(db), "gamma", str(EACH)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    outputs = [p.communicate(timeout=300)[0].split() for p in processes]
    edits = editor.communicate(timeout=300)[0].split()
    assert all(p.returncode == 0 for p in (*processes, editor))
    final = Store(db)
    for acks in outputs:
        assert len(acks) == EACH and all(final.annotation(a) is not None for a in acks)
    assert len(final) == 20 + 2 * EACH
    assert {s.name.split()[0] for s in final.sources()} == {"seed", "alpha", "beta"}
    notes = [a.note for a in final.annotations() if a.note]
    assert f"gamma edit {EACH - 1}" in notes  # the editor's last edit is there
    assert len(edits) == EACH


def test_the_command_line_scans_while_the_app_saves(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    (library / "first.txt").write_text("First\n\nText.", encoding="utf-8")
    db = library / "reader.json"
    Store(db).close()
    writer = subprocess.Popen(
        [*WRITER, "write", str(db), "app", str(EACH)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    for number in range(10):
        (library / f"story-{number}.txt").write_text(f"Story {number}\n\nBody.", encoding="utf-8")
        listed = subprocess.run(
            [sys.executable, "-m", "reader", "list", "--json", "--library", str(library)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert listed.returncode == 0, listed.stderr
    acks = writer.communicate(timeout=300)[0].split()
    final = Store(db)
    assert all(final.annotation(a) is not None for a in acks) and len(acks) == EACH
    paths = {r.path for r in final.articles()}
    assert {f"story-{n}.txt" for n in range(10)} <= paths
    assert len(json.loads(listed.stdout)) == len(paths)


def test_a_write_lands_on_top_of_another_stores_write(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    first, second = Store(db), Store(db)
    article = first.add_article(path="a.txt", title="Title", sha256="0")
    mine = first.save_annotation(new_annotation(article.id, TEXT, 7, 40, source="First"))
    heard = []
    second.subscribe(heard.append)
    theirs = second.save_annotation(new_annotation(article.id, TEXT, 50, 90, source="Second"))
    assert second.annotation(mine.id) == mine  # reloaded before writing
    assert any(mine in change.added for change in heard)  # and told its listeners
    assert {a.source for a in Store(db).annotations()} == {"First", "Second"}
    assert first.refresh() and first.annotation(theirs.id) == theirs
    assert not first.refresh()  # nothing new since


def test_editing_an_annotation_another_store_deleted_puts_it_back(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    first, second = Store(db), Store(db)
    article = first.add_article(path="a.txt", title="Title", sha256="0")
    annotation = first.save_annotation(new_annotation(article.id, TEXT, 7, 40, source="First"))
    second.refresh()
    second.delete_annotation(annotation.id)
    first.save_annotation(edited(annotation, note="still wanted"))
    assert [a.note for a in Store(db).annotations()] == ["still wanted"]


def test_article_ids_stay_unique_across_stores(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    first, second = Store(db), Store(db)
    a = first.add_article(path="a.txt", title="A", sha256="0")
    b = second.add_article(path="b.txt", title="B", sha256="1")
    assert a.id != b.id
    assert sorted(r.id for r in Store(db).articles()) == [a.id, b.id]


def test_a_write_while_another_reader_opens_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is replaced just after a Reader read it: that Reader must not later write
    its older picture over the new file (it once took the new file's signature as read)."""
    db = tmp_path / "reader.json"
    seeding = Store(db)
    article = seeding.add_article(path="a.txt", title="Title", sha256="0")
    seeding.close()
    theirs = new_annotation(article.id, TEXT, 7, 40, source="theirs")
    original = AtomicJSONStorage.read
    raced = False

    def read_then_someone_writes(self: AtomicJSONStorage):  # type: ignore[no-untyped-def]
        nonlocal raced
        data = original(self)
        if not raced:
            raced = True
            other = Store(db)
            other.save_annotation(theirs)
            other.close()
        return data

    monkeypatch.setattr(AtomicJSONStorage, "read", read_then_someone_writes)
    mine = Store(db)
    monkeypatch.undo()
    assert raced
    ours = new_annotation(article.id, TEXT, 50, 80, source="ours")
    mine.save_annotation(ours)
    mine.close()
    final = Store(db)
    assert final.annotation(theirs.id) is not None and final.annotation(ours.id) is not None


@pytest.mark.parametrize("kind", ["link", "folder"])
def test_a_lock_that_is_a_link_or_a_folder_is_named_as_such(tmp_path: Path, kind: str) -> None:
    """A `.reader.json.lock` that came as a link with a shared folder made every command
    say "check the folder is writable", which it was (an attack's finding)."""
    from reader.storage.database import StoreError, locked

    db = tmp_path / "reader.json"
    lock = tmp_path / ".reader.json.lock"
    if kind == "link":
        lock.symlink_to(lock)  # a loop: "Too many levels of symbolic links"
    else:
        lock.mkdir()
    said = f"it is a {kind}, not Reader's lock file: remove it"
    with pytest.raises(StoreError, match=said), locked(db):
        pass


def test_a_lock_held_by_another_reader_is_waited_for_never_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that waited for a long import said "delete .reader.json.lock if no Reader is
    running"; a tester did, the import and the app then wrote at once, and a tag was lost.
    The lock goes with the process that holds it: the message says to try again."""
    from filelock import FileLock

    from reader.storage import database
    from reader.storage.database import StoreError, lock_path, locked

    db = tmp_path / "reader.json"
    monkeypatch.setattr(database, "LOCK_TIMEOUT", 0.05)
    holder = FileLock(str(lock_path(db)))
    holder.acquire()
    try:
        with pytest.raises(StoreError) as refused, locked(db, FileLock(str(lock_path(db)), 0.05)):
            pass
    finally:
        holder.release()
    assert "try again when it is done" in str(refused.value)
    assert "delete" not in str(refused.value)
