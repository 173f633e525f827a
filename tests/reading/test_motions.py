"""Cursor motions over an article's structure and layout."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text import TextStructure
from reader.reading import motions
from reader.reading.graphemes import graphemes, run_start
from reader.reading.layout import Layout

TEXT = "Headline here\n\nFirst sentence. Second one! Third?\n\n“A quote,” she said. Last."


def structure() -> TextStructure:
    return TextStructure(TEXT)


def at(word: str) -> int:
    return TEXT.index(word)


def test_sentence_motions_follow_vim() -> None:
    s = structure()
    assert motions.sentence_next(s, at("First")) == at("Second")
    assert motions.sentence_next(s, at("Third")) == at("“A quote")
    assert motions.sentence_previous(s, at("one!")) == at("Second")
    assert motions.sentence_previous(s, at("Second")) == at("First")


def test_paragraph_motions() -> None:
    s = structure()
    assert motions.paragraph_next(s, 0) == at("First")
    assert motions.paragraph_previous(s, at("Third")) == at("First")
    assert motions.paragraph_previous(s, at("First")) == 0
    assert motions.paragraph_next(s, at("Last")) == at("Last")  # nowhere further


def test_top_and_bottom() -> None:
    s = structure()
    assert motions.top(s) == 0
    assert motions.bottom(s) == len(TEXT) - 1


def test_char_moves_skip_the_gap_between_paragraphs() -> None:
    s = structure()
    end_of_headline = at("here") + 3
    assert motions.char_right(s, end_of_headline) == at("First")
    assert motions.char_left(s, at("First")) == end_of_headline


def test_char_moves_keep_combining_marks_with_their_letter() -> None:
    text = "Title\n\nCafe\u0301 ok"
    s = TextStructure(text)
    e = text.index("e\u0301")
    assert motions.char_right(s, e) == e + 2
    assert motions.char_left(s, e + 2) == e
    assert motions.grapheme_end(text, e) == e + 2


def test_a_flag_is_one_stop_for_the_cursor_and_one_cell_on_its_line() -> None:
    # a flag is two regional indicator letters; the cursor stopped between them, and a
    # selection ending there saved "beta 🇨" (a tester's attack)
    text = "Title\n\nbeta \U0001f1e8\U0001f1e6\U0001f1fa\U0001f1f8 gamma"
    s = TextStructure(text)
    canada = text.index("\U0001f1e8")
    assert motions.char_right(s, canada) == canada + 2  # on to the next flag, whole
    assert motions.char_right(s, canada + 2) == canada + 4
    assert motions.char_left(s, canada + 2) == canada
    assert motions.grapheme_start(text, canada + 1) == canada
    assert motions.grapheme_start(text, canada + 3) == canada + 2
    assert motions.grapheme_end(text, canada) == canada + 2
    assert motions.clamp(s, canada + 3) == canada + 2
    layout = Layout(text, s.paragraphs, 40)
    cells = layout.cells(layout.line_of(canada))
    flags = [(c.start, c.end, c.width) for c in cells if c.start >= canada and c.end <= canada + 4]
    assert flags == [(canada, canada + 2, 2), (canada + 2, canada + 4, 2)]
    assert layout.offset_at(layout.line_of(canada), layout.column_of(canada) + 1) == canada


def test_word_moves() -> None:
    s = structure()
    assert motions.word_right(s, at("First")) == at("sentence")
    assert motions.word_left(s, at("sentence")) == at("First")


def test_line_moves_keep_the_column_and_skip_blank_lines() -> None:
    s = structure()
    layout = Layout(TEXT, s.paragraphs, 20)
    down = motions.line_move(layout, 3, 3, 1)
    assert layout.line_of(down) == 2  # line 1 is the blank after the headline
    assert down == at("First") + 3
    assert motions.line_move(layout, down, 3, -1) == 3
    last = motions.line_move(layout, 0, 0, 999)
    assert layout.line_of(last) == len(layout) - 1


def test_clamp_puts_the_cursor_inside_a_paragraph() -> None:
    s = structure()
    gap = at("here") + 5
    assert motions.clamp(s, gap) == at("First")
    assert motions.clamp(s, 10_000) == len(TEXT) - 1
    assert motions.clamp(s, -3) == 0


def test_next_and_previous_of_sorted_starts() -> None:
    starts = [10, 20, 30]
    assert motions.next_of(starts, 10) == 20
    assert motions.next_of(starts, 30) is None
    assert motions.previous_of(starts, 20) == 10
    assert motions.previous_of(starts, 10) is None


def test_a_selection_ends_before_the_sentence_a_motion_reached() -> None:
    s = structure()

    def selected(anchor: str, cursor: str) -> str:
        span = motions.selected(s, at(anchor), at(cursor))
        return TEXT[span.start : span.end]

    assert selected("First", "Second") == "First sentence."
    assert selected("First", "“A quote") == "First sentence. Second one! Third?"
    assert selected("First", "sentence") == "First s"  # inside a sentence both ends count


def test_word_end_goes_to_the_last_letter_of_this_word_or_the_next() -> None:
    s = structure()
    assert motions.word_end(s, at("First")) == at("First") + 4
    assert motions.word_end(s, at("First") + 4) == at("sentence") + 7


def test_a_long_run_of_flags_pairs_its_letters_from_the_runs_start() -> None:
    # 70 flags in a row: cut from a fixed reach back, their letters paired the wrong way
    # from about the 57th on, and `v h h` selected "🇧 y" (an attack on the first mend)
    letters = "".join(chr(0x1F1E6 + i % 26) for i in range(140))
    text = f"Title\n\nx {letters} y"
    first = text.index(letters)
    for offset in range(first, first + len(letters)):
        assert (motions.grapheme_start(text, offset) - first) % 2 == 0
    assert motions.grapheme_end(text, first + 138) == first + 140


@given(
    before=st.text(alphabet="ab é\U0001f1e6\U0001f1e8", max_size=8),
    run=st.integers(min_value=0, max_value=700),
    probe=st.integers(min_value=0, max_value=720),
)
def test_a_run_of_flag_letters_of_any_length_pairs_as_the_whole_text_does(
    before: str, run: int, probe: int
) -> None:
    """A motion near the end of a run of a million letters read the whole run, twice: 1.5 s
    a key (an attacker's finding). The window starts at a pair's start within reach, read
    back in pieces, and pairs as the whole text does."""
    letters = "".join(chr(0x1F1E6 + i % 26) for i in range(run))
    text = f"Title\n\n{before}{letters} y"
    offset = min(len(text) - 1, len("Title\n\n") + probe)
    whole = [(first, last) for first, last, _ in graphemes(text)]
    expected = next(first for first, last in whole if first <= offset < last)
    assert motions.grapheme_start(text, offset) == expected
    start = len("Title\n\n") + len(before.rstrip("\U0001f1e6\U0001f1e8"))
    assert run_start(text, len(text) - 2) == start  # (read back in pieces)


def test_a_motion_deep_in_a_long_run_of_flag_letters_reads_a_window_not_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At the end of a run of 200,000 letters, the window of text a motion splits into
    graphemes is its reach, not the run (it was the whole run: seconds a key at a million)."""
    letters = "".join(chr(0x1F1E6 + i % 26) for i in range(200_000))
    text = f"Title\n\n{letters} y"
    read: list[int] = []

    def measured(window: str) -> list[tuple[int, int, int]]:
        read.append(len(window))
        return graphemes(window)

    monkeypatch.setattr(motions, "graphemes", measured)
    assert (motions.grapheme_start(text, len(text) - 3) - len("Title\n\n")) % 2 == 0
    assert max(read) <= motions._REACH + 2
