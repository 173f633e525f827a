"""Who is named in an article: people and organisations, and every mention of each.

Without a language model, names are runs of capitalised words ("Doug King", "Korean
Central News Agency"), read with a few lists: titles that precede names ("Prime Minister",
"Dr."), words that make a run an organisation ("University", "Agency", acronyms like ICE),
and words that start sentences without being names. Each article gets an `Entities`
registry: a person is known by full name; later mentions by surname ("King"), honorific
and surname ("Mr Obama"), or a near spelling ("Water" for "Waters") link to that person;
an acronym defined in brackets ("Korean Central News Agency (KCNA)") links to its full
name. The descriptive phrase at a first mention ("Mount Royal University criminologist
Doug King", "Paul Dewar, an Ottawa New Democrat MP,") is kept as the description.

`Entities` is built in layers, one module each: `mentions` (tokens, entities, mentions),
`name_registry` (who goes by which name), `name_words` and `name_scan` (reading runs of
capitals as names), and this module, which runs the scan and the passes after it
(organisations known by apposition or by "it", surnames, genders, titles of works).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from reader.quotes.given_names import is_given_name
from reader.quotes.lexicon import words
from reader.quotes.mentions import Entity, Mention, Token, _capitalised
from reader.quotes.name_registry import ORG_WORDS, TITLES
from reader.quotes.name_scan import _NameScanner
from reader.quotes.name_words import (
    _ORDINAL,
    _PREPOSITIONS,
    _RANK_AFTER_ORDINAL,
    FEMALE,
    MALE,
    _for_a_person,
    nationality_noun,
)
from reader.quotes.places import is_place

_ORG_NOUN_WORDS = words("org_nouns")
_BUSINESS_LEAD_NOUNS = words("business_lead_nouns")  # "banking giant Goldman Sachs"
# The lower-case word just before a name: "giant " of "banking giant Goldman Sachs".
_LAST_LOWER_WORD = re.compile(r"(?<![\w'’])([a-z]+) $")
_ORG_APPOSITION = re.compile(  # "The company, ", "The group that owns her music, ", opening
    # its sentence; "Lennox's management company, ": a possessive and words before the noun
    r"(?:^|\n|[.!?][\"”’]?\s+)(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.-]*['’]s?)"
    r"\s+(?:[a-z][\w-]*\s+){0,2}(\w+)"
    r"(?:\s+(?:that|which)\s+[^,.;:!?\n]{1,80})?,\s+$"  # its sentence
)  # "resident", "hunter": a role before a name


def _may_be_a_body(entity: Entity) -> bool:
    """Whether a "person" may yet turn out to be a body: two words or more, no gender known,
    not opening with a given name ("Taylor Branch" stays a person), and named with no
    person's title ("Senator the Hon. Aubyn Hill" stays one, though a page about a hill
    station then says "the hill")."""
    words = entity.name.split()
    return (
        entity.kind == "person"
        and len(words) >= 2
        and not entity.gender
        and not is_given_name(words[0].casefold())
        and not any(w.casefold().rstrip(".") in TITLES for w in entity.description.split())
    )


# A cue right after a name, and "it" as what it says's subject: "World Aquatics said it would".
_CUE_AFTER = re.compile(
    r"\s+(?:said|says|announced|added|stated|confirmed|noted|wrote)\s+(?:(?:on|in)\s+\w+\s+)?"
    r"(?:that\s+)?(?P<it>it\s+(?:would|will|was|is|has|had|could|did|does|can|plans|expects)\b)?"
)
LAST_WORD = re.compile(r"\b(\w+)[ \t]+$")  # the word right before an offset
_THE_AND_WORD = re.compile(r"\b[Tt]he (?=(\w+)\b)")  # "the festival" (overlapping: "the the")
# Where a person's first sentence stops telling their gender: its end (also before closing
# marks), its paragraph's, or a quotation, whose "she" is someone the speaker talks about
# ("Dr. Ilan Weisbrod … said … “…patient.” / “Medically, if she was stable,” he said").
_PRONOUN_SEARCH_END = re.compile(r"[.!?][\"”’')\]]*(?:\s|$)|\n|[\"“«]")
_PRONOUN_REACH = 2000  # characters: longer than any sentence of news
_PERSON_WORDS = words("person_nouns") | TITLES  # (TITLES: defined above)
# "the executive", "a veteran lawyer", "his son": a determiner, maybe one word, then a noun
_DESCRIBED_PERSON = re.compile(
    r"\b(?:the|a|an|his|her|their|its)\s+(?:([a-z][\w-]*)\s+)?([a-z][\w-]*)\b",
    re.IGNORECASE,
)
_GENDERED_PRONOUN = re.compile(
    r"\b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b", re.IGNORECASE
)


# Where a description stops being about the person: "Hamish Carruthers, whose mother has
# lived with a caregiver", "a farmer who lost his wife": the words after are someone else's.
_RELATIVE_WORDS = frozenset({"who", "whose", "which", "that"})


def _described_words(description: str) -> set[str]:
    """The words of a person's description that describe them ("mother of four"), up to
    a relative clause ("whose son …" names the son, not the person)."""
    described: set[str] = set()
    for word in description.split():
        folded = word.strip(",.").casefold()
        if folded in _RELATIVE_WORDS:
            break
        described.add(folded)
    return described


_NAME_PARTS = re.compile(r"[\s\-]+|[’']s?$")
# Small words a title of a work writes in capitals inside it, and a name never does.
_CAPITAL_SMALL_WORDS = frozenset({"Of", "The", "And", "In", "For", "On", "To", "With", "A"})
_WORK_NOUNS = words("work_nouns") | {"single", "track", "hit"}


def rank_ordinal(toks: Sequence[Token], at: int) -> bool:
    """Whether `toks[at]` is the ordinal of a rank, before its title: "Air Force 1st Lt. Tyler
    Livingston", "Sgt. 1st Class Dana Whitt", "Petty Officer 2nd Class Joan Mares"."""
    return (
        _ORDINAL.fullmatch(toks[at].text) is not None
        and at + 1 < len(toks)
        and _capitalised(toks[at + 1].text)
        and toks[at + 1].folded.rstrip(".") in _RANK_AFTER_ORDINAL
    )


