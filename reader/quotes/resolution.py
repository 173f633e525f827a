"""The words a cue names a speaker with, resolved to one person or organisation.

`_Resolution._resolve` takes the phrase a cue's pattern found ("King", "he", "the mayor", "a
spokesman for Ofcom", "Cornyn's statement", "the Times") and returns whom in the article it
names, with a confidence: surnames and their bearers, people of a place or a nationality,
authors and bylines, epithets, offices and who holds them, crowds and groups; someone who
died or spoke long ago is not the speaker of today's words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from reader.core.text import Quotation, Span
from reader.quotes.article_context import _ROLE_WORDS, _WORD, _Attribution, _is_role
from reader.quotes.cues import (
    is_speech_verb,
)
from reader.quotes.descriptions import (
    _DOCUMENT_NOUNS,
    _EPITHET_STOPS,
    _EPITHET_WORDS,
    _ROLE_KINDS,
    _SENTENCE_END,
    _SPOKESPEOPLE,
    _TITLE_WORDS,
    UNNAMED,
    _any_speech_verb,
    _is_acronym_word,
    _team_qualified,
)
from reader.quotes.finding import CONFIDENT, QuoteFinding
from reader.quotes.lexicon import words
from reader.quotes.mentions import Entity, Mention, Token
from reader.quotes.name_registry import ORG_WORDS, TITLES
from reader.quotes.name_words import (
    _DAYS,
    ERAS,
    FEMALE,
    HONORIFICS,
    MALE,
    MODIFIER_ENDINGS,
    NOT_NAMES,
    PRONOUNS,
    nationality_noun,
)
from reader.quotes.phrases import (
    DETERMINERS,
    ORG_NOUNS,
    PERSON_NOUNS,
    STATEMENT_NOUNS,
    Phrase,
    sentence_subject,
)
from reader.quotes.places import is_demonym, is_place
from reader.quotes.pronouns import _MENTIONS_READ, _Pronouns

# "As they say, “your mileage may vary.”": "as" before a saying's "they", who is no one
_GENERIC_THEY = re.compile(r"(?i)(?<![\w-])as\s+$")
# Titles a portfolio or a rank comes before ("Finance Minister", "the Prime Minister's
# office"): a phrase ending with one is a title, never a name ("Finance").
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "critic", "premier"})
# Verbs of having a document, not writing it: "a copy seen by AFP", "a memo obtained by CBC".
_HAD_IT = frozenset({"seen", "obtained", "reviewed", "viewed", "read", "shared", "leaked"})
# A capitalised word right before a surname: it is part of a full name ("Bill Clinton").
_GIVEN_BEFORE = re.compile(r"\b[A-Z][\w.’'-]*[ \u00a0]$")
# After a person's name, that they died: "Kayla Morin, a first-year student, died at the scene".
_DIED_AFTER_NAME = re.compile(
    r"(?:,[^.;:“”\"]{0,120},)?\s+(?:died|was\s+killed|was\s+found\s+dead|passed\s+away)\b"
)
# Before a person's name, that they died: "in the death of Cody Harper", "the late".
_DIED_BEFORE_NAME = re.compile(
    r"\b(?:(?:death|killing|murder|slaying|funeral)\s+of|memorial\s+for|the\s+late)\s+$"
)
# Words that date what was said to another time: "in 2012", "in a 2019 interview", "once".
_LONG_AGO = re.compile(
    r"\b(?:(?:in|from)\s+(?:a\s+|an\s+)?(?:19|20)\d\d\b|once\b|years?\s+ago|before\s+(?:his|her)\s+death)"
)
_KIN_DESCRIPTION = re.compile(  # "Her mother": someone named as another's relative
    r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:father|mother|dad|mom|mum|son|daughter|wife|husband"
    r"|brother|sister|grandfather|grandmother|uncle|aunt)\b"
)
_SUBJECT_READ = 300  # characters of a sentence read for its subject
_LOWER_ROLE = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")
# A number and lowercase words between a capitalised word and a name: " 11 student ".
_DESCRIPTION_THEN_NAME = re.compile(
    r" \d[\w-]*(?: (?:[a-z][\w-]*|[A-Z][a-z]{1,5}\.)){1,3} (?=[A-Z])"
)  # " 11 student ", " 11 Coun. "
# A dateline opening a paragraph: "OTTAWA — ", "HALIFAX (CP) ", "TORONTO, Ont. ".
_DATELINE_AFTER = re.compile(
    r"\s*(?:[—–-]|\((?:[A-Z][\w.]*\s?){1,3}\)|,\s+(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3}))"
    r"|,\s+(?:[A-Z][\w.’']*\s+){1,3}[—–-]\s"
)  # "OTTAWA — ", "HALIFAX (CP) ", "GRANDE PRAIRIE, Alta. ", "SURREY, B.C. " (not "NASA, Boeing"),
# "CAIRO, Egypt - " (a country after the comma, then the dash)
_ROLE_AFTER_OWNER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+(?:says|said|told)\b")
_APPOSED_NAME = re.compile(r",\s+(?=[A-Z]|the [A-Z])")  # "Counsel for Everglory, Anson Tsoi"
# A word between an office and its holder: the rest of the portfolio ("Investment and
# Commerce,"), or "the" of "Senator the Hon." (titles are `TITLES`).
_OFFICE_WORD = re.compile(r"the|and|&|[A-Z][\w’'-]*,?")
_LOWER_WORD_AFTER = re.compile(r" ([a-z][\w-]*)\b")  # "skip" of "the Alberta skip"
# "…,” Arab News quoted Prince Saud as saying": the one quoted speaks, not the outlet.
_QUOTED_AS_SAYING = re.compile(
    r"\s+(?P<who>[^,.;:“”\"\n]{1,80}?)\s+as\s+(?:saying|telling|writing|stating|having\s+said)\b"
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|that)\b")


def _party_role(phrase: Phrase) -> bool:
    """ "the NDP MPP", "the Liberal MP": a title after a party's letters or a nationality,
    a role and not a name."""
    tokens = phrase.tokens
    return (
        len(tokens) >= 2
        and tokens[-1].word.casefold().rstrip(".") in TITLES
        and all(_is_acronym_word(t.word) or is_demonym(t.word) for t in tokens[:-1])
    )


# The words for a party's members, each to the party ("Democratic" is a Democrat's).
_PARTY_OF = {
    "republican": "republican",
    "gop": "republican",
    "democrat": "democrat",
    "democratic": "democrat",
    "conservative": "conservative",
    "tory": "conservative",
    "liberal": "liberal",
    "labour": "labour",
}


def _party_member_of_a_place(phrase: Phrase) -> bool:
    """ "the Kentucky Republican", "the New York Democrat": a place's party member, as a
    story calls a politician it has named, and not a name."""
    tokens = phrase.tokens
    return (
        len(tokens) >= 2
        and is_demonym(tokens[-1].word)
        and is_place(" ".join(t.word for t in tokens[:-1]))
    )


def _holds_another_office(person: Entity, office: str) -> bool:
    """Whether the article gave `person` a title other than `office` ("EPA Administrator
    Scott Pruitt" for "the president"): then "the president" is someone else."""
    described = [w.casefold().rstrip(".,") for w in person.description.split()]
    if office in described:
        return False  # "Dr. Kirsten Halvorsen, a … professor": "the professor"
    titles = {
        _OFFICE_ABBREVIATIONS.get(word) or _TITLE_WORDS.get(word, word)
        for word in described
        if word in TITLES and word not in _COURTESY_TITLES
    }
    return bool(titles) and office not in titles


# The offices a political story abbreviates before a name ("Gov. Eric Holcomb"), spelt out.
_OFFICE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative"}
# Titles that tell no office ("Dr. Kirsten Halvorsen" may be "the professor").
_COURTESY_TITLES = HONORIFICS | {"dr", "sir", "dame", "lady", "lord"}


# The words after a noun for someone that say what they are of ("a scout for …").
_OF_WORDS = frozenset({"for", "of", "at", "with", "from", "in"})


def _someone_unnamed_of(phrase: Phrase) -> bool:
    """ "a scout for a Western Conference team", "one nurse at the hospital": "a", "an",
    "one" or "another", a noun, then what it is of: someone unnamed (not a body's
    spokesperson or statement, which speak for it)."""
    tokens = phrase.tokens
    if phrase.kind != "nominal" or tokens[0].folded not in {"a", "an", "one", "another"}:
        return False
    joint = next((i for i, t in enumerate(tokens) if t.folded in _OF_WORDS), 0)
    head = tokens[joint - 1] if joint >= 2 else None
    return (
        head is not None
        and head.text.isalpha()
        and head.text.islower()
        and head.folded not in _BODY_VOICES  # ("a spokesperson for": the body's own words)
    )


def _issued_from(tokens: Sequence[Token]) -> int | None:
    """Where "from" or "by" follows a statement or document noun with a word after it ("a
    statement from Alberta Health Services", "a letter by Doug Ford"), or None."""
    return next(
        (
            i + 1
            for i, t in enumerate(tokens[:-2])
            if t.folded in _DOCUMENT_NOUNS and tokens[i + 1].folded in {"from", "by"}
        ),
        None,
    )


# A name, perhaps an appositive, then its speech verb: "Iberluz, the largest of the three,
# said in a statement".
_SUBJECT_THEN_SPEECH = re.compile(
    r"(?:\s*,[^,.;:“”\"]{0,80},)?\s+(?:[a-z]+ly\s+)?"
    r"(?:said|says|wrote|writes|added|stated|states|announced|told)\b"
)
# The name a described speaker gave: "… who gave his name only as Mr. Hashmi", "… named
# Hamid Noorzai-Clarke", "… identified only as Sarah".
_GAVE_NAME = re.compile(
    r",?\s+(?:who\s+(?:gave|asked\s+to\s+be\s+identified\s+by)\s+(?:his|her|their)\s+"
    r"(?:first\s+)?name\s+(?:only\s+)?as|named|identified\s+only\s+as)\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
_NOUN_AFTER = re.compile(r"\s+[a-z]")  # "Quebec's economy minister": a noun the owner has
_OWNED_ROLE = re.compile(r"(?<=['’]s) [a-z][\w-]*, (?:the )?")  # "…'s operator, " then a name
# "In a news release, …", "In its most recent report, …": a document that opens a clause.
_IN_DOCUMENT = re.compile(
    r"(?:^|[.;]\s+|\n)In\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,3}$"
)  # "cpl" -> "corporal"
# Words for one document that a story uses in turn ("In a statement issued Friday, the
# organization said …" then "“…,” the news release read").
_DOCUMENT_KIN: dict[str, tuple[str, ...]] = {
    "statement": ("release",),
    "release": ("statement",),
}
# Documents and statements, which speak for their authors but are none.
# Things the list of words for speakers holds beside people ("the petition said").
_SPEAKING_THINGS = frozenset(
    {"letter", "memo", "document", "message", "notice", "filing", "lawsuit", "ruling"}
    | {"petition", "survey", "analysis", "audience"}
)
# Documents a body issues, whose author a sentence near an earlier mention rarely is a
# person: "The report said …" after "Rebekah Mason … was named in a report".
_INSTITUTIONAL_DOCUMENTS = words("institutional_documents")
_CALENDAR = _DAYS | {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}  # ("the Tuesday statement", "a March report": when, not whose)
# Words through which a body speaks ("a spokesperson for", "a statement from", "a unit of"):
# never someone unnamed of their own (`_someone_unnamed_of`, `_unnamed_opening`).
_BODY_VOICES = _SPOKESPEOPLE | _DOCUMENT_NOUNS | STATEMENT_NOUNS | ORG_NOUNS
# "a report released by the Pentagon", "The report, written by coroner Michelle Tran,"
_PRONOUN_AUTHOR_AFTER = re.compile(
    r"\s+(?:that\s+)?(he|she)\s+(?:had\s+)?(?:wrote|written|prepared|signed|issued|sent)\b"
)
# "a letter from … to the mayor", "the message from the family of Tom Hill", "from
# Tuesday's meeting with Mayor Roe": not theirs
_TO_BEFORE = re.compile(r"\b(?:to|for|about|on|of|with|at)\b|['’]s\b")
_AUTHOR_AFTER = re.compile(  # ("… from the province's Ministry of Labour": a possessive too;
    # not "a letter obtained by APTN": who holds it, not who wrote it)
    r",?\s+(?:(?!(?:obtained|seen|reviewed|received|viewed|acquired)\b)[\w-]+\s+){0,3}?"
    r"(?:by|from)\s+(?:the\s+)?(?:[a-z][\w-]*(?:['’]s)?\s+(?=[A-Z]))?"
)


# After a word for people, a body they belong to: "Analysts at the Saudi bank Al Noor".
_AFFILIATION_AFTER = re.compile(r"\s+(?:at|of|for|from|with|in)\s+(?:the\s+)?[\w\s]{0,30}[A-Z]")
# Those whose words are their firm's research note: "TD Securities analysts wrote".
_RESEARCHERS = frozenset({"analysts", "economists", "strategists"})


class _Resolution(_Pronouns):
    """The finder's layer that turns a cue's words into a speaker."""

    def _firm_named_for(self, word: str, at: int) -> Entity | None:
        """An organisation named before `at` whose name holds `word` ("Friesen Furniture
        Ltd." for "Friesen", "George Weston Ltd." for "Weston"), or None."""
        folded = word.casefold()
        return next(
            (
                e
                for e in self.entities.entities
                if e.kind == "org" and e.first < at and folded in e.name.casefold().split()
            ),
            None,
        )

    def _mentions_in(self, span: Span) -> list[Mention]:
        return self.entities.between(span.start, span.end)

    def _source_after(self, toks: Sequence[Token], position: int) -> Entity | None:
        """The person or organisation named right after "from" or "by" at `position`."""
        if toks[position].folded not in {"from", "by"}:
            return None
        if position and toks[position - 1].folded in _HAD_IT:
            return None  # "according to a copy seen by AFP": AFP only had it
        at = position + 1
        if at < len(toks) and toks[at].folded == "the":
            at += 1
        described = at
        while (
            at < len(toks)
            and at - described < 4
            and toks[at].text[:1].isalpha()
            and (toks[at].text.islower() or toks[at].folded.endswith(MODIFIER_ENDINGS))
        ):
            at += 1  # "by UK-based research consultancy Analysys": what it is, then its name
        if at >= len(toks):
            return None
        mention = self.entities.mention_at(toks[at].start, toks[at].end)
        if mention is None or mention.start != toks[at].start:
            return None
        return mention.entity if mention.entity.kind in {"person", "org"} else None

    def _resolve(self, phrase: Phrase, cue: str, confidence: float, at: int) -> _Attribution | None:
        words = phrase.text
        if phrase.kind == "pronoun":
            pronoun = phrase.head
            if (
                pronoun.folded == "they"
                and cue.casefold() == "say"
                and _GENERIC_THEY.search(self.text, max(0, pronoun.start - 8), pronoun.start)
            ):  # "As they say, “…”": a saying's people, no one in the story
                return _Attribution(None, None, words, cue, 0.3, authorless=True)
            last = self.last_speaker
            if (
                phrase.head.folded in {"they", "them"}
                and last is not None
                and last.entity is None
                and last.name
            ):
                return _Attribution(
                    None, last.name, words, cue, confidence - 0.2
                )  # the authors … They call for
            entity, described = self._pronoun_resolved(phrase.head.folded, at)
            if entity is UNNAMED:  # "A neighbour said she …": no one named, not the ranker's pick
                return _Attribution(None, None, words, cue, 0.3, authorless=True)
            others = self._named_in_content_before(at)
            if entity is not None:
                return _Attribution(
                    entity, None, words, cue, confidence - 0.1, described=described, others=others
                )
            return _Attribution(None, None, words, cue, 0.3, others=others)
        role_holder = self._person_after_modifier(phrase)
        if role_holder is not None:  # "said Final Wars producer Shogo Tomiyama": the producer
            return _Attribution(role_holder, None, words, cue, confidence)
        as_they_were = self._named_after_epithet(phrase)
        if as_they_were is not None:  # "said a skeptical Robert Wolfarth", "an emotional …"
            return _Attribution(as_they_were, None, words, cue, confidence - 0.05)
        if _someone_unnamed_of(phrase):
            # "a scout for a Western Conference team said": someone the article does not
            # name, whatever the body after "for" stands for (not that body's people)
            return _Attribution(None, None, words, cue, 0.3, authorless=True)
        issuer = self._issuer_of(phrase)
        if issuer is not None:  # "a statement from Alberta Health Services said": its words
            return _Attribution(issuer, None, words, cue, confidence - 0.1)
        spoken_for = self._spokesperson_for(phrase)
        if spoken_for is not None:  # "said a spokesman for Ofcom": Ofcom's words
            spoken_body, name, said_so = spoken_for
            return _Attribution(
                spoken_body, None if spoken_body else name, said_so, cue, confidence - 0.1
            )
        if (
            phrase.kind == "nominal"
            and len(phrase.tokens) >= 2
            and phrase.tokens[0].folded == "the"
            and phrase.tokens[1].capitalised
        ):  # "said the Sûreté du Québec": a body's name after "the", read as a description
            body = self.entities.mention_at(phrase.tokens[1].start, phrase.tokens[-1].end)
            if (
                body is not None
                and body.start == phrase.tokens[1].start
                and body.end == phrase.tokens[-1].end  # (not "the Jets forward")
                and body.entity.kind == "org"
            ):
                return _Attribution(body.entity, None, words, cue, confidence)
        for alternative in phrase.alternatives:
            mention = self.entities.mention_at(
                alternative.tokens[0].start, alternative.tokens[-1].end
            )
            entity = mention.entity if mention is not None else self.entities.find(alternative.text)
            if entity is not None and entity.kind == "person":
                main = self.entities.mention_at(phrase.tokens[0].start, phrase.tokens[-1].end)
                if main is None or main.entity.kind != "person":
                    return _Attribution(
                        entity, None, alternative.text, cue, confidence
                    )  # "her mother, Fiona,"
        bearer = self._surname_bearer(phrase)
        if bearer is not None:  # "says Doctor" after "Ken Doctor, a news industry analyst"
            return _Attribution(bearer, None, words, cue, confidence)
        office = self._office_holder(phrase, at)
        if office is not None:  # "the Minister for Housing said", after her name
            return _Attribution(office, None, words, cue, confidence - 0.15)
        if (
            phrase.kind == "name"
            and (
                (
                    all(
                        t.folded == "the" or t.word.casefold().rstrip(".") in TITLES
                        for t in phrase.tokens
                    )
                    and not self._named_office(phrase)
                )
                or phrase.head.folded.endswith(MODIFIER_ENDINGS)
                or (  # "said the Frenchman", "the Spaniard added": a nationality, no name
                    nationality_noun(phrase.head.folded)
                    and all(t.folded == "the" or t is phrase.head for t in phrase.tokens)
                    and (phrase.tokens[0].folded == "the" or self._after_the(phrase))
                )
                or (_party_role(phrase) and self._after_the(phrase))
                or (  # "the GM added": a role's letters after "the" ("GM said" is a company)
                    len(phrase.tokens) == 1
                    and phrase.head.word.isupper()
                    and phrase.head.folded in _ROLE_KINDS
                    and self._after_the(phrase)
                )
                or (  # "the MPs said", "MEPs warned": people by their role's letters, unnamed
                    len(phrase.tokens) == 1
                    and len(phrase.head.word) > 2
                    and phrase.head.word.endswith("s")
                    and phrase.head.word[:-1].isupper()
                    and phrase.head.word[:-1].casefold() in TITLES
                )
            )
        ):
            # "The CEO said": a role, not a name; "White House-era" describes what follows
            phrase = Phrase(phrase.tokens, "nominal")
        if (
            phrase.kind in {"name", "owner"}
            and len(phrase.tokens) > 1
            and phrase.tokens[-1].word.casefold() in _PORTFOLIO_TITLES
        ) or (
            phrase.kind == "owner"
            and all(t.word.casefold().rstrip(".") in TITLES for t in phrase.tokens)
        ):  # ("The Premier's office said": a title's, not a name "Premier's")
            # "Health Minister's office said", "the Finance Minister": a title, not "Health";
            # its holder if the article named one so, else no one's name
            titled = self._titled_as(" ".join(t.word for t in phrase.tokens), at)
            if titled is not None:
                return _Attribution(titled, None, words, cue, confidence - 0.15)
            return _Attribution(None, None, words, cue, 0.3, authorless=True)
        if phrase.kind == "owner" or (phrase.kind == "name" and phrase.tokens[-1].possessive):
            owned = self._owned_role(phrase, at)  # "Guelph's mayor says": the mayor speaks
            if owned is not None:
                return _Attribution(owned, None, words, cue, confidence - 0.15)
            owner = self.entities.mention_at(phrase.tokens[-1].start, phrase.tokens[-1].end)
            if (
                owner is not None
                and owner.entity.kind == "place"
                and _NOUN_AFTER.match(self.text, phrase.tokens[-1].end)
            ):  # "Quebec's economy minister called", "Ontario's highest court": not Quebec
                return _Attribution(None, None, words, cue, 0.3, authorless=True)
        if (
            phrase.kind == "name"
            and (
                (len(phrase.tokens) == 1 and is_demonym(phrase.head.word))
                or _party_member_of_a_place(phrase)  # "the Kentucky Republican said"
            )
            and self._after_the(phrase)
        ):  # "the Australian said": the person the article gave that nationality, else no one
            national = (
                self._party_member(phrase.head.word, at)
                if len(phrase.tokens) > 1
                else self._of_nationality(phrase.head.word, at)
            )
            if national is not None:
                return _Attribution(national, None, words, cue, confidence - 0.2, described=True)
            in_view = self._salient_person(at)
            if in_view is not None:  # "Andy Roddick lost … “…,” said the American": him
                return _Attribution(in_view, None, words, cue, confidence - 0.3, described=True)
            return _Attribution(None, None, words, cue, 0.3, authorless=True)  # no name
        placed = self._person_of_place(phrase, at)
        if placed is not None:  # "the Alberta skip said", after "Alberta's Greg Haugen"
            return _Attribution(placed, None, words, cue, confidence - 0.15)
        if phrase.kind == "name" and self._dateline(phrase):
            return None  # "OTTAWA — A Liberal MP … saying": where, not who
        if (
            len(phrase.tokens) == 1
            and phrase.head.word.replace(".", "") in ERAS
            and re.search(r"\d\s*$", self.text[max(0, phrase.head.start - 8) : phrase.head.start])
        ):
            return None  # "as early as 500 BC saying": a date
        if phrase.kind in {"name", "owner"}:
            generation = self._of_generation(phrase)
            if generation is not None:  # "the elder Tavik said": the father, not the son
                return _Attribution(generation, None, words, cue, confidence - 0.1, described=True)
            mention = self.entities.mention_at(phrase.tokens[0].start, phrase.tokens[-1].end)
            if mention is not None:
                return _Attribution(mention.entity, None, words, cue, confidence)
            entity = self.entities.find(phrase.head.word)
            if entity is not None and entity.first > at:
                # "In a news release, Friesen said …" before Walter Friesen is named: the
                # company named after him, named already, not the man named later (held
                # against the ranker, which knows nothing of when a name was given)
                firm = self._firm_named_for(phrase.head.word, at)
                if firm is not None:
                    return _Attribution(firm, None, words, cue, confidence - 0.1, described=True)
            if entity is not None:
                return _Attribution(entity, None, words, cue, confidence - 0.05)
            after = self._person_after_description(phrase.tokens[-1].end)
            if after is not None:  # "said Grade 11 student Imani Haile"
                return _Attribution(after, None, words, cue, confidence - 0.1)
            headlined = self._headline_namesake(phrase)
            if headlined is not None:
                # "Jackson himself was more straightforward: “…”" under the headline "Lamar
                # Jackson and the NFL’s Quarterback Double Standard": the body's only Jackson
                return _Attribution(headlined, None, words, cue, confidence - 0.05, described=True)
            name = " ".join(
                t.word
                for t in phrase.tokens
                if t.folded not in {"the"} and t.word.casefold().rstrip(".") not in TITLES
            )
            if name.split(" ", 1)[0] in {"for", "of"}:
                # "Counsel for Everglory, Anson Tsoi Ka-lok SC, had argued": the office's
                # holder named beside it; else the office ("the Minister for Housing")
                apposed = _APPOSED_NAME.match(self.text, phrase.tokens[-1].end)
                holder = self._titled_person_at(apposed.end()) if apposed else None
                if holder is not None:
                    return _Attribution(holder, None, words, cue, confidence - 0.1)
                name = " ".join(t.word for t in phrase.tokens if t.folded != "the")
            if name.casefold() in ORG_WORDS:  # "the First Nation said", none named so: a
                return _Attribution(None, None, words, cue, 0.3, authorless=True)  # kind
            if self._crowd(phrase) or self._common_word(phrase):
                # "Teachers chanted “…”", "Supporters shouted", "Current airline pricing
                # practices, said the report, “…”": no one
                return _Attribution(None, None, words, cue, 0.3, authorless=True)
            if name and all(word.casefold() in NOT_NAMES for word in name.split()):
                return None  # "Tuesday’s motion adds": a day's words, no one's name
            return _Attribution(None, name or words, words, cue, confidence - 0.2)
        given = (
            _GAVE_NAME.match(self.text, phrase.tokens[-1].end) if phrase.kind == "nominal" else None
        )
        if given is not None:
            # "said a 58-year-old taxi driver who gave his name only as Mr. Hashmi", "said his
            # friend, who gave her name as Meenal", "a retired bus driver named …"
            mention = self.entities.mention_at(given.end("name") - 1, given.end("name"))
            if mention is not None and mention.entity.kind == "person":
                return _Attribution(mention.entity, None, words, cue, confidence - 0.1)
            return _Attribution(None, given.group("name"), words, cue, confidence - 0.2)
        fuller = self._fuller_description(phrase, at)
        if fuller is not None:
            return _Attribution(None, fuller, words, cue, confidence - 0.2)
        entity = self._nominal(phrase, at)
        if entity is not None and self._told_after(entity, at):
            # "The officer told Schoolcraft, “…”" of a story that called Schoolcraft an
            # officer: another officer, whom the story does not name
            return _Attribution(None, None, words, cue, 0.3, authorless=True)
        if (
            entity is None
            and phrase.head.folded in _ROLE_WORDS
            and (
                phrase.tokens[0].possessive
                or phrase.tokens[0].folded in {"the", "his", "her", "their"}  # "his son said"
            )
        ):
            # "Kyle's mother, Donna …"; "Her coach, Dirk Vermaelen, …" then "the Belgian-born
            # coach said"
            entity = self._named_beside(
                phrase.head.folded, at, owned=not phrase.tokens[0].possessive
            )
        if (
            entity is None
            and (len(phrase.tokens) == 2 or _team_qualified(phrase))
            and phrase.tokens[0].folded == "the"
            and phrase.head.folded in _ROLE_WORDS
            and phrase.head.folded not in _DOCUMENT_NOUNS | _SPEAKING_THINGS
            and not (phrase.head.folded.endswith("s") and phrase.head.folded[:-1] in _ROLE_WORDS)
            # "the council said", "the board said": a body, never the person just named
            and (phrase.head.folded not in ORG_NOUNS or _team_qualified(phrase))
        ):
            # "Amankona-Ferris … said he had enjoyed it. “…,” the striker told Sky Sports": a
            # role no one was given, right after a sentence whose subject is a person (not a
            # relative of someone's: "Her mother, Maria, has seen it. “…,” the author said")
            entity = self._subject_just_before(at) or self._speaker_just_before(
                at, phrase.head.folded
            )
            if entity is not None and _KIN_DESCRIPTION.match(entity.description):
                entity = None
            if entity is not None and self._named_after_in_sentence(entity, at):
                entity = None  # "“…,” the officer concluded, adding that Khaniche was …"
        if entity is not None:
            return _Attribution(entity, None, words, cue, confidence - 0.15)
        role = phrase.head
        if (
            phrase.tokens[0].folded == "the"
            and role.text.islower()
            and (
                (role.folded in TITLES and role.folded not in PERSON_NOUNS)
                or (role.folded in _EPITHET_WORDS and len(phrase.tokens) == 2)
            )
        ):
            # "The pop star said", "the left-hander said", no one so described: the person
            # the article is about (for an epithet, the one it names most).
            epithet = role.folded in _EPITHET_WORDS
            gender = "m" if role.folded in MALE else "f" if role.folded in FEMALE else ""
            person = self._main_person(at) if epithet else self._salient_person(at, gender)
            if person is not None and gender and person.gender not in {"", gender}:
                person = None  # "said the actor": not the woman the article named last
            if person is not None and _holds_another_office(person, role.folded):
                person = None  # "the president" is not "EPA Administrator Scott Pruitt"
            if person is not None:
                return _Attribution(person, None, words, cue, confidence - 0.3)
        if phrase.head.folded in _DOCUMENT_NOUNS:
            # A document speaks for its author: "his statement said", "the report" that "The
            # Pentagon released"; with no author named, it names no one.
            author = self._author(phrase, at)
            if author is not None:
                return _Attribution(author, None, words, cue, confidence - 0.25, described=True)
            named = self._unlisted_author(phrase, at)
            if named is not None:  # "Iberluz, the largest of the three, said in a statement"
                return _Attribution(None, named, words, cue, confidence - 0.3, described=True)
            return _Attribution(None, None, words, cue, 0.3, authorless=True)
        if (
            phrase.tokens[0].folded == "the"
            and len(phrase.tokens) >= 3
            and all(
                t.word.isalpha()
                and (t.word.islower() or (i < len(phrase.tokens) - 2 and is_place(t.word)))
                and not (t.possessive and (t.word in PERSON_NOUNS or t.word in TITLES))
                for i, t in enumerate(phrase.tokens[1:])
            )
            and _EPITHET_STOPS.isdisjoint(t.folded for t in phrase.tokens[1:-1])
            and (role.folded in PERSON_NOUNS or role.folded in TITLES)
            and role.folded not in ORG_NOUNS
            and role.folded not in self._unnamed
        ):
            # "the affable owner said", "the rookie defenceman said": an epithet for someone
            # the article named, not a new person (unsure: a suggestion to check)
            gender = "m" if role.folded in MALE else "f" if role.folded in FEMALE else ""
            person = self._salient_person(at, gender)
            if person is not None:
                return _Attribution(person, None, words, cue, min(confidence - 0.3, 0.7))
        if phrase.head.folded in PERSON_NOUNS:
            head = phrase.head.folded
            firm = self._firm_of_researchers(phrase)
            if firm is not None:  # "TD Securities analysts wrote in a note": the firm's
                return _Attribution(firm, None, words, cue, confidence - 0.2)
            if self._crowd(phrase):  # "the fans chanted “…”": a crowd, no one named
                return _Attribution(None, None, words, cue, 0.3, authorless=True)
            if phrase.tokens[0].folded == "the" and head in self._unnamed:
                return _Attribution(None, self._unnamed[head], words, cue, confidence - 0.3)
            self._unnamed.setdefault(head, words)
            return _Attribution(None, words, words, cue, confidence - 0.3)  # "one poster"
        if phrase.head.folded in ORG_NOUNS and phrase.tokens[0].folded in DETERMINERS:
            # "The company, which employs 2,200 people, said": none named fits, so the
            # company is the article's words for it, not a cue further on
            return _Attribution(None, words, words, cue, confidence - 0.3)
        return None

    def _surname_bearer(self, phrase: Phrase) -> Entity | None:
        """The person whose surname a lone title word is ("Doctor" of Ken Doctor, "Judge" of
        Amy Judge), when the article named them so; None otherwise."""
        if phrase.kind != "name" or len(phrase.tokens) != 1:
            return None
        word = phrase.head.word
        if word.casefold().rstrip(".") not in TITLES or not word[:1].isupper():
            return None
        entity = self.entities.find(word)
        if entity is None or entity.kind != "person" or " " not in entity.name:
            return None
        return entity if entity.surname.casefold() == word.casefold() else None

    def _issuer_of(self, phrase: Phrase) -> Entity | None:
        """The body or person a statement or document is from or by, named right after
        ("a statement from Alberta Health Services", "a letter by Doug Ford"), if the words
        are so."""
        issued = _issued_from(phrase.tokens) if phrase.kind == "nominal" else None
        return None if issued is None else self._source_after(phrase.tokens, issued)

    def _named_after_epithet(self, phrase: Phrase) -> Entity | None:
        """The person a phrase names after "a" or "an" and a word or two of how they were
        ("a skeptical Robert Wolfarth", "a smiling Mayor Ana Ruiz"): news copy's way of
        describing someone as they spoke, not someone unnamed."""
        tokens = phrase.tokens
        if len(tokens) < 3 or tokens[0].folded not in {"a", "an"}:
            return None
        lower = 1
        while lower < len(tokens) and lower <= 2 and tokens[lower].text.islower():
            lower += 1
        if lower == 1 or lower >= len(tokens) or not tokens[lower].capitalised:
            return None
        entity = self._titled_person_at(tokens[lower].start)
        if entity is None:
            return None
        mention = self.entities.mention_at(tokens[lower].start, tokens[-1].end)
        return entity if mention is not None and mention.entity is entity else None

    def _quoted_as_saying(self, verb: Token, cue: str) -> _Attribution | None:
        """The one an outlet "quoted … as saying" (after the quotation): "Arab News quoted
        Prince Saud as saying", "Reuters quoted him as saying"."""
        found = _QUOTED_AS_SAYING.match(self.text, verb.end)
        if found is None:
            return None
        who = found.group("who")
        if who.casefold() in PRONOUNS:  # "quoted him as saying": whom "he" would be
            entity, _ = self._pronoun_resolved(who.casefold(), verb.start)
            if entity is None or entity is UNNAMED:
                return None
            return _Attribution(entity, None, who, cue, 0.8)
        people = [
            m
            for m in self.entities.between(found.start("who"), found.end("who"))
            if m.entity.kind == "person"
        ]
        if not people:
            return None
        return _Attribution(people[-1].entity, None, people[-1].text, cue, 0.85)

    def _person_at(self, offset: int) -> Mention | None:
        """The mention of a person that starts at `offset`, if any."""
        mention = self.entities.mention_at(offset, offset + 1)
        if mention is None or mention.start != offset or mention.entity.kind != "person":
            return None
        return mention

    def _titled_person_at(self, at: int) -> Entity | None:
        """The person named at `at`, after any titles of theirs ("Senator Aubyn Hill",
        "Senator the Hon. Aubyn Hill") and the rest of an office's portfolio ("Minister of
        Industry, Investment and Commerce, Senator …"); None when another is named first."""
        for mention in self.entities.between(at, at + 120):
            if mention.entity.kind != "person":
                continue  # (a portfolio's words may read as a body: "Investment and Commerce")
            gap = self.text[at : mention.start].split()
            if all(_OFFICE_WORD.fullmatch(w) or w.casefold().rstrip(".") in TITLES for w in gap):
                return mention.entity
            return None
        return None

    def _dateline(self, phrase: Phrase) -> bool:
        """Whether a phrase in capitals opens its paragraph before a dash, a bracket or a
        comma: a dateline ("OTTAWA — …"), a place and not a speaker."""
        start = phrase.tokens[0].start
        return (
            all(t.word.isupper() for t in phrase.tokens if t.word.isalpha())
            and (start == 0 or self.text[start - 1] == "\n")
            and _DATELINE_AFTER.match(self.text, phrase.tokens[-1].end) is not None
        )

    def _person_of_place(self, phrase: Phrase, at: int) -> Entity | None:
        """For "the Alberta skip" (a place, then a role word): the person the article named
        as the place's ("Alberta's Greg Haugen") or with the place in their description, the
        nearest before `at`."""
        if phrase.kind == "nominal" and phrase.tokens[0].folded == "the":
            place = " ".join(t.word for t in phrase.tokens[1:-1]).casefold()
            role_word = phrase.head.folded
        elif phrase.kind == "name" and self._after_the(phrase):
            after = _LOWER_WORD_AFTER.match(self.text, phrase.tokens[-1].end)
            place, role_word = phrase.text.casefold(), after.group(1) if after else ""
        else:
            return None
        if not place or not is_place(place) or not _is_role(role_word):
            return None
        for mention in self.entities.before(at, kind="person", limit=6000):
            lead = self.text[max(0, mention.start - len(place) - 3) : mention.start].casefold()
            if lead.startswith(place) and lead[len(place) :] in {"'s ", "’s "}:
                return mention.entity
            if place in mention.entity.description.casefold().split():
                return mention.entity
        return None

    def _party_member(self, party: str, at: int) -> Entity | None:
        """The politician "the Kentucky Republican" means: the person before `at` the
        article gave that party, else the last one before its sentence it gave an office and
        no other party ("House Oversight Committee Chairman Jason Chaffetz"; not "the U.S.
        attorney, Channing D. Phillips", whom the sentence names in passing)."""
        member = self._of_nationality(party, at)
        if member is not None:
            return member
        party = _PARTY_OF.get(party.casefold(), party.casefold())
        sentence = self._sentence_start(at, 0)
        for mention in self.entities.before(at, kind="person", limit=6000):
            if mention.start >= sentence:
                continue  # ("In a letter to the U.S. attorney, …, the Utah Republican asks")
            described = {w.casefold().rstrip(".,") for w in mention.entity.description.split()}
            parties = {_PARTY_OF.get(w, w) for w in described if w in _PARTY_OF}
            if not described.isdisjoint(TITLES) and parties <= {party}:
                return mention.entity
        return None

    def _of_nationality(self, demonym: str, at: int) -> Entity | None:
        """The person before `at` the article gave a nationality: "Australia's Jade Corrin",
        "Australian Jade Corrin", or a description holding the word ("an Australian
        swimmer")."""
        stem = re.escape(demonym[: min(5, len(demonym) - 1)])
        pattern = re.compile(rf"\b{stem}\w*(?:[’']s)?\s+(?=[A-Z])")
        for found in reversed(list(pattern.finditer(self.text, max(0, at - 6000), at))):
            mention = self.entities.mention_at(found.end(), found.end() + 1)
            if (
                mention is not None
                and mention.start == found.end()
                and mention.entity.kind == "person"
            ):
                return mention.entity
        folded = demonym.casefold()
        for mention in self.entities.before(at, kind="person", limit=6000):
            if folded in mention.entity.description.casefold().split():
                return mention.entity
        return None

    def _of_generation(self, phrase: Phrase) -> Entity | None:
        """The person "the elder Tavik" or "the younger Kapoor" means, among the people who
        share that surname: the one the article made a parent ("His father, Elias Tavik,")
        or gave the greater age ("Elias Tavik, 74,"), or the child, the lesser age. None
        when the phrase is not so, or nothing tells the people apart."""
        last = phrase.tokens[-1]
        return self._of_generation_at(last.start, last.word)

    def _of_shared_surname(
        self, quote: Quotation, finding: QuoteFinding, attribution: _Attribution | None
    ) -> tuple[QuoteFinding, _Attribution | None]:
        """Which of the people sharing a surname "Morin said" means. The registry gives a
        shared surname to the one introduced first; but someone who died (“Kayla Morin …
        died at the scene”) says nothing after, unless the words are dated to their life:
        the surname is then the first living one's ("her mother, Denise Morin")."""
        entity = attribution.entity if attribution is not None else None
        if attribution is None or entity is None or entity.kind != "person":
            return finding, attribution
        surname = attribution.mention.removesuffix("’s").removesuffix("'s").casefold()
        if " " in surname or surname != entity.name.casefold().split()[-1]:
            return finding, attribution
        people = [
            e for e in self._people_by_surname.get(surname, []) if e.first < quote.outer.start
        ]
        if len(people) < 2:
            return finding, attribution
        called_inside = {
            id(m.entity)
            for m in self._mentions_in(quote.inner)
            if " " not in m.text.strip() and m.text.strip() == m.entity.name.split()[0]
        }  # by given name alone: how others, not they themselves, speak of someone
        named_inside = [e for e in people if id(e) in called_inside]
        if entity in named_inside and len(named_inside) < len(people):
            # "“Bobby called my dad …,” Jindal says": not the Jindal her words call Bobby
            other = next(e for e in people if e not in named_inside)
            changed = replace(attribution, entity=other)
            return replace(finding, speaker=other.name), changed
        introduced = self._just_introduced(people, quote, attribution.mention)
        if introduced in named_inside:
            introduced = None
        if introduced is not None and introduced is not entity and not self._said_long_ago(quote):
            # "Her father, Doug McAllister, confirmed it. “…,” McAllister said": the one of
            # them the paragraph before (or this one) has just named in full
            changed = replace(attribution, entity=introduced)
            return replace(finding, speaker=introduced.name), changed
        if not self._died(entity) or self._said_long_ago(quote):
            return finding, attribution
        living = [e for e in people if not self._died(e)]
        if not living:
            return finding, attribution
        chosen = living[0]
        changed = replace(attribution, entity=chosen)
        return replace(finding, speaker=chosen.name), changed

    def _surname_another_begins_with(
        self, quote: Quotation, finding: QuoteFinding, attribution: _Attribution | None
    ) -> QuoteFinding:
        """A surname that begins another person's name ("Yang said" of Liu Yang, beside
        Yang Mei, whose name is written surname first) may be either's: the suggestion is
        offered as uncertain, to check (it was Liu Yang's at 0.99)."""
        entity = attribution.entity if attribution is not None else None
        if attribution is None or entity is None or entity.kind != "person":
            return finding
        word = attribution.mention.removesuffix("’s").removesuffix("'s")
        if " " in word or word.casefold() != entity.name.casefold().split()[-1]:
            return finding
        others = [
            e
            for e in self.entities.people_first_named(word)
            if e is not entity and e.first < quote.outer.start and " " in e.name
        ]
        if not others or finding.confidence < CONFIDENT:
            return finding
        return replace(finding, confidence=min(finding.confidence, CONFIDENT - 0.05))

    def _just_introduced(
        self, people: list[Entity], quote: Quotation, surname: str
    ) -> Entity | None:
        """Of people sharing a surname, the one named in full last before the quotation's
        paragraph began quoting, if that full name stands in this paragraph or the one
        before, outside quotations; never one who died, nor for "the elder Sorensen"."""
        opening = self._paragraph_start(quote.outer.start)
        around = self.text[max(opening, quote.outer.start - 300) : quote.outer.end + 120]
        if re.search(rf"\b(?:elder|older|younger)\s+{re.escape(surname)}\b", around, re.I):
            return None
        first_quote = self.text.find("“", opening, quote.outer.start + 1)
        straight = self.text.find('"', opening, quote.outer.start + 1)
        limit = min(at for at in (first_quote, straight, quote.outer.start) if at >= 0)
        # "Clinton, 35, the daughter of Bill Clinton and Hillary Clinton, said": the names
        # after the surname standing alone describe the one it names
        alone = self._surname_alone(surname, opening, limit)
        limit = alone if alone is not None else limit
        latest: tuple[int, Entity] | None = None
        for person in people:
            if self._died(person):
                continue
            mentions = self._mentions_of.get(id(person), [])
            # the person's last full mention before the limit, read backwards (a long
            # article names its people hundreds of times)
            at = bisect_left(mentions, limit, key=lambda m: m.start)
            for mention in reversed(mentions[max(0, at - 50) : at]):
                if (
                    " " in mention.text
                    and not self._inside_quote(mention.start)
                    # (not "Fred Rogers of Mister Rogers' Neighborhood": a show's name)
                    and self.text[mention.end : mention.end + 1] not in {"'", "’"}
                ):
                    if latest is None or mention.start > latest[0]:
                        latest = (mention.start, person)
                    break
        if latest is None or latest[1].first < latest[0] - 1:
            return None  # named before that: not the one just introduced
        here = bisect_right(self._paragraph_starts, quote.outer.start) - 1
        there = bisect_right(self._paragraph_starts, latest[0]) - 1
        if here - there > 1 or (
            self._surname_alone(surname, self._paragraph_start(latest[0]), latest[0]) is not None
        ):
            return None  # (“Murphy's speech … a tribute to Anne Marie Murphy”: his paragraph)
        return latest[1]

    def _surname_alone(self, surname: str, start: int, end: int) -> int | None:
        """Where the surname first stands alone in `[start, end)`, not after a capitalised
        word (as in "Bill Clinton")."""
        pattern = re.compile(rf"(?<![\w’'-]){re.escape(surname)}\b", re.IGNORECASE)
        for word in pattern.finditer(self.text, start, end):
            if not _GIVEN_BEFORE.search(self.text, max(0, word.start() - 40), word.start()):
                return word.start()
        return None

    def _said_long_ago(self, quote: Quotation) -> bool:
        """Whether the words around a quotation, in its paragraph, date it to another time
        ("MacPhee told the Post in 2012", "she once said", "in a 2019 interview"): the dead
        speak there."""
        opening = self._paragraph_start(quote.outer.start)
        end = quote.outer.end
        stop = _SENTENCE_END.search(self.text, end, end + 200)
        return (
            _LONG_AGO.search(self.text, max(opening, quote.outer.start - 300), quote.outer.start)
            is not None
            or _LONG_AGO.search(self.text, end, stop.start() if stop else end + 200) is not None
        )

    def _died(self, entity: Entity) -> bool:
        """Whether the article says this person died ("Kayla Morin, 19, died at the scene")."""
        return any(
            _DIED_AFTER_NAME.match(self.text, mention.end)
            or _DIED_BEFORE_NAME.search(self.text, max(0, mention.start - 30), mention.start)
            for mention in self._mentions_of.get(id(entity), [])[:_MENTIONS_READ]
            if " " in mention.text
        )

    def _common_word(self, phrase: Phrase) -> bool:
        """One capitalised word, named nowhere, that opens its sentence and that the article
        writes in lower case elsewhere: a common word there ("Current airline pricing
        practices"), not a name."""
        if len(phrase.tokens) != 1:
            return False
        token = phrase.head
        if self._sentence_start(token.start, 0) != token.start:
            return False
        word = token.word.casefold()
        # (its singular too: "Polls show …" in a story of "a 1992 Louis Harris poll")
        return self._written_lower(word) or (
            len(word) > 3 and word.endswith("s") and self._written_lower(word[:-1])
        )

    def _written_lower(self, word: str) -> bool:
        """Whether the article writes `word` in lower case somewhere."""
        found = self._lower_words.get(word)
        if found is None:
            pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
            found = self._lower_words[word] = re.search(pattern, self.text) is not None
        return found

    def _firm_of_researchers(self, phrase: Phrase) -> Entity | None:
        """The body whose analysts, economists or strategists speak, named right before them
        or after "at", "from" or "with" ("TD Securities analysts wrote", "economists at
        Capital Economics said"): a firm's research note is the firm's, as a spokesperson's
        words are; None for other people ("Google engineers") or no body named."""
        tokens = phrase.tokens
        if tokens[-1].folded not in _RESEARCHERS or phrase.kind != "nominal":
            return None
        if len(tokens) >= 2:
            before = self.entities.mention_at(tokens[0].start, tokens[-2].end)
            if (
                before is not None
                and before.entity.kind == "org"
                and before.start <= tokens[0].start + 4  # ("the"/"a" may go before it)
                and before.end == tokens[-2].end
            ):
                return before.entity
        after = _AFFILIATION_AFTER.match(self.text, tokens[-1].end)
        if after is None or after.group(0).split()[0] not in {"at", "from", "with"}:
            return None
        body = self.entities.mention_at(after.end() - 1, after.end())
        return body.entity if body is not None and body.entity.kind == "org" else None

    def _crowd(self, phrase: Phrase) -> bool:
        """A plural for people and nothing else, bar an article, and of no body named after
        it: "Teachers chanted", "the fans shouted" (not "Analysts at Al Noor Capital")."""
        words = [t.folded for t in phrase.tokens if t.folded not in {"the", "some", "many"}]
        return (
            bool(words)
            and (len(words) == 1 or self._described_group(phrase))
            and words[-1].endswith("s")
            and words[-1][:-1] in PERSON_NOUNS
            and _AFFILIATION_AFTER.match(self.text, phrase.tokens[-1].end) is None
        )

    @staticmethod
    def _described_group(phrase: Phrase) -> bool:
        """A plural for people opening a sentence after words that only say which ones:
        "Aviation analysts called it", "Security experts said", "Former royal PR aides said"
        (a group the article does not name, whose capital made it read as a name; not
        "Smith's lawyers", whose owner is named, nor "their lawyers" or "one of the
        diplomats", words that carry on to the next quotation as they are)."""
        return (
            phrase.kind == "nominal"
            and phrase.tokens[0].capitalised
            and phrase.tokens[0].folded not in DETERMINERS
            and not any(t.possessive for t in phrase.tokens)
        )

    def _person_after_description(self, end: int) -> Entity | None:
        """The person named right after a capitalised word that is no one's name and a
        description ("Grade 11 student Imani Haile", "Local 1505 president Ana Ruiz")."""
        between = _DESCRIPTION_THEN_NAME.match(self.text, end)
        if between is None:
            return None
        mention = self.entities.mention_at(between.end(), between.end() + 1)
        if mention is None or mention.start != between.end() or mention.entity.kind != "person":
            return None
        return mention.entity

    def _owned_role(self, phrase: Phrase, at: int) -> Entity | None:
        """The person a place's or an organisation's role word names ("Guelph's mayor",
        "the city's police chief": "mayor" and "chief" as the article described someone),
        else None (the owner's own words, as "the company's statement", are not this)."""
        owner = self.entities.mention_at(phrase.tokens[0].start, phrase.tokens[-1].end)
        someones = owner is not None and owner.entity.kind == "person"  # "Kyle's mother"
        following = _ROLE_AFTER_OWNER.match(self.text, phrase.tokens[-1].end)
        if following is None:
            return None
        role = following.group(1).casefold()
        if role not in _ROLE_WORDS or role in STATEMENT_NOUNS:
            return None
        if someones:  # only as the article named her: "Kyle's mother, Donna O'Keefe,"
            found = self._named_beside(role, at)
            return found if found is not None and found.kind == "person" else None
        tokens = self.entities.tokens_in(following.start(1), following.end(1))
        if not tokens:
            return None
        found = self._nominal(Phrase(tuple(tokens), "nominal"), at) or self._named_beside(role, at)
        return found if found is not None and found.kind == "person" else None

    def _speaker_just_before(self, at: int, role: str) -> Entity | None:
        """The person whose quotation ended in the sentence before the one holding `at`,
        if a plain noun for a person (not an office) may describe them: "“…,” commented
        Abby. … / The expert said: “…”" (not "The woman paused" after a man's words, nor
        "the deputy mayor" after the mayor's)."""
        speaker = self.last_speaker.entity if self.last_speaker is not None else None
        index = bisect_right(self._sentence_starts, at) - 1
        if (
            speaker is None
            or speaker.kind != "person"
            or index < 1
            or role in TITLES
            or role in ORG_WORDS  # "the committee wrote": a body, not its chair
        ):
            return None
        sentence = self.structure.sentences[index - 1]
        if not sentence.start <= self._last_speech_end <= sentence.end:
            return None
        gender = "m" if role in MALE else "f" if role in FEMALE else ""
        if gender and speaker.gender != gender:
            return None
        return speaker

    def _named_office(self, phrase: Phrase) -> bool:
        """Whether the phrase's words are the whole name of an office the article names as
        a body ("said the Surgeon General": that office, not whoever was called "Attorney
        General" before)."""
        tokens = [t for t in phrase.tokens if t.folded != "the"]
        if not tokens:
            return False
        mention = self.entities.mention_at(tokens[0].start, tokens[-1].end)
        return (
            mention is not None
            and mention.entity.kind == "org"
            and mention.start <= tokens[0].start
            and mention.end >= tokens[-1].end
        )

    def _office_holder(self, phrase: Phrase, at: int) -> Entity | None:
        """The person an office in capitals stands for ("the Minister for Housing said",
        "the Tánaiste said"): the one named right after those words before ("The Minister
        for Housing, Clíodhna Ní Bhriain," / "Minister for Manpower Faizal Rahmat")."""
        if phrase.kind != "name":
            return None
        tokens = [t for t in phrase.tokens if t.folded != "the"]
        if not tokens or len(tokens) > 6 or tokens[-1].possessive:
            return None
        if len(tokens) == 1:
            if not (phrase.tokens[0].folded == "the" or self._after_the(phrase)) or (
                self.entities.mention_at(tokens[0].start, tokens[0].end)
            ):
                return None  # "Tánaiste said" alone, or a name: not an office
        elif not (
            tokens[0].word.casefold().rstrip(".") in TITLES and tokens[1].folded in {"of", "for"}
        ):
            return None
        return self._named_beside(" ".join(t.word for t in tokens), at)

    def _titled_as(self, title: str, at: int) -> Entity | None:
        """The person last named before `at` with that title in their description
        ("Finance Minister Chrystia Freeland" for "the Finance Minister's office")."""
        folded = title.casefold()
        for mention in self.entities.before(at, kind="person", limit=6000):
            if folded in mention.entity.description.casefold():
                return mention.entity
        return None

    def _author(self, phrase: Phrase, at: int) -> Entity | None:
        """Who wrote the document a phrase names: the owner its possessive pronoun stands for
        ("her statement"), a name among its words ("the IMF report"), else who the article
        said produced one, latest first: "a report released by Stanford University's
        Center", "The Pentagon released a report" (the sentence's last name before it)."""
        first = phrase.tokens[0].folded
        if first in {"his", "her", "its", "their"}:
            found = self._pronoun(first, at)
            return None if found is UNNAMED else found
        head_at = next(i for i, t in enumerate(phrase.tokens) if t is phrase.head)
        by = _AUTHOR_AFTER.match(self.text, phrase.head.end)
        if by is not None and not self._inside_quote(by.end()):
            # "The message from Fire Chief Dale Morrison was blunt: “…”": whom it is from
            # (titles before the name are no part of the name's mention: 30 characters)
            sender = next(
                (
                    m
                    for m in self.entities.between(by.end(), by.end() + 30)
                    if m.entity.kind in {"person", "org"}
                ),
                None,
            )
            if sender is not None and not _TO_BEFORE.search(
                self.text, phrase.head.end, sender.start
            ):
                return sender.entity
        for token in phrase.tokens[:head_at]:
            # (the words before its noun: not whom "a letter to the Ottawa Citizen" went to)
            if token.text[:1].isupper() and token.folded not in DETERMINERS:
                mention = self.entities.mention_at(token.start, token.end)
                if mention is not None and mention.entity.kind in {"person", "org"}:
                    return mention.entity
        if any(
            t.text[:1].isupper() and t.folded not in DETERMINERS and t.folded not in _CALENDAR
            for t in phrase.tokens[1:head_at]
        ):
            return None  # "a Toronto police news release": a body its words name, not another's
        head = phrase.head.folded
        before = min(at, phrase.tokens[0].start)
        window_start = max(0, before - 6000)
        # ("the news release" of "In a statement, …", and "the post" someone "posted")
        kin = "".join(rf"|{re.escape(word)}s?" for word in _DOCUMENT_KIN.get(head, ()))
        pattern = re.compile(rf"\b(?:{re.escape(head)}(?:s|e?d)?{kin})\b", re.IGNORECASE)
        for noun in reversed(list(pattern.finditer(self.text, window_start, before))):
            if self._inside_quote(noun.start()):
                continue
            by = _AUTHOR_AFTER.match(self.text, noun.end())
            if by:
                mention = self.entities.mention_at(by.end(), by.end() + 1)
                if mention is not None and mention.entity.kind in {"person", "org"}:
                    return mention.entity
            wrote = _PRONOUN_AUTHOR_AFTER.match(self.text, noun.end())
            if wrote:  # "A statement he wrote was read by the Crown": whom "he" stands for
                found = self._pronoun(wrote.group(1).casefold(), noun.start())
                if found is not None and found is not UNNAMED:
                    return found
            sentence = self._sentence_start(noun.start(), window_start)
            named = [
                m
                for m in self.entities.between(sentence, noun.start())
                if m.entity.kind in {"person", "org"} and not self._inside_quote(m.start)
            ]
            if named and self._owner_of_someone(named[-1]):
                return None  # "Haddad's mother wrote a statement": no one named wrote it
            subject = next((m for m in named if self._is_subject(m)), None)
            if subject is not None and self._names_after_speech(subject.end, noun.start(), named):
                subject = None  # "The Times said Cook provided a statement": Cook's
            if subject is not None or named:
                # "Grand Chief Leona Flett of the Northern Cree Chiefs Council issued a
                # statement": its subject, not the last name before the noun
                found = (subject or named[-1]).entity
                if head in _INSTITUTIONAL_DOCUMENTS and found.kind == "person":
                    # "the report" read back to a sentence about someone: a report named so
                    # is a body's, and its sentence's person is most often whom it is about
                    # (of nine so read on the studied sets, one was its author)
                    return None
                return found
            described = self._described_author(sentence)
            if described is not None:  # "The family-owned company confirmed it in a letter"
                return described
            # "In a news release, the Calgary Police Service said": the clause's subject after
            clause = re.match(r"[^.;:!?“”\"]{0,80}?,\s*", self.text[noun.end() : before])
            if clause and _IN_DOCUMENT.search(self.text, max(0, noun.start() - 40), noun.start()):
                opening = noun.end() + clause.end()
                opening += 4 if self.text.startswith("the ", opening) else 0
                role = _LOWER_ROLE.match(self.text, opening)
                if role is not None and not _ROLE_WORDS.isdisjoint(role.group().split()):
                    opening = role.end()  # "In a report, auditor general Priyanka Holt said"
                mention = self.entities.mention_at(opening, opening + 1)
                if (
                    mention is not None
                    and mention.start == opening
                    and mention.entity.kind in {"person", "org"}
                ):
                    owned = _OWNED_ROLE.match(self.text, mention.end)
                    if owned:  # "Maple Crest Manor's operator, Evergreen Senior Living Corp.,"
                        named_after = self.entities.mention_at(owned.end(), owned.end() + 1)
                        if named_after is not None and named_after.start == owned.end():
                            return named_after.entity
                    return mention.entity
                # "In a letter …, the school's principal, Hortense Desruisseaux-Kaur, wrote",
                # "In a statement, US Attorney for … Ohio Marcus Delafosse-Winfield said":
                # the first person named before the clause's speech verb
                for later in self.entities.between(opening, min(before, opening + 120)):
                    if _any_speech_verb(_WORD.findall(self.text[opening : later.start])):
                        break
                    appositive = later.entity.kind == "org" and self.text[
                        max(0, later.start - 2) : later.start
                    ] in {", ", ",\n"}  # "…, the team's ownership group, Bow River Sports"
                    if (later.entity.kind == "person" or appositive) and not self._inside_quote(
                        later.start
                    ):
                        return later.entity
        return None

    def _inside_a_name(self, quote: Quotation) -> bool:
        """A nickname a person's name holds (Shabnam “Shabs” Rizvi-Mendez): not speech."""
        mention = self.entities.mention_at(quote.outer.start, quote.outer.end)
        return (
            mention is not None
            and mention.entity.kind == "person"
            and mention.start < quote.outer.start
            and mention.end > quote.outer.end
        )

    def _names_after_speech(self, start: int, end: int, named: list[Mention]) -> bool:
        """Whether a speech verb between a subject's end (`start`) and a document's noun
        (`end`) makes someone else the document's author ("The Times said Cook provided a
        statement"); not after a relative clause when no one of `named` follows the verb
        ("The Horizon Health Network, which runs the Moncton Hospital, said in a
        statement": the network's statement)."""
        words = list(_WORD.finditer(self.text, start, end))
        relative = _RELATIVE_CLAUSE.match(self.text, start) is not None
        for index in range(len(words) - 1, -1, -1):
            previous = words[index - 1].group() if index else ""
            if is_speech_verb(words[index].group(), previous):
                return not relative or any(m.start >= words[index].end() for m in named)
        return False

    def _unlisted_author(self, phrase: Phrase, at: int) -> str | None:
        """The name opening the sentence that last mentioned the document, when it is the
        subject of a speech verb there but names no one the article listed ("Iberluz, the
        largest of the three, said in a statement"): that name, as words."""
        if phrase.tokens[0].folded != "the":
            return None
        before = min(at, phrase.tokens[0].start)
        pattern = re.compile(rf"\b{re.escape(phrase.head.folded)}\b", re.IGNORECASE)
        for noun in reversed(list(pattern.finditer(self.text, max(0, before - 1500), before))):
            if self._inside_quote(noun.start()):
                continue
            sentence = self._sentence_start(noun.start(), max(0, before - 1500))
            tokens = self.entities.tokens_in(sentence, noun.start())
            subject = sentence_subject(tokens) if tokens else None
            if (
                subject is None
                or subject.kind != "name"
                or subject.tokens[0].start != sentence
                or subject.tokens[-1].possessive  # "Haddad's mother wrote a statement"
                or not _SUBJECT_THEN_SPEECH.match(self.text, subject.tokens[-1].end, noun.start())
            ):
                return None
            return " ".join(t.word for t in subject.tokens)
        return None

    def _described_author(self, start: int) -> Entity | None:
        """The person or organisation the described subject of the sentence at `start`
        stands for, when it produced the document named in that sentence ("The department
        said in a statement", "The family-owned company confirmed the closure in a
        letter"). Worked out once per sentence, from its first words only (a document
        noun written a thousand times is asked about a thousand times)."""
        if start in self._sentence_authors:
            return self._sentence_authors[start]
        index = bisect_right(self._sentence_starts, start) - 1
        end = self.structure.sentences[index].end if index >= 0 else start
        tokens = self.entities.tokens_in(start, min(end, start + _SUBJECT_READ))
        phrase = sentence_subject(tokens) if tokens else None
        found = None
        if (
            phrase is not None
            and phrase.kind == "nominal"
            and phrase.head.folded not in _DOCUMENT_NOUNS
        ):
            entity = self._nominal(phrase, start)
            found = entity if entity is not None and entity.kind in {"person", "org"} else None
        self._sentence_authors[start] = found
        return found

    def _person_after_modifier(self, phrase: Phrase) -> Entity | None:
        """The person a name read as the subject only describes: "said Final Wars producer
        Shogo Tomiyama" is the producer's (the description before a name is the name's,
        whatever the words before the description are)."""
        if phrase.kind != "name":
            return None
        mention = self.entities.mention_at(phrase.tokens[0].start, phrase.tokens[-1].end)
        if mention is None or mention.end != phrase.tokens[-1].end:
            return None
        return self.entities.described_after(mention)
