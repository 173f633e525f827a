"""Command palette (ctrl+p) entries: open any article by typing part of its title."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.core.records import ArticleRecord

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class ArticleCommands(Provider):
    """Offers "Open: <title>" for every article of the library."""

    @property
    def _reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def _records(self) -> list[ArticleRecord]:
        return [r for r in self._reader.store.articles() if not r.missing]

    def _open(self, article_id: int) -> None:
        self._reader.open_article(article_id)

    async def discover(self) -> Hits:
        for record in self._records():
            yield DiscoveryHit(f"Open: {record.title}", partial(self._open, record.id))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for record in self._records():
            label = f"Open: {record.title}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._open, record.id))
