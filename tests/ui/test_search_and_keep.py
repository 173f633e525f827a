"""Searching every annotation from the app, and keeping everything across sessions."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest
from textual.widgets import Footer, Input

from reader.annotations import index_process
from reader.annotations.index_file import index_path, kept_index_current
from reader.ui.app import ReaderApp
from reader.ui.screens.search_screen import SearchScreen
from reader.ui.widgets.hit_list import HitList, hit_lines
from tests.helpers.paths import GOLD, ICE
from tests.helpers.pilot import (
    SIZE,
    pane_entries,
    press,
    region_words,
    saved_annotations,
    screen_words,
    settle,
    tag,
    type_text,
    view,
)
from tests.helpers.seeding import seed

ICE_TEXT = (GOLD / ICE).read_text(encoding="utf-8")


def results(app: ReaderApp) -> str:
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    return region_words(app, screen.query_one("#search-results"))


async def test_search_finds_sources_and_themes_despite_typos(library: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        assert "4 annotations (newest first)" in screen_words(app)
        await type_text(pilot, "mcpherson")
        assert results(app).startswith("Heather McPherson")
        assert "Doug King" not in results(app)
        await press(pilot, "ctrl+u")
        await type_text(pilot, "publc safty")
        assert results(app).startswith("Doug King · public safety, cross-border cooperation")
        assert "1 annotation" in screen_words(app)


async def test_a_large_databases_first_index_is_built_by_a_child_and_searched(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(library)
    monkeypatch.setattr(index_process, "CHILD_FROM_BYTES", 1)  # every database is "large"
    children: list[list[str]] = []
    real_popen = index_process.subprocess.Popen

    def watched(arguments: list[str], **options: object) -> object:
        children.append(arguments)
        return real_popen(arguments, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(index_process.subprocess, "Popen", watched)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "mcpherson")
        assert results(app).startswith("Heather McPherson")
        index = app.wait_for_index()
        assert not index._changed_since_saved  # the child's index, taken as kept
    assert [arguments[-3:-1] for arguments in children] == [
        ["-m", "reader.annotations.index_process"]
    ]
    assert kept_index_current(library / "reader.json")


async def test_quitting_while_the_child_builds_stops_it_and_builds_nothing(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(library)
    monkeypatch.setattr(index_process, "CHILD_FROM_BYTES", 1)
    children: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def slow(arguments: list[str], **options: object) -> subprocess.Popen[bytes]:
        children.append(real_popen(["sleep", "60"], **options))  # type: ignore[call-overload]
        return children[-1]

    monkeypatch.setattr(index_process.subprocess, "Popen", slow)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        while not children:
            await pilot.pause()
        await pilot.press("q")
    assert children[0].wait(10) is not None  # stopped, not left running
    # every thread worker's work done (the app's thread workers run in the loop's executor)
    await asyncio.wait_for(asyncio.get_running_loop().shutdown_default_executor(), 30)
    assert not index_path(library / "reader.json").exists()  # nor built in the app instead


async def test_search_results_update_on_every_keystroke(library: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        seen = []
        for key in "cel":
            await press(pilot, key)
            seen.append(results(app).split(" · ")[0] if results(app) else "")
        assert seen[-1] == "Elaine Gustafon"
        assert len({*seen}) >= 2  # the list changed as the word grew


async def test_a_search_of_emoji_alone_lists_nothing_and_says_why(library: Path) -> None:
    # "👩‍👩‍👧" typed in search listed every annotation (a tester's attack)
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        app.screen.query_one(Input).value = "👩\u200d👩\u200d👧"  # (pasted)
        await settle(pilot)
        assert "No annotation matches" in screen_words(app)
        assert "Search reads words, not emoji" in screen_words(app)


async def test_field_filters_combine_with_words(library: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, 'theme:"cross-border cooperation" source:ice')
        assert results(app).startswith("ICE ·")
        assert "1 annotation" in screen_words(app)
        await press(pilot, "ctrl+u")
        await type_text(pilot, "article:warhol")
        assert results(app).startswith("Elaine Gustafon")
        await press(pilot, "ctrl+u")
        await type_text(pilot, "source:king zebra")
        assert "No annotation matches" in screen_words(app)
        await press(pilot, "ctrl+u")
        app.screen.query_one(Input).value = "sorce:king"  # a misspelled field: say so
        await settle(pilot)
        shown = screen_words(app)
        # one line says it whole (with every field listed after the guess, it was cut)
        assert (
            "No annotation matches “sorce:king” · sorce: is not a field; did you mean source:?"
            in shown
        )
        assert "Fields:" not in shown
        app.screen.query_one(Input).value = "qqq:king"  # no field near it: the fields
        await settle(pilot)
        assert "qqq: is not a field; Fields: source:, theme:" in screen_words(app)


async def test_enter_opens_the_article_at_the_passage(library: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "gustafon")
        # the footer says what enter does here (the input's own enter hid it)
        assert "⏎ Open" in region_words(app, app.screen.query_one(Footer))
        await press(pilot, "enter")
        assert not isinstance(app.screen, SearchScreen)
        document = view(app).document
        assert (
            document is not None
            and document.record.path == "wikinews-warhol-university-exhibits.txt"
        )
        assert document.text[view(app).cursor :].startswith("I think America")
        assert "I think America" in region_words(app, view(app))
        assert "Elaine Gustafon" in " ".join(pane_entries(app))
        await press(pilot, "slash")
        assert app.screen.query_one("#search-input").value == "gustafon"  # the last query
        await press(pilot, "escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_matched_words_are_highlighted(library: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "sovreignty")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        listing = screen.query_one(HitList)
        lines = hit_lines(listing.hits[0], listing.words)
        assert [text for line in lines for text, _, matched in line if matched] == ["sovereignty"]
        assert "sovereignty" in region_words(app, listing)


async def test_a_new_tag_is_searchable_at_once(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "public safety")
        await press(pilot, "slash")
        await type_text(pilot, "king")
        assert results(app).startswith("Doug King")


async def test_quit_and_reopen_restores_everything(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "public safety", "criminologist")
        await press(pilot, *["n"] * 8, "t")
        await tag(pilot, "Heather McPherson", "sovereignty, accountability")
        await press(pilot, "q")
    assert app.return_code == 0
    first = saved_annotations(ice_library / "reader.json")
    assert [a["source"] for a in first] == ["Doug King", "Heather McPherson"]

    again = ReaderApp(library=ice_library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = " ".join(pane_entries(again))
        assert "Annotations (2)" in screen_words(again)
        assert "Doug King" in notes and "Heather McPherson" in notes and "✎ criminologist" in notes
        await press(pilot, "slash")
        await type_text(pilot, "mcphersn sovereignty")
        assert results(again).startswith("Heather McPherson")
    assert saved_annotations(ice_library / "reader.json") == first


async def test_a_pasted_megabyte_is_cut_to_a_query_of_a_thousand_characters(
    library: Path,
) -> None:
    # A pasted megabyte was searched whole: results came 2.6 s later, 10 s for two
    # megabytes (helper 186). Typing goes on after the paste, and within the bound.
    from textual import events

    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        field = app.screen.query_one("#search-input", Input)
        await type_text(pilot, "ab")
        field.post_message(events.Paste("x" * 1_000_000 + "\nsecond line"))
        await pilot.pause()
        assert field.value == "ab" + "x" * 998  # a thousand characters
        await press(pilot, "ctrl+u")
        field.post_message(events.Paste("mcpherson"))
        await settle(pilot)
        assert field.value == "mcpherson"
        assert results(app).startswith("Heather McPherson")
