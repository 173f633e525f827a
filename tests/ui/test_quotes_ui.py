"""Found quotations in the app: marks, n/N, one-key accept, undo, and who is quoted here."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from reader.quotes.finding import QuoteFinding
from reader.ui.app import ReaderApp
from reader.ui.dialogs.tag_dialog import TagDialog
from reader.ui.screens.speakers_screen import ReviewScreen, SpeakersScreen
from tests.helpers.paths import GOLD, ICE, gold_quotes
from tests.helpers.pilot import (
    SIZE,
    database,
    fill,
    main,
    notified,
    pane_entries,
    press,
    region_words,
    saved_annotations,
    settle,
    tag,
    type_text,
    view,
)
from tests.helpers.seeding import town_library

ICE_TEXT = (GOLD / ICE).read_text(encoding="utf-8")
# ICE is named by its full name, which the text gives first; "ICE" is how it is mentioned.
ICE_FULL = "U.S. Immigration and Customs Enforcement"


def _expected_speaker(gold_speaker: str) -> str:
    return ICE_FULL if gold_speaker == "ICE" else gold_speaker


async def test_quotes_are_found_after_the_article_shows_and_listed_with_speakers(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        gold = gold_quotes(ICE)
        speech = [f for f in main(app).findings if f.speech]
        assert [(f.span.start, f.span.end) for f in speech] == [
            (g["start"], g["end"]) for g in gold
        ]
        entries = pane_entries(app)
        assert len(entries) == len(gold)
        # "he" for the only person named just before: sure; "a representative": not
        assert entries[0].startswith("suggested Doug King")
        assert any(entry.startswith("suggested ? ") for entry in entries)
        assert "Embassy" not in " ".join(entries)  # the paraphrase is not offered


async def test_n_and_N_jump_between_quotations(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        gold = gold_quotes(ICE)
        await press(pilot, "n")
        assert view(app).cursor == gold[0]["start"]
        await press(pilot, "n", "n")
        assert view(app).cursor == gold[2]["start"]
        await press(pilot, "N")
        assert view(app).cursor == gold[1]["start"]


async def test_n_and_N_in_the_annotations_pane_move_the_article_between_quotations(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        gold = gold_quotes(ICE)
        notes = main(app).notes
        await press(pilot, "tab")  # to the annotations pane
        await press(pilot, "n", "n")
        assert view(app).cursor == gold[1]["start"]
        assert app.focused is notes  # the pane keeps the keys; its highlight follows
        assert notes.current_suggestion is not None
        assert notes.current_suggestion.span.start == gold[1]["start"]
        await press(pilot, "N")
        assert view(app).cursor == gold[0]["start"]


async def test_n_accept_through_every_quote_then_undo(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        gold = gold_quotes(ICE)
        await press(pilot, "U")  # accept saves uncertain speakers too
        assert "saves every suggested speaker" in notified(app)
        for _ in gold:
            await press(pilot, "n", "a")
        saved = saved_annotations(ice_library / "reader.json")
        assert [(a["start"], a["end"], a["source"]) for a in saved] == [
            (g["start"], g["end"], _expected_speaker(g["speaker"])) for g in gold
        ]
        assert pane_entries(app)[0].startswith("Doug King")  # no longer a suggestion
        sources = {
            s["name"]: s["description"]
            for s in database(ice_library / "reader.json")["sources"].values()
        }
        assert sources["Doug King"] == "Mount Royal University criminologist"  # offered
        await press(pilot, "u")
        assert len(saved_annotations(ice_library / "reader.json")) == len(gold) - 1
        assert "Undid accept" in notified(app)


async def test_accept_asks_about_an_uncertain_speaker_and_saves_a_confident_one(
    tmp_path: Path,
) -> None:
    library = town_library(tmp_path / "town")  # "he said" after two men: uncertain
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        findings = [f for f in main(app).findings if f.speech]
        uncertain = next(f for f in findings if f.uncertain)
        confident = next(f for f in findings if f.speaker and not f.uncertain)
        view(app).move_to(uncertain.span.start)
        await press(pilot, "a")
        assert isinstance(app.screen, TagDialog)  # nothing saved without a look
        assert saved_annotations(library / "reader.json") == []
        # and it says why it asks (it read as any tag dialog opened by t)
        assert "uncertain suggestion: check it (new source)" in region_words(app, app.screen)
        # The dialog holds the suggested speaker (no codebook name yet): enter keeps it.
        await press(pilot, "enter")
        assert not isinstance(app.screen, TagDialog)
        view(app).move_to(confident.span.start)
        await press(pilot, "a")
        assert not isinstance(app.screen, TagDialog)
        saved = saved_annotations(library / "reader.json")
        assert sorted((a["start"], a["source"]) for a in saved) == sorted(
            [
                (uncertain.span.start, uncertain.speaker),
                (confident.span.start, confident.speaker),
            ]
        )


async def test_t_on_an_uncertain_speaker_says_it_is_uncertain(tmp_path: Path) -> None:
    """`t` over a "?" suggestion said "new source", the "?" gone (a newcomer's finding):
    it says what accept's dialog says."""
    library = town_library(tmp_path / "town")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        uncertain = next(f for f in main(app).findings if f.speech and f.uncertain)
        view(app).move_to(uncertain.span.start)
        await press(pilot, "t")
        assert isinstance(app.screen, TagDialog)
        assert "uncertain suggestion: check it (new source)" in region_words(app, app.screen)
        await press(pilot, "escape")
        confident = next(f for f in main(app).findings if f.speaker and not f.uncertain)
        view(app).move_to(confident.span.start)
        await press(pilot, "t")
        assert "uncertain" not in region_words(app, app.screen)


async def test_accept_on_an_unknown_speaker_shows_the_mention_and_asks_before_saving_no_source(
    tmp_path: Path,
) -> None:
    library = tmp_path / "rail"
    library.mkdir()
    (library / "hearing.txt").write_text(
        "Rail executives face MPs\n\nRail executives appeared before the committee.\n\n"
        "“Flaws can develop quickly,” the executive said.\n",
        encoding="utf-8",
    )
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [unknown] = [f for f in main(app).findings if f.speech]
        assert unknown.speaker is None
        view(app).move_to(unknown.span.start)
        await press(pilot, "a")
        assert isinstance(app.screen, TagDialog)
        source = app.screen.query_one("#source", Input)
        assert source.value == ""
        assert source.placeholder == "speaker unknown: the executive — type who said it"
        await press(pilot, "enter")  # no source: asked once, nothing saved
        assert isinstance(app.screen, TagDialog)
        asked = region_words(app, app.screen)
        assert "enter again to save without" in asked
        # the keys line agrees (it still said "enter takes the name, on to themes")
        assert "enter saves with no source" in asked and "on to themes" not in asked
        assert saved_annotations(library / "reader.json") == []
        await press(pilot, "enter")  # the user means it
        assert not isinstance(app.screen, TagDialog)
        [saved] = saved_annotations(library / "reader.json")
        assert saved["source"] is None and saved["start"] == unknown.span.start


def flood_library(folder: Path) -> Path:
    """A library of one article whose quotation, in two parts, names no one: "one resident"."""
    folder.mkdir()
    (folder / "flood.txt").write_text(
        "Flood waters rise\n\nThe river rose overnight.\n\n"
        "“It has been hard,” one resident said. “We wait and we wait.”\n",
        encoding="utf-8",
    )
    return folder


async def name_the_first_part(pilot: Pilot[None], app: ReaderApp, name: str) -> QuoteFinding:
    """`a` on the quotation's first part, `name` typed and saved; its second part."""
    first, second = [f for f in main(app).findings if f.speech]
    assert first.speaker is None and second.speaker is None
    view(app).move_to(first.span.start)
    await press(pilot, "a")
    assert isinstance(app.screen, TagDialog)
    await type_text(pilot, name)
    await press(pilot, "ctrl+s")
    await settle(pilot)
    return second


async def test_naming_an_unknown_speaker_names_the_rest_of_the_quotation(tmp_path: Path) -> None:
    app = ReaderApp(library=flood_library(tmp_path / "flood"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        second = await name_the_first_part(pilot, app, "Ana Ruiz")
        rest = next(f for f in main(app).findings if f.span == second.span)
        assert rest.speaker == "Ana Ruiz" and rest.uncertain  # to check, not to accept unread
        assert "? Ana Ruiz" in region_words(app, main(app).query_one("#notes-pane"))


async def test_undoing_the_tag_that_named_an_unknown_speaker_takes_the_name_back(
    tmp_path: Path,
) -> None:
    # The name a tag gave "one resident" stayed on both parts of the quotation after `u`
    # took the tag back (and `a` would then save it unread once the check is turned off)
    library = flood_library(tmp_path / "flood")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        second = await name_the_first_part(pilot, app, "Ana Ruiz")
        assert [f.speaker for f in main(app).findings if f.speech] == ["Ana Ruiz", "Ana Ruiz"]
        await press(pilot, "u")
        await settle(pilot)
        assert saved_annotations(library / "reader.json") == []
        assert [f.speaker for f in main(app).findings if f.speech] == [None, None]
        assert "Ana Ruiz" not in region_words(app, main(app).query_one("#notes-pane"))
        await press(pilot, "ctrl+r")  # redone: the tag is back, and so is its source
        await settle(pilot)
        [saved] = saved_annotations(library / "reader.json")
        assert saved["source"] == "Ana Ruiz"
        rest = next(f for f in main(app).findings if f.span == second.span)
        assert rest.speaker == "Ana Ruiz" and rest.uncertain


async def test_a_speaker_kept_in_the_dialog_gets_the_description_as_accepting_gives(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        king = next(f for f in main(app).findings if f.speaker == "Doug King")
        assert king.description == "Mount Royal University criminologist"
        view(app).move_to(king.span.start)
        await press(pilot, "t")  # the dialog, the speaker filled in
        assert isinstance(app.screen, TagDialog)
        await press(pilot, "enter", "enter")  # the speaker kept, on to themes; none: saved
        sources = {
            s["name"]: s["description"]
            for s in database(ice_library / "reader.json")["sources"].values()
        }
        assert sources["Doug King"] == "Mount Royal University criminologist"


async def test_accepting_twice_says_it_is_tagged(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "U", "n", "a", "a")
        assert len(saved_annotations(ice_library / "reader.json")) == 1
        assert "already tagged" in notified(app)


async def test_f_goes_to_the_next_quotation_not_tagged_yet(ice_library: Path) -> None:
    """Back at the top of an article tagged in part, `n a` met "already tagged" (a
    newcomer's finding); `f` skips the tagged ones, and the notice says so."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        findings = [f for f in main(app).findings if f.speech]
        await press(pilot, "U", "n", "a", "n", "a")  # the first two tagged
        assert len(saved_annotations(ice_library / "reader.json")) == 2
        await press(pilot, "g", "n", "a")
        assert "f goes to the next untagged" in notified(app)
        await press(pilot, "g", "f")
        assert view(app).cursor == findings[2].span.start
        await press(pilot, "a")
        assert len(saved_annotations(ice_library / "reader.json")) == 3
        # With a filter that shows none of them, they are still tagged: f passes them, and
        # accept on one tags nothing twice (it did: the untagged were the filter's)
        await press(pilot, "F")
        await fill(pilot, "source:nobody")
        await press(pilot, "enter", "g", "f")
        assert view(app).cursor == findings[3].span.start
        await press(pilot, "g", "n", "a")
        assert len(saved_annotations(ice_library / "reader.json")) == 3


async def test_accept_may_add_the_last_themes(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        assert isinstance(app.screen, TagDialog)
        await press(pilot, "tab")
        await pilot.press(*"policing")
        await press(pilot, "ctrl+s")
        await press(pilot, "U", "T", "n", "a")
        saved = saved_annotations(ice_library / "reader.json")
        assert [a["themes"] for a in saved] == [["policing"], ["policing"]]
        # a theme put on by its number key counts as the last used too
        await press(pilot, "n", "t", "tab")
        await pilot.press(*"sovereignty")
        await press(pilot, "ctrl+s", "n", "1", "n", "a")
        saved = sorted(saved_annotations(ice_library / "reader.json"), key=lambda a: a["start"])
        assert [a["themes"] for a in saved][-2:] == [["policing"], ["policing"]]


async def test_accept_with_the_last_themes_skips_a_tag_that_had_none(ice_library: Path) -> None:
    # a tag with the themes; `a` with T off (no themes); then T on: `a` applied the last
    # tag's themes, none (a daily reader's finding), where the last themes used are meant
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t", "tab")
        await pilot.press(*"policing")
        await press(pilot, "ctrl+s")
        await press(pilot, "U", "n", "a")  # no themes
        await press(pilot, "T", "n", "a")
        saved = sorted(saved_annotations(ice_library / "reader.json"), key=lambda a: a["start"])
        assert [a["themes"] for a in saved] == [["policing"], [], ["policing"]]


async def test_tag_dialog_is_prefilled_with_the_suggested_speaker(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.query_one("#source").value == "Doug King"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        assert saved_annotations(ice_library / "reader.json")[0]["source"] == "Doug King"


async def test_who_is_quoted_here_and_tag_all_of_a_speaker_after_review(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "W")
        assert isinstance(app.screen, SpeakersScreen)
        shown = region_words(app, app.screen)
        assert "Doug King 4 quotes, 4 to tag" in shown
        assert "Heather McPherson 2 quotes, 2 to tag" in shown
        assert "Patrick Lennox 1 quote, 1 to tag" in shown
        await press(pilot, "a")  # Doug King is listed first: the most quoted
        assert isinstance(app.screen, ReviewScreen)
        assert "Tag 4 of 4 quotes as Doug King" in region_words(app, app.screen)
        await press(pilot, "j", "j", "space")  # leave the second one out
        assert "Tag 3 of 4 quotes as Doug King" in region_words(app, app.screen)
        await press(pilot, "enter")
        saved = saved_annotations(ice_library / "reader.json")
        assert [a["source"] for a in saved] == ["Doug King"] * 3
        await press(pilot, "u")  # one undo reverses them all
        assert saved_annotations(ice_library / "reader.json") == []


async def test_speaker_list_enter_jumps_to_their_first_untagged_quote(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "W")
        await press(pilot, "j", "j")
        await press(pilot, "enter")  # the third speaker listed
        assert not isinstance(app.screen, SpeakersScreen)
        finding = next(f for f in main(app).findings if f.speaker == "Heather McPherson")
        assert view(app).cursor == finding.span.start


async def test_an_article_with_many_quotations_lists_the_nearest_and_says_how_many_more(
    tmp_path: Path,
) -> None:
    """Listing every untagged quotation of a long article stalled the UI: the pane lists
    the nearest MAX_LISTED_SUGGESTIONS and says how many more n and N reach."""
    from reader.ui.screens.main_screen import MAX_LISTED_SUGGESTIONS

    count = MAX_LISTED_SUGGESTIONS + 12
    paragraphs = [
        f'"Point number {n} matters to the whole town," said Councillor Avery Lindqvist.'
        for n in range(count)
    ]
    library = tmp_path / "library"
    library.mkdir()
    (library / "council.txt").write_text(
        "Council debates the budget\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len([f for f in main(app).findings if f.speech]) == count
        entries = pane_entries(app)
        assert len([e for e in entries if e.startswith("suggested")]) == MAX_LISTED_SUGGESTIONS
        assert entries[-1] == "… and 12 more untagged quotations: n and N reach them"
        # The marks far down are drawn too (each line looks up the quotations that reach it).
        await press(pilot, "G")
        article = view(app)
        text = article.document.text  # type: ignore[union-attr]
        last = text.rindex(f"Point number {count - 1}")
        line = article.text_layout.line_of(last)  # type: ignore[union-attr]
        strip = article.render_line(line - round(article.scroll_y))
        base = article.rich_style.bgcolor
        marked = "".join(
            seg.text for seg in strip if seg.style and seg.style.bgcolor not in (None, base)
        )
        assert f"Point number {count - 1} matters" in marked


async def test_a_new_source_given_for_a_suggestion_renames_the_other_suggestions_of_it(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first, *others = [f for f in main(app).findings if f.speaker == ICE_FULL]
        assert others  # ICE is quoted more than once
        view(app).move_to(first.span.start)
        await press(pilot, "t")
        await tag(pilot, "ICE")  # the name the user codes it by
        await settle(pilot)
        renamed = {f.span.start: f.speaker for f in main(app).findings}
        assert [renamed[f.span.start] for f in others] == ["ICE"] * len(others)


async def test_a_source_renamed_in_the_codebook_renames_the_suggestions_of_it(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first, *others = [f for f in main(app).findings if f.speaker == ICE_FULL]
        view(app).move_to(first.span.start)
        await press(pilot, "t")
        await tag(pilot, ICE_FULL)  # the suggested name, as it stands
        await settle(pilot)
        await press(pilot, "C")
        table = app.screen.query_one(DataTable)
        row = next(i for i in range(table.row_count) if ICE_FULL in str(table.get_row_at(i)))
        table.move_cursor(row=row)
        await press(pilot, "r")
        app.screen.query_one("#prompt-input").value = "Immigration and Customs Enforcement (ICE)"
        await press(pilot, "enter")
        await settle(pilot)
        await press(pilot, "escape")
        await settle(pilot)
        renamed = {f.span.start: f.speaker for f in main(app).findings}
        assert [renamed[f.span.start] for f in others] == [
            "Immigration and Customs Enforcement (ICE)"
        ] * len(others)


async def test_a_sentence_holding_a_found_quotation_is_tagged_with_its_speaker(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "s", "t")  # the sentence of the first quotation
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.query_one("#source").value == "Doug King"  # type: ignore[attr-defined]


async def test_the_speaker_list_opens_on_the_first_with_quotes_still_to_tag(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "W", "a", "enter")  # every quote of the first speaker tagged
        assert [a["source"] for a in saved_annotations(ice_library / "reader.json")] == [
            "Doug King"
        ] * 4
        await press(pilot, "W")  # on the next speaker, not on Doug King again
        current = app.screen.query_one("#speakers-list", OptionList).highlighted_option
        assert current is not None and current.id != "Doug King"


async def test_repeat_over_a_quotation_of_another_speaker_says_so(ice_library: Path) -> None:
    """`.` over a quotation the finder is sure someone else said saved the last source and
    warned after (a newcomer: "a misquote one keystroke away"); it now tags nothing and
    says what to press. Over an uncertain one it tags as asked, and says so."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        king = next(f for f in main(app).findings if f.speaker == "Doug King")
        view(app).move_to(king.span.start)
        await press(pilot, "a")  # the last tag: Doug King
        other = next(
            f for f in main(app).findings if f.speaker == "Heather McPherson" and not f.uncertain
        )
        view(app).move_to(other.span.start)
        await press(pilot, ".")
        saved = saved_annotations(ice_library / "reader.json")
        assert [a["source"] for a in saved] == ["Doug King"]
        assert "Not tagged: this quotation is Heather McPherson's, not Doug King's" in notified(app)
        unsure = next(
            f for f in main(app).findings if f.uncertain and f.speaker and f.speaker != "Doug King"
        )
        view(app).move_to(unsure.span.start)
        before = len(app._notifications)
        await press(pilot, ".")
        saved = saved_annotations(ice_library / "reader.json")
        assert sorted(a["source"] for a in saved) == ["Doug King", "Doug King"]  # as asked
        assert f"the suggested speaker here is {unsure.speaker}" in notified(app)
        # one notice for the key, not two: a run of `.` covered the article with them
        assert len(app._notifications) == before + 1


async def test_repeating_a_tag_over_someone_the_text_describes_says_so(tmp_path: Path) -> None:
    # `.` on "“…,” said one parent" saved the last source without a word, where it warns
    # when the finder names someone else
    library = tmp_path / "school"
    library.mkdir()
    (library / "school.txt").write_text(
        "Free lunches for every school\n\nThe province expanded the program.\n\n"
        "“Every child deserves a healthy meal,” said Education Minister Robert Chen.\n\n"
        "“It is about time,” said one parent outside the school.\n",
        encoding="utf-8",
    )
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        first, parent = [f for f in main(app).findings if f.speech]
        assert parent.speaker is None and parent.mention == "one parent"
        view(app).move_to(first.span.start)
        await press(pilot, "t")
        await tag(pilot, "Robert Chen")
        view(app).move_to(parent.span.start)
        await press(pilot, "full_stop")
        assert "the text says “one parent” spoke here" in notified(app)
        assert [a["source"] for a in saved_annotations(library / "reader.json")] == [
            "Robert Chen",
            "Robert Chen",
        ]


async def _accept(pilot: Pilot[ReaderApp], finding: QuoteFinding) -> None:
    """`a` on a quotation: its suggested speaker taken (the dialog, opened on an uncertain
    one, saved as it stands)."""
    view(pilot.app).move_to(finding.span.start)
    await press(pilot, "a")
    if isinstance(pilot.app.screen, TagDialog):
        await press(pilot, "ctrl+s")


async def test_only_a_sources_first_quote_describes_it(ice_library: Path) -> None:
    """Accepting one quote of a source already quoted 160 times made its words ("a city
    official") his description in every draft, without a word (a power user's finding).
    A source quoted before keeps what it had; a first quote's description is said."""
    from tests.helpers.seeding import tag_quotes

    tag_quotes(ice_library, [(ICE, "Their authority in Canada", "Doug King", [])])
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        king = next(f for f in main(app).findings if f.speaker == "Doug King" and f.description)
        await _accept(pilot, king)
        sources = {
            s["name"]: s["description"]
            for s in database(ice_library / "reader.json")["sources"].values()
        }
        assert sources["Doug King"] == ""
        assert "described as" not in notified(app)
        first = next(f for f in main(app).findings if f.speaker != "Doug King" and f.description)
        await _accept(pilot, first)
        assert f"{first.speaker} described as" in notified(app)


async def test_undoing_the_first_tag_of_a_source_takes_its_description_too(
    ice_library: Path,
) -> None:
    # accepting Doug King's quote made him a source described as the article describes him;
    # `u` took the tag back and left him in the codebook, described, with no quote
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        king = next(f for f in main(app).findings if f.speaker == "Doug King" and f.description)
        await _accept(pilot, king)
        stored = database(ice_library / "reader.json")
        assert stored["sources"] and any(s["description"] for s in stored["sources"].values())
        await press(pilot, "u")
        stored = database(ice_library / "reader.json")
        assert stored["annotations"] == {}
        assert stored["sources"] == {}
