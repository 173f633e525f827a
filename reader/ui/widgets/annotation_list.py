"""The annotations pane: the annotations of the open article, in text order.

Each entry shows the source, the themes in their colours, an excerpt of the quote and the
note. Moving the highlight asks the article to scroll to that passage; enter goes there.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.records import Annotation
from reader.text import clean_line

EXCERPT = 160


def annotation_prompt(annotation: Annotation, colours: dict[str, str]) -> Content:
    """The lines that show one annotation in a list."""
    parts: list[Content | str] = []
    if annotation.source:
        parts.append(Content.styled(annotation.source, "bold"))
    else:
        parts.append(Content.styled("no source", "dim italic"))
    if annotation.themes:
        parts.append("\n")
        chips = [
            Content.styled(f"● {theme}", colours.get(theme, "")) for theme in annotation.themes
        ]
        parts.append(Content(" ").join(chips))
    quote = clean_line(annotation.quote)
    if len(quote) > EXCERPT:
        quote = quote[: EXCERPT - 1].rstrip() + "…"
    parts.append("\n")
    parts.append(Content.styled(f"“{quote}”", "italic"))
    if annotation.note:
        parts.append("\n")
        parts.append(Content.styled(f"✎ {clean_line(annotation.note)}", "dim"))
    if annotation.orphaned:
        parts.append("\n")
        parts.append(Content.styled("⚠ not found in the current text (kept)", "$warning"))
    return Content.assemble(*parts)


class AnnotationList(OptionList):
    """Lists the open article's annotations; highlight one to see it in the article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding("enter", "select", "Go to", id="notes.goto"),
        Binding("t,e", "edit", "Edit", id="notes.edit"),
        Binding("d", "delete", "Delete", id="notes.delete"),
    ]

    class AnnotationChosen(Message):
        """An annotation was highlighted (`focus` False) or chosen with enter (True)."""

        def __init__(self, annotation: Annotation, focus: bool) -> None:
            super().__init__()
            self.annotation = annotation
            self.focus = focus

    class EditRequested(Message):
        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class DeleteRequested(Message):
        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotations: dict[str, Annotation] = {}

    def show_annotations(
        self, annotations: tuple[Annotation, ...], colours: dict[str, str], current: str | None
    ) -> None:
        """Show the annotations; keep the highlight on `current` when it is listed."""
        annotations = tuple(sorted(annotations, key=lambda a: a.orphaned))  # orphans last
        self._annotations = {a.id: a for a in annotations}
        with self.prevent(OptionList.OptionHighlighted):
            if annotations:
                options: list[Option | None] = []
                for annotation in annotations:
                    if options:
                        options.append(None)  # a separator line
                    options.append(Option(annotation_prompt(annotation, colours), id=annotation.id))
                self.set_options(options)
            else:
                hint = 'No annotations yet.\nSelect a passage (" s p v) and press t.'
                self.set_options([Option(Content.styled(hint, "dim"), disabled=True)])
            self.show_current(current)

    def show_current(self, annotation_id: str | None) -> None:
        """Highlight an annotation without asking the article to move."""
        with self.prevent(OptionList.OptionHighlighted):
            if annotation_id in self._annotations:
                self.highlighted = self.get_option_index(annotation_id)
            else:
                self.highlighted = None

    def on_focus(self) -> None:
        if self.highlighted is None and self._annotations:
            self.show_current(next(iter(self._annotations)))

    @property
    def current(self) -> Annotation | None:
        option = self.highlighted_option
        return self._annotations.get(option.id) if option and option.id else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        annotation = self._annotations.get(event.option.id or "")
        if annotation is not None and self.has_focus:
            self.post_message(self.AnnotationChosen(annotation, focus=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        annotation = self._annotations.get(event.option.id or "")
        if annotation is not None:
            self.post_message(self.AnnotationChosen(annotation, focus=True))

    def action_edit(self) -> None:
        if self.current is not None:
            self.post_message(self.EditRequested(self.current))

    def action_delete(self) -> None:
        if self.current is not None:
            self.post_message(self.DeleteRequested(self.current))
