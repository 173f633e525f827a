"""Looking into backups and restoring one (`reader restore`).

A backup is checked as opening it would check it (every record) before it is put in
place: a damaged one is refused, so a restore never leaves a database no command opens.
A restore never destroys anything: the journal is folded into the database first (so that
what is kept holds every change), the current file, whatever state it is in (even
damaged), is kept as a `before-restore` backup, and the chosen backup is copied over the
database atomically, under the writers' lock; a journal that could not be folded is set
aside beside the backups. A running Reader notices the new file and reloads it.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

import msgspec

from reader.storage.atomic import copy_atomically
from reader.storage.backups import FOLDER, Backup, Backups
from reader.storage.database import Store, StoreError, locked
from reader.storage.journal import Journal
from reader.storage.json_keys import TWICE_IN_ONE_OBJECT, key_used_twice
from reader.storage.merging import MergeError, tables_of
from reader.storage.migrations import SCHEMA_VERSION, schema_of
from reader.storage.tinydb_storage import has_conflict_markers, read_database_bytes


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, or why it cannot be used."""

    backup: Backup
    annotations: int = 0
    articles: int = 0
    schema: int | None = None
    problem: str = ""

    @property
    def usable(self) -> bool:
        return not self.problem


def describe(backup: Backup) -> BackupInfo:
    """Open a backup on its own and count what it holds."""
    raw = b""
    try:
        raw = read_database_bytes(backup.path)
        data = msgspec.json.decode(raw)
    except (OSError, msgspec.DecodeError, RecursionError) as error:
        if has_conflict_markers(raw):  # (a database git merged without the driver)
            return BackupInfo(backup, problem="git's conflict markers (README: With git)")
        return BackupInfo(backup, problem=f"unreadable ({error})")
    except MemoryError:  # (a file of gigabytes in the folder: the list of the rest stands)
        return BackupInfo(backup, problem="too large to read in the memory there is")
    if (key := key_used_twice(raw)) is not None:
        return BackupInfo(backup, problem=f"the key {json.dumps(key)} {TWICE_IN_ONE_OBJECT}")
    version = schema_of(data)
    if version is None:
        return BackupInfo(backup, problem="no schema version: not a Reader database")
    if version > SCHEMA_VERSION:
        return BackupInfo(backup, schema=version, problem=f"schema {version} needs a newer Reader")
    annotations = data.get("annotations") or {}
    articles = data.get("articles") or {}
    return BackupInfo(backup, len(annotations), len(articles), version)


def restore(db: Path, backup: Backup) -> Backup | None:
    """Put `backup` in place of the database; returns the backup of what was replaced."""
    info = describe(backup)
    if not info.usable:
        raise StoreError(f"{backup.path}: cannot be restored: {info.problem}")
    try:  # every record, as opening it would check them: a damaged one would not open
        tables_of(read_database_bytes(backup.path), str(backup.path))
    except MemoryError:
        raise StoreError(
            f"{backup.path}: cannot be restored: too large to read in the memory there is; "
            "the database is unchanged"
        ) from None
    except (MergeError, OSError) as error:
        reason = str(error).removeprefix(f"{backup.path}: ").split("; `reader doctor`")[0]
        raise StoreError(
            f"{backup.path}: cannot be restored: {reason}; the database is unchanged"
        ) from None
    journal = Journal(db)
    if journal.exists():
        with contextlib.suppress(StoreError, OSError):  # a damaged file: set aside below
            store = Store(db, backups=False)
            store.fold()
            store.close()
    with locked(db):
        try:
            # (never pruning the backup being put back: the oldest of five before-restore
            # backups was deleted by the one taken before restoring it)
            # (nor taking a copy of a file a backup holds as it is: restoring one after
            # another, each the last one put back, pushed the only copy of the work before
            # the first out of the five kept)
            backups = Backups(db)
            kept = (
                (backups.holding(db) or backups.take("before-restore", spare=backup.path))
                if db.exists()
                else None
            )
            if journal.exists():  # changes the fold could not take in: kept, not replayed
                journal.set_aside(db.parent / FOLDER, journal.path.stat().st_size)
                journal.remove()
            copy_atomically(backup.path, db)
        except OSError as error:
            raise StoreError(
                f"{db}: not restored: {error.strerror or error}; the database is unchanged"
            ) from None
    return kept
