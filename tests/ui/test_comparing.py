"""Comparing two coders in the app: both coders' highlights, the disagreements in order,
settled by keyboard (each one undo step), and the agreement table of the analysis screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.storage.database import Store
from reader.ui.app import ReaderApp
from reader.ui.widgets.annotation_list import AnnotationList
from reader.ui.widgets.compare_list import CompareList
from tests.helpers.cli import run_reader
from tests.helpers.pilot import (
    SIZE,
    main,
    notified,
    pane_entries,
    press,
    region_words,
    settle,
    tag,
    type_text,
    view,
)
from tests.helpers.seeding import tag_quotes

ICE = "ice-canada-offices.txt"
KING = (ICE, "Their authority in Canada", "Doug King", ["public safety"])
MCPHERSON_A = (ICE, "Canada and Canadians must not", "Heather McPherson", ["sovereignty"])
MCPHERSON_B = (ICE, "Canada and Canadians must not", "Heather McPherson", ["accountability"])
ICE_STATEMENT = (ICE, "Our collaboration benefits", "ICE", ["cross-border cooperation"])


def two_coders(library: Path) -> None:
    """alice and bob agree on King, differ on McPherson's theme; only bob tagged ICE."""
    tag_quotes(library, [KING, MCPHERSON_A], coder="alice")
    tag_quotes(library, [KING, MCPHERSON_B, ICE_STATEMENT], coder="bob")


def coders_of(library: Path) -> list[tuple[str, tuple[str, ...]]]:
    store = Store(library / "reader.json")
    try:
        return sorted((a.coder, a.themes) for a in store.annotations())
    finally:
        store.close()


async def test_comparison_lists_the_disagreements_in_order(library: Path) -> None:
    two_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert main(app).comparing == ("alice", "bob")
        listing = app.screen.query_one(CompareList)
        assert listing.has_focus
        starts = [d.start for d in listing.disagreements]
        assert len(starts) == 2 and starts == sorted(starts)  # ICE's statement, McPherson's
        assert not listing.disagreements[0].a  # alice did not tag ICE's statement
        second = listing.disagreements[1]
        assert [a.themes for a in second.a] == [("sovereignty",)]
        assert [a.themes for a in second.b] == [("accountability",)]
        assert view(app)._comparison is not None
        assert any(who == "both" for *_, who in view(app)._comparison)  # King's quote


async def test_keeping_as_settles_and_u_undoes_it_in_one_step(library: Path) -> None:
    two_coders(library)
    before = coders_of(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "j", "a")  # keep alice's theme for McPherson
        listing = app.screen.query_one(CompareList)
        assert len(listing.disagreements) == 1
        assert "keep alice's" in notified(app)
        assert ("bob", ("sovereignty",)) in coders_of(library)
        assert ("bob", ("accountability",)) not in coders_of(library)
        await press(pilot, "u")
        assert coders_of(library) == before
        assert len(listing.disagreements) == 2


async def test_keeping_both_gives_each_coder_the_others_coding(library: Path) -> None:
    two_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "equals_sign")  # the first: ICE's statement
        assert ("alice", ("cross-border cooperation",)) in coders_of(library)
        assert len(app.screen.query_one(CompareList).disagreements) == 1
        await press(pilot, "b")  # keep bob's theme for McPherson
        assert not app.screen.query_one(CompareList).disagreements
        await press(pilot, "c")
        assert main(app).comparing is None and view(app)._comparison is None


async def test_comparison_needs_two_coders(library: Path) -> None:
    tag_quotes(library, [KING], coder="alice")
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert main(app).comparing is None
        assert "Only one coder" in notified(app)


async def test_the_pane_says_whose_each_annotation_is_when_there_are_two_coders(
    library: Path,
) -> None:
    two_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entries = [e for e in pane_entries(app) if "Doug King" in e]
        assert any("by alice" in e for e in entries) and any("by bob" in e for e in entries)


