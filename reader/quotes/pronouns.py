"""Whom "he", "she", "they" and "it" stand for, and who spoke just before a quotation.

`_Pronouns` resolves a pronoun at a quotation (`_pronoun_resolved`): the reporter of the
sentence before ("…, he said."), a spokesperson, the person just introduced, someone the
quotation's own words name, one of several people who share a surname or a family ("the
elder Mr. Strand", "his mother"), never someone named only inside a quotation.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from functools import cache, cached_property
from importlib.resources import files

from reader.core.text import Quotation, Span
from reader.quotes.article_context import _AGED_BEFORE_NAME, _WORD, _WORD_NEXT, _Attribution
from reader.quotes.cues import (
    is_speech_verb,
)
from reader.quotes.descriptions import (
    _DOCUMENT_NOUNS,
    _GENERIC_ORG_NOUNS,
    _KIN_INVERSE,
    _QUOTED_SENTENCES_READ_PAST,
    _SPOKESPEOPLE,
    UNNAMED,
    _any_speech_verb,
    _Descriptions,
    _news_agency,
)
from reader.quotes.lexicon import words
from reader.quotes.mentions import Entity, Mention, surname_of
from reader.quotes.name_registry import TITLES
from reader.quotes.name_words import PRONOUNS
from reader.quotes.names import LAST_WORD
from reader.quotes.phrases import (
    CLAUSE_OPENERS,
    ORG_NOUNS,
    PERSON_NOUNS,
    Phrase,
    sentence_subject,
)
from reader.quotes.places import is_demonym

# A description that ranks a sibling: "the elder brother", "her younger sister".
_ELDER_DESCRIBED = re.compile(r"\b(elder|older|eldest|oldest|younger|youngest)\b", re.IGNORECASE)
# "the elder Tavik", "the younger Mr. Strand": which of the people sharing a surname.
_GENERATION = re.compile(
    r"\b(?:[Tt]he\s+)(elder|older|younger)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$", re.IGNORECASE
)
_PARENT_WORDS = frozenset(
    {"father", "mother", "dad", "mom", "mum", "grandfather", "grandmother", "parent"}
)
# A speaker's own words for a parent or a child (quotations compared in lowercase words).
_MY_KIN = re.compile(
    r"\bmy (father|dad|mother|mom|mum|parents|son|daughter|sons|daughters|kids|children)\b"
)
_CHILD_WORDS = frozenset({"son", "daughter", "sons", "daughters", "kids", "children"})
_KIN_BEFORE = re.compile(
    r"\b(father|mother|dad|mom|mum|grandfather|grandmother|parent|son|daughter|grandson"
    r"|granddaughter|child)\b,?\s+(?:(?:mr|mrs|ms|dr)\.?\s+)?$"
)
_KIN_AFTER = re.compile(
    r"[^.!?“”\"]{0,120}[.!?]\s+(?:His|Her)\s+(father|mother|dad|mom|mum|son|daughter)\b"
)
_AGE_AFTER = re.compile(r",\s+(\d{1,3}),")
_MENTIONS_READ = 50  # a person's first mentions read for their age or kin (a bound on the work)
# A sentence that ends by crediting someone: "…, says registered dietitian ", "…, as noted
# by ", "…, according to " (then the name, which ends the sentence).
_CREDIT_BEFORE_NAME = re.compile(
    r"(?:\bas\s+(?P<verb>[a-z]+)(?:\s+by)?|,\s+(?!as\b)(?P<inverted>[a-z]+)(?:\s+by)?"
    r"|\baccording\s+to)\s+(?:[a-z][\w-]*\s+){0,4}(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?$"
)
_REPLY_AFTER_PRONOUN = re.compile(r"(?:he|she|He|She)\s+(?:replied|answered|responded)\b")
_KIN_LEAD = re.compile(r"(?:^|[.!?]\s+|\n)(His|Her) (\w+),\s+$")  # "His father, "
_TOPIC_SPAN = 3000  # characters over which "she" may still be the last speaker
# After a name: its relative clause of speech ("Staunton, 49, who told BBC News 24 …").
_WHO_SPOKE = re.compile(r"(?:,\s+\(?\d{1,3}\)?)?,\s+who\s+(?:also\s+|later\s+)?(?P<verb>[a-z]+)\b")
_FOR_A_BODY = re.compile(r"\s+(?:for|from|at|of)\s+(?:the\s+)?")  # "a spokesman for Ofcom"
# A body's name in capitals, "of" and "and" inside it: "Ofcom", "Department of Health".
_BODY_NAME = re.compile(r"[A-Z][\w&'’.-]*(?:[ ]+(?:(?:of|and|for|&)[ ]+)?[A-Z][\w&'’.-]*){0,5}")
# A word right before a name, its verb when a speech verb: "…, said Mr Flynn", "said Jo Ray,".
_INVERTED_VERB_BEFORE = re.compile(r"(?:^|[,;]\s+)(?P<verb>[a-z]+)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
# What a pronoun's candidate antecedent is scored on (`_antecedent_features`): how near it
# is, in mentions and in sentences (the quotation's own sentence, the one before, how many
# back); whether it is the nearest subject that agrees, a subject, a subject of one of those
# two sentences, named in the quotation, described, the article's main figure, an agent
# after "by", the last speaker, introduced in this paragraph or the last. Their weights are
# fitted on labelled news of many outlets (`python -m bench.train_antecedents` writes
# `data/antecedents.json`).
ANTECEDENT_FEATURES = (
    "rank",
    "latest_subject",
    "named_in_quotation",
    "described",
    "main_figure",
    "subject",
    "by_agent",
    "last_speaker",
    "introduced",
    "same_sentence",
    "sentence_before",
    "subject_of_those_sentences",
    "sentences_back",
    "possessor",
)


@cache
def antecedent_weights() -> tuple[float, ...]:
    """The weights of `ANTECEDENT_FEATURES`, from `data/antecedents.json`."""
    data = json.loads(
        files(__package__).joinpath("data", "antecedents.json").read_text(encoding="utf-8")
    )
    if tuple(data["features"]) != ANTECEDENT_FEATURES:
        raise RuntimeError(
            "data/antecedents.json weighs other features: retrain with "
            "`python -m bench.train_antecedents`"
        )
    return tuple(float(w) for w in data["weights"])


_POSSESSOR = re.compile(r"['’]s$|(?<=s)['’]$")  # the end of "Wenger's", "Jones’"


def _sentences_back(back: int, subject: bool) -> tuple[float, ...]:
    """The features of a candidate named `back` sentences before the quotation's."""
    return (
        float(back <= 0),
        float(back == 1),
        float(back <= 1 and subject),
        float(min(back, 5)),
    )


