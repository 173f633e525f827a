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

`.reader.json.index-state` beside it vouches for one index file and one database state:
the CRC-32 and length of the index's header (its ids and their fingerprints) and of the
annotations table of `reader.json`, written once a start found every fingerprint of the
header equal to those of that table's annotations. A later start that reads the same two
(and no journal change on top) may take the fingerprints as checked without computing
them (0.1 s at 100,000 annotations). It names the contents, not the files' sizes or times,
so no save, journal line, copy or restored backup can make it vouch for other data; any
difference, a damaged or missing file, and the fingerprints are computed as before.

`.reader.json.index-rows`, written by a start that found every row of the index current
(for the same index header and annotations table as the state file), says where each row's
document lies in that table and what its source is: with it, a start that a search waits
for answers from the kept index before the store has read the annotations, once the table
as it is in the file now has the vouched sum (`search.SearchIndex.build`). Any difference,
and it is not used; the row shown must hold its row's id.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import zlib
from array import array
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import msgspec
import numpy as np

from reader import __version__
from reader.annotations.documents import COLUMN_TYPES, COLUMNS
from reader.core.files import open_regular, read_bounded
from reader.core.records import Annotation
from reader.storage.atomic import write_atomically

MAGIC = b"READER-SEARCH-INDEX\n"
# Bump when `query.tokens`, `search.fingerprint` or the layout changes (a test guards it).
FORMAT = 2
FIELDS = 4
_LENGTH_BYTES = 8
_BLOCK = 1 << 20
_PIECE = 1 << 17  # entries read at a time (512 KB: each packed as it is read)


