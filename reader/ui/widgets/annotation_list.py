"""The annotations pane: the annotations of the open article, in text order.

Each entry shows the source, the themes in their colours, an excerpt of the passage (in
quote marks only when it is a quotation, else marked "passage") and the first line of the
note (`o` shows every note whole). The quotations found but not tagged yet are listed among
them, dimmed, with their suggested speaker. Moving the highlight asks the article to scroll
to that passage; enter goes there; `n`/`N` move the article to the next/previous quotation
as they do there, and the highlight follows. Keys here move, open and edit; the one that
changes data without a dialog is Delete, a key no one types by accident (`a` accepts from
the article).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.core.codebook import name_key
from reader.core.coders import coder_key, shown_coder
from reader.core.records import Annotation
from reader.core.text import clean_line
from reader.quotes import QuoteFinding
from reader.quotes.finding import speaker_unknown
from reader.ui.styling import literal
from reader.ui.widgets.option_updates import MeasuredContent, prompt_width, redraw, same_lines

EXCERPT = 160
MAX_CHIPS = 50  # themes shown as chips, then "+N more": an import can bring 50,000
MAX_NOTE = 2_000  # characters of a note shown in a list, then "…"


def annotation_prompt(
    annotation: Annotation,
    colours: dict[str, str],
    descriptions: dict[str, str] | None = None,
    whole_note: bool = False,
    with_coder: bool = False,
) -> Content:
    """The lines that show one annotation in a list (the source with its description;
    `with_coder`: and who tagged it)."""
    parts: list[Content | str] = []
    if annotation.source:
        parts.append(literal(annotation.source, "bold"))
        description = (descriptions or {}).get(name_key(annotation.source))
        if description:
            parts.append(literal(f" · {description}", "dim"))
    else:
        parts.append(Content.styled("no source", "dim italic"))
    if with_coder:
        parts.append(literal(f"  by {shown_coder(annotation.coder)}", "$text-secondary"))
    if annotation.themes:
        parts.append("\n")
        chips = [
            literal(f"● {theme}", colours.get(theme, "")) for theme in annotation.themes[:MAX_CHIPS]
        ]
        if len(annotation.themes) > MAX_CHIPS:
            chips.append(Content.styled(f"+{len(annotation.themes) - MAX_CHIPS:,} more", "dim"))
        parts.append(Content(" ").join(chips))
    parts.append("\n")
    if annotation.is_quotation:
        parts.append(literal(f"“{_excerpt(annotation.quote)}”", "italic"))
    else:
        parts += [Content.styled("passage  ", "dim"), literal(_excerpt(annotation.quote))]
    if annotation.note:
        parts.append("\n")
        parts.append(literal(f"✎ {_note(annotation.note, whole_note)}", "dim"))
    if annotation.orphaned:
        parts.append("\n")
        parts.append(Content.styled("⚠ not found in the current text (kept)", "$warning"))
    return Content.assemble(*parts)


def _note(note: str, whole: bool) -> str:
    """The note whole (its own lines kept), or its first line with "…" when there is more;
    never more than `MAX_NOTE` characters of it (a note of megabytes took seconds to lay out)."""
    note = note.strip()
    if len(note) > MAX_NOTE:
        note = note[:MAX_NOTE].rstrip() + " …"
    lines = [line.strip() for line in note.splitlines()]
    if whole:
        return "\n  ".join(lines)
    return lines[0] + (" …" if len(lines) > 1 else "")


def _excerpt(quote: str) -> str:
    quote = clean_line(quote)
    return quote if len(quote) <= EXCERPT else quote[: EXCERPT - 1].rstrip() + "…"


def suggestion_prompt(finding: QuoteFinding, quote: str) -> Content:
    """The lines that show a quotation not tagged yet, with its suggested speaker."""
    if not finding.speaker:
        speaker = Content.styled(clean_line(speaker_unknown(finding)), "italic $text-muted")
    elif finding.uncertain:  # look before accepting: a ? and a dimmer colour
        speaker = literal(f"? {finding.speaker}", "italic $text-muted")
    else:
        speaker = literal(finding.speaker, "bold $text-secondary")
    return Content.assemble(
        Content.styled("suggested  ", "$text-muted"),
        speaker,
        "\n",
        literal(f"“{_excerpt(quote)}”", "italic $text-muted"),
    )


def _suggestion_id(finding: QuoteFinding) -> str:
    return f"quote:{finding.span.start}"


class AnnotationList(OptionList):
    """Lists the open article's annotations; highlight one to see it in the article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding("enter", "select", "Go to", id="notes.goto"),
        Binding("t,e", "edit", "Edit", id="notes.edit"),
        Binding("delete", "delete", "Delete", key_display="del", id="notes.delete"),
        Binding("o", "whole_notes", "Whole notes", id="notes.whole"),
        Binding("n", "quotation(1)", "Next quote", id="notes.quote_next"),
        Binding("N", "quotation(-1)", "Previous quote", show=False, id="notes.quote_prev"),
    ]

    @dataclass
    class AnnotationChosen(Message):
        """An annotation was highlighted (`focus` False) or chosen with enter (True)."""

        annotation: Annotation
        focus: bool

    @dataclass
    class SuggestionChosen(Message):
        """A suggested quotation was highlighted (`focus` False) or chosen with enter."""

        suggestion: QuoteFinding
        focus: bool

    @dataclass
    class QuotationRequested(Message):
        """Move the article to the next (1) or previous (-1) quotation, as `n`/`N` do there."""

        direction: int

    @dataclass
    class EditRequested(Message):
        """Open the tag dialog on an annotation."""

        annotation: Annotation

    @dataclass
    class DeleteRequested(Message):
        """Delete an annotation."""

        annotation: Annotation

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotations: dict[str, Annotation] = {}
        self._suggestions: dict[str, QuoteFinding] = {}
        self.whole_notes = False
        self._redraw: Callable[[], None] | None = None  # shows the same entries again

    def show_annotations(
        self,
        annotations: tuple[Annotation, ...],
        colours: dict[str, str],
        current: str | None,
        suggestions: tuple[QuoteFinding, ...] = (),
        text: str = "",
        descriptions: dict[str, str] | None = None,
        hidden: int = 0,
        filtered_out: int = 0,
        filtering: bool = False,
    ) -> None:
        """Show the annotations, and the untagged `suggestions` (quotations of `text`) among
        them in text order; keep the highlight on `current` when it is listed. `hidden`: how
        many more untagged quotations there are beyond those given; `filtering`: a filter
        chose the annotations (and left the suggestions out)."""

        def redraw() -> None:
            current_id = self.current.id if self.current else current
            self.show_annotations(
                annotations,
                colours,
                current_id,
                suggestions,
                text,
                descriptions,
                hidden,
                filtered_out,
                filtering,
            )

        self._redraw = redraw
        self._annotations = {a.id: a for a in annotations}
        self._suggestions = {_suggestion_id(f): f for f in suggestions}
        coders = len({coder_key(a.coder) for a in annotations}) > 1
        entries: list[tuple[tuple[bool, int], Option]] = [
            (
                (a.orphaned, a.start),
                Option(
                    MeasuredContent.of(
                        annotation_prompt(a, colours, descriptions, self.whole_notes, coders)
                    ),
                    id=a.id,
                ),
            )
            for a in annotations
        ]  # orphans last
        entries += [
            (
                (False, f.span.start),
                Option(
                    MeasuredContent.of(suggestion_prompt(f, text[f.span.start : f.span.end])),
                    id=_suggestion_id(f),
                ),
            )
            for f in suggestions
        ]
        entries.sort(key=lambda entry: entry[0])
        with self.prevent(OptionList.OptionHighlighted):
            if entries:
                options: list[Option | None] = []
                for _, option in entries:
                    if options:
                        options.append(None)  # a separator line
                    options.append(option)
                if hidden:
                    more = f"… and {hidden:,} more untagged quotations: n and N reach them"
                    options += [None, Option(Content.styled(more, "dim italic"), disabled=True)]
                self._update_options(options)
                self.call_later(self._draw_ahead)
            else:
                if filtered_out:
                    noun = "annotation" if filtered_out == 1 else "annotations"
                    hint = f"{filtered_out} {noun} here, none matching the filter.\nF changes it."
                elif filtering:
                    hint = "Nothing here matches the filter (quotations to tag are hidden).\nF changes it."
                else:
                    hint = 'No annotations yet.\nSelect a passage (" s p v) and press t.'
                self.set_options([Option(Content.styled(hint, "dim"), disabled=True)])
            self.show_current(current)

    def _update_options(self, options: list[Option | None]) -> None:
        """Show `options`: when they are the entries listed now, in the same order, only
        those whose text changed are drawn again (a rename of a source used 300 times in
        the article redrew and measured every entry: 30 ms); otherwise all anew."""
        new = [option for option in options if option is not None]
        old = self.options
        if len(old) != len(new) or any(
            a.id != b.id or a.disabled != b.disabled for a, b in zip(old, new, strict=True)
        ):
            self.set_options(options)
            return
        width = prompt_width(self)
        changed: list[tuple[Option, Content]] = []
        for option, replacement in zip(old, new, strict=True):
            before, after = option.prompt, replacement.prompt
            if not isinstance(before, Content) or not isinstance(after, Content):
                self.set_options(options)
                return
            if before.plain == after.plain and before.spans == after.spans:
                continue
            if not same_lines(before.plain.split("\n"), after.plain.split("\n"), width, self):
                self.set_options(options)  # its number of lines may change: lay out again
                return
            changed.append((option, after))
        for option, prompt in changed:
            option._set_prompt(prompt)
        redraw(self, [option for option, _ in changed])

    def _draw_ahead(self) -> None:
        """Make the entries on view now, in a turn of the event loop of their own, so that
        the frame that shows them only puts them on screen (a long article's 30 quotations:
        6 ms of a 20 ms frame)."""
        height = self.scrollable_content_region.height
        lines = self._lines
        top = self.scroll_offset.y
        style = self.get_visual_style("option-list--option")
        plain = {index for index, _ in lines[top : top + height]}
        plain -= {self.highlighted, self._mouse_hovering_over}  # drawn in another style
        for index in sorted(i for i in plain if i is not None):
            option = self.options[index]
            if not option.disabled:
                self._get_option_render(option, style)

    def show_current(self, annotation_id: str | None) -> None:
        """Highlight an annotation without asking the article to move."""
        with self.prevent(OptionList.OptionHighlighted):
            if annotation_id in self._annotations or annotation_id in self._suggestions:
                self.highlighted = self.get_option_index(annotation_id)
            else:
                self.highlighted = None

    def show_suggestion(self, suggestion: QuoteFinding | None) -> None:
        """Highlight a suggested quotation (when listed) without asking the article to move."""
        self.show_current(_suggestion_id(suggestion) if suggestion else None)

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            first = self.get_option_at_index(0)
            if not first.disabled:
                self.show_current(first.id)

    @property
    def current(self) -> Annotation | None:
        option = self.highlighted_option
        return self._annotations.get(option.id) if option and option.id else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        annotation = self._annotations.get(event.option.id or "")
        if annotation is not None and self.has_focus:
            self.post_message(self.AnnotationChosen(annotation, focus=False))
        suggestion = self._suggestions.get(event.option.id or "")
        if suggestion is not None and self.has_focus:
            self.post_message(self.SuggestionChosen(suggestion, focus=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        annotation = self._annotations.get(event.option.id or "")
        if annotation is not None:
            self.post_message(self.AnnotationChosen(annotation, focus=True))
        suggestion = self._suggestions.get(event.option.id or "")
        if suggestion is not None:
            self.post_message(self.SuggestionChosen(suggestion, focus=True))

    @property
    def current_suggestion(self) -> QuoteFinding | None:
        option = self.highlighted_option
        return self._suggestions.get(option.id) if option and option.id else None

    def action_whole_notes(self) -> None:
        """Show every note whole, or their first lines again."""
        self.whole_notes = not self.whole_notes
        if self._redraw is not None:
            self._redraw()

    def action_quotation(self, direction: int) -> None:
        self.post_message(self.QuotationRequested(direction))

    def action_edit(self) -> None:
        if self.current is not None:
            self.post_message(self.EditRequested(self.current))

    def action_delete(self) -> None:
        if self.current is not None:
            self.post_message(self.DeleteRequested(self.current))
