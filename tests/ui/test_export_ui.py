"""Exporting and copying annotations from the app, by keyboard."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from reader.ui.app import ReaderApp
from reader.ui.dialogs.export_dialog import ExportDialog
from reader.ui.dialogs.prompt_dialog import ConfirmDialog
from tests.helpers.pilot import SIZE, main, notified, press, settle, type_text, view
from tests.helpers.seeding import seed


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the app from a scratch folder: the export dialog offers files there."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


async def test_an_export_asks_before_replacing_a_file(library: Path, in_tmp: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "X")
        path = Path(app.screen.query_one("#export-path").value)
        assert path.name.startswith("ice-actions-in-u-s-prompt")  # names what it holds
        await press(pilot, "enter")
        first = path.read_bytes()
        path.write_text("yesterday's draft", encoding="utf-8")
        await press(pilot, "X", "enter")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")  # kept: back to the dialog, to name another file
        assert path.read_text(encoding="utf-8") == "yesterday's draft"
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path").value == str(path)
        await press(pilot, "escape", "X", "enter", "y")
        assert path.read_bytes() == first


async def test_a_file_the_export_cannot_write_is_said_in_the_dialog(
    library: Path, in_tmp: Path
) -> None:
    """A file in a folder that is not there closed the app with a traceback (a newcomer's
    finding); a name whose extension says another format wrote CSV into "mismatch.md".
    Both are said in the dialog, which stays open to mend them."""
    from textual.widgets import Input, Static

    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "X", "down")  # csv: the name follows, the cursor at its end
        field = app.screen.query_one("#export-path", Input)
        assert field.value.endswith(".csv") and field.cursor_position == len(field.value)
        field.value = str(in_tmp / "no-such-folder" / "quotes.csv")
        await press(pilot, "enter")
        assert app.is_running and isinstance(app.screen, ExportDialog)
        hint = str(app.screen.query_one("#export-hint", Static).render())
        assert "no-such-folder: no such folder" in hint
        field.value = str(in_tmp / "mismatch.md")
        await press(pilot, "enter")
        hint = str(app.screen.query_one("#export-hint", Static).render())
        assert "its name says markdown, not csv; name it mismatch.csv" in hint
        assert not (in_tmp / "mismatch.md").exists()
        field.value = str(in_tmp / "quotes.csv")
        await press(pilot, "enter")
        await settle(pilot)
        assert (in_tmp / "quotes.csv").read_text(encoding="utf-8-sig").startswith("id,quote")


async def test_from_inside_the_library_the_export_is_offered_beside_it(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started inside the library (as the README's teams work), the file offered was in the
    library, and enter refused it: "inside the library folder" (a newcomer's finding). It
    is offered in the folder that holds the library, and enter writes it."""
    seed(library)
    monkeypatch.chdir(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "X")
        path = Path(app.screen.query_one("#export-path").value)
        assert path.parent == library.parent.resolve()
        await press(pilot, "enter")
        assert not isinstance(app.screen, ExportDialog)
        assert path.read_text(encoding="utf-8").startswith("# Quotes")


async def test_x_exports_the_open_articles_annotations(library: Path, in_tmp: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        document = view(app).document
        assert document is not None and document.record.path == "ice-canada-offices.txt"
        await press(pilot, "X")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path").value.endswith(".md")
        await press(pilot, "down", "down")  # markdown -> csv -> json
        path = Path(dialog.query_one("#export-path").value)
        assert path.parent == in_tmp and path.suffix == ".json"
        await press(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        assert "Exported 3 annotations from 1 article to" in notified(app)
        exported = json.loads(path.read_text(encoding="utf-8"))
        assert sorted(a["source"] for a in exported["annotations"]) == [
            "Doug King",
            "Heather McPherson",
            "ICE",
        ]


async def test_search_results_export_as_csv(library: Path, in_tmp: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "source:king")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ExportDialog)
        await press(pilot, "down", "enter")
        await settle(pilot)
        [written] = in_tmp.glob("*.csv")
        rows = list(csv.DictReader(written.open(encoding="utf-8-sig")))
        assert [row["source"] for row in rows] == ["Doug King"]


async def test_y_copies_the_annotation_as_a_citation(library: Path) -> None:
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "y")  # the cursor is on the headline: nothing to copy
        assert "No annotation here to copy" in notified(app)
        await press(pilot, "right_square_bracket")  # the next annotation
        await press(pilot, "y")
        assert app.clipboard.startswith("“")
        assert "” — " in app.clipboard and "“ICE actions in U.S. prompt questions" in app.clipboard
        assert "Copied: “" in notified(app)
        main(app).notes.focus()
        await press(pilot, "j", "y")
        assert app.clipboard.startswith("“") and "Copied" in notified(app)


async def test_obsidian_notes_are_updated_without_asking_and_a_note_in_the_way_is_named(
    library: Path, in_tmp: Path
) -> None:
    """Every export into a vault asked "exists. Replace notes in it?", and yes replaced a
    note the user had written under the article's title, unnamed (an attack's finding).
    Reader's own notes are updated in place; a note in the way is named, with why."""
    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "X", *["down"] * 5)  # obsidian
        vault = Path(app.screen.query_one("#export-path").value)
        await press(pilot, "enter")
        await settle(pilot)
        [note] = vault.glob("*.md")
        note.write_text(note.read_text(encoding="utf-8") + "\nMy analysis.\n", encoding="utf-8")
        await press(pilot, "X", *["down"] * 5, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)  # Reader's own note: updated
        assert note.read_text(encoding="utf-8").endswith("My analysis.\n")
        note.write_text("My own clipping of the story.\n", encoding="utf-8")
        await press(pilot, "X", *["down"] * 5, "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        asked = app.screen.question  # type: ignore[attr-defined]
        assert note.name in asked and "holds no part of Reader's" in asked
        await press(pilot, "enter")  # (typed ahead for the dialog before: no answer here)
        assert isinstance(app.screen, ConfirmDialog)
        assert note.read_text(encoding="utf-8") == "My own clipping of the story.\n"
        await press(pilot, "n")
        assert note.read_text(encoding="utf-8") == "My own clipping of the story.\n"
        assert "Nothing exported" in notified(app)


async def test_two_enters_typed_at_once_answer_the_export_dialog_once(
    library: Path, in_tmp: Path
) -> None:
    """Two enters sent at once closed the app (ScreenStackError: the dialog was dismissed
    twice, its export run twice): an attack's finding."""
    from textual.widgets import Input

    seed(library)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "X")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        field = dialog.query_one("#export-path", Input)
        path = Path(field.value)
        field.post_message(Input.Submitted(field, field.value))  # (as two enters do)
        field.post_message(Input.Submitted(field, field.value))
        await settle(pilot)
        assert app.is_running and not isinstance(app.screen, ExportDialog)
        assert path.exists()
