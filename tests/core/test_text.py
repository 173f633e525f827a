"""Normalising, paragraphs, sentences and quotation spans."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text import (
    Span,
    TextStructure,
    curly_marks,
    normalise,
    paragraphs,
    quotation_at,
    quotations,
    sentences,
)
from tests.helpers.paths import ROOT, SAMPLES, gold_nonquotes, gold_quotes


def inner_texts(text: str) -> list[str]:
    return [text[q.inner.start : q.inner.end] for q in quotations(text)]


# --- normalising ---


def test_line_endings_become_newlines() -> None:
    assert normalise("a\r\nb\rc\u2028d") == "a\nb\nc\nd"


def test_escape_sequences_and_controls_are_removed() -> None:
    raw = "red \x1b[31mtext\x1b[0m, title \x1b]0;pwned\x07, link \x1b]8;;http://x\x1b\\y\x1b]8;;\x1b\\ nul\x00 bell\x07"
    assert normalise(raw) == "red text, title , link y nul bell"


def test_an_unterminated_escape_string_takes_no_text_with_it() -> None:
    # A stray 8-bit OSC (U+009D) or an OSC never ended removed the rest of the article.
    assert normalise("Before \x9d after.\nNext line.") == "Before  after.\nNext line."
    assert normalise("Keep \x1b]0;title and the rest") == "Keep 0;title and the rest"
    assert normalise("Keep \x1bP never ended\nline") == "Keep  never ended\nline"


@given(st.text(alphabet="ab \n\x1b\x9d\x07\x9c]P\\"))
def test_removing_escapes_never_removes_a_line_or_many_letters(raw: str) -> None:
    text = normalise(raw)
    assert text.count("\n") == raw.count("\n")


def test_markup_like_text_is_kept_literally() -> None:
    assert normalise("[bold]x[/] [@click=app.quit]y[/]") == "[bold]x[/] [@click=app.quit]y[/]"


def test_bidi_overrides_are_removed_but_letters_kept() -> None:
    assert normalise("abc\u202edef\u2066שלום") == "abcdefשלום"


@given(st.text())
def test_normalised_text_has_no_control_characters(raw: str) -> None:
    text = normalise(raw)
    assert all(ch == "\n" or ch >= " " for ch in text if ord(ch) < 0xA0 and ch != "\x7f")
    assert "\x1b" not in text and "\r" not in text
    assert normalise(text) == text


# --- paragraphs and sentences ---


def test_paragraphs_split_on_blank_lines_and_trim() -> None:
    text = "Title\n\n  First para\nstill first.\n \n\n\nSecond.\n"
    spans = paragraphs(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Title",
        "First para\nstill first.",
        "Second.",
    ]


def test_lines_that_are_paragraphs_are_paragraphs_without_a_blank_line_between() -> None:
    """Pages and extractors often put one line break between paragraphs: a block whose
    lines each end a sentence, or one of whose lines no one wrapped by hand, is a
    paragraph a line."""
    story = (
        "Headline of the story\n"
        + "The council met on Monday to decide on the budget, and the vote was close. " * 3
        + "\nThe mayor spoke first.\nShe said little."
    )
    assert [story[s.start : s.end][:22] for s in paragraphs(story)] == [
        "Headline of the story",
        "The council met on Mon",
        "The mayor spoke first.",
        "She said little.",
    ]
    short = "One line ends here.\n“Another,” she said.\nAnd a third line."
    assert len(paragraphs(short)) == 3
    titled = "Council agrees budget\nThe council met on Monday.\n“We listened,” she said.\nNo."
    assert len(paragraphs(titled)) == 4  # (a heading on the first line, ending nothing)


def test_prose_wrapped_by_hand_stays_one_paragraph() -> None:
    wrapped = (
        "The council met on Monday to decide on the budget, and the\n"
        "vote was close: six to five, after a debate that ran past\n"
        "midnight.\n\nNext."
    )
    assert [wrapped[s.start : s.end][:9] for s in paragraphs(wrapped)] == ["The counc", "Next."]
    address = "Jane Roe\n12 High Street\nSpringfield"
    assert len(paragraphs(address)) == 1


def test_a_quotation_carried_over_lines_that_are_paragraphs_is_one_span() -> None:
    """Straight marks, a single line break between paragraphs: the next paragraph's mark
    reopens the quotation, it does not close it (which paired every mark after it the
    wrong way round)."""
    text = (
        '"There is a lot to work through. I feel let down, and he is his grandson.\n'
        '"But at the same time, I love him," Harry said, adding that it was "a start."\n'
    )
    found = [text[q.inner.start : q.inner.end] for q in quotations(text)]
    assert found == [
        "There is a lot to work through. I feel let down, and he is his grandson.\n"
        '"But at the same time, I love him,',
        "a start.",
    ]


def test_sentences_know_abbreviations() -> None:
    text = "Sen. John Smith met Dr. Jones in the U.S. capital on Monday. They talked.\n\nNext para."
    found = [text[s.start : s.end] for s in sentences(text)]
    assert found == [
        "Sen. John Smith met Dr. Jones in the U.S. capital on Monday.",
        "They talked.",
        "Next para.",
    ]


def test_a_party_and_state_after_a_name_stays_inside_its_sentence() -> None:
    # "Sen. Chuck Schumer, D-N.Y., said" had been split after "D-N.", and the quote finder
    # read "Y" as the speaker (basil-quotes-3: "C" of "R-S.C." twice)
    text = "Sen. Chuck Schumer, D-N.Y., said so. Sen. Lindsey Graham, R-S.C., agreed. He left."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "Sen. Chuck Schumer, D-N.Y., said so.",
        "Sen. Lindsey Graham, R-S.C., agreed.",
        "He left.",
    ]


def test_straight_marks_are_read_as_the_quotations_pair_them() -> None:
    # A quotation carried into the next paragraph of copy flattened into one ("… play him?
    # "Juninho is …") leaves a straight mark over; the splitter, pairing straight marks one
    # after another, then read what followed as quoted and split none of it: the quote
    # finder read "Sanchez … website. Celtic manager O'Neill is no respecter …" as one
    # sentence, and gave O'Neill's "he said" to Sanchez (bbc-quotes-7)
    text = (
        '"He wants to play, but does the manager want him? "He deserves respect." Sanchez '
        'is bullish. "We have spoken with him," Sanchez told the website. Manager Martin '
        'O\'Neill is no respecter of reputations. "The onus is on him," he said.'
    )
    found = [text[s.start : s.end] for s in TextStructure(text).sentences]
    assert "Manager Martin O'Neill is no respecter of reputations." in found
    assert '"The onus is on him," he said.' in found
    # (a quotation's own sentences stay together, as the splitter keeps them)
    paired = 'She said "I came. I saw," and left. We went home.'
    assert [paired[s.start : s.end] for s in TextStructure(paired).sentences] == [
        'She said "I came. I saw," and left.',
        "We went home.",
    ]


def test_sentences_never_cross_paragraphs() -> None:
    text = "One without a stop\n\nTwo."
    assert [text[s.start : s.end] for s in sentences(text)] == ["One without a stop", "Two."]


# --- quotations ---


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_hand_labelled_quotation_span_is_found(sample) -> None:  # type: ignore[no-untyped-def]
    text = sample.read_text(encoding="utf-8")
    found = {(q.inner.start, q.inner.end) for q in quotations(text)}
    labelled = gold_quotes(sample.name) + gold_nonquotes(sample.name)
    assert {(g["start"], g["end"]) for g in labelled} <= found
    assert len(found) == len(labelled)


def test_curly_quotes() -> None:
    assert inner_texts("He said “we are ready,” and left.") == ["we are ready,"]


def test_an_opening_curly_mark_glued_to_a_full_stop_still_opens_before_a_bracket() -> None:
    text = "as reported by Inverse.“[Reuse is] really a tremendous capability,” he said."
    assert inner_texts(text) == ["[Reuse is] really a tremendous capability,"]
    # typed the wrong way round, it closes: `decision.“ However`
    assert inner_texts("“We made the decision.“ However, he left.") == ["We made the decision."]


def test_straight_quotes() -> None:
    assert inner_texts('He said "we are ready," and left.') == ["we are ready,"]


def test_two_apostrophes_are_a_double_quote() -> None:
    # The New York Times' archive copy: `''` opens and closes, `'` nests, apostrophes stay.
    text = "''We won't 'settle,' '' Mr. O'Brien said. ''It's over.'' The Smiths'' '90s."
    assert inner_texts(text) == ["We won't 'settle,'", "It's over."]
    text = "''He said 'no.''' And ''I'm 'done.'''"
    assert inner_texts(text) == ["He said 'no.'", "I'm 'done.'"]


def test_quotation_over_paragraphs_with_two_apostrophes() -> None:
    text = "''First paragraph.\n\n''Second, closing,'' she said."
    assert inner_texts(text) == ["First paragraph.\n\n''Second, closing,"]


def test_curly_marks_rewrite_doubled_marks_in_place() -> None:
    text = "''Yes,'' he said, ‘‘no’’ and 'fine'."
    rewritten = curly_marks(text, quotations(text))
    assert rewritten == "“ Yes, ” he said, “ no ” and 'fine'."
    assert curly_marks("“Plain.”", quotations("“Plain.”")) == "“Plain.”"


def test_apostrophes_never_open_or_close() -> None:
    text = "Canada’s agents don’t carry firearms since the ’90s, it's said. “Yes,” she said."
    assert inner_texts(text) == ["Yes,"]


def test_interrupted_quotation_is_two_spans() -> None:
    text = "“Foo,” she said, “bar.”"
    assert inner_texts(text) == ["Foo,", "bar."]


def test_quotation_over_paragraphs_is_one_span() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph, closing.”\n\nAfter."
    assert inner_texts(text) == ["First paragraph of the quote.\n\n“Second paragraph, closing."]


def test_a_quotation_carries_on_only_into_a_paragraph_opened_by_a_mark_of_its_style() -> None:
    text = '"The book, quoted, never closed.\n\n“My own words,” she said.\n\nAfter.'
    quotes = quotations(text)
    assert [text[q.inner.start : q.inner.end] for q in quotes] == [
        "The book, quoted, never closed.",
        "My own words,",
    ]
    assert [q.closed for q in quotes] == [False, True]


def test_a_straight_mark_that_ends_its_paragraph_opens_nothing() -> None:
    # A mismatched pair ("…” closed by a curly mark) leaves the paragraph's last mark alone:
    # it must not open onto the next paragraph's quotation.
    text = 'Asked: "Is it so?” Yes, said most; no, said some."\n\n“It is in their heads,” he said.'
    assert inner_texts(text) == ["Is it so?", "It is in their heads,"]


def test_single_quotes_nested_in_double_belong_to_it() -> None:
    text = "“He called it ‘a mess’ yesterday,” she said."
    assert inner_texts(text) == ["He called it ‘a mess’ yesterday,"]


def test_top_level_single_quotes_are_found() -> None:
    text = "North Korea puts military in 'quasi-state of war'"
    assert inner_texts(text) == ["quasi-state of war"]


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "“Never closed here.\n\nA new paragraph with “a quote” inside."
    quotes = quotations(text)
    assert [text[q.inner.start : q.inner.end] for q in quotes] == ["Never closed here.", "a quote"]
    assert [q.closed for q in quotes] == [False, True]


def test_stray_apostrophe_does_not_swallow_double_quotes() -> None:
    text = "Rock 'n roll, 'cause \"it works,\" he said."
    assert "it works," in inner_texts(text)


def test_quotation_at_finds_the_enclosing_quote() -> None:
    text = "Before “inside the quote” after."
    quotes = quotations(text)
    assert quotation_at(quotes, text.index("inside")) == quotes[0]
    assert quotation_at(quotes, text.index("“")) == quotes[0]
    assert quotation_at(quotes, text.index("after")) is None


@given(st.text(alphabet="ab “”\"'’‘\n", max_size=200))
def test_quotation_spans_are_ordered_and_inside_the_text(raw: str) -> None:
    text = normalise(raw)
    previous_end = -1
    for quote in quotations(text):
        assert 0 <= quote.outer.start <= quote.inner.start < quote.inner.end <= quote.outer.end
        assert quote.outer.end <= len(text)
        assert quote.outer.start >= previous_end
        previous_end = quote.outer.end


def test_structure_computes_on_demand() -> None:
    structure = TextStructure("Title\n\nOne. Two.")
    assert structure.paragraphs == [Span(0, 5), Span(7, 16)]
    assert len(structure.sentences) == 3
    assert structure.quotations == []


def test_many_quote_marks_on_one_line_are_scanned_in_linear_time() -> None:
    # 60,000 double and 60,000 single quotations on one line: comparing every pair took
    # minutes; now each single is placed among the doubles by a binary search.
    text = "He said \"yes\" and it was 'fine' then. " * 60_000
    started = time.perf_counter()
    found = quotations(text)
    assert len(found) == 120_000
    assert time.perf_counter() - started < 10


def test_no_abbreviation_the_quote_finder_knows_ends_a_sentence() -> None:
    known = (ROOT / "reader/quotes/data/abbreviations.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in known.splitlines() if not line.startswith("#")]
    for abbreviation in filter(None, lines):
        text = f"Roe lives in Sault {abbreviation}. Marie now. She left."
        assert [text[s.start : s.end] for s in sentences(text)] == [
            f"Roe lives in Sault {abbreviation}. Marie now.",
            "She left.",
        ], abbreviation


def test_a_splitter_miss_is_found_from_the_end_as_a_search_of_the_whole_piece_finds_it() -> None:
    from reader.core.text import _SPLITTER_MISS_WORDS, _SPLITTER_MISSES, _ends_in_splitter_miss

    pieces = [
        lead + word + stop + tail
        for lead, word, stop, tail in itertools.product(
            ["", " ", "x", ".", "Sault ", "a b\n"],
            [*_SPLITTER_MISS_WORDS, "Sen", "s"],
            ["", ".", ".."],
            ["", " ", "\n", " \n", "\u00a0", "\n\n ", " x", "\u2003"],
        )
    ]
    for piece in pieces:
        assert _ends_in_splitter_miss(piece) == bool(_SPLITTER_MISSES.search(piece)), piece


def test_a_span_is_trimmed_of_what_isspace_calls_white_space() -> None:
    text = "\u00a0\u2003 One.\u3000\n\n \x85Two \u2028\n\n\t\u00a0"
    assert [text[s.start : s.end] for s in paragraphs(text)] == ["One.", "Two"]


def test_a_paragraph_longer_than_the_splitter_window_is_split_in_windows_that_add_up() -> None:
    from reader.core.text import _SEGMENT_CHARS

    para = "This is a sentence of some words. " * (3 * _SEGMENT_CHARS // 34)
    spans = sentences(para)
    assert spans[0].start == 0 and spans[-1].end == len(para.rstrip())
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert sum(
        para[s.start : s.end] == "This is a sentence of some words." for s in spans
    ) > 0.9 * len(spans)


def test_a_shown_name_escapes_every_line_break_unicode_knows() -> None:
    from reader.core.text import shown_name

    assert shown_name("a\x85b\u2028c\nd") == '"a\\u0085b\\u2028c\\nd"'
    assert len(shown_name("a\x85b\u2028c\nd").splitlines()) == 1


def test_counts_are_singular_for_exactly_one() -> None:
    from reader.core.wording import plural

    assert plural(1, "theme") == "1 theme"
    assert plural(0, "source") == "0 sources"
    assert plural(2, "match", "matches") == "2 matches"
    assert plural(1200, "annotation", digits=",") == "1,200 annotations"
