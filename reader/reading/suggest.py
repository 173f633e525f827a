"""Suggestions for the source and themes fields: codebook names that match what is typed.

Names and what is typed are compared without case or accents. Ranking: the name typed
exactly; names that start with the typed text, or have a word that
does ("mcpher" finds "Heather McPherson"); acronyms ("ice" finds "U.S. Immigration and
Customs Enforcement", from the initials of its words); then fuzzy matches (rapidfuzz
`WRatio`, which forgives typos, case and word order) at 60 or more, for four letters typed
or more. Ties go to the name used most. An empty field suggests the most used names.

`strong` says whether the best suggestion is what the typing most likely means: the
name's beginning or a word's, its acronym, or the whole name with a typo or two ("dug kng"
is "Doug King"; never a word that is a number or a given name of its own: "Joan Smith" is
not "John Smith"). The tag dialog highlights a strong suggestion so that Enter takes it;
otherwise it highlights "new source …", so that a new name is never created unseen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import Levenshtein

from reader.core.codebook import without_accents
from reader.quotes.given_names import is_given_name

FUZZY_CUTOFF = 60.0
MIN_FUZZY_LENGTH = 4  # shorter input matches by beginnings and acronyms only
_WORD = re.compile(r"[^\W\d_][\w'’.]*")
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "de", "la", "le", "du", "des", "&"})


@dataclass(frozen=True)
class Suggestions:
    """Names for what is typed, best first; `exact`: the codebook name typed exactly."""

    names: list[str]
    strong: bool = False
    exact: str | None = None


def suggest(
    typed: str, names: Sequence[str], usage: Mapping[str, int] | None = None, limit: int = 6
) -> list[str]:
    """Up to `limit` of `names` for the text typed so far, best first."""
    return suggestions(typed, names, usage, limit).names


def suggestions(
    typed: str,
    names: Sequence[str],
    usage: Mapping[str, int] | None = None,
    limit: int = 6,
    typos: bool = True,
) -> Suggestions:
    """The ranked suggestions for `typed`, and whether the first is a strong match.
    `typos=False`: a name a typo away is listed but never strong (themes are words, and
    a word typed a letter away from a theme is most often another word: "policy" is not
    "police", "zeta" not "beta")."""
    usage = usage or {}
    query = _process(typed)
    if not query:
        ranked = sorted(names, key=lambda n: (-usage.get(n, 0), n.casefold()))
        return Suggestions(ranked[:limit])
    scored: dict[str, float] = {}
    strong: set[str] = set()
    exact = None
    literal = _as_written(typed)  # (accents kept: "Rene Roy" is not "René Roy")
    for name in names:
        folded = _process(name)
        if folded == query:
            # the name as typed, accents and all, before one that differs only by them
            same = _as_written(name) == literal
            scored[name] = 300.0 if same else 299.0
            if same or exact is None:
                exact = name
            strong.add(name)
        elif folded.startswith(query):
            scored[name] = 200.0 + len(query) / max(len(folded), 1)
            strong.add(name)
        elif _a_word_begins(query, folded):
            scored[name] = 150.0 + len(query) / max(len(folded), 1)
            strong.add(name)
        elif len(query) >= 2 and query.replace(" ", "") in _initials(name):
            scored[name] = 140.0 + len(query) / max(len(_initials(name)), 1)
            strong.add(name)
        elif _near(query, folded):
            scored[name] = 120.0 - Levenshtein.distance(query, folded)
            if typos:
                strong.add(name)
    if len(query) >= MIN_FUZZY_LENGTH:
        for name, score, _ in process.extract(
            typed,
            names,
            scorer=fuzz.WRatio,
            processor=_process,
            score_cutoff=FUZZY_CUTOFF,
            limit=limit * 3,
        ):
            scored.setdefault(name, score)
    ranked = sorted(scored, key=lambda n: (-scored[n], -usage.get(n, 0), n.casefold()))[:limit]
    return Suggestions(ranked, bool(ranked) and ranked[0] in strong, exact)


def _as_written(text: str) -> str:
    """A name as written, case and blanks aside: composed (NFC), so that "René" typed with
    a combining accent is "René", and marks kept ("Jean-Luc" is not "Jean Luc")."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _process(text: str) -> str:
    """What is typed or named, compared: rapidfuzz's `default_process` (lower case, marks as
    spaces) after accents are taken off, so that "amelie cote" is "Amélie Côté" (typed on
    a keyboard without them, it had made a second source)."""
    return utils.default_process(without_accents(text))


def begins(typed: str, name: str) -> bool:
    """Whether the name, or a word of it, begins with what is typed ("priya" in "Priya
    Sharma"; not "ice" for the initials of "U.S. Immigration and Customs Enforcement", nor
    "dog king", a typo's distance from "Doug King")."""
    query, folded = _process(typed), _process(name)
    return bool(query) and (folded.startswith(query) or _a_word_begins(query, folded))


def _a_word_begins(query: str, folded: str) -> bool:
    """Whether a word of the name (processed as `query` is) begins with `query`."""
    return any(word.startswith(query) for word in folded.split())


def _initials(name: str) -> str:
    """The first letters of a name's words, small words left out: "U.S. Immigration and
    Customs Enforcement" -> "uice"."""
    words = [w for w in _WORD.findall(name) if w.casefold() not in _SMALL_WORDS]
    return _process("".join(word[0] for word in words)).replace(" ", "")


def _near(query: str, folded: str) -> bool:
    """The name, or as many of its words in a row as were typed, with a typo: one edit in
    up to five letters, two in more ("dug kng" is "Doug King", "mcphersn" is "Heather
    McPherson")."""
    if len(query) < 3:
        return False
    words = folded.split()
    count = len(query.split())
    spans = {folded, *(" ".join(words[i : i + count]) for i in range(len(words) - count + 1))}
    for span in spans:
        allowed = 1 if len(span) <= 5 else 2
        if (
            len(span) >= 3
            and Levenshtein.distance(query, span, score_cutoff=allowed) <= allowed
            and not _another_name(query, span)
        ):
            return True
    return False


def _another_name(query: str, span: str) -> bool:
    """Whether a word typed that differs from the name's is no typo but another name: a
    number ("Alpha Person 2" is not "Alpha Person 1"), a given name of its own ("Joan
    Smith" is not "John Smith"), an initial, a generation or a numeral ("John A. Smith",
    "Smith Jr.", "Henry VII"), or a short word changed but not lengthened ("Wang Li" is
    not "Wang Yi", "Jong-il" not "Jong-un"; "kng" is "King"). Enter took the codebook's
    name for such a word, and the quote went to someone else."""
    typed, named = _parts(query), _parts(span)
    if len(typed) != len(named):
        return _digits(query) != _digits(span)
    return any(
        word != other
        and (
            _digits(word) != _digits(other)
            or (is_given_name(word) and is_given_name(other))
            or min(len(word), len(other)) <= 2
            or (len(word) == len(other) == 3)
            or (_NUMERAL.fullmatch(word) is not None and _NUMERAL.fullmatch(other) is not None)
        )
        for word, other in zip(typed, named, strict=True)
    )


_NUMERAL = re.compile(r"[ivxlc]+")
_PART = re.compile(r"[^\W_]+")


def _parts(name: str) -> list[str]:
    """A name's words and the parts of a hyphenated one, without their marks ("jong-il."
    is "jong", "il")."""
    return _PART.findall(name)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())
