"""Codings that land on the tagged words in the next tool, whatever unit it counts in.

An article with emoji and a CJK Extension B character (𠮷, U+20BB7) before and inside its
quotes is exported in both units and both formats; each test slices the text the way the
receiving tool counts: UTF-16 code units (Qt, .NET, JavaScript) or code points (Python,
the W3C model), and the import reads both back on the same words.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from reader.core.records import Annotation, new_annotation
from reader.core.text_units import CODEPOINTS, UTF16
from reader.interchange.importing import ImportReport, import_incoming
from reader.interchange.position_units import EITHER, NEITHER, Reading, read_span
from reader.interchange.qdpx import NAMESPACE, from_qdpx, to_qdpx
from reader.interchange.selection import Selection, select
from reader.interchange.w3c import from_w3c, to_w3c
from reader.library.folder import Library
from reader.storage.database import Store
from tests.helpers.cli import run_reader
from tests.helpers.w3c_schema import annotation_failures

ARTICLE = (
    "Fans 😀🎉 of 𠮷野家 queue\n\n"
    "The owner said: “Our 𠮷 sign stays 👍 forever,” and smiled.\n\n"
    "Later 👨‍👩‍👧 visitors wrote: “Best beef bowl in town.”\n"
    "Their guide added: “Come early.\n\nThe queue 🎉 is long.”\n"
)
QUOTES = [
    "Fans",  # nothing astral before or inside: the units agree
    "Our 𠮷 sign stays 👍 forever,",  # astral before and inside
    "Best beef bowl in town.",  # astral before only
    "Come early.\n\nThe queue 🎉 is long.",  # over two paragraphs
]
Q = f"{{{NAMESPACE}}}"


def _utf16_slice(text: str, start: int, end: int) -> str:
    """The text at UTF-16 positions, as Qt's QTextCursor or a JavaScript string has it."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def _slice(text: str, start: int, end: int, unit: str) -> str:
    return _utf16_slice(text, start, end) if unit == UTF16 else text[start:end]


@pytest.fixture
def astral(tmp_path: Path) -> Path:
    """A library of one article with emoji and 𠮷 around its four tagged quotes."""
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "queue.txt").write_text(ARTICLE, encoding="utf-8")
    store = Store(folder / "reader.json")
    library = Library(folder, store)
    library.scan()
    [record] = store.articles()
    text = library.load(record).text
    for number, quote in enumerate(QUOTES):
        start = text.index(quote)
        annotation = new_annotation(
            record.id, text, start, start + len(quote), source="Owner", themes=[f"t{number}"]
        )
        store.save_annotation(annotation)
    store.close()
    return folder


def _selection(folder: Path) -> Selection:
    store = Store(folder / "reader.json")
    try:
        return select(store, Library(folder, store))
    finally:
        store.close()


