"""Each word's postings (the entries of the annotations holding it), held compactly.

The entries read from the kept index stay in the one array they were read into, a word's
being a slice of it (one int32 per entry: 61,000 words of 100,000 annotations in 16 MB,
where an array object per word held 29 MB and took 0.5 s of a start to make); the entries
added since are kept per word in small arrays, after the saved ones.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

import numpy as np

_EMPTY = np.zeros(0, dtype=np.int32)


class Postings:
    """Word -> its entries (int32: annotation number << 3 | field), in the order added."""

    def __init__(self) -> None:
        self._saved_at: dict[str, int] = {}  # a saved word -> its place in `_bounds`
        self._bounds = np.zeros(1, dtype=np.int64)
        self._saved = _EMPTY
        self._added: dict[str, array] = {}
        self._new_words = 0  # words of `_added` that were not saved

    def __contains__(self, word: object) -> bool:
        return word in self._added or word in self._saved_at

    def __len__(self) -> int:
        return len(self._saved_at) + self._new_words

    def __iter__(self) -> Iterator[str]:
        yield from self._saved_at
        saved = self._saved_at
        yield from (word for word in self._added if word not in saved)

    def add(self, word: str, entry: int) -> bool:
        """Add an entry to `word`'s; whether the word is new here."""
        found = self._added.get(word)
        if found is not None:
            found.append(entry)
            return False
        self._added[word] = array("i", (entry,))
        if word in self._saved_at:
            return False
        self._new_words += 1
        return True

    def set_saved(self, words: list[str], bounds: np.ndarray, entries: np.ndarray) -> None:
        """Take a saved index's postings: word i's entries are entries[bounds[i]:bounds[i+1]].
        Only into postings that hold none saved yet; words added before keep theirs after."""
        if self._saved_at:
            raise ValueError("postings already hold a saved index")
        self._saved_at = {word: i for i, word in enumerate(words)}
        self._bounds = np.asarray(bounds, dtype=np.int64)
        self._saved = np.ascontiguousarray(entries, dtype=np.int32)
        self._new_words = sum(1 for word in self._added if word not in self._saved_at)

    def count(self, word: str) -> int:
        """How many entries `word` has (0 for a word not here)."""
        found = self._added.get(word)
        total = len(found) if found is not None else 0
        at = self._saved_at.get(word)
        if at is not None:
            total += int(self._bounds[at + 1] - self._bounds[at])
        return total

    def entries(self, word: str) -> np.ndarray:
        """`word`'s entries (a view where they are all saved: do not change it)."""
        at = self._saved_at.get(word)
        saved = _EMPTY if at is None else self._saved[self._bounds[at] : self._bounds[at + 1]]
        found = self._added.get(word)
        if found is None:
            return saved
        added = np.frombuffer(found, dtype=np.int32)
        return np.concatenate((saved, added)) if saved.size else added.copy()

    def flat(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Every word, how many entries each has, and all their entries one word after the
        other (in the order of the words). The saved entries are copied in runs between the
        few saved words that gained entries since, not a word at a time."""
        words = list(self)
        counts = np.diff(self._bounds)
        if not self._added:
            return words, counts, self._saved
        grown = sorted(
            (at, word) for word in self._added if (at := self._saved_at.get(word)) is not None
        )
        pieces: list[np.ndarray] = []
        done = 0  # saved entries copied so far
        for at, word in grown:
            end = int(self._bounds[at + 1])
            pieces += [self._saved[done:end], np.frombuffer(self._added[word], dtype=np.int32)]
            counts[at] += len(self._added[word])
            done = end
        pieces.append(self._saved[done:])
        new = [word for word in self._added if word not in self._saved_at]
        pieces += [np.frombuffer(self._added[word], dtype=np.int32) for word in new]
        counts = np.concatenate((counts, [len(self._added[word]) for word in new]))
        return words, counts.astype(np.int64), np.concatenate(pieces).astype(np.int32, copy=False)
