"""The orphans screen: annotations whose passage was lost when their article's text changed.

They are never deleted behind the user's back: here they can be read, opened (the article
shows where the passage used to be), or deleted on purpose (u undoes it, as everywhere).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.records import Annotation
from reader.reading.own_annotations import is_own
from reader.ui.dialogs.answered_once import AnsweredOnce
from reader.ui.styling import literal
from reader.ui.widgets.annotation_list import annotation_prompt


class OrphansScreen(AnsweredOnce, ModalScreen[Annotation | None]):
    """Lists every orphaned annotation; dismisses with the one to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Back", id="orphans.back"),
        Binding("j", "move(1)", "Down", show=False, id="orphans.down"),
        Binding("k", "move(-1)", "Up", show=False, id="orphans.up"),
        Binding("enter", "open", "Open its article", id="orphans.open"),
        Binding("d", "delete", "Delete", id="orphans.delete"),
    ]

    def __init__(
        self,
        orphans: list[Annotation],
        titles: dict[int, str],
        colours: dict[str, str],
        on_delete: Callable[[Annotation], None],
    ) -> None:
        super().__init__()
        self._orphans = {a.id: a for a in orphans}
        self._titles = titles
        self._colours = colours
        self._on_delete = on_delete

    def compose(self) -> ComposeResult:
        with Vertical(id="orphans-box") as box:
            box.border_title = f"Orphaned annotations ({len(self._orphans)})"
            box.border_subtitle = "enter open · d delete · esc back"
            yield Static(
                Content.styled(
                    "Their article's text changed and the passage could not be found again. "
                    "They are kept with their quote, source, themes and note.",
                    "dim",
                ),
                id="orphans-help",
            )
            yield OptionList(id="orphans-list")

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#orphans-list").focus()

    def _fill(self) -> None:
        listing = self.query_one("#orphans-list", OptionList)
        options: list[Option | None] = []
        for annotation in self._orphans.values():
            if options:
                options.append(None)
            title = literal(self._titles.get(annotation.article_id, "?"), "dim")
            prompt = Content.assemble(title, "\n", annotation_prompt(annotation, self._colours))
            options.append(Option(prompt, id=annotation.id))
        if not options:
            options = [Option(Content.styled("No orphaned annotations.", "dim"), disabled=True)]
        listing.set_options(options)
        if self._orphans:
            listing.highlighted = 0

    def _current(self) -> Annotation | None:
        option = self.query_one("#orphans-list", OptionList).highlighted_option
        return self._orphans.get(option.id) if option and option.id else None

    def action_move(self, step: int) -> None:
        listing = self.query_one("#orphans-list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_open(self) -> None:
        annotation = self._current()
        if annotation is not None:
            self.dismiss(annotation)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_delete(self) -> None:
        annotation = self._current()
        if annotation is None:
            return
        if is_own(annotation, getattr(self.app, "coder", "")):
            self._deleted(annotation)
            return
        # A teammate's orphan (their quote not in this text, the usual case after a merge):
        # asked first, as in the article (deleted here, it goes from their library too)
        from reader.ui.dialogs.prompt_dialog import teammates_deletion  # loaded when used

        def answered(delete_it: bool | None) -> None:
            if delete_it and annotation.id in self._orphans:
                self._deleted(annotation)

        self.app.push_screen(teammates_deletion(annotation.coder), answered)

    def _deleted(self, annotation: Annotation) -> None:
        self._on_delete(annotation)
        del self._orphans[annotation.id]
        self._fill()
        box = self.query_one("#orphans-box")
        box.border_title = f"Orphaned annotations ({len(self._orphans)})"
