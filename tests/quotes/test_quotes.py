"""Quote finding and speaker suggestion, one pattern of news writing per test.

Each article starts with a headline paragraph, as real ones do (its quotations are never
speech).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pytest import MonkeyPatch

from reader.core.text import normalise
from reader.quotes import QuoteFinding, describe, find_quotes
from reader.quotes.attribution import trace_candidates
from reader.quotes.names import Entities
from tests.helpers.paths import DATA, GOLD
from tests.helpers.quotes import headlined, speech_of


def _count_token_reads(monkeypatch: MonkeyPatch) -> list[int]:
    """The number of tokens each call of `Entities.tokens_in` reads, from now on."""
    read: list[int] = []
    original = Entities.tokens_in

    def counted(self: Entities, start: int, end: int) -> list:  # type: ignore[type-arg]
        found = original(self, start, end)
        read.append(len(found))
        return found

    monkeypatch.setattr(Entities, "tokens_in", counted)
    return read


def _only(text: str, known: tuple[str, ...] = ()) -> QuoteFinding:
    speech = [f for f in find_quotes(text, known) if f.speech]
    assert len(speech) == 1, speech
    return speech[0]


# --- where the speaker stands ---
def test_speaker_named_after_the_quote() -> None:
    text = headlined('"We will not back down," said Maria Lopez, the union\'s president.')
    finding = _only(text)
    assert finding.speaker == "Maria Lopez"
    assert finding.cue == "said"


def test_speaker_named_before_the_quote() -> None:
    text = headlined('Maria Lopez, the union\'s president, said: "We will not back down."')
    assert speech_of(text) == [("We will not back down.", "Maria Lopez")]


def test_speaker_named_inside_an_interrupted_quote_gives_two_entries_one_speaker() -> None:
    text = headlined('"We tried," Maria Lopez said, "but the company would not listen."')
    assert speech_of(text) == [
        ("We tried,", "Maria Lopez"),
        ("but the company would not listen.", "Maria Lopez"),
    ]


def test_role_words_before_the_name_are_not_part_of_it() -> None:
    text = headlined('"It is a fair result," said former Olympian and BBC pundit Steve Cram.')
    assert _only(text).speaker == "Steve Cram"


# --- who "he", "King" and "the criminologist" are ---
def test_pronoun_resolves_to_the_person_named_earlier() -> None:
    text = headlined(
        "Doug King, a criminologist at Mount Royal University, has studied the agency.\n\n"
        '"It is not a police force in the usual sense," he said.'
    )
    assert _only(text).speaker == "Doug King"


def test_pronoun_agrees_in_gender() -> None:
    text = headlined(
        "Sarah Gille met Tom Baker at the port on Monday.\n\n"
        '"The water is warmer than it has ever been," she said.'
    )
    assert _only(text).speaker == "Sarah Gille"


def test_surname_and_description_resolve_to_the_full_name() -> None:
    text = headlined(
        "Doug King, a criminologist at Mount Royal University, has studied the agency.\n\n"
        '"It has no powers here," King said.\n\n'
        '"None at all," the criminologist added.'
    )
    assert speech_of(text) == [
        ("It has no powers here,", "Doug King"),
        ("None at all,", "Doug King"),
    ]


def test_description_from_the_first_mention_is_offered() -> None:
    text = headlined(
        "Doug King, a criminologist at Mount Royal University, has studied the agency.\n\n"
        '"It has no powers here," King said.'
    )
    assert describe(find_quotes(text)) == {"Doug King": "a criminologist at Mount Royal University"}


def test_a_bodys_name_in_a_description_goes_on_through_its_of() -> None:
    # "Commerce president" was offered for Lisa Tran (a team newcomer's finding)
    text = headlined(
        "Chamber of Commerce president Lisa Tran said the plan “will bring jobs.”\n\n"
        "Board of Trade chair Sam Lee called it “a good day.” Supporters of Mayor Ann Day "
        "said she was “thrilled.”"
    )
    described = describe(find_quotes(text))
    assert described["Lisa Tran"] == "Chamber of Commerce president"
    # (and through a plural's apostrophe written straight: "union spokesperson" was left)
    riders = headlined("Riders' union spokesperson Tom Becker said it “comes too late.”")
    assert describe(find_quotes(riders))["Tom Becker"] == "Riders' union spokesperson"
    assert described["Sam Lee"] == "Board of Trade chair"
    assert "Supporters" not in described.get("Ann Day", "")


def test_words_before_a_name_that_is_an_object_describe_no_one() -> None:
    text = headlined(
        "Support has grown as more Democrats learn about Bernie Sanders and his plans. "
        "Mount Royal University criminologist Doug King has studied the race.\n\n"
        '"We are winning this race one voter at a time," Sanders said.\n\n'
        '"It is his to lose now," King said.'
    )
    assert describe(find_quotes(text)) == {"Doug King": "Mount Royal University criminologist"}


def test_codebook_spelling_wins_by_fuzzy_match() -> None:
    text = headlined('"We were never told," said Heather Mcpherson, a spokesperson.')
    assert _only(text, known=("Heather McPherson",)).speaker == "Heather McPherson"


# --- organisations ---
def test_organisation_in_a_statement() -> None:
    text = headlined(
        "U.S. Immigration and Customs Enforcement (ICE) has officers in Canada.\n\n"
        'ICE said in a statement that its officers "do not conduct enforcement operations" abroad.'
    )
    finding = _only(text)
    assert finding.speaker == "U.S. Immigration and Customs Enforcement"  # the full name
    assert finding.mention == "ICE"


def test_according_to_an_organisation() -> None:
    text = headlined(
        "The embassy answered questions by email.\n\n"
        '"Our officers work with Canadian partners," according to the U.S. Embassy.'
    )
    assert _only(text).speaker == "U.S. Embassy"


# --- what counts as a quotation ---
def test_quote_over_several_paragraphs_is_one_entry() -> None:
    text = headlined(
        'Doug King said: "The agency has grown.\n\n"It now has officers in five cities."'
    )
    quote, speaker = speech_of(text)[0]
    assert len(speech_of(text)) == 1
    assert quote.startswith("The agency has grown.") and quote.endswith("five cities.")
    assert speaker == "Doug King"


def test_single_quotes_nested_inside_double_ones_stay_inside() -> None:
    text = headlined("\"They told us 'go home' and left,\" said Maria Lopez.")
    assert speech_of(text) == [("They told us 'go home' and left,", "Maria Lopez")]


def test_apostrophes_never_open_or_close_a_quote() -> None:
    text = headlined("Canada’s officers worked through the ’90s, and the agents’ files say so.")
    assert find_quotes(text) == []


def test_scare_quotes_and_titles_are_not_offered_as_speech() -> None:
    text = headlined(
        'Critics call it a "surveillance economy." The film "A Different Story" opens today.'
    )
    findings = find_quotes(text)
    assert len(findings) == 2
    assert not any(f.speech for f in findings)


def test_headline_quotes_are_not_speech() -> None:
    text = headlined('"We tried," Maria Lopez said.', headline='Union says it "tried" to settle')
    assert [f.speech for f in find_quotes(text)] == [False, True]


def test_json_shape_matches_the_cli_contract() -> None:
    text = headlined('"We tried," Maria Lopez told reporters.\n\n"We will try again."')
    finding, after = find_quotes(text)
    assert finding.as_json(text) == {
        "quote": "We tried,",
        "start": text.index("We tried"),
        "end": text.index("We tried") + len("We tried,"),
        "speaker": "Maria Lopez",
        "speaker_mention": "Maria Lopez",
        "cue": "told reporters",
        "carried": False,
        "confidence": finding.as_json(text)["confidence"],
    }
    # The next paragraph's quotation has no attribution of its own: its speaker is carried
    # on, and its mention and cue are the paragraph before's (so its JSON says so)
    carried = after.as_json(text)
    assert (carried["speaker"], carried["cue"], carried["carried"]) == (
        "Maria Lopez",
        "told reporters",
        True,
    )


# --- the reference article of the design ---
def test_ice_article_every_quote_and_speaker() -> None:
    text = normalise((GOLD / "ice-canada-offices.txt").read_text(encoding="utf-8"))
    gold = json.loads((GOLD / "ice-canada-offices.quotes.json").read_text(encoding="utf-8"))
    found = {(f.span.start, f.span.end): f.speaker for f in find_quotes(text) if f.speech}
    for item in gold:
        names = {item["speaker"], *item["speaker_mentions"]}  # ICE by its full name is right
        assert found.get((item["start"], item["end"])) in names, item["quote"]
    assert len(found) == len(gold)  # the U.S. Embassy's paraphrase is not offered


# --- any text at all ---
_PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "'",
        "’",
        " said ",
        " he ",
        "King",
        "Maria Lopez",
        ", ",
        ". ",
        "\n\n",
        ":",
        "—",
        "according to ",
        "the agency",
        "ICE",
        "It was",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40))
def test_never_crashes_and_spans_stay_inside_the_text(pieces: list[str]) -> None:
    text = normalise("".join(pieces))
    for finding in find_quotes(text):
        assert 0 <= finding.span.start < finding.span.end <= len(text)
        assert 0.0 <= finding.confidence <= 1.0 or not finding.speech
        json.dumps(finding.as_json(text))


def test_a_surname_alone_is_the_one_codebook_person_of_that_surname() -> None:
    # a follow-up story's "said Tombe": a second source "Tombe" was made beside the
    # codebook's Trevor Tombe (a newcomer's finding); of two Tombes, neither is taken
    text = headlined("“It is still terrible,” said Tombe, the University of Calgary economist.")
    assert _only(text, known=("Trevor Tombe", "Naheed Nenshi")).speaker == "Trevor Tombe"
    assert _only(text, known=("Trevor Tombe", "Anna Tombe")).speaker == "Tombe"
    assert _only(text).speaker == "Tombe"
    # an organisation of that last word is no person of that surname (an attack's finding)
    sachs = headlined("“Inflation is stickier than markets think,” Sachs said on Tuesday.")
    assert _only(sachs, known=("Goldman Sachs",)).speaker != "Goldman Sachs"


def test_a_given_name_ending_like_a_participle_opens_a_name_before_a_speech_verb() -> None:
    # "Naheed Nenshi said …" opening a sentence: "Naheed" was read as a participle ("Alarmed
    # by …"), the name lost, and the "he said" after it named no one (a daily reader's)
    text = headlined("Naheed Nenshi said the plan came late. “We asked for this in June,” he said.")
    assert _only(text).speaker == "Naheed Nenshi"
    opening = headlined("Assuming MPs agree, the bill passes. “It is done,” the clerk said.")
    assert _only(opening).speaker != "Assuming MPs"


def test_codebook_source_under_an_organisations_short_name() -> None:
    text = headlined(
        "U.S. Immigration and Customs Enforcement (ICE) has officers in Canada.\n\n"
        '"We work with partners," ICE said in a statement.'
    )
    assert _only(text, known=("ICE", "Doug King")).speaker == "ICE"


def test_wire_copy_closes_a_quote_with_two_single_marks() -> None:
    text = headlined(
        "“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told "
        "the BBC. “And it is inappropriate for a serious party to behave that way.”"
    )
    assert speech_of(text) == [
        ("It was an attempt to mislead voters,", "Will Moy"),  # "Will" is his name here
        ("And it is inappropriate for a serious party to behave that way.", "Will Moy"),
    ]


def test_archive_copy_writes_double_quotes_as_two_apostrophes() -> None:
    text = headlined(
        "''We've shifted work abroad,'' said Robert McDonough, president of the climate, "
        "controls and security division. ''Still, there's some opportunity there.''"
    )
    assert speech_of(text) == [
        ("We've shifted work abroad,", "Robert McDonough"),
        ("Still, there's some opportunity there.", "Robert McDonough"),
    ]


def test_a_name_suffix_is_not_the_surname() -> None:
    text = headlined(
        "James P. Kennedy Jr., the U.S. Attorney for the district, spoke on Monday.\n\n"
        '"The First Amendment carries responsibilities," Kennedy said in a statement.'
    )
    assert _only(text).speaker == "James P. Kennedy Jr."


def test_an_honorific_picks_the_person_of_its_gender() -> None:
    text = headlined(
        "In a year when Bill Clinton's record faced scrutiny, Hillary Clinton is shaping his "
        "role.\n\n"
        "Mrs. Clinton told voters that Mr. Clinton would be “in charge of revitalizing the "
        "economy, because he knows how to do it.”"
    )
    assert _only(text).speaker == "Hillary Clinton"


def test_surnames_with_inner_capitals_are_people() -> None:
    text = headlined(
        "Douglas Holtz-Eakin, an economist, and Jim VandeHei, a publisher, spoke.\n\n"
        "“You'd think the business community would be up in arms,” said Mr. Holtz-Eakin.\n\n"
        "“We didn't know if people were reading our piece,” Mr. VandeHei said."
    )
    assert [s for _, s in speech_of(text)] == ["Douglas Holtz-Eakin", "Jim VandeHei"]


def test_the_person_after_an_organisation_and_a_role_speaks() -> None:
    text = headlined(
        "David Nevins runs a network.\n\n"
        "“This is our effort to challenge the elders,” said American Unity Fund president "
        "Margaret Hoover.\n\n"
        "“It is irresistible to have something people know,” said Mr. Nevins of Showtime."
    )
    assert [s for _, s in speech_of(text)] == ["Margaret Hoover", "David Nevins"]


def test_the_subject_before_a_bracketed_party_says_the_partial_quote() -> None:
    text = headlined(
        "Sen. Elizabeth Warren (D-MA) said presumptive nominee Donald Trump was a “proven "
        "failure” in business.\n\n"
        "Rep. Elijah Cummings (D-Md.), chair of the committee, said that it was “open to "
        "every viewpoint being expressed.”"
    )
    assert [s for _, s in speech_of(text)] == ["Elizabeth Warren", "Elijah Cummings"]


def test_a_document_speaks_for_its_author_or_for_no_one() -> None:
    text = headlined(
        "Senator John Cornyn issued a statement on Monday.\n\n"
        "“This is wrong,” his statement said.\n\n"
        "A report released on Friday by the Center on Budget and Policy Priorities looked at "
        "taxes. Mark Lee read it.\n\n"
        "“Rates were not fair,” the report said."
    )
    assert [s for _, s in speech_of(text)] == [
        "John Cornyn",
        "Center on Budget and Policy Priorities",
    ]
    text = headlined(
        "People read reports all the time.\n\n“Troops were not ready,” the report said."
    )
    assert _only(text).speaker is None


def test_a_definite_role_is_the_subject_not_the_name_in_its_relative_clause() -> None:
    text = headlined(
        "Mike Smith, the captain, played beside Tom Jones for years. The team lost on Sunday.\n\n"
        "“We have to be better,” the captain, who played beside Jones, said."
    )
    assert _only(text).speaker == "Mike Smith"


def test_a_speaker_named_only_in_the_headline() -> None:
    text = headlined(
        "The German chancellor spoke in Berlin on Monday.\n\n“We face a crisis,” she said.",
        headline="Angela Merkel warns of crisis",
    )
    assert _only(text).speaker == "Angela Merkel"


def test_a_short_quotation_in_a_reporting_sentence_is_its_subjects() -> None:
    text = headlined(
        "Tom Perez and Charles Barkley spoke on Monday.\n\n"
        'Perez hammered the plan, calling it a "train wreck" and a "disaster."\n\n'
        "Barkley also said that CNN, a cable channel, has done an “awful” job."
    )
    assert speech_of(text) == [
        ("train wreck", "Tom Perez"),
        ("disaster.", "Tom Perez"),
        ("awful", "Charles Barkley"),
    ]


def test_scare_quotes_without_a_named_reporter_stay_words() -> None:
    text = headlined(
        "The researchers wondered whether this threshold explains our “eureka!” moments.\n\n"
        "Kathryn Waters showed the room. She pointed to the refreshment table with Campbell's "
        "Soup served with “electric” Kool Aid. This is what I call the “surveillance economy.”"
    )
    assert speech_of(text) == []


def test_particles_and_run_together_given_names_stay_in_names() -> None:
    text = headlined(
        "Al Gore and Mayor Bill de Blasio spoke, as did pollster KellyAnne Conway and South "
        "Korean-born Monte Haines.\n\n"
        "“It is premature,” Gore said. “We will help,” de Blasio said.\n\n"
        "“Look at the statement,” Conway notes. “I was shocked,” Haines said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Al Gore",
        "Bill de Blasio",
        "KellyAnne Conway",
        "Monte Haines",
    ]


def test_two_people_joined_by_and_are_two() -> None:
    text = headlined(
        "Former U.N. Ambassador John Bolton and Breitbart News National Security Editor Aaron "
        "Klein spoke on the radio.\n\n“They should not make it on that basis,” Bolton said."
    )
    assert _only(text).speaker == "John Bolton"


def test_the_person_of_an_organisation_speaks_not_the_organisation() -> None:
    text = headlined(
        "Republicans met on Monday.\n\n"
        "“Big tax cuts do not work,” James Pethokoukis of the American Enterprise Institute "
        "wrote.\n\n"
        "“This is just a scripted show,” said Virginia delegate Beau Correll.\n\n"
        "“The odds are against it,” said another leading Supreme Court advocate, Andrew J. "
        "Pincus of the law firm Mayer Brown.\n\n"
        "“We lend money,” Bank of America said."
    )
    assert [s for _, s in speech_of(text)] == [
        "James Pethokoukis",
        "Beau Correll",
        "Andrew J. Pincus",
        "Bank of America",
    ]


def test_a_regnal_title_is_part_of_the_one_name_it_precedes() -> None:
    text = headlined(
        "Pope Francis spoke in Mexico on Wednesday.\n\n"
        "“The flow of capital cannot decide the life of people,” Francis said."
    )
    assert _only(text).speaker == "Pope Francis"


def test_he_is_the_titled_subject_of_the_sentence_before() -> None:
    text = headlined(
        "Donald Trump criticised Ruth Bader Ginsburg. Trump said she should resign. Trump "
        "repeated it on Twitter.\n\n"
        "On Tuesday, Senate Majority Leader Mitch McConnell said that it was inappropriate for "
        "Ginsburg to criticize Trump. He said judges should not weigh in on elections.\n\n"
        "“It raises a level of skepticism about the court,” he said."
    )
    assert _only(text).speaker == "Mitch McConnell"


def test_subjects_of_clauses_around_a_relative_or_an_unclosed_appositive() -> None:
    text = headlined(
        "Glenn Beck spoke. Much of Beck’s ire was directed at Bannon, who Beck on Wednesday "
        "called “a horrible, despicable human being.”\n\n"
        "Workers are paid more. Anthony Anton, president and CEO of Washington Restaurant "
        "Association stated, “It’s not a political problem; it’s a math problem.”\n\n"
        "President Barack Obama spoke on Sunday. Obama addressed the nation from the Oval "
        "Office, vowing that the Islamic State “must be destroyed.”"
    )
    assert [s for _, s in speech_of(text)] == ["Glenn Beck", "Anthony Anton", "Barack Obama"]


def test_words_that_are_not_the_speaker_around_a_name() -> None:
    """A party word before a role, a contracted pronoun, a place and time introducing the
    sentence, a verb between two names: each once made a speaker of the wrong words."""
    text = headlined(
        "Chris Christie struggled all year.\n\n"
        '"It just became a lot of people competing for that space of votes," said '
        "Republican political consultant Chris Russell.\n\n"
        "Donald Trump spoke in Michigan.\n\n"
        "He’s claiming that voting fraud is “a big, big problem in this country.”\n\n"
        "Hillary Clinton answered questions on Saturday.\n\n"
        "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her "
        "statement, saying the country should be “rallying our partners and allies.”\n\n"
        "Bernie Sanders campaigned in South Carolina.\n\n"
        "Here in Columbia, Sanders stepped up his emphasis on criminal justice, saying, "
        '"We have got to achieve the day when young men can walk the streets without fear."\n\n'
        "Phyllis Schlafly died on Monday.\n\n"
        "Mrs. Schlafly endorsed Donald J. Trump for president, saying he had “the courage and "
        "the energy to do what the grass roots want him to do.”"
    )
    assert [s for _, s in speech_of(text)] == [
        "Chris Russell",
        "Donald Trump",
        "Hillary Clinton",
        "Bernie Sanders",
        "Phyllis Schlafly",
    ]


def test_a_clause_after_while_has_its_own_subject_and_former_names_no_one() -> None:
    text = headlined(
        "Marco Rubio and Ted Cruz debated Donald Trump.\n\n"
        "Rubio spoke first, while Cruz said that the “stakes in this election are too high” "
        "for Trump to be the nominee.\n\n"
        "Former House speaker Newt Gingrich defended the speech on Tuesday.\n\n"
        '"It\'s a little much and it will pass," he said.'
    )
    assert [s for _, s in speech_of(text)] == ["Ted Cruz", "Newt Gingrich"]


def test_an_organisation_described_by_its_country_is_not_the_last_one_named() -> None:
    text = headlined(
        "Donald Trump sent a memo to The Washington Post in April.\n\n"
        '"We will not pay for that wall, now or ever, whatever he says," the Mexican '
        "government said."
    )
    assert _only(text).speaker == "the Mexican government"  # the article's words, unnamed


def test_an_agency_dateline_is_no_picture_credit() -> None:
    text = headlined(
        "PARIS, Aug 31 (Reuters) - Marine Le Pen backed Donald Trump on Wednesday, Le Pen told "
        "CNN. “It’s everything but Hillary Clinton, because I believe she means war.”\n\n"
        "A protester holds a sign in Paris (Reuters/Charles Platiau) “Not in our name”"
    )
    assert speech_of(text) == [
        ("It’s everything but Hillary Clinton, because I believe she means war.", "Marine Le Pen")
    ]


def test_a_document_that_reads_speaks_for_its_owner_and_a_sign_for_no_one() -> None:
    text = headlined(
        "Charles Grassley has been taking heat back home.\n\n"
        "“There are invertebrates that have shown more spine than Sen. Charles Grassley,” "
        "reads a Wednesday editorial in The Des Moines Register.\n\n"
        "“Welcome to Iowa, the state where your journey begins,” reads a sign on the highway."
    )
    assert [s for _, s in speech_of(text)] == ["Des Moines Register"]


def test_a_document_named_after_its_owner_reads_for_the_owner() -> None:
    # "…,” reads the BCCDC public exposure webpage": the owner's name opens the document's
    # words (it was no one's, not even speech); "BCCDC" is the BC Centre for Disease Control
    # by the letters of its words, a word in capitals giving all of its own
    text = headlined(
        "The BC Centre for Disease Control is alerting the public about six more flights.\n\n"
        "The BCCDC says five of the flights were domestic.\n\n"
        "“Passengers seated in these rows should be considered at higher risk of exposure,” "
        "reads the BCCDC public exposure webpage.\n\n"
        "“We regret the delays on the route this week,” reads a Wednesday statement."
    )
    assert speech_of(text) == [
        (
            "Passengers seated in these rows should be considered at higher risk of exposure,",
            "BC Centre for Disease Control",
        )
    ]


def test_a_document_whose_words_name_a_body_is_not_another_body_s_earlier_one() -> None:
    # "a Toronto police news release": its words say whose it is, so it is not the release the
    # Humane Society issued a paragraph before; "a Tuesday statement" names only when
    text = headlined(
        "The Ottawa Humane Society issued a news release on Friday about the dogs.\n\n"
        "“This is a hate crime,” stated a Toronto police news release.\n\n"
        "The society issued a statement on Tuesday.\n\n"
        "“The dogs are safe,” a Tuesday statement said."
    )
    assert speech_of(text) == [
        ("This is a hate crime,", None),
        ("The dogs are safe,", "Ottawa Humane Society"),
    ]


def test_the_subject_of_a_clause_past_titles_brackets_and_questions() -> None:
    text = headlined(
        "Anita Dunn worked for Obama.\n\n"
        "If Russia is behind it — as Democrats allege, but Moscow strongly denies — “why "
        "wouldn’t you want to raise the potential for tampering?” asked Dunn, now a partner "
        "at a firm.\n\n"
        "Sen. Bernie Sanders (I-Vt.) visited NBC’s “Today” to discuss his recent remarks about "
        "his Democratic presidential rival, Hillary Clinton, saying “on her worst day” she’d be "
        "“an infinitely better president than any of the Republican 2016 hopefuls.”\n\n"
        "In a statement released Thursday, Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, "
        "saying: “Trayvon Martin’s killer should be in prison for what he did.”\n\n"
        "Marley Anderson, 21, a student, came to the caucus.\n\n"
        "“He stands for the middle class,” Anderson said, adding that Sanders is “the most "
        "trustworthy of all the candidates who are running.”"
    )
    assert [s for _, s in speech_of(text)] == [
        "Anita Dunn",
        "Bernie Sanders",
        "Bernie Sanders",
        "Hakeem Jeffries",
        "Marley Anderson",
        "Marley Anderson",
    ]


def test_police_ranks_in_their_short_forms_are_titles() -> None:
    text = headlined(
        "RCMP officers responded to the call.\n\n"
        '"The suspect was arrested without incident," said Const. Jane Doe, a spokesperson.\n\n'
        '"We are asking anyone with video to come forward," Det. Insp. Mark Smith said.\n\n'
        '"The investigation continues," said Cst. Lee Park.'
    )
    assert [s for _, s in speech_of(text)] == ["Jane Doe", "Mark Smith", "Lee Park"]


def test_a_participle_after_an_attribution_speaks_for_its_speaker() -> None:
    text = headlined(
        "Sean Spicer spoke to CNN. Paul Ryan and Donald Trump will meet next week.\n\n"
        "Ryan and Trump will meet sometime next week, Spicer said, adding: “They need to sit "
        "down and have a good talk.”\n\n"
        "The meeting was set for Thursday, said Spicer, adding that the two men “will get "
        "along just fine once they talk.”"
    )
    assert [s for _, s in speech_of(text)] == ["Sean Spicer", "Sean Spicer"]


def test_a_sentence_opened_by_said_or_by_a_participle_has_its_speaker_after() -> None:
    text = headlined(
        "FBI Director James Comey testified on Tuesday.\n\n"
        "Roof should not have been able to buy the weapon. Said Comey, “The thought that an "
        "error on our part is connected to this is very painful to us.”\n\n"
        "Harry Reid spoke to reporters. Alarmed by the unrest in Nevada, Senator Harry Reid, "
        "the minority leader, said the senator faced a “test of leadership” over it.\n\n"
        "Donald Trump flew to Phoenix. Preceded at the lectern by Joe Arpaio, the Arizona "
        "sheriff, Trump launched into a lament for the “countless Americans” he said were hurt."
    )
    assert [s for _, s in speech_of(text)] == ["James Comey", "Harry Reid", "Donald Trump"]


def test_an_opinion_verb_names_the_newspaper_that_opined() -> None:
    text = headlined(
        "Chief Williams spoke.\n\nEditorial pages across the country, including USA TODAY, "
        "warned that the sky was falling because of legal gun carriers. "
        '"Gun owners should leave their weapons at home," opined Cleveland\'s Plain Dealer. '
        "The warnings amounted to a big misfire."
    )
    assert [s for _, s in speech_of(text)] == ["Plain Dealer"]


def test_a_subject_described_before_its_name_is_still_the_subject() -> None:
    """ "Conservative economist Aparna Mathur ... said": she opens the sentence, so "she"
    after it is her, not the woman named later in the sentence."""
    text = headlined(
        "Ivanka Trump spoke about child care on Tuesday. Ivanka Trump said the plan would "
        "help families.\n\n"
        "Conservative economist Aparna Mathur, who studies tax policy at the American "
        "Enterprise Institute, said Ivanka Trump's statement did not clarify the matter.\n\n"
        '"I don\'t see details about who is left out, who is eligible," she said.'
    )
    assert [s for _, s in speech_of(text)] == ["Aparna Mathur"]


def test_a_person_of_an_organisation_is_the_person_and_an_organisation_stays_whole() -> None:
    text = headlined(
        "G4S won the contracts.\n\n"
        "According to Paul Sperry of Counter Jihad, “the company has been moving van loads of "
        "people away from the border.”\n\n"
        "“We will appeal the ruling and we expect to win,” said Bank of America in a statement."
    )
    assert [s for _, s in speech_of(text)] == ["Paul Sperry", "Bank of America"]


def test_a_description_by_its_owner_then_the_name_is_the_named_person() -> None:
    text = headlined(
        "Freddy Trump was the eldest son. Freddy was less concerned with ethnic distinctions. "
        "When he enrolled at Lehigh University in Pennsylvania, the boy with blond hair "
        "joined a Jewish fraternity.\n\n"
        "''It may have been Freddy's first attempt to make his own statement to his father,'' "
        "said his best friend at Lehigh, Bruce Turry, who, like Freddy, joined the fraternity."
    )
    assert [s for _, s in speech_of(text)] == ["Bruce Turry"]


def test_that_opens_no_subject_and_a_description_may_hold_a_year() -> None:
    text = headlined(
        "Steve Elmendorf helped Clinton prepare for the debates.\n\n"
        "“She didn't like that,” said a 2008 Clinton veteran.\n\n"
        "City Attorney Brad Holm said in the letter that the advertisement “unmistakably and "
        "wrongfully” suggests that Phoenix and its officers support Trump's campaign."
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in findings] == [None, "Brad Holm"]  # a description: no name
    assert findings[0].mention == "a 2008 Clinton veteran"


@example(["x", "Kayla", " ", '"Kay-O"', " ", "Chiasson"])  # (no boundary: none)
@example(["Kayla", " ", "“Ronnie Red”", " ", "Chiasson"])
@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Kayla", " ", '"Kay-O"', "“Ronnie Red”", "(Bob)", "(bob)", "Chiasson", "x", "é", "9"]
        )
    )
)
def test_a_nickname_is_found_where_the_plain_pattern_finds_it(pieces: list[str]) -> None:
    # `_NICKNAME` looks behind its first capital for the word boundary (quicker over 1 MB).
    import re

    from reader.quotes.name_words import _NICKNAME, _blank_nickname, _blanked

    text = "".join(pieces)
    plain = re.compile(
        r"(\b[A-Z][\w’'-]{1,20} )([\"“][A-Z][^\"“”\n]{0,24}[\"”]|\([A-Z][a-z]{1,15}\))"
        r"(?= [A-Z][\w’'-]+)"
    )
    assert [m.span() for m in _NICKNAME.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # The text read for names has each nickname blanked, from the matches already found.
    assert _blanked(text, list(_NICKNAME.finditer(text))) == _NICKNAME.sub(_blank_nickname, text)


def test_the_tokeniser_knows_every_white_space_character() -> None:
    from reader.quotes.mentions import _SPACES

    assert _SPACES.tolist() == [c for c in range(0x110000) if chr(c).isspace()]


_BEFORE_NAME_PIECES = ["A", "Bo", "Ex-Sen.", "c", "é", "1", "_", "’", "'", ".", "-", " ", "\n"]
_BEFORE_NAME_PIECES += ["\u00a0", "!", "?", "”", ")", ",", "Geologist", "mother of", "7"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_NAME_PIECES), max_size=25), st.integers(0, 3))
@example(["said Ex-Sen.", "\n", " "], 0)  # (`$` matches before a final line break too)
@example([".", " ", "Geologist", " "], 0)
def test_the_words_before_a_name_are_read_as_their_plain_patterns_read_them(
    pieces: list[str], back: int
) -> None:
    # `_last_words` reads the last word backwards, `_OPENING_ROLE` looks behind its capital:
    # both as quick as can be, and both must find what the plain patterns find.
    import re

    from reader.quotes.article_context import _OPENING_ROLE, _last_words

    text = "".join(pieces)
    start = max(0, len(text) - back)
    end = start
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    word = re.search(r"(?<![\w’'])[\w’'][\w’'.-]*$", text[max(0, end - 40) : end])
    parts = word.group().casefold().split("-") if word and end < start else []
    expected = {p.rstrip(".") for p in ("-".join(parts[i:]) for i in range(len(parts))) if p}
    assert _last_words(text, start) == expected
    plain = re.compile(
        r"(?:^|(?<=[.!?][\"”’)]\s)|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z]+(?:-[a-z]+)?)"
        r"((?: (?:[a-z][a-z-]*|\d+)){0,3}) $"
    )
    for low in (0, 1, max(0, start - 50)):
        found, wanted = _OPENING_ROLE.search(text, low, start), plain.search(text, low, start)
        assert (found and (found.span(), found.groups())) == (
            wanted and (wanted.span(), wanted.groups())
        )


def test_the_finder_is_freed_when_its_search_returns_not_by_the_cyclic_collector() -> None:
    import gc
    import weakref

    from reader.core.text import TextStructure
    from reader.quotes.attribution import _Finder

    text = "Title\n\n“We will stay,” Doug King said.\n\n“It is late,” he added."
    enabled = gc.isenabled()
    gc.disable()
    try:
        finder = _Finder(TextStructure(text), [], 0)
        assert [f.speaker for f in finder.run()] == ["Doug King", "Doug King"]
        entities = weakref.ref(finder.entities)
        del finder
        assert entities() is None  # freed by reference count: no cycle holds the finder
    finally:
        if enabled:
            gc.enable()


def test_a_person_is_named_from_the_given_name_after_a_title_of_any_form() -> None:
    text = headlined(
        "Port Alberni Mayor Don Guardian spoke after the mill closed.\n\n"
        '"The town will recover," Guardian said.\n\n'
        "Boilermakers Union Secretary-Treasurer Gary Casteel was there too.\n\n"
        '"Our members need the work," Casteel said.\n\n'
        "Sawmill Workers Director of Government Affairs Phil Smith stood beside him. "
        '"We will wait for the offer," Smith said.\n\n'
        "At the rally, Liberals Marie Tremblay, Jean Roy and Paul Leblanc spoke.\n\n"
        '"We will fight for this mill," Tremblay said.'
    )
    assert [s for _, s in speech_of(text)] == [
        "Don Guardian",  # "Guardian" also names a newspaper
        "Gary Casteel",  # not "Workers Secretary-Treasurer Gary Casteel"
        "Phil Smith",  # not "Affairs Phil Smith"
        "Marie Tremblay",  # not "Liberals Marie Tremblay"
    ]


def test_a_first_word_missing_from_the_given_names_still_opens_a_name() -> None:
    text = headlined(
        'After the match, Hernan Dario Gomez, the coach, said, "We learned a lot today."'
    )
    assert [s for _, s in speech_of(text)] == ["Hernan Dario Gomez"]


def test_the_name_beside_someones_role_is_the_speaker_not_the_owner() -> None:
    text = headlined(
        "Jagmeet Singh toured the mill on Monday.\n\n"
        '"We never expected this many people," Singh\'s campaign manager, Anne McGrath, said.\n\n'
        "MP Laurel Collins was there too.\n\n"
        '"It will pass," Rep. Laurel Collins’ chief of staff, Ray Dunn, told reporters.\n\n'
        '"Turnout will decide it," his press secretary, Mark Chan, said.'
    )
    assert [s for _, s in speech_of(text)] == ["Anne McGrath", "Ray Dunn", "Mark Chan"]


def test_the_ranker_reads_a_titled_or_described_name_as_its_sentence_subject() -> None:
    from reader.quotes.attribution import trace_candidates
    from reader.quotes.ranking import FEATURES

    text = headlined(
        "Committee Chairman Rep. Jason Chaffetz said the hearing would start with James Comey. "
        "Obama consultant Cornell Belcher agreed with Comey. “We will see,” he said."
    )
    (_, _, candidates), *_ = trace_candidates(text)
    subject = {c.name: c.values[FEATURES.index("before_subject")] for c in candidates}
    assert subject["Jason Chaffetz"] == 1.0  # after "Committee Chairman Rep."
    assert subject["Cornell Belcher"] == 1.0  # after "Obama consultant"
    assert subject["James Comey"] == 0.0  # the object of "with"


def test_a_noun_after_an_owner_is_no_speech_verb() -> None:
    text = headlined(
        "Jagmeet Singh spoke about the budget on Friday.\n\n"
        "Party president Anne Roy called Singh's remarks on the budget a “new low” and a "
        "“bizarre attempt to change the subject.”"
    )
    assert [s for _, s in speech_of(text)] == ["Anne Roy", "Anne Roy"]  # not Singh


def test_the_name_beside_an_organisations_role_is_the_speaker() -> None:
    text = headlined(
        "The visa program is under review.\n\n"
        '"The program is worth a very close look," the White House spokesman, Mark Chan, '
        "said on Thursday.\n\n"
        '"We will report in June," the Privy Council Office spokeswoman, Anne Roy, said.'
    )
    assert [s for _, s in speech_of(text)] == ["Mark Chan", "Anne Roy"]


def test_he_or_she_has_only_people_among_the_ranker_candidates() -> None:
    from reader.quotes.attribution import trace_candidates

    text = headlined(
        "Jane Roe of the Canadian Bankers Association spoke in Toronto.\n\n"
        "“We will wait for the rules,” she said."
    )
    (_, rule, candidates), *_ = trace_candidates(text)
    assert rule.mention == "she"
    assert [c.name for c in candidates] == ["Jane Roe"]  # not the association


def test_given_names_are_known_with_their_accents_and_in_compounds() -> None:
    from reader.quotes.given_names import gender_of, is_given_name

    assert [gender_of(n) for n in ("Mélanie", "Stéphane", "Josée", "Jean-François")] == [
        "f",
        "m",
        "f",
        "m",
    ]
    assert is_given_name("Marie-Claude") and not is_given_name("Smith-Jones")
    text = headlined(
        '"Canada will not be intimidated," said Minister of Foreign Affairs Mélanie Joly.'
    )
    assert [s for _, s in speech_of(text)] == ["Mélanie Joly"]  # not "Affairs Mélanie Joly"


def test_what_a_company_or_an_agency_issued_speaks_for_it() -> None:
    text = headlined(
        "Ford Motor Co. said it would cut 400 jobs in Oakville.\n\n"
        '"The market has changed," the company said in a statement.\n\n'
        'According to a statement from Health Canada, "the recalled product is safe to '
        'return to stores."'
    )
    assert [s for _, s in speech_of(text)] == ["Ford Motor Co.", "Health Canada"]


def test_a_name_after_a_title_of_something_opens_its_sentence() -> None:
    text = headlined(
        "Dr. Bonnie Henry, B.C.'s provincial health officer, said cases are falling.\n\n"
        '"We are in a good place," Henry said.\n\n'
        "Assembly of First Nations National Chief Jane Roe called for action on Tuesday. "
        '"Our children cannot wait," she said.'
    )
    assert [s for _, s in speech_of(text)] == ["Bonnie Henry", "Jane Roe"]


def test_an_epithet_stands_for_the_person_named_before_but_the_other_one_does_not() -> None:
    text = headlined(
        "Sam Chen has run the Golden Dragon restaurant on Main Street for 30 years.\n\n"
        '"Every day is a new day," the affable owner said with a laugh.'
    )
    (finding,) = find_quotes(text, [])
    assert (finding.speaker, finding.uncertain) == ("Sam Chen", True)  # a guess to check
    text = headlined(
        'Officer Jane Roe arrived first at the scene.\n\n"It was chaos," the other officer said.'
    )
    assert [s for _, s in speech_of(text)] == [None]  # not Jane Roe, and no name offered


def test_a_word_too_long_for_a_given_name_is_none_and_not_kept() -> None:
    from reader.quotes.given_names import _key, gender_of, is_given_name

    before = _key.cache_info().currsize
    word = "Jean-" + "é" * 100_000
    assert not is_given_name(word) and gender_of(word) == ""
    assert _key.cache_info().currsize == before


def test_a_short_sentence_that_is_its_own_paragraph_carries_the_speaker_on() -> None:
    text = headlined(
        "Mayor Jane Roe spoke to reporters on Monday.\n\n"
        "“The situation is dire,” Roe said.\n\n"
        "“We need help now.”\n\n"
        "'A healthy environment.'\n\n"  # a subhead in single marks is no one's words
        "The province said it would send help."
    )
    assert speech_of(text) == [
        ("The situation is dire,", "Jane Roe"),
        ("We need help now.", "Jane Roe"),
    ]


def test_a_phrase_quoted_in_a_sentence_belongs_to_the_speaker_named_at_its_end() -> None:
    text = headlined(
        "His endorsements will carry “a great deal of weight” and bring candidates the "
        "“grass-roots firepower” they need to win, DFA spokesman Neil Sroka said.\n\n"
        "Fundraising was “stagnant for about a month” as donors waited, said Ohio State "
        "University professor Paul Beck.\n\n"
        "The “Remain” camp lost the vote, Ann Lee said."  # a name quoted: no one's words
    )
    assert speech_of(text) == [
        ("a great deal of weight", "Neil Sroka"),
        ("grass-roots firepower", "Neil Sroka"),
        ("stagnant for about a month", "Paul Beck"),
    ]


def test_a_clause_joined_by_and_after_a_quotation_is_no_confident_attribution() -> None:
    text = headlined("Critics called the plan “reckless” and actress Mary Poe wrote a blog.")
    (finding,) = find_quotes(text, [])
    assert finding.confidence < 0.8  # 1.0 before: "and Mary Poe wrote" read as "Poe wrote"


def test_a_number_with_a_decimal_point_or_commas_neither_ends_a_sentence_nor_a_clause() -> None:
    text = headlined(
        "Canada Post said in a statement that its offer of 11.5 per cent over four years "
        "“protects the defined-benefit pension for current employees.”"
    )
    assert speech_of(text) == [
        ("protects the defined-benefit pension for current employees.", "Canada Post")
    ]


def test_canadian_names_with_abbreviations_and_national_bodies() -> None:
    text = headlined(
        "Jane Roe, the mayor of Sault Ste. Marie, said residents “are still waiting for "
        "answers about that night.”\n\n"
        "Curling Canada said in a statement that more than 100,000 fans attended, “a record "
        "for a Brier in British Columbia.”"
    )
    assert [s for _, s in speech_of(text)] == ["Jane Roe", "Curling Canada"]


def test_a_word_that_describes_what_follows_is_no_name() -> None:
    text = headlined(
        "According to White House-era documents from Diane Blair, the first lady had "
        "referred to her as “a narcissistic loony toon.”"
    )
    assert "White House-era" not in {s for _, s in speech_of(text)}


def test_a_phrase_with_its_comma_inside_the_marks_goes_to_the_speaker_after_it() -> None:
    text = headlined(
        "Kashiya Nwanguma went to the rally. The moment that Ms. Nwanguma held up her signs, "
        "supporters began shoving her and calling her “leftist scum,” she said in an interview."
    )
    assert speech_of(text) == [("leftist scum,", "Kashiya Nwanguma")]


def test_a_title_at_a_sentence_start_or_abbreviated_describes_the_person_for_later() -> None:
    text = headlined(
        "Premier Gordon Whitlock announced the plan. Opposition critic Marc Smith said it "
        "fell short.\n\n"
        "“We are doing more,” the premier said.\n\n"
        "Cpl. Marie-Josée Ouellette urged drivers to check road conditions.\n\n"
        "“Please stay home,” the corporal said.\n\n"
        "In her reasons, Justice Anne-Marie Fortin said the man chose clients by age.\n\n"
        "“It is difficult to overstate the harm,” the judge wrote."
    )
    assert [s for _, s in speech_of(text)] == [
        "Gordon Whitlock",
        "Marie-Josée Ouellette",
        "Anne-Marie Fortin",
    ]


def test_the_union_or_the_league_is_the_body_of_that_kind_named_before() -> None:
    text = headlined(
        "The Canadian Union of Postal Workers is on strike. “Our members are losing sales,” "
        "said Lisa-Marie Fontaine of the Canadian Federation of Independent Business.\n\n"
        "“Management could end this today,” the union said.\n\n"
        "Home sales rose in October, the Canadian Real Estate Association said Friday.\n\n"
        "“National home sales were up,” the association said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Lisa-Marie Fontaine",
        "Canadian Union of Postal Workers",
        "Canadian Real Estate Association",
    ]


def test_a_public_notice_speaks_for_whoever_issued_it_never_as_a_word_of_it() -> None:
    text = headlined(
        "Environment Canada has issued a heat warning for the region.\n\n"
        "“Hot and dry conditions will persist through the weekend,” the warning reads.\n\n"
        "In a news release, the Calgary Police Service said extra patrols would begin.\n\n"
        "“Officers will be deployed at the 10 busiest stations,” the release said."
    )
    assert [s for _, s in speech_of(text)] == ["Environment Canada", "Calgary Police Service"]


def test_a_body_named_with_and_or_a_list_ending_in_its_country_is_one_organisation() -> None:
    text = headlined(
        "“These changes are necessary,” Immigration, Refugees and Citizenship Canada said.\n\n"
        "“The company can afford it,” United Food and Commercial Workers Canada said.\n\n"
        "Fisheries and Oceans Canada said stocks were low. “We are worried,” it said.\n\n"
        "Britain and Canada signed the deal. Jane Roe said it was “a good day for trade.”"
    )
    assert [s for _, s in speech_of(text)] == [
        "Immigration, Refugees and Citizenship Canada",
        "United Food and Commercial Workers Canada",
        "Fisheries and Oceans Canada",
        "Jane Roe",
    ]


def test_a_clause_after_which_and_a_verb_named_like_a_show_belong_to_the_subject() -> None:
    text = headlined(
        "The company runs the Northfield Fresh chain. United Food and Commercial Workers "
        "Canada, which represents 20,000 Northfield employees, said the results show “the "
        "company can afford to pay a living wage.”"
    )
    assert [s for _, s in speech_of(text)] == ["United Food and Commercial Workers Canada"]


def test_he_after_a_described_subject_is_the_person_so_described() -> None:
    text = headlined(
        "“I'm against spending $680,000,” Deputy Mayor Ron Van Dusen said. Gary Pettipiece, "
        "director of community services, said a smaller pad would not qualify.\n\n"
        "The deputy mayor said he would respect the decision.\n\n"
        "“Council has spoken. I'll make sure it gets built right,” he said.\n\n"
        "Labour Minister Sean O'Driscoll said he would not order an end to the strike.\n\n"
        "Letter carrier Kwame Asante-Boateng said his co-workers never expected it.\n\n"
        "“I've been delivering on the same route for 16 years,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Ron Van Dusen",
        "Ron Van Dusen",
        "Kwame Asante-Boateng",
    ]


def test_a_surname_with_two_particles_is_part_of_the_name() -> None:
    text = headlined(
        "Board chair Lorna Van der Merwe urged residents to have a bag packed.\n\n"
        "“If you receive an order, go,” Van der Merwe said.\n\n"
        "“We will be there,” said Juan de la Cruz."
    )
    assert [s for _, s in speech_of(text)] == ["Lorna Van der Merwe", "Juan de la Cruz"]


def test_who_issued_a_document_and_who_a_pronoun_means_in_local_news() -> None:
    text = headlined(
        "Amira Haddad was killed in the crash. Haddad’s mother wrote a statement that a "
        "family friend read aloud.\n\n"
        "“My daughter crossed an ocean to build a safe life,” the statement said.\n\n"
        "The Tusket Wharf Users Committee posted on Facebook on Sunday. “Please look out "
        "for each other,” the post said.\n\n"
        "The report, written by coroner Michelle Tran, found he died of toxicity.\n\n"
        "“The checks required by policy were not carried out,” the report states.\n\n"
        "Defenceman Ava Crowshoe scored the winner. Tracy Crowshoe, Ava’s mother, said she "
        "could barely watch.\n\n"
        "“I was hiding behind my hands,” she said.\n\n"
        "Jolene Two Feathers, who runs a cow-calf operation near Maple Creek, said they "
        "sold cows.\n\n"
        "“You spend 20 years building up your genetics,” she said.\n\n"
        "In a statement, the Prince George detachment said it found “no grounds for action.”"
    )
    assert [s for _, s in speech_of(text)] == [
        None,  # the mother wrote it, and she is not named: no one
        "Tusket Wharf Users Committee",
        "Michelle Tran",
        "Tracy Crowshoe",
        "Jolene Two Feathers",
        "Prince George detachment",
    ]


def test_a_name_with_a_place_word_that_speaks_is_an_organisation() -> None:
    text = headlined(
        "“We work nights,” said Nathalie Pelletier, president of the Atlantic Food Workers "
        "Union local.\n\n"
        "In a statement, Valley Harvest said its offer was fair.\n\n"
        "“We remain ready to return to the table,” the company said."
    )
    assert [s for _, s in speech_of(text)] == ["Nathalie Pelletier", "Valley Harvest"]


def test_a_statement_is_its_issuers_and_a_sports_description_its_players() -> None:
    text = headlined(
        "In a statement, Maple Crest Manor's operator, Evergreen Senior Living Corp., said "
        "it was reviewing the report.\n\n"
        "“We deeply regret the pain this has caused,” the statement said.\n\n"
        "Grand Chief Leona Flett of the Northern Cree Chiefs Council issued a statement. "
        "“We stand with the family,” the statement said.\n\n"
        "Pentagon spokesman Peter Cook declined to comment. The Times said Cook provided a "
        "written statement. “It was a mistake,” the statement said.\n\n"
        "Flames goalie Vitali Horoshko made 31 saves in the loss.\n\n"
        "“I've got to have the second one,” the goaltender said.\n\n"
        "Kicker Seamus O'Rourke added two field goals. “That one felt good,” O'Rourke said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Evergreen Senior Living Corp.",
        "Leona Flett",
        "Peter Cook",
        "Vitali Horoshko",
        "Seamus O'Rourke",
    ]


def test_quotation_after_quotation_in_one_long_paragraph_costs_each_a_bounded_read(
    monkeypatch: MonkeyPatch,
) -> None:
    # 200 KB of «‹ took 46 s: each quotation read its sentence's tokens again, and the
    # sentence splitter's time grew with the square of the paragraph.
    from reader.core import text as text_module

    read = _count_token_reads(monkeypatch)
    segmented: list[int] = []
    splitter = text_module._sentencex_segment

    def measured(language: str, para: str) -> list[str]:
        segmented.append(len(para))
        return list(splitter(language, para))

    monkeypatch.setattr(text_module, "_sentencex_segment", measured)
    article = headlined("\u00ab\u2039" * 15_000)
    findings = find_quotes(article, [])
    assert len(findings) == 15_000
    assert sum(read) < 50 * len(findings)  # (about 1,000 tokens each before)
    assert max(segmented) <= text_module._SEGMENT_CHARS


def test_he_or_she_after_a_sentence_about_someone_described_is_that_person() -> None:
    """The subject of the sentence just before a "she said" is who she is, also when the
    last quotation was someone else's: a description resolved to the person it was given
    to, before or after their name ("Mr. Osei's lawyer, Nadia Ferreira," then "his lawyer";
    "Ethics Commissioner Lena Vogt" then "The commissioner"), an epithet no one was given
    ("The Sudbury native") to the story's main figure."""
    text = headlined(
        "Tomas Osei, 41, was sentenced to two years. Mr. Osei's lawyer, Nadia Ferreira, "
        "asked for house arrest.\n\n"
        "“He is ashamed of what he did,” Ferreira told the court.\n\n"
        "Crown prosecutor Alan Brisco asked for three years.\n\n"
        "“The victims lost their savings,” Brisco said.\n\n"
        "Outside court, his lawyer said no decision had been made on an appeal.\n\n"
        "“We will read the reasons first,” she said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Nadia Ferreira"
    text = headlined(
        "Ethics Commissioner Lena Vogt found the minister broke the rules.\n\n"
        "A spokesperson for the premier, Raymond Tully, said the premier had full confidence "
        "in her minister.\n\n"
        "“She has our support,” Tully said.\n\n"
        "The commissioner noted that a friendship alone was no conflict.\n\n"
        "“The act does not forbid friendship,” she wrote."
    )
    assert [s for _, s in speech_of(text)][-1] == "Lena Vogt"
    text = headlined(
        "Marcus Lalonde made the national para hockey team on Monday.\n\n"
        "“I thought it was a prank,” Lalonde said. Lalonde lost both legs in a crash.\n\n"
        "Teammate Jordan Pike said Lalonde trains every day.\n\n"
        "“He texts me at six,” Pike said.\n\n"
        "The Sudbury native said he will sleep in his jersey.\n\n"
        "“Don't tell anyone,” he said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Marcus Lalonde"
    text = headlined(
        "For grain farmers Piet and Anneke Visser, the flood is still close.\n\n"
        "“We lost 60 cows,” Piet Visser said.\n\n"
        "His wife, Anneke Visser, said the family watches the river gauges.\n\n"
        "Agriculture Minister Carla Dunmore said crews are on standby.\n\n"
        "“The dikes are stronger now,” the minister said.\n\n"
        "His wife was less sure.\n\n"
        "“I know what this river does,” she said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Anneke Visser"


def test_she_after_a_sentence_about_someone_never_named_is_no_one_named() -> None:
    text = headlined(
        "Transit chair Paul Remy wrote that he was sickened by the attack.\n\n"
        "“Our operators deserve to come home safe,” he wrote.\n\n"
        "The driver's daughter posted on Facebook on Friday morning.\n\n"
        "“My dad has driven this route for 20 years,” she wrote.\n\n"
        "A neighbour, who asked not to be named, said she heard shouting.\n\n"
        "“It was over in seconds,” she said.\n\n"
        "Police spokesperson Const. Theo Marek said officers arrived in three minutes.\n\n"
        "A passenger who spoke on condition that she not be named said it was fast.\n\n"
        "“He just stood up and went at him,” she said.\n\n"
        "Marek said the two men did not know each other.\n\n"
        "“This was a random act,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Paul Remy", None, None, None, "Theo Marek"]


def test_a_pronoun_inside_a_quotation_tells_nothing_of_the_speaker_s_gender() -> None:
    text = headlined(
        "Health critic Ingrid Solvang said the story is not unusual.\n\n"
        "Dr. Avi Kessler, an emergency physician, said a miscarriage is often "
        "“triaged lower than it feels to the patient.”\n\n"
        "“Medically, if she was stable, a long wait may not have changed much,” he said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Avi Kessler"


def test_a_role_or_a_quebec_lawyer_s_title_before_a_name_is_not_part_of_it() -> None:
    text = headlined(
        "LISTEN | Artist Maya Redsky on painting four grandmothers: (The Morning Edition)\n\n"
        "“I wanted people to look up,” Redsky said.\n\n"
        "Crown prosecutor Me Sophie Lemaire said the ruling “sends a clear message.”\n\n"
        "Defence lawyer Me Jean-Luc Dorval said his client was disappointed. “We respect the "
        "decision,” Dorval said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Maya Redsky",
        "Sophie Lemaire",
        "Jean-Luc Dorval",
    ]
    text = headlined(
        "Guard Minh Tran scored the winning basket with four seconds left.\n\n"
        "“I just let it go,” Tran said.",
        headline="Rookie Tran hits late three as Huskies win national title",
    )
    assert [s for _, s in speech_of(text)] == ["Minh Tran"]


def test_a_name_in_apposition_to_the_company_is_the_company_and_its_owner_keeps_his_name() -> None:
    text = headlined(
        "The company, Déneigement Rive-Nord Paquin, was owned by Luc Paquin, the mayor's "
        "brother-in-law. Paquin pleaded guilty last year.\n\n"
        "“I never asked him for anything,” Paquin told the court."
    )
    assert [s for _, s in speech_of(text)] == ["Luc Paquin"]
    text = headlined(
        "Voters met the new face of the party, Donald J. Trump, on Monday.\n\n"
        "“We will win,” Trump said."
    )
    assert [s for _, s in speech_of(text)] == ["Donald J. Trump"]


def test_a_nickname_in_quotation_marks_inside_a_name_leaves_the_name_whole() -> None:
    text = headlined(
        'Maya "Mighty" Fortin is going to the Olympic qualifiers. Her father, Réal Fortin, '
        "coached her.\n\n"
        "“I still can't stop shaking,” Fortin said.\n\n"
        "“She was eight when she started,” said Réal Fortin."
    )
    assert [s for _, s in speech_of(text)] == ["Maya Fortin", "Réal Fortin"]


def test_a_nickname_in_brackets_inside_a_name_leaves_the_name_whole() -> None:
    # "Seung Hwan (Mark) Lee": the quotation had gone to "Seung Hwan", and a later "Lee
    # said" to a one-word "Lee"
    text = headlined(
        "“It is no longer about the textbooks,” said Seung Hwan (Mark) Lee, an associate "
        "professor of retail management.\n\n"
        "“Find out what your school district is doing first,” Lee said.\n\n"
        "Robert (Bob) Smith, a farmer, was there. “It rained for a week,” Smith said."
    )
    assert [s for _, s in speech_of(text)] == ["Seung Hwan Lee", "Seung Hwan Lee", "Robert Smith"]


def test_a_role_after_its_verb_ends_at_a_preposition() -> None:
    # "said the prime minister during his Rideau Cottage press conference": the role is "the
    # prime minister" (the phrase ran on to "Rideau" and named no one); "a survey by X" still
    # goes on to its author
    text = headlined(
        "Prime Minister Justin Trudeau said the deal was reached with the NDP.\n\n"
        "“Three parties came together on this,” Trudeau said.\n\n"
        "“It is sort of irresponsible to say otherwise,” said the prime minister during his "
        "Rideau Cottage press conference.\n\n"
        "Newsrooms had to “consolidate copy editing and page design,” according to a 2018 "
        "survey by Penelope Muse Abernathy."
    )
    assert [s for _, s in speech_of(text)] == [
        "Justin Trudeau",
        "Justin Trudeau",
        "Penelope Muse Abernathy",
    ]


def test_french_particles_stay_in_the_name() -> None:
    text = headlined(
        "Dr. Josée d'Amours, the MLA for Caraquet, is the new health minister.\n\n"
        "“I know what it is like to make a patient wait,” d'Amours said.\n\n"
        "Quebec Court Judge Anne-Marie de la Fontaine wrote that the evidence was clear.\n\n"
        "“The accused did not merely fail to disclose,” de la Fontaine wrote."
    )
    assert [s for _, s in speech_of(text)] == [
        "Josée d'Amours",
        "Anne-Marie de la Fontaine",
    ]


def test_a_place_s_mayor_speaks_as_the_mayor_the_headline_names() -> None:
    text = headlined(
        "Milton's mayor says a 4.9 per cent tax increase is “the responsible number.”\n\n"
        "At a committee meeting, the mayor said cuts now would mean “a bigger hike next "
        "year.”",
        headline="Mayor Priya Ramdial defends 4.9% tax hike as councillors push for cuts",
    )
    assert [s for _, s in speech_of(text)] == ["Priya Ramdial", "Priya Ramdial"]


def test_a_phrase_quoted_from_a_finding_or_a_ruling_is_its_author_s() -> None:
    text = headlined(
        "Ethics Commissioner Lena Vogt released her report on Thursday. The commissioner "
        "found that Mr. Khan “failed to recuse himself” from two meetings.\n\n"
        "In a 41-page decision, Justice Ann Roe ruled the approval was “reasonable, "
        "transparent and intelligible.”"
    )
    assert speech_of(text) == [
        ("failed to recuse himself", "Lena Vogt"),
        ("reasonable, transparent and intelligible.", "Ann Roe"),
    ]


def test_a_name_after_a_numbered_description_is_the_speaker() -> None:
    text = headlined(
        "“I hated it at first,” said Grade 11 student Imani Okafor.\n\n"
        "“It was a fair deal,” said Local 1505 president Ana Ruiz."
    )
    assert [s for _, s in speech_of(text)] == ["Imani Okafor", "Ana Ruiz"]


def test_an_epithet_no_one_was_given_is_the_story_s_main_figure() -> None:
    text = headlined(
        "Noah Whitecalf made the national para hockey team. Whitecalf lost both legs in a "
        "crash three years ago, and Whitecalf trained through the winter.\n\n"
        "His mother, Lise Whitecalf, remembers the months after the crash.\n\n"
        "“There were nights I didn't think he would smile again,” Lise Whitecalf said.\n\n"
        "“Hockey gave me something to be angry at,” the teen said."
    )
    assert [s for _, s in speech_of(text)] == ["Lise Whitecalf", "Noah Whitecalf"]


def test_someone_s_relative_named_in_apposition_speaks_by_that_name_later() -> None:
    text = headlined(
        "Three fishermen are missing off Newfoundland. Kyle Ryan, 24, was one of them.\n\n"
        "Kyle's mother, Donna Ryan, said she has barely slept.\n\n"
        "“He was going to get married next summer,” Kyle's mother said."
    )
    assert [s for _, s in speech_of(text)] == ["Donna Ryan"]


def test_a_company_named_again_without_its_corporate_word_is_the_same_company() -> None:
    text = headlined(
        "A strike by 640 workers at Valley Orchard Foods entered its third week.\n\n"
        "In a statement, Valley Orchard said its offer was “fair, competitive and among the "
        "best in the region.”"
    )
    assert [s for _, s in speech_of(text)] == ["Valley Orchard Foods"]


def test_the_report_speaks_for_its_author_even_after_a_fuller_mention_of_it() -> None:
    text = headlined(
        "A man died in a police cell, according to a coroner’s report released this week.\n\n"
        "The report, written by coroner Michelle Okoro, found he was not checked for hours.\n\n"
        "“The physical checks required by policy were not consistently carried out,” the "
        "report states."
    )
    assert [s for _, s in speech_of(text)] == ["Michelle Okoro"]


def test_a_given_name_from_any_culture_starts_the_name_after_a_role_word() -> None:
    text = headlined(
        "Mayor Ian Beaton said the road would reopen Friday.\n\n"
        "Geologist Ewan MacFie said the slope was still moving.\n\n"
        "“Water gets into the cracks and pries the rock apart,” he said.\n\n"
        "Runner Samir Benhaddou finished the race in the heat.\n\n"
        "“There was no shade at all after the bridge,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Ewan MacFie", "Samir Benhaddou"]


def test_the_elder_of_two_people_sharing_a_surname_is_the_parent() -> None:
    text = headlined(
        "Shareholders voted to replace Erik Brandvold as chief executive of the miner.\n\n"
        "The company was founded in 1988 by Harald Brandvold. His son took over in 2020.\n\n"
        "“We are building it,” Mr. Brandvold said of the mine.\n\n"
        "“I started this company with a pickup truck,” the elder Mr. Brandvold said.\n\n"
        "Ruben Tavik manages the herd. His father, Elias Tavik, 74, herded for 40 years.\n\n"
        "“When I was young, the snow was dry,” the elder Tavik said. “It is heavy now,” "
        "the younger Tavik said."
    )
    assert [s for _, s in speech_of(text)][1:] == [
        "Harald Brandvold",
        "Elias Tavik",
        "Ruben Tavik",
    ]


def test_a_document_speaks_for_the_organisation_its_sentence_describes() -> None:
    text = headlined(
        "Harbour Foods, which has processed shrimp in the town since 1964, will not reopen.\n\n"
        "The family-owned company confirmed the closure Monday in a letter to its employees.\n\n"
        "“After 62 years, it is with a heavy heart that we announce it,” the letter says.\n\n"
        "In a report released Wednesday, auditor general Priyanka Holt said the plan was rushed.\n\n"
        "“The figure presented to the public was higher than any estimate,” the report says."
    )
    assert [s for _, s in speech_of(text)] == ["Harbour Foods", "Priyanka Holt"]


def test_the_rest_of_an_unattributed_statement_stays_unattributed() -> None:
    text = headlined(
        "Her husband, Gerard Nolan, waited at the terminal until midnight.\n\n"
        "“You could see them and you couldn’t get to them,” he told reporters.\n\n"
        "“Passenger safety is our highest priority,” the statement said. “The master and crew "
        "followed all procedures.”"
    )
    assert [s for _, s in speech_of(text)] == ["Gerard Nolan", None, None]


def test_a_nationality_or_a_described_role_names_the_person_the_article_described() -> None:
    text = headlined(
        "Australia’s Jade Corrin finished second.\n\n"
        "“She went out hard and never came back to us,” the Australian said.\n\n"
        "Her coach, Dirk Vermaelen, said his swimmer had rebuilt her stroke.\n\n"
        "Ellen Marsh won the race. “What she did here is not luck,” the Belgian-born coach "
        "said.\n\n"
        "Opposition health critic Jamal Nkemelu said the wait was too long.\n\n"
        "“A girl should not be watching her own spine bend,” the NDP MPP said."
    )
    assert [s for _, s in speech_of(text)] == ["Jade Corrin", "Dirk Vermaelen", "Jamal Nkemelu"]


def test_a_ward_before_a_title_and_a_dateline_are_no_speakers() -> None:
    text = headlined(
        "OTTAWA — A Liberal MP crossed the floor on Wednesday, saying the government had "
        "“stopped listening to the Prairies.”\n\n"
        "Ward 11 Coun. Brent Hollis voted against the cap, calling it “a solution looking "
        "for a problem.”"
    )
    speakers = [s for _, s in speech_of(text)]
    assert "OTTAWA" not in speakers
    assert speakers[-1] == "Brent Hollis"


def test_someone_unnamed_from_somewhere_is_no_one_named_before() -> None:
    text = headlined(
        "Immigration Minister Farida Nassar said in a statement that Ottawa has paid.\n\n"
        "A 34-year-old woman from Eritrea who arrived in March said she is worried.\n\n"
        "“In my country I was a teacher. Here I wait every day,” she said."
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_a_ministry_named_after_its_province_keeps_its_whole_name() -> None:
    text = headlined(
        "Clubroot was found in 14 more fields this year.\n\n"
        "In an email, Alberta Agriculture and Irrigation said it “supports municipalities in "
        "managing clubroot.”"
    )
    assert [s for _, s in speech_of(text)] == ["Alberta Agriculture and Irrigation"]


def test_the_board_and_the_hospital_are_the_ones_the_story_is_about() -> None:
    text = headlined(
        "The Toronto District School Board voted to rename the school. Trustees of the "
        "Toronto District School Board met Tuesday. The school opened in 1962 under the North "
        "York Board of Education.\n\n"
        "The board said in a statement that the cost “will not affect classroom funding.”\n\n"
        "Kempenfelt Regional Health Centre hired agency nurses last year.\n\n"
        "In a statement, the hospital called the spending “a necessary short-term measure.”"
    )
    assert [s for _, s in speech_of(text)] == [
        "Toronto District School Board",
        "Kempenfelt Regional Health Centre",
    ]


def test_a_letter_sent_by_a_director_of_education_speaks_for_him() -> None:
    text = headlined(
        "In a letter sent to families Wednesday, director of education Raymond Olujide wrote "
        "that the board would keep some programs.\n\n"
        "“Outdoor learning will remain a priority for this board,” the letter said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Raymond Olujide"


def test_his_father_is_the_one_named_with_his_son() -> None:
    text = headlined(
        "One field is farmed by Gord Vanderhage and his son, Kyle Vanderhage, near La Glace.\n\n"
        "“It’ll cost us, but the alternative is losing the field,” Kyle said.\n\n"
        "His father was less certain the change would be enough.\n\n"
        "“We were told resistant varieties would solve it,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Kyle Vanderhage", "Gord Vanderhage"]


def test_an_organisation_in_capitals_opening_a_paragraph_is_no_dateline() -> None:
    text = headlined(
        "UNICEF, Canada’s partner in the camps, called them “overflowing and unsafe.”\n\n"
        "HALIFAX (CP) — A Liberal MP crossed the floor, saying the party had “stopped "
        "listening.”"
    )
    speakers = [s for _, s in speech_of(text)]
    assert speakers[0] == "UNICEF"
    assert "HALIFAX" not in speakers


def test_a_surname_that_is_also_a_title_is_the_surname() -> None:
    text = headlined(
        "“We are ready for the season,” said Mary Major.\n\n"
        "“It was a long winter,” Stephen Bishop said."
    )
    assert [s for _, s in speech_of(text)] == ["Mary Major", "Stephen Bishop"]


def test_a_friend_of_someone_who_asked_not_to_be_named_is_no_one_named() -> None:
    text = headlined(
        "“If you have a reasonable doubt, you must acquit,” Justice Gérald Lanteigne said.\n\n"
        "A friend of Fenwick’s who was at the bar that night, and who asked not to be named, "
        "said the video did not tell the whole story.\n\n"
        "“You don’t see what was said inside,” he said.\n\n"
        "The Mexican secretary of economy, Ildefonso Guajardo, argues there is no point.\n\n"
        "“We must not overreact,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Gérald Lanteigne", None, "Ildefonso Guajardo"]


def test_a_document_noun_written_over_and_over_costs_each_quotation_a_bounded_read(
    monkeypatch: MonkeyPatch,
) -> None:
    # 630 KB of "statement" words before each "the statement said" took 11 s: the author of
    # each earlier mention was looked for in all the tokens up to the quotation.
    read = _count_token_reads(monkeypatch)
    words = "the statement writers issued statement after statement " * 20
    article = headlined(
        "\n\n".join(f"{words}. “Line {i} of it all,” the statement said." for i in range(40))
    )
    findings = find_quotes(article, [])
    assert len(findings) == 40
    assert sum(read) < 2_000 * len(findings)  # (about 40,000 tokens each before)


def test_a_name_inside_a_longer_full_name_is_that_person() -> None:
    text = headlined(
        "María Fernanda López Gutiérrez, the mayor of a fishing town, sent a message.\n\n"
        "“Nobody should face it alone,” Ms López said.\n\n"
        "Ahmad Faizal Hamid has fished off Kuala Terengganu for 30 years.\n\n"
        "“The government must help us rebuild,” Mr Faizal said."
    )
    assert [s for _, s in speech_of(text)] == [
        "María Fernanda López Gutiérrez",
        "Ahmad Faizal Hamid",
    ]


def test_an_irish_surname_after_o_keeps_its_lower_case_h() -> None:
    text = headlined(
        "The trawler owner Pádraig Ó hAodha lost a boat last year.\n\n"
        "“It is a scandal,” Ó hAodha said."
    )
    assert [s for _, s in speech_of(text)] == ["Pádraig Ó hAodha"]


def test_an_unnamed_spokesperson_of_a_body_not_named_is_not_the_last_organisation() -> None:
    text = headlined(
        "Khalil Haddad works for the World Food Programme.\n\n"
        "“People are waiting in the heat,” Haddad told Channel 4 News.\n\n"
        "“We facilitate aid every day,” an army spokesperson told the Times of Israel."
    )
    speakers = [s for _, s in speech_of(text)]
    assert speakers[0] == "Khalil Haddad"
    assert speakers[1] not in {"Times of Israel", "Channel 4 News", "News", "World Food Programme"}


def test_where_an_organisation_is_based_does_not_hide_that_it_was_named() -> None:
    text = headlined(
        "Hanbit Energy Solutions Co. paused construction of a battery plant.\n\n"
        "The Seoul-based company said Tuesday it would “temporarily adjust the construction "
        "schedule” of the factory."
    )
    assert [s for _, s in speech_of(text)] == ["Hanbit Energy Solutions Co."]


def test_a_role_of_several_words_opening_the_sentence_leaves_the_name_its_subject() -> None:
    text = headlined(
        "Coun. Priya Raman said she understood the concerns. “Nothing has been decided,” "
        "Raman said.\n\n"
        "Mother of four Annie Qaunaq said she walks her children past the lot every day.\n\n"
        "“My kids play there every afternoon,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Priya Raman", "Annie Qaunaq"]


def test_the_n_year_old_is_the_person_whose_age_was_given() -> None:
    text = headlined(
        "Jean-Guy Tremblay, 81, has lived on the street since 1968. Coun. Priya Raman "
        "(52) disagrees.\n\n"
        "“They want to put six storeys where the rink used to be,” said the 81-year-old."
    )
    assert [s for _, s in speech_of(text)] == ["Jean-Guy Tremblay"]


def test_a_role_opening_the_sentence_before_a_name_describes_that_person() -> None:
    text = headlined(
        "Developer Marcus Bell, whose firm owns the lot, spoke first. Coun. Priya Raman "
        "listened.\n\n"
        "“We need housing in this city,” the developer said."
    )
    assert [s for _, s in speech_of(text)] == ["Marcus Bell"]


def test_someone_introduced_by_a_given_name_alone_is_a_person_the_pronoun_can_mean() -> None:
    text = headlined(
        "“This government has had six years,” said Tom Whitfield.\n\n"
        "Karen Lessard, 54, drove from Gladstone. Her husband, Paul, had a stroke last spring.\n\n"
        "“We were lucky,” said Lessard.\n\n"
        "Her husband said the couple considered moving to Winnipeg. "
        "“We didn't want to leave the farm,” he said.\n\n"
        "Her daughter, Fiona, spoke last. Fiona Lessard is a nurse.\n\n"
        "“The wait was cruel,” she said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Tom Whitfield",
        "Karen Lessard",
        "Paul",
        "Fiona Lessard",
    ]


def test_a_party_and_a_title_in_capitals_describe_a_member_and_name_no_one() -> None:
    text = headlined(
        "Progressive Conservative health critic Tom Whitfield called the plan weak.\n\n"
        "“This government has had six years to fix this,” the Tory MLA said."
    )
    assert [s for _, s in speech_of(text)] == ["Tom Whitfield"]


def test_organisations_keep_their_whole_names() -> None:
    text = headlined(
        "The Ministry for the Ecological Transition said it “welcomed the firmness” of the "
        "ruling.\n\n"
        "The Kingsmere United Supporters' Trust said it wanted “to understand the club's "
        "plan”.\n\n"
        "Unifor Local 1917 said it would fight for “every job and every dollar”."
    )
    assert [s for _, s in speech_of(text)] == [
        "Ministry for the Ecological Transition",
        "Kingsmere United Supporters' Trust",
        "Unifor Local 1917",
    ]


def test_long_names_with_particles_and_patronymics_stay_whole() -> None:
    text = headlined(
        "José Antonio Ruiz de Alarcón welcomed the ruling. “This sends a clear message,” "
        "Ruiz de Alarcón said.\n\n"
        "Nurhayati binte Sulaiman heads a workers' group. “Workers are scared,” she said.\n\n"
        "Joseph Kiprotich arap Ng'eno grows tea. “We are working at a loss,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "José Antonio Ruiz de Alarcón",
        "Nurhayati binte Sulaiman",
        "Joseph Kiprotich arap Ng'eno",
    ]


def test_a_role_or_an_office_opening_the_sentence_is_not_part_of_the_name() -> None:
    text = headlined(
        "Saxophonist Dorian Hargreave-Hale played. “She let me play two tunes,” "
        "Hargreave-Hale said.\n\n"
        "Minister for Manpower Faizal Iskandar Rahmat spoke next. “Advisories are not "
        "enough,” he said.\n\n"
        "The Tánaiste, Aoife Ní Chonaill-Brady, disagreed. “No politician can guarantee "
        "that,” the Tánaiste said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Dorian Hargreave-Hale",
        "Faizal Iskandar Rahmat",
        "Aoife Ní Chonaill-Brady",
    ]


def test_a_role_before_a_name_and_its_place_and_an_office_of_state_are_not_the_name() -> None:
    text = headlined(
        "Farmer Harbhajan Singh Bhangoo of Sangrur district said burning was cheaper.\n\n"
        "“The machines cost money,” Bhangoo said.\n\n"
        "Minister of State for Manpower Faizal Iskandar Rahmat announced the changes.\n\n"
        "“Advisories alone are not enough,” Mr Faizal said."
    )
    assert [s for _, s in speech_of(text)] == ["Harbhajan Singh Bhangoo", "Faizal Iskandar Rahmat"]


def test_a_role_no_one_was_given_is_the_subject_of_the_sentence_before() -> None:
    text = headlined(
        "“We were poor,” Coun. Ibrahim Koskinen said.\n\n"
        "Last summer, Siobhán Ní Bhriain-Bajwa built a patio in four days out of plywood.\n\n"
        "“That patio kept 14 people employed,” said the owner of Café Ní Bhriain."
    )
    assert [s for _, s in speech_of(text)] == ["Ibrahim Koskinen", "Siobhán Ní Bhriain-Bajwa"]


def test_the_person_named_beside_a_described_subject_is_the_one_the_pronoun_means() -> None:
    text = headlined(
        "“We played well,” said coach Ronan Duggan.\n\n"
        "Among the crowd was Nóra Lonergan, the manager's mother, who has not missed a match.\n\n"
        "“I said to him this morning, don't lose the head,” she said.\n\n"
        "One supporter leaving the stadium, Sian Pugh-Mathias from Bridgend, said she had "
        "been coming for 40 years.\n\n"
        "“I've seen some bad days,” she told Sky News.\n\n"
        "Her mother, the retired schoolteacher Birgitta Lundqvist, confirms the story by "
        "email. “I was mostly worried about the fish,” she writes."
    )
    assert [s for _, s in speech_of(text)] == [
        "Ronan Duggan",
        "Nóra Lonergan",
        "Sian Pugh-Mathias",
        "Birgitta Lundqvist",
    ]


def test_kin_named_with_an_age_or_a_role_between_is_the_one_later_words_mean() -> None:
    text = headlined(
        "“We played well,” said coach Ronan Duggan.\n\n"
        "The trumpeter died Tuesday, his son, drummer Marcus Whitacre-Dupree, told The "
        "Associated Press.\n\n"
        "“He played until he couldn't hold the horn up,” his son said.\n\n"
        "Mr. Duggan's older daughter, nine-year-old Chidera, held a sign. Asked what she "
        "would tell the premier, she thought for a moment.\n\n"
        "“That it's my school,” she said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Ronan Duggan",
        "Marcus Whitacre-Dupree",
        "Chidera",
    ]


def test_streets_airports_and_the_place_a_described_speaker_is_from_are_not_speakers() -> None:
    text = headlined(
        "“We were lucky,” said ranger Kristin Aspinall.\n\n"
        "Among the evacuees was Aroha Pohatu, 34, who left her home on Waipaoa Rd with her "
        "children.\n\n"
        "“The kids thought it was an adventure,” she told the Herald.\n\n"
        "Raymond Odoemelam-Schell was asked whether he would fly into Newark Liberty "
        "International Airport.\n\n"
        "He paused. “Yes,” he said.\n\n"
        "Mateo Iturbide-Hansen, 38, was stranded for four days.\n\n"
        "“I made peace with dying,” the 38-year-old software engineer from Boulder, "
        "Colorado, told CNN."
    )
    assert [s for _, s in speech_of(text)] == [
        "Kristin Aspinall",
        "Aroha Pohatu",
        "Raymond Odoemelam-Schell",
        "Mateo Iturbide-Hansen",
    ]


def test_a_document_speaks_for_whoever_the_sentence_that_introduced_it_names() -> None:
    text = headlined(
        "Iberluz, the largest of the three, said in a statement that it would study an "
        "appeal.\n\n"
        "“Iberluz has always acted in accordance with the law,” the statement said.\n\n"
        "In a statement, US Attorney for the Southern District of Ohio Marcus "
        "Delafosse-Winfield said the verdict was clear.\n\n"
        "“Executives will be held to account,” the statement said.\n\n"
        "In a letter sent to families on Thursday, the school's principal, Hortense "
        "Desruisseaux-Kaur, wrote that counsellors would be available.\n\n"
        "“Dashiell was a kind, funny and generous member of our school,” the letter said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Iberluz",
        "Marcus Delafosse-Winfield",
        "Hortense Desruisseaux-Kaur",
    ]


def test_a_described_speaker_is_the_name_they_gave_or_the_name_set_beside_them() -> None:
    text = headlined(
        "“I have been trying to book for three weeks,” said a 58-year-old taxi driver who "
        "gave his name only as Mr. Hashmi.\n\n"
        "“Honestly? My mom said I could come,” said his friend, who gave her name as "
        "Meenal.\n\n"
        "The company's largest shareholder, the Gannet Family Trust, which owns 14 per cent, "
        "said in a statement that it “continues to support the board”.\n\n"
        "One of those critics, the Lagos-based literary editor Olamide Fasanya-Cole, said "
        "parts were “written for a European gaze”.\n\n"
        "The owner, the American investor Garrett Lindholm-Shaw, issued a statement saying "
        "the manager had his “full support”."
    )
    assert [s for _, s in speech_of(text)] == [
        "Hashmi",
        "Meenal",
        "Gannet Family Trust",
        "Olamide Fasanya-Cole",
        "Garrett Lindholm-Shaw",
    ]


def test_a_riding_a_place_of_the_introduction_and_an_age_before_a_role_name_no_speaker() -> None:
    text = headlined(
        "“I've raised this with the minister,” wrote Kitchener South—Hespeler MP Yolanda "
        "Mwangi-Stroud.\n\n"
        "At a press conference at the Delhi Secretariat, environment minister Gurpreet Kaur "
        "Walia said the government was “doing everything within its powers”.\n\n"
        "Every morning at five, Nomvula Dlamini-Khoza joins the queue at the water tanker.\n\n"
        "“If you come at six, there is nothing left,” says the 61-year-old grandmother."
    )
    assert [s for _, s in speech_of(text)] == [
        "Yolanda Mwangi-Stroud",
        "Gurpreet Kaur Walia",
        "Nomvula Dlamini-Khoza",
    ]


def test_a_quotation_in_a_line_linking_to_another_story_is_not_speech() -> None:
    text = headlined(
        "Council approved the budget on Tuesday.\n\n"
        "“We did our best,” said Mayor Jane Doe.\n\n"
        "READ MORE: 'A sad day' for the town, says former mayor\n\n"
        "Related: “We were not told,” residents say"
    )
    assert speech_of(text) == [("We did our best,", "Jane Doe")]


def test_a_short_sentence_after_its_speaker_s_quotation_and_a_long_attribution_is_theirs() -> None:
    text = headlined(
        "“We cannot keep asking our staff to stand between a thief and the door,” said Moira "
        "Duplessis-Ezeudu, the corporation's vice-president of retail operations, in an "
        "interview on Thursday. “Their safety comes first.”"
    )
    assert [s for _, s in speech_of(text)] == ["Moira Duplessis-Ezeudu", "Moira Duplessis-Ezeudu"]


def test_common_occupations_before_a_name_leave_the_name_the_subject() -> None:
    text = headlined(
        "“They'll wear them one more year,” said parent Margaret Ifeanyi-Leclair.\n\n"
        "Laurier-Park principal Dmitri Sauvageau-Udeh said he learned about it from a "
        "reporter.\n\n"
        "“I had a call from a journalist first,” he said.\n\n"
        "Dr. Kwabla Osafo-Brightwell is an epidemiologist at the university.\n\n"
        "“The worst thing that can happen is complacency,” the epidemiologist told CBC News."
    )
    assert [s for _, s in speech_of(text)] == [
        "Margaret Ifeanyi-Leclair",
        "Dmitri Sauvageau-Udeh",
        "Kwabla Osafo-Brightwell",
    ]


def test_a_paper_s_authors_are_its_lead_author_and_organisations_keep_place_and_number() -> None:
    text = headlined(
        "Yuki Tanabe-Ross, a marine biologist at the University of Victoria and the lead "
        "author of the study, said it was rare.\n\n"
        "“The new species is distinguished by the absence of a radula,” the authors wrote.\n\n"
        "CUPE 7000 said in a statement that workers were “exhausted”.\n\n"
        "The Quebec Forest Industry Council said the plan was “unworkable”.\n\n"
        "The Art Gallery of NSW said the field was “strong”.\n\n"
        "Tenant Line Ireland reported “a sharp increase” in calls."
    )
    assert [s for _, s in speech_of(text)] == [
        "Yuki Tanabe-Ross",
        "CUPE 7000",
        "Quebec Forest Industry Council",
        "Art Gallery of NSW",
        "Tenant Line Ireland",
    ]


def test_a_department_named_for_several_fields_keeps_its_whole_name() -> None:
    text = headlined(
        "The Department of Communities, Culture, Tourism and Heritage said the theatre would "
        "“reopen in the spring”."
    )
    assert [s for _, s in speech_of(text)] == [
        "Department of Communities, Culture, Tourism and Heritage"
    ]


def test_a_controller_after_an_organisation_is_a_role_before_the_name() -> None:
    text = headlined(
        "“We knocked on every door we could reach,” said Tairāwhiti Civil Defence controller "
        "Hamiora Pohatu-Ekdahl."
    )
    assert [s for _, s in speech_of(text)] == ["Hamiora Pohatu-Ekdahl"]


def test_a_double_surname_ending_in_a_title_word_and_an_irish_mac_stay_in_the_name() -> None:
    text = headlined(
        "The amendment, proposed by Sen. Fergus MacPhail-Bishop, would prohibit the ads.\n\n"
        "“We closed that door,” MacPhail-Bishop told senators.\n\n"
        "Tipperary manager Pádraig Mac Craith-Lonergan was more animated than usual.\n\n"
        "“We were written off by everyone,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Fergus MacPhail-Bishop",
        "Pádraig Mac Craith-Lonergan",
    ]


def test_a_role_named_with_a_title_between_is_the_person_named() -> None:
    text = headlined(
        "The court dismissed an appeal by the Enns Memorial Tabernacle and its senior pastor, "
        "Rev. Jakob Enns-Thorsen.\n\n"
        "The church was founded in 1949 by Enns-Thorsen's grandfather, Cornelius Enns.\n\n"
        "Reached by phone Thursday, the pastor said he was “disappointed but not surprised.”"
    )
    assert [s for _, s in speech_of(text)] == ["Jakob Enns-Thorsen"]


def test_a_generic_word_for_an_organisation_opening_a_line_is_no_organisation() -> None:
    text = headlined(
        "Company welcomes agreement\n\n"
        "The company, which employs 2,200 people, said in a statement that the deal "
        "“provides stability”.\n\n"
        "Co-author Tomasz Wieczorek, an atmospheric scientist, said the team used models. "
        "“Some of it very likely came from far away,” Wieczorek said."
    )
    # the company's words are speech, the company unnamed ("Company" in the heading is none)
    assert [s for _, s in speech_of(text)] == [None, "Tomasz Wieczorek"]


def test_the_person_a_scene_sentence_introduces_is_the_one_the_pronoun_means() -> None:
    text = headlined(
        "“We got it done,” said choir director Evangeline Downey-Carvery.\n\n"
        "The youngest member, 14-year-old Keziah Skeete, joined during the pandemic.\n\n"
        "“I'd only ever seen them as little squares on a screen,” she said.\n\n"
        "“It was loud,” Downey-Carvery said.\n\n"
        "In the front row was Odessa Carvery, 91, who sang with the choir for 25 years.\n\n"
        "“Beautiful,” she said afterward.\n\n"
        "Co-author Marisol Quintanilla-Webb, a PhD student, said the nights were the surprise.\n\n"
        "“Asphalt and concrete soak up heat all day,” she said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Evangeline Downey-Carvery",
        "Keziah Skeete",
        "Evangeline Downey-Carvery",
        "Odessa Carvery",
        "Marisol Quintanilla-Webb",
    ]


def test_a_wife_named_after_her_description_with_a_month_for_a_given_name() -> None:
    text = headlined(
        "Lorne Baxendale died at 81.\n\n"
        "“They had to practically pry the wheel out of his hands,” said his wife of 54 years, "
        "June Baxendale."
    )
    assert [s for _, s in speech_of(text)] == ["June Baxendale"]


def test_a_ward_councillor_opening_the_sentence_and_the_bureau_that_issued_a_statement() -> None:
    text = headlined(
        "Millwright Kathleen Benedek said she voted against the agreement.\n\n"
        "Ward 3 Coun. Gianna Ferraro-Lang, whose ward includes the mill, said the city had "
        "been watching closely.\n\n"
        "“A strike would have hurt a lot of families,” she said.\n\n"
        "The Insurance Bureau of Canada tracks claims. In a statement, the bureau said auto "
        "theft “costs Canadians more than $1 billion a year”."
    )
    assert [s for _, s in speech_of(text)] == ["Gianna Ferraro-Lang", "Insurance Bureau of Canada"]


def test_a_name_opening_a_clause_after_and_is_its_subject() -> None:
    text = headlined(
        "“Beautiful,” said Odessa Carvery, who sang with the choir for 25 years.\n\n"
        "The choir plans a Christmas concert, and Evangeline Downey-Carvery said members are "
        "already learning new songs.\n\n"
        "“We're not looking back now,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Odessa Carvery", "Evangeline Downey-Carvery"]


def test_she_after_a_narrative_paragraph_that_opens_on_a_woman_is_hers() -> None:
    # A probe article (made up for this project): the co-ordinator, quoted twice before, is
    # the article's main figure; the paragraph just before the quotation opens on the mother.
    path = DATA / "quotes" / "probes" / "p8-a04_cbcindigenous_language_nest.txt"
    text = path.read_text(encoding="utf-8")
    said = {text[f.span.start : f.span.end]: f.speaker for f in find_quotes(text) if f.speech}
    assert said["He corrects my pronunciation now,"] == "Jolene Toutsaint"


def test_a_relative_clause_about_a_relative_does_not_give_the_person_their_gender() -> None:
    text = headlined(
        "Lawyer Ffion Madoc-Price said the rules keep families apart.\n\n"
        "“Some children age out entirely,” Madoc-Price said.\n\n"
        "Tavish Rennick-Olu, whose mother has lived with a caregiver for six years, said he "
        "has spent thousands on paperwork.\n\n"
        "“We did everything we were asked,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Ffion Madoc-Price", "Tavish Rennick-Olu"]


def test_a_given_name_of_any_origin_tells_the_pronoun_who_is_meant() -> None:
    # "Eilidh" and "Cathal" are not in the main list of given names; the longer list of
    # names of every origin (gender only) knows them.
    text = headlined(
        "Justice Rosalind Verhoeven refused bail on Tuesday.\n\n"
        "“The scheme was sophisticated,” Verhoeven wrote.\n\n"
        "Brannock's lawyer, Eilidh Drummond-Baird, had proposed that he live with his "
        "mother under house arrest. Drummond-Baird said her client will plead not guilty.\n\n"
        "“There is a long way to go in this case,” she said.\n\n"
        "Cathal Ó Dubhda, a neighbour, said the street had been quiet.\n\n"
        "“Nobody expected this,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Rosalind Verhoeven",
        "Eilidh Drummond-Baird",
        "Cathal Ó Dubhda",
    ]


def test_a_name_after_whose_it_is_or_an_organisation_with_of_opens_the_sentence() -> None:
    text = headlined(
        "Farmer Gord Pettipas said the bill came as a shock.\n\n"
        "“We can't pass it on,” he said.\n\n"
        "The Greens' Tobias Wendt-Morrow said his party backed the plan.\n\n"
        "“It is a real problem for real people,” he said.\n\n"
        "Coun. Lena Haverkamp said the detour would last two years.\n\n"
        "Halifax Chamber of Commerce spokesperson Ines Abernathy-Kole said the signs should "
        "say businesses are open.\n\n"
        "“Signage matters,” she said.\n\n"
        "Dental hygienist Odile Brassard-Nkemelu, who works with Haverkamp's sister, said the "
        "clinic is full.\n\n"
        "“We are a little clinic without the name,” she said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Gord Pettipas",
        "Tobias Wendt-Morrow",
        "Ines Abernathy-Kole",
        "Odile Brassard-Nkemelu",
    ]


def test_a_transcript_or_an_application_records_words_it_does_not_speak_them() -> None:
    text = headlined(
        "Crown prosecutor Aurelio Fanning argued that the scheme was planned.\n\n"
        "“This was a business,” Fanning told the court, according to a transcript.\n\n"
        "Rhiannon Tadeusz-Bell and her brother filed an application in March. She says the "
        "company hid its accounts.\n\n"
        "“The respondent has consistently failed to provide statements,” the application "
        "states."
    )
    assert [s for _, s in speech_of(text)] == ["Aurelio Fanning", "Rhiannon Tadeusz-Bell"]


def test_a_title_after_a_lowercase_description_is_kept_for_the_epithet() -> None:
    text = headlined(
        "Provincial court Judge Harold Wieczorek sentenced Dylan Marsh on Thursday.\n\n"
        "Marsh's lawyer, Pauline Okafor-Yu, had asked for a conditional sentence.\n\n"
        "“What is known is that he did not stop,” the judge said."
    )
    assert [s for _, s in speech_of(text)] == ["Harold Wieczorek"]


def test_a_byline_or_a_picture_credit_names_no_speaker() -> None:
    text = (
        "Thawing ground moves old graves\n"
        "Priyanka Oduya-Lind · CBC News · Posted: Mar 30, 2026 7:00 AM CT\n\n"
        "Photo caption: Crosses lean in the old cemetery. (Priyanka Oduya-Lind/CBC)\n\n"
        "“My grandmother is buried there, and her cross is leaning toward the river.”\n\n"
        "Hester Amarook-Fell has walked the cemetery for most of her 74 years. The ground "
        "has sunk, she says.\n\n"
        "Marcus Tolland, a geologist, studies the thaw.\n\n"
        "“Nobody chose this, and nobody can stop it,” said Tolland."
    )
    said = [(f.speaker, f.uncertain) for f in find_quotes(text) if f.speech]
    assert said == [("Hester Amarook-Fell", True), ("Marcus Tolland", False)]


def test_that_was_how_names_who_spoke_the_quotation_opening_the_story() -> None:
    text = (
        "MP quits caucus over fisheries bill\n"
        "By Ruairi Castellanos-Moe\n\n"
        "“I didn't leave my party. My party left the wharf.”\n\n"
        "That was how Cape Breton MP Wilhelmina Ferreira-Boyd explained on Wednesday her "
        "decision to sit as an Independent."
    )
    said = [f.speaker for f in find_quotes(text) if f.speech]
    assert said == ["Wilhelmina Ferreira-Boyd"]


def test_accused_of_charges_someone_it_does_not_cue_their_words() -> None:
    text = headlined(
        "A Kingston, Ont., man accused of using a drone to drop drugs into a prison will stay "
        "in custody, an Ontario judge ruled Wednesday, calling the alleged scheme "
        "“sophisticated, profitable and carefully planned for months.”\n\n"
        "Justice Amelia Brandt-Okoye wrote that the risk of flight was high."
    )
    speakers = [f.speaker for f in find_quotes(text)]
    assert len(speakers) == 1 and speakers[0] in {None, "Amelia Brandt-Okoye"}


def test_said_a_titled_or_unlisted_name_of_a_place_or_parish_is_that_person() -> None:
    text = headlined(
        "“Ronnie played at more funerals in this parish than I've said masses,” said Rev. "
        "Colum MacNeill of St. Brigid's Parish in Mabou.\n\n"
        "“Treatment might have saved her,” said Oluwaseyi Adebanjo-Kerr of Toronto, who also "
        "testified."
    )
    assert [s for _, s in speech_of(text)] == ["Colum MacNeill", "Oluwaseyi Adebanjo-Kerr"]


def test_a_union_or_college_whose_name_lists_its_fields_is_one_organisation() -> None:
    text = headlined(
        "The Union of Bakers, Confectioners and Allied Trades said the closure was “a hammer "
        "blow for every family on the line.”"
    )
    assert [s for _, s in speech_of(text)] == ["Union of Bakers, Confectioners and Allied Trades"]


def test_a_quotation_signed_with_a_horizontal_bar_is_the_signers() -> None:
    text = headlined(
        "Readers wrote in.\n\n"
        "“He is obsessed with walls and all these perks they have.” ― Ximena Etxeberria\n\n"
        "“Mostly he promotes fear.” — Tobiah Ranganathan"
    )
    assert [s for _, s in speech_of(text)] == ["Ximena Etxeberria", "Tobiah Ranganathan"]


def test_a_comma_then_said_then_a_name_after_a_partial_quotation_is_that_name() -> None:
    text = headlined(
        "The rejection of the treaty signals “the beginning of the end” for the union, said "
        "Gerrit Vandenbroucke, founder of the Party for Freedom."
    )
    assert [s for _, s in speech_of(text)] == ["Gerrit Vandenbroucke"]


def test_parents_for_a_cause_are_one_organisation_the_group_speaks_for() -> None:
    text = headlined(
        "Superintendent Pavel Okonjo-Lind said the board lacks teachers.\n\n"
        "Canadian Parents for Rural Schools, an advocacy group, said in a statement that the "
        "lottery was unfair.\n\n"
        "“Every child should have the chance to learn both official languages,” the group said."
    )
    assert [s for _, s in speech_of(text)] == ["Canadian Parents for Rural Schools"]


def test_an_adverb_opening_the_sentence_is_not_its_subject() -> None:
    text = headlined(
        "Shortly after the council's vote ended, Kestrel Mining sent out a release saying the "
        "company was “disappointed but ready to keep talking with the town.”\n\n"
        "Conversely, Tidewater Gazette rated the plan as “broadly sound and long overdue.”"
    )
    speakers = [s for _, s in speech_of(text)]
    assert "Shortly" not in speakers and "Conversely" not in speakers
    assert speakers[0] == "Kestrel Mining"


def test_an_aged_description_after_a_pronoun_sentence_is_the_person_in_view() -> None:
    text = headlined(
        "Three times a week, Barnaby Quillfeather leaves his orchard near Osoyoos before dawn "
        "and drives two hours for treatment.\n\n"
        "Then he drives home again.\n\n"
        "“By the time I get back it's dark and I'm wrecked,” said the 68-year-old apple "
        "farmer.\n\n"
        "“I was a nurse for thirty years,” said the 54-year-old grandmother."
    )
    first, second = (s for _, s in speech_of(text))
    assert first == "Barnaby Quillfeather"
    assert second != "Barnaby Quillfeather"


def test_a_statement_after_a_relative_clause_is_the_subjects() -> None:
    text = headlined(
        "The Tallgrass Health Network, which runs the Pembrook General Hospital, said in a "
        "statement that the emergency department remains open.\n\n"
        "“Patients should not avoid coming to the emergency department,” the statement said."
    )
    assert [s for _, s in speech_of(text)] == ["Tallgrass Health Network"]


def test_a_nickname_given_inside_a_name_later_names_that_person() -> None:
    text = headlined(
        "When Parveen “Pip” Okonkwo-Lindqvist wrote a show about her grandmother, she expected "
        "a small crowd.\n\n"
        "Her grandmother, Ruksana Lindqvist, saw it twice.\n\n"
        "“Every line my grandmother says in the show, she has said in real life,” Pip said."
    )
    assert [s for _, s in speech_of(text)] == ["Parveen Okonkwo-Lindqvist"]


def test_a_subject_with_a_parenthetical_she_said_leaves_the_pronoun_to_the_speaker() -> None:
    text = headlined(
        "Elder Philomena Crowchild-Tsetso keeps a photograph of her late husband.\n\n"
        "“That was one winter's work,” she said.\n\n"
        "Chief Dmitri Wolfchild-Barrow of Whatì said his community has been hit hard.\n\n"
        "Biologist Annika Sorvaag said the survey numbers give some hope.\n\n"
        "The chief, she said, has been a strong voice for the hunt. “He's right that people "
        "need food,” she said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Annika Sorvaag"


def test_the_capitalised_title_opening_a_sentence_is_the_person_of_that_title() -> None:
    text = headlined(
        "Elder Philomena Crowchild-Tsetso keeps a photograph of her late husband.\n\n"
        "Biologist Annika Sorvaag said the survey numbers give some hope.\n\n"
        "“We're seeing more calves survive,” Sorvaag said.\n\n"
        "The Elder said the young people are losing more than meat.\n\n"
        "“When you hunt, you learn the land,” she said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Philomena Crowchild-Tsetso"


def test_a_relative_named_only_later_is_that_person() -> None:
    text = headlined(
        "Architect Gunnhild Aasveen-Okafor designed libraries that felt like living rooms.\n\n"
        "In 1964 she married Ikechukwu Okafor, an engineering student.\n\n"
        "Her son, Chidubem Okafor, a physician, remembered weekends in half-built libraries.\n\n"
        "Her husband said she could not walk into a building without commenting on it.\n\n"
        "“She'd sit down in every chair,” he said.\n\n"
        "She leaves her husband, Ikechukwu; her son, Chidubem; and four grandchildren."
    )
    assert [s for _, s in speech_of(text)] == ["Ikechukwu Okafor"]


def test_a_unions_local_opening_a_sentence_keeps_its_whole_name() -> None:
    text = headlined(
        "Drivers voted to strike on Tuesday.\n\n"
        "Amalgamated Bus Drivers Union Local 311, which represents 900 workers, said in a "
        "release that the vote “sends a clear message.”"
    )
    assert [s for _, s in speech_of(text)] == ["Amalgamated Bus Drivers Union Local 311"]


def test_a_short_first_name_that_is_no_english_word_stays_in_the_name() -> None:
    text = headlined(
        "It's 7 a.m. and Thi Mai Brzezinska-Tran has already folded four loads.\n\n"
        "“People think a laundromat is boring,” Thi Mai Brzezinska-Tran says."
    )
    assert [s for _, s in speech_of(text)] == ["Thi Mai Brzezinska-Tran"]


def test_a_streets_title_word_makes_no_person_and_a_second_name_gives_the_gender() -> None:
    text = headlined(
        "Thi Mai Brzezinska-Tran's son, David Brzezinski, runs the till.\n\n"
        "The 62-year-old has run the King Street Suds & Fold for 24 years. She opens at "
        "6:30 a.m.\n\n"
        "“People think a laundromat is boring,” she says."
    )
    speakers = [s for _, s in speech_of(text)]
    assert speakers == ["Thi Mai Brzezinska-Tran"]


def test_the_subject_of_an_as_clause_is_a_subject() -> None:
    text = headlined(
        "Liberal Rupinder Qazi-Lindholm won the byelection by 4,000 votes.\n\n"
        "Conservative Dorian Achterberg-Osei conceded before midnight and looked forward to "
        "the general election.\n\n"
        "At the victory party, supporters cheered as Qazi-Lindholm, a former school trustee, "
        "thanked her parents.\n\n"
        "“My father drove a taxi in this city for 30 years,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Rupinder Qazi-Lindholm"]


def test_a_role_word_before_a_name_and_its_affiliation_stays_the_persons_title() -> None:
    text = headlined(
        "Chief Wenonah Keeshig-Bellerose of Birchwater Lake Cree Nation announced the results "
        "on Wednesday.\n\n"
        "Elder Tobias Keeshig, the chief's uncle, spoke at the gathering.\n\n"
        "The chief said the Nation would not release the number “out of respect for the "
        "families.”"
    )
    assert [s for _, s in speech_of(text)] == ["Wenonah Keeshig-Bellerose"]


def test_a_company_shortened_to_its_first_words_is_that_company() -> None:
    text = headlined(
        "Engineers working for Tamarack Hollow Nickel Ltd. noted seepage in March.\n\n"
        "In a written response to questions, Tamarack Hollow said it “acted promptly and "
        "appropriately.”"
    )
    assert [s for _, s in speech_of(text)] == ["Tamarack Hollow Nickel Ltd."]


def test_it_said_after_the_ministry_as_a_sentences_subject_is_the_ministry() -> None:
    text = headlined(
        "Records from the Ministry of Lakes, Rivers and Coastal Resilience show the seepage "
        "went unreported for a year.\n\n"
        "Coun. Walter Ekwueme-Strand of the Tallow River Nation said the Nation was never told."
        "\n\n"
        "The ministry said in a statement that it had ordered more monitoring.\n\n"
        "“The ministry takes the safety of tailings facilities extremely seriously,” it said."
    )
    assert [s for _, s in speech_of(text)] == ["Ministry of Lakes, Rivers and Coastal Resilience"]


def test_a_described_subject_then_a_titled_name_in_apposition_is_that_person() -> None:
    text = headlined(
        "Chief Walter Oyelaran-Birch said the Nation wants its own testing.\n\n"
        "Another Tallow River member, Elder Rosalind Quequish, who is the chief's aunt, "
        "remembers the river before the mine.\n\n"
        "“The water was so clear you could count the stones,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Rosalind Quequish"]


def test_she_carries_the_last_speaker_over_sentences_about_her_when_no_one_is_named() -> None:
    text = headlined(
        "Jessamyn Oyelowo-Strand went into labour in a motel room.\n\n"
        "Birth worker Marguerite Tallcree-Dumont said travelling far from home is isolating.\n\n"
        "“We want those stories back,” she said.\n\n"
        "Oyelowo-Strand's son, Ezra, was born healthy. She said the staff were wonderful.\n\n"
        "“The care was great,” she said.\n\n"
        "She and her husband hope to have another child. She said they have talked about "
        "moving.\n\n"
        "“We love it here,” she said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Jessamyn Oyelowo-Strand"


def test_a_speaker_before_according_to_a_record_keeps_the_words() -> None:
    text = headlined(
        "Pianist Loretta Okonjo-Pettigrew played the club for 40 years.\n\n"
        "“Thank you. Now let me play,” Okonjo-Pettigrew said, according to a recording of the "
        "event."
    )
    assert [s for _, s in speech_of(text)] == ["Loretta Okonjo-Pettigrew"]


def test_an_epithet_with_an_institutions_possessive_is_the_person_in_view() -> None:
    text = headlined(
        "Saoirse Okonkwo-Lindahl is standing on the roof of a parking garage, describing a "
        "production that does not exist yet.\n\n"
        "“If it rains, it rains on Lear,” says the festival's new artistic director, who took "
        "over in January."
    )
    assert [s for _, s in speech_of(text)] == ["Saoirse Okonkwo-Lindahl"]


def test_a_role_given_in_a_who_clause_describes_and_one_merely_mentioned_does_not() -> None:
    text = headlined(
        "Lucius Oyebanji-Varga, who became chief executive in April after a decade running "
        "the online business, said the warning was painful.\n\n"
        "Its finance director, Margit Aldworth, who is not related to the chief executive, told "
        "analysts the balance sheet was sound.\n\n"
        "Union organiser Deepak Sandhu-Marlow said the staff had been through a pandemic.\n\n"
        "Shop steward Hamish Dorrington-Lee said the talks would go on.\n\n"
        "The chief executive acknowledged that the timing was hard. Asked about his pay, he "
        "replied: “I have already waived my bonus.”"
    )
    assert [s for _, s in speech_of(text)] == ["Lucius Oyebanji-Varga"]


def test_an_acronym_of_a_body_named_in_full_before_is_that_body() -> None:
    text = headlined(
        "Thousands were told to repay benefits after the Canada Revenue Agency changed its "
        "reading of the law.\n\n"
        "In a statement, the CRA said that “the legislation has always referred to net income.”"
    )
    assert [s for _, s in speech_of(text)] == ["Canada Revenue Agency"]


def test_an_office_nobody_holds_in_the_text_keeps_its_title() -> None:
    text = headlined(
        "The Government was accused of rewriting history after the Minister for Housing said "
        "the new targets were “more realistic” than the old ones."
    )
    speakers = [s for _, s in speech_of(text)]
    assert speakers and not speakers[0].startswith(("for ", "of "))


def test_a_relative_met_in_passing_does_not_take_the_owners_pronoun() -> None:
    text = headlined(
        "Potato farmer Leopold Gallimard-Ness has been through hard years before.\n\n"
        "He remembers 2000, when a single detection closed the border. His father, Aurèle, "
        "nearly sold the farm then.\n\n"
        "“We got through it,” he said.\n\n"
        "His mother, Rosalind Gallimard, left the meeting in tears.\n\n"
        "“Nobody is listening,” she said.\n\n"
        "His son, Mathis Gallimard, runs the shipping business. He said four workers were "
        "laid off.\n\n"
        "“They're good people,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Leopold Gallimard-Ness",
        "Rosalind Gallimard",
        "Mathis Gallimard",
    ]


def test_the_place_and_role_is_the_person_named_as_the_places() -> None:
    text = headlined(
        "KELOWNA, B.C. (CP) — Manitoba's Kyrie Desrosiers-Blom made a precise draw to beat "
        "Alberta's Gregor Haugland-Osei 7-6 in the semifinal Saturday.\n\n"
        "“That's curling. You miss by an inch, you go home,” the Alberta skip said."
    )
    assert [s for _, s in speech_of(text)] == ["Gregor Haugland-Osei"]


def test_a_described_subject_of_the_other_gender_is_read_past() -> None:
    text = headlined(
        "Conservative Dilnaz Aulakh-Ferris has held the riding since 2019 and is favoured "
        "to keep it.\n\n"
        "Back on the doorstep, Harleen Gahirwal finished her pitch and handed over a pamphlet. "
        "The man who answered promised to read it.\n\n"
        "“That's a maybe,” she says, walking back to the sidewalk."
    )
    assert [s for _, s in speech_of(text)] == ["Harleen Gahirwal"]


def test_a_release_quoting_a_named_person_gives_that_person() -> None:
    text = headlined(
        "In a news release, the festival said it had also expanded free admission.\n\n"
        "“Winter belongs to everyone in this city,” the release said, quoting board chair "
        "Harlan Weisskopf."
    )
    assert [s for _, s in speech_of(text)] == ["Harlan Weisskopf"]


def test_an_award_citation_speaks_for_the_body_that_wrote_it() -> None:
    text = headlined(
        "The peer assessment committee convened by the Canada Council for the Arts called the "
        "novel “a book of astonishing tenderness” in its citation.\n\n"
        "“She writes about absence without ever letting her characters become symbols,” the "
        "citation reads."
    )
    assert [s for _, s in speech_of(text)][-1] == "Canada Council for the Arts"


def test_he_after_someone_introduced_with_who_and_no_name_names_no_one() -> None:
    text = headlined(
        "Marcel Thibodeau-Vance, the warden, declined to comment on the lawsuit.\n\n"
        "A former inmate who was housed on the same range that summer, and who asked not to "
        "be identified because he is still on parole, said night patrols were irregular.\n\n"
        "“They'd walk by once at 10 and you wouldn't see them again,” he said."
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_the_described_subject_set_beside_a_new_person_names_no_one() -> None:
    text = headlined(
        "Fire chief Gabriel Sauvé-Lindqvist said the alarms had not been tested in years.\n\n"
        "The tenant, a 42-year-old man who lived on the second floor, told investigators "
        "he had called the manager three times.\n\n"
        "“Each time they said someone would come,” he said."
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_a_relative_never_named_is_not_the_one_whose_relative_they_are() -> None:
    text = headlined(
        "“I've looked at that map a hundred times,” said Farzana Chowdhury-Reyes, who was "
        "shopping with her mother.\n\n"
        "Her mother said she did not mind.\n\n"
        "“I'm 70 years old. Let them look,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Farzana Chowdhury-Reyes", None]


def test_an_organisation_of_a_kind_no_one_named_is_not_the_last_one_named() -> None:
    text = headlined(
        "RCMP Cpl. Dana Whitford-Ansah said thefts of catalytic converters tripled this year.\n\n"
        "The province's scrap metal dealers' association said most of its members follow "
        "the rules.\n\n"
        "“Our members are not the problem,” the association said in a written statement."
    )
    assert [s for _, s in speech_of(text)] == [None]  # none named: no name offered


def test_the_company_is_not_the_union_named_last() -> None:
    text = headlined(
        "Members of United Steelworkers Local 1005 voted 81 per cent in favour of the deal, "
        "local president Doug Pasternak-Reid said.\n\n"
        "The company, which employs about 2,200 people in Hamilton, said in a statement that "
        "the agreement “provides stability for our employees.”"
    )
    assert [s for _, s in speech_of(text)] == [None]  # none named: no name offered


def test_someone_the_article_says_is_not_named_is_given_no_ones_name() -> None:
    court_order = headlined(
        "Crown attorney Margaret Ellis-Obi asked for eight years.\n\n"
        "One of the women, a 71-year-old retired nurse, lost $340,000. She cannot be named "
        "under a court order.\n\n"
        "“He took my savings, but he also took my trust,” she wrote."
    )
    assert [s for _, s in speech_of(court_order)] == [None]
    anonymous = headlined(
        "Lawyer Curtis Bell-Akinwale represents several young people.\n\n"
        "One of the young people interviewed for the review, now 19, is quoted anonymously. "
        "He describes being searched after an arrest.\n\n"
        "“I kept asking why,” he told the reviewer."
    )
    assert [s for _, s in speech_of(anonymous)] == [None]


def test_a_portfolio_and_a_title_are_no_name() -> None:
    text = headlined(
        "Doctors said cases had doubled in a week.\n\n"
        "Health Minister's office said in a statement that the minister was “receiving daily "
        "updates”.\n\n"
        "A spokesperson for the Finance Minister said the changes would “give businesses "
        "certainty.”"
    )
    assert [s for _, s in speech_of(text)] == [None, None]


def test_a_portfolio_title_is_its_holder_when_the_article_named_one() -> None:
    text = headlined(
        "Finance Minister Chrystia Freeland-Osei tabled the budget on Tuesday.\n\n"
        "The Finance Minister's office said in a statement that the plan was “prudent.”"
    )
    assert [s for _, s in speech_of(text)] == ["Chrystia Freeland-Osei"]


def test_an_outlet_only_spoken_to_is_not_the_company_that_speaks() -> None:
    text = headlined(
        "Chief Samuel Keeper told APTN News the ruling was a long time coming.\n\n"
        "The forestry company, which was an intervener in the case, said in a statement that "
        "it hoped to “continue building a respectful relationship” with the First Nation."
    )
    assert [s for _, s in speech_of(text)] == [None]  # its words are no name to accept


def test_a_dateline_in_capitals_is_no_organisation_that_speaks() -> None:
    text = headlined(
        "SURREY, B.C. — The first letter arrived at Harjinder Bains's office in March.\n\n"
        "A police spokesperson later said investigators believe some demands came from "
        "abroad.\n\n"
        "“We are working with our partners in Canada and abroad,” the spokesperson said."
    )
    assert [s for _, s in speech_of(text)] == [None]  # no one named: no name offered


def test_a_curling_team_named_for_its_skip_is_not_the_skip() -> None:
    text = headlined(
        "Skip Dean Kowalczyk-Ross won the provincial title, beating Team Sigurdsson 7-6.\n\n"
        "Sigurdsson, skipped by Brett Sigurdsson of Gimli, had a chance to win in the 10th.\n\n"
        "“I threw it exactly where I wanted,” Sigurdsson said."
    )
    assert [s for _, s in speech_of(text)] == ["Brett Sigurdsson"]


def test_the_elder_is_the_one_the_article_aged_before_the_name() -> None:
    text = headlined(
        "Étienne Bergeron-Roy, 38, is charged with arson.\n\n"
        "On Monday, the founder's son, 67-year-old Jacques Bergeron-Roy, told the court he "
        "saw his son's truck behind the store.\n\n"
        "“I know that truck,” the elder Bergeron-Roy testified."
    )
    assert [s for _, s in speech_of(text)] == ["Jacques Bergeron-Roy"]


def test_a_subject_before_did_not_is_read_as_the_subject() -> None:
    text = headlined(
        "One of them, 17-year-old Kayla Sinclair-Moose, said young people were following the "
        "fight.\n\n"
        "Asked whether the First Nation would consider blockades, the chief did not rule it "
        "out.\n\n"
        "“We'll do what we have to do to protect our land,” she said.",
        headline="Chief Ruth Sinclair-Moose vows court fight over hydro line",
    )
    assert [s for _, s in speech_of(text)][-1] == "Ruth Sinclair-Moose"


def test_a_role_after_a_relatives_sentence_is_not_the_relative() -> None:
    text = headlined(
        "The memoir by Oksana Hrytsenko-Bilyk opens the festival on Thursday.\n\n"
        "Her mother, Maria Hrytsenko-Bilyk, now 81, has seen a rough cut of the film.\n\n"
        "“She cried the whole time,” the author said."
    )
    assert [s for _, s in speech_of(text)] != ["Maria Hrytsenko-Bilyk"]


def test_the_company_is_the_nearest_one_named_with_a_legal_form() -> None:
    # a labelled probe article (made up for this project): the company is Northbound Supply
    # Co., not the chief executive quoted before
    path = Path(__file__).parents[1] / "data/quotes/probes/p8-a13_globe_outdoor_retailer_ccaa.txt"
    speech = speech_of(path.read_text(encoding="utf-8"))
    assert [s for q, s in speech if q.startswith("emerge as a smaller")] == [
        "Northbound Supply Co."
    ]


def test_a_role_opening_the_story_after_its_dateline_is_not_part_of_the_name() -> None:
    text = headlined(
        "SELKIRK, Man. — Goaltender Ivan Petrenko stopped 38 shots on Friday.\n\n"
        "“The guys in front of me did the hard work,” Petrenko said.\n\n"
        "GIMLI (CP) - Skip Darnell Okafor drew to the button in the tenth end.\n\n"
        "“I just threw the same weight,” Okafor said."
    )
    assert [s for _, s in speech_of(text)] == ["Ivan Petrenko", "Darnell Okafor"]


def test_a_company_called_by_its_name_without_its_legal_form_is_still_the_company() -> None:
    text = headlined(
        "Health Canada warned parents on Friday about snack bars made by Larchmont "
        "Orchards Inc. of Guelph, Ont.\n\n"
        "Larchmont Orchards said in a statement that a machine part had failed.\n\n"
        "“We are deeply sorry,” the company said."
    )
    assert [s for _, s in speech_of(text)] == ["Larchmont Orchards Inc."]


def test_a_description_tied_to_no_one_is_no_speaker_to_accept() -> None:
    from reader.quotes.finding import speaker_unknown

    text = headlined(
        "Rail executives appeared before the committee on Tuesday.\n\n"
        "“Flaws can develop quickly,” the executive said.\n\n"
        "“We are ready,” Mayor Ana Ruiz said. “We have been for years.”"
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in findings] == [None, "Ana Ruiz", "Ana Ruiz"]
    assert findings[0].mention == "the executive"
    assert speaker_unknown(findings[0]) == "speaker unknown: the executive"


def test_an_indefinite_description_is_no_speaker_to_accept() -> None:
    text = headlined(
        "Shoppers lined up outside the Tidewater Market on Saturday.\n\n"
        "“I've been to four stores this week,” one mother said.\n\n"
        "“Nobody told us,” an unidentified poster wrote on the market's page."
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in findings] == [None, None]
    assert [f.mention for f in findings] == ["one mother", "an unidentified poster"]


def test_an_unnamed_spokesperson_speaks_for_the_body_their_words_name() -> None:
    # "the spokesperson" alone: no one named, and the body would be a guess; "a Hillcrest
    # Foods spokesperson": the body the article named (what the labellers of the BBC, the
    # chaos and the L3S sets gave, and most of the probes')
    text = headlined(
        "Health Canada recalled two brands of infant formula on Friday, and Hillcrest "
        "Foods Ltd. stopped its line in Lévis, Que.\n\n"
        "“We are acting out of caution,” the spokesperson said.\n\n"
        "“The line is stopped,” a Hillcrest Foods spokesperson said.\n\n"
        "Hillcrest spokesperson Maria Delgado said the plant would reopen. "
        "“We owe parents answers,” the spokesperson said.\n\n"
        "A Defence Department spokesperson called the Rangers “irreplaceable.”"
    )
    # ("A Defence Department spokesperson": the body its words name, as for Hillcrest; it had
    # been no one only because "spokesperson" had first matched Delgado's description, which
    # someone brought in by "a" never is)
    findings = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in findings] == [
        None,
        "Hillcrest Foods Ltd.",
        "Maria Delgado",
        "Defence Department",
    ]
    assert findings[1].mention == "a Hillcrest Foods spokesperson"


def test_a_shared_surname_is_not_given_to_the_one_who_died() -> None:
    text = headlined(
        "Tomas Okafor, a 22-year-old apprentice from Sudbury, died at the scene.\n\n"
        "His sister, Grace Okafor, spoke to reporters outside the courthouse.\n\n"
        "“Nobody called us for three days,” Okafor said.\n\n"
        "A vigil marked the killing of Reza Tehrani last spring. His uncle, Amir Tehrani, "
        "organised it.\n\n"
        "“We light a candle every night,” Tehrani said."
    )
    assert [s for _, s in speech_of(text)] == ["Grace Okafor", "Amir Tehrani"]


def test_the_dead_still_speak_in_words_dated_to_their_life() -> None:
    text = headlined(
        "Ronald Beaton, the Mabou fiddler, died Sunday at 87.\n\n"
        "His daughter, Catriona Beaton, said he died peacefully.\n\n"
        "“They came to me when I was milking,” Beaton told the Post in 2012."
    )
    assert [s for _, s in speech_of(text)] == ["Ronald Beaton"]


def test_a_place_and_a_plural_after_a_players_role_is_the_player() -> None:
    # "Milan" is a city and "Zeros" ends like "Jets", but "forward" says who he is
    text = headlined(
        "Ajax forward Milan Zeros is unsure of his place under coach Piet de Wit.\n\n"
        "Zeros, the club's top scorer, denied a row with de Wit. He told a newspaper: "
        "“I did not argue with anybody.”"
    )
    assert [s for _, s in speech_of(text)] == ["Milan Zeros"]


def test_a_noun_for_an_organisation_is_the_one_that_spoke_just_before() -> None:
    text = headlined(
        "Environment Canada issued a freezing rain warning for the Ottawa Valley.\n\n"
        "Hydro Ottawa said it had extra crews on standby.\n\n"
        "“Have an emergency kit ready,” the utility said.\n\n"
        "Health Canada funded the plant. Fisheries and Oceans Canada, which must approve "
        "turbines under the Fisheries Act, said in a statement that it is reviewing the work.\n\n"
        "“Decisions will be based on science,” the department said.\n\n"
        "“We were not told,” a Metro Transit official said.\n\n"
        "Crews from Hydro One worked overnight. “It was a long night,” Hydro One said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Hydro Ottawa",
        "Fisheries and Oceans Canada",
        None,
        "Hydro One",
    ]
    owned = headlined(
        "“They can read a budget,” Mr. Tomas Barreto said.\n\n"
        "The PBO's findings come a week before NATO ministers meet. In a statement, a NATO "
        "official, speaking on background, said the alliance “expects all allies to meet "
        "their commitments.”"
    )
    assert [s for _, s in speech_of(owned)] == ["Tomas Barreto", "NATO"]


def test_the_mayor_elect_is_the_one_elected_mayor() -> None:
    text = headlined(
        "HALIFAX — Former nurse Ines Oduya has been elected mayor of Dartmouth, defeating "
        "Coun. Peter Walsh.\n\n"
        "Walsh conceded at midnight.\n\n"
        "“I will not promise it never snows,” the mayor-elect said."
    )
    assert [s for _, s in speech_of(text)] == ["Ines Oduya"]


def test_a_surname_opening_in_lowercase_and_a_given_name_of_either_gender() -> None:
    text = headlined(
        "“It is the biggest day of the year,” said Mark d'Entremont, who fishes out of "
        "Meteghan.\n\n"
        "Ryan Francis, a harvester from Acadia First Nation, said the boats were out.\n\n"
        "d'Entremont said he expected to be back by late afternoon.\n\n"
        "“You find out tomorrow,” he said.\n\n"
        "“We have had three dry years,” said Darcy Van Dyk, who grows canola near "
        "Lethbridge.\n\n"
        "Roger Lindquist, who runs cattle, said he hasn't rebuilt his herd.\n\n"
        "Van Dyk said farmers would watch the skies.\n\n"
        "“A good soaking rain and everyone forgets,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Mark d'Entremont",
        "Mark d'Entremont",
        "Darcy Van Dyk",
        "Darcy Van Dyk",
    ]


def test_a_person_named_only_in_the_headline_is_the_one_the_story_describes() -> None:
    text = (
        "Lytton fire survivor Evelyn Charlie says the rebuild leaves elders behind\n"
        "Tomas Ferreira · CBC News · Posted: Jun 30, 2026\n\n"
        "LYTTON, B.C. — Four years after a wildfire destroyed this village, the retired "
        "schoolteacher stands on the lot where her house stood.\n\n"
        "“I used to watch the trains from there,” the 74-year-old said.\n\n"
        "“We were forgotten,” the retired schoolteacher said."
    )
    assert [s for _, s in speech_of(text)] == ["Evelyn Charlie", "Evelyn Charlie"]
    byline_only = text.replace("Lytton fire survivor Evelyn Charlie says", "Survivors say")
    assert [s for _, s in speech_of(byline_only)] == [None, None]  # never the reporter


def test_the_teenager_is_the_one_given_a_teenage_age() -> None:
    text = headlined(
        "Lars Sorensen, 38, signed with Vancouver in the summer.\n\n"
        "His son, Mattias Sorensen, 16, plays for the Spruce Kings.\n\n"
        "“He's better than I was at his age,” the elder Sorensen said.\n\n"
        "“My dad always says that,” the teenager said."
    )
    assert [s for _, s in speech_of(text)] == ["Lars Sorensen", "Mattias Sorensen"]


def test_a_well_known_body_is_an_organisation_and_never_the_company() -> None:
    text = headlined(
        "The Canadian Red Cross said in a statement that 2,300 people had registered.\n\n"
        "“Registration helps us reunite families,” the statement said.\n\n"
        "“We were lucky,” said Ryan Cross, who lives nearby.\n\n"
        "The building is owned by a local property management company, which said in a "
        "statement that it was helping tenants. “Our priority is safety,” the company said.\n\n"
        "“We will be there,” the Red Cross said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Canadian Red Cross",
        "Ryan Cross",
        None,
        "Canadian Red Cross",
    ]


def test_he_after_the_younger_of_two_brothers_is_the_younger() -> None:
    text = headlined(
        "Justice Nadia Roy ruled that Marc Poulin and Luc Poulin each own half of the farm, "
        "and rejected Marc Poulin's claim that his late mother had promised him all of it.\n\n"
        "Their mother, Jeanne Poulin, died in 2021. Marc Poulin, the elder brother, had run "
        "the farm with her, while Luc Poulin worked in Quebec City.\n\n"
        "At trial, Marc testified that his mother told him the farm would be his.\n\n"
        "“According to Marc Poulin, his mother said the fields were his,” the judge wrote.\n\n"
        "Luc Poulin welcomed the ruling in an interview on Thursday.\n\n"
        "“I wanted what my mother wrote down,” he said.\n\n"
        "The younger Poulin said he hoped the decision would help them.\n\n"
        "“We'll see,” he said."
    )
    assert [s for _, s in speech_of(text)][-2:] == ["Luc Poulin", "Luc Poulin"]
    cue = text.replace("“We'll see,” he said.", "“We'll see,” the younger Poulin said.")
    assert [s for _, s in speech_of(cue)][-1] == "Luc Poulin"


def test_a_speaker_named_at_a_speech_verb_is_offered_with_confidence() -> None:
    from tests.helpers.paths import ROOT, WARHOL

    text = (ROOT / "library" / WARHOL).read_text(encoding="utf-8")
    findings = [f for f in find_quotes(text) if f.speech and f.speaker]
    by_name = [f for f in findings if f.mention in {"Cynthia Thompson", "Hilary Braysmith"}]
    assert len(by_name) == 2 and not any(f.uncertain for f in by_name)  # one key to accept
    assert all(f.uncertain for f in findings if f.mention in {"he", "He", "she"})


def test_the_spokesperson_is_the_one_introduced_for_a_body_the_article_named() -> None:
    # "A spokesperson for the Port Authority said …" then "“…,” the spokesperson said": the
    # body's words (they were no one's); a spokesperson never introduced for a body stays so
    text = headlined(
        "The Harbour Bridge will close in May.\n\n"
        "A spokesperson for the Port Authority said the agency had not been consulted. "
        "“We learned about the closure from the newspaper,” the spokesperson said.\n\n"
        "Gulf Ferries has not commented. “We are reviewing our schedule,” a spokesman said."
    )
    assert speech_of(text) == [
        ("We learned about the closure from the newspaper,", "Port Authority"),
        ("We are reviewing our schedule,", None),
    ]


@pytest.mark.parametrize("verb", ["muttered", "mumbled", "murmured", "mutters"])
def test_a_quiet_verb_of_speech_attributes_its_quotation(verb: str) -> None:
    # "muttered" and "mumbled" were not read as speech: the quotation was no speech at all
    # (a newcomer's test found them missing among twenty verbs that worked)
    text = headlined(
        f"The council met on Monday.\n\n“Absolutely not,” councillor Mark Bell {verb}."
    )
    assert speech_of(text) == [("Absolutely not,", "Mark Bell")]


def test_a_speaker_of_a_phrase_of_three_words_or_fewer_is_offered_for_checking() -> None:
    # A phrase lifted into a sentence ("a disgrace", "karma") is a scare quote or a term about
    # as often as a saying: whoever the sentence names, the user checks (both were sure before)
    text = headlined(
        "Mayor Ana Ruiz said the bridge plan was “a disgrace” and promised a new vote.\n\n"
        "“We will build it anyway,” said Tom Ardoch, the council's leader.\n\n"
        "Ruiz called the leader's answer “karma”."
    )
    offered = {text[f.span.start : f.span.end]: f for f in find_quotes(text) if f.speech}
    assert offered["a disgrace"].speaker == offered["karma"].speaker == "Ana Ruiz"
    assert offered["a disgrace"].uncertain and offered["karma"].uncertain
    assert not offered["We will build it anyway,"].uncertain  # a saying, named at its verb


def test_a_speaker_carried_from_a_paragraph_before_is_never_sure() -> None:
    # The words no one here is read to say ("Mr. Will" is no name the finder knows) go on
    # with the speaker of a paragraph before, whose cue was that paragraph's: for checking
    # (they were offered at 0.85, as if named at their own verb; such answers were 0.92 right)
    text = headlined(
        "“Politically, I think that would help him,” Representative Ron Paul of Texas told "
        "Politico.\n\n"
        "George Will, the conservative commentator, said on ABC’s “This Week” on Sunday that "
        "Mr. Romney should release more tax returns quickly.\n\n"
        "“If something’s going to come out, get it out in a hurry,” Mr. Will said. “I do not "
        "know why he didn’t get all of this out.”"
    )
    offered = [f for f in find_quotes(text) if f.speech and f.speaker]
    assert [f.uncertain for f in offered] == [False, True, True]


def test_a_company_later_called_without_its_trade_is_still_the_company() -> None:
    text = headlined(
        "The buildings' owner, Meridian Crest Properties, has applied for an increase.\n\n"
        "In an emailed statement, Meridian Crest said the work was “necessary.”\n\n"
        "Tom Clarke founded the Mr. Clarke Company in 1990.\n\n"
        "“I am the guy working from within,” Mr. Clarke said."
    )
    assert [s for _, s in speech_of(text)] == ["Meridian Crest Properties", "Tom Clarke"]


def test_a_name_given_in_capitals_after_a_naming_verb_is_not_speech() -> None:
    text = headlined(
        "Coach Dana Whitford said the team had a good week.\n\n"
        "The players call him “Papa Bear,” a nickname he says he hates.\n\n"
        "Neighbours hold a barbecue they call “Ember Day,” every August.\n\n"
        "Whitford called the loss “a wake-up call” on Sunday."
    )
    assert [q for q, _ in speech_of(text)] == ["a wake-up call"]


def test_a_description_given_at_a_later_mention_names_who_it_stands_for() -> None:
    text = headlined(
        "The first thing Noah Castonguay noticed about his partner Mikko Laine was the ice.\n\n"
        "“I thought he was in pain,” said Castonguay, a 20-year-old rookie from Rimouski.\n\n"
        "Laine talks to him during every shift.\n\n"
        "“He shows me a clip and asks why I was there,” the rookie said."
    )
    assert [s for _, s in speech_of(text)] == ["Noah Castonguay", "Noah Castonguay"]


def test_the_company_is_the_company_named_as_subject_since_the_last_quotation() -> None:
    text = headlined(
        "“Do not give this medicine to children,” Health Canada said in its advisory.\n\n"
        "The manufacturer, Larchmont Pharmaceuticals Inc. of Guelph, Ont., said it had "
        "contacted Health Canada at once.\n\n"
        "“We sincerely apologize to parents,” the company said in a statement."
    )
    assert [s for _, s in speech_of(text)] == ["Health Canada", "Larchmont Pharmaceuticals Inc."]


def test_the_statement_is_the_one_who_later_said_in_a_statement() -> None:
    text = headlined(
        "Harbourline Ferries Ltd. will cut two crossings this winter.\n\n"
        "“We need the boats back,” said Priya Anand, who runs a bakery near the dock.\n\n"
        "The company later said in a statement that tickets would be refunded.\n\n"
        "“We regret the disruption,” the statement said."
    )
    assert [s for _, s in speech_of(text)] == ["Priya Anand", "Harbourline Ferries Ltd."]


def test_an_outlet_that_obtained_a_memo_is_not_the_company() -> None:
    text = headlined(
        "Tidewell Robotics, which makes warehouse arms, cut 60 jobs, according to a memo"
        " obtained by Global News Halifax.\n\n"
        "“This was the hardest call,” chief executive Omar Haddad wrote.\n\n"
        "In a statement to Global News, the company said staff would get severance.\n\n"
        "“We remain committed to Halifax,” the statement said."
    )
    assert [s for _, s in speech_of(text)] == ["Omar Haddad", "Tidewell Robotics"]


def test_a_weak_verb_before_to_gives_way_to_the_speech_verb_before_it() -> None:
    text = headlined(
        "“I waited eight years,” said Jun Park, a cook in Surrey, B.C.\n\n"
        "Housing Minister Carla Brightwater said in a statement that 9,000 homes were approved,"
        " and that the government continues to work with builders to “cut the red tape.”"
    )
    assert [s for _, s in speech_of(text)] == ["Jun Park", "Carla Brightwater"]


def test_a_body_is_called_by_its_first_word() -> None:
    text = headlined(
        "Overnight care at the clinic ends Monday, Meadowvale Health Network said.\n\n"
        "“We did not make this decision lightly,” Meadowvale said in a news release."
    )
    assert [s for _, s in speech_of(text)] == ["Meadowvale Health Network"]


def test_a_relative_by_a_possessive_pronoun_is_no_name() -> None:
    text = headlined(
        "Q: Your father was a sailor.\n\n"
        "A: For 30 years, on the lakes. My mother used to say, “He is married to the boat.”"
        " She meant it as a joke."
    )
    assert speech_of(text) == [("He is married to the boat.", None)]


def test_the_one_person_a_narrative_paragraph_goes_on_about_says_he_said() -> None:
    text = headlined(
        "Walter Brennan built the rink in 1998. He still floods it every night.\n\n"
        "“We rent the hall out for weddings, and that is our budget,” Brennan said.\n\n"
        "Among the regular skaters is 11-year-old Samir Qureshi, whose family arrived in"
        " Sudbury from Pakistan two years ago. He learned to skate at the rink.\n\n"
        "“The first time, I fell maybe 100 times,” he said, laughing. “Now I play defence.”"
    )
    assert [s for _, s in speech_of(text)] == ["Walter Brennan", "Samir Qureshi", "Samir Qureshi"]


def test_a_share_opening_a_sentence_is_no_name() -> None:
    text = headlined(
        "After the game, Renata Kowalski took questions from reporters. Part of the exchange:\n\n"
        "“I never thought about retiring.”"
    )
    assert speech_of(text) == [("I never thought about retiring.", "Renata Kowalski")]


def test_a_body_whose_first_word_is_a_participle_keeps_it() -> None:
    text = headlined(
        "Shared Services, which runs the hospital laundries, said in a statement that it"
        " “continues to hire.”"
    )
    assert speech_of(text) == [("continues to hire.", "Shared Services")]


def test_a_noun_of_a_body_named_before_stands_for_that_body() -> None:
    text = headlined(
        "Residents returned home after the Regional District of Central Kootenay lifted the"
        " order. The Alberta Order of Pharmacists also weighed in.\n\n"
        "“Keep a bag packed,” the regional district said in a news release.\n\n"
        "“Ask before you mix medicines,” the order said.\n\n"
        "In a statement, U.S. Attorney for the Western District of Texas Lena Ortiz said the"
        " verdict sends “a clear message.”"
    )
    assert [s for _, s in speech_of(text)] == [
        "Regional District of Central Kootenay",
        "Alberta Order of Pharmacists",
        "Lena Ortiz",
    ]


def test_a_relative_named_after_a_dash_is_the_one_the_kin_word_means() -> None:
    text = headlined(
        "Mai Tran opened the restaurant in 1994. Tran's son — Dat Langstaff, who runs the"
        " front of house — says he has learned not to take sides.\n\n"
        "She sold dumplings from her kitchen for years.\n\n"
        "Her son remembers the kitchen.\n\n"
        "“There were dumplings on every surface,” he says."
    )
    assert speech_of(text) == [("There were dumplings on every surface,", "Dat Langstaff")]


def test_a_statement_someone_wrote_by_pronoun_speaks_for_them() -> None:
    text = headlined(
        "“She called me every night,” Ada Nwosu said, her voice breaking.\n\n"
        "Her father, Bernard Lavoie, did not speak in court. A statement he wrote was read by"
        " the Crown.\n\n"
        "“I do not know yet if I can forgive this,” the statement said."
    )
    assert [s for _, s in speech_of(text)] == ["Ada Nwosu", "Bernard Lavoie"]


def test_a_company_named_by_its_trade_is_a_company() -> None:
    text = headlined(
        "Workers at Harbourview Steel ratified a new contract on Sunday.\n\n"
        "“It was a long strike,” said Dana Kowalchuk, the union local's president.\n\n"
        "Harbourview Steel said it was pleased to have reached a deal.\n\n"
        "“We look forward to restarting operations,” the company said in a statement."
    )
    assert [s for _, s in speech_of(text)] == ["Dana Kowalchuk", "Harbourview Steel"]


def test_a_kind_of_role_stands_for_the_person_given_such_a_title() -> None:
    text = headlined(
        "“We met every inspection requirement,” said Gordon Whitby, the railway's"
        " vice-president of safety.\n\n"
        "“April to July,” the MP replied. “Nobody saw that rail was about to break?”\n\n"
        "“Flaws can develop quickly,” the executive said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Gordon Whitby"


def test_someone_new_introduced_by_is_speaks_the_she_said_after() -> None:
    text = headlined(
        "“We open at four,” said Marie Gagnon, who has run the shelter since 2009.\n\n"
        "At about 5 a.m., the breakfast crew begins to arrive. Among them is Sister Agathe"
        " Roy, 84, a Grey Nun who has volunteered in the kitchen every Tuesday since 1991.\n\n"
        "“I make porridge,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Marie Gagnon", "Agathe Roy"]


def test_a_surname_two_people_share_is_never_a_sure_suggestion() -> None:
    text = headlined(
        "Wanda Pinsent, who runs the ferry terminal's café, and her son Corey Pinsent, a deckhand,"
        " both lost work when the ice came in.\n\n"
        "“We have had three days of sailings since New Year's,” Pinsent said.\n\n"
        "Transport official Hugh Barrett said the ferry would resume Friday.\n\n"
        "“The ice is the worst in a decade,” Barrett said."
    )
    found = {f.mention: f for f in find_quotes(text) if f.speech and f.speaker}
    assert found["Pinsent"].uncertain  # Wanda or Corey: the user chooses
    assert not found["Barrett"].uncertain  # one Barrett: one key to accept


def test_a_french_body_s_adjective_its_acronym_ends_on_is_part_of_its_name() -> None:
    text = headlined(
        "Quebec's police watchdog, the Bureau des enquêtes indépendantes (BEI), investigated"
        " the crash. In its report, the BEI noted that the officer “did not activate emergency"
        " equipment at any point” before the collision."
    )
    assert [s for _, s in speech_of(text)] == ["Bureau des enquêtes indépendantes"]


def test_the_name_set_off_after_a_role_held_for_a_body_is_who_speaks() -> None:
    text = headlined(
        "Not everyone has welcomed the returns.\n\n"
        "A spokesman for the campaign group Heritage Watch UK, Nigel Mostyn, said he feared"
        " museums were “emptying themselves out to satisfy a fashion”."
    )
    assert [s for _, s in speech_of(text)] == ["Nigel Mostyn"]


def test_a_place_owning_a_role_never_speaks_for_it() -> None:
    text = headlined(
        "Salinas Verdes declined to comment on the financial terms.\n\n"
        "Manitoba's economy minister, in a statement, called the deal “a cornerstone of the"
        " supply chain we are building.”"
    )
    assert speech_of(text) == [("a cornerstone of the supply chain we are building.", None)]


def test_what_someone_called_a_report_is_their_word_not_its_title() -> None:
    text = headlined(
        "The auditor's report was tabled on Monday.\n\n"
        "NDP Leader Marit Engen called the report “damning.”\n\n"
        "Her office released the report “Closing the Gap” last spring.\n\n"
        "His publisher, Prairie Lantern Books, called the new novel “a book about what"
        " families carry.”"
    )
    assert speech_of(text) == [
        ("damning.", "Marit Engen"),
        ("a book about what families carry.", "Prairie Lantern Books"),
    ]


def test_she_for_the_only_person_named_just_before_is_a_sure_suggestion() -> None:
    text = headlined(
        "Heather Lindqvist, a criminologist at Mount Royal University, has studied border"
        " agencies for a decade.\n\n"
        "“These offices are not new,” she wrote in an email. “They have simply grown.”\n\n"
        "Her colleague Maria Okafor and the city's mayor, Joan Beckett, disagreed.\n\n"
        "“We were never told,” she said."
    )
    found = [f for f in find_quotes(text) if f.speech]
    assert [(f.speaker, f.uncertain) for f in found[:2]] == [
        ("Heather Lindqvist", False),
        ("Heather Lindqvist", False),
    ]
    assert found[2].uncertain  # two women named just before: the user chooses


def test_mounties_are_the_rcmp_the_article_named() -> None:
    text = headlined(
        "A hiker was found alive near Port Alberni, according to the RCMP.\n\n"
        "Mounties said in a statement that he had likely left the trail after dark.\n\n"
        "“We are grateful to the volunteers,” the statement read."
    )
    assert [s for _, s in speech_of(text)] == ["RCMP"]


def test_as_someone_put_it_the_words_are_theirs() -> None:
    text = headlined(
        "Lucia Ferraro bakes; her brother, Marco Ferraro, runs the books. As Marco Ferraro put"
        " it, “She makes the bread; I make sure we can pay for the flour.”"
    )
    assert [s for _, s in speech_of(text)] == ["Marco Ferraro"]
    (finding,) = [f for f in find_quotes(text) if f.speech]
    assert finding.cue == "put it"


def test_a_club_or_chamber_keeps_its_whole_name() -> None:
    text = headlined(
        "In a post on the club's accounts, Lakeshore Harbour FC called her “the heart of this"
        " club from day one.”\n\n"
        "The Manitoba Chamber of Commerce said the budget was “a fair start” for employers.\n\n"
        "“We're asking anyone who saw the truck to call us,” U.S. ICE said in a release."
    )
    assert [s for _, s in speech_of(text)] == [
        "Lakeshore Harbour FC",
        "Manitoba Chamber of Commerce",
        "ICE",
    ]


def test_a_shared_surname_is_the_relative_just_introduced() -> None:
    text = headlined(
        "Kayla Brennan scored twice in the final and retired on Tuesday.\n\n"
        "“It felt like the right day,” Brennan said.\n\n"
        "Her father, Doug Brennan, watched from the stands with her two brothers.\n\n"
        "“A steward asked me to sit down. I said, ‘That's my daughter!’” Brennan said.\n\n"
        "Brennan, 31, the daughter of Doug Brennan and Ann Brennan, said she would coach."
        " “Sleep first,” Brennan said.\n\n"
        "“The elder Brennan cried,” the younger Brennan said of him."
    )
    assert [s for _, s in speech_of(text)] == [
        "Kayla Brennan",
        "Doug Brennan",  # named in full in the paragraph before, for the first time
        "Kayla Brennan",  # the names after "Brennan, 31," describe her
        "Kayla Brennan",
    ]


def test_a_body_of_members_goes_by_another_word_for_its_kind() -> None:
    text = headlined(
        "The union walked out on Monday. The Atlantic Shipping Employers Association"
        " condemned the strike.\n\n"
        "The employers' association said in a statement that it had offered 18 per cent.\n\n"
        "“This strike will hurt the economy,” the statement said.\n\n"
        "The Prairie Surgical Alliance, which represents surgeons, said it wanted detail.\n\n"
        "“Physicians are ready to do more surgeries,” the association said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Atlantic Shipping Employers Association",
        "Prairie Surgical Alliance",
    ]


def test_an_unknown_speaker_opening_a_sentence_is_named_in_lower_case() -> None:
    from reader.quotes.finding import speaker_unknown

    text = headlined(
        "“Talks continue,” said Mayor Ana Ruiz.\n\n“We are close,” A spokesperson said."
    )
    unknown = [f for f in find_quotes(text) if f.speech and not f.speaker]
    assert [speaker_unknown(f) for f in unknown] == ["speaker unknown: a spokesperson"]


def test_he_for_the_only_man_named_just_before_is_sure_beside_a_woman() -> None:
    text = headlined(
        "“We cannot keep asking riders to pay,” said Mayor Alicia Bergeron after the vote.\n\n"
        "Councillor Tom Rasmussen voted against it. “This is a tax on families,” he said.\n\n"
        "Councillor Sam Ruiz and Councillor Lee Park spoke next. “It is late,” he said."
    )
    found = [f for f in find_quotes(text) if f.speech]
    assert [(f.speaker, f.uncertain) for f in found[:2]] == [
        ("Alicia Bergeron", False),
        ("Tom Rasmussen", False),  # the one man named: sure
    ]
    assert found[2].uncertain  # two men named just before: the user chooses


def test_he_after_a_paragraph_that_goes_on_about_someone_just_introduced() -> None:
    text = headlined(
        "Immigration Minister Mathieu Desrochers defended the bill on Monday. “It protects"
        " French,” Desrochers said.\n\n"
        "Among those who will testify is Nguyen Van Long, who arrived from Vietnam in 2019"
        " and now teaches French to newcomers.\n\n"
        "Reached by phone, he said he understood the government's concern.\n\n"
        "“I learned French in two years, but I was 25,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Mathieu Desrochers", "Nguyen Van Long"]


def test_one_of_the_employees_is_someone_unnamed() -> None:
    text = headlined(
        "Rohan Mehta, the chief executive, wrote to staff on Monday.\n\n"
        "“A lot of the people let go had been here nine years,” one of the employees said.\n\n"
        "“It felt like the company we joined is gone,” said one of the workers.\n\n"
        "“We are not doing this to be dramatic,” said one of the organisers, Ladina Quartey."
    )
    found = [f for f in find_quotes(text) if f.speech]
    assert [(f.speaker, f.mention) for f in found] == [
        (None, "one of the employees"),
        (None, "one of the workers"),
        ("Ladina Quartey", "Ladina Quartey"),
    ]


def test_a_participle_before_a_partial_quote_passes_to_the_speech_verb_before_it() -> None:
    text = headlined(
        "The Retail Council of Canada said in a brief submitted to the government that the"
        " bill “risks discouraging the very workers it needs” in several sectors.\n\n"
        "A statement from the Regional District of Kootenay said orders were downgraded but"
        " warned that “conditions remain unstable” along the river."
    )
    assert speech_of(text) == [
        ("risks discouraging the very workers it needs", "Retail Council of Canada"),
        ("conditions remain unstable", "Regional District of Kootenay"),
    ]


def test_two_titles_joined_by_a_hyphen_before_a_name() -> None:
    text = headlined("A car left the road.\n\n“It is a tragedy,” said Det.-Sgt. Mark Ouellette.")
    assert [s for _, s in speech_of(text)] == ["Mark Ouellette"]


def test_a_quebec_body_before_which_speaks_in_its_whole_name() -> None:
    text = headlined(
        "The bill was tabled on Tuesday.\n\n"
        "The Conseil du patronat du Québec, which represents employers, said the bill “risks"
        " discouraging the very workers Quebec needs” in health care."
    )
    assert [s for _, s in speech_of(text)] == ["Conseil du patronat du Québec"]


def test_the_gm_is_the_general_manager_named_before_and_gm_alone_the_company() -> None:
    text = headlined(
        "“There is no stat for it,” said general manager Rick Andersen, who acquired him in"
        " 2013.\n\nAndersen told reporters the team would honour him.\n\n"
        "“We will do something special,” the GM added.\n\n"
        "“Sales rose,” GM said in a statement about its trucks."
    )
    assert [s for _, s in speech_of(text)] == ["Rick Andersen", "Rick Andersen", "GM"]


def test_an_outlet_that_saw_a_copy_did_not_write_it() -> None:
    text = headlined(
        "A draft text was circulated overnight by the summit's hosts.\n\n"
        "The draft “encourages parties to accelerate efforts,” according to a copy seen by"
        " AFP.\n\n"
        "Wages “have not kept up with rents,” according to a report by Statistics Canada."
    )
    assert [s for _, s in speech_of(text)] == [None, "Statistics Canada"]


def test_the_candidate_is_the_one_in_view_whom_the_article_called_so() -> None:
    text = headlined(
        "The room at Peter Lam's campaign office went quiet after midnight.\n\n"
        "Ruth Okonkwo held the seat by 90 votes over Lam, the B.C. Liberal candidate.\n\n"
        "Marta Diaz, the NDP candidate, finished third and conceded before midnight.\n\n"
        "Asked whether he would seek a recount, Lam shrugged.\n\n"
        "“I count things for a living,” the candidate said."
    )
    assert [s for _, s in speech_of(text)] == ["Peter Lam"]


def test_a_feature_opening_on_he_says_is_the_person_the_next_paragraph_names() -> None:
    text = headlined(
        "“The water came up to here,” he says, pointing at the kitchen wall.\n\n"
        "Armand Thibodeau has farmed beside the river since 1979.\n\n"
        "“We will rebuild,” said his neighbour, Claire Doiron."
    )
    assert [s for _, s in speech_of(text)] == ["Armand Thibodeau", "Claire Doiron"]


def test_a_quotation_after_someone_named_does_not_look_ahead() -> None:
    text = headlined(
        "Claire Doiron walked the flooded road on Monday.\n\n"
        "“The water came up to here,” he says.\n\n"
        "Armand Thibodeau has farmed beside the river since 1979."
    )
    assert [s for _, s in speech_of(text)] != ["Armand Thibodeau"]


def test_the_deputy_mayor_is_not_the_mayor_nor_the_mayor_the_deputy() -> None:
    text = headlined(
        "Deputy Mayor Ron Van Dusen led the opposition to the splash pad.\n\n"
        "“Our water mains are 70 years old,” Van Dusen said.\n\n"
        "Director of community services Gary Pettipiece wrote in his report that it would"
        " cost $35,000 a year. Pettipiece said staff had looked at a smaller design.\n\n"
        "Mayor Heather Mulvihill cast the deciding vote.\n\n"
        "“I went back and forth,” said Mulvihill.\n\n"
        "The deputy mayor said he would respect the decision.\n\n"
        "“Council has spoken,” he said.\n\n"
        "“It will be built,” the mayor said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Ron Van Dusen",
        "Heather Mulvihill",
        "Ron Van Dusen",
        "Heather Mulvihill",
    ]


def test_a_statement_given_by_a_body_named_after_its_description_is_that_bodys() -> None:
    text = headlined(
        "Council approved the arena on Tuesday.\n\n"
        "In a statement posted to social media shortly after the vote, the team's ownership"
        " group, Harbour Point Sports & Entertainment, said it remained committed.\n\n"
        "“We are proud to be partners with the city,” the statement said."
    )
    assert [s for _, s in speech_of(text)] == ["Harbour Point Sports & Entertainment"]


def test_a_relative_introduced_with_an_age_by_a_given_name_alone_is_a_person() -> None:
    text = headlined(
        "Marisol Vega, 46, and her 15-year-old daughter, Lucía, have lived in the church"
        " basement since March.\n\n"
        "“They will find me,” Vega said.\n\n"
        "Lucía, who is in Grade 10 at a school nearby, answered in French.\n\n"
        "“This is my home,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Marisol Vega", "Lucía"]


def test_a_korean_name_is_met_again_by_its_family_name_even_one_that_is_a_place_word() -> None:
    # Park, Hill, Lake … are words of places too: "Park Min-ji" is a person, and "Park said"
    # later is her (she was a place, and "Park" a place of its own, before)
    text = headlined(
        "Voters went to the polls on Wednesday.\n\n"
        "Park Min-ji, a researcher at a Seoul think tank, said turnout would be high.\n\n"
        "“People are angry, and angry people vote,” Park said.\n\n"
        "“Our troops are on alert,” Maj. Seo Hyun-jae, a military spokesperson, told "
        "reporters."
    )
    assert [s for _, s in speech_of(text)] == ["Park Min-ji", "Seo Hyun-jae"]


def test_an_acronym_of_a_name_with_a_hyphenated_word_is_that_body() -> None:
    text = headlined(
        "The World Anti-Doping Agency reviewed the case for months.\n\n"
        "“The rules were applied,” WADA said in a statement."
    )
    assert [s for _, s in speech_of(text)] == ["World Anti-Doping Agency"]


def test_one_name_and_an_age_are_a_person() -> None:
    # many people have one name (in Indonesia, Myanmar, Afghanistan …)
    text = headlined(
        "The earthquake struck before dawn.\n\n"
        "Sulastri, 41, said she carried her son out through a window.\n\n"
        "“The walls were falling,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Sulastri"]


def test_a_description_named_after_a_place_or_a_nationality_is_that_person() -> None:
    text = headlined(
        "Drones struck two airfields overnight.\n\n"
        "A defence analyst in Lviv, Taras Hnatiuk of the Institute for Security Studies, "
        "said such strikes were now routine.\n\n"
        "“Every night costs them aircraft,” he said.\n\n"
        "The conference chair, Chilean diplomat Rodrigo Antonio Valdés Ruiz, closed the "
        "session late.\n\n"
        "“It is not the deal any of us wanted,” he told delegates."
    )
    assert [s for _, s in speech_of(text)] == ["Taras Hnatiuk", "Rodrigo Antonio Valdés Ruiz"]


def test_a_subject_set_off_by_a_role_and_its_holder_is_the_holder() -> None:
    text = headlined(
        "Talks ran late.\n\n"
        "Canada's negotiator, Marc Tremblay, chaired the session as the chair of the group.\n\n"
        "The chair of a bloc representing small island states, Fijian negotiator Ana "
        "Tuilagi, said the draft was “deeply disappointing.”"
    )
    assert [s for _, s in speech_of(text)] == ["Ana Tuilagi"]


def test_a_rank_with_an_ordinal_is_a_title_before_the_name() -> None:
    text = headlined(
        "Troops were surveyed.\n\n"
        "“I was hoping we’d see someone else,” said Air Force 1st Lt. Tyler Livingston.\n\n"
        "“It was cold,” said Sgt. 1st Class Dana Whitt.\n\n"
        "“Ready,” said Petty Officer 2nd Class Joan Mares."
    )
    assert [s for _, s in speech_of(text)] == ["Tyler Livingston", "Dana Whitt", "Joan Mares"]


def test_a_wire_dateline_is_not_the_subject_of_the_first_sentence() -> None:
    for dateline in ("OTTAWA —", "KAMLOOPS, B.C. —", "TORONTO (Reuters) -", "Washington (AFP) –"):
        text = headlined(
            f"{dateline} Finance Minister Jane Doe on Tuesday said the budget was "
            "“balanced and fair.”\n\nThe vote is next week."
        )
        assert speech_of(text) == [("balanced and fair.", "Jane Doe")], dateline
    # a name's aside set off by dashes is not a dateline
    text = headlined("Jane Doe — the minister — on Tuesday said it was “balanced.”")
    assert speech_of(text) == [("balanced.", "Jane Doe")]


def test_a_shout_in_the_middle_of_a_sentence_is_its_subjects() -> None:
    text = headlined(
        "At a rally in Birmingham, Alabama, on Saturday, supporters pushed a protester out, "
        "with Donald Trump reportedly yelling: “Get him out of here!”"
    )
    assert speech_of(text) == [("Get him out of here!", "Donald Trump")]


def test_what_people_call_a_thing_is_no_ones_speech() -> None:
    text = headlined(
        "TORONTO — Toronto city council voted to allow fourplexes, ending years of debate "
        'over what planners call the "missing middle" of the housing market.'
    )
    assert all(speaker is None for _, speaker in speech_of(text))


def test_a_body_described_by_whom_it_represents_is_the_body_not_them() -> None:
    text = headlined(
        "Jane Roe runs the ward.\n\n"
        "The union representing nurses said Wednesday that staffing levels are "
        "“at a breaking point.”"
    )
    assert speech_of(text) == [("at a breaking point.", None)]


def test_a_role_after_a_body_named_with_of_the_leads_to_the_person() -> None:
    text = headlined(
        "“We were blown away,” said Friends of the Library president Janet Whitfield.\n\n"
        "“We found gaps,” said Office of the Auditor General spokesperson Ana Ruiz.\n\n"
        "“It is a start,” said Friends of the Earth in a statement.\n\n"
        "“These are good jobs,” said Unifor Local 1088 president Dale Morrison.\n\n"
        "“We are ready,” said CUPE 7000 president Mia Roy."
    )
    assert [s for _, s in speech_of(text)] == [
        "Janet Whitfield",
        "Ana Ruiz",
        "Friends of the Earth",
        "Dale Morrison",
        "Mia Roy",
    ]


def test_a_person_introduced_with_an_age_is_the_she_of_the_next_quotation() -> None:
    # The speaker before had a description and a gender no name tells: the woman
    # introduced by her age since is the one "she" stands for
    text = headlined(
        "Opposition leader Raila Odinga called the bill “an assault on the poor.”\n\n"
        "At Kenyatta National Hospital, Grace Wanjiru, 34, waited for news of her brother. "
        "“He was just walking home from work,” she said.\n\n"
        "Outside, 61-year-old Achieng Otieno held a sign. “We want answers,” she said."
    )
    assert [s for _, s in speech_of(text)][1:] == ["Grace Wanjiru", "Achieng Otieno"]


def test_british_straight_single_quotes_close_a_paragraph_of_speech() -> None:
    text = headlined(
        "Sir Keir Starmer told Labour conference the party had to make 'tough choices'.\n\n"
        "'I will not pretend there is an easy way,' the Prime Minister said. 'But we will fix "
        "them.'\n\n"
        "'Best day of my life'\n\n"
        "Baroness Altmann, a former pensions minister, told Times Radio: 'It's a cliff edge.'"
    )
    speech = speech_of(text)
    assert [s for _, s in speech] == [
        "Keir Starmer",
        "Keir Starmer",
        "Keir Starmer",
        "Baroness Altmann",  # a peer is known by title and name (the surname alone: anyone's)
    ]
    assert "Best day of my life" not in [q for q, _ in speech]


def test_the_writer_s_own_words_and_clause_words_are_no_one_s_name() -> None:
    # An interview: "I" is the writer, "Your publisher" no one named, "is what I" no name
    text = headlined(
        "Nadia Okoro spent a decade as a paramedic before she published a word.\n\n"
        "Your publisher called the book “a love letter to the night.” Is it?\n\n"
        "It is more of an apology letter, honestly.\n\n"
        "My editor, Marianne Cho, says it is due in the spring. “We will see,” I tell her.\n\n"
        "“Maybe in the fall,” is what I say."
    )
    findings = find_quotes(text)
    assert len(findings) == 3
    assert [f.speaker for f in findings] == [None, None, None]
    assert {f.mention for f in findings} == {None}


def test_someone_the_writer_introduces_by_given_name_is_named() -> None:
    text = headlined(
        "My old partner, Dev, read a draft and said, “You made me funnier than I am.”\n\n"
        "Our neighbour, Tariq, said, “He was kind.”"
    )
    assert [s for _, s in speech_of(text)] == ["Dev", "Tariq"]


def test_a_body_s_name_goes_on_past_of_the_or_for_the() -> None:
    text = headlined(
        "The Canadian Association of Physicians for the Environment called the findings "
        "“a wake-up call.”"
    )
    assert speech_of(text) == [
        ("a wake-up call.", "Canadian Association of Physicians for the Environment")
    ]


def test_a_name_someone_goes_by_is_not_speech() -> None:
    text = headlined(
        "Immanuel Quickley has taken the rookie under his wing. “Big Q,” as teammates call "
        "him, said the rookie reminds him of himself.\n\n"
        "Mayor Ann Roy spoke. The plan was “a disgrace,” as the mayor called it."
    )
    assert speech_of(text) == [("a disgrace,", "Ann Roy")]


def test_names_given_with_an_adverb_and_a_memoir_s_title_are_not_speech() -> None:
    text = headlined(
        "Coach Dana Whitley said the supporters group, known locally as “the Bridge End,” "
        "made the difference.\n\n"
        "Marcus Tembe credited his line, a unit the players jokingly call “the Furniture.”\n\n"
        "Lumenware, whose founder described its early years in the memoir “Code and "
        "Concrete,” employs 2,300 people."
    )
    assert speech_of(text) == []


def test_a_title_s_office_is_its_holder_or_no_one_never_a_name() -> None:
    # "The Premier's office said": the premier the article named, else no one; "Alhaji",
    # like "Chief", is a title before a name
    named = headlined(
        "Premier Tim Houston visited on Monday.\n\n"
        "The Premier's office said the province was “working closely with the city.”\n\n"
        "“We need help now,” said the association's chairman, Alhaji Musa Lawal."
    )
    assert [s for _, s in speech_of(named)] == ["Tim Houston", "Musa Lawal"]
    unnamed = headlined("The Mayor's office said it was “reviewing the report.”")
    assert speech_of(unnamed) == [("reviewing the report.", None)]


def test_a_name_opening_the_sentence_after_a_quotation_is_its_subject() -> None:
    # 'made.” Régine Chassagne, his bandmate and wife, said': her sentence, so her "she"
    text = headlined(
        "In an interview, Win Butler called the record “the quietest thing we have ever "
        "made.” Régine Chassagne, his bandmate and wife, said the songs came out of long "
        "nights in their studio. “We stopped trying to fill every space,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Win Butler", "Régine Chassagne"]


def test_an_airline_named_again_without_its_trade_is_the_same_body() -> None:
    text = headlined(
        "Pilots at regional carrier SkyLink Air could walk off the job on Saturday.\n\n"
        "SkyLink called the strike notice “disappointing and unnecessary.”"
    )
    assert [s for _, s in speech_of(text)] == ["SkyLink Air"]


def test_what_a_firm_is_before_its_name_is_not_part_of_it() -> None:
    text = headlined(
        "Promoter Live Nation said demand was “unprecedented.”\n\n"
        "Automaker Stellantis said the plant would “run at full capacity.”\n\n"
        "Developer Marcus Bell said the tower was “on schedule.”\n\n"
        "Fans vented online. “Ten minutes? I was in the queue at 9:59,” one wrote on X."
    )
    assert [s for _, s in speech_of(text)] == ["Live Nation", "Stellantis", "Marcus Bell", None]


def test_a_city_s_police_a_news_agency_and_a_time_word() -> None:
    # "Hamilton police said": the force, not the city; a news agency is never the body
    # "it" or "the bank" stands for; "Hours later, …" opens no name
    text = headlined(
        "SANTIAGO (Reuters) - Chile's central bank cut its rate. All 18 analysts polled by "
        "Reuters had forecast the move.\n\n"
        "Core inflation, it said, had been “somewhat more persistent than projected.”\n\n"
        "In a news release, Hamilton police said officers would patrol “for the coming days.”"
        "\n\nHours later, the office of the premier called the plan “a heavy-handed "
        "intrusion.”"
    )
    speakers = [s for _, s in speech_of(text)]
    assert "Reuters" not in speakers and "Hours" not in speakers
    assert "Hamilton police" in speakers


def test_a_firm_founded_by_someone_speaks_for_itself() -> None:
    # "The family-owned firm, founded in 1948 by Walter Hartley, said": the firm, not its
    # founder (the name inside the appositive is the agent of "founded", not the subject)
    text = headlined(
        "Auto parts maker Hartley & Sons Ltd. will lay off 420 workers.\n\n"
        "The family-owned firm, founded in 1948 by Walter Hartley, said in a statement that "
        "the decision followed “a comprehensive review of our footprint.”"
    )
    assert [s for _, s in speech_of(text)] == ["Hartley & Sons Ltd."]


def test_a_name_after_a_verb_whose_subject_was_not_read_is_only_a_guess() -> None:
    # "alleges the plaza owner": the verb's object, not a subject after it ("said King")
    text = headlined(
        "John Hassan, 24, was sentenced on Friday.\n\n"
        "The statement of claim alleges the plaza owner “failed to provide adequate security.”"
    )
    speech = [f for f in find_quotes(text) if f.speech]
    assert all(f.confidence < 0.8 for f in speech if f.speaker)


def test_she_after_a_surname_two_of_a_family_share_is_the_woman_of_them() -> None:
    # "Okafor said her son …": the surname's first bearer is the son; "she" is his mother
    text = headlined(
        "Tyler Okafor was found unresponsive in a cell hours after his arrest.\n\n"
        "“Tyler should have been taken to a hospital,” his mother, Grace Okafor, told "
        "reporters on Thursday.\n\n"
        "The inquest heard that officers checked on Okafor 11 times.\n\n"
        "In her charge to the jury, presiding coroner Dr. Helen Carter summed up the "
        "evidence.\n\n"
        "“The evidence showed a series of missed opportunities,” the coroner wrote.\n\n"
        "Police Chief Jordan Reyes, who attended the last day, spoke to reporters afterward.\n\n"
        "“We failed Tyler. I have said that to his family,” Reyes said.\n\n"
        "Okafor said her son loved to play hockey.\n\n"
        "“He was always skating, on the pond, in the driveway,” she said. “He was 17.”"
    )
    speech = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in speech[-2:]] == ["Grace Okafor", "Grace Okafor"]


def test_the_company_said_is_the_company_named_most_when_no_name_says_company() -> None:
    # No name ends in a company's word, and the body named last ("Transport Canada") is
    # not the story's company: the one the story names most is
    text = headlined(
        "Northwind Air will end service on six routes this spring, the airline said Monday.\n\n"
        "Northwind Air has lost passengers since a rival began flying the same routes. "
        "Northwind Air was founded in Thunder Bay in 1987 and flies to 30 towns.\n\n"
        "The cuts come weeks after Transport Canada fined two smaller carriers over crew rest "
        "rules.\n\n"
        "“We looked at every option before making this decision,” the company said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Northwind Air"]


def test_a_players_position_opening_the_sentence_is_no_part_of_the_name() -> None:
    # "Lefty", "Southpaw": what the pitcher is, written before the name as "Rookie" is
    text = headlined(
        "Lefty Bastien Lafrenière, the Loons' 27-year-old closer, has run to the mound to the "
        "same song for three seasons.\n\n"
        "“The first time it happened, I almost walked the guy,” he said.\n\n"
        "Southpaw Ray Diaz struck out nine in the opener.\n\n"
        "“It felt great,” Diaz said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Bastien Lafrenière", "Ray Diaz"]


def test_he_after_an_unnamed_worker_in_british_single_quotes_is_no_one_named() -> None:
    # The sentence before the quotation opens with a single straight mark: a quotation,
    # read past as "“" is, so the unnamed worker after it is who "he" is
    text = headlined(
        "Her father, Réjean Lachance, retired from the mill in 2009 after 38 years.\n\n"
        "'When I started, there were over 1,000 of us,' he said.\n\n"
        "A worker on the packaging side, who asked not to be identified, said morale among "
        "the remaining staff was low.\n\n"
        "'Everyone is wondering if they are next,' he said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Réjean Lachance", None]


def test_he_after_someone_who_did_not_want_to_be_named_is_no_one_named() -> None:
    # "who did not want to be named", "was not authorized to speak publicly": unnamed, so
    # "he" in the paragraph after is not the man quoted before
    text = headlined(
        "Robichaud Maple will double its tapping this spring, owner Pierre Gagnon said.\n\n"
        "“We have waited ten years for this,” Gagnon said.\n\n"
        "A smaller producer in nearby Kedgwick, who did not want to be named because he sells "
        "some of his syrup to Robichaud Maple, said the news had sparked some envy.\n\n"
        "“Everybody's happy for them,” he said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Pierre Gagnon", None]


def test_a_compound_of_two_short_names_tells_no_gender_by_its_first_part() -> None:
    # "Wei" is listed as a man's name; "Wei-Lin" is not listed, so "she" may be Wei-Lin Zhou
    from reader.quotes.given_names import gender_of

    assert gender_of("Wei-Lin") == ""
    assert gender_of("Jean-Marc") == "m"
    assert gender_of("Marie-Claude") == "f"
    text = headlined(
        "The study was led by Dalhousie PhD candidate Wei-Lin Zhou and Prof. Kimberley "
        "Davies.\n\n"
        "“The gliders hear what the planes miss,” Davies said.\n\n"
        "Zhou, who grew up in Shenzhen, said she had never seen a whale before.\n\n"
        "“My mother thought it was a cow,” she said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Kimberley Davies", "Wei-Lin Zhou"]


def test_an_honorific_tells_the_sex_a_list_of_names_got_wrong() -> None:
    # "Amrit" is listed as a man's name; "Ms. Kaur" says otherwise, so "she" is Amrit Kaur
    text = headlined(
        "When Amrit Kaur finished her teaching degree in 2019, she had a job offer.\n\n"
        "Nour Farhat, a Montreal lawyer, said she had once hoped to become a prosecutor.\n\n"
        "“That door is closed to me now,” Ms. Farhat said.\n\n"
        "Ms. Kaur, for her part, said she still follows Quebec news closely.\n\n"
        "“My students here ask me where I'm from,” she said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Nour Farhat", "Amrit Kaur"]


def test_a_chiefs_title_in_an_indigenous_language_is_no_part_of_the_name() -> None:
    text = headlined(
        "Fires burned near Lytton on Wednesday.\n\n"
        "“Our people have been on this land since time immemorial,” said Kúkpi7 Matt Pierre.\n\n"
        "“We are ready,” Ogimaa Duke Peltier said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Matt Pierre", "Duke Peltier"]


def test_a_teams_player_by_position_is_the_subject_just_before_not_the_team() -> None:
    # "the Flames centre": a player ("centre" is also a building, an organisation's word)
    text = headlined(
        "The Jets beat the Calgary Flames 4-3 on Saturday.\n\n"
        "Calgary had taken control on goals by Elias Lindholm and Sean Monahan.\n\n"
        "“You have to manage the puck,” Flames head coach Geoff Ward said.\n\n"
        "Monahan agreed. “That one stings,” the Flames centre said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Geoff Ward", "Sean Monahan"]


def test_the_elder_of_two_sharing_a_surname_is_known_by_their_own_words() -> None:
    # The son speaks of "my father", the father of "my son": "The elder Dhaliwal" is the
    # father, and "he" in the paragraph after is him
    text = headlined(
        "The grocery chain that Gurpreet Dhaliwal started in a Brampton storefront in 1991 is "
        "being sold to Loblaw.\n\n"
        "Dhaliwal Foods operates 23 stores and employs about 1,900 people.\n\n"
        "“My father used to drive to Toronto at four in the morning,” said Arjun Dhaliwal, "
        "the company's chief executive.\n\n"
        "The founder, now 72, said he had not planned to sell.\n\n"
        "“I always thought I would die behind the counter,” Gurpreet Dhaliwal said. “My son "
        "is smarter than me.”\n\n"
        "Workers at Dhaliwal stores are not unionized. Arjun Dhaliwal said no job cuts were "
        "planned.\n\n"
        "“Every one of our employees will still have a job,” he said.\n\n"
        "The elder Dhaliwal confirmed it.\n\n"
        "“These people stood at the tills through COVID,” he said."
    )
    assert [speaker for _, speaker in speech_of(text)][-2:] == [
        "Arjun Dhaliwal",
        "Gurpreet Dhaliwal",
    ]


def test_a_founders_surname_stays_the_founders_when_the_firm_bears_it() -> None:
    # "Dhaliwal Logistics Ltd." after Harjit Dhaliwal: "Dhaliwal, 63, said" is still him
    text = headlined(
        "SURREY — When Harjit Dhaliwal bought his first truck in 1994, he drove it himself.\n\n"
        "Twenty-seven years later, Dhaliwal Logistics Ltd. runs 240 trucks.\n\n"
        "“People told me I was crazy when I started,” Dhaliwal, 63, said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Harjit Dhaliwal"]


def test_names_ending_in_a_short_surname_teams_named_in_the_singular_and_quebec_bodies() -> None:
    # "Kim Thao Le" (not "Kim Thao": "Le" is no joining word after a given name), "Tampa
    # Bay Lightning" (a team, not a place; "the Lightning" later), "CISSS de Lanaudière"
    text = headlined(
        "The Vancouver Canucks dealt Halvorsen to the Tampa Bay Lightning for a prospect.\n\n"
        "In a statement, the Lightning said Halvorsen “brings exactly the kind of "
        "competitiveness we were looking for.”\n\n"
        "“I have never seen it like this,” said Kim Thao Le, a peer support worker.\n\n"
        "Lawyers for the regional health authority, the CISSS de Lanaudière, objected.\n\n"
        "In a statement, the CISSS de Lanaudière said it was “co-operating fully” with the "
        "coroner."
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Tampa Bay Lightning",
        "Kim Thao Le",
        "CISSS de Lanaudière",
    ]


def test_a_paragraph_after_a_bare_quotation_can_say_whose_it_was() -> None:
    # "“…” / That was Dana Wasylyk's assessment": hers, not her father's, who spoke before
    text = headlined(
        "“I'm too nervous to watch, so I watch the scoreboard,” Bohdan Wasylyk said.\n\n"
        "“We've been knocking on this door for six years. Tonight we kicked it in.”\n\n"
        "That was Dana Wasylyk's assessment, delivered moments after the team had finished "
        "a round of interviews."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Bohdan Wasylyk", "Dana Wasylyk"]


def test_a_surname_before_its_person_is_named_is_the_company_named_for_them() -> None:
    # "Friesen said" in a news release, before Walter Friesen is named: the company
    text = headlined(
        "WINKLER, Man. — Friesen Furniture Ltd. will lay off 240 workers, the company said "
        "Tuesday.\n\n"
        "In a news release, Friesen said the cuts were “a painful but necessary step.”\n\n"
        "Walter Friesen, who founded the company in 1968, said the decision had been the "
        "hardest of his career.\n\n"
        "“I know most of these people,” Friesen said."
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Friesen Furniture Ltd.",
        "Walter Friesen",
    ]


def test_a_body_given_someones_own_i_is_only_a_suggestion_to_check() -> None:
    # Carried to the label named in the paragraph before, "I used to be ashamed of how I
    # sounded" is a person's; whoever is suggested, not with confidence
    text = headlined(
        "Wren Twoyoungmen's record, released on the Calgary label Shortgrass Records, has "
        "drawn comparisons to Buffy Sainte-Marie.\n\n"
        "In a statement announcing her signing last year, Shortgrass Records called "
        "Twoyoungmen “the most singular new voice we have heard in a decade.”\n\n"
        "“I used to be ashamed of how I sounded when I sang. Too nasal, too rez.”"
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert findings[-1].speaker != "Shortgrass Records" or findings[-1].confidence < 0.8


def test_someone_unnamed_of_a_body_is_no_one_named_and_not_the_last_speaker() -> None:
    # "a scout for the team said", "A scout …, called it “…”": someone the article does not
    # name, not the general manager quoted before; "One of those emails … warned" is still
    # the emails' writer's
    text = headlined(
        "Sabres general manager Kevyn Adams said in a statement that the team “is committed "
        "to developing young players.”\n\n"
        "“It was a fair deal,” a scout for the team said.\n\n"
        "Not everyone was convinced. A scout for a Western Conference team, speaking on "
        "condition of anonymity, called it “a fair deal for both sides, maybe a slight "
        "overpay.”\n\n"
        "Raymond Tessier said he raised concerns in a series of emails.\n\n"
        "One of those emails, dated June 2019, warned that “the reliability numbers are "
        "nowhere near what the contract demands.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Kevyn Adams",
        None,
        None,
        "Raymond Tessier",
    ]


def test_a_release_from_a_places_body_speaks_for_that_body() -> None:
    # "a news release from the province's Ministry of Labour and Immigration … the release
    # said": the ministry's (a possessive before the body's name)
    text = headlined(
        "The charges were announced in a brief news release from the province's Ministry of "
        "Labour and Immigration on Wednesday. “As these matters are now before the courts, no "
        "further comment will be made,” the release said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Ministry of Labour and Immigration"]


def test_the_union_is_a_union_named_before_not_the_company_that_spoke_last() -> None:
    # "the union" is a kind's noun: the Syndicat (a French name, read whole to "d'Arvida"),
    # not Laurentian Aluminium, which spoke last
    text = headlined(
        "“Nobody wanted this,” said Sylvain Bouchard, president of the Syndicat national des "
        "employés de l'aluminium d'Arvida, which represents the workers.\n\n"
        "Laurentian Aluminium said it had made a fair offer.\n\n"
        "“Solidarity. We hold the line,” the union said in a statement."
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Sylvain Bouchard",
        "Syndicat national des employés de l'aluminium d'Arvida",
    ]


def test_siblings_named_before_one_surname_and_firms_named_for_their_trade() -> None:
    # "Pieter and Mark Vanderkooi" (Pieter not in the list of given names): then "said
    # Pieter, 34" is him; "Cascadia Forest Products" is a firm, not a person "Forest Products"
    text = headlined(
        "Vanderkooi and his two sons, Pieter and Mark Vanderkooi, spent Monday night moving "
        "cattle through rising water.\n\n"
        "“We lost everything,” said Pieter, 34.\n\n"
        "Residents are reeling after Cascadia Forest Products announced Tuesday that it will "
        "close its mill. “This was an extremely difficult decision,” Cascadia Forest Products "
        "said in a release."
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Pieter Vanderkooi",
        "Cascadia Forest Products",
    ]


def test_a_surname_before_its_person_is_named_is_the_firm_bearing_it_anywhere() -> None:
    # "In the release, Weston said" before Galen Weston is named: George Weston Ltd.
    text = headlined(
        "Kowalski's Bakery has agreed to be acquired by a division of George Weston Ltd. for "
        "$410 million, the companies announced.\n\n"
        "“This is the beginning of Kowalski's,” owner Teresa Kowalski said.\n\n"
        "In the release, Weston said the acquisition “strengthens our presence in the "
        "premium bread category.”\n\n"
        "Galen Weston, chair of George Weston Ltd., called Kowalski's “a true Canadian "
        "success story.”"
    )
    assert [speaker for _, speaker in speech_of(text)][:2] == [
        "Teresa Kowalski",
        "George Weston Ltd.",
    ]


def test_a_spelled_out_number_opening_a_sentence_is_no_speaker() -> None:
    # "Fifty-one percent say that “…”": a share of a poll, not a person called Fifty-one
    text = headlined(
        "A new poll shows majority support for the plan. Fifty-one percent say that “the "
        "council was wrong and should start again from scratch.”\n\n"
        "The survey found more. Twelve said “we will not vote for this bill at all.”\n\n"
        "The owners of Twenty Mile Bench Estate Winery Ltd. said business would “continue as "
        "normal for now.”"
    )
    speakers = [speaker for _, speaker in speech_of(text)]
    assert "Fifty-one" not in speakers and "Twelve" not in speakers
    assert speakers[-1] == "Twenty Mile Bench Estate Winery Ltd."


def test_titles_slogans_and_formulas_in_quotation_marks_are_no_ones_words() -> None:
    # songs performed, shows named by their broadcaster, episodes, slogans, "the “…” formula"
    text = headlined(
        "The band closed its show in Nashville, bringing out McDonald during an encore to "
        "perform “Takin’ It to the Streets.”\n\n"
        "Teachers with marching band instruments played “We’re Not Gonna Take It” from the "
        "Statehouse steps.\n\n"
        "The news came a month after Van Der Beek announced it on a previous episode of "
        "“DWTS.”\n\n"
        "“This is a stock that had been getting clobbered,” Maley said on CNBC's “Trading "
        "Nation” on Monday. “It was down for four straight years.”\n\n"
        "Gov. Kristi Noem is defending the launch of an anti-drug campaign with the slogan "
        "“Meth, we’re on it.”\n\n"
        "South Dakota’s viral “Meth. We’re on it.” awareness campaign has been facing "
        "backlash.\n\n"
        "China said it is committed to the “one country, two systems” formula granting Hong "
        "Kong autonomy.\n\n"
        "Sanders said on ABC's “This Week” that he would “take a look” at the bill."
    )
    assert speech_of(text) == [
        ("This is a stock that had been getting clobbered,", "Maley"),
        ("It was down for four straight years.", "Maley"),
        ("take a look", "Sanders"),
    ]


def test_a_quoted_word_before_a_noun_that_goes_on_is_not_a_slogan() -> None:
    # "the nation’s “broken” campaign finance system": his word, in his pledge
    text = headlined(
        "Sanders pledged to fix the nation’s “broken and corrupt” campaign finance system "
        "and a “political revolution” for the country, he told supporters."
    )
    assert [quote for quote, _ in speech_of(text)] == ["broken and corrupt", "political revolution"]


def test_a_surname_that_is_a_title_is_the_person_who_bears_it() -> None:
    # "says Doctor" after "Ken Doctor, a news industry analyst"
    text = headlined(
        "Ken Doctor, a news industry analyst, has followed the chains for years. Patrick "
        "Soon-Shiong bought the paper in 2018.\n\n"
        "“Financial players are making significant money on the way down,” says Doctor. "
        "“They see the way down as close to inevitable.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Ken Doctor", "Ken Doctor"]
    # read by the rules, so sure (it had been the ranker's guess, 0.51: "Doctor" a title)
    assert [f.confidence >= 0.8 for f in find_quotes(text) if f.speech] == [True, True]


def test_a_role_word_with_a_gender_is_not_the_person_of_the_other() -> None:
    # "said the actor", no one described so: the man the story is about, not his wife
    text = headlined(
        "James Van Der Beek has been eliminated from the show. His wife, Kimberly, had "
        "suffered a miscarriage.\n\n"
        "“My wife Kimberly and I went through every parent’s worst nightmare,” Van Der Beek "
        "said.\n\n"
        "“You never know why these things happen,” said the actor. “It makes you more human.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["James Van Der Beek"] * 3


def test_a_clause_after_but_has_its_own_subject_past_an_apposition() -> None:
    text = headlined(
        "US President Donald Trump has been eager to withdraw, but General Mark Milley, "
        "chairman of the Joint Chiefs of Staff, told US media this month that its forces are "
        "likely to remain “for several more years”."
    )
    assert speech_of(text) == [("for several more years", "Mark Milley")]


def test_said_then_a_description_then_the_name_at_the_sentence_end() -> None:
    # "…, said another witness in the impeachment probe, former … adviser Fiona Hill."
    text = headlined(
        "Sondland was known for telling others “he was in charge of Ukraine” despite being "
        "the U.S. envoy in Brussels, said another witness in the impeachment probe, former "
        "White House Russia adviser Fiona Hill."
    )
    assert speech_of(text) == [("he was in charge of Ukraine", "Fiona Hill")]


def test_the_outlet_after_according_to_reports_the_speakers_words() -> None:
    # "“…,” he said, according to the Intelligencer": his words, as the paper reported them
    text = headlined(
        "Rep. David McKinley toured the border last week. A major part of the reason more "
        "agents are needed, McKinley said, is the flow of drugs.\n\n"
        "“You’ve got to pay attention to this, $53 million a week is coming across,” he said, "
        "according to the Intelligencer."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["David McKinley"]


def test_a_crowd_that_chants_is_no_one_named() -> None:
    text = headlined(
        "Thousands of teachers rallied at the Indiana Statehouse on Tuesday.\n\n"
        "Teachers chanted, “Fund our schools,” and “Put kids first,” as hundreds of them "
        "lined the entrances.\n\n"
        "Analysts at the Saudi bank Al Noor Capital wrote that the kingdom was trading "
        "“volume for value.”"
    )
    assert speech_of(text) == [
        ("Fund our schools,", None),
        ("Put kids first,", None),
        ("volume for value.", "Al Noor Capital"),
    ]


def test_an_advocates_title_and_a_year_before_christ_name_no_one() -> None:
    # "Adv Mokitimi Tšosane", as southern African papers title an advocate; "500 BC saying"
    text = headlined(
        "Adv Mokitimi Tšosane was admitted in 2019. “My grandmother was the shield against "
        "poverty,” Adv Tšosane said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Mokitimi Tšosane"]
    text = headlined(
        "Researchers explain ways used to light the streets as early as 500 BC saying “the "
        "ancient Romans used oil lamps filled with vegetable oil in front of their homes.”"
    )
    assert [speaker for _, speaker in speech_of(text)] in ([], [None])


def test_a_body_named_before_then_a_person_in_one_run_are_two() -> None:
    # "Marketing Manager at Ocean Florida Abby Dunn" after "Ocean Florida" was named
    text = headlined(
        "Tessa Bishop, head of sales at Ocean Florida, shared her tips.\n\n"
        "Marketing Manager at Ocean Florida Abby Dunn has travelled to Florida 42 times.\n\n"
        "Abby said: “I’d always recommend buying your park tickets at the time of booking.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Abby Dunn"]


def test_a_participle_after_a_partial_quotation_is_the_sentence_subjects() -> None:
    # "Mr Lammy said … could “look their best” to represent the UK, adding that …": Lammy's,
    # not the UK's; "Downing Street said": the office, not a street called "Street"
    text = headlined(
        "On Sunday, Mr Lammy said the Prime Minister and his wife had accepted the donations "
        "so they could “look their best” to represent the UK, adding that the US had a "
        "“huge budget from the taxpayer” to clothe its leaders.\n\n"
        "Downing Street said the sovereignty of the islands “rests with the UK”."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Lammy", "Lammy", "Downing Street"]


def test_a_titled_person_of_a_place_is_a_person_though_the_title_holds_a_bodys_word() -> None:
    # "Senate Democratic Leader Greg Taylor of Indianapolis said": not a body of that name
    text = headlined(
        "Senate Democratic Leader Greg Taylor of Indianapolis said schools will suffer.\n\n"
        "“We can’t find ourselves at the bottom of the barrel on education,” Taylor said."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Greg Taylor"]


def test_a_name_that_ends_its_sentence_after_a_comma_and_says_speaks_next() -> None:
    # "…, but the world should expect leadership of a different flavour, says Yao. “…”":
    # Yao, not COP30
    text = headlined(
        "Yao Zhe, a policy analyst at Greenpeace, has followed the talks.\n\n"
        "With the US absent, China will have greater influence at COP30, but the world "
        "should expect leadership of a different flavour, says Yao. “They cannot expect "
        "China to do exactly what the US does.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Yao Zhe"]


def test_a_show_a_speaker_spoke_on_is_no_ones_words() -> None:
    # "the actor previously said on “DWTS.”": the show; "said he survived on “coffee …”": his
    text = headlined(
        "“Hearing the heartbeat was something we never take for granted,” the actor "
        "previously said on “DWTS.”\n\n"
        "Lacroix later said he survived on “coffee, pepperoni sticks and adrenalin.”"
    )
    assert [quote for quote, _ in speech_of(text)] == [
        "Hearing the heartbeat was something we never take for granted,",
        "coffee, pepperoni sticks and adrenalin.",
    ]


def test_a_partial_quotation_far_from_its_reporting_verb_is_its_subjects() -> None:
    # "The port authority said on Monday that … (twenty-odd words) … for spreading
    # “misleading” claims": the authority's word, though its verb is far back
    text = headlined(
        "Rain fell.\n\n"
        "The Halvorsen Port Authority said on Monday that the shipping line's regional "
        "manager and its harbour pilot had been suspended from every berth of the eastern "
        "terminal for spreading “misleading” claims about the spill."
    )
    assert speech_of(text) == [("misleading", "Halvorsen Port Authority")]


def test_a_body_named_alone_before_a_longer_name_is_not_that_name() -> None:
    # "Kestrel says … the Kestrel Community Hub": the app, not its forum named later
    text = headlined(
        "Rain.\n\n"
        "Users of the Kestrel community have long complained of cheats.\n\n"
        "Now Kestrel says it will use machine learning to remove “questionable” rides.\n\n"
        "Dark mode, according to the Kestrel Community Hub, is the second most wanted feature."
        "\n\nKestrel says it will introduce dark mode “later this summer.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Kestrel", "Kestrel"]


def test_a_sentence_reporting_someone_else_between_quotations_hands_on_to_them() -> None:
    # "“…,” Okafor added. … but Brennan explained he would not … “Even if we had lost …”":
    # the coach's words, not the player's quoted last in the paragraph
    text = headlined(
        "Rain.\n\n"
        "“I just wanted to keep playing,” Dele Okafor added after the game. It is easy to "
        "praise Okafor now, but coach Martin Brennan explained he had never meant to punish "
        "his rookie. “Even if we had lost, I would not have said a word to him.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Dele Okafor", "Martin Brennan"]


def test_a_wine_house_named_after_its_founder_is_not_the_founder() -> None:
    # "Keith Tulloch, of Keith Tulloch Wines, … “…,” Mr Tulloch told AAP": the man
    text = headlined(
        "Rain.\n\n"
        "Trevor, 52, died in the blast at Drayton's Family Wines at Pokolbin.\n\n"
        "Keith Merrow, of Keith Merrow Wines, was unable to make the meeting but he said "
        "the valley would help.\n\n"
        "“People here will do all they can,” Mr Merrow told AAP."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Keith Merrow"]


def test_a_role_after_the_leads_to_the_name_after_it() -> None:
    # "said the Sunni secular politician Salih al-Mutlak", "said the party leader John Smith"
    for cue, speaker in (
        ("said the party leader Joan Tremblay.", "Joan Tremblay"),
        (
            "said the Sunni secular politician Salih al-Mutlak, head of the front.",
            "Salih al-Mutlak",
        ),
        ("said the veteran politician Joan Tremblay, head of the front.", "Joan Tremblay"),
    ):
        text = headlined(
            f"Rain.\n\nThe assembly voted on Monday.\n\n“We will fight this law,” {cue}"
        )
        assert [name for _, name in speech_of(text)] == [speaker], cue


def test_the_boss_is_the_manager_named_before() -> None:
    # "Tottenham manager Juande Ramos … said the Spurs boss"; the captain, the skipper
    text = headlined(
        "Rain.\n\n"
        "Harrow manager Tomas Ribeiro has said chairman Daniel Ostrow will decide.\n\n"
        "“He made a great contribution,” said the Harrow boss."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Tomas Ribeiro"]


def test_a_phrasal_speech_verb_before_its_subject() -> None:
    # "“A front tooth,” added Leonsis. “Maybe razor,” chimed in Ovechkin."
    text = headlined(
        "Rain.\n\n"
        "Ilya Petrov signed a deal with owner Ted Lindqvist on Thursday.\n\n"
        "“A front tooth,” added Lindqvist. “Maybe razor,” chimed in Petrov. “Not yet,” shot "
        "back Lindqvist."
    )
    assert [speaker for _, speaker in speech_of(text)] == [
        "Ted Lindqvist",
        "Ilya Petrov",
        "Ted Lindqvist",
    ]


def test_states_after_a_regions_word_is_a_noun() -> None:
    # "referred to … the Arab Gulf states as the “Persian Gulf”": no Gulf speaks
    from reader.quotes.cues import is_speech_verb

    assert not is_speech_verb("states", "Gulf") and not is_speech_verb("states", "member")
    assert is_speech_verb("states", "Smith")
    text = headlined(
        "Rain.\n\n"
        "One official complained that he had referred to the water between Iran and the "
        "Arab Gulf states as the “Persian Gulf”."
    )
    assert all(speaker != "Arab Gulf" for _, speaker in speech_of(text))


def test_a_title_owned_by_a_name_in_s_or_before_a_campaign_is_no_ones_words() -> None:
    # "Alicia Keys' “As I Am” at No. 3"; "its “Pepsi Stuff” advertising campaign than …"
    text = headlined(
        "Rain.\n\n"
        "Mary Jones said the chart had changed. Next came Alicia Keys' “As I Am” at No. 3.\n\n"
        "Pepsi said it will spend more on its “Pepsi Stuff” advertising campaign than on "
        "any other."
    )
    assert speech_of(text) == []


def test_a_question_put_to_someone_is_not_their_words() -> None:
    # "Ishiba was asked, “Do you feel any ethical guilt?” The prime minister admitted that he
    # did.": the asker's, unnamed; "Sanders was asked by host Bill Maher, “…”": Maher's
    text = headlined(
        "Rain.\n\n"
        "Kenji Moriyama spoke at the debate on Saturday.\n\n"
        "During the session, Moriyama was asked, “Do you feel any ethical guilt?” The prime "
        "minister admitted that he did.\n\n"
        "Later Moriyama was asked by host Dana Pruitt: “Will you run again?”"
    )
    assert [speaker for _, speaker in speech_of(text)] == [None, "Dana Pruitt"]


def test_a_given_name_two_people_share_is_the_one_named_far_more() -> None:
    # "Bobby" in a feature on Bobby Jindal that names the chef Bobby Flay once, late
    text = headlined(
        "Rain.\n\n"
        "Supriya Dhillon met Bobby Dhillon at school. Bobby Dhillon was 17. Bobby Dhillon "
        "wrote to her for years.\n\n"
        "They once cooked with the chef Bobby Flay.\n\n"
        "“She's a New Orleans girl,” Bobby says."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Bobby Dhillon"]


def test_a_shared_surname_is_not_the_one_the_words_call_by_given_name() -> None:
    # "The midwife was Bobby Jindal … “Bobby called my dad …,” Jindal says": his wife
    text = headlined(
        "Rain.\n\n"
        "Supriya Dhillon woke at dawn. “This baby is coming now!” Dhillon shouted.\n\n"
        "The midwife was Bobby Dhillon, who will be sworn in as governor tomorrow.\n\n"
        "“Bobby called my dad to come over,” Dhillon says."
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Supriya Dhillon", "Supriya Dhillon"]


def test_a_town_named_for_a_saint_is_a_place() -> None:
    # "Jeffrey Skrenes of St. Paul, Minn., said …": Skrenes, not a saint
    text = headlined(
        "Rain.\n\n"
        "Dana Okafor of St. Albert, Alta., said the phrase “adds nothing to the conversation.”"
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Dana Okafor"]


def test_he_after_a_paragraph_reporting_his_claim_is_the_claimant() -> None:
    # "And Hodgson claims “persuasive” Harrods owner Al Fayed will pay … / “…,” he said":
    # Hodgson, not the man named in his claim
    text = headlined(
        "Rain.\n\n"
        "Chief executive Mark Ashby told the club's website: “Harrow have made a bid.”\n\n"
        "The bid could be one of many, with Karim Al Fendi undeterred by the prospect of "
        "paying large sums.\n\n"
        "New boss Rory Hallam insists his chairman is prepared to dip into his fortune.\n\n"
        "And Hallam claims “persuasive” Harrods owner Al Fendi will pay what it takes to keep "
        "Harrow up.\n\n"
        "“The chairman is very supportive. He wants the club to stay up,” he said."
    )
    assert [speaker for _, speaker in speech_of(text)][-1] == "Rory Hallam"


def test_words_lifted_into_a_reporting_sentence_are_offered_for_checking() -> None:
    # Across every labelled set, a lowercase fragment's speaker found at its cue is right
    # 82-97% of the time against 97-100% for a whole quotation's: never one key to accept.
    text = headlined(
        "Mayor Tom Reid and Councillor Dana Wasylyk spoke on Tuesday.\n\n"
        "Reid defended the plan. Wasylyk called it “a waste of everyone's money” and asked "
        "for a vote.\n\n"
        "“We will not accept it,” Wasylyk said."
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in findings] == ["Dana Wasylyk", "Dana Wasylyk"]
    assert findings[0].uncertain and not findings[1].uncertain


def test_a_peer_known_by_title_and_one_name_keeps_the_title() -> None:
    text = headlined(
        "Lord Stevens led the inquiry. Countess Spencer and First Lady Obama attended, as did "
        "Dame Mary Marsh.\n\n"
        "“The surgeons did everything humanly possible,” Lord Stevens said.\n\n"
        "“She was happy,” Countess Spencer said.\n\n"
        "“It was moving,” First Lady Obama said.\n\n"
        "“We are worried,” said Dame Mary Marsh.\n\n"
        "Stevens added: “Nothing more can be done.”"
    )
    assert [s for _, s in speech_of(text)] == [
        "Lord Stevens",
        "Countess Spencer",
        "Obama",
        "Mary Marsh",
        "Lord Stevens",
    ]


def test_a_bare_capital_letter_opens_the_name_of_a_thing_not_a_person() -> None:
    text = headlined(
        "My first question to Ashish Thakkar, CEO of a conglomerate: “When do you sleep?”\n\n"
        "The purpose of his visit is twofold: to check out accelerator programs like 500 "
        "Startups and Y Combinator for inspiration, and to advise business owners.\n\n"
        "He raises the same points with governments. “The answer is small businesses,” he said."
    )
    assert [s for _, s in speech_of(text)][-1] == "Ashish Thakkar"


def test_a_signature_after_a_quotation_names_its_speaker_and_introduces_no_one() -> None:
    text = headlined(
        "Here is what some of my students wrote to me after the course.\n\n"
        "“I read your guide at the beginning of the year; it was inspirational.”\n\n"
        "- Jefferson T.\n\n"
        "“I would like to thank you very much for your work; it has helped me immensely!”\n\n"
        "- Hans Meier\n\n"
        "“Life-changing.” —Maria Lopez, student"
    )
    assert [s for _, s in speech_of(text)] == ["Jefferson T", "Hans Meier", "Maria Lopez"]


def test_a_signature_may_say_what_the_words_were_about() -> None:
    # A round-up of quotes: "— Name on what it was about" under each (they had gone to the
    # last one signed without it)
    text = (
        "Some quotes on the cabinet shuffle\n\n"
        '"We need to reset the approach of this government for a recovery."\n\n'
        "— Prime Minister Justin Trudeau\n\n---\n\n"
        '"Shutting down Parliament in the middle of a pandemic is wrong."\n\n'
        "— NDP Leader Jagmeet Singh\n\n---\n\n"
        '"It\'s about time that we broke that glass ceiling."\n\n'
        "— Chrystia Freeland on becoming the country's first female finance minister\n\n---\n\n"
        '"The government is tired. It\'s not going to solve the problem."\n\n'
        "— Luda Pal, who lives in Freeland's riding, on the new finance minister"
    )
    assert [s for _, s in speech_of(text)] == [
        "Justin Trudeau",
        "Jagmeet Singh",
        "Chrystia Freeland",
        "Luda Pal",
    ]


def test_a_persons_name_alone_under_a_quotation_signs_it_without_a_dash() -> None:
    """A page's testimonials: each quotation, then its author's name (and outlet) on the
    line after; the name under a quotation is its speaker, not the one signed above it."""
    text = headlined(
        "Over 7 million users and praised by experts.\n\n"
        "“Of all the ways to run Windows on a Mac, this is my favourite: it just works.”\n\n"
        "Adrian Kingsley-Hughes, ZDNet\n\n"
        "“Unlike Boot Camp, it lets you run both operating systems at the same time.”\n\n"
        "Larry Magid, Forbes\n\n"
        "“The software has been iterating over a decade.”\n\n"
        "Up to Date\n\n"
        "“Windows feels like part of the Mac.”\n\n"
        "Mr. Magid’s Column"
    )
    assert [s for _, s in speech_of(text)][:2] == ["Adrian Kingsley-Hughes", "Larry Magid"]
    # (a heading, or a line that is not a person's name, signs nothing)
    assert "Up to Date" not in [s for _, s in speech_of(text)]


def test_a_newsletter_a_page_slips_between_paragraphs_is_no_one_a_pronoun_means() -> None:
    text = headlined(
        "The guard, Hadvar, looks better equipped. He suggests I find some weapons.\n\n"
        "PC Gamer Newsletter\n\n"
        "We are out. He suggests we head to Riverwood, then adds, “It is best if we split up.”"
    )
    assert [s for _, s in speech_of(text)] != ["PC Gamer Newsletter"]


def test_an_office_with_its_portfolio_and_honorific_names_its_holder_after_it() -> None:
    """Government news: "Minister of Industry, Investment and Commerce, Senator the Hon.
    Aubyn Hill, told JIS News": the holder, not the office, and not "Hon. Aubyn Hill"."""
    text = headlined(
        "Delegates from 140 countries are expected at the conference in June.\n\n"
        "“We are looking to bring a group of ministers of industry and trade,” Minister of "
        "Industry, Investment and Commerce, Senator the Hon. Aubyn Hill, told JIS News.\n\n"
        "“We will act,” said the Minister for Housing, the Hon. Jane Roe."
    )
    assert [s for _, s in speech_of(text)] == ["Aubyn Hill", "Jane Roe"]


def test_she_after_a_sentence_that_ends_by_crediting_someone_is_that_someone() -> None:
    """ "…, as noted by registered dietitian Trista Best. “…,” she told The List": the
    woman just credited, not the one the article quoted most (lines as a page's paragraphs)."""
    text = headlined(
        "Our bodies need many vitamins. One is especially important for folks who plan to "
        "start a family, says registered dietitian Amanda A. Kostro Miller. “Folic acid is "
        "essential during pregnancy,” she shared with The List. “Pregnant women should take "
        "a prenatal multivitamin.” Even if you are not trying, you should still take one.\n"
        "Experts say it is better to get vitamins from your diet, but there is an advantage "
        "to a multivitamin here, says Kostro Miller. “In fact, folic acid is better absorbed "
        "in the supplement form,” she explained. All the more reason to take one.\n"
        "If you take a multivitamin every day, you may be more nourished\n"
        "People take multivitamins for many reasons. But there is one thing a multivitamin "
        "will do for sure, as noted by registered dietitian Trista Best. “You will be more "
        "nourished,” she told The List."
    )
    assert [s for _, s in speech_of(text)][-1] == "Trista Best"


def test_a_programme_named_after_its_host_is_not_a_person_the_host_is() -> None:
    text = headlined(
        "Alley appeared on the podcast The Dan Wootton Interview in September. She spoke "
        "about her health at length.\n\n"
        "“Did you get it from a tick?” Wootton asked."
    )
    assert [s for _, s in speech_of(text)] == ["Dan Wootton"]


def test_she_replied_after_someone_unnamed_asked_a_named_person_is_the_one_asked() -> None:
    text = headlined(
        "Judge Montoya-Lewis was appointed in December. Gov. Jay Inslee praised her work.\n\n"
        "At a press conference, a reporter asked Montoya-Lewis, “What do you see as the "
        "biggest problem?”\n\n"
        "“The biggest hurdle is getting people to understand that we all bring biases,” she "
        "replied."
    )
    assert [s for _, s in speech_of(text)][-1] == "Montoya-Lewis"


def test_a_name_after_a_and_a_word_of_how_they_were_is_that_person() -> None:
    text = headlined(
        "The trust met on Monday to hear the county's answers.\n\n"
        "“That would be quite different,” said a skeptical Robert Wolfarth, the trust’s new "
        "chairman.\n\n"
        "“Fine,” said a smiling Mayor Ana Ruiz.\n\n"
        "“No,” said a Toronto resident."
    )
    assert [s for _, s in speech_of(text)] == ["Robert Wolfarth", "Ana Ruiz", None]


def test_the_outlet_told_is_not_the_speaker_nor_the_body_an_unknown_name_belongs_to() -> None:
    text = headlined(
        "Mitsubishi has decided that it is not worth it to build the cars for PSA any more.\n\n"
        "Automotive News reports that slow sales mean an indefinite hiatus. A Mitsubishi "
        "representative told AN that, “This is a matter of PSA adjusting its orders.”"
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_a_speech_verbs_participle_after_a_determiner_is_an_adjective() -> None:
    from reader.quotes.cues import is_speech_verb

    assert not is_speech_verb("stated", "this") and not is_speech_verb("reported", "his")
    assert is_speech_verb("stated", "Knope") and is_speech_verb("stated", "")
    text = headlined(
        "“They are like a biker gang,” Leslie Knope explained. Considering this stated animosity "
        "for “punk-ass book jockeys,” you might find the show's literary humour surprising."
    )
    assert "Considering" not in [s for _, s in speech_of(text)]


def test_a_cue_before_a_quotation_wins_over_the_sentence_after_and_someone_is_no_one() -> None:
    text = headlined(
        "A doctor, Jane Smith, said “Eat well and sleep more every day.” Experts agree.\n\n"
        "In an online forum about acne, someone says “I would try the supplements first for "
        "a week or two.” In another, a man says more."
    )
    assert [s for _, s in speech_of(text)] == ["Jane Smith", None]


def test_an_abbreviations_full_stop_inside_a_sentence_does_not_end_it() -> None:
    from reader.quotes.mentions import tokens as split
    from reader.quotes.phrases import ends_sentence

    words = split("an Oct. 26 letter. Then Gov. Brown", 0, 34)
    stops = [t.text for i, t in enumerate(words) if ends_sentence(words, i)]
    assert stops == ["."]  # the letter's, not October's
    text = headlined(
        "Storms cut power to two million homes.\n\n"
        "The Harbour County Office of Emergency Management said in an Oct. 26 letter to "
        "phone companies that their level of engagement was “unacceptable” at such a time."
        "\n\nThe city of Lakeview declared Sept. 9 “Marta Okafor-Quayle Day.” She was brief."
    )
    assert [s for _, s in speech_of(text)] == ["Harbour County Office of Emergency Management"]


def test_a_name_before_a_participle_is_its_subject_after_like_or_despite() -> None:
    text = headlined(
        "Bitcoin rose again on Tuesday.\n\n"
        "Optimism around the coin continues despite bank chiefs like Harbour Bank CEO Marit "
        "Oyelowo calling it a “fraud” and saying that people who buy it are “stupid”."
    )
    assert [s for _, s in speech_of(text)] == ["Marit Oyelowo", "Marit Oyelowo"]


def test_the_owner_of_a_noun_for_speech_said_the_quotation_after_it() -> None:
    text = headlined(
        "Health care is back before Congress.\n\n"
        "Speaker Dana Okafor’s assertion in February that “the law has failed,” rated Mostly "
        "False. Governor Lena Marsh spoke next. Her vow to “repeal it on day one” stalled."
    )
    assert [s for _, s in speech_of(text)] == ["Dana Okafor", "Lena Marsh"]


def test_a_common_word_opening_a_sentence_is_no_speaker() -> None:
    text = headlined(
        "The current rules apply to disabled travellers.\n\n"
        "Current airline pricing practices, said the report, “represent an economic "
        "disadvantage which effectively limits travel opportunities in respect of employment, "
        "education, leisure.”"
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_a_pronoun_carries_on_the_subject_not_the_last_speaker_named_as_an_object() -> None:
    text = headlined(
        "Budget talks stalled.\n\n"
        "Premier Dana Whitlock and Finance Minister Paul Ridley pulled the bill on Friday.\n\n"
        "“We will not retreat into our corners,” Ridley said after a caucus meeting.\n\n"
        "Whitlock has sent mixed signals since, at times blaming unions, outside groups and "
        "even, it appeared, Ridley, for the bill's lack of support. On Monday, for instance, "
        "he said in a late-night post that the unions had “snatched defeat from the jaws of "
        "victory.”"
    )
    assert [s for _, s in speech_of(text)] == ["Paul Ridley", "Dana Whitlock"]


def test_the_one_asked_and_a_joint_subject_keep_the_last_speaker() -> None:
    text = headlined(
        "A water plant opened.\n\n"
        "“Twenty-six years,” Chief Derek Fox said. “Think about that.”\n\n"
        "Councillor Amos Bull and Fox met briefly outside the new plant after the ceremony.\n\n"
        "“We will remember this day,” he said.\n\n"
        "Counsel Ruth Park asked nurse Ellen Kerr why she stayed silent.\n\n"
        "“I thought I had told the right person,” Kerr said. Park then asked Kerr about "
        "the records.\n\n"
        "“I kept every one of them,” she replied."
    )
    assert [s for _, s in speech_of(text)] == ["Derek Fox"] * 3 + ["Ellen Kerr"] * 2


def test_a_document_in_a_prepositions_phrase_does_not_speak() -> None:
    text = headlined(
        "Alliance.\n\nThe attacks on the alliance came from Premier Dana Whitlock.\n\n"
        "In a Harbour Social post after a meeting with Secretary General Mark Rutland, the "
        "premier said: “THE ALLIANCE WAS NOT THERE WHEN WE NEEDED IT.”"
    )
    assert [s for _, s in speech_of(text)] == ["Dana Whitlock"]


def test_an_initiative_is_a_body_and_its_initials_name_it() -> None:
    text = headlined(
        "Web pages.\n\nThe Environmental Data and Governance Initiative tracks changes to "
        "federal websites.\n\n“Large portions of climate resources were removed,” said the "
        "EDGI web monitoring group."
    )
    assert [s for _, s in speech_of(text)] == ["Environmental Data and Governance Initiative"]


def test_a_quoted_web_address_is_no_ones_words() -> None:
    text = headlined(
        "Web pages.\n\nThe new website does not mention climate change – not even in the "
        "URL of some subdomains, which used to contain addresses like “epa.gov/climatechange” "
        "and “https://example.org/report.”\n\nDana Whitlock wants the agency to be a kind of "
        "“Match.com” for workers, she said."
    )
    found = [(f.speech, text[f.span.start : f.span.end]) for f in find_quotes(text)]
    assert found == [
        (False, "epa.gov/climatechange"),
        (False, "https://example.org/report."),
        (True, "Match.com"),
    ]


def test_the_office_words_name_no_one_who_holds_another_office() -> None:
    text = headlined(
        "Climate pages.\n\nEPA Administrator Scott Prewitt told the foundation on Wednesday "
        "that the science was unsettled.\n\nThe pages were scrubbed in line with Prewitt’s "
        "views. “It is a hoax,” the president said.\n\nDr. Kirsten Halvorsen, a kinesiology "
        "professor, spoke.\n\n“The research is clear,” the professor said."
    )
    assert [s for _, s in speech_of(text)] == [None, "Kirsten Halvorsen"]


def test_words_someone_expressed_are_theirs() -> None:
    text = headlined(
        "A fire.\n\nMayor Dana Whitlock expressed “deep sorrow” at the loss of the old mill."
    )
    assert speech_of(text) == [("deep sorrow", "Dana Whitlock")]


def test_words_of_a_dismissal_or_a_criticism_are_theirs() -> None:
    text = headlined(
        "A vote.\n\nSenator Ana Ruiz dismissed the charges as “guilt by association.”\n\n"
        "Premier Dana Whitlock criticised the ads as “digital terrorism” on Monday."
    )
    assert speech_of(text) == [
        ("guilt by association.", "Ana Ruiz"),
        ("digital terrorism", "Dana Whitlock"),
    ]


def test_the_outlet_told_and_the_place_someone_is_from_do_not_speak() -> None:
    text = headlined(
        "Ads.\n\n“I don’t live in the U.S.A.,” one actor from Bangkok, who asked to remain "
        "anonymous, tells PEOPLE exclusively. “But I didn’t know anything.”"
    )
    assert [s for _, s in speech_of(text)] == [None, None]


def test_words_someone_blamed_voiced_or_threatened_are_theirs() -> None:
    text = headlined(
        "Budget.\n\nTreasurer Ana Ruiz blamed the shortfall on the “severe weather.”\n\n"
        "Premier Dana Whitlock voiced “concerns” about the plan."
    )
    assert speech_of(text) == [("severe weather.", "Ana Ruiz"), ("concerns", "Dana Whitlock")]


def test_a_pronouns_speech_tag_inside_a_sentence_names_its_speaker() -> None:
    text = headlined(
        "A homily.\n\n“This Jesus knows full well what is coming,” Bishop Ana Ruiz said in "
        "her homily.\n\nJesus, she continued, doesn’t ask his followers to contemplate him "
        "on pictures: “He is present in our many brothers and sisters.”"
    )
    assert [s for _, s in speech_of(text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_the_town_someones_body_is_in_does_not_speak_for_them() -> None:
    text = headlined(
        "Fish stocks fall.\n\n“We will need years to rebuild the stocks,” Anika Sorensen of "
        "the Institute of Marine Research in Bergen, Norway, said on Friday. “The cod are "
        "gone.”\n\n“It was louder than anything,” Tomas Reyes from Tucson, Arizona, told "
        "reporters."
    )
    assert [s for _, s in speech_of(text)] == ["Anika Sorensen", "Anika Sorensen", "Tomas Reyes"]


def test_a_live_reports_time_stamp_does_not_hide_the_paragraphs_subject() -> None:
    for stamp in ("14.52 ", "9:05 a.m. ET: "):
        text = headlined(
            "Live: the flood.\n\n11.20 There remain several possible causes. Martin Olsen, the "
            "Gazette's science editor, explains the most likely:\n\nThe ground was already "
            f"soaked.\n\n{stamp}Peter Brandt, the regional fire chief, has been speaking at "
            "the town hall about the rescue.\n\n“The water is still rising,” he told "
            "reporters. “We need more boats.”"
        )
        assert [s for _, s in speech_of(text)] == ["Peter Brandt", "Peter Brandt"], stamp


def test_a_given_name_right_after_someones_kin_is_that_person() -> None:
    text = headlined(
        "A strange call.\n\nThe call came while Tomas Reyes was asleep. His wife Lena took "
        "the call.\n\nLena worried that Tomas might wake up. “I was scared for him,” she says."
    )
    assert [s for _, s in speech_of(text)] == ["Lena"]


def test_a_military_rank_is_no_part_of_the_name() -> None:
    text = headlined(
        "Search goes on.\n\n“We found seven of them,” Airman Dedi Kurnia said.\n\n“The sea is "
        "rough,” said Seaman Ola Berg."
    )
    assert [s for _, s in speech_of(text)] == ["Dedi Kurnia", "Ola Berg"]


def test_words_someone_laughed_are_theirs() -> None:
    text = headlined(
        "An interview.\n\nWhen Ana Ruiz asked about the old review, Dana Whitlock laughed, "
        "“Well, it was fair at the time.”\n\n“Not a chance,” he chuckled."
    )
    assert [s for _, s in speech_of(text)] == ["Dana Whitlock", "Dana Whitlock"]


def test_a_participles_phrase_that_no_comma_closes_is_not_the_speaker() -> None:
    text = headlined(
        "Health Minister Stephen Donnelly was asked again about the restrictions.\n\n"
        "Speaking on Morning Ireland he bypassed the question, saying “it is about making the "
        "best decision we can.”\n\n"
        "Gordon Fleming runs the clinic. Fleming on Monday said he “will not stop.”"
    )
    assert speech_of(text) == [
        ("it is about making the best decision we can.", "Stephen Donnelly"),
        ("will not stop.", "Gordon Fleming"),
    ]


def test_a_pronoun_never_stands_for_the_person_its_own_clause_names_next() -> None:
    text = headlined(
        "Tom Reyes worked as an extra on the advert.\n\n"
        "The advert starred Casey Jenner, and Jenner wore a blue coat.\n\n"
        "He says that Jenner was “nice to every person” on the set."
    )
    [(_, rule, _candidates)] = trace_candidates(text)
    assert rule.entity is not None and rule.entity.name == "Tom Reyes"  # the rules' reading
    # The ranker still weighs Jenner, but is no longer sure of her: marked for checking.
    [suggestion] = [f for f in find_quotes(text) if f.speech]
    assert suggestion.confidence < 0.8


def test_words_all_capitalised_with_no_verb_of_speech_before_are_a_title() -> None:
    text = headlined(
        "Singer Celine Dion spoke to People on Monday. “I dance every day,” Dion said.\n\n"
        "Recently, fans of the “My Heart Will Go On” songstress took to her Instagram page to "
        "comment on photos of the star.\n\n"
        "Last year, Elon Musk announced a bold plan to send a lone unmanned drone “Dragon 2” "
        "to Mars.\n\n"
        "At the rally, Mayor Jane Roe shouted “Stop The Pipeline” into a megaphone."
    )
    assert speech_of(text) == [
        ("I dance every day,", "Celine Dion"),
        ("Stop The Pipeline", "Jane Roe"),
    ]


def test_a_surname_a_child_shares_with_a_parent_is_the_parents() -> None:
    text = headlined(
        "Eric Neyer, 4, was diagnosed at 17 months. His mother Ava Neyer says she is hopeful.\n\n"
        "The show will air in April. Producers have said the character will help children.\n\n"
        "“I want everyone to be upfront about it,” Neyer said."
    )
    assert speech_of(text) == [("I want everyone to be upfront about it,", "Ava Neyer")]


def test_a_nationality_after_the_is_never_a_name() -> None:
    text = headlined(
        "After his move from Bolton, Nicolas Anelka played for half an hour in a 2-0 win.\n\n"
        "Juliano Belletti and Shaun Wright-Phillips scored the goals.\n\n"
        "“This is one of the biggest clubs in the world,” said the Frenchman.\n\n"
        "“We were lucky,” the Spaniard added."
    )
    suggestions = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in suggestions if f.speaker in {"Frenchman", "Spaniard"}] == []
    assert all(f.confidence < 0.8 for f in suggestions)  # whoever it was, for checking


def test_an_age_before_the_name_after_said_is_the_speakers() -> None:
    text = headlined(
        "“Maybe something good will come of this,” Inger Morstedt, 75, told AFP.\n\n"
        "“In some ways it is unreal,” said 40-year-old Johan.\n\n"
        "“It was awful,” said 29-year-old Maria Lopez.\n\n"
        "“It was scary,” said six-year-old Lily Chen."
    )
    assert [s for _, s in speech_of(text)] == [
        "Inger Morstedt",
        "Johan",
        "Maria Lopez",
        "Lily Chen",
    ]


def test_a_name_after_but_then_opening_its_sentence_is_its_subject() -> None:
    text = headlined(
        "President Donald Trump spoke to senators Ted Cruz and Marco Rubio.\n\n"
        "“I am not sure we want to do it,” Trump concluded.\n\n"
        "But then Cruz offered up some volunteers.\n\n"
        "“You could send Congress to space,” he suggested."
    )
    assert [s for _, s in speech_of(text)] == ["Donald Trump", "Ted Cruz"]


def test_a_plain_noun_for_a_person_after_a_quotation_is_its_speaker() -> None:
    text = headlined(
        "Abby Dunn has been to Florida 40 times.\n\n"
        "“Avoid the school holidays,” commented Abby. “Spring Break lasts a month!”\n\n"
        "The expert said: “Disney World is a great event space.”\n\n"
        "“Is it worth it?” asked Tom Reyes. The woman paused before answering, “Yes.”\n\n"
        "“We will consider it,” the committee wrote."
    )
    # (not "the woman" for the man whose question came just before, but the one woman the
    # story names; not the committee for whoever spoke last)
    assert [s for _, s in speech_of(text)] == [
        "Abby Dunn",
        "Abby Dunn",
        "Abby Dunn",
        "Tom Reyes",
        "Abby Dunn",
        None,
    ]


def test_a_title_that_holds_its_sentences_comma_or_full_stop_is_still_a_title() -> None:
    text = headlined(
        "Director Julian Schnabel spoke on Monday. “We worked hard,” Schnabel said.\n\n"
        "He made “The Diving Bell and the Butterfly.”\n\n"
        "Lizzy Caplan starred in “I Am Legend,” which opened in December.\n\n"
        "Outside, the teachers waved their signs. “Red for Ed,” Ana Ruiz shouted."
    )
    assert speech_of(text) == [("We worked hard,", "Julian Schnabel"), ("Red for Ed,", "Ana Ruiz")]


def test_a_son_named_by_his_given_name_and_suffix_never_takes_his_fathers_given_name() -> None:
    text = headlined(
        "Jerry Jones owns the Cowboys. His son Jerry Jr. is the team's sales officer.\n\n"
        "Jerry went around the table. “Lonely is the right word,” Jerry says."
    )
    assert speech_of(text) == [("Lonely is the right word,", "Jerry Jones")]


def test_a_bidding_verb_and_a_chief_officers_letters_are_no_part_of_a_name() -> None:
    text = headlined(
        "At the home of Verizon CIO Shaygan Kheradpir, executives showed the service.\n\n"
        "“We built it in software,” Kheradpir said.\n\n"
        "Ask Damien Chazelle, the director behind the film, and he will name the sky.\n\n"
        "“I had a little bit of capital,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Shaygan Kheradpir", "Damien Chazelle"]


def test_an_occasion_and_a_programme_named_like_people_are_neither() -> None:
    text = headlined(
        "Jennifer Aniston appeared on Jimmy Kimmel Live on Tuesday.\n\n"
        "“I can not imagine how this happens to you,” Kimmel said.\n\n"
        "The statement came out on Holocaust Remembrance Day. “We’ll see,” he said.\n\n"
        "Chief Isadore Day spoke next. “It took 24 years,” Day said."
    )
    assert [s for _, s in speech_of(text)] == ["Jimmy Kimmel", "Jimmy Kimmel", "Isadore Day"]


def test_a_word_ending_the_sentence_before_a_quotation_is_no_determiner_of_it() -> None:
    # ("her" and "this" end a sentence here: "her “Proud” she says" is no noun phrase)
    text = headlined(
        "Maria Lopez smiles when I tell her. “Proud,” she says.\n\n"
        "She laughs at this. “Relieved,” she adds. The “History” section is long."
    )
    assert speech_of(text) == [("Proud,", "Maria Lopez"), ("Relieved,", "Maria Lopez")]


def test_reminded_reports_speech() -> None:
    text = headlined(
        "Jerry Jones spoke about the draft.\n\n“And Zack,” Stephen Jones reminded his father."
    )
    assert speech_of(text) == [("And Zack,", "Stephen Jones")]


def test_a_count_of_people_is_no_name_whatever_its_capitals() -> None:
    text = headlined(
        "Most British observers acknowledged that it would happen, and he welcomed a day "
        "when “our children” would be free.\n\n"
        "Two Canadian officials said “no.”"
    )
    assert [s for _, s in speech_of(text)] == [None, None]


def test_as_someone_put_it_after_a_phrase_names_its_speaker() -> None:
    # "“…,” as the New York Times put it on Tuesday": the phrase had been no one's (newspaper),
    # and the ranker, never trained on the cue, gave it to the banker named nearer.
    text = headlined(
        "Jamie Dimon runs the bank and has complained about the rules for years.\n\n"
        'Lobbyists are attacking a law that "has achieved remarkable success," as the New '
        "York Times put it on Tuesday.\n\n"
        'The law is "a remarkable success", as Ana Ruiz puts it.'
    )
    assert [speaker for _, speaker in speech_of(text)] == ["New York Times", "Ana Ruiz"]


def test_a_relative_clause_set_off_by_dashes_belongs_to_the_name_before_it() -> None:
    # "Trump -- who has called global warming a “hoax” -- will …": with commas the phrase
    # was Trump's; with dashes (typed "--", "—" or " - ") it was no one's (chaos).
    for dash in ("--", "—", "-"):
        text = headlined(
            f"Most say Donald Trump {dash} who has called global warming a "
            f'"hoax" {dash} will do a poor job of protecting the environment.'
        )
        assert speech_of(text) == [("hoax", "Donald Trump")], dash


def test_the_woman_is_the_one_woman_named_unless_someone_was_brought_in_unnamed() -> None:
    # "“…,” says the woman who is in her late 20s" after a paragraph about the only woman
    # the story names had been no one's (fundus); "a man came in" or "A resident who would
    # not give her name" bring in someone else, whom "the man", "the woman" then mean.
    named = (
        "Saphina Ndali is a mother of two. She started her grocery business near the bus "
        "terminal.\n\n"
    )
    said = '"We are supposed to open at four and close at ten," says the woman.'
    assert speech_of(headlined(named + said))[0][1] == "Saphina Ndali"
    others = (
        "A resident who would not give her name said people are afraid.\n\n",
        "A woman selling fish nearby disagrees.\n\n",
    )
    for other in others:
        assert speech_of(headlined(named + other + said))[0][1] is None, other
    man = "Omar Said runs the shop now. On Tuesday a man came in and sat down.\n\n"
    assert speech_of(headlined(man + '"I am waiting for a friend," the man said.'))[0][1] is None


def test_a_dateline_with_a_country_is_not_the_sentences_subject() -> None:
    # "CAIRO, Egypt - Osama bin Laden warned …, threatening “…”": the dateline's place
    # was taken for the subject ("CAIRO" spoke); a country after the comma, then the dash,
    # is a dateline as "SURREY, B.C. —" is.
    text = headlined(
        "CAIRO, Egypt - Osama bin Laden warned Iraq's Sunni Arabs against fighting al-Qaida "
        "and vowed to expand the holy war to Israel in a new audiotape Saturday, threatening "
        '"blood for blood, destruction for destruction."\n\nBenazir Bhutto was killed in '
        "December.",
        headline="Bin Laden issues warning",
    )
    assert [speaker for _, speaker in speech_of(text)] == ["Osama bin Laden"]


def test_the_company_is_not_the_newspaper_that_reported() -> None:
    # "The company said in a statement … “…”" after "The Washington Post reported …" went
    # to the paper (fixtures): a newspaper or a news agency is not "the company" of a story
    # about another company.
    text = headlined(
        "Donald Trump took aim at a contract with Boeing Co. on Tuesday.\n\n"
        "Yesterday, the Washington Post reported that Boeing and Lockheed Corp were planning "
        "to move production to India.\n\n"
        "Boeing is in only the early stages of planning the jet. The company said in a "
        'statement today that it is under contract "to help determine the capabilities of '
        'these complex military aircraft."'
    )
    assert [speaker for _, speaker in speech_of(text)][-1] == "Boeing Co."


def test_a_string_in_a_programs_code_is_no_ones_words() -> None:
    # printf("I'm counting lines of %s pretty hard!", $filepath); went to a heading's
    # "Perfect Formatting" (omnivore); so did a prompt in a JSON field, and code's strings
    # were offered as quotations on tutorials (newspaper, trafeval).
    text = headlined(
        "Alan Kay says simple things should be simple.\n\n"
        'printf("I\'m counting lines of %s pretty hard!", $filepath);\n\n'
        '"content": f"Summarize this for a {person_type}: {prompt}",\n\n'
        'message = "hello world, this is a test"\n\n'
        '"Simple things should be simple," Alan Kay said.'
    )
    assert speech_of(text) == [("Simple things should be simple,", "Alan Kay")]


def test_others_and_anybody_open_no_name() -> None:
    # "Others called him “abrasive and demeaning”" named "Others" (trafeval): "some",
    # "many", "both" were known to open no name, "others" and "anybody" were not.
    text = headlined(
        'Some praised the mayor. Others called him "abrasive and demeaning" in their '
        'letters. Anybody said "it was fine" to him.'
    )
    assert not any(speaker for _, speaker in speech_of(text))


def test_the_woman_is_looked_for_within_a_reach_not_through_the_whole_text(
    monkeypatch: MonkeyPatch,
) -> None:
    # Each "says the woman" searched the text from its start for someone brought in
    # unnamed: 38 s for a crafted article of 4,000 such paragraphs (0.45 MB).
    from reader.quotes import descriptions

    read: list[int] = []
    pattern = descriptions._SOMEONE_BROUGHT_IN

    class Counted:
        def finditer(self, text: str, pos: int, endpos: int) -> object:
            read.append(endpos - pos)
            return pattern.finditer(text, pos, endpos)

    monkeypatch.setattr(descriptions, "_SOMEONE_BROUGHT_IN", Counted())
    paragraph = (
        "Maria Lopez sold bread that day. The shop was full. "
        '"We are busy today, and that is good," says the woman.'
    )
    text = headlined("\n\n".join([paragraph] * 300))
    assert {speaker for _, speaker in speech_of(text)} == {"Maria Lopez"}
    assert read and max(read) <= 6000


def test_an_office_of_a_place_or_a_firm_is_the_person_the_article_is_about() -> None:
    # "the Halton MP", "the Kestrel Oil CEO": a description, not a name ending in "MP";
    # the person in view holds it when no one else was called so
    mp = headlined(
        "Hazel Moor, the Home Office minister, said police would stop more people. She told "
        "a Commons inquiry the powers would be used fairly.\n\n"
        "Her comments were called reckless by the Muslim Council.\n\n"
        "“The threat is most likely to come from a few,” the Halton MP told the committee."
    )
    assert [s for _, s in speech_of(mp)] == ["Hazel Moor"]
    chief = headlined(
        "Kestrel Oil chief executive Graham Auger told analysts the deal was done.\n\n"
        "Auger, for his part, hinted that the firm might buy again.\n\n"
        "“We're not done,” the Kestrel Oil CEO said."
    )
    assert [s for _, s in speech_of(chief)] == ["Graham Auger"]
    # a spokesman speaks for the body; an officer is one of many; a phrase that the name
    # follows is that name's
    body = headlined(
        "The British Phonographic Industry (BPI) backs the chart. Dana Weir, a telecoms "
        "analyst, said the rules would change.\n\n"
        "“It was a great success,” the BPI spokesman said.\n\n"
        "“We saw nothing,” the RCMP officer said.\n\n"
        "The Limerick captain, Cathal Ryan, spoke to TG4. “We have no excuses,” he said."
    )
    assert [s for _, s in speech_of(body)] == [
        "British Phonographic Industry",
        None,
        "Cathal Ryan",
    ]


def test_a_compound_for_a_person_before_a_surname_is_the_person_named_in_full() -> None:
    text = headlined(
        "Damien Duff scored twice for Ireland on Saturday.\n\n"
        "Man-of-the-match Duff explained what went wrong. “I would have headed that,” said "
        "the Chelsea star."
    )
    assert [s for _, s in speech_of(text)] == ["Damien Duff"]


def test_a_party_before_a_given_name_is_no_part_of_the_name() -> None:
    text = headlined(
        "The figures were obtained by Lib Dem Norma Baxter under freedom of information "
        "laws.\n\n“It is clear that the enthusiasm has waned,” Ms Baxter said."
    )
    assert [s for _, s in speech_of(text)] == ["Norma Baxter"]


def test_he_after_indirect_speech_is_its_reporter_not_the_last_quoted() -> None:
    text = headlined(
        "The code was written by the phone firms, said Jeremy Flood, head of services at "
        "Fonecom.\n\n"
        "Chris Harte, a manager at Zed, said the code was essential. “The cowboys will be "
        "driven out,” he said. Some firms have been told to change their websites, said Mr "
        "Flood. Also, said Mr Flood, Fonecom has cut off ten sellers. “We have strict "
        "contracts,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Chris Harte", "Jeremy Flood"]
    # "he said Ryan": the name is what was said, not who said it
    said_a_name = headlined(
        "Dan Trent spoke on Monday. Asked who leads the party, he said Ryan. “I would say "
        "Paul for now,” he said."
    )
    assert [s for _, s in speech_of(said_a_name)] == ["Dan Trent"]


def test_a_nationality_as_subject_is_not_someone_its_sentence_names_in_passing() -> None:
    text = headlined(
        "World number one Lena Dove has criticised the club over prize money.\n\n"
        "Reacting to a comment by club chairman Tom Pike, the Australian said: “I think "
        "it is insulting.”"
    )
    assert [s for _, s in speech_of(text)] == ["Lena Dove"]


def test_a_sentence_that_reports_its_speaker_last_is_about_that_speaker() -> None:
    text = headlined(
        "Tom Baird has had the chance to fix the roads and has failed, Michael Hale has "
        "said.\n\n"
        "“The county is heading in the wrong direction,” the Conservative leader said in "
        "his New Year message."
    )
    assert [s for _, s in speech_of(text)] == ["Michael Hale"]


def test_she_after_a_spokeswoman_for_a_named_body_speaks_for_it() -> None:
    text = headlined(
        "The Green Party raised worries about the calls in February.\n\n"
        "A spokeswoman for the Data Protection Office said it was examining one complaint. "
        "“We are investigating,” she said.\n\n"
        "A spokeswoman said the office was closed. “We open on Monday,” she said."
    )
    assert [s for _, s in speech_of(text)] == ["Data Protection Office", None]


def test_said_a_bodys_officer_of_something_comma_name_is_the_name() -> None:
    text = headlined(
        "Skyline Air will suspend its flights to Jeddah from March.\n\n"
        "“The decision is a difficult one,” said Skyline director of commercial planning, "
        "Robert Doyle."
    )
    assert [s for _, s in speech_of(text)] == ["Robert Doyle"]


def test_a_spokesperson_for_a_body_named_after_them_speaks_for_it() -> None:
    text = headlined(
        "Use of the band is allowed only under a strict scheme.\n\n"
        "“We are seeking opinion from industry,” said a spokesman for Ofcom.\n\n"
        "Companies have until March to reply.\n\n"
        "“Aid is flowing,” a spokeswoman for the Israeli military said.\n\n"
        "“We will reply,” said a spokesman for the Israeli delegation."
    )
    assert [s for _, s in speech_of(text)] == ["Ofcom", "Israeli military", None]


def test_a_bodys_spokesperson_named_only_so_offers_the_body_as_uncertain() -> None:
    text = headlined(
        "The forecasters warned of higher taxes.\n\n"
        "A Treasury spokesperson dismissed the claims, saying it was “on track to meet "
        "the rules”.\n\n"
        "A French spokesman said it was “too early to say”."
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in findings] == ["Treasury", None]
    assert findings[0].confidence < 0.8


def test_a_pronoun_reporting_what_it_follows_is_not_someone_that_names() -> None:
    # "Mr Blair has failed …, he claimed": what is reported is about the name; the pronoun
    # reporting it is someone else, even where the ranker would choose the name
    text = headlined(
        "Councillor Peter Lind spoke to the chamber on Tuesday about the spring floods.\n\n"
        "Mayor Tom Okafor has ignored the river for a decade, he said, calling the plan "
        "“a failure of nerve”.\n\n"
        "Mr Okafor was “asleep at the wheel” all spring, he added."
    )
    findings = [f for f in find_quotes(text) if f.speech]
    assert [f.speaker for f in findings] == ["Peter Lind", "Peter Lind"]
    assert findings[0].confidence < 0.8  # the rules against the ranker: for checking


def test_a_pronoun_after_a_clause_set_before_it_or_a_named_reporter_may_be_that_name() -> None:
    text = headlined(
        "When Tom Okafor arrived at the meeting, he said, “We have work to do.”\n\n"
        "Jane Ruiz spoke first. Though Ana Brandt did not vote, she said, “It passed.”\n\n"
        "Tom Okafor said: “The river is high,” he said.\n\n"
        "Paul Weber's next project, he said, is “something short”."
    )
    assert [s for _, s in speech_of(text)] == [
        "Tom Okafor",
        "Ana Brandt",
        "Tom Okafor",
        "Paul Weber",
    ]


def test_letters_after_a_name_that_are_also_a_title_end_the_name() -> None:
    text = headlined(
        "Scottish Finance Minister, Tom Ardoch MSP, said: “We found the money.”\n\n"
        "Mr Ardoch asked councils for restraint. “It is their choice,” he said.\n\n"
        "The Labour chair, Ann Pryde MP, said: “It is not enough.”"
    )
    assert [s for _, s in speech_of(text)] == ["Tom Ardoch", "Tom Ardoch", "Ann Pryde"]


def test_a_name_with_letters_after_it_at_a_speech_verb_is_named_by_the_cue() -> None:
    text = headlined(
        "Councillor Peter Lind spoke to the chamber on Tuesday about the spring floods.\n\n"
        "Mayor Tom Okafor has ignored the river for a decade, he said, calling the plan "
        "“a failure of nerve”.\n\n"
        "The minister, Tom Ardoch MSP, said: “We found the money for the walls.”"
    )
    _, finding = [f for f in find_quotes(text) if f.speech]
    assert finding.speaker == "Tom Ardoch" and finding.confidence >= 0.8


def test_boss_opening_a_sentence_is_a_role_not_part_of_the_name() -> None:
    text = headlined(
        "Boss Henk Vliet blames the euro for the lack of orders. “Growth is low,” he says.\n\n"
        "Hugo Boss said: “We sell suits.”"
    )
    assert [s for _, s in speech_of(text)] == ["Henk Vliet", "Hugo Boss"]


def test_a_hyphenated_role_opening_the_sentence_leaves_the_name_its_subject() -> None:
    text = headlined(
        "Coach Huw Bevan praised his side after the win.\n\n"
        "“We had to show character,” said the coach. Man-of-the-match David Pryce, who kicked "
        "three penalties, was ecstatic after the win.\n\n"
        "“It's just a special moment,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Huw Bevan", "David Pryce"]


def test_a_pronoun_after_a_sentence_reported_by_the_same_pronoun_is_that_reporter() -> None:
    # "And Tony Blair would be in the front line, he said. “…,” he promised": the reporter
    text = headlined(
        "Campaign chief Alan Mayne unveiled the slogan on Monday.\n\n"
        "Mr Mayne explained the slogan was the reaction to polling which suggests the public "
        "believe Tom Okafor is the future. “Not many people talk about the old days,” he "
        "declared. Nobody, he claimed, could picture Tom Okafor's rival in Downing Street.\n\n"
        "And Tom Okafor would be in the very front line of the campaign, he said. “The "
        "leader will spend more time out of London than in it,” he promised."
    )
    assert [s for _, s in speech_of(text)] == ["Alan Mayne", "Alan Mayne"]


def test_a_sentence_a_trailing_clause_gives_to_someone_leaves_its_opening_name_out() -> None:
    # "Mr Brown's Budget was not about …, but “…,” the Tory leader said. He went on …":
    # the sentence is the reporter's, and the "he" after it carries the reporter on
    text = headlined(
        "Opposition leader Daniel Okafor has dismissed Mayor Tom Reddick's transit plan as "
        "“cuts dressed up as reform”.\n\n"
        "Mr Reddick's plan was not about riders but “all about the next election,” the "
        "opposition leader said after the council meeting. He went on to accuse Mr Reddick of "
        "cutting routes. “We can all see the cuts, and the riders see them first,” he said.\n\n"
        "Mr Reddick's deputy was “disappointed”, Mr Reddick said. “We will talk,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Daniel Okafor",
        "Daniel Okafor",
        "Daniel Okafor",
        "Tom Reddick",
        "Tom Reddick",
    ]


def test_a_month_after_a_given_name_is_a_surname() -> None:
    # "Theresa May, shadow secretary for the family, told …": a person, not a month
    text = headlined(
        "The vote is due in May.\n\n"
        "Brenda May, shadow secretary for housing, said the plans were “a mess”. “We want "
        "homes built,” she added.\n\n"
        "On 5 May, Alan Reed said: “It is close.”"
    )
    assert [s for _, s in speech_of(text)] == ["Brenda May", "Brenda May", "Alan Reed"]


def test_two_letters_that_are_a_body_s_initials_stand_for_it() -> None:
    # "the Football Association" then "an FA statement": one body, by its full name
    text = headlined(
        "The Harbour Authority has said it will not close the old quay this winter.\n\n"
        "“The wall is safe for now,” said an HA statement."
    )
    assert [s for _, s in speech_of(text)] == ["Harbour Authority"]


def test_a_cardinal_is_a_title_before_the_name() -> None:
    text = headlined(
        "Cardinal Aidan Kerrigan, the Archbishop of Leeds, said the war had cost "
        "“billions”.\n\n"
        "Cardinal Kerrigan added: “Peace is worth striving for.”"
    )
    assert [s for _, s in speech_of(text)] == ["Aidan Kerrigan", "Aidan Kerrigan"]


def test_a_role_in_the_arts_or_sport_is_a_title_before_the_name() -> None:
    # "Film-maker Spike Lee said", "Olympian Chris Tomlinson": the person, not the role
    text = headlined(
        "Film-maker Maria Quennell has backed a new scheme for student directors.\n\n"
        "“It is a huge market,” Film-maker Maria Quennell said.\n\n"
        "Olympian Ruth Amadi won the long jump. “I feel great,” Olympian Amadi said."
    )
    assert [s for _, s in speech_of(text)] == ["Maria Quennell", "Ruth Amadi"]


def test_a_participle_s_subject_is_its_clause_s_past_a_time_word_a_role_and_a_quoted_phrase() -> (
    None
):
    # "Earlier Tory leader Michael Howard sent Mr Bush his "warmest congratulations", saying:
    # "…"" after another's words in the paragraph: Howard's, not the paragraph's speaker's
    text = headlined(
        "Prime Minister Tom Blake spoke on Wednesday.\n\n"
        '"We must all rise to this challenge." Mr Blake also paid tribute to the campaign, '
        'saying it was "a true celebration of democracy". The vote mattered to Britain, he '
        'added. Earlier opposition leader Tom Weir sent Mr Dale his "warmest '
        'congratulations", saying: "We look to the president to unite us all."\n\n'
        "Mr Blake spoke for an hour. The vote mattered, he added. Later opposition leader Tom "
        'Weir sent Mr Dale his best wishes, saying: "We wish him well in the years ahead."'
    )
    found = dict(speech_of(text))
    assert found["We look to the president to unite us all."] == "Tom Weir"
    assert found["We wish him well in the years ahead."] == "Tom Weir"


def test_a_person_before_a_body_set_off_by_an_unclosed_comma_is_the_subject() -> None:
    # "…," Jeff Joseph, from the Consumer Electronics Association (CEA) told the BBC: his
    text = headlined(
        "The show opened in Las Vegas on Thursday.\n\n"
        "“It is about choice,” Mary Hill, of the Retail Trade Board told reporters.\n\n"
        "“It is all digital,” Jeff Joseph, from the Consumer Technology Group (CTG) told the "
        "website."
    )
    assert [s for _, s in speech_of(text)] == ["Mary Hill", "Jeff Joseph"]


def test_a_person_before_a_role_set_off_by_an_unclosed_comma_is_the_subject() -> None:
    # "…, Alan Milburn, Labour's election strategist told Radio 4 …. Mr Blair has “…” as
    # when …, he said.": Milburn's words, not Blair's; "Katrina Bull, a prospective
    # candidate said …: “…”": hers
    text = headlined(
        "Prime Minister Tom Blake will face questions on Saturday. His enthusiasm for the "
        "job remains undimmed, Alan Pike, Labour's election strategist told Radio 4 on "
        "Saturday. Mr Blake has “the same passion and the same commitments” as when Labour "
        "came to power, he said.\n\n"
        "Katrina Bull, a prospective parliamentary candidate said Mr Blake had roused the "
        "party: “I think every voter would agree with us.”"
    )
    assert [s for _, s in speech_of(text)] == ["Alan Pike", "Katrina Bull"]


def test_a_description_set_before_a_pronoun_is_not_the_sentence_s_subject() -> None:
    # "A former critic of the House of Lords, he has said …. “…,” he said": the "he" is
    # Kinnock's, whom the description fronts, not someone unnamed
    text = headlined(
        "Former Labour leader Neil Kinnock has been made a life peer.\n\n"
        "A former critic of the House of Lords, he has said he will push for its reform. "
        "“I accepted the invitation for practical political reasons,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Neil Kinnock"]


def test_according_to_in_the_sentence_after_a_quotation_that_ended_its_own_is_not_its_source() -> (
    None
):
    # 'Mr Boyd said: "It was truly global." Warez groups operate according to a strict code
    # of honour.': Boyd's words; '"…," according to the report.' still the report's
    text = headlined(
        "Investigator Dean Boyd led the raids.\n\n"
        "Mr Boyd said: “It was truly global in scope.” Warez groups, which began in the "
        "1990s, operate according to a strict code of honour.\n\n"
        "“The groups are small,” according to a report by the Software Alliance."
    )
    assert [s for _, s in speech_of(text)] == ["Dean Boyd", "Software Alliance"]


def test_a_statement_named_by_a_body_s_noun_is_that_body_s() -> None:
    # '"…," said an agency statement.' after the International Atomic Energy Agency
    text = headlined(
        "The International Atomic Energy Agency wants new tools for its inspectors.\n\n"
        "“Failure to replace the hardware will carry large risks,” said an agency statement."
        "\n\nHarbourline Ferries made a loss. “We will recover,” a company statement said."
    )
    assert [s for _, s in speech_of(text)] == [
        "International Atomic Energy Agency",
        "Harbourline Ferries",
    ]


def test_a_longer_role_or_an_age_before_the_name_after_an_inverted_verb() -> None:
    # "said Nortel president and chief executive Bill Owens", "said Tory shadow local
    # government secretary Caroline Spelman", "said 20-year-old politics student Nick Vaughan"
    text = headlined(
        "The council met on Monday. Oliver Letwin spoke first.\n\n"
        "“This is typical hypocrisy,” said Tory shadow local government secretary Caroline "
        "Spelman.\n\n"
        "“We have a solid foundation,” said Nortel president and chief executive Bill Owens."
        "\n\n“It has been a fantastic few weeks,” said 20-year-old politics student Nick "
        "Vaughan."
    )
    assert [s for _, s in speech_of(text)] == ["Caroline Spelman", "Bill Owens", "Nick Vaughan"]


def test_a_described_speaker_named_after_a_comma_at_the_sentence_s_end() -> None:
    # "said the chairman of the Commons education select committee, Labour MP Barry
    # Sheerman.", "said its chief executive, Sir Howard Newby.": the person named
    text = headlined(
        "The Higher Education Funding Council for England published figures.\n\n"
        "The share of poorer students “hardly changed at all”, said its chief executive, Sir "
        "Howard Newby.\n\n"
        "Former inspector Mike Tomlinson wrote the report.\n\n"
        "“It will be a tragedy,” said the chairman of the Commons education select committee, "
        "Labour MP Barry Sheerman."
    )
    assert [s for _, s in speech_of(text)] == ["Howard Newby", "Barry Sheerman"]


def test_a_role_after_a_thing_s_possessive_and_a_spokesperson_before_a_clause() -> None:
    # "says the resort's general manager Garrett Turta": him; "said a WeWork spokesperson
    # when contacted by Reuters": WeWork's, the clause after the noun not part of it
    text = headlined(
        "The lodge reopened on Friday.\n\n"
        "“There is something restorative here,” says the resort's general manager Garrett "
        "Turta.\n\n"
        "“We received an inquiry and are cooperating,” said a Harbourline spokesperson when "
        "contacted by Reuters."
    )
    assert [s for _, s in speech_of(text)] == ["Garrett Turta", "Harbourline"]


def test_des_and_dos_are_particles_inside_a_name() -> None:
    # "said Laurence des Cars, the museum's president": her whole name
    text = headlined(
        "“We are fully mobilized,” said Laurence des Cars, the museum's president.\n\n"
        "“It is a fine day,” Pedro dos Santos said."
    )
    assert [s for _, s in speech_of(text)] == ["Laurence des Cars", "Pedro dos Santos"]


def test_a_person_of_a_body_is_the_subject_not_the_body() -> None:
    # "Aviation analyst Nick Van den Brul of BNP Paribas described … as “…”", "Chief Alvin
    # Francis of the Nekaneet First Nation, one of the coalition's members, said …"
    text = headlined(
        "The airline's profits fell in the quarter.\n\n"
        "Aviation analyst Nick Van den Brul of Harbour Paribas described the results as "
        "“pretty modest”.\n\n"
        "Chief Alvin Francis of the Nekaneet First Nation, one of the coalition's members, "
        "said his community had lost “a real chance at ownership.”"
    )
    assert [s for _, s in speech_of(text)] == ["Nick Van den Brul", "Alvin Francis"]


def test_the_office_of_a_minister_speaks_for_the_minister() -> None:
    # "the office of Indigenous Services Minister Hélène Saint-Pierre said": hers, not
    # "Indigenous Services"; a short sentence after it is speech
    text = headlined(
        "In a statement, the office of Indigenous Services Minister Hélène Saint-Pierre said "
        "the government “is reviewing the claim”.\n\n"
        "The office of Health Minister Mark Holland said: “The plan works.”"
    )
    assert [s for _, s in speech_of(text)] == ["Hélène Saint-Pierre", "Mark Holland"]


def test_a_spokesperson_for_a_named_body_or_person_speaks_for_them_in_a_phrase() -> None:
    # "A spokeswoman for Human Rights Watch said it was a “basic principle” …", "A spokesman
    # for Michael Howard said …", "a spokesperson for Health Minister Colleen Huizenga said"
    text = headlined(
        "Home Office minister Mark Oaten defended the plan. Tory leader Michael Howard and "
        "Health Minister Colleen Huizenga spoke later.\n\n"
        "A spokeswoman for Human Rights Watch said it was a “basic principle” that people "
        "should only be punished after a fair trial.\n\n"
        "A spokesman for Michael Howard said the MP's views were “very different” from the "
        "party's.\n\n"
        "In a statement, a spokesperson for Health Minister Colleen Huizenga said the province "
        "has invested “more than $300 million” since 2023."
    )
    assert [s for _, s in speech_of(text)] == [
        "Human Rights Watch",
        "Michael Howard",
        "Colleen Huizenga",
    ]


def test_according_to_a_report_by_a_described_body_is_the_body_s() -> None:
    # "according to a study by UK-based think tank Resolution Foundation": the body's
    text = headlined(
        "“Super 3G will be vital,” according to a report published by research consultancy "
        "Analysys Mason.\n\n"
        "“Prices will rise,” according to a study by UK-based think tank Resolution Foundation."
    )
    assert [s for _, s in speech_of(text)] == ["Analysys Mason", "Resolution Foundation"]


def test_a_name_after_an_introduction_without_its_comma_is_the_subject() -> None:
    # "After the ruling Carla Ferstman, legal director of Redress, said: “…”": hers (the
    # introduction ends before her name; not "After meeting Tony Blair, the minister said")
    text = headlined(
        "The High Court ruled on Tuesday that the deaths must be investigated.\n\n"
        "The inquiry so far had not been “timely, open or effective”, the judges said. After "
        "the ruling Carla Ferstman, legal director of the human rights organisation Redress, "
        "said: “It is not enough to investigate behind closed doors.”"
    )
    assert [s for _, s in speech_of(text)][1:] == ["Carla Ferstman"]


def test_one_name_after_a_player_s_or_performer_s_role_is_a_person() -> None:
    # "Madrid midfielder Guti told …": him, not Real Madrid named before
    text = headlined(
        "Real Madrid's match was stopped after a bomb threat.\n\n"
        "Madrid midfielder Guti told a Spanish radio station: “I have never seen this "
        "before.”\n\n"
        "Rapper Nelly said it had been “a great night”."
    )
    assert [s for _, s in speech_of(text)] == ["Guti", "Nelly"]


def test_an_owner_s_role_before_a_name_leads_to_the_name() -> None:
    # "Her director Leigh, who beat Martin Scorsese …, told the audience: “…”": his, not
    # the actress's
    text = headlined(
        "Imelda Staunton won best actress and Mike Leigh best director for Vera Drake.\n\n"
        "“I'm so thrilled and so grateful,” she said on accepting her award. Her director "
        "Leigh, who beat Martin Scorsese to the best director award, told the audience: “It "
        "is a real surprise and an honour.”"
    )
    assert [s for _, s in speech_of(text)] == ["Imelda Staunton", "Mike Leigh"]


def test_a_phrase_described_by_an_agent_after_it_is_the_agent_s() -> None:
    # "have been described as “idle speculation” by Downing Street": Downing Street's
    text = headlined(
        "Downing Street briefed reporters on Monday.\n\n"
        "Reports that Tony Blair is planning a snap election have been described as “idle "
        "speculation” by Downing Street.\n\n"
        "The claims were described as “heartbreaking” by Health Canada."
    )
    assert [s for _, s in speech_of(text)] == ["Downing Street", "Health Canada"]


def test_a_town_and_united_is_a_club_that_speaks() -> None:
    # "Manchester United's board", then "the club said": the club, not a place
    text = headlined(
        "Portsmouth United's board has rejected a takeover offer from a US investor.\n\n"
        "In a statement, the club said the bid was “far too low”. “The board will not sell "
        "at this price,” the club said."
    )
    assert [s for _, s in speech_of(text)] == ["Portsmouth United", "Portsmouth United"]


def test_a_name_after_a_dash_closing_an_aside_is_its_sentence_s_subject() -> None:
    # "Despite …'s dip in form - they have lost eight of 13 - Ireland coach Eddie O'Sullivan
    # says …": he is the subject a "he said" carries on; a name ending the sentence after a
    # dash is what was named ("to portray on screen - Ian Paisley.")
    text = headlined(
        "The pressure is on coach Andy Barrow and his side have to deliver.\n\n"
        "Despite the visitors' slump - they have lost six of their last nine matches - home "
        "coach Eamon Keane says his side must not relax. “They will come at us,” he said.\n\n"
        "Mr Keane said there was one player he would love to sign - Paul Dunne. He said "
        "Dunne was a “very dynamic player”."
    )
    assert [s for _, s in speech_of(text)] == ["Eamon Keane", "Eamon Keane"]


def test_an_owner_opening_a_sentence_another_reports_is_not_its_subject_for_the_ranker() -> None:
    # "Mr Reddick's plan was …, “…,” the opposition leader said": the ranker had taken the
    # owner for the sentence's subject and chose him for the words, and for a "he" after
    text = headlined(
        "Opposition leader Daniel Okafor has dismissed Mayor Tom Reddick's plan.\n\n"
        "Mr Reddick's plan was not about riders but “all about the next election,” the "
        "opposition leader said. He went on to accuse Mr Reddick of cutting routes. “We can "
        "all see the cuts,” he said.\n\n"
        "Paul Weber's next project, he said, is “something short”.",
        headline="Okafor attacks mayor's transit plan",
    )
    assert [s for _, s in speech_of(text)] == ["Daniel Okafor", "Daniel Okafor", "Paul Weber"]


def test_a_day_s_document_is_no_one_named_that_day() -> None:
    # "Tuesday’s motion adds …": the motion of the network named before, never "Tuesday"
    text = headlined(
        "Fox News filed a motion asking a judge to dismiss the lawsuit.\n\n"
        "Fox News’s motion calls the lawsuit a “frontal assault on the freedom of speech.” "
        "Tuesday’s motion adds that the lawsuit also “flagrantly violates the First "
        "Amendment.”\n\n"
        "“Fox’s statements are core political speech,” Fox News’s motion, reviewed by the "
        "Daily Caller, reads."
    )
    assert "Tuesday" not in [s for _, s in speech_of(text)]
    assert [s for _, s in speech_of(text)][-1] == "Fox News"


def test_a_story_continued_below_line_is_page_furniture() -> None:
    # Politico's "Story Continued Below" between paragraphs is no organisation that speaks
    text = headlined(
        "Officials met on Thursday to discuss the attack.\n\n"
        "Story Continued Below\n\n"
        "Instead, it called for a “comprehensive United Nations investigation” first."
    )
    assert "Story Continued" not in [s for _, s in speech_of(text)]


def test_a_person_after_a_plural_s_possessive_is_the_subject() -> None:
    # "Fox News’ Dr. David Samadi also said …": the doctor, not the network; "The Times’
    # Maureen Dowd wrote …", "said bookmakers Ladbrokes' Warren Lush"
    text = headlined(
        "Doctors weigh in on the fall\n\n"
        "Fox News’ Dr. David Samadi also said yesterday that her behavior suggests some kind "
        "of “neurological issue”.\n\n"
        "The Times’ Maureen Dowd wrote that the campaign had been “a long goodbye.”\n\n"
        "“It's going to be close,” said bookmakers Ladbrokes' Warren Lush."
    )
    assert [s for _, s in speech_of(text)] == ["David Samadi", "Maureen Dowd", "Warren Lush"]


def test_a_report_that_carries_words_is_not_their_speaker() -> None:
    # "Zangrillo told a broadcaster that “…” according to a Reuters report": his words
    text = headlined(
        "Doctor says virus losing potency\n\n"
        "Alberto Zangrillo told an Italian public broadcasting company that “swabs "
        "performed over the last 10 days showed a viral load that was infinitesimal,” "
        "according to a Reuters report."
    )
    assert [s for _, s in speech_of(text)] == ["Alberto Zangrillo"]


def test_a_role_in_lower_case_before_a_name_opens_the_subject() -> None:
    # "In a letter …, retired Admiral William McRaven, calling Brennan “…,” said he “…”":
    # the admiral (the intro and the lower-case role had left no subject)
    text = headlined(
        "Admiral asks to lose his clearance\n\n"
        "Trump revoked the security clearance of John Brennan on Wednesday.\n\n"
        "In a letter to Trump published in the Washington Post, retired Admiral William "
        "McRaven, calling Brennan “one of the finest public servants I have ever known,” said "
        "he “would consider it an honor if you would revoke my security clearance as well.”"
    )
    assert [s for _, s in speech_of(text)][-1] == "William McRaven"


def test_a_name_set_off_after_an_inverted_verb_says_it() -> None:
    # "VCS, says Schweizer, “…”": the author, not the company the words are about
    text = headlined(
        "Clinton relatives in business\n\n"
        "Author Peter Schweizer has studied the contracts. The government awarded a gold "
        "mining contract to a company called VCS Mining. VCS, says Schweizer, “has no "
        "experience in mining, very little experience in Haiti.”"
    )
    assert [s for _, s in speech_of(text)] == ["Peter Schweizer"]


def test_a_clause_after_but_opens_on_a_role_and_a_name() -> None:
    # "A was no Trump fan, but former Gov. Jerry Brown praised …, saying “…”": Brown
    text = headlined(
        "Governors and the wildfires\n\n"
        "Mr. Newsom’s predecessor was no Trump fan, but former Gov. Jerry Brown praised the "
        "president for his disaster response, saying “he’s got our back,” even though the "
        "two disagreed."
    )
    assert [s for _, s in speech_of(text)] == ["Jerry Brown"]


def test_a_surname_the_headline_gives_in_full_is_that_person() -> None:
    # the body calls him "Jackson" only; the headline "Lamar Jackson and …" names him
    text = (
        "Lamar Jackson and the NFL’s Quarterback Double Standard\n\n"
        "This year, Jackson followed up his Week 1 performance with two more touchdowns.\n\n"
        "The Cardinals first-year head coach, Kliff Kingsbury, voiced the dilemma Jackson "
        "presents opponents, saying, “He can stand there and throw it and beat you that way, "
        "and he can beat you with his legs.” Jackson himself was more straightforward: “I "
        "just had to move the sticks.”"
    )
    assert [s for _, s in speech_of(text)] == ["Kliff Kingsbury", "Lamar Jackson"]


def test_soft_hyphens_inside_words_split_no_name() -> None:
    # a page's hyphenation points (U+00AD) are read past, and each quotation is given back
    # at its place in the text as it is
    text = headlined(
        "Richard Nix\u00adon told aides he wanted “to bring us to\u00adgeth\u00ader.” Pollster "
        "Frank Luntz, who stud\u00adies the par\u00adties, said: “It’s a real prob\u00adlem.”"
    )
    assert speech_of(text) == [
        ("to bring us to\u00adgeth\u00ader.", "Richard Nixon"),
        ("It’s a real prob\u00adlem.", "Frank Luntz"),
    ]


def test_accents_written_apart_from_their_letters_are_read_as_one_letter() -> None:
    # "Rene\u0301e" (NFD, as macOS and some pages write it) is "Renée", not "Rene"; each
    # quotation is given back at its place in the text as it is, and a codebook name
    # written either way keeps the codebook's spelling
    text = headlined(
        "“We will not close the clinic,” said Rene\u0301e Lefe\u0300vre, the centre’s "
        "director. Her deputy, Jose\u0301 Nu\u0301n\u0303ez, agreed. “It stays open,” "
        "Nu\u0301n\u0303ez said."
    )
    assert speech_of(text) == [
        ("We will not close the clinic,", "Renée Lefèvre"),
        ("It stays open,", "José Núñez"),
    ]
    known = ("Rene\u0301e Lefe\u0300vre",)
    found = [f for f in find_quotes(text, known) if f.speech]
    assert found[0].speaker == "Rene\u0301e Lefe\u0300vre"
    assert text[found[1].span.start : found[1].span.end] == "It stays open,"


def test_a_show_told_or_spoken_on_is_a_title() -> None:
    # "told “Fox News Sunday.”", "told us on the “Democracy Now!” news hour": shows
    text = headlined(
        "“The red line was apparently written in disappearing ink,” Sen. John McCain told "
        "“Fox News Sunday.” “We need a game-changing action.”\n\n"
        "“He is not qualified for the office,” Christopher Suprun told us on the “Democracy "
        "Now!” news hour."
    )
    spoken = [quote for quote, _ in speech_of(text)]
    assert "Fox News Sunday." not in spoken and "Democracy Now!" not in spoken
    assert "We need a game-changing action." in spoken


def test_a_description_is_not_the_one_it_speaks_to() -> None:
    # "The officer told Schoolcraft, “…”" where Schoolcraft is an officer too: someone else
    text = headlined(
        "NYPD officer Adrian Schoolcraft used a tape recorder to capture officers massaging "
        "the numbers. Schoolcraft later gave the tapes to a newspaper.\n\n"
        "One officer admitted to Schoolcraft that he did not count an auto theft. The officer "
        "told Schoolcraft, “When he was telling me not to take it, I was looking at him.”"
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_reports_that_no_one_owns_are_no_one_s_words() -> None:
    # "WHO cautioned … about reports that the coronavirus is “losing potency”": the reports'
    text = headlined(
        "The World Health Organization cautioned world leaders Monday about reports that the "
        "coronavirus is “losing potency,” saying “this is still a killer virus” and thousands "
        "are still dying daily."
    )
    spoken = dict(speech_of(text))
    assert "losing potency," not in spoken
    assert spoken["this is still a killer virus"] == "World Health Organization"


def test_a_described_subject_named_with_a_long_title_is_that_person() -> None:
    # "One high-ranking official, Deputy Chief Michael Marino, couldn’t believe it. “…,” he
    # said": Marino (a title of two words had hidden the name)
    text = headlined(
        "Police discovered the recorder in his pocket. One high-ranking official, Deputy "
        "Chief Michael Marino, couldn’t believe it. “Absolutely amazing,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Michael Marino"]


def test_a_question_in_a_clause_before_is_not_the_quotation_s_frame() -> None:
    # "She said after he was questioned, it was “…”": hers, not an unnamed questioner's
    text = headlined(
        "“He was never even really a person of interest,” Janet Napolitano said. She said "
        "after he was questioned, it was “quickly determined he had nothing to do with it,” "
        "and his name was removed from the list."
    )
    assert [s for _, s in speech_of(text)] == ["Janet Napolitano", "Janet Napolitano"]


def test_words_a_paper_reported_someone_saying_are_theirs() -> None:
    # "“…,” The Oregonian reported Courtney saying": Courtney's, not the paper's
    text = headlined(
        "Senate President Peter Courtney pleaded with Republicans to return. The Statesman "
        "Journal said the walkout was the second in two years.\n\n"
        "“I beg and beseech my fellow legislators to come to the floor,” the Statesman "
        "Journal reported Courtney saying, as he placed his head in his hands."
    )
    assert [s for _, s in speech_of(text)] == ["Peter Courtney"]


def test_words_someone_emailed_are_theirs() -> None:
    # "He emailed Google’s employees, “…”": the chief executive's email
    text = headlined(
        "Business Insider pointed out that a survey disagreed with Google CEO Sundar "
        "Pichai’s decision to fire the engineer. Pichai had made the claim that most "
        "employees supported it. He emailed Google’s employees, “Over the past two days, I "
        "have had the chance to meet with so many people here.”"
    )
    assert [s for _, s in speech_of(text)] == ["Sundar Pichai"]


def test_a_claim_someone_made_holds_their_words() -> None:
    # "Pichai had made the claim that employees were “very supportive of our decision”": his
    # words, not those of Damore, who spoke in the sentence before
    text = headlined(
        "Google CEO Sundar Pichai fired James Damore. Damore said he was shocked. Pichai had "
        "made the claim that employees were “very supportive of our decision” to fire him."
    )
    assert [s for _, s in speech_of(text)] == ["Sundar Pichai"]


def test_a_name_inside_another_s_description_is_not_the_pronoun_s() -> None:
    # "…, said Andrew Light, a senior fellow … and former adviser to the climate envoy under
    # President Obama. / “…,” he said": Light, not Obama named in passing
    text = headlined(
        "But the withdrawal could still leave a lasting mark, said Andrew Light, a senior "
        "fellow at the World Resources Institute and former adviser to the climate envoy "
        "under President Obama.\n\n"
        "“While it serves the political needs of the administration, we will lose a lot of "
        "traction,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Andrew Light"]


def test_the_ranker_s_own_doubtful_choice_is_no_suggestion(monkeypatch: MonkeyPatch) -> None:
    # Where the ranker overrules the words of the text ("Mayor John Tory said") for someone
    # else, at a confidence under one half, no name is offered: such choices were right about
    # a third of the time on every real set (and at 0.51 and 0.70 under half the time: from
    # 0.71 on, stop 64)
    from reader.quotes import ranking

    text = headlined(
        "Councillor Ana Bailao spoke first. Mayor John Tory said: “We will balance it.”"
    )

    def doubtful(self: ranking.Model, candidates: list[ranking.Candidate]) -> list[float]:
        return [0.45 if c.name == "Ana Bailao" else 0.05 for c in candidates]

    monkeypatch.setattr(ranking.Model, "probabilities", doubtful)
    monkeypatch.setattr(ranking.Model, "confidence", lambda self, p: 0.33)
    assert [s for _, s in speech_of(text)] == [None]
    monkeypatch.setattr(ranking.Model, "confidence", lambda self, p: 0.75)
    assert [s for _, s in speech_of(text)] == ["Ana Bailao"]


def test_the_one_asked_replies_not_the_one_asked_about() -> None:
    # "Mr Johnson was asked why Mr Smith had been allowed to resign. He replied: “…”"
    text = headlined(
        "Work and Pensions Secretary Alan Johnson spoke on Monday. The chief executive Doug "
        "Smith resigned last week.\n\n"
        "On the Today programme Mr Johnson was asked why Mr Smith had been allowed to resign "
        "rather than be sacked. He replied: “He had been brought in to do a difficult job.”"
    )
    assert [s for _, s in speech_of(text)] == ["Alan Johnson"]


def test_a_person_after_an_owner_s_role_opens_the_sentence() -> None:
    # "But Wenger's Bayern counterpart Felix Magath was in no mood … He said:": Magath
    text = headlined(
        "Arsenal manager Arsene Wenger said: “This was a bad night.”\n\n"
        "But Wenger's Bayern counterpart Felix Magath was in no mood to celebrate either. He "
        "said: “We should have scored more goals.”"
    )
    assert [s for _, s in speech_of(text)] == ["Arsene Wenger", "Felix Magath"]


def test_an_opposition_critic_s_portfolio_is_not_part_of_the_name() -> None:
    # "Conservative MP and Ethics Critic Michael Barrett": "Critic" is a role, like
    # "Minister" (the name had been "Ethics Critic Michael Barrett", sure at 0.99)
    text = headlined(
        "Conservative MP and Ethics Critic Michael Barrett wrote to the commissioner.\n\n"
        "Barrett said the prime minister put “friends first,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Michael Barrett"]


def test_whom_a_statement_was_sent_to_is_not_its_speaker() -> None:
    # "“…,” the statement to the Citizen said": the newspaper received the statement (it had
    # been offered as the speaker, "Citizen"); a spokesperson for a paper still speaks for it
    text = headlined(
        "Rick Chiarelli is a councillor. His office issued a statement to the Ottawa Citizen.\n\n"
        '"The report is unfair," the statement to the Citizen said.\n\n'
        '"It is wrong," a letter to the Ottawa Citizen said.\n\n'
        '"We stand by the story," the spokesperson for the Ottawa Citizen said.'
    )
    assert [s for _, s in speech_of(text)] == [None, None, "Ottawa Citizen"]


def test_he_after_a_paragraph_reported_by_someone_named_after_said_is_theirs() -> None:
    # "…, said Councillor Joe Cressy, who chairs the board of health." then "“…,” he said":
    # the subject of that "said" is the topic carried on, not the mayor quoted before (the
    # words had been the mayor's); "…, said Melzer was …" names what was said, not who said it
    text = headlined(
        "Toronto Mayor John Tory also told reporters Monday that he is “very worried about "
        "bars,” given what is going on.\n\n"
        "The city is studying the framework to see what Stage 3 will look like, said "
        "Councillor Joe Cressy, who chairs the board of health.\n\n"
        "“This trend is being seen in real time,” he said in an interview.\n\n"
        "Tennis star Andre Agassi lost on Sunday. “He played well,” Agassi said.\n\n"
        "And Agassi, who was beaten, said Jurgen Melzer was the better player. “A lot more guys "
        "are capable of it now,” he said."
    )
    assert [s for _, s in speech_of(text)] == [
        "John Tory",
        "Joe Cressy",
        "Andre Agassi",
        "Andre Agassi",
    ]


def test_according_to_a_news_agency_reports_the_words_of_who_said_them() -> None:
    # "Ryabkov, who led …, said “…,” according to the Interfax news agency": the agency
    # reported what Ryabkov said (it had been offered as the speaker)
    text = headlined(
        "Russian deputy foreign minister Sergei Ryabkov, who led Russia’s delegation to the "
        "Vienna talks, said “the chances aren’t great, but they still haven’t dried up yet,” "
        "according to the Interfax news agency.\n\n"
        "Pope Francis told reporters “this is called good manners,” according to Reuters."
    )
    assert [s for _, s in speech_of(text)] == ["Sergei Ryabkov", "Pope Francis"]


def test_initials_whose_last_stop_is_missing_open_the_name() -> None:
    # "Dr. S.P Kalantri": the initials, then the surname (the speaker had been "S", sure)
    text = headlined(
        "“The health care system is already crumbling,” said Dr. S.P Kalantri, a public "
        "health specialist."
    )
    assert [s for _, s in speech_of(text)] == ["S.P Kalantri"]


def test_a_possessive_after_a_name_ending_in_s_makes_the_kin_someone_else() -> None:
    # "said Strauss’ mother, Dolly Kreis": the mother speaks (the words had gone to Debbie
    # Strauss, at 0.85: "Strauss’" was not read as a possessive); "the Riders' sack leader,
    # defensive end Obinna Nwachukwu" is still read as before
    text = headlined(
        "Debbie Strauss was killed in 2018.\n\n"
        "“He spent hours raining his terror,” said Strauss’ mother, Dolly Kreis.\n\n"
        "“We know he's hurt,” the Riders' sack leader, defensive end Obinna Nwachukwu, said."
    )
    assert [s for _, s in speech_of(text)] == ["Dolly Kreis", "Obinna Nwachukwu"]


def test_a_role_is_not_whom_its_own_sentence_goes_on_to_name() -> None:
    # "“…,” the officer concluded, adding that Khaniche was “allowed to leave”": the officer
    # is someone else (the words had gone to Khaniche, the subject just before, sure at 1.00)
    text = headlined(
        "Smail Khaniche, a Canadian citizen, flew in to visit his brother.\n\n"
        "In fact, Khaniche had a round-trip ticket and a wife to go back to.\n\n"
        "“Subject failed to satisfy the office that he was a bona fide traveller,” the officer "
        "concluded, adding that Khaniche was free to go."
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_a_name_an_editor_put_in_brackets_inside_the_words_is_not_their_speaker() -> None:
    # "“[Bains] really needs to explain this,” the Chilliwack MLA said": the words are about
    # Bains (they had been given to him, 0.79)
    text = headlined(
        "The regulator had no surplus, NDP Labour Minister Harry Bains said at the time.\n\n"
        "“[Bains] really needs to explain this spending for swag,” the Chilliwack MLA said."
    )
    assert [s for _, s in speech_of(text)] == [None]


def test_two_descriptions_joined_by_and_lead_to_the_name_after_said() -> None:
    # "said Houston resident and Toronto native Grace Gonzalez": the person (the speaker had
    # been "Houston", the first description's place)
    text = headlined(
        "“All we can do is the best we can,” said Houston resident and Toronto native Grace "
        "Gonzalez."
    )
    assert [s for _, s in speech_of(text)] == ["Grace Gonzalez"]


def test_a_relative_clause_s_second_verb_is_its_antecedent_s() -> None:
    # "Duda got help from U.S. President Donald Trump, who invited him … and said he was
    # “doing a terrific job.”": Trump's words (they had gone to Duda, the sentence's subject)
    text = headlined(
        "Andrzej Duda is the president of Poland.\n\n"
        "Duda got help from U.S. President Donald Trump, who invited him to the White House in "
        "late June and said he was “doing a terrific job.”"
    )
    assert [s for _, s in speech_of(text)] == ["Donald Trump"]


def test_a_paragraph_reporting_someone_speaking_hands_the_next_quotation_to_them() -> None:
    # "Gosnell told the house the agreement proved …" then a paragraph that is only a
    # quotation: Gosnell goes on (the ranker had chosen Eva Clayton, quoted before, over the
    # rules' Gosnell); and "said Will Doyle": "Will" opens a name before one
    text = headlined(
        "Joe Gosnell, a renowned treaty negotiator and leader of the Nisga'a Nation, has died "
        "at the age of 84.\n\n"
        "Nisga'a Nation president Eva Clayton said Gosnell's wisdom helped lead the First "
        "Nation into self-government.\n\n"
        '"Today, we have lost a giant," Clayton said in a statement.\n\n'
        "University interim president Geoffrey Payne said Gosnell's dedication was evident.\n\n"
        '"The world has lost a tremendous leader," Payne said in a statement.\n\n'
        'Clayton said Gosnell\'s work produced a "beacon of hope" for people around the '
        "world.\n\n"
        '"His focus was always on what we can achieve together," she said.\n\n'
        "When a bill to accept the treaty was introduced in the legislature in December 1998, "
        "Gosnell told the house the agreement proved that reasonable people can sit down and "
        "settle historical wrongs.\n\n"
        '"It\'s a triumph because under the treaty, we will no longer be wards of the state."'
        "\n\n"
        "“It's a pretty expensive business model,” said Will Doyle, a professor of higher "
        "education at Vanderbilt University."
    )
    speakers = [s for _, s in speech_of(text)]
    assert speakers[-2:] == ["Joe Gosnell", "Will Doyle"]


def test_short_forms_of_given_names_are_known() -> None:
    # "Ed Glavin", "Gord Downie": a short form is a given name, and tells the gender
    from reader.quotes.given_names import gender_of

    assert [gender_of(n) for n in ("Ed", "Gord", "Stu", "Deb", "Jen")] == ["m", "m", "m", "f", "f"]


def test_a_title_quoted_again_is_still_a_title() -> None:
    # "the new streaming series “Little Voice.”" then "Bareilles wrote original music for
    # “Little Voice”": the show again, not her words (offered as hers, 0.79); a phrase a
    # headline wrote in capitals is still speech in the story
    text = (
        "Sara Bareilles Has 'No Idea' What Comes Next\n\n"
        "Sara Bareilles isn’t exactly telling her own story in the new streaming series "
        "“Little Voice.”\n\n"
        "Bareilles wrote original music for “Little Voice” and helped direct it.\n\n"
        "She said she had “no idea” what would come next."
    )
    found = [(text[f.span.start : f.span.end], f.speech) for f in find_quotes(text, headline=0)]
    assert ("Little Voice", False) in found and ("no idea", True) in found


def test_a_saying_credited_by_name_before_its_colon_is_theirs() -> None:
    # "an observation by famous sociologist Yogi Berra: “…”" (the words had gone to the
    # letter's heading, "Provincial Parks"); "the advice of Warren Buffett:" the same
    text = headlined(
        "Re We Should Limit Crowds In Provincial Parks (Aug. 10): I’m reminded of an "
        "observation by famous sociologist Yogi Berra: “Nobody ever goes there any more; it’s "
        "too crowded.”\n\n"
        "Investors might recall the advice of Warren Buffett: “Be fearful when others are "
        "greedy.”"
    )
    assert [s for _, s in speech_of(text)] == ["Yogi Berra", "Warren Buffett"]


def test_a_plural_opening_its_sentence_whose_singular_the_story_writes_is_no_name() -> None:
    # "Polls show …, 70 percent said they favored “affirmative action”": "Polls" is a common
    # word (the story writes "poll"), not a body that spoke (it had been offered, 0.75)
    text = headlined(
        "Polls show that the wording makes a huge difference: a 1992 Louis Harris poll, for "
        "example, found that 70 percent said they favored “affirmative action in hiring and "
        "promotion for women.”"
    )
    assert [s for _, s in speech_of(text)] in ([], [None])


def test_a_person_of_a_described_body_is_the_speaker() -> None:
    # "Crystal Echo Hawk of the Native American advocacy group IllumiNative said": the person
    # (the words had gone to IllumiNative: the description's capitals hid the "of")
    text = headlined(
        "“Our fight continues,” Crystal Echo Hawk of the Native American advocacy group "
        "IllumiNative said in a statement."
    )
    assert [s for _, s in speech_of(text)] == ["Crystal Echo Hawk"]


def test_a_short_quotation_no_words_attribute_is_offered_without_a_speaker() -> None:
    # A phrase of five words or fewer that no cue gives to anyone: the speaker the ranker or
    # the paragraph before would guess had been right one time in five on real news; a
    # longer one, or a short one with its cue, keeps its speaker
    text = headlined(
        "“A large number of materials are at risk of becoming unavailable,” according to "
        'findings by a "tiger team" that Undersecretary of Defense Frank Kendall chartered in '
        "February 2012.\n\n"
        "“Not this year,” said Tom Ray, a councillor."
    )
    found = {text[f.span.start : f.span.end]: f.speaker for f in find_quotes(text) if f.speech}
    assert found.get("tiger team") is None and found["Not this year,"] == "Tom Ray"


def test_a_report_read_back_to_a_sentence_about_someone_is_not_theirs() -> None:
    # "… Rebekah Mason … a House Judiciary Committee report" then "“…,” the report said":
    # the report is a body's, and the person its sentence named is whom it is about (she had
    # been offered as its author, 0.79); "the report, written by Michelle Tran," stays hers
    text = headlined(
        "Governor Robert Bentley's adviser Rebekah Mason was at the centre of a report released "
        "on Friday.\n\n"
        "“Later that evening at a bar, Mason bragged about it,” the report said.\n\n"
        "The inquest report, written by coroner Michelle Tran, was released.\n\n"
        "“The smoke was down to the floor within minutes,” the report said."
    )
    assert [s for _, s in speech_of(text)] == [None, "Michelle Tran"]


def test_a_name_after_a_body_and_a_lower_case_role_opening_the_sentence_is_its_subject() -> None:
    # "WorkSafeBC director of government and media relations Craig Fitzsimmons said …" then
    # "“…,” he said": his (the minister named before had taken it: Fitzsimmons, after a role
    # with "of" and "and" in it, had not been read as the sentence's subject)
    text = headlined(
        "NDP Labour Minister Harry Bains said it at the time.\n\n"
        "WorkSafeBC director of government and media relations Craig Fitzsimmons said current "
        "contracts expire Jan. 31.\n\n"
        "“We are seeking proposals through an open process,” he said."
    )
    assert [s for _, s in speech_of(text)] == ["Craig Fitzsimmons"]


def test_the_health_unit_speaks_for_the_body_named_before() -> None:
    # Ontario's public health units: "the health unit says" is Ottawa Public Health, named
    # before (no one had been offered)
    text = headlined(
        "Ottawa Public Health has issued new advice on masks.\n\n"
        "“Do not share your mask with others,” the health unit says."
    )
    assert [s for _, s in speech_of(text)] == ["Ottawa Public Health"]


def test_a_zero_width_space_after_a_quotation_is_no_words() -> None:
    # "…everyone.” \u200b" at a paragraph's end (a web page's invisible character): the
    # quotation had been read as no one's speech, words following it
    text = headlined(
        "Pasko said patrons are receptive. She offers appointments. “That way it satisfies "
        "everyone.” \u200b"
    )
    assert [s for _, s in speech_of(text)] == ["Pasko"]


def test_a_post_read_on_someone_s_page_is_theirs() -> None:
    # "“…,” reads a post on Rodney Stafford’s Facebook page": his (the quotation had been
    # no one's speech); "on his Facebook page" and "on the charity’s website" the same
    text = headlined(
        "Victoria Stafford would have turned 20, and her father Rodney Stafford asks for "
        "kindness. The Salvation Army answered.\n\n"
        "“We are asking everyone to partake in random acts of kindness,” reads a post on "
        "Rodney Stafford’s Facebook page.\n\n"
        "“Be kind,” reads a post on his Facebook page.\n\n"
        "“Kindness starts with one,” reads a note on the Salvation Army’s website."
    )
    assert [s for _, s in speech_of(text)] == [
        "Rodney Stafford",
        "Rodney Stafford",
        "Salvation Army",
    ]


def test_someone_brought_in_as_one_official_is_not_the_official_named_before() -> None:
    # "Naseem Akbar, a former economic official …" then "“…?” one Western official asks"
    # and "“…,” the same official explains": someone new, never named (both had been given to
    # Akbar at 0.79); "Andrew J. Tabler, an expert on Syria, noted" stays the name it follows
    text = headlined(
        "Naseem Akbar, a former economic official in the Afghan government, met us in Kabul. "
        "“The money stays here,” Akbar said.\n\n"
        "Corruption is pervasive. “Has corruption become what holds everything together?” one "
        "Western official asks.\n\n"
        "“There is everything-to-myself corruption,” the same official explains.\n\n"
        "As Andrew J. Tabler, an expert on Syria, noted, “Everyone in the region is waiting.”"
    )
    assert [s for _, s in speech_of(text)] == ["Naseem Akbar", None, None, "Andrew J. Tabler"]


def test_a_story_s_first_lines_may_bring_in_its_headline_person_unnamed() -> None:
    # "Moose Jaw councillor Heather Lindgren says …" over "a two-term city councillor
    # announced her campaign" and "The councillor … “…,” she said": the headline's person
    text = headlined(
        "Moose Jaw will have two candidates after a two-term city councillor announced her "
        "campaign on Wednesday.\n\n"
        "The councillor, a former teacher, was first elected in 2020.\n\n"
        "“I know where every dollar goes,” she said.",
        headline="Moose Jaw councillor Heather Lindgren says she will run for mayor",
    )
    assert [s for _, s in speech_of(text)] == ["Heather Lindgren"]


def test_a_statement_from_a_body_after_a_quotation_is_the_body_s() -> None:
    # "“…,” a statement from Alberta Health Services said." then a paragraph of quotation
    # alone: both the body's (no cue had been read: the ranker gave both to the patient named
    # before); "an Alberta Health Services statement said" the same (a capitalised word that
    # is also a verb, "Services", had cut the phrase)
    text = headlined(
        "Victoria Steepe says she is scared. Alberta Health Services runs the hospital.\n\n"
        "“The outbreak extends to all services,” a statement from Alberta Health Services "
        "said.\n\n"
        "“Patients should not visit the hospital.”\n\n"
        "Steepe went outside.\n\n"
        "“Visitors are not allowed,” an Alberta Health Services statement said."
    )
    assert [s for _, s in speech_of(text)] == ["Alberta Health Services"] * 3


@pytest.mark.parametrize("band", [0.5124, 0.7027])
def test_a_guess_of_the_ranker_s_that_no_words_give_needs_better_than_even_odds(
    monkeypatch: MonkeyPatch, band: float
) -> None:
    # The ranker's calibration puts probabilities 0.42-0.73 at 0.51 and 0.73-0.81 at 0.70;
    # its own choices there were right 73 times in 280 and 32 in 80 on the studied real sets:
    # not offered. The rules' choice at the same confidence still is ("It is a place where
    # “…”", Smith's paragraph before)
    from reader.quotes import ranking

    monkeypatch.setattr(ranking.Model, "confidence", lambda self, probability: band)
    guessed = headlined(
        "Jane Smith has run the shelter since 2010. Tom Brown, her brother, helps at weekends."
        "\n\n“No one is ever turned away.”"
    )
    assert speech_of(guessed) == [("No one is ever turned away.", None)]
    read = headlined(
        "The shelter on Main Street opens at dawn. Jane Smith has run it since 2010 with her "
        "brother.\n\nIt is a place where “no one is ever turned away, not once in ten years.”"
    )
    assert [s for _, s in speech_of(read)] == ["Jane Smith"]


def test_a_firm_s_title_opening_a_sentence_before_a_name_is_the_person_s() -> None:
    # "Company CEO Chris Cowper-Smith said …": the firm's officer (the run had been read as a
    # body, "CEO Chris Cowper-Smith", so "said Cowper-Smith" went to no one)
    text = headlined(
        "Spring Loaded Technology makes knee braces.\n\n"
        "Company CEO Chris Cowper-Smith said the idea was to keep staff apart.\n\n"
        "“We didn’t want to add people to our space,” said Cowper-Smith."
    )
    assert [s for _, s in speech_of(text)] == ["Chris Cowper-Smith"]


def test_initials_alone_are_the_person_whose_given_name_they_are() -> None:
    # "“…,” R.T. states" after "R.T. Thorne": his (the initials had been read as a body's
    # acronym, and offered at 0.85-0.98); "U.S. officials said" stays no one
    text = headlined(
        "R.T. Thorne's series Utopia Falls is new. Thorne has a long career.\n\n"
        "“They are companion pieces,” R.T. states as he compares them.\n\n"
        "“The market grew,” U.S. officials said."
    )
    assert [s for _, s in speech_of(text)] == ["R.T. Thorne", None]


def test_a_guess_of_the_ranker_s_shows_how_often_such_guesses_are_right(
    monkeypatch: MonkeyPatch,
) -> None:
    # The ranker's own choices offered at 0.75-0.79 were right 139 times in 228 on the studied
    # real sets (the rules' at 0.79, 89 %): such a guess says 0.6, not its band's 0.79; the
    # rules' choice keeps its own
    from reader.quotes import ranking

    monkeypatch.setattr(ranking.Model, "confidence", lambda self, probability: 0.79)
    text = headlined(
        "Jane Smith has run the shelter since 2010. Tom Brown, her brother, helps at weekends."
        "\n\n“No one is ever turned away.”\n\n“We stay open,” Brown said."
    )
    found = [(f.speaker, f.confidence) for f in find_quotes(text) if f.speech]
    assert found[0] == ("Jane Smith", 0.6)
    assert found[1][0] == "Tom Brown" and found[1][1] > 0.6


def test_someone_brought_in_who_does_not_speak_leaves_the_official_named_before() -> None:
    # "Corruption is visible,  one official in the ministry left" (two spaces after the
    # comma): no one speaks there, so "the official explains" is still Akbar (no closing mark
    # before "one" had been taken for one, an empty string being "in" any string)
    text = headlined(
        "Naseem Akbar, a former economic official in the Afghan government, met us in Kabul. "
        "“The money stays here,” Akbar said.\n\n"
        "Corruption is visible,  one official in the ministry left his post.\n\n"
        "“There is everything-to-myself corruption,” the official explains."
    )
    assert [s for _, s in speech_of(text)] == ["Naseem Akbar", "Naseem Akbar"]


def test_a_role_with_of_inside_it_leads_to_the_name_after_it() -> None:
    # "said Arizona assistant secretary of state Allie Bones" had gone to "Arizona", "said
    # White House chief of staff Mark Meadows" to the White House, and "said chief of staff
    # Mark Meadows" to no one: a role's "of" had ended it before the name
    text = headlined(
        "Officials met on Monday.\n\n"
        "“We are ready,” said Arizona assistant secretary of state Allie Bones.\n\n"
        "“We are not,” said White House chief of staff Mark Meadows.\n\n"
        "“Wash your hands,” said medical officer of health Dr. Vera Etches.\n\n"
        "“Sales grew,” said Acme vice-president of operations Jane Doe."
    )
    assert [s for _, s in speech_of(text)] == [
        "Allie Bones",
        "Mark Meadows",
        "Vera Etches",
        "Jane Doe",
    ]


def test_as_they_say_is_a_saying_of_no_one() -> None:
    # "As they say, “your mileage may differ.”" had gone to "Apple CarPlay", the "they"
    # taken for the last body named; "they say" without "as" is still someone's
    text = headlined(
        "Apple CarPlay works well in most cars.\n\n"
        "But, as they say, “your mileage may differ.”\n\n"
        "Jane Smith and Tom Brown tested it. “It failed twice,” they say."
    )
    found = speech_of(text)
    assert found[0][1] is None
    assert found[1][1] is not None


def test_a_person_s_initials_in_capitals_are_that_person() -> None:
    # "SBF said" after "Sam Bankman-Fried" had been offered as a body, "SBF"; two letters
    # count only beside a speech verb ("TV" is not Tom Vance), and a body's acronym stays
    # the body's
    text = headlined(
        "Sam Bankman-Fried founded the exchange. Tom Vance watched on television.\n\n"
        "“I made mistakes,” SBF said in a chat.\n\n"
        "Jason King hosts the morning show. “It is fine,” says JK.\n\n"
        "The Canada Revenue Agency (CRA) wrote to Carl Ray Adams. “Pay,” the CRA said."
    )
    assert [s for _, s in speech_of(text)] == [
        "Sam Bankman-Fried",
        "Jason King",
        "Canada Revenue Agency",
    ]


def test_the_headline_repeated_as_the_first_line_is_a_headline_still() -> None:
    # A page that repeats its headline as the story's first line: its Title Case had named
    # "Chris Christie Announces", every later "Christie" that name (basil-quotes-3: 7 answers)
    headline = "Chris Christie Announces He's Running For President In 2016"
    text = headlined(
        f"{headline}\n\nNew Jersey Gov. Chris Christie announced he is running.\n\n"
        "“I am ready,” Christie said.",
        headline=headline,
    )
    assert [s for _, s in speech_of(text)] == ["Chris Christie"]


def test_a_speaker_named_after_the_verb_stands_before_according_to() -> None:
    # "“…,” lamented Senator Johnny Isakson, …, according to people familiar with the
    # remarks" had been given to those unnamed people: a speaker named before "according to"
    # stands, whatever follows it (only "X said, according to …" had been read so)
    text = headlined(
        "Senators met on Tuesday.\n\n“We’ve already lost,” lamented Senator Johnny Isakson, "
        "Republican of Georgia, according to people familiar with the remarks.\n\n"
        "“We lost,” according to a source."
    )
    assert [s for _, s in speech_of(text)] == ["Johnny Isakson", None]


def test_someone_the_quotation_names_does_not_take_it_from_its_cue_s_speaker(
    monkeypatch: MonkeyPatch,
) -> None:
    # "He added, with a reference to Gen. David H. Petraeus: “… I support General Petraeus’s
    # confirmation.”" had gone to no one: the ranker had preferred Petraeus, whom the
    # quotation itself names, over the "he" of its cue (basil-quotes-3). Here the ranker is
    # made to prefer him, as it did there
    from reader.quotes import ranking

    real = ranking.Model.probabilities

    def preferring_petraeus(
        self: ranking.Model, candidates: list[ranking.Candidate]
    ) -> list[float]:
        found = real(self, candidates)
        return [
            0.9 if c.name == "David H. Petraeus" else p / 10
            for c, p in zip(candidates, found, strict=True)
        ]

    monkeypatch.setattr(ranking.Model, "probabilities", preferring_petraeus)
    text = headlined(
        "Michael Steele, the party chairman, issued a statement on Friday.\n\n"
        "He added, with a reference to Gen. David H. Petraeus: “That is why I supported the "
        "decision, and I support General Petraeus’s confirmation.”"
    )
    assert [s for _, s in speech_of(text)] == ["Michael Steele"]


def test_as_a_titled_name_with_party_and_state_put_it_gives_the_words_to_them() -> None:
    # "As Sen. Rand Paul, R-Ky., put it, “…”": the title's dot and the party's commas had
    # kept "put it" unread, and the quotation went to the sentence before's "Republicans
    # argue" (basil-quotes-3)
    text = headlined(
        "Republicans argue the cable was urgent. As Sen. Rand Paul, R-Ky., put it, “Libya has "
        "to have been one of the hottest of hot spots around the world.”"
    )
    assert [s for _, s in speech_of(text)] == ["Rand Paul"]


def test_a_fragment_after_someone_s_fragment_in_the_same_clause_is_theirs() -> None:
    # "Clinton said it was “very disappointing” that “inadequacies” were found": the second
    # had been taken for a term (basil-quotes-3; bbc-quotes-4, -8, -12, chaos, zyte: +1 each)
    text = headlined(
        "Hillary Clinton testified on Wednesday.\n\n"
        "Clinton said it was “very disappointing” that “inadequacies” were found.\n\n"
        "The report used the word “inadequate”. “We act,” said Tom Brown."
    )
    found = speech_of(text)
    assert [(q, s) for q, s in found] == [
        ("very disappointing", "Hillary Clinton"),
        ("inadequacies", "Hillary Clinton"),
        ("We act,", "Tom Brown"),
    ]


def test_a_capitalised_former_opening_the_sentence_leads_to_the_name_after_it() -> None:
    # "Former New York City Mayor Michael Bloomberg endorsed …, saying it was “imperative”":
    # "Former" had stopped the reading of the subject, and the fragment went to no one
    text = headlined(
        "Former New York City Mayor Michael Bloomberg endorsed Hillary Clinton at the "
        "convention, saying it was “imperative” that voters back her.\n\n"
        "Former Gov. Jerry Brown praised the plan, saying it was “bold.”"
    )
    assert [s for _, s in speech_of(text)] == ["Michael Bloomberg", "Jerry Brown"]


def test_a_time_phrase_opening_the_sentence_is_no_subject() -> None:
    # "Earlier this year, Fox railed against Trump …, promising that Mexico would “never
    # pay for that wall.”": the time phrase had been read as the subject, and the fragment
    # went to no one
    text = headlined(
        "Vicente Fox is a former president of Mexico.\n\n"
        "Earlier this year, Fox railed against Trump in an outburst, promising that Mexico "
        "would “never pay for that wall.”"
    )
    assert [s for _, s in speech_of(text)] == ["Vicente Fox"]


def test_a_person_after_a_long_office_opens_the_sentence_as_its_subject() -> None:
    # "Still, then-Deputy Assistant Secretary for Diplomatic Security Charlene Lamb testified
    # …" and then "she said": the office's first words had hidden that Lamb opened the
    # sentence, and "she" went to the story's main woman (basil-quotes-3: two answers)
    text = headlined(
        "Hillary Clinton testified on Wednesday about the attack and the budget.\n\n"
        "Still, then-Deputy Assistant Secretary for Diplomatic Security Charlene Lamb "
        "testified in October that the attack was the issue.\n\n"
        "Asked if there was any budget consideration, she said: “No.”"
    )
    assert [s for _, s in speech_of(text)] == ["Charlene Lamb"]


def test_cdr_is_a_title_before_a_name() -> None:
    # "Retired US Navy Cdr. Chris Harmer" had been named "Cdr. Chris Harmer" (webis-quotes:
    # four answers); "Cmdr." was known, "Cdr." not
    text = headlined(
        "Retired US Navy Cdr. Chris Harmer watched the river.\n\n“Traffic is steady,” Harmer said."
    )
    assert [s for _, s in speech_of(text)] == ["Chris Harmer"]


def test_an_exhibit_is_no_one() -> None:
    # "Exhibit A: “…”" had given the quotation to a person "Exhibit A" (webis-quotes: four
    # answers at 0.70-0.99)
    text = headlined(
        "Campaigns have always been nasty.\n\nExhibit A: “That hideous character has no force.”"
    )
    assert [s for _, s in speech_of(text)] in ([], [None])


# --- stop 77's blind batches: celebrity news of 2017-2018, Pacific news of 2019-2025 ---


def test_pm_is_a_title_before_a_name() -> None:
    # "PM Loughman said" had named a person "PM Loughman", at 0.99 (Vanuatu news: two answers)
    text = headlined(
        "The Government led by Prime Minister Bob Loughman will set up a fisheries ministry.\n\n"
        "PM Loughman said locals need a ministry.\n\n"
        "“This government is committed to the productive sector,” PM Loughman said."
    )
    assert [s for _, s in speech_of(text)] == ["Bob Loughman"]


def test_one_part_of_a_double_barrelled_surname_is_its_owner() -> None:
    # "Mrs Woolcott says" after "Biena Tejano-Woolcott" had been a person "Woolcott" of her
    # own (PNG news: two answers)
    text = headlined(
        "Sales consultant Biena Tejano-Woolcott showed the homes.\n\n"
        "Mrs Woolcott says the houses suit the climate.\n\n"
        "“We can withstand intensity nine,” Mrs Woolcott added."
    )
    assert [s for _, s in speech_of(text)] == ["Biena Tejano-Woolcott"]


def test_a_shows_name_before_a_role_of_it_names_no_one() -> None:
    # "He later apologized to the former Total Request Live cohost … with a tweet that said"
    # had made the show a man, who took "He" (celebrity news: 0.85, unmarked)
    text = headlined(
        "Maks Chmerkovskiy and Vanessa Lachey were seen hugging on Saturday.\n\n"
        "The Ukrainian choreographer, 37, cited personal issues for skipping the show.\n\n"
        "He later apologized to the former Total Request Live cohost, 36, on Wednesday, "
        "with a tweet that said, “I had to leave the show last week.”"
    )
    assert [s for _, s in speech_of(text)] == ["Maks Chmerkovskiy"]


def test_a_works_title_inside_a_description_keeps_it_a_description() -> None:
    # "the “Finesse” rapper canceled …. “…,” she told" had gone to the rapper's sister, and
    # "The “I Like It” rapper confirmed that she and Offset married. “…,” she wrote" to her
    # husband (celebrity news: four answers)
    text = headlined(
        "Cardi B gave birth to her first child with husband Offset on Tuesday.\n\n"
        "Cardi and her sister, Hennessy Carolina, began hinting that the artist was expecting "
        "a girl.\n\n"
        "The “I Like It” rapper confirmed in June that she and Offset, 26, secretly married. "
        "“There are so many moments that I share with the world,” she wrote."
    )
    assert [s for _, s in speech_of(text)] == ["Cardi B"]


def test_a_places_based_word_before_a_title_and_name_is_part_of_the_subject() -> None:
    # "Amid the controversy, Texas-based Dr. Cynthia Robbins told Us Weekly that Jenner …
    # “…,” she explained": the doctor opens the sentence, not Jenner (celebrity news)
    text = headlined(
        "Kylie Jenner received backlash for posting a photo. Amid the controversy, "
        "Texas-based Dr. Cynthia Robbins told Us Weekly that Jenner should avoid the product."
        "\n\n“A waist trainer is a very tight garment,” she explained."
    )
    assert [s for _, s in speech_of(text)] == ["Cynthia Robbins"]


def test_a_sentences_opening_participle_is_no_one() -> None:
    # "Issuing point by point rebuttal to … reports, the couple insisted that “…”" had given
    # fourteen quotations to a person "Issuing"; "Based on his findings the political
    # scientist concluded:" one to "Based" (South Asian news)
    text = headlined(
        "The couple rejected the allegations on Friday. Issuing point by point rebuttal to "
        "all the specific allegations accompanied by statements issued by companies named by "
        "Congress and other reports, the couple insisted that “all the allegations made are "
        "false.”\n\n"
        "Based on his findings the political scientist concluded: “Fair elections attract "
        "investment.”"
    )
    assert not {"Issuing", "Based"} & {s for _, s in speech_of(text)}


def test_a_bazar_is_a_place() -> None:
    # "Upazila Nirbahi Officer of Cox's Bazar Sadar, Tanzila Tasnim, said" had gone to a
    # person "Bazar Sadar" (Bangladeshi news)
    text = headlined(
        "A fire broke out on a vessel at the jetty in Cox’s Bazar on Saturday.\n\n"
        "Upazila Nirbahi Officer of Cox’s Bazar Sadar, Tanzila Tasnim, said, “The entire vessel "
        "has been damaged.”"
    )
    assert [s for _, s in speech_of(text)] == ["Tanzila Tasnim"]


def test_a_role_a_comma_sets_off_before_a_name_is_that_persons() -> None:
    # "YCV Director, Mr Steven Noel, said …" then "stated the YCV Director" had named no
    # one but "YCV Director" (Vanuatu news; the pattern of Pacific and South Asian copy)
    text = headlined(
        "Youth Challenge Vanuatu (YCV) thanked Digicel for free sim cards.\n\n"
        "YCV Director, Mr Steven Noel, said the support was welcome.\n\n"
        "“By delivering training online, we gain,” stated the YCV Director."
    )
    assert [s for _, s in speech_of(text)] == ["Steven Noel"]
