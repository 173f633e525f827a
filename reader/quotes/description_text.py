"""What a speaker's description reads as when it is offered to the user: the codebook, the
speakers screen, a copied citation and the Markdown draft show it beside the name ("Doug
King, criminologist"). The finder takes it from the words before or after the name, which
are sometimes not a description a reader would write: a clause ("who runs a cattle
farm"), words running on into the sentence ("an analyst at Nomura told the BBC"), a title
that belongs to the name ("chief executive Sir"), a title cut short ("11 director", from
"Fahrenheit 9/11 director"), an adverb ("Earlier British costume designer"). Such words are
mended where a word at an end is the fault, and else not offered: no description is better
than a wrong one under a published quote. A word of capitals is taken as part of a name or
a title ("WHO director-general", "Said Business School professor", "Still Life author"),
never as the clause word, verb or adverb it spells in lower case. Plain text in, plain text out."""

from __future__ import annotations

import re
from functools import cache

from reader.core.text import clean_line
from reader.quotes.lexicon import folded
from reader.quotes.name_words import HONORIFICS

_RELATIVES = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "while"})
# Titles written before a name that belong to it ("chief executive Sir Anthony Hale").
_NAME_TITLES = HONORIFICS | folded("name_titles") | folded("peerage_titles")
# Words that describe no one alone (what a title taken off can leave).
_NOT_A_HEAD = frozenset({"the", "a", "an", "former", "ex", "then", "late", "acting", "and"})
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "maker")
_WORD = re.compile(r"[\w'’-]+")


def offered_description(description: str) -> str:
    """The description as a reader would write it beside the name, or "" when its words
    are not a description (a clause, words that run on into the sentence)."""
    words = clean_line(description).split()
    while words and words[0].casefold() in folded("description_openers"):
        words = words[1:]  # "Earlier British costume designer"
    while (
        words
        and words[-1][:1].isupper()
        and _bare(words[-1]) in _NAME_TITLES
        and " ".join(words[-2:]).casefold() not in folded("description_titles")
    ):
        # "chief executive Sir" (Anthony O'Reilly): the name's title; not the end of a
        # title of two words ("Saudi Crown Prince")
        words = words[:-1]
    if not words or words[0] in _RELATIVES:
        return ""  # a clause ("who runs a cattle farm"; "WHO director-general" is one)
    if all(word.casefold() in _NOT_A_HEAD for word in words):
        return ""  # "the", "former": what was left of "The Hon", "former Reverend"
    if len(words) == 1 and (
        len(_bare(words[0])) < 2
        or _bare(words[0]) in _NAME_TITLES
        or _ABBREVIATION.fullmatch(words[0])  # "Coun.", "Capt.", "Const.": a title cut short
        or (words[0].islower() and not _names_a_person(words[0]))
    ):
        return ""  # "At the time, Lord Woolf said": "time"; "Dr." alone
    if any(word.islower() and _bare(word) in folded("description_verbs") for word in words):
        return ""  # words that run on into the sentence: "… at Nomura told the BBC"
    if len(words) > 1 and words[0] in ("The", "A", "An") and words[1].islower():
        words[0] = words[0].lower()  # (it opened a sentence: "Whitmore, the … critic")
    return " ".join(words)


_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,5}\.")


def _names_a_person(word: str) -> bool:
    """A lower-case word that can describe someone alone ("novelist", "backbencher")."""
    return _bare(word) in _person_words() or _bare(word).endswith(_PERSON_ENDINGS)


@cache
def _person_words() -> frozenset[str]:
    return folded("person_nouns") | folded("titles") | folded("demonyms")


def _bare(word: str) -> str:
    found = _WORD.search(word)
    return found.group().casefold() if found else ""
