"""Common given names and the gender they usually mark, for "she said" after "Sarah Gille".

Only names that are overwhelmingly used for one gender in English-language news (from the
most frequent given names of the US, UK, Canada and Australia, and common international
ones). Names used for both ("Jordan", "Alex", "Sam", "Robin") are left out: an unknown
gender is better than a wrong one.
"""

from __future__ import annotations

from reader.quotes.lexicon import table

_GENDERS = table("given_names")  # data/given_names.txt: "name f" or "name m"
FEMALE_NAMES: frozenset[str] = frozenset(n for n, g in _GENDERS.items() if g == "f")
MALE_NAMES: frozenset[str] = frozenset(n for n, g in _GENDERS.items() if g == "m")


def gender_of(given_name: str) -> str:
    """ "f", "m" or "" for a given name ("Sarah" -> "f")."""
    return _GENDERS.get(given_name.casefold().strip("."), "")