# What follows a quotation up to the end of its sentence or the next quotation mark: where a
# trailing reporting clause ("…,” the Tory leader said.") stands.
_UP_TO_A_STOP_OR_MARK = re.compile(r"[^.!?“”\"\n]*")


# A pronoun's reporting clause after what it reports, ending at a comma or the sentence's
# end: "…, he claimed, saying", "…,” she added." (not "When Blair arrived, he said the …").
_TRAILING_REPORTER = re.compile(
    r"(?<=[,”\"])\s+(?P<who>he|she)\s+(?P<verb>[a-z]+)(?:\s+(?:again|also|later))?\s*[,.;]"
)
_TRAILING_REPORTERS_READ_BACK = 3
_CLAUSE_BREAK = re.compile(r"[—–;:]|\s-\s")
_MODIFIER_USE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# A person's name, a comma, and a description of them up to the end of what was read ("Andrew
# Light, a senior fellow … under President "), no full stop nor closing comma between.
_DESCRIPTION_SO_FAR = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}), (?:a|an|the|who|whose|former|then)\b"
    r"[^.;:,“”\"]*$"
)
_IS_BEFORE = re.compile(r"\b(?:is|was)\s+(?:[\w-]+\s+){0,2}$")  # "Among them is Sister "
# A sentence that opens on a person's pronoun: "… three years ago. He learned to skate".
# A clause that opens on a person's pronoun: "Reached by phone, he said", "She smiled."
_CLAUSE_PRONOUN = {
    gender: re.compile(rf"(?:^|[.!?,]\s+){pronoun}\s+[a-z]", re.MULTILINE)
    for gender, pronoun in (("m", "[Hh]e"), ("f", "[Ss]he"))
}
_SUBJECT_PRONOUN = {
    gender: re.compile(rf"[.!?]\s+{pronoun}\s+[a-z]")
    for gender, pronoun in (("m", "He"), ("f", "She"))
}


def _a_title(words: list[str]) -> bool:
    """Whether capitalised words are a title, perhaps with its portfolio before it ("Health
    Minister", "Dr."): a title word last."""
    return (
        bool(words)
        and words[-1].casefold().rstrip(".") in TITLES
        and all(word[:1].isupper() for word in words)
    )


_QUESTIONING = words("questioning_verbs")  # "was asked, “…?”"; "X asked Y why …"


def _with_gender(entity: Entity, gender: str) -> Entity:
    if not entity.gender and gender in {"m", "f"}:
        entity.gender = gender
    return entity


# After a name, the passive of a question put to them ("Mr Johnson was asked why …").
_ASKED_AFTER = re.compile(r"\s+(?:was|is|were|had been|has been)\s+(?:also\s+|then\s+)?asked\b")


