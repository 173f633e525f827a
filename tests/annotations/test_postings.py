"""Postings: saved entries in one array, added ones after them, against a plain model."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotations.postings import Postings

_WORDS = st.sampled_from(["clinton", "trump", "fed", "rates", "é", "a"])


def _saved(model: dict[str, list[int]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    words = list(model)
    bounds = np.zeros(len(words) + 1, dtype=np.int64)
    np.cumsum([len(model[w]) for w in words], out=bounds[1:])
    entries = np.array([e for w in words for e in model[w]], dtype=np.int32)
    return words, bounds, entries


@given(
    before=st.lists(st.tuples(_WORDS, st.integers(0, 1000))),
    saved=st.dictionaries(_WORDS, st.lists(st.integers(0, 1000), min_size=1)),
    after=st.lists(st.tuples(_WORDS, st.integers(0, 1000))),
)
def test_postings_hold_what_was_saved_then_what_was_added(
    before: list[tuple[str, int]], saved: dict[str, list[int]], after: list[tuple[str, int]]
) -> None:
    postings = Postings()
    added: dict[str, list[int]] = {}
    for word, entry in before:
        assert postings.add(word, entry) == (word not in added)
        added.setdefault(word, []).append(entry)
    postings.set_saved(*_saved(saved))
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
    assert words == list(postings)
    assert flat.dtype == np.int32
    assert flat.tolist() == [e for w in words for e in model[w]]
    assert counts.tolist() == [len(model[w]) for w in words]


def test_saved_postings_are_taken_once() -> None:
    postings = Postings()
    postings.set_saved(["a"], np.array([0, 1]), np.array([8], dtype=np.int32))
    with pytest.raises(ValueError):
        postings.set_saved(["b"], np.array([0, 1]), np.array([8], dtype=np.int32))
