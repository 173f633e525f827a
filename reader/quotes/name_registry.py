"""The registry of an article's people and organisations: who is known by which name.

`_NameRegistry` files each entity under its aliases (full name, surname, initials, "Mr
Obama"), adds a person or finds the one a later mention means ("King" for Doug King, a near
spelling, "SBF"), and answers where mentions are (`mention_at`, `between`, `before`,
`nearest_before`). `reader.quotes.name_scan` fills it; `reader.quotes.names.Entities` is the
whole of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from reader.quotes.given_names import is_given_name, person_gender
from reader.quotes.lexicon import entries, words
from reader.quotes.mentions import (
    _PARTICLES,
    _POST_NOMINALS,
    Entity,
    Mention,
    Token,
    _Aliases,
    _Tokens,
    surname_of,
    tokens,
)
from reader.quotes.places import is_demonym, is_place

CORPORATE_ENDINGS = frozenset(
    [
        "foods",
        "inc",
        "corp",
        "ltd",
        "limited",
        "group",
        "holdings",
        "industries",
        "co",
        "company",
        "corporation",
        "llc",
        "plc",
        "farms",
        "enterprises",
        # a business's trade, dropped later in the story: "Meridian Crest Properties" is
        # "Meridian Crest", "Kestrel Point Capital" "Kestrel Point"
        "properties",
        "partners",
        "investments",
        "ventures",
        "securities",
        "capital",
        "resources",
        "logistics",
    ]
)

TITLES = words("titles")
ORG_WORDS = words("org_words")


def _org_nicknames() -> dict[str, list[str]]:
    """data/org_nicknames.txt: each nickname's names ("mounties" -> ["rcmp", …])."""
    found: dict[str, list[str]] = {}
    for line in entries("org_nicknames"):
        nickname, _, name = line.partition(" ")
        found.setdefault(nickname.casefold(), []).append(name.strip().casefold())
    return found


_ORG_NICKNAMES = _org_nicknames()
# A given name written after the family name, its syllables joined by a hyphen ("Chan
# Siu-fong", "Szeto Pui-lan", "Kim Seo-yeon"): the first word is the family's, no gender.
_FAMILY_NAME_FIRST = re.compile(r" [A-Z][a-z]+-[a-z]+$")


# The Arabic article a surname may carry, which news copy drops after the first mention
# ("Bashar al-Assad", then "Assad"; "Mohamed al-Fayed", "Mr Fayed").
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-‑](?=\w{3})")
_NOT_SURNAMES = ORG_WORDS | words("work_nouns")


def _in_capitals(word: str) -> bool:
    """Whether a word is two letters or more, all capitals, perhaps with full stops ("UN",
    "U.N.", "NATO")."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _is_acronym(word: str) -> bool:
    return (
        _in_capitals(word)
        # Without its final dot: "U.S." is the country as "U.S" is (with the dot left on,
        # every "U.S." was taken for an acronym and made a new place of its own).
        and word.rstrip(".") not in {"I", "US", "U.S", "UK", "U.K", "EU", "UN"}
        and word.replace(".", "").casefold() not in TITLES  # "CEO", "MP": a bare title
    )


# An age given after a person's name: "Eric Neyer, 4, was diagnosed", "Noura Ali (9)".
_AGE_AFTER = re.compile(r"\s*[,(]\s*(\d{1,2})\s*(?:,|\))")
# A given name written as initials: "R.T." of R.T. Thorne, "J.K." of J.K. Rowling.
_GIVEN_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def _person_initials(name: str) -> str:
    """A person's initials, one for each part of a hyphenated word ("Sam Bankman-Fried":
    "SBF"), a particle's too ("Mohammed bin Salman": "MBS")."""
    return "".join(
        part[0].upper() for word in name.split() for part in word.split("-") if part[:1].isalpha()
    )


def _in_order(words: list[str], within: list[str]) -> bool:
    """True if `words` appear in `within`, in order (not necessarily next to each other)."""
    position = 0
    for word in within:
        if position < len(words) and word == words[position]:
            position += 1
    return position == len(words)


# One thing classifying a run did: an action ("place", "org", "single", "acronym",
# "person") and its arguments, tokens given by their index from the run's first.
_Step = tuple[str, tuple[Any, ...]]


# The entities holding a word that `_sharing_words` reads, the latest first.
_SHARING_READ = 64