class _Pronouns(_Descriptions):
    """The finder's layer that resolves pronouns."""

    def _reporter_just_before(self, at: int, wanted: str) -> Entity | None:
        """The person named as the subject of a speech verb in the last sentence before the
        quotation `at` attributes, when that sentence opens the paragraph before the
        quotation's or its own: "And Hodgson claims “persuasive” Harrods owner Al Fayed will
        pay what it takes. / “The chairman is very supportive …,” he said" (not Al Fayed,
        named in what Hodgson claims)."""
        index = bisect_right(self._sentence_starts, at) - 1
        floor = index - _QUOTED_SENTENCES_READ_PAST
        while index >= max(0, floor) and self._opens_with_quotation_at(
            self.structure.sentences[index].start
        ):
            quoted = self.structure.sentences[index]
            if any(
                m.entity.kind == "person" and not self._inside_quote(m.start)
                for m in self.entities.between(quoted.start, min(quoted.end, at))
            ):
                return None  # "“…,” Glenn Maguire told AFP. “…,” he said": the one named there
            index -= 1
        if index < max(0, floor):
            return None
        sentence = self.structure.sentences[index]
        inverted = self._inverted_reporter(sentence.start, min(sentence.end, at), wanted)
        if inverted is not None and self._paragraph_start(sentence.start) == self._paragraph_start(
            at
        ):
            return inverted  # "Also, said Mr Flynn, Vodafone has cut off … “…,” he said"
        if self._paragraph_start(sentence.start) == self._paragraph_start(at):
            trailing = self._trailing_reporter(sentence.start, min(sentence.end, at), wanted)
            if trailing is not None:
                return trailing  # "And Tony Blair would lead it, he said. “…,” he promised"
        if sentence.start != self._paragraph_start(sentence.start):
            if self._paragraph_start(sentence.start) != self._paragraph_start(at):
                return None
            return self._reporter_in_relative_clause(sentence.start, min(sentence.end, at), wanted)
        toks = self.entities.tokens_in(sentence.start, min(sentence.end, at))
        phrase = sentence_subject(toks) if toks else None
        if phrase is None or phrase.kind != "name":
            return self._reporter_in_relative_clause(sentence.start, min(sentence.end, at), wanted)
        mention = self.entities.mention_at(phrase.tokens[0].start, phrase.tokens[-1].end)
        if (
            mention is None
            or mention.entity.kind != "person"
            or mention.entity.gender not in {"", wanted}
            or not self._speaks_next(mention)
        ):
            return None
        verb = _WORD.match(self.text, mention.end + 1)
        if verb is not None and verb.group().casefold() in _QUESTIONING:
            return None  # "Noseworthy asked Kearney why … “…,” she replied": the one asked
        return mention.entity

    def _spokesperson_for(self, phrase: Phrase) -> tuple[Entity | None, str, str] | None:
        """The body an unnamed spokesperson speaks for when the words after them name it
        ("a spokesman for Ofcom", "a spokesperson from Icstis", "the spokeswoman at the Home
        Office"): the body as the article named it (None when it did not, only there), its
        name, and the words that say so."""
        spokesperson = next((t for t in phrase.tokens if t.folded in _SPOKESPEOPLE), None)
        if phrase.kind != "nominal" or spokesperson is None:
            return None
        lead = _FOR_A_BODY.match(self.text, spokesperson.end)
        if lead is None:
            return None
        mention = self.entities.mention_at(lead.end(), lead.end() + 1)
        if mention is not None and mention.start == lead.end():
            if mention.entity.kind not in {"org", "person"}:
                return None
            # ("a spokesman for Michael Howard": his words, as a body's are its own)
            return (
                mention.entity,
                mention.entity.name,
                self.text[phrase.tokens[0].start : mention.end],
            )
        named = _BODY_NAME.match(self.text, lead.end())
        if named is None:
            return None
        titled = next(
            (
                m
                for m in self.entities.between(lead.end(), named.end())
                if m.entity.kind == "person" and _a_title(self.text[lead.end() : m.start].split())
            ),
            None,
        )
        if titled is not None:  # "a spokesperson for Health Minister Colleen Huizenga"
            return titled.entity, titled.entity.name, self.text[phrase.tokens[0].start : titled.end]
        name = named.group()
        if name.endswith(".") and name.count(".") == 1:
            name = name[:-1]  # the sentence's full stop ("for Ofcom."), not "U.S."'s
        noun = _WORD_NEXT.match(self.text, named.start() + len(name))
        if noun is not None and noun.group(1) in ORG_NOUNS:
            name = self.text[named.start() : noun.end()]  # "the Israeli military"
        elif is_demonym(name):
            return None  # "a spokesman for the Israeli delegation": no name of a body
        return None, name, self.text[phrase.tokens[0].start : named.start() + len(name)]

    def _spokesperson_just_before(self, at: int) -> Entity | None:
        """The body whose spokesperson, unnamed, is the subject of the sentence before the
        one holding `at` in its paragraph, when the words name a body the article named ("A
        spokeswoman for the Information Commissioner's Office said", "An Ofcom spokesman
        said"): the "she" or "he" of the quotation after it speaks for that body."""
        index = bisect_right(self._sentence_starts, at) - 1
        if index < 1:
            return None
        sentence = self.structure.sentences[index - 1]
        if self._paragraph_start(sentence.start) != self._paragraph_start(at):
            return None
        toks = self.entities.tokens_in(sentence.start, min(sentence.end, at))
        phrase = sentence_subject(toks) if toks else None
        if phrase is None or phrase.kind != "nominal" or phrase.head.folded not in _SPOKESPEOPLE:
            return None
        spoken_for = self._spokesperson_for(phrase)
        if spoken_for is not None:  # "A spokeswoman for the ICO": the body after the noun
            body, _, said_so = spoken_for
            end = phrase.tokens[0].start + len(said_so)
        else:  # "An Ofcom spokesman": the body before it
            body = next(
                (
                    m.entity
                    for m in self.entities.between(phrase.tokens[0].end, phrase.head.start)
                    if m.entity.kind == "org"
                ),
                None,
            )
            end = phrase.head.end
        verb = _WORD_NEXT.match(self.text, end)
        return body if verb is not None and is_speech_verb(verb.group(1), "he") else None

    def _inverted_reporter(self, start: int, end: int, wanted: str) -> Entity | None:
        """The one person a sentence reports after its speech verb ("…, said Mr Flynn.",
        "Also, said Mr Flynn, Vodafone has …"): the speaker of its indirect speech."""
        found = {
            id(m.entity): m.entity
            for m in self.entities.between(start, end)
            if m.entity.kind == "person"
            and m.entity.gender in {"", wanted}
            and (verb := _INVERTED_VERB_BEFORE.search(self.text, max(start, m.start - 24), m.start))
            and is_speech_verb(verb.group("verb"), "he")
            and self.text[m.end : m.end + 1] in {",", ".", ";"}  # ("said Trump continued …")
            and not self._inside_quote(m.start)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _reporter_in_relative_clause(self, start: int, end: int, wanted: str) -> Entity | None:
        """The one person a sentence says speaks in a relative clause ("a debut nomination
        for Staunton, 49, who told BBC News 24 she had not thought …"), when its subject is
        no name: the "she" of the quotation after it."""
        found = [
            m.entity
            for m in self.entities.between(start, end)
            if m.entity.kind == "person"
            and m.entity.gender in {"", wanted}
            and (clause := _WHO_SPOKE.match(self.text, m.end)) is not None
            and is_speech_verb(clause.group("verb"), "he")
        ]
        return found[0] if len(found) == 1 else None

    def _asked_before_reply(self, at: int, wanted: str) -> Entity | None:
        """For "she replied" (answered, responded): the person the question before it was put
        to ("a reporter asked Montoya-Lewis, “…?”"), named within the 400 characters before,
        outside quotations, whose gender agrees; None when the pronoun does not reply."""
        if _REPLY_AFTER_PRONOUN.search(self.text, max(0, at - 5), at + 14) is None:
            return None  # (`at` is the pronoun's, or its verb's, start)
        for mention in self.entities.before(at, kind="person", limit=400):
            if not self._inside_quote(mention.start) and _ASKED_AFTER.match(self.text, mention.end):
                # "Mr Johnson was asked why Mr Smith had been allowed to resign. He
                # replied": the one asked, not the one asked about
                entity = mention.entity
                return entity if entity.gender in {"", wanted} else None
        for mention in self.entities.before(at, kind="person", limit=400):
            if self._inside_quote(mention.start):
                continue
            verb = LAST_WORD.search(self.text, max(0, mention.start - 30), mention.start)
            if verb is None or verb.group(1).casefold() not in _QUESTIONING:
                return None  # (the nearest named is not the one asked)
            entity = mention.entity
            return entity if entity.gender in {"", wanted} else None
        return None

    def _credited_just_before(self, at: int, wanted: str) -> Entity | None:
        """The person the sentence right before the quotation `at` attributes ends by
        crediting, when the quotation opens the next sentence of the same paragraph: "…, as
        noted by registered dietitian Trista Best. “You will be …,” she told The List" (not
        the article's main figure, quoted before)."""
        index = bisect_right(self._sentence_starts, at) - 1
        if index < 1:
            return None
        here, before = self.structure.sentences[index], self.structure.sentences[index - 1]
        if self._paragraph_start(here.start) != self._paragraph_start(before.start):
            return None
        opening = self.text[here.start : here.start + 1]
        if opening not in {"“", '"'} or not self._opens_with_quotation_at(here.start):
            return None
        mention = self.entities.mention_at(max(before.start, before.end - 2), before.end)
        if mention is None or mention.entity.kind != "person" or self._inside_quote(mention.start):
            return None
        if self.text[mention.end : before.end].strip() not in {".", ":"}:
            return None  # (the name must end the sentence)
        credit = _CREDIT_BEFORE_NAME.search(
            self.text, max(before.start, mention.start - 80), mention.start
        )
        if credit is None or credit.end() != mention.start:
            return None
        verb = credit.group("verb") or credit.group("inverted")
        if verb is not None and not is_speech_verb(verb):
            return None
        gender = mention.entity.gender
        return mention.entity if gender in {"", wanted} else None

    def _opens_with_quotation_at(self, offset: int) -> bool:
        toks = self.entities.tokens_in(offset, offset + 2)
        return bool(toks) and self._opens_with_quotation(toks[0])

    def _kin_in_passing(self, mention: Mention, wanted: str) -> bool:
        """A relative named in passing as a sentence's subject, with no speech verb, when the
        pronoun sought is the owner's ("His father, Aurèle, nearly sold the farm then. “…,”
        he said": the topic stays the son's; not "His mother, Lorraine, left in tears. “…,”
        she said")."""
        lead = _KIN_LEAD.search(self.text, max(0, mention.start - 24), mention.start)
        if (
            lead is None
            or lead.group(2).casefold() not in _KIN_INVERSE
            or {"His": "m", "Her": "f"}[lead.group(1)] != wanted
        ):
            return False
        index = bisect_right(self._sentence_starts, mention.start) - 1
        sentence = self.structure.sentences[index]
        if self._paragraph_start(sentence.start) == sentence.start:
            return False  # "His son, Mathieu Gallienne, runs …" opening a paragraph: a new topic
        return not _any_speech_verb(_WORD.findall(self.text[sentence.start : sentence.end]))

    def _pronoun_sentence_between(self, wanted: str, start: int, end: int) -> bool:
        """Whether a sentence between two offsets, outside quotations, opens with the
        pronoun of the wanted gender ("She and her husband are hoping …")."""
        pronoun = {"m": "He", "f": "She"}.get(wanted)
        if pronoun is None or end - start > _TOPIC_SPAN:
            return False  # (a topic is carried a few paragraphs at most)
        return any(
            not self._inside_quote(found.start(1))
            for found in re.finditer(rf"(?:^|[.!?]\s+|\n)({pronoun})\b", self.text[start:end])
        )

    def _named_only_in_its_reports(
        self, wanted: str, start: int, end: int, speaker: Entity
    ) -> bool:
        """Whether the people named between two offsets, outside quotations, but `speaker`
        (in the cue of the words that end at `start`), are all named inside sentences that open with the pronoun of the wanted gender and a verb of
        speech ("He said the water operator, Tyler Sainnawap, has …"), at least one named."""
        pronoun = {"m": "He", "f": "She"}.get(wanted)
        if pronoun is None or end - start > _TOPIC_SPAN:
            return False
        reports: list[tuple[int, int]] = []
        for found in re.finditer(
            rf"(?:^|[.!?]\s+|\n)({pronoun})\s+(?:also\s+)?([a-z]+)\b", self.text[start:end]
        ):
            at = start + found.start(1)
            if self._inside_quote(at) or not is_speech_verb(found.group(2), ""):
                continue
            index = bisect_right(self._sentence_starts, at) - 1
            reports.append((start + found.end(2), self.structure.sentences[index].end))
        named = [
            m
            for m in self.entities.between(start, end)
            if m.entity.kind == "person"
            and m.entity is not speaker
            and not self._inside_quote(m.start)
        ]
        return bool(named) and all(
            any(low <= m.start < high for low, high in reports) for m in named
        )

    def _people_between(self, start: int, end: int) -> bool:
        """Whether a person is named between two offsets outside quotations."""
        return any(
            m.entity.kind == "person" and not self._inside_quote(m.start)
            for m in self.entities.between(start, end)
        )

    def _org_subject_before(self, at: int) -> Entity | None:
        """The organisation the latest sentence before `at` with a subject of its own opens
        with as a noun ("The ministry said in a statement …"): what a later "it said"
        stands for. None when that subject is a name (the mentions decide) or a person."""
        index = bisect_right(self._sentence_starts, at) - 1
        looked = 0
        while index >= 0 and looked < 3:
            sentence = self.structure.sentences[index]
            index -= 1
            toks = self.entities.tokens_in(sentence.start, min(sentence.end, at))
            if not toks or self._opens_with_quotation(toks[0]):
                continue  # a quotation opening the sentence: its speaker is after it
            looked += 1
            phrase = sentence_subject(toks)
            if phrase is None or phrase.kind == "pronoun":
                continue
            if (
                phrase.kind == "nominal"
                and phrase.tokens[0].folded == "the"
                and phrase.head.folded in ORG_NOUNS
                and phrase.head.folded not in _GENERIC_ORG_NOUNS
            ):
                return self._organisation(phrase, sentence.start)
            return None
        return None

    def _of_generation_at(self, start: int, word: str) -> Entity | None:
        """`_of_generation` for the surname `word` written at `start`."""
        said = _GENERATION.search(self.text, max(0, start - 30), start)
        if said is None:
            return None
        surname = word.removesuffix("’s").removesuffix("'s").casefold()
        people = self._people_by_surname.get(surname, [])
        if len(people) < 2:
            return None
        known = self._generations
        for person in people:
            if id(person) not in known:
                known[id(person)] = self._generation_evidence(person)
        ages = {id(e): known[id(e)] for e in people}
        if len(set(ages.values())) < 2:
            return None
        pick = max if said.group(1).casefold() in {"elder", "older"} else min
        chosen = pick(people, key=lambda e: ages[id(e)])
        rivals = [e for e in people if ages[id(e)] == ages[id(chosen)]]
        return chosen if len(rivals) == 1 else None

    def _of_surname_by_gender(self, mention: Mention, wanted: str, at: int) -> Entity | None:
        """For "he" or "she" whose candidate is a surname alone that people of both genders
        share, at a speech verb ("Tyler Okafor … his mother, Grace Okafor, … Okafor said her
        son loved hockey. “…,” she said"), the one of them named before `at` whose known
        gender is the pronoun's, when only one is; None otherwise (the surname's own entity
        stands: "Broaddrick said Clinton placed calls … “…,” she said" is Broaddrick's)."""
        entity = mention.entity
        if (
            wanted not in {"m", "f"}
            or entity.kind != "person"
            or " " in mention.text
            or entity.gender in {"", wanted}
        ):
            return None
        if not self._speaks_next(mention):
            return None
        surname = mention.text.removesuffix("’s").removesuffix("'s").casefold()
        people = [
            e
            for e in self._people_by_surname.get(surname, [])
            if e.first < at and e.gender == wanted
        ]
        return people[0] if len(people) == 1 else None

    @cached_property
    def _people_by_surname(self) -> dict[str, list[Entity]]:
        """The people of the article by the last word of their name (made once, if asked)."""
        found: dict[str, list[Entity]] = {}
        for entity in self.entities.entities:
            if entity.kind == "person" and entity.name:
                found.setdefault(entity.name.casefold().split()[-1], []).append(entity)
        return found

    @cached_property
    def _generations(self) -> dict[int, tuple[int, int]]:
        """`_generation_evidence` of each person asked about so far."""
        return {}

    @cached_property
    def _mentions_of(self) -> dict[int, list[Mention]]:
        """Each entity's mentions, in text order (made once, if asked)."""
        found: dict[int, list[Mention]] = {}
        for mention in self.entities.mentions:
            found.setdefault(id(mention.entity), []).append(mention)
        return found

    def _generation_evidence(self, entity: Entity) -> tuple[int, int]:
        """How old the article makes a person: a parent's word before a mention counts 1, a
        child's -1 ("His father, Elias Tavik"); then the age written after the name."""
        kin = 0
        age = 0
        for mention in self._mentions_of.get(id(entity), [])[:_MENTIONS_READ]:
            before = self.text[max(0, mention.start - 30) : mention.start].casefold()
            word = _KIN_BEFORE.search(before)
            if word is not None:
                kin = 1 if word.group(1) in _PARENT_WORDS else -1
            elif not kin:  # "… by Harald Strand. His son took over": whose son, so a parent
                after = _KIN_AFTER.match(self.text, mention.end)
                if after is not None:
                    kin = -1 if after.group(1) in _PARENT_WORDS else 1
            aged = _AGE_AFTER.match(self.text, mention.end) or _AGED_BEFORE_NAME.search(before)
            if aged is not None:
                age = int(aged.group(1))
        if not kin:  # "“My father used to drive …,” said Arjun Dhaliwal": his own words
            kin = self._kin_in_own_words(entity)
        if not kin:  # "Alain Girard, the elder brother,"
            rank = _ELDER_DESCRIBED.search(entity.description)
            if rank is not None:
                kin = (
                    1 if rank.group(1).casefold() in {"elder", "older", "eldest", "oldest"} else -1
                )
        return kin, age

    def _kin_in_own_words(self, entity: Entity) -> int:
        """-1 when the person's quotations so far speak of their parent ("my father"), 1 of
        their child ("my son is smarter than me"), 0 when of neither or both."""
        said = {
            1 if found.group(1) in _CHILD_WORDS else -1
            for text, attribution in self._spoken
            if attribution.entity is entity
            for found in _MY_KIN.finditer(text)
        }
        return next(iter(said)) if len(said) == 1 else 0

    def _owner_of_someone(self, mention: Mention) -> bool:
        """A possessive mention before a word for a person ("Ava’s mother", "Haddad's
        lawyer"): it names whose the person is, not who acts."""
        if not mention.text.endswith(("'s", "’s", "s'", "s’")):
            return False
        following = _WORD.match(self.text, mention.end + 1)
        return following is not None and following.group().casefold() in PERSON_NOUNS

    def _pronoun(self, pronoun: str, at: int) -> Entity | None:
        """The person (or organisation) a pronoun of attribution stands for (see
        `_pronoun_resolved`)."""
        return self._pronoun_resolved(pronoun, at)[0]

    def _named_later_in_sentence(self, at: int) -> frozenset[int]:
        """The people (by id) named between `at` (a pronoun's verb) and the quotation after
        it in the same sentence, outside quotations: "He says that Jenner was “nice to every
        person”" (a pronoun never stands for a name its own clause goes on to give: he is
        someone else)."""
        end = self._sentence_end(at)
        return frozenset(
            id(m.entity)
            for m in self.entities.between(at, min(end, self._quote_start, at + 400))
            if m.entity.kind == "person" and not self._inside_quote(m.start)
        )

    def _named_after_in_sentence(self, entity: Entity, at: int) -> bool:
        """Whether the sentence of the cue at `at` names `entity` after it, outside
        quotations: someone its speaker speaks of, not its speaker."""
        end = min(self._sentence_end(at), at + 400)
        return any(
            m.entity is entity and not self._inside_quote(m.start)
            for m in self.entities.between(at, end)
        )

    def _trailing_reporter(self, start: int, end: int, wanted: str) -> Entity | None:
        """Whom a sentence's own trailing reporting clause stands for ("And Tony Blair would
        be in the front line, he said."), when what it reports names someone: the reporter
        of that sentence reports on in the next ("“…,” he promised" is not Blair's)."""
        clause = None
        for match in _TRAILING_REPORTER.finditer(self.text, start, end):
            clause = match
        if (
            clause is None
            or self.text[clause.end() : end].strip(' "”’)')
            or PRONOUNS.get(clause.group("who")) != wanted
        ):
            return None
        at = clause.start("who")
        if at in self._trailing_reporters:
            return self._trailing_reporters[at]
        if self._trailing_depth >= _TRAILING_REPORTERS_READ_BACK:
            return None  # (a paragraph of a thousand "…, he said." is not read back to its start)
        self._trailing_reporters[at] = None  # (asked again while it is worked out: none)
        found: Entity | None = None
        if self._named_in_content_before(at):
            self._trailing_depth += 1
            try:
                entity, _ = self._pronoun_resolved(clause.group("who"), at)
            finally:
                self._trailing_depth -= 1
            found = entity if entity is not UNNAMED else None
        self._trailing_reporters[at] = found
        return found

    def _named_in_content_before(self, at: int) -> frozenset[int]:
        """The people (by id) its sentence names, outside quotations, before a pronoun's
        trailing reporting clause ("Mr Blair has failed to tackle these problems, he claimed,",
        "Mayor Tom Okafor has ignored the river, he said,"): what is reported is about them,
        and the one reporting it is someone else. Not an owner ("Kassab's next project, she
        said, is …" is hers). `at` is the pronoun, its verb or a participle after its
        clause."""
        found = self._content_named.get(at)
        if found is None:  # (asked by the rules and again for the ranker's candidates)
            found = self._content_named[at] = self._named_in_content_at(at)
        return found

    def _named_in_content_at(self, at: int) -> frozenset[int]:
        """`_named_in_content_before`, worked out."""
        clause = next(
            (
                found
                for found in _TRAILING_REPORTER.finditer(self.text, max(0, at - 30), at + 40)
                if found.start() <= at and not self.text[found.end() : at].strip()
            ),
            None,
        )  # (at the pronoun, or at the participle after its clause: "he claimed, saying")
        if clause is None or not is_speech_verb(clause.group("verb"), "he"):
            return frozenset()
        start = self._sentence_start(clause.start(), 0)
        opener = _WORD.match(self.text, start)
        if opener is not None and opener.group().casefold() in CLAUSE_OPENERS:
            # (a clause set before the main one: "When Blair arrived, he said")
            return frozenset()  # "Though Mariam does not know …, she says": Mariam's
        start = max(start, clause.start() - 400)  # (a bounded read, however long the sentence)
        named = [
            m
            for m in self.entities.between(start, clause.start())
            if m.entity.kind == "person" and not self._inside_quote(m.start)
        ]
        if not named or any(
            is_speech_verb(word.group(), "he")
            for word in _WORD.finditer(self.text, named[0].start, clause.start())
            if not self._inside_quote(word.start())
        ):
            # "Osborne said: “…,” he said", "Joe Biden weighed in, telling Mic …, “…,” he
            # said": the sentence names its reporter
            return frozenset()
        return frozenset(
            id(m.entity)
            for m in named
            if not m.text.endswith(("'s", "’s"))  # ("Kassab's next project, she said, is")
            and not _CLAUSE_BREAK.search(self.text, m.end, clause.start())
        )  # (not "Sondland has amended his testimony — “I now do recall,” he said")

    def _pronoun_resolved(self, pronoun: str, at: int) -> tuple[Entity | None, bool]:
        """The person (or organisation, for "it") a pronoun of attribution stands for, and
        whether the sentence just before described them (evidence the ranker keeps).

        Each earlier mention outside quotations is a candidate, nearest first; subjects of
        sentences, people introduced with a description and the last speaker are preferred,
        and a known gender must agree. The last speaker stays a candidate even when not
        named since ("her mother, Fiona, said … She added"). The subject of the sentence
        just before comes first when it describes someone ("Outside court, his lawyer said
        …"); `UNNAMED` when that someone was never named.
        """
        wanted = PRONOUNS[pronoun]
        speaker = self.last_speaker.entity if self.last_speaker else None
        kind = "org" if wanted in {"org", "plural"} else "person"
        later = (
            self._named_later_in_sentence(at) | self._named_in_content_before(at)
            if kind == "person"
            else frozenset()
        )
        if speaker is not None and id(speaker) in later:
            speaker = None
        if kind == "person":
            asked = self._asked_before_reply(at, wanted)
            if asked is not None:  # "a reporter asked Montoya-Lewis, “…?” / “…,” she replied"
                return asked, True
            described = self._described_subject(at, wanted)
            if described is UNNAMED:
                return UNNAMED, True  # "A neighbour said she …": hers, and no one's name
            if described is not None and described.gender in {"", wanted}:
                # "Outside court, his lawyer said … she said"
                return _with_gender(described, wanted), True
            if (
                speaker is not None
                and speaker.kind == "person"
                and speaker.gender == wanted
                and speaker not in self._quote_names
                and self._named_only_in_its_reports(wanted, self._last_speech_end, at, speaker)
            ):
                # "“…,” Okimaw-Gull said. / He said the water operator, Tyler Sainnawap,
                # works alone. / “Tyler is doing the work of three,” he said": the one named
                # was named in what "he" reported; "he" is still the last speaker
                return _with_gender(speaker, wanted), False
            introduced = self._introduced_just_before(at, wanted)
            if introduced is not None:
                return introduced, True
            body = self._spokesperson_just_before(at)
            if body is not None:  # "A spokeswoman for the ICO said … “…,” she said": the ICO
                return body, True
            credited = self._credited_just_before(at, wanted)
            if credited is not None:
                return _with_gender(credited, wanted), True
            reporter = self._reporter_just_before(at, wanted)
            if reporter is not None:
                return _with_gender(reporter, wanted), True
        elif wanted == "org":
            body = self._org_subject_before(at)
            if body is not None:  # "The ministry said in a statement … “…,” it said"
                return body, True
        candidates: list[tuple[Entity, bool, Mention | None]] = [
            (
                self._of_generation_at(m.start, m.text)  # "The younger Girard"
                or self._of_surname_by_gender(m, wanted, at)
                or m.entity,
                self._is_subject(m)
                and not self._kin_in_passing(m, wanted)
                and not self._reported_before_its_reporter(m),
                m,
            )
            for m in self.entities.before(at, kind=kind, limit=1500 if kind == "person" else 2500)
            if not self._inside_quote(m.start)
            and not (
                kind == "person" and _MODIFIER_USE.search(self.text, max(0, m.start - 5), m.start)
            )
            and not self._owner_of_someone(m)  # "Tracy Crowshoe, Ava’s mother, said she"
            and not (kind == "person" and self._inside_a_description(m))
            and not _news_agency(m.entity)  # "polled by Reuters … it said"
            and id(m.entity) not in later
        ]  # "the Cruise video" names no one who acts
        if (
            speaker is not None
            and speaker.kind == kind
            and all(entity is not speaker for entity, _, _ in candidates)
        ):
            candidates.insert(min(2, len(candidates)), (speaker, False, None))
        if (
            (
                kind == "person"
                and speaker is not None
                and speaker.gender in {"", wanted}
                and speaker not in self._quote_names
            )
            and candidates
            and candidates[0][0] is speaker
            and not self._object_of_another_subject(candidates, wanted)
        ):
            return _with_gender(speaker, wanted), False
        if (
            kind == "person"
            and speaker is not None
            and speaker.kind == "person"
            and speaker.gender == wanted
            and speaker not in self._quote_names
            and not any(m is not None and m.start > self._last_speech_end for _, _, m in candidates)
            and self._pronoun_sentence_between(wanted, self._last_speech_end, at)
            and not self._people_between(self._last_speech_end, at)
        ):
            # "“…,” she said. / She and her husband hope to have another child. / “…,” she
            # said": no one named since the last speaker spoke, the topic is still hers
            return _with_gender(speaker, wanted), False
        best: tuple[float, Entity] | None = None
        weights = antecedent_weights()
        for entity, values in self._antecedent_features(candidates, kind, wanted, speaker, at):
            score = sum(w * v for w, v in zip(weights, values, strict=True))
            if best is None or score > best[0]:
                best = (score, entity)
        if best is None:
            if kind != "person":
                return None, False
            found = self._headline_person(wanted) or self._introduced_after_lede(at, wanted)
            return found, False
        return (_with_gender(best[1], wanted) if kind == "person" else best[1]), False

    def _antecedent_features(
        self,
        candidates: list[tuple[Entity, bool, Mention | None]],
        kind: str,
        wanted: str,
        speaker: Entity | None,
        at: int,
    ) -> list[tuple[Entity, tuple[float, ...]]]:
        """Each candidate a pronoun may stand for (nearest first; none of the other gender,
        no relative named in passing) with the evidence `antecedent_weights()` weighs, by
        `ANTECEDENT_FEATURES`; also kept in `antecedent_trace` when one is asked for."""
        mentioned = Counter(id(entity) for entity, _, _ in candidates)
        found: list[tuple[Entity, tuple[float, ...]]] = []
        reference = min(at, self._quote_start) if self._quote_start > 0 else at
        here = bisect_right(self._sentence_starts, reference) - 1
        latest_subject = True  # the nearest subject that may be meant: the topic carried on
        for rank, (entity, subject, mention) in enumerate(candidates):
            if kind == "person" and entity.gender and entity.gender != wanted:
                continue
            if mention is not None and kind == "person" and self._kin_in_passing(mention, wanted):
                continue  # "His father, Aurèle, nearly sold the farm then. “…,” he said": the son's
            back = (
                here - (bisect_right(self._sentence_starts, mention.start) - 1)
                if mention is not None
                else 9
            )
            latest = subject and mention is not None and latest_subject
            if latest:
                latest_subject = False
            found.append(
                (
                    entity,
                    (
                        float(rank),
                        float(latest),
                        float(entity in self._quote_names),
                        # (not a description given later)
                        float(bool(entity.description) and entity.described_at < at),
                        min(2.0, 0.5 * (mentioned[id(entity)] - 1)),  # the main figure
                        float(subject),
                        # "the film, directed by Southan Morris": an agent, not the topic
                        float(
                            mention is not None
                            and self.text[max(0, mention.start - 3) : mention.start] == "by "
                        ),
                        float(entity is speaker),
                        # "For Kevin Allton, a USI instructor, … He said", in this paragraph
                        # or the one before: "Senator James Lankford, an Oklahoma
                        # Republican … / “…,” he said".
                        float(
                            mention is not None
                            and bool(entity.description or self._aged_at_first(entity))
                            and entity.first >= self._paragraph_start(self._paragraph_start(at) - 1)
                            and self._introduces(entity)
                        ),
                        *_sentences_back(back, subject),
                        # "Wenger's Bayern counterpart Felix Magath was …": the owner, in
                        # passing (not in the quotation's own sentence: "Paul Weber's next
                        # project, he said, is …")
                        float(
                            mention is not None
                            and back > 0
                            and _POSSESSOR.search(mention.text, len(mention.text) - 2) is not None
                        ),
                    ),
                )
            )
        if self.antecedent_trace is not None:
            self.antecedent_trace.append((self._quote_start, at, found))
        return found

    def _inside_a_description(self, mention: Mention) -> bool:
        """Whether a person's mention lies in the description set after another person's
        name ("said Andrew Light, a senior fellow … and former adviser to the climate envoy
        under President Obama", "the captain, who played beside Smith for years, said"):
        a name in passing, which a pronoun after it does not stand for."""
        start = max(self._sentence_start(mention.start, 0), mention.start - 200)
        described = _DESCRIPTION_SO_FAR.search(self.text, start, mention.start)
        if described is None:
            return False
        owner = self.entities.mention_at(described.start("name"), described.end("name"))
        return (
            owner is not None
            and owner.entity is not mention.entity
            and owner.entity.kind == "person"
            and owner.end == described.end("name")
        )

    def _reported_before_its_reporter(self, mention: Mention) -> bool:
        """Whether `mention` opens a sentence whose quotation a trailing clause gives to
        someone else: "Mr Brown's Budget was not about …, but “…,” the Tory leader said." is
        the Tory leader's sentence, and a "He" after it carries on the reporter, not Brown."""
        known = self._reported_mentions.get(mention.start)
        if known is not None:
            return known
        sentence_end = self._sentence_end(mention.start)
        found = self._reported_in(mention, sentence_end)
        if sentence_end <= self._quote_start:  # (its quotations all read: kept)
            self._reported_mentions[mention.start] = found
        return found

    def _reported_in(self, mention: Mention, sentence_end: int) -> bool:
        """`_reported_before_its_reporter`, worked out."""
        first = bisect_right(self._speech_positions, (mention.end,))
        # (the next three quotations at most: a bounded read, however many a sentence holds)
        for start, end, attribution in self._speech_positions[first : first + 3]:
            if start >= sentence_end:
                break
            if attribution.entity is None or attribution.entity is mention.entity:
                return False
            after = self.text[end : min(sentence_end, end + 80)]
            clause = _UP_TO_A_STOP_OR_MARK.match(after)
            words = _WORD.findall(clause.group() if clause else "")[:12]
            if any(
                is_speech_verb(word, words[i - 1] if i else "he") for i, word in enumerate(words)
            ):
                return True
        return False

    def _object_of_another_subject(
        self, candidates: list[tuple[Entity, bool, Mention | None]], wanted: str
    ) -> bool:
        """Whether the nearest mention before a pronoun is no subject, and another person
        of the pronoun's gender is the subject of its sentence: "Trump has sent mixed
        signals, blaming … even Ryan. On Monday, he said" is Trump's, though Ryan spoke last
        (a pronoun carries on a sentence's subject, not its object)."""
        nearest, nearest_subject, mention = candidates[0]
        if nearest_subject or mention is None:
            return False
        verb = LAST_WORD.search(self.text, max(0, mention.start - 30), mention.start)
        if verb is not None and verb.group(1).casefold() in _QUESTIONING:
            return False  # "Noseworthy asked Kearney why … “…,” she replied": the one asked
        sentence = self._sentence_start(mention.start, 0)
        for entity, subject, other in candidates[1:]:
            if other is None or other.start < sentence:
                return False
            if self.text[other.end : mention.start] in {" and ", " & "}:
                return False  # "Bull and Fox met …": both the subject
            if subject and entity is not nearest and entity.gender in {"", wanted}:
                return True
        return False

    def _introduced_after_lede(self, at: int, wanted: str) -> Entity | None:
        """For "he" or "she" before anyone is named (a feature opening on a quotation: "“You
        can see the line on the wall,” he says. / Réjean Hachey has lived …"), the person
        the next paragraph opens on, when their gender does not disagree."""
        if self.entities.nearest_before(at, kind="person", limit=at + 1):
            return None  # someone was named before: not an opening
        index = bisect_right(self._paragraph_starts, at)  # the paragraph after this one
        if index >= len(self.structure.paragraphs):
            return None
        following = self.structure.paragraphs[index]
        for mention in self.entities.between(following.start, following.end):
            if self._inside_quote(mention.start) or mention.entity.kind != "person":
                continue
            if mention.entity.gender in {"", wanted} and self._is_subject(mention):
                return _with_gender(mention.entity, wanted)
            return None  # the paragraph's first person is not its subject
        return None

    def _headline_namesake(self, phrase: Phrase) -> Entity | None:
        """The one person the headline names in full whose surname is the one word of
        `phrase`, a name the body gives no one else."""
        if phrase.kind != "name" or len(phrase.tokens) != 1:
            return None
        word = phrase.head.word.casefold()
        namesakes = [e for e in self._headline_people if surname_of(e.name) == word]
        return namesakes[0] if len(namesakes) == 1 else None

    def _introduced_just_before(self, at: int, wanted: str) -> Entity | None:
        """The person a paragraph of narrative without quotations makes its subject, when
        the paragraph right after it opens on the quotation `at` attributes: "Jolene
        Toutsaint enrolled her son … Now nearly three, he counts … / “…,” she said". Only
        when the paragraph opens on that person, whose known gender agrees, and names no one
        else who could be meant."""
        paragraphs = self.structure.paragraphs
        index = bisect_right(self._paragraph_starts, at) - 1
        if index < 1:
            return None
        here, before = paragraphs[index], paragraphs[index - 1]
        if self.text[here.start : here.start + 1] not in {"“", '"'} or at > here.start + 400:
            return None
        if any(
            m.entity.kind == "person" and not self._inside_quote(m.start)
            for m in self.entities.between(here.start, at)
        ):
            return None  # "“…,” Glenn Maguire told AFP. “…,” he said": the one named since
        body = self.text[before.start : before.end]
        if any(mark in body for mark in '“”"'):
            return None
        people = self._people_in(before)
        hopped = False
        if not people:
            # "Among those who will testify is Nguyen Van Long, who … / Reached by phone, he
            # said he understood … / “…,” he said": a paragraph that goes on about the one
            # the paragraph before it introduced, by the pronoun (which gives the gender)
            clause = _CLAUSE_PRONOUN.get(wanted)
            if index < 2 or clause is None or not clause.search(body):
                return None
            before = paragraphs[index - 2]
            body = self.text[before.start : before.end]
            if any(mark in body for mark in '“”"'):
                return None
            people, hopped = self._people_in(before), True
            if not people:
                return None
        named = people[0].entity
        rivals = [m for m in people if m.entity is not named and m.entity.gender in {"", wanted}]
        # ("The elder Dhaliwal confirmed it.": which of those sharing the surname is meant)
        first = self._of_generation_at(people[0].start, people[0].text) or named
        if rivals or first.gender not in {"", wanted} or self._kin_in_passing(people[0], wanted):
            return None
        first_seen = self._first_mentions.get(id(first))
        if (  # "Among them is Sister Jeanne Lavallée, 84, a Grey Nun who …": someone new
            (first.gender == wanted or hopped)
            and first_seen is not None
            and first_seen.start == people[0].start
            and _IS_BEFORE.search(
                self.text, max(before.start, people[0].start - 40), people[0].start
            )
        ):
            return first
        if people[0].start > before.start + 80:
            return None
        if self._is_subject(people[0]):  # the paragraph opens on them
            return first if first.gender == wanted or hopped else None
        if hopped:
            return None
        # "Ahmad Haidari, 11, is among the skaters. He learned to skate here. / “…,” he said":
        # the one person of a paragraph that goes on about them by the pronoun
        pronoun = _SUBJECT_PRONOUN.get(wanted)
        if pronoun is None or not pronoun.search(body, people[0].end - before.start):
            return None
        return self._of_generation_at(people[0].start, people[0].text) or first  # "The younger"

    def _people_in(self, paragraph: Span) -> list[Mention]:
        """The people a paragraph names, not "a Grey Nun" (words for what someone is)."""
        return [
            m
            for m in self.entities.between(paragraph.start, paragraph.end)
            if m.entity.kind == "person"
            and not _MODIFIER_USE.search(self.text, max(0, m.start - 5), m.start)
        ]

    def _only_one_before(self, attribution: _Attribution, quote: Quotation) -> bool:
        """Whether a pronoun's speaker ("“…,” she wrote") is the only person of the
        pronoun's gender the article names, outside quotations, in the quotation's paragraph
        and the one before, up to the quotation: no one else it could stand for (a woman
        named before "he said" is no other choice; someone of unknown gender is)."""
        entity = attribution.entity
        pronoun = attribution.mention.casefold()
        if entity is None or entity.kind != "person" or pronoun not in {"he", "she"}:
            return False
        wanted = "m" if pronoun == "he" else "f"
        if entity.gender not in {wanted, ""}:
            return False
        since = self._paragraph_start(self._paragraph_start(quote.outer.start) - 1)
        people = [
            m.entity
            for m in self.entities.between(since, quote.outer.start)
            if m.entity.kind == "person" and not self._inside_quote(m.start)
        ]
        return any(person is entity for person in people) and all(
            person is entity or person.gender not in {wanted, ""} for person in people
        )

    def _surname_shared(self, attribution: _Attribution) -> bool:
        """Whether the speaker was named by a word two people of the article answer to
        ("Pinsent-Strowbridge said" after Wanda and Corey Pinsent-Strowbridge): a choice
        between them, not a name to accept unread."""
        word = attribution.mention.split()[-1].removesuffix("’s").removesuffix("'s").strip(".,")
        return self.entities.shared_by_people(word)

    def _aged_at_first(self, entity: Entity) -> bool:
        """Whether the first mention of `entity` gives their age ("Grace Wanjiru, 34,", "the
        34-year-old Grace Wanjiru"): how news introduces a person it is about to quote."""
        first = self._first_mentions.get(id(entity))
        if first is None:
            return False
        before = self.text[max(0, first.start - 30) : first.start]
        return bool(_AGE_AFTER.match(self.text, first.end) or _AGED_BEFORE_NAME.search(before))

    def _introduces(self, entity: Entity) -> bool:
        """Whether the first mention of `entity` is the subject or topic of its sentence."""
        first = self._first_mentions.get(id(entity))
        if first is None:
            return False
        lead = self.text[max(0, first.start - 30) : first.start]
        return self._is_subject(first) or bool(
            re.search(
                r"(?:^|\n|[.!?][\"”’)]*\s+)(?:For|To|As for|According to)\s+(?:\S+\s+){0,4}$", lead
            )
        )

    def _fuller_description(self, phrase: Phrase, at: int) -> str | None:
        """ "The spokesman said" after "the prime minister's spokesman was asked": those words.

        Only for an unnamed speaker whose owner is not itself a named person or organisation
        (that case is the owner's, handled by `_nominal`).
        """
        if (
            phrase.tokens[0].folded != "the"
            or len(phrase.tokens) != 2
            or phrase.head.folded not in PERSON_NOUNS
            or phrase.head.folded in _DOCUMENT_NOUNS  # "the report": its author speaks
        ):
            return None
        pattern = re.compile(
            r"\b(?:the|a|an)\s+(?:[a-z][\w.-]*\s+){0,3}[a-z][\w.-]*['’]s\s+"
            + re.escape(phrase.head.folded)
            + r"\b"
        )
        window = self.text[max(0, at - 1500) : at]
        found = list(pattern.finditer(window))
        if not found:
            return None
        return found[-1].group(0)
