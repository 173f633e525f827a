"""Finding the noun phrase that speaks: the subject of a speech verb, by surface cues alone.

Given the tokens of a sentence and the position of a speech verb, these functions find who
the verb is about, the way a reader of news copy does:

- right before the verb, past adverbs and auxiliaries: "King said", "he also said",
  "a representative added", "Netanyahu strongly warned", "John Baird has asked";
- past an appositive set off by commas: "Jeff Rathke, the State Department spokesperson,
  said" (the clause's first name);
- the subject of the sentence, for a participle or a second verb: "One poster admitted …,
  writing", "Uber stepped in and tweeted", "On one Facebook page an unidentified poster …
  wrote";
- after an inverted verb: "said King", "said the agency", "said Mr. Reeves".

A phrase is a name (capitalised words), a pronoun, or a common-noun phrase ("one poster",
"the report's authors", "Cornyn's statement").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.quotes.cues import is_speech_verb
from reader.quotes.given_names import gender_of, is_given_name, person_gender
from reader.quotes.lexicon import words
from reader.quotes.mentions import Token
from reader.quotes.name_registry import ORG_WORDS, TITLES
from reader.quotes.name_words import (
    CONNECTORS,
    ENVOY_TITLES,
    GIVEN_NAMES_AS_WORDS,
    GROUP_PEOPLE,
    HONORIFICS,
    NOT_NAME_LEADS,
    NOT_NAMES,
    PRONOUNS,
)
from reader.quotes.names import rank_ordinal
from reader.quotes.places import COUNTRIES, is_demonym, is_place

ADVERBS = words("adverbs")
AUXILIARIES = words("auxiliaries")
DETERMINERS = words("determiners")
PREPOSITIONS = words("prepositions")
COMMON_VERBS = words("common_verbs")
# Nouns for people and groups that may speak unnamed: "one poster", "an unknown author".
PERSON_NOUNS = words("person_nouns")
_FRENCH_BODY_WORDS = words("french_body_words")  # "Conseil", "Fédération", "Sûreté", …
# Nouns for organisations: "the agency", "the city" stand for the organisation last named.
ORG_NOUNS = words("org_nouns")
# "Cornyn's statement added": the statement speaks for its owner.
STATEMENT_NOUNS = words("statement_nouns")
# What is sent to someone and speaks for its sender: "a statement to the Citizen".
_SENT_DOCUMENTS = words("documents") & STATEMENT_NOUNS | {"email", "emails", "note", "submission"}
_SUBJECT_NOUNS = PERSON_NOUNS | ORG_NOUNS


# Lowercase words inside names: "Luis de Miranda", "Vincent van Gogh", "Osama bin Laden".
_PARTICLES = words("surname_particles")


@dataclass(frozen=True)
class Phrase:
    """The words naming a speaker, and what kind of words they are.

    `alternatives`: other phrases of an appositive chain that may be the name ("The
    secretary general of CEI, Nunzio Galantino, has called").
    """

    tokens: tuple[Token, ...]
    kind: str  # "name", "pronoun", "nominal" or "owner" (a name's statement)
    alternatives: tuple[Phrase, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def head(self) -> Token:
        """The word the phrase is about: its last, but for a description whose noun a
        participle's phrase follows ("The union representing nurses": the union)."""
        if self.kind == "nominal":
            for at in range(1, len(self.tokens) - 1):
                if self.tokens[at].folded == "to" and self.tokens[at - 1].folded in _SENT_DOCUMENTS:
                    return self.tokens[at - 1]  # "the statement to the Citizen": the statement
                if at >= 2 and self.tokens[at].folded in _POSTMODIFYING_PARTICIPLES:
                    noun = self.tokens[at - 1]
                    if noun.text.isalpha() and noun.text.islower():
                        return noun
                    break
        return self.tokens[-1]


# Participles that open a phrase after the noun they describe: "the union representing
# nurses", "a group advocating for tenants", "the firm handling the sale".
_POSTMODIFYING_PARTICIPLES = frozenset(
    {
        "representing",
        "advocating",
        "lobbying",
        "opposing",
        "supporting",
        "seeking",
        "organizing",
        "organising",
        "overseeing",
        "investigating",
        "handling",
        "running",
        "operating",
        "owning",
        "behind",
    }
)


def ends_sentence(toks: Sequence[Token], index: int) -> bool:
    """Whether the token at `index` ends a sentence: a full stop, question or exclamation
    mark not followed by a closing bracket or a comma ("(D-Md.), chair", "Inc., said"), nor
    a full stop followed by a number or a word in lower case, as an abbreviation's is ("an
    Oct. 26 letter", "Sen. and Mrs.", "approx. two")."""
    return toks[index].text in {".", "?", "!"} and not (
        index + 1 < len(toks)
        and (
            toks[index + 1].text in {")", ","}
            or (toks[index].text == "." and toks[index + 1].text[:1].isdigit())
            or (toks[index].text == "." and toks[index + 1].text[:1].islower())
            or (  # the dots of "N.Y.", "D.C." (the tokens "N", ".", "Y", ".")
                len(toks[index + 1].text) == 1
                and toks[index + 1].text.isupper()
                and index + 2 < len(toks)
                and toks[index + 2].text == "."
            )
        )
    )


def _is_adverb(token: Token) -> bool:
    return token.folded in ADVERBS or (
        token.text.islower() and len(token.text) > 4 and token.text.endswith("ly")
    )


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})
_CONTRACTIONS = ("'s", "’s", "'d", "’d", "'ll", "’ll", "'ve", "’ve", "'re", "’re")


def _contracted_pronoun(token: Token) -> Token | None:
    """The pronoun of a contraction ("He’s", "she'd", "They've"), as a token of its own; None
    for any other word. Read as a name, "He’s claiming …" made "He" a speaker."""
    folded = token.folded
    for ending in _CONTRACTIONS:
        if folded.endswith(ending) and folded[: -len(ending)] in _SUBJECT_PRONOUNS:
            return Token(token.text[: -len(ending)], token.start)
    return None


# A pronoun with a verb joined to it ("We’re", "I’m", "It's"): never a word of a name ("“Meth.
# We’re on it” is rolling out … in which people say" had made "We’re" a speaker).
_PRONOUN_CONTRACTIONS = frozenset(
    pronoun + apostrophe + verb
    for pronoun in ("i", "we", "you", "he", "she", "it", "they")
    for apostrophe in ("'", "’")
    for verb in ("m", "re", "s", "d", "ll", "ve")
)


def _name_token(token: Token) -> bool:
    return (
        token.capitalised and token.text[:1].isalpha() and token.folded not in _PRONOUN_CONTRACTIONS
    )


def _given_name_as_word_before_name(toks: Sequence[Token], index: int) -> bool:
    """A word that is a given name too, before a name: "said Will Doyle", "said Mark Cuban"."""
    return (
        toks[index].folded in GIVEN_NAMES_AS_WORDS
        and index + 1 < len(toks)
        and _name_token(toks[index + 1])
        and toks[index + 1].folded not in NOT_NAMES
    )


def _verbish(token: Token) -> bool:
    return token.folded in COMMON_VERBS


def name_before(toks: Sequence[Token], end: int) -> Phrase | None:
    """The capitalised run ending at `end - 1` (with an owner's noun: "Cornyn's statement")."""
    index = end - 1
    if index < 0:
        return None
    if (
        toks[index].folded in STATEMENT_NOUNS
        and index > 0
        and toks[index - 1].possessive
        and _name_token(toks[index - 1])
    ):
        owner = name_before(toks, index)
        if owner is not None:
            return Phrase(owner.tokens, "owner")
    if not _name_token(toks[index]) or toks[index].folded in NOT_NAMES:
        return None
    first = index
    while first > 0 and index - first < 7:
        previous = toks[first - 1]
        if previous.possessive:
            break  # "Labour's Shadow Home Secretary Yvette Cooper": the owner is not the name
        if (
            _name_token(previous)
            or previous.folded in _PARTICLES
            or (previous.folded in CONNECTORS and first - 2 >= 0 and _name_token(toks[first - 2]))
        ):
            first -= 1
            continue
        break
    while first < index and toks[first].folded in {"of", "for", "and"}:
        first += 1
    while first < index and (
        (toks[first].folded in NOT_NAMES and toks[first].folded not in {"mr", "mrs", "ms", "dr"})
        or _participle(toks, first)
    ):
        first += 1
    if _participle(toks, first):
        return None  # "Assuming MPs agree": the opening participle names no one
    return Phrase(tuple(toks[first : index + 1]), "name")


def _participle(toks: Sequence[Token], index: int) -> bool:
    """A capitalised participle that opens its sentence ("Assuming", "Speaking")."""
    token = toks[index]
    folded = token.folded
    return (
        len(folded) > 5
        and folded.endswith(("ing", "ed"))
        and token.text[:1].isupper()
        and not is_given_name(folded)
        and (index == 0 or toks[index - 1].text in {".", "?", "!", "“", '"', ":"})
        and not (  # "United Food and Commercial Workers", "Concerned Citizens": a name
            index + 1 < len(toks) and toks[index + 1].text[:1].isupper()
        )
    )


_AGED_WORD = re.compile(r"\d{1,3}-year-old")


_COUNTS = frozenset({"one", "two", "three", "some", "several", "many", "another"})


def _partitive(toks: Sequence[Token], index: int) -> int | None:
    """Where "one of the employees" begins, when the token at `index` is the plural of a
    word for people after "one of (the/his/her/their)"; else None."""
    word = toks[index].folded
    if not (word.endswith("s") and toks[index].text.islower()):
        return None
    if word[:-1] not in PERSON_NOUNS and word.removesuffix("es") not in PERSON_NOUNS:
        return None
    at = index - 1
    if at >= 0 and toks[at].folded in {"the", "his", "her", "their", "its", "our"}:
        at -= 1
    if at >= 1 and toks[at].folded == "of" and toks[at - 1].folded in _COUNTS:
        return at - 1
    return None


