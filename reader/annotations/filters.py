"""Showing only some annotations: a filter on sources and themes, in the search syntax.

`source:king theme:"public safety"` keeps the annotations whose source holds the words
"king" and which have a theme holding "public safety", each word also as a beginning
(`theme:sup` keeps "supply") or with a typo, as search forgives one (`theme:zonng` keeps
"zoning"); `theme:policing` also keeps
`policing/oversight` (a parent takes its children). Free words match a source or a theme;
`coder:alice` keeps alice's annotations, `-coder:bob` leaves bob's out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from reader.annotations.query import SOURCE, THEMES, Query, fields_fit, parse_query, tokens
from reader.annotations.vocabulary import allowed_edits, english_words
from reader.core.coders import coder_key
from reader.core.records import Annotation


@dataclass(frozen=True)
class TagFilter:
    """A parsed filter; `matches` says whether an annotation passes it."""

    text: str
    sources: tuple[tuple[str, ...], ...]
    themes: tuple[tuple[str, ...], ...]
    either: tuple[str, ...]
    coders: tuple[str, ...] = ()
    not_coders: tuple[str, ...] = ()
    query: Query | None = None  # for `source:""`, `theme:""` and whole names (`source:=`)

    def matches(self, annotation: Annotation) -> bool:
        if self.query is not None and not fields_fit(annotation, self.query):
            return False
        if self.coders or self.not_coders:
            key = coder_key(annotation.coder)
            if (self.coders and key not in self.coders) or key in self.not_coders:
                return False
        source = tokens(annotation.source or "")
        themes = [tokens(t) for t in annotation.themes]
        if any(not _begun(words, source) for words in self.sources):
            return False
        if any(not any(_begun(words, theme) for theme in themes) for words in self.themes):
            return False
        return all(
            _begun((word,), source) or any(_begun((word,), theme) for theme in themes)
            for word in self.either
        )


def _begun(words: tuple[str, ...], found: list[str]) -> bool:
    """Whether each word begins a word of `found` ("theme:sup" keeps "supply chains"), or is
    a typo of one ("theme:zonng" keeps "zoning"): a filter is typed as a search is, and its
    words were taken whole, so "sup" kept nothing while search found it, and a typo that
    search forgave showed "none matching the filter"."""
    return all(
        any(other.startswith(word) or _typo_of(word, other) for other in found) for word in words
    )


@lru_cache(maxsize=65536)
def _typo_of(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with a typo, as search forgives one (an English word typed
    is meant as written: "theme:rent" does not keep "rant")."""
    edits = allowed_edits(typed)
    if not edits or abs(len(typed) - len(word)) > edits or typed in english_words():
        return False
    if any(c.isdigit() for c in typed + word):
        return False  # "2019" is not "2018", nor "covid19" "covid20": numbers are meant
    return DamerauLevenshtein.distance(typed, word, score_cutoff=edits) <= edits


def parse_filter(text: str) -> TagFilter | None:
    """The filter `text` describes, or None for an empty one (show everything)."""
    query = parse_query(text)
    if query.empty:
        return None
    sources = tuple(words for field, words in query.filters if field == SOURCE)
    themes = tuple(words for field, words in query.filters if field == THEMES)
    blanks = query if query.reads_fields else None
    return TagFilter(
        text.strip(), sources, themes, query.terms, query.coders, query.not_coders, blanks
    )
