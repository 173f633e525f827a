"""Speakers the article calls by a description: an age, a body's word, a company.

From a tester's articles written for Reader (stop 73), each a pattern no labelled set held.
"""

from __future__ import annotations

from tests.helpers.quotes import headlined, speech_of


def test_a_company_set_beside_a_possessive_is_a_body_not_a_she() -> None:
    # "Lennox's management company, Northlight Artists," had been a person of no known
    # sex, the last named before "she said", and took the singer's words
    text = headlined(
        "Fans of pop singer Kira Lennox have accused ticketing platform StageDoor of "
        "dragging its feet on refunds after the star cancelled her tour.\n\n"
        "Consumer group Which? said refunds were late. Its consumer rights editor, Lisa "
        "Harmon, said: “Fourteen working days is a long time to wait.”\n\n"
        "Lennox's management company, Northlight Artists, declined to comment on whether "
        "the singer would reschedule the dates.\n\n"
        "On Sunday evening Lennox posted again, thanking fans for their messages. “Reading "
        "your comments is the best medicine,” she said in the video."
    )
    assert [s for _, s in speech_of(text)] == ["Lisa Harmon", "Kira Lennox"]


def test_the_age_given_in_a_description_names_its_person() -> None:
    # "a 34-year-old teacher", then her story, then "the 34-year-old said": not the
    # spokesman quoted the paragraph before her
    text = headlined(
        "Opposition health spokesman Neil Barrow said that was not good enough. “Either the "
        "minister knew, in which case she misled parliament, or she didn't know, in which "
        "case she isn't running her department,” he said. “Either way, she should go.”\n\n"
        "Among the patients affected is Aisha Rahman, a 34-year-old teacher from Dunmore who "
        "waited 19 months for knee surgery after being removed from the list twice. The "
        "mother of two said she had been told both times that she had failed to respond to "
        "a letter she never received.\n\n"
        "“I rang them every month. Every single month,” the 34-year-old said. “They kept "
        "telling me I was on the list. I wasn't.”"
    )
    assert [s for _, s in speech_of(text)] == ["Neil Barrow"] * 2 + ["Aisha Rahman"] * 2


def test_the_council_is_not_the_person_named_just_before() -> None:
    # a role no one was given goes to the subject just before ("the striker said"); a
    # body's word does not
    for cue in ("In a statement, the council said: “{q}”", "“{q},” the board said."):
        quote = cue.format(q="Our thoughts are with everyone affected")
        text = headlined(f"Gwen Tremayne lives by the sea.\n\n{quote}")
        assert [s for _, s in speech_of(text)] == [None]


def test_the_34_year_olds_mother_is_not_the_34_year_old() -> None:
    # an attack on the mend above: "Aisha Rahman, the 34-year-old's mother," is not him
    text = headlined(
        "A 34-year-old driver was hurt on the A9 on Sunday. Aisha Rahman, the "
        "34-year-old’s mother, rushed to the hospital.\n\n"
        "“He is lucky,” said Dr Omar Ali, who treated him.\n\n"
        "“I cannot feel my legs,” the 34-year-old said."
    )
    assert [s for _, s in speech_of(text)][1] != "Aisha Rahman"


def test_a_passer_by_who_does_something_to_the_person_followed_leaves_her_the_pronoun() -> None:
    # "A friend of a friend invited Shukla to a dinner party. “…,” she says": a real
    # Globe and Mail feature; the unnamed friend had taken "she", and no one was suggested
    text = headlined(
        "Harleen Puaar Shukla remembers the moment Sault Ste. Marie first felt like home. "
        "She had recently arrived from New Delhi. A friend of a friend invited Shukla to a "
        "dinner party with other members of the city's Indian community. “I did not know "
        "that there was a sizeable Indian population here,” she says."
    )
    assert [s for _, s in speech_of(text)] == ["Harleen Puaar Shukla"]


def test_a_passer_by_who_tells_the_person_followed_something_is_the_one_who_says() -> None:
    text = headlined(
        "Harleen Puaar Shukla remembers the night of the fire. A neighbour told Shukla the "
        "flames had started in the garage. “It went up in minutes,” she says."
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_a_body_called_by_its_name_without_what_it_is_of_is_the_one_named_in_full() -> None:
    # "the Royal Society said" after the Royal Society of Canada was a body of its own
    text = headlined(
        "The Royal Society of Canada released a report on Tuesday. It called for reform of "
        "“systemic and deeply institutionalized implicit attitudes about older people,” the "
        "Royal Society said."
    )
    assert [s for _, s in speech_of(text)] == ["Royal Society of Canada"]


def test_an_epithet_with_a_place_before_its_noun_is_the_person_in_view() -> None:
    # "said the Saanich resident", no one described so: left to no one, where "the affable
    # owner said" was already the person the article named
    text = headlined(
        "Ted Penston tells CTV News that he and his wife witnessed a man striking his dog.\n\n"
        "“A fella was walking through the park with his pit bull,” said Penston.\n\n"
        "That is when Penston says he confronted the man.\n\n"
        "“He came up to me and threw a punch at me,” said the Saanich resident."
    )
    assert [s for _, s in speech_of(text)] == ["Ted Penston", "Ted Penston"]
