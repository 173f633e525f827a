"""Who is named in an article: the tokeniser and the names registry (`Entities`), one
pattern of names in news writing per test (the finder's use of them: test_quotes.py)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.quotes import find_quotes
from reader.quotes.mentions import tokens
from reader.quotes.names import Entities
from reader.quotes.phrases import subject_after, subject_before
from tests.helpers.quotes import headlined, speech_of


def test_replayed_runs_give_the_registry_classifying_them_gives() -> None:
    from reader.quotes.names import Entities

    text = (
        "Senate Majority Leader Mitch McConnell met Korean Central News Agency (KCNA) staff. "
        "Mr. McConnell said no. Mark Cuban spoke. Cuban said yes. "
    ) * 5 + "Cuban food is good. Mitch McConnell left. Mr. McConnell said no."

    def registry(entities: Entities) -> list[object]:
        return [
            [(m.start, m.end, m.entity.name) for m in entities.mentions],
            [
                (e.name, e.kind, sorted(e.aliases), e.description, e.gender)
                for e in entities.entities
            ],
        ]

    planned = registry(Entities(text))

    class Plain(Entities):
        def _planned(self, toks, first, last):  # type: ignore[no-untyped-def]
            if last == first + 1:
                self._classify_one(toks, toks[first], last)
            else:
                self._add_run(toks, first, last)

    assert planned == registry(Plain(text))


def test_a_name_after_a_preposition_takes_no_gender_from_the_next_pronoun() -> None:
    from reader.quotes.names import Entities

    text = headlined(
        "Of the scrutiny over Melania Trump, he said it was a little much. Dana Smith "
        "said she would stay."
    )
    genders = {m.entity.name: m.entity.gender for m in Entities(text).mentions}
    assert genders["Melania Trump"] != "m"  # her name's, if known, never "he"'s
    assert genders["Dana Smith"] == "f"


def test_the_tokens_up_to_a_clause_end_are_those_read_up_to_it() -> None:
    from reader.quotes.names import Entities

    text = "“Yes,” said Dr. Jane Roe, the head of U.S. research; she left. “No.”"
    entities = Entities(text)
    stops = frozenset({".", "!", "?", ";", "“", "”", '"'})
    for start, end in [(6, len(text)), (6, 30), (7, 22), (0, 5), (40, 41)]:
        read = entities.tokens_in(start, end)
        stop = next((i for i, t in enumerate(read) if t.text in stops), len(read))
        found, ending = entities.tokens_until(start, end, stops)
        assert [(t.text, t.start) for t in found] == [(t.text, t.start) for t in read[:stop]]
        expected = (read[stop].text, read[stop].start) if stop < len(read) else None
        assert ((ending.text, ending.start) if ending else None) == expected


_TOKEN_PIECES = [" ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x0b", "\x1c", "\x00", "\udcff"]
_TOKEN_PIECES += ["Dr.", "U.S.", "J.", "11.5", "100,000", "Stó:lō", "d'Amours", "’s", "—", "“", "a"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES) | st.text(max_size=3), max_size=30))
def test_an_articles_tokens_are_those_the_tokeniser_gives(pieces: list[str]) -> None:
    # The whole article is tokenised in one pass (`_Tokens`, offsets worked out from the
    # white space between tokens; a short text's one by one): the same words at the same
    # offsets as `tokens`, either way.
    from unittest.mock import patch

    from reader.quotes import mentions
    from reader.quotes.mentions import _Tokens, tokens

    text = "".join(pieces)
    expected = [(t.text, t.start) for t in tokens(text)]
    for short in (0, len(text) + 1):
        with patch.object(mentions, "_SHORT_TEXT", short):
            found = _Tokens(text)
        assert list(zip(found.texts, found.starts, strict=True)) == expected


_LOWER_PIECES = ["don", "'", "’", "t", "co", "-", "op", ":", "b", "é", "_", "1", "abc", "x.", " "]


@example(["don", "'", "t", " ", "co", "-", "op", " ", "a", ":", "b", " ", "abc", "é", "_", "1"])
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LOWER_PIECES) | st.text(max_size=2), max_size=20))
def test_a_word_in_lower_case_is_read_as_the_full_pattern_reads_it(pieces: list[str]) -> None:
    # `TOKEN` tries a word in lower case that nothing joins to the next before its other
    # alternatives (quicker over 1 MB): the same tokens as the pattern without that first try.
    import re

    from reader.quotes.mentions import TOKEN

    fast = r"[a-z]++(?![\w’'\-:])|"
    assert TOKEN.pattern.startswith(fast)
    plain = re.compile(TOKEN.pattern.removeprefix(fast))
    text = "".join(pieces)
    assert [(m.group(), m.start()) for m in TOKEN.finditer(text)] == [
        (m.group(), m.start()) for m in plain.finditer(text)
    ]
    assert [m.group() for m in TOKEN.finditer(text, 1, max(1, len(text) - 1))] == [
        m.group() for m in plain.finditer(text, 1, max(1, len(text) - 1))
    ]


def test_the_tokeniser_reads_abbreviations_initials_numbers_and_colons_in_names() -> None:
    from reader.quotes.lexicon import entries
    from reader.quotes.mentions import tokens

    text = "Stó:lō a:b 1:2 é:x Mr. Mr.X J. K. Rowling J.R.R. Tolkien e.g. St. Sen.Bob 11.5. "
    text += "100,000x Messrs. Ltd"
    assert [t.text for t in tokens(text)] == [
        "Stó:lō",
        "a:b",
        "1",
        ":",
        "2",
        "é:x",
        "Mr.",
        "Mr.",
        "X",
        "J.",
        "K.",
        "Rowling",
        "J.R.R.",
        "Tolkien",
        "e",
        ".",
        "g",
        ".",
        "St.",
        "Sen.",
        "Bob",
        "11.5",
        ".",
        "100",
        ",",
        "000x",
        "Messrs.",
        "Ltd",
    ]
    # (its lookahead tries the abbreviations only where a capital and letters end in a stop)
    assert all(entry.isalpha() and entry[0].isupper() for entry in entries("abbreviations"))


def test_every_us_with_dots_is_one_country_not_an_acronym_each() -> None:
    from reader.quotes.names import Entities

    text = "The U.S. said no. Officials in the U.S. agreed; a U.S. envoy left. The U.S. waits."
    places = [e for e in Entities(text).entities if e.kind == "place"]
    assert [e.name for e in places] == ["U.S."]


def test_a_law_is_no_one_and_he_or_she_is_a_person() -> None:
    from reader.quotes.names import Entities

    kinds = {
        e.name: e.kind
        for e in Entities("The Affordable Care Act and the Paris Agreement.").entities
    }
    assert kinds == {"Affordable Care Act": "org", "Paris Agreement": "org"}
    text = headlined(
        "Chrystia Freeland spoke in Toronto on Monday about the Glass-Steagall Act.\n\n"
        "The problem with just reinstating the Glass-Steagall Act, she said, is that “you "
        "don't go after the shadow banks, hedge funds and the others.”"
    )
    assert [s for _, s in speech_of(text)] == ["Chrystia Freeland"]


def test_a_legal_form_in_lower_case_ends_a_company_s_name() -> None:
    # "Shell plc" had been no name at all ("plc" ended the run, and "Shell" opening its
    # sentence was read as a word), so "the company said" found no one.
    text = headlined(
        "Shell plc reported higher profits on Thursday, as did Unilever plc.\n\n"
        '"We delivered strong results," the company said.'
    )
    assert [s for _, s in speech_of(text)] == ["Shell plc"]
    names = {entity.name: entity.kind for entity in Entities(text).entities}
    assert names["Unilever plc"] == "org"


def test_a_description_stops_at_another_persons_name() -> None:
    from reader.quotes.names import Entities

    text = headlined(
        "Forward Chloé Bergeron-Tsang now trails Toronto's Tessa Lindgren-Reid in scoring."
    )
    found = {m.entity.name: m.entity.description for m in Entities(text, 0).mentions}
    assert "Chloé" not in found["Tessa Lindgren-Reid"]


def test_the_words_of_a_title_or_a_role_are_not_part_of_the_name() -> None:
    from reader.quotes.names import Entities

    text = headlined(
        "Minister of Innovation, Science and Industry François-Philippe Champagne spoke.\n\n"
        "Resident Jocelyne Cormier said the water rose fast. Liberal MNA Samira Haddad "
        "agreed. Hunter Joanasie Akumalik said the ice was thin.\n\n"
        "Quebec's Minister Responsible for the French Language Jean-François Lévesque "
        "spoke. The Independent Vermont senator vowed to fight on."
    )
    people = {m.entity.name for m in Entities(text, 0).mentions if m.entity.kind == "person"}
    assert people == {
        "François-Philippe Champagne",
        "Jocelyne Cormier",
        "Samira Haddad",
        "Joanasie Akumalik",
        "Jean-François Lévesque",
    }


def test_a_name_spelt_with_a_capital_inside_is_a_person_s_when_described_as_one() -> None:
    # "LLana James, a doctoral candidate": a capital inside a word marks a brand ("CityNews",
    # "YouTube, the video site") unless what follows only follows a person ("James said"
    # had been offered as a one-word name)
    text = headlined(
        "LLana James, a doctoral candidate at the University of Toronto, studies race data."
        "\n\n“We have one of the lowest thresholds for legal use of data,” James said.\n\n"
        "YouTube, the video site, said it would act. “We remove such videos,” it said."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["LLana James"] == "person" and kinds["YouTube"] == "org"
    assert [s for _, s in speech_of(text)] == ["LLana James", "YouTube"]


def test_a_minister_of_fields_joined_by_and_is_not_two_names() -> None:
    # "Minister of Families and Youth Ahmed Hussen": the title's portfolio, then the person
    # (it was split at "and" into "Minister of Families" and a person "Youth Ahmed Hussen")
    text = headlined(
        "Minister of Families and Youth Ahmed Hussen announced the plan. Minister of Fisheries "
        "and Oceans Bernadette Jordan agreed, and Manitoba Advocate for Children and Youth "
        "Daphne Penrose welcomed it.\n\n"
        "“We need answers for these families,” Penrose said."
    )
    described = {e.name: e.description for e in Entities(text).entities if e.kind == "person"}
    assert described == {
        "Ahmed Hussen": "Minister of Families and Youth",
        "Bernadette Jordan": "Minister of Fisheries and Oceans",
        "Daphne Penrose": "Manitoba Advocate for Children and Youth",
    }
    assert [s for _, s in speech_of(text)] == ["Daphne Penrose"]


def test_an_office_of_the_something_is_one_organisation() -> None:
    from reader.quotes.names import Entities

    text = (
        "The Office of the Chief Coroner said it would review the death. A report by the "
        "Office of the Correctional Investigator found delays. The Department of the "
        "Interior declined to comment."
    )
    orgs = {e.name for e in Entities(text).entities if e.kind == "org"}
    assert orgs == {
        "Office of the Chief Coroner",
        "Office of the Correctional Investigator",
        "Department of the Interior",
    }


def test_first_nations_are_organisations_whatever_their_letters() -> None:
    from reader.quotes.names import Entities

    text = (
        "Chief Dalton Reed of Sumas First Nation said the water rose. Marla Pennier of "
        "Semá:th First Nation agreed. The Stó:lō Nation said it would help. At 10:30 p.m. "
        "the Cherokee Nation said nothing."
    )
    orgs = {e.name for e in Entities(text).entities if e.kind == "org"}
    assert orgs == {
        "Sumas First Nation",
        "Semá:th First Nation",
        "Stó:lō Nation",
        "Cherokee Nation",
    }


def test_a_field_and_a_province_is_a_body_not_the_place() -> None:
    from reader.quotes.names import Entities

    text = (
        "Boxing Nova Scotia called it historic. Tourism British Columbia said bookings rose. "
        "Northern Ontario is cold. Farms in Rural Alberta are dry."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Boxing Nova Scotia"] == kinds["Tourism British Columbia"] == "org"
    assert kinds["Northern Ontario"] == kinds["Rural Alberta"] == "place"


def test_a_group_named_for_people_and_something_else_is_one_organisation() -> None:
    from reader.quotes.names import Entities

    text = "The Hamilton Tenants and Unhoused Coalition said it would appeal."
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds.get("Hamilton Tenants and Unhoused Coalition") == "org"


def test_a_province_after_a_town_and_a_time_zone_are_no_organisations() -> None:
    from reader.quotes.names import Entities

    text = (
        "Posted: Apr 28, 2026 12:30 PM ADT. Restigouche Fibre's pulp mill in Atholville, N.B., "
        "will stop, the company announced. A plant in Laredo, Tex., closed too."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert "ADT" not in kinds
    assert kinds["Restigouche Fibre"] == "org"
    assert kinds["N.B."] == "place"


def test_a_description_is_words_for_the_person_never_a_verb_or_a_document() -> None:
    from reader.quotes.names import Entities

    text = (
        "A Court of King's Bench jury has found Tobias Wentzell not guilty. His mother, "
        "Lorraine Fenwick, left the courtroom in tears. The brothers' mother, Diane Liddell, "
        "reached by phone, said little. In a letter, Jane Roe said no. Paul Dewar, an Ottawa "
        "MP, agreed."
    )
    described = {e.name: e.description for e in Entities(text).entities if e.kind == "person"}
    assert described["Tobias Wentzell"] == ""
    assert described["Lorraine Fenwick"] == "His mother"
    assert described["Diane Liddell"].endswith("mother")
    assert described["Jane Roe"] == ""
    assert described["Paul Dewar"] == "an Ottawa MP"


def test_her_after_a_preposition_tells_nothing_of_the_gender_of_the_name_before() -> None:
    entities = Entities("Her cousin, Gerhard Reimer, who lived downstairs, stood beside her.")
    assert next(e for e in entities.entities if e.name == "Gerhard Reimer").gender != "f"


def test_page_furniture_names_no_one_and_plural_organisation_words_end_a_name() -> None:
    text = (
        "Rahimi spoke.\n\nStory continues below advertisement\n\n"
        "Edmonton Catholic Schools posted a photo of the lockers on X."
    )
    names = {(e.name, e.kind) for e in Entities(text).entities}
    assert ("Edmonton Catholic Schools", "org") in names
    assert not any(name.startswith("Story") for name, _ in names)


def test_a_family_name_written_first_gives_no_gender() -> None:
    from reader.quotes.names import Entities

    text = "Retired nurse Chan Siu-fong said she had invested her savings."
    people = [e for e in Entities(text).entities if e.kind == "person"]
    assert [(p.name, p.gender) for p in people] == [("Chan Siu-fong", "f")]


def test_the_aged_word_alone_before_a_speech_verb_is_the_verbs_subject() -> None:
    text = "“I cut hair in my kitchen,” the 38-year-old said in an interview."
    toks = Entities(text).tokens_in(text.index("the"), len(text))
    verb = next(i for i, t in enumerate(toks) if t.text == "said")
    phrase = subject_before(toks, verb)
    assert phrase is not None and phrase.text == "the 38-year-old"


def test_a_speech_verb_after_a_names_comma_is_no_description() -> None:
    text = (
        "Talks went on.\n\nIts national officer, Deepak Sandhu-Marlow, said: “These "
        "are people who have been through a pandemic.”"
    )
    people = [e for e in Entities(text).entities if e.name == "Deepak Sandhu-Marlow"]
    assert people and not people[0].description.startswith("said")


def test_a_companys_name_ends_at_its_legal_form() -> None:
    from reader.quotes.names import Entities

    text = "A\n\nThe maker, Maplebrook Pharmaceuticals Inc. of Brampton, Ont., said so.\n"
    names = {m.entity.name for m in Entities(text).mentions}
    assert "Maplebrook Pharmaceuticals Inc." in names


def test_a_heading_in_capitals_is_no_name() -> None:
    from reader.quotes.names import Entities

    text = (
        "A\n\nHIGHER THAN EXPECTED TURNOUT IN IOWA DOESN’T INCREASE EXPECTATIONS IN OTHER "
        "STATES - Michael P. McDonald-Ruiz: “At long last the contests have started.”\n"
    )
    names = {m.entity.name for m in Entities(text).mentions}
    assert not any(name.startswith("HIGHER") for name in names)


def test_given_and_dont_open_sentences_and_no_names() -> None:
    from reader.quotes.names import Entities

    text = (
        "A\n\nGiven his past comments on the wall, it is safe to say so.\n\n"
        "Don’t Republicans run the risk of her nominees?\n"
    )
    assert {m.entity.name for m in Entities(text).mentions}.isdisjoint(
        {"Given", "Don’t Republicans"}
    )


def test_a_place_and_a_plural_is_a_team_not_a_person() -> None:
    from reader.quotes.names import Entities

    text = (
        "The Winnipeg Jets beat the Edmonton Oilers 4-2 on Saturday. Jets coach Stuart "
        "Kaminski said the Oilers had too many chances. Victoria Evans scored twice."
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["Winnipeg Jets"] == kinds["Edmonton Oilers"] == "org"
    assert kinds["Victoria Evans"] == "person"
    speech = headlined(
        "Stuart Kaminski has coached the Edmonton Oilers for two seasons.\n\n"
        "“We gave them too many looks,” he said.\n\n"
        "“A fine season,” the Oilers said in a statement."
    )
    assert [s for _, s in speech_of(speech)] == ["Stuart Kaminski", "Edmonton Oilers"]


def test_french_bodies_and_a_field_before_a_province_are_organisations() -> None:
    from reader.quotes.names import Entities

    text = (
        "Marc Lemieux, a spokesperson for the Association des propriétaires du Grand "
        "Montréal, disagreed. The Fédération des travailleurs et travailleuses du Québec said "
        "no. Université de Montréal agreed. Health PEI said in a statement that it would "
        "help. Judge Anne-Marie de la Durantaye ruled. A fire burned in the Fraser Canyon."
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds == {
        "Marc Lemieux": "person",
        "Association des propriétaires du Grand Montréal": "org",
        "Fédération des travailleurs et travailleuses du Québec": "org",
        "Université de Montréal": "org",
        "Health PEI": "org",
        "Anne-Marie de la Durantaye": "person",
        "Fraser Canyon": "place",
    }


def test_capitals_after_an_indefinite_article_say_what_someone_is_not_who() -> None:
    from reader.quotes.names import Entities

    text = "Amara Osei, a Rhodes Scholar, spoke first. Then a Raptors fan spoke."
    names = [(m.entity.name, m.entity.kind) for m in Entities(text).mentions]
    assert names == [("Amara Osei", "person")]


def test_venues_and_fort_towns_are_places_and_an_interviewer_is_no_one() -> None:
    from reader.quotes.names import Entities

    text = (
        "The game at Rogers Place ended late. Q: How did it feel? I'd say great. "
        "Ronaldo Bautista moved to Fort McMurray in 2009."
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds == {
        "Rogers Place": "place",
        "Ronaldo Bautista": "person",
        "Fort McMurray": "place",
    }


def test_an_outlet_given_a_letter_never_wrote_it() -> None:
    text = headlined(
        "The head of the city's hospital has resigned after a review of its emergency room.\n\n"
        "“I have given this hospital everything I had,” the outgoing chief executive said in"
        " a letter to staff, which was obtained by the Shediac Sun.\n\n"
        "Jenny Sun, a nurse, said the letter was read aloud. “We cried,” Sun said."
    )
    assert speech_of(text) == [
        ("I have given this hospital everything I had,", None),
        ("We cried,", "Jenny Sun"),
    ]
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["Shediac Sun"] == "org" and kinds["Jenny Sun"] == "person"


def test_first_nations_are_named_whole() -> None:
    text = headlined(
        "The Tallow River First Nation said in a statement it would appeal. First Nations"
        " leaders met in Ottawa.\n\n"
        "“We will not stop,” the First Nation said.\n\n"
        "The Assembly of First Nations said it agreed. “This is right,” the assembly said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Tallow River First Nation",
        "Assembly of First Nations",
    ]
    unnamed = headlined(
        "Crews worked all night.\n\n“Our priority is safety,” the First Nation said."
    )
    assert speech_of(unnamed) == [("Our priority is safety,", None)]  # never "Nation"
    names = {m.entity.name for m in Entities(text).mentions}
    assert "First Nations" not in names and "Nations" not in names and "Assembly" not in names


def test_a_body_named_after_a_place_is_a_body() -> None:
    text = headlined(
        "Drivers at Pacific Coast Transit Operations voted to strike on Sunday. The"
        " company said in a statement it had offered 14 per cent.\n\n"
        "“A strike mandate is a normal part of bargaining,” the company said."
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["Pacific Coast Transit Operations"] == "org"
    assert [s for _, s in speech_of(text)] == ["Pacific Coast Transit Operations"]


def test_a_french_body_named_in_lower_case_words_is_a_body_after_the_too() -> None:
    text = headlined(
        "A car went off the bridge on Monday.\n\n"
        "“We are investigating,” said the Sûreté du Québec.\n\n"
        "“It is over,” said Lieutenant Jean de la Fontaine."
    )
    assert [s for _, s in speech_of(text)] == ["Sûreté du Québec", "Jean de la Fontaine"]
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["Sûreté du Québec"] == "org" and kinds["Jean de la Fontaine"] == "person"


def test_a_name_the_article_calls_the_festival_is_a_body_that_issues_statements() -> None:
    text = headlined(
        "The Harbourfront Lantern Festival drew 40,000 people over three nights.\n\n"
        "“It was our best year,” said Naledi Okafor, who sells tea there.\n\n"
        "The festival said in a statement that next year's dates would be announced soon.\n\n"
        "“We thank every volunteer who carried a lantern,” the statement said.\n\n"
        "The Pemberton Licensing Branch, which inspects the vendors, declined an interview.\n\n"
        "“Inspections continue all summer,” the branch wrote in an email."
    )
    assert [s for _, s in speech_of(text)] == [
        "Naledi Okafor",
        "Harbourfront Lantern Festival",
        "Pemberton Licensing Branch",
    ]
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["Harbourfront Lantern Festival"] == "org"


def test_a_surname_that_is_also_a_noun_stays_a_person_after_a_given_name() -> None:
    text = headlined(
        "Taylor Branch spoke at the library on Monday.\n\n"
        "“History is a long argument,” Branch said, before the branch closed for the night."
    )
    assert [s for _, s in speech_of(text)] == ["Taylor Branch"]
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["Taylor Branch"] == "person"


def test_a_clubs_letters_then_its_city_are_a_club() -> None:
    text = headlined("CF Montréal beat Toronto on Saturday.\n\n“We deserved it,” CF Montréal said.")
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["CF Montréal"] == "org"


def test_a_wire_dateline_typed_with_a_hyphen_is_a_place_not_a_speaker() -> None:
    text = headlined(
        'LETHBRIDGE, Alta. - "We\'re not going anywhere."\n\n'
        "That was the message from the union's leaders on Monday, as the strike went on."
    )
    assert [s for _, s in speech_of(text)] == [None]
    assert not any(m.text == "LETHBRIDGE" for m in Entities(text).mentions)


def test_a_team_named_after_the_town_of_the_dateline_is_a_team() -> None:
    text = headlined(
        "PENTICTON, B.C. - Ava Chen scored twice as the Penticton Vees beat Trail 3-1.\n\n"
        "“It was so loud,” said Chen, 17. “Everybody was jumping,” she said."
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["Penticton Vees"] == "org"
    assert [s for _, s in speech_of(text)] == ["Ava Chen", "Ava Chen"]


def test_a_field_before_a_role_stays_in_the_speakers_description() -> None:
    text = headlined(
        "Housing Minister Daniel Kerr announced the plan on Monday.\n\n"
        "Opposition housing critic Leah Moreau disagreed. “It is too little,” Moreau said."
    )
    described = {e.name: e.description for e in Entities(text).entities}
    assert described["Daniel Kerr"] == "Housing Minister"
    assert described["Leah Moreau"] == "Opposition housing critic"


def test_a_pronoun_after_words_for_someone_else_gives_no_gender() -> None:
    text = headlined(
        "MP Nkiru Adebayo pressed the executive on whether he would support a code.\n\n"
        "“We have supported it from the beginning,” said Robert Sinclair, the chief executive.\n\n"
        "Economist Hélène Roy, who testified later, said the truth lay in between.\n\n"
        "Outside the committee room, Adebayo told reporters she was not satisfied.\n\n"
        "“He came here to give us a lecture,” she said."
    )
    genders = {e.name: e.gender for e in Entities(text).entities}
    assert genders["Nkiru Adebayo"] in {"", "f"}
    assert [s for _, s in speech_of(text)][-1] == "Nkiru Adebayo"


def test_a_place_before_the_comma_does_not_hide_the_sentences_subject() -> None:
    from reader.quotes.mentions import tokens
    from reader.quotes.phrases import sentence_subject

    for sentence in (
        "Outside the committee room, Adebayo told reporters she was not satisfied.",
        "Outside court, Adebayo told reporters she was relieved.",
        "Inside the arena, Adebayo said the crowd was loud.",
    ):
        subject = sentence_subject(tokens(sentence, 0, len(sentence)))
        assert subject is not None and [t.text for t in subject.tokens] == ["Adebayo"]


def test_an_opening_phrase_up_to_its_comma_is_not_the_subject() -> None:
    from reader.quotes.mentions import tokens
    from reader.quotes.phrases import sentence_subject

    sentence = "Before leaving the stage, the candidate thanked her mother, who sat in front."
    subject = sentence_subject(tokens(sentence, 0, len(sentence)))
    assert subject is not None and [t.text for t in subject.tokens] == ["the", "candidate"]


def test_a_sentence_opening_on_later_or_back_has_its_subject_after_the_comma() -> None:
    from reader.quotes.mentions import tokens
    from reader.quotes.phrases import sentence_subject

    sentence = "Later that night, the mayor said it was over."
    subject = sentence_subject(tokens(sentence, 0, len(sentence)))
    assert subject is not None and [t.text for t in subject.tokens] == ["the", "mayor"]


def test_a_body_named_with_a_possessive_inside_speaks_by_its_noun() -> None:
    text = headlined(
        "The Ottawa Charge beat Montréal 3-2 before the Professional Women's Hockey League's"
        " largest crowd.\n\n"
        "“It was loud,” said goaltender Aiyana Sutherland, who made 31 saves.\n\n"
        "The league said in a release that the crowd was “a new attendance record for the"
        " city.”"
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds.get("Professional Women's Hockey League") == "org"
    assert [s for _, s in speech_of(text)] == [
        "Aiyana Sutherland",
        "Professional Women's Hockey League",
    ]


def test_an_occupation_opening_the_sentence_is_not_part_of_the_name() -> None:
    text = headlined(
        "Workers walked out at midnight.\n\n"
        "Steelworker Gurpreet Bains, 31, said younger workers feel left out.\n\n"
        "“I do the same job as the guy next to me,” Bains said.\n\n"
        "Hui Min Zhang, who runs the cafeteria, said business was slow."
    )
    assert [s for _, s in speech_of(text)] == ["Gurpreet Bains"]
    names = {e.name for e in Entities(text).entities}
    assert "Hui Min Zhang" in names and "Steelworker Gurpreet Bains" not in names


def test_a_name_whose_statements_go_on_as_it_is_a_body_not_a_person() -> None:
    text = headlined(
        "The appeal was upheld on Friday.\n\n"
        "Pacific Lacrosse said it would reallocate the medals.\n\n"
        "For Liam Okafor-Reyes, 24, the decision means a medal he never held.\n\n"
        "“I found out from my sister,” he said.\n\n"
        "The U.N. special envoy for Yemen, Karin Holmqvist, said talks would resume.\n\n"
        "“Nobody is leaving the table,” the envoy said."
    )
    assert [s for _, s in speech_of(text)] == ["Liam Okafor-Reyes", "Karin Holmqvist"]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Pacific Lacrosse"] == "org"


def test_a_dateline_place_and_its_agency_are_nobody() -> None:
    text = headlined(
        "Dr. Bonnie Henryson on Friday urged residents to stay home.\n\n"
        "ST. JOHN’S, N.L. (CP) — The union said Wednesday that staffing levels are "
        "“at a breaking point.”"
    )
    names = {e.name for e in Entities(text).entities}
    assert not names & {"ST", "JOHN’S", "CP"}
    assert speech_of(text) == [("at a breaking point.", None)]


def test_a_group_named_for_its_people_and_cause_is_one_body() -> None:
    text = headlined(
        "“The rich are not paying,” said Canadians for Tax Fairness in a statement.\n\n"
        "National Nurses United for Patient Protection called the plan “reckless.”\n\n"
        "Friends of Canadian Media said it was “worried.”\n\n"
        "Mothers Against Drunk Driving said it was “relieved.”"
    )
    assert [s for _, s in speech_of(text)] == [
        "Canadians for Tax Fairness",
        "National Nurses United for Patient Protection",
        "Friends of Canadian Media",
        "Mothers Against Drunk Driving",
    ]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert "Tax Fairness" not in kinds


def test_a_body_s_members_or_shares_before_its_name_are_not_part_of_it() -> None:
    text = headlined(
        "Shares of Maple Leaf Foods fell 4 per cent after the meat packer said it would close "
        "its Winnipeg plant.\n\n"
        "“We did not take this decision lightly,” the company said in a statement.\n\n"
        "Members of Unifor voted on Sunday. Employees of Northwind Airlines walked out.\n\n"
        "Supporters of Dana Whitford rallied outside. Friends of the Earth said it was "
        "“worried.”"
    )
    assert [s for _, s in speech_of(text)] == ["Maple Leaf Foods", "Friends of the Earth"]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Unifor"] == "org" and kinds["Northwind Airlines"] == "org"
    assert kinds["Dana Whitford"] == "person"
    assert not any(
        name.startswith(("Shares", "Members", "Employees", "Supporters")) for name in kinds
    )


def test_a_name_after_a_title_is_a_person_even_when_it_reads_as_a_team() -> None:
    # "Dallas Burnes": a city and a plural, as "Dallas Stars", but after a title
    text = headlined(
        "Premier Chris Minns visited Lismore on Wednesday.\n\n"
        "NSW SES Chief Superintendent Dallas Burnes said crews had made 200 rescues. "
        "“Do not drive through floodwater,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Dallas Burnes"]
    assert {e.name: e.kind for e in Entities(text).entities}["Dallas Burnes"] == "person"


def test_people_someone_has_are_not_that_someone() -> None:
    # "lawyers for Gerald Pike", "Supporters of Gerald Pike": his, unnamed; never "Lawyers
    # for Gerald Pike" as a name, nor Gerald Pike himself
    text = headlined(
        "Lawyers for Gerald Pike, 58, argued the warrant rested on “stale and speculative” "
        "information.\n\n"
        "In court, lawyers for Gerald Pike argued the search was “a fishing expedition.”"
    )
    assert [f.speaker for f in find_quotes(text)] == [None, None]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds == {"Gerald Pike": "person"}


def test_a_firm_named_for_its_trade_s_people_is_a_firm() -> None:
    text = headlined(
        "Coastline Grocers will close nine stores in the Maritimes. Shares in Prairie Builders "
        "fell. The deal was announced by Summit Movers on Monday."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds == {"Coastline Grocers": "org", "Prairie Builders": "org", "Summit Movers": "org"}


def test_a_given_name_then_a_place_word_is_a_person_when_a_person_clause_follows() -> None:
    # "Park" and "Hill" name places too; "who", an age or "said" after them is a person's
    text = headlined(
        "Lawyer Simon Park, who represented the family, said they would press the province.\n\n"
        "“The recommendations are good. They are not enough,” Park said.\n\n"
        "Grace Hill, 54, runs the bakery. “We are tired,” Hill said.\n\n"
        "Dana Lake, a planner for the county, spoke next. “We are ready,” Lake said.\n\n"
        "The rally filled Stanley Park, which is near downtown."
    )
    assert speech_of(text) == [
        ("The recommendations are good. They are not enough,", "Simon Park"),
        ("We are tired,", "Grace Hill"),
        ("We are ready,", "Dana Lake"),
    ]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Stanley Park"] != "person"  # ("which": a place or a body, no one)


def test_the_company_said_is_the_company_named_not_the_person_quoted_before() -> None:
    # "Northwind Air" names a firm ("Air"), "Ashby & Crane" too ("&"); "Western Canada" is
    # a region, not a body "the company" could stand for
    text = headlined(
        "Northwind Air will end service on six routes in Western Canada this spring, the "
        "airline said Tuesday.\n\n"
        "“These decisions were not made lightly,” chief executive Dana Whitford said in a "
        "news release.\n\n"
        "The routes will end on April 30. The company said the routes “represent less than "
        "6 per cent of capacity.”\n\n"
        "Shares in Ashby & Crane fell by a fifth after the retailer warned on profits.\n\n"
        "Chief executive Martin Oduya said the warning was “painful but honest.”\n\n"
        "About 1,400 jobs are at risk, although the company said it hoped to redeploy “a "
        "significant number” of staff."
    )
    speakers = [speaker for _, speaker in speech_of(text)]
    assert speakers == ["Dana Whitford", "Northwind Air", "Martin Oduya", "Ashby & Crane"]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Western Canada"] == "place"
    assert kinds["Ashby & Crane"] == "org"


def test_a_city_whose_first_word_is_a_title_is_a_place_not_a_titled_person() -> None:
    # "Prince Albert", "Prince George": Canadian cities, not Prince Albert or Albert Raiders
    text = headlined(
        "The Prince Albert Raiders beat the Swift Current Broncos 4-1 on Friday.\n\n"
        "“We earned that one,” the Prince Albert Raiders said in a statement.\n\n"
        "A man died in custody in Prince George in March.\n\n"
        "In a written statement, the Prince George detachment said it had “carefully "
        "reviewed” the report.\n\n"
        "“We will rebuild,” said Prince George Mayor Lyn Hall."
    )
    speakers = [speaker for _, speaker in speech_of(text)]
    assert speakers[0] == "Prince Albert Raiders"
    assert speakers[-1] == "Lyn Hall"
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert "Albert Raiders" not in kinds
    assert kinds.get("Prince George detachment") == "org"


def test_a_company_named_with_its_legal_form_is_the_same_company_without_it() -> None:
    # "Revera Inc." then "Revera said"; "Canadian National Railway" opening its sentence is
    # the railway whole, not "National Railway" after a "Canadian" who describes someone
    text = headlined(
        "The home is operated by Revera Inc. The company runs 20 homes in Manitoba.\n\n"
        "In a statement, Revera said it was “deeply saddened by the loss” of residents.\n\n"
        "Canadian National Railway said in a statement that it was “aware of speculation” "
        "about the cause of the fire."
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Revera Inc.",
        "Canadian National Railway",
    ]
    assert "Revera Inc. company" not in {e.name for e in Entities(text).entities}


def test_a_company_whose_name_opens_with_a_title_is_that_company_without_its_legal_form() -> None:
    # "General Electric Co." then "General Electric said": the firm, not a General called
    # Electric; "the Mr. Clarke company" still leaves Mr. Clarke a man
    text = headlined(
        "General Electric Co. reported higher profits on Friday.\n\n"
        "“Orders rose,” General Electric said.\n\n"
        "The shop is now the Mr. Clarke company. “I am proud,” Mr. Clarke said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["General Electric Co.", "Clarke"]


def test_a_given_name_that_is_also_a_faith_opens_a_name() -> None:
    # "Christian Oxner" is a goalkeeper, not a Christian called Oxner; "Christian Democrats"
    # are no person (a party: a body since stop 61)
    text = headlined(
        "Coach Stephen Hart singled out goalkeeper Christian Oxner, who made six saves.\n\n"
        "“He was outstanding,” Hart said.\n\n"
        "Oxner, a Halifax native, deflected the praise.\n\n"
        "“That's the job,” he said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Stephen Hart", "Christian Oxner"]
    kinds = {
        e.name: e.kind for e in Entities("Rain fell.\n\nThe Christian Democrats won.").entities
    }
    assert kinds.get("Christian Democrats", "org") == "org"


def test_bodies_of_quebec_and_of_a_province_keep_their_whole_names() -> None:
    # "Autorité des marchés financiers (AMF)": the body, then its letters; "the Alberta
    # NDP" is a party of its own (not the NDP); "Assistant Crown attorney Mark Scanlon"
    # names no one "Assistant Crown"
    text = headlined(
        "Quebec's financial markets regulator, the Autorité des marchés financiers (AMF), "
        "began investigating in 2018.\n\n"
        "The AMF said in a statement that it “will continue to pursue restitution.”\n\n"
        "The Alberta NDP called the closure “a death sentence” for some people.\n\n"
        "Assistant Crown attorney Mark Scanlon declined to comment."
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Autorité des marchés financiers",
        "Alberta NDP",
    ]
    names = {e.name for e in Entities(text).entities}
    assert "Assistant Crown" not in names and "Mark Scanlon" in names


def test_two_bodies_joined_by_and_and_unions_named_united_are_bodies() -> None:
    # "the United Nurses of Alberta and Alberta Health Services": two bodies (then "AHS" is
    # the second), and "United Nurses" is no place
    text = headlined(
        "Bargaining between the United Nurses of Alberta and Alberta Health Services resumed "
        "Tuesday.\n\n"
        "In a written statement, AHS said its proposal reflected “the fiscal realities "
        "facing the province.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Alberta Health Services"]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["United Nurses of Alberta"] == "org"
    names = {
        e.name
        for e in Entities(
            "Rain.\n\nThe Department of Health and Community Services said no."
        ).entities
    }
    assert names == {"Department of Health and Community Services"}


def test_two_given_names_before_one_surname_are_two_people_of_that_surname() -> None:
    # "Thomas and Rachel Adeyemi": Thomas Adeyemi too, whom "Mr Adeyemi" then means
    text = headlined(
        "Among the families who gave evidence to the review were Thomas and Rachel Adeyemi, "
        "whose son Elijah died two days after his birth.\n\n"
        "‘We begged them to check on him,’ Mr Adeyemi said, his voice breaking."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Thomas Adeyemi"]
    assert {e.name for e in Entities(text).entities} >= {"Thomas Adeyemi", "Rachel Adeyemi"}


def test_a_two_syllable_given_name_before_a_surname_that_is_a_place_word_is_a_person() -> None:
    # "Sung-min Park" is an economist, not a park (and "Notre-Dame Street" stays a street)
    text = headlined(
        "Its author, economist Sung-min Park, said the pressure is no longer limited to the "
        "biggest cities.\n\n"
        "“This is not a Toronto problem anymore,” Park said in an interview."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Sung-min Park"]
    kinds = {e.name: e.kind for e in Entities("Rain.\n\nWe met on Notre-Dame Street.").entities}
    assert kinds.get("Notre-Dame Street") != "person"


def test_an_envoy_posted_to_a_country_is_not_the_country() -> None:
    # "China’s ambassador to Britain accused …": no one named yet, not Britain; "ambassador
    # to Britain Liu Xiaming": the country, then the person
    text = headlined(
        "China’s ambassador to Britain accused the UK of meddling and warned that the "
        "government “will not sit on our hands” this time.\n\n"
        "China’s ambassador to Britain Liu Xiaming has said that China has the “resolution "
        "and power” to end the unrest.\n\n"
        "Liu warned: “They are already there in the Hong Kong garrison.”"
    )
    speakers = [speaker for _, speaker in speech_of(text)]
    assert "Britain" not in speakers
    assert speakers[-2:] == ["Liu Xiaming", "Liu Xiaming"]
    entities = Entities("Rain.\n\nCanada’s envoy to the United States Kirsten Hillman spoke.")
    assert {e.name: e.kind for e in entities.entities}["Kirsten Hillman"] == "person"


def test_an_envoy_posted_to_a_body_in_capitals_is_not_named_by_it() -> None:
    # "Ambassador to the UN Nikki Haley": the body, then the person ("UN Nikki Haley" was
    # offered as the speaker of her words)
    text = headlined(
        "U.S. Ambassador to the UN Nikki Haley has been the latest to speak out. “Real "
        "leadership is about persuasion, it is about movement,” Haley said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Nikki Haley"]
    kinds = {
        e.name: e.kind for e in Entities("Rain.\n\nThe envoy to NATO Kay Bailey spoke.").entities
    }
    assert kinds == {"NATO": "org", "Kay Bailey": "person"}


def test_a_peoples_possessive_opens_a_bodys_name() -> None:
    text = headlined(
        "Meanwhile, the People’s Liberation Army called the operation a “voluntary clean-up "
        "activity” in a post on Saturday."
    )
    assert speech_of(text) == [("voluntary clean-up activity", "People’s Liberation Army")]
    names = {e.name for e in Entities("Rain.\n\nThe Children’s Aid Society said so.").entities}
    assert "Children’s Aid Society" in names


def test_two_capitalised_particles_open_a_surname() -> None:
    # "Van Der Beek revealed …": the whole surname is the mention (so it opens its sentence)
    entities = Entities(
        "James Van Der Beek has been eliminated.\n\nVan Der Beek revealed the news. De La "
        "Cruz said so."
    )
    assert [m.text for m in entities.mentions] == [
        "James Van Der Beek",
        "Van Der Beek",
        "De La Cruz",
    ]


def test_entertainment_bodies_and_a_compass_surname_are_read_right() -> None:
    # "Dick Clark Productions", "American Music Awards" are bodies; "Kanye West" a person;
    # "The group that owns her music, Big Machine," a body; "Producer Anil Bhatt of Red
    # River Pictures" a person of a firm
    entities = Entities(
        "Rain.\n\nThe group that owns most of her music, Big Machine, says she will be allowed "
        "to play at the American Music Awards. Dick Clark Productions denied it. Braun has "
        "worked with Kanye West.\n\nProducer Anil Bhatt of Red River Pictures said so."
    )
    kinds = {e.name: e.kind for e in entities.entities}
    assert kinds["Big Machine"] == "org"
    assert kinds["American Music Awards"] == "org"
    assert kinds["Dick Clark Productions"] == "org"
    assert kinds["Kanye West"] == "person"
    assert kinds["Anil Bhatt"] == "person" and kinds["Red River Pictures"] == "org"
    places = {e.name: e.kind for e in Entities("Rain.\n\nShe ran in Edmonton West.").entities}
    assert places == {"Edmonton West": "place"}


def test_a_region_code_after_a_town_is_a_place() -> None:
    # "West Palm Beach, FL": not a body called FL, nor a speaker
    kinds = {
        e.name: e.kind
        for e in Entities(
            "Rain.\n\nThe tour starts June 9 in West Palm Beach, FL, and ends in Kelowna, BC."
        ).entities
    }
    assert kinds["FL"] == "place" and kinds["BC"] == "place"


def test_the_words_of_a_quoted_title_name_no_one() -> None:
    # a book's title in capitals holds no person called "Ever Need"
    text = (
        "Rain.\n\nIn his book “Financial Freedom: A Proven Path to All the Money You Will "
        "Ever Need,” Grant Sabatier shares a formula."
    )
    title = (text.index("“") + 1, text.index("”"))
    names = {e.name for e in Entities(text, titles=[title]).entities}
    assert names == {"Grant Sabatier"}
    assert "Ever Need" in {e.name for e in Entities(text).entities}  # (read as a name without)


def test_the_journal_a_study_appeared_in_is_not_its_voice() -> None:
    # "The authors of the research published in the journal JAMA Psychiatry argued":
    # not JAMA Psychiatry, and never at full confidence
    text = headlined(
        "Cannabis use disorder has risen in states where the drug is legal, a study found.\n\n"
        "The authors of the research published in the journal JAMA Psychiatry argued that "
        "the climb is “a potential public health concern.”"
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert not [f for f in findings if f.speaker == "JAMA Psychiatry" and f.confidence >= 0.8]
    sentence = "A study published in Nature found that"
    assert subject_before(tokens(sentence, 0, len(sentence)), 5) is None


def test_a_body_and_another_bodys_letters_are_two_bodies() -> None:
    # "a study by the FINRA Investor Education Foundation and NORC at the University of
    # Chicago": the foundation, and NORC, not one body of both names
    entities = Entities(
        "Rain.\n\nA joint study was published by the Financial Industry Regulatory Authority "
        "Investor Education Foundation and NORC at the University of Chicago."
    )
    names = {e.name for e in entities.entities}
    assert "Financial Industry Regulatory Authority Investor Education Foundation" in names
    assert "NORC" in names


def test_a_hub_is_a_body() -> None:
    kinds = {
        e.name: e.kind for e in Entities("Rain.\n\nIt topped the Strava Community Hub.").entities
    }
    assert kinds == {"Strava Community Hub": "org"}


def test_a_caucus_is_a_body() -> None:
    kinds = {
        e.name: e.kind
        for e in Entities("Rain.\n\nShe leads the Democratic Black Women Caucus.").entities
    }
    assert kinds == {"Democratic Black Women Caucus": "org"}


def test_a_surname_without_its_arabic_article_is_the_full_names() -> None:
    # "The Fayed version …" before "Mohamed al-Fayed"; "Mr Fayed said" after him
    text = headlined(
        "Rain.\n\n"
        "The Haddad version was told in court.\n\n"
        "Khalil al-Haddad, the hotel's owner, gave evidence for two days.\n\n"
        "In a call after the crash, Mr Haddad said: “This is not an accident.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Khalil al-Haddad"]
    names = {e.name for e in Entities("Rain.\n\nBashar al-Assad spoke. Then Assad left.").entities}
    assert names == {"Bashar al-Assad"}


def test_a_bodys_last_word_alone_is_the_body_named_before() -> None:
    # "the European Commission … the Commission said", "The Washington Post … the Post"
    text = headlined(
        "Rain.\n\n"
        "The European Commission has opened an inquiry into the software maker.\n\n"
        "The Commission said it will look at whether the format “is open enough.”\n\n"
        "The Halifax Post reported the talks first. “There will always be exceptions,” the "
        "Post quoted an aide as saying."
    )
    names = {e.name for e in Entities(text).entities}
    assert "Commission" not in names and "Post" not in names
    assert speech_of(text)[0] == ("is open enough.", "European Commission")


def test_a_ministry_named_by_its_portfolio_keeps_its_countrys_possessive() -> None:
    # "Russia’s Defense Ministry said" is Russia's; "Ontario's Ministry of Health" is whole
    names = {
        e.name
        for e in Entities(
            "Rain.\n\nRussia’s Defense Ministry said it struck targets. The Defense Ministry "
            "said more. Ontario's Ministry of Health said nothing."
        ).entities
        if e.kind == "org"
    }
    assert names == {"Russia’s Defense Ministry", "Ministry of Health"}


def test_letters_after_a_name_are_neither_name_nor_body() -> None:
    # "barrister Michael Mansfield QC asked …", then "Mr Mansfield said: “Yes.”"
    text = headlined(
        "Rain.\n\n"
        "The coroner interrupted when barrister Dominic Harwell QC asked about the evidence."
        " Mr Harwell said: “Yes.”"
    )
    assert [(e.name, e.kind) for e in Entities(text).entities] == [("Dominic Harwell", "person")]
    assert [speaker for _, speaker in speech_of(text)] == ["Dominic Harwell"]


def test_a_papers_name_does_not_take_the_word_newspaper() -> None:
    # "the influential Washington Post newspaper": the Washington Post
    names = [
        (e.name, e.kind)
        for e in Entities("Rain.\n\nIt ran on the pages of the Halifax Post newspaper.").entities
    ]
    assert names == [("Halifax Post", "org")]


def test_a_titled_person_stays_a_person_when_the_article_later_says_the_hill() -> None:
    text = headlined(
        "“We are looking to bring ministers of industry,” said Senator the Hon. Aubyn Hill.\n\n"
        "The idea of the hill station was first raised in 1840, in a letter to the governor."
    )
    assert [s for _, s in speech_of(text)] == ["Aubyn Hill"]
    from reader.quotes.names import Entities

    [hill] = [e for e in Entities(text, 0, []).entities if e.name == "Aubyn Hill"]
    assert hill.kind == "person"


def test_a_show_named_after_a_weekday_and_a_building_are_no_speakers() -> None:
    text = (
        "Saturday Night Live mocked the soda advert, which was pulled last week. Redcoat "
        "Tavern has been named the best burger in town; Zaman Mosque stands beside it, and "
        "the Imam Hadi Mosque further on."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds.get("Saturday Night Live") == "org" and "Night Live" not in kinds
    assert kinds.get("Redcoat Tavern") == kinds.get("Zaman Mosque") == "place"
    assert kinds.get("Imam Hadi Mosque") == "place" and "Hadi Mosque" not in kinds


def test_a_capitalised_role_before_a_full_name_is_not_part_of_it() -> None:
    text = (
        "Fans ask what original Green Ranger Jason David Frank thinks. Harbour County Recorder "
        "Helena Purcell-Ode agreed, as did dairy farmer Pieter Van der Berg."
    )
    names = {e.name for e in Entities(text).entities if e.kind == "person"}
    assert {"Jason David Frank", "Helena Purcell-Ode", "Pieter Van der Berg"} <= names


def test_local_opening_a_sentence_names_no_one() -> None:
    # ("Local 1505 president Ana Ruiz": a union's local is a name, whose first word opens it)
    text = headlined(
        "A blast hit the market at noon local time on Friday.\n\n"
        "Local residents who rushed to the scene started chanting “death to the bombers”, a "
        "reference to the group."
    )
    assert "Local" not in [s for _, s in speech_of(text)]
    assert not [e for e in Entities(text).entities if e.name == "Local"]


def test_a_body_named_with_its_acronym_keeps_a_plurals_apostrophe_on_its_word() -> None:
    text = "Banks spoke.\n\nThe Harbour Bankers' Association (HBA) said the fees are fair."
    assert [e.name for e in Entities(text).entities] == ["Harbour Bankers' Association"]


def test_bros_ends_a_firms_name() -> None:
    text = "Films.\n\nRon Sanders of Harbour Bros spoke. Harbour Bros had received a payment."
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds == {"Ron Sanders": "person", "Harbour Bros": "org"}


def test_a_country_ending_a_titles_list_is_not_part_of_the_name_after_it() -> None:
    text = (
        "Diplomats spoke.\n\nThe loss was noted by former Special Representative for "
        "Afghanistan and Pakistan Richard Olsen. Olsen said so. Actor Chad Michael Murray came."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds.get("Richard Olsen") == "person" and kinds.get("Pakistan") == "place"
    assert "Pakistan Richard Olsen" not in kinds and "Michael Murray" not in kinds


def test_a_place_after_in_is_not_the_subject_of_the_verb_after_it() -> None:
    text = headlined(
        "Climate data went offline.\n\n"
        "“These are the kind of resources it has taken years to develop,” Adam Parrish of "
        "the Resilience Institute in New York’s Jamaica Bay told reporters."
    )
    assert [s for _, s in speech_of(text)] == ["Adam Parrish"]
    assert {e.name: e.kind for e in Entities(text).entities}.get("Jamaica Bay") == "place"


def test_a_hyphenated_role_before_a_full_name_is_not_part_of_it() -> None:
    text = "Cars.\n\nThe car was praised by NBA All-star Kobi Brant and Co-founder Ana Ruiz."
    names = {e.name for e in Entities(text).entities if e.kind == "person"}
    assert names == {"Kobi Brant", "Ana Ruiz"}


def test_a_phrase_of_a_preposition_after_a_name_is_no_description_of_it() -> None:
    text = (
        "Budget talks stalled.\n\nThe premier blamed the unions and Paul Ridley, for the "
        "bill's lack of support. Dana Whitlock, of Halifax, spoke."
    )
    described = {e.name: e.description for e in Entities(text).entities if e.kind == "person"}
    assert described == {"Paul Ridley": "", "Dana Whitlock": "of Halifax"}


def test_a_nationality_before_a_name_is_not_part_of_it() -> None:
    text = (
        "Tennis.\n\nShe beat fiery Frenchman Corentin Moutet. Dutchwoman Lieke Klaver ran. "
        "Spaniard Rafael Nadal left. Frenchman Street is closed."
    )
    people = {e.name: e.gender for e in Entities(text).entities if e.kind == "person"}
    assert people == {"Corentin Moutet": "m", "Lieke Klaver": "f", "Rafael Nadal": "m"}


def test_an_office_before_a_lone_surname_describes_its_holder() -> None:
    text = headlined(
        "Space.\n\nPresident Tremblay joked on Tuesday that it would be a long trip.\n\n"
        "The bill's co-authors, Sens. Ted Crane and Marco Ruiz, ask the agency to send a "
        "“crewed mission to Mars in the 2030s.”\n\n"
        "The president — who earlier pressed his party at a closed-door meeting — praised "
        "the nation’s “heroic astronauts,” before noting the difficulty of the job."
    )
    assert [s for _, s in speech_of(text)][-1] == "Tremblay"
    described = {e.name: e.description for e in Entities(text).entities if e.kind == "person"}
    assert described["Tremblay"] == "President"


def test_an_academy_is_a_body() -> None:
    text = "Science.\n\nThe National Academies warned. Members of the Lakeview Academy met."
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds == {"National Academies": "org", "Lakeview Academy": "org"}


def test_a_bodys_name_goes_on_after_a_possessive_inside_it() -> None:
    text = "Money.\n\nIt is illegal, the People's Bank of China said on Friday."
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds == {"People's Bank of China": "org"}


def test_a_storm_is_named_like_a_person_and_is_none() -> None:
    text = headlined(
        "Reefs.\n\nCYCLONE Debbie is not likely to give the reefs any reprieve, officials "
        "said.\n\nReef director Dr David Wachenfeld said, due to Debbie’s slow-moving "
        "ferocity, there would be few benefits.\n\n“I’m sure there will be places where the "
        "heat stress was getting worse,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["David Wachenfeld"]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds.get("CYCLONE Debbie") == "place" and "Debbie" not in kinds


def test_a_place_whose_first_word_is_a_given_name_stays_a_place() -> None:
    text = headlined(
        "A strange call.\n\nWhen Dr. Ana Ruiz stepped out of her Santa Rosa home, she found "
        "police outside. A shooting near Santa Rosa’s old mill had alarmed them."
    )
    kinds = {(m.entity.name, m.entity.kind) for m in Entities(text).mentions}
    assert kinds == {("Ana Ruiz", "person"), ("Santa Rosa", "place")}


def test_a_dateline_of_two_places_names_no_body() -> None:
    for dateline in ("MEDAN, Indonesia/JAKARTA (Reuters) - ", "OSLO/STOCKHOLM (Reuters) - "):
        text = (
            f"Ferry found\n\n{dateline}Divers reached the ferry on Tuesday, NordFerry "
            "said.\n\nThe company said that it was flying families to Medan and Oslo."
        )
        bodies = {m.entity.name for m in Entities(text).mentions if m.entity.kind == "org"}
        assert bodies == {"NordFerry"}, dateline


def test_a_name_opened_by_initials_after_in_is_a_person() -> None:
    text = headlined(
        "A new film.\n\nShe shines in T.R. Okafor’s new film. Okafor shot it in the U.S. "
        "Virgin Islands.\n\n“We had one take,” the director said."
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds["T.R. Okafor"] == "person" and kinds["U.S. Virgin Islands"] == "place"
    assert [s for _, s in speech_of(text)] == ["T.R. Okafor"]


def test_a_city_named_with_its_place_is_a_place_not_a_body() -> None:
    text = headlined(
        "Rents rise.\n\nFinding a flat in Guatemala City is hard, and Panama City is no "
        "better.\n\nManchester City said in a statement it would build more."
    )
    kinds = {m.entity.name: m.entity.kind for m in Entities(text).mentions}
    assert kinds == {"Guatemala City": "place", "Panama City": "place", "Manchester City": "org"}


def test_an_acronym_that_is_a_word_in_lower_case_names_a_body() -> None:
    # "WHO" folds to "who", which opens no name: the World Health Organization was never a
    # speaker. A number in capitals ("THREE years ago", a magazine's small capitals) and a
    # paragraph's first word in capitals stay no one.
    text = headlined(
        "THREE years ago the plague was thought gone.\n\n"
        '"Untreated plague is always fatal and spreads quickly," the WHO said in a statement.'
        '\n\n"We are sending teams to the region this week," said WHO on Friday.'
    )
    assert [speaker for _, speaker in speech_of(text)] == ["WHO", "WHO"]
    assert "THREE" not in {entity.name for entity in Entities(text).entities}


def test_the_newspaper_is_the_newspaper_named_before() -> None:
    # "“…,” said the newspaper" after the Boston Globe had reported was no one's (l3s); a
    # name right after "newspaper" is the paper's, not a person's ("by newspaper Dagens
    # Nyheter", fundus).
    text = headlined(
        "The Boston Globe reported the deal on Monday, after Ana Ruiz had denied it.\n\n"
        '"There is hardly any meaningful evidence available to them," the newspaper said.'
        "\n\nThe minister was concerned by the revelations of newspaper Dagens Nyheter."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Boston Globe"]
    kinds = {entity.name: entity.kind for entity in Entities(text).entities}
    assert kinds["Dagens Nyheter"] == "org"


def test_one_name_that_speaks_twice_is_a_person_and_a_pronoun_can_find_it() -> None:
    # "Mbumba says", "Mbumba said he …": a man the story only ever calls by one name was
    # no one, so "“…,” he recalled" went to the other man named (fundus). A word of a
    # longer name ("Agriculture and Irrigation … Irrigation said") or a plural ("Officials
    # said") stays no one.
    text = headlined(
        "Speaker Peter Katjavivi sat beside him during the interview.\n\n"
        "“I was asking myself why they were flying over Nigeria,” Mbumba says.\n\n"
        "Mbumba said he considered how to break the news.\n\n"
        "“It was very difficult to be the one announcing it,” he recalled.\n\n"
        "Officials said the state funeral would be held on Saturday. Officials said more."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Mbumba", "Mbumba"]
    names = {entity.name for entity in Entities(text).entities}
    assert "Officials" not in names
    joined = headlined(
        "The Department of Agriculture and Irrigation spoke. Irrigation said it was lawful."
        "\n\nThe men met. Irrigation said so again."
    )
    assert "Irrigation" not in {entity.name for entity in Entities(joined).entities}


def test_msp_is_a_title_and_an_award_modifier_no_part_of_a_name() -> None:
    # ("May" is also a month: the title alone must not make "MSP Christine" a name)
    titled = Entities("Labour MSP Christine May had said the leader was clever.")
    assert [e.name for e in titled.entities if "MSP" in e.name] == []
    text = headlined(
        "Clive Owen won best supporting actor.\n\n"
        "Oscar-nominated Owen said: “The whole award season is new to me.”"
    )
    assert [s for _, s in speech_of(text)] == ["Clive Owen"]


def test_a_prison_is_a_place_and_the_lords_a_body_never_he() -> None:
    # "detention without trial at Belmarsh Prison, ignoring a recent Law Lords judgement":
    # neither is the "he" who speaks next
    text = headlined(
        "Lib Dem leader Colin Marsh attacked the government on Tuesday.\n\n"
        "“An overmighty state is a dangerous one,” he said. The state was using detention "
        "at Belmarsh Prison, ignoring a recent Law Lords judgement, he said. His party "
        "“instinctively” understood the country, he said. “We are less deferential now.”"
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Belmarsh Prison"] == "place" and kinds["Law Lords"] == "org"
    assert {s for _, s in speech_of(text)} == {"Colin Marsh"}


def test_the_white_house_is_a_body_that_speaks() -> None:
    # "White House press secretary Sean Spicer said": Spicer, of the White House (a body,
    # not a person called "White House")
    text = headlined(
        "“The orders are lawful,” said White House press secretary Sean Spicer.\n\n"
        "“We are looking at it,” the White House said in a statement."
    )
    assert [s for _, s in speech_of(text)] == ["Sean Spicer", "White House"]
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["White House"] == "org"


def test_a_work_named_after_its_noun_is_no_one() -> None:
    # "the same time as single Hey Ya!": a song, which "they" or "he" never stands for
    text = headlined(
        "OutKast's double album topped the charts at the same time as single Hey Ya! Big Boi "
        "and Andre 3000 each produced one disc.\n\n"
        "“We really appreciate it,” he said."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Hey Ya"] == "phrase"
    assert "Hey Ya" not in [s for _, s in speech_of(text)]


def test_a_party_called_by_its_members_is_a_body() -> None:
    # "the Lib Dems", "the Liberal Democrats", "Senate Republicans": parties, not people
    text = headlined(
        "The Lib Dems said the plan was flawed. Lib Dems leader Charles Kennedy spoke first, "
        "and the Republicans said they agreed.\n\n"
        "“It is excessive,” the Lib Dems said."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Lib Dems"] == kinds["Republicans"] == "org"
    assert [s for _, s in speech_of(text)] == ["Lib Dems"]
    tories = headlined("The Scottish Tories said the plan was “a serious breach of trust”.")
    assert {e.name: e.kind for e in Entities(tories).entities}["Scottish Tories"] == "org"


def test_a_signature_on_a_topic_named_after_someone_is_the_signer_s() -> None:
    # "— Foreign Affairs Minister Francois-Philippe Champagne on Freeland maintaining her
    # role": "on" parts the signer from the topic (the run had been read whole, as a
    # description of Freeland, and the words went to "Foreign Affairs Francois-Philippe
    # Champagne"); a body's "on" stays inside its name
    text = headlined(
        "Chrystia Freeland was named finance minister on Tuesday.\n\n"
        '"I think each and every one of us has a role to play."\n\n'
        "— Foreign Affairs Minister Francois-Philippe Champagne on Freeland maintaining her "
        "role\n\n"
        "Council on Foreign Relations President Richard Haass agreed. "
        "“It is a strong choice,” Haass said."
    )
    described = {e.name: e.description for e in Entities(text).entities if e.kind == "person"}
    assert described["Francois-Philippe Champagne"] == "Foreign Affairs Minister"
    assert described["Richard Haass"] == "Council on Foreign Relations President"
    assert [s for _, s in speech_of(text)] == ["Francois-Philippe Champagne", "Richard Haass"]


def test_a_newsletter_s_sign_up_line_names_no_one() -> None:
    # A news site's promotion between paragraphs ("… with our email newsletters Sign Up
    # Now"): "Sign Up" had been a man, and took the "he said" of the next paragraph
    text = headlined(
        "The task force will roll out studies, said Dr. Tim Evans, director of the school.\n\n"
        "They will also look at trends in specific populations such as seniors.\n\n"
        "Get the latest in your inbox Never miss the latest news from the Star, with our email "
        "newsletters Sign Up Now\n\n"
        "The goal is to get “an understanding of the level of infection,” he said."
    )
    assert "Sign Up" not in {e.name for e in Entities(text).entities}
    assert [s for _, s in speech_of(text)] == ["Tim Evans"]


def test_a_company_s_legal_form_closes_its_name_before_and() -> None:
    # "Ford Motor Company and General Motors": two companies (read as one body, which was
    # offered for Ford's words); "Immigration and Customs Enforcement" stays one
    text = headlined(
        "Unifor began talks with Ford Motor Company and General Motors on Wednesday. "
        "Immigration and Customs Enforcement was not involved.\n\n"
        "“We will bargain in good faith,” General Motors said."
    )
    bodies = {e.name for e in Entities(text).entities if e.kind == "org"}
    assert {"Ford Motor Company", "General Motors"} <= bodies
    assert "Immigration and Customs Enforcement" in bodies
    assert [s for _, s in speech_of(text)] == ["General Motors"]


def test_a_name_only_ever_written_after_the_is_no_one_s() -> None:
    # "playing the Toughest Pawnee in Dances with Wolves": a character, which had been a man
    # who took the next "he said" (sure at 0.85)
    text = headlined(
        "Wes Studi is an actor from Oklahoma.\n\n"
        "His breakthrough role, playing the Toughest Pawnee in Dances with Wolves, was one of "
        "the first to portray Indigenous people with empathy.\n\n"
        "“Some films did it and some didn't,” he said."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["Toughest Pawnee"] != "person"
    assert [s for _, s in speech_of(text)] == ["Wes Studi"]


def test_a_given_name_that_is_also_a_word_opens_the_name_after_said() -> None:
    # "said Will Doyle": "Will" is a modal verb elsewhere, a given name before a surname (the
    # rules had found no one after "said", and a speaker carried on took the words)
    toks = tokens("said Will Doyle, a professor")
    phrase = subject_after(toks, 1)
    assert phrase is not None and phrase.text == "Will Doyle"
    toks = tokens("said Mark Cuban.")
    phrase = subject_after(toks, 1)
    assert phrase is not None and phrase.text == "Mark Cuban"


def test_a_brand_like_name_whose_last_word_then_speaks_as_a_person_is_that_person() -> None:
    # "WhiteFeather Hunter has been battling …" then "Hunter said": the capital inside
    # "WhiteFeather" had made a brand of her, and the quotes went to "Hunter" or Theresa Tam
    text = headlined(
        "WhiteFeather Hunter has been battling symptoms for months but was not tested when "
        "she fell ill in March.\n\n"
        "Alongside 51 other Canadians, Hunter has signed an open letter to Dr. Theresa Tam.\n\n"
        "“Within three or four days, all of my symptoms came back,” Hunter said.\n\n"
        "Though she was denied a test while in Australia, Hunter was finally tested in April.\n\n"
        "“I was perfectly healthy before this,” Hunter said."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds["WhiteFeather Hunter"] == "person"
    assert [s for _, s in speech_of(text)] == ["WhiteFeather Hunter", "WhiteFeather Hunter"]


def test_the_seat_an_elected_member_holds_is_a_place() -> None:
    # "The MLA for North Vancouver-Seymour, Jane Thornthwaite,": the riding had been a person
    # described as "MLA for", offered for "the MLA also said"
    text = headlined(
        "The MLA for North Vancouver-Seymour, Jane Thornthwaite, agrees that more could have "
        "been done."
    )
    kinds = {e.name: e.kind for e in Entities(text).entities}
    assert kinds == {"North Vancouver-Seymour": "place", "Jane Thornthwaite": "person"}


def test_a_place_word_opening_a_sentence_is_the_common_word() -> None:
    # "New research has found that … “…”" had offered "New" as the speaker, a place;
    # "New" in a place's name is still a place
    text = headlined(
        "The study ran for a year.\n\n"
        "New research has found that “passion can be learned,” the study said.\n\n"
        "Officials in New Brunswick agreed."
    )
    assert all(speaker != "New" for _, speaker in speech_of(text))
    entities = Entities(text)
    assert [e.name for e in entities.entities if e.kind == "place"] == ["New Brunswick"]


def test_two_titled_people_joined_by_and_are_two_and_a_title_elect_is_a_title() -> None:
    # "Senate Minority Leader Chuck Schumer and House Speaker-to-be Nancy Pelosi" had been one
    # organisation: Pelosi was no one, her "she told reporters" no one's, and "Schumer said"
    # a bare surname (basil-quotes-3)
    text = headlined(
        "Senate Minority Leader Chuck Schumer and House Speaker-to-be Nancy Pelosi visited "
        "the White House.\n\n“They are feeling the heat,” Schumer said.\n\n"
        "“We are asking the president to act,” she told reporters."
    )
    assert [s for _, s in speech_of(text)] == ["Chuck Schumer", "Nancy Pelosi"]
    entities = Entities(headlined("President-elect Joe Biden and Premier-designate David Eby met."))
    assert [e.name for e in entities.entities if e.kind == "person"] == ["Joe Biden", "David Eby"]


def test_an_office_of_a_noun_and_general_speaks_as_that_office() -> None:
    """ "the Auditor General warned" gave "Auditor" (and `a` saved that), and "said the
    Surgeon General" went to the Attorney General named before (a journalist's finding)."""
    text = (
        "Fleet report\n\n"
        "“We need new planes,” Attorney General Maria Lopez said.\n\n"
        "A report released in March by the Auditor General warned that the fleet was "
        "“aging and inadequate for the fire seasons ahead.”\n\n"
        "“It is a scandal,” said the Surgeon General.\n"
    )
    assert [f.speaker for f in find_quotes(text)] == [
        "Maria Lopez",
        "Auditor General",
        "Surgeon General",
    ]


