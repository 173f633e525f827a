"""Descriptions and bodies, resolved to the person or organisation the article means.

`_Descriptions` reads "the minister", "the rookie defenceman", "his lawyer", "the company"
and "the agency" (`_nominal`), an organisation's own words (`_organisation`), the subject a
sentence describes before it names them, the story's main and salient people and the
headline's, and gives a name the codebook already holds its codebook spelling
(`_codebook_name`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cached_property

from rapidfuzz import fuzz, process

from reader.core.text import Quotation
from reader.quotes.article_context import _ROLE_WORDS, _WORD, _ArticleContext
from reader.quotes.cues import (
    is_speech_verb,
)
from reader.quotes.given_names import is_given_name, person_gender
from reader.quotes.lexicon import table, words
from reader.quotes.mentions import Entity, Mention, Token
from reader.quotes.name_registry import CORPORATE_ENDINGS, TITLES
from reader.quotes.name_words import (
    BUSINESS_NOUNS,
    FEMALE,
    MALE,
    MODIFIER_ENDINGS,
    WELL_KNOWN_BODIES,
    WHERE_PHRASE,
    role_clause,
)
from reader.quotes.names import Entities
from reader.quotes.phrases import (
    ADVERBS,
    DETERMINERS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PREPOSITIONS,
    STATEMENT_NOUNS,
    Phrase,
    sentence_subject,
)
from reader.quotes.places import is_demonym, is_place
from reader.quotes.ranking import Candidate, Rule

# A sentence opening on a description of a person, up to its verb: "Outside court, his lawyer
# said", "The Orléans native said", "The driver's daughter posted", "A neighbour, who …,".
_DESCRIBED_SUBJECT = re.compile(
    r"(?:(?P<intro>[A-Z][^,.;:!?“”\"\n]{0,80}),\s+)?"  # an introduction: "Outside court, "
    r"(?P<lead>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?|[Oo]ne|[Aa]nother)\s+"
    r"(?:(?P<owner>[\w’'.-]+(?:\s+[\w’'.-]+)?)[’']s\s+)?"  # "the driver's"
    r"(?:[\w’'-]+\s+){0,2}?"  # "Orléans", "new", "longtime"
    r"(?:[“\"][^“”\"\n]{1,60}[”\"]\s+)?"  # a work's title: the “Bodak Yellow” rapper
    r"(?P<head>[a-z][\w’'-]*)"
    r"(?=,|\s+(?:who|from|in|at|with|of)\b|\s+[a-z]+ing\b"  # "A woman waiting", "a man from"
    r"|\s+(?:(?:also|later|then|again)\s+)?(?:[a-z]+(?:ed|es|s)|said|told|wrote|was|is|had|"
    r"has|says|spoke|made|took|gave|went|came|felt|thought|knew|saw)\b)"
)
# Between a described subject and the name that says who it is: ", " and a role ("Her
# mother, the retired schoolteacher "), or "was" ("Among the crowd was ").
_APPOSED = re.compile(
    r"(?:(?:\s+[a-z][\w’'-]*){0,4}"
    # where or whose: "A military analyst in Kyiv, Oleksiy Havrylenko of the Razumkov Centre"
    rf"(?:{WHERE_PHRASE})?"
    r",\s+(?:(?:the|a|an)\s+)?"
    # a role, maybe after a nationality: "The summit's president, Brazilian diplomat Paulo …"
    r"(?:(?:[A-Z][a-z]+\s+)?(?=[a-z0-9])(?:[a-z0-9][\w’'-]*\s+){1,3}|(?:[a-z0-9][\w’'-]*\s+){0,3})"
    r"|\s+(?:was|were|is)\s+)"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
)
_WHERE_BEFORE_NAME = re.compile(
    r"(?:\s+[a-z][\w’'-]*){0,4}\s+(?:in|at|from|of|for|with)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}"
)
_TITLE_AT_END = re.compile(r"(?<=\s)((?:[A-Z][a-z]+\.?\s+){1,3})$")  # "Elder ", "Deputy Chief "
_EPITHET_WORDS = words("epithets")
_EPITHETS = PERSON_NOUNS | TITLES | _EPITHET_WORDS
_AGED = re.compile(r"\d+-year-old")
# Before the name of one spoken to: "told APTN News", "in a statement to HuffPost Canada";
# or of an outlet that had a document: "a memo obtained by CTV News Kitchener".
_LISTENER_BEFORE = re.compile(
    r"\b(?:told|tells|tell|telling|to|with|(?:obtained|seen|reviewed)\s+by)\s+(?:the\s+)?$"
)
# A sentence saying that someone is not named: whoever it is about speaks unnamed.
_ANONYMOUS = re.compile(
    r"\b(?:(?:can|could)(?:not|n[’']t)\s+be\s+(?:named|identified)"
    r"|(?:asked|requested|agreed)\s+(?:not\s+to\s+be\s+(?:named|identified)"
    r"|that\s+(?:his|her|their)\s+(?:full\s+)?name\s+not\s+be\s+(?:used|published))"
    r"|(?:on\s+(?:the\s+)?condition\s+of|requested|asked\s+for)\s+anonymity"
    r"|(?:quoted|interviewed|spoke)\s+anonymously"
    # "who did not want to be named", "declined to be identified", "asked to remain
    # anonymous", "was not authorized to speak publicly": someone the article does not name
    r"|(?:did|does|do)(?:\s+not|n[’']t)\s+want\s+(?:to\s+be\s+|(?:his|her|their)\s+name\s+)"
    r"(?:named|identified|used|published)"
    r"|declined\s+to\s+be\s+(?:named|identified)"
    r"|(?:wished|wishes|wanted|wants|asked|preferred)\s+to\s+(?:remain|stay)\s+anonymous"
    r"|not\s+(?:authorized|authorised|permitted|allowed)\s+to\s+(?:speak|comment)\s+"
    r"(?:publicly|on\s+the\s+record|to\s+the\s+media|to\s+reporters))\b"
)
# A described subject with no name in it, before ", a 42-year-old man": "The tenant".
_UNNAMED_INTRO = re.compile(r"The(?:\s+[a-z][\w’'-]*){1,3}")
# What an organisation named as a complement follows: "a councillor of the Nation said".
_COMPLEMENT_BEFORE = re.compile(r"\b(?:of|for|at|with|from|by|to|and)\s+(?:the\s+)?$")
# A speech verb in the sentence of a subject ("…, which must approve projects, said …").
_SPEECH_IN_SENTENCE = re.compile(
    r"\b(?:said|says|told|tells|stated|announced|wrote|writes|posted|confirmed|added|warned)\b"
)
# A byline or dateline under a headline: "Mathieu Ferguson-Aubé · CBC News · Posted: …".
_BYLINE = re.compile(r"^\s*By\s|[·|•]|\b(?:Posted|Updated|Published):?\s")
# "Gord Vanderhage and his son, Kyle Vanderhage": a pair named one way round.
_KIN_PAIR = re.compile(r"(?<=\w)\s+and\s+(?:his|her)\s+(\w+),?\s+(?=[A-Z])", re.IGNORECASE)
# Who "his father" is to the one "his" stands for, read from "X and his son, Y".
_KIN_INVERSE = {
    "father": {"son", "daughter", "sons", "daughters", "children"},
    "mother": {"son", "daughter", "sons", "daughters", "children"},
    "dad": {"son", "daughter"},
    "mom": {"son", "daughter"},
    "son": {"father", "mother", "dad", "mom"},
    "daughter": {"father", "mother", "dad", "mom"},
    "husband": {"wife"},
    "wife": {"husband"},
    "brother": {"brother", "sister"},
    "sister": {"brother", "sister"},
}
_OWNER_BEFORE = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[’']s)\s+(?:[\w-]+\s+)?$")


_STUDY_AUTHORS = frozenset({"authors", "researchers", "scientists"})
_LEAD_AUTHOR = re.compile(
    r"\b(?:lead|senior|first|principal) (?:author|investigator)\b|\bled the study\b"
)
# A speech tag of a pronoun set off inside a sentence: "Jesus, he continued, doesn’t ask …",
# "The chief, she said, has been …".
_PARENTHETICAL_SPEECH = re.compile(
    r",\s+(?P<who>he|she|they)\s+"
    r"(?P<verb>said|says|added|adds|noted|notes|continued|continues|explained|explains"
    r"|argued|argues|insisted|insists|wrote|writes),"
)
# What ends a sentence that reports its speaker last: "…, Michael Howard has said."
_REPORTING_CLAUSE_END = re.compile(r"\s+(?:has\s+|had\s+)?(?P<verb>[a-z]+)\b[^,;“”\"]{0,60}$")
_AGE = re.compile(r"(\d{1,3})-year-old")
_AGE_BEFORE = re.compile(r"\b[Tt]he (\d{1,3})-year-old\s+$")
# Nouns that say an age: "the teenager" is the one the article gave an age of 13 to 19.
_AGE_NOUNS = {
    "teenager": range(13, 20),
    "teen": range(13, 20),
    "septuagenarian": range(70, 80),
    "octogenarian": range(80, 90),
    "nonagenarian": range(90, 100),
    "centenarian": range(100, 120),
}
_GIVEN_AGE = re.compile(r",? \(?(\d{1,3})\)?[,)]| \((\d{1,3})\)")  # "Jean-Guy Tremblay, 81,"


def _gender_of_words(phrase: Phrase) -> str:
    """ "m" or "f" when a phrase's words give a gender ("the 61-year-old grandmother"), else
    "" ("the grain farmer")."""
    folded = {t.folded for t in phrase.tokens}
    if folded & FEMALE:
        return "" if folded & MALE else "f"
    return "m" if folded & MALE else ""


def _is_acronym_word(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _is_titled(description: str) -> bool:
    """A description that is a title ("Mayor", "Health Minister"): a person's, in a headline."""
    words = description.casefold().split()
    return bool(words) and words[-1].rstrip(".") in TITLES