def _qdpx_spans(data: bytes) -> tuple[str, list[tuple[int, int, str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        project = etree.fromstring(zipped.read("project.qde"))
        [source] = project.iter(f"{Q}TextSource")
        path = source.get("plainTextPath").removeprefix("internal://")
        text = zipped.read(f"sources/{path}").decode("utf-8")
    spans = [
        (int(s.get("startPosition")), int(s.get("endPosition")), s.get("name"))
        for s in source.iter(f"{Q}PlainTextSelection")
    ]
    return text, spans


def test_qdpx_counts_utf16_by_default_so_qt_draws_each_coding_on_its_quote(astral: Path) -> None:
    text, spans = _qdpx_spans(to_qdpx(_selection(astral)))
    assert sorted(_utf16_slice(text, start, end) for start, end, _ in spans) == sorted(QUOTES)
    # what Reader exported before: code points, drawn early by one per emoji in Qt
    assert any(text[start:end] not in QUOTES for start, end, _ in spans)


def test_qdpx_in_code_points_when_asked(astral: Path) -> None:
    text, spans = _qdpx_spans(to_qdpx(_selection(astral), CODEPOINTS))
    assert sorted(text[start:end] for start, end, _ in spans) == sorted(QUOTES)
    assert all(name == text[start:end] for start, end, name in spans)  # the quote as name


@pytest.mark.parametrize("unit", [CODEPOINTS, UTF16])
def test_w3c_positions_and_quote_selector_name_the_same_words(astral: Path, unit: str) -> None:
    selection = _selection(astral)
    [article] = selection.articles.values()
    assert article.text is not None
    items = json.loads(to_w3c(selection, unit))["first"]["items"]
    for item in items:
        assert annotation_failures(item) == []
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert quote["exact"] in QUOTES and {"prefix", "suffix"} <= quote.keys()
        assert _slice(article.text, position["start"], position["end"], unit) == quote["exact"]


def test_w3c_counts_code_points_by_default_as_the_model_requires(astral: Path) -> None:
    selection = _selection(astral)

    def made(unit: str | None) -> dict[str, object]:
        made = json.loads(to_w3c(selection) if unit is None else to_w3c(selection, unit))
        del made["generated"]  # (the two calls may fall on either side of a second)
        return made

    assert made(None) == made(CODEPOINTS)


def _key(annotation: Annotation) -> tuple[Any, ...]:
    return (
        annotation.id,
        annotation.start,
        annotation.end,
        annotation.quote,
        annotation.prefix,
        annotation.suffix,
        annotation.source,
        annotation.themes,
        annotation.kind,
        annotation.orphaned,
    )


def _import_into_empty(folder: Path, fmt: str, unit: str) -> tuple[list[Any], ImportReport]:
    selection = _selection(folder)
    if fmt == "qdpx":
        incoming = from_qdpx(to_qdpx(selection, unit), "x.qdpx")
    else:
        incoming = from_w3c(to_w3c(selection, unit), "x.jsonld")
    (folder / "reader.json").unlink()
    store = Store(folder / "reader.json")
    try:
        report = import_incoming(store, Library(folder, store), incoming)
        return sorted(map(_key, store.annotations())), report
    finally:
        store.close()


@pytest.mark.parametrize("fmt", ["qdpx", "w3c"])
@pytest.mark.parametrize("unit", [CODEPOINTS, UTF16])
def test_export_then_import_in_either_unit_gives_the_same_annotations(
    astral: Path, fmt: str, unit: str
) -> None:
    store = Store(astral / "reader.json")
    before = sorted(map(_key, store.annotations()))
    store.close()
    after, report = _import_into_empty(astral, fmt, unit)
    assert after == before
    assert report.units == {unit: len(QUOTES) - 1, EITHER: 1}  # "Fans" is the same in both


def test_a_qualcoder_name_with_paragraph_separators_still_tells_the_unit(astral: Path) -> None:
    """QualCoder writes a selection's text as Qt gives it: U+2029 between paragraphs."""
    data = to_qdpx(_selection(astral))
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        members = {name: zipped.read(name) for name in zipped.namelist()}
    project = members["project.qde"].decode("utf-8").replace("&#10;", "\u2029")
    assert "\u2029" in project
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        for name, content in members.items():
            zipped.writestr(name, project if name == "project.qde" else content)
    incoming = from_qdpx(out.getvalue(), "qualcoder.qdpx")
    assert sorted(item.quote for item in incoming.items) == sorted(QUOTES)
    assert {item.read_as for item in incoming.items} == {UTF16, EITHER}


def test_a_hypothesis_style_annotation_in_utf16_is_read_as_utf16(astral: Path) -> None:
    text = ARTICLE
    quote = "Best beef bowl in town."
    start = len(text[: text.index(quote)].encode("utf-16-le")) // 2  # as JavaScript counts
    annotation = {
        "type": "Annotation",
        "id": "https://hypothes.is/a/abc",
        "target": {
            "source": "queue.txt",
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": start + len(quote)},
                {"type": "TextQuoteSelector", "exact": quote},
            ],
        },
    }
    store = Store(astral / "reader.json")
    try:
        report = import_incoming(
            store, Library(astral, store), from_w3c(json.dumps(annotation), "h.json")
        )
    finally:
        store.close()
    [added] = report.added
    assert report.units == {UTF16: 1}
    assert ARTICLE[added.start : added.end] == quote and not added.orphaned


def test_positions_that_fit_neither_unit_are_found_by_their_quote(astral: Path) -> None:
    quote = "Best beef bowl in town."
    annotation = {
        "type": "Annotation",
        "id": "urn:uuid:7d3f2a9c-0c55-4a52-8f5e-1c1b4c2d9e01",
        "target": {
            "source": "queue.txt",
            "selector": [
                {"type": "TextPositionSelector", "start": 3, "end": 3 + len(quote)},
                {"type": "TextQuoteSelector", "exact": quote},
            ],
        },
    }
    store = Store(astral / "reader.json")
    try:
        report = import_incoming(
            store, Library(astral, store), from_w3c(json.dumps(annotation), "h.json")
        )
    finally:
        store.close()
    [added] = report.added
    assert report.units == {NEITHER: 1}
    assert ARTICLE[added.start : added.end] == quote and not added.orphaned


def test_a_position_inside_a_surrogate_pair_is_not_utf16() -> None:
    text = "😀a😀b"
    # start 2 is inside the first 😀 in UTF-16, so only code points can be meant
    assert read_span(text, 2, 4, "😀b", prefer=UTF16) == read_span(text, 2, 4, "", prefer=UTF16)
    assert read_span(text, 2, 4, "😀b", prefer=UTF16).unit == CODEPOINTS
    # where both units hold the quote, the preferred one wins
    assert read_span("ab", 0, 1, "a", prefer=UTF16).unit == EITHER
    assert read_span("😀aaa", 2, 3, "a", prefer=CODEPOINTS) == Reading(2, 3, CODEPOINTS)
    assert read_span("😀aaa", 2, 3, "a", prefer=UTF16) == Reading(1, 2, UTF16)


def test_a_name_cut_short_tells_the_unit_by_its_start() -> None:
    text = "🎉 " + "word " * 40
    quote = text[2:200]
    reading = read_span(text, 3, 201, quote[:80], prefer=CODEPOINTS, partial=True)
    assert reading.unit == UTF16 and text[reading.start : reading.end] == quote


# --- from the shell ------------------------------------------------------------------------------


def _export_import(folder: Path, tmp_path: Path, *options: str) -> str:
    fmt = options[1]
    out = tmp_path / f"export.{fmt}"
    written = run_reader("export", *options, "-o", str(out), "--library", str(folder))
    assert written.returncode == 0, written.stderr
    (folder / "reader.json").unlink()
    imported = run_reader("import", str(out), "--library", str(folder))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.count("\n") == 1  # one line
    return imported.stdout


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("-f", "qdpx"), "positions read as UTF-16 code units"),
        (("-f", "qdpx", "--positions", "codepoints"), "positions read as Unicode code points"),
        (("-f", "w3c"), "positions read as Unicode code points"),
        (("-f", "w3c", "--positions", "utf16"), "positions read as UTF-16 code units"),
    ],
)
def test_the_import_line_says_which_unit_the_export_used(
    astral: Path, tmp_path: Path, options: tuple[str, ...], said: str
) -> None:
    line = _export_import(astral, tmp_path, *options)
    database = (tmp_path / "library").resolve() / "reader.json"
    assert line == (
        f"imported 4 annotations from {tmp_path / f'export.{options[1]}'} into {database}; {said}\n"
    )


