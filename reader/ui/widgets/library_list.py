"""The library pane: every article with its title, site, date and number of annotations.

`LibraryPane` holds a filter line (hidden until `f`) above the `LibraryList`; `o` cycles the
order (title, newest added, newest published, most annotated), `V` the view (all, unread,
by feed, archive). An unread article is marked `●` and its title is bold in the accent
colour; `m` marks the highlighted article read or unread, `e` archives it (or brings it
back). The order, the filter and the views are `reader.reading`'s plain functions
(`library_order`, `library_views`); the marks are the screen's to save.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content, Span
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.core.records import ArticleRecord
from reader.core.text import clean_line, shorten, shown_name
from reader.core.wording import plural
from reader.reading.library_order import SORTS, arrange, next_sort
from reader.reading.library_views import VIEWS, by_feed, in_view, next_view, unread_count
from reader.ui.styling import literal
from reader.ui.widgets.option_updates import MeasuredContent, prompt_width, redraw, same_lines
from reader.ui.widgets.ordered_input import OrderedInput


class LibraryList(OptionList):
    """Lists the articles; enter opens one, `f` filters, `o` changes the order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("g", "first", "First", show=False, id="library.first"),
        Binding("G", "last", "Last", show=False, id="library.last"),
        Binding("enter", "select", "Open", id="library.open"),
        Binding("f", "filter", "Filter", id="library.filter"),
        Binding("o", "sort", "Sort", id="library.sort"),
        Binding("V", "view", "View", tooltip="all, unread, by feed, archive", id="library.view"),
        Binding("m", "toggle_read", "Read/unread", id="library.read"),
        Binding("e", "archive", "Archive", id="library.archive"),
    ]

    @dataclass
    class ArticleChosen(Message):
        """The user chose an article to read."""

        article_id: int

    class FilterWanted(Message):
        """The user wants to type a filter (`f`)."""

    @dataclass
    class ReadToggled(Message):
        """Mark this article read if unread, else unread (`m`)."""

        article_id: int

    @dataclass
    class ViewChanged(Message):
        """The list shows another view (`V`): "By feed" names the feeds as followed now."""

        view: str

    @dataclass
    class ArchiveToggled(Message):
        """Archive this article, or bring it back from the archive (`e`)."""

        article_id: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.sort_by = "title"
        self._sort_chosen = False  # `o` chose the order (else the view chooses it)
        self.view = "all"
        self.feed_names: dict[str, str] = {}  # followed feed address -> its name
        self.query_text = ""
        self._records: list[ArticleRecord] = []
        self._counts: Mapping[int, int] = {}
        self._current: int | None = None
        self.filtering = False  # the counts are of the annotations a filter (F) keeps
        self.filled = False  # listed once (`show_articles`)
        self.reading = True  # the folder's first scan is under way (the screen says when over)

    @property
    def shown(self) -> list[ArticleRecord]:
        """The articles listed now, in their order."""
        listed = in_view(self._records, self.view, self._current)
        shown = arrange(listed, self._counts, self.sort_by, self.query_text)
        if self.view == "feeds":
            return [r for _name, _unread, group in by_feed(shown, self.feed_names) for r in group]
        return shown

    def show_articles(
        self,
        records: list[ArticleRecord],
        counts: Mapping[int, int],
        current: int | None,
        filtering: bool = False,
    ) -> None:
        """Show `records` (filtered and ordered); keep the highlight on `current`.
        `filtering`: the counts are of the annotations a filter keeps (said so)."""
        self._records, self._counts, self._current = list(records), counts, current
        self.filtering = filtering
        self.filled = True
        self._show(step_on=True)

    def show_counts(self, counts: Mapping[int, int]) -> None:
        """Every article's count anew (the annotations arrived after the first frame): only
        the entries whose count changed are drawn again, unless the order follows counts."""
        if self.sort_by == "annotations":
            self._counts = counts
            self._show()
            return
        old = self._counts
        self.update_articles(
            [
                (r, counts.get(r.id, 0))
                for r in self._records
                if counts.get(r.id, 0) != old.get(r.id, 0)
            ]
        )

    def show_current(self, current: int) -> bool:
        """The open article is now `current`; False when it is not among the records given
        (the caller lists them again). The entries are laid out again only when the view
        changes with it (the open article is listed in any view)."""
        if not any(r.id == current for r in self._records):
            return False
        before = [r.id for r in in_view(self._records, self.view, self._current)]
        self._current = current
        if [r.id for r in in_view(self._records, self.view, current)] != before:
            self._show(step_on=True)
        return True

    def _show(self, step_on: bool = False) -> None:
        """List the articles; the highlight stays on its article, else (`step_on`: the
        article left the view, read or archived) on the entry that took its place, else
        on the open article or the first one."""
        shown = self.shown
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        was_at = self.highlighted
        options: list[Option | None] = []
        groups = by_feed(shown, self.feed_names) if self.view == "feeds" else [("", 0, shown)]
        for name, unread, group in groups:
            if name:
                if options:
                    options.append(None)
                heading = f"{name} · {unread} unread" if unread else name
                options.append(Option(literal(heading, "bold $accent"), disabled=True))
            for record in group:
                if options:
                    options.append(None)  # a separator line
                options.append(
                    ArticleOption(
                        record, self._counts.get(record.id, 0), self._aside(record), self.filtering
                    )
                )
        if not options:
            options = [Option(Content.styled(self._empty_text(), "dim"), disabled=True)]
        width = self.scrollable_content_region.width
        self.set_options(options)
        self.call_after_refresh(self._wrap_again_if_narrower, width)
        ids = {f"a{r.id}" for r in shown}
        if highlighted in ids:
            self.highlighted = self.get_option_index(highlighted)
        elif not (step_on and highlighted and was_at is not None and self._steps_on(was_at)):
            self._highlight_current_or_first(ids)
        # The count is of the view's own articles: the open one is listed in any view.
        counted = sum(1 for r in in_view(shown, self.view) if r.id != self._current) + (
            self._current is not None
            and any(r.id == self._current for r in in_view(shown, self.view))
        )
        self.post_message(
            LibraryPane.Arranged(int(counted), len(self._records), unread_count(self._records))
        )

    def _aside(self, record: ArticleRecord) -> str:
        """What an entry listed only because it is open says: in the archive an open
        article that is not archived looked archived, in the unread view a read one
        unread."""
        if record.id != self._current or in_view([record], self.view):
            return ""
        return "open now, not archived" if self.view == "archive" else "open now, read"

    def scroll_to_highlight(self, top: bool = False) -> None:
        """The highlighted entry in view, and the heading of its feed above it when it is
        its group's first (Home and k never reached a heading, which takes no highlight)."""
        super().scroll_to_highlight(top)
        at = self.highlighted
        if at is None or at == 0 or not self.is_mounted:
            return
        if not self.get_option_at_index(at - 1).disabled:
            return
        lines, heights = self._index_to_line, self._heights  # (OptionList's own layout)
        if at - 1 not in lines or at not in lines:
            return
        top_line = lines[at - 1]
        bottom = lines[at] + heights.get(at, 1)
        width = self.scrollable_content_region.width
        self.scroll_to_region(
            Region(0, top_line, width, bottom - top_line), animate=False, immediate=True
        )

    def _steps_on(self, index: int) -> bool:
        """Highlight the entry now at `index` (or the last), skipping headings; False if
        there is none."""
        count = self.option_count
        for at in [*range(min(index, count - 1), count), *range(min(index, count) - 1, -1, -1)]:
            if at >= 0 and not self.get_option_at_index(at).disabled:
                self.highlighted = at
                return True
        return False

    def _highlight_current_or_first(self, ids: set[str]) -> None:
        if self._current is not None and f"a{self._current}" in ids:
            self.highlighted = self.get_option_index(f"a{self._current}")
        elif self.shown:  # the filter hid the highlighted one: its first match
            self.highlighted = self.get_option_index(f"a{self.shown[0].id}")

    def _wrap_again_if_narrower(self, width: int) -> None:
        """Textual's OptionList measures its entries before a scroll bar they bring
        appears; wrapped one column narrower, an entry then lost its separator line."""
        if self.scrollable_content_region.width != width:
            self._clear_caches()
            self.refresh(layout=True)

    def _empty_text(self) -> str:
        if not self._records:
            return "Reading the library…" if self.reading else "No articles in this folder yet"
        if self.query_text:
            return "No article matches the filter"
        return {
            "unread": "Nothing unread: R fetches what the feeds published",
            "archive": "Nothing archived: e archives an article",
        }.get(self.view, "Every article is archived: V shows the archive")

    def set_query(self, text: str) -> None:
        self.query_text = text
        self._show()

    def action_sort(self) -> None:
        self.sort_by = next_sort(self.sort_by)
        self._sort_chosen = True
        self._show()  # the pane's subtitle says the order

    def action_view(self) -> None:
        """The next view: all, unread, by feed, archive. By feed, each feed's newest
        first, as feed readers list them, unless `o` chose an order (the title order had
        put a feed's new stories anywhere in it, a journalist's finding)."""
        self.view = next_view(self.view)
        if not self._sort_chosen:
            self.sort_by = "published" if self.view == "feeds" else "title"
        self._show()  # the pane's title says the view
        self.post_message(self.ViewChanged(self.view))

    def set_feed_names(self, names: dict[str, str]) -> None:
        """The followed feeds' names (address -> name), listed again when they changed
        and the list groups by feed."""
        if names != self.feed_names:
            self.feed_names = names
            if self.view == "feeds":
                self._show()

    def action_filter(self) -> None:
        self.post_message(self.FilterWanted())

    @property
    def highlighted_article(self) -> int | None:
        option = self.highlighted_option
        return int(option.id[1:]) if option is not None and option.id else None

    def action_toggle_read(self) -> None:
        if (article_id := self.highlighted_article) is not None:
            self.post_message(self.ReadToggled(article_id))

    def action_archive(self) -> None:
        if (article_id := self.highlighted_article) is not None:
            self.post_message(self.ArchiveToggled(article_id))

    def update_article(self, record: ArticleRecord, count: int) -> None:
        """Refresh one article's entry (its count changed), leaving the rest alone."""
        self.update_articles([(record, count)])

    def update_articles(self, changed: list[tuple[ArticleRecord, int]]) -> None:
        """Refresh these articles' entries (their counts changed), leaving the rest alone.

        Textual's `replace_option_prompt` lays out every entry again after each change (a
        batch of 1,000 annotations over 300 articles took the UI 100 ms, then 250 ms with
        the wrap measured per entry); an entry that surely keeps its number of lines (a
        new count) only needs drawing again, and all of them are drawn once."""
        self._counts = {**self._counts, **{record.id: count for record, count in changed}}
        width = prompt_width(self)
        relayout = False
        options: set[Option] = set()
        for record, count in changed:
            try:
                option = self.get_option(f"a{record.id}")
            except OptionDoesNotExist:
                continue
            if not isinstance(option, ArticleOption):
                continue
            old = option.lines
            option.show(record, count)  # its prompt is made again when it is next drawn
            options.add(option)
            relayout = relayout or not same_lines(old, option.lines, width, self)
        if relayout:
            self._clear_caches()  # Textual's own way: everything laid out again
            self.refresh()
        else:
            redraw(self, options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ArticleChosen(int(event.option.id[1:])))


