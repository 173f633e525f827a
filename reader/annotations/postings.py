"""Each word's postings (the entries of the annotations holding it), held compactly.

The entries read from the kept index are packed as they are read, a piece (a group of
words, 512 KB of the file) at a time: each word's entries as differences from the one
before, in one byte each when they all fit (a word that most annotations hold), two bytes
(most words), or else as they are (int32: a rare word, whose entries lie far apart); a
word whose differences are not all positive (the same annotation in two fields) in two
signed bytes, or as it is. Each piece keeps an array for each kind of word, a word's
entries being a slice of one, decoded (a cumulative sum) when a search reads them. 61,000
words of 100,000 annotations: 10.5 MB, where one int32 array held 20 (and an array object
per word 29 MB, which took 0.5 s of a start to make). The entries added since are kept per
word in small arrays, after the saved ones.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import numpy as np

_EMPTY = np.zeros(0, dtype=np.int32)
Piece = tuple[int, int, np.ndarray]  # words first..last-1, their entries one after another

# How a saved word's entries are held: as they are, or as differences (the first 0) of a
# type: the smallest that holds them all.
RAW, U8, U16, I16 = 0, 1, 2, 3
_TYPES = {RAW: np.int32, U8: np.uint8, U16: np.uint16, I16: np.int16}


class Postings:
    """Word -> its entries (int32: annotation number << 3 | field), in the order added."""

    def __init__(self) -> None:
        # The saved words in sorted order, and where each is in `_bounds` (None: in that
        # order too): a look-up is a bisection (a dict of 61,000 words held 3.6 MB).
        self._words: list[str] = []
        self._where: np.ndarray | None = None
        self._bounds = np.zeros(1, dtype=np.int64)  # word i has bounds[i + 1] - bounds[i]
        self._kind = np.zeros(0, dtype=np.uint8)  # how each saved word is held
        self._piece = np.zeros(0, dtype=np.int32)  # in which piece of them
        self._offset = np.zeros(0, dtype=np.int32)  # where in its piece's array of its kind
        self._first = np.zeros(0, dtype=np.int32)  # its first entry (differences: from it)
        # For each piece as read (a group of words), an array for each kind of word: never
        # one array grown as they come (each growth a copy: 8 MB more at a start's peak).
        self._pieces: list[dict[int, np.ndarray]] = []
        self._piece_words: list[int] = []  # the first word of each piece
        self._added: dict[str, array] = {}
        self._new_words = 0  # words of `_added` that were not saved

    def __contains__(self, word: object) -> bool:
        return word in self._added or (isinstance(word, str) and self._saved(word) is not None)

    def __len__(self) -> int:
        return len(self._words) + self._new_words

    def __iter__(self) -> Iterator[str]:
        """The saved words in sorted order, then the others."""
        yield from self._words
        yield from self._new()

    def _new(self) -> Iterator[str]:
        """The words added that were not saved."""
        return (word for word in self._added if self._saved(word) is None)

    def _saved(self, word: str) -> int | None:
        """Where the saved word `word` is in `_bounds` (None: not saved)."""
        words = self._words
        at = bisect_left(words, word)
        if at == len(words) or words[at] != word:
            return None
        return at if self._where is None else int(self._where[at])

    def sorted_words(self) -> list[str]:
        """Every word in sorted order (the saved words' own list, when no other was added:
        do not change it)."""
        if not self._new_words:
            return self._words
        return sorted(self)

    def add(self, word: str, entry: int) -> bool:
        """Add an entry to `word`'s; whether the word is new here."""
        found = self._added.get(word)
        if found is not None:
            found.append(entry)
            return False
        self._added[word] = array("i", (entry,))
        if self._saved(word) is not None:
            return False
        self._new_words += 1
        return True

    def set_saved(
        self, words: list[str], bounds: np.ndarray, entries: np.ndarray | Iterable[Piece]
    ) -> None:
        """Take a saved index's postings: word i's entries are entries[bounds[i]:bounds[i+1]],
        given whole or as pieces `(first word, word after the last, their entries)` in
        order (packed as they come; an error raised while they are read leaves these
        postings as they were). Only into postings that hold none saved yet; words added
        before keep theirs after."""
        if self._words:
            raise ValueError("postings already hold a saved index")
        bounds = np.asarray(bounds, dtype=np.int64)
        given = [(0, len(words), entries)] if isinstance(entries, np.ndarray) else entries
        count = len(words)
        kind = np.zeros(count, dtype=np.uint8)
        piece_of = np.zeros(count, dtype=np.int32)
        offset = np.zeros(count, dtype=np.int32)
        first = np.zeros(count, dtype=np.int32)
        pieces: list[dict[int, np.ndarray]] = []
        starts: list[int] = []
        done = 0
        for start, end, piece in given:
            held = np.ascontiguousarray(piece, dtype=np.int32)
            if start != done or end < start or held.size != bounds[end] - bounds[start]:
                raise ValueError("saved postings do not follow their words")
            counts = np.diff(bounds[start : end + 1])
            pieces.append(_pack(held, counts, kind[start:end], offset[start:end], first[start:end]))
            piece_of[start:end] = len(starts)
            starts.append(start)
            done = end
        if done != count:
            raise ValueError("saved postings do not cover their words")
        if all(map(str.__lt__, words, words[1:])):  # (as this Reader writes them)
            self._words, self._where = words, None
        else:
            where = sorted(range(count), key=words.__getitem__)
            self._words = [words[at] for at in where]
            self._where = np.array(where, dtype=np.int32)
        self._bounds, self._kind, self._piece = bounds, kind, piece_of
        self._offset, self._first = offset, first
        self._pieces, self._piece_words = pieces, starts
        self._new_words = sum(1 for _ in self._new())

    def count(self, word: str) -> int:
        """How many entries `word` has (0 for a word not here)."""
        found = self._added.get(word)
        total = len(found) if found is not None else 0
        at = self._saved(word)
        if at is not None:
            total += int(self._bounds[at + 1] - self._bounds[at])
        return total

    def entries(self, word: str) -> np.ndarray:
        """`word`'s entries (a view where they are all saved and held as they are: do not
        change it)."""
        at = self._saved(word)
        saved = _EMPTY if at is None else self._saved_entries(at)
        found = self._added.get(word)
        if found is None:
            return saved
        added = np.frombuffer(found, dtype=np.int32)
        return np.concatenate((saved, added)) if saved.size else added.copy()

    def _saved_entries(self, at: int) -> np.ndarray:
        kind = int(self._kind[at])
        begin = int(self._offset[at])
        size = int(self._bounds[at + 1] - self._bounds[at])
        held = self._pieces[self._piece[at]].get(kind, _EMPTY)[begin : begin + size]
        if kind == RAW:
            return held
        decoded = np.cumsum(held, dtype=np.int32)
        decoded += self._first[at]
        return decoded

    def _all_saved(self) -> np.ndarray:
        """Every saved entry, word after word (decoded a piece at a time)."""
        bounds = self._bounds
        out = np.empty(int(bounds[-1]), dtype=np.int32)
        ends = [*self._piece_words[1:], len(bounds) - 1] if self._piece_words else []
        for start, end, arrays in zip(self._piece_words, ends, self._pieces, strict=True):
            counts = np.diff(bounds[start : end + 1])
            kinds = self._kind[start:end]
            per_entry = np.repeat(kinds, counts)
            into = out[bounds[start] : bounds[end]]
            for kind, held in arrays.items():
                if kind == RAW:
                    into[per_entry == kind] = held
                    continue
                chosen = np.flatnonzero((kinds == kind) & (counts > 0))
                sums = np.cumsum(held, dtype=np.int64)
                heads = np.repeat(
                    self._first[start + chosen] - sums[self._offset[start + chosen]],
                    counts[chosen],
                )
                into[per_entry == kind] = sums + heads
        return out

    def added_only(self) -> tuple[list[str], list[array]] | None:
        """Every word and its entries' array when none was saved (an index built afresh),
        in the order `flat` gives them; None otherwise. The arrays are the postings' own,
        which only ever grow at their ends: what they held when this was called is the
        first `len` entries of each, read under the same lock as this call."""
        if self._words:
            return None
        words = list(self._added)
        return words, [self._added[word] for word in words]

    def flat(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Every word (the saved ones in the order they were saved, then the others), how
        many entries each has, and all their entries one word after the other (in the
        order of the words). The saved entries are decoded a piece at a time, and copied in
        runs between the few saved words that gained entries since, not a word at a time."""
        if self._where is None:
            words = list(self._words)
        else:
            words = [""] * len(self._words)
            for word, at in zip(self._words, self._where.tolist(), strict=True):
                words[at] = word
        new = list(self._new())
        words += new
        counts = np.diff(self._bounds)
        saved = self._all_saved()
        if not self._added:
            return words, counts, saved
        grown = sorted((at, word) for word in self._added if (at := self._saved(word)) is not None)
        for at, word in grown:
            counts[at] += len(self._added[word])
        counts = np.concatenate((counts, [len(self._added[word]) for word in new]))
        # Filled in place: no list of a view per word to join (7 MB for 61,000 words).
        out = np.empty(int(counts.sum()), dtype=np.int32)
        done = put = 0  # saved entries copied so far, entries written so far
        for at, word in grown:
            end = int(self._bounds[at + 1])
            out[put : put + end - done] = saved[done:end]
            put += end - done
            done = end
            put = _put(out, put, self._added[word])
        out[put : put + saved.size - done] = saved[done:]
        put += saved.size - done
        for word in new:
            put = _put(out, put, self._added[word])
        return words, counts.astype(np.int64), out


def _put(out: np.ndarray, at: int, entries: array) -> int:
    """Copy `entries` into `out` from `at`; where they end."""
    end = at + len(entries)
    out[at:end] = np.frombuffer(entries, dtype=np.int32)
    return end


def _pack(
    entries: np.ndarray,
    counts: np.ndarray,
    kind: np.ndarray,
    offset: np.ndarray,
    first: np.ndarray,
) -> dict[int, np.ndarray]:
    """Words' entries (`counts` each, one word's after the other) packed: an array for each
    kind of word; each word's kind, offset in its kind's array and first entry are written
    into `kind`, `offset` and `first` (all at once, not a word at a time)."""
    words = counts.size
    starts = np.zeros(words, dtype=np.int64)
    np.cumsum(counts[:-1], out=starts[1:])
    delta = np.zeros(entries.size, dtype=np.int32)
    np.subtract(entries[1:], entries[:-1], out=delta[1:])
    held = counts > 0
    heads = starts[held]
    delta[heads] = 0  # each word's first entry: no difference
    kind[:] = U8
    if heads.size:
        high = np.maximum.reduceat(delta, heads)
        low = np.minimum.reduceat(delta, heads)
        rising = low >= 0
        kind[held] = np.where(
            rising & (high < 1 << 8),
            U8,
            np.where(
                rising & (high < 1 << 16),
                U16,
                np.where((low >= -(1 << 15)) & (high < 1 << 15), I16, RAW),
            ),
        )
        first[held] = entries[heads]
    per_entry = np.repeat(kind, counts)
    packed: dict[int, np.ndarray] = {}
    for code, dtype in _TYPES.items():
        chosen = kind == code
        if not chosen.any():
            continue
        sizes = counts[chosen]
        places = np.zeros(sizes.size, dtype=np.int64)
        np.cumsum(sizes[:-1], out=places[1:])
        offset[chosen] = places
        values = entries if code == RAW else delta
        packed[code] = values[per_entry == code].astype(dtype)
    return packed