def nominal_before(toks: Sequence[Token], end: int) -> Phrase | None:
    """A common-noun phrase ending at `end - 1`: "a representative", "the report's authors"."""
    index = end - 1
    if index > 0 and toks[index - 1].folded == "the" and _AGED_WORD.fullmatch(toks[index].folded):
        return Phrase(tuple(toks[index - 1 : index + 1]), "nominal")  # "the 38-year-old said"
    if index < 0 or not toks[index].text[:1].isalpha():
        return None
    head = toks[index]
    partitive = _partitive(toks, index)
    if partitive is not None:  # "one of the employees said": someone of them, unnamed
        return Phrase(tuple(toks[partitive : index + 1]), "nominal")
    role = head.text.islower() and head.folded in TITLES  # "the captain", "the rookie forward"
    if (
        head.folded not in PERSON_NOUNS
        and head.folded not in ORG_NOUNS
        and head.folded not in {"police", "authorities", "government"}
        and not role
    ):
        return None
    first = index
    while first > 0 and index - first < 5:
        previous = toks[first - 1]
        if (
            not previous.text[:1].isalpha()
            or previous.folded in PREPOSITIONS
            or (_verbish(previous) and not previous.capitalised)  # ("Alberta Health Services")
        ):
            break
        first -= 1
        if previous.folded in DETERMINERS:
            break
    if role and toks[first].folded not in DETERMINERS:
        return None  # a role alone ("chief", "host") may be a verb or a name's title
    return Phrase(tuple(toks[first : index + 1]), "nominal")


# Words before a name that make it the object of a preposition ("posted to Twitter", "seen by
# Sky News"), not the subject of the verb after it: not "as" and "with" ("as Reuters
# reported"), nor the conjunctions that open a clause ("while Cruz said", "after Trump spoke").
# What opens a relative clause set off from its noun: "Trump, who …", "Trump — who …" (also
# typed "--" or " - ").
_CLAUSE_OPENING_MARKS = frozenset({",", "—", "–", "-"})
_OBJECT_PREPOSITIONS = PREPOSITIONS - {"as", "with", "while", "after", "before", "since", "until"}
# Words after which a name is the subject of the participle that follows it: "despite figures
# like Jamie Dimon calling it a “fraud”", "including Jo Ng saying" (not "posted to X asking").
_PARTICIPLE_SUBJECT_LEADS = frozenset({"like", "despite", "including", "without"})


def subject_before(toks: Sequence[Token], verb: int) -> Phrase | None:
    """The subject of the verb at `verb`, looking left (see the module docstring)."""
    phrase = _subject_before(toks, verb)
    if phrase is None or phrase.kind == "nominal":
        return _named_before_an_unclosed_role(toks, verb) or _office_of(toks, verb) or phrase
    if phrase.kind != "name":
        return phrase
    return (
        _people_of(toks, phrase)
        or _envoy_to(toks, phrase)
        or _sent_to(toks, phrase)
        or _person_before_their_body(toks, phrase)
        or _person_of_a_body(phrase)
        or phrase
    )


def position_of(toks: Sequence[Token], token: Token) -> int | None:
    """Where `token` (the object itself) stands in `toks`, or None."""
    return next((i for i, t in enumerate(toks) if t is token), None)


def _full_person_name(phrase: Phrase | None) -> bool:
    """Whether a phrase is a person's full name: two words or more, a known given name
    first."""
    return (
        phrase is not None
        and phrase.kind == "name"
        and len(phrase.tokens) >= 2
        and is_given_name(phrase.tokens[0].folded)
    )


def _office_of(toks: Sequence[Token], verb: int) -> Phrase | None:
    """ "the office of Indigenous Services Minister Hélène Saint-Pierre said": the person
    whose office speaks, named right before the verb; None when the words before the verb
    are not so."""
    of = next(
        (
            i
            for i in range(verb - 2, max(0, verb - 10), -1)
            if toks[i].folded == "of" and toks[i - 1].folded == "office"
        ),
        None,
    )
    if of is None or (of >= 2 and toks[of - 2].possessive):
        return None  # (not "the premier's office of …")
    named = subject_after(toks, of + 1)
    if named is None or named.kind != "name" or named.tokens[-1] is not toks[verb - 1]:
        return None
    given = next((i for i, t in enumerate(named.tokens) if is_given_name(t.folded)), None)
    if given is None or len(named.tokens) - given < 2:
        return None
    return Phrase(named.tokens[given:], "name")  # (past "Health Minister")


def _person_of_a_body(name: Phrase) -> Phrase | None:
    """ "Nick Van den Brul of BNP Paribas said", read as one capitalised run: the person,
    a given name first (or a title before one), before "of" and the body they are of; None
    when the name is not so."""
    words = name.tokens
    joint = next((i for i, t in enumerate(words) if t.folded in {"of", "from", "at"}), None)
    if joint is None or joint < 2 or joint + 1 >= len(words):
        return None
    person = words[:joint]
    named = person[1:] if person[0].folded.rstrip(".") in TITLES else person
    if (
        len(named) < 2
        or not _starts_a_person(person, 0)
        or any(t.folded.rstrip(".") in TITLES or t.folded in ORG_WORDS for t in named)
    ):
        return None  # (not "the Roman Catholic Archbishop of Cardiff")
    return Phrase(tuple(person), "name")


def _named_before_an_unclosed_role(toks: Sequence[Token], verb: int) -> Phrase | None:
    """ "…, Alan Milburn, Labour's election strategist told Radio 4": the person a role
    describes, set off by a comma the writer did not close, is the verb's subject; None when
    the words before the verb back to a comma are not a role (a title or a word for a person
    last, no verb), or no person's name (a known given name first) set off by a comma or
    opening the sentence stands before that comma."""
    comma = next((i for i in range(verb - 1, max(-1, verb - 9), -1) if toks[i].text == ","), -1)
    role = toks[comma + 1 : verb]
    if (
        comma < 1
        or not role
        or (role[-1].folded not in TITLES and role[-1].folded not in PERSON_NOUNS)
        or any(_verbish(t) or not t.text[:1].isalnum() for t in role)
    ):
        return None
    person = name_before(toks, comma)
    if person is None or not _full_person_name(person):
        return None
    first = position_of(toks, person.tokens[0]) or 0
    set_off = first == 0 or toks[first - 1].text == "," or ends_sentence(toks, first - 1)
    return person if set_off else None


def _person_before_their_body(toks: Sequence[Token], name: Phrase) -> Phrase | None:
    """ "Jeff Joseph, from the Consumer Electronics Association told": the person the
    body follows, set off by a comma the writer did not close, not the body; None when no
    person's name (a known given name first) stands before ", from", ", of" or ", at"."""
    at = _word_before_name(toks, name)
    if at is None or at < 2 or toks[at].folded not in {"from", "of", "at"}:
        return None
    if toks[at - 1].text != ",":
        return None
    person = name_before(toks, at - 1)
    return person if _full_person_name(person) else None


def _word_before_name(toks: Sequence[Token], name: Phrase) -> int | None:
    """Where the word before a name stands, past a "the" ("from the Consumer Electronics
    Association": "from"), or None."""
    first = position_of(toks, name.tokens[0])
    if first is None:
        return None
    at = first - 1
    if at >= 0 and toks[at].folded == "the":
        at -= 1
    return at


def _with_its_determiner(toks: Sequence[Token], noun: int) -> int:
    """Where a noun's phrase starts: at its determiner or owner ("the statement", "China’s
    ambassador"), else at the noun."""
    if noun > 0 and (toks[noun - 1].folded in DETERMINERS or toks[noun - 1].possessive):
        return noun - 1
    return noun


def _envoy_to(toks: Sequence[Token], name: Phrase) -> Phrase | None:
    """ "China’s ambassador to Britain accused …": the envoy, unnamed (a description), not
    the country they are posted to; None when the name is not such a country."""
    words = name.tokens
    first = position_of(toks, words[0])
    if first is None or first < 2 or toks[first - 1].folded not in {"to", "in"}:
        return None
    noun = first - 2
    if toks[noun].folded.rstrip(".") not in ENVOY_TITLES or not toks[noun].text.islower():
        return None
    if " ".join(t.folded for t in words).removeprefix("the ") not in COUNTRIES:
        return None
    start = _with_its_determiner(toks, noun)  # "the ambassador", "China’s ambassador"
    return Phrase(tuple(toks[start:first]) + words, "nominal")


def _sent_to(toks: Sequence[Token], name: Phrase) -> Phrase | None:
    """ "the statement to the Ottawa Citizen said", "an email to CBC News read": the
    document (a description, its owner found as any document's), not whom it was sent to;
    None when the name is not after a document and "to"."""
    at = _word_before_name(toks, name)
    if at is None or at < 1 or toks[at].folded != "to":
        return None
    noun = at - 1
    if toks[noun].folded not in _SENT_DOCUMENTS or not toks[noun].text.islower():
        return None
    start = _with_its_determiner(toks, noun)  # "the statement", "his letter"
    first = at + 1 + (toks[at + 1].folded == "the")
    return Phrase(tuple(toks[start:first]) + name.tokens, "nominal")


def _people_of(toks: Sequence[Token], name: Phrase) -> Phrase | None:
    """ "lawyers for Gerald Pike", "Supporters of Gerald Pike": people someone has, not that
    someone (an unnamed description); None when the name is not theirs."""
    words = name.tokens
    if (
        len(words) >= 3
        and words[1].folded in {"of", "for"}
        and _people_noun(words[0])
        and words[0].folded not in GROUP_PEOPLE  # ("Friends of Canadian Media": its name)
    ):
        return Phrase(words, "nominal")  # read as one name: "Supporters of Gerald Pike"
    first = position_of(toks, words[0])
    if first is None or first < 2 or toks[first - 1].folded not in {"of", "for"}:
        return None
    noun = first - 2
    if not _people_noun(toks[noun]) or not toks[noun].text.islower():
        return None
    start = noun - 1 if noun > 0 and toks[noun - 1].folded in DETERMINERS else noun
    return Phrase(tuple(toks[start:first]) + words, "nominal")


