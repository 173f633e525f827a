"""SVG snapshots of the main screens (pytest-textual-snapshot).

Update them after an intended visual change with `pytest tests/ui/test_snapshots.py
--snapshot-update`, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

from reader.ui.app import ReaderApp
from tests.helpers.pilot import SIZE, settle
from tests.helpers.seeding import seed


def test_main_screen_with_tagged_quotes(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press(*["n"] * 6)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_tag_dialog_with_suggestions(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("n", '"', "t", "k", "i", "n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_search_screen_with_typos(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"canada")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_keys_screen(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_keys_screen_at_80_by_24(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        app.clear_notifications()  # (the hint that the library pane is hidden at this width)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_add_dialog(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("plus", *"https://example.org/news/story.html")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_library_filtered_with_sites_and_dates(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    (library / "oil-prices.md").write_text(
        '---\ntitle: "Oil falls on oversupply worries"\nsite: "Reuters"\n'
        'published: "2019-11-19"\n---\n\n# Oil falls on oversupply worries\n\n'
        "Oil prices fell sharply on Tuesday, traders said.\n",
        encoding="utf-8",
    )
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        app.screen.query_one("#library-list").focus()
        await pilot.press("o", "o", "f", *"oil")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_codebook_screen(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_analysis_screen_matrix(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_main_screen_at_80_by_24_shows_the_essential_keys(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_tag_dialog_editing_with_chips(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    seed(library)
    app = ReaderApp(library=library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("right_square_bracket", "t", "tab", *"sov")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_comparison_mode_of_two_coders(snap_compare, library: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.paths import ICE
    from tests.helpers.seeding import tag_quotes

    king = (ICE, "Their authority in Canada", "Doug King", ["public safety"])
    tag_quotes(
        library,
        [king, (ICE, "Canada and Canadians", "Heather McPherson", ["sovereignty"])],
        "alice",
    )
    tag_quotes(library, [king, (ICE, "Our collaboration benefits", "ICE", ["cooperation"])], "bob")
    app = ReaderApp(library=library, coder="alice")

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("c", "j")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_library_by_feed_with_unread_articles(snap_compare, feed_library: Path) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(library=feed_library)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        app.screen.query_one("#library-list").focus()
        await pilot.press("V", "V")  # unread, then by feed
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
