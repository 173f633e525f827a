"""The search screen: every annotation of every article, ranked as you type.

Each keystroke starts a search in a worker thread (a newer keystroke cancels the older one),
so typing never waits for results; the last word is a beginning while it is typed. The
results list draws only the rows on screen, so results are painted within a frame of the
search. Matched words are highlighted. ctrl+o orders by relevance, date tagged or article
date; ctrl+g groups the results by article. Enter opens the article at the passage; escape
goes back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from reader.annotations.query import field_hint, unsearchable_hint
from reader.annotations.search import Hit, Results, SearchIndex, by_article
from reader.core.text import shorten
from reader.core.wording import plural
from reader.ui.styling import literal
from reader.ui.threads import answer_from_thread
from reader.ui.type_ahead import TypeAhead
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.hit_list import HitList
from reader.ui.widgets.query_input import QueryInput

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

PAGE = 200  # results fetched at once; nearing the last fetches more
SORT_LABELS = {
    "relevance": "best first",
    "newest": "newest tagged first",
    "published": "newest article first",
}


@dataclass(frozen=True)
class SearchOutcome:
    """How the search screen closed: the query typed, and the hit chosen (None: escape)."""

    query: str
    hit: Hit | None


class SearchScreen(TypeAhead, Screen[SearchOutcome]):
    """Search every annotation; dismisses with the query and the chosen hit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("down", "move(1)", "Next result", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="search.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="search.page_up"),
        # (over the input's own enter, so the footer shows what enter does here)
        Binding("enter", "open", "Open", id="search.open", priority=True),
        Binding("ctrl+o", "sort", "Order", id="search.sort"),
        Binding("ctrl+g", "group", "Group by article", id="search.group"),
        Binding("ctrl+s", "export", "Export results", id="search.export"),
        Binding("ctrl+y", "copy_citation", "Copy citation", id="search.copy"),
    ]

    def __init__(self, index_provider: Callable[[], SearchIndex], query: str = "") -> None:
        super().__init__()
        self._index_provider = index_provider
        self._initial = query
        self._hits: list[Hit] = []
        self._words: frozenset[str] = frozenset()
        self._total = 0
        self._limit = PAGE
        self.sort = "relevance"
        self.grouped = False
        self.last_query = query
        self.shown_query: str | None = None  # the query whose results are on screen

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search annotations"
            yield QueryInput(
                self._initial,
                placeholder="search quotes, sources, themes, notes, titles · "
                'source:  theme:  article:  "quoted words"',
                id="search-input",
            )
            yield Static("", id="search-status")
            yield HitList(id="search-results")
        yield ReaderFooter()

    def on_mount(self) -> None:
        field = self.query_one("#search-input", Input)
        field.focus()
        field.select_all()
        self.fill_typed_ahead(field, replacing=True)  # (the last query is shown selected)
        self.run_search(field.value)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.last_query = event.value
        self._limit = PAGE
        self.run_search(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    @work(thread=True, exclusive=True, group="search", description="search")
    def run_search(self, query: str) -> None:
        index: SearchIndex = self._index_provider()
        if get_current_worker().is_cancelled:
            return
        results = index.search(query, limit=self._limit, typing=True, sort=self.sort)
        if not get_current_worker().is_cancelled:
            answer_from_thread(self, self._show, query, results)

    def _show(self, query: str, results: Results) -> None:
        if query != self.last_query:
            return
        listing = self.query_one(HitList)
        hits = by_article(results.hits) if self.grouped else results.hits
        more = query == self.shown_query and len(hits) > len(self._hits)
        self._hits, self._words, self._total = hits, results.words, results.total
        listing.show(hits, results.words, keep=more)
        self.query_one("#search-status", Static).update(self._status(query, results), layout=False)
        self.shown_query = query

    @on(HitList.Highlighted)
    def _near_the_end(self, event: HitList.Highlighted) -> None:
        if event.index >= len(self._hits) - 10 and len(self._hits) < self._total:
            self._limit = len(self._hits) + PAGE
            self.run_search(self.last_query)

    def _status(self, query: str, results: Results) -> Content:
        if not results.total:
            if query.strip():
                # (one line: the fields list was cut)
                hint = field_hint(query, short=True) or unsearchable_hint(query)
                said = f"No annotation matches “{query.strip()}”" + (f" · {hint}" if hint else "")
                return literal(said, "dim")
            return Content.styled("No annotations yet: tag a passage first", "dim")
        total = plural(results.total, "annotation", digits=",")
        order = SORT_LABELS[self.sort] if query.strip() else "newest first"
        grouped = ", by article" if self.grouped else ""
        return Content.styled(f"{total} ({order}{grouped}) · ctrl+o order · ctrl+g group", "dim")

    def action_sort(self) -> None:
        names = list(SORT_LABELS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        self.run_search(self.last_query)

    def action_group(self) -> None:
        self.grouped = not self.grouped
        self.run_search(self.last_query)

    def action_move(self, step: int) -> None:
        self.query_one(HitList).action_move(step)

    def action_page(self, step: int) -> None:
        self.query_one(HitList).page(step)

    def action_export(self) -> None:
        """Export every annotation the query matches (not only the ones loaded so far), as
        the screen lists them (read as typed: the last word a beginning, until a space)."""
        query = self.last_query
        found = self._index_provider().search(
            query, limit=max(self._total, 1), typing=True, sort=self.sort
        )
        hits = found.hits
        what = f"matching “{shorten(query.strip(), 48)}”" if query.strip() else "all"
        name = f"search {query}" if query.strip() else "all quotes"
        self.reader.export_annotations([hit.annotation for hit in hits], what, name, query)

    def action_copy_citation(self) -> None:
        hit = self.query_one(HitList).current
        self.reader.copy_citation(hit.annotation if hit else None)

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def action_open(self) -> None:
        hit = self.query_one(HitList).current
        if hit is not None:
            self.dismiss(SearchOutcome(self.last_query, hit))

    @on(HitList.Chosen)
    def _clicked(self, event: HitList.Chosen) -> None:
        event.stop()
        self.action_open()

    def action_back(self) -> None:
        self.dismiss(SearchOutcome(self.last_query, None))
