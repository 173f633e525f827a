"""Tagging you can trust: what is saved is what the screen showed, and it stays put.

Each test presses the keys a user would and checks the screen and the database file.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reader.storage.database import Store
from reader.ui.app import ReaderApp
from reader.ui.dialogs.tag_dialog import TagDialog
from tests.helpers.pilot import (
    SIZE,
    fill,
    main,
    notified,
    pane_entries,
    press,
    region_words,
    saved_annotations,
    screen_words,
    settle,
    tag,
    type_text,
)


def dialog(app: ReaderApp) -> TagDialog:
    screen = app.screen
    assert isinstance(screen, TagDialog)
    return screen


def source_label(app: ReaderApp) -> str:
    """The words of the line over the source field ("Source new source")."""
    return region_words(app, dialog(app).query_one(".tag-label"))


async def _second_quote_after_doug_king(pilot: Pilot[None]) -> None:
    """The first quotation tagged "Doug King", then the tag dialog of the second, emptied."""
    await settle(pilot)
    await press(pilot, "n", "t")
    await tag(pilot, "Doug King")
    await press(pilot, "n", "t")
    await fill(pilot, "")


async def test_editing_adds_to_what_is_there(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "public safety, sovereignty")
        await press(pilot, "right_square_bracket", "t")  # edit it
        source = dialog(app).query_one("#source", Input)
        assert source.value == "Doug King" and source.selected_text == ""
        assert source.cursor_position == len("Doug King")  # at the end, nothing selected
        await press(pilot, "tab")
        await type_text(pilot, "policing")
        await press(pilot, "enter")  # takes the theme as a chip ("new theme" offered)
        await press(pilot, "backspace")  # the field is empty: removes the last chip
        await type_text(pilot, "oversight")
        await press(pilot, "enter", "enter")  # take it, then save
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["themes"] == ["public safety", "sovereignty", "oversight"]


async def test_enter_and_tab_take_what_the_screen_offers(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "sovereignty")
        await press(pilot, "n", "n", "t")
        await tag(pilot, "U.S. Immigration and Customs Enforcement")
        await press(pilot, "n", "t")
        await fill(pilot, "")
        await type_text(pilot, "dug kng")
        assert source_label(app) == "Source existing source: Doug King"  # what tab takes
        await press(pilot, "tab")  # the highlighted suggestion, not what was typed
        assert dialog(app).query_one("#source", Input).value == "Doug King"
        await type_text(pilot, "sov")
        await press(pilot, "enter", "enter")
        saved = saved_annotations(ice_library / "reader.json")
        assert (saved[-1]["source"], saved[-1]["themes"]) == ("Doug King", ["sovereignty"])
        await press(pilot, "n", "t")
        await fill(pilot, "")
        await type_text(pilot, "ice")  # an acronym finds the organisation
        await press(pilot, "tab")
        assert dialog(app).query_one("#source", Input).value == (
            "U.S. Immigration and Customs Enforcement"
        )
        await press(pilot, "escape")


async def test_enter_saves_another_person_as_typed_not_the_codebook_name_one_letter_off(
    ice_library: Path,
) -> None:
    """ "Doug Kind" typed where "Doug King" is known is a typo; "Joan Smith" where "John
    Smith" is, or "Alpha Person 2" where "Alpha Person 1" is, is another person: Enter
    saved the known name (an attack's finding: the quote went to someone else)."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for known in ("John Smith", "Alpha Person 1"):
            await press(pilot, "n", "t")
            await tag(pilot, known)
        for typed in ("Joan Smith", "Alpha Person 2"):
            await press(pilot, "n", "t")
            await fill(pilot, "")
            await type_text(pilot, typed)
            assert source_label(app) == "Source new source"
            await press(pilot, "enter", "enter")
        sources = [a["source"] for a in saved_annotations(ice_library / "reader.json")]
        assert sources == ["John Smith", "Alpha Person 1", "Joan Smith", "Alpha Person 2"]


async def test_the_source_label_says_whether_enter_saves_an_existing_or_a_new_source(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await _second_quote_after_doug_king(pilot)
        assert source_label(app) == "Source"  # nothing typed, nothing to say
        await type_text(pilot, "doug")  # "Doug King" highlighted: enter takes it
        assert source_label(app) == "Source existing source: Doug King"
        await press(pilot, "down")  # "+ new source: doug"
        assert source_label(app) == "Source new source"
        await press(pilot, "up", "enter")
        assert source_label(app) == "Source existing source"


async def test_ctrl_s_saves_the_source_the_label_names(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await _second_quote_after_doug_king(pilot)
        await type_text(pilot, "doug")
        assert source_label(app) == "Source existing source: Doug King"
        await press(pilot, "ctrl+s")
        saved = saved_annotations(ice_library / "reader.json")
        assert [a["source"] for a in saved] == ["Doug King", "Doug King"]  # no new "doug"


async def test_a_code_an_undo_leaves_unused_is_no_longer_suggested(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Zed Zebra", "zoology")
        await press(pilot, "u")
        assert saved_annotations(ice_library / "reader.json") == []
        await press(pilot, "n", "t")
        await fill(pilot, "")
        await type_text(pilot, "zed")
        words = region_words(app, dialog(app).query_one("#source-suggestions"))
        assert "Zed Zebra" not in words and "new source: zed" in words


async def test_quick_keys_and_the_last_tag_survive_restarts(ice_library: Path) -> None:
    for run in range(3):
        app = ReaderApp(library=ice_library)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            quick = region_words(app, main(app).query_one("#quick-themes"))
            if run == 0:
                await press(pilot, "n", "t")
                await tag(pilot, "Doug King", "public safety, human rights, sovereignty")
                for _ in range(3):  # sovereignty becomes the most used: it keeps its number
                    await press(pilot, "n", "3")
            elif run == 1:
                assert "1 public safety 2 human rights 3 sovereignty" in quick
                await press(pilot, "n", "t")
                await tag(pilot, "Heather McPherson", "accountability")  # a new last tag
            else:
                assert "1 public safety 2 human rights 3 sovereignty 4 accountability" in quick
                await press(pilot, "n", "n", "full_stop")  # the last tag, after a restart
                saved = saved_annotations(ice_library / "reader.json")
                assert sum(a["source"] == "Heather McPherson" for a in saved) == 2


async def test_the_codebook_moves_and_clears_quick_keys(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "public safety, sovereignty")
        await press(pilot, "C", "j", "j")  # rows: Doug King, public safety, sovereignty
        await press(pilot, "1")  # sovereignty takes 1; public safety gives it up
        await press(pilot, "k", "0")  # and public safety has none now
        await press(pilot, "escape")
        assert "1 sovereignty" in region_words(app, main(app).query_one("#quick-themes"))
        store = Store(ice_library / "reader.json")
        assert store.quick_themes() == {1: "sovereignty"}
        store.close()


async def test_a_paraphrase_is_never_quoted(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        text = main(app).document.text  # type: ignore[union-attr]
        cursor = text.index("Agents in Canada don")
        main(app).article_view.move_to(cursor)
        await press(pilot, "s", "t")  # a sentence: a passage
        assert "passage" in region_words(app, dialog(app).query_one("#tag-kind"))
        await tag(pilot, "U.S. Immigration and Customs Enforcement")
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["kind"] == "passage"
        assert any(
            e.startswith("U.S. Immigration") and "passage Agents in" in e for e in pane_entries(app)
        )
        await press(pilot, "y")
        assert app.clipboard.startswith("Agents in Canada don’t carry firearms")
        assert "“Agents" not in app.clipboard and "not a quotation" not in app.clipboard
        assert "paraphrase or context" in app.clipboard
        await press(pilot, "n", "t")
        source = dialog(app).query_one("#source", Input).value
        assert source  # the suggested speaker, filled in
        await press(pilot, "ctrl+k")  # a quotation switched to a passage, and back
        assert "passage" in region_words(app, dialog(app).query_one("#tag-kind"))
        await press(pilot, "ctrl+k")
        assert "quotation" in region_words(app, dialog(app).query_one("#tag-kind"))
        assert dialog(app).query_one("#source", Input).value == source  # not erased
        await press(pilot, "ctrl+s")
        quote = [
            a for a in saved_annotations(ice_library / "reader.json") if a["kind"] == "quotation"
        ]
        assert len(quote) == 1


async def test_a_note_holds_several_lines_shown_whole_on_demand(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t", "tab", "tab")
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "first thought")
        await press(pilot, "enter")  # a new line, not a save
        await type_text(pilot, "second thought")
        await press(pilot, "ctrl+s")
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["note"] == "first thought\nsecond thought"
        assert "✎ first thought …" in " ".join(pane_entries(app))
        await press(pilot, "tab", "o")  # the annotations pane: whole notes
        assert "second thought" in " ".join(pane_entries(app))


async def test_the_palette_has_every_screen_once_with_its_key(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for words, expected in (("codebook", "key C"), ("orphan", "key O"), ("who is", "key W")):
            await press(pilot, "ctrl+p")
            await fill(pilot, words)
            assert expected in screen_words(app), words
            await press(pilot, "escape")
        await press(pilot, "ctrl+p")
        await fill(pilot, "keys")
        listing = app.screen.query_one("CommandList")
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert sum("Keys" in p for p in prompts) == 1


async def test_the_library_filter_forgives_a_typo(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "shift+tab", "f")
        await fill(pilot, "warhl")
        assert "Library (1 of 4)" in screen_words(app)


async def test_a_filter_that_hides_everything_says_so(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "public safety")
        await press(pilot, "F")
        await fill(pilot, "theme:nothing-like-this")
        await press(pilot, "enter")
        assert "none matching the filter" in " ".join(pane_entries(app))  # not "no annotations"
        shown = screen_words(app)
        assert "Annotations (0)" in shown and "Library (1)" in shown  # the open one stays
        await press(pilot, "u")  # the tag gone: nothing here at all, and the filter on
        await settle(pilot)
        assert "Nothing here matches the filter" in " ".join(pane_entries(app))


async def test_reopening_goes_back_to_where_you_were(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warhol = next(r for r in app.store.articles() if "warhol" in r.path)
        main(app).open_article(warhol.id, cursor=900)
        await settle(pilot)
        await press(pilot, "q")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        document = main(app).document
        assert document is not None and "warhol" in document.record.path
        assert main(app).article_view.cursor >= 890


async def test_keys_can_be_changed_in_a_keymap_file(ice_library: Path, tmp_path: Path) -> None:
    import os

    config = Path(os.environ["XDG_CONFIG_HOME"]) / "reader"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text(
        '[keymap]\n"article.tag" = "ctrl+t"\n"app.serch" = "ctrl+f"\n', encoding="utf-8"
    )
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "did you mean 'app.search'?" in notified(app)  # a typo is said at start
        await press(pilot, "n", "ctrl+t")
        assert isinstance(app.screen, TagDialog)
        await press(pilot, "escape", "question_mark")
        assert "^t" in screen_words(app)


def test_the_lock_file_is_ignored_by_git() -> None:
    import subprocess

    from tests.helpers.paths import ROOT

    result = subprocess.run(
        ["git", "check-ignore", "-q", "library/.reader.json.lock"],
        cwd=ROOT,
        capture_output=True,
    )
    assert result.returncode == 0


async def test_two_articles_of_one_title_are_told_apart_in_the_palette(tmp_path: Path) -> None:
    library = tmp_path / "twins"
    library.mkdir()
    for name in ("first.txt", "second.txt"):
        (library / name).write_text("Same headline\n\nA body of text.\n", encoding="utf-8")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await fill(pilot, "same headline")
        listing = app.screen.query_one("CommandList")
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        opened = [p for p in prompts if p.startswith("Open: Same headline")]
        assert sorted(opened) == [
            "Open: Same headline (first.txt)",
            "Open: Same headline (second.txt)",
        ]
