"""Replacing a file so that a crash at any instant leaves the old file or the new one.

The one sequence every write of Reader goes through: a temporary file in the same folder,
written, flushed and fsync'd, given the mode of the file it replaces, renamed over it with
`os.replace`, then the folder fsync'd so the rename itself is durable. Used for the database,
its backups, article files and exports.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

COPY_CHUNK = 1024 * 1024


def write_atomically(
    path: Path,
    payload: bytes | Iterable[bytes | memoryview],
    *,
    mode: int | None = None,
    make_folder: bool = True,
) -> None:
    """Replace `path` with `payload` so that readers see the old or the new file, never a mix.

    The new file keeps the mode of the one it replaces (or `mode`, or the umask's default).
    `make_folder`: make the folder (and those above it) when missing; the files beside a
    database never do (a library moved while open would be made again at its old place).
    """
    folder = path.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = _current_mode(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_payload(handle, payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    fsync_folder(folder)


def copy_atomically(source: Path, target: Path) -> None:
    """Copy `source` to `target` (with its mode) so that `target` is either absent or complete."""
    with source.open("rb") as data:
        mode = stat.S_IMODE(os.fstat(data.fileno()).st_mode) & 0o777
        write_atomically(target, _chunks(data), mode=mode)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    while chunk := handle.read(COPY_CHUNK):
        yield chunk


def _current_mode(path: Path) -> int:
    """The permissions of the regular file at `path`, without set-user-id, set-group-id or
    sticky bits; the umask's default for anything else (a link is replaced, not followed,
    so the mode of what it points to, `/dev/null`'s 0666 or a 6777 program, is not taken)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode) & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_new(folder: Path, parts: tuple[str, ...], data: bytes) -> bool:
    """Write `data` at `folder / *parts`, making its folders, following no link and
    replacing nothing; whether it was written (a link or a file in the way: not)."""
    path = folder
    try:
        for part in parts[:-1]:
            path = path / part
            try:
                os.mkdir(path)
            except FileExistsError:
                if not stat.S_ISDIR(os.lstat(path).st_mode):  # a link or a file: not ours to use
                    return False
        target = path / parts[-1]
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(target, flags, 0o644)
    except OSError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except OSError:
        with contextlib.suppress(OSError):
            target.unlink()
        return False
    return True


def _write_payload(handle: BinaryIO, payload: bytes | Iterable[bytes | memoryview]) -> None:
    if isinstance(payload, bytes):
        handle.write(payload)
    else:
        handle.writelines(payload)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
