"""The command palette: late results after it closed never end the app."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import ReaderApp
from reader.ui.palette import ReaderCommandPalette
from tests.helpers.pilot import SIZE, fill, press, screen_text, settle


async def test_updates_that_arrive_after_the_palette_closed_are_dropped(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        palette = app.screen
        assert isinstance(palette, ReaderCommandPalette)
        await fill(pilot, "warhol")
        assert "Open: Warhol" in screen_text(app)
        await press(pilot, "escape")
        assert not isinstance(app.screen, ReaderCommandPalette)
        # What a search worker or a timer still running does when it finishes late:
        palette._watch__list_visible()
        await palette._watch__show_busy()
        palette._action_command_list("select")
        await press(pilot, "j")
        assert app.is_running


async def test_merge_and_rename_are_found_in_the_palette_and_open_the_codebook(
    library: Path,
) -> None:
    from reader.ui.screens.codebook_screen import CodebookScreen

    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await fill(pilot, "merge")
        await settle(pilot)
        assert "Merge sources or themes" in screen_text(app)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, CodebookScreen)
        await press(pilot, "ctrl+p")
        await fill(pilot, "rename")  # the codebook's own key, from its screen
        await settle(pilot)
        assert "Rename" in screen_text(app)
