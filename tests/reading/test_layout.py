"""Wrapping text into screen lines and mapping offsets to cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.core.text import normalise, paragraphs
from reader.reading.layout import BLANK, BODY, HEADLINE, Layout


def lines(text: str, width: int) -> list[str]:
    layout = Layout(text, paragraphs(text), width)
    return [layout.display(i) for i in range(len(layout))]


def test_words_wrap_at_the_width_and_paragraphs_get_a_blank_line() -> None:
    assert lines("one two three four\n\nfive", 9) == ["one two ", "three ", "four", "", "five"]


def test_single_newlines_inside_a_paragraph_reflow() -> None:
    assert lines("one\ntwo", 20) == ["one two"]


def test_long_words_are_split() -> None:
    assert lines("abcdefghijkl", 8) == ["abcdefgh", "ijkl"]


def test_wide_characters_take_two_cells() -> None:
    shown = lines("東京 東京 東京 東京 東京", 10)
    assert all(cell_len(line.rstrip()) <= 10 for line in shown)
    assert len(shown) == 3


def test_headline_lines_are_marked() -> None:
    text = "A headline that wraps\n\nBody"
    layout = Layout(text, paragraphs(text), 10, headline=0)
    assert [layout.kinds[i] for i in range(len(layout))] == [HEADLINE, HEADLINE, BLANK, BODY]


def test_offsets_map_to_columns_and_back() -> None:
    text = "“Voilà,” 東京 said."
    layout = Layout(text, paragraphs(text), 40)
    tokyo = text.index("東")
    assert layout.column_of(tokyo) == 9
    assert layout.offset_at(0, 9) == tokyo
    assert layout.offset_at(0, 10) == tokyo  # the second cell of a wide character
    assert layout.offset_at(0, 99) == len(text) - 1


@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300),
    st.integers(8, 40),
)
def test_every_character_of_a_paragraph_is_on_exactly_one_line(raw: str, width: int) -> None:
    text = normalise(raw)
    paras = paragraphs(text)
    layout = Layout(text, paras, width)
    covered = []
    for i in range(len(layout)):
        if layout.kinds[i] != BLANK:
            covered.extend(range(layout.starts[i], layout.ends[i]))
    expected = [o for p in paras for o in range(p.start, p.end)]
    assert covered == expected
    for para in paras:
        for offset in (para.start, para.end - 1):
            line = layout.line_of(offset)
            assert layout.starts[line] <= offset < layout.ends[line]
