"""Words of speech: the verbs and phrases that attribute a quotation to a speaker.

Only the surface forms news writing uses ("said", "told reporters", "according to"); no
model, no lemmatiser: a closed list, matched case-insensitively on whole words.
"""

from __future__ import annotations

import re

from reader.quotes.lexicon import entries, words

SPEECH_VERBS: frozenset[str] = words("speech_verbs")

# Verbs that only attribute when nothing else is around them are too weak on their own;
# these mostly introduce a quotation when placed right next to it.
WEAK_VERBS = words("weak_verbs")

ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
QUOTED_AS = re.compile(r"\bquoted as saying\b", re.IGNORECASE)


def _alternation(name: str, adverbs: bool = False) -> str:
    """A regular-expression alternation of a list's entries (blanks match any white space;
    with `adverbs`, also an adverb in "-ly" between words: "known locally as")."""
    blank = r"\s+(?:[a-z]+ly\s+)?" if adverbs else r"\s+"
    return "|".join(blank.join(map(re.escape, entry.split())) for entry in entries(name))


# What may follow a verb as part of the cue: "told reporters", "said in a statement".
_CUE_TAIL = re.compile(
    rf"^\s*(?:(?:to\s+)?(?:{_alternation('cue_listeners')})"
    rf"|in\s+a\s+(?:{_alternation('cue_media')})"
    rf"|on\s+(?:{_alternation('cue_platforms')})"
    r"|out)\b",
    re.IGNORECASE,
)


# Forms that are nouns as often as verbs ("a blog post", "his remarks", "the reports").
_NOUN_LIKE = words("noun_like_verbs")
# Words before a base-form verb ("they claim", "to comment", "will post").
_VERB_CONTEXT = words("verb_context")
# Words before a noun ("his remarks", "in a post", "the reports").
_NOUN_CONTEXT = words("noun_context")


def is_speech_verb(word: str, previous: str = "") -> bool:
    """A speech verb as written in running text (lowercase: "States" is not "states").

    `previous`: the word before it, which tells the verb "post" from the noun ("they post",
    "a blog post"); without it, such words count only in their "-ed" and "-ing" forms.
    """
    if not word.islower() or word not in SPEECH_VERBS:
        return False
    if word.endswith(("ing", "ed")) and previous.casefold() in NOUN_BEFORE:
        return False  # "the warning reads", "a briefing": a noun; "this stated animosity"
    if word not in _NOUN_LIKE:
        return True
    previous = previous.casefold()
    if word.endswith("s") and not word.endswith("ss"):
        # "King notes", "the notes", "Clinton's remarks" (an owner: a noun follows)
        return bool(previous) and previous not in _NOUN_CONTEXT and not _owner(previous)
    return previous in _VERB_CONTEXT


# Words before which a verb's "-ing" or "-ed" form is a noun or an adjective ("the warning").
NOUN_BEFORE = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"})


def _owner(word: str) -> bool:
    """A possessive ("Clinton's", "voters’"), not a contraction ("he's", "it's")."""
    return (
        len(word) > 3 and word.endswith(("'s", "’s", "s'", "s’")) and word[:-2] not in _CONTRACTED
    )


_CONTRACTED = frozenset({"he", "she", "it", "that", "there", "what", "who"})  # ... + "'s"


# After "told", "asked" or "urged" comes the listener, never the speaker.
_LISTENER_FIRST = words("listener_first_verbs")
# Verbs whose subject may follow them ("said King", "instructed Milton Velez"): the
# finite forms of the speech verbs, less those followed by their listener.
INVERTIBLE: frozenset[str] = frozenset(
    verb
    for verb in SPEECH_VERBS
    if verb.endswith(("s", "ed")) or verb in {"said", "wrote", "told", "swore"}
) - _LISTENER_FIRST - {"post", "posts", "stress"} | {"warned", "warns"}

# Before a quotation of any length: the title of a work.
TITLE_LEAD = re.compile(
    rf"\b(?:{_alternation('work_nouns')})\s*,?\s*(?:titled|entitled|called)?\s*$"
)

# Just before a short quotation, these cite words as words, or name a title.
METALINGUISTIC = re.compile(
    rf"\b(?:the\s+(?:{_alternation('cited_word_nouns')})|{_alternation('naming_words', True)}"
    rf"|the\s+(?:{_alternation('cited_work_nouns')})s?)\s*$",
    re.IGNORECASE,
)


def cue_tail(after_verb: str) -> str:
    """Words right after a speech verb that belong to the cue ("reporters", "in a statement")."""
    match = _CUE_TAIL.match(after_verb)
    return " ".join(match.group(0).split()) if match else ""
