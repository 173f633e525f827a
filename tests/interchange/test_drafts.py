"""A Markdown draft a journalist can paste as it is, and the kind of every annotation kept
through every format."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

from reader.core.records import PASSAGE, QUOTATION, new_annotation
from reader.interchange.markdown import citation, quoted_paragraphs, to_markdown, to_obsidian
from reader.interchange.qdpx import from_qdpx, to_qdpx
from reader.interchange.selection import select
from reader.interchange.tables import to_csv
from reader.interchange.w3c import from_w3c, to_w3c
from reader.library.folder import Library
from reader.storage.database import Store
from tests.helpers.seeding import tag_quotes

TEXT = (
    "Council agrees budget\n\n"
    "“We have listened to every neighbourhood,” said Mayor Ana Ruiz.\n\n"
    "“The plan is fair. It is the best we can do.\n\n"
    "“And it starts in May,” she added.\n\n"
    "Opponents said the plan goes too far.\n"
)


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "budget.txt").write_text(TEXT, encoding="utf-8")
    store = Store(folder / "reader.json")
    Library(folder, store).scan()
    [record] = store.articles()

    def at(words: str, end_words: str) -> tuple[int, int]:
        start = TEXT.index(words)
        return start, TEXT.index(end_words, start) + len(end_words)

    for (start, end), themes in (
        (at("We have listened", "neighbourhood,"), ["budget", "consultation"]),
        (at("The plan is fair", "starts in May,"), ["budget"]),
        (at("Opponents said", "too far."), ["budget"]),
    ):
        store.save_annotation(
            new_annotation(record.id, TEXT, start, end, source="Ana Ruiz", themes=themes)
        )
    store.describe_source("Ana Ruiz", "mayor of the town")
    store.close()
    return folder


def _selection(folder: Path):  # type: ignore[no-untyped-def]
    store = Store(folder / "reader.json")
    try:
        return select(store, Library(folder, store))
    finally:
        store.close()


def test_kinds_are_set_from_the_marks_around_the_selection(tmp_path: Path) -> None:
    kinds = [a.kind for a in _selection(_library(tmp_path)).annotations]
    assert kinds == [QUOTATION, QUOTATION, PASSAGE]


def test_a_quotation_over_two_paragraphs_is_set_as_a_journalist_would() -> None:
    quote = "The plan is fair. It is the best we can do.\n\n“And it starts in May,"
    assert quoted_paragraphs(quote) == [
        "“The plan is fair. It is the best we can do.",
        "“And it starts in May”",
    ]


def test_the_draft_can_be_pasted_as_it_is(tmp_path: Path) -> None:
    draft = to_markdown(_selection(_library(tmp_path)))
    assert "> “We have listened to every neighbourhood”\n" in draft  # the comma trimmed
    assert "> “The plan is fair. It is the best we can do.\n>\n> “And it starts in May”" in draft
    assert "> — Ana Ruiz, mayor of the town, [Council agrees budget]" in draft
    assert "> Opponents said the plan goes too far.\n" in draft  # no quote marks
    assert "Ana Ruiz, mayor of the town (paraphrase or context, not a quotation)" in draft
    assert draft.count("We have listened") == 1  # once, under its first theme
    assert "> *also: consultation*" in draft
    (tmp_path / "again").mkdir()
    repeated = to_markdown(_selection(_library(tmp_path / "again")), repeat=True)
    assert repeated.count("We have listened") == 2


def test_citations_quote_only_quotations(tmp_path: Path) -> None:
    selection = _selection(_library(tmp_path))
    quote, _, passage = selection.annotations
    article = selection.article(quote)
    said = citation(quote, article, "mayor of the town")
    assert said.startswith("“We have listened to every neighbourhood” — Ana Ruiz, mayor")
    told = citation(passage, article)
    assert told.startswith("Opponents said the plan goes too far. (paraphrase or context")


def test_the_kind_goes_out_and_comes_back_in_every_format(tmp_path: Path) -> None:
    selection = _selection(_library(tmp_path))
    kinds = [a.kind for a in selection.annotations]
    rows = list(csv.DictReader(io.StringIO(to_csv(selection).removeprefix("\ufeff"))))
    assert [row["kind"] for row in rows] == kinds
    w3c = json.loads(to_w3c(selection))["first"]["items"]
    assert [item["motivation"] for item in w3c] == ["quoting", "quoting", "classifying"]
    assert [i.kind for i in from_w3c(to_w3c(selection), "x").items] == kinds
    data = to_qdpx(selection)
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        assert b'name="Kind"' in zipped.read("project.qde")
    assert [i.kind for i in from_qdpx(data, "x").items] == kinds


def test_citations_and_drafts_name_the_articles_author(tmp_path: Path) -> None:
    selection = _selection(_library(tmp_path))
    quote = selection.annotations[0]
    article = selection.article(quote)
    authored = replace(article, record=replace(article.record, author="Maya Chen"))
    said = citation(quote, authored, "mayor of the town")
    assert "— Ana Ruiz, mayor of the town, “Council agrees budget” by Maya Chen" in said
    draft = to_markdown(replace(selection, articles={quote.article_id: authored}))
    assert "[Council agrees budget](<" in draft and ">) by Maya Chen" in draft


def test_a_citation_never_carries_escape_sequences_from_a_front_matter(tmp_path: Path) -> None:
    evil = "\x1b]52;c;Rk1T\x07 \x1b[2J"
    selection = _selection(_library(tmp_path))
    quote = selection.annotations[0]
    article = selection.article(quote)
    record = replace(article.record, site=f"Site{evil}", url=f"https://e.org/{evil}", author=evil)
    said = citation(quote, replace(article, record=record), f"mayor{evil}")
    assert "\x1b" not in said and "\x07" not in said
    assert "Site" in said and "https://e.org/" in said


def test_two_coders_one_passage_one_source_is_one_quote_in_the_draft(library: Path) -> None:
    king = ("ice-canada-offices.txt", "Their authority in Canada", "Doug King", ["policing"])
    tag_quotes(library, [king], coder="alice")
    tag_quotes(library, [king], coder="bob")
    store = Store(library / "reader.json")
    try:
        assert len(store.annotations()) == 2
        draft = to_markdown(select(store, Library(library, store), ""))
    finally:
        store.close()
    assert draft.count("Their authority in Canada") == 1


def test_two_coders_copies_of_a_quote_keep_every_theme_and_note_in_the_draft(
    library: Path,
) -> None:
    """Merged as one quote, alice's "policing, sovereignty" and bob's "policing" showed
    bob's copy alone: "sovereignty" was in no section and no "also:" (a newcomer's
    finding); and one coder's note was dropped."""
    king = ("ice-canada-offices.txt", "Their authority in Canada", "Doug King")
    from reader.core.records import edited

    tag_quotes(library, [(*king, ["policing"])], coder="bob")
    tag_quotes(library, [(*king, ["policing", "sovereignty"])], coder="alice")
    store = Store(library / "reader.json")
    try:
        for annotation in store.annotations():
            said = "said at the briefing" if annotation.coder == "bob" else "check"
            store.save_annotation(edited(annotation, note=said))
        selection = select(store, Library(library, store), "")
        draft = to_markdown(selection)
        each = to_markdown(selection, repeat=True)
    finally:
        store.close()
    assert draft.count("Their authority in Canada") == 1
    assert "## policing" in draft and "*also: sovereignty*" in draft
    assert "*Note:* said at the briefing" in draft and "check" in draft  # (marked: not story)
    assert "## sovereignty" in each and each.count("Their authority in Canada") == 2
    [note] = to_obsidian(selection).values()  # (each coder's copy, whose unsaid: one quote)
    assert note.count("Their authority in Canada") == 1 and "#sovereignty" in note