def _people_noun(token: Token) -> bool:
    """A plural for people, not a title: "lawyers", "supporters", not "minister"."""
    folded = token.folded
    return (
        folded.endswith("s")
        and folded in PERSON_NOUNS
        and folded.rstrip(".") not in TITLES
        and folded.removesuffix("s") not in TITLES
    )


def _relative_antecedent(toks: Sequence[Token], join: int) -> Phrase | None:
    """Whom "who" stands for when the verb after "and" at `join` is the relative clause's:
    "…, Donald Trump, who invited him in June and said he was …" (not the sentence's
    subject); None unless the clause back to "who" has no comma and a name stands before it."""
    for earlier in range(join - 1, max(-1, join - 25), -1):
        token = toks[earlier]
        if token.text == ",":
            return None
        if token.folded == "who":
            if earlier < 2 or toks[earlier - 1].text != ",":
                return None
            named = name_before(toks, earlier - 1)
            return named if named is not None and named.kind == "name" else None
    return None


def _subject_before(toks: Sequence[Token], verb: int) -> Phrase | None:
    opening = next((i + 1 for i in range(verb - 1, -1, -1) if ends_sentence(toks, i)), 0)
    if opening:
        toks, verb = toks[opening:], verb - opening  # only the verb's own sentence
    if any(t.text == ")" for t in toks[:verb]):
        toks, verb = _without_brackets(toks, verb)
    index = verb - 1
    while index >= 0 and (_is_adverb(toks[index]) or toks[index].folded in AUXILIARIES):
        index -= 1
    if index < 0:
        return None
    last = toks[index]
    if last.text == ",":
        return _appositive_subject(toks, index)
    if last.folded in {"and", "but", "then"}:
        if last.folded == "and" and toks[verb].folded.endswith("ing"):
            # "Jamie Dimon calling it a “fraud” and saying …": the first participle's subject
            for earlier in range(index - 1, max(0, index - 12), -1):
                if toks[earlier].text.islower() and toks[earlier].folded.endswith("ing"):
                    shared = _subject_before(toks, earlier)
                    if shared is not None and shared.kind == "name":
                        return shared
                    break
        if last.folded == "and":
            antecedent = _relative_antecedent(toks, index)
            if antecedent is not None:
                return antecedent
        return sentence_subject(toks[:verb])
    if last.folded in PRONOUNS and last.folded not in {
        "his",
        "her",
        "its",
        "their",
        "him",
        "them",
        "hers",
    }:
        return Phrase((last,), "pronoun")
    contracted = _contracted_pronoun(last)
    if contracted is not None:
        return Phrase((contracted,), "pronoun")  # "He’s claiming that …"
    if (
        index >= 1
        and toks[index - 1].folded == "what"
        and last.text.isalpha()
        and last.text.islower()
        and last.folded not in DETERMINERS
        and last.folded not in PREPOSITIONS
        and last.folded not in AUXILIARIES
        and last.folded not in CONNECTORS
    ):
        return Phrase((last,), "nominal")  # "what planners call the …": planners, unnamed
    adjacent = name_before(toks, index + 1) or nominal_before(toks, index + 1)
    if adjacent is not None:
        opening = next(i for i in range(index, -1, -1) if toks[i] is adjacent.tokens[0])
        if _titled_description(toks, adjacent, opening):
            # "the Salford MP told", "the Labour MP said": someone so described, not a name
            return Phrase((toks[opening - 1], *adjacent.tokens), "nominal")
        if adjacent.kind == "name" and _where_published(toks, opening):
            # "The authors of the research published in the journal JAMA Psychiatry argued":
            # the journal is where the words appeared, not who says them
            return None
        owner = _person_of(toks, opening) or _unclosed_appositive(toks, opening)
        if owner is not None:
            return owner  # "James Pethokoukis of the American Enterprise Institute wrote"
        lead = opening - 1
        if adjacent.kind == "name" and lead >= 0 and toks[lead].possessive:
            # "in New York’s Jamaica Bay told": the preposition before the owner's name
            while lead >= 0 and (toks[lead].possessive or _name_token(toks[lead])):
                lead -= 1
            if lead < 0 or toks[lead].folded not in {"in", "at", "near", "outside"}:
                lead = opening - 1
        if (
            lead < 0
            or toks[lead].folded not in _OBJECT_PREPOSITIONS
            or adjacent.kind == "owner"
            or (
                toks[verb].folded.endswith("ing") and toks[lead].folded in _PARTICIPLE_SUBJECT_LEADS
            )
        ):
            return adjacent  # "one poster writing", "as Reuters reported", "King said",
            # "Rubio spoke, while Cruz said" (a conjunction's clause, not a preposition's object)
        # "posted to Twitter asking", "a letter seen by Sky News says": not the subject
    for position in range(verb - 1, max(1, verb - 16) - 1, -1):
        if (
            toks[position].folded in {"which", "who", "whom"}
            and toks[position - 1].text in _CLAUSE_OPENING_MARKS
        ):
            following = toks[position + 1] if position + 1 < verb else None
            if following is not None and (
                (_name_token(following) and following.folded not in NOT_NAMES)
                or following.folded in {"he", "she", "they", "we", "i"}
            ):
                inner = subject_after(toks, position + 1)
                if inner is not None and inner.kind in {"name", "pronoun"}:
                    return inner  # "Bannon, who Beck on Wednesday called": Beck
            # "Netanyahu's Likud party, which tried … by saying": what "which" stands for
            mark = position - 1
            while mark > 0 and toks[mark - 1].text == "-" and toks[mark].text == "-":
                mark -= 1  # "Trump -- who": the first of the two
            named = name_before(toks, mark)
            lead = toks.index(named.tokens[0]) - 1 if named is not None else -1
            if lead > 0 and toks[lead].folded in _PLACE_PREPOSITIONS:
                # "one actor from Bangkok, who asked …": the actor, not the place; "Sen. Mike
                # Lee of Utah, who said": the senator
                owner = name_before(toks, lead) or nominal_before(toks, lead)
                if owner is not None:
                    return owner
            return named or nominal_before(toks, mark) or sentence_subject(toks[:mark])
    return sentence_subject(toks[:verb])


def _titled_description(toks: Sequence[Token], name: Phrase, opening: int) -> bool:
    """Whether a capitalised run after "the" ends in a title written in capitals ("the
    Salford MP", "the Labour MEP"): a description, where "Jo Cox MP" is a name."""
    last = name.tokens[-1]
    return (
        name.kind == "name"
        and len(name.tokens) >= 2
        and opening >= 1
        and toks[opening - 1].folded == "the"
        and last.text.isupper()
        and last.folded in TITLES
        and not is_given_name(name.tokens[0].folded)
    )


# Prepositions of where someone is from or is: "an actor from Bangkok", "a nurse in Halifax".
_PLACE_PREPOSITIONS = frozenset({"from", "in", "of", "at", "near"})
# Words that open a verb's object: a lowercase word before one of them is a verb
# ("threw her support", "signed the bill"), so what holds them is a clause.
_OBJECT_WORDS = frozenset({"her", "his", "their", "its", "the", "a", "an", "him", "them", "it"})


_PUBLISHED = frozenset({"published", "appeared", "printed", "appearing", "publishes"})
_PERIODICALS = frozenset({"journal", "magazine", "newspaper", "periodical", "review"})


def _where_published(toks: Sequence[Token], opening: int) -> bool:
    """Whether the name opening at `opening` is where something was published: "published
    in (the journal) Nature", "in the journal JAMA Psychiatry"."""
    before = [t.folded for t in toks[max(0, opening - 4) : opening]]
    if before[-1:] and before[-1] in _PERIODICALS:
        return True
    while before and before[-1] in {"the", "a"}:
        before.pop()
    return len(before) >= 2 and before[-1] == "in" and before[-2] in _PUBLISHED


def _unclosed_appositive(toks: Sequence[Token], opening: int) -> Phrase | None:
    """ "Anthony Anton, president and CEO of Washington Restaurant Association stated": the
    name before a comma, when only a lowercase role stands between it and the organisation
    before the verb (the appositive's closing comma left out)."""
    at = opening - 1
    while at >= 0 and opening - at <= 6 and toks[at].text.isalpha() and toks[at].text.islower():
        at -= 1
    if at < 1 or at == opening - 1 or toks[at].text != ",":
        return None
    role = [t.folded for t in toks[at + 1 : opening]]
    if not any(w in TITLES or w in PERSON_NOUNS for w in role):
        return None
    organisation = []  # the name before the verb ("Washington Restaurant Association")
    for token in toks[opening : opening + 8]:
        if not (_name_token(token) or token.folded in {"of", "and", "the", "for"}):
            break
        organisation.append(token)
    if not any(t.folded in ORG_WORDS or t.folded == "of" for t in organisation):
        return None  # "…, former president Bill Clinton said": the name is the subject
    person = name_before(toks, at)
    if person is None or len(person.tokens) < 2 or person.kind != "name":
        return None
    return person


def _person_of(toks: Sequence[Token], opening: int) -> Phrase | None:
    """The person named before "of (the)" an organisation that opens at `opening`: "James
    Pethokoukis of the American Enterprise Institute", "Stu Rothenberg of the non-partisan
    Rothenberg Report" (a given name and a surname, so not "Bank of America")."""
    at = opening - 1
    while (
        at >= 0
        and (
            toks[at].folded in DETERMINERS
            or toks[at].text.islower()
            # "of the Native American advocacy group IllumiNative": a description's
            # capitalised words, before its noun in lower case
            or (toks[at].text[:1].isupper() and toks[at].text.isalpha() and opening - at <= 5)
        )
        and (toks[at].folded not in {"of", "at", "from"})
        and not _verbish(toks[at])
        and opening - at <= 6
    ):
        at -= 1  # "the", "the non-partisan"
    if at < 1 or toks[at].folded not in {"of", "at", "from"}:
        return None
    person = name_before(toks, at)
    if (
        person is None
        or not 2 <= len(person.tokens) <= 4
        or any(t.folded in ORG_WORDS or t.text.isupper() for t in person.tokens)
    ):
        return None  # "Federal Bureau of Investigation", "ACLU of Texas": one organisation
    return person


