"""The add dialog: a web address or a file path becomes an article of the library.

Fetching and cleaning run in a thread worker with a progress line, so the app stays
responsive; writing the file and registering it run on the app's saving thread, in order
with every other change. The dialog closes with the new (or already present) article's id;
an error is a notification and the dialog stays open to correct the address. With "show
what the cleaning removed" checked, a cleaned page's removals are listed before it closes
(the same lines as `reader add --show-removed`).
"""

from __future__ import annotations

import contextlib
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast
from urllib.parse import unquote, urlsplit

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Label, LoadingIndicator, Static
from textual.worker import get_current_worker

from reader.library.article_files import ArticleError
from reader.storage.database import StoreError
from reader.ui.dialogs.answered_once import AnsweredOnce
from reader.ui.styling import literal
from reader.ui.threads import answer_from_thread
from reader.ui.type_ahead import TypeAhead
from reader.ui.widgets.ordered_input import OrderedInput

if TYPE_CHECKING:
    from reader.library.adding import AddResult
    from reader.ui.app import ReaderApp


_PATH_MAX = 4096  # (Linux's longest path)


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # (a pasted megabyte: a name too long)
        return False


def unquoted(source: str) -> str:
    """A path as a file manager or a shell pastes it, as the path itself: in quote marks
    ('/tmp/a b.html', 'Tom'\\''s file.txt'), with its blanks escaped (/tmp/a\\ b.html), or a
    file address of this machine (file:///tmp/a%20b.html). Each had been read as part of
    the name ("no such file"). A file that exists as typed is taken as typed."""
    if not source or len(source) > _PATH_MAX or _exists(source):
        return source  # (a pasted megabyte is no path: refused after, not read by shlex)
    try:
        words = shlex.split(source)
    except ValueError:  # (an unclosed quote: not a shell word)
        words = []
    if len(words) == 1:
        source = words[0]
    address = urlsplit(source)
    if address.scheme.casefold() == "file" and address.netloc.casefold() in ("", "localhost"):
        return unquote(address.path) or source
    return source


