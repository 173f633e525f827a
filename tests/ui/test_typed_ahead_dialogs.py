"""Keys typed right after the key that opens a dialog with a field (export `X`, add `+`,
the filter `F`): typed fast, they came through before the dialog's field had the focus,
and were lost. Each dialog now takes them into its field, as if typed there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.events import Key
from textual.widgets import Input, TextArea

from reader.ui.app import ReaderApp
from reader.ui.dialogs.add_dialog import AddDialog
from reader.ui.dialogs.prompt_dialog import PromptDialog
from tests.helpers.pilot import SIZE, main, press, settle, tag, view


def _at_once(app: ReaderApp, *keys: tuple[str, str]) -> None:
    for key, char in keys:
        app.post_message(Key(key, char or None))  # all at once, as a fast typist or tmux sends


def _letters(text: str) -> list[tuple[str, str]]:
    return [({".": "full_stop", " ": "space"}.get(c, c), c) for c in text]


async def test_a_file_name_typed_right_after_x_goes_into_the_export_field(
    ice_library: Path,
) -> None:
    from reader.ui.dialogs.export_dialog import ExportDialog

    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        _at_once(app, ("X", "X"), *_letters("abc"))
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        path_before = app.screen._path_for("markdown")
        assert app.screen.query_one("#export-path", Input).value == path_before + "abc"


@pytest.mark.parametrize(
    ("opening", "typed", "dialog", "field"),
    [
        (("plus", "+"), "news.txt", AddDialog, "#add-source"),
        (("F", "F"), "kin", PromptDialog, "#prompt-input"),
    ],
)
async def test_what_is_typed_right_after_the_key_opening_a_dialog_goes_into_its_field(
    ice_library: Path, opening: tuple[str, str], typed: str, dialog: type, field: str
) -> None:
    """`+` then an address, `F` then a filter, typed at once."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _at_once(app, opening, *_letters(typed))
        await settle(pilot)
        assert isinstance(app.screen, dialog)
        assert app.screen.query_one(field, Input).value == typed


async def test_keys_sent_together_in_the_key_list_scroll_each_their_line(
    ice_library: Path,
) -> None:
    """Ten `j` sent at once scrolled the key list one line (each scroll began from where
    the last had not yet gone; a newcomer's finding), and space twice one page."""
    from textual.containers import VerticalScroll

    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        _at_once(app, *[("j", "j")] * 10)
        await settle(pilot)
        assert app.screen.query_one("#help-box", VerticalScroll).scroll_y == 10
        await press(pilot, "escape")
        await press(pilot, "space")
        await press(pilot, "space")
        one_by_one = (view(app).scroll_y, view(app).cursor)
        await press(pilot, "g")
        _at_once(app, ("space", " "), ("space", " "))
        await settle(pilot)
        assert (view(app).scroll_y, view(app).cursor) == one_by_one
        assert one_by_one[0] > view(app).scrollable_content_region.height  # (two pages)


async def test_editing_keys_typed_fast_act_in_the_order_typed(ice_library: Path) -> None:
    """Textual runs a field's editing keys once they have gone up to the app, after the
    characters typed behind them: "Dog", backspace, "ug" gave "Dogu", and ctrl+u then
    "D. King" an empty Source (the name wiped by the ctrl+u typed before it; a last
    smoke test's finding). They act in turn with the characters now."""
    from reader.ui.screens.search_screen import SearchScreen

    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        source = app.screen.query_one("#source", Input)
        _at_once(app, ("ctrl+u", ""), *_letters("D. Kng"), ("left", ""), ("left", ""))
        _at_once(app, ("i", "i"), ("end", ""), ("backspace", ""), ("g", "g"))
        await settle(pilot)
        assert source.value == "D. King"
        await press(pilot, "tab", "tab")  # the note: the same, in its area
        _at_once(app, *_letters("abc"), ("backspace", ""), ("d", "d"), ("left", ""), ("x", "x"))
        await settle(pilot)
        assert app.screen.query_one("#note", TextArea).text == "abxd"
        await press(pilot, "escape", "slash")
        assert isinstance(app.screen, SearchScreen)
        field = app.screen.query_one("#search-input", Input)
        field.value = ""
        _at_once(app, *_letters("Dog"), ("backspace", ""), *_letters("ug"))
        await settle(pilot)
        assert field.value == "Doug"


async def test_accept_and_a_theme_key_sent_at_once_make_one_annotation(
    ice_library: Path,
) -> None:
    """`f a 3` sent at once: `3` found the quote untagged while `a`'s save waited, and a
    second annotation, with the theme and no source, was saved beside the speaker's (a
    power user's finding, 19 of 20 quotes). One annotation, with both."""
    from tests.helpers.pilot import saved_annotations

    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Someone", "safety")  # (safety: quick key 1)
        tagged = view(app).cursor
        found = next(
            f
            for f in main(app).findings
            if f.speaker and not f.uncertain and not f.span.start <= tagged < f.span.end
        )
        view(app).move_to(found.span.start)
        _at_once(app, ("a", "a"), ("1", "1"))
        await settle(pilot)
        from tests.helpers.pilot import notified

        assert "changed on disk" not in notified(app)  # (nothing did: an attack's finding)
    saved = [a for a in saved_annotations(ice_library / "reader.json") if a["source"] != "Someone"]
    assert [(a["source"], a["themes"]) for a in saved] == [(found.speaker, ["safety"])]