def _introduction(words: str) -> bool:
    """Whether the words before a sentence's first comma introduce it ("Outside court",
    "Back at the farm", "Reached by phone", "Earlier") rather than name its subject."""
    first = words.split()[0].casefold()
    return (
        first in PREPOSITIONS
        or first in ADVERBS
        or first in _SCENE_WORDS
        or first.endswith(("ing", "ed", "ly"))
    )


# Words that open a sentence's scene rather than its subject: "Outside court, his lawyer said".
_SCENE_WORDS = frozenset(
    {"outside", "inside", "back", "afterward", "afterwards", "meanwhile", "elsewhere", "here"}
)


UNNAMED = Entity("", "person", -1)  # a person never named: "A neighbour said … “…,” she said"
# Words that make "the ... officer" someone else than the person named before.
_EPITHET_STOPS = frozenset(
    {"other", "second", "third", "fourth", "fifth", "last", "next", "another"}
)


# Words that make a role another one ("deputy mayor", "vice-president", "assistant coach"):
# a description of the one is not of the other.
_RANKS = frozenset({"deputy", "vice", "assistant", "associate", "co", "sub"})


def _ranks(words: Iterable[str]) -> set[str]:
    """The rank words among `words`, each hyphenated part counted ("vice-president")."""
    return {part for word in words for part in word.split("-") if part in _RANKS}


def _same_rank(phrase: Phrase, head: str, described: list[str]) -> bool:
    """Whether the rank words before the head noun agree between "the deputy mayor" (the
    phrase) and a description ("Deputy Mayor", "Mayor"): the words right before the head's
    place in the description, and the phrase's modifiers."""
    wanted = _ranks(t.folded for t in phrase.tokens[:-1])
    at = next((i for i, word in enumerate(described) if word.split("-")[-1] == head), None)
    if at is None:
        return not wanted  # (matched another way: a title's word, a kind of role)
    given = _ranks(described[max(0, at - 2) : at + 1])
    return wanted == given


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s")


def _team_qualified(phrase: Phrase) -> bool:
    """ "the Flames centre", "the Calgary winger", "the Ravens' captain": "the", capitalised
    words (a team's or a place's name), then a word for a person in lowercase."""
    tokens = phrase.tokens
    return (
        len(tokens) >= 3
        and tokens[0].folded == "the"
        and tokens[-1].text.islower()
        and all(t.capitalised for t in tokens[1:-1])
    )


def _place_owned_body(phrase: Phrase) -> Entity | None:
    """A body a place's name and common nouns name, none named otherwise: "China's foreign
    ministry said", "Chile's central bank said" (the place's ministry, not the last body the
    story named, nor the agency that reported it), or None."""
    owner, rest = phrase.tokens[0], phrase.tokens[1:]
    if (
        not owner.possessive
        or not owner.capitalised
        or not is_place(owner.word)
        or not rest
        or not all(t.text.isalpha() and t.text.islower() for t in rest)
        or rest[-1].folded not in ORG_NOUNS
        or rest[-1].folded in PERSON_NOUNS
    ):
        return None
    return Entity(" ".join(t.text for t in phrase.tokens), "org", owner.start)


def _qualified_role(phrase: Phrase, head: str, text: str) -> bool:
    """ "the Salford MP", "the Prairie Sky CEO", "the England captain": "the", the capitalised
    name of a place, a party or a firm (not a nationality: "the Pakistani officer" is one of
    many), then an office or a role one person holds (not "officer", "aide", "source"), the
    phrase not set before the name it describes ("The Limerick captain, Cathal …")."""
    tokens = phrase.tokens
    return (
        len(tokens) >= 3
        and tokens[0].folded == "the"
        and all(t.capitalised and not t.possessive for t in tokens[1:-1])
        and not any(is_demonym(t.word) for t in tokens[1:-1])
        and head in TITLES
        and head not in _RANKS_OF_MANY
        and head not in _SPOKESPEOPLE  # "the BPI spokesman": the body's words
        and head not in ORG_NOUNS
        and not _NAME_SET_AFTER.match(text, tokens[-1].end)
    )


_INDEFINITE_LEADS = frozenset({"a", "an", "one", "another"})
_APPOSITION = frozenset({", ", " , ", ",\n"})  # "Andrew J. Tabler, an expert"
_CLOSING_MARKS = frozenset('"”’')  # (a set: no mark at all, "", is not among them)
_SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople"})
# Roles many people of one body hold at once: "the RCMP officer said" names none of them.
_RANKS_OF_MANY = frozenset({"officer", "aide", "agent", "constable", "trooper", "deputy"})
_NAME_SET_AFTER = re.compile(r"\s*,\s+[A-Z]")  # "The Limerick captain, Cathal Ó Riain-Madigan,"