class _ShowRemoved(Checkbox, inherit_bindings=False):
    """The dialog's checkbox: space ticks it; enter adds the article, as everywhere in the
    dialog (a Checkbox ticked on enter too, and the article was not added)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Toggle", show=False),
    ]


class AddDialog(AnsweredOnce, TypeAhead, ModalScreen["AddResult | None"]):
    """Asks for a web address or a file and adds it; dismissed with what became of it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
        Binding("enter", "done", "Open the article", show=False, id="add.done"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.busy = False
        self._source = ""
        self._seconds = 0
        self._clock: Timer | None = None
        self._result: AddResult | None = None  # added, its removals on show

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box") as box:
            box.border_title = "Add an article"
            yield Label("Web address or file (.html, .txt, .md)")
            yield OrderedInput(placeholder="https://… or ~/Downloads/story.html", id="add-source")
            yield _ShowRemoved("Show what the cleaning removed", id="add-show-removed")
            with VerticalScroll(id="add-removed-scroll"):
                yield Static(id="add-removed", markup=False)
            yield LoadingIndicator(id="add-progress")
            yield Static("enter adds it · esc cancels", id="add-status", markup=False)

    def on_mount(self) -> None:
        self.query_one("#add-progress").display = False
        self.query_one("#add-removed-scroll").display = False
        source = self.query_one("#add-source", Input)
        source.focus()
        self.fill_typed_ahead(source)

    @on(Input.Submitted, "#add-source")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._start(event.value.strip())

    def _start(self, source: str) -> None:
        if self.busy:
            return
        source = unquoted(source)
        if not source:
            self._status("Type a web address (https://…) or the path of a file")
            return
        if source == "-":  # (standard input is the command line's: `reader add -`)
            self._status("“-” is for the command line: type an address or a path")
            return
        self.busy = True
        self.query_one("#add-progress").display = True
        self._source, self._seconds = source, 0
        self._tick()
        self._clock = self.set_interval(1.0, self._tick)
        self.add_in_background(source, self.query_one("#add-show-removed", Checkbox).value)

    def _tick(self) -> None:
        """The progress line, with the seconds gone by: a slow site is visible as slow."""
        waited = f" {self._seconds} s" if self._seconds else ""
        self._status(f"Fetching and cleaning {self._source} …{waited} · esc cancels")
        self._seconds += 1

    @work(thread=True, exclusive=True, group="add", description="add an article")
    def add_in_background(self, source: str, show_removed: bool = False) -> None:
        """Add `source`; for a page already in the library, with `show_removed`, read or
        fetch it again to show what the cleaning removes (nothing is written)."""
        # Imported here: httpx and trafilatura load only when an article is added.
        from reader.library.adding import (
            AddError,
            cleaned_again,
            prepare,
            present_by_url,
            store_prepared,
        )
        from reader.library.fetching import FetchCancelled

        reader = self.reader
        worker = get_current_worker()
        try:
            result = reader.serial(lambda: present_by_url(reader.library, source))
            if result is None:
                # The network: neither the UI nor the saving thread. Esc (or quitting the
                # app) cancels the worker, and the fetch stops within a twentieth of a second.
                # (the library only read: what it has seen of the page's site, as the
                # command line's cleaning reads it, so a page cleans the same either way)
                prepared = prepare(
                    source, library=reader.library, cancelled=lambda: worker.is_cancelled
                )
                if worker.is_cancelled:
                    return  # esc while fetching: nothing is written
                result = reader.serial(lambda: store_prepared(reader.library, prepared))
            if show_removed and result.status == "present" and not worker.is_cancelled:
                # (a page that cannot be read again stays "already in the library")
                with contextlib.suppress(AddError, ArticleError):
                    result = cleaned_again(reader.library, result, source)
        except FetchCancelled:
            return
        except (AddError, ArticleError, StoreError) as error:
            if not worker.is_cancelled:
                answer_from_thread(self, self._failed, str(error))
            return
        except Exception as error:  # a bug: say so, keep the session
            if not worker.is_cancelled:
                answer_from_thread(self, self._failed, f"{source}: could not add it ({error!r})")
            return
        if not worker.is_cancelled:
            answer_from_thread(self, self._done, result)

    def _done(self, result: AddResult) -> None:
        if not (self.query_one("#add-show-removed", Checkbox).value and result.cleaning):
            self.dismiss(result)
            return
        from reader.library.adding import removed_report

        self._result, self.busy = result, False
        self._stop_clock()
        for hidden in ("#add-progress", "#add-source", "#add-show-removed"):
            self.query_one(hidden).display = False
        scroll = self.query_one("#add-removed-scroll")
        scroll.display = True
        report = removed_report(result, self.reader.library_folder.resolve())
        self.query_one("#add-removed", Static).update("\n".join(report))
        done = "Already in the library" if result.status == "present" else "Added"
        self._status(f"{done}: {result.title} · enter opens it · esc closes")
        scroll.focus()

    def action_done(self) -> None:
        if self._result is not None:
            self.dismiss(self._result)
        elif not self.busy:  # enter on the checkbox: add, as the hint says (space ticks it)
            self._start(self.query_one("#add-source", Input).value.strip())

    def _failed(self, message: str) -> None:
        self.busy = False
        self._stop_clock()
        self.query_one("#add-progress").display = False
        self._status("Not added: correct the address or the path, or esc to cancel")
        # (the command line's "- for stdin" means nothing in the app)
        message = message.replace(", an http(s) address or - for stdin", " or an http(s) address")
        self.notify(message, severity="error", timeout=10)
        field = self.query_one("#add-source", Input)
        field.focus()
        # (all of it selected: a paste or typing replaces it; the cursor left at its start,
        # ctrl+u cleared nothing and a paste went in front of the old text)
        field.select_all()

    def _status(self, text: str) -> None:
        self.query_one("#add-status", Static).update(literal(text))

    def _stop_clock(self) -> None:
        if self._clock is not None:
            self._clock.stop()
            self._clock = None

    def action_cancel(self) -> None:
        if self._result is not None:  # added already: close on it
            self.dismiss(self._result)
            return
        self._stop_clock()
        if self.busy:
            self.workers.cancel_group(self, "add")
        self.dismiss(None)
