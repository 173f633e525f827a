"""At 80x24 every line says all it has to: nothing cut off, wrapped apart or hidden unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.storage.database import Store
from reader.ui.app import ReaderApp
from reader.ui.dialogs.tag_dialog import TagDialog
from reader.ui.screens.analysis_screen import AnalysisScreen
from reader.ui.screens.codebook_screen import CodebookScreen
from tests.helpers.paths import ICE
from tests.helpers.pilot import press, resize, screen_text, settle
from tests.helpers.seeding import seed, tag_quotes

SMALL = (80, 24)
LONG_NAMES = [
    (ICE, "Their authority in Canada", "Doug King", ["public safety", "policing/oversight"]),
    (
        ICE,
        "Canada and Canadians must not",
        "Heather McPherson, NDP foreign affairs critic",
        ["sovereignty"],
    ),
]


async def test_the_tag_dialog_shows_its_whole_keys_line_at_80_by_24(library: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "right_square_bracket", "t", "tab")  # edit a tagged quote's themes
        assert isinstance(app.screen, TagDialog)
        app.screen.query_one("#themes", Input).value = "so"  # suggestions open under it
        await settle(pilot)
        [hint] = [line for line in screen_text(app).splitlines() if "enter adds a" in line]
        assert "esc cancel" in hint  # on the one line, not cut off below it


async def test_the_per_source_bars_keep_their_counts_on_their_line_at_80_columns(
    library: Path,
) -> None:
    tag_quotes(library, LONG_NAMES)
    app = ReaderApp(library=library)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "M", "2")
        assert isinstance(app.screen, AnalysisScreen)
        lines = screen_text(app).splitlines()
        bars = [line for line in lines if "█" in line]
        assert len(bars) == 2 and all(line.rstrip().endswith("(1 art.)") for line in bars)
        assert not any(line.strip().startswith("art.)") for line in lines)


async def test_the_codebook_shows_cut_descriptions_and_the_whole_one_under_it(
    library: Path,
) -> None:
    tag_quotes(library, LONG_NAMES)
    store = Store(library / "reader.json")
    store.update_source("Doug King", description="Mount Royal University criminologist, policing")
    store.close()
    app = ReaderApp(library=library)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "C")
        screen = app.screen
        assert isinstance(screen, CodebookScreen)
        shown = screen_text(app)
        assert "description" in shown and "Mount Royal…" in shown
        screen.query_one("DataTable").move_cursor(row=screen.rows.index(("source", "Doug King")))
        await settle(pilot)
        assert "Doug King — Mount Royal University criminologist, policing" in screen_text(app)


async def test_a_terminal_too_small_for_the_lists_never_stops_the_app(library: Path) -> None:
    # Found by stop 54's monkey test: at 20x8 the library pane had no width, and `V` (its
    # other view) measured its entries at width 0, where Textual's wrapping raises
    # ValueError; a session shrunk to 10x5 crashed the same way in Textual's own list.
    tag_quotes(library, [(ICE, "Their authority in Canada", "Doug King", ["public safety"])])
    app = ReaderApp(library=library)
    async with app.run_test(size=(20, 8)) as pilot:
        await settle(pilot)
        await press(pilot, "V")
        await press(pilot, "V")
        await resize(pilot, 10, 5)
        for key in ("C", "escape", "W", "escape", "question_mark", "escape"):
            await press(pilot, key)
        await resize(pilot, 100, 30)
        assert app.is_running and "Annotations (1)" in screen_text(app)


def test_the_bars_line_up_whatever_the_width_of_a_names_letters() -> None:
    """`小池百合子` was padded and cut by its characters, not its columns: its bar stood five
    columns right of the others, and at 40 columns its line wrapped (a tester's finding)."""
    from rich.cells import cell_len

    from reader.annotations.stats import Count

    counts = [
        Count("小池百合子", 3, 1),
        Count("Doug King", 2, 1),
        Count("東京都知事選挙管理委員会", 1, 1),
    ]
    for width in (120, 40):
        prompts = [str(option.prompt) for option in AnalysisScreen._bars(counts, "source", width)]
        starts = {cell_len(prompt[: prompt.index("█")]) for prompt in prompts}
        assert len(starts) == 1, (width, prompts)
        assert max(cell_len(prompt) for prompt in prompts) <= width


def test_a_title_of_thousands_of_characters_takes_a_few_lines_of_the_library() -> None:
    """A 2,000-character title took 80 lines of the library pane, all of it at 80x24 (a
    tester's finding): the entry shows its beginning, cut at a word."""
    from reader.core.records import ArticleRecord
    from reader.ui.widgets.library_list import SHOWN_TITLE, ArticleOption

    record = ArticleRecord(1, "long.txt", "Council vote " * 160, "")
    title = str(ArticleOption(record, 0).prompt).split("\n")[0]
    assert title.startswith("Council vote") and title.endswith("…")
    assert len(title) <= SHOWN_TITLE + 2
    from rich.cells import cell_len  # (a title in CJK: its columns, not its characters)

    wide = str(ArticleOption(ArticleRecord(2, "w.txt", "東京都" * 300, ""), 0).prompt)
    assert cell_len(wide.split("\n")[0]) <= SHOWN_TITLE


async def test_with_no_color_what_colour_told_apart_has_a_style(
    ice_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under NO_COLOR the highlighted row was grey 235 on 233, and a tagged passage, a
    found quotation and the selection differed by colour alone (a tester's finding)."""
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.library_list import LibraryList

    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        library = app.screen.query_one(LibraryList)
        assert library.get_component_rich_style("option-list--option-highlighted").reverse
        assert article.get_component_rich_style("article-view--selection").reverse
        assert article.get_component_rich_style("article-view--tagged").bold
        assert article.get_component_rich_style("article-view--suggestion").underline
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm")  # (16 colours: one grey for every theme's highlight)
    monkeypatch.delenv("COLORTERM")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.get_component_rich_style("article-view--tagged").bold
    monkeypatch.setenv("TERM", "xterm-256color")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert not article.get_component_rich_style("article-view--tagged").bold
