"""Imports treated as hostile: every record is checked as loading checks it, before writing.

Whatever a file holds, `reader import` ends with exit 0 or 1, says what it refused in lines
that begin `reader:`, never prints a traceback, and leaves a database that opens with every
annotation it had. A record that fails is named by its id and skipped, never stored.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli.main import main
from reader.interchange.fields import ImportFileError
from reader.interchange.qdpx import from_qdpx
from reader.storage.database import Store
from tests.helpers.paths import DATA, GOLD, ICE
from tests.helpers.profile import FUZZ_EXAMPLES, FUZZ_SECONDS

HOSTILE = DATA / "hostile" / "imports"
ICE_TEXT = (GOLD / ICE).read_text(encoding="utf-8")
QUOTE = "Our collaboration benefits communities in both countries,"
START = ICE_TEXT.index(QUOTE)


def run_import(library: Path, file: Path, *extra: str) -> int:
    return main(["import", str(file), "--library", str(library), *extra])


def annotation_ids(library: Path) -> set[str]:
    store = Store(library / "reader.json", backups=False)
    try:
        return {a.id for a in store.annotations()}
    finally:
        store.close()


def w3c(**position: Any) -> dict[str, Any]:
    """A W3C annotation of the ICE quote, with the position selector's fields given."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:0f6f1d58-0a39-4d38-9f5e-1b1a4cfe0001",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "ICE", "purpose": "identifying"}],
        "target": {
            "source": ICE,
            "selector": [
                {"type": "TextQuoteSelector", "exact": QUOTE},
                {"type": "TextPositionSelector", **position},
            ],
        },
    }


def write(tmp_path: Path, name: str, document: Any) -> Path:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return path


@pytest.mark.parametrize(
    "position",
    [
        {"start": True, "end": START + len(QUOTE)},
        {"start": START, "end": False},
        {"start": -5, "end": START + len(QUOTE)},
        {"start": START + len(QUOTE), "end": START},
        {"start": float(START), "end": START + len(QUOTE) + 0.5},
        {"start": str(START), "end": str(START + len(QUOTE))},
    ],
)
def test_a_position_that_is_not_a_position_never_reaches_the_database(
    tagged_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    position: dict[str, Any],
) -> None:
    before = annotation_ids(tagged_library)
    status = run_import(tagged_library, write(tmp_path, "in.jsonld", w3c(**position)))
    err = capsys.readouterr().err
    assert status in (0, 1)
    assert "Traceback" not in err
    after = annotation_ids(tagged_library)  # the database still opens
    assert before <= after
    # Either refused by id, or placed by its quote (never stored with the bad position).
    if after != before:
        store = Store(tagged_library / "reader.json", backups=False)
        [new] = [a for a in store.annotations() if a.id not in before]
        assert type(new.start) is int and 0 <= new.start <= new.end
        assert ICE_TEXT[new.start : new.end] == QUOTE
        store.close()
    else:
        assert status == 1 and "0f6f1d58-0a39-4d38-9f5e-1b1a4cfe0001" in err


