"""The search index kept beside the database, so that a start reads it instead of rebuilding.

`reader.json` has `.reader.json.index` next to it: the words of every annotation as they were
last indexed, each annotation named by its id and a fingerprint of its searchable fields.
On start the index takes the words of each annotation whose fingerprint still matches and
reads only the others again, so a file that is stale, from another version, damaged or
missing costs time, never correctness. The file is derived data: deleting it is always safe.

Layout: a magic line, the header's length (8 bytes, little-endian), the header (JSON: ids,
fingerprints, words, how many entries each word has, the words of names, the names of the
columns), the entries (int32, little-endian: annotation number << 3 | field), then each
column (int64, one per annotation: `documents.COLUMNS`). Read with bounds: a file larger
than the database could explain, a header that does not decode into its types, or an entry
naming an annotation or field that does not exist, and the file is ignored.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import msgspec
import numpy as np

from reader.annotations.documents import COLUMNS
from reader.storage.atomic import write_atomically

MAGIC = b"READER-SEARCH-INDEX\n"
# Bump when `query.tokens`, `search.fingerprint` or the layout changes (a test guards it).
FORMAT = 1
FIELDS = 4
_LENGTH_BYTES = 8
_BLOCK = 1 << 20


class Header(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the file says before its entries."""

    format: int
    ids: list[str]
    fingerprints: list[int]
    words: list[str]
    counts: list[int]
    names: list[str]
    columns: list[str]


@dataclass
class SavedIndex:
    """A saved index, checked: every entry names an annotation of `ids` and a field."""

    ids: list[str]
    fingerprints: list[int]
    words: list[str]
    bounds: np.ndarray  # word i's entries are entries[bounds[i]:bounds[i + 1]]
    entries: np.ndarray
    names: list[str]
    columns: dict[str, np.ndarray]  # documents.COLUMNS, one value per id


def index_path(db: Path) -> Path:
    """Where the index of the database `db` is kept."""
    return db.with_name(f".{db.name}.index")


def size_limit(db: Path) -> int:
    """The largest index file the database `db` could explain (a larger one is not read)."""
    try:
        db_size = db.stat().st_size
    except OSError:
        db_size = 0
    return 2 * db_size + 16 * 1024 * 1024


def read_index(path: Path, limit: int) -> SavedIndex | None:
    """The index saved at `path`, or None when there is none that can be trusted."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None  # a link, a device, a folder, or too large: never followed or read
        with path.open("rb") as handle:
            data = handle.read(info.st_size + 1)  # not `limit`: read() reserves what it may
    except OSError:
        return None
    return parse_index(data)


def parse_index(data: bytes) -> SavedIndex | None:
    """`data` as an index, or None when it is not one this version wrote."""
    start = len(MAGIC) + _LENGTH_BYTES
    if not data.startswith(MAGIC) or len(data) < start:
        return None
    length = int.from_bytes(data[len(MAGIC) : start], "little")
    if length > len(data) - start:
        return None
    try:
        header = msgspec.json.decode(data[start : start + length], type=Header)
    except msgspec.DecodeError:
        return None
    body_size = len(data) - start - length
    documents = len(header.ids)
    entries_size = 4 * sum(header.counts)
    if (
        header.format != FORMAT
        or header.columns != list(COLUMNS)
        or body_size != entries_size + 8 * documents * len(COLUMNS)
        or len(header.fingerprints) != documents
        or len(header.words) != len(header.counts)
        or any(count <= 0 for count in header.counts)
    ):
        return None
    entries = np.frombuffer(data, dtype="<i4", count=entries_size // 4, offset=start + length)
    bounds = np.zeros(len(header.counts) + 1, dtype=np.int64)
    np.cumsum(header.counts, out=bounds[1:])
    if entries.size and (int(entries.min()) < 0 or int(entries.max() >> 3) >= documents):
        return None
    for block in range(0, entries.size, _BLOCK):  # in blocks: no copy of the whole
        if int((entries[block : block + _BLOCK] & 7).max()) >= FIELDS:
            return None
    table = np.frombuffer(
        data, dtype="<i8", count=documents * len(COLUMNS), offset=start + length + entries_size
    ).reshape(len(COLUMNS), documents)
    columns = {name: table[i].astype(np.int64) for i, name in enumerate(COLUMNS)}
    return SavedIndex(
        header.ids, header.fingerprints, header.words, bounds, entries, header.names, columns
    )


def encode_index(saved: SavedIndex) -> list[bytes | memoryview]:
    """The bytes of the file holding `saved`, in pieces (written one after the other)."""
    counts = np.diff(saved.bounds).tolist()
    header = msgspec.json.encode(
        Header(
            FORMAT,
            saved.ids,
            saved.fingerprints,
            saved.words,
            counts,
            saved.names,
            list(COLUMNS),
        )
    )
    return [
        MAGIC,
        len(header).to_bytes(_LENGTH_BYTES, "little"),
        header,
        np.ascontiguousarray(saved.entries, dtype="<i4").data.cast("B"),
        *(saved.columns[name].astype("<i8").tobytes() for name in COLUMNS),
    ]


def write_index(path: Path, saved: SavedIndex) -> bool:
    """Save `saved` at `path` (atomically); False when the folder cannot be written."""
    with contextlib.suppress(OSError):
        if path.is_symlink() or (path.exists() and not path.is_file()):
            return False  # not ours to replace
        write_atomically(path, encode_index(saved))
        return True
    return False
