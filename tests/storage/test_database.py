"""The TinyDB store: saving, reloading, names, atomic writes, refusing damaged files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.records import MAX_THEMES, edited, new_annotation
from reader.storage.database import Store, StoreError
from reader.storage.migrations import SCHEMA_VERSION

TEXT = "Title\n\n“Their authority in Canada is exclusively to assist,” King said. More text here."


def make_store(tmp_path: Path) -> tuple[Store, int]:
    store = Store(tmp_path / "reader.json")
    article = store.add_article(path="a.txt", title="Title", sha256="0" * 64)
    return store, article.id


def test_a_new_database_is_written_with_its_first_change_and_its_schema(tmp_path: Path) -> None:
    store = Store(tmp_path / "reader.json")
    assert not (tmp_path / "reader.json").exists()  # opening writes nothing
    store.add_article(path="a.txt", title="A", sha256="0")
    data = json.loads((tmp_path / "reader.json").read_text())
    meta = next(iter(data["meta"].values()))
    assert meta["schema"] == SCHEMA_VERSION
    assert set(data) == {"meta", "articles", "annotations", "sources", "themes", "deleted"}


def test_annotation_survives_reopening(tmp_path: Path) -> None:
    store, article_id = make_store(tmp_path)
    start = TEXT.index("Their")
    saved = store.save_annotation(
        new_annotation(
            article_id,
            TEXT,
            start,
            start + 20,
            source="Doug King",
            themes=["public safety"],
            note=" n ",
        )
    )
    reopened = Store(tmp_path / "reader.json")
    assert reopened.annotations() == [saved]
    assert saved.quote == TEXT[start : start + 20]
    assert saved.prefix == TEXT[:start][-32:]
    assert saved.suffix == TEXT[start + 20 :][:32]
    assert saved.note == "n"
    assert saved.created.endswith("+00:00")


def test_names_compare_case_and_space_insensitively(tmp_path: Path) -> None:
    store, article_id = make_store(tmp_path)
    store.save_annotation(
        new_annotation(article_id, TEXT, 0, 5, source="Doug King", themes=["Public Safety"])
    )
    second = store.save_annotation(
        new_annotation(
            article_id,
            TEXT,
            7,
            12,
            source="doug   king",
            themes=["public  safety", "PUBLIC SAFETY"],
        )
    )
    assert second.source == "Doug King"
    assert second.themes == ("Public Safety",)
    assert [s.name for s in store.sources()] == ["Doug King"]
    assert [t.name for t in store.themes()] == ["Public Safety"]


def test_editing_replaces_and_deleting_removes(tmp_path: Path) -> None:
    store, article_id = make_store(tmp_path)
    saved = store.save_annotation(new_annotation(article_id, TEXT, 0, 5, source="A"))
    changed = store.save_annotation(edited(saved, source="B", note="why"))
    assert Store(tmp_path / "reader.json").annotations() == [changed]
    assert store.delete_annotation(saved.id) == changed
    assert Store(tmp_path / "reader.json").annotations() == []
    assert store.delete_annotation(saved.id) is None


def test_a_deletion_is_remembered_until_the_annotation_is_saved_again(tmp_path: Path) -> None:
    store, article_id = make_store(tmp_path)
    saved = store.save_annotation(new_annotation(article_id, TEXT, 0, 5, source="A"))
    watching = Store(tmp_path / "reader.json")  # another Reader on the same database
    store.delete_annotation(saved.id)
    when = store.deleted_at(saved.id)
    assert when is not None and when >= saved.updated
    assert watching.refresh() and watching.deleted_at(saved.id) == when  # from the journal
    store.fold()
    assert Store(tmp_path / "reader.json").deleted_at(saved.id) == when  # and from the file
    store.save_annotation(saved)  # undone
    assert store.deleted_at(saved.id) is None
    assert Store(tmp_path / "reader.json").deleted_at(saved.id) is None


def test_most_used_themes_rank_by_count_then_name(tmp_path: Path) -> None:
    store, article_id = make_store(tmp_path)
    for themes in (["b"], ["b", "a"], ["c"], ["b"]):
        store.save_annotation(new_annotation(article_id, TEXT, 0, 5, themes=themes))
    assert store.most_used_themes() == ["b", "a", "c"]


def test_article_ids_are_never_reused(tmp_path: Path) -> None:
    store, first = make_store(tmp_path)
    second = store.add_article(path="b.txt", title="B", sha256="1" * 64)
    reopened = Store(tmp_path / "reader.json")
    third = reopened.add_article(path="c.txt", title="C", sha256="2" * 64)
    assert (first, second.id, third.id) == (1, 2, 3)


def temporary_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.tmp"))


def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    store, article_id = make_store(tmp_path)
    store.save_annotation(new_annotation(article_id, TEXT, 0, 5))
    assert temporary_files(tmp_path) == []
    assert (tmp_path / "reader.json").is_file()


def test_a_failed_write_leaves_the_old_file_and_memory_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.storage.journal

    store, article_id = make_store(tmp_path)
    store.save_annotation(new_annotation(article_id, TEXT, 0, 5, source="Kept"))
    before = ((tmp_path / "reader.json").read_bytes(), store.journal.path.read_bytes())

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reader.storage.journal, "_sync", disk_full)
    with pytest.raises(StoreError, match=r"could not save .*No space left.* unchanged"):
        store.save_annotation(new_annotation(article_id, TEXT, 7, 12, source="Lost"))
    monkeypatch.undo()
    assert ((tmp_path / "reader.json").read_bytes(), store.journal.path.read_bytes()) == before
    assert [a.source for a in store.annotations()] == ["Kept"]
    assert [s.name for s in store.sources()] == ["Kept"]
    assert temporary_files(tmp_path) == []
    store.save_annotation(new_annotation(article_id, TEXT, 7, 12, source="Later"))
    assert sorted(a.source for a in Store(tmp_path / "reader.json").annotations()) == [
        "Kept",
        "Later",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (
            b'{"meta": {"1": {"schema": 2, "next_article_id": 1}}, "articles": {"1": {"id": 1, "pa',
            "not valid JSON",
        ),
        (b"", "empty"),
        (b"[1, 2]", "not a Reader database"),
        (b'{"meta": {"1": {}}}', "no schema version"),
        (b'{"meta": {"1": {"schema": 99, "reader_version": "9.0"}}}', "newer Reader"),
        (b'{"meta": {"1": {"schema": 99}}, "shiny": {}}', "newer Reader"),
        (
            b'{"meta": {"1": {"schema": 2}}, "annotations": {"1": {"start": 1}}}',
            "not a Reader database",
        ),
        (b'{"meta": {"1": {"schema": 2}}, "recipes": {}}', "not a Reader database"),
    ],
    ids=[
        "garbage",
        "truncated",
        "empty",
        "array",
        "no-schema",
        "newer",
        "newer-shape",
        "bad-record",
        "foreign",
    ],
)
def test_damaged_or_foreign_files_are_refused_and_left_alone(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "reader.json"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message) as error:
        Store(path)
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)
    if "newer" not in message:
        assert "reader restore" in str(error.value)  # points at the way out
    assert path.read_bytes() == content
    assert not (tmp_path / ".reader-backups").exists() or not list(
        (tmp_path / ".reader-backups").iterdir()
    )


def test_listeners_hear_every_change(tmp_path: Path) -> None:
    store, article_id = make_store(tmp_path)
    heard = []
    store.subscribe(heard.append)
    saved = store.save_annotation(new_annotation(article_id, TEXT, 0, 5))
    store.delete_annotation(saved.id)
    assert [(len(c.added), len(c.removed)) for c in heard] == [(1, 0), (0, 1)]


def test_a_failed_batch_leaves_memory_as_the_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.storage.journal

    store, article_id = make_store(tmp_path)
    store.save_annotation(new_annotation(article_id, TEXT, 0, 5, source="Kept"))

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reader.storage.journal, "_sync", disk_full)
    with pytest.raises(StoreError, match="No space left"), store.batch():
        store.add_article(path="b.txt", title="B", sha256="1")
        store.save_annotation(new_annotation(article_id, TEXT, 7, 12, source="Lost"))
    monkeypatch.undo()
    assert [r.path for r in store.articles()] == ["a.txt"]
    assert [a.source for a in store.annotations()] == ["Kept"]
    assert [r.path for r in Store(tmp_path / "reader.json").articles()] == ["a.txt"]


def test_a_batch_is_one_change_in_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.storage.tinydb_storage
    from reader.storage.journal import Journal

    store, _ = make_store(tmp_path)
    files, appends = [], []
    original_write = reader.storage.tinydb_storage.write_atomically
    original_append = Journal.append
    monkeypatch.setattr(
        reader.storage.tinydb_storage,
        "write_atomically",
        lambda *a: files.append(1) or original_write(*a),
    )
    monkeypatch.setattr(
        Journal, "append", lambda self, *a: appends.append(1) or original_append(self, *a)
    )
    with store.batch():
        for number in range(5):
            store.add_article(path=f"{number}.txt", title=str(number), sha256=str(number))
    assert (len(files), len(appends)) == (0, 1)
    assert len(Store(tmp_path / "reader.json").articles()) == 6


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 60)), min_size=1, max_size=30))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_an_article_s_annotations_come_in_text_order_after_a_start_and_any_change(
    tmp_path: Path, places: list[tuple[int, int]]
) -> None:
    """Put in order when first asked for after a start (not all at once), and kept in
    order by saves and deletes made before or after that."""
    text = "Title\n\n" + "word " * 40
    db = tmp_path / f"{len(places)}-{places[0]}.json"
    store = Store(db)
    ids = [store.add_article(path=f"{n}.txt", title=f"T{n}", sha256=str(n)).id for n in range(4)]
    for article, start in places:
        store.save_annotation(new_annotation(ids[article], text, 7 + start, 20 + start))
    store.close()

    def in_order(store: Store) -> bool:
        return all(
            [(a.start, a.end) for a in store.annotations_for(i)]
            == sorted((a.start, a.end) for a in store.annotations_for(i))
            for i in ids
        )

    again = Store(db)
    again.save_annotation(new_annotation(ids[places[0][0]], text, 8, 9))  # before any read
    assert in_order(again)
    gone = again.annotations_for(ids[places[-1][0]])[0]
    again.delete_annotation(gone.id)
    again.save_annotation(new_annotation(ids[0], text, 30, 33))
    assert in_order(again)
    assert sum(len(again.annotations_for(i)) for i in ids) == len(places) + 1
    again.close()


def test_texts_and_ids_that_are_not_ascii_read_back_identical(tmp_path: Path) -> None:
    """Quotes, notes, context and ids with curly quotes, accents, CJK, astral characters:
    read back identical from the journal, after a fold, and decoded a piece at a time (the
    table over one piece: how a start reads it)."""
    store, article_id = make_store(tmp_path)
    start = TEXT.index("Their")
    base = new_annotation(article_id, TEXT, start, start + 20, source="Zoë Núñez")
    texts = ["“Quoted,” she said — ‘again’ ", "Zoë’s 北京 note 😀 ", "é" * 7, "plain ascii "]
    saved = store.save_annotations(
        msgspec.structs.replace(
            base,
            id=f"ü-{number}-{texts[number % 4][:3]}",
            quote=texts[number % 4] * (60 + number % 7),
            note=texts[(number + 1) % 4] * (number % 3),
            prefix=texts[(number + 2) % 4],
            suffix=texts[(number + 3) % 4],
        )
        for number in range(3_000)
    )
    expected = {annotation.id: annotation for annotation in saved}
    assert len(expected) == 3_000 and len(store.annotations()) == 3_000
    replayed = Store(tmp_path / "reader.json")  # from the journal
    assert {a.id: a for a in replayed.annotations()} == expected
    assert replayed.fold()
    replayed.close()
    lazy = Store(tmp_path / "reader.json", lazy=True)  # from the file, in pieces
    lazy.start_loading()
    lazy.wait_loaded()
    assert {a.id: a for a in lazy.annotations()} == expected
    assert (tmp_path / "reader.json").stat().st_size > 1 << 20  # (more than one piece)


@pytest.mark.parametrize("per_passage", [MAX_THEMES, 3])
def test_thousands_of_new_themes_take_their_quick_keys_in_one_pass(
    tmp_path: Path, per_passage: int
) -> None:
    # An import of one annotation with 200,000 themes (a 2.4 MB file) had not finished
    # after a minute: each new theme looked for its quick key over the whole codebook
    # (30,000 took 10 s, now 0.6 s). One passage has at most MAX_THEMES now: 150 of them.
    # Spread three a passage, the same themes took 14 s: the codebook was copied, and its
    # keys gathered, once per annotation (100,000 annotations: over a quarter of an hour).
    store, article_id = make_store(tmp_path)
    themes = tuple(f"theme {n}" for n in range(30_000))
    annotations = [
        new_annotation(article_id, "Hello world", 0, 5, themes=themes[at : at + per_passage])
        for at in range(0, len(themes), per_passage)
    ]
    started = time.perf_counter()
    store.save_annotations(annotations)
    elapsed = time.perf_counter() - started
    keys = {theme.name: theme.key for theme in store.themes()}
    store.close()
    assert [keys[f"theme {n}"] for n in range(10)] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]
    assert set(keys.values()) == set(range(10))
    assert elapsed < 3, f"{elapsed:.1f} s for 30,000 new themes"


def test_a_description_is_stored_without_escape_sequences(tmp_path: Path) -> None:
    store = Store(tmp_path / "reader.json")
    article = store.add_article(path="a.txt", title="T", sha256="0")
    store.save_annotation(new_annotation(article.id, "Title\n\nSome text.", 7, 11, source="Pat"))
    store.describe_source("Pat", "mayor\x1b]52;c;Rk1T\x07 \x1b[2J of Town")
    (source,) = store.sources()
    assert source.description == "mayor of Town"
