"""The journal beside the database: each change appended as one checksummed line.

`reader.json` is rewritten whole only when the journal is folded into it (when the app is
idle, at exit, when the journal grows large); between folds, a change costs one appended
line and one fsync, whatever the size of the database. This is a write-ahead log as
SQLite's WAL or Redis's AOF keep one.

File `.reader.json.journal`: a first line naming the database generation it continues
(`meta.generation` of the `reader.json` it was started on) and the journal's own id (a fold
records the ids of the journals it took in, `meta.folded_journals`), then one line per
committed change. Each line is `<crc32, 8 hex digits> <JSON>\\n`. Reading stops at the last complete
line: a crash in the middle of an append leaves a torn last line, which is ignored (and cut
off by the next writer, under the lock). A line whose checksum fails with complete lines
after it is damage, not a torn write, and is refused (`JournalError`). A journal of an
earlier generation than the database's that the file records as folded was left by a crash
between the fold and the journal's removal, and is ignored; one it does not record (the
file replaced from outside, a `git pull`) is taken as a merge takes a teammate's file
(`Store`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import uuid
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

from reader.core.files import open_regular, read_stream
from reader.storage.atomic import fsync_folder

MAX_LINE = 256 * 1024 * 1024  # one change (an import of many annotations) at most


MAX_JOURNAL_BYTES = 4 << 30  # (a journal is folded long before: a larger one is no journal)


class LineTooLarge(OSError):
    """A change too large for one journal line (the store writes the whole file instead)."""


class JournalError(Exception):
    """The journal is damaged (not torn at its end): one line naming it and what to do.
    `readable` is the length of the part before the damage (0: unreadable)."""

    def __init__(self, message: str, readable: int = 0) -> None:
        super().__init__(message)
        self.readable = readable


@dataclass(frozen=True)
class Reading:
    """What a read of the journal found from some offset on."""

    records: list[dict[str, Any]]
    end: int  # the offset after the last complete line
    generation: int | None  # from the first line, when the read started at 0
    torn: bool  # bytes after the last complete line (a crashed append)
    # The journal's own id, from its first line (None: an older Reader's, or read from
    # further on): a fold records it in the file, which tells a journal it already holds.
    journal_id: str | None = None
    # The id of the file it continues (`meta.file_id` when it was started; None: not said):
    # a file of the same generation but another id (a synced copy) is not the one it continues.
    continues: str | None = None


def journal_path(db: Path) -> Path:
    """The journal of the database `db`."""
    return db.with_name(f".{db.name}.journal")


def _an_id(value: Any) -> str | None:
    """An id as a journal's first line gives one (a string of 1-64 characters), or None."""
    return value if isinstance(value, str) and 0 < len(value) <= 64 else None


def new_journal_id() -> str:
    """An id no other journal has (random: journals of two machines never share one)."""
    return uuid.uuid4().hex


