"""A large database's first search index, built and saved by a child process."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.annotations import index_process
from reader.annotations.index_file import index_path, kept_index_current
from reader.annotations.index_process import build_in_child, wants_child
from reader.annotations.search import SearchIndex
from reader.core.records import new_annotation
from reader.storage.database import Store

TEXT = "The minister said the budget would protect public safety, Doug King said."


def _database(db: Path, rows: int = 3) -> Path:
    store = Store(db)
    article = store.add_article(path="a.txt", title="Funding talks", sha256="0").id
    for _ in range(rows):
        store.save_annotation(
            new_annotation(article, TEXT, 4, 30, source="Doug King", themes=["budget"])
        )
    store.close()
    return db


def test_the_child_saves_the_index_a_start_then_takes_whole(tmp_path: Path) -> None:
    db = _database(tmp_path / "reader.json")
    assert not kept_index_current(db)
    assert build_in_child(db)
    assert kept_index_current(db)
    store = Store(db)
    index = SearchIndex.build(store)
    assert not index._changed_since_saved  # taken as kept: nothing to save again
    assert [hit.annotation.source for hit in index.search("budgte").hits] == ["Doug King"] * 3
    store.close()


def test_a_child_that_fails_saves_nothing_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    db.write_text("{ this is not a database", encoding="utf-8")
    assert not build_in_child(db)
    assert not index_path(db).exists()
    assert db.read_text(encoding="utf-8") == "{ this is not a database"


def test_a_child_is_stopped_when_the_app_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path / "reader.json")
    started = threading.Event()
    launched: list[object] = []
    real_popen = index_process.subprocess.Popen

    def slow_child(arguments: list[str], **options: object) -> object:
        child = real_popen(["sleep", "30"], **options)  # type: ignore[call-overload]
        launched.append(child)
        started.set()
        return child

    monkeypatch.setattr(index_process.subprocess, "Popen", slow_child)
    began = time.monotonic()
    assert not build_in_child(db, cancelled=started.is_set)
    assert time.monotonic() - began < 10  # not the child's 30 s
    assert launched and launched[0].poll() is not None  # type: ignore[attr-defined]


def test_only_a_large_writable_database_without_a_current_index_wants_a_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path / "reader.json")
    assert not wants_child(db, read_only=False)  # small: built in the app
    monkeypatch.setattr(index_process, "CHILD_FROM_BYTES", 1)
    assert wants_child(db, read_only=False)
    assert not wants_child(db, read_only=True)
    assert not wants_child(tmp_path / "missing.json", read_only=False)
    index_path(db).write_bytes(b"READER-SEARCH-INDEX\n" + bytes(8) + b'{"format":1,"ids":[]')
    assert wants_child(db, read_only=False)  # an older format is built again
    Store(db).close()
    SearchIndex.build(Store(db))
    assert not wants_child(db, read_only=False)


def test_a_reader_package_in_the_current_folder_never_runs_as_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path / "reader.json")
    planted = tmp_path / "reader"
    planted.mkdir()
    marker = tmp_path / "ran"
    (planted / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    monkeypatch.chdir(tmp_path)
    assert build_in_child(db)
    assert not marker.exists()