async def test_a_new_tag_carries_the_coder(library: Path) -> None:
    app = ReaderApp(library=library, coder="carol")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "s", "t")
        await tag(pilot, "Someone", "topic")
        assert [c for c, _ in coders_of(library)] == ["carol"]


async def test_the_analysis_screen_shows_kappa_lowest_first(library: Path) -> None:
    two_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "M")
        # The coders are compared when their tab is first shown, not at every open (it
        # held the interpreter beside the counts: 1.2 s at 4,800 annotations)
        assert app.screen.comparison is None  # type: ignore[attr-defined]
        await press(pilot, "5")
        screen = app.screen
        table = screen.query_one("#agreement-table")
        codes = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        kappas = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        # the codes both coders used first, lowest kappa first; then one coder's (kappa 0)
        both = [i for i, c in enumerate(codes) if c in ("Doug King", "Heather McPherson")]
        alone = [i for i, c in enumerate(codes) if c in ("ICE", "sovereignty")]
        assert max(both) < min(alone)
        figures = [float(kappas[i]) for i in both]
        assert figures == sorted(figures)
        assert "Doug King" in codes and kappas[codes.index("Doug King")] == "1.000"
        assert table.fixed_columns == 1  # the code's name stays when the figures scroll
        assert "agreement counts text neither coded" in region_words(app, screen)


async def test_a_coder_named_like_markup_is_shown_as_written(library: Path) -> None:
    tag_quotes(library, [KING, MCPHERSON_A], coder="[/]")  # (a teammate's file can say so)
    tag_quotes(library, [KING, MCPHERSON_B], coder="[b]bob[/b]")
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "M", "5")
        words = region_words(app, app.screen)
        assert "A [/] and B [b]bob[/b]" in words or "A [b]bob[/b] and B [/]" in words


def test_a_table_export_never_replaces_a_file_nor_lands_in_the_library(tmp_path: Path) -> None:
    from reader.ui.screens.analysis_screen import _new_stem

    library = tmp_path / "library"
    library.mkdir()
    (tmp_path / "reader-matrix-2026-12-01.md").write_text("mine")
    stem = _new_stem(library, library, "reader-matrix-2026-12-01")  # run from the library
    assert stem == tmp_path / "reader-matrix-2026-12-01-2"


async def test_search_results_of_several_coders_say_whose_each_is(library: Path) -> None:
    """Three coders' copies of one quote read as the same row three times in the app's
    search (a researcher's finding; `reader search` said "· by ann")."""
    from reader.ui.widgets.hit_list import HitList

    two_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "king")
        await settle(pilot)
        shown = region_words(app, app.screen.query_one(HitList))
        assert "by alice" in shown and "by bob" in shown
        await press(pilot, "escape")
        await press(pilot, "slash")
        app.screen.query_one("#search-input").value = "coder:bob king"
        await settle(pilot)
        assert "by bob" not in region_words(app, app.screen.query_one(HitList))  # (one coder)


