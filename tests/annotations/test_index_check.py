"""`reader doctor` and the search index kept beside the database: a kept index that gives
a start other words than the annotations hold is found and removed; one Reader kept as it
should is never reported."""

from __future__ import annotations

from pathlib import Path

from reader.annotations.index_check import check_kept_index, kept_files
from reader.annotations.index_file import (
    index_path,
    parse_index,
    read_index,
    size_limit,
    state_path,
    vouch,
    write_index,
)
from reader.annotations.search import SearchIndex
from reader.core.records import edited, new_annotation
from reader.storage.database import Store
from tests.helpers.cli import run_reader

TEXT = (
    "Funding\n\nThe minister said the budget would protect public safety. Critics called the "
    "plan reckless and said sovereignty was at stake. Doug King said agents assist police."
)


def _library(tmp_path: Path) -> Path:
    """A library of one article and three annotations, its index kept as Reader keeps it."""
    library = tmp_path / "library"
    library.mkdir()
    (library / "a.txt").write_text(TEXT, encoding="utf-8")
    db = library / "reader.json"
    store = Store(db)
    article = store.add_article(path="a.txt", title="Funding", sha256="0").id
    for source, start in (("Doug King", 9), ("Ana Ruiz", 70), ("Lee Chan", 120)):
        store.save_annotation(
            new_annotation(article, TEXT, start, start + 40, source=source, note=f"{source} note")
        )
    SearchIndex.build(store)  # (saved beside the database, as a start saves it)
    store.close()
    return library


def _crafted(db: Path, word: str, instead: str) -> None:
    """The kept index with `word` spelled `instead` (ids and fingerprints left right)."""
    saved = parse_index(index_path(db).read_bytes())
    assert saved is not None
    assert word in saved.words
    saved.words = [instead if w == word else w for w in saved.words]
    write_index(index_path(db), saved)


def _check(db: Path) -> tuple[int, int]:
    store = Store(db)
    try:
        found = check_kept_index(store)
    finally:
        store.close()
    assert found is not None
    return found.taken, found.wrong


def test_an_index_kept_by_reader_through_edits_is_never_reported(tmp_path: Path) -> None:
    library = _library(tmp_path)
    db = library / "reader.json"
    store = Store(db)
    first = store.annotations()[0]
    store.save_annotation(edited(first, note="budget questions", themes=["public safety"]))
    store.delete_annotation(store.annotations()[1].id)
    SearchIndex.build(store)  # (a start that found one row stale and one gone)
    store.close()
    assert _check(db) == (2, 0)
    result = run_reader("doctor", "--library", str(library))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "search index" not in result.stdout


def test_a_crafted_index_that_hides_an_annotation_is_found_and_removed(tmp_path: Path) -> None:
    library = _library(tmp_path)
    db = library / "reader.json"
    _crafted(db, "budget", "budgeu")
    store = Store(db)
    assert SearchIndex.build(store).search("budget").total == 0  # (the harm: hidden)
    store.close()
    assert _check(db) == (3, 1)

    result = run_reader("doctor", "--library", str(library))
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "search index" in line]
    assert line.lstrip().startswith("problem:") and "1 of the 3 annotations" in line
    assert index_path(db).exists()  # (only --fix removes)

    fixed = run_reader("doctor", "--fix", "--library", str(library))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "fixed: .reader.json.index" in fixed.stdout
    assert not any(path.exists() for path in kept_files(db))
    store = Store(db)
    assert SearchIndex.build(store).search("budget").total == 1
    store.close()
    assert _check(db) == (3, 0)


def test_an_index_a_forged_state_file_vouches_for_is_checked_whatever_its_fingerprints(
    tmp_path: Path,
) -> None:
    """A start that the state file vouches to takes every row without computing a
    fingerprint; a hand can write that file too (its sums are plain CRCs): so the check
    takes the rows a start would."""
    library = _library(tmp_path)
    db = library / "reader.json"
    Store(db).fold()  # (no journal: the state names the database's table as saved)
    saved = parse_index(index_path(db).read_bytes())
    assert saved is not None
    saved.fingerprints = [0] * len(saved.ids)
    saved.words = ["budgeu" if w == "budget" else w for w in saved.words]
    write_index(index_path(db), saved)
    kept = read_index(index_path(db), size_limit(db))
    assert kept is not None
    kept.close()
    header = kept.header_sum
    store = Store(db)
    as_read = store.annotations_as_read()[1]
    assert header is not None and as_read is not None
    assert vouch(state_path(db), header, as_read)
    assert SearchIndex.build(store).search("budget").total == 0  # (taken unchecked)
    store.close()
    assert _check(db) == (3, 1)


def test_an_index_whose_fingerprint_is_past_any_crc_is_ignored_not_a_traceback(
    tmp_path: Path,
) -> None:
    import json

    from reader.annotations.index_file import MAGIC

    library = _library(tmp_path)
    db = library / "reader.json"
    raw = index_path(db).read_bytes()
    start = len(MAGIC) + 8
    length = int.from_bytes(raw[len(MAGIC) : start], "little")
    header = json.loads(raw[start : start + length])
    header["fingerprints"][0] = 2**64 - 1  # (msgspec reads it as an int; numpy cannot)
    encoded = json.dumps(header).encode()
    index_path(db).write_bytes(
        MAGIC + len(encoded).to_bytes(8, "little") + encoded + raw[start + length :]
    )
    store = Store(db)
    assert SearchIndex.build(store).search("budget").total == 1  # (built afresh)
    store.close()
    for command in (["search", "budget"], ["doctor"]):
        result = run_reader(*command, "--library", str(library))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
