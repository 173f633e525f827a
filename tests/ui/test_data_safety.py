"""The app with other writers, edited articles, orphans and a full disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.records import new_annotation
from reader.library.folder import Library
from reader.storage.database import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.orphans_screen import OrphansScreen
from tests.helpers.paths import GOLD, ICE
from tests.helpers.pilot import (
    SIZE,
    database,
    main,
    notified,
    pane_entries,
    press,
    region_words,
    saved_annotations,
    settle,
    tag,
    toast_words,
    view,
    wait_until,
)

ICE_TEXT = (GOLD / ICE).read_text(encoding="utf-8")
KING = "Their authority in Canada is exclusively to assist Canadian authorities in investigating transnational crime."


async def look_outside(pilot) -> None:  # type: ignore[no-untyped-def]
    """What the app does every two seconds, now: after any look begun before the test's
    change (begun by the clock, it may have scanned before the change, and the look asked
    for was then skipped as one already under way: a fresh clone's run failed so), and
    until the look asked for is done (it runs on the save thread, which `settle` does not
    wait for: under load the test read the toasts before the look had posted its report)."""
    await wait_until(pilot, lambda: not pilot.app._polling, what="the app's look outside")
    pilot.app._poll()
    await wait_until(pilot, lambda: not pilot.app._polling, what="the look asked for")
    await settle(pilot)


async def test_another_readers_annotation_appears(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        other = Store(ice_library / "reader.json")
        start = ICE_TEXT.index(KING)
        other.save_annotation(
            new_annotation(
                other.articles()[0].id, ICE_TEXT, start, start + len(KING), source="Someone Else"
            )
        )
        await look_outside(pilot)
        assert any(entry.startswith("Someone Else") for entry in pane_entries(app))
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        assert {a["source"] for a in saved_annotations(ice_library / "reader.json")} == {
            "Someone Else",
            "Doug King",
        }


async def test_the_open_articles_file_deleted_is_said_and_its_annotations_kept(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        (ice_library / ICE).unlink()
        await look_outside(pilot)
        assert "is gone from the library folder: put it back" in toast_words(app)
        assert [a["source"] for a in saved_annotations(ice_library / "reader.json")] == [
            "Doug King"
        ]


async def test_a_web_page_saved_into_the_library_folder_is_said_to_need_adding(
    ice_library: Path,
) -> None:
    (ice_library / "saved-story.html").write_text("<html><body><p>Hi</p></body></html>")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "saved-story.html in the library folder: a web page is read once added" in (
            toast_words(app)
        )


async def test_a_web_page_added_already_is_not_said_again(ice_library: Path) -> None:
    """An added page stays in the folder, and the app said at every start that it needed
    adding (a newcomer's finding): a page whose title holds an article's is added."""
    page = (
        "<html><head><title>ICE actions in U.S. prompt questions about role in Canada with "
        "officers stationed at 5 embassies, consulates | CBC News</title></head>"
        "<body><p>Hi</p></body></html>"
    )
    (ice_library / "ice.html").write_text(page, encoding="utf-8")
    (ice_library / "other.html").write_text(
        "<html><head><title>Another story entirely, not added</title></head></html>"
    )
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        said = toast_words(app)
        assert "other.html in the library folder: a web page is read once added" in said
        assert "ice.html" not in said and "2 web pages" not in said


def _tag_king(library: Path) -> None:
    """Doug King's quote of the ICE article tagged, before the app opens."""
    store = Store(library / "reader.json")
    Library(library, store).scan()
    start = ICE_TEXT.index(KING)
    store.save_annotation(
        new_annotation(
            store.articles()[0].id, ICE_TEXT, start, start + len(KING), source="Doug King"
        )
    )
    store.close()


async def test_a_quotation_whose_words_changed_on_disk_is_said(ice_library: Path) -> None:
    text = ICE_TEXT
    _tag_king(ice_library)
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        edited = text.replace("exclusively to assist", "only to assist")
        (ice_library / ICE).write_text(edited, encoding="utf-8")
        await look_outside(pilot)
        assert "1 quotation now reads differently: check them" in toast_words(app)


async def test_an_article_changed_under_its_size_and_time_is_said_when_opened(
    ice_library: Path,
) -> None:
    """A corrected copy put in with `cp -p` (same size, same time): the article showed the
    new words, its annotations the old ones, with no word (a tester's finding)."""
    import os

    text = ICE_TEXT
    _tag_king(ice_library)
    path = ice_library / ICE
    before = path.stat()
    path.write_text(text.replace("exclusively to", "excessively to"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "1 quotation now reads differently: check them" in toast_words(app)
    [saved] = saved_annotations(ice_library / "reader.json")
    assert "excessively to" in saved["quote"]


async def test_a_tag_saved_after_the_article_changed_lands_on_its_words(
    ice_library: Path,
) -> None:
    """The tag dialog open, another Reader's `reader add --update` rewrote the article: the
    tag was saved at the old offsets, over other words, and the W3C export carried them (a
    tester's finding). It is placed on its words as the file reads now, and says so."""
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        chosen = app.screen.request.quote  # type: ignore[attr-defined]
        path = ice_library / ICE
        path.write_text(
            ICE_TEXT.replace("\n\n", "\n\nA correction was added here.\n\n", 1),
            encoding="utf-8",
        )
        other = Store(ice_library / "reader.json")
        Library(ice_library, other).scan()  # (as `reader add --update` records the new text)
        other.close()
        app.store.refresh()
        await tag(pilot, "Doug King")
        assert "the tag was placed on its words as the article reads now" in notified(app)
    [saved] = saved_annotations(ice_library / "reader.json")
    text = path.read_text(encoding="utf-8")
    assert text[saved["start"] : saved["end"]] == saved["quote"]
    assert saved["quote"] == chosen


async def test_undo_and_redo_after_the_article_changed_on_disk_keep_its_current_words(
    ice_library: Path,
) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        edited = "Editor's note: updated.\n\n" + ICE_TEXT.replace(
            "exclusively to assist", "only to assist"
        )
        (ice_library / ICE).write_text(edited, encoding="utf-8")
        await look_outside(pilot)
        await press(pilot, "u")  # the tag undone
        await settle(pilot)
        assert saved_annotations(ice_library / "reader.json") == []
        await press(pilot, "ctrl+r")  # and made again: in the text as it is now
        await settle(pilot)
        [again] = saved_annotations(ice_library / "reader.json")
        assert edited[again["start"] : again["end"]] == again["quote"]


async def test_an_article_edited_on_disk_reloads_with_its_annotations(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, *["n"] * 6, "t")
        await tag(pilot, "Doug King")
        await press(pilot, "n", "t")
        await tag(pilot, "ICE")
        edited_text = "Editor's note: this story was updated.\n\n" + ICE_TEXT.replace(KING, "")
        (ice_library / ICE).write_text(edited_text, encoding="utf-8")
        await look_outside(pilot)
        assert view(app).document is not None and view(app).document.text == edited_text
        assert "Editor's note" in region_words(app, view(app)) or view(app).scroll_y > 0
        shown = " ".join(pane_entries(app))
        assert "not found in the current text" in shown
        assert "could not be found in the changed text" in toast_words(app)
        ice = next(
            a for a in saved_annotations(ice_library / "reader.json") if a["source"] == "ICE"
        )
        assert edited_text[ice["start"] : ice["end"]] == ice["quote"]
        king = next(
            a for a in saved_annotations(ice_library / "reader.json") if a["source"] == "Doug King"
        )
        assert king["orphaned"] and king["quote"] == KING


async def test_orphans_are_listed_and_can_be_deleted_and_undone(ice_library: Path) -> None:
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, *["n"] * 6, "t")
        await tag(pilot, "Doug King", "public safety")
        (ice_library / ICE).write_text(ICE_TEXT.replace(KING, ""), encoding="utf-8")
        await look_outside(pilot)
        await press(pilot, "O")
        screen = app.screen
        assert isinstance(screen, OrphansScreen)
        listed = region_words(app, screen.query_one("#orphans-list"))
        assert "Doug King" in listed and "Their authority in Canada" in listed
        await press(pilot, "d")
        assert saved_annotations(ice_library / "reader.json") == []
        await press(pilot, "escape", "u")
        [back] = saved_annotations(ice_library / "reader.json")
        assert back["orphaned"] and back["source"] == "Doug King"


async def test_a_teammates_orphan_is_deleted_only_when_the_user_says_so(
    ice_library: Path,
) -> None:
    # `d` on bob's orphan deleted it unasked, and the next merge deleted it in his library
    # (an attack's finding: an orphan is most often a teammate's, after a merge)
    from reader.ui.dialogs.prompt_dialog import ConfirmDialog
    from tests.helpers.seeding import tag_quotes

    tag_quotes(ice_library, [(ICE, "Their authority in Canada", "Doug King", [])], coder="bob")
    (ice_library / ICE).write_text(ICE_TEXT.replace(KING, ""), encoding="utf-8")
    app = ReaderApp(library=ice_library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "O")
        assert isinstance(app.screen, OrphansScreen)
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert len(saved_annotations(ice_library / "reader.json")) == 1
        await press(pilot, "d", "y")
        assert saved_annotations(ice_library / "reader.json") == []


async def test_a_full_disk_is_reported_and_nothing_is_lost(
    ice_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.storage.journal

    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        before = database(ice_library / "reader.json")

        def full(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(reader.storage.journal, "_sync", full)
        await press(pilot, "n", '"', "t")
        await tag(pilot, "Heather McPherson")
        assert "No space left on device" in toast_words(app)
        assert "file on disk is unchanged" in toast_words(app)
        assert database(ice_library / "reader.json") == before
        assert view(app).selection is not None  # the selection waits for another try
        monkeypatch.undo()
        await press(pilot, "t")
        await tag(pilot, "Heather McPherson")
        assert [a["source"] for a in saved_annotations(ice_library / "reader.json")] == [
            "Doug King",
            "Heather McPherson",
        ]


async def test_damaged_annotations_read_after_the_first_frame_end_the_session_in_one_line(
    ice_library: Path,
) -> None:
    db = ice_library / "reader.json"
    store = Store(db)
    Library(ice_library, store).scan()  # a database with the library's articles
    store.close()
    data = json.loads(db.read_text())
    data["annotations"] = {"1": {"id": "x", "start": "the beginning"}}
    db.write_text(json.dumps(data))
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert app.return_code == 1
    assert app.load_error is not None and "not a Reader database" in str(app.load_error)
    assert "\n" not in str(app.load_error) and "reader restore" in str(app.load_error)
    assert json.loads(db.read_text()) == data  # never overwritten


async def test_a_term_signal_quits_as_q_does_with_the_terminal_given_back(
    ice_library: Path,
) -> None:
    """`kill` (SIGTERM) ends the app the way `q` does: its tag saved, the exit status 143
    (killed outright, it left the terminal in its own screen with the mouse reported)."""
    import os
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals are handled on the main thread only")
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")
        os.kill(os.getpid(), signal.SIGTERM)  # (the app's handler: the test goes on)
        await pilot.pause()
    assert app.return_code == 143
    assert [a["source"] for a in saved_annotations(ice_library / "reader.json")] == ["Doug King"]
    assert not (ice_library / ".reader.json.journal").exists()  # folded, as at `q`


async def test_backups_that_cannot_be_taken_are_said_at_once(
    ice_library: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (ice_library / ".reader-backups").symlink_to(elsewhere)  # (a synced folder can carry one)
    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = notified(app)
        assert ".reader-backups is a link" in said and "replace the link with a folder" in said
    assert list(elsewhere.iterdir()) == []


async def test_a_fold_that_fails_at_quit_is_said(
    ice_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk at quit: the fold failed and the app exited 0 without a word, reader.json
    behind its journal (a tester's finding). The note says where the changes are."""
    from reader.storage.database import StoreError

    app = ReaderApp(library=ice_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "t")
        await tag(pilot, "Doug King")

        def full(*_: object) -> bool:
            raise StoreError("reader.json: could not save (No space left on device)")

        monkeypatch.setattr(app.store, "fold", full)
    assert "No space left on device" in app.exit_note
    assert ".reader.json.journal" in app.exit_note


async def test_the_article_on_screen_is_known_to_other_readers(library: Path) -> None:
    # a feed's --keep, in a shell, asks before it removes an unread article: the app says
    # which one it shows (and lets go of it when it shows another)
    import subprocess
    import sys

    def seen_elsewhere(article_id: int) -> bool:
        code = (
            "import sys; from pathlib import Path; from reader.storage.sessions import Viewing;"
            f"print(Viewing(Path(sys.argv[1])).on_screen({article_id}))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(library / "reader.json")],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip() == "True"

    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = main(app).document
        assert first is not None
        assert seen_elsewhere(first.record.id)
        other = next(r for r in app.store.articles() if r.id != first.record.id)
        main(app).open_article(other.id)
        await settle(pilot)
        assert seen_elsewhere(other.id) and not seen_elsewhere(first.record.id)
    assert not seen_elsewhere(other.id)


async def test_an_opened_file_now_another_articles_shows_that_article(tmp_path: Path) -> None:
    # names swapped under the same sizes and times: the app showed the file's text with the
    # other article's annotations, and a tag made then went to that other article
    import os

    for name, words in (("a.txt", "water"), ("b.txt", "roads")):
        (tmp_path / name).write_text(f"A story\n\nWe will fix the {words} problem.\n", "utf-8")
        os.utime(tmp_path / name, (1_700_000_000, 1_700_000_000))
    store = Store(tmp_path / "reader.json")
    Library(tmp_path, store).scan()
    ids = {r.path: r.id for r in store.articles()}
    store.close()
    (tmp_path / "a.txt").rename(tmp_path / "swap")
    (tmp_path / "b.txt").rename(tmp_path / "a.txt")
    (tmp_path / "swap").rename(tmp_path / "b.txt")
    app = ReaderApp(library=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        document = main(app).document
        assert document is not None
        shown = document.content.text
        holder = "a.txt" if "water" in shown else "b.txt"  # (whose text it was at the start)
        assert document.record.id == ids[holder]