def test_the_import_line_says_nothing_of_units_when_they_agree(
    tagged_library: Path, tmp_path: Path
) -> None:
    line = _export_import(tagged_library, tmp_path, "-f", "qdpx")
    assert line.startswith("imported 2 annotations") and "positions" not in line


def test_import_json_counts_the_units(astral: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.qdpx"
    assert (
        run_reader("export", "-f", "qdpx", "-o", str(out), "--library", str(astral)).returncode == 0
    )
    (astral / "reader.json").unlink()
    imported = run_reader("import", str(out), "--json", "--library", str(astral))
    assert json.loads(imported.stdout)["positions"] == {
        "codepoints": 0,
        "utf16": 3,
        "either": 1,
        "neither": 0,
    }


def test_positions_for_a_format_without_positions_is_a_usage_error(astral: Path) -> None:
    done = run_reader("export", "-f", "csv", "--positions", "utf16", "--library", str(astral))
    assert done.returncode == 2
    assert done.stderr == "reader: --positions applies to w3c and qdpx, not to csv\n"


def test_export_help_explains_positions() -> None:
    help_text = run_reader("export", "--help").stdout
    assert "--positions {codepoints,utf16}" in help_text and "UTF-16 code units" in help_text
    assert "--positions UNIT" in run_reader("--help").stdout
