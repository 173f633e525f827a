"""A TinyDB `Storage` that reads the database file with msgspec and replaces it atomically.

TinyDB's own `JSONStorage` re-reads and re-encodes the whole file with the standard library
on every operation. This storage decodes the file once with msgspec and writes it by
replacing it atomically: a temporary file in the same folder, written, flushed and fsync'd,
then renamed over the old one, then the folder fsync'd. A crash at any instant leaves
either the old file or the new one, never a mix. The file keeps TinyDB's layout, so
`TinyDB(path, storage=AtomicJSONStorage)` (or TinyDB's own JSONStorage) opens it.

Given a `schema` (a msgspec Struct type with one field per table), the file is decoded
straight into typed records and validated on the way: a document of the wrong shape is an
error naming where it is. A large table kept as raw JSON (`msgspec.Raw`, the annotations)
is not kept as bytes: it becomes a `TableSpan`, where it lies in the file, which stays
open until the table is decoded from it a piece at a time (so the file's bytes never sit
beside the records made from them: 61 MB at 100,000 annotations). The store writes with `write_chunks`, a piece at a time, so a
write never holds the whole file's bytes in memory. If a write fails (disk full,
permissions), the file on disk is untouched and the error propagates to the caller.
"""

from __future__ import annotations

import errno
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import msgspec
from tinydb.storages import Storage

from reader.core.collector import collector_paused
from reader.core.files import open_regular, read_bounded, read_regular
from reader.storage.atomic import write_atomically
from reader.storage.json_keys import key_used_twice, used_twice_message

CHUNK = 2000  # documents encoded at a time


MAX_DATABASE_BYTES = 4 << 30  # far beyond any real corpus; a link to /dev/zero is refused
_SUMMED = 8 << 20  # bytes a table view sums at a time
SPAN_BYTES = 1 << 20  # a raw table larger than this is read again from the file when decoded
_BOM = b"\xef\xbb\xbf"
_FOUND_BY = 4096  # bytes of a raw table looked for in the file to find where it lies


def read_database_bytes(path: Path) -> bytes:
    """The bytes of a database file: a regular file only (never a pipe or a device a link
    points to), at most `MAX_DATABASE_BYTES`; `OSError` otherwise. A UTF-8 byte-order mark,
    which Notepad adds when it saves, is dropped (JSON has none; the next save writes none)."""
    data = read_bounded(path, MAX_DATABASE_BYTES)
    return data[3:] if data.startswith(_BOM) else data


class TableSpan:
    """Where one table's JSON lies in the database file, to be read again a piece at a
    time when it is decoded, instead of all of its bytes held until then.

    The file is the very one the rest of the database was decoded from, kept open: a file
    renamed over it meanwhile (another Reader's fold) changes nothing here. A file changed
    in place since (its size or time differ, or it reads short) is an `OSError`, seen only
    once every piece is read, so a caller that builds records from the pieces drops them
    all. Not a memory mapping: a file truncated under one kills the process (SIGBUS)."""

    def __init__(self, handle: BinaryIO, start: int, length: int) -> None:
        self._handle = handle
        self.start = start
        self.length = length
        self._signature = self._state()
        # (CRC-32, length) of the table's bytes, once a pass over all of them was read and
        # checked: what the kept search index compares (`Store.annotations_as_read`).
        self.checksum: tuple[int, int] | None = None

    def __len__(self) -> int:
        return self.length

    def _state(self) -> tuple[int, int]:
        info = os.fstat(self._handle.fileno())
        return (info.st_size, info.st_mtime_ns)

    def chunks(self, size: int) -> Iterator[bytes]:
        """The table's bytes, `size` at a time (bounded reads, nothing else kept)."""
        offset, end = self.start, self.start + self.length
        self._check()
        crc = 0
        while offset < end:
            data = os.pread(self._handle.fileno(), min(size, end - offset), offset)
            if not data:
                break
            offset += len(data)
            crc = zlib.crc32(data, crc)  # (15 ms for 60 MB, without the interpreter lock)
            yield data
        self._check(offset == end)
        self.checksum = (crc, self.length)

    def read(self) -> bytes:
        """The whole table's bytes at once."""
        return b"".join(self.chunks(64 << 20))

    def _check(self, whole: bool = True) -> None:
        if self._handle.closed:
            raise OSError(errno.EBADF, "the database file was let go before it was read")
        if not whole or self._state() != self._signature:
            raise OSError(
                errno.EIO,
                "the database file changed while it was read (written in place by another "
                "program?); open it again",
            )

    def close(self) -> None:
        """Let go of the file (the table can no longer be read)."""
        self._handle.close()

    def view(self) -> TableView:
        """A reader of the same table of the same file, open until it is closed itself
        (this span may be decoded and let go meanwhile)."""
        return TableView(os.dup(self._handle.fileno()), self.start, self.length)


