"""Command palette (ctrl+p) entries: open any article by typing part of its title."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.store import ArticleRecord


class ArticleCommands(Provider):
    """Offers "Open: <title>" for every article of the library."""

    def _records(self) -> list[ArticleRecord]:
        return [r for r in self.app.store.articles() if not r.missing]  # type: ignore[attr-defined]

    def _open(self, article_id: int) -> None:
        self.app.open_article(article_id)  # type: ignore[attr-defined]

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
