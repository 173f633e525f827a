"""Place names and nationality words, so that "Canada", "Texas" and "Israeli" are not people.

A small gazetteer: the world's countries, the states and provinces of the countries whose
press writes in English, large cities, and the adjectives of nationality. It only has to
tell a place from a person in a run of capitalised words; it is not a geography. The lists
are the files countries.txt, regions.txt, cities.txt and demonyms.txt of `data/`.
"""

from __future__ import annotations

from reader.quotes.lexicon import folded

COUNTRIES = folded("countries")
REGIONS = folded("regions")
CITIES = folded("cities")
DEMONYMS = folded("demonyms")

PLACES = COUNTRIES | REGIONS | CITIES


def is_place(name: str) -> bool:
    """Whether the words are a country, region or city ("New Zealand", "Texas")."""
    return name.casefold() in PLACES


def is_demonym(word: str) -> bool:
    """Whether a word is an adjective of nationality, faith or party ("Israeli", "Catholic")."""
    return word.casefold() in DEMONYMS
