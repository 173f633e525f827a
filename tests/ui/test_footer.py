"""The footer: the keys it shows, whole, in each pane of the main screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._footer import FooterKey

from reader.ui.app import ReaderApp
from reader.ui.widgets.footer import ReaderFooter
from tests.helpers.pilot import SIZE, press, screen_text, settle


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
