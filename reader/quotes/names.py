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
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, pairwise, takewhile
from operator import attrgetter
from sys import intern
from typing import Any, overload

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from reader.quotes.cues import is_speech_verb
from reader.quotes.given_names import gender_of, is_given_name, person_gender
from reader.quotes.lexicon import entries, folded, words
from reader.quotes.places import COUNTRIES, REGIONS, is_demonym, is_place

ABBREVIATIONS = "|".join(entries("abbreviations"))
# A word, an abbreviation ("U.S.", "Dr.", an initial) or a mark. The abbreviations are tried
# only where a capital and letters end in a full stop, as all of them do (a lookahead that
# makes tokenising 1 MB a third quicker; a capital alone, a tenth more).
# (The possessive `++` and `*+` match what `+` and `*` would, since nothing after them
# could make the engine take characters back, and spare it the bookkeeping: 15% quicker.)
# (A colon inside a word is looked at before what stands behind it: no lookbehind at the
# end of every word.)
_KIN_AFTER_POSSESSIVE = "|".join(sorted(words("kin_nouns"), key=len, reverse=True))
TOKEN = re.compile(
    # (Most tokens are words in lower case that nothing joins to the next: matched first, they
    # skip the tries below, which give them the same match: a fifth of the pass for 1 MB.)
    r"[a-z]++(?![\w’'\-:])|"
    r"[a-z]++(?<=s)[’'](?=\s[a-z])|"  # a plural noun's possessive: "the employers' union"
    # a name's that ends in s, before kin: "Strauss’ mother" (not "the Riders' sack leader")
    rf"[A-Z][a-z]++(?<=s)[’'](?=\s(?:{_KIN_AFTER_POSSESSIVE})\b)|"
    rf"(?=[A-Z][A-Za-z]*\.)(?:(?:[A-Z]\.){{2,}}|(?:{ABBREVIATIONS})\.|[A-Z]\.(?=\s+[A-Z])"
    r"|(?:[A-Z]\.)++[A-Z](?=\s+[A-Z][a-z]))"  # initials, the last without its stop: "S.P Kalantri"
    r"|\d+(?:[.,]\d+)++(?!\w)"  # a number, "11.5", "100,000": no sentence end, no comma
    r"|\w++(?:[’'\-]\w+|:(?<=[^\W\d_]:)(?=[^\W\d_])\w+)*+|[^\w\s]"  # "Stó:lō", "Semá:th"
)
# Two particles inside a surname: "Van der Merwe", "de la Cruz", "van den Berg".
_DOUBLE_PARTICLES = {
    "van": {"der", "den", "de"},
    "de": {"la", "los", "las", "le"},
    "von": {"der", "dem"},
}
_PLACE_LEAD = re.compile(r"\b(?:near|outside|in|across|around|throughout)\s+$")
_COMPASS = frozenset({"north", "south", "east", "west", "central", "northern", "southern"})
# "Western Canada", "Southeastern Europe": a region of a country or continent.
_REGION_ADJECTIVES = _COMPASS | frozenset(
    ["western", "eastern", "northwestern", "northeastern", "southwestern", "southeastern"]
)
# (The capital first, the lookbehind after it, lets the engine skip to capitals: 3x quicker.)
_LISTED_NAME = re.compile(
    r"[A-Z](?<![\w’'-][A-Z])[a-z]+(?:, [A-Z][a-z]+)+,? and (?:[A-Z][\w-]+ ){1,3}(?P<country>[A-Z][a-z]+)\b"
)
# A capitalised word so ended describes what follows it ("Toronto-based", "Trump-era").
MODIFIER_ENDINGS = (
    "-based",
    "-born",
    "-era",
    "-style",
    "-led",
    "-backed",
    "-owned",
    "-funded",
    "-nominated",
    "-winning",
)
_APOSTROPHE_ENDINGS = ("'s", "’s", "'", "’")  # a possessive or plural ending
_PARTICLES = words("name_particles")
_NEWSPAPER_WORDS = words("newspaper_words")
# Irish surnames after Ó, Ní, Mac an: "Ó hAodha", "Ní hÉalaí", "Mac an tSaoir".
_IRISH_VOWELS = frozenset("AEIOUÁÉÍÓÚ")
_PERSON_NOUN_WORDS = words("person_nouns")
_BODY_MEMBER_NOUNS = words("body_member_nouns")
# Nouns for what a firm is: "the company said", "Automaker Stellantis", "Promoter Live Nation".
BUSINESS_NOUNS = words("org_business_nouns")
# A relative clause that gives a role: "who became chief executive", "who is the mayor"
_ROLE_CLAUSE = re.compile(
    r"who (?:became|becomes|is|was|has been|had been|serves as|served as|works as|worked as)"
    r" (?:the |a |an )?"
)


# Where the role of a "who" clause has ended: "who was shopping with her mother" gives no
# role ("mother" is someone else), "who is a lawyer for the family" gives "lawyer".
_ROLE_CLAUSE_STOPS = frozenset(
    {"with", "for", "to", "at", "in", "on", "by", "from", "her", "his", "their", "its"}
)


def role_clause(phrase: str) -> str:
    """ "who became chief executive" from "who became chief executive in April after …":
    the clause up to the role it gives, or "" when it gives none."""
    found = _ROLE_CLAUSE.match(phrase)
    if found is None:
        return ""
    words = list(
        takewhile(lambda w: w not in _ROLE_CLAUSE_STOPS, phrase[found.end() :].split()[:4])
    )
    for count in range(len(words), 0, -1):
        if words[count - 1] in _PERSON_NOUN_WORDS or words[count - 1] in TITLES:
            return " ".join([found.group().strip(), *words[:count]])
    return ""


# The legal form that ends a company's name: "Maplebrook Pharmaceuticals Inc. of Brampton"
# is the company, then where it is.
_LEGAL_FORMS = frozenset({"inc", "corp", "ltd", "limited", "llc", "plc", "co", "ltée", "llp"})
# Those some write in lower case after a company's name: "Shell plc", "Unilever plc".
_LOWER_LEGAL_FORMS = _LEGAL_FORMS & {"plc", "ltd", "llc", "llp"}
# What closes a company's whole name, so that "and" after it opens another's.
_COMPANY_ENDINGS = _LEGAL_FORMS | {"company", "corporation", "incorporated"}
# The words after "United" in places' names ("United States", "United Arab Emirates"); any
# other word makes a body ("United Nurses of Alberta", "United Steelworkers").
_UNITED_PLACES = frozenset({"states", "kingdom", "arab", "republic", "provinces", "counties"})
_ELIDED_PARTICLE = re.compile(r"[dl][’'][^\W\d_]", re.IGNORECASE)  # "d'Arvida", "l'Est"
_SINGULAR_TEAMS = words("singular_team_names")  # "Tampa Bay Lightning", "Minnesota Wild"
_CLUB_ENDINGS = words("club_endings")  # "Manchester United", "Wigan Athletic"
# Parties that each province has its own of, named with the province ("Alberta NDP").
_PROVINCIAL_PARTIES = frozenset({"ndp", "pc"})  # (letters only: "PCs" is read as no acronym)
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
# An airline's word, which the story drops after naming it once ("SkyLink Air" is
# "SkyLink"; not other trades: "Strand Mining" is named for the Strands of the story).
_SHORTENED_TRADES = frozenset({"air", "airlines", "airways"})
_ORG_NOUN_WORDS = words("org_nouns")
_BUSINESS_LEAD_NOUNS = words("business_lead_nouns")  # "banking giant Goldman Sachs"
# The lower-case word just before a name: "giant " of "banking giant Goldman Sachs".
_LAST_LOWER_WORD = re.compile(r"(?<![\w'’])([a-z]+) $")
_ORG_APPOSITION = re.compile(  # "The company, ", "The group that owns her music, ", opening
    r"(?:^|\n|[.!?][\"”’]?\s+)(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(\w+)"
    r"(?:\s+(?:that|which)\s+[^,.;:!?\n]{1,80})?,\s+$"  # its sentence
)  # "resident", "hunter": a role before a name

TITLES = words("titles")
_ORDINAL = re.compile(r"[1-9]\d?(?:st|nd|rd|th)")
# What an ordinal in a rank comes before: "1st Lt.", "Sgt. 1st Class", "2nd Lieutenant".
_RANK_AFTER_ORDINAL = frozenset({"class"} | {t.rstrip(".") for t in TITLES})
ORG_WORDS = words("org_words")
# Spelled-out numbers: never a person's name ("Fifty-one percent say that “…”"), though a
# body's may open with one ("Twenty Mile Bench Estate Winery Ltd.").
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER_WORDS = words("number_words") | {
    f"{tens}-{unit}" for tens in words("number_words") if tens.endswith("ty") for unit in _UNITS
}
# Capitalised words that begin sentences or name months and days without naming anyone.
NOT_NAMES = words("not_names") | NUMBER_WORDS
# Capitalised words that open a sentence rather than a name; honorifics do open one.
NOT_NAME_LEADS = NOT_NAMES - {"mr", "mrs", "ms", "dr"}
# Titles of courtesy, which tell no office: "Mr Obama" is not "the mister".
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "messrs", "mme", "mlle", "m"})
# The courtesy titles as a run's tokens write them ("Mr", "Mrs."), never inside a name
# (not "Miss", as in "Little Miss Sunshine", nor the initial "M").
_HONORIFIC_WORDS = frozenset(
    form
    for word in HONORIFICS - {"miss", "m"}
    for form in (word.capitalize(), f"{word.capitalize()}.")
)
CONNECTORS = words("connectors")
BUILDING_WORDS = words("building_words")
PLACE_WORDS = words("place_words") | BUILDING_WORDS


def _org_nicknames() -> dict[str, list[str]]:
    """data/org_nicknames.txt: each nickname's names ("mounties" -> ["rcmp", …])."""
    found: dict[str, list[str]] = {}
    for line in entries("org_nicknames"):
        nickname, _, name = line.partition(" ")
        found.setdefault(nickname.casefold(), []).append(name.strip().casefold())
    return found


_ORG_NICKNAMES = _org_nicknames()


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
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "it": "org",
    "its": "org",
    "they": "plural",
    "them": "plural",
    "their": "plural",
}
MALE = words("male_words")
FEMALE = words("female_words")
LAST_WORD = re.compile(r"\b(\w+)[ \t]+$")  # the word right before an offset
_THE_AND_WORD = re.compile(r"\b[Tt]he (?=(\w+)\b)")  # "the festival" (overlapping: "the the")
# Where a person's first sentence stops telling their gender: its end (also before closing
# marks), its paragraph's, or a quotation, whose "she" is someone the speaker talks about
# ("Dr. Ilan Weisbrod … said … “…patient.” / “Medically, if she was stable,” he said").
_PRONOUN_SEARCH_END = re.compile(r"[.!?][\"”’')\]]*(?:\s|$)|\n|[\"“«]")
_PREPOSITIONS = words("prepositions")
_PERSON_WORDS = words("person_nouns") | TITLES  # (TITLES: defined above)
# "the executive", "a veteran lawyer", "his son": a determiner, maybe one word, then a noun
_DESCRIBED_PERSON = re.compile(
    r"\b(?:the|a|an|his|her|their|its)\s+(?:([a-z][\w-]*)\s+)?([a-z][\w-]*)\b",
    re.IGNORECASE,
)
_GENDERED_PRONOUN = re.compile(
    r"\b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b", re.IGNORECASE
)
# A given name written after the family name, its syllables joined by a hyphen ("Chan
# Siu-fong", "Szeto Pui-lan", "Kim Seo-yeon"): the first word is the family's, no gender.
_FAMILY_NAME_FIRST = re.compile(r" [A-Z][a-z]+-[a-z]+$")
# A given name in two syllables joined by a hyphen, the second in lowercase, then the family
# name: "Sung-min Park", "Ji-yeon Kim" (romanised Korean or Chinese names, given name first).
_HYPHENATED_GIVEN_FIRST = re.compile(
    r"^[A-Z][a-z]{1,4}-[a-z]{1,4} [A-Z][a-z]+$"
)  # (not "Notre-Dame")
# People who band together under a cause's name: "Parents for …", "Mothers Against …".
_GROUP_PLURALS = frozenset(
    {
        "parents",
        "mothers",
        "fathers",
        "families",
        "friends",
        "citizens",
        "residents",
        "neighbours",
        "neighbors",
        "doctors",
        "nurses",
        "physicians",
        "lawyers",
        "teachers",
        "students",
        "scientists",
        "veterans",
        "taxpayers",
        "workers",
        "women",
        "farmers",
        "grandmothers",
        "voters",
    }
)


def _cause_group(run: Sequence[Token]) -> bool:
    """Whether a run names people banded together for a cause: a plural for people, then
    "for" or "against", then more capitalised words ("Parents for Safe Streets")."""
    for index in range(len(run) - 2):
        if (
            run[index].folded in _GROUP_PLURALS
            and run[index + 1].folded in {"for", "against"}
            and run[index + 2].word[:1].isupper()
            and not is_given_name(run[index + 2].word)  # "Lawyers for Gerald Pike": his
        ):
            return True
    return False


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


@dataclass(slots=True)
class Token:
    """A word or mark of the text, with its offsets."""

    text: str
    start: int
    _word: str | None = field(default=None, repr=False, compare=False)
    _folded: str | None = field(default=None, repr=False, compare=False)

    @property
    def end(self) -> int:
        return self.start + len(self.text)  # (not stored: 180,000 fewer ints for 1 MB)

    @property
    def word(self) -> str:
        """The token without its possessive ending ("Malaysia's" -> "Malaysia")."""
        if self._word is None:
            self._word = _word_of(self.text)
        return self._word

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = self.text.casefold()
        return self._folded

    @property
    def capitalised(self) -> bool:
        """Starts with a capital, or is a name with a particle: "al-Amr", "bin-Laden"."""
        return _capitalised(self.text)

    @property
    def possessive(self) -> bool:
        return _possessive(self.text)


def _word_of(text: str) -> str:
    if text[:1].isalnum() and text.endswith(_APOSTROPHE_ENDINGS):
        return text[:-2] if text.endswith(("'s", "’s")) else text[:-1]
    return text


def _capitalised(text: str) -> bool:
    return (
        text[:1].isupper()
        or (
            "-" in text
            and text.split("-", 1)[0] in _PARTICLES
            and text.split("-", 1)[1][:1].isupper()
        )
        or (  # (by hand, not by pattern: this runs at every word of the article)
            len(text) > 2
            and text[0] in "dl"
            and text[1] in "'’"
            and text[2].isupper()  # "d'Amours", "l’Heureux"
        )
        or (
            len(text) > 1
            and text[0] in "ht"
            and (text[1] in _IRISH_VOWELS or text[:2] == "tS")  # "Ó hAodha", "Mac an tSaoir"
        )
    )


def _possessive(text: str) -> bool:
    return len(text) > 2 and text.endswith(_APOSTROPHE_ENDINGS)


# A people's possessive that opens a body's name: "People’s Liberation Army", "Children’s
# Aid Society", "Women’s College Hospital" (the words after it end in an organisation's).
_GROUP_POSSESSIVES = words("group_possessives")
_OWNERS = frozenset({"his", "her", "their", "my", "our", "your"})  # (not "its": "its CEO")
_OWNED_VERBS = words("auxiliaries") | {"said", "says", "told", "tells"}  # "… her Jo said"
# The eras a year is counted in, after its number ("500 BC").
ERAS = frozenset({"BC", "AD", "BCE", "CE"})
# US states' and Canadian provinces' postal codes, after a town and a comma.
_REGION_CODES = frozenset(entries("region_codes"))
# Envoys, who are posted "to" a country.
ENVOY_TITLES = words("envoy_titles")
# Words of NOT_NAMES that are given names too.
GIVEN_NAMES_AS_WORDS = words("given_names_as_words")
_POST_NOMINALS = words("post_nominals")
# Roles in lower case that a single name follows as its bearer's ("midfielder Guti",
# "rapper Nelly"): players and performers, often known by one name.
_ONE_NAME_ROLES = frozenset(
    {"midfielder", "striker", "forward", "defender", "winger", "goalkeeper", "playmaker"}
    | {"rapper", "singer", "star", "musician", "artist", "dj", "designer", "model"}
)
_NAME_SUFFIXES = words("name_suffixes") | _POST_NOMINALS


# The Arabic article a surname may carry, which news copy drops after the first mention
# ("Bashar al-Assad", then "Assad"; "Mohamed al-Fayed", "Mr Fayed").
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-‑](?=\w{3})")


# A country's or province's possessive right before a ministry named by its portfolio
# ("Russia’s Defense Ministry", "Quebec's Transport Ministry"): part of its name, since every
# government has one ("Ontario's Ministry of Health" is the Ministry of Health).
_COUNTRY_OWNER = re.compile(r"(?P<place>[A-Z][\w.-]*(?: [A-Z][\w.-]*)?)['’]s\s+$")


