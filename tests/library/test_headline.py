"""The headline a web page is saved under: its title checked against its own headings."""

from __future__ import annotations

from typing import Any

import pytest
import trafilatura

from reader.library.adding import AddResult, removed_report
from reader.library.cleaning import Removal
from reader.library.headline import first_sentence, headline
from reader.library.page_text import HEADING, PARAGRAPH, Block

LEDE = Block(
    PARAGRAPH,
    "The city council approved the harbour budget on Monday after a long debate about "
    "ferry fares and the new harbour bridge.",
)


def tree(body: str) -> Any:
    return trafilatura.load_html(f"<html><body>{body}</body></html>")


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # The page's own heading agrees with the title, or with a part of it.
        (
            "Council approves harbour budget | The Harbour Times",
            "<h1>Council approves harbour budget</h1>",
            "Council approves harbour budget",
        ),
        (
            "Opinion | Republicans are following the mayor nowhere",
            "<h1>Republicans are following the mayor nowhere</h1>",
            "Republicans are following the mayor nowhere",
        ),
        # No heading to agree: the site or section is cut as Readability cuts it...
        (
            "Apple shares fall after its earnings miss - Reuters",
            "",
            "Apple shares fall after its earnings miss",
        ),
        # ...unless the cut would leave four words or fewer.
        ("Ukraine war - live updates", "", "Ukraine war - live updates"),
    ],
)
def test_a_title_is_checked_against_the_pages_headings(
    title: str, body: str, expected: str
) -> None:
    assert headline(title, tree(body), [LEDE], ["The Harbour Times"]) == expected


def test_a_section_title_gives_way_to_the_heading_at_the_top_of_the_story() -> None:
    blocks = [Block(HEADING, "Red-hot frontrunners keep winning"), LEDE]
    assert headline("Sports", tree(""), blocks, []) == "Red-hot frontrunners keep winning"


def test_the_sites_own_name_is_not_a_headline() -> None:
    blocks = [Block(HEADING, "Council approves the harbour budget"), LEDE]
    title = "The Calgary Sun online - News, Sports and Entertainment"
    found = headline(title, tree(""), blocks, ["www.calgarysun.com"])
    assert found == "Council approves the harbour budget"


def test_a_weak_title_takes_the_heading_that_shares_the_most_words_with_the_story() -> None:
    body = "<h2>Top stories today</h2><h3>Weather for the weekend</h3><h3>Council approves harbour budget</h3>"
    assert headline("", tree(body), [LEDE], []) == "Council approves harbour budget"
    # A timestamp is no title either.
    assert headline("2008-01-14 03:50:02 -", tree(body), [LEDE], []) == (
        "Council approves harbour budget"
    )


def test_a_section_label_in_capitals_is_not_taken_for_the_headline() -> None:
    blocks = [Block(HEADING, "NFL PLAYOFFS"), LEDE]
    assert headline("", tree(""), blocks, []) == ""  # the story's first sentence, once cleaned


def test_nothing_names_the_story_so_its_first_sentence_does() -> None:
    one = Block(PARAGRAPH, "The council approved the harbour budget on Monday.")
    assert first_sentence([one]) == one.text
    long = Block(PARAGRAPH, "word " * 60)
    sentence = first_sentence([long])
    assert sentence.endswith("…") and len(sentence) <= 101 and "  " not in sentence
    two = Block(PARAGRAPH, "Short opening line. Then the rest of a long paragraph follows.")
    assert first_sentence([two]) == "Short opening line."


def test_control_characters_never_reach_a_headline() -> None:
    body = "<h1>Council \x1b[31mapproves\x97 harbour budget</h1>"
    found = headline("Council approves harbour budget | Site", tree(body), [LEDE], [])
    assert "\x1b" not in found and "\x97" not in found


def test_show_removed_lists_what_the_cleaning_would_have_cut_when_it_backed_off() -> None:
    spared = (Removal("Harbour kayak number 1, half price", "60% link text", PARAGRAPH),)
    outcome = AddResult(
        "https://example.org/deals",
        "added",
        "Deals",
        "deals.md",
        "",
        "trafilatura",
        (),
        "Reader's cleaning would cut 60% of trafilatura's text (6 blocks); kept trafilatura's text",
        spared,
    )
    lines = removed_report(outcome)
    assert any("kept trafilatura's text:" in line for line in lines)
    assert any("Harbour kayak number 1" in line and "; kept)" in line for line in lines)


def _page(head: str) -> str:
    body = (
        "<article><h1>Council approves new bike lanes on King Street</h1>"
        + "<p>City council voted 9-4 on Thursday night to build protected bike lanes along "
        "King Street, ending a debate that has run for more than two years.</p>" * 3 + "</article>"
    )
    return f"<html><head>{head}</head><body>{body}</body></html>"


CANONICAL = '<link rel="canonical" href="https://harbourherald.example/news/bike-lanes">'


@pytest.mark.parametrize(
    ("head", "site"),
    [
        # No og:site_name: the title's suffix that names the domain, not the domain.
        (
            "<title>Council approves new bike lanes | The Harbour Herald</title>" + CANONICAL,
            "The Harbour Herald",
        ),
        (
            '<meta name="twitter:site" content="@harbourherald">'
            "<title>Council approves new bike lanes - The Harbour Herald</title>" + CANONICAL,
            "The Harbour Herald",
        ),
        # The page's own name for itself wins.
        (
            '<meta property="og:site_name" content="Harbour Herald Online">'
            "<title>Council approves new bike lanes | The Harbour Herald</title>" + CANONICAL,
            "Harbour Herald Online",
        ),
        (
            '<meta name="application-name" content="The Herald">'
            "<title>Council approves new bike lanes</title>" + CANONICAL,
            "The Herald",
        ),
        # A suffix that does not name the site (a section) is not taken for its name.
        (
            "<title>Council approves new bike lanes | Local news</title>" + CANONICAL,
            "harbourherald.example",
        ),
    ],
)
def test_a_saved_page_is_filed_under_the_name_the_site_gives_itself(head: str, site: str) -> None:
    from reader.library.extraction import clean_page

    assert clean_page(_page(head)).site == site