class LibraryPane(Vertical):
    """The library pane: a filter line (shown by `f`, hidden by escape) over the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear"),
    ]

    @dataclass
    class Arranged(Message):
        """The list now shows `shown` of `total` articles, `unread` of them unread."""

        shown: int
        total: int
        unread: int = 0

    progress = ""  # what a refresh of the feeds is doing, shown under the list

    def compose(self) -> ComposeResult:
        yield OrderedInput(placeholder="filter: title, site, author", id="library-filter")
        yield LibraryList(id="library-list")

    @property
    def filter_input(self) -> Input:
        return self.query_one("#library-filter", Input)

    @on(LibraryList.FilterWanted)
    def _filter_wanted(self) -> None:
        self.filter_input.display = True
        self.filter_input.focus()

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(LibraryList).set_query(event.value)

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.filter_input.display = False
        self.query_one(LibraryList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":  # with no filter, escape goes back to the article
            return bool(self.filter_input.display)
        return True

    def action_clear_filter(self) -> None:
        self.filter_input.value = ""
        self.filter_input.display = False
        self.query_one(LibraryList).focus()

    @on(Arranged)
    def _arranged(self, message: Arranged) -> None:
        message.stop()
        shown, total = message.shown, message.total
        lst = self.query_one(LibraryList)
        if lst.view == "all":
            count = f"{shown} of {total}" if shown != total else f"{total}"
        else:
            count = f"{shown}"
        waiting = message.unread and lst.view in ("all", "feeds")
        unread = f" · {message.unread} unread" if waiting else ""
        self.border_title = f"{VIEWS[lst.view]} ({count}){unread}"
        self._subtitle()

    def show_progress(self, text: str) -> None:
        """Say under the list what a refresh is doing (empty: nothing)."""
        self.progress = text
        self._subtitle()

    def _subtitle(self) -> None:
        lst = self.query_one(LibraryList)
        order = f"by {SORTS[lst.sort_by]}" if lst.sort_by != "title" else ""
        self.border_subtitle = " · ".join(part for part in (self.progress, order) if part)


def _details(record: ArticleRecord, count: int, aside: str = "", matching: bool = False) -> str:
    if matching:  # (a filter's count: "no annotations" said of an article holding ten)
        details = [f"{count} matching the filter" if count else "none matching the filter"]
    else:
        details = [plural(count, "annotation") if count else "no annotations"]
    if record.archived:
        details.insert(0, "archived")
    if aside:
        details.insert(0, aside)
    if record.site:
        details.append(record.site)
    if record.published:
        details.append(record.published[:10])
    if record.missing:
        details.append("file missing")
    return " · ".join(details)


SHOWN_TITLE = 240  # columns of a title the library shows (three lines at most, wide)


def _shown_title(title: str) -> str:
    """The title cut at a word to `SHOWN_TITLE` columns (漢字 take two each)."""
    shown = shorten(title, SHOWN_TITLE)
    if cell_len(shown) <= SHOWN_TITLE:
        return shown
    return set_cell_size(shown, SHOWN_TITLE - 1).rstrip() + "…"


class ArticleOption(Option):
    """An article's entry: its title (a dot before it while unread) over its details.

    The prompt is made when the entry is first measured or drawn: a batch that changes
    the counts of 400 articles redraws the few entries on screen, not 400 prompts."""

    def __init__(
        self, record: ArticleRecord, count: int, aside: str = "", matching: bool = False
    ) -> None:
        super().__init__("", id=f"a{record.id}")
        self.aside = aside  # "open now, not archived": listed only because it is open
        self.matching = matching  # `count` is of the annotations a filter keeps
        self.show(record, count)

    def show(self, record: ArticleRecord, count: int) -> None:
        """Show this article with this count (made again when next drawn)."""
        self.record, self.count = record, count
        self._made: Content | None = None
        self._visual = None

    @property
    def lines(self) -> tuple[str, str]:
        """The entry's two lines as plain text."""
        title = self.record.title or self.record.path
        details = _details(self.record, self.count, self.aside, self.matching)
        return (title if self.record.read else f"● {title}", details)

    @property
    def prompt(self) -> Content:
        if self._made is None:
            # Made in one piece with its spans (three Contents assembled cost three times
            # as much, for every entry of a library of thousands).
            # (a title of 2,000 characters took 80 lines, the whole pane at 80x24)
            title = _shown_title(self.record.title) or shown_name(self.record.path)
            lead = "" if self.record.read else "● "
            style = "bold" if self.record.read else "bold $accent"
            first = len(lead) + len(title)
            details = _details(self.record, self.count, self.aside, self.matching)
            text = f"{lead}{title}\n{clean_line(details)}"
            self._made = MeasuredContent(
                text, [Span(0, first, style), Span(first + 1, len(text), "dim")]
            )
        return self._made
