"""Settling a disagreement lasts: the other coder's older file imported again brings back
nothing that was settled."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.annotations.history import History
from reader.reading.comparing import KEEP_A, disagreements, settle
from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.seeding import tag_quotes

ICE = "ice-canada-offices.txt"
MCPHERSON_A = (ICE, "Canada and Canadians must not", "Heather McPherson", ["sovereignty"])
MCPHERSON_B = (ICE, "Canada and Canadians must not", "Heather McPherson", ["accountability"])


def codings(db: Path) -> list[tuple[str, tuple[str, ...]]]:
    store = Store(db)
    try:
        return sorted((a.coder, a.themes) for a in store.annotations())
    finally:
        store.close()


def test_a_settled_passage_stays_settled_when_the_other_file_is_imported_again(
    library: Path, tmp_path: Path
) -> None:
    tag_quotes(library, [MCPHERSON_A], coder="alice")
    tag_quotes(library, [MCPHERSON_B], coder="bob")
    bobs_file = tmp_path / "bob.json"
    shutil.copy(library / "reader.json", bobs_file)  # what bob sent before they settled
    store = Store(library / "reader.json")
    [found] = disagreements(store.annotations(), "alice", "bob")
    History(store).apply_all(settle(found, KEEP_A, "alice", "bob"))
    store.close()
    settled = [("alice", ("sovereignty",)), ("bob", ("sovereignty",))]
    assert codings(library / "reader.json") == settled
    again = run_reader("import", str(bobs_file), "--library", str(library))
    assert again.returncode == 0, again.stderr
    assert "imported 0 annotations" in again.stdout
    assert codings(library / "reader.json") == settled  # bob's old theme did not come back
