"""A speaker's description as offered to the user (codebook, draft, citation): mended where
a word at an end is the fault, not offered when its words are not a description."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text import clean_line
from reader.quotes.attribution import find_quotes
from reader.quotes.description_text import offered_description


@pytest.mark.parametrize(
    ("found", "offered"),
    [
        ("asbestosis sufferer", "asbestosis sufferer"),
        ("French finance minister", "French finance minister"),
        ("his Israeli counterpart", "his Israeli counterpart"),
        ("senior law lord", "senior law lord"),  # (a noun here, not a title before a name)
        ("former Lord Chancellor", "former Lord Chancellor"),
        ("Chief", "Chief"),
        ("novelist", "novelist"),
        ("Earlier British costume designer", "British costume designer"),
        ("chief executive Sir", "chief executive"),
        ("Foreign Minister Prince", "Foreign Minister"),
        ("who runs a cattle farm near Olds", ""),
        ("an analyst at Nomura told the BBC", ""),
        ("21-year-old student", "21-year-old student"),
        ("49ers quarterback", "49ers quarterback"),
        ("WHO director-general", "WHO director-general"),
        ("Said Business School professor", "Said Business School professor"),
        ("Still Life author", "Still Life author"),
        ("then prime minister", "then prime minister"),
        ("Saudi Crown Prince", "Saudi Crown Prince"),
        ("The Economist columnist", "The Economist columnist"),
        ("The Hon", ""),
        ("former Reverend", ""),
        ("time", ""),
        ("Lord", ""),
        ("Dr.", ""),
        ("The opposition housing critic", "the opposition housing critic"),
        ("A nurse", "a nurse"),
        ("A", ""),
    ],
)
def test_a_description_is_offered_as_a_reader_would_write_it(found: str, offered: str) -> None:
    assert offered_description(found) == offered


@given(st.text())
def test_an_offered_description_is_one_clean_line_within_what_was_found(found: str) -> None:
    offered = offered_description(found)
    assert offered == " ".join(offered.split())
    assert set(offered.split()) <= set(clean_line(found).split())


def test_the_finder_offers_descriptions_as_mended() -> None:
    text = (
        "Gowns and tempers at the awards\n\n"
        "Earlier British costume designer Sandy Powell said: “The gowns were a nightmare.”\n\n"
        "At the time, Lord Woolf said: “The court cannot wait for ever.”\n\n"
        "Chief executive Sir Anthony Hale said: “Sales will recover by spring.”\n"
    )
    described = {f.speaker: f.description for f in find_quotes(text)}
    assert described == {
        "Sandy Powell": "British costume designer",
        "Lord Woolf": "",
        "Anthony Hale": "Chief executive",
    }
