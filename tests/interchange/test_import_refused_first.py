"""An import that is refused changes nothing: not the database, not the library folder
(another coder's articles are copied only once the import can be made)."""

from __future__ import annotations

import os
from pathlib import Path

from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.seeding import annotated_story

THEIRS = "Their own story\n\nA body paragraph that only they have, with words of its own."


def test_an_import_into_a_read_only_database_copies_no_article(tmp_path: Path) -> None:
    theirs = annotated_story(
        tmp_path / "theirs", THEIRS, [("A body", 16, "X")], name="their-story.txt"
    )
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / "story.txt").write_text("Ours\n\nOur own story.", encoding="utf-8")
    Store(ours / "reader.json").close()
    assert run_reader("list", "--library", str(ours)).returncode == 0  # (registers ours)
    os.chmod(ours / "reader.json", 0o444)
    before = sorted(p.name for p in ours.iterdir())
    database = (ours / "reader.json").read_bytes()

    result = run_reader("import", "--library", str(ours), str(theirs / "reader.json"))

    assert result.returncode == 1
    assert "read-only" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in ours.iterdir()) == before
    assert (ours / "reader.json").read_bytes() == database