# A given name then a capitalised word: each capitalised word is tried as a given name (the
# pairs overlap: "Over Lamar Nogueira").
_HEADLINE_READ = 400  # (a headline is shorter: a first line past it is a paragraph)
_GIVEN_AND_SURNAME = re.compile(r"\b([A-Z][a-z]+)\s+(?=([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")


def headline_people(text: str, body_start: int) -> list[tuple[int, str, str]]:
    """The people a Title Case headline (the text before `body_start`) names by a given name
    and a surname the story writes too, in capitals and after a word of its sentence ("…
    Over Mikayla Nogueira After The Makeup Influencer …", then "In a livestream, Nogueira
    said"): where each starts, the given name and the surname. The name scan reads such a
    headline as one run of capitals and finds no one in it. Only a headline's first
    `_HEADLINE_READ` characters are read: each pair found costs a search of the story."""
    found = []
    for pair in _GIVEN_AND_SURNAME.finditer(text, 0, min(body_start, _HEADLINE_READ)):
        given, surname = pair.group(1), pair.group(2)
        if (
            is_given_name(given)
            and not is_given_name(surname)
            and re.compile(rf"[\w,;] {re.escape(surname)}(?![\w’'-])").search(text, body_start)
        ):
            found.append((pair.start(), given, surname))
    return found


