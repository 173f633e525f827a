"""The cleaning's search for blocks repeated inside the story: bounded, and as it always was.

A page of many short paragraphs had each one compared with every other (50,000: minutes).
The work is counted in lines of `reader.library.cleaning` run, never in seconds."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.library import cleaning
from reader.library.cleaning import MIN_REPEATED_WORDS, repeated_in_story
from reader.library.extraction import read_page, story
from reader.library.page_text import HEADING, PARAGRAPH, Block
from tests.helpers.work import lines_run

T = TypeVar("T")


def lines_of_cleaning(run: Callable[[], T], module: Any = cleaning) -> tuple[T, int]:
    """What `run` gives, and how many lines of `module` (`reader.library.cleaning`) it ran:
    the steps of the cleaning, whatever they are (comparing two blocks takes one or more)."""
    results: list[T] = []
    count = lines_run(module, lambda: results.append(run()))
    return results[0], count


_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa")


def _short_paragraph(number: int) -> str:
    pick = random.Random(number)
    return " ".join(f"{pick.choice(_GREEK)}{pick.randint(0, 999)}" for _ in range(8)) + "."


PARAGRAPHS = 2_000
# Reader's whole pass over a paragraph of 8 words runs about 170 lines (most of them reading
# its characters); every block against every other ran 8,000 a paragraph of 2,000.
LINES_PER_PARAGRAPH = 400


def test_a_page_of_many_short_paragraphs_is_cleaned_in_steps_that_grow_with_it() -> None:
    title = "A long story with many paragraphs"
    texts = [_short_paragraph(number) for number in range(PARAGRAPHS)]
    html = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(f"<p>{text}</p>" for text in texts)
        + "</article></body></html>"
    )
    page = read_page(html, "https://example.com/long")
    article, lines = lines_of_cleaning(lambda: story(page))
    assert [block.text for block in article.blocks] == texts  # none repeats another
    assert lines <= LINES_PER_PARAGRAPH * PARAGRAPHS, f"{lines / PARAGRAPHS:.0f} a paragraph"


def test_blocks_crafted_to_start_and_end_alike_are_searched_within_the_bound() -> None:
    # The first and the last words of every block alike, the words between them not: every
    # block is a candidate for every longer one, and none stands in another.
    first, last = "one two three four five six", "seven eight nine ten eleven twelve"
    blocks = [
        Block(PARAGRAPH, f"{first} {' '.join(f'w{n}x{k}' for k in range(1 + n % 10))} {last}")
        for n in range(2_000)
    ]
    words = sum(len(block.text.split()) for block in blocks)
    found, lines = lines_of_cleaning(lambda: repeated_in_story(blocks))
    assert found == set()
    # (about 12 lines a word; every block against every other: 460)
    assert lines <= 40 * words + 100_000, f"{lines / words:.0f} lines a word"


def _as_before(blocks: list[Block], spared: frozenset[int] = frozenset()) -> set[int]:
    """The rule as first written: each block against every other."""
    texts = [re.findall(r"\w+", block.text.casefold()) for block in blocks]
    spaced = [f" {' '.join(words)} " for words in texts]
    found: set[int] = set()
    for number, block_words in enumerate(texts):
        if number in spared or len(block_words) < MIN_REPEATED_WORDS:
            continue
        if not cleaning._prose(blocks[number].text):
            continue
        if any(
            other != number
            and len(texts[other]) > len(block_words)
            and spaced[number] in spaced[other]
            for other in range(len(texts))
        ):
            found.add(number)
    return found


def test_the_blocks_found_repeated_are_the_ones_every_other_block_would_give() -> None:
    # Stories of a few words often repeated, cut from one another and joined in other ways,
    # with the found blocks in the same order (the order the removals are listed in).
    pick = random.Random(56)
    repeating = 0
    for _ in range(3_000):
        vocabulary = pick.choice([["a", "b"], ["a", "B", "c"], ["x", "y", "z", "é", "w"]])
        blocks: list[Block] = []
        for _ in range(pick.choice([pick.randint(0, 12), pick.randint(20, 40)])):
            words = [pick.choice(vocabulary) for _ in range(pick.choice([1, 5, 6, 7, 8, 12]))]
            if blocks and pick.random() < 0.5:
                words = pick.choice(blocks).text.split()
                start = pick.randrange(len(words) + 1)
                words = words[start : pick.randint(start, len(words))]
            separator = pick.choice([" ", ", ", " - ", "\n", " | "])
            blocks.append(Block(pick.choice([PARAGRAPH, HEADING]), separator.join(words)))
        spared = frozenset(n for n in range(len(blocks)) if pick.random() < 0.1)
        expected = _as_before(blocks, spared)
        found = repeated_in_story(blocks, spared)
        assert found == expected and list(found) == list(expected), blocks
        repeating += bool(found)
    assert repeating > 300


def test_a_pull_quote_far_down_a_long_story_is_still_found() -> None:
    texts = [_short_paragraph(number) for number in range(PARAGRAPHS)]
    holder = f"{texts[1_900]} Then she said the council would decide in the spring."
    quote = "“The council would decide in the spring.”"
    blocks = [Block(PARAGRAPH, text) for text in texts] + [
        Block(PARAGRAPH, holder),
        Block(PARAGRAPH, quote),  # (its words: a part of the block above)
        Block(HEADING, "The council would decide in the spring"),  # a sub-headline: spared
        Block(PARAGRAPH, holder),  # the same block again: not inside a longer one
        Block(PARAGRAPH, "The council would decide"),  # under six words
    ]
    spared = frozenset({PARAGRAPHS + 2})
    assert repeated_in_story(blocks, spared) == {1_900, PARAGRAPHS + 1}
    assert repeated_in_story(blocks) == {1_900, PARAGRAPHS + 1, PARAGRAPHS + 2}


def test_a_page_of_many_captions_is_cleaned_in_steps_that_grow_with_it() -> None:
    """Each caption was looked for among the story's texts gathered again for it (captions
    x blocks): a gallery of thousands of pictures between as many paragraphs."""
    title = "A long story with many pictures"
    texts = [_short_paragraph(number) for number in range(PARAGRAPHS)]
    html = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(
            f"<p>{text}</p><figure><img src='{n}.jpg'><figcaption>Picture {n} of the "
            f"harbour at dawn, by a reader.</figcaption></figure>"
            for n, text in enumerate(texts)
        )
        + "</article></body></html>"
    )
    page = read_page(html, "https://example.com/pictures")
    article, lines = lines_of_cleaning(lambda: story(page))
    assert [block.text for block in article.blocks] == texts
    assert len(article.captions) == PARAGRAPHS
    assert lines <= LINES_PER_PARAGRAPH * PARAGRAPHS, f"{lines / PARAGRAPHS:.0f} a paragraph"


def test_captions_in_crafted_figures_are_read_in_steps_that_grow_with_the_page() -> None:
    """A figure of thousands of elements whose class says caption beside its figcaption
    (a first form looked for a figcaption in the whole figure for each: figure x elements), and a
    caption nested two hundred elements deep."""
    from reader.library import page_evidence
    from reader.library.page_evidence import captions_in

    players = "".join(f"<div class='player__caption'>Clip {n}</div>" for n in range(3_000))
    nested = "<span>" * 200 + "The harbour at dawn" + "</span>" * 200
    html = (
        f"<html><body><article><figure>{players}<figcaption>{nested}</figcaption></figure>"
        "</article></body></html>"
    )
    tree = read_page(html).tree
    found, count = lines_of_cleaning(lambda: captions_in(tree), page_evidence)
    assert found == ["The harbour at dawn"]
    assert count <= 60 * 5_000, f"{count} lines for 5,000 elements"


def test_a_page_of_very_many_elements_skips_trafilatura_s_fallbacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A crafted 7.6 MB page of 40,000 figures took over two minutes in trafilatura's
    fallback extractors (justext's neighbours, in time growing with their square): on a
    page of over `MOST_ELEMENTS_FOR_FALLBACK` elements they are not asked for."""
    import trafilatura

    asked: list[bool] = []
    real = trafilatura.bare_extraction

    def spy(*args: Any, **options: Any) -> Any:
        asked.append(options.get("fast", False))
        return real(*args, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    story_text = "<p>The council met on Tuesday to discuss the harbour plan and its budget.</p>"
    figures = "<figure><img src='a.jpg'><figcaption>A picture</figcaption></figure>" * 11_000
    for body in (story_text * 8, story_text * 8 + figures):
        read_page(f"<html><body><article>{body}</article></body></html>")
    assert asked == [False, True]


def test_a_page_of_more_elements_than_a_news_page_is_refused_before_trafilatura_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """trafilatura's search for the paragraphs' text takes time growing with their square
    (100,000 paragraphs, 1.3 MB: 22 s a search; a 10 MB page: hours). Over `MOST_ELEMENTS`
    it is not run: the page is refused in one line, and `--raw` still takes all its text."""
    import trafilatura

    from reader.library import extraction
    from reader.library.extraction import RAW, READER, TRAFILATURA, ExtractionError

    def never(*args: Any, **options: Any) -> Any:
        raise AssertionError("trafilatura ran on a page over the bound")

    monkeypatch.setattr(trafilatura, "bare_extraction", never)
    monkeypatch.setattr(extraction, "MOST_ELEMENTS", 300)
    lines = "".join(f"<p>Line {number} of the list.</p>" for number in range(400))
    page = read_page(f"<html><head><title>A list</title></head><body>{lines}</body></html>")
    for cleaning_asked in (READER, TRAFILATURA):
        with pytest.raises(ExtractionError, match=r"not a news page: it holds 40\d elements"):
            story(page, cleaning_asked)
    raw = story(page, RAW)
    assert [block.text for block in raw.blocks][:2] == [
        "Line 0 of the list.",
        "Line 1 of the list.",
    ]
    assert len(raw.blocks) == 400


def test_paragraphs_split_mid_sentence_are_joined_reading_each_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Joining a paragraph split mid-sentence read the whole joined text at each step: a
    page of 20,000 lines each going on in lower case took 34 s, 24,900 minutes (found by
    an attack). Each block's text is now read once: the characters read for a sentence's
    end stay within the page's."""
    read = 0
    pattern = cleaning._ENDS_SENTENCE

    class Counting:
        def search(self, text: str) -> re.Match[str] | None:
            nonlocal read
            read += len(text)
            return pattern.search(text)

    monkeypatch.setattr(cleaning, "_ENDS_SENTENCE", Counting())
    lines = [Block(PARAGRAPH, "Start of the list")]
    lines += [Block(PARAGRAPH, f"and then item {n} of the list") for n in range(4_000)]
    joined = cleaning.join_split_paragraphs(lines)
    assert [block.text for block in joined] == [" ".join(block.text for block in lines)]
    assert read <= sum(len(block.text) for block in lines)


_QUOTED_SPEC = re.compile(r"[“\"«][^”\"»]{12,}[”\"»]")  # what "quoted words" means


@given(st.text(alphabet='“”"«»ab ', max_size=60))
def test_quoted_words_are_found_as_the_pattern_finds_them(text: str) -> None:
    assert cleaning._quoted_words(text) == (_QUOTED_SPEC.search(text) is not None)


def test_quoted_words_are_looked_for_in_one_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # 80,000 characters of "«" never closed, in a paragraph two pages of a site share: the
    # pattern above, searched from every "«", read to the end for each (27 s; stop 77)
    read: list[int] = []
    opening = cleaning._OPENING

    class Counted:
        def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
            read.append(min(endpos, len(text)) - pos)
            return opening.search(text, pos, endpos)

    monkeypatch.setattr(cleaning, "_OPENING", Counted())
    text = "He said " + ("«" * 20 + " mot ") * 4_000 + "» then."
    assert cleaning._attributed_quotation(text)
    assert sum(read) <= len(text)