class Header(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the file says before its entries."""

    format: int
    ids: list[str]
    fingerprints: list[int]
    words: list[str]
    counts: list[int]
    names: list[str]
    columns: list[str]


class IndexFileError(ValueError):
    """The entries of an index file, read a piece at a time, turned out damaged."""


# Word i's entries: a piece (first word, word after the last, their entries).
Piece = tuple[int, int, np.ndarray]


@dataclass
class SavedIndex:
    """A saved index, checked: every entry names an annotation of `ids` and a field.

    Read from a file, its entries are not all in memory at once: `pieces` yields them a
    group of words at a time (each piece checked as it is read; `IndexFileError` for a
    damaged one), and `entries` is empty. Built in memory (to be written), `entries` holds
    them all and `pieces` is None."""

    ids: list[str]
    fingerprints: list[int] | np.ndarray
    words: list[str]
    bounds: np.ndarray  # word i's entries are entries[bounds[i]:bounds[i + 1]]
    entries: np.ndarray
    names: list[str]
    columns: dict[str, np.ndarray]  # documents.COLUMNS, one value per id
    pieces: Generator[Piece, None, None] | None = None
    header_sum: tuple[int, int] | None = None  # (CRC-32, length) of the header, as read

    def close(self) -> None:
        """Close the file the entries were to be read from, if they were not all read."""
        if self.pieces is not None:
            self.pieces.close()  # (a generator: its `finally` closes the file)

    def all_pieces(self) -> Iterator[Piece]:
        """The entries by groups of words, however they are held (to be written, `pieces`
        may also be set: an index built afresh is saved from its postings a group of
        words at a time, not copied whole first)."""
        if self.pieces is not None:
            yield from self.pieces
        elif len(self.words):
            yield 0, len(self.words), self.entries


def index_path(db: Path) -> Path:
    """Where the index of the database `db` is kept."""
    return db.with_name(f".{db.name}.index")


def kept_index_current(db: Path) -> bool:
    """True when the database `db` has a kept index of this version of Reader's format
    beside it (read from its first bytes only: whether its contents agree with the
    database is for the start that takes it to check)."""
    version = b'{"format":%d,' % FORMAT
    try:
        with open_regular(index_path(db), follow_links=False) as handle:  # (never a pipe)
            lead = handle.read(len(MAGIC) + _LENGTH_BYTES + len(version))
    except OSError:
        return False
    return lead.startswith(MAGIC) and lead.endswith(version)


def size_limit(db: Path) -> int:
    """The largest index file the database `db` could explain (a larger one is not read)."""
    try:
        db_size = db.stat().st_size
    except OSError:
        db_size = 0
    return 2 * db_size + 16 * 1024 * 1024


def read_index(path: Path, limit: int) -> SavedIndex | None:
    """The index saved at `path`, or None when there is none that can be trusted.

    Its header and columns are read and checked now; its entries (most of the file) are
    read by `SavedIndex.pieces`, a group of words at a time, from the file kept open: the
    whole file in memory beside the index being built from it was 31 MB more at the peak
    of a start with 100,000 annotations."""
    handle: BinaryIO | None = None
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None  # a link, a device, a folder, or too large: never followed or read
        handle = open_regular(path, follow_links=False)  # (a pipe put there since: refused)
        size = os.fstat(handle.fileno()).st_size  # the file opened, whatever replaced it since
        start = len(MAGIC) + _LENGTH_BYTES
        lead = handle.read(start)
        if size > limit or len(lead) < start or not lead.startswith(MAGIC):
            handle.close()
            return None
        length = int.from_bytes(lead[len(MAGIC) :], "little")
        if length > size - start:
            handle.close()
            return None
        header_bytes = handle.read(length)
        header = _header(header_bytes, size - start - length)
        if header is None:
            handle.close()
            return None
        header_sum = (zlib.crc32(header_bytes), len(header_bytes))
        del header_bytes
        entries_at = start + length
        documents = len(header.ids)
        bounds = _bounds(header.counts)  # (the list of counts goes: 2 MB of int objects)
        handle.seek(entries_at + 4 * int(bounds[-1]))
        columns = {}
        for name in COLUMNS:  # a column at a time, each in its type in memory (4 MB, not 5.6)
            column = np.frombuffer(handle.read(8 * documents), dtype="<i8")
            if column.size != documents:
                handle.close()
                return None
            columns[name] = column.astype(COLUMN_TYPES[name], copy=False)
            del column
    except OSError:
        if handle is not None:
            handle.close()
        return None
    return SavedIndex(
        header.ids,
        # (an array: the list of 100,000 number objects, 3.6 MB, goes now, not at the
        # restore: it was held while the database was read, and into the restore)
        np.array(header.fingerprints, dtype=np.int64),
        header.words,
        bounds,
        np.zeros(0, dtype=np.int32),
        header.names,
        columns,
        _pieces(handle, entries_at, bounds, documents),
        header_sum,
    )


def _header(data: bytes, body_size: int) -> Header | None:
    """The header, when it decodes and agrees with the size of what follows it."""
    try:
        header = msgspec.json.decode(data, type=Header)
    except msgspec.DecodeError:
        return None
    documents = len(header.ids)
    if (
        header.format != FORMAT
        or header.columns != list(COLUMNS)
        or body_size != 4 * sum(header.counts) + 8 * documents * len(COLUMNS)
        or len(header.fingerprints) != documents
        or len(header.words) != len(header.counts)
        or any(count <= 0 for count in header.counts)
        # (CRC-32s: one past int64 made every start, search and doctor a traceback)
        or any(not 0 <= printed <= 0xFFFFFFFF for printed in header.fingerprints)
    ):
        return None
    return header


def _bounds(counts: list[int]) -> np.ndarray:
    bounds = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])
    return bounds


def _columns(table: np.ndarray, documents: int) -> dict[str, np.ndarray]:
    """Each column of `table` in its type in memory (a view of it where that is int64:
    the index copies them once)."""
    rows = table.reshape(len(COLUMNS), documents)
    return {name: rows[i].astype(COLUMN_TYPES[name], copy=False) for i, name in enumerate(COLUMNS)}


def _checked(entries: np.ndarray, documents: int) -> bool:
    """Whether every entry names an annotation of the file and a field."""
    return not entries.size or (
        int(entries.min()) >= 0
        and int(entries.max() >> 3) < documents
        and int((entries & 7).max()) < FIELDS
    )


def _pieces(
    handle: BinaryIO, at: int, bounds: np.ndarray, documents: int
) -> Generator[Piece, None, None]:
    """The entries of the words (word i's are bounds[i]:bounds[i + 1]), `_PIECE` entries or
    so at a time (at least one word), each checked; the file is closed when they are all
    read or the reading stops."""
    try:
        handle.seek(at)
        first, words = 0, len(bounds) - 1
        while first < words:
            # The first word whose entries end `_PIECE` or more after this piece's start.
            wanted = int(bounds[first]) + _PIECE
            last = max(first + 1, min(words, int(np.searchsorted(bounds, wanted))))
            total = int(bounds[last] - bounds[first])
            data = handle.read(4 * total)
            entries = np.frombuffer(data, dtype="<i4")
            if entries.size != total or not _checked(entries, documents):
                raise IndexFileError("an index file's entries are damaged")
            yield first, last, entries
            first = last
    except OSError as error:
        raise IndexFileError(f"an index file could not be read ({error})") from None
    finally:
        handle.close()


def parse_index(data: bytes) -> SavedIndex | None:
    """`data` as an index, or None when it is not one this version wrote (all of it
    checked now: what `read_index` checks, and every entry)."""
    start = len(MAGIC) + _LENGTH_BYTES
    if not data.startswith(MAGIC) or len(data) < start:
        return None
    length = int.from_bytes(data[len(MAGIC) : start], "little")
    if length > len(data) - start:
        return None
    header = _header(data[start : start + length], len(data) - start - length)
    if header is None:
        return None
    documents = len(header.ids)
    entries_size = 4 * sum(header.counts)
    entries = np.frombuffer(data, dtype="<i4", count=entries_size // 4, offset=start + length)
    for block in range(0, entries.size, _BLOCK):  # in blocks: no copy of the whole
        if not _checked(entries[block : block + _BLOCK], documents):
            return None
    table = np.frombuffer(
        data, dtype="<i8", count=documents * len(COLUMNS), offset=start + length + entries_size
    )
    return SavedIndex(
        header.ids,
        header.fingerprints,
        header.words,
        _bounds(header.counts),
        entries,
        header.names,
        _columns(table, documents),
    )


def encode_index(saved: SavedIndex) -> Iterator[bytes | memoryview]:
    """The bytes of the file holding `saved`, in pieces (written one after the other; each
    column made as it is written, not all of them beforehand: 11 MB at 100,000
    annotations; the header's number lists encoded a block at a time, not made Python lists
    first)."""
    header = encode_header(saved)
    yield MAGIC
    yield sum(map(len, header)).to_bytes(_LENGTH_BYTES, "little")
    header.reverse()
    while header:
        yield header.pop()  # (each part let go once written)
    for _, _, piece in saved.all_pieces():  # (one piece, or a group of words at a time)
        yield np.ascontiguousarray(piece, dtype="<i4").data.cast("B")
        del piece
    for name in COLUMNS:
        yield np.ascontiguousarray(saved.columns[name], dtype="<i8").data.cast("B")


_NUMBERS_AT_A_TIME = 8192


def encode_header(saved: SavedIndex) -> list[bytes]:
    """`Header` of `saved` as JSON, in parts whose bytes joined are msgspec's encoding of it.
    Its two long lists of numbers (a fingerprint per annotation, a count per word) are
    encoded a block at a time: made whole, as Python lists and then one encoder buffer,
    they held 15 MB more at 100,000 annotations while a start saved a rebuilt index."""
    encode = msgspec.json.encode
    return [  # (each long part alone, not joined to its key: no copy of it)
        b'{"format":' + encode(FORMAT),
        b',"ids":',
        encode(saved.ids),
        b',"fingerprints":',
        *_numbers(saved.fingerprints),
        b',"words":',
        encode(saved.words),
        b',"counts":',
        *_numbers(np.diff(saved.bounds)),
        b',"names":',
        encode(saved.names),
        b',"columns":' + encode(list(COLUMNS)) + b"}",
    ]


def _numbers(values: list[int] | np.ndarray) -> Iterator[bytes]:
    """A JSON list of integers, a block at a time."""
    yield b"["
    for at in range(0, len(values), _NUMBERS_AT_A_TIME):
        block = values[at : at + _NUMBERS_AT_A_TIME]
        listed = block if isinstance(block, list) else block.tolist()
        yield (b"," if at else b"") + msgspec.json.encode(listed)[1:-1]
    yield b"]"


def write_index(path: Path, saved: SavedIndex) -> bool:
    """Save `saved` at `path` (atomically); False when the folder cannot be written."""
    with contextlib.suppress(OSError):
        if path.is_symlink() or (path.exists() and not path.is_file()):
            return False  # not ours to replace
        write_atomically(path, encode_index(saved), make_folder=False)
        return True
    return False


_STATE_BYTES = 4096  # a state file larger than this is not one this code wrote
# What else the fingerprints depend on: how records decode and how words are read.
_CODE = f"{__version__} {FORMAT} {' '.join(Annotation.__struct_fields__)}"


class IndexState(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What `.reader.json.index-state` holds (see the module's docstring)."""

    code: str
    header: tuple[int, int]
    annotations: tuple[int, int]


def state_path(db: Path) -> Path:
    """Where the state vouched for by the index of the database `db` is kept."""
    return db.with_name(f".{db.name}.index-state")


def vouched(path: Path, header: tuple[int, int], annotations: tuple[int, int]) -> bool:
    """Whether the state file at `path` vouches for the index whose header is `header` and
    the annotations table `annotations` (a missing, damaged or foreign file: False)."""
    with contextlib.suppress(OSError, msgspec.DecodeError):
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _STATE_BYTES:
            return False
        state = msgspec.json.decode(
            read_bounded(path, _STATE_BYTES, follow_links=False), type=IndexState
        )
        return state == IndexState(_CODE, header, annotations)
    return False


def vouch(path: Path, header: tuple[int, int], annotations: tuple[int, int]) -> bool:
    """Record that the index whose header is `header` was checked against the annotations
    table `annotations` (atomically); False when it could not be written."""
    with contextlib.suppress(OSError):
        if path.is_symlink() or (path.exists() and not path.is_file()):
            return False  # not ours to replace
        write_atomically(
            path,
            [msgspec.json.encode(IndexState(_CODE, header, annotations))],
            make_folder=False,
        )
        return True
    return False


# --- the rows file: what the kept index lacks to answer before the annotations are read ---

ROWS_MAGIC = b"READER-SEARCH-ROWS\n"
_ROW_BYTES = 8 + 4 + 4  # its place in the table, its length, its source's number
# A key of digits before an object: the quote marks are not escaped (one after a digit ends
# a string, and a string of digits holds none), so this is never inside a string.
_KEY = re.compile(rb'"(\d+)":\{')
_CARRY = 32  # bytes of one piece read again with the next (more than any key's match)


class RowsHeader(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What `.reader.json.index-rows` says before its arrays."""

    code: str
    header: tuple[int, int]
    annotations: tuple[int, int]
    count: int
    sources: list[str]


@dataclass
class KeptRows:
    """Where each annotation of a kept index lies in `reader.json`'s annotations table
    (`starts`, `lengths`, by the index's numbers) and its source (`sources[source_of[n]]`,
    -1: none), for the index whose header is `header` and the table `annotations`."""

    header: tuple[int, int]
    annotations: tuple[int, int]
    starts: np.ndarray  # int64
    lengths: np.ndarray  # uint32
    sources: list[str]
    source_of: np.ndarray  # int32


def rows_path(db: Path) -> Path:
    """Where the rows of the kept index of the database `db` are kept."""
    return db.with_name(f".{db.name}.index-rows")


def read_rows(path: Path, count: int, table_length: int) -> KeptRows | None:
    """The rows file at `path` when it holds `count` rows, each inside a table of
    `table_length` bytes, written by this code (None otherwise: missing, damaged, foreign)."""
    with contextlib.suppress(OSError, msgspec.DecodeError, ValueError):
        info = os.lstat(path)
        lead = len(ROWS_MAGIC) + _LENGTH_BYTES
        if not stat.S_ISREG(info.st_mode) or info.st_size > lead + _STATE_BYTES * 64 + (
            count * _ROW_BYTES
        ):
            return None
        data = read_bounded(path, info.st_size, follow_links=False)
        if not data.startswith(ROWS_MAGIC) or len(data) < lead:
            return None
        length = int.from_bytes(data[len(ROWS_MAGIC) : lead], "little")
        header = msgspec.json.decode(data[lead : lead + length], type=RowsHeader)
        body = memoryview(data)[lead + length :]
        if header.code != _CODE or header.count != count or len(body) != count * _ROW_BYTES:
            return None
        starts = np.frombuffer(body[: 8 * count], dtype="<i8").astype(np.int64)
        lengths = np.frombuffer(body[8 * count : 12 * count], dtype="<u4").astype(np.uint32)
        source_of = np.frombuffer(body[12 * count :], dtype="<i4").astype(np.int32)
        if count and (
            int(starts.min()) < 0
            or int((starts + lengths).max()) > table_length
            or int(source_of.min()) < -1
            or int(source_of.max()) >= len(header.sources)
        ):
            return None
        return KeptRows(
            header.header, header.annotations, starts, lengths, header.sources, source_of
        )
    return None


def rows_written_for(
    path: Path, header: tuple[int, int], annotations: tuple[int, int], count: int
) -> bool:
    """Whether the rows file at `path` says it was written by this code for the index
    whose header is `header` and the table `annotations`, `count` rows, and has their
    size (its header alone read)."""
    with (
        contextlib.suppress(OSError, msgspec.DecodeError, ValueError),
        open_regular(path, follow_links=False) as handle,  # (a pipe there is never waited on)
    ):
        lead = handle.read(len(ROWS_MAGIC) + _LENGTH_BYTES)
        if not lead.startswith(ROWS_MAGIC) or len(lead) != len(ROWS_MAGIC) + _LENGTH_BYTES:
            return False
        length = int.from_bytes(lead[len(ROWS_MAGIC) :], "little")
        size = os.fstat(handle.fileno()).st_size
        if length > _STATE_BYTES * 64 or size != len(lead) + length + count * _ROW_BYTES:
            return False
        said = msgspec.json.decode(handle.read(length), type=RowsHeader)
        return (said.code, said.header, said.annotations, said.count) == (
            _CODE,
            header,
            annotations,
            count,
        )
    return False


def write_rows(path: Path, rows: KeptRows) -> bool:
    """Save `rows` at `path` (atomically); False when it could not be written."""
    header = msgspec.json.encode(
        RowsHeader(_CODE, rows.header, rows.annotations, len(rows.starts), rows.sources)
    )
    with contextlib.suppress(OSError):
        if path.is_symlink() or (path.exists() and not path.is_file()):
            return False  # not ours to replace
        write_atomically(
            path,
            [
                ROWS_MAGIC,
                len(header).to_bytes(_LENGTH_BYTES, "little"),
                header,
                np.ascontiguousarray(rows.starts, dtype="<i8").tobytes(),
                np.ascontiguousarray(rows.lengths, dtype="<u4").tobytes(),
                np.ascontiguousarray(rows.source_of, dtype="<i4").tobytes(),
            ],
            make_folder=False,
        )
        return True
    return False


def document_spans(pieces: Iterable[bytes], length: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Where each document of a TinyDB table `{"1":{...},"2":{...},...}` of `length` bytes,
    read as `pieces`, lies: its `{...}`'s start and length, in the table's order. None
    unless the keys are exactly 1, 2, 3, ... in order (as Reader writes them: then no key
    or brace inside a document was taken for one, since a key's quote mark is never
    inside a string) and the table ends with its closing brace."""
    starts = array("q")  # each document's `{` (arrays: 100,000 int objects were 6 MB)
    ends = array("q")  # where each key begins (its `,`): the end of the document before
    carried, at = b"", 0  # bytes kept from the piece before, and where they begin
    for piece in pieces:
        data = carried + piece
        for match in _KEY.finditer(data, 1):
            where = at + match.start() - 1
            if ends and where <= ends[-1]:
                continue  # (found already, in the bytes carried over)
            key = match.group(1)
            if data[match.start() - 1] not in b"{," or int(key) != len(starts) + 1:
                return None
            ends.append(where)
            starts.append(at + match.end() - 1)
        keep = min(_CARRY, len(data))
        at += len(data) - keep
        carried = data[len(data) - keep :]
    if not carried.endswith(b"}}") or at + len(carried) != length or (ends and ends[0] != 0):
        return None
    begin = np.frombuffer(starts, dtype=np.int64)
    ends.append(length - 1)  # (the last document ends before the table's closing brace)
    end = np.frombuffer(ends, dtype=np.int64)[1:]
    return begin, (end - begin).astype(np.uint32)
