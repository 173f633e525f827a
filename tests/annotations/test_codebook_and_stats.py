"""The codebook (rename, merge, delete, describe, colour), the counts and the filters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.annotations.codebook_edits import SOURCE, THEME, apply_delete, apply_rename
from reader.annotations.filters import parse_filter
from reader.annotations.history import History
from reader.annotations.stats import (
    across_articles,
    as_csv,
    as_markdown,
    by_article,
    by_source,
    by_theme,
    matrix,
    matrix_table,
    overview,
)
from reader.core.records import Annotation, new_annotation
from reader.storage.database import Store
from tests.helpers.cli import run_reader

TEXT = "Title\n\n" + "A sentence that people are quoted in, with more words. " * 20

ROWS = [  # article, source, themes
    (1, "Doug King", ["policing/oversight", "public safety"]),
    (1, "Doug King", ["public safety"]),
    (2, "doug  king", ["policing"]),
    (2, "D. King", []),
    (2, "ICE", ["policing/use of force"]),
    (3, None, ["art"]),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "reader.json")
    for number in (1, 2, 3):
        store.add_article(path=f"{number}.txt", title=f"Article {number}", sha256=str(number))
    store.save_annotations(
        new_annotation(article, TEXT, 7 + i * 3, 30 + i * 3, source=source, themes=themes)
        for i, (article, source, themes) in enumerate(ROWS)
    )
    return store


def _sources(store: Store) -> list[str | None]:
    return sorted((a.source or "-") for a in store.annotations())


def test_counts_per_source_theme_and_article(store: Store) -> None:
    annotations = store.annotations()
    assert [(c.name, c.annotations, c.articles) for c in by_source(annotations)] == [
        ("Doug King", 3, 2),  # "doug  king" is the same source (case and spaces folded)
        ("(no source)", 1, 1),
        ("D. King", 1, 1),
        ("ICE", 1, 1),
    ]
    themes = {c.name: c.annotations for c in by_theme(annotations)}
    assert themes["policing"] == 1 and themes["public safety"] == 2
    with_parents = {c.name: (c.annotations, c.articles) for c in by_theme(annotations, True)}
    assert with_parents["policing"] == (3, 2)  # itself, oversight and use of force
    titles = {r.id: r.title for r in store.articles()}
    busiest = by_article(annotations, titles)[0]
    assert (busiest.name, busiest.annotations) == ("Article 2", 3)
    assert [c.name for c in across_articles(annotations)] == ["Doug King"]


def test_matrix_counts_each_theme_of_a_quote(store: Store) -> None:
    grid = matrix(store.annotations())
    assert grid.count("Doug King", "public safety") == 2
    assert grid.count("Doug King", "policing/oversight") == 1
    # a parent's column counts its children's, as the codebook does and theme:= lists them
    assert grid.count("Doug King", "policing") == 2  # "policing", and "policing/oversight"
    assert grid.count("ICE", "policing") == 1  # "policing/use of force"
    assert grid.count("D. King", "(no theme)") == 1
    assert grid.quotes["Doug King"] == 3  # quotes, not cells: one quote has two themes
    table = matrix_table(grid)
    assert table[0][0] == "source" and table[0][-1] == "quotes"
    assert as_csv(table).startswith("\ufeffsource,")
    assert as_markdown(table).splitlines()[1].startswith("| --- | ---: |")
    made = overview(store.annotations())
    assert made.grid == grid and made.sources == by_source(store.annotations())


def test_a_description_is_one_undo_step_of_its_own(store: Store) -> None:
    """A description typed after a rename was lost to the `u` that took back the rename,
    and redo did not bring it back (a newcomer's finding): each is a step."""
    history = History(store)
    describe = store.update_source
    history.change_codebook("description", lambda: describe("Doug King", description="first"))
    apply_rename(history, SOURCE, ["Doug King"], "Douglas King")
    history.change_codebook("description", lambda: describe("Douglas King", description="v2"))

    def described() -> dict[str, str]:
        return {s.name: s.description for s in store.sources() if "oug" in s.name}

    assert described() == {"Douglas King": "v2"}
    assert history.undo().step == "description"  # type: ignore[union-attr]
    assert described() == {"Douglas King": "first"}
    history.undo()  # the rename
    assert described() == {"Doug King": "first"}
    history.redo()
    assert history.redo().step == "description"  # type: ignore[union-attr]
    assert described() == {"Douglas King": "v2"}
    assert history.change_codebook("nothing", lambda: None) is None  # (no step)
    assert history.undo().step == "description"  # type: ignore[union-attr]
    # another Reader's colour given to the name since is not wiped by the undo of the
    # description (it put the whole entry back; an attack's finding)
    history.redo()
    other = Store(store.path)
    other.update_theme("policing", colour="#00ff00")  # (a theme, for its colour)
    history.change_codebook("description", lambda: store.update_theme("policing", description="d"))
    other.update_theme("policing", colour="#ff0000")
    other.close()
    store.refresh()
    history.undo()
    [theme] = [t for t in store.themes() if t.name == "policing"]
    assert (theme.description, theme.colour) == ("", "#ff0000")


def test_rename_takes_every_annotation_and_undo_restores(store: Store) -> None:
    history = History(store)
    store.update_source("Doug King", description="criminologist, Mount Royal University")
    apply_rename(history, SOURCE, ["Doug King"], "Douglas King")
    assert _sources(store).count("Douglas King") == 3
    assert [s.description for s in store.sources() if s.name == "Douglas King"] == [
        "criminologist, Mount Royal University"
    ]  # the description follows the rename
    assert "Doug King" not in {s.name for s in store.sources()}
    history.undo()
    assert _sources(store).count("Doug King") == 3 and "Douglas King" not in _sources(store)


def test_the_last_tag_follows_a_rename(store: Store) -> None:
    # `.` repeated "public trust" after it was renamed "civic trust": a stray old code came
    # back (a team's finding)
    store.remember_tag("Doug King", ["public trust", "policing/oversight", "x"])
    apply_rename(History(store), THEME, ["public trust"], "civic trust")
    apply_rename(History(store), THEME, ["policing"], "police")
    apply_rename(History(store), SOURCE, ["Doug King"], "Douglas King")
    assert store.last_tag() == ("Douglas King", ("civic trust", "police/oversight", "x"))
    store.remember_tag("Douglas King", [])  # (a tag with no themes keeps the last used)
    assert store.last_themes() == ("civic trust", "police/oversight", "x")
    apply_rename(History(store), THEME, ["x"], "y")
    assert store.last_themes() == ("civic trust", "police/oversight", "y")


def test_undoing_a_rename_puts_the_last_tag_back(store: Store) -> None:
    # undone, the rename left its new name in what `.` repeats (a stray code came back),
    # or, when the last tag was the renamed annotation's, nothing to repeat (an attack's)
    history = History(store)
    store.remember_tag("Mark Lee", ["policing"])
    apply_rename(history, THEME, ["policing"], "police")
    assert store.last_tag() == ("Mark Lee", ("police",))
    history.undo()
    assert store.last_tag() == ("Mark Lee", ("policing",))
    assert store.last_themes() == ("policing",)
    history.redo()
    assert store.last_tag() == ("Mark Lee", ("police",))
    history.undo()
    store.remember_tag("Doug King", ["policing"])  # (an annotation's own coding)
    apply_rename(history, SOURCE, ["Doug King"], "Douglas King")
    history.undo()
    assert store.last_tag() == ("Doug King", ("policing",))


def test_merge_two_spellings_into_one(store: Store) -> None:
    history = History(store)
    apply_rename(history, SOURCE, ["Doug King", "D. King"], "Doug King")
    assert _sources(store).count("Doug King") == 4
    assert {s.name for s in store.sources()} == {"Doug King", "ICE"}
    assert matrix(store.annotations()).quotes["Doug King"] == 4


def test_a_change_of_case_is_a_rename(store: Store) -> None:
    apply_rename(History(store), SOURCE, ["ICE"], "Ice")
    assert "Ice" in _sources(store) and "ICE" not in _sources(store)


def test_renaming_a_parent_theme_takes_its_children(store: Store) -> None:
    apply_rename(History(store), THEME, ["policing"], "police")
    themes = {t for a in store.annotations() for t in a.themes}
    assert {"police", "police/oversight", "police/use of force"} <= themes
    assert not any(t.startswith("policing") for t in themes)
    assert not any(t.name.startswith("policing") for t in store.themes())


def test_delete_takes_the_name_off_and_keeps_the_quotes(store: Store) -> None:
    history = History(store)
    before = len(store)
    apply_delete(history, THEME, "policing")
    assert len(store) == before
    assert not any(t.startswith("policing") for a in store.annotations() for t in a.themes)
    assert "policing" not in {t.name for t in store.themes()}
    history.undo()
    assert sum("policing" in t for a in store.annotations() for t in a.themes) == 3


def test_theme_colour_and_description(store: Store) -> None:
    store.update_theme("public safety", colour="#e07a5f", description="crime and policing")
    theme = store.theme("Public Safety")
    assert theme is not None and (theme.colour, theme.description) == (
        "#e07a5f",
        "crime and policing",
    )


def test_filters_by_source_theme_and_parent(store: Store) -> None:
    annotations: list[Annotation] = store.annotations()

    def kept(text: str) -> int:
        found = parse_filter(text)
        assert found is not None
        return sum(found.matches(a) for a in annotations)

    assert parse_filter("  ") is None
    assert kept("theme:policing") == 3  # the parent takes its children
    assert kept('source:"doug king"') == 3
    assert kept('source:king theme:"public safety"') == 2
    assert kept("ice") == 1  # a free word: a source or a theme


def test_a_filter_forgives_a_typo_as_search_does(store: Store) -> None:
    # `F` with theme:zonng said "none matching the filter" while `reader search` and
    # `reader stats` found the zoning annotations (a newcomer's study week)
    annotations: list[Annotation] = store.annotations()

    def kept(text: str) -> int:
        found = parse_filter(text)
        assert found is not None
        return sum(found.matches(a) for a in annotations)

    assert kept("theme:polcing") == kept("theme:policing") == 3
    assert kept('source:"doug kng"') == kept('source:"doug king"') == 3
    assert kept("theme:polcing") == kept("polcing")
    assert kept("theme:police") == 0  # an English word is meant as written
    from reader.annotations.filters import _typo_of

    assert not _typo_of("2019", "2018") and not _typo_of("covid19", "covid20")  # numbers


def test_reader_stats_from_the_shell(store: Store, tmp_path: Path) -> None:
    store.close()
    library = tmp_path
    by_source_json = json.loads(run_reader("stats", "--json", "--library", str(library)).stdout)
    assert by_source_json[0] == {"name": "Doug King", "annotations": 3, "articles": 2}
    themes = run_reader("stats", "--by", "theme", "--library", str(library))
    assert themes.returncode == 0 and themes.stdout.startswith("theme")
    grid = json.loads(run_reader("stats", "--matrix", "--json", "--library", str(library)).stdout)
    assert {"source": "Doug King", "theme": "public safety", "count": 2} in grid["cells"]
    text = run_reader("stats", "--matrix", "--library", str(library)).stdout
    assert text.splitlines()[0].split()[0] == "source"
    # a filter counts only what a search finds: one theme's, one coder's, or none
    theme = run_reader("stats", "--json", "theme:policing", "--library", str(library))
    assert theme.returncode == 0, theme.stderr
    assert sum(row["annotations"] for row in json.loads(theme.stdout)) == 3
    nobody = run_reader("stats", "coder:nobody-here", "--library", str(library))
    assert nobody.returncode == 0 and "No annotation matches" in nobody.stderr


def test_reader_stats_lists_parent_themes_and_the_sources_of_each_article(tmp_path: Path) -> None:
    """`economy` is tagged only through its children: --by theme lists it with their total
    (a quote under two of them once); --by article counts each article's sources, not its
    articles (always 1)."""
    store = Store(tmp_path / "reader.json")
    store.add_article(path="1.txt", title="Jobs report", sha256="1")
    store.add_article(path="2.txt", title="Trade talks", sha256="2")
    rows = [
        (1, "Ann Lee", ["economy/jobs"]),
        (1, "Bo Chen", ["economy/jobs", "economy/trade"]),
        (1, "ann  lee", ["economy/trade"]),
        (2, "Bo Chen", ["economy/trade", "diplomacy"]),
        (2, None, ["diplomacy"]),
    ]
    store.save_annotations(
        new_annotation(article, TEXT, 7 + i * 3, 30 + i * 3, source=source, themes=themes)
        for i, (article, source, themes) in enumerate(rows)
    )
    store.close()

    def table(*args: str) -> list[list[str]]:
        result = run_reader("stats", *args, "--library", str(tmp_path))
        assert result.returncode == 0, result.stderr
        return [re.split(r" {2,}", line.strip()) for line in result.stdout.splitlines()]

    assert table("--by", "theme") == [
        ["theme", "annotations", "articles"],
        ["economy", "4", "2"],
        ["economy/trade", "3", "2"],
        ["diplomacy", "2", "1"],
        ["economy/jobs", "2", "1"],
    ]
    assert table("--by", "article") == [
        ["article", "annotations", "sources"],
        ["Jobs report", "3", "2"],  # Ann Lee (twice, spelt two ways) and Bo Chen
        ["Trade talks", "2", "1"],  # Bo Chen; a quote without a source counts for none
    ]
    by_article_json = run_reader("stats", "--by", "article", "--json", "--library", str(tmp_path))
    assert json.loads(by_article_json.stdout)[0] == {
        "name": "Jobs report",
        "annotations": 3,
        "articles": 1,  # the shape of every --by's rows, kept for scripts
        "sources": 2,
    }


def test_a_matrix_of_many_themes_prints_the_most_used_columns_and_says_so(
    tmp_path: Path,
) -> None:
    """Each quote its own source and theme (a crafted import: 4,000 of them made 16 million
    cells, 1.5 GB and 188 MB of text): the text shows MATRIX_THEMES columns, --json every
    cell there is."""
    from reader.cli.stats import MATRIX_THEMES

    store = Store(tmp_path / "reader.json")
    store.add_article(path="1.txt", title="Article 1", sha256="1")
    count = MATRIX_THEMES + 5
    store.save_annotations(
        new_annotation(1, TEXT, 7 + i, 30 + i, source=f"Source {i}", themes=[f"theme {i}"])
        for i in range(count)
    )
    store.close()
    text = run_reader("stats", "--matrix", "--library", str(tmp_path)).stdout.splitlines()
    assert len(re.split(r" {2,}", text[0].strip())) == MATRIX_THEMES + 2  # source, quotes
    assert text[-1] == (
        f"(the {MATRIX_THEMES} most used of {count} themes; --json, or the analysis screen's "
        "export (M, then e), gives every column)"
    )
    grid = json.loads(run_reader("stats", "--matrix", "--json", "--library", str(tmp_path)).stdout)
    assert len(grid["themes"]) == len(grid["cells"]) == count
    assert [cell["source"] for cell in grid["cells"]] == grid["sources"]  # in the rows' order


def test_the_matrix_lists_sources_by_their_quotes() -> None:
    """A source of 6 quotes with three themes each came above one of 7 quotes with one:
    rows went by their cells, not by the quotes the table shows beside them (a
    newcomer's finding)."""
    rows = [("Kevin Liu", ["a", "b", "c"])] * 6 + [("Linda Okafor", ["a"])] * 7
    annotations = [
        new_annotation(1, TEXT, 7, 30, source=source, themes=themes) for source, themes in rows
    ]
    assert matrix(annotations).sources[:2] == ["Linda Okafor", "Kevin Liu"]
    assert overview(annotations).grid.sources[:2] == ["Linda Okafor", "Kevin Liu"]
