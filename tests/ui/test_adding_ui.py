"""Adding an article from the TUI, and the library pane's order and filter, by keyboard."""

from __future__ import annotations

import time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from reader.ui.app import ReaderApp
from reader.ui.dialogs.add_dialog import AddDialog
from tests.helpers.pilot import (
    SIZE,
    fill,
    main,
    notified,
    press,
    region_words,
    settle,
    type_text,
    view,
    wait_until,
)
from tests.helpers.web import trickling

TITLE = "Taylor Swift's AMA row seems to be over"


def library_words(app: ReaderApp) -> str:
    return region_words(app, main(app).query_one("#library-pane"))


async def add_in_dialog(pilot: Pilot[None], source: str) -> None:
    """Open the add dialog with +, type `source` and press enter, as a person adds."""
    await press(pilot, "plus")
    await type_text(pilot, source)
    await press(pilot, "enter")


async def added_showing_removed(pilot: Pilot[None], app: ReaderApp, source: str) -> str:
    """`+`, the source, "Show what the cleaning removed" ticked, enter: the dialog's words
    once its report is there."""
    await press(pilot, "plus")
    await type_text(pilot, source)
    await press(pilot, "tab", "space", "shift+tab", "enter")
    dialog = app.screen
    assert isinstance(dialog, AddDialog)
    await wait_until(pilot, lambda: dialog._result is not None)
    return region_words(app, dialog.query_one("#add-box"))


