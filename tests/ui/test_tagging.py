"""Tagging passages by keyboard: the dialog, suggestions, quick themes, repeat, edit, undo."""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from reader.ui.app import ReaderApp
from reader.ui.dialogs.tag_dialog import TagDialog
from tests.helpers.paths import GOLD, ICE
from tests.helpers.pilot import (
    SIZE,
    database,
    main,
    pane_entries,
    press,
    region_words,
    saved_annotations,
    screen_words,
    settle,
    tag,
    toast_words,
    toasts_show,
    type_text,
    view,
)
from tests.helpers.seeding import tag_quotes

ICE_TEXT = (GOLD / ICE).read_text(encoding="utf-8")
KING = "Their work and what they are charged with doing, and their authority, is much, much different than what is happening in Minneapolis and that,"


async def test_tag_a_quote_with_source_themes_and_note(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", '"', "t")
        assert isinstance(app.screen, TagDialog)
        assert "Their work and what they are charged" in screen_words(app)
        await tag(
            pilot,
            "Doug King",
            "public safety, cross-border cooperation",
            "criminologist",
            typed=True,
        )
        assert not isinstance(app.screen, TagDialog)
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["quote"] == KING
        assert ICE_TEXT[saved["start"] : saved["end"]] == KING
        assert saved["source"] == "Doug King"
        assert saved["themes"] == ["public safety", "cross-border cooperation"]
        assert saved["note"] == "criminologist"
        notes = region_words(app, main(app).query_one("#notes-pane"))
        assert "Annotations (1)" in notes and "Doug King" in notes and "public safety" in notes
        assert "1 annotation" in region_words(app, main(app).library_list)
        assert view(app).selection is None


async def test_t_on_a_quotation_tags_it_without_selecting_first(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        assert [a["quote"] for a in saved_annotations(ice_library / "reader.json")] == [KING]


async def test_escape_cancels_the_dialog_and_keeps_the_selection(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", '"', "t")
        await type_text(pilot, "Someone")
        await press(pilot, "escape")
        assert not isinstance(app.screen, TagDialog)
        assert saved_annotations(ice_library / "reader.json") == []
        assert view(app).selection is not None


async def test_suggestions_find_known_sources_with_typos(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Heather McPherson", "sovereignty")
        await press(pilot, "n", "t")
        await type_text(pilot, "mcphersn")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert "Heather McPherson" in region_words(app, dialog.query_one("#source-suggestions"))
        await press(pilot, "tab")  # the highlighted suggestion is what tab takes
        assert dialog.query_one("#source").value == "Heather McPherson"
        await type_text(pilot, "sov")
        assert "sovereignty" in region_words(app, dialog.query_one("#themes-suggestions"))
        await press(pilot, "enter", "enter")  # take the theme, then save
        saved = saved_annotations(ice_library / "reader.json")
        assert [a["source"] for a in saved] == ["Heather McPherson", "Heather McPherson"]
        assert saved[1]["themes"] == ["sovereignty"]


async def test_a_new_name_is_welcome_and_case_follows_the_codebook(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "Public Safety")
        await press(pilot, "n", "t")
        await tag(pilot, "doug  king", "public safety")
        saved = saved_annotations(ice_library / "reader.json")
        assert {a["source"] for a in saved} == {"Doug King"}
        assert {tuple(a["themes"]) for a in saved} == {("Public Safety",)}


async def test_number_keys_apply_the_most_used_themes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "sovereignty, public safety")
        quick = region_words(app, main(app).query_one("#quick-themes"))
        assert "1 sovereignty 2 public safety" in quick  # numbered as they came
        await press(pilot, "n", "1")
        saved = saved_annotations(ice_library / "reader.json")
        assert [a["themes"] for a in saved] == [["sovereignty", "public safety"], ["sovereignty"]]
        assert saved[1]["source"] is None
        assert "1 sovereignty 2 public safety" in region_words(
            app, main(app).query_one("#quick-themes")
        )
        await press(pilot, "2")  # on an annotation: adds the theme
        assert saved_annotations(ice_library / "reader.json")[1]["themes"] == [
            "sovereignty",
            "public safety",
        ]
        await press(pilot, "2")  # and takes it off again
        assert saved_annotations(ice_library / "reader.json")[1]["themes"] == ["sovereignty"]


async def test_full_stop_repeats_the_last_source_and_themes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "n", "t")
        await tag(pilot, "ICE", "cooperation")
        await press(pilot, "n", "full_stop", "n", "full_stop")
        saved = saved_annotations(ice_library / "reader.json")
        assert [(a["source"], a["themes"]) for a in saved] == [("ICE", ["cooperation"])] * 3
        assert [a["quote"][:10] for a in saved] == ["has a long", "These skil", "They also "]


async def test_full_stop_never_repeats_an_undone_tag_nor_replaces_a_source(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "policing")
        await press(pilot, "n", "t")
        await tag(pilot, "Renata Wierzbicka")
        await press(pilot, "u")  # Renata's tag undone: `.` must not bring her back
        await press(pilot, "full_stop")  # on the untagged second quote
        saved = saved_annotations(ice_library / "reader.json")
        assert [(a["source"], a["themes"]) for a in saved] == [("Doug King", ["policing"])] * 2
        assert toasts_show(app, "Repeated the last tag: Doug King · policing")
        await press(pilot, "n", "t")
        await tag(pilot, "ICE", "cooperation")
        await press(pilot, "N", "full_stop")  # on Doug King's tag: themes added, source kept
        saved = saved_annotations(ice_library / "reader.json")
        assert ("Doug King", ["policing", "cooperation"]) in [
            (a["source"], a["themes"]) for a in saved
        ]
        assert toasts_show(app, "Kept Doug King as the source")


async def test_a_quick_theme_first_then_accept_gives_the_quote_its_speaker(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "sovereignty")  # now on quick key 1
        await press(pilot, "n")
        suggested = view(app).suggestion_at(view(app).cursor)
        assert suggested is not None and suggested.speaker
        await press(pilot, "1")  # a theme first: the toast says the source is still to give
        assert toasts_show(app, f"no source yet · a gives it {suggested.speaker}")
        await press(pilot, "a")  # then the speaker
        if isinstance(app.screen, TagDialog):  # an uncertain speaker: shown, to check
            assert app.screen.query_one("#source").value == suggested.speaker
            await press(pilot, "ctrl+s")
        saved = saved_annotations(ice_library / "reader.json")
        assert (suggested.speaker, ["sovereignty"]) in [(a["source"], a["themes"]) for a in saved]
        assert len(saved) == 2
        await press(pilot, "n", "1", "n")  # (the key's theme is the last tag, no source)
        following = view(app).suggestion_at(view(app).cursor)
        assert following is not None and following.speaker
        await press(pilot, "full_stop")  # `.` said nothing of the speaker it left out
        assert toasts_show(
            app,
            f"Repeated the last tag: sovereignty, no source yet · a gives it {following.speaker}",
        )


async def test_a_quick_theme_after_accept_keeps_the_source_in_the_last_tag(
    ice_library: Path,
) -> None:
    # `a` then `4` then `.` on the next quotation tagged it with the theme and no source:
    # the key had made the last tag its theme alone (a newcomer's finding)
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "sovereignty")  # now on quick key 1
        await press(pilot, "n")
        suggested = view(app).suggestion_at(view(app).cursor)
        assert suggested is not None and suggested.speaker
        await press(pilot, "a")
        if isinstance(app.screen, TagDialog):  # an uncertain speaker: shown, to check
            await press(pilot, "ctrl+s")
        await press(pilot, "1")
        assert toasts_show(app, "Added “sovereignty”")
        assert app.store.last_tag() == (suggested.speaker, ("sovereignty",))


async def test_the_dialog_offers_the_article_s_speakers_not_yet_in_the_codebook(
    ice_library: Path,
) -> None:
    # "Heat" typed for the Heather McPherson the finder read in this article made a second
    # source, "Heat": her name is offered, marked, and enter takes it; an acronym or a typo
    # of such a name is still the user's own name (the codebook's names answer to both)
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        await press(pilot, "ctrl+u")  # an empty Source lists the article's speakers first
        listed = region_words(app, dialog.query_one("#source-suggestions"))
        assert "Patrick Lennox" in listed and "Heather McPherson" in listed
        await type_text(pilot, "Heat")
        assert "named in this article" in region_words(app, dialog.query_one("#source-mark"))
        await press(pilot, "enter", "enter")
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["source"] == "Heather McPherson"
        await press(pilot, "l", "t", "ctrl+u")
        await type_text(pilot, "Patrik Lenox")  # a typo's distance: a name of its own
        await press(pilot, "enter", "enter")
        assert saved_annotations(ice_library / "reader.json")[0]["source"] == "Patrik Lenox"


async def test_a_codebook_source_left_with_no_use_is_offered_when_the_article_quotes_it(
    ice_library: Path,
) -> None:
    # its one annotation deleted, Patrick Lennox stayed in the codebook but was offered
    # nowhere: "Pat" became a new source (or another speaker of the article); and a theme
    # spelt like one of the article's speakers was ranked first among the themes
    from reader.core.records import new_annotation
    from reader.storage.database import Store

    tag_quotes(ice_library, [(ICE, "It’s a force", "Patrick Lennox", ["Doug King"])])
    store = Store(ice_library / "reader.json")
    [lennox] = store.annotations()
    store.delete_annotation(lennox.id)
    record = store.articles()[0]
    for number in range(3):
        start = ICE_TEXT.index("Doug King") + number
        store.save_annotation(
            new_annotation(record.id, ICE_TEXT, start, start + 5, themes=["Downtown"])
        )
    store.save_annotation(new_annotation(record.id, ICE_TEXT, 0, 10, themes=["Doug King"]))
    store.close()
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t", "ctrl+u")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        await type_text(pilot, "Pat")
        assert "existing source: Patrick Lennox" in region_words(
            app, dialog.query_one("#source-mark")
        )
        await press(pilot, "enter")  # on to the themes: most used first, as the codebook has it
        assert dialog.query_one("#themes").placeholder.startswith(
            "add a theme (most used: Downtown, Doug King"
        )


async def test_a_source_typed_without_its_accents_is_the_codebooks(ice_library: Path) -> None:
    # "amelie" typed on a keyboard without accents highlighted "+ new source: amelie", and
    # Enter made a second source beside Amélie Côté (a newcomer's finding)
    tag_quotes(ice_library, [(ICE, "It’s a force", "Amélie Côté", [])])
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "n", "t", "ctrl+u")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        await type_text(pilot, "amelie")
        assert "existing source: Amélie Côté" in region_words(app, dialog.query_one("#source-mark"))
        await press(pilot, "enter", "enter")
    sources = sorted(a["source"] for a in saved_annotations(ice_library / "reader.json"))
    assert sources == ["Amélie Côté", "Amélie Côté"]