def test_a_document_from_someone_speaks_for_them() -> None:
    """ "The message from Fire Chief Dale Morrison was blunt: “…”" named no one ("the
    message"), a journalist's finding; a letter to someone is not theirs."""
    text = (
        "Fire update\n\n"
        "The message from Fire Chief Dale Morrison was blunt: “Get out now. Do not stop to "
        "pack.”\n\n"
        "Mayor Linda Okafor spoke later. The letter to Ana Ruiz said: “We will rebuild.”\n"
    )
    speakers = [f.speaker for f in find_quotes(text)]
    assert speakers[0] == "Dale Morrison" and speakers[1] != "Ana Ruiz"


def test_an_office_whose_holder_was_named_stays_theirs() -> None:
    """ "NATO Secretary General Mark Rutte …, the Secretary General added" went to the
    office once offices of a noun and "General" spoke as bodies (an attack's finding); a
    message from someone's family, or from a meeting with them, is not theirs."""
    text = (
        "Summit\n\n"
        "Attorney General Maria Lopez defended the program. “It works,” Lopez said.\n\n"
        "“We will review it,” said the Attorney General.\n\n"
        "A message from the family of victim Tom Hill was read in court: “We will never "
        "forgive what was done to him.”\n"
    )
    speakers = [f.speaker for f in find_quotes(text)]
    assert speakers[:2] == ["Maria Lopez", "Maria Lopez"] and speakers[2] != "Tom Hill"


def test_a_news_release_is_the_statement_the_story_named_before() -> None:
    """ "In a statement issued Friday, the organization said …" then "“…,” the news release
    read": the release is that statement, so it speaks for the organisation (it named no
    one)."""
    text = (
        "Cats rescued\n\n"
        "TORONTO -- More than 150 cats were found inside a home, officials say.\n\n"
        "In a statement issued Friday, Maple Cat Rescue said the cats were being cared "
        "for.\n\n"
        "“The cats have already been assessed,” the news release read.\n"
    )
    assert [f.speaker for f in find_quotes(text)] == ["Maple Cat Rescue"]
