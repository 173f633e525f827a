"""A database Reader may not change is respected; nothing is written when nothing changed.

A read-only `reader.json` (mode 444, even for root) opens read-only: the library can be
browsed and searched, every edit is refused in one line and the file is never replaced.
A link for the database is followed; a link to nothing, or a `.reader-backups` link, never
makes Reader write outside the library.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.core.records import new_annotation
from reader.storage.database import Store, StoreError
from reader.ui.app import ReaderApp
from tests.helpers.cli import run_reader
from tests.helpers.pilot import SIZE, press, screen_text, settle, tag, toast_words


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.stat().st_ino)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_listing_twice_writes_nothing_the_second_time(tagged_library: Path) -> None:
    """The first search may keep its index beside the database; the database itself is
    never written, and the second round writes nothing at all."""
    commands = (["list"], ["search", "King"], ["stats"], ["export"], ["doctor"])
    assert run_reader("list", "--library", str(tagged_library)).returncode == 0
    database = _snapshot(tagged_library)
    for command in commands:
        assert run_reader(*command, "--library", str(tagged_library)).returncode == 0
    after_first = _snapshot(tagged_library)
    assert set(after_first) - set(database) == {".reader.json.index"}
    assert {k: v for k, v in after_first.items() if k in database} == database
    for command in commands:
        assert run_reader(*command, "--library", str(tagged_library)).returncode == 0
    assert _snapshot(tagged_library) == after_first


def test_an_empty_folder_gets_no_database_until_something_is_saved(empty_library: Path) -> None:
    assert run_reader("list", "--library", str(empty_library)).returncode == 0
    assert run_reader("search", "anything", "--library", str(empty_library)).returncode == 0
    assert list(empty_library.iterdir()) == []


def test_a_read_only_database_is_read_searched_and_never_replaced(tagged_library: Path) -> None:
    (tagged_library / "extra.txt").write_text("Extra\n\nA new article.", encoding="utf-8")
    db = tagged_library / "reader.json"
    os.chmod(db, 0o444)
    before = db.read_bytes()
    backups = _snapshot(tagged_library / ".reader-backups")
    listed = run_reader("list", "--library", str(tagged_library))
    assert listed.returncode == 0 and "extra.txt" in listed.stdout  # seen, not saved
    found = run_reader("search", "King", "--library", str(tagged_library))
    assert found.returncode == 0 and "Doug King" in found.stdout
    store = Store(db)
    assert store.read_only
    [record] = [r for r in store.articles() if r.path.startswith("ice")]
    with pytest.raises(StoreError, match="read-only"):
        store.save_annotation(new_annotation(record.id, "x" * 100, 1, 5))
    store.close()
    imported = run_reader(
        "import", str(tagged_library / "nothing.jsonld"), "--library", str(tagged_library)
    )
    assert imported.returncode == 1 and "Traceback" not in imported.stderr
    assert db.read_bytes() == before and db.stat().st_mode & 0o777 == 0o444
    assert _snapshot(tagged_library / ".reader-backups") == backups


async def test_the_app_says_read_only_and_refuses_to_tag(tagged_library: Path) -> None:
    db = tagged_library / "reader.json"
    os.chmod(db, 0o444)
    before = db.read_bytes()
    app = ReaderApp(library=tagged_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "read-only" in screen_text(app)
        await press(pilot, "n", "t")
        if app.screen.__class__.__name__ == "TagDialog":
            await tag(pilot, "Someone")
        assert "read-only" in toast_words(app)
        assert app.is_running
    assert db.read_bytes() == before


def test_a_linked_database_is_followed(tagged_library: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    shutil.move(tagged_library / "reader.json", elsewhere / "reader.json")
    (tagged_library / "reader.json").symlink_to(elsewhere / "reader.json")
    result = run_reader("search", "King", "--library", str(tagged_library))
    assert result.returncode == 0 and "Doug King" in result.stdout
    assert (tagged_library / "reader.json").is_symlink()


def test_a_link_to_nothing_is_refused_and_nothing_is_created(
    empty_library: Path, tmp_path: Path
) -> None:
    target = tmp_path / "outside" / "reader.json"
    target.parent.mkdir()
    (empty_library / "a.txt").write_text("A\n\nText.", encoding="utf-8")
    (empty_library / "reader.json").symlink_to(target)
    result = run_reader("list", "--library", str(empty_library))
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert result.stderr.count("\n") == 1
    assert list(target.parent.iterdir()) == []


def test_backups_are_never_written_through_a_link(tagged_library: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(tagged_library / ".reader-backups", ignore_errors=True)
    (tagged_library / ".reader-backups").symlink_to(outside)
    store = Store(tagged_library / "reader.json")
    [record] = [r for r in store.articles() if r.path.startswith("ice")]
    store.save_annotation(new_annotation(record.id, "x" * 100, 1, 5))
    store.close()
    assert list(outside.iterdir()) == []
    assert "is a link" in store.backup_problem()
    text = tmp_path / "note.txt"
    text.write_text("A note\n\nWords of a note worth keeping here.\n", encoding="utf-8")
    result = run_reader("add", "--library", str(tagged_library), str(text))
    assert result.returncode == 0  # the article is added: only the backups are skipped
    assert "reader: note:" in result.stderr and ".reader-backups is a link" in result.stderr
    assert "replace the link with a folder" in result.stderr


def test_global_options_may_come_before_the_command(tagged_library: Path) -> None:
    result = run_reader("--library", str(tagged_library), "list")
    assert result.returncode == 0 and "ice-canada-offices.txt" in result.stdout
    again = run_reader(f"--library={tagged_library}", "search", "King")
    assert again.returncode == 0 and "Doug King" in again.stdout
