"""A database file naming a key twice in one object (a table twice, a record's key twice: a
file merged by hand) is refused by every command that reads one, and never rewritten: a
JSON decoder keeps the last copy and drops the others without a word."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.storage.database import Store, StoreError
from reader.storage.json_keys import key_used_twice
from tests.helpers.cli import run_reader

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=20,
)


@given(_JSON)
def test_json_as_encoded_names_no_key_twice(value: Any) -> None:
    assert key_used_twice(json.dumps(value).encode()) is None


@given(st.dictionaries(st.text(max_size=4), _JSON, min_size=1), st.data())
def test_a_key_written_twice_at_any_depth_is_named(members: dict[str, Any], data: Any) -> None:
    key = data.draw(st.sampled_from(sorted(members)))
    again = json.dumps(key) + ":" + json.dumps(data.draw(_JSON))
    inner = (
        "{"
        + ",".join([*(f"{json.dumps(k)}:{json.dumps(v)}" for k, v in members.items()), again])
        + "}"
    )
    nested = data.draw(st.sampled_from(["%s", '{"outer":[1,%s]}', '[{"a":{"b":%s}}]']))
    assert key_used_twice((nested % inner).encode()) == key


def _with_annotations_twice(db: Path) -> bytes:
    """`db` rewritten with its annotations table followed later by an empty one (the way a
    conflict is resolved by keeping both sides' lines)."""
    data = json.loads(db.read_text(encoding="utf-8"))
    assert data["annotations"]
    members = [f"{json.dumps(name)}:{json.dumps(table)}" for name, table in data.items()]
    content = ("{" + ",".join([*members, '"annotations":{}']) + "}").encode()
    db.write_bytes(content)
    return content


def test_a_table_written_twice_is_refused_and_left_as_it_was(tagged_library: Path) -> None:
    db = tagged_library / "reader.json"
    content = _with_annotations_twice(db)
    with pytest.raises(StoreError, match='"annotations" is used twice'):
        Store(db)
    for command in (["list"], ["search", "Canada"], ["export", "--format", "csv"]):
        result = run_reader(*command, "--library", str(tagged_library))
        assert result.returncode == 1 and "Traceback" not in result.stderr, command
        assert '"annotations" is used twice' in result.stderr
        assert str(db) in result.stderr and result.stderr.count("\n") == 1
    doctor = run_reader("doctor", "--fix", "--library", str(tagged_library))
    assert doctor.returncode == 1 and '"annotations" is used twice' in doctor.stdout
    assert db.read_bytes() == content  # the two annotations are still in it


def test_a_backup_or_another_coders_file_with_a_key_twice_is_refused(
    tagged_library: Path, tmp_path: Path
) -> None:
    db = tagged_library / "reader.json"
    other = tmp_path / "theirs.json"
    shutil.copy(db, other)
    _with_annotations_twice(other)
    imported = run_reader("import", str(other), "--library", str(tagged_library))
    assert imported.returncode == 1 and '"annotations" is used twice' in imported.stderr
    backups = tagged_library / ".reader-backups"
    backups.mkdir(exist_ok=True)
    shutil.copy(other, backups / "reader.json.daily.20261201-000000-000000.json")
    before = db.read_bytes()
    rows = json.loads(run_reader("restore", "--json", "--library", str(tagged_library)).stdout)
    [row] = [r for r in rows if r["name"].startswith("reader.json.daily.20261201")]
    assert not row["usable"] and "used twice" in row["problem"]
    restored = run_reader("restore", row["name"], "--library", str(tagged_library))
    assert restored.returncode == 1 and "used twice" in restored.stderr
    assert db.read_bytes() == before
