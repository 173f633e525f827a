"""Reading a file named by the user or found in a folder, safely.

Only a regular file is read: a folder, a pipe (which would block until something writes
to it), a device (`/dev/zero` never ends) or a socket is refused before any byte is read,
whatever a link points to. And never more than a limit: a file that grew, or a special
file that says it is empty, cannot make Reader hold more than it asked for.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, cast

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a pipe must not wait for a writer
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class FileTooLarge(OSError):
    """A file larger than the limit it was read with."""


TOO_LONG = "a name too long for the file system; give a shorter one"


def name_too_long(path: Path) -> bool:
    """Whether the file system refuses `path` as a name (one of its parts over 255 bytes,
    say), which `Path.exists()` and its kin raise as an error instead of answering."""
    try:
        os.lstat(path)
    except OSError as error:
        return error.errno == errno.ENAMETOOLONG
    except ValueError:  # (a NUL in the name: refused by what reads it)
        return False
    return False


def read_bounded(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises `OSError` (its `strerror` says why, for a one-line message): `FileTooLarge` over
    the limit, EINVAL for anything but a regular file, ELOOP for a link when
    `follow_links` is False, and whatever opening or reading raised."""
    flags = os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= _NOFOLLOW
    descriptor = os.open(path, flags)
    _check_regular(descriptor, str(path))
    with os.fdopen(descriptor, "rb") as handle:
        return read_regular(handle, limit, str(path))


def _check_regular(descriptor: int, name: str) -> None:
    """Close `descriptor` and raise EINVAL unless it is a regular file's."""
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise OSError(errno.EINVAL, "not a regular file (a folder, a pipe or a device)", name)


def open_regular(path: Path, mode: str = "rb", *, follow_links: bool = True) -> BinaryIO:
    """`path` opened (`mode` "rb", or "r+b" to change it in place) if it is a regular file:
    EINVAL otherwise, ELOOP for a link when `follow_links` is False; a pipe is never
    waited on."""
    flags = (os.O_RDWR if "+" in mode else os.O_RDONLY) | _NONBLOCK | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= _NOFOLLOW
    descriptor = os.open(path, flags)
    _check_regular(descriptor, str(path))
    return cast(BinaryIO, os.fdopen(descriptor, mode))


def read_regular(handle: BinaryIO, limit: int, name: str) -> bytes:
    """At most `limit` bytes from an open regular file (see `read_bounded`)."""
    info = os.fstat(handle.fileno())
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a folder, a pipe or a device)", name)
    if info.st_size > limit:
        raise FileTooLarge(errno.EFBIG, f"larger than {_size(limit)}", name)
    return _read_upto(handle, limit, name, info.st_size)


def _read_upto(handle: BinaryIO, limit: int, name: str, expected: int = 0) -> bytes:
    """What is left of `handle`, at most `limit` bytes, read in pieces of about the size
    expected (a read of `limit + 1` bytes reserves that much memory first: 4 GB for a
    database under a memory cap)."""
    pieces: list[bytes] = []
    total = 0
    piece = max(min(expected + 1, limit + 1), 1 << 16)
    while True:
        data = handle.read(min(piece, limit + 1 - total))
        if not data:
            return b"".join(pieces)
        pieces.append(data)
        total += len(data)
        if total > limit:
            raise FileTooLarge(errno.EFBIG, f"larger than {_size(limit)}", name)


def read_stream(
    stream: BinaryIO, limit: int, name: str = "standard input", expected: int = 0
) -> bytes:
    """What is left of a stream (standard input, an open file read from an offset), at
    most `limit` bytes (`FileTooLarge` beyond), read in pieces of about `expected` bytes."""
    return _read_upto(stream, limit, name, expected)


def read_stdin(limit: int) -> bytes:
    """Standard input, at most `limit` bytes (`FileTooLarge` beyond)."""
    return read_stream(sys.stdin.buffer, limit)


def _size(limit: int) -> str:
    return f"{limit >> 20} MB" if limit >= 1 << 20 else f"{limit} bytes"
