"""Keys on a quote another coder tagged too: they change the user's own annotation only,
never take over a teammate's, and a tag that repeats one of the user's own says so."""

from __future__ import annotations

from pathlib import Path

from reader.core.records import Annotation
from reader.storage.database import Store
from reader.ui.app import ReaderApp
from reader.ui.dialogs.prompt_dialog import ConfirmDialog
from reader.ui.screens.main_screen import Target
from tests.helpers.pilot import SIZE, main, notified, pane_entries, press, settle, tag, view
from tests.helpers.seeding import tag_quotes

ICE = "ice-canada-offices.txt"
ICE_STATEMENT = (ICE, "Our collaboration benefits", "ICE", ["cross-border cooperation"])


def annotations(library: Path) -> list[Annotation]:
    store = Store(library / "reader.json")
    try:
        return sorted(store.annotations(), key=lambda a: (a.coder, a.created))
    finally:
        store.close()


def number_of(app: ReaderApp, theme: str) -> str:
    return str({t: n for n, t in main(app).quick_themes.items()}[theme])


async def test_quick_keys_change_only_your_own_annotation_of_a_quote_tagged_twice(
    library: Path,
) -> None:
    tag_quotes(library, [ICE_STATEMENT], coder="bob")
    [bob] = annotations(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view(app).move_to(bob.start + 3)
        await press(pilot, "quotation_mark", "t")
        await tag(pilot, "ICE", "sovereignty")
        assert "bob tagged this passage with this source too" in notified(app)
        await press(pilot, number_of(app, "cross-border cooperation"))
        await press(pilot, number_of(app, "sovereignty"))  # off again
        alice, bob_after = annotations(library)
        assert bob_after == bob  # coder, themes and time as they were
        assert alice.coder == "alice"
        assert alice.themes == ("cross-border cooperation",)


async def test_a_quick_key_on_a_teammates_annotation_makes_your_own(library: Path) -> None:
    tag_quotes(library, [ICE_STATEMENT], coder="bob")
    [bob] = annotations(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view(app).move_to(bob.start + 3)
        await press(pilot, number_of(app, "cross-border cooperation"))
        alice, bob_after = annotations(library)
        assert bob_after == bob
        assert (alice.coder, alice.start, alice.end) == ("alice", bob.start, bob.end)
        assert alice.themes == ("cross-border cooperation",) and alice.kind == bob.kind
        assert "bob's annotation is left as it is" in notified(app)


async def test_tagging_your_own_span_and_source_again_offers_to_edit_it(library: Path) -> None:
    tag_quotes(library, [ICE_STATEMENT], coder="alice")
    [mine] = annotations(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view(app).move_to(mine.start + 3)
        await press(pilot, "quotation_mark", "t")
        await tag(pilot, "ICE", "sovereignty")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "enter")  # add the themes to the one there
        [after] = annotations(library)
        assert after.id == mine.id
        assert after.themes == ("cross-border cooperation", "sovereignty")
        await press(pilot, "quotation_mark", "t")
        await tag(pilot, "ICE", "accountability")
        await press(pilot, "n")  # save nothing
        assert [a.themes for a in annotations(library)] == [after.themes]
        assert "Nothing saved" in notified(app)


async def test_t_on_a_teammates_annotation_tags_it_as_ones_own_and_e_edits_theirs(
    library: Path,
) -> None:
    """`t` on bob's annotation opened it to edit, filled with his coding, and saving made
    it alice's: the next merge dropped his (a team's newcomer). `t` now tags the passage as
    alice's own, from a blank; `e` in the annotations pane opens his, and saving it edits
    alice's own annotation of the passage, his left as it was."""
    from reader.ui.dialogs.tag_dialog import TagDialog

    tag_quotes(library, [ICE_STATEMENT], coder="bob")
    [bob] = annotations(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        view(app).move_to(bob.start + 3)
        await press(pilot, "t")
        assert isinstance(app.screen, TagDialog)
        assert str(app.screen.query_one("#tag-box").border_title) == "Tag quotation"
        assert "bob's stays as it is" in notified(app)
        await tag(pilot, "Homeland Security", "oversight")
        assert [(a.coder, a.source) for a in annotations(library)] == [
            ("alice", "Homeland Security"),
            ("bob", "ICE"),
        ]
        await press(pilot, "tab")  # the annotations pane: bob's is listed first
        entries = pane_entries(app)
        bobs = next(i for i, entry in enumerate(entries) if entry.startswith("ICE by bob"))
        for _ in entries:  # up or down to it, as a person would
            if main(app).notes.highlighted == bobs:
                break
            await press(pilot, "j" if (main(app).notes.highlighted or 0) < bobs else "k")
        await press(pilot, "e")
        assert isinstance(app.screen, TagDialog)
        title = str(app.screen.query_one("#tag-box").border_title)
        assert title == "Edit bob's annotation as yours: bob's stays as it is"
        await press(pilot, "ctrl+s")
        await settle(pilot)
        # saved as it opened: no copy (it counted as alice agreeing with bob in `reader
        # agree`, though she coded nothing: an attack)
        assert "Nothing saved: bob's annotation is as it was" in notified(app)
        assert len(annotations(library)) == 2
        await press(pilot, "e")
        await tag(pilot, "ICE", "oversight")
        await settle(pilot)
        # saved as alice's own beside hers: bob's coding stays bob's (made alice's, it had
        # left bob's column in `reader agree`: a research team's first week)
        assert "bob's annotation is left as it is" in notified(app)
    assert [(a.coder, a.source) for a in annotations(library)] == [
        ("alice", "Homeland Security"),
        ("alice", "ICE"),
        ("bob", "ICE"),
    ]
    assert annotations(library)[2] == bob


async def test_a_teammates_orphaned_annotation_is_not_copied_onto_other_words(
    library: Path,
) -> None:
    # `e` then save on bob's orphaned annotation saved alice's at its old offsets, over
    # words it never marked ("Police chief"), and not orphaned (an attack)
    import msgspec

    tag_quotes(library, [ICE_STATEMENT], coder="bob")
    [bob] = annotations(library)
    store = Store(library / "reader.json")
    lost = "a sentence the new text no longer has"
    store.save_annotation(msgspec.structs.replace(bob, quote=lost, orphaned=True))
    store.close()
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        main(app).open_tag_dialog(Target(annotation=annotations(library)[0]))
        await settle(pilot)
        assert "bob's annotation has lost its passage" in notified(app)
        assert app.screen is main(app)  # (no dialog to save a copy from)
    assert [(a.coder, a.quote) for a in annotations(library)] == [("bob", lost)]


async def test_a_teammates_coding_saved_with_its_themes_reordered_is_no_copy(
    library: Path,
) -> None:
    # the themes typed again in another order (or the source in another case) made a copy
    # that `reader agree` counted as agreement on every code (an attack on the mend)
    from reader.ui.dialogs.tag_dialog import TagResult

    tag_quotes(library, [(*ICE_STATEMENT[:3], ["cross-border cooperation", "sovereignty"])], "bob")
    [bob] = annotations(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        again = TagResult("ice", ["sovereignty", "cross-border cooperation"], "", bob.kind)
        main(app)._tagged(Target(annotation=bob), main(app).document, again)
        await settle(pilot)
        assert "Nothing saved: bob's annotation is as it was" in notified(app)
    assert annotations(library) == [bob]


async def test_a_teammates_tags_leave_the_quotation_the_users_to_code_and_d_asks(
    library: Path,
) -> None:
    """In a merged library `f` passed over the quotations only bob had tagged and `a`
    refused them ("already tagged"): alice's independent coding left out what he had
    coded. And `d` deleted his annotation at once; the next merge deleted it in his
    library too (a team's findings)."""
    from reader.ui.dialogs.prompt_dialog import ConfirmDialog as Confirm

    tag_quotes(library, [ICE_STATEMENT], coder="bob")
    [bob] = annotations(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        view(app).move_to(bob.start - 40)
        await press(pilot, "f")  # the next quotation alice has not tagged: bob's
        assert bob.start <= view(app).cursor < bob.end
        await press(pilot, "a")
        coders = sorted(a.coder for a in annotations(library))
        assert coders == ["alice", "bob"]
        assert [a for a in annotations(library) if a.coder == "bob"] == [bob]
        view(app).move_to(bob.start + 3)
        mine = next(a for a in annotations(library) if a.coder == "alice")
        await press(pilot, "u")  # alice's tag undone: bob's under the cursor alone
        assert annotations(library) == [bob]
        await press(pilot, "d")
        assert isinstance(app.screen, Confirm)
        await press(pilot, "n")
        assert annotations(library) == [bob]
        await press(pilot, "d", "y")
        assert annotations(library) == []
        assert mine.coder == "alice"