async def test_an_undo_that_reaches_another_article_says_where(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        first = main(app).document
        assert first is not None
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        other = next(r for r in app.store.articles() if r.id != first.record.id)
        main(app).open_article(other.id)
        await settle(pilot)
        await press(pilot, "u")
        assert toasts_show(app, f"Undid tag in “{first.record.title[:20]}")
        assert saved_annotations(library / "reader.json") == []


async def test_edit_an_annotation_from_the_article_and_from_the_pane(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Dog King", "safety")
        await press(pilot, "l", "t")  # the cursor is inside the annotation: edit it
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.query_one("#source").value == "Dog King"
        await press(pilot, "ctrl+u")
        await type_text(pilot, "Doug King")
        # "Dog King" is one letter away: it is what enter would take; the new name is below.
        await press(pilot, "down", "enter", "enter")
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["source"] == "Doug King" and saved["themes"] == ["safety"]
        await press(pilot, "tab", "e")  # in the annotations pane
        await press(pilot, "tab", "tab")
        await type_text(pilot, "a note")
        await press(pilot, "ctrl+s")
        [saved] = saved_annotations(ice_library / "reader.json")
        assert saved["note"] == "a note" and saved["updated"] >= saved["created"]
        assert "✎ a note" in region_words(app, main(app).notes)


async def test_delete_then_undo_then_redo(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", "public safety")
        [original] = saved_annotations(ice_library / "reader.json")
        await press(pilot, "d")
        assert saved_annotations(ice_library / "reader.json") == []
        assert "u to undo" in toast_words(app)
        assert "Annotations (0)" in screen_words(app)
        await press(pilot, "u")
        assert saved_annotations(ice_library / "reader.json") == [original]
        assert "Annotations (1)" in screen_words(app)
        await press(pilot, "ctrl+r")
        assert saved_annotations(ice_library / "reader.json") == []
        await press(pilot, "u", "u")  # undo the delete, then the tag itself
        assert saved_annotations(ice_library / "reader.json") == []
        await press(pilot, "u")
        assert "Nothing to undo" in toast_words(app)


async def test_delete_from_the_annotations_pane(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        await press(pilot, "tab", "a", "d", "s")  # letters typed in the pane change nothing
        assert len(saved_annotations(ice_library / "reader.json")) == 1
        await press(pilot, "delete")  # the delete key does, and says u undoes it
        assert saved_annotations(ice_library / "reader.json") == []


async def test_choosing_an_annotation_in_the_pane_moves_the_article_to_it(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, *["n"] * 9, "t")
        await tag(pilot, "Heather McPherson")
        await press(pilot, "g")
        assert view(app).scroll_y == 0
        await press(pilot, "tab")
        entries = pane_entries(app)
        heather = next(i for i, e in enumerate(entries) if e.startswith("Heather McPherson"))
        await press(pilot, *["j"] * heather, "enter")
        assert app.focused is view(app)
        assert view(app).cursor == ICE_TEXT.index("ICE and Border Patrol have committed")
        assert view(app).scroll_y > 0
        assert "ICE and Border Patrol" in region_words(app, view(app))


async def test_tagging_keys_with_nothing_to_tag_say_what_to_do(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        assert "Select a passage first" in toast_words(app)
        await press(pilot, "d")
        assert "No annotation under the cursor" in toast_words(app)
        assert not isinstance(app.screen, TagDialog)


async def test_an_empty_source_offers_the_speakers_of_the_article_first(library: Path) -> None:
    """With the Source field empty, the dialog offered the library's most quoted names,
    none of them in the open article (a researcher's finding at 846 sources)."""
    from textual.widgets import Input

    from reader.ui.dialogs.tag_dialog import SuggestionList
    from tests.helpers.paths import WARHOL
    from tests.helpers.seeding import seed, tag_quotes

    seed(library)  # three sources quoted in the ICE article, one in Warhol's
    tag_quotes(library, [(ICE, "Our collaboration benefits", "Doug King", ["x"])])
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store = app.store
        warhol = next(r for r in store.articles() if r.path == WARHOL)
        main(app).open_article(warhol.id)
        await settle(pilot)
        await press(pilot, "g", "s", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        dialog.query_one("#source", Input).value = ""
        await settle(pilot)
        listing = dialog.query_one("#source-suggestions", SuggestionList)
        first = listing.get_option_at_index(0).id
        assert first == "Elaine Gustafon"


async def test_a_new_theme_that_gets_no_quick_key_says_so(ice_library: Path) -> None:
    """The tenth theme got no number key without a word (a journalist's finding)."""
    from tests.helpers.seeding import tag_quotes

    nine = [f"theme {n}" for n in range(1, 10)]
    tag_quotes(ice_library, [("ice-canada-offices.txt", "Their authority", "Doug King", nine)])
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Someone", "the tenth theme")
        assert "“the tenth theme” has no quick key: 1-9 are taken" in toast_words(app)


NINE_THEMES = (
    "transit fares, affordability, cross-border cooperation, public safety, climate "
    "adaptation, insurance costs, housing supply, public backstop, building codes"
)


async def test_the_legend_shows_all_nine_quick_keys_however_long_their_themes(
    ice_library: Path,
) -> None:
    # with nine themes on keys the legend stopped at "8 public backstop": a user took 9 for a
    # free key and tagged three quotations with the theme it held
    for size in (SIZE, (80, 24)):
        app = ReaderApp(library=ice_library)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            if not main(app).query_one("#quick-themes").region:
                await press(pilot, "tab")  # (a narrow screen shows one side pane at a time)
            if size == SIZE:
                await press(pilot, "n", "t")
                await tag(pilot, "Doug King", NINE_THEMES)
            quick = region_words(app, main(app).query_one("#quick-themes"))
            for number, theme in enumerate(NINE_THEMES.split(", "), start=1):
                assert re.search(rf"(^| ){number} {re.escape(theme[:4])}", quick), (size, quick)


async def _in_themes_of_a_second_tag(pilot: Pilot[ReaderApp], themes: str) -> None:
    """Doug King's quotation tagged with `themes` (their quick keys taken in turn), then the
    next quotation's dialog open, "Someone" as its source, the cursor in Themes."""
    await settle(pilot)
    await press(pilot, "n", "t")
    await tag(pilot, "Doug King", themes)
    await press(pilot, "n", "n", '"', "t")
    await type_text(pilot, "Someone")
    await press(pilot, "tab")


async def test_a_number_typed_in_themes_is_the_theme_on_that_key(ice_library: Path) -> None:
    # "1" typed in Themes, beside a legend reading "1 sovereignty", made a theme named "1"
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await _in_themes_of_a_second_tag(pilot, "sovereignty, public safety")
        await type_text(pilot, "2")
        assert "public safety" in screen_words(app) and "+ new theme: 2" not in screen_words(app)
        await press(pilot, "enter")
        await type_text(pilot, "1")
        await press(pilot, "enter", "ctrl+s")
        saved = saved_annotations(ice_library / "reader.json")
        assert saved[-1]["themes"] == ["public safety", "sovereignty"]
        assert "1" not in {
            t["name"] for t in database(ice_library / "reader.json")["themes"].values()
        }


async def test_a_comma_read_late_takes_the_theme_from_what_the_field_holds_now(
    ice_library: Path,
) -> None:
    # keys typed at once (tmux, a slow link): the field's Changed message for "ab," was read
    # after "c" was typed; it set the field to what followed the comma then (nothing) and
    # left the cursor before the rest, so nine themes typed at once became "houation", …
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", '"', "t")
        await type_text(pilot, "Someone")
        await press(pilot, "tab")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        field = dialog.query_one("#themes", Input)
        with dialog.prevent(Input.Changed):
            field.value = "ab,c"
        field.cursor_position = 4
        field.post_message(Input.Changed(field, "ab,"))  # (the message of three keys back)
        await settle(pilot)
        await type_text(pilot, "d")
        assert dialog.themes == ["ab"]
        assert field.value == "cd"


async def test_the_legend_shows_every_key_of_a_few_themes_longer_than_its_width(
    ice_library: Path,
) -> None:
    # six themes whose names were longer than the pane wrapped, and keys 4-6 never showed
    long = ", ".join(f"theme {n} about the long running dispute over the harbour" for n in range(6))
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King", long)
        quick = region_words(app, main(app).query_one("#quick-themes"))
        for number in range(1, 7):
            assert re.search(rf"(^| ){number} theme", quick), quick


async def test_a_number_never_makes_a_theme_of_its_own(ice_library: Path) -> None:
    # "1" typed again once its theme was chosen, or "7" whose key no theme has, made themes
    # named "1" and "7" (an attack on this stop's mend)
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await _in_themes_of_a_second_tag(pilot, "sovereignty")
        await type_text(pilot, "1")
        await press(pilot, "enter")
        await type_text(pilot, "1")
        assert "+ new theme" not in screen_words(app)
        await press(pilot, "enter")
        await type_text(pilot, "7")
        await press(pilot, "ctrl+s")
        saved = saved_annotations(ice_library / "reader.json")
        assert saved[-1]["themes"] == ["sovereignty"]
        names = {t["name"] for t in database(ice_library / "reader.json")["themes"].values()}
        assert names == {"sovereignty"}
