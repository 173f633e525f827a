"""The search index kept beside the database: reused when current, corrected when not,
ignored when it cannot be trusted, and never different from an index built afresh."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.annotations import search as search_module
from reader.annotations.index_file import (
    FORMAT,
    MAGIC,
    index_path,
    parse_index,
    state_path,
    write_index,
)
from reader.annotations.query import tokens
from reader.annotations.search import SearchIndex, fingerprint
from reader.core.records import Annotation, edited, new_annotation
from reader.storage.database import Store
from tests.helpers.changes_behind import (
    another_readers_fold,
    another_readers_save,
    backup_of_the_same_size_restored,
)

TEXT = (
    "Funding\n\nThe minister said the budget would protect public safety. Critics called the "
    "plan reckless and said sovereignty was at stake. Doug King said agents assist police."
)
QUERIES = ["budget", "dug king", "publc safty", "source:king", "theme:sovereignty", "reckles"]


def _store(db: Path, rows: int = 3) -> Store:
    store = Store(db)
    article = store.add_article(path="a.txt", title="Funding talks", sha256="0").id
    for number in range(rows):
        start = TEXT.index("The minister") if number % 2 == 0 else TEXT.index("Critics")
        store.save_annotation(
            new_annotation(
                article,
                TEXT,
                start,
                start + 60,
                source=["Doug King", "Heather McPherson", "Ana Ruiz"][number % 3],
                themes=[["public safety"], ["sovereignty"]][number % 2],
                note=f"note {number}",
            )
        )
    return store


def _answers(index: SearchIndex) -> list[list[str]]:
    return [[hit.annotation.id for hit in index.search(q).hits] for q in QUERIES]


def _fresh(store: Store) -> SearchIndex:
    return SearchIndex.build(store, kept=False)


def _counting_adds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    added: list[str] = []
    original = SearchIndex._add

    def counted(self: SearchIndex, annotation: search_module.Annotation, new: bool = False) -> None:
        added.append(annotation.id)
        original(self, annotation, new)

    monkeypatch.setattr(SearchIndex, "_add", counted)
    return added


def test_the_index_is_saved_and_the_next_start_reads_no_annotation_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "reader.json"
    store = _store(db)
    first = SearchIndex.build(store)
    assert index_path(db).is_file()
    expected = _answers(first)
    added = _counting_adds(monkeypatch)
    again = SearchIndex.build(Store(db))
    assert added == []
    assert _answers(again) == expected == _answers(_fresh(store))


def test_a_kept_index_whose_articles_were_made_up_is_built_afresh(tmp_path: Path) -> None:
    import numpy as np

    db = tmp_path / "reader.json"
    store = _store(db)
    expected = _answers(SearchIndex.build(store))
    saved = parse_index(index_path(db).read_bytes())
    saved.columns = {name: np.array(v, dtype=np.int64) for name, v in saved.columns.items()}
    saved.columns["article"][:] = 10**6  # (a shared folder can carry such a file)
    write_index(index_path(db), saved)
    state_path(db).unlink(missing_ok=True)
    again = SearchIndex.build(Store(db))
    assert _answers(again) == expected  # (every search with a title's word: IndexError)
    assert [hit.annotation.source for hit in again.search("funding").hits]


def test_edits_made_while_the_index_was_not_watching_are_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "reader.json"
    store = _store(db, rows=4)
    SearchIndex.build(store).save()
    other = Store(db)  # another process: the saved index does not see these
    first, second, *_ = other.annotations()
    other.save_annotation(edited(first, note="a remark about tariffs"))
    other.delete_annotation(second.id)
    added = _counting_adds(monkeypatch)
    index = SearchIndex.build(Store(db))
    assert added == [first.id]
    assert [h.annotation.id for h in index.search("tariffs").hits] == [first.id]
    assert second.id not in {h.annotation.id for h in index.search("budget").hits}
    assert _answers(index) == _answers(_fresh(Store(db)))
    saved = index.saved()
    assert second.id not in saved.ids and len(saved.ids) == 3
    added.clear()
    SearchIndex.build(Store(db))  # what was read again was saved: nothing is read now
    assert added == []


def test_a_mostly_stale_index_is_built_afresh_not_kept_beside_the_new_words(
    tmp_path: Path,
) -> None:
    """Its postings were merged whatever was reused, then every changed annotation added
    again: at 100,000 annotations the app peaked at 460 MB instead of 300."""
    db = tmp_path / "reader.json"
    store = _store(db, rows=4)
    SearchIndex.build(store).save()
    other = Store(db)  # another process rewrites most of it
    for annotation in other.annotations()[:3]:
        other.save_annotation(edited(annotation, note="a remark about tariffs"))
    index = SearchIndex.build(Store(db))
    fresh = _fresh(Store(db))

    def entries(built: SearchIndex) -> int:
        return len(built._vocab.postings.flat()[2])

    assert entries(index) == entries(fresh)
    assert len(index._docs) == len(fresh._docs) == 4
    assert _answers(index) == _answers(fresh)


def test_a_running_index_saves_what_changed_since(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    store = _store(db)
    index = SearchIndex.build(store)
    assert index.save() is False  # nothing new
    annotation = store.annotations()[0]
    store.save_annotation(edited(annotation, themes=("tariffs",)))
    assert index.save() is True
    assert parse_index(index_path(db).read_bytes()) is not None
    assert "tariffs" in parse_index(index_path(db).read_bytes()).words  # type: ignore[union-attr]


def test_a_read_only_database_gets_no_index_file(tmp_path: Path) -> None:
    db = tmp_path / "reader.json"
    _store(db)
    os.chmod(db, 0o444)
    try:
        store = Store(db)
        if not store.read_only:
            pytest.skip("running as a user who can write read-only files")
        index = SearchIndex.build(store)
        assert _answers(index)[0]
        assert not index_path(db).exists()
    finally:
        os.chmod(db, 0o644)


def _valid_bytes(tmp_path: Path) -> bytes:
    db = tmp_path / "source.json"
    SearchIndex.build(_store(db))
    return index_path(db).read_bytes()


def _damaged(tmp_path: Path) -> dict[str, bytes]:
    good = _valid_bytes(tmp_path)
    header_end = good.index(b"}", len(MAGIC) + 8) + 1
    return {
        "empty": b"",
        "garbage": os.urandom(4096),
        "magic only": MAGIC,
        "truncated": good[: len(good) // 2],
        "entries cut": good[:-3],
        "other format": good.replace(f'"format":{FORMAT}'.encode(), b'"format":999'),
        "entry beyond the annotations": good[:header_end]
        + (10**6 << 3).to_bytes(4, "little")
        + good[header_end + 4 :],
        "negative entry": good[:header_end]
        + (-8).to_bytes(4, "little", signed=True)
        + good[header_end + 4 :],
        "header length lies": good[: len(MAGIC)]
        + (2**62).to_bytes(8, "little")
        + good[len(MAGIC) + 8 :],
        "wrong types": good.replace(b'"counts":[', b'"counts":["x",'),
        "other columns": good.replace(b'"columns":["article"', b'"columns":["elsewhere"'),
        "a column short": good[:-8],
    }


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "garbage",
        "magic only",
        "truncated",
        "entries cut",
        "other format",
        "entry beyond the annotations",
        "negative entry",
        "header length lies",
        "wrong types",
        "other columns",
        "a column short",
    ],
)
def test_a_damaged_index_file_is_ignored_and_replaced(tmp_path: Path, case: str) -> None:
    db = tmp_path / "reader.json"
    store = _store(db)
    expected = _answers(_fresh(store))
    index_path(db).write_bytes(_damaged(tmp_path)[case])
    assert parse_index(index_path(db).read_bytes()) is None
    assert _answers(SearchIndex.build(Store(db))) == expected
    assert parse_index(index_path(db).read_bytes()) is not None  # written again, whole


def test_an_index_that_lies_about_words_only_costs_its_own_annotations(tmp_path: Path) -> None:
    """An index copied from another database with the same ids but other text: the
    fingerprints differ, so every annotation is read again."""
    db = tmp_path / "reader.json"
    store = _store(db)
    other = tmp_path / "other.json"
    other_store = Store(other)
    article = other_store.add_article(path="a.txt", title="Funding talks", sha256="0").id
    for annotation in store.annotations():
        other_store.save_annotation(edited(annotation, note="smuggled words", article_id=article))
    SearchIndex.build(other_store)
    index_path(db).write_bytes(index_path(other).read_bytes())
    index = SearchIndex.build(Store(db))
    assert index.search("smuggled").total == 0
    assert _answers(index) == _answers(_fresh(store))


def test_an_index_naming_an_annotation_twice_is_built_afresh(tmp_path: Path) -> None:
    """Each annotation is one row: an index file listing an id twice (not one Reader wrote)
    would have it found twice, so nothing of it is taken."""
    db = tmp_path / "reader.json"
    store = _store(db)
    expected = _answers(_fresh(store))
    saved = SearchIndex.build(store).saved()
    saved.ids[1], saved.fingerprints[1] = saved.ids[0], saved.fingerprints[0]
    assert write_index(index_path(db), saved)
    index = SearchIndex.build(Store(db))
    assert _answers(index) == expected
    assert sorted(len(set(ids)) for ids in _answers(index)) == sorted(map(len, expected))


@pytest.mark.parametrize("kind", ["symlink to a file", "symlink to a device", "folder"])
def test_an_index_path_that_is_not_a_plain_file_is_neither_read_nor_replaced(
    tmp_path: Path, kind: str
) -> None:
    db = tmp_path / "reader.json"
    store = _store(db)
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    path = index_path(db)
    if kind == "symlink to a file":
        path.symlink_to(target)
    elif kind == "symlink to a device":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    index = SearchIndex.build(store)
    assert _answers(index) == _answers(_fresh(store))
    assert target.read_text() == "keep me"
    assert path.is_symlink() or path.is_dir()


def test_an_index_file_larger_than_its_database_could_explain_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "reader.json"
    store = _store(db)
    SearchIndex.build(store)
    monkeypatch.setattr(search_module, "size_limit", lambda db: 10)
    added = _counting_adds(monkeypatch)
    SearchIndex.build(Store(db))
    assert len(added) == 3


def test_changing_how_words_are_read_needs_a_new_index_format() -> None:
    """Bump index_file.FORMAT when this fails: old index files hold the old words."""
    sample = Annotation(
        id="0" * 32,
        article_id=1,
        start=0,
        end=5,
        quote="xxxxx",
        source="Zoë O'Neil-Smith",
        note="Québec's 2026",
        created="2026-01-01T00:00:00+00:00",
        updated="2026-01-01T00:00:00+00:00",
    )
    assert tokens("Québec's «FIRST» O'Neil-Smith 2026 naïve") == [
        "quebec",
        "first",
        "oneil",
        "smith",
        "2026",
        "naive",
    ]
    # (4006211743 before non-ASCII texts were fingerprinted as UTF-8 bytes: the words are
    # the same, and an annotation whose fingerprint changed is read again, not trusted.)
    assert (FORMAT, fingerprint(sample)) == (2, 1867833328)
    assert fingerprint(edited(sample, note="Québec")) != fingerprint(sample)
    assert fingerprint(sample, bytearray(b"left from the last one")) == fingerprint(sample)


_EDIT = st.tuples(st.sampled_from(["add", "edit", "delete"]), st.integers(0, 50), st.text())


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=st.lists(_EDIT, max_size=12))
def test_a_kept_index_after_any_edits_answers_as_a_fresh_one(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int, str]]
) -> None:
    db = tmp_path_factory.mktemp("kept") / "reader.json"
    store = _store(db)
    live = SearchIndex.build(store)
    article = store.articles()[0].id
    for action, number, words in edits:
        current = store.annotations()
        if action == "add" or not current:
            store.save_annotation(new_annotation(article, TEXT, 0, 40, note=words))
        elif action == "edit":
            store.save_annotation(edited(current[number % len(current)], note=words))
        else:
            store.delete_annotation(current[number % len(current)].id)
        if number % 3 == 0:
            live.save()
    live.save()
    fresh = _fresh(store)
    reopened = SearchIndex.build(Store(db))
    queries = [*QUERIES, *{word for _, _, text in edits for word in tokens(text)}]
    for query in queries:
        assert [h.annotation.id for h in reopened.search(query).hits] == [
            h.annotation.id for h in fresh.search(query).hits
        ], query


def test_a_kept_index_file_is_read_a_piece_at_a_time_and_checked_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its entries are not all in memory at once: read from the file in pieces, each
    checked; a damaged piece found late is refused then, and the index built afresh."""
    import numpy as np

    from reader.annotations import index_file

    monkeypatch.setattr(index_file, "_PIECE", 4)  # many pieces even for a small index
    db = tmp_path / "reader.json"
    store = _store(db, rows=40)
    expected = _answers(_fresh(store))
    SearchIndex.build(store)  # kept beside the database
    whole = parse_index(index_path(db).read_bytes())
    assert whole is not None
    saved = index_file.read_index(index_path(db), 1 << 30)
    assert saved is not None and saved.entries.size == 0
    pieces = list(saved.all_pieces())
    assert len(pieces) > 2
    assert np.array_equal(np.concatenate([entries for _, _, entries in pieces]), whole.entries)
    assert [(first, last) for first, last, _ in pieces][-1][1] == len(whole.words)
    # An entry naming an annotation that is not there, in the last piece of the file.
    data = bytearray(index_path(db).read_bytes())
    last_entry = len(data) - 8 * len(whole.ids) * len(index_file.COLUMNS) - 4
    data[last_entry : last_entry + 4] = (10**6 << 3).to_bytes(4, "little")
    index_path(db).write_bytes(bytes(data))
    damaged = index_file.read_index(index_path(db), 1 << 30)
    assert damaged is not None  # the header and columns are fine
    with pytest.raises(index_file.IndexFileError):
        list(damaged.all_pieces())
    assert _answers(SearchIndex.build(Store(db))) == expected
    assert parse_index(index_path(db).read_bytes()) is not None  # written again, whole