def encode_line(record: dict[str, Any]) -> bytes:
    """One journal line: checksum, space, JSON, newline."""
    payload = msgspec.json.encode(record)
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def decode_line(line: bytes) -> dict[str, Any] | None:
    """The record of one line (without its newline), or None when its checksum fails."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    payload = line[9:]
    try:
        expected = int(line[:8], 16)
    except ValueError:
        return None
    if zlib.crc32(payload) != expected:
        return None
    try:
        record = msgspec.json.decode(payload)
    except (msgspec.DecodeError, RecursionError):  # (a line nested 100,000 deep: damaged)
        return None
    return record if isinstance(record, dict) else None


class Journal:
    """The journal file of one database: appends (under the caller's lock) and reads."""

    def __init__(self, db: Path) -> None:
        self.path = journal_path(db)

    def signature(self) -> tuple[int, int] | None:
        """(inode, size) of the journal, or None when there is none."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_ino, info.st_size)

    def exists(self) -> bool:
        try:
            return self.path.exists()
        except OSError:  # (a name too long to be a file: a teammate's database named near the
            return False  # limit has no journal; reading it raised a traceback)

    def read(self, offset: int = 0) -> Reading:
        """The complete records from `offset` on. `JournalError` when a line is damaged
        with complete lines after it (or the file cannot be read)."""
        try:
            with open_regular(self.path, follow_links=False) as handle:
                size = os.fstat(handle.fileno()).st_size
                handle.seek(offset)
                data = read_stream(handle, MAX_JOURNAL_BYTES, str(self.path), size - offset)
        except FileNotFoundError:
            return Reading([], 0, None, False)
        except OSError as error:
            odd = error.errno in {errno.EINVAL, errno.ELOOP}  # a pipe, a device, a link
            raise JournalError(
                f"{self.path}: cannot read the journal ({error.strerror})"
                + ("; remove it (it is no journal Reader wrote)" if odd else "")
            ) from None
        cut = data.rfind(b"\n") + 1
        lines = data[:cut].split(b"\n")[:-1] if cut else []
        records: list[dict[str, Any]] = []
        generation = None
        journal_id = continues = None
        for number, line in enumerate(lines):
            record = decode_line(line)
            if record is None:
                if number == len(lines) - 1 and cut == len(data):
                    # The last line, complete but wrong: a torn append that ended in a
                    # newline by chance (or a file system that kept garbage): not acked.
                    end = offset + len(data) - len(line) - 1
                    return Reading(records, end, generation, True, journal_id, continues)
                good = offset + sum(len(kept) + 1 for kept in lines[:number])
                raise JournalError(
                    f"{self.path}: line {number + 1} of the journal is damaged; "
                    "`reader doctor --fix` keeps what can be read and sets the rest aside",
                    good,
                )
            if offset == 0 and number == 0:
                value = record.get("generation")
                generation = value if type(value) is int else None
                journal_id = _an_id(record.get("id"))
                continues = _an_id(record.get("file"))
                continue
            records.append(record)
        return Reading(records, offset + cut, generation, cut != len(data), journal_id, continues)

    def start(
        self, generation: int, journal_id: str | None = None, file_id: str | None = None
    ) -> int:
        """Begin a new journal continuing database `generation` (the file known by
        `file_id`, when it has one), known by `journal_id` (a new one when not given); the
        offset after its first line."""
        head: dict[str, Any] = {"generation": generation, "id": journal_id or new_journal_id()}
        if file_id:
            head["file"] = file_id
        line = encode_line(head)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        flags |= getattr(os, "O_NONBLOCK", 0)  # (a pipe put there fails at once, never waits)
        with os.fdopen(os.open(self.path, flags, 0o644), "wb") as handle:  # never via a link
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise OSError(errno.EINVAL, "the journal is not a regular file", str(self.path))
            handle.write(line)
            handle.flush()
            _sync(handle.fileno())
        fsync_folder(self.path.parent)
        return len(line)

    def append(self, record: dict[str, Any], at: int) -> int:
        """Append `record` after the complete lines ending at `at` (a torn tail beyond is cut
        off first), flushed to disk; the offset after it."""
        line = encode_line(record)
        if len(line) > MAX_LINE:
            raise LineTooLarge(f"a change of {len(line)} bytes is too large for one journal line")
        with open_regular(self.path, "r+b", follow_links=False) as handle:
            # Written past the file object's buffer, by the descriptor: a buffered write
            # that failed (a full disk) kept its bytes, and the truncate meant to take them
            # back flushed them first, failed again, and left a torn line behind.
            descriptor = handle.fileno()
            os.ftruncate(descriptor, at)
            try:
                os.lseek(descriptor, at, os.SEEK_SET)
                written = 0
                while written < len(line):
                    written += os.write(descriptor, line[written:])
                _sync(descriptor)
            except OSError:
                # Not saved: take back whatever part of the line reached the file, so that
                # a change reported as failed never turns up later.
                with contextlib.suppress(OSError):
                    os.ftruncate(descriptor, at)
                raise
        return at + len(line)

    def set_aside(self, folder: Path, keep: int, why: str = "damaged") -> Path:
        """Copy the journal into `folder` (for the user to look into), then cut it to its
        first `keep` bytes; the copy's path, named for `why` it was set aside. `OSError` when `folder` is a link: the copy
        is the user's data, kept only in a real folder beside the database (a link in a
        shared library could make Reader write it anywhere), as backups are."""
        with open_regular(self.path, "r+b", follow_links=False) as handle:
            copy, _ = self._copied(folder, why, handle)
            handle.truncate(keep)
            handle.flush()
            _sync(handle.fileno())
        return copy

    def _copied(self, folder: Path, why: str, handle: BinaryIO) -> tuple[Path, bytes]:
        """The journal open in `handle` copied into `folder` (see `set_aside`): the copy's
        path and the bytes copied."""
        if folder.is_symlink():
            raise OSError(f"{folder} is a link; damaged journals are kept only in a real folder")
        folder.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        copy = folder / f"{self.path.name.lstrip('.')}.{why}.{stamp}"
        data = read_stream(
            handle, MAX_JOURNAL_BYTES, str(self.path), os.fstat(handle.fileno()).st_size
        )
        copy.write_bytes(data)
        return copy, data

    def set_aside_lines(self, folder: Path, dropped: set[int] | None = None) -> tuple[Path, int]:
        """Copy the journal into `folder`, as `set_aside` does, then keep in it every line
        that reads whole but the numbers in `dropped` (0: the generation line, 1 the first
        change; None: the lines whose checksum fails), in their order: the copy's path and
        how many lines went. (The changes after a damaged line, each checked by its own
        sum, had been cut away with it.)"""
        with open_regular(self.path, "r+b", follow_links=False) as handle:
            copy, data = self._copied(folder, "damaged", handle)
            lines = data.split(b"\n")
            if lines and lines[-1] == b"":
                lines.pop()
            kept = [
                line
                for number, line in enumerate(lines)
                if (number not in dropped if dropped is not None else decode_line(line) is not None)
            ]
            if lines and (not kept or kept[0] is not lines[0]):
                # (its first line, which names the database generation the changes follow,
                # was the damaged one: which generation they follow is unknown, and stamped
                # with the file's, an older journal's changes came back over newer ones;
                # all of them stay in the copy, for the user)
                kept = []
            handle.seek(0)
            handle.truncate(0)
            handle.write(b"".join(line + b"\n" for line in kept))
            handle.flush()
            _sync(handle.fileno())
        return copy, len(lines) - len(kept)

    def remove(self) -> None:
        """Delete the journal (after a fold put everything into the database)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        fsync_folder(self.path.parent)


def _sync(fd: int) -> None:
    """The appended bytes on disk (their data; the size with them)."""
    if hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:  # macOS, Windows
        os.fsync(fd)