def _without_brackets(toks: Sequence[Token], verb: int) -> tuple[list[Token], int]:
    """The tokens without the short bracketed asides before the verb: "Sen. Elizabeth Warren
    (D-MA) said" reads as "Sen. Elizabeth Warren said"."""
    kept: list[Token] = []
    new_verb = verb
    index = 0
    while index < len(toks):
        if index < verb and toks[index].text == "(":
            close = next(
                (i for i in range(index + 1, min(verb, index + 10)) if toks[i].text == ")"), None
            )
            if close is not None:
                new_verb -= close + 1 - index
                index = close + 1
                continue
        kept.append(toks[index])
        index += 1
    return kept, new_verb


def _attribution_segment(segment: Sequence[Token]) -> Phrase | None:
    """The name of a segment that only attributes what comes before it ("Spicer said",
    "said Spicer", "she said"): who a participle after it ("…, adding") speaks for."""
    if len(segment) < 2 or len(segment) > 5:
        return None
    if is_speech_verb(segment[-1].text, segment[-2].text):
        named = segment[:-1]
    elif is_speech_verb(segment[0].text, ","):
        named = segment[1:]
    else:
        return None
    if len(named) == 1 and named[0].folded in {"he", "she", "they"}:
        return Phrase((named[0],), "pronoun")
    if all(_name_token(t) for t in named) and named[0].folded not in NOT_NAME_LEADS:
        return Phrase(tuple(named), "name")
    return None


# Participles whose agent ("by …") made or runs what they describe: "founded by", "run by".
_AGENT_PARTICIPLES = frozenset(
    {"founded", "co-founded", "owned", "run", "led", "created", "started", "headed"}
    | {"chaired", "operated", "backed", "funded", "managed", "established", "built"}
)


# Conjunctions that open a clause with a subject of its own after a comma ("…, but Milley,
# chairman of the Joint Chiefs, told").
_CLAUSE_CONJUNCTIONS = frozenset({"but", "while", "whereas", "yet", "though", "although"})


def _role_then_name(toks: Sequence[Token], at: int) -> bool:
    """Whether a role in lower case and a full name open `toks` at `at` ("former Gov.
    Jerry Brown praised"), a clause's subject."""
    first = toks[at]
    if not (first.text.isalpha() and first.text.islower()) or first.folded in DETERMINERS:
        return False
    if _verbish(first) or is_speech_verb(first.text):
        return False
    led = subject_after(toks, at)
    return led is not None and led.kind == "name" and len(led.tokens) >= 2


def _appositive_subject(toks: Sequence[Token], comma: int) -> Phrase | None:
    """ "Jeff Rathke, the State Department Spokesperson, said": the clause's first name."""
    opening = comma - 1
    bracketed = 0  # inside "(D-N.Y.)", reading leftwards
    while opening >= 0 and comma - opening < 40:
        text = toks[opening].text
        bracketed += (text == ")") - (text == "(")
        if bracketed > 0:
            opening -= 1
            continue
        straight = text == '"' and _closes_a_pair(toks, opening)
        if text == "”" or straight:  # a short title quoted in the clause: NBC’s “Today”
            opener = '"' if straight else "“"
            start = next(
                (i for i in range(opening - 1, max(-1, opening - 8), -1) if toks[i].text == opener),
                None,
            )
            partial = (  # "said they could “look their best” to represent the UK, adding"
                start is not None
                and start > 0
                and toks[start + 1].text[:1].islower()
                and toks[start - 1].text not in {",", ":", ";", "—"}
                and not ends_sentence(toks, start - 1)
            )
            if start is None or not (
                partial
                or all(
                    t.text[:1].isupper() for t in toks[start + 1 : opening] if t.text[:1].isalpha()
                )
            ):
                break  # someone's words: “He stands for the middle class,” Anderson said
            opening = start - 1
            continue
        if text in {";", ":", "“", '"'} or (
            text in {".", "?", "!"} and ends_sentence(toks, opening)
        ):
            break  # (not the dot of "(I-Vt.)" nor of "Sen.")
        opening -= 1
    clause = [t for t in toks[opening + 1 : comma] if t.text not in {"“", "”", '"'}]
    if any(t.text == ")" for t in clause):
        clause, _ = _without_brackets(clause, len(clause))  # "Rep. Hakeem Jeffries (D-N.Y.)"
    segments: list[list[Token]] = [[]]
    for token in clause:
        if token.text == ",":
            segments.append([])
        else:
            segments[-1].append(token)
    if len(segments) >= 2 and _introduces(segments[0]):
        # "Here in Columbia, Sanders stepped up …, saying", "At a rally in Ames, Iowa, on
        # Sunday, Mrs. Clinton tried …, saying": the introduction (its place and time) is
        # no subject.
        clause, segments = clause[len(segments[0]) + 1 :], segments[1:]
        while len(segments) >= 2 and (
            _introduces(segments[0])
            or _place_qualifier(segments[0])
            or _describes(segments[0])  # "Preceded by Joe Arpaio, the Arizona sheriff, Trump"
        ):
            clause, segments = clause[len(segments[0]) + 1 :], segments[1:]
    for at in range(len(segments) - 1, 0, -1):
        segment = segments[at]
        if (
            len(segment) >= 2
            and segment[0].folded in _CLAUSE_CONJUNCTIONS
            and (
                (_name_token(segment[1]) and segment[1].folded not in NOT_NAME_LEADS)
                or _role_then_name(segment, 1)
            )
        ):
            # "Trump has been eager to withdraw, but General Mark Milley, chairman of the
            # Joint Chiefs, told": a new clause opens on its own subject
            segments = [segment[1:], *segments[at + 1 :]]
            clause = [t for part in segments for t in part]
            break
    if len(segments) >= 2 and all(
        segment
        and (
            segment[0].folded in {"which", "who"}
            or (segment[0].folded in _AGENT_PARTICIPLES and any(t.folded == "by" for t in segment))
        )
        for segment in segments[1:]
    ):
        # "UFCW Canada, which represents 20,000 Northfield employees, said": what "which"
        # stands for, not a name inside the relative clause; "The family-owned firm, founded
        # in 1948 by Walter Hartley, said": the firm, not its founder
        clause, segments = segments[0], segments[:1]
        french = clause[1:] if clause and clause[0].folded == "the" else clause
        if len(french) >= 3 and french[0].folded in _FRENCH_BODY_WORDS and french[0].capitalised:
            # "The Conseil du patronat du Québec, which represents employers, said": a
            # Quebec body's name goes on in lower-case words
            return Phrase(tuple(french), "name")
    attributed = _attribution_segment(segments[-1]) if len(segments) >= 2 else None
    if attributed is not None:
        return attributed  # "Ryan and Trump will meet next week, Spicer said, adding": Spicer
    if len(segments) < 2:
        return sentence_subject(clause)  # "Emery retweeted the story, saying": the clause's subject
    lead = segments[0]
    opening_name = (
        subject_after(lead, 0)
        if lead
        and _name_token(lead[0])
        and lead[0].folded not in NOT_NAME_LEADS
        and not _participle(lead, 0)
        else None
    )
    if (
        opening_name is not None
        and opening_name.kind == "name"
        and not opening_name.tokens[-1].possessive
    ):
        rest = lead[len(opening_name.tokens) :]
        lowercase = [t for t in rest if t.text.isalpha() and t.text.islower()]
        if (
            len(lowercase) >= 2
            and lowercase[0].folded not in CONNECTORS | DETERMINERS
            and any(t.folded in _OBJECT_WORDS for t in lowercase[1:])
        ):
            # A clause, not a noun phrase: "Carly Fiorina threw her support behind Sen. Ted
            # Cruz Wednesday, saying": its subject, not its last name.
            return opening_name
    # A segment that is only a name may be the subject too: ", Nunzio Galantino, has called".
    names = tuple(
        Phrase(tuple(trailing), "name")
        for trailing in (_trailing_name(segment) for segment in segments[1:])
        if trailing
    )
    if names and (_owners_role(lead) or _role_for_body(lead)):
        return names[0]  # "Sanders's campaign manager, Jeff Weaver, said": not Sanders
    main = name_before(lead, len(lead)) or nominal_before(lead, len(lead)) or sentence_subject(lead)
    if main is not None and main.kind == "name":
        at = next((i for i, t in enumerate(lead) if t.start == main.tokens[0].start), 0)
        if (
            at >= 3
            and lead[at - 1].folded == "the"
            and lead[at - 2].folded in {"from", "of", "at"}
            and opening_name is not None
            and opening_name.kind == "name"
            and opening_name.tokens[-1] is lead[at - 3]
            and _starts_a_person(lead, 0)
        ):
            # "Chief Alvin Francis of the Nekaneet First Nation, one of the coalition's
            # members, said": the person, not the body they are of
            main = opening_name
        elif at >= 2 and lead[at - 1].folded in {"from", "in", "of", "at", "near"}:
            # "the 38-year-old software engineer from Boulder, Colorado, told CNN": the
            # place is where the speaker is from, the words before it are the speaker
            described = nominal_before(lead, at - 1)
            article = next(
                (i for i in range(at - 2, -1, -1) if lead[i].folded in {"the", "a", "an"}), None
            )
            if described is None and article is not None and at - 1 - article <= 5:
                words = lead[article + 1 : at - 1]
                if words and all(t.text[:1].islower() or t.text[:1].isdigit() for t in words):
                    described = Phrase(tuple(lead[article : at - 1]), "nominal")
            if described is not None:
                main = described
            elif (
                lead[at - 1].folded in {"in", "from", "at", "near"}
                and opening_name is not None
                and opening_name.kind == "name"
                and not opening_name.tokens[-1].possessive
                and opening_name.tokens[-1].start < lead[at - 1].start
            ):
                # "Wray Grimaldi of the University of Otago in Dunedin, New Zealand, said":
                # the place is where the clause's opening name works, not who speaks
                main = opening_name
    if main is None:
        return names[0] if names else None
    return Phrase(main.tokens, main.kind, names)


