"""Exporting annotations to Markdown, CSV, JSON, W3C, REFI-QDA and Obsidian, and back in."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.core.records import Annotation, new_annotation
from reader.interchange.importing import import_incoming
from reader.interchange.markdown import (
    citation,
    name_as_compared,
    note_file_name,
    tag,
    to_markdown,
    to_obsidian,
)
from reader.interchange.qdpx import NAMESPACE, from_qdpx, to_qdpx
from reader.interchange.selection import select
from reader.interchange.tables import CSV_COLUMNS, from_json, to_csv, to_json
from reader.interchange.w3c import from_w3c, to_w3c
from reader.library.folder import Library
from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.paths import DATA, SAMPLES
from tests.helpers.w3c_schema import annotation_failures, collection_failures

XSD = DATA / "schemas" / "refi-qda" / "Project-mrt2019.xsd"

# An article whose text tests the counting: emoji and CJK before the quotes, Markdown and
# Rich markup inside them, a combining accent, wire-copy quote marks.
TRICKY = (
    "Emoji 🎉 and 漢字 before the story\n\n"
    "The mayor 👩🏽‍💼 said: “We will *not* raise [taxes] # this year,’’ and left.\n\n"
    "Cafe\u0301 owners replied: “It is `code` & <b>markup</b> | 1. not a list.”\n"
)


CODERS = ("alice", "Zoë Ng", "", "Reader")  # "" is the unknown coder; "Reader" a real name


def _library(root: Path) -> Path:
    folder = root / "library"
    folder.mkdir()
    for sample in SAMPLES:
        shutil.copy(sample, folder / sample.name)
    (folder / "tricky.txt").write_text(TRICKY, encoding="utf-8")
    return folder


def _tag(folder: Path, rows: list[tuple[str, str, str | None, list[str], str]]) -> list[Annotation]:
    """(file, exact quote, source, themes, note) rows, saved in the library's database."""
    store = Store(folder / "reader.json")
    library = Library(folder, store)
    library.scan()
    records = {r.path: r for r in store.articles()}
    saved = []
    for number, (path, quote, source, themes, note) in enumerate(rows):
        text = library.load(records[path]).text
        start = text.index(quote)
        annotation = new_annotation(
            records[path].id,
            text,
            start,
            start + len(quote),
            source=source,
            themes=themes,
            note=note,
            coder=CODERS[number % len(CODERS)],
        )
        saved.append(store.save_annotation(annotation))
    store.close()
    return saved


ROWS: list[tuple[str, str, str | None, list[str], str]] = [
    (
        "tricky.txt",
        "We will *not* raise [taxes] # this year,",
        "Mayor Ana Ruiz",
        ["tax/local", "public safety"],
        "Said at the *council* meeting",
    ),
    (
        "tricky.txt",
        "It is `code` & <b>markup</b> | 1. not a list.",
        "Cafe\u0301 owners",
        ["business"],
        "",
    ),
    (
        "ice-canada-offices.txt",
        "Their authority in Canada is exclusively",
        "Doug King",
        ["public safety"],
        "criminologist",
    ),
    ("ice-canada-offices.txt", "Canada and Canadians must not engage", None, [], ""),
]


@pytest.fixture
def tagged(tmp_path: Path) -> Path:
    folder = _library(tmp_path)
    _tag(folder, ROWS)
    return folder


def _selection(folder: Path, query: str = ""):  # type: ignore[no-untyped-def]
    store = Store(folder / "reader.json")
    try:
        return select(store, Library(folder, store), query)
    finally:
        store.close()


def test_markdown_is_a_draft_section_per_theme(tagged: Path) -> None:
    draft = to_markdown(_selection(tagged, 'theme:"public safety"'))
    assert [line for line in draft.splitlines() if line.startswith("#")] == [
        "# Quotes on public safety",
        "## public safety",
    ]
    # A quotation in its marks, the comma that led into "and left" trimmed:
    assert "> “We will \\*not\\* raise \\[taxes\\] \\# this year”" in draft
    assert "> — Mayor Ana Ruiz, [Emoji 🎉 and 漢字 before the story](<file://" in draft
    assert "Said at the \\*council\\* meeting" in draft
    assert "Doug King" in draft and "Canada and Canadians" not in draft  # not on the theme


