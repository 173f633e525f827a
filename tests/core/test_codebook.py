"""Names, theme lists, colours and quick-theme slots."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.codebook import (
    PALETTE,
    clean_name,
    name_key,
    parse_themes,
    stable_slots,
    theme_colour,
    unique_names,
)
from reader.core.records import edited, new_annotation


def test_names_are_cleaned_and_compared_loosely() -> None:
    assert clean_name("  doug \t king ") == "doug king"
    assert clean_name("policing / oversight") == "policing/oversight"
    assert name_key("Doug  KING") == name_key("doug king")


def test_theme_lists_are_comma_separated_and_deduplicated() -> None:
    assert parse_themes("public safety, , Public Safety,policing/ oversight") == [
        "public safety",
        "policing/oversight",
    ]


def test_theme_colours_are_stable_and_children_share_the_parent_colour() -> None:
    assert theme_colour("Public Safety") == theme_colour("public safety") in PALETTE
    assert theme_colour("policing/oversight") == theme_colour("policing")
    assert theme_colour("x", chosen="#123456") == "#123456"


def test_quick_theme_slots_stay_put_while_themes_stay_in_the_top() -> None:
    assert stable_slots([], ["a", "b", "c"]) == ["a", "b", "c"]
    assert stable_slots(["a", "b", "c"], ["c", "b", "a"]) == ["a", "b", "c"]
    assert stable_slots(["a", "b", "c"], ["d", "a", "c"], size=3) == ["a", "d", "c"]


@given(
    st.lists(st.text(min_size=1, max_size=3), max_size=12),
    st.lists(st.text(min_size=1, max_size=3), max_size=12),
)
def test_quick_theme_slots_hold_exactly_the_top_themes(
    previous: list[str], ranked: list[str]
) -> None:
    ranked = unique_names(ranked)  # codebook names: cleaned, one per key
    previous = unique_names(previous)
    slots = stable_slots(previous, ranked, size=9)
    assert sorted(map(name_key, slots)) == sorted({name_key(t) for t in ranked[:9]})


def test_a_name_is_at_most_two_hundred_characters_and_twelve_levels() -> None:
    from reader.core.codebook import MAX_NAME_CHARS, MAX_THEME_DEPTH

    assert len(clean_name("word " * 100_000)) <= MAX_NAME_CHARS
    deep = clean_name("/".join(f"t{n}" for n in range(40_000)))
    assert deep.count("/") == MAX_THEME_DEPTH - 1 and deep.startswith("t0/t1/")
    assert clean_name("Doug King") == "Doug King"


def test_a_note_is_stored_without_escape_sequences_however_it_came() -> None:
    """A note pasted into the tag dialog or edited later keeps its words and lines, never a
    sequence that would clear a terminal or write its clipboard (sources, themes and coders
    were already kept so)."""
    text = "“Hello,” she said."
    note = "first line\x1b[2J\n\x1b]52;c;aGVsbG8=\x07second \u202eline\x0b"
    made = new_annotation(1, text, 0, 9, note=note)
    assert made.note == "first line\nsecond line"
    assert edited(made, note="\x1b[31mred\x1b[0m").note == "red"
