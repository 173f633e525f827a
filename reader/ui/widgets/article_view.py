"""The article pane: the text wrapped to the pane, a keyboard cursor, selections, highlights.

A Line-API `ScrollView`: only the lines on screen are rendered, from the `Layout` of the
open `Document`, so a 1 MB article opens and scrolls as fast as a short one. The widget owns
the cursor and the selection; what to do with a selection (tag it, delete an annotation...)
it asks for with messages, which the screen answers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.records import Annotation
from reader.core.text import Span, TextStructure, quotation_at
from reader.quotes import QuoteFinding
from reader.quotes.review import untagged
from reader.reading import motions
from reader.reading.document import Document
from reader.reading.layout import HEADLINE, SUBHEADING, Layout
from reader.reading.own_annotations import is_own
from reader.ui.styling import retitle, styled_segments, tint
from reader.ui.threads import answer_from_thread

MAX_MEASURE = 100  # the longest line, in cells: longer lines are hard to read
FAINT = 0.3  # how much of its colour an untagged quotation's mark shows


@dataclass(frozen=True)
class Target:
    """What a tagging key acts on: a span to annotate, or an existing annotation.

    `suggestion` is the quotation found there, with its suggested speaker, if any.
    """

    span: Span | None = None
    annotation: Annotation | None = None
    suggestion: QuoteFinding | None = None


@dataclass(frozen=True)
class _FrameValues:
    """What every line drawn in one pass shares: the widget's style and background, the
    width, and the marks of untagged quotations (sure and uncertain)."""

    base: Style
    background: Color
    width: int
    faint: Style
    fainter: Style
    tagged: Style  # (beside each annotation's colour: none, but NO_COLOR's text style)


class ArticleView(ScrollView, can_focus=True):
    """Shows one article and lets the keyboard move, select and ask to tag."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--headline",
        "article-view--subheading",
        "article-view--cursor",
        "article-view--selection",
        "article-view--active",
        "article-view--suggestion",
        "article-view--uncertain",
        "article-view--tagged",
        "article-view--coder-a",
        "article-view--coder-b",
        "article-view--coder-both",
        "article-view--disagreement",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line(1)", "Line down", show=False, id="article.line_down"),
        Binding("k,up", "line(-1)", "Line up", show=False, id="article.line_up"),
        Binding("h,left", "char(-1)", "Left", show=False, id="article.left"),
        Binding("l,right", "char(1)", "Right", show=False, id="article.right"),
        Binding("w,ctrl+right", "word(1)", "Next word", show=False, id="article.word_next"),
        Binding("ctrl+left", "word(-1)", "Previous word", show=False, id="article.word_prev"),
        # (`e` outside a selection is the screen's: archive the article)
        Binding("e", "word_end", "End of word (selecting)", show=False, id="article.word_end"),
        Binding(")", "sentence(1)", "Next sentence", show=False, id="article.sentence_next"),
        Binding("(", "sentence(-1)", "Sentence back", show=False, id="article.sentence_prev"),
        Binding("}", "paragraph(1)", "Next paragraph", show=False, id="article.para_next"),
        Binding("{", "paragraph(-1)", "Paragraph back", show=False, id="article.para_prev"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="article.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="article.page_up"),
        Binding("g,home", "top", "Top", show=False, id="article.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="article.bottom"),
        Binding("n", "quotation(1)", "Next quote", id="article.quote_next"),
        Binding("a", "accept", "Accept speaker", id="article.accept"),
        Binding("N", "quotation(-1)", "Previous quote", show=False, id="article.quote_prev"),
        Binding("f", "untagged(1)", "Next untagged quote", show=False, id="article.untagged_next"),
        Binding("]", "annotation(1)", "Next annotation", show=False, id="article.note_next"),
        Binding("[", "annotation(-1)", "Previous annotation", show=False, id="article.note_prev"),
        Binding('"', "select_quotation", "Select quote", id="article.select_quote"),
        Binding("s", "select_sentence", "Sentence", show=False, id="article.select_sentence"),
        Binding("p", "select_paragraph", "Paragraph", show=False, id="article.select_para"),
        Binding("v", "visual", "Visual", id="article.visual"),
        Binding("escape", "clear", "Clear", show=False, id="article.clear"),
        # (the screen's: it opens the dialog in the key's own turn, so the keys typed
        # right after `t` go to the dialog, never to the article: "tue" typed fast ran undo)
        Binding("t,enter", "screen.tag", "Tag", id="article.tag"),
        Binding("full_stop", "repeat", "Repeat tag", show=False, id="article.repeat"),
        *[
            Binding(
                str(n), f"quick_theme({n})", f"Quick theme {n}", show=False, id=f"article.theme_{n}"
            )
            for n in range(1, 10)
        ],
        Binding("d", "delete", "Delete", show=False, id="article.delete"),
    ]

    @dataclass
    class CursorMoved(Message):
        """The cursor moved; `annotation` is the one under it, if any."""

        offset: int
        annotation: Annotation | None

    @dataclass
    class QuickThemeRequested(Message):
        """Apply the n-th most used theme to the target."""

        number: int
        target: Target

    @dataclass
    class RepeatRequested(Message):
        """Apply the last source and themes to the target."""

        target: Target

    @dataclass
    class AcceptRequested(Message):
        """Tag a quotation with its suggested speaker (`annotation`: the quotation is
        tagged already, without a source: give it the speaker)."""

        suggestion: QuoteFinding
        annotation: Annotation | None = None

    @dataclass
    class DeleteRequested(Message):
        """Delete an annotation."""

        annotation: Annotation

    visual: reactive[bool] = reactive(False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = "Article"
        self.document: Document | None = None
        self.text_layout: Layout | None = None
        self.cursor = 0
        self._frame: _FrameValues | None = None  # while lines are drawn (`render_lines`)
        self.selection_anchor: int | None = None
        self._goal_column: int | None = None
        self._annotations: tuple[Annotation, ...] = ()
        self._every: tuple[Annotation, ...] = ()  # all of them, when a filter shows fewer
        self._starts: list[int] = []
        self._max_ends: list[int] = []
        self._colours: dict[str, str] = {}
        self._active: str | None = None
        self.coder = ""  # the user's coder name: their own annotations come first under the cursor
        self._last_reported: tuple[int, str | None] | None = None
        self._message = ""
        self._suggestions: list[QuoteFinding] = []  # speech quotations, in text order
        self._untagged: list[QuoteFinding] = []
        self._untagged_ends: list[int] = []  # the furthest end so far, for bisection
        # Comparison mode: the text each coder tagged (start, end, "a"/"b"/"both"), and the
        # disagreement shown; None when the article shows its annotations as usual.
        self._comparison: list[tuple[int, int, str]] | None = None
        self._marked: tuple[int, int] | None = None

    # --- content ---
    def show_document(self, document: Document | None, cursor: int = 0) -> None:
        """Show an article (or nothing), with the cursor at `cursor`."""
        self.document = document
        self._suggestions = []
        self._mark_untagged([])
        self.selection_anchor = None
        self.visual = False
        self._goal_column = None
        self.text_layout = None
        self.scroll_to(0, 0, animate=False)
        self._relayout()
        if document is not None:
            self.cursor = motions.clamp(document.structure, cursor)
            self._reveal(center=cursor > 0)
            if cursor > 0:
                # Again once the screen is laid out: in the app's first frame the scroll
                # just set is lost to it, and a reopened article showed its top while the
                # cursor sat where the reader had left it
                self.call_after_refresh(self._reveal, True)
        self._moved()

    def show_message(self, message: str) -> None:
        """Text shown (dimmed, wrapped) while no article is open."""
        self._message = message
        self.refresh()

    def set_annotations(
        self,
        annotations: tuple[Annotation, ...],
        colours: dict[str, str],
        every: tuple[Annotation, ...] | None = None,
    ) -> None:
        """The annotations to highlight (in text order) and the colour of each, by id;
        `every`: all of the article's, when a filter keeps only `annotations` (a quotation
        tagged is tagged, shown or not: with a filter on, `f` stopped on tagged ones and
        accept there tagged them twice).

        Orphaned annotations (their passage is no longer in the text) are not drawn.
        """
        annotations = tuple(a for a in annotations if not a.orphaned)
        self._every = annotations if every is None else tuple(a for a in every if not a.orphaned)
        left = untagged(self._suggestions, self._own(self._every))
        # The same marks (the list of quotes filled, a filter that keeps them all): nothing
        # to draw again, which kept a long article's whole pane in that frame (3-4 ms).
        same = (
            annotations == self._annotations and colours == self._colours and left == self._untagged
        )
        self._annotations = annotations
        self._starts = [a.start for a in annotations]
        running = 0
        self._max_ends = []
        for annotation in annotations:
            running = max(running, annotation.end)
            self._max_ends.append(running)
        self._colours = colours
        self._mark_untagged(left)
        self._last_reported = None
        self._moved(repaint=not same)

    def set_comparison(self, coverage: list[tuple[int, int, str]] | None) -> None:
        """Show two coders' highlights instead of the annotations' colours: each span of
        `coverage` (text order) is A's, B's or both's; None goes back to the usual view."""
        self._comparison = coverage
        if coverage is None:
            self._marked = None
        self.refresh()

    def mark(self, span: tuple[int, int] | None) -> None:
        """Underline the disagreement being settled (comparison mode)."""
        if span != self._marked:
            self._marked = span
            self.refresh()

    def set_suggestions(self, findings: list[QuoteFinding]) -> None:
        """The quotations found in the article (speech ones are marked until tagged)."""
        self._suggestions = [f for f in findings if f.speech]
        self._mark_untagged(untagged(self._suggestions, self._own(self._every)))
        self.refresh()

    def _own(self, annotations: tuple[Annotation, ...]) -> list[Annotation]:
        """The user's own annotations (and those made before coders were kept): a quotation
        only a teammate tagged is still the user's to code (`f` passed over it and `a`
        refused it, so a merged library's independent coding left out what the teammate
        had coded)."""
        coder = getattr(self.app, "coder", "")
        return [a for a in annotations if is_own(a, coder)]

    def _mark_untagged(self, findings: list[QuoteFinding]) -> None:
        """The suggestions still to mark (text order), and how far each reaches at most."""
        self._untagged = findings
        self._untagged_ends = list(accumulate((f.quotation.outer.end for f in findings), max))

    def suggestion_at(self, offset: int) -> QuoteFinding | None:
        """The speech quotation around `offset` (its marks included), if any."""
        for finding in self._suggestions:
            outer = finding.quotation.outer
            if outer.start <= offset < max(outer.end, finding.span.end):
                return finding
            if outer.start > offset:
                break
        return None

    def set_active(self, annotation_id: str | None) -> None:
        """Mark one annotation as the current one (drawn underlined)."""
        if annotation_id != self._active:
            self._active = annotation_id
            self.refresh()

    @property
    def wrap_width(self) -> int:
        """The width lines are wrapped to (the pane's, up to a comfortable measure)."""
        return max(8, min(self.scrollable_content_region.width, MAX_MEASURE))

    def _relayout(self) -> None:
        document = self.document
        if document is None or self.scrollable_content_region.width <= 0:
            self.text_layout = None
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        width = self.wrap_width
        layout = document.cached_layout(width)
        if layout is None and document.big:
            self._layout_in_background(document, width)  # keep showing the old one meanwhile
            return
        self._apply_layout(layout or document.layout(width))

    def _apply_layout(self, layout: Layout) -> None:
        self.text_layout = layout
        self.virtual_size = Size(layout.width, len(layout))
        self.refresh()

    @work(thread=True, exclusive=True, group="layout", description="lay out an article")
    def _layout_in_background(self, document: Document, width: int) -> None:
        layout = document.layout(width)
        answer_from_thread(self, self._layout_ready, document, layout)

    def _layout_ready(self, document: Document, layout: Layout) -> None:
        if document is self.document and layout.width == self.wrap_width:
            self._apply_layout(layout)
            self._reveal()
            self._moved()

    def on_resize(self, event: events.Resize) -> None:
        if self.text_layout is None or self.text_layout.width != self.wrap_width:
            self._relayout()
            self._reveal()

    # --- what is where ---
    @property
    def selection(self) -> Span | None:
        """The selected span (visual mode), trimmed of white space; None when nothing is."""
        if self.selection_anchor is None or self.document is None:
            return None
        span = motions.selected(self._structure(), self.selection_anchor, self.cursor)
        return span if span.end > span.start else None

    def annotations_at(self, offset: int) -> list[Annotation]:
        """Annotations covering `offset`, innermost (latest starting) first."""
        index = bisect_right(self._starts, offset)
        first = bisect_right(self._max_ends, offset)
        found = [a for a in self._annotations[first:index] if a.start <= offset < a.end]
        return sorted(found, key=lambda a: (-a.start, a.end))

    def annotation_under_cursor(self) -> Annotation | None:
        """The annotation the keys act on: of those under the cursor, the user's own before
        another coder's (`coder`), the current one (chosen in the pane) before the others,
        else the innermost. Keys never pick a teammate's over the user's own."""
        found = self.annotations_at(self.cursor)
        own = [a for a in found if is_own(a, self.coder)]
        pool = own or found
        return next((a for a in pool if a.id == self._active), pool[0] if pool else None)

    def target(self) -> Target | None:
        """The selection, else the annotation under the cursor, else its quotation."""
        selection = self.selection
        if selection is not None:
            found = self.suggestion_at(selection.start)
            suggested = found if found is not None and found.span == selection else None
            return Target(span=selection, suggestion=suggested)
        annotation = self.annotation_under_cursor()
        if annotation is not None:
            return Target(annotation=annotation)
        if self.document is not None:
            found = self.suggestion_at(self.cursor)
            if found is not None:
                return Target(span=found.span, suggestion=found)
            quote = quotation_at(self.document.structure.quotations, self.cursor)
            if quote is not None:
                return Target(span=quote.inner)
        return None

    @property
    def at_end(self) -> bool:
        """True when the cursor is on the article's last line (it has been read through)."""
        layout = self.text_layout
        return (
            layout is not None
            and len(layout) > 0
            and layout.line_of(self.cursor) >= len(layout) - 1
        )

    # --- moving ---
    def move_to(self, offset: int, *, center: bool = False) -> None:
        """Put the cursor at `offset` and scroll it into view."""
        if self.document is None:
            return
        self.cursor = motions.clamp(self.document.structure, offset)
        self._goal_column = None
        self._reveal(center=center)
        self._moved()

    def _set_cursor(self, offset: int, keep_column: bool = False) -> None:
        if not keep_column:
            self._goal_column = None
        self.cursor = offset
        self._reveal()
        self._moved()

    def _moved(self, repaint: bool = True) -> None:
        if repaint:
            self.refresh()
        annotation = self.annotation_under_cursor()
        report = (self.cursor, annotation.id if annotation else None)
        if report != self._last_reported:
            self._last_reported = report
            self.post_message(self.CursorMoved(self.cursor, annotation))
        self._update_subtitle()

    def _update_subtitle(self) -> None:
        if self.text_layout is None or not len(self.text_layout):
            retitle(self, "", subtitle=True)
            return
        line = self.text_layout.line_of(self.cursor)
        percent = round(100 * (line + 1) / len(self.text_layout))
        mode = "VISUAL · " if self.visual else ""
        retitle(self, f"{mode}{percent}%", subtitle=True)

    def _reveal(self, center: bool = False) -> None:
        if self.text_layout is None or not len(self.text_layout):
            return
        line = self.text_layout.line_of(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        margin = min(3, height // 4)
        if center:
            self.scroll_to(y=max(0, line - height // 3), animate=False)
        elif line < top + margin:
            self.scroll_to(y=max(0, line - margin), animate=False)
        elif line >= top + height - margin:
            self.scroll_to(y=line - height + margin + 1, animate=False)

    def _structure(self) -> TextStructure:
        assert self.document is not None
        return self.document.structure

    def action_line(self, lines: int) -> None:
        if self.text_layout is None:
            return
        column = (
            self._goal_column
            if self._goal_column is not None
            else self.text_layout.column_of(self.cursor)
        )
        self._goal_column = column
        self._set_cursor(motions.line_move(self.text_layout, self.cursor, column, lines), True)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 2)
        if self.text_layout is None:
            return
        self.scroll_to(y=self.scroll_y + direction * height, animate=False, immediate=True)
        self.action_line(direction * height)

    def action_char(self, direction: int) -> None:
        if self.document is None:
            return
        move = motions.char_right if direction > 0 else motions.char_left
        self._set_cursor(move(self._structure(), self.cursor))

    def action_word_end(self) -> None:
        """`e` while selecting: the selection to the end of the word, as in vim (archiving
        the article in the middle of a selection is never what was meant)."""
        if self.selection_anchor is None or self.document is None:
            raise SkipAction()
        self._set_cursor(motions.word_end(self._structure(), self.cursor))

    def action_word(self, direction: int) -> None:
        if self.document is None:
            return
        move = motions.word_right if direction > 0 else motions.word_left
        self._set_cursor(move(self._structure(), self.cursor))

    def action_sentence(self, direction: int) -> None:
        if self.document is None:
            return
        move = motions.sentence_next if direction > 0 else motions.sentence_previous
        self._set_cursor(move(self._structure(), self.cursor))

    def action_paragraph(self, direction: int) -> None:
        if self.document is None:
            return
        move = motions.paragraph_next if direction > 0 else motions.paragraph_previous
        self._set_cursor(move(self._structure(), self.cursor))

    def action_top(self) -> None:
        if self.document is not None:
            self._set_cursor(motions.top(self._structure()))

    def action_bottom(self) -> None:
        if self.document is not None:
            self._set_cursor(motions.bottom(self._structure()))

    def action_quotation(self, direction: int) -> None:
        if self.document is None:
            return
        if self._suggestions:
            starts = [f.span.start for f in self._suggestions]
        else:
            starts = [q.inner.start for q in self._structure().quotations]
        self._jump(starts, direction, "quotation")

    def action_untagged(self, direction: int) -> None:
        """The next quotation not tagged yet (`n` stops at every one: going down an article
        tagged in part, `n a` met "already tagged" and the `a` rhythm broke)."""
        self._jump([f.span.start for f in self._untagged], direction, "untagged quotation")

    def action_annotation(self, direction: int) -> None:
        self._jump(self._starts, direction, "annotation")

    def _jump(self, starts: list[int], direction: int, what: str) -> None:
        if self.document is None:
            return
        if direction > 0:
            found = motions.next_of(starts, self.cursor)
        else:
            found = motions.previous_of(starts, self.cursor)
        if found is None:
            where = "below" if direction > 0 else "above"
            self.notify(f"No {what} {where}", timeout=2)
            return
        self.cursor = found
        self._goal_column = None
        self._reveal(center=not self._line_visible(found))
        self._moved()

    def _line_visible(self, offset: int) -> bool:
        if self.text_layout is None:
            return False
        line = self.text_layout.line_of(offset)
        top = round(self.scroll_y)
        return top <= line < top + self.scrollable_content_region.height

    # --- selecting ---
    def select(self, span: Span) -> None:
        """Select `span` in visual mode (movement keys then extend it)."""
        if self.document is None:
            return
        text = self.document.text
        self.selection_anchor = span.start
        self.visual = True
        self._set_cursor(motions.grapheme_start(text, max(span.start, span.end - 1)))

    def action_select_quotation(self) -> None:
        if self.document is None:
            return
        quote = quotation_at(self._structure().quotations, self.cursor)
        if quote is None:
            self.notify("No quotation here: n jumps to the next one", timeout=3)
            return
        self.select(quote.inner)

    def action_select_sentence(self) -> None:
        if self.document is None:
            return
        span = motions.span_containing(self._structure().sentences, self.cursor)
        if span is not None:
            self.select(span)

    def action_select_paragraph(self) -> None:
        if self.document is None:
            return
        span = motions.span_containing(self._structure().paragraphs, self.cursor)
        if span is not None:
            self.select(span)

    def action_visual(self) -> None:
        if self.visual:
            self.clear_selection()
        elif self.document is not None:
            self.selection_anchor = self.cursor
            self.visual = True
            self._moved()

    def action_clear(self) -> None:
        self.clear_selection()

    def clear_selection(self) -> None:
        self.selection_anchor = None
        self.visual = False
        self._moved()

    def watch_visual(self, visual: bool) -> None:
        self.set_class(visual, "-visual")
        self._update_subtitle()

    # --- asking to tag ---
    def tag_target(self) -> Target | None:
        """What `t` tags (`target`), or None after saying what to select first."""
        target = self.target()
        if target is None:
            self.notify(
                'Select a passage first: " quote, s sentence, p paragraph, v visual',
                timeout=3,
            )
        return target

    def action_quick_theme(self, number: int) -> None:
        target = self.target()
        if target is not None:
            self.post_message(self.QuickThemeRequested(number, target))

    def action_repeat(self) -> None:
        target = self.target()
        if target is not None:
            self.post_message(self.RepeatRequested(target))

    def action_accept(self) -> None:
        found = self.suggestion_at(self.cursor)
        if found is None:
            self.notify("No quotation here: n jumps to the next one", timeout=3)
            return
        if found not in self._untagged:
            tagged = self.annotation_under_cursor()
            if tagged is not None and not tagged.source and found.speaker:
                # themes first ("n 1 a"): the speaker goes onto that annotation
                self.post_message(self.AcceptRequested(found, tagged))
                return
            self.notify("This quotation is already tagged · f goes to the next untagged", timeout=3)
            return
        self.post_message(self.AcceptRequested(found))

    def action_delete(self) -> None:
        annotation = self.annotation_under_cursor()
        if annotation is None:
            self.notify("No annotation under the cursor", timeout=2)
            return
        self.post_message(self.DeleteRequested(annotation))

    # --- mouse ---
    def on_click(self, event: events.Click) -> None:
        if self.text_layout is None or not len(self.text_layout):
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = min(len(self.text_layout) - 1, round(self.scroll_y) + offset.y)
        if self.text_layout.is_blank(line):
            return
        self._set_cursor(self.text_layout.offset_at(line, offset.x + round(self.scroll_x)))

    # --- drawing ---
    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style, background and width, read once for all the lines drawn:
        # Textual works each out afresh on every access (half of a line's cost).
        self._frame = self._frame_values()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _frame_values(self) -> _FrameValues:
        background = self.background_colors[1]
        return _FrameValues(
            self.rich_style,
            background,
            self.scrollable_content_region.width,
            self._faint_style(background, "article-view--suggestion"),
            self._faint_style(background, "article-view--uncertain", FAINT / 2),
            self.get_component_rich_style("article-view--tagged", partial=True),
        )

    def render_line(self, y: int) -> Strip:
        frame = self._frame or self._frame_values()
        width = frame.width
        base = frame.base
        layout = self.text_layout
        index = round(self.scroll_y) + y
        if self.document is None and self._message:
            return self._message_line(y, width, base)
        if layout is None or index >= len(layout) or layout.is_blank(index):
            return Strip.blank(width, base)
        start, end = layout.starts[index], layout.ends[index]
        shown = layout.display(index)
        line_style = base
        if layout.kinds[index] == HEADLINE:
            line_style = base + self.get_component_rich_style(
                "article-view--headline", partial=True
            )
        elif layout.kinds[index] == SUBHEADING:
            line_style = base + self.get_component_rich_style(
                "article-view--subheading", partial=True
            )
        runs = self._runs(start, end)
        segments = styled_segments(shown, line_style, runs)
        return Strip(segments).crop_extend(0, width, base)

    def _comparison_runs(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        """Comparison mode's runs over `[start, end)`: A's, B's and both coders' text."""
        runs: list[tuple[int, int, Style]] = []
        coverage = self._comparison or []
        first = bisect_right([span_end for _, span_end, _ in coverage], start)
        for span_start, span_end, who in coverage[first:]:
            if span_start >= end:
                break
            style = self.get_component_rich_style(f"article-view--coder-{who}", partial=True)
            runs.append((span_start - start, span_end - start, style))
        if self._marked and self._marked[0] < end and self._marked[1] > start:
            style = self.get_component_rich_style("article-view--disagreement", partial=True)
            runs.append((self._marked[0] - start, self._marked[1] - start, style))
        return runs

    def _message_line(self, y: int, width: int, base: Style) -> Strip:
        lines = Text(self._message).wrap(self.app.console, max(8, width))
        if y >= len(lines):
            return Strip.blank(width, base)
        style = base + Style(dim=True)
        return Strip([Segment(lines[y].plain, style)]).crop_extend(0, width, base)

    def _faint_style(self, background: Color, component: str, faint: float = FAINT) -> Style:
        """The mark of an untagged quotation: its component colour, faded into the page."""
        style = self.get_component_rich_style(component, partial=True)
        if style.bgcolor is None:
            return style
        colour = background.blend(Color.from_rich_color(style.bgcolor), faint)
        return style + Style(bgcolor=colour.rich_color)

    def _runs(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        """Style runs over `[start, end)`, relative to `start`: highlights, selection, cursor."""
        runs: list[tuple[int, int, Style]] = []
        frame = self._frame or self._frame_values()
        background = frame.background
        if self._comparison is not None:
            runs = self._comparison_runs(start, end)
        elif self._untagged:
            faint, fainter = frame.faint, frame.fainter
            # From the first that reaches this line: a line far down a long article no
            # longer walks past every quotation above it (6 ms a frame at line 20,000).
            first_untagged = bisect_right(self._untagged_ends, start)
            for finding in self._untagged[first_untagged:]:
                outer = finding.quotation.outer
                if outer.start >= end:
                    break
                if outer.end > start:
                    mark = fainter if finding.uncertain else faint
                    runs.append((outer.start - start, outer.end - start, mark))
        first = bisect_right(self._max_ends, start)
        last = bisect_left(self._starts, end)
        shown = () if self._comparison is not None else self._annotations[first:last]
        for annotation in shown:
            if annotation.end <= start:
                continue
            colour = tint(self._colours.get(annotation.id, "#8a8a8a"), background)
            style = Style(bgcolor=colour.rich_color) + frame.tagged
            if annotation.id == self._active:
                style += self.get_component_rich_style("article-view--active", partial=True)
            runs.append((annotation.start - start, annotation.end - start, style))
        selection = self.selection
        if selection is not None and selection.start < end and selection.end > start:
            style = self.get_component_rich_style("article-view--selection", partial=True)
            runs.append((selection.start - start, selection.end - start, style))
        if start <= self.cursor < end and self.document is not None:
            cursor_end = motions.grapheme_end(self.document.text, self.cursor)
            style = self.get_component_rich_style("article-view--cursor", partial=True)
            runs.append((self.cursor - start, cursor_end - start, style))
        return runs