async def test_the_agreement_table_is_never_exported_before_it_is_made(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`5 e` typed at once wrote a header alone and said "Wrote" (an attack's finding: the
    coders are compared once their tab shows)."""
    from textual.events import Key

    monkeypatch.chdir(tmp_path)
    two_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "M")
        app.post_message(Key("5", "5"))
        app.post_message(Key("e", "e"))  # at once
        await settle(pilot)
        written = list(tmp_path.glob("reader-agreement-*.csv"))
        if written:
            [table] = written
            assert len(table.read_text(encoding="utf-8-sig").splitlines()) > 1
        else:
            assert "Still comparing the coders" in notified(app)
        await press(pilot, "e")  # once it shows: the table whole
        [table] = tmp_path.glob("reader-agreement-*.csv")
        assert "Doug King" in table.read_text(encoding="utf-8-sig")
        # for R: numbers as numbers ("97.5%" was read as text), each row naming the coders
        import csv

        with table.open(encoding="utf-8-sig", newline="") as opened:
            rows = list(csv.DictReader(opened))
        king = next(row for row in rows if row["code"] == "Doug King")
        assert 0 <= float(king["agreement"]) <= 1 and float(king["kappa"]) <= 1
        assert (king["coder_a"], king["coder_b"]) == ("alice", "bob")
        [shown] = tmp_path.glob("reader-agreement-*.md")
        markdown = shown.read_text(encoding="utf-8")
        assert "%" in markdown  # the Markdown as on screen, its code and kind left-aligned
        lines = markdown.splitlines()
        assert lines[0].startswith("A: alice · B: bob · 1 article both coded")  # (who is who)
        assert lines[3].startswith("| --- | --- | ---: |")
        # under it, what `reader agree` prints under its table (a team's finding: a
        # methods section quotes the mean kappa, and it was left out)
        agree = run_reader("agree", "alice", "bob", "--library", str(library)).stdout
        said = [line for line in agree.splitlines() if line.startswith(("mean kappa", "quot"))]
        assert len(said) == 2 and all(line in lines for line in said)


def three_coders(library: Path) -> None:
    """bob tagged the most, then cia; alice differs from each on one thing."""
    two_coders(library)
    tag_quotes(library, [MCPHERSON_A], coder="cia")


async def test_o_takes_the_next_coder_as_b_in_the_article_and_keeps_them(library: Path) -> None:
    """With three coders, `c` compared alice only with bob (the most annotations) and the
    app had no way to choose cia (a researcher's finding; `reader agree` could)."""
    three_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert main(app).comparing == ("alice", "bob")
        assert "o: next of 2 coders as B" in region_words(app, app.screen)
        assert "Next coder as B" in region_words(app, app.screen)  # (the footer)
        await press(pilot, "o")
        assert main(app).comparing == ("alice", "cia")
        assert "B is now cia" in notified(app)
        listing = app.screen.query_one(CompareList)
        # cia agrees with alice on McPherson and tagged nothing else: King's quote differs
        assert [bool(d.a) and not d.b for d in listing.disagreements] == [True]
        await press(pilot, "o")
        assert main(app).comparing == ("alice", "bob")  # round to the first again


async def test_o_on_the_agreement_tab_compares_with_the_next_coder(library: Path) -> None:
    three_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "M")
        assert "Next coder" not in region_words(app, app.screen)  # a key of tab 5 alone
        await press(pilot, "5")
        screen = app.screen
        assert "A alice and B bob" in region_words(app, screen)
        assert "o: cia as B" in region_words(app, screen)
        await press(pilot, "o")
        await settle(pilot)
        assert "A alice and B cia" in region_words(app, screen)
        comparison = screen.comparison  # type: ignore[attr-defined]
        assert (comparison.coder_a, comparison.coder_b) == ("alice", "cia")


async def test_o_is_no_key_of_comparison_with_two_coders(library: Path) -> None:
    two_coders(library)
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert "o: next" not in region_words(app, app.screen)
        assert "Next coder" not in region_words(app, app.screen)  # (nor in the footer)
        await press(pilot, "o")
        assert main(app).comparing == ("alice", "bob")


async def test_deleting_a_teammates_annotation_says_whose_it_was(library: Path) -> None:
    """`delete` on bob's only annotation of a quote said "Annotation deleted", and the
    deletion went to bob at the next merge (a team's finding): it names him."""
    tag_quotes(library, [ICE_STATEMENT], coder="bob")
    app = ReaderApp(library=library, coder="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "A")  # the annotations pane, down to bob's annotation
        pane = app.screen.query_one(AnnotationList)
        for _ in range(20):
            if pane.current is not None:
                break
            await press(pilot, "j")
        await press(pilot, "delete", "y")  # (asked first: bob's coding)
        assert "Deleted bob's annotation · u to undo" in notified(app)
        assert coders_of(library) == []
