"""The export dialog: pick a format and a file for the annotations on screen.

↑/↓ pick the format (the file name follows its extension), the file can be edited, enter
exports, esc cancels. The app writes the file in a worker and says where it went.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.paths import slug
from reader.interchange import EXPORT_FORMATS, EXTENSIONS
from reader.ui.dialogs.answered_once import AnsweredOnce
from reader.ui.styling import literal
from reader.ui.type_ahead import TypeAhead
from reader.ui.widgets.ordered_input import OrderedInput

FORMAT_HELP = {
    "markdown": "a draft section: block quotes with source, article and link, by theme",
    "csv": "one row per annotation, every field: for spreadsheets and pandas",
    "json": "the records as stored, with their articles: for scripts and re-import",
    "w3c": "W3C Web Annotation (JSON-LD): for annotation servers and re-import",
    "qdpx": "REFI-QDA project: for QualCoder, NVivo, ATLAS.ti, MAXQDA",
    "obsidian": "a folder of notes, #themes and [[sources]]: for a vault",
}


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog was confirmed with."""

    fmt: str
    target: Path


HINT = "↑/↓ format · enter exports · esc cancels"


class ExportDialog(AnsweredOnce, TypeAhead, ModalScreen[ExportRequest | None]):
    """Asks for the format and the file of an export."""

    AUTO_FOCUS = "#export-path"  # (not the formats, first: keys typed at once are the file's)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("down", "format(1)", "Next format", show=False, id="export.next"),
        Binding("up", "format(-1)", "Previous format", show=False, id="export.previous"),
    ]

    def __init__(
        self,
        count: int,
        what: str,
        name: str = "",
        folder: Path | None = None,
        *,
        check: Callable[[ExportRequest], str] | None = None,
        again: ExportRequest | None = None,
    ) -> None:
        """`check` says why a request cannot be written ("" when it can), and the dialog
        stays open to mend it; `again`: the request to start from (the user kept the file
        it would have replaced, and chooses another)."""
        super().__init__()
        self.count = count
        self.what = what
        self.folder = folder or Path.cwd()
        # The file says what is in it (the article or the search) and when, so that two
        # exports of different things do not suggest the same name.
        self.stem = f"{slug(name, 48) or 'quotes'}-{date.today().isoformat()}"
        self._check = check
        self._again = again
        self._shown = again.fmt if again else "markdown"  # the format the name was made for

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            noun = "annotation" if self.count == 1 else "annotations"
            box.border_title = literal(f"Export {self.count} {noun} ({self.what})")
            yield Label("Format")
            yield OptionList(
                *[
                    Option(Content.assemble((fmt, "bold"), "  ", (FORMAT_HELP[fmt], "dim")), id=fmt)
                    for fmt in EXPORT_FORMATS
                ],
                id="export-formats",
            )
            yield Label("File (a folder for obsidian)")
            start = str(self._again.target) if self._again else self._path_for("markdown")
            yield OrderedInput(start, id="export-path")
            yield Static(HINT, id="export-hint")

    def on_mount(self) -> None:
        chosen = EXPORT_FORMATS.index(self._again.fmt) if self._again else 0
        self.query_one("#export-formats", OptionList).highlighted = chosen
        path = self.query_one("#export-path", Input)
        path.focus()
        path.cursor_position = len(path.value)
        self.fill_typed_ahead(path)

    def _path_for(self, fmt: str) -> str:
        return str(self.folder / f"{self.stem}{EXTENSIONS[fmt]}")

    @property
    def fmt(self) -> str:
        formats = self.query_one("#export-formats", OptionList)
        option = formats.highlighted_option
        return option.id if option is not None and option.id else "markdown"

    def action_format(self, step: int) -> None:
        formats = self.query_one("#export-formats", OptionList)
        if step > 0:
            formats.action_cursor_down()
        else:
            formats.action_cursor_up()

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and event.option.id != self._shown:
            self._follow(self._shown, event.option.id)
            self._shown = event.option.id

    def _follow(self, before: str, after: str) -> None:
        """The file name takes the new format's extension, unless the user named it."""
        path = self.query_one("#export-path", Input)
        if path.value in ("", self._path_for(before)):
            path.value = self._path_for(after)
            path.cursor_position = len(path.value)  # (it stayed one before the end)

    @on(OptionList.OptionSelected, "#export-formats")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.notify("Give the file to write", severity="warning")
            return
        request = ExportRequest(self.fmt, Path(value).expanduser())
        problem = self._check(request) if self._check else ""
        if problem:  # (said here, the dialog open to mend it: it had closed the app)
            hint = self.query_one("#export-hint", Static)
            hint.update(Content.styled(problem, "$error"))
            return
        self.dismiss(request)

    @on(Input.Changed, "#export-path")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#export-hint", Static).update(HINT)

    def action_cancel(self) -> None:
        self.dismiss(None)
