"""Rotating backups beside the database, taken before a fold replaces it; each one opens
on its own."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import reader.storage.backups
from reader.core.records import new_annotation
from reader.storage.backups import KEEP, Backups
from reader.storage.database import STALE_BACKUP_SECONDS, Store, StoreError
from reader.storage.migrations import SCHEMA_VERSION
from reader.storage.recovery import describe, restore
from tests.helpers.cli import run_reader

TEXT = "Title\n\nSome text worth quoting, with words."


def saves(store: Store, count: int) -> None:
    article = (
        store.articles()[0]
        if store.articles()
        else store.add_article(path="a.txt", title="T", sha256="0")
    )
    for number in range(count):
        store.save_annotation(new_annotation(article.id, TEXT, 7, 20, source=f"S{number}"))
    store.fold()  # the journal into reader.json: the moment backups are taken


def test_the_first_fold_of_a_day_and_of_a_session_is_backed_up(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 3)
    kinds = sorted(b.kind for b in Backups(db).list())
    assert kinds == ["daily", "recent"]
    for backup in Backups(db).list():
        info = describe(backup)
        assert info.usable and info.schema == SCHEMA_VERSION  # a complete database, on its own


def test_recent_backups_rotate_every_ten_minutes_and_keep_five(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "reader.json"
    store = Store(db)
    clock = [datetime(2026, 11, 25, 9, 0)]

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return clock[0]

    monkeypatch.setattr(reader.storage.backups, "datetime", Clock)
    for _ in range(8):
        saves(store, 2)
        clock[0] += timedelta(minutes=11)
    backups = Backups(db).list()
    assert len([b for b in backups if b.kind == "recent"]) == KEEP["recent"]
    assert len([b for b in backups if b.kind == "daily"]) == 1
    clock[0] += timedelta(days=1)
    saves(store, 1)
    assert len([b for b in Backups(db).list() if b.kind == "daily"]) == 2


def test_a_database_named_with_a_line_break_has_its_backups_listed_and_pruned(
    tmp_path: Path,
) -> None:
    # a name a script or an unzipped archive gave it: its backups were never matched, so
    # never listed by `reader restore` and never pruned (one more every write, for ever)
    db = tmp_path / "team\nreader.json"
    store = Store(db)
    saves(store, 1)
    backups = Backups(db)
    for _ in range(KEEP["before-import"] + 2):
        backups.take("before-import")
    kinds = sorted(b.kind for b in backups.list())
    assert kinds.count("before-import") == KEEP["before-import"]
    assert "daily" in kinds and "recent" in kinds
    assert len(list((tmp_path / ".reader-backups").iterdir())) == len(kinds)


def test_an_unwritable_backup_folder_does_not_stop_saving(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    (tmp_path / ".reader-backups").write_text("a file where the folder should be")
    store = Store(db)
    saves(store, 2)
    assert len(Store(db)) == 2
    assert store.backups is not None and "cannot write backups" in store.backups.problem


def test_restoring_keeps_the_replaced_database(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 2)
    [recent] = [b for b in Backups(db).list() if b.kind == "recent"]
    saves(store, 3)
    kept = restore(db, recent)
    assert kept is not None and kept.kind == "before-restore"
    assert len(Store(db)) == describe(recent).annotations
    assert len(json.loads(kept.path.read_text())["annotations"]) == 5
    assert store.refresh()  # a running Reader picks the restored file up
    assert len(store) == describe(recent).annotations


def test_backups_stamped_in_the_future_never_cost_the_one_just_taken(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 2)
    [recent] = [b for b in Backups(db).list() if b.kind == "recent"]
    folder = tmp_path / ".reader-backups"
    for second in range(KEEP["before-restore"]):  # a clock once ahead, or a copied folder
        (folder / f"reader.json.before-restore.99991231-23595{second}-000000.json").write_text(
            db.read_text()
        )
    (folder / "reader.json.recent.99991231-235959-000000.json").write_text(db.read_text())
    saves(store, 3)
    kept = restore(db, recent)
    assert kept is not None and kept.path.exists()  # (it was deleted as the oldest)
    assert len(json.loads(kept.path.read_text())["annotations"]) == 5
    restored = Store(db)
    saves(restored, 1)  # and recent backups go on being taken
    recents = [b for b in Backups(db).list() if b.kind == "recent"]
    assert sum(b.taken.year < 9999 for b in recents) == 2


def test_restoring_the_oldest_before_restore_backup_never_prunes_it_first(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 3)
    folder = tmp_path / ".reader-backups"
    # KEEP before-restore backups, the oldest holding the 3 annotations, the rest none
    stamps = [f"20260101-00000{n}-000000" for n in range(KEEP["before-restore"])]
    for number, stamp in enumerate(stamps):
        data = json.loads(db.read_text())
        if number:
            data["annotations"] = {}
        (folder / f"reader.json.before-restore.{stamp}.json").write_text(json.dumps(data))
    [oldest] = [b for b in Backups(db).list() if stamps[0] in b.path.name]
    store.close()
    restore(db, oldest)  # its own before-restore backup made it the sixth: it was deleted
    assert len(Store(db)) == 3


def test_a_damaged_database_can_be_restored_and_is_itself_kept(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    saves(Store(db), 1)
    good = Backups(db).list()[0]
    db.write_text("{garbage")
    kept = restore(db, good)
    assert kept is not None and kept.path.read_text() == "{garbage"
    assert len(Store(db)) == describe(good).annotations


def test_a_file_named_like_a_backup_with_no_such_date_is_not_one(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 1)
    folder = tmp_path / ".reader-backups"
    (folder / "reader.json.daily.20261399-999999-999999.json").write_text("{}")
    saves(store, 2)  # (every save failed with a ValueError, and restore and doctor too)
    assert len(store.annotations()) == 3
    assert all(b.taken.year < 9999 for b in Backups(db).list())


def test_a_backup_whose_records_are_damaged_is_not_put_in_place(tmp_path: Path) -> None:
    # `reader restore` put a backup holding `"annotations": {"1": null}` (listed as "1
    # annotation") over a good database, which then no command would open.
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 2)
    store.close()
    before = db.read_bytes()
    damaged = tmp_path / ".reader-backups" / "reader.json.recent.20261202-100000-000000.json"
    meta = {"1": {"schema": SCHEMA_VERSION, "next_article_id": 1}}
    tables = {"meta": meta, "articles": {}, "annotations": {"1": None}, "sources": {}}
    damaged.write_text(json.dumps({**tables, "themes": {}}))
    [backup] = [b for b in Backups(db).list() if b.path == damaged]
    with pytest.raises(StoreError, match="cannot be restored"):
        restore(db, backup)
    assert db.read_bytes() == before
    assert len(Store(db)) == 2


def test_backups_stamped_in_the_future_are_pruned_before_the_real_ones(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 2)
    folder = tmp_path / ".reader-backups"
    for second in range(KEEP["before-restore"] - 1):  # a synced folder's files dated 2099
        (folder / f"reader.json.before-restore.20990101-00000{second}-000000.json").write_text(
            db.read_text()
        )
    [recent] = [b for b in Backups(db).list() if b.kind == "recent"]
    first = restore(db, recent)  # the user's 2 annotations, kept
    assert first is not None
    restore(db, recent)  # a second restore must not prune the first one's backup
    assert first.path.exists()
    assert len(json.loads(first.path.read_text())["annotations"]) == 2


def test_a_backup_too_large_for_memory_is_named_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file of gigabytes named like a backup (a synced folder's): reading it whole ran out
    # of memory, and `reader restore` listed nothing but a traceback.
    import reader.storage.recovery

    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 2)
    [recent] = [b for b in Backups(db).list() if b.kind == "recent"]

    def out_of_memory(path: Path) -> bytes:
        raise MemoryError

    monkeypatch.setattr(reader.storage.recovery, "read_database_bytes", out_of_memory)
    assert describe(recent).problem == "too large to read in the memory there is"
    with pytest.raises(StoreError, match="cannot be restored: too large to read"):
        restore(db, recent)


def test_restoring_over_a_database_git_left_conflicted_says_what_it_kept(tmp_path: Path) -> None:
    """`reader restore` over a reader.json holding git's conflict markers said its copy
    "undoes this", which no restore could read ("unreadable (JSON is malformed …)"; found by
    an attack): the copy is named for what it is, in the list and after the restore."""
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 2)
    store.close()
    [recent] = [b for b in Backups(db).list() if b.kind == "recent"]
    whole = db.read_text(encoding="utf-8")
    db.write_text(f"<<<<<<< HEAD\n{whole}\n=======\n{whole}\n>>>>>>> bob\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "restore", recent.name, "--db", str(db)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "undoes this" not in result.stdout
    assert "; it was git's conflict markers (README: With git)." in result.stdout


def test_a_backup_copy_cut_short_is_removed_once_it_is_old(tmp_path: Path) -> None:
    """A kill while a backup was copied left its temporary file in `.reader-backups` for
    good (11 MB at 50,000 annotations; an attack's finding). One older than any copy takes
    is removed at the next save; a fresh one (another Reader copying now) is left."""
    db = tmp_path / "reader.json"
    store = Store(db)
    store.add_article(path="a.txt", title="A", sha256="0")
    store.close()
    folder = tmp_path / ".reader-backups"
    folder.mkdir()
    old = folder / ".reader.json.before-import.20261206-100000-000000.json.x1y2.tmp"
    fresh = folder / ".reader.json.before-import.20261206-110000-000000.json.a1b2.tmp"
    for stale in (old, fresh):
        stale.write_bytes(b"{" * 1000)
    then = time.time() - STALE_BACKUP_SECONDS - 60
    os.utime(old, (then, then))
    store = Store(db)
    text = "A title\n\nSome words here."
    store.save_annotation(new_annotation(1, text, 9, 19))
    store.close()
    assert not old.exists() and fresh.exists()


def test_a_database_missing_while_an_app_holds_it_is_not_begun_again_empty(
    tmp_path: Path,
) -> None:
    """reader.json away for a moment (a sync client, `git stash`, a `mv`) while the app was
    open and `reader add` ran: the command wrote an empty database, the app took it in and
    saved it so, and every annotation was gone (a tester's finding). Refused while an app
    holds the database; deleted with no app open, a new database begins."""
    db = tmp_path / "reader.json"
    app = Store(db, session=True)
    saves(app, 3)
    db.unlink()
    with pytest.raises(StoreError, match="the database is missing while a Reader app is open"):
        Store(db)
    article = tmp_path / "new.txt"
    article.write_text("New story\n\nWords.\n", encoding="utf-8")
    added = run_reader("add", str(article), "--library", str(tmp_path))
    assert added.returncode == 1 and "a Reader app is open on this library" in added.stderr
    assert len(added.stderr.strip().splitlines()) == 1 and not db.exists()
    saves(app, 1)  # (the app's next save writes it back whole)
    assert len(Store(db)) == 4
    app.close()
    db.unlink()
    assert len(Store(db)) == 0  # (no app open: deleted on purpose, begun anew)
    # an app on a library with no database yet holds nothing: a first `reader add` beside
    # it was refused (an attack's finding); once its first change made the file, it does
    fresh = tmp_path / "fresh" / "reader.json"
    fresh.parent.mkdir()
    opened = Store(fresh, session=True)
    Store(fresh).close()
    saves(opened, 1)
    fresh.unlink()
    with pytest.raises(StoreError, match="while a Reader app is open"):
        Store(fresh)
    from reader.library.doctor import examine

    said = " ".join(f.message for f in examine(fresh).findings)
    assert "missing while a Reader app is open" in said  # (not "no database yet")
    # quitting writes it back whole, as the refusal said it would (it quit without a word)
    assert opened.write_back_if_missing() and len(Store(fresh)) == 1
    opened.close()
    # another app's change in the journal is written back with it (it was lost, the
    # journal removed after), and a moved folder gets nothing written where it was
    one, two = Store(fresh, session=True), Store(fresh, session=True)
    two.save_annotation(new_annotation(1, TEXT, 8, 20, source="theirs"))  # (a journal line)
    fresh.unlink()
    assert one.write_back_if_missing() and len(Store(fresh)) == len(two)
    one.close()
    two.close()
    fresh.parent.rename(tmp_path / "fresh-moved")
    moved = Store(tmp_path / "fresh-moved" / "reader.json", session=True)
    (tmp_path / "fresh-moved").rename(tmp_path / "fresh-again")
    assert not moved.write_back_if_missing()
    # a file another command made, taken in by the app and tagged in: held too (the app
    # held nothing, and a move of the file let a command begin an empty one)
    other = tmp_path / "other" / "reader.json"
    other.parent.mkdir()
    app2 = Store(other, session=True)
    saves(Store(other), 1)
    app2.refresh()
    saves(app2, 1)
    other.rename(other.with_name("away.json"))
    with pytest.raises(StoreError, match="while a Reader app is open"):
        Store(other)
    app2.close()


def test_a_library_moved_while_open_is_not_made_again_where_it_was(tmp_path: Path) -> None:
    """`mv lib lib2` with the app open: its next save made `lib/` again (the lock, the
    journal, the file), which took every later tag, and `lib2` never had them (a tester's
    finding). The save is refused, naming why; nothing is made at the old place."""
    from reader.annotations.index_file import write_index

    folder = tmp_path / "lib"
    folder.mkdir()
    store = Store(folder / "reader.json")
    saves(store, 1)
    folder.rename(tmp_path / "moved")
    with pytest.raises(StoreError, match="the folder was moved or removed while Reader"):
        saves(store, 1)
    assert not write_index(folder / ".reader.json.index", None)  # type: ignore[arg-type]
    assert not folder.exists()
    assert len(Store(tmp_path / "moved" / "reader.json")) == 1
    folder.mkdir()  # (a folder made anew at the old place, a share's empty mount point)
    with pytest.raises(StoreError, match="the folder was moved or removed while Reader"):
        saves(store, 1)
    assert list(folder.iterdir()) == []


def test_a_file_damaged_under_a_running_reader_keeps_what_it_held(tmp_path: Path) -> None:
    """Another program emptied reader.json while the app was open: the app refused to save
    over it, rightly, then quit and threw away the whole database it held; its backups,
    taken before writes, held an older state (a tester's finding). What it holds is kept
    as a `recovered` backup, once, which `reader restore` puts back."""
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 3)
    db.write_bytes(b"")  # (emptied in place)
    # (at first it may be a file being written in place, a `cp` at work: not yet kept)
    with pytest.raises(StoreError, match="the database file is empty") as first:
        saves(store, 1)
    assert "is kept as" not in str(first.value)
    for _ in range(2):  # (seen again as it was: damage, kept once)
        with pytest.raises(StoreError, match=r"3 annotations, is kept as reader\.json\.recovered"):
            saves(store, 1)
    [kept] = [b for b in Backups(db).list() if b.kind == "recovered"]
    assert describe(kept).annotations == 3
    restore(db, kept)
    assert len(Store(db)) == 3
    # a newer Reader's save is no damage: nothing kept, nothing to put back over it
    store = Store(db)
    newer = json.loads(db.read_text(encoding="utf-8"))
    newer["meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    db.write_text(json.dumps(newer), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(StoreError, match="newer Reader"):
            saves(store, 1)
    assert len([b for b in Backups(db).list() if b.kind == "recovered"]) == 1


def test_restoring_one_backup_after_another_keeps_the_work_before_the_first(
    tmp_path: Path,
) -> None:
    """Restore the wrong backup, then try others: each restore kept the file it replaced,
    the last one put back, as a new before-restore backup, and the sixth pushed out the
    only copy of the work before the first (a tester's finding). A file a backup already
    holds is not copied again: that backup is what undoes the restore."""
    db = tmp_path / "reader.json"
    store = Store(db)
    saves(store, 2)
    store.close()
    for _ in range(6):  # six more states, each in a backup of its own
        Backups(db).take("before-import")
        saves(Store(db), 1)
    work = db.read_bytes()
    tried = [b for b in Backups(db).list() if b.kind == "before-import"]
    first = restore(db, tried[0])
    assert first is not None and first.path.read_bytes() == work
    for before, backup in itertools.pairwise(tried):
        undo = restore(db, backup)  # (the file replaced is `before` as it was put back)
        assert undo is not None and undo.path == before.path
    assert any(b.path.read_bytes() == work for b in Backups(db).list())
