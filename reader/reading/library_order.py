"""The library pane's order and filter: plain functions over article records.

Sorting by title, by date added or published (newest first, unknown dates last) or by
number of annotations (most first); filtering keeps the articles whose title, site, author
or file name hold every word typed, forgiving case, accents and a typo or two ("warhl"
finds "Warhol"): each typed word matches a word that starts with it, or a word near it
(one edit in a word of up to five letters, two in a longer one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from reader.core.records import ArticleRecord

SORTS: dict[str, str] = {
    "title": "title",
    "added": "newest added",
    "published": "newest published",
    "annotations": "most annotated",
}


def arrange(
    records: Iterable[ArticleRecord], counts: Mapping[int, int], sort_by: str, query: str = ""
) -> list[ArticleRecord]:
    """The records to list, filtered by `query` and ordered by `sort_by` (a key of SORTS);
    missing files always come last."""
    words = query.casefold().split()
    kept = [r for r in records if all(_matches(word, _haystack(r)) for word in words)]
    kept.sort(key=lambda r: r.title.casefold())
    if sort_by == "added":
        kept.sort(key=lambda r: r.added or "", reverse=True)
    elif sort_by == "published":
        kept.sort(key=lambda r: (bool(r.published), r.published or ""), reverse=True)
    elif sort_by == "annotations":
        kept.sort(key=lambda r: counts.get(r.id, 0), reverse=True)
    kept.sort(key=lambda r: r.missing)  # stable: the order above within each group
    return kept


def next_sort(sort_by: str) -> str:
    names = list(SORTS)
    return names[(names.index(sort_by) + 1) % len(names)] if sort_by in SORTS else names[0]


def _haystack(record: ArticleRecord) -> str:
    parts = (record.title, record.site or "", record.author or "", record.path)
    return " ".join(parts).casefold()


def _matches(word: str, haystack: str) -> bool:
    """`word` is in the text, or begins one of its words, or is a word of it with a typo."""
    if word in haystack:
        return True
    from rapidfuzz.distance import Levenshtein  # loaded when the filter is first typed

    allowed = 1 if len(word) <= 5 else 2
    if len(word) < 3:
        return False
    for candidate in _WORDS.findall(haystack):
        prefix = candidate[: len(word) + 1]
        if Levenshtein.distance(word, prefix, score_cutoff=allowed) <= allowed or (
            Levenshtein.distance(word, candidate, score_cutoff=allowed) <= allowed
        ):
            return True
    return False


_WORDS = re.compile(r"\w+")
