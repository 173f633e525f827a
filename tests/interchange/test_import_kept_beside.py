"""Another coder's reader.json imported: our version kept beside their newer coding, even
when their file holds a record of its own under the id ours would be kept under."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from reader.core.merge_rule import copy_id
from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.pilot import saved_annotations


@pytest.mark.parametrize("squatter_first", [True, False])
def test_a_record_under_the_id_ours_would_take_never_takes_its_place(
    tagged_library: Path, tmp_path: Path, squatter_first: bool
) -> None:
    db = tagged_library / "reader.json"
    data = json.loads(db.read_text(encoding="utf-8"))
    keys = sorted(data["annotations"])
    mine = data["annotations"][keys[0]]
    store = Store(db)
    squat_id = copy_id(store.annotation(mine["id"]))  # type: ignore[arg-type]
    store.close()
    theirs = dict(mine, coder="bob", source="Someone Else", updated="2026-12-05T00:00:00+00:00")
    squatter = dict(data["annotations"][keys[1]], id=squat_id, coder="bob")
    records = [squatter, theirs] if squatter_first else [theirs, squatter]
    their_file = copy.deepcopy(data)
    their_file["annotations"] = {str(i): record for i, record in enumerate(records, 1)}
    (tmp_path / "them").mkdir()
    (tmp_path / "them" / "reader.json").write_text(json.dumps(their_file), encoding="utf-8")
    result = run_reader(
        "import", str(tmp_path / "them" / "reader.json"), "--library", str(tagged_library)
    )
    assert result.returncode == 0, result.stderr
    ours = [
        a
        for a in saved_annotations(db)
        if a["start"] == mine["start"]
        and a["source"] == mine["source"]
        and a["coder"] == mine["coder"]
    ]
    assert len(ours) == 1, "our coding of the passage was lost"
    assert any(a["source"] == "Someone Else" for a in saved_annotations(db))
