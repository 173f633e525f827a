"""The tag dialog's Enter key, field by field, and what its hints name (a newcomer's walk)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.events import Key
from textual.pilot import Pilot
from textual.widgets import Input, Static

from reader.ui.app import ReaderApp
from reader.ui.dialogs.tag_dialog import TagDialog
from tests.helpers.pilot import (
    SIZE,
    fill,
    notified,
    press,
    saved_annotations,
    settle,
    tag,
    type_text,
    wait_until,
)
from tests.helpers.seeding import town_library


def dialog_of(app: ReaderApp) -> TagDialog:
    assert isinstance(app.screen, TagDialog), app.screen
    return app.screen


async def test_enter_in_source_takes_the_name_and_goes_on_to_themes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await fill(pilot, "Metrolinx")
        await press(pilot, "enter")
        assert app.focused is not None and app.focused.id == "themes"
        await fill(pilot, "transit/fares")
        await press(pilot, "enter")  # the theme becomes a chip
        assert dialog_of(app).themes == ["transit/fares"]
        await press(pilot, "enter")  # the empty theme field: saves
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["source"] == "Metrolinx"
        assert saved["themes"] == ["transit/fares"]


async def test_enter_takes_the_completed_source_before_the_themes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        await press(pilot, "n", "t")
        await type_text(pilot, "dug kng")
        await press(pilot, "enter")
        assert dialog_of(app).query_one("#source", Input).value == "Doug King"
        await fill(pilot, "policing")
        await press(pilot, "enter", "enter")
        saved = saved_annotations(ice_library / "reader.json")
        assert [(a["source"], a["themes"]) for a in saved][-1] == ("Doug King", ["policing"])


async def test_the_keys_line_says_what_enter_does_in_each_field(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        hint = dialog_of(app).query_one("#tag-hint", Static)
        assert "enter takes the name, on to themes" in str(hint.content)
        await press(pilot, "tab")
        assert "empty: saves" in str(hint.content)


async def test_the_theme_hint_names_the_codebooks_own_themes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        placeholder = dialog_of(app).query_one("#themes", Input).placeholder
        assert "public safety" not in placeholder and "policing" not in placeholder
        await tag(pilot, "Doug King", "sovereignty")
        await press(pilot, "n", "t")
        assert "sovereignty" in dialog_of(app).query_one("#themes", Input).placeholder


async def test_keys_typed_ahead_after_enter_go_to_the_themes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await fill(pilot, "Metrolinx")
        for key, char in [("enter", "\r"), ("f", "f"), ("a", "a"), ("r", "r"), ("e", "e")]:
            app.post_message(Key(key, char))  # all at once, as a fast typist or tmux sends
        await settle(pilot)
        dialog = dialog_of(app)
        assert dialog.query_one("#source", Input).value == "Metrolinx"
        assert dialog.query_one("#themes", Input).value == "fare"


async def test_a_theme_typed_ahead_then_enter_becomes_a_chip(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t", "tab")
        for char in "fares":
            app.post_message(Key(char, char))
        app.post_message(Key("enter", "\r"))  # before the field's Changed messages
        await settle(pilot)
        assert dialog_of(app).themes == ["fares"]  # a chip, not yet saved


async def test_enter_after_typing_the_suggested_name_again_goes_on_to_themes(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")  # Doug King's quote: his name filled in, selected
        source = dialog_of(app).query_one("#source", Input)
        assert source.value == "Doug King"
        await type_text(pilot, "Doug King")  # typed over it, the same
        await press(pilot, "enter")
        assert app.focused is not None and app.focused.id == "themes"
        assert saved_annotations(ice_library / "reader.json") == []


async def test_enter_on_a_filled_in_speaker_goes_on_to_themes_unless_accept_asked(
    tmp_path: Path,
) -> None:
    library = town_library(tmp_path / "town")  # "he said" after two men: uncertain
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")  # tag the mayor's quotation: her name is filled in
        assert dialog_of(app).query_one("#source", Input).value == "Jane Roe"
        await press(pilot, "enter")  # as the keys line says: on to themes, nothing saved
        assert app.focused is not None and app.focused.id == "themes"
        await fill(pilot, "roads")
        await press(pilot, "enter", "enter")
        [saved] = saved_annotations(library / "reader.json")
        assert (saved["source"], saved["themes"]) == ("Jane Roe", ["roads"])
        await press(pilot, "T", "n", "a")  # accept with the last themes, on the "?" one
        hint = str(dialog_of(app).query_one("#tag-hint", Static).render())
        assert "enter saves this speaker" in hint
        assert dialog_of(app).themes == ["roads"]  # the last themes come with it
        await press(pilot, "enter")  # the speaker checked: saved as it stands
        saved = saved_annotations(library / "reader.json")
        assert [a["themes"] for a in saved] == [["roads"], ["roads"]]


async def test_the_dialog_opens_clear_of_notices_about_the_screen_behind(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify("No quotation below")
        await press(pilot, "n", "t")
        dialog_of(app)
        assert not app.screen.query("Toast")  # nothing lies over its fields and keys line


def test_the_themes_hint_says_tab_goes_on_to_the_note_at_every_width() -> None:
    from reader.ui.dialogs.tag_dialog import BOX_FRAME, hint_for

    for width in (80, 100, 160):
        hint = hint_for(width, "themes")
        assert "tab: note" in hint and len(hint) <= min(84, int(width * 0.95)) - BOX_FRAME


async def test_a_name_typed_right_after_t_goes_into_source_never_to_the_article(
    ice_library: Path,
) -> None:
    """`t` then "ue" typed at once (a fast typist, a slow link, tmux): the dialog opened
    after the letters had run as the article's keys, so "u" undid the last tag and "e"
    archived the article (found by an attack). Now they are the dialog's Source."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        assert len(saved_annotations(ice_library / "reader.json")) == 1
        await press(pilot, "n")
        for char in "tue":
            app.post_message(Key(char, char))  # all at once
        await settle(pilot)
        assert dialog_of(app).query_one("#source", Input).value == "ue"
        assert len(saved_annotations(ice_library / "reader.json")) == 1  # not undone


