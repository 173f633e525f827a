"""Opening the library and moving around an article by keyboard."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from reader.library.folder import Library, ScanReport
from reader.ui.app import ReaderApp, key_sections
from reader.ui.screens.help_screen import help_rows
from tests.helpers.paths import GOLD, ICE
from tests.helpers.pilot import (
    SIZE,
    main,
    notified,
    press,
    region_lines,
    region_words,
    resize,
    screen_text,
    screen_words,
    settle,
    toasts_show,
    view,
    wait_until,
)

ICE_TEXT = (GOLD / ICE).read_text(encoding="utf-8")


async def test_opening_shows_the_library_and_the_first_article(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = screen_words(app)
        assert "Library (4)" in shown
        library_pane = region_words(app, main(app).library_list)
        for title in (
            "Sensitive Canadian document",
            "Warhol's photo legacy",
            "North Korea puts military",
        ):
            assert title in library_pane
        assert "no annotations" in library_pane
        assert "Public discourse on U.S. Immigration" in region_words(app, view(app))
        assert view(app).document is not None and view(app).document.record.path == ICE
        assert "Next quote" in shown and "Tag" in shown  # the footer shows the article's keys


async def test_the_cursor_moves_by_line_sentence_paragraph_page_and_ends(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = view(app)
        assert article.cursor == 0
        await press(pilot, "}")
        assert article.cursor == ICE_TEXT.index("Public discourse")
        await press(pilot, ")")
        assert article.cursor == ICE_TEXT.index("Canadians have stood")
        await press(pilot, ")")
        assert article.cursor == ICE_TEXT.index("Now, conversations")
        await press(pilot, "(")
        assert article.cursor == ICE_TEXT.index("Canadians have stood")
        await press(pilot, "{")
        assert article.cursor == ICE_TEXT.index("Public discourse")
        line = article.text_layout.line_of(article.cursor)
        await press(pilot, "j")
        assert article.text_layout.line_of(article.cursor) == line + 1
        await press(pilot, "k", "k")
        assert article.text_layout.line_of(article.cursor) < line
        await press(pilot, "G")
        assert article.cursor == len(ICE_TEXT.rstrip()) - 1
        assert "Most Watched Today" in screen_text(app)
        assert article.scroll_y > 0
        await press(pilot, "g")
        assert article.cursor == 0 and article.scroll_y == 0
        await press(pilot, "space")
        assert article.scroll_y > 0 and article.cursor > 0
        await press(pilot, "b")
        assert article.scroll_y == 0


async def test_n_and_N_jump_between_quotations(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        assert view(app).cursor == ICE_TEXT.index("Their work and what")
        await press(pilot, "n")
        assert view(app).cursor == ICE_TEXT.index("has a longstanding")
        await press(pilot, "N")
        assert view(app).cursor == ICE_TEXT.index("Their work and what")


async def test_selection_keys_select_quote_sentence_paragraph_and_visual_range(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = view(app)

        def selected() -> str:
            span = article.selection
            return "" if span is None else ICE_TEXT[span.start : span.end]

        await press(pilot, *["n"] * 10)  # the tenth quotation runs over two paragraphs
        assert ICE_TEXT[article.cursor :].startswith("Their presence in cities")
        await press(pilot, '"')
        assert selected().startswith("Their presence in cities")
        assert selected().endswith("threatens the safety of our American neighbours and ourselves.")
        assert "VISUAL" in screen_text(app)
        await press(pilot, "escape")
        assert article.selection is None and "VISUAL" not in screen_text(app)

        await press(pilot, "g", "}", "s")
        assert selected() == ICE_TEXT.split("\n\n")[1]  # a one-sentence paragraph
        await press(pilot, "escape", "}", "p")
        assert selected() == ICE_TEXT.split("\n\n")[2]
        await press(pilot, "escape", "{", "v", "w", "w")
        assert selected() == "Canadians have s"
        await press(pilot, ")")
        assert (
            selected() == "Canadians have stood beside their American counterparts in calling for "
            "justice for Renee Good and Alex Pretti and the overall reform of ICE."
        )  # (not the next sentence's first letter, where `)` left the cursor)
        await press(pilot, "escape", "{", "v", "e", "e")
        assert selected() == "Canadians have"  # `e` ends a word, as in vim: no archiving
        assert not main(app).reader.store.article(main(app).document.record.id).archived
        await press(pilot, "escape")
        assert article.selection is None


async def test_a_text_of_one_line_a_paragraph_is_read_and_selected_a_line_a_paragraph(
    tmp_path: Path,
) -> None:
    """A .txt copied from a web page: one line break between paragraphs, no blank line.
    `}` goes to the next line's paragraph and `p` selects that line, not the whole file."""
    lines = [
        "Council agrees budget",
        "The council met on Monday to decide on the budget, and the vote was close at six "
        "to five after a long debate.",
        "“We have listened to every neighbourhood,” said Mayor Ana Ruiz.",
        "Opponents said the plan goes too far.",
    ]
    library = tmp_path / "library"
    library.mkdir()
    (library / "budget.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = view(app)
        text = main(app).document.text
        await press(pilot, "g", "}", "p")
        span = article.selection
        assert span is not None and text[span.start : span.end] == lines[1]
        await press(pilot, "escape", "}", "p")
        span = article.selection
        assert span is not None and text[span.start : span.end] == lines[2]


async def test_side_panes_hide_and_tab_cycles_panes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert app.focused is view(app)
        await press(pilot, "tab")
        assert app.focused is screen.notes
        await press(pilot, "tab")
        assert app.focused is screen.library_list
        await press(pilot, "shift+tab")
        assert app.focused is screen.notes
        await press(pilot, "escape")
        assert app.focused is view(app)
        await press(pilot, "L")  # shown but not in use: L goes to it first
        assert app.focused is screen.library_list and "Library (1)" in screen_text(app)
        await press(pilot, "A")  # shown but not in use: A goes to it first, as L does
        assert app.focused is screen.notes
        await press(pilot, "L", "L", "A", "A")  # to each pane, and each hidden
        shown = screen_text(app)
        assert "Library" not in shown and "Annotations" not in shown
        assert view(app).text_layout is not None and view(app).text_layout.width > 90
        await press(pilot, "L")
        assert "Library (1)" in screen_text(app)


async def test_question_mark_lists_every_key(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "?")
        box = app.screen.query_one("#help-box")
        shown = region_words(app, box)  # (the footer behind it names keys too)
        for _ in range(3):  # the rest of the list, a page at a time
            await press(pilot, "space")
            shown += " " + region_words(app, box)
        for expected in (
            "Everywhere (a pane's own key wins)",  # e archives, but edits in Annotations
            "Article",
            "Next sentence",
            "Select quote",
            "Visual",
            "Tag dialog",
            "Search",
            "theme:",
        ):
            assert expected in shown
        await press(pilot, "escape")
        assert "Next sentence" not in screen_words(app)


async def test_choosing_an_article_in_the_library_opens_it(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "shift+tab")  # to the library
        assert app.focused is main(app).library_list
        await press(pilot, "j", "enter")
        assert (
            view(app).document.content.title == "North Korea puts military in 'quasi-state of war'"
        )
        assert app.focused is view(app)
        assert "North Korea's military" in region_words(app, view(app)) or "Korea" in region_words(
            app, view(app)
        )


async def test_article_text_is_shown_literally(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    raw = "Markup [bold]test[/]\n\nSee [link=https://x.org]this[/link] and \x1b[31mred\x1b[0m [@click=app.quit]q[/].\n"
    (folder / "markup.txt").write_text(raw, encoding="utf-8")
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = region_words(app, view(app))
        assert "Markup [bold]test[/]" in shown
        assert "See [link=https://x.org]this[/link] and red [@click=app.quit]q[/]." in shown
        assert "\x1b" not in screen_text(app)
        assert "Library (1)" in screen_text(app)


async def test_an_empty_library_says_what_to_do(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No articles in this folder yet" in region_words(app, main(app).library_list)
        assert "No articles in /" in region_words(app, view(app))
        assert "Press + to add a web page or a file" in region_words(app, view(app))
        await press(pilot, "plus")  # and it does, in this very window
        assert "Add an article" in screen_words(app)


def _hold_the_first_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[threading.Event, threading.Event]:
    """The library's scans wait until released: (set when one starts, set to let it go)."""
    started, release = threading.Event(), threading.Event()
    scan = Library.scan

    def slow_scan(self: Library) -> ScanReport:
        started.set()
        release.wait(10)
        return scan(self)

    monkeypatch.setattr(Library, "scan", slow_scan)
    return started, release


async def test_a_fresh_library_says_it_is_reading_while_the_first_scan_runs(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = _hold_the_first_scan(monkeypatch)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, started.is_set, what="the first scan started")
        await pilot.pause()
        article = region_words(app, view(app))
        assert "Reading the library" in article and "No articles" not in article
        assert "Reading the library" in region_words(app, main(app).library_list)
        release.set()
        await settle(pilot)
        assert "Library (4)" in screen_words(app)
        assert "Reading the library" not in screen_words(app)


async def test_a_fresh_library_hidden_at_80_columns_is_counted_once_read(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = _hold_the_first_scan(monkeypatch)
    app = ReaderApp(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, started.is_set, what="the first scan started")
        await pilot.pause()
        assert "The library (0)" not in notified(app)
        release.set()
        await settle(pilot)
        assert "The library (4) is hidden at this width: L shows it" in notified(app)


async def test_unreadable_files_are_named_in_a_notice(ice_library: Path) -> None:
    (ice_library / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert toasts_show(app, "broken.txt: looks like a binary file")
        assert "Library (1)" in screen_text(app)


async def test_hundreds_of_articles_open_quickly(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        shutil.copy(GOLD / ICE, folder / f"story-{number:03d}.txt")
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Library (300)" in screen_text(app)


async def test_a_narrow_terminal_gives_the_article_room(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Library" not in shown and "Annotations (0)" in shown
        assert view(app).text_layout is not None and view(app).text_layout.width >= 40
        await press(pilot, "L")
        assert "Library (1)" in screen_text(app)
        # The article stays readable: the library takes at most a third, the annotations
        # give way (A brings them back, and the library gives way to them).
        library = main(app).query_one("#library-pane")
        assert library.region.width <= 80 // 3
        assert view(app).text_layout is not None and view(app).text_layout.width >= 40
        assert "annotations pane gave way at this width: L again brings it back" in notified(app)
        await press(pilot, "A")
        assert "Annotations (0)" in screen_text(app) and "Library (1)" not in screen_text(app)
        assert view(app).text_layout.width >= 40
        await press(pilot, "A")  # the library, which gave way to the annotations, is back
        assert "Library (1)" in screen_text(app) and "Annotations (0)" not in screen_text(app)


async def test_narrowing_the_terminal_keeps_the_article_readable(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "A", "A")  # to the annotations, hidden
        await press(pilot, "A")  # and shown again by hand: both side panes stay
        await press(pilot, "L", "L", "L")  # to the library, hidden, shown again
        assert "Library (1)" in screen_text(app) and "Annotations (0)" in screen_text(app)
        await resize(pilot, 80, 24)
        assert view(app).text_layout is not None and view(app).text_layout.width >= 40
        assert "Library (1)" not in screen_text(app) and "Annotations (0)" in screen_text(app)
        await resize(pilot, 120, 40)  # wide again: the library is back
        assert "Library (1)" in screen_text(app) and "Annotations (0)" in screen_text(app)


async def test_a_pane_that_gave_way_to_l_at_a_narrow_width_comes_back_when_wide(
    ice_library: Path,
) -> None:
    # narrowed, the library gave way; `L` brought it back and the annotations gave way to
    # it: widened again, both side panes show (the annotations stayed hidden for good)
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await resize(pilot, 80, 24)
        await press(pilot, "L")
        assert "Library (1)" in screen_text(app) and "Annotations (0)" not in screen_text(app)
        await resize(pilot, 120, 40)
        assert "Library (1)" in screen_text(app) and "Annotations (0)" in screen_text(app)
        await press(pilot, "A", "A")  # and the annotations are as `A` leaves them after
        assert "Annotations (0)" not in screen_text(app)


async def help_lines(pilot: Pilot[None]) -> list[str]:
    """Every line of the open keys screen (`?`), read a page at a time to its end."""
    box = pilot.app.screen.query_one("#help-box", VerticalScroll)
    shown = region_lines(pilot.app, box)[1:-1]  # inside the border
    for _ in range(20):
        if box.scroll_y >= box.max_scroll_y:
            break
        before = box.scroll_y
        await press(pilot, "space")
        scrolled = round(box.scroll_y - before)  # the lines that came into view
        shown += region_lines(pilot.app, box)[1:-1][-scrolled:]
    return shown


async def test_the_keys_screen_lists_the_keys_of_every_screen_and_mode(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=(80, 24)) as pilot:  # one column: a row a line
        await settle(pilot)
        app.clear_notifications()
        await press(pilot, "question_mark")
        shown = await help_lines(pilot)
        for row in (
            "a / b / = Keep A's / Keep B's / Keep both",  # comparison mode (c)
            "a Tag all their quotes…",  # who is quoted (W)
            "space Leave out / keep",  # and the review of them
            "1 Matrix",  # the analysis screen (M)
            "e Export table",
            "⏎ Open its article",  # orphaned annotations (O)
        ):
            assert row in shown


async def test_the_keys_screen_reads_at_80_by_24(ice_library: Path) -> None:
    """Each key with the whole of what it does on its line, nothing cut or run together."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.clear_notifications()  # (the hint that the library pane is hidden at this width)
        await press(pilot, "question_mark")
        shown = await help_lines(pilot)
        left, right = key_sections()
        for _, bindings in [*left, *right]:
            for keys, description in help_rows(
                bindings, lambda k: app.get_key_display(Binding(k, ""))
            ):
                assert f"{keys} {description}" in shown, (keys, description)
        assert "words match anywhere; every word must match" in shown  # the search syntax


async def test_a_reopened_library_shows_the_article_where_the_reader_left_it(
    ice_library: Path,
) -> None:
    async with ReaderApp(library=ice_library).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "G")
        left_at = view(pilot.app).cursor
        await press(pilot, "q")  # quitting keeps the place
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = view(app)
        assert article.cursor == left_at
        assert article.text_layout is not None
        line = article.text_layout.line_of(article.cursor)
        top = round(article.scroll_y)
        assert top <= line < top + article.scrollable_content_region.height  # in view
