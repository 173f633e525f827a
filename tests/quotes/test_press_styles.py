"""House styles of newspapers the quote finder meets on news it was never tuned on (stop 78's
blind batches): a dash typed as two hyphens, a lede whose first words are set in capitals."""

from __future__ import annotations

import pytest

from reader.quotes.names import headline_people
from tests.helpers.quotes import headlined, speech_of


@pytest.mark.parametrize(
    "dateline", ["MANILA, Philippines --", "HOUSTON --", "NEW YORK (AP) --", "OTTAWA --"]
)
def test_a_dateline_dash_typed_as_two_hyphens_ends_the_dateline(dateline: str) -> None:
    text = headlined(
        f"{dateline} Sen. Nancy Binay on Thursday said she was “seriously considering” "
        "running for mayor.\n\nBinay will end her last term next year."
    )
    assert speech_of(text) == [("seriously considering", "Nancy Binay")]


def test_a_ledes_opening_words_in_capitals_are_no_name() -> None:
    text = (
        "Muted remittance growth seen to dampen consumption\n\n"
        "MUTED REMITTANCE growth in the coming months will dampen household spending, "
        "Pantheon Macroeconomics said.\n\n"
        "“The support remittances give to consumption remains sub-par,” it said.\n\n"
        "“This underperformance is likely only to worsen,” it added."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Pantheon Macroeconomics"] * 2


def test_a_name_in_capitals_opening_a_paragraph_is_still_a_name() -> None:
    text = headlined(
        "NASA ENGINEERS said the launch would slip.\n\n"
        "“We need another week,” NASA said in a statement."
    )
    assert speech_of(text) == [("We need another week,", "NASA")]


@pytest.mark.parametrize(
    ("named", "speaker"),
    [
        ("the Asantehene, Otumfuo Osei Tutu II,", "Osei Tutu II"),
        ("Oba Rilwan Akiolu", "Rilwan Akiolu"),
        ("Emir Muhammadu Sanusi", "Muhammadu Sanusi"),
    ],
)
def test_a_traditional_rulers_title_is_not_part_of_the_name(named: str, speaker: str) -> None:
    text = headlined(
        f"Speaking at the durbar, {named} urged the central bank to cut its rates.\n\n"
        "“This moment calls for a massive push to stimulate investment,” he said."
    )
    assert speech_of(text) == [
        ("This moment calls for a massive push to stimulate investment,", speaker)
    ]


def test_a_body_a_place_owns_speaks_as_itself_not_as_the_agency_that_reported() -> None:
    text = headlined(
        "Taiwan’s navy chief, Tang Hua, last month visited the United States to discuss naval "
        "cooperation, Reuters reported. In response, China’s foreign ministry said it firmly "
        "opposed “military collusion” between the United States and Taiwan."
    )
    assert speech_of(text) == [("military collusion", "China’s foreign ministry")]


def test_a_firms_analysts_speak_for_the_firm() -> None:
    text = headlined(
        "Sterling held its ground against the dollar.\n\n"
        "“A Labour win is positive for the pound,” TD Securities analysts wrote in a note.\n\n"
        "“Rates will fall,” analysts at Capital Economics said.\n\n"
        "“We doubt it,” critics said."
    )
    assert speech_of(text) == [
        ("A Labour win is positive for the pound,", "TD Securities"),
        ("Rates will fall,", "Capital Economics"),
        ("We doubt it,", None),
    ]


def test_a_firm_named_with_a_possessive_is_the_speaker_by_that_name() -> None:
    text = headlined(
        "Moody’s Ratings cut the United States’ credit rating on Friday.\n\n"
        "In a statement, Moody’s said, “We expect federal deficits to widen.”\n\n"
        "“Sales fell,” Macy’s said.\n\n"
        "“I am fine,” Trump’s lawyer said."
    )
    speakers = [speaker for _, speaker in speech_of(text)]
    assert speakers[:2] == ["Moody’s", "Macy’s"]


def test_a_places_party_member_is_the_politician_named_before() -> None:
    text = headlined(
        "House Oversight Committee Chairman Jason Chaffetz asked for an inquiry on Tuesday.\n\n"
        "In the letter, addressed to the U.S. attorney, Channing D. Phillips, the Utah "
        "Republican asks whether “the contractors violated statutes.”"
    )
    assert speech_of(text) == [("the contractors violated statutes.", "Jason Chaffetz")]


def test_a_places_party_member_is_not_one_of_the_other_party() -> None:
    text = headlined(
        "Democratic presidential candidate Hillary Clinton spoke in Tampa. Sen. Rand Paul "
        "answered her on Tuesday.\n\n"
        "“It is a disgrace,” the Kentucky Republican said."
    )
    assert speech_of(text) == [("It is a disgrace,", "Rand Paul")]


@pytest.mark.parametrize("role", ["TikToker", "YouTuber", "Instagrammer", "Podcaster"])
def test_a_word_made_of_a_platforms_name_is_a_role_before_the_name(role: str) -> None:
    text = headlined(
        "Viewers mocked the accent for weeks.\n\n"
        f"“We need to see these influencers as entertainers,” {role} Rachel Leigh said."
    )
    assert speech_of(text) == [
        ("We need to see these influencers as entertainers,", "Rachel Leigh")
    ]


def test_a_photo_credit_giving_the_name_twice_names_the_person_once() -> None:
    text = headlined(
        "Enlarge this image Pete Kiehart Pete Kiehart\n\n"
        "“Kasia and I worked together to create this dual self-portrait,” Kiehart said."
    )
    assert speech_of(text) == [
        ("Kasia and I worked together to create this dual self-portrait,", "Pete Kiehart")
    ]


def test_a_title_case_headlines_full_name_is_the_first_mention_of_a_surname() -> None:
    text = headlined(
        "Nogueira, who is from rural Massachusetts, has addressed her accent before. In a "
        "livestream, Nogueira said she has been mocked for her voice.\n\n"
        "“It is not a Boston accent,” she says.\n\n"
        "“It is a redneck accent,” Nogueira said.",
        headline="People Are So Over Mikayla Nogueira After The Influencer Was Accused",
    )
    assert speech_of(text) == [
        ("It is not a Boston accent,", "Mikayla Nogueira"),
        ("It is a redneck accent,", "Mikayla Nogueira"),
    ]


def test_a_title_case_headlines_body_is_no_person() -> None:
    text = headlined(
        "Fox News filed a motion to dismiss the lawsuit a nonprofit filed in April.\n\n"
        "“The First Amendment protects our right to speak,” Fox News said in a release.",
        headline="Fox News Files Motion To Dismiss Lawsuit Over Its Coverage",
    )
    assert speech_of(text) == [("The First Amendment protects our right to speak,", "Fox News")]


def test_she_after_a_surname_the_headline_gave_in_full_is_that_person() -> None:
    text = headlined(
        "“We need to see influencers as entertainers,” TikToker Rachel Leigh said.\n\n"
        "In a livestream, Nogueira said she has been mocked for her voice for her “entire "
        "life.” “It is not a Boston accent,” she says.",
        headline="People Are So Over Mikayla Nogueira After The Influencer Was Accused",
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Rachel Leigh",
        "Mikayla Nogueira",
        "Mikayla Nogueira",
    ]


def test_overnight_opening_a_sentence_is_no_name() -> None:
    text = headlined(
        "Dolly Parton is “very honoured and proud” to have funded the research. Overnight, "
        "she spoke on BBC One’s The One Show, saying she was “so excited” to hear the news "
        "and that she was “sure many millions of dollars from many people went into that.”"
    )
    assert speech_of(text)[-1] == (
        "sure many millions of dollars from many people went into that.",
        "Dolly Parton",
    )


def test_only_a_headlines_opening_is_searched_for_given_names_and_surnames() -> None:
    body = "\n\nIn a livestream, Nogueira said she was mocked."
    short = "So Over Mikayla Nogueira"
    long = "Words " * 80 + short  # past the headline's length: a paragraph, not read
    assert headline_people(short + body, len(short)) == [(8, "Mikayla", "Nogueira")]
    assert headline_people(long + body, len(long)) == []
