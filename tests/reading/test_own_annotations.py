"""Whose annotation a key may change, and what tagging the same span and source again makes."""

from __future__ import annotations

from reader.core.records import QUOTATION, new_annotation
from reader.reading.own_annotations import is_own, merged, same_tag

TEXT = "“We will not move,” the mayor said."


def test_a_teammates_annotation_is_not_yours_but_an_unnamed_one_is() -> None:
    bob = new_annotation(1, TEXT, 1, 17, source="Mayor", coder="bob")
    old = new_annotation(1, TEXT, 1, 17, source="Mayor", coder="")
    assert not is_own(bob, "alice") and is_own(bob, "bob") and is_own(old, "alice")


def test_the_same_tag_is_the_same_span_and_source_whatever_the_case() -> None:
    first = new_annotation(1, TEXT, 1, 17, source="Mayor", coder="alice")
    other = new_annotation(1, TEXT, 1, 18, source="Mayor", coder="alice")
    assert same_tag([first, other], 1, 17, "mayor") == [first]
    assert same_tag([first], 1, 17, "Council") == []


def test_tagging_again_adds_themes_and_note_to_the_one_there() -> None:
    first = new_annotation(1, TEXT, 1, 17, source="Mayor", themes=["housing"], note="first")
    after = merged(first, ["transit", "housing"], "second", QUOTATION, "alice")
    assert after.id == first.id
    assert after.themes == ("housing", "transit")
    assert after.note == "first\n\nsecond" and after.coder == "alice"
    assert merged(after, [], "second", QUOTATION, "alice").note == after.note