class Entities(_NameScanner):
    """The people and organisations of one article, and where each is mentioned."""

    def __init__(self, text: str, start: int = 0, titles: Sequence[tuple[int, int]] = ()) -> None:
        """`titles`: the spans of quoted titles ("Financial Freedom: A Proven Path to All the
        Money You Will Ever Need"), whose capitalised words name no one unless a given name
        or a body's word says so."""
        super().__init__(text, start, titles)
        self._scan()
        self._people_the_headline_names()
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._organisations_by_apposition()
        self._organisations_by_reference()
        self._organisations_by_it()
        self._people_by_their_surname()
        self._common_word_phrases()
        self._modifiers_of_a_role()
        self._titles_of_works()
        self._names_after_the()
        self._genders()

    def _people_the_headline_names(self) -> None:
        """A person a Title Case headline names in full (`headline_people`) and the story
        by surname alone, which the scan left unnamed: known by the full name, each of the
        story's mentions of the surname theirs (so "she" and "Nogueira said" find them)."""
        # (kept for the descriptions, which offer them as the headline's people too)
        self.headline_pairs: list[tuple[int, str, str]] = (
            headline_people(self.text, self.start) if self.start else []
        )
        for start, given, surname in self.headline_pairs:
            name = f"{given} {surname}"
            if self.find(surname) is not None or self.find(name) is not None:
                continue
            entity = self._person(name, start)
            taken = [(m.start, m.end) for m in self.mentions]
            pattern = re.compile(rf"(?<![\w’'-]){re.escape(surname)}(?![\w’'-])")
            for found in pattern.finditer(self.text, self.start):
                if not any(s < found.end() and found.start() < e for s, e in taken):
                    self._mention(found.start(), found.end(), entity)

    def _organisations_by_apposition(self) -> None:
        """A name first given in apposition to a word for an organisation is one, whatever
        its words look like: "The company, Déneigement Rive-Sud Gagné, was owned by Éric
        Gagné" (taken for a person, it took Gagné's quotes)."""
        bodies = [entity for entity in self.entities if self._first_given_as_a_body(entity)]
        if bodies:
            self._make_orgs(bodies)

    def _first_given_as_a_body(self, entity: Entity) -> bool:
        """Whether a "person" of two words or more, no given name first, is first named in
        apposition to a word for an organisation, or right after a word for a business."""
        words = entity.name.split()
        if entity.kind != "person" or len(words) < 2 or is_given_name(words[0]):
            return False
        lead = _ORG_APPOSITION.search(self.text, max(0, entity.first - 120), entity.first)
        return (
            lead is not None and lead.group(1).casefold() in _ORG_NOUN_WORDS
        ) or self._after_a_business_noun(entity)

    def _after_a_business_noun(self, entity: Entity) -> bool:
        """Whether a name is first given right after a word for a business, in lower case:
        "investment banking giant Goldman Sachs", "the bank Morgan Stanley", "carmaker
        Jaguar Land Rover" (a surname is not written after "bank"; "Goldman Sachs" had been a
        person, so "the bank said" found no one)."""
        lead = _LAST_LOWER_WORD.search(self.text, max(0, entity.first - 40), entity.first)
        return lead is not None and lead.group(1) in _BUSINESS_LEAD_NOUNS

    def _make_orgs(self, bodies: list[Entity]) -> None:
        """Turn "persons" into organisations; the last word of one alone ("Gagné told the
        court") stays the person of that name, where the article has one (the mentions are
        read once for all of them)."""
        turned = {id(entity) for entity in bodies}
        for entity in bodies:
            entity.kind, entity.gender = "org", ""
        for index, mention in enumerate(self.mentions):
            entity = mention.entity
            if id(entity) in turned and mention.text != entity.name:
                people = [
                    e
                    for e in self._with_alias(mention.text.casefold())
                    if e.kind == "person" and e is not entity
                ]
                if people:
                    self.mentions[index] = replace(mention, entity=people[0])
                    self._mentions_of[id(entity)] -= 1
                    self._mentions_of[id(people[0])] += 1

    def _organisations_by_reference(self) -> None:
        """A name the article later calls "the" and its last word in lower case is a body,
        whatever its words look like: "the Winnipeg Folk Festival …" then "the festival
        said", "the Residential Tenancy Branch …" then "the branch wrote" (a surname is not
        written as a common noun). Only for names that do not open with a given name
        ("Taylor Branch" stays a person)."""
        last_called_the: dict[str, int] | None = None  # "festival": where "the festival" last is
        for entity in self.entities:
            words = entity.name.split()
            if not _may_be_a_body(entity) or not words[-1].isalpha() or not words[-1][0].isupper():
                continue
            if last_called_the is None:  # one pass over the text, only when a name needs it
                last_called_the = {
                    match[1]: match.start() for match in _THE_AND_WORD.finditer(self.text)
                }
            if last_called_the.get(words[-1].casefold(), -1) >= entity.first:
                entity.kind = "org"

    def _organisations_by_it(self) -> None:
        """A name that does not open with a given name, whose statements the article goes
        on as "it" ("World Aquatics said it would reallocate the medals"), at every mention
        followed by a cue, is a body."""
        told: dict[int, list[bool]] = {}
        for mention in self.mentions:
            entity = mention.entity
            if not _may_be_a_body(entity):
                continue
            cue = _CUE_AFTER.match(self.text, mention.end)
            if cue is not None:
                told.setdefault(id(entity), []).append(bool(cue.group("it")))
        for entity in self.entities:
            said = told.get(id(entity))
            if said and all(said):
                entity.kind = "org"

    def _people_by_their_surname(self) -> None:
        """A two-word "organisation" whose last word the article goes on to use alone for a
        person is that person, named in full: "WhiteFeather Hunter has been battling …" then
        "Hunter said" (a capital inside a word had made a brand of her). Not a name with a
        body's word in it."""
        people = {
            e.name.casefold(): e for e in self.entities if e.kind == "person" and " " not in e.name
        }
        if not people:
            return
        for entity in self.entities:
            words = entity.name.split()
            if entity.kind != "org" or len(words) != 2:
                continue
            person = people.get(words[1].casefold())
            if (
                person is None
                or person.first < entity.first
                or not ORG_WORDS.isdisjoint(w.casefold() for w in words)
                or any(w.isupper() for w in words)
                or is_place(words[0])
            ):
                continue
            entity.kind = "person"
            entity.aliases.add(words[1].casefold())
            for index, mention in enumerate(self.mentions):
                if mention.entity is person:
                    self.mentions[index] = replace(mention, entity=entity)
                    self._mentions_of[id(person)] -= 1
                    self._mentions_of[id(entity)] += 1

    def _common_word_phrases(self) -> None:
        """A "person" of two words or more, each of which the article also writes in lower
        case, the first no given name, is a phrase in capitals (a heading's "Perfect
        Formatting", "Privacy Settings", "Missing Out"), not someone: it names no speaker.
        A surname is seldom a word the same article uses in lower case, and a given name
        before it keeps it ("Ana Price" in a story on prices)."""
        for entity in self.entities:
            if entity.kind != "person":
                continue
            parts = [p for p in _NAME_PARTS.split(entity.name) if p and not p.islower()]
            if len(parts) < 2 or is_given_name(parts[0]):
                continue  # (one word may be a surname: "Mr. Price" in a story on prices)
            if self._lower_words is None:
                self._lower_words = self._words_written()
            lower = self._lower_words
            if all(len(p) > 1 and p.casefold() in lower for p in parts):
                entity.kind = "phrase"

    def _modifiers_of_a_role(self) -> None:
        """A "person" every mention of which stands right before the description another
        person's name is given with ("Double Olympic champion Hicham El Guerrouj", "Angel
        Grove teenager Tommy Oliver") says what that description is of: a title, a place,
        a work, not someone who speaks."""
        uses: dict[int, bool] = {}  # id(entity) -> every mention so far a modifier
        last = len(self.mentions) - 1
        for index, mention in enumerate(self.mentions):
            entity = mention.entity
            if entity.kind == "person" and uses.get(id(entity)) is not False:
                uses[id(entity)] = (
                    index < last and self._described_at(mention, index + 1) is not None
                )
        for entity in self.entities:
            if entity.kind == "person" and uses.get(id(entity)):
                entity.kind = "phrase"

    def _titles_of_works(self) -> None:
        """A "person" whose name holds a small word in capitals ("My Summer Of Love", "Lord
        Of The Rings") or opens on a verb's -ing form that is no given name ("Finding Nemo",
        "Breaking Bad") is the title of a work, not someone: a name writes "of" in lower
        case ("Nicholls of Birkenhead"), and given names such as "Sterling" are names."""
        for entity in self.entities:
            if entity.kind != "person":
                continue
            words = entity.name.split()
            if len(words) < 2:
                continue
            first = words[0].casefold()
            if (
                any(w in _CAPITAL_SMALL_WORDS for w in words[1:-1])
                or (len(first) > 5 and first.endswith("ing") and not is_given_name(first))
                or (
                    # "single Hey Ya!", "the film Polar Express": a work's noun before it
                    entity.description.casefold().split()[-1:] in ([w] for w in _WORK_NOUNS)
                    and not is_given_name(first)
                )
            ):
                entity.kind = "phrase"

    def _names_after_the(self) -> None:
        """A "person" of two words or more, the first no given name, that the article only
        ever writes after "the" ("playing the Toughest Pawnee in Dances with Wolves", "the
        Happy Mondays") is no one's name: read as a body's, as a band or a board would be
        (a character or a thing then speaks no "he said")."""
        after_the: dict[int, bool] = {}  # id(entity) -> every mention so far after "the"
        for mention in self.mentions:
            entity = mention.entity
            if entity.kind == "person" and after_the.get(id(entity)) is not False:
                after_the[id(entity)] = self.text.endswith("the ", 0, mention.start)
        for entity in self.entities:
            words = entity.name.split()
            if (
                entity.kind == "person"
                and after_the.get(id(entity))
                and len(words) >= 2
                and not is_given_name(words[0])
            ):
                entity.kind = "org"

    def described_after(self, mention: Mention) -> Entity | None:
        """The person named right after `mention` with the description that stands between
        them ("Final Wars producer Shogo Tomiyama": Shogo Tomiyama), if any."""
        index = bisect_right(self._starts, mention.start)
        return self._described_at(mention, index) if index < len(self.mentions) else None

    def _described_at(self, mention: Mention, index: int) -> Entity | None:
        """`described_after`, the mention after `mention` given by its index."""
        following = self.mentions[index]
        person = following.entity
        words = person.description
        if (
            person.kind != "person"
            or person is mention.entity
            or not words.islower()
            or not _for_a_person(words)  # ("Clinton accuses Sanders", "Gille met Baker")
        ):
            return None
        return person if self.text[mention.end : following.start] == f" {words} " else None

    def _genders(self) -> None:
        """Each person's gender, where the article shows it: "spokeswoman Sujata Raisinghani",
        "Hori Parata was just seven years old when he attended" (the first pronoun after a
        person's first mention, in the same sentence, with no one else named in between)."""
        seen: set[int] = set()
        for index, mention in enumerate(self.mentions):
            entity = mention.entity
            if entity.kind != "person" or id(entity) in seen:
                continue
            seen.add(id(entity))
            if entity.gender:
                continue
            described = _described_words(entity.description)
            if described & MALE or described & FEMALE:
                entity.gender = "m" if described & MALE else "f"
                continue
            nationality = [w for w in described if nationality_noun(w) and w.endswith("man")]
            if nationality:  # "Frenchman Corentin Moutet", "Dutchwoman Lieke Klaver"
                entity.gender = "f" if nationality[0].endswith("woman") else "m"
                continue
            lead = LAST_WORD.search(self.text, max(0, mention.start - 24), mention.start)
            if lead and lead.group(1).casefold() in _PREPOSITIONS:
                continue  # "Of the scrutiny over Melania Trump, he said": he is someone else
            # (the sentence's end, looked for within a long sentence's reach: a text with no
            # full stop must not be read to its end once for each person)
            reach = min(len(self.text), mention.end + _PRONOUN_REACH)
            end = _PRONOUN_SEARCH_END.search(self.text, mention.end, reach)
            stop = end.start() if end else reach
            if index + 1 < len(self.mentions) and self.mentions[index + 1].entity.kind == "person":
                stop = min(stop, self.mentions[index + 1].start)
            pronoun = _GENDERED_PRONOUN.search(self.text, mention.end, stop)
            if pronoun and self._someone_described_between(mention.end, pronoun.start()):
                continue  # "Nkechi Obi … pressed the executive on whether he would": his
            if pronoun and pronoun.group().casefold() in {"her", "him"}:
                before = LAST_WORD.search(self.text, max(0, pronoun.start() - 16), pronoun.start())
                if before and before.group(1).casefold() in _PREPOSITIONS:
                    continue  # "Gerhard Reimer … stood beside her": someone else
            if pronoun:
                entity.gender = "m" if pronoun.group("m") else "f"

    def _someone_described_between(self, start: int, end: int) -> bool:
        """Whether words for a person not named stand between two offsets ("the
        executive", "a lawyer", "his son"): a pronoun after them may be theirs."""
        for found in _DESCRIBED_PERSON.finditer(self.text, start, end):
            if any(word and word.casefold() in _PERSON_WORDS for word in found.groups()):
                return True
        return False
