"""Schema versions: every earlier version's file opens, migrated after a backup."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.library.folder import Library
from reader.storage.backups import Backups
from reader.storage.database import Store
from reader.storage.migrations import SCHEMA_VERSION, STEPS, migrate
from tests.helpers.paths import DATA, GOLD, ICE

FIXTURES = DATA / "schemas"


def test_there_is_a_fixture_for_every_earlier_schema() -> None:
    assert {int(p.stem[1:]) for p in FIXTURES.glob("v*.json")} == set(range(1, SCHEMA_VERSION))
    assert set(STEPS) == set(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("v*.json")), ids=lambda p: p.stem)
def test_an_older_file_is_migrated_on_open_after_a_backup(tmp_path: Path, fixture: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(GOLD / ICE, library / ICE)
    db = library / "reader.json"
    shutil.copy(fixture, db)
    original = json.loads(fixture.read_text())
    store = Store(db)
    assert json.loads(db.read_text())["meta"]["1"]["schema"] == SCHEMA_VERSION
    [backup] = [b for b in Backups(db).list() if b.kind == "before-migration"]
    assert json.loads(backup.path.read_text()) == original
    sources = sorted(a.source or "" for a in store.annotations())
    assert sources == ["Doug King", "Heather McPherson"]
    assert all(not a.orphaned for a in store.annotations())
    assert all(a.kind == "quotation" for a in store.annotations())  # inside quote marks
    assert all(a.coder == "" for a in store.annotations())  # unknown: `reader recode` names it
    assert set(store.quick_themes()) == set(range(1, len(store.quick_themes()) + 1))
    assert store.last_tag() is not None
    text = Library(library, store).load(store.articles()[0]).text
    for annotation in store.annotations():
        assert text[annotation.start : annotation.end] == annotation.quote
    assert len(Store(db).annotations()) == len(original["annotations"])  # opens again as is


def test_migrating_keeps_every_field() -> None:
    data = json.loads((FIXTURES / "v1.json").read_text())
    before = json.loads(json.dumps(data))
    after = migrate(data)
    for doc_id, doc in before["annotations"].items():
        assert {k: v for k, v in after["annotations"][doc_id].items() if k in doc} == doc
