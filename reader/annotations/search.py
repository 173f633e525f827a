"""Search over every annotation: the query syntax and the fuzzy, ranked index.

Query syntax: free words, and field filters `source:`, `theme:`, `article:` (also `note:`,
`quote:`) whose value is one word or a quoted phrase (`source:"Doug King"`). Every word must
match (AND); filter words must match in their field, free words in any field. `theme:` also
matches nested themes (`theme:policing` finds `policing/oversight`).

How a word matches (rapidfuzz over the vocabulary of distinct words, never over whole
annotations): exactly (100), as the beginning of a longer word (what you are still typing:
70 to 95 by how much of it you typed), or with typos (`fuzz.ratio` of 75 or more, scaled to
at most 90), for words of four letters or more. An annotation's score is the mean, over
the query's words, of the best match in its fields, each field weighted: source and themes
1.0, quote 0.9, note 0.85, article title 0.75. Ties go to the newer annotation.

Cost: the index holds, per distinct word, a compact array of (annotation, field) entries,
so a keystroke costs a few vocabulary look-ups and numpy work proportional to the number of
entries of the matched words, not to the number or length of annotations.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from reader.core.collector import collector_paused
from reader.core.records import Annotation, ArticleRecord, Change
from reader.storage.database import Store

QUOTE, NOTE, SOURCE, THEMES = 0, 1, 2, 3
TITLE = 4
FIELD_WEIGHTS = np.array([0.9, 0.85, 1.0, 1.0], dtype=np.float32)
TITLE_WEIGHT = np.float32(0.75)
FILTER_FIELDS = {
    "source": SOURCE,
    "theme": THEMES,
    "themes": THEMES,
    "article": TITLE,
    "title": TITLE,
    "note": NOTE,
    "quote": QUOTE,
}
MAX_EXPANSIONS = 64
FUZZY_CUTOFF = 75.0
MIN_FUZZY_LENGTH = 4

_TOKEN = re.compile(r"\w+")
_QUERY_PART = re.compile(r'(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


# --- words -----------------------------------------------------------------------------------


def fold_text(value: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a string."""
    value = value.casefold().replace("'", "").replace("’", "")
    if value.isascii():
        return value
    return _COMBINING.sub("", unicodedata.normalize("NFKD", value))


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def tokens(value: str) -> list[str]:
    """The folded words of a string, in order."""
    return _TOKEN.findall(fold_text(value))


_DISPLAY_WORD = re.compile(r"\w+(?:['’]\w+)*")


