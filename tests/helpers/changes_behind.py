"""Ways another process changes a database behind a kept search index: each edits `db` and
returns a word only the changed database holds (the search that must find it)."""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.records import edited
from reader.storage.database import Store


def another_readers_save(db: Path) -> str:
    """A journal line the kept index never saw."""
    other = Store(db)
    other.save_annotation(edited(other.annotations()[0], note="a remark about tariffs"))
    return "tariffs"


def another_readers_fold(db: Path) -> str:
    """That save folded: `reader.json` written again, no journal left."""
    another_readers_save(db)
    Store(db).fold()
    return "tariffs"


def backup_of_the_same_size_restored(db: Path) -> str:
    """The file replaced in place by one of the same size and modification time, one word
    of it different ("reckless" -> "careless"): only its contents tell."""
    info = db.stat()
    data = db.read_bytes()
    assert b"reckless" in data
    db.write_bytes(data.replace(b"reckless", b"careless"))
    os.utime(db, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert db.stat().st_size == info.st_size and db.stat().st_mtime_ns == info.st_mtime_ns
    return "careless"