@pytest.mark.parametrize(
    ("name", "document"),
    [
        (
            "nan.json",
            '{"format": "reader-annotations", "version": 1, "annotations": '
            '[{"id": "a", "quote": "x", "start": NaN, "end": Infinity}]}',
        ),
        (
            "themes.json",
            {
                "format": "reader-annotations",
                "version": 1,
                "annotations": [{"id": "a", "quote": "x", "start": 1, "end": 2, "themes": 7}],
            },
        ),
        (
            "source.json",
            {
                "format": "reader-annotations",
                "version": 1,
                "annotations": [{"id": "a", "quote": "x", "start": 1, "end": 2, "source": ["x"]}],
            },
        ),
        (
            "no-id.json",
            {
                "format": "reader-annotations",
                "version": 1,
                "annotations": [{"quote": "x", "start": 1, "end": 2}],
            },
        ),
        ("object.json", {"format": "reader-annotations", "version": 1, "annotations": {"a": 1}}),
        ("version.json", {"format": "reader-annotations", "version": "one"}),
        ("target-int.jsonld", {"type": "Annotation", "id": "x", "target": 5}),
        ("target-list.jsonld", {"type": "Annotation", "id": "x", "target": [[1], {"a": 2}]}),
        (
            "selector.jsonld",
            {
                "type": "Annotation",
                "id": "x",
                "target": {"source": ICE, "selector": [7, None, "x"]},
            },
        ),
        (
            "body.jsonld",
            {
                "type": "Annotation",
                "id": "x",
                "body": {"value": {"a": 1}},
                "target": {"source": ICE},
            },
        ),
        ("deep.jsonld", "[" * 1_000_000 + "]" * 1_000_000),
        ("items.jsonld", {"type": "AnnotationCollection", "first": {"items": 5}}),
        ("string.jsonld", '"just a string"'),
    ],
)
def test_a_malformed_file_is_a_one_line_error_never_a_traceback(
    tagged_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    document: Any,
) -> None:
    before = annotation_ids(tagged_library)
    status = run_import(tagged_library, write(tmp_path, name, document))
    err = capsys.readouterr().err
    assert status in (0, 1)
    assert err.strip(), "a malformed file must be reported"
    assert all(line.startswith("reader") for line in err.strip().splitlines())
    assert annotation_ids(tagged_library) >= before


def qdpx(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()


PROJECT = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="test">'
    '<Sources><TextSource guid="{g}" name="ICE" plainTextPath="internal://{g}.txt">'
    '<PlainTextSelection guid="s1" name="q" startPosition="{start}" endPosition="{end}"/>'
    "</TextSource></Sources></Project>"
)


def test_a_qdpx_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    guid = "b0b0b0b0-0000-0000-0000-000000000001"
    bomb = qdpx(
        {
            "project.qde": PROJECT.format(g=guid, start=0, end=4).encode(),
            f"sources/{guid}.txt": b"\0" * (60 * 1024 * 1024),  # 60 MB of nothing, ~60 KB zipped
        }
    )
    assert len(bomb) < 200_000
    with pytest.raises(ImportFileError, match="too big"):
        from_qdpx(bomb, "bomb.qdpx")


@pytest.mark.parametrize("depth", [40, 100_000])
def test_codes_nested_too_deep_are_refused_in_one_line(depth: int) -> None:
    # 67 KB of codes each inside the last made 3.9 GB of theme paths; 100,000 overflowed.
    code = "<Code guid='g{n}' name='theme {n}' isCodable='true'>"
    codes = "".join(code.format(n=n) for n in range(depth)) + "</Code>" * depth
    project = (
        "<Project xmlns='urn:QDA-XML:project:1.0'><CodeBook><Codes>"
        f"{codes}</Codes></CodeBook></Project>"
    )
    with pytest.raises(ImportFileError, match="nested more than"):
        from_qdpx(qdpx({"project.qde": project.encode()}), "deep.qdpx")


def test_the_whole_archive_is_bounded_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.interchange.qdpx as module

    monkeypatch.setattr(module, "MAX_MEMBER_BYTES", 1000)
    monkeypatch.setattr(module, "MAX_TOTAL_BYTES", 2500)
    members = {f"sources/{n}.txt": b"x" * 900 for n in range(4)}
    members["project.qde"] = b"<Project xmlns='urn:QDA-XML:project:1.0'/>"
    with pytest.raises(ImportFileError, match="too big"):
        from_qdpx(qdpx(members), "many.qdpx")


@pytest.mark.parametrize(
    ("start", "end"),
    [("abc", "4"), ("1e9", "2"), ("-3", "2"), ("9" * 400, "1"), ("", "")],
)
def test_qdpx_positions_that_are_not_numbers_are_reported_by_selection(
    start: str, end: str
) -> None:
    guid = "b0b0b0b0-0000-0000-0000-000000000002"
    data = qdpx(
        {
            "project.qde": PROJECT.format(g=guid, start=start, end=end).encode(),
            f"sources/{guid}.txt": ICE_TEXT.encode(),
        }
    )
    incoming = from_qdpx(data, "bad.qdpx")
    assert incoming.items == [] and len(incoming.refused) == 1 and "s1" in incoming.refused[0]