# The words a newspaper's name ends in: "the newspaper said" after "The Boston Globe reported".
_NEWSPAPER_NAMES = (
    "news",
    "times",
    "post",
    "journal",
    "herald",
    "gazette",
    "tribune",
    "telegraph",
    "guardian",
    "daily",
    "chronicle",
    "inquirer",
    "press",
    "express",
    "mirror",
    "observer",
    *words("newspaper_words"),
)
# Nouns any organisation goes by ("the company said" is the story's company, not the last
# one with "Company" in its name); the others name their kind ("the union", "the league").
# What an organisation's name says for a word that stands for it: "the hospital" for the
# Kempenfelt Regional Health Centre.
_ORG_NOUN_NAMES = {
    "hospital": (
        "health centre",
        "health center",
        "medical centre",
        "medical center",
        "health sciences",
    ),
    "university": ("college", "polytechnic", "institute of technology"),
    "police": ("police service", "police department", "constabulary", "rcmp", "opp", "sûreté"),
    "department": ("ministry", "ministère"),
    # bodies of members: "The Ontario Surgical Alliance said … “…,” the association said"
    "association": ("alliance", "coalition", "federation", "society"),
    "coalition": ("alliance", "association"),
    "federation": ("association", "alliance", "fédération"),
    # French names: "the union" for the Syndicat national des employés de …, "the
    # federation" for the Fédération des travailleurs du Québec
    "union": (
        "syndicat",
        "association",
        "federation",
        "local",
        "cupe",
        "unifor",
        "steelworkers",
        "teamsters",
        "workers",
        "guild",
        "brotherhood",
    ),
    "ministry": ("department", "ministère"),
    # "the newspaper said" after "said The News", "the Boston Globe reported"
    "newspaper": _NEWSPAPER_NAMES,
}
_NEWSPAPER_NAME_WORDS = frozenset(_NEWSPAPER_NAMES)
# Someone brought in without a name: "a man", "A resident", "one elderly woman".
_SOMEONE_BROUGHT_IN = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)"
)
_SOLE_REACH = 6000  # characters before "the woman" where the one woman is looked for
_SAYS_WHO_ONE_IS = frozenset({"is", "was", "as", "became", "becomes", "remains"})
# Nouns for a person that say only their gender: "says the woman" is the one woman named.
_PLAIN_GENDERED_NOUNS = {"woman": "f", "man": "m", "girl": "f", "boy": "m", "lady": "f"}
_GENERIC_ORG_NOUNS = frozenset(
    {"company", "group", "network", "firm", "business", "agency", "campaign", "organization"}
)
_ORG_KIND_NOUNS = words("org_kind_nouns")
_NEWS_AGENCIES = words("news_agencies")


def _news_agency(entity: Entity) -> bool:
    """A wire service or agency: the source of the story's copy, never a speaker in it."""
    return entity.name.casefold() in _NEWS_AGENCIES


_CIVIC_WORDS = words("org_civic_words")


def _kinds_clash(noun: str, name: str) -> bool:
    """Whether a noun for an organisation cannot stand for one of that name: "the company"
    for "United Steelworkers Local 1005" or the "City of Victoria"."""
    if noun not in BUSINESS_NOUNS:
        return False
    folded = name.casefold()
    return (
        not _CIVIC_WORDS.isdisjoint(_WORD.findall(folded))
        or any(folded.endswith(body) for body in WELL_KNOWN_BODIES)  # never the Red Cross
        or _news_outlet(folded)  # "the company said": the company, not the paper that reported
    )


def _news_outlet(folded: str) -> bool:
    """Whether a body's name (in lower case) is a newspaper's or a news agency's: "the
    washington post", "the news", "reuters"."""
    words = folded.removeprefix("the ").split()
    return bool(words) and (words[-1] in _NEWSPAPER_NAME_WORDS or folded in _NEWS_AGENCIES)


_TITLE_WORDS = table("title_abbreviations")
_ROLE_KINDS = {kind: frozenset(titles.split()) for kind, titles in table("role_kinds").items()}
_DOCUMENTS = words("documents")
_DOCUMENT_NOUNS = (_DOCUMENTS | STATEMENT_NOUNS) - {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "lawyer",
    "lawyers",
    "office",
}


def _any_speech_verb(words: Sequence[str], skip: int = 0) -> bool:
    """Whether a speech verb is among `words` (past the first `skip`, which only give context)."""
    return any(
        is_speech_verb(word, words[i - 1] if i else "") for i, word in enumerate(words) if i >= skip
    )


# How many sentences opened by a quotation the search for the person a pronoun's sentence
# carries on reads past ("“…,” he said." paragraph after paragraph of an interview): a
# bound, so that an article of a thousand such paragraphs is read in linear time.
_QUOTED_SENTENCES_READ_PAST = 25