def test_csv_reads_back_with_every_field(tagged: Path) -> None:
    text = to_csv(_selection(tagged))
    rows = list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))
    assert tuple(rows[0])[: len(CSV_COLUMNS)] == CSV_COLUMNS
    assert len(rows) == len(ROWS)
    mayor = next(r for r in rows if r["source"] == "Mayor Ana Ruiz")
    assert mayor["quote"] == ROWS[0][1] and mayor["themes"] == "tax/local; public safety"
    # a column a theme, 1 or 0: what R and SPSS read (and a theme named "law; order" is
    # one column, where the themes cell splits it in two: a research team's finding)
    themes = [c.removeprefix("theme: ") for c in rows[0] if c.startswith("theme: ")]
    assert sorted(themes) == sorted({t for row in ROWS for t in row[3]})
    assert (mayor["theme: tax/local"], mayor["theme: public safety"]) == ("1", "1")
    assert {r["theme: tax/local"] for r in rows if r is not mayor} == {"0"}
    assert mayor["note"] == "Said at the *council* meeting" and mayor["article"] == "tricky.txt"
    assert next(r for r in rows if r["quote"].startswith("Canada"))["source"] == ""


def test_csv_gives_each_source_its_description_from_the_codebook(tagged: Path) -> None:
    """An editor reads who a speaker is beside the name ("Mayor"): the Markdown and the
    citations said it, the CSV did not (a journalist's finding)."""
    store = Store(tagged / "reader.json")
    store.describe_source("doug king", "criminologist at Mount Royal University")
    store.close()
    text = to_csv(_selection(tagged))
    rows = list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))
    described = {r["source"]: r["source_description"] for r in rows}
    assert described["Doug King"] == "criminologist at Mount Royal University"
    assert described["Mayor Ana Ruiz"] == ""
    # yes or no: an empty cell, read as missing by pandas and R (a newcomer's finding)
    assert {r["orphaned"] for r in rows} == {"no"}


def test_w3c_export_meets_the_w3c_schemas(tagged: Path) -> None:
    collection = json.loads(to_w3c(_selection(tagged)))
    assert collection_failures(collection) == []
    items = collection["first"]["items"]
    assert len(items) == len(ROWS)
    for item in items:
        assert annotation_failures(item) == []
    mayor = next(i for i in items if i["target"]["selector"][0]["exact"] == ROWS[0][1])
    purposes = {(b["purpose"], b["value"]) for b in mayor["body"]}
    assert purposes == {
        ("identifying", "Mayor Ana Ruiz"),
        ("tagging", "tax/local"),
        ("tagging", "public safety"),
        ("commenting", "Said at the *council* meeting"),
    }
    # The schemas can fail: an annotation without its context and with a broken selector.
    broken = {**mayor, "target": {"source": "x", "selector": {"type": "TextQuoteSelector"}}}
    del broken["@context"]
    assert len(annotation_failures(broken)) >= 2


def test_qdpx_is_valid_refi_qda_and_counts_utf16(tagged: Path) -> None:
    data = to_qdpx(_selection(tagged))
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        project = etree.fromstring(zipped.read("project.qde"))
        texts = {n: zipped.read(n) for n in zipped.namelist() if n.startswith("sources/")}
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(project), schema.error_log
    q = f"{{{NAMESPACE}}}"
    groups = [c.get("name") for c in project.find(f"{q}CodeBook/{q}Codes")]
    assert groups == ["Sources", "Themes", "Kind"]
    themes = project.find(f"{q}CodeBook/{q}Codes/{q}Code[@name='Themes']")
    tax = themes.find(f"{q}Code[@name='tax']")
    assert tax is not None and tax.find(f"{q}Code[@name='local']") is not None  # nested
    selections = 0
    for source in project.iter(f"{q}TextSource"):
        raw = texts["sources/" + source.get("plainTextPath").removeprefix("internal://")]
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
        units = raw.decode("utf-8").encode("utf-16-le")  # as Qt and .NET count
        for selected in source.iter(f"{q}PlainTextSelection"):
            start, end = int(selected.get("startPosition")), int(selected.get("endPosition"))
            quote = units[2 * start : 2 * end].decode("utf-16-le")
            assert quote in {row[1] for row in ROWS}  # UTF-16 units: an emoji counts two
            selections += 1
    assert selections == len(ROWS)