async def test_the_add_dialog_can_show_what_the_cleaning_removed(site: str, library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = await added_showing_removed(pilot, app, f"{site}/story.html")
        assert "cleaning: trafilatura+reader; 1 block removed: - Follow Newsbeat" in shown
        assert f"Added: {TITLE} · enter opens it" in shown
        await press(pilot, "enter")
        assert not isinstance(app.screen, AddDialog)
        document = view(app).document
        assert document is not None and document.record.title == TITLE


async def test_the_box_shows_what_the_cleaning_removes_from_a_page_already_added(
    site: str, library: Path
) -> None:
    # The box did nothing for a page already in the library (helper 187): the dialog said
    # it was there and closed, while `reader add --show-removed` shows the report.
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await add_in_dialog(pilot, f"{site}/story.html")
        await wait_until(pilot, lambda: f"Added: {TITLE}" in notified(app))
        shown = await added_showing_removed(pilot, app, f"{site}/story.html")
        assert "1 block removed: - Follow Newsbeat" in shown
        assert f"Already in the library: {TITLE}" in shown
        assert "Library (5)" in library_words(app)  # (not added twice)


async def test_enter_on_the_checkbox_adds_and_space_ticks_it(site: str, library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "plus")
        await type_text(pilot, f"{site}/story.html")
        await press(pilot, "tab", "space", "enter")  # tick it, then add from where it is
        dialog = app.screen
        assert isinstance(dialog, AddDialog)
        assert dialog.query_one("#add-show-removed", Checkbox).value
        await wait_until(pilot, lambda: dialog._result is not None)
        assert f"Added: {TITLE}" in region_words(app, dialog.query_one("#add-box"))


async def test_a_missing_file_in_the_dialog_names_no_stdin(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await add_in_dialog(pilot, "/nowhere/story.html")
        await wait_until(pilot, lambda: "no such file" in notified(app))
        assert "stdin" not in notified(app)
        assert "give a file or an http(s) address" in notified(app)


async def test_a_path_pasted_in_quote_marks_is_added(library: Path, tmp_path: Path) -> None:
    # a file manager pastes a dragged file as '/path/with spaces.txt': the marks were read
    # as part of the name ("no such file", a newcomer's finding)
    story = tmp_path / "a story with spaces.txt"
    story.write_text("Bridge opens\n\nThe bridge opened on Monday.\n", encoding="utf-8")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        before = len(app.store.articles())
        await add_in_dialog(pilot, f"'{story}'")
        await wait_until(pilot, lambda: len(app.store.articles()) == before + 1)
        assert "no such file" not in notified(app)


def test_a_path_pasted_as_a_file_address_or_with_escaped_blanks_is_the_path(
    tmp_path: Path,
) -> None:
    from reader.ui.dialogs.add_dialog import unquoted

    story = tmp_path / "a story.txt"
    story.write_text("x", encoding="utf-8")
    for pasted in (
        f"'{story}'",
        f'"{story}"',
        story.as_uri(),
        f"'{story.as_uri()}'",
        story.as_uri().replace("file://", "FILE://localhost"),
        str(story).replace(" ", "\\ "),
    ):
        assert unquoted(pasted) == str(story)
    assert unquoted("'/tmp/Tom'\\''s file.txt'") == "/tmp/Tom's file.txt"  # as GNOME pastes
    assert unquoted("file://otherhost/tmp/x") == "file://otherhost/tmp/x"  # not this machine
    assert unquoted("https://news.example/a%20b?x=1&y=2") == "https://news.example/a%20b?x=1&y=2"
    odd = tmp_path / "a\\ b.txt"  # a real name holding a backslash: taken as typed
    odd.write_text("x", encoding="utf-8")
    assert unquoted(str(odd)) == str(odd)


async def test_a_pasted_megabyte_in_the_dialog_gives_a_short_error(library: Path) -> None:
    # A pasted 1 MB "address" filled the article pane with its error for ten seconds
    # (helper 186); the message keeps the start of the name and the reason.
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "plus")
        app.screen.query_one("#add-source", Input).value = "x" * 1_000_000
        await press(pilot, "enter")
        await wait_until(pilot, lambda: "give a shorter one" in notified(app))
        assert len(notified(app)) <= 400
        assert notified(app).startswith("xxx")


async def test_a_dash_in_the_dialog_is_not_the_command_lines_standard_input(
    library: Path,
) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await add_in_dialog(pilot, "-")
        dialog = app.screen
        assert isinstance(dialog, AddDialog)
        status = region_words(app, dialog.query_one("#add-status"))
        assert "type an address or a path" in status
        assert "curl" not in status + notified(app)


async def test_plus_adds_a_web_page_and_opens_it(site: str, library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "plus")
        assert isinstance(app.screen, AddDialog)
        await type_text(pilot, f"{site}/story.html")
        await press(pilot, "enter")
        assert not isinstance(app.screen, AddDialog)
        assert f"Added: {TITLE}" in notified(app)
        assert "Library (5)" in library_words(app)
        assert "BBC News · 2019-11-19" in library_words(app)
        document = view(app).document
        assert document is not None and document.record.title == TITLE
        assert "A row involving Taylor Swift, her former record label" in region_words(
            app, view(app)
        )
        added = list(library.glob("*.md"))
        assert [p.name for p in added] == [document.record.path]

        # The same page again: said, not added twice.
        await add_in_dialog(pilot, f"{site}/story.html")
        assert f"Already in the library: {TITLE}" in notified(app)
        assert len(list(library.glob("*.md"))) == 1


async def test_a_broken_address_is_a_notification_and_nothing_changes(
    site: str, library: Path
) -> None:
    before = sorted(p.name for p in library.iterdir())
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await add_in_dialog(pilot, f"{site}/gone.html")
        assert "404" in notified(app)
        assert isinstance(app.screen, AddDialog)  # still open, to correct the address
        await press(pilot, "escape")
        assert not isinstance(app.screen, AddDialog)
        assert "Library (4)" in library_words(app)
    derived = {"reader.json", ".reader.json.lock", ".reader.json.index", ".reader.json.open"}
    derived |= {".reader.json.viewing"}
    after = {p.name for p in library.iterdir()} - derived
    assert sorted(after - {".reader-backups"}) == [n for n in before if n != "reader.json"]


async def test_the_library_sorts_and_filters_by_keyboard(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main(app).library_list.focus()
        await press(pilot, "o")
        assert main(app).library_list.sort_by == "added"
        assert "by newest added" in library_words(app)
        await press(pilot, "f")
        await type_text(pilot, "korea")
        words = library_words(app)
        assert "Library (1 of 4)" in words and "North Korea puts military" in words
        assert "Warhol" not in words
        await press(pilot, "enter")  # back to the list, filter kept
        assert app.focused is main(app).library_list
        await press(pilot, "enter")
        document = view(app).document
        assert document is not None and "north-korea" in document.record.path
        main(app).library_list.focus()
        await press(pilot, "escape")  # the filter's escape: cleared
        assert "Library (4)" in library_words(app) and "Warhol" in library_words(app)


def _status(app: ReaderApp) -> str:
    return str(app.screen.query_one("#add-status", Static).render())


async def test_a_slow_fetch_shows_its_time_and_esc_stops_it(site: str, library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "plus")
        await fill(pilot, f"{site}/trickle.html")
        await pilot.press("enter")
        await wait_until(pilot, lambda: " 1 s" in _status(app), what="the second counted")
        assert "esc cancels" in _status(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, AddDialog)
        # The fetch hangs up at once, not at its deadline.
        await wait_until(pilot, lambda: trickling() == 0, timeout=2, what="the fetch stopped")
        await press(pilot, "j")
        assert app.is_running
    assert len(list(library.glob("*.md"))) == 0


async def test_quitting_never_waits_for_a_fetch(site: str, library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "plus")
        await fill(pilot, f"{site}/trickle.html")
        await pilot.press("enter")
        await wait_until(pilot, lambda: " 1 s" in _status(app), what="the fetch under way")
        began = time.monotonic()
        app.exit()
    assert time.monotonic() - began < 2
    deadline = time.monotonic() + 2
    while trickling() and time.monotonic() < deadline:  # the app is gone: no pilot to pause
        time.sleep(0.05)
    assert trickling() == 0  # nothing left fetching that would hold the process at exit


def gazette_page(number: int) -> str:
    """A saved page of one site (its canonical link names it) whose last line the site
    repeats on every page."""
    story = " ".join(
        f"Story {number} tells of the harbour's {word} on a windy day."
        for word in ("ferries", "bridges", "markets", "fishers", "tides", "lights")
    )
    return (
        f"<html><head><title>Harbour story {number}</title>"
        f'<link rel="canonical" href="https://citygazette.example/news/{number}">'
        '<meta property="og:type" content="article"></head><body><article>'
        f"<h1>Harbour story {number}</h1><p>{story}</p><p>{story.upper()}</p>"
        "<p>Follow the City Gazette on social media for the latest news from your area.</p>"
        "</article></body></html>"
    )


async def test_a_saved_page_cleans_in_the_dialog_as_on_the_command_line(
    tmp_path: Path, library: Path
) -> None:
    # The site's repeated line went from pages fetched on the command line only: saved pages
    # and the dialog never read what the library had seen of the site
    from tests.helpers.cli import run_reader

    pages = []
    for number in (1, 2, 3):
        pages.append(tmp_path / f"gazette-{number}.html")
        pages[-1].write_text(gazette_page(number), encoding="utf-8")
    for page in pages[:2]:
        assert run_reader("add", str(page), "--library", str(library)).returncode == 0
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = await added_showing_removed(pilot, app, str(pages[2]))
        assert "Follow the City Gazette" in shown and "on 2 other pages of this site" in shown
    [third] = library.glob("harbour-story-3*.md")
    assert "Follow the City Gazette" not in third.read_text(encoding="utf-8")
