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


def test_a_title_cut_short_gives_way_to_the_words_after_the_name() -> None:
    """ "Coun. Raj Patel, a longtime critic of the deal," was described "Coun.", and
    exports printed "Raj Patel, Coun." (a journalist's finding); the words after the name
    are offered, and a title cut short alone is none. Who a later mention is stays."""
    text = (
        "Council kills stadium deal\n\n"
        "Coun. Raj Patel, a longtime critic of the deal, said he was relieved. “Taxpayers "
        "dodged a bullet,” Patel said.\n\n"
        "Capt. Eamon Walsh, president of Local 400 of the Marine Workers' Union, was blunt. "
        "“We were never asked,” Walsh said.\n\n"
        "Dr. Aisha Karimi, a soil scientist at Valley State University, disagreed. “The land "
        "was never suitable,” Karimi said.\n\n"
        "Const. Jamie Boyd spoke last. “We were there within minutes,” Boyd said.\n"
    )
    described = {f.speaker: f.description for f in find_quotes(text)}
    assert described == {
        "Raj Patel": "a longtime critic of the deal",
        "Eamon Walsh": "president of Local 400 of the Marine Workers' Union",
        "Aisha Karimi": "a soil scientist at Valley State University",
        "Jamie Boyd": "",
    }


def test_words_after_a_name_that_go_on_to_someone_else_are_no_description() -> None:
    text = (
        "Parish news\n\n"
        "Rev. Paul Kim, and his wife, Sue, attended the service. “It was moving,” Kim said.\n"
    )
    assert {f.speaker: f.description for f in find_quotes(text)}.get("Paul Kim") != "and his wife"
