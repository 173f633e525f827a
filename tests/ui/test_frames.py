"""What a frame draws: opening an article and listing its quotations draw again only
what changed (a long article's quotes, listed, stalled the UI 25-30 ms a frame when the
whole screen or the article pane was drawn again with them)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from textual.geometry import Region
from textual.widget import Widget

from reader.ui.app import ReaderApp
from reader.ui.styling import retitle
from reader.ui.widgets.annotation_list import AnnotationList
from tests.helpers.pilot import SIZE, main, settle, view


@contextmanager
def refreshes(widget: Widget) -> Iterator[list[bool]]:
    """The repaints asked of `widget` meanwhile (each call of its `refresh`)."""
    asked: list[bool] = []
    refresh = widget.refresh

    def counting(*regions: Region, repaint: bool = True, **options: bool) -> Widget:
        asked.append(repaint)
        return refresh(*regions, repaint=repaint, **options)

    widget.refresh = counting  # type: ignore[method-assign]
    try:
        yield asked
    finally:
        del widget.refresh


async def test_opening_an_article_does_not_draw_the_whole_screen_again(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.document is not None
        other = next(r for r in app.store.articles() if r.id != screen.document.record.id)
        with refreshes(screen) as asked:
            screen.open_article(other.id)
            await settle(pilot)
        assert screen.document.record.id == other.id
        assert asked == []  # (App.sub_title asked it of the whole screen: nothing shows it)
        assert app.sub_title == other.path


async def test_listing_the_same_quotes_again_draws_neither_the_article_nor_its_pane(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        assert screen.findings
        with refreshes(view(app)) as article, refreshes(screen.query_one("#notes-pane")) as pane:
            screen.refresh_annotations()  # what listing the quotations found does
        assert article == []
        assert pane == []


async def test_a_title_set_again_to_the_same_text_draws_nothing(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = main(app).query_one("#notes-pane")
        with refreshes(pane) as asked:
            retitle(pane, str(pane.border_title))
            retitle(pane, "", subtitle=True)
        assert asked == []
        with refreshes(pane) as asked:
            retitle(pane, "Annotations (99)")
        assert asked == [True]
        assert pane.border_title == "Annotations (99)"


async def test_entries_made_ahead_are_drawn_as_made_in_the_frame(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = main(app).query_one(AnnotationList)
        assert notes.option_count > 10  # more than the pane shows: it has a scrollbar
        whole = Region(0, 0, notes.size.width, notes.size.height)

        def drawn(ahead: bool) -> list[str]:
            notes._option_render_cache.clear()
            notes._styles_cache.clear()
            if ahead:
                notes._draw_ahead()
                assert len(notes._option_render_cache) > 0
            return [strip.text for strip in notes.render_lines(whole)]

        assert drawn(ahead=True) == drawn(ahead=False)


async def test_the_annotations_list_keeps_its_width_when_it_needs_a_scrollbar(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = main(app).query_one(AnnotationList)
        assert notes.show_vertical_scrollbar  # the quotations found fill more than the pane
        width = notes.scrollable_content_region.width
        notes.show_annotations((), {}, None)  # one line: no scrollbar needed
        await settle(pilot)
        assert not notes.show_vertical_scrollbar
        assert notes.scrollable_content_region.width == width


def test_a_suggestion_without_a_speaker_shows_the_articles_words_for_them() -> None:
    from reader.quotes import find_quotes
    from reader.ui.widgets.annotation_list import suggestion_prompt

    text = "A\n\nExecutives met MPs.\n\n“Flaws can develop quickly,” the executive said.\n"
    (finding,) = find_quotes(text)
    shown = suggestion_prompt(finding, "Flaws can develop quickly,").plain
    assert shown.startswith("suggested  speaker unknown: the executive\n")