def test_preparing_the_typo_windows_after_the_build_changes_no_answer(tmp_path: Path) -> None:
    """The app prepares the vocabulary once the index answers (a step at a time under the
    lock); the answers are the same before, while and after."""
    index = SearchIndex.build(_store(tmp_path / "reader.json", rows=6))
    before = _answers(index)
    steps = iter(index._vocab.preparation())
    next(steps)()  # one step done, the others not yet: a search in between
    assert _answers(index) == before
    index.prepare()
    assert _answers(index) == before
    assert index._vocab._sorted is not None and len(index._vocab._windows) >= 13


@pytest.mark.parametrize("piece", [1, 3, 7, 1 << 18])
def test_a_restored_index_holds_what_a_fresh_one_does_row_for_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int
) -> None:
    """The restore lets go of what it read as it goes (ids, fingerprints, columns) and
    numbers each source's annotations in an array: the rows, their fingerprints, columns
    and names' numbers are still those of an index built afresh, and the file's pieces
    still cover every word once, in order, whatever their size."""
    import numpy as np

    from reader.annotations import index_file
    from reader.annotations.documents import COLUMNS

    monkeypatch.setattr(index_file, "_PIECE", piece)
    db = tmp_path / "reader.json"
    store = _store(db, rows=30)
    SearchIndex.build(store)  # kept beside the database
    saved = index_file.read_index(index_path(db), 1 << 30)
    assert saved is not None
    spans = [(first, last) for first, last, _ in saved.all_pieces()]
    assert spans[0][0] == 0 and spans[-1][1] == len(saved.words)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in pairwise(spans))
    fresh, restored = _fresh(store), SearchIndex.build(Store(db))
    by_id = {a.id: n for n, a in enumerate(fresh._docs.annotations) if a is not None}
    order = [by_id[a.id] for a in restored._docs.annotations if a is not None]
    assert sorted(order) == list(range(len(by_id)))
    assert list(restored._docs.fingerprints) == [fresh._docs.fingerprints[n] for n in order]
    for name in COLUMNS:
        assert restored._docs.column(name).tolist() == fresh._docs.column(name)[order].tolist()
    names = {
        name: sorted(restored._docs.annotations[n].id for n in numbers)  # type: ignore[union-attr]
        for name, numbers in restored._name_docs.items()
    }
    assert names == {
        name: sorted(fresh._docs.annotations[n].id for n in numbers)  # type: ignore[union-attr]
        for name, numbers in fresh._name_docs.items()
    }
    assert _answers(restored) == _answers(fresh)
    assert isinstance(np.frombuffer(restored._name_docs[("doug", "king")], np.int32), np.ndarray)