def highlight_spans(value: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of `value` whose folded word is in `words` (for showing matches)."""
    if not words:
        return []
    spans = []
    for match in _DISPLAY_WORD.finditer(value):
        if fold_text(match.group()) in words:
            spans.append((match.start(), match.end()))
    return spans


# --- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """A parsed query: free words and (field, words) filters, all folded."""

    terms: tuple[str, ...] = ()
    filters: tuple[tuple[int, tuple[str, ...]], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.terms and not self.filters


def parse_query(text: str) -> Query:
    """Parse the search syntax described in the module docstring."""
    terms: list[str] = []
    filters: list[tuple[int, tuple[str, ...]]] = []
    for match in _QUERY_PART.finditer(text):
        name, quoted, bare = match.group(1), match.group(2), match.group(3)
        value = quoted if quoted is not None else (bare or "")
        field = FILTER_FIELDS.get(name.casefold()) if name else None
        if name and field is None:
            value = f"{name} {value}"  # not a field we know: plain words
        found = tuple(tokens(value))
        if field is None:
            terms.extend(found)
        elif found:
            filters.append((field, found))
    return Query(tuple(terms), tuple(filters))


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One ranked result."""

    annotation: Annotation
    score: float
    title: str


@dataclass(frozen=True)
class Results:
    """The best hits of a search, how many matched in all, and the words that matched."""

    hits: list[Hit]
    total: int
    words: frozenset[str]


# --- the index -------------------------------------------------------------------------------


class _Vocabulary:
    """Distinct words with their postings, and what fuzzy and prefix look-ups need."""

    def __init__(self) -> None:
        self.postings: dict[str, array] = {}
        self._sorted: list[str] | None = None
        self._by_length: dict[int, list[str]] | None = None

    def add(self, word: str, entry: int) -> None:
        postings = self.postings.get(word)
        if postings is None:
            self.postings[word] = array("i", (entry,))
            self._sorted = self._by_length = None
        else:
            postings.append(entry)

    def expand(self, term: str) -> list[tuple[str, float]]:
        """Words that `term` matches, with a similarity from 0 to 100."""
        matches: dict[str, float] = {}
        if term in self.postings:
            matches[term] = 100.0
        if self._sorted is None:
            self._sorted = sorted(self.postings)
        start = bisect_left(self._sorted, term)
        prefixed = []
        for word in self._sorted[start:]:
            if not word.startswith(term):
                break
            if word != term:
                prefixed.append(word)
        if len(prefixed) > MAX_EXPANSIONS:
            prefixed.sort(key=lambda w: -len(self.postings[w]))
            prefixed = prefixed[:MAX_EXPANSIONS]
        for word in prefixed:
            matches[word] = 70.0 + 25.0 * len(term) / len(word)
        if len(term) >= MIN_FUZZY_LENGTH:
            for word, score, _ in process.extract(
                term,
                self._candidates(len(term)),
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=MAX_EXPANSIONS,
            ):
                similarity = 90.0 * score / 100.0
                if similarity > matches.get(word, 0.0):
                    matches[word] = similarity
        return list(matches.items())

    def _candidates(self, length: int) -> list[str]:
        if self._by_length is None:
            by_length: dict[int, list[str]] = {}
            for word in self.postings:
                by_length.setdefault(len(word), []).append(word)
            self._by_length = by_length
        low, high = int(length * 0.6), int(length / 0.6) + 1
        words: list[str] = []
        for size in range(low, high + 1):
            words.extend(self._by_length.get(size, ()))
        return words


class SearchIndex:
    """An in-memory index of every annotation, kept current by the store's change events."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._docs: list[Annotation | None] = []
        self._doc_of: dict[str, int] = {}
        self._doc_article = array("i")
        self._alive = bytearray()
        self._vocab = _Vocabulary()
        self._title_vocab = _Vocabulary()
        self._titles: dict[int, str] = {}
        self._generation = 0
        self._removed_while_building: set[str] | None = None

    @classmethod
    def build(cls, store: Store) -> SearchIndex:
        """An index of everything in `store`, subscribed to its changes.

        Lock order: the store's snapshot is taken before the index's own lock, never inside
        it (the store calls `apply` while holding its lock). Subscribing first means a change
        made meanwhile is applied after the build, and applying it twice does no harm.
        """
        index = cls()
        index._removed_while_building = set()
        store.subscribe(index.apply)
        records = store.articles()
        annotations = sorted(store.annotations(), key=lambda a: a.updated)
        with index._lock, collector_paused(freeze=True):
            removed = index._removed_while_building
            index._removed_while_building = None
            for record in records:
                index._set_title(record)
            for annotation in annotations:
                # Newer than the snapshot: already applied (or deleted) by a change event.
                if annotation.id not in index._doc_of and annotation.id not in removed:
                    index._add(annotation)
        return index

    def __len__(self) -> int:
        return len(self._doc_of)

    # --- keeping current ---
    def apply(self, change: Change) -> None:
        """Apply one store change (a store listener)."""
        with self._lock:
            for record in change.articles:
                self._set_title(record)
            for annotation in change.removed:
                self._remove(annotation.id)
                if self._removed_while_building is not None:
                    self._removed_while_building.add(annotation.id)
            for annotation in change.added:
                self._add(annotation)
                if self._removed_while_building is not None:
                    self._removed_while_building.discard(annotation.id)
            self._generation += 1
            self._expand.cache_clear()

    def _set_title(self, record: ArticleRecord) -> None:
        if self._titles.get(record.id) == record.title:
            return
        self._titles[record.id] = record.title
        # Titles change rarely: a new title vocabulary is cheap (one entry per article).
        vocab = _Vocabulary()
        for article_id, title in self._titles.items():
            for word in set(tokens(title)):
                vocab.add(word, article_id)
        self._title_vocab = vocab

    def _add(self, annotation: Annotation) -> None:
        if annotation.id in self._doc_of:
            self._remove(annotation.id)
        doc = len(self._docs)
        self._docs.append(annotation)
        self._doc_of[annotation.id] = doc
        self._doc_article.append(annotation.article_id)
        self._alive.append(1)
        # Lower-weighted fields first: a word's best field for a document comes last.
        vocab = self._vocab
        postings = vocab.postings
        entry = doc << 3
        for field, value in (
            (NOTE, annotation.note),
            (QUOTE, annotation.quote),
            (THEMES, " ".join(annotation.themes)),
            (SOURCE, annotation.source or ""),
        ):
            for word in set(tokens(value)):
                found = postings.get(word)
                if found is None:
                    vocab.add(word, entry | field)
                else:
                    found.append(entry | field)

    def _remove(self, annotation_id: str) -> None:
        doc = self._doc_of.pop(annotation_id, None)
        if doc is not None:
            self._docs[doc] = None
            self._alive[doc] = 0

    # --- searching ---
    def search(self, text: str | Query, limit: int = 200) -> Results:
        """The best `limit` annotations for a query, ranked as the module docstring says."""
        query = parse_query(text) if isinstance(text, str) else text
        with self._lock:
            count = len(self._docs)
            alive = np.frombuffer(self._alive, dtype=np.uint8).astype(bool) if count else None
            if count == 0 or alive is None:
                return Results([], 0, frozenset())
            if query.empty:
                return self._everything(alive, limit)
            matched_words: set[str] = set()
            total = np.zeros(count, dtype=np.float32)
            required = alive.copy()
            parts = 0
            for term in query.terms:
                scores = self._term_scores(term, None, count, matched_words)
                required &= scores > 0
                total += scores
                parts += 1
            for field, words in query.filters:
                for word in words:
                    scores = self._term_scores(word, field, count, matched_words)
                    required &= scores > 0
                    total += scores
                    parts += 1
            total = np.where(required, total / parts, 0.0)
            found = np.flatnonzero(total)
            hits = self._ranked(found, total, limit)
            return Results(hits, int(found.size), frozenset(matched_words))

    def _everything(self, alive: np.ndarray, limit: int) -> Results:
        docs = np.flatnonzero(alive)[::-1][:limit]
        hits = [self._hit(int(doc), 0.0) for doc in docs]
        return Results(hits, int(alive.sum()), frozenset())

    def _ranked(self, found: np.ndarray, total: np.ndarray, limit: int) -> list[Hit]:
        if found.size > limit:
            top = np.argpartition(-total[found], limit - 1)[:limit]
            found = found[top]
        order = np.lexsort((-found, -total[found]))
        return [self._hit(int(doc), float(total[doc])) for doc in found[order]]

    def _hit(self, doc: int, score: float) -> Hit:
        annotation = self._docs[doc]
        assert annotation is not None
        return Hit(annotation, round(score, 1), self._titles.get(annotation.article_id, ""))

    def _term_scores(
        self, term: str, field: int | None, count: int, matched: set[str]
    ) -> np.ndarray:
        scores = np.zeros(count, dtype=np.float32)
        if field != TITLE:
            for word, similarity in self._expand(term, False):
                entries = np.frombuffer(self._vocab.postings[word], dtype=np.int32)
                docs = entries >> 3
                if field is None:
                    weights = np.float32(similarity) * FIELD_WEIGHTS[entries & 7]
                else:
                    docs = docs[(entries & 7) == field]
                    weights = np.float32(similarity)
                if docs.size:
                    np.maximum.at(scores, docs, weights)
                    matched.add(word)
        if field is None or field == TITLE:
            by_article = self._title_scores(term, matched)
            if by_article is not None:
                doc_articles = np.frombuffer(self._doc_article, dtype=np.int32)
                weight = TITLE_WEIGHT if field is None else np.float32(1.0)
                np.maximum(scores, by_article[doc_articles] * weight, out=scores)
        return scores

    def _title_scores(self, term: str, matched: set[str]) -> np.ndarray | None:
        expansions = self._expand(term, True)
        if not expansions:
            return None
        by_article = np.zeros(max(self._titles, default=0) + 1, dtype=np.float32)
        for word, similarity in expansions:
            articles = np.frombuffer(self._title_vocab.postings[word], dtype=np.int32)
            np.maximum.at(by_article, articles, np.float32(similarity))
            matched.add(word)
        return by_article

    @lru_cache(maxsize=4096)  # noqa: B019 - cleared on every change; one index per app
    def _expand(self, term: str, title: bool) -> list[tuple[str, float]]:
        return (self._title_vocab if title else self._vocab).expand(term)


def search_store(store: Store, query: str, limit: int = 200) -> Results:
    """One-off search (for the command line): build the index and query it."""
    return SearchIndex.build(store).search(query, limit)


def hits_as_json(hits: Iterable[Hit], paths: dict[int, str]) -> list[dict[str, object]]:
    """The stable JSON shape of search results (`reader search --json`)."""
    return [
        {
            "id": hit.annotation.id,
            "article": paths.get(hit.annotation.article_id, ""),
            "title": hit.title,
            "quote": hit.annotation.quote,
            "source": hit.annotation.source,
            "themes": list(hit.annotation.themes),
            "note": hit.annotation.note,
            "start": hit.annotation.start,
            "end": hit.annotation.end,
            "score": hit.score,
        }
        for hit in hits
    ]
