"""Article, file and user text is shown literally on every screen: markup is text.

A headline like `[link=http://x]click[/link] a [/] b` once crashed the app on every start
(a `MarkupError` from a border title); `[bold]` rendered bold and `[VIDEO]` vanished. This
walks one title, one source, one theme and one note full of markup and escapes through
every screen, dialog, list, notification and the command palette.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.records import new_annotation
from reader.library.folder import Library
from reader.quotes.review import SpeakerCount
from reader.storage.database import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.speakers_screen import SpeakersScreen
from tests.helpers.pilot import SIZE, fill, notified, press, screen_text, settle, toast_words

TITLE = "[link=http://x]click[/link] a [/] b [bold]B[/bold] [VIDEO] \x1b]0;pwned\x07end"
SHOWN_TITLE = "[link=http://x]click[/link] a [/] b [bold]B[/bold] [VIDEO] end"
SOURCE = "[red]Jane[/red] a [/] Doe"
THEME = "[VIDEO] budget"
NOTE = "[@click=app.quit]quit[/] and [link=x]y[/link]"


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    body = (
        f"{TITLE}\n\n"
        "The council met on Tuesday to discuss the new budget for the coming year.\n\n"
        "“We have listened to every neighbourhood [bold]and[/bold] business,” said Mayor "
        "[red]Jane[/red] Doe, adding the plan would go to a vote.\n"
    )
    (folder / "markup.txt").write_text(body, encoding="utf-8")
    store = Store(folder / "reader.json")
    library = Library(folder, store)
    library.scan()
    [record] = store.articles()
    text = library.load(record).text
    start = text.index("We have listened")
    end = text.index(" business,") + len(" business,")
    store.save_annotation(
        new_annotation(record.id, text, start, end, source=SOURCE, themes=[THEME], note=NOTE)
    )
    store.close()
    return folder


def _shows(app: ReaderApp, *words: str) -> None:
    shown = " ".join(screen_text(app).split())
    for word in words:
        assert word in shown, f"{word!r} is not on screen:\n{screen_text(app)}"
    assert "\x1b" not in screen_text(app)


async def test_markup_in_every_place_is_shown_as_text(tmp_path: Path) -> None:
    app = ReaderApp(library=_library(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        _shows(app, "[VIDEO]", "a [/] b", "[red]Jane[/red] a [/] Doe")  # panes and titles
        await press(pilot, "question_mark")
        _shows(app, "Keys")
        await press(pilot, "escape", "slash")
        await fill(pilot, "[bold]jane")
        _shows(app, "[red]Jane[/red] a [/] Doe", "[VIDEO] budget")
        await press(pilot, "escape", "C")
        _shows(app, "[red]Jane[/red] a [/] Doe", "[VIDEO] budget")
        await press(pilot, "r")  # rename: the prompt's title holds the name
        _shows(app, "[red]Jane[/red] a [/] Doe")
        await press(pilot, "escape", "escape", "M")
        _shows(app, "[VIDEO] budget")
        await press(pilot, "escape")
        # The finder does not take "[red]Jane[/red]" for a name: show such a speaker directly.
        app.push_screen(SpeakersScreen([SpeakerCount(SOURCE, 1, 1, "[b]mayor[/b]")]))
        await settle(pilot)
        _shows(app, "Who is quoted", SOURCE, "[b]mayor[/b]")
        await press(pilot, "escape", "O")
        _shows(app, "Orphaned")
        await press(pilot, "escape", "X")
        _shows(app, "[link=http://x]click[/link]")
        await press(pilot, "escape", "right_square_bracket", "t")  # edit the annotation
        _shows(app, "[VIDEO] budget")
        await press(pilot, "escape", "y")  # copy a citation: a notification with the source
        assert "[red]Jane[/red]" in notified(app) or "[red]Jane[/red]" in toast_words(app)
        await press(pilot, "ctrl+p")
        await fill(pilot, "VIDEO")
        _shows(app, "[VIDEO]")
        await press(pilot, "escape")
        assert app.is_running
        assert SHOWN_TITLE in " ".join(screen_text(app).split()) or "[VIDEO] end" in screen_text(
            app
        )


async def test_a_markup_title_opens_first_on_every_start(tmp_path: Path) -> None:
    library = _library(tmp_path)
    for _ in range(2):
        app = ReaderApp(library=library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            _shows(app, "[VIDEO]")
            await press(pilot, "q")
