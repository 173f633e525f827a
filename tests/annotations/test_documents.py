"""The index's table of annotations: an id's number, found through the table sorted by
the ids' hashes and the dict of those numbered since, is always the number a plain dict
would give, whatever the order of adds, removes and re-adds, and when ids' hashes collide."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotations import documents
from reader.annotations.documents import COLUMNS, Documents
from reader.core.records import Annotation


def _annotation(key: str) -> Annotation:
    return Annotation(id=key, article_id=1, start=0, end=1, quote="q")


_steps = st.lists(
    st.tuples(st.sampled_from(["add", "remove", "extend"]), st.integers(0, 60)), max_size=300
)


def _check(steps: list[tuple[str, int]]) -> None:
    docs = Documents()
    model: dict[str, int] = {}
    for action, which in steps:
        key = f"id {which}"
        if action == "add":
            if key in model:
                docs.remove(key)
            model[key] = docs.add(_annotation(key), 0)
        elif action == "remove":
            assert docs.remove(key) == model.pop(key, None)
        else:  # saved rows taken at once, one of them gone since
            rows = [None if key in model else _annotation(key), None]
            base = docs.extend(
                rows,
                np.zeros(2, dtype=np.uint32),
                {name: np.zeros(2, dtype=np.int64) for name in COLUMNS},
            )
            if key not in model:
                model[key] = base
        assert docs.count == len(model)
        for other in range(61):
            assert docs.number(f"id {other}") == model.get(f"id {other}")
            assert (f"id {other}" in docs) == (f"id {other}" in model)
    asked = [a for a in docs.annotations if a is not None] + [_annotation("id 0")]
    assert docs.held(asked).tolist() == [True] * (len(asked) - 1) + [False]


@settings(max_examples=60, deadline=None)
@given(steps=_steps)
def test_numbers_are_a_dicts(steps: list[tuple[str, int]]) -> None:
    _check(steps)


@settings(max_examples=60, deadline=None)
@given(steps=_steps)
def test_numbers_are_a_dicts_when_hashes_collide(steps: list[tuple[str, int]]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(documents, "_hash", lambda key: len(key) % 2)
        _check(steps)


def test_many_adds_are_sorted_into_the_table() -> None:
    docs = Documents()
    for number in range(5000):
        docs.add(_annotation(f"{number:032x}"), 0)
    assert len(docs._recent) < 5000  # sorted into the table as they come
    for number in range(0, 5000, 7):
        docs.remove(f"{number:032x}")
    assert all(docs.number(f"{n:032x}") == (None if n % 7 == 0 else n) for n in range(5000))
