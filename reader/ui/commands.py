"""Command palette (ctrl+p) entries: open any article by typing part of its title."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from reader.core.records import ArticleRecord
from reader.core.text import printable
from reader.ui.styling import literal

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class ArticleCommands(Provider):
    """Offers "Open: <title>" for every article of the library."""

    @property
    def _reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def _records(self) -> list[ArticleRecord]:
        return [r for r in self._reader.store.articles() if not r.missing]

    def _labels(self) -> list[tuple[ArticleRecord, str]]:
        """Each article's entry; two articles of one title are told apart by their files."""
        records = self._records()
        titles = Counter(printable(r.title) for r in records)
        return [
            (
                r,
                f"Open: {printable(r.title)}"
                + (f" ({printable(r.path)})" if titles[printable(r.title)] > 1 else ""),
            )
            for r in records
        ]

    def _open(self, article_id: int) -> None:
        self._reader.open_article(article_id)

    async def discover(self) -> Hits:
        for record, label in self._labels():
            yield DiscoveryHit(literal(label), partial(self._open, record.id), text=label)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for record, label in self._labels():
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score, _highlighted(matcher, label), partial(self._open, record.id), text=label
                )


def _highlighted(matcher: Matcher, label: str) -> Content:
    """The label with the matched letters marked, as text (Textual's own `highlight` reads
    the label as markup, which an article title must never be)."""
    content = literal(label)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, label)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content