async def test_a_query_typed_right_after_slash_is_the_search(ice_library: Path) -> None:
    from reader.ui.screens.search_screen import SearchScreen

    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, char in [("slash", "/"), ("k", "k"), ("i", "i"), ("n", "n")]:
            app.post_message(Key(key, char))  # all at once: "n" was the next quote
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#search-input", Input).value == "kin"


async def test_ctrl_s_typed_right_after_a_note_saves_all_of_it(ice_library: Path) -> None:
    """Ctrl+S is the dialog's at once, before the keys typed ahead of it reach their field:
    "quick words" then ctrl+s at once saved part of the note (a newcomer's finding, with an
    emoji in tmux). It now saves after the field has taken them."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await fill(pilot, "Doug King")
        await press(pilot, "tab", "tab")
        for char in "quick 😀 words":
            app.post_message(Key("space" if char == " " else char, char))
        app.post_message(Key("ctrl+s", None))  # all at once
        await settle(pilot)
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["note"] == "quick 😀 words"


async def test_the_first_tag_signed_with_the_login_name_says_so(
    ice_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no coder set, annotations carry the login name ("root" in a newcomer's CSV),
    which nothing had said: the first tag says it once, and how to set another."""
    monkeypatch.delenv("READER_CODER")
    monkeypatch.setattr("reader.reading.coder_config.login_name", lambda: "mlee")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        assert "signed mlee (your login name); `reader config coder NAME`" in notified(app)
        app.clear_notifications()
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        assert "login name" not in notified(app)  # (once)
    assert {a["coder"] for a in saved_annotations(ice_library / "reader.json")} == {"mlee"}


async def test_a_coder_name_set_while_the_app_is_open_signs_what_is_tagged_next(
    ice_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reader config coder "Sam Rivera"` run while the app was open: the app went on
    signing the login name, and after a restart the user's own work read as another
    coder's (a newcomer's finding)."""
    from reader.reading.coder_config import set_coder

    monkeypatch.delenv("READER_CODER")
    monkeypatch.setattr("reader.reading.coder_config.login_name", lambda: "root")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        set_coder("Sam Rivera")  # (as the command does, from another shell)
        # (the look outside, every two seconds)
        await wait_until(pilot, lambda: "signed Sam Rivera from now on" in notified(app))
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
    coders = [a["coder"] for a in saved_annotations(ice_library / "reader.json")]
    assert coders == ["root", "Sam Rivera"]


async def _themes_of_a_second_tag(pilot: Pilot[None], themes: str) -> None:
    """Doug King's quote tagged with `themes`; the next quote's dialog open, his name taken,
    the cursor in Themes."""
    await settle(pilot)
    await press(pilot, "n", "t")
    await tag(pilot, "Doug King", themes)
    await press(pilot, "n", "t")
    await fill(pilot, "Doug King")
    await press(pilot, "enter")


async def test_a_theme_typed_a_letter_from_another_is_a_new_theme(ice_library: Path) -> None:
    """ "policy" typed where "police" is a theme: Enter had made the chip "police" (and
    "zeta" became "beta"), the wrong code saved unseen (a team's coder typing fast). A theme
    a letter or two away is listed, but Enter takes the typed word; its beginning still
    completes."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await _themes_of_a_second_tag(pilot, "police, beta, environment")
        for typed in ("policy", "zeta", "enviro"):
            await type_text(pilot, typed)
            await press(pilot, "enter")
        assert dialog_of(app).themes == ["policy", "zeta", "environment"]
        await press(pilot, "enter")
        saved = saved_annotations(ice_library / "reader.json")
        assert saved[-1]["themes"] == ["policy", "zeta", "environment"]


@pytest.mark.parametrize("last", [["ctrl+s"], ["tab", "ctrl+s"]])
async def test_a_theme_finished_as_tab_or_ctrl_s_arrive_is_the_word_typed(
    ice_library: Path, last: list[str]
) -> None:
    """ "polic" (the theme "police" highlighted), then "y" and ctrl+s at once saved "police";
    "y" and Tab saved "police" and a theme "y" (an attack on this stop's mend: Tab and
    ctrl+s took a list made before the last letters)."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await _themes_of_a_second_tag(pilot, "police")
        await type_text(pilot, "polic")
        for key in ["y", *last]:
            app.post_message(Key(key, "y" if key == "y" else None))  # all at once
        await settle(pilot)
        saved = saved_annotations(ice_library / "reader.json")
        assert saved[-1]["themes"] == ["policy"]
