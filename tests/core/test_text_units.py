"""Positions counted in code points and in UTF-16 code units, and converted between them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text_units import (
    CODEPOINTS,
    UTF16,
    Offsets,
    codepoint_to_utf16,
    utf16_to_codepoint,
)

# 😀 (U+1F600) and 𠮷 (U+20BB7, CJK Extension B) are two UTF-16 units each; é and 漢 one.
TEXT = "a😀b 漢𠮷 é👨‍👩‍👧!"

# Text with many characters above U+FFFF, and some below.
texts = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=["Cs"]),
        st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]),
    ),
    max_size=60,
)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_an_emoji_or_cjk_extension_b_character_counts_two_utf16_units() -> None:
    assert codepoint_to_utf16(TEXT, 1) == 1  # before 😀
    assert codepoint_to_utf16(TEXT, 2) == 3  # after it
    assert codepoint_to_utf16(TEXT, 6) == 8  # after 𠮷 too
    assert codepoint_to_utf16(TEXT, len(TEXT)) == _utf16_length(TEXT)
    assert utf16_to_codepoint(TEXT, 8) == 6


def test_a_utf16_position_inside_a_surrogate_pair_is_refused() -> None:
    with pytest.raises(ValueError, match="surrogate pair"):
        utf16_to_codepoint(TEXT, 2)  # between the halves of 😀


def test_positions_past_the_end_are_refused_in_either_unit() -> None:
    table = Offsets(TEXT)
    with pytest.raises(ValueError, match="outside"):
        table.to_utf16(len(TEXT) + 1)
    with pytest.raises(ValueError, match="outside"):
        table.to_codepoint(_utf16_length(TEXT) + 1)
    with pytest.raises(ValueError, match="outside"):
        table.convert(len(TEXT) + 1, CODEPOINTS, CODEPOINTS)


def test_text_without_astral_characters_counts_the_same_in_both_units() -> None:
    table = Offsets("Café “quoted” 漢字")
    assert not table.has_astral
    assert [table.to_utf16(i) for i in range(17)] == list(range(17))


@given(texts, st.data())
def test_code_point_to_utf16_and_back_is_the_same_position(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    units = codepoint_to_utf16(text, offset)
    assert units == _utf16_length(text[:offset])  # what Qt, .NET and JavaScript count
    assert utf16_to_codepoint(text, units) == offset


@given(texts, st.data())
def test_every_utf16_boundary_converts_back_to_the_same_boundary(
    text: str, data: st.DataObject
) -> None:
    units = data.draw(st.integers(0, _utf16_length(text)))
    encoded = text.encode("utf-16-le")
    table = Offsets(text)
    try:
        offset = table.convert(units, UTF16, CODEPOINTS)
    except ValueError:  # only inside a surrogate pair: a low surrogate follows
        assert 0xDC00 <= int.from_bytes(encoded[2 * units : 2 * units + 2], "little") <= 0xDFFF
        return
    assert _utf16_length(text[:offset]) == units
    assert table.convert(offset, CODEPOINTS, UTF16) == units


@given(texts, st.data())
def test_a_utf16_span_holds_the_same_text_as_its_code_point_span(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    first, last = codepoint_to_utf16(text, start), codepoint_to_utf16(text, end)
    assert text.encode("utf-16-le")[2 * first : 2 * last].decode("utf-16-le") == text[start:end]