def test_obsidian_notes_have_tags_and_links(tagged: Path) -> None:
    notes = to_obsidian(_selection(tagged))
    assert set(notes) == {
        "Emoji 🎉 and 漢字 before the story.md",
        "ICE actions in U.S. prompt questions about role in Canada with officers stationed at 5 embassies, consulates.md",
    }
    tricky = notes["Emoji 🎉 and 漢字 before the story.md"]
    assert "> — [[Mayor Ana Ruiz]] #tax/local #public-safety" in tricky
    assert tag("Public Safety!") == "#public-safety" and tag("2024") == "#theme-2024"


def test_an_obsidian_note_keeps_the_paragraphs_of_an_annotations_note(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    _tag(folder, [(*ROWS[0][:4], "First thought.\n\nSecond thought.\n- one point")])
    [note] = to_obsidian(_selection(folder)).values()
    assert "First thought.\n\nSecond thought.\\\n\\- one point" in note


@pytest.mark.parametrize("title", ["CON", "nul", "AUX", "COM1.txt", "lpt9"])
def test_an_obsidian_note_is_never_named_as_a_windows_device(title: str) -> None:
    name = note_file_name(title, set())
    assert name == f"{title} (article).md"
    assert note_file_name("Conference", set()) == "Conference.md"


def test_notes_whose_names_differ_only_in_case_or_composition_never_share_a_file() -> None:
    # macOS and Windows see "Trump says.md" and "TRUMP SAYS.md" as one file: the second note
    # written would replace the first
    taken: set[str] = set()
    names = []
    for title in ["Trump says", "TRUMP SAYS", "Cafe\u0301 owners", "Caf\u00e9 owners"]:
        names.append(note_file_name(title, taken))
        taken.add(name_as_compared(names[-1]))
    assert names == [
        "Trump says.md",
        "TRUMP SAYS 2.md",
        "Cafe\u0301 owners.md",
        "Caf\u00e9 owners 2.md",
    ]


def test_citation_is_ready_to_paste(tagged: Path) -> None:
    selection = _selection(tagged, "source:king")
    [annotation] = selection.annotations
    text = citation(annotation, selection.article(annotation))
    assert text.startswith("“Their authority in Canada is exclusively” — Doug King, “ICE actions")


def _same(a: list[Annotation], b: list[Annotation]) -> None:
    def key(x: Annotation) -> tuple[object, ...]:
        return (
            x.id,
            x.start,
            x.end,
            x.quote,
            x.source,
            x.themes,
            x.note,
            x.created,
            x.updated,
            x.prefix,
            x.suffix,
            x.orphaned,
            x.kind,
            x.coder,
        )

    assert sorted(map(key, a)) == sorted(map(key, b))


# What each format cannot carry of the codebook (the README says so too).
NOT_CARRIED = {"w3c": {"theme colour", "theme description"}, "json": set(), "qdpx": set()}


def _codebook(store: Store) -> dict[str, str]:
    """The codebook's fields, by what they are: source and theme descriptions, colours."""
    book = {f"source description/{s.name}": s.description for s in store.sources()}
    for theme in store.themes():
        book[f"theme colour/{theme.name}"] = theme.colour
        book[f"theme description/{theme.name}"] = theme.description
    return {field: value for field, value in book.items() if value}


def _carried(book: dict[str, str], fmt: str) -> dict[str, str]:
    return {k: v for k, v in book.items() if k.split("/", 1)[0] not in NOT_CARRIED[fmt]}


def _describe(folder: Path) -> None:
    """Give the library's codebook descriptions and colours, and some annotations a later
    `updated` than `created` (merges keep the newer: it must survive a round trip)."""
    store = Store(folder / "reader.json")
    for source in store.sources():
        store.update_source(source.name, description=f"{source.name}, a person in the news")
    for index, theme in enumerate(store.themes()):
        store.update_theme(theme.name, colour=f"#0{index % 10}a0b0", description=f"{theme.name}!")
    later = [
        msgspec.structs.replace(a, updated="2031-01-02T03:04:05+00:00")
        for a in list(store.annotations())[::2]
    ]
    store.save_annotations(later)
    store.close()


def _round_trip(folder: Path, fmt: str) -> tuple[list[Annotation], list[Annotation]]:
    store = Store(folder / "reader.json")
    library = Library(folder, store)
    selection = select(store, library)
    before = list(store.annotations())
    book = _codebook(store)
    store.close()
    if fmt == "w3c":
        incoming = from_w3c(to_w3c(selection), "x")
    elif fmt == "json":
        incoming = from_json(to_json(selection), "x")
    else:
        incoming = from_qdpx(to_qdpx(selection), "x")
    assert incoming.refused == []
    (folder / "reader.json").unlink()
    shutil.rmtree(folder / ".reader-backups", ignore_errors=True)
    fresh = Store(folder / "reader.json")
    report = import_incoming(fresh, Library(folder, fresh), incoming)
    again = import_incoming(fresh, Library(folder, fresh), incoming)
    after = list(fresh.annotations())
    assert _codebook(fresh) == _carried(book, fmt)
    fresh.close()
    assert report.unplaced == [] and len(report.added) == len(before)
    assert again.added == [] and again.present == len(before)  # twice adds nothing twice
    return before, after


@pytest.mark.parametrize("fmt", ["w3c", "json", "qdpx"])
def test_export_then_import_into_an_empty_database_loses_nothing(tagged: Path, fmt: str) -> None:
    _describe(tagged)
    before, after = _round_trip(tagged, fmt)
    _same(before, after)


_names = st.sampled_from(["Doug King", "ICE", "Ana Ruiz", "the mayor’s office", "Zoë Ng"])
_themes = st.lists(
    st.sampled_from(["policing", "policing/oversight", "public safety", "tax"]), max_size=3
)
_notes = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30
)


