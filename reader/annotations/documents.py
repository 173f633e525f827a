"""The search index's table of annotations: each one's number, and the columns a search
filters and orders by (article, dates, place, kind, still there or not), kept as arrays
that numpy reads without copying.

Numbers are handed out in order and never reused: a removed annotation keeps its row,
marked gone, until the table is saved (and numbered again) or rebuilt.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache

import msgspec
import numpy as np

from reader.core.records import QUOTATION, Annotation

# What a search reads of an annotation besides its words, one int64 column each.
# `day`: the day it was made (-1: unknown); `made`, `changed`: seconds since 1970;
# `place`: its start in the article; `hash`: of its id (the last tie-breaker).
COLUMNS = ("article", "day", "made", "changed", "place", "hash", "quotation")
# Each column's type in memory (the file holds int64s): a day number, a CRC and a flag need
# no more (1.5 MB less than int64s at 100,000 annotations).
_TYPECODES = {"day": "i", "hash": "I", "quotation": "B"}
_TYPES = {"q": np.int64, "i": np.int32, "I": np.uint32, "B": np.uint8}
COLUMN_TYPES = {name: _TYPES[_TYPECODES.get(name, "q")] for name in COLUMNS}
NO_DATE = -1
_hash = hash  # (a test makes ids collide)


def day_number(value: str | None) -> int:
    """An ISO date (or date-time) as a day number; -1 when there is none."""
    return _day_of((value or "")[:10])


@lru_cache(maxsize=4096)
def _day_of(iso_date: str) -> int:
    try:
        return date.fromisoformat(iso_date).toordinal()
    except ValueError:
        return NO_DATE


def _seconds(value: str) -> int:
    """An ISO date-time as seconds since 1970 (0 when it is not one)."""
    try:
        return int(datetime.fromisoformat(value).timestamp())
    except (ValueError, OverflowError, OSError):
        return 0


def row(annotation: Annotation) -> tuple[int, ...]:
    """The values of COLUMNS for `annotation`."""
    return (
        annotation.article_id,
        day_number(annotation.created),
        _seconds(annotation.created),
        _seconds(annotation.updated),
        annotation.start,
        zlib.crc32(annotation.id.encode()),
        annotation.kind == QUOTATION,
    )


_ENCODE = msgspec.msgpack.Encoder()


def fingerprint(annotation: Annotation, into: bytearray | None = None) -> int:
    """A checksum of the whole of `annotation` (its words and its row among them: what was
    saved of it may be reused while this is unchanged). `into`: a buffer to encode it in,
    reused over a batch (100,000 fingerprints at a start: 93 ms where building a string of
    the fields took 136).

    Its texts that are not ASCII are encoded as UTF-8 bytes first: msgspec encoding such a
    string keeps a UTF-8 copy of it inside the string for as long as the string lives
    (CPython's cache), and the index fingerprints every annotation at a start: 4.5 MB of
    copies of the bench's 14,000 quotes that are not ASCII."""
    if not (
        annotation.quote.isascii()
        and annotation.note.isascii()
        and annotation.prefix.isascii()
        and annotation.suffix.isascii()
    ):
        annotation = _texts_as_bytes(annotation)
    if into is None:
        return zlib.crc32(_ENCODE.encode(annotation))
    _ENCODE.encode_into(annotation, into)
    return zlib.crc32(into)


def _texts_as_bytes(annotation: Annotation) -> Annotation:
    """A copy of `annotation` for encoding only, its long texts that are not ASCII as
    UTF-8 bytes (whatever they hold: a lone surrogate is kept as it is)."""
    texts = {
        name: value.encode("utf-8", "surrogatepass")
        for name in ("quote", "note", "prefix", "suffix")
        if not (value := getattr(annotation, name)).isascii()
    }
    return msgspec.structs.replace(annotation, **texts)


def _bytes_of(values: np.ndarray, dtype: type) -> memoryview:
    """The bytes of `values` as `dtype` (a view where they are that already)."""
    return np.ascontiguousarray(values, dtype=dtype).data.cast("B")


class Documents:
    """Every annotation the index holds, numbered, with its columns and fingerprint.

    An annotation's number is found from its id through a table sorted by the ids' hashes
    (two arrays, 12 bytes a row) and a dict of those numbered since the table was last
    sorted, each match checked against the annotation held under that number: a dict of
    100,000 ids held 6.6 MB (its table, and a number object each), the sorted table 1.2.
    A removed annotation's row stays in the sorted table (its number holds None: it never
    matches) until the table is sorted again."""

    def __init__(self) -> None:
        self.annotations: list[Annotation | None] = []
        self.fingerprints = array("I")
        self._columns = {name: array(_TYPECODES.get(name, "q")) for name in COLUMNS}
        self._alive = bytearray()
        # The hashes of the ids numbered when last sorted, sorted, and the number of each.
        self._hashes: Sequence[int] = np.zeros(0, dtype=np.int64).data
        self._numbers: Sequence[int] = np.zeros(0, dtype=np.int32).data
        self._recent: dict[str, int] = {}  # ids numbered since: their numbers
        self._count = 0  # annotations held (not gone)
        # The ids of rows taken from a kept index before their annotations were read
        # (`extend_unattached`): such a row holds None until `attach`, and is still there.
        self._ids: list[str] | None = None

    def __len__(self) -> int:
        """How many rows, gone ones included."""
        return len(self.annotations)

    @property
    def count(self) -> int:
        """How many annotations are held (gone ones not counted)."""
        return self._count

    def __contains__(self, annotation_id: str) -> bool:
        return self.number(annotation_id) is not None

    def number(self, annotation_id: str) -> int | None:
        """The number of the annotation `annotation_id` held (None: not held)."""
        number = self._recent.get(annotation_id)
        if number is not None or not self._hashes:
            return number
        hashes, key = self._hashes, _hash(annotation_id)
        at = bisect_left(hashes, key)
        while at < len(hashes) and hashes[at] == key:
            number = self._numbers[at]
            if self.id_of(number) == annotation_id:
                return number
            at += 1
        return None

    def id_of(self, number: int) -> str | None:
        """The id of the annotation numbered `number` (None: gone)."""
        annotation = self.annotations[number]
        if annotation is not None:
            return annotation.id
        ids = self._ids
        if ids is not None and number < len(ids) and self._alive[number]:
            return ids[number]
        return None

    @property
    def attached(self) -> bool:
        """Whether every row holds its annotation (see `extend_unattached`)."""
        return self._ids is None

    def held(self, annotations: list[Annotation]) -> np.ndarray:
        """Which of `annotations` (the very records) are held here (one bool each)."""
        if not self._count:
            return np.zeros(len(annotations), dtype=bool)
        kept = np.fromiter(
            (id(a) for a in self.annotations if a is not None), np.uint64, self._count
        )
        kept.sort()
        asked = np.fromiter((id(a) for a in annotations), np.uint64, len(annotations))
        at = np.searchsorted(kept, asked)
        np.minimum(at, len(kept) - 1, out=at)
        return kept[at] == asked

    def add(self, annotation: Annotation, printed: int) -> int:
        """Number `annotation` (with its fingerprint `printed`); its number."""
        number = len(self.annotations)
        self.annotations.append(annotation)
        self._recent[annotation.id] = number
        self._count += 1
        self.fingerprints.append(printed)
        for column, value in zip(self._columns.values(), row(annotation), strict=True):
            column.append(value)
        self._alive.append(1)
        if len(self._recent) > max(2048, len(self._hashes) >> 2):
            self._sort()
        return number

    def remove(self, annotation_id: str) -> int | None:
        """Mark the annotation gone; its number, or None when it was not here."""
        number = self.number(annotation_id)
        if number is not None:
            self._recent.pop(annotation_id, None)
            self.annotations[number] = None
            self._alive[number] = 0
            self._count -= 1
        return number

    def extend(
        self,
        annotations: list[Annotation | None],
        fingerprints: np.ndarray,
        columns: dict[str, np.ndarray],
        *,
        alive: bool = False,
    ) -> int:
        """Add saved rows at once (None: an annotation gone since, unless `alive`); the
        first one's number. `columns` is emptied as they are copied (a kept index's are 4
        MB at 100,000 annotations: let go one by one, and before the ids are sorted)."""
        base = len(self.annotations)
        self.annotations.extend(annotations)
        self.fingerprints.frombytes(
            np.ascontiguousarray(fingerprints, dtype=np.uint32).data.cast("B")
        )
        for name, column in self._columns.items():
            values = columns.pop(name)  # (each let go once copied)
            kind = _TYPES[column.typecode]
            column.frombytes(np.ascontiguousarray(values, dtype=kind).data.cast("B"))
            del values
        columns.clear()
        if alive:
            self._alive.extend(b"\x01" * len(annotations))
            self._count += len(annotations)
        else:
            self._alive.extend(annotation is not None for annotation in annotations)
            self._count += sum(annotation is not None for annotation in annotations)
        self._sort()
        return base

    def extend_unattached(
        self, ids: list[str], fingerprints: np.ndarray, columns: dict[str, np.ndarray]
    ) -> None:
        """Number the rows of a kept index, by their ids alone, before their annotations
        are read (an empty table only); `attach` gives them their annotations."""
        assert not self.annotations
        self._ids = ids
        rows: list[Annotation | None] = [None] * len(ids)
        self.extend(rows, fingerprints, columns, alive=True)

    def attach(self, annotations: list[Annotation]) -> bool:
        """Give the rows taken by `extend_unattached` their annotations (`annotations[n]`
        for row n, each with that row's id); False, and nothing changed, when they do not
        fit. Rows gone meanwhile stay gone."""
        ids = self._ids
        if ids is None or len(annotations) != len(ids):
            return False
        alive = self._alive
        if any(a.id != i for a, i in zip(annotations, ids, strict=True)):
            return False
        for number, annotation in enumerate(annotations):
            if alive[number]:
                self.annotations[number] = annotation
        self._ids = None
        return True

    def hash_table(self) -> tuple[np.ndarray, np.ndarray]:
        """The ids' hashes as last sorted, and the number of each (views: the table is
        replaced when sorted again, never changed in place; ids numbered since are not
        in it)."""
        hashes = np.asarray(self._hashes, dtype=np.int64)
        return hashes, np.asarray(self._numbers, dtype=np.int32)

    def _sort(self) -> None:
        """Sort every annotation held into the table of hashes (the recent ones with the
        rest; the rows of those gone dropped)."""
        if self._ids is None:
            every: Iterator[int] = (_hash(a.id) for a in self.annotations if a is not None)
        elif self._count == len(self._ids) == len(self.annotations):
            every = map(_hash, self._ids)  # (just taken: every row there, none attached)
        else:
            every = (_hash(self.id_of(n)) for n, alive in enumerate(self._alive) if alive)
        hashes = np.fromiter(  # (the rows still there are those `_alive` marks)
            every, np.int64, self._count
        )
        order = np.argsort(hashes, kind="stable")
        numbers = np.flatnonzero(np.frombuffer(self._alive, dtype=np.uint8)).astype(np.int32)
        self._hashes = hashes[order].data  # (read as a sequence of ints: no copy)
        del hashes
        self._numbers = numbers[order].data
        self._recent = {}

    def column(self, name: str) -> np.ndarray:
        """One column, one value per row (a view: valid until the next change; int64, or
        the narrower type of a day, a hash or a flag)."""
        column = self._columns[name]
        return np.frombuffer(column, dtype=_TYPES[column.typecode])

    def alive(self) -> np.ndarray:
        """Which rows are annotations still there."""
        return np.frombuffer(self._alive, dtype=np.uint8).astype(bool)

    def saved_columns(self, alive: np.ndarray) -> dict[str, np.ndarray]:
        """The columns of the rows still there."""
        return {name: self.column(name)[alive] for name in COLUMNS}