def test_fingerprinting_leaves_no_copy_of_a_text_inside_it() -> None:
    """Encoding a string that is not ASCII with msgspec keeps a UTF-8 copy of it inside the
    string (CPython's cache) for as long as it lives: fingerprinting 100,000 annotations at
    a start left 4.5 MB of them. The texts are the same and fingerprint the same after."""
    texts = {
        "quote": "“Their authority is exclusively to assist,” — King " * 5,
        "note": "Québec",
        "prefix": "said 日本",
        "suffix": "🙂 after",
    }
    sample = Annotation(id="1" * 32, article_id=1, start=0, end=5, **texts)
    sizes = {name: sys.getsizeof(getattr(sample, name)) for name in texts}
    printed = fingerprint(sample)
    assert {name: sys.getsizeof(getattr(sample, name)) for name in texts} == sizes
    assert fingerprint(sample, bytearray()) == printed
    assert fingerprint(edited(sample, note="Quebec")) != printed
    ascii_only = Annotation(id="1" * 32, article_id=1, start=0, end=5, quote="plain")
    assert fingerprint(ascii_only) != fingerprint(edited(ascii_only, quote="plaín"))


# --- the state file: a kept index checked once need not be checked again ---------------


def _vouched_start(tmp_path: Path) -> Path:
    """A folded database (no journal) whose kept index a start checked and vouched for."""
    db = tmp_path / "reader.json"
    store = _store(db, rows=6)
    store.fold()
    SearchIndex.build(Store(db))  # the index is written
    checking = SearchIndex.build(Store(db))  # a start that checks it all: it is current
    assert checking.vouch() is True
    assert state_path(db).is_file()
    return db