def _closes_a_pair(toks: Sequence[Token], at: int) -> bool:
    """Whether the straight mark at `at` closes a quotation (`"`, a word, then this mark):
    the words before it, back to the mark that opened it, are a phrase quoted in the clause
    ("sent Mr Bush his "warmest congratulations", saying"), read as the curly “…” are."""
    return (
        at > 0
        and toks[at - 1].text[:1].isalnum()
        and any(toks[i].text == '"' for i in range(at - 1, max(-1, at - 8), -1))
    )


def _trailing_name(segment: Sequence[Token]) -> list[Token]:
    """The name a segment in apposition gives: all of it ("Nunzio Galantino"), or its end
    after an article and lowercase words ("the Gannet Family Trust", "the Lagos-based
    literary editor Olamide Fasanya-Cole"); empty when it gives none."""
    if segment and all(_name_token(t) for t in segment):
        return list(segment) if len(segment) <= 4 else []
    if not segment:
        return []
    lead = 1 if segment[0].folded in {"the", "a", "an"} else 0
    start = len(segment)
    while start > 1 and _name_token(segment[start - 1]):
        start -= 1
    words = segment[lead:start]
    if start == len(segment) or len(segment) - start > 5:
        return []
    if not lead and not (
        words[-1].text.isalpha()
        and words[-1].text.islower()
        and (words[-1].folded in TITLES or words[-1].folded in PERSON_NOUNS)
    ):
        return []  # without an article, only a role: "Malian negotiator Aminata Traoré"
    if not all(
        (t.text[:1].islower() or "-" in t.text or is_demonym(t.text))
        and t.folded not in PREPOSITIONS
        and t.folded not in DETERMINERS
        for t in words
    ):
        return []  # "a spokeswoman for the Democratic National Convention": a role, no name
    return list(segment[start:])


def _role_for_body(segment: Sequence[Token]) -> bool:
    """Whether a segment is a role held for a body: "A spokesman for the campaign group
    Heritage Preservation UK", "the president of the Alberta Teachers' Association" (the
    name set off after it is who speaks, not the body)."""
    if len(segment) < 4 or segment[0].folded not in {"a", "an", "the"}:
        return False
    role = 1
    while role < len(segment) and segment[role].text.isalpha() and segment[role].text.islower():
        if segment[role].folded in {"for", "of", "at", "with"}:
            break
        role += 1
    return (
        1 < role < len(segment) - 1
        and segment[role].folded in {"for", "of", "at", "with"}
        and (segment[role - 1].folded in TITLES or segment[role - 1].folded in PERSON_NOUNS)
        and any(_name_token(t) for t in segment[role + 1 :])
    )


def _owners_role(segment: Sequence[Token]) -> bool:
    """Whether a segment is someone's role: an owner, then only lowercase words ("Sanders's
    campaign manager", "his chief of staff", "Rep. Duncan Hunter’s chief of staff"), or an
    organisation's name and a role ("the White House spokesman")."""
    owner = next(
        (
            i
            for i, t in enumerate(segment)
            if t.possessive
            or t.folded in _OWNER_PRONOUNS
            or (  # "Collins’ chief of staff": the mark is a token of its own
                t.text in {"’", "'"} and i and segment[i - 1].end == t.start
            )
        ),
        None,
    )
    if owner is None:  # "the White House spokesman": an organisation's role
        words = list(segment[1:] if segment and segment[0].folded in DETERMINERS else segment)
        named = 0
        while named < len(words) and _name_token(words[named]):
            named += 1
        role = words[named:]
        return (
            named > 0
            and bool(role)
            and all(t.text.isalpha() and t.text.islower() for t in role)
            and (role[-1].folded in TITLES or role[-1].folded in PERSON_NOUNS)
        )
    rest = segment[owner + 1 :]
    return bool(rest) and all(t.text.isalpha() and t.text.islower() for t in rest)


_OWNER_PRONOUNS = frozenset({"his", "her", "their", "its"})


