"""The journal: a save is one appended line, folded into reader.json later; whatever a crash
leaves (a torn line, a fold not finished) opens to exactly what was acknowledged."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from reader.core.records import Annotation, edited, new_annotation
from reader.library.doctor import examine
from reader.storage.database import Store, StoreError, on_disk
from reader.storage.journal import Journal, encode_line
from tests.helpers.paths import ROOT

TEXT = "Title\n\n" + "A sentence that people are quoted in, with more words. " * 40


def make(db: Path, count: int = 3) -> Store:
    store = Store(db)
    article = store.add_article(path="a.txt", title="Title", sha256="0")
    if count:
        store.save_annotations(
            new_annotation(article.id, TEXT, 7 + i, 40 + i, source=f"S{i}") for i in range(count)
        )
    return store


def test_a_save_appends_one_line_and_leaves_the_file_alone(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = make(db)
    before = db.read_bytes()
    lines = store.journal.path.read_bytes().count(b"\n")
    saved = store.save_annotation(new_annotation(1, TEXT, 7, 30, source="Doug King"))
    assert db.read_bytes() == before
    assert store.journal.path.read_bytes().count(b"\n") == lines + 1
    assert Store(db).annotation(saved.id) == saved  # another process sees it at once


def test_a_change_too_large_for_a_journal_line_writes_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An import of a million annotations failed after 143 s with "free some space".
    import reader.storage.journal as journal

    db = tmp_path / "reader.json"
    store = make(db)
    monkeypatch.setattr(journal, "MAX_LINE", 2000)
    many = [new_annotation(1, TEXT, 7, 30, source=f"Speaker {i}") for i in range(40)]
    store.save_annotations(many)
    assert not store.journal.exists()  # written into reader.json at once, a new generation
    assert len(on_disk(db)["annotations"]) == 43
    assert {a.id for a in Store(db).annotations()} >= {a.id for a in many}


def test_a_fold_writes_a_whole_tinydb_file_and_drops_the_journal(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = make(db, 5)
    store.delete_annotation(store.annotations()[0].id)
    assert store.fold()
    assert not store.journal.exists()
    plain = TinyDB(db)  # TinyDB's own JSONStorage reads it
    assert len(plain.table("annotations")) == 4
    assert plain.table("meta").all()[0]["generation"] == 2  # the first file, then this fold
    plain.close()
    assert store.fold() is False  # nothing left to fold


def test_closing_a_store_that_wrote_folds_it(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    make(db).close()
    assert not Journal(db).exists()
    assert len(json.loads(db.read_text())["annotations"]) == 3


def test_a_torn_last_line_is_dropped_and_cut_by_the_next_writer(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = make(db)
    journal = store.journal.path
    line = encode_line({"ops": [["annotations", "x", {"id": "x"}]]})
    with journal.open("ab") as handle:
        handle.write(line[: len(line) // 2])  # a crash in the middle of an append
    again = Store(db)
    assert len(again) == 3
    again.save_annotation(new_annotation(1, TEXT, 7, 30, source="After"))
    assert (
        journal.read_bytes().endswith(b"\n") and line[: len(line) // 2] not in journal.read_bytes()
    )
    assert len(Store(db)) == 4


def test_a_damaged_line_inside_the_journal_is_refused_and_the_doctor_keeps_the_rest(
    tmp_path: Path,
) -> None:
    db = tmp_path / "reader.json"
    store = make(db, 0)
    first = store.save_annotation(new_annotation(1, TEXT, 7, 30, source="Kept"))
    store.save_annotation(new_annotation(1, TEXT, 8, 31, source="After the damage"))
    store.save_annotation(new_annotation(1, TEXT, 9, 32, source="Also after"))
    data = store.journal.path.read_bytes()
    lines = data.split(b"\n")
    lines[-3] = lines[-3].replace(b"After the damage", b"After the DAMAGE")  # checksum fails
    store.journal.path.write_bytes(b"\n".join(lines))
    with pytest.raises(StoreError, match="line 3 of the journal is damaged") as error:
        Store(db)
    assert "\n" not in str(error.value) and "reader doctor --fix" in str(error.value)
    checkup = examine(db, fix=True)
    assert any("a copy is kept" in f.message for f in checkup.findings)
    # every change whose own sum holds is kept, those after the damage too (they were cut
    # away with it; a tester's finding): only the damaged line goes, into the copy
    assert [a.source for a in Store(db).annotations()] == [first.source, "Also after"]
    assert any("1 line set aside" in f.message for f in checkup.findings)
    assert list((tmp_path / ".reader-backups").glob("reader.json.journal.damaged.*"))


def test_a_damaged_first_line_of_the_journal_replays_nothing_and_says_so(
    tmp_path: Path,
) -> None:
    """The journal's first line names the generation its changes follow: damaged, the
    doctor said every other change was kept and none was applied; stamped with the file's
    generation, an older journal's changes came back over newer ones (two attacks'
    findings). None is replayed, the copy keeps them, and the doctor says so."""
    db = tmp_path / "reader.json"
    store = make(db, 0)
    for number in range(3):
        store.save_annotation(new_annotation(1, TEXT, 7 + number, 30, source=f"S{number}"))
    lines = store.journal.path.read_bytes().split(b"\n")
    lines[0] = lines[0].replace(b"generation", b"generatiom")  # checksum fails
    store.journal.path.write_bytes(b"\n".join(lines))
    said = " ".join(f.message for f in examine(db, fix=True).findings)
    assert "none is replayed: they are in the copy" in said
    assert Store(db).annotations() == []
    [copy] = (tmp_path / ".reader-backups").glob("reader.json.journal.damaged.*")
    assert b'"name":"S1"' in copy.read_bytes()


def test_a_hostile_journal_line_with_a_good_checksum_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    make(db).close()
    journal = Journal(db)
    generation = json.loads(db.read_text())["meta"]["1"]["generation"]
    start = journal.start(generation)
    journal.append({"ops": [["annotations", "x", {"id": "x", "start": True}]]}, start)
    with pytest.raises(StoreError, match="change 1") as error:
        Store(db)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "operation",
    [
        ["articles", "\u00b2", None],  # a digit to str.isdigit, not to int
        ["articles", "9" * 5000, None],
        ["articles", "abc", {"id": 7, "path": "new.txt", "title": "T", "sha256": "0"}],
        ["meta", "1", {"schema": 99}],  # would lock every command out once folded
        ["meta", "1", {"schema": 5, "next_article_id": 10**30}],
        ["annotations", "x", {**new_annotation(1, TEXT, 7, 9).to_doc(), "start": 10**20}],
        ["annotations"],
        ["sources", "x", ["a"]],
    ],
)
def test_a_crafted_change_is_refused_in_one_line_and_the_doctor_sets_it_aside(
    tmp_path: Path, operation: list[object]
) -> None:
    db = tmp_path / "reader.json"
    make(db).close()
    journal = Journal(db)
    generation = json.loads(db.read_text())["meta"]["1"]["generation"]
    end = journal.append({"ops": [operation]}, journal.start(generation))
    with pytest.raises(StoreError, match="change 1") as error:
        Store(db)
    assert "\n" not in str(error.value) and "reader doctor --fix" in str(error.value)
    checkup = examine(db, fix=True)
    assert any("a copy is kept" in f.message for f in checkup.findings), checkup.findings
    store = Store(db)
    assert [a.source for a in store.annotations()] == ["S0", "S1", "S2"]
    assert store.add_article(path="b.txt", title="B", sha256="1").id == 2
    assert end > 0


def test_a_made_up_next_article_id_in_the_file_gives_the_next_id_in_use(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    make(db).close()
    data = json.loads(db.read_text())
    data["meta"]["1"]["next_article_id"] = 10**30
    db.write_text(json.dumps(data))
    assert Store(db).add_article(path="b.txt", title="B", sha256="1").id == 2


def test_a_journal_already_folded_is_ignored(tmp_path: Path) -> None:
    """A crash between the fold's rename and the journal's removal leaves the old journal
    beside a file that already holds it: it must not be replayed (a deletion made since
    would come back)."""
    db = tmp_path / "reader.json"
    store = make(db)
    stale = store.journal.path.read_bytes()
    store.fold()
    doomed = store.annotations()[0]
    store.delete_annotation(doomed.id)
    store.fold()
    store.journal.path.write_bytes(stale)  # the crash
    again = Store(db)
    assert again.annotation(doomed.id) is None and len(again) == 2
    again.save_annotation(new_annotation(1, TEXT, 7, 30, source="New"))
    assert len(Store(db)) == 3  # the stale journal was replaced, not appended to


def test_a_file_replaced_from_outside_keeps_the_changes_not_yet_folded(tmp_path: Path) -> None:
    """A teammate's reader.json synced in (another generation) while this store's saves
    wait in its journal: they stay, on screen and on disk (they were dropped unsaid)."""
    db = tmp_path / "reader.json"
    theirs = tmp_path / "theirs.json"
    teammate = make(theirs, count=2)
    for number in range(3):  # (a generation of its own)
        teammate.describe_source(f"S{number % 2}", f"round {number}")
        teammate.fold()
    teammate.close()
    store = make(db, count=1)
    store.fold()
    mine = store.save_annotation(new_annotation(1, TEXT, 50, 90, source="Mine, unfolded"))
    db.write_bytes(theirs.read_bytes())  # the sync, while the app runs
    assert store.refresh()
    assert store.annotation(mine.id) == mine
    later = store.save_annotation(new_annotation(1, TEXT, 60, 95, source="Later"))
    again = Store(db)  # (before any fold: what the disk holds)
    assert again.annotation(mine.id) == mine and again.annotation(later.id) == later
    assert len(again) == 4  # the teammate's two, and both of mine


def _killed_with_a_tag_then_an_older_copy_put_back(db: Path, source: str) -> Annotation:
    """A Reader that folded twice, then tagged (`source`) and was killed: the tag is in its
    journal alone; then the file of the first fold is copied back over `reader.json`."""
    store = make(db, count=1)
    store.fold()
    older = db.read_bytes()
    store.save_annotation(new_annotation(1, TEXT, 20, 40, source="Folded since"))
    store.fold()
    tag = store.save_annotation(new_annotation(1, TEXT, 50, 90, source=source))
    del store  # killed
    db.write_bytes(older)
    return tag


def test_an_older_copy_put_back_while_no_reader_ran_keeps_the_journal_s_changes(
    tmp_path: Path,
) -> None:
    """The app killed with a tag in its journal, then an older `reader.json` copied over
    (a hand restore, a sync): the tag was dropped without a word, and the next save
    started a journal over it (an attack's finding). The journal continues a later
    generation than the file's: its changes are newer than the file, and are kept."""
    db = tmp_path / "reader.json"
    tag = _killed_with_a_tag_then_an_older_copy_put_back(db, "Zelda Crashworth")
    again = Store(db)
    assert again.annotation(tag.id) == tag
    later = again.save_annotation(new_annotation(1, TEXT, 60, 95, source="Later"))
    again.close()
    final = Store(db)
    assert final.annotation(tag.id) == tag and final.annotation(later.id) == later


def test_a_journal_two_readers_adopted_is_written_once_and_a_deletion_since_stays(
    tmp_path: Path,
) -> None:
    """Two Readers opened on the older copy both take the later journal in; one saves
    (writing it into its new journal), deletes the tag and quits; the other, saving
    next, wrote the old journal's changes again and brought the tag back (an attack's
    finding)."""
    db = tmp_path / "reader.json"
    tag = _killed_with_a_tag_then_an_older_copy_put_back(db, "Yvonne Journal")
    one, two = Store(db), Store(db)
    assert one.annotation(tag.id) == tag and two.annotation(tag.id) == tag
    one.save_annotation(new_annotation(1, TEXT, 10, 40, source="Zed"))
    two.refresh()
    one.delete_annotation(tag.id)
    one.close()
    two.refresh()
    two.save_annotation(new_annotation(1, TEXT, 11, 40, source="Wanda"))
    del two  # killed: what it wrote is on disk
    assert sorted(a.source or "" for a in Store(db).annotations()) == ["S0", "Wanda", "Zed"]


def _tagged_then_a_later_copy_pulled_in(db: Path, tmp_path: Path) -> Annotation:
    """The app tags (the tag in its journal alone), then a later copy of the library's
    file replaces `reader.json` (`git pull` of a teammate's folds), then the app is killed
    (its terminal closed)."""
    store = make(db, count=1)
    store.fold()
    tag = store.save_annotation(new_annotation(1, TEXT, 50, 90, source="Zelda Crashworth"))
    del store  # killed
    other = make(tmp_path / "other.json", count=1)
    for number in range(3):  # a copy of a later generation, without the tag
        other.save_annotation(new_annotation(1, TEXT, 10, 20 + number, source=f"R{number}"))
        other.fold()
    other.close()
    db.write_bytes((tmp_path / "other.json").read_bytes())
    return tag


def test_a_journal_no_fold_took_in_keeps_its_changes_under_a_later_file_pulled_in(
    tmp_path: Path,
) -> None:
    """A journal older than the file, that no fold of the file took in (a newcomer's `git
    pull` while the app had a tag in its journal, then the terminal closed): its changes
    were set aside unsaid, and the tag was gone from the app, `list` and `search`."""
    db = tmp_path / "reader.json"
    tag = _tagged_then_a_later_copy_pulled_in(db, tmp_path)
    again = Store(db)
    assert again.annotation(tag.id) == tag
    assert len(again) == 5  # the copy's four, and the tag
    later = again.save_annotation(new_annotation(1, TEXT, 60, 95, source="Later"))
    again.close()
    final = Store(db)
    assert final.annotation(tag.id) == tag and final.annotation(later.id) == later
    final.fold()
    assert Store(db).annotation(tag.id) == tag


def test_a_journal_left_by_a_fold_cut_short_never_undoes_a_later_deletion_or_edit(
    tmp_path: Path,
) -> None:
    """Our fold killed before it removed the journal, then a teammate deletes one of its
    annotations, edits another and folds 33 times (past the ids a file lists), and we pull
    their file: the journal was replayed and the deletion undone (an attack on this
    stop's mend). Its changes are taken as a merge takes a teammate's: none of a version
    the file holds changed or deleted since."""
    db = tmp_path / "reader.json"
    store = make(db, count=1)
    store.fold()
    doomed = store.save_annotation(new_annotation(1, TEXT, 50, 90, source="Tom Lee"))
    revised = store.save_annotation(new_annotation(1, TEXT, 20, 45, source="Ann Poe"))
    leftover = store.journal.path.read_bytes()
    store.fold()
    store.close()
    store.journal.path.write_bytes(leftover)  # the fold cut short
    theirs = tmp_path / "theirs.json"
    theirs.write_bytes(db.read_bytes())
    teammate = Store(theirs)
    teammate.delete_annotation(doomed.id)
    teammate.save_annotation(edited(teammate.annotation(revised.id), note="checked"))
    for number in range(33):
        teammate.save_annotation(new_annotation(1, TEXT, 10, 20 + number, source=f"D{number}"))
        teammate.fold()
    teammate.close()
    db.write_bytes(theirs.read_bytes())  # the pull
    again = Store(db)
    assert again.annotation(doomed.id) is None
    assert again.annotation(revised.id).note == "checked"
    assert len(again) == 1 + 1 + 33


def _soon() -> str:
    """A time a few seconds on (the merge compares times to the second)."""
    return (datetime.now(UTC) + timedelta(seconds=5)).isoformat(timespec="seconds")


def _two_copies(db: Path, tmp_path: Path) -> tuple[Store, Path, Annotation, Annotation]:
    """A library and a copy of it elsewhere (a desktop's, synced or pulled), both holding
    ann's x1 and x2, folded."""
    store = make(db, count=0)
    x1 = store.save_annotation(new_annotation(1, TEXT, 7, 30, source="S1", coder="ann"))
    x2 = store.save_annotation(new_annotation(1, TEXT, 40, 60, source="S2", coder="ann"))
    store.fold()
    desktop = tmp_path / "desktop" / "reader.json"
    desktop.parent.mkdir()
    desktop.write_bytes(db.read_bytes())
    return store, desktop, x1, x2


def test_a_pull_while_the_app_runs_keeps_a_teammates_later_edit_and_deletion(
    tmp_path: Path,
) -> None:
    """ann's app edits x1 and x2 (its journal); bob, later, edits x1 and deletes x2 on his
    copy; ann pulls his file while her app runs: the app put its whole journal back over
    his file, his edit gone and x2 back (an attack on this stop's mend). Now as a merge:
    his later edit keeps the id, hers is kept beside it (another coder's), x2 stays deleted."""
    db = tmp_path / "reader.json"
    store, desktop, x1, x2 = _two_copies(db, tmp_path)
    store.save_annotation(edited(x1, note="ann's edit"))
    store.save_annotation(edited(x2, note="ann's edit"))
    theirs = Store(desktop)
    his = edited(theirs.annotation(x1.id), note="bob's edit")
    theirs.save_annotation(msgspec.structs.replace(his, coder="bob", updated=_soon()))
    theirs.delete_annotation(x2.id)
    theirs.fold()
    theirs.close()
    db.write_bytes(desktop.read_bytes())  # the pull, while the app runs
    assert store.refresh()
    assert store.annotation(x1.id).note == "bob's edit"
    assert store.annotation(x2.id) is None
    assert sorted(a.note for a in store.annotations()) == ["ann's edit", "bob's edit"]
    store.close()
    assert Store(db).annotation(x2.id) is None


def test_a_journal_under_a_synced_file_of_its_generation_is_not_taken_whole(
    tmp_path: Path,
) -> None:
    """A laptop's unsaved journal under the desktop's file, synced in, of the same
    generation: the journal was taken as the file's own and applied whole over the
    desktop's later edit and deletion (an attack on this stop's mend). A journal names
    the file it continues."""
    db = tmp_path / "reader.json"
    laptop, desktop, x1, x2 = _two_copies(db, tmp_path)
    laptop.save_annotation(new_annotation(1, TEXT, 61, 80, source="Laptop"))
    laptop.fold()  # (its generation: one more)
    laptop.save_annotation(edited(x1, note="laptop's edit"))
    del laptop  # killed, its edit in the journal
    other = Store(desktop)
    later = edited(other.annotation(x1.id), note="desktop's edit")
    other.save_annotation(msgspec.structs.replace(later, updated=_soon()))
    other.delete_annotation(x2.id)
    other.fold()  # (the same generation as the laptop's file)
    other.close()
    db.write_bytes(desktop.read_bytes())  # the sync
    again = Store(db)
    assert again.annotation(x1.id).note == "desktop's edit"
    assert again.annotation(x2.id) is None


def test_a_journal_of_codebook_changes_alone_is_kept_under_a_later_file(
    tmp_path: Path,
) -> None:
    """A description written in the codebook screen, the app killed, then a pull: a journal
    of codebook changes alone was neither applied nor set aside (a second attack on this
    stop's mends)."""
    db = tmp_path / "reader.json"
    store, desktop, _x1, _x2 = _two_copies(db, tmp_path)
    store.describe_source("S1", "Mount Royal University criminologist")
    del store  # killed
    other = Store(desktop)
    other.save_annotation(new_annotation(1, TEXT, 61, 80, source="Elsewhere"))
    other.fold()
    other.close()
    db.write_bytes(desktop.read_bytes())
    described = {source.name: source.description for source in Store(db).sources()}
    assert described["S1"] == "Mount Royal University criminologist"


def test_a_deletion_undone_in_a_journal_never_forgets_a_later_deletion_of_the_file(
    tmp_path: Path,
) -> None:
    """The laptop deletes x1 and undoes it (its journal forgets the deletion); the desktop
    then deletes x1 for good: the adopted journal had dropped the desktop's record of the
    deletion, and an older copy imported brought x1 back (a second attack on this stop's
    mends)."""
    db = tmp_path / "reader.json"
    store, desktop, x1, _x2 = _two_copies(db, tmp_path)
    store.delete_annotation(x1.id)
    store.save_annotation(x1)  # undo
    store.save_annotation(new_annotation(1, TEXT, 61, 80, source="Laptop tag"))
    del store  # killed
    other = Store(desktop)
    other.delete_annotation(x1.id)
    other.fold()
    other.close()
    db.write_bytes(desktop.read_bytes())
    again = Store(db)
    assert again.annotation(x1.id) is None and again.deleted_at(x1.id) is not None


def test_a_fold_records_a_journal_another_reader_began_and_it_took_in(tmp_path: Path) -> None:
    """A Reader that took in another's journal and folded it did not record its id: left
    behind by a fold cut short, that journal was taken for one no fold took in, and its
    description put back over the one written since."""
    db = tmp_path / "reader.json"
    one = make(db, count=1)
    one.fold()
    two = Store(db)
    one.describe_source("S0", "first description")
    leftover = one.journal.path.read_bytes()
    assert two.refresh()
    two.fold()  # (the journal one began, taken in)
    two.update_source("S0", description="written since")
    two.fold()
    two.close()
    one.close()
    one.journal.path.write_bytes(leftover)  # left behind
    described = {source.name: source.description for source in Store(db).sources()}
    assert described["S0"] == "written since"


def test_a_journal_left_by_another_readers_fold_cut_short_is_never_taken_in_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ann tags; bob recodes it later; ann tags again (her store wrote the journal's last
    line); bob's fold is cut short before the journal's removal: ann's store, refreshing,
    took the journal for its own under a file put in place from outside and merged it back,
    her superseded version coming back as a copy beside bob's (a fuzzer's finding)."""
    db = tmp_path / "reader.json"
    make(db, count=0).close()
    ann, bob = Store(db), Store(db)
    tagged = ann.save_annotation(new_annotation(1, TEXT, 0, 10, themes=["Fear"], coder="ann"))
    assert bob.refresh()
    recoded = edited(bob.annotation(tagged.id), themes=["Hope"], coder="bob")
    bob.save_annotation(msgspec.structs.replace(recoded, updated=_soon()))
    ann.save_annotation(new_annotation(1, TEXT, 20, 30, coder="ann"))
    monkeypatch.setattr(bob.journal, "remove", lambda: None)  # the fold cut short
    bob.fold()
    del bob
    assert ann.refresh()
    assert len(ann) == 2 and ann.annotation(tagged.id).themes == ("Hope",)
    ann.close()
    assert len(Store(db)) == 2


def test_a_journal_an_older_reader_wrote_is_set_aside_not_replayed_over_a_later_file(
    tmp_path: Path,
) -> None:
    """A journal with no id (an older Reader's) cannot tell whether a fold took it in: not
    replayed over a newer file, but copied into the backups before the next save replaces
    it."""
    db = tmp_path / "reader.json"
    tag = _tagged_then_a_later_copy_pulled_in(db, tmp_path)
    journal = Journal(db).path
    lines = journal.read_bytes().split(b"\n")
    lines[0] = encode_line({"generation": json.loads(lines[0][9:])["generation"]})[:-1]
    journal.write_bytes(b"\n".join(lines))
    again = Store(db)
    assert again.annotation(tag.id) is None  # (not over a newer file)
    again.save_annotation(new_annotation(1, TEXT, 60, 95, source="Later"))
    again.close()
    [kept] = (tmp_path / ".reader-backups").glob("reader.json.journal.*")
    assert kept.read_bytes() == b"\n".join(lines)


def test_two_stores_see_each_others_appends_and_folds(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    one = make(db)
    two = Store(db)
    heard: list[int] = []
    two.subscribe(lambda change: heard.append(len(change.added)))
    saved = one.save_annotation(new_annotation(1, TEXT, 7, 30, source="From one"))
    assert two.refresh() and two.annotation(saved.id) == saved and heard == [1]
    assert not two.refresh()  # nothing new
    one.fold()
    assert two.refresh() and len(two) == 4
    edited_by_two = two.save_annotation(edited(saved, note="two"))
    assert one.refresh() and one.annotation(saved.id) == edited_by_two


def test_a_save_costs_the_change_not_the_database(tmp_path: Path) -> None:
    """The bytes a save writes do not grow with the database (the speed is `make bench`'s)."""
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    written = []
    for db, count in ((small, 10), (large, 3000)):
        store = make(db, count)
        store.fold()
        store.save_annotation(new_annotation(1, TEXT, 7, 30, source="Measured"))
        written.append(store.journal.path.stat().st_size)
    assert written[0] == written[1]


def test_import_and_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    source = tmp_path / "source" / "reader.json"
    source.parent.mkdir()
    make(source, 200).close()
    exported = tmp_path / "export.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "export",
            "--db",
            str(source),
            "--format",
            "json",
            "-o",
            str(exported),
            "--library",
            str(source.parent),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    library = tmp_path / "library"
    library.mkdir()
    (library / "a.txt").write_text(TEXT, encoding="utf-8")
    db = library / "reader.json"
    target = Store(db)
    target.add_article(path="a.txt", title="Title", sha256="0")
    target.close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.writer", "write", str(db), label, "30"],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for label in ("one", "two")
    ]
    importing = subprocess.run(
        [sys.executable, "-m", "reader", "import", str(exported), "--library", str(library)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    acks = [line for w in writers for line in w.communicate()[0].split()]
    assert importing.returncode == 0, importing.stderr
    final = Store(db)
    assert all(final.annotation(a) for a in acks) and len(acks) == 60
    assert len(final) == 60 + 200


_STEP = st.one_of(
    st.tuples(st.just("save"), st.integers(0, 30)),
    st.tuples(st.just("delete"), st.integers(0, 30)),
    st.tuples(st.just("fold"), st.just(0)),
    st.tuples(st.just("kill"), st.integers(1, 400)),
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(_STEP, max_size=14))
def test_any_saves_deletes_folds_and_kills_reopen_to_the_acknowledged_state(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, int]]
) -> None:
    """A kill is an append cut at any byte (the change was not acknowledged): reopening
    gives exactly the state of the acknowledged changes."""
    db = tmp_path_factory.mktemp("journal") / "reader.json"
    store = make(db, 2)
    expected = {a.id: a for a in store.annotations()}
    for action, number in steps:
        if action == "save":
            saved = store.save_annotation(
                new_annotation(
                    1,
                    TEXT,
                    7 + number,
                    40,
                    note=str(number),
                    source=f"S{number % 3}",
                    themes=[f"t{number % 4}"],
                )
            )
            expected[saved.id] = saved
        elif action == "delete" and expected:
            victim = sorted(expected)[number % len(expected)]
            store.delete_annotation(victim)
            del expected[victim]
        elif action == "fold":
            store.fold()
        elif action == "kill":
            unacked = new_annotation(1, TEXT, 9, 44, note="never acknowledged")
            line = encode_line({"ops": [["annotations", unacked.id, unacked.to_doc()]]})
            with Journal(db).path.open("ab") as handle:
                handle.write(line[: number % len(line)])
            store = Store(db)  # the next process
    reopened = Store(db)
    assert {a.id: a for a in reopened.annotations()} == expected
    # What the running store keeps up to date change by change equals a fresh count.
    assert store.annotations_for(1) == reopened.annotations_for(1)
    assert store.theme_usage() == reopened.theme_usage()
    assert store.source_usage() == reopened.source_usage()
    assert len(on_disk(db)["annotations"]) == len(expected)


def test_the_journal_is_never_written_through_a_link(tmp_path: Path) -> None:
    # A shared library can carry `.reader.json.journal -> somewhere`: a save overwrote the
    # file it pointed at, or created it, and `doctor --fix` cut it to nothing.
    db = tmp_path / "library" / "reader.json"
    db.parent.mkdir()
    store = make(db)
    store.fold()
    outside = tmp_path / "outside.txt"
    outside.write_text("someone else's file\n")
    store.journal.path.unlink(missing_ok=True)
    store.journal.path.symlink_to(outside)
    with pytest.raises(StoreError):
        Store(db).save_annotation(new_annotation(1, TEXT, 7, 30, source="Doug King"))
    assert outside.read_text() == "someone else's file\n"
    store.journal.path.unlink()
    store.journal.path.symlink_to(tmp_path / "nowhere.txt")  # a link to nothing
    with pytest.raises(StoreError):
        Store(db).save_annotation(new_annotation(1, TEXT, 7, 30, source="Doug King"))
    assert not (tmp_path / "nowhere.txt").exists()


def test_a_journal_line_nested_too_deep_is_a_damaged_line_not_a_crash(tmp_path: Path) -> None:
    from reader.storage.journal import decode_line

    payload = b'{"ops":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    line = f"{zlib.crc32(payload):08x} ".encode() + payload
    assert decode_line(line) is None  # (a RecursionError broke every command, doctor too)


def test_reading_a_small_journal_reserves_no_memory_for_its_bound(tmp_path: Path) -> None:
    import tracemalloc

    db = tmp_path / "reader.json"
    store = make(db)
    tracemalloc.start()
    try:
        reading = Journal(db).read(0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert reading.records and peak < 4 << 20  # (a read of the 4 GB bound reserved it first)
    store.close()


def test_the_doctor_never_sets_aside_a_journal_that_is_a_link(tmp_path: Path) -> None:
    db = tmp_path / "lib" / "reader.json"
    db.parent.mkdir()
    make(db).close()
    outside = tmp_path / "keep.txt"
    outside.write_text("keep me\n")
    Journal(db).path.symlink_to(outside)
    checkup = examine(db, fix=True)  # one finding, no exception
    assert any("cannot set the journal aside" in f.message for f in checkup.findings)
    assert outside.read_text() == "keep me\n"


@pytest.mark.parametrize(
    "operations",
    [
        [{"deleted": 1, "x": 2, "y": 3}],  # an object: its keys unpacked as three names
        [[[1], 2, 3]],  # a list for a table's name
        None,
        [["meta", 1, [1]]],
    ],
)
def test_a_crafted_journal_change_is_one_line_everywhere_and_the_doctor_sets_it_aside(
    tmp_path: Path, operations: object
) -> None:
    from tests.helpers.cli import run_reader

    db = tmp_path / "lib" / "reader.json"
    db.parent.mkdir()
    make(db).close()
    generation = json.loads(db.read_text())["meta"]["1"]["generation"]
    Journal(db).path.write_bytes(
        encode_line({"generation": generation}) + encode_line({"ops": operations})
    )
    listed = run_reader("list", "--library", str(db.parent))
    assert listed.returncode == 1 and "change 1" in listed.stderr
    checked = run_reader("doctor", "--library", str(db.parent))
    assert checked.returncode == 1 and "change 1" in checked.stdout + checked.stderr
    for result in (listed, checked):
        assert "Traceback" not in result.stderr
    mended = run_reader("doctor", "--fix", "--library", str(db.parent))
    assert "Traceback" not in mended.stderr
    again = run_reader("list", "--library", str(db.parent))
    assert again.returncode == 0 and "Traceback" not in again.stderr


def test_a_damaged_journal_is_never_set_aside_through_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    library = tmp_path / "library"
    library.mkdir()
    (library / ".reader-backups").symlink_to(elsewhere)  # a shared library's link
    journal = Journal(library / "reader.json")
    journal.path.write_bytes(b"the user's changes\n")
    with pytest.raises(OSError, match="is a link"):
        journal.set_aside(library / ".reader-backups", 0)
    assert list(elsewhere.iterdir()) == []
    assert journal.path.read_bytes() == b"the user's changes\n"  # not cut either


_FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from reader.storage.journal import Journal
journal = Journal(Path(sys.argv[1]))
at = journal.append({"ops": [["annotations", "a", {"note": "x"}]]}, journal.start(1))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (at + 300, at + 300))  # the disk fills up
try:
    journal.append({"ops": [["annotations", "b", {"note": "y" * 500}]]}, at)
except OSError:
    print(at, journal.path.stat().st_size)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are POSIX")
def test_a_change_the_full_disk_refused_leaves_no_part_of_itself(tmp_path: Path) -> None:
    """On a full disk the journal kept a torn tail of the change reported as failed (an
    attack's finding, on a full tmpfs): the truncate meant to take it back flushed the
    buffered bytes first, failed again, and was passed over."""
    ended = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, str(tmp_path / "reader.json")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    at, size = ended.stdout.split()
    assert size == at


def test_a_pipe_put_in_the_journals_place_is_named_to_be_removed(tmp_path: Path) -> None:
    # a pipe at .reader.json.journal while the app was open: its saves failed with "free
    # some space or check permissions", the wrong thing to do (an attack's finding)
    import os

    db = tmp_path / "reader.json"
    store = make(db)
    store.journal.path.unlink()
    os.mkfifo(store.journal.path)
    with pytest.raises(StoreError) as failed:
        store.save_annotation(new_annotation(1, TEXT, 7, 30, source="Doug King"))
    message = str(failed.value)
    assert "not a regular file" in message and "remove it" in message, message
    assert str(store.journal.path) in message and "free some space" not in message
