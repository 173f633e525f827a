"""Common given names and the gender they usually mark, for "she said" after "Sarah Gille".

The list is data/given_names.txt: hand-picked names of one gender, then the frequent names
of the US census (1990), some marked "u" (used for both): an unknown gender is better than a
wrong one. `is_given_name` knows both; `gender_of` only the names of one gender.
"""

from __future__ import annotations

from reader.quotes.lexicon import table

_GENDERS = table("given_names")  # data/given_names.txt: "name f", "name m" or "name u"
FEMALE_NAMES: frozenset[str] = frozenset(n for n, g in _GENDERS.items() if g == "f")
MALE_NAMES: frozenset[str] = frozenset(n for n, g in _GENDERS.items() if g == "m")


def gender_of(given_name: str) -> str:
    """ "f", "m" or "" for a given name ("Sarah" -> "f")."""
    gender = _GENDERS.get(given_name.casefold().strip("."), "")
    return gender if gender in {"f", "m"} else ""


def is_given_name(word: str) -> bool:
    """Whether a word is a common given name, of either gender ("Mitch", "Leslie")."""
    return word.casefold().strip(".") in _GENDERS