class TableView:
    """One table's bytes where they lie in the database file a store opened, read apart
    from the store's own decoding of them (the kept search index reads the annotations
    that a first search shows before the store has decoded them all).

    Like `TableSpan`, it reads the very file opened, and a file changed in place since
    (its size or time differ) reads as nothing. Not thread-safe: one reader at a time."""

    def __init__(self, descriptor: int, start: int, length: int) -> None:
        self._descriptor: int | None = descriptor
        self.start = start
        self.length = length
        self._signature = self._state()

    def _state(self) -> tuple[int, int] | None:
        if self._descriptor is None:
            return None
        try:
            info = os.fstat(self._descriptor)
        except OSError:
            return None
        return (info.st_size, info.st_mtime_ns)

    def _same(self) -> bool:
        return self._signature is not None and self._state() == self._signature

    def read(self, offset: int, length: int) -> bytes | None:
        """`length` bytes of the table from `offset` in it; None when they are not all
        there or the file changed."""
        if self._descriptor is None or offset < 0 or length < 0 or offset + length > self.length:
            return None
        try:
            data = os.pread(self._descriptor, length, self.start + offset)
        except OSError:
            return None
        return data if len(data) == length and self._same() else None

    def chunks(self, size: int = SPAN_BYTES) -> Iterator[bytes]:
        """The whole table, `size` bytes at a time (stops short when it cannot be read:
        see `checksum`)."""
        offset = 0
        while offset < self.length:
            data = self.read(offset, min(size, self.length - offset))
            if data is None:
                return
            offset += len(data)
            yield data

    def checksum(self) -> tuple[int, int] | None:
        """(CRC-32, length) of the table's bytes as they are now (None: not readable, or
        the file changed while read). Read into one buffer of `_SUMMED` bytes, reused: few
        reads, each without the interpreter lock, as each sum."""
        if self._descriptor is None:
            return None
        buffer = bytearray(min(_SUMMED, self.length))
        crc, read = 0, 0
        try:
            while read < self.length:
                wanted = min(len(buffer), self.length - read)
                with memoryview(buffer) as whole, whole[:wanted] as part:
                    got = os.preadv(self._descriptor, [part], self.start + read)
                    if got <= 0:
                        return None
                    with part[:got] as data:
                        crc = zlib.crc32(data, crc)
                read += got
        except OSError:
            return None
        return (crc, read) if read == self.length and self._same() else None

    def close(self) -> None:
        """Let go of the file."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


# A reader.json git merged line by line (no merge driver set up in the clone): what to do.
CONFLICT_MARKERS = (
    "git left its conflict markers (<<<<<<<) in it: it was merged without Reader's merge "
    "driver; set the driver up (README: With git), then `git checkout -m reader.json` merges "
    "it again with the driver, and `git add reader.json`"
)


def has_conflict_markers(raw: bytes) -> bool:
    """Whether a file holds git's conflict markers: a line starting "<<<<<<< " and one
    starting ">>>>>>> "."""
    return (raw.startswith(b"<<<<<<< ") or b"\n<<<<<<< " in raw) and b"\n>>>>>>> " in raw


class StorageError(Exception):
    """The database file cannot be read as a Reader database; one line for the user.

    `reason` says what kind of trouble: "io", "empty", "json", "shape" or "twice" (a key
    used twice in one object).
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class AtomicJSONStorage(Storage):
    """TinyDB storage: in-memory reads, atomic whole-file writes, optional batching."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        schema: type | None = None,
        before_write: Callable[[], None] | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only  # changes stay in memory; the file is never written
        # (a database in a folder that was there is never written where it went: its
        # library was moved; one named in a new folder, `--db new/reader.json`, makes it)
        self._folder_was_there = self.path.parent.is_dir()
        self._before_write = before_write
        self._schema = schema
        self._decoder = msgspec.json.Decoder(schema) if schema else msgspec.json.Decoder()
        self._encoder = msgspec.json.Encoder()
        self._data: dict[str, Any] | None = None

    # --- TinyDB's Storage interface ---
    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            with collector_paused(freeze=True):
                self._data = self._load()
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.write_chunks(self._chunks(data))

    def close(self) -> None:
        self._data = None

    def write_chunks(self, chunks: Iterable[bytes]) -> None:
        """Replace the file with these pieces of JSON (rotating backups taken first)."""
        if self.read_only:
            return
        if self._before_write is not None and self.path.exists():
            self._before_write()
        write_atomically(self.path, chunks, make_folder=not self._folder_was_there)

    # --- file handling ---
    def _load(self) -> dict[str, Any] | None:
        try:
            handle = open_regular(self.path)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StorageError(
                f"{self.path}: cannot read the database ({error.strerror})", "io"
            ) from None
        loaded: dict[str, Any] | None = None
        try:
            loaded = self._decode(handle)
        finally:
            if not any(isinstance(table, TableSpan) for table in (loaded or {}).values()):
                handle.close()
        return loaded

    def _decode(self, handle: BinaryIO) -> dict[str, Any]:
        """Decode the open file (and where a large raw table lies in it: `TableSpan`)."""
        try:
            raw = read_regular(handle, MAX_DATABASE_BYTES, str(self.path))
        except OSError as error:
            raise StorageError(
                f"{self.path}: cannot read the database ({error.strerror})", "io"
            ) from None
        skip = len(_BOM) if raw.startswith(_BOM) else 0
        if skip:
            raw = raw[skip:]
        if not raw.strip():
            raise StorageError(f"{self.path}: the database file is empty (truncated?)", "empty")
        try:
            decoded = self._decoder.decode(raw)
        except msgspec.ValidationError as error:
            raise StorageError(f"{self.path}: not a Reader database ({error})", "shape") from None
        except msgspec.DecodeError as error:
            if has_conflict_markers(raw):
                raise StorageError(f"{self.path}: {CONFLICT_MARKERS}", "conflict") from None
            raise StorageError(f"{self.path}: not valid JSON ({error})", "json") from None
        except RecursionError:
            raise StorageError(
                f"{self.path}: not a Reader database (nested too deeply)", "shape"
            ) from None
        if self._schema is not None:
            loaded = {name: getattr(decoded, name) for name in decoded.__struct_fields__}
            del decoded
            for name, table in loaded.items():
                if isinstance(table, msgspec.Raw):
                    loaded[name] = _span_of(table, raw, handle, skip)
            self._refuse_a_key_used_twice(_outside_spans(raw, loaded.values(), skip))
            return loaded
        if not isinstance(decoded, dict):
            raise StorageError(
                f"{self.path}: not a Reader database (expected a JSON object of tables)", "shape"
            )
        self._refuse_a_key_used_twice(raw)
        return decoded

    def _refuse_a_key_used_twice(self, raw: bytes) -> None:
        """A key twice in one object would be read as its last copy, the others dropped."""
        key = key_used_twice(raw)
        if key is not None:
            raise StorageError(f"{self.path}: {used_twice_message(key)}", "twice")

    def _chunks(self, data: dict[str, Any]) -> Iterator[bytes]:
        """The JSON of `data`, a piece at a time: a write never holds the whole file in memory."""
        encode = self._encoder.encode
        yield b"{"
        for number, (name, table) in enumerate(data.items()):
            yield (b"," if number else b"") + encode(name) + b":"
            if not isinstance(table, dict) or len(table) <= CHUNK:
                yield encode(table)
                continue
            items = list(table.items())
            yield b"{"
            for start in range(0, len(items), CHUNK):
                piece = encode(dict(items[start : start + CHUNK]))
                yield (b"," if start else b"") + piece[1:-1]
            yield b"}"
        yield b"}"


def _outside_spans(raw: bytes, tables: Iterable[Any], skip: int) -> bytes:
    """`raw` with each table read later from where it lies in the file left out (`{}` in
    its place): its pieces' keys are checked as they are read (they must rise)."""
    spans = sorted((t for t in tables if isinstance(t, TableSpan)), key=lambda t: t.start)
    if not spans:
        return raw
    parts: list[bytes] = []
    at = 0
    for span in spans:
        parts += [raw[at : span.start - skip], b"{}"]
        at = span.start - skip + span.length
    parts.append(raw[at:])
    return b"".join(parts)


def _span_of(
    table: msgspec.Raw, raw: bytes, handle: BinaryIO, skip: int
) -> msgspec.Raw | TableSpan:
    """A large raw table as where it lies in the file (`skip`: bytes before `raw` there),
    when that is certain: its first bytes are found in `raw` once and only once (so not
    for a table shorter than `SPAN_BYTES`, nor where a file cannot stay open while another
    process replaces it: Windows)."""
    if len(table) <= SPAN_BYTES or os.name != "posix":
        return table
    start = memoryview(table)[:_FOUND_BY].tobytes()
    at = raw.find(start)
    if at < 0 or raw.find(start, at + 1) >= 0:
        return table
    return TableSpan(handle, at + skip, len(table))
