"""The footer: the keys it shows, whole, in each pane of the main screen."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import ReaderApp
from tests.helpers.pilot import SIZE, footer_line, main, press, settle


async def test_every_key_in_the_footer_fits_at_120_columns(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for pane in ("article-pane", "notes", "library-list"):  # tab goes round the panes
            assert app.focused is not None and app.focused.id == pane
            shown, keys = footer_line(app)
            assert "Keys" in shown and "Quit" in shown, pane
            cut = [key for key in keys if key not in shown]
            assert not cut, f"{pane} pane: {cut} cut off in {shown!r}"
            await press(pilot, "tab")  # the next pane


async def test_the_annotations_pane_footer_shows_n_next_quote(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "tab")
        assert app.focused is main(app).notes
        shown, _ = footer_line(app)
        assert "n Next quote" in shown and "t Edit" in shown
