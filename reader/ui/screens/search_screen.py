"""The search screen: every annotation of every article, ranked as you type.

Each keystroke starts a search in a worker thread (a newer keystroke cancels the older one),
so typing never waits for results. Matched words are highlighted in the results. Enter opens
the article at the passage; escape goes back.
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
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.annotations.search import Hit, Results, SearchIndex, highlight_spans
from reader.core.text import clean_line, shorten
from reader.ui.styling import literal
from reader.ui.widgets.footer import ReaderFooter

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp

PAGE = 40  # results rendered at once; moving past the last loads the next page
EXCERPT = 220
MATCH_STYLE = "bold reverse"


def _marked(text: str, words: frozenset[str], style: str = "") -> Content:
    """`text` (literal) with the matched words highlighted."""
    content = Content.styled(text, style) if style else Content(text)
    for start, end in highlight_spans(text, words):
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def hit_prompt(hit: Hit, words: frozenset[str]) -> Content:
    """The lines that show one search result."""
    annotation = hit.annotation
    quote = clean_line(annotation.quote)
    if len(quote) > EXCERPT:
        quote = quote[: EXCERPT - 1].rstrip() + "…"
    head: list[Content | str] = [
        _marked(annotation.source, words, "bold")
        if annotation.source
        else Content.styled("no source", "dim italic")
    ]
    if annotation.themes:
        head += [
            Content.styled("  ·  ", "dim"),
            _marked(", ".join(annotation.themes), words, "italic"),
        ]
    head += [Content.styled("  ·  ", "dim"), _marked(hit.title, words, "dim")]
    lines: list[Content | str] = [*head, "\n", _marked(f"“{quote}”", words)]
    if annotation.note:
        lines += ["\n", _marked(f"✎ {clean_line(annotation.note)}", words, "dim")]
    return Content.assemble(*lines)


class ResultList(OptionList):
    """The ranked results."""


@dataclass(frozen=True)
class SearchOutcome:
    """How the search screen closed: the query typed, and the hit chosen (None: escape)."""

    query: str
    hit: Hit | None


class SearchScreen(Screen[SearchOutcome]):
    """Search every annotation; dismisses with the query and the chosen hit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("down", "move(1)", "Next result", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="search.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="search.page_up"),
        Binding("enter", "open", "Open", id="search.open"),
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
        self.last_query = query
        self.shown_query: str | None = None  # the query whose results are on screen

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search annotations"
            yield Input(
                self._initial,
                placeholder="search quotes, sources, themes, notes, titles · "
                'source:  theme:  article:  "quoted words"',
                id="search-input",
            )
            yield Static("", id="search-status")
            yield ResultList(id="search-results")
        yield ReaderFooter()

    def on_mount(self) -> None:
        field = self.query_one("#search-input", Input)
        field.focus()
        field.select_all()
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

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        index: SearchIndex = self._index_provider()
        if get_current_worker().is_cancelled:
            return
        results = index.search(query, limit=self._limit)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, results)

    def _show(self, query: str, results: Results) -> None:
        if query != self.last_query:
            return
        listing = self.query_one(ResultList)
        shown = len(self._hits) if query == self.shown_query else 0
        more = shown and len(results.hits) > shown and results.hits[:shown] == self._hits
        self._hits, self._words, self._total = results.hits, results.words, results.total
        if more:  # the next page of the same search: append it
            listing.add_options(self._options(shown))
        else:
            listing.set_options(self._options(0))
            if results.hits:
                listing.highlighted = 0
        self.query_one("#search-status", Static).update(self._status(query, results))
        self.shown_query = query

    def _options(self, start: int) -> list[Option | None]:
        options: list[Option | None] = []
        for number in range(start, len(self._hits)):
            if number:
                options.append(None)  # a separator line
            options.append(Option(hit_prompt(self._hits[number], self._words), id=str(number)))
        return options

    @on(OptionList.OptionHighlighted, "#search-results")
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None:
            return
        number = int(event.option.id)
        if number >= len(self._hits) - 5 and len(self._hits) < self._total:
            self._limit = len(self._hits) + PAGE
            self.run_search(self.last_query)

    def _status(self, query: str, results: Results) -> Content:
        if not results.total:
            if query.strip():
                return literal(f"No annotation matches “{query.strip()}”", "dim")
            return Content.styled("No annotations yet: tag a passage first", "dim")
        total = f"{results.total:,} annotation" + ("" if results.total == 1 else "s")
        label = " (newest first)" if not query.strip() else " (best first)"
        return Content.styled(f"{total}{label}", "dim")

    def action_move(self, step: int) -> None:
        listing = self.query_one(ResultList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_page(self, step: int) -> None:
        listing = self.query_one(ResultList)
        if step > 0:
            listing.action_page_down()
        else:
            listing.action_page_up()

    def action_export(self) -> None:
        """Export every annotation the query matches (not only the ones loaded so far)."""
        query = self.last_query
        hits = self._index_provider().search(query, limit=max(self._total, 1)).hits
        what = f"matching “{shorten(query.strip(), 48)}”" if query.strip() else "all"
        name = f"search {query}" if query.strip() else "all quotes"
        self.reader.export_annotations([hit.annotation for hit in hits], what, name, query)

    def action_copy_citation(self) -> None:
        option = self.query_one(ResultList).highlighted_option
        hit = self._hits[int(option.id)] if option is not None and option.id is not None else None
        self.reader.copy_citation(hit.annotation if hit else None)

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def action_open(self) -> None:
        listing = self.query_one(ResultList)
        option = listing.highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(SearchOutcome(self.last_query, self._hits[int(option.id)]))

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_back(self) -> None:
        self.dismiss(SearchOutcome(self.last_query, None))