def test_a_corrupt_zip_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guid = "b0b0b0b0-0000-0000-0000-000000000003"
    data = bytearray(
        qdpx(
            {
                "project.qde": PROJECT.format(g=guid, start=0, end=4).encode(),
                f"sources/{guid}.txt": ICE_TEXT.encode() * 20,
            }
        )
    )
    middle = len(data) // 2
    data[middle : middle + 40] = b"\xff" * 40  # damage the compressed text
    path = tmp_path / "corrupt.qdpx"
    path.write_bytes(bytes(data))
    status = main(["import", str(path), "--library", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1 and "corrupt.qdpx" in err


# --- fuzzing -------------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELD = st.sampled_from(["start", "end", "exact", "source", "id", "type", "value", "purpose"])
W3C_LIKE = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["Annotation", ["Annotation"], "AnnotationPage", 5]),
        "id": JSON,
        "body": JSON | st.lists(st.dictionaries(FIELD, JSON, max_size=4), max_size=3),
        "target": JSON
        | st.fixed_dictionaries(
            {
                "source": st.sampled_from([ICE, "x.txt", 3, None]),
                "selector": st.lists(
                    st.dictionaries(FIELD, JSON, max_size=4).map(
                        lambda d: {"type": "TextPositionSelector", **d}
                    ),
                    max_size=3,
                ),
            }
        ),
    }
)
READER_LIKE = st.fixed_dictionaries(
    {
        "format": st.just("reader-annotations"),
        "version": JSON,
        "articles": JSON,
        "annotations": JSON | st.lists(st.dictionaries(FIELD, JSON, max_size=6), max_size=3),
        "sources": JSON,
    }
)


