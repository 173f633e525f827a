"""A TinyDB `Storage` that reads the database file with msgspec and replaces it atomically.

TinyDB's own `JSONStorage` re-reads and re-encodes the whole file with the standard library
on every operation. This storage decodes the file once with msgspec and writes it by
replacing it atomically: a temporary file in the same folder, written, flushed and fsync'd,
then renamed over the old one, then the folder fsync'd. A crash at any instant leaves
either the old file or the new one, never a mix. The file keeps TinyDB's layout, so
`TinyDB(path, storage=AtomicJSONStorage)` (or TinyDB's own JSONStorage) opens it.

Given a `schema` (a msgspec Struct type with one field per table), the file is decoded
straight into typed records and validated on the way: a document of the wrong shape is an
error naming where it is. The store writes with `write_chunks`, a piece at a time, so a
write never holds the whole file's bytes in memory. If a write fails (disk full,
permissions), the file on disk is untouched and the error propagates to the caller.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec
from tinydb.storages import Storage

from reader.core.collector import collector_paused
from reader.core.files import read_bounded
from reader.storage.atomic import write_atomically

CHUNK = 2000  # documents encoded at a time


MAX_DATABASE_BYTES = 4 << 30  # far beyond any real corpus; a link to /dev/zero is refused


def read_database_bytes(path: Path) -> bytes:
    """The bytes of a database file: a regular file only (never a pipe or a device a link
    points to), at most `MAX_DATABASE_BYTES`; `OSError` otherwise. A UTF-8 byte-order mark,
    which Notepad adds when it saves, is dropped (JSON has none; the next save writes none)."""
    data = read_bounded(path, MAX_DATABASE_BYTES)
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


class StorageError(Exception):
    """The database file cannot be read as a Reader database; one line for the user.

    `reason` says what kind of trouble: "io", "empty", "json" or "shape".
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
        write_atomically(self.path, chunks)

    # --- file handling ---
    def _load(self) -> dict[str, Any] | None:
        try:
            raw = read_database_bytes(self.path)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StorageError(
                f"{self.path}: cannot read the database ({error.strerror})", "io"
            ) from None
        if not raw.strip():
            raise StorageError(f"{self.path}: the database file is empty (truncated?)", "empty")
        try:
            decoded = self._decoder.decode(raw)
        except msgspec.ValidationError as error:
            raise StorageError(f"{self.path}: not a Reader database ({error})", "shape") from None
        except msgspec.DecodeError as error:
            raise StorageError(f"{self.path}: not valid JSON ({error})", "json") from None
        except RecursionError:
            raise StorageError(
                f"{self.path}: not a Reader database (nested too deeply)", "shape"
            ) from None
        if self._schema is not None:
            return {name: getattr(decoded, name) for name in decoded.__struct_fields__}
        if not isinstance(decoded, dict):
            raise StorageError(
                f"{self.path}: not a Reader database (expected a JSON object of tables)", "shape"
            )
        return decoded

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