def surname_of(name: str) -> str:
    """A person's surname, folded: "James P. Kennedy Jr." -> "kennedy"."""
    words = name.casefold().split()
    while len(words) > 1 and words[-1].strip(",") in _NAME_SUFFIXES:
        words.pop()
    return words[-1].strip(",") if words else ""


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`; repeated words share one string (`sys.intern`), which
    halves the memory a long article's tokens take."""
    return [
        Token(intern(m.group()), m.start())
        for m in TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


# The characters `\s` matches (str.isspace's; none lies above U+3000): every other character
# is inside a token, so the tokens, put end to end, are the text without them.
_SPACES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
_SHORT_TEXT = 2000  # characters: a shorter text is tokenised without numpy
_IS_SPACE = np.zeros(0x3002, dtype=bool)  # by code point, every one above U+3000 as U+3001
_IS_SPACE[_SPACES] = True
# A token after the white space before it: the engine skips the white space instead of trying
# every token pattern at each of its characters (a fifth quicker for 1 MB). Its one group is
# the token: `findall` gives the same words as `TOKEN.findall`.
_SPACED_TOKEN = re.compile(rf"\s*+({TOKEN.pattern})")


class _Tokens(Sequence[Token]):
    """A whole article's tokens as `tokens` gives them, each made a `Token` only when read:
    the words and offsets come from one regular-expression pass and sums done in C, and the
    objects, which took most of the time for 1 MB, only where names are looked at."""

    def __init__(self, text: str) -> None:
        self.texts: list[str]
        self.starts: list[int]
        if len(text) < _SHORT_TEXT:  # (a headline: numpy's calls would cost more than the loop)
            found = [(intern(m.group(1)), m.start(1)) for m in _SPACED_TOKEN.finditer(text)]
            self.texts, self.starts = [t for t, _ in found], [s for _, s in found]
        else:
            self.texts = list(map(intern, _SPACED_TOKEN.findall(text)))
            # Tokens are separated by white space only: the running lengths of the tokens are
            # where each starts in the text without its white space, and the offsets of the
            # characters that are not white space take them back to the text (all in C: no
            # Python loop over 180,000 tokens, no pair of strings made for each).
            lengths = np.fromiter(map(len, self.texts), np.int64, count=len(self.texts))
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
            solid = np.flatnonzero(~_IS_SPACE[np.minimum(codes, 0x3001)])
            self.starts = solid[np.cumsum(lengths) - lengths].tolist()
        self._made: list[Token | None] = [None] * len(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def picked(self, base: int, indices: Iterable[int]) -> list[Token]:
        """The tokens at `base + i` for each of `indices` (what `Entities._replay` reads)."""
        made, found = self._made, []
        for i in indices:
            token = made[base + i]
            if token is None:
                token = made[base + i] = Token(self.texts[base + i], self.starts[base + i])
            found.append(token)
        return found

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            made_list = self._made
            found = made_list[index]
            if not any(found) and index.step is None:  # none made yet: all made in one map
                fresh = list(map(Token, self.texts[index], self.starts[index]))
                made_list[index] = fresh
                return fresh
            if not all(found):  # (a C loop: a `Token` is always true) some not made yet
                texts, starts = self.texts, self.starts
                for position, i in enumerate(range(*index.indices(len(texts)))):
                    if found[position] is None:
                        found[position] = made_list[i] = Token(texts[i], starts[i])
            return found  # type: ignore[return-value]  # (no None left)
        made = self._made[index]
        if made is None:
            made = self._made[index] = Token(self.texts[index], self.starts[index])
        return made


@dataclass(eq=False)
class Entity:
    """A person or an organisation named in the article."""

    name: str
    kind: str  # "person" or "org"
    first: int
    aliases: set[str] = field(default_factory=set)
    description: str = ""
    gender: str = ""  # "m", "f" or unknown
    described_at: int = -1  # where the mention the description came with starts

    def describe(self, words: str, at: int) -> None:
        """Give the entity its description, from the mention at `at`."""
        self.description, self.described_at = words, at

    @property
    def surname(self) -> str:
        return surname_of(self.name) if self.kind == "person" else ""


class _Aliases(set[str]):
    """An entity's aliases, each also filed in its `Entities`' index for quick lookup."""

    def __init__(
        self, index: dict[str, list[Entity]], entity: Entity, keys: set[str], unsorted: set[str]
    ) -> None:
        super().__init__()
        self._index = index
        self._entity = entity
        self._unsorted = unsorted  # the keys whose entities are to be put in order again
        self.update(keys)

    def add(self, key: str) -> None:
        if key not in self:
            super().add(key)
            found = self._index.setdefault(key, [])
            found.append(self._entity)
            if len(found) > 1:
                self._unsorted.add(key)  # put in order of first mention when looked up

    def update(self, *groups: Iterable[str]) -> None:
        for group in groups:
            for key in group:
                self.add(key)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an entity."""

    start: int
    end: int
    text: str
    entity: Entity


_DESCRIPTION_STOPS = words("description_stops")
# Participles that name roles rather than actions ("acting director", "retired teacher").
_ROLE_PARTICIPLES = words("role_participles")


_COMMON_VERBS = words("common_verbs")
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
# A capitalised word, or a connector after one, right before a word: it is part of a name.
_JOINED_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*|\b(?:and|of|de|del|da|&))\s$")
_JOINED_AFTER = re.compile(r"\s(?:[A-Z][a-z]|(?:of|de|del|da|&)\s)")
_NAME_PARTS = re.compile(r"[\s\-]+|[’']s?$")
# Words for someone set before their name, a comma between: "His mother, ", "The brothers'
# mother, ", "Alexis’s sister, ", "an influential Russian sociologist, ".
# (not a minister's title: "Minister of Innovation, Science and Industry François-Philippe
# Champagne" is followed by a name)
# A line a web page sets inside its story: "Story continues below advertisement".
_CONTINUES_BELOW = re.compile(
    r"(?i:(?:story|article|text) continu(?:es|ed) (?:below|after)|continue reading below)"
    r"|Advertisement\s*$|ADVERTISEMENT\s*$",
    re.MULTILINE,
)
_DEPARTMENT_WORDS = frozenset(
    {
        "department",
        "ministry",
        "office",
        "union",  # "Union of Shop, Distributive and Allied Workers"
        "federation",
        "association",
        "institute",
        "council",
        "college",
        "society",
        "faculty",
        "school",
        "centre",
        "center",
        "commission",
        "committee",
        "agency",
    }
)
# The rest of a department's name after its first field: ", Culture, Tourism and Heritage".
_DEPARTMENT_LIST = re.compile(
    r", (?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?, )*[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)? and "
    r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?"
)
_AGED_BEFORE = re.compile(r"\b[\w-]+-year-old $")
# Where or whose, after a role: " in Kyiv", " for Sudan", " of the Razumkov Centre".
WHERE_PHRASE = (
    r"\s+(?:in|at|from|of|for|with)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
)
# "his wife Fran", "their youngest son Eli": kin, then their given name without a comma.
_KIN_BEFORE_NAME = re.compile(
    r"(?:^|(?<=\s))(?P<words>(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)(?:\s+[a-z][\w-]*)?\s+"
    r"(?P<kin>wife|husband|son|daughter|mother|father|brother|sister|partner|fiancée?"
    r"|girlfriend|boyfriend|widow|widower|grandson|granddaughter|niece|nephew))\s+$"
)
_INTRODUCED_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<words>(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur|[Tt]he|[Aa]n?|[\w.-]+(?:['’]s|s['’]))"
    r"(?:\s+[A-Z][\w.-]*(?=\s+[a-z]))?"  # "The U.S. special envoy"
    r"(?:\s+[a-z0-9][\w-]*){1,4})"  # ("her 15-year-old daughter, Valentina,")
    rf"(?:{WHERE_PHRASE})?"
    r",\s+$"  # "The special envoy for Sudan, Thomas Hallworth,"
)


def _introduced_before(text: str, start: int, reach: int) -> re.Match[str] | None:
    """`_INTRODUCED_BEFORE` searched in the `reach` characters before `start`, where it may
    match: only after a comma and white space (most names are not; the search, ending in
    `$`, would try each of the characters)."""
    gap = start
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    if gap == start or text[gap - 1 : gap] != ",":
        return None
    return _INTRODUCED_BEFORE.search(text, max(0, start - reach), start)


def _for_a_person(words: str) -> bool:
    """Whether words set before a name end in a word for a person ("His mother", "an
    influential sociologist", "Bloomberg's longtime pollster"), not a thing ("a statement")."""
    last = _COMPOUND_TAIL.sub("", words.rsplit(None, 1)[-1].casefold())  # "man-of-the-match"
    return last not in _NOT_ROLES and (
        last in _PERSON_NOUN_WORDS
        or last in TITLES
        or last in _EPITHET_WORDS
        or last.endswith(_ROLE_ENDINGS)
    )


_ROLE_ENDINGS = ("er", "or", "ist", "ian", "ant")
# What follows the head of a compound for a person: "man-of-the-match", "editor-in-chief".
_COMPOUND_TAIL = re.compile(r"-(?:of|in|at)-.*")
# Small words a title of a work writes in capitals inside it, and a name never does.
_CAPITAL_SMALL_WORDS = frozenset({"Of", "The", "And", "In", "For", "On", "To", "With", "A"})
_EPITHET_WORDS = words("epithets")
_NOT_ROLES = words("documents") | words("org_nouns")
_WORK_NOUNS = words("work_nouns") | {"single", "track", "hit"}
_NOT_SURNAMES = ORG_WORDS | words("work_nouns")


_QUANTITIES = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "both",
        "all",
        "each",
        "every",
        "some",
        "many",
        "most",
        "several",
        "few",
        "other",
        "another",
    ]
)


# The months that are surnames too, after a given name ("Theresa May", "Brian May").
_MONTHS = frozenset({"march", "april", "may", "june", "august"})
# A number right after a word: "May 5", "May 2015" (a date, not a surname).
_NUMBER_NEXT = re.compile(r"[ \u00a0]*,?[ \u00a0]*\d")
# A weekday, then a time of day, opens a show's name ("Saturday Night Live", "Monday Night
# Football"), not a person's.
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TIMES_OF_DAY = frozenset({"night", "morning", "evening", "afternoon"})
# Endings of words for what someone does ("steelworker", "farmer", "pharmacist", "librarian").
_OCCUPATION_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman")


def _role_like(word: str) -> bool:
    """A capitalised word that may name a role ("Developer", "Resident"), not a given name,
    a title, a word of grammar, a pronoun or a place."""
    folded = word.casefold()
    return (
        word[1:].islower()
        and folded not in _DESCRIPTION_STOPS
        and folded not in PRONOUNS
        and folded not in _QUANTITIES
        and not is_given_name(folded)
        and not _verb_form(folded)
    )


def _verb_form(word: str) -> bool:
    """A word that reads as a verb ("suggested", "depicting") and so ends a description."""
    return len(word) > 4 and word.endswith(("ed", "ing")) and word not in _ROLE_PARTICIPLES


_INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "de", "des", "du", "la", "le", "&", ","})


def _initials(words: Sequence[str], whole_capitals: bool = False) -> str:
    """ "CRA" for Canada Revenue Agency, "BEI" for Bureau des enquêtes indépendantes: the
    first letters of a name's words (not its small words), in capitals; with
    `whole_capitals`, a word in capitals gives all its letters ("BCCDC" for the BC Centre for
    Disease Control)."""
    return "".join(
        (w.replace(".", "") if whole_capitals and _in_capitals(w) else w[0])
        for w in words
        if w.casefold() not in _INITIAL_SKIPS and w[:1].isalpha()
    ).upper()


# An age in apposition after a name: "Nurhayati, 38, said".
_AGE_AFTER = re.compile(r", (?:[1-9]\d?|1[01]\d),")


def _hyphen_parts(words: Sequence[str]) -> list[str]:
    """A name's words with each capitalised part of a hyphenated word on its own: "World
    Anti-Doping Agency" -> World Anti Doping Agency (whose initials are WADA)."""
    return [
        part
        for word in words
        for part in (word.split("-") if all(p[:1].isupper() for p in word.split("-")) else [word])
        if part
    ]


# What follows a dateline's place in capitals: "SURREY, B.C. —", "GRANDE PRAIRIE, Alta. —",
# "HALIFAX (CP) —", "OTTAWA —", "BRAMPTON, Ont. - " (a hyphen set off by spaces, as wires type
# the dash).
_DATELINE = re.compile(
    r",?\s+(?:(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3})\s+)?(?:\([A-Z][\w .]*\)\s+)?(?:[—–]|-\s)"
)


# A dateline that opens a paragraph, up to the dash before the story's first word:
# "KAMLOOPS, B.C. — ", "BRANDON, Man. - ", "HALIFAX (CP) — ", "ST. JOHN'S, N.L. – ".
# Words after which an "-ing" word is a verb, not a field before a role ("is leading",
# "while visiting", "after meeting").
_ING_LEADS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "am", "while", "when", "after", "before"}
)
DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z.'’ -]*[A-Z.](?:/[A-Z][A-Z.'’ -]*[A-Z.])*(?:,\s+(?:[A-Z][\w.]*\s?){1,3})?"
    r"(?:/[A-Z][\w.'’ -]*[\w.])*"  # "SURABAYA, Indonesia/JAKARTA (Reuters) - ", "NEW YORK/LONDON"
    r"(?:\s*\([A-Z][\w .]*\))?\s+[—–-] "
)
_DASHES = frozenset("—–-")


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


def _shared_with_a_word_acronym(word: str) -> bool:
    """Whether a word in capitals is a body's acronym that, in lower case, is a word that
    opens no name: "WHO said", "says WHO" (the World Health Organization), "NOW" (the
    National Organization for Women); not "I" or "A", nor a number ("THREE years ago", a
    magazine's opening in small capitals; so, too, a paragraph's first word)."""
    return len(word) >= 3 and _is_acronym(word) and word.casefold() not in NUMBER_WORDS


# Countries whose names are also people's names: only a whole run makes them places.
_NAME_LIKE_COUNTRIES = words("name_like_countries")


def _country_then_person(run: Sequence[Token], folded: list[str]) -> int:
    """How many of the run's first words are a country before a person's full name ("Pakistan
    Richard Olson"): 0 when the run is not so, or the country's name is a given name too
    ("Chad Michael Murray", "Jordan Peterson")."""
    for size in (3, 2, 1):
        if (
            len(run) - size >= 2
            and " ".join(folded[:size]) in COUNTRIES
            and not is_given_name(folded[0])
            and is_given_name(folded[size])
            and folded[-1] not in ORG_WORDS
            and all(_name_like(t) for t in run[size:])
        ):
            return size
    return 0


def _joined_name(words: Sequence[str]) -> str:
    """A body's name from its words, a plural's apostrophe and a comma kept on the word before
    ("British Bankers' Association", not "Bankers ' Association")."""
    return " ".join(words).replace(" ' ", "' ").replace(" ’ ", "’ ").replace(" , ", ", ")


# Nouns of nationality not made of an adjective and "man" or "woman" ("Frenchwoman").
_NATIONALITY_NOUNS = frozenset({"briton", "brit", "spaniard", "swede", "scotsman", "scotswoman"})


def nationality_noun(word: str) -> bool:
    """ "Frenchman", "Dutchwoman", "Briton": a person's nationality, never part of a name."""
    for ending in ("woman", "man"):
        if word.endswith(ending) and is_demonym(word.removesuffix(ending)):
            return True
    return word in _NATIONALITY_NOUNS


# An age given after a person's name: "Eric Neyer, 4, was diagnosed", "Noura Ali (9)".
_AGE_AFTER = re.compile(r"\s*[,(]\s*(\d{1,2})\s*(?:,|\))")
# The words that open a storm's name ("Hurricane Harvey", "Tropical Storm Alberto").
_STORMS = frozenset({"hurricane", "cyclone", "typhoon", "superstorm"})
# Last words of a programme named after its host ("The Dan Wootton Interview").
_SHOW_WORDS = frozenset(
    {"show", "interview", "podcast", "hour", "programme", "program", "live", "tonight"}
)
# Last words of an occasion's name ("Holocaust Remembrance Day", "Pride Week").
_OCCASION_WORDS = frozenset({"day", "week", "eve"})
# First words of an occasion of two words ("Election Day", "Boxing Day"; "Canada Day" is one
# by its place).
_OCCASION_LEADS = words("occasion_leads")
_STORMS_OF_TWO = frozenset(
    {"tropical storm", "tropical cyclone", "tropical depression", "super typhoon", "winter storm"}
)


def _storm_words(folded: list[str]) -> int:
    """How many of a run's first words say it is a storm's name (0: none)."""
    if " ".join(folded[:2]) in _STORMS_OF_TWO:
        return 2
    return 1 if folded and folded[0] in _STORMS else 0


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# A given name written as initials: "R.T." of R.T. Thorne, "J.K." of J.K. Rowling.
_GIVEN_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# A person's initials in capitals, as a name: "SBF", "AOC", "JFK"
_PERSON_INITIALS = re.compile(r"[A-Z]{2,4}")


def _person_initials(name: str) -> str:
    """A person's initials, one for each part of a hyphenated word ("Sam Bankman-Fried":
    "SBF"), a particle's too ("Mohammed bin Salman": "MBS")."""
    return "".join(
        part[0].upper() for word in name.split() for part in word.split("-") if part[:1].isalpha()
    )


def _initialled_person(run: Sequence[Token], folded: list[str]) -> bool:
    """A name opened by initials ("J.C. Chandor", "A.J. Croce"), not a place's or a
    country's abbreviation ("U.S. Virgin Islands", "D.C. Circuit")."""
    return (
        len(run) == 2
        and _INITIALS.fullmatch(run[0].word) is not None
        and run[0].word.replace(".", "") not in _REGION_CODES
        and not is_place(folded[0])
        and folded[1] not in PLACE_WORDS
        and not is_place(folded[1])
    )


def _portfolio_ends(folded: list[str], cut: int) -> bool:
    """Whether the words before `cut` end a title's portfolio: a title, "of" or "for", then
    the fields it covers ("Minister of Fisheries and Oceans", "Advocate for Children and
    Youth")."""
    for index in range(cut - 2, 0, -1):
        if folded[index] in {"of", "for"}:
            return _is_title(folded[index - 1].rstrip("."))
    return False


def _portfolio_cut(run: list[Token], folded: list[str]) -> int:
    """Where a person's name of two or three words starts after a title's portfolio whose
    fields "and" joins ("Minister of Families and Youth Ahmed Hussen" -> 5), else 0."""
    if "and" not in folded and "&" not in folded:
        return 0
    for cut in range(max(3, len(run) - 3), len(run) - 1):
        if (
            is_given_name(folded[cut])
            and _portfolio_ends(folded, cut)
            and not run[cut - 1].possessive
            and not is_place(folded[cut - 1])  # "… for Afghanistan and Pakistan Richard Olsen"
            and all(
                _name_like(t) and f not in TITLES and f not in ORG_WORDS
                for t, f in zip(run[cut:], folded[cut:], strict=True)
            )
        ):
            return cut
    return 0


def _given_name_cut(run: list[Token], folded: list[str]) -> int:
    """Where a person's name starts after a title, role or organisation, at a given name:
    "House Speaker Paul Ryan" -> 2, "FBI Director James Comey" -> 2; 0 when the run is not
    so ("Te Kaurinui Robert Parata", "Mark Twain Prize", "Bill Clinton Foundation")."""
    if (
        len(run) >= 3
        and _is_title(folded[-3])
        and is_given_name(folded[-2])
        and _name_like(run[-1])
        and not run[-3].possessive
        and folded[-1] not in BUILDING_WORDS  # "Imam Hadi Mosque": a place
    ):
        return len(run) - 2  # "Atlantic City Mayor Don Guardian": a surname that is a word
    if len(run) < 2 or folded[-1] in ORG_WORDS or folded[-1] in PLACE_WORDS:
        return 0
    if (  # "Frenchman Corentin Moutet", "Briton Jack Draper": a nationality, whoever follows
        len(run) >= 3
        and nationality_noun(folded[0])
        and not run[0].possessive
        and all(_name_like(t) for t in run[1:])
    ):
        return 1
    for cut in range(max(1, len(run) - 5), len(run) - 1):
        before = folded[cut - 1].rstrip(".")
        if (
            is_given_name(folded[cut])
            and (
                _is_title(before)
                or before in ORG_WORDS
                or is_demonym(before)
                or _is_acronym(run[cut - 1].word)
                or (  # "NBA All-star Kobe Bryant", "Co-founder Ana Ruiz": a role's compound
                    "-" in before and _is_title(before.rsplit("-", 1)[-1]) and len(run) - cut >= 2
                )
                or (  # "Green Ranger Jason David Frank", "Steelworker Gurpreet Bains": a role
                    before.endswith(_OCCUPATION_ENDINGS)
                    and _role_like(run[cut - 1].word)
                    and not is_given_name(before)
                    and folded[cut] not in _PARTICLES  # "Pieter Van der Berg": one name
                    and len(run) - cut >= 2
                )
                # "Southern District of Ohio Marcus Delafosse-Winfield": a body's place
                or (is_place(before) and not ORG_WORDS.isdisjoint(folded[: cut - 1]))
                # "Minister of Fisheries and Oceans Bernadette Jordan", "Advocate for
                # Children and Youth Daphne Penrose": a title's portfolio
                or (_portfolio_ends(folded, cut) and 2 <= len(run) - cut <= 3)
            )
            and not run[cut - 1].possessive
            and _name_like(run[-1])
            and all(  # "Quebec Court Judge Anne-Marie de la Durantaye": particles inside
                (_name_like(t) or f in _PARTICLES) and f not in TITLES and f not in ORG_WORDS
                for t, f in zip(run[cut:], folded[cut:], strict=True)
            )
        ):
            return cut
    # "Republican National Committee Research Director Raj Shah": two or three name-like
    # words after the run's last title, when an organisation or title stands before.
    titles = [
        i
        for i, f in enumerate(folded)
        if f.rstrip(".") in TITLES or (f == "class" and i and _ORDINAL.fullmatch(folded[i - 1]))
    ]  # ("Sgt. 1st Class", "Petty Officer 2nd Class": a rank)
    if titles and 2 <= len(run) - titles[-1] - 1 <= 3 and titles[-1] >= 1:
        cut = titles[-1] + 1
        tail = list(zip(run[cut:], folded[cut:], strict=True))
        if all(_name_like(t) and f not in ORG_WORDS and not is_demonym(f) for t, f in tail):
            return cut
    return 0


# Words that open a surname, some of them also given names ("Mac"): "Pádraig Mac Craith".
_SURNAME_PREFIXES = frozenset({"mac", "mc", "ó", "o", "ní", "nic", "uí", "mhic", "van", "von"})
_TITLE_PREFIXES = frozenset({"ex", "vice", "co", "deputy", "acting", "interim", "former"})


def _advocacy_group(folded: list[str]) -> bool:
    """A body named for the people it gathers and its cause: "Canadians for Tax Fairness",
    "National Nurses United for Patient Protection", "Friends of Canadian Media", "Mothers
    Against Drunk Driving"; not "Lawyers for Jane Doe" (a person's lawyers)."""
    for at, people in enumerate(folded[:2]):
        if not people.endswith("s") or not (
            is_demonym(people[:-1]) or people[:-1] in _PERSON_NOUN_WORDS or people in GROUP_PEOPLE
        ):
            continue
        joint = next(
            (i for i in (at + 1, at + 2) if i < len(folded) and folded[i] in _GROUP_JOINTS), 0
        )
        if not joint or joint + 1 >= len(folded) or any(_is_title(w) for w in folded[at:joint]):
            return False  # ("Sawmill Workers Director of Government Affairs Phil Smith")
        if folded[joint] == "of" and people not in GROUP_PEOPLE:
            return False  # "Members of Unifor", "Employees of Northwind Airlines": a body's
        cause = folded[joint + 1 :]
        if cause[0] in {"a", "an"} or (cause[0] == "the" and folded[joint] != "of"):
            return False  # (but "Friends of the Earth")
        return cause[-1] != "the" and not any(
            is_given_name(word) or _is_title(word) for word in cause
        )
    return False


_GROUP_JOINTS = frozenset({"for", "of", "against"})
# Plurals that open a group's own name: "Friends of Canadian Media", "Mothers Against …".
GROUP_PEOPLE = frozenset({"citizens", "taxpayers", "mothers", "parents", "friends", "women"})


def _is_title(word: str) -> bool:
    """A title or role, also compounded: "Secretary-Treasurer", "Vice-Chair"."""
    word = word.rstrip(".")
    if word in TITLES:
        return True
    if "-" not in word:
        return False
    first, last = word.split("-", 1)[0], word.rsplit("-", 1)[1]
    if first in TITLES and word.split("-", 1)[1] in _TITLE_SUFFIXES:
        return True  # "Speaker-elect", "Premier-designate", "Speaker-to-be"
    # (not a double surname: "MacPhail-Bishop", "Okafor-Major")
    return last in TITLES and (first in TITLES or first in _TITLE_PREFIXES)


# What a compound adds after a title it does not hold yet: "Speaker-elect", "Speaker-to-be".
_TITLE_SUFFIXES = frozenset({"elect", "designate", "to-be", "in-waiting", "nominee"})


def _trailing_connector(run: Sequence[Token]) -> bool:
    """Whether the run's last word is a joining word that ends no name ("… of"); not a
    capitalised one after a given name, a surname ("Kim Thao Le", "Mai Anh La")."""
    last = run[-1]
    if last.folded not in CONNECTORS:
        return False
    return not (
        len(run) >= 2
        and last.word[:1].isupper()
        and is_given_name(run[0].word)
        and len(last.word) == 2
    )


def _two_bodies(folded: list[str], join: int) -> bool:
    """ "the United Nurses of Alberta and Alberta Health Services": two bodies, each a whole
    name (one ends "of" a place, the other, two words or more, in a body's word); not
    "Department of Health and Community Services", "College of Immigration and Citizenship
    Consultants" (what one body covers)."""
    left, right = folded[:join], folded[join + 1 :]
    if len(left) >= 2 and len(right) >= 2 and left[-1].rstrip(".") in _COMPANY_ENDINGS:
        return True  # "Ford Motor Company and General Motors": a legal form closes the first
    return (
        len(left) >= 3
        and left[-2] == "of"
        and is_place(left[-1])
        and len(right) >= 2
        and right[-1] in ORG_WORDS
    )


def _titled_place_length(folded: list[str]) -> int:
    """How many words open the run as a place whose first word is a title ("Prince Albert",
    "Prince George ...", "Port Hope"): 0 when the run opens with none."""
    if len(folded) < 2 or not _is_title(folded[0]):
        return 0
    return next((n for n in (3, 2) if n <= len(folded) and is_place(" ".join(folded[:n]))), 0)


def _field_and_region(folded: list[str]) -> bool:
    """A word for a field, then a province or state: a body's name ("Boxing Nova Scotia",
    "Tourism British Columbia"), not a part of the place ("Northern Ontario", "Rural
    Alberta") nor a city and its province ("Halifax Nova Scotia")."""
    if len(folded) < 2 or folded[0] in _PLACE_PARTS or is_place(folded[0]):
        return False
    return (
        " ".join(folded[1:]) in REGIONS
        and not is_demonym(folded[0])
        and not is_given_name(folded[0])
        and folded[0] not in TITLES
    )


_PLACE_PARTS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northwestern",
        "northeastern",
        "southwestern",
        "southeastern",
        "rural",
        "urban",
        "greater",
        "upper",
        "lower",
        "mainland",
        "coastal",
        "downtown",
        "interior",
        "outer",
        "inner",
        "new",
    ]
)


def _names_country(folded: list[str]) -> bool:
    """Whether a run of words includes a country ("Environment Canada", "New Zealand Post")."""
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(folded)}
    return any(w in COUNTRIES and w not in _NAME_LIKE_COUNTRIES for w in folded) or bool(
        pairs & COUNTRIES
    )


# Lowercase nouns that make the name before them an institution: "Royal Shrewsbury hospital".
_INSTITUTIONS = words("institution_nouns")
_MEDIUM_NOUNS = words("medium_nouns")  # "the Washington Post newspaper": the Washington Post


def _named_before(folded: list[str]) -> bool:
    """Whether words before "of" end in a person's name ("Senator Mitch McConnell" of
    Kentucky), not in a title ("Governor" of Washington, "Prime Minister" of Canada)."""
    names = 0
    for word in reversed(folded):
        if word in TITLES or word.rstrip(".") in TITLES:
            break
        names += 1
    # "Senator Mitch McConnell", or a title and a surname: "Mr. Nevins" of Showtime.
    return names >= 2 or (names == 1 and len(folded) >= 2)


def _topic_cut(run: Sequence[Token], folded: list[str]) -> int:
    """Where "on" parts a person's full name from what their words were about ("Minister
    Ana Ruiz on Freeland", 3), or 0: a given name and a surname right before it, no word of
    a body's name among them ("Council on Foreign Relations", "Special Rapporteur on
    Torture" stay whole)."""
    for cut, word in enumerate(folded):
        if (
            word == "on"
            and cut >= 2
            and cut + 1 < len(run)
            and is_given_name(run[cut - 2].word)
            and _name_like(run[cut - 1])
            and ORG_WORDS.isdisjoint(folded[:cut])
        ):
            return cut
    return 0


def _in_order(words: list[str], within: list[str]) -> bool:
    """True if `words` appear in `within`, in order (not necessarily next to each other)."""
    position = 0
    for word in within:
        if position < len(words) and word == words[position]:
            position += 1
    return position == len(words)


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|O[’']|D[’']|De|Di|Da|La|Le|Van|Von|Fitz)")


def _camel(word: str) -> bool:
    """ "CityNews", "YouTube": a capital inside a word marks a brand or an outlet (not a
    capital after a hyphen: "Holtz-Eakin", "Lopez-Cantera")."""
    if "-" in word:
        return any(_camel(part) for part in word.split("-"))
    if len(word) <= 3 or not word[0].isupper() or word.isupper() or word[1:].islower():
        return False
    stem = _NAME_PREFIX.sub("", word)
    inner = [i for i, c in enumerate(stem) if c.isupper() and i > 0]
    if len(inner) == 1 and all(
        is_given_name(part) for part in (stem[: inner[0]], stem[inner[0] :])
    ):
        return False  # "KellyAnne", "MaryKate": two given names run together
    return bool(inner)


_JOINING_WORDS = frozenset({"of", "for", "and", "&", "on"})
# Titles of an elected member "for" the seat named after them: "MLA for Kamloops".
_SEAT_TITLES = words("seat_titles")
# Titles that are part of the one name they precede: "Pope Francis", "Queen Elizabeth".
_REGNAL = frozenset({"pope", "queen", "king", "prince", "princess"})
# Capitals that, alone and without a full stop, open the name of a thing ("Y Combinator"),
# not a person's ("A" and "I" are words, "O" and "U" open Irish and Burmese names).
_BARE_LETTERS = frozenset("BCDEFGHJKLMNPQRSTVWXYZ")
_FIRST_BEFORE = re.compile(r"\bfirst\s*$", re.IGNORECASE)  # "First Lady Obama" is Obama
_PEERAGE = words("peerage_titles")  # "Lord Stevens": the title is in the name


def _bracketed_acronym(after: Sequence[Token]) -> Token | None:
    """The acronym in brackets that `after` (the three tokens after a name) opens with."""
    if len(after) == 3 and after[0].text == "(" and after[2].text == ")":
        return after[1] if _is_acronym(after[1].text) else None
    return None


_NOUN_ENDINGS = (
    "tion",
    "sion",
    "ment",
    "ity",
    "ance",
    "ence",
    "ship",
    "ism",
    "ness",
    "age",
    "try",
    "ogy",
    "ces",
    "ics",
    "ure",
    "ions",
)


def _complement_words(run: Sequence[Token]) -> int:
    """How many words open a person's run that are the end of a title's complement, not
    the name: "Industry François-Philippe Champagne", "Social Development Jenna Sudds",
    "French Language Jean-François Lévesque" (common nouns, then a known given name and a
    surname or two). 0 when the run opens with a given name or with no such noun."""
    folded = [t.word.casefold() for t in run]
    given = next((i for i in range(1, len(run)) if is_given_name(folded[i])), None)
    if (
        given is None
        or not 1 <= len(run) - given - 1 <= 2
        or is_given_name(folded[0])
        or not folded[given - 1].endswith(_NOUN_ENDINGS)
    ):
        return 0
    return given


def _titled_person(run: Sequence[Token]) -> bool:
    """Whether a run ends in a title, a given name and a surname: "Senate Democratic Leader
    Greg Taylor" (of Indianapolis), though "Senate" is a body's word."""
    return (
        len(run) >= 3
        and run[-3].folded.rstrip(".") in TITLES
        and is_given_name(run[-2].word)
        and _name_like(run[-1])
        and run[-1].folded not in ORG_WORDS
    )


def _leading_particle(run: Sequence[Token]) -> bool:
    """A capitalised particle that opens a name: "Al Gore", "De Blasio", "Van Hollen", and
    two of them: "Van Der Beek", "De La Cruz"."""
    return (
        len(run) >= 2
        and run[0].text[:1].isupper()
        and run[0].folded not in _JOINING_WORDS
        and run[1].capitalised
        and (
            run[1].folded not in CONNECTORS
            or (
                len(run) >= 3
                and run[1].folded not in _JOINING_WORDS
                and run[2].capitalised
                and run[2].folded not in CONNECTORS
            )
        )
    )


def _personal(words: list[str], folded: list[str]) -> bool:
    """A run that reads as a person's name whatever its spelling: a given name and a
    surname ("Jim VandeHei", "Ava DuVernay"), or an honorific before one ("Mr. VandeHei")."""
    return len(words) >= 2 and (
        (is_given_name(folded[0]) and len(words) <= 4)
        or folded[0].rstrip(".") in {"mr", "mrs", "ms", "dr"}
    )


def _first_nation(texts: Sequence[str], index: int) -> bool:
    """Whether the words at `index` are "First Nation" or "First Nations": a name ("the
    Assembly of First Nations", "Tallow River First Nation"), though "First" alone opens
    sentences and names no one."""
    return (
        texts[index] == "First"
        and index + 1 < len(texts)
        and _word_of(texts[index + 1]) in {"Nation", "Nations"}
    )


def _name_like(token: Token) -> bool:
    word = token.word
    return (
        bool(word) and token.capitalised and word.casefold() not in NOT_NAMES and not word.isdigit()
    )


# A nickname in quotation marks inside a name: Kayla "Kay-O" Chiasson, Ronald “Ronnie Red”
# MacPhee; or one word in brackets: Seung Hwan (Mark) Lee, Robert (Bob) Smith. Its words are
# blanked (offsets kept) for reading names: she is Kayla Chiasson.
# (Its capital first, the word boundary before it looked behind after it: the engine skips to
# capitals over the whole article instead of trying each character, twice as quick.)
_NICKNAME = re.compile(
    r"([A-Z](?<!\w[A-Z])[\w’'-]{1,20} )"
    r"([\"“][A-Z][^\"“”\n]{0,24}[\"”]|\([A-Z][a-z]{1,15}\))(?= [A-Z][\w’'-]+)"
)


def _blank_nickname(found: re.Match[str]) -> str:
    return found.group(1) + " " * len(found.group(2))


# Words that open a French body's name, which may go on in lowercase ("Association des
# propriétaires du Grand Montréal"), and the particles that carry such a name on.
_FRENCH_BODIES = words("french_body_words")
_FRENCH_PARTICLES = frozenset(
    {"de", "des", "du", "d'", "d’", "la", "le", "l'", "l’", "les", "et", "pour", "en", "aux", "à"}
)
# Bodies whose names hold no word that says so ("Red Cross", "Greenpeace"), with or without
# a country's name or demonym before them ("Canadian Red Cross").
WELL_KNOWN_BODIES = folded("well_known_bodies")


def _well_known_body(run: list[Token]) -> str | None:
    """The well-known body a run names (folded, without the country before it), if any."""
    words = [t.word.casefold() for t in run]
    for start in range(min(2, len(words))):
        name = " ".join(words[start:])
        if name in WELL_KNOWN_BODIES and (start == 0 or is_demonym(words[0]) or is_place(words[0])):
            return name
    return None


_INDEFINITE_BEFORE = re.compile(r"(?:^|[\s(])an? $")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z]+) $")


def _blanked(text: str, nicknames: Sequence[re.Match[str]]) -> str:
    """`_NICKNAME.sub(_blank_nickname, text)` from its matches, already found."""
    if not nicknames:
        return text
    pieces: list[str] = []
    at = 0
    for found in nicknames:
        pieces += (text[at : found.start()], _blank_nickname(found))
        at = found.end()
    pieces.append(text[at:])
    return "".join(pieces)


_ENDS_RUN, _MAY_JOIN, _NAME_WORD, _POSSESSIVE_NAME_WORD = range(4)


def _run_word(word: str) -> int:
    """What a word does in a capitalised run (`Entities._run_end`): a capitalised word that
    starts with a letter goes on with it (and ends it if possessive: "King's"); a word that
    `_may_join` may; any other ends it."""
    if _capitalised(word) and word[:1].isalpha():
        return _POSSESSIVE_NAME_WORD if _possessive(word) else _NAME_WORD
    return _MAY_JOIN if _may_join(word) else _ENDS_RUN


def rank_ordinal(toks: Sequence[Token], at: int) -> bool:
    """Whether `toks[at]` is the ordinal of a rank, before its title: "Air Force 1st Lt. Tyler
    Livingston", "Sgt. 1st Class Dana Whitt", "Petty Officer 2nd Class Joan Mares"."""
    return (
        _ORDINAL.fullmatch(toks[at].text) is not None
        and at + 1 < len(toks)
        and _capitalised(toks[at + 1].text)
        and toks[at + 1].folded.rstrip(".") in _RANK_AFTER_ORDINAL
    )


def _may_join(word: str) -> bool:
    """Whether `word`, after a capitalised word, may go on with its run (`_run_end`): a mark
    or a number some names hold, a particle, a connector ("of", "and")."""
    return (
        word in {"'", "’", ",", "—", "of", "for"}
        or word in _LOWER_LEGAL_FORMS
        or word.isdigit()
        or _ORDINAL.fullmatch(word) is not None
        or word.casefold() in _DOUBLE_PARTICLES
        or word.casefold() in CONNECTORS
    )


# One thing classifying a run did: an action ("place", "org", "single", "acronym",
# "person") and its arguments, tokens given by their index from the run's first.
_Step = tuple[str, tuple[Any, ...]]
_UNPLANNED: list[_Step] = []  # no plan yet (`Entities._planned`)


class Entities:
    """The people and organisations of one article, and where each is mentioned."""

    def __init__(self, text: str, start: int = 0, titles: Sequence[tuple[int, int]] = ()) -> None:
        """`titles`: the spans of quoted titles ("Financial Freedom: A Proven Path to All the
        Money You Will Ever Need"), whose capitalised words name no one unless a given name
        or a body's word says so."""
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
        self._given_only: set[int] = set()  # people introduced by a given name alone
        self._by_inner: dict[str, list[Entity]] = {}  # inner word of a name -> entities
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
        self._scan()
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

    def _organisations_by_apposition(self) -> None:
        """A name first given in apposition to a word for an organisation is one, whatever
        its words look like: "The company, Déneigement Rive-Sud Gagné, was owned by Éric
        Gagné" (taken for a person, it took Gagné's quotes)."""
        for entity in self.entities:
            words = entity.name.split()
            if entity.kind != "person" or len(words) < 2 or is_given_name(words[0]):
                continue
            lead = _ORG_APPOSITION.search(self.text, max(0, entity.first - 120), entity.first)
            if (lead is not None and lead.group(1).casefold() in _ORG_NOUN_WORDS) or (
                self._after_a_business_noun(entity)
            ):
                self._make_org(entity)

    def _after_a_business_noun(self, entity: Entity) -> bool:
        """Whether a name is first given right after a word for a business, in lower case:
        "investment banking giant Goldman Sachs", "the bank Morgan Stanley", "carmaker
        Jaguar Land Rover" (a surname is not written after "bank"; "Goldman Sachs" had been a
        person, so "the bank said" found no one)."""
        lead = _LAST_LOWER_WORD.search(self.text, max(0, entity.first - 40), entity.first)
        return lead is not None and lead.group(1) in _BUSINESS_LEAD_NOUNS

    def _make_org(self, entity: Entity) -> None:
        """Turn a "person" into an organisation; its last word alone ("Gagné told the
        court") stays the person of that name, where the article has one."""
        entity.kind, entity.gender = "org", ""
        for index, mention in enumerate(self.mentions):
            if mention.entity is entity and mention.text != entity.name:
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

    def _words_written(self) -> set[str]:
        """Every token of the text as written, and each part of a hyphenated one ("higher"
        of "higher-order"): a word is in it in lower case when the text writes it so (one
        pass, in C, over the tokens already read)."""
        written = set(self._token_texts)
        for joined in [token for token in written if "-" in token]:
            written.update(joined.split("-"))
        return written

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
            end = _PRONOUN_SEARCH_END.search(self.text, mention.end)
            stop = end.start() if end else len(self.text)
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

    def _scan(self) -> None:
        # (a nickname, blanked for reading names, is kept as what its person may be called:
        # Shabnam "Shabs" Rizvi-Mendez, then "Shabs said")
        nicknames = list(_NICKNAME.finditer(self.text))  # (one pass: the text blanked from it)
        self._nicknames = {found.start(): found.group(2)[1:-1].casefold() for found in nicknames}
        toks = self._tokens = _Tokens(_blanked(self.text, nicknames))
        self._token_starts, self._token_texts = toks.starts, toks.texts
        index = bisect_left(self._token_starts, self.start)
        # Most words have no capital and no particle, so no name starts there. (Each distinct
        # word is looked at once, and the tokens picked in C: 180,000 tokens, 15,000 words.)
        starters = {
            text
            for text in set(toks.texts)
            if text[:1].isupper()
            or "-" in text
            or (text[:1] in "dl" and text[1:2] in "'’" and text[2:3].isupper())  # "d'Entremont"
        }
        capitals = list(compress(range(len(toks.texts)), map(starters.__contains__, toks.texts)))
        self._capitals = capitals
        listed = self._listed_names()
        for at in capitals[bisect_left(capitals, index) :]:
            if at < index:
                continue
            index = at
            whole = listed.get(toks.starts[index])
            if whole is not None:  # "Immigration, Refugees and Citizenship Canada"
                run_end = bisect_left(toks.starts, whole)
                self._listed(toks, index, run_end)
                index = run_end
                continue
            run_end = self._run_end(toks, index)
            if run_end == index:
                index += 1
                continue
            if self._titles and self._in_title(toks, index, run_end):
                index = run_end  # "… All the Money You Will Ever Need": a title's words
                continue
            if toks.texts[run_end - 1].casefold() in _FRENCH_BODIES:
                french_end = self._french_name_end(run_end)
                if french_end > run_end:
                    opening = index
                    while toks.texts[opening].casefold() in NOT_NAME_LEADS:
                        opening += 1  # "The Fédération …"
                    french = list(toks[opening:french_end])
                    self._org(french, [t.word for t in french])
                    index = french_end
                    continue
            if (
                index > 0
                and toks.texts[index - 1].casefold() in _OWNERS
                and run_end < len(toks.texts)
                and toks.texts[run_end].isalpha()
                and toks.texts[run_end].islower()
                and toks.starts[index] == toks.starts[index - 1] + len(toks.texts[index - 1]) + 1
                and toks.texts[run_end] not in _OWNED_VERBS
            ):
                run = list(toks[index:run_end])
                words = [_word_of(t.text) for t in run]
                if self.find(" ".join(words)) is None:
                    # "her Santa Barbara home": what the home is (a place, or a brand's
                    # name), no one, on its first mention ("Santa" is a given name)
                    self._place(run, words)
                    index = run_end
                    continue
            if self._furniture(toks, index, run_end):
                if self._dateline(toks, index, run_end):  # "KAMLOOPS, B.C. — ": a place
                    self._dateline_places.add(" ".join(toks.texts[index:run_end]).casefold())
                    run_end = self._dateline_place_end(toks, index, run_end)
                index = run_end  # "WATCH: …", "VIEWPOINT", a "Security" heading: no one
                continue
            if run_end == index + 1:  # one capitalised word, the most common case
                word = _word_of(toks.texts[index])
                folded = word.casefold()
                if (
                    folded not in NOT_NAME_LEADS
                    or (_shared_with_a_word_acronym(word) and not self._opens_paragraph(index))
                ) and folded not in CONNECTORS:
                    self._planned(toks, index, run_end)
                index = run_end  # "The", "But": a sentence's first word alone names nobody
                continue
            self._planned(toks, index, run_end)
            index = run_end

    def _opens_paragraph(self, index: int) -> bool:
        """Whether token `index` is the first of its paragraph (or of the text)."""
        start = self._token_starts[index]
        return start == 0 or self.text[max(0, start - 2) : start].endswith("\n")

    def _in_title(self, toks: Sequence[Token], first: int, last: int) -> bool:
        """Whether the run `toks[first:last]` stands inside a quoted title and opens with no
        given name, nor ends in a body's word (those may be named in a title)."""
        start = self._token_starts[first]
        at = bisect_right(self._title_starts, start) - 1
        if at < 0 or start >= self._titles[at][1]:
            return False
        texts = self._token_texts
        return not is_given_name(_word_of(texts[first])) and (
            _word_of(texts[last - 1]).casefold() not in ORG_WORDS
        )

    def _french_name_end(self, end: int) -> int:
        """Where a French body's name that goes on in lowercase ends: "Association des
        propriétaires du Grand Montréal", "Fédération des travailleurs et travailleuses du
        Québec" (its particles each bring one word, capitalised words go on); `end` itself
        when no particle follows the body's word."""
        texts, count = self._token_texts, len(self._token_texts)
        if end + 1 < count and texts[end + 1].casefold() in _FRENCH_PARTICLES:
            end_word = end + 1  # "Association hôtelière de la région de Québec"
        else:
            end_word = end
        if end_word >= count or texts[end_word].casefold() not in _FRENCH_PARTICLES:
            return end
        at = end_word
        while at < count and texts[at].casefold() in _FRENCH_PARTICLES:
            while at < count and texts[at].casefold() in _FRENCH_PARTICLES:
                at += 1
            if at >= count or not texts[at][:1].isalpha():
                return end
            at += 1  # the particle's word
            while at < count and (
                (texts[at][:1].isupper() and texts[at][:1].isalpha())
                or _ELIDED_PARTICLE.match(texts[at])  # "… de l'aluminium d'Arvida"
            ):
                at += 1
        if (  # "Bureau des enquêtes indépendantes (BEI)": an adjective its acronym ends on
            at + 3 < count
            and texts[at].isalpha()
            and texts[at].islower()
            and texts[at + 1] == "("
            and _is_acronym(texts[at + 2])
            and texts[at + 3] == ")"
            and texts[at + 2][-1:].casefold() == texts[at][:1].casefold()
        ):
            at += 1
        return at

    def _planned(self, toks: Sequence[Token], first: int, last: int) -> None:
        """Classify the run `toks[first:last]` (`_add_run`, `_classify_one`), or replay what
        classifying the same words in the same surroundings did before.

        What a run is (a person, an organisation, a place, two people ...) depends only on
        its words, the three characters before it, the word before it when that is in lower
        case ("forward Milan Baros") and the three tokens after it; what that
        does to the registry (which entity, a new one or a known one, its description) is
        done again each time. A long article names the same people hundreds of times (a
        quarter of the time its names took for 1 MB). Runs whose reading depends on the
        registry (a demonym that is also a known surname: "Cuban said") are never replayed."""
        texts, starts = self._token_texts, self._token_starts
        key = (
            self.text[max(0, starts[first] - 3) : starts[last - 1] + len(texts[last - 1])],
            tuple(texts[last : last + 3]),
            texts[first - 1] if first and texts[first - 1].islower() else "",
        )
        plan = self._plans.get(key, _UNPLANNED)
        if plan is _UNPLANNED:
            self._recording, self._record_base, self._plan_ok = [], first, True
            if last == first + 1:
                self._classify_one(toks, toks[first], last)
            else:
                self._add_run(toks, first, last)
            self._plans[key] = self._recording if self._plan_ok else None
            self._recording = None
        elif plan is None:
            if last == first + 1:
                self._classify_one(toks, toks[first], last)
            else:
                self._add_run(toks, first, last)
        else:
            self._replay(plan, first)

    # --- what classifying a run does, recorded for `_planned` ---
    def _record(self, action: str, *args: Any) -> None:
        if self._recording is not None:
            self._recording.append((action, args))

    def _rel(self, items: Sequence[Token]) -> tuple[int, ...]:
        base, starts = self._record_base, self._token_starts
        return tuple(bisect_left(starts, t.start) - base for t in items)

    def _replay(self, plan: list[_Step], base: int) -> None:
        toks = self._tokens

        def at(indices: tuple[int, ...]) -> list[Token]:
            return toks.picked(base, indices)

        for action, args in plan:
            if action == "place":
                self._place(at(args[0]), args[1])
            elif action == "org":
                self._org(at(args[0]), args[1])
            elif action == "single":
                self._single(at(args[0])[0], at(args[1]), args[2])
            elif action == "acronym":
                self._acronym_org(at(args[0]), at(args[1])[0], args[2], args[3])
            elif action == "partner":
                self._partner(at(args[0])[0], at(args[1]))
            else:
                self._named_person(
                    toks,
                    at(args[0]),
                    at(args[1]),
                    base + args[2],
                    base + args[3],
                    args[4],
                )

    def _known_body_before_name(self, run: list[Token]) -> int:
        """How many of the run's first words are a body the article named before, when a
        person's given name and surname follow: "(Marketing Manager at) Ocean Florida Abby
        Dunn" after "Ocean Florida" (0: none)."""
        if len(run) < 3 or is_given_name(run[0].word) or run[0].folded.rstrip(".") in TITLES:
            return 0  # (a person's name or a title first: most runs, kept replayable)
        for size in range(len(run) - 2, 0, -1):
            rest = run[size:]
            if len(rest) > 3 or not is_given_name(rest[0].word):
                continue
            if not all(_name_like(t) for t in rest) or rest[-1].folded in ORG_WORDS:
                continue
            self._plan_ok = False  # what it is depends on who is known so far
            known = self.find(" ".join(t.word for t in run[:size]))
            if known is not None and known.kind == "org" and known.first < run[0].start:
                return size
        return 0

    def _month_as_surname(self, run: Sequence[Token]) -> bool:
        """Whether a month ending a run after a given name is a surname: "Theresa May, shadow
        secretary", "Brian May said" (not "Biden Monday", nor "Jane May 5" or "until May 2015")."""
        return (
            len(run) >= 2
            and run[-1].word.casefold() in _MONTHS
            and is_given_name(run[-2].word)
            and not _NUMBER_NEXT.match(self.text, run[-1].end)
        )

    def _posting_before_name(self, toks: Sequence[Token], run: list[Token]) -> tuple[int, str]:
        """How many of the run's first words are the country or the body an envoy is posted
        to, before the envoy's name, and which it is ("place" or "org"): "ambassador to
        Britain Liu Xiaming", "envoy to the United States Kirsten Hillman", "Ambassador to the
        UN Nikki Haley" (0: none)."""
        at = bisect_left(self._token_starts, run[0].start)
        if at >= 1 and toks[at - 1].folded == "the":
            at -= 1  # "envoy to the United States …"
        if at < 2 or toks[at - 1].folded not in {"to", "in", "at"}:
            return 0, ""
        if toks[at - 2].folded.rstrip(".") not in TITLES | ENVOY_TITLES:
            return 0, ""
        for size in (3, 2, 1):
            if len(run) - size < 2:
                continue
            posted = run[:size]
            if " ".join(t.folded for t in posted) in COUNTRIES:
                kind = "place"
            elif _well_known_body(posted) is not None or (
                size == 1 and _in_capitals(posted[0].word) and is_given_name(run[1].word)
            ):
                kind = "org"  # "the United Nations", "the UN", "NATO"
            else:
                continue
            rest = run[size:]
            if rest[-1].folded in ORG_WORDS or not all(_name_like(t) for t in rest):
                return 0, ""
            return size, kind
        return 0, ""

    def _possessive_inside_name(self, index: int, end: int) -> int:
        """Where a body's name goes on after a possessive inside it ("Professional Women's
        Hockey League", "Ontario Children's Aid Society"): up to capitalised words ending in
        an organisation's word, when the words before the possessive open no person's name
        ("Hillary Clinton's State Department" stays a person's); else `end` itself."""
        texts, starts, text = self._token_texts, self._token_starts, self.text
        if (
            end - index < 2 and _word_of(texts[index]).casefold() not in _GROUP_POSSESSIVES
        ) or is_given_name(texts[index].casefold()):
            return end
        stop = end
        while stop < len(texts) and stop - end < 4:
            word = texts[stop]
            if not _capitalised(word):
                break
            if "\n" in text[starts[stop - 1] + len(texts[stop - 1]) : starts[stop]]:
                break
            stop += 1
            if word.endswith(("'s", "’s")):
                break  # "… Hockey League's largest crowd": the name ends owning
        if stop > end and _word_of(texts[stop - 1]).casefold() in ORG_WORDS:
            if texts[stop - 1].endswith(("'s", "’s")):
                return stop
            # "People's Bank of China": the body's word goes on as any run does
            return max(stop, self._run_end(self._tokens, stop - 1))
        return end

    def _run_end(self, toks: Sequence[Token], index: int) -> int:
        """End (exclusive) of the capitalised run starting at `index` (== index: no run).

        A run never crosses a line break or punctuation; "of", "and" and the like join
        capitalised words ("University of Arkansas"). (Read from the token strings, not
        `Token`s: this runs at every capital of the article.)
        """
        texts, starts, text = self._token_texts, self._token_starts, self.text
        kinds = self._run_words  # (each distinct word classified once, when first met)
        word = texts[index]
        kind = kinds.get(word)
        if kind is None:
            kind = kinds[word] = _run_word(word)
        if kind < _NAME_WORD:  # (not capitalised, or not a letter first)
            return index
        end = index + 1
        if kind == _POSSESSIVE_NAME_WORD:
            if _word_of(word).casefold() in _GROUP_POSSESSIVES:
                return self._possessive_inside_name(index, end)  # "People’s Liberation Army"
            return end
        count = len(texts)
        while end < count:
            word = texts[end]
            kind = kinds.get(word)
            if kind is None:
                kind = kinds[word] = _run_word(word)
            if kind == _ENDS_RUN:  # (most words: none of the cases below)
                break
            if "\n" in text[starts[end - 1] + len(texts[end - 1]) : starts[end]]:
                break
            if word in _LOWER_LEGAL_FORMS:
                end += 1  # "Shell plc", "Acme Widgets ltd": a company's legal form ends it
                break
            if word in _HONORIFIC_WORDS:
                break  # "in Harrogate Mr Kennedy said": a courtesy title opens a name
            if kind >= _NAME_WORD:
                end += 1
                if kind == _POSSESSIVE_NAME_WORD:
                    inside = self._possessive_inside_name(index, end)
                    if inside == end:
                        break
                    end = inside  # "Professional Women's Hockey League": one body
                continue
            if (
                word in {"'", "’"}
                and end + 1 < count
                and texts[end - 1].endswith("s")
                and starts[end] == starts[end - 1] + len(texts[end - 1])
                and texts[end + 1].casefold() in ORG_WORDS
                and _capitalised(texts[end + 1])
            ):
                end += 2  # "Ontario Nurses' Association", "Kingsmere United Supporters' Trust"
                continue
            listed = self._listed_department(index, end) if word == "," else None
            if listed is not None:
                # "Department of Communities, Culture, Tourism and Heritage": one name
                while end < count and starts[end] < listed.end():
                    end += 1
                continue
            if (
                word == "—"
                and end + 1 < count
                and starts[end] == starts[end - 1] + len(texts[end - 1])
                and starts[end + 1] == starts[end] + 1
                and _capitalised(texts[end + 1])
            ):
                end += 2  # a riding's name: "Kitchener South—Hespeler MP Yolanda Mwangi-Stroud"
                continue
            if (
                word.isdigit()
                and 2 <= len(word) <= 5
                and not (len(word) == 4 and word[:2] in {"19", "20"})  # (a year)
                and len(texts[end - 1]) >= 3
                and texts[end - 1].isalpha()
                and texts[end - 1].isupper()
            ):
                end += 1  # a union's local by its letters: "CUPE 7000", "UFCW 401"
                continue
            if word.isdigit() and texts[end - 1] == "Local" and end - 1 > index:
                end += 1  # "Unifor Local 1917", "IUOE Local 727"
                continue
            if (
                _ORDINAL.fullmatch(word)
                and end + 1 < count
                and _capitalised(texts[end + 1])
                and texts[end + 1].casefold().rstrip(".") in _RANK_AFTER_ORDINAL
            ):
                end += 2  # a rank with its ordinal: "Air Force 1st Lt.", "Sgt. 1st Class"
                continue
            pair = (word, texts[end + 1]) if end + 2 < count else None
            if (
                pair is not None
                and (
                    pair[1] in _DOUBLE_PARTICLES.get(word.casefold(), ())  # "Juan de la Cruz"
                    # "Office of the Correctional Investigator", "Department of the Interior"
                    or (
                        pair in {("of", "the"), ("for", "the")}  # "Ministry for the Environment"
                        and (
                            texts[end - 1].casefold() in GROUP_PEOPLE  # "Friends of the Earth"
                            # "Canadian Association of Physicians for the Environment"
                            or any(texts[k].casefold() in ORG_WORDS for k in range(index, end))
                        )
                    )
                )
                and _capitalised(texts[end + 2])
                and texts[end + 2][:1].isalpha()
                and "\n" not in text[starts[end] : starts[end + 2]]
            ):
                end += 3  # two joining words and a capital: "Lorna Van der Merwe"
                continue
            if (
                word.casefold() in CONNECTORS
                and end + 1 < count
                and texts[end - 1].casefold().rstrip(".") not in _LEGAL_FORMS  # "Inc. of Brampton"
                and _capitalised(texts[end + 1])
                and texts[end + 1][:1].isalpha()
                and (
                    _word_of(texts[end + 1]).casefold() not in NOT_NAMES  # "Joe Biden on Monday"
                    or _first_nation(texts, end + 1)  # "Assembly of First Nations"
                )
                and "\n" not in text[starts[end] + len(word) : starts[end + 1]]
            ):
                end += 1
                continue
            break
        return end

    def _listed_department(self, index: int, comma: int) -> re.Match[str] | None:
        """The rest of a department's name that starts at token `index`, when the comma at
        token `comma` goes on listing its fields ("Department of Environment, Energy and
        Climate Action") rather than ending the name; else None."""
        folded = [t.casefold() for t in self._token_texts[index : min(comma, index + 3)]]
        if "of" not in folded[1:3] or not _DEPARTMENT_WORDS.intersection(folded[:2]):
            return None
        return _DEPARTMENT_LIST.match(self.text, self._token_starts[comma])

    def _add_run(self, toks: Sequence[Token], first: int, last: int) -> None:
        run = list(toks[first:last])
        body = run[1:] if run[0].folded == "the" else run
        known = _well_known_body(body)
        if known is not None:
            self._org(body, [t.word for t in body])  # "Canadian Red Cross", "Salvation Army"
            entity = self.find(" ".join(t.word for t in body))
            if entity is not None:
                entity.aliases.add(known)  # "the Red Cross said" later
            return
        if _cause_group(body) or _advocacy_group([t.word.casefold() for t in body]):
            # "Canadian Parents for French", "Nurses United for Patient Protection", "(the)
            # Friends of the Earth": one group
            self._org(body, [t.word for t in body])
            return
        if len(run) >= 3 and run[0].folded in _DAYS and run[1].folded in _TIMES_OF_DAY:
            self._org(run, [t.word for t in run])  # "Saturday Night Live": a show, not "Night"
            return
        if self._members_of(run):
            head, run = run[0].folded, run[2:]  # "Members of Unifor voted"
            if head in _BODY_MEMBER_NOUNS and not is_given_name(run[0].word):
                body = run[1:] if run[0].folded == "the" else run
                self._org(body, [t.word for t in body])  # a body's, named or not by its words
                return
        # Leading words that start sentences ("The", "In") or are months are not names, but a
        # given name that is also a word ("Will Moy, chief executive") is one mid-sentence.
        while run and (
            (
                run[0].word.casefold() in NOT_NAME_LEADS
                and not _first_nation([t.text for t in run], 0)  # "the First Nation said"
                and not (run[0].folded in NUMBER_WORDS and run[-1].folded in ORG_WORDS)
            )
            or (run[0].folded in CONNECTORS and not _leading_particle(run))
            or (
                self._participle_opening(run[0])
                and not self._named_body(toks, run, last)
                and not (len(run) == 2 and run[1].folded in PLACE_WORDS)  # "Downing Street"
            )
        ):
            if (
                run[0].folded in GIVEN_NAMES_AS_WORDS
                and len(run) >= 2
                and not self._opens_sentence(run[0])
            ):
                break  # "owner Mark Cuban", "Will Moy, chief executive": a name mid-sentence
            run = run[1:]
        while (
            run
            and (_trailing_connector(run) or run[-1].word.casefold() in NOT_NAMES)
            and not (len(run) >= 2 and run[-1].folded == "one" and run[-2].folded in ORG_WORDS)
            and not self._month_as_surname(run)
        ):  # ("Hydro One", "Capital One": a company's name ends so)
            run = run[:-1]  # "Biden Monday": a day or a month ends a name
        if not run:
            return
        posted, kind = self._posting_before_name(toks, run)
        if posted:  # "China’s ambassador to Britain Liu Xiaming": Britain, then a person
            words = [t.word for t in run[:posted]]
            if kind == "org":
                self._org(run[:posted], words)  # "Ambassador to the UN Nikki Haley"
            else:
                self._place(run[:posted], words)
            run = run[posted:]
        firm = self._known_body_before_name(run)
        if firm:  # "Marketing Manager at Ocean Florida Abby Dunn": the firm, then a person
            self._org(run[:firm], [t.word for t in run[:firm]])
            run = run[firm:]
        if (
            len(run) >= 3
            and len(run[0].word.strip(".")) > 3  # (not "Thi Lan Pham-Lewandowicz")
            and not is_given_name(run[0].word)
            and gender_of(run[1].word)
            and run[-1].folded not in ORG_WORDS  # "Quebec Forest Industry Council": its name
            and run[1].folded not in _SURNAME_PREFIXES  # "Pádraig Mac Craith-Lonergan"
            and self._after_lowercase_or_start(run[0])
            and run[0].folded.rstrip(".") not in TITLES  # "court Judge Harold …": a title
        ):
            run = run[
                1:
            ]  # "Singer George Michael has said", "former Olympian Steve Cram": a role, not a name
        role: list[Token] = []
        if (
            (
                (
                    (len(run) >= 3 or not is_given_name(run[0].word))
                    and (
                        run[0].folded in _PERSON_NOUN_WORDS
                        or run[0].folded.rsplit("-", 1)[-1] in _PERSON_NOUN_WORDS  # "Co-author"
                    )
                )
                or (  # "Saxophonist Dorian Hargreave-Hale", "Pianist Ana Ruiz"
                    len(run) >= 3
                    and run[0].folded.endswith(("ist", "ian"))  # (not "-er": "Holger …")
                    and run[0].word[1:].islower()
                    and not is_given_name(run[0].word)
                )
            )
            and len(run) >= 2
            and self._opens_sentence(run[0])
            and not is_place(run[-1].word)  # "Tenant Line Ireland": an organisation's name
            # ("Canadian National Railway": a body's name, whole; up to an affiliation)
            and [*takewhile(lambda t: t.folded not in {"of", "for"}, run)][-1].folded
            not in ORG_WORDS
            # (up to an affiliation: "Farmer Harbhajan Singh Bhangoo of Sangrur")
            and all(
                _name_like(t) for t in takewhile(lambda t: t.folded not in {"of", "for"}, run[1:])
            )
        ):
            # "Resident Jocelyne Cormier", "Hunter Joanasie …", "Rookie Deng hits" (a role
            # word that is no given name: "Hunter Biden" is a name).
            role, run = [run[0]], run[1:]
        folded = [t.word.casefold() for t in run]
        if (
            len(run) >= 2
            and run[0].folded in BUSINESS_NOUNS
            and run[0].word[1:].islower()
            and self._opens_sentence(run[0])
            and not (  # "Producer Anil Bhatt of Red River Pictures": a person's job
                len(run) >= 3
                and is_given_name(run[1].word)
                and _name_like(run[2])
                and run[2].folded not in ORG_WORDS
            )
            # "Company CEO Chris Cowper-Smith said": the firm's officer, named after the title
            and _given_name_cut(run, folded) < 2
        ):
            # "Promoter Live Nation said", "Automaker Stellantis": what the firm is, then it
            self._org(run[1:], [t.word for t in run[1:]])
            return
        if len(run) >= 3 and folded[0].rstrip(".") in _SEAT_TITLES and folded[1] == "for":
            # "The MLA for North Vancouver-Seymour, Jane Thornthwaite,": the seat she holds,
            # a place (it had been a person described as "MLA for")
            self._place(run[2:], [t.word for t in run[2:]])
            return
        # "Jamie Werner of Ngātiwai", "Matthew Ingram of The Globe and Mail": a person and
        # their affiliation, unless the first part is a title ("Governor of Washington").
        first_join = next((i for i, f in enumerate(folded) if f in {"and", "&"}), 0)
        for cut, token in enumerate(run):
            if (
                token.folded in {"of", "for"}
                and cut >= 2
                and not (first_join > cut and _two_bodies(folded, first_join))
                and (ORG_WORDS.isdisjoint(folded[:cut]) or _titled_person(run[:cut]))
                and not (  # "Minister of State for Manpower …": an office, then the name
                    folded[0].rstrip(".") in TITLES and folded[1] in {"of", "for"}
                )
                and _named_before(folded[:cut])
            ):
                self._add_split(toks, run, first, cut, role)
                return
        cut = _topic_cut(run, folded)
        if cut:
            # "— Foreign Affairs Minister Francois-Philippe Champagne on Freeland maintaining
            # her role": a person, then what their words were about (its own name)
            self._classify(toks, run[:cut], first, first + cut)
            self._classify(toks, run[cut + 1 :], first + cut + 1, last)
            return
        if (
            len(run) in {3, 4}
            and run[1].folded == "&"
            and not (is_given_name(folded[0]) and is_given_name(folded[2]))
            and TITLES.isdisjoint(folded)
            and all(_name_like(t) for t in run[2:])
        ):
            self._org(run, [t.word for t in run])  # "Procter & Gamble", "Marks & Spencer"
            return
        if (
            len(run) in {4, 5}
            and run[1].folded == "and"
            and (is_given_name(folded[0]) or is_given_name(folded[2]))  # "Pieter and Mark"
            and not (is_place(folded[0]) or is_demonym(folded[0]))
            and _name_like(run[0])
            and all(_name_like(t) for t in run[2:])
            and ORG_WORDS.isdisjoint(folded)
            and TITLES.isdisjoint(folded)
            and not any(is_given_name(f) for f in folded[3:])
        ):
            # "Thomas and Rachel Adeyemi", "brothers Isaiah and Elijah Mensah": two people
            # who share the surname named once, after the second
            self._classify(toks, run[2:], first + 2, last)
            self._partner(run[0], run[3:])
            return
        portfolio = _portfolio_cut(run, folded)
        if portfolio:
            # "Minister of Families and Youth Ahmed Hussen": a title over fields joined by
            # "and", then the person who holds it (not two names split at "and")
            self._affiliation(run[:portfolio], folded[:portfolio])
            self._classify(toks, run[portfolio:], first + portfolio, last, run[:portfolio])
            return
        # "Renee Good and Alex Pretti", "ICE and Border Patrol": two names, unless the whole
        # is one organisation's name ("Immigration and Customs Enforcement").
        joins = [i for i, t in enumerate(run) if t.folded in {"and", "&"}]
        if (
            joins
            and not self._national_body(run, folded, joins[0])
            and (
                _two_bodies(folded, joins[0])
                or ORG_WORDS.isdisjoint(folded)
                or _is_acronym(run[joins[0] - 1].word)
                or (  # "… Investor Education Foundation and NORC": a body, then another's letters
                    joins[0] == len(run) - 2
                    and _is_acronym(run[-1].word)
                    and folded[joins[0] - 1] in ORG_WORDS
                )
                or (
                    joins[0] >= 2
                    and is_given_name(folded[joins[0] - 2])
                    and ORG_WORDS.isdisjoint(folded[: joins[0]])
                    and folded[joins[0] - 1] not in _PERSON_NOUN_WORDS  # "… Tenants and …"
                )  # "Ambassador John Bolton and Breitbart News Editor Aaron Klein"
                or (  # "Senate Minority Leader Chuck Schumer and House Speaker Nancy Pelosi"
                    _given_name_cut(run[: joins[0]], folded[: joins[0]]) > 0
                    and _given_name_cut(run[joins[0] + 1 :], folded[joins[0] + 1 :]) > 0
                )
            )
        ):
            cut = joins[0]
            self._classify(toks, run[:cut], first, first + cut)
            self._classify(toks, run[cut + 1 :], first + cut + 1, last)
            return
        self._classify(toks, run, first + len(role), last, role)

    def _dateline(self, toks: Sequence[Token], first: int, last: int) -> bool:
        """Whether a run in capitals opening its line is a dateline's place ("SURREY, B.C. —")."""
        start = self._token_starts[first]
        texts = self._token_texts
        end = self._token_starts[last - 1] + len(texts[last - 1])
        return (
            (start == 0 or self.text[start - 1] == "\n")
            and all(t.isupper() for t in texts[first:last])
            and (
                _DATELINE.match(self.text, end) is not None
                or DATELINE_LEAD.match(self.text, start) is not None  # "ST. JOHN’S, N.L. —"
            )
        )

    def _dateline_place_end(self, toks: Sequence[Token], first: int, last: int) -> int:
        """Where the dateline whose place's first run is `toks[first:last]` ends: its place
        ("ST. JOHN’S, N.L." is one place, not "ST" and a "JOHN’S") and the agency that filed
        the story ("(CP)", "(Reuters)": its credit, not a speaker), up to the dash."""
        lead = DATELINE_LEAD.match(self.text, self._token_starts[first])
        if lead is None:
            return last
        return max(last, bisect_left(self._token_starts, lead.end()))

    def _furniture(self, toks: Sequence[Token], first: int, last: int) -> bool:
        """Page furniture, not a name: a run that opens its line and is a label ("WATCH:",
        "READ MORE:"), or the whole of a short line (a heading: "VIEWPOINT", "Governance")."""
        start = self._token_starts[first]
        if start > 0 and self.text[start - 1] != "\n":
            return False
        texts = self._token_texts
        end = self._token_starts[last - 1] + len(texts[last - 1])
        rest = self.text[end : end + 2]
        if rest[:1] == ":" and all(t.isupper() for t in texts[first:last]):
            return True
        if self._dateline(toks, first, last) or (
            all(t.isupper() for t in texts[first:last]) and last - first >= 4
        ):
            # "SURREY, B.C. — …": where, not who; "HIGHER THAN EXPECTED TURNOUT IN IOWA …":
            # a heading in capitals, not a name
            return True
        if _CONTINUES_BELOW.match(self.text, start):
            return True  # "Story continues below advertisement"
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        return (
            not self.text[end:line_end].strip()
            and last - first <= 2
            and (last - first == 1 or all(t.isupper() for t in texts[first:last]))
        )

    def _participle_opening(self, token: Token) -> bool:
        """ "Assuming MPs agree", "Speaking to reporters": a sentence's participle, not a name."""
        folded = token.folded
        return (
            len(folded) > 5
            and folded.endswith(("ing", "ed"))
            and not is_given_name(folded)
            and self._opens_sentence(token)
        )

    def _listed_names(self) -> dict[int, int]:
        """Where a name made of a list ends, by where it starts: "Immigration, Refugees and
        Citizenship Canada", "Innovation, Science and Economic Development Canada" (a
        government body's name, ending in its country)."""
        found = {}
        for match in _LISTED_NAME.finditer(self.text, self.start):
            items = re.split(r",? and |, ", match.group()[: match.start("country") - match.start()])
            if match.group("country").casefold() in COUNTRIES and not any(
                is_place(item.strip().casefold()) for item in items
            ):
                found[match.start()] = match.end()
        return found

    def _describes_role(self, toks: Sequence[Token], run: list[Token], last: int) -> bool:
        """ "the Independent Vermont senator", "a Liberal Ontario MPP": capitalised words
        between an article and a lowercase title describe the role, and name no one."""
        lead = self.text[max(0, run[0].start - 4) : run[0].start].casefold()
        if len(run) >= 2 and run[-1].word.isupper() and run[-1].folded.rstrip(".") in TITLES:
            return lead.endswith(("the ", " a ", "an "))  # "the Tory MLA", "a Liberal MP"
        if last >= len(toks) or not toks[last].text.islower() or toks[last].folded not in TITLES:
            return False
        return lead.endswith(("the ", " a ", "an "))

    def _listed(self, toks: Sequence[Token], first: int, last: int) -> None:
        """The organisation a listed name names, with its acronym if brackets give one."""
        run = list(toks[first:last])
        name = self.text[run[0].start : run[-1].end]
        acronym = _bracketed_acronym(toks[last : last + 3])
        if acronym is not None:
            self._acronym_org(run, acronym, [name], [name.casefold()])
        else:
            self._org(run, [name])

    def _national_body(self, run: list[Token], folded: list[str], join: int) -> bool:
        """ "Fisheries and Oceans Canada", "United Food and Commercial Workers Canada": one
        body whose name ends in its country, not two names ("Britain and Canada"); "Alberta
        Agriculture and Irrigation": a ministry whose name starts with its province."""
        if (
            join >= 2
            and is_place(folded[0])
            and 1 <= len(run) - join - 1 <= 2
            and not any(is_place(w) or is_given_name(w) for w in folded[1:])
            and all(
                t.word[:1].isupper() and t.word[1:].islower() for t in run[1:] if t is not run[join]
            )
        ):
            return True
        return (
            len(run) - join >= 3
            and folded[-1] in COUNTRIES
            and join >= 1
            and not is_place(" ".join(folded[:join]))
            and not is_place(folded[join - 1])
            and not is_place(" ".join(folded[join + 1 :]))  # "Middle East and North Africa"
            and folded[-2] not in _COMPASS
            and all(t.word[:1].isupper() for t in run[join + 1 :])
        )

    def _named_body(self, toks: Sequence[Token], run: list[Token], last: int) -> bool:
        """ "Curling Canada said", "United Food and Commercial Workers Canada": a body's name,
        not a participle opening a sentence ("Leaving Canada, she said", "Assuming MPs")."""
        if len(run) >= 3 and run[1].folded in _PREPOSITIONS and run[1].folded != "of":
            return False  # "Speaking on Morning Ireland he said": the participle, then where
        if len(run) >= 3 and (run[-1].folded in ORG_WORDS or run[-1].folded in COUNTRIES):
            return True
        if len(run) >= 4 and run[-1].word.isdigit() and run[-3].folded in ORG_WORDS:
            return True  # "Amalgamated Transit Union Local 508": a union's local
        if len(run) >= 2 and self._which_follows(last, toks):
            return True  # "Shared Health, which oversees hospital staffing": what "which" is
        return (  # "Boxing Nova Scotia said": a place does not box; a body speaks
            len(run) >= 2
            and is_place(" ".join(t.folded for t in run[1:]))
            and last < len(toks)
            and is_speech_verb(toks[last].text, run[-1].text)
        )

    def _members_of(self, run: Sequence[Token]) -> bool:
        """ "Members of Unifor voted", "Supporters of Poilievre rallied": a sentence opened by
        people (or a body's shares), then "of" (or "for") and a name (not "Friends of the Earth", a
        body's own name, nor "Doctors of BC", a body named for a place)."""
        if len(run) < 3 or run[1].folded not in {"of", "for"} or not self._opens_sentence(run[0]):
            return False  # ("Lawyers for Gerald Pike argued": a cause's group is read before)
        head = run[0].folded
        if (
            not (head.endswith("s") and head in _PERSON_NOUN_WORDS)
            and head not in _BODY_MEMBER_NOUNS
        ):
            return False
        rest = [t.folded for t in run[2:]]
        if rest[0] == "the" and ORG_WORDS.isdisjoint(rest):
            return False
        return not is_place(" ".join(t.word for t in run[2:]))

    def _opens_sentence(self, token: Token) -> bool:
        """Whether `token` opens a sentence, a line, or what follows a page's label ("LISTEN |
        Artist …", "WATCH: …")."""
        lead = self.text[max(0, token.start - 3) : token.start]
        return (
            token.start == 0
            or lead.endswith("\n")
            or bool(re.search(r"(?:[.!?][\"”’]?|[|:])\s+$", lead))
            or self._after_dateline(token)
        )

    def _after_dateline(self, token: Token) -> bool:
        """Whether `token` opens the story after its dateline ("KAMLOOPS, B.C. — Skip …")."""
        if self.text[token.start - 2 : token.start - 1] not in _DASHES:
            return False
        newline = self.text.rfind("\n", max(0, token.start - 60), token.start)
        if newline < 0 and token.start > 60:
            return False  # no paragraph opens within a dateline's length
        return DATELINE_LEAD.fullmatch(self.text, newline + 1, token.start) is not None

    def _after_lowercase_or_start(self, token: Token) -> bool:
        """Whether `token` opens a sentence or follows a lowercase word ("former Olympian")."""
        lead = self.text[max(0, token.start - 3) : token.start]
        if token.start == 0 or lead.endswith("\n") or re.search(r"[.!?][\"”’]?\s+$", lead):
            return True
        if self._after_dateline(token):
            return True
        return bool(re.search(r"[a-z] $", lead))

    def _add_split(
        self,
        toks: Sequence[Token],
        run: list[Token],
        first: int,
        cut: int,
        role: Sequence[Token] = (),
    ) -> None:
        start = toks.index(run[0], first)
        self._classify(toks, run[:cut], start, start + cut, role)  # "Chief … of …": her title
        rest = run[cut + 1 :]
        if rest:
            self._add_run(toks, start + cut + 1, start + len(run))

    def _classify(
        self,
        toks: Sequence[Token],
        run: list[Token],
        first: int,
        last: int,
        role: Sequence[Token] = (),
    ) -> None:
        """Add the run's entity; `role`: the words before it that describe a person."""
        while run and run[0].folded in CONNECTORS and not _leading_particle(run):
            run = run[1:]
        while run and _trailing_connector(run):
            run = run[:-1]
        if not run:
            return
        # "Mercer Island-based Dana F. Besecker Company", "South Korean-born Monte Haines": a
        # "-based" or "-born" word ends a description ("White House-era documents": no one).
        based = [i for i, t in enumerate(run) if t.folded.endswith(MODIFIER_ENDINGS)]
        if based:
            run = run[based[-1] + 1 :]
            if not run:
                return
        # (a possessive inside a body's name keeps its "'s": "Professional Women's Hockey League")
        words = [t.text if t.possessive and t is not run[-1] else t.word for t in run]
        folded = [w.casefold() for w in words]
        if (
            len(run) >= 3
            and folded[-1] in _SHOW_WORDS
            and is_given_name(run[0].word)
            and all(_name_like(t) for t in run[:-1])
        ):
            # "The Dan Wootton Interview", "The Kelly Clarkson Show": a programme named after
            # its host; the host is the person ("Wootton asked" is Dan Wootton)
            run, words, folded = run[:-1], words[:-1], folded[:-1]
        if (
            folded[-1] in _OCCASION_WORDS
            and not run[-1].possessive
            and not is_given_name(run[0].word)  # (Doris Day, Chris Day: people)
            and (len(run) >= 3 or folded[0] in _OCCASION_LEADS or is_place(folded[0]))
        ):  # (not "Isadore Day", a surname after a given name no list holds)
            # "Holocaust Remembrance Day", "Canada Day", "Pride Week": an occasion, named
            # like a person and never one (a "he said" nearby is no one's here)
            self._place(run, words)
            return
        storm = _storm_words(folded)
        if storm and 1 <= len(run) - storm <= 2:
            # "Cyclone Debbie", "Hurricane Harvey": weather, named like a person and never
            # one ("Debbie’s slow-moving ferocity" later is the storm's, and says nothing)
            self._place(run, words)
            found = self.find(" ".join(words))
            if found is not None:
                found.aliases.add(" ".join(folded[storm:]))
            return
        if (
            len(run) >= 3
            and folded[0] in _FRENCH_BODIES
            and not _FRENCH_PARTICLES.isdisjoint(folded[1:-1])
        ):
            self._org(run, words)  # "Sûreté du Québec": a body, not a person "Sûreté"
            return
        if len(run) >= 3 and _is_acronym(words[0]) and folded[1] in _FRENCH_PARTICLES:
            self._org(run, words)  # "CISSS de Lanaudière", "CIUSSS du Centre-Sud": a body
            return
        if _advocacy_group(folded):
            self._org(run, words)  # "Canadians for Tax Fairness": a body, not "Tax Fairness"
            return
        if folded == ["first", "nations"]:
            return  # "First Nations leaders", "consult First Nations": peoples, not a body
        if folded == ["first", "nation"]:
            self._plan_ok = False  # what it is depends on the First Nations named so far
            if self.find("First Nation") is None:
                return  # "the First Nation said" of none named in full: a description
        if is_place(" ".join(folded)):
            if self._noun_after(toks, run, last) in _INSTITUTIONS:
                # "the Prince George detachment said": the place's body, by the noun after it
                self._org(run, [*words, toks[last].text])
                return
            self._place(run, words)  # "New Zealand", "Texas"
            return
        if (
            len(run) >= 2
            and folded[0] == "united"
            and folded[1] not in _UNITED_PLACES
            and not any(_is_title(f) for f in folded)  # "… Workers Secretary-Treasurer Gary"
        ):
            self._org(run, words)  # "United Nurses of Alberta", "United Steelworkers", "United Way"
            return
        if len(run) >= 2 and " ".join(folded) in self._company_starts:
            self._plan_ok = False  # what it is depends on who is known so far
            self._org(run, words)  # "Blackwater Ridge said", after "Blackwater Ridge Copper Ltd."
            return
        if all(is_demonym(w) for w in folded):
            return  # "Arab Israeli", "Canadian"
        if (
            len(run) >= 2
            and folded[-1].isdigit()
            and (folded[-2] == "local" or _is_acronym(words[-2]))
        ):
            self._org(run, words)  # "Unifor Local 1917", "CUPE 7000": a union's local
            return
        # An acronym defined in brackets right after: "Korean Central News Agency (KCNA)".
        acronym = _bracketed_acronym(toks[last : last + 3])
        if acronym is not None and len(run) > 1:
            self._acronym_org(run, acronym, words, folded)
            return
        given = _given_name_cut(run, folded)
        if given and given < _titled_place_length(folded):
            given = 0  # "Prince Albert Raiders", "Prince George": a place, not Prince Albert
        if (
            not given
            and len(run) >= 3
            and is_given_name(folded[1])
            and not is_given_name(folded[0])
            and folded[0].endswith(_OCCUPATION_ENDINGS)
            and _role_like(words[0])
            and self._opens_sentence(run[0])
        ):
            # "Steelworker Gurpreet Bains, 31, said": an occupation opening the sentence, then
            # the name (as "Developer Marcus Bell"); not "Hui Min Zhang"
            given = 1
        if given:
            # "Senate Majority Leader Mitch McConnell", "FBI Director James Comey": a person,
            # named from their given name on; an organisation before the title is its own.
            self._affiliation(run[:given], folded[:given])
            self._classify(toks, run[given:], first + given, last, run[:given])
            return
        if _field_and_region(folded):
            self._org(run, words)  # "Boxing Nova Scotia", "Health PEI"
            return
        if (
            len(run) >= 2
            and folded[-1] in _NEWSPAPER_WORDS
            and not is_given_name(folded[0])
            and (
                is_place(" ".join(folded[:-1]))
                or self.text[max(0, run[0].start - 4) : run[0].start].casefold() == "the "
            )
        ):
            self._org(run, words)  # "the Shediac Sun", "Toronto Star"; not "Jenny Sun"
            return
        if len(run) == 2 and _is_acronym(words[0]) and is_place(folded[1]):
            self._org(run, words)  # "CF Montréal", "AC Milan": a club's letters, then its city
            return
        if (
            _is_acronym(words[-1])
            and folded[-1] not in PLACE_WORDS
            and folded[-1] not in _NAME_SUFFIXES  # "Brent Bozell III"
        ):
            if len(run) >= 3 and folded[-2] in {"of", "for"} and not ORG_WORDS.isdisjoint(folded):
                self._org(run, words)  # "Art Gallery of NSW": the letters are its place
                return
            before = folded[:-1]
            if before and (
                len(words[-1].replace(".", "")) <= 2  # "Toronto FC", "Montreal CF": its name
                or not (
                    is_place(" ".join(before))
                    or all(is_demonym(w) for w in before)
                    or is_given_name(before[0])
                )
            ):
                self._org(run, words)  # "Toronto Harbour FC", "Calgary Foothills SC"
                return
            if folded[-1] in _PROVINCIAL_PARTIES and " ".join(folded[:-1]) in REGIONS:
                self._org(run, words)  # "the Alberta NDP", "the Ontario PCs": a party of its own
            else:
                # "U.S. ICE", "Red Deer RCMP", "HSI": an organisation known by its letters.
                self._org([run[-1]], [words[-1]])
            return
        # "Mayor Don Guardian": after a title, a given name and one more word are a person's
        # name even when that word also names an organisation.
        titled = (
            bool(role)
            and _is_title(role[-1].folded)
            and len(run) == 2
            and is_given_name(folded[0])
            and _name_like(run[1])
        )
        org_at = [] if titled else [i for i, w in enumerate(folded) if w in ORG_WORDS]
        if (
            org_at
            and len(run) - org_at[-1] - 1 >= 2
            and all(
                _name_like(t) and t.word.casefold() not in TITLES for t in run[org_at[-1] + 1 :]
            )
        ):
            # "Refugee Council Enver Solomon": an organisation, then the person of it.
            cut = org_at[-1] + 1
            self._org(run[:cut], words[:cut])
            self._classify(toks, run[cut:], last - (len(run) - cut), last)
            return
        if (
            len(run) >= 2
            and folded[-1] == "city"
            and is_place(" ".join(folded[:-1]))
            and not (last < len(toks) and is_speech_verb(toks[last].text, words[-1]))
            and not self._which_follows(last, toks)
        ):
            self._place(run, words)  # "New York City", "Quebec City": a city, not a body
            return
        followed = self._noun_after(toks, run, last)
        if not titled and (
            not ORG_WORDS.isdisjoint(folded)
            or (
                any(_camel(w) for w in words)
                and not _personal(words, folded)
                # "LLana James, a doctoral candidate": a name spelt with a capital inside
                and not (len(run) == 2 and self._only_a_person_after(run, last, toks))
            )
            or self._which_follows(last, toks)
            or followed in _INSTITUTIONS
        ):
            # "Royal Shrewsbury hospital", "Con Edison, which maintains …"
            joined = followed in _INSTITUTIONS and followed not in _MEDIUM_NOUNS
            self._org(run, [*words, toks[last].text] if joined else words)
            return
        if len(run) == 2 and folded[1] == "air" and not is_given_name(folded[0]):
            self._org(run, words)  # "Borealis Air", "Canadian North Air": an airline
            return
        country = _country_then_person(run, folded)
        if country:
            # "… for Afghanistan and Pakistan Richard Olson": the country a title's list ends
            # in, then the person (not a body "Pakistan Richard Olson")
            self._place(run[:country], words[:country])
            self._classify(toks, run[country:], first + country, last, role)
            return
        if len(run) >= 2 and _names_country(folded) and TITLES.isdisjoint(folded):
            if all(w in _REGION_ADJECTIVES or w in COUNTRIES for w in folded) or (
                folded[-1] in PLACE_WORDS and folded[-1] not in BUILDING_WORDS
            ):
                # "Western Canada", "Northern Ireland": a region; "Jamaica Bay": a place
                self._place(run, words)
            else:
                self._org(run, words)  # "Environment Canada", "Air Canada", "Canada Post"
            return
        if (
            not PLACE_WORDS.isdisjoint(folded)
            and not titled
            and not self._person_follows(run, folded, last, toks)
            and not (len(run) <= 3 and _FAMILY_NAME_FIRST.search(" ".join(words)))
            and not _HYPHENATED_GIVEN_FIRST.match(" ".join(words))  # "Sung-min Park"
            and not (  # "Kanye West", "Cornel West": a compass point after no place
                len(run) == 2
                and folded[1] in _COMPASS
                and not is_place(folded[0])
                and folded[0] not in PLACE_WORDS
                and folded[0] not in _REGION_ADJECTIVES
            )
        ) and (  # ("Col. Park Ji-yeon": a family name first, a given name in two parts)
            TITLES.isdisjoint(folded)
            or folded[-1] in BUILDING_WORDS  # "Imam Zaman Mosque", "King Fahd Stadium"
            or any(  # "the Queen Street Wash & Fold", "King Street West": a street's title
                word in TITLES and after in PLACE_WORDS for word, after in pairwise(folded)
            )
        ):
            if (last < len(toks) and is_speech_verb(toks[last].text, words[-1])) or (
                len(run) >= 3
                and folded[-1] not in PLACE_WORDS
                and folded[-1] not in _COMPASS
                and not is_place(folded[-1])
                and folded[-1].endswith("s")
                and folded[-2] not in PLACE_WORDS
            ):
                # "Valley Harvest said": a place does not speak; a firm. "Pacific Coast
                # Transit Operations": a place's words, then what a body does
                self._org(run, words)
            elif (
                len(run) >= 3 and folded[-1] in _SINGULAR_TEAMS and folded[-2] in PLACE_WORDS
            ) or (len(run) >= 2 and folded[-1] in _CLUB_ENDINGS):
                # "Tampa Bay Lightning", "Manchester United": a team, "the Lightning" and
                # "United" later
                self._org(run, words)
                entity = self.find(" ".join(words))
                if entity is not None:
                    entity.aliases.add(folded[-1])
            else:
                self._place(run, words)
            return
        if (
            len(run) >= 2
            and _PLACE_LEAD.search(self.text, max(0, run[0].start - 12), run[0].start)
            and not any(is_given_name(word) for word in folded)
            and not _initialled_person(run, folded)  # "a performance in J.C. Chandor’s film"
        ):
            self._place(run, words)  # "a cow-calf operation near Maple Creek": somewhere
            return
        if _INDEFINITE_BEFORE.search(
            self.text, max(0, run[0].start - 4), run[0].start
        ) and not is_given_name(folded[0]):
            return  # "a Grey Nun", "an Oilers fan": what someone is, not who
        # (never after a title: "Chief Superintendent Dallas Burnes" is a person)
        after_title = (bool(role) and role[-1].folded.rstrip(".") in TITLES) or (
            self._lower_word_before(run[0].start) in TITLES  # "Liverpool forward Milan Baros"
        )
        team = 0 if after_title else self._team(run, folded)
        if team:
            self._org(run, words)  # "Vancouver Canucks", "Prince George Spruce Kings"
            entity = self.find(" ".join(words))
            if entity is not None:
                entity.aliases.add(" ".join(folded[team:]))  # "the Canucks said"
            return
        post = len(run)
        while post > 2 and run[post - 1].word.isupper() and folded[post - 1] in _POST_NOMINALS:
            post -= 1
        if post < len(run) and is_given_name(folded[0]):
            # "Tom McCabe MSP,", "Ann Clwyd MP said": letters after a name, not a title
            # before one (the name is what comes before them)
            run, folded, words = run[:post], folded[:post], words[:post]
        # People: the name is the last few name-like words; titles and adjectives before it
        # ("Israeli Prime Minister", "President") describe them.
        name_start = 0 if titled else len(run)
        # Four words at most, not counting particles: "José Antonio Ruiz de Alarcón".
        while name_start > 0 and sum(f not in _PARTICLES for f in folded[name_start:]) < 4:
            word = folded[name_start - 1]
            surname_like = (
                name_start == len(run) and len(run) >= 2 and is_given_name(folded[-2])
            )  # "Mark Cuban", "Tom English": a demonym can be a surname
            if (
                (_is_title(word) and not surname_like)  # "Mary Major", "Stephen Bishop"
                or word in ORG_WORDS
                or (
                    is_demonym(word)
                    and not surname_like
                    # ("goalkeeper Christian Oxner": a given name the run opens with)
                    and not (
                        name_start == 1 < len(run)
                        and is_given_name(word)
                        and not is_demonym(folded[1].removesuffix("s"))  # "Christian Democrats"
                    )
                )
                or not (
                    _name_like(run[name_start - 1])
                    or (surname_like and word in _MONTHS)  # "Theresa May", "Brian May"
                    or (
                        word in GIVEN_NAMES_AS_WORDS
                        and len(run) >= 2
                        and (name_start == 1 or folded[name_start - 2].rstrip(".") in TITLES)
                    )  # "Will Moy", "Mayor Bill de Blasio"
                    or (
                        word in _PARTICLES and name_start >= 2 and name_start < len(run)
                    )  # "Bill de Blasio", "Vincent van Gogh", "Lorna Van der Merwe"
                    or (
                        name_start == 2
                        and name_start < len(run)
                        and run[1].word[:1].isupper()
                        and is_given_name(folded[0])
                    )  # "Jolene Two Feathers": a word inside a surname, after a given name
                )
            ):
                break
            if name_start - 1 < len(run) - 1 and run[name_start - 1].possessive:
                break
            name_start -= 1
        # "Governor of Washington Chris Gregoire", "Minister of Education Stefania Giannini":
        # the title's complement is not part of the name.
        titled_at = next((i for i, f in enumerate(folded) if f in TITLES), None)
        for position in range(len(run) - 2):
            if (
                titled_at is not None
                and titled_at < position + 1
                and run[position + 1].folded in {"of", "for"}  # "Minister for Manpower …"
                and len(run) - (position + 3) >= 2
            ):  # "Minister of State for Manpower Faizal Iskandar Rahmat"
                name_start = max(name_start, position + 3)
        if (
            len(run) - name_start >= 3
            and run[name_start].word.isalpha()
            and not run[name_start].word.isupper()
            and len(folded[name_start]) > 4
            and folded[name_start].endswith("s")
            and not is_given_name(folded[name_start])
            and folded[name_start] not in _PARTICLES
            and is_given_name(folded[name_start + 1])
        ):
            # "Government Affairs Phil Smith", "Democrats Hillary Clinton": a plural before a
            # given name describes the person (a name's first word seldom ends so: the given
            # names that do, "Carlos", "Thomas", are in the list).
            name_start += 1
        if self._describes_role(toks, run, last):
            return  # "The Independent Vermont senator": words describing a role, no name
        name_start += _complement_words(run[name_start:])
        if (
            name_start >= 2
            and folded[name_start - 1] in {"of", "for"}
            and len(run) - name_start < 2
        ):
            return  # "Minister of Innovation,": the title's complement, no one's name
        name_tokens = run[name_start:]
        titles = [*role, *run[:name_start]]
        if not name_tokens:
            return
        gender = (
            "m"
            if any(t.folded in MALE for t in titles)
            else "f"
            if any(t.folded in FEMALE for t in titles)
            else ""
        )
        if len(name_tokens) > 1 and name_tokens[0].text in _BARE_LETTERS:
            # "Y Combinator", "T Mobile": a bare capital letter opens the name of a thing; a
            # person's initial takes its full stop ("J. Smith"; "U Thant" is Burmese, "Ó
            # Riain" Irish)
            self._org(name_tokens, [t.word for t in name_tokens])
            return
        if (
            len(name_tokens) == 1
            and titles
            and titles[-1].folded in _REGNAL | _PEERAGE
            and not _FIRST_BEFORE.search(self.text, max(0, titles[-1].start - 8), titles[-1].start)
        ):
            # "Pope Francis", "Queen Elizabeth", "Prince Harry", "Lord Stevens": the title
            # is in the name.
            name_tokens, titles = [titles[-1], *name_tokens], titles[:-1]
        if len(name_tokens) == 1:
            self._single(name_tokens[0], titles, gender)
            return
        self._named_person(toks, name_tokens, titles, first - len(role), last, gender)

    def _lower_word_before(self, start: int) -> str:
        """The word in lower case just before `start` ("forward" in "forward Milan Baros"),
        else "" (the key of `_planned` holds that word)."""
        found = _LOWER_WORD_BEFORE.search(self.text, max(0, start - 30), start)
        return found.group(1) if found else ""

    def _team(self, run: list[Token], folded: list[str]) -> int:
        """Where the plural after a place begins, if a run is a place and then a plural
        ("Winnipeg Jets", "Toronto Maple Leafs"): a team, not a person (whose first word
        would be a given name: "Victoria Evans", "Regina Williams"); else 0."""
        if len(run) < 2 or (
            (len(folded[-1]) < 4 or not folded[-1].endswith("s"))
            and folded[-1] not in _SINGULAR_TEAMS
        ):
            return 0
        if is_given_name(folded[0]) or any(t.possessive for t in run):
            return 0
        places = [
            cut
            for cut in range(1, len(run))
            if is_place(" ".join(folded[:cut]))
            or " ".join(folded[:cut]) in self._dateline_places  # "KAMLOOPS, B.C. —" above
        ]
        return places[-1] if places else 0

    def _acronym_org(
        self, run: list[Token], acronym: Token, words: list[str], folded: list[str]
    ) -> None:
        """ "Korean Central News Agency (KCNA)": the organisation and its acronym."""
        if self._recording is not None:
            self._record("acronym", self._rel(run), self._rel([acronym]), words, folded)
        name = _joined_name(words)
        entity = self.find(acronym.text) or self._entity(name, "org", run[0].start)
        if entity.kind != "org" or len(entity.name.split()) == 1:
            entity.name, entity.kind = name, "org"
        entity.aliases.update({acronym.text.replace(".", "").casefold(), " ".join(folded)})
        self._mention(run[0].start, run[-1].end, entity)
        self._mention(acronym.start, acronym.end, entity)

    def _named_person(
        self,
        toks: Sequence[Token],
        name_tokens: list[Token],
        titles: list[Token],
        described_from: int,
        last: int,
        gender: str,
    ) -> None:
        """A person named in full: their entity, gender, first description and mention."""
        if self._recording is not None:
            base = self._record_base
            self._record(
                "person",
                self._rel(name_tokens),
                self._rel(titles),
                described_from - base,
                last - base,
                gender,
            )
        name = " ".join(t.word for t in name_tokens)
        place = None if titles else self._with_alias(name.casefold())
        if place and all(known.kind == "place" for known in place):
            # "Santa Barbara’s University of California campus" after "her Santa Barbara
            # home": the place named before, though its first word is a given name
            self._mention(name_tokens[0].start, name_tokens[-1].end, place[-1])
            return
        entity = self._named_in_full_before(name_tokens, gender) or self._person(
            name, name_tokens[0].start
        )
        nickname = self._nicknames.get(name_tokens[0].start)
        if nickname is not None:
            entity.aliases.add(nickname)
        if gender and not entity.gender:
            entity.gender = gender
        if not entity.description:
            lead = toks[described_from]
            if (
                not titles
                and lead.start < name_tokens[0].start
                and toks[described_from + 1].start == name_tokens[0].start
                and self._opens_sentence(lead)
                and _role_like(lead.text)
            ):
                entity.describe(lead.text, name_tokens[0].start)  # "Developer Marcus Bell"
            else:
                entity.describe(
                    self._description(toks, described_from, titles, last), name_tokens[0].start
                )
        self._mention(name_tokens[0].start, name_tokens[-1].end, entity)

    def _named_in_full_before(self, name_tokens: list[Token], gender: str) -> Entity | None:
        """The one person named before in full whom a title and one name stand for: a
        peer's title and the surname ("Baroness Boothroyd", "Lady Boothroyd" after "Betty
        Boothroyd"), a royal's and the given name ("Prince Saud" after "Prince Saud
        Al-Faisal"), a role opening the sentence and the surname ("Matchwinner Keane" after
        "Robbie Keane"); the title's gender, where it has one, must not disagree."""
        if len(name_tokens) != 2:
            return None
        title, name = name_tokens[0].folded, name_tokens[1].folded
        if title in _PEERAGE:
            place = -1  # the surname
        elif title in _REGNAL - {"pope"}:
            place = 0  # the given name
        elif (
            self._opens_sentence(name_tokens[0])
            and _role_like(name_tokens[0].word)
            and _for_a_person(name_tokens[0].word)
        ):
            place = -1  # "Matchwinner Keane was full of praise": Robbie Keane, so described
        else:
            return None
        gender = "m" if title in MALE else "f" if title in FEMALE else gender
        known = {
            id(e): e
            for e in (self._with_alias(name) if place else self._by_first.get(name, ()))
            if e.kind == "person"
            and len(words := e.name.casefold().split()) >= 2
            and words[place] == name
            and words[0] not in _PEERAGE | _REGNAL
            and (not gender or e.gender in {"", gender})
        }
        return next(iter(known.values())) if len(known) == 1 else None

    def _partner(self, given: Token, surname: list[Token]) -> None:
        """ "Thomas and Rachel Adeyemi": Thomas Adeyemi, named by his given name beside hers
        and the surname they share (his mention is his given name)."""
        if self._recording is not None:
            self._record("partner", self._rel([given]), self._rel(surname))
        name = " ".join([given.word, *(t.word for t in surname)])
        entity = self._person(name, given.start)
        gender = person_gender(given.word)
        if gender and not entity.gender:
            entity.gender = gender
        self._mention(given.start, given.end, entity)

    def _classify_one(self, toks: Sequence[Token], token: Token, last: int) -> None:
        """`_classify` for a run of one word, the most common case, step for step."""
        word = token.word
        folded = word.casefold()
        if folded.endswith(MODIFIER_ENDINGS):
            return
        if word.replace(".", "") in ERAS:
            self._plan_ok = False  # (the number before it, the plan does not see)
            at = bisect_left(self._token_starts, token.start)
            if at and toks[at - 1].text.isdigit():
                return  # "as early as 500 BC saying": a date, not British Columbia
        if is_place(folded):
            self._place([token], [word])
            return
        if is_demonym(folded):
            self._plan_ok = False  # what it is depends on who is known so far
            known = self._with_alias(folded)
            if any(e.kind == "person" for e in known):
                self._single(token, [], "")  # "Cuban said", after "Mark Cuban"
            return
        if word in _REGION_CODES:
            self._plan_ok = False  # (what the word before the comma is, the plan does not see)
            at = bisect_left(self._token_starts, token.start)
            if at >= 2 and toks[at - 1].text == "," and toks[at - 2].capitalised:
                self._place([token], [word])  # "West Palm Beach, FL"
                return
        if _GIVEN_INITIALS.fullmatch(word):
            self._plan_ok = False  # what it is depends on who is known so far
            # "R.T. states", after "R.T. Thorne": his given name, as initials
            people = [e for e in self._with_alias(folded) if e.kind == "person"]
            if len(people) == 1:
                self._mention(token.start, token.end, people[0])
                return
        if _PERSON_INITIALS.fullmatch(word):
            self._plan_ok = False  # what it is depends on who is known so far
            person = self._person_by_initials(word)
            at = bisect_left(self._token_starts, token.start)
            if person is not None and (
                len(word) >= 3
                or (last < len(toks) and is_speech_verb(toks[last].text, word))
                or (at and is_speech_verb(toks[at - 1].text))
            ):
                # "SBF said", after "Sam Bankman-Fried"; "says JK", after "Jason King" (two
                # letters only beside a speech verb: "TV" is not Tom Vance)
                self._mention(token.start, token.end, person)
                return
        if _is_acronym(word) and folded not in PLACE_WORDS:
            self._org([token], [word])
            return
        following = toks[last] if last < len(toks) else None
        followed = following.folded if following is not None and following.text.islower() else ""
        if folded in ORG_WORDS:
            self._plan_ok = False  # what it is depends on who is known so far
            if any(e.kind == "person" for e in self._with_alias(folded)):
                self._single(token, [], "")  # "Guardian said", after "Mayor Don Guardian"
                return
            if self._opens_sentence(token):
                return  # "Company welcomes agreement", "Council voted": the common noun
        if (
            folded in ORG_WORDS
            or _camel(word)
            or self._which_follows(last, toks)
            or followed in _INSTITUTIONS
        ):
            # "Hamilton police said": the force by its words and the noun after ("Likud party",
            # "Trump foundation" stay by their names)
            named = [word, "police"] if followed == "police" else [word]
            self._org([token], named)
            return
        if folded in PLACE_WORDS and folded not in TITLES:
            self._plan_ok = False  # what it is depends on who is known so far
            if any(e.kind == "person" for e in self._with_alias(folded)):
                self._single(token, [], "")  # "Park said", after "Park Ji-yeon"
                return
            if self._opens_sentence(token):
                return  # "New research has found", "City council voted": the common word
            self._place([token], [word])
            return
        if folded in TITLES:
            self._plan_ok = False  # what it is depends on who is known so far
            at = bisect_left(self._token_starts, token.start)
            if (at == 0 or toks[at - 1].folded != "the") and any(
                e.kind == "person" for e in self._with_alias(folded)
            ):
                self._single(token, [], "")  # "says Doctor", after "Ken Doctor"
            return
        if is_demonym(folded) or not _name_like(token):
            return
        self._single(token, [], "")

    @staticmethod
    def _noun_after(toks: Sequence[Token], run: list[Token], last: int) -> str:
        """The lowercase word right after the run ("Royal Shrewsbury hospital"), or "" (also
        when the run lost its last words: "Revera Inc. The company", not "Inc. company")."""
        if last >= len(toks) or toks[last - 1].start != run[-1].start:
            return ""
        return toks[last].folded if toks[last].text.islower() else ""

    def _affiliation(self, run: list[Token], folded: list[str]) -> None:
        """The words before a titled person's name: an organisation when they end in one
        ("Washington Restaurant Association CEO", "FBI Director"), else only a description."""
        end = len(run)
        while end > 0 and (folded[end - 1] in TITLES or folded[end - 1].rstrip(".") in TITLES):
            end -= 1
        if not end or (end == len(run) and folded[end - 1] not in ORG_WORDS):
            return
        words = [t.word for t in run[:end]]
        if is_place(" ".join(folded[:end])):
            self._place(run[:end], words)
        elif folded[end - 1] in ORG_WORDS or (end == 1 and _is_acronym(words[0])):
            self._org(run[:end], words)

    def _person_follows(
        self, run: list[Token], folded: list[str], last: int, toks: Sequence[Token]
    ) -> bool:
        """ "Simon Park, who represented the family", "Grace Hill, 54,", "Simon Park said",
        "Simon Park, a lawyer for …": a given name, then a surname that is also a place's
        word ("Park", "Hill"), and after them what only a person has: a "who" clause, an
        age, a speech verb, or an apposition whose noun is a person's."""
        if len(run) != 2 or not is_given_name(folded[0]) or folded[0] in PLACE_WORDS:
            return False
        return self._only_a_person_after(run, last, toks)

    def _only_a_person_after(self, run: list[Token], last: int, toks: Sequence[Token]) -> bool:
        """Whether what follows a run only follows a person: a speech verb, a "who" clause,
        an age, or an apposition whose noun is a person's ("LLana James, a doctoral
        candidate")."""
        if last < len(toks) and is_speech_verb(toks[last].text, run[-1].word):
            return True
        if last + 1 >= len(toks) or toks[last].text != ",":
            return False
        after = toks[last + 1]
        if after.folded in {"a", "an", "the"}:
            # "Simon Park, a lawyer for the family," (not "Stanley Park, a 400-hectare park")
            for token in toks[last + 2 : last + 6]:
                if token.text in {",", ".", ";", ":"}:
                    return False
                if token.folded in _PERSON_NOUN_WORDS or token.folded in TITLES:
                    return True
            return False
        return after.folded in {"who", "whose"} or bool(_AGE_AFTER.match(self.text, run[-1].end))

    def _which_follows(self, last: int, toks: Sequence[Token]) -> bool:
        """ "Con Edison, which maintains …": what "which" follows is not a person."""
        return last + 1 < len(toks) and toks[last].text == "," and toks[last + 1].folded == "which"

    def _place(self, run: list[Token], words: list[str]) -> None:
        if self._recording is not None:
            self._record("place", self._rel(run), words)
        name = " ".join(words)
        entity = self.find(name) or self._entity(name, "place", run[0].start)
        self._mention(run[0].start, run[-1].end, entity)

    def _org(self, run: list[Token], words: list[str]) -> None:
        if self._recording is not None:
            self._record("org", self._rel(run), words)
        # "Nurses' Association", "Department of Environment, Energy and Climate Action"
        name = _joined_name(words)
        bare = name
        owner = _COUNTRY_OWNER.search(self.text, max(0, run[0].start - 40), run[0].start)
        if (
            owner is not None
            and name.casefold().split()[-1] == "ministry"  # ("Ministry of Health" is whole)
            and is_place(owner.group("place"))
        ):
            name = owner.group(0).rstrip() + " " + name  # "Russia’s Defense Ministry"
        entity = self.find(name)
        if entity is None and len(run) == 1 and _is_acronym(words[0]):
            # "the CRA" after "the Canada Revenue Agency", "the BEI" after "Bureau des
            # enquêtes indépendantes": an acronym of a body named in full before
            entity = self._initialled.get(words[0].replace(".", ""))
            if entity is not None:
                entity.aliases.add(words[0].replace(".", "").casefold())
        if entity is None and len(run) == 1 and words[0].casefold() in ORG_WORDS:
            # "the Commission said" after "the European Commission": the body named last
            # whose name ends in that word
            key = words[0].casefold()
            entity = next(
                (
                    e
                    for e in reversed(self.entities)
                    if e.kind == "org"
                    and len(e.name.split()) > 1
                    and e.name.split()[-1].casefold() == key
                ),
                None,
            )
        if entity is None:
            entity = self._entity(name, "org", run[0].start)
            for initials in {
                _initials(words),
                _initials(_hyphen_parts(words)),
                _initials(words, whole_capitals=True),
            }:
                if len(initials) >= 2:  # (WADA: World Anti-Doping Agency; FA: Football Association)
                    self._initialled.setdefault(initials, entity)
        if len(run) == 1:
            entity.aliases.add(words[0].replace(".", "").casefold())
        if bare != name:
            entity.aliases.add(bare.casefold())  # "the Defense Ministry said" later
        short = len(words)
        while short > 2 and words[short - 1].casefold().rstrip(".,") in CORPORATE_ENDINGS:
            short -= 1  # "Valley Harvest Foods Inc." is "Valley Harvest" later in the story
        if short < len(words):
            entity.aliases.add(" ".join(words[:short]).casefold())
            key = " ".join(words[:short]).casefold()
            if words[0].casefold().rstrip(".") not in TITLES and not any(
                e.kind == "person" for e in self._with_alias(key)
            ):  # ("the Mr. Clarke company": Mr. Clarke stays a man)
                self._company_starts.add(key)  # "Meridian Crest said"
            if words[-1].casefold().rstrip(".,") in {"inc", "corp", "ltd", "limited", "llc", "plc"}:
                # "Blackwater Ridge Copper Ltd." is "Blackwater Ridge" later: a company's
                # name shortens to its first words, its trade or its legal form dropped
                for cut in range(2, short + 1):
                    key = " ".join(words[:cut]).casefold()
                    entity.aliases.add(key)
                    self._company_starts.add(key)
        if (
            len(words) >= 2
            and all(w.casefold().rstrip(".,") in CORPORATE_ENDINGS for w in words[1:])
            and _name_like(run[0])
            and not is_given_name(words[0])
            and not is_place(words[0])
            and not any(e.kind == "person" for e in self._with_alias(words[0].casefold()))
        ):
            # "Revera Inc.", "Revera said" later (not "Dhaliwal Logistics Ltd." when Harjit
            # Dhaliwal, who founded it, is "Dhaliwal" in the story)
            entity.aliases.add(words[0].casefold())
        if (
            len(words) == 2
            and words[1].casefold() in _SHORTENED_TRADES
            and not is_given_name(words[0])
            and not is_place(words[0])
        ):
            entity.aliases.add(words[0].casefold())  # "SkyLink Air" is "SkyLink" later
        if len(words) > len(run):  # "Prince George detachment": its words and the noun after
            entity.aliases.add(" ".join(words[: len(run)]).casefold())
        if len(words) > 2 and [w.casefold() for w in words[-2:]] == ["first", "nation"]:
            entity.aliases.add("first nation")  # "the First Nation said" later: this one
        self._mention(run[0].start, run[-1].end, entity)

    def _single(self, token: Token, titles: list[Token], gender: str) -> None:
        """One capitalised word: a surname or acronym already known, else maybe a name later."""
        if self._recording is not None:
            self._record("single", self._rel([token]), self._rel(titles), gender)
        entity = self.find(token.word)
        if entity is not None and gender and entity.gender and entity.gender != gender:
            # "Mrs. Clinton" after Bill and Hillary Clinton: the one the honorific fits.
            fitting = [
                e
                for e in self._with_alias(token.word.casefold())
                if e.kind == "person" and e.gender == gender
            ]
            if fitting:
                entity = fitting[0]
            elif not any(
                e is not entity and e.kind == "person"
                for e in self._with_alias(token.word.casefold())
            ):
                # "Ms. Kaur" of the one Amrit Kaur: the article's honorific tells her sex
                # better than a list of names does ("Amrit" is listed as a man's)
                entity.gender = gender
        if entity is None:
            if not any(t.word.casefold() in TITLES for t in titles):
                entity = self._introduced_by_given_name(token)
                if entity is None and (
                    _AGE_AFTER.match(self.text, token.end)
                    or self._speaks_by_one_name(token)
                    or self._lower_word_before(token.start).casefold() in _ONE_NAME_ROLES
                ):
                    # "Nurhayati, 38, said": one name and an age (many people have one name);
                    # "Mbumba said", "…,” Mbumba says": one name that speaks; "Madrid
                    # midfielder Guti told": one name after a role in lower case
                    entity = self._person(token.word, token.start)
                if entity is None:
                    return  # a place or a common word at the start of a sentence: not kept
            else:
                entity = self._person(token.word, token.start)  # "Mr Obama" before any full name
        if gender and entity.kind == "person" and not entity.gender:
            entity.gender = gender
        if entity.kind == "person" and not entity.description and titles:
            office = [t.word for t in titles if t.folded.rstrip(".") not in HONORIFICS]
            if office:  # "President Trump joked …" then "the president said": him
                entity.describe(" ".join(office), token.start)
        if (
            entity.kind == "person"
            and not entity.description
            and self.text.startswith(",", token.end)
        ):
            # "said Castonguay, a 20-year-old rookie from Rimouski": described at a later
            # mention when the first gave nothing ("the rookie said" is him)
            entity.describe(self._appositive(token.end + 1), token.start)
        self._mention(token.start, token.end, entity)

    def _speaks_by_one_name(self, token: Token) -> bool:
        """Whether one capitalised word is a speaker's name: a speech verb right after it
        ("Mbumba said", "Mbumba recalled"), and a word the article never writes in lower
        case nor as a plural ("Officials said", "Critics say", "Democrats said" are not)."""
        word = token.word
        if len(word) < 3 or not word.isalpha() or word.endswith("s") or word.isupper():
            return False
        verb = _NEXT_WORD.match(self.text, token.end)
        if verb is None or not is_speech_verb(verb.group(1), "he"):
            return False
        known = self._speaking_names.get(word)
        if known is None:  # (once a word: its every mention is read)
            known = self._speaking_names[word] = self._speaks_as_a_name(word)
        return known

    def _speaks_as_a_name(self, word: str) -> bool:
        """`_speaks_by_one_name` for a word, from the whole text."""
        if self._lower_words is None:
            self._lower_words = self._words_written()
        if word.casefold() in self._lower_words:
            return False
        # Twice a speaker, and never part of a longer name ("He Yanping", "Canadian
        # Heritage", "Agriculture and Irrigation", "Court of First Instance"): a name of its
        # own, not a word of another's.
        if self._capital_starts is None:  # (one pass over the capitalised tokens, for all)
            self._capital_starts = {}
            texts, starts = self._token_texts, self._token_starts
            for index in self._capitals:
                self._capital_starts.setdefault(texts[index], []).append(starts[index])
        speaking = 0
        for start in self._capital_starts.get(word, ()):
            end = start + len(word)
            if _JOINED_BEFORE.search(self.text, max(0, start - 6), start):
                return False
            if _JOINED_AFTER.match(self.text, end):
                return False
            verb = _NEXT_WORD.match(self.text, end)
            speaking += verb is not None and is_speech_verb(verb.group(1), "he")
        return speaking >= 2

    def _introduced_by_given_name(self, token: Token) -> Entity | None:
        """ "Her husband, Paul, had a stroke": a person known by a given name alone, set
        after a word for a person, with that description (and its gender)."""
        folded = token.word.casefold()
        if not token.word[1:].islower():
            return None
        if not self.text.startswith(",", token.end):
            return self._named_kin(token, folded)
        start = token.start
        aged = _AGED_BEFORE.search(self.text, max(0, start - 20), start)
        if aged is not None:
            start = aged.start()  # "his older daughter, nine-year-old Chidera,"
        introduced = _INTRODUCED_BEFORE.search(self.text, max(0, start - 60), start)
        if introduced is None or not _for_a_person(introduced.group("words")):
            return None
        words = introduced.group("words")
        described = set(words.casefold().split())
        if not is_given_name(folded) and not described & (MALE | FEMALE):
            return None  # a word after a role ("the owner, Acme,"); after kin, a name
        entity = self._person(token.word, token.start)
        if len(entity.name.split()) == 1:
            self._given_only.add(id(entity))
        if not entity.description:
            entity.describe(words, token.start)
        gender = "m" if described & MALE else "f" if described & FEMALE else person_gender(folded)
        if gender and not entity.gender:
            entity.gender = gender
        return entity

    def _named_kin(self, token: Token, folded: str) -> Entity | None:
        """ "his wife Fran was giving him a shower": a given name right after someone's kin,
        with no comma, is that person (described and gendered by the kin word)."""
        if not is_given_name(folded):
            return None
        kin = _KIN_BEFORE_NAME.search(self.text, max(0, token.start - 40), token.start)
        if kin is None:
            return None
        word = kin.group("kin").casefold()
        entity = self._person(token.word, token.start)
        if len(entity.name.split()) == 1:
            self._given_only.add(id(entity))
        if not entity.description:
            entity.describe(kin.group("words"), token.start)
        gender = "m" if word in MALE else "f" if word in FEMALE else person_gender(folded)
        if gender and not entity.gender:
            entity.gender = gender
        return entity

    def _description(
        self, toks: Sequence[Token], first: int, titles: list[Token], last: int
    ) -> str:
        """ "Mount Royal University criminologist Doug King" / "Paul Dewar, an Ottawa MP,"."""
        before: list[Token] = []
        index = first - 1
        if titles:  # "Housing Minister Daniel Kerr": the words between `first` and the title
            index = max(index, bisect_left(self._token_starts, titles[0].start) - 1)
        while index >= 0 and len(before) < 6:
            token = toks[index]
            if "\n" in self.text[token.end : toks[index + 1].start]:
                break  # a description never crosses a paragraph break
            if (
                not token.text[:1].isalnum()
                or token.folded in _DESCRIPTION_STOPS
                or token.folded in _PREPOSITIONS  # "as more Democrats learn about Sanders"
                or (_verb_form(token.folded) and not self._noun_in_ing(toks, index, before, titles))
                or token.folded in _COMMON_VERBS  # "King's Bench jury has found Tobias …"
                or self._person_at(token)  # "Forward Chloé Bergeron-Tsang now trails"
            ):
                break
            before.insert(0, token)
            index -= 1
        words = [t.text for t in (*before, *titles)]
        if words and (any(w[:1].islower() for w in words) or titles):
            return " ".join(words).strip(" ,")
        if first < len(toks):  # "His mother, Lorraine Fenwick," / "an influential sociologist, …"
            start = toks[first].start
            introduced = _introduced_before(self.text, start, 80)
            if introduced is not None and _for_a_person(introduced.group("words")):
                return introduced.group("words")
        if last < len(toks) and toks[last].text == ",":
            return self._appositive(toks[last].end)
        return ""

    def _noun_in_ing(
        self, toks: Sequence[Token], index: int, after: list[Token], titles: list[Token]
    ) -> bool:
        """Whether the "-ing" word at `index` names a field before a role ("Opposition
        housing critic", "Housing Minister", "marketing director"), not a verb: right before
        the role's words, and not after a word that takes a verb ("is", "after", "by")."""
        token = toks[index]
        if not token.folded.endswith("ing") or not (after or titles):
            return False
        if index == 0 or "\n" in self.text[toks[index - 1].end : token.start]:
            return True
        previous = toks[index - 1]
        return not (
            previous.folded in _PREPOSITIONS
            or previous.folded in _COMMON_VERBS
            or previous.folded in _ING_LEADS
            or _verb_form(previous.folded)
        )

    def _appositive(self, start: int) -> str:
        """The description set after a name and its comma, from `start`: ", an Ottawa New
        Democrat MP," / ", director of the gallery," / ", who became chief executive …,"."""
        stop = self.text.find(",", start)
        period = self.text.find(".", start)
        ends = [e for e in (stop, period) if e > 0]
        if not ends:
            return ""
        phrase = self.text[start : min(ends)].strip()
        role = role_clause(phrase)
        if role:
            return role  # ", who became chief executive in April after …,"
        lead = phrase.split(" ", 1)[0].casefold() if phrase else ""
        if (
            phrase
            and not _verb_form(lead)  # ", reached by phone,", ", left the court"
            and lead not in _COMMON_VERBS
            and not is_speech_verb(lead.rstrip(":;"), ",")  # ", said: “These are …”"
            # ", for the bill's lack of support," / ", in a statement,": an adjunct of the
            # sentence, not what the person is (", of Halifax," is)
            and (lead == "of" or lead not in _PREPOSITIONS)
            and (
                lead in {"a", "an", "the"}
                or phrase[:1].islower()
                or lead.endswith(("'s", "’s"))  # ", Ava’s mother,"
            )
            and len(phrase.split()) <= 12
        ):
            return phrase
        return ""

    def _person_at(self, token: Token) -> bool:
        """Whether `token` is part of a person's name found already (a description of
        someone never holds another person's name)."""
        mentions = self.mentions
        index = bisect_right(mentions, token.start, key=attrgetter("start")) - 1
        return (
            index >= 0
            and token.start < mentions[index].end
            and mentions[index].entity.kind == "person"
        )

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
            for entity in index.get(rarest, ())
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

    def _find_by_part(self, key: str) -> Entity | None:
        """A first name, an organisation's first word or nickname, or a misspelt surname."""
        if " " in key:
            return None
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
