"""The main screen: library, article and annotations panes, and what their keys ask for.

The panes only show things and post messages; this screen answers them: it opens articles
(reading files in a worker), opens the tag dialog, and turns the user's choices into `Edit`s
that the app saves off the UI thread. When the store changes, the panes are refreshed from
it, whoever made the change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from reader.annotations.filters import TagFilter, parse_filter
from reader.annotations.history import Edit
from reader.annotations.query import field_value
from reader.core.codebook import UNTHEMED_COLOUR, name_key, theme_colour
from reader.core.coders import coder_key, shown_coder
from reader.core.records import (
    QUOTATION,
    Annotation,
    ArticleRecord,
    Change,
    Kind,
    edited,
    kind_in,
    new_annotation,
)
from reader.core.text import Span, printable, shorten
from reader.core.wording import plural
from reader.library.article_files import ArticleError
from reader.library.folder import ScanReport
from reader.quotes import QuoteFinding
from reader.quotes.finding import MAX_CHARACTERS, described_speaker, speaker_unknown
from reader.quotes.review import (
    NamedUnknowns,
    name_unknown,
    names_still_given,
    nearest,
    of_speaker,
    speakers,
    untagged,
    with_named_unknowns,
)
from reader.reading.comparing import (
    coverage,
    disagreements,
    next_coder,
    pick_coders,
    ranked_coders,
    settle,
)
from reader.reading.document import Document, open_document
from reader.reading.own_annotations import is_own, merged, same_span, same_tag
from reader.reading.settings import load_position, save_position
from reader.storage.database import StoreError
from reader.ui.refreshing import FeedProgress, FeedsRefreshed
from reader.ui.screens.read_marks import ReadMarks
from reader.ui.screens.side_panes import SidePanes
from reader.ui.styling import literal, retitle
from reader.ui.threads import answer_from_thread
from reader.ui.widgets.annotation_list import AnnotationList
from reader.ui.widgets.article_view import ArticleView, Target
from reader.ui.widgets.compare_list import CompareList
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.library_list import LibraryList, LibraryPane
from reader.ui.widgets.quick_themes import QuickThemes

# The most untagged quotations listed in the annotations pane: beyond, listing them would
# cost the pane half a second per refresh (a 1 MB text has 2,000); n/N reach them all.
# Below this width, showing one side pane hides the other: the article keeps its room.
MAX_LISTED_SUGGESTIONS = 30  # a long article's: the nearest (listing 100 stalled the UI ~80 ms)

if TYPE_CHECKING:
    from reader.library.adding import AddResult
    from reader.ui.app import ReaderApp
    from reader.ui.dialogs.tag_dialog import TagResult


@dataclass
class StoreChanged(Message):
    """The store wrote a change (posted from the saving thread)."""

    change: Change


def describe_tag(source: str | None, themes: Iterable[str]) -> str:
    """ "Doug King · policing, ICE": a tag as a notice names it (markup-free text)."""
    listed = ", ".join(themes)
    return " · ".join(part for part in (source or "no source", listed) if part)


HERE_FIRST = 1 << 40  # added to the use of a source the open article quotes: ranked first
# added to how often the article quotes a speaker the codebook lacks: ranked next
NEW_HERE_NEXT = 1 << 39


class MainScreen(Screen[None]):
    """Three panes: library, article, annotations."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "undo", "Undo", id="main.undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="main.redo"),
        Binding("L", "toggle_pane('library')", "Library pane", show=False, id="main.library"),
        Binding("A", "toggle_pane('notes')", "Annotations pane", show=False, id="main.notes"),
        Binding("O", "orphans", "Orphaned annotations", show=False, id="main.orphans"),
        Binding("W", "speakers", "Who is quoted", show=False, id="main.speakers"),
        Binding("plus", "add_article", "Add article", key_display="+", show=False, id="main.add"),
        Binding("X", "export", "Export annotations", show=False, id="main.export"),
        Binding("C", "codebook", "Codebook", show=False, id="main.codebook"),
        Binding("M", "analysis", "Analysis", show=False, id="main.analysis"),
        Binding("F", "filter", "Filter by source or theme", show=False, id="main.filter"),
        Binding("y", "copy_citation", "Copy citation", show=False, id="main.copy"),
        Binding("c", "compare", "Compare two coders (on/off)", show=False, id="main.compare"),
        Binding(
            "T",
            "toggle_accept_themes",
            "Accept adds last themes (on/off)",
            show=False,
            id="main.accept_themes",
        ),
        Binding(
            "U",
            "toggle_confirm_uncertain",
            "Accept asks for uncertain speakers (on/off)",
            show=False,
            id="main.confirm_uncertain",
        ),
        Binding("escape", "focus_article", "Back to article", show=False, id="main.back"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="main.read"),
        Binding("e", "archive", "Archive", show=False, id="main.archive"),
        Binding(
            "V",
            "view",
            "Library view",
            show=False,
            tooltip="all, unread, by feed, archive",
            id="main.view",
        ),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False, id="main.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self._pending_annotation: str | None = None
        self.quick_themes: dict[int, str] = {}  # number key -> theme (kept in the codebook)
        self.findings: list[QuoteFinding] = []  # the open article's quotations, once found
        self._named_unknowns: NamedUnknowns = {}  # names the user gave unknown speakers
        self._named_by: dict[tuple[str, int], str] = {}  # ... and the annotation that gave each
        self._found: list[QuoteFinding] = []  # the finder's findings, before those names
        self._known_to_finder: frozenset[str] = frozenset()  # the codebook they were found with
        self.accept_with_themes = False  # `a` also applies the last themes used
        self.confirm_uncertain = True  # `a` on an uncertain speaker opens the tag dialog (U)
        self.tag_filter: TagFilter | None = None  # show only these sources and themes (F)
        self._library_stale = False  # articles changed since the library list was drawn
        self.comparing: tuple[str, str] | None = None  # coders A and B, in comparison mode
        self._keyless: list[str] = []  # new themes of the last save that got no quick key
        self._unsourced_speaker: str | None = None  # named by the notice of a `.` with no source
        self._tagged_in_changed = False  # the last save placed a tag in a changed text
        self._repeat_warning: str | None = None  # what the next `.` save's notice says
        self._described: tuple[str, str] | None = None  # a description the last save gave
        self.marks = ReadMarks(self)
        self.library_read = False  # the first scan of the folder has finished
        self._hint_waiting = False  # the hidden library's hint waits for its count
        self.panes = SidePanes(self)

    # --- building ---
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield LibraryPane(id="library-pane", classes="pane")
            yield ArticleView(id="article-pane", classes="pane")
            with Vertical(id="notes-pane", classes="pane") as notes:
                notes.border_title = "Annotations"
                yield AnnotationList(id="notes")
                yield QuickThemes(id="quick-themes")
            with Vertical(id="compare-pane", classes="pane") as compare:
                compare.border_title = "Comparison"
                yield CompareList(id="compare")
                yield Static(id="compare-legend")
        yield ReaderFooter()

    @property
    def reader(self) -> ReaderApp:
        """The app, typed: its store, library, history and `save()`."""
        return cast("ReaderApp", self.app)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def notes(self) -> AnnotationList:
        return self.query_one(AnnotationList)

    @property
    def library_list(self) -> LibraryList:
        return self.query_one(LibraryList)

    def on_resize(self) -> None:
        self.panes.fit()  # narrower: the library gives way rather than squeeze the article

    def on_mount(self) -> None:
        self.reader.store.subscribe(self._store_changed)
        self.library_list.feed_names = self.reader.feed_names()
        self.article_view.coder = self.reader.coder
        # The article is what the reader came for: it is drawn first, the library list (which
        # takes a moment with hundreds of articles) right after.
        self.call_after_refresh(self.refresh_library)
        self.refresh_quick_themes(force=True)
        self.article_view.focus()
        records = [r for r in self._records() if not r.missing]
        if records:
            last = load_position(self.reader.library.folder)
            where = {r.path: r for r in records}.get(last[0]) if last else None
            if where is not None and last is not None:  # back where the reading stopped
                self.open_article(where.id, min(last[1], where.size or last[1]), chosen=False)
            else:
                self.open_article(records[0].id, chosen=False)
        else:
            self.article_view.show_document(None)
            self._show_empty_library()
        self.call_after_refresh(self._hint_hidden_library)

    def _hint_hidden_library(self) -> None:
        """At a width that hides the library pane, say once how to see it."""
        pane = self.query_one("#library-pane")
        if not pane.display or pane.region.width == 0:
            if not self.library_read:  # a fresh library: its count once the scan is over
                self._hint_waiting = True
                return
            count = len(self.reader.store.articles())
            self.notify(f"The library ({count}) is hidden at this width: L shows it", timeout=6)

    def remember_position(self) -> None:
        """Keep where the reading is (the article and the cursor), for the next start."""
        if self.document is not None:
            save_position(
                self.reader.library.folder, self.document.record.path, self.article_view.cursor
            )

    def library_scanned(self) -> None:
        """The first scan of the folder is over: an empty library may now say so."""
        if self.library_read:
            return
        self.library_read = True
        self.library_list.reading = False
        if not self.library_list.shown:
            self.refresh_library()  # its "Reading the library…" line becomes the real one
        if self.document is None and not any(not r.missing for r in self._records()):
            self._show_empty_library()
        if self._hint_waiting:
            self._hint_waiting = False
            self._hint_hidden_library()

    def _show_empty_library(self) -> None:
        folder = self.reader.library.folder
        if not self.library_read:  # a fresh library's files are still being read
            self.article_view.border_title = "Library"
            self.article_view.show_message(f"Reading the library in {folder}…")
            return
        self.article_view.border_title = "No articles"
        self.article_view.show_message(
            f"No articles in {folder}.\n\nPress + to add a web page or a file (`reader add` "
            "does the same from the shell), or put .txt or .md files in the folder (a plain "
            "text file's first line is its title) and open Reader again."
        )

    def _store_changed(self, change: Change) -> None:
        self.post_message(StoreChanged(change))

    # --- refreshing from the store ---
    def _records(self) -> list[ArticleRecord]:
        records = self.reader.store.articles()
        return sorted(records, key=lambda r: (r.missing, r.title.casefold()))

    def refresh_library(self) -> None:
        store = self.reader.store
        records = self._records()
        tag_filter = self.tag_filter
        if tag_filter is None:
            counts = {r.id: store.annotation_count(r.id) for r in records}
        else:  # only the articles that quote the filter's sources or carry its themes
            counts = {
                r.id: sum(1 for a in store.annotations_for(r.id) if tag_filter.matches(a))
                for r in records
            }
            current_id = self.document.record.id if self.document else None
            # The open article stays listed (with its count 0), so the list says where you are.
            records = [r for r in records if counts[r.id] or r.id == current_id]
        current = self.document.record.id if self.document else None
        self.library_list.show_articles(records, counts, current, tag_filter is not None)

    def refresh_annotations(self) -> None:
        if self.document is None:
            self.article_view.set_annotations((), {})
            self.notes.show_annotations((), {}, None)
            return
        store = self.reader.store
        every = store.annotations_for(self.document.record.id)
        tag_filter = self.tag_filter
        annotations = (
            every if tag_filter is None else tuple(a for a in every if tag_filter.matches(a))
        )
        colours = self.theme_colours()
        by_id = {a.id: self._colour_of(a, colours) for a in annotations}
        self.article_view.set_annotations(annotations, by_id, every)
        if self.comparing is not None:
            self._refresh_comparison(every)
        under = self.article_view.annotation_under_cursor()
        current = self._pending_annotation or (under.id if under else None)
        mine = [a for a in every if is_own(a, self.reader.coder)]  # (see ArticleView._own)
        left = tuple(untagged(self.findings, mine)) if tag_filter is None else ()
        hidden = max(0, len(left) - MAX_LISTED_SUGGESTIONS)
        if hidden:  # a very long text: the suggestions nearest the cursor (n/N reach them all)
            left = tuple(nearest(left, self.article_view.cursor, MAX_LISTED_SUGGESTIONS))
        descriptions = {name_key(s.name): s.description for s in store.sources() if s.description}
        self.notes.show_annotations(
            annotations,
            colours,
            current,
            left,
            self.document.text,
            descriptions,
            hidden,
            filtered_out=len(every) - len(annotations),
            filtering=tag_filter is not None,
        )
        count = len(annotations)
        notes_pane = self.query_one("#notes-pane")
        read_only = " · read-only" if self.reader.store.read_only else ""
        retitle(notes_pane, f"Annotations ({count}){read_only}")
        retitle(notes_pane, literal(f"only {tag_filter.text}") if tag_filter else "", subtitle=True)
        if self._pending_annotation:
            self.article_view.set_active(self._pending_annotation)
            self._pending_annotation = None

    def refresh_quick_themes(self, force: bool = False) -> None:
        themes = self.reader.store.quick_themes()
        if themes == self.quick_themes and not force:
            return  # unchanged: no relayout
        self.quick_themes = themes
        colours = self.theme_colours()
        self.query_one(QuickThemes).show(
            themes, {t: colours.get(t) or theme_colour(t) for t in themes.values()}
        )

    def theme_colours(self) -> dict[str, str]:
        """Theme name -> colour, for every theme of the codebook."""
        return {t.name: theme_colour(t.name, t.colour) for t in self.reader.store.themes()}

    @staticmethod
    def _colour_of(annotation: Annotation, colours: dict[str, str]) -> str:
        if not annotation.themes:
            return UNTHEMED_COLOUR
        return colours.get(annotation.themes[0]) or theme_colour(annotation.themes[0])

    def on_screen_resume(self) -> None:
        """Back from another screen: if the codebook's sources changed there (a source
        renamed, merged or deleted), the open article's suggestions are found again, so they
        take the codebook's names and never propose the old one as a new source."""
        document = self.document
        if document is None or not self._known_to_finder:
            return
        names = frozenset(source.name for source in self.reader.store.sources())
        if names != self._known_to_finder:
            self._known_to_finder = names
            self._find_quotes(document)

    def on_store_changed(self, message: StoreChanged) -> None:
        change = message.change
        if change.loaded:  # the annotations, read after the first frame
            if self.tag_filter is None:
                store = self.reader.store
                self.library_list.show_counts(
                    {r.id: store.annotation_count(r.id) for r in store.articles()}
                )
            else:
                self.refresh_library()
            self.refresh_quick_themes()
            self.refresh_annotations()
            return
        if change.articles:
            self._library_stale = True  # one redraw for a burst of changes (a scan, an import)
            self.call_later(self._refresh_stale_library)
            document = self.document
            for changed in change.articles:
                if (
                    document is not None
                    and changed.id == document.record.id
                    and changed.sha256 != document.record.sha256
                    and not changed.missing
                ):
                    self._load(changed, self.article_view.cursor, None)  # edited on disk
        if change.added or change.removed:
            store = self.reader.store
            touched = {a.article_id for a in (*change.added, *change.removed)}
            records = [r for r in map(store.article, touched) if r is not None]
            if self.tag_filter is None:
                self.library_list.update_articles(
                    [(record, store.annotation_count(record.id)) for record in records]
                )
            else:  # the filter's counts, and the articles it keeps: listed again
                self.refresh_library()
            self.refresh_quick_themes()
            if self.document is not None and self.document.record.id in touched:
                self.refresh_annotations()

    def _refresh_stale_library(self) -> None:
        if self._library_stale:
            self._library_stale = False
            self.refresh_library()

    # --- opening articles ---
    def open_article(
        self,
        article_id: int,
        cursor: int = 0,
        annotation_id: str | None = None,
        *,
        chosen: bool = True,
    ) -> None:
        """Open an article, with the cursor at `cursor` (and `annotation_id` current).
        `chosen`: the user opened it (an unread one counts as read after a moment); not
        so for the article Reader opens by itself at start."""
        record = self.reader.store.article(article_id)
        if record is None:
            return
        if record.missing:
            self.notify(
                f"{record.path}: the file is missing; put it back in the library folder",
                severity="warning",
            )
            return
        if self.document is not None and self.document.record.id == article_id:
            self._pending_annotation = annotation_id
            self.article_view.move_to(cursor, center=True)
            self.refresh_annotations()
            if chosen:
                self.marks.opened(article_id)
            return
        self.remember_position()
        self._load(record, cursor, annotation_id, chosen)

    @work(thread=True, exclusive=True, group="open", description="open an article")
    def _load(
        self, record: ArticleRecord, cursor: int, annotation_id: str | None, chosen: bool = False
    ) -> None:
        try:
            document = open_document(self.reader.library, record, self.article_view.wrap_width)
        except ArticleError as error:
            self.app.call_from_thread(
                self.notify, str(error), severity="error", markup=False, timeout=8
            )
            return
        try:
            changed = self.reader.library.text_read(record, document.content)
        except StoreError as error:  # (the article shows all the same)
            changed = ScanReport()
            self.app.call_from_thread(
                self.notify, str(error), severity="error", markup=False, timeout=8
            )
        now_here = next((r for r in changed.moved if r.path == record.path), None)
        if now_here is not None or changed.changed:
            from reader.ui.app import ScanDone  # (the app's module imports this one)

            # edited keeping its size and time: its annotations follow; or another
            # article's file now (names swapped, sizes and times alike): that article shows,
            # and a tag made now is its (one went to the article the name had been)
            document.record = now_here or next(
                (r for r in changed.changed if r.id == record.id), record
            )
            self.app.post_message(ScanDone(changed))
        answer_from_thread(self, self._show, document, cursor, annotation_id, chosen)
        if document.big:  # its sentences and quotations, read here once it shows, so that
            # the first `n`, `s` or `t` finds them (on a crafted text of 400,000 quotations
            # the keys had waited seconds for them)
            document.prepare()

    def _show(
        self, document: Document, cursor: int, annotation_id: str | None, chosen: bool = False
    ) -> None:
        self.document = document
        self.reader.store.showing(document.record.id)  # (a feed's --keep leaves it)
        if self.comparing is not None:  # the same coders if both tagged this one too
            coder_b = self.comparing[1]
            self.comparing = None
            self.action_compare(quiet=True, other=coder_b)
        self.findings = []
        self._named_unknowns, self._named_by, self._found = {}, {}, []
        self._pending_annotation = annotation_id
        self.query_one("#article-pane").border_title = literal(document.content.title)
        self.article_view.show_document(document, cursor)
        self.refresh_annotations()
        library = self.library_list
        if library.filled and (
            self.tag_filter is not None or not library.show_current(document.record.id)
        ):
            self.refresh_library()  # (not filled yet: the first listing is on its way)
        # Without a repaint: no header shows it, and App.sub_title's own refresh redraws the
        # whole screen a second time in the article's first frame.
        self.app.set_reactive(App.sub_title, printable(document.record.path))
        if chosen:
            self.marks.opened(document.record.id)
        else:
            self.marks.stop()
        # After the article is drawn: the finder's thread would slow the first frame.
        self.call_after_refresh(self._find_quotes, document)

    @work(thread=True, exclusive=True, group="quotes", description="find quotations")
    def _find_quotes(self, document: Document) -> None:
        """The article's quotations and their speakers, found off the UI thread (the article
        shows first; the marks appear when they are ready)."""
        known = [source.name for source in self.reader.store.sources()]
        finder = self.reader.quote_finder  # a long article goes to another process
        findings = finder.find(document.structure, document.content.title, known)
        answer_from_thread(self, self._quotes_found, document, findings, frozenset(known))

    def _quotes_found(
        self, document: Document, findings: list[QuoteFinding], known: frozenset[str]
    ) -> None:
        if document is not self.document:
            return  # another article was opened meanwhile
        self._found = findings
        findings = with_named_unknowns(findings, self._named_unknowns, document.text)
        self.findings = findings
        self._known_to_finder = known
        if len(document.text) > MAX_CHARACTERS:
            self.notify(
                "This text is too long to look for quotations in: select passages by hand",
                timeout=5,
            )
        self.article_view.set_suggestions(findings)
        # The pane's list in the next frame: both in one took 30-70 ms for a long article.
        self.call_after_refresh(self._list_found, document)

    def _list_found(self, document: Document) -> None:
        if document is self.document:
            self.refresh_annotations()

    @on(LibraryList.ArticleChosen)
    def _article_chosen(self, message: LibraryList.ArticleChosen) -> None:
        self.open_article(message.article_id)
        self.article_view.focus()

    # --- following the cursor ---
    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        if self.document is not None and self.article_view.at_end:
            self.marks.reached_end(self.document.record.id)
        annotation_id = message.annotation.id if message.annotation else None
        self.article_view.set_active(annotation_id)
        if annotation_id is None:
            self.notes.show_suggestion(self.article_view.suggestion_at(message.offset))
        else:
            self.notes.show_current(annotation_id)

    @on(AnnotationList.SuggestionChosen)
    def _suggestion_chosen(self, message: AnnotationList.SuggestionChosen) -> None:
        self.article_view.move_to(message.suggestion.span.start, center=True)
        if message.focus:
            self.article_view.focus()

    @on(AnnotationList.QuotationRequested)
    def _quotation_requested(self, message: AnnotationList.QuotationRequested) -> None:
        """`n`/`N` in the annotations pane: the article jumps (the pane follows its cursor)."""
        self.article_view.action_quotation(message.direction)

    @on(AnnotationList.AnnotationChosen)
    def _annotation_chosen(self, message: AnnotationList.AnnotationChosen) -> None:
        if message.annotation.orphaned:
            if message.focus:
                self.notify(
                    "Its passage is no longer in this article's text (the file changed). It is "
                    "kept: e edits it, d deletes it.",
                    timeout=6,
                )
            return
        self.article_view.move_to(message.annotation.start, center=True)
        self.article_view.set_active(message.annotation.id)
        if message.focus:
            self.article_view.focus()

    # --- tagging ---
    def _quote_of(self, target: Target) -> str:
        if target.annotation is not None:
            return target.annotation.quote
        assert self.document is not None and target.span is not None
        return self.document.text[target.span.start : target.span.end]

    def action_tag(self) -> None:
        """`t` in the article: the tag dialog, opened in the key's own turn (see the
        binding in `ArticleView`)."""
        target = self.article_view.tag_target()
        if target is None:
            return
        if target.annotation is not None and not is_own(target.annotation, self.reader.coder):
            # a teammate's annotation under the cursor: `t` codes the passage as the user's
            # own, from a blank, as `"` then `t` does (it opened theirs to edit, filled with
            # their coding, and saving made it the user's: the next merge dropped theirs);
            # `e` in the annotations pane still edits theirs, saying so
            theirs = target.annotation
            target, _ = self._yours(target)
            if target.annotation is None:
                self.notify(
                    f"Your own tag of this passage: {shown_coder(theirs.coder)}'s stays as it "
                    "is (e in the annotations pane edits theirs)",
                    timeout=4,
                )
        self.open_tag_dialog(target)

    @on(AnnotationList.EditRequested)
    def _edit_requested(self, message: AnnotationList.EditRequested) -> None:
        self.open_tag_dialog(Target(annotation=message.annotation))

    def open_tag_dialog(self, target: Target, *, confirming: bool = False) -> None:
        """The tag dialog for a target; `confirming`: opened by accept on an uncertain
        speaker, to check it (Enter saves it; the last themes come with it when accept
        applies them)."""
        from reader.ui.dialogs.tag_dialog import TagDialog, TagRequest  # loaded when first used

        if not self.reader.may_edit():
            return
        store = self.reader.store
        annotation = target.annotation
        if annotation is not None:
            suggested = target.suggestion.speaker if target.suggestion else None
            theirs = not is_own(annotation, self.reader.coder)
            if theirs and annotation.orphaned:
                # (its offsets mark other words now: a copy of it had been saved on them)
                self.notify(
                    f"{shown_coder(annotation.coder)}'s annotation has lost its passage (the "
                    "article changed): select the passage and tag it as yours",
                    severity="warning",
                    timeout=5,
                )
                return
            request = TagRequest(
                quote=annotation.quote,
                # (saving one of a teammate's makes a copy of the user's own and leaves
                # theirs: made the editor's, it left its coder's column in `reader agree`)
                title=(
                    f"Edit {shown_coder(annotation.coder)}'s annotation as yours: "
                    f"{shown_coder(annotation.coder)}'s stays as it is"
                    if theirs
                    else "Edit annotation"
                ),
                source=annotation.source or suggested or "",
                themes=annotation.themes,
                note=annotation.note,
                kind=annotation.kind,
            )
        else:
            suggested = (
                target.suggestion.speaker
                if target.suggestion
                else self._speaker_within(target.span)
            )
            request = TagRequest(
                quote=self._quote_of(target),
                source=suggested or "",
                themes=self._last_themes() if confirming and self.accept_with_themes else (),
                kind=self._kind_of(target),
                suggested=bool(suggested),
            )
        found = target.suggestion
        request = replace(
            request,
            confirming=confirming and bool(request.source),
            uncertain=bool(
                found and found.uncertain and found.speaker and found.speaker == request.source
            ),
        )
        if found is not None and not found.speaker and not request.source:
            request = replace(request, unknown_speaker=speaker_unknown(found))
        usage = {**store.source_usage(), **store.theme_usage()}
        quoted = self._quoted_here()
        # Every name of the codebook, used or not: one set up there before any tag (a), or
        # one whose quotes were deleted, is a code the study has (left out while unused,
        # "homeles" made a second theme beside the "homelessness" set up, and "Priya" took
        # another speaker of the article)
        sources = [s.name for s in store.sources()]
        here = self._speakers_here(sources, usage)
        themes = [t.name for t in store.themes()]
        named_here = self._speakers_new_here(sources, quoted)
        theme_keys = {name_key(theme) for theme in themes}
        first = {  # (ranked first among sources only: the usage is one dict for both)
            name: NEW_HERE_NEXT + quoted[name_key(name)]
            for name in named_here
            if name_key(name) not in theme_keys
        }
        dialog = TagDialog(
            request, sources, themes, {**usage, **here, **first}, named_here, self.quick_themes
        )
        # (the article as it was when the dialog opened: a change on disk meanwhile shows a
        # new document, in which the target's offsets mark other words)
        self.app.push_screen(dialog, callback=partial(self._tagged, target, self.document))

    def _speakers_here(self, sources: list[str], usage: dict[str, int]) -> dict[str, int]:
        """The codebook's sources this article quotes (the finder's speakers, the sources
        tagged in it), with a use that ranks them first in an empty Source field: it
        offered the library's most quoted names, none of them in the article."""
        here = {name_key(f.speaker) for f in self.findings if f.speaker}
        if self.document is not None:
            here |= {
                name_key(a.source)
                for a in self.reader.store.annotations_for(self.document.record.id)
                if a.source
            }
        themes = {name_key(t.name) for t in self.reader.store.themes()}  # (one dict for both)
        return {
            name: usage.get(name, 0) + HERE_FIRST
            for name in sources
            if name_key(name) in here and name_key(name) not in themes
        }

    def _quoted_here(self) -> Counter[str]:
        """How many quotations of this article the finder gives each speaker (by name key)."""
        return Counter(name_key(f.speaker) for f in self.findings if f.speaker and f.speech)

    def _speakers_new_here(self, sources: list[str], quoted: Counter[str]) -> list[str]:
        """The finder's speakers of this article that no source of the codebook names yet,
        most quoted first: the tag dialog offers them beside the codebook's names."""
        known = {name_key(name) for name in sources}
        known |= {name_key(t.name) for t in self.reader.store.sources()}
        names = {name_key(f.speaker): f.speaker for f in self.findings if f.speaker and f.speech}
        return sorted(
            (name for key, name in names.items() if key not in known),
            key=lambda name: (-quoted[name_key(name)], name.casefold()),
        )

    def _tagged(self, target: Target, opened: Document | None, result: TagResult | None) -> None:
        if result is None:
            return
        remember = (result.source, tuple(result.themes))
        theirs = target.annotation
        if theirs is not None and not is_own(theirs, self.reader.coder):
            # a teammate's coding stays theirs: what was saved is the user's own annotation
            # of its span (one of the same source the user has there already is asked about)
            as_theirs = (
                name_key(theirs.source or ""),
                {name_key(t) for t in theirs.themes},
                theirs.note.strip(),
                theirs.kind,
            )
            as_saved = (
                name_key(result.source or ""),
                {name_key(t) for t in result.themes},
                result.note.strip(),
                result.kind,
            )
            if as_saved == as_theirs:  # (themes in another order, a name's case: the same)
                # (saved as it opened: a copy would count as agreeing with them in `reader
                # agree`, though nothing was coded: an attack's finding)
                self.notify(
                    f"Nothing saved: {shown_coder(theirs.coder)}'s annotation is as it was, "
                    "and you changed nothing to make one of your own",
                    timeout=5,
                )
                return
            span = Target(span=Span(theirs.start, theirs.end))
            edit = self._new(
                span, result.source, result.themes, result.note, kind=result.kind, opened=opened
            )
            assert edit.after is not None
            if not self._tagged_already(edit.after, remember, None, keep_kind=True):
                self._save(edit, remember, None)
                self._left_alone(theirs)
            return
        if target.annotation is not None:
            after = edited(
                target.annotation,
                source=result.source,
                themes=result.themes,
                note=result.note,
                kind=result.kind,
                coder=self.reader.coder,
            )
            self._save(Edit(target.annotation, after, "edit"), remember, target.suggestion)
        else:
            edit = self._new(
                target, result.source, result.themes, result.note, kind=result.kind, opened=opened
            )
            assert edit.after is not None
            if not self._tagged_already(edit.after, remember, target.suggestion):
                self._say_who_else(edit.after)
                self._save(edit, remember, target.suggestion)

    def _tagged_already(
        self,
        new: Annotation,
        remember: tuple[str | None, tuple[str, ...]],
        suggestion: QuoteFinding | None,
        *,
        keep_kind: bool = False,
    ) -> bool:
        """The same span with the same source, tagged by the user already: ask whether the
        new themes and note go onto that annotation (no second one is made). True when
        asked. `keep_kind`: the annotation stays a quotation or passage as it is (the new
        one's kind came from a teammate's coding, not from the user)."""
        mine = [
            a
            for a in same_tag(self._article_annotations(), new.start, new.end, new.source)
            if is_own(a, self.reader.coder)
        ]
        if not mine:
            return False
        existing = mine[0]
        tagged = describe_tag(existing.source, existing.themes)

        def answered(edit_it: bool | None) -> None:
            if not edit_it:
                self.notify("Nothing saved: you had tagged it already", timeout=4)
                return
            kind = existing.kind if keep_kind else new.kind
            after = merged(existing, new.themes, new.note, kind, self.reader.coder)
            self._save(Edit(existing, after, "edit"), remember, suggestion)

        from reader.ui.dialogs.prompt_dialog import ConfirmDialog  # loaded when first used

        self.app.push_screen(
            ConfirmDialog(
                "Tagged already",
                f"You tagged this passage already: {tagged}. Add the new themes and note "
                "to that annotation?",
                hint="y or enter: add them to it · n or esc: save nothing",
            ),
            answered,
        )
        return True

    def _say_who_else(self, new: Annotation) -> None:
        """Another coder tagged exactly this span with this source: say so (the user's
        annotation is theirs, kept apart; `c` compares the two)."""
        others = sorted(
            {
                shown_coder(a.coder)
                for a in same_tag(self._article_annotations(), new.start, new.end, new.source)
                if not is_own(a, self.reader.coder)
            }
        )
        if others:
            self.notify(
                f"{', '.join(others)} tagged this passage with this source too: yours is "
                "kept apart (c compares)",
                timeout=5,
            )

    def _article_annotations(self) -> tuple[Annotation, ...]:
        if self.document is None:
            return ()
        return self.reader.store.annotations_for(self.document.record.id)

    def _yours(self, target: Target) -> tuple[Target, Annotation | None]:
        """What a one-stroke key (a quick theme, `.`) acts on: an annotation of another
        coder becomes its span, for an annotation of the user's own (theirs is left as it
        is, and returned second); a selection that is exactly an annotation of the user's
        own becomes that annotation (no second one is made on the same span)."""
        annotation = target.annotation
        if annotation is not None and not is_own(annotation, self.reader.coder):
            mine = [
                a
                for a in same_span(self._article_annotations(), annotation.start, annotation.end)
                if is_own(a, self.reader.coder)
            ]
            if mine:
                return Target(annotation=mine[0]), None
            return Target(span=Span(annotation.start, annotation.end)), annotation
        if annotation is None and target.span is not None:
            mine = [
                a
                for a in same_span(self._article_annotations(), target.span.start, target.span.end)
                if is_own(a, self.reader.coder)
            ]
            if len(mine) == 1:
                return Target(annotation=mine[0]), None
        return target, None

    def _left_alone(self, other: Annotation | None) -> None:
        if other is not None:
            self.notify(
                f"Tagged as yours: {shown_coder(other.coder)}'s annotation is left as it is",
                timeout=4,
            )

    def _speaker_within(self, span: Span | None) -> str | None:
        """The one speaker found for the quotations inside a selected passage (`s` on
        "“They’ve been in Calgary …,” he said."), if they all have the same."""
        if span is None:
            return None
        speakers = {
            f.speaker
            for f in self.findings
            if f.speech and f.speaker and span.start <= f.span.start and f.span.end <= span.end
        }
        return speakers.pop() if len(speakers) == 1 else None

    def _kind_of(self, target: Target) -> Kind:
        """A quotation when the selection is a quotation found (or the inside of quote
        marks); else a passage."""
        if target.suggestion is not None:
            return QUOTATION
        assert self.document is not None and target.span is not None
        quotes = self.document.structure.quotations
        return kind_in(quotes, target.span.start, target.span.end)

    def _new(
        self,
        target: Target,
        source: str | None,
        themes: tuple[str, ...] | list[str],
        note: str = "",
        label: str = "tag",
        kind: Kind | None = None,
        opened: Document | None = None,
    ) -> Edit:
        """A new annotation of the target; `opened`: the article as it was when the target
        was chosen, when that may not be the one shown now."""
        assert self.document is not None and target.span is not None
        chosen = opened or self.document
        annotation = new_annotation(
            chosen.record.id,
            chosen.text,
            target.span.start,
            target.span.end,
            source=source,
            themes=themes,
            note=note,
            kind=kind or self._kind_of(target),
            coder=self.reader.coder,
        )
        return Edit(None, annotation, label)

    @on(ArticleView.QuickThemeRequested)
    def _quick_theme(self, message: ArticleView.QuickThemeRequested) -> None:
        theme = self.quick_themes.get(message.number)
        if theme is None:
            self.notify(
                f"No theme on {message.number} yet: a new theme takes the next free number "
                "(C, the codebook, moves them)",
                timeout=4,
            )
            return
        target, other = self._yours(message.target)
        if target.annotation is not None:
            current = list(target.annotation.themes)
            keys = [t.casefold() for t in current]
            if theme.casefold() in keys:
                current.pop(keys.index(theme.casefold()))
                self.notify(f"Took “{theme}” off · {message.number} puts it back", timeout=3)
            else:
                current.append(theme)
                self.notify(f"Added “{theme}” · {message.number} again takes it off", timeout=3)
            after = edited(target.annotation, themes=current, coder=self.reader.coder)
            # themes added by key are the last themes used (what `T` makes `a` apply), and
            # the annotation's whole tag the last tag (`.` after `a` then `4` had dropped the
            # source `a` gave: a newcomer's finding)
            remember = (after.source, tuple(current)) if theme in current else None
            self._save(Edit(target.annotation, after, "edit"), remember)
        else:
            kind = other.kind if other is not None else None
            self._save(self._new(target, None, [theme], kind=kind), (None, (theme,)))
            self._left_alone(other)
            suggested = target.suggestion.speaker if target.suggestion else None
            if suggested:  # (the source stays empty: say so, and how to give it)
                self.notify(
                    f"Tagged “{theme}”, no source yet · a gives it {printable(suggested)}",
                    timeout=4,
                )

    @on(ArticleView.RepeatRequested)
    def _repeat(self, message: ArticleView.RepeatRequested) -> None:
        last = self.reader.store.last_tag()
        if last is None:
            self.notify("Nothing to repeat yet: tag a passage first", timeout=3)
            return
        source, themes = last
        target, other = self._yours(message.target)
        existing = target.annotation
        if existing is None:
            suggested = target.suggestion.speaker if target.suggestion else None
            sure = target.suggestion is not None and not target.suggestion.uncertain
            if source and suggested and sure and name_key(suggested) != name_key(source):
                # (a confident suggestion of another speaker: `n .` down one speaker's
                # quotes had tagged the next speaker's as theirs, a misquote one key away)
                self.notify(
                    f"Not tagged: this quotation is {printable(suggested)}'s, not "
                    f"{printable(source)}'s (a accepts {printable(suggested)}, t tags it)",
                    severity="warning",
                    timeout=5,
                )
                return
            kind = other.kind if other is not None else None
            # (a quick key's themes, repeated with no source: its notice names the speaker)
            self._unsourced_speaker = None if source else suggested
            # What the save's notice says instead of "Repeated the last tag" (two notices a
            # key, a dozen over the article after a run of `.`)
            self._repeat_warning = None
            if source and suggested and name_key(suggested) != name_key(source):
                # the last source over a quotation the finder gives another
                self._repeat_warning = (
                    f"Repeated the last tag: {describe_tag(source, themes)}; the suggested "
                    f"speaker here is {printable(suggested)} (u undoes, then a accepts it)"
                )
            elif source and target.suggestion and not suggested:
                described = described_speaker(target.suggestion)  # (not "she" alone)
                if described:  # the last source over someone the text describes
                    self._repeat_warning = (
                        f"Repeated the last tag: {describe_tag(source, themes)}; the text says "
                        f"“{printable(described)}” spoke here (u undoes)"
                    )
            self._save(self._new(target, source, themes, label="repeat", kind=kind))
            self._left_alone(other)
            return
        # On a tagged passage `.` adds what it lacks and never replaces its source: a
        # different speaker written over a tag without a word was a wrong attribution.
        merged = [*existing.themes, *(t for t in themes if t not in existing.themes)]
        kept = existing.source or source
        if kept == existing.source and merged == list(existing.themes):
            self.notify(f"Already tagged {describe_tag(existing.source, merged)}", timeout=3)
            return
        if existing.source and source and existing.source != source:
            self.notify(f"Kept {existing.source} as the source (t changes it)", severity="warning")
        after = edited(existing, source=kept, themes=merged, coder=self.reader.coder)
        self._save(Edit(existing, after, "repeat"))

    # --- accepting suggested speakers ---
    @on(ArticleView.AcceptRequested)
    def _accept(self, message: ArticleView.AcceptRequested) -> None:
        suggestion = message.suggestion
        if message.annotation is not None and is_own(message.annotation, self.reader.coder):
            existing = message.annotation  # tagged with themes first: give it the speaker
            if suggestion.uncertain and self.confirm_uncertain:
                target = Target(annotation=existing, suggestion=suggestion)
                self.open_tag_dialog(target, confirming=True)
                return
            after = edited(existing, source=suggestion.speaker, coder=self.reader.coder)
            self._save(Edit(existing, after, "accept"))
            return
        target = Target(span=suggestion.span, suggestion=suggestion)
        if not suggestion.speaker:
            self.open_tag_dialog(target)  # nobody to accept: ask
            return
        if suggestion.uncertain and self.confirm_uncertain:
            # an uncertain speaker: the dialog shows it, to check
            self.open_tag_dialog(target, confirming=True)
            return
        themes = self._last_themes() if self.accept_with_themes else ()
        edit = self._new(target, suggestion.speaker, themes, label="accept")
        self.reader.save(partial(self._apply_describing, [edit], [suggestion]), self._accepted)

    def _last_themes(self) -> tuple[str, ...]:
        return self.reader.store.last_themes()

    def _apply_describing(self, edits: list[Edit], suggestions: list[QuoteFinding]) -> list[Edit]:
        """Save the edits as one undo step; offer each new source its description."""
        store = self.reader.store
        with store.batch():
            quoted = {name_key(name) for name in store.source_usage()}  # (before these)
            saved = self.reader.history.apply_all(edits)
            self._described = self._described_first(quoted, suggestions)
            if saved and saved[-1].after is not None:
                store.remember_tag(saved[-1].after.source, saved[-1].after.themes)
        return saved

    def _described_first(
        self, quoted: set[str], suggestions: Iterable[QuoteFinding | None]
    ) -> tuple[str, str] | None:
        """Give each suggested speaker not `quoted` before this save (its first quote) the
        description the article gives, if it has none; the one given, when one was (what
        `_say_described` says). On the saving thread, in the save's batch."""
        store = self.reader.store
        described = [
            (found.speaker, found.description)
            for found in suggestions
            if found is not None
            and found.speaker
            and found.description
            and name_key(found.speaker) not in quoted
            and store.describe_source(found.speaker, found.description)
        ]
        return described[0] if len(described) == 1 else None

    def _say_described(self) -> None:
        """The description a save gave a source, said: it shows in every draft and
        citation."""
        described, self._described = self._described, None
        if described is not None:
            self.notify(
                f"{printable(described[0])} described as “{printable(described[1])}” "
                "(C, the codebook, changes it)",
                timeout=4,
            )

    def _accepted(self, edits: list[Edit]) -> None:
        self._say_described()
        if not edits:
            return
        after = edits[-1].after
        assert after is not None
        self._pending_annotation = after.id
        self.refresh_annotations()
        count = f"{len(edits)} quotes" if len(edits) > 1 else "quote"
        self.notify(f"Tagged {count}: {after.source} · u to undo", timeout=3)

    def action_toggle_confirm_uncertain(self) -> None:
        self.confirm_uncertain = not self.confirm_uncertain
        state = (
            "opens the tag dialog for an uncertain speaker (?)"
            if self.confirm_uncertain
            else "saves every suggested speaker at once"
        )
        self.notify(f"Accept (a) now {state}", timeout=3)

    def action_toggle_accept_themes(self) -> None:
        self.accept_with_themes = not self.accept_with_themes
        state = (
            "also applies the last themes used"
            if self.accept_with_themes
            else "sets the source only"
        )
        self.notify(f"Accept (a) now {state}", timeout=3)

    # --- who is quoted here ---
    def action_speakers(self) -> None:
        if self.document is None:
            return
        annotations = self.reader.store.annotations_for(self.document.record.id)
        counts = speakers(self.findings, annotations)
        if not counts:
            self.notify("No speakers found in this article yet", timeout=3)
            return
        from reader.ui.screens.speakers_screen import SpeakersScreen  # loaded when first opened

        self.app.push_screen(SpeakersScreen(counts), self._speaker_chosen)

    def _speaker_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice is None or self.document is None:
            return
        action, name = choice
        annotations = self.reader.store.annotations_for(self.document.record.id)
        quotes = of_speaker(self.findings, annotations, name)
        if action == "jump":
            if quotes:
                self.article_view.move_to(quotes[0].span.start, center=True)
            self.article_view.focus()
            return
        text = self.document.text
        from reader.ui.screens.speakers_screen import ReviewScreen  # loaded when first opened

        review = ReviewScreen(name, [(q, text[q.span.start : q.span.end]) for q in quotes])
        self.app.push_screen(review, self._reviewed)

    def _reviewed(self, chosen: list[QuoteFinding] | None) -> None:
        if not chosen:
            return
        themes = self._last_themes() if self.accept_with_themes else ()
        edits = [
            self._new(Target(span=q.span), q.speaker, themes, label="accept", kind=QUOTATION)
            for q in chosen
        ]
        self.reader.save(partial(self._apply_describing, edits, chosen), self._accepted)

    @on(ArticleView.DeleteRequested)
    @on(AnnotationList.DeleteRequested)
    def _delete(
        self, message: ArticleView.DeleteRequested | AnnotationList.DeleteRequested
    ) -> None:
        annotation = message.annotation
        if is_own(annotation, self.reader.coder):
            self._save(Edit(annotation, None, "delete"))
            return
        # A teammate's coding: one key deleted it, and the next merge deleted it from their
        # library too (a team's finding); asked first
        from reader.ui.dialogs.prompt_dialog import teammates_deletion  # loaded when used

        def answered(delete_it: bool | None) -> None:
            if delete_it:
                self._save(Edit(annotation, None, "delete"))

        self.app.push_screen(teammates_deletion(annotation.coder), answered)

    def _save(
        self,
        edit: Edit,
        remember: tuple[str | None, tuple[str, ...]] | None = None,
        suggestion: QuoteFinding | None = None,
    ) -> None:
        """Apply an edit on the saving thread (one undo step); `remember` it as the last tag
        (what `.` repeats, kept across runs) in the same write; a `suggestion` whose speaker
        was kept offers the source its description, as accepting it does."""
        history, store = self.reader.history, self.reader.store

        def apply() -> Edit:
            with store.batch():
                themes = edit.after.themes if edit.after is not None else ()
                new = [t for t in themes if store.theme(t) is None]
                # (its first quote describes a source: one accepted among 160 had made "a
                # city official" of a criminologist in every draft)
                quoted = {name_key(name) for name in store.source_usage()}
                onto = self._onto_a_tag_made_meanwhile(edit)
                placed = self._placed_in_its_text_now(onto)
                saved = history.apply(placed)
                # (said once saved: a save that failed left it set for the next one; a
                # tag gone onto one made meanwhile is no change on disk)
                self._tagged_in_changed = placed is not onto
                # (new themes no quick key was left for)
                self._keyless = [t for t in new if (theme := store.theme(t)) and not theme.key]
                if remember is not None:
                    store.remember_tag(*remember)
                source = saved.after.source if saved.after is not None else None
                kept = suggestion is not None and source and source == suggestion.speaker
                self._described = self._described_first(quoted, [suggestion] if kept else [])
            return saved

        self.reader.save(apply, self._saved)

    def _onto_a_tag_made_meanwhile(self, edit: Edit) -> Edit:
        """A new annotation of a span this coder tagged after the key was read (`f a 3`
        sent at once: `3` found the quote untagged while `a`'s save waited): the tag made
        meanwhile takes its themes and note, and its source if it has none, instead of a
        second annotation beside it (a theme-only copy of each quote had been saved).
        On the saving thread, after every save queued before this one."""
        made = edit.after
        if edit.before is not None or made is None:
            return edit
        coder = self.reader.coder
        for existing in same_span(
            self.reader.store.annotations_for(made.article_id), made.start, made.end
        ):
            if not is_own(existing, coder):
                continue
            if (
                existing.source
                and made.source
                and name_key(existing.source) != name_key(made.source)
            ):
                continue  # (another speaker given on purpose: two tags, as asked)
            after = merged(existing, made.themes, made.note, existing.kind, coder)
            if not existing.source and made.source:
                after = edited(after, source=made.source)
            return Edit(existing, after, edit.label)  # (its notices, as the key's)
        return edit

    def _placed_in_its_text_now(self, edit: Edit) -> Edit:
        """A new annotation placed in its article as the file holds it now, when its words
        are not where it says (the text changed on disk while the tag dialog was open,
        another Reader's `reader add --update`: it was saved at the old offsets, over other
        words). On the saving thread; the notice after the save says so."""
        made = edit.after
        if edit.before is not None or made is None:
            return edit
        document = self.document
        record = self.reader.store.article(made.article_id)
        if (
            document is not None
            and record is not None
            and document.record.id == record.id
            and document.record.sha256 == record.sha256
            and document.text[made.start : made.end] == made.quote
        ):
            return edit  # (the text shown is the one recorded: no read of the file a tag)
        text = self.reader.library.text_of(made.article_id)
        if text is None or text[made.start : made.end] == made.quote:
            return edit
        from reader.core.anchoring import reanchor  # (rapidfuzz: only when a text changed)

        return replace(edit, after=reanchor(made, text))

    def _saved(self, edit: Edit) -> None:
        if edit.label in {"tag", "accept", "repeat"}:
            self.article_view.clear_selection()
        self._say_described()
        if self._tagged_in_changed:
            self._tagged_in_changed = False
            orphaned = edit.after is not None and edit.after.orphaned
            self.notify(
                "The article changed on disk while you tagged: "
                + (
                    "its words are gone from it, so the tag is kept as an orphan (O lists it)"
                    if orphaned
                    else "the tag was placed on its words as the article reads now"
                ),
                severity="warning",
                timeout=6,
            )
        keyless, self._keyless = self._keyless, []
        if keyless:  # (the tenth theme got no key, and no word said so)
            self.notify(
                f"“{keyless[0]}” has no quick key: 1-9 are taken (the codebook, C, moves "
                "them: 0 frees one)",
                timeout=5,
            )
        if edit.after is not None and edit.before is None:
            # (a tag made in it: read, also the article Reader opened by itself at start,
            # which no timer marks; minutes of tagging had left it "unread")
            self.marks.reached_end(edit.after.article_id)
            self.reader.tagged()
        if edit.label == "accept" and edit.after is not None:  # onto a tagged quotation
            self.notify(f"Tagged quote: {edit.after.source} · u to undo", timeout=3)
        if edit.label == "repeat" and edit.after is not None:
            tag = describe_tag(edit.after.source, edit.after.themes)
            speaker, self._unsourced_speaker = self._unsourced_speaker, None
            warning, self._repeat_warning = self._repeat_warning, None
            if warning:
                self.notify(warning, severity="warning", timeout=5)
            elif speaker and not edit.after.source:
                self.notify(
                    f"Repeated the last tag: {', '.join(edit.after.themes)}, no source yet · "
                    f"a gives it {printable(speaker)}",
                    timeout=4,
                )
            else:
                self.notify(f"Repeated the last tag: {tag} · u to undo", timeout=3)
        if edit.after is not None:
            self._pending_annotation = edit.after.id
            if self._named_unknown(edit):
                # "“…,” one resident said. “…”": the other part of the quotation takes the
                # name just given to its speaker (as a suggestion to check)
                self._show_named_unknowns()
            self.refresh_annotations()
            source = edit.after.source
            if source and self.document is not None and source not in self._known_to_finder:
                # A source new to the codebook ("ICE" for the suggested "U.S. Immigration and
                # Customs Enforcement"): the other suggestions take its spelling when it is
                # one of their speaker's names, so `W a` does not make a second source
                self._known_to_finder |= {source}
                self._find_quotes(self.document)
        if edit.label == "delete":
            gone = edit.before
            if gone is not None and coder_key(gone.coder) != coder_key(self.reader.coder):
                # (a teammate's coding: the deletion goes to them at the next merge)
                self.notify(
                    f"Deleted {shown_coder(gone.coder) or 'an unknown coder'}'s annotation · "
                    "u to undo",
                    timeout=6,
                )
            else:
                self.notify("Annotation deleted · u to undo", timeout=4)

    def _named_unknown(self, edit: Edit) -> bool:
        """Whether the edit gave a source to a quotation whose speaker the finder left
        unknown (remembered for the other parts of that quotation)."""
        after, before = edit.after, edit.before
        if after is None or self.document is None or after.article_id != self.document.record.id:
            return False
        if before is not None and before.source == after.source:
            return False
        key = name_unknown(self._named_unknowns, self.findings, after, self.document.text)
        if key is not None:
            self._named_by[key] = after.id
        return key is not None

    def _names_after_undo(self) -> None:
        """After an undo or a redo, the names given to unknown speakers are those their
        annotations still give: an undone tag no longer suggests its source elsewhere."""
        if self.document is None or not self._named_unknowns:
            return
        kept = names_still_given(self._named_unknowns, self._named_by, self.reader.store.annotation)
        if kept != self._named_unknowns:
            self._named_unknowns = kept
            self._named_by = {key: self._named_by[key] for key in kept}
            self._show_named_unknowns()
            self.refresh_annotations()

    def _show_named_unknowns(self) -> None:
        """The finder's findings, with the names the user gave unknown speakers on the
        other parts of their quotations (`quotes.review.with_named_unknowns`), suggested."""
        if self.document is not None:
            self.findings = with_named_unknowns(
                self._found, self._named_unknowns, self.document.text
            )
            self.article_view.set_suggestions(self.findings)

    # --- undo ---
    def action_undo(self) -> None:
        if self.marks.undo_archive():
            return  # `e` was the last thing done: it is what `u` takes back
        history = self.reader.history
        self.reader.save(history.undo, partial(self._undone, "Undid", "undo"))

    def action_redo(self) -> None:
        history = self.reader.history
        self.reader.save(history.redo, partial(self._undone, "Redid", "redo"))

    def _undone(self, verb: str, command: str, edit: Edit | None) -> None:
        if edit is None:
            self.notify(f"Nothing to {command}", timeout=2)
            return
        self._names_after_undo()
        if command == "redo" and self._named_unknown(edit):
            self._show_named_unknowns()
        annotation = edit.annotation
        document = self.document
        said = f"{verb} {edit.step or edit.label}"
        if edit.step:  # a codebook command: its names say what it was, not one quote
            annotation = None
        elif annotation is not None:
            # What and where: an undo may reach a tag made in another article.
            if document is None or annotation.article_id != document.record.id:
                record = self.reader.store.article(annotation.article_id)
                if record is not None:
                    said += f" in “{shorten(record.title or record.path, 40)}”"
            said += f": {shorten(annotation.quote, 50)}"
        self.notify(said, timeout=4)
        if annotation is not None and document and annotation.article_id == document.record.id:
            self.article_view.move_to(annotation.start)

    # --- orphans ---
    def action_orphans(self) -> None:
        store = self.reader.store
        titles = {r.id: r.title or r.path for r in store.articles()}
        from reader.ui.screens.orphans_screen import OrphansScreen  # loaded when first opened

        screen = OrphansScreen(store.orphans(), titles, self.theme_colours(), self._delete_orphan)
        self.app.push_screen(screen, self._open_orphan)

    def _delete_orphan(self, annotation: Annotation) -> None:
        self._save(Edit(annotation, None, "delete"))

    def _open_orphan(self, annotation: Annotation | None) -> None:
        if annotation is not None:
            self.open_article(annotation.article_id, annotation.start, annotation.id)
            self.notes.focus()

    # --- panes ---
    def action_toggle_pane(self, pane: str) -> None:
        self.panes.toggle(pane)

    def action_filter(self) -> None:
        """Show only the annotations (and articles) of some sources or themes."""
        current = self.tag_filter.text if self.tag_filter else ""

        def chosen(text: str | None) -> None:
            if text is None:
                return
            self.tag_filter = parse_filter(text)
            self.refresh_library()
            self.refresh_annotations()
            if self.tag_filter is None:
                self.notify("Showing every annotation", timeout=3)
            else:
                self.notify(
                    f"Showing only {self.tag_filter.text} · F and enter on empty clears",
                    timeout=4,
                )

        from reader.ui.dialogs.prompt_dialog import PromptDialog  # loaded when first opened

        self.app.push_screen(
            PromptDialog(
                "Filter",
                "Only these sources or themes (empty: everything)",
                current,
                self._filter_example(),
            ),
            chosen,
        )

    def _filter_example(self) -> str:
        """The filter's example, from this codebook's most used theme and source (the
        sample library's "Doug King" was offered in every library)."""
        store = self.reader.store
        themes = store.most_used_themes(1)
        usage = store.source_usage()
        ranked = sorted(usage, key=lambda name: (-usage[name], name.casefold()))
        source = ranked[0] if ranked else ""
        parts = [
            f"theme:{field_value(themes[0])}" if themes else "theme:policing",
            f"source:{field_value(source)}" if source else 'source:"Doug King"',
        ]
        return "  ".join(parts)

    def action_codebook(self) -> None:
        from reader.ui.screens.codebook_screen import CodebookScreen  # loaded when first opened

        self.app.push_screen(CodebookScreen())

    def action_analysis(self) -> None:
        if not self.reader.store.annotations():
            self.notify("Nothing to analyse yet: tag some quotes first", severity="warning")
            return
        from reader.ui.screens.analysis_screen import AnalysisScreen  # loaded when first opened

        self.app.push_screen(AnalysisScreen())

    def action_export(self) -> None:
        """Export the open article's annotations (the search screen exports its results)."""
        if self.document is None:
            self.notify("Open an article first", severity="warning")
            return
        annotations = self.reader.store.annotations_for(self.document.record.id)
        title = self.document.record.title or self.document.record.path
        self.reader.export_annotations(annotations, f"of “{shorten(title, 48)}”", title)

    def action_copy_citation(self) -> None:
        """Copy the annotation chosen in the annotations pane, else the one under the cursor."""
        chosen = self.notes.current if self.notes.has_focus else None
        self.reader.copy_citation(chosen or self.article_view.annotation_under_cursor())

    def action_add_article(self) -> None:
        """Open the add dialog; the article it adds is listed and opened."""
        if self.reader.may_edit():
            from reader.ui.dialogs.add_dialog import AddDialog  # loaded when first opened

            self.app.push_screen(AddDialog(), self._added)

    def _added(self, result: AddResult | None) -> None:
        if result is None:
            return
        record = next((r for r in self.reader.store.articles() if r.path == result.path), None)
        if result.status == "present":
            self.notify(f"Already in the library: {result.title}", timeout=5)
        else:
            self.notify(f"Added: {result.title} ({result.path})", timeout=5)
        self.refresh_library()
        if record is not None:
            self.open_article(record.id)
            self.article_view.focus()

    def action_focus_article(self) -> None:
        self.article_view.focus()

    # --- comparing two coders ---
    def action_compare(self, quiet: bool = False, other: str | None = None) -> None:
        """Comparison mode on or off: two coders' highlights, and their disagreements (B
        is `other` when that coder tagged the article too)."""
        if self.comparing is not None or self.document is None:
            self.comparing = None
            self.panes.compare_left()
            self.article_view.set_comparison(None)
            self.article_view.focus()
            return
        every = self.reader.store.annotations_for(self.document.record.id)
        coders = pick_coders(every, self.reader.coder, other)
        if coders is None:
            self.panes.compare_left()
            self.article_view.set_comparison(None)
            if not quiet:
                self.notify(
                    "Only one coder tagged this article: comparing needs two (reader import "
                    "brings in another coder's reader.json)",
                    timeout=6,
                )
            return
        self.comparing = coders
        self.panes.compare_shown()
        self._refresh_comparison(every)
        listing = self.query_one(CompareList)
        listing.focus()
        if listing.current is not None:  # the article goes to the first disagreement
            self.article_view.move_to(listing.current.start, center=True)

    def _refresh_comparison(self, every: tuple[Annotation, ...]) -> None:
        assert self.comparing is not None and self.document is not None
        coder_a, coder_b = self.comparing
        found = disagreements(every, coder_a, coder_b)
        others = len(ranked_coders(every)) - 1
        choice = f"o: next of {others} coders as B · " if others > 1 else ""
        self.article_view.set_comparison(coverage(every, coder_a, coder_b))
        self.query_one(CompareList).show_disagreements(
            found, self.document.text, coder_a, coder_b, more_coders=others > 1
        )
        self.query_one("#compare-pane").border_title = f"Disagreements ({len(found)})"
        self.query_one("#compare-legend", Static).update(
            Content.assemble(
                literal(f" A {shown_coder(coder_a)} ", "on $primary 45%"),
                " ",
                literal(f" B {shown_coder(coder_b)} ", "on $warning 40%"),
                " ",
                Content.styled(" both ", "bold on $success 45%"),
                f"\na: keep A's · b: B's · =: both · u: undo · {choice}c: leave",
            )
        )
        current = self.query_one(CompareList).current
        self.article_view.mark((current.start, current.end) if current else None)

    @on(CompareList.DisagreementHighlighted)
    def _disagreement_highlighted(self, message: CompareList.DisagreementHighlighted) -> None:
        disagreement = message.disagreement
        self.article_view.mark((disagreement.start, disagreement.end))
        self.article_view.move_to(disagreement.start, center=True)

    @on(CompareList.NextCoderRequested)
    def _next_coder(self) -> None:
        if self.comparing is None or self.document is None:
            return
        every = self.reader.store.annotations_for(self.document.record.id)
        coder_a, coder_b = self.comparing
        other = next_coder(every, coder_a, coder_b)
        if other is None:  # (a coder's tags undone meanwhile)
            return
        self.comparing = (coder_a, other)
        self._refresh_comparison(every)
        current = self.query_one(CompareList).current
        if current is not None:
            self.article_view.move_to(current.start, center=True)
        self.notify(f"B is now {shown_coder(other)}", timeout=3)

    @on(CompareList.SettleRequested)
    def _settle(self, message: CompareList.SettleRequested) -> None:
        if self.comparing is None or not self.reader.may_edit():
            return
        edits = settle(message.disagreement, message.keep, *self.comparing)
        if not edits:
            return
        history = self.reader.history
        self.reader.save(partial(history.apply_all, edits), self._settled)

    def _settled(self, edits: list[Edit]) -> None:
        if edits:
            self.notify(f"Settled: {edits[0].label} · u to undo", timeout=3)

    # --- read, archive, views, feeds ---
    def action_toggle_read(self) -> None:
        """`m` in the article: the open article read or unread."""
        if self.document is not None:
            self.marks.toggle_read(self.document.record.id)

    def action_archive(self) -> None:
        """`e` in the article: the open article into the archive, or back."""
        if self.document is not None:
            self.marks.toggle_archived(self.document.record.id)

    @on(LibraryList.ReadToggled)
    def _read_toggled(self, message: LibraryList.ReadToggled) -> None:
        self.marks.toggle_read(message.article_id)

    @on(LibraryList.ArchiveToggled)
    def _archive_toggled(self, message: LibraryList.ArchiveToggled) -> None:
        self.marks.toggle_archived(message.article_id)

    def action_view(self) -> None:
        """`V`: the library's next view (the pane is shown if it was hidden)."""
        if not self.query_one("#library-pane").display:
            self.panes.toggle("library")  # one side pane at a time where both do not fit
        self.library_list.action_view()

    @on(LibraryList.ViewChanged)
    def _view_changed(self, message: LibraryList.ViewChanged) -> None:
        """ "By feed" names the feeds as followed now (`reader follow` may have renamed one
        while the app was open)."""
        if message.view == "feeds":
            self.library_list.set_feed_names(self.reader.feed_names())

    def action_refresh_feeds(self) -> None:
        self.reader.refresh_feeds()

    @on(FeedProgress)
    def _feed_progress(self, message: FeedProgress) -> None:
        pane = self.query_one(LibraryPane)
        if message.done < message.total:
            pane.show_progress(f"refreshing feeds {message.done}/{message.total}")
        else:
            pane.show_progress("")
        result = message.result
        if result is not None and result.status == "failed":
            self.notify(result.line(), severity="warning", timeout=8)

    @on(FeedsRefreshed)
    def _feeds_refreshed(self, message: FeedsRefreshed) -> None:
        self.query_one(LibraryPane).show_progress("")
        self.library_list.set_feed_names(message.names)
        results = message.results
        added = sum(len(r.added) for r in results)
        failed = sum(r.status == "failed" for r in results)
        feeds = plural(len(results), "feed")
        news = plural(added, "new article") if added else "nothing new"
        skipped = [error for r in results for error in r.item_errors]
        passed = sum(r.passed_over for r in results)
        removed = sum(r.removed for r in results)
        notes = (
            (f"; {failed} failed" if failed else "")
            + (
                # (as `reader refresh` says them: an item passed over does not come back, and
                # the app said nothing of it; a daily reader's finding)
                f"; {passed} older passed over" if passed else ""
            )
            + (f"; {removed} removed by keep" if removed else "")
            + (
                f"; {plural(len(skipped), 'item')} not added ({printable(skipped[0])}"
                + (" …)" if len(skipped) > 1 else ")")
                + " · `reader refresh` lists them"
                if skipped
                else ""
            )
        )
        self.notify(
            f"Feeds refreshed: {news} from {feeds}{notes}",
            severity="warning" if skipped or failed else "information",
            timeout=8 if skipped else 6,
        )
        self.refresh_library()