class _NameRegistry:
    """The article's entities by alias, and its mentions by place; empty until the scan."""

    def __init__(self, text: str, start: int = 0, titles: Sequence[tuple[int, int]] = ()) -> None:
        """An empty registry for `text` (see `reader.quotes.names.Entities`)."""
        self.text = text
        self.start = start
        self._titles = sorted(titles)
        self._title_starts = [span[0] for span in self._titles]
        self.entities: list[Entity] = []
        self._by_alias: dict[str, list[Entity]] = {}
        self._unsorted: set[str] = set()  # aliases whose entities were added out of order
        self._order: dict[int, int] = {}
        self._misses: dict[str, int] = {}  # key -> number of entities when it found none
        self._by_first: dict[str, list[Entity]] = {}  # first word of a name -> entities
        self._by_single: dict[str, list[Entity]] = {}  # a one-word name -> its entities
        # people introduced by a given name alone, by id, in the order they were met
        self._given_only: dict[int, Entity] = {}
        self._by_inner: dict[str, list[Entity]] = {}  # inner word of a name -> entities
        # a part of a double-barrelled surname -> people ("woolcott" of Tejano-Woolcott)
        self._by_barrel: dict[str, list[Entity]] = {}
        # the words of a name before its "of", "in" or "for" -> entities ("royal society" of
        # the Royal Society of Canada)
        self._by_complemented: dict[str, list[Entity]] = {}
        self._by_initials: dict[str, list[Entity]] = {}  # "SBF" -> Sam Bankman-Fried
        self._initials_seen = 0  # entities looked at for their initials so far
        # persons' surnames (5 letters or more), each once, and the people given each, oldest
        # first (once each: a surname a thousand people share is compared once)
        self._surnames: list[str] = []
        self._surname_people: dict[str, list[Entity]] = {}
        self.mentions: list[Mention] = []
        self._mentions_of: Counter[int] = Counter()  # id(entity) -> its mentions so far
        self._tokens = _Tokens("")
        self._token_starts: list[int] = []
        self._token_texts: list[str] = []
        self._run_words: dict[str, int] = {}  # word -> what it does in a run (`_run_word`)
        # What classifying a run did, by its words and surroundings (see `_planned`).
        self._plans: dict[tuple[str, tuple[str, ...], str], list[_Step] | None] = {}
        self._recording: list[_Step] | None = None
        self._record_base = 0
        self._plan_ok = True
        self._nicknames: dict[int, str] = {}  # where a name with a nickname starts -> nickname
        self._company_starts: set[str] = set()  # "blackwater ridge" of "… Copper Ltd."
        self._initialled: dict[str, Entity] = {}  # "CRA" -> Canada Revenue Agency
        self._dateline_places: set[str] = set()  # "kamloops" of "KAMLOOPS, B.C. — "
        self._lower_words: set[str] | None = None  # the tokens as written (lower case too)
        self._speaking_names: dict[str, bool] = {}  # word -> a one-word name that speaks
        self._capital_starts: dict[str, list[int]] | None = None  # capitalised token -> starts
        self._capitals: list[int] = []  # the indexes of the tokens a name may start at
        self._starts: list[int] = []  # where each mention starts, once all are found

    # --- reading the article ---
    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens between two offsets, as `tokens(text, start, end)` gives them, from the
        article's tokens where no token is cut at either end (the text is tokenised once)."""
        starts, toks = self._token_starts, self._tokens
        low = bisect_left(starts, start)
        high = bisect_left(starts, end, low)
        cut_before = low > 0 and toks[low - 1].end > start
        cut_after = high > low and toks[high - 1].end > end
        if cut_before or cut_after:
            return tokens(self.text, start, end)
        return toks[low:high]

    def tokens_until(
        self, start: int, end: int, stops: frozenset[str]
    ) -> tuple[list[Token], Token | None]:
        """`tokens_in(start, end)` up to the first token whose text is in `stops`, and that
        token (None if none): what is read after a quotation ends at its clause's end, so
        the tokens past it, up to `_WINDOW` characters of them, are not made."""
        starts, texts = self._token_starts, self._token_texts
        low = bisect_left(starts, start)
        high = bisect_left(starts, end, low)
        if (low > 0 and starts[low - 1] + len(texts[low - 1]) > start) or (
            high > low and starts[high - 1] + len(texts[high - 1]) > end
        ):
            found = tokens(self.text, start, end)  # a token cut at either end (`tokens_in`)
            for index, token in enumerate(found):
                if token.text in stops:
                    return found[:index], token
            return found, None
        for index in range(low, high):
            if texts[index] in stops:
                return self._tokens[low:index], self._tokens[index]
        return self._tokens[low:high], None

    # --- entities ---
    def _entity(self, name: str, kind: str, first: int) -> Entity:
        entity = Entity(name, kind, first)
        entity.aliases = _Aliases(self._by_alias, entity, {name.casefold()}, self._unsorted)
        self._order[id(entity)] = len(self.entities)
        self.entities.append(entity)
        self._file_name(entity)
        return entity

    def shared_by_people(self, word: str) -> bool:
        """Whether two people or more are known by a name or surname (a family's)."""
        people = 0
        for entity in self._by_alias.get(word.casefold(), ()):
            people += entity.kind == "person"
            if people > 1:
                return True  # (not counting on: a surname a thousand people share)
        return False

    def _person_by_initials(self, word: str) -> Entity | None:
        """The one person known so far whose initials a word in capitals is ("SBF" after
        "Sam Bankman-Fried", "AOC" after "Alexandria Ocasio-Cortez"), unless something
        else goes by it (a body's acronym)."""
        if word in self._initialled or any(
            e.kind != "person" for e in self._with_alias(word.casefold())
        ):
            return None
        for entity in self.entities[self._initials_seen :]:
            if entity.kind == "person":
                self._by_initials.setdefault(_person_initials(entity.name), []).append(entity)
        self._initials_seen = len(self.entities)
        people = {
            id(e): e
            for e in self._by_initials.get(word, ())
            if e.kind == "person" and _person_initials(e.name) == word
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _with_alias(self, key: str) -> list[Entity]:
        """The entities known by `key`, in the order they were first named."""
        found = self._by_alias.get(key)
        if not found:
            return []
        if key in self._unsorted:  # (sorted once after a change, not at every look: a
            # surname a thousand people share is looked up at every quotation)
            found.sort(key=lambda e: self._order[id(e)])
            self._unsorted.discard(key)
        return found  # (the index's own list: callers only read it)

    def _person(self, name: str, first: int) -> Entity:
        parts = name.split()
        while len(parts) > 2 and parts[-1].casefold() in _POST_NOMINALS:
            parts.pop()  # "Michael Mansfield QC" is Michael Mansfield
        name = " ".join(parts)
        key = name.casefold()
        for entity in self._with_alias(key):
            if entity.kind == "person":
                return entity
        # "Te Kaurinui" after "Te Kaurinui Robert Parata": part of a full name already known;
        # "Te Kaurinui Robert Parata" after "Te Kaurinui Robert": the fuller name is the name.
        words = key.split()
        # (Only people whose name holds the first and last words, or is the name's start, can
        # be either: looked up, not read through, so that a list of thousands of names, all
        # "John …", is read in linear time.)
        sharing = self._in_order_named(*self._sharing_words(words)) if len(words) >= 2 else []
        for entity in sharing:
            known = entity.name.casefold().split()
            if entity.kind != "person" or len(known) < 2:
                continue
            if len(known) > len(words) and _in_order(words, known):
                entity.aliases.add(key)
                return entity
            if (
                len(words) > len(known)
                and words[: len(known)] == known
                and self._family_name(words[-1], entity)
            ):
                # "Te Kaurinui Robert", then "Te Kaurinui Robert Parata" (his father's surname).
                entity.aliases.update({key, words[-1]})
                entity.name = name
                self._file_name(entity)
                return entity
        # A full name after the surname alone ("Obama", then "Barack Obama"), or after the
        # given name someone was introduced by ("her mother, Fiona," then "Fiona Parry").
        surname = surname_of(key)
        bare = _ARABIC_ARTICLE.sub("", surname)  # "Assad" of "Bashar al-Assad"
        called = self._in_order_named(
            self._by_single.get(surname, ()),
            self._by_single.get(bare, ()),
            self._by_single.get(words[0], ()),
        )
        for entity in called:
            if (
                entity.kind == "person"
                and len(entity.name.split()) == 1
                and (
                    entity.name.casefold() in {surname, bare}
                    or (id(entity) in self._given_only and entity.name.casefold() == words[0])
                )
            ):
                entity.name = name
                entity.aliases.add(key)
                self._file_name(entity)
                return entity
        monsieur = self._monsieur(words)
        if monsieur is not None:
            monsieur.aliases.add(key)
            return monsieur
        entity = self._entity(name, "person", first)
        if surname != words[0]:
            entity.aliases.update({surname, bare})
        # (else a given name and a suffix alone, "brother Jerry Jr.": the bare "Jerry" is his
        # father, whom the article calls so; the son is written with his suffix)
        if len(words) == 2 and _FAMILY_NAME_FIRST.search(name):
            entity.aliases.add(words[0])  # "Park" later for "Park Ji-yeon": the family name
        given = parts[0] if len(parts) >= 2 else ""
        if _GIVEN_INITIALS.fullmatch(given) and not is_place(words[0]):
            entity.aliases.add(words[0])  # "R.T. states" after "R.T. Thorne": his initials
        if len(words) > 1 and not _FAMILY_NAME_FIRST.search(name):
            entity.gender = person_gender(words[0])
            if not entity.gender and len(words) > 2:
                entity.gender = person_gender(words[1])  # "Thi Mai Dinh": the second name's
        return entity

    def _monsieur(self, words: list[str]) -> Entity | None:
        """The one man known by a surname that "M." stands before with no given name ("M.
        Bérubé" after "Jean Bérubé": French copy's "Monsieur"). An initial of his own given
        name was matched before this; "John M. Smith" has a given name before it."""
        if len(words) != 2 or words[0] != "m.":
            return None
        men = [
            entity
            for entity in self._with_alias(words[1])  # (looked up: a roster stays linear)
            if entity.kind == "person"
            and entity.surname.casefold() == words[1]
            and len(entity.name.split()) >= 2
            and entity.gender != "f"
        ]
        return men[0] if len(men) == 1 else None

    def _sharing_words(self, words: list[str]) -> list[Iterable[Entity]]:
        """The people whose name may hold `words` in order (it holds every one of them:
        looked up by the one fewest names hold), and those named by the start of `words`
        ("Te Kaurinui Robert")."""
        every = set(words)
        indexes = (self._by_first, self._by_inner, self._by_alias)
        rarest = min(every, key=lambda word: sum(len(index.get(word, ())) for index in indexes))
        holding = [
            entity
            for index in indexes
            # (the latest few: no news story names a hundred people who share a word, and a
            # crafted one must not make each name read them all)
            for entity in index.get(rarest, ())[-_SHARING_READ:]
            if every <= set(entity.name.casefold().split())
        ]
        starts = [self._by_alias.get(" ".join(words[:k]), ()) for k in range(2, len(words))]
        return [holding, *starts]

    def _in_order_named(self, *groups: Iterable[Entity]) -> list[Entity]:
        """The entities of `groups`, each once, in the order they were first named."""
        unique = {id(entity): entity for group in groups for entity in group}
        return sorted(unique.values(), key=lambda entity: self._order[id(entity)])

    def _introduced_as_a_child(self, entity: Entity) -> bool:
        """Whether a person's first mention gives an age under 16 ("Eric Neyer, 4,", "Noura
        Ali (9)")."""
        end = entity.first + len(entity.name)
        if self.text[entity.first : end] != entity.name:
            return False
        age = _AGE_AFTER.match(self.text, end)
        return age is not None and int(age.group(1)) < 16

    def _family_name(self, word: str, other_than: Entity) -> bool:
        return any(
            e is not other_than and e.kind == "person" and e.surname == word for e in self.entities
        )

    def _mention(self, start: int, end: int, entity: Entity) -> None:
        self.mentions.append(Mention(start, end, self.text[start:end], entity))
        self._mentions_of[id(entity)] += 1

    def by_initials(self, word: str) -> Entity | None:
        """The body an acronym stands for by the initials of a name given in full before
        ("HPA" for the Health Protection Agency, "EDGI" for the Environmental Data and
        Governance Initiative), whether or not the acronym was written beside it."""
        return self._initialled.get(word.replace(".", "")) if _is_acronym(word) else None

    def find(self, word: str) -> Entity | None:
        """The entity a name, surname or acronym stands for (nearest spelling for surnames)."""
        key = word.replace(".", "").casefold() if _is_acronym(word) else word.casefold()
        found = self._with_alias(key)  # a current name is always among the aliases
        if len(found) == 1:
            return found[0]  # (what the tests below give for one entity, without them)
        exact = [e for e in found if key == e.name.casefold()]
        if exact:
            return exact[-1]
        if found:
            # A surname two people share ("Parata" for Hori Parata and his son): news writing
            # gives it to the one introduced first and calls the other by first name, and
            # never gives it to a child ("Eric Neyer, 4," then "his mother Ava Neyer": "Neyer
            # said" is hers).
            if not all(e.kind == "person" for e in found):
                return found[-1]
            return next((e for e in found if not self._introduced_as_a_child(e)), found[0])
        if self._misses.get(key) == len(self.entities):
            return None  # looked for in vain, and nobody new has been named since
        entity = self._find_by_part(key)
        if entity is None:
            self._misses[key] = len(self.entities)
        return entity

    def _body_without_complement(self, key: str) -> Entity | None:
        """The body whose name is `key` and what it is of, in or for ("the Royal Society"
        for the Royal Society of Canada, "the Law Society" for the Law Society of Ontario),
        the latest so named: it had been a body of its own, and took the words said by the
        one named in full ("Royal Society" where the article meant the one of Canada)."""
        for entity in reversed(self._by_complemented.get(key, ())):
            name = entity.name.casefold()
            if (
                entity.kind == "org"
                and name.startswith(key + " ")
                and name[len(key) + 1 :].split(" ", 1)[0] in {"of", "in", "for"}
            ):
                return entity
        return None

    def people_first_named(self, word: str) -> list[Entity]:
        """The people whose name begins with this word ("Yang" of Yang Mei)."""
        key = word.casefold()
        return [
            e
            for e in self._by_first.get(key, ())
            if e.kind == "person" and e.name.split()[0].casefold() == key
        ]

    def _find_by_part(self, key: str) -> Entity | None:
        """A first name, an organisation's first word or nickname, or a misspelt surname;
        a body's name without what it is of ("the Royal Society" of Canada)."""
        if " " in key:
            return self._body_without_complement(key)
        for name in _ORG_NICKNAMES.get(key, ()):
            bodies = [e for e in self._with_alias(name) if e.kind == "org"]
            if bodies:
                return bodies[0]  # "Mounties said" after "the RCMP"
        named = [e for e in self._by_first.get(key, ()) if e.name.split()[0].casefold() == key]
        # "her mother, Fiona," for Fiona Parry, when one person has that first name.
        given = {  # (not "Jerry Jr.", a given name and a suffix: the son is written so)
            id(e): e for e in named if e.kind == "person" and e.surname != key
        }
        if len(given) == 1:
            return next(iter(given.values()))
        if len(given) > 1:
            # "Bobby" for Bobby Jindal, whom the feature is about, not Bobby Flay, named once
            # near its end: the one named far more often so far (three times the others)
            counts = self._mentions_of
            ranked = sorted(given, key=lambda ident: -counts[ident])
            if counts[ranked[0]] >= 3 * max(1, counts[ranked[1]]):
                return given[ranked[0]]
        # "the Church" for the Church of Scientology, "the Department" for its full name.
        for entity in reversed(named):
            if entity.kind == "org" and " of " in entity.name:
                return entity
        # "Horizon said" for the Horizon Health Network: a body's own first word, before the
        # words for its kind, when that word is no place, people, given name or kind itself
        if not (is_place(key) or is_demonym(key) or is_given_name(key) or key in ORG_WORDS):
            for entity in reversed(named):
                parts = entity.name.casefold().split()
                if (
                    entity.kind == "org"
                    and len(parts) >= 3
                    and parts[-1] in ORG_WORDS
                    and parts[-1].rstrip(".") not in CORPORATE_ENDINGS
                    and not self._alone_before(entity)
                ):
                    return entity
        # "Ms López" for María Fernanda López Gutiérrez, "Mr Faizal" for Ahmad Faizal Hamid,
        # "Lula" for Luiz Inácio Lula da Silva: a name inside one full name only.
        inner = {
            id(e): e
            for e in self._by_inner.get(key, ())
            if e.kind == "person"
            and key in e.name.casefold().split()[1:-1]
            and e.name.split()[-1].casefold() not in _NOT_SURNAMES  # "Rachel Maddow Show"
        }
        if len(inner) == 1 and key not in _PARTICLES:
            return next(iter(inner.values()))
        # "Mrs Woolcott" for Biena Tejano-Woolcott, "Ms Rizvi" for Shabnam Rizvi-Mendez: one
        # part of one person's double-barrelled surname.
        barrelled = {
            id(e): e
            for e in self._by_barrel.get(key, ())
            if e.kind == "person" and key in e.surname.split("-")
        }
        if len(barrelled) == 1 and len(key) >= 3 and key not in _PARTICLES:
            return next(iter(barrelled.values()))
        if len(key) >= 4:
            # A misspelt surname ("Water" for "Waters", "Bauchtman" for "Buchtmann"): the
            # latest person so named.
            close = process.extract(
                key,
                self._surnames,
                scorer=Levenshtein.normalized_similarity,
                score_cutoff=0.75,
                limit=None,
            )
            latest = [
                entity
                for surname, _, _ in close
                for entity in reversed(self._surname_people[surname])
                if entity.surname == surname
            ]
            if latest:
                return max(latest, key=lambda entity: self._order[id(entity)])
        return None

    def _alone_before(self, entity: Entity) -> bool:
        """Whether the article's body names `entity`'s first word on its own before `entity`
        is first named: "Now Strava says …" long before "the Strava Community Hub" (the forum
        is the app's, not the app). The headline, which often shortens a name the body gives
        in full, is not counted."""
        body = self.text.find("\n") + 1
        first, rest = entity.name.split(maxsplit=1)
        pattern = re.compile(rf"\b{re.escape(first)}\b(?!\s+{re.escape(rest)})")
        return pattern.search(self.text, body, entity.first) is not None if body else False

    def _file_name(self, entity: Entity) -> None:
        """Index a new entity, or an old one under its new name, for `_find_by_part`."""
        self._by_first.setdefault(entity.name.split()[0].casefold(), []).append(entity)
        if " " not in entity.name.strip():
            self._by_single.setdefault(entity.name.casefold(), []).append(entity)
        for inner in entity.name.casefold().split()[1:-1]:  # "López" of "María López Gutiérrez"
            self._by_inner.setdefault(inner, []).append(entity)
        words = entity.name.casefold().split()
        for at, word in enumerate(words[1:], 1):
            if word in {"of", "in", "for"}:
                self._by_complemented.setdefault(" ".join(words[:at]), []).append(entity)
        if entity.kind == "person" and "-" in entity.surname:
            for part in set(entity.surname.split("-")):
                self._by_barrel.setdefault(part, []).append(entity)
        if (
            entity.kind == "person"
            and len(entity.surname) >= 5
            and entity.surname != entity.name.split()[0].casefold()  # not "Jerry Jr.": no surname
        ):
            people = self._surname_people.get(entity.surname)
            if people is None:
                self._surnames.append(entity.surname)
                people = self._surname_people[entity.surname] = []
            people.append(entity)

    # --- looking things up by position ---
    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping `[start, end)`, if any: a person before an organisation,
        an organisation before a place ("Senator Mitch McConnell of Kentucky")."""
        index = bisect_right(self._starts, end - 1) - 1
        found: list[Mention] = []
        while index >= 0 and self.mentions[index].start >= start - 200:
            mention = self.mentions[index]
            if mention.start < end and mention.end > start:
                found.append(mention)
            index -= 1
        rank = {"person": 0, "org": 1}
        return min(found, key=lambda m: rank.get(m.entity.kind, 2)) if found else None

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in `[start, end)`, in order."""
        return self.mentions[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def before(
        self, offset: int, kind: str | None = None, limit: int = 3000, *, of: Entity | None = None
    ) -> Iterator[Mention]:
        """Mentions ending before `offset`, nearest first (within `limit` characters); only
        those of one entity, given `of`. Lazy: a caller that stops at the first it wants
        reads no further back."""
        index = bisect_right(self._starts, offset) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.start < offset - limit:
                break
            if (
                mention.end <= offset
                and (kind is None or mention.entity.kind == kind)
                and (of is None or mention.entity is of)
            ):
                yield mention
            index -= 1

    def nearest_before(
        self, offset: int, kind: str | None = None, limit: int = 3000
    ) -> Mention | None:
        """The nearest mention ending before `offset` (within `limit` characters), if any."""
        return next(self.before(offset, kind, limit), None)