class _Descriptions(_ArticleContext):
    """The finder's layer that resolves descriptions and organisations."""

    def _described_subject(self, at: int, wanted: str = "") -> Entity | None:
        """The person the latest sentence before `at` with a subject of its own describes
        ("The deputy mayor said he would respect it.", "Outside court, his lawyer said …",
        "The Orléans native said he plans …"), when that subject is a description of
        someone (a name or no subject: None, the mentions decide). `UNNAMED` when it
        describes someone never named ("The driver's daughter posted …", "A neighbour said
        …"): the pronoun after it is theirs. Sentences whose subject is a pronoun carry the
        topic on and are read past, three at most, and so are relatives met in passing when
        the pronoun `wanted` ("m" or "f") is their owner's ("His father, Aurèle, nearly sold
        the farm then.")."""
        index = bisect_right(self._sentence_starts, at) - 1
        looked = 0
        floor = index - _QUOTED_SENTENCES_READ_PAST
        while index >= max(0, floor) and looked < 3:
            sentence = self.structure.sentences[index]
            index -= 1
            end = min(sentence.end, at)
            toks = self.entities.tokens_in(sentence.start, end)
            if not toks or self._opens_with_quotation(toks[0]):
                if any(
                    m.entity.kind == "person" and not self._inside_quote(m.start)
                    for m in self.entities.between(sentence.start, end)
                ):
                    return None  # "“…,” Jim Bennett told a voter": named, the mentions decide
                continue  # a quotation opening the sentence: its speaker is after it
            looked += 1
            phrase = sentence_subject(toks)
            if (phrase is None or phrase.kind != "name") and _ANONYMOUS.search(
                self.text, sentence.start, end
            ):
                return UNNAMED  # "She cannot be named under a court order.": no one's name
            if phrase is not None and phrase.kind == "pronoun":
                continue
            if phrase is not None and _PARENTHETICAL_SPEECH.match(self.text, phrase.tokens[-1].end):
                continue  # "The chief, she said, has been …": what she said, her topic on
            if (
                phrase is not None
                and phrase.kind == "name"
                and [t.folded for t in phrase.tokens][:-1] in (["the"], [])
                and (phrase.tokens[0].folded == "the" or self._after_the(phrase))
                and phrase.head.word.casefold().rstrip(".") in TITLES
                and self.entities.mention_at(phrase.head.start, phrase.head.end) is None
            ):
                phrase = Phrase(phrase.tokens, "nominal")  # "The Elder said": a title, no name
            if (
                phrase is not None
                and phrase.kind == "nominal"
                and (phrase.tokens[0].folded == "the" or self._after_the(phrase))
                and phrase.head.folded in _ROLE_WORDS
            ):  # "Asked whether …, the minister was blunt."
                entity = self._nominal(phrase, sentence.start)
                if entity is not None:
                    return entity if entity.kind == "person" else None
            elif phrase is not None and phrase.kind != "nominal":
                return None  # a name: the mentions decide
            described = _DESCRIBED_SUBJECT.match(self.text, sentence.start, end)
            if described is None or self._inside_quote(described.start("head")):
                return None
            head_word = described.group("head").casefold()
            if (wanted == "f" and head_word in MALE) or (wanted == "m" and head_word in FEMALE):
                continue  # "The man who answered promised to read it. “…,” she says": not him
            named = self._named_after_description(described.end("head"), end)
            if named is None and described.group("intro"):
                named = self._named_before_description(described.end("intro"))
            if (
                named is not None
                and {"His": "m", "Her": "f"}.get(described.group("lead")) == wanted
                and described.group("head") in _KIN_INVERSE
                and self._paragraph_start(sentence.start) != sentence.start
                and not _any_speech_verb(_WORD.findall(self.text[sentence.start : end]))
            ):
                # "He remembers 2000. His father, Aurèle, nearly sold the farm then. “…,” he
                # said": a relative met in passing; the one whose father he is speaks on
                continue
            if named is not None:
                # "Among the crowd was Nóra Lonergan", "One supporter, Sian Pugh-Mathias,
                # said", "Her mother, the retired schoolteacher Birgitta Lundqvist, confirms"
                return named
            whom = self._describes_whom(described, sentence.start)
            if whom is UNNAMED and self._acts_on_someone_named(described, end, wanted):
                return None  # "A friend invited Shukla to a party. “…,” she says": hers
            return whom
        return None

    def _acts_on_someone_named(self, described: re.Match[str], end: int, wanted: str) -> bool:
        """Whether a sentence whose subject is someone new and unnamed ("A friend of a friend
        invited Shukla to a dinner party.") says nothing but does something to a person the
        article named before it, of the gender `wanted` or none known: the pronoun after
        such a sentence stands for the one already followed, not the passer-by."""
        if described.group("lead").casefold() not in {"a", "an", "one", "another"}:
            return False
        start = described.start("lead")
        if _any_speech_verb(_WORD.findall(self.text[start:end])):
            return False  # "A neighbour told Shukla she …": the neighbour's words
        for mention in self.entities.between(described.end("head"), end):
            entity = mention.entity
            if (
                entity.kind == "person"
                and entity.gender in {"", wanted}
                and not self._inside_quote(mention.start)
                and next(self.entities.before(start, "person", 4000, of=entity), None)
            ):
                return True
        return False

    def _opens_with_quotation(self, token: Token) -> bool:
        """Whether a sentence's first token opens a quotation: a double mark, or a single
        one that a quotation opens there (British copy: "‘…,’ he said"; not "‘90s")."""
        return token.text in {"“", '"'} or (
            token.text in {"‘", "'"} and self._inside_quote(token.end)
        )

    def _named_before_description(self, end: int) -> Entity | None:
        """The person whose name ends an introduction right before a description of them:
        "Among the crowd was Nóra Lonergan, the manager's mother, who …"."""
        for mention in self.entities.before(end, kind="person", limit=80):
            if mention.end == end and not self._inside_quote(mention.start):
                return mention.entity
            return None
        return None

    def _named_after_description(self, start: int, end: int) -> Entity | None:
        """The person named right after a described subject, in apposition or after "was"
        (within a few words, outside quotations), if any."""
        for mention in self.entities.between(start, min(end, start + 70)):
            if self._inside_quote(mention.start):
                continue
            gap = self.text[start : mention.start]
            titled = _TITLE_AT_END.search(gap)  # ", Elder Rosie Dennill,": her title
            if titled and all(w.casefold().rstrip(".") in TITLES for w in titled.group(1).split()):
                gap = gap[: titled.start()] + " "
            if mention.entity.kind == "person" and _APPOSED.fullmatch(gap):
                return mention.entity
            if mention.entity.kind != "person" and _WHERE_BEFORE_NAME.fullmatch(gap):
                continue  # "A military analyst in Kyiv, Oleksiy Havrylenko": the place, then
            return None
        return None

    def _describes_whom(self, described: re.Match[str], at: int) -> Entity | None:
        """The person a described subject stands for: the one the article described so
        ("his lawyer" for "Brodowski's lawyer, Roxanne Tetrault"; "the commissioner" for
        "Ethics Commissioner Eleanor von Hahn"), for an epithet no one was given ("the
        Orléans native", "the 34-year-old") the article's main figure, and `UNNAMED` for
        someone introduced without a name ("a neighbour", "the driver's daughter")."""
        lead = described.group("lead").casefold()
        head = described.group("head").casefold()
        owner = described.group("owner")
        intro = described.group("intro")
        if lead not in {"a", "an", "one", "another"} and self.text.startswith(
            " of ", described.end("head")
        ):
            return None  # "The Mexican secretary of economy, Ildefonso Guajardo, argues"
            # (but "A friend of Fenwick's who asked not to be named said": no one named)
        if intro is not None and not _introduction(intro):
            if lead in {"a", "an"} and _UNNAMED_INTRO.fullmatch(intro):
                return UNNAMED  # "The tenant, a 42-year-old man who …, told": someone new
            return None  # "Brown, the governor, said": a name, then its description
        relative = self.text.startswith(" who ", described.end("head"))  # "who": a person
        person_word = head in _EPITHETS or bool(_AGED.fullmatch(head)) or relative
        if not person_word or (head.endswith("s") and not head.endswith("ss")):
            return None  # "the pay", "the officials": not one person
        if lead in {"a", "an", "one", "another"}:
            return UNNAMED  # "A former inmate who asked not to be identified said"
        tokens = self.entities.tokens_in(described.start("head"), described.end("head"))
        if not tokens:
            return None
        entity = self._nominal(Phrase(tuple(tokens), "nominal"), at)
        if entity is None and (lead in {"his", "her", "their"} or owner is not None):
            entity = self._named_beside(head, at)  # "His wife, Trudy Bosma, said"
        if entity is None and lead in {"his", "her"} and head in _KIN_INVERSE:
            entity = self._kin_named(head, at)  # "Gord and his son, Kyle" … "His father"
        if entity is None and lead in {"his", "her"} and head in _KIN_INVERSE:
            # "Her husband said …", named only later: "She leaves her husband, Chukwuemeka"
            entity = self._named_beside(head, at, ahead=True)
        if entity is not None:
            return entity if entity.kind == "person" else None
        if owner is not None and self.entities.mention_at(described.start("owner"), at) is None:
            return UNNAMED  # "The driver's daughter": whose, and she, are never named
        if lead in {"his", "her"} and head in _KIN_INVERSE:
            # "Her mother said she did not mind": a relative no one named beside the word;
            # whoever is named elsewhere, the mentions would guess (wrongly, seven times
            # in nine on the probes): no one is suggested
            return UNNAMED
        if lead == "the":
            return self._main_person(at)
        return None

    def _after_the(self, phrase: Phrase) -> bool:
        """Whether "the" comes right before a phrase ("the Australian said"), or "the" and
        an age ("the 55-year-old Frenchman told")."""
        start = phrase.tokens[0].start
        aged = _AGE_BEFORE.search(self.text, max(0, start - 24), start)
        if aged is not None:
            start = aged.start() + 4
        return self.text[max(0, start - 4) : start].casefold() == "the "

    def _kin_named(self, kin: str, at: int) -> Entity | None:
        """The relative "his father" means, the article having named the pair the other way
        round: "Gord Vanderhage and his son, Kyle Vanderhage," then, after Kyle speaks, "His
        father was less certain" is Gord. "His" is the last speaker."""
        last = self.last_speaker.entity if self.last_speaker else None
        if last is None or last.kind != "person":
            return None
        inverse = _KIN_INVERSE[kin]
        for found in reversed(list(_KIN_PAIR.finditer(self.text, max(0, at - 6000), at))):
            if found.group(1).casefold() not in inverse:
                continue
            child = self.entities.mention_at(found.end(), found.end() + 1)
            parent = self.entities.mention_at(found.start() - 1, found.start())
            if (
                child is not None
                and parent is not None
                and child.start == found.end()
                and child.entity is last
                and parent.entity.kind == "person"
            ):
                return parent.entity
        return None

    def _subject_just_before(self, at: int) -> Entity | None:
        """The person named as the subject of the sentence before the one holding `at`
        (outside quotations), if that sentence has one."""
        index = bisect_right(self._sentence_starts, at) - 1
        if index < 1:
            return None
        sentence = self.structure.sentences[index - 1]
        mentions = [
            m
            for m in self.entities.between(sentence.start, sentence.end)
            if not self._inside_quote(m.start)
        ]
        if (
            len(mentions) >= 2
            and mentions[-1].entity.kind == "person"
            and self.text.endswith(", ", sentence.start, mentions[-1].start)
            and (clause := _REPORTING_CLAUSE_END.match(self.text, mentions[-1].end, sentence.end))
            and is_speech_verb(clause.group("verb"), "he")
        ):
            # "Tony Blair has failed, Michael Howard has said.": the sentence reports Howard
            return mentions[-1].entity
        for mention in mentions:
            if mention.entity.kind == "person" and self._is_subject(mention):
                return mention.entity
            return None  # the sentence's first name is not its subject
        return None

    def _named_beside(
        self, noun: str, at: int, owned: bool = False, ahead: bool = False
    ) -> Entity | None:
        """The person last named right after a word for them before `at`: "His wife, Trudy
        Bosma,", "Brodowski's lawyer, Roxanne Tetrault,", "Pham's son — Dat Pham" (a description the names list
        does not keep, being before the name). `owned`: only after an owner's word ("Her
        coach, Dirk Vermaelen," for "the Belgian-born coach"). `ahead`: the first so named
        after `at` instead, the nearest first."""
        # (a role may stand between: "his son, drummer Marcus Whitacre-Dupree,")
        pattern = re.compile(
            rf"\b(?i:{re.escape(noun)})(?:,|\s+[—–])?\s+(?:[a-z][\w-]*\s+){{0,2}}"
            r"(?:(?:Rev|Dr|Mr|Mrs|Ms|Prof|Sgt|Const|Det|Coun|Sen)\.?\s+)?(?=[A-Z])"
        )  # "its senior pastor, Rev. Jakob Enns-Thorsen,"
        found_all = (
            list(pattern.finditer(self.text, at, at + 6000))
            if ahead
            else reversed(list(pattern.finditer(self.text, max(0, at - 6000), at)))
        )
        for found in found_all:
            if owned and not _OWNER_BEFORE.search(
                self.text, max(0, found.start() - 30), found.start()
            ):
                continue
            mention = self.entities.mention_at(found.end(), found.end() + 1)
            if (
                mention is not None
                and mention.start == found.end()
                and mention.entity.kind == "person"
                and not self._inside_quote(found.start())
            ):
                return mention.entity
        return None

    def _main_person(self, at: int) -> Entity | None:
        """The person named most often before `at`, outside quotations."""
        starts, leaders = self._main_people
        index = bisect_left(starts, at)
        return leaders[index - 1] if index else None

    @cached_property
    def _main_people(self) -> tuple[list[int], list[Entity]]:
        """Where each person mention outside quotations starts, and who is then the person
        named most (one pass, so that asking at each quotation costs a bisection)."""
        counts: Counter[int] = Counter()
        starts: list[int] = []
        leaders: list[Entity] = []
        leader: Entity | None = None
        for mention in self.entities.mentions:
            if mention.entity.kind != "person" or self._inside_quote(mention.start):
                continue
            counts[id(mention.entity)] += 1
            if leader is None or counts[id(mention.entity)] > counts[id(leader)]:
                leader = mention.entity
            starts.append(mention.start)
            leaders.append(leader)
        return starts, leaders

    def _salient_person(self, at: int, gender: str = "") -> Entity | None:
        """The last person before `at` who was the subject of a sentence, else the last one
        named (outside quotations, within a few paragraphs); with a `gender` ("m", "f"),
        none known to be of the other."""
        sentence = self._sentence_start(at, 0)
        people = [
            m
            for m in self.entities.before(at, kind="person", limit=1500)
            if not self._inside_quote(m.start)
            and m.entity.gender in {"", gender or m.entity.gender}
        ]
        for mention in people:
            if self._is_subject(mention):
                return mention.entity
        # (not someone the words' own sentence names in passing: "Reacting to a comment by
        # chairman Tim Phillips, the American said" is not Phillips)
        named = [m for m in people if m.start < sentence]
        return named[0].entity if named else self._headline_person()

    @cached_property
    def _headline_people(self) -> list[Entity]:
        """The people a headline names by given name and surname ("Angela Merkel warns of
        crisis"), for a speaker the body only calls "she" or "the chancellor"."""
        if not self.body_start:
            return []
        lines = self.text[: self.body_start].split("\n")
        found = Entities(
            "\n".join(" " * len(line) if _BYLINE.search(line) else line for line in lines)
        )
        people = [
            e
            for e in found.entities
            if e.kind == "person"
            and len(e.name.split()) >= 2
            and (is_given_name(e.name.split()[0]) or _is_titled(e.description))
        ]
        # A Title Case headline is one run of capitals, in which the scan finds no one: its
        # people by a given name and a surname the story writes too (`Entities.headline_pairs`).
        surnames = {e.name.split()[-1] for e in people}
        others = [e.name for e in found.entities if e.kind != "person"]  # ("Fox News Files …")
        for start, given, surname in self.entities.headline_pairs:
            name = f"{given} {surname}"
            if surname not in surnames and not any(name in other for other in others):
                surnames.add(surname)
                people.append(Entity(name, "person", start, gender=person_gender(given)))
        return people

    def _headline_person(self, gender: str = "") -> Entity | None:
        for entity in self._headline_people:
            if not gender or gender not in {"m", "f"} or entity.gender in {"", gender}:
                return entity
        return None

    def _nominal(self, phrase: Phrase, at: int) -> Entity | None:
        """ "the criminologist" -> the person so described; "the agency" -> the organisation."""
        head = phrase.head.folded
        other = not _EPITHET_STOPS.isdisjoint(t.folded for t in phrase.tokens)
        if head in _STUDY_AUTHORS and phrase.tokens[0].folded == "the":
            # "the authors wrote" for a paper whose lead author the story named
            for mention in self.entities.before(at, kind="person", limit=6000):
                after = self.text[mention.end : mention.end + 160].split(". ", 1)[0]
                if _LEAD_AUTHOR.search(mention.entity.description) or _LEAD_AUTHOR.search(after):
                    return mention.entity  # "…, and the study's lead author," / "who led the study"
        if head in _AGE_NOUNS and phrase.tokens[0].folded == "the":
            aged = self._of_age(_AGE_NOUNS[head], at)
            if aged is not None:
                return aged  # "the teenager" after "his son, Mattias Sorensen, 16,"
        if head.endswith("-elect") and phrase.tokens[0].folded == "the":
            elected = self._elected(head.removesuffix("-elect"), at)
            if elected is not None:
                return elected  # "the mayor-elect" after "Colette Fitzgerald was elected mayor"
        # "the 22-year-old centre": a player of that age, not the Bell Centre
        aged_person = any(_AGE.fullmatch(t.folded) for t in phrase.tokens) or bool(
            _AGE_BEFORE.search(
                self.text, max(0, phrase.tokens[0].start - 20), phrase.tokens[0].start
            )
        )
        if (head not in ORG_NOUNS or aged_person) and not other:
            # ("the other officer": not the one named)
            mentions = list(self.entities.before(at, kind="person", limit=6000))
            age = next((a for t in phrase.tokens if (a := _AGE.fullmatch(t.folded))), None)
            aged_before = _AGE_BEFORE.search(
                self.text, max(0, phrase.tokens[0].start - 20), phrase.tokens[0].start
            )
            if age is None and aged_before is not None:
                age = aged_before  # "says the 61-year-old grandmother": the age before the noun
            if age is not None:  # "the 81-year-old" after "Jean-Guy Tremblay, 81,"
                given = re.compile(rf",? \(?{age.group(1)}\)?[,)]| \({age.group(1)}\)")
                for mention in mentions:
                    if given.match(self.text, mention.end, mention.end + 8):
                        return mention.entity
                aged_so = re.compile(  # (not "Aisha Rahman, the 34-year-old’s mother,")
                    rf",\s+(?:an?\s+(?:[\w-]+\s+)?)?{age.group(1)}-year-old\b(?![’']s)"
                )
                described_so = {
                    id(m.entity): m.entity
                    for m in mentions
                    if aged_so.match(self.text, m.end, m.end + 40)
                }
                if len(described_so) == 1:
                    # "the 34-year-old said" after "Aisha Rahman, a 34-year-old teacher"
                    return next(iter(described_so.values()))
                if phrase.tokens[0].folded == "the" or aged_before is not None:
                    # "Every morning, Nomvula Dlamini-Khoza joins the queue. “…,” says the
                    # 61-year-old grandmother": an age no one was given, right after a subject
                    just_before = self._subject_just_before(at)
                    if just_before is not None:
                        return just_before
                    subject = self._described_subject(at)
                    if subject is not None and subject is not UNNAMED:
                        # "The representative plaintiff, Carys Mbemba-Doucette, said she
                        # cried … “…,” the 38-year-old said"
                        return subject
                    # "Walter Pleszkewycz leaves his farm … Then he drives home again. “…,”
                    # said the 71-year-old grain farmer": the person in view, unless the
                    # article gave that person another age
                    salient = self._salient_person(at) if aged_before is not None else None
                    if (
                        salient is not None
                        and (not salient.gender or _gender_of_words(phrase) in {"", salient.gender})
                        and not any(
                            _GIVEN_AGE.match(self.text, m.end, m.end + 8)
                            for m in mentions
                            if m.entity is salient
                        )
                    ):
                        return salient
            people = [m.entity for m in mentions]
            just_before = (
                self._subject_just_before(at) if phrase.tokens[0].folded == "the" else None
            )
            if just_before is not None and self._called(just_before, head, at):
                # "Asked about the recount, Sidhu smiled. “…,” the candidate said", after
                # "over Sidhu, the Conservative candidate": the one in view, so called before
                return just_before
            candidates = [*people, *self._headline_people]  # the headline's, last
            if phrase.tokens[0].folded in _INDEFINITE_LEADS:
                # "one Western official asks" brings in someone new, not the "former
                # economic official" named before; but "Andrew J. Tabler, an expert on
                # Syria, noted" is the name it follows, and "An Oshawa city councillor has
                # apologized" in a story's first lines may be whom its headline names
                start = phrase.tokens[0].start
                candidates = [
                    *(m.entity for m in mentions if self.text[m.end : start] in _APPOSITION),
                    *self._headline_people,
                ]
            for entity in candidates:
                if entity.description.startswith("who ") and not role_clause(entity.description):
                    continue  # "who is not related to the chief executive": no role of hers
                described = entity.description.casefold().replace(",", " ").split()
                if not _same_rank(phrase, head, described):
                    continue  # "the deputy mayor" is not the mayor, nor "the mayor" the deputy
                if (
                    head in described
                    or any(_TITLE_WORDS.get(word.rstrip(".")) == head for word in described)
                    or not _ROLE_KINDS.get(head, frozenset()).isdisjoint(described)
                ):  # "the corporal" for "Cpl. Marie Ouellette", "the judge" for "Justice …",
                    # "the executive" for "the railway's vice-president"
                    if self._brought_in_since(entity, head, mentions, phrase.tokens[0].start):
                        return None  # "one Western official asks" … "the same official"
                    return entity
            sole = self._sole_of_gender(phrase, head, mentions, at)
            if sole is not None:
                return sole
            if _qualified_role(phrase, head, self.text):
                # "the Salford MP told", "the Prairie Sky CEO said", "the England captain
                # said": an office or a role of a place, a party or a firm, which the article
                # gives the person it is about right then (no one
                # else was called so)
                gender = _gender_of_words(phrase)
                person = just_before or self._salient_person(at, gender)
                if person is not None and (not gender or person.gender in {"", gender}):
                    return person
            if (
                not people
                and len(self._headline_people) == 1
                and phrase.tokens[0].folded == "the"
                and (
                    age is not None
                    or (
                        head in PERSON_NOUNS
                        and head not in _DOCUMENT_NOUNS
                        and head not in _SPOKESPEOPLE
                    )
                )
            ):
                # "Lytton survivor Evelyn Charlie says …" over a story that only calls her
                # "the retired schoolteacher", "the 74-year-old"
                return self._headline_people[0]
        if (
            head in STATEMENT_NOUNS - {"spokesman", "spokeswoman", "spokesperson"}
            and phrase.tokens[0].possessive
        ):
            owner = self.entities.mention_at(phrase.tokens[0].start, phrase.tokens[0].end)
            return owner.entity if owner else None
        if (
            head in STATEMENT_NOUNS - _SPOKESPEOPLE
            and len(phrase.tokens) >= 2
            and phrase.tokens[-2].folded in ORG_NOUNS
            and phrase.tokens[-2].text.islower()
        ):  # "said an agency statement", "a company statement said": the body's, as "the
            # agency said" is
            return self._organisation(Phrase(phrase.tokens[:-1], "nominal"), at)
        if head in ORG_NOUNS and head in PERSON_NOUNS and _team_qualified(phrase):
            return None  # "the Flames centre": a player, not a centre (the person path)
        if aged_person:
            return None  # someone of that age, not a body
        if head in ORG_NOUNS or head in {
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "representative",
            "representatives",
        }:
            return self._organisation(phrase, at)
        if phrase.tokens[0].folded == "the" and self._names_a_body(head, at):
            return self._organisation(phrase, at)  # "the regional district", "the order"
        return None

    def _brought_in_since(
        self, entity: Entity, head: str, mentions: Sequence[Mention], until: int
    ) -> bool:
        """Whether someone unnamed was brought in by the same noun since the entity was last
        named before `until` ("Naseem Akbar, a former economic official …" then "“…” one
        Western official asks" then "the same official explains": the unnamed one)."""
        last = max((m.end for m in mentions if m.entity is entity and m.end <= until), default=0)
        if not last:
            return False  # named in the headline alone: "a two-term city councillor
            # announced her campaign" in the story's first lines is the headline's
        floor = max(last, until - _SOLE_REACH)
        for found in _SOMEONE_BROUGHT_IN.finditer(self.text, floor, until):
            words = found.group("words").casefold().split()
            if head not in words:
                continue
            after = self.text[found.end() : found.end() + 24].split(maxsplit=1)
            speaking = bool(after) and is_speech_verb(after[0].strip(",."), words[-1])
            quoted = self.text[max(0, found.start() - 3) : found.start()].rstrip(" ,")[-1:]
            if speaking or quoted in _CLOSING_MARKS:
                return True  # someone unnamed who speaks ("” one Western official asks")
        return False

    def _sole_of_gender(
        self, phrase: Phrase, head: str, mentions: Sequence[Mention], at: int
    ) -> Entity | None:
        """ "says the woman", "the man said": the one person of that gender the article has
        named so far, if it named one and no one unnamed was brought in since as "a woman"
        ("A woman who would not give her name said …" is someone else)."""
        gender = _PLAIN_GENDERED_NOUNS.get(head)
        if gender is None or phrase.tokens[0].folded != "the":
            return None
        people = {id(m.entity): m.entity for m in mentions if m.entity.gender == gender}
        if len(people) != 1:
            return None
        (person,) = people.values()
        last = max(m.end for m in mentions if m.entity is person)
        # (within the reach the people were looked for in: not the whole text at each
        # "the woman", which a long article of such quotations would read again and again)
        floor = max(0, phrase.tokens[0].start - _SOLE_REACH)
        for found in _SOMEONE_BROUGHT_IN.finditer(self.text, floor, phrase.tokens[0].start):
            lead = self.text[max(0, found.start() - 12) : found.start()].rstrip()
            if lead.endswith(",") or lead.rsplit(" ", 1)[-1] in _SAYS_WHO_ONE_IS:
                continue  # "Ndali is a mother of two", "Ndali, a mother of two,": herself
            nouns = found.group("words").casefold().split()
            if head in nouns or (found.start() > last and not PERSON_NOUNS.isdisjoint(nouns)):
                return None  # "a man came in …" (ever), "A resident who … said" (since)
        return person

    def _called(self, entity: Entity, noun: str, at: int) -> bool:
        """Whether the article called `entity` by `noun` before `at`: in its first
        description, or in words set off after any of its mentions ("Sidhu, the B.C.
        Conservative candidate,", "Obi, a Liberal MP from Toronto,"; not "the chief's
        uncle": the noun ends the words or their phrase)."""
        if noun in entity.description.casefold().replace(",", " ").split():
            return True
        called = re.compile(  # (an initial's full stop, "B.C.", does not end the words)
            rf",\s+(?:a|an|the)\s+(?:[^,.;:“”\"]|(?<=[A-Z])\.){{0,60}}?\b{re.escape(noun)}"
            r"(?=\s*[,.;:)—–]|\s+(?:in|for|of|from|at|with|on|who|since)\b)"
        )
        return any(
            called.match(self.text, m.end)
            for m in self.entities.before(at, kind="person", limit=6000)
            if m.entity is entity
        )

    def _names_a_body(self, noun: str, at: int) -> bool:
        """Whether an organisation named before `at` has `noun` among the words of its name
        ("the order" after "the Quebec Order of Engineers", "the regional district" after "the
        Regional District of North Okanagan"): a noun for that body in this article."""
        if len(noun) <= 3 or noun in TITLES or noun in PERSON_NOUNS:
            return False  # ("the minister": a person, even after "the Minister of Finance")
        return any(
            noun in mention.entity.name.casefold().split()
            for mention in self.entities.before(at, kind="org", limit=6000)
        )

    def _of_age(self, ages: range, at: int) -> Entity | None:
        """The one person named before `at` with an age in `ages` ("Mattias Sorensen, 16,"
        for "the teenager"), if only one was given such an age."""
        found: dict[int, Entity] = {}
        for mention in self.entities.before(at, kind="person", limit=6000):
            given = _GIVEN_AGE.match(self.text, mention.end)
            if given is not None and int(given.group(1) or given.group(2)) in ages:
                found[id(mention.entity)] = mention.entity
        return next(iter(found.values())) if len(found) == 1 else None

    def _elected(self, office: str, at: int) -> Entity | None:
        """The person the article says was elected to an office ("Colette Fitzgerald has
        been elected mayor of St. John's"), for "the mayor-elect"."""
        pattern = re.compile(
            rf"[^.;]{{0,40}}\b(?:elected|voted\s+in\s+as)\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
            rf"{re.escape(office)}\b",
            re.IGNORECASE,
        )
        for mention in self.entities.before(at, kind="person", limit=6000):
            if pattern.match(self.text, mention.end):
                return mention.entity
        return None

    def _organisation(self, phrase: Phrase, at: int) -> Entity | None:
        """ "the conservation department" -> the Department of Conservation; "the agency" -> the
        organisation last quoted, else the last named."""
        words = {
            t.folded for t in phrase.tokens[:-1] if t.folded not in DETERMINERS
        }  # the modifiers
        head = phrase.head.folded
        orgs = [
            m.entity
            for m in self.entities.before(at, kind="org", limit=6000)
            if not self._inside_quote(m.start) and not _kinds_clash(head, m.entity.name)
        ]
        best: tuple[int, Entity] | None = None
        for entity in orgs:
            shared = len(words & set(entity.name.casefold().split()))
            if shared and (best is None or shared > best[0]):
                best = (shared, entity)
        if best is not None:
            return best[1]
        owned = _place_owned_body(phrase)
        if owned is not None:
            return owned
        for token in phrase.tokens[:-1]:
            initialled = self.entities.by_initials(token.text)
            if initialled is None and _is_acronym_word(token.text):
                initialled = self.entities.find(token.text)  # "(BPI)" written beside it
            if initialled is not None and any(entity is initialled for entity in orgs):
                return initialled  # "the EDGI web monitoring group": the body named in full
        capitalised = any(
            t.capitalised and t.folded not in _GENERIC_ORG_NOUNS
            for t in phrase.tokens[:-1]
            if t.folded not in DETERMINERS and not t.folded.endswith(MODIFIER_ENDINGS)
        )  # ("the Seoul-based company": where it is, not which)
        if capitalised and phrase.tokens[0].folded in {"a", "an"}:
            # "a Hydro One spokesman", "A Mitsubishi representative": one of a body named by
            # words no body named before has, not the last named nor the last that spoke
            return None
        spoke = self._organisation_that_spoke(head, at)
        if spoke is not None:
            return spoke
        named = [
            entity
            for entity in (orgs if head not in _GENERIC_ORG_NOUNS else ())
            if head in entity.name.casefold().split()
            or any(part in entity.name.casefold() for part in _ORG_NOUN_NAMES.get(head, ()))
        ]
        direct = [entity for entity in named if head in entity.name.casefold().split()]
        named = direct or named  # a union called so before a federation that may be one
        if named:
            # "the union": the Canadian Union of Postal Workers, named before; of two boards,
            # the one the story names most ("the board": the school board it is about, not
            # the old board it mentions once); "the hospital": the Regional Health Centre
            counts = Counter(id(entity) for entity in named)
            return max(named, key=lambda entity: counts[id(entity)])
        if any(is_demonym(word) or is_place(word) for word in words):
            return None  # "the Mexican government": no organisation named so, not the last one
        if head in _ORG_KIND_NOUNS:
            return None  # "the association": none named so, so not the police named last
        if capitalised or any(
            t.folded in ORG_NOUNS and t.folded not in _GENERIC_ORG_NOUNS
            for t in phrase.tokens[:-1]
            if t.folded not in DETERMINERS and not t.folded.endswith(MODIFIER_ENDINGS)
        ):
            return None  # "an army spokesperson", "the Hydro One spokesman": not the last named
        last = self.last_speaker
        quoted = last.entity if last is not None and last.entity is not None else None
        if head in BUSINESS_NOUNS:
            # "The manufacturer, Maplebrook Pharmaceuticals Inc., … the company said": the
            # nearest company by its name's ending, unless the body last quoted is nearer
            # and no company was named since it spoke ("Health Canada said … The
            # manufacturer, Maplebrook Pharmaceuticals Inc., said it had contacted Health
            # Canada. … the company said": the manufacturer)
            companies = [
                entity
                for entity in orgs
                if not CORPORATE_ENDINGS.isdisjoint(entity.name.casefold().replace(".", "").split())
            ]
            subjects = [
                m.entity
                for m in self.entities.between(self._last_speech_end, at)
                if m.entity.kind == "org" and (self._is_subject(m) or self._speaks_next(m))
            ]
            if subjects and subjects[-1] in companies:
                return subjects[-1]
            for entity in orgs:
                if entity is quoted or entity in companies:
                    return entity
        if (
            last is not None
            and last.entity is not None
            and last.entity.kind == "org"
            and not _kinds_clash(head, last.entity.name)
            and not self._never_speaks(last.entity, at)
        ):
            return last.entity
        speakers = [entity for entity in orgs if not self._never_speaks(entity, at)]
        if head in BUSINESS_NOUNS and speakers:
            # "the company said" of none whose name says it is one ("Borealis Air"): the
            # body the story names most, not the one named last ("in Western Canada", "The
            # Times"); of equals, the nearest
            counts = Counter(id(entity) for entity in speakers)
            return max(speakers, key=lambda entity: counts[id(entity)])
        return speakers[0] if speakers else None

    def _organisation_that_spoke(self, head: str, at: int) -> Entity | None:
        """The organisation the article had speak since the last quotation, in this paragraph
        or the one before ("Hydro Ottawa said it had extra crews on standby. “…,” the utility
        said"), if a noun for it may stand
        for that organisation: a kind's noun only for one named so ("the union" is never
        Hydro Ottawa), a business's never for a civic body."""
        before = self._paragraph_start(self._paragraph_start(at) - 1)  # the paragraph before
        since = max(self._last_speech_end, before)
        spoke = [
            m.entity
            for m in self.entities.between(since, at)
            if m.entity.kind == "org" and not self._inside_quote(m.start) and self._org_spoke(m)
        ]
        if not spoke:
            return None
        entity = spoke[-1]
        name = entity.name.casefold()
        if _kinds_clash(head, entity.name) or (
            head in _ORG_KIND_NOUNS
            and head not in name.split()
            and not any(part in name.split() for part in _ORG_NOUN_NAMES.get(head, ()))
        ):
            return None
        return entity

    def _org_spoke(self, mention: Mention) -> bool:
        """Whether an organisation's mention is who says something in its sentence ("Hydro
        Ottawa said", "Fisheries and Oceans Canada, which must approve …, said"), not a
        complement ("a councillor of the Tallow River Nation said") or an owner ("The PBO's
        findings")."""
        if mention.text.endswith(("'s", "’s")) or _COMPLEMENT_BEFORE.search(
            self.text, max(0, mention.start - 12), mention.start
        ):
            return False
        if self._speaks_next(mention):
            return True
        if not self._is_subject(mention):
            return False
        stop = _SENTENCE_END.search(self.text, mention.end, mention.end + 300)
        return (
            _SPEECH_IN_SENTENCE.search(
                self.text, mention.end, stop.start() if stop else mention.end + 300
            )
            is not None
        )

    def _speaks_next(self, mention: Mention) -> bool:
        """Whether a speech verb follows a mention ("but GM said it will …")."""
        following = _WORD.match(self.text, mention.end + 1)
        return following is not None and is_speech_verb(following.group(), mention.text)

    def _not_only_spoken_to(
        self, candidates: list[Candidate], quote: Quotation, rule: Rule
    ) -> list[Candidate]:
        """The candidates without an outlet the paragraph names only as one spoken to or
        given a document ("in a letter to staff, which was obtained by Global News"), nor a
        news agency, unless the rules chose it."""
        end = self._paragraph_end(quote.outer.end)
        told = self._told_here(quote)
        return [
            c
            for c in candidates
            if c.entity is None
            or c.entity is rule.entity
            or c.entity.kind != "org"
            or not (c.entity in told or self._never_speaks(c.entity, end))
        ]

    def _told_after(self, entity: Entity, at: int) -> bool:
        """Whether the verb at `at` is said to `entity`, named right after it ("told
        Schoolcraft", "said to Schoolcraft"), in its sentence."""
        end = min(self._sentence_end(at), at + 60)
        return any(
            m.entity is entity
            and _LISTENER_BEFORE.search(self.text, max(0, m.start - 24), m.start) is not None
            for m in self.entities.between(at, end)
        )

    def _told_here(self, quote: Quotation) -> set[Entity]:
        """The organisations the quotation's own sentence names as spoken to, before it ("A
        Mitsubishi representative told AN that, “…”"): the outlet, whatever else it said."""
        start = self._sentence_start(quote.outer.start, quote.outer.start - 300)
        return {
            m.entity
            for m in self.entities.between(start, quote.outer.start)
            if m.entity.kind == "org"
            and _LISTENER_BEFORE.search(self.text, max(0, m.start - 24), m.start)
        }

    def _never_speaks(self, entity: Entity, at: int) -> bool:
        """Whether an organisation is no speaker here: a news agency (the story's copy or
        poll: "SANTIAGO (Reuters) -", "polled by Reuters"), or one every mention of which
        before `at` is of one spoken to ("told APTN News", "In a statement to HuffPost
        Canada"): the outlet, not a speaker."""
        return _news_agency(entity) or all(
            _LISTENER_BEFORE.search(self.text, max(0, m.start - 24), m.start)
            for m in self.entities.before(at, kind="org", limit=6000, of=entity)
        )

    def _codebook_name(self, name: str | None, entity: Entity | None) -> str | None:
        """The codebook's spelling of a speaker: a source already used under one of the
        entity's names ("ICE" for U.S. Immigration and Customs Enforcement; "Immigration and
        Customs Enforcement (ICE)", a name the user gave it, by its letters or its words),
        else the closest fuzzy match of the full name ("Heather Mcpherson" -> "Heather
        McPherson")."""
        if not name or not self.known:
            return name
        if entity is not None and entity.kind == "org":
            aliases = {alias.replace(".", "") for alias in entity.aliases}
            for source in self.known:
                folded = source.replace(".", "").casefold()
                core, _, inside = folded.partition(" (")
                inside = inside.removesuffix(")")
                if (
                    folded in aliases
                    or inside in aliases  # "Immigration and Customs Enforcement (ICE)"
                    or (
                        " " in core
                        and any(alias == core or alias.endswith(" " + core) for alias in aliases)
                    )
                ):  # "US Immigration and Customs Enforcement" for the codebook's shorter name
                    return source
        alone = name.strip()
        if (entity is None or entity.kind == "person") and " " not in alone and not alone.isupper():
            # a follow-up story's surname alone ("said Tombe, the economist"): the one person
            # of the codebook of that surname (a second source "Tombe" was made beside
            # Trevor Tombe); of two such people, neither
            surname = name.strip().casefold()
            people = [  # (a person: a given name first; "Goldman Sachs" is no Mr. Sachs)
                source
                for source in self.known
                if len(source.split()) >= 2
                and source.split()[-1].strip(".,").casefold() == surname
                and is_given_name(source.split()[0])
            ]
            if len(people) == 1:
                return people[0]
        match = process.extractOne(name, self.known, scorer=fuzz.token_sort_ratio, score_cutoff=88)
        return match[0] if match else name
