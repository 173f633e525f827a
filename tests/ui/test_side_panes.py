"""The side panes at 80 columns: `L` focuses the library it shows, and comparison mode keeps
one side pane at a time, so the article stays readable."""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import ReaderApp
from tests.helpers.pilot import main, notified, press, settle, view
from tests.helpers.seeding import tag_quotes

SMALL = (80, 24)
ICE = "ice-canada-offices.txt"


def shown(app: ReaderApp) -> list[str]:
    """The side panes displayed, left to right."""
    return [
        name
        for name in ("library", "notes", "compare")
        if main(app).query_one(f"#{name}-pane").display
    ]


def article_width(app: ReaderApp) -> int:
    layout = view(app).text_layout
    assert layout is not None
    return layout.width


async def test_l_at_80_columns_shows_the_library_and_focuses_it(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.focused is view(app)
        await press(pilot, "L")
        assert shown(app) == ["library"]
        assert app.focused is main(app).library_list  # j and enter go to the list
        await press(pilot, "L")
        assert app.focused is view(app)


async def test_comparing_at_80_columns_keeps_one_side_pane_at_a_time(library: Path) -> None:
    tag_quotes(library, [(ICE, "Their authority in Canada", "Doug King", ["x"])], coder="alice")
    tag_quotes(library, [(ICE, "Their authority in Canada", "Doug King", ["y"])], coder="bob")
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "L", "enter", "c")
        assert main(app).comparing == ("alice", "bob")
        assert shown(app) == ["compare"]
        assert "library pane gave way to the comparison" in notified(app)
        assert article_width(app) >= 36
        await press(pilot, "L")  # the library: the comparison gives way, not two panes
        assert shown(app) == ["library"]
        assert article_width(app) >= 36
        await press(pilot, "L")  # and comes back with the library gone
        assert shown(app) == ["compare"]
        await press(pilot, "c")  # leaving: the annotations take its place
        assert shown(app) == ["notes"]


async def test_a_very_wide_terminal_gives_the_side_panes_what_the_article_leaves(
    library: Path,
) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        notes = main(app).query_one("#notes-pane").region.width
        assert notes >= 56  # more of each quote shown
        assert article_width(app) == 100  # the article still wraps at its full measure