def _counting_fingerprints(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    printed: list[str] = []
    original = search_module.fingerprint

    def counted(annotation: Annotation, into: bytearray | None = None) -> int:
        printed.append(annotation.id)
        return original(annotation, into)

    monkeypatch.setattr(search_module, "fingerprint", counted)
    return printed


def test_a_start_after_one_that_checked_the_kept_index_computes_no_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _vouched_start(tmp_path)
    printed = _counting_fingerprints(monkeypatch)
    added = _counting_adds(monkeypatch)
    index = SearchIndex.build(Store(db))
    assert printed == [] and added == []
    assert index.vouch() is False  # vouched for already: nothing to write
    assert _answers(index) == _answers(_fresh(Store(db)))


def _index_of_other_annotations_kept(db: Path) -> str:
    """Another database's index (its ids and fingerprints) put in this one's place."""
    other = db.with_name("other.json")
    _store(other, rows=6).fold()
    SearchIndex.build(Store(other))
    index_path(db).write_bytes(index_path(other).read_bytes())
    return ""


@pytest.mark.parametrize(
    "change",
    [
        another_readers_save,
        another_readers_fold,
        backup_of_the_same_size_restored,
        _index_of_other_annotations_kept,
    ],
)
def test_the_state_file_never_vouches_for_a_database_changed_behind_its_back(
    tmp_path: Path, change: Callable[[Path], str]
) -> None:
    db = _vouched_start(tmp_path)
    word = change(db)  # the word it brought in ("": none)
    index = SearchIndex.build(Store(db))
    assert _answers(index) == _answers(_fresh(Store(db)))
    assert index.vouch() is False  # (not all current: nothing to vouch for)
    if word:
        assert index.search(word).hits  # the change is seen
        assert not index.search("reckless").hits or word != "careless"


def test_a_damaged_state_file_only_costs_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _vouched_start(tmp_path)
    state_path(db).write_bytes(b'{"code": 1, "header": [')
    printed = _counting_fingerprints(monkeypatch)
    index = SearchIndex.build(Store(db))
    assert len(printed) == 6
    assert _answers(index) == _answers(_fresh(Store(db)))
    assert index.vouch() is True  # and it is written again
