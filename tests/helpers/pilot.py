"""Helpers for driving the app with Pilot and reading what the screen shows."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual._compositor import LayoutUpdate
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea
from textual.widgets._footer import FooterKey
from textual.worker import WorkerCancelled

from reader.storage.database import on_disk
from reader.ui.app import ReaderApp
from reader.ui.screens.main_screen import MainScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.footer import ReaderFooter

SIZE = (120, 40)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until workers (file reads, saves, searches) are done and the screen caught up:
    until a pause after the last save finds no worker running and nothing waiting for the
    next refresh (the quote finder starts after the article is drawn, its list after the
    marks). Each pause waits for the app to be idle, 20 ms at least: a fixed three rounds
    of them each time made the suite a fifth slower."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await pilot.pause()
    if not _busy(app):  # (a save runs as a worker: none running, none waiting)
        return
    for _ in range(20):
        busy = _busy(app)
        await _workers_done(app)
        await app.saved()
        await pilot.pause()
        if not busy and not _busy(app):
            return
    raise AssertionError(f"the app never settled: {_busy(app)}")


async def resize(pilot: Pilot[Any], width: int, height: int) -> None:
    """Resize the terminal and wait until the screen has handled it, then `settle`. The
    app's resize reaches the screen as a message of its own, whose handler (the main screen
    fits its panes to the width) may run after `pause` has returned: one run in six of the
    narrowing tests failed so on a loaded machine."""
    await pilot.resize_terminal(width, height)
    for _ in range(50):
        screen = pilot.app.screen
        if (
            screen.size == Size(width, height)
            and screen._compositor.size == Size(width, height)
            and screen._message_queue.empty()
            and pilot.app._message_queue.empty()
        ):
            break
        await pilot.pause()
    await settle(pilot)


def _busy(app: ReaderApp) -> list[str]:
    """The workers still running and the callbacks a screen keeps for its next refresh."""
    running = [worker.name for worker in app.workers if not worker.is_finished]
    waiting = [repr(callback) for screen in app.screen_stack for callback, _ in screen._callbacks]
    return running + waiting


async def _workers_done(app: ReaderApp) -> None:
    """Every worker finished. One cancelled on the way (opening an article cancels the last
    one's quote finding, if it is still going) is done too: `wait_for_complete` would
    raise for it, which made tests fail only when the machine was slow."""
    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], timeout: float = 10.0, what: str = ""
) -> None:
    """Let the app run until `condition()` holds (for work that has no worker to await,
    such as a clock on screen); fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or condition}")
        await pilot.pause(0.05)


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])
    await settle(pilot)


def screen_text(app: ReaderApp) -> str:
    """Everything the terminal shows, as plain text lines: the screen on top and what shows
    through around a dialog, drawn now (as the app's screenshots are)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert isinstance(update, LayoutUpdate)
    return "\n".join("".join(part.text for part in row) for row in update.strips)


_FRAME = re.compile("[\u2500-\u259f]")  # box drawing and block elements: borders, edges


def screen_words(app: ReaderApp) -> str:
    """The screen's text with line breaks and borders folded into single spaces."""
    return " ".join(_FRAME.sub(" ", screen_text(app)).split())


def region_words(app: ReaderApp, widget: Widget) -> str:
    """The words shown inside one widget's part of the screen."""
    region = widget.region
    rows = screen_text(app).split("\n")[region.y : region.bottom]
    text = " ".join(row[region.x : region.right] for row in rows)
    return " ".join(_FRAME.sub(" ", text).split())


def region_lines(app: ReaderApp, widget: Widget) -> list[str]:
    """The lines shown inside one widget's part of the screen, each with borders and
    scrollbars left out and its runs of spaces folded into one."""
    region = widget.region
    rows = screen_text(app).split("\n")[region.y : region.bottom]
    return [" ".join(_FRAME.sub(" ", row[region.x : region.right]).split()) for row in rows]


def footer_line(app: ReaderApp) -> tuple[str, list[str]]:
    """The footer's line as the screen shows it, up to the command palette's key, and the
    keys the footer holds ("u Undo"), the palette's key left out."""
    footer = app.screen.query_one(ReaderFooter)
    keys = [
        f"{key.key_display} {key.description}"
        for key in footer.query(FooterKey)
        if not key.has_class("-command-palette")
    ]
    line = screen_text(app).split("\n")[footer.region.y]
    return line.split("▏")[0], keys  # the palette's key is drawn after a bar


def pane_entries(app: ReaderApp) -> list[str]:
    """The plain text of every entry of the annotations pane, scrolled into view or not."""
    notes = app.screen.query_one("#notes", OptionList)
    return [
        " ".join(notes.get_option_at_index(i).prompt.plain.split())  # type: ignore[union-attr]
        for i in range(notes.option_count)
    ]


def toast_words(app: ReaderApp) -> str:
    """The words of the notifications on screen."""
    return " | ".join(region_words(app, toast) for toast in app.screen.query("Toast"))


def toasts_show(app: ReaderApp, phrase: str) -> bool:
    """Whether a notification on screen shows the phrase, however its lines wrap (a long
    path is folded at any character, so spaces are left out of the comparison)."""
    shown = "".join(toast_words(app).split())
    return "".join(phrase.split()) in shown


def notified(app: ReaderApp) -> str:
    """The messages of the notifications raised and not yet expired (shown or about to be)."""
    return " | ".join(n.message for n in app._notifications)


def main(app: ReaderApp) -> MainScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


def view(app: ReaderApp) -> ArticleView:
    return main(app).query_one(ArticleView)


def database(path: Path) -> dict[str, Any]:
    """The database as saved on disk: reader.json as JSON, with its journal replayed."""
    return on_disk(path)


def saved_annotations(path: Path) -> list[dict[str, Any]]:
    return sorted(database(path)["annotations"].values(), key=lambda a: a["start"])


async def fill(pilot: Pilot[Any], text: str) -> None:
    """Put `text` in the focused field in one step, as a paste would (tests not about typing)."""
    field = pilot.app.focused
    if isinstance(field, TextArea):
        field.load_text(text)
        field.move_cursor(field.document.end)
    else:
        assert isinstance(field, Input), f"no text field has the focus ({field!r})"
        field.value = text
        field.cursor_position = len(text)
    await settle(pilot)


async def tag(
    pilot: Pilot[Any], source: str, themes: str = "", note: str = "", *, typed: bool = False
) -> None:
    """Fill the open tag dialog (themes comma-separated) and save with ctrl+s; `typed`: key
    by key, as a user types. A name the codebook lacks is taken as the new name offered."""
    enter_text = type_text if typed else fill
    await enter_text(pilot, source)
    await press(pilot, "tab")
    await enter_text(pilot, themes)
    await press(pilot, "tab")
    await enter_text(pilot, note)
    await press(pilot, "ctrl+s")