@settings(max_examples=FUZZ_EXAMPLES)
@given(document=JSON | W3C_LIKE | READER_LIKE | st.lists(W3C_LIKE, max_size=3))
def test_any_json_value_imports_or_fails_cleanly(
    fuzz_library: Path, document: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _import_cleanly(fuzz_library, json.dumps(document).encode(), tmp_path_factory, ".jsonld")


@settings(max_examples=FUZZ_EXAMPLES)
@given(data=st.binary(max_size=400))
def test_any_bytes_import_or_fail_cleanly(
    fuzz_library: Path, data: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _import_cleanly(fuzz_library, data, tmp_path_factory, ".qdpx")
    _import_cleanly(fuzz_library, data, tmp_path_factory, ".json")


@pytest.fixture(scope="module")
def fuzz_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.helpers.seeding import ICE_QUOTES, tag_quotes

    folder = tmp_path_factory.mktemp("fuzz") / "library"
    folder.mkdir()
    (folder / ICE).write_text(ICE_TEXT, encoding="utf-8")
    tag_quotes(folder, [row for row in ICE_QUOTES if row[0] == ICE])
    return folder


_STARTED: dict[str, float] = {}


def _out_of_time(test: str) -> bool:
    """Under `make stress`, the three fuzzed kinds of file share READER_FUZZ_MINUTES."""
    if FUZZ_SECONDS is None:
        return False
    started = _STARTED.setdefault(test, time.monotonic())
    return time.monotonic() - started > FUZZ_SECONDS / 3


def _import_cleanly(
    library: Path, data: bytes, factory: pytest.TempPathFactory, suffix: str
) -> None:
    import contextlib

    if _out_of_time(suffix):
        return
    before = annotation_ids(library)
    path = factory.mktemp("in") / f"file{suffix}"
    path.write_bytes(data)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["import", str(path), "--library", str(library)])
    assert status in (0, 1)
    lines = err.getvalue().strip().splitlines()
    assert all(line.startswith("reader") for line in lines), lines
    assert annotation_ids(library) >= before


def test_a_target_holding_line_breaks_is_reported_on_one_line(
    fuzz_library: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Found by the fuzzer: "\x85" (NEXT LINE) and "\u2028" split a message for str.splitlines.
    document = [
        {"type": "Annotation", "target": "\x85", "body": []},
        {"type": "Annotation", "target": "a\u2028b\nc.txt", "body": []},
    ]
    _import_cleanly(fuzz_library, json.dumps(document).encode(), tmp_path_factory, ".jsonld")


def _stored(library: Path) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    store = Store(library / "reader.json", backups=False)
    try:
        return {a.id: (a.source, a.themes) for a in store.annotations()}
    finally:
        store.close()


@pytest.mark.parametrize(
    "dates",
    [
        {},  # no time at all: it was taken for "now", newer than any edit of ours
        {"created": "2026-02-01T09:00:00Z", "modified": "zzzz"},  # sorts after every date
        {"created": "2026-02-01T09:00:00Z", "modified": "9999-12-31T23:59:59Z"},
    ],
    ids=["undated", "not-a-time", "year-9999"],
)
def test_a_file_whose_time_cannot_be_trusted_never_replaces_our_annotation(
    tagged_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], dates: dict[str, str]
) -> None:
    before = _stored(tagged_library)
    exported = tmp_path / "ours.jsonld"
    assert main(["export", "-f", "w3c", "-o", str(exported), "--library", str(tagged_library)]) == 0
    item = json.loads(exported.read_text(encoding="utf-8"))["first"]["items"][0]
    for key in ("created", "modified", "creator"):
        item.pop(key, None)
    item.update(dates)
    item["body"] = [
        {"type": "TextualBody", "value": "Someone Else", "purpose": "identifying"},
        {"type": "TextualBody", "value": "hijacked", "purpose": "tagging"},
    ]
    forged = write(tmp_path, "forged.jsonld", [item])
    capsys.readouterr()
    assert run_import(tagged_library, forged) == 0
    assert "updated" not in capsys.readouterr().out
    assert _stored(tagged_library) == before


def test_a_number_of_thousands_of_digits_is_said_in_the_user_s_words(
    tagged_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Python's own message advised calling sys.set_int_max_str_digits()
    document = '{"annotations": [{"id": "x", "start": ' + "9" * 5000 + "}]}"
    assert run_import(tagged_library, write(tmp_path, "digits.json", document)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "digits.json" in err and "5,000 digits" in err
    assert "sys." not in err


def test_two_different_records_of_one_id_import_the_newer_and_name_the_other(
    tagged_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # of equal times the first is kept; the one left out is named by its id as the file
    # spells it (Reader's own form of it, which the file does not hold, was named), and a
    # later version wins (the older one was kept: "final wording" lost to "first draft"),
    # but never one dated past the clock (9999 won); a file's own duplicate is said, not
    # counted a malformed annotation that fails the import
    first, second = w3c(start=START, end=START + len(QUOTE)), w3c(start=START, end=START + 4)
    second["body"] = [{"type": "TextualBody", "value": "EVIL", "purpose": "identifying"}]
    file = write(tmp_path, "dup.jsonld", {"type": "AnnotationPage", "items": [first, second]})
    status = run_import(tagged_library, file)
    out = capsys.readouterr().out
    assert status == 0 and f"{first['id']}: held twice, differently" in out
    store = Store(tagged_library / "reader.json", backups=False)
    assert "EVIL" not in {a.source for a in store.annotations()}
    store.close()
    older, newer, bogus = (dict(first, id="quote-17") for _ in range(3))
    older["modified"], newer["modified"] = "2026-11-01T10:00:00Z", "2026-11-20T10:00:00Z"
    bogus["modified"] = "9999-12-31T00:00:00Z"
    newer["body"] = [{"type": "TextualBody", "value": "Final Wording", "purpose": "identifying"}]
    bogus["body"] = [{"type": "TextualBody", "value": "Wrong Person", "purpose": "identifying"}]
    items = [older, newer, bogus]
    file = write(tmp_path, "dup2.jsonld", {"type": "AnnotationPage", "items": items})
    run_import(tagged_library, file)
    out = capsys.readouterr().out
    assert "quote-17: held twice, differently; the version updated 2026-11-20" in out
    store = Store(tagged_library / "reader.json", backups=False)
    sources = {a.source for a in store.annotations()}
    assert "Final Wording" in sources and "Wrong Person" not in sources
    store.close()


def test_annotations_of_articles_not_in_the_library_are_counted_not_listed_by_thousands(
    tagged_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 5,000 annotations of missing articles printed 5,000 lines, and the summary line
    # said "imported 0 annotations", not how many were left out (an attack's finding)
    items = []
    for number in range(25):
        item = w3c(start=START, end=START + len(QUOTE))
        item["id"] = f"urn:uuid:0f6f1d58-0a39-4d38-9f5e-1b1a4cfe{number:04d}"
        item["target"]["source"] = f"missing-{number}.txt"
        items.append(item)
    file = write(tmp_path, "elsewhere.jsonld", {"type": "AnnotationPage", "items": items})
    assert run_import(tagged_library, file) == 1
    captured = capsys.readouterr()
    assert "25 not imported, their article not in the library" in captured.out
    lines = captured.err.splitlines()
    assert len(lines) == 11 and "missing-0.txt" in lines[0]
    assert "elsewhere.jsonld: and 15 more not imported" in lines[-1]


def test_a_qdpx_selection_coded_at_two_sources_is_an_annotation_for_each() -> None:
    # "the mayor and her deputy said together": one source was kept and the other dropped
    # without a word (an attack's finding)
    guid = "b0b0b0b0-0000-0000-0000-000000000009"
    coding = "<Coding guid='c{n}'><CodeRef targetGUID='{code}'/></Coding>"
    project = (
        "<Project xmlns='urn:QDA-XML:project:1.0' name='x'><CodeBook><Codes>"
        "<Code guid='grp' name='Sources' isCodable='false'>"
        "<Code guid='mayor' name='Mayor' isCodable='true'/>"
        "<Code guid='deputy' name='Deputy mayor' isCodable='true'/></Code>"
        "<Code guid='budget' name='budget' isCodable='true'/></Codes></CodeBook>"
        f"<Sources><TextSource guid='{guid}' name='ICE' plainTextPath='internal://{guid}.txt'>"
        "<PlainTextSelection guid='s1' name='q' startPosition='0' endPosition='4'>"
        + coding.format(n=1, code="mayor")
        + coding.format(n=2, code="deputy")
        + coding.format(n=3, code="budget")
        + "</PlainTextSelection></TextSource></Sources></Project>"
    )
    data = qdpx({"project.qde": project.encode(), f"sources/{guid}.txt": ICE_TEXT.encode()})
    incoming = from_qdpx(data, "two.qdpx")
    assert [(i.id, i.source, i.themes) for i in incoming.items] == [
        ("s1", "Mayor", ("budget",)),
        ("s1/source-2", "Deputy mayor", ("budget",)),
    ]
    assert incoming.refused == []


@pytest.mark.parametrize(
    ("quote", "start", "end"),
    [
        ("", 0, len(ICE_TEXT) + 150),  # a position alone, past the end
        ("", len(ICE_TEXT), len(ICE_TEXT) + 5),
        (ICE_TEXT[-40:], len(ICE_TEXT) - 40, len(ICE_TEXT) + 60),  # its quote, its end past
    ],
)
def test_a_position_past_the_articles_end_is_never_stored(
    tagged_library: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    quote: str,
    start: int,
    end: int,
) -> None:
    # {"quote": "", "start": 0, "end": 900} of a 749-character article was "imported 1
    # annotation", and `reader doctor` then found it broken (an attack on imports)
    before = annotation_ids(tagged_library)
    document = {
        "format": "reader-annotations",
        "version": 1,
        "articles": [{"id": 1, "path": ICE}],
        "annotations": [{"id": "nq", "article_id": 1, "quote": quote, "start": start, "end": end}],
    }
    status = run_import(tagged_library, write(tmp_path, "in.json", document))
    err = capsys.readouterr().err
    store = Store(tagged_library / "reader.json", backups=False)
    try:
        new = [a for a in store.annotations() if a.id not in before]
    finally:
        store.close()
    if quote:
        [placed] = new
        assert status == 0 and (placed.start, placed.end) == (start, len(ICE_TEXT))
    else:
        assert status == 1 and new == []
        assert f"nq: its position {start}-{end} is not a passage of its article" in err


def test_a_w3c_position_alone_past_the_end_in_either_unit_is_refused(
    tagged_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # {start: 0, end: 38} of a 35-character text was read as 0-35, the whole text (the
    # reading of units cut it short before the bounds were checked: an attack on the mend)
    before = annotation_ids(tagged_library)
    document = w3c(start=0, end=len(ICE_TEXT) + 3)
    document["target"]["selector"] = document["target"]["selector"][1:]  # (no quote)
    status = run_import(tagged_library, write(tmp_path, "in.jsonld", document))
    assert status == 1 and "is not a passage of its article" in capsys.readouterr().err
    assert annotation_ids(tagged_library) == before


def test_many_annotations_each_held_twice_are_sorted_out_by_their_ids(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 10,000 annotations, then an older version of each: 30 s, each item left out compared
    # with every item kept (stop 77's attacker; 20,000 took over two minutes)
    from reader.interchange import importing

    compared: list[int] = []
    real = importing.Incoming.__eq__

    def counting(self: object, other: object) -> bool:
        compared.append(1)
        return real(self, other)  # type: ignore[no-any-return]

    monkeypatch.setattr(importing.Incoming, "__eq__", counting)
    count = 2_000
    newer = [
        importing.Incoming(f"a{n}", "words", updated="2026-11-20T00:00:00+00:00")
        for n in range(count)
    ]
    older = [
        importing.Incoming(f"a{n}", "other words", updated="2026-11-01T00:00:00+00:00")
        for n in range(count)
    ]
    report = importing.ImportReport()
    kept = importing._newest_of_each_id(newer + older + newer[:1], report)
    assert [item.quote for item in kept] == ["words"] * (count + 1)
    assert len(report.twice) == count
    assert len(compared) <= 4 * count  # (every one kept for each left out: 4 million)


def test_records_naming_another_machines_paths_find_their_articles_in_one_index(
    tmp_path: Path,
) -> None:
    # 10,000 annotations of a W3C file naming file:///elsewhere/NAME into a library of 4,000
    # articles: each read every article three times over (60 s; stop 77's attacker). The
    # library's articles are indexed once for the import; each is found by its file name.
    from types import SimpleNamespace

    from reader.core.records import ArticleRecord
    from reader.interchange import importing
    from tests.helpers.work import lines_run

    count = 300
    records = tuple(
        ArticleRecord(id=n, path=f"story-{n}.txt", title=f"Story {n}", sha256=f"{n:064x}")
        for n in range(1, count + 1)
    )
    store = SimpleNamespace(articles=lambda: records, article=lambda article_id: None)
    library = SimpleNamespace(folder=tmp_path)
    items = [
        importing.Incoming(f"a{n}", "words", article_uri=f"file:///elsewhere/story-{n}.txt")
        for n in range(1, count + 1)
    ]
    found: list[Any] = []
    lines = lines_run(
        importing,
        lambda: found.extend(importing._article_of(store, library, item) for item in items),  # type: ignore[arg-type]
    )
    assert [record.id for record in found] == list(range(1, count + 1))
    assert lines <= 60 * count  # (every article for each: 270,000)
