"""The word lists and word tests the name scan reads a run of capitalised words with.

Titles and honorifics, words that make a run an organisation, a team or a place, given
names read as words, a dateline's shape, and the small tests on a run (does it end in a
portfolio, hold a storm's name, open with a country before a person) that
`reader.quotes.name_scan` asks. The lists themselves are data files (`quotes/data/`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from itertools import takewhile

from reader.quotes.given_names import is_given_name
from reader.quotes.lexicon import entries, folded, words
from reader.quotes.mentions import _PARTICLES, Token, _capitalised, _possessive, _word_of
from reader.quotes.name_registry import ORG_WORDS, TITLES, _in_capitals, _is_acronym, _Step
from reader.quotes.places import COUNTRIES, REGIONS, is_demonym, is_place

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
_NEWSPAPER_WORDS = words("newspaper_words")
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
# An airline's word, which the story drops after naming it once ("SkyLink Air" is
# "SkyLink"; not other trades: "Strand Mining" is named for the Strands of the story).
_SHORTENED_TRADES = frozenset({"air", "airlines", "airways"})
_ORDINAL = re.compile(r"[1-9]\d?(?:st|nd|rd|th)")
# What an ordinal in a rank comes before: "1st Lt.", "Sgt. 1st Class", "2nd Lieutenant".
_RANK_AFTER_ORDINAL = frozenset({"class"} | {t.rstrip(".") for t in TITLES})
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
_PREPOSITIONS = words("prepositions")
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
# Roles in lower case that a single name follows as its bearer's ("midfielder Guti",
# "rapper Nelly"): players and performers, often known by one name.
_ONE_NAME_ROLES = frozenset(
    {"midfielder", "striker", "forward", "defender", "winger", "goalkeeper", "playmaker"}
    | {"rapper", "singer", "star", "musician", "artist", "dj", "designer", "model"}
)


# A country's or province's possessive right before a ministry named by its portfolio
# ("Russia’s Defense Ministry", "Quebec's Transport Ministry"): part of its name, since every
# government has one ("Ontario's Ministry of Health" is the Ministry of Health).
_COUNTRY_OWNER = re.compile(r"(?P<place>[A-Z][\w.-]*(?: [A-Z][\w.-]*)?)['’]s\s+$")


_DESCRIPTION_STOPS = words("description_stops")
# Participles that name roles rather than actions ("acting director", "retired teacher").
_ROLE_PARTICIPLES = words("role_participles")


_COMMON_VERBS = words("common_verbs")
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
# A capitalised word, or a connector after one, right before a word: it is part of a name.
_JOINED_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*|\b(?:and|of|de|del|da|&))\s$")
_JOINED_AFTER = re.compile(r"\s(?:[A-Z][a-z]|(?:of|de|del|da|&)\s)")
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
_EPITHET_WORDS = words("epithets")
_NOT_ROLES = words("documents") | words("org_nouns")


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
    r",?\s+(?:(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3})\s+)?(?:\([A-Z][\w .]*\)\s+)?(?:[—–]|--?\s)"
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
    r"(?:\s*\([A-Z][\w .]*\))?\s+(?:[—–-]|--) "  # ("--": a dash typed in ASCII)
)
_DASHES = frozenset("—–-")


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
# A person's initials in capitals, as a name: "SBF", "AOC", "JFK"
_PERSON_INITIALS = re.compile(r"[A-Z]{2,4}")


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


_UNPLANNED: list[_Step] = []  # no plan yet (`Entities._planned`)
