"""What a speaker's description reads as when it is offered to the user: the codebook, the
speakers screen, a copied citation and the Markdown draft show it beside the name ("Doug
King, criminologist"). The finder takes it from the words before or after the name, which
are sometimes not a description a reader would write: a clause ("who runs a cattle
farm"), words running on into the sentence ("an analyst at Nomura told the BBC"), a title
that belongs to the name ("chief executive Sir"), a title cut short ("11 director", from
"Fahrenheit 9/11 director"), an adverb ("Earlier British costume designer"). Such words are
mended where a word at an end is the fault, and else not offered: no description is better
than a wrong one under a published quote. Plain text in, plain text out."""

from __future__ import annotations

import re

from reader.core.text import clean_line
from reader.quotes.lexicon import folded
from reader.quotes.name_words import HONORIFICS

_RELATIVES = frozenset({"who", "whom", "whose", "which", "that", "where", "when", "while"})
# Titles written before a name that belong to it ("chief executive Sir Anthony Hale").
_NAME_TITLES = HONORIFICS | folded("name_titles") | folded("peerage_titles")
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "maker")
_WORD = re.compile(r"[\w'’-]+")


def offered_description(description: str) -> str:
    """The description as a reader would write it beside the name, or "" when its words
    are not a description (a clause, words that run on into the sentence)."""
    words = clean_line(description).split()
    while words and words[0].casefold() in folded("adverbs"):
        words = words[1:]  # "Earlier British costume designer"
    while words and words[-1][:1].isupper() and _bare(words[-1]) in _NAME_TITLES:
        words = words[:-1]  # "chief executive Sir" (Anthony O'Reilly): the name's title
    if not words or words[0].casefold() in _RELATIVES or words[0][:1].isdigit():
        return ""  # a clause, not a description; a title cut short
    if len(words) == 1 and (
        len(_bare(words[0])) < 2 or (words[0].islower() and not _names_a_person(words[0]))
    ):
        return ""  # "At the time, Lord Woolf said": "time"
    if any(_bare(word) in folded("description_verbs") for word in words):
        return ""  # words that run on into the sentence: "… at Nomura told the BBC"
    if len(words) > 1 and words[0] in ("The", "A", "An"):
        words[0] = words[0].lower()  # (it opened a sentence: "Whitmore, the … critic")
    return " ".join(words)


def _names_a_person(word: str) -> bool:
    """A lower-case word that can describe someone alone ("novelist", "backbencher")."""
    known = folded("person_nouns") | folded("titles") | folded("demonyms")
    return _bare(word) in known or _bare(word).endswith(_PERSON_ENDINGS)


def _bare(word: str) -> str:
    found = _WORD.search(word)
    return found.group().casefold() if found else ""