@settings(max_examples=15, deadline=None)
@given(
    fmt=st.sampled_from(["w3c", "json", "qdpx"]),
    picks=st.lists(
        st.tuples(
            st.floats(0, 1), st.integers(1, 60), st.one_of(st.none(), _names), _themes, _notes
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_round_trip_of_any_annotations(
    fmt: str, picks: list[tuple[float, int, str | None, list[str], str]]
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = _library(Path(temp))
        store = Store(folder / "reader.json")
        library = Library(folder, store)
        library.scan()
        records = sorted(store.articles(), key=lambda r: r.path)
        for index, (where, length, source, themes, note) in enumerate(picks):
            record = records[index % len(records)]
            text = library.load(record).text
            start = int(where * (len(text) - 1))
            end = min(len(text), start + length)
            store.save_annotation(
                new_annotation(
                    record.id,
                    text,
                    start,
                    end,
                    source=source,
                    themes=themes,
                    note=note,
                    coder=CODERS[index % len(CODERS)],
                )
            )
        store.close()
        _describe(folder)
        before, after = _round_trip(folder, fmt)
        _same(before, after)


def test_a_collection_holding_its_items_itself_is_read_as_one_with_a_first_page(
    tagged: Path,
) -> None:
    """The model puts a collection's annotations on its `first` page; some tools write
    them on the collection itself (it read as none: "imported 0 annotations")."""
    paged = json.loads(to_w3c(_selection(tagged)))
    flat = {k: v for k, v in paged.items() if k != "first"} | {"items": paged["first"]["items"]}
    assert from_w3c(json.dumps(flat).encode(), "x") == from_w3c(json.dumps(paged).encode(), "x")
    assert len(from_w3c(json.dumps(flat).encode(), "x").items) == len(paged["first"]["items"]) > 0


def test_an_annotation_of_an_article_not_in_the_library_is_reported(
    tagged: Path, tmp_path: Path
) -> None:
    incoming = from_w3c(to_w3c(_selection(tagged, "source:king")), "x")
    other = tmp_path / "other"
    other.mkdir()
    store = Store(other / "reader.json")
    report = import_incoming(store, Library(other, store), incoming)
    store.close()
    assert report.added == [] and len(report.unplaced) == 1
    assert "is not in the library" in report.unplaced[0]


def test_an_import_that_leaves_annotations_out_exits_1_from_the_shell(
    tagged: Path, tmp_path: Path
) -> None:
    """A partial import (an annotation whose article this library lacks) is said line by
    line and exits 1, as a refused record does: a script can tell it from a whole one."""
    exported = tmp_path / "theirs.json"
    assert run_reader("export", "-f", "json", "-o", str(exported), "--library", str(tagged))
    data = json.loads(exported.read_text(encoding="utf-8"))
    elsewhere = {"id": 999, "path": "elsewhere.txt", "uri": "", "sha256": "0" * 64, "title": "X"}
    data["articles"].append({**data["articles"][0], **elsewhere})
    data["annotations"][0]["article_id"] = 999
    exported.write_text(json.dumps(data), encoding="utf-8")
    (tagged / "reader.json").unlink()
    result = run_reader("import", str(exported), "--library", str(tagged))
    assert result.returncode == 1
    assert "imported 3 annotations" in result.stdout
    assert "not imported" in result.stderr and "elsewhere.txt" in result.stderr


# --- the command line ----------------------------------------------------------------------------


def test_export_and_import_from_the_shell(tagged: Path, tmp_path: Path) -> None:
    shown = run_reader("export", "--library", str(tagged), "source:king")
    assert shown.returncode == 0 and "> “Their authority in Canada is exclusively”" in shown.stdout
    out = tmp_path / "quotes.csv"
    written = run_reader("export", "-f", "csv", "-o", str(out), "--library", str(tagged))
    assert (
        written.returncode == 0
        and f"Exported 4 annotations from 2 articles to {out}" in written.stderr
    )
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,quote,source")
    needs_file = run_reader("export", "-f", "qdpx", "--library", str(tagged))
    assert needs_file.returncode == 2 and "needs -o FILE.qdpx" in needs_file.stderr
    project = tmp_path / "project.qdpx"
    assert (
        run_reader("export", "-f", "qdpx", "-o", str(project), "--library", str(tagged)).returncode
        == 0
    )
    notes = tmp_path / "vault"
    assert (
        run_reader(
            "export", "-f", "obsidian", "-o", str(notes), "--library", str(tagged)
        ).returncode
        == 0
    )
    assert len(list(notes.glob("*.md"))) == 2
    (tagged / "reader.json").unlink()
    first = run_reader("import", str(project), "--library", str(tagged))
    assert first.returncode == 0 and "imported 4 annotations" in first.stdout
    again = run_reader("import", str(project), "--json", "--library", str(tagged))
    assert json.loads(again.stdout) == {
        "imported": 0,
        "ours_kept_beside": 0,
        "updated": 0,
        "kept_beside": 0,
        "articles_copied": [],
        "codebook_added": 0,
        "present": 4,
        "stayed_deleted": 0,
        "deleted_as_there": 0,
        "deletions_not_taken": 0,
        "orphaned": 0,
        "notes_dropped": [],
        "refused": [],
        "held_twice": [],
        "not_placed": [],
        "positions": {"codepoints": 0, "utf16": 0, "either": 0, "neither": 0},
    }


@pytest.mark.parametrize(
    ("content", "fmt", "message"),
    [
        (b"{not json", "w3c", "not JSON"),
        (b'{"type": "Person"}', "w3c", "no Web Annotation"),
        (b"[1, 2, 3]", "w3c", "no Web Annotation among its 3 items"),
        (
            b'{"type": "AnnotationCollection", "first": "https://example.org/p1"}',
            "w3c",
            "its annotations are on a page elsewhere (https://example.org/p1)",
        ),
        ('{"format": "caf\u00e9"}'.encode("utf-16"), "json", "JSON in UTF-16, not UTF-8"),
        ('{"note": "caf\u00e9 " }'.encode("cp1252"), "w3c", "JSON in a legacy encoding"),
        (b"[1, 2]", "json", "not a Reader JSON export"),
        (b"PK\x03\x04broken", "qdpx", "not a REFI-QDA project"),
    ],
)
def test_a_bad_import_file_is_one_line(
    tagged: Path, tmp_path: Path, content: bytes, fmt: str, message: str
) -> None:
    bad = tmp_path / "bad.file"
    bad.write_bytes(content)
    result = run_reader("import", str(bad), "-f", fmt, "--library", str(tagged))
    assert result.returncode == 1 and message in result.stderr and str(bad) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("annotations.csv", "\ufeffid,article,quote\r\n1,a.txt,word\r\n".encode(), "a CSV file"),
        ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "a binary file"),
    ],
)
def test_importing_an_export_only_or_binary_file_names_what_import_reads(
    tagged: Path, tmp_path: Path, name: str, content: bytes, what: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run_reader("import", str(bad), "--library", str(tagged))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert str(bad) in line and what in line and "not JSON" not in line
    assert "(.qdpx)" in line and "export-only" in line


def test_every_export_names_the_coder(tagged: Path) -> None:
    selection = _selection(tagged)
    rows = list(csv.DictReader(io.StringIO(to_csv(selection).lstrip("\ufeff"))))
    assert {row["coder"] for row in rows} == set(CODERS)
    assert {a["coder"] for a in json.loads(to_json(selection))["annotations"]} == set(CODERS)
    items = json.loads(to_w3c(selection))["first"]["items"]
    creators = [item.get("creator") for item in items]
    assert {"type": "Person", "name": "alice"} in creators and None in creators
    with zipfile.ZipFile(io.BytesIO(to_qdpx(selection))) as zipped:
        project = etree.fromstring(zipped.read("project.qde"))
    users = {u.get("guid"): u.get("name") for u in project.iter(f"{{{NAMESPACE}}}User")}
    assert sorted(users.values()) == ["Reader", "Reader", "Zoë Ng", "alice"]
    selections = list(project.iter(f"{{{NAMESPACE}}}PlainTextSelection"))
    assert all(s.get("creatingUser") in users for s in selections)


@pytest.mark.parametrize("fmt", ["csv", "obsidian"])
def test_an_export_into_a_folder_that_does_not_exist_is_refused(
    tagged: Path, tmp_path: Path, fmt: str
) -> None:
    missing = tmp_path / "nonexistent-dir"
    result = run_reader("export", "-f", fmt, "-o", str(missing / "x"), "--library", str(tagged))
    assert result.returncode == 2
    assert result.stderr == f"reader: {missing}: no such folder (for {missing / 'x'}); " \
        "create it first, or give another path\n"  # fmt: skip
    assert not missing.exists()


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(
    tagged: Path,
) -> None:
    from dataclasses import replace

    from reader.core.spreadsheet import spreadsheet_safe

    selection = _selection(tagged)
    first = selection.annotations[0]
    evil = replace(selection, annotations=[msgspec.structs.replace(first, note="=1+1")])
    rows = list(csv.DictReader(io.StringIO(to_csv(evil).removeprefix("\ufeff"))))
    assert rows[0]["note"] == "'=1+1"

    for formula in ('=HYPERLINK("http://evil/")', "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-A1"):
        assert spreadsheet_safe(formula) == "'" + formula
    for kept in ("-12", "3.5", "Doug King", "“We will”", 42, "", "a=b"):
        assert spreadsheet_safe(kept) == kept


def test_qdpx_gives_each_article_its_site_author_date_and_address(tmp_path: Path) -> None:
    """A study compares outlets and dates: the QDA tools read them as document variables
    (the export gave the address alone, as a description)."""
    folder = _library(tmp_path)
    (folder / "rent.md").write_text(
        "---\n"
        'title: "Rents rise again"\nauthor: "Maya Chen"\nsite: "The Ledger"\n'
        'published: "2026-03-04T08:00:00+00:00"\nurl: "https://ledger.example/rents"\n'
        "---\n\n# Rents rise again\n\n“Rents are up,” said Ana Ruiz.\n",
        encoding="utf-8",
    )
    _tag(folder, [*ROWS, ("rent.md", "Rents are up,", "Ana Ruiz", ["housing"], "")])
    with zipfile.ZipFile(io.BytesIO(to_qdpx(_selection(folder)))) as zipped:
        project = etree.fromstring(zipped.read("project.qde"))
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(project), schema.error_log
    q = f"{{{NAMESPACE}}}"
    declared = {
        v.get("guid"): (v.get("name"), v.get("typeOfVariable"))
        for v in project.iter(f"{q}Variable")
    }
    assert sorted(declared.values()) == [
        ("Address", "Text"),
        ("Author", "Text"),
        ("Published", "Date"),
        ("Site", "Text"),
    ]
    values = {}
    for source in project.iter(f"{q}TextSource"):
        for held in source.iter(f"{q}VariableValue"):
            name = declared[held.find(f"{q}VariableRef").get("targetGUID")][0]
            values[(source.get("name"), name)] = held[1].text
    assert values == {
        ("Rents rise again", "Site"): "The Ledger",
        ("Rents rise again", "Author"): "Maya Chen",
        ("Rents rise again", "Published"): "2026-03-04",
        ("Rents rise again", "Address"): "https://ledger.example/rents",
    }  # (the sample .txt articles know none of these: no values, no empty ones)


def test_an_export_never_replaces_a_link_nor_another_librarys_database(
    tagged_library: Path, tmp_path: Path
) -> None:
    """`-o /dev/stdout --force` with stdout a pipe replaced /dev/stdout with a file (as
    root), and `-o lib15/reader.json --force` another library's database (a tester's
    findings). A link is written through, to the file it leads to; a link to no regular
    file, and a Reader database, are refused."""
    where = ("--library", str(tagged_library))
    other = tmp_path / "other"
    other.mkdir()
    run_reader("add", str(tagged_library / "ice-canada-offices.txt"), "--library", str(other))
    database = other / "reader.json"
    before = database.read_bytes()
    over = run_reader("export", *where, "-f", "json", "-o", str(database), "--force")
    assert over.returncode != 0 and "that is a Reader database" in over.stderr
    assert database.read_bytes() == before
    cloned = tmp_path / "clone"  # (a git clone: reader.json with nothing beside it)
    cloned.mkdir()
    (cloned / "reader.json").write_bytes(before)
    over = run_reader("export", *where, "-f", "json", "-o", str(cloned / "reader.json"), "--force")
    assert over.returncode != 0 and (cloned / "reader.json").read_bytes() == before
    journal = other / ".reader.json.journal"
    journal.write_bytes(b"kept")
    over = run_reader("export", *where, "-o", str(journal), "--force")
    assert over.returncode != 0 and journal.read_bytes() == b"kept"
    journal = other / ".team\nreader.json.journal"  # (a database named with a line break)
    journal.write_bytes(b"kept")
    over = run_reader("export", *where, "-o", str(journal), "--force")
    assert over.returncode != 0 and journal.read_bytes() == b"kept"
    log = tmp_path / "log.md"
    log.write_text("earlier lines\n", encoding="utf-8")
    for spelling in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"):  # (each its own way)
        with log.open("a", encoding="utf-8") as appended:
            done = subprocess.run(
                [sys.executable, "-m", "reader", "export", *where, "-o", spelling, "--force"],
                stdout=appended,
                text=True,
                check=False,
            )
        assert done.returncode == 0
        assert log.read_text(encoding="utf-8").startswith("earlier lines\n")
    assert log.read_text(encoding="utf-8").count("Doug King") >= 3
    errors = tmp_path / "err.log"  # (standard error: refused, the log kept)
    errors.write_text("earlier errors\n", encoding="utf-8")
    with errors.open("a", encoding="utf-8") as appended:
        done = subprocess.run(
            [sys.executable, "-m", "reader", "export", *where, "-o", "/dev/stderr", "--force"],
            stderr=appended,
            stdout=subprocess.DEVNULL,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert errors.read_text(encoding="utf-8").startswith("earlier errors\n")
    ours = tmp_path / "out" / "reader.json"  # (an export of that name is no database)
    ours.parent.mkdir()
    for _ in range(2):
        done = run_reader("export", *where, "-f", "json", "-o", str(ours), "--force")
        assert done.returncode == 0, done.stderr
    pretty = tmp_path / "pretty"  # (a database pretty-printed, its keys sorted)
    pretty.mkdir()
    (pretty / "reader.json").write_text(
        json.dumps(json.loads(before), indent=2, sort_keys=True), encoding="utf-8"
    )
    kept = (pretty / "reader.json").read_bytes()
    over = run_reader("export", *where, "-f", "json", "-o", str(pretty / "reader.json"), "--force")
    assert over.returncode != 0 and (pretty / "reader.json").read_bytes() == kept
    pipe = tmp_path / "stdout"
    pipe.symlink_to("/proc/self/fd/1")
    piped = run_reader("export", *where, "-o", str(pipe), "--force")
    assert piped.returncode != 0 and "a link to no regular file" in piped.stderr
    assert pipe.is_symlink()
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run_reader("export", *where, "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and "Doug King" in real.read_text(encoding="utf-8")
