"""ReaderApp: the store, library, search index and history of one session, and global keys.

Build it directly in tests: `ReaderApp(library=path)` (optionally `db=path`). Opening the
store happens in the constructor, so a damaged database raises `StoreError` before any
screen is drawn. Saving runs on one background thread, in the order changes were made,
never on the UI thread; `save()` is the only way the UI writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.annotations.history import History
from reader.core.coders import clean_coder
from reader.core.collector import freeze_survivors
from reader.core.memory import steady_heap
from reader.core.paths import DB_NAME, Locations
from reader.core.records import Annotation, ArticleRecord
from reader.core.text import printable
from reader.core.wording import plural
from reader.library.folder import Library, ScanReport
from reader.library.subscriptions import Subscriptions
from reader.quotes.finder_process import QuoteFinderProcess
from reader.reading.coder_config import config_path, current_coder
from reader.reading.settings import keymap_path, keymap_problems, load_keymap, shown_path
from reader.storage.database import FOLD_BYTES, DamagedFileError, Store, StoreError
from reader.ui.commands import ArticleCommands
from reader.ui.palette import ReaderCommandPalette
from reader.ui.refreshing import feed_names, refresh_in_background
from reader.ui.screens.main_screen import MainScreen
from reader.ui.type_ahead import TypeAhead
from reader.ui.widgets.annotation_list import AnnotationList
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.library_list import LibraryList

if TYPE_CHECKING:  # the screens and dialogs below load when first opened: a quicker start
    from reader.annotations.search import SearchIndex
    from reader.ui.dialogs.export_dialog import ExportRequest
    from reader.ui.screens.help_screen import Section
    from reader.ui.screens.search_screen import SearchOutcome

T = TypeVar("T")
PALETTE_SKIPS = frozenset({"focus_article", "command_palette"})  # not commands to pick
POLL_SECONDS = 2.0
FOLD_IDLE_SECONDS = 20.0  # no save for this long: the journal is folded into reader.json


@dataclass
class ScanDone(Message):
    """A library scan finished (posted from a worker or the save thread)."""

    report: ScanReport
    first: bool = False


_SKIPPED_LISTED = 5  # files named in the one notice of a scan's skipped files


class ReaderApp(App[None]):
    """Read articles and tag who said what."""

    CSS_PATH = Path(__file__).parent / "reader.tcss"
    TITLE = "Reader"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    # Narrow terminals: side panes give way to the article (L and A still show them).
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 - Textual declares it this way
        (0, "-narrow"),
        (70, "-medium"),
        (100, "-wide"),
        (180, "-very-wide"),  # the side panes take what the article's measure leaves
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Keys", id="app.help"),
        Binding("slash", "search", "Search", id="app.search"),
    ]

    def __init__(self, library: Path, db: Path | None = None, coder: str | None = None) -> None:
        """`coder`: the name stamped on annotations made or edited here (default: the
        configured one, see `reading.coder_config`)."""
        steady_heap()  # before the threads that load and index start
        super().__init__()
        configured = current_coder() if coder is None else None
        self.coder = configured.name if configured else clean_coder(coder or "")
        # (a config file that cannot be read: said once the app is up, see `_apply_keymap`)
        self._coder_problem = configured.problem if configured else ""
        # Signed with the login name, which no one chose: said once, at the first tag
        self._login_coder_unsaid = configured is not None and configured.origin == "login"
        # The config file's state when the name was read: `reader config coder NAME` run
        # while the app is open is taken at the next look outside (the app kept signing the
        # login name, and the user's own work then read as another coder's)
        self._watch_coder = configured is not None and configured.origin != "env"
        self._coder_file = _file_state(config_path()) if self._watch_coder else None
        self.library_folder = Path(library)
        # Annotations are read on a thread while the first frame is drawn (`lazy`).
        self.store = Store(db or self.library_folder / DB_NAME, lazy=True, session=True)
        self.load_error: StoreError | None = None  # why the annotations could not be read
        self.exit_note = ""  # what the user must hear once the app has closed
        self.library = Library(self.library_folder, self.store)
        self.history = History(self.store, self.library.text_of)
        self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-save")
        self.quote_finder = QuoteFinderProcess()  # long articles: found in another process
        self._index: SearchIndex | None = None
        self._index_ready = threading.Event()
        self._search_waits = threading.Event()  # a search waits for the index (it hurries)
        self._last_query = ""
        self._polling = False
        self._last_change = time.monotonic()
        self._last_outside_error = ""
        self.keymap = load_keymap()

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this platform, but on Linux and macOS one that keeps a
        paste's bytes from acting as keys (`reader.ui.paste_guard`); a driver named in
        TEXTUAL_DRIVER is used as given."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":  # (no termios on Windows)
            from reader.ui.paste_guard import PasteSafeDriver

            return PasteSafeDriver
        return driver

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification shows its text literally: messages name files, titles and
        sources, which may hold `[markup]` or escape sequences (`markup` is ignored)."""
        if timeout is None:
            timeout = self.NOTIFICATION_TIMEOUT
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_command_palette(self) -> None:
        """ctrl+p: the command palette (see `reader.ui.palette` for why it is our own)."""
        if self.use_command_palette and not ReaderCommandPalette.is_open(cast(App[object], self)):
            self.push_screen(ReaderCommandPalette(id="--command-palette"))

    def _apply_keymap(self) -> None:
        """The user's keys (keymap.toml), and a word about any entry left out."""
        self.set_keymap(self.keymap.keys)
        found = keymap_problems(self.keymap, keymap_bindings())
        for problem in [*self.keymap.problems, *found, self._coder_problem]:
            if problem:
                self.notify(problem, severity="warning", timeout=8)

    def get_default_screen(self) -> Screen[Any]:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def on_mount(self) -> None:
        if self.no_color or self.console.color_system in ("standard", "windows"):
            # (no colour, or 16: marks that colour alone told apart get a text style)
            self.add_class("-plain-marks")
        self._apply_keymap()
        if self.store.read_only:
            self.may_edit()  # say so at once
        elif problem := self.store.backup_problem():
            self.notify(problem, severity="warning", timeout=12)
        # The annotations, the library scan and the search index come after the first
        # frame: each would slow it down, and none is needed to draw it.
        self.call_after_refresh(self._after_first_frame)
        self.set_interval(POLL_SECONDS, self._poll)
        # (not where signals cannot be handled: another thread than the main, Windows)
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self._terminated)

    def _terminated(self) -> None:
        """SIGTERM (`kill`, a session or container ending): quit as `q` does, the terminal
        given back as it was (killed outright, the app left it in its own screen, the mouse
        reported and the cursor hidden), with the exit status a TERM gives (143)."""
        self.call_next(self._quit_terminated)

    async def _quit_terminated(self) -> None:
        await self.action_quit(return_code=128 + signal.SIGTERM)

    def tagged(self) -> None:
        """A new annotation was saved: the first one signed with the login name says so
        (a CSV's coder column said "root", and nothing had told the user a name was kept)."""
        if self._login_coder_unsaid and self.coder:
            self._login_coder_unsaid = False
            self.notify(
                f"Your annotations are signed {printable(self.coder)} (your login name); "
                "`reader config coder NAME` sets the name they carry",
                timeout=8,
                markup=False,  # (a name is text: "[b]" is no markup)
            )

    # --- another Reader, an edited article ---
    def _poll(self) -> None:
        """Every few seconds: pick up another Reader's writes and edited article files."""
        if self._polling:
            return
        self._polling = True
        future = self._saver.submit(self._look_outside)
        future.add_done_callback(lambda _: setattr(self, "_polling", False))

    def _look_outside(self) -> None:
        """On the save thread. It never waits for the UI (which may be waiting for it):
        results go back as messages."""
        try:
            self.store.refresh()
            self.store.keep_showing()
            report = self.library.scan()
            self._fold_when_due()
            self._take_coder_set_meanwhile()
        except StoreError as error:
            if str(error) != self._last_outside_error:
                self._last_outside_error = str(error)
                self.notify(str(error), severity="error")  # thread-safe
            return
        self._last_outside_error = ""
        self.post_message(ScanDone(report))

    def _take_coder_set_meanwhile(self) -> None:
        """On the save thread: the coder name set since it was read (`reader config coder`)
        signs the annotations made from now on, and the app says so."""
        if not self._watch_coder:  # (a name given to the app, or by $READER_CODER, stays)
            return
        state = _file_state(config_path())
        if state == self._coder_file:
            return
        self._coder_file = state
        configured = current_coder()
        if configured.origin == "env" or configured.name == self.coder:
            return
        self.coder = configured.name
        self._login_coder_unsaid = False
        self.notify(  # (thread-safe)
            f"Your annotations are signed {printable(configured.name) or 'with no name'} from "
            "now on (the coder name set in your config)",
            timeout=6,
            markup=False,
        )

    def _fold_when_due(self) -> None:
        """On the save thread: fold the journal into reader.json once nothing was saved for
        FOLD_IDLE_SECONDS, or at once when it has grown past FOLD_BYTES."""
        waiting = self.store.journal_size()
        idle = time.monotonic() - self._last_change >= FOLD_IDLE_SECONDS
        if waiting and (idle or waiting > FOLD_BYTES):
            self.store.fold()

    def on_scan_done(self, message: ScanDone) -> None:
        if not self.screen_stack:  # the session ended while the scan ran
            return
        if message.first and message.report.touched and not self.main.document:
            self._open_first()
        if message.first:
            self._library_scanned()
            self._say_web_pages()
        self._report_scan(message.report)

    @work(thread=True, group="scan")
    def _say_web_pages(self) -> None:
        """Once a session: web pages saved into the library folder are not read until
        added (a newcomer's saved .html never showed up, and nothing said why). Not of a
        page added already, which stays in the folder (it was said at every start)."""
        from reader.library.folder import web_pages
        from reader.library.saved_pages import not_added

        titles = [record.title for record in self.store.articles()]
        pages = not_added(self.library_folder, web_pages(self.library_folder), titles)
        if not pages:
            return
        named = pages[0] if len(pages) == 1 else f"{len(pages)} web pages"
        self.notify(
            f"{named} in the library folder: a web page is read once added (+, or `reader "
            "add FILE`), which cleans it to its story",
            timeout=8,
        )

    def _report_scan(self, report: ScanReport) -> None:
        skipped = list(report.skipped)
        if len(skipped) == 1:
            self.notify(f"Skipped {skipped[0]}", severity="warning", timeout=8)
        elif skipped:  # one notice, not a stack of them over the screen (80x24)
            listed = "\n".join(f"· {reason}" for reason in skipped[:_SKIPPED_LISTED])
            extra = len(skipped) - _SKIPPED_LISTED
            more = f"\n… and {extra} more (reader doctor lists them)" if extra > 0 else ""
            self.notify(
                f"Skipped {len(skipped)} files:\n{listed}{more}", severity="warning", timeout=8
            )
        reworded = Counter(a.article_id for a in report.reworded)
        for record in report.changed:
            said = f"{record.path} has changed: its annotations follow the new text"
            if reworded[record.id]:  # the words quoted changed, not only where they stand
                count = reworded[record.id]
                said += (
                    f"; {plural(count, 'quotation')} now {'reads' if count == 1 else 'read'}"
                    " differently: check them"
                )
            self.notify(said, timeout=8 if reworded[record.id] else 5)
        if report.missing:
            self._report_missing(report.missing)
        if report.orphaned:
            count = len(report.orphaned)
            self.notify(
                f"{plural(count, 'annotation')} could not be found in the changed "
                "text: kept as orphans (O lists them)",
                severity="warning",
                timeout=10,
            )

    def _report_missing(self, missing: list[ArticleRecord]) -> None:
        """Say that article files went from the folder (their annotations stay): the open
        one by name, since its text is on screen and may be tagged, the others counted."""
        document = self.main.document if self.screen_stack else None
        open_id = document.record.id if document is not None else None
        for record in missing:
            if record.id == open_id:
                self.notify(
                    f"{record.path} is gone from the library folder: put it back to keep "
                    "reading it (its annotations are kept)",
                    severity="warning",
                    timeout=10,
                )
        others = [r for r in missing if r.id != open_id]
        if len(others) == 1:
            said = (
                f"{others[0].path} is gone from the library folder: its annotations are kept;"
                " put the file back to read it"
            )
        else:
            said = (
                f"{len(others)} article files are gone from the library folder: their "
                "annotations are kept; put the files back to read them"
            )
        if others:
            self.notify(said, severity="warning", timeout=6)

    # --- background work ---
    @work(thread=True, group="scan")
    def scan_library(self) -> None:
        """Bring the database in line with the library folder (new, changed, moved files)."""
        try:
            report = self.serial(self.library.scan)
        except StoreError as error:
            self.notify(str(error), severity="error")  # thread-safe
            self.call_from_thread(self._library_scanned)  # not "reading" for ever
            return
        self.post_message(ScanDone(report, first=True))

    def _library_scanned(self) -> None:
        if self.screen_stack:  # (none left: the session is ending)
            self.main.library_scanned()

    def _open_first(self) -> None:
        records = [r for r in self.store.articles() if not r.missing]
        if records and self.main.document is None:
            first = sorted(records, key=lambda r: r.title.casefold())[0]
            self.main.open_article(first.id, chosen=False)

    def _after_first_frame(self) -> None:
        self.store.start_loading()
        self.watch_loading()
        self.scan_library()
        self.build_index()

    @work(thread=True, group="load")
    def watch_loading(self) -> None:
        """A database whose annotations cannot be read ends the session with its one line
        (as a damaged file does before the first frame)."""
        try:
            self.store.wait_loaded()
        except StoreError as error:
            self.load_error = error
            self.call_from_thread(self.exit, None, 1)

    @work(thread=True, group="index")
    def build_index(self) -> None:
        from reader.annotations.index_process import build_in_child, wants_child
        from reader.annotations.search import SearchIndex  # numpy: loaded after the first frame

        if wants_child(self.store.path, self.store.read_only):  # a large database's first index
            worker = get_current_worker()
            build_in_child(self.store.path, lambda: worker.is_cancelled)  # (else built here)
            if worker.is_cancelled:
                return  # the app is quitting: the next start builds it

        def answering(index: SearchIndex) -> None:  # (maybe before the annotations are read)
            self._index = index
            self._index_ready.set()

        try:
            self._index = SearchIndex.build(
                self.store, answering=answering, hurry=self._search_waits
            )
        except StoreError:
            return  # `watch_loading` ends the session with the reason
        self._index_ready.set()
        self._index.prepare()  # after: a search typed at once need not wait for it
        self._index.vouch()  # (the next start may then skip checking the kept index)
        freeze_survivors()  # the start's objects: later collections pass them over

    def feed_names(self) -> dict[str, str]:
        """Followed feed address -> its name (read from the small feeds file)."""
        return feed_names(Subscriptions(self.store.path))

    def refresh_feeds(self) -> None:
        """`R`: fetch the followed feeds in the background (once at a time)."""
        if any(w.group == "feeds" and not w.is_finished for w in self.workers):
            self.notify("The feeds are being refreshed already", timeout=3)
            return
        if self.may_edit():
            self._refresh_feeds()

    @work(thread=True, group="feeds", exit_on_error=False)
    def _refresh_feeds(self) -> None:
        worker = get_current_worker()
        refresh_in_background(self, lambda: worker.is_cancelled)

    def wait_for_index(self) -> SearchIndex:
        """The search index, once built (call from a worker thread, not the UI)."""
        self._search_waits.set()
        self._index_ready.wait()
        assert self._index is not None
        return self._index

    def serial(self, operation: Callable[[], T]) -> T:
        """Run `operation` on the saving thread and wait for it (from a worker thread)."""
        return self._saver.submit(operation).result()

    def may_edit(self) -> bool:
        """True when the database may be changed; else says why (once per attempt)."""
        if not self.store.read_only:
            return True
        self.notify(
            f"{self.store.path} is read-only: you can read and search, not tag or edit "
            "(make the file writable to tag)",
            severity="warning",
            timeout=6,
        )
        return False

    def save(self, operation: Callable[[], T], on_saved: Callable[[T], None] | None = None) -> None:
        """Run a store change on the saving thread, in order; report failures, never crash."""
        if not self.may_edit():
            return
        self._last_change = time.monotonic()
        future = self._saver.submit(operation)

        async def finish() -> None:
            try:
                result = await asyncio.wrap_future(future)
            except StoreError as error:
                self.notify(str(error), severity="error", timeout=12)
                return
            except Exception as error:  # a bug: say so, keep the session
                self.notify(f"Could not save: {error!r}", severity="error")
                return
            if on_saved is not None:
                on_saved(result)

        self.run_worker(finish(), group="save", exit_on_error=False)

    async def saved(self) -> None:
        """Wait until every change made so far is on disk."""
        await asyncio.wrap_future(self._saver.submit(lambda: None))

    async def action_quit(self, return_code: int = 0) -> None:
        self.main.remember_position()
        await self.saved()
        self.exit(return_code=return_code)

    def on_unmount(self) -> None:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)
        self.quote_finder.shutdown()
        self._saver.shutdown(wait=True)
        try:  # what the journal holds is safe either way
            if self.store.write_back_if_missing():
                self.exit_note = (
                    f"{self.store.path} was missing: written back whole, as this Reader held it"
                )
            elif self.store.journal_size():
                self.store.fold()
        except DamagedFileError as error:  # (its copy kept whole, whatever the file does)
            kept = self.store.keep_held_copy()
            self.exit_note = str(error) if kept in str(error) else f"{error}{kept}"
        except StoreError as error:  # (said after the screen is given back: `exit_note`)
            self.exit_note = (
                f"{error}; your changes are safe in {self.store.journal.path.name} beside "
                "it, and the next Reader writes them in"
            )
        self.store.close()
        if self._index is not None:
            self._index.save()  # the next start reads it instead of every annotation

    # --- global actions ---
    def open_article(self, article_id: int) -> None:
        self.main.open_article(article_id)

    def on_key(self, event: events.Key) -> None:
        """A printable key no one took while a dialog that takes typing is on top: typed
        right after the key that opened it, it was on its way through the screen behind
        before the dialog's field had the focus ("Sue" typed fast after `t`). The dialog
        takes it, as its field would have (it was lost, and at first ran the screen
        behind's keys: `u` undid the last tag)."""
        if isinstance(self.screen, TypeAhead) and event.is_printable:
            event.stop()
            self.screen.take_typed(event)

    def action_search(self) -> None:
        from reader.ui.screens.search_screen import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        self.push_screen(SearchScreen(self.wait_for_index, self._last_query), self._searched)

    def search_for(self, query: str) -> None:
        """Open the search screen on `query` (from the codebook or the analysis screen)."""
        from reader.ui.screens.search_screen import SearchScreen

        self.push_screen(SearchScreen(self.wait_for_index, query), self._searched)

    def _searched(self, outcome: SearchOutcome | None) -> None:
        if outcome is None:
            return
        self._last_query = outcome.query
        hit = outcome.hit
        if hit is not None:
            while len(self.screen_stack) > 1:  # from the codebook or analysis: back to reading
                self.pop_screen()
            annotation = hit.annotation
            self.main.open_article(annotation.article_id, annotation.start, annotation.id)
            self.main.article_view.focus()

    # --- taking annotations out ---
    def export_annotations(
        self, annotations: Sequence[Annotation], what: str, name: str, query: str = ""
    ) -> None:
        """Ask for a format and a file, then write the annotations there (in a worker);
        `name` (an article title, a search) names the file it suggests. An existing file is
        replaced only after the user says yes."""
        if not annotations:
            self.notify("Nothing to export: no annotations here", severity="warning")
            return
        chosen = list(annotations)
        from reader.ui.dialogs.export_dialog import ExportDialog
        from reader.ui.dialogs.prompt_dialog import ConfirmDialog

        def check(request: ExportRequest) -> str:
            """Why the dialog's file cannot be written, said in the dialog ("" if it can)."""
            from reader.interchange.output import ExportError, check_target, name_against_format

            try:
                check_target(request.target, self.locations, folder=request.fmt == "obsidian")
            except ExportError as error:  # (Reader's own file, a folder that is not there)
                return str(error)
            wrong = name_against_format(request.target, request.fmt)
            return f"{wrong}, or choose another format" if wrong else ""

        def ask(again: ExportRequest | None = None) -> None:
            from reader.interchange.output import export_folder

            folder = export_folder(self.locations.library, Path.cwd())  # (not in the library)
            dialog = ExportDialog(len(chosen), what, name, folder, check=check, again=again)
            self.push_screen(dialog, confirmed)

        def confirmed(request: ExportRequest | None) -> None:
            if request is None:
                return
            if not request.target.exists() or request.fmt == "obsidian":
                # (notes are updated in place; those in the way are named and asked about)
                self._export(request, chosen, query)
                return

            def replace(answer: bool | None) -> None:
                if answer:
                    self._export(request, chosen, query, force=True)
                else:  # kept: back to the dialog, to name another file
                    ask(request)

            self.push_screen(
                ConfirmDialog(
                    "Replace?",
                    f"{request.target} exists. Replace it with this export?",
                    hint="y or enter: replace it · n or esc: keep it, and name another",
                ),
                replace,
            )

        ask()

    @property
    def locations(self) -> Locations:
        """The library folder and database this app works on."""
        return Locations(self.library_folder.resolve(), self.store.path.resolve())

    @work(thread=True, group="export", description="export")
    def _export(
        self,
        request: ExportRequest,
        annotations: list[Annotation],
        query: str,
        force: bool = False,
    ) -> None:
        from reader.interchange.output import ExportError, NotesInTheWay, write_export
        from reader.interchange.selection import selection_of

        try:
            selection = selection_of(self.store, self.library, annotations, query)
            summary = write_export(
                selection, request.fmt, request.target, self.locations, force=force
            )
        except NotesInTheWay as error:
            self.call_from_thread(self._ask_to_replace_notes, request, annotations, query, error)
            return
        except ExportError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        self.notify(f"Exported {summary}", timeout=8)

    def _ask_to_replace_notes(
        self, request: ExportRequest, annotations: list[Annotation], query: str, error: Exception
    ) -> None:
        """Obsidian notes of the export's names hold no part Reader may update: say which
        and why, and replace them only if the user says so."""
        from reader.interchange.output import NotesInTheWay
        from reader.ui.dialogs.prompt_dialog import CarefulConfirmDialog

        assert isinstance(error, NotesInTheWay)
        name, why = error.notes[0]
        more = len(error.notes) - 1
        others = f" (and {plural(more, 'more note')})" if more else ""

        def replace(answer: bool | None) -> None:
            if answer:
                self._export(request, annotations, query, force=True)
            else:
                self.notify("Nothing exported: the notes are as they were", timeout=5)

        self.push_screen(
            CarefulConfirmDialog(
                "Replace notes?",
                f"{name} in {request.target} {why}{others}. Replace "
                f"{'them' if more else 'it'} with Reader's {'notes' if more else 'note'}, "
                "dropping what is written there?",
                hint="y: replace · n or esc: export nothing",
            ),
            replace,
        )

    def copy_citation(self, annotation: Annotation | None) -> None:
        """Copy one annotation to the clipboard as a quote ready to paste (over SSH too:
        the terminal does the copying)."""
        if annotation is None:
            self.notify("No annotation here to copy", severity="warning")
            return
        from reader.interchange.markdown import citation
        from reader.interchange.selection import selection_of

        selection = selection_of(self.store, self.library, [annotation], with_text=False)
        if not selection.annotations:
            return
        source = next(
            (s for s in self.store.sources() if annotation.source and s.name == annotation.source),
            None,
        )
        text = citation(
            annotation, selection.article(annotation), source.description if source else ""
        )
        self.copy_to_clipboard(text)
        shown = text if len(text) <= 90 else text[:89] + "…"
        self.notify(f"Copied: {shown}", timeout=5)

    def action_help(self) -> None:
        from reader.ui.screens.help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        left, right = key_sections()
        self.push_screen(
            HelpScreen(
                left,
                right,
                self.main.quick_themes,
                self.keymap.keys,
                shown_path(keymap_path()),
            )
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette's entries: every screen and action of Reader, each with its
        key, read from the same bindings the footer and `?` show; then Textual's own
        (theme, screenshot), without its "Keys" panel, which `?` replaces."""
        sources: list[tuple[str, Sequence[BindingType]]] = [("app", self.BINDINGS)]
        sources.append(("screen", screen.BINDINGS))  # (the codebook's own: rename, merge…)
        seen: set[str] = set()
        for namespace, bindings in sources:
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                if binding.description in seen or binding.action in PALETTE_SKIPS:
                    continue
                seen.add(binding.description)
                key = self.get_key_display(binding)
                yield SystemCommand(
                    binding.description,
                    f"key {key}" + (f" · {binding.tooltip}" if binding.tooltip else ""),
                    partial(self.run_action, f"{namespace}.{binding.action}"),
                )
        if isinstance(screen, MainScreen):
            # What a newcomer typed into the palette and found nothing for: the codebook's
            # verbs, which live on its screen
            for title, help_text in CODEBOOK_COMMANDS:
                yield SystemCommand(title, help_text, partial(self.run_action, "screen.codebook"))
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command


CODEBOOK_COMMANDS = (
    ("Rename a source or theme", "opens the codebook (C); there r renames, for every annotation"),
    ("Merge sources or themes", "opens the codebook (C); there space marks, m merges"),
    ("Describe a source or theme", "opens the codebook (C); there e describes, c colours"),
    ("Delete a source or theme", "opens the codebook (C); there d takes it off every annotation"),
)


def key_sections() -> tuple[list[Section], list[Section]]:
    """Every binding of the app, in the groups `?` and `reader keys` show: two columns."""
    from reader.ui.dialogs.tag_dialog import TagDialog
    from reader.ui.screens.analysis_screen import AnalysisScreen
    from reader.ui.screens.codebook_screen import CodebookScreen
    from reader.ui.screens.orphans_screen import OrphansScreen
    from reader.ui.screens.search_screen import SearchScreen
    from reader.ui.screens.speakers_screen import ReviewScreen, SpeakersScreen
    from reader.ui.widgets.compare_list import CompareList

    everywhere = [
        *ReaderApp.BINDINGS,
        *MainScreen.BINDINGS,
        Binding("tab", "focus_next", "Next pane"),
        Binding("shift+tab", "focus_previous", "Previous pane"),
        Binding("ctrl+p", "command_palette", "Command palette"),
    ]
    left: list[Section] = [
        ("Everywhere (a pane's own key wins)", everywhere),
        ("Article", ArticleView.BINDINGS),
        ("Comparison", CompareList.BINDINGS),
        ("Who is quoted", SpeakersScreen.BINDINGS),
        ("Tagging all their quotes", ReviewScreen.BINDINGS),
    ]
    right: list[Section] = [
        ("Library", LibraryList.BINDINGS),
        ("Annotations", AnnotationList.BINDINGS),
        ("Tag dialog", TagDialog.BINDINGS),
        ("Search", SearchScreen.BINDINGS),
        ("Codebook", CodebookScreen.BINDINGS),
        ("Analysis", AnalysisScreen.BINDINGS),
        ("Orphaned annotations", OrphansScreen.BINDINGS),
    ]
    return left, right


def keymap_bindings() -> list[tuple[str, str, str]]:
    """(where, binding id, default keys) of every binding a keymap may change."""
    left, right = key_sections()
    return [
        (section, binding.id, binding.key)
        for section, bindings in [*left, *right]
        for binding in bindings
        if isinstance(binding, Binding) and binding.id
    ]


def key_rows() -> list[tuple[str, str, str, str]]:
    """(where, binding id, default keys, description) of every key, for `reader keys`."""
    left, right = key_sections()
    return [
        (section, binding.id, binding.key, binding.description)
        for section, bindings in [*left, *right]
        for binding in bindings
        if isinstance(binding, Binding) and binding.id and binding.description
    ]


def _file_state(path: Path) -> tuple[int, int] | None:
    """A file's size and time of change (None: there is none), to notice it changed."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)