_TIME_LEADS = frozenset({"earlier", "later", "last", "this", "next", "that", "late", "early"})
_TIME_NOUNS = frozenset(
    {"year", "week", "month", "day", "morning", "afternoon", "evening", "night", "weekend"}
    | {"spring", "summer", "fall", "autumn", "winter", "season", "decade", "time"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _introduces(lead: Sequence[Token]) -> bool:
    """Whether the words before a sentence's first comma introduce it rather than name its
    subject: a prepositional phrase ("In a statement", "At the rally"), one led by an
    adverb ("Here in Columbia", "Back in May", "Later") or by a participle ("Alarmed by
    the unrest in Nevada", "Speaking to reporters")."""
    if not lead:
        return False
    first = lead[0]
    if first.folded in PREPOSITIONS or _participle(lead, 0):  # "Alarmed by the unrest,"
        return True
    if len(lead) <= 4 and first.folded in _TIME_LEADS and lead[-1].folded in _TIME_NOUNS:
        return True  # "Earlier this year,", "Last week,", "Later Tuesday,"
    return (_is_adverb(first) or first.folded in {"here", "there", "back"}) and (
        len(lead) == 1 or lead[1].folded in PREPOSITIONS
    )


_ABBREVIATED_PLACE = re.compile(r"(?:[A-Z][a-z]{0,4}\.)+")


def _place_qualifier(segment: Sequence[Token]) -> bool:
    """Whether a segment between commas names only the region of the place before it
    ("Ames, Iowa,", "Portsmouth, N.H.,")."""
    text = " ".join(t.text for t in segment)
    return 0 < len(segment) <= 3 and (
        is_place(text) or _ABBREVIATED_PLACE.fullmatch("".join(t.text for t in segment)) is not None
    )


# Words that open a sentence on a phrase of time or place ending at a comma.
_OPENING_ADVERBS = frozenset(
    {
        "however",
        "but",
        "meanwhile",
        "still",
        "yet",
        "back",
        "later",
        "earlier",
        "afterward",
        "afterwards",
        "then",
        "now",
        "today",
        "elsewhere",
        "instead",
        "there",
        "here",
    }
)


# Adverbs of time that open a sentence without a comma before its subject ("Earlier Tory
# leader Michael Howard sent …", "Later she told reporters").
_UNPUNCTUATED_OPENERS = frozenset(
    {"earlier", "later", "meanwhile", "now", "yesterday", "today", "tonight", "separately"}
    | {"afterwards", "afterward", "then", "still", "also"}
)


def _describes(segment: Sequence[Token]) -> bool:
    """Whether a segment between commas is a description in apposition ("the Arizona
    sheriff", "a former candidate"), not a clause with a subject of its own."""
    return (
        bool(segment)
        and segment[0].folded in {"the", "a", "an"}
        and not any(_verbish(t) for t in segment)
        and not any(  # "the candidate thanked her mother": a noun, then its verb in -ed
            t.text.islower() and t.text.endswith("ed") and before.folded in _SUBJECT_NOUNS
            for before, t in pairwise(segment)
        )
    )


def _adverb_opening(token: Token) -> bool:
    """A sentence's first word that is an adverb in -ly ("Shortly", "Conversely"), not a
    name ("Kelly", "Beverly", "Connolly")."""
    folded = token.folded
    return (
        len(folded) > 5
        and folded.endswith("ly")
        and not folded.endswith(("lly", "elly", "ily"))
        and not is_given_name(folded)
        and not person_gender(token.word)
    )


_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def dateline_end(toks: Sequence[Token]) -> int:
    """Where the sentence starts after a wire dateline ("OTTAWA —", "KAMLOOPS, B.C. —",
    "Washington (AFP) –", "TORONTO (Reuters) -"), or 0 when it opens with none: a place in
    capitals, or a known place before a capital, with or without its agency in brackets,
    then a dash. (Not "Jane Doe — the minister — said": a name's aside.)"""
    dash = next((i for i, t in enumerate(toks[:9]) if t.text in _DATELINE_DASHES), 0)
    if not dash or dash + 1 >= len(toks):
        return 0
    lead = toks[:dash]
    agency = [t for t in lead if t.text in {"(", ")"}]
    if agency and [t.text for t in agency] != ["(", ")"]:
        return 0
    words = [t for t in lead if t.text not in {",", "(", ")"}]
    inside = (
        {id(t) for t in lead[lead.index(agency[0]) : lead.index(agency[1])]} if agency else set()
    )
    place_words = [t for t in words if id(t) not in inside]
    if not place_words or not all(t.text[:1].isupper() for t in words):
        return 0
    capitals = all(
        t.text.isupper() or (t.text.endswith(".") and len(t.text) <= 5) for t in place_words
    )
    place = " ".join(t.text for t in place_words).rstrip(".")
    if capitals and any(t.text.isupper() and len(t.text) >= 3 for t in place_words):
        return dash + 1
    if is_place(place) and toks[dash + 1].text[:1].isupper():
        return dash + 1  # "Washington (AFP) – Democrat Hillary Clinton …" (its brackets gone)
    return 0


_CLOCK_TIME = re.compile(r"\d{1,2}[.:]\d{2}")
# The time zones a live report's time stamp may name ("13.08 GMT"), read by both the
# sentence's subject and the attribution's `is_subject` (its pattern is built from them).
CLOCK_ZONES = ("gmt", "bst", "utc", "et", "est", "edt", "pt", "pst", "pdt", "cet", "cest", "hrs")
_CLOCK_SUFFIXES = frozenset({"am", "pm", "a.m", "p.m", *CLOCK_ZONES})


def _clock_time_end(toks: Sequence[Token]) -> int:
    """Where a live report's time stamp opening a sentence ends ("13.08 Tony Fernandes …",
    "10:32 a.m. ET: The mayor …"): the sentence starts after it; 0 when there is none."""
    if not toks:
        return 0
    if _CLOCK_TIME.fullmatch(toks[0].text):
        at = 1
    elif (
        len(toks) >= 3
        and toks[0].text.isdigit()
        and toks[1].text in {":", "."}
        and _CLOCK_TIME.fullmatch("".join(t.text for t in toks[:3]))
        and toks[1].start == toks[0].start + len(toks[0].text)
        and toks[2].start == toks[1].start + 1
    ):
        at = 3
    else:
        return 0
    while at < len(toks) and (toks[at].folded.strip(".") in _CLOCK_SUFFIXES | {"", "a", "p", "m"}):
        at += 1  # "a.m.", "GMT" (and the dots and letters the abbreviations are read as)
    if at < len(toks) and toks[at].text in {":", "-", "–", "—", "|"}:
        at += 1
    return at if at < len(toks) and toks[at].text[:1].isupper() else 0


def sentence_subject(toks: Sequence[Token]) -> Phrase | None:
    """The subject of a sentence (or clause): past an introductory phrase, up to its verb."""
    phrase = _sentence_subject(toks)
    if phrase is None or phrase.kind != "name":
        return phrase
    return _people_of(toks, phrase) or phrase


def _long_participle_opening(toks: Sequence[Token]) -> bool:
    """Whether the sentence opens on a participle in "-ing" then a word in lower case, and a
    comma closes the phrase within 48 words, before the sentence's last word ("Issuing point
    by point rebuttal …, the couple insisted")."""
    if len(toks) < 4 or not toks[1].text.islower() or toks[1].folded in PREPOSITIONS:
        return False  # ("Speaking on …": the ways above read those)
    if _verbish(toks[1]) or is_speech_verb(toks[1].text):
        return False  # "Manning said, …", "Harding was …": a name, then its verb
    lead = toks[0]
    if not (lead.text[:1].isupper() and len(lead.folded) >= 6 and lead.folded.endswith("ing")):
        return False
    return any(t.text == "," for t in toks[2 : min(48, len(toks) - 1)])


def _past_participle_phrase(toks: Sequence[Token]) -> int:
    """Where the subject starts after a participle's phrase that no comma closes ("Speaking
    on Morning Ireland he bypassed the question"): at the first "he", "she", "they", "we" or
    "I", or a courtesy title before a name ("Speaking in Harrogate Mr Kennedy said"), if no
    verb comes before it ("Fleming on Monday said he …": a name, then its verb); 0
    otherwise."""
    lead = toks[0] if toks else None
    if (
        lead is None
        or len(toks) < 4
        or not lead.text[:1].isupper()
        or len(lead.folded) <= 5
        or not lead.folded.endswith("ing")
        or not toks[1].text.islower()
        or toks[1].folded not in PREPOSITIONS
        or toks[1].folded == "of"
    ):
        return 0
    for index in range(2, min(len(toks), 12)):
        token = toks[index]
        if token.folded in {"he", "she", "they", "we", "i"}:
            return index
        if (
            token.folded.rstrip(".") in HONORIFICS
            and token.text[:1].isupper()
            and index + 1 < len(toks)
            and toks[index + 1].text[:1].isupper()
        ):
            return index
        if token.text.islower() and (
            token.folded.endswith("ed") or token.folded in AUXILIARIES or is_speech_verb(token.text)
        ):
            return 0
    return 0


# Words before a role that open a sentence capitalised: "Former New York City Mayor Michael
# Bloomberg endorsed …" (as "former Gov. Jerry Brown" does in lower case).
_ROLE_LEADS = frozenset({"former", "then", "late", "retired", "outgoing", "longtime", "veteran"})


def _sentence_subject(toks: Sequence[Token]) -> Phrase | None:
    dateline = dateline_end(toks) or _clock_time_end(toks)
    if dateline:
        toks = toks[dateline:]
    start = 0
    # An introduction ending in a comma: "In a statement, ", "Discussing his concern, ",
    # "Asked about the goal, ".
    for index, token in enumerate(toks[:16]):
        if token.text == "," and index < len(toks) - 1:
            lead = toks[0]
            if (
                _introduces(toks[:index])
                or lead.text.endswith("ing")
                or (lead.text.endswith("ed") and index >= 2 and toks[1].text.islower())
                or lead.folded in _OPENING_ADVERBS  # "Back on the lawn, …", "Later, …"
                or _adverb_opening(lead)  # "Shortly after the call ended, ", "Conversely, "
                or toks[index + 1].folded in {"he", "she", "they", "we", "i"}
                # ("A former critic of the Lords, he has said": the pronoun it describes)
            ):
                start = index + 1
                named = name_before(toks, index)
                at = (position_of(toks, named.tokens[0]) or 0) if named is not None else 0
                if (
                    _full_person_name(named)
                    and at >= 3
                    and toks[at - 1].text.islower()
                    and toks[at - 2].folded in DETERMINERS  # ("After meeting Tony Blair, …")
                    and toks[0].folded in PREPOSITIONS
                ):
                    # "After the ruling Carla Ferstman, legal director of Redress, said": the
                    # introduction ends before her name, which its comma sets off
                    start = at
            break
    while start:  # past a description of the introduction's name: ", the Arizona sheriff,"
        comma = next(
            (i for i in range(start, min(len(toks), start + 12)) if toks[i].text == ","), 0
        )
        if not comma or comma + 1 >= len(toks) or not _describes(toks[start:comma]):
            break
        start = comma + 1
    if start == 0 and _long_participle_opening(toks):
        # "Issuing point by point rebuttal to all the specific allegations … and other
        # reports, the couple insisted": a participle's phrase longer than the sixteen words
        # read above; the subject is after its comma (it had been a person "Issuing")
        start = next(i for i, t in enumerate(toks[:48]) if t.text == ",") + 1
    comma = next((i for i, t in enumerate(toks[:16]) if t.text == ","), 0)
    if start == 0 and toks and toks[0].folded in PREPOSITIONS and 1 < comma < len(toks) - 1:
        start = comma + 1  # "Before leaving the stage, the candidate thanked …": after it
    elif start == 0 and toks and toks[0].folded in PREPOSITIONS:
        # "On one Facebook page an unidentified poster put up": skip the phrase's object
        # (to the next determiner or pronoun, else to the next name).
        window = range(2, min(len(toks), 10))
        start = next(
            (
                i
                for i in window
                if toks[i].folded in {"a", "an", "the", "one"} or toks[i].folded in PRONOUNS
            ),
            0,
        ) or next((i for i in window if _name_token(toks[i]) and not _name_token(toks[i - 1])), 0)
    if start == 0:
        start = _past_participle_phrase(toks)
    if (
        start == 0
        and len(toks) > 2
        and toks[0].folded in _UNPUNCTUATED_OPENERS
        and toks[0].text[:1].isupper()
        and toks[1].text[:1].isalpha()
        and not _verbish(toks[1])
    ):
        start = 1  # "Earlier Tory leader Michael Howard sent …", "Later he said": no comma
    while start < len(toks) and toks[start].folded in {"and", "but", "so", "yet", "then"}:
        start += 1
    if start >= len(toks):
        return None
    first = toks[start]
    if first.folded in PRONOUNS and first.folded not in {"his", "her", "its", "their"}:
        return Phrase((first,), "pronoun")
    contracted = _contracted_pronoun(first)
    if contracted is not None:
        return Phrase((contracted,), "pronoun")
    share = (  # "Part of the exchange:", "Most of the residents": a share, no name
        start + 2 < len(toks) and toks[start + 1].folded == "of" and toks[start + 2].text.islower()
    )
    if _name_token(first) and first.folded not in NOT_NAME_LEADS and not share:
        named_first = subject_after(toks, start)  # "Alverson summed up …", "Mrs. Schlafly …"
        if named_first is not None and named_first.kind == "name":
            after_name = start + len(named_first.tokens)
            described = _described_name(toks, after_name)
            if described is not None:
                return described  # "Snopes fact checker and staff writer David Emery posted"
            if after_name >= len(toks) or not toks[after_name].possessive:
                return named_first
    elif (
        first.text.isalpha()
        and (first.text.islower() or first.folded in _ROLE_LEADS)
        and first.folded not in DETERMINERS
        and not _verbish(first)
        and not is_speech_verb(first.text)
    ):
        # "retired Admiral William McRaven", "former Gov. Jerry Brown": a role in lower case
        # and the name it leads to, the whole subject (its capitalised lead set aside)
        led = subject_after(toks, start + 1 if first.text[:1].isupper() else start)
        if led is not None and led.kind == "name" and len(led.tokens) >= 2:
            last = position_of(toks, led.tokens[-1])
            if last is not None and (
                last + 1 == len(toks)
                or toks[last + 1].text == ","
                or _verbish(toks[last + 1])
                or (
                    toks[last + 1].text.isalpha()
                    and toks[last + 1].text.islower()
                    and toks[last + 1].folded not in CONNECTORS | PREPOSITIONS | DETERMINERS
                )
            ):
                return led  # ("former Gov. Jerry Brown praised the president")
    end = start
    while (
        end < len(toks)
        and end - start < 8
        and not _verbish(toks[end])
        and toks[end].text[:1].isalnum()
    ):
        joins_name = (
            toks[end].folded in {"of", "for"} and end + 1 < len(toks) and _name_token(toks[end + 1])
        )
        if end > start and toks[end].folded in PREPOSITIONS and not joins_name:
            break  # "A leaked internal letter seen by Sky News": the subject ends before "by"
        if (
            end > start
            and _is_adverb(toks[end])
            and end + 1 < len(toks)
            and _verbish(toks[end + 1])
        ):
            break  # "The company later said": an adverb before the verb ends the subject
        if (
            end > start
            and toks[end - 1].folded in _SUBJECT_NOUNS
            and toks[end].text.islower()
            and toks[end].text.endswith(("ed", "es", "s"))
            and not toks[end].text.endswith("ss")
        ):
            break  # "The family-owned company confirmed": a noun, then its verb
        end += 1
    if end == start:
        return None
    if _plain_possessive_before_name(toks, end):
        owned = subject_after(toks, end + 1)  # "The Times’ Maureen Dowd wrote": the person
        if owned is not None and owned.kind == "name":
            return owned
    phrase = toks[start:end]
    named = None if share else name_before(phrase, len(phrase))
    if named is not None and (
        named.tokens[0] is phrase[0]
        or (len(phrase) > 1 and named.tokens[0] is phrase[1] and phrase[0].folded == "the")
    ):
        return named  # "Alverson", "The Food Standards Agency"
    if named is not None and _role_before(phrase, named):
        return named  # "(Earlier) opposition leader Tom Weir sent": the person, past the role
    # "One poster admitted": a common-noun subject ends at its verb.
    nominal = nominal_before(phrase, len(phrase))
    joint = next((i for i, t in enumerate(phrase) if t.folded in {"for", "of"}), 0)
    if (
        nominal is None
        and joint
        and phrase[joint - 1].folded in PERSON_NOUNS
        and named is not None
        and named.tokens[0] is phrase[joint + 1]
    ):
        # "A spokeswoman for Human Rights Watch said": the noun before the body's name (the
        # body it is of is read from the words after it)
        nominal = nominal_before(phrase[:joint], joint)
    if nominal is not None:
        if end < len(toks) and toks[end].text == ",":
            # "The owner, the American investor Garrett Lindholm-Shaw, issued": the name
            comma = next(
                (i for i in range(end + 1, min(len(toks), end + 12)) if toks[i].text == ","), 0
            )
            named_after = _trailing_name(toks[end + 1 : comma]) if comma else []
            if named_after:
                return Phrase(nominal.tokens, nominal.kind, (Phrase(tuple(named_after), "name"),))
        return nominal
    if phrase[0].possessive and len(phrase) > 1 and phrase[1].folded in STATEMENT_NOUNS:
        return Phrase((phrase[0],), "owner")
    return (
        named
        if named is not None and _name_token(phrase[0]) and phrase[0].folded not in NOT_NAMES
        else None
    )


def _role_before(phrase: Sequence[Token], named: Phrase) -> bool:
    """Whether the words of a subject before the name it ends in are a role in lower case,
    a title or a word for a person last, perhaps after "the" or an owner's pronoun
    ("opposition leader", "Her director Mike Leigh"): the name is the subject."""
    role = phrase[: position_of(phrase, named.tokens[0]) or 0]
    if role and role[0].folded in {"his", "her", "their", "its", "the"}:
        role = role[1:]  # "Her director Mike Leigh told", "His lawyer John Smith said"
    return (
        0 < len(role) <= 4
        and (role[-1].folded in TITLES or role[-1].folded in PERSON_NOUNS)
        and all(t.text.isalpha() and t.text.islower() for t in role)
    )


def _appositive_name(toks: Sequence[Token], index: int) -> Phrase | None:
    """The name set off by a comma after a short noun phrase: "the team's coach, Alireza Mehraban"."""
    for comma in range(index + 1, min(len(toks) - 1, index + 8)):
        if toks[comma].text == ",":
            first = toks[comma + 1]
            if _name_token(first) and (
                first.folded not in NOT_NAMES
                or (  # "his wife of 54 years, June Baxendale": a month that is a given name
                    is_given_name(first.folded)
                    and comma + 2 < len(toks)
                    and _name_token(toks[comma + 2])
                )
            ):
                named = subject_after(toks, comma + 1)
                if named is None and first.folded in NOT_NAMES:  # "June Baxendale"
                    end = comma + 1
                    while end < len(toks) and end - comma <= 4 and _name_token(toks[end]):
                        end += 1
                    named = Phrase(tuple(toks[comma + 1 : end]), "name")
                return named if named is not None and named.kind == "name" else None
            return None
        if not toks[comma].text[:1].isalnum():
            return None
    return None


def _described_name(toks: Sequence[Token], index: int) -> Phrase | None:
    """The name after a run of lowercase nouns describing it ("… fact checker David Emery")."""
    position = index
    while (
        position < len(toks)
        and position - index < 8
        and toks[position].text.isalpha()
        and toks[position].text.islower()
    ):
        if (
            _verbish(toks[position])
            or toks[position].folded in PREPOSITIONS
            or toks[position].folded.endswith("ed")
        ):
            return None
        position += 1
    if (
        position == index
        or position >= len(toks)
        or not _name_token(toks[position])
        or toks[position].folded in NOT_NAMES
    ):
        return None
    named = subject_after(toks, position)
    return named if named is not None and named.kind == "name" and len(named.tokens) >= 2 else None


_DESCRIPTOR_STOPS = words("descriptor_stops")
# Words that open a clause after a description ("said a WeWork spokesperson when contacted
# by Reuters"): the description ends before them.
CLAUSE_OPENERS = words("clause_openers")


def _name_after_role(toks: Sequence[Token], index: int) -> int | None:
    """Where the name starts in "former athlete Steve Cram" or "BBC pundit Steve Cram".

    A role described in lowercase words (and perhaps an organisation's name) before the
    person's name, all in one clause; None when the words after `index` are not like that.
    """
    runs: list[int] = []
    j = index
    lowercase = False
    described_after = False  # the last capitalised run describes the role word after it
    while j < len(toks) and j - index < 9:
        token = toks[j]
        if (
            not token.text[:1].isalpha()
            or token.folded in _DESCRIPTOR_STOPS
            or (token.possessive and not token.text.islower())  # (not "the resort's")
        ):
            break
        if _name_token(token) and token.folded not in NOT_NAMES:
            runs.append(j)
            described_after = False
            while j < len(toks) and _name_token(toks[j]) and not toks[j].possessive:
                j += 1
            continue
        if token.folded in PRONOUNS:
            break
        if runs and j > index and _name_token(toks[j - 1]) and _role_word(token.folded):
            described_after = True  # "one Western diplomat", "one British official"
        lowercase = True
        j += 1
    if runs and runs[0] == index and not (toks[index].text.isupper() and runs[-1] - index <= 3):
        return None  # a name first ("Whitmore told LA Weekly"), unless an acronym: "BBC pundit"
    if described_after:
        return None  # "said one Western diplomat": the capital describes; no name follows
    if lowercase and runs and runs[-1] != index and toks[runs[-1] - 1].text[:1].islower():
        start = runs[-1]
        if (
            start + 2 < len(toks)
            and _name_token(toks[start + 2])
            and not is_given_name(toks[start].word)
            and gender_of(toks[start + 1].word)
        ):
            start += 1  # "former Olympian Steve Cram": the role word is capitalised, not a name
        return start
    return None


def _role_word(folded: str) -> bool:
    """A word for a person or a role, singular or plural ("official", "diplomats")."""
    return any(
        word in PERSON_NOUNS or word in TITLES
        for word in (folded, folded.removesuffix("s"), folded.removesuffix("es"))
    )


def _place_at(toks: Sequence[Token], index: int) -> bool:
    """Whether a known place's name starts at `toks[index]` ("Toronto", "New Brunswick")."""
    return any(
        is_place(" ".join(t.word for t in toks[index : index + length]))
        for length in (1, 2, 3)
        if index + length <= len(toks)
    )


def _starts_a_person(toks: Sequence[Token], index: int) -> bool:
    """Whether the name at `toks[index]` begins with a given name (of any origin), or a
    title before one ("Rev. Colin", "Dr. Amara")."""
    first = toks[index]
    if is_given_name(first.folded) or person_gender(first.word):
        return True
    titled = index
    while (  # "Grand Chief Lorraine", "Acting Deputy Chief Dana": a title of several words
        titled + 1 < len(toks)
        and titled - index < 3
        and (
            toks[titled].folded.rstrip(".") in TITLES
            or (
                toks[titled].folded in _TITLE_LEADS
                and toks[titled + 1].folded.rstrip(".") in TITLES
            )
        )
    ):
        titled += 1
    return (
        titled > index
        and titled < len(toks)
        and (is_given_name(toks[titled].folded) or bool(person_gender(toks[titled].word)))
    )


# Words that open a title of several words without being one: "Grand Chief", "Acting Mayor".
_TITLE_LEADS = frozenset({"grand", "acting", "interim"})


# An age as one word before a name: "40-year-old", "29-year-old", "six-year-old".
_AGE_WORD = re.compile(r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-years?-old", re.IGNORECASE)


def _role_words(words: Sequence[Token], joined: bool = False) -> bool:
    """Whether lowercase words after a name are a role's nouns and adjectives (no
    determiner, preposition, auxiliary, connector, verb or adverb; with `joined`, "and"
    too: "president and chief executive"), not a clause ("Schlafly endorsed Trump")."""
    return all(
        t.text.isalpha()
        and (
            (joined and t.folded == "and")
            or (
                t.folded not in DETERMINERS
                and t.folded not in PREPOSITIONS
                and t.folded not in AUXILIARIES
                and t.folded not in CONNECTORS
                and not _verbish(t)
                and not _is_adverb(t)
            )
        )
        for t in words
    ) and not (words and words[0].folded.endswith("ed"))


def _role_of(words: Sequence[Token]) -> bool:
    """Whether lowercase words are one role with "of" or "for" inside it: "chief of staff",
    "medical officer of health", "assistant secretary of state", "vice-president of
    operations": a role's head word, then what it is of, in nouns and adjectives."""
    joint = next((k for k, t in enumerate(words) if t.folded in {"of", "for"}), None)
    if joint is None or joint == 0 or not 1 <= len(words) - joint - 1 <= 3:
        return False
    head, after = words[:joint], words[joint + 1 :]
    return (
        all(part.isalpha() for t in head for part in t.text.split("-"))
        and _role_word(head[-1].folded.rsplit("-", 1)[-1])
        and _role_words([t for t in head if t.text.isalpha()])
        and _role_words(after)
        and not any(t.folded in PRONOUNS for t in after)
    )


def _plain_possessive_before_name(toks: Sequence[Token], at: int) -> bool:
    """Whether `toks[at]` is the apostrophe of a plural's possessive ("Fox News’", "the
    Orioles’", a token of its own) with a name after it: the name is the owner's person."""
    return (
        0 < at < len(toks) - 1
        and toks[at].text in {"’", "'"}
        and toks[at].start == toks[at - 1].end
        and toks[at - 1].folded.endswith("s")
        and _name_token(toks[at + 1])
        and toks[at + 1].folded not in NOT_NAMES
    )


def subject_after(toks: Sequence[Token], index: int) -> Phrase | None:
    """The subject after an inverted verb: "said King", "said the agency", "said Mr. Reeves".

    (Also reads the name that opens a sentence.)
    """
    while index < len(toks) and _is_adverb(toks[index]):
        index += 1
    if index + 1 < len(toks) and _AGE_WORD.fullmatch(toks[index].text):
        index += 1  # "said 40-year-old Johan", "said 20-year-old politics student Nick Vaughan"
    while (  # "said Det.-Sgt. Mark Ouellette": two titles joined by a hyphen, one title
        index + 2 < len(toks)
        and toks[index + 1].text == "-"
        and toks[index].text.rstrip(".").casefold() in TITLES
        and toks[index + 2].text.rstrip(".").casefold() in TITLES
    ):
        index += 2
    if index >= len(toks):
        return None
    first = toks[index]
    if first.folded in {"his", "her", "their", "its"} and index + 1 < len(toks):
        appositive = _appositive_name(toks, index)
        if appositive is not None:
            return appositive  # "said his best friend at Lehigh, Bruce Turry", "said its
            # chief executive, Sir Howard Newby"
        noun = toks[index + 1]
        if (
            noun.text.isalpha()
            and noun.text.islower()
            and noun.folded in PERSON_NOUNS
            and index + 3 < len(toks)
            and toks[index + 2].text == ","
            and toks[index + 3].folded == "who"
        ):
            return Phrase((first, noun), "nominal")  # "said his friend, who gave her name as …"
    for last in range(index + 2, min(index + 5, len(toks))):
        if _partitive(toks, last) == index:  # "said one of the workers"
            named = _appositive_name(toks, last) if last + 1 < len(toks) else None
            if named is not None and toks[last + 1].text == ",":
                return named  # "said one of the organisers, Ladina Tschudi-Quartey"
            return Phrase(tuple(toks[index : last + 1]), "nominal")
    if first.folded in PRONOUNS:
        return Phrase((first,), "pronoun")
    contracted = _contracted_pronoun(first)
    if contracted is not None:
        return Phrase((contracted,), "pronoun")
    titled = index
    while (
        titled < len(toks)
        and titled - index < 4
        and toks[titled].text.islower()
        and toks[titled].folded in TITLES
    ):
        titled += 1  # "said chief inspector Jennifer Mattinson", "says president David Weisbrot"
    if titled > index and titled < len(toks) and _name_token(toks[titled]):
        return subject_after(toks, titled)
    role_end = index
    while role_end < len(toks) and role_end - index < 6 and toks[role_end].text[:1].islower():
        role_end += 1
    if (
        role_end < len(toks)
        and _name_token(toks[role_end])
        and toks[role_end].folded not in NOT_NAMES
        and _role_of(toks[index:role_end])
    ):
        return subject_after(toks, role_end)  # "said medical officer of health Dr. Vera Etches"
    described = _name_after_role(toks, index)
    if described is not None:
        return subject_after(toks, described)  # "said former Olympian and BBC pundit Steve Cram"
    if _name_token(first) and (
        first.folded not in NOT_NAME_LEADS or _given_name_as_word_before_name(toks, index)
    ):
        end = index
        # "Paul Sperry of Counter Jihad", "Rev. Colin MacDougall of St. Mary's Parish",
        # "Oluwaseyi Akintola-Stewart of Toronto": the person, not what they are of
        person = _starts_a_person(toks, index)
        while (
            end < len(toks)
            and end - index < 7
            and (
                _name_token(toks[end])
                or toks[end].folded in {"of", "for", "de", "van", "von", "and"}
                or (end > index and rank_ordinal(toks, end))  # "Sgt. 1st Class Dana Whitt"
                or (  # a union's local: "Unifor Local 1088 president", "CUPE 7000 president"
                    end > index
                    and toks[end].text.isdigit()
                    and (toks[end - 1].folded == "local" or toks[end - 1].text.isupper())
                )
                or (  # "Friends of the Library president Janet Whitfield"
                    toks[end].folded == "the"
                    and toks[end - 1].folded in {"of", "for"}
                    and end + 1 < len(toks)
                    and _name_token(toks[end + 1])
                )
                or (toks[end].text == "—" and end > index and toks[end - 1].end == toks[end].start)
            )
            and not (person and end - index >= 2 and toks[end].folded in {"of", "for", "and"})
            and not (end - index >= 2 and toks[end].folded == "of" and _place_at(toks, end + 1))
        ):
            end += 1
            if toks[end - 1].possessive:
                break
        while end > index + 1 and toks[end - 1].folded in {"of", "for", "and"}:
            end -= 1
        if _plain_possessive_before_name(toks, end) and not any(
            t.text in {"‘", "'"} for t in toks[index:end]
        ):
            return subject_after(toks, end + 1)  # "Fox News’ Dr. David Samadi": an owner's
        later = end
        while later < len(toks) and later - end < 5 and toks[later].text[:1].islower():
            later += 1
        role = toks[later - 1].folded if later > end else ""
        nounlike = _role_words(toks[end:later])
        nounlike_but_and = _role_words(toks[end:later], joined=True)
        if (
            later < len(toks)
            and _name_token(toks[later])
            and toks[later].folded not in NOT_NAMES
            and (
                toks[end - 1].possessive
                or (later - end <= 3 and (role in TITLES or role in PERSON_NOUNS))
                or _role_of(toks[end:later])  # "said White House chief of staff Mark Meadows"
                or (
                    role in TITLES and nounlike_but_and and is_given_name(toks[later].folded)
                )  # "said Nortel president and chief executive Bill Owens", "said Tory
                # shadow local government secretary Caroline Spelman": a longer role
                or (
                    later - end <= 3
                    and nounlike
                    and later + 1 < len(toks)
                    and _name_token(toks[later + 1])
                    and is_given_name(toks[later].folded)
                )  # "said Virginia delegate Beau Correll", "said Republican political
                # consultant Chris Russell"
            )
        ):
            # "North Korea's main news agency Korean Central News Agency", "Labour's Shadow
            # Home Secretary Yvette Cooper": the name it leads to; so does a role after an
            # organisation: "American Unity Fund president Margaret Hoover".
            return subject_after(toks, later)
        if role == "and" and later - end >= 2 and nounlike_but_and and later < len(toks):
            named = subject_after(toks, later)
            if _full_person_name(named):
                return named  # "said Houston resident and Toronto native Grace Gonzalez"
        office = [t.folded for t in toks[end:later]]
        if (
            later + 1 < len(toks)
            and later > end
            and toks[later].text == ","
            and (
                role in TITLES
                or role in PERSON_NOUNS
                # "said BA director of commercial planning, Robert Boyle"
                or (len(office) >= 3 and office[0] in TITLES and office[1] in {"of", "for"})
            )
            and _name_token(toks[later + 1])
            and toks[later + 1].folded not in NOT_NAMES
        ):
            named = subject_after(toks, later + 1)
            if named is not None and named.kind == "name":
                return named  # "said another leading Supreme Court advocate, Andrew J. Pincus"
        return Phrase(tuple(toks[index:end]), "name")
    if (
        first.folded == "the"
        and index + 1 < len(toks)
        and _name_token(toks[index + 1])
        and toks[index + 1].folded not in NOT_NAMES
    ):
        named = subject_after(
            toks, index + 1
        )  # "according to the New Zealand Department of Conservation"
        after = index + 1 + len(named.tokens) if named is not None else index
        if (
            named is not None
            and named.kind == "name"
            and not (after < len(toks) and toks[after].text[:1].islower())
            and not toks[after - 1].possessive
        ):
            return named
        appositive = _appositive_name(toks, index)
        if appositive is not None:
            return appositive  # "according to the Afghan team's coach, Alireza Mehraban,"
    if first.folded in DETERMINERS and first.folded != "that":  # "suggests that Phoenix …"
        appositive = _appositive_name(toks, index)
        if appositive is not None:
            return appositive  # "said another leading advocate, Andrew J. Pincus of ..."
        if first.folded == "the":
            # "said the party leader John Smith", "said the Sunni secular politician Salih
            # al-Mutlak": the name the role leads to (one capitalised word may lead the role)
            lead = index + 1 + (index + 2 < len(toks) and _name_token(toks[index + 1]))
            named_at = _name_after_role(toks, lead)
            before_name = toks[named_at - 1] if named_at is not None else None
            if (
                named_at is not None
                and before_name is not None
                and before_name.text.isalpha()
                and before_name.folded not in PREPOSITIONS | AUXILIARIES | CONNECTORS
                and not _verbish(before_name)
            ):
                return subject_after(toks, named_at)
        end = index + 1
        while (
            end < len(toks)
            and end - index < 6
            and toks[end].text[:1].isalnum()  # "a 2008 Clinton veteran"
            and toks[end].folded not in {"that", "which", "who"}
            # ("said the prime minister during his visit": what follows is no part of him;
            # "a survey by Penelope Muse Abernathy", "a statement from Health Canada" go on
            # to their authors)
            and (toks[end].folded not in PREPOSITIONS or toks[end].folded in {"by", "from"})
            and toks[end].folded not in CLAUSE_OPENERS  # "a WeWork spokesperson when asked"
        ):
            end += 1
        if end == index + 1:
            return None  # a determiner alone names no one
        phrase = toks[index:end]
        return nominal_before(phrase, len(phrase)) or Phrase(tuple(phrase), "nominal")
    return None
