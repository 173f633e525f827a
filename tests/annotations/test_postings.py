"""Postings: saved entries packed (differences in one or two bytes, or as they are), added
ones after them, against a plain model."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotations.index_file import IndexFileError
from reader.annotations.postings import Piece, Postings

_WORDS = st.sampled_from(["clinton", "trump", "fed", "rates", "é", "a"])
# Entries close together (one byte apart), further (two), and anywhere (held as they are).
_ENTRY = st.integers(0, 200) | st.integers(0, 40_000) | st.integers(0, 2**31 - 1)


def _saved(model: dict[str, list[int]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    words = list(model)
    bounds = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum([len(model[w]) for w in words], out=bounds[1:])
    entries = np.array([e for w in words for e in model[w]], dtype=np.int32)
    return words, bounds, entries


@given(
    before=st.lists(st.tuples(_WORDS, _ENTRY)),
    saved=st.dictionaries(_WORDS, st.lists(_ENTRY, min_size=1) | st.lists(st.integers(0, 9))),
    after=st.lists(st.tuples(_WORDS, _ENTRY)),
    piece=st.integers(1, 7),
)
def test_postings_hold_what_was_saved_then_what_was_added(
    before: list[tuple[str, int]],
    saved: dict[str, list[int]],
    after: list[tuple[str, int]],
    piece: int,
) -> None:
    """Saved whole or in pieces of `piece` words (packed, and decoded for `flat`, a piece
    at a time)."""
    postings = Postings()
    added: dict[str, list[int]] = {}
    for word, entry in before:
        assert postings.add(word, entry) == (word not in added)
        added.setdefault(word, []).append(entry)
    words, bounds, entries = _saved(saved)
    pieces = [
        (
            first,
            min(first + piece, len(words)),
            entries[bounds[first] : bounds[min(first + piece, len(words))]],
        )
        for first in range(0, len(words), piece)
    ]
    postings.set_saved(words, bounds, entries if piece == 7 else iter(pieces))
    for word, entry in after:
        assert postings.add(word, entry) == (word not in added and word not in saved)
        added.setdefault(word, []).append(entry)
    model = {w: saved.get(w, []) + added.get(w, []) for w in {*saved, *added}}
    assert sorted(postings) == sorted(model) and len(postings) == len(model)
    for word, entries in model.items():
        assert word in postings
        assert postings.entries(word).tolist() == entries
        assert postings.count(word) == len(entries)
    assert "absent" not in postings and postings.count("absent") == 0
    assert postings.entries("absent").size == 0
    words, counts, flat = postings.flat()
    new = [word for word in added if word not in saved]
    assert words == [*saved, *new]  # as saved, then the others
    assert list(postings) == [*sorted(saved), *new]
    assert postings.sorted_words() == sorted(model)
    assert flat.dtype == np.int32
    assert flat.tolist() == [e for w in words for e in model[w]]
    assert counts.tolist() == [len(model[w]) for w in words]


def test_saved_postings_are_taken_once() -> None:
    postings = Postings()
    postings.set_saved(["a"], np.array([0, 1]), np.array([8], dtype=np.int32))
    with pytest.raises(ValueError):
        postings.set_saved(["b"], np.array([0, 1]), np.array([8], dtype=np.int32))


def test_saved_postings_that_fail_while_read_leave_none_taken() -> None:
    """An error raised by the pieces (a damaged file found while reading) leaves the
    postings as they were; pieces that do not follow their words are refused."""
    postings = Postings()
    postings.add("b", 3)

    def failing() -> Iterator[Piece]:
        yield 0, 1, np.array([8, 9], dtype=np.int32)
        raise IndexFileError("damaged")

    bounds = np.array([0, 2, 3])
    with pytest.raises(IndexFileError):
        postings.set_saved(["a", "b"], bounds, failing())
    assert list(postings) == ["b"] and postings.entries("b").tolist() == [3]
    with pytest.raises(ValueError):
        postings.set_saved(["a", "b"], bounds, iter([(1, 2, np.array([5], dtype=np.int32))]))
    postings.set_saved(["a", "b"], bounds, np.array([8, 9, 70_000], dtype=np.int32))
    assert postings.entries("b").tolist() == [70_000, 3]
