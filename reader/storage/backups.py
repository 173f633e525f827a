"""Rotating backups of the database, kept beside it, and restoring one.

Backups live in `.reader-backups/` next to the database file, named
`<db name>.<kind>.<YYYYMMDD-HHMMSS-ffffff>.json`. Each is a complete copy of the database
file as it was on disk (never a diff, never a link), written atomically, so every backup
opens on its own even if the database or another backup is damaged.

Kinds and how many are kept:
- `recent`: the state before a write, at most one every 10 minutes of writing (last 5);
- `daily`: the first state of each day a write happens (last 14);
- `before-restore`, `before-doctor`, `before-migration`: taken before those operations
  replace the file (last 5 of each);
- `before-import`: taken before `reader import` changes anything (an import may replace
  annotations by their newer versions; last 5);
- `recovered`: what a running Reader held when the file it would save over was found
  damaged, emptied or replaced by no database (last 5).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from reader.storage.atomic import copy_atomically, write_atomically

FOLDER = ".reader-backups"
KEEP = {
    "recent": 5,
    "daily": 14,
    "before-restore": 5,
    "before-doctor": 5,
    "before-migration": 5,
    "before-import": 5,
    "recovered": 5,  # what a running Reader held when the file on disk was found damaged
}
RECENT_EVERY = timedelta(minutes=10)
_STAMP = "%Y%m%d-%H%M%S-%f"
# (any database name, a line break in it too: "." and "$" alone would never match such a
# name, whose backups were then never listed nor pruned)
_NAME = re.compile(
    r"\A(?P<db>.+)\.(?P<kind>[a-z-]+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.json\Z", re.DOTALL
)


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    path: Path
    kind: str
    taken: datetime

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size


class Backups:
    """The backups of one database file."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        self.folder = self.db.parent / FOLDER
        self._last: dict[str, datetime] | None = None
        self.problem = ""  # why the last rotating backup failed, if it did

    def list(self) -> list[Backup]:
        """Every backup of this database, newest first."""
        found = []
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                match = _NAME.match(path.name)
                if match and match["db"] == self.db.name and match["kind"] in KEEP:
                    try:
                        taken = datetime.strptime(match["stamp"], _STAMP)
                    except ValueError:
                        continue  # "20261399-999999": not one of ours (every save failed)
                    if not path.is_symlink() and path.is_file():
                        found.append(Backup(path, match["kind"], taken))
        return sorted(found, key=lambda b: b.taken, reverse=True)

    def find(self, name: str) -> Backup | None:
        """The backup called `name` (its file name, or a unique beginning of it; an empty
        name is none, though it begins every name)."""
        if not name.strip():
            return None
        backups = self.list()
        exact = [b for b in backups if b.name == name]
        if exact:
            return exact[0]
        starting = [
            b
            for b in backups
            if b.name.startswith(name) or b.name.startswith(f"{self.db.name}.{name}")
        ]
        return starting[0] if len(starting) == 1 else None

    def take(self, kind: str, spare: Path | None = None, *, prune: bool = True) -> Backup | None:
        """Copy the database file as it is now; None when there is no file yet. Pruning the
        older backups of `kind` never deletes `spare` (the backup a restore is about to put
        back, when it is itself a before-restore one); with `prune` false they are pruned
        only when `kept` says the copy is kept (an import that changes nothing drops it).

        `OSError` when it cannot be written, or when `.reader-backups` is a link: backups
        are kept only in a real folder beside the database, so that a link in a library
        from elsewhere (a shared repository, a synced folder) cannot make Reader write
        files into another place.
        """
        if not self.db.exists():
            return None
        if self.folder.is_symlink():
            raise OSError(f"{self.folder} is a link; backups are kept only in a real folder")
        self.folder.mkdir(exist_ok=True)
        taken = datetime.now()
        target = self.folder / f"{self.db.name}.{kind}.{taken.strftime(_STAMP)}.json"
        copy_atomically(self.db, target)
        if self._last is not None:
            self._last[kind] = taken
        if prune:
            self._prune(kind, target, spare)
        return Backup(target, kind, taken)

    def holding(self, path: Path) -> Backup | None:
        """A backup whose bytes are those of the file at `path` now, if one is kept (the
        newest such): a copy of it would be one more of the same, and pushes an older,
        different one out of those kept."""
        try:
            size = path.stat().st_size
        except OSError:
            return None
        for backup in self.list():
            if backup.kind in ("recent", "recovered"):
                continue  # (five more of those and it is gone: not one to undo a restore by)
            with contextlib.suppress(OSError):  # (a backup gone meanwhile: not it)
                if backup.size == size and _same_bytes(backup.path, path):
                    return backup
        return None

    def keep(self, kind: str, chunks: Iterable[bytes]) -> Backup:
        """Write a database given as its pieces of JSON (not the file on disk) as a backup
        of `kind`: what a running Reader holds, when the file it would save over turned out
        damaged. `OSError` as `take` has it."""
        if self.folder.is_symlink():
            raise OSError(f"{self.folder} is a link; backups are kept only in a real folder")
        self.folder.mkdir(exist_ok=True)
        taken = datetime.now()
        target = self.folder / f"{self.db.name}.{kind}.{taken.strftime(_STAMP)}.json"
        write_atomically(target, chunks, make_folder=False)
        self._prune(kind, target)
        return Backup(target, kind, taken)

    def kept(self, backup: Backup) -> None:
        """`backup`, taken without pruning, is kept: the older ones of its kind beyond
        what is kept go."""
        self._prune(backup.kind, backup.path, None)

    def before_write(self) -> None:
        """Take the rotating backups that are due before the database is replaced.

        A backup that cannot be written does not stop the save (the atomic write protects
        the data either way): the reason is kept in `problem` for the user to see.
        """
        try:
            self._rotate()
        except OSError as error:
            self.problem = f"{self.folder}: cannot write backups ({error.strerror or error})"
        else:
            self.problem = ""

    def _rotate(self) -> None:
        if self._last is None:
            self._last = {}
            for backup in reversed(self.list()):
                self._last[backup.kind] = backup.taken
        moment = datetime.now()
        daily = self._last.get("daily")
        if daily is None or daily.date() != moment.date():
            self.take("daily")
        recent = self._last.get("recent")
        # (a backup stamped in the future, by a clock that was ahead or a copied folder, is
        # no reason to wait: it would stop recent backups until that day)
        if recent is None or recent > moment or moment - recent >= RECENT_EVERY:
            self.take("recent")

    def _prune(self, kind: str, taken: Path, spare: Path | None = None) -> None:
        """Keep the newest backups of `kind`, and always the one just `taken`: a backup
        stamped in the future sorts first, and must not make Reader delete the copy it has
        just made of the user's database (before a restore, the only one). `spare` is kept
        too, and not counted."""
        others = [b for b in self.list() if b.kind == kind and b.path not in {taken, spare}]
        # Stamped after this one, from a clock once ahead or a copied folder: pruned first,
        # never counted as newer than the user's real backups (four files dated 2099 made
        # each new backup delete the last real one)
        now = datetime.now()
        others.sort(key=lambda backup: backup.taken > now)  # (stable: newest first otherwise)
        for old in others[KEEP[kind] - 1 :]:
            with contextlib.suppress(OSError):
                old.path.unlink()


def _same_bytes(one: Path, other: Path) -> bool:
    """Whether two files hold the same bytes (read a megabyte at a time)."""
    try:
        with one.open("rb") as first, other.open("rb") as second:
            while True:
                a, b = first.read(1 << 20), second.read(1 << 20)
                if a != b:
                    return False
                if not a:
                    return True
    except OSError:
        return False
