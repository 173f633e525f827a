"""Common given names and the gender they usually mark, for "she said" after "Sarah Gille".

The list is data/given_names.txt: hand-picked names of one gender, then the frequent names
of the US census (1990), some marked "u" (used for both): an unknown gender is better than a
wrong one. `is_given_name` knows both; `gender_of` only the names of one gender, and also
those of data/given_name_genders.txt (names of every origin the list lacks, from the World
Gender Name Dictionary), which tell a gender but do not make a word a name.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reader.quotes.lexicon import table

_GENDERS = table("given_names")  # data/given_names.txt: "name f", "name m" or "name u"
FEMALE_NAMES: frozenset[str] = frozenset(n for n, g in _GENDERS.items() if g == "f")
MALE_NAMES: frozenset[str] = frozenset(n for n, g in _GENDERS.items() if g == "m")


def gender_of(given_name: str) -> str:
    """ "f", "m" or "" for a given name ("Sarah" -> "f", "Mélanie" -> "f")."""
    if len(given_name) > _LONGEST or _short_compound_in_doubt(given_name):
        return ""
    gender = _GENDERS.get(_key(given_name), "")
    return gender if gender in {"f", "m"} else ""


def _short_compound_in_doubt(given_name: str) -> bool:
    """A compound of two short parts ("Wei-Lin", "Jia-Hui", "Hye-Jin": names in two
    syllables, of either sex) not listed whole, whose parts do not name one gender: its
    first part alone does not tell it ("Wei" is a man's name, Wei-Lin often a woman's)."""
    folded = given_name.casefold().strip(".")
    parts = folded.split("-")
    if len(parts) != 2 or folded in _GENDERS or any(len(part) > 4 for part in parts):
        return False
    genders = {_GENDERS.get(part, "") for part in parts} - {"u"}
    return len(genders) != 1 or "" in genders


def person_gender(given_name: str) -> str:
    """ "f", "m" or "" for the given name of a person already found: `gender_of`, or else the
    longer list of names of every origin ("Shireen" -> "f", "Hamish" -> "m")."""
    if len(given_name) > _LONGEST or _short_compound_in_doubt(given_name):
        return ""
    key = _key(given_name)
    if key in _GENDERS:
        return gender_of(given_name)
    more = _more_genders()
    return more.get(key) or more.get(key.partition("-")[0], "")


@lru_cache(maxsize=1)
def _more_genders() -> dict[str, str]:
    """data/given_name_genders.txt ("name f" or "name m"), read when first needed: most
    people's names are in the main list."""
    return table("given_name_genders")


def is_given_name(word: str) -> bool:
    """Whether a word is a common given name, of either gender ("Mitch", "Leslie",
    "Jean-François": a compound by its first part)."""
    return len(word) <= _LONGEST and _key(word) in _GENDERS


# No given name is longer (compounds included): a longer word is not looked up, so the cache
# below holds only short strings whatever an article holds.
_LONGEST = 40


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    """The list's spelling of a name: folded, without accents or a full stop; a compound
    ("Jean-François", "Marie-Claude") by its first part when the whole is not listed."""
    folded = word.casefold().strip(".")
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    if "-" in folded and folded not in _GENDERS:
        parts = [part for part in folded.split("-") if part in _GENDERS]
        gendered = [part for part in parts if _GENDERS[part] in {"f", "m"}]
        if gendered or parts:  # "Jean-François": "jean" is either, "françois" a man's
            return (gendered or parts)[0]
    return folded
