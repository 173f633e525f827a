"""What an export holds: the annotations a query selects, their articles and codebook.

The query is the search screen's syntax (`source:`, `theme:`, `article:`, free words); an
empty one selects every annotation. Annotations come in reading order: by article title,
then by position. Each article carries its text when its file can be read (the W3C and
REFI-QDA formats need it) and the address of the article: its web URL when it has one,
else its file's `file://` URI.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.codebook import name_key
from reader.core.records import Annotation, ArticleRecord, Source, Theme
from reader.core.text import clean_line
from reader.library.article_files import ArticleError
from reader.library.folder import Library
from reader.storage.database import Store


@dataclass(frozen=True)
class ExportArticle:
    """An article of an export: its record, its text (None if unreadable) and its address."""

    record: ArticleRecord
    text: str | None
    uri: str


@dataclass(frozen=True)
class Selection:
    """The annotations to export, in reading order, with their articles and codebook."""

    annotations: list[Annotation]
    articles: dict[int, ExportArticle]
    sources: list[Source] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    query: str = ""

    def article(self, annotation: Annotation) -> ExportArticle:
        return self.articles[annotation.article_id]


def select(store: Store, library: Library, query: str = "") -> Selection:
    """The annotations `query` finds (all of them for an empty query)."""
    if query.strip():
        from reader.annotations.search import SearchIndex  # (numpy: only for a query)

        index = SearchIndex.build(store)
        found = [hit.annotation for hit in index.search(query, limit=len(index) or 1).hits]
    else:
        found = store.annotations()
    # (the whole library's export carries the whole codebook, set-up codes no quote uses
    # yet too: a study's codebook goes to a teammate or a QDA tool with it)
    return selection_of(store, library, found, query, whole_codebook=not query.strip())


def selection_of(
    store: Store,
    library: Library,
    annotations: Sequence[Annotation],
    query: str = "",
    *,
    with_text: bool = True,
    whole_codebook: bool = False,
) -> Selection:
    """A selection of the given annotations (the open article's, say, or search results);
    `with_text=False` skips reading the articles' files (a citation needs none). Its
    codebook is the entries the annotations use, or every entry (`whole_codebook`)."""
    articles: dict[int, ExportArticle] = {}
    texts: dict[tuple[str, bool], str | None] = {}  # records naming one file share its text
    for annotation in annotations:
        if annotation.article_id not in articles:
            record = store.article(annotation.article_id)
            if record is None:
                continue
            text = None
            if with_text:
                file = (record.path, record.missing)
                if file not in texts:
                    texts[file] = _text(library, record)
                text = texts[file]
            articles[record.id] = ExportArticle(record, text, _uri(library, record))
    kept = [a for a in annotations if a.article_id in articles]
    kept.sort(key=lambda a: (articles[a.article_id].record.title.casefold(), a.article_id, a.start))
    used_sources = {name_key(a.source) for a in kept if a.source}
    used_themes = {name_key(t) for a in kept for t in a.themes}
    return Selection(
        annotations=kept,
        articles=articles,
        sources=[s for s in store.sources() if whole_codebook or name_key(s.name) in used_sources],
        themes=[t for t in store.themes() if whole_codebook or name_key(t.name) in used_themes],
        query=query,
    )


def _text(library: Library, record: ArticleRecord) -> str | None:
    if record.missing:
        return None  # (its file is gone: nothing at its path is the text annotated)
    try:
        return library.load(record).text
    except ArticleError:
        return None


_WEB_ADDRESS = re.compile(r"https?://[^/?#\s]", re.IGNORECASE)


def _uri(library: Library, record: ArticleRecord) -> str:
    url = clean_line(record.url or "").replace(" ", "%20")  # (no escape sequence, no blank)
    if _WEB_ADDRESS.match(url):  # (a front matter's "javascript:…" is no article's address:
        return url  # the Markdown draft, pasted into a CMS, had made it a live link)
    try:
        return library.path_of(record).resolve().as_uri()
    except ArticleError:  # (a path that leads outside the library names no file of it)
        return f"urn:reader:article:{record.id}"
