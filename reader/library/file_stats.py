"""What this machine last saw of a library's article files: each one's size and
modification time when its text was last read, with that text's hash.

Kept beside the database (`.reader.json.stat`, one of the machine's own files, which the
README's `.gitignore` leaves out), not in it: a clone or a pull gives every file a new
time, and kept in `reader.json` that time made the first look after each pull rewrite the
shared file, a change for git to commit where nothing in it had changed. The database still
holds the size and time a file had when Reader first registered it or last saw its text
change; this record answers for the files whose time alone moved since. Losing it costs
one more read of each such file, nothing else: it is read leniently and written whole.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import msgspec

from reader.core.files import read_bounded
from reader.storage.atomic import write_atomically

# A record of a library of 100,000 articles is about 12 MB: more than this is not Reader's.
MOST_BYTES = 32 * 1024 * 1024
_Entry = tuple[int, float, str]  # (size, modification time, the text's SHA-256)


class FileStats:
    """The size, time and text hash of the files whose time alone changed since the
    database last recorded them (see the module docstring)."""

    def __init__(self, database: Path) -> None:
        self.path = database.parent / f".{database.name}.stat"
        self._entries: dict[str, _Entry] | None = None
        self._changed = False

    def same(self, relative: str, info: os.stat_result, sha256: str) -> bool:
        """Whether the file at `relative` is as this machine last read it, with that text."""
        return self._read().get(relative) == (info.st_size, info.st_mtime, sha256)

    def note(self, relative: str, info: os.stat_result, sha256: str) -> None:
        """Record a file read now, whose text has the hash the database holds."""
        entry = (info.st_size, info.st_mtime, sha256)
        if self._read().get(relative) != entry:
            self._read()[relative] = entry
            self._changed = True

    def keep_only(self, paths: set[str]) -> None:
        """Forget the files no longer in the library (moved, deleted, renamed)."""
        gone = [path for path in self._read() if path not in paths]
        for path in gone:
            del self._read()[path]
        self._changed |= bool(gone)

    def save(self) -> None:
        """Write the record if it changed (a failure only costs reads next time)."""
        if not self._changed:
            return
        self._changed = False
        with contextlib.suppress(OSError):
            write_atomically(
                self.path, msgspec.json.encode({"files": self._read()}), make_folder=False
            )

    def _read(self) -> dict[str, _Entry]:
        if self._entries is None:
            self._entries = {}
            with contextlib.suppress(OSError, msgspec.DecodeError, msgspec.ValidationError):
                raw = read_bounded(self.path, MOST_BYTES, follow_links=False)
                self._entries = dict(msgspec.json.decode(raw, type=_Record).files)
        return self._entries


class _Record(msgspec.Struct):
    """The file as written: {"files": {path: [size, time, hash]}}; anything else is none."""

    files: dict[str, _Entry]
